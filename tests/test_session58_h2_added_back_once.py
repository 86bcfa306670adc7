"""Session 58 (helper H2): a hamlet dropped from the plan and added again, compared with its list
before it was dropped, counts at the month's start a household once, where last month's lists
had it (helper H's Left: the commune's month table counted it twice).

Session 56 M's households (tests.test_session56_m_small_merger) and D2's Lộc. April 2024 (the
first stored month): Nà Mòn An 001, Cường 003 poor, Bình 002 near-poor; Khuổi Hin Lộc 011
near-poor; Đồng Kè Giang 007, Tám 010 poor, Hải 008 near-poor. May's plan (no start list) drops
Khuổi Hin, Nà Mòn listing Lộc; June's plan (no start list) has Khuổi Hin again, which lists
Lộc."""

from __future__ import annotations

from datetime import date

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import part_two, table
from tests.test_session56_m_small_merger import (
    AN,
    BINH,
    CUONG,
    GIANG,
    HAI,
    TAM,
    run_month,
    write_plans,
)
from tests.test_session57_d2_lists_alone_share import LOC
from tests.test_session57_d_small_merger_by_lists import plan_without_start_list

APRIL = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC], "Đồng Kè": [GIANG, HAI, TAM]}
MAY = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}


def test_a_household_of_a_hamlet_added_again_on_last_months_list_elsewhere_starts_once(tmp_path):
    """June's month table. Worked by hand: Nà Mòn poor 2 (An, Cường) to 2, near-poor 2 (Bình,
    Lộc: May's list), 1 moved out (Lộc), 1; Khuổi Hin, compared with its April list (Lộc), poor
    0 to 0, near-poor 0 (Lộc was on Nà Mòn's May list, so there at June's start), 1 moved in
    (from Nà Mòn), 1; Đồng Kè poor 2 to 2, near-poor 1 to 1; the commune poor 4 to 4, near-poor
    3 (Bình, Lộc, Hải), 1 out, 1 in, 3 = June's near-poor households. The year's table (from
    April, the first stored month: Lộc in Khuổi Hin) moves nothing: 4 and 3. Before: Khuổi Hin
    near-poor 1 to 1, the commune 4, 1 moved out, none in, 3."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, MAY)
    run_month(folder, out, "2024-05", MAY, date(2024, 6, 3))
    plan_without_start_list(folder, 2024, APRIL)
    summary = run_month(folder, out, "2024-06", APRIL, date(2024, 7, 3))
    month = [
        ("Nà Mòn", ((2, *[0] * 9, 2), (2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1))),
        ("Khuổi Hin", ((0, *[0] * 10), (0, *[0] * 7, 1, 0, 1))),
        ("Đồng Kè", ((2, *[0] * 9, 2), (1, *[0] * 9, 1))),
    ]
    assert [(h["hamlet"], table(h["movements_month"])) for h in summary["hamlets"]] == month
    commune = ((4, *[0] * 9, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert table(summary["totals"]["movements_month"]) == commune
    year = [(4, *[0] * 9, 4), (3, *[0] * 9, 3)]
    assert list(table(summary["totals"]["movements"])) == year
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (4, 3)
    # 'Biến động' part II as the JSON, its total rows too
    assert part_two(out, "2024-06") == [
        ("Nà Mòn", 2, *[0] * 9, 2), ("Khuổi Hin", 0, *[0] * 10), ("Đồng Kè", 2, *[0] * 9, 2),
        ("Tổng cộng", 4, *[0] * 9, 4),
        ("Nà Mòn", 2, 0, 0, 0, 1, *[0] * 5, 1), ("Khuổi Hin", 0, *[0] * 7, 1, 0, 1),
        ("Đồng Kè", 1, *[0] * 9, 1), ("Tổng cộng", 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3),
    ]  # fmt: skip
    assert listed_movements(out, "2024-06") == [
        ("Nà Mòn", "011", "Chuyển sang Khuổi Hin", "So với tháng trước"),
        ("Khuổi Hin", "011", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]
