"""`giamngheo check`: each file's issues as a run finds them, without consolidating."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from pipeline.messages import Message, RunCommand, full_path_said
from pipeline.plan import start_mismatches, with_year_needed, without_file_name
from pipeline.readpool import Outcome, default_workers, gone_since_listed, read_files
from pipeline.rosterchecks import (
    PERIOD_DIFFERS,
    codes_from_start,
    empty_list_issue,
    far_total_settled,
    folder_month,
    future_period_issue,
    header_issues,
    households_twice,
    info_cell,
    info_error,
    info_issues,
    kept_by_start_list,
    left_in_history,
    left_out_settled,
    listed_as_poor_or_near,
    listed_at_start,
    missing_info_sheet_issue,
    named_for,
    names_another_month,
    newest_first,
    period_differs_issue,
    period_unread_issue,
    refused_for_start_list,
    rows_refuse,
    rows_refuse_across,
    take_plan_year,
    title_periods,
    unread_info,
    validate_rosters,
)
from pipeline.text import clean_text, find_period_in_text, fold, year_named
from pipeline.types import Issue, Submission, in_order
from schemas.columns import ROSTER_INFO_LABELS
from schemas.issues import CATALOGUE
from schemas.standards import STANDARDS, standard_for_year

# the stage of `check`'s progress bar running the months not run (cli.Progress.step)
MOVEMENTS = "Tính biến động"


def expand(paths: list[Path]) -> list[Path]:
    """The files to check, each once: a folder given is every file in it (`giamngheo check
    input`), as a run would read them; a file given twice (by itself and in a folder given,
    or a folder given twice) is one file, as in a run's folder."""
    from pipeline.discover import list_input_files

    seen: set[str] = set()
    files: list[Path] = []
    for path in paths:
        for file in list_input_files(path) if path.is_dir() else [path]:
            if (key := os.path.abspath(file)) not in seen:
                seen.add(key)
                files.append(file)
    return files


def shown_names(files: list[Path], paths: list[Path]) -> list[tuple[str, str]]:
    """How each file is named in what `check` says, and its path read for the month of the
    folder it sits in (rosterchecks.folder_month). The files given are one set, named as a run
    names the files of its input folder, as if they all sat in one: under the folder given,
    by the path in it; under several folders given, by the path in their common parent
    (`check input/T4 input/T5`: 'T4/NaMon.xlsx' and 'T5/NaMon.xlsx', as a run of 'input'
    names them, its folder month May's); a file given by itself, by its name (its folder
    month its own folder's). Files that would still share a name (two 'NaMon.xlsx' given by
    themselves from a/ and b/) are each named by the path in the common parent of the folders
    they were named under ('a/NaMon.xlsx', 'b/NaMon.xlsx'), their folder month unchanged: two
    files are never one name (docs/decisions.md, session 16)."""
    from pipeline.discover import composed_apart, relative_name

    folders = list(dict.fromkeys(Path(os.path.abspath(p)) for p in paths if p.is_dir()))
    top = _common_parent(folders) if len(folders) > 1 else None
    where: list[str] = []
    bases: list[Path | None] = []  # the folder each file is named under; None: its full path
    whole = [Path(os.path.abspath(file)) for file in files]
    for file in whole:
        # (a folder given that cannot be listed is in the list itself: named by its name)
        root = next((f for f in folders if file.is_relative_to(f) and file != f), None)
        if root is None:
            bases.append(file.parent)  # given by itself: named by its name
            where.append(Path(file.parent.name, file.name).as_posix())
        else:
            bases.append(top or root)
            where.append(file.relative_to(top or root).as_posix())

    def name(index: int) -> str:
        base = bases[index]
        return whole[index].as_posix() if base is None else relative_name(whole[index], base)

    names = composed_apart(whole, [name(index) for index in range(len(whole))])
    while True:
        sharing: dict[str, list[int]] = {}
        for index, shown in enumerate(names):
            sharing.setdefault(shown, []).append(index)
        clashes = [group for group in sharing.values() if len(group) > 1]
        if not clashes:
            return list(zip(names, where, strict=True))
        for group in clashes:
            # one name, two files: their folders differ, so their common parent is above one
            # of them at least (or, on two drives, none: the full paths); each pass names more
            # of a path, and this ends
            folders_of = [bases[index] for index in group]
            common = None if None in folders_of else _common_parent(folders_of)
            for index in group:
                bases[index] = common
                names[index] = name(index)


def input_folder(paths: list[Path]) -> Path:
    """The input folder a run of the files given reads, as `check` names them
    (:func:`shown_names`): the folder given, the one holding several given (`check input/T6
    input/T7`: 'input'), a file's own folder; as typed (relative where they were), else the
    full path (session 47)."""
    folders = [path if path.is_dir() else path.parent for path in paths]
    try:
        return Path(os.path.commonpath([str(folder) for folder in folders]))
    except ValueError:  # full and relative paths given together, or two drives
        whole = [Path(os.path.abspath(folder)) for folder in folders]
        return _common_parent(whole) or whole[0]


def _common_parent(folders: list[Path]) -> Path | None:
    """The deepest folder holding all ``folders`` (absolute); None when none does (two
    drives)."""
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:
        return None


def _read(tasks: list[tuple[Path, str]], progress=None) -> list[Outcome]:
    """Each file read (``tasks``: its path and the name it is shown by) as a run reads one it
    cannot read in its own process: in a worker process bounded in memory and time, whose
    stderr does not reach the screen (a reader's panic text, a library's warning), a reader's
    failure on a file being that file's issue (pipeline.readpool). So a file that would take
    gigabytes, crash the reader or break it is one located line, and the other files are
    still checked. ``progress``: told after each file, as a run's reader tells it."""
    workers = default_workers(len(tasks))
    return read_files(tasks, workers=workers, progress=progress) if tasks else []


class _List(NamedTuple):
    """A roster given, as read: its path, its path read for the month of its folder
    (shown_names) and what reading it said."""

    sub: Submission
    path: Path
    where: str
    read_said: list[Issue]


@dataclass
class _Given:
    """The files given, read and sorted as a run sorts them."""

    issues: list[Issue] = field(default_factory=list)  # what reading and the plans said
    read: list[Submission] = field(default_factory=list)  # every file read
    plans: list[Outcome] = field(default_factory=list)
    documents: list[Submission] = field(default_factory=list)  # photos, PDF, Word, CSV files
    damaged: list[Submission] = field(default_factory=list)  # spreadsheets that cannot be read
    lists: list[_List] = field(default_factory=list)  # the rosters read (not refused there)
    period: str | None = None  # a month checked apart at a merger (_by_months_commune)
    # the history's copy of the plan an earlier year's months not given their plan are run
    # with, and the stored month it was kept with (_kept_year_parts)
    kept: tuple[Path, str] | None = None
    # the months run so (month, the copy, the month it was kept with): said by the command
    run_with_kept: list[tuple[str, Path, str]] = field(default_factory=list)
    # the plan a run of these lists takes, once taken (_part_plan): (plan or None,)
    taken: tuple = ()
    # the files given by themselves (not found in a folder given), as shown: each said of
    # whatever month it is (_other_months_skipped)
    named: set[str] = field(default_factory=set)
    # the files of a folder given gone between the listing and the reading, left out (not
    # counted: session 64)
    left_out: list[Path] = field(default_factory=list)
    # the plan files whose own lines (_plan_said) a run of these lists says: the plan it takes
    # (or `check` goes on with) and the one it stops on (_plan_taken; session 64, H2)
    said_of: set[str] = field(default_factory=set)
    # every plan's own lines as read (_read_given): said of the plans some part takes alone
    own: set[Issue] = field(default_factory=set)


def check_files(
    paths: list[Path],
    lang: str = "vi",
    history=None,
    seen: dict | None = None,
    command: RunCommand | None = None,
    running: Callable[[list[str]], None] | None = None,
    progress=None,
    listed: list[Path] | None = None,
) -> list[Issue]:
    """The issues of each file, as a run finds them, minus what only the plan can tell (hamlet
    names, the start-of-year list); a Mã hộ used twice is looked for across the files given.
    ``history``: the run's history store (a read-only history.HistoryStore) or None; without a
    start list in the plan given, its months tell whose codes a file holds, as in a run. With
    the plan given, the warnings of the run's movement tables too (_movements_said), against
    its start list and the months stored.

    As in a run, whose list a roster is and of which month is settled first (with the plan
    given, by the run's rules), and a list refused there (a hamlet the plan refuses, a period
    that cannot be read or is after this month) is said by that refusal alone: a run checks it
    no further (consolidate._identify, _refuse_future).

    ``seen``, when given, gets ``lists_without_plan``: whether lists were checked with no plan
    among the files (their hamlets not compared with a plan: said by the command),
    ``plan_without_lists``: whether a plan was, and no file that may be a list (run.holds_no_list:
    the run of them stops), ``neither``: whether no plan was and no such file either,
    ``lists_year``: the year of the latest lists (planpick.year_wanted; None without one), and
    ``plan_unread``: whether a file could not be read then, the plan perhaps (as a run says it:
    run.UNREAD_CODES), and ``kept_plan``: where the history keeps a copy of the plan of the
    lists' year then (run.kept_plan_of_year: both plans deleted in January; session 44) and
    ``kept_plan_file``, that copy (None without one); ``almost_plan``: the files that look like
    the plan and are not told one (run.almost_plan_said; empty without one); ``run_with_kept``: the months of an
    earlier year not stored, their plan not given, run first with the copy of it the history
    keeps (_kept_year_parts: (month, copy, month kept with)), whose run stops without it.

    ``listed``: the files given as listed once (:func:`expand` of ``paths``) by the command,
    which counts and names the files of that one listing (session 64): a folder changed while
    `check` runs is never listed twice; None: listed here. ``seen``, when given, gets
    ``left_out`` too: the files of a folder given gone between the listing and the reading,
    left out as a run leaves them out (not counted; session 62).

    ``progress``: a cli.Progress (called as ``progress(done, total)`` by the reader, and
    ``progress.step(MOVEMENTS, done, total)`` as the months not stored and then the latest
    one are run: _movements_said), or None.

    ``command``: the run of the files given (cli: :func:`input_folder`, the history's folder),
    whose command of a month the plan choice's warnings give where they say to run again.
    ``running``: told the months not run that are run first, in order ('YYYY-MM'), before
    they are (_movements_said): the command says so when they are many (session 51)."""
    from pipeline.discover import looks_like_plan
    from pipeline.planpick import year_wanted
    from pipeline.run import (
        UNREAD_CODES,
        almost_plan_said,
        holds_no_list,
        kept_plan_at,
        kept_plan_copy_of_year,
    )

    given = _read_given(paths, progress, listed)
    if seen is not None:
        seen["left_out"] = given.left_out
    plans = [outcome.sub.file for outcome in given.plans]  # their lines in row order
    if seen is not None:
        # a plan and no file that may be a list: a run of them stops (session 58, D3)
        seen["plan_without_lists"] = bool(given.plans) and holds_no_list(given.read)
        # (a file that looks like the plan is none: the stop's line names it; session 62)
        seen["lists_without_plan"] = not given.plans and any(
            not looks_like_plan(entry.sub) for entry in given.lists
        )
        # neither a plan nor a file that may be a list: a run stops on the plan (session 59, D)
        seen["neither"] = not given.plans and holds_no_list(given.read)
        # the year of the latest lists, whose plan a run takes: the plan `check` is told to add
        seen["lists_year"] = year_wanted(given.read, None)
        seen["plan_unread"] = any(issue.code in UNREAD_CODES for issue in given.issues)
        # a file that looks like the plan, not told one: named as the run's stop names it
        seen["almost_plan"] = almost_plan_said(given.read)
        kept = (
            kept_plan_copy_of_year(history, given.read, None)
            if seen["lists_without_plan"]
            else None
        )
        seen["kept_plan"] = None if kept is None else kept_plan_at(*kept)
        seen["kept_plan_file"] = None if kept is None else kept[0]
    # the movements of the latest month alone, as a run of the files (of that month) says them:
    # last year's lists checked apart do not say December's again (session 43's review)
    latest, *others = _by_plan_year(given)
    given_parts = [*_by_months_commune(latest, history), *others]
    # the latest part says the movements, an earlier year's months not run run first (session 51)
    parts = [
        _checked(
            part, history, i == 0, command, others if i == 0 else (), running, progress,
            seen if i == 0 else None,
        )
        for i, part in enumerate(given_parts)
    ]  # fmt: skip
    _used_again_once(given_parts, parts)
    if seen is not None:
        seen["plan_of_other_year"] = _plan_of_other_year(given)
        seen["run_with_kept"] = latest.run_with_kept
    # beside a plan the run counts by, a plan no run of these lists takes is said by its
    # set-aside line alone (plan-duplicate), as the run says it: not its own warnings or why
    # it cannot be used, which no run says (session 64, H2: "5 cảnh báo" beside the run's 3)
    said_of = set().union(*(part.said_of for part in given_parts))
    if _plan_of_other_year(given) is not None:  # a run of the latest lists stops: as above
        said_of.update(plans)
    aside = set(plans) - said_of
    return in_order(
        [
            issue
            for part in parts
            for issue in part
            if issue.file not in aside or not _own_line(issue, given.own)
        ],
        plans,
    )


def _own_line(issue: Issue, own: set[Issue]) -> bool:
    """Whether ``issue`` is what a plan says of itself (:func:`_plan_said`): one of ``own``,
    or its plan-invalid, reworded by _plan_taken."""
    return issue.code == "plan-invalid" or issue in own


def _plan_of_other_year(given: _Given) -> tuple[str, int, int, str | None] | None:
    """(file, year) of the plan taken for the latest lists (``given``'s plans as ranked), their
    year, and the file taken for their year that cannot be used (None when there is none),
    when the plan is of another year: the plan of their year is not among the files
    (January's lists checked with last year's plan), which a run of their month stops on
    (session 43), or cannot be used, its plan-invalid saying why (its 'Năm kế hoạch' blank:
    the lists are compared with last year's plan, whose old hamlet names they are told to
    write; session 45). None otherwise."""
    from pipeline.planpick import plan_is_of_year, year_wanted

    taken = next((o.plan for o in given.plans if o.plan is not None), None)
    wanted = year_wanted(given.read, None)
    if taken is None or wanted is None or taken.plan_year == wanted:
        return None
    first = given.plans[0]
    unusable = first.sub.file if first.plan is None and plan_is_of_year(first, wanted) else None
    return taken.file, taken.plan_year, wanted, unusable


def _by_plan_year(given: _Given) -> list[_Given]:
    """The files given, as runs take them: the lists of an earlier year than the latest list's,
    with that year's plan when it is given too (a run of their month takes it:
    planpick.rank_plans), apart from the rest, which the plan of the latest list's year checks
    (when it is given: else one plan taken checks all, as before).
    Session 43: in January, last year's plan kept in the folder as the officer's guide says, `check`
    of the folder checked December's lists against this year's plan, which refused a hamlet
    it renamed. Session 44: a plan named for another year than its 'Năm kế hoạch' says
    (KeHoach_2025.xlsx still saying 2024) is of the year its name writes here: a run of
    December takes KeHoach_2024.xlsx before it (planpick.rank_plans), January's lists are checked
    with it and the note says to correct its year (cli._plan_of_other_year)."""
    from pipeline.consolidate import sent_across_year
    from pipeline.planpick import plan_named_for, year_wanted

    def year_of(outcome: Outcome) -> int:
        year = outcome.plan.plan_year
        return year if plan_named_for(outcome, year) else year_named(outcome.sub.file)

    def year_sent(sub: Submission) -> int:
        # a list sent for a month of a later year (its name, else folder), its 'Kỳ báo cáo' left
        # at last December, whose hamlet last year's plan does not know, is that year's, as
        # runs take it (consolidate; session 44); else its cell's
        cell, later = int(sub.period[:4]), int(sent_across_year(sub)[:4])
        plan = next((o.plan for o in given.plans
                     if o.plan is not None and year_of(o) == cell), None)  # fmt: skip
        if later == cell or plan is None:
            return cell
        known = _matcher(plan).match(sub.hamlet_raw)
        return cell if known is not None else later

    wanted = year_wanted(given.read, None)
    years = {year_of(o) for o in given.plans if o.plan is not None}
    if wanted not in years:
        return [given]  # no plan of the latest list's year: the one plan taken checks all
    parts = []
    for year in sorted(years - {wanted}):
        lists = [entry for entry in given.lists
                 if entry.sub.period and year_sent(entry.sub) == year]  # fmt: skip
        if not lists:
            continue
        plans = [o for o in given.plans if o.plan is not None and year_of(o) == year]
        files = {entry.sub.file for entry in lists} | {o.sub.file for o in plans}
        parts.append(
            _Given(
                issues=[issue for issue in given.issues if issue.file in files],
                read=[sub for sub in given.read if sub.file in files],
                plans=plans,
                lists=lists,
            )
        )
        given.issues = [issue for issue in given.issues if issue.file not in files]
        given.read = [sub for sub in given.read if sub.file not in files]
        given.plans = [o for o in given.plans if o.sub.file not in files]
        given.lists = [entry for entry in given.lists if entry.sub.file not in files]
    return [given, *parts]


def _by_months_commune(given: _Given, history) -> list[_Given]:
    """The files of ``given`` (the latest list's year), as runs of their months take a plan: at
    a merger, the lists of a month the plan choice gives another plan than the latest month's
    (planpick.take: June run for Trung Lương, July for Định Hóa, both months' lists given) are
    checked apart with that plan, as a run of June takes it; its plans' own issues are said
    once, with the latest month's (session 46's review: June's list of a hamlet Định Hóa's plan
    renamed was refused and told to write the new name). So are a month's whose run stops on
    its commune's plan, unusable (planpick.take's stop): with no plan, as that run takes none,
    that plan's plan-invalid said with the earliest such month, in its run's words (session
    47: June's lists were told to write 'Định Hóa', the plan's error said as July's). A month
    unsure of its commune, or whose run stops, is checked apart even with the latest's choice:
    its warning gives its own run, the stop the earliest's (session 47: May's lists checked
    with June's were given June's run alone)."""
    from pipeline.planpick import period_taken, take

    month = period_taken(given.read, None)
    if history is None or len(given.plans) < 2 or month is None:
        return [given]

    def taken(period: str | None) -> tuple[str, str | None, frozenset[str]]:
        """The plan a run of ``period`` takes, the file it stops on (None: none) and the old
        communes its lists are not told to leave (Plan.former_unsure: the month unsure)."""
        ranked = list(given.plans)
        stop = take(ranked, given.read, period, history).stop
        unsure = frozenset(getattr(ranked[0].plan, "former_unsure", ()))
        return ranked[0].sub.file, stop[0] if stop else None, unsure

    latest = taken(None)
    # the latest list's year's earlier months (a future month is refused, as a run refuses it)
    periods = sorted({entry.sub.period for entry in given.lists if entry.sub.period
                      and entry.sub.period[:4] == month[:4] and entry.sub.period < month})  # fmt: skip
    parts = []
    for period in periods:
        month_taken = taken(period)
        if month_taken == latest and not month_taken[1] and not month_taken[2]:
            continue  # a month that stops or is unsure is said in its words, with its run
        stop = month_taken[1]
        lists = [entry for entry in given.lists if entry.sub.period == period]
        files = {entry.sub.file for entry in lists}
        plans = {o.sub.file for o in given.plans}
        parts.append(
            _Given(
                issues=[issue for issue in given.issues if _of_month(issue, files, stop)],
                read=[sub for sub in given.read if sub.file in files | plans],
                plans=list(given.plans),
                lists=lists,
                period=period,
            )
        )
        given.issues = [issue for issue in given.issues if not _of_month(issue, files, stop)]
        given.read = [sub for sub in given.read if sub.file not in files]
        given.lists = [entry for entry in given.lists if entry.sub.file not in files]
    return [given, *parts]


def _used_again_once(given: list[_Given], checked: list[list[Issue]]) -> None:
    """A plan set aside in several months checked apart for the plan of the commune each was
    consolidated for (plan-duplicate 'commune': May and June run for Trung Lương, checked with
    July, each month's words naming it): said once, naming the months (session 47). Each
    part's issues (``checked``, of the parts ``given``) are changed in place."""
    from pipeline.planpick import used_again_said

    said: dict[tuple[str, str], list[tuple[list[Issue], Issue, str]]] = {}
    for part, issues in zip(given, checked, strict=True):
        for issue in issues if part.period else ():
            if issue.code != "plan-duplicate" or issue.variant != "commune":
                continue
            chosen, other = (next(o for o in part.plans if o.sub.file == name)
                             for name in (issue.detail, issue.file))  # fmt: skip
            if issue.instead == used_again_said(chosen, other, [part.period]):
                said.setdefault((issue.file, issue.detail), []).append((issues, issue, part.period))
    for months in said.values():
        if len(months) < 2:
            continue
        (first, issue, _), *rest = months
        chosen, other = (next(o for o in given[0].plans if o.sub.file == name)
                         for name in (issue.detail, issue.file))  # fmt: skip
        instead = used_again_said(chosen, other, [period for *_, period in months])
        first[first.index(issue)] = replace(issue, instead=instead, variant="commune-months")
        for issues, again, _ in rest:
            issues.remove(again)


def _of_month(issue: Issue, files: set[str], stop: str | None) -> bool:
    """Whether ``issue`` is said with a month checked apart (:func:`_by_months_commune`): of
    its lists (``files``), or the plan-invalid of the plan its run stops on (``stop``)."""
    return issue.file in files or (issue.file == stop and issue.code == "plan-invalid")


def _checked(
    given: _Given,
    history,
    movements: bool = True,
    command: RunCommand | None = None,
    before: Sequence[_Given] = (),
    running: Callable[[list[str]], None] | None = None,
    progress=None,
    seen: dict | None = None,
) -> list[Issue]:
    """The issues of the files of ``given`` checked with the plan a run takes among its plans
    (:func:`check_files`); ``movements``: with the run's movement warnings too; ``before``:
    the lists of earlier years given, each part with its year's plan (_by_plan_year), whose
    months not run are run first for them (_movements_said), ``running`` told them first, and
    each told to ``progress``. ``seen``, when given, gets ``not_sent``: (the month checked,
    the plan's hamlets no file given is of for it), None without the plan or a month."""
    from pipeline.consolidate import pages_not_skipped

    issues = given.issues  # what reading said, the plans, refusals, copies, documents, codes
    plan = _part_plan(given, history, command)
    _spoiled_plans(given, plan)
    # a copy of the files as read, before anything below settles them, for the run's movements
    moved = (
        _movements_said(plan, given, history, before, running, progress, command)
        if movements
        else []
    )
    rosters = [entry.sub for entry in given.lists]
    # 'tháng 5' with no year: the plan's, as in a run
    take_plan_year(rosters, plan, date.today().strftime("%Y-%m"))
    refused, stored = _identified(plan, rosters, history, issues)
    # a household that moved, left unclear in its list, that a list given of the hamlet it
    # moved to lists: taken out as a run takes it (consolidate.moved_where_listed)
    _moved_where_listed([s for s in rosters if id(s) not in refused], plan)
    checked, own, uncounted = _lists_checked(given.lists, plan, refused, issues, history)
    # a list no hamlet is told for (or naming a neighbour) holding a hamlet's households
    _holding_said(plan, rosters, issues, history, stored, uncounted)
    pages = [sub for sub in given.read if sub.extra.get("markup")]
    period = _month_checked(rosters, refused)[0]
    if seen is not None:
        seen["not_sent"] = _not_sent(plan, given, period)
    # an earlier month never run: its stray files said as its run will say them (session 57)
    unrun = _months_to_run(plan, rosters, refused, period, history)
    strays = _strays_of_months_to_run(given, plan, rosters, refused, pages, period, unrun)
    issues.extend(strays)
    # a file both runs say alike ('T6/DongKe_2024-07.csv': June's by its folder, July's by its
    # name) said once (session 57, review)
    documents = _documents_said(given.documents, plan, rosters, refused, given.damaged, pages)
    issues.extend(issue for issue in documents if issue not in strays)
    pages_not_skipped(issues, pages)  # one said as its hamlet's file, as in a run
    _other_months_skipped(issues, given, period, unrun)
    in_folders = {id(entry.sub): entry.where for entry in given.lists}
    counted = _newest_copies(checked, own, refused, plan is not None, in_folders, issues)
    _sent_again_said_once(issues)
    # an older copy set aside for a newer one a run refuses: the hamlet counts neither, as a
    # run says it (consolidate.newer_refused)
    from pipeline.consolidate import newer_refused

    newer_refused(issues, {sub.file for sub in checked if id(sub) in uncounted})
    order = [] if plan is None else list(plan.hamlet_names)
    start = None if plan is None else getattr(plan, "start_list", None)
    year = None if plan is None else plan.plan_year
    _codes_across_files(counted, refused, uncounted, order, issues, start, year)
    left_out_settled(checked, issues)  # as a run says them, every row's errors known
    issues.extend(_moved_duplicates(issues, moved))
    return issues


def _spoiled_plans(given: _Given, plan) -> None:
    """The files of ``given`` that look like the plan and are no hamlet's list
    (discover.looks_like_plan: a sheet of the plan's missing or misnamed), said as a run says
    them, not as lists (session 62; before, "Danh sách đầu năm (invalid-period): … hãy thêm
    trang 'Thông tin'" above the line naming the file as the plan): beside ``plan``, the plan
    taken, set aside (planpick.spoiled_plans_set_aside: a plan-duplicate warning each); with
    no plan given, or one of another year than the lists' (a run of them stops), said by that
    stop's line alone ('plan-missing', 'plan-of-other-year': cli), which names each; with the
    plan taken unusable (the run stops on it, naming no other file, whatever plan `check`
    goes on with: _plan_taken), by none (session 63: said as a list before). What reading one
    as a list said goes, in ``given`` (changed in place)."""
    from pipeline.discover import looks_like_plan
    from pipeline.planpick import spoiled_plans_set_aside

    # (the plans as the run ranks them, by _plan_taken: the first is the one it takes)
    used = plan is not None and given.plans[0].plan is plan
    if used and _plan_of_other_year(given) is None:
        aside = spoiled_plans_set_aside(plan, plan.file, given.read)
        files = {issue.file for issue in aside}
    else:
        aside = []
        files = {
            sub.file for sub in given.read if sub.kind != "unreadable" and looks_like_plan(sub)
        }
    if files:
        given.issues[:] = [issue for issue in given.issues if issue.file not in files]
        given.issues.extend(aside)
        given.lists[:] = [entry for entry in given.lists if entry.sub.file not in files]


def _moved_duplicates(issues: list[Issue], moved: list[Issue]) -> list[Issue]:
    """``moved`` (the run's movement warnings) less its Mã hộ used twice by a household moved,
    still on its old list (run.moved_duplicate), each worded so in place of `check`'s own at
    its cell (``issues``, changed in place): `check` says it as the run does (session 50)."""
    from pipeline.run import moved_duplicate

    told = {(i.file, i.sheet, i.cell): i for i in moved if moved_duplicate(i)}
    if told:
        for at, issue in enumerate(issues):
            run = told.get((issue.file, issue.sheet, issue.cell))
            if issue.code == "duplicate-household-id" and not issue.variant and run is not None:
                issues[at] = replace(issue, variant=run.variant, instead=run.instead)
    return [issue for issue in moved if not moved_duplicate(issue)]


def _movements_said(
    plan,
    given: _Given,
    history,
    before: Sequence[_Given] = (),
    running: Callable[[list[str]], None] | None = None,
    progress=None,
    command: RunCommand | None = None,
) -> list[Issue]:
    """With the plan given, what a run of the files given would warn of from its movement
    tables (run.movement_warnings: a household of the start list or of last month's missing
    now without 'Thoát', a 'Thoát' for a household on no list), worked out by the run's own
    code on a copy of the files as read, against ``history`` (only read). Each list is named
    there by its path read for the month of its folder (shown_names), as a run of the folder
    holding them names it, so that a copy set aside for the month its folder names is set
    aside there too; what is said names it as `check` does. Without the plan, nothing: the
    start list is the plan's, the hamlets its names. ``before``: the lists of earlier years
    given with their year's plan (:func:`_months_not_run`), and those of an earlier year whose
    plan is not given with the copy the history keeps (:func:`_kept_year_parts`), the months
    run so noted in ``given.run_with_kept``; ``running``: told those months before they are
    run (:func:`check_files`). ``progress`` (a cli.Progress) is told of each
    month run, the latest too, when there are several (session 51: eleven months of last
    year's lists of the sample commune not run took some 5 s of `check`'s 11). ``command``: as
    :func:`_checked`'s, an earlier year's part's plan taken with it (:func:`_part_plan`: once,
    for its months run here and for its own check after).
    """
    from pipeline.history import HistoryError
    from pipeline.run import movement_warnings

    if plan is None:
        return []
    named = _named_as_run(given)
    shown = dict(zip(named, (sub.file for sub in given.read), strict=True))
    said = None
    try:
        # an earlier year's months whose plan is not given: with its copy kept (session 51)
        before = [*before, *_kept_year_parts(given, history, before)]
        earlier = _months_not_run(given, history, before)
        if earlier:  # each month against the one before, as runs in order take them (session 50)
            step = getattr(progress, "step", None)
            with _scratch_history(history) as kept:
                if running is not None:  # (a history that cannot be copied: none run, none said)
                    running([month for month, _ in earlier])
                said = []
                for done, (month, part) in enumerate(earlier):
                    if step is not None:
                        step(MOVEMENTS, done, len(earlier) + 1)
                    taken, there = plan, named
                    if part is not given:  # an earlier year's month: its plan (session 51)
                        taken = _part_plan(part, history, command)
                        there = _named_as_run(part)
                        shown.update(zip(there, (sub.file for sub in part.read), strict=True))
                    if taken is not None:
                        said += movement_warnings(taken, part.read, kept, there, month, kept)
                        if part.kept is not None:  # with the history's copy of its plan
                            given.run_with_kept.append((month, *part.kept))
                if step is not None:
                    step(MOVEMENTS, len(earlier), len(earlier) + 1)
                said += movement_warnings(plan, given.read, kept, named)
                if step is not None:
                    step(MOVEMENTS, len(earlier) + 1, len(earlier) + 1)
    except (sqlite3.Error, HistoryError, OSError):
        said = None  # a history that cannot be copied (held, damaged): the latest month alone
        given.run_with_kept.clear()  # no month compared with a kept plan then
    if said is None:
        said = movement_warnings(plan, given.read, history, named)
    # (moved-not-listed's 'refused' variant names the refused list in its detail: as given)
    refused = lambda i: i.code == "moved-not-listed" and i.variant == "refused"  # noqa: E731
    # (households-mostly-gone's 'other-file' names the file set aside in its instead: as given)
    other = lambda i: i.code == "households-mostly-gone" and i.variant == "other-file"  # noqa: E731
    return [
        replace(
            issue,
            file=shown.get(issue.file, issue.file),
            detail=shown.get(issue.detail, issue.detail) if refused(issue) else issue.detail,
            instead=shown.get(issue.instead, issue.instead) if other(issue) else issue.instead,
            # (exited-not-listed-at-start's 'other-hamlet-refused' names the refused list there)
            elsewhere=shown.get(issue.elsewhere, issue.elsewhere),
        )
        for issue in said
    ]


def _named_as_run(given: _Given) -> list[str]:
    """Each file of ``given.read`` named by its path read for the month of its folder
    (shown_names), as a run of the folder holding them names it; as named when two lists
    would have one path there."""
    in_folders = {id(entry.sub): entry.where for entry in given.lists}
    named = [in_folders.get(id(sub), sub.file) for sub in given.read]
    if len(set(named)) < len(named):
        named = [sub.file for sub in given.read]  # two lists of one path there: as named
    return named


def _months_not_run(
    given: _Given, history, before: Sequence[_Given] = ()
) -> list[tuple[str, _Given]]:
    """The months of the lists given before the latest one that ``history`` has not stored
    (none run yet), in calendar order, each with the files its run takes: each is said as its
    run will say it. Of the latest list's year, ``given`` (its lists with an earlier year's
    month in their cell stay unrun, as before: no plan of theirs); of an earlier year, the
    part of ``before`` holding that year's lists with its plan (_by_plan_year): December
    before January (session 51; it was left out, January said against the months stored)."""
    months = {entry.sub.period for entry in given.lists if entry.sub.period}
    if not months:
        return []
    latest = max(months)
    runs = {m: given for m in months if m < latest and m[:4] == latest[:4]}
    for part in before:
        for entry in part.lists:
            if entry.sub.period and entry.sub.period[:4] < latest[:4]:
                runs.setdefault(entry.sub.period, part)
    stored = {p["period"] for p in history.periods()} if history is not None else set()
    return [(m, runs[m]) for m in sorted(runs) if m not in stored]


def _kept_year_parts(given: _Given, history, before: Sequence[_Given] = ()) -> list[_Given]:
    """The lists of ``given`` of an earlier year than its latest list's, months the history has
    not stored, whose year's plan is not among the files given (none of ``before`` holds them:
    _by_plan_year), put apart as _by_plan_year puts them with that plan given, the plan being
    the copy the history keeps of it (run.kept_plan_copy_of_year: the bytes a run of that year
    read, kept in output/YYYY-MM/nguon/). In January, last year's plan taken out of the input
    folder as the guide allows, December's lists given with January's are so run first, as the
    runs in calendar order will run them once that copy is put back (December's run stops
    without it): January is compared with December, not with the months stored (session 51).
    A year without such a copy, or whose copy is no usable plan: nothing, as before."""
    from pipeline.run import kept_plan_copy_of_year

    months = {entry.sub.period for entry in given.lists if entry.sub.period}
    if history is None or not months:
        return []
    latest = max(months)
    apart = {entry.sub.file for part in before for entry in part.lists}
    stored = {p["period"] for p in history.periods()}
    earlier = [entry.sub for entry in given.lists
               if entry.sub.period and entry.sub.period[:4] < latest[:4]
               and entry.sub.period not in stored and entry.sub.file not in apart]  # fmt: skip
    parts: list[_Given] = []
    for year in sorted({sub.period[:4] for sub in earlier}):
        kept = kept_plan_copy_of_year(history, [s for s in earlier if s.period[:4] == year], None)
        if kept is None:
            continue
        (outcome,) = _read([(kept[0], kept[0].name)])
        if outcome.plan is None or outcome.plan.plan_year != int(year):
            continue
        with_kept = replace(given, plans=[*given.plans, outcome])
        taken = [part for part in _by_plan_year(with_kept)[1:] if outcome in part.plans]
        parts += [replace(part, kept=kept) for part in taken]
    return parts


@contextmanager
def _scratch_history(history):
    """A HistoryStore in a scratch folder (deleted after), a copy of ``history`` (None: empty),
    that months not run yet are stored in, in order, for `check` to compare each later month
    with them as its run will: ``history`` itself is only read."""
    import tempfile

    from pipeline.history import HISTORY_FILE, HistoryStore
    from pipeline.history_read import READ_ONLY_WAIT, open_read_only

    with tempfile.TemporaryDirectory(prefix="giamngheo-check-") as folder:
        path = Path(folder) / HISTORY_FILE
        if history is not None and history.exists():
            # opened as `check` reads the store (its path quoted: '#', '?', '%'; in WAL mode no
            # file made beside it), a read begun first: one held by a program writing is said
            # locked after READ_ONLY_WAIT, where the backup itself waits without end
            with (
                closing(
                    open_read_only(history.path, READ_ONLY_WAIT, isolation_level=None)
                ) as source,
                closing(sqlite3.connect(path)) as copy,
            ):
                source.execute("BEGIN")
                source.execute("SELECT count(*) FROM sqlite_master").fetchone()
                source.backup(copy)
        yield HistoryStore(path)


def _read_given(paths: list[Path], progress=None, listed: list[Path] | None = None) -> _Given:
    """The files given (each file in a folder given, each once; ``listed``: as the command
    listed them, else listed here), read and sorted: a file not there said so
    (file-not-found), the plans with what each says of itself, the documents and damaged
    spreadsheets (said with the plan, below), the rosters."""
    given = _Given()
    alone = {os.path.abspath(path) for path in paths if not path.is_dir()}
    found = [(path, path.exists()) for path in (expand(paths) if listed is None else listed)]
    there = [path for path, exists in found if exists]
    named = shown_names(there, paths)
    tasks = [(path, name) for path, (name, _) in zip(there, named, strict=True)]
    outcomes = iter(_read(tasks, progress))
    in_folder = iter(where for _, where in named)  # each file's path read for its folder month
    for path, exists in found:
        if not exists and os.path.abspath(path) not in alone:
            given.left_out.append(path)  # found in a folder given, gone since: as below
            continue
        if not exists:
            # its full path when typed relative: `check input` in another folder (session 57)
            given.issues.append(
                Issue("file-not-found", file=str(path), detail=full_path_said(path))
            )
            continue
        outcome = next(outcomes)
        where = next(in_folder)
        if gone_since_listed(outcome):
            # gone between the listing and the reading: one found in a folder given is left
            # out, as a run leaves it out (its hamlet missing); one given by itself is said not
            # there, as if gone before (session 62)
            if os.path.abspath(path) in alone:
                given.issues.append(
                    Issue("file-not-found", file=str(path), detail=full_path_said(path))
                )
            else:
                given.left_out.append(path)
            continue
        sub = outcome.sub
        given.read.append(sub)
        given.issues.extend(outcome.issues)
        if os.path.abspath(path) in alone:
            given.named.add(sub.file)
        if sub.kind == "plan":
            given.plans.append(outcome)
            own = _plan_said(outcome)
            given.issues.extend(own)
            given.own.update(own)
            continue
        if sub.extra.get("document"):
            given.documents.append(sub)  # said below, with the plan if one is given
            continue
        if sub.kind == "unreadable":
            given.damaged.append(sub)  # may be its hamlet's refused file, over a photo or CSV
        if sub.kind == "roster" and sub.status != "rejected":
            given.lists.append(_List(sub, path, where, outcome.issues))
    return given


def _identified(
    plan, rosters: list[Submission], history, issues: list[Issue]
) -> tuple[set[int], dict[str, dict] | None]:
    """Whose list each roster is (sets ``sub.hamlet``): with the plan, as a run tells it
    (_whose), what it says of that added to ``issues``; without, its 'Xóm' or title as
    written, else its file name. Returns the id() of those the plan refuses for their hamlet,
    and the stored months _whose read of ``history`` (None: none read)."""
    if plan is None:
        for sub in rosters:
            sub.hamlet = sub.hamlet_raw or sub.file
        return set(), None
    told, refused, stored = _whose(plan, rosters, history)
    issues.extend(told)
    return refused, stored


def _hamlet_blank(sub: Submission) -> Issue:
    """A blank 'Xóm' (the title naming none) said without the plan, at its cell."""
    return Issue(
        "hamlet-blank",
        file=sub.file,
        sheet=sub.extra["info_sheet"],
        cell=info_cell(sub, "hamlet"),
        column=ROSTER_INFO_LABELS["hamlet"][0],
    )


def _lists_checked(
    lists: list[_List], plan, refused: set[int], issues: list[Issue], history=None
) -> tuple[list[Submission], dict[int, list[Issue]], set[int]]:
    """Each roster the plan does not refuse, checked as a run checks it: one refused for its
    month said by that alone (and not checked), another month's list told as such, and the
    hamlet's warning of the plan, in ``issues``. Returns the rosters checked, their own
    checks' issues (by id(), said below unless older copies) and the id() of those a run would
    refuse for an error of their own (still their hamlet's copy). ``history``: the run's
    (read-only) history store or None: the households it shows out of the lists before a
    list's month, as a run tells a row of one copied on (rosterchecks.left_copied_on)."""
    now = date.today().strftime("%Y-%m")
    left_by_month: dict[str, dict[str, str]] = {}

    def left_of(period: str) -> dict[str, str]:
        from pipeline.history import HistoryError

        if period not in left_by_month:
            try:
                left_by_month[period] = left_in_history(history, period)
            except HistoryError:  # a damaged history tells nothing (the run says it)
                left_by_month[period] = {}
        return left_by_month[period]

    starts = {} if plan is None else plan.start_households
    stored = _stored_months(history)
    # (period, hamlet) of each list a run takes as that hamlet's list of that period
    sent = {
        (entry.sub.period, fold(entry.sub.hamlet))
        for entry in lists
        if id(entry.sub) not in refused and entry.sub.period and entry.sub.period <= now
    }
    written = _communes_written(lists, plan, refused, now, issues)
    checked: list[Submission] = []
    own: dict[int, list[Issue]] = {}  # id() of a roster checked -> its own checks' issues
    uncounted: set[int] = set()  # id() of the files a run would refuse for an error of their own
    emptied: set[int] = set()
    for sub, path, where, read_said in lists:
        if id(sub) in refused:
            continue  # said by the plan's refusal alone, as in a run
        if plan is None and not sub.hamlet_raw and info_error(sub, "hamlet") is not None:
            # A 'Xóm' cell showing an error value, the title naming no hamlet: only the plan
            # can tell whether the file name names one, as a run would take it; without it,
            # the cell is said as a run says it when nothing names the hamlet.
            issues.append(unread_info(sub, "hamlet"))
            uncounted.add(id(sub))
        elif (
            plan is None
            and not sub.hamlet_raw
            and sub.extra.get("info_sheet")  # without one, missing-info-sheet says it
            and "hamlet" not in sub.extra.get("info_formulas", {})
        ):
            # Blank, the title naming none either: only the plan can tell whether the file
            # name names a hamlet (a run then takes it, or refuses the list, missing-hamlet);
            # without it, the cell is said as one a run may not be able to do without.
            issues.append(_hamlet_blank(sub))
        if sub.period is None or sub.period > now:
            # refused for its month, as in a run, before any other check
            issues.append(_month_refused(sub, now))
            continue
        if plan is not None and "hamlet_warning" in sub.extra:
            issues.append(sub.extra["hamlet_warning"])  # said of an older copy too, as in a run
        said, another = _own_checks(
            sub,
            path,
            where,
            plan,
            starts,
            sent,
            lambda p=sub.period: left_of(p),
            written.get(sub.period, ""),
            [entry.sub for entry in lists],
            _counted_in_its_month(sub, plan, lists, refused, stored),
        )
        own[id(sub)] = said
        if another is not None:
            # the run of that month says it; the run of the month its cell says takes it as a
            # copy of its list of that month (_newest_copies)
            issues.append(another)
        checked.append(sub)
        rows = sub.households["valid"]
        if _refused([*read_said, *said]) or (len(rows) and not rows.any()):
            uncounted.add(id(sub))  # an error of the file, or every row left out: refused
        if any(issue.code == "empty-list" for issue in said):
            emptied.add(id(sub))  # still its hamlet's copy
    return checked, own, uncounted | emptied


def _newest_copies(
    checked: list[Submission],
    own: dict[int, list[Issue]],
    refused: set[int],
    by_plan: bool,
    in_folders: dict[int, str],
    issues: list[Issue],
) -> list[Submission]:
    """Copies of one hamlet's list of one period: the newest counts, as in a run, and its own
    checks' issues (``own``) are said; an older copy is said to be one, and no more (a run
    checks it no further: _older_copies). Returns the rosters checked that are no older copy
    and whose rows a run reads (not those with a header it refuses)."""
    older = {id(sub) for sub in _older_copies(checked, refused, issues, by_plan, in_folders)}
    # One told as another month's list (its cell left stale), not that month's very file sent
    # again, is still checked by the run of that month (consolidate.rows_told_uncounted,
    # session 51), though a copy of the month its cell says: its own checks are said too.
    told = {i.file for i in issues if i.code in PERIOD_DIFFERS and i.variant != "same-file"}
    for sub in checked:
        if id(sub) not in older or sub.file in told:
            issues.extend(own[id(sub)])
    return [sub for sub in checked if id(sub) not in older and len(sub.households.columns) > 1]


def _sent_again_said_once(issues: list[Issue]) -> None:
    """Last month's list sent again under this month's name ('DS_BanCo_2024-05.xlsx' holding
    the bytes of 'DS_BanCo_2024-04.xlsx', 'Kỳ báo cáo' 04/2024): April's run sets it aside as a
    copy of its list, nothing to do (`superseded`, 'same-file'); May's counts it not, the hamlet
    to send May's list (period-differs-*, 'same-file'). `check` of both months says the second
    alone, which names the same file and what to do (session 46): the two contradicted."""
    sent_again = {
        (issue.file, issue.instead)
        for issue in issues
        if issue.code in PERIOD_DIFFERS and issue.variant == "same-file"
    }
    issues[:] = [
        issue
        for issue in issues
        if not (
            issue.code == "superseded"
            and issue.variant == "same-file"
            and (issue.file, issue.detail) in sent_again
        )
    ]


def _codes_across_files(
    counted: list[Submission],
    refused: set[int],
    uncounted: set[int],
    order: list[str],
    issues: list[Issue],
    start=None,
    year: int | None = None,
) -> None:
    """A Mã hộ or ID number used twice among the lists a run counts together
    (_consolidated_together), said in ``issues`` as a run says it (rosterchecks.households_twice),
    the lists in the plan's order of their hamlets (``order``); a row without its Mã hộ told
    the plan's start list's (``start``) code of its household, as a run (codes_from_start);
    in a month of the plan's year (``year``), one household on two hamlets' lists under two
    codes, one the start list's, counted where the start list has it, the other row left out
    (rosterchecks.kept_by_start_list, as a run; session 57); rows taken out as another
    hamlet's that hamlet's list among them holds said counted there
    (consolidate.listed_where_named)."""
    from pipeline.consolidate import listed_where_named

    columns = ["ma_ho", "so_dinh_danh", "chu_ho", "nam_sinh", "phan_loai", "excel_row", "sheet",
               "valid"]  # fmt: skip
    for together in _consolidated_together(counted, refused, uncounted, order):
        # with 'Ghi chú' where read: a row noted as moved in (kept_by_start_list)
        frames = [sub.households[[*columns, *(["ghi_chu"] if "ghi_chu" in sub.households else [])]]
                  for sub in together]  # fmt: skip
        owners = np.repeat(np.arange(len(together)), [len(f) for f in frames])
        rows = pd.concat(frames, ignore_index=True)
        before = rows["valid"].to_numpy().copy()
        twice: list[Issue] = []  # this month's alone: kept_by_start_list reads them
        households_twice(rows, together, owners, twice)
        kept_elsewhere: dict[str, list[str]] = {}
        if start is not None and year and str(together[0].period)[:4] == f"{year:04d}":
            # one household on two hamlets' lists, counted where the start list has it
            kept_elsewhere = kept_by_start_list(
                rows, lambda row, of=together, at=owners: of[at[row]], twice, start
            )
        issues.extend(twice)
        # a list whose every row is then left out: refused, as a run refuses it (session 53)
        across = rows_refuse_across(rows["valid"].to_numpy(), owners, together, before)
        refused_for_start_list(across, kept_elsewhere)
        files = {together[position].file for position in across}
        if files:
            issues[:] = [far_total_settled([i], False)[0] if i.file in files else i
                         for i in issues]  # fmt: skip
            issues.extend(across.values())
        rows["hamlet"] = [together[owner].hamlet for owner in owners.tolist()]
        # rows taken out as another hamlet's whose households its list here holds: said counted
        # there, as a run says them (consolidate.listed_where_named; session 55, R8)
        listed_where_named(issues, together, rows)
        if start is not None:
            rows["file"] = [together[owner].file for owner in owners.tolist()]
            codes_from_start(start, rows, issues)


def _plan_said(outcome: Outcome) -> list[Issue]:
    """What a plan file read says of itself: its own issues and where its start counts differ
    from its start list, or why it cannot be used."""
    sub = outcome.sub
    if outcome.plan is not None:
        return [*outcome.plan_issues, *start_mismatches(outcome.plan)]
    if outcome.plan_error is None:
        return []
    # the reason in both languages (a messages.Message): the line prints in --lang's
    reason = outcome.plan_error
    detail = Message(
        without_file_name(str.__str__(reason), sub.file),
        without_file_name(getattr(reason, "en", str.__str__(reason)), sub.file),
    )
    return [Issue("plan-invalid", file=sub.file, detail=detail)]


def _part_plan(given: _Given, history, command: RunCommand | None = None):
    """The plan a run of ``given``'s lists takes (:func:`_plan_taken`, what it says added to
    ``given.issues``), taken once: an earlier year's part is taken for its months run first
    (_movements_said, with the latest part's check), then checked itself (_checked)."""
    if not given.taken:
        plan = _plan_taken(given.plans, given.read, given.issues, history, command, given.said_of)
        given.taken = (plan,)
    return given.taken[0]


def _plan_taken(
    plans: list[Outcome],
    read: list[Submission],
    issues: list[Issue],
    history=None,
    command: RunCommand | None = None,
    said_of: set[str] | None = None,
):
    """The plan a run takes among those read, by the run's rule (planpick.take: of the year of
    the latest list, else the newest file; at a merger, of the commune ``history`` gives the
    latest list's month), each other plan of that year said (plan-duplicate); when it cannot
    be used (the run stops on it), the next that can; None without any. None too when the
    month's commune has no usable plan (the run stops, not counting it by another commune's):
    the plan's plan-invalid says the run's words, no other plan said used (session 46).
    ``said_of``, when given, gets the files whose own lines are said (:func:`check_files`):
    the plan returned; where the run stops on a plan, every plan (session 64, H2)."""
    from pipeline.planpick import take, taken_unusable

    if not plans:
        return None
    year, _, said, stop, again = take(plans, read, None, history, command)
    if stop is None and plans[0].plan is not None:
        issues.extend(said)
    file, words = stop or (None, None)
    if plans[0].plan is None:  # the plan taken cannot be used: the run stops on it, in these
        # words, using no other plan (no plan-duplicate says one used: session 47)
        file, words, again = plans[0].sub.file, taken_unusable(plans, year), ""
    # a plan whose 'Năm kế hoạch' is blank is told the year the lists need, as a run tells it;
    # the plan of the month's commune unusable, the run's words (the stop has the year too),
    # which end with the run to paste (Issue.command)
    issues[:] = [
        (
            replace(
                issue,
                detail=Message(
                    without_file_name(str.__str__(words), file), without_file_name(words.en, file)
                ),
                command=again,
            )
            if issue.file == file
            else replace(issue, detail=with_year_needed(issue.detail, year))
        )
        if issue.code == "plan-invalid"
        else issue
        for issue in issues
    ]
    if said_of is not None and file is not None:
        # the run stops on a plan: which it takes once fixed is the officer's fix (the newest
        # corrected, or moved out, as the stop offers), so each plan says its lines (session 47)
        said_of.update(outcome.sub.file for outcome in plans)
    if stop is not None:  # the run takes no plan
        return None
    taken = next((outcome for outcome in plans if outcome.plan is not None), None)
    if taken is None:
        return None
    if said_of is not None:
        said_of.add(taken.sub.file)
    return taken.plan


def _communes_written(
    lists: list[_List], plan, refused: set[int], now: str, issues: list[Issue]
) -> dict[str, str]:
    """Period -> the commune's name its lists write when the plan's 'Xã' looks mistyped
    (consolidate.plan_commune_typo, one list a hamlet: the first given), as a run of that
    period finds it; the plan's warning said once a name, in ``issues``."""
    from pipeline.consolidate import plan_commune_typo

    if plan is None:
        return {}
    by_period: dict[str, dict[str, Submission]] = {}
    for entry in lists:
        sub = entry.sub
        if id(sub) not in refused and sub.period and sub.period <= now and sub.hamlet:
            by_period.setdefault(sub.period, {}).setdefault(fold(sub.hamlet), sub)
    written: dict[str, str] = {}
    said: set[str] = set()
    for period in sorted(by_period):
        typo = plan_commune_typo(list(by_period[period].values()), plan)
        if typo is not None:
            written[period] = typo[0]
            if typo[0] not in said:
                said.add(typo[0])
                issues.append(typo[1])
    return written


def _month_refused(sub: Submission, now: str) -> Issue:
    """The issue a run refuses a list with for its 'Kỳ báo cáo' (consolidate._identify,
    _refuse_future): unreadable, or after this month (``now``, 'YYYY-MM')."""
    return future_period_issue(sub, now) if sub.period is not None else period_unread_issue(sub)


def _moved_where_listed(rosters: list[Submission], plan) -> None:
    from pipeline.consolidate import moved_where_listed

    if plan is None:
        moved_where_listed(rosters, None)
    else:
        moved_where_listed(rosters, _matcher(plan), getattr(plan, "start_list", None))


def _matcher(plan):
    from pipeline.hamlets import HamletMatcher

    return HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)


def _own_checks(
    sub: Submission,
    path: Path,
    where: str,
    plan,
    starts: dict[str, int],
    sent: set[tuple[str, str]],
    left=None,
    written: str = "",
    others: list[Submission] = (),
    counts_there: bool = False,
) -> tuple[list[Issue], Issue | None]:
    """A list's own checks, as a run makes them of the list it counts (consolidate._check_file
    and the rows): its 'Thông tin' values, its header, its rows, its total against the
    households listed. Sets ``sub.households`` (the rows validated). Returns the issues, and
    the warning telling it as another month's list (period-differs-*, said by the run of that
    month) or None. ``others``: the lists given, one holding the same bytes said (last month's
    file sent again: consolidate.same_list). ``counts_there``: the run of the month its cell
    says counts it (:func:`_counted_in_its_month`): its rows are read of that month's year,
    as that run reads them, even where another month's run tells it (session 52)."""
    from pipeline.consolidate import commune_mismatch, total_households

    found: list[Issue] = []
    # as a run reads it: left blank, the plan's start-of-year count (said without the number
    # when the plan is not given)
    start = starts.get(sub.hamlet)
    total = total_households(sub, start, found)
    if not sub.extra.get("info_sheet"):
        if plan is None:  # sub.hamlet is then the file's name when nothing else names one
            hamlet = clean_text(sub.hamlet_raw) or None
            found.append(missing_info_sheet_issue(sub, hamlet, plan_given=False))
        else:
            found.append(missing_info_sheet_issue(sub, sub.hamlet))
    if plan is not None and (other := commune_mismatch(sub, plan, written)) is not None:
        found.append(other)
    found.extend(info_issues(sub, sub.hamlet))
    another = _told_as_another_month(sub, path, where, sent, others)
    # another hamlet's rows named as the plan writes the hamlet, when the plan is given
    header = header_issues(sub, None if plan is None else lambda: _matcher(plan))
    found.extend(header)
    if plan is not None and not sub.rows_read and (listed := listed_at_start(plan).get(sub.hamlet)):
        found.append(empty_list_issue(sub, listed))
    passed = not any(i.severity == "error" for i in found)  # its file-level checks, as in a run
    if any(i.severity == "error" for i in header):
        sub.households = pd.DataFrame(columns=["valid"])
        return far_total_settled(found, False), another  # as in a run: its rows unread
    # Every table of the roster (a list may go on in other sheets), as in a run: by the plan's
    # poverty standard and area when the plan is given, else the standard in force in the
    # list's year, rural (the area is the plan's to say). A list told as another month's (not
    # that month's very file sent again) is checked as the run of that month checks it, of
    # that month's year (consolidate.rows_told_uncounted): January's left at December, 2025;
    # but of its cell's year where the run of that month counts it (session 52).
    told = another is not None and another.variant != "same-file" and not counts_there
    year = int(str(another.detail)[-4:]) if told else int(sub.period[:4])
    standard, area = (
        (standard_for_year(year), "rural") if plan is None else (plan.standard, plan.area)
    )
    start_list = None if plan is None else plan.start_list  # no code of it is told an ID number
    done = validate_rosters(
        [sub],
        report_year=year,
        standard=STANDARDS[standard],
        area=area,
        left=left,
        start=start_list,
        hamlets=None if plan is None else lambda text: _matcher(plan).match(text),
    )
    found.extend(done.issues[0])
    counted = passed
    if passed:
        # As in a run, which refuses such a list for its rows (no plan needed to tell): every
        # row left out, or a total below the households listed (not known without the plan
        # when left blank).
        typed = done.typed
        counts = (len(typed), int(typed["valid"].sum()), int(listed_as_poor_or_near(typed).sum()))
        if (refusal := rows_refuse(sub, total, *counts)) is not None:
            found.append(refusal)
            counted = False
    sub.households = done.typed
    return far_total_settled(found, counted), another


def _stored_months(history) -> set[str]:
    """The months ``history`` (a read-only store, or None) has stored; none when it cannot be
    read (the run says why)."""
    from pipeline.history import HistoryError

    if history is None:
        return set()
    try:
        return {p["period"] for p in history.periods()}
    except (HistoryError, sqlite3.Error, OSError):
        return set()


def _counted_in_its_month(
    sub: Submission, plan, lists: list[_List], refused: set[int], stored: set[str]
) -> bool:
    """Whether the run of the month ``sub``'s 'Kỳ báo cáo' says would count it, as `check` can
    tell: that month not stored in the history (a run of it still to come, as
    :func:`_months_not_run` runs it first), its year's plan the one checking it (``plan``; with
    no plan or another year's, that run is not seen here: it may stop), and no other list of
    its hamlet and month among ``lists`` the plan does not refuse (``refused``), which a run
    would take before one told as another month's (_older_copies). A list left at December
    in January's file is then December's list in December's run, read of December's year
    (session 52; session 51 read it of January's wherever January's run told it)."""
    if plan is None or not sub.period or sub.period in stored:
        return False
    if plan.plan_year != int(sub.period[:4]):
        return False
    hamlet = fold(sub.hamlet)
    return not any(
        entry.sub is not sub
        and id(entry.sub) not in refused
        and entry.sub.period == sub.period
        and fold(entry.sub.hamlet) == hamlet
        for entry in lists
    )


def _told_as_another_month(
    sub: Submission,
    path: Path,
    where: str,
    sent: set[tuple[str, str]],
    others: list[Submission] = (),
) -> Issue | None:
    """The warning for a list whose file name, title or folder says it is another month's
    list than its 'Kỳ báo cáo' says (period-differs-*), as the run of that month says it
    (rosterchecks.named_for): when its hamlet sent no list of that month among the files
    given (``sent``: (period, folded hamlet) of the lists a run takes for them). Its hamlet's
    list of that month counting, the run of that month says nothing of it, and it is a copy of
    the month its cell says. None for any other."""
    from pipeline.consolidate import same_list

    if sub.extra.get("period_from") not in (None, "title"):
        return None  # a period read from the file name: no other month to tell
    named = find_period_in_text(path.stem)
    titled = title_periods(sub)
    if named and named != sub.period:
        month, where = named, "file-name"
    elif named is None and len(titled) == 1 and sub.period not in titled:
        month, where = titled.pop(), "title"
    elif named is None and titled <= {sub.period}:
        # the folder it sits in naming another month (rosterchecks.named_for), or the very
        # bytes of the hamlet's list of the month its cell says there, whatever its 'Ngày lập'
        # (consolidate.consolidate; session 43)
        month = _in_folder(where, int(sub.period[:4]))
        if month is None or month == sub.period:
            return None
        if named_for(sub, month, file=where) != "folder" and not same_list(sub, others):
            return None
        where = "folder"
    else:
        return None
    if (month, fold(sub.hamlet)) in sent:
        return None
    return period_differs_issue(sub, month, where, same_list(sub, others))


def _documents_said(
    documents: list[Submission],
    plan,
    rosters: list[Submission],
    refused: set[int],
    damaged: list[Submission] = (),
    pages: list[Submission] = (),
) -> list[Issue]:
    """Each photo, PDF, Word or CSV file's one issue, as a run says it
    (consolidate.document_issue): with the plan given, one named for a plan hamlet that sent no
    other list of the period a run would consolidate (the latest of the lists given that the
    plan does not refuse, else the month the file's name gives; a list refused for its rows,
    its total or being empty is still the list its hamlet sent) is that hamlet's refused file,
    `not-a-spreadsheet`, when it is the newest of the files a run weighs for that
    (consolidate._unsettled): these, the spreadsheets that could not be read named for the
    hamlet and of the period (``damaged``), its lists whose month could not be read or is after
    this one, and the lists of the period (or of no month read) the plan refuses for their
    hamlet that are still told to be its (a title or file name naming it, a 'Xóm' written for
    it). One named for a plan hamlet whose name or folder gives another month than the
    period is that month's file, nothing said of it (consolidate.document_of_month, as in a
    run: 'T6/KhuoiTat.csv' in a check of July; session 55). Any other, and every one without
    the plan (no hamlet to name), is `file-skipped`.
    ``refused``: the id() of rosters the plan refuses (pipeline.consolidate.hamlet_refused).
    ``pages``: the web pages saved under a workbook's name with no list in them (discover's
    ``extra["markup"]``): one named for a hamlet of the plan that sent nothing else is its
    refused file, `file-unreadable`, as a run takes it (consolidate.web_pages_refused, after
    the files above; session 49), unless its name or folder gives another month than the
    period (consolidate.month_of_file: 'T6/BanCo.xlsx' in a check of June's and July's
    folders is June's, as a run of July takes it: consolidate.not_a_roster_of_month)."""
    from pipeline.consolidate import (
        document_issue,
        document_of,
        document_of_month,
        list_periods,
        month_of_file,
        named_by_file_name,
        newest_refused,
        web_pages_refused,
    )
    from pipeline.discover import web_page_issue
    from pipeline.hamlets import HamletMatcher

    sent_as: dict[str, Submission] = {}
    said: list[Issue] = []  # the web pages taken as their hamlets' refused files
    if plan is not None:
        matcher = HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)
        now = date.today().strftime("%Y-%m")
        period, counted = _month_checked(rosters, refused)
        sent = {s.hamlet for s in counted if s.period == period}
        weighed: list[tuple[str, Submission]] = []  # (hamlet, a file it may be refused for)
        lists = list_periods(rosters)
        for doc in documents:
            doc.hamlet = document_of(
                doc, matcher, period or find_period_in_text(Path(doc.file).stem)
            )
            if doc.hamlet:
                weighed.append((doc.hamlet, doc))
            else:  # another month's, by its name or folder: said when that month is run
                document_of_month(doc, matcher, period, lists)
        for sub in damaged:
            named, of_period = named_by_file_name(
                sub, matcher, period or find_period_in_text(Path(sub.file).stem)
            )
            if named and of_period:
                weighed.append((named, sub))
        for sub in rosters:
            if id(sub) in refused:
                weigh = sub.period in (None, period)  # the hamlet it is told to be, if any
            else:
                weigh = sub.period is None or sub.period > now
            if weigh and sub.hamlet:
                weighed.append((sub.hamlet, sub))
        sent_as = newest_refused(weighed, sent)  # the newest, as in a run
        by_period: dict[str | None, list[Submission]] = {}
        for page in pages:
            if month_of_file(page.file, period) is not None:
                continue  # another month's ('T6/BanCo.xlsx'), as in a run (session 55, K)
            by_period.setdefault(period or find_period_in_text(Path(page.file).stem), []).append(
                page
            )
        for of_period, named in by_period.items():
            taken = web_pages_refused(named, matcher, of_period, sent | set(sent_as))
            said += [replace(web_page_issue(sub), hamlet=h) for h, sub in taken.items()]
    told = [document_issue(doc, sent_as) for doc in documents]
    return [issue for issue in told if issue is not None] + said


def _not_sent(
    plan, given: _Given, period: str | None
) -> tuple[str, list[str], dict[str, tuple[str, str]]] | None:
    """(``period``, the hamlets of ``plan`` in its order that no file of ``given`` is told of
    for it, and of those the file skipped unread found named for each: its path and kind, as
    consolidate.named_skipped_files gives them), as a run's "Chưa nộp" names them (session
    57): a list of the month (counted or refused), or a file of no month a hamlet's name is
    read from (a damaged copy, a web page named for it), is the hamlet's; a shortcut, hidden
    file, compressed file or hidden or output folder's list named for it, skipped, is named
    beside it (H3). None without the plan or a month checked."""
    from pipeline.consolidate import named_by_file_name, named_skipped, named_skipped_files

    if plan is None or period is None:
        return None
    told = {e.sub.hamlet for e in given.lists if e.sub.hamlet and e.sub.period in (None, period)}
    matcher = _matcher(plan)
    for sub in given.read:
        if sub.kind == "unreadable" or sub.extra.get("markup") or sub.extra.get("document"):
            hamlet, of_period = named_by_file_name(sub, matcher, period)
            if hamlet and of_period:  # the run's file of the hamlet (consolidate._unsettled)
                told.add(hamlet)
    named_skipped(given.read, matcher, period, told)  # as a run names them (session 51)
    skipped = named_skipped_files(given.read)
    return period, [name for name in plan.hamlet_names if name not in told], skipped


def _month_checked(
    rosters: list[Submission], refused: set[int]
) -> tuple[str | None, list[Submission]]:
    """The month a run of the lists given consolidates (the latest of the ``rosters`` not
    refused for their hamlet, ``refused`` their id(), and not after this month), and those
    lists: the month `check` says the other files as that run says them."""
    from pipeline.consolidate import choose_period

    now = date.today().strftime("%Y-%m")
    counted = [s for s in rosters if id(s) not in refused and s.period and s.period <= now]
    return choose_period(counted, None), counted


def _months_to_run(
    plan, rosters: list[Submission], refused: set[int], period: str | None, history
) -> set[str]:
    """The months of ``rosters`` (not refused for their hamlet, ``refused`` their id()) before
    ``period`` (the month checked) and of its year that ``history`` has not stored: runs still
    to come, each saying its own month's stray files (:func:`_strays_of_months_to_run`). None
    without the plan (a run of them stops) or a month checked."""
    if plan is None or period is None:
        return set()
    months = {s.period for s in rosters if id(s) not in refused and s.period}
    earlier = {m for m in months if m < period and m[:4] == period[:4]}
    return earlier - _stored_months(history) if earlier else set()


def _strays_of_months_to_run(
    given: _Given,
    plan,
    rosters: list[Submission],
    refused: set[int],
    pages: list[Submission],
    period: str | None,
    months: set[str],
) -> list[Issue]:
    """The issues of the photos, PDF, Word and CSV files of ``given`` that the run of one of
    ``months`` (earlier months never run, :func:`_months_to_run`) takes as its own (in its
    folder, named for it, or naming no month), and of the web pages whose folder or name gives
    one of them rather than ``period``: as the run of that month will say them
    (:func:`_documents_said` with the lists up to that month: 'T6/DongKe.csv' Đồng Kè's refused
    file when it sent no June list, else a file skipped; session 57). The run of ``period``
    says nothing of them (consolidate.document_of_month), the checked month's lines said once."""
    from pipeline.consolidate import list_periods, month_of_file

    lists = list_periods(rosters)
    of = {id(s): month_of_file(s.file, period, lists) for s in [*given.documents, *pages]}
    now = date.today().strftime("%Y-%m")
    said: list[Issue] = []
    for month in sorted(months):
        # the files its run takes as its own: its folder's or name's, and one naming no month
        # ('DongKe.csv' at the top: Đồng Kè's refused file at June's run when it sent no June
        # list, though July's run skips it); said once where the runs say it alike
        docs = [doc for doc in given.documents if month_of_file(doc.file, month, lists) is None]
        its_pages = [page for page in pages if of[id(page)] == month]
        if docs or its_pages:
            # the lists that month's run reads as it finds them: all but those of a later month
            # up to this one (a list of no month read, or of a month to come, is weighed too:
            # an undated 'DongKe_cu.xlsx' is Đồng Kè's refused file, not 'T6/DongKe.csv')
            upto = [s for s in rosters if not s.period or s.period <= month or s.period > now]
            found = _documents_said(docs, plan, upto, refused, given.damaged, its_pages)
            said += [issue for issue in found if issue not in said]
    return said


def _other_months_skipped(
    issues: list[Issue], given: _Given, period: str | None, to_run: set[str] = frozenset()
) -> None:
    """Drops from ``issues`` the `not-a-roster` and `own-output` warnings of the workbooks of
    ``given`` found in a folder given whose folder or name gives another month than
    ``period`` (the month checked, :func:`_month_checked`): that month's files, warned when
    that month is run, as a run of ``period`` takes them (consolidate.not_a_roster_of_month,
    run._merged: 'T6/ChamCong.xlsx' and 'TongHop_2024-06.xlsx' in a check of June's and
    July's folders; session 56). A file given by itself (``given.named``) is said whatever
    its month: the officer asked about that very file. So is one of a month never run
    (``to_run``, :func:`_months_to_run`): its run, still to come, says it (session 57)."""
    from pipeline.consolidate import not_a_roster_of_month

    found = [sub for sub in given.read if sub.file not in given.named]
    not_a_roster_of_month(found, period)
    elsewhere = {
        sub.file
        for sub in found
        if sub.status == "other_period"
        and (sub.extra.get("not_a_roster") or sub.extra.get("own_output"))
        and sub.extra.get("name_period") not in to_run
    }
    issues[:] = [issue for issue in issues if issue.file not in elsewhere]


def _older_copies(
    rosters: list[Submission],
    refused: set[int],
    issues: list[Issue],
    by_plan: bool = False,
    in_folders: dict[int, str] | None = None,
) -> list[Submission]:
    """The rosters a run would set aside as older copies of a hamlet's list of one period
    (consolidate.resolve_duplicates: later 'Ngày lập', then file time, then name), each said
    (`superseded`, naming the newer copy) in ``issues``. Those a run refuses before choosing
    (no period, a later month than this one, a hamlet the plan refuses: the id() in
    ``refused``) are no copy of any. One told as another month's list (period-differs-*, its
    'Kỳ báo cáo' left unchanged) is a copy of the month its cell says, as in that month's run;
    one its file name or folder names another month for comes after every copy that is not
    (so never sets the hamlet's own list of that month aside). Copies are of one
    hamlet: as the plan names it (``by_plan``: every list it does not refuse has one, from its
    'Xóm', title or file name), else as its 'Xóm' or title writes it (a list naming none is
    no copy of any). ``in_folders``: the id() of a roster -> its path read for the month of
    its folder (shown_names; by default its name)."""
    from pipeline.consolidate import resolve_duplicates

    now = date.today().strftime("%Y-%m")
    candidates = [
        sub
        for sub in rosters
        if sub.period
        and sub.period <= now
        and id(sub) not in refused
        and (sub.hamlet if by_plan else sub.hamlet_raw)
    ]
    in_folders = in_folders or {}
    resolve_duplicates(
        candidates,
        issues,
        key=lambda sub: (sub.period, fold(sub.hamlet)),
        another_month=lambda sub: names_another_month(sub, in_folders.get(id(sub))),
    )
    return [sub for sub in candidates if sub.status == "superseded"]


def _in_folder(where: str, year: int) -> str | None:
    """The month ('YYYY-MM') the innermost folder naming one that a file sits in names, as a
    run reads the folders of its input (rosterchecks.folder_month): ``where`` is its path
    read for it (shown_names: in the folder, or the common parent of the folders, given; a
    file given by itself, in its own folder); a month without its year is of ``year`` (the
    file's 'Kỳ báo cáo''s); None when no such folder names a month."""
    found = folder_month(where)
    return None if found is None else f"{found[0] or year:04d}-{found[1]:02d}"


def _refused(found: list[Issue]) -> bool:
    """Whether a run would refuse the file these are the issues of: an error of the file's own
    (its period, total, header, …), not one of a row (a row with an error is left out alone)."""
    return any(i.severity == "error" and CATALOGUE[i.code].level != "row" for i in found)


def _whose(
    plan, rosters: list[Submission], history=None
) -> tuple[list[Issue], set[int], dict[str, dict] | None]:
    """With the plan given too, whose list each roster is, as a run tells it
    (consolidate._identify): sets ``sub.hamlet``, and returns what a run says of it from the
    plan and the id() of those it refuses for it: a hamlet not in the plan, a title or file
    name naming another hamlet than the 'Xóm' cell (consolidate.hamlet_refused, the codes
    telling whose list it is taken as a run takes them, from ``history`` without a start
    list), a 'Xóm' read from nowhere (blank, or showing an error value) where neither the
    title nor the file name names a plan hamlet; and the stored months it read of ``history``
    (period -> summary; None without it, or a store a run would stop on)."""
    import sqlite3

    from pipeline.consolidate import (
        copied_by_codes,
        copied_for_another,
        hamlet_codes,
        list_hamlet,
        refused_by_codes,
    )
    from pipeline.hamlets import HamletMatcher
    from pipeline.history import HistoryError

    matcher = HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)
    try:
        codes = hamlet_codes(plan, history)
    except (HistoryError, sqlite3.Error):
        # A store a run would stop on (damaged, newer, locked): said by that run; the files
        # are checked without it, as when there is none.
        codes = hamlet_codes(plan)
    found: list[Issue] = []
    refused: set[int] = set()
    for sub in rosters:
        # as a run takes it (consolidate._identify): no 'Xóm' read, the plan hamlet the title or
        # file name names (its own checks warn at the cell), else the list refused
        if list_hamlet(sub, matcher, found, codes):
            refused.add(id(sub))
    # a 'Xóm' the plan does not have, its codes telling whose refused list it is, as in a run
    refused_by_codes(rosters, found)
    # a list's copy saved under a neighbour's name, as in a run
    refused |= {id(sub) for sub in copied_for_another(rosters, matcher, found)}
    # a neighbour's list copied, its cell left, its codes telling whose, as in a run
    refused |= {id(sub) for sub in copied_by_codes(rosters, matcher, codes, found)}
    stored = None
    if history is not None:
        # a name a stored month had the hamlet under, renamed since: said so, as in a run
        from pipeline.renames import former_names

        try:
            stored = {p["period"]: p for p in history.periods()}
            former_names(plan, None, rosters, found, history, stored)
        except (HistoryError, sqlite3.Error):
            pass  # a store a run would stop on: said by that run, as above
    return found, refused, stored


def _holding_said(
    plan,
    rosters: list[Submission],
    issues: list[Issue],
    history,
    stored: dict[str, dict] | None,
    uncounted: set[int],
) -> None:
    """A list no hamlet is told for, or naming a neighbour, holding a hamlet's households,
    said as in a run (holding.unnamed_holding), once the lists' own checks tell which a run
    refuses for an error of their own (``uncounted``, their id()): such a list is not counted,
    as in the run (a hamlet's own list refused for its total: the file naming a neighbour said
    'codes-refused', not 'codes-held'; session 51). ``stored``: the months of ``history``
    _whose read (period -> summary). Without the plan, ``history`` or those months (a store a
    run would stop on), nothing."""
    import sqlite3

    from pipeline.history import HistoryError
    from pipeline.holding import unnamed_holding

    if plan is None or history is None or stored is None:
        return
    try:
        unnamed_holding(plan, rosters, issues, history, stored, uncounted=uncounted)
    except (HistoryError, sqlite3.Error):
        pass  # a store a run would stop on: said by that run (_whose)


def _consolidated_together(
    checked: list[Submission], refused: set[int], uncounted: set[int], order: list[str] = ()
) -> list[list[Submission]]:
    """The files a run would count together, for the Mã hộ check across files: those of one
    period, one copy per hamlet (the newest, as a run picks it); another month's file, an
    older copy, and a file a run would refuse is checked on its own (last month's list repeats
    this month's codes; a refused file's codes count for nothing). ``refused``: the id() of
    files refused for their hamlet (not in the plan, another hamlet's copy), never a hamlet's
    copy; ``uncounted``: of files refused for another error of their own, still the copy a run
    picks for their hamlet. The files counted together are in the plan's order of their
    hamlets (``order``), as a run reads them (a Mã hộ used in three lists names the other two
    in that order); without it, in the order given."""
    copies: dict[tuple, list[Submission]] = {}
    alone: list[list[Submission]] = []
    for sub in checked:
        if id(sub) in refused:
            alone.append([sub])
        else:
            copies.setdefault((sub.period, fold(sub.hamlet) or sub.file), []).append(sub)
    by_period: dict[str | None, list[Submission]] = {}
    for (period, _), group in copies.items():
        newest, *older = newest_first(group)
        if id(newest) in uncounted:
            alone.append([newest])
        else:
            by_period.setdefault(period, []).append(newest)
        alone.extend([sub] for sub in older)
    place = {hamlet: index for index, hamlet in enumerate(order)}
    together = [
        sorted(group, key=lambda sub: place.get(sub.hamlet, len(place)))
        for group in by_period.values()
    ]
    return together + alone
