"""Session 58 (helper B): the QA gate's `--turn` seed 1227 ("Found, the pipeline, not fixed" of
"Session 57: the QA gate on the merged code"): a household of a hamlet merged at the year's
turn and silent in December, on another hamlet's January list while the hamlet its own joined
is silent in January.

The commune of tests.test_session47_merger_year_turn: November 2024 Nà Mòn NM1-NM3, NM5 poor,
NM4, NM6 near-poor; Bản Cọ BC1, BC2, BC4 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor.
Bản Cọ sends no December list (Nà Mòn and Đồng Kè send theirs, as in November). The 2025 plan
merges Bản Cọ into Nà Mòn: its start list writes BC1, BC2, BC4 under Nà Mòn (their codes kept,
or renumbered NM7-NM9), BC3 off it. January 2025: Nà Mòn sends nothing; Đồng Kè lists DK1,
DK2 and Bản Cọ's BC2 (poor)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, write_plan
from tests.test_session47_merger_year_turn import (
    bc4_rows,
    dk,
    merged_at_the_turn,
    nm6_rows,
    run_with_lists,
)
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import RENUMBERED, part_two, table, warned
from tests.test_session57_a_turn_silent_moved import part_one

# the eleven columns of a table row (start, to the other list, exited, not counted, moved out,
# from the other list, new, returned, moved in, recounted, end)
STILL_1 = (1, *[0] * 9, 1)
MOVED_IN_1 = (1, *[0] * 7, 1, 0, 2)  # start 1, moved in 1, end 2
NEW_1 = (1, *[0] * 5, 1, 0, 0, 0, 2)  # start 1, new 1, end 2
BLANK = (None,) * 11


def bc2_in_dong_ke(tmp_path, codes: dict[str, str]) -> tuple[dict, Path]:
    """November and December 2024 (Bản Cọ silent in December), the 2025 plan merging Bản Cọ
    into Nà Mòn (``codes``: its codes renumbered on the start list, or kept), and January 2025
    run: Nà Mòn silent, Đồng Kè's list DK1, DK2 and BC2 as the start list writes it. Returns
    the January JSON and the output folder."""
    folder, out = merged_at_the_turn(tmp_path, renumbered=codes, silent=True)
    bc2 = [dict(r, ma_ho=codes.get("BC2", "BC2")) for r in bc4_rows() if r["ma_ho"] == "BC2"]
    summary = run_with_lists(folder, out, "2025-01", {"Đồng Kè": [*dk(), *bc2]}, date(2025, 2, 3))
    return summary, out


def test_a_merged_silent_hamlets_household_moved_while_its_joined_hamlet_is_silent(tmp_path):
    """Worked by hand. BC2 was poor on Bản Cọ's latest list of 2024 (November), and the start
    list writes it under Nà Mòn, which sent December: as the start list has the commune at the
    turn, BC2 is Nà Mòn's household in both of January's baselines, as it is where Nà Mòn sends
    January (session 56, B: Bản Cọ's start rows are Nà Mòn's December baseline). Đồng Kè's
    year's table (the start list: DK1 poor, DK2 near-poor): poor 1, moved in 1 (BC2, "Chuyển
    đến từ Nà Mòn"), 2; near-poor 1 to 1. Its month table (December: DK1, DK2; BC2 on Nà Mòn's
    December baseline): the same, moved in 1 from Nà Mòn. Nà Mòn is missing (no table), so
    the commune's tables are Đồng Kè's. Before: the month table said BC2 new ("Phát sinh
    mới": poor 1, new 1, 2), the merged hamlet's households being in the month's baseline only
    where the hamlet it joined sends January; the year's table moved in."""
    for codes in ({}, RENUMBERED):
        place = tmp_path / str(len(codes))
        place.mkdir()
        summary, out = bc2_in_dong_ke(place, codes)
        code = codes.get("BC2", "BC2")
        na_mon, dong_ke = summary["hamlets"]
        assert (code, na_mon["hamlet"], na_mon["status"], na_mon.get("merged_from")) == (
            code, "Nà Mòn", "missing", None)  # fmt: skip
        assert (code, dong_ke["hamlet"], dong_ke["movements_month_from"]) == (code, "Đồng Kè", None)
        for scope in ("movements", "movements_month"):
            assert (code, scope, table(dong_ke[scope])) == (code, scope, (MOVED_IN_1, STILL_1))
            assert (code, scope, table(summary["totals"][scope])) == (
                code, scope, (MOVED_IN_1, STILL_1))  # fmt: skip
        # 'Biến động' (the cached values): part I the year's table, part II the month's; Nà
        # Mòn's rows blank (no list)
        both = [("Nà Mòn", *BLANK), ("Đồng Kè", *MOVED_IN_1), ("Tổng cộng", *MOVED_IN_1),
                ("Nà Mòn", *BLANK), ("Đồng Kè", *STILL_1), ("Tổng cộng", *STILL_1)]  # fmt: skip
        assert (code, part_one(out, "2025-01")) == (code, both)
        assert (code, part_two(out, "2025-01")) == (code, both)
        assert (code, listed_movements(out, "2025-01")) == (
            code,
            [("Đồng Kè", code, "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
             ("Đồng Kè", code, "Chuyển đến từ Nà Mòn", "So với tháng trước")],
        )  # fmt: skip
        assert (code, warned(out, "2025-01")) == (code, ["plan-commune-target-above-start"])


def test_one_the_start_list_writes_in_a_third_hamlet_stays_new_where_it_is_now(tmp_path):
    """A guard of the decision's edge. Bản Cọ of six in November (BC1, BC2, BC4-BC6 poor, BC3
    near-poor), silent in December; the 2025 plan merges it into Nà Mòn, its start list writing
    BC1, BC2, BC5, BC6 under Nà Mòn (4 of the 5 it keeps: the merger) and BC4 under Đồng Kè
    (moved at the turn); January: Nà Mòn silent, Đồng Kè's list DK1, DK2 and BC4. The year's
    table: BC4 on Đồng Kè's start list, nothing moved (poor 2 to 2). The month's: the hamlet
    BC4 left at the turn (Nà Mòn, which Bản Cọ joined) has no table now for the move to match,
    as a hamlet silent in December and January (session 57, seed 550): BC4 is new (poor 1, new
    1, 2), as before this session; where Nà Mòn sends January it is moved in (session 56, N).
    Taking the start list's third-hamlet rows into Nà Mòn's baseline too fails it (moved in)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    six = [*bc4_rows(), person("BC5", "poor"), person("BC6", "poor")]
    lists = {"Nà Mòn": nm6_rows(), "Bản Cọ": six, "Đồng Kè": dk()}
    run_with_lists(folder, out, "2024-11", lists, date(2024, 12, 3))
    del lists["Bản Cọ"]
    run_with_lists(folder, out, "2024-12", lists, date(2025, 1, 3))
    hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    hamlets[0].update(start_households=300, start_poor=8, start_near_poor=2)
    hamlets[1].update(start_poor=2)
    start = [dict(row, hamlet="Nà Mòn") for row in [*nm6_rows(), *six]
             if row["ma_ho"] not in ("BC3", "BC4")] + [
        dict(row, hamlet="Đồng Kè") for row in [*dk(), *six]
        if row["ma_ho"] in ("DK1", "DK2", "BC4")]  # fmt: skip
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        start)  # fmt: skip
    bc4 = [r for r in six if r["ma_ho"] == "BC4"]
    summary = run_with_lists(folder, out, "2025-01", {"Đồng Kè": [*dk(), *bc4]}, date(2025, 2, 3))
    dong_ke = summary["hamlets"][1]
    assert table(dong_ke["movements"]) == ((2, *[0] * 9, 2), STILL_1)
    assert table(dong_ke["movements_month"]) == (NEW_1, STILL_1)
    assert listed_movements(out, "2025-01") == [
        ("Đồng Kè", "BC4", "Phát sinh mới", "So với tháng trước")]  # fmt: skip
