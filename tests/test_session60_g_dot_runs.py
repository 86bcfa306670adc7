"""Session 60, G: the posted list's person's numbers inside a run of bare dots alone (C2's Left,
session 59): pieces typed one after another and joined by a '.' ('429.097.037.155.655.225': a
small number, a CCCD by dots and another small number; '11.100.000.217.612.319': an amount and
an old CMND) were posted whole, a digit of the number beyond its last 4 shown. And a list of
codes by '/' or ',' ('001/002/003'), masked as an old CMND by threes from 0 though no CMND's
three groups all begin '00', is kept.

Each cell below is worked out by hand: the person's number 8 stars and its last 4 digits, what
is around it as written. The masked ones failed before (posted whole); the kept ones of the
first list pass before and after (nothing kept before is masked now)."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.random_cells import cells, shown_places

# A person's number among a run of bare dots alone: a part by dots begins after or ends before
# any bare dot, but holds no '000' group nor a date's, and no '000' group follows it
DOT_RUNS = [
    # a small number '429', a CCCD 097.037.155.655 (from 0, its 4th digit 0), a small '225';
    # '155.655.225' (an old CMND's shape from 1) reaches past the CCCD's end: masked with it
    ("429.097.037.155.655.225", "429.********5225"),
    # an amount 11.100.000 (no part holds its '000' groups) and a CMND 217.612.319
    ("11.100.000.217.612.319", "11.100.000.********2319"),
    ("12.000.000.212.345.678", "12.000.000.********5678"),
    ("Vay 12.000.000.0912.345.678", "Vay 12.000.000.********5678"),
    ("0912.345.678.12.000.000", "********5678.12.000.000"),
    # two CCCDs by dots joined: 039194883586 (4th digit 1) and 002277049474 (4th digit 2)
    ("039.194.883.586.002.277.049.474", "********3586.********9474"),
    # a small '12' and a phone 2 groups 0912.345678
    ("12.0912.345678", "12.********5678"),
]
# After a code's or a word's dot a CCCD by threes (12 digits from 0, its 4th 0-3): no code is
# so long ('NM.212.345.678', a code's 9 digits, kept)
AFTER_A_WORDS_DOT = [
    ("VAY.029.162.193.081.29.500.000", "VAY.********3081.29.500.000"),
    ("NM.001.204.012.345", "NM.********2345"),
]
# After a word's dot, a number by spaces whose first group begins it (a CCCD's 12 digits from 0,
# an old CMND's threes): the group no code's part, as after a word's dash (session 57, C2)
GLUED_AFTER_A_DOT = [
    ("Hộ 3 người.090 339 728 248", "Hộ 3 người.********8248"),
    ("và.074 256 485 493", "và.********5493"),
    ("NM.001 094 012 345", "NM.********2345"),
]
# ... and a code's number before a phone kept as before (session 55, J)
CODE_BEFORE_A_PHONE = [
    ("NM.01 0912345678", "NM.01 ********5678"),
    ("NM.12 0912 345 678", "NM.12 ********5678"),
    ("TL.01 212 345 678", "TL.01 ********5678"),
]
# Kept, before and after: amounts (to 999 billion grouped as an amount is, session 53's
# '1.250.000.000'; '1.212.345.678' without its currency masked since session 61, R2), dates,
# codes, an amount and a date joined
KEPT = [
    "1.250.000.000",
    "120.500.000.000",
    "Vay 2.500.000.000.000",
    # '212.345.678.000' (the CMND 212.345.678 and '000') masked since session 63, C
    "12.345.678.000",
    "12.03.2024.12.04.2024",
    "12.03.2024.12.04.2024.100.000",
    "Vay 12.000.000.12.03.2024",
    "TL.01.001",
    "HN.2024.000123",
    "NM.212.345.678",
    "NM.0101.234.567",
    "167.06277.001",
    "05.001.00123",
]
# A list of codes by '/' or ',' (each group from '00': no old CMND's province code is '00'),
# masked as a CMND before
CODE_LISTS = ["001/002/003", "Hộ số 001/002/003", "001,002,003", "Mã 007/008/009"]


@pytest.mark.parametrize(("written", "posted"), DOT_RUNS + AFTER_A_WORDS_DOT + GLUED_AFTER_A_DOT)
def test_a_persons_number_among_bare_dots_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), CODE_BEFORE_A_PHONE)
def test_a_codes_number_before_a_phone_is_kept(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(
    "written", [w for w, _ in DOT_RUNS + AFTER_A_WORDS_DOT + GLUED_AFTER_A_DOT]
)
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize("written", KEPT)
def test_kept_as_written(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize("written", CODE_LISTS)
def test_a_list_of_codes_is_kept(written):
    assert mask_ids_in(written) == written


def test_a_cmnd_by_slashes_is_still_masked():
    """Guard: an old CMND from 0 whose groups do not all begin '00' is masked as before."""
    assert mask_ids_in("001/202/003") == "********2003"
    assert mask_ids_in("CMND 012/345/678") == "CMND ********5678"


def shown_hidden(seed: int) -> list[str]:
    return [c.text for c in cells(seed, 1_000, ".", None)
            if c.secret & shown_places(c.text, mask_ids_in(c.text))]  # fmt: skip


# Random cells joined by a bare '.' showing a hidden digit: 167/170/177 before (session 59,
# C2), 14/24/20 at G's merge, 4/5/10 after session 60's review (G2: a word's dot, or a dot
# after no word, no code's: 'VNĐ.138.012.897' masked), now 2/0/4 (session 61, E: capitals
# of a word or one letter no code's, 'VAY.192.993.926', 'B.227.175.969'; a run grouped as an
# amount of 10 billion or more not ending '000', '686.297.461.626'; a CCCD's or CMND's '000'
# group), 1/0/3 after R2's review (a small number of one digit and a CMND, '2.172.616.751',
# session 53's '1.212.345.678' without its currency), 0/0/2 in session 67 (E: a CCCD or an old
# CMND by threes from a '000' first group of the run, which no amount's is, masked as the run
# alone is, '********6495.2' of '000.362.426.495.2'). Those left: a CMND after a code's dot
# ('NM.027.287.815': session 53, R3), a CCCD drawn from '000' after an amount's group
# ('…260.000.262.721…')
@pytest.mark.parametrize(("seed", "left"), [(5, 0), (6, 0), (7, 2)])
def test_random_cells_joined_by_a_bare_dot(seed, left):
    assert len(shown_hidden(seed)) == left


def test_the_draws_hold_a_cccd_between_small_numbers():
    drawn = [c.text for c in cells(5, 1_000, ".", None)]
    assert "429.097.037.155.655.225" in drawn
    assert "11.100.000.217.612.319" in drawn
