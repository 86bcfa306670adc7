"""Session 24: a start-of-year list row without Mã hộ, and the start figures it leaves apart.

The small commune's plan: Nà Mòn starts with 3 poor (NM1 NM2 NM3) and 2 near-poor (NM4 NM5)
on both its targets sheet and its start list. With NM2's code erased on the start list (C5),
the row is an error and not counted: the movements' start column counts 2 poor, 2 near-poor,
while 'Tổng hợp' and 'Theo xóm' show the targets sheet's 3 and 2. A note under the
start-of-year movements says why (it said nothing).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY, na_mon_in_summary


def _run(tmp_path: Path, erase: bool):
    folder = tmp_path / "input"
    folder.mkdir()
    plan = write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    if erase:
        book = openpyxl.load_workbook(plan)
        sheet = book["Danh sách đầu năm"]
        assert sheet["C5"].value == "NM2"
        sheet["C5"] = None
        book.save(plan)
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    book = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    notes = [c.value for row in book["Biến động"].iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("Cột 1 và 12")]  # fmt: skip
    return result, notes


def test_a_start_list_row_without_a_code_is_said_under_the_movements(tmp_path):
    result, notes = _run(tmp_path, erase=True)
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["start_poor"], na_mon["start_near_poor"]) == (3, 2)  # the targets sheet's
    moves = na_mon["movements"]
    assert (moves["poor"]["start"], moves["near_poor"]["start"]) == (2, 2)
    said = [(i.code, i.sheet, i.cell) for i in result.issues if i.code == "missing-household-id"]
    assert said == [("missing-household-id", "Danh sách đầu năm", "C5")]
    assert notes == [
        "Cột 1 và 12 (đầu năm) đếm theo trang 'Danh sách đầu năm' của kế hoạch, khác với số "
        "đầu năm ở trang 'Chỉ tiêu theo xóm' (số trang 'Tổng hợp' và 'Theo xóm' dùng): Nà Mòn "
        "có 2 hộ nghèo, 2 hộ cận nghèo trong danh sách, 3 và 2 ở trang chỉ tiêu (1 dòng của xóm "
        "trong danh sách có lỗi nên không được đếm). Dòng có lỗi của danh sách đầu năm (như "
        "thiếu Mã hộ) không được đếm; hãy sửa tệp kế hoạch theo trang 'Lỗi dữ liệu' rồi tổng "
        "hợp lại."
    ]


def test_no_note_when_the_start_list_agrees(tmp_path):
    result, notes = _run(tmp_path, erase=False)
    moves = na_mon_in_summary(result.summary)["movements"]
    assert (moves["poor"]["start"], moves["near_poor"]["start"]) == (3, 2)
    assert notes == []
