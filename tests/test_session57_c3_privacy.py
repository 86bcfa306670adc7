"""Session 57, C3: the posted list's leaks session 57's review (R5) found and left: a person's
number grouped by '/' or ',' ('CCCD 001204/012345', '0912/345/678', '0912,345,678'), a CCCD
by 6-6 ('CCCD 001204-012345', 'CCCD 001204.012345'), and pieces joined by a bare '.'
('12-12-1991.0774.395.755'): each posted whole, a digit of the number beyond its last 4 shown.

Fixed: a CCCD 6-6 by a mark, its 12 digits from 0 and its century digit 0-3 ('CCCD
001204-012345' is 'CCCD ********2345'), each failing before. Not fixed this session (C3's
time ran out before a fix was proven safe): '/', ',' and the bare '.' join, each cell pinned
here as it must be posted, marked ``xfail(strict=True)``, so that the fix that comes turns
them into passes (a strict xfail that passes fails the run and must be unmarked). The shapes
the list keeps as written pass before and after. Session 58 (C): '/' and ',' masked, their
xfails unmarked; the bare '.' join still pinned as a strict xfail. Session 59 (C2): the bare '.' join
masked, its xfail unmarked. Session 67 (E): the random cells joined by a bare '.' (seed 5) show
no hidden digit, their xfail unmarked."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.random_cells import cells, shown_places

# (as written, as posted), by hand: the number 8 stars and its last 4 digits. Before: whole.
# A CCCD 6-6 by a dash or a dot, masked since C3
SIXES = [
    ("CCCD 001204-012345", "CCCD ********2345"),
    ("CCCD 001204.012345", "CCCD ********2345"),
    ("001204 - 012345", "********2345"),
    ("Lò Văn A 001204-012345 ĐT 0912345678", "Lò Văn A ********2345 ĐT ********5678"),
    ("TL-001204-012345", "TL-********2345"),
]


@pytest.mark.parametrize(("written", "posted"), SIXES)
def test_a_cccd_by_sixes_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [w for w, _ in SIXES])
def test_the_quick_look_flags_a_cccd_by_sixes(written):
    assert may_hold_id(written)


# Not a CCCD's shape: its century digit 4-9, or from 1-9, or 5-7 (kept as before)
NOT_SIXES = ["001904-012345", "101204-012345", "01204-012345", "2024.000123"]


@pytest.mark.parametrize("written", NOT_SIXES)
def test_no_cccd_shape_by_sixes_is_kept(written):
    assert mask_ids_in(written) == written


# By '/' or ',': masked since session 58 (C), each failing before
SLASHED = [
    ("CCCD 001204/012345", "CCCD ********2345"),
    ("0912/345/678", "********5678"),
    ("0912,345,678", "********5678"),
    ("CCCD 001,204,012,345", "CCCD ********2345"),
]
# Joined by a bare '.': left by session 58 (C), masked since session 59 (C2), failing before
LEAKS = [
    ("12-12-1991.0774.395.755", "12-12-1991.********5755"),
    ("Tổ 12.079 746 5075", "Tổ 12.********5075"),
]


@pytest.mark.parametrize(("written", "posted"), SLASHED)
def test_a_persons_number_by_a_slash_or_comma_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), LEAKS)
def test_a_persons_number_so_written_is_masked(written, posted):
    assert mask_ids_in(written) == posted


# The byte look's twin of each (R5: every rule of `_persons` has one in `may_hold_id`); 'Tổ
# 12.079 746 5075' is flagged already
@pytest.mark.parametrize("written", [w for w, _ in SLASHED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


# (a strict xfail until session 59, C: the quick look flags 9 digits from 0 grouped after a
# dot as after a dash; the masking of it is still left, above)
def test_the_quick_look_flags_a_number_after_a_bare_dot():
    assert may_hold_id("12-12-1991.0774.395.755")


def test_the_quick_look_flags_a_spaced_number_after_a_dot():
    assert may_hold_id("Tổ 12.079 746 5075")


# Random cells (tests.random_cells, seed 5, 1,000 cells): by a dash or a dot, a CCCD by 6-6
# among them (160 at 1924e2d7, 0 since C3); joined by a bare '.' (312 show a
# hidden digit at 1924e2d7), or a person's number grouped by '/' or ',' (704 each; 0 since
# session 58, C)
RANDOM = [(" ", "/"), (" ", ",")]


def shown_hidden(joiner: str, inner: str | None) -> list[tuple[str, str]]:
    return [(c.text, mask_ids_in(c.text)) for c in cells(5, 1_000, joiner, inner)
            if c.secret & shown_places(c.text, mask_ids_in(c.text))]  # fmt: skip


@pytest.mark.parametrize(("joiner", "inner"), RANDOM)
def test_no_random_cell_so_written_shows_a_hidden_digit(joiner, inner):
    assert shown_hidden(joiner, inner) == []


# (a strict xfail until session 67, E: its one cell left, '000.221.138.832.504.232.900.000
# đồng', the CCCD's '000' shown, is '********2504.232.900.000 đồng')
def test_no_random_cell_joined_by_a_bare_dot_shows_a_hidden_digit():
    assert shown_hidden(".", None) == []


@pytest.mark.parametrize("joiner", [" ", ", ", "-"])
def test_no_random_cell_with_a_cccd_by_sixes_shows_a_hidden_digit(joiner):
    assert shown_hidden(joiner, "-.") == []


def test_the_quick_look_flags_every_random_cell_masked():
    """`may_hold_id` agrees: each cell the list masks any of is flagged (a column it passes is
    posted as it is)."""
    drawn = [c.text for c in cells(6, 2_000, " ", "-.")]
    assert [t for t in drawn if mask_ids_in(t) != t and not may_hold_id(t)] == []


def test_the_draws_hold_the_shapes():
    """No empty draw: a CCCD 6-6 by '/' and a phone 4-3-3 by ',' are among them (seen in the
    draws, each a shape the list must mask)."""
    assert "Xóm 3 015336/819303" in [c.text for c in cells(5, 1_000, " ", "/")]
    assert "09/01/2021 SĐT 0545,116,568 NM" in [c.text for c in cells(5, 1_000, " ", ",")]


# Kept as written, before and after: dates, amounts, codes
KEPT = ["12/03/2024", "05-11-2024-11-02-2025", "1.500.000,50 đồng", "2,5 ha", "NM.212.345.678",
        "TL.01.001", "BC-2025-000009", "Thu nhập 2,000,000 đồng", "01/01/2024-31/12/2024"]  # fmt: skip


@pytest.mark.parametrize("written", KEPT)
def test_dates_amounts_and_codes_are_kept(written):
    assert mask_ids_in(written) == written
