"""Session 65 (helper E), session 64 F's Left (d) (session 63 B's Left (2)): a household only on
a list held apart, its code written by another hamlet's list for another head. Decided: not
told as 'reused'; shown here as the run has it (docs/decisions.md, session 65).

The small commune (tests.commune): the start list's poor: Nà Mòn 3 (NM1-NM3), Bản Cọ 2, Đồng
Kè 1. A list naming no hamlet ('DanhSach_<period>.xlsx', its 'Xóm' cell and title blank) holds
NM5 (a start household of Nà Mòn) and NM6 (Hoàng Văn NM6, poor, on no start list): held apart
from Nà Mòn by its codes (session 51), its rows kept as rows left out ('not_counted', session
46). Bản Cọ writes 'Lò Thị Khác' (1981) under NM6, its fourth row (Mã hộ in B8)."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists
from tests.test_session63_r5_left_out_reused_review import lines as said


def poor_of(hamlet: dict, scope: str) -> dict:
    return {k: v for k, v in hamlet[scope]["poor"].items() if v}


def held_list(folder, period: str) -> None:
    """The list naming no hamlet of ``period`` holding NM5 and NM6; an earlier one removed."""
    for old in folder.glob("DanhSach_*.xlsx"):
        old.unlink()
    month = int(period[5:])
    path = write_roster(folder, f"DanhSach_{period}.xlsx", "Bản Cọ", 200,
                        [person("NM5", "near_poor"), person("NM6", "poor")], period,
                        date(2024, month + 1, 3))  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = None
    book["Danh sách"]["A1"] = f"DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO - Tháng {month} năm 2024"
    book.save(path)


def khac(nhan_khau: int = 4) -> dict:
    return person("NM6", "poor", chu_ho="Lò Thị Khác", nam_sinh=1981, nhan_khau=nhan_khau)


def test_a_code_on_last_months_held_list_written_for_another_head_is_told_by_the_duplicate(
    tmp_path,
):
    """April: Nà Mòn's own list NM1-NM4, the held list NM5 and NM6 (Nà Mòn poor 3 to 3). May:
    Nà Mòn's list NM1-NM5, Bản Cọ's Lò Thị Khác under NM6 (4 members): counted new (Bản Cọ
    poor 2 + 1 new = 3, both tables), nothing said at B8. June: Nà Mòn's list writes NM6 (Hoàng
    Văn NM6) too: the code written twice, both rows left out and each head told by the
    duplicate's words naming the other's row (Bản Cọ's month: 3 - 1 not counted = 2; its year:
    2 to 2; Nà Mòn 3 to 3)."""
    folder, out = new_commune(tmp_path)
    held_list(folder, "2024-04")
    april = run_lists(folder, out, "2024-04",
                      {"Nà Mòn": na_mon_rows()[:4], "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert poor_of(april["Nà Mòn"], "movements") == {"start": 3, "end": 3}
    for old in folder.glob("DanhSach_*.xlsx"):
        old.unlink()
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), khac()], "Đồng Kè": dk_rows()})  # fmt: skip
    for scope in ("movements", "movements_month"):
        assert poor_of(may["Bản Cọ"], scope) == {"start": 2, "new": 1, "end": 3}
        assert poor_of(may["Nà Mòn"], scope) == {"start": 3, "end": 3}
    assert not [r for r in said(out, "2024-05") if r[0] == "Bản Cọ"]
    june = run_lists(folder, out, "2024-06", {
        "Nà Mòn": na_mon_rows(person("NM6", "poor")), "Bản Cọ": [*bc_rows(), khac()],
        "Đồng Kè": dk_rows()})  # fmt: skip
    assert [r[:3] for r in said(out, "2024-06")] == [
        ("Bản Cọ", "B8", "duplicate-household-id"),
        ("Nà Mòn", "B10", "duplicate-household-id"),
    ]
    assert poor_of(june["Bản Cọ"], "movements_month") == {"start": 3, "not_counted": 1, "end": 2}
    assert poor_of(june["Bản Cọ"], "movements") == {"start": 2, "end": 2}
    assert poor_of(june["Nà Mòn"], "movements") == {"start": 3, "end": 3}


def test_a_code_on_this_months_held_list_written_for_another_head_is_counted_new_untold(tmp_path):
    """April: the three lists. May: Nà Mòn's list NM1-NM4, the held list NM5 and NM6, Bản Cọ's
    Lò Thị Khác under NM6 (4 members; 0 members, left out, alike: the size's error alone):
    Bản Cọ poor 2 + 1 new = 3 (both tables), Nà Mòn 3 to 3, nothing said at B8."""
    for members, bc in ((4, {"start": 2, "new": 1, "end": 3}), (0, {"start": 2, "end": 2})):
        (tmp_path / str(members)).mkdir()
        folder, out = new_commune(tmp_path / str(members))
        run_lists(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
        held_list(folder, "2024-05")
        may = run_lists(folder, out, "2024-05", {
            "Nà Mòn": na_mon_rows()[:4], "Bản Cọ": [*bc_rows(), khac(members)],
            "Đồng Kè": dk_rows()})  # fmt: skip
        for scope in ("movements", "movements_month"):
            assert poor_of(may["Bản Cọ"], scope) == bc
            assert poor_of(may["Nà Mòn"], scope) == {"start": 3, "end": 3}
        told = [r[1:3] for r in said(out, "2024-05") if r[0] == "Bản Cọ"]
        assert told == ([] if members else [("H8", "invalid-household-size")])
