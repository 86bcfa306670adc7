"""A total row's =SUM of one household's birth year is no birth year (session 52, helper F).

"Session 51: a total row's word as a household's name" reads a row whose name cell is a total's
word as a household when it holds a birth year (a whole number 1900-2100, a date) or an ID
number: a sum of two or more years (3,940) is none. But a total or subtotal row over ONE
household, its =SUM copied across the row, holds that household's year (1970), its birth date,
its ID number typed as a number: it was read as a household named 'Cộng I', not counted, and
its head told errors at a real total row. Now a value that is its column's sum over the
household rows above it (since the last total or section row, or all of them) is the total's,
not a detail: the row is passed over unsaid.

The small commune (tests.commune): each household born 1970, 4 members; Nà Mòn's list from
row 5 on.
"""

from __future__ import annotations

from datetime import datetime

import openpyxl

from pipeline.run import collect
from tests.commune import person, write_renamed_plan
from tests.test_typed_by_hand import commune

_DAY_ZERO = datetime(1899, 12, 30)


def total_sums_run(
    tmp_path, rows: list, lines: dict[int, dict[int, object]], formats=None, renamed=None
):
    """Nà Mòn's list of ``rows`` (a household, or None for a row written ``lines[excel_row]``:
    column number -> value; B Mã hộ, C name, D Năm sinh, G Số định danh, H Số nhân khẩu, I
    Phân loại hộ), ``formats`` {(row, column): number format}, ``renamed`` the plan's hamlets
    renamed (old name -> new; Đồng Kè sends no list): Nà Mòn's issues (the start list's
    households it lacks apart), its households read (code, name, counted) and its (poor,
    near-poor)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = commune(tmp_path, [row or person("ZZ9", "poor") for row in rows])
    if renamed:
        write_renamed_plan(tmp_path, renamed)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for excel_row, cells in lines.items():
        for col in range(1, sheet.max_column + 1):
            if not cells.get("keep") or col in cells:
                sheet.cell(excel_row, col).value = None
        for col, value in cells.items():
            if col != "keep":
                sheet.cell(excel_row, col).value = value
    for (excel_row, col), shown in (formats or {}).items():
        sheet.cell(excel_row, col).number_format = shown
    book.save(path)
    result, _ = collect(tmp_path, None)
    issues = [
        (i.code, i.cell)
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.code != "vanished-household"
    ]
    frame = result.households[result.households["hamlet"] == "Nà Mòn"]
    read = list(zip(frame["ma_ho"], frame["chu_ho"], frame["valid"], strict=True))
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return issues, read, (hamlet["poor"], hamlet["near_poor"])


def household_row(code: str) -> tuple:
    return (code, f"Hoàng Văn {code}", True)


def test_a_total_row_over_one_household_is_passed_over(tmp_path):
    """NM1 alone (row 5, born 1970), row 6 'Tổng cộng | 1970 | … | 4 | Hộ nghèo': =SUM(D5:D5)
    is 1970. Before, read as a household 'Tổng cộng' (missing-household-id at B6,
    head-name-is-total at C6). Now passed over: NM1 alone, poor 1."""
    issues, read, counts = total_sums_run(
        tmp_path, [person("NM1", "poor"), None],
        {6: {3: "Tổng cộng", 4: 1970, 8: 4, 9: "Hộ nghèo"}},
    )  # fmt: skip
    assert issues == []
    assert read == [household_row("NM1")]
    assert counts == (1, 0)


def test_subtotals_and_a_grand_total_over_sections(tmp_path):
    """Rows 5-6 NM1, NM2 poor, 7 'Cộng I' (3,940: two years, no year before either), 8 NM4
    near-poor, 9 'Cộng II' (1970: NM4's alone), 10 'Tổng cộng' (5,910). Before, 'Cộng II' was
    read as a household (missing-household-id at B9, invalid-classification at I9). Now all
    three passed over: poor 2, near-poor 1 by hand."""
    issues, read, counts = total_sums_run(
        tmp_path,
        [person("NM1", "poor"), person("NM2", "poor"), None, person("NM4", "near_poor"), None,
         None],
        {7: {3: "Cộng I", 4: 3940, 8: 8}, 9: {3: "Cộng II", 4: 1970, 8: 4},
         10: {3: "Tổng cộng", 4: 5910, 8: 12}},
    )  # fmt: skip
    assert issues == []
    assert read == [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert counts == (2, 1)


def test_a_grand_total_summing_one_household_through_an_empty_section(tmp_path):
    """Row 5 NM1 poor, 6 'Cộng I' (1970), 7 'II. Hộ cận nghèo' (a section, none under it), 8
    'Cộng II' (0), 9 'Tổng cộng' (1970: the sum of all the list's households, not of those
    since 'Cộng II', none). Before, rows 6 and 9 were read as households (five errors). Now
    passed over: poor 1."""
    issues, read, counts = total_sums_run(
        tmp_path, [person("NM1", "poor"), None, None, None, None],
        {6: {3: "Cộng I", 4: 1970, 8: 4}, 7: {1: "II", 3: "Hộ cận nghèo"},
         8: {3: "Cộng II", 4: 0, 8: 0}, 9: {3: "Tổng cộng", 4: 1970, 8: 4}},
    )  # fmt: skip
    assert issues == []
    assert read == [household_row("NM1")]
    assert counts == (1, 0)


def test_summed_birth_dates_and_an_id_number_typed_as_a_number(tmp_path):
    """Birth dates summed: NM1 born 01/03/1960, NM2 01/05/1962 (date cells), row 7's =SUM is
    their serial days added, shown as a date (21,976 + 22,767 = 44,743: 01/07/2022, a date,
    read as a birth date before: a household). And, in another list, NM1's ID number typed as
    the number 19065001234 and row 6 'Tổng cộng' summing it alone. Both passed over now."""
    first, second = datetime(1960, 3, 1), datetime(1962, 5, 1)
    summed = first + (second - _DAY_ZERO)
    assert summed == datetime(2022, 7, 1)  # 21,976 + 22,767 days from 30/12/1899
    dated = {(5, 4): "dd/mm/yyyy", (6, 4): "dd/mm/yyyy", (7, 4): "dd/mm/yyyy"}
    issues, read, counts = total_sums_run(
        tmp_path / "dates", [person("NM1", "poor"), person("NM2", "poor"), None],
        {5: {"keep": True, 4: first}, 6: {"keep": True, 4: second},
         7: {3: "Tổng cộng", 4: summed, 8: 8}},
        dated,
    )  # fmt: skip
    assert issues == []
    assert read == [household_row("NM1"), household_row("NM2")]
    assert counts == (2, 0)
    issues, read, counts = total_sums_run(
        tmp_path / "id", [person("NM1", "poor"), None],
        {5: {"keep": True, 7: 19065001234}, 6: {3: "Tổng cộng", 7: 19065001234, 8: 4}},
        {(5, 7): "0", (6, 7): "0"},
    )  # fmt: skip
    assert issues == []
    assert read == [household_row("NM1")]
    assert counts == (1, 0)


def test_a_total_word_row_holding_what_no_sum_gives_is_still_a_household(tmp_path):
    """Guards, each under NM1 alone (born 1970): row 6 'Tổng cộng | 1971' (no sum of 1970) and
    row 6 'Tổng cộng | 1970 | … | 019070001299' (an ID number as text: SUM passes text over)
    are read as households whose name is wrong, as session 51 decided: said at B6 and C6, not
    counted; poor 1."""
    for name, cells in (
        ("year", {3: "Tổng cộng", 4: 1971, 8: 4, 9: "Hộ nghèo"}),
        ("id", {3: "Tổng cộng", 4: 1970, 7: "019070001299", 8: 4, 9: "Hộ nghèo"}),
    ):
        issues, read, counts = total_sums_run(
            tmp_path / name, [person("NM1", "poor"), None], {6: cells}
        )
        assert sorted(issues) == [("head-name-is-total", "C6"), ("missing-household-id", "B6")]
        assert read == [household_row("NM1"), ("", "Tổng cộng", False)]
        assert counts == (1, 0)


def test_a_numbered_total_with_a_sum_under_the_birth_year_is_a_total(tmp_path):
    """A total numbered on from the households, its STT cell first: '3 | | Tổng cộng | 3,940 |
    … | 8 | Hộ nghèo' under NM1, NM2 (row 7), and '2 | | Cộng | 1970 | … | 4' under NM1 alone
    (row 6). Before, any value under 'Năm sinh' made it a household (four errors at row 7:
    missing-household-id, head-name-is-total, invalid-birth-year, invalid-classification).
    Now passed over, as the same row without its number is. Guard: '2 | | Tổng cộng | 1965'
    under NM1 born 1970 (no sum) is still read, said at B6 and C6 (and its blank class at I6),
    not counted."""
    issues, read, counts = total_sums_run(
        tmp_path / "sum", [person("NM1", "poor"), person("NM2", "poor"), None],
        {7: {1: 3, 3: "Tổng cộng", 4: 3940, 8: 8, 9: "Hộ nghèo"}},
    )  # fmt: skip
    assert (issues, read, counts) == ([], [household_row("NM1"), household_row("NM2")], (2, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "one", [person("NM1", "poor"), None], {6: {1: 2, 3: "Cộng", 4: 1970, 8: 4}}
    )
    assert (issues, read, counts) == ([], [household_row("NM1")], (1, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "guard", [person("NM1", "poor"), None],
        {6: {1: 2, 3: "Tổng cộng", 4: 1965, 8: 4}},
    )  # fmt: skip
    assert sorted(issues) == [
        ("head-name-is-total", "C6"), ("invalid-classification", "I6"),
        ("missing-household-id", "B6"),
    ]  # fmt: skip
    assert read == [household_row("NM1"), ("", "Tổng cộng", False)]
    assert counts == (1, 0)


def test_a_numbered_total_with_the_sum_copied_across_the_row_is_a_total(tmp_path):
    """Session 52 review (helper RF). The =SUM copied across a numbered total's whole row: under
    'Giới tính' and 'Dân tộc', whose cells are text, and 'Số định danh' (text IDs) Excel's SUM
    gives 0. '2 | | Tổng cộng | 1970 | 0 | 0 | 0 | 4 | 0 | 1,200,000' under NM1 alone (row 6)
    and '3 | | Tổng cộng | 3,940 | 0 | 0 | 0 | 8 | 0 | 2,400,000' under NM1, NM2 (row 7): before,
    the 0 under 'Giới tính' made each a household told six or seven errors (missing-household-id,
    head-name-is-total, invalid-gender, unknown-ethnicity, …), though the same row without its
    number was passed over. Now passed over: poor 1, then 2. Guard: 'Nữ' (a head's gender, no
    sum) under 'Giới tính' of '2 | | Tổng cộng | 1970' still makes it a household said at B6
    and C6, not counted."""
    for name, above, cells in (
        ("one", [person("NM1", "poor")], {1: 2, 4: 1970, 8: 4, 10: 1_200_000}),
        ("two", [person("NM1", "poor"), person("NM2", "poor")],
         {1: 3, 4: 3940, 8: 8, 10: 2_400_000}),
    ):  # fmt: skip
        total = {3: "Tổng cộng", 5: 0, 6: 0, 7: 0, 9: 0, **cells}
        issues, read, counts = total_sums_run(
            tmp_path / name, [*above, None], {len(above) + 5: total}
        )
        households = [household_row(row["ma_ho"]) for row in above]
        assert (issues, read, counts) == ([], households, (len(above), 0)), name
    issues, read, counts = total_sums_run(
        tmp_path / "guard", [person("NM1", "poor"), None],
        {6: {1: 2, 3: "Tổng cộng", 4: 1970, 5: "Nữ", 8: 4, 9: "Hộ nghèo"}},
    )  # fmt: skip
    assert sorted(issues) == [("head-name-is-total", "C6"), ("missing-household-id", "B6")]
    assert read == [household_row("NM1"), ("", "Tổng cộng", False)]
    assert counts == (1, 0)


def test_a_total_written_over_its_one_household_is_a_total(tmp_path):
    """Session 52 review of F's work (F2). A total written ABOVE its households (total on top):
    row 5 'Tổng cộng | 1970 | … | 4 | Hộ nghèo' over NM1 alone (row 6, born 1970): =SUM(D6:D6)
    is 1970. Before, only the rows above were summed (none: 0), so the row was a household told
    missing-household-id at B5 and head-name-is-total at C5. Now the households under it are
    summed too: passed over, NM1 alone, poor 1. Guard: 'Tổng cộng | 1971' over NM1 (no sum)
    is still read and said at B5, C5, not counted."""
    issues, read, counts = total_sums_run(
        tmp_path / "sum", [None, person("NM1", "poor")],
        {5: {3: "Tổng cộng", 4: 1970, 8: 4, 9: "Hộ nghèo"}},
    )  # fmt: skip
    assert (issues, read, counts) == ([], [household_row("NM1")], (1, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "guard", [None, person("NM1", "poor")],
        {5: {3: "Tổng cộng", 4: 1971, 8: 4, 9: "Hộ nghèo"}},
    )  # fmt: skip
    assert sorted(issues) == [("head-name-is-total", "C5"), ("missing-household-id", "B5")]
    assert read == [("", "Tổng cộng", False), household_row("NM1")]
    assert counts == (1, 0)


def test_a_total_holding_its_sum_as_text_is_a_total(tmp_path):
    """Session 52 review of F's work (F2). Row 6 'Tổng cộng | '1970' | … | 4' under NM1 alone
    (born 1970), its sum in a cell formatted as Text (or typed by hand): the text '1970' read
    as a birth year made it a household told missing-household-id at B6, head-name-is-total at
    C6 and invalid-classification at I6. Now the digits are read as the sum they are: passed
    over, poor 1. Guard: the text '1971' (no sum of 1970) is still a household said at B6, C6,
    not counted."""
    issues, read, counts = total_sums_run(
        tmp_path / "sum", [person("NM1", "poor"), None], {6: {3: "Tổng cộng", 4: "1970", 8: 4}}
    )
    assert (issues, read, counts) == ([], [household_row("NM1")], (1, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "guard", [person("NM1", "poor"), None],
        {6: {3: "Tổng cộng", 4: "1971", 8: 4, 9: "Hộ nghèo"}},
    )  # fmt: skip
    assert sorted(issues) == [("head-name-is-total", "C6"), ("missing-household-id", "B6")]
    assert read == [household_row("NM1"), ("", "Tổng cộng", False)]
    assert counts == (1, 0)


def test_a_numbered_total_counting_the_women_heads_is_a_total(tmp_path):
    """Session 52 review of F's work (F2). '3 | | Tổng cộng | 3,940 | 1 | … | 8' under NM1 (Nam)
    and NM2 (Nữ), row 7: the 1 under 'Giới tính' is =COUNTIF(E5:E6;"Nữ"), one woman head.
    Before, no sum gives 1, so the row was a household told five errors (missing-household-id,
    head-name-is-total, invalid-birth-year, invalid-gender, invalid-classification). Now a
    count of one of the column's texts is the total's: passed over, poor 2. Guard: 3 there
    (two households: no count gives 3) is still a household said at B7, C7, D7 (3,940 is no
    year) and E7, not counted."""
    above = [person("NM1", "poor"), person("NM2", "poor", gioi_tinh="Nữ"), None]
    issues, read, counts = total_sums_run(
        tmp_path / "count", above, {7: {1: 3, 3: "Tổng cộng", 4: 3940, 5: 1, 8: 8}}
    )
    assert (issues, read, counts) == ([], [household_row("NM1"), household_row("NM2")], (2, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "guard", above,
        {7: {1: 3, 3: "Tổng cộng", 4: 3940, 5: 3, 8: 8, 9: "Hộ nghèo"}},
    )  # fmt: skip
    assert sorted(issues) == [
        ("head-name-is-total", "C7"), ("invalid-birth-year", "D7"), ("invalid-gender", "E7"),
        ("missing-household-id", "B7"),
    ]  # fmt: skip
    assert read == [household_row("NM1"), household_row("NM2"), ("", "Tổng cộng", False)]
    assert counts == (2, 0)


def test_a_total_with_its_count_of_households_under_the_code_is_a_total(tmp_path):
    """Session 52 review of F's work (F2). The total's count of households written in 'Mã hộ':
    '3 | 2 hộ | Tổng cộng | 3,940 | … | 8' (numbered) and '| 2 hộ | Tổng cộng | 3,940 | … | 8'
    under NM1, NM2 (row 7). Before, the sum under 'Năm sinh' (a person column) kept the note
    rule from passing the row over, and it was a household told household-id-is-count at B7,
    head-name-is-total at C7, invalid-birth-year at D7 and invalid-classification at I7. Now a
    sum there is the total's: passed over, poor 2. Guard: '1 hộ | Tổng cộng | 1965 | … | 4 |
    Hộ nghèo' under NM1 born 1970 (no sum) is still a household said at B6 and C6, not
    counted."""
    above = [person("NM1", "poor"), person("NM2", "poor"), None]
    for name, cells in (("numbered", {1: 3}), ("unnumbered", {})):
        total = {**cells, 2: "2 hộ", 3: "Tổng cộng", 4: 3940, 8: 8}
        issues, read, counts = total_sums_run(tmp_path / name, above, {7: total})
        assert (issues, read, counts) == ([], [household_row("NM1"), household_row("NM2")], (2, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "guard", [person("NM1", "poor"), None],
        {6: {2: "1 hộ", 3: "Tổng cộng", 4: 1965, 8: 4, 9: "Hộ nghèo"}},
    )  # fmt: skip
    assert sorted(issues) == [("head-name-is-total", "C6"), ("household-id-is-count", "B6")]
    assert read == [household_row("NM1"), ("1 hộ", "Tổng cộng", False)]
    assert counts == (1, 0)
