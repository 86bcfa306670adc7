"""A bare number under 'Mã hộ' on a total's row is its count of households where it is one
(session 59, E; A's Left of session 58's "a subtotal over one household …").

'Tổng cộng | 3 | … | 5,895 | … | 12': the head's count of households typed without 'hộ'. Before,
the number was a household's code: the row was read as a household (coded 3, named 'Tổng cộng'
or nameless), told, and the households under a subtotal on top ran into it. Now a bare whole
number alone in the code's column of a row whose first cells hold a total's words is the
total's count where it is how many households the rows it totals hold (those since the last
total, all of them, those under it; or of one class): the row is passed over. Any other number
there stays a code, read as before.

The small commune (tests.commune); Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's
name, D Năm sinh, G Số định danh, H Số nhân khẩu, I Phân loại hộ
(tests.test_session52_total_sums.total_sums_run). NM1 born 1958, NM2 1962, NM3 1975, 4 people
each.
"""

from __future__ import annotations

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run
from tests.test_session59_e_lone_subtotal import on_top, sections


def _three(third: str = "poor") -> list:
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM3", third, nam_sinh=1975), None]  # fmt: skip


HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


def test_a_bare_count_of_the_households_on_the_grand_total_is_no_code(tmp_path):
    """Row 8 under NM1, NM2, NM3: 'Tổng cộng' with 3 under Mã hộ, 5,895 (their years), 12
    (their people): the label in STT, in the name's column, numbered on, the 3 typed as text.
    By hand: a total, poor 3, nothing said. Before: a household coded 3, told at row 8."""
    for name, line in (
        ("stt", {1: "Tổng cộng", 2: 3, 4: 5895, 8: 12}),
        ("name", {2: 3, 3: "Tổng cộng", 4: 5895, 8: 12}),
        ("numbered", {1: 4, 2: 3, 3: "Tổng cộng", 4: 5895, 8: 12}),
        ("text", {1: "Tổng cộng", 2: "3", 4: 5895, 8: 12}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _three(), {8: line})
        assert (issues, read, counts) == ([], HOUSEHOLDS, (3, 0)), name


def test_a_bare_count_of_one_class_is_a_count_too(tmp_path):
    """NM3 near-poor: 'Tổng cộng | 2 | … | 5,895 | … | 12', 2 the poor households (=COUNTIF of
    the class). By hand: a total; poor 2, near-poor 1, nothing said."""
    issues, read, counts = total_sums_run(
        tmp_path, _three("near_poor"), {8: {1: "Tổng cộng", 2: 2, 4: 5895, 8: 12}}
    )
    assert (issues, read, counts) == ([], HOUSEHOLDS, (2, 1))


def test_a_subtotal_on_top_holding_its_class_ends_at_a_bare_count(tmp_path):
    """Seed 3641's shape (session 58, A) with the grand total's count typed bare: row 9 'Cộng |
    1975 | … | 4 | Hộ cận nghèo' on top of NM4 alone, row 12 'Tổng cộng' with 3 under Mã hộ.
    Before: the rows under row 9 ran on to row 12 (3 a code): row 9 a household told
    missing-household-id B9, row 12 one too. Now they end at NM4: poor 2, near-poor 1."""
    nine = {4: 1975, 8: 4, 9: "Hộ cận nghèo"}
    grand = {2: 3, 3: "Tổng cộng", 4: 5895, 8: 12}
    issues, read, counts = total_sums_run(
        tmp_path, sections(), on_top(3, nine, grand), {(11, 7): "0"}
    )
    households = [household_row("NM1"), household_row("NM2"), household_row("NM4")]
    assert (issues, read, counts) == ([], households, (2, 1))


def test_a_number_that_counts_no_households_stays_a_code(tmp_path):
    """Guards: 'Tổng cộng | 5 | … | 5,895 | … | 12' over three households (5 counts none of
    their groups): since the review (R1) a total whose count differs, told at B8 (was a
    household coded 5, not counted, told at row 8);
    '4 | 3 | Cộng | 1975 | … | 4 | Hộ nghèo' (its class and NM3's year and size: a run of one
    household, not three): a household coded 3 named 'Cộng', counted (poor 4), as before."""
    issues, read, counts = total_sums_run(
        tmp_path / "five", _three(), {8: {1: "Tổng cộng", 2: 5, 4: 5895, 8: 12}}
    )
    # since the review (R1): a total whose count differs, said so, no household
    assert (issues, read, counts) == ([("total-count-differs", "B8")], HOUSEHOLDS, (3, 0))
    issues, read, counts = total_sums_run(
        tmp_path / "class", _three(), {8: {1: 4, 2: 3, 3: "Cộng", 4: 1975, 8: 4, 9: "Hộ nghèo"}}
    )
    assert read[:3] == HOUSEHOLDS
    assert [(str(c), n, v) for c, n, v in read[3:]] == [("3", "Cộng", True)]
    assert counts == (4, 0)
