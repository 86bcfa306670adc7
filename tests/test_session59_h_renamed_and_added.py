"""Session 59 (helper H): one rule of "a month since did not name the hamlet" for a hamlet new in
the plan beside its start list (session 58, H; R1's guard) and one added back (H2; the lead's
guard), tried where the two guards differed: a revised plan that renames one hamlet and adds
another in the same month (R1's Left: the added hamlet's households double-counted at the
month's start), and a hamlet added back in the month another is renamed.

Session 56 M's households (tests.test_session56_m_small_merger) and D2's Lộc. April 2024 (the
first stored month, the 2024 plan's start list its lists): Nà Mòn An 001, Cường 003 poor,
Bình 002, Lộc 011 near-poor; Đồng Kè Giang 007, Tám 010 poor, Hải 008 near-poor."""

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

APRIL = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
# May's plan, revised with a start list: Nà Mòn renamed Nà Mòn Mới (all four households), and
# Khuổi Hin added, holding Đồng Kè's Tám (poor) and Hải (near-poor)
MAY = {"Nà Mòn Mới": [AN, BINH, CUONG, LOC], "Khuổi Hin": [TAM, HAI], "Đồng Kè": [GIANG]}


def _tables(summary: dict, key: str) -> tuple:
    """Each hamlet's (name, table of ``key``) and the commune's."""
    return (
        [(h["hamlet"], table(h[key])) for h in summary["hamlets"]],
        table(summary["totals"][key]),
    )


def test_a_hamlet_added_by_the_plan_that_renames_another_starts_the_month_once(tmp_path):
    """Worked by hand, May's month table against April's lists (Nà Mòn's under its name now):
    Nà Mòn Mới poor 2 (An, Cường) to 2, near-poor 2 (Bình, Lộc) to 2; Khuổi Hin (in no plan of
    April's under any name: April's one name the plan lacks, Nà Mòn, is Nà Mòn Mới now) poor 0,
    1 moved in (Tám), 1, near-poor 0, 1 moved in (Hải), 1; Đồng Kè poor 2 (Giang, Tám), 1 moved
    out, 1, near-poor 1 (Hải), 1 moved out, 0; the commune poor 4, 1 out, 1 in, 4, near-poor 3,
    1 out, 1 in, 3 (April's lists: 4 and 3; May's: 4 and 3). The year's table (the revised
    start list) moves nothing. Before (R1's guard: April named a hamlet the plan lacks, so
    Khuổi Hin was taken as maybe renamed): Khuổi Hin started from its start list rows, poor 1
    to 1, near-poor 1 to 1, the commune from 5 and 4, 1 moved out, none in, 4 and 3."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    write_plans(folder, {2024: MAY})
    summary = run_month(folder, out, "2024-05", MAY, date(2024, 6, 3))
    assert [(h["hamlet"], [r["hamlet"] for r in h.get("renamed_from") or ()])
            for h in summary["hamlets"]] == [
        ("Nà Mòn Mới", ["Nà Mòn"]), ("Khuổi Hin", []), ("Đồng Kè", [])]  # fmt: skip
    moved_out = (2, 0, 0, 0, 1, *[0] * 5, 1)
    moved_out_near = (1, 0, 0, 0, 1, *[0] * 5, 0)
    moved_in = (0, *[0] * 7, 1, 0, 1)
    month = [
        ("Nà Mòn Mới", ((2, *[0] * 9, 2), (2, *[0] * 9, 2))),
        ("Khuổi Hin", (moved_in, moved_in)),
        ("Đồng Kè", (moved_out, moved_out_near)),
    ]
    commune = ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert _tables(summary, "movements_month") == (month, commune)
    year = [
        ("Nà Mòn Mới", ((2, *[0] * 9, 2), (2, *[0] * 9, 2))),
        ("Khuổi Hin", ((1, *[0] * 9, 1), (1, *[0] * 9, 1))),
        ("Đồng Kè", ((1, *[0] * 9, 1), (0, *[0] * 10))),
    ]
    assert _tables(summary, "movements") == (year, ((4, *[0] * 9, 4), (3, *[0] * 9, 3)))
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (4, 3)
    # 'Biến động' part II (the month's table) as the JSON, its total rows' cached values too
    assert part_two(out, "2024-05") == [
        ("Nà Mòn Mới", 2, *[0] * 9, 2), ("Khuổi Hin", *moved_in), ("Đồng Kè", *moved_out),
        ("Tổng cộng", *commune[0]),
        ("Nà Mòn Mới", 2, *[0] * 9, 2), ("Khuổi Hin", *moved_in), ("Đồng Kè", *moved_out_near),
        ("Tổng cộng", *commune[1]),
    ]  # fmt: skip
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "010", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Khuổi Hin", "008", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "010", "Chuyển sang Khuổi Hin", "So với tháng trước"),
        ("Đồng Kè", "008", "Chuyển sang Khuổi Hin", "So với tháng trước"),
    ]


def test_a_hamlet_added_back_in_the_month_another_is_renamed_starts_the_month_once(tmp_path):
    """April: Khuổi Hin lists Lộc 011 (Nà Mòn An, Bình, Cường; Đồng Kè Giang, Hải, Tám). May's
    plan (no start list) drops Khuổi Hin, Nà Mòn listing Lộc; June's plan (no start list) has
    Khuổi Hin again, listing Lộc, and renames Đồng Kè Đồng Kè Mới (its three households). May
    named no Khuổi Hin, and its one name the plan lacks now, Đồng Kè, is Đồng Kè Mới: Khuổi Hin
    was in no plan of May's, its April list compared as a hamlet added back (session 58, H2).
    Worked by hand, June's month table: Nà Mòn near-poor 2 (Bình, Lộc), 1 moved out, 1;
    Khuổi Hin near-poor 0, 1 moved in (Lộc), 1, poor 0 to 0; Đồng Kè Mới poor 2 to 2,
    near-poor 1 to 1; the commune poor 4 to 4, near-poor 3, 1 out, 1 in, 3. This is H2's case
    with a rename beside it: a guard that a month naming a hamlet the plan lacks now is not,
    for that alone, a month the hamlet may have been named otherwise."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    april = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    may = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    june = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC], "Đồng Kè Mới": [GIANG, HAI, TAM]}
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, may)
    run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    plan_without_start_list(folder, 2024, june)
    summary = run_month(folder, out, "2024-06", june, date(2024, 7, 3))
    assert summary["hamlets"][2]["hamlet"] == "Đồng Kè Mới"
    assert [r["hamlet"] for r in summary["hamlets"][2]["renamed_from"]] == ["Đồng Kè"]
    month = [
        ("Nà Mòn", ((2, *[0] * 9, 2), (2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1))),
        ("Khuổi Hin", ((0, *[0] * 10), (0, *[0] * 7, 1, 0, 1))),
        ("Đồng Kè Mới", ((2, *[0] * 9, 2), (1, *[0] * 9, 1))),
    ]
    commune = ((4, *[0] * 9, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert _tables(summary, "movements_month") == (month, commune)
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (4, 3)


def test_a_hamlet_added_with_a_household_of_the_renamed_one_starts_the_month_once(tmp_path):
    """The same, Khuổi Hin holding Nà Mòn's Lộc (near-poor) and Đồng Kè's Tám (poor): Nà Mòn Mới
    (An, Bình, Cường, three of April's Nà Mòn's four) is Nà Mòn renamed, and April's Nà Mòn
    has Khuổi Hin one of four: Khuổi Hin was in no plan of April's. Worked by hand: Nà Mòn
    Mới poor 2 to 2, near-poor 2, 1 moved out (Lộc), 1; Khuổi Hin poor 0, 1 moved in, 1,
    near-poor 0, 1 moved in, 1; Đồng Kè poor 2, 1 out, 1, near-poor 1 to 1; the commune poor
    4, 1, 1, 4, near-poor 3, 1, 1, 3. Before: Khuổi Hin 1 to 1 and 1 to 1, the commune 5 and
    4, 1 moved out, none in."""
    may = {"Nà Mòn Mới": [AN, BINH, CUONG], "Khuổi Hin": [LOC, TAM], "Đồng Kè": [GIANG, HAI]}
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    write_plans(folder, {2024: may})
    summary = run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    assert [r["hamlet"] for r in summary["hamlets"][0]["renamed_from"]] == ["Nà Mòn"]
    moved_in = (0, *[0] * 7, 1, 0, 1)
    month = [
        ("Nà Mòn Mới", ((2, *[0] * 9, 2), (2, 0, 0, 0, 1, *[0] * 5, 1))),
        ("Khuổi Hin", (moved_in, moved_in)),
        ("Đồng Kè", ((2, 0, 0, 0, 1, *[0] * 5, 1), (1, *[0] * 9, 1))),
    ]
    commune = ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert _tables(summary, "movements_month") == (month, commune)
