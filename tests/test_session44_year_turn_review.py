"""Session 44: adversarial review of the year-turn changes (tests.test_session44_year_turn).
Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150. December
2024 is run under the 2024 plan; the 2025 plan renames Nà Mòn 'Nà Mòn Mới'
(tests.test_session43_l_year_turn's helpers)."""

from __future__ import annotations

import os
from datetime import date

import openpyxl
import pytest

from pipeline.run import FatalError, execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_roster
from tests.summaries import json_summary
from tests.test_session43_l_year_turn import (
    BOTH_PLANS_WARNINGS,
    checked,
    counted,
    december_then_january,
    notices_with,
    write_two_lists,
)

# --- 1. a late December list sorted into January's folder, its file name December's ----------


def _sorted_into_january(folder, name: str, hamlet: str) -> None:
    """A December 2024 list 'T1_2025/``name``' ('Kỳ báo cáo' 12/2024, 'Xóm' ``hamlet``, DK1
    poor, 150 households): sent late, the officer sorted it with January's files."""
    (folder / "T1_2025").mkdir()
    write_roster(folder / "T1_2025", name, hamlet, 150, [person("DK1", "poor")], "2024-12",
                 date(2025, 1, 10))  # fmt: skip


def submitted(out, period: str, folder: str) -> list[tuple]:
    """(hamlet, status, file) of the rows of ``period``'s 'Nộp báo cáo' naming ``folder``."""
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", read_only=True)
    rows = book["Nộp báo cáo"].iter_rows(values_only=True)
    return [(r[1], r[2], r[3]) for r in rows if folder in str(r)]


def assert_december_refuses_dong_ke(out) -> None:
    """December 2024 (run again after January) with Đồng Kè's late list refused: Nà Mòn and Bản
    Cọ as December's first run counted them, Đồng Kè rejected, 1 error."""
    assert counted(out, "2024-12") == {
        "Nà Mòn": ("ok", 3, 2),
        "Bản Cọ": ("ok", 2, 1),
        "Đồng Kè": ("rejected", None, None),
    }
    assert json_summary(out, "2024-12")["issues"]["errors"] == 1


def test_a_late_december_list_in_januarys_folder_with_its_hamlet_mistyped_stays_refused(tmp_path):
    """December 2024 and January 2025 run (Đồng Kè silent in both). Đồng Kè's December list
    comes late, 'T1_2025/DongKe_2024-12.xlsx': file name and 'Kỳ báo cáo' both December, 'Xóm'
    mistyped 'Đông Khê' (its codes Đồng Kè's). December is run again. Before this fix the
    folder alone made it January's list: "Khác kỳ (tháng 1/2025)", no error, Đồng Kè missing;
    and January's run, which reads it as December's (its file name decides), said to run
    December again: a loop, the mistyped cell never told. Now the file name decides here too:
    December refuses it (unknown-hamlet at B3, 1 error), as at d32aa17; `check` says the
    same."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    _sorted_into_january(folder, "DongKe_2024-12.xlsx", "Đông Khê")
    execute(folder, out, "2024-12")
    assert_december_refuses_dong_ke(out)
    [(hamlet, status, file)] = submitted(out, "2024-12", "T1_2025")
    assert (hamlet, file) == ("Đồng Kè", "T1_2025/DongKe_2024-12.xlsx")
    assert status.startswith("Bị từ chối: xóm 'Đông Khê' không có trong kế hoạch")
    # the refusal alone, beside the two plans' own warnings (session 49: was 'among them')
    found = checked(folder)
    assert found == [("unknown-hamlet", "T1_2025/DongKe_2024-12.xlsx", "B3"), *BOTH_PLANS_WARNINGS]


def test_a_december_file_in_januarys_folder_under_next_years_name_is_no_loop(tmp_path):
    """As above, the late file 'T1_2025/NaMon_2024-12.xlsx' writing 'Nà Mòn Mới' (the 2025
    plan's name), December in its name and cell. Before this fix December run again called it
    "Khác kỳ (tháng 1/2025)" and January run again called it a changed December list and said
    to run December again: each month sent the officer to the other. `check` checked it with
    the 2025 plan (no error). Now December refuses it for its name (unknown-hamlet at B3; Nà
    Mòn counts its own list, 3 poor 2 near-poor), as at d32aa17 and as `check` says; January
    names no month to run again."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    _sorted_into_january(folder, "NaMon_2024-12.xlsx", "Nà Mòn Mới")
    execute(folder, out, "2024-12")
    assert counted(out, "2024-12")["Nà Mòn"] == ("ok", 3, 2)
    [(hamlet, status, _)] = submitted(out, "2024-12", "T1_2025")
    assert hamlet == "Nà Mòn"
    assert status.startswith("Bị từ chối: xóm 'Nà Mòn Mới' không có trong kế hoạch")
    found = checked(folder)
    assert found == [("unknown-hamlet", "T1_2025/NaMon_2024-12.xlsx", "B3"), *BOTH_PLANS_WARNINGS]
    execute(folder, out, "2025-01")
    assert notices_with("--period 2024-12") == []


# --- 2. a corrected plan whose file name writes a date or a span is no other year's plan -------


def _corrected_plan(folder, name: str) -> None:
    """The 2024 plan corrected ('Năm kế hoạch' 2024, the commune's poor target 1 point, not
    1,52), saved as ``name`` after KeHoach_2024.xlsx."""
    write_plan_workbook(folder / name, {**PLAN_INFO, "poor_target": 1.0}, plan_hamlets(),
                        start_list())  # fmt: skip
    later = (folder / "KeHoach_2024.xlsx").stat().st_mtime + 60
    os.utime(folder / name, (later, later))


def _plan_warnings(out, period: str) -> list[tuple]:
    """(file, text) of ``period``'s plan-duplicate rows on 'Lỗi dữ liệu'."""
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", read_only=True)
    rows = book["Lỗi dữ liệu"].iter_rows(values_only=True)
    return [(r[2], r[-1]) for r in rows if "plan-duplicate" in r]


@pytest.mark.parametrize(
    ("name", "period"),
    [("KeHoach_GN_2022-2025.xlsx", "2024-05"), ("KeHoach_sua_10-01-2025.xlsx", "2024-12")],
)
def test_a_corrected_plan_named_with_a_span_or_a_date_is_still_taken(tmp_path, name, period):
    """The 2024 plan corrected (poor target 1 point) and saved after KeHoach_2024.xlsx as
    'KeHoach_GN_2022-2025.xlsx' (the standard's span), or, in January, as
    'KeHoach_sua_10-01-2025.xlsx' (the day it was corrected). May 2024, an ordinary month, and
    December run with both plans in the folder. Before this fix the name was read as naming
    2025: the older plan was taken (target 1,52, the figures of d32aa17 changed) and the
    warning said to correct the file's 'Năm kế hoạch' to 2025. Now a year in a date or a span
    names no year: the corrected plan is taken as at d32aa17 (target 1), and the older one is
    the plain plan-duplicate warning."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, period, "Nà Mòn", date(2025, 1, 3))
    _corrected_plan(folder, name)
    execute(folder, out, period)
    assert json_summary(out, period)["totals"]["poor_target"] == 1.0
    [(file, text)] = _plan_warnings(out, period)
    assert file == "KeHoach_2024.xlsx"
    assert text.startswith(f"Có nhiều hơn một tệp kế hoạch của cùng năm; đã dùng '{name}'")


# --- 3. a refused list in a month's folder with no month read: no traceback -------------------


def test_a_refused_list_in_a_month_folder_with_no_month_read_stops_with_a_message(tmp_path):
    """The input folder holds the plan and one list, 'T1/DongKe.xlsx': 'Kỳ báo cáo' blank,
    'Xóm' mistyped 'Đông Khê'. A run without --period. Before this fix the check for a list
    sent for a later year's month read the month of its blank cell: a traceback (TypeError).
    Now the run stops as at d32aa17: no list with a readable month, the list refused for its
    'Xóm'."""
    folder, out = new_commune(tmp_path)
    (folder / "T1").mkdir()
    write_roster(folder / "T1", "DongKe.xlsx", "Đông Khê", 150, [person("DK1", "poor")], None,
                 date(2025, 1, 10))  # fmt: skip
    with pytest.raises(FatalError) as stop:
        execute(folder, out, None)
    assert str(stop.value).startswith(
        "Không có danh sách hộ nào đọc được kỳ báo cáo trong thư mục đầu vào. Danh sách bị từ "
        "chối: 'T1/DongKe.xlsx' (Đồng Kè): Xóm 'Đông Khê' không có trong kế hoạch của xã."
    )
