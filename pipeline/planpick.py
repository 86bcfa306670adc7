"""Which plan a period is counted with: of the year of the lists, else the newest file; at a
commune merger, of the commune the history gives the month (run, or never run beside months
run). One rule, :func:`take`, for a run (run._pick_plan) and `giamngheo check`
(checkfiles._plan_taken); docs/decisions.md, session 46."""

from __future__ import annotations

import dataclasses
import time
from pathlib import PurePath
from typing import NamedTuple

from pipeline.hamlets import HamletMatcher, raw_hamlet
from pipeline.history import HistoryError, HistoryStore
from pipeline.messages import Message, RunCommand, in_language, with_unit
from pipeline.plan import with_year_needed
from pipeline.readpool import Outcome
from pipeline.rosterchecks import month_only_period
from pipeline.text import commune_key, fold, format_en, format_vn, year_named
from pipeline.types import Issue, Plan, Submission
from schemas.columns import PLAN_TARGET_COLUMNS


class Taken(NamedTuple):
    """What :func:`take` gives: the year the run is about, the (period, commune) the history
    gives the month at a merger, the plan-duplicate warnings, and what the run stops on when
    the month's commune has no usable plan (the file to fix, the stop's words), else None;
    and the run of the month to paste that the warnings and the stop end with ('' without a
    month known)."""

    year: int | None
    stored: tuple[str, str] | None
    said: list[Issue]
    stop: tuple[str, Message] | None
    again: str = ""


def take(
    plans: list[Outcome],
    submissions: list[Submission],
    requested_period: str | None,
    history: HistoryStore | None,
    command: RunCommand | None = None,
) -> Taken:
    """Puts the plans read (``plans``, of ``submissions``: every file read) in the order a run
    of ``requested_period`` (None: the latest list's month) takes them, the one taken first
    (rank_plans), and sets its ``former_communes`` (note_former_communes). Returns the year the
    run is about (year_wanted), the (period, commune) the history gives the month at a merger
    (_stored_commune; None with one plan), the plan-duplicate warnings and the stop of a month
    whose commune's plan cannot be used (:func:`_stored_plan_unusable`). ``history``: the run's
    store, only read, or None. ``command``: the run's (`check`'s: the run of the files given);
    where the warnings and the stop say to run the month again, they give its command for the
    month taken, to paste (session 47). The plan taken's ``former_unsure`` is set for this
    month alone (session 47)."""
    year = year_wanted(submissions, requested_period)
    periods = _periods_read(history) if len(plans) > 1 else None
    stored = _stored_commune(submissions, plans, requested_period, periods)
    period = period_taken(submissions, requested_period)
    again = (command or RunCommand()).of(period) if period else ""
    unsure = _month_unsure(period, stored, periods)
    said = rank_plans(plans, year, stored, period, unsure, again)
    note_former_communes(plans)
    unsure_said = {commune_key(i.value) for i in said if i.variant == "commune-not-run-unsure"}
    for index, outcome in enumerate(plans):  # this month's alone, none another month's left
        if outcome.plan is not None:  # (`check` takes a plan for each month given)
            outcome.plan.former_unsure = unsure_said if index == 0 else set()
    return Taken(year, stored, said, _stored_plan_unusable(plans, year, stored, again), again)


def taken_unusable(plans: list[Outcome], year: int | None) -> str:
    """The stop of a run whose plan taken (``plans[0]``, ranked) cannot be used: why, and an
    older plan of ``year`` that could is not used in its place. A run (run._pick_plan) and
    `check` (checkfiles._plan_taken) say it alike (session 47)."""
    chosen = plans[0]
    reason = with_year_needed(chosen.plan_error, year)  # 'Năm kế hoạch' blank: this year's
    usable = [o.sub.file for o in plans[1:] if o.plan is not None and plan_is_of_year(o, year)]
    if not usable:
        return reason
    return Message(
        f"{reason} (Tệp kế hoạch mới nhất là '{chosen.sub.file}'; tệp cũ hơn "
        f"'{usable[0]}' không được dùng thay. Nếu tệp mới nhất là bản lưu nhầm, hãy "
        "chuyển nó ra khỏi thư mục đầu vào.)",
        f"{in_language(reason, 'en')} (The newest plan file is "
        f"'{chosen.sub.file}'; the older '{usable[0]}' is not used in its place. If the "
        "newest one was saved by mistake, move it out of the input folder.)",
    )


def _stored_plan_unusable(
    plans: list[Outcome], year: int | None, stored: tuple[str, str] | None, again: str
) -> tuple[str, Message] | None:
    """(file, the stop's words) when the month is of the commune ``stored`` names, the plan
    taken (``plans[0]``, ranked) is another commune's and a plan of ``year`` cannot be used:
    perhaps that commune's own. The run stops on it rather than count the month as the other
    commune's (_stored_communes_plan_unusable); `check` says the same (session 46). ``again``:
    the run of the month to paste once the file is fixed."""
    chosen = plans[0] if plans else None
    if not stored or chosen is None or chosen.plan is None or _names_commune(chosen, stored[1]):
        return None
    unusable = next((o for o in plans[1:] if o.plan is None and plan_is_of_year(o, year)), None)
    if unusable is None:
        return None
    return unusable.sub.file, _stored_communes_plan_unusable(unusable, chosen, stored, year, again)


def year_wanted(submissions: list[Submission], requested_period: str | None) -> int | None:
    """The year a run is about before the plan is read: the period asked for, else the latest
    roster period up to this month (a mistyped future year does not count); without one, the
    latest period up to this month of a month written without its year ('tháng 12' in January:
    last December, so last year's plan)."""
    if requested_period:
        return int(requested_period[:4])
    now = time.strftime("%Y-%m")
    periods = [s.period for s in submissions if s.kind == "roster" and s.period and s.period <= now]
    if not periods:  # lists writing a month and no year ('tháng 12'): its latest up to now
        periods = [
            month_only_period(s.extra["period_month_only"], now)
            for s in submissions
            if s.kind == "roster" and s.period is None and s.extra.get("period_month_only")
        ]
    return int(max(periods)[:4]) if periods else None


def plan_is_of_year(outcome: Outcome, year: int | None) -> bool:
    """Whether a plan read says it is of ``year`` (one that cannot be used and says no year
    counts as of any year)."""
    said = outcome.plan.plan_year if outcome.plan is not None else outcome.plan_error_year
    return said == year if said is not None else outcome.plan_error is not None


def _names_commune(outcome: Outcome, commune: str | None) -> bool:
    """Whether the plan read names ``commune`` (folded, 'Xã' before it or not)."""
    return (
        bool(commune)
        and outcome.plan is not None
        and commune_key(outcome.plan.commune) == commune_key(commune)
    )


def rank_plans(
    plans: list[Outcome],
    year: int | None,
    stored: tuple[str, str] | None = None,
    period: str | None = None,
    unsure: bool = False,
    again: str = "",
) -> list[Issue]:
    """The plans found, put in the order a run takes them (in place): first the plan of
    ``year`` (``year_wanted``), else the newest file. Last year's plan left in the folder
    must not win by being saved later; a plan of the year that cannot be used (a revised plan
    with a mistake) is not passed over for an older one: the run stops and says what to fix
    in it. Returns the warning for each other plan of that year (plan-duplicate); another
    year's plan is kept for that year's runs. A run and `giamngheo check` (pipeline.checkfiles)
    take the plan by this one rule.

    A plan whose file name writes a year, never its own (KeHoach_2025.xlsx whose 'Năm kế
    hoạch' still says 2024: next year's plan copied from this one), comes after the plans of
    its year named for it or for no year: December run again in January takes KeHoach_2024.xlsx,
    not next year's figures (session 44).

    ``stored``: (period, commune) when the run's period is in the history, consolidated for
    that commune. At a commune merger in the middle of the year (1 July 2025) the folder holds
    two plans of the year, the old commune's and the merged commune's (saved later): a month
    already consolidated with the old commune's plan is re-run with it, not with the newest
    (which would rewrite June's report as the merged commune's). ``period``: the month the run
    takes (period_taken), and ``unsure`` (_month_unsure), for the words of the warning
    (_other_commune); ``again``: that month's run to paste, where a warning says to run again
    (Issue.command)."""
    commune = stored[1] if stored else None
    plans.sort(
        key=lambda o: (
            plan_is_of_year(o, year),
            plan_named_for(o, year),
            _names_commune(o, commune),
            o.sub.mtime,
            o.sub.file,
        ),
        reverse=True,
    )
    chosen = plans[0] if plans else None
    said = [other for other in plans[1:] if plan_is_of_year(other, year)]
    return [
        dataclasses.replace(_duplicate(chosen, other, stored, year, period, unsure), command=again)
        for other in said
    ]


def spoiled_plans_set_aside(plan: Plan, used: str, submissions: list[Submission]) -> list[Issue]:
    """The files that look like the plan and are no hamlet's list (discover.looks_like_plan: a
    sheet of the plan's missing or misnamed, no 'Xóm' read) whose title and file name name no
    hamlet of ``plan`` either (a file name that says the plan's, discover.named_as_plan, not
    asked: session 63), beside ``plan`` used (``used``: its file): each set aside as a
    plan, not read as a list (kind 'plan', status 'skipped', ``extra["plan_spoiled"]`` the plan
    used, for 'Nộp báo cáo'), its warning returned: plan-duplicate 'spoiled', the sheets it
    lacks in ``instead``. A file that could not be read keeps its own error. A run and `check` set them aside by this one rule (session 62: such a
    copy was a list refused for its hamlet or month, 'Lỗi dữ liệu' saying to add 'Thông tin')."""
    from pipeline.consolidate import told_hamlet
    from pipeline.discover import looks_like_plan, named_as_plan

    said = []
    matcher = None
    for sub in submissions:
        if sub.kind in ("plan", "unreadable") or not looks_like_plan(sub):
            continue
        matcher = matcher or HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)
        # 'DS_NaMon_T5.xlsx': Nà Mòn's list; 'KeHoach_NaMon.xlsx' (or 'KeHoach_TrungLuong.xlsx',
        # the commune's name a hamlet shares) the plan's copy by its name (session 63)
        by_name = not named_as_plan(PurePath(sub.file).name)
        if told_hamlet(sub, matcher, by_file_name=by_name) is not None:
            continue
        sub.kind, sub.status = "plan", "skipped"
        sub.extra["plan_spoiled"] = used
        missing = sub.extra["almost_plan"]
        said.append(
            Issue(
                "plan-duplicate",
                file=sub.file,
                detail=used,
                instead=Message(
                    " và ".join(f"'{sheet}'" for sheet in missing),
                    " and ".join(f"'{sheet}'" for sheet in missing),
                ),
                variant="spoiled",
            )
        )
    return said


def plan_named_for(outcome: Outcome, year: int | None) -> bool:
    """Whether a plan's file name writes ``year``, or no year at all (rank_plans): not
    'KeHoach_2025.xlsx' for 2024, whatever its 'Năm kế hoạch' says."""
    named = year_named(outcome.sub.file)
    return year is None or named is None or named == year


def _other_commune(
    chosen: Outcome,
    other: Outcome,
    stored: tuple[str, str] | None,
    period: str | None = None,
    unsure: bool = False,
) -> Issue:
    """plan-duplicate 'commune': two plans of the year of two communes (a merger). ``instead``
    says the commune of each and why the one used was taken: the commune the period was
    consolidated for (``stored``), else the file saved last. 'commune-not-run' when the period
    (``period``) was never run and takes the commune of the stored month next to it
    (_month_after_of_commune, _month_before_merged): not "used again", and new months do not
    all take the plan saved last (session 46). 'commune-not-run-unsure' when that month has no
    stored month before it of that commune (``unsure``: _month_unsure) and ``other`` was saved
    before ``chosen`` (the old commune's plan): how to count it as the old commune's is said."""
    used, old = chosen.plan.commune, other.plan.commune
    variant = "commune"
    if stored and _names_commune(chosen, stored[1]):
        month = f"{int(stored[0][5:])}/{stored[0][:4]}"
        why = _used_again([stored[0]], used)
        if period and period != stored[0]:
            variant, mine = "commune-not-run", f"{int(period[5:])}/{period[:4]}"
            side, side_en = ("sau", "after") if stored[0] > period else ("trước", "before")
            why = Message(f"tháng {mine} chưa được tổng hợp; tháng đã tổng hợp liền {side} nó, "
                          f"tháng {month}, là của xã '{used}' nên dùng kế hoạch của xã đó",
                          f"month {mine} was never consolidated; the consolidated month just "
                          f"{side_en} it, {month}, is of commune '{used}', so its plan is "
                          "used")  # fmt: skip
            if unsure and (other.sub.mtime, other.sub.file) < (chosen.sub.mtime, chosen.sub.file):
                variant = "commune-not-run-unsure"
    else:
        why = Message("tệp sửa sau cùng", "the last saved")
    return Issue("plan-duplicate", file=other.sub.file, detail=chosen.sub.file, value=old,
                 variant=variant, instead=_communes_said(used, old, why))  # fmt: skip


def _used_again(months: list[str], used: str) -> Message:
    """Why the plan of commune ``used`` is taken: ``months`` ('YYYY-MM') were consolidated for
    that commune."""
    said = ", ".join(f"{int(p[5:])}/{p[:4]}" for p in months)
    several = len(months) > 1
    return Message(
        f"{'các ' if several else ''}kỳ tháng {said} đã được tổng hợp theo xã '{used}' nên dùng "
        "lại kế hoạch của xã đó",
        f"month{'s' if several else ''} {said} {'were' if several else 'was'} consolidated for "
        f"commune '{used}', so its plan is used again",
    )


def _communes_said(used: str, old: str, why: Message) -> Message:
    return Message(
        f"tệp đã dùng là kế hoạch của xã '{used}' ({why}), tệp này của xã '{old}'",
        f"the plan used is for commune '{used}' ({why.en}), this one for commune '{old}'",
    )


def used_again_said(chosen: Outcome, other: Outcome, months: list[str]) -> Message:
    """plan-duplicate 'commune''s ``instead``: the plan ``other`` set aside for ``chosen``, the
    plan of the commune ``months`` were consolidated for (`check` of several such months
    says it once: checkfiles._used_again_once)."""
    return _communes_said(
        chosen.plan.commune, other.plan.commune, _used_again(months, chosen.plan.commune)
    )


_MOST_DIFFERENCES_SAID = 2  # a plan set aside: the first differences from the plan used


def _duplicate(
    chosen: Outcome,
    other: Outcome,
    stored: tuple[str, str] | None = None,
    year: int | None = None,
    period: str | None = None,
    unsure: bool = False,
) -> Issue:
    """The plan ``other`` of the year, set aside for ``chosen`` (plan-duplicate): of another
    commune ('commune': a merger; ``instead`` says which commune each is of and why the one
    used was taken; 'commune-not-run' for ``period`` never run: _other_commune), or whether its figures are the same ('same') or differ ('differ', the
    first differences in ``instead``); 'unusable' when ``other`` cannot be read as a plan
    (session 65), the plain wording when ``chosen`` cannot. A variant ends in '-stored'
    ('stored' for the plain one) when the plan used is not the last saved but the one of the commune the period was consolidated for (session 38).
    'named-other-year' when ``other`` was put after ``chosen`` for its file name writing
    another year than ``year`` (next year's plan, its 'Năm kế hoạch' left: session 44);
    'named-other-year-blank' when ``other`` says no year (its cell left blank), not this
    period's year."""
    if chosen.plan is not None and other.plan is not None:
        if _of_other_communes(chosen.plan, other.plan):
            return _other_commune(chosen, other, stored, period, unsure)
    if plan_named_for(chosen, year) and not plan_named_for(other, year):
        named = year_named(other.sub.file)
        said = other.plan.plan_year if other.plan is not None else other.plan_error_year
        variant = "named-other-year" if said is not None else "named-other-year-blank"
        return Issue("plan-duplicate", file=other.sub.file, detail=chosen.sub.file,
                     value=str(named), variant=variant)  # fmt: skip
    issue = _compared(chosen, other)
    if _kept_for_stored(chosen, other, stored):
        # not the last saved: taken for the commune the period was consolidated for
        stored_variant = f"{issue.variant}-stored" if issue.variant else "stored"
        return dataclasses.replace(issue, variant=stored_variant)
    return issue


def _kept_for_stored(chosen: Outcome, other: Outcome, stored: tuple[str, str] | None) -> bool:
    """Whether ``chosen`` was put before ``other``, saved later, because it names the commune
    the period was consolidated for (rank_plans) rather than for being the last saved."""
    commune = stored[1] if stored else None
    return (
        _names_commune(chosen, commune)
        and not _names_commune(other, commune)
        and (other.sub.mtime, other.sub.file) > (chosen.sub.mtime, chosen.sub.file)
    )


def _compared(chosen: Outcome, other: Outcome) -> Issue:
    """plan-duplicate of one commune's two plans: whether their figures are the same ('same')
    or differ ('differ', the first differences in ``instead``); 'unusable' when ``other``
    cannot be read as a plan (session 65), the plain wording when ``chosen`` cannot."""
    if chosen.plan is None or other.plan is None:
        # the one set aside cannot be used as a plan: said so ('unusable', session 65); the
        # plan taken unusable, the run stops on it (the plain wording)
        unusable = "unusable" if chosen.plan is not None else ""
        return Issue("plan-duplicate", file=other.sub.file, detail=chosen.sub.file,
                     variant=unusable)  # fmt: skip
    found = plan_differences(chosen.plan, other.plan)
    if commune_key(chosen.plan.commune) != commune_key(other.plan.commune):
        # the same hamlets under a name one of them mistyped: a difference to fix, first
        used, theirs = chosen.plan.commune, other.plan.commune
        found.insert(0, Message(f"tên xã: '{used}' ở tệp đã dùng, '{theirs}' ở tệp này",
                                f"commune name: '{used}' in the plan used, '{theirs}' in this one"))  # fmt: skip
    if not found:
        return Issue("plan-duplicate", file=other.sub.file, detail=chosen.sub.file, variant="same")
    said = found[:_MOST_DIFFERENCES_SAID]
    more = len(found) - len(said)
    vi = "; ".join(str.__str__(d) for d in said) + (f"; và {more} chỗ khác" if more else "")
    en = "; ".join(d.en for d in said) + (f"; and {more} more" if more else "")
    return Issue("plan-duplicate", file=other.sub.file, detail=chosen.sub.file,
                 variant="differ", instead=Message(vi, en))  # fmt: skip


def target_points(value: float, lang: str = "vi") -> str:
    """A commune's target in points as the run's other lines write it, two decimals ('1,60'),
    with up to four where the plan's figure has more ('1,525'): two plans differing there are
    not both written '1,53' (session 52)."""
    decimals = min(max(2, len(format_en(value, 4, trim=True).partition(".")[2])), 4)
    return format_vn(value, decimals) if lang == "vi" else format_en(value, decimals)


def plan_differences(used: Plan, other: Plan) -> list[Message]:
    """Where the figures of plan ``other`` differ from those of ``used``, in order: the
    commune's targets, then hamlet by hamlet (in ``used``'s order) each count and target, then
    the hamlets of one plan only. Each says both values, the used plan's first."""
    found: list[Message] = []
    for key, vi, en in (
        ("poor_target", "chỉ tiêu giảm tỷ lệ hộ nghèo của xã", "the commune's poor rate target"),
        ("near_poor_target", "chỉ tiêu giảm tỷ lệ hộ cận nghèo của xã",
         "the commune's near-poor rate target"),
    ):  # fmt: skip
        a, b = getattr(used, key), getattr(other, key)
        if round(a, 6) != round(b, 6):
            found.append(Message(
                f"{vi}: {target_points(a)} điểm ở tệp đã dùng, {target_points(b)} điểm ở tệp này",
                f"{en}: {target_points(a, 'en')} points in the plan used, "
                f"{target_points(b, 'en')} in this one",
            ))  # fmt: skip
    theirs = {row["hamlet"]: row for row in other.hamlets.to_dict("records")}
    for row in used.hamlets.to_dict("records"):
        twin = theirs.get(row["hamlet"])
        if twin is None:
            continue
        for key, (title, _) in PLAN_TARGET_COLUMNS.items():
            if key != "hamlet" and int(row[key]) != int(twin[key]):
                found.append(Message(
                    f"{with_unit(row['hamlet'])}, '{title}': {int(row[key])} ở tệp đã dùng, "
                    f"{int(twin[key])} ở tệp này",
                    f"hamlet {row['hamlet']}, '{title}': {int(row[key])} in the plan used, "
                    f"{int(twin[key])} in this one",
                ))  # fmt: skip
    mine = set(used.hamlets["hamlet"])
    for name in used.hamlets["hamlet"]:
        if name not in theirs:
            found.append(Message(f"{with_unit(name)} chỉ có ở tệp đã dùng",
                                 f"hamlet {name} is only in the plan used"))  # fmt: skip
    for name in other.hamlets["hamlet"]:
        if name not in mine:
            found.append(Message(f"{with_unit(name)} chỉ có ở tệp này",
                                 f"hamlet {name} is only in this one"))  # fmt: skip
    return found


def period_taken(submissions: list[Submission], requested_period: str | None) -> str | None:
    """The period a run takes before its lists are decided: the one asked for, else the latest
    list's month up to this month (a mistyped future year does not count)."""
    now = time.strftime("%Y-%m")
    periods = [s.period for s in submissions if s.kind == "roster" and s.period and s.period <= now]
    return requested_period or (max(periods) if periods else None)


def _stored_commune(
    submissions: list[Submission],
    plans: list[Outcome],
    requested_period: str | None,
    periods: list[dict] | None,
) -> tuple[str, str] | None:
    """(period, commune) when the period the run takes (``requested_period``, else the latest
    list's month) is in the history (``periods``: its stored months, :func:`_periods_read`):
    the commune it was consolidated for (rank_plans). None when another plan of the year knows
    more of that month's lists' hamlets than the plan of that commune: July first run with the
    old plan alone (the merged one not yet there), its new hamlets refused, then run again with
    the merged plan, takes the merged plan."""
    period = period_taken(submissions, requested_period)
    if periods is None or period is None:
        return None
    stored = {p["period"]: p["commune"] for p in periods}
    year = int(period[:4])
    usable = [o for o in plans if o.plan is not None and o.plan.plan_year == year]
    taken = (
        period
        if period in stored
        else _month_after_of_commune(period, stored, usable)
        or _month_before_merged(period, stored, usable)
    )
    if taken is None:
        return None
    written = [s for s in submissions if s.kind == "roster" and s.period == period]

    def known(outcome: Outcome) -> int:
        matcher = HamletMatcher(outcome.plan.hamlet_names, outcome.plan.hidden_hamlets)
        return sum(1 for sub in written if raw_hamlet(sub, matcher) is not None)

    theirs = [known(o) for o in usable if _names_commune(o, stored[taken])]
    if not theirs:
        # that commune's plan there but unusable, perhaps: the run stops on it (run._pick_plan);
        # not when a plan usable has that month's hamlets (one commune, its name corrected)
        hamlets = next({fold(h["hamlet"]) for h in p["hamlets"]}
                       for p in periods if p["period"] == taken)  # fmt: skip
        other = all({fold(name) for name in o.plan.hamlet_names} != hamlets for o in usable)
        unusable = other and any(o.plan is None and plan_is_of_year(o, year) for o in plans)
        return (taken, stored[taken]) if unusable else None
    if max(theirs) < max(known(o) for o in usable):
        return None
    return (taken, stored[taken])


def _periods_read(history: HistoryStore | None) -> list[dict] | None:
    """The months stored in ``history`` (HistoryStore.periods); None without one or when it
    cannot be read (damaged, newer, locked: said where the run saves)."""
    if history is None:
        return None
    import sqlite3

    try:
        return history.periods()
    except (HistoryError, sqlite3.Error):
        return None


def _month_unsure(period: str | None, stored: tuple[str, str] | None, periods) -> bool:
    """Whether ``period``, never run, takes the commune of the stored month after it
    (``stored``) with no stored month before it of that commune: the tool first used after the
    merger, or the month between the two communes' months. The history cannot tell the
    merger's month; the officer is told how to count it as the old commune's (session 46)."""
    if not stored or not period or stored[0] <= period or not periods:
        return False
    before = [p for p in periods if p["period"][:4] == period[:4] and p["period"] < period]
    latest = max(before, key=lambda p: p["period"], default=None)
    return latest is None or commune_key(latest["commune"]) != commune_key(stored[1])


def _stored_communes_plan_unusable(
    unusable: Outcome, chosen: Outcome, stored: tuple[str, str], year: int | None, again: str
) -> Message:
    """The stop of a month whose commune (``stored``: the month that says it, its commune) has
    no usable plan of the year while a plan of the year cannot be used (``unusable``): perhaps
    that commune's. The plan of another commune (``chosen``) is not taken in its place: June,
    run for Trung Lương, run again with Trung Lương's plan broken would be rewritten as Định
    Hóa's, Khuôn Tát missing (session 45's review). Ends with the run to paste (``again``),
    out of the brackets: nothing pasted with it."""
    reason = with_year_needed(unusable.plan_error, year)
    month = f"{int(stored[0][5:])}/{stored[0][:4]}"
    theirs, file = chosen.plan.commune, chosen.sub.file
    return Message(
        f"{reason} (Kỳ tháng {month} đã được tổng hợp theo xã '{stored[1]}' nhưng không có tệp "
        f"kế hoạch nào của xã đó dùng được; kế hoạch '{file}' của xã '{theirs}' không được "
        f"dùng thay.) Hãy sửa tệp '{unusable.sub.file}' rồi chạy lại: {again}",
        f"{in_language(reason, 'en')} (Month {month} was consolidated for commune "
        f"'{stored[1]}', but no plan of that commune can be used; plan '{file}' of commune "
        f"'{theirs}' is not used in its place.) Correct '{unusable.sub.file}' and run again: "
        f"{again}",
    )


def month_at_or_after(period: str, months) -> str | None:
    """Of ``months`` ('YYYY-MM'), the nearest of ``period``'s year at or after ``period``; None
    without one. A month never run is of the commune of the stored month after it (a merger
    comes after the months of the communes merged), else of the one before it: the plans'
    choice (:func:`_month_after_of_commune`) and the kept plan copy's without plans
    (run.kept_plan_of_year) by this one rule (session 46)."""
    return min((p for p in months if p >= period and p[:4] == period[:4]), default=None)


def _month_after_of_commune(
    period: str, stored: dict[str, str], usable: list[Outcome]
) -> str | None:
    """For a month never run (``period``, not in ``stored``: {period: commune}; ``usable``: the
    plans of its year read), the stored month of its year nearest after it, whose commune it is
    of: a merger comes after the months of the communes merged, so May never run, June run for
    Trung Lương and July for Định Hóa, is Trung Lương's, not the plan saved last's (session
    45). Between two communes' months (June Trung Lương's, August Định Hóa's), the merger's
    month cannot be known: the month after's, whose plan knows the hamlets of both, not the
    plan saved last, which may be of a commune merged later still (two mergers in a year;
    session 45's review); only when their plans are of two communes (other hamlets), not one
    commune's name mistyped in one plan. None without a later month of the year, or between
    one commune's two names: the plan saved last, as before."""
    after = month_at_or_after(period, stored)
    before = [p for p in sorted(stored) if p < period and p.startswith(period[:4])]
    if after is None or not before or commune_key(stored[before[-1]]) == commune_key(stored[after]):
        return after
    mine = [o for o in usable if _names_commune(o, stored[after])]
    theirs = [o for o in usable if _names_commune(o, stored[before[-1]])]
    merged = any(_of_other_communes(a.plan, b.plan) for a in mine for b in theirs)
    return after if merged else None


def _month_before_merged(period: str, stored: dict[str, str], usable: list[Outcome]) -> str | None:
    """For a month never run after the stored months of its year (``period``; ``stored``:
    {period: commune}; ``usable``: the plans of its year read), the latest of them when the plan
    saved last (as rank_plans puts it first) is of a commune of an earlier stored month but not
    of the latest one: merged since, so no later month is its. The old commune's plan opened
    and saved again after the merger: August, July run for Định Hóa, June for Trung Lương, is
    Định Hóa's, not Trung Lương's (session 45's review). None otherwise: the plan saved last."""
    year = int(period[:4])
    before = [p for p in sorted(stored) if p < period and p.startswith(period[:4])]
    if not before or not usable or before[-1] != max(p for p in stored if p.startswith(period[:4])):
        return None  # a month after it stored: _month_after_of_commune
    last = max(usable, key=lambda o: (plan_named_for(o, year), o.sub.mtime, o.sub.file))
    merged = {commune_key(stored[p]) for p in before} - {commune_key(stored[before[-1]])}
    # of two communes (other hamlets): not one commune's name mistyped in one plan
    latest = [o for o in usable if _names_commune(o, stored[before[-1]])]
    if commune_key(last.plan.commune) in merged and any(
        _of_other_communes(last.plan, o.plan) for o in latest
    ):
        return before[-1]
    return None


def note_former_communes(plans: list[Outcome]) -> None:
    """Sets the plan taken (``plans[0]``, ranked)'s ``former_communes``: the communes of the
    other plans in the folder saved before it that name another commune (the former commune's
    plan kept at a merger), so a list naming one is told it is the name before the merger. A
    run and `giamngheo check` say it by this one rule."""
    chosen = plans[0] if plans else None
    if chosen is None or chosen.plan is None:
        return
    mine = commune_key(chosen.plan.commune)
    for other in plans[1:]:
        if other.plan is None or other.sub.mtime > chosen.sub.mtime:
            continue
        key = commune_key(other.plan.commune)
        if key != mine and _of_other_communes(chosen.plan, other.plan):
            chosen.plan.former_communes.setdefault(key, (other.plan.commune, other.sub.file))


def _of_other_communes(one: Plan, other: Plan) -> bool:
    """Whether two plans are of two communes (a merger): their communes' names differ (folded,
    'Xã' or not) and so do their hamlets. The same hamlets under another name are one commune,
    one plan's name mistyped: the rule of :func:`notices_plan.of_other_commune` (docs/decisions.md,
    "Session 25: a plan whose commune name is mistyped")."""
    if commune_key(one.commune) == commune_key(other.commune):
        return False
    return {fold(h) for h in one.hamlet_names} != {fold(h) for h in other.hamlet_names}
