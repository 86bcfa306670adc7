"""Session 66 (helper A): a household its hamlet's list held apart leaves off, counted on
another hamlet's list next while its own hamlet sends nothing, is moved in from that hamlet's
latest list with a baseline, not back (the oracle's `--apart` seed 2919: Nà Mòn's May list
writes H0S4 near-poor, its June list is held apart without it, July Nà Mòn sends nothing and
Bản Cọ's list writes H0S4 poor; the pipeline said new 1, returned 1, the oracle moved in 1).

Session 62 B2's shape with the hamlet silent in the month after its list held apart: a list
held apart has no baseline (session 42), so what it left off is no leaving yet (sessions 62
B2, 63 H2), and a hamlet silent now is in the month's baselines by its latest list (session
59, A): the household moved in from there, as the year's table has it, and that hamlet's next
table moves it out: one story.

The small commune (tests.commune): DK1 poor, DK2 near-poor on Đồng Kè's start list, DK3 a new
poor household of Đồng Kè; BC1, BC2 poor, BC3 near-poor on Bản Cọ's."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements


def _poor(hamlet: dict, scope: str) -> dict:
    """The poor columns of a table that are not 0."""
    return {k: v for k, v in hamlet[scope]["poor"].items() if v}


def test_left_off_a_list_held_apart_counted_elsewhere_while_silent_is_moved_in(tmp_path):
    """Worked by hand. March: the three hamlets' lists (Đồng Kè: DK1, DK3 poor, DK2
    near-poor). April: Đồng Kè's list writes DK2 alone and a list naming no hamlet DK3 (held
    apart, session 51: Đồng Kè rejected, no baseline); DK1 is on no list. May: Đồng Kè sends
    nothing; Bản Cọ's list (its 'Xóm' cell in decomposed Unicode) writes BC1, BC2 poor, BC3
    near-poor and DK1 poor. The month's baselines: Nà Mòn's and Bản Cọ's April lists, Đồng
    Kè's March list (its latest with a baseline; silent now): DK1 poor there. Bản Cọ's month
    table: poor 2 (BC1, BC2), moved in 1 (DK1, 'Chuyển đến từ Đồng Kè'), 3; its year's table
    alike (DK1 on Đồng Kè's start list). Before: the month table read DK1 as gone in April
    (Đồng Kè's list held apart left it off) and said new 1, returned 1 ('Tái nghèo').
    June: the three lists, Đồng Kè's DK2 near-poor, DK3 poor. Đồng Kè's month table compares
    with its March list: poor 2 (DK1, DK3), moved out 1 (DK1, 'Chuyển sang Bản Cọ'), 1; Bản
    Cọ's (May's list) moves nothing: the move told once in each of the two tables, in May
    the move in, in June the move out (session 59 A's unmatched move in, matched in the
    silent hamlet's first table)."""
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
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    prepared = date(2024, 6, 3)
    write_roster(folder, "DS_NM_2024-05.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-05", prepared)
    write_roster(folder, "DS_BC_2024-05.xlsx", unicodedata.normalize("NFD", "Bản Cọ"), 200,
                 [*bc_rows(), person("DK1", "poor")], "2024-05", prepared)  # fmt: skip
    execute(folder, out, "2024-05")
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    may = {h["hamlet"]: h for h in summary["hamlets"]}
    assert {h: may[h]["status"] for h in may} == {
        "Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "missing"}  # fmt: skip
    assert _poor(may["Bản Cọ"], "movements_month") == {"start": 2, "moved_in": 1, "end": 3}
    assert _poor(may["Bản Cọ"], "movements") == {"start": 2, "moved_in": 1, "end": 3}
    assert _poor(may["Nà Mòn"], "movements_month") == {"start": 3, "end": 3}
    assert listed_movements(out, "2024-05") == [
        ("Bản Cọ", "DK1", "Chuyển đến từ Đồng Kè", "Từ đầu năm"),
        ("Bản Cọ", "DK1", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
    ]
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), person("DK1", "poor")],
                      "Đồng Kè": [person("DK2", "near_poor"), person("DK3", "poor")]})  # fmt: skip
    assert _poor(june["Đồng Kè"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert _poor(june["Bản Cọ"], "movements_month") == {"start": 3, "end": 3}
    assert [r for r in listed_movements(out, "2024-06") if r[3] != "Từ đầu năm"] == [
        ("Đồng Kè", "DK1", "Chuyển sang Bản Cọ", "So với tháng 3/2024"),
    ]
