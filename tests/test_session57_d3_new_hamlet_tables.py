"""Session 57 (helper D3): a hamlet new in a plan revised without a start list has tables that
start from none, its households from other hamlets moved in, so that the commune's tables add
up to its counted households (D2's Left: the new Khuổi Hin had no month table, the commune's
had two households moved out and none in).

Session 56 M's households (tests.test_session56_m_small_merger): Lò Văn An 001, Lò Văn Cường
003, Hà Thị Dung 004, Hà Thị Em 005, Lò Văn Tám 010, Ma Văn Giang 007 poor; Lò Văn Bình 002,
Hà Thị Phương 006, Ma Văn Hải 008 and Lò Văn Lộc 011 near-poor."""

from __future__ import annotations

from datetime import date

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import part_two, table
from tests.test_session56_m_small_merger import (
    AN,
    BINH,
    CUONG,
    DUNG,
    EM,
    GIANG,
    HAI,
    PHUONG,
    TAM,
    run_month,
    write_plans,
)
from tests.test_session57_d2_lists_alone_share import LOC
from tests.test_session57_d_small_merger_by_lists import plan_without_start_list


def _may(tmp_path, april: dict, may: dict, plan: dict | None = None) -> tuple:
    """April 2024 run with ``april`` (the 2024 plan's start list so), the plan revised for May
    without a start list (its hamlets ``plan``'s, else ``may``'s), May run with ``may``.
    Returns May's JSON and the output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, plan or may)
    return run_month(folder, out, "2024-05", may, date(2024, 6, 3)), out


def _tables(summary: dict, key: str) -> tuple:
    """Each hamlet's (name, table of ``key``) and the commune's table of ``key``."""
    return (
        [(h["hamlet"], table(h[key]) if h[key] is not None else None)
         for h in summary["hamlets"]],
        table(summary["totals"][key]),
    )  # fmt: skip


def test_a_hamlet_new_in_the_plan_mid_year_starts_its_tables_from_none(tmp_path):
    """April: Nà Mòn An, Cường poor, Bình, Lộc near-poor; Đồng Kè Giang, Tám poor, Hải
    near-poor. May's plan, without a start list, adds Khuổi Hin; May's lists: Nà Mòn An, Bình,
    Cường; Khuổi Hin Lộc, Tám; Đồng Kè Giang, Hải. No merger, no rename. Worked by hand (the
    year's start is April, the first stored month, so both tables alike): Nà Mòn poor 2 to 2,
    near-poor 2, 1 moved out (Lộc), 1; Khuổi Hin poor 0, 1 moved in (Tám), 1, near-poor 0, 1
    moved in (Lộc), 1; Đồng Kè poor 2, 1 moved out (Tám), 1, near-poor 1 to 1. The commune
    poor 4, 1 out, 1 in, 4 = its counted An, Cường, Tám, Giang; near-poor 3, 1 out, 1 in, 3 =
    Bình, Lộc, Hải. Before: Khuổi Hin had no tables (blank, "không có danh sách được chấp
    nhận của tháng 4/2024"), the commune poor 4 − 1 = 3 and near-poor 3 − 1 = 2 while its
    hamlets held 4 and 3."""
    april = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    may = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC, TAM], "Đồng Kè": [GIANG, HAI]}
    summary, out = _may(tmp_path, april, may)
    hamlets = [
        ("Nà Mòn", ((2, *[0] * 9, 2), (2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1))),
        ("Khuổi Hin", ((0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1), (0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1))),
        ("Đồng Kè", ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), (1, *[0] * 9, 1))),
    ]
    commune = ((4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3))
    assert _tables(summary, "movements_month") == (hamlets, commune)
    assert _tables(summary, "movements") == (hamlets, commune)
    totals = summary["totals"]
    assert (totals["poor"], totals["near_poor"]) == (4, 3)
    # 'Biến động' part II (the month's) as the JSON: Khuổi Hin's row, the total row
    assert part_two(out, "2024-05") == [
        ("Nà Mòn", 2, *[0] * 9, 2), ("Khuổi Hin", 0, *[0] * 7, 1, 0, 1),
        ("Đồng Kè", 2, 0, 0, 0, 1, *[0] * 5, 1), ("Tổng cộng", 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4),
        ("Nà Mòn", 2, 0, 0, 0, 1, *[0] * 5, 1), ("Khuổi Hin", 0, *[0] * 7, 1, 0, 1),
        ("Đồng Kè", 1, *[0] * 9, 1), ("Tổng cộng", 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 3),
    ]  # fmt: skip
    assert listed_movements(out, "2024-05")[4:] == [
        ("Nà Mòn", "011", "Chuyển sang Khuổi Hin", "So với tháng trước"),
        ("Khuổi Hin", "010", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Khuổi Hin", "011", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
        ("Đồng Kè", "010", "Chuyển sang Khuổi Hin", "So với tháng trước"),
    ]


def test_a_hamlet_new_in_the_plan_beside_a_rename_and_a_merger_makes_the_commune_add_up(
    tmp_path,
):
    """D2's renamed-and-merged case (tests.test_session57_d2_lists_alone_share): April Nà Mòn
    An, Cường poor, Bình, Lộc near-poor; Bản Cọ Dung, Em, Tám poor, Phương near-poor; Đồng Kè
    Giang poor, Hải near-poor. May's plan (no start list): Nà Mòn Mới (Nà Mòn renamed, Bản Cọ
    merged into it), Khuổi Hin (new), Đồng Kè; Khuổi Hin lists Lộc and Tám. Worked by hand: Nà
    Mòn Mới poor 5, 1 out (Tám), 4, near-poor 3, 1 out (Lộc), 2 (as D2's); Khuổi Hin poor 0, 1
    in, 1, near-poor 0, 1 in, 1; Đồng Kè 1 to 1 and 1 to 1; the commune poor 6, 1 out, 1 in, 6
    (4 + 1 + 1 counted), near-poor 4, 1 out, 1 in, 4 (2 + 1 + 1). Before: Khuổi Hin no
    tables, the commune poor 6 − 1 = 5 and near-poor 4 − 1 = 3."""
    april = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Bản Cọ": [DUNG, EM, PHUONG, TAM],
             "Đồng Kè": [GIANG, HAI]}  # fmt: skip
    may = {"Nà Mòn Mới": [AN, BINH, CUONG, DUNG, EM, PHUONG], "Khuổi Hin": [LOC, TAM],
           "Đồng Kè": [GIANG, HAI]}  # fmt: skip
    summary, out = _may(tmp_path, april, may)
    hamlets = [
        ("Nà Mòn Mới", ((5, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4), (3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2))),
        ("Khuổi Hin", ((0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1), (0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1))),
        ("Đồng Kè", ((1, *[0] * 9, 1), (1, *[0] * 9, 1))),
    ]
    commune = ((6, 0, 0, 0, 1, 0, 0, 0, 1, 0, 6), (4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 4))
    assert _tables(summary, "movements_month") == (hamlets, commune)
    totals = summary["totals"]
    assert (totals["poor"], totals["near_poor"]) == (6, 4)
    assert [r for r in listed_movements(out, "2024-05") if r[0] == "Khuổi Hin"] == [
        ("Khuổi Hin", "010", "Chuyển đến từ Nà Mòn Mới", "Từ đầu năm"),
        ("Khuổi Hin", "011", "Chuyển đến từ Nà Mòn Mới", "Từ đầu năm"),
        ("Khuổi Hin", "010", "Chuyển đến từ Nà Mòn Mới", "So với tháng trước"),
        ("Khuổi Hin", "011", "Chuyển đến từ Nà Mòn Mới", "So với tháng trước"),
    ]


def test_a_hamlet_of_the_plan_before_that_sends_its_first_list_keeps_no_table(tmp_path):
    """A guard: Khuổi Hin is in April's plan already (nothing on its start list, no list sent
    in April: named 'missing'); May's plan, without a start list, as before. It held
    households no list told in April, so it has no table to start from none: blank, as before
    (the commune poor 4 − 1 = 3 over the hamlets compared)."""
    april = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    may = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC, TAM], "Đồng Kè": [GIANG, HAI]}
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: {**april, "Khuổi Hin": []}})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, may)
    summary = run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    assert [(h["hamlet"], h["movements_month"]) for h in summary["hamlets"]][1] == (
        "Khuổi Hin", None)  # fmt: skip
    assert table(summary["totals"]["movements_month"]) == (
        (4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 3), (3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2))  # fmt: skip


def test_a_hamlet_silent_in_december_is_not_new_in_january_under_a_plan_without_a_start_list(
    tmp_path,
):
    """A guard: December 2024 (the 2024 plan): Nà Mòn An, Bình, Cường and Đồng Kè Giang, Hải
    sent, Bản Cọ (in the plan) silent. 2025's plan, without a start list, has the same three;
    January's lists: Bản Cọ Dung, Em, Tám poor, Phương near-poor too. Bản Cọ was named
    (missing) in December: its households before are unknown, so it has no month table (not
    four new households), as before. The commune's month table over the two compared: poor
    Cường, An, Giang 3 to 3, near-poor Bình, Hải 2 to 2."""
    december = {"Nà Mòn": [AN, BINH, CUONG], "Đồng Kè": [GIANG, HAI]}
    january = {**december, "Bản Cọ": [DUNG, EM, PHUONG, TAM]}
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: {**december, "Bản Cọ": []}})
    run_month(folder, out, "2024-12", december, date(2025, 1, 3))
    plan_without_start_list(folder, 2025, january)
    summary = run_month(folder, out, "2025-01", january, date(2025, 2, 3))
    assert [(h["hamlet"], h["movements_month"] is None) for h in summary["hamlets"]] == [
        ("Nà Mòn", False), ("Đồng Kè", False), ("Bản Cọ", True)]  # fmt: skip
    assert table(summary["totals"]["movements_month"]) == (
        (3, *[0] * 9, 3), (2, *[0] * 9, 2))  # fmt: skip
