"""Session 43 (helper O): review of the year-boundary changes to `check` (QA). Each defect
found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150; the 2025
plan renames Nà Mòn 'Nà Mòn Mới' (tests.test_session43_l_year_turn)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.history import HistoryStore
from pipeline.messages import in_language
from pipeline.run import execute
from tests.commune import new_commune
from tests.test_session43_l_year_turn import (
    december_then_january,
    late_dong_ke,
    notices_with,
    plan_2025,
    write_two_lists,
)

ROOT = Path(__file__).resolve().parents[1]

# December run again after January and February: the notice naming both months to run again.
LATER_PERIODS_VI = (
    "Các kỳ sau (01/2025, 02/2025) đã được tổng hợp với số liệu cũ của kỳ 12/2024: biến động "
    "so với tháng trước và số hộ tái nghèo của các kỳ đó chưa theo số liệu mới. Hãy chạy lại "
    "các kỳ đó, theo thứ tự: giamngheo run --period 2025-01; giamngheo run --period 2025-02"
)


# --- 1. the year's plan among the files but unusable: no note asking to put it in -------------


def test_check_with_this_years_plan_unusable_does_not_ask_to_put_it_in(tmp_path):
    """The folder holds the 2024 plan, the 2025 plan with its 'Xã' cell emptied (it cannot be
    used) and January 2025's lists. A run stops on the 2025 plan, which `check` says
    (plan-invalid, 1 error), checking the lists with the 2024 plan. Before, a note also said
    the 2025 plan was missing: "Hãy đặt kế hoạch năm 2025 vào thư mục đầu vào", though it is
    there and only wants its 'Xã' cell. Now no such note: the plan's own error says what to fix
    (since session 45 a note says the lists were compared with the 2024 plan, and to correct
    the 2025 file first: tests.test_session45_year_turn)."""
    folder, _ = new_commune(tmp_path)
    plan_2025(folder)
    book = openpyxl.load_workbook(folder / "KeHoach_2025.xlsx")
    info = book[book.sheetnames[0]]
    next(c for row in info.iter_rows() for c in row if c.value == "Trung Lương").value = None
    book.save(folder / "KeHoach_2025.xlsx")
    write_two_lists(folder, "2025-01", "Nà Mòn", date(2025, 2, 3))
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", str(folder)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert [line for line in lines if "(plan-invalid)" in line] == [
        "[LỖI] KeHoach_2025.xlsx (plan-invalid): Kế hoạch không hợp lệ: ô 'Xã' trong trang "
        "'Thông tin chung' đang trống."
    ]
    assert not [line for line in lines if line.startswith("Lưu ý: kế hoạch")]
    assert lines[-2].startswith("Lưu ý: tệp kế hoạch 'KeHoach_2025.xlsx', lấy cho năm 2025, ")
    assert lines[-1] == "4 tệp, 1 lỗi, 2 cảnh báo."


def _checked(folder: Path, out: Path) -> list:
    """`check` of ``folder`` against the run's history in ``out`` (as the command opens it)."""
    return check_files([folder], history=HistoryStore(out / "lich-su.sqlite", read_only=True))


# --- 2. January's check does not say December's movements again -------------------------------


def test_check_in_january_says_januarys_movements_alone_as_mid_year(tmp_path):
    """November 2024 run with NM1-5; December's Nà Mòn list lacks NM5 (no 'Thoát'), and
    December is run (vanished-household at its list). January 2025's lists, under the 2025 plan,
    hold NM1-5 again. Mid-year, `check` of the folder says the movements of the latest month
    alone (a run of the folder is that month's): in December, December's. Before, `check` of
    January's folder also said December's vanished NM5 again (its lists checked apart with the
    2024 plan said their month's movements): 1 warning too many. Now January's alone: none."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, "2024-11", "Nà Mòn", date(2024, 12, 3))
    execute(folder, out, "2024-11")
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3), nm=4)
    said = [(i.code, i.file) for i in _checked(folder, out)]
    assert ("vanished-household", "NaMon_2024-12.xlsx") in said
    execute(folder, out, "2024-12")
    plan_2025(folder)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    said = [(i.code, i.file) for i in _checked(folder, out)]
    assert [s for s in said if s[0] != "plan-commune-target-above-start"] == []


# --- 3. December run again after January and February: the trend is the year's ----------------


def test_december_run_again_after_january_and_february_names_them_without_the_trend(tmp_path):
    """December 2024 run without Đồng Kè; January and February 2025 run with the 2025 plan.
    Đồng Kè's December list comes late (DK1 poor, 150 households) and December is run again:
    its figures change (poor 5 → 6). January and February are named to run again, in order.
    Before, the notice said their "biến động so với tháng trước và xu hướng" did not follow
    December's new figures; their trend ('Xu hướng') is 2025's, its start and its months,
    never December. Now their changes since the previous month alone, in both languages (and,
    session 44, their households back in poverty: the history walk crosses the year)."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    write_two_lists(folder, "2025-02", "Nà Mòn Mới", date(2025, 3, 3))
    execute(folder, out, "2025-02")
    late_dong_ke(folder)
    execute(folder, out, "2024-12")
    said = notices_with("Các kỳ sau")
    assert [in_language(n, "vi") for n in said] == [LATER_PERIODS_VI]
    assert in_language(said[0], "en") == (
        "Later periods (01/2025, 02/2025) were consolidated with this period's old figures: their "
        "changes since the previous month and households back in poverty (tái nghèo) do not "
        "follow the new ones. Run those periods again, in order: giamngheo run --period 2025-01; "
        "giamngheo run --period 2025-02"
    )
