"""Session 62 (H2): a household whose head's name reads as a total's word then a plan hamlet
('Tổng Văn Minh', 'Cong Van Minh' in a commune whose hamlet Đồng Kè is renamed Văn Minh) is a
household where its row holds a head's text (gender, ethnicity), not that hamlet's
total (R2's Left: taken out silently where its code equalled the rows above it).

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, E Giới tính, F Dân
tộc, G Số định danh, H Số nhân khẩu, I Phân loại hộ
(tests.test_session52_total_sums.total_sums_run); each household 4 people, poor.
"""

from __future__ import annotations

import pytest

from pipeline.tables import hamlet_counts, hamlet_totals
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

# rows 5-8 NM1-NM4, row 9 the head named like a total
ROWS = [person(f"NM{n}", "poor") for n in range(1, 5)] + [None]
FOUR = [household_row(f"NM{n}") for n in range(1, 5)]
RENAMED = {"Đồng Kè": "Văn Minh"}


def _match(name: str) -> str | None:
    return "Văn Minh" if name.lower() in ("văn minh", "van minh") else None


@pytest.mark.parametrize("name", ["Tổng Văn Minh", "Cong Van Minh", "Tong Van Minh"])
def test_a_head_coded_as_the_rows_above_stays_a_household(tmp_path, name):
    """Row 9 '4 | <name> | | Nam | Kinh | | 3' under NM1-NM4 (4 rows above,
    its code 4). By hand: a household (gender and ethnicity are a head's text, no total's); before, taken out as Văn Minh's count of households, nothing said (4 = the 4 rows
    above): 4 households read. Now 5: NM1-NM4 and '4' <name>; its class blank is said at I9
    (invalid-classification), so it is counted neither poor nor near-poor: (4, 0)."""
    lines = {9: {2: "4", 3: name, 5: "Nam", 6: "Kinh", 8: 3}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines, renamed=RENAMED)
    assert read == [*FOUR, ("4", name, False)]
    assert (said, counts) == ([("invalid-classification", "I9")], (4, 0))


@pytest.mark.parametrize("name", ["Tổng Văn Minh", "Cong Van Minh"])
def test_a_head_without_a_code_stays_a_household(tmp_path, name):
    """Row 9 '| <name> | | Nam | Kinh | | 4 | Hộ nghèo' under NM1-NM4: no code, no year, no
    ID. By hand: a household (a head's gender and ethnicity); before, taken out as Văn Minh's
    total ('Tổng' marked: whatever its numbers; 'Cong Van Minh' kept before too, its 4 people
    not the rows' 16).
    Now read, its code missing said at B9 (a row without a code is counted in no class)."""
    lines = {9: {3: name, 5: "Nam", 6: "Kinh", 8: 4, 9: "Hộ nghèo"}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines, renamed=RENAMED)
    assert read == [*FOUR, ("", name, False)]
    assert (said, counts) == ([("missing-household-id", "B9")], (4, 0))


def test_the_rule_on_columns():
    """tables.hamlet_counts and hamlet_totals on hand-made columns: row 0 'Cong Van Minh | 4'
    with 'Nam' beside (a head) is neither's; row 1 the same with no text beside is a count."""
    columns = {
        "chu_ho": ["Cong Van Minh", "Cong Van Minh"],
        "ma_ho": ["4", "4"],
        "gioi_tinh": ["Nam", None],
    }
    assert hamlet_counts(columns, _match) == [(1, "4", 4)]
    blank = {"chu_ho": ["Tổng Văn Minh", "Tổng Văn Minh"], "dan_toc": ["Kinh", ""]}
    assert hamlet_totals(blank, _match) == [1]


def test_a_hamlets_count_with_its_class_copied_is_still_taken(tmp_path):
    """Guard: row 9 '| Tổng Văn Minh | | | | | 16 | Hộ nghèo' (the four households' 16
    people, the class copied down, no head's text): Văn Minh's total, taken out as before;
    NM1-NM4 read, 4 poor."""
    lines = {9: {3: "Tổng Văn Minh", 8: 16, 9: "Hộ nghèo"}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines, renamed=RENAMED)
    assert (read, counts) == (FOUR, (4, 0))
