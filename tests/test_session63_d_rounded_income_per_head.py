"""Session 63 (D): a total's income per head ('Thu nhập BQ') as a head writes it: rounded to
the tens, hundreds or thousands its own digits show (the rows' plain average or their income
per head, each household weighted by its people), and a group's subtotal giving its tổ's income
per head, are no stale total (R2's Left: a false ask on an honest list).

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ, J Thu nhập BQ (tests.test_session52_total_sums.total_sums_run); each household
poor, born 1970, unless said.
"""

from __future__ import annotations

import pytest

from pipeline.run import collect
from pipeline.tables import mean_written
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

# NM1: 4 people at 1,200,000 a head; NM2: 2 at 1,500,000; NM3: 3 at 1,250,000
NM1 = person("NM1", "poor")
NM2 = {**person("NM2", "poor"), "nhan_khau": 2, "thu_nhap": 1_500_000}
NM3 = {**person("NM3", "poor"), "nhan_khau": 3, "thu_nhap": 1_250_000}
HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
# By hand, the three households: people 4 + 2 + 3 = 9; income per head (4 × 1,200,000 + 2 ×
# 1,500,000 + 3 × 1,250,000) / 9 = (4,800,000 + 3,000,000 + 3,750,000) / 9 = 11,550,000 / 9 =
# 1,283,333.33; plain average (1,200,000 + 1,500,000 + 1,250,000) / 3 = 1,316,666.67


def _said(tmp_path) -> list[str]:
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.code == "subtotal-differs"]
    return [i.message("vi").split(": ", 1)[1].split(". ")[0] for i in told]


@pytest.mark.parametrize("count", [None, 3, "3"])
@pytest.mark.parametrize(
    "income",
    [
        1_283_000,  # the income per head rounded to thousands (1,283,333.33: off 333.33)
        1_283_300,  # ... to hundreds (off 33.33)
        1_283_330,  # ... to tens (off 3.33)
        1_280_000,  # ... to ten thousands (off 3,333.33; session 63 review, R2)
        1_320_000,  # the plain average to ten thousands (off 3,333.33; session 63 review, R2)
        1_317_000,  # the plain average rounded to thousands (1,316,666.67: off 333.33)
        "1.283.000",  # typed as text with the thousands' dots
    ],
)
def test_a_total_giving_a_rounded_average_is_unsaid(tmp_path, count, income):
    """Row 8 'Tổng cộng | <count> | … | 9 | … | <income>' under NM1-NM3: the list's total, its
    people right (9), its income the list's income per head or plain average rounded as the
    head writes it. By hand (module's note): nothing said, 3 poor. Before: said at J8 (only
    within 0.5 đồng of either average)."""
    lines = {8: {3: "Tổng cộng", 2: count, 8: 9, 10: income}}
    said, read, counts = total_sums_run(tmp_path, [NM1, NM2, NM3, None], lines)
    assert (said, read, counts) == ([], HOUSEHOLDS, (3, 0))


@pytest.mark.parametrize(
    "income",
    [
        1_284_000,  # thousands, off the income per head by 666.67 and the plain average more
        1_290_000,  # ten thousands, off 6,666.67 (more than 5,000; session 63 review)
        1_300_000,  # hundred thousands: off 16,666.67 (no rounding that coarse)
        1_283_340,  # tens, off 6.67 (more than 5)
    ],
)
def test_a_total_off_every_rounding_is_still_said(tmp_path, income):
    """Guard: row 8 'Tổng cộng | | … | 9 | … | <income>': no average rounded to the figure's
    own place. Said at J8 beside the plain average 1,316,667, as before."""
    lines = {8: {3: "Tổng cộng", 8: 9, 10: income}}
    said, read, _ = total_sums_run(tmp_path, [NM1, NM2, NM3, None], lines)
    assert (said, read) == ([("subtotal-differs", "J8")], HOUSEHOLDS)
    shown = f"{income:,}".replace(",", ".")
    assert _said(tmp_path) == [
        f"cột J 'Thu nhập BQ (đồng/người/tháng)' ghi {shown}, bình quân các dòng 5–7 là 1.316.667"
    ]


def test_the_rounding_rule():
    """tables.mean_written by hand: within 0.5 always; a figure ending in 000 within 500, in
    00 within 50, in 0 within 5; in 0000 within 5,000 (session 63 review, R2); no wider."""
    assert mean_written(1_283_333, 1_283_333.33)
    assert mean_written(1_283_000, 1_283_500)  # a tie: either way
    assert mean_written(1_284_000, 1_283_500)
    assert not mean_written(1_283_000, 1_283_500.01)
    assert mean_written(1_283_300, 1_283_350) and not mean_written(1_283_300, 1_283_351)
    assert mean_written(1_283_330, 1_283_335) and not mean_written(1_283_330, 1_283_336)
    assert mean_written(1_280_000, 1_283_333.33)  # ten thousands (session 63 review, R2)
    assert mean_written(1_280_000, 1_285_000) and not mean_written(1_280_000, 1_285_000.01)
    assert not mean_written(1_300_000, 1_283_333.33)  # hundred thousands: off 16,666.67
    assert not mean_written(1_283_333, 1_283_334.5)  # off 1.5, its own digits to the đồng


# tổ 1: NM1 (4 people, 1,200,000), NM2 (3 people, 1,500,000); tổ 2: NM3 (3, 1,250,000)
NM2_THREE = {**NM2, "nhan_khau": 3}
GROUPS = [NM1, NM2_THREE, None, NM3, None]
# By hand, tổ 1: people 7, income per head (4,800,000 + 4,500,000) / 7 = 1,328,571.43, plain
# average 1,350,000; tổ 2: NM3's own 3 and 1,250,000


@pytest.mark.parametrize("income", [1_328_571, 1_329_000, "1.328.571"])
def test_a_groups_subtotal_giving_its_income_per_head_is_unsaid(tmp_path, income):
    """Row 7 'Cộng tổ 1 | | … | 7 | … | <income>' under NM1, NM2 (rows 5-6), row 9 'Cộng tổ 2 |
    | … | 3 | … | 1.250.000' under NM3 (row 8). By hand: tổ 1's income per head 1,328,571.43
    (to the đồng 1,328,571, to thousands 1,329,000): right, nothing said, 3 poor. Before: said
    at J7 beside the plain average 1,350,000 (R2: group subtotals used only it)."""
    lines = {7: {3: "Cộng tổ 1", 8: 7, 10: income}, 9: {3: "Cộng tổ 2", 8: 3, 10: 1_250_000}}
    said, read, counts = total_sums_run(tmp_path, GROUPS, lines)
    assert (said, read, counts) == ([], HOUSEHOLDS, (3, 0))


def test_a_groups_subtotal_giving_its_rounded_plain_average_is_unsaid(tmp_path):
    """Row 7 'Cộng tổ 1 | | … | 7 | … | 1.350.000' (tổ 1's plain average, exactly) and row 9
    'Cộng tổ 2 | | … | 3 | … | 1.250.000': right before and after (a guard)."""
    lines = {7: {3: "Cộng tổ 1", 8: 7, 10: 1_350_000}, 9: {3: "Cộng tổ 2", 8: 3, 10: 1_250_000}}
    assert total_sums_run(tmp_path, GROUPS, lines) == ([], HOUSEHOLDS, (3, 0))


def test_a_groups_subtotal_off_both_averages_is_still_said(tmp_path):
    """Guard: row 7 'Cộng tổ 1 | | … | 7 | … | 1.400.000' (neither 1,328,571 nor 1,350,000,
    nor either rounded): said at J7 beside the plain average, as before."""
    lines = {7: {3: "Cộng tổ 1", 8: 7, 10: 1_400_000}, 9: {3: "Cộng tổ 2", 8: 3, 10: 1_250_000}}
    said, read, _ = total_sums_run(tmp_path, GROUPS, lines)
    assert (said, read) == ([("subtotal-differs", "J7")], HOUSEHOLDS)
    assert _said(tmp_path) == [
        "cột J 'Thu nhập BQ (đồng/người/tháng)' ghi 1.400.000, bình quân các dòng 5–6 là 1.350.000"
    ]
