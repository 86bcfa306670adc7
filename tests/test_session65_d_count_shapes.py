"""Session 65 (D): the count and total shapes session 64 left (D's Left (a), (b); RD's Left (b),
(c), (d); a note under an empty list marked in class columns, D2's neighbour).

Nà Mòn's list from row 5 on (tests.commune: A STT, B Mã hộ, C the head's name, H Số nhân khẩu,
I Phân loại hộ, J Thu nhập BQ); each household 4 people at 1,200,000 đồng, poor, unless said.
Bản Cọ sends no list of its own. The start list writes NM1-NM5 under Nà Mòn, BC1-BC3 under Bản
Cọ; NM9 and BC9 are on no list (new this year).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person, write_plan
from tests.test_session63_d_part_totals import collected_with_lines
from tests.test_session64_d2_marks_over_info_below import HEADER
from tests.test_session64_d_hamlet_counts import said_and_codes

NM = [person(f"NM{n}", "poor") for n in (1, 2, 3)]
NM4, NM5 = person("NM4", "poor"), person("NM5", "poor")
BC1, BC2 = person("BC1", "poor"), {**person("BC2", "poor"), "nhan_khau": 3}  # 4 + 3 = 7
BC9 = person("BC9", "poor")
ONE = {2: 1, 8: 4, 10: 1_200_000}  # count 1, 4 people, 1,200,000 đồng: one household's


# RD's Left (b): a hamlet's count writing its poor as '3 hộ' under 'Phân loại hộ'.


@pytest.mark.parametrize("poor", ["3 hộ", "3 hộ.", "3 Hộ"])
def test_a_count_writing_its_poor_with_ho_under_the_class_is_a_total(tmp_path, poor):
    """Rows 5-7 NM1-NM3, row 8 'Cong Na Mon | 3 | … | 12 | <poor>'. By hand: 3 households, 12
    people (4 + 4 + 4), 3 of a class, no more than its count: Nà Mòn's total, taken out,
    nothing said, NM1-NM3 read. Before: a household coded 3, 'invalid-classification' at I8
    ("'Phân loại hộ' là '3 hộ'")."""
    said, codes = said_and_codes(
        tmp_path, [*NM, None], {8: {3: "Cong Na Mon", 2: 3, 8: 12, 9: poor}}
    )
    assert (said, codes) == ([], ["NM1", "NM2", "NM3"])


def test_a_class_count_with_ho_above_the_count_is_still_a_heads_row(tmp_path):
    """Guard: '… | 12 | 4 hộ': 4 of a class among 3 households is no total's: a head's row coded
    3, asked at its class cell I8, as '… | 4' is (session 64, D)."""
    said, codes = said_and_codes(
        tmp_path, [*NM, None], {8: {3: "Cong Na Mon", 2: 3, 8: 12, 9: "4 hộ"}}
    )
    assert ([(c, cell) for c, cell, _, _ in said], codes) == (
        [("invalid-classification", "I8")],
        ["3", "NM1", "NM2", "NM3"],
    )


# RD's Left (c): a head 'Tong Van Minh' (Tống, typed without marks), his Mã hộ a bare number,
# no class, year or ID, his people those of the rows his "count" names.


@pytest.mark.parametrize(("count", "people"), [(3, 12), (2, 8)])
def test_a_count_naming_no_hamlet_alone_in_its_list_is_a_heads_row_asked(tmp_path, count, people):
    """Rows 5-7 NM1-NM3, row 8 'Tong Van Minh | <count> | … | <people>' (no plan hamlet is
    'Văn Minh'; the list holds no hamlet's total). By hand: its people are those of the
    <count> rows just above it (4 each), as a merged-away hamlet's count would be, but nothing
    on the list parts it by hamlets: read as a household coded <count>, asked at its class cell
    I8 ("'Phân loại hộ' đang để trống"); four households read. Before: taken out as a total,
    nothing said (a head's household lost silently)."""
    lines = {8: {3: "Tong Van Minh", 2: count, 8: people}}
    said, codes = said_and_codes(tmp_path, [*NM, None], lines)
    assert [(c, cell) for c, cell, _, _ in said] == [("invalid-classification", "I8")]
    assert "'Phân loại hộ' đang để trống" in said[0][3]
    assert codes == [str(count), "NM1", "NM2", "NM3"]


def test_a_count_naming_no_hamlet_mid_part_of_a_parted_list_is_a_heads_row_asked(tmp_path):
    """Rows 5-7 NM1-NM3, row 8 'Cong Na Mon | 3 | … | 12' (Nà Mòn's total), rows 9-11 NM4, NM5,
    BC1, row 12 'Tong Van Minh | 2 | … | 8'. By hand: its 8 people are rows 10-11's (4 + 4),
    the rows its count names, but row 9 above them is a household: no part the list's totals
    or layout bound; read as a household coded 2, asked at I12; seven households read. Before
    (and with the list's top alone told): taken out, nothing said."""
    rows = [*NM, None, NM4, NM5, BC1, None]
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 12: {3: "Tong Van Minh", 2: 2, 8: 8}}
    said, codes = said_and_codes(tmp_path, rows, lines)
    assert [(c, cell) for c, cell, _, _ in said] == [("invalid-classification", "I12")]
    assert codes == ["2", "BC1", "NM1", "NM2", "NM3", "NM4", "NM5"]


def _merged(tmp_path, rows: list, lines: dict[int, dict[int, object]]):
    """Nà Mòn's list of ``rows`` (None: a row written ``lines[excel_row]``) under a plan Bản Cọ
    is merged away from: what is said of it (code, cell) and the codes read."""
    from tests.commune import write_merged_plan

    collected_with_lines(tmp_path, rows, lines)
    write_merged_plan(tmp_path)
    result, _ = collect(tmp_path, None, workers=0)
    said = [
        (i.code, i.cell)
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.code not in ("vanished-household", "total-far-from-plan")
    ]
    return said, sorted(str(code) for code in result.households["ma_ho"])


def test_a_merged_away_hamlets_count_at_the_top_of_a_parted_list_is_taken(tmp_path):
    """Guard: in a plan Bản Cọ is merged away from, rows 5-6 BC1, BC2 (4 people each), row 7
    'Cong Ban Co | 2 | … | 8', rows 8-10 NM1-NM3, row 11 'Cong Na Mon | 3 | … | 12'. By hand:
    the list is parted by Nà Mòn's total; Bản Cọ's count closes the list's first two rows,
    its 8 people theirs: taken out; the five households read. Said at C7 since session 66 (F:
    'count-names-no-hamlet', a head Công typed without marks reads the same)."""
    bc2 = person("BC2", "poor")
    lines = {7: {3: "Cong Ban Co", 2: 2, 8: 8}, 11: {3: "Cong Na Mon", 2: 3, 8: 12}}
    assert _merged(tmp_path, [BC1, bc2, None, *NM, None], lines) == (
        [("count-names-no-hamlet", "C7")],
        ["BC1", "BC2", "NM1", "NM2", "NM3"],
    )


@pytest.mark.parametrize("above", [{3: "Cộng xóm Nà Mòn", 8: 12}, {}], ids=["total", "blank"])
def test_a_merged_away_hamlets_count_under_a_row_not_read_is_still_taken(tmp_path, above):
    """Guard (session 64, D's (3)): in a plan Bản Cọ is merged away from, rows 5-7 NM1-NM3, row 8
    'Cộng xóm Nà Mòn | | … | 12' (the reader takes it out) or a blank line, rows 9-10 BC1, BC2
    (4 people each), row 11 'Cong Ban Co | 2 | … | 8'. By hand: no plan hamlet's total, but
    the two rows its count and its 8 people name are parted from the rows above by a row no
    household's: Bản Cọ's total, taken out; the five households read. Said at C11 since
    session 66 (F: 'count-names-no-hamlet')."""
    bc2 = person("BC2", "poor")
    lines = {8: above, 11: {3: "Cong Ban Co", 2: 2, 8: 8}}
    assert _merged(tmp_path, [*NM, None, BC1, bc2, None], lines) == (
        [("count-names-no-hamlet", "C11")],
        ["BC1", "BC2", "NM1", "NM2", "NM3"],
    )


# RD's Left (d): a count of 1 under a household new this year just under a total the reader
# takes out itself ('Cộng xóm Nà Mòn' with its marks: no row of the table).


def test_a_count_of_one_under_a_new_household_under_a_total_the_reader_takes(tmp_path):
    """Rows 5-7 NM1-NM3, row 8 'Cộng xóm Nà Mòn | | … | 12' (taken out by the reader), row 9
    BC9 (new), row 10 'Cong Ban Co | 1 | … | 4 | … | 1.200.000'. By hand: Bản Cọ's part is row
    9 alone (under Nà Mòn's total), its count 1 and its figures that row's (4 people,
    1,200,000): taken out, nothing said, the four households read. Before: read as a household
    coded 1, 'invalid-classification' at I10 (five households)."""
    rows = [*NM, None, BC9, None]
    lines = {8: {3: "Cộng xóm Nà Mòn", 8: 12}, 10: {3: "Cong Ban Co", **ONE}}
    said, codes = said_and_codes(tmp_path, rows, lines)
    assert (said, codes) == ([], ["BC9", "NM1", "NM2", "NM3"])


def test_a_count_of_one_under_a_blank_line_and_another_hamlets_household_is_asked(tmp_path):
    """Guard: rows 5-7 NM1-NM3, row 8 blank, row 9 NM4 (Nà Mòn's by the start list), row 10
    'Cong Ban Co | 1 | … | 4 | … | 1.200.000'. By hand: the one row is bounded above by the
    blank line but its code is another hamlet's than the one the count names: read and asked
    at I10 (session 64, D's (5)); five households read."""
    rows = [*NM, None, NM4, None]
    lines = {8: {}, 10: {3: "Cong Ban Co", **ONE}}
    said, codes = said_and_codes(tmp_path, rows, lines)
    assert ([(c, cell) for c, cell, _, _ in said], codes) == (
        [("invalid-classification", "I10")],
        ["1", "NM1", "NM2", "NM3", "NM4"],
    )


# D's Left (a): a mistyped count closing its rows in a list of two or more hamlets' counts.


def test_a_mistyped_count_among_two_is_said_beside_the_rows_its_figures_total(tmp_path):
    """Rows 5-7 NM1-NM3, rows 8-9 BC1 (4 people), BC2 (3), row 10 'Cong Ban Co | 3 | … | 7',
    rows 11-12 NM4, NM5, row 13 'Cong Na Mon | 2 | … | 8'. By hand: 7 people are rows 8-9's (4
    + 3), not the three rows its count names (4 + 4 + 3 = 11) nor the five above it (19): Bản
    Cọ's total, its count mistyped, said at B10 'section' beside rows 8–9; Nà Mòn's count
    right for rows 11-12 (8 people), unsaid; the seven households read. Before: said beside
    rows 5–9 ("phần đó có 5 dòng hộ"), its part the rows since the list's top."""
    rows = [*NM, BC1, BC2, None, NM4, NM5, None]
    lines = {10: {3: "Cong Ban Co", 2: 3, 8: 7}, 13: {3: "Cong Na Mon", 2: 2, 8: 8}}
    said, codes = said_and_codes(tmp_path, rows, lines)
    assert [(c, cell, v) for c, cell, v, _ in said] == [("total-count-differs", "B10", "section")]
    assert said[0][3].split(";")[0] == (
        "Dòng 'Cong Ban Co' là dòng cộng của một phần danh sách, ghi '3' nhưng phần đó có 2 "
        "dòng hộ (dòng 8–9)"
    )
    assert codes == ["BC1", "BC2", "NM1", "NM2", "NM3", "NM4", "NM5"]


# D's Left (b): a count alone (no figure) whose hamlet's rows hold a household new this year.


def test_a_count_alone_over_its_hamlets_rows_and_a_new_one_is_unsaid(tmp_path):
    """Rows 5-7 NM1-NM3, row 8 BC1, row 9 BC9 (new), row 10 'Cong Ban Co | 2'. By hand: BC1 is
    Bản Cọ's by the start list, NM3 above it Nà Mòn's: Bản Cọ's part is rows 8-9, BC9 under
    its row; 2 rows, its count right: taken out, nothing said, the five read. Before: said
    total-count-differs at B10 beside the list's 5 rows (a false ask)."""
    said, codes = said_and_codes(tmp_path, [*NM, BC1, BC9, None], {10: {3: "Cong Ban Co", 2: 2}})
    assert (said, codes) == ([], ["BC1", "BC9", "NM1", "NM2", "NM3"])


def test_a_count_alone_off_its_hamlets_rows_and_a_new_one_is_said_beside_them(tmp_path):
    """Row 10 'Cong Ban Co | 3' under the same rows. By hand: Bản Cọ's part is rows 8-9 (2
    rows), not 3: said at B10, 'section', beside rows 8–9. Before: beside the whole list ("danh
    sách có 5 dòng hộ")."""
    said, codes = said_and_codes(tmp_path, [*NM, BC1, BC9, None], {10: {3: "Cong Ban Co", 2: 3}})
    assert [(c, cell, v) for c, cell, v, _ in said] == [("total-count-differs", "B10", "section")]
    assert said[0][3].split(";")[0] == (
        "Dòng 'Cong Ban Co' là dòng cộng của một phần danh sách, ghi '3' nhưng phần đó có 2 "
        "dòng hộ (dòng 8–9)"
    )
    assert codes == ["BC1", "BC9", "NM1", "NM2", "NM3"]


# A one-cell note under 'Mã hộ' in column A under an empty list whose class is marked in
# columns ('Hộ nghèo | Hộ cận nghèo | Thoát nghèo'; session 64, D2's shape, STT left out).


def _noted(tmp_path: Path, notes: list[str]):
    """Nà Mòn's May list: 'Hộ nghèo' empty but for ``notes`` in A (under 'Mã hộ') after a blank
    row, 'Hộ cận nghèo' NM1 marked near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    header = HEADER[1:]  # 'Mã hộ' in A
    book = openpyxl.Workbook()
    poor = book.active
    poor.title = "Hộ nghèo"
    poor.append(header)
    poor.append([])
    for note in notes:
        poor.append([note])
    near = book.create_sheet("Hộ cận nghèo")
    near.append(header)
    near.append(["NM1", "Hoàng Văn NM1", 1970, "Nam", "Tày", "012345671234", 4, None, "x"])
    book.save(folder / "DS_NaMon_T5-2024.xlsx")
    result, _ = collect(folder, None, workers=0)
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    errors = [(i.code, i.sheet, i.cell) for i in result.issues if i.severity == "error"]
    return na_mon, errors


@pytest.mark.parametrize("note", ["Không có hộ nghèo", "(Không có)"])
def test_a_one_cell_note_under_an_empty_marked_list_leaves_the_list_read(tmp_path, note):
    """By hand: the note is no household and no mark; the class columns are read as marks, the
    list accepted: NM1 near-poor, Nà Mòn 0 poor and 1 near-poor of its 100 households. The
    note's row is passed over as a note saying the list is empty (session 65, RD; D had it
    said at B3, G3, H3 as a household without a name, people or class). Before: the run
    stopped, no list accepted ("Thiếu cột bắt buộc 'Phân loại hộ' trong trang 'Hộ nghèo'")."""
    na_mon, errors = _noted(tmp_path, [note])
    assert (na_mon["status"], na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (
        "ok", 100, 0, 1,
    )  # fmt: skip
    assert errors == []  # the note passed over as the list's (session 65, RD)
