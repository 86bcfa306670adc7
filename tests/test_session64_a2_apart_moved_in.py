"""Session 64 (helper A2): the `--apart` oracle's seed 2646, reduced.

The small commune (tests/commune.py: Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor). April: Nà Mòn's list refused whole;
Bản Cọ's writes NM4 in a row left out for an error ('Hộ nghèo lắm'). May: Nà Mòn is held apart
(NM1 on a list naming no hamlet, left off its own list, which leaves NM4 off too), and Bản Cọ
counts NM4 poor. Nà Mòn's own table (outside the totals, beside its start list: its April list
was refused) moves NM4 out to Bản Cọ; Bản Cọ's moves it in, as session 63 G has it for a table
moving it out where the other hamlet's list was not read in the held row's month, and as seed
1444's September has it for a table held apart (outside the totals) moving out. The oracle
said 'recounted' (a hamlet held apart now was no table for that rule): mended to the pipeline.
"""

from __future__ import annotations

import json
from datetime import date

from tests import test_session38_oracle as o
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements

P, N = (2, 4, 9), (5,)


def _na_mon(*left_off: str) -> list[dict]:
    return [row for row in na_mon_rows() if row["ma_ho"] not in left_off]


def test_held_in_its_new_hamlets_row_its_old_hamlet_held_apart_now_is_moved_in(tmp_path):
    """Worked by hand, May. Bản Cọ's month table against its April list (BC1, BC2 poor, BC3
    near-poor; NM4's row not counted): poor 2, moved in 1 (NM4, 'Chuyển đến từ Nà Mòn'), 3;
    near-poor 1 to 1. Nà Mòn (held apart: status 'rejected', outside the totals) beside its
    start list: near-poor 2, moved out 1 (NM4, 'Chuyển sang Bản Cọ'), 1. The commune (Bản Cọ,
    Đồng Kè): poor 3, moved in 1, 4; near-poor 2 to 2. Passes before: the pipeline's answer,
    which the oracle now gives too (the next test)."""
    folder, out = new_commune(tmp_path)
    bad = dict(person("NM4", "near_poor"), phan_loai="Hộ nghèo lắm")
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows() + [bad], "Đồng Kè": dk_rows()},
              refused=("Nà Mòn",))  # fmt: skip
    write_roster(folder, "DanhSach_2024-05.xlsx", None, 100, [person("NM1", "poor")],
                 "2024-05", date(2024, 6, 3))  # fmt: skip
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": _na_mon("NM1", "NM4"),
                     "Bản Cọ": bc_rows() + [person("NM4", "poor")], "Đồng Kè": dk_rows()})  # fmt: skip
    assert may["Nà Mòn"]["status"] == "rejected"
    poor = may["Bản Cọ"]["movements_month"]["poor"]
    assert (poor["start"], poor["moved_in"], poor["recounted"], poor["new"], poor["end"]) == (
        2, 1, 0, 0, 3)  # fmt: skip
    near = may["Nà Mòn"]["movements_month"]["near_poor"]
    assert (near["start"], near["moved_out"], near["exited"], near["end"]) == (2, 1, 0, 1)
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    commune = summary["totals"]["movements_month"]
    assert (commune["poor"]["start"], commune["poor"]["moved_in"], commune["poor"]["recounted"],
            commune["poor"]["end"]) == (3, 1, 0, 4)  # fmt: skip
    assert (commune["near_poor"]["start"], commune["near_poor"]["end"]) == (2, 2)
    rows = [r for r in listed_movements(out, "2024-05") if r[1] == "NM4" and r[3] != "Từ đầu năm"]
    assert rows == [
        ("Nà Mòn", "NM4", "Chuyển sang Bản Cọ", "So với danh sách đầu năm"),
        ("Bản Cọ", "NM4", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]


def _scenario() -> dict:
    """The oracle's scenario of the case above, two hamlets (Nà Mòn: NM1, NM2 poor, NM4
    near-poor; Bản Cọ: BC1, BC2 poor)."""
    start = {"NM1": ("Nà Mòn", "poor", P), "NM2": ("Nà Mòn", "poor", P),
             "NM4": ("Nà Mòn", "near_poor", N), "BC1": ("Bản Cọ", "poor", P),
             "BC2": ("Bản Cọ", "poor", P)}  # fmt: skip
    april = {**start, "NM4": ("Bản Cọ", "near_poor", N)}
    may = {**start, "NM4": ("Bản Cọ", "poor", P)}
    both = {"Nà Mòn": 100, "Bản Cọ": 100}
    plain = {"dups": [], "swapped": {}, "across": None}
    return {
        "hamlets": {"Nà Mòn": (100, 1, 1), "Bản Cọ": (100, 1, 1)},
        "targets": (1.0, 1.0),
        "start": start,
        "months": [
            ("2024-04", both, april, {"Nà Mòn", "Bản Cọ"}),
            ("2024-05", both, may, {"Nà Mòn", "Bản Cọ"}),
        ],  # fmt: skip
        "extras": [
            {**plain, "errors": {"NM4": "class"}, "refused": {"Nà Mòn"}},
            {
                **plain,
                "errors": {"NM1": "apart"},
                "refused": set(),
                "apart": {"Nà Mòn": {"NM1"}},
            },  # fmt: skip
        ],
        "renamed": {},
        "phones": {},
        "lookalike": set(),
    }


def test_the_oracle_moves_it_in_where_its_old_hamlet_held_apart_now_moves_it_out():
    """The oracle alone, on the scenario above: May, Bản Cọ poor 2, moved in 1, 3 (NM4), the
    commune's month row so too; Nà Mòn rejected (held apart). Before: counted again 1, moved in
    0 (its session 63 G rule asked for a hamlet with a baseline now, one held apart none)."""
    want = o.oracle(_scenario(), 1)
    assert "Nà Mòn" in want["rejected"]
    for found in (want["hamlets"]["Bản Cọ"], want["totals"]):
        poor = found["movements_month"]["poor"]
        assert (poor["start"], poor["moved_in"], poor["recounted"], poor["end"]) == (2, 1, 0, 3)
