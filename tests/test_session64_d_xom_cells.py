"""Session 64 (D): the start list's hamlet total told by its 'Xóm' cell (R2 of session 63)
compared the cells as written: 'xóm Đồng Kè | | Cong Dong Ke | … | 8' under Đồng Kè's DK1, DK2
(written 'Đồng Kè') named another hamlet there, its 8 people set beside every row above it
(40): read as a household without a code. The cells are compared as the plan's hamlet matcher
reads them now.

The start list of tests.test_plan_fixes (B Xóm, C Mã hộ, D the head's name, I Số nhân khẩu):
ten households of 4 people in rows 4-13, Đồng Kè's DK1, DK2 in rows 12-13.
"""

from __future__ import annotations

import unicodedata

import pytest

from tests.test_plan_fixes import start_edited, told


@pytest.mark.parametrize(
    "xom", ["xóm Đồng Kè", "Xóm Đồng Kè", "Dong Ke", unicodedata.normalize("NFD", "Đồng Kè")]
)
def test_the_start_lists_hamlet_total_by_its_xom_cell_as_matched(tmp_path, xom):
    """Row 14 '<xom> | | Cong Dong Ke | … | 8'. By hand: the cell names Đồng Kè, whose rows 12-13
    hold 4 + 4 = 8 people: taken out, ten households read, nothing said. Before: its 8 set
    beside all 40 people above it: 'missing-household-id' C14 and 'invalid-classification'
    J14 (NFD passed before: the reader writes cells in NFC)."""
    got = start_edited(tmp_path / "t", {"B14": xom, "D14": "Cong Dong Ke", "I14": 8})
    assert got == (10, [])


def test_a_xom_cell_naming_another_hamlet_is_not_its_group(tmp_path):
    """Guard: row 14 'Bản Cọ | | Cong Dong Ke | … | 8': Bản Cọ's rows 9-11 hold 12 people, not
    8, and no other group gives 8: a head's row without a code, said as before (C14, J14)."""
    count, said = start_edited(tmp_path / "t", {"B14": "Bản Cọ", "D14": "Cong Dong Ke", "I14": 8})
    assert (count, [(code, cell) for code, cell, *_ in told(said)]) == (
        10,
        [("missing-household-id", "C14"), ("invalid-classification", "J14")],
    )
