"""Session 62 (R2, review of D): a group's subtotal left at 0 is an empty tổ's, right, where the
list's subtotals stand under their rows, or where it stands on top of no household; it is set
beside the rows under it only where the list writes its subtotals on top of their tổ.

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ (tests.test_session52_total_sums.total_sums_run); each household 4 people, poor.
"""

from __future__ import annotations

import pytest

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
NM1, NM2, NM3 = person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor")


@pytest.mark.parametrize(("one", "none", "three"), [(2, 0, 1), ("2 hộ", "0 hộ", "1 hộ")])
def test_an_empty_tổs_0_among_subtotals_under_their_rows_is_unsaid(tmp_path, one, none, three):
    """Rows 5-6 NM1, NM2, row 7 'Cộng tổ 1 | 2 | … | 8', row 8 'Cộng tổ 2 | 0 | … | 0' (tổ 2
    has no household), row 9 NM3, row 10 'Cộng tổ 3 | 1 | … | 4'. By hand: each subtotal
    sums the rows above it (2 and 8, 0 and 0, 1 and 4): nothing to say, 3 households. Before
    (D's first version): row 8 said beside tổ 3's row 9 (B8 'ghi 0, dòng 9 có 1 ô ghi', H8),
    a false ask on a clean list."""
    rows = [NM1, NM2, None, None, NM3, None]
    lines = {
        7: {3: "Cộng tổ 1", 2: one, 8: 8},
        8: {3: "Cộng tổ 2", 2: none, 8: 0},
        10: {3: "Cộng tổ 3", 2: three, 8: 4},
    }
    assert total_sums_run(tmp_path, rows, lines) == ([], HOUSEHOLDS, (3, 0))


def test_an_empty_first_tổ_over_a_subtotal_without_a_count_is_unsaid(tmp_path):
    """Row 5 'Cộng tổ 1 | 0 | … | 0' (tổ 1 empty), rows 6-7 NM1, NM2, row 8 'Cộng tổ 2 | | … |
    8' (no count, its people 4 + 4 = 8: tổ 2's own subtotal under its rows). By hand: right,
    nothing said, 2 households. Before: row 5 said beside rows 6-7 (B5, H5)."""
    lines = {5: {3: "Cộng tổ 1", 2: 0, 8: 0}, 8: {3: "Cộng tổ 2", 8: 8}}
    said, read, counts = total_sums_run(tmp_path, [None, NM1, NM2, None], lines)
    assert (said, read, counts) == ([], HOUSEHOLDS[:2], (2, 0))


def test_an_empty_first_tổ_then_an_empty_middle_tổ_is_unsaid(tmp_path):
    """Row 5 'Cộng tổ 1 | 0 | … | 0', rows 6-7 NM1, NM2, row 8 'Cộng tổ 2 | 2 | … | 8', row 9
    'Cộng tổ 3 | 0 | … | 0', row 10 NM3, row 11 'Cộng tổ 4 | 1 | … | 4': subtotals under
    their rows, tổ 1 and tổ 3 empty. By hand: all right, nothing said. Before: row 9 said
    beside row 10 (B9, H9): the first 0 with no household above it took the list for one
    writing its subtotals on top."""
    rows = [None, NM1, NM2, None, None, NM3, None]
    lines = {
        5: {3: "Cộng tổ 1", 2: 0, 8: 0},
        8: {3: "Cộng tổ 2", 2: 2, 8: 8},
        9: {3: "Cộng tổ 3", 2: 0, 8: 0},
        11: {3: "Cộng tổ 4", 2: 1, 8: 4},
    }
    assert total_sums_run(tmp_path, rows, lines) == ([], HOUSEHOLDS, (3, 0))


def test_an_empty_tổs_0_on_top_of_nothing_is_unsaid(tmp_path):
    """Subtotals on top: row 5 'Cộng tổ 1 | 2 | … | 8' over NM1, NM2, row 8 'Cộng tổ 2 | 1 | … |
    4' over NM3 (row 9), then row 10 'Cộng tổ 3 | 0 | … | 0' with nothing under it (tổ 3
    empty; D's Left); and row 8 'Cộng tổ 2 | 0 | … | 0' over nothing, row 9 'Cộng tổ 3 | 1 |
    … | 4' over NM3 (tổ 2 empty). By hand: all right, nothing said. Before: the trailing 0
    said beside tổ 2's row (total-count-differs at B10); the middle one beside tổ 3's (B8,
    H8)."""
    rows = [None, NM1, NM2, None, NM3, None]
    lines = {
        5: {3: "Cộng tổ 1", 2: 2, 8: 8},
        8: {3: "Cộng tổ 2", 2: 1, 8: 4},
        10: {3: "Cộng tổ 3", 2: 0, 8: 0},
    }
    assert total_sums_run(tmp_path / "last", rows, lines) == ([], HOUSEHOLDS, (3, 0))
    rows = [None, NM1, NM2, None, None, NM3]
    lines = {
        5: {3: "Cộng tổ 1", 2: 2, 8: 8},
        8: {3: "Cộng tổ 2", 2: 0, 8: 0},
        9: {3: "Cộng tổ 3", 2: 1, 8: 4},
    }
    assert total_sums_run(tmp_path / "middle", rows, lines) == ([], HOUSEHOLDS, (3, 0))


def test_subtotals_left_at_0_on_top_of_their_rows_are_still_said(tmp_path):
    """Guard: row 5 'Cộng tổ 1 | 0 hộ | … | 0' over NM1, NM2 (rows 6-7), row 8 'Cộng tổ 2 | 0 |
    … | 0' over NM3 (row 9): both left at 0 on top of their tổ. By hand: said at B5, H5
    (rows 6-7: 2 households, 8 people) and B8, H8 (row 9: 1, 4); 3 households, none read
    from a subtotal. Passes on D's code too."""
    rows = [None, NM1, NM2, None, NM3]
    lines = {5: {3: "Cộng tổ 1", 2: "0 hộ", 8: 0}, 8: {3: "Cộng tổ 2", 2: 0, 8: 0}}
    said, read, counts = total_sums_run(tmp_path, rows, lines)
    assert (read, counts) == (HOUSEHOLDS, (3, 0))
    assert said == [
        ("subtotal-differs", "B5"),
        ("subtotal-differs", "H5"),
        ("subtotal-differs", "B8"),
        ("subtotal-differs", "H8"),
    ]
