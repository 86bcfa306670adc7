"""Session 65 (RD, review of D): a one-cell note saying a list is empty ('Không có hộ nghèo')
under 'Mã hộ' is no household; a count naming no plan hamlet whose first word is 'Tong' typed
without marks (a head Tống's name as typed) is never taken out unsaid.

Nà Mòn's list from row 5 on (tests.commune: A STT, B Mã hộ, C the head's name, H Số nhân khẩu,
I Phân loại hộ, J Thu nhập BQ); each household 4 people at 1,200,000 đồng, poor. Bản Cọ sends
no list of its own.
"""

from __future__ import annotations

import unicodedata

import pytest

from tests.commune import person
from tests.test_session63_d_part_totals import collected_with_lines

NM = [person(f"NM{n}", "poor") for n in (1, 2, 3)]
NM4, NM5 = person("NM4", "poor"), person("NM5", "poor")


def _run(tmp_path, rows: list, lines: dict[int, dict[int, object]]):
    """Nà Mòn's list of ``rows`` (None: a row written ``lines[excel_row]``), Bản Cọ sending
    none: what is said of Nà Mòn's list (code, cell) and the codes read."""
    result = collected_with_lines(tmp_path, rows, lines)
    said = [
        (i.code, i.cell)
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.code != "vanished-household"
    ]
    return said, sorted(str(code) for code in result.households["ma_ho"])


# D's Found 1: a note under 'Mã hộ' saying the list (or a class of it) is empty.


@pytest.mark.parametrize(
    "note",
    [
        "Không có hộ cận nghèo",
        "(Không có)",
        "Không",
        "KHÔNG CÓ HỘ NÀO",
        unicodedata.normalize("NFD", "Không có hộ nghèo."),
        "Không phát sinh",
        "Không còn hộ nghèo",
    ],
)
def test_a_note_saying_none_under_the_code_is_no_household(tmp_path, note):
    """Rows 5-7 NM1-NM3, row 8 '<note>' in B (Mã hộ), the row's one written cell. By hand: the note tells the list
    holds no (other) household; it is no household's row: nothing said, NM1-NM3 read. Before:
    read as a household coded '<note>' with no name, people or class: three errors at C8, H8,
    I8 asking the head to fill a note's row."""
    assert _run(tmp_path, [*NM, None], {8: {2: note}}) == ([], ["NM1", "NM2", "NM3"])


def test_a_household_written_with_no_code_beside_its_people_and_class_is_still_read(tmp_path):
    """Guard: row 8 'Không có | … | 4 | Hộ nghèo' (no code, no name, its people and class
    written): a household's row, not a note: read, its missing name asked at C8, as before."""
    lines = {8: {2: "Không có", 8: 4, 9: "Hộ nghèo"}}
    said, codes = _run(tmp_path, [*NM, None], lines)
    assert (said, codes) == ([("missing-head-name", "C8")], ["Không có", "NM1", "NM2", "NM3"])


@pytest.mark.parametrize(
    "cells",
    [{2: "Không có", 8: 4, 10: 1_200_000}, {2: "Không có hộ nghèo", 8: 4}],
    ids=["code", "note"],
)
def test_none_beside_a_households_figures_is_still_a_household(tmp_path, cells):
    """Guard: row 8 'Không có | … | 4 | | 1.200.000' (no code, name or class, its people and
    income written) or 'Không có hộ nghèo | … | 4': the figures are a household's, the words no
    note alone: read, its missing name and class asked at C8, I8, as before."""
    said, codes = _run(tmp_path, [*NM, None], {8: cells})
    assert said == [("missing-head-name", "C8"), ("invalid-classification", "I8")]
    assert codes == sorted([cells[2], "NM1", "NM2", "NM3"])


def test_a_note_saying_none_with_a_heads_name_is_still_a_household(tmp_path):
    """Guard: row 8 'Không có | Lò Văn A | … | 4 | Hộ nghèo': 'Không có' in Mã hộ beside a
    head's name is a household's cell, never a note: five rows read (as before). Since session
    67 F a household without its code ('Không có' says none yet): said at B8, its code blank
    (before: read under the code 'Không có')."""
    lines = {8: {2: "Không có", 3: "Lò Văn A", 8: 4, 9: "Hộ nghèo"}}
    said, codes = _run(tmp_path, [*NM, None], lines)
    assert said == [("missing-household-id", "B8")]
    assert codes == ["", "NM1", "NM2", "NM3"]


# D's Found 3: 'Tong Van Minh | 2 | … | 8' (a head Tống typed without marks) where the rows its
# count and figures name are bounded by a total: taken out unsaid after D's change.


@pytest.mark.parametrize(
    "name", ["Tong Van Minh", "TONG VAN MINH", unicodedata.normalize("NFD", "Tong Văn Minh")]
)
@pytest.mark.parametrize(
    "above",
    [{3: "Cong Na Mon", 2: 3, 8: 12}, {3: "Cộng xóm Nà Mòn", 8: 12}],
    ids=["count", "total"],
)
def test_tong_naming_no_hamlet_under_a_total_is_a_heads_row_asked(tmp_path, name, above):
    """Rows 5-7 NM1-NM3, row 8 Nà Mòn's total ('Cong Na Mon | 3 | … | 12' or 'Cộng xóm Nà Mòn |
    | … | 12'), rows 9-10 NM4, NM5, row 11 '<name> | 2 | … | 8'. By hand: its 8 people are
    rows 9-10's (4 + 4), a part bounded by the total, but 'Tong' typed without marks is how
    a head Tống's name is typed and 'Văn Minh' is no plan hamlet: read as a household coded
    2, asked at its class cell I11; six households read. Before: taken out, nothing said."""
    lines = {8: above, 11: {3: name, 2: 2, 8: 8}}
    said, codes = _run(tmp_path, [*NM, None, NM4, NM5, None], lines)
    assert said == [("invalid-classification", "I11")]
    assert codes == ["2", "NM1", "NM2", "NM3", "NM4", "NM5"]


def test_tong_naming_no_hamlet_at_the_top_of_a_parted_list_is_a_heads_row_asked(tmp_path):
    """Rows 5-6 NM4, NM5, row 7 'Tong Van Minh | 2 | … | 8', rows 8-10 NM1-NM3, row 11 'Cong Na
    Mon | 3 | … | 12'. By hand: the list's first two rows, parted by Nà Mòn's count, are its
    8 people, but the name may be a head's: asked at I7; six households read. Before: taken
    out, nothing said."""
    lines = {7: {3: "Tong Van Minh", 2: 2, 8: 8}, 11: {3: "Cong Na Mon", 2: 3, 8: 12}}
    said, codes = _run(tmp_path, [NM4, NM5, None, *NM, None], lines)
    assert said == [("invalid-classification", "I7")]
    assert codes == ["2", "NM1", "NM2", "NM3", "NM4", "NM5"]


def test_a_plan_hamlets_count_typed_tong_is_still_taken(tmp_path):
    """Guard: row 11 'Tong Na Mon | 2 | … | 8' under 'Cong Na Mon | 3 | … | 12', NM4, NM5: it
    names a plan hamlet, its count and figures its part's: taken out, nothing said (session
    63, D); the five households read."""
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: {3: "Tong Na Mon", 2: 2, 8: 8}}
    said, codes = _run(tmp_path, [*NM, None, NM4, NM5, None], lines)
    assert (said, codes) == ([], ["NM1", "NM2", "NM3", "NM4", "NM5"])
