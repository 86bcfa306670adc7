"""A household of the list compared with held in a row left out for an error by its head's ID
number alone (session 51): counted 'not counted', not exited, in the year's and the month's
tables, as when that row names the same head.

The small commune (tests.commune, 'Trung Lương'): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản
Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. Each head is 'Hoàng Văn
<code>', born 1970, with an ID number of its code (tests.commune.person)."""

from __future__ import annotations

from tests.april_may import april, nm3_on_both, nx3_headed_by, one_id_for_nm3_and_bc1
from tests.commune import person
from tests.test_session48_code_reused import json_totals, sheets


def _poor(hamlet: dict, scope: str) -> tuple:
    """(start, exited, not counted, moved out, new, end) of the poor in ``scope``."""
    poor = hamlet[scope]["poor"]
    return tuple(poor[k] for k in ("start", "exited", "not_counted", "moved_out", "new", "end"))


def test_a_household_held_by_its_heads_id_number_is_not_counted_not_exited(tmp_path):
    """April: Nà Mòn lists NM3 'Hoàng Văn NM3'. May: NM3 is on no list; Nà Mòn and Đồng Kè both
    write NX3 'Hoàng Thị Lan' (his wife, heading the household now) with his ID number, both
    rows left out for the code written twice. Was: NM3 exited ("Không còn trong danh sách (đề
    nghị xác nhận)") while the rows' message says the household moved; the same head's name
    under NX3 counted it not counted. Now held by the ID number, as by the name. By hand: Nà
    Mòn's year (start list NM1-NM3) and month (April's NM1-NM3) poor start 3, exited 0, not
    counted 1 (NM3), end 2 (NM1, NM2); Đồng Kè 1 = 1 (DK1; NX3 left out, new to no table);
    Bản Cọ 2 = 2; the commune 3 + 2 + 1 = 6, not counted 1, end 2 + 2 + 1 = 5."""
    folder, out = april(tmp_path)
    lan = nx3_headed_by("Hoàng Thị Lan")
    may = nm3_on_both(folder, out, lan)
    for scope in ("movements", "movements_month"):
        assert _poor(may["Nà Mòn"], scope) == (3, 0, 1, 0, 0, 2)
        assert _poor(may["Đồng Kè"], scope) == (1, 0, 0, 0, 0, 1)
        assert _poor(may["Bản Cọ"], scope) == (2, 0, 0, 0, 0, 2)
        assert _poor(json_totals(out, "2024-05"), scope) == (6, 0, 1, 0, 0, 5)
    # 'Biến động': NM3 not counted in both tables (was "Không còn trong danh sách (đề nghị xác
    # nhận)" in both)
    moves, _ = sheets(out, "2024-05", "NM3")
    not_counted = ("Nà Mòn", "Hoàng Văn NM3", "Hộ nghèo", "Chưa tính (dòng có lỗi)")
    assert moves == [(*not_counted, "Từ đầu năm"), (*not_counted, "So với tháng trước")]


def test_a_household_held_by_name_and_id_number_as_before(tmp_path):
    """Guard (passes before too): NX3 'Hoàng Văn NM3', his name and ID number: not counted 1
    (held by name), the same figures as above."""
    folder, out = april(tmp_path)
    may = nm3_on_both(folder, out, {**person("NM3", "poor"), "ma_ho": "NX3"})
    for scope in ("movements", "movements_month"):
        assert _poor(may["Nà Mòn"], scope) == (3, 0, 1, 0, 0, 2)
        assert _poor(json_totals(out, "2024-05"), scope) == (6, 0, 1, 0, 0, 5)


def test_an_id_number_two_households_of_the_start_list_have_holds_neither(tmp_path):
    """Guard: the start list writes NM3's ID number for BC1 too (two households under one
    number). The row 'Hoàng Thị Lan' with that number is no one household's: NM3 gone
    unmarked as before (the year's table: exited 1, not counted 0, end 2; the commune's
    exited 1, end 5)."""
    folder, out = april(tmp_path, one_id_for_nm3_and_bc1())
    lan = nx3_headed_by("Hoàng Thị Lan")
    may = nm3_on_both(folder, out, lan)
    assert _poor(may["Nà Mòn"], "movements") == (3, 1, 0, 0, 0, 2)
    assert _poor(json_totals(out, "2024-05"), "movements") == (6, 1, 0, 0, 0, 5)
