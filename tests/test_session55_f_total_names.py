"""Session 55 (helper F): a row named after a total's words is a total only where its numbers
are a total's.

'Tong Cong Van Thanh' ('Tống Công Văn Thành' typed without marks) on a row without a code, a
birth year or a household's text was passed over as a total whatever its numbers: 4 people
under two households' 8 lost a household, nothing said. 'Tong Van Binh' ('Tống Văn Bình') in
a commune with a hamlet 'Văn Bình' was taken out as that hamlet's total once the plan was
known, whatever its numbers (consolidate.hamlet_totals_taken). Now such a row is a total only
where each of its numbers is its column's sum (or count) over the rows around it
(tables.figures_summed); else a household, read and told at its row. The start list's
validation is given the plan's hamlets as a hamlet's list's is.

The small commune (tests.commune): each household born 1970, 4 people, 1,200,000 đồng a
person a month, class 'Hộ nghèo' or 'Hộ cận nghèo', cause 'Thiếu vốn'. Nà Mòn's list from row
5: B Mã hộ, C name, D Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ, J Thu nhập.
NM1 + NM2 sum to 3,940 (D), 8 (H), 2,400,000 (J)."""

from __future__ import annotations

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

_TWO = [person("NM1", "poor"), person("NM2", "poor")]
_READ = [household_row("NM1"), household_row("NM2")]


def _row7(tmp_path, cells: dict):
    """Nà Mòn's NM1, NM2 (rows 5, 6) and row 7 written ``cells`` (column number -> value)."""
    return total_sums_run(tmp_path, [*_TWO, None], {7: cells})


def test_a_name_after_tong_cong_beside_numbers_no_rows_sum_is_a_household(tmp_path):
    """Row 7 'Tong Cong Van Thanh' beside 4 under H (NM1 + NM2: 8; NM2 alone 4 is no sum of
    the two, nor of the rows since a total: both), numbered '3' or not, with 1,200,000 under J
    (not 2,400,000). Was: passed over as a total, nothing said, the household lost. Now a
    household without a code: told missing-household-id at B7 and its class missing at I7,
    not counted; poor 2 (NM1, NM2). A figure that is no sum among sums (3,940 and 9, not 8)
    makes it a household too: 3,940 no birth year, told at D7."""
    told = [("missing-household-id", "B7"), ("invalid-classification", "I7")]
    named = [*_READ, ("", "Tong Cong Van Thanh", False)]
    for n, cells in enumerate(
        (
            {1: 3, 3: "Tong Cong Van Thanh", 8: 4},
            {3: "Tong Cong Van Thanh", 8: 4},
            {3: "Tong Cong Van Thanh", 8: 4, 10: 1_200_000},
        )
    ):
        assert _row7(tmp_path / str(n), cells) == (told, named, (2, 0)), cells
    issues, read, counts = _row7(
        tmp_path / "stale", {1: 3, 3: "Tong Cong Van Thanh", 4: 3940, 8: 9}
    )
    assert issues == [
        ("missing-household-id", "B7"),
        ("invalid-birth-year", "D7"),
        ("invalid-classification", "I7"),
    ]
    assert (read, counts) == (named, (2, 0))


def test_total_rows_with_sums_stay_totals(tmp_path):
    """Guards, each passed over unsaid, NM1 and NM2 read, poor 2: 'Tong Cong Van Thanh' beside
    the sums alone (3,940 and 8; 8 and 2,400,000; or nothing at all), and the totals written as
    totals: 'Tổng cộng', 'Tong cong', 'TONG CONG:' beside 3,940 and 8; 'Tổng cộng' beside a
    stale 9 (a total's words ask nothing of its numbers)."""
    for n, cells in enumerate(
        (
            {1: 3, 3: "Tong Cong Van Thanh", 4: 3940, 8: 8},
            {3: "Tong Cong Van Thanh", 8: 8, 10: 2_400_000},
            {3: "Tong Cong Van Thanh"},
            {3: "Tổng cộng", 4: 3940, 8: 8},
            {3: "Tong cong", 4: 3940, 8: 8},
            {3: "TONG CONG:", 4: 3940, 8: 8},
            {3: "Tổng cộng", 4: 3940, 8: 9},
        )
    ):
        assert _row7(tmp_path / str(n), cells) == ([], _READ, (2, 0)), cells
