"""Session 66 (F): session 65 RD's Left on counts and notes read from real rosters.

(a) 'Cong Van Minh | 2 | … | 8' (a head Công typed without marks) where a total bounds its rows
    was taken out as a merged-away hamlet's count, nothing said: now said at its name cell
    ('count-names-no-hamlet'), the merged-away 'Cong Ban Co' alike (nothing tells them apart).
(b) '3 hộ nghèo' under a count's 'Phân loại hộ' is the count of a class it is ('3 hộ').
(c) 'Không' under 'Mã hộ' beside a head's name is read as 'Chưa có', 'Không có' are (pinned).
(d) 'Trống', 'Chưa có hộ' alone under 'Mã hộ' are a note saying the list is empty.
(e) '1 | Không có hộ nghèo' (its STT written) is the same note.

Nà Mòn's list from row 5 on (tests.commune: its title merged over A1:Z1; A STT, B Mã hộ, C the
head's name, D Năm sinh, H Số nhân khẩu, I Phân loại hộ, J Thu nhập BQ); each household 4 people
at 1,200,000 đồng, poor. Bản Cọ sends no list of its own.
"""

from __future__ import annotations

import unicodedata

import pytest

from tests.commune import person
from tests.test_session64_d_hamlet_counts import said_and_codes

NM = [person(f"NM{n}", "poor") for n in (1, 2, 3)]
NM4, NM5 = person("NM4", "poor"), person("NM5", "poor")
NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731

SAID_A = (
    "Dòng 'Cong Van Minh' được xã hiểu là dòng cộng của các hộ ở các dòng 9–10 (số ở cột 'Mã "
    "hộ' và các số của dòng đúng bằng các hộ đó cộng lại), như dòng cộng của một xóm cũ đã sáp "
    "nhập, nên không tính dòng này là một hộ; kế hoạch không có xóm nào tên 'Van Minh'. Nếu "
    "đây là dòng cộng: không cần sửa. Nếu đây là một hộ: hãy ghi họ tên chủ hộ 'Cong Van Minh' "
    "có dấu (họ 'Công', không phải 'Cộng'), mã hộ và phân loại hộ của hộ."
)  # the row's own name quoted since session 67 F (before: "(ví dụ 'Công Văn Minh')")


# (a) a count naming no plan hamlet, its rows bounded by a total: taken out, now said.


@pytest.mark.parametrize(
    "above",
    [{3: "Cong Na Mon", 2: 3, 8: 12}, {3: NFD("Cộng xóm Nà Mòn"), 8: 12}],
    ids=["count", "total-nfd"],
)
def test_a_count_naming_no_hamlet_under_a_total_is_said_at_its_name(tmp_path, above):
    """Rows 5-7 NM1-NM3, row 8 Nà Mòn's total ('Cong Na Mon | 3 | … | 12', or 'Cộng xóm Nà Mòn |
    | … | 12' in NFD), rows 9-10 NM4, NM5, row 11 'Cong Van Minh | 2 | … | 8'. By hand: its 8
    people are rows 9-10's (4 + 4), the two rows its count names, a part the total above
    bounds: as a merged-away hamlet's count would be, taken out (five households read), but
    'Van Minh' is no plan hamlet and 'Cong' is how a head Công is typed without marks: said at
    C11, the rows it totals named, and how to make it a household. Before: taken out, nothing
    said."""
    lines = {8: above, 11: {3: "Cong Van Minh", 2: 2, 8: 8}}
    said, codes = said_and_codes(tmp_path, [*NM, None, NM4, NM5, None], lines)
    assert said == [("count-names-no-hamlet", "C11", "cong", SAID_A)]
    assert codes == ["NM1", "NM2", "NM3", "NM4", "NM5"]


def test_the_name_written_with_its_marks_is_a_household(tmp_path):
    """Guard, the message's advice: row 11 'Công Văn Minh' (NFD, its marks) in the same place:
    a head's row, read as a household coded 2, asked its class at I11; six households read
    (as before)."""
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: {3: NFD("Công Văn Minh"), 2: 2, 8: 8}}
    said, codes = said_and_codes(tmp_path, [*NM, None, NM4, NM5, None], lines)
    assert [(c, cell) for c, cell, _, _ in said] == [("invalid-classification", "I11")]
    assert codes == ["2", "NM1", "NM2", "NM3", "NM4", "NM5"]


def test_a_merged_away_hamlets_count_is_said_too(tmp_path):
    """Session 64 D's merged shape, under the plan Bản Cọ is merged away from: rows 5-7
    NM1-NM3, 'Cong Na Mon | 3 | … | 12', rows 9-10 BC1, BC2, row 11 'Cong Ban Co | 2 | … | 8'.
    By hand: still taken out (five households read), now said at C11 as (a): nothing on the
    list tells it from 'Cong Van Minh'. Before: nothing said."""
    from pipeline.run import collect
    from tests.commune import write_merged_plan
    from tests.test_session63_d_part_totals import collected_with_lines

    bc = [person("BC1", "poor"), person("BC2", "poor")]
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: {3: "Cong Ban Co", 2: 2, 8: 8}}
    collected_with_lines(tmp_path, [*NM, None, *bc, None], lines)
    write_merged_plan(tmp_path)
    result, _ = collect(tmp_path, None, workers=0)
    said = [
        (i.code, i.cell, i.message("vi"))
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.code not in ("vanished-household", "total-far-from-plan")
    ]
    assert said == [
        (
            "count-names-no-hamlet",
            "C11",
            SAID_A.replace("'Cong Van Minh'", "'Cong Ban Co'").replace("'Van Minh'", "'Ban Co'"),
        )
    ]
    assert sorted(result.households["ma_ho"]) == ["BC1", "BC2", "NM1", "NM2", "NM3"]


# (b) a count of a class written with its class's name under a count's 'Phân loại hộ'.


@pytest.mark.parametrize("poor", ["3 hộ nghèo", NFD("3 hộ nghèo."), "2 hộ cận nghèo"])
def test_a_count_writing_its_class_by_name_is_a_total(tmp_path, poor):
    """Rows 5-7 NM1-NM3, row 8 'Cong Na Mon | 3 | … | 12 | <poor>'. By hand: 3 households of
    12 people (4 + 4 + 4), a class counted no more than its count: Nà Mòn's total, taken out,
    nothing said, NM1-NM3 read. Before: a household coded 3, asked at I8 ("'Phân loại hộ' là
    '3 hộ nghèo'")."""
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12, 9: poor}}
    assert said_and_codes(tmp_path, [*NM, None], lines) == ([], ["NM1", "NM2", "NM3"])


def test_a_class_counted_above_the_count_is_still_asked(tmp_path):
    """Guard: '… | 12 | 4 hộ nghèo': 4 of a class among 3 households is no total's: a head's
    row coded 3, asked at I8 with the words written (as before)."""
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12, 9: "4 hộ nghèo"}}
    said, codes = said_and_codes(tmp_path, [*NM, None], lines)
    assert [(c, cell) for c, cell, _, _ in said] == [("invalid-classification", "I8")]
    assert "'Phân loại hộ' là '4 hộ nghèo'" in said[0][3]
    assert codes == ["3", "NM1", "NM2", "NM3"]


# (c) 'Không' under 'Mã hộ' beside a head's name: as 'Chưa có', 'Không có' (session 44).


@pytest.mark.parametrize("code", ["Không", "Chưa có", "Không có"])
def test_a_no_code_word_beside_a_heads_name_is_read_alike(tmp_path, code):
    """Row 8 '<code> | Lò Văn A | 1970 | … | 4 | Hộ nghèo | 1.200.000'. By hand: a household
    whose code is not yet given: the three alike. Pinned here (session 66) read under the words
    written, its class against the standard said (I8); since session 67 F (its section in
    docs/decisions.md) a missing code, said at B8 with the word quoted, the row left out as a
    blank code's is."""
    row = {2: code, 3: "Lò Văn A", 4: 1970, 8: 4, 9: "Hộ nghèo", 10: 1_200_000}
    said, codes = said_and_codes(tmp_path, [*NM, None], {8: row})
    assert [(c, cell, v) for c, cell, v, _ in said] == [
        ("missing-household-id", "B8", "placeholder")
    ]
    assert codes == ["", "NM1", "NM2", "NM3"]


# (d), (e) a note alone under 'Mã hộ' saying the list is empty, its STT written or not.


@pytest.mark.parametrize(
    "cells",
    [
        {2: "Trống"},
        {2: NFD("(Trống)")},
        {2: "Chưa có hộ"},
        {2: NFD("Chưa có hộ cận nghèo.")},
        {1: 4, 2: "Không có hộ nghèo"},
        {1: "4", 2: NFD("Không có hộ nghèo")},
        {1: 4.0, 2: "Trống"},
    ],
    ids=["trong", "trong-nfd", "chua-co-ho", "chua-co-nfd", "stt", "stt-text", "stt-trong"],
)
def test_a_note_saying_the_list_is_empty_is_no_household(tmp_path, cells):
    """Rows 5-7 NM1-NM3, row 8 the note in B (Mã hộ), its STT in A or not, nothing else. By
    hand: no household's row (no name, people or class): nothing said, NM1-NM3 read. Before:
    a household coded with the note, three errors at C8, H8, I8."""
    assert said_and_codes(tmp_path, [*NM, None], {8: cells}) == ([], ["NM1", "NM2", "NM3"])


def test_a_note_beside_a_word_in_the_stt_column_is_still_a_household(tmp_path):
    """Guard: 'x | Trống' (a word under STT, no number): the row writes two texts, no note
    alone: read as a household, its three cells asked at C8, H8, I8 (as before)."""
    said, codes = said_and_codes(tmp_path, [*NM, None], {8: {1: "x", 2: "Trống"}})
    assert [(c, cell) for c, cell, _, _ in said] == [
        ("missing-head-name", "C8"),
        ("invalid-household-size", "H8"),
        ("invalid-classification", "I8"),
    ]
    assert codes == ["NM1", "NM2", "NM3", "Trống"]
