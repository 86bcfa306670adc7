"""Session 64 review (RD) of D's (4): the start list's total writing a count of a class under
'Phân loại hộ' is passed over as a total. D's guard took a whole number from 1 on (and '0' as
text), so the template's =COUNTIF finding none, 0 written as a number, still guarded the row:
'Tổng cộng | | … | 40 | 0' was read as a household with no hamlet ('start-list-hamlet-blank'
at B14), while '… | 40 | "0"' was passed over.

The start list of tests.test_plan_fixes (A STT, B Xóm, C Mã hộ, D the head's name, I Số nhân
khẩu, J Phân loại hộ): ten households of 4 people in rows 4-13 (40 people).
"""

from __future__ import annotations

import pytest

from tests.test_plan_fixes import start_edited, told


def _said(tmp_path, cells: dict) -> tuple[int, list]:
    count, said = start_edited(tmp_path / "t", cells)
    return count, [
        (code, cell, variant, str(detail)) for code, cell, variant, _, detail, _ in told(said)
    ]


@pytest.mark.parametrize("none", [0, 0.0, "0"])
def test_the_start_lists_total_counting_no_household_of_a_class_is_passed_over(tmp_path, none):
    """Row 14 'Tổng cộng | | … | 40 | <0>'. By hand: 40 people are the ten rows' (10 × 4): ten
    households read, nothing said. Before (number 0): 'start-list-hamlet-blank' at B14."""
    assert _said(tmp_path, {"D14": "Tổng cộng", "I14": 40, "J14": none}) == (10, [])


def test_the_start_lists_stale_total_counting_none_is_asked(tmp_path):
    """Row 14 'Tổng cộng | | … | 44 | 0': 44 people where the rows hold 40: said at I14
    ('plan-total-no-count', as D's '… | 44 | 6'). Before: read as a household with no hamlet."""
    assert _said(tmp_path, {"D14": "Tổng cộng", "I14": 44, "J14": 0}) == (
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
