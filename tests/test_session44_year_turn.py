"""Session 44: the commune officer across the turn of the year, what session 43 left (QA).
Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150. December
2024 is run under the 2024 plan; the 2025 plan renames Nà Mòn 'Nà Mòn Mới'
(tests.test_session43_l_year_turn's helpers)."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.commune import new_commune
from tests.test_session43_l_year_turn import OTHER_YEAR_VI, _check, _lists, _plan_2025


def _year_mistyped(folder) -> None:
    """KeHoach_2025.xlsx (the 2025 plan, :func:`_plan_2025`) whose 'Năm kế hoạch' still says
    2024: the officer copied last year's plan and forgot that cell."""
    _plan_2025(folder)
    path = folder / "KeHoach_2025.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin chung"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Năm kế hoạch")
    sheet.cell(row, 2).value = 2024
    book.save(path)


# --- 1. `check` of January's lists with the 2025 plan saying 2024 -----------------------------

MISTYPED_VI = (
    " Tệp 'KeHoach_2025.xlsx' mang tên năm 2025: nếu đó là kế hoạch năm 2025 mà ô 'Năm kế hoạch' "
    "(trang 'Thông tin chung') ghi nhầm 2024, hãy sửa ô đó thành 2025 rồi kiểm tra lại."
)
MISTYPED_EN = (
    " File 'KeHoach_2025.xlsx' is named for 2025: if it is the 2025 plan with 'Năm kế hoạch' "
    "(sheet 'Thông tin chung') mistyped 2024, correct that cell to 2025 and check again."
)


def test_check_with_the_2025_plan_saying_2024_says_to_correct_its_year(tmp_path):
    """The folder holds the 2024 plan, the 2025 plan whose 'Năm kế hoạch' says 2024, and
    January 2025's lists (Nà Mòn's written 'Nà Mòn Mới', as the 2025 plan has it). A run of
    January stops: no plan of 2025, and says to correct 'Năm kế hoạch' if that file is the 2025
    plan. Before, `check` said only to put the 2025 plan in the input folder: the officer sees
    KeHoach_2025.xlsx there. Now its note says the file is named for 2025 and to correct its
    'Năm kế hoạch' to 2025 if it is that plan, in both languages. No error (the lists' names
    are those of the file taken), exit 0 as before; corrected, no note."""
    folder, _ = new_commune(tmp_path)
    _year_mistyped(folder)
    _lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    done = _check(folder)
    other = OTHER_YEAR_VI.replace("'KeHoach_2024.xlsx'", "'KeHoach_2025.xlsx'")
    assert done.returncode == 0
    assert done.stdout.splitlines()[-2:] == [other + MISTYPED_VI, "4 tệp, 0 lỗi, 4 cảnh báo."]
    english = _check(folder, "--lang", "en").stdout.splitlines()
    assert english[-2].endswith("and check again." + MISTYPED_EN)
    _plan_2025(folder)
    done = _check(folder)
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "4 tệp, 0 lỗi, 4 cảnh báo.")
    assert "Lưu ý" not in done.stdout
