"""Session 63 review (R2) of D's 'a hamlet's count whose figures sum no rows is a head's row'
(tables.hamlet_counts): the figures of an honest hamlet's total writing its count were set
beside fewer groups of rows than its count is (consolidate.hamlet_totals_taken), so the total
was read as a household coded 2 ('invalid-classification' at its class cell, a household '2'
in the consolidated list): its rows not 'Thoát', the rows its count names just above it, a
hamlet's total writing no count above it. And D's Found (2): the start list's 'Đồng Kè | |
Cong Dong Ke | … | 8' under Đồng Kè's two households was read as a household (its figures
were set beside every row above it, not the rows its 'Xóm' cell names).

Nà Mòn's list from row 5 on (tests.commune: A STT, B Mã hộ, C the head's name, H Số nhân khẩu,
I Phân loại hộ, J Thu nhập BQ); each household 4 people, poor, unless said. Bản Cọ sends no
list of its own where its rows are in Nà Mòn's (as tests.test_session63_d_part_totals).
"""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.tables import hamlet_counts
from tests.commune import person
from tests.test_plan_fixes import start_edited, told
from tests.test_session63_d_part_totals import collected_with_lines

NM1, NM2 = person("NM1", "poor"), person("NM2", "poor")
# NM3 written 'Thoát', 3 people: the rows not 'Thoát' above it are NM1, NM2 (8 people), the
# two rows just above a total under it NM2, NM3 (7), all three 11
NM3_EXITED = {**person("NM3", "exited"), "nhan_khau": 3}
BC1, BC2 = person("BC1", "poor"), {**person("BC2", "poor"), "nhan_khau": 3}  # 4 + 3 = 7


def _run(tmp_path, rows: list, lines: dict[int, dict[int, object]], ban_co: bool = True):
    """Nà Mòn's list of ``rows`` (None: a row written ``lines[excel_row]``, column -> value),
    Bản Cọ's own list removed unless ``ban_co``: what is said of Nà Mòn's list (code, cell)
    and the codes read from it."""
    result = collected_with_lines(tmp_path, rows, lines, ban_co)
    said = [
        (i.code, i.cell)
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.code != "vanished-household"
    ]
    hamlets = ["Nà Mòn"] if ban_co else ["Nà Mòn", "Bản Cọ"]  # Bản Cọ's rows in Nà Mòn's list
    frame = result.households[result.households["hamlet"].isin(hamlets)]
    return said, sorted(str(code) for code in frame["ma_ho"])


@pytest.mark.parametrize(
    "label", ["Cong Na Mon", unicodedata.normalize("NFD", "Cong Nà Mòn"), "Tong Na Mon"]
)
@pytest.mark.parametrize("count", [2, "2", "2 hộ"])
def test_a_count_of_the_rows_not_thoat_is_a_total(tmp_path, label, count):
    """Rows 5-7 NM1, NM2 (4 people each), NM3 'Thoát' (3 people); row 8 '<label> | <count> |
    … | 8': the hamlet's total of its households still on the list (2 of them, 4 + 4 = 8
    people; the count beside the rows not 'Thoát' is right, session 62). By hand: taken out,
    nothing said, NM1-NM3 read. Before (D's rule): its 8 people summed neither all three rows
    (11) nor the rows under it (none): read as a household coded 2, 'invalid-classification'
    at I8."""
    rows = [NM1, NM2, NM3_EXITED, None]
    said, codes = _run(tmp_path, rows, {8: {3: label, 2: count, 8: 8}})
    assert (said, codes) == ([], ["NM1", "NM2", "NM3"])


def test_a_count_closing_the_rows_just_above_it_is_a_total(tmp_path):
    """Rows 5-7 NM1-NM3 (4 people each), rows 8-9 BC1 (4), BC2 (3), row 10 'Cong Ban Co | 2 |
    … | 7': Bản Cọ's total closing its two rows at the end of Nà Mòn's list, Nà Mòn's rows
    closed by no total. By hand: its 7 people are the two rows just above it (4 + 3), the
    rows its count names: taken out, its count right for them; nothing said, the five
    households read. Before (D's rule): 7 summed neither all five rows (19) nor any under it:
    read as a household coded 2 ('invalid-classification' at I10); on b3cde289 taken out but
    its 2 set beside the whole list's 5 ('total-count-differs' at B10, D's Left (a))."""
    nm3 = person("NM3", "poor")
    rows = [NM1, NM2, nm3, BC1, BC2, None]
    said, codes = _run(tmp_path, rows, {10: {3: "Cong Ban Co", 2: 2, 8: 7}}, ban_co=False)
    assert (said, codes) == ([], ["BC1", "BC2", "NM1", "NM2", "NM3"])


@pytest.mark.parametrize("count", [2, "2 hộ"])
def test_a_count_after_a_total_the_reader_takes_is_right(tmp_path, count):
    """Rows 5-7 NM1-NM3, row 8 'Cộng xóm Nà Mòn | | … | 12' (with its marks: the reader takes
    it out itself), rows 9-10 BC1 (4), BC2 (3), row 11 'Cong Ban Co | <count> | … | 7'. By
    hand: its count and its 7 people those of the two rows just above it: taken out, nothing
    said, the five households read. Before: its 2 set beside the whole list's 5
    ('total-count-differs' at B11, a false ask; on b3cde289 too), after D read as a
    household coded 2."""
    nm3 = person("NM3", "poor")
    rows = [NM1, NM2, nm3, None, BC1, BC2, None]
    lines = {8: {3: "Cộng xóm Nà Mòn", 8: 12}, 11: {3: "Cong Ban Co", 2: count, 8: 7}}
    said, codes = _run(tmp_path, rows, lines, ban_co=False)
    assert (said, codes) == ([], ["BC1", "BC2", "NM1", "NM2", "NM3"])


def test_a_mistyped_count_closing_the_last_rows_is_said_beside_them(tmp_path):
    """Rows 5-7 NM1-NM3, rows 8-9 BC1 (4), BC2 (3), row 10 'Cong Ban Co | 3 | … | 7'. By hand:
    the three rows just above it give 4 + 4 + 3 = 11 people, not 7, all five 19, none under
    it; the two rows just above it give its 7. Pinned here (read as a head's row coded 3,
    said at its class cell I10) until session 64 (D): the rows its figures total just above
    it are its part: taken out, its 3 said beside them at B10 ('section', rows 8–9; tests/
    test_session64_d_hamlet_counts.py), the five households read."""
    nm3 = person("NM3", "poor")
    rows = [NM1, NM2, nm3, BC1, BC2, None]
    said, codes = _run(tmp_path, rows, {10: {3: "Cong Ban Co", 2: 3, 8: 7}}, ban_co=False)
    assert (said, codes) == (
        [("total-count-differs", "B10")],
        ["BC1", "BC2", "NM1", "NM2", "NM3"],
    )


def test_a_count_after_a_hamlets_total_without_a_count_is_a_total(tmp_path):
    """Rows 5-7 NM1-NM3, row 8 'Cong Na Mon | | … | 12' (Nà Mòn's total, no count, typed
    without marks: the reader reads it as a row, the plan takes it out), rows 9-10 BC1 (4),
    BC2 (3), row 11 'Cong Ban Co | 3 | … | 7', its count mistyped (3 for 2). By hand: its 7
    people are the rows since Nà Mòn's total (4 + 3; all above it with Nà Mòn's total 12 + 12
    + 7 = 31): Bản Cọ's total, taken out; its count said beside its part, 2 rows (9-10), at
    B11 (D's 'section'). Before (D's rule): its people set beside all the rows above it,
    Nà Mòn's total among them, and its count naming 3 rows above it (4 + 4 + 3 = 11): read as
    a household coded 3 ('invalid-classification' at I11)."""
    nm3 = person("NM3", "poor")
    rows = [NM1, NM2, nm3, None, BC1, BC2, None]
    lines = {8: {3: "Cong Na Mon", 8: 12}, 11: {3: "Cong Ban Co", 2: 3, 8: 7}}
    said, codes = _run(tmp_path, rows, lines, ban_co=False)
    assert (said, codes) == ([("total-count-differs", "B11")], ["BC1", "BC2", "NM1", "NM2", "NM3"])


def test_hamlet_counts_by_hand():
    """tables.hamlet_counts on hand-made columns: rows 0-2 two households of 4 people and one
    'Thoát' of 3; row 3 'Cong Van Minh | 2 | … | 8' (the rows not 'Thoát') is Văn Minh's
    count; rows 4-5 of 4 and 3 people, row 6 'Cong Van Minh | 2 | … | 7' (the two rows just
    above it) is; row 7 'Cong Van Minh | 2 | … | 5' (no group's: 7, 11, 8, …) is not, a
    head's row as D decided."""
    columns = {
        "chu_ho": ["A", "B", "C", "Cong Van Minh", "D", "E", "Cong Van Minh", "Cong Van Minh"],
        "ma_ho": ["X1", "X2", "X3", "2", "X4", "X5", "2", "2"],
        "nhan_khau": [4, 4, 3, 8, 4, 3, 7, 5],
        "phan_loai": ["poor", "poor", "exited", None, "poor", "poor", None, None],
    }
    assert hamlet_counts(columns, _match) == [(3, "2", 2), (6, "2", 2)]


def _match(written: str) -> str | None:
    return "Văn Minh" if unicodedata.normalize("NFC", written).lower() == "van minh" else None


@pytest.mark.parametrize("people", [8, "8"])
def test_the_start_lists_hamlet_total_by_its_xom_cell_is_taken(tmp_path, people):
    """The plan's start list (tests.test_plan_fixes: 10 households of 4 people, Đồng Kè's DK1,
    DK2 rows 12-13), row 14 'Đồng Kè | | Cong Dong Ke | … | <people>': Đồng Kè's total, its
    'Xóm' cell naming the hamlet whose two rows give its 8 people. By hand: taken out, 10
    households read, nothing said. Before (D's Found (2), on b3cde289 too): its 8 people set
    beside every row above it (40): read as a household without a code ('missing-household-id'
    C14, 'invalid-classification' J14)."""
    got = start_edited(tmp_path / "t", {"B14": "Đồng Kè", "D14": "Cong Dong Ke", "I14": people})
    assert got == (10, [])


def test_the_start_lists_hamlet_total_off_its_rows_is_a_row(tmp_path):
    """Guard: row 14 'Đồng Kè | | Cong Dong Ke | … | 9': 9 people no group of rows gives (its
    hamlet's 8, all 40): a head's row without a code, as D decided for a hamlet's list; said
    as before at C14 and J14, 10 households read (the row, no code, is not counted)."""
    count, said = start_edited(tmp_path / "t", {"B14": "Đồng Kè", "D14": "Cong Dong Ke", "I14": 9})
    assert (count, [(code, cell) for code, cell, *_ in told(said)]) == (
        10,
        [("missing-household-id", "C14"), ("invalid-classification", "J14")],
    )


def test_a_total_without_a_count_after_a_count_is_a_total(tmp_path):
    """Rows 5-7 NM1-NM3, row 8 'Cong Na Mon | 3 | … | 12' (Nà Mòn's count), rows 9-10 BC1
    (4), BC2 (3), row 11 'Cong Ban Co | | … | 7' (Bản Cọ's total, no count, typed without
    marks). By hand: the count's 12 the three rows above it; Bản Cọ's 7 the two rows since
    it (all above with it: 12 + 12 + 7 = 31): both taken out, nothing said, the five
    households read. Before (D's Left (c), on b3cde289 too): Bản Cọ's total set beside all
    the rows above it, Nà Mòn's count among them: read as a household without a code
    ('missing-household-id' B11, 'invalid-classification' I11)."""
    nm3 = person("NM3", "poor")
    rows = [NM1, NM2, nm3, None, BC1, BC2, None]
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: {3: "Cong Ban Co", 8: 7}}
    said, codes = _run(tmp_path, rows, lines, ban_co=False)
    assert (said, codes) == ([], ["BC1", "BC2", "NM1", "NM2", "NM3"])


def test_a_total_without_a_count_of_the_rows_not_thoat_is_a_total(tmp_path):
    """Rows 5-7 NM1, NM2, NM3 'Thoát' (3 people); row 8 'Cong Na Mon | | … | 8' (no count,
    typed without marks): the people of the households still on the list (4 + 4). By hand:
    taken out, nothing said, NM1-NM3 read. Before (on b3cde289 too): its 8 summed neither
    the three rows (11) nor any under it: read as a household without a code
    ('missing-household-id' B8, 'invalid-classification' I8)."""
    said, codes = _run(tmp_path, [NM1, NM2, NM3_EXITED, None], {8: {3: "Cong Na Mon", 8: 8}})
    assert (said, codes) == ([], ["NM1", "NM2", "NM3"])
