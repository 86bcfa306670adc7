"""The clean fixture commune (tests/commune.py) written the way hamlets really send it.

Every builder here writes the SAME households as ``tests.commune.clean_rosters``
(Nà Mòn and Bản Cọ, May 2024) in a messy layout: merged title rows, headers
over two or three rows with merged parents, a column-number row, section,
subtotal, total and signature rows, blank rows, columns in another order,
extra columns, other wordings, NFD text, numbers typed as text, other
deprivation marks, other period spellings, no ``Thông tin`` sheet, a hidden
junk sheet, and the formats .xlsx, .xlsm, .ods (and one committed .xls).

A workbook is described as a list of :class:`SheetSpec` (cells as a grid of
Python values, merges, visibility) and written by :func:`write_book`:
openpyxl for .xlsx/.xlsm, a small hand-written OpenDocument writer for .ods
(no extra dependency). ``tests/fixtures/NaMon_2024-05.xls`` was made once from
:func:`write_xls_source` with LibreOffice (see tests/fixtures/README.md).
"""

from __future__ import annotations

import itertools
import shutil
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from schemas.columns import INDICATOR_KEYS, INDICATORS
from tests.commune import person

FIXTURES = Path(__file__).parent / "fixtures"
XLS_FIXTURE = FIXTURES / "NaMon_2024-05.xls"

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
UNIT = "UBND XÃ TRUNG LƯƠNG"
INDICATOR_PARENT = "Các chỉ số thiếu hụt dịch vụ xã hội cơ bản"
HEAD_PARENT = "Thông tin chủ hộ"


# --- the households of tests.commune.clean_rosters ---------------------------


def na_mon_households() -> list[dict]:
    """Nà Mòn, May 2024, exactly as ``clean_rosters`` writes it (total households 102)."""
    return [
        person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
        person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "poor"),
    ]  # fmt: skip


def ban_co_households() -> list[dict]:
    """Bản Cọ, May 2024, exactly as ``clean_rosters`` writes it (total households 200)."""
    return [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def households_of_no_hamlet() -> list[dict]:
    """Bản Cọ's households under codes on no hamlet's start list (LL1–LL3): a list of a hamlet
    not in the plan whose codes do not tell whose it is (docs/decisions.md, session 22)."""
    return [{**row, "ma_ho": row["ma_ho"].replace("BC", "LL")} for row in ban_co_households()]


# --- a workbook as data -------------------------------------------------------


@dataclass(frozen=True)
class Formula:
    """A formula cell and the value Excel calculated for it (XlsxWriter writes both, openpyxl
    the formula alone, as a program other than Excel saves it)."""

    text: str  # '=C6+1'
    value: Any


@dataclass
class SheetSpec:
    name: str
    rows: list[list[Any]] = field(default_factory=list)  # None = empty cell
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based, inclusive
    hidden: bool = False
    # 0-based row -> how it is hidden: 'collapse' (by hand) or 'filter' (ods; an xlsx row is
    # hidden either way)
    hidden_rows: dict[int, str] = field(default_factory=dict)
    # (row, col) 0-based -> the cell's font name ('Wingdings 2'); in an .ods, in the cell's
    # automatic style naming a font face, as LibreOffice writes it
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)
    # (row, col) 0-based of the cells struck through: an .ods cell style with
    # 'style:text-line-through-style="solid"' as LibreOffice writes it; an xlsx font's strike
    struck: set[tuple[int, int]] = field(default_factory=set)
    # (row, col) 0-based -> (bold, italic) of a text cell: in an .ods, a cell style with
    # 'fo:font-weight="bold"' and/or 'fo:font-style="italic"', as LibreOffice writes it
    emphasis: dict[tuple[int, int], tuple[bool, bool]] = field(default_factory=dict)
    # columns hidden (0-based), the frozen pane's first free cell (row, col), and an AutoFilter's
    # range (first row, first col, last row, last col) without a filtered column: screen settings
    # a head leaves in a list (xlsx only; the .ods writer has none of them)
    hidden_cols: set[int] = field(default_factory=set)
    freeze: tuple[int, int] | None = None
    autofilter: tuple[int, int, int, int] | None = None

    def put(self, row: int, col: int, value: Any) -> None:
        while len(self.rows) <= row:
            self.rows.append([])
        line = self.rows[row]
        while len(line) <= col:
            line.append(None)
        line[col] = value

    def merge(self, row: int, col: int, last_row: int, last_col: int, value: Any) -> None:
        self.put(row, col, value)
        if (last_row, last_col) != (row, col):
            self.merges.append((row, col, last_row, last_col))


def write_book(path: Path, sheets: Sequence[SheetSpec], writer: str = "openpyxl") -> Path:
    """Write the sheets in order; the format follows the suffix (.xlsx, .xlsm, .ods); an .xlsx
    by openpyxl or, ``writer="xlsxwriter"``, by XlsxWriter (shared strings, its own styles)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx" and writer == "xlsxwriter":
        _write_xlsxwriter(path, sheets)
    elif suffix in (".xlsx", ".xlsm"):
        _write_openpyxl(path, sheets, macro=suffix == ".xlsm")
    elif suffix == ".ods":
        _write_ods(path, sheets)
    else:
        raise ValueError(f"cannot write {suffix}")
    return path


def _write_openpyxl(path: Path, sheets: Sequence[SheetSpec], macro: bool) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for spec in sheets:
        ws = wb.create_sheet(spec.name)
        for r, line in enumerate(spec.rows, start=1):
            for c, value in enumerate(line, start=1):
                if isinstance(value, Formula):  # its text only: openpyxl writes no value
                    ws.cell(r, c, value.text)
                elif value is not None:
                    cell = ws.cell(r, c, value)
                    if isinstance(value, str):
                        cell.data_type = "s"  # never a formula, even when it starts with '='
                    elif isinstance(value, (date, datetime)):
                        cell.number_format = "dd/mm/yyyy"
                    if (r - 1, c - 1) in spec.fonts:
                        cell.font = Font(name=spec.fonts[(r - 1, c - 1)])
                    if (r - 1, c - 1) in spec.struck:
                        cell.font = Font(strike=True)
        for r1, c1, r2, c2 in spec.merges:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        for r in spec.hidden_rows:
            ws.row_dimensions[r + 1].hidden = True
        for c in spec.hidden_cols:
            ws.column_dimensions[get_column_letter(c + 1)].hidden = True
        if spec.freeze:
            ws.freeze_panes = ws.cell(spec.freeze[0] + 1, spec.freeze[1] + 1).coordinate
        if spec.autofilter:
            r1, c1, r2, c2 = spec.autofilter
            ws.auto_filter.ref = (
                f"{ws.cell(r1 + 1, c1 + 1).coordinate}:{ws.cell(r2 + 1, c2 + 1).coordinate}"
            )
        if spec.hidden:
            ws.sheet_state = "hidden"
    first_visible = next(i for i, s in enumerate(sheets) if not s.hidden)
    wb.active = first_visible
    wb.save(path)
    if macro:
        _mark_macro_enabled(path)


def _write_xlsxwriter(path: Path, sheets: Sequence[SheetSpec]) -> None:
    """The sheets as XlsxWriter writes them (what the features of openpyxl's writer allow)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    struck = book.add_format({"font_strikeout": True})
    fonts = {
        name: book.add_format({"font_name": name})
        for spec in sheets
        for name in spec.fonts.values()
    }
    first_visible = next(i for i, s in enumerate(sheets) if not s.hidden)
    for i, spec in enumerate(sheets):
        ws = book.add_worksheet(spec.name)
        merged = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in spec.merges}
        for r, line in enumerate(spec.rows):
            for c, value in enumerate(line):
                if value is None or (r, c) in merged:
                    continue
                style = struck if (r, c) in spec.struck else fonts.get(spec.fonts.get((r, c)))
                if isinstance(value, str):
                    ws.write_string(r, c, value, style)  # never a formula, as openpyxl's 's'
                elif isinstance(value, (date, datetime)):
                    ws.write_datetime(r, c, value, day)
                elif isinstance(value, Formula):
                    ws.write_formula(r, c, value.text, style, value.value)
                else:
                    ws.write(r, c, value, style)
        for (r1, c1), (r2, c2) in merged.items():
            line = spec.rows[r1] if r1 < len(spec.rows) else []
            value = line[c1] if c1 < len(line) else None
            ws.merge_range(r1, c1, r2, c2, "" if value is None else value)
        for r in spec.hidden_rows:
            ws.set_row(r, None, None, {"hidden": True})
        for c in spec.hidden_cols:
            ws.set_column(c, c, None, None, {"hidden": True})
        if spec.freeze:
            ws.freeze_panes(*spec.freeze)
        if spec.autofilter:
            ws.autofilter(*spec.autofilter)
        if spec.hidden:
            ws.hide()
        elif i == first_visible:
            ws.activate()
    book.close()


_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def _mark_macro_enabled(path: Path) -> None:
    """An .xlsm is an .xlsx package whose workbook part has the macro-enabled content type."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == "[Content_Types].xml":
                data = data.replace(_MAIN.encode(), _MACRO_MAIN.encode())
            target.writestr(info, data)


# A minimal OpenDocument spreadsheet: enough for LibreOffice and calamine.
ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
_ODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
{faces}<office:automatic-styles>
 <style:style style:name="shown" style:family="table"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style>
{styles}</office:automatic-styles>
<office:body><office:spreadsheet>"""
_ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def _ods_cell(value: Any, span: tuple[int, int] | None, style: str | None = None) -> str:
    attrs = f' table:style-name="{style}"' if style else ""
    if span:
        attrs += f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
        return (
            f'<table:table-cell office:value-type="boolean" office:boolean-value="{text.lower()}"'
            f"{attrs}><text:p>{text}</text:p></table:table-cell>"
        )
    if isinstance(value, (int, float)):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}"{attrs}>'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if isinstance(value, (date, datetime)):
        iso = value.strftime("%Y-%m-%d")
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{iso}"{attrs}>'
            f"<text:p>{value.strftime('%d/%m/%Y')}</text:p></table:table-cell>"
        )
    lines = "".join(f"<text:p>{escape(part)}</text:p>" for part in str(value).split("\n"))
    return f'<table:table-cell office:value-type="string"{attrs}>{lines}</table:table-cell>'


# The cell style of a cell struck through (SheetSpec.struck), as LibreOffice writes it
_ODS_STRUCK = (
    ' <style:style style:name="struck" style:family="table-cell" style:parent-style-name="Default">'
    '<style:text-properties style:text-line-through-style="solid" '
    'style:text-line-through-width="auto" style:text-line-through-color="font-color"/>'
    "</style:style>\n"
)


# The cell styles of a text bold, italic, both (SheetSpec.emphasis), as LibreOffice writes them
_ODS_EMPHASIS = {
    (True, False): ("bold", ' fo:font-weight="bold" style:font-weight-asian="bold"'),
    (False, True): ("italic", ' fo:font-style="italic" style:font-style-asian="italic"'),
    (True, True): ("bolditalic", ' fo:font-weight="bold" fo:font-style="italic"'),
}


def _ods_fonts(sheets: Sequence[SheetSpec]) -> tuple[str, dict[str, str]]:
    """The font faces and automatic cell styles of the fonts ``sheets`` name, as LibreOffice
    writes them ('ce1' naming the face 'Wingdings 2', family "'Wingdings 2'"), and the style
    of each font."""
    fonts = sorted({font for spec in sheets for font in spec.fonts.values()})
    struck = _ODS_STRUCK if any(spec.struck for spec in sheets) else ""
    struck += "".join(
        f' <style:style style:name="{name}" style:family="table-cell" '
        f'style:parent-style-name="Default"><style:text-properties{props}/></style:style>\n'
        for name, props in _ODS_EMPHASIS.values()
        if any(spec.emphasis for spec in sheets)
    )
    if not fonts:
        return _ODS_HEAD.format(faces="", styles=struck), {}
    faces = "".join(
        f'<style:font-face style:name="{escape(font)}" '
        f'svg:font-family="{escape(repr(font) if " " in font else font)}"/>'
        for font in fonts
    )
    named = {font: f"ce{i}" for i, font in enumerate(fonts, start=1)}
    styles = (
        "".join(
            f' <style:style style:name="{name}" style:family="table-cell" '
            f'style:parent-style-name="Default"><style:text-properties '
            f'style:font-name="{escape(font)}"/></style:style>\n'
            for font, name in named.items()
        )
        + struck
    )
    head = _ODS_HEAD.format(
        faces=f"<office:font-face-decls>{faces}</office:font-face-decls>\n", styles=styles
    )
    return head, named


def _write_ods(path: Path, sheets: Sequence[SheetSpec]) -> None:
    head, styled = _ods_fonts(sheets)
    body = [head]
    for spec in sheets:
        spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in spec.merges}
        covered = {
            (r, c)
            for r1, c1, r2, c2 in spec.merges
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
            if (r, c) != (r1, c1)
        }
        height = max([len(spec.rows)] + [m[2] + 1 for m in spec.merges])
        width = max([len(r) for r in spec.rows] + [m[3] + 1 for m in spec.merges] + [1])
        style = "hidden" if spec.hidden else "shown"
        body.append(f'<table:table table:name="{escape(spec.name)}" table:style-name="{style}">')
        body.append(f'<table:table-column table:number-columns-repeated="{width}"/>')
        for r in range(height):
            line = spec.rows[r] if r < len(spec.rows) else []
            cells = []
            for c in range(width):
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                else:
                    font = spec.fonts.get((r, c))
                    value = line[c] if c < len(line) else None
                    said = spec.emphasis.get((r, c), (False, False))
                    style = _ODS_EMPHASIS[said][0] if any(said) else styled.get(font)
                    cells.append(
                        _ods_cell(
                            value,
                            spans.get((r, c)),
                            "struck" if (r, c) in spec.struck else style,
                        )
                    )
            shown = spec.hidden_rows.get(r)
            row = f'<table:table-row table:visibility="{shown}">' if shown else "<table:table-row>"
            body.append(row + "".join(cells) + "</table:table-row>")
        body.append("</table:table>")
    body.append(_ODS_TAIL)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", "".join(body), zipfile.ZIP_DEFLATED)


# --- how a person types values --------------------------------------------------


def nfd(value: Any) -> Any:
    return unicodedata.normalize("NFD", value) if isinstance(value, str) else value


@dataclass
class Typing:
    """How one hamlet head types values; each field is a deviation from the template."""

    marks: Sequence[Any] = ("x",)  # cycled over the deprived cells
    not_deprived: Sequence[Any] = (None,)  # cycled over the other indicator cells
    numbers_as_text: bool = False  # household size, birth year as "4", "1970"
    income: Callable[[float], Any] = lambda v: v  # noqa: E731
    id_as_number: bool = False  # 019070001234 typed into a number cell: 19070001234
    classification: dict[str, str] = field(default_factory=dict)  # label -> as typed
    stt_as_text: bool = False
    nfd: bool = False
    upper_names: bool = False


def _typed_rows(households: list[dict], typing: Typing) -> list[dict]:
    marks = itertools.cycle(typing.marks)
    blanks = itertools.cycle(typing.not_deprived)
    out = []
    for hh in households:
        row = dict(hh)
        for key in INDICATOR_KEYS:
            row[key] = next(marks) if hh[key] is True else next(blanks)
        if typing.numbers_as_text:
            row["nhan_khau"] = f" {hh['nhan_khau']} "
            row["nam_sinh"] = str(hh["nam_sinh"])
        row["thu_nhap"] = typing.income(hh["thu_nhap"])
        if typing.id_as_number and hh["so_dinh_danh"]:
            row["so_dinh_danh"] = int(hh["so_dinh_danh"])
        row["phan_loai"] = typing.classification.get(hh["phan_loai"], hh["phan_loai"])
        if typing.upper_names:
            row["dan_toc"] = hh["dan_toc"].upper()
            row["gioi_tinh"] = hh["gioi_tinh"].lower()
        if typing.nfd:
            row = {k: nfd(v) for k, v in row.items()}
        out.append(row)
    return out


def vn_money(value: float) -> str:
    """1200000 -> '1.200.000' (text, Vietnamese thousands dots)."""
    return f"{int(value):,}".replace(",", ".")


def vn_millions(value: float) -> str:
    """1200000 -> '1,2 triệu'."""
    return f"{value / 1_000_000:g}".replace(".", ",") + " triệu"


# --- the roster sheet -------------------------------------------------------------

# Column spec: (key, header as written). Keys not in the contract are extra columns.
TEMPLATE_ORDER: tuple[str, ...] = (
    "stt", "ma_ho", "chu_ho", "nam_sinh", "gioi_tinh", "dan_toc", "so_dinh_danh", "nhan_khau",
    "phan_loai", "thu_nhap", *INDICATOR_KEYS, "nguyen_nhan", "doi_tuong", "nhu_cau", "ghi_chu",
)  # fmt: skip
DEFAULT_HEADERS = {
    "stt": "STT", "ma_ho": "Mã hộ", "chu_ho": "Họ và tên chủ hộ", "nam_sinh": "Năm sinh",
    "gioi_tinh": "Giới tính", "dan_toc": "Dân tộc", "so_dinh_danh": "Số định danh cá nhân",
    "nhan_khau": "Số nhân khẩu", "phan_loai": "Phân loại hộ",
    "thu_nhap": "Thu nhập BQ (đồng/người/tháng)", "nguyen_nhan": "Nguyên nhân nghèo",
    "doi_tuong": "Nhóm đối tượng", "nhu_cau": "Nhu cầu hỗ trợ", "ghi_chu": "Ghi chú",
    **{key: header for key, _, header in INDICATORS},
    "mark_poor": "Hộ nghèo", "mark_near": "Hộ cận nghèo", "mark_exit": "Thoát nghèo",
    "start_poor": "Hộ nghèo", "start_near": "Hộ cận nghèo",
}  # fmt: skip
HEAD_KEYS = ("chu_ho", "nam_sinh", "gioi_tinh")
SECTION_ORDER = (("I", "Hộ nghèo", "Hộ nghèo"), ("II", "Hộ cận nghèo", "Hộ cận nghèo"),
                 ("III", "Hộ thoát nghèo, thoát cận nghèo", "Thoát"))  # fmt: skip


@dataclass
class Layout:
    """One roster sheet's deviations from the template."""

    sheet: str = "Danh sách"
    title: Sequence[str] = ()  # full-width merged title rows (after the motto block)
    motto: bool = False  # UBND … | CỘNG HÒA … / Độc lập … block at the top
    columns: Sequence[str] = TEMPLATE_ORDER  # keys, plus extra column names
    headers: dict[str, str] = field(default_factory=dict)  # key -> header as written
    header_rows: int = 1  # 1, 2 (parents) or 3 (parents and indicator dimensions)
    number_row: str | None = None  # 'letters' (A B 1 2 …) | 'parens' ((1) (2) …)
    sections: str | None = None  # 'split' ("I" | "Hộ nghèo") | 'merged' ("I. HỘ NGHÈO")
    subtotals: bool = False  # "Cộng" after each section
    grand_total: bool = False  # "Tổng cộng" at the end
    blank_between: bool = False  # an empty row after each household
    signature: bool = False
    extra_values: dict[str, Any] = field(default_factory=dict)  # extra column -> cell value
    start_row: int = 0  # empty rows above everything
    start_col: int = 0  # empty columns left of the table
    nfd_headers: bool = False
    # the class as an 'x' in columns of its own instead of 'Phân loại hộ': 'columns' ('Hộ
    # nghèo | Hộ cận nghèo | Thoát nghèo', no parent), 'parent' ('Phân loại hộ' over them;
    # two or three header rows), 'two-times' ('Phân loại hộ' over 'Đầu kỳ | Cuối kỳ', each over
    # 'Hộ nghèo | Hộ cận nghèo'; three header rows; a household that left marked at 'Đầu kỳ'
    # only, as poor)
    class_marks: str | None = None
    hidden: Sequence[str] = ()  # Mã hộ of the households whose rows are hidden (by hand)
    count_in_total: bool = False  # 'Tổng cộng' says its households as '6 hộ' (Họ và tên column)


@dataclass
class Placed:
    """Where the builder put things, for tests that assert cells: ma_ho -> Excel row, key -> letter."""

    rows: dict[str, int] = field(default_factory=dict)
    cols: dict[str, str] = field(default_factory=dict)
    info: dict[str, str] = field(default_factory=dict)  # info key -> cell of its value

    def cell(self, ma_ho: str, key: str) -> str:
        return f"{self.cols[key]}{self.rows[ma_ho]}"


def roster_sheet(
    households: list[dict], layout: Layout, typing: Typing, placed: Placed | None = None
) -> SheetSpec:
    spec = SheetSpec(layout.sheet)
    placed = placed if placed is not None else Placed()
    c0 = layout.start_col
    columns = list(layout.columns)
    marks = MARK_KEYS.get(layout.class_marks or "", ())
    if marks and "phan_loai" in columns:
        at = columns.index("phan_loai")
        columns[at : at + 1] = marks
    last = c0 + len(columns) - 1
    col_of = {key: c0 + i for i, key in enumerate(columns)}
    for key, col in col_of.items():
        placed.cols[key] = get_column_letter(col + 1)
    heading = (lambda t: nfd(t)) if layout.nfd_headers else (lambda t: t)  # noqa: E731
    r = layout.start_row
    if layout.motto:
        half = max(c0 + 3, last - 8)
        spec.merge(r, c0, r, c0 + 3, UNIT)
        spec.merge(r, half, r, last, MOTTO)
        spec.merge(r + 1, half, r + 1, last, MOTTO_2)
        r += 3
    for line in layout.title:
        spec.merge(r, c0, r, last, line)
        r += 1
    if layout.title or layout.motto:
        r += 1  # an empty row before the header

    # Header: one to three rows; columns outside a group are merged down.
    depth = layout.header_rows
    header_top = r
    text = {key: heading(layout.headers.get(key, DEFAULT_HEADERS.get(key, key))) for key in columns}
    groups: list[tuple[str, list[str]]] = []
    if depth >= 2:
        groups.append((HEAD_PARENT, [k for k in HEAD_KEYS if k in col_of]))
        groups.append((INDICATOR_PARENT, [k for k in INDICATOR_KEYS if k in col_of]))
        if layout.class_marks in ("parent", "two-times"):
            groups.append((DEFAULT_HEADERS["phan_loai"], list(marks)))
    grouped = {k for _, keys in groups for k in keys}
    for key in columns:
        col = col_of[key]
        if key in grouped:
            spec.put(header_top + depth - 1, col, text[key])
        else:
            spec.merge(header_top, col, header_top + depth - 1, col, text[key])
    for parent, keys in groups:
        cols = sorted(col_of[k] for k in keys)
        if cols and cols == list(range(cols[0], cols[-1] + 1)):
            spec.merge(header_top, cols[0], header_top, cols[-1], heading(parent))
            if depth == 3 and parent == INDICATOR_PARENT:
                for dimension, members in itertools.groupby(INDICATORS, key=lambda i: i[1]):
                    member_cols = [col_of[k] for k, _, _ in members]
                    spec.merge(
                        header_top + 1,
                        member_cols[0],
                        header_top + 1,
                        member_cols[-1],
                        heading(dimension),
                    )
            elif depth == 3 and layout.class_marks == "two-times" and keys == list(marks):
                spec.merge(header_top + 1, cols[0], header_top + 1, cols[1], heading("Đầu kỳ"))
                spec.merge(header_top + 1, cols[2], header_top + 1, cols[3], heading("Cuối kỳ"))
            elif depth == 3:
                for k in keys:  # the child header sits in the last row, merged over two
                    spec.rows[header_top + 2][col_of[k]] = None
                    spec.merge(header_top + 1, col_of[k], header_top + 2, col_of[k], text[k])
    r = header_top + depth
    if layout.number_row:
        for i, key in enumerate(columns):
            if layout.number_row == "letters":
                label = "A" if i == 0 else "B" if i == 1 else str(i - 1)
            else:
                label = f"({i + 1})"
            spec.put(r, col_of[key], label)
        r += 1

    rows = _typed_rows(households, typing)
    mark_cycle = itertools.cycle(typing.marks)
    if layout.sections:
        ordered = []
        for numeral, label, status in SECTION_ORDER:
            members = [
                (hh, row)
                for hh, row in zip(households, rows, strict=True)
                if hh["phan_loai"] == status
            ]
            ordered.append((numeral, label, members))
        known = {status for _, _, status in SECTION_ORDER}
        others = [(hh, row) for hh, row in zip(households, rows, strict=True)
                  if hh["phan_loai"] not in known]  # fmt: skip
        if others:  # a classification no section is for ('Hộ khá'): after the sections
            ordered.append((None, None, others))
    else:
        ordered = [(None, None, list(zip(households, rows, strict=True)))]
    first_col = col_of[columns[0]]
    second_col = col_of[columns[1]]
    stt = 0
    for numeral, label, members in ordered:
        if numeral:
            if layout.sections == "split":
                spec.put(r, first_col, numeral)
                spec.put(r, second_col, label)
            else:
                spec.merge(r, first_col, r, last, f"{numeral}. {label.upper()}")
            r += 1
        for hh, row in members:
            stt += 1
            if marks:
                row = dict(row, **_class_marks(hh["phan_loai"], marks, mark_cycle))
            for key in columns:
                col = col_of[key]
                if key == "stt":
                    value = str(stt) if typing.stt_as_text else stt
                elif key in layout.extra_values:
                    value = layout.extra_values[key]
                else:
                    value = row.get(key)
                if value is not None and value is not False:
                    spec.put(r, col, value)
            placed.rows[hh["ma_ho"]] = r + 1
            if hh["ma_ho"] in layout.hidden:
                spec.hidden_rows[r] = "collapse"
            r += 1
            if layout.blank_between:
                r += 1
        if numeral and layout.subtotals:
            spec.put(r, first_col, "Cộng")
            if col_of.get("nhan_khau", first_col) != first_col:  # (not over the word)
                spec.put(r, col_of["nhan_khau"], _total(hh["nhan_khau"] for hh, _ in members))
            r += 1
    if layout.grand_total:
        spec.merge(r, first_col, r, second_col, "Tổng cộng")
        if layout.count_in_total and col_of.get("chu_ho", 0) > second_col:
            spec.put(r, col_of["chu_ho"], f"{len(households)} hộ")
        if col_of.get("nhan_khau", first_col) not in (first_col, second_col):
            spec.put(r, col_of["nhan_khau"], _total(hh["nhan_khau"] for hh in households))
        for key in INDICATOR_KEYS:
            if key in col_of:
                spec.put(r, col_of[key], sum(1 for hh in households if hh[key] is True))
        r += 1
    if layout.signature:
        signature_block(spec, r + 1, c0, last)
    return spec


def signature_block(spec: SheetSpec, r: int, c0: int, last: int,
                    day: str = "Ngày 03 tháng 6 năm 2024", preparer: str = "Lường Thị Mai") -> None:  # fmt: skip
    """The signature block from row ``r`` of a table in columns ``c0``–``last``: the date,
    'Người lập biểu' and 'Trưởng xóm', '(Ký, ghi rõ họ tên)', and the signers' names four rows
    down, under where they sign."""
    right = max(c0 + 5, last - 6)
    spec.merge(r, right, r, last, day)
    spec.merge(r + 1, c0 + 1, r + 1, c0 + 3, "Người lập biểu")
    spec.merge(r + 1, right, r + 1, last, "Trưởng xóm")
    spec.merge(r + 2, c0 + 1, r + 2, c0 + 3, "(Ký, ghi rõ họ tên)")
    spec.merge(r + 2, right, r + 2, last, "(Ký, ghi rõ họ tên)")
    spec.merge(r + 6, c0 + 1, r + 6, c0 + 3, preparer)
    spec.merge(r + 6, right, r + 6, last, "Hoàng Văn Bình")


# The mark columns standing for 'Phân loại hộ' (Layout.class_marks), headed as DEFAULT_HEADERS.
MARK_KEYS = {
    "columns": ("mark_poor", "mark_near", "mark_exit"),
    "parent": ("mark_poor", "mark_near", "mark_exit"),
    "two-times": ("start_poor", "start_near", "mark_poor", "mark_near"),
}
_MARKED = {"Hộ nghèo": "poor", "Hộ cận nghèo": "near", "Thoát": "exit"}


def _class_marks(label: str, keys: Sequence[str], marks) -> dict[str, Any]:
    """A row's mark cells: the class's column marked; in 'Đầu kỳ | Cuối kỳ', the class at the
    start too (the same; poor for a household that left, marked there only)."""
    status = _MARKED[label]
    start = "poor" if status == "exit" else status
    wanted = {f"mark_{status}", f"start_{start}"}
    return {key: next(marks) if key in wanted else None for key in keys}


def stacked(top: SheetSpec, bottom: SheetSpec, gap: int = 1) -> SheetSpec:
    """One sheet: ``top``'s rows (a 'Thông tin' block), ``gap`` empty rows, then ``bottom``'s
    (the list), named as ``bottom``, its merges and hidden rows moved down."""
    shift = len(top.rows) + gap
    spec = SheetSpec(bottom.name, hidden=bottom.hidden)
    spec.rows = [list(line) for line in top.rows] + [[] for _ in range(gap)]
    spec.rows += [list(line) for line in bottom.rows]
    spec.merges = list(top.merges) + [(a + shift, b, c + shift, d) for a, b, c, d in bottom.merges]
    spec.hidden_rows = {r + shift: how for r, how in bottom.hidden_rows.items()}
    spec.fonts = dict(top.fonts) | {(r + shift, c): f for (r, c), f in bottom.fonts.items()}
    spec.hidden_cols = set(bottom.hidden_cols)
    if bottom.freeze:
        spec.freeze = (bottom.freeze[0] + shift, bottom.freeze[1])
    if bottom.autofilter:
        r1, c1, r2, c2 = bottom.autofilter
        spec.autofilter = (r1 + shift, c1, r2 + shift, c2)
    return spec


def below(top: SheetSpec, bottom: SheetSpec, gap: int = 2) -> SheetSpec:
    """One sheet: ``top``'s rows (the list, its signatures), ``gap`` empty rows, then
    ``bottom``'s (a 'Thông tin' block), named as ``top``, ``bottom``'s merges moved down."""
    shift = len(top.rows) + gap
    spec = SheetSpec(top.name, hidden=top.hidden)
    spec.rows = [list(line) for line in top.rows] + [[] for _ in range(gap)]
    spec.rows += [list(line) for line in bottom.rows]
    spec.merges = list(top.merges) + [(a + shift, b, c + shift, d) for a, b, c, d in bottom.merges]
    spec.hidden_rows = dict(top.hidden_rows)
    spec.fonts = dict(top.fonts) | {(r + shift, c): f for (r, c), f in bottom.fonts.items()}
    spec.hidden_cols, spec.freeze, spec.autofilter = top.hidden_cols, top.freeze, top.autofilter
    return spec


def _total(values) -> int:
    return sum(v for v in values if isinstance(v, int))


# --- the 'Thông tin' sheet ----------------------------------------------------------


INFO_LABELS = {
    "form_type": "Loại biểu", "commune": "Xã", "hamlet": "Xóm", "period": "Kỳ báo cáo",
    "total_households": "Tổng số hộ dân cư", "preparer": "Người lập", "prepared_on": "Ngày lập",
}  # fmt: skip


def info_sheet(
    values: dict[str, Any],
    style: str = "standard",
    order: Sequence[str] | None = None,
    placed: Placed | None = None,
    name: str = "Thông tin",
) -> SheetSpec:
    """Key/value block: 'standard' (label A, value B), 'shifted' (title row, label B, value C),
    or 'inline' ("Xóm: Nà Mòn" in one cell)."""
    spec = SheetSpec(name)
    keys = list(order or values)
    r = 0
    if style == "shifted":
        spec.merge(0, 0, 0, 3, "THÔNG TIN CHUNG VỀ DANH SÁCH")
        r = 2
    for key in keys:
        label, value = INFO_LABELS[key], values[key]
        if style == "standard":
            spec.put(r, 0, label)
            spec.put(r, 1, value)
            where = f"B{r + 1}"
        elif style == "shifted":
            spec.put(r, 1, f"{label}:")
            spec.put(r, 2, value)
            where = f"C{r + 1}"
        else:
            typed = value.strftime("%d/%m/%Y") if isinstance(value, (date, datetime)) else value
            spec.put(r, 0, f"{label}: {typed}")
            where = f"A{r + 1}"
        if placed is not None:
            placed.info[key] = where
        r += 1
    return spec


def info_values(hamlet: str, period: Any, total: Any, **more) -> dict[str, Any]:
    values = {
        "form_type": "Danh sách hộ",
        "commune": "Trung Lương",
        "hamlet": hamlet,
        "period": period,
        "total_households": total,
        "preparer": "Lường Thị Mai",
        "prepared_on": date(2024, 6, 3),
    }
    values.update(more)
    return values


def guide_sheet() -> SheetSpec:
    """A first sheet of instructions, which mention column names in passing."""
    spec = SheetSpec("Hướng dẫn")
    for r, line in enumerate(
        [
            "HƯỚNG DẪN GHI DANH SÁCH",
            "Cột Mã hộ: ghi mã hộ theo sổ quản lý của xã.",
            "Cột Số nhân khẩu: số người trong hộ. Cột Phân loại hộ: Hộ nghèo / Hộ cận nghèo / Thoát.",
            "Các chỉ số thiếu hụt: đánh dấu x nếu hộ thiếu hụt.",
        ]
    ):
        spec.put(r, 0, line)
    return spec


def junk_sheet(name: str = "Cu") -> SheetSpec:
    """A hidden sheet holding an old copy of the whole list (template header, other households):
    it must never be read, even though its header matches better than the visible one's."""
    spec = SheetSpec(name, hidden=True)
    spec.rows.append([DEFAULT_HEADERS[key] for key in TEMPLATE_ORDER])
    for i in range(1, 8):
        old = person(f"OLD{i}", "poor", deprived=(1, 2, 3))
        spec.rows.append([i if key == "stt" else _plain(old.get(key)) for key in TEMPLATE_ORDER])
    return spec


def _plain(value: Any) -> Any:
    return "x" if value is True else None if value is False else value


# --- the messy variants ---------------------------------------------------------------

TITLE_NA_MON = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"


def na_mon_split_sections(
    folder: Path, name: str = "NaMon.xlsx", households=None, total: Any = "102", **info_more
) -> Placed:
    """xlsx; roster sheet 'DS' first, 'Thông tin' second with labels in B and values in C;
    motto block and merged title; two-row header with merged parents; a column-number row;
    'I | Hộ nghèo' sections with 'Cộng' subtotals, 'Tổng cộng'; blank rows between
    households; signature block with the signers' names."""
    placed = Placed()
    layout = Layout(
        sheet="DS", motto=True, title=(TITLE_NA_MON, "(Kèm theo Kế hoạch số 12/KH-UBND)"),
        header_rows=2, number_row="letters", sections="split", subtotals=True, grand_total=True,
        blank_between=True, signature=True,
    )  # fmt: skip
    roster = roster_sheet(households or na_mon_households(), layout, Typing(), placed)
    values = info_values("XÓM NÀ MÒN", "05/2024", total, **info_more)
    info = info_sheet(values, "shifted", placed=placed,
                      order=["hamlet", "commune", "form_type", "period", "total_households",
                             "prepared_on", "preparer"])  # fmt: skip
    write_book(folder / name, [roster, info])
    return placed


BAN_CO_REORDERED = (
    "stt", "chu_ho", "ma_ho", "phan_loai", "nhan_khau", "Số điện thoại", "thu_nhap",
    *INDICATOR_KEYS, "dan_toc", "gioi_tinh", "nam_sinh", "so_dinh_danh", "nguyen_nhan",
    "nhu_cau", "doi_tuong", "Ghi chú 2", "ghi_chu",
)  # fmt: skip
BAN_CO_HEADERS = {
    "stt": "TT", "chu_ho": "HỌ  TÊN CHỦ HỘ", "ma_ho": "Mã  số hộ", "phan_loai": "Phân loại",
    "nhan_khau": "Số khẩu", "thu_nhap": "Thu nhập bình quân\n(đồng/người/tháng)",
    "td_05": "TRÌNH ĐỘ GIÁO DỤC CỦA NGƯỜI LỚN", "nam_sinh": "Năm sinh chủ hộ",
    "so_dinh_danh": "Số CCCD", "gioi_tinh": "Giới\ntính",
}  # fmt: skip


def ban_co_no_info(
    folder: Path, name: str = "BanCo.xlsm", households=None, title: Sequence[str] | None = None
) -> Placed:
    """xlsm; no 'Thông tin' sheet (hamlet and period from the title, total from the plan);
    an instructions sheet first, a hidden junk sheet, the roster in 'Sheet1'; columns in
    another order with extra columns and other wordings (TT, upper case, double spaces,
    line breaks, NFD); NFD text; marks X, 1, có, ✓; numbers as text; the ID as a number;
    merged 'I. HỘ NGHÈO' section rows; 'Tổng cộng'."""
    placed = Placed()
    layout = Layout(
        sheet="Sheet1", motto=True,
        title=title if title is not None else (
            "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO thôn bản cọ - Tháng 5 năm 2024",),
        columns=BAN_CO_REORDERED, headers=BAN_CO_HEADERS, nfd_headers=True, sections="merged",
        grand_total=True, signature=True, extra_values={"Số điện thoại": "0912 345 678"},
        start_row=1, start_col=1,
    )  # fmt: skip
    typing = Typing(
        marks=("X", 1, "có", "✓"), not_deprived=(None, 0, "không"), numbers_as_text=True,
        income=vn_money, id_as_number=True, nfd=True, upper_names=True,
        classification={"Hộ nghèo": "HỘ NGHÈO", "Hộ cận nghèo": "cận nghèo"},
    )  # fmt: skip
    spec = roster_sheet(households or ban_co_households(), layout, typing, placed)
    spec.rows = [[nfd(v) for v in line] for line in spec.rows]
    write_book(folder / name, [guide_sheet(), junk_sheet(), spec])
    return placed


def na_mon_three_row_header(folder: Path, name: str = "NaMon.xlsx", households=None) -> Placed:
    """Three-row header (indicator dimensions in the middle row), '(1) (2) …' number row,
    'Thông tin' standard but shuffled and NFD, period as a date cell, 'XÓM NÀ MÒN', marks
    'x' with '0'/'không' for not deprived, income '1.200.000' as text, roster sheet 'DS'
    first. This is also the source of the committed .xls fixture."""
    placed = Placed()
    layout = Layout(
        sheet="DS",
        title=(TITLE_NA_MON,),
        header_rows=3,
        number_row="parens",
        signature=True,
        grand_total=True,
    )
    typing = Typing(not_deprived=(None, "0", "không"), income=vn_money, nfd=True)
    roster = roster_sheet(households or na_mon_households(), layout, typing, placed)
    values = {k: nfd(v) for k, v in info_values("XÓM NÀ MÒN", datetime(2024, 5, 1), 102).items()}
    info = info_sheet(values, "standard", placed=placed,
                      order=["form_type", "hamlet", "period", "commune", "total_households",
                             "preparer", "prepared_on"])  # fmt: skip
    write_book(folder / name, [roster, info])
    return placed


def write_xls_source(path: Path) -> Path:
    """The workbook tests/fixtures/NaMon_2024-05.xls was converted from (LibreOffice)."""
    na_mon_three_row_header(path.parent, path.name)
    return path


def copy_xls_fixture(folder: Path, name: str = "NaMon_2024-05.xls") -> Path:
    target = folder / name
    shutil.copyfile(XLS_FIXTURE, target)
    return target


BAN_CO_ODS_HEADERS = {
    "stt": "Số TT", "chu_ho": "Họ và tên\nchủ hộ", "nhan_khau": "Số nhân\nkhẩu (người)",
    "phan_loai": "Phân loại hộ\n(nghèo/cận nghèo)", "ma_ho": "Mã hộ (*)",
}  # fmt: skip


def ban_co_inline_info(folder: Path, name: str = "BanCo.ods", households=None) -> Placed:
    """ods; 'Thông tin' written as 'Xóm: thôn bản cọ' in single cells, period '5/2024';
    headers with line breaks and notes; 'Số TT' with text numbers; income '1,2 triệu';
    'Tổng cộng' and signature; the roster sheet first."""
    placed = Placed()
    layout = Layout(
        sheet="Danh sách",
        title=("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO",),
        headers=BAN_CO_ODS_HEADERS,
        grand_total=True,
        signature=True,
    )
    typing = Typing(stt_as_text=True, income=vn_millions, marks=("x", "X"))
    roster = roster_sheet(households or ban_co_households(), layout, typing, placed)
    info = info_sheet(
        info_values("thôn bản cọ", "5/2024", 200, prepared_on="03/06/2024"), "inline", placed=placed
    )
    write_book(folder / name, [roster, info])
    return placed


def na_mon_iso_period(folder: Path, name: str = "NaMon.ods", households=None) -> Placed:
    """ods; standard 'Thông tin' with period '2024-05' and total typed '102 hộ'; a hidden junk
    sheet before the roster; roster starts at C3 with a single header row."""
    placed = Placed()
    layout = Layout(
        sheet="DS hộ nghèo",
        start_row=2,
        start_col=2,
        blank_between=True,
        signature=True,
        number_row="letters",
    )
    roster = roster_sheet(households or na_mon_households(), layout, Typing(marks=("✓",)), placed)
    info = info_sheet(info_values("Nà Mòn", "2024-05", "102 hộ"), "standard", placed=placed)
    write_book(folder / name, [info, junk_sheet(), roster])
    return placed


def ban_co_from_file_name(
    folder: Path, name: str = "DS_BanCo_T5-2024.xlsx", households=None
) -> Placed:
    """No 'Thông tin' and a title naming neither hamlet nor month: both from the file name."""
    placed = Placed()
    layout = Layout(
        sheet="Sheet1",
        title=("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO",),
        header_rows=2,
        sections="split",
        subtotals=True,
    )
    roster = roster_sheet(households or ban_co_households(), layout, Typing(marks=("1",)), placed)
    write_book(folder / name, [roster])
    return placed


def na_mon_two_sheets(folder: Path, name: str = "NaMon_2sheets.xlsx", households=None) -> Placed:
    """Poor (and exited) households in sheet 'Hộ nghèo', near-poor ones in 'Hộ cận nghèo',
    and a visible sheet 'T4' holding last month's copy of the list (same Mã hộ): not read."""
    households = households or na_mon_households()
    placed = Placed()
    near = [hh for hh in households if hh["phan_loai"] == "Hộ cận nghèo"]
    others = [hh for hh in households if hh["phan_loai"] != "Hộ cận nghèo"]
    poor = roster_sheet(others, Layout(sheet="Hộ nghèo", title=(TITLE_NA_MON,)), Typing(), placed)
    near_sheet = roster_sheet(near, Layout(sheet="Hộ cận nghèo", header_rows=2), Typing(), placed)
    april = [{**hh, "phan_loai": "Hộ nghèo"} for hh in households]
    copy = roster_sheet(april, Layout(sheet="T4", title=("THÁNG 4/2024",)), Typing())
    info = info_sheet(info_values("Nà Mòn", "05/2024", 102), placed=placed)
    write_book(folder / name, [info, poor, near_sheet, copy])
    return placed


# Each set: (Nà Mòn builder, Bản Cọ builder); together they cover every deviation.
MESSY_SETS: dict[str, tuple[Callable, Callable]] = {
    "xlsx-sections+xlsm-no-info": (na_mon_split_sections, ban_co_no_info),
    "xls-three-rows+ods-inline": (lambda f: copy_xls_fixture(f), ban_co_inline_info),
    "ods-iso+xlsx-file-name": (na_mon_iso_period, ban_co_from_file_name),
    "xlsx-three-rows+xlsm-no-info": (na_mon_three_row_header, ban_co_no_info),
    "xlsx-two-sheets+ods-inline": (na_mon_two_sheets, ban_co_inline_info),
}


def with_changes(households: list[dict], **changes: dict) -> list[dict]:
    """A copy of ``households`` with some fields changed, by Mã hộ: ``NM4={"phan_loai": "Hộ khá"}``."""
    return [{**hh, **changes.get(hh["ma_ho"], {})} for hh in households]


# --- bad files ----------------------------------------------------------------------------


def write_encrypted_workbook(path: Path) -> Path:
    """What Excel writes for a password-protected workbook: not a zip but an OLE compound file
    holding 'EncryptionInfo' and 'EncryptedPackage' streams (MS-OFFCRYPTO). The streams hold
    random-looking bytes here; a valid compound file (version 3, 512-byte sectors, one FAT
    sector, one directory sector, streams of 4096 bytes so no mini stream is needed)."""
    import os
    import struct

    end, free, fat_sect, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    info, package = os.urandom(4096), os.urandom(4096)
    # Sectors: 0 FAT, 1 directory, 2-9 EncryptionInfo, 10-17 EncryptedPackage.
    fat = [fat_sect, end] + list(range(3, 10)) + [end] + list(range(11, 18)) + [end]
    fat += [free] * (128 - len(fat))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\0" * 16, 0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6,
        0, 1, 1, 0, 4096, end, 0, end, 0,
    )  # fmt: skip
    header += struct.pack("<109I", 0, *([free] * 108))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int):
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack(
            "<64sHBBIII16sIQQIQ", encoded.ljust(64, b"\0"), len(encoded), kind, 1 if name else 0,
            left, right, child, b"\0" * 16, 0, 0, 0, start, size,
        )  # fmt: skip

    directory = b"".join([
        entry("Root Entry", 5, no_stream, no_stream, 1, end, 0),
        entry("EncryptionInfo", 2, no_stream, 2, no_stream, 2, len(info)),
        entry("EncryptedPackage", 2, no_stream, no_stream, no_stream, 10, len(package)),
        entry("", 0, no_stream, no_stream, no_stream, 0, 0),
    ])  # fmt: skip
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + info + package)
    return path


def write_xor_encrypted_xls(path: Path) -> Path:
    """An .xls with a password to open as Excel's XOR obfuscation leaves it (what LibreOffice
    and older Excel write): a FILEPASS record (0x002F, encryption type 0) after the BOF, the
    records after it scrambled; here its CODEPAGE record holds 0xD7CC, as the scrambled one of
    apache/poi's xor-encryption-abc.xls reads, on which python-calamine fails ("Codepage D7CC
    not found") without saying the file is encrypted."""
    import struct

    from tests import biff

    stream = biff.xls_bytes([("Danh sách", {(0, 0): "STT", (1, 0): 1})])
    bof = 4 + struct.unpack_from("<H", stream, 2)[0]
    filepass = biff.record(0x002F, struct.pack("<HHH", 0, 0x4A7E, 0xCC9D))
    scrambled = stream[bof:].replace(biff.record(0x0042, struct.pack("<H", 1200)),
                                     biff.record(0x0042, struct.pack("<H", 0xD7CC)), 1)  # fmt: skip
    path.write_bytes(biff.compound_file(stream[:bof] + filepass + scrambled))
    return path
