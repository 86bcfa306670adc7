"""Session 62 (helper B2): a household its hamlet's list held apart leaves off, that hamlet's
month table still comparing with the earlier list that counts it, is moved in where another
hamlet counts it next: both month tables tell one move (the oracle's `--apart` seeds 2446 and
2456; session 61 A's rule, the oracle's `seen_since`).

The small commune (tests.commune): DK1 poor, DK2 near-poor on Đồng Kè's start list; DK3 a new
poor household of Đồng Kè."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements


def _poor(hamlet: dict, scope: str) -> dict:
    """The poor columns of a table that are not 0."""
    return {k: v for k, v in hamlet[scope]["poor"].items() if v}


def test_left_off_a_list_held_apart_then_counted_elsewhere_is_moved_in(tmp_path):
    """Worked by hand. March: the three hamlets' lists (Đồng Kè: DK1, DK3 poor, DK2 near-poor).
    April: Đồng Kè's list writes DK2 alone and a list naming no hamlet DK3 (held apart,
    session 51: Đồng Kè rejected, no baseline); DK1 is on no list. May: Bản Cọ's list (BC1,
    BC2 poor, BC3 near-poor) writes DK1 poor, Đồng Kè's DK2 and DK3. Đồng Kè's month table
    compares with its March list: poor 2, moved out 1 (DK1, 'Chuyển sang Bản Cọ'), 1. Bản Cọ's
    (April's list): poor 2, moved in 1 ('Chuyển đến từ Đồng Kè'), 3: the same move. Before:
    Bản Cọ's month table read DK1 as gone in April (Đồng Kè's April list left it off) and said
    new 1, returned 1 ('Tái nghèo'), the two tables of one month telling two stories."""
    folder, out = new_commune(tmp_path)
    dk = [person("DK1", "poor"), person("DK2", "near_poor"), person("DK3", "poor")]
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk})
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    prepared = date(2024, 5, 3)
    write_roster(folder, "DS_NM_2024-04.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-04", prepared)
    write_roster(folder, "DS_BC_2024-04.xlsx", "Bản Cọ", 200, bc_rows(), "2024-04", prepared)
    write_roster(folder, "DS_DK_2024-04.xlsx", "Đồng Kè", 150, [person("DK2", "near_poor")],
                 "2024-04", prepared)  # fmt: skip
    write_roster(folder, "DanhSach_2024-04.xlsx", None, 150, [person("DK3", "poor")], "2024-04",
                 prepared)  # fmt: skip
    execute(folder, out, "2024-04")
    april = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))
    assert {h["hamlet"]: h["status"] for h in april["hamlets"]} == {
        "Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "rejected"}  # fmt: skip
    for old in folder.glob("DanhSach_*.xlsx"):
        old.unlink()
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), person("DK1", "poor")],
                     "Đồng Kè": [person("DK2", "near_poor"), person("DK3", "poor")]})  # fmt: skip
    assert _poor(may["Bản Cọ"], "movements_month") == {"start": 2, "moved_in": 1, "end": 3}
    assert _poor(may["Đồng Kè"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert _poor(may["Bản Cọ"], "movements") == {"start": 2, "moved_in": 1, "end": 3}
    assert [r for r in listed_movements(out, "2024-05") if r[3] != "Từ đầu năm"] == [
        ("Bản Cọ", "DK1", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "DK1", "Chuyển sang Bản Cọ", "So với tháng 3/2024"),
    ]
