"""What a month's movement tables compare with, hamlet by hamlet: the start-of-year households
(the plan's start list, or the year's first stored month), last month's (for a hamlet missing
then, its latest list before), the households that had left the lists before, and the hamlets
the plan renamed or merged since last month, under their names now. Called by
pipeline.figuresteps' figured (docs/decisions.md, session 34: pipeline/run.py split)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import NamedTuple

import pandas as pd

from pipeline import figures as fig
from pipeline import moves, timeline
from pipeline.history import kept_households, written_twice
from pipeline.notices_plan import of_other_commune
from pipeline.renames import (
    hamlet_renames,
    lists_alone,
    may_be_renamed,
    merged_by_start_list,
    renamed_shares,
)
from pipeline.text import fold, name_within
from pipeline.types import FROM_AGE, Issue, Plan

# The year's turn (a month of the plan year beside last year's lists, the plan's start list the
# new year's): the pairing passes that tell a household of last year's lists on the start list
# under another code, in the order month_baselines runs them (docs/decisions.md, the sections
# named after each). Comments only; each pass reads what the ones before it settled.
#  0. Mergers first. _month_renamed(turn=True) and _keys_at_turn ask as_start_codes (2 and 3
#     below) only for the codes a hamlet the plan dropped has on the start list, so that one
#     whose households it renumbered is found merged (session 56, B: "a hamlet merged at the
#     year's turn whose households the start list renumbers …", "… that sent no list in
#     December …"). A merger found puts the merged hamlet's December rows under the hamlet it
#     joined (_under_names), as the start list writes them: every pass after reads them there.
#  1. _moved_at_turn (January): the start list's rows of a hamlet merged at the turn and silent
#     in December (_merged_unlisted, its baseline those rows) that it writes in a third hamlet
#     are the joined hamlet's in the baseline, unless a December list holds the household
#     (session 56, N: "a household of a hamlet merged at the year's turn and silent in December
#     that the start list writes in a third hamlet is moved out and in, not new"). Those rows
#     are in the start list's codes already: the hamlets compared with the start list are not
#     asked by 2 and 3 (session 56, C2).
#  2. as_start_codes within each hamlet (January's baseline, December's lists rekeyed): a row
#     the start list writes alike once folded is settled first (session 56's review), and one
#     it writes under that code, name and year in another hamlet (session 64, G2); then one
#     head's name and birth year a side of the hamlet, then a name a last letter apart under a
#     code of last year's (sessions 54, 55). Within the hamlet first: a household renumbered
#     where it lives is the likeliest reading, and a name the commune holds twice may be one
#     in its hamlet.
#  3. as_start_codes with the hamlets aside (the same call, after 2): of the rows 2 left on each
#     side, one name and birth year a side of the commune, a pair of two hamlets alone (one of
#     a hamlet is 2's to make): moved at the turn under a new code (session 56, B: "a household
#     moved to another hamlet at the year's turn under a new code …"). After 2, so that a
#     household renumbered within its hamlet is never read as moved, and a twin in the commune
#     does not undo a pair its hamlet tells. Passes 2 and 3 read the latest lists of last year of
#     the hamlets silent in December (_beside_december) beside December's rows and drop them
#     after: a twin on them pairs none, a start row theirs is no other's (session 64, G).
#  4. renumbered_at_turn(merged=…) (January after 2-3, and every later month): after the history
#     walk (timeline.departures), of the codes that left the lists at the start list
#     ('YYYY-00'), those whose household 2-3 find on it under another code left no list: a
#     household new under one is new, not back (session 54's review; session 55, a hamlet
#     silent in December read in its own latest list). It reads last year's lists with the
#     merged hamlets the plan dropped under the hamlet they joined (``merged``), as 0 and the
#     start list put them, so that 2 pairs a merged hamlet's household with its own start row
#     and no household of the joined hamlet off the start list is taken for a slip of it
#     (session 56, S: "a merged hamlet's household off the start list and back in 2025 is
#     returned (QA seeds 824, 807)"). Last: it needs the walk's months of leaving, and the walk
#     counts a hamlet the plan dropped as reporting at the start list (S, same section).
#  5. _silent_start_rows (January, after 4): the start list's rows of a hamlet silent in
#     December and now (_silent_at_turn; no table) join the baseline, but one whose household
#     2-3 gave a December row of another hamlet: that row holds it (session 58, B2: "a hamlet
#     silent in December and January is its start list in January's baseline …"). Its
#     households the start list moved elsewhere are asked of _moved_from_silent before 2-3, as
#     a hamlet silent in December alone, and are not asked by 2 and 3 either.
STATUS_COLUMNS = ["period", "hamlet", "hh_key", "status"]
_LISTS = ("poor", "near_poor")


def base_month(base: str, plan_year: int) -> str:
    """The first stored month a hamlet's base list covers: January of the plan's year for the
    plan's start list ('plan'), else the base's own month."""
    return f"{plan_year}-01" if base == "plan" else base


class _Baselines(NamedTuple):
    start: pd.DataFrame | None  # the start-of-year households (the plan's list, or a month's)
    start_from: str | None  # 'plan', the stored period it is, or None
    start_hamlets: set[str] | None  # hamlets it holds (None: all, it is the plan's list)
    # the previous month's stored households, and for a hamlet missing then its latest list
    month: pd.DataFrame | None
    month_hamlets: set[str]  # hamlets it holds a list of
    # hamlet -> the list its month table compares with when not the previous month's: an
    # earlier stored month ('YYYY-MM') or the plan's start list ('plan')
    month_from: dict[str, str]
    left_before: set[str]  # households that had left the lists before
    # households that had left the lists and were on none at the end of the stored month that
    # is the start (empty for the plan's list) and of each month compared with (by period;
    # with a hamlet compared with an earlier list, each month since it too): one of them held
    # there in a row with an error and counted now is new (tái nghèo), not counted again
    start_out: set[str]
    month_out: dict[str, set[str]]
    # households on an earlier year's start list the history keeps ('YYYY-00'): on a list then
    listed_kept: set[str] | frozenset = frozenset()
    # households out of the lists at the end of the stored months before, by the month they
    # left them ('YYYY-MM': timeline.Departures.left_in)
    left_in: dict[str, str] = {}
    # hamlets of the previous month the plan renamed since: old name -> name now
    renamed: dict[str, str] = {}
    # hamlets of the previous month the plan merged into another since: old name -> that one
    merged: dict[str, str] = {}
    # a household out of the lists, on a list now under another code (timeline._back): its key
    # now -> (its code as last written, the stored period of that row, 'YYYY-00': a start list;
    # the hamlet of that row)
    back_now: dict[str, tuple[str, str, str]] = {}
    # hamlets of the year's stored months the plan renamed or merged into another since: old
    # name -> name now, as the history walk reads them (moves.OlderHeads)
    names_now: dict[str, str] = {}
    # household -> the hamlet it last left the lists from (timeline.Departures.left_from)
    left_from: dict[str, str] = {}
    # per stored month: households gone from its lists a row left out for an error held by
    # their head's ID number alone -> their hamlet (timeline.Departures.held_by_id)
    held_by_id: dict[str, dict[str, str]] = {}
    # January against last year's lists, ``month`` holding their households in the start list's
    # codes (as_start_codes): those lists' rows as stored, their codes as written (a code two
    # lists write now is told by where each list wrote it); None: ``month`` is so
    month_as_written: pd.DataFrame | None = None
    # January against last year's lists: a household written now under another code whose row
    # of last year's lists the start list renumbers in another hamlet (back_now's pairing of a
    # household that never left the lists): its key now -> (its code as last year's list wrote
    # it, that row's period, its hamlet then, its key and Mã hộ on the start list) (session 57)
    kept_at_turn: dict[str, tuple[str, str, str, str, str]] = {}
    # the start list's key of a household so kept that has left the lists since (its code then
    # gone from its hamlet's list; written 'Thoát' in an earlier month) -> the month it left
    # them: the year's table says its start list row gone since then, not since the turn
    # (session 58)
    kept_left: dict[str, str] = {}
    # households gone from this month's lists of their hamlet (timeline.Departures.left_now):
    # one among them that left the lists in an earlier month too, listed again since, leaves
    # again now, asked to confirm as any household gone (session 58)
    left_now: frozenset[str] = frozenset()
    # a household gone from its hamlet's list now under a code its hamlet gave it this year in
    # place of an older one, written under that older code by another hamlet now (its head's
    # name and birth year alike): its key in ``month`` is that older code, moved there, not
    # gone and new -> the Mã hộ last month's list wrote it under (session 59)
    codes_back: dict[str, str] = {}
    # hamlets compared with an earlier list whose start column leaves out the households last
    # month's lists had in another hamlet (in no plan of a month since that list:
    # :func:`_in_no_plan`; new in the plan or added back): a move into or out of one pairs.
    # The month table's notes read it, not a question of their own (session 60, D)
    month_paired: frozenset[str] = frozenset()
    # of those, a hamlet whose start column also holds households of last month's list of a
    # name the plan lacks now that may be its name then, on no list now -> their keys -> that
    # name (the month table's (*) note and their rows say so: session 61, C)
    month_took: dict[str, dict[str, str]] = {}
    # a later month: a code the start list took off its household (renumbered it at the year's
    # turn) written now for it, in another hamlet than the start list's, the start list's code
    # on no list now: its key now -> (its key on the start list, that code as its latest row
    # writes it, that row's period and hamlet); the year's table moves it from there, as
    # ``kept_at_turn``'s, and its row is told both codes (session 60)
    moved_back: dict[str, tuple[str, str, str, str]] = {}
    # the walk's code changes by name within a hamlet (timeline.Departures.recoded_from): key ->
    # (the key it re-codes, …): a household the year's table asks of under its start list code
    # and the month's under its later one is asked once, naming both (session 60, C2)
    recoded_from: dict[str, tuple[str, str, str]] = {}
    # the walk's rows of another household under a listed household's code, left out for an
    # error in other hamlets (timeline.Departures.others): period -> key -> those hamlets; not
    # the household's listing there (session 61)
    others: dict[str, dict[str, list[str]]] = {}
    # a hamlet back in the plan compared with its list before it was dropped -> the codes of its
    # start rows that list lacks, its start column holding them (the (*) note says them:
    # session 62, C)
    month_started: dict[str, list[str]] = {}
    # a household a stored month's row left out for an error in its hamlet held by its head's
    # name or ID number -> the latest such month (timeline.Departures.held_named): on that
    # month's list, whatever its row is keyed by (session 62, A)
    held_named: dict[str, str] = {}
    # last month's rows of a hamlet merged since into one that sent then and nothing now, put
    # under that one (:func:`_sent_into_quiet`): (key, hamlet joined) -> the hamlet its list
    # wrote, for a message naming that list as written (moves.Heads' ``written``; session 65,
    # the review RW of B's Left (a))
    month_written: dict[tuple[str, str], str] = {}
    # a start row a month's record told gone under another hamlet than the plan gives it now
    # (a revision moved it since, or its hamlet then merged since) -> (that month, that hamlet
    # under its name then): its year row names the hamlet asked then (session 67, C and RC)
    told_from: dict[str, tuple[str, str]] = {}


def _under_names(frame: pd.DataFrame, names: dict[str, str], moved: bool = True) -> pd.DataFrame:
    """``frame`` (stored rows: hamlet, hh_key, …) with the hamlets of ``names`` (old name ->
    name now) under their names now, the keys of their rows without a Mã hộ too: such a row is
    stored by (hamlet, head's name, birth year), and holds its household under the name now
    (docs/decisions.md, session 41). Not ``moved``: those keys alone (a merged hamlet's rows
    of the months before the merger stay its own: it reported apart then, session 42)."""
    if not names or frame.empty:
        return frame
    keys = frame["hh_key"].to_numpy(dtype=object, copy=True)
    hamlets = frame["hamlet"].to_numpy(dtype=object)
    for i in frame["hamlet"].isin(names.keys()).to_numpy().nonzero()[0]:  # the renamed alone
        keys[i] = fig.name_key_under(keys[i], hamlets[i], names[hamlets[i]])
    if not moved:
        return frame.assign(hh_key=keys)
    return frame.assign(hamlet=frame["hamlet"].replace(names), hh_key=keys)


def month_baselines(
    plan: Plan,
    period: str,
    load,
    statuses: pd.DataFrame,
    issues: list[Issue],
    stored: list[dict],
    now: Collection[str] = (),
    rows_now: pd.DataFrame | None = None,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
    kept_merges: Callable[[int], dict[str, str]] | None = None,
    keyed: Callable[..., pd.DataFrame] | None = None,
    plan_sha: Callable[[], str | None] | None = None,
) -> _Baselines:
    """The baselines (:func:`_month_baselines`, which says what each argument is). A start row
    whose every stored row of the year before now is another household's row left out for an
    error, as the history walk judges them (its ``others``: a twin under its code in another
    hamlet, naming another head), was on no list of the year: the month column of a hamlet
    back in the plan and the walk's ``unheard`` read it so (session 64). The walk judges them
    after those are made: where it found such a row, they are made again without it (a start
    row on no list of the year with a twin in a hamlet with a gap: rare, twice the time)."""
    load = _LoadedOnce(load)  # last month's rows, read for its baseline, named by the walk
    args = (plan, period, load, statuses)
    more = (stored, now, rows_now, kept_renames, kept_merges, keyed)
    said: list[Issue] = []
    bases = _month_baselines(*args, said, *more, plan_sha=plan_sha)
    twins = _twins_only(plan, period, statuses, bases.others)
    if twins:
        said = []
        bases = _month_baselines(*args, said, *more, twins=twins, plan_sha=plan_sha)
    issues.extend(said)
    return bases


def _twins_only(
    plan: Plan, period: str, statuses: pd.DataFrame, others: Mapping[str, Mapping[str, list[str]]]
) -> frozenset[str]:
    """The plan's start rows whose every stored row of the year before ``period`` is a row left
    out for an error the history walk took for another household's (``others``: period -> key
    -> those rows' hamlets, timeline.Departures.others): on no list of the year by them."""
    first = f"{plan.plan_year:04d}-01"
    wanted = {key for p, keys in others.items() if first <= p < period for key in keys}
    if not wanted or plan.start_list is None:
        return frozenset()
    wanted &= set(fig.keys_of(plan.start_list))
    if not wanted:
        return frozenset()
    months = statuses["period"]
    rows = statuses[((months >= first) & (months < period)).to_numpy()
                    & statuses["hh_key"].isin(wanted).to_numpy()]  # fmt: skip
    found = set(wanted)
    for p, hamlet, key, status in zip(rows["period"].tolist(), rows["hamlet"].tolist(),
                                      rows["hh_key"].tolist(), rows["status"].tolist(),
                                      strict=True):  # fmt: skip
        if status != fig.NOT_COUNTED or hamlet not in others.get(p, {}).get(key, ()):
            found.discard(key)
    return frozenset(found)


def _month_baselines(
    plan: Plan,
    period: str,
    load,
    statuses: pd.DataFrame,
    issues: list[Issue],
    stored: list[dict],
    now: Collection[str] = (),
    rows_now: pd.DataFrame | None = None,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
    kept_merges: Callable[[int], dict[str, str]] | None = None,
    keyed: Callable[..., pd.DataFrame] | None = None,
    twins: frozenset[str] = frozenset(),
    plan_sha: Callable[[], str | None] | None = None,
) -> _Baselines:
    """The start-of-year baseline, the previous month's, and who had left the lists before.

    ``statuses``: the stored (period, hamlet, hh_key, status) rows; ``load``: a period's stored
    households (as ``HistoryStore.households`` gives them); ``stored``: the stored periods'
    summaries; ``now``: the hamlets accepted this month (``rows_now``: its households, which
    tell a hamlet renamed since last month: :func:`_month_renamed`). A stored month is a
    baseline only for the hamlets whose roster was accepted then: a hamlet missing that month
    has no households stored, and would otherwise be compared with an empty list (every
    household "new"). One of ``now`` missing last month is compared with its latest list
    before (:func:`_latest_lists`). ``kept_renames``: the renames the store recorded on its kept
    start list (HistoryStore.kept_renames; :func:`_keys_of_silent`); ``kept_merges``: the old
    hamlets of its households a run rewrote under a merger (HistoryStore.kept_merges;
    :func:`_kept_start`). ``keyed(periods, keys=)``: as ``load``, the rows of those household
    keys alone (HistoryStore.households' ``keys``), where the history can read them so: the
    walk's heads of a few codes (``heads``); None, a month read whole. ``twins``: start rows
    whose stored rows of the year are all another household's (:func:`month_baselines`).
    ``plan_sha``: the SHA-256 of the plan file read now (None: not known), asked only where a
    hamlet is back in the plan (:func:`_told_by_plan`).
    """
    earlier = statuses[statuses["period"] < period]
    accepted_in = {p["period"]: {h["hamlet"] for h in p["hamlets"] if h.get("status") == "ok"}
                   for p in stored}  # fmt: skip
    periods = set(earlier["period"].unique()) | {p for p in accepted_in if p < period}
    named_in = {p["period"]: {h["hamlet"] for h in p["hamlets"]} for p in stored}
    # the start rows a month of the very plan read now listed or told gone (session 64, A2)
    told_listed = _Once(lambda raw=accepted_in: _told_by_plan(plan, period, stored, raw, plan_sha))
    start = plan.start_list
    start_from = "plan" if start is not None else None
    start_hamlets = None
    if start is None:
        year_periods = sorted(p for p in periods if p.startswith(str(plan.plan_year)))
        if year_periods:
            start = timeline.as_baseline(load([year_periods[0]]), year_periods[0])
            start_from = year_periods[0]
            start_hamlets = accepted_in.get(start_from, set(start["hamlet"]))
            # a hamlet renamed since, under its name now (as last month's: _month_renamed)
            start, start_hamlets, _, _ = _month_renamed(
                plan, start, start_hamlets, named_in.get(start_from), now, rows_now
            )
        else:
            unread = "unread" if getattr(plan, "start_list_unread", False) else ""
            issues.append(Issue("no-start-list", file=plan.file, detail=str(plan.plan_year),
                                variant=unread))  # fmt: skip
    previous = timeline.previous_period(period)
    month_base, month_hamlets, month_from, renamed, merges = None, set(), {}, {}, {}
    month_paired: set[str] = set()
    month_took: dict[str, dict[str, str]] = {}
    month_started: dict[str, list[str]] = {}
    month_written: dict[tuple[str, str], str] = {}  # (key, hamlet joined) -> as written
    from_start: set[str] = set()  # hamlets beside the plan's start list for want of last month's
    quiet: set[str] = set()  # at the turn, hamlets silent in December and now (_silent_at_turn)
    silent_rows = None  # at the turn, their latest lists of last year (_silent_latest_rows)
    if previous in periods:
        month_base = timeline.as_baseline(load([previous]), previous)
        month_hamlets = accepted_in.get(previous, set(month_base["hamlet"]))
        read = {h["hamlet"] for p in stored if p["period"] == previous
                for h in p["hamlets"] if h.get("incomplete")}  # fmt: skip
        if read:  # a list read, its hamlet left out (a list apart beside it, session 25): its
            # latest accepted list is its baseline (_latest_lists), not these rows (session 42)
            month_base = month_base[~month_base["hamlet"].isin(read).to_numpy()]
        silent = named_in.get(previous, set()) - month_hamlets
        silent_keys = _keys_of_silent(plan, earlier, silent, load, kept_renames, kept_merges)
        turn = start_from == "plan" and previous < f"{plan.plan_year}-01"
        if turn:  # one silent in December too: its households of its latest list before
            # (the year's turn, pass 0 of the order note at the top: mergers first)
            silent_keys = {**_keys_at_turn(plan, silent - silent_keys.keys(), accepted_in, load),
                           **silent_keys}  # fmt: skip
        month_base, month_hamlets, renamed, merges = _month_renamed(
            plan, month_base, month_hamlets, named_in.get(previous), now, rows_now, silent_keys,
            earlier, lambda: _kept_start(plan, load, kept_merges), turn, kept_renames,
        )  # fmt: skip
        # one merged since into a hamlet that sent then and nothing now: under it (session 65)
        month_base, month_hamlets, month_written = _sent_into_quiet(
            plan, month_base, month_hamlets, now, turn
        )
        missing = [
            h for h in plan.hamlets["hamlet"].tolist() if h in now and h not in month_hamlets
        ]
        if silent - set(plan.hamlets["hamlet"].tolist()):
            # a hamlet the plan lacks now, silent last month, may be merged into one accepted
            # then: that one is compared with its latest list too (session 42)
            missing += [h for h in plan.hamlets["hamlet"].tolist() if h in now and h not in missing]
        (
            month_base,
            month_from,
            joined,
            back_renamed,
            back_merged,
            month_paired,
            month_took,
            month_started,
        ) = _latest_lists(
            plan,
            month_base,
            missing,
            previous,
            periods,
            accepted_in,
            earlier,
            load,
            rows_now,
            month_hamlets,
            named_in,
            stored,
            merges.keys(),
            kept_merges,
            kept_renames,
            # a hamlet merged into one that sent is no old name of another (session 60)
            {**_merged_said_into(stored, period, plan.plan_year), **merges},
            twins,
            told_listed,
            # the renames a stored month said, and this month's (_told_started's names)
            lambda: {
                **_renames_told(
                    plan,
                    stored,
                    period,
                    renamed,
                    merges.keys() | _merged_said_into(stored, period, plan.plan_year).keys(),
                ),
                **renamed,
            },
        )
        from_start = {h for h, base in month_from.items() if base == "plan"} - month_hamlets
        if turn:  # a hamlet silent in December and now: its start list is its December state
            quiet = _silent_at_turn(plan, month_hamlets | joined, month_from, now)
        if turn and (from_start or quiet):  # one moved at the turn out of a hamlet silent in
            # December (and one silent now too: no table, a move in alone, session 58, B2)
            silent_rows = _silent_latest_rows(plan, from_start | quiet, accepted_in, load)
            month_base = _moved_from_silent(plan, month_base, from_start | quiet,
                                            {**month_from, **dict.fromkeys(quiet, "plan")},
                                            silent_rows)  # fmt: skip
        month_hamlets = month_hamlets | month_from.keys() | joined
        # a hamlet merged since that no month of the year accepted: its latest list is the
        # start list, its households there under the hamlet it joined (session 43)
        known = {**renamed, **merges, **back_renamed, **back_merged}
        # an earlier month's name too (refused then, silent since: no month names it now)
        unheard = _named_gone(plan, period, named_in) - silent - known.keys()
        # said: listed since, on a list of the hamlet it joined accepted from the merger on;
        # one said beside a list apart alone (its hamlet held out: no baseline) is unheard
        # still, its latest list the start list (session 61, A: the mergers oracle's seed 1444)
        said = _merges_said(stored, period, plan.plan_year, {})
        unheard -= {old for old, (into, when) in said.items()
                    if any(p >= when and into in hs for p, hs in accepted_in.items())}  # fmt: skip
        unheard -= _in_year(plan, period, accepted_in)  # _merged_unlisted asks it
        if unheard:  # told renamed by a stored month of the year ('renamed_from'): the list
            # under its name now that month was its list, the latest, not a hamlet silent all
            # year merged since (session 65, H: the renames oracle's seed 2613)
            unheard -= _renames_told(plan, stored, period, renamed, merges.keys() | said).keys()
        if unheard:
            silent_keys = {
                **silent_keys,
                **_keys_of_silent(plan, earlier, unheard, load, kept_renames, kept_merges),
            }
        unlisted = _merged_unlisted(
            plan, period, silent_keys, accepted_in, named_in.get(previous, set()), now, rows_now,
            known,
        )  # fmt: skip
        if unheard:  # merged into a hamlet a month named beside it, not renamed
            beside = _named_beside(named_in, unheard, known)
            unlisted = {old: into for old, into in unlisted.items()
                        if old not in unheard or into in beside[old]}  # fmt: skip
        if unlisted and lists_alone(plan):  # no start list: the kept one's rows, under the
            # hamlet each joined, as a start list would write them (session 67, H)
            part = _kept_joined(plan, load, kept_merges, unlisted)
        elif unlisted:
            keys = set().union(*(silent_keys[old] for old in unlisted))
            start_keys = fig.keys_of(plan.start_list)
            rows = plan.start_list[[k in keys for k in start_keys]]
            if turn:  # one the start list writes in a third hamlet moved there at the turn
                # (pass 1 of the order note at the top: after the mergers, before 2-3)
                rows = _moved_at_turn(rows, unlisted, silent_keys, month_base, month_from)
            part = _start_rows(rows)
        if unlisted:
            part = part[part["hamlet"].isin([h for h in unlisted.values()
                                             if month_from.get(h) != "plan"]).to_numpy()]  # fmt: skip
            # one counted on last month's list there: as it counts
            counted = {hamlet: _counted(month_base, hamlet) for hamlet in set(part["hamlet"])}
            part = part[[key not in counted[hamlet] for hamlet, key in
                         zip(part["hamlet"].tolist(), part["hh_key"].tolist(), strict=True)]]  # fmt: skip
            month_base = pd.concat([month_base, part], ignore_index=True)
            # (at the turn one that sent December compares with it, the start list's rows of
            # the hamlet merged into it beside: its own list is no older)
            month_from.update((h, "plan") for h in unlisted.values()
                              if not turn or h not in month_hamlets)  # fmt: skip
            month_hamlets = month_hamlets | set(unlisted.values())
            back_merged = {**back_merged, **unlisted}
        if turn:  # one merged at the turn into a hamlet that sent December and nothing now
            month_base = _joined_silent_now(plan, silent_keys, {**known, **unlisted},
                                            month_base, month_hamlets, now)  # fmt: skip
        elif silent_keys:  # one silent last month merged since into a hamlet that sent
            # then and nothing now: its latest list there, as at the turn (session 61, A2)
            month_base = _joined_silent_since(plan, period, silent_keys, {**known, **unlisted},
                                              month_base, month_hamlets, now, accepted_in,
                                              load)  # fmt: skip
        # for the trend too: a hamlet back after silence renamed or merged into since its
        # latest list has its months before over its old names (docs/decisions.md, session 35)
        renamed, merges = {**renamed, **back_renamed}, {**merges, **back_merged}
    else:
        renamed, merges = _merged_across(plan, period, load, accepted_in, named_in, now, rows_now)
    if start_from not in (None, "plan"):  # the year's first stored month without a hamlet
        # silent all year merged since: its kept start list rows there (session 67, H)
        start = _silent_start_joined(
            plan, period, start, start_from, named_in, accepted_in,
            {**_merged_said_into(stored, period, plan.plan_year), **merges}, load, kept_merges,
        )  # fmt: skip
    # a hamlet new in a plan without a start list (no month of the year named it): it held no
    # household before, so its tables start from none, a household from another hamlet moved
    # in (the commune's tables the sum of its counted lists: session 57, D3)
    new = _new_in_plan(plan, period, named_in, accepted_in, now, stored)
    if month_base is not None:
        month_hamlets = month_hamlets | (new - set(renamed.values()) - set(merges.values()))
    if start_hamlets is not None:
        start_hamlets = start_hamlets | (new - set(renamed.values()) - set(merges.values()))
    # the stored months under a renamed hamlet's old name are that hamlet's, as the plan's
    # start list and this month write it: a household gone from its list then left the lists
    # then, one held there by name is held under the name now (docs/decisions.md, session 41)
    # a hamlet merged into another (last month's merges, or a stored month's merged_since) is
    # no rename of it: a month before the merger had both under their own names (session 59)
    joined = merges.keys() | _merges_said(stored, period, plan.plan_year, {}).keys()
    # a rename a stored month of the year said stays known: the rule is not asked again over
    # the months before it, whose households may have moved since (session 61, C3)
    told = _renames_told(plan, stored, period, renamed, joined)
    walked = _renamed_before(
        plan, period, earlier, accepted_in, named_in, rows_now, {**told, **renamed}, joined
    )
    if walked:
        earlier = _under_names(earlier, walked)
        accepted_in = {p: {walked.get(h, h) for h in hs} for p, hs in accepted_in.items()}
    # merged hamlets: the walk reads a row without a Mã hộ under the name now, and the hamlet
    # merged as reporting with the one it joined from the merger on (session 42)
    said = _merges_said(stored, period, plan.plan_year, walked)
    accepted_in = _merged_reporting(accepted_in, said)
    merged_into = {**{old: into for old, (into, _) in said.items()}, **merges}
    # a hamlet the plan's start list merged into another that no month said (the one it joined
    # sent nothing valid since): the walk reads its rows without a Mã hộ under that one, as the
    # start list writes its households (session 62, A: the mergers oracle's seed 1526)
    walk_names = {**_merged_unsaid(plan, period, earlier, named_in, walked, merged_into),
                  **merged_into}  # fmt: skip
    earlier = _under_names(earlier, walk_names, moved=False)
    if merged_into and start_from == "plan":
        # its start households are on the plan's list under the hamlet it joined: it reported
        # there too (one first written in a row left out for an error in it joined no list)
        begin = f"{plan.plan_year}-00"
        accepted_in = {**accepted_in, begin: accepted_in.get(begin, set()) | merged_into.keys()}
    if start_from == "plan" and not earlier.empty:
        # so did a hamlet of last year the plan no longer has, its merger not found (the hamlet
        # it joined silent this month): the start list is the whole commune's, a household of
        # it missing there left the lists at the turn (session 56, S; QA seed 824)
        begin = f"{plan.plan_year}-00"
        gone = set(earlier["hamlet"][(earlier["period"] < begin).to_numpy()])
        gone -= set(plan.hamlets["hamlet"].tolist())
        if gone:
            accepted_in = {**accepted_in, begin: accepted_in.get(begin, set()) | gone}
    if start_from == "plan" and not earlier.empty:
        # The plan's list is the year's first state: a household on it and missing from the
        # first stored month (its hamlet reporting) left the lists then, as in later months.
        first = timeline.start_state(start, plan.plan_year)
        olds = _named_gone(plan, period, named_in) - walked.keys()
        if merged_into or olds:
            kept_now = _kept_start(plan, load, kept_merges)
            beside = _named_beside(named_in, olds, walked)
            first = _start_apart(first, kept_now, merged_into, beside)
        earlier = pd.concat([first, earlier])
    # So is an earlier year's start list, as the history keeps it ('YYYY-00', written with the
    # year's first stored month: HistoryStore.save): a household on 2024's list missing from
    # December 2024's, the first month stored, left the lists in 2024 (tái nghèo when back).
    kept = [
        load([f"{year}-00"])
        for year in sorted({p[:4] for p in periods if p[:4] < f"{plan.plan_year:04d}"})
    ]
    # under the names now, as the stored months are walked (``walked``): one on it under a
    # name renamed since (at the turn, or named back by the plan) left the lists when its
    # hamlet's list lacked it, not never (the `--renames --turn` seed 2623; session 66, C)
    kept = [_under_names(frame[STATUS_COLUMNS], walked) for frame in kept if not frame.empty]
    listed_kept: set[str] = set()
    if kept:
        earlier = pd.concat([*kept, earlier])
        listed_kept = {key for frame in kept for key in frame["hh_key"].tolist()}

    def name_keys(stored_period: str) -> fig.NameKeys:
        this_year = start_from == "plan" and stored_period == f"{plan.plan_year}-00"
        if this_year:
            return fig.NameKeys(start)
        # a few keys asked of a month's rows, its renamed and merged hamlets under names now
        frame = _under_names(load([stored_period]), walked)
        return fig.NameKeys(_under_names(frame, walk_names))

    def heads(stored_period: str, keys: list[str], sizes: bool = False) -> fig.NameKeys:
        """name_keys of ``keys``' rows alone (the walk's heads of the codes moved: a month of a
        province is 300,000 rows, read whole only where the run needs it otherwise; one read
        whole already, last month's for its baseline, gives its rows of those keys).
        ``sizes``: with their households' sizes (read by key; timeline._another_household)."""
        if stored_period.endswith("-00"):
            return name_keys(stored_period)
        whole = load.read([stored_period])
        if sizes and keyed is not None:
            frame = keyed([stored_period], keys=keys, sizes=True)
        elif whole is not None:
            frame = whole[whole["hh_key"].isin(keys).to_numpy()]
        elif keyed is None or len(keys) > 500:
            return name_keys(stored_period)
        else:
            frame = keyed([stored_period], keys=keys)
        frame = _under_names(frame, walked)
        return fig.NameKeys(_under_names(frame, walk_names))

    month_periods = {previous, *month_from.values()} if month_base is not None else set()
    if month_from:  # a household held since in a row with an error is judged as of that
        # row's month (run._out_when_held; docs/decisions.md, session 39): each month between
        oldest = min(base_month(b, plan.plan_year) for b in month_from.values())
        month_periods |= {p for p in periods if oldest <= p <= previous}
    stored_bases = sorted(p for p in {start_from, *month_periods} if p is not None and p != "plan")
    now_rows = _month_now(period, rows_now) if not earlier.empty else None
    # a start row of a hamlet dropped from the plan and back, on no list of the year: its
    # hamlet's lists before it was dropped do not take it off the lists (session 63, E)
    unheard = (_unheard_start(plan, period, statuses, named_in, accepted_in,
                              {**walked, **walk_names}, stored, twins, told_listed)
               if start_from == "plan" else {})  # fmt: skip
    revised_started: dict[str, list[str]] = {}
    if start_from == "plan":  # nor one a revision gave its hamlet after its lists (session 65)
        given, untold = _given_since(
            plan, period, statuses, accepted_in, {**walked, **walk_names}, stored, twins
        )
        for key, until in given.items():
            unheard = {**unheard, key: max(until, unheard.get(key, until))}  # fmt: skip
        if untold and month_base is not None:
            # told by no month before now, its hamlet's list accepted now: its month column
            # holds it, as a back hamlet's does, so the month's table tells what the year's
            # does (gone now, or listed: no move) (session 65, A2)
            month_base, revised_started = _revised_in_month(
                plan, month_base, untold, set(now) & month_hamlets
            )  # (not January: no month of the year is stored before it)
    # a start row a month's record told gone (maybe under the hamlet a revision moved it from
    # since, its hamlet now silent then) left the lists at that month (session 66, S)
    told_where = (_told_by_record_where(plan, period, stored, {**walked, **walk_names})
                  if start_from == "plan" and stored else {})  # fmt: skip
    told_gone = {key: month for key, (month, _, _) in told_where.items()}
    # (the hamlet asked then, where the plan gives the row another now: its year row says it,
    # under its name then as its feedback did, not the name of the hamlet it joined or took
    # since: session 67, RC; one merged since into the row's own keeps the plain words: session
    # 65, RW)
    told_from = {key: told[:2] for key, hamlet in zip(fig.keys_of(plan.start_list),
                                                      plan.start_list["hamlet"].tolist(),
                                                      strict=True)
                 if (told := told_where.get(key)) is not None and told[2] != hamlet
                 } if told_where else {}  # fmt: skip
    left = timeline.departures(earlier, accepted_in, name_keys, stored_bases, now_rows,
                               _head_ids(plan.start_list, rows_now), walk_names, heads,
                               moves.once_in(plan.start_list), unheard, told_gone)  # fmt: skip

    def written(old: str, seen: str) -> str:  # the old code as its latest row writes it
        this_year = start_from == "plan" and seen == f"{plan.plan_year}-00"
        return _written_code(start if this_year else load([seen]), old)

    back_now = {key: (written(old, seen), seen, there)
                for key, (old, seen, there) in left.back_now.items()}  # fmt: skip
    left_before = left.ever | back_now.keys()  # one back under another code had left them too
    month_as_written = None
    kept_at_turn: dict[str, tuple[str, str, str, str, str]] = {}
    kept_left: dict[str, str] = {}
    turn_pairs: dict[str, str] = {}  # a later month's pass 4: a code -> the start list's key
    # the hamlets merged that the plan no longer has: the start list writes their households
    # under the hamlet they joined (one merged within the year is on it apart)
    now_named = set(plan.hamlets["hamlet"].tolist()) if merged_into else set()
    dropped = {old: into for old, into in merged_into.items() if old not in now_named}
    if start_from == "plan" and month_base is not None and previous < f"{plan.plan_year}-01":
        # January against last year's lists: their codes as the new start list renumbers them
        # (session 54); a code it took off a household still on it left no list then
        month_as_written = month_base
        # a hamlet without a December list is beside its start list rows, in the start list's
        # codes already: not asked, so that a household moved into it at the turn is paired
        # with its December row in another hamlet (session 56, C2)
        last_year = ~month_base["hamlet"].isin(from_start | quiet).to_numpy()
        # passes 2 and 3 of the order note at the top: within each hamlet, then the commune's,
        # the silent hamlets' latest lists beside December's (a twin on them pairs none)
        december = month_base[last_year]
        beside = _beside_december(silent_rows, december)
        if beside is None:
            paired, renumbered = as_start_codes(december, start)
            rekeyed = bool(renumbered)
        else:
            ours = december["hh_key"].tolist()
            both = pd.concat([december, beside], ignore_index=True)
            paired, renumbered = as_start_codes(both, start, last_keys=set(ours))
            paired = paired.iloc[: len(december)]
            mine = set(ours)  # their own renumbering is the silent hamlets' (pass 4 reads it)
            renumbered = {old: key for old, key in renumbered.items() if old in mine}
            # (a December row held by its name, its code given to one of theirs, too)
            rekeyed = bool(renumbered) or paired["hh_key"].tolist() != ours
        if rekeyed:
            keys, codes = month_base["hh_key"].tolist(), month_base["ma_ho"].tolist()
            for at, key, code in zip(last_year.nonzero()[0].tolist(), paired["hh_key"].tolist(),
                                     paired["ma_ho"].tolist(), strict=True):  # fmt: skip
                keys[at], codes[at] = key, code
            month_base = month_base.assign(hh_key=keys, ma_ho=codes)
            if month_written:  # a merged hamlet's rows under the hamlet joined: their keys now
                old_keys = month_as_written["hh_key"].tolist()
                month_written = {
                    (key, hamlet): month_written[(old, hamlet)]
                    for old, key, hamlet in zip(old_keys, keys, month_base["hamlet"].tolist(),
                                                strict=True)
                    if (old, hamlet) in month_written
                }  # fmt: skip
        if not rekeyed:
            month_as_written = None
        else:
            # one held under its name (its code the start list gives one renumbered) is on
            # the start list under no code: it left the lists at the turn, as one under its
            # own code off the start list (session 55: not asked to write itself 'Thoát')
            written = month_as_written["hh_key"].tolist()
            left_before = left_before | {
                key for old, key in zip(written, month_base["hh_key"].tolist(), strict=True)
                if key != old and old not in renumbered
            }  # fmt: skip
        turn = f"{plan.plan_year}-00"
        at_turn = {old: key for old, key in renumbered.items() if left.left_in.get(old) == turn}
        left_before = left_before - at_turn.keys()
        # one written now under another code whose household last year's list had, the start
        # list under another code, never left the lists: not back (tái nghèo), the year's table
        # pairing it with the start list's row, in another hamlet (kept_at_turn) or its own
        # (session 57)
        kept_at_turn = {key: (*back_now[key], at_turn[old], _written_code(start, at_turn[old]))
                        for key, (old, _, _) in left.back_now.items() if old in at_turn}  # fmt: skip
        if kept_at_turn:
            back_now = {key: back for key, back in back_now.items() if key not in kept_at_turn}
            left_before = left_before - {key for key in kept_at_turn if key not in left.ever}
        # a hamlet silent last month: its codes as its own latest list of last year wrote them
        seen = {key: p for key, p in left.seen.items() if p != previous}
        # pass 4 of the order note at the top: last, on the walk's months of leaving
        left_before = left_before - renumbered_at_turn(
            plan, start, periods, load, left.left_in, left_before, seen, dropped
        )
        # a hamlet silent in December and now: its start list rows, in the start list's codes
        # (after the renumbering, so that a December row paired with one of them holds it)
        part = _silent_start_rows(plan, month_base, quiet) if quiet else None
        if part is not None:
            month_base = pd.concat([month_base, part], ignore_index=True)
            if month_as_written is not None:  # row for row with month_base
                month_as_written = pd.concat([month_as_written, part], ignore_index=True)
    elif start_from == "plan":
        # a later month: a code the start list took off a household still on it (renumbered
        # as its hamlet's latest list of last year wrote it) left no list at the turn either,
        # nor did one listed again since (a household new under it in January, still listed)
        turn = f"{plan.plan_year}-00"
        again = {key: seen for key, (at, seen) in left.left_at_turn.items()
                 if at == turn and key not in left.left_in}  # fmt: skip
        # pass 4 of the order note at the top (2-3 made again on last year's lists)
        turn_pairs = turn_renumbered(
            plan, start, periods, load, {**dict.fromkeys(again, turn), **left.left_in},
            left_before, {**again, **left.seen}, dropped,
        )  # fmt: skip
        left_before = left_before - turn_pairs.keys()
        # one found back under another code in January whose household last year's list had,
        # the start list under another code, never left the lists: kept as January keeps it
        # (kept_at_turn), not back (tái nghèo) in a later month either (session 57)
        back_then = {key: back for key, back in left.back_before.items()
                     if left.left_at_turn.get(back[0], ("",))[0] == turn
                     and back[1] < f"{plan.plan_year:04d}-01"}  # fmt: skip
        if back_then:
            olds = {old: seen for old, seen, _ in back_then.values()}
            pairs = turn_renumbered(plan, start, periods, load, dict.fromkeys(olds, turn),
                                    set(olds), olds, dropped)  # fmt: skip
            kept_at_turn = {
                key: (written(old, seen), seen, there, pairs[old], _written_code(start, pairs[old]))
                for key, (old, seen, there) in back_then.items() if old in pairs
            }  # fmt: skip
            # one that left the lists itself since (gone from its list, or 'Thoát': the walk's
            # left_from) and is back had left them: tái nghèo in the month's table (R2)
            # (not one gone now: it leaves now, asked to confirm as any household gone; session
            # 58: left_from holds this month's leavings too)
            left_since = left.left_from.keys() - left.left_now
            stayed = {key for key in kept_at_turn if key not in left_since}
            # so is it under a code written since: re-coded, its new code replacing the kept
            # one on its hamlet's list the month it came (the walk's recoded_from), a code
            # change, not a leaving and a return; or back under it after it left (back_before,
            # back_now), tái nghèo in the month's table as under its own code (R2), the year's
            # table moving it in from the start list's hamlet alike (session 58)
            links = {**left.back_before, **left.back_now, **left.recoded_from}
            chains = _recoded_chains(links, kept_at_turn.keys())
            for key, chain in chains.items():
                # its words name the code it had before (the month's code change said with the
                # start list's question: one warning a row)
                old, seen, there = links[key]
                kept_at_turn[key] = (written(old, seen), seen, there, *kept_at_turn[chain[-1]][3:])
                if chain[-1] in stayed and not left_since & {key, *chain}:
                    stayed.add(key)
            # one written again under a code of its chain after a later one (011, 013, 011:
            # the walk has 013 gone, 011 listed again) is told the code it had just before
            # (013, its latest row's month), not the one it had when first kept (session 59)
            again = _written_again(chains, left)
            for key, before in again.items():
                old, seen, there = before
                kept_at_turn[key] = (written(old, seen), seen, there, *kept_at_turn[key][3:])
            # one whose later code left the lists in a month no code of its chain was on a list
            # (011, 013, none, 011: 013 gone in March) had left them: back now or since, not
            # kept, tái nghèo in the month's table; back now, told so, naming the code it had
            # just before (the walk's back_now, as one back under another code; session 59, B2)
            # (``back``: not ``now``, the hamlets accepted this month, read after: session 60)
            for key, (old, seen, there, back) in _left_between(again, chains, left,
                                                               earlier).items():  # fmt: skip
                stayed.discard(key)
                left_before = left_before | {key}
                if back:  # back this month
                    back_now[key] = (written(old, seen), seen, there)
            left_before = left_before - stayed
            # the month the household last left the lists, under the code it had then (the
            # walk's left_in; this month: left_now)
            for key, kept in kept_at_turn.items():
                when = period if key in left.left_now else left.left_in.get(key)
                if when is not None and when > kept_left.get(kept[3], ""):
                    kept_left[kept[3]] = when
    # a household re-coded by its hamlet this year, gone from it now, written by another hamlet
    # under its older code: moved there, in the month's table as in the year's (session 59)
    codes_back: dict[str, str] = {}
    moved_back: dict[str, tuple[str, str, str, str]] = {}
    # a turn pair's start list key on last month's lists (or its hamlet's latest) -> that
    # list's hamlet: its latest row, where its hamlet sends no valid list now (session 60, C2)
    last_listed: dict[str, str] = {}
    if turn_pairs and month_base is not None and not period.endswith("-01"):
        wanted = set(turn_pairs.values())
        last_listed = {key: hamlet for key, hamlet in zip(fig.keys_of(month_base),
                                                           month_base["hamlet"].tolist(),
                                                           strict=True) if key in wanted}  # fmt: skip
    if month_base is not None and month_as_written is None and not period.endswith("-01"):
        # a code the start list took off its household (the turn's pairing, pass 4) is a link
        # back too: the household written again under it now, by another hamlet than the one
        # whose list had it under the start list's code last month, moved there (session 60)
        at_turn = {
            new: (old, left.seen.get(old, ""), left.left_from.get(old, ""))
            for old, new in turn_pairs.items()
            if left.left_in.get(old) == f"{plan.plan_year}-00"
        }
        # a hamlet of last month's lists with no valid list now: its households are not gone
        # from a list (the walk's left_now), but one written by another hamlet now is there
        quiet_now = set(month_base["hamlet"].tolist()) - set(now) if now else set()
        month_base, codes_back = _back_elsewhere(month_base, left, now_rows, rows_now, at_turn,
                                                 quiet_now)  # fmt: skip
    if turn_pairs and not period.endswith("-01"):
        # the year's table pairs such a code written now with its start list row alike (as
        # kept_at_turn), this month and every month after (session 60)
        turn = f"{plan.plan_year}-00"
        for old, (key, at_start) in _moved_back(turn_pairs, start, now_rows).items():
            # the start list's code as its latest row writes it, that row's period and hamlet
            # (one not out of the lists, its hamlet sending nothing valid now: the start list's)
            if key in left.seen_now:
                seen, there = left.seen_now[key]
            elif key in left.seen and key in left.left_from:
                seen, there = left.seen[key], left.left_from[key]
            elif key in last_listed:  # on last month's list of a hamlet quiet now (C2)
                there = last_listed[key]
                seen = month_from.get(there, previous)
                seen = turn if seen == "plan" else seen
            elif (latest := _latest_listing(earlier, key, plan.plan_year)) is not None:
                # its hamlet sending nothing valid last month nor now: its latest list of the
                # year, not the start list (session 61, C2's Left)
                seen, there = latest
            else:
                seen, there = turn, at_start
            moved_back[old] = (key, written(key, seen), seen, there)
            # one whose start list code left the lists in an earlier month (asked to confirm
            # then), on no list since, written now under last year's code never listed since
            # the turn: its leaving ended now, tái nghèo in the month's table, told back under
            # the start list's code (the walk's back_now; as one kept at the turn, R2)
            if left.left_in.get(old) == turn and left.left_in.get(key, turn) != turn:
                left_before = left_before | {old}
                back_now[old] = moved_back[old][1:]
    return _Baselines(
        start,
        start_from,
        start_hamlets,
        month_base,
        month_hamlets,
        month_from,
        left_before,
        left.out_at.get(start_from, set()),
        {p: left.out_at.get(p, set()) for p in month_periods},
        listed_kept,
        left.left_in,
        renamed,
        merges,
        back_now,
        {**walked, **merged_into},
        left.left_from,
        left.held_by_id,
        month_as_written,
        kept_at_turn,
        kept_left,
        # one out of the lists already at last month's end (gone in December, the start list
        # holding it again) is not asked again at the turn (session 51's rule): only one
        # listed last month and gone now (session 58, F2; the lead at the merge)
        frozenset(
            left.left_now & set(month_base["hh_key"].tolist())
            if month_base is not None
            else left.left_now
        ),
        codes_back,
        frozenset(h for h in month_paired if h in month_from),
        {h: olds for h, olds in month_took.items() if h in month_from},
        moved_back,
        left.recoded_from,
        left.others,
        {
            **{h: codes for h, codes in month_started.items() if h in month_from},
            **revised_started,
        },  # fmt: skip
        left.held_named,
        month_written,
        told_from,
    )


def _recoded_chains(
    recoded_from: dict[str, tuple[str, str, str]], kept: Collection[str]
) -> dict[str, list[str]]:
    """Each key re-coded (or back) from one of ``kept`` (``recoded_from``: key -> (its older
    key, ...), timeline.Departures.recoded_from and back_before, followed back one code at a
    time) -> its older codes, latest first, the kept one last."""
    chains: dict[str, list[str]] = {}
    for key in sorted(recoded_from.keys() - set(kept)):
        chain, seen = [], {key}
        old = recoded_from[key][0]
        while old not in seen:
            chain.append(old)
            if old in kept:
                chains[key] = chain
                break
            seen.add(old)
            if old not in recoded_from:
                break
            old = recoded_from[old][0]
    return chains


def _left_between(
    again: dict[str, tuple[str, str, str]],
    chains: dict[str, list[str]],
    left: timeline.Departures,
    history: pd.DataFrame,
) -> dict[str, tuple[str, str, str, bool]]:
    """Of the kept keys written again under an older code of their chain (``again``:
    :func:`_written_again`, key -> (the later code, the period and hamlet of its latest row)),
    those whose later code left the lists before this month (the walk's ``left_in``, not gone
    now) in a month (P) in which no code of the chain was on a list (``history``: the walk's
    (period, hh_key, status) rows): the household left the lists then. Each -> (the later code,
    its latest row's period, its hamlet, whether the key is on no list from P on: back this
    month; else back in an earlier month since P, told then). A later code gone while
    the key is listed (011, 013, 011) is a code change: not here."""
    gone = {key: (later, seen, there, left.left_in[later])
            for key, (later, seen, there) in again.items()
            if later in left.left_in and later not in left.left_now}  # fmt: skip
    if not gone:
        return {}
    codes = {code for key, (later, *_) in gone.items() for code in (key, later, *chains[later])}
    rows = history[history["hh_key"].isin(codes).to_numpy()
                   & history["status"].isin(_LISTS).to_numpy()]  # fmt: skip
    listed: dict[str, set[str]] = {}
    for key, p in zip(rows["hh_key"].tolist(), rows["period"].tolist(), strict=True):
        listed.setdefault(key, set()).add(p)
    found: dict[str, tuple[str, str, str, bool]] = {}
    for key, (later, seen, there, out) in gone.items():
        if any(out in listed.get(code, ()) for code in (key, later, *chains[later])):
            continue  # a code of the household on a list the month the later one left
        found[key] = (later, seen, there, not any(p >= out for p in listed.get(key, ())))
    return found


def _back_elsewhere(
    month: pd.DataFrame,
    left: timeline.Departures,
    now: tuple[str, pd.DataFrame, fig.NameKeys] | None,
    rows_now: pd.DataFrame | None,
    at_turn: dict[str, tuple[str, str, str]] | None = None,
    quiet: Collection[str] = (),
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Last month's lists (``month``) with the key of each household its hamlet re-coded this
    year (the walk's ``recoded_from``: a code change by name within the hamlet; or ``back_before``:
    back under it after it left, in an earlier month; followed back one code at a time), gone from that hamlet's list now (``left_now``), written now by another
    hamlet under one of its older codes (the first found on a list now, going back), as that
    older code: the month's table reads a move, as the year's does by that code (the start
    list's, or a month's), not one household gone and another new. Guards: one row of the gone
    code last month, counted there; one row of the older code now (``now``: the month's rows as
    the walk reads them, none left out for an error), counted, in another hamlet, its head's
    name and birth year those of last month's row; the older code on no list last month, and
    not out of the lists (``left_in``: one out is back, as before; one back since under a later
    code is not out); one gone code to each older code. ``at_turn``: the start list's key of
    a household it renumbered -> (last year's code, …) as the links: that code left the lists
    at the turn only so, and is no code out (session 60). ``quiet``: the hamlets of ``month``
    with no valid list now: a code of theirs is not gone from its list (no list is read), yet
    one so written elsewhere is moved there, as a code written alike is (session 60).
    Returns (the lists so read, each older code -> the Mã hộ last month's list wrote)."""
    # a code change by name, or a return under another code in an earlier month (005 gone in
    # February, back as 015 in March: its leaving ended then; session 59, B2), or the turn's
    # renumbering (009 on the start list for December's 003; session 60)
    at_turn = at_turn or {}
    links = {**at_turn, **left.back_before, **left.recoded_from}
    renumbered = {old for old, *_ in at_turn.values()}
    if now is None or rows_now is None or not (left.left_now or quiet) or not links:
        return month, {}
    keys = fig.keys_of(month)
    silent = set()
    if quiet:
        silent = {key for key, hamlet in zip(keys, month["hamlet"].tolist(), strict=True)
                  if hamlet in quiet and key in links}  # fmt: skip
    gone = [key for key in sorted(left.left_now | silent) if key in links]
    if not gone:
        return month, {}
    _, statuses, names = now
    count = Counter(statuses["hh_key"].tolist())
    base = Counter(keys)
    found: dict[int, str] = {}  # row of ``month`` -> the older key written now
    for key in gone:
        if base[key] != 1 or count[key]:
            continue
        older, walked = links[key][0], {key}
        while older not in walked and not count[older] and older in links:
            walked.add(older)
            older = links[older][0]
        # the older code out of the lists (the walk's left_in: left, not back under another
        # code since) is back, tái nghèo, as before
        if count[older] != 1 or base[older]:
            continue
        if older in left.left_in and older not in renumbered:
            continue
        at = statuses.index[(statuses["hh_key"] == older).to_numpy()][0]
        here = keys.index(key)
        hamlet, then = statuses.at[at, "hamlet"], month.iloc[here]
        if statuses.at[at, "status"] not in ("poor", "near_poor") or then["phan_loai"] not in (
            "poor",
            "near_poor",
        ):
            continue
        if hamlet == then["hamlet"]:
            continue  # within its hamlet: the month's table pairs the code change by name
        head = fig.name_key_text(hamlet, then["chu_ho"], then["nam_sinh"])
        if head is None or head != names.get(older):
            continue
        found[here] = older
    claimed = Counter(found.values())
    found = {here: older for here, older in found.items() if claimed[older] == 1}
    if not found:
        return month, {}
    # the older codes as the lists now write them (a few rows looked up)
    kept = kept_households(rows_now)
    wanted = set(found.values())
    now_codes = {key: str(code)
                 for key, code in zip(fig.household_key_texts(kept), kept["ma_ho"].tolist(),
                                      strict=True) if key in wanted}  # fmt: skip
    hh_keys, codes = month["hh_key"].tolist(), month["ma_ho"].tolist()
    written: dict[str, str] = {}
    for here, older in found.items():
        written[older] = str(codes[here])
        hh_keys[here], codes[here] = older, now_codes.get(older, older[3:])
    return month.assign(hh_key=hh_keys, ma_ho=codes), written


def _latest_listing(statuses: pd.DataFrame, key: str, year: int) -> tuple[str, str] | None:
    """(period, hamlet) of the latest stored row of ``key`` on a list of ``year``'s months
    (poor, near-poor, or left out for an error: still on it) in ``statuses`` (period, hamlet,
    hh_key, status); None where none has it. Asked of a few keys a month, one look each."""
    first = f"{year}-01"
    rows = statuses[(statuses["hh_key"] == key).to_numpy()]
    rows = rows[(rows["period"] >= first).to_numpy()
                & rows["status"].isin(("poor", "near_poor", fig.NOT_COUNTED)).to_numpy()]  # fmt: skip
    if rows.empty:
        return None
    latest = rows.sort_values("period", kind="stable").iloc[-1]
    return str(latest["period"]), str(latest["hamlet"])


def _moved_back(
    turn_pairs: dict[str, str],
    start: pd.DataFrame,
    now: tuple[str, pd.DataFrame, fig.NameKeys] | None,
) -> dict[str, tuple[str, str]]:
    """Of ``turn_pairs`` (a later month's pass 4: a code of last year's lists -> the start list's
    key of its household, which the start list renumbered), each code on a list now in another
    hamlet than its start list row, that start key on no list now, the head's name and birth
    year those of the start list row: the household written again under last year's code ->
    (its start list key, that row's hamlet). The year's table moves it from the start list's
    hamlet, not one gone and one new (session 60). Guards as :func:`_back_elsewhere`'s: one
    row of the code now, counted; one row of the start key on the start list."""
    if now is None:
        return {}
    _, statuses, names = now
    count = Counter(statuses["hh_key"].tolist())
    olds = {old: key for old, key in turn_pairs.items() if count[old] == 1 and not count[key]}
    if not olds:
        return {}
    keys = fig.keys_of(start)
    starts = Counter(keys)
    wanted = set(olds.values())
    at_start = {key: i for i, key in enumerate(keys) if key in wanted}
    found: dict[str, tuple[str, str]] = {}
    for old, key in olds.items():
        if starts[key] != 1:
            continue
        at = statuses.index[(statuses["hh_key"] == old).to_numpy()][0]
        hamlet, then = statuses.at[at, "hamlet"], start.iloc[at_start[key]]
        if statuses.at[at, "status"] not in _LISTS or then["phan_loai"] not in _LISTS:
            continue
        if hamlet == then["hamlet"]:
            continue  # within its hamlet: the tables pair the code change by name
        head = fig.name_key_text(hamlet, then["chu_ho"], then["nam_sinh"])
        if head is not None and head == names.get(old):
            found[old] = (key, then["hamlet"])
    claimed = Counter(key for key, _ in found.values())
    return {old: pair for old, pair in found.items() if claimed[pair[0]] == 1}


def _written_again(
    chains: dict[str, list[str]], left: timeline.Departures
) -> dict[str, tuple[str, str, str]]:
    """Each key of a chain (:func:`_recoded_chains`: a later code -> its older codes) whose
    later code is out of the lists, gone from its hamlet's list now or before (the walk's
    ``seen_now``, ``seen`` and ``left_from``), and not itself out: the household written again
    under that older code -> (the latest such later code, the period and hamlet of its latest
    row). The code it had just before; the latest row wins (011, 013, 015, 011: 015)."""
    found: dict[str, tuple[str, str, str]] = {}
    for later, chain in chains.items():
        if later in left.seen_now:
            seen, there = left.seen_now[later]
        elif later in left.left_in and later in left.seen:
            seen, there = left.seen[later], left.left_from.get(later, "")
        else:
            continue
        for key in chain:
            if key in left.left_in or key in left.seen_now:
                continue  # out itself: no code it is written under again
            if key not in found or found[key][1] < seen:
                found[key] = (later, seen, there)
    return found


def renumbered_at_turn(
    plan: Plan,
    start: pd.DataFrame,
    periods: Collection[str],
    load,
    left_in: dict[str, str],
    left_before: set[str],
    seen: dict[str, str] | None = None,
    merged: dict[str, str] | None = None,
) -> set[str]:
    """The codes of ``left_before`` that left the lists at the plan year's turn only as its
    start list renumbered their households (:func:`as_start_codes` of last year's latest list
    of their hamlet): a household new under one in February or later is new, as in January
    (docs/decisions.md, session 54's review). ``seen``: each such code's period of its latest
    row on a list (timeline.Departures.seen): its hamlet's latest list of last year, a hamlet
    silent in December read in its own November (session 55); a code not in it is not asked.
    Without ``seen``, every code is read in the latest stored month before the year. A month
    is read only where such a code left at the turn, and only the rows the answer can turn on
    are paired: those of a birth year of such a code's row, on each list (a name key holds
    it; the hamlets aside, a household moved to another hamlet at the turn is paired too:
    session 56), the start list's codes counted over the whole list (session 54, R3).
    ``merged``: a hamlet merged since that the plan no longer has -> the one it joined, whose
    name its rows are read under, as the start list writes them (session 56, S: a household of
    the joined hamlet off the start list is no slip of a merged one's name kept there)."""
    return set(turn_renumbered(plan, start, periods, load, left_in, left_before, seen, merged))


def turn_renumbered(
    plan: Plan,
    start: pd.DataFrame,
    periods: Collection[str],
    load,
    left_in: dict[str, str],
    left_before: set[str],
    seen: dict[str, str] | None = None,
    merged: dict[str, str] | None = None,
) -> dict[str, str]:
    """:func:`renumbered_at_turn`'s codes, each -> the start list's key of its household."""
    turn = f"{plan.plan_year}-00"
    at_turn = {key for key in left_before if left_in.get(key) == turn}
    year = f"{plan.plan_year:04d}-01"
    months = sorted(p for p in periods if p < year and not p.endswith("-00"))
    if not at_turn or not months:
        return {}
    by_month: dict[str, set[str]] = {}
    for key in at_turn:
        month = months[-1] if seen is None else seen.get(key)
        if month is not None and month < year and not month.endswith("-00"):
            by_month.setdefault(month, set()).add(key)
    if not by_month:
        return {}
    # the start list's keys worked out once (as_start_codes reads a frame's own 'hh_key')
    start = start.assign(hh_key=fig.keys_of(start))
    written = Counter(start["hh_key"].tolist())
    found: dict[str, str] = {}
    for month, keys in sorted(by_month.items()):
        base = _under_names(timeline.as_baseline(load([month]), month), merged or {})
        left = base[base["hh_key"].isin(keys).to_numpy()]
        if left.empty:
            continue
        _, renumbered = as_start_codes(
            base[_same_year(base, left)],
            start[_same_year(start, left)],
            written,
            set(base["hh_key"].tolist()),
        )
        found.update({key: renumbered[key] for key in keys & renumbered.keys()})
    return found


def _same_year(frame: pd.DataFrame, rows: pd.DataFrame):
    """Whether each row of ``frame`` has the birth year of one of ``rows`` (as a number), or
    the hamlet of one and no year read as a number: the rows whose name key may be one of
    ``rows``' in its hamlet or, the hamlet aside, in the commune (session 56)."""

    def years(of: pd.DataFrame) -> pd.Series:
        return pd.to_numeric(of["nam_sinh"], errors="coerce").astype(float)

    mine = years(frame)
    return (
        mine.isin(set(years(rows).dropna().tolist()))
        | (frame["hamlet"].isin(rows["hamlet"]) & mine.isna())
    ).to_numpy()


def as_start_codes(
    base: pd.DataFrame,
    start: pd.DataFrame,
    written: Counter | None = None,
    last_keys: Collection[str] | None = None,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """``base`` (last year's stored rows a January compares with) with each household the
    plan's start list renumbered under its code there, and {old key: key now} of those. A row
    under a Mã hộ is the start list's household of its hamlet with its head's name and birth
    year, where that name and year are one row's on each side and the start list writes that
    code once (the pairing :func:`figures.movements_of` makes by name; none where ambiguous);
    then, of the rows left, a head's name corrected by the last letter of its given name
    ('Lò Văn Cườn', 'Lò Văn Cường': figures.slip_pairs), one such a side of a hamlet and year,
    the letters before it written alike with their marks (figures.slip_written_alike) and its
    code on the start list one of last year's lists held (``last_keys``, by default ``base``'s
    keys): a code renumbered, not a new household's fresh one (session 55's review). Then, of
    the rows left on each side, the same with the hamlet set aside: a household the start list
    writes in another hamlet under another code (moved at the turn), one name and birth year a
    side of the commune; its row keeps its hamlet, so the month table says it moved (session
    56). A row the start list writes under its hamlet and code, its head's name and year alike
    but for case, spacing or Unicode form, is its household too, before any pairing (session
    56's review); so is one it writes under that code in another hamlet, the name and year
    alike, one such row a side (by its Mã hộ, as the contract matches; session 64, G2). A row
    not renumbered whose code the start list gave one renumbered (a household gone at the
    year's turn: An's 001, now Bình's) is held by its head's name and birth year, as a row
    without a Mã hộ: two households, never one code (docs/decisions.md, session 54).
    ``written``: the start list's keys counted, where ``start`` is part of it."""
    if base.empty or start is None or start.empty:
        return base, {}
    keys = base["hh_key"].tolist()
    start_keys = fig.keys_of(start)

    def written_as(frame: pd.DataFrame, codes: list[str]) -> pd.Index:
        born = pd.to_numeric(frame["nam_sinh"], errors="coerce").astype(float).tolist()
        return pd.Index([f"{h}\x00{k}\x00{n}\x00{b}" for h, k, n, b in
                         zip(frame["hamlet"].tolist(), codes, frame["chu_ho"].tolist(), born,
                             strict=True)])  # fmt: skip

    # a row the start list writes alike (its hamlet, code, head and year) is settled: the
    # names of the others alone folded (a province's January, nothing renumbered: none)
    mine, theirs = written_as(base, keys), written_as(start, start_keys)
    base_open = (~mine.isin(theirs)).nonzero()[0].tolist()
    start_open = (~theirs.isin(mine)).nonzero()[0].tolist()
    hamlets, heads, births = (base[c].tolist() for c in ("hamlet", "chu_ho", "nam_sinh"))
    codes = start["ma_ho"].tolist()
    written = Counter(start_keys) if written is None else written
    places, named, born = (start[c].tolist() for c in ("hamlet", "chu_ho", "nam_sinh"))
    # so is a row the start list writes under its hamlet and code with its head's name and year
    # alike but for case, spacing or Unicode form ('LÒ VĂN TÁM'): not open to the pairing, where
    # it would be a twin of a household moved in under that name (session 56's review)
    under = {(places[at], start_keys[at]): at for at in start_open
             if start_keys[at].startswith("id|")}  # fmt: skip
    alike: set[int] = set()
    settled: set[int] = set()
    for at in base_open:
        to = under.get((hamlets[at], keys[at]))
        if to is not None and to not in settled:
            name = fig.name_key_text(hamlets[at], heads[at], births[at])
            if name is not None and name == fig.name_key_text(places[to], named[to], born[to]):
                alike.add(at)
                settled.add(to)
    # and a row the start list writes under its code in another hamlet, its head's name and
    # year alike (folded): that household, matched by its Mã hộ as the contract matches (moved
    # at the turn keeping its code, or of a hamlet merged into one silent now, its December
    # rows under their own hamlet), one such row a side; not open to a slip in the hamlet the
    # start list writes it in (the `--turn` seed 1924: a 'Thoát' row there a last letter
    # apart took it; session 64, G2)
    once = Counter(keys[at] for at in base_open if at not in alike)
    elsewhere = {start_keys[at]: at for at in start_open if at not in settled
                 and start_keys[at].startswith("id|") and written[start_keys[at]] == 1}  # fmt: skip
    for at in base_open:
        to = elsewhere.get(keys[at])
        if to is None or at in alike or once[keys[at]] != 1 or places[to] == hamlets[at]:
            continue
        name = fig.name_key_text("", heads[at], births[at])
        if name is not None and name == fig.name_key_text("", named[to], born[to]):
            alike.add(at)
            settled.add(to)
    if alike:
        base_open = [at for at in base_open if at not in alike]
        start_open = [at for at in start_open if at not in settled]
    last_keys = set(keys) if last_keys is None else last_keys

    def paired(base_at: list[int], start_at: list[int], commune: bool) -> dict[int, int]:
        """base row -> start list row of ``base_at`` and ``start_at``: one name and birth year
        a side (of the hamlet; ``commune``: of the commune, the hamlet aside), then one head's
        name a last letter apart, as the docstring says."""
        by_name: dict[str, list[int]] = {}
        for at in start_at:
            if start_keys[at].startswith("id|") and written[start_keys[at]] == 1:
                name = fig.name_key_text("" if commune else places[at], named[at], born[at])
                if name is not None and name[-1] != "|":  # a birth year, as the pairing asks
                    by_name.setdefault(name, []).append(at)
        names: dict[int, str] = {}
        for at in base_at:
            if keys[at].startswith("id|"):
                name = fig.name_key_text("" if commune else hamlets[at], heads[at], births[at])
                if name is not None:
                    names[at] = name
        seen = Counter(names.values())
        pairs = {}
        for at, name in names.items():
            found = by_name.get(name, ())
            if len(found) == 1 and seen[name] == 1:
                pairs[at] = found[0]
        # a head's name corrected (or mistyped) on one side by its last letter alone, where the
        # hamlet and birth year hold one such pair (figures.slip_pairs; session 55)
        slips = fig.slip_pairs(
            {at: name for at, name in names.items() if seen[name] == 1 and name not in by_name},
            {found[0]: name for name, found in by_name.items()
             if len(found) == 1 and name not in seen},
        )  # fmt: skip
        # its code on the start list one of last year's (renumbered; a fresh code is a household
        # new at the review), the given name's letters before the slip written alike, marks and
        # all
        pairs.update(
            (at, to)
            for at, to in slips.items()
            if start_keys[to] in last_keys and fig.slip_written_alike(heads[at], named[to])
        )
        return pairs

    pairs = paired(base_open, start_open, False)
    # then a household the start list writes in another hamlet under another code (moved at the
    # turn): the rows left on each side, one name and birth year a side of the commune
    taken_rows = set(pairs.values())
    moved = paired(
        [at for at in base_open if at not in pairs],
        [at for at in start_open if at not in taken_rows],
        True,
    )
    pairs.update((at, to) for at, to in moved.items() if hamlets[at] != places[to])
    renumbered: dict[str, str] = {}
    new_keys, new_codes = list(keys), base["ma_ho"].tolist()
    for at, to in pairs.items():
        if start_keys[to] != keys[at]:
            renumbered[keys[at]] = new_keys[at] = start_keys[to]
            new_codes[at] = codes[to]
    if not renumbered:
        return base, {}
    taken = set(renumbered.values())
    for at, key in enumerate(keys):
        if key in taken and key not in renumbered:
            name = fig.name_key_text(hamlets[at], heads[at], births[at])
            if name is not None:
                new_keys[at] = name
    return base.assign(hh_key=new_keys, ma_ho=new_codes), renumbered


def _head_ids(
    start: pd.DataFrame | None, rows: pd.DataFrame | None
) -> Callable[[str], list[tuple[str, str]]]:
    """:func:`timeline.departures`' ``ids``: the (folded head's name, ID number) of a code's rows
    with one in the plan's start list and the month run (the history keeps none), found the
    first time a code is asked (moves.Heads): the month's rows kept only then (a walk that asks
    none, as a month without a move between hamlets, costs nothing: 0.2 s of a 1,000-hamlet
    province's figures before)."""
    lists: list[moves.Heads] = []

    def ids(key: str) -> list[tuple[str, str]]:
        if not lists:
            lists.append(moves.Heads(start))
            lists.append(moves.Heads(None if rows is None else kept_households(rows)))
        return [(fold(row[1]), row[2]) for heads in lists for row in heads.of(key) if row[2]]

    return ids


class _LoadedOnce:
    """``load``, each list of periods read once: the frame given before is given again (no
    caller changes one in place). Last month's stored rows are its baseline and the names the
    history walk asks of it (``name_keys``, ``written``, ``heads``): read once, not twice
    (session 43). ``read(periods)``: the frame read already, else None."""

    def __init__(self, load: Callable[[list[str]], pd.DataFrame]):
        self._load = load
        self._frames: dict[tuple[str, ...], pd.DataFrame] = {}

    def __call__(self, periods: list[str]) -> pd.DataFrame:
        key = tuple(periods)
        if key not in self._frames:
            self._frames[key] = self._load(periods)
        return self._frames[key]

    def read(self, periods: list[str]) -> pd.DataFrame | None:
        return self._frames.get(tuple(periods))


def _month_now(
    period: str, rows: pd.DataFrame | None
) -> tuple[str, pd.DataFrame, fig.NameKeys] | None:
    """The month run as :func:`timeline.departures` takes it (``now``): its rows as the history
    will keep them (a row left out for an error 'not_counted'), and their name keys."""
    if rows is None or rows.empty:
        return None
    kept = kept_households(rows)
    statuses = pd.DataFrame(
        {
            "hamlet": kept["hamlet"].to_numpy(),
            "hh_key": fig.household_key_texts(kept),
            "status": kept["phan_loai"].to_numpy(),
        }
    )
    twice = written_twice(rows)
    if twice:  # a code written twice in one list: the row kept is one of them (session 62)
        places = zip(kept["hamlet"].tolist(), statuses["hh_key"].tolist(), strict=True)
        kept = kept.assign(twice=[twice.get(place) for place in places])
    return period, statuses, fig.NameKeys(kept)


def _written_code(frame: pd.DataFrame, key: str) -> str:
    """The Mã hộ of the last row of ``frame`` (a stored period's, or the start list) under
    ``key`` ('id|…'), as written; the key's own text where no row has it."""
    keys = fig.keys_of(frame)
    if key not in keys:
        return key[3:]
    return str(frame["ma_ho"].iloc[len(keys) - 1 - keys[::-1].index(key)])


def _merges_said(
    stored: list[dict], period: str, year: int, walked: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """The hamlets merged into another that the year's stored summaries before ``period`` say
    (``merged_since``): old name -> (the hamlet it joined, under its name now by ``walked``; the
    month the merger was first known). Not on a hamlet that sent nothing that month: its merger
    is one the month before said, or one known from the plan's start list alone, for its trend
    (trend.merged_silent; docs/decisions.md, session 50), nor on one whose list was refused
    whole (no figures: the merger is the trend's alone, session 52). On a hamlet held out for a
    list apart (``incomplete``), only a merger first known that month (session 49): one carried
    from a month before is read there, or was the trend's alone (session 50, review)."""
    said: dict[str, tuple[str, str]] = {}
    for summary in stored:
        if summary["period"].startswith(f"{year:04d}-") and summary["period"] < period:
            for item in summary["hamlets"]:
                status = item.get("status")
                if status == "missing" or status != "ok" and not item.get("incomplete"):
                    continue
                for old, when in (item.get("merged_since") or {}).items():
                    if status != "ok" and when != summary["period"]:
                        continue
                    said[old] = (walked.get(item["hamlet"], item["hamlet"]), when)
    return said


def _merged_said_into(stored: list[dict], period: str, year: int) -> dict[str, str]:
    """:func:`_merges_said` as old name -> the hamlet it joined, under its name then."""
    return {old: into for old, (into, _) in _merges_said(stored, period, year, {}).items()}


def _merged_reporting(
    accepted_in: dict[str, set[str]], said: dict[str, tuple[str, str]]
) -> dict[str, set[str]]:
    """``accepted_in`` with each hamlet merged into another (``said``: :func:`_merges_said`)
    taken as reporting in each month from the merger on that accepted the hamlet it joined:
    its households are on that list, so one last listed under the old name and on none of the
    lists then left the lists then (the history walk; docs/decisions.md, session 42)."""
    if not said:
        return accepted_in
    return {p: hs | {old for old, (into, when) in said.items() if p >= when and into in hs}
            for p, hs in accepted_in.items()}  # fmt: skip


def _renames_told(
    plan: Plan,
    stored: list[dict],
    period: str,
    renamed: dict[str, str],
    merged: Collection[str] = (),
) -> dict[str, str]:
    """The renames the year's stored months before ``period`` said (a hamlet's
    ``renamed_from``: its earlier names, :func:`trend.renames_named`): old name -> the
    hamlet's name now, where the plan has that name now (or renames it this month:
    ``renamed``), the plan lacks the old name, and no merger took it (``merged``). Once said
    to the officer, a rename is one story for the months after it: the history walk reads the
    months before it under the name now, as the month that found it did, though the rule of
    :func:`_renamed_before` over those months' households, some of them moved since, would
    find none now (the renames oracle's seed 2281: docs/decisions.md, session 61, C3)."""
    names = set(plan.hamlets["hamlet"].tolist())
    year = f"{plan.plan_year:04d}-"
    told: dict[str, str] = {}
    for month in stored:
        if not (month["period"].startswith(year) and month["period"] < period):
            continue
        for item in month["hamlets"]:
            name = renamed.get(item["hamlet"], item["hamlet"])
            if name not in names:
                continue
            for old in item.get("renamed_from") or ():
                if old["hamlet"] not in names and old["hamlet"] not in merged:
                    told[old["hamlet"]] = name
    return told


def _renamed_before(
    plan: Plan,
    period: str,
    earlier: pd.DataFrame,
    accepted_in: dict[str, set[str]],
    named_in: dict[str, set[str]],
    rows_now: pd.DataFrame | None,
    renamed: dict[str, str],
    merged: Collection[str] = (),
) -> dict[str, str]:
    """``renamed`` (last month's hamlets renamed since) and the hamlets of the year's earlier
    stored months the plan renamed since (old name -> name now), for the history walk: a name a
    month accepted that the plan lacks, at least half of whose households of that month are
    under one name that month did not have, on the plan's start list or this month's lists
    (:func:`hamlet_renames`, the rule of docs/decisions.md, session 31). A hamlet merged into one
    the month had too is no rename, nor is one of ``merged`` (the hamlets known merged into
    another since: its households under the name the other has now do not make it a rename,
    nor, shared, leave the other one's rename unknown: docs/decisions.md, session 59). Looked
    at only where a month accepted a name the plan lacks."""
    found = dict(renamed)
    names = set(plan.hamlets["hamlet"].tolist())
    year = f"{plan.plan_year:04d}-"
    for month in sorted(p for p in accepted_in if p.startswith(year) and p < period):
        gone = accepted_in[month] - names - found.keys() - set(merged)
        if not gone:
            continue
        rows = earlier[(earlier["period"] == month).to_numpy()]
        rows = rows[rows["hamlet"].isin(gone).to_numpy()]
        stored: dict[str, set[str]] = {}
        for hamlet, key in zip(rows["hamlet"].tolist(), rows["hh_key"].tolist(), strict=True):
            stored.setdefault(hamlet, set()).add(key)
        new = names - named_in.get(month, accepted_in[month]) - set(found.values())
        if stored and new:
            found.update(hamlet_renames(stored, new, (getattr(plan, "start_list", None), rows_now)))
    return found


def _merged_across(
    plan: Plan,
    period: str,
    load,
    accepted_in: dict[str, set[str]],
    named_in: dict[str, set[str]],
    now: Collection[str],
    rows_now: pd.DataFrame | None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Last month never run: the hamlets of the latest stored month of the year before
    ``period`` the plan renamed or merged into another since (:func:`_month_renamed`), for the
    trend alone (its months before the merger over both hamlets, :func:`trend.trends`): there is no
    month table to compare (docs/decisions.md, session 32). Read only when that month accepted a
    hamlet the plan lacks."""
    year = f"{plan.plan_year:04d}-"
    latest = max((p for p in accepted_in if p.startswith(year) and p < period), default=None)
    if latest is None or not accepted_in[latest] - set(plan.hamlets["hamlet"].tolist()):
        return {}, {}
    base = timeline.as_baseline(load([latest]), latest)
    _, _, renamed, merges = _month_renamed(
        plan, base, accepted_in[latest], named_in.get(latest), now, rows_now
    )
    return renamed, merges


def _month_renamed(
    plan: Plan,
    month_base: pd.DataFrame,
    month_hamlets: set[str],
    named: set[str] | None,
    now: Collection[str],
    rows_now: pd.DataFrame | None,
    silent: dict[str, set[str]] | None = None,
    rows: pd.DataFrame | None = None,
    kept_start: Callable[[], pd.DataFrame] | None = None,
    turn: bool = False,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
) -> tuple[pd.DataFrame, set[str], dict[str, str], dict[str, str]]:
    """Last month's households (``month_base``, of the hamlets accepted then) with a hamlet the
    plan renamed since under its name now (:func:`hamlet_renames`, from the plan's start list and
    this month's lists), so that this month is compared with it, not with the plan's start list as a
    hamlet without last month's list (docs/decisions.md, session 31). Looked at only when last
    month accepted a name the plan lacks and this month one last month did not name at all
    (``named``: every hamlet of its stored summary, sent or not: one missing then is no new
    name). A hamlet of last month the plan lacks whose households are on the list of one
    hamlet last month had too (a merger) has its rows under that one's name the same way.
    Returns them, the hamlets they hold, the renames and the merges (old name -> name now).
    ``silent``: the household keys of the hamlets last month named but did not accept, gone
    from the plan (:func:`_keys_of_silent`): looked at beside them, so that one renamed at once
    is known (a household under its name now moved there). ``rows``, ``kept_start``: the
    stored (period, hamlet, hh_key) rows of the year and the kept start list, so that a list
    mostly moved into during the year is asked again without them (:func:`_merged_as_listed`,
    session 47) before the plan's merger stands. ``turn``: ``month_base`` is last year's lists
    and the plan's start list the new year's: a household it renumbered is asked under its code
    there (:func:`as_start_codes`, the hamlets aside), so that a hamlet merged at the turn whose
    households it renumbered is found by them (session 56); and a hamlet renamed at the turn
    that sends nothing now is found by the start list alone, not left to :func:`_silent_at_turn`
    (its start list is no December state of a hamlet whose December list there is: session 66,
    B). ``kept_renames``: the store's record of its kept start lists' renames
    (HistoryStore.kept_renames), at the turn last year's: a household under a name a hamlet had
    before December's moved into no list of it (:func:`_moved_in_kept`; session 67, G2)."""
    gone = month_hamlets - set(plan.hamlets["hamlet"].tolist())
    if not gone:
        return month_base, month_hamlets, {}, {}
    stored: dict[str, set[str]] = {}
    of_gone = month_base[month_base["hamlet"].isin(gone).to_numpy()]
    # pass 0 of the order note at the top: the codes alone, to find the merger
    codes = as_start_codes(month_base, plan.start_list)[1] if turn else {}
    for hamlet, key in zip(of_gone["hamlet"].tolist(), of_gone["hh_key"].tolist(), strict=True):
        stored.setdefault(hamlet, set()).add(codes.get(key, key))
    frames = (getattr(plan, "start_list", None), rows_now)
    new = set(now) - month_hamlets - (named or set())
    # at the turn one renamed by the plan and silent now too, by its start list: December's list
    # is its baseline under the name now, as where it sends (session 66, B: seed 2614)
    quiet = set(plan.hamlets["hamlet"].tolist()) - month_hamlets - (named or set()) - set(now)
    asked = new | quiet if turn and getattr(plan, "start_list", None) is not None else new
    renamed = hamlet_renames({**(silent or {}), **stored}, asked, frames) if asked else {}
    renamed = {old: name for old, name in renamed.items() if old in stored}
    # A hamlet merged into one that last month had too: at least half of its households on
    # that one's list this month. Its rows are that hamlet's last month, so its households are
    # compared with their own rows, not "moved in" (docs/decisions.md, session 31: the month
    # after a merger). This month's lists alone are asked (keyed once: 0.2 s on a province's
    # 300,000 rows, and only after a merger). Not a rename: no "formerly".
    kept = set(now) & month_hamlets
    unrenamed = {old: keys for old, keys in stored.items() if old not in renamed}
    merged: dict[str, str] = {}
    planned: dict[str, str] = {}  # merged by the plan into a name new this month
    if kept and unrenamed and rows_now is not None:
        # a household on the list of a name new this month is found elsewhere too, and the
        # plan may merge into that name: a hamlet merged into one renamed at once (session 47)
        into = kept | (new - set(renamed.values()))
        # a plan without a start list that dropped the hamlet says the merger by the lists
        # alone: all its households but one, three at least, under one hamlet is enough, as
        # its start list would (renames.lists_alone; session 57, D); one with a start list
        # says it there (_merged_by_plan), its lists alone asking nearly all (session 47)
        merged = hamlet_renames(unrenamed, into, (rows_now,), True, kept if into - kept else (),
                                planned=lists_alone(plan))  # fmt: skip
        merged = {old: name for old, name in merged.items() if name in kept}
        olds = unrenamed.keys() - merged.keys()
        # at the turn ``rows`` are last year's, their names renamed then (named back now)
        year_renames = (
            (lambda year: kept_renames(year - 1)) if turn and kept_renames is not None else None
        )
        merged.update(_merged_as_listed(plan, olds, stored, into, rows_now, rows, kept_start, kept,
                                        kept_renames=year_renames))  # fmt: skip
        merged.update(_merged_by_plan(plan, olds - merged.keys(), stored, into, beside=kept))
        planned = {old: name for old, name in merged.items() if name not in kept}
        merged = {old: name for old, name in merged.items() if name in kept}
    unrenamed = {old: keys for old, keys in unrenamed.items() if old not in merged}
    if new and len(unrenamed) > 1 and rows_now is not None:
        # Renamed and merged at once: two hamlets of last month whose households are on one
        # new name's list this month (session 32). The one whose name the new one holds ('Bản
        # Cọ' in 'Bản Cọ Mới'), else the one with the most households of last month, is taken
        # as renamed (the trend reads its months under the old name), the others as merged
        # into it; either way every row of last month is compared as that hamlet's.
        joined = hamlet_renames(
            unrenamed,
            new - set(renamed.values()),
            (rows_now,),
            shared=True,
            planned=lists_alone(plan),
        )  # the share above (session 57, D2)
        joined = {**planned, **joined}  # the lists first, then the plan's start list
        for name in sorted(set(joined.values())):
            olds = [o for o, n in joined.items() if n == name]
            if len(olds) > 1:
                one = _taken_as_renamed(olds, name, {o: len(stored[o]) for o in olds})
                renamed[one] = name
                merged.update((o, name) for o in olds if o != one)
    unrenamed = {old: keys for old, keys in unrenamed.items() if old not in renamed | merged}
    if renamed and unrenamed and rows_now is not None:
        # and one merged into a hamlet renamed at once, the rename found alone (the other's
        # households under a third hamlet too): merged into it, as above (session 67, G2)
        onto = hamlet_renames(unrenamed, set(renamed.values()), (rows_now,), shared=True,
                              planned=lists_alone(plan))  # fmt: skip
        merged.update(onto)
    if not renamed and not merged:
        return month_base, month_hamlets, {}, {}
    month_base = _under_names(month_base, {**renamed, **merged})
    return month_base, {renamed.get(h, merged.get(h, h)) for h in month_hamlets}, renamed, merged


def _merged_unsaid(
    plan: Plan,
    period: str,
    earlier: pd.DataFrame,
    named_in: dict[str, set[str]],
    walked: dict[str, str],
    merged_into: dict[str, str],
) -> dict[str, str]:
    """The hamlets the plan year's months named that the plan lacks now, neither renamed
    (``walked``) nor merged as a month said or last month's lists show (``merged_into``), that
    the plan's start list says merged into a hamlet of the plan (:func:`_merged_by_plan` on
    their households of the year's stored months, ``earlier``): old name -> that hamlet. The
    hamlet joined sent nothing valid since the merger, so no stored month says it (session 62,
    A). Read only where such a name is."""
    olds = _named_gone(plan, period, named_in) - walked.keys() - merged_into.keys()
    if not olds or earlier.empty:
        return {}
    year = f"{plan.plan_year:04d}-"
    mine = earlier[earlier["hamlet"].isin(olds).to_numpy()
                   & earlier["period"].str.startswith(year).to_numpy()]  # fmt: skip
    stored: dict[str, set[str]] = {}
    for hamlet, key in zip(mine["hamlet"].tolist(), mine["hh_key"].tolist(), strict=True):
        stored.setdefault(hamlet, set()).add(key)
    if not stored:
        return {}
    in_plan = set(plan.hamlets["hamlet"].tolist())
    return _merged_by_plan(plan, stored.keys(), stored, in_plan,
                           beside=_named_beside(named_in, stored.keys(), walked))  # fmt: skip


def _merged_by_plan(
    plan: Plan,
    olds: Collection[str],
    stored: dict[str, set[str]],
    kept: set[str],
    rows_now: pd.DataFrame | None = None,
    beside: Collection[str] | None = None,
) -> dict[str, str]:
    """Of ``olds`` (last month's hamlets the plan lacks, merged into none by this month's lists
    alone: more than one in five of their households found elsewhere), those the plan's start
    list says merged into one of ``kept``: their households of last month (``stored``) there
    under that one as the rule has a merger (renames.merged_by_start_list over every name of
    the plan; those new this year left out, only into one of ``beside``, the hamlets their
    month had, ``kept`` without it: session 49). The others moved elsewhere, however many
    (docs/decisions.md, session 43). With
    ``rows_now`` (this month's lists), only where at least half of those on a list this month
    are on that one's list, or under half of them are still on a list (session 46 and its
    review): :func:`_latest_named` asks so first, so that a list mostly of households moved in
    during the year is asked again without them (session 45); where nothing else pairs the old
    name, the plan's merger stands (session 47). Read only for such a hamlet."""
    start = getattr(plan, "start_list", None)
    if not olds or start is None or start.empty:
        return {}
    in_plan = set(plan.hamlets["hamlet"].tolist())
    said = merged_by_start_list(
        {old: stored[old] for old in olds}, in_plan, start, kept if beside is None else beside
    )
    if not said or rows_now is None:
        return {old: into for old, into in said.items() if into in kept}
    listed = set(fig.household_key_texts(rows_now))

    def shown(old: str, into: str) -> bool:
        still = stored[old] & listed
        return 2 * len(still) < len(stored[old]) or bool(
            hamlet_renames(
                {old: still}, {into}, (rows_now,), shared=True, planned=lists_alone(plan)
            )  # (a start list here: nearly all)
        )

    return {old: into for old, into in said.items() if into in kept and shown(old, into)}


def _merged_as_listed(
    plan: Plan,
    olds: Collection[str],
    stored: dict[str, set[str]],
    kept: set[str],
    rows_now: pd.DataFrame,
    rows: pd.DataFrame | None,
    kept_start: Callable[[], pd.DataFrame] | None,
    beside: Collection[str] | None = None,
    names: Mapping[str, str] | None = None,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
) -> dict[str, str]:
    """Of ``olds``, those :func:`_merged_by_plan` finds merged as this month's lists
    (``rows_now``) show it (session 46's review), else once the households that moved into
    their list during the year are left out (:func:`_moved_in_kept`, ``rows``, ``kept_start``,
    ``names`` and ``kept_renames`` as it reads them; session 45). The plan's merger without this month's lists
    is asked after (session 47). ``beside``: as :func:`_merged_by_plan` takes it."""
    found = _merged_by_plan(plan, olds, stored, kept, rows_now, beside)
    left = {n: stored[n] for n in olds if n not in found}
    fewer = (
        _moved_in_kept(plan, left, rows, kept_start, names, kept_renames)
        if left and rows is not None
        else left
    )
    if fewer != left:
        found.update(_merged_by_plan(plan, left.keys(), fewer, kept, rows_now, beside))
    return found


def _keys_of_silent(
    plan: Plan,
    rows: pd.DataFrame,
    silent: Collection[str],
    load,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
    kept_merges: Callable[[int], dict[str, str]] | None = None,
) -> dict[str, set[str]]:
    """The household keys stored under each hamlet of ``silent`` (named by last month but
    sending nothing valid then) the plan no longer has, in the plan year's earlier months
    (``rows``: (period, hamlet, hh_key) rows) and on its start list the history keeps
    ('YYYY-00', read by ``load``: a hamlet with no list accepted yet has its households there
    alone): :func:`_month_renamed` sets them beside last month's renamed hamlets (session 41).
    A run of a month under the plan now rewrote the kept list under the new name: its rows
    under the name ``kept_renames`` (the store's record) says are read under the old one, so
    the month run again gives the answer it gave (session 42); those it merged into another
    hamlet are read under their old names too (:func:`_kept_start`, session 43). Nothing is
    read without such a name."""
    gone = set(silent) - set(plan.hamlets["hamlet"].tolist())
    if not gone:
        return {}
    kept = _kept_start(plan, load, kept_merges)[rows.columns]
    since = kept_renames(plan.plan_year) if kept_renames is not None else {}
    back = {now: old for old, now in since.items() if old in gone}
    if back:
        kept = kept.assign(hamlet=kept["hamlet"].replace(back))
    rows = pd.concat([kept, rows])
    year = rows["period"].str.startswith(f"{plan.plan_year:04d}-").to_numpy()
    of_gone = rows[year & rows["hamlet"].isin(gone).to_numpy()]
    keys: dict[str, set[str]] = {}
    for name, key in zip(of_gone["hamlet"].tolist(), of_gone["hh_key"].tolist(), strict=True):
        keys.setdefault(name, set()).add(key)
    return keys


def _keys_at_turn(
    plan: Plan, silent: Collection[str], accepted_in: dict[str, set[str]], load
) -> dict[str, set[str]]:
    """In January against last year's lists, the household keys of each hamlet of ``silent``
    (named by December, sending nothing valid then) the plan no longer has, on its latest list
    of last year (``accepted_in``: the hamlets each stored month accepted), under the codes
    the new start list gives them where it renumbered them (:func:`as_start_codes`): what
    :func:`_keys_of_silent` reads in the plan year's months, of which there is none yet
    (session 56). Nothing is read without such a hamlet."""
    gone = set(silent) - set(plan.hamlets["hamlet"].tolist())
    keys: dict[str, set[str]] = {}
    for hamlet in sorted(gone):
        month = _last_year_list(plan, hamlet, accepted_in)
        if month is None:
            continue
        base = timeline.as_baseline(load([month]), month)
        codes = as_start_codes(base, plan.start_list)[1]  # pass 0 of the order note at the top
        of = base.loc[(base["hamlet"] == hamlet).to_numpy(), "hh_key"].tolist()
        if of:
            keys[hamlet] = {codes.get(key, key) for key in of}
    return keys


def _last_year_list(plan: Plan, hamlet: str, accepted_in: dict[str, set[str]]) -> str | None:
    """The month of ``hamlet``'s latest list of the year before the plan's (``accepted_in``: the
    hamlets each stored month accepted), None where no month of that year accepted it."""
    last = f"{plan.plan_year - 1:04d}-"
    return max((p for p, hs in accepted_in.items()
                if p.startswith(last) and not p.endswith("-00") and hamlet in hs),
               default=None)  # fmt: skip


def _silent_latest_rows(
    plan: Plan, silent: Collection[str], accepted_in: dict[str, set[str]], load
) -> pd.DataFrame | None:
    """January against last year's lists: the rows counted (poor or near-poor) on each hamlet
    of ``silent``'s latest list of last year (:func:`_last_year_list`), as a baseline's; None
    where none. Each month's rows of the silent hamlets made once: a province's month is
    150,000 rows or more, ~40 ms a hamlet made per hamlet (session 57, R2)."""
    lists = []
    by_month: dict[str, pd.DataFrame] = {}
    for hamlet in sorted(silent):
        month = _last_year_list(plan, hamlet, accepted_in)
        if month is not None:
            if month not in by_month:
                rows = timeline.as_baseline(load([month]), month)
                by_month[month] = rows[rows["hamlet"].isin(list(silent)).to_numpy()
                                       & rows["phan_loai"].isin(_LISTS).to_numpy()]  # fmt: skip
            rows = by_month[month]
            lists.append(rows[(rows["hamlet"] == hamlet).to_numpy()])
    rows = pd.concat(lists, ignore_index=True) if lists else None
    return None if rows is None or rows.empty else rows


def _beside_december(rows: pd.DataFrame | None, december: pd.DataFrame) -> pd.DataFrame | None:
    """January against last year's lists: the rows of the silent hamlets' latest lists
    (``rows``, :func:`_silent_latest_rows`) that no row of ``december`` (December's lists)
    holds by its code, to be read beside December's rows by passes 2 and 3 (the order note at
    the top) and dropped after: such a row is a household of last year's lists too, so a head's
    name and birth year it shares with a December row is a twin left on that side (pairs none,
    as B's rule asks), and a start list row it is written alike with, or paired to, is its
    household, no other's (session 64, G: the turn oracle's seed 1870). None: no such row."""
    if rows is None:
        return None
    held = set(december["hh_key"].tolist())
    rows = rows[[key not in held for key in rows["hh_key"].tolist()]]
    return None if rows.empty else rows


def _moved_from_silent(
    plan: Plan,
    month_base: pd.DataFrame,
    silent: Collection[str],
    month_from: dict[str, str],
    rows: pd.DataFrame | None,
) -> pd.DataFrame:
    """January against last year's lists: ``month_base`` with, under each hamlet of ``silent``
    (no December list: beside its start list rows, ``month_from`` 'plan'), the households
    counted on its latest list of last year (``rows``, :func:`_silent_latest_rows`) that the
    start list writes in another hamlet, each as the start list writes it (its code and
    class): moved out at the turn, as where the hamlet sent that list in December (session
    57; QA seed 550). The start list's
    household is found as B's pairing finds it beside December's lists (:func:`as_start_codes`:
    its code, or one head's name and birth year a side of the commune); only where a row of
    those lists is not on the start list under its hamlet and code, and only the rows the
    answer can turn on are paired (those of such a row's birth year, as
    :func:`renumbered_at_turn` pairs them). December's rows of another hamlet take part in
    the pairing, so one of them the start list writes there is that list's household, and a
    name with a twin left on either side pairs none; nor is one moved that a list of December
    holds by its code, nor one the start list writes in a hamlet compared with the start list
    too (its baseline holds it)."""
    if rows is None or rows.empty:
        return month_base
    start = plan.start_list.assign(hh_key=fig.keys_of(plan.start_list))

    def heads(frame: pd.DataFrame) -> list[str | None]:
        return [fig.name_key_text(h, name, born) for h, name, born in
                zip(frame["hamlet"].tolist(), frame["chu_ho"].tolist(),
                    frame["nam_sinh"].tolist(), strict=True)]  # fmt: skip

    # a household the start list writes under its hamlet and code, its head alike: it stayed
    on_start = start[start["hh_key"].isin(set(rows["hh_key"].tolist())).to_numpy()]
    stayed = set(zip(on_start["hh_key"].tolist(), heads(on_start), strict=True))
    open_rows = rows[[pair not in stayed for pair in
                      zip(rows["hh_key"].tolist(), heads(rows), strict=True)]]  # fmt: skip
    if open_rows.empty:
        return month_base
    december = month_base[~month_base["hamlet"].isin(silent).to_numpy()]
    held = set(december["hh_key"].tolist())
    mine = rows[_same_year(rows, open_rows)]
    base = pd.concat([december[_same_year(december, open_rows)], mine], ignore_index=True)
    paired, _ = as_start_codes(base, start[_same_year(start, open_rows)],
                               Counter(start["hh_key"].tolist()),
                               held | set(rows["hh_key"].tolist()))  # fmt: skip
    where = dict(zip(start["hh_key"].tolist(), start["hamlet"].tolist(), strict=True))
    moved = {}  # the start list's key -> the hamlet it moved out of
    for key, hamlet in zip(paired["hh_key"].tolist()[len(base) - len(mine) :],
                           mine["hamlet"].tolist(), strict=True):  # fmt: skip
        there = where.get(key)
        if there not in (None, hamlet) and month_from.get(there) != "plan" and key not in held:
            moved[key] = hamlet
    if not moved:
        return month_base
    found = start[start["hh_key"].isin(moved.keys()).to_numpy()]
    found = found.assign(hamlet=found["hh_key"].map(moved))
    return pd.concat([month_base, _start_rows(found)], ignore_index=True)


def _silent_at_turn(
    plan: Plan, listed: Collection[str], month_from: dict[str, str], now: Collection[str]
) -> set[str]:
    """January against last year's lists: the hamlets the plan has that sent no list in
    December (none of ``listed``, the hamlets December's lists give, nor of ``month_from``,
    those set beside an earlier list) and none now (not in ``now``). The start list is such a
    hamlet's state at 31 December after the review, as a December list is another's: it has
    no table now, but a household of it on another hamlet's list now moved in from it, in the
    month's table as in the year's, as one of a hamlet that sent December and nothing now
    (:func:`_silent_start_rows`; session 58, B2)."""
    if getattr(plan, "start_list", None) is None:
        return set()
    return set(plan.hamlets["hamlet"].tolist()) - set(listed) - month_from.keys() - set(now)


def _silent_start_rows(
    plan: Plan, month_base: pd.DataFrame, quiet: Collection[str]
) -> pd.DataFrame | None:
    """The plan's start list rows of the hamlets ``quiet`` (:func:`_silent_at_turn`) as
    baseline households, but one ``month_base`` (January's, its December rows in the start
    list's codes already) holds: a list of December holds that household. None: no row."""
    start = plan.start_list
    part = _start_rows(start[start["hamlet"].isin(list(quiet)).to_numpy()])
    held = set(month_base["hh_key"].tolist())
    part = part[[key not in held for key in part["hh_key"].tolist()]]
    return None if part.empty else part


def _kept_start(
    plan: Plan, load, kept_merges: Callable[[int], dict[str, str]] | None = None
) -> pd.DataFrame:
    """The plan year's start list the history keeps ('YYYY-00', read by ``load``), each
    household a run rewrote under a merger under the hamlet it was kept under before
    (``kept_merges``: the store's record, HistoryStore.kept_merges), those the record has that
    the list rewritten left out too: the list as the merger month's first run read it, so that
    the month run again gives the answer it gave (docs/decisions.md, sessions 43 and 44). Only
    the columns period, hamlet and hh_key are read of it."""
    period = f"{plan.plan_year:04d}-00"
    kept = load([period])  # every period, where figuresteps.figured has a frame
    kept = kept[kept["period"] == period]
    merges = kept_merges(plan.plan_year) if kept_merges is not None else {}
    if merges and not kept.empty:
        was = [merges.get(key, hamlet) for key, hamlet in
               zip(kept["hh_key"].tolist(), kept["hamlet"].tolist(), strict=True)]  # fmt: skip
        kept = kept.assign(hamlet=was)
        have = set(kept["hh_key"].tolist())
        more = {key: old for key, old in merges.items() if key not in have}
        if more:  # left out of the list rewritten: the first month writes them in the hamlet
            # the old one joined (history._record_merged; session 44)
            more_rows = {"period": period, "hamlet": list(more.values()), "hh_key": list(more)}
            kept = pd.concat([kept, pd.DataFrame(more_rows)], ignore_index=True)
    return kept


def _kept_joined(
    plan: Plan, load, kept_merges: Callable[[int], dict[str, str]] | None, joined: dict[str, str]
) -> pd.DataFrame:
    """The kept start list's households (:func:`_kept_start`) of the hamlets of ``joined`` (old
    name -> the hamlet it joined) as a month's baseline households, under the hamlet each
    joined: a hamlet silent all year merged by a plan without a start list has them as its
    latest list, as a start list would write them (docs/decisions.md, session 67, H)."""
    year = f"{plan.plan_year:04d}-00"
    rows = timeline.as_baseline(_kept_start(plan, load, kept_merges), year)
    rows = rows[rows["hamlet"].isin(joined.keys()).to_numpy()]
    return rows.assign(hamlet=rows["hamlet"].map(joined).to_numpy())


def _silent_start_joined(
    plan: Plan,
    period: str,
    start: pd.DataFrame,
    start_from: str,
    named_in: dict[str, set[str]],
    accepted_in: dict[str, set[str]],
    merged: dict[str, str],
    load,
    kept_merges: Callable[[int], dict[str, str]] | None,
) -> pd.DataFrame:
    """``start`` (the year's first stored month, ``start_from``: a plan without a start list)
    with the kept start list's households of each hamlet it named but did not accept, that no
    month of the year before ``period`` accepted and the plan lacks now, merged (``merged``:
    old name -> the hamlet it joined) into one it accepted: under that one, as the month's
    baseline has them (:func:`_kept_joined`), so that the year's table and the month's agree
    that they were poor or near-poor at the year's start, not new (session 67, H). Read only
    where such a hamlet is."""
    there = accepted_in.get(start_from, set(start["hamlet"]))
    olds = named_in.get(start_from, set()) - there - set(plan.hamlets["hamlet"].tolist())
    olds -= _in_year(plan, period, accepted_in)
    joined = {old: merged[old] for old in olds if merged.get(old) in there}
    if not joined:
        return start
    part = _kept_joined(plan, load, kept_merges, joined)
    part = part[~part["hh_key"].isin(start["hh_key"]).to_numpy()]
    return pd.concat([start, part[start.columns.intersection(part.columns)]], ignore_index=True)


def _in_year(plan: Plan, period: str, by_month: dict[str, set[str]]) -> set[str]:
    """The hamlets of the plan year's months before ``period`` in ``by_month`` (month ->
    hamlets: those it accepted, or named)."""
    year = f"{plan.plan_year:04d}-"
    return {h for p, hs in by_month.items() if p.startswith(year) and p < period for h in hs}


def _new_in_plan(
    plan: Plan,
    period: str,
    named_in: dict[str, set[str]],
    accepted_in: dict[str, set[str]],
    now: Collection[str],
    stored: list[dict],
) -> set[str]:
    """The hamlets of ``now`` (accepted this month) new in a plan without a start list: ones
    no stored month before ``period`` accepted a list of (``accepted_in``: by month; last
    year's too: a hamlet silent in December is no new one in January), nor the first stored
    month named (``named_in``: by month; a month's summary names every hamlet of its plan, one
    missing too: in the plan from the first month known, its households unknown). One added
    to the plan since and silent until now held none. None where the plan has its start list (it holds each
    hamlet's year start), nor where a stored month of the year, or last month, was another
    commune's (``stored``: the summaries; a commune merged in brings hamlets with households
    of their own: session 25)."""
    if not lists_alone(plan):
        return set()
    year, previous = f"{plan.plan_year:04d}-", timeline.previous_period(period)
    hamlets = [{"hamlet": h} for h in plan.hamlets["hamlet"].tolist()]
    if any((p["period"].startswith(year) and p["period"] < period or p["period"] == previous)
           and of_other_commune(p, plan.commune, hamlets) for p in stored):  # fmt: skip
        return set()
    # named before: by the first stored month (in the plan then, its households unknown), or
    # with a list accepted; one added to the plan since, silent until now, held none before
    # (session 57's review: silent in its first month, it had no tables the month after)
    months = sorted(p for p in named_in if p < period)
    before = set(named_in[months[0]]) if months else set()
    before |= {h for p, hs in accepted_in.items() if p < period for h in hs}
    return {h for h in plan.hamlets["hamlet"].tolist() if h in now and h not in before}


def _named_gone(plan: Plan, period: str, named_in: dict[str, set[str]]) -> set[str]:
    """The hamlets the plan year's months before ``period`` named (``named_in``: by month)
    that the plan lacks now: renamed or merged since."""
    return _in_year(plan, period, named_in) - set(plan.hamlets["hamlet"].tolist())


def _named_beside(
    named_in: dict[str, set[str]], olds: Collection[str], renamed: dict[str, str]
) -> dict[str, set[str]]:
    """Each name of ``olds`` -> the other hamlets a month named beside it (``named_in``: by
    month), each renamed since under its name now too (``renamed``: old name -> name now; a
    hamlet renamed as the other joined it, session 44's review): a hamlet it merged into is
    one of them, a name it was renamed to is not."""
    beside = {old: set().union(*(hs - {old} for hs in named_in.values() if old in hs))
              for old in olds}  # fmt: skip
    return {old: hs | {renamed[h] for h in hs if h in renamed} for old, hs in beside.items()}


def _start_apart(
    first: pd.DataFrame,
    kept: pd.DataFrame,
    merged_into: dict[str, str],
    olds: dict[str, set[str]] | None = None,
) -> pd.DataFrame:
    """The plan's start list as the walk's first state (``first``: timeline.start_state), each
    household the kept list (``kept``: :func:`_kept_start`) has under a hamlet merged since
    (``merged_into``: old name -> the one it joined) under that old name where the plan's list
    writes it under the one it joined: the old hamlet's, so gone only where a list of the old
    hamlet lacks it, not where one of the hamlet it joined does (docs/decisions.md, session 44).
    So too under another name the year's months named that the plan lacks and the walk does
    not take as renamed (``olds``: each -> the hamlets a month named beside it), where the
    plan's list writes it under one of those: merged where this month does not find it (the
    hamlet it joined not accepted now), not renamed. The kept list holds every start household the first month does
    not write; one it writes is judged by that row, whatever hamlet it starts in."""
    olds = olds or {}
    was = {key: hamlet for key, hamlet in
           zip(kept["hh_key"].tolist(), kept["hamlet"].tolist(), strict=True)
           if hamlet in merged_into or hamlet in olds}  # fmt: skip
    if not was:
        return first

    def joined(old: str, hamlet: str) -> bool:  # the hamlet ``old`` joined, as known or named
        return merged_into[old] == hamlet if old in merged_into else hamlet in olds[old]

    hamlets = [was[key] if key in was and joined(was[key], hamlet) else hamlet
               for key, hamlet in zip(first["hh_key"].tolist(), first["hamlet"].tolist(),
                                      strict=True)]  # fmt: skip
    return first.assign(hamlet=hamlets)


def _latest_lists(
    plan: Plan,
    month_base,
    missing,
    previous,
    periods,
    accepted_in,
    earlier,
    load,
    rows_now=None,
    last: Collection[str] = (),
    named_in: dict[str, set[str]] | None = None,
    stored: list[dict] | None = None,
    done: Collection[str] = (),
    kept_merges: Callable[[int], dict[str, str]] | None = None,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
    merged_into: Mapping[str, str] | None = None,
    twins: Collection[str] = (),
    told_listed: Callable[[], Mapping[str, str]] = dict,
    renamed_since: Callable[[], Mapping[str, str]] = dict,
) -> tuple[
    pd.DataFrame,
    dict[str, str],
    set[str],
    dict[str, str],
    dict[str, str],
    set[str],
    dict[str, dict[str, str]],
    dict[str, list[str]],
]:
    """Last month's households with, for each hamlet of ``missing`` (accepted now, missing or
    refused last month), its latest list of the plan year before: the latest stored month it
    was accepted in, else the plan's start list. So a household that moved into such a hamlet
    arrives there in the month's table as it left the other (the commune's moves out and in
    match), and what changed in the hamlet since its last list is in a month's table at all.
    A hamlet missing now is left out: it has no table for a move out of it to match. A hamlet
    the plan renamed or merged into since its latest list (accepted under an old name:
    :func:`_latest_named`, from the plan's start list and ``rows_now``, this month's lists) is
    compared with that list too (docs/decisions.md, sessions 31, 35), an old name's list of
    last month (``last``: the names ``month_base`` holds lists under) as ``month_base`` has it,
    under the name now; for a hamlet without a list of its own this year, only where the month
    of that list did not name it (``named_in``: each stored month's hamlets, sent or not): one
    there beside the old name is merged into, not renamed (session 31); ``stored``: the stored
    months' summaries (:func:`_latest_named`); ``done``: last month's hamlets merged since into
    one last month had, their lists of last month in ``month_base``: no earlier list of theirs
    is one (session 43). A hamlet no month of the year accepted, whose own households the kept
    start list tells (:func:`_kept_start`; ``kept_merges``), is compared with those rows of the
    plan's start list and the lists of the old names merged into it since, a month that named
    it beside included (session 43); ``kept_renames``: the store's record of its kept start
    list's renames (:func:`_keys_of_silent`; :func:`_in_no_plan` asks it); ``merged_into``:
    old name -> the hamlet it is known merged into (last month's merges, the stored months'
    ``merged_since``): none of another hamlet's lists (:func:`_latest_named`, session 60).
    Returns the households;
    per hamlet so compared with an earlier list, the oldest of its lists ('YYYY-MM': the months
    since cover them all; or 'plan'); the hamlets compared with an old name's list of last
    month alone (as with their own list then); and, for the trend, the old names found renamed
    and merged into such a hamlet (old name -> the hamlet: :func:`_back_renamed`); and the
    hamlets whose start column leaves out the households last month's lists had elsewhere (in
    no plan of a month since their list: :func:`_in_no_plan`), whose moves pair (session 60);
    and of those, each one whose start column holds households of a name the plan lacks now
    on no list now -> their keys -> that name (session 61); and each hamlet back in the plan
    whose start column holds start rows its list before lacks -> their codes (session 62)."""
    if not missing:  # nothing looked at: no hamlet back after silence
        return month_base, {}, set(), {}, {}, set(), {}, {}
    named_in = named_in or {}
    year = f"{plan.plan_year}-"
    earlier_months = sorted((p for p in periods if p.startswith(year) and p < previous),
                            reverse=True)  # fmt: skip

    def accepted(p: str) -> set[str]:
        if p == previous:
            return set(last)
        if p in accepted_in:
            return accepted_in[p] - set(done)
        return set(earlier.loc[earlier["period"] == p, "hamlet"]) - set(done)

    # each hamlet's latest lists: by its name, and under the names the plan renamed or merged
    # into it since (last month's too: a name of its list then the plan lacks)
    lists = _latest_named(plan, missing, [previous, *earlier_months], accepted, earlier,
                          (plan.start_list, rows_now), merged=True, named_in=named_in,
                          stored=stored,
                          kept_start=lambda: _kept_start(plan, load, kept_merges),
                          joined=merged_into, kept_renames=kept_renames).lists  # fmt: skip
    month_from: dict[str, str] = {}
    joined: dict[str, str] = {}  # an old name of last month's lists -> the hamlet it is now
    taken: dict[str, dict[str, str]] = {}  # hamlet -> the lists it is compared with
    own: dict[str, set[str]] = {}  # hamlet -> its own households on the kept start list
    compared: dict[str, dict[str, str]] = {}  # taken, with the lists merged into those of own
    for hamlet in missing:
        found = taken[hamlet] = compared[hamlet] = lists.get(hamlet, {})
        if hamlet not in found:  # no list of its own this year: an old name's is its list if
            # it is that hamlet renamed (alone or merged with others), not if the month of that
            # list named it beside (it was there, sent nothing: session 31)
            taken[hamlet] = {n: m for n, m in found.items() if hamlet not in named_in.get(m, ())}
            if (
                taken[hamlet] != found
                and plan.start_list is not None
                and not any(
                    hamlet in hs
                    for p, hs in accepted_in.items()
                    if p.startswith(year) and p <= previous
                )
            ):  # sent no list all year: its start rows beside the lists merged into it
                kept = _kept_start(plan, load, kept_merges)
                own[hamlet] = set(kept.loc[(kept["hamlet"] == hamlet).to_numpy(), "hh_key"])
            if not own.get(hamlet):
                found = compared[hamlet] = taken[hamlet]
        joined.update((name, hamlet) for name, month in found.items() if month == previous)
        before = [month for month in found.values() if month != previous]
        if own.get(hamlet) or (not found and plan.start_list is not None):
            month_from[hamlet] = "plan"
        elif before:  # the oldest of its lists: the months since cover all of them
            month_from[hamlet] = min(before)
    renamed, merged = _back_renamed(lists, taken, earlier)
    if joined:
        month_base = _under_names(month_base, joined)
    if not month_from:
        return month_base, month_from, set(joined.values()), renamed, merged, set(), {}, {}
    parts = [month_base]
    # the start rows an earlier month's column held, told then (session 64)
    # (its hamlet under the name then: renamed since, said by a stored month or now, or merged
    # into another, as the walk's ``unheard`` reads it: session 65, B)
    then_now = {**renamed_since(), **renamed, **(merged_into or {}), **merged}
    told_started = _told_started(plan, previous, stored or [], then_now).keys()
    stored = sorted({p for hamlet in month_from for p in compared[hamlet].values()} - {previous})
    history = load(stored) if stored else None
    fresh = []  # the start rows of a hamlet new in the plan since last month
    # (and of one new by its name, maybe renamed from a name the plan lacks now: session 60)
    maybe: list[tuple[str, pd.DataFrame]] = []
    paired: set[str] = set()  # the hamlets of those rows (the month table's notes: session 60)
    took: dict[str, dict[str, str]] = {}  # of those, one holding a dropped name's households
    started: dict[str, pd.DataFrame] = {}  # a hamlet back in the plan: its start rows so held
    back_start: dict[str, list[str]] = {}  # of those, the codes its start column counts
    olds: list[dict] = []  # the year's names the plan lacks -> where their households are now

    def old_shares() -> dict:  # read and keyed once, where a month asks it
        if not olds:
            gone = _named_gone(plan, f"{year}99", named_in)
            keys = _keys_of_silent(plan, earlier, gone, load, kept_renames, kept_merges)
            frames = (plan.start_list, rows_now)
            olds.append(renamed_shares(keys, plan.hamlets["hamlet"].tolist(), frames))
        return olds[0]

    for hamlet, base in month_from.items():
        # dropped from the plan after its latest list and added again (a month since had it
        # in no plan): its list is compared as a new hamlet's start rows are (session 58, H2)
        # (its own list under its own name, the plan of that month naming it: not a rename)
        back = (
            base != "plan"
            and hamlet in named_in.get(base, ())
            and compared[hamlet].get(hamlet) == base
            and _in_no_plan(plan, hamlet, base, previous, named_in, old_shares)
        )
        if base != "plan" or own.get(hamlet):
            # a household on two of its lists (moved between the hamlets merged since) is as
            # the newer counts it (session 43); a 'Thoát' or a row left out there hides nothing
            seen = _counted(month_base, hamlet)
            listed_then: set[str] = set()  # a hamlet back in the plan: its lists' households
            for name, month in sorted(compared[hamlet].items(), key=lambda x: x[1], reverse=True):
                if month == previous:  # in month_base already
                    continue
                frame = timeline.as_baseline(history[history["hamlet"] == name], month)
                frame = frame[~frame["hh_key"].isin(seen).to_numpy()]
                seen |= set(frame.loc[frame["phan_loai"].isin(_LISTS).to_numpy(), "hh_key"])
                (fresh if back else parts).append(
                    frame if name == hamlet else _under_names(frame, {name: hamlet})
                )
                if back:
                    paired.add(hamlet)
                    listed_then |= set(frame["hh_key"])
            if back and plan.start_list is not None:
                # its start rows its lists before do not hold (a revision's start list, maybe
                # a silent hamlet's households it took: seen last there) start here too, those
                # last month's lists had elsewhere left out below: no 'Tái nghèo' for a
                # household no list had (session 61, C2)
                # (not one a list of the year had, gone from it since: it left the lists
                # there, told then; session 63, E)
                start = plan.start_list[plan.start_list["hamlet"] == hamlet]
                keys = fig.keys_of(start)
                had = _on_year_lists(
                    earlier, [k for k in keys if k not in listed_then], plan.plan_year
                )  # (earlier: the months before now)
                had -= set(twins)  # another household's rows under its code (session 64)
                # nor one an earlier month's column held, back then too: told then (its list
                # then lacking it, gone; session 64), nor one a list of the hamlet told under
                # the very plan read now (session 64, A2)
                had |= told_started
                had |= {k for k, m in told_listed().items() if m <= previous}
                fresh.append(_start_rows(start[[k not in listed_then and k not in had
                                                for k in keys]]))  # fmt: skip
                started[hamlet] = fresh[-1]  # the (*) note says them (session 62, C)
            if base != "plan":
                continue
        start = plan.start_list[plan.start_list["hamlet"] == hamlet]
        if own.get(hamlet):  # its own households, those on a newer list as that list has them
            start = start[[k in own[hamlet] - seen for k in fig.keys_of(start)]]
        # (in no plan of a month of the year: not named, nor renamed since; session 59)
        if not own.get(hamlet) and _in_no_plan(plan, hamlet, "plan", previous, named_in,
                                               old_shares):  # fmt: skip
            # new in the plan within the year: not a start row a list of the year had (it left
            # the lists there, told then: not gone a second time here, as a hamlet back in the
            # plan's, session 63 E; session 66, RD), listed now or not: out of the lists at the
            # month's start, one listed here now is back (session 55; session 67, A)
            # (one last month's lists counted elsewhere moved in since: left out below)
            keys = fig.keys_of(start)
            had = _on_year_lists(earlier, keys, plan.plan_year) - set(twins)
            fresh.append(_start_rows(start[[k not in had for k in keys]]))
            paired.add(hamlet)
        elif not own.get(hamlet) and _in_no_plan(plan, hamlet, "plan", previous, named_in, dict):
            # new in the plan by its name, a name the plan lacks now maybe its name then
            # (renames.may_be_renamed): its households under that name start here, one last
            # month's lists counted in a hamlet of the plan now moved in since (session 60, R2)
            maybe.append((hamlet, _start_rows(start)))
        else:  # silent since the year's start: not a start row a month's record told gone
            # (under the hamlet a revision moved it from since: it left the lists then, the
            # walk has it so; one household, one leaving; session 66, S)
            told = {k for k, m in told_listed().items() if m <= previous}
            parts.append(_start_rows(start[[k not in told for k in fig.keys_of(start)]]
                                     if told else start))  # fmt: skip
    if maybe:  # (one household, one start: the commune's start column its hamlets' sum)
        others = pd.concat(parts, ignore_index=True)
        planned = others["hamlet"].isin(plan.hamlets["hamlet"]).to_numpy()
        listed = others["phan_loai"].isin(_LISTS).to_numpy()
        # each name the plan lacks now that last month's lists hold some of one such hamlet's
        # start rows under, and that may be its name then, is that hamlet's (one alone: two
        # that may each be its renamed hamlet share it with none)
        gone = others.loc[~planned, ["hamlet", "hh_key"]]
        claims: dict[str, list[str]] = {}
        for hamlet, rows in maybe:
            held = gone["hh_key"].isin(set(rows["hh_key"])).to_numpy()
            for old in sorted(set(gone.loc[held, "hamlet"])):
                if may_be_renamed(old_shares().get(old), hamlet):
                    claims.setdefault(old, []).append(hamlet)
        now_at = _listed_now(rows_now)
        for hamlet, rows in maybe:
            # only where last month's list of a name the plan lacks now holds some of them (its
            # name then, its table as of last month); one whose name then was silent is beside
            # its older list, as a hamlet silent last month is (the spans note: seed 162)
            if not rows["hh_key"].isin(set(gone["hh_key"])).any():
                parts.append(rows)
                continue
            elsewhere = set(
                others.loc[listed & planned & (others["hamlet"] != hamlet).to_numpy(), "hh_key"]
            )
            # nor one a list of the year had that no list of last month counts (out of the lists
            # at the month's start, told where it left: as a hamlet new in the plan's; session
            # 67, A)
            had = _on_year_lists(earlier, set(rows["hh_key"]), plan.plan_year) - set(twins)
            had -= set(others.loc[listed, "hh_key"])
            parts.append(rows[~rows["hh_key"].isin(elsewhere | had).to_numpy()])
            paired.add(hamlet)
            # that name's households of last month's list on no list now but this hamlet's (nor
            # counted last month in a hamlet of the plan) start here too: they left the lists
            # from it, told gone in its table, the commune's start column where last month's
            # lists ended (session 61, C: found nowhere, they were in no table)
            olds = [old for old, hamlets in claims.items() if hamlets == [hamlet]]
            if olds:
                have = set(rows["hh_key"]) | elsewhere
                of_old = others[listed & others["hamlet"].isin(olds).to_numpy()]
                keep = [key not in have and now_at.get(key, {hamlet}) == {hamlet}
                        for key in of_old["hh_key"].tolist()]  # fmt: skip
                if any(keep):
                    frame = _under_names(of_old[keep], dict.fromkeys(olds, hamlet))
                    parts.append(frame)
                    took[hamlet] = dict(zip(frame["hh_key"].tolist(),
                                            of_old.loc[keep, "hamlet"].tolist(), strict=True))  # fmt: skip
    if fresh:
        # a hamlet new in the plan within the year (a month of the year before did not name
        # it): a household its start list writes there that another hamlet's list of last
        # month (or latest list) counts was there at the month's start, and moved in since;
        # the others start there, as the start list has them (the commune counts each once:
        # session 58, H). So too one dropped from the plan and added again, compared with its
        # list before: a household last month's lists had elsewhere was there (H2)
        others = pd.concat(parts, ignore_index=True)
        counted = set(others.loc[others["phan_loai"].isin(_LISTS).to_numpy(), "hh_key"])
        parts += [rows[~rows["hh_key"].isin(counted).to_numpy()] for rows in fresh]
        # of a hamlet back in the plan, the start rows its list before lacks that its start
        # column so holds (counted): hamlet -> their codes as the start list writes them
        for hamlet, rows in started.items():
            kept = (
                ~rows["hh_key"].isin(counted).to_numpy() & rows["phan_loai"].isin(_LISTS).to_numpy()
            )
            if kept.any():
                named = zip(
                    rows.loc[kept, "ma_ho"].tolist(), rows.loc[kept, "chu_ho"].tolist(), strict=True
                )  # a row without a Mã hộ: its head's name
                back_start[hamlet] = sorted({str(code) if isinstance(code, str) and code.strip()
                                             else str(head) for code, head in named})  # fmt: skip
    return (pd.concat(parts, ignore_index=True), month_from, set(joined.values()), renamed, merged,
            paired, took, back_start)  # fmt: skip


def _on_year_lists(
    statuses: pd.DataFrame, keys: Collection[str], year: int, period: str | None = None
) -> set[str]:
    """The keys of ``keys`` a stored row of ``year``'s months (before ``period``; None: all
    ``statuses`` holds) has (``statuses``: period, hamlet, hh_key, status; any status, any
    hamlet): households a list of the year wrote, whose whereabouts that list tells."""
    if not keys or statuses.empty:
        return set()
    months = statuses["period"]
    wanted = ((months >= f"{year:04d}-01") & statuses["hh_key"].isin(keys)).to_numpy()
    if period is not None:
        wanted = wanted & (months < period).to_numpy()
    return set(statuses.loc[wanted, "hh_key"].tolist())


def _unheard_start(
    plan: Plan,
    period: str,
    statuses: pd.DataFrame,
    named_in: dict[str, set[str]],
    accepted_in: dict[str, set[str]],
    names: Mapping[str, str],
    stored: list[dict] | None = None,
    twins: Collection[str] = (),
    told_listed: Callable[[], Mapping[str, str]] = dict,
) -> dict[str, str]:
    """The start rows the history walk does not take off the lists at their hamlet's lists sent
    before it was dropped from the plan (timeline.departures' ``unheard``): key -> the latest
    stored month of the year before ``period`` whose plan had the hamlet in none (``named_in``:
    each stored month's hamlets, sent or not, under their names now by ``names``, the walk's
    renames and mergers), of a hamlet the walk has an accepted list of before that month
    (``accepted_in``, the walk's), for the rows on no stored row of the year
    (:func:`_on_year_lists`). A hamlet dropped and added again with a start list is compared
    with its list before in the month it is back, its start column holding such rows
    (:func:`_latest_lists`, session 61 C2): they were on no list, the plan of those lists gave
    them no hamlet of them, and the first list of the hamlet after it is back tells whether
    they left (session 63, E). Empty for most months: no hamlet of the plan missing from a
    month's plan."""
    start = plan.start_list
    first = f"{plan.plan_year:04d}-01"
    months = sorted(p for p in named_in if first <= p < period)
    if start is None or start.empty or not months:
        return {}
    named = {m: {names.get(h, h) for h in named_in[m]} for m in months}
    gaps: dict[str, list[str]] = {}  # hamlet -> the months of the year before now in no plan
    for hamlet in plan.hamlets["hamlet"].tolist():
        out = [m for m in months if hamlet not in named[m]]
        if out and any(hamlet in accepted_in.get(m, ()) for m in months if m < out[-1]):
            gaps[hamlet] = out
    if not gaps:
        return {}
    rows = start[start["hamlet"].isin(gaps.keys()).to_numpy()]
    keys = fig.keys_of(rows)
    seen = _on_year_lists(statuses, keys, plan.plan_year, period) - set(twins)
    # one an earlier month's column held (the hamlet back then too) left the lists at that
    # month's list if it lacked it: the gap before that month (session 64)
    told = _told_started(plan, timeline.previous_period(period), stored, names) if stored else {}
    # one a list of its hamlet accepted under the very plan read now told (session 64, A2), or
    # one a month's record has unlisted under its hamlet's name then, renamed since (``names``:
    # told_listed reads the record under the names then; session 65, A2)
    by_record = _told_by_record(plan, period, stored, names) if names and stored else {}
    for key, month in [*told_listed().items(), *by_record.items()]:
        if month < period and month < told.get(key, "9999"):
            told = {**told, key: month}
    unheard = {}
    for key, hamlet in zip(keys, rows["hamlet"].tolist(), strict=True):
        if key in seen:
            continue
        out = [m for m in gaps[hamlet] if key not in told or m < told[key]]
        if out:
            unheard[key] = out[-1]
    return unheard


def _told_started(
    plan: Plan, last: str, stored: list[dict], names: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The plan's start rows a stored month of the year up to ``last`` held in its month
    column as a hamlet back in the plan's (its summary's ``month_started``: hamlet -> the codes
    as the start list writes them, a row without a Mã hộ by its head's name; the hamlets under
    their names now by ``names``) -> the first such month. That month's table told such a row
    gone where its hamlet's list lacked it, and asked then: a later month's column does not
    hold it again, and the history walk has it leave at that month's list (session 64: one
    household, one leaving, one question). The store keeps the year's first start list only;
    the month's summary is what says that month's plan gave the row to the hamlet."""
    if plan.start_list is None or plan.start_list.empty:
        return {}
    names = names or {}
    first = f"{plan.plan_year:04d}-01"
    told: dict[tuple[str, str], str] = {}
    for month in sorted(stored, key=lambda p: p["period"]):
        if first <= month["period"] <= last:
            for hamlet, codes in (month.get("month_started") or {}).items():
                for code in codes:
                    told.setdefault((names.get(hamlet, hamlet), code), month["period"])
    if not told:
        return {}
    start = plan.start_list
    labels = [str(code) if isinstance(code, str) and code.strip() else str(head)
              for code, head in zip(start["ma_ho"].tolist(), start["chu_ho"].tolist(),
                                    strict=True)]  # fmt: skip
    return {key: told[(hamlet, label)]
            for key, hamlet, label in zip(fig.keys_of(start), start["hamlet"].tolist(), labels,
                                          strict=True)
            if (hamlet, label) in told}  # fmt: skip


def _told_by_plan(
    plan: Plan,
    period: str,
    stored: list[dict],
    accepted_in: Mapping[str, set[str]],
    plan_sha: Callable[[], str | None] | None,
) -> dict[str, str]:
    """The plan's start rows a stored month of the year before ``period`` run with the very plan
    file read now (its ``plan_sha``, HistoryStore.periods; ``plan_sha()``: the file's now)
    compared with a list of their hamlet (``accepted_in``: the hamlets each stored month
    accepted, under their names then) -> the first such month. That month's year table counted
    the row in its hamlet's start column: its list there listed it or told it gone (and asked),
    so a later month's column does not hold it again when the hamlet is back in the plan, and
    the history walk has it leave at that list (session 64, A2: one household, one leaving, one
    question). A plan file differing by a byte (revised, saved again) says nothing by itself;
    a month whose summary records the start rows its plan gave (``start_rows``, session 65)
    tells its unlisted ones told then whatever the file (:func:`_told_by_record`). Empty where
    the plan has no start list or no stored month tells any."""
    # the same start rows told whatever the plan file (its summary's record; session 65)
    told = _told_by_record(plan, period, stored)
    by_file = _told_by_file(plan, period, stored, accepted_in, plan_sha)
    for key, month in by_file.items():
        if month < told.get(key, "9999"):
            told[key] = month
    return told


def _told_by_file(
    plan: Plan,
    period: str,
    stored: list[dict],
    accepted_in: Mapping[str, set[str]],
    plan_sha: Callable[[], str | None] | None,
) -> dict[str, str]:
    """:func:`_told_by_plan`'s months of the very plan file read now (session 64, A2)."""
    if plan_sha is None or plan.start_list is None or plan.start_list.empty:
        return {}
    first = f"{plan.plan_year:04d}-01"
    months = sorted(p["period"] for p in stored
                    if first <= p["period"] < period and p.get("plan_sha"))  # fmt: skip
    if not months:
        return {}
    sha = plan_sha()
    if sha is None:
        return {}
    same = {p["period"] for p in stored if p.get("plan_sha") == sha}
    first_in: dict[str, str] = {}  # hamlet -> the first such month that accepted its list
    for month in months:
        if month in same:
            for hamlet in accepted_in.get(month, ()):
                first_in.setdefault(hamlet, month)
    if not first_in:
        return {}
    start = plan.start_list
    return {key: first_in[hamlet]
            for key, hamlet in zip(fig.keys_of(start), start["hamlet"].tolist(), strict=True)
            if hamlet in first_in}  # fmt: skip


def start_record(
    plan: Plan,
    period: str,
    rows_now: pd.DataFrame | None,
    year_rows: pd.DataFrame,
    listed_before: Collection[str],
    accepted: Collection[str],
) -> dict[str, dict] | None:
    """The summary's ``start_rows`` (session 65): of each hamlet whose list was accepted now
    (``accepted``), the plan's start rows it is given now as a ``digest`` (:func:`_start_digest`)
    and, as :func:`_start_labels` writes them, those on no row now (``rows_now``, any hamlet,
    any status) nor on a row of the year before now (``year_rows``: the stored (period, hamlet,
    hh_key, status) rows of the year; ``listed_before``: every key those and earlier years'
    rows have, a first look): its list told such a row gone, that month's plan having given it.
    A later month reads which month's plan first gave a start row to its hamlet from it
    (:func:`_given_since`, :func:`_told_by_record`). None where the plan has no start list of
    the month's year (nothing written: such a month reads as one stored before the record).
    ``heads``: of the unlisted rows with a Mã hộ, code -> the head's name folded (absent where
    none): :func:`_told_by_record` matches a code under another hamlet by it (session 66, RE)."""
    start = plan.start_list
    if start is None or start.empty or not period.startswith(f"{plan.plan_year:04d}-"):
        return None
    keys, hamlets = fig.keys_of(start), start["hamlet"].tolist()
    accepted = set(accepted)
    now = set(fig.keys_of(rows_now)) if rows_now is not None and not rows_now.empty else set()
    by: dict[str, list[int]] = {}
    for at, hamlet in enumerate(hamlets):
        if hamlet in accepted:
            by.setdefault(hamlet, []).append(at)
    missing = {keys[at] for ats in by.values() for at in ats if keys[at] not in now}
    maybe = missing & set(listed_before) if missing else set()
    if maybe and not year_rows.empty:
        missing -= _on_year_lists(year_rows, maybe, plan.plan_year, period)
    labels = _start_labels(start) if missing else []
    heads = start["chu_ho"].tolist() if missing else []
    codes = start["ma_ho"].tolist()
    record = {}
    for hamlet, ats in sorted(by.items()):
        told = [at for at in ats if keys[at] in missing]
        entry = {"digest": _start_digest(keys[at] for at in ats),
                 "unlisted": sorted(labels[at] for at in told)}  # fmt: skip
        # each coded one's head (folded): a later plan giving the code to another hamlet's
        # row is the same household only where it names the same head (session 66, RE)
        coded = {labels[at]: fold(heads[at]) for at in told
                 if isinstance(codes[at], str) and codes[at].strip()}  # fmt: skip
        record[hamlet] = {**entry, "heads": dict(sorted(coded.items()))} if coded else entry
    return record


def _start_labels(start: pd.DataFrame) -> list[str]:
    """Each start row's code as the start list writes it, a row without a Mã hộ by its head's
    name (as the summary's ``month_started`` writes them)."""
    return [str(code) if isinstance(code, str) and code.strip() else str(head)
            for code, head in zip(start["ma_ho"].tolist(), start["chu_ho"].tolist(),
                                  strict=True)]  # fmt: skip


def _start_digest(keys: Iterable[str]) -> str:
    """The first 16 hex digits of the SHA-256 of the keys, sorted, one a line: the same start
    rows give the same digest whatever their order or file."""
    return hashlib.sha256("".join(f"{key}\n" for key in sorted(keys)).encode()).hexdigest()[:16]


def _recorded(plan: Plan, period: str, stored: list[dict]) -> dict[str, dict]:
    """The stored months of the plan year before ``period`` whose summary has ``start_rows``
    (:func:`start_record`; a month stored before session 65 has none) -> that record."""
    first = f"{plan.plan_year:04d}-01"
    return {p["period"]: p["start_rows"] for p in sorted(stored, key=lambda p: p["period"])
            if first <= p["period"] < period and isinstance(p.get("start_rows"), dict)}  # fmt: skip


def _told_by_record(
    plan: Plan, period: str, stored: list[dict], names: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The plan's start rows a stored month of the year before ``period`` told gone, its plan
    giving them to their hamlet, on no list of the year (its summary's ``start_rows``'
    ``unlisted``: hamlet -> the codes, under their names now by ``names``) -> the first such
    month: its year table counted the row in its hamlet's start column, gone, and asked
    (session 65: the same rows, whatever the plan file). A row with a Mã hộ is told by its
    code under any hamlet: a revision that moved it to another hamlet since moves no leaving
    (the household, one in the commune by its code, left the lists then, every list of that
    month lacking it: one household, one leaving; session 66, E) where the record names the
    same head (its ``heads``, folded; a record without them: by the code alone), a code passed
    on to another household being two households (session 48; session 66, RE); one without,
    by its head's name under its hamlet."""
    return {key: month for key, (month, _, _) in _told_by_record_where(plan, period, stored,
                                                                     names).items()}  # fmt: skip


def _told_by_record_where(
    plan: Plan, period: str, stored: list[dict], names: Mapping[str, str] | None = None
) -> dict[str, tuple[str, str, str]]:
    """:func:`_told_by_record`'s months, each with the hamlet whose entry told the row, under
    its name then (the record's) and now (by ``names``): the hamlet asked then (its own where
    both name it that month)."""
    records = _recorded(plan, period, stored)
    if not records or plan.start_list is None or plan.start_list.empty:
        return {}
    names = names or {}
    # (hamlet under its name now, label) -> (month, the hamlet as the record names it)
    told: dict[tuple[str, str], tuple[str, str]] = {}
    # a label -> (month, head folded: None where the record has no heads, hamlet now, hamlet
    # then) of each hamlet's
    coded: dict[str, list[tuple[str, str | None, str, str]]] = {}
    for month, record in records.items():
        for hamlet, entry in record.items():
            heads = entry.get("heads")
            for label in entry.get("unlisted") or ():
                told.setdefault((names.get(hamlet, hamlet), label), (month, hamlet))
                head = heads.get(label) if isinstance(heads, dict) else None
                coded.setdefault(label, []).append((month, head, names.get(hamlet, hamlet), hamlet))
    if not told:
        return {}
    start = plan.start_list
    found = {}
    for key, hamlet, code, head, label in zip(fig.keys_of(start), start["hamlet"].tolist(),
                                              start["ma_ho"].tolist(), start["chu_ho"].tolist(),
                                              _start_labels(start), strict=True):  # fmt: skip
        months = [(*told[(hamlet, label)], hamlet)] if (hamlet, label) in told else []
        if isinstance(code, str) and code.strip() and label in coded:
            # another hamlet's: the same household where the record names the same head (a
            # code passed on to another household is two households; session 66, RE)
            months += [(m, asked, there) for m, then, there, asked in coded[label]
                       if then is None or then and then == fold(head)]  # fmt: skip
        if months:  # the first month; its own hamlet's entry before another's that month
            found[key] = min(months, key=lambda told: (told[0], told[2] != hamlet))
    return found


def _given_since(
    plan: Plan,
    period: str,
    statuses: pd.DataFrame,
    accepted_in: Mapping[str, set[str]],
    names: Mapping[str, str],
    stored: list[dict],
    twins: Collection[str] = (),
) -> tuple[dict[str, str], dict[str, str]]:
    """The start rows a plan revision gave their hamlet after a list of it was accepted, on no
    list of the year (timeline.departures' ``unheard``, as :func:`_unheard_start`'s): key ->
    the latest stored month of the year before the first one that told it (session 65); and
    those no month before ``period`` told -> their hamlet: its list now is the first to tell
    them, its month column holds them (:func:`_revised_in_month`; session 65, A2). A
    month told it where its summary's ``start_rows`` has it ``unlisted`` under its hamlet
    (:func:`_told_by_record`), or, stored before that record, where its hamlet's list was
    accepted (``accepted_in``, the walk's, under names now) and its record has no entry of the
    hamlet: read as before. Asked only of the hamlets a month's record gave other start rows
    than the plan now does (``digest``; the hamlets under names now by ``names``): none where
    no plan of the year was revised, and the year's rows are read for those hamlets' start
    rows alone."""
    start = plan.start_list
    records = _recorded(plan, period, stored)
    if start is None or start.empty or not records:
        return {}, {}
    keys, hamlets = fig.keys_of(start), start["hamlet"].tolist()
    by: dict[str, list[str]] = {}
    for key, hamlet in zip(keys, hamlets, strict=True):
        by.setdefault(hamlet, []).append(key)
    digests: dict[str, str] = {}
    revised: set[str] = set()
    entered: set[tuple[str, str]] = set()  # (month, hamlet now) its record has an entry of
    for month, record in records.items():
        for then, entry in record.items():
            hamlet = names.get(then, then)
            if hamlet not in by or not isinstance(entry, dict):
                continue
            entered.add((month, hamlet))
            if hamlet not in digests:
                digests[hamlet] = _start_digest(by[hamlet])
            if entry.get("digest") != digests[hamlet]:
                revised.add(hamlet)
    if not revised:
        return {}, {}
    wanted = [key for key, hamlet in zip(keys, hamlets, strict=True) if hamlet in revised]
    seen = _on_year_lists(statuses, wanted, plan.plan_year, period) - set(twins)
    wanted = [key for key in wanted if key not in seen and key not in twins]
    if not wanted:
        return {}, {}
    first = f"{plan.plan_year:04d}-01"
    months = sorted(p["period"] for p in stored if first <= p["period"] < period)
    told = _told_by_record(plan, period, stored, names)
    hamlet_of = dict(zip(keys, hamlets, strict=True))
    unheard: dict[str, str] = {}
    untold: dict[str, str] = {}
    for key in wanted:
        hamlet = hamlet_of[key]
        # (a month whose record says nothing of the hamlet, its list accepted: as before)
        before = [m for m in months
                  if (m, hamlet) not in entered and hamlet in accepted_in.get(m, ())]  # fmt: skip
        then = min([*before[:1], *([told[key]] if key in told else [])], default=period)
        out = [m for m in months if m < then]
        if out:
            unheard[key] = out[-1]
            if then == period:
                untold[key] = hamlet
    return unheard, untold


def _revised_in_month(
    plan: Plan, month_base: pd.DataFrame, untold: Mapping[str, str], tabled: Collection[str]
) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """``month_base`` with the start rows of ``untold`` (:func:`_given_since`: a revision gave
    them their hamlet after its lists, no month told them) of the hamlets with a month table now
    (``tabled``: accepted now, a list before) it does not hold, in their hamlet's month column;
    and hamlet -> their codes as the start list writes them (the summary's ``month_started``:
    the month table's (*) note and their rows say them). The history walk has such a row on
    the lists until now, so its hamlet's list now tells it: gone now, its year table counting
    it gone and asking, or listed (no move in the year's table): the month's table says the
    same, not 'Phát sinh mới' nor nothing (session 65, A2; as a back hamlet's start column,
    session 62 C)."""
    start = plan.start_list
    have = set(month_base["hh_key"].tolist())
    keys = fig.keys_of(start)
    hamlets = start["hamlet"].tolist()
    take = [key in untold and key not in have and hamlet in tabled
            for key, hamlet in zip(keys, hamlets, strict=True)]  # fmt: skip
    if not any(take):
        return month_base, {}
    rows = start[take]
    labels = [label for label, taken in zip(_start_labels(start), take, strict=True) if taken]
    started: dict[str, list[str]] = {}
    for hamlet, label in zip(rows["hamlet"].tolist(), labels, strict=True):
        started.setdefault(hamlet, []).append(label)
    return (pd.concat([month_base, _start_rows(rows)], ignore_index=True),
            {hamlet: sorted(set(codes)) for hamlet, codes in started.items()})  # fmt: skip


class _Once:
    """A function's answer, worked out at its first call and kept."""

    def __init__(self, work: Callable[[], Mapping[str, str]]):
        self._work = work
        self._found: Mapping[str, str] | None = None

    def __call__(self) -> Mapping[str, str]:
        if self._found is None:
            self._found = self._work()
        return self._found


def _listed_now(rows_now: pd.DataFrame | None) -> dict[str, set[str]]:
    """Each household key of this month's lists (``rows_now``, any row) -> the hamlets whose
    lists write it."""
    if rows_now is None or rows_now.empty:
        return {}
    at: dict[str, set[str]] = {}
    for key, hamlet in zip(fig.keys_of(rows_now), rows_now["hamlet"].tolist(), strict=True):
        at.setdefault(key, set()).add(hamlet)
    return at


def _in_no_plan(
    plan: Plan,
    hamlet: str,
    base: str,
    previous: str,
    named_in: dict[str, set[str]],
    old_shares: Callable[[], dict],
) -> bool:
    """Whether a stored month after ``base`` (the month of the list ``hamlet`` is compared
    with, or 'plan': the year's start) up to last month (``previous``) had ``hamlet`` in no
    plan: it did not name it (``named_in``: each stored month's hamlets, sent or not), nor a
    name the plan lacks now that may have been its name then (:func:`renames.may_be_renamed`:
    of its households (``old_shares()``: :func:`renames.renamed_shares`), none found now or at
    least half under ``hamlet`` on the plan's start list or this month's lists). The one question of a hamlet new in
    the plan within the year (session 58, H; R1's guard took any month naming a name the plan
    lacks as one that may have named it) and of one dropped and added again (H2): a month
    that renamed another hamlet and had none of this one leaves it new (session 59)."""
    since = f"{plan.plan_year:04d}-00" if base == "plan" else base
    in_plan = set(plan.hamlets["hamlet"].tolist())
    for month in sorted(p for p in named_in if since < p <= previous):
        if hamlet in named_in[month]:
            continue
        gone = named_in[month] - in_plan
        if not any(may_be_renamed(old_shares().get(old), hamlet) for old in sorted(gone)):
            return True
    return False


def _moved_at_turn(
    rows: pd.DataFrame,
    unlisted: dict[str, str],
    keys: dict[str, set[str]],
    month_base: pd.DataFrame,
    month_from: dict[str, str],
) -> pd.DataFrame:
    """The start list's ``rows`` of the households of hamlets merged at the year's turn that
    sent no list in December (``unlisted``: old name -> the hamlet it joined; ``keys``: their
    households on their latest list of last year, :func:`_keys_at_turn`), those it writes under
    a third hamlet under the hamlet their old one joined: on their old hamlet's latest list,
    they are the joined hamlet's households in January's baseline, moved out at the turn, as
    they are where the old hamlet sent December (session 56, helper N). Not one a list of
    December (``month_base``) holds, by its code or its head's name and birth year in any
    hamlet (that list's household), nor one of a hamlet compared with the start list
    (``month_from`` 'plan': its baseline holds it)."""
    into = {key: unlisted[old] for old in sorted(unlisted, reverse=True) for key in keys[old]}
    keys_of = fig.keys_of(rows)
    elsewhere = [
        at for at, (hamlet, key) in enumerate(zip(rows["hamlet"].tolist(), keys_of, strict=True))
        if hamlet != into[key] and month_from.get(hamlet) != "plan"
    ]  # fmt: skip
    if not elsewhere:
        return rows

    def heads(frame: pd.DataFrame) -> list[str | None]:  # head's name and birth year, no hamlet
        names = frame["chu_ho"].tolist() if "chu_ho" in frame else [None] * len(frame)
        years = frame["nam_sinh"].tolist() if "nam_sinh" in frame else [None] * len(frame)
        return [fig.name_key_text("", name, born) for name, born in zip(names, years, strict=True)]

    held, named, written = set(month_base["hh_key"].tolist()), set(heads(month_base)), heads(rows)
    moved = [at for at in elsewhere if keys_of[at] not in held
             and (written[at] is None or written[at] not in named)]  # fmt: skip
    if not moved:
        return rows
    rows = rows.copy()
    column = rows.columns.get_loc("hamlet")
    for at in moved:
        rows.iat[at, column] = into[keys_of[at]]
    return rows


def _counted(base: pd.DataFrame, hamlet: str) -> set[str]:
    """The keys of the households of ``base`` (baseline households) counted (poor or near-poor)
    under ``hamlet``: one of them on an older list of a hamlet merged into it is as the newer
    list counts it (session 43)."""
    listed = base["phan_loai"].isin(_LISTS).to_numpy()
    return set(base.loc[listed & (base["hamlet"] == hamlet).to_numpy(), "hh_key"])


def _start_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of the plan's start list as a month's baseline households."""
    return pd.DataFrame(
        {
            "hamlet": rows["hamlet"].to_numpy(),
            "hh_key": fig.keys_of(rows),
            "ma_ho": rows["ma_ho"].to_numpy(),
            "chu_ho": rows["chu_ho"].to_numpy(),
            "nam_sinh": rows["nam_sinh"].to_numpy() if "nam_sinh" in rows else None,
            "phan_loai": rows["phan_loai"].to_numpy(),
            **({FROM_AGE: rows[FROM_AGE].to_numpy()} if FROM_AGE in rows else {}),
        }
    )


def _merged_unlisted(
    plan: Plan,
    period: str,
    keys: dict[str, set[str]],
    accepted_in: dict[str, set[str]],
    named: set[str],
    now: Collection[str],
    rows_now: pd.DataFrame | None,
    known: dict[str, str],
) -> dict[str, str]:
    """Of the hamlets last month named but did not accept, the plan lacks (``keys``: their
    households, :func:`_keys_of_silent`) and neither renamed nor merged as found (``known``),
    those no month of the plan year before ``period`` accepted, merged since into a hamlet
    accepted now that last month named (``named``; one renamed since by ``known``, under its
    name now: session 44's review): old name -> that hamlet, where its
    households are under it on the plan's start list and this month's lists as the rule has
    a merger (renames.hamlet_renames, shared), or the plan's start list says so however many moved
    elsewhere (:func:`_merged_by_plan`, session 44's review). Its latest list is the start
    list (session 43). A plan without a start list: this month's lists alone, as
    renames.lists_alone has the share, its latest list the kept start list (session 67, H)."""
    accepted = _in_year(plan, period, accepted_in)
    olds = {old: k for old, k in keys.items() if k and old not in known and old not in accepted}
    # a plan without a start list: this month's lists alone say it, its households known from
    # the kept start list (_keys_of_silent), as they say one merged that sent (session 67, H)
    start = None if lists_alone(plan) else plan.start_list
    if not olds or rows_now is None:
        return {}
    into = set(now) & {known.get(h, h) for h in named}  # one renamed since: its name now
    # the start list's rows under a hamlet of the plan with no list now count too: a hamlet
    # it writes there, two of whose households are on another's list now, moved them there,
    # and is not merged into that one because the hamlet it joined is silent (session 58, R1)
    unlisted = set(plan.hamlets["hamlet"].tolist()) - set(now) - into
    found = hamlet_renames(olds, into, (start, rows_now), shared=True, among=unlisted,
                           planned=lists_alone(plan))  # fmt: skip
    # merged by the plan, more than a few of its households elsewhere (session 43)
    return {**found, **_merged_by_plan(plan, olds.keys() - found.keys(), olds, into)}


def _merged_into_quiet(plan: Plan, keys, found, month_hamlets, now):
    """The hamlets the plan no longer names whose households are not ``found`` (``keys``: old
    name -> their keys) -> the hamlet each joined, of those with a table this month
    (``month_hamlets``) that send no list now (``now``): :func:`_merged_by_plan`. With the olds
    asked, for :func:`_joined_silent_now` and :func:`_joined_silent_since`."""
    olds = {old: k for old, k in keys.items() if k and old not in found}
    quiet = (month_hamlets & set(plan.hamlets["hamlet"].tolist())) - set(now) if olds else ()
    return olds, (_merged_by_plan(plan, olds.keys(), olds, quiet) if quiet else {})


def _sent_into_quiet(
    plan: Plan,
    month_base: pd.DataFrame,
    month_hamlets: set[str],
    now: Collection[str],
    turn: bool,
) -> tuple[pd.DataFrame, set[str], dict[tuple[str, str], str]]:
    """``month_base`` and ``month_hamlets`` (last month's lists, after :func:`_month_renamed`)
    with each hamlet of them the plan lacks now, renamed or merged into none found there,
    that the plan's start list says merged into a hamlet that sent last month and sends
    nothing now (:func:`_merged_into_quiet`): its rows under that hamlet, the baseline alone
    (no merger said that month, as :func:`_joined_silent_now`). That hamlet has no table now;
    a household of the merged one on another hamlet's list now moved in from it, the name the
    plan has and the year's table says, not from a name the plan lacks (session 65, B: the
    month row and the year row of one move name one hamlet). ``turn``: last year's lists,
    asked by the codes the start list gives them (:func:`as_start_codes`). And, of each row so
    moved, (its key, the hamlet joined) -> the hamlet its list wrote: a message naming that list
    names it as written (session 63, R5's 'code-changed'; the review RW of session 65)."""
    gone = month_hamlets - set(plan.hamlets["hamlet"].tolist())
    if not gone or plan.start_list is None or plan.start_list.empty:
        return month_base, month_hamlets, {}
    of_gone = month_base[month_base["hamlet"].isin(gone).to_numpy()]
    codes = as_start_codes(month_base, plan.start_list)[1] if turn and not of_gone.empty else {}
    keys: dict[str, set[str]] = {}
    for hamlet, key in zip(of_gone["hamlet"].tolist(), of_gone["hh_key"].tolist(), strict=True):
        keys.setdefault(hamlet, set()).add(codes.get(key, key))
    _, into = _merged_into_quiet(plan, keys, (), month_hamlets, now)
    if not into:
        return month_base, month_hamlets, {}
    moved = month_base["hamlet"].isin(into.keys()).to_numpy()
    wrote = month_base["hamlet"].to_numpy(dtype=object)[moved].tolist()
    month_base = _under_names(month_base, into)
    written = {(key, into[then]): then
               for key, then in zip(month_base["hh_key"].to_numpy(dtype=object)[moved].tolist(),
                                    wrote, strict=True)}  # fmt: skip
    return month_base, {into.get(h, h) for h in month_hamlets}, written


def _joined_silent_now(
    plan: Plan,
    keys: dict[str, set[str]],
    found: Collection[str],
    month_base: pd.DataFrame,
    month_hamlets: set[str],
    now: Collection[str],
) -> pd.DataFrame:
    """January against last year's lists: ``month_base`` with the households of each hamlet
    merged at the turn that sent no list in December (``keys``: its households on its latest
    list of last year, :func:`_keys_at_turn`; ``found``: the old names whose merger is known
    already, :func:`_merged_unlisted`'s among them) into a hamlet that sent December and
    nothing now, the plan's start list saying the merger (:func:`_merged_by_plan`): those the
    start list writes under that hamlet, as it writes them, not counted on its December list,
    as :func:`_merged_unlisted` sets them where it sends January. That hamlet has no table
    now; they tell where a household of them on another hamlet's list now was: moved in from
    it, as one of its December list (session 58). One the start list writes in a third hamlet
    is left out (:func:`_moved_at_turn` is not asked): the hamlet it left has no table now for
    the move at the turn to match (a hamlet silent in December and January is its start list
    in the baseline, such a household moved in: :func:`_silent_at_turn`, session 58, B2)."""
    olds, into = _merged_into_quiet(plan, keys, found, month_hamlets, now)
    if not into:
        return month_base
    joined = {key: into[old] for old in sorted(into, reverse=True) for key in olds[old]}
    start = plan.start_list
    ours = [joined.get(key) == hamlet for key, hamlet in
            zip(fig.keys_of(start), start["hamlet"].tolist(), strict=True)]  # fmt: skip
    part = _start_rows(start[ours])
    counted = {hamlet: _counted(month_base, hamlet) for hamlet in set(part["hamlet"])}
    part = part[[key not in counted[hamlet] for hamlet, key in
                 zip(part["hamlet"].tolist(), part["hh_key"].tolist(), strict=True)]]  # fmt: skip
    if part.empty:
        return month_base
    return pd.concat([month_base, part], ignore_index=True)


def _joined_silent_since(
    plan: Plan,
    period: str,
    keys: dict[str, set[str]],
    found: Collection[str],
    month_base: pd.DataFrame,
    month_hamlets: set[str],
    now: Collection[str],
    accepted_in: dict[str, set[str]],
    load,
) -> pd.DataFrame:
    """Within the year, as :func:`_joined_silent_now` at the turn: ``month_base`` with the
    households of each hamlet silent last month (named, nothing valid: ``keys``, its
    households, :func:`_keys_of_silent`; ``found``: the old names whose merger is known
    already) merged since into a hamlet that sent last month and nothing now, the plan's start
    list saying the merger (:func:`_merged_by_plan`): its latest list, under that hamlet, those
    not counted there last month: the latest month of the year that accepted it, else (no
    month did) the start list's rows (session 43). That hamlet has no table now; they tell
    where a household of them on another hamlet's list now was: moved in from it, as its year
    table says (session 59 A: a silent hamlet's household on another list now). Before, they
    were in no baseline of the month: new (session 61, A2: the mergers oracle's seeds 1455,
    1456, 1476)."""
    olds, into = _merged_into_quiet(plan, keys, found, month_hamlets, now)
    if not into:
        return month_base
    year = f"{plan.plan_year:04d}-"
    latest = {old: max((p for p, hs in accepted_in.items()
                        if p.startswith(year) and p < period and old in hs), default=None)
              for old in into}  # fmt: skip
    never = {old: olds[old] for old, month in latest.items() if month is None}
    if never:
        month_base = _joined_silent_now(plan, never, (), month_base, month_hamlets, now)
    lists = {old: month for old, month in latest.items() if month is not None}
    if not lists:
        return month_base
    history = load(sorted(set(lists.values())))
    parts = [month_base]
    for old, month in sorted(lists.items()):
        frame = timeline.as_baseline(history[(history["hamlet"] == old).to_numpy()], month)
        frame = frame[~frame["hh_key"].isin(_counted(month_base, into[old])).to_numpy()]
        parts.append(_under_names(frame, {old: into[old]}))
    return pd.concat(parts, ignore_index=True)


def _taken_as_renamed(olds: list[str], name: str, size: dict[str, int]) -> str:
    """Of several old names whose lists are one hamlet's now (``name``: renamed and merged at
    once), the one taken as renamed (the trend reads its months under it), the others merged:
    the one whose name ``name`` holds ('Bản Cọ' in 'Bản Cọ Mới'), else the one with the most
    households on its list (``size``), else the first by name (session 32)."""
    return min(olds, key=lambda o: (not name_within(o, name), -size[o], o))


def _back_renamed(
    lists: dict[str, dict[str, str]], taken: dict[str, dict[str, str]], rows: pd.DataFrame
) -> tuple[dict[str, str], dict[str, str]]:
    """The old names of :func:`_latest_lists`' hamlets back after silence, as
    :func:`_month_renamed` tells them apart for a hamlet that sends the month after the plan
    changed: renamed (old name -> the hamlet) and merged into it. ``lists``: each hamlet's latest
    lists by name ('YYYY-MM'), ``taken``: those it is compared with, ``rows``: the stored
    (period, hamlet, hh_key) rows. A hamlet with a list of its own this year, or an old name's
    list of a month that named it beside (``taken`` leaves it out), has the others merged into
    it; else one old name is renamed to it (the one whose name it holds, else the one with the
    most households on its list, else the first by name), the others merged. So the trend sets
    its months before over them all and says whose they are (trend.merges_named, renames_named;
    docs/decisions.md, session 35)."""
    renamed: dict[str, str] = {}
    merged: dict[str, str] = {}
    for hamlet, found in taken.items():
        olds = [name for name in lists.get(hamlet, {}) if name != hamlet]
        if not olds:
            continue
        if hamlet not in found and any(name in found for name in olds):
            size = {n: int(((rows["period"] == m) & (rows["hamlet"] == n)).sum())
                    for n, m in found.items()}  # fmt: skip
            one = _taken_as_renamed([n for n in olds if n in found], hamlet, size)
            renamed[one] = hamlet
            olds.remove(one)
        merged.update((name, hamlet) for name in olds)
    return renamed, merged


def _as_then(plan: Plan, stored: list[dict], period: str) -> set[str]:
    """The hamlets the stored month ``period`` accepted whose row the plan still has as that
    month had it (start households, poor and near-poor): none merged into since (a merger's
    row is the hamlets' together, session 31)."""
    summary = next((p for p in stored if p["period"] == period), None)
    if summary is None:
        return set()
    columns = ["start_households", "start_poor", "start_near_poor"]
    rows = plan.hamlets[["hamlet", *columns]].itertuples(index=False, name=None)
    now = {hamlet: tuple(figures) for hamlet, *figures in rows}
    return {h["hamlet"] for h in summary["hamlets"] if h.get("status") == "ok"
            and now.get(h["hamlet"]) == tuple(h.get(c) for c in columns)}  # fmt: skip


def _moved_in_left_out(
    plan: Plan,
    left: dict[str, set[str]],
    wanted: set[str],
    frames: tuple,
    there: set[str],
    as_then: set[str],
) -> dict[str, str]:
    """Of the old names ``left`` (name -> the keys of its list, paired with no hamlet by
    :func:`hamlet_renames`), those renamed once the households the plan's start list writes under a
    hamlet of ``as_then`` (accepted the list's month, its plan row as then: :func:`_as_then`)
    are left out: they moved into the list from that hamlet, and say nothing of the list's
    hamlet's name now. Renamed only (old name -> one of ``wanted``, no other old name's): a
    merger's households are under a hamlet whose row changed, and still count. The oracle's
    seed 213: Bản Cọ's list, 4 of its own under 'Bản Cọ Trên' and 5 from Nà Mòn (docs/
    decisions.md, session 42)."""
    start = getattr(plan, "start_list", None)
    if not as_then or not wanted or start is None or start.empty:
        return {}
    under = start[start["hamlet"].isin(as_then).to_numpy()]
    moved = set(fig.household_key_texts(under))
    fewer = {name: keys - moved for name, keys in left.items() if keys & moved and keys - moved}
    in_plan = set(plan.hamlets["hamlet"].tolist())
    return hamlet_renames(fewer, wanted, frames, False, there, in_plan) if fewer else {}


def _moved_in_kept(
    plan: Plan,
    left: dict[str, set[str]],
    rows: pd.DataFrame,
    kept_start: Callable[[], pd.DataFrame] | None,
    names: Mapping[str, str] | None = None,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
) -> dict[str, set[str]]:
    """The old names ``left`` (name -> the keys of its list), each without the households that
    moved into its list during the year: the plan's start list writes them under another
    hamlet, and the kept start list (``kept_start``: :func:`_kept_start`) or a stored month of
    the year (``rows``: (period, hamlet, hh_key)) has them under it (docs/decisions.md, session
    45), or under an old name of it (``names``: old name -> the hamlet it is now, renamed or
    merged into it: a household of Bản Cọ in April, on Nà Mòn's May list, that the start list
    writes under 'Lăn Hạ', Bản Cọ merged into it, moved into Nà Mòn's list; session 60, A2).
    A hamlet split has its own households under two names on the plan's list, under neither
    of them before: still no merger. ``kept_renames``: the store's record of the names it
    rewrote its kept start list under (HistoryStore.kept_renames): a name an old name of
    ``left`` was rewritten under, on the kept list or a month's list since, is that old name's
    own, no other hamlet's (its households there moved into no list; session 65, B), and so is
    a name rewritten into one of ``left`` (its name before: a hamlet renamed during last year,
    at the turn; session 67, G2). ``left`` as it is without ``kept_start``. Asked
    only where the plan's list says no merger with them: a store kept before session 43 has its
    start households under the hamlet joined, as moved in from it."""
    start = getattr(plan, "start_list", None)
    if kept_start is None or start is None or start.empty:
        return left
    wanted = set().union(*left.values())
    planned = {key: hamlet for key, hamlet in zip(fig.household_key_texts(start),
                                                  start["hamlet"].tolist(), strict=True)
               if key in wanted and hamlet not in left}  # fmt: skip
    if not planned:
        return left
    seen = pd.concat([kept_start()[["hamlet", "hh_key"]], rows[["hamlet", "hh_key"]]])
    names = names or {}
    rewritten = kept_renames(plan.plan_year) if kept_renames is not None else {}
    back = {new: old for old, new in rewritten.items() if old in left}
    # and a name rewritten into one of ``left`` (its name before: at the turn, last year's)
    back.update((old, new) for old, new in rewritten.items() if new in left and old not in left)
    # (a household seen under an old name of ``left`` is its own: moved into no list of it)
    then = [back.get(hamlet, hamlet) for hamlet in seen["hamlet"].tolist()]
    moved = {key for key, hamlet in zip(seen["hh_key"].tolist(), then, strict=True)
             if hamlet not in left and planned.get(key) in (hamlet, names.get(hamlet, hamlet))}  # fmt: skip
    return {name: keys - moved for name, keys in left.items()}


class _Named(NamedTuple):
    # hamlet (its name now) -> {the name a latest list of it is stored under: that list's month}
    lists: dict[str, dict[str, str]]
    # stored name the plan lacks -> the hamlet it is now (renamed, or merged into it, since)
    names: dict[str, str]


def _latest_named(
    plan: Plan,
    hamlets: Collection[str],
    months: list[str],
    accepted: Callable[[str], set[str]],
    rows: pd.DataFrame,
    frames: tuple,
    merged: bool = False,
    named_in: dict[str, set[str]] | None = None,
    stored: list[dict] | None = None,
    kept_start: Callable[[], pd.DataFrame] | None = None,
    joined: Mapping[str, str] | None = None,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
) -> _Named:
    """Each hamlet of ``hamlets``' latest list of ``months`` (newest first; ``accepted``: the
    hamlets a month accepted; ``rows``: their stored (period, hamlet, hh_key) rows), under the
    name the plan gives it now: the latest month that accepted it by that name and, for one no
    month did, the latest that accepted a name the plan lacks at least half of whose households
    are under its name in ``frames`` (the plan's start list, this month's lists:
    renames.hamlet_renames), the month looked at last first. ``merged``: a hamlet found under its
    own name is looked for under such names too, several old names may go to one hamlet (a merger,
    or a rename and a merger: ``hamlet_renames(shared=True)``), and an old name's list is one of its
    latest lists unless a later one is by its own name (docs/decisions.md, session 35). Each old
    name goes to the hamlet of the latest month that names it. Nothing is read (no row looked
    at) when no month accepted a name the plan lacks, or ``frames`` are empty. ``named_in``:
    each month's hamlets, sent or not: a household under one of them moved there (session 41).
    ``stored``: the stored months' summaries; an old name paired with none is counted again
    without the households that moved into its list (:func:`_moved_in_left_out`, session 42).
    ``kept_start``: gives the kept start list (:func:`_kept_start`), asked only where the plan
    is asked for a merger (:func:`_moved_in_kept`). ``joined``: old name -> the hamlet of the
    plan it is known merged into (this month's baselines, a stored month's ``merged_since``):
    merged into a hamlet of the plan not among ``hamlets``, it is none of theirs, however many
    of its list's households are under one of them now (docs/decisions.md, session 60).
    ``kept_renames``: the store's record of its kept start list's renames
    (:func:`_moved_in_kept`)."""
    lists: dict[str, dict[str, str]] = {}
    for hamlet in hamlets:
        month = next((p for p in months if hamlet in accepted(p)), None)
        if month is not None:
            lists[hamlet] = {hamlet: month}
    in_plan = set(plan.hamlets["hamlet"].tolist())
    # a name merged into a hamlet not looked for is that one's: never another's old name
    elsewhere = {old for old, into in (joined or {}).items() if into in in_plan - set(hamlets)}
    names: dict[str, str] = {}
    asked = any(frame is not None and not frame.empty for frame in frames)
    for p in months if asked else ():
        wanted = set(hamlets) if merged else {h for h in hamlets if h not in lists}
        gone = accepted(p) - in_plan - names.keys() - elsewhere
        if not gone or not wanted:
            continue
        of_gone = rows[(rows["period"] == p).to_numpy() & rows["hamlet"].isin(gone).to_numpy()]
        keys: dict[str, set[str]] = {}
        for name, key in zip(of_gone["hamlet"].tolist(), of_gone["hh_key"].tolist(), strict=True):
            keys.setdefault(name, set()).add(key)
        there = accepted(p) | (named_in or {}).get(p, set())
        found = hamlet_renames(
            keys, wanted, frames, merged, there, in_plan, planned=lists_alone(plan)
        )  # (session 57, D2)
        if merged and frames[-1] is not None and len(found) < len(keys):
            # merged by the plan, more than a few of its households elsewhere (session 43);
            # else without those that moved into its list during the year (session 45)
            unfound = keys.keys() - found.keys()
            # (a household seen under a name found renamed or merged, or known merged into a
            # hamlet of the plan, ``joined``: under its name now; session 64, M)
            found.update(_merged_as_listed(plan, unfound, keys, set(wanted), frames[-1], rows,
                                           kept_start, there,
                                           {**(joined or {}), **names, **found},
                                           kept_renames))  # fmt: skip
        as_then = _as_then(plan, stored, p) if stored is not None and keys else set()
        # no merger into a hamlet whose plan row is as the list's month had it (a merger's row
        # is the hamlets' together): the households under it there moved in (session 42)
        found = {name: hamlet for name, hamlet in found.items() if hamlet not in as_then}
        if stored is not None and len(found) < len(keys):
            found.update(_moved_in_left_out(
                plan, {n: k for n, k in keys.items() if n not in found},
                wanted - set(found.values()), frames, there, as_then,
            ))  # fmt: skip
        if merged and frames[-1] is not None and len(found) < len(keys):
            # nothing else pairs it: the plan's merger stands, however many of its households
            # still listed are elsewhere (session 47)
            said = _merged_by_plan(plan, keys.keys() - found.keys(), keys, set(wanted),
                                   beside=there)  # fmt: skip
            found.update((name, hamlet) for name, hamlet in said.items() if hamlet not in as_then)
        for name, hamlet in found.items():
            names[name] = hamlet
            own = lists.get(hamlet, {}).get(hamlet)
            # a later list under the name now holds its households, if sent after the merger:
            # one of a month naming both names was the hamlet's own then (session 42)
            both = {name, hamlet} <= (named_in or {}).get(own, set())
            if own is None or p >= own or both:
                lists.setdefault(hamlet, {})[name] = p
    return _Named(lists, names)


def silent_lists(
    plan: Plan,
    period: str,
    stored: list[dict],
    rows: pd.DataFrame,
    silent: Collection[str],
    rows_now: pd.DataFrame | None = None,
    merges: Mapping[str, str] | None = None,
    load=None,
    kept_merges: Callable[[int], dict[str, str]] | None = None,
    kept_renames: Callable[[int], dict[str, str]] | None = None,
) -> _Named:
    """:func:`_latest_named` of the hamlets of ``silent`` (sending nothing valid in ``period``)
    among the plan year's stored months before it (``stored``: their summaries; ``rows``: the
    year's stored (period, hamlet, hh_key) rows), renamed or merged since their latest list
    (looked for on the plan's start list, and ``rows_now``, this month's lists: where a list's
    households are under another name now, session 41). figuresteps reads a silent hamlet's
    records so (session 34: renamed; session 35: merged). Empty, and nothing looked at,
    without a silent hamlet. ``merges``: last month's hamlets the month's baselines found merged
    into another since (old name -> that one); with the stored months' ``merged_since``, a name
    merged into a hamlet that sent is no silent hamlet's old name (session 60). ``load``,
    ``kept_merges``: the kept start list's (:func:`_kept_start`): an old name's list is asked
    again without the households that moved into it during the year (:func:`_moved_in_kept`),
    as for a hamlet back after silence (session 45; session 61, A: the mergers oracle's seed
    1436); ``kept_renames``: the names the store rewrote that list under (session 65, B)."""
    if not silent:
        return _Named({}, {})
    year = f"{plan.plan_year:04d}-"
    accepted_in = {p["period"]: {h["hamlet"] for h in p["hamlets"] if h.get("status") == "ok"}
                   for p in stored if f"{year}01" <= p["period"] < period}  # fmt: skip
    months = sorted(accepted_in, reverse=True)
    named_in = {p["period"]: {h["hamlet"] for h in p["hamlets"]} for p in stored}
    joined = {**_merged_said_into(stored, period, plan.plan_year), **(merges or {})}
    kept_start = None if load is None else lambda: _kept_start(plan, load, kept_merges)
    return _latest_named(
        plan, silent, months, accepted_in.__getitem__, rows, (plan.start_list, rows_now), True,
        named_in, stored, kept_start, joined, kept_renames,
    )  # fmt: skip
