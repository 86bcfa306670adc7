"""Session 64 review (RD) of D's (5): a count of 1 whose figures are the one row's just above
it, that row's code not the named hamlet's by the start list, is read as a household and asked
(consolidate._one_row_unsure). Where that one row is the count's whole part (the list's first
row, or the row just under a hamlet's total) and its code is a household new this year (no
hamlet's on the start list), the count is its part's: before this review an honest hamlet's
list of one new household closed by 'Cong Na Mon | 1 | … | 4' became two households, '1'
among them, asked "'Phân loại hộ' đang để trống" at the total's class cell.

Nà Mòn's list from row 5 on (tests.commune: A STT, B Mã hộ, C the head's name, H Số nhân khẩu,
I Phân loại hộ, J Thu nhập BQ); each household 4 people at 1,200,000 đồng, poor. Bản Cọ sends
no list of its own. The start list (tests.commune) writes NM1-NM5 under Nà Mòn, BC1-BC3 under
Bản Cọ; NM9 and BC9 are on no list (new this year).
"""

from __future__ import annotations

from tests.commune import person
from tests.test_session63_d_part_totals import collected_with_lines

NM = [person(f"NM{n}", "poor") for n in (1, 2, 3)]
ONE = {2: 1, 8: 4, 10: 1_200_000}  # count 1, 4 people, 1,200,000 đồng: one household's


def _read(tmp_path, rows: list, lines: dict[int, dict[int, object]]):
    """What is said of Nà Mòn's list (code, cell) beside the list's own, and the codes read."""
    result = collected_with_lines(tmp_path, rows, lines)
    said = [
        (i.code, i.cell)
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.code in ("invalid-classification", "total-count-differs")
    ]
    return said, sorted(str(code) for code in result.households["ma_ho"])


def test_a_lists_one_new_household_under_its_count_of_one_is_one_household(tmp_path):
    """Row 5 NM9 (new: on no start list), row 6 'Cong Na Mon | 1 | … | 4 | … | 1.200.000'. By
    hand: the count names the list's one row, which is the whole list, its figures that row's
    (4 people, 1,200,000): Nà Mòn's total, taken out; one household read, nothing said of it.
    Before: read as a household coded 1 (two households, 'invalid-classification' at I6)."""
    said, codes = _read(tmp_path, [person("NM9", "poor"), None], {6: {3: "Cong Na Mon", **ONE}})
    assert (said, codes) == ([], ["NM9"])


def test_a_count_of_one_under_a_new_household_just_under_a_hamlets_total(tmp_path):
    """Rows 5-7 NM1-NM3, row 8 'Cong Na Mon | 3 | … | 12' (Nà Mòn's total), row 9 BC9 (new),
    row 10 'Cong Ban Co | 1 | … | 4 | … | 1.200.000'. By hand: Bản Cọ's part is row 9 alone
    (the rows since Nà Mòn's total), its count 1 and its figures that row's: taken out, the
    four households read, nothing said. Before: a household coded 1 ('invalid-classification'
    at I10; five households)."""
    rows = [*NM, None, person("BC9", "poor"), None]
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 10: {3: "Cong Ban Co", **ONE}}
    said, codes = _read(tmp_path, rows, lines)
    assert (said, codes) == ([], ["BC9", "NM1", "NM2", "NM3"])


def test_a_count_of_one_under_another_hamlets_household_at_the_top_is_still_asked(tmp_path):
    """Guard: row 5 NM1 (Nà Mòn's by the start list), row 6 'Tổng Bản Cọ | 1 | … | 4 | … |
    1.200.000'. By hand: the one row is the whole list, but its code is Nà Mòn's, not Bản Cọ's
    the row names: as a head coded 1 under a household of his size, read and asked at I6 (D's
    (5)); two households read."""
    said, codes = _read(tmp_path, [NM[0], None], {6: {3: "Tổng Bản Cọ", **ONE}})
    assert (said, codes) == ([("invalid-classification", "I6")], ["1", "NM1"])


def test_a_count_of_one_under_a_new_household_mid_list_is_still_asked(tmp_path):
    """Guard: rows 5-7 NM1-NM3, row 8 NM9 (new), row 9 'Cong Na Mon | 1 | … | 4 | … |
    1.200.000'. By hand: the one row is no part bounded by a total or the list's top (four
    rows above it, no total): read as a household coded 1, asked at I9 (D's (5)); five read."""
    said, codes = _read(
        tmp_path, [*NM, person("NM9", "poor"), None], {9: {3: "Cong Na Mon", **ONE}}
    )
    assert (said, codes) == ([("invalid-classification", "I9")], ["1", "NM1", "NM2", "NM3", "NM9"])
