"""Session 55 (helper F): a row named after a total's words is a total only where its numbers
are a total's.

'Tong Cong Van Thanh' ('Tống Công Văn Thành' typed without marks) on a row without a code, a
birth year or a household's text was passed over as a total whatever its numbers: 4 people
under two households' 8 lost a household, nothing said. 'Tong Van Binh' ('Tống Văn Bình') in
a commune with a hamlet 'Văn Bình' was taken out as that hamlet's total once the plan was
known, whatever its numbers (consolidate.hamlet_totals_taken). Now such a row is a total only
where each of its numbers is its column's sum (or count) over the rows around it
(tables.figures_summed); else a household, read and told at its row. The start list's
validation is given the plan's hamlets as a hamlet's list's is.

The small commune (tests.commune): each household born 1970, 4 people, 1,200,000 đồng a
person a month, class 'Hộ nghèo' or 'Hộ cận nghèo', cause 'Thiếu vốn'. Nà Mòn's list from row
5: B Mã hộ, C name, D Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ, J Thu nhập.
NM1 + NM2 sum to 3,940 (D), 8 (H), 2,400,000 (J)."""

from __future__ import annotations

from tests.commune import person
from tests.test_plan_fixes import edited, load
from tests.test_session52_total_sums import household_row, total_sums_run

TWO_POOR = [person("NM1", "poor"), person("NM2", "poor")]
READ_TWO = [household_row("NM1"), household_row("NM2")]
# (D-G blank: no code, no birth year, no sex, people or ID number)
_BLANK = {2: None, 4: None, 5: None, 6: None, 7: None}


def row7_run(tmp_path, cells: dict, renamed=None):
    """Nà Mòn's NM1, NM2 (rows 5, 6) and row 7 written ``cells`` (column number -> value)."""
    return total_sums_run(tmp_path, [*TWO_POOR, None], {7: cells}, renamed=renamed)


def start_row9(folder, cells: dict) -> tuple[list[tuple[str, str]], int]:
    """The plan's start list with a row inserted at row 9 written ``cells`` (column number ->
    value): the start list's issues as (code, cell), the plan's own ('plan-…') left out, and
    how many households it holds."""

    def edit(book):
        sheet = book["Danh sách đầu năm"]
        sheet.insert_rows(9)
        for col, value in cells.items():
            sheet.cell(9, col).value = value

    folder.mkdir()
    plan, issues = load(edited(folder, edit=edit))
    said = [(i.code, i.cell) for i in issues if not i.code.startswith("plan-")]
    return said, len(plan.start_list)


def test_a_name_after_tong_cong_beside_numbers_no_rows_sum_is_a_household(tmp_path):
    """Row 7 'Tong Cong Van Thanh' beside 4 under H (NM1 + NM2: 8; NM2 alone 4 is no sum of
    the two, nor of the rows since a total: both), numbered '3' or not, with 1,200,000 under J
    (not 2,400,000). Was: passed over as a total, nothing said, the household lost. Now a
    household without a code: told missing-household-id at B7 and its class missing at I7,
    not counted; poor 2 (NM1, NM2). A figure that is no sum among sums (3,940 and 9, not 8)
    makes it a household too: 3,940 no birth year, told at D7."""
    told = [("missing-household-id", "B7"), ("invalid-classification", "I7")]
    named = [*READ_TWO, ("", "Tong Cong Van Thanh", False)]
    for n, cells in enumerate(
        (
            {1: 3, 3: "Tong Cong Van Thanh", 8: 4},
            {3: "Tong Cong Van Thanh", 8: 4},
            {3: "Tong Cong Van Thanh", 8: 4, 10: 1_200_000},
        )
    ):
        assert row7_run(tmp_path / str(n), cells) == (told, named, (2, 0)), cells
    issues, read, counts = row7_run(
        tmp_path / "stale", {1: 3, 3: "Tong Cong Van Thanh", 4: 3940, 8: 9}
    )
    assert issues == [
        ("missing-household-id", "B7"),
        ("invalid-birth-year", "D7"),
        ("invalid-classification", "I7"),
    ]
    assert (read, counts) == (named, (2, 0))


def test_total_rows_with_sums_stay_totals(tmp_path):
    """Guards, each passed over unsaid, NM1 and NM2 read, poor 2: 'Tong Cong Van Thanh' beside
    the sums alone (3,940 and 8; 8 and 2,400,000; or nothing at all), and the totals written as
    totals: 'Tổng cộng', 'Tong cong', 'TONG CONG:' beside 3,940 and 8. 'Tổng cộng' beside a
    stale 9 (a total's words: passed over) is said since session 62 (its people set beside the
    rows', a total without a count asked as one with it)."""
    for n, cells in enumerate(
        (
            {1: 3, 3: "Tong Cong Van Thanh", 4: 3940, 8: 8},
            {3: "Tong Cong Van Thanh", 8: 8, 10: 2_400_000},
            {3: "Tong Cong Van Thanh"},
            {3: "Tổng cộng", 4: 3940, 8: 8},
            {3: "Tong cong", 4: 3940, 8: 8},
            {3: "TONG CONG:", 4: 3940, 8: 8},
        )
    ):
        assert row7_run(tmp_path / str(n), cells) == ([], READ_TWO, (2, 0)), cells
    stale = row7_run(tmp_path / "stale", {3: "Tổng cộng", 4: 3940, 8: 9})
    assert stale == ([("subtotal-differs", "H7")], READ_TWO, (2, 0))


def test_a_head_whose_name_reads_as_a_plan_hamlets_total_is_read_unless_its_numbers_sum(
    tmp_path,
):
    """The plan's Đồng Kè renamed 'Văn Bình' (it sends no list). Row 7 '3 | | Tong Van Binh |
    (D-G blank) | 4 | Hộ nghèo | 1,200,000 | … | Thiếu vốn' ('Tống Văn Bình' typed without
    marks, no code, no birth year). Was: 'Tong' then the plan hamlet 'Văn Bình', taken out as
    that hamlet's total, nothing said, the household lost. Now its 4 people and 1,200,000 sum
    no rows: a household without a code, told at B7 as it is in a commune without a hamlet
    'Văn Bình' (the second run), not counted, poor 2. With its class blank too: told at B7 and
    I7. Guards: 'Tong Van Binh' beside the sums (3,940, 8) is Văn Bình's total, passed over
    unsaid; so is 'Cong Na Mon' beside nothing (as before), and, on a list of two sections,
    'Cong Ban Co' beside 4 and 1,200,000 under NM3 alone, the rows since 'Cong Na Mon' (3,940,
    8) over NM1 and NM2: both passed over, poor 3."""
    renamed = {"Đồng Kè": "Văn Bình"}
    named = [*READ_TWO, ("", "Tong Van Binh", False)]
    household = {"keep": True, 1: 3, 3: "Tong Van Binh", **_BLANK}
    for n, plan in enumerate((renamed, None)):
        got = row7_run(tmp_path / f"class{n}", household, renamed=plan)
        assert got == ([("missing-household-id", "B7")], named, (2, 0)), plan
    assert row7_run(tmp_path / "bare", {1: 3, 3: "Tong Van Binh", 8: 4}, renamed=renamed) == (
        [("missing-household-id", "B7"), ("invalid-classification", "I7")],
        named,
        (2, 0),
    )
    summed = {1: 3, 3: "Tong Van Binh", 4: 3940, 8: 8}
    assert row7_run(tmp_path / "sums", summed, renamed=renamed) == ([], READ_TWO, (2, 0))
    assert row7_run(tmp_path / "alone", {1: 3, 3: "Cong Na Mon"}) == ([], READ_TWO, (2, 0))
    sections = total_sums_run(
        tmp_path / "sections",
        [*TWO_POOR, None, person("NM3", "poor"), None],
        {7: {3: "Cong Na Mon", 4: 3940, 8: 8}, 9: {3: "Cong Ban Co", 8: 4, 10: 1_200_000}},
    )
    assert sections == ([], [*READ_TWO, household_row("NM3")], (3, 0))


def test_the_start_list_reads_a_head_named_after_tong_cong_as_a_hamlets_list_does(tmp_path):
    """The plan's start list with NM5's head (D8) 'Tong Cong Van Thanh', its code and details
    written. Was: validated without the plan's hamlets, told head-name-is-total at D8 (an
    error) and left off the start list: 9 households. Now no plan hamlet is named so: NM5
    kept, nothing said, 10 households (as NM5 so named on Nà Mòn's list counts since session
    54). 'Tong Cong Na Mon' there (Nà Mòn's name after the total's words) is still told at D8
    and left off: 9."""

    def start(folder, name):
        folder.mkdir()
        plan, issues = load(edited(folder, start={"D8": name}))
        said = [(i.code, i.cell) for i in issues if not i.code.startswith("plan-")]
        return said, dict(zip(plan.start_list["ma_ho"], plan.start_list["chu_ho"], strict=True))

    said, heads = start(tmp_path / "name", "Tong Cong Van Thanh")
    assert said == []
    assert (len(heads), heads["NM5"]) == (10, "Tong Cong Van Thanh")
    said, heads = start(tmp_path / "hamlet", "Tong Cong Na Mon")
    assert said == [("head-name-is-total", "D8")]
    assert (len(heads), "NM5" in heads) == (9, False)


def test_the_start_list_passes_over_a_total_written_after_its_hamlet(tmp_path):
    """A row inserted at 9 under Nà Mòn's NM1-NM5 (born 1970, 4 people each: 9,850 and 20),
    its 'Xóm' written: 'Nà Mòn | | Tổng cộng | 9,850 | … | 20' (no STT). Was: read as a
    household, told missing-household-id at C9, invalid-birth-year at E9 (9,850), its class
    at J9 and head-name-is-total at D9: four errors on the officer's total row. Now passed
    over unsaid as it is with 'Xóm' blank, 10 households; so is 'Tổng cộng xóm Nà Mòn:'.
    Guards: 'Nà Mòn | | Tong Cong Van Thanh | | … | 4 | Hộ nghèo' is a household without a
    code (told at C9); 'Nà Mòn | NM9 | Tổng cộng | 1975 | … | 4 | Hộ nghèo' a household whose
    name is a total's (told at D9, not counted)."""

    for n, name in enumerate(("Tổng cộng", "Tổng cộng xóm Nà Mòn:")):
        assert start_row9(tmp_path / str(n), {2: "Nà Mòn", 4: name, 5: 9850, 9: 20}) == ([], 10)
    named = {2: "Nà Mòn", 4: "Tong Cong Van Thanh", 9: 4, 10: "Hộ nghèo"}
    assert start_row9(tmp_path / "named", named) == ([("missing-household-id", "C9")], 10)
    coded = {2: "Nà Mòn", 3: "NM9", 4: "Tổng cộng", 5: 1975, 9: 4, 10: "Hộ nghèo"}
    assert start_row9(tmp_path / "coded", coded) == ([("head-name-is-total", "D9")], 10)


def test_the_start_list_passes_over_a_hamlets_total_after_cong_as_a_hamlets_list_does(tmp_path):
    """Rows inserted in the start list: 'Nà Mòn | | Cong Na Mon | 9,850 | … | 20' under NM1-NM5
    (row 9), and 'Bản Cọ | | Cong Ban Co | 5,910 | … | 12' under BC1-BC3 (row 13: the rows
    since Nà Mòn's total). Was: each read as a household, told missing-household-id,
    invalid-birth-year and its class missing (C, E, J). Now taken out unsaid as on a hamlet's
    list (tables.hamlet_totals): 10 households. 'Cong Na Mon' with 'Xóm' blank likewise (was:
    start-list-hamlet-blank at B9). Guard: 'Nà Mòn | | Cong Na Mon | | … | 4 | Hộ nghèo' (a
    household's 4 people, no sum) is a household without a code, told at C9."""

    def start(folder, *rows):
        def edit(book):
            sheet = book["Danh sách đầu năm"]
            for at, cells in rows:
                sheet.insert_rows(at)
                for col, value in cells.items():
                    sheet.cell(at, col).value = value

        folder.mkdir()
        plan, issues = load(edited(folder, edit=edit))
        said = [(i.code, i.cell) for i in issues if not i.code.startswith("plan-")]
        return said, len(plan.start_list)

    na_mon = {2: "Nà Mòn", 4: "Cong Na Mon", 5: 9850, 9: 20}
    ban_co = {2: "Bản Cọ", 4: "Cong Ban Co", 5: 5910, 9: 12}
    assert start(tmp_path / "both", (9, na_mon), (13, ban_co)) == ([], 10)
    assert start(tmp_path / "blank", (9, {**na_mon, 2: None})) == ([], 10)
    household = {2: "Nà Mòn", 4: "Cong Na Mon", 9: 4, 10: "Hộ nghèo"}
    assert start(tmp_path / "household", (9, household)) == (
        [("missing-household-id", "C9")],
        10,
    )
