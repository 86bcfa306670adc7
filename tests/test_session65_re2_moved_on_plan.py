"""Session 65 (helper RE2), review of E2: a hamlet silent since the start list (its month
baseline the start list, ``bases.month_from`` 'plan').

The small commune (tests.commune): NM5 near-poor on Nà Mòn's start list; the start list's
near-poor: Nà Mòn 2 (NM4, NM5), Bản Cọ 1, Đồng Kè 1. February: Bản Cọ and Đồng Kè, Nà Mòn
silent. March: Đồng Kè lists NM5 (its month 1 + 1 moved in = 2). April: Đồng Kè without NM5
(its month 2 − 1 exited = 1). May: Nà Mòn's first list, without NM5.

By hand: NM5 left Nà Mòn for Đồng Kè in March and left the lists from Đồng Kè in April. Nà
Mòn's May month table tells the move out it could not tell while silent: 2 − 1 moved out = 1,
not a second exit; its year table 2 − 1 exited = 1 (on its start list, on no list now)."""

from __future__ import annotations

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session61_b_other_household_rows import na_mon_with, near_of
from tests.test_session65_e2_moved_on_silent import near_totals


def test_a_household_that_left_a_hamlet_silent_since_the_start_list_is_moved_out_once(tmp_path):
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    march = run_lists(folder, out, "2024-03",
                      {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), person("NM5", "near_poor")]})  # fmt: skip
    assert near_of(march["Đồng Kè"], "movements_month") == {"start": 1, "moved_in": 1, "end": 2}
    april = run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    assert near_of(april["Đồng Kè"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_with(False), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements_month") == {"start": 4, "moved_out": 1, "end": 3}


def test_another_head_under_the_code_in_the_other_hamlet_is_no_move(tmp_path):
    """February the three lists; March Nà Mòn silent, Đồng Kè lists NM5 under another head (Lò
    Thị Trùng: its month 1 + 1 new = 2, another household, not NM5 moved in); April Đồng Kè
    without it (2 − 1 exited = 1); May Nà Mòn's list without NM5 (Hoàng Văn NM5). By hand:
    Hoàng Văn NM5 left the lists from Nà Mòn, nobody moved: Nà Mòn's May month 2 − 1 exited
    = 1, the commune's May month exited 1 (before: moved out 1, no move in to balance it)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    other = person("NM5", "near_poor", chu_ho="Lò Thị Trùng")
    march = run_lists(folder, out, "2024-03", {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), other]})
    assert near_of(march["Đồng Kè"], "movements_month") == {"start": 1, "new": 1, "end": 2}
    april = run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    assert near_of(april["Đồng Kè"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_with(False), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements_month") == {"start": 4, "exited": 1, "end": 3}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
