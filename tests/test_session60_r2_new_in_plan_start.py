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

A1, B1, E1, F1, G1, X1, Y1 = (person(c, "poor") for c in ("A1", "B1", "E1", "F1", "G1", "X1", "Y1"))
C1, D1 = person("C1", "poor"), person("D1", "near_poor")
NONE = (0,) * 11


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
