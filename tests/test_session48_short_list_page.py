"""'Biến động''s list of changed households, short and under the tables, goes to the next printed
page whole with its title rather than leave its title and header there alone (session 48's
officer's-eye audit, rendered in LibreOffice)."""

from __future__ import annotations

import openpyxl

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def test_a_short_list_under_the_tables_starts_its_page_with_its_title(tmp_path):
    """April: NM3 exited; May: NM6 new. May's list holds three households: NM3 'Thoát nghèo'
    (from the start), NM6 'Phát sinh mới' from the start and since April. The tables and their
    notes fill page 6 down to row 41; the list's title (row 43), header and three rows fit
    there, its note and signature do not. The page broke before the first household (row 45):
    page 6 ended with the title and header alone, the three rows under the header repeated on
    page 7. Now page 7 starts at the title, and no break parts the list from its signature."""
    folder, out = new_commune(tmp_path)
    nm = na_mon_rows()
    april = [*nm[:2], person("NM3", "exited"), *nm[3:]]
    run_lists(folder, out, "2024-04", {"Nà Mòn": april, "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    may = [*april, person("NM6", "poor")]
    run_lists(folder, out, "2024-05", {"Nà Mòn": may, "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    listed = [(r[2].value, r[5].value, r[8].value) for r in ws.iter_rows(min_row=45, max_row=47)]
    assert listed == [("NM3", "Thoát nghèo", "Từ đầu năm"),
                      ("NM6", "Phát sinh mới", "Từ đầu năm"),
                      ("NM6", "Phát sinh mới", "So với tháng trước")]  # fmt: skip
    assert ws["A43"].value == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG" and ws["A44"].value == "STT"
    assert ws["A58"].value == "Ma Thị Hoa"  # the preparer's name, the signature's last row
    # a break after row N: the next page starts at row N + 1 (was [24, 44])
    assert [b.id for b in ws.row_breaks.brk] == [24, 42]
