"""Session 50's review of T5 (docs/decisions.md, 'Session 50: review of the class marks'
names: …' and 'Session 50: review of the small figures: …').

A formula's error value at a class mark cell ('cell-error-value', 'formula-without-value': the
columns discover reads) still named the column by its header rows joined ('Phân loại hộ Hộ cận
nghèo', a text written nowhere); a three-row header ('Phân loại hộ' over 'Đầu kỳ | Cuối kỳ',
each over 'Hộ nghèo | Hộ cận nghèo') named a mark by all three rows where its time and its own
cell ('Cuối kỳ Hộ cận nghèo') name one column, and 'invalid-class-mark' listed the end's
columns by texts that head the start's too. 'Theo xóm''s commune progress two decimals write
wider than its column ('-195,58 (*)') kept the column of 9 units."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from tests.commune import write_plan
from tests.test_class_marks import (
    START_ONLY_ROWS,
    marked_sheet,
    plan_with_marked_start_list,
    two_times_sheet,
    write_na_mon,
)

NO_VALUE = '=IF(1,"x","")'  # a formula saved without its value, as some programs save
CODES = ("cell-error-value", "formula-without-value", "questioned-classification")


def _said(issues) -> list[tuple]:
    return sorted((i.row, i.code, i.cell, i.column) for i in issues if i.code in CODES)


def test_an_error_value_at_a_two_row_class_mark_is_named_by_its_own_cell(tmp_path):
    """The plan's start list ('Phân loại hộ' over F4 'Hộ nghèo', G4 'Hộ cận nghèo'), NM5's
    only mark G9 '#VALUE!'; Nà Mòn's list (the same over F4:H4, rows from 5), NM2's G6 '#REF!'.
    Before: "Ô G9 ('Phân loại hộ Hộ cận nghèo')", the two rows joined (fails before); now
    'Hộ cận nghèo', the text of G4, as questioned-classification names F5 since session 50."""
    plan = plan_with_marked_start_list(tmp_path, ".xlsx")
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert (sheet["C9"].value, sheet["G4"].value) == ("NM5", "Hộ cận nghèo")
    sheet["G9"] = "#VALUE!"
    book.save(plan)
    [g9] = [i for i in check_files([plan]) if i.code == "cell-error-value"]
    assert (g9.cell, g9.column) == ("G9", "Hộ cận nghèo")
    assert g9.message("vi").startswith("Ô G9 ('Hộ cận nghèo') hiện lỗi '#VALUE!'")

    folder = tmp_path / "xom"
    folder.mkdir()
    rows = [
        (1, "NM1", "Lò Văn Một", 1970, 4, "x", None, None),  # row 5
        (2, "NM2", "Lò Văn Hai", 1971, 3, None, "x", None),  # row 6
    ]
    path = write_na_mon(folder, marked_sheet(), rows, 4)
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["G6"] = "#REF!"
    book.save(path)
    assert _said(check_files([path])) == [(6, "cell-error-value", "G6", "Hộ cận nghèo")]


def test_a_three_row_class_mark_is_named_by_its_time_and_its_own_cell(tmp_path):
    """Nà Mòn's 'Đầu kỳ | Cuối kỳ' list (F, G at the start, H, I at the end, under 'Phân loại
    hộ'; START_ONLY_ROWS from row 6). NM2's end mark I7 'x?' (counted near-poor, asked), NM3's
    only mark F8 a formula without a value, NM4's only mark G9 '#REF!', NM6's end mark H11
    '#N/A'. 'Hộ nghèo' alone names F and H: each cell is named by the time over it and its own
    text ('Cuối kỳ Hộ cận nghèo', 'Đầu kỳ Hộ nghèo'). Before: all three rows ('Phân loại hộ
    Cuối kỳ Hộ cận nghèo'; fails before)."""
    write_plan(tmp_path)
    path = write_na_mon(tmp_path, two_times_sheet(), START_ONLY_ROWS, 5)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert [sheet[c].value for c in ("I7", "F8", "G9", "H11")] == ["x", "x", "x", "x"]
    sheet["I7"], sheet["F8"], sheet["G9"], sheet["H11"] = "x?", NO_VALUE, "#REF!", "#N/A"
    book.save(path)
    said = check_files([path])
    assert _said(said) == [
        (7, "questioned-classification", "I7", "Cuối kỳ Hộ cận nghèo"),
        (8, "formula-without-value", "F8", "Đầu kỳ Hộ nghèo"),
        (9, "cell-error-value", "G9", "Đầu kỳ Hộ cận nghèo"),
        (11, "cell-error-value", "H11", "Cuối kỳ Hộ nghèo"),
    ]
    h11 = next(i for i in said if i.cell == "H11")
    assert h11.message("vi").startswith("Ô H11 ('Cuối kỳ Hộ nghèo') hiện lỗi '#N/A'")


# --- the commune's progress on 'Theo xóm', two decimals wider than its column ---------------


def test_a_communes_progress_two_decimals_write_wider_than_9_units_widens_its_column(tmp_path):
    """'-195,58 (*)' in bold Times New Roman: advances 333 + 3 × 500 + 250 + 2 × 500 + 250 +
    333 + 500 + 333 = 4,499 thousandths of an em, 65.99 px at 11 pt, 72.28 px with the
    estimate's 5 % and 3 px padding: (72.28 − 5) / 7 = 9.61 units, over the column's 9 (Excel
    shows '###'); 'dưới'-less two decimals were never measured (fails before: 9). Widened to
    the next half unit, 10; '-1234,57 (*)' (500 more: 10.72 units) to 11; '-99,99 (*)' (8.52)
    and '100,00 (*)' (8.88) keep 9. The cells keep the JSON's values."""
    from types import SimpleNamespace

    from pipeline.report.hamlets import N_PROGRESS, P_PROGRESS, WIDTHS, progress_widths
    from pipeline.report.workbook import write_consolidated
    from tests import test_report

    def widths(poor, near_poor, lang="vi"):
        ctx = SimpleNamespace(
            totals={"poor_progress": poor, "near_poor_progress": near_poor}, lang=lang
        )
        fitted = progress_widths(ctx, WIDTHS)
        return fitted[P_PROGRESS], fitted[N_PROGRESS]

    assert widths(-195.58, -1234.5678) == (10, 11)
    assert widths(-195.58, -1234.5678, "en") == (10, 11)
    assert widths(-99.99, 100.0) == (9, 9)

    result = test_report.make_result()
    result.summary["totals"].update({"poor_progress": -195.58, "near_poor_progress": -1234.5678})
    path = tmp_path / "TongHop.xlsx"
    write_consolidated(result, path)
    sheet = openpyxl.load_workbook(path)["Theo xóm"]
    total = next(
        r[0].row
        for r in sheet.iter_rows(min_col=1, max_col=1)
        if str(r[0].value or "").startswith("Tổng cộng")
    )
    assert [sheet.cell(total, c).value for c in (17, 22)] == [-195.58, -1234.5678]
    # openpyxl reads a width w written by xlsxwriter as about w + 5/7 (its padding: 10.71)
    assert [round(sheet.column_dimensions[c].width - 5 / 7, 1) for c in "QV"] == [10, 11]


def test_a_wrong_mark_on_a_two_times_list_names_the_end_columns_by_their_time(tmp_path):
    """NM2's end mark I7 written '2' on the 'Đầu kỳ | Cuối kỳ' list: the message listed the
    columns a mark goes in by their own cells, 'Hộ nghèo', 'Hộ cận nghèo', which head the
    'Đầu kỳ' columns F, G as well (fails before); now 'Cuối kỳ Hộ nghèo', 'Cuối kỳ Hộ cận
    nghèo', as the cell itself is named."""
    write_plan(tmp_path)
    rows = [list(r) for r in START_ONLY_ROWS[:2]]
    rows[1][8] = "2"  # NM2, row 7
    path = write_na_mon(tmp_path, two_times_sheet(), [tuple(r) for r in rows], 5)
    [i7] = [i for i in check_files([path]) if i.code == "invalid-class-mark"]
    assert (i7.cell, i7.column, i7.detail) == (
        "I7",
        "Cuối kỳ Hộ cận nghèo",
        "'Cuối kỳ Hộ nghèo', 'Cuối kỳ Hộ cận nghèo'",
    )
    assert i7.message("vi").endswith(
        "đúng một trong các cột 'Cuối kỳ Hộ nghèo', 'Cuối kỳ Hộ cận nghèo', các cột còn lại "
        "để trống."
    )


def test_xu_huongs_change_column_fits_the_english_words_for_a_tiny_rise(tmp_path):
    """Table IV's change (column D, 11 units) of a rise too small for four decimals reads
    'under 0.0001' in English: regular Times New Roman, 'under' 2,277 + ' ' 250 + '0.0001'
    2,750 = 5,277 thousandths of an em, 77.40 px at 11 pt, 84.27 px with the estimate's 5 %
    and 3 px: (84.27 − 5) / 7 = 11.32 units, over 11 (fails before: D as wide as C). Widened
    to the next half unit; 'dưới 0,0001' (Vietnamese, 10.58) and '-12,35' keep 11. The cell
    keeps the JSON's value."""
    from types import SimpleNamespace

    from pipeline.report.cells import header_word_width
    from pipeline.report.labels import SHEET_NAMES
    from pipeline.report.workbook import write_consolidated
    from tests import test_report

    tiny = 40_000 / (3_000_000 * 3_000_001)  # a rise of 0.0000000044 points
    result = test_report.make_result()
    result.lang = "en"
    result.summary["year_on_year"].update({"near_poor_rate_change": tiny})
    path = tmp_path / "TongHop.xlsx"
    write_consolidated(result, path)
    sheet = openpyxl.load_workbook(path)[SHEET_NAMES["trend"]]
    cells = [c for row in sheet.iter_rows(min_col=4, max_col=4) for c in row if c.value == tiny]
    assert [c.number_format for c in cells] == ['"under 0.0001";"over -0.0001";0.00']
    # (openpyxl keeps a run of columns of one width under its first letter)
    widths = [
        next(d.width for d in sheet.column_dimensions.values() if d.min <= col <= d.max)
        for col in (3, 4, 5)
    ]
    assert widths[0] == widths[2] < widths[1]  # D wider than its neighbours of 11

    from pipeline.report.trend import WIDTH, change_width

    def width(change, lang):
        yoy = {"poor_rate_change": -12.345, "near_poor_rate_change": change}
        return change_width(SimpleNamespace(summary={"year_on_year": yoy}, lang=lang))

    assert WIDTH == 11 and round(header_word_width("under 0.0001", bold=False), 2) == 11.32
    assert (width(tiny, "en"), width(tiny, "vi"), width(None, "en")) == (11.5, 11, 11)
