"""Session 64 (D): the plan's start list's totals session 63's review (R2) left.

The start list of tests.test_plan_fixes (A STT, B Xóm, C Mã hộ, D the head's name, I Số nhân
khẩu, J Phân loại hộ): ten households of 4 people in rows 4-13, NM1-NM5 (Nà Mòn: NM1-NM3 poor),
BC1-BC3 (Bản Cọ: BC1, BC2 poor), DK1, DK2 (Đồng Kè: DK1 poor): 40 people, 6 poor.

(4) 'Tổng cộng | | … | 40 | 6' (6, its poor, under 'Phân loại hộ', a column that tells a
household's row on the start list) was read as a household: said 'start-list-hamlet-blank' at
B14. A whole number there guards no row now: the total is passed over, its figures asked.
"""

from __future__ import annotations

import pytest

from tests.test_plan_fixes import start_edited, told


def _said(tmp_path, cells: dict) -> tuple[int, list]:
    count, said = start_edited(tmp_path / "t", cells)
    return count, [
        (code, cell, variant, str(detail)) for code, cell, variant, _, detail, _ in told(said)
    ]


@pytest.mark.parametrize("poor", [6, "6"])
def test_the_start_lists_total_writing_its_poor_is_passed_over(tmp_path, poor):
    """Row 14 'Tổng cộng | | … | 40 | <poor>'. By hand: 40 people, 6 poor, both the list's:
    ten households read, nothing said. Before: read as a household with no hamlet
    ('start-list-hamlet-blank' at B14)."""
    assert _said(tmp_path, {"D14": "Tổng cộng", "I14": 40, "J14": poor}) == (10, [])


def test_the_start_lists_stale_total_writing_its_poor_is_asked(tmp_path):
    """Row 14 'Tổng cộng | | … | 44 | 6': 44 people where the rows hold 40: said at I14 as
    D's stale total without a count is ('plan-total-no-count'). Before: read as a household
    ('start-list-hamlet-blank' at B14), the stale 44 never asked."""
    assert _said(tmp_path, {"D14": "Tổng cộng", "I14": 44, "J14": 6}) == (
        10,
        [
            (
                "subtotal-differs",
                "I14",
                "plan-total-no-count",
                "cột I 'Số nhân khẩu' ghi 44, cộng các dòng 4–13 được 40",
            )
        ],
    )


def test_a_household_row_with_a_number_for_its_class_is_still_read(tmp_path):
    """Guard: row 14 'NM9 | Hoàng Văn X | … | 4 | 6' (a code, a head's name, no Xóm): a
    household row, read and said as before ('start-list-hamlet-blank' at B14)."""
    count, said = _said(tmp_path, {"C14": "NM9", "D14": "Hoàng Văn X", "I14": 4, "J14": 6})
    assert (count, [s[:2] for s in said]) == (10, [("start-list-hamlet-blank", "B14")])
