"""Session 63 (helper A): another household's rows under a listed code (a twin, session 62 B's
rule) in the earlier list a hamlet silent since is compared with hold not that household there
either (session 62's lead: the older-row case of session 57, xfail strict until now).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1-BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. The twins: Nà
Mòn's or Bản Cọ's rows of another household, 'Lò Thị Trùng' (another head, another ID number),
under DK1 and DK2 (session 54); written in February beside Đồng Kè's own list, which is then
refused 'across' (session 53), the twins' rows left out alone."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, na_mon_rows, oracle, run_lists
from tests.test_session55_left_off_elsewhere import movement_rows
from tests.test_session55_qa_gate import BC, DK, NM, small_scenario
from tests.test_session57_a_held_row_history import twins

KEYS = ("start", "moved_in", "recounted", "new", "returned", "moved_out", "exited", "end")
SIZES = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}


def figures(table: dict) -> tuple:
    return tuple(table[k] for k in KEYS)


@pytest.mark.parametrize("twin_in", ["Nà Mòn", "Bản Cọ", "none"])
def test_a_twin_in_a_silent_hamlets_earlier_list_holds_not_the_household(tmp_path, twin_in):
    """February: Đồng Kè's own list [DK1, DK2] refused ('across' where the twins are written in
    Nà Mòn's or Bản Cọ's list; by its total where there is no twin, 'none'). March: Đồng Kè
    refused again, and the hamlet of the twins too ('Nà Mòn': Nà Mòn; 'Bản Cọ': Bản Cọ;
    'none': Nà Mòn). April: Đồng Kè's list [DK1] counted, Bản Cọ refused (and Nà Mòn, but for
    'Bản Cọ'). May: every list counted, Bản Cọ's writes DK2 near-poor.

    Worked by hand (one household, one story: the twins' rows are another household's, so
    DK2's figures are those of the months without them). DK2 is held by Đồng Kè's start list
    through March (its lists refused: silent), and Đồng Kè's April list, counted, leaves it
    off: it left the lists in April. Đồng Kè's April month table (beside its start list, its
    latest accepted list) near-poor: start 1, exited 1, end 0 (it is on no list: Nà Mòn's and
    Bản Cọ's April lists refused). May: Bản Cọ's month table, beside its latest accepted list
    (March's, or February's for 'Bản Cọ'; BC3 near-poor, the twins' rows there left out): DK2's
    latest listing is the start list, before that list, and it left the lists in April: back,
    start 1, new 1 of which returned 1 ('Tái cận nghèo'), end 2. Nà Mòn 2 to 2; Đồng Kè, beside
    April's [DK1], no near-poor. The commune's month near-poor: start 2 + 1 + 0 = 3, new 1,
    returned 1, end 2 + 2 + 0 = 4 (April's exit, May's return: each event once). The year's
    (beside the start list): DK2 moved from Đồng Kè to Bản Cọ: start 4, moved in 1, moved out
    1, end 4. Before: 'Nà Mòn' and 'Bản Cọ' said counted again 1 in Bản Cọ's May month table
    (new 0): the silent hamlet's earlier list kept the twin's row as DK2's held row (the walk's
    ``others`` were read only of last month's lists); 'none' passes before (the guard)."""
    folder, out = new_commune(tmp_path)
    dk_own = [person("DK1", "poor"), person("DK2", "near_poor")]
    nm = na_mon_rows(*twins()) if twin_in == "Nà Mòn" else na_mon_rows()
    bc = [*bc_rows(), *twins()] if twin_in == "Bản Cọ" else bc_rows()
    lists = {"Nà Mòn": nm, "Bản Cọ": bc, "Đồng Kè": dk_own}
    run_lists(folder, out, "2024-02", lists, refused=("Đồng Kè",) if twin_in == "none" else ())
    silent = "Bản Cọ" if twin_in == "Bản Cọ" else "Nà Mòn"
    run_lists(folder, out, "2024-03", lists, refused=(silent, "Đồng Kè"))
    april_refused = ("Bản Cọ",) if twin_in == "Bản Cọ" else ("Nà Mòn", "Bản Cọ")
    april = run_lists(folder, out, "2024-04", dict(lists, **{"Đồng Kè": [person("DK1", "poor")]}),
                      refused=april_refused)  # fmt: skip
    assert figures(april["Đồng Kè"]["movements_month"]["near_poor"]) == (1, 0, 0, 0, 0, 0, 1, 0)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    may = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), person("DK2", "near_poor")],
           "Đồng Kè": [person("DK1", "poor")]}  # fmt: skip
    for n, (hamlet, rows) in enumerate(may.items()):
        write_roster(folder, f"DS_{n}_2024-05.xlsx", hamlet, SIZES[hamlet], rows, "2024-05",
                     date(2024, 6, 3))  # fmt: skip
    result, _, _ = execute(folder, out, "2024-05")
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    by_name = {h["hamlet"]: h for h in summary["hamlets"]}
    assert by_name["Bản Cọ"]["movements_month_from"] == (
        "2024-02" if twin_in == "Bản Cọ" else "2024-03"
    )
    want_by_hand = {
        "Nà Mòn": (2, 0, 0, 0, 0, 0, 0, 2),
        "Bản Cọ": (1, 0, 0, 1, 1, 0, 0, 2),
        "Đồng Kè": (0,) * 8,
    }
    for hamlet, by_hand in want_by_hand.items():
        assert figures(by_name[hamlet]["movements_month"]["near_poor"]) == by_hand
    assert figures(summary["totals"]["movements_month"]["near_poor"]) == (3, 0, 0, 1, 1, 0, 0, 4)
    assert figures(summary["totals"]["movements"]["near_poor"]) == (4, 1, 0, 0, 0, 1, 0, 4)
    assert movement_rows(result, "DK2") == [
        ("month", "Bản Cọ", "returned", ""),
        ("year", "Bản Cọ", "moved_in", "Đồng Kè"),
        ("year", "Đồng Kè", "moved_out", "Bản Cọ"),
    ]
    # the oracle (tests/test_session38_oracle.py: session 62 B's `_last_listed_in`), same months
    twin_rows = [(twin_in, "DK1", "poor"), (twin_in, "DK2", "near_poor")]
    feb = {"refused": {"Đồng Kè"}}
    if twin_in != "none":
        feb.update(across="Đồng Kè", dups=twin_rows)
    sc = small_scenario([
        ("2024-02", {**NM, **BC, **DK}, feb),
        ("2024-03", {**NM, **BC, **DK}, {"refused": {silent, "Đồng Kè"}}),
        ("2024-04", {**NM, **BC, "DK1": DK["DK1"]}, {"refused": set(april_refused)}),
        ("2024-05", {**NM, **BC, "DK1": DK["DK1"], "DK2": ("Bản Cọ", "near_poor")}, {}),
    ])  # fmt: skip
    want = oracle(sc, 3)["hamlets"]
    for hamlet, by_hand in want_by_hand.items():
        assert figures(want[hamlet]["movements_month"]["near_poor"]) == by_hand
