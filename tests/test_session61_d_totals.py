"""Session 61 (D): three totals sessions 60's E2, R1 and E left (their Left): a bare 0 under
'Mã hộ' on a total above the households, a grand total counting one class with 'hộ', and a
group's subtotal summing numbers typed as text by hand.

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ (tests.test_session52_total_sums.total_sums_run). NM1 born 1958, NM2 1962, NM3
1975, 4 people each: their years add up to 5,895, their people to 12.
"""

from __future__ import annotations

import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run


def _three(near_poor_last: bool = False) -> list:
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM3", "near_poor" if near_poor_last else "poor", nam_sinh=1975)]  # fmt: skip


HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


# --- 1. 'Tổng cộng | 0 | … | 0' above the households -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        {1: "Tổng cộng", 2: 0, 8: 0},
        {1: "Tổng cộng", 2: 0, 4: 0, 8: 0},
        {1: "Tổng cộng", 2: "0", 8: 0},
        {2: 0, 3: "Tổng cộng", 8: 0},
    ],
    ids=["people", "years-people", "text-zero", "label-in-name"],
)
def test_a_total_of_a_bare_0_above_the_households_is_no_household(tmp_path, line):
    """Row 5 'Tổng cộng | 0 | … | 0' (a template's empty total left above the list; its count
    0 typed bare under 'Mã hộ', as a number or as text, the label in A or in C), NM1-NM3 poor
    in rows 6-8. By hand: a total of no household (none read above it), passed over, nothing
    said; the list's 3 households poor. Before: read as a household coded '0' (its head's name
    missing, its size 0 and its class blank said at C5, H5, I5)."""
    said, read, counts = total_sums_run(tmp_path, [None, *_three()], {5: line})
    assert (said, read, counts) == ([], HOUSEHOLDS, (3, 0))


def test_a_bare_0_under_the_households_is_said_as_a_count_that_differs(tmp_path):
    """Row 8 'Tổng cộng | 0 | … | 12' under NM1-NM3: a count of 0 where the list has 3 rows. By
    hand: no household (as '0 hộ' there is none), said total-count-differs at B8 ('0', 3 rows),
    as 'Tổng cộng | 5' is; poor 3. Before: read as a household coded '0' (C8, D8, I8 said)."""
    said, read, counts = total_sums_run(
        tmp_path, [*_three(), None], {8: {1: "Tổng cộng", 2: 0, 4: 5895, 8: 12}}
    )
    assert (said, read, counts) == ([("total-count-differs", "B8")], HOUSEHOLDS, (3, 0))
    result, _ = collect(tmp_path, None)
    told = [i for i in result.issues if i.code == "total-count-differs"]
    assert [(i.value, i.detail) for i in told] == [("0", "3")]


# --- 2. a grand total counting one class ------------------------------------------------------


@pytest.mark.parametrize("count", ["2 hộ", 2])
def test_a_grand_total_counting_one_class_is_unsaid(tmp_path, count):
    """Row 8 'Tổng cộng | 2 hộ' (or a bare 2) under NM1, NM2 poor and NM3 near-poor: 2 is the
    poor households' count (=COUNTIF), as a bare 2 already was read (session 60 E's guard). By
    hand: nothing said; poor 2, near-poor 1. Before ('2 hộ'): said total-count-differs at B8
    ('2 hộ', 3 rows)."""
    line = {1: "Tổng cộng", 2: count, 4: 5895, 8: 12}
    got = total_sums_run(tmp_path, [*_three(near_poor_last=True), None], {8: line})
    assert got == ([], HOUSEHOLDS, (2, 1))


def test_a_grand_total_counting_no_class_nor_all_is_still_said(tmp_path):
    """Guard (passes before and after): 'Tổng cộng | 4 hộ' under NM1, NM2 poor, NM3
    near-poor (4: neither all 3, nor the poor's 2, nor the near-poor's 1): said at B8."""
    line = {1: "Tổng cộng", 2: "4 hộ", 4: 5895, 8: 12}
    got = total_sums_run(tmp_path, [*_three(near_poor_last=True), None], {8: line})
    assert got == ([("total-count-differs", "B8")], HOUSEHOLDS, (2, 1))


# --- 3. a group's subtotal summing numbers typed as text by hand ------------------------------


def _groups(tmp_path, people: tuple, first: dict) -> tuple:
    """NM1, NM2 (rows 5-6, their people typed ``people``), row 7 ``first`` ('Cộng tổ 1'), NM3
    (row 8), row 9 'Cộng tổ 2 | 1,975 | … | 4' over NM3, row 10 'Tổng cộng | 5,895 | … | 12'."""
    lines = {
        5: {"keep": True, 8: people[0]},
        6: {"keep": True, 8: people[1]},
        7: first,
        9: {3: "Cộng tổ 2", 4: 1975, 8: 4},
        10: {3: "Tổng cộng", 4: 5895, 8: 12},
    }
    return total_sums_run(tmp_path, [*_three()[:2], None, _three()[2], None, None], lines)


@pytest.mark.parametrize("people", [("4", " 04 "), ("4", 4)], ids=["text", "mixed"])
def test_a_group_subtotal_summing_numbers_typed_as_text_by_hand_is_unsaid(tmp_path, people):
    """NM1's and NM2's people typed as text ('4', ' 04 '; or '4' beside a number 4), row 7
    'Cộng tổ 1 | 3,920 | … | 8': 8 is their sum by hand (=SUM gives 0, or 4). By hand: nothing
    said; poor 3. Before: said subtotal-differs at H7 (8 set beside =SUM's figures alone)."""
    got = _groups(tmp_path, people, {3: "Cộng tổ 1", 4: 3920, 8: 8})
    assert got == ([], HOUSEHOLDS, (3, 0))


def test_a_group_subtotal_stale_over_numbers_typed_as_text_quotes_their_sum(tmp_path):
    """Guard of the words: the same rows, row 7 'Cộng tổ 1 | 3,920 | … | 12' (neither 8 nor
    =SUM's 0). By hand: said once at H7, "ghi 12, cộng các dòng 5–6 được 8"; poor 3. Before:
    said, quoting a count of the written cells ("… được 2"), not their sum."""
    got = _groups(tmp_path, ("4", " 04 "), {3: "Cộng tổ 1", 4: 3920, 8: 12})
    assert got == ([("subtotal-differs", "H7")], HOUSEHOLDS, (3, 0))
    result, _ = collect(tmp_path, None)
    told = [i.message("vi") for i in result.issues if i.code == "subtotal-differs"]
    assert len(told) == 1 and "cột H 'Số nhân khẩu' ghi 12, cộng các dòng 5–6 được 8" in told[0]
