"""The hamlets the plan renamed or merged since, and how a notice names them: old name -> name now
(renamed_since, hamlet_renames, also pipeline.trend's and pipeline.baselines'), a merger the
start list tells (merged_by_start_list), the renames stored (renamed_stored), a hamlet's former
names (formerly_named) and the lists of last month's hamlets gone this month (former_names,
`check`'s too). Moved from pipeline.notices (docs/decisions.md, session 51: notices.py split by
topic), which re-exports its public names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import NamedTuple

import pandas as pd

from pipeline import figures as fig
from pipeline.consolidate import NEARLY_ALL, list_codes, start_codes
from pipeline.history import HistoryStore
from pipeline.holding import all_listed, held_apart
from pipeline.messages import Message, RunCommand, in_language
from pipeline.rosterchecks import (
    month_written,
)
from pipeline.text import (
    fold,
)
from pipeline.types import Issue, Plan, RunResult, Submission


def formerly_named(name: str, formerly: dict[str, str], lang: str) -> str:
    """A hamlet named as the plan writes it now, with the name a stored period has it under
    when the plan renamed it since (``formerly``: name now -> old name): 'Nà Mòn Mới (trước
    đây: Nà Mòn)'."""
    old = formerly.get(name)
    if old is None:
        return name
    return f"{name} (trước đây: {old})" if lang == "vi" else f"{name} (formerly {old})"


def named_before(
    result: RunResult,
    store: HistoryStore,
    stored: dict[str, dict],
    sub: Submission,
    renames: dict[str, dict[str, str]],
) -> str | None:
    """The plan's hamlet that the latest stored month of ``sub``'s year before its period had
    under the name ``sub`` writes in 'Xóm', renamed since (:func:`renamed_since`; ``renames``
    caches it per month): a head's April list sent again under March's name, after April's
    plan renamed the hamlet (session 32 QA: it was not told). Renamed by ``sub``'s month and
    merged (or dropped) since, so not in the plan now: the name ``sub``'s month had it under
    (:func:`_renamed_between`), which that month, run again with its own plan, wants in 'Xóm'
    (session 36). None when no such month had the name, or its hamlet was not renamed."""
    name = fold(sub.hamlet_raw or "")
    year = sub.period[:4]
    for period in sorted((p for p in stored if p[:4] == year and p < sub.period), reverse=True):
        summary = stored[period]
        if not any(fold(h["hamlet"]) == name for h in summary["hamlets"]):
            continue
        if period not in renames:
            renames[period] = renamed_since(result, store, period, summary)
        now = next((new for old, new in renames[period].items() if fold(old) == name), None)
        if now is not None or sub.period not in stored:
            return now
        then = _renamed_between(store, summary, stored[sub.period], year)
        named = next((new for old, new in then.items() if fold(old) == name), None)
        return named if named not in set(result.plan.hamlets["hamlet"]) else None
    return None


def _renamed_between(store: HistoryStore, before: dict, after: dict, year: str) -> dict[str, str]:
    """The hamlets of a stored month (``before``, its summary) a later stored month of the year
    (``after``) has under another name: old name -> that name, by the households stored under
    each in the year (:func:`_paired`, the rule of :func:`hamlet_renames`). Read only when each
    month has a name the other lacks."""
    then = {h["hamlet"] for h in before["hamlets"]}
    later = {h["hamlet"] for h in after["hamlets"]}
    if not then - later or not later - then:
        return {}
    where: dict[str, set[str]] = {}  # household key -> the later month's new names it is under
    for hamlet, keys in store.keys_of_hamlets(int(year), later - then).items():
        for key in keys:
            where.setdefault(key, set()).add(hamlet)
    return _paired(store.keys_of_hamlets(int(year), then - later), where)


def former_names(
    plan: Plan,
    households: pd.DataFrame | None,
    submissions: list[Submission],
    issues: list[Issue],
    store: HistoryStore,
    stored: dict[str, dict],
    period: str | None = None,
    accepted: dict[str, Submission] | None = None,
) -> None:
    """The lists refused for a 'Xóm' the plan lacks (`unknown-hamlet`, plain or its 'codes'
    variant) that write the name a stored month of the year before had the hamlet under (no
    month of the year: of an earlier year, session 35), renamed since in the plan
    (:func:`renamed_since`, with ``households`` the run's rows, or
    None): the refusal in ``issues`` says whose former name it is, since when the plan writes
    the new one, and to write it in the cell (variant 'former'). Still refused: the old name is
    no plan alias (docs/decisions.md, session 32). ``period``: the run's (its lists alone);
    None for `giamngheo check` (each list's own). ``accepted``: the run's counted list of each
    hamlet; the hamlet's own list counted, the refusal says so and names its file (variant
    'former-sent'). A 'codes' refusal whose name the month had beside the hamlet of its codes,
    merged into it since, is said so (variant 'joined', :func:`_joined_since`; 'codes-title',
    the name read from the title: 'joined-title', session 49's review). Only lists
    already refused are looked at:
    nothing on the paths of the lists counted."""
    result = _PlanRows(plan, households)
    renames: dict[str, dict[str, str]] = {}  # a stored period -> its renames since (a cache)
    for sub in submissions:
        issue = sub.extra.get("hamlet_issue")
        if (
            issue is None or issue.code != "unknown-hamlet"
            or issue.variant not in ("", "codes", "codes-title")
            or not sub.period or sub.period != (period or sub.period) or not sub.hamlet_raw
        ):  # fmt: skip
            continue
        name = fold(str(sub.hamlet_raw))
        # the latest stored month naming it this year, else of an earlier year (a plan year's
        # first list under the name of last year's: session 35 for a rename, 36 for a merger)
        prior = _latest_naming(stored, name, sub.period)
        new = None
        # a list of a month the year's stored months named the hamlet from (`check` of a month
        # run before the rename, or of January's list: session 55's M), else before
        for then in dict.fromkeys([prior, _first_naming(stored, name, sub.period)]):
            if then is not None and (then == prior or then[:4] == sub.period[:4]):
                if then not in renames:
                    renames[then] = renamed_since(result, store, then, stored[then])
                new = next((n for old, n in renames[then].items() if fold(old) == name), None)
                if new is not None:
                    prior = then
                    break
        then_named = (
            None
            if period is not None
            else _renamed_then_merged(plan, store, stored, sub, name, prior)
        )
        if new is None and then_named is not None:
            # `check` of a list of a consolidated month under the name its hamlet had before
            # that month's plan renamed it, merged since into another: that month's own list
            # of the renamed hamlet, not the merged one's, to write as that month's plan names
            # it, the month run again with the plan it used, as the run says (session 58, H2)
            new, since = then_named
            titled = "-title" if sub.extra.get("hamlet_from") == "title" else ""
            month = month_written(sub.period)
            merged_at = month_written(since)
            joined = f"xóm '{issue.hamlet}'" if issue.hamlet else "xóm khác"
            joined_en = f"'{issue.hamlet}'" if issue.hamlet else "another hamlet"
            said = replace(
                issue,
                variant="former" + titled,
                instead=new,
                detail=Message(
                    f"tên trong kế hoạch kỳ {month}; từ kỳ {merged_at} xóm này sáp nhập vào "
                    f"{joined}, nhưng kỳ {month} xóm có danh sách riêng: đừng ghi tên "
                    f"{joined}, và chạy lại kỳ {month} với kế hoạch đã dùng khi đó",
                    f"its name in the plan of {month}; from {merged_at} the hamlet is merged "
                    f"into {joined_en}, but in {month} it had its own list: do not write "
                    f"{joined_en}, and run {month} again with the plan it used",
                ),
            )
            issues[:] = [said if i is issue else i for i in issues]
            sub.extra["hamlet_issue"] = said
            continue
        if new is None:
            # merged: the codes' hamlet, as the history tells it for a plain refusal, looked for
            # in an earlier year's month too (a plan year's first list: session 36); a list of
            # a month no earlier stored month named it in, against the first that did from its
            # own on (`check` of February's list after May's merger: session 56, C)
            then = prior or _first_naming(stored, name, sub.period)
            said = (
                None if then is None
                else _joined_since(plan, issue, name, then, sub.period, stored)
            )  # fmt: skip
            if said is None and issue.variant == "":  # codes pointing nowhere: the history tells
                said = _joined_by_history(plan, store, issue, name, sub.period, stored, submissions)
                if said is None:  # a plan without a start list: this month's lists tell it
                    said = _joined_by_lists(
                        plan, store, issue, name, sub.period, stored, households, accepted
                    )  # fmt: skip
                if said is not None and all_listed(sub, said, submissions, accepted):
                    said = replace(said, variant="joined-listed")
                if said is not None:
                    said = _joined_worded(plan, sub, said)
                if said is not None and held_apart(
                    plan, store, stored, sub, said, submissions, accepted
                ):
                    # households of the start list or of last month's lists no list counted
                    # has: held apart, as its words say, not gone (apart.merged_apart); its
                    # words say the hamlet it joined left out of the commune till then (T24)
                    sub.extra["merged_codes"] = list_codes(sub)
                    base, title, _ = said.variant.partition("-title")
                    said = replace(said, variant=f"{base}-held{title}")
            if said is not None:  # merged into the hamlet its codes are, which sent nothing
                issues[:] = [said if i is issue else i for i in issues]
                sub.extra["hamlet_issue"] = said
            continue  # dropped, split: said as before
        # the first stored month after it under the name now (after the list's month too: a
        # list of a month run before the rename, session 55's M), else this one
        since = min(
            (p for p, summary in stored.items() if prior < p
             and any(h["hamlet"] == new for h in summary["hamlets"])),
            default=sub.period,
        )  # fmt: skip
        month = month_written(since)
        # the name read from the title (no 'Xóm' cell): the title to correct (session 33)
        titled = "-title" if sub.extra.get("hamlet_from") == "title" else ""
        said = replace(
            issue,
            variant="former" + titled,
            instead=new,
            detail=Message(
                f"tên trong kế hoạch từ kỳ {month}", f"its name in the plan since {month}"
            ),
        )
        own = (accepted or {}).get(new)
        if own is not None:
            said = replace(
                said,
                variant="former-sent" + titled,
                detail=Message(f"tệp '{own.file}'", f"file '{own.file}'"),
            )
        issues[:] = [said if i is issue else i for i in issues]
        sub.extra["hamlet_issue"] = said


def _renamed_then_merged(
    plan: Plan,
    store: HistoryStore | None,
    stored: dict[str, dict],
    sub: Submission,
    name: str,
    prior: str | None,
) -> tuple[str, str] | None:
    """The name ``sub``'s own stored month had the hamlet ``name`` (folded; its 'Xóm') under,
    renamed by that month (``prior``: a stored month before it naming ``name``) and not in the
    plan now (merged or dropped since), and the first stored month after it without that name;
    None otherwise (session 58, H2)."""
    if store is None or prior is None or sub.period not in stored or prior >= sub.period:
        return None
    year = sub.period[:4]
    then = _renamed_between(store, stored[prior], stored[sub.period], year)
    new = next((n for old, n in then.items() if fold(old) == name), None)
    if new is None or new in set(plan.hamlets["hamlet"]):
        return None
    since = min((p for p, summary in stored.items() if sub.period < p
                 and not any(h["hamlet"] == new for h in summary["hamlets"])),
                default=sub.period)  # fmt: skip
    return new, since


def _joined_worded(plan: Plan, sub: Submission, said: Issue) -> Issue:
    """The history's merger ``said`` (:func:`_joined_by_history`; variant 'joined',
    'joined-sent' or 'joined-listed') of the list ``sub``, in words true of it: 'joined-sent'
    of a list some of whose codes are on the plan's start list (too few to tell a hamlet) says
    how many in its detail and the others new ('-start'); a list named by its title, its 'Xóm'
    cell blank, names the title, not a cell ('-title'; 'joined-title' as for 'codes-title').
    (docs/decisions.md, session 49, W1.)"""
    variant, detail = said.variant, said.detail
    if variant == "joined-sent":
        found = list_codes(sub)
        known = set().union(*start_codes(plan).values()) if found else set()
        if found & known:
            count, listed = len(found & known), len(found)
            variant += "-start"
            detail = Message(
                f"{in_language(detail, 'vi')}; {count}/{listed} mã hộ có trong danh sách đầu năm",
                f"{in_language(detail, 'en')}; {count} of {listed} codes are on the start-of-year "
                "list",
            )
    if sub.extra.get("hamlet_from") == "title":
        variant += "-title"
    return replace(said, variant=variant, detail=detail)


def _latest_naming(
    stored: dict[str, dict], name: str, period: str, accepted: bool = False
) -> str | None:
    """The latest stored month before ``period`` whose summary names the hamlet ``name``
    (folded; ``accepted``: a list under it counted, status 'ok'), of ``period``'s year, else of
    an earlier year: the month :func:`former_names` and :func:`_joined_by_history` ask about a
    name the plan lacks (sessions 35, 36). None without one."""
    months = [p for p, summary in stored.items() if p < period
              and any(fold(h["hamlet"]) == name and (not accepted or h.get("status") == "ok")
                      for h in summary["hamlets"])]  # fmt: skip
    return max([p for p in months if p[:4] == period[:4]] or months, default=None)


def _first_naming(stored: dict[str, dict], name: str, period: str) -> str | None:
    """The first stored month of ``period``'s year from ``period`` on whose summary names the
    hamlet ``name`` (folded): the month :func:`former_names` asks about a list of a month no
    earlier month of the year named it in (January's; `check` of a month run before the plan
    renamed it). None without one."""
    return min((p for p, summary in stored.items() if period <= p and p[:4] == period[:4]
                and any(fold(h["hamlet"]) == name for h in summary["hamlets"])),
               default=None)  # fmt: skip


def _joined_since(
    plan: Plan,
    issue: Issue,
    name: str,
    then: str,
    period: str,
    stored: dict[str, dict],
    into: str | None = None,
) -> Issue | None:
    """The refusal ``issue`` (variant 'codes': its codes are nearly all ``issue.hamlet``'s, which
    sent no list of the period; 'codes-title', the name read from the list's title: said as
    'joined-title', session 49's review) of a list whose 'Xóm' writes ``name`` (folded), a hamlet the
    stored month ``then`` had beside ``issue.hamlet``, a plan hamlet now: merged into it since
    (the start list puts its households there), said as such (variant 'joined': one list of the
    whole merged hamlet, not the cell alone corrected; docs/decisions.md, session 32). None
    for any other refusal. ``into``: the hamlet the history tells for a plain refusal (its
    codes pointing nowhere, :func:`_joined_by_history`), instead of the codes'. The month
    said is the first stored month after ``then`` without the old name, whichever side of
    ``period`` (`check` of April's list after May's merger: 'từ kỳ 05/2024'; session 56, C),
    else ``period``."""
    if into is None:
        if issue.variant not in ("codes", "codes-title"):
            return None
        into = issue.hamlet
    if not into or into not in set(plan.hamlets["hamlet"]):
        return None
    if not any(h["hamlet"] == into for h in stored[then]["hamlets"]):
        return None  # the month had no such hamlet: not a merger into one it had
    # the first stored month after it without the old name (after the list's month too: a
    # list of a month run before the merger, session 56's C), else this one
    since = min(
        (p for p, summary in stored.items() if then < p
         and not any(fold(h["hamlet"]) == name for h in summary["hamlets"])),
        default=period,
    )  # fmt: skip
    month = month_written(since)
    return replace(
        issue,
        variant="joined-title" if issue.variant == "codes-title" else "joined",
        instead=into,
        detail=Message(f"trong kế hoạch từ kỳ {month}", f"in the plan since {month}"),
    )


def _joined_by_history(
    plan: Plan,
    store: HistoryStore,
    issue: Issue,
    name: str,
    period: str,
    stored: dict[str, dict],
    submissions: list[Submission],
) -> Issue | None:
    """The plain refusal ``issue`` (its codes point to no hamlet: new households alone) of a
    list of ``period`` whose 'Xóm' writes ``name`` (folded), a name the plan lacks that the
    latest stored month of the plan year accepted (else of an earlier year), whose households
    stored that year the plan's start list puts under one hamlet that month had beside it
    (:func:`merged_by_start_list`: a merger, as the list apart and the figures tell it; those
    new that year tell nothing, session 49), and no list of ``period`` is: said as merged into it
    (variant 'joined', :func:`_joined_since`), not told to write that hamlet's name in the
    cell (its list would then count as the whole merged hamlet). When that hamlet sent a list
    of ``period``, variant 'joined-sent': the households go on that list, this one is not to
    be sent again under its name (it would replace it; session 35). A hamlet the month lacked (a
    rename) is left to :func:`former_names`' rename path; None then, or without such a month,
    or where no merger is found: the plain words (docs/decisions.md, sessions 35, 49)."""
    start = getattr(plan, "start_list", None)
    if start is None or start.empty:
        return None
    then = _latest_naming(stored, name, period, accepted=True)
    if then is None:
        return None
    written = min(h["hamlet"] for h in stored[then]["hamlets"] if fold(h["hamlet"]) == name)
    keys = store.keys_of_hamlets(int(then[:4]), {written})
    beside = {h["hamlet"] for h in stored[then]["hamlets"]}
    into = merged_by_start_list(keys, set(plan.hamlets["hamlet"]), start, beside).get(written)
    if into is None:
        return None
    said = _joined_since(plan, issue, name, then, period, stored, into)
    if said is not None and any(s.hamlet == into and s.period == period for s in submissions):
        # the hamlet sent its own list: not to be written 'Nà Mòn' (a second list of the
        # hamlet, which would replace its own), its households given to its head
        said = replace(said, variant="joined-sent")
    return said


def _joined_by_lists(
    plan: Plan,
    store: HistoryStore,
    issue: Issue,
    name: str,
    period: str,
    stored: dict[str, dict],
    households: pd.DataFrame | None,
    accepted: dict[str, Submission] | None,
) -> Issue | None:
    """The plain refusal ``issue`` of a list of ``period`` whose 'Xóm' writes ``name``
    (folded), a name a plan without a start list (:func:`lists_alone`) lacks that the latest
    stored month of the plan year accepted, whose households stored that year this month's
    counted lists (``households``, the run's rows; ``accepted``, its lists) put under one
    hamlet that month had beside it, as the figures take a merger by the lists alone
    (:func:`hamlet_renames` with ``shared`` and ``planned``: all of them but one, three at
    least, or nearly all): said as merged into it, its households on that hamlet's list
    (variant 'joined-sent-lists'), never told to write that hamlet's name in the cell (the
    list would replace that hamlet's whole list; docs/decisions.md, session 57, D3). None
    otherwise: `check` (no rows), a plan with a start list (:func:`_joined_by_history`)."""
    if not lists_alone(plan) or households is None or households.empty or not accepted:
        return None
    then = _latest_naming(stored, name, period, accepted=True)
    if then is None:
        return None
    written = min(h["hamlet"] for h in stored[then]["hamlets"] if fold(h["hamlet"]) == name)
    keys = store.keys_of_hamlets(int(then[:4]), {written})
    beside = {h["hamlet"] for h in stored[then]["hamlets"]} & set(accepted)
    merged = hamlet_renames(keys, beside, (households,), shared=True, planned=True)
    into = merged.get(written)
    if into is None:
        return None
    said = _joined_since(plan, issue, name, then, period, stored, into)
    return None if said is None else replace(said, variant="joined-sent-lists")


class _PlanRows(NamedTuple):
    """What :func:`renamed_since` reads of a run: its plan and its lists' rows (or None)."""

    plan: Plan
    households: pd.DataFrame | None


def renamed_since(
    result: RunResult, store: HistoryStore, period: str, summary: dict | None
) -> dict[str, str]:
    """The hamlets of the stored ``period`` (``summary``, its stored summary) the plan used now
    writes under another name: old name -> name now. A hamlet is renamed when the plan no
    longer has its name and the households stored under it in the period's year (any month,
    the kept start list too) are found, at least half of them, under one name now that the
    period did not have, on the plan's start list or on this run's lists, a name no other old
    name goes to (a merger's hamlet was in the period already; a split goes to two). Worked
    out only when the period has a name the plan lacks and the plan one the period lacks (a
    revised plan): the store read for the old names alone, the rows of the new names alone
    keyed (docs/decisions.md, session 31)."""
    if summary is None:
        return {}
    then = {h["hamlet"] for h in summary["hamlets"]}
    now = set(result.plan.hamlets["hamlet"].tolist())
    gone, new = then - now, now - then
    if not gone or not new:
        return {}  # a hamlet dropped or merged into one the period had: no rename
    stored = store.keys_of_hamlets(int(period[:4]), gone)
    return hamlet_renames(
        stored, new, (getattr(result.plan, "start_list", None), result.households)
    )


def hamlet_renames(
    stored: dict[str, set[str]],
    new: Collection[str],
    frames: tuple,
    shared: bool = False,
    existing: Collection[str] = (),
    among: Collection[str] = (),
    planned: bool = False,
) -> dict[str, str]:
    """Old name -> name now of each hamlet of ``stored`` (old name -> its household keys as
    stored) at least half of whose households are under one of the ``new`` names in ``frames``
    (the plan's start list, a month's lists: None or empty for none), the only name found but
    those of households that moved (:func:`_paired`), and which no other old name goes to
    (:func:`renamed_since`); ``shared``: a name several old ones go to as well (hamlets merged
    into one); ``existing``: names the stored month had too (a household there moved);
    ``among``: other names its households are counted under too, none of them its name now
    (the one name at least half of them are under must be one of ``new``). ``planned``: the
    plan tells the merger, all of a hamlet's households but one (three at least) under one
    name is enough (:func:`merged_share`)."""
    if not stored:
        return {}
    where = _where_now(set().union(*stored.values()), set(new) | set(among), frames)
    return _paired(stored, where, shared, existing, new if among else None, planned)


def renamed_shares(
    stored: dict[str, set[str]], in_plan: Collection[str], frames: tuple
) -> dict[str, tuple[Counter, int]]:
    """Each name of ``stored`` the plan lacks now (old name -> its households, as stored in the
    plan year and on the kept start list) -> how many of its households are under each hamlet
    of the plan (``in_plan``) in ``frames`` (the plan's start list, this month's lists), and
    how many are found under any: :func:`may_be_renamed`'s reading, keyed once."""
    if not stored:
        return {}
    where = _where_now(set().union(*stored.values()), set(in_plan), frames)
    shares = {}
    for old, keys in stored.items():
        found = [where[key] for key in keys if key in where]
        shares[old] = (Counter(name for names in found for name in names), len(found))
    return shares


def may_be_renamed(share: tuple[Counter, int] | None, hamlet: str) -> bool:
    """Whether a name the plan lacks now may be ``hamlet``'s name then (``share``: its entry of
    :func:`renamed_shares`, None where none of its households is known): at least half of its
    households found under a hamlet of the plan now under ``hamlet`` (:func:`hamlet_renames`'
    share). A name most of whose households are under another hamlet now is that one's,
    renamed or merged into it: a month naming it named no ``hamlet`` under another name
    (docs/decisions.md, session 59). Nor does one none of whose households is known or found
    now: the run cannot take it for ``hamlet`` renamed (no 'formerly', the trend and the (*)
    note say ``hamlet`` new in the plan), and none of them is on ``hamlet``'s start rows, so
    the month had ``hamlet`` in no plan as its start column reads (session 59, H2)."""
    if share is None or not share[1]:
        return False
    return 2 * share[0][hamlet] >= share[1]


def merged_by_start_list(
    stored: dict[str, set[str]],
    in_plan: Collection[str],
    start,
    beside: Collection[str] | Mapping[str, Collection[str]],
) -> dict[str, str]:
    """Old name -> the plan hamlet each hamlet of ``stored`` (old name -> its household keys
    stored in the year) merged into by the plan's start list (``start``): at least half of its
    households under that one there (:func:`hamlet_renames` over ``in_plan``, shared), or, its
    households new in the year (on the start list under no name) left out, at least half of
    those the start list has, nearly all of those found under one hamlet (:func:`_paired`,
    shared) that the year's months had beside it (``beside``: a name they lacked is a rename,
    a hamlet new in the plan; or old name -> the hamlets its own months had, session 49's
    review): new households say nothing of where their hamlet went. The one
    rule of a list sent apart (consolidate.StoredCodes), of the refusal's words
    (:func:`_joined_by_history`) and of the figures (baselines._merged_by_plan;
    docs/decisions.md, session 49)."""
    if not stored or start is None or start.empty:
        return {}
    where = _where_now(set().union(*stored.values()), set(in_plan), (start,))
    said = _paired(stored, where, shared=True, planned=True)
    fewer = {old: keys & where.keys() for old, keys in stored.items()
             if old not in said and keys - where.keys() and keys & where.keys()}  # fmt: skip
    more = _paired(fewer, where, shared=True, planned=True) if fewer else {}
    if not isinstance(beside, Mapping):
        beside = dict.fromkeys(more, beside)
    more = {old: into for old, into in more.items() if into in beside.get(old, ())}
    return dict(sorted({**said, **more}.items()))


def _where_now(wanted: set[str], counted: set[str], frames: tuple) -> dict[str, set[str]]:
    """Household key of ``wanted`` -> the names of ``counted`` it is under in ``frames`` (the
    plan's start list, a month's lists: None or empty for none): :func:`hamlet_renames`' reading."""
    where: dict[str, set[str]] = {}
    for frame in frames:
        if frame is None or frame.empty:
            continue
        frame = frame[frame["hamlet"].isin(counted).to_numpy()]  # a renamed hamlet's rows alone
        keys = fig.household_key_texts(frame)
        for key, hamlet in zip(keys, frame["hamlet"].tolist(), strict=True):
            if key in wanted:
                where.setdefault(key, set()).add(hamlet)
    return where


def lists_alone(plan: Plan) -> bool:
    """Whether the plan has no start list, so that this month's lists alone tell where a hamlet
    it dropped went: then all of its households but one, three at least, under one hamlet make
    it merged there (:func:`merged_share`'s ``planned``), as a start list writing so would
    (docs/decisions.md, session 57, D). The one condition of every caller of
    :func:`hamlet_renames` with ``shared`` (the figures, baselines._month_renamed,
    _merged_unlisted, _merged_by_plan, _latest_named; the notices' words, notices._merged_into),
    so that none tells a split the figures count as a merger. A plan with a start list says
    its mergers there (:func:`merged_by_start_list`), the lists alone asking nearly all
    (session 47)."""
    start = getattr(plan, "start_list", None)
    return start is None or start.empty


def merged_share(under: int, found: int, planned: bool = False) -> bool:
    """Whether ``under`` of a hamlet's ``found`` households (those found under any name) under
    one hamlet make it merged there (:func:`_paired`, ``shared``): nearly all of them
    (:data:`~pipeline.consolidate.NEARLY_ALL`: a few moved elsewhere in the merger's month,
    session 42), or, where the plan's start list tells it (``planned``:
    :func:`merged_by_start_list`), all of them but one, three at least under it: the officer
    merged a small hamlet and moved one household, as one of five (3 of 4; docs/decisions.md,
    session 56, M), or where a plan without a start list dropped the hamlet and its lists alone
    tell where it went (:func:`lists_alone`; session 57, D). Two and one (session 43's
    split plan), two and two are a split still; the heads' lists alone beside a plan's start
    list (3 of 4 Bản Cọ's on Đồng Kè's list, the plan merging it into Nà Mòn: session 47) say
    no merger by it."""
    return under >= NEARLY_ALL * found or (planned and found - under == 1 and under >= 3)


def _paired(
    stored: dict[str, set[str]],
    where: dict[str, set[str]],
    shared: bool = False,
    existing: Collection[str] = (),
    new: Collection[str] | None = None,
    planned: bool = False,
) -> dict[str, str]:
    """:func:`hamlet_renames`' rule, ``where`` giving each household key the new names it is under:
    old name -> the one new name at least half of its households are under, no other old name
    going to it unless ``shared``. Its other households must be under no name but that one (a
    hamlet split in two is no rename), or under a name another old name goes to, or one of
    ``existing``: households that moved between two hamlets renamed at once, or into a hamlet
    the month had (docs/decisions.md, session 41); then its one name must be a rename, its
    own: neither one of ``existing`` nor another old name's (a hamlet mostly moved into one,
    the rest elsewhere, is no merger, and hides no rename of that one). With ``shared``, nearly
    all of its households found under the one name (or, ``planned``, the plan's start list
    read, all of them but one: :func:`merged_share`) is enough: a merger in whose month a few
    households moved elsewhere (sessions 42, 56).
    ``new``: the names it may go to, when ``where`` has others: half under one of those and
    half under a name the month lacked is that rename, no merger (session 41); only ``new``
    ones are told as moves."""
    counts = {old: Counter(n for key in keys if key in where for n in where[key]
                           if new is None or n in new)
              for old, keys in stored.items()}  # fmt: skip
    major = {}
    for old, keys in stored.items():
        found = Counter(n for key in keys if key in where for n in where[key])
        names = [name for name, count in found.items() if 2 * count >= len(keys)]
        if len(names) > 1:  # half under a name the month had, half under a rename: the rename
            names = [name for name in names if name not in existing]
        if len(names) == 1 and (new is None or names[0] in new):
            major[old] = names[0]
    moved = set(major.values()) | set(existing)
    taken = list(major.values())
    pairs = {old: name for old, name in major.items()
             if not set(counts[old]) - {name}
             or (set(counts[old]) - {name} <= moved and name not in existing
                 and taken.count(name) == 1)
             # merged: nearly all its households found under it, a few moved (session 42),
             # or all but one on the plan's start list, three at least (session 56)
             or shared and merged_share(counts[old][name], sum(counts[old].values()), planned)}  # fmt: skip
    taken = list(pairs.values())
    return {old: name for old, name in sorted(pairs.items()) if shared or taken.count(name) == 1}


def renamed_stored(
    result: RunResult, renamed: dict[str, str], command: RunCommand | None = None
) -> list[Message]:
    """A period stored when a hamlet had the name the plan has changed since, run again: its
    figures are now stored under the name the plan writes (the run replaced is kept in the
    history, as any month run again; ``command``'s `history --period` lists it)."""
    command = command or RunCommand()
    if not renamed:
        return []
    month = month_written(result.period)
    pairs = ", ".join(f"'{old}' nay ghi là '{new}'" for old, new in renamed.items())
    pairs_en = ", ".join(f"'{old}' is now written '{new}'" for old, new in renamed.items())
    plan, one = result.plan.file, len(renamed) == 1
    return [
        Message(
            f"Kỳ {month} đã được tổng hợp trước khi kế hoạch '{plan}' đổi tên xóm ({pairs}): "
            f"số liệu kỳ này của {'xóm' if one else 'các xóm đó'} được ghi lại dưới tên mới. Số "
            "liệu lần trước vẫn được lưu trong lịch sử; xem các lần chạy của kỳ này: "
            f"{command.history_of(result.period)}",
            f"Period {month} was consolidated before the plan '{plan}' renamed "
            f"{'the hamlet' if one else 'hamlets'} ({pairs_en}): "
            f"{'its' if one else 'their'} figures of this period are now stored under the new "
            f"{'name' if one else 'names'}. The previous figures stay in the history; to see this "
            f"period's runs: {command.history_of(result.period)}",
        )
    ]
