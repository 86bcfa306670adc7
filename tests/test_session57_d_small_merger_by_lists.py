"""Session 57 (helper D): M's Left of "Session 56: a small hamlet merged by the plan's start
list …": a plan revised without a start list (the heads' lists alone) that drops a small hamlet
whose households but one are on the list of one hamlet it has is a merger, not a split.

Session 56 M's commune (tests.test_session56_m_small_merger): April 2024 (or December 2024)
Nà Mòn Lò Văn An 001, Lò Văn Cường 003 poor, Lò Văn Bình 002 near-poor; Bản Cọ Hà Thị Dung
004, Hà Thị Em 005, Lò Văn Tám 010 poor, Hà Thị Phương 006 near-poor; Đồng Kè Ma Văn Giang 007
poor, Ma Văn Hải 008 near-poor. The plan revised in May (or 2025's plan) has no Bản Cọ and no
start list; May's (January's) lists write Dung, Em, Phương under Nà Mòn, Tám under Đồng Kè."""

from __future__ import annotations

from datetime import date

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import part_two, table
from tests.test_session56_m_small_merger import (
    AN,
    BINH,
    CUONG,
    DECEMBER,
    DUNG,
    EM,
    GIANG,
    HAI,
    PHUONG,
    merged_lists,
    run_month,
    write_plans,
)

# start, to the other list, exited, not counted, moved out, from the other list, new, returned,
# moved in, recounted, end
MERGED_MONTH = {
    "Nà Mòn": ((5, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4), (2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2)),
    "Đồng Kè": ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
}
MERGED_COMMUNE = ((6, 0, 0, 0, 1, 0, 0, 0, 1, 0, 6), (3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3))


def plan_without_start_list(folder, year: int, lists: dict[str, list[tuple]]) -> None:
    """KeHoach_{year}.xlsx with the hamlets of ``lists`` (100 households each, their start
    counts from its rows) and no start list."""
    hamlets = [dict(hamlet=h, start_households=100, poor_target=1, near_poor_target=0,
                    start_poor=[r[3] for r in rows].count("poor"),
                    start_near_poor=[r[3] for r in rows].count("near_poor"))
               for h, rows in lists.items()]  # fmt: skip
    info = {**PLAN_INFO, "plan_year": year, "poor_target": 0.5, "near_poor_target": 0.0}
    write_plan_workbook(folder / f"KeHoach_{year}.xlsx", info, hamlets, None)


def month_tables(summary: dict) -> tuple:
    """Each hamlet's (name, merged_from, month table) and the commune's month table."""
    return (
        [(h["hamlet"], h.get("merged_from"), table(h["movements_month"]))
         for h in summary["hamlets"]],
        table(summary["totals"]["movements_month"]),
    )  # fmt: skip


def test_a_hamlet_of_four_dropped_by_a_plan_revised_without_a_start_list_is_merged(tmp_path):
    """April 2024 as above (the 2024 plan's start list so); the plan revised for May without
    Bản Cọ and without a start list. Worked by hand: 3 of Bản Cọ's 4 households on Nà Mòn's May
    list, 1 on Đồng Kè's: merged into Nà Mòn, Tám moved. Nà Mòn's month table against both
    April lists: poor An, Cường, Dung, Em, Tám 5, moved out 1 (Tám), 4; near-poor Bình, Phương
    2 to 2. Đồng Kè poor Giang 1, moved in 1 (Tám), 2; near-poor Hải 1 to 1. The commune poor
    6, 1 out, 1 in, 6; near-poor 3 to 3. The year's table (April, the year's first stored
    month, under the names now) the same. Before (3 of 4 under 4 in 5, the lists alone): a
    split, no 'merged_from'; Nà Mòn poor 2 + 2 moved in = 4, near-poor 1 + 1 = 2; the commune
    poor 3, moved in 3, 6 (Bản Cọ's April left out), near-poor 2, in 1, 3; four "Chuyển đến
    từ Bản Cọ"."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: DECEMBER})
    run_month(folder, out, "2024-04", DECEMBER, date(2024, 5, 3))
    may = merged_lists({})
    plan_without_start_list(folder, 2024, may)
    summary = run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    na_mon = summary["hamlets"][0]
    assert (na_mon["hamlet"], na_mon.get("merged_since")) == ("Nà Mòn", {"Bản Cọ": "2024-05"})
    assert month_tables(summary) == (
        [("Nà Mòn", ["Bản Cọ"], MERGED_MONTH["Nà Mòn"]),
         ("Đồng Kè", None, MERGED_MONTH["Đồng Kè"])],
        MERGED_COMMUNE,
    )  # fmt: skip
    assert [table(h["movements"]) for h in summary["hamlets"]] == [
        MERGED_MONTH["Nà Mòn"], MERGED_MONTH["Đồng Kè"]]  # fmt: skip
    assert table(summary["totals"]["movements"]) == MERGED_COMMUNE
    assert part_two(out, "2024-05") == [
        *[(name, *MERGED_MONTH[name][0]) for name in MERGED_MONTH],
        ("Tổng cộng", *MERGED_COMMUNE[0]),
        *[(name, *MERGED_MONTH[name][1]) for name in MERGED_MONTH],
        ("Tổng cộng", *MERGED_COMMUNE[1]),
    ]
    assert listed_movements(out, "2024-05") == [
        ("Nà Mòn", "010", "Chuyển sang Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "010", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "010", "Chuyển sang Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "010", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]


def test_a_hamlet_of_four_dropped_at_the_turn_by_a_plan_without_a_start_list_is_merged(tmp_path):
    """December 2024 as above; the 2025 plan without Bản Cọ and without a start list; January's
    lists as May's above. Worked by hand: January's month table against December's lists as
    May's against April's (Nà Mòn 5, 1 out, 4 and 2 to 2; Đồng Kè 1, 1 in, 2 and 1 to 1; the
    commune 6, 1 out, 1 in, 6 and 3 to 3); no year's table (no start list, no month of 2025
    stored before). Before: a split, the commune poor 3, moved in 3, 6."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: DECEMBER})
    run_month(folder, out, "2024-12", DECEMBER, date(2025, 1, 3))
    january = merged_lists({})
    plan_without_start_list(folder, 2025, january)
    summary = run_month(folder, out, "2025-01", january, date(2025, 2, 3))
    assert month_tables(summary) == (
        [("Nà Mòn", ["Bản Cọ"], MERGED_MONTH["Nà Mòn"]),
         ("Đồng Kè", None, MERGED_MONTH["Đồng Kè"])],
        MERGED_COMMUNE,
    )  # fmt: skip
    assert [h["movements"] for h in summary["hamlets"]] == [None, None]


def test_a_hamlet_of_three_divided_two_and_one_by_a_plan_without_a_start_list_is_split(tmp_path):
    """A guard: Bản Cọ of three (Dung, Em poor, Phương near-poor) in April; the plan revised for
    May without it and without a start list, May's lists Dung, Em under Nà Mòn, Phương under
    Đồng Kè. 2 of 3 is not 'all but one, three at least' (session 43's split plan): a split.
    Worked by hand: Nà Mòn poor 2 (An, Cường) + 2 moved in = 4, near-poor Bình 1 to 1; Đồng Kè
    poor 1 to 1, near-poor 1 + 1 moved in (Phương) = 2; the commune poor 3, in 2, 5, near-poor
    2, in 1, 3 (Bản Cọ's April left out, as for any split)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    april = {**DECEMBER, "Bản Cọ": [DUNG, EM, PHUONG]}
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    may = {"Nà Mòn": [AN, BINH, CUONG, DUNG, EM], "Đồng Kè": [GIANG, HAI, PHUONG]}
    plan_without_start_list(folder, 2024, may)
    summary = run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    assert month_tables(summary) == (
        [("Nà Mòn", None, ((2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 4), (1, *[0] * 9, 1))),
         ("Đồng Kè", None, ((1, *[0] * 9, 1), (1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2)))],
        ((3, 0, 0, 0, 0, 0, 0, 0, 2, 0, 5), (2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3)),
    )  # fmt: skip
