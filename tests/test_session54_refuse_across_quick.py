"""Session 54 (helper A): `rosterchecks.rows_refuse_across` answers none at once where every
row is valid (a month with nothing to tell), counting rows by list only where one may be
left out; the same answer as counting on every shape the quick answer guards and beside it.

Worked by hand: three lists of 2, 3 and 1 rows (owners 0 0 1 1 1 2)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline.rosterchecks import rows_refuse_across
from pipeline.types import Submission

OWNERS = np.array([0, 0, 1, 1, 1, 2])


def _subs() -> list[Submission]:
    return [
        Submission(f"DS_{name}_2024-05.xlsx", Path(f"DS_{name}_2024-05.xlsx"), "roster", name)
        for name in ("BanCo", "NaMon", "KheVai")
    ]


def _said(refused: dict) -> list[tuple]:
    return [(p, i.code, i.file, i.hamlet, i.detail, i.variant) for p, i in refused.items()]


def test_every_row_valid_refuses_none():
    assert rows_refuse_across(np.ones(6, dtype=bool), OWNERS, _subs()) == {}
    # as a list of Python booleans, as `check` may hand it, and with `check`'s ``before``
    valid = [True] * 6
    assert rows_refuse_across(valid, OWNERS, _subs(), np.ones(6, dtype=bool)) == {}


def test_no_row_at_all_refuses_none():
    empty = np.array([], dtype=np.int64)
    assert rows_refuse_across(np.array([], dtype=bool), empty, _subs()) == {}


def test_a_list_whose_every_row_is_left_out_is_refused_beside_the_quick_answer():
    # NaMon's three rows left out (codes another list writes), BanCo's second too: NaMon is
    # refused, 3 rows read; BanCo keeps one and KheVai its only one
    valid = np.array([True, False, False, False, False, True])
    assert _said(rows_refuse_across(valid, OWNERS, _subs())) == [
        (1, "all-rows-rejected", "DS_NaMon_2024-05.xlsx", "NaMon", "3", "across")
    ]
    # one row left out, no list without a row kept: none (the exact count, not the quick test)
    one = np.array([True, True, True, False, True, True])
    assert rows_refuse_across(one, OWNERS, _subs()) == {}
    # KheVai's only row left out: refused with 1 read; BanCo and NaMon keep theirs
    last = np.array([True, True, True, True, True, False])
    assert _said(rows_refuse_across(last, OWNERS, _subs())) == [
        (2, "all-rows-rejected", "DS_KheVai_2024-05.xlsx", "KheVai", "1", "across")
    ]


def test_a_list_whose_own_rows_all_fail_is_left_to_rows_refuse():
    # `check`: NaMon's own rows all fail (``before``), refused by rows_refuse already; KheVai's
    # one valid row left out across the commune, refused here
    before = np.array([True, True, False, False, False, True])
    valid = np.array([True, True, False, False, False, False])
    assert _said(rows_refuse_across(valid, OWNERS, _subs(), before)) == [
        (2, "all-rows-rejected", "DS_KheVai_2024-05.xlsx", "KheVai", "1", "across")
    ]
