"""Session 59, C2: the posted list's leaks helper C (session 59) found and left: a CCCD 6-6 by a
single space among other groups ('125 070293 720521', '017056 572672 459'), and pieces joined
by a bare '.' ('12-12-1991.0774.395.755', 'Tổ 12.079 746 5075', a date by dots before a phone
'12.03.2024.0912.345.678'): each posted whole, a digit of the number beyond its last 4 shown.

Each cell below is worked out by hand: the person's number 8 stars and its last 4 digits, what
is around it as written. The masked ones failed before (posted whole); the kept ones pass
before and after (nothing kept before is masked now)."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.random_cells import cells, shown_places

# A CCCD 6-6 by a single space among more groups: its 12 digits from 0, its 4th (the century
# digit) 0-3
SIXES_AMONG = [
    ("125 070293 720521", "125 ********0521"),
    ("017056 572672 459", "********2672 459"),
    ("Tổ 3 001204 012345", "Tổ 3 ********2345"),
    ("CCCD 034185 004321 cấp 2021", "CCCD ********4321 cấp 2021"),
]
# Joined by a bare '.' to what goes before or after it: another mark's number, a date by
# dashes or by dots, a small number
DOT_JOINED = [
    ("12-12-1991.0774.395.755", "12-12-1991.********5755"),
    ("Tổ 12.079 746 5075", "Tổ 12.********5075"),
    ("Tổ 12.0912-345-678", "Tổ 12.********5678"),
    ("ngày 12.03.2024.0912.345.678", "ngày 12.03.2024.********5678"),
    ("0912.345.678.12.03.2024", "********5678.12.03.2024"),
    ("12.03.2024.212.345.678", "12.03.2024.********5678"),
    ("12.03.2024.001.204.012.345", "12.03.2024.********2345"),
    ("01.01.2024.31.12.2024.0912.345.678", "01.01.2024.31.12.2024.********5678"),
]
# Kept as written, before and after: dates, amounts, codes, years, a range of dates by dots,
# two 6-digit groups no CCCD's (its 4th digit 4-9, or not from 0)
KEPT = [
    "12.03.2024.12.04.2024",
    "Vay 12.000.000.12.03.2024",
    "Vay 12.000.000 đồng, 12.03.2024",
    "TL.01.001",
    "NM.212.345.678",
    "HN.2024.000123",
    "167.06277.001",
    "2.550.000 đồng",
    "1 500 000 000 đồng",
    "125 070993 720521",
    "125 170293 720521",
    "2019 2020 2021 2022",
    "12.03.2024",
    "ngày 12/03/2024, 20,000,000 đồng",
]


@pytest.mark.parametrize(("written", "posted"), SIXES_AMONG + DOT_JOINED)
def test_a_persons_number_so_written_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [w for w, _ in SIXES_AMONG + DOT_JOINED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize("written", KEPT)
def test_kept_as_written(written):
    assert mask_ids_in(written) == written


def shown_hidden(seed: int, joiner: str, inner: list[str] | None) -> list[tuple[str, str]]:
    found = []
    for c in cells(seed, 1_000, joiner, inner):
        posted = mask_ids_in(c.text)
        if c.secret & shown_places(c.text, posted):
            found.append((c.text, posted))
    return found


# Random cells whose persons' numbers are grouped by a mix of ' /', '/', ' ' and '.' (a CCCD
# 6-6 by a single space among them): 14, 20 and 16 of 1,000 showed a hidden digit before
@pytest.mark.parametrize("seed", [5, 6, 7])
def test_no_random_cell_of_mixed_marks_shows_a_hidden_digit(seed):
    assert shown_hidden(seed, " ", [" /", "/", " ", "."]) == []


def test_the_draws_hold_a_cccd_by_sixes_by_a_space():
    """No empty draw: a CCCD 6-6 by a single space among other groups is among the cells (seen
    in the draws; posted whole before)."""
    drawn = [c.text for c in cells(5, 1_000, " ", [" /", "/", " ", "."])]
    assert "Xóm 3 000175 673343 770 248" in drawn
    assert mask_ids_in("Xóm 3 000175 673343 770 248") == "Xóm 3 ********3343 770 248"
