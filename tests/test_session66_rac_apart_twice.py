"""Session 66 (reviewer RAC): A's rule (tests/test_session66_a_apart_then_silent.py) with two
lists held apart in a row, the household on the first of them: Đồng Kè's March list (counted)
writes DK1 poor; its April list, held apart (a list naming no hamlet holds DK3), writes DK1
too; its May list, held apart again (DK3 on a list naming no hamlet), leaves DK1 off; June Đồng
Kè sends nothing and Bản Cọ's list writes DK1 poor.

Neither list held apart has a baseline (session 42): what the May list left off is no leaving
yet (sessions 62 B2, 66 A), and Đồng Kè's latest list with a baseline, March's, counts DK1: the
month's baselines hold it there (session 59 A), so Bản Cọ's June table moves it in from Đồng Kè,
as the year's table does (the oracle's `seen_since`: DK1 in Đồng Kè's baseline, March's, so
not left). Before: A's `on_apart` read DK1's last listing, April's list apart, as making it no
baseline's (a rule for one whose only listing since the baseline is on a list apart), so
Bản Cọ's June month table said new 1, returned 1 ('Tái nghèo')."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements


def _poor(hamlet: dict, scope: str) -> dict:
    return {k: v for k, v in hamlet[scope]["poor"].items() if v}


def apart_month(folder, out, month: str, dk: list[dict], prepared: date) -> dict:
    """Nà Mòn's and Bản Cọ's lists as March's, Đồng Kè's ``dk`` beside a list naming no
    hamlet holding DK3 (Đồng Kè held apart)."""
    for old in [*folder.glob("DS_*.xlsx"), *folder.glob("DanhSach_*.xlsx")]:
        old.unlink()
    write_roster(folder, f"DS_NM_{month}.xlsx", "Nà Mòn", 100, na_mon_rows(), month, prepared)
    write_roster(folder, f"DS_BC_{month}.xlsx", "Bản Cọ", 200, bc_rows(), month, prepared)
    write_roster(folder, f"DS_DK_{month}.xlsx", "Đồng Kè", 150, dk, month, prepared)
    write_roster(folder, f"DanhSach_{month}.xlsx", None, 150, [person("DK3", "poor")], month,
                 prepared)  # fmt: skip
    execute(folder, out, month)
    return json.loads((out / month / f"TongHop_{month}.json").read_text("utf-8"))


def test_on_a_list_apart_then_left_off_a_second_one_silent_after_is_moved_in(tmp_path):
    """Worked by hand. March: the three lists (Đồng Kè DK1, DK3 poor, DK2 near-poor). April
    and May: Đồng Kè held apart (DK3 on a list naming no hamlet), its own list DK1 poor and DK2
    near-poor in April, DK2 alone in May. June: Đồng Kè sends nothing; Bản Cọ writes BC1, BC2
    poor, BC3 near-poor and DK1 poor. The month's baselines: Nà Mòn's and Bản Cọ's May lists,
    Đồng Kè's March list (DK1 poor). Bản Cọ's June month table: poor 2, moved in 1 (DK1,
    'Chuyển đến từ Đồng Kè'), 3; its year's table alike; Nà Mòn's 3 to 3."""
    folder, out = new_commune(tmp_path)
    dk = [person("DK1", "poor"), person("DK2", "near_poor"), person("DK3", "poor")]
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk})
    april = apart_month(folder, out, "2024-04",
                         [person("DK1", "poor"), person("DK2", "near_poor")], date(2024, 5, 3))  # fmt: skip
    may = apart_month(folder, out, "2024-05", [person("DK2", "near_poor")], date(2024, 6, 3))
    for summary in (april, may):
        assert {h["hamlet"]: h["status"] for h in summary["hamlets"]} == {
            "Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "rejected"}  # fmt: skip
    for old in [*folder.glob("DS_*.xlsx"), *folder.glob("DanhSach_*.xlsx")]:
        old.unlink()
    prepared = date(2024, 7, 3)
    write_roster(folder, "DS_NM_2024-06.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-06", prepared)
    write_roster(folder, "DS_BC_2024-06.xlsx", "Xóm  bản cọ", 200,
                 [*bc_rows(), person("DK1", "poor")], "2024-06", prepared)  # fmt: skip
    execute(folder, out, "2024-06")
    june = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8"))
    by = {h["hamlet"]: h for h in june["hamlets"]}
    assert {h: by[h]["status"] for h in by} == {
        "Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "missing"}  # fmt: skip
    assert _poor(by["Bản Cọ"], "movements_month") == {"start": 2, "moved_in": 1, "end": 3}
    assert _poor(by["Bản Cọ"], "movements") == {"start": 2, "moved_in": 1, "end": 3}
    assert _poor(by["Nà Mòn"], "movements_month") == {"start": 3, "end": 3}
    assert listed_movements(out, "2024-06") == [
        ("Bản Cọ", "DK1", "Chuyển đến từ Đồng Kè", "Từ đầu năm"),
        ("Bản Cọ", "DK1", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
    ]
