"""The figures of one run (pipeline.run's consolidated): the lists counted, compared with
the baselines (the start list, last month's), every hamlet's figures and movement tables, the
commune's totals and the JSON summary. Moved out of pipeline/run.py (docs/decisions.md,
session 52).

:func:`figured` is the sequence of steps, each a function of a :class:`Figuring` (what the
steps share) with a docstring saying what it works out and the fields it sets: the row
warnings against the start list, the baselines, where each household is listed, the moves
said and carried from earlier months, the heads of each list; then each plan hamlet's row
(:func:`hamlet_row`: its year's and month's tables); then the commune's totals and the
summary. The small helpers the steps call are at the end of the module."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

import numpy as np
import pandas as pd

from pipeline import figures as fig
from pipeline import timeline
from pipeline.apart import (
    UNLIKE,
    apart_list_keys,
    apart_rows,
    by_name_written,
    households_apart,
    listed_apart,
    merged_apart,
    merged_apart_issue,
    several_held,
)
from pipeline.baselines import (
    STATUS_COLUMNS,
    base_month,
    month_baselines,
    silent_lists,
    start_record,
)
from pipeline.discover import TEMPORARY
from pipeline.messages import Message
from pipeline.moves import (
    Heads,
    OlderHeads,
    another_household_back,
    back_warnings,
    code_reused,
    duplicate_exited,
    duplicate_moved,
    duplicate_renumbered,
    exited_of_silent_warnings,
    gone_now,
    hamlet_movement_warnings,
    held_by_id,
    households_moved_back,
    ids_left_out,
    kept_at_turn_warnings,
    left_out_reused_warnings,
    list_named,
    listed_at_turn,
    mostly_gone_warning,
    moved_noted,
    moved_recoded_since,
    not_listed_warnings,
    recoded_warnings,
    returned_other_head_warning,
    reused_warnings,
    said_moved_out,
    said_moved_out_by_name,
    said_moved_out_recoded,
    vanished_warnings,
)
from pipeline.plan import start_mismatch
from pipeline.rosterchecks import at_cell, codes_from_start
from pipeline.text import ADDRESS_WORDS, ascii_number_text, fold, fold_exact, has_marks, is_blank
from pipeline.trend import (
    bases_of_other_commune,
    merges_named,
    new_in_plan,
    renames_named,
    trends,
    year_on_year,
)
from pipeline.types import Issue, Plan, RunResult, Submission, in_order


class Figuring:
    """What the steps of :func:`figured` share, in the order they are worked out. The first
    fields are figured's arguments; each step's docstring names the fields it sets. A step
    reads only fields the steps before it set (and may add to them: ``issues`` above all, whose
    order shows on 'Lỗi dữ liệu'). A plain class, not a dataclass: one on the runner's path
    costs every run its compiling (tests/test_session33_a.py)."""

    plan: Plan
    merged: Any  # consolidate's result: period, households, accepted, rejected
    submissions: list[Submission]
    issues: list[Issue]
    lang: str
    history: Callable  # the stored households of the periods wanted (a frame of them)
    stored: list[dict]
    statuses: pd.DataFrame  # the stored (period, hamlet, hh_key, status) rows
    kept_renames: Any = None
    kept_merges: Any = None
    keyed: Any = None
    # the month's rows (households: every row read; valid: those counted)
    households: Any = None
    valid: Any = None
    # baselines: what the tables compare with (month_baselines)
    bases: Any = None
    previous: str = ""
    start: Any = None
    start_from: Any = None
    month_base: Any = None
    left_before: Any = None
    # earlier_statuses: the stored months before this one
    listed_before: set
    year_unknown: int | None = None
    this_year: Any = None
    marked_exited: set
    traced: Any = None
    # lists_now: the month's lists, per hamlet
    counts: dict
    current_by: dict
    exited_by: dict
    left_out: Any = None
    held_by: dict
    # lists_apart: the lists sent apart by a merged hamlet's old head
    apart: dict
    apart_held: dict
    held_for_error: dict
    several: dict  # hamlet -> {key: file} on a list of two hamlets' ('holds-several')
    aged: set
    # baseline_records: the baselines' households, per hamlet
    start_by: dict
    start_ids: dict
    start_counts: dict
    month_by: dict
    apart_keys: dict
    codes_then: dict  # key -> the code last month's list wrote (January: renumbered; codes_back)
    # January: the start list's key of a household kept at the turn -> where it is listed now
    # (under another code), for the year's table alone (where_listed; session 57)
    moved_year: dict
    # where_listed: where in the commune each household is listed
    listed_now: dict
    listed_start: dict
    listed_month: dict
    missing_now: set
    silent: Any = None
    last_seen: dict
    # last_seen's left off by lists held apart alone, and those last listed on a list held apart
    # in the other class than their latest list with a baseline: as that list has them
    # (_silent_listings)
    left_apart: dict
    # moves_said: the households a list says moved out
    said_rows: dict
    said_moved: dict
    listed_by_name: dict
    recoded: dict
    noted: dict
    # moves_since: moves of earlier months, households moved back, said moved but not listed
    moved_since: dict
    moved_back: Any = None
    not_listed: list
    # since_bases: where each household was listed since an earlier list compared with
    held_since: dict
    listed_since: dict
    listed_last: dict
    listed_anywhere: set
    # heads: the heads of each list, for codes another household's
    heads_plan: Any = None  # the plan's start list's (moves.Heads), kept for returned_heads
    heads_month: Any = None  # the month's baseline's (moves.Heads), for _moved_on_since
    heads_older: Any = None  # the year's older months' (moves.OlderHeads), likewise
    # exited_of_silent: the year's stored rows before now, and the keys of those in a hamlet
    # missing now (taken once a run, where first asked)
    silent_keys: Any = None
    held_id_year: Any = None
    held_id_month: Any = None
    reused_year: Any = None
    reused_month: Any = None
    said_reused: set
    set_aside: dict
    held_last: dict
    # the hamlets' rows: their figures, movement details, 'Nộp báo cáo' rows
    found_in: dict
    hamlet_figs: list
    details: list
    reporting: list

    def __init__(
        self,
        plan: Plan,
        merged: Any,
        submissions: list[Submission],
        issues: list[Issue],
        lang: str,
        history: Callable,
        stored: list[dict],
        statuses: pd.DataFrame,
        kept_renames: Any = None,
        kept_merges: Any = None,
        keyed: Any = None,
    ) -> None:
        """figured's arguments; every other field starts as the class says (None, '') or
        empty."""
        self.plan = plan
        self.merged = merged
        self.submissions = submissions
        self.issues = issues
        self.lang = lang
        self.history = history
        self.stored = stored
        self.statuses = statuses
        self.kept_renames = kept_renames
        self.kept_merges = kept_merges
        self.keyed = keyed
        self.listed_before = set()
        self.marked_exited = set()
        self.counts = {}
        self.current_by = {}
        self.exited_by = {}
        self.held_by = {}
        self.apart = {}
        self.apart_held = {}
        self.held_for_error = {}
        self.several = {}
        self.aged = set()
        self.start_by = {}
        self.start_ids = {}
        self.start_counts = {}
        self.month_by = {}
        self.apart_keys = {}
        self.codes_then = {}
        self.moved_year = {}
        self.listed_now = {}
        self.listed_start = {}
        self.listed_month = {}
        self.missing_now = set()
        self.last_seen = {}
        self.left_apart = {}
        self.said_rows = {}
        self.said_moved = {}
        self.listed_by_name = {}
        self.recoded = {}
        self.noted = {}
        self.moved_since = {}
        self.not_listed = []
        self.held_since = {}
        self.listed_since = {}
        self.listed_last = {}
        self.listed_anywhere = set()
        self.said_reused = set()
        self.set_aside = {}
        self.held_last = {}
        self.found_in = {"year": [], "month": []}
        self.hamlet_figs = []
        self.details = []
        self.reporting = []


class HamletTables:
    """One counted hamlet's tables as :func:`hamlet_counted`'s steps work them out (a plain
    class, not a dataclass: one on the runner's path costs every run its compiling,
    tests/test_session33_a.py)."""

    hamlet: str
    target: dict  # its row of the plan's hamlets
    sub: Submission  # its counted list
    current: list  # its households now (movement records)
    moves: Any = None  # the year's table (against the start list)
    month_moves: Any = None  # the month's table (against last month's list, or an earlier)
    said_gone: set  # asked to confirm by the year's
    said_recoded: set  # codes said to differ (or fine)
    gone_from: Any = None  # (households gone, the table, the list compared with)
    moved_turn: Collection[str] = ()  # of them, moved by the year's start list (_moved_at_turn)
    start_apart: int | None = None  # the start households on a list sent apart (not counted)
    start_keys_apart: set  # (their keys)

    def __init__(self, hamlet: str, target: dict, sub: Submission, current: list) -> None:
        self.hamlet = hamlet
        self.target = target
        self.sub = sub
        self.current = current
        self.said_gone = set()
        self.said_recoded = set()
        self.start_keys_apart = set()


def figured(
    plan: Plan,
    merged,
    submissions,
    issues: list[Issue],
    lang: str,
    history,
    stored: list[dict],
    statuses: pd.DataFrame | None = None,
    kept_renames=None,
    kept_merges=None,
    keyed=None,
) -> RunResult:
    """``history``: the stored households (a frame, or a function of the periods wanted);
    ``statuses``: their (period, hamlet, hh_key, status) rows, when ``history`` is a function;
    ``kept_renames``, ``kept_merges``: the store's HistoryStore.kept_renames and kept_merges
    (baselines._keys_of_silent, _kept_start); ``keyed``: HistoryStore.households, read with
    ``keys`` (baselines.month_baselines). The steps below, in this order: each reads what the
    ones before it worked out (:class:`Figuring`)."""
    if statuses is None:
        statuses, frame = history[STATUS_COLUMNS], history
        history = lambda periods: frame  # noqa: E731 (as_baseline picks the period)
    c = Figuring(plan, merged, submissions, issues, lang, history, stored, statuses,
                 kept_renames, kept_merges, keyed)  # fmt: skip
    c.households = merged.households
    c.valid = c.households[c.households["valid"]]
    rows_as_written(c)
    baselines(c)
    earlier_statuses(c)
    lists_now(c)
    lists_apart(c)
    baseline_records(c)
    where_listed(c)
    moves_said(c)
    moves_since(c)
    since_bases(c)
    heads(c)
    for target in _records(plan.hamlets):
        hamlet_row(c, target)
    returned_heads(c)
    warned_files(c)
    hamlets_told(c)
    moved = moved_kept(c)
    accepted, totals = commune_totals(c)
    c.issues[:] = in_order(c.issues, (plan.file,))  # the plan's lines in row order (session 48)
    return RunResult(
        plan=plan,
        period=merged.period,
        summary=summary_of(c, accepted, totals),
        households=c.households,
        submissions=submissions,
        reporting=pd.DataFrame(c.reporting),
        issues=c.issues,
        movement_details=pd.DataFrame(c.details, columns=DETAIL_COLUMNS),
        lang=lang,
        moved=moved,
        numbering=getattr(merged, "numbering", None),
    )


def _without_others(
    statuses: pd.DataFrame, others: dict[str, dict[str, list[str]]]
) -> pd.DataFrame:
    """``statuses`` (period, hamlet, hh_key, status) less the rows of another household under a
    listed household's code, left out for an error in another hamlet (baselines' ``others``,
    the history walk's: period -> key -> hamlets): no listing of that household, so no place it
    was last seen nor held in (session 61). Asked only where the walk found such rows."""
    drop = np.zeros(len(statuses), dtype=bool)
    period, keys, hamlets = (
        statuses[c].to_numpy(dtype=object) for c in ("period", "hh_key", "hamlet")
    )
    held = (statuses["status"] == fig.NOT_COUNTED).to_numpy()
    for month, found in others.items():
        at = held & (period == month)
        for key, there in found.items():
            drop |= at & (keys == key) & np.isin(hamlets, there)
    return statuses[~drop] if drop.any() else statuses


def _held_without(
    held_by: dict[str, set[str]], others: dict[str, list[str]]
) -> dict[str, set[str]]:
    """``held_by`` (hamlet -> the keys of its rows left out for an error now) less the keys of
    ``others`` in those hamlets (key -> hamlets: another household's rows under a listed
    household's code, timeline.Departures.others of the month run)."""
    held_by = dict(held_by)
    for key, there in others.items():
        for hamlet in there:
            if key in held_by.get(hamlet, ()):
                held_by[hamlet] = set(held_by[hamlet]) - {key}
    return held_by


def _plan_sha(c: Figuring) -> str | None:
    """The SHA-256 of the plan file read now (the history's record of a month's, run_files),
    None where it is not among the run's files or cannot be read (asked only where a hamlet is
    back in the plan: baselines._told_by_plan)."""
    from pipeline.archive import sha256_of  # (not at start: it loads the workbook writer)

    sub = next((s for s in c.submissions
                if s.kind == "plan" and s.file == c.plan.file), None)  # fmt: skip
    if sub is None:
        return None
    try:
        return sha256_of(sub.path)
    except OSError:
        return None


def _others_hamlets(bases, previous: str) -> set[str]:
    """The hamlets of ``bases.others`` (period -> key -> hamlets) in the months the month's
    baselines are of: last month's and each earlier list a hamlet is compared with."""
    found: set[str] = set()
    for month in {previous, *bases.month_from.values()}:
        for hamlets in bases.others.get(month, {}).values():
            found.update(hamlets)
    return found


def rows_as_written(c: Figuring) -> None:
    """The warnings at a counted row's cells that compare it with the plan's start list: a Mã
    hộ written apart from the start list's only by spaces or case, a code the start list does
    not have, a head's name without its marks or after a word of address. Said first: their
    lines come before the tables' on 'Lỗi dữ liệu'."""
    plan, merged, households, issues = c.plan, c.merged, c.households, c.issues
    _spelled_apart(plan, merged.accepted, households, issues)
    codes_from_start(plan.start_list, households, issues)
    _names_without_marks(plan, merged.accepted, households, issues)
    _names_as_written(plan, merged.accepted, households, issues)


def baselines(c: Figuring) -> None:
    """The lists the tables compare with (baselines.month_baselines): the start of the year's
    (``start``, from ``start_from``: the plan's start list or a stored month) and last month's
    (``month_base``, or a silent hamlet's latest), with the households out of the lists
    before (``left_before``); ``previous``: last month. Sets bases, previous, start,
    start_from, month_base, left_before."""
    plan, merged = c.plan, c.merged
    c.bases = bases = month_baselines(
        plan, merged.period, c.history, c.statuses, c.issues, c.stored, merged.accepted,
        c.households, c.kept_renames, c.kept_merges, c.keyed, lambda: _plan_sha(c),
    )  # fmt: skip
    c.previous = timeline.previous_period(merged.period)
    if bases.others:  # another household's rows under a listed code: not its listings
        c.statuses = _without_others(c.statuses, bases.others)
    c.start, c.start_from, c.month_base, c.left_before = (
        bases.start,
        bases.start_from,
        bases.month,
        bases.left_before,
    )


def earlier_statuses(c: Figuring) -> None:
    """What the stored months before this one say of each household: listed before (so a
    'Thoát' for it is no unknown code), marked 'Thoát' this year (gone since: nothing to
    confirm), kept as moved out of its hamlet this year (its trace). Sets listed_before,
    year_unknown, this_year, marked_exited, traced."""
    plan, merged, statuses = c.plan, c.merged, c.statuses
    # Households on some list of an earlier stored month (last year's too: a Thoát kept in
    # January for a household that left in 2024 is no unknown code) or on an earlier year's
    # start list the history keeps (one that left in 2024 before its first stored month), and
    # those marked Thoát in an earlier month of this year (gone since: nothing to confirm).
    before = statuses[statuses["period"] < merged.period]
    c.listed_before = set(before["hh_key"].tolist()) | c.bases.listed_kept
    # No month of an earlier year stored (the commune's first year, or January run before last
    # December): a Thoát for a household on no list of this year may be one that left last year.
    c.year_unknown = (
        plan.plan_year - 1 if not (before["period"] < f"{plan.plan_year}-01").any() else None
    )
    this_year = before[before["period"].astype(str).str.startswith(f"{plan.plan_year}-")]
    # the rows marked Thoát, and those kept as moved out of their hamlet (figures.MOVED): one
    # look at the year's stored statuses for both
    marked = this_year[this_year["status"].isin(("exited", *fig.MOVED))]
    c.this_year = this_year
    c.marked_exited = set(marked.loc[marked["status"] == "exited", "hh_key"].tolist())
    c.traced = marked[marked["status"] != "exited"]


def lists_now(c: Figuring) -> None:
    """The month's counted rows per hamlet: their tallies, movement records and 'Thoát' rows,
    and the households held in rows left out for an error (listed now: not gone). Sets counts,
    current_by, exited_by, left_out, held_by."""
    valid, households = c.valid, c.households
    # Everything is counted once over the commune's table, then handed out per hamlet:
    # a pandas operation per hamlet would cost hamlets × rows.
    c.counts = fig.tallies(valid)
    c.current_by = fig.group_by_hamlet(
        fig.movement_records(valid, fig.household_key_texts(valid)), valid["hamlet"]
    )
    c.exited_by = _exited_rows(valid)
    # Households on a list now, in rows left out of the counts for an error: not gone.
    c.left_out = households[~households["valid"].to_numpy(dtype=bool)]
    c.held_by = fig.held_keys(c.left_out)


def lists_apart(c: Figuring) -> None:
    """The lists a merged hamlet's old head sent apart (refused: their households listed, not
    gone), and the (hamlet, name, birth year) keys whose year was read from an age. Sets apart,
    apart_held, held_for_error, aged, several; adds the lists apart's households to held_by."""
    plan, households, start, held_by = c.plan, c.households, c.start, c.held_by
    # A hamlet merged into another in the plan whose old head sent his own list (refused,
    # variant 'merged'): its households are listed, apart, not gone (session 25).
    c.apart = merged_apart(c.submissions, c.merged)
    apart_held = {hamlet: apart_list_keys(subs, hamlet) for hamlet, subs in c.apart.items()}
    c.held_for_error = held_by  # the rows left out for an error alone
    # (hamlet, head's name, birth year) keys whose year was read from an age, now (on a list sent
    # apart too), on the plan's start list, or on a stored month the tables compare with (the
    # history marks such rows since schema 5): matched a year off too, one household with one
    # (session 30).
    aged = (
        fig.aged_name_keys(households)
        | fig.aged_name_keys(plan.start_list)
        | fig.aged_name_keys(start if c.start_from != "plan" else None)
        | fig.aged_name_keys(c.month_base)
    )
    for hamlet, (codes, names, _, apart_aged) in apart_held.items():
        aged |= apart_aged
        held_by = {**held_by, hamlet: set(held_by.get(hamlet, ())) | codes | names}
    c.apart_held, c.aged, c.held_by = apart_held, aged, held_by
    # the households on a list naming no hamlet of two hamlets' ('holds-several'): counted
    # gone, their warnings naming that list (session 54)
    c.several = several_held(c.submissions)


def baseline_records(c: Figuring) -> None:
    """The baselines' households per hamlet as movement records (the start list's, last
    month's), the start list's keys and counts per hamlet, and those of each hamlet's baselines
    on a list sent apart; in January, the codes last year's lists wrote for the households the
    start list renumbered (:func:`_codes_then`). Sets start_by, start_ids, start_counts,
    month_by, apart_keys, codes_then."""
    start, month_base = c.start, c.month_base
    start_by: dict = {}
    start_ids: dict[str, set[tuple]] = {}
    start_counts: dict[str, tuple[int, int]] = {}
    month_by: dict = {}
    if start is not None:
        start_keys = fig.household_keys(start)
        start_by = fig.group_by_hamlet(
            fig.movement_records(start, fig.keys_of(start, start_keys)), start["hamlet"]
        )
        for hamlet, key in zip(start["hamlet"].tolist(), start_keys, strict=True):
            start_ids.setdefault(hamlet, set()).add(key)
        if c.start_from == "plan":
            start_counts = fig.status_counts(start)
    if month_base is not None:
        month_by = fig.group_by_hamlet(fig.movement_records(month_base), month_base["hamlet"])
        # another household's rows under a listed code (the walk's ``others``) in a hamlet's
        # baseline: of last month's lists, or of the earlier list a hamlet silent since is
        # compared with (bases.month_from: its rows are of that month; session 63, A)
        for hamlet in month_by.keys() & _others_hamlets(c.bases, c.previous):
            others = c.bases.others.get(c.bases.month_from.get(hamlet, c.previous), {})
            month_by[hamlet] = [r for r in month_by[hamlet]
                                if not (r[1] == fig.NOT_COUNTED and hamlet in others.get(r[0], ()))]  # fmt: skip
        if c.bases.month_as_written is not None:
            c.codes_then = _codes_then(month_base, c.bases.month_as_written)
        elif c.bases.codes_back:  # re-coded, gone, its older code elsewhere now (session 59)
            c.codes_then = dict(c.bases.codes_back)
    # the households of the baselines on a list sent apart, not also in a row left out for an
    # error (those stay "dòng có lỗi")
    c.apart_keys = {
        hamlet: households_apart(
            [*start_by.get(hamlet, []), *month_by.get(hamlet, [])],
            c.held_for_error.get(hamlet, set()),
            codes | names,
            c.aged,
        )
        for hamlet, (codes, names, _, _) in c.apart_held.items()
    }
    c.start_by, c.start_ids, c.start_counts, c.month_by = (
        start_by,
        start_ids,
        start_counts,
        month_by,
    )


def where_listed(c: Figuring) -> None:
    """Where in the commune each household is listed now, at the start and last month (one
    that moved to another hamlet has not left the lists), and where a household of a hamlet
    that sent nothing valid now was last seen this year. Sets listed_now, listed_start,
    listed_month, missing_now, silent, last_seen; renames statuses' and month_by's hamlets
    the plan renamed or merged since a silent hamlet's latest list."""
    plan, merged, month_by = c.plan, c.merged, c.month_by
    # another household's rows under a listed household's code, left out for an error in
    # other hamlets now (the history walk's, timeline._another_household): they hold not that
    # household, which is where it was last seen (session 62)
    others_now = c.bases.others.get(merged.period) if c.bases is not None else None
    if others_now:
        c.held_by = _held_without(c.held_by, others_now)
    # Where in the commune each household is listed now, at the start and last month: a
    # household that moved to another hamlet has not left the lists (nor is it new there).
    c.listed_now = fig.listed_where(
        [r for records in c.current_by.values() for r in records], c.held_by, exited=True
    )
    c.listed_start = fig.listed_where([r for records in c.start_by.values() for r in records])
    c.listed_month = fig.listed_where(
        [r for records in month_by.values() for r in records], exited=True, stored=True
    )
    # January: one written now under another code whose row of last year's list the start list
    # writes in another hamlet (bases.kept_at_turn), its code there listed nowhere now: the
    # year's table reads it as the start list's household, moved in from there, its row there
    # moved out (session 57)
    # (so in a later month is one the start list renumbered, listed last month under the start
    # list's code in another hamlet, written now under last year's: bases.moved_back, session 60)
    pairs = [(key, kept[3]) for key, kept in c.bases.kept_at_turn.items()]
    pairs += [(key, moved[0]) for key, moved in c.bases.moved_back.items()]
    for key, start_key in pairs:
        there, now = c.listed_start.get(start_key), c.listed_now.get(key)
        if there is not None and now is not None and there[0] != now[0]:
            if key not in c.listed_start and start_key not in c.listed_now:
                c.listed_start[key] = there
                c.moved_year[start_key] = now
    # A household last listed (this year, up to last month) in a hamlet that sent nothing
    # valid now is still where it was last seen: one that moved there months ago is moved out
    # of its old hamlet, not gone from the lists (nor asked to be written Thoát) for a month
    # its new hamlet is silent.
    missing_now = set(plan.hamlets["hamlet"].tolist()) - set(merged.accepted)
    # such a hamlet the plan renamed or merged since its latest list is looked for under the
    # names stored then: its rows are read under its name now (sessions 34, 35)
    # a hamlet merged into one that sent is none of theirs (session 60); the kept start list
    # tells the households that moved into an old name's list during the year (session 61, A)
    silent = silent_lists(
        plan, merged.period, c.stored, c.this_year, missing_now, c.households, c.bases.merged,
        c.history, c.kept_merges, c.kept_renames,
    )  # fmt: skip
    written = c.statuses  # each row under the hamlet its list was sent as
    if silent.names:
        c.statuses = c.statuses.assign(hamlet=c.statuses["hamlet"].replace(silent.names))
        for old, new in silent.names.items():
            if old in month_by:  # last month's list under its old name: its latest
                moved = [(r[0], r[1], new, *r[3:]) for r in month_by.pop(old)]
                month_by[new] = [*month_by.get(new, []), *moved]
    last_seen = timeline.last_listed(
        c.statuses, f"{plan.plan_year}-01", c.previous, within=missing_now
    )
    # one a later row without a Mã hộ holds by its head's name in a hamlet not missing now is
    # no longer where its code was last seen (session 54)
    named = named_since(c, last_seen, missing_now)
    # and one its hamlet's later list left off has left it: its exit stands (session 54)
    left = left_off_since(c, last_seen, written, silent.names)
    c.last_seen = {key: place for key, place in last_seen.items() if key not in named | left}
    # ... but for the month's baselines not one its hamlet's later lists held apart alone left
    # off (no baseline, session 42: no leaving yet, session 62 B2): that hamlet's latest list
    # with a baseline counts it still (_silent_listings; session 66, A: the `--apart` seed 2919)
    apart = _lists_apart(c)
    if left and apart:
        still = left - named - left_off_since(c, last_seen, written, silent.names, apart)
        c.left_apart = {key: last_seen[key] for key in still
                        if last_seen[key][1] in ("poor", "near_poor")}  # fmt: skip
    if apart:  # each in the class of its latest list with a baseline, not of a list held
        # apart after it (session 66, RAC's Left; session 67, H)
        places = {**c.last_seen, **c.left_apart}
        c.left_apart = {**c.left_apart, **_class_with_baseline(c, places, written, silent.names,
                                                               apart)}  # fmt: skip
    c.missing_now, c.silent = missing_now, silent


def _class_with_baseline(
    c: Figuring,
    places: dict[str, tuple[str, str]],
    written: pd.DataFrame,
    names: dict[str, str],
    apart: set[tuple[str, str]],
) -> dict[str, tuple[str, str]]:
    """Of ``places`` (key -> (hamlet, status) of a household's last listing this year, up to
    last month, in a hamlet missing now), those poor, near-poor or 'Thoát' there (on a list held
    apart: session 67, RH) whose latest listing in that hamlet on a list with a baseline (not
    one of ``apart``: (month, hamlet as sent) of the lists held apart), that hamlet's latest
    such list, has another class, poor or near-poor -> (hamlet, that class). A list held apart is no baseline (session 42): the month's baselines hold the
    household as its hamlet's latest list with a baseline does, whatever a list held apart
    since wrote (docs/decisions.md, session 67, H). ``written`` and ``names`` as
    :func:`left_off_since` reads them."""
    counted = ("poor", "near_poor")
    # 'Thoát' on a list held apart too: not counted, no leaving yet (session 67, RH)
    keys = {key for key, (_, status) in places.items() if status in (*counted, "exited")}
    if not keys:
        return {}
    first = f"{c.plan.plan_year}-01"
    based: dict[str, str] = {}  # hamlet (name now) -> the month of its latest list with a baseline
    for p in c.stored:
        if first <= p["period"] <= c.previous:
            for h in p["hamlets"]:
                if h.get("status") == "ok":
                    name = names.get(h["hamlet"], h["hamlet"])
                    based[name] = max(based.get(name, ""), p["period"])
    period = written["period"]
    year = written[(period >= first).to_numpy()
                   & (period <= c.previous).to_numpy()
                   & written["hh_key"].isin(keys).to_numpy()]  # fmt: skip
    latest: dict[str, tuple[str, str]] = {}  # key -> (month, status) on a list with a baseline
    for key, hamlet, month, status in zip(year["hh_key"], year["hamlet"], year["period"],
                                          year["status"], strict=True):  # fmt: skip
        if (month, hamlet) in apart or names.get(hamlet, hamlet) != places[key][0]:
            continue
        if month > latest.get(key, ("", ""))[0]:
            latest[key] = (month, status)
    # (on that list: one a later list with a baseline left off had left it, session 54)
    return {key: (places[key][0], status) for key, (month, status) in latest.items()
            if status in counted and status != places[key][1]
            and month == based.get(places[key][0])}  # fmt: skip


def named_since(c: Figuring, last_seen: dict, missing_now: set[str]) -> set[str]:
    """The keys of ``last_seen`` (last listed by code this year in a hamlet missing now) that a
    stored row without a Mã hộ holds later, by the head's name and birth year the start's or
    last month's baselines give its code (:func:`figures.holder_by_name`), in a hamlet not
    missing now: its household was listed there after (a list refused 'across' whose twin row
    held the code, then a row by name: session 54), so that later listing decides."""
    if not last_seen:
        return set()
    statuses, first = c.statuses, f"{c.plan.plan_year}-01"
    period = statuses["period"]
    year = statuses[(period >= first) & (period <= c.previous)]
    named = year["hh_key"].astype(str).str.startswith("name|") & ~year["hamlet"].isin(missing_now)
    rows = year[named & year["status"].isin(("poor", "near_poor", "exited", fig.NOT_COUNTED))]
    if rows.empty:
        return set()
    named_at = rows.groupby("hh_key")["period"].max().to_dict()
    names: dict[str, set[str]] = {}
    for records in (*c.start_by.values(), *c.month_by.values()):
        for r in records:
            if r[0] in last_seen and (name := fig.record_name_key(r)) is not None:
                names.setdefault(r[0], set()).add(name)
    if not names:
        return set()
    coded_at = year[year["hh_key"].isin(names.keys())].groupby("hh_key")["period"].max()
    found = set()
    for key, texts in names.items():
        holders = [fig.holder_by_name(text, named_at) for text in sorted(texts)]
        if any(h is not None and named_at[h] > coded_at.get(key, "") for h in holders):
            found.add(key)
    return found


def _lists_apart(c: Figuring) -> set[tuple[str, str]]:
    """(month, hamlet as sent) of the stored lists of the year held apart (read and stored, the
    hamlet left out: session 42's ``incomplete``)."""
    first = f"{c.plan.plan_year}-01"
    return {(p["period"], h["hamlet"]) for p in c.stored if first <= p["period"] <= c.previous
            for h in p["hamlets"] if h.get("incomplete")}  # fmt: skip


def left_off_since(
    c: Figuring,
    last_seen: dict,
    written: pd.DataFrame,
    names: dict[str, str],
    apart: set[tuple[str, str]] = frozenset(),
) -> set[str]:
    """The keys of ``last_seen`` listed (poor, near-poor, or in a row left out for an error) on
    a list of a hamlet missing now that the same list's later one this year, stored before
    now, left off: that later list said it is no longer there (one moved there in February,
    on its March list no longer: exited in March), so a month the hamlet is silent keeps that
    exit, not the move (session 54). ``written``: the stored rows under the hamlet each list
    was sent as; ``names``: the silent hamlets' old names -> names now (a merged hamlet's
    parts' lists are each their own: one part's later list leaves off none of the other's,
    but the list of the hamlet merged into, sent in a later month that no longer names the
    old name, is the whole hamlet's: it left off a household of the old name's list too, and
    its month's table told that exit; session 60, A2)."""
    kept = {key: h for key, (h, status) in last_seen.items()
            if status in ("poor", "near_poor", fig.NOT_COUNTED)}  # fmt: skip
    if not kept:
        return set()
    period = written["period"]
    year = written[(period >= f"{c.plan.plan_year}-01") & (period <= c.previous)]
    rows = year[year["hh_key"].isin(kept.keys())]
    seen: dict[str, tuple[str, str]] = {}  # key -> (month, hamlet as sent) of its last listing
    for key, hamlet, month in zip(rows["hh_key"], rows["hamlet"], rows["period"], strict=True):
        if names.get(hamlet, hamlet) == kept[key] and month > seen.get(key, ("", ""))[0]:
            # (with ``apart``, on a list with a baseline: one on a list held apart, then left
            # off a second, is its latest list's with a baseline still; session 66, RAC)
            if (month, hamlet) not in apart:
                seen[key] = (month, hamlet)
    # a renamed hamlet's later lists are those under its name now (its one old name's lists
    # all before the first under the new: seed 1347); a merged hamlet's parts' stay their own
    renamed = renamed_lists(year, names)
    # (with ``apart``, one on no list with a baseline since the year began is no baseline's)
    on_apart = kept.keys() - seen.keys() if apart else set()
    seen = {key: (month, renamed.get(hamlet, hamlet)) for key, (month, hamlet) in seen.items()}
    sent = {hamlet for _, hamlet in seen.values()}
    lists = year
    if apart:  # ``apart``: lists held apart that leave none off (:func:`where_listed`)
        pairs = zip(lists["period"].tolist(), lists["hamlet"].tolist(), strict=True)
        lists = lists[[pair not in apart for pair in pairs]]
    lists = lists.assign(hamlet=lists["hamlet"].replace(renamed)) if renamed else lists
    latest = lists[lists["hamlet"].isin(sent)].groupby("hamlet")["period"].max().to_dict()
    left = {key for key, (month, hamlet) in seen.items() if month < latest.get(hamlet, month)}
    left |= on_apart
    merged = {key: (month, hamlet) for key, (month, hamlet) in seen.items()
              if key not in left and names.get(hamlet, hamlet) != hamlet}  # fmt: skip
    if merged:  # the hamlet merged into, its list sent after the old name left the plan
        first = f"{c.plan.plan_year}-01"
        sent_as = [(p["period"], h["hamlet"], {x["hamlet"] for x in p["hamlets"]})
                   for p in c.stored if first <= p["period"] <= c.previous
                   for h in p["hamlets"] if h.get("status") == "ok"]  # fmt: skip
        left |= {key for key, (month, old) in merged.items()
                 if any(p > month and h == names[old] and old not in there
                        for p, h, there in sent_as)}  # fmt: skip
    return left


def renamed_lists(year: pd.DataFrame, names: dict[str, str]) -> dict[str, str]:
    """The old names of ``names`` (a silent hamlet's old name -> its name now) that are a
    rename, not a merged hamlet's part: the only old name of its name now, each list under it
    in ``year`` (the stored rows, under the hamlet each list was sent as) before the first
    under the name now. Such a hamlet's lists are one hamlet's, under two names (session 54)."""
    sources: dict[str, list[str]] = {}
    for old, new in names.items():
        sources.setdefault(new, []).append(old)
    months = year.groupby("hamlet")["period"].agg(["min", "max"])
    found = {}
    for new, olds in sources.items():
        if len(olds) != 1 or olds[0] not in months.index:
            continue
        if new not in months.index or months.at[new, "min"] > months.at[olds[0], "max"]:
            found[olds[0]] = new
    return found


def moves_said(c: Figuring) -> None:
    """The households a counted list says moved out of its hamlet (by code, by the head's
    name and birth year, or under a new code in the hamlet named), and where those found are
    listed. Sets said_rows, said_moved, listed_by_name, recoded; adds the new codes to
    listed_start and listed_month."""
    plan, merged = c.plan, c.merged
    start_by, month_by, listed_start, listed_month = (
        c.start_by, c.month_by, c.listed_start, c.listed_month
    )  # fmt: skip
    said_rows: dict[str, list] = {}
    said_moved = said_moved_out(plan, merged.accepted, said_rows)
    # those written without a Mã hộ: the household its hamlet's baselines list under the head's
    # name and birth year; listed by that name in the hamlet named, moved there (session 32)
    by_name, listed_by_name = said_moved_out_by_name(
        plan, merged, (start_by, month_by), (c.current_by, c.held_by), c.aged, said_rows
    )
    said_moved = {**by_name, **said_moved}
    # those written with their code that the hamlet named lists under a new code of its own:
    # moved there, and arriving there from where the baselines had them (session 32)
    recoded = said_moved_out_recoded(
        plan,
        merged,
        said_moved,
        c.listed_now,
        (start_by, month_by),
        (listed_start, listed_month),
        c.current_by,
        c.aged,
        said_rows,
    )
    _listed_under_new_codes(recoded, listed_by_name, (listed_start, listed_month))
    # a household gone from its hamlet's lists now that another hamlet lists under a new code,
    # its row noted 'Chuyển đến từ xóm …' naming that hamlet: moved there, whichever month the
    # new code first appeared (session 57, B3)
    noted = moved_noted(
        plan,
        c.valid,
        {**c.last_seen, **c.listed_now},
        said_moved,
        (start_by, month_by),
        (listed_start, listed_month),
        c.current_by,
        c.aged,
        c.this_year,
    )
    _listed_under_new_codes(noted, listed_by_name, (listed_start, listed_month))
    _left_from(
        {key: (new, said_rows[key][0].hamlet) for key, (_, _, new) in recoded.items()},
        month_by,
        listed_month,
    )
    _left_from({key: (new, record[2]) for key, (_, _, new, record) in noted.items()}, month_by,
               listed_month)  # fmt: skip
    c.said_rows, c.said_moved, c.listed_by_name, c.recoded, c.noted = (
        said_rows, said_moved, listed_by_name, recoded, noted
    )  # fmt: skip


def _listed_under_new_codes(found: dict, listed_by_name: dict, before: tuple[dict, ...]) -> None:
    """Each household of ``found`` (its key -> (the hamlet that lists it now under a new code,
    its status there, that code, …): moves.said_moved_out_recoded, moves.moved_noted) is
    listed there (``listed_by_name``), and where the baselines had it (``before``: listed_start,
    listed_month) so under its new code too: arriving from there (sessions 32, 57)."""
    for key, (there, status, new, *_) in found.items():
        listed_by_name[key] = (there, status)
        for listed in before:
            if key in listed:
                listed[new] = listed[key]


def _left_from(found: dict[str, tuple[str, str]], month_by: dict, listed_month: dict) -> None:
    """Each household of ``found`` (its key -> (its new code, the hamlet it left: the one
    whose list said it moved, or whose record a note paired)) whose month's placement
    (``listed_month``) names another hamlet, where the month baseline of the hamlet it left
    holds it too (a silent hamlet's earlier list names it as well, session 65 E2): under its
    new code it arrives from the hamlet it left, not from the other (session 67, B2)."""
    for key, (new, left) in found.items():
        place = listed_month.get(key)
        if place is None or place[0] == left:
            continue
        record = next((r for r in month_by.get(left, ()) if r[0] == key), None)
        if record is not None and record[1] in ("poor", "near_poor"):
            listed_month[new] = (left, record[1])


def older_lists(c: Figuring, quiet: set[str]) -> tuple[dict, set[str]]:
    """The records of each hamlet of ``quiet`` on its latest lists this year of a month
    before last month (last month's are ``month_by``'s), under its name now (its latest lists
    under each old name, merged since: session 35), those of a household last month's
    records have left out, and their aged keys: one load of those months (session 34). A
    hamlet not accepted last month (silent then too), or merged since with a name accepted
    last month and another, or its own, only earlier (session 35)."""
    silent, previous, month_by = c.silent, c.previous, c.month_by
    wanted: dict[str, set[str]] = {}
    for hamlet in sorted(quiet):
        for name, month in silent.lists.get(hamlet, {}).items():
            if month < previous:
                wanted.setdefault(month, set()).add(name)
    if not wanted:
        return {}, set()
    months = sorted(wanted)
    loaded = c.history(months)
    parts = [timeline.as_baseline(loaded[loaded["hamlet"].isin(wanted[month]).to_numpy()],
                                  month) for month in months]  # fmt: skip
    frame = pd.concat(parts, ignore_index=True)
    if silent.names:
        frame = frame.assign(hamlet=frame["hamlet"].replace(silent.names))
    by = fig.group_by_hamlet(fig.movement_records(frame), frame["hamlet"])
    for hamlet, records in by.items():
        have = {r[0] for r in month_by.get(hamlet, ())}
        if have:
            by[hamlet] = [r for r in records if r[0] not in have]
    return by, fig.aged_name_keys(frame)


def moves_since(c: Figuring) -> None:
    """The moves the tables carry from earlier months: a start household an earlier month
    left moved out, written now in another hamlet under a new code (moved_since), one written
    again under its old code there (moved_back); the households said moved that no list has,
    told at their rows (moved-not-listed). Sets moved_since, moved_back, not_listed; adds the
    new codes to listed_start, listed_month and listed_by_name, and every household listed
    or said moved to listed_now."""
    listed_now, listed_start, listed_month = c.listed_now, c.listed_start, c.listed_month
    said_moved, listed_by_name, last_seen = c.said_moved, c.listed_by_name, c.last_seen
    # A start household an earlier month left moved out (its trace) that no list writes by its
    # code now, written in another hamlet under a new code: moved out / moved in in the year's
    # table as in the month of the move, not exited and new (session 32). The month's table
    # compares with last month's list, which has the new code already (or, where the hamlet
    # named did not list it then, the old code's trace: moved in now).
    moved_since = moved_recoded_since(
        c.this_year,
        c.traced,
        c.merged.period,
        listed_now,
        said_moved,
        listed_start,
        c.start_by,
        c.current_by,
        c.aged,
        {hamlet: c.month_by.get(hamlet, ()) for hamlet in c.missing_now},
        last_seen,
        lambda quiet: older_lists(c, quiet),
        c.recoded.keys() | c.noted.keys(),  # paired this month already
    )
    # (not _listed_under_new_codes: last month's place under the new code, where it has one,
    # is kept; it listed the household so already)
    for key, (there, status, new, _, _) in moved_since.items():
        listed_by_name[key] = (there, status)
        listed_start[new] = listed_start[key]
        if new not in listed_month and key in listed_month:  # said moved, on no list then
            listed_month[new] = listed_month[key]  # moved in this month (as by its old code)
    # one such household written again under its old code there: one household in the month
    c.moved_back = households_moved_back(
        c.traced, c.previous, listed_now, listed_month, c.current_by, c.month_by, c.aged
    )
    # those said moved that no list of the commune has: told once, at their rows (moved-not-listed)
    not_listed = [k for k in said_moved
                  if k not in listed_now and k not in last_seen and k not in listed_by_name]  # fmt: skip
    said_rows = c.said_rows
    not_listed_warnings(
        list({id(said_rows[k]): said_rows[k] for k in not_listed}.values()), c.issues,
        c.merged.rejected,
    )  # fmt: skip
    c.listed_now = {**last_seen, **said_moved, **listed_by_name, **listed_now}
    c.moved_since, c.not_listed = moved_since, not_listed


def since_bases(c: Figuring) -> None:
    """Where each household was last listed since the earlier list a hamlet's month table
    compares with (bases.month_from: a hamlet silent last month), and since last month's
    baselines (listed_last); every household listed before now (listed_anywhere). Sets
    held_since, listed_since, listed_last, listed_anywhere."""
    plan, bases, previous = c.plan, c.bases, c.previous
    listed_start, listed_month = c.listed_start, c.listed_month

    def first_month(base: str) -> str:
        return base_month(base, plan.plan_year)

    # A hamlet compared with an earlier list than last month's (bases.month_from): where each
    # household was last listed from that list's month through last month, so that one that
    # left another hamlet while this one sent nothing arrives moved in (or, marked Thoát there
    # since, comes back), not new (tái nghèo) to the lists. Each base's stored months are read
    # once, oldest first (a province's 300,000 rows a month: ~0.3 s of CPU a month read).
    # Each such household last listed in a row left out for an error is counted again or back
    # as of that row's month (held_since: key -> the month), not as of the hamlet's list: one
    # that had left before its row went wrong joins the lists now, new (session 39).
    held_since: dict[str, dict[str, str]] = {base: {} for base in bases.month_from.values()}
    since_base = {
        base: _as_joined(
            timeline.last_listed(
                c.statuses, first_month(base), previous, held_in=held_since[base], by_name=True
            ),
            {**bases.renamed, **bases.merged},
            held_since[base],
        )
        for base in sorted(set(bases.month_from.values()), key=first_month)
    }
    # A hamlet compared with last month's list sees the earlier lists of the hamlets back after
    # silence too (month_base holds them): a household of such a list listed or marked Thoát
    # since is judged by that later listing, as listed_since judges it (docs/decisions.md,
    # session 38): one marked Thoát last month and listed again now is back (tái nghèo), not
    # moved in from the list it was on before it left. (The oldest base's listing, read above.)
    listed_last = listed_month
    if since_base:
        later = next(iter(since_base.values()))
        listed_last = {key: later.get(key, place) for key, place in listed_month.items()}
    # Within the year, a household last listed in a hamlet of the plan that sent nothing last
    # month nor now (no table, none of the month's baselines: session 11) is where that list has
    # it; one of such a hamlet that sent no list this year, on no list of the year's months, is
    # where the start list has it: on another hamlet's list now it moved in from there, in the
    # month's table as in the year's (session 59, A; at the year's turn, session 58's B2)
    quiet = _silent_listings(c, listed_last)
    if quiet:
        listed_last = {**quiet, **listed_last}
    # A hamlet compared with an earlier list reads the month's baselines so too, then its own
    # list's months: one marked Thoát before that list and listed again now is back, as it is
    # where the hamlet's month between was counted (session 55: the QA gate's seed 1572)
    listed_since = {
        base: {  # oldest first: the later listing of a household wins
            **(listed_start if base == "plan" else {}),
            **listed_last,
            **later,
        }
        for base, later in since_base.items()
    }
    # A household last counted on a list a later list of its hamlet left off, on no list since
    # (bases.left_in: out of the lists at the end of last month, since that month), had left
    # the lists where the hamlet now listing it sent a list then or since: back now (tái
    # nghèo), not moved in from that list, whichever hamlet's list left it off (session 55:
    # as where it was the hamlet's own list, or wrote it 'Thoát'). Left while that hamlet was
    # silent, it may have been there: moved in (session 11).
    # (its listing in a stored month only: a baseline's own household, the start list's or
    # one beside a list held apart, is as session 53 has it)
    if since_base:  # else every household of the baselines is on last month's lists
        oldest = next(iter(since_base.values()))
        stored_last = {key: oldest[key] for key in listed_month if key in oldest}
        # (not one whose latest listing is the one its hamlet's baseline still counts: the list
        # that left it off was held apart, no baseline, and that hamlet's table moves it out
        # now: moved in, as the oracle's session 61 A rule has it; session 62, B2: seed 2446)
        still = {key for key, place in stored_last.items()
                 if place[1] in ("poor", "near_poor") and listed_month.get(key) == place}  # fmt: skip
        for base, later in since_base.items():
            where = {**stored_last, **later}
            left = _left_by(where, bases.left_in, "" if base == "plan" else base)
            listed_since[base].update({k: v for k, v in left.items()
                                       if k not in still or where[k] != stored_last[k]})  # fmt: skip
        left = _left_by(stored_last, bases.left_in, previous)
        listed_last = {**listed_last, **{k: v for k, v in left.items() if k not in still}}
    # A household poor or near-poor on last month's list of a hamlet held apart then (its list
    # read and stored, the hamlet left out: no baseline, session 42) is where that list has it:
    # one on a list now that no baseline holds moved in from there, not new (session 53); one
    # in a row left out there for an error is still listed, counted again now (session 9, as
    # where the list was accepted; session 67, G2: the `--apart` seed 3166)
    apart = {h["hamlet"] for p in c.stored if p["period"] == previous
             for h in p["hamlets"] if h.get("incomplete")}  # fmt: skip
    if apart:
        rows = c.statuses[(c.statuses["period"] == previous).to_numpy()
                          & c.statuses["hamlet"].isin(apart).to_numpy()]  # fmt: skip
        there = timeline.last_listed(rows, previous, previous)
        listed_last = {**{key: place for key, place in there.items()
                          if place[1] in ("poor", "near_poor", fig.NOT_COUNTED)},
                       **listed_last}  # fmt: skip
    for since in listed_since.values():  # moved back: paired in its hamlet, as last month's
        for _, key in c.moved_back:
            since.pop(key, None)
    # A Thoát for a household on an earlier month's list, or on another hamlet's start list,
    # is no unknown code (one set for the commune: a union per hamlet would cost hamlets × rows).
    c.listed_anywhere = c.listed_before | listed_start.keys()
    c.held_since, c.listed_since, c.listed_last = held_since, listed_since, listed_last


def _silent_listings(c: Figuring, listed: dict) -> dict[str, tuple[str, str]]:
    """key -> (hamlet, status) of the households ``listed`` (the month's baselines) lacks whose
    latest listing of the year, through last month, is a list of a hamlet of the plan that sent
    nothing accepted last month nor now (``c.last_seen``, and ``c.left_apart``: its later lists
    held apart alone left it off, session 66 A); for such a hamlet that sent no list
    accepted this year, its start list rows of households on no list of the year's months. Not
    in January (the year's turn: baselines._silent_start_rows, session 58's B2)."""
    first = f"{c.plan.plan_year}-01"
    if c.bases.month is None or c.previous < first:
        return {}
    quiet = c.missing_now - c.bases.month_hamlets
    if not quiet:
        return {}
    found = {key: place for key, place in {**c.last_seen, **c.left_apart}.items()
             if place[0] in quiet and key not in listed}  # fmt: skip
    sent = {h["hamlet"] for p in c.stored if first <= p["period"] < c.merged.period
            for h in p["hamlets"] if h.get("status") == "ok"}  # fmt: skip
    never = quiet - sent
    # a hamlet a part with no list accepted this year was merged into since: that part's
    # baseline is the start list, the merged hamlet's both parts' (session 67, A2: the mergers
    # seed 3055; one its list held apart left off, out of no baseline, session 66 A)
    never |= {now for old, now in c.bases.names_now.items()
              if now != old and now in quiet and old not in sent}  # fmt: skip
    if never and c.start_from == "plan":  # (one out of the lists since, gone from a list of its
        # hamlet under a name before a rename, had left them: bases.left_in)
        year = c.this_year
        seen = set(year.loc[(year["period"] >= first).to_numpy(), "hh_key"].tolist())
        # (not one its own hamlet's list held apart left off, that month: a list held apart is
        # no baseline, session 42, and the start list, its hamlet's baseline still, counts it:
        # what that list left off is no leaving yet, session 62 B2; session 63, H2: seed 2591)
        apart = {(p["period"], h["hamlet"]) for p in c.stored
                 if first <= p["period"] < c.merged.period
                 for h in p["hamlets"] if h.get("incomplete")}  # fmt: skip
        seen |= {key for key, month in c.bases.left_in.items()
                 if (month, c.listed_start.get(key, ("",))[0]) not in apart}  # fmt: skip
        # (one held in a row left out for an error of a list of the year, keyed by its head's
        # name there, was on that list: a merged hamlet's part's, session 62, A)
        seen |= {key for key, held in c.bases.held_named.items() if held >= first}
        # a household kept at the turn under another code on another hamlet's list (011 in
        # January, re-coded 013 since: bases.kept_at_turn, its code now given the start list's
        # place for the year's table) is that list's household, not the silent hamlet's: its
        # month's table tells no move (session 58 F's 'stays moved in' test; session 59, lead)
        seen |= c.bases.kept_at_turn.keys()
        seen |= {start_key for *_, start_key, _ in c.bases.kept_at_turn.values()}
        found.update({key: place for key, place in c.listed_start.items()
                      if place[0] in never and key not in listed and key not in seen})  # fmt: skip
    return found


def heads(c: Figuring) -> None:
    """The heads of each list (now, the start's, last month's, older months'): a code listed
    in another hamlet for another household is no move (session 48), a household gone whose
    head's ID number a row left out for an error writes is held (session 51); a code two
    hamlets' lists write now, one's before, said (duplicate_moved). Sets held_id_year,
    held_id_month, reused_year, reused_month, set_aside, held_last."""
    plan, merged, bases, previous = c.plan, c.merged, c.bases, c.previous
    households, start, start_from, month_base = c.households, c.start, c.start_from, c.month_base
    # A code listed in another hamlet for another household (its head's name and ID number
    # differ) is no move: the heads of both lists, asked for such codes only (session 48).
    # Each table reads the other's baseline too: a code's rows in a hamlet are one household.
    heads_now = Heads(households, named=lambda _: list_named(merged.period),
                      period=lambda _: merged.period)  # fmt: skip
    heads_plan = c.heads_plan = Heads(plan.start_list)
    heads_start = Heads(start, heads_plan, lambda _: list_named(start_from),
                        period=lambda _: start_from)  # fmt: skip
    heads_month = Heads(month_base, heads_plan,
                        lambda hamlet: list_named(bases.month_from.get(hamlet, previous)),
                        {**_renamed_written(month_base, bases.renamed, bases.merged),
                         **bases.month_written},
                        lambda hamlet: bases.month_from.get(hamlet, previous))  # fmt: skip
    # A code last listed in another hamlet before both baselines: the rows of the year's
    # older months its statuses show there, read for such a code alone (session 49).
    heads_older = OlderHeads(c.this_year, c.history, {**bases.names_now, **c.silent.names},
                             bases.left_from, heads_plan)  # fmt: skip
    c.heads_month, c.heads_older = heads_month, heads_older
    # a household gone whose head's ID number a row left out for an error in its hamlet writes,
    # one household's: held, not gone, as by the head's name (session 51)
    ids_held = ids_left_out(c.left_out)
    c.held_id_year = held_by_id(heads_start, ids_held, plan.start_list) if ids_held else None
    c.held_id_month = held_by_id(heads_month, ids_held, plan.start_list) if ids_held else None
    c.reused_year = code_reused(heads_start, heads_now, heads_month, heads_older, heads_month)
    c.reused_month = code_reused(heads_month, heads_now, heads_start, heads_older, heads_month)
    # a row left out for its size under another hamlet's household's code, naming another
    # head: its head told at once to ask for the household's own code (session 63, B)
    left_out_reused_warnings(c.left_out, merged.accepted, c.issues, heads_now,
                             (heads_month, heads_start), heads_older)  # fmt: skip
    # a code both lists of two hamlets write now, on one's list before under the same head:
    # the household moved, its old list told to drop it (session 50); the rows of a list
    # refused for every row left out so read too (consolidate.Consolidated.refused_rows)
    refused = getattr(merged, "refused_rows", None)
    if refused is not None and len(refused):
        heads_now = Heads(pd.concat([households, refused], ignore_index=True),
                          named=lambda _: list_named(merged.period))  # fmt: skip
    if month_base is not None:
        then, where = heads_month, c.listed_last
        if bases.month_as_written is not None:  # January: December's codes as its lists wrote them
            then, where = _as_written_then(c, heads_plan)
    else:
        then, where = heads_start, c.listed_start
    # ... one row 'Thoát' of the other hamlet's household, still listed there: the lists
    # contradict each other, the 'Thoát' row no move (session 60)
    duplicate_exited(c.issues, then, heads_now)
    duplicate_moved(c.issues, then, where, heads_now, plan.hamlet_names, plan.commune)
    # ... the start list giving it to one row's household, the other's under another code
    # there: that list is in last year's codes, each row told the other's code now (session 53)
    # ... said in last year's codes where last year's stored lists (its months, its start list
    # kept) have the row's household under it, else a slip of one row (session 53)
    last = f"{plan.plan_year - 1}-"
    months = [p["period"] for p in c.stored if str(p["period"]).startswith(last)]
    duplicate_renumbered(c.issues, heads_plan, heads_now, plan.plan_year,
                         lambda keys: _heads_of(c, [*months, f"{last}00"], keys))  # fmt: skip
    # households last month's row left out for an error held by their head's ID number alone
    # (the history walk, timeline._held_by_id): on its list, not counted, as one held by name:
    # the month's table counts such a one back on a list again (session 52)
    for key, hamlet in bases.held_by_id.get(previous, {}).items():
        if hamlet not in bases.month_from:
            c.held_last.setdefault(hamlet, []).append((key, fig.NOT_COUNTED, hamlet, key[3:],
                                                       None, None))  # fmt: skip
    for other in c.submissions:
        if other.status == "superseded" and other.period == merged.period and other.hamlet:
            c.set_aside.setdefault(other.hamlet, []).append(other)


def _heads_of(c: Figuring, periods: list[str], keys: set[str], sizes: bool = False) -> Heads:
    """The heads under the codes ``keys`` on the stored lists of ``periods``: read by key from
    the store (Figuring.keyed; ``sizes``: their households' sizes too), else of the stored
    frame given (tests)."""
    if c.keyed is None:
        frame = c.history(periods)
    else:
        frame = c.keyed(periods, keys=keys, sizes=True) if sizes else c.keyed(periods, keys=keys)
    wanted = frame["period"].isin(periods) & frame["hh_key"].isin(keys)
    return Heads(frame[wanted].reset_index(drop=True))


def hamlet_row(c: Figuring, target: dict) -> None:
    """One plan hamlet's row of the figures and of 'Nộp báo cáo': a hamlet without a counted
    list its absent figures; a counted one its year's and month's tables, their warnings, its
    counts (and, when a list was sent apart, its row said incomplete)."""
    hamlet = target["hamlet"]
    sub = c.merged.accepted.get(hamlet)
    if sub is None:
        hamlet_absent(c, target)
        return
    t = HamletTables(hamlet, target, sub, c.current_by.get(hamlet, []))
    if c.bases.back_now:  # out of the lists, back under another code: tái nghèo (session 42)
        # one a note paired with a household gone now is moved in, not back (session 57, B3)
        noted = {place[2] for place in c.noted.values()}
        back = {key: back for key, back in c.bases.back_now.items() if key not in noted}
        back_warnings(t.current, back, sub, c.valid, c.issues, t.said_recoded,
                       c.plan.plan_year)  # fmt: skip
    if c.bases.moved_back:  # under last year's code, the start list's elsewhere (session 60)
        moved = {key: moved[1:] for key, moved in c.bases.moved_back.items()
                 if key not in c.bases.back_now}  # fmt: skip
        back_warnings(t.current, moved, sub, c.valid, c.issues, t.said_recoded,
                      c.plan.plan_year, "")  # fmt: skip
    if c.moved_year:  # never off the lists, moved in as the start list has it (session 57)
        # one that left the lists since (left_before) is told as any household back, not
        # "never off the lists" (session 57, R2)
        kept = {key: kept for key, kept in c.bases.kept_at_turn.items()
                if kept[3] in c.moved_year and key not in c.left_before}  # fmt: skip
        kept_at_turn_warnings(t.current, kept, c.listed_start, sub, c.valid, c.issues,
                              t.said_recoded, c.plan.plan_year)  # fmt: skip
    if c.start is not None and (c.bases.start_hamlets is None or hamlet in c.bases.start_hamlets):
        year_table(c, t)
    if c.month_base is not None and hamlet in c.bases.month_hamlets:
        month_table(c, t)
    if t.gone_from is not None:
        mostly_gone_warning(
            *t.gone_from,
            sub,
            c.issues,
            c.set_aside.get(hamlet, ()),
            c.several.get(hamlet, {}),
            moved=t.moved_turn,
        )
    hamlet_counted(c, t)


def hamlet_absent(c: Figuring, target: dict) -> None:
    """The row of a hamlet without a counted list: 'rejected' (its list refused) or
    'missing' (none sent), its figures those of the plan alone."""
    hamlet = target["hamlet"]
    rejected = c.merged.rejected.get(hamlet)
    status = "rejected" if rejected else "missing"
    c.hamlet_figs.append({"hamlet": hamlet, "status": status, **fig.absent_hamlet_figures(target)})
    c.reporting.append(
        {
            "hamlet": hamlet,
            "status": status,
            "file": rejected.file if rejected else "",
            "rows_read": rejected.rows_read if rejected else 0,
            "rows_rejected": rejected.rows_rejected if rejected else 0,
        }
    )


def year_table(c: Figuring, t: HamletTables) -> None:
    """The hamlet's year table: its list now against the start of the year's (the plan's start
    list or a stored month), with the warnings of its moves (a code another household's, a
    household gone without 'Thoát', a 'Thoát' on no list) and, against the plan's start list,
    of its counts. Sets t.moves, said_gone, gone_from, start_apart, start_keys_apart."""
    plan, bases, issues, valid = c.plan, c.bases, c.issues, c.valid
    hamlet, sub, start_from = t.hamlet, t.sub, c.start_from
    t.moves, found = fig.movements_of(
        c.start_by.get(hamlet, []),
        t.current,
        c.left_before,
        c.held_by.get(hamlet, frozenset()),
        {**c.listed_now, **c.moved_year} if c.moved_year else c.listed_now,
        c.listed_start,
        bases.start_out,
        c.aged,
        another=c.reused_year,
        listed_other=c.listed_since.get(bases.month_from.get(hamlet), c.listed_last),
        held_by_id=c.held_id_year,
    )
    found = recoded_warnings(found, sub, valid, issues, t.said_recoded,
                             list_named(start_from), c.left_out)  # fmt: skip
    reused_warnings(found, sub, valid, issues, c.said_reused, list_named(start_from))
    for item in found:
        if item["movement"] == "vanished" and item["key"] in c.marked_exited:
            item["movement"] = item["current_status"] = "exited"
        elif item["movement"] == "vanished" and item["key"] in bases.kept_left:
            # the start list's row of a household kept elsewhere at the turn: gone since that
            # household left the lists (asked to confirm then, where it was), not since the
            # turn; exited where it was written 'Thoát' then (session 58)
            when = bases.kept_left[item["key"]]
            if any(kept[3] == item["key"] and key in c.marked_exited
                   and bases.left_in.get(key) == when
                   for key, kept in bases.kept_at_turn.items()):  # fmt: skip
                item["movement"] = item["current_status"] = "exited"
            else:
                item["left_in"] = when
        elif item["movement"] == "vanished" and item["key"] in bases.left_in:
            # gone without 'Thoát' in an earlier month, asked to confirm then: the
            # year's table says since when, and asks no more (session 29)
            item["left_in"] = bases.left_in[item["key"]]
            # told then by another hamlet's list (a revision has moved the row since): the
            # row names the hamlet asked, whose feedback of that month asked it (session 67)
            told = bases.told_from.get(item["key"])
            if told is not None and told[0] == item["left_in"] and told[1] != hamlet:
                item["asked_in"] = told[1]
    listed_apart(found, c.apart_keys.get(hamlet))
    t.start_apart = sum(i["current_status"] == "apart" for i in found)
    t.start_keys_apart = {i["key"] for i in found if i["current_status"] == "apart"}
    c.details.extend(_detail_rows("year", found))
    c.found_in["year"] += found
    t.said_gone = {i["key"] for i in found if i["movement"] == "vanished"}
    t.gone_from = (gone_now(found, c.marked_exited), t.moves, list_named(start_from))
    hamlet_movement_warnings(
        found,
        sub,
        c.start_ids.get(hamlet, set()),
        c.exited_by.get(hamlet, []),
        issues,
        # one gone now is asked, though it left the lists in an earlier month too and was
        # listed again since: each leaving without 'Thoát' is asked once (session 58)
        c.left_before - bases.left_now,
        c.listed_anywhere,
        list_named(start_from),
        c.year_unknown,
        c.several.get(hamlet),
    )
    exited_of_silent(c, t)
    if start_from == "plan":
        issues.extend(start_mismatch(c.start_counts.get(hamlet, (0, 0)), t.target, plan))


def exited_of_silent(c: Figuring, t: HamletTables) -> None:
    """The hamlet's rows marked 'Thoát' of another hamlet's household, that hamlet without a
    counted list this period (sent none, or refused): said at their Mã hộ (session 59; session
    58's R3 pinned the counts: no exit anywhere this period, that hamlet's once it sends). Whose
    household it is: the hamlet it was last listed in this year (Figuring.last_seen, within the
    hamlets missing now), else, where no stored month of the year has its code, the start of
    the year's list; counted there (poor or near-poor), not already 'Thoát'."""
    exited = c.exited_by.get(t.hamlet)
    if not exited or not c.missing_now:
        return

    def stored() -> tuple[pd.DataFrame, set]:
        """The year's stored rows before now, and the keys of those in a hamlet missing now:
        taken once a run, where first asked (session 59, R3)."""
        if c.silent_keys is None:  # (this_year's rows under the silent hamlets' names now)
            rows = c.this_year
            if c.silent.names:
                rows = rows.assign(hamlet=rows["hamlet"].replace(c.silent.names))
            c.silent_keys = (rows, set(rows.loc[rows["hamlet"].isin(c.missing_now), "hh_key"]))
        return c.silent_keys

    def owner(key: str) -> tuple[str, Message, bool] | None:
        place = c.last_seen.get(key)
        if place is not None and place != (t.hamlet, "exited"):
            if (place[0] == t.hamlet or place[0] not in c.missing_now
                    or place[1] not in _LISTED_THERE):  # fmt: skip
                return None  # (most 'Thoát' rows: the list's own households, asked no more)
            # the latest stored month listing it there (its name now)
            year = stored()[0]
            rows = year[(year["hh_key"] == key) & (year["hamlet"] == place[0])]
            return place[0], list_named(max(rows["period"].tolist(), default=c.previous)), mine(key)
        # on no stored list of the year, or last on this hamlet's own 'Thoát' row (the same row
        # a month before, said then; session 59, R3): where it was counted before, unless this
        # hamlet counted it or that hamlet has sent a list since (its exit counted then)
        start = c.listed_start.get(key)
        year, silent_keys = stored()
        if key not in silent_keys and (start is None or start[0] not in c.missing_now):
            return None  # on no list of a hamlet missing now (most 'Thoát' rows: the list's own)
        rows = year[year["hh_key"] == key]
        here = rows["hamlet"] == t.hamlet
        # counted on this hamlet's list this year, not listed elsewhere since: its own exit (one
        # moved away since is looked for where it went: R3's Left (d), session 60)
        mine_then = rows.loc[here & rows["status"].isin(("poor", "near_poor")), "period"].tolist()
        if mine_then and max(mine_then) >= max(rows.loc[~here, "period"].tolist(), default=""):
            return None
        others = rows[~here]
        if others.empty:  # the start of the year's list's
            place = start
            since, listed = "", list_named(c.start_from)
        else:
            last = others["period"].max()
            if place is None and not (rows.loc[here, "period"] > last).any():
                return None  # listed this year, last elsewhere (left off since: its exit stands)
            latest = others[others["period"] == last]
            counted = latest[latest["status"].isin(_LISTED_THERE)]
            if counted.empty:
                return None
            since = str(counted["period"].iat[0])
            place, listed = (counted["hamlet"].iat[0], "poor"), list_named(since)
        if (place is None or place[0] == t.hamlet or place[0] not in c.missing_now
                or place[1] not in ("poor", "near_poor")):  # fmt: skip
            return None
        if ((year["hamlet"] == place[0]) & (year["period"] > since)).any():
            return None  # that hamlet's list since left it off: its exit counted then
        return place[0], listed, mine(key)

    def mine(key: str) -> bool:
        """Whether the start list has ``key`` in this hamlet: the year's table counts its
        'Thoát' row here as this hamlet's exit (session 60)."""
        start = c.listed_start.get(key)
        return start is not None and start[0] == t.hamlet

    exited_of_silent_warnings(exited, owner, t.sub, c.issues, c.merged.rejected)


# A household's row on a silent hamlet's stored list that makes it that hamlet's: poor,
# near-poor, or left out for an error (its exit counted nowhere then: R3's Left (b), session 60)
_LISTED_THERE = ("poor", "near_poor", fig.NOT_COUNTED)


def returned_heads(c: Figuring) -> None:
    """A household counted back on its hamlet's list (tái nghèo, in either table) under a code
    whose latest earlier row this year is in that hamlet, for another head, the household's size
    2 or more apart (moves.another_household_back): said at its Mã hộ, perhaps another
    household given the code (variant 'returned-other-head'; session 59). The rows of the months
    holding such a code's latest row are read by key, one read a month; a code whose latest row
    is another hamlet's is code_reused's (sessions 48, 49), one back under another code
    back_warnings'."""
    back: dict[tuple[str, str], dict] = {}
    for item in (*c.found_in["year"], *c.found_in["month"]):
        key = item["key"]
        if item["movement"] == "returned" and key.startswith("id|") and key not in c.bases.back_now:
            back.setdefault((item["hamlet"], key), item)
    if not back:
        return
    keys = {key for _, key in back}
    names = {**c.bases.names_now, **c.silent.names}
    year = c.this_year
    rows = year[year["hh_key"].isin(keys) & year["status"].isin(("poor", "near_poor", "exited"))]
    latest: dict[str, tuple[str, set[str]]] = {}  # key -> (period, its hamlets then: names now)
    for period, hamlet, key in sorted(zip(rows["period"].tolist(), rows["hamlet"].tolist(),
                                          rows["hh_key"].tolist(), strict=True)):  # fmt: skip
        then = latest.get(key)
        if then is None or then[0] != period:
            latest[key] = (period, set())
        latest[key][1].add(names.get(hamlet, hamlet))
    heads_plan = c.heads_plan if c.heads_plan is not None else Heads(c.plan.start_list)
    written = {item["ma_ho"] for item in back.values()}
    heads_now = Heads(c.valid[c.valid["ma_ho"].isin(written).to_numpy(dtype=bool)])
    # another warning at its Mã hộ already says where its code was (back under another code,
    # the start list's under another code, reused): said once
    said = {(i.hamlet, i.value) for i in c.issues if i.code == "code-changed"}
    asked = []  # (hamlet, key, Mã hộ, its list, its row now, the start list's heads there)
    for (hamlet, key), item in back.items():
        then = latest.get(key)
        if then is not None and then[1] != {hamlet}:
            continue  # last listed elsewhere (or in two hamlets): not this rule's
        sub = c.merged.accepted.get(hamlet)
        now = _head_row(heads_now, key, hamlet, lambda name: "")
        if sub is None or now is None or is_blank(now[0]):
            continue
        start = [row[1:3] for row in heads_plan.of(key) if row[0] == hamlet]
        if then is not None and any(not is_blank(name) and timeline.same_head(
                (fold(now[0]), now[1]), (fold(name), number)) for name, number in start):  # fmt: skip
            continue  # its head now is the start list's there: its own household, nothing read
        if (hamlet, item["ma_ho"]) in said:
            continue
        asked.append((hamlet, key, item["ma_ho"], sub, now, start))
    wanted: dict[str, set[str]] = {}  # period -> the codes whose latest row it holds
    for _, key, *_ in asked:
        if key in latest:
            wanted.setdefault(latest[key][0], set()).add(key)
    # one read by key a month holding such a code's latest row, its households' sizes with it
    read = {period: _heads_of(c, [period], codes, sizes=True) for period, codes in wanted.items()}
    for hamlet, key, code, sub, now, start in asked:
        ids = {fold(name): number for name, number in start if not is_blank(name)}
        if key not in latest:  # no stored month of the year lists it: the start list's row
            earlier, listed = _head_row(heads_plan, key, hamlet, lambda name: ""), "plan"
        else:
            period = latest[key][0]
            earlier = _head_row(
                read[period], key, None, lambda name, ids=ids: ids.get(fold(name), "")
            )
            listed = period
        if earlier is not None and another_household_back(now, earlier, start):
            returned_other_head_warning(sub, c.valid, c.issues, hamlet, code, now, earlier,
                                        list_named(listed))  # fmt: skip


def _head_row(heads: Heads, key: str, hamlet: str | None, number) -> tuple | None:
    """(head's name, ID number's digits, birth year, size) of ``key``'s first counted row of
    ``hamlet`` (None: any) among ``heads``; ``number``: the ID number of a row without one,
    by its head's name (a stored month's, from the start list). None without such a row."""
    for there, name, digits, counted in heads.of(key):
        if counted and (hamlet is None or there == hamlet):
            place = there
            return (name, digits or number(name), heads.cell(key, place, "nam_sinh"),
                    heads.cell(key, place, "nhan_khau"))  # fmt: skip
    return None


# the movements figures.movements_of says of a household of the baseline (its row then), or
# of one moved in that a baseline of another hamlet held
_OF_THE_BASE = frozenset(
    {"to_near_poor", "to_poor", "from_near_poor", "from_poor", "exited", "vanished",
     "not_counted", "moved_out", "moved_in"}
)  # fmt: skip


def month_table(c: Figuring, t: HamletTables) -> None:
    """The hamlet's month table: its list now against last month's (or, for a hamlet silent
    since, its latest earlier list: bases.month_from), with the warnings of its moves not
    already said by the year's table. Sets t.month_moves and, in place of the year's,
    t.gone_from."""
    bases, issues, valid, previous = c.bases, c.issues, c.valid, c.previous
    hamlet, sub = t.hamlet, t.sub
    listed_now = c.listed_now
    if c.moved_year and bases.month_from.get(hamlet) == "plan":
        # set beside the start list, as the year's table: its row of a household written now
        # elsewhere under another code (bases.kept_at_turn) moved out, not gone (session 57, Q)
        listed_now = {**c.listed_now, **c.moved_year}
    base = [*c.month_by.get(hamlet, []), *c.held_last.get(hamlet, ())]
    listed_before = c.listed_since.get(bases.month_from.get(hamlet), c.listed_last)
    if hamlet in bases.month_paired:
        # new in the plan (or by its name), or back in it, since: its start column is as of
        # last month's lists (sessions 58 H2, 60, 66 D), and so is where one listed here now
        # was: out of the lists at the end of last month, having left another hamlet's, it is
        # back (tái nghèo), not moved in from that list (session 55); no silence here to have
        # been in (session 67, A)
        listed_before = c.listed_last
    another, current = c.reused_month, t.current
    moved_on = _moved_on_since(c, hamlet, base, t.current)
    if moved_on:  # counted in another hamlet since: that hamlet's tables told the rest
        listed_now = {**listed_now, **moved_on}
        another = _moved_there(moved_on, another)
        current = [r for r in current if r[0] not in moved_on or r[1] != "exited"]
    t.month_moves, found = fig.movements_of(
        base,
        current,
        c.left_before,
        c.held_by.get(hamlet, frozenset()),
        listed_now,
        _held_here_moved_out(
            c,
            hamlet,
            base,
            t.current,
            _held_apart_there(
                c, hamlet, base, t.current, _joined_apart(c, hamlet, base, t.current, listed_before)
            ),
        ),
        _out_when_held(bases, hamlet, previous, c.held_since),
        c.aged,
        c.start_by.get(hamlet, []),  # a stored month keeps no mark of its ages
        another,
        c.listed_start,
        c.held_id_month,
    )
    if c.start is not None and (bases.start_hamlets is None or hamlet in bases.start_hamlets):
        # a code the year's list already has is said there, or is the start list's own
        t.said_recoded |= {(hamlet, r[0]) for r in c.start_by.get(hamlet, [])}
    t.said_recoded |= c.moved_back  # its code on the start list (another hamlet's)
    found = recoded_warnings(found, sub, valid, issues, t.said_recoded,
                             list_named(bases.month_from.get(hamlet, previous)), c.left_out)  # fmt: skip
    reused_warnings(found, sub, valid, issues, c.said_reused,
                    list_named(bases.month_from.get(hamlet, previous)))  # fmt: skip
    listed_apart(found, c.apart_keys.get(hamlet))
    if c.codes_then:  # January: the code last year's list wrote, where the start list renumbered
        for item in found:
            then = c.codes_then.get(item["key"]) if item["movement"] in _OF_THE_BASE else None
            if then is not None and then != item["ma_ho"]:
                item["code_then"] = then
    took = bases.month_took.get(hamlet)
    if took:  # one of a dropped name's list gone now: its row names that name (session 61, C)
        for item in found:
            if item["key"] in took and item["movement"] in ("vanished", "exited"):
                item["other_hamlet"] = took[item["key"]]
    c.details.extend(_detail_rows("month", found))
    c.found_in["month"] += found
    # On last month's list, missing now without 'Thoát' (a household new last month,
    # not on the start list): confirmed as for the start list's (said once).
    gone = [i for i in found if i["movement"] == "vanished" and i["key"] not in t.said_gone
            and i["key"] not in c.marked_exited]  # fmt: skip
    moved = _moved_at_turn(c, hamlet, gone)
    named = list_named(bases.month_from.get(hamlet, previous))
    if took:  # one of a dropped name's list last month is asked of as on that list (session 61)
        then = [item for item in gone if item["key"] in took]
        gone = [item for item in gone if item["key"] not in took]
        vanished_warnings(then, sub, issues, c.left_before - bases.left_now,
                          list_named(previous), c.several.get(hamlet), moved)  # fmt: skip
    plain = [item for item in gone if item["key"] not in moved
             and item["key"] not in (c.several.get(hamlet) or {})]  # fmt: skip
    for item, words in _asked_by_both(c, t, plain, named):
        # one household the year's table asks of under its start list code: one ask, this
        # one, naming both codes (session 60, C2: Bản Cọ's head asked twice of Em)
        gone.remove(item)
        vanished_warnings([item], sub, issues, c.left_before - bases.left_now, words)
    vanished_warnings(
        gone, sub, issues, c.left_before - bases.left_now, named, c.several.get(hamlet), moved,
    )  # fmt: skip
    t.moved_turn = set(moved)  # not exited, the list's warning says (session 56, R5)
    t.gone_from = (
        gone_now(found, c.marked_exited),
        t.month_moves,
        list_named(bases.month_from.get(hamlet, previous)),
    )


def _moved_on_since(
    c: Figuring, hamlet: str, base: list, current: list
) -> dict[str, tuple[str, str]]:
    """key -> (hamlet, status) of the households of ``hamlet``'s month baseline, where that is
    an earlier list of this year or the start list (``bases.month_from``: the hamlet silent
    since; the start list: the year's stored months), not on its list now, that a list of
    another hamlet counted (poor or near-poor) after that list's month through last month: the
    latest such listing. Such a one left ``hamlet`` for that hamlet
    while ``hamlet`` sent nothing; that hamlet's month tables counted it moved in and what
    followed (exited from there, marked 'Thoát' there, moved on, held in a row left out):
    ``hamlet``'s table counts it moved out, to that hamlet, once, not exited a second time nor
    arriving a second time where it is now (session 65, E2)."""
    since = c.bases.month_from.get(hamlet)
    year = f"{c.plan.plan_year:04d}"
    if since == "plan":  # silent since the start list: the year's lists before now (RE2)
        if hamlet in c.bases.month_paired:
            # new in the plan (or by its name) since: its start column is as of last month's
            # lists, none of it counted elsewhere then; no silence to have moved on in (session
            # 66, D: sessions 60 and 61's Khuổi Hin, its start rows and a dropped name's)
            return {}
        since = f"{year}-00"
    if not (isinstance(since, str) and since[:4] == year):
        return {}
    # (a row of it marked 'Thoát' now here is no listing: the household had left for that
    # hamlet, whose table tells its exit; seed 2063 `--turn`)
    now = {record[0] for record in current if record[1] != "exited"}
    now |= c.held_by.get(hamlet, frozenset())  # held here now: not counted, as before
    gone = {r[0] for r in base if r[1] in ("poor", "near_poor") and r[0] not in now}
    if not gone:
        return {}
    s = c.statuses
    rows = s[(s["period"] > since).to_numpy() & (s["period"] <= c.previous).to_numpy()
             & s["status"].isin(("poor", "near_poor")).to_numpy()
             & s["hh_key"].isin(gone).to_numpy()]  # fmt: skip
    if rows.empty:
        return {}
    names = {**(c.silent.names if c.silent is not None else {}), **c.bases.merged}
    found: dict[str, tuple[str, str]] = {}
    for _, key, there, status in sorted(
        zip(rows["period"].tolist(), rows["hh_key"].tolist(), rows["hamlet"].tolist(),
            rows["status"].tolist(), strict=True)
    ):  # fmt: skip
        if key not in gone:
            continue
        there = names.get(there, there)
        if there == hamlet:
            found.pop(key, None)  # back on this hamlet's list since: not moved on
        else:
            found[key] = (there, status)
    heads, older = c.heads_month, c.heads_older
    if found and heads is not None and older is not None:
        for key, (there, _) in list(found.items()):
            # every row of its code there names another head than this hamlet's row: another
            # household under the code, not this one moved on (its table told it new; RE2)
            own = [row for row in heads.of(key) if row[0] == hamlet]
            rows = [row for month in older.of(key, hamlet, told=True) for row in month.of(key)
                    if row[0] == there]  # fmt: skip
            if (own and rows and not any(is_blank(row[1]) for row in (*own, *rows))
                    and not any(timeline.same_head((fold(a[1]), a[2]), (fold(b[1]), b[2]))
                                for a in own for b in rows)):  # fmt: skip
                del found[key]
    return found


def _moved_there(moved_on: dict[str, tuple[str, str]], another):
    """``another`` (moves.code_reused) but None for a household of ``moved_on`` asked of the
    hamlet it moved to: its code there is its own, the rows since say (another hamlet's row of
    its code now, another household's, is no part of that move: session 48's rule is for the
    list now, told as Bản Cọ's row is)."""
    if another is None:
        return None

    def asked(record: tuple, hamlet: str | None, is_now: bool, **kw):
        if is_now and moved_on.get(record[0], ("",))[0] == hamlet:
            return None
        return another(record, hamlet, is_now, **kw)

    return asked


def _asked_by_both(
    c: Figuring, t: HamletTables, gone: list[dict], named: Message
) -> list[tuple[dict, Message]]:
    """Of the month table's households gone (``gone``), each under a code its hamlet gave it
    this year in place of one the year's table asks of too (the walk's ``recoded_from``, one
    code back or more; the year's 'vanished-household' of that code said already): that ask
    taken back, and the month's said with words naming the year's list's code (``named`` the
    month's list: 'danh sách tháng 2/2025 (danh sách đầu năm ghi hộ với Mã hộ 005)'). One
    household, one question to its head (session 60, C2)."""
    links = c.bases.recoded_from
    if not links or not t.said_gone:
        return []
    asked: dict[int, str] = {}  # index in ``gone`` -> the year's code it re-codes, asked there
    for at, item in enumerate(gone):
        key, seen = item["key"], set()
        while key in links and key not in seen:
            seen.add(key)
            key = links[key][0]
            if key in t.said_gone:
                asked[at] = key
                break
    if not asked:
        return []
    year_rows = {item["key"]: item for item in c.found_in["year"]
                 if item["key"] in t.said_gone and item["hamlet"] == t.hamlet
                 and item["movement"] == "vanished"}  # fmt: skip
    start = list_named(c.start_from)
    pairs = []
    for at, key in asked.items():
        then = year_rows.get(key)
        if then is None:
            continue
        value = f"{then['ma_ho']} ({then['chu_ho']})"
        said = [i for i in c.issues if i.code == "vanished-household" and not i.variant
                and i.file == t.sub.file and i.value == value]  # fmt: skip
        if len(said) != 1:
            continue  # said otherwise (held, moved at the turn, marks): left as it is
        c.issues.remove(said[0])
        code = then["ma_ho"]
        pairs.append((gone[at], Message(f"{named} ({start} ghi hộ với Mã hộ {code})",
                                        f"{named.en} ({start.en} lists it under Mã hộ {code})")))  # fmt: skip
    return pairs


def _joined_apart(c: Figuring, hamlet: str, base: list, current: list, listed: dict) -> dict:
    """``listed`` (where each household was last listed, for ``hamlet``'s month table) with a
    household the table's baseline (``base``) lacks, counted now (``current``), whose latest
    listing is the hamlet's own list of a month it was held apart in since that baseline (its
    list read and stored, the hamlet left out: session 42), where that month's baselines had
    it: it joined the hamlet's list that month, arriving from the hamlet whose table told it
    leaving then (moved in), or from none (new). Its row there is a listing (session 53), not
    its arrival from nowhere (session 59, A: the `--apart` oracle's seed 1876)."""
    since = c.bases.month_from.get(hamlet)
    if since is None:
        return listed
    first = base_month(since, c.plan.plan_year)
    apart = {p["period"] for p in c.stored if first <= p["period"] < c.merged.period
             and any(h["hamlet"] == hamlet and h.get("incomplete") for h in p["hamlets"])}  # fmt: skip
    if not apart:
        return listed
    held = {r[0] for r in base}
    keys = [r[0] for r in current if r[1] in ("poor", "near_poor") and r[0] not in held
            and listed.get(r[0], ("", ""))[0] == hamlet
            and listed[r[0]][1] in ("poor", "near_poor")]  # fmt: skip
    if not keys:
        return listed
    statuses = c.statuses
    rows = statuses[statuses["period"].isin(apart).to_numpy()
                    & (statuses["hamlet"] == hamlet).to_numpy()
                    & statuses["hh_key"].isin(keys).to_numpy()]  # fmt: skip
    joined = rows.groupby("hh_key")["period"].min().to_dict()  # the month it joined the list
    listed = dict(listed)
    for key, month in joined.items():
        del listed[key]
        place = _based_at(c, month).get(key)
        if place is not None and place[0] != hamlet:
            listed[key] = place
    return listed


def _held_apart_there(c: Figuring, hamlet: str, base: list, current: list, listed: dict) -> dict:
    """``listed`` (where each household was last listed, for ``hamlet``'s month table) with a
    household the table's baseline (``base``) lacks, counted now (``current``), last listed in
    a row left out for an error of another hamlet's list stored while that hamlet was held
    apart (session 42: its list read, the hamlet left out), where the month's baseline of that
    hamlet (its table's, ``month_by``; else its latest accepted list, else the start list:
    :func:`_based_at`) has it poor or near-poor: that hamlet's table moves it out to
    ``hamlet`` now, so it arrives moved in from there, not counted again ('Tính lại' says
    nothing counted it meanwhile, and it was counted there in the list that hamlet's table
    compares with). Seed 1876's February: H2S15, held in
    Đồng Kè's January list held apart, counted in Nà Mòn: "Chuyển đến từ Đồng Kè", as Đồng
    Kè's table ("Chuyển sang Nà Mòn"), the year's and Nà Mòn's March table say (session 60,
    B)."""
    apart = {h["hamlet"] for p in c.stored if p["period"] < c.merged.period
             for h in p["hamlets"] if h.get("incomplete")}  # fmt: skip
    if not apart:
        return listed
    held = {r[0] for r in base}
    keys = [r[0] for r in current if r[1] in ("poor", "near_poor") and r[0] not in held
            and listed.get(r[0], ("", ""))[0] in apart and listed[r[0]][0] != hamlet
            and listed[r[0]][1] == fig.NOT_COUNTED]  # fmt: skip
    if not keys:
        return listed
    place = _based_at(c, c.merged.period)
    # A list apart of a merged part's old head is stored under the merged hamlet, whose
    # baseline is its parts' latest lists, stored under their old names, or, for a part no
    # month accepted, the start list's rows: the month's baseline as its table has it
    # (month_by, under the name now), which moves the household out (session 61, A: the
    # mergers oracle's seeds 1428 and 1444)
    wanted = set(keys)
    tables = {(there, r[0]): r[1] for there, records in c.month_by.items() for r in records
              if r[0] in wanted and r[1] in ("poor", "near_poor")}  # fmt: skip
    moved = {}
    for key in keys:
        there = listed[key][0]
        if (there, key) in tables:
            moved[key] = (there, tables[(there, key)])
        elif there not in c.month_by and key in place and place[key][0] == there:
            # (a hamlet with no month baseline now: one with one moves out what it counts
            # alone; the merged part's list that held it uncounted: 'Tính lại', session 62 A2)
            moved[key] = place[key]
    return {**listed, **moved} if moved else listed


def _held_here_moved_out(c: Figuring, hamlet: str, base: list, current: list, listed: dict) -> dict:
    """``listed`` (where each household was last listed, for ``hamlet``'s month table) with a
    household counted now that the table's own baseline (``base``, a stored month's list) holds
    in a row left out for an error, that row its latest listing, where the month baseline of
    another hamlet with a table now (``month_by``: an older list of it, the hamlets' baselines
    staggered) has it poor or near-poor, and that hamlet's list was not read in the held row's
    month (silent or refused then: no table told the household's arrival in the row, sessions
    10, 11): that hamlet's table moves it out to ``hamlet`` now, so it arrives moved in from there,
    not counted again, as where both lists are last month's (a counted row is the listing:
    figures.listed_where) and as session 60 B has it for a list held apart. Where that hamlet
    had a table then (held apart, say), it told the move out, and ``hamlet``'s table the
    arrival, moved in and not counted: 'Tính lại' now (session 63, G: the mergers oracle's seed
    1444, H2S6)."""
    then = c.bases.month_from.get(hamlet, c.previous)
    held = {r[0] for r in base if r[1] == fig.NOT_COUNTED}
    if not held or then == "plan":
        return listed
    counted = {r[0] for r in base if r[1] in ("poor", "near_poor")}
    # (its row's hamlet as stored, renamed or merged since: under its name now)
    names = {**c.bases.renamed, **c.bases.merged, **c.bases.names_now}
    names.update(c.silent.names if c.silent is not None else {})
    keys = {r[0] for r in current if r[1] in ("poor", "near_poor") and r[0] in held
            and r[0] not in counted and (place := listed.get(r[0])) is not None
            and place[1] == fig.NOT_COUNTED and names.get(place[0], place[0]) == hamlet}  # fmt: skip
    if not keys:
        return listed
    # the month each arrived in the held rows (a merged hamlet's newer part's list, later
    # than the older part's month ``then``; else ``then``: session 64, E)
    months = _held_months(c, hamlet, keys, then, names)
    told_in: dict[str, set[str]] = {}
    moved = {}
    for there, records in c.month_by.items():
        if there == hamlet or there not in c.merged.accepted:
            continue
        for r in records:
            if r[0] in keys and r[1] in ("poor", "near_poor"):
                month = months.get(r[0], then)
                if month not in told_in:
                    told_in[month] = _told_in(c, month, names)
                if there not in told_in[month]:
                    moved.setdefault(r[0], (there, r[1]))
    return {**listed, **moved} if moved else listed


def _told_in(c: Figuring, month: str, names: dict[str, str]) -> set[str]:
    """The hamlets (under their names now, ``names``) whose list of ``month`` was read, accepted
    or held apart: their tables told a move then (session 42). One accepted then whose month
    baseline is older, a part of it then, merged since, told nothing of the other part's
    households (session 63, R4)."""
    return {names.get(h["hamlet"], h["hamlet"]) for p in c.stored if p["period"] == month
            for h in p["hamlets"] if h.get("incomplete") or h.get("status") == "ok"
            and _based_since(c, names.get(h["hamlet"], h["hamlet"]), month)}  # fmt: skip


def _held_months(
    c: Figuring, hamlet: str, keys: set[str], then: str, names: dict[str, str]
) -> dict[str, str]:
    """Each of ``keys`` -> the month it arrived in the rows left out for an error of ``hamlet``'s
    lists (under a name of it, ``names``: stored name -> name now) that its table's baseline
    holds: the first stored month from ``then`` (that baseline's month) before this one whose
    list so holds it, after the latest month a list counted it (a merged hamlet's part's own
    list's month, not the older part's: session 64, E)."""
    statuses = c.statuses
    rows = statuses[statuses["hh_key"].isin(keys).to_numpy()
                    & (statuses["period"] < c.merged.period).to_numpy()]  # fmt: skip
    counted: dict[str, str] = {}
    held: list[tuple[str, str]] = []
    for period, key, there, status in zip(rows["period"].tolist(), rows["hh_key"].tolist(),
                                          rows["hamlet"].tolist(), rows["status"].tolist(),
                                          strict=True):  # fmt: skip
        if status in ("poor", "near_poor"):
            counted[key] = max(period, counted.get(key, ""))
        elif status == fig.NOT_COUNTED and period >= then and names.get(there, there) == hamlet:
            held.append((period, key))
    months: dict[str, str] = {}
    for period, key in sorted(held):
        if key not in months and period > counted.get(key, ""):
            months[key] = period
    return months


def _based_since(c: Figuring, hamlet: str, month: str) -> bool:
    """Whether ``hamlet``'s month baseline now (``bases.month_from``, else last month's list)
    is of ``month`` or later: a list of it accepted then is (in) its baseline, not a part of
    it merged since whose other part's baseline is older (session 63, R4)."""
    since = c.bases.month_from.get(hamlet, c.previous)
    return since != "plan" and since >= month


def _based_at(c: Figuring, month: str) -> dict[str, tuple[str, str]]:
    """Where the month ``month``'s baselines had each household poor or near-poor: each
    hamlet's latest list of the year accepted before it, else the start list's rows of that
    hamlet (the later list's household wins). A part merged since into a hamlet no month
    accepted, whose rows ``statuses`` reads under that hamlet's name now (``silent.names``):
    its latest list, not the start list's rows under the merged name, has the households it
    wrote (one it held in a row left out for an error is counted in no baseline: session 62,
    A2, the mergers oracle's seed 1576)."""
    first = f"{c.plan.plan_year}-01"
    latest: dict[str, str] = {}
    for p in c.stored:
        if first <= p["period"] < month:
            for h in p["hamlets"]:
                if h.get("status") == "ok" and p["period"] > latest.get(h["hamlet"], ""):
                    latest[h["hamlet"]] = p["period"]
    place = {key: there for key, there in c.listed_start.items() if there[0] not in latest}
    names = c.silent.names if c.silent is not None else {}
    # (name now, period) of each part's latest list read under the name now
    parts = {(names[h], period) for h, period in latest.items() if names.get(h, h) != h}
    if parts:
        # a part's start household that left the lists from it by its latest list (the walk's
        # left_from, left_in): that list, its baseline, counts it not, nor does the start row
        # under the merged name (session 64, E: session 62 A2's Left (1))
        left_in, left_from = c.bases.left_in, c.bases.left_from
        for key, old in left_from.items():
            now = names.get(old, old)
            if (now != old and old in latest and place.get(key, ("",))[0] == now
                    and left_in.get(key, "9999") <= latest[old]):  # fmt: skip
                del place[key]
    statuses = c.statuses
    wanted = ("poor", "near_poor") if not parts else None
    rows = statuses[statuses["period"].isin(set(latest.values())).to_numpy()]
    if wanted is not None:
        rows = rows[rows["status"].isin(wanted).to_numpy()]
    for period, key, hamlet, status in sorted(
        zip(rows["period"].tolist(), rows["hh_key"].tolist(), rows["hamlet"].tolist(),
            rows["status"].tolist(), strict=True)
    ):  # fmt: skip
        if latest.get(hamlet) == period or (hamlet, period) in parts:
            if status in ("poor", "near_poor"):
                place[key] = (hamlet, status)
            elif place.get(key, ("",))[0] == hamlet and hamlet not in latest:
                del place[key]  # the start list's row: the part's list holds it, not counted
    return place


def _moved_at_turn(c: Figuring, hamlet: str, gone: list[dict]) -> dict[str, tuple]:
    """In January against last year's lists, the households of ``gone`` (missing from
    ``hamlet``'s list now) that the new start list writes in another hamlet: key -> (its words,
    moves.listed_at_turn, the file of that hamlet's refused list or ''), for their
    'vanished-household' warnings (session 56, N2)."""
    base = c.bases.month_from.get(hamlet, c.previous)
    if not (isinstance(base, str) and len(base) == 7 and base[:4] < f"{c.plan.plan_year:04d}"):
        return {}
    moved: dict[str, tuple] = {}
    for item in gone:
        there = c.listed_start.get(item["key"], (hamlet,))[0]
        if there != hamlet:
            refused = c.merged.rejected.get(there)
            moved[item["key"]] = (
                listed_at_turn(c.plan.plan_year, there, item["ma_ho"]),
                refused.file if refused is not None else "",
            )
    return moved


def hamlet_counted(c: Figuring, t: HamletTables) -> None:
    """A counted hamlet's figures (its tallies, the tables) and its 'Nộp báo cáo' row. One
    whose merged-in part's old head sent a list apart: its figures lack that list's
    households, so its row is shown 'rejected', left out of the commune's (like with like),
    and each list apart said."""
    hamlet, sub, valid = t.hamlet, t.sub, c.valid
    tally = c.counts.get(hamlet) or fig.tallies(valid.iloc[0:0], by_hamlet=False)[None]
    figures = fig.hamlet_figures_from(t.target, sub.total_households, tally, t.moves)
    figures["movements_month"] = t.month_moves
    # the list the month's table compares with when not last month's (None: last month's)
    figures["movements_month_from"] = c.bases.month_from.get(hamlet) if t.month_moves else None
    for key in ("subgroups", *fig.NAMED_COUNTS):
        figures[key] = tally[key]
    if hamlet in c.apart:
        # Its figures lack the households of the list sent apart: shown in its row, left
        # out of the commune's (like with like), the hamlet "rejected" for the period.
        # each list apart said with its own households (two hamlets merged into one may
        # both send apart: session 49), the figures with all of them
        # (one list sent twice is one list apart, said once naming both files)
        start_apart = t.start_apart
        listed = c.apart_held[hamlet][2]
        groups = by_name_written(c.apart[hamlet])
        said = [merged_apart_issue(sub, groups[0], start_apart, listed)]
        if len(groups) > 1:
            said = []
            for other in groups:
                codes, names, one, _ = apart_list_keys(other, hamlet)
                keys = households_apart(c.start_by.get(hamlet, []),
                                        c.held_for_error.get(hamlet, set()), codes | names, c.aged)  # fmt: skip
                start_one = None if start_apart is None else len(keys & t.start_keys_apart)
                said.append(merged_apart_issue(sub, other, start_one, one))
        c.issues.extend(said)
        figures.update(dict.fromkeys(UNLIKE))
        figures["incomplete"] = {
            "reason": "merged-list-apart",
            "file": ", ".join(s.instead for s in said),
            "hamlet_written": "', '".join(s.value for s in said),
            "households_apart": start_apart,
            "households_listed_apart": listed,
        }
        if any(s.variant == "neighbour" for s in said):
            # the name written is a plan hamlet's that sent its own list (session 51)
            figures["incomplete"]["hamlet_written_in_plan"] = True
        c.hamlet_figs.append({"hamlet": hamlet, "status": "rejected", **figures})
    else:
        c.hamlet_figs.append({"hamlet": hamlet, "status": "ok", **figures})
    c.reporting.append(
        {
            "hamlet": hamlet,
            "status": sub.status,
            "file": sub.file,
            "rows_read": sub.rows_read,
            "rows_rejected": sub.rows_rejected,
        }
    )


def warned_files(c: Figuring) -> None:
    """A warning found with the movements (a 'Thoát' on no list of the start of the year, a
    household no longer listed) is the file's as much as one found reading it: a counted file
    with any warning is "Hợp lệ, có cảnh báo" on 'Nộp báo cáo', not "Hợp lệ"."""
    warned = {i.file for i in c.issues if i.severity == "warning"}
    for record in c.reporting:
        sub = c.merged.accepted.get(record["hamlet"])
        if sub is not None and sub.status == "valid" and sub.file in warned:
            sub.status = record["status"] = "warnings"


def hamlets_told(c: Figuring) -> None:
    """Each issue of a file whose hamlet was told names that hamlet: 'Lỗi dữ liệu' filtered by
    Xóm shows it. A file refused before its hamlet was settled (unreadable, its period or
    hamlet not read) names the hamlet consolidate told from its title or file name in each of
    its issues; one whose 'Xóm' names no plan hamlet, that hamlet as written (as 'Nộp báo cáo'
    names it). So does an issue found while the file was read, before its hamlet was known
    (text typed in a legacy encoding, odd characters taken out)."""
    told = {
        s.file: s.hamlet or s.hamlet_raw
        for s in c.submissions
        if (s.status == "rejected" and (s.hamlet or s.hamlet_raw))
        or (s.kind == "roster" and s.hamlet)
    }
    if told:
        c.issues[:] = [dataclasses.replace(i, hamlet=told[i.file])
                       if not i.hamlet and i.file in told else i for i in c.issues]  # fmt: skip


def moved_kept(c: Figuring) -> list[tuple]:
    """The rows the history keeps as moved out of their hamlet (RunResult.moved): the
    households said moved that no list has (``not_listed``) and a table counts moved out (one
    new this month, moved out of nothing, is not): next month, listed where they went, they
    have moved in, not returned to the lists (tái nghèo). Also the traces kept on, and the
    households of a list sent apart kept as rows left out for an error (session 46)."""
    said_rows, said_moved = c.said_rows, c.said_moved
    moved_out = {i["key"] for scope in c.found_in.values() for i in scope
                 if i["movement"] == "moved_out"}  # fmt: skip
    moved = [
        (
            said_rows[k][0].hamlet,
            k,
            said_rows[k][3],
            said_rows[k][4],
            f"moved_{said_moved[k][1]}",
            None,
            False,
        )
        for k in [*c.not_listed, *c.recoded]  # (one under a new code there: its old code's trace)
        if k in moved_out and f"moved_{said_moved[k][1]}" in fig.MOVED
    ]
    if len(moved) > 1:  # a row written without a Mã hộ found under two keys: kept once
        kept = {}
        for item in moved:
            kept.setdefault(id(said_rows[item[1]]), item)
        moved = list(kept.values())
    moved += [  # the trace kept on, month after month (timeline.departures: not gone)
        (record[2], k, record[3], record[4], f"moved_{status}", None, False)
        for k, (_, _, _, record, status) in c.moved_since.items()
        if k in moved_out
    ]
    moved += [  # one a note told moved under a new code: its old code's trace (session 57)
        (record[2], k, record[3], record[4], f"moved_{record[1]}", None, False)
        for k, (_, _, _, record) in c.noted.items()
        if k in moved_out and f"moved_{record[1]}" in fig.MOVED
    ]
    # a list sent apart: its households kept as rows left out for an error are (session 46)
    moved += apart_rows(c.apart, c.households)
    return moved


def commune_totals(c: Figuring) -> tuple[list[dict], dict]:
    """The commune's totals over the hamlets counted ('ok'), the households that moved into a
    row left out for an error in another hamlet added to the movement details, and every
    hamlet's figures given the keys a counted hamlet's have. Returns (the counted hamlets'
    figures, the totals)."""
    hamlet_figs, plan = c.hamlet_figs, c.plan
    accepted = [f for f in hamlet_figs if f["status"] == "ok"]
    for scope, key in (("year", "movements"), ("month", "movements_month")):
        tables = {f["hamlet"]: f[key] for f in accepted if f.get(key) is not None}
        c.details.extend(_detail_rows(scope, fig.arrivals_held(tables, c.found_in[scope])))
    totals = fig.commune_figures(accepted, plan.poor_target, plan.near_poor_target)
    # Over the hamlets that have a month to compare with (a hamlet missing last month has none).
    compared = [f["movements_month"] for f in accepted if f["movements_month"] is not None]
    totals["movements_month"] = fig.sum_nested(compared)
    for key in ("subgroups", *fig.NAMED_COUNTS):
        totals[key] = fig.sum_nested([f[key] for f in accepted])
    for item in hamlet_figs:
        item.setdefault("movements_month", None)
        item.setdefault("movements_month_from", None)
        for key in ("subgroups", *fig.NAMED_COUNTS):
            item.setdefault(key, None)
    return accepted, totals


def summary_of(c: Figuring, accepted: list[dict], totals: dict) -> dict:
    """The run's JSON summary (TongHop_YYYY-MM.json): the plan's facts, the hamlets reporting,
    the totals and every hamlet's figures, the baselines compared with, the trend and the
    year on year, the issues counted."""
    plan, merged, stored, bases = c.plan, c.merged, c.stored, c.bases
    hamlet_figs, issues, start_from, month_base = (
        c.hamlet_figs,
        c.issues,
        c.start_from,
        c.month_base,
    )
    dropped, dropped_named = _dropped_unlisted(plan, month_base, c.households,
                                               bases.month_as_written,
                                               c.silent.names if c.silent else None)  # fmt: skip
    return {
        "schema": 1,
        "commune": plan.commune,
        "province": plan.province,
        "period": merged.period,
        "plan_year": plan.plan_year,
        "standard": plan.standard,
        "area": plan.area,
        "complete": len(accepted) == len(hamlet_figs),
        "reporting": {
            "expected": len(hamlet_figs),
            "accepted": len(accepted),
            "rate": fig.rate(len(accepted), len(hamlet_figs)),
        },
        "totals": totals,
        "hamlets": hamlet_figs,
        "start_from": start_from,
        "previous_period": timeline.previous_period(merged.period)
        if month_base is not None
        else None,
        # last month's poverty standard when another than this month's (session 38)
        **_previous_standard(
            plan.standard,
            stored,
            timeline.previous_period(merged.period) if month_base is not None else None,
        ),
        "trend": trends(
            plan,
            merged.period,
            totals,
            renames_named(
                merged.period,
                merges_named(merged.period, hamlet_figs, bases.merged, stored, bases.renamed),
                bases.renamed,
                bases.merged,
                stored,
            ),
            stored,
            bases.renamed,
        ),
        # the months compared with that were consolidated for the commune before a merger
        "bases_of_other_commune": bases_of_other_commune(
            plan,
            hamlet_figs,
            stored,
            [
                start_from,
                timeline.previous_period(merged.period) if month_base is not None else None,
            ],
        ),
        # the hamlets new in the plan since a month compared with ('Biến động''s notes)
        "new_in_plan": new_in_plan(plan, merged.period, hamlet_figs, stored),
        # the hamlets whose month table's start column leaves out the households last month's
        # lists had elsewhere (baselines._in_no_plan's answer): the notes' "tính ở cả hai bên"
        # reads it, so a note and the figures give one answer (session 60, D)
        "month_paired": sorted(bases.month_paired),
        # of those, a hamlet whose start column also holds households of last month's list of a
        # name the plan lacks now (that may be its name then) on no list now -> those names:
        # told gone there, as the (*) note says (session 61, C)
        "month_took": {
            h: sorted(set(took.values())) for h, took in sorted(bases.month_took.items())
        },
        # a hamlet back in the plan whose start column holds start rows its list before lacks
        # -> their codes: the (*) note says them (session 62, C)
        "month_started": {h: codes for h, codes in sorted(bases.month_started.items())},
        # each hamlet accepted: the plan's start rows it gives it (a digest), and those of them
        # on no list of the year so far: a later month reads which month's plan first gave a
        # start row to its hamlet from it, a revision's told (baselines.start_record; session 65)
        **_start_rows(c, accepted),
        # last month's lists of a name the plan lacks now, no hamlet's (not renamed, merged or
        # taken): its households counted then on no list now and in no hamlet's start column
        # -> name -> their codes; in no table, said under the month's (session 61, C2)
        "month_dropped": dropped,
        # of those, one whose head's name and birth year a row of a list now alone shares (a
        # code new this month): old name -> code -> that row's hamlet and code (session 62, C)
        "month_dropped_named": dropped_named,
        "year_on_year": year_on_year(
            merged.period, hamlet_figs, totals, stored, plan.commune, plan.standard
        ),
        "issues": {
            "errors": sum(1 for i in issues if i.severity == "error"),
            "warnings": sum(1 for i in issues if i.severity == "warning"),
            # household rows of the counted rosters left out of every figure for an error
            "rows_left_out": sum(s.rows_rejected for s in merged.accepted.values()),
            # a file that could not be read but is a hamlet's refused file is counted there;
            # Excel's lock files and system files, listed on 'Nộp báo cáo' only, are not
            "files_skipped": sum(
                1
                for s in c.submissions
                if s.kind in ("skipped", "unknown", "unreadable")
                and s.status != "other_period"
                and s is not merged.rejected.get(s.hamlet)
                and s.extra.get("skip_reason") != TEMPORARY
            ),
        },
    }


# the columns of RunResult.movement_details, one row a household's line in a movement table
DETAIL_COLUMNS = [
    "scope",
    "hamlet",
    "ma_ho",
    "chu_ho",
    "list",
    "movement",
    "start_status",
    "current_status",
    "other_hamlet",
    "left_in",
    "code_then",
    "asked_in",
]


def _start_rows(c: Figuring, accepted: list[dict]) -> dict:
    """The summary's ``start_rows`` (baselines.start_record), absent where the plan has no
    start list of the month's year."""
    record = start_record(c.plan, c.merged.period, c.households, c.this_year, c.listed_before,
                          {f["hamlet"] for f in accepted})  # fmt: skip
    return {} if record is None else {"start_rows": record}


def _dropped_unlisted(
    plan: Plan,
    month_base: pd.DataFrame | None,
    households: pd.DataFrame | None,
    written: pd.DataFrame | None = None,
    quiet: Mapping[str, str] | None = None,
) -> tuple[dict[str, list[str]], dict[str, dict[str, dict[str, str]]]]:
    """The households last month's lists counted (poor or near-poor) under a name the plan
    lacks now (``month_base``: last month's lists, renamed and merged under the names now)
    that no hamlet's start column counts (no row of them under a hamlet of the plan) and that
    no list now holds (``households``: every row read now): old name -> their codes as last
    written, sorted. They left the lists from a hamlet that has no table: told in none, the
    commune's month start column short of last month's end by them (session 61, C2). January
    too: ``month_base`` holds last year's households in the start list's codes (one it
    renumbered and listed now is held), ``written`` (the same rows as last year's lists wrote
    them, baselines' ``month_as_written``) their codes then (session 62, C). And of those, one
    whose head's name and birth year one row now alone shares (a code new on last month's
    lists), that row's one alone: old name -> code -> the hamlet and code of that row, which
    the figures count as another household (session 43's rule: gone and new under a new code
    the same month, two), said beside it (session 62, C). ``quiet``: the names a hamlet of the
    plan sending nothing valid now was renamed or merged from since its latest list (old name
    -> that hamlet: Figuring.silent's names): their households are that hamlet's, in no table
    for want of its list as any silent hamlet's, not a dropped name's (session 63, E)."""
    if month_base is None or month_base.empty:
        return {}, {}
    planned = month_base["hamlet"].isin([*plan.hamlets["hamlet"].tolist(), *(quiet or ())])
    planned = planned.to_numpy()
    counted = month_base["phan_loai"].isin(("poor", "near_poor")).to_numpy()
    if not (~planned & counted).any():  # no name the plan lacks: the month's rows not keyed
        return {}, {}  # (a province's 300,000)
    codes_then = (written if written is not None else month_base)["ma_ho"].tolist()
    held = set(month_base.loc[planned, "hh_key"].tolist())
    now = households if households is not None and not households.empty else None
    if now is not None:
        held |= set(fig.keys_of(now))
    at = [i for i in (~planned & counted).nonzero()[0].tolist()
          if month_base["hh_key"].iat[i] not in held]  # fmt: skip
    dropped: dict[str, list[str]] = {}
    for i in at:
        dropped.setdefault(month_base["hamlet"].iat[i], []).append(str(codes_then[i]))
    dropped = {h: sorted(set(codes)) for h, codes in sorted(dropped.items())}
    if not at or now is None or "chu_ho" not in now.columns:
        return dropped, {}

    # a head's name and birth year, the hamlet set aside, one row a side: the dropped row's and
    # one of a list now whose code last month's lists did not have
    def heads(frame: pd.DataFrame) -> list[str | None]:
        born = frame["nam_sinh"].tolist() if "nam_sinh" in frame else [None] * len(frame)
        return [fig.name_key_text("", name, year)
                for name, year in zip(frame["chu_ho"].tolist(), born, strict=True)]  # fmt: skip

    then = heads(month_base)  # (a name last month's lists write twice is no one's alone)
    gone = [then[i] for i in at]
    known = set(month_base["hh_key"].tolist())
    fresh = [key not in known for key in fig.keys_of(now)]
    written_now = heads(now)
    once = {h for h, n in Counter(then).items() if n == 1 and h is not None} & set(gone)
    once &= {h for h, n in Counter(written_now).items() if n == 1}
    row_of = {h: i for i, (h, new) in enumerate(zip(written_now, fresh, strict=True))
              if new and h in once}  # fmt: skip
    once &= row_of.keys()
    codes_now = now["ma_ho"].tolist()
    row_of = {h: j for h, j in row_of.items() if isinstance(codes_now[j], str)}
    named: dict[str, dict[str, dict[str, str]]] = {}
    for i, head in zip(at, gone, strict=True):
        if head in once and head in row_of:
            j = row_of[head]
            named.setdefault(month_base["hamlet"].iat[i], {})[str(codes_then[i])] = {
                "hamlet": str(now["hamlet"].iat[j]),
                "ma_ho": codes_now[j],
            }
    return dropped, {old: dict(sorted(pairs.items())) for old, pairs in sorted(named.items())}


def _out_when_held(bases, hamlet: str, previous: str, held_since: dict) -> set[str]:
    """The households out of the lists (``figures.movements_of``'s ``out_before``) for
    ``hamlet``'s month table: at the end of the month of the list it compares with, except that
    one last listed since in a row left out for an error (``held_since``, by the hamlet's
    list: key -> that row's month) is judged at the end of that row's month. DK1 leaves
    Đồng Kè's list in July, is written in Bản Cọ's in August in a row with an error and counted
    in Nà Mòn's in September: Nà Mòn, silent since the start, compared with the plan's list
    (where DK1 was on a list) counted it again; it had left before its row went wrong, so it
    is new, tái nghèo, as it is for a Nà Mòn that sent July's list (docs/decisions.md,
    session 39)."""
    base = bases.month_from.get(hamlet)
    out = bases.month_out.get(base or previous, set())
    when = held_since.get(base) if base is not None else None
    if not when:
        return out
    return {k for k in out if k not in when} | {
        k for k, month in when.items() if k in bases.month_out.get(month, ())
    }


def _detail_rows(scope: str, found: list[dict]) -> list[tuple]:
    return [
        (
            scope,
            d["hamlet"],
            d["ma_ho"],
            d["chu_ho"],
            d["list"],
            d["movement"],
            d["start_status"],
            d["current_status"],
            d.get("other_hamlet"),
            d.get("left_in"),
            d.get("code_then"),
            d.get("asked_in"),
        )
        for d in found
    ]


def _records(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")`` of a small frame (the plan's hamlets), made of its columns'
    lists: the same Python values (tolist gives ints of int64 columns), without pandas'
    to_dict, whose first call in a run imports a module and costs ~1 ms cold."""
    names = frame.columns.tolist()
    return [
        dict(zip(names, values, strict=True))
        for values in zip(*(frame[name].tolist() for name in names), strict=True)
    ]


# What _exited_rows reads of a row: its household key's columns (fig.household_keys), its cell.
_EXITED_COLUMNS = ["hamlet", "ma_ho", "chu_ho", "nam_sinh", "excel_row", "sheet"]


def _exited_rows(valid: pd.DataFrame) -> dict[str, list[tuple]]:
    """Per hamlet, its valid rows marked exited: (household key, Excel row, Mã hộ, sheet)."""
    # the exited rows of the columns read, as arrays: a frame of them selected by pandas (the
    # columns, then the rows) cost ~0.8 ms warm for a commune's dozen, the arrays ~0.3 ms
    at = (valid["phan_loai"] == "exited").to_numpy(dtype=bool, na_value=False).nonzero()[0]
    rows = {key: valid[key].to_numpy()[at] for key in _EXITED_COLUMNS}
    exited: dict[str, list[tuple]] = {}
    for hamlet, key, excel_row, ma_ho, sheet in zip(
        rows["hamlet"].tolist(),
        fig.household_keys(rows),
        rows["excel_row"].tolist(),
        rows["ma_ho"].tolist(),
        rows["sheet"].tolist(),
        strict=True,
    ):
        exited.setdefault(hamlet, []).append((key, excel_row, ma_ho, sheet))
    return exited


def _previous_standard(standard: str, stored: list[dict], previous: str | None) -> dict:
    """``{"previous_standard": …}`` when the month the movements since last month start from
    (``previous``) was consolidated by another poverty standard than ``standard`` (December
    2026's 2022-2025 before January 2027's 2027-2030: the start list of 2027 was reviewed by
    the new one); else nothing (docs/decisions.md, session 38)."""
    then = next((s.get("standard") for s in stored if s["period"] == previous), None)
    return {"previous_standard": then} if then and then != standard else {}


def _renamed_written(
    frame: pd.DataFrame | None, renamed: dict[str, str], merged: dict[str, str]
) -> dict[tuple[str, str], str]:
    """moves.Heads' ``written`` of ``frame`` (a baseline of stored lists, its hamlets under
    their names now): (key, name now) -> the name its list wrote, for each row of a hamlet the
    plan renamed since (``renamed``: old name -> name now). A name now that a merger also
    leads to (``merged``) holds two lists' rows, not told apart: left under its name now."""
    wrote = {new: old for old, new in renamed.items() if new not in merged.values()}
    if frame is None or not wrote:
        return {}
    rows = frame[frame["hamlet"].isin(wrote.keys()).to_numpy(dtype=bool)]
    return {(key, hamlet): wrote[hamlet]
            for key, hamlet in zip(rows["hh_key"].tolist(), rows["hamlet"].tolist(), strict=True)}  # fmt: skip


def _codes_then(month_base: pd.DataFrame, written: pd.DataFrame) -> dict[str, str]:
    """January against last year's lists (``written``, their rows as stored) read in the new
    start list's codes (``month_base``, row for row: baselines.as_start_codes): the key of each
    household the start list renumbered -> the Mã hộ last year's list wrote it under, for
    'Biến động''s household list to show beside the code it has now (session 56). A key two
    rows give with two codes then is left out."""
    now, was = fig.keys_of(month_base), fig.keys_of(written)
    codes = written["ma_ho"].tolist()
    then: dict[str, str] = {}
    doubled: set[str] = set()
    for key, old, code in zip(now, was, codes, strict=True):
        if key == old or not isinstance(code, str):
            continue
        if then.setdefault(key, code) != code:
            doubled.add(key)
    return {key: code for key, code in then.items() if key not in doubled}


def _as_written_then(c: Figuring, heads_plan: Heads) -> tuple[Heads, dict]:
    """The heads and places (figures.listed_where) of last year's lists a January compares
    with, their codes as those lists wrote them, where ``month_base`` has them in the new start
    list's (baselines.as_start_codes; session 54): the keys of the rows renumbered or held by
    name are read from the rows as written, ``listed_last`` kept for every other."""
    bases, written = c.bases, c.bases.month_as_written
    now, was = fig.keys_of(c.month_base), fig.keys_of(written)
    changed = [at for at, (key, old) in enumerate(zip(now, was, strict=True)) if key != old]
    rows = written.iloc[changed]
    where = {key: place for key, place in c.listed_last.items()
             if key not in {now[at] for at in changed}}  # fmt: skip
    where.update(fig.listed_where(fig.movement_records(rows), exited=True, stored=True))
    heads = Heads(written, heads_plan,
                  lambda hamlet: list_named(bases.month_from.get(hamlet, c.previous)),
                  _renamed_written(written, bases.renamed, bases.merged))  # fmt: skip
    return heads, where


def _spelled_apart(plan: Plan, accepted: dict, households: pd.DataFrame, issues: list) -> None:
    """A warning at each Mã hộ of a counted list written apart from the start list's code of
    its household only by spaces inside or letter case ('nm2' for 'NM2'; figures.as_start_writes):
    matched and counted as that household, the head told to write it as the start list does
    (session 36). The posted list shows the start list's (public_list). One written in another
    script's digits or a look-alike of a dot or dash ('０１', 'TL–01–001') is told so, variant
    'lookalike' (session 54, D3)."""
    if plan.start_list is None or households.empty:
        return
    subs = {sub.file: sub for sub in accepted.values()}
    rows = households[households["file"].isin(list(subs)).to_numpy(dtype=bool)]
    codes = rows["ma_ho"].tolist()
    for index, right in enumerate(fig.as_start_writes(codes, plan.start_list)):
        if right is not None:
            row, code = rows.iloc[index], codes[index]
            variant = "" if code.isascii() or ascii_number_text(code) is code else "lookalike"
            issues.append(at_cell(subs[row["file"]], row["sheet"], int(row["excel_row"]), "ma_ho",
                                  "code-spelled-differently", code.strip(), right, variant))  # fmt: skip


def _names_without_marks(
    plan: Plan, accepted: dict, households: pd.DataFrame, issues: list
) -> None:
    """A warning at each head's name of a counted row typed without Vietnamese marks (no letter
    but ASCII: 'NONG VAN THANG', a keyboard without Unikey) where the start list's row of its
    Mã hộ writes that name with them, the two the same but for the marks and case ('Nông Văn
    Thắng'): the head told the start list's writing (session 49). Only names of ASCII alone are
    looked at (one test in C each), so a list written with its marks costs no more."""
    if plan.start_list is None or households.empty:
        return
    if not {"ma_ho", "chu_ho"} <= set(plan.start_list.columns):
        return
    names = households["chu_ho"].tolist()
    bare = [
        i for i, name in enumerate(names)
        if name.__class__ is str and name.isascii() and any(c.isalpha() for c in name)
    ]  # fmt: skip
    if not bare:
        return
    marked = _with_start_heads(plan, accepted, households, bare, lambda name: not name.isascii())
    for sub, sheet, excel_row, name, start in marked:
        # the same once folded, the start list's writing with marks (not a curly apostrophe)
        if fold(start) == fold(name) and has_marks(start):
            issues.append(at_cell(sub, sheet, excel_row, "chu_ho",
                                  "name-without-marks", name.strip(), start))  # fmt: skip


def _with_start_heads(
    plan: Plan,
    accepted: dict,
    households: pd.DataFrame,
    looked: list[int],
    kept: Callable[[str], bool],
) -> Iterator[tuple[Submission, str, int, str, str]]:
    """The counted rows of ``households`` at ``looked`` whose Mã hộ the start list names a head
    for (its names that ``kept`` takes), as (submission, sheet, Excel row, the row's name, the
    start list's): what the checks of a head's name as written compare (one take of the rows
    looked at, not a lookup each; session 49's names without marks, session 50's titles)."""
    subs = {sub.file: sub for sub in accepted.values()}
    heads = {
        code.strip(): name.strip()
        for code, name in zip(plan.start_list["ma_ho"], plan.start_list["chu_ho"], strict=True)
        if code.__class__ is str and name.__class__ is str and kept(name)
    }
    rows = households.iloc[looked]
    for code, name, valid, file, sheet, excel_row in zip(
        rows["ma_ho"], rows["chu_ho"], rows["valid"], rows["file"], rows["sheet"],
        rows["excel_row"], strict=True,
    ):  # fmt: skip
        if not valid or file not in subs or code.__class__ is not str:
            continue
        start = heads.get(code.strip())
        if start is not None:
            yield subs[file], sheet, int(excel_row), name, start


# The first letters the words of address (text.ADDRESS_WORDS: a name so written is said only
# where the start list writes the rest alone, 'Ông' a surname too) may begin with, in either
# case and Unicode form ('Ô' or 'O' and its mark): a name beginning otherwise is passed with
# one test (a province's 150,000 names)
_TITLE_INITIALS = frozenset("ôÔoObBaAcC")


def _names_as_written(plan: Plan, accepted: dict, households: pd.DataFrame, issues: list) -> None:
    """A warning at each head's name of a counted row written after a word of address
    (text.ADDRESS_WORDS: 'Ông Dương Đức Hưng') where the start list's row of its Mã hộ writes
    the name without it ('Dương Đức Hưng'): the posted list prints it as written, never rewritten
    (session 50). A name in capitals is a way of writing (forms ask 'viết in hoa'), not said: a
    list written all in capitals drew one warning a row (the mess fuzz's 'caps'). A start list
    written in capitals itself: a title before it not said either (session 50's review)."""
    if plan.start_list is None or households.empty:
        return
    if not {"ma_ho", "chu_ho"} <= set(plan.start_list.columns):
        return
    names = households["chu_ho"].tolist()
    looked = [
        i for i, name in enumerate(names)
        if name.__class__ is str and name[:1] in _TITLE_INITIALS and not name.isascii()
        and len(first := name.split(None, 1)[0]) <= 4 and fold_exact(first) in ADDRESS_WORDS
    ]  # fmt: skip
    if not looked:
        return
    for sub, sheet, excel_row, name, start in _with_start_heads(
        plan, accepted, households, looked, lambda _name: True
    ):
        # a start list in capitals, or beginning with a word of address ('Ông' a surname): its
        # writing is not asked ('no Ông' would contradict it; session 50's review)
        if start.isupper() or fold_exact(start).partition(" ")[0] in ADDRESS_WORDS:
            continue
        words = name.split(None, 1)
        titled = len(words) == 2 and fold_exact(words[0]) in ADDRESS_WORDS
        if titled and fold_exact(words[1]) == fold_exact(start):
            issues.append(at_cell(sub, sheet, excel_row, "chu_ho",
                                  "name-as-written", name.strip(), start))  # fmt: skip


def _left_by(
    where: dict[str, tuple[str, str]], left_in: dict[str, str], upto: str
) -> dict[str, tuple[str, str]]:
    """The households of ``where`` (key -> (hamlet, status) of their latest listing) last
    counted there (poor or near-poor) and out of the lists since a month up to ``upto``
    ('YYYY-MM'; ``left_in``: timeline.Departures.left_in), as having left that list: (hamlet,
    'exited'), as a 'Thoát' row there reads."""
    return {key: (where[key][0], "exited") for key, month in left_in.items()
            if month <= upto and where.get(key, ("", ""))[1] in ("poor", "near_poor")}  # fmt: skip


def _as_joined(
    where: dict[str, tuple[str, str]], merged: dict[str, str], held_in: dict[str, str]
) -> dict:
    """``where`` (timeline.last_listed) with a household last counted in a hamlet merged since
    last month (``merged``: old name -> the one it joined) counted in the one it joined: on that
    hamlet's list now it moved nowhere (docs/decisions.md, session 43). A 'Thoát' row or a row
    left out for an error there stays under the old name: it is not the list compared with, and
    says the household left the lists, or is counted again, as before. Such a row without a Mã
    hộ is keyed by the name of the hamlet it joined, here and in ``held_in`` (its month: a row
    held by name in the old hamlet's list is the merged hamlet's, session 42; session 45)."""
    if not merged:
        return where
    keys = {key: fig.name_key_under(key, hamlet, merged[hamlet])
            for key, (hamlet, _) in where.items() if hamlet in merged}  # fmt: skip
    for key, name in keys.items():
        if name != key and key in held_in:
            held_in[name] = held_in.pop(key)
    return {keys.get(key, key): (merged.get(hamlet, hamlet), status)
            if status not in ("exited", fig.NOT_COUNTED) else (hamlet, status)
            for key, (hamlet, status) in where.items()}  # fmt: skip
