"""Session 62 (R2, review of D): the list's total (with or without a count of households) is
not asked where it gives the list's income per head under 'Thu nhập BQ' (each household's
weighted by its people), nor, standing on top of the list, where it sums every household under
it through the groups' subtotals.

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ, J Thu nhập BQ (tests.test_session52_total_sums.total_sums_run); each household
4 people, 1,200,000 a head a month, poor, unless said.
"""

from __future__ import annotations

import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
NM1, NM3 = person("NM1", "poor"), person("NM3", "poor")
# NM2: 2 people at 1,500,000 a head
NM2 = {**person("NM2", "poor"), "nhan_khau": 2, "thu_nhap": 1_500_000}


def _said(tmp_path) -> list[str]:
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.code == "subtotal-differs"]
    return [i.message("vi").split(": ", 1)[1].split(".")[0] for i in told]


@pytest.mark.parametrize("count", [None, 3])
def test_a_total_giving_the_income_per_head_is_unsaid(tmp_path, count):
    """Row 8 'Tổng cộng | <count> | … | 10 | … | 1.260.000' under NM1 (4 people, 1,200,000),
    NM2 (2, 1,500,000), NM3 (4, 1,200,000). By hand: people 4 + 2 + 4 = 10; income per head
    (4 × 1,200,000 + 2 × 1,500,000 + 4 × 1,200,000) / 10 = 12,600,000 / 10 = 1,260,000, the
    list's own per-head figure (the rows' plain average is 1,300,000): nothing said, with no
    count or with 3. Before: said at J8 ('ghi 1260000, trung bình … 1300000'), the counted
    one since session 60, the uncounted one since D's change."""
    lines = {8: {3: "Tổng cộng", 2: count, 8: 10, 10: 1_260_000}}
    said, read, counts = total_sums_run(tmp_path, [NM1, NM2, NM3, None], lines)
    assert (said, read, counts) == ([], HOUSEHOLDS, (3, 0))


def test_a_total_off_both_averages_is_still_said(tmp_path):
    """Guard: row 8 'Tổng cộng | | … | 10 | … | 1.400.000' (neither the plain average 1,300,000
    nor the per-head 1,260,000): said at J8 beside the plain average, as before."""
    lines = {8: {3: "Tổng cộng", 8: 10, 10: 1_400_000}}
    said, read, _ = total_sums_run(tmp_path, [NM1, NM2, NM3, None], lines)
    assert (said, read) == ([("subtotal-differs", "J8")], HOUSEHOLDS)


def test_a_grand_total_on_top_over_subtotals_on_top_sums_all_under_it(tmp_path):
    """Row 5 'Tổng cộng | | … | 12' on top of the list, row 6 'Cộng tổ 1 | | … | 8' over NM1,
    NM2 (rows 7-8), row 9 'Cộng tổ 2 | | … | 4' over NM3 (row 10), 4 people each. By hand:
    the grand total is 4 + 4 + 4 = 12, right: nothing said. Before: said at H5 beside tổ 1's
    rows alone ('ghi 12, cộng các dòng 7–8 được 8'). With 16 it is said beside all three
    rows: 'ghi 16, cộng các dòng 7–8, 10 được 12'."""
    rows = [None, None, person("NM1", "poor"), person("NM2", "poor"), None, NM3]
    lines = {6: {3: "Cộng tổ 1", 8: 8}, 9: {3: "Cộng tổ 2", 8: 4}}
    right = total_sums_run(tmp_path / "right", rows, {**lines, 5: {3: "Tổng cộng", 8: 12}})
    assert right == ([], HOUSEHOLDS, (3, 0))
    said, read, _ = total_sums_run(tmp_path / "stale", rows, {**lines, 5: {3: "Tổng cộng", 8: 16}})
    assert (said, read) == ([("subtotal-differs", "H5")], HOUSEHOLDS)
    assert _said(tmp_path / "stale") == [
        "cột H 'Số nhân khẩu' ghi 16, cộng các dòng 7–8, 10 được 12"
    ]
