"""A hamlet merger at the turn of the year (session 47): December run under last year's plan
with the three hamlets, January under the new year's plan merging Bản Cọ into Nà Mòn, its start
list writing December's households of Bản Cọ under Nà Mòn.

The small commune (tests.commune). December 2024: Nà Mòn NM1-NM3, NM5 poor, NM4, NM6
near-poor (NM5 from near-poor, NM6 new in 2024); Bản Cọ BC1, BC2, BC4 poor (BC4 new in 2024),
BC3 'Thoát' (exited in December); Đồng Kè DK1 poor, DK2 near-poor. The 2025 plan: Nà Mòn 300
households, 7 poor (NM1-NM3, NM5, BC1, BC2, BC4), 2 near-poor (NM4, NM6); Đồng Kè 150, 1 and
1; the start list so."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, write_roster
from tests.test_session47_mergers import movement_row


def nm6_rows() -> list[dict]:
    return [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
            person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "near_poor")]  # fmt: skip


def bc4_rows(bc3: str = "near_poor") -> list[dict]:
    return [person("BC1", "poor"), person("BC2", "poor"), person("BC3", bc3),
            person("BC4", "poor")]  # fmt: skip


def dk() -> list[dict]:
    return [person("DK1", "poor"), person("DK2", "near_poor")]


def run_with_lists(folder, out, period: str, lists: dict, prepared: date) -> dict:
    """Run ``period`` with these lists {hamlet: rows}; its JSON summary."""
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    sizes = {"Nà Mòn": 300 if period >= "2025" else 100, "Bản Cọ": 200, "Đồng Kè": 150}
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, sizes[hamlet], rows, period, prepared)
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def merged_at_the_turn(
    tmp_path,
    december: tuple[dict, ...] = (),
    renumbered: dict[str, str] | None = None,
    silent: bool = False,
):
    """November and December 2024 run (BC3 'Thoát' in December); KeHoach_2025.xlsx merges Bản
    Cọ into Nà Mòn (KeHoach_2024.xlsx kept beside it). ``december``: households Bản Cọ lists
    new in December too, off the 2025 start list; ``renumbered``: December's code -> the code
    the 2025 start list writes for its household; ``silent``: Bản Cọ sends no list in December
    (its latest November's, BC3 near-poor)."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": nm6_rows(), "Bản Cọ": bc4_rows(), "Đồng Kè": dk()}
    run_with_lists(folder, out, "2024-11", lists, date(2024, 12, 3))
    lists["Bản Cọ"] = [*bc4_rows("exited"), *december]
    if silent:
        del lists["Bản Cọ"]
    run_with_lists(folder, out, "2024-12", lists, date(2025, 1, 3))
    hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    hamlets[0].update(start_households=300, start_poor=7, start_near_poor=2)
    codes = renumbered or {}
    start = [dict(row, hamlet="Nà Mòn", ma_ho=codes.get(row["ma_ho"], row["ma_ho"]))
             for row in [*nm6_rows(), *bc4_rows()] if row["ma_ho"] != "BC3"] + [
        dict(row, hamlet="Đồng Kè") for row in dk()]  # fmt: skip
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        start)  # fmt: skip
    return folder, out


def test_january_after_a_merger_at_the_turn_of_the_year_starts_from_the_new_start_list(tmp_path):
    """January 2025: Nà Mòn lists its six, Bản Cọ's four (BC3 near-poor again), Đồng Kè its
    own. Nà Mòn, merged from Bản Cọ since January: start the 2025 start list (7 poor, 2
    near-poor), none listed in December new or exited; BC3, exited in December and off the
    start list, is new and back in poverty (tái nghèo): near-poor 2 + 1 = 3. The commune 8 and
    3 + 1 = 4; the month's table as the year's. February the same lists: nothing moves; January
    run again after it gives the same JSON."""
    folder, out = merged_at_the_turn(tmp_path)
    january = {"Nà Mòn": [*nm6_rows(), *bc4_rows()], "Đồng Kè": dk()}
    summary = run_with_lists(folder, out, "2025-01", january, date(2025, 2, 3))
    na_mon = {h["hamlet"]: h for h in summary["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon["merged_from"], na_mon["merged_since"]) == (
        "ok", ["Bản Cọ"], {"Bản Cọ": "2025-01"})  # fmt: skip
    for table in ("movements_month", "movements"):
        moves = na_mon[table]
        assert (movement_row(moves, "poor"), moves["poor"]["returned"]) == ((7, 0, 0, 0, 0, 7), 0)
        assert (movement_row(moves, "near_poor"), moves["near_poor"]["returned"]) == (
            (2, 1, 0, 0, 0, 3), 1)  # fmt: skip
        commune = summary["totals"][table]
        assert (movement_row(commune, "poor"), movement_row(commune, "near_poor")) == (
            (8, 0, 0, 0, 0, 8), (3, 1, 0, 0, 0, 4))  # fmt: skip
    written = (out / "2025-01" / "TongHop_2025-01.json").read_bytes()
    february = run_with_lists(folder, out, "2025-02", january, date(2025, 3, 3))
    moves = {h["hamlet"]: h for h in february["hamlets"]}["Nà Mòn"]["movements_month"]
    assert (movement_row(moves, "poor"), movement_row(moves, "near_poor")) == (
        (7, 0, 0, 0, 0, 7), (3, 0, 0, 0, 0, 3))  # fmt: skip
    run_with_lists(folder, out, "2025-01", january, date(2025, 2, 3))
    assert (out / "2025-01" / "TongHop_2025-01.json").read_bytes() == written


def test_the_old_heads_list_apart_in_january_is_held(tmp_path):
    """January 2025: Nà Mòn lists its six alone, Bản Cọ's old head sends BC1, BC2, BC4 under
    'Bản Cọ' (all on the 2025 start list under Nà Mòn). A list apart (session 25): Nà Mòn left
    out, BC1, BC2, BC4 held ('chưa tính'): poor 7 - 3 not counted = 4, near-poor 2; the
    commune Đồng Kè alone, 1 and 1."""
    folder, out = merged_at_the_turn(tmp_path)
    ban_co = [p for p in bc4_rows() if p["ma_ho"] != "BC3"]
    summary = run_with_lists(folder, out, "2025-01", {"Nà Mòn": nm6_rows(), "Bản Cọ": ban_co,
                                                       "Đồng Kè": dk()}, date(2025, 2, 3))  # fmt: skip
    na_mon = {h["hamlet"]: h for h in summary["hamlets"]}["Nà Mòn"]
    assert (na_mon["status"], na_mon["incomplete"]["reason"]) == ("rejected", "merged-list-apart")
    moves = na_mon["movements_month"]
    assert (movement_row(moves, "poor"), moves["poor"]["not_counted"]) == ((7, 0, 0, 0, 0, 4), 3)
    assert movement_row(moves, "near_poor") == (2, 0, 0, 0, 0, 2)
    commune = summary["totals"]["movements_month"]
    assert (movement_row(commune, "poor"), movement_row(commune, "near_poor")) == (
        (1, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 1))  # fmt: skip
