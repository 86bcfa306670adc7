"""Session 50: a class marked under a two-row header ('Phân loại hộ' merged over 'Hộ nghèo | Hộ
cận nghèo | Thoát nghèo') is named by its own header cell in every message at its cell, as
session 49 named the start list's exited mark (docs/decisions.md, 'Session 50: a class mark
under a two-row header is named by its own header cell in every message').
'questioned-classification' and 'invalid-class-mark' named 'Phân loại hộ Hộ nghèo', the two
rows joined, a header written nowhere on the sheet."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import write_plan
from tests.test_class_marks import (
    TWO_TIMES_ROWS,
    marked_sheet,
    plan_with_marked_start_list,
    two_times_sheet,
    write_na_mon,
)

CODES = ("questioned-classification", "invalid-class-mark", "class-marks-several")


def _said(issues) -> list[tuple]:
    return sorted((i.row, i.code, i.cell, i.column, i.value) for i in issues if i.code in CODES)


def test_a_hamlets_two_row_class_marks_are_named_by_their_own_cells(tmp_path):
    """Nà Mòn's list with 'Phân loại hộ' over F 'Hộ nghèo', G 'Hộ cận nghèo', H 'Thoát nghèo'
    (rows from 5): NM1 'x?' in F5 (counted poor, asked to confirm), NM2 '2' in G6 (no mark:
    not counted), NM4 'x' in F7 and G7 (two marks, as before under 'Phân loại hộ'). Before:
    F5 and G6 named 'Phân loại hộ Hộ nghèo' / 'Phân loại hộ Hộ cận nghèo' (fails before). Now
    'Hộ nghèo' and 'Hộ cận nghèo', the texts of F4 and G4; `check` says the same."""
    write_plan(tmp_path)
    rows = [
        (1, "NM1", "Lò Văn Một", 1970, 4, "x?", None, None),  # row 5
        (2, "NM2", "Lò Văn Hai", 1971, 3, None, "2", None),  # row 6
        (4, "NM4", "Lò Thị Bốn", 1973, 2, "x", "x", None),  # row 7
    ]
    path = write_na_mon(tmp_path, marked_sheet(), rows, 4)
    result = collect(tmp_path, None, workers=0)[0]
    mine = [i for i in result.issues if i.file == path.name]
    assert _said(mine) == [
        (5, "questioned-classification", "F5", "Hộ nghèo", "x?"),
        (6, "invalid-class-mark", "G6", "Hộ cận nghèo", "2"),
        (7, "class-marks-several", "F7", "Phân loại hộ", "x"),
    ]
    f5, g6 = (next(i for i in mine if i.cell == cell) for cell in ("F5", "G6"))
    assert f5.message("vi").startswith("Ô 'Hộ nghèo' ghi 'x?', có dấu '?' (chưa chắc chắn)")
    assert g6.message("vi").startswith(
        "Ô 'Hộ cận nghèo' ghi '2', không phải dấu đánh dấu; hộ chưa được tính. Loại hộ được "
        "ghi bằng dấu 'x' ở đúng một trong các cột 'Hộ nghèo', 'Hộ cận nghèo', 'Thoát nghèo'"
    )
    assert g6.message("en").startswith("Cell 'Hộ cận nghèo' holds '2', which is no mark;")
    assert _said(check_files([path, tmp_path / "KeHoach_2024.xlsx"])) == _said(mine)


def test_a_start_lists_questioned_two_row_mark_is_named_by_its_own_cell(tmp_path):
    """The plan's marked start list ('Phân loại hộ' over F4 'Hộ nghèo', G4 'Hộ cận nghèo'),
    NM1's poor mark F5 written 'x?': counted poor, said at F5. Before: 'Phân loại hộ Hộ
    nghèo' (fails before); now 'Hộ nghèo'."""
    folder = tmp_path / "vao"
    folder.mkdir()
    plan = plan_with_marked_start_list(folder, ".xlsx")
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert (sheet["C5"].value, sheet["F5"].value, sheet["F4"].value) == ("NM1", "x", "Hộ nghèo")
    sheet["F5"] = "x?"
    book.save(plan)
    said = [i for i in check_files([plan]) if i.code == "questioned-classification"]
    assert [(i.cell, i.column, i.value, str(i.detail)) for i in said] == [
        ("F5", "Hộ nghèo", "x?", "Hộ nghèo")
    ]
    assert said[0].message("vi").startswith("Ô 'Hộ nghèo' ghi 'x?'")


def test_a_mark_whose_own_cell_is_written_twice_keeps_both_rows(tmp_path):
    """The two-times list ('Phân loại hộ' over 'Đầu kỳ' F:G and 'Cuối kỳ' H:I, each over 'Hộ
    nghèo | Hộ cận nghèo'): 'Hộ cận nghèo' alone would name G and I alike, so NM2's 'x?' at
    the end (I7) keeps the time over it ('Cuối kỳ Hộ cận nghèo'; all three rows before session
    50's review), as NM3's at the start (F8, a household read as left) keeps 'Đầu kỳ'."""
    write_plan(tmp_path)
    rows = [list(r) for r in TWO_TIMES_ROWS[:3]]
    rows[1][8] = "x?"  # NM2, row 7: near-poor at the end, unsure
    rows[2][5], rows[2][7] = "x?", None  # NM3, row 8: poor at the start only, unsure
    path = write_na_mon(tmp_path, two_times_sheet(), [tuple(r) for r in rows], 5)
    said = [i for i in check_files([path]) if i.code == "questioned-classification"]
    assert [(i.cell, i.variant, i.column) for i in said] == [
        ("I7", "mark", "Cuối kỳ Hộ cận nghèo"),  # its time and own cell (session 50's review)
        ("F8", "start-mark", "Đầu kỳ Hộ nghèo"),
    ]
