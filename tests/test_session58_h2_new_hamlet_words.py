"""Session 58 (helper H2): 'Biến động' says what the figures of a hamlet new in the plan did
(helper H's Left): a household moved in from a list of last month elsewhere reads "So với tháng
trước" (the list it was compared with), the (*) note says such households are moved in, not in
the start column, and a hamlet dropped from the plan and added again is said to be in the plan
again, not new in it.

Session 56 M's households (tests.test_session56_m_small_merger) and D2's Lộc."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.test_session55_b_turn_pairing import listed_movements
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

MAI = ("012", "Hoàng Thị Mai", 1962, "poor")  # on no list of April's


def _starred(out, period: str) -> list[str]:
    """The (*) notes merged over A:N of ``period``'s 'Biến động', top to bottom."""
    ws = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    found = []
    for merged in ws.merged_cells.ranges:
        value = ws.cell(merged.min_row, 1).value
        if (merged.min_col, merged.max_col) == (1, 14) and isinstance(value, str):
            found.append((merged.min_row, value))
    return [text for _, text in sorted(found) if text.startswith("(*)")]


def _revised_may(tmp_path, may: dict) -> object:
    """April (the 2024 plan's start list April's lists: Nà Mòn An 001, Cường 003 poor, Bình
    002, Lộc 011 near-poor; Đồng Kè Giang 007, Tám 010 poor, Hải 008 near-poor), then May's plan
    revised with ``may`` as its start list and May's lists. Returns the output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    april = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    write_plans(folder, {2024: may})
    run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    return out


def test_households_moved_into_a_new_hamlet_are_said_moved_since_last_month(tmp_path):
    """May's revised plan adds Khuổi Hin, its start list and lists putting Lộc (April: Nà Mòn)
    and Tám (April: Đồng Kè) there: its month table starts from none of them, each moved in
    (session 58 H's figures). Their rows say "So với tháng trước", as the rows of the hamlets
    they left; the (*) note adds that they are moved in, not in the start column. Before: the
    rows said "So với danh sách đầu năm" and the note said only that the hamlet was new."""
    may = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC, TAM], "Đồng Kè": [GIANG, HAI]}
    out = _revised_may(tmp_path, may)
    assert listed_movements(out, "2024-05") == [
        ("Nà Mòn", "011", "Chuyển sang Khuổi Hin", "So với tháng trước"),
        ("Khuổi Hin", "010", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Khuổi Hin", "011", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
        ("Đồng Kè", "010", "Chuyển sang Khuổi Hin", "So với tháng trước"),
    ]
    assert _starred(out, "2024-05") == [
        "(*) So với danh sách trước đó của xóm: Khuổi Hin (danh sách đầu năm) — xóm mới có "
        "trong kế hoạch từ tháng 5/2024, kế hoạch tháng 4/2024 chưa có xóm này. Hộ chuyển đến "
        "Khuổi Hin là hộ mà danh sách tháng 4/2024 ghi ở xóm khác, nên không tính ở cột đầu kỳ "
        "của xóm."
    ]


def test_a_new_hamlet_with_no_household_moved_in_is_not_said_to_have_any(tmp_path):
    """A guard: the revised start list puts only Mai 012 (on no list of April's) in Khuổi Hin,
    which lists her: she starts there (poor 1 to 1), nothing moved in; the note says no more
    than that the hamlet is new in the plan, and Mai's row (none: she did not change) is not
    listed."""
    may = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Khuổi Hin": [MAI], "Đồng Kè": [GIANG, HAI, TAM]}
    out = _revised_may(tmp_path, may)
    assert _starred(out, "2024-05") == [
        "(*) So với danh sách trước đó của xóm: Khuổi Hin (danh sách đầu năm) — xóm mới có "
        "trong kế hoạch từ tháng 5/2024, kế hoạch tháng 4/2024 chưa có xóm này."
    ]


def test_a_hamlet_added_again_is_said_in_the_plan_again(tmp_path):
    """April: Khuổi Hin lists Lộc 011; May's plan (no start list) drops it, Nà Mòn listing Lộc;
    June's plan has Khuổi Hin again, listing Lộc. June's (*) note: Khuổi Hin, compared with its
    April list, is in the plan again since June (May's plan lacked it), and Lộc, on Nà Mòn's
    May list, is moved in (H2's figures). Before: "xóm mới có trong kế hoạch từ tháng 6/2024"
    (it was in April's plan) and no word of the move."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    april = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    may = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
    write_plans(folder, {2024: april})
    run_month(folder, out, "2024-04", april, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, may)
    run_month(folder, out, "2024-05", may, date(2024, 6, 3))
    plan_without_start_list(folder, 2024, april)
    run_month(folder, out, "2024-06", april, date(2024, 7, 3))
    assert _starred(out, "2024-06") == [
        "(*) So với danh sách trước đó của xóm: Khuổi Hin (tháng 4/2024) — xóm có lại trong kế "
        "hoạch từ tháng 6/2024, kế hoạch tháng 5/2024 không có xóm này. Hộ chuyển đến Khuổi Hin "
        "là hộ mà danh sách tháng 5/2024 ghi ở xóm khác, nên không tính ở cột đầu kỳ của xóm."
    ]
