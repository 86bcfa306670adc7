"""The list for public posting at each hamlet, NiemYet_YYYY-MM.xlsx (CONTRACT §5).

Posting the list (niêm yết công khai) is a step of the review (DOMAIN §3.2): the hamlet's
current poor and near-poor households, so neighbours can object. It carries no income
and no full ID number (only its last 4 digits: ``********1234``), also none typed into a
head's name or used as a Mã hộ (session 51), nor a telephone number in any form (session 52).

One sheet per hamlet, in plan order, named after the hamlet; with more than
``SHEETS_MAX`` hamlets, one sheet ``Niêm yết`` with a section per hamlet, each on its own
printed page, and each page after a hamlet's first naming the hamlet above the header. The households are exactly those of 'DS hộ nghèo' and 'DS hộ cận nghèo'.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from itertools import groupby
from pathlib import Path

import numpy as np
import pandas as pd
from xlsxwriter.worksheet import Worksheet

from pipeline.figures import as_start_writes
from pipeline.messages import with_unit
from pipeline.normalise import typed_after_equals
from pipeline.report.bulk import (
    Block,
    Column,
    add_block,
    fitted_heights,
    new_workbook,
    values_of,
    wrapped_lines,
)
from pipeline.report.cells import (
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    Context,
    as_text,
    merged_width,
    safe_sheet_names,
    text_lines,
)
from pipeline.report.labels import t
from pipeline.report.lists import counted_households
from pipeline.report.styles import (
    PAGE_HEIGHT_PT,
    PAGE_SHARES,
    ROW_HEIGHT_PT,
    TITLE_SIZE,
    Styles,
    end_rows,
    keep_with_table,
    merge_text,
    page_setup,
    print_scale,
    signature_block,
    text_kept,
    written_height,
)
from pipeline.report.workbook import FIXED_DATE
from pipeline.rosterchecks import ids_posted
from pipeline.types import RunResult

# More hamlets than this and the sheets would be hard to find in the tab bar: one sheet instead.
SHEETS_MAX = 50
SINGLE_SHEET = "Niêm yết"
# (household column, label key, width, cell kind)
COLUMNS = [
    ("ma_ho", "col.ma_ho", 13, "text"),
    ("chu_ho", "col.chu_ho", 30, "wrap"),
    ("nam_sinh", "col.nam_sinh", 9, "year"),
    ("gioi_tinh", "col.gioi_tinh", 9, "center"),
    ("dan_toc", "col.dan_toc", 12, "text"),
    ("nhan_khau", "col.nhan_khau", 10, "int"),
    ("phan_loai", "col.phan_loai", 15, "text"),
    ("so_dinh_danh", "col.so_dinh_danh.masked", 19, "center"),
]
WIDTHS = [6] + [w for _, _, w, _ in COLUMNS]
# Each table column's format and kind of cell (pipeline.report.bulk.Column): the row number,
# then COLUMNS'.
KINDS = [("center", "num")] + [
    (kind, "num" if kind in ("year", "int") else "text") for _, _, _, kind in COLUMNS
]
# A line of text across the sheet (a notice, a hamlet not posted, the line naming a continued
# page's hamlet), merged over all the columns (A–I: 906 pixels), wraps at their width, as the
# title does (0.9 of the columns' widths before session 55's review, 780 pixels: a hamlet not
# posted, 52,563 bold of the 58,636 a line holds, was given two lines where it prints one).
LINE_WIDTH = merged_width(WIDTHS)
# The title wraps at the same width; each of its lines (bold, :data:`styles.TITLE_SIZE` points)
# takes this many points of its row (two lines: 44, the row's height whatever the title before
# session 55).
TITLE_WIDTH = LINE_WIDTH
TITLE_LINE_PT = 22
NCOLS = len(WIDTHS)
SPLIT = 4  # the title block's and the signature's left half: columns A–D
CLASS_ORDER = {"poor": 0, "near_poor": 1}


def mask_id(value) -> str:
    """An ID number reduced to the last 4 of its digits, ``********1234``. Only digits are
    shown: words around them ('CCCD: …', 'Chưa có') are not; a text with fewer than 4 digits,
    or a blank, is blank."""
    text = as_text(value)
    digits = (
        text
        if text.isascii() and text.isdecimal()
        else "".join(str(int(c)) for c in text if c.isdecimal())
    )  # any script's digits, written 0-9
    if len(digits) < 4:
        return ""
    return "*" * 8 + digits[-4:]


def _masked(values: list) -> list[str]:
    """:func:`mask_id` of each value; an ID of ASCII digits only (the usual one) is cut here,
    without looking for missing values and other scripts' digits in each of a province's
    300,000."""
    return [
        (("*" * 8 + v[-4:]) if len(v) >= 4 else "")
        if type(v) is str and v.isascii() and v.isdecimal()
        else mask_id(v)
        for v in values
    ]


def write_public_list(result: RunResult, path: Path) -> None:
    """Write the public-posting workbook for ``result`` at ``path``: in Vietnamese whatever the
    run's ``--lang``, since it is posted in the hamlet."""
    result = replace(result, lang="vi")
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    households = result.households
    wb = new_workbook(str(path), options, rows=0 if households is None else len(households))
    ctx = Context(wb, Styles(wb), result)
    lang = ctx.lang
    wb.set_properties(
        {
            "title": t("pub.doc_title", lang, m=ctx.month, y=ctx.year, commune=ctx.commune),
            "author": "giamngheo",
            "created": FIXED_DATE,
        }
    )
    by_hamlet = _by_hamlet(ctx)
    for hamlet, count in _pending(ctx).items():
        by_hamlet.setdefault(hamlet, {})["_pending"] = count
    hamlets = ctx.hamlets or [{"hamlet": h, "status": "ok"} for h in result.plan.hamlet_names]
    if len(hamlets) <= SHEETS_MAX:
        names = safe_sheet_names([h["hamlet"] for h in hamlets], set(), fallback="Xóm")
        for fig in hamlets:
            ws = wb.add_worksheet(names[fig["hamlet"]])
            _setup(ws)
            rows = by_hamlet.get(fig["hamlet"], {})
            end, repeat = _section(ctx, ws, 0, fig, rows)
            ws.freeze_panes(repeat[1] + 1 if repeat else 6, 0)
            ws.print_area(0, 0, end, NCOLS - 1)  # (before page_setup, which measures it)
            page_setup(ctx, ws, *(repeat or (None, None)))
            _footer(ctx, ws, fig["hamlet"])
    else:
        ws = wb.add_worksheet(SINGLE_SHEET)
        _setup(ws)
        row = 0
        for fig in hamlets:
            if row:
                # Each hamlet starts a printed page (Excel keeps the first 1,023 manual breaks).
                _break_above(ws, row)
            rows = by_hamlet.get(fig["hamlet"], {})
            end, _ = _section(ctx, ws, row, fig, rows, single=True)
            row = end + 2
        page_setup(ctx, ws, None, None)
    text_kept(wb)
    wb.close()


# Excel takes a header or footer of at most 255 characters (XlsxWriter leaves a longer one out).
FOOTER_MAX = 255


def _footer(ctx: Context, ws: Worksheet, hamlet: str) -> None:
    """The page footer of a hamlet's sheet: the hamlet, commune and month beside the page
    number, so that a page past the first (the table's header, then households) still says
    whose list it is when posted or handed round on its own."""

    def plain(text: str) -> str:  # '&' begins a code in a footer: '&&' is the character
        return text.replace("&", "&&")

    footer = t("pub.footer", ctx.lang, hamlet=plain(with_unit(as_text(hamlet), "Xóm")),
               commune=plain(ctx.commune), m=ctx.month, y=ctx.year)  # fmt: skip
    if len(footer) <= FOOTER_MAX:
        ws.set_footer(footer)
    # Each hamlet's pages are numbered from 1, also when the whole workbook is printed at once
    # (Excel and LibreOffice number the pages of all the sheets on): each hamlet is given its
    # own pages. '&N' would still count the whole printout's, so the footer does not say it.
    ws.set_start_page(1)


@lru_cache(maxsize=8)
def _heads(lang: str) -> tuple[str, ...]:
    """The table's header texts."""
    return (t("col.stt", lang), *(t(key, lang) for _, key, _, _ in COLUMNS))


def _fit_line(ws: Worksheet, row: int, text: str, bold: bool = False) -> None:
    """``cells.fit_row`` for a line of text across the sheet, with the lines counted by
    ``bulk.wrapped_lines`` (the same count, remembered for a long text): the same notice and
    continued-page line recur on every hamlet and page of a province. ``bold``: its format is
    (the count, the continued page's line, a hamlet not posted), measured so (session 55)."""
    lines = wrapped_lines(text, LINE_WIDTH, bold)
    if lines > 1:
        ws.set_row(row, min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT))


def _setup(ws: Worksheet) -> None:
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)


def _by_hamlet(ctx: Context) -> dict[str, dict[str, list]]:
    """Each hamlet's households as columns (the table's, plus ``phan_loai``): poor first,
    then near-poor, each in the roster's order; the class and ID as the posting shows them."""
    households = counted_households(ctx, ("poor", "near_poor"))
    if households.empty:
        return {}
    keys = ["hamlet", "phan_loai", "file", "excel_row", *(key for key, _, _, _ in COLUMNS)]
    rows = households[[k for k in dict.fromkeys(keys) if k in households.columns]]
    # counted_households orders the hamlets as the plan does; a stable sort keeps that order
    # (factorize numbers them in their order of appearance). A class not in CLASS_ORDER last.
    rank = np.full(len(rows), len(CLASS_ORDER))
    for name, i in CLASS_ORDER.items():
        rank[(rows["phan_loai"] == name).to_numpy(dtype=bool, na_value=False)] = i
    rows = rows.assign(
        _h=pd.factorize(rows["hamlet"], use_na_sentinel=False)[0], _c=rank
    ).sort_values(["_h", "_c", "file", "excel_row"], kind="stable")
    lang = ctx.lang
    labels = {c: t(f"class.{c}", lang) for c in rows["phan_loai"].dropna().unique()}
    columns: dict[str, list] = {}
    for key, _, _, _ in COLUMNS:
        values = values_of(rows[key]) if key in rows.columns else [None] * len(rows)
        if key == "phan_loai":
            values = [labels.get(v, "") if isinstance(v, str) else "" for v in values]
        elif key == "so_dinh_danh":
            values = _masked(values)
        elif key == "ma_ho":
            # a code written apart from the start list's only by spaces or case: posted as the
            # start list writes it (the head is warned; session 36); the commune's own codes
            # never masked (session 53)
            start = ctx.result.plan.start_list
            right = as_start_writes(values, start)
            values = [v if r is None else r for v, r in zip(values, right, strict=True)]
            if start is None:  # the codes the head was read against (session 54's review)
                start = ctx.result.numbering
            values = ids_posted(values, start)
        elif key == "chu_ho":
            # a name plainly typed after '=' ('=Đinh Thị Nhung'): posted without it, as a
            # string (the head is warned; the lists keep it as written; session 37)
            values = ids_posted([_name_posted(v) for v in values])
        elif key in ("gioi_tinh", "dan_toc"):  # kept as written where not the vocabulary's
            values = ids_posted(values)
        columns[key] = values
    columns["_class"] = values_of(rows["phan_loai"])
    hamlets = values_of(rows["hamlet"])
    result: dict[str, dict[str, list]] = {}
    start = 0
    for hamlet, group in groupby(hamlets):
        stop = start + sum(1 for _ in group)
        result[hamlet] = {key: values[start:stop] for key, values in columns.items()}
        start = stop
    return result


def _name_posted(name: object) -> object:
    """A head's name as the hall reads it: without an '=' it was plainly typed after by mistake
    (``normalise.typed_after_equals``), else as written ('=1+1' stays '=1+1')."""
    if name.__class__ is str and name[:1] == "=":
        return typed_after_equals(name) or name
    return name


def _pending(ctx: Context) -> dict[str, int]:
    """Per hamlet, its rows left out of the counts for an error (not marked Thoát): households
    the posted list does not show until the hamlet fixes their rows."""
    households = ctx.result.households
    if households is None or households.empty:
        return {}
    left_out = households[
        ~households["valid"].to_numpy(dtype=bool)
        & (households["phan_loai"] != "exited").to_numpy(dtype=bool)
    ]
    return left_out["hamlet"].value_counts().to_dict()


# A page of the single sheet, as ``styles.keep_with_table`` estimates it (the smaller of its
# estimates), in the sheet's points; the signature block under a hamlet's table (a blank row
# and 9 rows); a continued page's first rows (the line naming the hamlet, the header).
PAGE_PT = PAGE_HEIGHT_PT * PAGE_SHARES[0] / print_scale(WIDTHS)
SIGNATURE_PT = 10 * ROW_HEIGHT_PT
HEAD_PT = 33  # the table's header row


def page_starts(
    above: float, heights: list[float], continued: float, page: float = PAGE_PT
) -> list[int]:
    """The households (indexes into ``heights``, row heights in points) that begin a printed
    page of a hamlet's table on the single sheet: 0, then each that does not fit on the page
    before. ``above``: the height of the hamlet's rows above its first household (it starts
    a page); ``continued``: that of a continued page's rows above its households. The last
    :func:`styles.end_rows` households (three) print on the signature's page, as elsewhere
    (``styles.keep_with_table``; two before session 45); every page holds at least one
    household."""
    starts, used = [0], above
    kept = len(heights) - end_rows(len(heights))
    for i, height in enumerate(heights):
        need = sum(heights[i:]) + SIGNATURE_PT if i == kept else height
        if used + need > page and i > starts[-1]:
            starts.append(i)
            used = continued
        used += height
    return starts


def _break_above(ws: Worksheet, row: int) -> None:
    """A manual page break above ``row``, added to the sheet's in place (XlsxWriter keeps them
    as a list it writes out at the end): the single sheet of a province has thousands, and a
    new list for each would copy them all each time."""
    ws.hbreaks.append(row)


def _height(ws: Worksheet, row: int) -> float:
    """A written row's height in points (a row without its own gets ``ROW_HEIGHT_PT``)."""
    info = ws.row_info.get(row)
    return info.height * 0.75 if info is not None and info.height else ROW_HEIGHT_PT


def _section(
    ctx: Context, ws: Worksheet, row: int, fig: dict, rows: dict[str, list], single: bool = False
) -> tuple[int, tuple[int, int] | None]:
    """One hamlet's posting from ``row``: heading, title, notice, table, signature.

    ``single``: one section of the single sheet (it starts a printed page; no repeated rows).
    Returns the last row written and the table's header row range (None without a table).
    """
    top = row
    lang, st = ctx.lang, ctx.st
    last = NCOLS - 1
    hamlet = as_text(fig.get("hamlet"))
    merge_text(ws, row, 0, row, SPLIT - 1, t("org", lang, commune=ctx.commune.upper()), st["org"])
    merge_text(ws, row, SPLIT, row, last, t("nation", lang), st["nation"])
    merge_text(ws, row + 1, SPLIT, row + 1, last, t("motto", lang), st["motto"])
    title = t("pub.title", lang, hamlet=with_unit(hamlet).upper(), m=ctx.month, y=ctx.year)
    merge_text(ws, row + 3, 0, row + 3, last, title, st["title"])
    # as tall as the title's lines (44 pt whatever its length before session 55)
    lines = text_lines(title, TITLE_WIDTH, bold=True, size=TITLE_SIZE)
    ws.set_row(row + 3, min(TITLE_LINE_PT * lines, MAX_ROW_HEIGHT))
    merge_text(ws, row + 4, 0, row + 4, last, ctx.standard_line, st["subtitle"])
    row += 6
    if fig.get("status", "ok") != "ok":
        status = t(f"hamlet.{fig.get('status')}.lower", lang)
        if fig.get("incomplete"):  # its list lacks a list sent apart: not posted half (session 25)
            status = t("hamlet.incomplete.posted", lang)
        text = t("pub.absent", lang, m=ctx.month, y=ctx.year, status=status)
        merge_text(ws, row, 0, row, last, text, st["alert"])
        _fit_line(ws, row, text, bold=True)
        return row, None
    classes = rows.get("_class", [])
    poor = sum(1 for c in classes if c == "poor")
    near = sum(1 for c in classes if c == "near_poor")
    notice = [(t("pub.count", lang, poor=poor, near_poor=near), "section")]
    pending = rows.get("_pending", 0)
    if pending:  # without it, neighbours could read a missing household as one taken off
        notice.append((t("pub.pending", lang, n=pending), "note"))
    notice.append((t("pub.period", lang, commune=ctx.commune), "note"))
    for text, fmt in notice:
        merge_text(ws, row, 0, row, last, text, st[fmt])
        _fit_line(ws, row, text, bold=fmt == "section")
        row += 1
    head = row + 1
    ws.set_row(head, HEAD_PT)
    heads = _heads(lang)
    for col, text in enumerate(heads):
        ws.write_string(head, col, text, st["head"])
    row = head + 1
    count = len(classes)
    if count:
        values = [list(range(1, count + 1))] + [rows[key] for key, _, _, _ in COLUMNS]
        formats = [(st[kind], how) for kind, how in KINDS]
        name = COLUMNS[1]
        heights = fitted_heights([(rows[name[0]], name[2])], count, ROW_HEIGHT_PT)
        # On the single sheet every printed page after a hamlet's first starts with a line
        # naming the hamlet and the table's header (the footer is one for all hamlets).
        starts = [0]
        continued = t("pub.continued", lang, hamlet=with_unit(hamlet), m=ctx.month, y=ctx.year)
        if single:
            above = sum(_height(ws, r) for r in range(top, head + 1))
            lines = wrapped_lines(continued, LINE_WIDTH, bold=True)
            line = ROW_HEIGHT_PT if lines == 1 else written_height(LINE_HEIGHT * lines)
            written = [written_height(h) for h in heights]
            starts = page_starts(above, written, line + HEAD_PT)
        for i, first in enumerate(starts):
            stop = starts[i + 1] if i + 1 < len(starts) else count
            if first:
                _break_above(ws, row)
                merge_text(ws, row, 0, row, last, continued, st["section"])
                _fit_line(ws, row, continued, bold=True)
                ws.set_row(row + 1, HEAD_PT)
                for col, text in enumerate(heads):
                    ws.write_string(row + 1, col, text, st["head"])
                row += 2
            columns = [
                Column(v[first:stop], fmt, how)
                for v, (fmt, how) in zip(values, formats, strict=True)
            ]
            add_block(ws, Block(row, columns, heights[first:stop]))
            row += stop - first
    else:
        merge_text(ws, row, 0, row, last, t("pub.empty", lang), st["note"])
        row += 1
    last_table_row = row - 1
    end = signature_block(ctx, ws, row + 1, NCOLS, SPLIT, left_title="sign.hamlet_head") - 1
    # The last three households with the signature (session 45: two); on a hamlet's sheet also
    # where an estimate would begin a page among them (Excel's larger page began one at the
    # last household). The single sheet's pages are cut by hand (page_starts).
    keep = end_rows(count) if count else 2
    if single:
        keep_with_table(ws, WIDTHS, last_table_row, end, start=top, keep=keep)
    else:
        first = head + 1 if count else None
        keep_with_table(ws, WIDTHS, last_table_row, end, (head, head), keep, first=first)
    return end, (head, head)
