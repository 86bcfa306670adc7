"""Session 64, review RF of helper F's 'reused' warnings: the counted 'reused' names the latest
list that has the other household, as the row left out ('reused-left-out') names it.

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list.
'Lò Thị Trùng NM5' (1981, her own ID number) under 'NM5' in Bản Cọ's May list, its fourth row
(row 8: Mã hộ in B8). The year's table compares May with the start list and says 'reused' first
(once a hamlet and code); it named the start list where April's list, the latest, had NM5 too,
while the same row left out for its size named April's list: one household, two stories."""

from __future__ import annotations

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session61_b_other_household_rows import na_mon_with, near_of, other_head_nm5
from tests.test_session64_f_reused_heads import COUNTED, b8_everywhere, left_out

APRIL = "danh sách tháng 4/2024"
APRIL_NA_MON = (COUNTED.format(listed=APRIL), left_out(APRIL))
APRIL_DONG_KE = tuple(words.replace("xóm Nà Mòn;", "xóm Đồng Kè;") for words in APRIL_NA_MON)


def may(folder, out, nhan_khau: int, dong_ke_in_april: bool = False) -> dict:
    """April: NM5 on Nà Mòn's list (or, ``dong_ke_in_april``, moved to Đồng Kè's); May: no NM5
    but Bản Cọ's Lò Thị Trùng NM5 with ``nhan_khau`` members."""
    if dong_ke_in_april:
        april = {"Nà Mòn": na_mon_with(False), "Bản Cọ": bc_rows(),
                 "Đồng Kè": [*dk_rows(), person("NM5", "near_poor")]}  # fmt: skip
    else:
        april = {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-04", april)
    return run_lists(folder, out, "2024-05", {
        "Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), other_head_nm5(nhan_khau=nhan_khau)],
        "Đồng Kè": dk_rows()})  # fmt: skip


def test_the_counted_reused_names_last_months_list_as_the_row_left_out_does(tmp_path):
    """F's Found (a). Counted (4 members): new in Bản Cọ in both tables (near-poor 1 + 1 new =
    2), told at B8 naming April's list of Nà Mòn in the run, the head's copy and `check`. Before:
    "danh sách đầu năm" (the year's table said it first). Left out (0 members): April's list,
    as before."""
    folder, out = new_commune(tmp_path)
    counted = may(folder, out, 4)
    assert near_of(counted["Bản Cọ"], "movements") == {"start": 1, "new": 1, "end": 2}
    assert near_of(counted["Bản Cọ"], "movements_month") == {"start": 1, "new": 1, "end": 2}
    told = b8_everywhere(folder, out, "2024-05")
    assert told == (APRIL_NA_MON[0],) * 3
    left = tmp_path / "left"
    left.mkdir()
    folder, out = new_commune(left)
    may(folder, out, 0)
    told = b8_everywhere(folder, out, "2024-05")
    assert told == (APRIL_NA_MON[1],) * 3


def test_a_household_moved_since_the_start_list_is_named_where_it_was_last_month(tmp_path):
    """NM5 moved to Đồng Kè in April (Nà Mòn's start list the only one naming it there). May,
    counted: both tables Bản Cọ near-poor 1 + 1 new = 2, told naming April's list of Đồng Kè
    (run, copy, `check`). Before: Nà Mòn's start list, a hamlet it had left; left out (0
    members): Đồng Kè's April list, as before."""
    folder, out = new_commune(tmp_path)
    counted = may(folder, out, 4, dong_ke_in_april=True)
    assert near_of(counted["Bản Cọ"], "movements") == {"start": 1, "new": 1, "end": 2}
    assert near_of(counted["Bản Cọ"], "movements_month") == {"start": 1, "new": 1, "end": 2}
    told = b8_everywhere(folder, out, "2024-05")
    assert told == (APRIL_DONG_KE[0],) * 3
    left = tmp_path / "left"
    left.mkdir()
    folder, out = new_commune(left)
    may(folder, out, 0, dong_ke_in_april=True)
    told = b8_everywhere(folder, out, "2024-05")
    assert told == (APRIL_DONG_KE[1],) * 3
