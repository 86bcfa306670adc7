"""Total rows session 52 left read as households (session 53, helper H).

Two leftovers of "Session 52: a total row's =SUM over one household holds its year":

* a total whose sum under 'Số định danh' is TEXT (the IDs typed as numbers, the leading 0 lost,
  the total's cell formatted as Text or its sum pasted as a value there) was still a household
  with an ID number, told two to four errors at a real total row;
* a subtotal written ON TOP of each section with the section's label under it ('Cộng II' over
  'II | HỘ CẬN NGHÈO' over its households) summed the previous section's households (those
  since the last total) and, the label closing the rows below, none under it: a section of one
  household's subtotal holding its year was a household told errors.

The small commune (tests.commune); Nà Mòn's list from row 5 on, B Mã hộ, C the head's name, D
Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ (tests.test_session52_total_sums._run).
The total words are written decomposed (NFD), as a phone's keyboard or a copied web page gives
them, and some numbers as text.
"""

from __future__ import annotations

import unicodedata

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_a_total_holding_the_sum_of_numeric_ids_as_text_is_a_total(tmp_path):
    """NM1 (born 1958, ID typed as the number 19058001234) and NM2 (1962, 19062004321), row 7
    'Tổng cộng' (NFD) | 3,920 | … | '38120005555' (text: 19,058,001,234 + 19,062,004,321 =
    38,120,005,555 by hand) | 8 | Hộ nghèo. And NM1 alone under row 6 'Cộng' | 1958 | … |
    '019058001234' (the 0 the number lost written back, the digits NM1's number's). Before,
    each total row was a household (missing-household-id, head-name-is-total, …). Now passed
    over: poor 2, then poor 1, nothing said."""
    assert 19_058_001_234 + 19_062_004_321 == 38_120_005_555
    ids = {(5, 7): "0", (6, 7): "0"}
    issues, read, counts = total_sums_run(
        tmp_path / "two",
        [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962), None],
        {5: {"keep": True, 7: 19058001234}, 6: {"keep": True, 7: 19062004321},
         7: {3: _nfd("Tổng cộng"), 4: 3920, 7: "38120005555", 8: 8, 9: "Hộ nghèo"}},
        ids,
    )  # fmt: skip
    assert (issues, read, counts) == ([], [household_row("NM1"), household_row("NM2")], (2, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "one", [person("NM1", "poor", nam_sinh=1958), None],
        {5: {"keep": True, 7: 19058001234}, 6: {3: _nfd("Cộng"), 4: 1958, 7: "019058001234",
                                                8: 4}},
        ids,
    )  # fmt: skip
    assert (issues, read, counts) == ([], [household_row("NM1")], (1, 0))


def test_a_total_word_row_holding_an_id_as_text_no_sum_gives_is_a_household(tmp_path):
    """Guards. Under NM1 (ID typed as the number 19058001234): row 6 'Tổng cộng | 1958 | … |
    '019058001235'' (one digit off: no sum) is a household whose name is wrong, said at B6 and
    C6 as session 51 decided. Under NM1 with its ID as text (the template's: SUM gives 0 over
    it), NM1's own ID as text on the row is no sum either: said so too. Neither counted."""
    for name, lines in (
        ("off", {5: {"keep": True, 7: 19058001234},
                 6: {3: "Tổng cộng", 4: 1958, 7: "019058001235", 8: 4, 9: "Hộ nghèo"}}),
        ("text", {6: {3: "Tổng cộng", 4: 1958, 7: person("NM1", "poor")["so_dinh_danh"],
                      8: 4, 9: "Hộ nghèo"}}),
    ):  # fmt: skip
        issues, read, counts = total_sums_run(
            tmp_path / name, [person("NM1", "poor", nam_sinh=1958), None], lines, {(5, 7): "0"}
        )
        said = sorted(i for i in issues if i[0] != "duplicate-id-number")
        assert said == [("head-name-is-total", "C6"), ("missing-household-id", "B6")], name
        assert read == [household_row("NM1"), ("", "Tổng cộng", False)], name
        assert counts == (1, 0), name


def test_a_subtotal_on_top_of_each_section_under_its_label_is_a_total(tmp_path):
    """Two sections, each under its subtotal written on top with the section's label under it:
    row 5 'Cộng I' (NFD) | 3,920 (1958 + 1962) | … | 8, 6 'I | Hộ nghèo', 7-8 NM1 (born 1958)
    and NM2 (1962) poor, 9 'Cộng II' (NFD) | '1975' (its =SUM over NM4 alone, as text) | … | 4
    | Hộ cận nghèo, 10 'II | HỘ CẬN NGHÈO' (NFD), 11 NM4 (1975) near-poor. Before, row 9 summed
    the rows since 'Cộng I' (NM1, NM2: 3,920) and, the label under it closing the rows below,
    none of NM4's: a household told missing-household-id at B9. Now the rows under the label
    are summed: passed over, poor 2, near-poor 1 by hand, nothing said."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [None, None, person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
         None, None, person("NM4", "near_poor", nam_sinh=1975)],
        {5: {3: _nfd("Cộng I"), 4: 3920, 8: 8}, 6: {1: "I", 3: "Hộ nghèo"},
         9: {3: _nfd("Cộng II"), 4: "1975", 8: 4, 9: "Hộ cận nghèo"},
         10: {1: "II", 3: _nfd("HỘ CẬN NGHÈO")}},
    )  # fmt: skip
    households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert (issues, read, counts) == ([], households, (2, 1))


def test_the_first_sections_subtotal_on_top_under_its_label_is_a_total(tmp_path):
    """Row 5 'Cộng hộ nghèo' (NFD) | 1958 | … | 4 (=SUM over NM1 alone), 6 'I. HỘ NGHÈO', 7 NM1
    (1958) poor, 8 'Cộng II' | 3,937 (1962 + 1975) | … | 8, 9 'II | Hộ cận nghèo', 10-11 NM2
    (1962) and NM4 (1975) near-poor. Before, row 5, no household above it, summed the coded
    rows under it down to the first row without a code, the label: none; or all to the end
    (1958 + 1962 + 1975 = 5,895): a household told missing-household-id at B5. Now passed over:
    poor 1, near-poor 2."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [None, None, person("NM1", "poor", nam_sinh=1958), None, None,
         person("NM2", "near_poor", nam_sinh=1962), person("NM4", "near_poor", nam_sinh=1975)],
        {5: {3: _nfd("Cộng hộ nghèo"), 4: 1958, 8: 4}, 6: {1: _nfd("I. HỘ NGHÈO")},
         8: {3: "Cộng II", 4: 3937, 8: 8}, 9: {1: "II", 3: "Hộ cận nghèo"}},
    )  # fmt: skip
    households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert (issues, read, counts) == ([], households, (1, 2))


def test_a_subtotal_on_top_holding_no_sum_of_its_section_is_a_household(tmp_path):
    """Guard: as the first test but row 9 'Cộng II | 1976' over NM4 born 1975 (no sum of the
    rows since 'Cộng I', 3,920, nor of those under its label, 1,975) is still a household
    whose name is wrong, said at B9, not counted; the households as they are: poor 2, near-poor
    1. And row 5 'Cộng I | 1962' over NM1 (1958) and NM2 (1962) (only NM2's year: no sum of
    the section) is one too, said at B5."""
    rows = [None, None, person("NM1", "poor", nam_sinh=1958),
            person("NM2", "poor", nam_sinh=1962), None, None,
            person("NM4", "near_poor", nam_sinh=1975)]  # fmt: skip
    for name, five, nine in (("nine", 3920, 1976), ("five", 1962, 1975)):
        issues, read, counts = total_sums_run(
            tmp_path / name, rows,
            {5: {3: "Cộng I", 4: five, 8: 8}, 6: {1: "I", 3: "Hộ nghèo"},
             9: {3: "Cộng II", 4: nine, 8: 4, 9: "Hộ cận nghèo"},
             10: {1: "II", 3: "Hộ cận nghèo"}},
        )  # fmt: skip
        at = 9 if name == "nine" else 5
        assert ("missing-household-id", f"B{at}") in issues, name
        assert {cell[1:] for _, cell in issues} == {str(at)}, name
        households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
        label = "Cộng II" if name == "nine" else "Cộng I"
        total = ("", label, False)
        expected = [*households[:2], total, households[2]] if at == 9 else [total, *households]
        assert read == expected, name
        assert counts == (2, 1), name


def test_a_sections_label_carrying_its_subtotal_is_a_section_and_a_total(tmp_path):
    """Each section's label row carries its subtotal: row 5 'I | | Hộ nghèo | 3,920 | … | 8'
    over NM1 (1958) and NM2 (1962) poor, row 8 'II | | Hộ cận nghèo' (NFD) | 1975 | … | 4 |
    … | 1,200,000 over NM4 (1975) near-poor. Before, both were households named 'Hộ nghèo'
    and 'Hộ cận nghèo', told missing-household-id at B5 and B8, invalid-birth-year at D5 (3,920)
    and invalid-classification at I5 and I8. Now each a section and its total: poor 2,
    near-poor 1 by hand, nothing said."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [None, person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
         None, person("NM4", "near_poor", nam_sinh=1975)],
        {5: {1: "I", 3: "Hộ nghèo", 4: 3920, 8: 8},
         8: {1: "II", 3: _nfd("Hộ cận nghèo"), 4: 1975, 8: 4, 10: 1_200_000}},
    )  # fmt: skip
    households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert (issues, read, counts) == ([], households, (2, 1))


def test_a_section_label_row_holding_a_households_details_is_a_household(tmp_path):
    """Guards: row 8 'II | | Hộ cận nghèo | 1976' over NM4 born 1975 (no sum: 1,976 is neither
    NM1 + NM2's 3,920 nor NM4's 1,975), and 'II | | Hộ cận nghèo | 1975 | Nữ' (a head's gender,
    no total's figure) are households as before, said at B8, not counted: poor 2, near-poor
    1."""
    rows = [None, person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            None, person("NM4", "near_poor", nam_sinh=1975)]  # fmt: skip
    for name, cells in (("year", {4: 1976}), ("gender", {4: 1975, 5: "Nữ"})):
        issues, read, counts = total_sums_run(
            tmp_path / name, rows,
            {5: {1: "I", 3: "Hộ nghèo", 4: 3920, 8: 8},
             8: {1: "II", 3: "Hộ cận nghèo", 8: 4, **cells}},
        )  # fmt: skip
        assert ("missing-household-id", "B8") in issues, name
        assert {cell[1:] for _, cell in issues} == {"8"}, name
        households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
        assert read == [*households[:2], ("", "Hộ cận nghèo", False), households[2]], name
        assert counts == (2, 1), name


def test_subtotals_on_top_written_under_the_code_column_are_totals(tmp_path):
    """Session 54 (the mess fuzz, seed 2818): as the test above, each subtotal's word under
    'Mã hộ' (column B) instead of the name: row 5 'Cộng' | 1958 | … | 4 (over NM1 alone), 6
    'I. HỘ NGHÈO', 7 NM1 (1958) poor, 8 'Cộng' | 3,937 (1962 + 1975) | … | 8, 9 'II. HỘ CẬN
    NGHÈO', 10-11 NM2 (1962) and NM4 (1975) near-poor. Before, the rows under row 5 ran on
    past row 8, whose 'Cộng' in the code column was taken for a code (1958 + 3,937 = 5,895):
    row 5 a household said at its cells. Now a total's word under 'Mã hộ' holds no code: the
    rows under row 5 end at row 8, passed over, poor 1, near-poor 2, nothing said."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [None, None, person("NM1", "poor", nam_sinh=1958), None, None,
         person("NM2", "near_poor", nam_sinh=1962), person("NM4", "near_poor", nam_sinh=1975)],
        {5: {2: "Cộng", 4: 1958, 8: 4}, 6: {1: "I. HỘ NGHÈO"},
         8: {2: _nfd("Cộng"), 4: 3937, 8: 8}, 9: {1: "II. HỘ CẬN NGHÈO"}},
    )  # fmt: skip
    households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert (issues, read, counts) == ([], households, (1, 2))
