"""Cell formats (created once per workbook), the title block, page setup and signatures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.report.labels import t

if TYPE_CHECKING:
    from pipeline.report.cells import Context

# Vietnamese administrative documents are set in Times New Roman (Nghị định 30/2020).
FONT = "Times New Roman"
COUNT = "#,##0"
RATE = "0.00"
HEADER_FILL = "#DDEBF7"
TOTAL_FILL = "#F2F2F2"
ERROR_FILL = "#FFC7CE"
WARNING_FILL = "#FFEB9C"
MUTED_FILL = "#EDEDED"

_BASE = {"font_name": FONT, "font_size": 11, "valign": "vcenter"}
_CELL = {"border": 1}
_TOTAL = {"border": 1, "bold": True, "bg_color": TOTAL_FILL}
_HEAD = {"border": 1, "bold": True, "align": "center", "text_wrap": True, "bg_color": HEADER_FILL}

_FORMATS: dict[str, dict] = {
    # title block
    "org": {"bold": True, "align": "center", "text_wrap": True},
    "nation": {"bold": True, "align": "center"},
    "motto": {"bold": True, "underline": 1, "align": "center"},
    "title": {"bold": True, "font_size": 14, "align": "center", "text_wrap": True},
    "subtitle": {"italic": True, "align": "center", "text_wrap": True},
    # headers
    "head": _HEAD,
    "head_rot": {**_HEAD, "rotation": 90},
    "colnum": {"border": 1, "italic": True, "align": "center", "font_size": 9},
    # body
    "text": _CELL,
    "wrap": {**_CELL, "text_wrap": True},
    "center": {**_CELL, "align": "center"},
    "int": {**_CELL, "num_format": COUNT},
    "year": {**_CELL, "num_format": "0", "align": "center"},
    "rate": {**_CELL, "num_format": RATE},
    "muted": {**_CELL, "italic": True, "font_color": "#595959", "bg_color": MUTED_FILL},
    "met": {**_CELL, "align": "center", "font_color": "#006100"},
    "not_met": {**_CELL, "align": "center", "font_color": "#9C0006"},
    # total rows
    "total_text": _TOTAL,
    "total_label": {**_TOTAL, "align": "center"},
    "total_int": {**_TOTAL, "num_format": COUNT},
    "total_rate": {**_TOTAL, "num_format": RATE},
    # a commune figure that is not the column's sum: marked (*) like the commune's Đạt/Chưa đạt
    "total_int_note": {**_TOTAL, "num_format": '#,##0" (*)"'},
    "total_met": {**_TOTAL, "align": "center", "font_color": "#006100"},
    "total_not_met": {**_TOTAL, "align": "center", "font_color": "#9C0006"},
    # Tổng hợp sheet
    "label": {**_CELL, "text_wrap": True},
    "label_bold": {**_CELL, "text_wrap": True, "bold": True},
    "big_rate": {**_CELL, "num_format": RATE, "bold": True, "font_size": 13},
    "big_met": {**_CELL, "align": "center", "bold": True, "font_size": 13, "font_color": "#006100"},
    "big_not_met": {
        **_CELL,
        "align": "center",
        "bold": True,
        "font_size": 13,
        "font_color": "#9C0006",
    },
    "value_text": {**_CELL, "align": "right"},
    "left_rate": {"num_format": RATE, "align": "left", "bold": True},
    "left_text": {"align": "left", "bold": True},
    # free lines
    "section": {"bold": True},
    "section_cell": {**_CELL, "bold": True, "bg_color": TOTAL_FILL},
    "note": {"italic": True, "text_wrap": True, "valign": "top"},
    "alert": {"bold": True, "font_color": "#9C0006", "text_wrap": True},
    "good": {"bold": True, "font_color": "#006100", "text_wrap": True},
    # issue rows
    "err_text": {**_CELL, "text_wrap": True, "bg_color": ERROR_FILL},
    "err_int": {**_CELL, "align": "center", "bg_color": ERROR_FILL},
    "warn_text": {**_CELL, "text_wrap": True, "bg_color": WARNING_FILL},
    "warn_int": {**_CELL, "align": "center", "bg_color": WARNING_FILL},
    # signatures
    "sign": {"bold": True, "align": "center"},
    "sign_note": {"italic": True, "align": "center"},
}


class Styles:
    """The workbook's named formats, looked up as ``styles['int']``."""

    def __init__(self, workbook: Workbook) -> None:
        self._formats = {
            name: workbook.add_format({**_BASE, **props}) for name, props in _FORMATS.items()
        }

    def __getitem__(self, name: str) -> Format:
        return self._formats[name]


def merge_text(
    ws: Worksheet,
    first_row: int,
    first_col: int,
    last_row: int,
    last_col: int,
    text: str,
    fmt: Format,
) -> None:
    """Merge a range (or write one cell) holding ``text`` as a string, never as a formula."""
    if (first_row, first_col) != (last_row, last_col):
        ws.merge_range(first_row, first_col, last_row, last_col, "", fmt)
    ws.write_string(first_row, first_col, text, fmt)


def title_block(
    ctx: Context, ws: Worksheet, title: str, ncols: int, split: int | None = None
) -> int:
    """Write the official heading and the sheet title; return the first free row."""
    lang, st = ctx.lang, ctx.st
    split = split if split is not None else max(1, ncols // 2)
    last = max(ncols - 1, split)
    merge_text(ws, 0, 0, 0, split - 1, t("org", lang, commune=ctx.commune.upper()), st["org"])
    merge_text(ws, 0, split, 0, last, t("nation", lang), st["nation"])
    merge_text(ws, 1, split, 1, last, t("motto", lang), st["motto"])
    merge_text(ws, 3, 0, 3, last, title, st["title"])
    ws.set_row(3, 36)
    merge_text(ws, 4, 0, 4, last, ctx.standard_line, st["subtitle"])
    return 6


def page_setup(
    ctx: Context, ws: Worksheet, header_first: int | None, header_last: int | None
) -> None:
    """A4 landscape, one page wide, header rows repeated, page numbers in the footer."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.center_horizontally()
    if header_first is not None:
        ws.repeat_rows(header_first, header_last)
    ws.set_footer(t("footer", ctx.lang))


def signature_block(ctx: Context, ws: Worksheet, row: int, ncols: int, split: int) -> int:
    """Preparer on the left, chairman on the right, undated; return the row after it."""
    lang, st, plan = ctx.lang, ctx.st, ctx.result.plan
    last = max(ncols - 1, split)
    merge_text(ws, row, split, row, last, t("sign.date", lang), st["sign_note"])
    left = [("sign.reporter", "sign"), ("sign.reporter.note", "sign_note")]
    right = [("sign.org", "sign"), ("sign.chairman", "sign"), ("sign.chairman.note", "sign_note")]
    for i, (key, fmt) in enumerate(left):
        merge_text(ws, row + 1 + i, 0, row + 1 + i, split - 1, t(key, lang), st[fmt])
    for i, (key, fmt) in enumerate(right):
        merge_text(ws, row + 1 + i, split, row + 1 + i, last, t(key, lang), st[fmt])
    names_row = row + 8
    if plan.reporter:
        merge_text(ws, names_row, 0, names_row, split - 1, plan.reporter, st["sign"])
    if plan.chairman:
        merge_text(ws, names_row, split, names_row, last, plan.chairman, st["sign"])
    return names_row + 1
