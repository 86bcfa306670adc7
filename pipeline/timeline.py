"""Month after month: baselines and returns to poverty from the stored history. Pure, no I/O.

History frames have the columns of ``HistoryStore.households``: period,
hamlet, hh_key, ma_ho, chu_ho, nam_sinh, status.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import NamedTuple, Protocol

import numpy as np
import pandas as pd

from pipeline.figures import (
    NOT_COUNTED,
    holder_by_name,
    keys_of,
    listed_where,
    near_pairs,
    one_each,
)
from pipeline.types import FROM_AGE


class KeyNames(Protocol):
    """A stored month's (hamlet, head's name, birth year) key of a household key, asked one key
    at a time (figures.NameKeys; a dict in tests): None where it names no head or no year."""

    def get(self, key: str, default: str | None = None, /) -> str | None: ...


def previous_period(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7])
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def same_month_last_year(period: str) -> str:
    return f"{int(period[:4]) - 1}{period[4:]}"


def as_baseline(history: pd.DataFrame, period: str) -> pd.DataFrame:
    """One stored period's households in the shape ``figures.movements`` takes, with whether
    each year was read from an age where the history says (``nam_sinh_from_age``: the store's
    since schema 5, figures.aged_name_keys)."""
    rows = history[history["period"] == period]
    aged = {FROM_AGE: rows[FROM_AGE].to_numpy()} if FROM_AGE in rows.columns else {}
    return pd.DataFrame(
        {
            "hamlet": rows["hamlet"].to_numpy(),
            "hh_key": rows["hh_key"].to_numpy(),
            "ma_ho": rows["ma_ho"].to_numpy(),
            "chu_ho": rows["chu_ho"].to_numpy(),
            "nam_sinh": rows["nam_sinh"].to_numpy(),
            "phan_loai": rows["status"].to_numpy(),
            **aged,
        }
    )


def start_state(start: pd.DataFrame, year: int) -> pd.DataFrame:
    """The plan's start-of-year list as a history period ``YYYY-00`` (before the year's January,
    after last year's December), in the columns :func:`exited_before` walks."""
    return pd.DataFrame(
        {
            "period": f"{year}-00",
            "hamlet": start["hamlet"].to_numpy(),
            "hh_key": keys_of(start),
            "status": start["phan_loai"].to_numpy(),
        }
    )


class Departures(NamedTuple):
    """What :func:`departures` finds in a history."""

    ever: set[str]  # households that left the lists at some point (tái nghèo when back)
    # per period asked for: households on no list at its end though a row left out for an error
    # may hold them: they had left and are not back (such a row puts none back), or they were
    # first written in such a row after their hamlet had reported (never on a list before)
    out_at: dict[str, set[str]]
    # households out of the lists at the end of the history given, by the period they left them
    # last ('YYYY-MM'; one marked 'Thoát' too)
    left_in: dict[str, str]
    # those households (``left_in``'s) -> the period of their latest row on a list or written
    # 'Thoát' (where their name and code as written are stored)
    seen: dict[str, str] = {}
    # the month ``now`` gives (:func:`departures`): key on its lists -> (the key of a household
    # out of the lists it is, back under another code; the period and hamlet of that one's
    # latest row)
    back_now: dict[str, tuple[str, str, str]] = {}
    # hh_key -> the hamlet of its row before it last left the lists (gone from it, or written
    # 'Thoát' there), kept once it is listed again, and once its household is under another
    # code (re-coded, or back so): whose household's leaving a return of its code would be
    # (moves.OlderHeads)
    left_from: dict[str, str] = {}
    # per period walked: the households gone from its lists that a row left out for an error in
    # their hamlet held by their head's ID number alone (:func:`_held_by_id`) -> that hamlet:
    # a month's table compared with that period's lists counts such a one again, as one held by
    # name (figures.movements_of's baseline rows left out; session 52)
    held_by_id: dict[str, dict[str, str]] = {}
    # hh_key -> (the start list's period 'YYYY-00' it last left the lists at, the period of its
    # latest row on a list before), kept once it is listed again (a household new under a code
    # the start list freed: whether that code left only as the start list renumbered its
    # household, baselines.renumbered_at_turn; session 55's review)
    left_at_turn: dict[str, tuple[str, str]] = {}
    # as ``back_now``, of the history's months: key -> (the key of the household out of the
    # lists it was found back as, the period and hamlet of that one's latest row before);
    # a household the start list renumbered into another hamlet kept here is no return in a
    # later month either (baselines, session 57)
    back_before: dict[str, tuple[str, str, str]] = {}
    # the walk's months and ``now``'s: key -> (the key of the household it re-codes, gone from
    # its hamlet's list the month the key arrived there, one head by name: :func:`_recoded`;
    # the period and hamlet of that one's latest row), so that one kept at the turn
    # (``back_before``) stays kept under its next code (session 58)
    recoded_from: dict[str, tuple[str, str, str]] = {}
    # the households gone from ``now``'s lists of their hamlet (their hamlet reporting): left
    # the lists this month
    left_now: frozenset[str] = frozenset()
    # those households (``left_now``'s) -> (the period, the hamlet) of their latest row on a
    # list, as ``seen`` and ``left_from`` tell one out at the end of the history (session 59)
    seen_now: dict[str, tuple[str, str]] = {}
    # per period walked (and the month run's, ``now``: session 62): the listed households whose
    # code it writes only in another household's rows left out for an error in other hamlets
    # (:func:`_another_household`) -> those rows' hamlets: not the household's listing there,
    # for the tables either (session 61)
    others: dict[str, dict[str, list[str]]] = {}
    # hh_key -> the latest period walked in which a row left out for an error held it (by its
    # head's name or ID number: :func:`_held_by_name`), its code missing from its hamlet's list
    # then: on that list, whatever it is keyed by (session 62, A)
    held_named: dict[str, str] = {}


def exited_before(
    history: pd.DataFrame,
    accepted: dict[str, set[str]] | None = None,
    name_keys: Callable[[str], KeyNames] | None = None,
) -> set[str]:
    """Households that left the lists at some point of the history given (:func:`departures`)."""
    return departures(history, accepted, name_keys).ever


def departures(
    history: pd.DataFrame,
    accepted: dict[str, set[str]] | None = None,
    name_keys: Callable[[str], KeyNames] | None = None,
    out_at: Collection[str] = (),
    now: tuple[str, pd.DataFrame, KeyNames] | None = None,
    ids: Callable[[str], list[tuple[str, str]]] | None = None,
    merged: dict[str, str] | None = None,
    heads: Callable[[str, list[str]], KeyNames] | None = None,
    once: Callable[[str], bool] | None = None,
    unheard: Mapping[str, str] | None = None,
    told: Mapping[str, str] | None = None,
) -> Departures:
    """Households that left the lists at some point of the history given, and those out of the
    lists at the end of each period of ``out_at``.

    A household left when it was marked 'exited', or when it was listed in
    one period and missing from a later period in which its hamlet reported.
    ``history`` needs the columns period, hamlet, hh_key and status.
    ``accepted``: per period, the hamlets whose list was accepted (one accepted with no
    household stores no row, yet it reported). ``name_keys(period)``: the (hamlet, head's name,
    birth year) key of each household stored in ``period``, by its hh_key; asked only where a
    household is missing and a row left out for an error may hold it by name (a row without a
    Mã hộ is stored by that key, one with a Mã hộ, perhaps mistyped, by its code): it has not
    left. A household back on a list (poor or near-poor) is in again; one back
    in a row left out for an error ('not_counted') is not: it had left and is not counted yet.
    One first written in such a row, never listed, held nor marked before, in a hamlet that had
    reported before, was on no list either (a row by name that holds a listed household is
    that household's, not a newcomer's). One out of the lists back under another code
    (:func:`_back`) is back: its new code has left the lists too (tái nghèo when new in a
    table); so has the new code of one that had left and is written under it later
    (:func:`_recoded`; session 49). A code listed in another hamlet under another head's name,
    its own hamlet reporting without it, is another household under the code: its household
    left the lists, not moved (its hamlet silent: still there), and the other's rows do not
    take its place until its household is back (:func:`_taken`; session 50). ``ids(key)``: the
    (folded head's name, ID number) of the rows of a code whose ID number is known (the plan's
    start list's, the month run's): a stored row, which keeps none, has the one of such a row
    with its head's name (moves.Heads). ``merged``: a hamlet merged since -> the one it
    joined, whose name ``name_keys`` gives its rows under. ``heads(period, keys)``: as
    ``name_keys``, of those keys' rows alone (read by key: :func:`_taken` asks a few codes of
    every month with a move between hamlets). ``once(number)``: whether the start list's
    households have that ID number once (moves.once_in): a household missing is held too by a
    row left out for an error in its hamlet whose head's ID number (``ids``) is its own, one
    household's (:func:`_held_by_id`; session 51), as the month's tables held it. ``unheard``:
    a start row's key -> the latest month its hamlet was in no plan (baselines._unheard_start):
    its hamlet's lists of the year up to then, sent under a plan that did not give it the row,
    do not take it off the lists (session 63, E; last year's lists do: session 64). ``told``: a
    start row's key -> the month whose record told it gone (baselines._told_by_record: every
    list of that month lacked it, maybe under the hamlet a revision has moved it from since):
    it left the lists then, its hamlet now silent then or not (session 66, S). ``now``: (period,
    rows, their name keys) of the month being run, after the history: who of its lists is such
    a household back (``back_now``), and the new codes of its households re-coded that had
    left (in ``ever``), nothing else walked (its tables read the rows of a code reused at hand).
    """
    exited: set[str] = set()
    snapshots: dict[str, set[str]] = {}
    wanted = sorted(out_at, reverse=True)  # the next one asked for last
    reported_before: set[str] = set()  # hamlets that reported in an earlier period
    held_seen: set[str] = set()  # keys of rows left out for an error so far
    joined: set[str] = set()  # first written in such a row, on no list before, not listed since
    back: set[str] = set()  # out of the lists, back under another code (not listed by this one)
    holders: set[str] = set()  # keys of rows left out for an error that held a listed household
    held_named: dict[str, str] = {}  # Departures.held_named

    def snap_until(period: str | None) -> None:  # the state at the end of each period before
        while wanted and (period is None or wanted[-1] < period):
            out = {key for key in exited if key not in listed and key not in back}
            snapshots[wanted.pop()] = out | joined

    listed: dict[str, tuple[str, str]] = {}  # hh_key -> (hamlet, period) where last on a list
    out_seen: dict[str, tuple[str, str]] = {}  # hh_key out -> (hamlet, period) of its last row
    left_in: dict[str, str] = {}  # hh_key -> the period it last left the lists in
    left_from: dict[str, str] = {}  # hh_key -> the hamlet it last left the lists from
    left_at_turn: dict[str, tuple[str, str]] = {}  # hh_key -> (start list, its row's period)
    named: dict[str, KeyNames] = {}  # name_keys asked, by period
    moved: dict[str, tuple[str, str]] = {}  # in another hamlet now -> (hamlet, period) before
    # out of the lists since another head's row in another hamlet took its code -> (hamlet,
    # period) of its household's last row: such a row is still not its household's
    reused: dict[str, tuple[str, str]] = {}
    starts: set[str] = set()  # the start lists walked ('YYYY-00'): the year's first heads
    codes: list[np.ndarray] = []  # the history's keys as an array, made at the first ask
    back_before: dict[str, tuple[str, str, str]] = {}  # found back: key -> (old, period, hamlet)
    recoded_from: dict[str, tuple[str, str, str]] = {}  # Departures.recoded_from
    others_in: dict[str, dict[str, list[str]]] = {}  # Departures.others

    def listed_there(key: str, hamlet: str) -> list[str]:  # a code's rows in a hamlet (_taken)
        if not codes:
            codes.append(history["hh_key"].to_numpy(dtype=object))
        return older(history, key, hamlet, codes[0])

    held_by_id: dict[str, dict[str, str]] = {}  # per period: held by an ID number -> hamlet
    # listed households the walk moved into another hamlet's row left out under their code
    away: dict[str, str] = {}
    away_at: dict[str, str] = {}  # those (``away``'s) -> the period of that row (session 67, G3)
    # out of the lists, its own head written since in a row left out of another hamlet (a
    # stored month) -> (hamlet, period) of that row: its last row, for a twin's (session 66)
    own_rows: dict[str, tuple[str, str]] = {}
    # those (``own_rows``') -> its head's rows that row was told by (the row may name no head:
    # session 67, X1)
    own_heads: dict[str, list[tuple[str, str]]] = {}

    def held_elsewhere(
        period: str, keys: list, statuses: list, hamlets: list
    ) -> tuple[dict[str, list[str]], set[str]]:
        """The listed households whose code ``period`` writes in rows left out for an error
        (key -> those rows' hamlets), and of them those whose every row of ``period`` is such a
        row of another hamlet than the one the household is listed in, naming another head
        (:func:`_another_household`): another household's rows under its code, which neither
        hold the household there nor make it present (session 61). So too of the households
        out of the lists (left off a list, or by a 'Thoát' row), against the hamlet and month
        of their last row (or of a later row left out of another hamlet naming their own
        head: ``own_rows``, session 66): such rows are not their listing either, for the
        tables (``others``: a month's baseline reads no row of theirs there; session 62, B2;
        session 63, G: one written 'Thoát' last said so, not by the other's row)."""
        held_in: dict[str, list[str]] = {}
        for key, status, hamlet in zip(keys, statuses, hamlets, strict=True):
            if (
                status == NOT_COUNTED
                and key.startswith("id|")
                and (key in listed or key in out_seen)
            ):
                held_in.setdefault(key, []).append(hamlet)
        # one out of the lists (left off its hamlet's list, or marked 'Thoát') is asked too,
        # against its last row: another household's rows do not make it listed, nor are they
        # its last listing (session 62, B2: the oracle's seeds 1097, 1102; a 'Thoát' row stays
        # its last, its 'before' said so: session 63, G)
        last = {key: listed[key] if key in listed else _latest(out_seen[key], own_rows.get(key))
                for key in held_in}  # fmt: skip
        asked = {key: there for key, there in held_in.items() if last[key][0] not in there}
        if not asked or name_keys is None:
            return held_in, set()
        counted = {key for key, status in zip(keys, statuses, strict=True)
                   if status != NOT_COUNTED and key in asked}  # fmt: skip
        asked = {key: there for key, there in asked.items() if key not in counted}
        if not asked:
            return held_in, set()
        start = f"{period[:4]}-00" if f"{period[:4]}-00" in starts else None
        # one the walk moved into such a row is asked by that row's head too: its listing's
        # rows may lie only in the hamlet asked now (session 67, G3: the `--apart` seed 3166)
        held = {key: away_at[key] for key in asked if key in away}
        told = {key: own_heads[key] for key in asked if last[key] == own_rows.get(key)}
        return held_in, _another_household(asked, period, last, name_keys, named, start, ids,
                                           heads, held, told)  # fmt: skip

    def leave(period: str, keys: list, statuses: list, hamlets: list, others: set[str]):
        """The households gone from ``period``'s lists (taken off ``listed``, out), the rows
        by name that hold a listed household, and those back under another code. ``others``:
        households whose code ``period`` writes only in another household's rows left out for
        an error elsewhere (:func:`_another_household`): not present by them."""
        present = set(keys) - others if others else set(keys)
        reported = set(hamlets) | (accepted or {}).get(period, set())
        gone = [key for key, (hamlet, _) in listed.items()
                if hamlet in reported and key not in present]  # fmt: skip
        if unheard and gone:  # (a start row its hamlet's lists of the year before a gap
            # said nothing of; last year's lists said what they said: session 64)
            gone = [key for key in gone if not _unheard_then(unheard.get(key), period)]
        if told:  # told gone by that month's record, its hamlet now silent then (session 66, S)
            had = set(gone)
            gone += [key for key, month in told.items()
                     if month == period and key in listed and key not in present
                     and key not in had]  # fmt: skip
        held_here = [key for key, status in zip(keys, statuses, strict=True)
                     if status == NOT_COUNTED]  # fmt: skip
        holding: set[str] = set()  # rows by name that hold a listed household
        if gone and held_here and name_keys is not None:
            was = gone
            gone, holding, by_id = _held_by_name(
                gone, held_here, period, lambda key: listed[key][1], name_keys, named, ids, once
            )
            if len(gone) < len(was):
                still = set(gone)
                held_named.update((key, period) for key in was if key not in still)
            if by_id:
                held_by_id[period] = {key: listed[key][0] for key in by_id}
            joined.difference_update(holding)  # holds a listed household now: no newcomer's
            holders.update(holding)
        # one the walk has in another hamlet's row left out under its code (held_in below), that
        # hamlet silent now, held by name in its own hamlet's row: that row is its household's,
        # not a newcomer's, and the household is there now (session 60, B: seed 1963)
        elsewhere = [key for key in away if key in listed and key not in present
                     and listed[key][0] not in reported]  # fmt: skip
        if elsewhere and held_here and name_keys is not None:
            free = [key for key in held_here if not key.startswith("id|") and key not in holding]
            kept, more, _ = _held_by_name(
                elsewhere, free, period, lambda key: listed[key][1], name_keys, named
            ) if free else (elsewhere, set(), set())  # fmt: skip
            if more:
                joined.difference_update(more)
                holders.update(more)
                holding |= more
                row_hamlet = dict(zip(keys, hamlets, strict=True))
                kept_set = set(kept)
                for key in [key for key in elsewhere if key not in kept_set]:
                    row = holder_by_name(named[listed[key][1]].get(key), more)
                    if row is not None:
                        listed[key] = (row_hamlet[row], listed[key][1])
                        del away[key]
        # under a code not listed, gone or held before: a row that held a listed household by
        # name is that household's (a code written otherwise in a row with an error)
        arrived = [(key, hamlet) for key, status, hamlet in zip(keys, statuses, hamlets, strict=True)
                   if status in ("poor", "near_poor") and key.startswith("id|")
                   and key not in listed and (key in back or key not in exited
                                              and (key not in held_seen or key in holders))
                   ] if (gone or out_seen) and name_keys is not None else []  # fmt: skip
        recoded = {}
        if gone and arrived and name_keys is not None:
            recoded = _recoded(gone, [key for key, _ in arrived], period, listed, name_keys, named)
            gone = [key for key in gone if key not in recoded.values()]
        for new, key in recoded.items():  # under another code now: neither listed nor out
            hamlet, last = listed.pop(key)
            recoded_from[new] = (key, last, hamlet)
            left_in.pop(key, None)
        # its household had left the lists before: so had its new code (tái nghèo when new in a
        # table, as its old code was: the year's table counts it back whichever code it has)
        inherited = {key for key, old in recoded.items() if old in exited}
        exited.update(gone)
        for key in gone:
            out_seen[key] = listed.pop(key)
            left_in[key] = period
            left_from[key] = out_seen[key][0]
            if period.endswith("-00"):
                left_at_turn[key] = (period, out_seen[key][1])
        arrived = [(key, hamlet) for key, hamlet in arrived
                   if key not in recoded and key not in back]  # fmt: skip
        if not arrived or not out_seen or name_keys is None:
            return reported, holding, {}, inherited
        # one out whose own code the period writes (a 'Thoát' kept on) is no other's: two
        # households, as the year's table has them (session 42's review)
        out = {key: seen for key, seen in out_seen.items() if key not in present}
        found = _back(arrived, out, period, name_keys, named, set(gone)) if out else {}
        return reported, holding, found, inherited

    for period, rows in history.groupby("period", sort=True):
        snap_until(period)
        if period.endswith("-00"):
            starts.add(period)
        keys, statuses, hamlets = (
            rows["hh_key"].tolist(),
            rows["status"].tolist(),
            rows["hamlet"].tolist(),
        )
        held_in, others = held_elsewhere(period, keys, statuses, hamlets)
        if others:
            others_in[period] = {key: held_in[key] for key in others}
        reported, holding, found, inherited = leave(period, keys, statuses, hamlets, others)
        exited.update(inherited)
        for key, old in found.items():  # one household: its new code left the lists too
            exited.add(key)
            back.add(old)
            back_before[key] = (old, out_seen[old][1], out_seen[old][0])
            del out_seen[old]
            left_in.pop(old, None)
        # a listed household written by its code in rows left out for an error only in other
        # hamlets is where those rows are: missing later while that hamlet is silent, it has
        # not left (a move into a row with an error: docs/decisions.md, sessions 10 and 39);
        # not where those rows name another head: another household's (session 61)
        for key, there in held_in.items():
            if key in listed and listed[key][0] not in there and key not in others:
                start = f"{period[:4]}-00" if f"{period[:4]}-00" in starts else None
                hamlet = _own_holder(key, there, period, listed, name_keys, named, start, ids,
                                     heads)  # fmt: skip
                away[key] = hamlet
                away_at[key] = period
                listed[key] = (hamlet, listed[key][1])
        # one out of the lists whose own head a row left out of another hamlet names (its
        # hamlet's row then, if any, naming another head): that row is its last, so another
        # head's row under its code in the hamlet it left holds it not later (session 66, A2:
        # the oracle's `_last_listed_in`, seed 2967)
        for key, there in held_in.items():
            if (
                key in out_seen
                and key not in others
                and name_keys is not None
                and any(h != out_seen[key][0] for h in there)
            ):
                was = _latest(out_seen[key], own_rows.get(key))
                start = f"{period[:4]}-00" if f"{period[:4]}-00" in starts else None
                hamlet = _own_row_elsewhere(key, there, period, was, name_keys, named, start,
                                            ids, heads, merged, own_heads)  # fmt: skip
                if hamlet is not None:
                    own_rows[key] = (hamlet, period)
        for key, status, hamlet in zip(keys, statuses, hamlets, strict=True):
            if status in ("exited", "poor", "near_poor"):
                away.pop(key, None)
            if status == "exited":
                exited.add(key)
                if key in listed or key not in left_in:
                    left_in[key] = period
                    left_from[key] = hamlet
                listed.pop(key, None)
                out_seen[key] = (hamlet, period)
                joined.discard(key)
            elif status in ("poor", "near_poor"):
                was = listed.get(key) or reused.get(key)
                if was is not None and was[0] != hamlet and name_keys is not None:
                    moved[key] = was  # listed in another hamlet before: a move, or a code reused
                listed[key] = (hamlet, period)
                out_seen.pop(key, None)
                back.discard(key)
                joined.discard(key)
            elif status == NOT_COUNTED:
                if (hamlet in reported_before and key not in held_seen and key not in listed
                        and key not in exited and key not in holding):  # fmt: skip
                    joined.add(key)
                held_seen.add(key)
        if moved:
            start = f"{period[:4]}-00" if f"{period[:4]}-00" in starts else None
            taken = _taken(moved, period, keys, statuses, hamlets, name_keys, named, start, ids,
                           merged, heads, listed_there)  # fmt: skip
            for key, (was, there) in taken.items():  # another household under it (session 50)
                if key in reused:  # left so before: still out, the other's row not its own
                    del listed[key]
                    out_seen[key] = was
                    continue
                if was[0] not in reported:  # a silent hamlet keeps its household
                    listed[key] = was
                    continue
                del listed[key]  # its household left the lists from its hamlet
                exited.add(key)
                out_seen[key] = was
                left_in[key] = period
                reused[key] = was
                if left_from.get(key) != there:  # not the code's own back where it left
                    left_from[key] = was[0]
            moved.clear()
        for key in [key for key in reused if key in listed or key in back]:
            del reused[key]  # its household listed again (by that code, or back under another)
        reported_before |= reported
    snap_until(None)
    ever = exited if now is None else set(exited)  # the month run below adds to none of these
    out = {k: p for k, p in left_in.items() if k not in listed}
    result = Departures(ever, snapshots, out, {k: out_seen[k][1] for k in out},
                        left_from=left_from, held_by_id=dict(held_by_id),
                        left_at_turn=left_at_turn, back_before=back_before,
                        recoded_from=dict(recoded_from), others=others_in,
                        held_named=dict(held_named))  # fmt: skip
    if now is None:
        return result
    period, rows, names = now  # the month run: walked as far as who is back under a new code
    named[period] = names
    keys, statuses, hamlets = (rows[c].tolist() for c in ("hh_key", "status", "hamlet"))
    held_now, others = held_elsewhere(period, keys, statuses, hamlets)
    if others:  # the month run's too: its tables read no listing from them (session 62)
        others_in[period] = {key: held_now[key] for key in others}
    _, _, back_now, inherited = leave(period, keys, statuses, hamlets, others)
    left_now = frozenset(key for key, p in left_in.items() if p == period)
    return result._replace(
        ever=ever | inherited if inherited else ever,
        back_now={key: (old, out_seen[old][1], out_seen[old][0]) for key, old in back_now.items()},
        recoded_from=recoded_from,
        left_now=left_now,
        seen_now={key: out_seen[key][::-1] for key in left_now if key in out_seen},
    )


def _unheard_then(until: str | None, period: str) -> bool:
    """Whether ``period`` is a month of the year up to ``until`` (departures' ``unheard``: the
    latest month of the year a start row's hamlet was in no plan): not last year's."""
    return until is not None and f"{until[:4]}-01" <= period <= until


def same_head(head: tuple[str | None, str], other: tuple[str | None, str]) -> bool:
    """Whether two rows of one code name one household's head, each (head's name folded as
    text.fold folds it, ID number's digits or ""): the names alike, or the same ID number where
    both have one. The tables' rule (moves.code_reused, moves.duplicate_moved) and the history
    walk's (:func:`_taken`): rows of a code in two hamlets naming no head alike are two
    households (session 48). A name None (a blank one) is alike no name."""
    return head[0] is not None and head[0] == other[0] or bool(head[1]) and head[1] == other[1]


def older(
    history: pd.DataFrame, key: str, hamlet: str, keys: np.ndarray | None = None
) -> list[str]:
    """The periods of ``history`` (a year's, as :func:`departures` walks it) in which ``key``
    has a row on a list (poor or near-poor) of ``hamlet``, latest first: a code's older rows in
    the hamlet it left (:func:`_taken`). One look over the history's keys (``keys``: its
    hh_key column as an array, made once a walk) a code asked, as moves.OlderHeads looks (0.03
    s for a province's year of 3.3 million rows), only for a code whose last row and start
    list's row name another head than its row now."""
    if keys is None:
        keys = history["hh_key"].to_numpy(dtype=object)
    rows = history.iloc[np.flatnonzero(keys == key)]
    rows = rows[(rows["hamlet"] == hamlet).to_numpy() & rows["status"].isin(LISTED).to_numpy()]
    return sorted(set(rows["period"].tolist()), reverse=True)


LISTED = ("poor", "near_poor")


def _names_reader(
    named: dict[str, KeyNames],
    name_keys: Callable[[str], KeyNames],
    heads: Callable[..., KeyNames] | None,
) -> Callable[[str, list[str]], KeyNames]:
    """The heads' names of a month's rows, for :func:`_taken`, :func:`_own_holder` and
    :func:`_another_household`: ``heads``' of the codes asked where given (the history read
    for those codes alone), else the walk's ``name_keys`` of the whole month, kept in
    ``named``."""

    def names_of(seen: str, codes: list[str]) -> KeyNames:
        if seen not in named:
            if heads is not None:
                return heads(seen, codes)
            named[seen] = name_keys(seen)
        return named[seen]

    return names_of


def _taken(
    moved: dict[str, tuple[str, str]],
    period: str,
    keys: list,
    statuses: list,
    hamlets: list,
    name_keys: Callable[[str], KeyNames],
    named: dict[str, KeyNames],
    start: str | None = None,
    ids: Callable[[str], list[tuple[str, str]]] | None = None,
    merged: dict[str, str] | None = None,
    heads: Callable[[str, list[str]], KeyNames] | None = None,
    listed_in: Callable[[str, str], list[str]] | None = None,
) -> dict[str, tuple[tuple[str, str], str]]:
    """Of ``moved`` (hh_key -> (hamlet, period) where it was listed before ``period``, for the
    codes ``period`` lists in another hamlet), those another household took: the code's one
    row of ``period`` is counted, in another hamlet than that one (which has no row of it), and
    its head is not the head of its row there nor of the year's start list's row there
    (``start``: a code is one household within a hamlet whatever its head's name, as the
    tables have it), nor of any older row of the year's there (``listed_in(key, hamlet)``: the
    periods with such a row, as moves.OlderHeads reads them for the tables: session 52), by
    :func:`same_head` (a stored row's ID number, which the history does not
    keep, from ``ids``): two households under one code, as the tables have them
    (moves.code_reused; docs/decisions.md, session 48), not a move (session 50). Where a name
    is not known (:func:`_head`; a hamlet merged since asked under the one it joined,
    ``merged``), a move, as before. The names are ``named``'s where the walk read that month,
    else ``heads``' of those codes alone. Each such code -> (that (hamlet, period), the hamlet
    of its row now)."""
    wanted = {key: was for key, was in moved.items() if key.startswith("id|") and was[1] != period}
    if not wanted:
        return {}
    merged = merged or {}
    rows: dict[str, list[tuple[str, str]]] = {}
    for key, status, hamlet in zip(keys, statuses, hamlets, strict=True):
        if key in wanted:
            rows.setdefault(key, []).append((status, hamlet))
    asked = {key: (was, found[0][1]) for key, was in wanted.items()
             if len(found := rows.get(key, [])) == 1 and found[0][0] in ("poor", "near_poor")
             and found[0][1] != was[0]}  # fmt: skip
    if not asked:
        return {}

    names_of = _names_reader(named, name_keys, heads)

    def head_of(names: KeyNames, key: str, hamlet: str) -> str | None:
        return _head(names, key, merged.get(hamlet, hamlet))

    now_names = names_of(period, list(asked))
    now = {key: head_of(now_names, key, there) for key, (_, there) in asked.items()}
    by_month: dict[str, list[str]] = {}
    for key, (was, _) in asked.items():
        if now[key] is not None:
            by_month.setdefault(was[1], []).append(key)
    before: dict[str, list[str]] = {}  # its heads there: its last row's, then the start list's
    for seen, codes in by_month.items():
        names = names_of(seen, codes)
        for key in codes:
            head = head_of(names, key, asked[key][0][0])
            if head != now[key]:
                before[key] = [] if head is None else [head]
    later = [key for key in before if start is not None and start != asked[key][0][1]]
    if later:
        names = names_of(start, later)
        for key in later:
            head = head_of(names, key, asked[key][0][0])
            if head == now[key]:
                del before[key]
            elif head is not None:
                before[key].append(head)
    if listed_in is not None:  # the older rows there (the year's, before its last row)
        asked_older: dict[str, list[str]] = {}
        for key in before:
            was = asked[key][0]
            for seen in listed_in(key, was[0]):
                if seen < was[1] and not seen.endswith("-00") and seen[:4] == period[:4]:
                    asked_older.setdefault(seen, []).append(key)
        for seen in sorted(asked_older, reverse=True):
            names = names_of(seen, asked_older[seen])
            for key in asked_older[seen]:
                if key not in before:
                    continue
                head = head_of(names, key, asked[key][0][0])
                if head == now[key]:
                    del before[key]
                elif head is not None:
                    before[key].append(head)
    taken = {}
    for key, heads_there in before.items():
        known = dict(ids(key)) if ids is not None and heads_there else {}  # the few differing
        mine = (now[key], known.get(now[key], ""))
        if heads_there and not any(same_head(mine, (h, known.get(h, ""))) for h in heads_there):
            taken[key] = asked[key]
    return taken


def _rows_of(names: KeyNames, key: str) -> list[tuple[str, str, str, object, bool]]:
    """(hamlet, folded head, the ID number kept with the row or "", its size, whether it is
    known to be its hamlet's list's one row of the code: figures.NameKeys.alone) of each row
    of ``key`` that ``names`` stores (its last only where it keeps no more)."""
    every = getattr(names, "every", None)
    kept = getattr(names, "numbers", None)
    numbers = kept(key) if kept is not None else {}
    sized = getattr(names, "sizes", None)
    sizes = sized(key) if sized is not None else {}
    single = getattr(names, "alone", None)
    alone = single(key) if single is not None and sizes else {}
    found = []
    for name in every(key) if every is not None else [names.get(key)]:
        if name is not None:
            stored, head, _ = name.rsplit("|", 2)
            found.append((stored[5:], head, numbers.get(name, ""), sizes.get(name),
                          alone.get(name, False)))  # fmt: skip
    return found


def _own_holder(
    key: str,
    there: list[str],
    period: str,
    listed: dict[str, tuple[str, str]],
    name_keys: Callable[[str], KeyNames] | None,
    named: dict[str, KeyNames],
    start: str | None = None,
    ids: Callable[[str], list[tuple[str, str]]] | None = None,
    heads: Callable[..., KeyNames] | None = None,
) -> str:
    """Of the hamlets ``there`` whose rows of ``period`` left out for an error write a listed
    household's code, none the hamlet it is listed in, the one the walk moves it into: where
    two or more hamlets hold such a row, the one whose row names the household's head (its
    rows outside those hamlets, of the month of its last listing and of the year's start
    list, by :func:`same_head`), where exactly one does; else the first read, as before.
    One household, one story: a twin row under the code in another hamlet (another head, a
    valid row left out as the code written twice) does not take the household's place
    (session 61, seed 2362)."""
    hamlets = list(dict.fromkeys(there))
    if len(hamlets) < 2 or name_keys is None:
        return there[0]

    read = _names_reader(named, name_keys, heads)

    def names_of(seen: str) -> KeyNames:
        return read(seen, [key])

    mine: list[tuple[str, str]] = []
    for seen in dict.fromkeys([listed[key][1]] + ([start] if start is not None else [])):
        mine += [(head, number) for hamlet, head, number, *_ in _rows_of(names_of(seen), key)
                 if hamlet not in hamlets]  # fmt: skip
    if not mine:
        return there[0]
    known = dict(ids(key)) if ids is not None else {}
    own = [hamlet for hamlet, head, number, *_ in _rows_of(names_of(period), key)
           if hamlet in hamlets
           and any(same_head((head, number or known.get(head, "")),
                             (them, other or known.get(them, ""))) for them, other in mine)
           ]  # fmt: skip
    return own[0] if len(set(own)) == 1 else there[0]


def _latest(seen: tuple[str, str], own: tuple[str, str] | None) -> tuple[str, str]:
    """Of a household out of the lists, its last row: ``seen`` (hamlet, period) of the row
    it left the lists by, or ``own``, a later row left out of another hamlet naming its head
    (departures' ``own_rows``)."""
    return own if own is not None and own[1] > seen[1] else seen


def _own_row_elsewhere(
    key: str,
    there: list[str],
    period: str,
    last: tuple[str, str],
    name_keys: Callable[[str], KeyNames],
    named: dict[str, KeyNames],
    start: str | None = None,
    ids: Callable[[str], list[tuple[str, str]]] | None = None,
    heads: Callable[..., KeyNames] | None = None,
    merged: dict[str, str] | None = None,
    told: dict[str, list[tuple[str, str]]] | None = None,
) -> str | None:
    """Of a household out of the lists (``last``: the hamlet and month of its last row), the
    one hamlet other than that one among ``there`` whose row of ``period`` left out for an
    error names its head (its rows of ``last``'s hamlet in that month and on the year's start
    list, by :func:`same_head`), where none of ``last``'s hamlet's rows then does; else None.
    Rows of a code in two hamlets naming no head alike are two households (session 48): the
    household is where its own head's row is (session 66, A2). Where no row names its head,
    the one hamlet other than ``last``'s whose rows of the code all name no head (a blank
    name, a birth year that is no number): matched by its Mã hộ, it tells nothing against
    (session 67, X1; as :func:`_another_household` takes such a row). ``merged``: a hamlet merged
    since -> the one it joined, under whose name ``name_keys`` gives its rows (``there`` and
    ``last`` keep the stored names, as the walk's do; the hamlet returned is one of
    ``there``: session 67, B). ``told``: the hamlet found, its key -> the rows of its head it
    was told by (``last``'s, the start list's)."""
    merged = merged or {}
    read = _names_reader(named, name_keys, heads)
    mine: list[tuple[str, str]] = []
    left = merged.get(last[0], last[0])
    for seen in dict.fromkeys([last[1]] + ([start] if start is not None else [])):
        mine += [(head, number) for hamlet, head, number, *_ in _rows_of(read(seen, [key]), key)
                 if hamlet == left]  # fmt: skip
    if not mine:
        return None
    known = dict(ids(key)) if ids is not None else {}

    def own(head: str, number: str) -> bool:
        row = (head, number or known.get(head, ""))
        return any(same_head(row, (them, other or known.get(them, ""))) for them, other in mine)

    named_as: dict[str, list[str]] = {}  # the name its rows are read under -> its stored names
    for hamlet in dict.fromkeys(there):
        named_as.setdefault(merged.get(hamlet, hamlet), []).append(hamlet)
    rows = _rows_of(read(period, [key]), key)
    holders = {hamlet for hamlet, head, number, *_ in rows
               if hamlet in named_as and own(head, number)}  # fmt: skip
    if not holders:  # a row of its code naming no head is its row too (session 67, X1)
        holders = set(named_as) - {hamlet for hamlet, *_ in rows} - {left}
    if len(holders) != 1 or left in holders:
        return None
    stored = named_as[next(iter(holders))]
    if len(stored) != 1:
        return None  # two merged since: not told apart
    if told is not None:
        told[key] = mine
    return stored[0]


def _another_household(
    asked: dict[str, list[str]],
    period: str,
    listed: dict[str, tuple[str, str]],
    name_keys: Callable[[str], KeyNames],
    named: dict[str, KeyNames],
    start: str | None = None,
    ids: Callable[[str], list[tuple[str, str]]] | None = None,
    heads: Callable[[str, list[str]], KeyNames] | None = None,
    held: Mapping[str, str] | None = None,
    told: Mapping[str, list[tuple[str, str]]] | None = None,
) -> set[str]:
    """Of ``asked`` (a listed household's code -> the hamlets, none the one it is listed in,
    whose rows of ``period`` left out for an error are its every row then), those whose rows
    there all name another head than the household's: the head of its rows, outside those
    hamlets, of the month of its last listing (``listed``) and of the year's start list
    (``start``), by :func:`same_head` (folded name, or an ID number: the row's own where the
    history keeps it, figures.NameKeys.numbers, else ``ids``' under its head's name). Rows of
    a code in two hamlets naming no head alike are two households (session 48): such a row is
    another household's, given the code by mistake, not the household moved into a row with an
    error (sessions 10 and 39). A row or household naming no head (no name, a birth year that
    is no number) tells nothing: a move, as before. The names are ``named``'s where the walk
    read that month, else ``heads``' of those codes alone (as :func:`_taken` reads them).
    ``held``: a household the walk moved into a row left out of another hamlet -> that row's
    period, whose rows outside those hamlets name its head too (its listing's rows may lie in
    the hamlet asked alone: session 67, G3). ``told``: one out of the lists whose last row is
    one left out of another hamlet (departures' ``own_rows``) -> the rows of its head that
    row was told by (that row may name no head: session 67, X1)."""

    names_of = _names_reader(named, name_keys, heads)

    rows_of = _rows_of

    now_names = named.get(period)  # the month run's (its rows' sizes with them)
    if (
        now_names is None
        or getattr(now_names, "sizes", None) is None
        or not now_names.sizes(next(iter(asked)))
    ):
        # a stored month's, read by key with the sizes (a month read whole keeps none)
        now_names = heads(period, list(asked), sizes=True) if heads is not None else None
    if now_names is None:
        return set()
    theirs: dict[str, list[tuple[str, str]]] = {}
    for key, there in asked.items():
        rows = [(head, number, size, alone)
                for hamlet, head, number, size, alone in rows_of(now_names, key)
                if hamlet in there]  # fmt: skip
        # each such row left out for an error of its own, its size (0 members, say), or its
        # hamlet's list's one row of the code (a valid row left out as the code written twice
        # in another list: the household's own list refused 'across', session 62); not a row
        # of a code its list wrote twice, maybe beside the household's own row, which the
        # history keeps not (one row of a hamlet and code: the oracle's seed 1361 of session 41)
        if rows and len(rows) >= len(set(there)) and all(wrong_size(r[2]) or r[3] for r in rows):
            theirs[key] = [(head, number) for head, number, *_ in rows]
    if not theirs:
        return set()
    mine: dict[str, list[tuple[str, str]]] = {
        key: list((told or {}).get(key, ())) for key in theirs
    }
    by_month: dict[str, list[str]] = {}
    for key in theirs:
        by_month.setdefault(listed[key][1], []).append(key)
        if start is not None and start != listed[key][1]:
            by_month.setdefault(start, []).append(key)
        if held and key in held and held[key] not in (listed[key][1], start):
            by_month.setdefault(held[key], []).append(key)
    for seen, codes in by_month.items():
        names = names_of(seen, codes)
        for key in codes:
            mine[key] += [(head, number) for hamlet, head, number, *_ in rows_of(names, key)
                          if hamlet not in asked[key]]  # fmt: skip
    found = set()
    for key, rows in theirs.items():
        if not mine[key]:
            continue
        known = dict(ids(key)) if ids is not None else {}
        if not any(same_head((head, number or known.get(head, "")),
                             (them, other or known.get(them, "")))
                   for head, number in mine[key] for them, other in rows):  # fmt: skip
            found.add(key)
    return found


def wrong_size(size: object) -> bool:
    """Whether a row's household size, as a stored or read row holds it, is a number outside
    the contract's 1 … 30 (0 members, 35): an error of the row's own. None, a blank or a text
    tells nothing (the history may not keep it)."""
    if size is None or isinstance(size, bool):
        return False
    try:
        value = float(size)
    except (TypeError, ValueError):
        return False
    return value == value and not 1 <= value <= 30


def _head(names: KeyNames, key: str, hamlet: str) -> str | None:
    """The folded head's name of the row ``names`` stores under ``key`` (its last), where that
    row is of ``hamlet`` (a hamlet merged since: the name it joined, under which ``names``
    has its rows); else None (not known: a row left out for an error elsewhere may be the
    last)."""
    name = names.get(key)
    if name is None:
        return None
    stored, head, _ = name.rsplit("|", 2)
    return head if stored == "name|" + hamlet else None


def _held_by_name(
    gone: list[str],
    held_here: list[str],
    period: str,
    listed_in: Callable[[str], str],
    name_keys: Callable[[str], KeyNames],
    named: dict[str, KeyNames],
    ids: Callable[[str], list[tuple[str, str]]] | None = None,
    once: Callable[[str], bool] | None = None,
) -> tuple[list[str], set[str], set[str]]:
    """Of ``gone`` (households listed before, missing from ``period``'s list of their hamlet),
    those no row left out for an error in ``period`` (``held_here``: their keys) holds by name,
    the keys of the rows that hold one, and the households held by an ID number alone. Each
    such row holds the household of its (hamlet, name, birth year): a row without a Mã hộ is
    stored by that key; one with a Mã hộ (perhaps mistyped) by its code, its name key asked of
    the period (the month's table holds it by name too: figures.held_keys). A gone household's
    name is the one stored where it was last listed (``listed_in(key)``); where its year or the
    row's was read from an age (the plan's start list, or a stored month's row marked so since
    schema 5: figures.NameKeys.aged) it is held a year off too, one household with one
    (figures.near_pairs). Then, ``ids`` and ``once`` given, by its head's ID number
    (:func:`_held_by_id`), as the month's tables hold it (figures.movements_of,
    moves.held_by_id). ``named``: the name keys asked so far, by period (filled in)."""
    by_name = {key: key for key in held_here if not key.startswith("id|")}
    if len(by_name) < len(held_here):
        if period not in named:
            named[period] = name_keys(period)
        for key in held_here:
            if not key.startswith("id|"):
                continue
            # a code on two hamlets' lists holds a household in each, by its own row's name
            every = getattr(named[period], "every", None)
            for name in every(key) if every is not None else [named[period].get(key)]:
                if name is not None:
                    by_name.setdefault(name, key)
    for seen in {listed_in(key) for key in gone} - named.keys():
        named[seen] = name_keys(seen)
    kept, holding, taken = [], set(), set()
    for key in gone:
        holder = holder_by_name(named[listed_in(key)].get(key), by_name)
        if holder is None:
            kept.append(key)
        else:
            holding.add(by_name[holder])
            taken.add(holder)
    if kept and len(taken) < len(by_name):  # a row left to hold one a year off
        if period not in named:  # the rows' own years may be read from ages: asked of it
            named[period] = name_keys(period)
        aged: set[str] = set()  # names whose year was read from an age (start list, a month)
        for seen in {period, *(listed_in(key) for key in kept)}:
            marked = getattr(named[seen], "aged", None)
            aged |= marked() if marked is not None else set()
        if aged:  # such a year may be one off: a row a year off holds it, one with one
            names = {key: named[listed_in(key)].get(key) for key in kept}
            spare = {name: name for name in by_name if name not in taken}
            pairs = near_pairs({k: n for k, n in names.items() if n is not None}, spare, aged)
            kept = [key for key in kept if key not in pairs]
            holding |= {by_name[name] for name in pairs.values()}
    by_id: set[str] = set()
    if kept and ids is not None and once is not None:
        left, holders = _held_by_id(kept, held_here, period, listed_in, name_keys, named, ids, once)
        by_id = set(kept) - set(left)
        kept, holding = left, holding | holders
    return kept, holding, by_id


def _held_by_id(
    kept: list[str],
    held_here: list[str],
    period: str,
    listed_in: Callable[[str], str],
    name_keys: Callable[[str], KeyNames],
    named: dict[str, KeyNames],
    ids: Callable[[str], list[tuple[str, str]]],
    once: Callable[[str], bool],
) -> tuple[list[str], set[str]]:
    """Of ``kept`` (households gone from ``period``'s list of their hamlet that no row left out
    for an error holds by name: :func:`_held_by_name`), those such a row of ``period`` in the
    same hamlet (``held_here``: the rows' keys) holds by its head's ID number, and the keys of
    the rows that hold one. The row's number is the one the history keeps with it (schema 6:
    figures.NameKeys.numbers; a row without a Mã hộ is held by it alone), else, a row with a
    Mã hộ stored before, the one ``ids`` gives its code under its head's name (the plan's
    start list, the month run: moves.Heads); the gone household's (where it was last listed,
    ``listed_in(key)``) is ``ids``' too, one number alone. It holds the household where the
    start list's households have that number once (``once``), as moves.held_by_id holds it
    in the month's tables (sessions 51 and 52). Read only where such a row and a gone
    household share a hamlet (``named``: the name keys read already, by period, filled in)."""
    heads: dict[str, tuple[str, str]] = {}  # gone key -> (its stored hamlet, folded head)
    for key in kept:
        name = named[listed_in(key)].get(key) if key.startswith("id|") else None
        if name is not None:
            head = name.rsplit("|", 2)
            heads[key] = (head[0], head[1])
    places = {stored for stored, _ in heads.values()}
    # a row without a Mã hộ is stored by its (hamlet, head's name, birth year) key
    unnamed = [key for key in held_here
               if not key.startswith("id|") and key.rsplit("|", 2)[0] in places]  # fmt: skip
    if not heads or not (unnamed or period in named):  # no coded row read, none by name here
        return kept, set()
    if period not in named:
        named[period] = name_keys(period)
    names = named[period]
    every = getattr(names, "every", None)
    kept_ids = getattr(names, "numbers", None)  # the numbers the history keeps (schema 6)
    # hamlet -> (key, folded head, the number kept with the row or "") of the rows left out
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for key in held_here:
        known = kept_ids(key) if kept_ids is not None else {}
        if key.startswith("id|"):
            for name in every(key) if every is not None else [names.get(key)]:
                if name is not None:
                    stored, head, _ = name.rsplit("|", 2)
                    rows.setdefault(stored, []).append((key, head, known.get(name, "")))
        elif key in unnamed:
            for name, number in known.items():
                stored, head, _ = name.rsplit("|", 2)
                rows.setdefault(stored, []).append((key, head, number))
    numbers: dict[tuple[str, str], str] = {}

    def number(key: str, head: str) -> str:  # its one known number, else ""
        if (key, head) not in numbers:
            found = {n for h, n in ids(key) if h == head and n}
            numbers[key, head] = found.pop() if len(found) == 1 else ""
        return numbers[key, head]

    held, holding = set(), set()
    for key, (stored, head) in heads.items():
        if stored not in rows:
            continue
        mine = number(key, head)
        if not mine or not once(mine):
            continue
        for row, row_head, row_number in rows[stored]:
            if (row_number or number(row, row_head)) == mine:
                held.add(key)
                holding.add(row)
                break
    return [key for key in kept if key not in held], holding


def _recoded(
    gone: list[str],
    arrived: list[str],
    period: str,
    listed: dict[str, tuple[str, str]],
    name_keys: Callable[[str], KeyNames],
    named: dict[str, KeyNames],
) -> dict[str, str]:
    """arrived key -> gone key: a household gone from ``period``'s list of its hamlet and one
    on a list of that hamlet under a code not listed now (``listed``: the listed households) nor
    gone or held before (``arrived``) that alone share the head's name and birth year are one
    household, its code written otherwise, as a month's table pairs them (figures.
    _paired_by_name; docs/decisions.md, sessions 27 and 41): its old code is no longer listed,
    and not gone. Exact years only."""
    coded = [key for key in gone if key.startswith("id|")]
    if not coded:
        return {}
    return _one_each_by_name(coded, lambda key: listed[key][1], arrived, period, name_keys, named)


def _back(
    arrived: list[tuple[str, str]],
    out_seen: dict[str, tuple[str, str]],
    period: str,
    name_keys: Callable[[str], KeyNames],
    named: dict[str, KeyNames],
    gone: Collection[str] = (),
) -> dict[str, str]:
    """arrived key -> key out: of ``arrived`` ((key, hamlet) of the households on ``period``'s
    lists under a code not listed nor gone or held before, not one gone now's other code:
    :func:`_recoded`), each that alone shares the head's name and birth year with exactly one
    household of its hamlet out of the lists (``out_seen``: key -> (hamlet, period) of its
    latest row on a list or written 'Thoát', that period's name key, whose hamlet is the name
    now of a hamlet renamed or merged since) is that household back on the
    lists under another code: tái nghèo, as under its own code (docs/decisions.md, session 42).
    Then, the hamlet left out, each of the rest that alone shares them with one household of
    another hamlet out of the lists before ``period`` is that one back there (session 43): one
    ``gone`` from its list now is a namesake, not a return (it moved under a new code: two
    households, as a month's table has them). Exact years only."""
    seen_in = lambda key: out_seen[key][1]  # noqa: E731
    coded = [key for key in out_seen if key.startswith("id|")]
    keys = [key for key, _ in arrived]
    # in its hamlet as its latest row's name key has it, a hamlet merged since under the one
    # it joined (its stored rows keep their hamlet in the walk: session 43's review)
    found = _one_each_by_name(coded, seen_in, keys, period, name_keys, named) if coded else {}
    rest = [key for key in keys if key not in found]
    others = [key for key in coded if key not in found.values()]
    if not rest or not others:
        return found
    # the commune's namesakes rule a pair out, those gone now too (two candidates: none)
    elsewhere = _one_each_by_name(others, seen_in, rest, period, name_keys, named, True)
    return {**found, **{key: old for key, old in elsewhere.items() if old not in gone}}


def _one_each_by_name(
    old: list[str],
    seen_in: Callable[[str], str],
    arrived: list[str],
    period: str,
    name_keys: Callable[[str], KeyNames],
    named: dict[str, KeyNames],
    commune: bool = False,
) -> dict[str, str]:
    """arrived key -> old key, where the two alone share the head's name and birth year
    (figures.one_each): ``old`` named as of the period ``seen_in`` gives, ``arrived`` as of
    ``period``; each period's name keys are read once into ``named``. ``commune``: wherever
    in the commune (the hamlet left out of the name)."""
    for seen in {period, *map(seen_in, old)} - named.keys():
        named[seen] = name_keys(seen)
    return one_each(
        _by_name(old, seen_in, named, commune), _by_name(arrived, lambda _: period, named, commune)
    )


def _by_name(
    found: list[str],
    where: Callable[[str], str],
    named: dict[str, KeyNames],
    commune: bool = False,
) -> dict[str, list[str]]:
    """(hamlet, head's name, birth year) key text -> the keys of ``found`` that have it, each
    named as the period ``where(key)`` stores it (``named``); a name without a birth year is
    left out (a name alone is too weak). ``commune``: keyed by the head's name and birth year
    alone (the hamlet left out)."""
    names: dict[str, list[str]] = {}
    for key in found:
        name = named[where(key)].get(key)
        if name is not None and not name.endswith("|"):  # with a birth year
            names.setdefault(name.split("|", 2)[2] if commune else name, []).append(key)
    return names


class Left(dict):
    """:func:`left_lists`' households out of the lists: hh_key -> the month it left them
    ('YYYY-MM'); ``seen``: hh_key -> the latest stored month holding its row on a list or
    written 'Thoát' (where its name and code as written are stored)."""

    def __init__(self, months: dict[str, str], seen: dict[str, str]):
        super().__init__(months)
        self.seen = seen


def left_lists(
    statuses: pd.DataFrame,
    period: str,
    accepted: dict[str, set[str]] | None = None,
    name_keys: Callable[[str], KeyNames] | None = None,
) -> Left:
    """Households out of the lists at the end of the latest stored month of ``period``'s year
    before it, by key (hh_key), with the month each left them ('YYYY-MM'): written 'Thoát'
    there, or missing from a later list of its hamlet (one that reported) after being on one,
    and on no list since (a row left out for an error puts none back: it held a household
    that had left). Only the stored months of the same year before ``period`` are walked;
    ``statuses``: their (period, hamlet, hh_key, status) rows (later ones are not read);
    ``accepted``: per period, the hamlets whose list was accepted (one with no household
    stores no row, yet it reported). ``name_keys(month)``: as :func:`departures` asks it.
    Walked by :func:`departures`, so as the tables read the history: a household missing from
    a month in which a row left out for an error holds it by name (:func:`_held_by_name`) has
    not left, nor has one written under another code (:func:`_recoded`; its old code is not
    out either once it is back under a new one, :func:`_back`). What a row marked nowhere in a
    'Đầu kỳ | Cuối kỳ' list is told by (rosterchecks.left_copied_on)."""
    year = period[:4] + "-"
    rows = statuses[statuses["period"].astype(str).str.startswith(year)
                    & (statuses["period"] < period)]  # fmt: skip
    found = departures(rows, accepted, name_keys)  # one walk: its households out at the end
    return Left(found.left_in, found.seen)


def last_listed(
    statuses: pd.DataFrame,
    first: str,
    last: str,
    within: set[str] | None = None,
    held_in: dict[str, str] | None = None,
    by_name: bool = False,
) -> dict[str, tuple[str, str]]:
    """key -> (hamlet, status) where each household was last listed (poor, near-poor, Thoát, or
    by its code in a row left out for an error) in the stored periods ``first``..``last``, as
    :func:`figures.listed_where` gives it; ``within``: only those last listed in one of these
    hamlets (an empty set: none). ``held_in``, when given, is filled with key -> the period of
    that last listing for those last listed in a row left out for an error; ``by_name``: such
    rows without a Mã hộ too, by their name keys (:func:`figures.listed_where`)."""
    if within is not None and not within:
        return {}
    period = statuses["period"]
    rows = statuses[(period >= first) & (period <= last)]
    if within is not None:
        rows = rows[rows["hh_key"].isin(rows.loc[rows["hamlet"].isin(within), "hh_key"])]
    where: dict[str, tuple[str, str]] = {}
    for month, part in rows.groupby("period", sort=True):  # later periods over earlier ones
        keys, states, hamlets = (part[c].tolist() for c in ("hh_key", "status", "hamlet"))
        found = listed_where(list(zip(keys, states, hamlets, strict=True)), exited=True,
                             stored=True, by_name=by_name)  # fmt: skip
        where.update(found)
        if held_in is not None:
            for key, (_, status) in found.items():
                if status == NOT_COUNTED:
                    held_in[key] = month
                else:
                    held_in.pop(key, None)
    if within is not None:
        where = {key: place for key, place in where.items() if place[0] in within}
    return where


def target_path(start_rate: float, target_points: float, period: str) -> float:
    """The rate the year's target requires by the end of ``period``'s month, on a straight line;
    never below 0 (a target above the start rate asks for every household to leave the list,
    not for a negative rate)."""
    month = int(period[5:7])
    return max(0.0, start_rate - target_points * month / 12)
