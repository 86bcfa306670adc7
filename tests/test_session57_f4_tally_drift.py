"""Session 57 (helper F4): tables.TableTallies' running figures (=SUM, =AVERAGE, =COUNTA,
=COUNTIF of a column over the rows taken so far and over the rows holding a code under a row)
copy the rules of the functions that ask a list of rows (tables.column_answers): which cells
count, texts folded, numbers typed as text summed but counted as text. If one of them changes
and the other does not, these tests fail.

For fixed seeds: a grid of rows ``[code, cell]`` (the code None or 'M<n>') whose cells are mixed
(whole numbers, fractions, numbers typed as text with '.' or ',' grouping, blanks, None, dates,
booleans, texts in any case and in NFD, '2 hộ'); rows taken as a reader takes them (some left
out), and rows asked in order (and sometimes higher up again). At each ask, the tally and the
plain functions over the same rows must answer alike for the tally's own figures (its sum, its
average, each count from 0 to the rows' number), and each side says yes to its own sum: a
rule that differs moves one side's figure, and the other side says no to it.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime

import pytest

from pipeline.tables import TableTallies, column_answers

_TEXTS = ["Nữ", "nữ", "NỮ", "Nu", "Nam", "Tày", "tày", "Tay", "Kinh", "2 hộ", "Hộ nghèo"]
_TYPED = ["1.200.000", "3,940", " 8 ", "4", "1.500,5", "12"]


def _cell(rng: random.Random):
    """One random cell of any of the kinds a roster's column holds."""
    kind = rng.randrange(12)
    if kind == 0:
        return rng.randint(-3, 2_000_000)
    if kind == 1:
        return rng.choice([0.1, 0.25, 1.5, 3.3, 1_234_567.89, rng.random() * 1000])
    if kind == 2:
        return rng.choice(_TYPED)
    if kind == 3:
        return rng.choice(["", "  ", "\u00a0"])
    if kind == 4:
        return None
    if kind == 5:
        return date(1950 + rng.randrange(60), rng.randint(1, 12), rng.randint(1, 28))
    if kind == 6:
        return datetime(2024, rng.randint(1, 12), 1, rng.randrange(24))
    if kind == 7:
        return rng.choice([True, False])
    if kind == 8:
        return unicodedata.normalize("NFD", rng.choice(_TEXTS))
    return rng.choice(_TEXTS)


def _grid(rng: random.Random, n: int) -> list[list]:
    return [[f"M{i}" if rng.random() < 0.8 else None, _cell(rng)] for i in range(n)]


def _probes(tally, n: int) -> list[float]:
    """The tally's own figures, off them by more or less than the averages' half đồng (a
    running sum of fractions taken out by subtraction may differ from the rows added anew in
    its last binary digits: not asked on the edge), and every count ``n`` rows can have."""
    values = [tally.total, tally.total + 1, tally.total - 0.7, tally.total + 0.3]
    if tally.many:
        average = tally.numbers / tally.many
        values += [average, average + 0.7, average - 0.7, average + 0.3, average - 0.3]
    return values + list(range(n + 2))


def _same_answers(tally, cells: list, typed: bool, n: int, where: str) -> None:
    average = tally.numbers / tally.many if tally.many else None
    for value in _probes(tally, n):
        kept = [tally.sums(value), tally.averages(value), tally.counts(value)]
        plain = list(column_answers(value, cells, typed))
        if average is not None and abs(abs(average - value) - 0.5) < 1e-9 * max(1, abs(value)):
            kept[1] = plain[1] = None  # on the half đồng's edge: the last binary digits decide
        assert kept == plain, (where, value, cells)
    # each side finds its own sum: the sums are the same figure
    assert tally.sums(tally.total) and column_answers(tally.total, cells, typed)[0], where


@pytest.mark.parametrize("typed", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_tallies_over_rows_above_answer_as_the_rows_do(seed, typed):
    rng = random.Random(seed)
    grid = _grid(rng, rng.randint(1, 40))
    taken: list[int] = []
    tallies = TableTallies(grid, taken, [0], (), [None] * len(grid))
    for i in range(len(grid)):
        if rng.random() < 0.85:
            taken.append(i)  # the reader takes the row (a household)
        if rng.random() < 0.4:  # a subtotal-like row asks the rows taken so far
            tally = tallies.taken_so_far(1, typed)
            cells = [grid[j][1] for j in taken]
            _same_answers(tally, cells, typed, len(cells), f"seed {seed}, above row {i}")


@pytest.mark.parametrize("typed", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_tallies_over_coded_rows_under_answer_as_the_rows_do(seed, typed):
    rng = random.Random(1000 + seed)
    grid = _grid(rng, rng.randint(1, 40))
    tallies = TableTallies(grid, [], [0], (), [None] * len(grid))
    asked = sorted(rng.sample(range(len(grid)), rng.randint(1, len(grid))))
    if len(asked) > 2 and rng.random() < 0.5:
        asked.insert(len(asked) - 1, asked[0])  # asked higher up again: built anew
    for index in asked:
        tally = tallies.coded_under(index, 1, typed)
        cells = [row[1] for row in grid[index + 1 :] if row[0] is not None]
        _same_answers(tally, cells, typed, len(cells), f"seed {seed}, under row {index}")
