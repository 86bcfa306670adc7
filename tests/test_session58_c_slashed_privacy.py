"""Session 58, C: the posted list (NiemYet) masks a person's number grouped by '/' or ','.

A phone, a CCCD or an old CMND written with '/' or ',' between its groups ('0912/345/678',
'0912,345,678', 'CCCD 001204/012345', '01/03/2024/0912/345/678': a date glued to a phone)
was posted whole: `text.ID_IN_TEXT` reads no such mark, each group a short number of its
own. Now a run of groups by a bare '/' or ',' holding 9 digits or more is read in parts
(`text._slashed_parts`): a part of a phone's (called today, 2 to 4 groups of 2 to 4 digits,
or 4-6), a CCCD's (by threes or 6-6) or an old CMND's shape (3/3/3 from 0-3; by ',' not
before a currency) is masked, no part holding a date's group. Every expected value is worked
out by hand: 8 stars and the number's last 4 digits."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.random_cells import cells, shown_places

# (as written, as posted); each posted whole before (all its digits shown)
MASKED = [
    ("0912/345/678", "********5678"),
    ("ĐT: 0912/345/678, vay 20.000.000 đồng", "ĐT: ********5678, vay 20.000.000 đồng"),
    ("0912/345678", "********5678"),
    ("09/1234/5678", "********5678"),
    ("0912,345,678", "********5678"),
    ("CCCD 001204/012345", "CCCD ********2345"),
    ("CCCD 001,204,012,345", "CCCD ********2345"),
    ("CMND 212/345/678", "CMND ********5678"),
    ("212,345,678", "********5678"),
    # a date glued to a phone: the date kept, the phone masked
    ("01/03/2024/0912/345/678", "01/03/2024/********5678"),
    ("12/03/2024/0912/345/678", "12/03/2024/********5678"),
    ("03/2024/0912/345/678", "03/2024/********5678"),
    # a phone 2-4-4 whose middle group reads as a year: the whole run is the phone
    ("05/1953/1423", "********1423"),
    # a full-width phone by '/' (read as ASCII, the rest as written)
    ("０９１２/３４５/６７８ ĐT", "********5678 ĐT"),
    # a spaced run before, its last group the part's first: '24 06 2025 0370' alone is
    # masked as 12 digits by single spaces (session 51), so the two as one
    ("24 06 2025 0370/970/096", "********0096"),
    ("Vay 1.500.000 0370/970/096", "Vay 1.500.000 ********0096"),
    ("Xóm 3 0912/345/678 và 0987654321", "Xóm 3 ********5678 và ********4321"),
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_persons_number_by_a_slash_or_comma_is_masked(written, posted):
    assert mask_ids_in(written) == posted


# Where a part's last group begins, or its first ends, a number the list masks, the two are
# masked as one (never-leak: '101/602/112 263 552' masked as '********2112 263 552' showed
# '263 552' of the CMND '112 263 552', by hand)
REACHED = [
    ("101/602/112 263 552", "********3552"),
    ("351 298 149/743/365", "********3365"),
    ("0882/514224 018/800/102 1.058.000", "********0102 1.058.000"),
    ("142,726,034 891 370,064,759", "********4759"),
]


@pytest.mark.parametrize(("written", "posted"), REACHED)
def test_a_part_reaching_into_a_number_is_masked_with_it(written, posted):
    assert mask_ids_in(written) == posted


# Kept as written: dates, amounts by ',', decimals, a date and a small number, fractions
KEPT = [
    "12/03/2024",
    "Cấp ngày 12/03/2021, thu nhập 2,300,000 đồng, 2,5 ha",
    "1,200,000",
    "Thu nhập 2,000,000,000 đồng",
    "212,345,678 đồng",
    "02/04/1994/141",
    "01/01/2024-31/12/2024",
    "1.500.000/tháng",
    "Hộ 3/5 người",
    "0912/345",
]


@pytest.mark.parametrize("written", KEPT)
def test_dates_amounts_and_small_numbers_are_kept(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize("written", [w for w, _ in MASKED + REACHED])
def test_the_quick_look_flags_each(written):
    """`may_hold_id` (a column it passes is posted as it is) flags every cell masked."""
    assert may_hold_id(written)


@pytest.mark.parametrize("written", ["12/03/2024", "1,200,000", "2,5 ha", "01/01/2024-31/12/2024"])
def test_the_quick_look_passes_dates_and_amounts(written):
    assert not may_hold_id(written)


# Random cells (tests.random_cells, seed 7, 1,000 each): a person's number by '/' or ',',
# pieces by a space (685 and 685 showed a hidden digit before), and pieces joined by '/' or
# ',' (0 before: a regression check of the new pass)
@pytest.mark.parametrize(("joiner", "inner"), [(" ", "/"), (" ", ","), ("/", None), (",", None)])
def test_no_random_cell_shows_a_hidden_digit(joiner, inner):
    drawn = list(cells(7, 1_000, joiner, inner))
    shown = [(c.text, mask_ids_in(c.text)) for c in drawn
             if c.secret & shown_places(c.text, mask_ids_in(c.text))]  # fmt: skip
    assert shown == []
    assert [
        c.text for c in drawn if mask_ids_in(c.text) != c.text and not may_hold_id(c.text)
    ] == []
