"""Session 56 (helper F): a group's subtotal in a hamlet's list ('Cộng tổ 1') whose numbers are
the sums of its rows is passed over.

'Cộng tổ 1', 'Cong to 2', 'Tổng tổ 2', 'Cộng theo tổ' are no total's words (``TOTAL_MARKERS``:
'Cộng' alone begins a total only before a numbering, 'Cộng I'): each such row was read as a
household and told missing-household-id, its sum no birth year, its class missing; a grand
'Cong Na Mon' under them was then told too (the rows above it, the subtotals among them, did
not sum to it). Now such a row is passed over where each of its numbers is its column's sum
over the rows since the last subtotal (or all, or those under it), numbers typed as text too
(``tables.group_subtotal``, ``tables._group_summed``); the grand total sums the households.

The small commune (tests.commune): each household born 1970, 4 people, 1,200,000 đồng a
person a month, class 'Hộ nghèo', cause 'Thiếu vốn'. Nà Mòn's list from row 5: A STT, B Mã
hộ, C name, D Năm sinh, H Số nhân khẩu, I Phân loại hộ, J Thu nhập BQ. NM1 + NM2 sum to 3,940
(D), 8 (H); NM3 alone 1,970, 4; the three 5,910, 12.
"""

from __future__ import annotations

from tests.commune import person
from tests.test_plan_fixes import edited, load
from tests.test_session52_total_sums import household_row, total_sums_run
from tests.test_session55_f_total_names import READ_TWO, TWO_POOR, row7_run

_THREE = [*TWO_POOR, None, person("NM3", "poor"), None, None]
_READ_THREE = [*READ_TWO, household_row("NM3")]


def _groups(folder, first: dict, second: dict, grand: dict):
    """NM1, NM2 (rows 5-6), row 7 ``first``, NM3 (row 8), row 9 ``second``, row 10 ``grand``."""
    return total_sums_run(folder, _THREE, {7: first, 9: second, 10: grand})


def test_subtotals_per_to_whose_numbers_sum_their_rows_are_passed_over(tmp_path):
    """Row 7 'Cộng tổ 1 | 3,940 | … | 8' over NM1, NM2; row 9 'Cộng tổ 2 | 1,970 | … | 4' over
    NM3 (the rows since row 7); row 10 'Cong Na Mon | 5,910 | … | 12'. Was: rows 7 and 9 read
    as households (missing-household-id at B7, B9, 3,940 no birth year at D7, no class at I7,
    I9) and the grand 'Cong Na Mon' told B10, D10, I10 (the households and the two subtotals
    read as households sum to 11,820, 24). Now all three passed over unsaid: NM1-NM3, poor 3.
    Likewise 'Cong to 1', 'Tổng tổ 2' under 'Tổng cộng'; numbered '3 | | Cộng tổ 1', its
    numbers typed as text ('3.940', '8'); 'CỘNG THEO TỔ:'; and 'Cộng tổ 1' with its average
    income (=AVERAGE: 1,200,000 under 'Thu nhập BQ', beside the sum 8)."""
    for n, (first, second, grand) in enumerate(
        (
            ({3: "Cộng tổ 1", 4: 3940, 8: 8}, {3: "Cộng tổ 2", 4: 1970, 8: 4}, "Cong Na Mon"),
            ({3: "Cong to 1", 4: 3940, 8: 8}, {3: "Tổng tổ 2", 4: 1970, 8: 4}, "Tổng cộng"),
            ({1: 3, 3: "Cộng tổ 1", 4: "3.940", 8: "8"}, {1: 5, 3: "Cộng tổ 2", 8: 4}, "Cộng"),
            ({3: "CỘNG THEO TỔ:", 8: 8}, {3: "Cộng theo tổ", 4: 1970}, "Cong Na Mon"),
            ({3: "Cộng tổ 1", 8: 8, 10: 1_200_000}, {3: "Cộng tổ 2", 8: 4}, "Cong Na Mon"),
        )
    ):
        got = _groups(tmp_path / str(n), first, second, {3: grand, 4: 5910, 8: 12})
        assert got == ([], _READ_THREE, (3, 0)), (first, second, grand)


def test_a_subtotal_or_a_name_after_tong_cong_whose_numbers_sum_no_rows_is_a_household(tmp_path):
    """Guards (as before): a row named so whose figures sum no rows is read as a household and
    told at its row, never passed over unsaid. Row 7 'Cộng tổ 1 | … | 4 | Hộ nghèo' under NM1,
    NM2 (8; no rows under it): told missing-household-id at B7, poor 2; beside 6 alone a stale
    subtotal since session 57 (told once at H7; beside 4 alone NM2's right above it, unsaid). 'Tong Cong To Hoai' ('Tống Công Tô Hoài' typed without marks: 'tổ' is
    no total's word) beside 4: a household, told at B7 and I7; beside the sums 3,940 and 8 a
    total, passed over (session 55's rule)."""
    household = {3: "Cộng tổ 1", 8: 4, 9: "Hộ nghèo"}
    told = [("missing-household-id", "B7")]
    assert row7_run(tmp_path / "class", household) == (
        told,
        [*READ_TWO, ("", "Cộng tổ 1", False)],
        (2, 0),
    )
    both = [*told, ("invalid-classification", "I7")]
    got = row7_run(tmp_path / "bare", {3: "Tong Cong To Hoai", 8: 4})
    assert got == (both, [*READ_TWO, ("", "Tong Cong To Hoai", False)], (2, 0))
    # 'Cộng tổ 1' beside 6 alone, nothing of a household: a stale subtotal since session 57,
    # passed over and told once at H7 (tests/test_session57_f_stale_subtotals.py); no run of
    # rows next to it gives 6 (NM2 4, NM1-NM2 8: tests/test_session57_f2_subtotal_runs.py)
    stale = row7_run(tmp_path / "stale", {3: "Cộng tổ 1", 8: 6})
    assert stale == ([("subtotal-differs", "H7")], READ_TWO, (2, 0))
    summed = {3: "Tong Cong To Hoai", 4: 3940, 8: 8}
    assert row7_run(tmp_path / "summed", summed) == ([], READ_TWO, (2, 0))


def test_the_start_list_passes_over_subtotals_per_to(tmp_path):
    """The plan's start list, Nà Mòn's NM1-NM5 at rows 4-8 (born 1970, 4 people each): rows
    inserted 'Nà Mòn | | Cộng tổ 1 | 5,910 | … | 12' under NM1-NM3 (row 7) and 'Nà Mòn | |
    Cong to 2 | 3,940 | … | 8' under NM4, NM5 (row 10). Was: each read as a household, told
    missing-household-id (C), its sum no birth year (E) and its class missing (J). Now passed
    over unsaid: 10 households. Guard: 'Nà Mòn | | Cộng tổ 1 | | … | 4 | Hộ nghèo' at row 7
    (NM1-NM3: 12; a household's class) told at C7, 10 households; beside 6 without its class
    a stale subtotal (session 57: no run of Nà Mòn's rows next to it gives 6), told at I7."""

    def start(folder, *rows):
        def edit(book):
            sheet = book["Danh sách đầu năm"]
            for at, cells in rows:
                sheet.insert_rows(at)
                for col, value in cells.items():
                    sheet.cell(at, col).value = value

        folder.mkdir()
        plan, issues = load(edited(folder, edit=edit))
        said = sorted((i.code, i.cell) for i in issues if not i.code.startswith("plan-"))
        return said, len(plan.start_list)

    first = {2: "Nà Mòn", 4: "Cộng tổ 1", 5: 5910, 9: 12}
    second = {2: "Nà Mòn", 4: "Cong to 2", 5: 3940, 9: 8}
    assert start(tmp_path / "both", (7, first), (10, second)) == ([], 10)
    household = {2: "Nà Mòn", 4: "Cộng tổ 1", 9: 4, 10: "Hộ nghèo"}
    assert start(tmp_path / "household", (7, household)) == ([("missing-household-id", "C7")], 10)
    # numbers alone, a stale subtotal since session 57: passed over, told once at I7
    stale = {2: "Nà Mòn", 4: "Cộng tổ 1", 9: 6}
    assert start(tmp_path / "stale", (7, stale)) == ([("subtotal-differs", "I7")], 10)


def test_the_plans_targets_pass_over_a_subtotal_per_to(tmp_path):
    """The plan's targets (Nà Mòn 100 | 3 | 2 | 1 | 1, Bản Cọ 200 | 2 | 1 | 1 | 1, Đồng Kè 150 |
    1 | 1 | 1 | 1), a row inserted at 6 under Nà Mòn and Bản Cọ 'Cộng tổ 1 | 300 | 5 | 3 | 2 |
    2' (their sums), the commune's 'Tổng cộng' (row 8) 450 | 6 | 4 | 3 | 3. Was: a hamlet
    'Cộng tổ 1', four hamlets. Now passed over: the three hamlets, the plan's issues those of
    the plan without the row (its two commune-target warnings)."""
    from tests.test_plan_fixes import TARGETS

    def plan_of(folder, edit=None):
        folder.mkdir()
        plan, issues = load(edited(folder, edit=edit))
        return list(plan.hamlets["hamlet"]), [(i.code, i.cell) for i in issues]

    def subtotal(book):
        sheet = book[TARGETS]
        sheet.insert_rows(6)
        for col, value in enumerate(("Cộng tổ 1", 300, 5, 3, 2, 2), start=1):
            sheet.cell(6, col).value = value
        for col, value in enumerate((450, 6, 4, 3, 3), start=2):
            sheet.cell(8, col).value = value

    hamlets, said = plan_of(tmp_path / "subtotal", subtotal)
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert said == plan_of(tmp_path / "plain")[1]
