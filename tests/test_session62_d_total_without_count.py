"""Session 62 (D): the list's total written without a count of households ('Tổng cộng | | 5.910
| … | 16', session 61 D's Left, session 55): its figures set beside the rows it totals.

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ, J Thu nhập BQ (tests.test_session52_total_sums.total_sums_run); each household
born 1970, 4 people, poor.
"""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

ROWS = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"), None]
HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


def _said(tmp_path) -> list[str]:
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.code == "subtotal-differs"]
    return [i.message("vi").split(": ", 1)[1].split(".")[0] for i in told]


@pytest.mark.parametrize(
    ("label", "people"),
    [
        ("Tổng cộng", 16),
        (unicodedata.normalize("NFD", "TỔNG CỘNG:"), "16"),  # NFD, the sum typed as text
        ("Cộng", 16),
    ],
)
def test_the_lists_total_without_a_count_left_stale_is_said(tmp_path, label, people):
    """Row 8 '<label> | | 5910 | … | 16' under NM1-NM3 (born 1970: 5,910; 4 people each: 12),
    'Mã hộ' blank. By hand: the list's total, its people 16 where rows 5-7 add up to 12 (a
    household deleted since, its 4 still counted): said subtotal-differs at H8, as the same
    row with its count 3 is (session 60, E); its years right, unsaid; 3 households. Before:
    passed over unsaid (a total without a count asked nothing, session 55)."""
    lines = {8: {3: label, 4: 5910, 8: people}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines)
    assert (said, read, counts) == ([("subtotal-differs", "H8")], HOUSEHOLDS, (3, 0))
    assert _said(tmp_path) == ["cột H 'Số nhân khẩu' ghi 16, cộng các dòng 5–7 được 12"]


def test_a_grand_total_without_a_count_under_subtotals_is_set_beside_all_rows(tmp_path):
    """Rows 5-6 NM1, NM2, row 7 'Cộng tổ 1 | 2 | … | 8', row 8 NM3, row 9 'Cộng tổ 2 | 1 | … |
    4', row 10 'Tổng cộng | | … | 16': the grand total, all three households' 12 people, not
    tổ 2's 4. By hand: said at H10 'ghi 16, cộng các dòng 5–6, 8 được 12'; right (12): unsaid."""
    rows = [person("NM1", "poor"), person("NM2", "poor"), None, person("NM3", "poor"), None, None]
    lines = {7: {3: "Cộng tổ 1", 2: 2, 8: 8}, 9: {3: "Cộng tổ 2", 2: 1, 8: 4}}
    said, read, _ = total_sums_run(tmp_path / "stale", rows, {**lines, 10: {3: "Tổng cộng", 8: 16}})
    assert (said, read) == ([("subtotal-differs", "H10")], HOUSEHOLDS)
    assert _said(tmp_path / "stale") == [
        "cột H 'Số nhân khẩu' ghi 16, cộng các dòng 5–6, 8 được 12"
    ]
    right = total_sums_run(tmp_path / "right", rows, {**lines, 10: {3: "Tổng cộng", 8: 12}})
    assert right == ([], HOUSEHOLDS, (3, 0))


@pytest.mark.parametrize("people", [12, "12", 8])
def test_a_total_without_a_count_summing_its_rows_or_a_class_is_unsaid(tmp_path, people):
    """Guards: row 8 'Tổng cộng | | … | 12' (right, or typed as text) unsaid, as before. And
    NM3 near-poor: 8 is the poor households' people (rows 5-6), a total of one class ('Tổng
    cộng' naming none): unsaid, as a count of one class is (session 61, D)."""
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor"), None]
    said, read, counts = total_sums_run(tmp_path, rows, {8: {3: "Tổng cộng", 8: people}})
    assert (said, read, counts) == ([], HOUSEHOLDS, (2, 1))


def test_a_total_without_a_count_at_0_is_not_asked(tmp_path):
    """Guard: row 8 'Tổng cộng | | 0 | … | 0' under NM1-NM3 (a template's total left empty, or
    a =SUM the program that saved the file never worked out, its value written 0): not asked,
    nothing said; and 'Tổng cộng | | 0 | … | 16' asks its 16 alone (said at H8). The mess
    fuzzer's seeds 4499, 4508, 4552 drew such totals (session 62)."""
    said, read, _ = total_sums_run(tmp_path / "zeros", ROWS, {8: {3: "Tổng cộng", 4: 0, 8: 0}})
    assert (said, read) == ([], HOUSEHOLDS)
    said, _, _ = total_sums_run(tmp_path / "one", ROWS, {8: {3: "Tổng cộng", 4: 0, 8: 16}})
    assert said == [("subtotal-differs", "H8")]
    assert _said(tmp_path / "one") == ["cột H 'Số nhân khẩu' ghi 16, cộng các dòng 5–7 được 12"]
