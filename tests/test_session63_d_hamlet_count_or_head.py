"""Session 63 (D): a row whose head's name reads as a total's word then a plan hamlet ('Tổng
Văn Minh', 'Cong Van Minh' in a commune whose hamlet Đồng Kè is renamed Văn Minh), its code a
bare number, class, year, ID, gender and ethnicity blank (H2's Left), is that hamlet's count
of households only where its other numbers are the rows' totals: a head's 3 people that sum no
rows make it a household, read and said, never taken out silently.

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ, J Thu nhập BQ (tests.test_session52_total_sums.total_sums_run); each household
4 people at 1,200,000 a head, poor.
"""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.tables import hamlet_counts, hamlet_totals
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

# rows 5-8 NM1-NM4 (16 people), row 9 the row named like a total
ROWS = [person(f"NM{n}", "poor") for n in range(1, 5)] + [None]
FOUR = [household_row(f"NM{n}") for n in range(1, 5)]
RENAMED = {"Đồng Kè": "Văn Minh"}


def _match(name: str) -> str | None:
    return "Văn Minh" if name.lower() in ("văn minh", "van minh") else None


@pytest.mark.parametrize(
    "name", ["Tổng Văn Minh", "Cong Van Minh", unicodedata.normalize("NFD", "Tổng Văn Minh")]
)
@pytest.mark.parametrize("people", [3, "3"])
def test_a_head_whose_people_sum_no_rows_stays_a_household(tmp_path, name, people):
    """Row 9 '4 | <name> | | … | 3' under NM1-NM4 (4 rows, 16 people): its code 4 is the
    rows above, but its 3 people are no total of theirs (16, nor a group's: 4, 8, 12). By
    hand: a household coded 4 (as H2's with his gender beside), read; its class blank said at
    I9 (invalid-classification), so counted in no class: 5 rows read, (4, 0). Before: taken
    out as Văn Minh's count of households, nothing said (4 rows read)."""
    lines = {9: {2: "4", 3: name, 8: people}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines, renamed=RENAMED)
    assert [code for code, _, _ in read] == ["NM1", "NM2", "NM3", "NM4", "4"]
    assert read[4][2] is False
    assert (said, counts) == ([("invalid-classification", "I9")], (4, 0))


@pytest.mark.parametrize("figures", [{8: 16}, {8: 16, 10: 1_200_000}, {}])
def test_a_hamlets_count_with_its_totals_is_still_taken(tmp_path, figures):
    """Guard: row 9 '4 | Tổng Văn Minh | | … | 16 (| 1.200.000)' (the rows' 16 people, their
    average income), or with no figure at all ('Tổng Văn Minh | 4' alone: nothing in the row
    tells a head, left as H2 left it): Văn Minh's count, right (4 rows), taken out unsaid;
    NM1-NM4 read, 4 poor. The same before."""
    lines = {9: {2: "4", 3: "Tổng Văn Minh", **figures}}
    assert total_sums_run(tmp_path, ROWS, lines, renamed=RENAMED) == ([], FOUR, (4, 0))


def test_the_rule_on_columns():
    """tables.hamlet_counts on hand-made columns: rows 0-1 two households of 4 people; row 2
    'Cong Van Minh | 2 | … | 8' (their sum) is Văn Minh's count; row 3 'Cong Van Minh | 2 |
    … | 3' (3 people, no total of the rows above: 4, 8, nor those since row 2: none) is not;
    row 4 'Cong Van Minh | 5' with no figure is (nothing tells it from a count)."""
    columns = {
        "chu_ho": ["A", "B", "Cong Van Minh", "Cong Van Minh", "Cong Van Minh"],
        "ma_ho": ["X1", "X2", "2", "2", "5"],
        "nhan_khau": [4, 4, 8, 3, None],
    }
    assert hamlet_counts(columns, _match) == [(2, "2", 2), (4, "5", 5)]


@pytest.mark.parametrize("income", [1_260_000, 1_260_300])
def test_a_hamlets_total_giving_its_income_per_head_is_taken(tmp_path, income):
    """Row 8 'Cong Na Mon | | … | 10 | … | <income>' (typed without marks, no code) under NM1
    (4 people, 1,200,000), NM2 (2, 1,500,000), NM3 (4, 1,200,000). By hand: people 10; income
    per head (4,800,000 + 3,000,000 + 4,800,000) / 10 = 1,260,000 (the plain average
    1,300,000): Nà Mòn's total, taken out unsaid (1,260,300 is no rounding of it: a head's
    row, read and said). Before: 1,260,000 was read as a household without a code."""
    nm2 = {**person("NM2", "poor"), "nhan_khau": 2, "thu_nhap": 1_500_000}
    rows = [person("NM1", "poor"), nm2, person("NM3", "poor"), None]
    lines = {8: {3: "Cong Na Mon", 8: 10, 10: income}}
    said, read, counts = total_sums_run(tmp_path, rows, lines)
    three = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
    if income == 1_260_000:
        assert (said, read, counts) == ([], three, (3, 0))
    else:
        assert read[:3] == three and len(read) == 4
        assert ("missing-household-id", "B8") in said


def test_hamlet_totals_take_an_income_per_head():
    """tables.hamlet_totals on hand-made columns: rows 0-1 (4 people at 1,200,000; 2 at
    1,500,000), row 2 'Cong Van Minh' with 6 people and (4,800,000 + 3,000,000) / 6 =
    1,300,000 a head (plain average 1,350,000): Văn Minh's total."""
    columns = {
        "chu_ho": ["A", "B", "Cong Van Minh"],
        "ma_ho": ["X1", "X2", None],
        "nhan_khau": [4, 2, 6],
        "thu_nhap": [1_200_000, 1_500_000, 1_300_000],
    }
    assert hamlet_totals(columns, _match) == [2]
