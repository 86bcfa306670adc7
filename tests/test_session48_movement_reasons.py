"""'Biến động''s household list says a row not counted by the tables' column name, its reason
once under the list (session 48): in the row, the reason took four lines of 20 widths."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster


def test_a_row_not_counted_reads_the_tables_column_and_its_reason_under_the_list(tmp_path):
    """May, against the plan's start list: Nà Mòn and Đồng Kè as at the start; Bản Cọ's BC2
    (poor at the start) in a row with 0 members, not counted. The list's one household, BC2,
    reads 'Chưa tính (dòng có lỗi)' (column 4 of the tables) in two lines (30 pt: 'Dòng có lỗi,
    chưa tính' in 'Hiện tại''s 14 widths), and the row right under the list gives the reason."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
        person("NM4", "near_poor"), person("NM5", "near_poor")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [
        person("BC1", "poor"), person("BC2", "poor", nhan_khau=0),
        person("BC3", "near_poor")])  # fmt: skip
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, [
        person("DK1", "poor"), person("DK2", "near_poor")])  # fmt: skip
    execute(folder, out, None)
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    [head] = [r[0].row for r in sheet.iter_rows() if r[2].value == "Mã hộ"]
    listed = [c.value for c in sheet[head + 1][:9]]
    assert listed == [1, "Bản Cọ", "BC2", listed[3], "Hộ nghèo", "Chưa tính (dòng có lỗi)",
                      "Hộ nghèo", "Dòng có lỗi, chưa tính", "Từ đầu năm"]  # fmt: skip
    assert sheet.row_dimensions[head + 1].height == 30
    assert sheet.cell(head + 2, 1).value == (
        "Chưa tính (dòng có lỗi): hộ còn trong danh sách nhưng dòng có lỗi nên chưa tính; xem"
        " trang 'Lỗi dữ liệu'."
    )
    assert f"A{head + 2}:I{head + 2}" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(head + 3, 1).value is None  # no other reason: no other row is so
