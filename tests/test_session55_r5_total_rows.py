"""Session 55 (review R5): the total rows of session 55's helper F as heads write them.

A row whose name reads as a total's ('Tong Cong Van Thanh', 'Cong Na Mon') is a total only
where its numbers are its column's sums (tables.figures_summed, tables.hamlet_totals). This
review wrote the totals and names heads really write and mended where a household was lost
unsaid or a real total told as a household.

The small commune (tests.commune): each household born 1970, 4 people, 1,200,000 đồng a
person a month, class 'Hộ nghèo', cause 'Thiếu vốn'. Nà Mòn's list from row 5: A STT, B Mã hộ,
C name, D Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ, J Thu nhập BQ, W Nguyên
nhân. NM1 + NM2 sum to 3,940 (D), 8 (H), 2,400,000 (J)."""

from __future__ import annotations

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run
from tests.test_session55_f_total_names import READ_TWO, TWO_POOR, row7_run, start_row9


def test_a_heads_name_after_tong_cong_in_capitals_is_read_as_in_small_letters(tmp_path):
    """A list typed in capitals: row 7 '3 | | TONG CONG VAN THANH | (D-G blank) | 4 | Hộ nghèo
    | 1,200,000 | … | Thiếu vốn' ('TỐNG CÔNG VĂN THÀNH' typed without marks, no code). Was:
    capitals were no name's after the total's words, the row a total: passed over, the
    household lost, nothing said. Now read as 'Tong Cong Van Thanh' is: a household without a
    code, told missing-household-id at B7, not counted, poor 2; with its class blank, told at
    I7 too. With its code NM3: was head-name-is-total at C7, not counted (poor 2); now
    counted, nothing told, poor 3. Guards: beside the sums alone (3,940, 8) a total, passed
    over; 'TONG CONG NA MON' (Nà Mòn's name) beside them too."""
    name = "TONG CONG VAN THANH"
    named = [*READ_TWO, ("", name, False)]
    household = {1: 3, 3: name, 8: 4, 9: "Hộ nghèo", 10: 1_200_000, 23: "Thiếu vốn"}
    assert row7_run(tmp_path / "household", household) == (
        [("missing-household-id", "B7")],
        named,
        (2, 0),
    )
    assert row7_run(tmp_path / "bare", {1: 3, 3: name, 8: 4}) == (
        [("missing-household-id", "B7"), ("invalid-classification", "I7")],
        named,
        (2, 0),
    )
    coded = {"keep": True, 2: "NM3", 3: name}
    assert row7_run(tmp_path / "coded", coded) == ([], [*READ_TWO, ("NM3", name, True)], (3, 0))
    for n, total in enumerate((name, "TONG CONG NA MON")):
        assert row7_run(tmp_path / f"sums{n}", {3: total, 4: 3940, 8: 8}) == ([], READ_TWO, (2, 0))


def test_a_heads_name_after_tong_cong_beside_numbers_typed_as_text_is_read(tmp_path):
    """Row 7 'Tong Cong Van Thanh' beside '4' under H and '1.200.000' under J, typed as text
    (a cell formatted as Text). Was: only number cells were asked to be sums, the row a total:
    passed over, the household lost, nothing said. Now '4' is no sum of NM1 + NM2 (8): a
    household without a code, told missing-household-id at B7 and its class at I7, poor 2.
    Guards, passed over unsaid: the sums typed so ('8', '2.400.000'; '3.940' and '8'), and '8'
    under households whose '4' and '4' are text too (4 + 4 typed by hand)."""
    named = [*READ_TWO, ("", "Tong Cong Van Thanh", False)]
    told = [("missing-household-id", "B7"), ("invalid-classification", "I7")]
    household = {3: "Tong Cong Van Thanh", 8: "4", 10: "1.200.000"}
    assert row7_run(tmp_path / "household", household) == (told, named, (2, 0))
    for n, cells in enumerate(({8: "8", 10: "2.400.000"}, {4: "3.940", 8: "8"})):
        got = row7_run(tmp_path / f"sums{n}", {3: "Tong Cong Van Thanh", **cells})
        assert got == ([], READ_TWO, (2, 0)), cells
    typed = total_sums_run(
        tmp_path / "typed",
        [*TWO_POOR, None],
        {
            5: {"keep": True, 8: "4"},
            6: {"keep": True, 8: "4"},
            7: {3: "Tong Cong Van Thanh", 8: "8"},
        },
    )
    assert typed == ([], READ_TWO, (2, 0))


# the three errors of a hamlet's total read as a household without a code: no code, its sum
# no birth year, no class
_AS_HOUSEHOLD = [
    ("missing-household-id", "B7"),
    ("invalid-birth-year", "D7"),
    ("invalid-classification", "I7"),
]


def test_a_hamlets_total_with_its_average_income_is_passed_over(tmp_path):
    """Row 7 Nà Mòn's total 'Cong Na Mon | 3,940 | … | 8 | | 1,200,000': the sums of NM1 + NM2
    and, under 'Thu nhập BQ (đồng/người/tháng)', their average income (=AVERAGE: 1,200,000),
    not its sum (2,400,000). Was (session 55's sums): read as a household, told at B7, D7, I7
    (and head-name-is-total at C7 for 'Tong Cong Na Mon'); session 54 passed it over. Now
    passed over unsaid again, poor 2, as 'Cộng Nà Mòn' and 'Tong Cong Na Mon' so written are.
    Three households of 1,000,000, 1,200,000 and 1,200,000 (rows 5-7), row 8 'Cong Na Mon |
    5,910 | … | 12 | | 1,133,333' (3,400,000 / 3 = 1,133,333.33, rounded to the đồng): passed
    over, poor 3. Guards: a household 'Tong Van Binh' (a plan hamlet 'Văn Bình') beside 4
    people and 1,200,000 (the average, 4 no sum) is read and told at B7, poor 2; one whose
    only number is 1,200,000 is read as before session 55's review."""
    for n, name in enumerate(("Cong Na Mon", "Cộng Nà Mòn", "Tong Cong Na Mon")):
        total = {3: name, 4: 3940, 8: 8, 10: 1_200_000}
        assert row7_run(tmp_path / str(n), total) == ([], READ_TWO, (2, 0)), name
    uneven = total_sums_run(
        tmp_path / "uneven",
        [*TWO_POOR, person("NM3", "poor"), None],
        {
            5: {"keep": True, 10: 1_000_000},
            8: {3: "Cong Na Mon", 4: 5910, 8: 12, 10: 1_133_333},
        },
    )
    assert uneven == ([], [*READ_TWO, household_row("NM3")], (3, 0))
    renamed = {"Đồng Kè": "Văn Bình"}
    household = {"keep": True, 1: 3, 2: None, 3: "Tong Van Binh", 4: None, 7: None, 8: 4}
    assert row7_run(tmp_path / "household", household, renamed=renamed) == (
        [("missing-household-id", "B7")],
        [*READ_TWO, ("", "Tong Van Binh", False)],
        (2, 0),
    )


def test_a_hamlets_total_written_with_its_marks_is_passed_over_with_a_stale_number(tmp_path):
    """NM3 deleted under NM1 and NM2, its hamlet's total left as it was: row 7 'Cộng Nà Mòn |
    5,910 | … | 12 | | 3,600,000' (three households' sums). Was (session 55's sums): read as
    a household, told missing-household-id, invalid-birth-year and its class (B7, D7, I7) on
    the head's own total row. Now 'Cộng' with its marks begins no head's name ('Công',
    'Tống' do): the hamlet's total whatever its numbers, passed over unsaid as a stale
    'Tổng cộng' is, poor 2; 'TỔNG NÀ MÒN' likewise. Guard: 'Cong Na Mon' typed without marks
    (a head 'Công…' or 'Tống…' may be typed so) still asks its sums: the three errors."""
    stale = {4: 5910, 8: 12, 10: 3_600_000}
    for n, name in enumerate(("Cộng Nà Mòn", "TỔNG NÀ MÒN")):
        assert row7_run(tmp_path / str(n), {3: name, **stale}) == ([], READ_TWO, (2, 0)), name
    issues, read, counts = row7_run(tmp_path / "unmarked", {3: "Cong Na Mon", **stale})
    assert (issues, read, counts) == (
        _AS_HOUSEHOLD,
        [*READ_TWO, ("", "Cong Na Mon", False)],
        (2, 0),
    )


def test_the_start_list_passes_over_a_hamlets_total_with_its_average_or_its_marks(tmp_path):
    """The plan's start list, a row inserted at 9 under Nà Mòn's NM1-NM5 (born 1970, 4 people,
    1,200,000 each: sums 9,850 and 20): 'Nà Mòn | | Cong Na Mon | 9,850 | … | 20 | | 1,200,000'
    (the average income under K), and 'Nà Mòn | | Cộng Nà Mòn | 11,820 | … | 24' (NM6 deleted,
    its total left). Was: each read as a household, told missing-household-id at C9,
    invalid-birth-year at E9 and its class at J9. Now passed over unsaid as on a hamlet's
    list: 10 households. Guard: 'Cong Na Mon' stale, typed without marks: the three errors."""

    def start(folder, cells):
        said, households = start_row9(folder, cells)
        return sorted(said), households

    average = {2: "Nà Mòn", 4: "Cong Na Mon", 5: 9850, 9: 20, 11: 1_200_000}
    assert start(tmp_path / "average", average) == ([], 10)
    stale = {2: "Nà Mòn", 4: "Cộng Nà Mòn", 5: 11820, 9: 24}
    assert start(tmp_path / "marked", stale) == ([], 10)
    assert start(tmp_path / "unmarked", {**stale, 4: "Cong Na Mon"}) == (
        [
            ("invalid-birth-year", "E9"),
            ("invalid-classification", "J9"),
            ("missing-household-id", "C9"),
        ],
        10,
    )
