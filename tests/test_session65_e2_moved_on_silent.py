"""Session 65 (helper E2), helper E's Left (a): one household exited in two months' tables.

The small commune (tests.commune): NM5 (Hoàng Văn NM5) near-poor on Nà Mòn's start list; the
start list's near-poor: Nà Mòn 2 (NM4, NM5), Bản Cọ 1, Đồng Kè 1. February: the three lists.
March: Nà Mòn silent, Đồng Kè lists NM5 (its month's table: moved in, 1 + 1 = 2). Nà Mòn's
month baseline stays its February list, which has NM5, until it sends a list again.

Worked by hand, the story the lists tell: NM5 left Nà Mòn for Đồng Kè in March, and left the
lists (or was marked 'Thoát') from Đồng Kè. Đồng Kè's month table counts that exit, once. Nà
Mòn's month table, the month it sends a list again without NM5, counts the March move out it
could not count while silent (start 2 − 1 moved out = 1), as it would have in March (a loud
Nà Mòn's March table: 2 − 1 moved out). Before: exited there too, one household leaving the
lists twice in the month tables (April's Đồng Kè and May's Nà Mòn, or May's both). The year's
table is unchanged: NM5 on Nà Mòn's start list, on no list now: Nà Mòn 2 − 1 exited = 1."""

from __future__ import annotations

import json

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session61_b_other_household_rows import na_mon_with, near_of


def near_totals(out, period: str, scope: str) -> dict:
    """The commune's near-poor columns of a table that are not 0 (the JSON's totals)."""
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return {k: v for k, v in summary["totals"][scope]["near_poor"].items() if v}


def febuary_march(tmp_path):
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    march = run_lists(folder, out, "2024-03",
                      {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), person("NM5", "near_poor")]})  # fmt: skip
    assert near_of(march["Đồng Kè"], "movements_month") == {"start": 1, "moved_in": 1, "end": 2}
    assert near_totals(out, "2024-03", "movements_month") == {"start": 2, "moved_in": 1, "end": 3}
    return folder, out


def test_a_household_gone_from_the_hamlet_it_moved_to_is_moved_out_of_the_silent_one(tmp_path):
    """April: Đồng Kè without NM5, Nà Mòn silent: Đồng Kè's month 2 − 1 exited = 1. May: Nà
    Mòn's list without NM5: its month 2 − 1 moved out = 1 (before: 2 − 1 exited), its year
    2 − 1 exited = 1. The commune's month tables, March to May: moved in 1, exited 1, moved out
    1 (before: exited 2), the year's exited 1."""
    folder, out = febuary_march(tmp_path)
    april = run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    assert near_of(april["Đồng Kè"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_with(False), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    for hamlet in ("Bản Cọ", "Đồng Kè"):
        for scope in ("movements", "movements_month"):
            assert near_of(may[hamlet], scope) == {"start": 1, "end": 1}
    assert near_totals(out, "2024-04", "movements_month") == {"start": 3, "exited": 1, "end": 2}
    assert near_totals(out, "2024-05", "movements_month") == {"start": 4, "moved_out": 1, "end": 3}
    assert near_totals(out, "2024-05", "movements") == {"start": 4, "exited": 1, "end": 3}


def test_a_household_marked_thoat_where_it_moved_is_exited_there_alone(tmp_path):
    """April: Đồng Kè lists NM5 again (its month 2 to 2). May: Đồng Kè writes NM5 'Thoát', Nà
    Mòn's list without NM5: Đồng Kè's month 2 − 1 exited = 1, Nà Mòn's 2 − 1 moved out = 1
    (before: 2 − 1 exited, the commune's May exited 2 for one household). The year's: Nà Mòn
    2 − 1 exited = 1 (on its start list, marked 'Thoát' in Đồng Kè now), Đồng Kè 1 to 1."""
    folder, out = febuary_march(tmp_path)
    with_nm5 = [*dk_rows(), person("NM5", "near_poor")]
    april = run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": with_nm5})
    assert near_of(april["Đồng Kè"], "movements_month") == {"start": 2, "end": 2}
    may = run_lists(folder, out, "2024-05", {
        "Nà Mòn": na_mon_with(False), "Bản Cọ": bc_rows(),
        "Đồng Kè": [*dk_rows(), person("NM5", "exited")]})  # fmt: skip
    assert near_of(may["Đồng Kè"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(may["Đồng Kè"], "movements") == {"start": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements_month") == {
        "start": 5, "exited": 1, "moved_out": 1, "end": 3}  # fmt: skip


def test_a_household_the_silent_hamlet_writes_thoat_on_its_return_exits_once(tmp_path):
    """April: Nà Mòn back, writing NM5 'Thoát' (the oracle's `--turn` seed 2063's shape), Đồng
    Kè without NM5: Đồng Kè's month 2 − 1 exited = 1; Nà Mòn's 2 − 1 moved out = 1 (before:
    2 − 1 exited, the commune's April exited 2 for one household), its year 2 − 1 exited = 1."""
    folder, out = febuary_march(tmp_path)
    april = run_lists(folder, out, "2024-04", {
        "Nà Mòn": [*na_mon_with(False), person("NM5", "exited")], "Bản Cọ": bc_rows(),
        "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(april["Đồng Kè"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(april["Nà Mòn"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(april["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_totals(out, "2024-04", "movements_month") == {
        "start": 5, "exited": 1, "moved_out": 1, "end": 3}  # fmt: skip
