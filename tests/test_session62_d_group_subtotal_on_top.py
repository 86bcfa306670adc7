"""Session 62 (D): a group's subtotal left at 0 standing on top of its group (session 61 R1's
Left): 'Cộng tổ 2 | 0' above tổ 2 is tổ 2's, not tổ 1's; 'Cộng tổ 1 | 0 hộ' on top of its tổ is
no household.

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ (tests.test_session52_total_sums.total_sums_run); each household 4 people, poor.
The head writes each tổ's subtotal on top of its households, as some templates do.
"""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

# row 5 tổ 1's subtotal, rows 6-7 NM1, NM2, row 8 tổ 2's subtotal, row 9 NM3
ROWS = [None, person("NM1", "poor"), person("NM2", "poor"), None, person("NM3", "poor")]
HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
NFD = "NFD"


def _said(tmp_path) -> list[str]:
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.code == "subtotal-differs"]
    return [i.message("vi").split(": ", 1)[1].split(".")[0] for i in told]


@pytest.mark.parametrize(
    ("label", "count", "people"),
    [
        ("Cộng tổ 2", 0, 0),
        (unicodedata.normalize(NFD, "Cộng tổ 2"), "0", " 0 "),  # NFD, numbers typed as text
        ("CỘNG TỔ 2:", "0 hộ", None),  # its count with 'hộ', no other figure
    ],
)
def test_tổ_2s_subtotal_left_at_0_above_tổ_2_is_said_beside_tổ_2(tmp_path, label, count, people):
    """Row 5 'Cộng tổ 1 | 2 | … | 8' (right: NM1, NM2 under it, 4 + 4 people), row 8 tổ 2's
    subtotal left at 0 over NM3 (row 9: 1 household, 4 people). By hand: row 8 is tổ 2's, the
    rows under it, as tổ 1's stands on top of its rows: said subtotal-differs at H8 (0 where
    row 9 adds up to 4) and, its count a bare 0, at B8 (0 where row 9 has 1 cell written); no
    household; 3 households, all poor. Before: said as tổ 1's rows 6-7 ('các dòng 6–7 có 2 ô
    ghi', 'được 8'), or with '0 hộ' read as a household coded '0 hộ'."""
    lines = {5: {3: "Cộng tổ 1", 2: 2, 8: 8}, 8: {3: label, 2: count, 8: people}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines)
    assert (read, counts) == (HOUSEHOLDS, (3, 0))
    figures = _said(tmp_path)
    if count == "0 hộ":
        assert said == [("subtotal-differs", "B8")]
        assert figures == ["cột B 'Mã hộ' ghi 0, dòng 9 có 1 ô ghi"]
    else:
        assert said == [("subtotal-differs", "B8"), ("subtotal-differs", "H8")]
        assert figures == [
            "cột B 'Mã hộ' ghi 0, dòng 9 có 1 ô ghi",
            "cột H 'Số nhân khẩu' ghi 0, cộng dòng 9 được 4",
        ]


def test_tổ_1s_subtotal_left_at_0_hộ_on_top_of_its_rows_is_no_household(tmp_path):
    """Row 5 'Cộng tổ 1 | 0 hộ | … | 0' on top of NM1, NM2 (rows 6-7), row 8 'Cộng tổ 2 | 1 | …
    | 4' on top of NM3 (right). By hand: row 5 is tổ 1's subtotal left at 0, as a bare 0
    there is (session 61): said beside its rows 6-7, 0 where they hold 2 households and 8
    people; no household '0 hộ'; 3 households. Before: read as a household coded '0 hộ'
    (household-id-is-count, its class said)."""
    lines = {5: {3: "Cộng tổ 1", 2: "0 hộ", 8: 0}, 8: {3: "Cộng tổ 2", 2: 1, 8: 4}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines)
    assert (read, counts) == (HOUSEHOLDS, (3, 0))
    assert said == [("subtotal-differs", "B5"), ("subtotal-differs", "H5")]
    assert _said(tmp_path) == [
        "cột B 'Mã hộ' ghi 0, các dòng 6–7 có 2 ô ghi",
        "cột H 'Số nhân khẩu' ghi 0, cộng các dòng 6–7 được 8",
    ]


def test_right_subtotals_on_top_are_unsaid(tmp_path):
    """Guard: row 5 'Cộng tổ 1 | 2 | … | 8', row 8 'Cộng tổ 2 | 1 | … | 4', each right over the
    rows under it: nothing said, 3 households (passes before and after)."""
    lines = {5: {3: "Cộng tổ 1", 2: 2, 8: 8}, 8: {3: "Cộng tổ 2", 2: 1, 8: 4}}
    assert total_sums_run(tmp_path, ROWS, lines) == ([], HOUSEHOLDS, (3, 0))


def test_the_last_tổs_subtotal_left_at_0_under_its_rows_is_its_tổs(tmp_path):
    """Subtotals under their rows: rows 5-6 NM1, NM2, row 7 'Cộng tổ 1 | 2 | … | 8' (right),
    row 8 NM3, row 9 'Cộng tổ 2 | 0 | … | 0' under the list's last household. By hand: tổ 2's
    subtotal left at 0, said at B9 and H9 beside row 8 (1 household, 4 people), as one
    mid-list is (session 61 R1). Before: said total-count-differs at B9 as the list's total
    counting 0 of 3 households."""
    rows = [person("NM1", "poor"), person("NM2", "poor"), None, person("NM3", "poor"), None]
    lines = {7: {3: "Cộng tổ 1", 2: 2, 8: 8}, 9: {3: "Cộng tổ 2", 2: 0, 8: 0}}
    said, read, counts = total_sums_run(tmp_path, rows, lines)
    assert (said, read, counts) == (
        [("subtotal-differs", "B9"), ("subtotal-differs", "H9")], HOUSEHOLDS, (3, 0)
    )  # fmt: skip
    assert _said(tmp_path) == [
        "cột B 'Mã hộ' ghi 0, dòng 8 có 1 ô ghi",
        "cột H 'Số nhân khẩu' ghi 0, cộng dòng 8 được 4",
    ]


def test_subtotals_writing_their_count_with_hộ_are_no_households(tmp_path):
    """'Cộng tổ 1 | 2 hộ | … | 8' and 'Cộng tổ 2 | 1 hộ | … | 4' on top of their tổ (rows 5, 8),
    and under them (rows 7, 9 of NM1, NM2, NM3): right, nothing said, 3 households. Under them
    with '5 hộ' (tổ 1 has 2): said subtotal-differs at B7, 'ghi 5, các dòng 5–6 có 2 ô ghi',
    as a bare 5 is (session 59, E3). Before: each read as a household coded '2 hộ', '1 hộ'
    (household-id-is-count, its class said)."""
    on_top = {5: {3: "Cộng tổ 1", 2: "2 hộ", 8: 8}, 8: {3: "Cộng tổ 2", 2: "1 hộ", 8: 4}}
    assert total_sums_run(tmp_path / "top", ROWS, on_top) == ([], HOUSEHOLDS, (3, 0))
    rows = [person("NM1", "poor"), person("NM2", "poor"), None, person("NM3", "poor"), None]
    under = {7: {3: "Cộng tổ 1", 2: "2 hộ", 8: 8}, 9: {3: "Cộng tổ 2", 2: "(1 hộ)", 8: 4}}
    assert total_sums_run(tmp_path / "under", rows, under) == ([], HOUSEHOLDS, (3, 0))
    wrong = {7: {3: "Cộng tổ 1", 2: "5 hộ", 8: 8}, 9: {3: "Cộng tổ 2", 2: "1 hộ", 8: 4}}
    said, read, _ = total_sums_run(tmp_path / "wrong", rows, wrong)
    assert (said, read) == ([("subtotal-differs", "B7")], HOUSEHOLDS)
    assert _said(tmp_path / "wrong") == ["cột B 'Mã hộ' ghi 5, các dòng 5–6 có 2 ô ghi"]
