"""Session 50's review of the class marks named by their own header cell (docs/decisions.md,
'Session 50: review of the names of class marks and the width of a commune's progress').

A formula's error value at a class mark cell ('cell-error-value', 'formula-without-value': the
columns discover reads) still named the column by its header rows joined ('Phân loại hộ Hộ cận
nghèo', a text written nowhere); a three-row header ('Phân loại hộ' over 'Đầu kỳ | Cuối kỳ',
each over 'Hộ nghèo | Hộ cận nghèo') named a mark by all three rows where its time and its own
cell ('Cuối kỳ Hộ cận nghèo') name one column."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from tests.commune import write_plan
from tests.test_class_marks import (
    START_ONLY_ROWS,
    _marked_sheet,
    _plan_with_marked_start_list,
    _two_times_sheet,
    _write_na_mon,
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
    plan = _plan_with_marked_start_list(tmp_path, ".xlsx")
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
    path = _write_na_mon(folder, _marked_sheet(), rows, 4)
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
    path = _write_na_mon(tmp_path, _two_times_sheet(), START_ONLY_ROWS, 5)
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
