"""What a run tells the officer about plans and figures changed since: a period's figures changed
by a run again (figures_changed), the commune's plan replaced (commune_replaced), a plan changed
since a month was run (plan_changed_since), a month run under an older plan or a later month
under a newer one (run_under_older_plan, later_under_newer_plan), the plan of another
commune (of_other_commune, also pipeline.trend's) and a start list whose codes the posted list
masks (start_list_ids_notes). Moved from pipeline.notices (docs/decisions.md,
session 51: notices.py split by topic), which re-exports its public names."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import NamedTuple

from pipeline.messages import Message, RunCommand, commands_in_turn, in_language, with_unit
from pipeline.renames import formerly_named, renamed_since
from pipeline.rosterchecks import (
    month_written,
)
from pipeline.text import (
    commune_key,
    fold,
    format_vn,
    small_figure,
    vi_key,
)
from pipeline.types import RunResult
from schemas.columns import PLAN_TARGET_COLUMNS

# The figures a month's report carries, the commune's and each hamlet's, in the order a change
# is named (counts, rates, reductions, progress, then the rest): (key, kind, Vietnamese, English).
# Not compared: deprivations and subgroups (as in session 18), the trend (other months'
# figures), issues, timestamps and paths.
_REPORTED = (
    ("households", "count", "số hộ dân cư", "households"),
    ("poor", "count", "hộ nghèo", "poor"),
    ("near_poor", "count", "hộ cận nghèo", "near-poor"),
    ("start_households", "count", "số hộ đầu năm", "households at the start of the year"),
    ("start_poor", "count", "hộ nghèo đầu năm", "poor at the start of the year"),
    ("start_near_poor", "count", "hộ cận nghèo đầu năm", "near-poor at the start of the year"),
    ("poor_rate", "rate", "tỷ lệ hộ nghèo", "poor rate"),
    ("near_poor_rate", "rate", "tỷ lệ hộ cận nghèo", "near-poor rate"),
    ("start_poor_rate", "rate", "tỷ lệ hộ nghèo đầu năm", "poor rate at the start of the year"),
    ("start_near_poor_rate", "rate", "tỷ lệ hộ cận nghèo đầu năm",
     "near-poor rate at the start of the year"),
    ("multidim_rate", "rate", "tỷ lệ nghèo đa chiều", "multidimensional poverty rate"),
    ("poor_rate_reduction", "points", "mức giảm tỷ lệ hộ nghèo", "poor rate reduction"),
    ("near_poor_rate_reduction", "points", "mức giảm tỷ lệ hộ cận nghèo",
     "near-poor rate reduction"),
    ("poor_progress", "progress", "tiến độ chỉ tiêu hộ nghèo", "poor target progress"),
    ("near_poor_progress", "progress", "tiến độ chỉ tiêu hộ cận nghèo", "near-poor target progress"),
    ("poor_target", "target", "chỉ tiêu giảm tỷ lệ hộ nghèo", "poor rate target"),
    ("near_poor_target", "target", "chỉ tiêu giảm tỷ lệ hộ cận nghèo", "near-poor rate target"),
    ("poor_target_met", "met", "đánh giá chỉ tiêu hộ nghèo", "poor target"),
    ("near_poor_target_met", "met", "đánh giá chỉ tiêu hộ cận nghèo", "near-poor target"),
    ("poor_still_to_exit", "count", "số hộ nghèo còn phải giảm", "poor still to leave"),
    ("near_poor_still_to_exit", "count", "số hộ cận nghèo còn phải giảm",
     "near-poor still to leave"),
)  # fmt: skip


# The movement tables' rows, as 'Biến động' has them: list -> row -> (Vietnamese, English).
_MOVEMENT_ROWS = {
    "poor": {
        "start": ("hộ nghèo đầu kỳ", "poor at the start"),
        "to_near_poor": ("hộ nghèo chuyển sang cận nghèo", "poor to near-poor"),
        "exited": ("hộ thoát nghèo", "poor who left"),
        "not_counted": ("hộ nghèo có dòng lỗi chưa tính", "poor rows not counted"),
        "moved_out": ("hộ nghèo chuyển sang xóm khác", "poor moved to another hamlet"),
        "from_near_poor": ("hộ cận nghèo chuyển sang hộ nghèo", "near-poor to poor"),
        "new": ("hộ nghèo phát sinh mới", "new poor"),
        "returned": ("hộ tái nghèo", "poor who fell back"),
        "moved_in": ("hộ nghèo chuyển đến từ xóm khác", "poor moved in"),
        "recounted": ("hộ nghèo tính lại", "poor counted again"),
        "end": ("hộ nghèo cuối kỳ", "poor at the end"),
    },
    "near_poor": {
        "start": ("hộ cận nghèo đầu kỳ", "near-poor at the start"),
        "to_poor": ("hộ cận nghèo chuyển sang nghèo", "near-poor to poor"),
        "exited": ("hộ thoát cận nghèo", "near-poor who left"),
        "not_counted": ("hộ cận nghèo có dòng lỗi chưa tính", "near-poor rows not counted"),
        "moved_out": ("hộ cận nghèo chuyển sang xóm khác", "near-poor moved to another hamlet"),
        "from_poor": ("hộ nghèo chuyển sang hộ cận nghèo", "poor to near-poor"),
        "new": ("hộ cận nghèo phát sinh mới", "new near-poor"),
        "returned": ("hộ tái cận nghèo", "near-poor who fell back"),
        "moved_in": ("hộ cận nghèo chuyển đến từ xóm khác", "near-poor moved in"),
        "recounted": ("hộ cận nghèo tính lại", "near-poor counted again"),
        "end": ("hộ cận nghèo cuối kỳ", "near-poor at the end"),
    },
}


# The rows that are another list's row seen from the other side (a household poor to near-poor
# is both 'poor to near-poor' and 'near-poor from poor'): a change of one is said once, by the
# list it left (session 32 QA: "hộ nghèo chuyển sang cận nghèo … 2 → 3, … hộ nghèo chuyển sang
# hộ cận nghèo … 2 → 3" read as two changes).
_MIRRORED = {("poor", "from_near_poor"), ("near_poor", "from_poor")}


_MOVEMENT_TABLES = {
    "movements": ("từ đầu năm", "since the start of the year"),
    "movements_month": ("so với tháng trước", "since the previous month"),
}


_SAID_AT_MOST = 5  # commune figures named; the rest counted ("và N số liệu khác")


class _Figure(NamedTuple):
    kind: str
    vi: str
    en: str


def _reported(figures: dict) -> dict[tuple, tuple[_Figure, object]]:
    """The figures of a summary's ``totals`` or one of its ``hamlets`` that a report carries,
    in the order they are named: key -> (what it is, its value as the report shows it — rates
    and points to 2 decimals). A figure the summary lacks (one stored by an older version) is
    left out, so it is never said to have changed."""
    out: dict[tuple, tuple[_Figure, object]] = {}
    for key, kind, vi, en in _REPORTED:
        if key in figures:
            value = figures[key]
            if isinstance(value, float) and kind not in ("count", "met"):
                value = round(value, 2) + 0.0  # as shown; -0.0 is 0
            out[(key,)] = (_Figure(kind, vi, en), value)
    for table, (scope_vi, scope_en) in _MOVEMENT_TABLES.items():
        if table not in figures:
            continue
        tables = figures[table] or {}
        # A table made now and not then (a month run before the one ahead of it, say) is one
        # change, its rows none.
        what = _Figure("table", f"bảng biến động {scope_vi}", f"table of changes {scope_en}")
        out[(table,)] = (what, bool(tables))
        for lst, rows in _MOVEMENT_ROWS.items():
            for row, (vi, en) in rows.items():
                if (lst, row) in _MIRRORED:
                    continue
                value = (tables.get(lst) or {}).get(row)
                what = _Figure("count", f"{vi} ({scope_vi})", f"{en} ({scope_en})")
                out[(table, lst, row)] = (what, value)
    return out


def _shown(value: object, kind: str, lang: str) -> str:
    """A figure as the run's summary lines write it: '10,83 %', '0,48 điểm', 'đạt'."""
    if value is None:
        return "—"
    if kind == "table":
        return ("có" if value else "chưa có") if lang == "vi" else ("made" if value else "none")
    if kind == "met":
        return ("đạt" if value else "chưa đạt") if lang == "vi" else ("met" if value else "not met")
    if kind == "count":
        return format_vn(float(value), 0) if lang == "vi" else f"{float(value):,.0f}"
    if kind in ("points", "progress"):  # 0,0013, not 0,00; 'dưới 0,0001' (session 49)
        number = small_figure(float(value), lang)
    else:
        number = format_vn(float(value)) if lang == "vi" else f"{float(value):.2f}"
    if kind in ("rate", "progress"):
        return f"{number} %"
    return number


def _changed(then: dict, now: dict) -> list[tuple[_Figure, object, object]]:
    """The reported figures that differ, in the order they are named: (what, then, now)."""
    old, new = _reported(then), _reported(now)
    made = {key[0] for key, (_, value) in [*old.items(), *new.items()]
            if len(key) == 1 and value is False}  # fmt: skip
    return [(what, old[key][1], value) for key, (what, value) in new.items()
            if key in old and old[key][1] != value
            and (len(key) == 1 or key[0] not in made)]  # fmt: skip


def _said_change(what: _Figure, a: object, b: object, lang: str) -> str:
    vi = lang == "vi"
    unit = (" điểm" if vi else " points") if what.kind in ("points", "target") else ""
    a_said, b_said = _shown(a, what.kind, lang), _shown(b, what.kind, lang)
    return f"{what.vi if vi else what.en} {a_said} → {b_said}{unit if b is not None else ''}"


def figures_changed(
    result: RunResult,
    before: dict | None,
    renamed: dict[str, str] | None = None,
    command: RunCommand | None = None,
) -> list[Message]:
    """A period run again whose reported figures differ from the run it replaced, for an
    officer who may have sent the old ones on already: the commune's figures that changed, then
    and now (counts first, then rates, reductions, progress; the first few, and how many
    more), and the hamlets whose figures or status changed. The replaced run's summary stays in
    the history (its ``runs`` row), and its sources in ``nguon-cu-…`` when a file changed
    (archive). A hamlet the plan has renamed since (``renamed``: old name -> name now) is set
    beside its figures under the old name, and named by both. Ends with ``command``'s `history
    --period` of the month, which lists each run's figures (docs/decisions.md, session 51)."""
    if before is None:
        return []
    renamed = renamed or {}
    command = command or RunCommand()
    changes = _changed(before["totals"], result.summary["totals"])
    old_hamlets = {renamed.get(h["hamlet"], h["hamlet"]): h for h in before["hamlets"]}
    now_hamlets = {h["hamlet"]: h for h in result.summary["hamlets"]}
    differ = [
        name
        for name in [*now_hamlets, *(h for h in old_hamlets if h not in now_hamlets)]
        if name not in old_hamlets
        or name not in now_hamlets
        or old_hamlets[name].get("status") != now_hamlets[name].get("status")
        or _changed(old_hamlets[name], now_hamlets[name])
    ]
    if not changes and not differ:
        return []
    formerly = {new: old for old, new in renamed.items()}
    differ_en = [formerly_named(name, formerly, "en") for name in differ]
    differ = [formerly_named(name, formerly, "vi") for name in differ]

    def commune(lang: str) -> str:
        said = ", ".join(_said_change(*change, lang) for change in changes[:_SAID_AT_MOST])
        more = len(changes) - _SAID_AT_MOST
        if more > 0:
            plural = "s" if more > 1 else ""
            said += (
                f" và {more} số liệu khác" if lang == "vi" else f" and {more} more figure{plural}"
            )
        return said

    said, said_en = commune("vi"), commune("en")
    names, names_en = some_named(differ)[0], some_named(differ_en)[1]
    month = month_written(result.period)
    return [
        Message(
            f"Số liệu kỳ {month} khác lần tổng hợp trước của kỳ này: toàn xã "
            f"{said or 'không đổi'}; xóm có số liệu thay đổi: {names or 'không có'}. Nếu đã gửi "
            "báo cáo kỳ này, hãy gửi lại bản mới. Số liệu lần trước vẫn được lưu trong lịch sử; "
            f"xem các lần chạy của kỳ này: {command.history_of(result.period)}",
            f"The figures of period {month} differ from its previous consolidation: commune "
            f"{said_en or 'unchanged'}; hamlets whose figures changed: {names_en or 'none'}. If "
            "this period's report was sent, send the new one. The previous figures stay in the "
            f"history; to see this period's runs: {command.history_of(result.period)}",
        )
    ]


# What a month's figures took from the plan, hamlet by hamlet: its start-of-year figures (the
# reduction, the trend's target path) and its targets (met or not).
_PLAN_FIGURES = ("start_households", "start_poor", "start_near_poor", "poor_target",
                 "near_poor_target")  # fmt: skip


_PLAN_SAID_AT_MOST = 3  # differences named; the rest counted ("và N thay đổi khác")

# The commune's targets a month's figures took from the plan ('Tổng hợp''s 'chỉ tiêu … điểm'
# and đạt/chưa đạt, the trend's path), as the plan's differences name them (planpick).
_COMMUNE_TARGETS = (
    ("poor_target", "chỉ tiêu giảm tỷ lệ hộ nghèo của xã", "the commune's poor rate target"),
    ("near_poor_target", "chỉ tiêu giảm tỷ lệ hộ cận nghèo của xã",
     "the commune's near-poor rate target"),
)  # fmt: skip


def commune_replaced(
    result: RunResult, stored: dict[str, dict], command: RunCommand
) -> list[Message]:
    """A month stored for one commune run again with another commune's plan: at a merger, the
    old commune's month (June) re-run with the old plan gone from the folder takes the merged
    commune's and its report is replaced by the merged commune's. Said, with what to do."""
    before = stored.get(result.period)
    if before is None or not before.get("commune"):
        return []
    old, new = before["commune"], result.plan.commune
    if not of_other_commune(before, new, result.summary["hamlets"]):
        return []  # the same commune, its name corrected in the plan since
    if commune_key(old) in result.plan.former_communes:
        return []  # the same commune, or its plan is in the folder and was passed over for
        # the merged one, which knows more of the month's lists (planpick._stored_commune)
    month = month_written(result.period)
    again = command.of(result.period)
    return [
        Message(
            f"Kỳ {month} đã được tổng hợp cho xã {old}; lần chạy này dùng kế hoạch của xã {new} "
            f"('{result.plan.file}') và thay số liệu đã lưu của kỳ đó bằng số liệu của xã {new}. "
            f"Nếu kỳ {month} là của xã {old}: chép lại tệp kế hoạch của xã "
            f"{old} vào thư mục đầu vào, tạm chuyển tệp '{result.plan.file}' ra ngoài, chạy lại "
            "kỳ này, rồi chép tệp đó trở lại; từ đó để cả hai tệp kế hoạch trong thư mục. Lệnh "
            f"chạy lại kỳ này: {again}",
            f"Period {month} was consolidated for commune {old}; this run used the plan of "
            f"commune {new} ('{result.plan.file}') and replaced the period's stored figures with "
            f"commune {new}'s. If {month} is commune {old}'s: copy commune "
            f"{old}'s plan back into the input folder, move '{result.plan.file}' out for a while, "
            "run this period again, then put that file back; from then on keep both plans in "
            f"the folder. To run this period again: {again}",
        )
    ]


def later_under_newer_plan(
    result: RunResult, stored: dict[str, dict], kept_renames: Mapping[str, str] | None = None
) -> dict[str, list[str]]:
    """The later stored months of the run's plan year consolidated under a newer plan than the
    run's: one without a hamlet the run's plan has and a stored month of the year up to this one
    had (merged, dropped or renamed since; a hamlet new in the run's plan, a split, is none),
    each with those hamlets. The officer runs a month before a merger with the plan it used,
    kept in its sources (session 31): the later months' plan is still the year's. Hamlet names
    only (sets over the stored months' names); months of another commune are left out.
    ``kept_renames`` (HistoryStore.kept_renames_onward: old name -> name now, the renames a run
    rewrote the kept start list by): a hamlet a later month has under the name it had before
    such a rename ran under the older plan, not a newer one (March run again after June's
    plan renamed it, April and May stored under the old name; docs/decisions.md, session 55:
    a month run again after a rename is not said older than the months before the rename)."""
    year = str(result.plan.plan_year)
    if not result.period.startswith(year) or not any(
        p > result.period and p.startswith(year) for p in stored
    ):
        return {}  # the month's run, the latest: no month after it
    in_plan = set(result.plan.hamlets["hamlet"].tolist())
    had: set[str] = set()
    newer: dict[str, list[str]] = {}
    for period, snap in sorted(stored.items()):
        if not period.startswith(year) or of_other_commune(
            snap, result.plan.commune, result.summary["hamlets"]
        ):
            continue
        names = {h["hamlet"] for h in snap["hamlets"]}
        if period <= result.period:
            had |= names & in_plan
            continue
        named_now = {(kept_renames or {}).get(name) for name in names}
        if missing := had - names - named_now:
            newer[period] = sorted(missing, key=vi_key)
    return newer


# How each month's plan is put in the input folder, said by both ways of running months again
# with their own plans (_in_calendar_order, run_under_older_plan): the run takes the plan
# file saved last; each month's own plan is kept in its sources.
_SAVED_LAST = ("có hai tệp thì chương trình dùng tệp lưu sau cùng",
               "of two, the run takes the one saved last")  # fmt: skip
_KEPT_IN_NGUON = (
    "mỗi kỳ giữ bản kế hoạch của nó trong thư mục 'nguon' của kỳ, trong thư mục kết quả",
    "each period keeps a copy of its plan in its 'nguon' folder, in the output folder",
)


def _in_calendar_order(
    result: RunResult,
    newer: Collection[str],
    later: Collection[str],
    several_plans: bool,
    own: Collection[str] = (),
) -> tuple[str, str]:
    """The later months to run again (``later``) in calendar order, each with the plan it used,
    when one run with this plan (or next year's) comes after one run with a newer plan
    (``newer``): the months of a newer plan with it put back, the others with this plan, next
    year's with its own, and so those of ``own`` (of the plan year, run under another plan with
    the same hamlets). Each month's changes follow the month before it, so no month is run
    before an earlier one (docs/decisions.md, session 35)."""
    year = result.period[:4]

    def plan_of(period: str) -> tuple[str, str]:
        if period in own or (period in newer and several_plans):
            return "kế hoạch của chính kỳ đó", "its own plan"
        if period in newer:
            return "kế hoạch mới", "the new plan"
        if period.startswith(year):
            return "kế hoạch này", "this plan"
        return f"kế hoạch năm {period[:4]}", f"the {period[:4]} plan"

    steps: list[tuple[tuple[str, str], list[str]]] = []
    for period in sorted(later):
        plan = plan_of(period)
        if steps and steps[-1][0] == plan:
            steps[-1][1].append(month_written(period))
        else:
            steps.append((plan, [month_written(period)]))
    vi = ", rồi ".join(f"kỳ {', '.join(at)} với {plan[0]}" for plan, at in steps)
    en = ", then ".join(f"{', '.join(at)} with {plan[1]}" for plan, at in steps)
    return (
        f"Hãy chạy lại các kỳ sau theo thứ tự tháng, mỗi kỳ với kế hoạch nó đã dùng: {vi}. Mỗi "
        "lần đổi kế hoạch, hãy để trong thư mục đầu vào chỉ tệp kế hoạch của kỳ sắp chạy, thay "
        f"cho kế hoạch đang ở đó ('{result.plan.file}' lúc này; {_SAVED_LAST[0]}); "
        f"{_KEPT_IN_NGUON[0]}.",
        f"Run the later periods again in calendar order, each with the plan it used: {en}. Each "
        "time the plan changes, leave in the input folder only the plan file of the period to "
        f"run, in place of the plan there ('{result.plan.file}' now; {_SAVED_LAST[1]}); "
        f"{_KEPT_IN_NGUON[1]}.",
    )


def _plan_used(snapshot: dict) -> tuple:
    """The plan a stored month ran under, as its summary keeps it: each hamlet with its start
    counts and targets (``_PLAN_FIGURES``, what its 'Chỉ tiêu' sheet takes from the plan), and
    the commune's targets. Two months with the same hamlets and other
    targets ran under two plans: run again with one, the other's 'Chỉ tiêu' figures change
    (docs/decisions.md, session 35). A store without a field reads None alike."""
    hamlets = frozenset(
        (h["hamlet"], *(h.get(k) for k in _PLAN_FIGURES)) for h in snapshot["hamlets"]
    )
    totals = snapshot.get("totals") or {}
    return hamlets, totals.get("poor_target"), totals.get("near_poor_target")


def run_under_older_plan(
    result: RunResult,
    newer: dict[str, list[str]],
    later: Collection[str] = (),
    stored: dict[str, dict] | None = None,
    kept_from: str | None = None,
) -> Message:
    """What a month run with an older plan than later stored months used (``newer``:
    :func:`later_under_newer_plan`) leaves: the history's start list stays their plan's
    (session 31 QA), and they are to be run again with it put back. ``later``: the months named
    to run again; ``stored``: the stored summaries; ``kept_from``: the month whose run last
    worked the kept list out (HistoryStore.start_list_run). Said in parts: :func:`_plans_used`,
    :func:`_newer_plans_lack`, :func:`_start_list_follows`, :func:`_what_to_run_again`."""
    several, own = _plans_used(result, newer, later, stored or {})
    months = ", ".join(month_written(p) for p in sorted(newer))
    plans = ("các kế hoạch", "the ones") if several else ("kế hoạch", "the one")
    lacks = _newer_plans_lack(newer, several)
    kept = _start_list_follows(result, newer, several, kept_from)
    then = _what_to_run_again(result, newer, later, stored or {}, several, own)
    return Message(
        f"Kỳ {month_written(result.period)} vừa được tính theo kế hoạch cũ hơn {plans[0]} đã "
        f"dùng cho kỳ {months} ({lacks[0]}){kept[0]}. {then[0]}",
        f"Period {month_written(result.period)} was consolidated now under an older plan than "
        f"{plans[1]} used for {months} ({lacks[1]}){kept[1]}. {then[1]}",
    )


def _plans_used(
    result: RunResult, newer: Collection[str], later: Collection[str], stored: dict[str, dict]
) -> tuple[bool, list[str]]:
    """Which plans the months to run again used, told apart by hamlets and targets
    (:func:`_plan_used`; sessions 34, 35): whether the months of ``newer`` ran under several
    plans (each then run again with its own), and the months of ``later`` of the plan year, not
    of a newer plan, that ran under another plan than this one (the same hamlets, other
    targets: run with this plan their 'Chỉ tiêu' would change, so each is run with its own)."""
    several = len({_plan_used(stored[p]) for p in newer if p in stored}) > 1
    year = result.period[:4]  # the plan year's: newer holds its months only
    own = [p for p in later if p.startswith(year) and p not in newer and p in stored]
    return several, [p for p in own if _plan_used(stored[p]) != _plan_used(result.summary)]


def _newer_plans_lack(newer: dict[str, list[str]], several: bool) -> tuple[str, str]:
    """The hamlets the newer plan lacks; of ``several`` plans, said once when they all lack the
    same, else each group of months with the hamlets its plans lack (session 34)."""
    gone = some_named(sorted({name for names in newer.values() for name in names}, key=vi_key))
    if not several:
        return (
            f"kế hoạch đó không còn {with_unit(gone[0])}",
            f"which no longer has hamlet(s) {gone[1]}",
        )
    by_gone: dict[tuple[str, ...], list[str]] = {}
    for period in sorted(newer):
        by_gone.setdefault(tuple(newer[period]), []).append(month_written(period))
    if len(by_gone) == 1:
        return (f"các kế hoạch đó đều không còn {with_unit(gone[0])}",
                f"which no longer have hamlet(s) {gone[1]}")  # fmt: skip
    vi, en = [], []
    for i, (names, months) in enumerate(by_gone.items()):
        many, some, at = (
            len(months) > 1,
            some_named(list(names)),
            ", ".join(months),
        )  # maybe 2 plans
        whose = ("the plans" if many else "the plan") if i == 0 else ("those" if many else "that")
        vi.append(f"kỳ {at} không còn {with_unit(some[0])}")
        en.append(f"{whose} of {at} no longer {'have' if many else 'has'} hamlet(s) {some[1]}")
    return "kế hoạch của " + "; của ".join(vi), "; ".join(en)


def _start_list_follows(
    result: RunResult, newer: dict[str, list[str]], several: bool, kept_from: str | None
) -> tuple[str, str]:
    """The clause naming the plan the history's start-of-year list still follows (none when the
    run's plan has no start list): that of ``kept_from``'s month when it came after the newer
    months under another plan (this one put back), or when the newer months ran under several
    plans (one plan's list only: the one whose month last kept it); else the newer months' one
    plan, or, several and no run recorded the list, one of those plans (session 35)."""
    start = getattr(result.plan, "start_list", None)
    if start is None or start.empty:
        return "", ""
    if kept_from and (several or (kept_from not in newer and kept_from > min(newer))):
        at = month_written(kept_from)
        plan = f"kế hoạch của kỳ {at}", f"the plan of {at}"
    elif several:
        plan = "một trong các kế hoạch đó", "one of those plans"
    else:
        plan = "kế hoạch của các kỳ đó", "those periods' plan"
    return (
        f": danh sách hộ đầu năm lưu trong lịch sử vẫn theo {plan[0]}",
        f": the start-of-year list the history keeps still follows {plan[1]}",
    )


def _what_to_run_again(
    result: RunResult, newer: dict, later: Collection[str], stored: dict, several: bool, own: list
) -> tuple[str, str]:
    """Which later months to run again, with which plan. One of ``later`` to run with this plan
    after a newer plan's month, or with its own (``own``): all in calendar order, each with its
    plan (:func:`_in_calendar_order`). Else those of ``later`` not of a newer plan first, with
    this plan (with the newer plan back their run is refused: session 32 QA), then the newer
    plan put back (:func:`_put_back`) for the months of ``newer``, named when a later month of
    the year ran with this plan too."""
    if own or any(p not in newer and p > min(newer) for p in later):
        return _in_calendar_order(result, newer, later, several, own)
    months = ", ".join(month_written(p) for p in sorted(newer))
    named = (f"từng kỳ {months}", f"each of {months}") if several else (f"kỳ {months}", months)
    put = _put_back(result, several)
    if same := ", ".join(month_written(p) for p in sorted(later) if p not in newer):
        return (
            f"Hãy chạy lại kỳ {same} trước, vẫn với kế hoạch này; trước khi chạy lại "
            f"{named[0]}, hãy {put[0]}.",
            f"Run {same} again first, still with this plan; before running {named[1]} again, "
            f"{put[1]}.",
        )
    year = result.period[:4]
    if not any(p > result.period and p.startswith(year) and p not in newer for p in stored):
        # no later month ran with this plan: the new plan is for every later month
        named = ("từng kỳ sau", "each later period") if several else (
            "các kỳ sau", "the later periods")  # fmt: skip
    return (f"Trước khi chạy lại {named[0]}, hãy {put[0]}.",
            f"Before running {named[1]} again, {put[1]}.")  # fmt: skip


def _put_back(result: RunResult, several: bool) -> tuple[str, str]:
    """How the newer plan is put back in the input folder: the new plan file in place of this
    one; of several plans, the one each month used, one file at a time (a run takes the plan
    file saved last: planpick.rank_plans; session 34 review)."""
    if not several:
        return (
            f"đặt tệp kế hoạch mới trở lại thư mục đầu vào (thay cho '{result.plan.file}')",
            f"put the new plan file back in the input folder (in place of '{result.plan.file}')",
        )
    return (
        f"để trong thư mục đầu vào kế hoạch mà chính kỳ đó đã dùng, thay cho kế hoạch đang ở đó "
        f"('{result.plan.file}' lúc này), mỗi lần chỉ một tệp kế hoạch ({_SAVED_LAST[0]}); "
        f"{_KEPT_IN_NGUON[0]}",
        f"put in the input folder the plan that period used, in place of the plan there "
        f"('{result.plan.file}' now), one plan file at a time ({_SAVED_LAST[1]}); "
        f"{_KEPT_IN_NGUON[1]}",
    )


def plan_changed_since(
    result: RunResult,
    stored: dict[str, dict],
    command: RunCommand,
    store=None,
    newer: Collection[str] = (),
) -> list[Message]:
    """Months of this plan year already stored whose hamlets' start figures or targets, or the
    commune's targets, differ from the plan used now (a plan corrected or revised after they
    were run): their reductions, targets met and the trend's path follow the old plan, and
    nothing else on screen would say so. One notice naming them, the first few differences (the
    commune's targets first, then the hamlets' start figures before their targets: they move
    every rate), and how to run them again (docs/decisions.md, session 51).

    A month with a hamlet the plan no longer has and did not rename (``store``, the history,
    tells a rename: :func:`renamed_since`) was consolidated before the plan merged or dropped
    that hamlet: its figures follow the plan of its time, rightly for a plan revised from a
    later month, and running it again with this plan is refused (run._keep_what_was_consolidated).
    It is not named (docs/decisions.md, session 31: a plan revised by a merger); nor, when some
    later month was consolidated under a newer plan than the run's (``newer``: the run is a
    month before a merger run with its own plan, :func:`later_under_newer_plan`), any later
    month: :func:`run_under_older_plan` tells each the plan to run it with (its own, when its
    targets differ), so this notice's commands stop at this month (session 36: "with this
    plan" beside "with its own plan" for one month)."""
    year = str(result.plan.plan_year)
    now = {h["hamlet"]: tuple(h.get(k) for k in _PLAN_FIGURES) for h in result.summary["hamlets"]}
    targets_now = result.summary["totals"]
    in_plan = set(result.plan.hamlets["hamlet"].tolist())
    renames: dict[frozenset, dict[str, str]] = {}  # a month's hamlets -> their renames
    months: list[str] = []
    # the commune's target -> (then, now), as first met
    commune: dict[str, tuple[float, float]] = {}
    added: set[str] = set()  # hamlets of this plan a month named did not have
    # (figure's index, hamlet) -> (order first met, then, now)
    differ: dict[tuple[int, str], tuple[int, object, object]] = {}
    formerly: dict[str, str] = {}  # a hamlet differing, renamed since: name now -> name then
    found: dict[str, tuple] = {}  # a month differing -> (its run, targets, figures, added)
    same: list[tuple[str, int | None]] = []  # months stored under the plan used now, their runs
    for period, snap in sorted(stored.items()):
        if period == result.period or not period.startswith(year) or period in newer:
            continue
        if newer and period > result.period:
            continue  # run again with the plan it used: the older-plan notice says it
        if of_other_commune(snap, result.plan.commune, result.summary["hamlets"]):
            continue  # the commune before a merger: its own plan, re-run with it (planpick.rank_plans)
        gone = {h["hamlet"] for h in snap["hamlets"] if h.get("status") == "ok"} - in_plan
        if gone and store is not None:
            named = frozenset(h["hamlet"] for h in snap["hamlets"])
            if named not in renames:  # the months before a merger name the same hamlets
                renames[named] = renamed_since(result, store, period, snap)
            if gone - renames[named].keys():
                continue  # consolidated before the plan merged or dropped a hamlet
        totals = snap.get("totals") or {}
        targets = [(key, totals.get(key), targets_now.get(key)) for key, _, _ in _COMMUNE_TARGETS]
        targets = [(key, old, new) for key, old, new in targets
                   if old is not None and new is not None and round(old, 6) != round(new, 6)]  # fmt: skip
        renamed = renames.get(frozenset(h["hamlet"] for h in snap["hamlets"]), {})
        figures = []  # (figure's index, hamlet's name now, then, now)
        for hamlet in snap["hamlets"]:
            then = tuple(hamlet.get(k) for k in _PLAN_FIGURES)
            # a hamlet the plan renamed since is compared under its name now (session 51)
            name = renamed.get(hamlet["hamlet"], hamlet["hamlet"])
            mine = now.get(name)
            if mine is None or None in then or then == mine:
                continue
            if name != hamlet["hamlet"]:
                formerly.setdefault(name, hamlet["hamlet"])
            figures += [(i, name, old, new)
                        for i, (old, new) in enumerate(zip(then, mine, strict=True)) if old != new]  # fmt: skip
        if not targets and not figures:
            same.append((period, snap.get("run_id")))
            continue
        named = frozenset(h["hamlet"] for h in snap["hamlets"])
        # the plan's hamlets this month did not have, nor renamed
        found[period] = (snap.get("run_id"), targets, figures,
                         in_plan - named - set(renames.get(named, {}).values()))  # fmt: skip
    # Said once per plan: a month run under an older plan was named by the first run under this
    # one after it (a month before this one stored under the plan used now, run later than that
    # month's run): not named again at every later month's run. A month run again before that
    # one (the months named being run again in turn) still names those left (docs/decisions.md,
    # session 51).
    told = max((run for month, run in same if month < result.period and run is not None),
               default=None)  # fmt: skip
    for period, (run, targets, figures, new_here) in found.items():
        if told is not None and run is not None and run < told:
            continue
        months.append(period)
        for key, old, new in targets:
            commune.setdefault(key, (old, new))
        for i, name, old, new in figures:
            differ.setdefault((i, name), (len(differ), old, new))
        added |= new_here
    if not differ and not commune:
        return []
    # The commune's targets first (the report's headline, as planpick.plan_differences orders
    # a plan's differences), then the hamlets' start figures, then their targets; within a
    # figure, as first met (month, hamlet).
    said = [(f"{vi} lúc đó là {_shown(a, 'target', 'vi')} điểm, nay là "
             f"{_shown(b, 'target', 'vi')} điểm",
             f"{en} then {_shown(a, 'target', 'en')} points, now {_shown(b, 'target', 'en')}")
            for key, vi, en in _COMMUNE_TARGETS if key in commune
            for a, b in [commune[key]]]  # fmt: skip
    ordered = sorted(differ.items(), key=lambda item: (item[0][0], item[1][0]))
    for (i, h), (_, a, b) in ordered:
        column = PLAN_TARGET_COLUMNS[_PLAN_FIGURES[i]][0]  # as the plan heads it
        said.append((f"{with_unit(formerly_named(h, formerly, 'vi'))}, cột '{column}' lúc đó là "
                     f"{a}, nay là {b}",
                     f"{formerly_named(h, formerly, 'en')}, column '{column}' then {a}, now {b}"))  # fmt: skip
    more = len(said) - _PLAN_SAID_AT_MOST
    shown = "; ".join(vi for vi, _ in said[:_PLAN_SAID_AT_MOST])
    shown_en = "; ".join(en for _, en in said[:_PLAN_SAID_AT_MOST])
    if more > 0:
        shown += f"; và {more} thay đổi khác"
        shown_en += f"; and {more} more change{'s' if more > 1 else ''}"
    names = ", ".join(month_written(p) for p in months)
    unsent = _added_unsent([h for h in result.plan.hamlets["hamlet"] if h in added])
    back = _old_plan_back(result, stored, months, store)
    # Every month from the first one affected, this one too: a month's trend shows the months
    # before it with their own start rates, so each is right once those before it are run.
    earliest = months[0]
    # Under an older plan than a later month's, the months after this one are the older-plan
    # notice's (each with its plan): the commands stop at this one.
    last = result.period if newer else f"{year}-99"
    again = sorted(p for p in {*stored, result.period}
                   if p.startswith(year) and earliest <= p <= last)  # fmt: skip
    commands = commands_in_turn(command.of(p) for p in again)
    return [
        Message(
            f"Kỳ {names} đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
            f"('{result.plan.file}'): {shown}. "
            "Mức giảm so với đầu năm, chỉ tiêu và xu hướng của các kỳ đó (và xu hướng của các kỳ "
            f"sau chúng) vẫn theo kế hoạch cũ.{unsent[0]}{back[0]} Nếu tệp kế hoạch bị đặt "
            "nhầm, hãy bỏ tệp đó ra khỏi thư mục đầu vào rồi chạy lại kỳ này. Nếu kế hoạch được "
            "điều chỉnh từ một kỳ "
            "sau các kỳ đó (các kỳ đó giữ theo kế hoạch lúc đó), không cần chạy lại: thông báo này "
            "không nhắc lại khi chạy các kỳ sau. Nếu kế hoạch đã được sửa, hãy chạy lại "
            f"lần lượt từng kỳ{commands}",
            f"Period(s) {names} were consolidated under a plan other than the one used now "
            f"('{result.plan.file}'): {shown_en}. Their "
            "reductions since the start of the year, targets and trend (and the trend of the "
            f"periods after them) follow the old plan.{unsent[1]}{back[1]} If the plan file was put there "
            "by mistake, take it out of the input folder and run this period again. If the plan "
            "was revised from a period after them (they keep the plan of their time), nothing "
            "needs running again: this notice is not repeated when the periods after are run. If "
            f"the plan was corrected, run them again one by one{commands}",
        )
    ]


def _old_plan_back(
    result: RunResult, stored: dict[str, dict], months: list[str], store
) -> tuple[str, str]:
    """Where the plan file used now is, byte for byte, the plan an earlier stored month ran
    with (the copy kept in its 'nguon', copied back with that month's lists over or beside a
    plan revised since) while a month after it, named by :func:`plan_changed_since`
    (``months``), ran under another: says so, with the revised plan to put back before the
    months after it are run (docs/decisions.md, session 51). Empty words otherwise, or without
    the history (``store``) or the plan file to read."""
    from pipeline.archive import sha256_of

    plan = next((s for s in result.submissions
                 if s.kind == "plan" and s.file == result.plan.file), None)  # fmt: skip
    if store is None or plan is None:
        return "", ""
    try:
        mine = sha256_of(plan.path)
    except OSError:
        return "", ""
    year = str(result.plan.plan_year)
    used = [p for p in sorted({*stored, result.period})
            if p.startswith(year) and p <= max(months)
            and (store.plan_of(p) or ("", ""))[1] == mine]  # fmt: skip
    if not used:
        return "", ""
    then = used[0]
    later = [p for p in months if p > then]
    if not later:
        return "", ""
    # every month whose 'nguon' keeps that very plan: the copy may be any one's (May's copied
    # back, April and May under it: both named; session 51's review)
    one = len(used) == 1
    at = ", ".join(month_written(p) for p in used)
    after = ", ".join(month_written(p) for p in later)
    return (
        f" Tệp '{result.plan.file}' đang dùng giống hệt bản kế hoạch {'kỳ' if one else 'các kỳ'} "
        f"{at} đã dùng (bản được giữ trong thư mục 'nguon' của {'kỳ đó' if one else 'các kỳ đó'}),"
        f" cũ hơn kế hoạch kỳ {after} đã dùng: nếu tệp này được chép lại từ thư mục 'nguon', hãy "
        "đặt lại tệp kế hoạch mới vào thư mục đầu vào trước khi chạy các kỳ sau.",
        f" The file '{result.plan.file}' used now is the very plan "
        f"{'period' if one else 'periods'} {at} used (the copy kept in "
        f"{'its' if one else 'their'} 'nguon' {'folder' if one else 'folders'}), older than the "
        f"plan {after} used: if it was copied back from a 'nguon' folder, put the new plan file "
        "back in the input folder before running the later periods.",
    )


def _added_unsent(added: list[str]) -> tuple[str, str]:
    """The clause of :func:`plan_changed_since` for hamlets the plan has that the months named
    did not (added by a revision): run again with this plan, those months count them not sent
    and their figures incomplete unless their lists for the month are in the input folder
    (docs/decisions.md, session 51). Empty when there are none."""
    if not added:
        return "", ""
    if len(added) == 1:
        vi, en, this, it, its = with_unit(added[0]), f"hamlet {added[0]}", "xóm này", "it", "its"
    else:
        vi, en = some_named(added)
        vi, en, this, it, its = f"các xóm {vi}", f"hamlets {en}", "các xóm này", "them", "their"
    return (
        f" Kế hoạch đang dùng có thêm {vi} mà các kỳ đó chưa có: nếu chạy lại các kỳ đó theo kế "
        f"hoạch này, {this} sẽ được ghi là chưa nộp (số liệu chưa đủ các xóm), trừ khi thư mục "
        f"đầu vào có danh sách của {this} cho kỳ đó.",
        f" The plan used now also has {en}, which those periods did not have: run again with "
        f"this plan, they show {it} as not sent (figures incomplete) unless the input folder "
        f"holds {its} list for the period.",
    )


def some_named(hamlets: list[str]) -> tuple[str, str]:
    """The first six hamlets named, and how many more (Vietnamese, English)."""
    more = len(hamlets) - 6
    return (
        ", ".join(hamlets[:6]) + (f" và {more} xóm khác" if more > 0 else ""),
        ", ".join(hamlets[:6]) + (f" and {more} more" if more > 0 else ""),
    )


def of_other_commune(snap: dict, commune: str, hamlets: list[dict]) -> bool:
    """Whether a stored month was consolidated for another commune than ``commune`` (before a
    merger in the middle of the year): its commune's name is not this one's (folded, 'Xã' or
    not) and its hamlets are not ``hamlets`` (this run's). The same hamlets under another name
    are this commune, its name corrected in the plan since (a typo fixed in March): not a
    merger, which always brings other hamlets in (docs/decisions.md, session 25's regression
    check)."""
    if commune_key(snap.get("commune") or commune) == commune_key(commune):
        return False
    then = {fold(h["hamlet"]) for h in snap.get("hamlets") or []}
    return then != {fold(h["hamlet"]) for h in hamlets}


def start_list_ids_notes(result: RunResult) -> list[Message]:
    """A line on screen for the plan's start list whose codes the posted list masks as
    telephone or ID numbers (start-list-code-is-id-number, a warning on 'Lỗi dữ liệu', said by
    pipeline.plan as the start list is read): the count of warnings alone hides that the hall's
    list shows the households' codes as '********5678', by which they find themselves (session
    55). The file, sheet, column and rows, and what to do."""
    lines = []
    for i in result.issues:
        if i.code != "start-list-code-is-id-number":
            continue
        rows = i.detail if i.variant == "rows" else Message(f"ô {i.cell}", f"cell {i.cell}")
        lines.append(
            Message(
                f"Danh sách đầu năm ('{i.file}', trang '{i.sheet}', cột '{i.column}'): "
                f"{in_language(rows, 'vi')} ghi số điện thoại hoặc số CCCD/CMND làm mã hộ, như "
                f"'{i.value}', nên danh sách niêm yết che các mã này (chỉ hiện '{i.instead}'). "
                "Hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã vào các ô đó rồi chạy lại "
                "(xem trang 'Lỗi dữ liệu').",
                f"Start-of-year list ('{i.file}', sheet '{i.sheet}', column '{i.column}'): "
                f"{in_language(rows, 'en')} write telephone or CCCD/CMND numbers as household "
                f"codes, such as '{i.value}', so the public list masks these codes (showing only "
                f"'{i.instead}'). Write the codes from the commune's register of poor households "
                "in those cells and run again (see sheet 'Lỗi dữ liệu').",
            )
        )
    return lines
