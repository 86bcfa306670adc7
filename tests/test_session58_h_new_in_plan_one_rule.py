"""Session 58 (helper H): 'Biến động' says a hamlet's tables start from none only where they do:
trend.new_in_plan asks, as baselines._new_in_plan does, whether a stored month before accepted
its list (a hamlet dropped from the plan and added again starts from its old list).

Session 56 M's households (tests.test_session56_m_small_merger) and D2's Lộc. April 2024 (the
first stored month): Nà Mòn An, Cường poor, Bình near-poor; Khuổi Hin Lộc near-poor; Đồng Kè
Giang, Tám poor, Hải near-poor. May's plan (no start list) drops Khuổi Hin, Nà Mòn listing Lộc;
June's plan (no start list) has Khuổi Hin again, which lists Lộc."""

from __future__ import annotations

from datetime import date

import openpyxl

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


def _notes(ws) -> list[str]:
    """The texts of the notes merged over A:N (the sections' notes), top to bottom."""
    found = []
    for merged in ws.merged_cells.ranges:
        value = ws.cell(merged.min_row, 1).value
        if (merged.min_col, merged.max_col) == (1, 14) and isinstance(value, str):
            found.append((merged.min_row, value))
    return [text for _, text in sorted(found)]


APRIL = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC], "Đồng Kè": [GIANG, HAI, TAM]}
MAY = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}


def test_a_hamlet_added_again_is_not_said_to_start_from_none(tmp_path):
    """June: Khuổi Hin's tables start from its April list (baselines._latest_lists), near-poor
    1 (Lộc) to 1, poor 0 to 0 (the month's: Lộc moved in from Nà Mòn's May list, H2); its 'new_in_plan' entry: since 06/2024 (May's plan
    lacked it), first list 04/2024. 'Biến động' says no 'Tính từ 0' ("trước đó chưa có danh
    sách": untrue, April had its list), and still says, under the month table, that May's plan
    had no such hamlet. Before: first list 06/2024 and the 'Tính từ 0' note under both
    sections."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, MAY)
    run_month(folder, out, "2024-05", MAY, date(2024, 6, 3))
    plan_without_start_list(folder, 2024, APRIL)
    summary = run_month(folder, out, "2024-06", APRIL, date(2024, 7, 3))
    assert summary["new_in_plan"] == {"Khuổi Hin": {"since": "2024-06", "first_list": "2024-04"}}
    khuoi_hin = summary["hamlets"][1]
    assert khuoi_hin["hamlet"] == "Khuổi Hin"
    assert table(khuoi_hin["movements"]) == ((0,) * 11, (1, *[0] * 9, 1))
    # the month's: Lộc on Nà Mòn's May list, so moved in (session 58, H2)
    assert table(khuoi_hin["movements_month"]) == ((0,) * 11, (0, *[0] * 7, 1, 0, 1))
    ws = openpyxl.load_workbook(out / "2024-06" / "TongHop_2024-06.xlsx")["Biến động"]
    notes = _notes(ws)
    assert not [text for text in notes if text.startswith("Tính từ 0")]
    assert (
        "(*) So với danh sách trước đó của xóm: Khuổi Hin (tháng 4/2024) — xóm có lại trong kế "
        "hoạch từ tháng 6/2024, kế hoạch tháng 5/2024 không có xóm này. Hộ chuyển đến Khuổi Hin "
        "là hộ mà danh sách tháng 5/2024 ghi ở xóm khác, nên không tính ở cột đầu kỳ của xóm."
    ) in notes  # in the plan again, not new in it (session 58, H2)
