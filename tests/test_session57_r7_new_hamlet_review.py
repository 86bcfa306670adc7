"""Session 57 (helper R7): review of D3's hamlet new in a plan without a start list
(baselines._new_in_plan). Session 56 M's households (tests.test_session56_m_small_merger) and
D2's Lộc; April 2024 the first stored month (the 2024 plan's start list April's lists); the plan
revised for May without a start list adds Khuổi Hin."""

from __future__ import annotations

from datetime import date

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


def _tables(summary: dict, key: str) -> tuple:
    return (
        [(h["hamlet"], table(h[key]) if h[key] is not None else None)
         for h in summary["hamlets"]],
        table(summary["totals"][key]),
    )  # fmt: skip


def test_a_hamlet_new_in_the_plan_silent_in_its_first_month_starts_from_none_after(tmp_path):
    """April: Nà Mòn An, Cường poor, Bình, Lộc near-poor; Đồng Kè Giang, Tám poor, Hải
    near-poor. May's plan (no start list) adds Khuổi Hin, which sends nothing in May (Nà Mòn
    An, Bình, Cường; Đồng Kè Giang, Hải: Lộc, Tám on no list, exited); June it lists Lộc and
    Tám, the others as May. Worked by hand, June. The year's tables (from April): Nà Mòn poor
    2 to 2, near-poor 2, 1 moved out (Lộc), 1; Khuổi Hin poor 0, 1 moved in (Tám), 1, near-poor
    0, 1 moved in (Lộc), 1; Đồng Kè poor 2, 1 moved out (Tám), 1, near-poor 1 to 1; the commune
    poor 4, out 1, in 1, 4, near-poor 3, out 1, in 1, 3. The month's (May's lists): Nà Mòn 2 to
    2, 1 to 1; Đồng Kè 1 to 1, 1 to 1; Khuổi Hin poor 0, new 1 of which returned 1 (Tám, on no
    list in May), 1, near-poor alike (Lộc); the commune poor 3, new 1 (returned 1), 4,
    near-poor 2, new 1 (returned 1), 3 = its counted 4 and 3. 'Biến động' part II's cached
    values as the month's JSON. Before: Khuổi Hin had no tables (May's summary named it
    missing), the commune's year poor 4 − 1 = 3, near-poor 3 − 1 = 2, its month 3 and 2."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    april = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    june = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC, TAM], "Đồng Kè": [GIANG, HAI]}
    plan_without_start_list(folder, 2024, june)
    may = {"Nà Mòn": [AN, BINH, CUONG], "Đồng Kè": [GIANG, HAI]}
    run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    summary = run_month(folder, out, "2024-06", june, date(2024, 7, 3))
    year = [
        ("Nà Mòn", ((2, *[0] * 9, 2), (2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1))),
        ("Khuổi Hin", ((0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1), (0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1))),
        ("Đồng Kè", ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), (1, *[0] * 9, 1))),
    ]
    commune = ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert _tables(summary, "movements") == (year, commune)
    back = (0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1)
    month = [
        ("Nà Mòn", ((2, *[0] * 9, 2), (1, *[0] * 9, 1))),
        ("Khuổi Hin", (back, back)),
        ("Đồng Kè", ((1, *[0] * 9, 1), (1, *[0] * 9, 1))),
    ]
    commune = ((3, 0, 0, 0, 0, 0, 1, 1, 0, 0, 4), (2, 0, 0, 0, 0, 0, 1, 1, 0, 0, 3))
    assert _tables(summary, "movements_month") == (month, commune)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (4, 3)
    rows = [(h, *t[0]) for h, t in month] + [("Tổng cộng", *commune[0])]
    rows += [(h, *t[1]) for h, t in month] + [("Tổng cộng", *commune[1])]
    assert part_two(out, "2024-06") == rows
