"""Session 58 (helper H): a hamlet new in a plan revised with a start list counts a household
at the month's start once, where last month's lists had it (D3's Left of "Session 57: a hamlet
new in a plan without a start list starts its tables from none").

Session 56 M's households (tests.test_session56_m_small_merger) and D2's Lộc. April 2024 (the
2024 plan's start list April's lists): Nà Mòn An 001, Cường 003 poor, Bình 002, Lộc 011
near-poor; Đồng Kè Giang 007, Tám 010 poor, Hải 008 near-poor. May's plan, revised with a start
list, adds Khuổi Hin, its start list (and May's lists) putting Lộc and Tám there."""

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

APRIL = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
MAY = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC, TAM], "Đồng Kè": [GIANG, HAI]}
MAI = ("012", "Hoàng Thị Mai", 1962, "poor")  # on no list of April's


def _may(tmp_path, may: dict) -> tuple:
    """April run, May's plan revised with ``may`` as its start list, May run with ``may``.
    Returns May's JSON and the output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    write_plans(folder, {2024: may})
    return run_month(folder, out, "2024-05", may, date(2024, 6, 3)), out


def _tables(summary: dict, key: str) -> tuple:
    """Each hamlet's (name, table of ``key``) and the commune's."""
    return (
        [(h["hamlet"], table(h[key])) for h in summary["hamlets"]],
        table(summary["totals"][key]),
    )


def test_a_household_moved_into_a_hamlet_new_in_a_revised_plan_starts_the_month_once(tmp_path):
    """Worked by hand, the month table against April's lists: Nà Mòn poor 2 to 2, near-poor 2,
    1 moved out (Lộc), 1; Khuổi Hin poor 0, 1 moved in (Tám), 1, near-poor 0, 1 moved in (Lộc),
    1; Đồng Kè poor 2, 1 moved out (Tám), 1, near-poor 1 to 1; the commune poor 4 (April's
    An, Cường, Giang, Tám), 1 out, 1 in, 4, near-poor 3 (Bình, Lộc, Hải), 1 out, 1 in, 3. The
    year's table against the revised start list moves nothing: Nà Mòn 2 and 1, Khuổi Hin 1 and
    1, Đồng Kè 1 and 1, the commune 4 and 3. Before: Khuổi Hin's month table started from the
    start list's Lộc and Tám (poor 1 to 1, near-poor 1 to 1), so the commune's started from 5
    poor and 4 near-poor, 1 moved out, none in, ending 4 and 3."""
    summary, out = _may(tmp_path, MAY)
    month = [
        ("Nà Mòn", ((2, *[0] * 9, 2), (2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1))),
        ("Khuổi Hin", ((0, *[0] * 7, 1, 0, 1), (0, *[0] * 7, 1, 0, 1))),
        ("Đồng Kè", ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), (1, *[0] * 9, 1))),
    ]
    commune = ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert _tables(summary, "movements_month") == (month, commune)
    year = [
        ("Nà Mòn", ((2, *[0] * 9, 2), (1, *[0] * 9, 1))),
        ("Khuổi Hin", ((1, *[0] * 9, 1), (1, *[0] * 9, 1))),
        ("Đồng Kè", ((1, *[0] * 9, 1), (1, *[0] * 9, 1))),
    ]
    assert _tables(summary, "movements") == (year, ((4, *[0] * 9, 4), (3, *[0] * 9, 3)))
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (4, 3)
    # 'Biến động' part II (the month's table) as the JSON, its total row's cached values too
    assert part_two(out, "2024-05") == [
        ("Nà Mòn", 2, *[0] * 9, 2), ("Khuổi Hin", 0, *[0] * 7, 1, 0, 1),
        ("Đồng Kè", 2, 0, 0, 0, 1, *[0] * 5, 1), ("Tổng cộng", 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4),
        ("Nà Mòn", 2, 0, 0, 0, 1, *[0] * 5, 1), ("Khuổi Hin", 0, *[0] * 7, 1, 0, 1),
        ("Đồng Kè", 1, *[0] * 9, 1), ("Tổng cộng", 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3),
    ]  # fmt: skip
    assert listed_movements(out, "2024-05") == [
        ("Nà Mòn", "011", "Chuyển sang Khuổi Hin", "So với tháng trước"),
        # compared with the lists they left (session 58, H2)
        ("Khuổi Hin", "010", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Khuổi Hin", "011", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
        ("Đồng Kè", "010", "Chuyển sang Khuổi Hin", "So với tháng trước"),
    ]


def test_a_household_of_the_new_hamlet_on_no_list_last_month_starts_there(tmp_path):
    """The revised start list puts Mai 012 (poor, on no list of April's) in Khuổi Hin too, and
    Khuổi Hin lists her in May. The start list is the plan's word on the hamlet's households, as
    for a hamlet silent last month: she is at the start there (once). Worked by hand: Khuổi Hin
    poor 1 (Mai), 1 moved in (Tám), 2, near-poor 0, 1 in (Lộc), 1; the commune poor 5, 1 out, 1
    in, 5, near-poor 3, 1 out, 1 in, 3 = its counted households (An, Cường, Tám, Mai, Giang;
    Bình, Lộc, Hải). Before: Khuổi Hin poor 2 (Mai, Tám) to 2, the commune 6, 1 out, 5."""
    may = {**MAY, "Khuổi Hin": [LOC, TAM, MAI]}
    summary, out = _may(tmp_path, may)
    hamlets, commune = _tables(summary, "movements_month")
    assert hamlets[1] == ("Khuổi Hin", ((1, *[0] * 7, 1, 0, 2), (0, *[0] * 7, 1, 0, 1)))
    assert commune == ((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (5, 3)
    assert part_two(out, "2024-05")[3] == ("Tổng cộng", 5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5)


def test_a_new_hamlet_silent_in_its_first_month_beside_its_households_old_lists(tmp_path):
    """(b) The same revised plan; Khuổi Hin sends nothing in May, and Nà Mòn and Đồng Kè still
    list Lộc and Tám in May (April's lists again); June Khuổi Hin lists them, the others as
    May's plan has them. June's month table compares Khuổi Hin, missing in May, with its start
    list: Lộc and Tám were on May's lists of the others, so there. Worked by hand: Khuổi Hin
    poor 0, 1 moved in, 1, near-poor 0, 1 moved in, 1; Nà Mòn near-poor 2, 1 out, 1; Đồng Kè
    poor 2, 1 out, 1; the commune poor 4, 1 out, 1 in, 4, near-poor 3, 1 out, 1 in, 3. Before:
    Khuổi Hin 1 to 1 and 1 to 1, the commune 5 − 1 = 4 and 4 − 1 = 3."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    write_plans(folder, {2024: MAY})
    run_month(folder, out, "2024-05", APRIL, date(2024, 6, 3))
    summary = run_month(folder, out, "2024-06", MAY, date(2024, 7, 3))
    month = [
        ("Nà Mòn", ((2, *[0] * 9, 2), (2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1))),
        ("Khuổi Hin", ((0, *[0] * 7, 1, 0, 1), (0, *[0] * 7, 1, 0, 1))),
        ("Đồng Kè", ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), (1, *[0] * 9, 1))),
    ]
    commune = ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert _tables(summary, "movements_month") == (month, commune)
    assert part_two(out, "2024-06")[3] == ("Tổng cộng", 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4)
