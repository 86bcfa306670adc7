"""Session 67 (F): session 66 F's and RF's Left on counts, notes and codes in a roster.

(1) With no store and a plain merged plan (the first month a new install runs after Bản Cọ is
    merged into Nà Mòn), a merged-away hamlet's count whose words can be no head's name
    ('Tổng xóm Bản Cọ | 2 hộ', 'Cộng Bản Cọ | 2', 'Cong xom Ban Co | 2': a total's word with
    its marks, or 'xóm' after it) is taken out unsaid; 'Cong Ban Co | 2' (a head Công typed
    without marks reads so) is still said (RF's guard).
(2) A word for "no code yet" beside a head's name ('Trống', 'Không', 'Chưa có', '-', 'x') is no
    code: 'missing-household-id' at the cell, the word quoted, the row left out as a blank
    code's is (session 66 F pinned it read as the code written).
(3) 'count-names-no-hamlet' quotes the row's own text as the name to write with its marks and
    the family name its first word would be ('Công', 'Tống'), in the run and the head's copy.
(4) 'Hết', 'Cộng', 'Tổng cộng' or '-' under STT beside a note saying the list is empty is no
    household ('x | Trống' still is: session 66 F's guard).

Nà Mòn's list from row 5 on (tests.commune: A STT, B Mã hộ, C the head's name, D Năm sinh, H Số
nhân khẩu, I Phân loại hộ, J Thu nhập BQ); each household 4 people at 1,200,000 đồng, poor.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import openpyxl
import pytest

from pipeline.run import collect, execute
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.test_session64_d_hamlet_counts import said_and_codes
from tests.test_session64_f_reused_heads import feedback

NM = [person(f"NM{n}", "poor") for n in (1, 2, 3)]
FIVE = ["BC1", "BC2", "NM1", "NM2", "NM3"]
NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
NFC = lambda text: unicodedata.normalize("NFC", text)  # noqa: E731


def said_of(label: str, rows: str, named: str, family: str = "") -> str:
    """The 'count-names-no-hamlet' words of a count written ``label`` over ``rows``."""
    mark = " (họ 'Công', không phải 'Cộng')" if family else ""
    return (
        f"Dòng '{label}' được xã hiểu là dòng cộng của các hộ ở các dòng {rows} (số ở cột 'Mã "
        "hộ' và các số của dòng đúng bằng các hộ đó cộng lại), như dòng cộng của một xóm cũ đã "
        f"sáp nhập, nên không tính dòng này là một hộ; kế hoạch không có xóm nào tên '{named}'. "
        "Nếu đây là dòng cộng: không cần sửa. Nếu đây là một hộ: hãy ghi họ tên chủ hộ "
        f"'{label}' có dấu{mark}, mã hộ và phân loại hộ của hộ."
    )


def merged_may(tmp_path, count: dict, run: bool = False):
    """No store; the plain merged plan (Bản Cọ into Nà Mòn, tests.commune.write_merged_plan);
    Nà Mòn's May list rows 5-7 NM1-NM3, row 8 'Cong Na Mon | 3 | … | 12', rows 9-10 BC1, BC2,
    row 11 ``count`` (column -> value): what is said of it (code, cell, words) and the codes
    read; ``run``: the month run (execute) into ``ra`` too, for the head's copy."""
    folder, out = new_commune(tmp_path)
    write_merged_plan(folder)
    filler = person("ZZ9", "poor")
    rows = [*NM, filler, person("BC1", "poor"), person("BC2", "poor"), dict(filler)]
    path = write_roster(folder, "DS_NaMon.xlsx", "Nà Mòn", 300, rows, "2024-05", date(2024, 6, 3))
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for excel_row, cells in {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: count}.items():
        for col in range(1, sheet.max_column + 1):
            sheet.cell(excel_row, col).value = cells.get(col)
    book.save(path)
    result, _ = collect(folder, "2024-05", workers=0)
    said = [
        (i.code, i.cell, i.message("vi"))
        for i in result.issues
        if i.file == "DS_NaMon.xlsx" and i.code not in ("vanished-household", "total-far-from-plan")
    ]
    if run:
        execute(folder, out, "2024-05")
    return said, sorted(str(code) for code in result.households["ma_ho"]), out


# (1) a merged-away hamlet's count whose words are plainly a total's: not said.


@pytest.mark.parametrize(
    "count",
    [
        {3: "Tổng xóm Bản Cọ", 2: "2 hộ", 8: 8},
        {3: "Cộng Bản Cọ", 2: 2, 8: 8},
        {3: "Cong xom Ban Co", 2: 2, 8: 8},
        {3: NFD("CỘNG XÓM BẢN CỌ:"), 2: "2", 8: 8},
    ],
    ids=["tong-xom-2-ho", "cong-marked", "cong-xom-unmarked", "nfd-capitals"],
)
def test_a_merged_away_count_written_plainly_as_a_total_is_not_said(tmp_path, count):
    """Row 11 the count over rows 9-10 (4 + 4 = 8 people, 2 households), under Nà Mòn's count:
    taken out as before (five households). By hand: 'Tổng', 'Cộng' with their marks are no
    head's family name ('Tống', 'Công' are), and no head's name goes on 'xóm': a total,
    nothing said. Before: 'count-names-no-hamlet' at C11."""
    said, codes, _ = merged_may(tmp_path, count)
    assert (said, codes) == ([], FIVE)


def test_a_merged_away_count_typed_as_a_name_is_still_said_its_own_words_quoted(tmp_path):
    """Guard (RF's): 'Cong Ban Co | 2 | … | 8': as well a head Công typed without marks; still
    taken out and said at C11, the words now quoting the row ('Cong Ban Co' with its marks,
    the family name 'Công'). Before: the example was 'Công Văn Minh'."""
    said, codes, _ = merged_may(tmp_path, {3: "Cong Ban Co", 2: 2, 8: 8})
    assert said == [
        ("count-names-no-hamlet", "C11", said_of("Cong Ban Co", "9–10", "Ban Co", "Công"))
    ]
    assert codes == FIVE


# (3) the row's own words, in the run and the head's copy.


def test_the_warning_quotes_the_rows_own_name_in_the_run_and_the_heads_copy(tmp_path):
    """'CONG VAN MINH | 2 | … | 8' (a head Công typed in capitals without marks) in the merged
    shape above: said at C11, the same words in the run's issues and in Nà Mòn's head's copy
    (PhanHoi, its guide's 'Cần sửa' at C11): write 'CONG VAN MINH' with its marks, 'Công' not
    'Cộng'. Before: "(ví dụ 'Công Văn Minh')" in both. ('Tong …' is read as a head Tống's row,
    never such a count: session 65 RD.)"""
    said, codes, out = merged_may(tmp_path, {3: "CONG VAN MINH", 2: 2, 8: 8}, run=True)
    words = said_of("CONG VAN MINH", "9–10", "VAN MINH", "Công")
    assert said == [("count-names-no-hamlet", "C11", words)]
    assert codes == FIVE
    assert feedback(out, "2024-05", "Nà Mòn")["C11"] == words


# (2) a word for "no code yet" beside a head's name.

PLACEHOLDER = (
    "'Mã hộ' ghi '{}', tức là hộ chưa có mã hộ; hộ chưa được tính vì thiếu mã hộ. Hãy ghi vào ô "
    "này mã hộ như trong sổ quản lý hộ nghèo của xã."
)


@pytest.mark.parametrize("code", ["Trống", "Không", "Chưa có", "-", "x", NFD("(Chưa có mã)")])
def test_a_no_code_word_beside_a_heads_name_is_a_missing_code(tmp_path, code):
    """Row 8 '<code> | Lò Văn A | 1970 | … | 4 | Hộ nghèo | 1.200.000'. By hand: the word says
    the household has no code yet: a missing code, said at B8 with the word quoted; the row
    left out of the counts as a blank code's is (its class no more compared: nothing else
    said); NM1-NM3 read, the row under no code. Before: read as a household coded '<code>',
    only its class against the standard said (I8)."""
    row = {2: code, 3: "Lò Văn A", 4: 1970, 8: 4, 9: "Hộ nghèo", 10: 1_200_000}
    said, codes = said_and_codes(tmp_path, [*NM, None], {8: row})
    assert said == [("missing-household-id", "B8", "placeholder", PLACEHOLDER.format(NFC(code)))]
    assert codes == ["", "NM1", "NM2", "NM3"]


def test_two_rows_no_code_yet_are_two_missing_codes_not_one_code_twice(tmp_path):
    """Rows 8-9 'Chưa có | Lò Văn A | 1970 …', 'Chưa có | Lò Văn B | 1980 …': two households
    without a code, each said at its B cell. Before: one code written twice, both rows
    'duplicate-household-id'."""
    a = {2: "Chưa có", 3: "Lò Văn A", 4: 1970, 8: 4, 9: "Hộ nghèo", 10: 1_200_000}
    b = {**a, 3: "Lò Văn B", 4: 1980}
    said, codes = said_and_codes(tmp_path, [*NM, None, None], {8: a, 9: b})
    assert [(c, cell, v) for c, cell, v, _ in said] == [
        ("missing-household-id", "B8", "placeholder"),
        ("missing-household-id", "B9", "placeholder"),
    ]
    assert codes == ["", "", "NM1", "NM2", "NM3"]


def test_a_no_code_word_on_a_start_households_row_is_told_its_code(tmp_path):
    """Rows 5-6 NM1, NM2, row 7 NM3's own row (Hoàng Văn NM3, 1970) its code written 'Chưa
    có'. By hand: a missing code; the start list holds Nà Mòn's Hoàng Văn NM3, 1970, under
    NM3, a code on no row: the code to write told (session 51's 'start' words, as for a blank
    code), the row left out. Before: a household coded 'Chưa có', counted, nothing said."""
    row = {**person("NM3", "poor"), "ma_ho": "Chưa có"}
    said, codes = said_and_codes(tmp_path, [person("NM1", "poor"), person("NM2", "poor"), row], {})
    assert said == [
        (
            "missing-household-id",
            "B7",
            "start",
            "Thiếu 'Mã hộ'. Danh sách hộ nghèo, hộ cận nghèo đầu năm của xã ghi hộ 'Hoàng Văn "
            "NM3' (năm sinh 1970) của xóm với mã 'NM3': nếu đúng là hộ này, hãy ghi 'NM3' vào ô "
            "này; nếu không, hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã.",
        )
    ]
    assert codes == ["", "NM1", "NM2"]


def test_a_code_holding_a_digit_is_read_as_written(tmp_path):
    """Guard: 'K1' and 'Không1' are codes (a digit): read as written, nothing said of them
    but the class against the standard (1,200,000 đồng is near-poor's), as before."""
    a = {2: "K1", 3: "Lò Văn A", 4: 1970, 8: 4, 9: "Hộ nghèo", 10: 1_200_000}
    b = {**a, 2: "Không1", 3: "Lò Văn B"}
    said, codes = said_and_codes(tmp_path, [*NM, None, None], {8: a, 9: b})
    assert [(c, cell) for c, cell, _, _ in said] == [
        ("classification-mismatch", "I8"),
        ("classification-mismatch", "I9"),
    ]
    assert codes == ["K1", "Không1", "NM1", "NM2", "NM3"]


# (4) a word under STT beside a note saying the list is empty.


@pytest.mark.parametrize(
    "cells",
    [
        {1: "Hết", 2: "Trống"},
        {1: "Cộng", 2: "Không có hộ"},
        {1: NFD("Tổng cộng:"), 2: "Không có hộ nghèo"},
        {1: "-", 2: "Chưa có hộ"},
    ],
    ids=["het", "cong", "tong-cong-nfd", "dash"],
)
def test_a_note_beside_an_end_or_total_word_under_stt_is_no_household(tmp_path, cells):
    """Rows 5-7 NM1-NM3, row 8 the word under STT (A), the note under Mã hộ (B), nothing else.
    By hand: the list's end, a count of none or a mark beside 'the list is empty': no
    household, nothing said, NM1-NM3 read. Before: a household coded with the note, three
    errors at C8, H8, I8."""
    assert said_and_codes(tmp_path, [*NM, None], {8: cells}) == ([], ["NM1", "NM2", "NM3"])
