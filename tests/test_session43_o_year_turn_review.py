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

from tests.commune import new_commune, person, write_roster
from tests.test_session43_l_year_turn import _plan_2025

ROOT = Path(__file__).resolve().parents[1]


def _lists(folder, period: str, na_mon: str, prepared: date, nm: int = 5) -> None:
    """Nà Mòn's list (NM1-3 poor, then near-poor up to NM``nm``, 100 households, 'Xóm' written
    ``na_mon``) and Bản Cọ's (BC1-2 poor, BC3 near-poor, 200) of ``period``."""
    rows = [person(f"NM{i}", "poor" if i <= 3 else "near_poor") for i in range(1, nm + 1)]
    bc = [person(f"BC{i}", "poor" if i <= 2 else "near_poor") for i in range(1, 4)]
    write_roster(folder, f"NaMon_{period}.xlsx", na_mon, 100, rows, period, prepared)
    write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 200, bc, period, prepared)


# --- 1. the year's plan among the files but unusable: no note asking to put it in -------------


def test_check_with_this_years_plan_unusable_does_not_ask_to_put_it_in(tmp_path):
    """The folder holds the 2024 plan, the 2025 plan with its 'Xã' cell emptied (it cannot be
    used) and January 2025's lists. A run stops on the 2025 plan, which `check` says
    (plan-invalid, 1 error), checking the lists with the 2024 plan. Before, a note also said
    the 2025 plan was missing: "Hãy đặt kế hoạch năm 2025 vào thư mục đầu vào", though it is
    there and only wants its 'Xã' cell. Now no note: the plan's own error says what to fix."""
    folder, _ = new_commune(tmp_path)
    _plan_2025(folder)
    book = openpyxl.load_workbook(folder / "KeHoach_2025.xlsx")
    info = book[book.sheetnames[0]]
    next(c for row in info.iter_rows() for c in row if c.value == "Trung Lương").value = None
    book.save(folder / "KeHoach_2025.xlsx")
    _lists(folder, "2025-01", "Nà Mòn", date(2025, 2, 3))
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", str(folder)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert [line for line in lines if "(plan-invalid)" in line] == [
        "[LỖI] KeHoach_2025.xlsx: Kế hoạch không hợp lệ: ô 'Xã' trong trang 'Thông tin chung' "
        "đang trống. (plan-invalid)"
    ]
    assert not [line for line in lines if line.startswith("Lưu ý: kế hoạch")]
    assert lines[-1] == "4 tệp, 1 lỗi, 2 cảnh báo."
