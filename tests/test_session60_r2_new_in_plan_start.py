"""Session 60 (R2, review of D's "new in the plan asked one way"): a hamlet new in the plan by
its name whose start rows the run keeps whole because a name the plan lacks now may have been
its name then (renames.may_be_renamed) leaves out of its month start column the households
last month's lists counted in a hamlet of the plan now: one household, one start, the
commune's start column the sum of its hamlets' (D's Left: C1 counted at both starts). Those
under a name the plan lacks now start there. And a household moved into a hamlet new in a
plan without a start list keeps the list of the hamlet it left on its month row (D's change
had it say "So với tháng trước" where that hamlet was compared with an older list).

April 2024 (the plan's start list its lists): Nà Mòn A1, B1, E1, F1 poor; Đồng Kè C1 poor,
D1 near-poor. May's revised plan drops Nà Mòn and adds Khuổi Hin."""

from __future__ import annotations

from datetime import date

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
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
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

A1, B1, E1, F1, G1, X1, Y1 = (person(c, "poor") for c in ("A1", "B1", "E1", "F1", "G1", "X1", "Y1"))
C1, D1 = person("C1", "poor"), person("D1", "near_poor")
NONE = (0,) * 11


def _may(tmp_path, april: dict, may_plan: dict, may_lists: dict) -> tuple[dict, object]:
    """April's plan and lists ``april``, May's plan ``may_plan`` (its start list), May's lists
    ``may_lists``; May's JSON and the output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, april)
    run_month_lists(folder, out, "2024-04", april, date(2024, 5, 3))
    write_plan_2024(folder, may_plan)
    return run_month_lists(folder, out, "2024-05", may_lists, date(2024, 6, 3)), out


def _month(summary: dict) -> tuple:
    """Each hamlet's month table, the commune's, and ``month_paired``."""
    return (
        {h["hamlet"]: table(h["movements_month"]) for h in summary["hamlets"]},
        table(summary["totals"]["movements_month"]),
        summary["month_paired"],
    )


def test_a_household_the_new_start_list_writes_there_but_still_in_its_hamlet_did_not_move(
    tmp_path,
):
    """May's start list writes C1 in Khuổi Hin (A1, C1), May's lists keep it in Đồng Kè, as
    April's did. Worked by hand: C1 stayed in Đồng Kè: poor 1 to 1; Khuổi Hin starts with A1
    alone (Nà Mòn's, 1 of its 4 found now, under Khuổi Hin), 1 to 1; near-poor D1 1 to 1; the
    commune poor 2 to 2, nothing moved. Session 61 (C): Nà Mòn's households on no list now (B1,
    E1, F1) start in Khuổi Hin too, told gone: Khuổi Hin 4, 3 gone, 1; the commune 5, 3 gone, 2. Before: Khuổi Hin 2 (A1, C1), C1 moved out, 1; the
    commune 3, 1 moved out, none in, 2: a move out of Khuổi Hin that no list shows."""
    april = {"Nà Mòn": [A1, B1, E1, F1], "Đồng Kè": [C1, D1]}
    may, _ = _may(
        tmp_path,
        april,
        {"Khuổi Hin": [A1, C1], "Đồng Kè": [D1]},
        {"Khuổi Hin": [A1], "Đồng Kè": [D1, C1]},
    )
    assert _month(may) == (
        {
            "Khuổi Hin": ((4, 0, 3, *[0] * 7, 1), NONE),
            "Đồng Kè": ((1, *[0] * 9, 1), (1, *[0] * 9, 1)),
        },
        ((5, 0, 3, *[0] * 7, 2), (1, *[0] * 9, 1)),
        ["Khuổi Hin"],
    )


def test_households_under_two_dropped_names_start_there_one_from_a_hamlet_of_the_plan_moved_in(
    tmp_path,
):
    """April also Bản Cọ G1, X1, Y1 poor; May's plan drops Nà Mòn and Bản Cọ: Khuổi Hin A1, G1,
    C1; Đồng Kè D1; May's lists so. Worked by hand: A1 (Nà Mòn's) and G1 (Bản Cọ's), both under
    names the plan lacks now, each maybe Khuổi Hin's then (1 of the name's found now, under
    it), start in Khuổi Hin; C1, counted in Đồng Kè's April list, moved in: Khuổi Hin poor 2,
    1 moved in, 3; Đồng Kè 1, 1 moved out, 0; the commune 3, 1 out, 1 in, 3. Before: Khuổi Hin
    3 to 3, the commune 4, 1 out, none in, 3. Session 61 (C): both names' April households on no
    list now (B1, E1, F1; X1, Y1) start in Khuổi Hin too, told gone: Khuổi Hin poor 7, 5 gone,
    1 in, 3; the commune 8 (April's end), 5 gone, 1 out, 1 in, 3."""
    april = {"Nà Mòn": [A1, B1, E1, F1], "Bản Cọ": [G1, X1, Y1], "Đồng Kè": [C1, D1]}
    may = {"Khuổi Hin": [A1, G1, C1], "Đồng Kè": [D1]}
    summary, out = _may(tmp_path, april, may, may)
    assert _month(summary) == (
        {
            "Khuổi Hin": ((7, 0, 5, *[0] * 5, 1, 0, 3), NONE),
            "Đồng Kè": ((1, 0, 0, 0, 1, *[0] * 5, 0), (1, *[0] * 9, 1)),
        },
        ((8, 0, 5, 0, 1, 0, 0, 0, 1, 0, 3), (1, *[0] * 9, 1)),
        ["Khuổi Hin"],
    )
    gone = "Không còn trong danh sách (đề nghị xác nhận)"
    rows = listed_movements(out, "2024-05")
    # the dropped names' April households on no list now, told gone in Khuổi Hin (session 61,
    # C: beside their April lists, last month's)
    assert [row for row in rows if row[2] == gone] == [
        ("Khuổi Hin", code, gone, "So với tháng trước") for code in ("B1", "E1", "F1", "X1", "Y1")
    ]
    assert [row for row in rows if row[2] != gone] == [
        ("Khuổi Hin", "C1", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "C1", "Chuyển sang Khuổi Hin", "So với tháng trước"),
    ]


def test_a_move_into_a_hamlet_new_in_a_plan_without_a_start_list_keeps_the_list_it_left(
    tmp_path,
):
    """Session 56 M's households. March: Nà Mòn An, Cường poor, Bình, Lộc near-poor; Đồng Kè
    Giang, Tám poor, Hải near-poor. April: Nà Mòn alone (Đồng Kè silent). May's plan, without
    a start list, adds Khuổi Hin; May's lists: Nà Mòn as April; Khuổi Hin Tám; Đồng Kè Giang,
    Hải. Worked by hand, May's month table: Đồng Kè beside its March list: poor 2, Tám moved
    out, 1; Khuổi Hin from none, Tám moved in, 1. Tám's month row in Khuổi Hin is beside the
    list it left, Đồng Kè's of March ("So với tháng 3/2024", as its row there), as before D
    (session 58, H2); D's change had "So với tháng trước": April had no list with Tám."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    march = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    write_plans(folder, {2024: march})
    run_month(folder, out, "2024-03", march, date(2024, 4, 3))
    run_month(folder, out, "2024-04", {"Nà Mòn": [AN, BINH, CUONG, LOC]}, date(2024, 5, 3))
    may = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Khuổi Hin": [TAM], "Đồng Kè": [GIANG, HAI]}
    plan_without_start_list(folder, 2024, may)
    summary = run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    assert {h["hamlet"]: table(h["movements_month"])[0] for h in summary["hamlets"]} == {
        "Nà Mòn": (2, *[0] * 9, 2),
        "Khuổi Hin": (0, *[0] * 7, 1, 0, 1),
        "Đồng Kè": (2, 0, 0, 0, 1, *[0] * 5, 1),
    }
    assert summary["month_paired"] == []
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "010", "Chuyển đến từ Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "010", "Chuyển sang Khuổi Hin", "Từ đầu năm"),
        ("Khuổi Hin", "010", "Chuyển đến từ Đồng Kè", "So với tháng 3/2024"),
        ("Đồng Kè", "010", "Chuyển sang Khuổi Hin", "So với tháng 3/2024"),
    ]
