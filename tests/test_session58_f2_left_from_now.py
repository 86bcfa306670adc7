"""Session 58 (helper F2): `timeline.departures`'s ``left_from`` holds the month run's own
leavings too (its ``now`` walk adds them), and `moves.OlderHeads` reads it for a household
back on the lists (``back``). Pinned: a household that leaves now is on none of this month's
rows, so OlderHeads, asked only of a code counted now, never reads this month's leaving as an
earlier one; a code listed now in another hamlet keeps the hamlet it left from before."""

from __future__ import annotations

import pandas as pd

from pipeline import timeline


def _rows(*rows):
    return pd.DataFrame(rows, columns=["period", "hamlet", "hh_key", "status"])


def test_left_from_holds_this_months_leavings_only_for_codes_on_no_row_now():
    """January: A lists k1, k2; B lists b1. February: A without k2 (k2 left from A). March: k2
    back in A. April (the month run): A lists k3 alone (k1 leaves now, from A); B lists b1 and
    k2 (k2 moved there: it is on a row now, so it does not leave now). By hand: left_now {k1};
    left_from k2 -> A (February's leaving, kept though listed again, read by OlderHeads for k2
    new in B), k1 -> A (April's, of a code on no row now, which no table asks OlderHeads of)."""
    history = _rows(
        ("2024-01", "A", "id|k1", "poor"),
        ("2024-01", "A", "id|k2", "poor"),
        ("2024-01", "B", "id|b1", "poor"),
        ("2024-02", "A", "id|k1", "poor"),
        ("2024-02", "B", "id|b1", "poor"),
        ("2024-03", "A", "id|k1", "poor"),
        ("2024-03", "A", "id|k2", "poor"),
        ("2024-03", "B", "id|b1", "poor"),
    )
    now = _rows(
        ("2024-04", "A", "id|k3", "poor"),
        ("2024-04", "B", "id|b1", "poor"),
        ("2024-04", "B", "id|k2", "poor"),
    ).drop(columns="period")
    left = timeline.departures(history, now=("2024-04", now, {}))
    assert left.left_now == frozenset({"id|k1"})
    assert left.left_from == {"id|k2": "A", "id|k1": "A"}
    assert left.ever == {"id|k2"}
    assert not left.left_now & set(now["hh_key"])
