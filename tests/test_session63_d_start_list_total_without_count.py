"""Session 63 (D): the plan's start list's own total writing no count of households ('Tổng
cộng | | … | 44' under all its rows) whose figures are not the rows' sums is said, as one
writing its count is ('plan-total', session 60 review); D's Left of session 62: never asked.

The plan: tests.test_plan_fixes (start list 'Danh sách đầu năm' A STT, B Xóm, C Mã hộ, D the
head's name, I Số nhân khẩu; NM1-5 rows 4-8, BC1-3 rows 9-11, DK1-2 rows 12-13: 10
households of 4 people, 40 in all; 6 poor, 4 near-poor).
"""

from __future__ import annotations

from tests.test_plan_fixes import start_edited, told


def test_a_stale_total_without_a_count_is_said(tmp_path):
    """Row 14 '| | | Tổng cộng | … | 44' under the 10 households. By hand: 10 × 4 = 40 people,
    not 44: said subtotal-differs at I14, variant 'plan-total-no-count' ("cột I 'Số nhân
    khẩu' ghi 44, cộng các dòng 4–13 được 40"); 10 households read. Before: unsaid."""
    count, said = start_edited(tmp_path / "t", {"D14": "Tổng cộng", "I14": 44})
    assert (count, [(code, cell, variant) for code, cell, variant, *_ in told(said)]) == (
        10,
        [("subtotal-differs", "I14", "plan-total-no-count")],
    )
    assert said[0].message("vi").split(": ", 1)[1].split(".")[0] == (
        "cột I 'Số nhân khẩu' ghi 44, cộng các dòng 4–13 được 40"
    )


def test_a_right_total_without_a_count_is_unsaid(tmp_path):
    """Guard: row 14 '| | | Tổng cộng | … | 40' (and '40' typed as text): right, nothing said;
    10 households. The same before."""
    assert start_edited(tmp_path / "n", {"D14": "Tổng cộng", "I14": 40}) == (10, [])
    assert start_edited(tmp_path / "t", {"D14": "Tổng cộng", "I14": "40"}) == (10, [])


def test_a_total_without_a_count_over_an_old_total_read_as_a_row_is_unsaid(tmp_path):
    """A row inserted at 12, between Bản Cọ's last household (row 11) and Đồng Kè's (now rows
    13-14): '| 8 | Tổng cộng | … | 32' (the list's total before Đồng Kè's rows were added
    under it: 8 rows, 32 people), and row 15 '| | | Tổng cộng | … | 40' under all. By hand:
    both the list's totals, right (8 rows and 32 people above row 12; 10 rows and 40 people
    above row 15): nothing said, 10 households. The reader, knowing no plan, took row 12 for a
    row and set row 15 beside 11 rows (72 people): among them a total's, it is not asked (44
    there neither: left)."""
    for people in (40, 44):
        cells = {"C12": 8, "D12": "Tổng cộng", "I12": 32, "D15": "Tổng cộng", "I15": people}
        assert start_edited(tmp_path / str(people), cells, insert=12) == (10, [])
