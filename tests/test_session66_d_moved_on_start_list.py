"""Session 66 (helper D): E2's moved-on rule (session 65) for a hamlet silent since the start
list, as RE2 found it wanting (docs/decisions.md, "Session 66: a household that left a hamlet
silent since the start list is moved out of it once; a hamlet new in the plan was never
silent (D)").

The small commune (tests.commune): the start list's near-poor Nà Mòn NM4, NM5; Bản Cọ BC3;
Đồng Kè DK2. Nà Mòn sends nothing in February, March nor April (its month baseline in May is
the start list, ``movements_month_from`` 'plan'); Đồng Kè lists NM5 from March, its head's
name typed in decomposed Unicode (NFD), and in May writes it 'thoát' (lower case)."""

from __future__ import annotations

import unicodedata

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_b_other_household_rows import na_mon_with, near_of
from tests.test_session65_e2_moved_on_silent import near_totals

NFD_HEAD = unicodedata.normalize("NFD", "Hoàng Văn NM5")


def test_marked_thoat_where_it_moved_while_its_hamlet_was_silent_since_the_start_list(tmp_path):
    """By hand. March: Đồng Kè beside February's list: near-poor 1 (DK2), NM5 moved in from Nà
    Mòn, 2. April: Đồng Kè 2 to 2. May: Đồng Kè beside April's list: 2, NM5 'Thoát' exited 1,
    1. Nà Mòn's first list (NM4), beside the start list (NM4, NM5): NM5 left Nà Mòn for Đồng Kè
    in March, and the lists from Đồng Kè in May, as Đồng Kè's table tells: Nà Mòn 2, moved out
    1 (to Đồng Kè), 1; its year's table 2, exited 1, 1 (on its start list, on no list now).
    The commune's May month: near-poor 2 + 1 + 2 = 5, exited 1, moved out 1, end 1 + 1 + 1 = 3;
    its months March to May: moved in 1, moved out 1, exited 1, as the year's exited 1.
    Before: Nà Mòn's May month exited 1, the commune's May month exited 2 for one household."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    nm5 = person("NM5", "near_poor", chu_ho=NFD_HEAD)
    march = run_lists(folder, out, "2024-03", {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), nm5]})
    assert near_of(march["Đồng Kè"], "movements_month") == {"start": 1, "moved_in": 1, "end": 2}
    april = run_lists(folder, out, "2024-04",
                      {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), dict(nm5)]})  # fmt: skip
    assert near_of(april["Đồng Kè"], "movements_month") == {"start": 2, "end": 2}
    thoat = person("NM5", "thoát", chu_ho=NFD_HEAD)
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_with(False), "Bản Cọ": bc_rows(),
                     "Đồng Kè": [*dk_rows(), thoat]})  # fmt: skip
    assert may["Nà Mòn"]["movements_month_from"] == "plan"
    assert near_of(may["Đồng Kè"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements_month") == {
        "start": 5, "exited": 1, "moved_out": 1, "end": 3}  # fmt: skip
    assert near_totals(out, "2024-05", "movements") == {"start": 4, "exited": 1, "end": 3}
    rows = [row for row in listed_movements(out, "2024-05") if row[1] == "NM5"]
    assert rows == [
        ("Nà Mòn", "NM5", "Thoát cận nghèo", "Từ đầu năm"),
        ("Nà Mòn", "NM5", "Chuyển sang Đồng Kè", "So với danh sách đầu năm"),
        ("Đồng Kè", "NM5", "Thoát cận nghèo", "So với tháng trước"),
    ]
