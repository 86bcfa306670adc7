"""Session 19: household rows a hamlet head hid (by hand or by a filter) are counted, and said
once per sheet, at the first hidden household's 'Mã hộ' (docs/decisions.md)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline import odsmerge, sheetscan
from pipeline.checkfiles import check_files
from pipeline.report.feedback import GUIDE_SHEET
from pipeline.rosterchecks import row_runs
from pipeline.run import execute
from tests import messy
from tests.commune import person, write_plan, write_roster
from tests.test_class_marks import MARKED_ROWS, marked_sheet, write_na_mon
from tests.test_feedback import YELLOW, guide_rows
from tests.test_ods_merges import EMPTY, ods, text_cell

# messy.roster_sheet's rows of Nà Mòn's list in this layout (1-based, worked out from its
# builder): 9 'I | Hộ nghèo', 10 NM1, 11 NM5, 12 NM6, 13 'Cộng', 14 'II | Hộ cận nghèo',
# 15 NM2, 16 NM4, 17 'Cộng', 18 'III | …', 19 NM3 (Thoát), 20 'Cộng', 21 'Tổng cộng',
# 22 blank, 23 the signature's date, 24 'Người lập biểu | Trưởng xóm', 29 the signers' names.
_LAYOUT = messy.Layout(
    sheet="DS", motto=True, title=(messy.TITLE_NA_MON,), header_rows=2, number_row="letters",
    sections="split", subtotals=True, grand_total=True, signature=True,
)  # fmt: skip


def write_na_mon_hidden(folder: Path, suffix: str, hidden: dict[int, str]) -> Path:
    """The plan and Nà Mòn's May list (messy layout above) with ``hidden`` rows (1-based ->
    'collapse' | 'filter')."""
    folder.mkdir(parents=True)
    write_plan(folder)
    placed = messy.Placed()
    roster = messy.roster_sheet(messy.na_mon_households(), _LAYOUT, messy.Typing(), placed)
    assert placed.rows == {"NM1": 10, "NM5": 11, "NM6": 12, "NM2": 15, "NM4": 16, "NM3": 19}
    roster.hidden_rows = {row - 1: how for row, how in hidden.items()}
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    return messy.write_book(folder / f"NaMon{suffix}", [roster, info])


def na_mon_counts(result) -> tuple[int, int]:
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return hamlet["poor"], hamlet["near_poor"]


def hidden_told(issues) -> list[tuple]:
    return [(i.sheet, i.row, i.cell, i.column, i.value, i.variant, i.severity)
            for i in issues if i.code == "rows-hidden"]  # fmt: skip


HIDDEN_BY_HAND = (
    "Trong danh sách có các dòng 11–12, 16 đang bị ẩn (Hide) nhưng vẫn là dòng hộ, nên xã vẫn "
    "đọc và tính các hộ đó như mọi hộ khác. Nếu các hộ đó đã ra khỏi danh sách, hãy ghi 'Thoát' "
    "ở cột 'Phân loại hộ' của các dòng đó thay vì ẩn dòng; nếu chưa, hãy bỏ ẩn các dòng đó (chọn "
    "các dòng ở trên và ở dưới, chuột phải > Bỏ ẩn) để danh sách thấy trên màn hình đúng là danh "
    "sách xã tính."
)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_hidden_households_are_counted_and_told_once_at_the_first(tmp_path, suffix):
    """Nà Mòn's head hid NM5 and NM6 (rows 11-12) with the 'Cộng' row under them, NM4 (row 16)
    alone, NM3 (row 19, 'Thoát': counted as what it says, hidden or not), and rows holding no
    household: the section row 9, the blank row 22, the signature's row 24. Counted by hand,
    hidden rows counted as any other: poor NM1, NM5, NM6 = 3; near-poor NM2, NM4 = 2 (as
    without hiding). One warning for the sheet, at B11 (NM5's 'Mã hộ'), naming 11–12 and 16."""
    hidden = dict.fromkeys((9, 11, 12, 13, 16, 19, 22, 24), "collapse")
    path = write_na_mon_hidden(tmp_path / "vao", suffix, hidden)

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (3, 2)
    mine = [i for i in result.issues if i.file == path.name]
    assert hidden_told(mine) == [
        ("DS", 11, "B11", "Mã hộ", "các dòng 11–12, 16", "", "warning"),
    ]
    told = next(i for i in mine if i.code == "rows-hidden")
    assert told.message("vi") == HIDDEN_BY_HAND
    assert told.message("en").startswith(
        "Hidden in the list (Hide): rows 11–12, 16. They are household rows, so the commune "
        "reads and counts those households like any other. If they have left the list, write "
        "'Thoát' in their 'Phân loại hộ' column instead of hiding the rows"
    )
    # check says it as the run does
    checked = check_files([path])
    assert hidden_told(checked) == hidden_told(mine)
    assert next(i for i in checked if i.code == "rows-hidden").message() == HIDDEN_BY_HAND


def test_rows_holding_no_household_and_hidden_columns_are_not_told(tmp_path):
    """Hidden: the section row, the 'Cộng' and 'Tổng cộng' rows, the blank row, the signature
    block and its signers' names; and the 'Mã hộ' and 'Phân loại hộ' columns (read as ever:
    a column hidden for printing still holds what the head typed). Nothing to tell; counted
    as without hiding: 3 poor, 2 near-poor."""
    hidden = dict.fromkeys((9, 13, 14, 17, 20, 21, 22, 23, 24, 25, 29), "collapse")
    path = write_na_mon_hidden(tmp_path / "vao", ".xlsx", hidden)
    book = openpyxl.load_workbook(path)
    sheet = book["DS"]
    for letter in ("B", "I"):  # Mã hộ, Phân loại hộ
        sheet.column_dimensions[letter].hidden = True
    assert (sheet["B6"].value, sheet["I6"].value) == ("Mã hộ", "Phân loại hộ")
    book.save(path)

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (3, 2)
    assert hidden_told(result.issues) == []
    assert hidden_told(check_files([path])) == []


def filtered_template_list(folder: Path, exited_as: str = "Thoát cận nghèo") -> Path:
    """The template list of Nà Mòn: NM1 poor (row 5), NM2 near-poor (6), NM3 poor (7), NM4
    near-poor (8), NM5 exited written ``exited_as`` (9); an AutoFilter on A4:Z9 keeping 'Hộ
    nghèo' in 'Phân loại hộ' (I), which hides rows 6, 8 and 9 as Excel does."""
    folder.mkdir(parents=True)
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor"),
            person("NM4", "near_poor"), person("NM5", "exited", phan_loai=exited_as)]  # fmt: skip
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["I4"].value == "Phân loại hộ" and sheet["I9"].value == exited_as
    sheet.auto_filter.ref = "A4:Z9"
    sheet.auto_filter.add_filter_column(8, ["Hộ nghèo"])  # I, the 9th column of the range
    for row in (6, 8, 9):
        sheet.row_dimensions[row].hidden = True
    book.save(path)
    return path


def test_rows_hidden_by_a_filter_are_counted_told_as_filtered_and_marked_in_feedback(tmp_path):
    """Nà Mòn's head filtered the list on 'Hộ nghèo': NM2 and NM4 (near-poor, rows 6 and 8) and
    NM5 (row 9, 'Thoát cận nghèo') are hidden by the filter. Counted by hand: poor NM1, NM3 =
    2; near-poor NM2, NM4 = 2. Told once at B6, as hidden by the filter, with the exit word the
    list writes ('Thoát cận nghèo'); the feedback's copy shows B6 yellow with the message."""
    path = filtered_template_list(tmp_path / "vao")

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    filter_told_and_marked(result, tmp_path / "ra", path)


def filter_told_and_marked(result, out: Path, path: Path) -> None:
    """What a run (its output in ``out``) and `check` say of the filtered list of
    :func:`_filtered_template_list` at ``path`` (an .xlsx, or as .xls: test_xls_hidden_rows):
    2 poor, 2 near-poor; told once at B6, as the filter's doing, with the list's exit word;
    B6 of the feedback's copy yellow with the message as its note (NM5 still at B9), and the
    guide's row for it."""
    assert na_mon_counts(result) == (2, 2)
    mine = [i for i in result.issues if i.file == path.name]
    assert hidden_told(mine) == [
        ("Danh sách", 6, "B6", "Mã hộ", "các dòng 6, 8", "filter", "warning"),
    ]
    said = next(i for i in mine if i.code == "rows-hidden").message("vi")
    assert said.startswith(
        "Trong danh sách có các dòng 6, 8 đang bị ẩn vì danh sách đang được lọc (bộ lọc "
        "AutoFilter) nhưng vẫn là dòng hộ, nên xã vẫn đọc và tính các hộ đó như mọi hộ khác. "
        "Nếu các hộ đó đã ra khỏi danh sách, hãy ghi 'Thoát cận nghèo' ở cột 'Phân loại hộ' "
        "của các dòng đó thay vì lọc ẩn đi; nếu chưa, hãy bỏ lọc"
    )
    book = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    copy = book["Danh sách"]
    assert copy["B6"].value == "NM2" and copy["B6"].fill.fgColor.rgb == YELLOW
    assert copy["B6"].comment.text == said
    assert copy["B8"].comment is None and copy["B9"].value == "NM5"  # one mark for the sheet
    listed = [(r["Trang"], r["Dòng"], r["Cột"], r["Giá trị đã ghi"], r["Cần sửa"])
              for r in guide_rows(book) if r["Ô"] == "B6"]  # fmt: skip
    assert listed == [("Danh sách", 6, "Mã hộ", "NM2", said)]
    assert book[GUIDE_SHEET]  # the guide comes with it
    assert hidden_told(check_files([path])) == hidden_told(mine)


def three_households(folder: Path) -> Path:
    """The plan and Nà Mòn's template list: NM1 poor (row 5), NM2 near-poor (6), NM3 poor
    (7), 100 households."""
    folder.mkdir(parents=True)
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    return write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, rows)


def test_one_row_hidden_by_hand_under_filter_arrows_is_told_as_hidden_by_hand(tmp_path):
    """An AutoFilter with its arrows only (no column filtered) and NM3 (row 7) hidden by hand:
    'dòng 7', not a filter's doing; the list writes no exited class, so 'Thoát'."""
    folder = tmp_path / "vao"
    path = three_households(folder)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet.auto_filter.ref = "A4:Z7"
    sheet.row_dimensions[7].hidden = True
    book.save(path)

    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (2, 1)
    assert hidden_told(result.issues) == [
        ("Danh sách", 7, "B7", "Mã hộ", "dòng 7", "one", "warning"),
    ]
    told = next(i for i in result.issues if i.code == "rows-hidden")
    assert told.message("vi").startswith(
        "Trong danh sách có dòng 7 đang bị ẩn (Hide) nhưng vẫn là dòng hộ"
    )
    # one row: said in the singular ('hộ đó', 'dòng đó')
    assert "nên xã vẫn đọc và tính hộ đó như mọi hộ khác. Nếu hộ đó đã ra khỏi" in told.message()
    assert "hãy ghi 'Thoát' ở cột 'Phân loại hộ' của dòng đó" in told.message("vi")
    assert "các dòng đó" not in told.message("vi")
    assert told.message("en").startswith(
        "Hidden in the list (Hide): row 7. It is a household row, so the commune reads and counts "
        "that household like any other. If it has left the list, write 'Thoát' in its 'Phân "
        "loại hộ' column instead of hiding the row"
    )


def test_rows_hidden_in_a_sheet_holding_an_excel_table_are_told_as_filtered(tmp_path):
    """The list made an Excel Table (Insert > Table, A4:Z7) and NM2 (row 6) hidden: the Table
    keeps its filter in its own part, so the sheet cannot say whether the Table's filter or a
    hand hid it; told as filtered, whose advice (clear the filter, then unhide) shows it
    either way. Still counted: poor NM1, NM3 = 2, near-poor NM2 = 1."""
    from openpyxl.worksheet.table import Table

    folder = tmp_path / "vao"
    path = three_households(folder)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    headers = [sheet.cell(4, col).value for col in range(1, 27)]
    assert len(set(headers)) == 26 and None not in headers  # a Table needs its headers unique
    sheet.add_table(Table(displayName="DanhSach", ref="A4:Z7"))
    sheet.row_dimensions[6].hidden = True
    book.save(path)

    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (2, 1)
    assert hidden_told(result.issues) == [
        ("Danh sách", 6, "B6", "Mã hộ", "dòng 6", "filter-one", "warning"),
    ]


def test_an_ods_filter_is_told_as_a_filter(tmp_path):
    """An .ods whose NM2 (row 15) LibreOffice hid for a filter (table:visibility="filter") and
    NM4 (row 16) by hand: one warning, said as the filter's."""
    path = write_na_mon_hidden(tmp_path / "vao", ".ods", {15: "filter", 16: "collapse"})
    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")
    assert na_mon_counts(result) == (3, 2)
    assert hidden_told(result.issues) == [
        ("DS", 15, "B15", "Mã hộ", "các dòng 15–16", "filter", "warning"),
    ]
    assert hidden_told(check_files([path])) == hidden_told(result.issues)


def test_a_list_marking_its_class_in_columns_is_told_to_mark_its_exited_column(tmp_path):
    """Nà Mòn's list marks the class under 'Hộ nghèo | Hộ cận nghèo | Thoát nghèo' (session
    18's layout; rows 5-10: NM1 poor, NM2 near-poor, NM3 exited, NM4 near-poor, NM5 poor, NM6
    poor). Hidden: NM2 (6), NM3 (7, marked exited: not told), NM5 (9). Counted by hand: poor
    NM1, NM5, NM6 = 3; near-poor NM2, NM4 = 2. Told at B6 to mark 'x' in 'Thoát nghèo'."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    sheet = marked_sheet()
    sheet.hidden_rows = {5: "collapse", 6: "collapse", 8: "collapse"}
    write_na_mon(folder, sheet, MARKED_ROWS[:6], 4)

    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (3, 2)
    assert hidden_told(result.issues) == [
        ("Danh sách", 6, "B6", "Mã hộ", "các dòng 6, 9", "", "warning"),
    ]
    told = next(i for i in result.issues if i.code == "rows-hidden")
    assert "hãy đánh dấu 'x' ở cột 'Thoát nghèo' của các dòng đó thay vì ẩn dòng" in (
        told.message("vi")
    )
    assert "mark 'x' in their 'Thoát nghèo' column instead of hiding" in told.message("en")


def test_hidden_rows_are_named_in_runs_and_many_runs_counted():
    assert row_runs([14, 15, 16, 20]) == ("14–16, 20", 0)
    assert row_runs([7]) == ("7", 0)
    assert row_runs(list(range(5, 30, 2))) == ("5, 7, 9, 11, 13, 15, 17, 19", 5)


# --- the scans, on the XML as programs write it ------------------------------------------


def _sheet_xml(rows: str, after: str = "", before: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{before}<sheetData>{rows}</sheetData>{after}</worksheet>"
    ).encode()


def _row(attrs: str, r: int | None = None) -> str:
    where = f' r="{r}"' if r else ""
    ref = f' r="A{r}"' if r else ""
    return f'<row{where} {attrs}><c{ref} t="inlineStr"><is><t>x</t></is></c></row>'


def _hidden(data: bytes) -> list[tuple[int, int, bool]]:
    return sheetscan.look(data, 25_000, 10_000_000).hidden_rows


def test_the_xlsx_scan_finds_rows_hidden_as_excel_and_libreoffice_write_them():
    """Rows 2-3 hidden="1" (Excel), 5 hidden="true" (LibreOffice, which writes hidden="false"
    on the others), 7 of height 0 and 8 of height 0.0 (a row dragged shut); 9 of height 0.75
    is shown; a hidden column's <col hidden="1"> hides no row; zeroHeight hides only rows not
    written, which hold nothing."""
    rows = "".join([
        _row('hidden="false" ht="12.8"', 1), _row('hidden="1"', 2), _row('hidden="1"', 3),
        _row('hidden="false"', 4), _row('ht="12.8" hidden="true"', 5), _row("", 6),
        _row('ht="0" customHeight="1"', 7), _row('ht="0.0" customHeight="1"', 8),
        _row('ht="0.75" customHeight="1"', 9),
    ])  # fmt: skip
    before = '<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/><cols><col min="2" max="2" hidden="1"/></cols>'
    assert _hidden(_sheet_xml(rows, before=before)) == [(1, 2, False), (4, 4, False), (6, 7, False)]
    # nothing hidden: no run, and none for hidden="false" on every row
    assert _hidden(_sheet_xml(_row('hidden="false"', 1) + _row("", 2))) == []
    # rows that do not say their number are counted
    unnumbered = _row("") + _row('hidden="1"') + _row("") + _row('hidden="1"')
    assert _hidden(_sheet_xml(unnumbered)) == [(1, 1, False), (3, 3, False)]


def test_the_xlsx_scan_tells_rows_a_filter_hides_from_rows_hidden_by_hand():
    """A filter on A4:C8 (a column filtered): hidden rows 6 and 7 under its header are its
    doing, row 10 (below its range) is not; the same range with no column filtered (arrows
    only) filters nothing."""
    rows = "".join(_row('hidden="1"' if r in (6, 7, 10) else "", r) for r in range(1, 11))
    applied = (
        '<autoFilter ref="A4:C8"><filterColumn colId="2"><filters><filter val="Hộ nghèo"/>'
        "</filters></filterColumn></autoFilter>"
    )
    assert _hidden(_sheet_xml(rows, applied)) == [(5, 6, True), (9, 9, False)]
    assert _hidden(_sheet_xml(rows, '<autoFilter ref="A4:C8"/>')) == [(5, 6, False), (9, 9, False)]


def test_the_ods_scan_finds_hidden_rows_counted_through_repeats_and_keeps_merges(tmp_path):
    """'DS', its first column hidden (no row hidden for it): row 1 shown; rows 2-3 one row
    element repeated twice, hidden by hand; row 4 filtered out, holding a merge; rows 5 onward,
    the sheet's last row repeated to the million-th, hidden: noted as one run. The merge is
    read as before."""
    tables = (
        '<table:table table:name="DS">'
        '<table:table-column table:visibility="collapse"/><table:table-column/>'
        + "<table:table-row>" + text_cell("a") + text_cell("b") + "</table:table-row>"
        + '<table:table-row table:number-rows-repeated="2" table:visibility="collapse">'
        + text_cell("z") + "</table:table-row>"
        + '<table:table-row table:visibility="filter">'
        + '<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1">'
        + "<text:p>g</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"
        + '<table:table-row table:number-rows-repeated="1048572" table:visibility="collapse">'
        + EMPTY.format(n=2) + "</table:table-row></table:table>"
    )  # fmt: skip
    path = ods(tmp_path / "x.ods", tables)
    with zipfile.ZipFile(path) as package:
        merges, hidden, _, _ = odsmerge.scan(package)
    assert merges == {"DS": [(3, 0, 3, 1)]}
    assert hidden == {"DS": [(1, 2, False), (3, 3, True), (4, 1048575, False)]}


# --- session 19 QA: a hidden row left out for an error is not said to be counted ------------


@pytest.mark.parametrize("how", ["hand", "table"])
def test_a_hidden_row_left_out_for_an_error_is_said_apart_from_the_rows_counted(tmp_path, how):
    """Nà Mòn's list: NM1 poor (row 5), NM2 near-poor (6), NM3 poor (7) and NM3 again (8, the
    row written anew; the old one hidden). Rows 6 and 7 hidden, by hand or in a sheet holding
    an Excel Table (told as filtered). NM3's code used twice leaves out both its rows: counted
    by hand, poor NM1 = 1, near-poor NM2 = 1. Row 6 is counted, and told so at B6; row 7 is
    not, so it is said apart at B7, asked to be unhidden and fixed as its error says, not said
    to be counted (nor told to be written 'Thoát': a second row of NM3 would still be NM3
    twice). `check` says the same."""
    from openpyxl.worksheet.table import Table

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor"),
            person("NM3", "poor")]  # fmt: skip
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    if how == "table":
        sheet.add_table(Table(displayName="DanhSach", ref="A4:Z8"))
    sheet.row_dimensions[6].hidden = True
    sheet.row_dimensions[7].hidden = True
    book.save(path)

    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (1, 1)
    twice = sorted(
        (i.cell, i.severity) for i in result.issues if i.code == "duplicate-household-id"
    )
    assert twice == [("B7", "error"), ("B8", "error")]
    # the row written anew (B8) names its hidden twin as hidden, so the head finds it
    hidden = " (đang bị ẩn do bộ lọc)" if how == "table" else " (đang bị ẩn)"
    said = sorted(
        (i.cell, str(i.detail), i.detail.en)
        for i in result.issues
        if i.code == "duplicate-household-id"
    )
    assert said == [
        ("B7", "dòng 8 của danh sách này", "row 8 of this list"),
        ("B8", f"dòng 7{hidden} của danh sách này",
         f"row 7{' (hidden by the filter)' if how == 'table' else ' (hidden)'} of this list"),
    ]  # fmt: skip
    b8 = next(i for i in result.issues if i.code == "duplicate-household-id" and i.cell == "B8")
    assert b8.message("vi").startswith(
        f"Mã hộ 'NM3' bị trùng với dòng 7{hidden} của danh sách này. Nếu là cùng một hộ được ghi "
        "nhiều lần, hãy xóa các dòng thừa"
    )
    filtered = "filter" if how == "table" else ""
    assert hidden_told(result.issues) == [
        ("Danh sách", 6, "B6", "Mã hộ", "dòng 6", "-".join(w for w in (filtered, "one") if w),
         "warning"),
        ("Danh sách", 7, "B7", "Mã hộ", "dòng 7",
         "-".join(w for w in (filtered, "left-out", "one") if w), "warning"),
    ]  # fmt: skip
    counted, left_out = sorted((i for i in result.issues if i.code == "rows-hidden"),
                               key=lambda i: i.row)  # fmt: skip
    assert "nên xã vẫn đọc và tính hộ đó" in counted.message("vi")
    if how == "hand":
        assert left_out.message("vi") == (
            "Trong danh sách có dòng 7 đang bị ẩn (Hide) nhưng vẫn là dòng hộ, nên xã vẫn đọc "
            "dòng đó như mọi dòng khác; dòng đó có lỗi nên hộ ở đó chưa được tính (lỗi ghi ở "
            "từng dòng). Hãy bỏ ẩn dòng đó (chọn các dòng ở trên và ở dưới, chuột phải > Bỏ ẩn) "
            "rồi sửa theo lỗi đó."
        )
        assert left_out.message("en").startswith(
            "Hidden in the list (Hide): row 7. It is a household row, so the commune reads it "
            "like any other; it has an error, so its household is not counted (the error is told "
            "on the row). Unhide the row (select"
        )
    else:
        assert left_out.message("vi").startswith(
            "Trong danh sách có dòng 7 đang bị ẩn vì danh sách đang được lọc (bộ lọc AutoFilter) "
            "nhưng vẫn là dòng hộ, nên xã vẫn đọc dòng đó như mọi dòng khác; dòng đó có lỗi nên "
            "hộ ở đó chưa được tính (lỗi ghi ở từng dòng). Hãy bỏ lọc"
        )
    assert "tính hộ đó" not in left_out.message("vi")
    assert "Thoát" not in left_out.message("vi")
    checked = check_files([path, folder / "KeHoach_2024.xlsx"])
    assert [(i.cell, i.variant, i.message("vi")) for i in checked if i.code == "rows-hidden"] == [
        (i.cell, i.variant, i.message("vi")) for i in (counted, left_out)
    ]
    twins = lambda issues: sorted(  # noqa: E731
        (i.cell, i.message("vi"), i.message("en"))
        for i in issues
        if i.code == "duplicate-household-id"
    )
    assert twins(checked) == twins(result.issues)


def test_a_code_used_in_another_list_names_the_hidden_row_there_as_hidden(tmp_path):
    """NM3 is written in Nà Mòn's list at row 7, hidden by hand, and in Bản Cọ's at row 6
    (shown). Bản Cọ's error names Nà Mòn's row as hidden, so that the head there can find it;
    Nà Mòn's names Bản Cọ's row plainly. Both rows are left out: counted by hand, Nà Mòn poor
    NM1 = 1, near-poor NM2 = 1. `check` says the same."""
    folder = tmp_path / "vao"
    na_mon = three_households(folder)
    book = openpyxl.load_workbook(na_mon)
    book["Danh sách"].row_dimensions[7].hidden = True
    book.save(na_mon)
    ban_co = write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                          [person("BC1", "poor"), person("NM3", "poor")])  # fmt: skip

    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (1, 1)
    said = sorted(
        (i.file, i.cell, str(i.detail), i.detail.en)
        for i in result.issues
        if i.code == "duplicate-household-id"
    )
    assert said == [
        ("BanCo.xlsx", "B6", "xóm Nà Mòn, tệp NaMon.xlsx, dòng 7 (đang bị ẩn)",
         "hamlet Nà Mòn, file NaMon.xlsx, row 7 (hidden)"),
        ("NaMon.xlsx", "B7", "xóm Bản Cọ, tệp BanCo.xlsx, dòng 6",
         "hamlet Bản Cọ, file BanCo.xlsx, row 6"),
    ]  # fmt: skip
    checked = check_files([na_mon, ban_co, folder / "KeHoach_2024.xlsx"])
    twins = lambda issues: sorted(  # noqa: E731
        (i.file, i.cell, i.message("vi")) for i in issues if i.code == "duplicate-household-id"
    )
    assert twins(checked) == twins(result.issues)
