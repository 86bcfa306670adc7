"""Session 62 (D): two 'Tổng cộng' rows in the head's name of the plan's start list, 'Xóm'
blank, each with its count bare under 'Mã hộ' (session 61 R1's Left): both the list's totals,
no household; each count set beside the rows it may count.

The plan: tests.test_plan_fixes (start list 'Danh sách đầu năm' B Xóm, C Mã hộ, D the head's
name; NM1-5 rows 4-8, BC1-3 rows 9-11, DK1-2 rows 12-13: 10 households, Nà Mòn 5, Bản Cọ 3,
Đồng Kè 2).
"""

from __future__ import annotations

import unicodedata

from tests.test_plan_fixes import start_edited, told

NFD_TOTAL = unicodedata.normalize("NFD", "TỔNG CỘNG:")


def test_the_lists_total_written_twice_under_it_is_no_household(tmp_path):
    """Rows 14 and 15 under the 10 households: '| 10 | Tổng cộng' and the same row copied
    under it ('10' typed as text, 'TỔNG CỘNG:' in NFD). By hand: both the list's total, right:
    nothing said, 10 households. Before: row 14 read as a household without its hamlet
    (start-list-hamlet-blank at B14)."""
    cells = {"C14": 10, "D14": "Tổng cộng", "C15": "10", "D15": NFD_TOTAL}
    assert start_edited(tmp_path / "t", cells) == (10, [])


def test_an_old_total_left_above_rows_added_since_counts_the_rows_above_it(tmp_path):
    """A row inserted at 12 between Bản Cọ's last household (row 11) and Đồng Kè's (now rows
    13-14): '| 8 | Tổng cộng' (the list's total before Đồng Kè's rows were added under it), and
    '| 10 | Tổng cộng' at row 15. By hand: both totals, no household; row 12 counts the 8 rows
    above it, row 15 all 10: nothing said. Before: row 12 read as a household without its
    hamlet (start-list-hamlet-blank at B12)."""
    cells = {"C12": 8, "D12": "Tổng cộng", "C15": 10, "D15": "Tổng cộng"}
    assert start_edited(tmp_path / "t", cells, insert=12) == (10, [])


def test_a_total_counting_wrong_is_said_beside_the_rows_above_it(tmp_path):
    """As above, row 12 '| 7 | Tổng cộng' over 8 rows, row 15 '| 10 | Tổng cộng' right. By
    hand: row 12 said total-count-differs 'plan-above' at C12 ('7', the 8 rows above it),
    row 15 unsaid; 10 households. And row 15 '| 9 |' under a right row 12: said 'plan' at C15
    ('9', 10), as one total there is (session 61)."""
    got = start_edited(tmp_path / "mid", {"C12": 7, "D12": "Tổng cộng", "C15": 10, "D15": "Tổng cộng"},
                 insert=12)  # fmt: skip
    assert (got[0], told(got[1])) == (
        10, [("total-count-differs", "C12", "plan-above", "7", "8", "")]
    )  # fmt: skip
    assert (
        got[1][0]
        .message("vi")
        .startswith(
            "Dòng tổng cộng (dòng 12) của danh sách đầu năm ghi '7' nhưng phía trên dòng này có 8 "
            "dòng hộ;"
        )
    )
    got = start_edited(tmp_path / "last", {"C12": 8, "D12": "Tổng cộng", "C15": 9, "D15": "Tổng cộng"},
                 insert=12)  # fmt: skip
    assert (got[0], told(got[1])) == (10, [("total-count-differs", "C15", "plan", "9", "10", "")])


def test_a_blocks_total_counts_the_rows_since_the_total_above(tmp_path):
    """Row 9 '| 5 | Tổng cộng' (inserted, under NM1-NM5), row 15 '| 5 | Tổng cộng' under Bản
    Cọ's and Đồng Kè's 3 + 2 rows (10-14): each block's own total (the list written in two
    parts), right: nothing said, 10 households. Before: row 9 a household without its hamlet;
    row 15's 5 said counting wrong (neither 10 nor Đồng Kè's 2)."""
    cells = {"C9": 5, "D9": "Tổng cộng", "C15": 5, "D15": "Tổng cộng"}
    assert start_edited(tmp_path / "t", cells, insert=9) == (10, [])


def test_the_lists_total_on_top_of_it_counts_all_its_rows(tmp_path):
    """A row inserted at 4, above NM1: '| 10 | Tổng cộng' (the total written on top of the
    list), and '| 10 | Tổng cộng' under it at row 15. By hand: both the list's total over its
    10 rows, unsaid; 10 households. Before: row 4 read as a household without its hamlet."""
    cells = {"C4": 10, "D4": "Tổng cộng", "C15": 10, "D15": "Tổng cộng"}
    assert start_edited(tmp_path / "t", cells, insert=4) == (10, [])
