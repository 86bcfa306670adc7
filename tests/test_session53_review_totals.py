"""Households session 53's wider total rows must never take for one (session 53 review, R2).

"Session 53: a total row's sum as text under 'Số định danh', …" made a numbered section's
label carrying its subtotal ('I | | Hộ nghèo | 3,920 | … | 8') a section and its total. Its
label was any two words after a Roman numeral or a letter, as a heading alone may be ('A.
DANH SÁCH HỘ MỚI'): a head numbering his households I, II, III (or a, b, c) who left a new
household's code blank and its person columns empty (or its year the one household's above
it) lost that household from the list, nothing said, where it was read and its missing code
told at its row before.

The small commune (tests.commune); Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's
name, D Năm sinh, E Giới tính, F Dân tộc, G Số định danh, H Số nhân khẩu, I Phân loại hộ
(tests.test_session52_total_sums._run). Names written decomposed (NFD), a year as text.
"""

from __future__ import annotations

import unicodedata

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

_PERSON_BLANK = {4: None, 5: None, 6: None, 7: None}  # D-G: no year, gender, people, ID


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_a_household_numbered_in_roman_numerals_or_letters_without_its_code_is_told(tmp_path):
    """Rows 5-6 NM1 and NM2 poor numbered 'I' and 'II', row 7 'III' (then 'c') | (no code) |
    'Lò Thị Hoa' (NFD) | (D-G blank) | 4 | Hộ nghèo: a new household whose code the head left
    out. Before, a section's label carrying its subtotal (every person value a total's,
    vacuously): gone, nothing said. Now read, its missing code told at B7 and not counted:
    poor 2 (NM1, NM2) by hand."""
    for numeral in ("III", "c"):
        issues, read, counts = total_sums_run(
            tmp_path / numeral,
            [person("NM1", "poor"), person("NM2", "poor"), None],
            {5: {"keep": True, 1: "I"}, 6: {"keep": True, 1: "II"},
             7: {"keep": True, 1: numeral, 2: None, 3: _nfd("Lò Thị Hoa"), **_PERSON_BLANK}},
        )  # fmt: skip
        assert issues == [("missing-household-id", "B7")], numeral
        assert read == [household_row("NM1"), household_row("NM2"), ("", "Lò Thị Hoa", False)], (
            numeral
        )
        assert counts == (2, 0), numeral


def test_a_household_numbered_ii_born_the_year_of_the_one_above_is_told(tmp_path):
    """Row 5 'I' NM1 poor born 1975, row 6 'II' | (no code) | 'Lò Văn Páo' (NFD) | '1975' (as
    text) | (E-G blank) | 4 | Hộ nghèo, row 7 'III' NM2 poor born 1962. Before, row 6's year
    was the sum of the rows since the list's start (NM1 alone, 1,975): a section and its
    total, gone, nothing said. Now read, told at B6, not counted: poor 2."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [person("NM1", "poor", nam_sinh=1975), None, person("NM2", "poor", nam_sinh=1962)],
        {5: {"keep": True, 1: "I"},
         6: {"keep": True, 1: "II", 2: None, 3: _nfd("Lò Văn Páo"), **_PERSON_BLANK, 4: "1975"},
         7: {"keep": True, 1: "III"}},
    )  # fmt: skip
    assert issues == [("missing-household-id", "B6")]
    assert read == [household_row("NM1"), ("", "Lò Văn Páo", False), household_row("NM2")]
    assert counts == (2, 0)


def test_a_lettered_sections_label_carrying_its_subtotal_is_still_a_total(tmp_path):
    """Guard: row 5 'A | | Danh sách hộ mới' (NFD, a section's words after a letter) | 3,937
    (1962 + 1975) | … | 8 over NM1 (1962) and NM2 (1975) poor: a section and its total, passed
    over unsaid as before the review: poor 2."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [None, person("NM1", "poor", nam_sinh=1962), person("NM2", "poor", nam_sinh=1975)],
        {5: {1: "A", 3: _nfd("Danh sách hộ mới"), 4: 3937, 8: 8}},
    )  # fmt: skip
    assert (issues, read, counts) == ([], [household_row("NM1"), household_row("NM2")], (2, 0))


def test_a_head_named_tong_cong_without_a_code_is_told_not_summed_as_a_total(tmp_path):
    """Rows 5-6 NM1 (1960) and NM2 (1962) poor, row 7 '3 | | Tống Công Thành' (NFD) | 1975 |
    (E-G blank) | 4 | Hộ nghèo, row 8 'II | Hộ cận nghèo', row 9 NM4 (1975) near-poor. The
    name folds to 'tong cong thanh', as 'Tổng cộng …' does. Before, row 7's year was the sum
    of the rows under it (NM4 alone, 1,975; session 53 offers them to every total): a total,
    gone, nothing said (told at B7 before session 53). Now a head's name, its first word
    written 'Tống', no total's: read, told at B7, not counted: poor 2, near-poor 1."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [person("NM1", "poor", nam_sinh=1960), person("NM2", "poor", nam_sinh=1962), None,
         None, person("NM4", "near_poor", nam_sinh=1975)],
        {7: {"keep": True, 1: 3, 2: None, 3: _nfd("Tống Công Thành"), **_PERSON_BLANK, 4: 1975},
         8: {1: "II", 3: "Hộ cận nghèo"}},
    )  # fmt: skip
    assert issues == [("missing-household-id", "B7")]
    households = [household_row("NM1"), household_row("NM2"), ("", "Tống Công Thành", False)]
    assert read == [*households, household_row("NM4")]
    assert counts == (2, 1)


def test_a_head_named_tong_ho_without_a_code_or_details_is_told(tmp_path):
    """Row 7 under NM1 and NM2 poor: '3 | | TỐNG HỒ NAM | (D-G blank) | 4 | Hộ nghèo', then
    '| | Tống Hồ Nam (NFD) | …' without its number: 'tong ho nam', as 'Tổng hộ …', and no
    person value to keep it a household (session 51's rule). Before, passed over as a total,
    nothing said. Now told at B7, not counted: poor 2."""
    for name, numbered in (("TỐNG HỒ NAM", 3), (_nfd("Tống Hồ Nam"), None)):
        issues, read, counts = total_sums_run(
            tmp_path / str(numbered),
            [person("NM1", "poor"), person("NM2", "poor"), None],
            {7: {"keep": True, 1: numbered, 2: None, 3: name, **_PERSON_BLANK}},
        )  # fmt: skip
        assert issues == [("missing-household-id", "B7")], name
        shown = unicodedata.normalize("NFC", name)
        assert read == [household_row("NM1"), household_row("NM2"), ("", shown, False)], name
        assert counts == (2, 0), name


def test_a_total_written_without_marks_or_in_capitals_is_still_a_total(tmp_path):
    """Guards: under NM1 and NM2 (born 1970 each), row 7 '3 | | TONG CONG | 3,940 | … | 8'
    (no marks: a keyboard without Vietnamese) and 'TỔNG CỘNG:' (capitals, a colon), each the
    rows' sum: passed over unsaid, poor 2."""
    for name in ("TONG CONG", _nfd("TỔNG CỘNG:")):
        issues, read, counts = total_sums_run(
            tmp_path / str(len(name)),
            [person("NM1", "poor"), person("NM2", "poor"), None],
            {7: {1: 3, 3: name, 4: 3940, 8: 8}},
        )  # fmt: skip
        assert (issues, read, counts) == ([], [household_row("NM1"), household_row("NM2")], (2, 0))
