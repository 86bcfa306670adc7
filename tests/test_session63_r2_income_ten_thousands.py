"""Session 63 review (R2) of D's rounded income per head (tables.mean_written): an income per
head written rounded to the ten thousand đồng, as some heads write a total's average
(=ROUND(…; -4)), was asked as a stale total ('subtotal-differs') on an honest list; now taken
within 5,000 đồng, as D's thousands within 500.

Nà Mòn's list from row 5 on (tests.test_session52_total_sums.total_sums_run: B Mã hộ, C the
head's name, H Số nhân khẩu, J Thu nhập BQ); NM1 4 people at 1,200,000 a head, NM2 2 at
1,500,000, NM3 3 at 1,250,000, each poor.
"""

from __future__ import annotations

import pytest

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

NM1 = person("NM1", "poor")
NM2 = {**person("NM2", "poor"), "nhan_khau": 2, "thu_nhap": 1_500_000}
NM3 = {**person("NM3", "poor"), "nhan_khau": 3, "thu_nhap": 1_250_000}
HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
# By hand: people 4 + 2 + 3 = 9; income per head (4,800,000 + 3,000,000 + 3,750,000) / 9 =
# 1,283,333.33 (to ten thousands 1,280,000, off 3,333.33); plain average 1,316,666.67 (to
# ten thousands 1,320,000, off 3,333.33)


@pytest.mark.parametrize("income", [1_280_000, 1_320_000, "1.280.000"])
def test_a_lists_total_to_ten_thousands_is_unsaid(tmp_path, income):
    """Row 8 'Tổng cộng | | … | 9 | … | <income>' under NM1-NM3. By hand (module's note):
    within 5,000 of the income per head or of the plain average: nothing said, 3 poor.
    Before: said at J8 (D: no rounding coarser than thousands)."""
    lines = {8: {3: "Tổng cộng", 8: 9, 10: income}}
    assert total_sums_run(tmp_path, [NM1, NM2, NM3, None], lines) == ([], HOUSEHOLDS, (3, 0))


def test_a_groups_subtotal_to_ten_thousands_is_unsaid(tmp_path):
    """Row 7 'Cộng tổ 1 | | … | 6 | … | 1.300.000' under NM1, NM2 (rows 5-6), row 9 'Cộng tổ 2
    | | … | 3 | … | 1.250.000' under NM3. By hand: tổ 1's income per head (4,800,000 +
    3,000,000) / 6 = 1,300,000 exactly (its plain average 1,350,000): a figure ending in 0000
    that is the average to the đồng. Nothing said, 3 poor (a guard, right before too)."""
    lines = {7: {3: "Cộng tổ 1", 8: 6, 10: 1_300_000}, 9: {3: "Cộng tổ 2", 8: 3, 10: 1_250_000}}
    rows = [NM1, NM2, None, NM3, None]
    assert total_sums_run(tmp_path, rows, lines) == ([], HOUSEHOLDS, (3, 0))


def test_a_groups_subtotal_per_head_to_ten_thousands_is_unsaid(tmp_path):
    """Row 7 'Cộng tổ 1 | | … | 7 | … | 1.330.000' under NM1 (4 at 1,200,000) and NM2 written
    with 3 people (1,500,000), row 9 'Cộng tổ 2 | | … | 3 | … | 1.250.000' under NM3. By hand:
    tổ 1's income per head (4,800,000 + 4,500,000) / 7 = 1,328,571.43, to ten thousands
    1,330,000 (off 1,428.57); its plain average 1,350,000 (off 20,000). Nothing said. Before:
    said at J7."""
    lines = {7: {3: "Cộng tổ 1", 8: 7, 10: 1_330_000}, 9: {3: "Cộng tổ 2", 8: 3, 10: 1_250_000}}
    rows = [NM1, {**NM2, "nhan_khau": 3}, None, NM3, None]
    assert total_sums_run(tmp_path, rows, lines) == ([], HOUSEHOLDS, (3, 0))


@pytest.mark.parametrize("income", [1_290_000, 1_300_000])
def test_a_lists_total_off_ten_thousands_is_said(tmp_path, income):
    """Guard: row 8 'Tổng cộng | | … | 9 | … | <income>': 1,290,000 is 6,666.67 off the
    income per head and 26,666.67 off the plain average; 1,300,000 16,666.67 and 16,666.67
    (a hundred thousands: no rounding taken). Said at J8, as before."""
    lines = {8: {3: "Tổng cộng", 8: 9, 10: income}}
    said, read, _ = total_sums_run(tmp_path, [NM1, NM2, NM3, None], lines)
    assert (said, read) == ([("subtotal-differs", "J8")], HOUSEHOLDS)
