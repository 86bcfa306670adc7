"""Input-side workbooks: the hamlet roster and the commune plan (CONTRACT §2, §3).

These are the canonical templates the hamlets and the officer fill in; the
sample commune is written with the same functions. Layout, fixed here and
relied on by readers that look at positions (the pipeline itself finds
header rows by content):

* roster, sheet ``Thông tin``: label in A, value in B, rows 1–7 in the order
  of ``ROSTER_INFO_LABELS``;
* roster, sheet ``Danh sách``: title in row 1, ``Xã …`` in row 2, header in
  row 4, households from row 5, then a blank row and the signature block;
* plan, sheet ``Thông tin chung``: label in A, value in B, from row 1;
* plan, sheets ``Chỉ tiêu theo xóm`` and ``Danh sách đầu năm``: title in
  row 1, header in row 3, data from row 4 (targets end with ``Tổng cộng``).

All text goes through ``write_string`` so nothing a person typed (a name
starting with ``=``, an ID with a leading zero) is turned into a formula or
a number. Document properties carry a fixed creation date, so the same input
gives byte-identical files.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_range, xl_range_abs, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from pipeline.messages import Message, os_reason, with_unit
from pipeline.output import OutputError, make_folder, os_error_of
from pipeline.report.styles import text_kept
from schemas.columns import (
    AREA_VALUES,
    CAUSES,
    CLASSIFICATION_LABEL,
    ETHNIC_GROUPS,
    FORM_TYPE_PLAN,
    FORM_TYPE_ROSTER,
    GENDERS,
    INDICATOR_KEYS,
    NEEDS,
    PLAN_INFO_LABELS,
    PLAN_INFO_SHEET,
    PLAN_START_LIST_SHEET,
    PLAN_TARGET_COLUMNS,
    PLAN_TARGETS_SHEET,
    ROSTER_COLUMNS,
    ROSTER_INFO_LABELS,
    ROSTER_INFO_SHEET,
    ROSTER_LIST_SHEET,
    START_LIST_COLUMNS,
    TARGET_GROUPS,
    Column,
)
from schemas.standards import STANDARDS

ROSTER_TEMPLATE_NAME = "MauDanhSachHo.xlsx"
PLAN_TEMPLATE_NAME = "MauKeHoach.xlsx"

# 0-based row indexes of the fixed layout (Excel rows are one more).
ROSTER_TITLE_ROW = 0
ROSTER_COMMUNE_ROW = 1
ROSTER_HEADER_ROW = 3  # Excel row 4
ROSTER_FIRST_DATA_ROW = 4  # Excel row 5
PLAN_HEADER_ROW = 2  # Excel row 3, both plan tables
PLAN_FIRST_DATA_ROW = 3  # Excel row 4
VALIDATION_ROWS = 1000  # drop-down lists cover at least this many data rows
# Empty rows above the signature block of the blank template: room for a large hamlet's list
# (60 or more households) without inserting rows, or typing into the signature block.
BLANK_TEMPLATE_ROWS = 100

ROSTER_TITLE = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"
TARGETS_TITLE = "CHỈ TIÊU GIẢM NGHÈO"
TOTAL_LABEL = "Tổng cộng"
SIGNATURE_DATE_BLANK = "Ngày … tháng … năm …"
SIGNATURE_PREPARER = "Người lập biểu"
SIGNATURE_HEAD = "Trưởng xóm"
SIGNATURE_ROWS = 3  # the date, the signers' titles, "(Ký, ghi rõ họ tên)"
SIGNATURE_HINT_TITLE = "Phần ký tên"
SIGNATURE_HINT = (
    "Không ghi hộ vào các ô ký tên. Cần thêm dòng: bấm chuột phải vào số của dòng trống "
    "ngay trên phần ký tên (cột số bên trái), chọn Chèn (Insert); lặp lại cho đủ số dòng."
)
SIGNATURE_NOTE = "(Ký, ghi rõ họ tên)"

# When the input names no date, the document properties still need a fixed one.
_DEFAULT_CREATED = datetime(2024, 1, 1)
_AREA_LABEL = {v: k for k, v in AREA_VALUES.items()}
_NUMERIC_ROSTER_KEYS = frozenset({"stt", "nam_sinh", "nhan_khau"})
_TEXT_ONLY_KEYS = frozenset({"ma_ho", "so_dinh_danh"})
_INDICATORS = frozenset(INDICATOR_KEYS)


# --- shared helpers ----------------------------------------------------------


class _Styles:
    """The formats of one workbook, created once."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        base = {"font_name": "Times New Roman", "font_size": 12}
        self.title = wb.add_format(
            {**base, "bold": True, "font_size": 13, "align": "center", "valign": "vcenter"}
        )
        self.subtitle = wb.add_format({**base, "italic": True, "align": "center"})
        self.header = wb.add_format(
            {**base, "bold": True, "text_wrap": True, "border": 1, "align": "center",
             "valign": "vcenter", "bg_color": "#DDEBF7"}
        )  # fmt: skip
        self.label = wb.add_format({**base, "bold": True})
        self.value = wb.add_format(base)
        self.text_value = wb.add_format({**base, "num_format": "@"})
        self.date = wb.add_format({**base, "num_format": "dd/mm/yyyy", "align": "left"})
        self.rate = wb.add_format({**base, "num_format": "0.00", "align": "left"})
        self.integer = wb.add_format({**base, "num_format": "0", "align": "left"})
        self.money = wb.add_format({"num_format": "#,##0"})
        self.text_column = wb.add_format({"num_format": "@"})
        self.total = wb.add_format({**base, "bold": True, "border": 1})
        self.total_number = wb.add_format(
            {**base, "bold": True, "border": 1, "num_format": "#,##0"}
        )
        self.cell = wb.add_format({**base, "border": 1})
        self.cell_number = wb.add_format({**base, "border": 1, "num_format": "#,##0"})
        self.signature = wb.add_format({**base, "bold": True, "align": "center"})
        self.signature_note = wb.add_format({**base, "italic": True, "align": "center"})


def _new_workbook(path: Path, created: datetime, title: str) -> tuple[xlsxwriter.Workbook, _Styles]:
    wb = xlsxwriter.Workbook(
        str(path),
        {
            # Text stays text: no formula, number or URL guessing on write().
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            # No temporary files: small workbooks are written many at a time.
            "in_memory": True,
        },
    )
    wb.set_properties({"title": title, "created": created, "comments": "giamngheo"})
    return wb, _Styles(wb)


def _created(day: Any) -> datetime:
    if isinstance(day, datetime):
        return day.replace(microsecond=0)
    if isinstance(day, date):
        return datetime(day.year, day.month, day.day)
    return _DEFAULT_CREATED


def _is_blank(value: Any) -> bool:
    if value is None or (isinstance(value, str) and value == ""):
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")  # pandas' missing markers


def _write_value(ws: Worksheet, row: int, col: int, value: Any, fmt: Format | None = None) -> None:
    """Write one value by its Python type; text always as a string, blanks left empty."""
    if _is_blank(value):
        return
    if isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, datetime | date):
        ws.write_datetime(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _period_text(period: Any) -> str:
    """'2024-05' -> '05/2024'; anything else as given."""
    text = "" if _is_blank(period) else str(period)
    year, sep, month = text.partition("-")
    if sep and year.isdigit() and month.isdigit() and len(year) == 4:
        return f"{int(month):02d}/{year}"
    return text


def _period_month_year(period: Any) -> tuple[int, int] | None:
    text = "" if _is_blank(period) else str(period)
    year, sep, month = text.partition("-")
    if sep and year.isdigit() and month.isdigit():
        return int(month), int(year)
    return None


def _header_height(headers: Sequence[tuple[str, float]]) -> float:
    """Points for a header row whose cells wrap ``(text, column width)`` word by word: the
    longest header's lines (bold Calibri 11, about one character per width unit) at 15 points,
    at least the 48 points of three lines."""
    most = 1
    for text, width in headers:
        room = max(int(width) - 1, 4)
        lines, used = 1, 0
        for word in text.split():
            if used and used + 1 + len(word) > room:
                lines, used = lines + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        most = max(most, lines)
    return max(48.0, 15.0 * most + 4)


def _write_key_values(
    ws: Worksheet,
    rows: Sequence[tuple[str, Any, Format | None]],
    styles: _Styles,
    widths: tuple[float, float],
) -> None:
    ws.set_column(0, 0, widths[0])
    ws.set_column(1, 1, widths[1])
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)  # the labels and their values on one page's width
    for row, (label, value, fmt) in enumerate(rows):
        ws.write_string(row, 0, label, styles.label)
        if _is_blank(value):
            if fmt is not None:
                ws.write_blank(row, 1, None, fmt)  # keeps the format for whoever types there
        else:
            _write_value(ws, row, 1, value, fmt or styles.value)


def _set_print_layout(ws: Worksheet, header_row: int) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)


# --- household tables (roster sheet and start-of-year list) -------------------


def _write_household_table(
    ws: Worksheet,
    styles: _Styles,
    columns: Sequence[Column],
    header_row: int,
    households: Sequence[dict],
) -> int:
    """Header, column widths and rows; returns the next free row."""
    for col, column in enumerate(columns):
        fmt = styles.text_column if column.key in _TEXT_ONLY_KEYS else None
        if column.key == "thu_nhap":
            fmt = styles.money
        ws.set_column(col, col, column.width, fmt)
        ws.write_string(header_row, col, column.header, styles.header)
    ws.set_row(header_row, _header_height([(c.header, c.width) for c in columns]))

    keys = [c.key for c in columns]
    # Resolved once per table: the province-scale sample writes millions of cells.
    plan = [(col, key, _cell_kind(key)) for col, key in enumerate(keys)]
    write_string, write_number, money = ws.write_string, ws.write_number, styles.money
    row = header_row + 1
    for household in households:
        get = household.get
        for col, key, kind in plan:
            value = get(key)
            if value is None or value is False:
                continue
            value_type = type(value)
            if value_type is str:
                if not value:
                    continue
            elif value_type is not int and _is_blank(value):
                continue
            if kind is _Kind.TEXT:
                write_string(row, col, str(value))
            elif kind is _Kind.INDICATOR:
                if value is True:
                    write_string(row, col, "x")
                else:
                    _write_value(ws, row, col, value)
            elif kind is _Kind.NUMBER:
                if value_type is int or value_type is float:
                    write_number(row, col, value)
                else:
                    _write_value(ws, row, col, value)
            elif kind is _Kind.MONEY:
                _write_value(ws, row, col, value, money)
            elif kind is _Kind.ID:
                write_string(row, col, _id_text(value))
            else:  # classification: canonical key or label
                write_string(row, col, CLASSIFICATION_LABEL.get(value, str(value)))
        row += 1

    return row


class _Kind(Enum):
    TEXT = "text"
    INDICATOR = "indicator"
    NUMBER = "number"
    MONEY = "money"
    ID = "id"
    CLASSIFICATION = "classification"


def _cell_kind(key: str) -> _Kind:
    if key in _INDICATORS:
        return _Kind.INDICATOR
    if key in _NUMERIC_ROSTER_KEYS:
        return _Kind.NUMBER
    if key == "thu_nhap":
        return _Kind.MONEY
    if key in _TEXT_ONLY_KEYS:
        return _Kind.ID
    if key == "phan_loai":
        return _Kind.CLASSIFICATION
    return _Kind.TEXT


def _id_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _add_validations(
    ws: Worksheet,
    keys: list[str],
    first_row: int,
    last_row: int,
    gap: tuple[int, int] | None = None,
    ethnic: str | None = None,
) -> None:
    """Drop-down lists on the columns with a closed vocabulary (CONTRACT §2.2), on rows
    ``first_row``..``last_row`` but those of ``gap`` (the signature block, first and last row):
    a drop-down must not sit on, nor a list ask its choices of, the signature's cells.
    ``ethnic``: the range of the ethnic groups' names ('Dân tộc' gets a drop-down; None: none)."""
    col = {key: i for i, key in enumerate(keys)}
    labels = list(CLASSIFICATION_LABEL.values())
    spans = [(first_row, last_row)]
    if gap is not None:
        spans = [(a, b) for a, b in ((first_row, gap[0] - 1), (gap[1] + 1, last_row)) if a <= b]

    def validate(first_col: int, last_col: int, options: dict) -> None:
        ranges = " ".join(xl_range(a, first_col, b, last_col) for a, b in spans)
        ws.data_validation(
            spans[0][0], first_col, spans[0][1], last_col, {**options, "multi_range": ranges}
        )

    validate(
        col["phan_loai"], col["phan_loai"],
        {
            "validate": "list", "source": labels, "error_type": "stop",
            "input_title": "Phân loại hộ",
            "input_message": "Chọn: Hộ nghèo, Hộ cận nghèo, hoặc Thoát "
            "(hộ đã ra khỏi cả hai danh sách trong năm).",
            "error_title": "Phân loại hộ không hợp lệ",
            "error_message": "Chỉ được chọn: " + ", ".join(labels) + ".",
        },
    )  # fmt: skip
    validate(
        col["gioi_tinh"], col["gioi_tinh"],
        {
            "validate": "list", "source": list(GENDERS), "error_type": "stop",
            "input_title": "Giới tính chủ hộ",
            "input_message": "Chọn Nam hoặc Nữ.",
            "error_title": "Giới tính không hợp lệ",
            "error_message": "Chỉ được chọn Nam hoặc Nữ.",
        },
    )  # fmt: skip
    indicator_cols = [col[k] for k in INDICATOR_KEYS]
    # The 12 indicators are adjacent in the template; one range covers them.
    ranges = (
        [(min(indicator_cols), max(indicator_cols))]
        if indicator_cols == list(range(min(indicator_cols), max(indicator_cols) + 1))
        else [(c, c) for c in indicator_cols]
    )
    for first_col, last_col in ranges:
        validate(
            first_col, last_col,
            {
                "validate": "list", "source": ["x"], "error_type": "warning",
                "input_title": "Chỉ số thiếu hụt",
                "input_message": "Ghi x nếu hộ thiếu hụt chỉ số này; để trống nếu không thiếu hụt.",
                "error_title": "Đánh dấu thiếu hụt",
                "error_message": "Nên ghi x (thiếu hụt) hoặc để trống.",
            },
        )  # fmt: skip
    groups = list(TARGET_GROUPS)
    validate(
        col["doi_tuong"], col["doi_tuong"],
        {
            "validate": "list", "source": groups, "error_type": "warning",
            "input_title": "Nhóm đối tượng",
            "input_message": "; ".join(f"{k} = {v}" for k, v in TARGET_GROUPS.items())
            + f". {GROUPS_TOGETHER} Để trống nếu không thuộc nhóm nào.",
            "error_title": "Nhóm đối tượng",
            "error_message": "Nên chọn một trong: " + ", ".join(groups) + f". {GROUPS_TOGETHER}"
            " Bấm Có (Yes) để giữ.",
        },
    )  # fmt: skip

    if ethnic is not None:
        validate(
            col["dan_toc"], col["dan_toc"],
            {
                "validate": "list", "source": ethnic, "error_type": "warning",
                "input_title": "Dân tộc của chủ hộ",
                "input_message": "Chọn trong danh sách 54 dân tộc (ví dụ Kinh, Tày, Mông).",
                "error_title": "Dân tộc",
                "error_message": "Tên này không có trong danh sách 54 dân tộc. Bấm Có (Yes) để "
                "giữ.",
            },
        )  # fmt: skip

    # Causes and needs take several entries of their lists (CONTRACT §2.4, §2.5), which no
    # drop-down offers: the hint names them, as the groups' does (session 43).
    for key, title, what, lists in (("nguyen_nhan", "Nguyên nhân nghèo", "nguyên nhân", CAUSES),
                                    ("nhu_cau", "Nhu cầu hỗ trợ", "nhu cầu", NEEDS)):  # fmt: skip
        validate(
            col[key], col[key],
            {"validate": "any", "input_title": title,
             "input_message": CHOICES_HINT.format(what=what, choices="; ".join(lists))},
        )  # fmt: skip


# The hint of 'Nguyên nhân nghèo' and 'Nhu cầu hỗ trợ' (at most 255 characters, Excel's limit).
CHOICES_HINT = "Ghi một hoặc nhiều {what} sau, cách nhau bằng dấu chấm phẩy (;): {choices}."


# CONTRACT §2.2: a household may be in any of the target groups, several at once (an old person
# living alone on a social allowance is BTXH and KKNLĐ); the drop-down offers one at a time.
GROUPS_TOGETHER = "Hộ thuộc nhiều nhóm: ghi các nhóm cách nhau bằng dấu ; (ví dụ BTXH; KKNLĐ)."


# --- roster workbook ------------------------------------------------------------

# The 54 ethnic groups are longer than the 255 characters of a drop-down's own list: the blank
# template lists them on a sheet of their own, very hidden (no head unhides or deletes it by
# mistake), which the 'Dân tộc' drop-down reads (session 45). The reader passes it over: it has
# no household table, and `_values` leaves it out, so an earlier version's blank is still one.
ETHNIC_SHEET = "Danh mục"


def roster_title(hamlet: str | None, period: str | None) -> str:
    """Row-1 title of the roster sheet, e.g. '… XÓM NÀ MÒN – THÁNG 5/2024'; a name that begins
    with its own unit word is written alone ('… TỔ DÂN PHỐ SỐ 12 – THÁNG 5/2024', not 'XÓM TỔ
    DÂN PHỐ SỐ 12': messages.with_unit, session 40)."""
    title = ROSTER_TITLE
    if hamlet:
        title += f" {with_unit(hamlet, 'xóm').upper()}"
    month_year = _period_month_year(period)
    if month_year:
        title += f" – THÁNG {month_year[0]}/{month_year[1]}"
    return title


# The hints of the roster's 'Thông tin' values (Excel shows at most 255 characters).
ROSTER_INFO_HINTS = {
    "commune": "Tên xã, ví dụ: Trung Lương.",
    "hamlet": "Tên xóm, ghi đúng như trong kế hoạch của xã, ví dụ: Nà Mòn.",
    "period": "Tháng và năm của danh sách, ví dụ: 05/2024.",
    "total_households": (
        "Tổng số hộ đang sinh sống trong xóm (tất cả các hộ, không chỉ hộ nghèo và hộ cận "
        "nghèo), ví dụ: 215. Xã dùng số này để tính tỷ lệ hộ nghèo của xóm."
    ),
    "preparer": "Họ và tên người lập danh sách.",
    "prepared_on": "Ngày lập danh sách, ví dụ: 03/06/2024.",
}


def write_roster_workbook(
    path: Path, info: dict, households: list[dict], *, title: str | None = None
) -> None:
    """One hamlet's monthly roster (CONTRACT §2); an empty ``info`` gives the blank template."""
    blank = not info
    wb, styles = _new_workbook(Path(path), _created(info.get("prepared_on")), ROSTER_TITLE)

    info_ws = wb.add_worksheet(ROSTER_INFO_SHEET)
    values = {
        "form_type": (FORM_TYPE_ROSTER, None),
        "commune": (info.get("commune"), styles.text_value if blank else None),
        "hamlet": (info.get("hamlet"), styles.text_value if blank else None),
        # Text cell, so Excel does not turn "05/2024" into a date when typed in.
        "period": (_period_text(info.get("period")), styles.text_value),
        "total_households": (info.get("total_households"), styles.integer),
        "preparer": (info.get("preparer"), styles.text_value if blank else None),
        "prepared_on": (info.get("prepared_on"), styles.date),
    }
    _write_key_values(
        info_ws,
        [(ROSTER_INFO_LABELS[key][0], *values[key]) for key in ROSTER_INFO_LABELS],
        styles,
        (22, 32),
    )
    # What to write in each value, shown when its cell is selected (a hint, nothing refused):
    # the total above all, which heads take for the number of households on the list.
    for row, key in enumerate(ROSTER_INFO_LABELS):
        if key in ROSTER_INFO_HINTS:
            info_ws.data_validation(
                row, 1, row, 1,
                {"validate": "any", "input_title": ROSTER_INFO_LABELS[key][0][:32],
                 "input_message": ROSTER_INFO_HINTS[key]},
            )  # fmt: skip

    ws = wb.add_worksheet(ROSTER_LIST_SHEET)
    last_col = len(ROSTER_COLUMNS) - 1
    heading = title if title is not None else roster_title(info.get("hamlet"), info.get("period"))
    commune = info.get("commune")
    ws.merge_range(ROSTER_TITLE_ROW, 0, ROSTER_TITLE_ROW, last_col, heading, styles.title)
    ws.set_row(ROSTER_TITLE_ROW, 22)
    ws.merge_range(
        ROSTER_COMMUNE_ROW, 0, ROSTER_COMMUNE_ROW, last_col,
        f"Xã {commune}" if commune else "Xã ……………………", styles.subtitle,
    )  # fmt: skip
    next_row = _write_household_table(ws, styles, ROSTER_COLUMNS, ROSTER_HEADER_ROW, households)
    if blank:
        _rule_blank_rows(wb, ws, next_row)
        next_row += BLANK_TEMPLATE_ROWS  # room to type in before the signature block
    signature = next_row + 1
    _write_signature(ws, styles, signature, last_col, info.get("prepared_on"))
    signature_rows = (signature, signature + SIGNATURE_ROWS - 1)
    ethnic = None
    if blank:
        names = wb.add_worksheet(ETHNIC_SHEET)
        names.write_column(0, 0, ETHNIC_GROUPS)
        names.very_hidden()
        ethnic = f"='{ETHNIC_SHEET}'!{xl_range_abs(0, 0, len(ETHNIC_GROUPS) - 1, 0)}"
    _add_validations(
        ws,
        [c.key for c in ROSTER_COLUMNS],
        ROSTER_FIRST_DATA_ROW,
        ROSTER_HEADER_ROW + max(VALIDATION_ROWS, len(households)),
        signature_rows,
        ethnic,
    )
    _ask_to_insert_rows(ws, signature_rows, last_col)
    ws.freeze_panes(ROSTER_FIRST_DATA_ROW, 3)
    _set_print_layout(ws, ROSTER_HEADER_ROW)
    text_kept(wb)
    wb.close()


def _rule_blank_rows(wb: xlsxwriter.Workbook, ws: Worksheet, first: int) -> None:
    """The blank template's empty rows ruled, as a table to fill in by hand when printed (they
    printed as white space under the header): each cell a blank one with a thin border and its
    column's number format ('@' where digits are text, the income's thousands), no value, so
    that the reader finds no row in them (session 52)."""
    ruled = {None: wb.add_format({"border": 1})}
    ruled["@"] = wb.add_format({"border": 1, "num_format": "@"})
    ruled["money"] = wb.add_format({"border": 1, "num_format": "#,##0"})
    kinds = [
        "money" if c.key == "thu_nhap" else "@" if c.key in _TEXT_ONLY_KEYS else None
        for c in ROSTER_COLUMNS
    ]
    for row in range(first, first + BLANK_TEMPLATE_ROWS):
        for col, kind in enumerate(kinds):
            ws.write_blank(row, col, None, ruled[kind])


def _write_signature(ws: Worksheet, styles: _Styles, row: int, last_col: int, day: Any) -> None:
    """'Ngày … tháng … năm …' over 'Trưởng xóm'; 'Người lập biểu' on the left."""
    left = (1, 4)
    right = (max(left[1] + 2, last_col - 8), max(left[1] + 4, last_col - 2))
    if isinstance(day, date):
        dated = f"Ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    else:
        dated = SIGNATURE_DATE_BLANK
    ws.merge_range(row, right[0], row, right[1], dated, styles.signature_note)
    for offset, (left_text, right_text, fmt) in enumerate(
        [
            (SIGNATURE_PREPARER, SIGNATURE_HEAD, styles.signature),
            (SIGNATURE_NOTE, SIGNATURE_NOTE, styles.signature_note),
        ],
        start=1,
    ):
        ws.merge_range(row + offset, left[0], row + offset, left[1], left_text, fmt)
        ws.merge_range(row + offset, right[0], row + offset, right[1], right_text, fmt)


def _ask_to_insert_rows(ws: Worksheet, rows: tuple[int, int], last_col: int) -> None:
    """A note shown when a cell of the signature block is selected: a head who runs out of
    empty rows would otherwise type households over the signature's merged cells (the text
    lost, the household's values pushed into other columns). Inserting rows above it keeps
    both; the reader counts households typed under the signature too (rows-below-signature)."""
    ws.data_validation(
        rows[0], 0, rows[1], last_col,
        {
            "validate": "any",
            "input_title": SIGNATURE_HINT_TITLE,
            "input_message": SIGNATURE_HINT,
        },
    )  # fmt: skip


# --- plan workbook ---------------------------------------------------------------


def write_plan_workbook(
    path: Path, info: dict, hamlets: list[dict], start_list: list[dict] | None
) -> None:
    """The commune's yearly plan (CONTRACT §3); an empty ``info`` gives the blank template."""
    blank = not info
    year = info.get("plan_year")
    created = datetime(int(year), 1, 1) if isinstance(year, int) else _DEFAULT_CREATED
    wb, styles = _new_workbook(Path(path), created, FORM_TYPE_PLAN)

    info_ws = wb.add_worksheet(PLAN_INFO_SHEET)
    area = info.get("area")
    text_fmt = styles.text_value if blank else None
    values = {
        "form_type": (FORM_TYPE_PLAN, None),
        "province": (info.get("province"), text_fmt),
        "commune": (info.get("commune"), text_fmt),
        "plan_year": (year, styles.integer),
        "area": (_AREA_LABEL.get(area, area), text_fmt),
        "standard": (info.get("standard"), styles.text_value),
        "poor_target": (info.get("poor_target"), styles.rate),
        "near_poor_target": (info.get("near_poor_target"), styles.rate),
        "recipient": (info.get("recipient"), text_fmt),
        "reporter": (info.get("reporter"), text_fmt),
        "chairman": (info.get("chairman"), text_fmt),
    }
    keys = list(PLAN_INFO_LABELS)
    _write_key_values(
        info_ws, [(PLAN_INFO_LABELS[k][0], *values[k]) for k in keys], styles, (44, 52)
    )
    area_row, standard_row = keys.index("area"), keys.index("standard")
    info_ws.data_validation(
        area_row, 1, area_row, 1,
        {"validate": "list", "source": list(AREA_VALUES), "error_type": "stop",
         "input_title": "Khu vực", "input_message": "Chọn Nông thôn hoặc Thành thị."},
    )  # fmt: skip
    info_ws.data_validation(
        standard_row, 1, standard_row, 1,
        {"validate": "list", "source": list(STANDARDS), "error_type": "stop",
         "input_title": "Chuẩn nghèo", "input_message": "Chuẩn nghèo áp dụng cho năm kế hoạch."},
    )  # fmt: skip

    _write_targets_sheet(wb.add_worksheet(PLAN_TARGETS_SHEET), styles, year, hamlets)

    if start_list is not None or blank:
        ws = wb.add_worksheet(PLAN_START_LIST_SHEET)
        last_col = len(START_LIST_COLUMNS) - 1
        heading = f"{ROSTER_TITLE} ĐẦU NĂM" + (f" {year}" if year else "")
        ws.merge_range(0, 0, 0, last_col, heading, styles.title)
        ws.set_row(0, 22)
        _write_household_table(ws, styles, START_LIST_COLUMNS, PLAN_HEADER_ROW, start_list or [])
        _add_validations(
            ws,
            [c.key for c in START_LIST_COLUMNS],
            PLAN_FIRST_DATA_ROW,
            PLAN_HEADER_ROW + max(VALIDATION_ROWS, len(start_list or [])),
        )
        ws.freeze_panes(PLAN_FIRST_DATA_ROW, 4)
        _set_print_layout(ws, PLAN_HEADER_ROW)
    text_kept(wb)
    wb.close()


def _write_targets_sheet(ws: Worksheet, styles: _Styles, year: Any, hamlets: list[dict]) -> None:
    keys = list(PLAN_TARGET_COLUMNS)
    last_col = len(keys) - 1
    heading = TARGETS_TITLE + (f" NĂM {year}" if year else "") + " THEO XÓM"
    ws.merge_range(0, 0, 0, last_col, heading, styles.title)
    ws.set_row(0, 22)
    ws.set_column(0, 0, 22)
    ws.set_column(1, last_col, 15)
    for col, key in enumerate(keys):
        ws.write_string(PLAN_HEADER_ROW, col, PLAN_TARGET_COLUMNS[key][0], styles.header)
    ws.set_row(
        PLAN_HEADER_ROW,
        _header_height(
            [(PLAN_TARGET_COLUMNS[key][0], 22 if col == 0 else 15) for col, key in enumerate(keys)]
        ),
    )

    row = PLAN_FIRST_DATA_ROW
    for hamlet in hamlets:
        for col, key in enumerate(keys):
            value = hamlet.get(key)
            if _is_blank(value):
                ws.write_blank(row, col, None, styles.cell)
            elif key == "hamlet":
                ws.write_string(row, col, str(value), styles.cell)
            else:
                _write_value(ws, row, col, value, styles.cell_number)
        row += 1

    if hamlets:
        ws.write_string(row, 0, TOTAL_LABEL, styles.total)
        for col, key in enumerate(keys[1:], start=1):
            total = sum(
                h[key]
                for h in hamlets
                if isinstance(h.get(key), int | float) and not _is_blank(h[key])
            )
            first = xl_rowcol_to_cell(PLAN_FIRST_DATA_ROW, col)
            last = xl_rowcol_to_cell(row - 1, col)
            ws.write_formula(row, col, f"=SUM({first}:{last})", styles.total_number, total)
    ws.freeze_panes(PLAN_FIRST_DATA_ROW, 1)
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)  # every column on the page's width
    ws.repeat_rows(PLAN_HEADER_ROW)


# --- blank templates -------------------------------------------------------------


def write_templates(out_dir: Path) -> list[Path]:
    """Blank roster and plan workbooks with drop-down lists: MauDanhSachHo.xlsx, MauKeHoach.xlsx.

    A file already there under either name is replaced only when it is a blank template (this
    version's bytes, or an earlier version's blank with the same values: ``_blank_like``): a
    hamlet's list filled in the template and kept under its name,
    say in the input folder, is never overwritten. Then nothing is written and OutputError
    says which file is in the way (``giamngheo template`` exits 2 with that line); so does a
    folder that cannot be created or written."""
    out_dir = Path(out_dir)
    make_folder(
        out_dir, ("thư mục '{folder}' để ghi mẫu", "the folder '{folder}' for the templates")
    )
    targets = {
        out_dir / ROSTER_TEMPLATE_NAME: lambda path: write_roster_workbook(path, {}, []),
        out_dir / PLAN_TEMPLATE_NAME: lambda path: write_plan_workbook(path, {}, [], None),
    }
    staged: dict[Path, Path] = {}
    try:
        for path, write in targets.items():
            staged[path] = tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            write(tmp)
        for path, tmp in staged.items():
            if path.exists() and not (path.is_file() and _blank_like(path, tmp)):
                raise OutputError(
                    Message(
                        f"Đã có tệp '{path}' khác với mẫu trống (có thể là danh sách của một xóm "
                        "đã điền theo mẫu), nên không ghi đè. Hãy chọn thư mục khác (--output) "
                        "hoặc đổi tên tệp đó rồi chạy lại.",
                        f"'{path}' is already there and is not the blank template (it may be a "
                        "hamlet's list filled in on the template), so it is not overwritten. "
                        "Choose another folder (--output) or rename that file, then run again.",
                    )
                )
        for path, tmp in staged.items():
            os.replace(tmp, path)
    except (OSError, FileCreateError) as err:
        reason = os_reason(os_error_of(err))
        raise OutputError(
            Message(
                f"Không ghi được mẫu vào thư mục '{out_dir}': {reason}.",
                f"Cannot write the templates in '{out_dir}': {reason.en}.",
            )
        ) from None
    finally:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
    return list(targets)


BLANK_MAX_BYTES = 1 << 20  # a blank template is ~10 KB


def _blank_like(path: Path, blank: Path) -> bool:
    """Whether ``path`` is a blank template: the same bytes as ``blank`` (the one just written),
    or the same sheets holding the same values. A blank written by an earlier version differs
    in its bytes (a column's width, a drop-down's hint) but not in its values, and is replaced
    like this version's; one value typed into it (a hamlet's name, a household) keeps it."""
    size = path.stat().st_size
    if size == blank.stat().st_size and path.read_bytes() == blank.read_bytes():
        return True
    if size > BLANK_MAX_BYTES:  # no blank is that large: not read in full to be told apart
        return False
    written = _values(blank)
    return written is not None and _values(path) == written


def _values(path: Path) -> dict[str, list] | None:
    """Each sheet's values, its trailing blank rows and cells left out; None for a file no
    workbook reader can open (then it is not a blank template)."""
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        sheets = {}
        for name in book.sheet_names:
            if name == ETHNIC_SHEET:  # the same in every blank since session 45, none before
                continue
            rows = [list(r) for r in book.get_sheet_by_name(name).to_python()]
            for row in rows:
                while row and row[-1] in ("", None):
                    row.pop()
            while rows and not rows[-1]:
                rows.pop()
            sheets[name] = rows
        return sheets
    except Exception:  # noqa: BLE001 - any file that cannot be read as a workbook
        return None
