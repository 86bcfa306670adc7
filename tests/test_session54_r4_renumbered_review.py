"""Session 54 (R4): review of R3's pairing by name within a hamlet (figures._renumbered_here)
where no renumbering happened: two households' codes swapped by a slip mid-year. Set-up: R3's
(tests.test_session54_b_renumbered_within): Nà Mòn's 2025 start list Bình 001 near-poor, Cường
002 poor; January's list writes them so; February's swaps the two codes."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session53_g_year_turn import SLUGS, year_turn_households
from tests.test_session54_b_renumbered_within import ends, moved, na_mon_rows, renumbered_within

JANUARY = [("001", "Lò Văn Bình", 1952, "near_poor"), ("002", "Lò Văn Cường", 1953, "poor")]


def february(tmp_path, na_mon: list[tuple]) -> tuple[dict, list[tuple]]:
    """December, January (:data:`JANUARY`) and February (Nà Mòn's ``na_mon``) run; February's
    JSON and Nà Mòn's rows of its 'Lỗi dữ liệu' (cell, Mã hộ, issue, message)."""
    renumbered_within(tmp_path, JANUARY)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    for hamlet, slug in SLUGS.items():
        rows = na_mon_rows(na_mon) if hamlet == "Nà Mòn" else year_turn_households(hamlet, 2024)
        write_roster(folder, f"{slug}_2025-02.xlsx", hamlet, 100, rows, "2025-02", date(2025, 3, 3))
    execute(folder, out, "2025-02")
    summary = json.loads((out / "2025-02" / "TongHop_2025-02.json").read_text("utf-8"))
    wb = openpyxl.load_workbook(out / "2025-02" / "TongHop_2025-02.xlsx")
    told = [
        (row[4], row[7], row[9], row[10])
        for row in wb["Lỗi dữ liệu"].iter_rows(min_row=6, values_only=True)
        if row[1] == "Nà Mòn"
    ]
    return summary, told


def test_two_codes_swapped_by_a_slip_mid_year_are_told_as_a_slip_not_only_a_renumbering(tmp_path):
    """February writes Cường under 001 (Bình's) and Bình under 002 (Cường's). Worked by hand:
    each head is January's (and the start list's) household of his name and year, so both
    tables say nothing moved (poor 1 to 1, near-poor 1 to 1), and each code is told it is the
    other head's. No code was renumbered this year: the words say the list may have a code
    mistyped, and count the household 'theo danh sách đầu năm', not 'hộ mang mã mới đó' (no code
    is new). Before: "Có lẽ danh sách còn ghi mã hộ cũ (mã hộ đã được đánh lại). Hộ được tính
    là hộ mang mã mới đó"."""
    swapped = [("001", "Lò Văn Cường", 1953, "poor"), ("002", "Lò Văn Bình", 1952, "near_poor")]
    summary, told = february(tmp_path, swapped)
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    for scope in ("movements", "movements_month"):
        assert (scope, moved(na_mon, scope), ends(na_mon, scope)) == (scope, {}, (1, 1, 1, 1))
    said = (
        " (cùng họ tên chủ hộ và năm sinh). Có lẽ danh sách ghi nhầm mã hộ (mã của hộ này ghi"
        " cho hộ khác) hoặc còn ghi mã hộ cũ (trước khi mã hộ được đánh lại). Hộ được tính theo"
        " danh sách đầu năm: không tính là thoát hay phát sinh mới. Hãy ghi lại cột 'Mã hộ'"
        " theo mã của từng hộ trong danh sách đầu năm (không sửa ô 'Xóm') rồi gửi lại."
    )
    assert told == [
        ("B5", "001", "code-changed", "Theo danh sách đầu năm, mã hộ '001' là mã của hộ 'Lò Văn"
         " Bình', còn hộ này ('Lò Văn Cường') có mã '002'" + said),
        ("B6", "002", "code-changed", "Theo danh sách đầu năm, mã hộ '002' là mã của hộ 'Lò Văn"
         " Cường', còn hộ này ('Lò Văn Bình') có mã '001'" + said),
    ]  # fmt: skip


def test_a_thoat_row_under_a_swapped_code_exits_its_own_household(tmp_path):
    """February: Cường (poor) under 001 'Thoát', Bình (near-poor) under 002. Worked by hand:
    Cường is January's 002 and exits; Bình stays near-poor. Both tables: poor 1 -> 0 (exited 1),
    near-poor 1 -> 1. (Pins R3's pairing with a 'Thoát' row; by code it would be near-poor 001
    exited and 002 poor to near-poor.)"""
    swapped = [("001", "Lò Văn Cường", 1953, "exited"), ("002", "Lò Văn Bình", 1952, "near_poor")]
    summary, _ = february(tmp_path, swapped)
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    for scope in ("movements", "movements_month"):
        assert (scope, ends(na_mon, scope)) == (scope, (1, 0, 1, 1))
        assert (scope, moved(na_mon, scope)) == (scope, {("poor", "exited"): 1})


def test_a_swap_whose_other_row_is_left_out_for_an_error_counts_each_household_as_it_is(tmp_path):
    """February: Cường (poor) under 001 (Bình's), Bình under 002 (Cường's) with 'Phân loại hộ'
    'hộ khá giả' (an error: the row left out). Worked by hand: Cường is January's 002, poor
    unchanged; Bình's row is left out, so his near-poor household is 'not counted'. Both tables:
    poor 1 -> 1 (nothing moved), near-poor 1 -> 0 (not counted 1); 001 told it is Bình's code.
    Before: 002's row held stopped the pairing: near-poor 1 'to poor' (Bình's 001 read as
    Cường), poor 1 'not counted' (Cường's 002), nothing told at 001."""
    swapped = [("001", "Lò Văn Cường", 1953, "poor"), ("002", "Lò Văn Bình", 1952, "hộ khá giả")]
    summary, told = february(tmp_path, swapped)
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    for scope in ("movements", "movements_month"):
        assert (scope, ends(na_mon, scope)) == (scope, (1, 1, 1, 0))
        assert (scope, moved(na_mon, scope)) == (scope, {("near_poor", "not_counted"): 1})
    assert [(cell, code, kind) for cell, code, kind, _ in told] == [
        ("B5", "001", "code-changed"),
        ("I6", "hộ khá giả", "invalid-classification"),
    ]
    assert told[0][3].startswith(
        "Theo danh sách đầu năm, mã hộ '001' là mã của hộ 'Lò Văn Bình', còn hộ này ('Lò Văn"
        " Cường') có mã '002' (cùng họ tên chủ hộ và năm sinh)."
    )
