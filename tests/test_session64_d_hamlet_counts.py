"""Session 64 (D): the totals and counts session 63's review (R2) left.

(1) A hamlet's count mistyped closing the last rows of a list ('Cong Ban Co | 3 | … | 7' under
BC1, BC2 of 4 and 3 people ending Nà Mòn's list) was read as a head's row coded 3 and asked
at its class cell ("'Phân loại hộ' đang để trống"): its figures are the total of the two rows
just above it, so it is their total, taken out, its count asked beside them.

Nà Mòn's list from row 5 on (tests.commune: A STT, B Mã hộ, C the head's name, H Số nhân khẩu,
I Phân loại hộ, J Thu nhập BQ); each household 4 people at 1,200,000 đồng, poor, unless said.
Bản Cọ sends no list of its own where its rows are in Nà Mòn's.
"""

from __future__ import annotations

import pytest

from pipeline.tables import count_run_above, hamlet_counts
from tests.commune import person
from tests.test_session63_d_part_totals import collected_with_lines

NM = [person(f"NM{n}", "poor") for n in (1, 2, 3)]
BC1, BC2 = person("BC1", "poor"), {**person("BC2", "poor"), "nhan_khau": 3}  # 4 + 3 = 7


def said_and_codes(tmp_path, rows: list, lines: dict[int, dict[int, object]]):
    """Nà Mòn's list of ``rows`` (None: a row written ``lines[excel_row]``), Bản Cọ sending
    none: what is said of Nà Mòn's list (code, cell, variant, Vietnamese words) and the codes
    read."""
    result = collected_with_lines(tmp_path, rows, lines)
    said = [
        (i.code, i.cell, i.variant, i.message("vi"))
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.code != "vanished-household"
    ]
    return said, sorted(str(code) for code in result.households["ma_ho"])


FIVE = ["BC1", "BC2", "NM1", "NM2", "NM3"]


@pytest.mark.parametrize("count", [3, "3", "3 hộ"])
def test_a_mistyped_count_ending_the_list_is_said_beside_the_rows_it_totals(tmp_path, count):
    """Rows 5-7 NM1-NM3, rows 8-9 BC1 (4 people), BC2 (3), row 10 'Cong Ban Co | <count> | … |
    7'. By hand: 7 people are the two rows just above it (4 + 3), not the three its count
    names (4 + 4 + 3 = 11) nor all five (19): Bản Cọ's total, its count mistyped. Taken out;
    said total-count-differs at B10, 'section', beside rows 8–9; the five households read.
    Before: read as a household coded 3, 'invalid-classification' at I10 ("'Phân loại hộ'
    đang để trống"), a household '3' in the list."""
    rows = [*NM, BC1, BC2, None]
    said, codes = said_and_codes(tmp_path, rows, {10: {3: "Cong Ban Co", 2: count, 8: 7}})
    assert [(code, cell, variant) for code, cell, variant, _ in said] == [
        ("total-count-differs", "B10", "section")
    ]
    assert said[0][3].split(";")[0] == (
        f"Dòng 'Cong Ban Co' là dòng cộng của một phần danh sách, ghi '{count}' nhưng phần đó "
        "có 2 dòng hộ (dòng 8–9)"
    )
    assert codes == FIVE


def test_a_mistyped_count_with_its_income_after_a_total_the_reader_takes(tmp_path):
    """Rows 5-7 NM1-NM3, row 8 'Cộng xóm Nà Mòn | | … | 12' (with its marks: the reader takes
    it out), rows 9-10 BC1, BC2, row 11 'Cong Ban Co | 3 | … | 7 | … | 1.200.000'. By hand:
    7 people and 1,200,000 đồng (each household's, so their average and income per head) are
    rows 9-10's: said at B11 beside rows 9–10, the five households read. Before: a household
    coded 3 ('invalid-classification' I11)."""
    rows = [*NM, None, BC1, BC2, None]
    lines = {8: {3: "Cộng xóm Nà Mòn", 8: 12}, 11: {3: "Cong Ban Co", 2: 3, 8: 7, 10: 1_200_000}}
    said, codes = said_and_codes(tmp_path, rows, lines)
    assert ([(c, cell, v) for c, cell, v, _ in said], codes) == (
        [("total-count-differs", "B11", "section")],
        FIVE,
    )
    assert "(dòng 9–10)" in said[0][3]


def test_a_count_whose_figures_no_run_gives_is_still_a_heads_row(tmp_path):
    """Guard: row 10 'Cong Ban Co | 3 | … | 5' under the same rows: 5 people are no run of
    rows just above it (3, 7, 11, 15, 19) nor any group: a head's row coded 3, as D decided
    (said at its class cell I10, read)."""
    rows = [*NM, BC1, BC2, None]
    said, codes = said_and_codes(tmp_path, rows, {10: {3: "Cong Ban Co", 2: 3, 8: 5}})
    assert ([(c, cell) for c, cell, _, _ in said], codes) == (
        [("invalid-classification", "I10")],
        ["3", *FIVE],
    )


def test_a_count_equal_to_one_row_above_is_no_run():
    """Guard, on columns: 'Cong Van Minh | 3 | … | 3' under rows of 4, 4 and 3 people: the
    one row just above gives 3, no run of two or more (7, 11): not taken by this rule (a
    head's row copied under another's figures, session 64 D's (5))."""
    columns = {
        "chu_ho": ["A", "B", "C", "Cong Van Minh"],
        "ma_ho": ["X1", "X2", "X3", "3"],
        "nhan_khau": [4, 4, 3, 3],
    }
    assert count_run_above(columns, 3) is None
    assert hamlet_counts(columns, _match) == []


def test_count_run_above_by_hand():
    """tables.count_run_above on columns: rows of 4, 4, 4, 3 people, a count row of 7 (with
    1,200,000 for rows at 1,200,000): the two rows just above (4 + 3) → 2; of 11 → 3; of 8
    with rows 0-2 at 4 and row 3 at 4 → 2 (the fewest); of 7 with ``since`` 3 (a total taken
    at row 2) → None (one row left above it)."""

    def columns(people: int) -> dict[str, list]:
        return {
            "chu_ho": ["A", "B", "C", "D", "Cong Van Minh"],
            "ma_ho": ["X1", "X2", "X3", "X4", "3"],
            "nhan_khau": [4, 4, 4, 3, people],
            "thu_nhap": [1_200_000] * 5,
        }

    assert count_run_above(columns(7), 4) == 2
    assert count_run_above(columns(11), 4) == 3
    assert count_run_above(columns(7), 4, since=3) is None
    eights = {**columns(8), "nhan_khau": [4, 4, 4, 4, 8]}
    assert count_run_above(eights, 4) == 2


def _match(written: str) -> str | None:
    return "Văn Minh" if written.lower() == "van minh" else None


# (2) A hamlet's count alone ('Cong Ban Co | 2', no figure) closing another hamlet's rows in a
# list no other total parts was set beside the whole list (R2's Left (b)): the plan's start
# list tells the rows just above it that are the hamlet's it names (BC1, BC2 under Bản Cọ; NM3
# above them under Nà Mòn bounds them).


def test_a_count_alone_of_the_named_hamlets_rows_is_unsaid(tmp_path):
    """Rows 5-7 NM1-NM3, rows 8-9 BC1, BC2, row 10 'Cong Ban Co | 2' (no figure). By hand: the
    start list writes BC1, BC2 under Bản Cọ and NM3 under Nà Mòn: Bản Cọ's part is rows 8-9,
    2 rows, its count right: taken out, nothing said, the five read. Before: said
    total-count-differs at B10, '2' beside the list's 5 rows (a false ask)."""
    said, codes = said_and_codes(tmp_path, [*NM, BC1, BC2, None], {10: {3: "Cong Ban Co", 2: 2}})
    assert (said, codes) == ([], FIVE)


def test_a_count_alone_off_the_named_hamlets_rows_is_said_beside_them(tmp_path):
    """Row 10 'Cong Ban Co | 3' under the same rows. By hand: Bản Cọ's part is rows 8-9 (2
    rows), not 3: said at B10, 'section', beside rows 8–9. Before: beside the whole list ("danh
    sách có 5 dòng hộ")."""
    said, codes = said_and_codes(tmp_path, [*NM, BC1, BC2, None], {10: {3: "Cong Ban Co", 2: 3}})
    assert [(c, cell, v) for c, cell, v, _ in said] == [("total-count-differs", "B10", "section")]
    assert said[0][3].split(";")[0] == (
        "Dòng 'Cong Ban Co' là dòng cộng của một phần danh sách, ghi '3' nhưng phần đó có 2 "
        "dòng hộ (dòng 8–9)"
    )
    assert codes == FIVE


def test_a_count_alone_whose_rows_reach_a_new_household_is_set_beside_the_list(tmp_path):
    """Guard: rows 5-7 NM1-NM3, row 8 NM9 (new this year: no start row), row 9 BC1, row 10
    'Cong Ban Co | 1'. By hand: the rows just above it under Bản Cọ are row 9 alone, bounded
    by a row no hamlet's start list writes (NM9 could be Bản Cọ's new household): not told;
    '1' beside the list's 5 rows, said as before (whole-list variant)."""
    rows = [*NM, person("NM9", "poor"), BC1, None]
    said, codes = said_and_codes(tmp_path, rows, {10: {3: "Cong Ban Co", 2: 1}})
    assert [(c, cell, v) for c, cell, v, _ in said] == [("total-count-differs", "B10", "")]
    assert codes == ["BC1", "NM1", "NM2", "NM3", "NM9"]


def test_a_count_alone_of_the_lists_own_rows_from_its_top_is_set_beside_the_list(tmp_path):
    """Guard: rows 5-7 NM1-NM3, row 8 'Cong Na Mon | 2'. By hand: Nà Mòn's rows run to the
    list's top (nothing bounds them): '2' beside the list's 3 rows, said as before."""
    said, codes = said_and_codes(tmp_path, [*NM, None], {8: {3: "Cong Na Mon", 2: 2}})
    assert [(c, cell, v) for c, cell, v, _ in said] == [("total-count-differs", "B8", "")]
    assert codes == ["NM1", "NM2", "NM3"]


# (3) In a plan Bản Cọ is merged away from (tests.commune.write_merged_plan: Nà Mòn holds both
# hamlets' households), 'Cong Ban Co | 2 | … | 8' closing the Bản Cọ part of Nà Mòn's list was
# read as a household coded 2 (D's Found (1) of session 63, R2's Left (c)): no plan hamlet is
# named 'Bản Cọ' now. A count naming no plan hamlet is a total where its count and figures agree
# on the rows just above it.


def _merged(tmp_path, people: int, count: object = 2):
    """Nà Mòn's list of NM1-NM3, 'Cong Na Mon | 3 | … | 12', BC1, BC2 (4 people each), then
    'Cong Ban Co | <count> | … | <people>' at row 11, under the merged plan."""
    from pipeline.run import collect
    from tests.commune import write_merged_plan

    bc2 = person("BC2", "poor")
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: {3: "Cong Ban Co", 2: count, 8: people}}
    collected_with_lines(tmp_path, [*NM, None, BC1, bc2, None], lines)
    write_merged_plan(tmp_path)
    result, _ = collect(tmp_path, None, workers=0)
    said = [
        (i.code, i.cell)
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.code not in ("vanished-household", "total-far-from-plan")
    ]
    return said, sorted(str(code) for code in result.households["ma_ho"])


@pytest.mark.parametrize("count", [2, "2", "2 hộ"])
def test_a_merged_away_hamlets_count_agreeing_with_its_rows_is_taken(tmp_path, count):
    """By hand: 'Cong Ban Co | 2 | … | 8': its 8 people are the two rows just above it (4 + 4),
    the rows its count names: taken out, the five households read. Before: read as a household
    coded 2, 'invalid-classification' at I11. Said at C11 since session 66 (F:
    'count-names-no-hamlet', a head Công typed without marks reads the same)."""
    assert _merged(tmp_path, 8, count) == ([("count-names-no-hamlet", "C11")], FIVE)


def test_a_merged_away_hamlets_count_off_its_rows_is_still_a_heads_row(tmp_path):
    """Guard: 'Cong Ban Co | 2 | … | 9': 9 people are not the two rows just above it (8): a
    head's row coded 2 as before (said at I11, read)."""
    assert _merged(tmp_path, 9) == ([("invalid-classification", "I11")], ["2", *FIVE])


# (4) A hamlet's count writing its households of a class under 'Phân loại hộ' ('Cong Na Mon | 3
# | … | 12 | 3', its 3 poor) was read as a household coded 3 whose class is '3' (R2's Left (h);
# before session 63 too): a whole number there, no more than its count, is a total's figure.


@pytest.mark.parametrize("poor", [3, "3"])
def test_a_count_writing_its_poor_under_the_class_is_a_total(tmp_path, poor):
    """Rows 5-7 NM1-NM3 (poor, 4 people each), row 8 'Cong Na Mon | 3 | … | 12 | <poor>'. By
    hand: 3 households, 12 people, 3 poor: taken out, nothing said, NM1-NM3 read. Before:
    read as a household coded 3, 'invalid-classification' at I8 ("'Phân loại hộ' là '3'")."""
    said, codes = said_and_codes(
        tmp_path, [*NM, None], {8: {3: "Cong Na Mon", 2: 3, 8: 12, 9: poor}}
    )
    assert (said, codes) == ([], ["NM1", "NM2", "NM3"])


def test_a_class_count_above_the_count_is_still_a_heads_row(tmp_path):
    """Guard: 'Cong Na Mon | 3 | … | 12 | 4': 4 of a class among 3 households is no total's:
    a head's row coded 3 as before, said at its class cell I8."""
    said, codes = said_and_codes(tmp_path, [*NM, None], {8: {3: "Cong Na Mon", 2: 3, 8: 12, 9: 4}})
    assert ([(c, cell) for c, cell, _, _ in said], codes) == (
        [("invalid-classification", "I8")],
        ["3", "NM1", "NM2", "NM3"],
    )


# (5) 'Tổng Bản Cọ | 1 | … | 4 | … | 1.200.000' (no class, year, ID, gender or ethnicity)
# under Nà Mòn's NM1-NM3 was taken out unsaid (R2's Left (f)): its figures are the one row's
# just above it, as a head coded 1 whose household is NM3's size would write them. Where the
# start list does not tell that row the named hamlet's, it is read and asked at its cells.

ONE = {2: 1, 8: 4, 10: 1_200_000}


def test_a_count_of_one_under_another_hamlets_household_is_read_and_asked(tmp_path):
    """Rows 5-7 NM1-NM3 (4 people, 1,200,000 each), row 8 'Tổng Bản Cọ | 1 | … | 4 | … |
    1.200.000'. By hand: its figures are NM3's alone, and the start list writes NM3 under Nà
    Mòn, not Bản Cọ: read as a household coded 1, asked at its class cell I8; NM1-NM3 and it
    read. Before: taken out, nothing said (a head's household lost silently)."""
    said, codes = said_and_codes(tmp_path, [*NM, None], {8: {3: "Tổng Bản Cọ", **ONE}})
    assert ([(c, cell) for c, cell, _, _ in said], codes) == (
        [("invalid-classification", "I8")],
        ["1", "NM1", "NM2", "NM3"],
    )


@pytest.mark.parametrize(
    ("rows", "excel_row", "label", "read"),
    [
        ([*NM, BC1, None], 9, "Cong Ban Co", FIVE[:1] + FIVE[2:]),
        ([NM[0], None], 6, "Cong Na Mon", ["NM1"]),
    ],
)
def test_a_count_of_one_under_its_hamlets_household_is_a_total(
    tmp_path, rows, excel_row, label, read
):
    """Guards: 'Cong Ban Co | 1 | … | 4 | … | 1.200.000' under BC1 (Bản Cọ's by the start
    list) after NM1-NM3, and 'Cong Na Mon | 1 | …' under Nà Mòn's NM1 alone: the hamlet's
    total of its one household, taken out unsaid as before."""
    said, codes = said_and_codes(tmp_path, rows, {excel_row: {3: label, **ONE}})
    assert (said, codes) == ([], read)
