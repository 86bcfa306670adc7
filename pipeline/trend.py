"""The trend and year-on-year figures a month takes from the stored months of its year and the
year before, and what hamlets renamed or merged during the year carry into them: their
earlier names and merged hamlets (renamed_from, merged_from, merged_since), the earlier
months' points under a hamlet's old name, and the stored months consolidated for another
commune (before a merger). Called by pipeline.run's consolidated and figuresteps.figured
(docs/decisions.md, session 34: pipeline/run.py split)."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from pipeline import figures as fig
from pipeline import timeline
from pipeline.notices_plan import of_other_commune
from pipeline.renames import hamlet_renames, merged_by_start_list
from pipeline.text import vi_key
from pipeline.types import Plan


def bases_of_other_commune(
    plan: Plan, hamlet_figs: list[dict], stored: list[dict], bases: list
) -> dict:
    """Of the stored months the movement tables compare with (``bases``: 'YYYY-MM', 'plan' or
    None), those consolidated for another commune than the plan's (before a merger): period ->
    that commune and the hamlets accepted then, so a hamlet not among them is said to have
    been in no list of the commune then, not to have sent none."""
    found = {}
    for snap in stored:
        commune = snap.get("commune") or plan.commune
        if snap["period"] in bases and of_other_commune(snap, plan.commune, hamlet_figs):
            found[snap["period"]] = {
                "commune": commune,
                "hamlets": [h["hamlet"] for h in snap["hamlets"] if h.get("status") == "ok"],
            }
    return found


def new_in_plan(plan: Plan, period: str, hamlet_figs: list[dict], stored: list[dict]) -> dict:
    """The plan's hamlets new in it since a stored month compared with: hamlet -> ``since``, the
    first month (stored, or ``period``) from which every month names it (a month's summary names
    each hamlet of its plan), and ``first_list``, the first of those that accepted its list (or
    ``period``). The stored months are the plan year's before ``period`` and last month; a
    hamlet every one names is none, nor one renamed or merged into during the year (its tables
    start from its old lists), nor any where one of them was another commune's (a commune merged
    in brings hamlets of its own: session 25). A hamlet whose list any stored month before
    accepted (dropped from the plan and added again) has that month its ``first_list``: its
    tables start from that list, not from none (baselines._new_in_plan's question too: session
    58, H). 'Biến động' says a new hamlet's tables start from
    none, or that it was in no plan of last month (docs/decisions.md, session 57, B4). Whether
    its start column leaves out the households last month's lists had elsewhere (its moves
    pair) is the figures' answer, not this one: the summary's ``month_paired``
    (baselines._in_no_plan; session 60, D)."""
    year, previous = f"{plan.plan_year:04d}-", timeline.previous_period(period)
    months = sorted(
        (s for s in stored
         if s["period"] < period and (s["period"].startswith(year) or s["period"] == previous)),
        key=lambda s: s["period"],
    )  # fmt: skip
    if not months or any(of_other_commune(s, plan.commune, hamlet_figs) for s in months):
        return {}
    found = {}
    for item in hamlet_figs:
        hamlet = item["hamlet"]
        if item.get("renamed_from") or item.get("merged_from"):
            continue
        named = [any(h["hamlet"] == hamlet for h in s["hamlets"]) for s in months]
        if all(named):
            continue
        after = months[max(i for i, n in enumerate(named) if not n) + 1 :]
        # a list of it accepted by any stored month before (one dropped from the plan and added
        # again): its tables start from that list (baselines._latest_lists), not from none, as
        # baselines._new_in_plan asks it (session 58, H)
        listed = sorted(s["period"] for s in (*stored, *after) if s["period"] < period
                        and any(h["hamlet"] == hamlet and h.get("status", "ok") == "ok"
                                for h in s["hamlets"]))  # fmt: skip
        found[hamlet] = {
            "since": after[0]["period"] if after else period,
            "first_list": listed[0] if listed else period,
        }
    return found


def merges_named(
    period: str,
    hamlet_figs: list[dict],
    merges: dict[str, str],
    stored: list[dict],
    renamed: dict[str, str] | None = None,
) -> list[dict]:
    """``hamlet_figs`` with, on a hamlet that others were merged into during the plan year, the
    names of those (``merged_from``): last month's merges (``merges``: old name -> the hamlet)
    and those the latest stored month of the year before ``period`` says. The trend sets its
    months before the merger over them all (:func:`trends`; docs/decisions.md, session 31). A
    hamlet renamed this month (``renamed``: old name -> name now) keeps those said under its old
    name (session 32, second review: merged, then renamed)."""
    year = period[:5]
    before = [s for s in stored if s["period"].startswith(year) and s["period"] < period]
    said = {h["hamlet"]: h.get("merged_from") for h in before[-1]["hamlets"]} if before else {}
    formerly = {new: old for old, new in (renamed or {}).items()}
    merges = {**(before[-1].get("trend_merged", {}) if before else {}), **merges}
    for item in hamlet_figs:
        names = {old for old, new in merges.items() if new == item["hamlet"]}
        names |= set(said.get(formerly.get(item["hamlet"], item["hamlet"])) or ())
        if names:
            item["merged_from"] = sorted(names, key=vi_key)
    return hamlet_figs


def renames_named(
    period: str,
    hamlet_figs: list[dict],
    renamed: dict[str, str],
    merges: dict[str, str],
    stored: list[dict],
) -> list[dict]:
    """``hamlet_figs`` with, on a hamlet renamed during the plan year, its earlier names and the
    first month under the next name (``renamed_from``: [{"hamlet", "period"}], oldest first),
    and on a hamlet others were merged into, the first month of each merger (``merged_since``:
    name -> 'YYYY-MM'; beside ``merged_from``): this month's renames and merges (``renamed``,
    ``merges``: old name -> name now, this month the first under it) and what the latest stored
    month of the year says, under the name now or last month's. 'Xu hướng' says whose the
    earlier points are (docs/decisions.md, session 32). Only a hamlet with either gets a key."""
    year = period[:5]
    before = [s for s in stored if s["period"].startswith(year) and s["period"] < period]
    said = {h["hamlet"]: h for h in before[-1]["hamlets"]} if before else {}
    formerly = {new: old for old, new in renamed.items()}
    listed = {h["hamlet"] for s in before for h in s["hamlets"] if h.get("status", "ok") == "ok"}
    # renamed by the plan, this month the first consolidated under the name now, with no list
    # of its own to tell it by (earlier_trend, from the plan's start list; session 50)
    unlisted = before[-1].get("trend_renamed", {}) if before else {}
    merges = {**(before[-1].get("trend_merged", {}) if before else {}), **merges}
    for item in hamlet_figs:
        name = item["hamlet"]
        old = formerly.get(name)
        # a hamlet back after silence: the month it was silent in under the name now may
        # have said the rename already (session 50)
        then = (said.get(old) if old is not None else None) or said.get(name) or {}
        names = [dict(n) for n in then.get("renamed_from") or ()]
        if old is None and not names and name not in said:
            old = unlisted.get(name)
        if old is not None and not names and name in listed and old not in listed:
            # back in the plan under a name whose own list a month of the year accepted, taking
            # the households of one that never sent: its earlier points are its own, none the
            # old name's (session 61, C2)
            old = None
        if old is not None and not (names and names[-1]["hamlet"] == old):
            names.append({"hamlet": old, "period": period})
        if names:
            item["renamed_from"] = names
        since_then = then.get("merged_since") or {}
        since = {}
        for into in item.get("merged_from") or ():
            # the month before may have said the merger already: its hamlet silent then, back
            # now (session 50)
            when = since_then.get(into) or (period if merges.get(into) == name else None)
            if when is not None:
                since[into] = when
        if since:
            item["merged_since"] = since
    return hamlet_figs


def earlier_trend(
    plan: Plan, period: str, stored: list[dict], history, rows_now: pd.DataFrame | None = None
) -> None:
    """When a hamlet of the plan has no row in some stored month of the year before ``period``
    (renamed since, or new in the plan), the latest such month's trend points of the hamlets
    (``trend_hamlets``, read from the store for that month alone): the points a renamed
    hamlet's trend had under its old name (:func:`trends`). A hamlet of that month the plan renamed
    since (:func:`hamlet_renames`, from the plan's start list and ``rows_now``, this month's lists)
    has its points under its name now too: last month never run, or the hamlet renamed again
    (docs/decisions.md, session 32). Nothing is read otherwise."""
    year = f"{plan.plan_year:04d}-"
    of_year = [s for s in stored if s["period"].startswith(year) and s["period"] < period]
    if not of_year:
        return
    names = set(plan.hamlets["hamlet"].tolist())
    if all(names <= {h["hamlet"] for h in s["hamlets"]} for s in of_year):
        return
    latest = of_year[-1]
    points = history.trend_hamlets(latest["period"])
    latest["trend_hamlets"] = points
    then = {h["hamlet"] for h in latest["hamlets"]}
    gone, new = then - names, names - then - set(points)
    if gone and new:
        stored_keys = history.keys_of_hamlets(plan.plan_year, gone)
        frames = (getattr(plan, "start_list", None), rows_now)
        for old, name in hamlet_renames(stored_keys, new, frames).items():
            if old in points:
                points[name] = points[old]
                # said on 'Xu hướng' (renames_named) also when the hamlet sent nothing this
                # month, its rename known from the plan's start list alone (session 50)
                latest.setdefault("trend_renamed", {})[name] = old


def merged_silent(
    plan: Plan, period: str, stored: list[dict], history, sent: Collection[str]
) -> None:
    """A hamlet of the latest stored month of the year the plan lacks now, merged by the plan's
    start list (:func:`merged_by_start_list`) into one that month had and that has no list
    counted this month (not in ``sent``: the hamlets counted; silent, or its list refused): kept
    on that month, in memory alone, as ``trend_merged`` (old name -> the hamlet), so that the
    trend's months before the merger are over both and said so from this month
    (:func:`merges_named`, :func:`renames_named`), as when the hamlet sends its list and the
    merger is told by it. The month's figures say it (``merged_since``) on a hamlet that sent
    nothing or whose list was refused whole, which the history walk does not read as a merger
    said (baselines._merges_said; docs/decisions.md, sessions 50 and 52). Nothing is read
    otherwise."""
    year = f"{plan.plan_year:04d}-"
    of_year = [s for s in stored if s["period"].startswith(year) and s["period"] < period]
    if not of_year:
        return
    latest = of_year[-1]
    then = {h["hamlet"] for h in latest["hamlets"]}
    names = set(plan.hamlets["hamlet"].tolist())
    gone, silent = then - names, (names & then) - set(sent)
    if not gone or not silent:
        return
    stored_keys = history.keys_of_hamlets(plan.plan_year, gone)
    start = getattr(plan, "start_list", None)
    found = merged_by_start_list(stored_keys, names, start, names & then)
    found = {old: into for old, into in found.items() if into in silent}
    if found:
        latest["trend_merged"] = found


def trends(
    plan: Plan,
    period: str,
    totals: dict,
    hamlet_figs: list[dict],
    stored: list[dict],
    renamed: dict[str, str] | None = None,
) -> dict:
    """Commune and hamlet rates for every month of the plan year up to this one, and the target path.

    A month stored for another commune (before a merger in the middle of the year: another
    plan, other hamlets, households and targets) is no point of this commune's trend: it is
    left out and named (``other_commune``: its commune and months). A hamlet renamed since last
    month (``renamed``: old name -> name now) has its rates of a month without the name now
    under its old name."""
    formerly = {new: old for old, new in (renamed or {}).items()}
    year = str(plan.plan_year)
    of_year = [s for s in stored if s["period"].startswith(year) and s["period"] < period]
    months = [s for s in of_year if not of_other_commune(s, plan.commune, hamlet_figs)]
    others = [s for s in of_year if s not in months]
    months.append(
        {
            "period": period,
            "complete": all(h["status"] == "ok" for h in hamlet_figs),
            "totals": totals,
            "hamlets": hamlet_figs,
        }
    )
    commune = []
    # One path for every month: the plan's target from this month's start rate (the table's
    # 'Đầu năm', the reduction's), straight to its year-end target, as the chart draws it; a
    # month over other hamlets or run under another plan keeps its own path in its own
    # workbook (docs/decisions.md, session 52).
    start_poor, start_near = totals["start_poor_rate"], totals["start_near_poor_rate"]
    for snap in months:
        t = snap["totals"]
        commune.append(
            {
                "period": snap["period"],
                "complete": snap.get("complete", True),
                "households": t["households"],
                "poor": t["poor"],
                "near_poor": t["near_poor"],
                "poor_rate": t["poor_rate"],
                "near_poor_rate": t["near_poor_rate"],
                "poor_target_rate": timeline.target_path(
                    start_poor, plan.poor_target, snap["period"]
                ),
                "near_poor_target_rate": timeline.target_path(
                    start_near, plan.near_poor_target, snap["period"]
                ),
            }
        )
    rates = [
        {
            h["hamlet"]: {"poor_rate": h["poor_rate"], "near_poor_rate": h["near_poor_rate"]}
            if h.get("status", "ok") == "ok"  # a hamlet whose figures lack households: none
            else {"poor_rate": None, "near_poor_rate": None}
            for h in reversed(snap["hamlets"])  # reversed: the first of a name wins
        }
        for snap in months
    ]
    # A hamlet others were merged into: a month with their rows is over all of them (summed
    # counts), like with like beside its merged start and its months since; one of them
    # missing or refused that month: no point.
    # A month without a row of the hamlet under its name now nor last month's (renamed before
    # last month) takes the point the latest stored month's trend gives it (below), when that
    # month knew the same merger: its point is over the same hamlets (session 32).
    source = next((s for s in reversed(months) if "trend_hamlets" in s), {"hamlets": ()})
    merged_then = {h["hamlet"]: set(h.get("merged_from") or ()) for h in source["hamlets"]}
    # each hamlet's earlier names with the first month under the next (``renamed_from``, the
    # latest month that has the hamlet saying it): a month before a rename has its row under
    # the old name, the merged hamlet's as the one merged in (session 32, second review)
    old_names = {h["hamlet"]: h["renamed_from"] for snap in months for h in snap["hamlets"]
                 if h.get("renamed_from")}  # fmt: skip

    def named(name: str, period: str, rows: dict) -> str:
        if name in rows:
            return name
        then = [n["hamlet"] for n in old_names.get(name, ())
                if period < n["period"] and n["hamlet"] in rows]  # fmt: skip
        return then[-1] if then else name

    for item in hamlet_figs:
        into = item.get("merged_from")
        if not into:
            continue
        for m, snap in enumerate(months[:-1]):
            rows = {h["hamlet"]: h for h in snap["hamlets"]}
            into_then = [named(name, snap["period"], rows) for name in into]
            if not any(name in rows for name in into_then):
                continue
            own = item["hamlet"]
            if own not in rows and formerly.get(own) in rows:
                own = formerly[own]  # renamed and merged at once (session 32)
            elif named(own, snap["period"], rows) in rows:
                own = named(own, snap["period"], rows)  # renamed before the merger
            elif own not in rows and set(into) <= merged_then.get(own, set()):
                continue
            group = [rows.get(name) for name in (own, *into_then)]
            if any(h is None or h.get("status", "ok") != "ok" for h in group):
                rates[m][item["hamlet"]] = {"poor_rate": None, "near_poor_rate": None}
                continue
            households = sum(h["households"] for h in group)
            rates[m][item["hamlet"]] = {
                "poor_rate": fig.rate(sum(h["poor"] for h in group), households),
                "near_poor_rate": fig.rate(sum(h["near_poor"] for h in group), households),
            }
    hamlets = {
        h["hamlet"]: [
            {
                "period": snap["period"],
                **rates[m].get(
                    h["hamlet"],
                    rates[m].get(
                        formerly.get(h["hamlet"], ""), {"poor_rate": None, "near_poor_rate": None}
                    ),
                ),
            }
            for m, snap in enumerate(months)
        ]
        for h in hamlet_figs
    }
    # A month without a row of a hamlet under its name now (or last month's old name) has the
    # point the latest stored month's trend gives it: a hamlet renamed before last month keeps
    # the points it had under its old name then (earlier_trend; docs/decisions.md, session 31).
    # Renamed again since last month, that month's trend has them under last month's name
    # (session 32: a hamlet renamed twice in the year).
    earlier = next((s["trend_hamlets"] for s in reversed(months) if "trend_hamlets" in s), None)
    if earlier:
        for name, points in hamlets.items():
            kept = earlier.get(name) or earlier.get(formerly.get(name, "")) or ()
            then = {p.get("period"): p for p in kept}
            for m, point in enumerate(points):
                if point["poor_rate"] is not None or name in rates[m]:
                    continue
                if formerly.get(name, "") in rates[m] or point["period"] not in then:
                    continue
                old = then[point["period"]]
                points[m] = {"period": point["period"], "poor_rate": old.get("poor_rate"),
                             "near_poor_rate": old.get("near_poor_rate")}  # fmt: skip
    trend = {"commune": commune, "hamlets": hamlets}
    if others:
        trend["other_commune"] = {
            "commune": others[-1]["commune"],
            "periods": [s["period"] for s in others],
        }
    return trend


def year_on_year(
    period: str,
    hamlets: list[dict],
    totals: dict,
    stored: list[dict],
    commune: str = "",
    standard: str = "",
) -> dict | None:
    """This month against the same month last year: the whole commune when both months have
    every hamlet of their plan (whatever hamlets merged in between) and are of ``commune``;
    else over the hamlets consolidated in both (one missing in either month is left out of
    both sides, and named), like with like: last year's month of the commune before a
    merger (stored for another commune) is compared over the hamlets of both.

    ``standard``: this month's poverty standard. Last year's month consolidated by another
    (December 2026's 2022-2025 beside January 2027's 2027-2030) is still compared, and its
    standard given (``standard``) so the reports say the change is partly the new standard's,
    not a reduction (docs/decisions.md, session 38: a comparison across the standard change)."""
    last_year = timeline.same_month_last_year(period)
    snap = next((s for s in stored if s["period"] == last_year), None)
    if snap is None:
        return None
    then = {h["hamlet"]: h for h in snap["hamlets"] if h.get("status") == "ok"}
    now = {h["hamlet"]: h for h in hamlets if h.get("status") == "ok"}
    same = not commune or not of_other_commune(snap, commune, hamlets)
    if same and len(now) == len(hamlets) and len(then) == len(snap["hamlets"]):  # both complete
        before, left_out = snap["totals"], []
        poor_then, near_then = before["poor_rate"], before["near_poor_rate"]
        poor_now, near_now = totals["poor_rate"], totals["near_poor_rate"]
    else:
        both = [name for name in now if name in then]
        if not both:
            return None
        left_out = [name for name in dict.fromkeys([*now, *then]) if name not in both]

        def rates(by: dict) -> tuple[float, float]:
            households = sum(by[name]["households"] for name in both)
            poor = sum(by[name]["poor"] for name in both)
            near_poor = sum(by[name]["near_poor"] for name in both)
            return fig.rate(poor, households), fig.rate(near_poor, households)

        (poor_then, near_then), (poor_now, near_now) = rates(then), rates(now)
    # last year's month's standard, when another than this month's
    standard_then = snap.get("standard")
    other = standard and standard_then and standard_then != standard
    other_standard = {"standard": standard_then} if other else {}
    return {
        "period": last_year,
        "poor_rate": poor_then,
        "near_poor_rate": near_then,
        "now_poor_rate": poor_now,
        "now_near_poor_rate": near_now,
        "poor_rate_change": poor_now - poor_then,
        "near_poor_rate_change": near_now - near_then,
        "hamlets_left_out": left_out,
        **other_standard,
    }
