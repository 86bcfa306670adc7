"""Session 62 (D): a hamlet's list's own total naming the hamlet, its count bare under 'Mã hộ'
('Cộng xóm Nà Mòn | 4', session 61 D's Left): set beside the list's rows as 'Tổng cộng | 4' is.

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ (tests.test_session52_total_sums.total_sums_run); each household 4 people, poor.
"""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

# rows 5-7 NM1-NM3, row 8 the hamlet's total
ROWS = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"), None]
HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


@pytest.mark.parametrize(
    "label",
    [
        "Cộng xóm Nà Mòn",
        unicodedata.normalize("NFD", "CỘNG XÓM NÀ MÒN:"),
        "Tổng cộng thôn Nà Mòn",
        "Cong Na Mon",
    ],
)
@pytest.mark.parametrize("count", [4, "4"])
def test_the_hamlets_own_total_counting_wrong_is_said(tmp_path, label, count):
    """Row 8 '<label> | 4 | … | 12' under NM1-NM3 (3 households, 12 people). By hand: the
    hamlet's total, no household; its count 4 where the list has 3: said total-count-differs
    at B8 ('4', 3), as 'Tổng cộng | 4' there is (session 59 review); 3 households, all poor."""
    lines = {8: {3: label, 2: count, 8: 12}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines)
    assert (said, read, counts) == ([("total-count-differs", "B8")], HOUSEHOLDS, (3, 0))
    result, _ = collect(tmp_path, None, workers=0)
    told = next(i for i in result.issues if i.code == "total-count-differs")
    assert (told.value, told.detail) == ("4", "3")


@pytest.mark.parametrize("label", ["Cộng xóm Nà Mòn", "Cong Na Mon"])
def test_the_hamlets_own_total_counting_right_is_unsaid(tmp_path, label):
    """Guard: row 8 '<label> | 3 | … | 12' under NM1-NM3: right, nothing said; 3 households."""
    lines = {8: {3: label, 2: 3, 8: 12}}
    assert total_sums_run(tmp_path, ROWS, lines) == ([], HOUSEHOLDS, (3, 0))
