"""Session 57 (helper F): a group's subtotal ('Cộng tổ 1') left stale, and the subtotal's
words session 56 did not read.

Session 56 passed over 'Cộng tổ 1' only where its numbers are its rows' sums. A subtotal typed
by hand and left as it was when a household was deleted was read as a household: told
missing-household-id, its sum no birth year, its class missing. Now a row so labelled that
holds no household's shape (no Mã hộ, no birth year or ID, no household's text: numbers only)
is passed over, and told once (subtotal-differs) at its first figure that is no sum, with the
figure written and the rows' sum. 'Cộng tổ 1 xóm Nà Mòn', 'Cộng tổ dân phố 1' and 'Cộng tổ'
without a number are subtotals too ('Cộng tổ dân phố 1' the hamlet's total where the plan
names 'Tổ dân phố 1').

The small commune (tests.commune; the list's merged title rows 1-3, header row 4): each
household born 1970, 4 people, class 'Hộ nghèo'. Nà Mòn's list from row 5: A STT, B Mã hộ, C
name, D Năm sinh, H Số nhân khẩu, I Phân loại hộ. NM1 + NM2 sum to 3,940 (D), 8 (H); NM3 alone
1,970, 4. The stale subtotals' numbers are typed as text ('5.910', '12').
"""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run
from tests.test_session55_f_total_names import READ_TWO, TWO_POOR, row7_run

_THREE = [*TWO_POOR, None, person("NM3", "poor"), None, None]
_READ_THREE = [*READ_TWO, household_row("NM3")]


def _groups(folder, first: dict, second: dict, grand: dict, renamed=None):
    """NM1, NM2 (rows 5-6), row 7 ``first``, NM3 (row 8), row 9 ``second``, row 10 ``grand``."""
    return total_sums_run(folder, _THREE, {7: first, 9: second, 10: grand}, renamed=renamed)


def issues_told(folder, code: str) -> list[tuple[str, str, str, str]]:
    """The issues ``code`` of the run in ``folder``: (cell, value, Vietnamese, English)."""
    result, _ = collect(folder, None)
    return [
        (i.cell, i.value, i.message("vi"), i.message("en")) for i in result.issues if i.code == code
    ]


def test_a_stale_subtotal_per_to_is_passed_over_and_told_once(tmp_path):
    """Row 7 'Cộng tổ 1 | '5.910' | … | '12'' (typed as text) over NM1, NM2, left as it was when
    a third household of tổ 1 was deleted: the rows sum to 3,940 and 8. Row 9 'Cộng tổ 2 |
    1,970 | … | 4' over NM3, row 10 'Tổng cộng | 5,910 | … | 12'. Was: row 7 read as a
    household, told missing-household-id at B7, 5.910 no birth year at D7, its class missing at
    I7. Now passed over and told once, at D7 (its first figure no sum), with both figures: NM1-
    NM3 read, poor 3."""
    folder = tmp_path / "stale"
    got = _groups(
        folder,
        {3: "Cộng tổ 1", 4: "5.910", 8: "12"},
        {3: "Cộng tổ 2", 4: 1970, 8: 4},
        {3: "Tổng cộng", 4: 5910, 8: 12},
    )
    assert got == ([("subtotal-differs", "D7")], _READ_THREE, (3, 0))
    assert issues_told(folder, "subtotal-differs") == [
        (
            "D7",
            "Cộng tổ 1",
            "Dòng 'Cộng tổ 1' (dòng 7) là dòng cộng của một nhóm hộ nhưng khác với các dòng hộ "
            "của nhóm: cột D 'Năm sinh' ghi 5.910, cộng các dòng 5–6 được 3.940; cột H 'Số nhân "
            "khẩu' ghi 12, cộng các dòng 5–6 được 8. Xã không tính dòng này là một hộ và tính "
            "theo từng dòng hộ, không theo dòng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà "
            "dòng cộng gõ tay chưa sửa, hãy sửa số ở dòng cộng cho khớp (hoặc xóa dòng cộng); "
            "nếu số của một hộ ghi sai, hãy sửa dòng của hộ đó.",
            "The 'Cộng tổ 1' row (row 7) is a subtotal of a group of households but differs "
            "from the group's household rows: column D 'Năm sinh' holds 5,910, rows 5–6 add up "
            "to 3,940; column H 'Số nhân khẩu' holds 12, rows 5–6 add up to 8. The commune "
            "does not count it as a household and counts the household rows, not the subtotal. "
            "Check it: if a household was deleted or added and the subtotal typed by hand was "
            "not corrected, correct its numbers (or delete the subtotal row); if a household's "
            "number is wrong, correct that household's row.",
        )
    ]


def test_stale_subtotals_numbered_or_second_or_under_a_grand_total(tmp_path):
    """The same rule elsewhere, each told once at its first figure that is no sum, NM1-NM3
    read, poor 3: row 7 numbered '3 | | Cộng tổ 1 | | … | '12'' (told at H7: 8 over NM1, NM2);
    row 9 'Cộng tổ 2 | | … | 8' over NM3 alone (4; told at H9), row 7 summing NM1, NM2 (8) and
    unsaid; both stale ('Cong to 1 | 9', 'Tổng tổ 2 | 5') under 'Cong Na Mon' (H7, H9)."""
    grand = {3: "Tổng cộng", 4: 5910, 8: 12}
    for n, (first, second, said) in enumerate(
        (
            ({1: 3, 3: "Cộng tổ 1", 8: "12"}, {3: "Cộng tổ 2", 8: 4}, ["H7"]),
            ({3: "Cộng tổ 1", 8: 8}, {3: "Cộng tổ 2", 8: 8}, ["H9"]),
            ({3: "Cong to 1", 8: 9}, {3: "Tổng tổ 2", 8: 5}, ["H7", "H9"]),
        )
    ):
        got = _groups(tmp_path / str(n), first, second, grand)
        told = [("subtotal-differs", cell) for cell in said]
        assert got == (told, _READ_THREE, (3, 0)), (first, second)


def test_subtotal_words_with_a_hamlet_a_to_dan_pho_or_no_number(tmp_path):
    """'Cộng tổ 1 xóm Nà Mòn', 'Cộng tổ dân phố 1', 'Cộng tổ' (no number) at row 7 over NM1,
    NM2: their sums (3,940, 8) passed over unsaid; stale (12 people) passed over and told at
    H7. Was: each read as a household (B7, D7 or H7's neighbours, I7)."""
    grand = {3: "Tổng cộng", 4: 5910, 8: 12}
    second = {3: "Cộng tổ 2", 4: 1970, 8: 4}
    for n, label in enumerate(("Cộng tổ 1 xóm Nà Mòn", "Cộng tổ dân phố 1", "Cộng tổ")):
        summed = _groups(tmp_path / f"s{n}", {3: label, 4: 3940, 8: 8}, second, grand)
        assert summed == ([], _READ_THREE, (3, 0)), label
        stale = _groups(tmp_path / f"t{n}", {3: label, 8: 12}, second, grand)
        assert stale == ([("subtotal-differs", "H7")], _READ_THREE, (3, 0)), label


def test_cong_to_dan_pho_is_the_hamlets_total_where_the_plan_names_it(tmp_path):
    """The plan's Đồng Kè renamed 'Tổ dân phố 1' (it sends no list): row 7 'Cộng tổ dân phố 1 |
    12' is that hamlet's total (tables.hamlet_totals: 'Cộng' with its marks, whatever its
    numbers, as 'Cộng Nà Mòn' is), passed over unsaid; NM1-NM3, poor 3. Without the rename it
    is a stale subtotal, told at H7 (the test above)."""
    got = _groups(
        tmp_path,
        {3: "Cộng tổ dân phố 1", 8: 12},
        {3: "Cộng tổ 2", 4: 1970, 8: 4},
        {3: "Tổng cộng", 4: 5910, 8: 12},
        renamed={"Đồng Kè": "Tổ dân phố 1"},
    )
    assert got == ([], _READ_THREE, (3, 0))


def test_a_head_named_like_a_subtotal_is_still_a_household(tmp_path):
    """Guards: row 7 under NM1, NM2 beside 4 people alone: 'Tong Cong To Hoai', 'Cộng Tố Hoài',
    'Cong To Hoai' ('Công Tô Hoài' typed without marks), 'Cộng Tố' (not 'tổ') are heads' names:
    a household without a code and a class, told at B7 and I7, not counted (poor 2). 'Cộng tổ
    1' beside 4 and 'Hộ nghèo' (a household's text): a household, told at B7; beside 4 and a
    birth year 1965 (no sum of the rows: 3,940): told at B7 and I7."""
    both = [("missing-household-id", "B7"), ("invalid-classification", "I7")]
    for n, name in enumerate(("Tong Cong To Hoai", "Cộng Tố Hoài", "Cong To Hoai", "Cộng Tố")):
        got = row7_run(tmp_path / f"n{n}", {3: name, 8: 4})
        assert got == (both, [*READ_TWO, ("", name, False)], (2, 0)), name
    classed = row7_run(tmp_path / "classed", {3: "Cộng tổ 1", 8: 4, 9: "Hộ nghèo"})
    assert classed == (
        [("missing-household-id", "B7")],
        [*READ_TWO, ("", "Cộng tổ 1", False)],
        (2, 0),
    )
    born = row7_run(tmp_path / "born", {3: "Cộng tổ 1", 4: 1965, 8: 4})
    assert born == (both, [*READ_TWO, ("", "Cộng tổ 1", False)], (2, 0))


def test_the_start_list_passes_over_a_stale_subtotal_and_tells_it(tmp_path):
    """The plan's start list, Nà Mòn's NM1-NM5 at rows 4-8 (4 people each; B Xóm, C Mã hộ, D
    name, I Số nhân khẩu), a row inserted at 7 'Nà Mòn | | Cộng tổ 1 | | … | '16'' under NM1-NM3
    (12). Was: read as a household, told missing-household-id at C7 and its class missing at
    J7. Now passed over, told once at I7 (variant 'plan': run again), 10 households."""
    from tests.test_plan_fixes import edited, load

    def edit(book):
        sheet = book["Danh sách đầu năm"]
        sheet.insert_rows(7)
        for col, value in {2: "Nà Mòn", 4: "Cộng tổ 1", 9: "16"}.items():
            sheet.cell(7, col).value = value

    plan, issues = load(edited(tmp_path, edit=edit))
    said = [i for i in issues if not i.code.startswith("plan-")]
    assert [(i.code, i.cell, i.variant) for i in said] == [("subtotal-differs", "I7", "plan")]
    assert said[0].message("vi") == (
        "Dòng 'Cộng tổ 1' (dòng 7) của danh sách đầu năm là dòng cộng của một nhóm hộ nhưng "
        "khác với các dòng hộ của nhóm: cột I 'Số nhân khẩu' ghi 16, cộng các dòng 4–6 được "
        "12. Dòng này không được tính là một hộ; danh sách đầu năm tính theo từng dòng hộ, "
        "không theo dòng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà dòng cộng gõ tay chưa "
        "sửa, hãy sửa số ở dòng cộng cho khớp (hoặc xóa dòng cộng); nếu số của một hộ ghi sai, "
        "hãy sửa dòng của hộ đó; rồi chạy lại."
    )
    assert len(plan.start_list) == 10


def test_the_plans_targets_pass_over_a_stale_subtotal(tmp_path):
    """The plan's targets (Nà Mòn 100 | 3 | 2 | 1 | 1, Bản Cọ 200 | 2 | 1 | 1 | 1, Đồng Kè 150 |
    1 | 1 | 1 | 1), a row inserted at 6 under Nà Mòn and Bản Cọ 'Cộng tổ 1 | 350 | 6 | 3 | 2 |
    2' (stale: they sum to 300 and 5). Was: read as a fourth hamlet 'Cộng tổ 1' (told only by
    plan-total-differs at the commune's total). Now passed over as a 'Cộng cụm 1' is by its
    words: the three hamlets, the plan's issues those of the plan without the row and, since
    the session's review (helper F2), the stale row told at B6 as the start list tells one
    (tests/test_session57_f2_subtotal_runs.py)."""
    from tests.test_plan_fixes import TARGETS, edited, load

    def plan_of(folder, edit=None):
        folder.mkdir()
        plan, issues = load(edited(folder, edit=edit))
        return list(plan.hamlets["hamlet"]), [(i.code, i.cell) for i in issues]

    def subtotal(book):
        sheet = book[TARGETS]
        sheet.insert_rows(6)
        for col, value in enumerate(("Cộng tổ 1", 350, 6, 3, 2, 2), start=1):
            sheet.cell(6, col).value = value

    hamlets, said = plan_of(tmp_path / "stale", subtotal)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    told = [("subtotal-differs", "B6")]
    assert [i for i in said if i not in told] == plan_of(tmp_path / "plain")[1]
    assert [i for i in said if i in told] == told


def test_a_subtotal_on_top_with_nothing_under_to_end_its_group_is_passed_over(tmp_path):
    """R3's Left of session 56: row 5 'Cộng tổ 1 | 3,940 | … | 8' on top of NM1, NM2 (rows
    6-7), NM3 (row 8) with no 'Cộng tổ 2' to end tổ 1. Was: read as a household (B5, I5).
    Passed over; since the session's review (helper F2) unsaid, as rows 6-7 right under it
    add up to its figures (it was told at D5 beside rows 6-8: 5,910, 12;
    tests/test_session57_f2_subtotal_runs.py); NM1-NM3, poor 3."""
    rows = [None, *TWO_POOR, person("NM3", "poor")]
    got = total_sums_run(tmp_path, rows, {5: {3: "Cộng tổ 1", 4: 3940, 8: 8}})
    assert got == ([], _READ_THREE, (3, 0))
