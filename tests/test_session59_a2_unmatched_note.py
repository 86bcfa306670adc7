"""Session 59 (helper A2): the month table's note on a move in whose hamlet of origin has no table
this month (A's Left "no note on unmatched moves"; B2's January words in the officer guide).

The commune of tests.test_session59_a_silent_two_months: Nà Mòn sends January 2025 and nothing in
February nor March; Bản Cọ's March list holds Nà Mòn's Cường (003, poor)."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.test_session54_b_renumbered_within import run_renumbered_month
from tests.test_session56_b_turn_moved import AN, BINH, CUONG, part_two
from tests.test_session59_a_silent_two_months import silent_in_february_and_march

UNMATCHED = (
    "Hộ chuyển đến từ xóm Nà Mòn được tính ở cột 'Chuyển đến từ xóm khác' nhưng không có ở cột "
    "'Chuyển sang xóm khác': xóm không có bảng tháng này (chưa nộp hoặc bị từ chối), nên hai cột "
    "này của dòng Tổng cộng có thể khác nhau. Tháng xóm nộp lại, bảng của xóm sẽ tính hộ chuyển "
    "đi."
)


def section_notes(out, period: str) -> tuple[list[str], list[str]]:
    """The texts in column A of 'Biến động' under part I's tables and under part II's (each up
    to the next part), the tables' rows left out (a hamlet's number, 'Tổng cộng')."""
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    texts = [r[0] for r in book["Biến động"].iter_rows(values_only=True) if isinstance(r[0], str)]
    one = next(i for i, text in enumerate(texts) if text.startswith("I. "))
    two = next(i for i, text in enumerate(texts) if text.startswith("II. "))
    end = next(i for i, text in enumerate(texts) if text.startswith("DANH SÁCH HỘ CÓ BIẾN ĐỘNG"))
    return texts[one:two], texts[two:end]


def test_march_a_move_in_from_the_silent_hamlet_is_said_under_the_month_table(tmp_path):
    """Worked by hand: March's month table, Nà Mòn 'Chưa nộp' (no table), Bản Cọ poor 2, moved
    in 1 (Cường, "Chuyển đến từ Nà Mòn"), 3; Đồng Kè 1 to 1. The commune's poor row: start 3,
    'Chuyển sang xóm khác' (column 5) 0, 'Chuyển đến từ xóm khác' (column 9) 1, end 4: the two
    columns differ by Cường, whose move out no table of March counts. The note under part II
    names Nà Mòn, once. The year's table (part I) moves Cường in from Nà Mòn too, its move out
    in no table: the same note under it, once (session 61, C2: A2's Left; was none there).
    Before: no note said why the columns differ."""
    _, _, out = silent_in_february_and_march(tmp_path)
    total = [row for row in part_two(out, "2025-03") if row[0] == "Tổng cộng"][0]
    assert total[1:] == (3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 4)  # columns 1-11, moved out 0, in 1
    year, month = section_notes(out, "2025-03")
    assert month.count(UNMATCHED) == 1
    assert year.count(UNMATCHED) == 1


def test_april_the_move_out_counted_no_note(tmp_path):
    """April: Nà Mòn sends An and Bình, its table (beside its January list) moves Cường out to
    Bản Cọ; Bản Cọ beside its March list moves nobody: no move in unmatched, no note (a guard:
    the note is not said for a hamlet that sent again)."""
    _, folder, out = silent_in_february_and_march(tmp_path)
    run_renumbered_month(folder, out, "2025-04", [AN, BINH], date(2025, 5, 3),
                         {"Bản Cọ": [CUONG]})  # fmt: skip
    _, month = section_notes(out, "2025-04")
    assert not any(text.startswith("Hộ chuyển đến từ xóm") for text in month)
