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

_TWO = [person("NM1", "poor"), person("NM2", "poor")]
_READ = [household_row("NM1"), household_row("NM2")]


def _row7(tmp_path, cells: dict, renamed=None):
    """Nà Mòn's NM1, NM2 (rows 5, 6) and row 7 written ``cells`` (column number -> value)."""
    return total_sums_run(tmp_path, [*_TWO, None], {7: cells}, renamed=renamed)


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
    named = [*_READ, ("", name, False)]
    household = {1: 3, 3: name, 8: 4, 9: "Hộ nghèo", 10: 1_200_000, 23: "Thiếu vốn"}
    assert _row7(tmp_path / "household", household) == (
        [("missing-household-id", "B7")],
        named,
        (2, 0),
    )
    assert _row7(tmp_path / "bare", {1: 3, 3: name, 8: 4}) == (
        [("missing-household-id", "B7"), ("invalid-classification", "I7")],
        named,
        (2, 0),
    )
    coded = {"keep": True, 2: "NM3", 3: name}
    assert _row7(tmp_path / "coded", coded) == ([], [*_READ, ("NM3", name, True)], (3, 0))
    for n, total in enumerate((name, "TONG CONG NA MON")):
        assert _row7(tmp_path / f"sums{n}", {3: total, 4: 3940, 8: 8}) == ([], _READ, (2, 0))


def test_a_heads_name_after_tong_cong_beside_numbers_typed_as_text_is_read(tmp_path):
    """Row 7 'Tong Cong Van Thanh' beside '4' under H and '1.200.000' under J, typed as text
    (a cell formatted as Text). Was: only number cells were asked to be sums, the row a total:
    passed over, the household lost, nothing said. Now '4' is no sum of NM1 + NM2 (8): a
    household without a code, told missing-household-id at B7 and its class at I7, poor 2.
    Guards, passed over unsaid: the sums typed so ('8', '2.400.000'; '3.940' and '8'), and '8'
    under households whose '4' and '4' are text too (4 + 4 typed by hand)."""
    named = [*_READ, ("", "Tong Cong Van Thanh", False)]
    told = [("missing-household-id", "B7"), ("invalid-classification", "I7")]
    household = {3: "Tong Cong Van Thanh", 8: "4", 10: "1.200.000"}
    assert _row7(tmp_path / "household", household) == (told, named, (2, 0))
    for n, cells in enumerate(({8: "8", 10: "2.400.000"}, {4: "3.940", 8: "8"})):
        got = _row7(tmp_path / f"sums{n}", {3: "Tong Cong Van Thanh", **cells})
        assert got == ([], _READ, (2, 0)), cells
    typed = total_sums_run(
        tmp_path / "typed",
        [*_TWO, None],
        {
            5: {"keep": True, 8: "4"},
            6: {"keep": True, 8: "4"},
            7: {3: "Tong Cong Van Thanh", 8: "8"},
        },
    )
    assert typed == ([], _READ, (2, 0))
