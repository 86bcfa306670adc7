"""Session 66, review of F's counts and notes (RF): a count's class cell in brackets or run
together is a count as '3 hộ nghèo' is.

F read '3 hộ nghèo' under a count's 'Phân loại hộ' as a count of a class, but took the number
from the cell's first word: '(3 hộ nghèo)' ('(3') and '3hộ nghèo' ('3hộ') were still a head's
row coded 3, asked at I8; so was D's '(3 hộ)' (session 65), which the count's own 'Mã hộ' cell
takes. The number is now read from the folded words (brackets and dots gone), 'hộ' beside it or
not.

Nà Mòn's list (tests.commune), rows 5-7 NM1-NM3 (4 people each, poor), row 8 'Cong Na Mon | 3
| … | 12 | <class cell>'; Bản Cọ sends none.
"""

from __future__ import annotations

import unicodedata

import pytest

from tests.commune import person
from tests.test_session64_d_hamlet_counts import said_and_codes

NM = [person(f"NM{n}", "poor") for n in (1, 2, 3)]


@pytest.mark.parametrize(
    "poor",
    ["(3 hộ nghèo)", "3hộ nghèo", "(3 hộ)", unicodedata.normalize("NFD", "(2 hộ cận nghèo).")],
)
def test_a_count_of_a_class_in_brackets_or_run_together_is_a_total(tmp_path, poor):
    """By hand: 3 households of 12 people (4 + 4 + 4) above a count of 3; the class cell counts
    3 (or 2) of them, no more than 3: Nà Mòn's total, taken out, nothing said; NM1-NM3 read.
    Before: a household coded 3, 'invalid-classification' at I8."""
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12, 9: poor}}
    assert said_and_codes(tmp_path, [*NM, None], lines) == ([], ["NM1", "NM2", "NM3"])


def test_a_class_counted_above_the_count_in_brackets_is_still_asked(tmp_path):
    """Guard: '(4 hộ nghèo)' among 3 households: a head's row coded 3, asked at I8."""
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12, 9: "(4 hộ nghèo)"}}
    said, codes = said_and_codes(tmp_path, [*NM, None], lines)
    assert [(c, cell) for c, cell, _, _ in said] == [("invalid-classification", "I8")]
    assert codes == ["3", "NM1", "NM2", "NM3"]
