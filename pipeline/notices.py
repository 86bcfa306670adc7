"""What a run tells the officer about other periods and plans than its own, and what those
notices rest on: later months to run again (their figures, statuses, start list kept),
late files and periods never run, lists sent for another period, lock files, a plan
changed or replaced since, a run under an older plan, a period's figures changed, and the
hamlets the plan renamed since (old name -> name now). Called by pipeline.run's execute and
consolidated; pipeline.trend and pipeline.baselines take hamlet_renames (trend of_other_commune
too) and `check` former_names (docs/decisions.md, session 34: pipeline/run.py split)."""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from pipeline import figures as fig
from pipeline import timeline, vocab
from pipeline.apart import NEIGHBOUR_HELD, UNNAMED_HELD
from pipeline.consolidate import NEARLY_ALL, list_codes, one_hamlet, start_codes
from pipeline.history import HistoryStore, kept_households
from pipeline.messages import Message, RunCommand, in_language, with_unit
from pipeline.moves import note_moved_from
from pipeline.rosterchecks import (
    codes_names_years,
    info_cell,
    month_written,
    sent_for_another_period,
    tables,
)
from pipeline.text import (
    clean_text,
    commune_key,
    fold,
    format_vn,
    is_blank,
    months_between,
    small_figure,
    vi_key,
)
from pipeline.types import FROM_AGE, Issue, Plan, RunResult, Submission
from schemas.columns import PLAN_TARGET_COLUMNS
from schemas.issues import JOINED_SENT_VARIANTS


def later_months_stale(
    result: RunResult,
    later: list[str],
    stored: dict[str, dict],
    command: RunCommand,
    store: HistoryStore | None = None,
    newer: Collection[str] = (),
) -> Message:
    """Periods already run after this one that took from it what this run changed: their
    changes since last month and trend (and, when their "since the start of the year"
    movements start from a stored month that this one now is or comes before, those too), with
    the commands to run them again in order. A period never run before is no "old figures":
    the later ones were run without it. Their lists in the folder that still write the name a
    hamlet had then, renamed since, are named with the cell to correct first: run as they are,
    those periods stop (:func:`_later_old_names`; docs/decisions.md, session 32). Not a period
    of ``newer`` (this month run with its own, older plan: :func:`later_under_newer_plan`): it
    is run again with its newer plan put back, under which its lists' names are right."""
    months = ", ".join(month_written(p) for p in later[:6])
    if len(later) > 6:
        months += f", … {month_written(later[-1])} ({len(later)})"
    # In order: each month's changes and trend follow the months before it.
    commands = "; ".join(command.of(p) for p in sorted(later))
    month = month_written(result.period)
    year = result.period[:4]
    # A month run with no start-of-year list: its year's movements start from the first stored
    # month of the year (start_from), none when it was the first (None).
    year_too = any(
        p.startswith(year)
        and "start_from" in stored[p]
        and (stored[p]["start_from"] is None
             or (stored[p]["start_from"] != "plan" and stored[p]["start_from"] >= result.period))
        for p in later
    )  # fmt: skip
    stale, stale_en = (
        ("biến động so với tháng trước, biến động từ đầu năm và xu hướng",
         "changes since the previous month, changes since the start of the year and trend")
        if year_too
        # a later month's households back in poverty are known from this one (session 45)
        else ("biến động so với tháng trước, số hộ tái nghèo và xu hướng",
              "changes since the previous month, households back in poverty (tái nghèo) and trend")
        if any(p.startswith(year) for p in later)
        # the trend is the year's: no month of next year holds this one (December run again);
        # its households back in poverty do, the history walk crossing the year (session 44)
        else ("biến động so với tháng trước và số hộ tái nghèo",
              "changes since the previous month and households back in poverty (tái nghèo)")
    )  # fmt: skip
    if result.period in stored:
        when, when_en = f"với số liệu cũ của kỳ {month}", "with this period's old figures"
    else:
        when, when_en = f"khi chưa có số liệu kỳ {month}", f"before period {month} had figures"
    fix, fix_en = "", ""
    old = _later_old_names(result, [p for p in later if p not in newer], stored, store)
    if old:
        lists, lists_en = _old_names_said(old)
        at, at_en = (" ở 'Xóm'", " in 'Xóm'") if _in_cells(old) else ("", "")
        fix = (
            f" Danh sách của các kỳ đó còn ghi tên xóm cũ{at} ({lists}): hãy sửa thành tên mới "
            "như trong kế hoạch trước, nếu không các kỳ đó sẽ dừng lại, không tính các danh sách đó."
        )
        fix_en = (
            f" Their lists still write a hamlet's old name{at_en} ({lists_en}): write the new "
            "name, as the plan has it, first, or those periods stop without counting them."
        )
    return Message(
        f"Các kỳ sau ({months}) đã được tổng hợp {when}: {stale} của các kỳ đó chưa theo số "
        f"liệu mới.{fix} Hãy chạy lại các kỳ đó, theo thứ tự: {commands}",
        f"Later periods ({months}) were consolidated {when_en}: their {stale_en} do not follow "
        f"the new ones.{fix_en} Run those periods again, in order: {commands}",
    )


def _written_where(sub: Submission) -> tuple[str, str]:
    """Where a list writes its 'Xóm' (' ở ô B3 trang 'Thông tin'', in both languages); read
    from the list's title (no 'Xóm' cell), that title (' ở tiêu đề trang 'Danh sách''); blank
    when it is read from neither."""
    info = sub.extra.get("info_sheet") or sub.sheet
    cell = info_cell(sub, "hamlet")
    if not cell:
        if sub.extra.get("hamlet_from") == "title":
            return f" ở tiêu đề trang '{sub.sheet}'", f" in the title of sheet '{sub.sheet}'"
        return "", ""
    return f" ở ô {cell} trang '{info}'", f" in cell {cell} of sheet '{info}'"


def _in_cells(old: list[tuple]) -> bool:
    """Whether every list of ``old`` ((file, name, name now, where, where in English) each)
    writes the old name in a 'Xóm' cell, not in its title: then the cell is named."""
    return all(where.startswith(" ở ô ") for *_, where, _ in old)


def _old_names_said(old: list[tuple]) -> tuple[str, str]:
    """The lists still written under a hamlet's older name, as the notices name them:
    (file, name written, name now, where, where in English) each -> (Vietnamese, English)."""
    vi = "; ".join(f"tệp '{file}' ghi '{name}'{where}, kế hoạch nay ghi là '{new}'"
                   for file, name, new, where, _ in old)  # fmt: skip
    en = "; ".join(f"file '{file}' says '{name}'{where}, which the plan now writes '{new}'"
                   for file, name, new, _, where in old)  # fmt: skip
    return vi, en


def _later_old_names(
    result: RunResult, later: list[str], stored: dict[str, dict], store: HistoryStore | None
) -> list[tuple[str, str, str, str, str]]:
    """The lists of the ``later`` periods in the input folder that write in 'Xóm' the name a
    hamlet counted then had, renamed since (:func:`renamed_since`): run again as they are, those
    periods refuse them and stop (:func:`run._refuse_old_names`): a hamlet renamed twice, the month
    before the first rename run again. (file, name written, name now, where: vi, en) each. The
    history is read only for a period with such a list. Only periods of the plan's year: one of
    the next year is run with that year's plan, whose names its lists write (session 43: a late
    December list told January's lists to write the name last year's plan gave)."""
    if store is None:
        return []
    in_plan = {fold(name) for name in result.plan.hamlets["hamlet"].tolist()}
    year = str(result.plan.plan_year)
    found = []
    for period in later:
        summary = stored.get(period)
        if summary is None or not period.startswith(year):
            continue
        gone = {fold(h["hamlet"]): h["hamlet"] for h in summary["hamlets"]
                if h.get("status") == "ok" and fold(h["hamlet"]) not in in_plan}  # fmt: skip
        if not gone:
            continue  # every hamlet counted then is in the plan by its name: nothing to look at
        subs = [s for s in result.submissions if s.period == period
                and s.kind == "roster" and fold(s.hamlet_raw or "") in gone]  # fmt: skip
        if not subs:
            continue
        renamed = renamed_since(result, store, period, summary)
        for sub in subs:
            old = gone[fold(sub.hamlet_raw)]
            if old in renamed:
                found.append(
                    (sub.file, clean_text(sub.hamlet_raw), renamed[old], *_written_where(sub))
                )
    return found


def _kept_differs(kept) -> tuple[str, str]:
    """How the kept start list differs from before, to follow "khác trước" / "differs from
    before": a hamlet renamed by its two names and its households on the list (session 29: the
    rows a rename changes are mostly the year's first month's, not kept, so "ở 1 hộ" was said
    of 36 renamed), a hamlet merged into another by both names and its households on the list
    (session 31: "ở 1 hộ" was said of 34 merged), then the households that differ otherwise
    (' ở 2 hộ (NM1, NM2)')."""
    vi, en = [], []
    by_name = lambda pair: (vi_key(pair[0]), vi_key(pair[1]))  # noqa: E731 (session 48)
    for old, new, count in sorted(kept.renamed, key=by_name):
        vi.append(f"xóm '{old}' nay ghi là '{new}' ({count} hộ trong danh sách đầu năm)")
        en.append(f"hamlet '{old}' is now written '{new}' ({count} household(s) on the list)")
    for old, into, count in sorted(kept.merged, key=by_name):
        vi.append(f"xóm '{old}' nay thuộc xóm '{into}' ({count} hộ trong danh sách đầu năm)")
        en.append(
            f"hamlet '{old}' is now part of hamlet '{into}' ({count} household(s) on the list)"
        )
    named = kept.renamed or kept.merged
    if kept.changed or not named:
        codes = ", ".join(kept.changed[:3]) + (", …" if len(kept.changed) > 3 else "")
        vi.append(f"ở {len(kept.changed)} hộ ({codes})")
        en.append(f"at {len(kept.changed)} household(s) ({codes})")
    if not named:
        return f" {vi[0]}", f" {en[0]}"
    if len(vi) > 1 and kept.changed:
        vi[-1], en[-1] = f"và khác {vi[-1]}", f"and differs {en[-1]}"
    return ": " + "; ".join(vi), ": " + "; ".join(en)


def start_list_kept(
    result: RunResult, kept, said_stale: bool, stored: dict[str, dict], command: RunCommand
) -> list[Message]:
    """One line when the run wrote the start list the history keeps for its plan year over
    another (a start list corrected since, or the year's first month run again with other
    lists): the history is never overwritten unseen. And when months of later years are stored,
    which read that list (their returns to poverty), that they were built on the one before,
    with the commands to run them again (each with the input folder its stored run read, as
    `giamngheo history` gives them) unless ``said_stale`` (the run's notice of later months gave
    them). A list kept where none was, with no later year stored, is said nothing: no
    figure stored changes; nor a list worked out again only because the year's first month was
    run again with other lists, from the plan the list was kept from (``kept.month``), unless
    later years read it: it follows the month the run replaces, which is said
    (docs/decisions.md, session 26)."""
    if kept is None or not (kept.replaced or kept.later):
        return []
    vi, en = [], []
    if kept.replaced and kept.month is not None and not kept.later:
        # The plan is the one the list was kept from, and the year's first month was run again
        # with other lists: the rows kept follow that month, which the officer replaced knowing
        # it, and no stored figure reads them (session 26 review: "theo kế hoạch" misled).
        return []
    if kept.replaced and kept.month is not None:
        differs_vi, differs_en = _kept_differs(kept)
        when = month_written(kept.month)
        vi.append(
            f"Danh sách hộ đầu năm {kept.year} lưu trong lịch sử (dùng để nhận ra hộ tái nghèo "
            f"năm sau) đã được tính lại theo danh sách kỳ {when} vừa chạy lại, khác trước"
            f"{differs_vi}."
        )
        en.append(
            f"The {kept.year} start-of-year list the history keeps (to tell households back in "
            f"poverty next year) was worked out again from the lists of {when}, run again now; "
            f"it differs from before{differs_en}."
        )
    elif kept.replaced:
        differs_vi, differs_en = _kept_differs(kept)
        vi.append(
            f"Danh sách hộ đầu năm {kept.year} lưu trong lịch sử (dùng để nhận ra hộ tái nghèo "
            f"năm sau) đã được ghi lại theo kế hoạch '{result.plan.file}' của lần chạy này, khác "
            f"danh sách đã lưu{differs_vi}."
        )
        en.append(
            f"The {kept.year} start-of-year list the history keeps (to tell households back in "
            f"poverty next year) was written again from this run's plan '{result.plan.file}'; it "
            f"differs from the one kept{differs_en}."
        )
    else:
        vi.append(f"Lịch sử nay lưu danh sách hộ đầu năm {kept.year} (dùng để nhận ra hộ tái "
                  "nghèo năm sau).")  # fmt: skip
        en.append(f"The history now keeps the {kept.year} start-of-year list (to tell "
                  "households back in poverty next year).")  # fmt: skip
    if kept.later:
        months = ", ".join(month_written(p) for p in kept.later[:6])
        if len(kept.later) > 6:
            months += f", … {month_written(kept.later[-1])} ({len(kept.later)})"
        then, then_en = (
            ("theo danh sách cũ", "from the old list")
            if kept.replaced
            else ("khi chưa có danh sách này", "without it")
        )
        vi.append(f"Kỳ {months} đã tính hộ tái nghèo {then}")
        en.append(f"Period(s) {months} counted households back in poverty {then_en}")
        if said_stale:
            vi[-1] += " (hãy chạy lại như trên)."
            en[-1] += " (run them again as above)."
        else:
            commands = "; ".join(
                replace(command, input_dir=Path(folder)).of(p)
                if (folder := stored.get(p, {}).get("input_dir"))
                else command.of(p)
                for p in kept.later
            )
            vi[-1] += f": hãy chạy lại, theo thứ tự: {commands}"
            en[-1] += f": run them again, in order: {commands}"
    return [Message(" ".join(vi), " ".join(en))]


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


def formerly_named(name: str, formerly: dict[str, str], lang: str) -> str:
    """A hamlet named as the plan writes it now, with the name a stored period has it under
    when the plan renamed it since (``formerly``: name now -> old name): 'Nà Mòn Mới (trước
    đây: Nà Mòn)'."""
    old = formerly.get(name)
    if old is None:
        return name
    return f"{name} (trước đây: {old})" if lang == "vi" else f"{name} (formerly {old})"


def _named_before(
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
        if prior is not None:
            if prior not in renames:
                renames[prior] = renamed_since(result, store, prior, stored[prior])
            new = next((n for old, n in renames[prior].items() if fold(old) == name), None)
        if new is None:
            # merged: the codes' hamlet, as the history tells it for a plain refusal, looked for
            # in an earlier year's month too (a plan year's first list: session 36)
            said = (
                None if prior is None
                else _joined_since(plan, issue, name, prior, sub.period, stored)
            )  # fmt: skip
            if said is None and issue.variant == "":  # codes pointing nowhere: the history tells
                said = _joined_by_history(plan, store, issue, name, sub.period, stored, submissions)
                if said is not None and _all_listed(sub, said, submissions, accepted):
                    said = replace(said, variant="joined-listed")
                if said is not None:
                    said = _joined_worded(plan, sub, said)
                if said is not None and _held_apart(
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
        # the first stored month after it under the name now, else this one
        since = min(
            (p for p, summary in stored.items() if prior < p < sub.period
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


def _all_listed(
    sub: Submission,
    said: Issue,
    submissions: list[Submission],
    accepted: dict[str, Submission] | None,
) -> bool:
    """Whether ``sub``, refused as a merged hamlet's list sent apart beside the list of the
    hamlet it joined (:func:`_joined_by_history`, variant 'joined-sent'), has every household
    code on that list (the run's counted one, ``accepted``; for `giamngheo check`, one given of
    the period): already written there, nothing to give its head (docs/decisions.md, session
    36 QA). The list's own refusal kept that plain (consolidate: a copy of the hamlet's list)."""
    if said.variant != "joined-sent":
        return False
    own = _own_list(sub, said.instead, submissions, accepted)
    codes = list_codes(sub)
    return own is not None and bool(codes) and codes <= list_codes(own)


def _own_list(
    sub: Submission,
    hamlet: str,
    submissions: list[Submission],
    accepted: dict[str, Submission] | None,
) -> Submission | None:
    """The list of ``hamlet`` of ``sub``'s period: the run's counted one (``accepted``); for
    `giamngheo check` (None), one given of the period. None without one."""
    if accepted is not None:
        return accepted.get(hamlet)
    return next((s for s in submissions if s is not sub and s.hamlet == hamlet
                 and s.period == sub.period and s.kind == "roster"), None)  # fmt: skip


def _held_apart(
    plan: Plan,
    store: HistoryStore,
    stored: dict[str, dict],
    sub: Submission,
    said: Issue,
    submissions: list[Submission],
    accepted: dict[str, Submission] | None,
) -> bool:
    """Whether ``sub``, said 'joined-sent' (any of its variants: :func:`_joined_worded`), the
    hamlet it joined having sent its list (:func:`_own_list`), lists a household the movement
    tables compare with, on the plan's start list or on the lists of the month before its
    period (any hamlet's, by its code), that no list of the period counted has (the run's,
    ``accepted``; for `giamngheo check`, those given of the period): its list is then held
    apart from that hamlet's, as a list told by its codes is (apart.merged_apart), its words
    saying it not counted, not its households gone. One whose such households are all on a
    list counted holds only households new to the lists, or counted where they are listed: not
    held, the hamlet counted (docs/decisions.md, session 50 and its review)."""
    if said.variant not in JOINED_SENT_VARIANTS or not sub.period:
        return False
    if _own_list(sub, said.instead, submissions, accepted) is None:
        return False
    codes = list_codes(sub)
    known = codes & set().union(
        *start_codes(plan).values(), _month_codes(store, stored, sub.period)
    )
    if not known:
        return False
    if accepted is not None:
        counted = list(accepted.values())
    else:
        counted = [s for s in submissions if s is not sub and s.period == sub.period
                   and s.kind == "roster" and s.hamlet and "hamlet_issue" not in s.extra]  # fmt: skip
    return bool(known - set().union(*(list_codes(s) for s in counted)))


def _month_codes(
    store: HistoryStore, stored: dict[str, dict], period: str
) -> dict[str, tuple[str, str]]:
    """The household codes (as ``id_key``; each -> its hamlet as stored and the month of its
    list) of the lists a month
    table of ``period`` compares
    with (any hamlet's; not those written 'Thoát' then): :func:`_held_apart`. Each hamlet
    accepted in the month before ``period`` (``stored``: the stored summaries by period), its
    list then; each hamlet of the year accepted in none (silent, refused, or held for a list
    apart then), its latest list accepted that year before, as baselines._latest_lists takes
    it (docs/decisions.md, session 50's T18: was the month before's lists alone)."""
    previous = timeline.previous_period(period)
    months = sorted((p for p in stored if p == previous
                     or (p[:4] == period[:4] and p < previous)), reverse=True)  # fmt: skip
    latest: dict[str, str] = {}  # hamlet -> the month of its list compared with
    for month in months:
        for hamlet in stored[month]["hamlets"]:
            if hamlet.get("status") == "ok":
                latest.setdefault(hamlet["hamlet"], month)
    rows = store.statuses(sorted(set(latest.values())))
    # a mask of the rows' own index: a plain list, empty when no month is stored (a commune's
    # first run), would be taken for a choice of columns (session 50's read of its diff)
    taken = pd.Series([latest.get(h) == p for p, h in zip(rows["period"], rows["hamlet"],
                                                          strict=True)],
                      index=rows.index, dtype=bool)  # fmt: skip
    rows = rows[taken]
    rows = rows[(rows["status"] != "exited").to_numpy()]
    return {key[3:]: (hamlet, month) for key, hamlet, month
            in zip(rows["hh_key"], rows["hamlet"], rows["period"], strict=True)
            if key.startswith("id|")}  # fmt: skip


def unnamed_holding(
    plan: Plan,
    submissions: list[Submission],
    issues: list[Issue],
    store: HistoryStore,
    stored: dict[str, dict],
    period: str | None = None,
    accepted: dict[str, Submission] | None = None,
    uncounted: Collection[int] = (),
) -> None:
    """The lists refused for no hamlet told ('missing-hamlet': 'Xóm' and title blank, the file
    name naming none of the plan's, as 'BanCo_2024-05.xlsx' after Bản Cọ's merger) that list
    households of a hamlet that sent its list, on its start list or on a list its month table
    compares with (:func:`_month_codes`), that no list counted has: those households count as
    gone from that hamlet's tables while the list is refused. The refusal says so (variant
    'holds': how many, the hamlet, and to write them on its list or name the list's hamlet),
    not only to fill the 'Xóm' cell. ``period``: the run's (its lists alone), None for
    `giamngheo check`; ``accepted``: the run's counted lists (None: those given of the period,
    less ``uncounted``: the id() of those a run refuses for an error of their own, which
    `check` finds only after whose list each is: checkfiles._lists_checked; session 51).
    docs/decisions.md, session 50's T18. A list naming a neighbour that sent its own list, its
    codes another hamlet's that sent its list too, is held or worded by the same rule
    (:func:`_neighbour_held`; session 51)."""
    by_start = start_codes(plan)
    months: dict[str, dict[str, tuple[str, str]]] = {}  # a period -> its month codes (a cache)
    in_plan = set(plan.hamlets["hamlet"])
    for sub in submissions:
        issue = sub.extra.get("hamlet_issue")
        if (
            issue is None or not (unnamed_refusal(issue) or neighbour_refusal(issue))
            or not sub.period or sub.period != (period or sub.period)
        ):  # fmt: skip
            continue
        codes = list_codes(sub)
        if not codes:
            continue
        if sub.period not in months:
            months[sub.period] = _month_codes(store, stored, sub.period)
        where: dict[str, str] = {}  # code -> the hamlet whose tables compare with it
        lists: dict[str, set[str]] = {}  # code -> the lists it is on: '' the start list, a month
        for code, (hamlet, month) in months[sub.period].items():
            if code in codes and hamlet in in_plan:
                where[code] = hamlet
                lists.setdefault(code, set()).add(month)
        for hamlet, known in by_start.items():
            for code in codes & set(known):
                where[code] = hamlet
                lists.setdefault(code, set()).add("")
        if accepted is not None:
            counted = list(accepted.values())
        else:
            counted = [s for s in submissions if s is not sub and s.period == sub.period
                       and s.kind == "roster" and s.hamlet and "hamlet_issue" not in s.extra
                       and id(s) not in uncounted]  # fmt: skip
        sent = {s.hamlet for s in counted}
        listed = set().union(*(list_codes(s) for s in counted))
        gone = sorted((h, c) for c, h in where.items() if h in sent and c not in listed)
        if neighbour_refusal(issue):
            _neighbour_held(
                sub, issue, codes, gone, where, lists, counted, issues, submissions, in_plan,
                uncounted,
            )  # fmt: skip
            continue
        if not gone:
            continue
        hamlets = sorted({h for h, _ in gone})
        # its codes nearly all one hamlet's, more than half of them (consolidate.one_hamlet,
        # as a list naming a hamlet the plan lacks is told by its codes), that hamlet's list
        # counted holding fewer than half (not a copy of it): held apart from that hamlet, as
        # a list apart the history tells is (session 51)
        by_hamlet: dict[str, set[str]] = {}
        for code, hamlet in where.items():
            by_hamlet.setdefault(hamlet, set()).add(code)
        one = one_hamlet(codes, by_hamlet)
        own = next((s for s in counted if one is not None and s.hamlet == one[0]), None)
        held = (
            hamlets == [one[0] if one else None]
            and own is not None
            and 2 * len(codes & list_codes(own)) < len(codes)
            and any(c in _codes_not_exited(sub) for _, c in gone)
        )
        if held:
            sub.extra["merged_codes"] = codes
        # ... half or more on it: an old copy of that list, sent again; its words say to take
        # it out of the folder, not to name it (a second list of the hamlet; session 51)
        copy = (
            not held
            and own is not None
            and hamlets == [own.hamlet]
            and 2 * len(codes & list_codes(own)) >= len(codes)
        )
        said = replace(
            issue,
            variant=UNNAMED_HELD if held else "holds-copy" if copy else "holds",
            instead=", ".join(hamlets),
            detail=_gone_said(sub, gone, lists),
        )  # fmt: skip
        issues[:] = [said if i is issue else i for i in issues]
        sub.extra["hamlet_issue"] = said


def unnamed_refusal(issue: Issue) -> bool:
    """Whether ``issue`` refuses a list for no hamlet told ('missing-hamlet', plain), as
    :func:`unnamed_holding` asks of its lists."""
    return issue.code == "missing-hamlet" and issue.variant == ""


def neighbour_refusal(issue: Issue) -> bool:
    """Whether ``issue`` refuses a list naming a neighbour that sent its own list, its codes
    another hamlet's (consolidate.copied_by_codes: 'hamlet-codes-of-file-name', variants
    'codes', 'codes-title', 'codes-title-only'), as :func:`unnamed_holding` asks of its lists
    (session 51)."""
    return issue.code == "hamlet-codes-of-file-name" and issue.variant in NEIGHBOUR_VARIANTS


# The refusals of consolidate.copied_by_codes (a neighbour's name, the codes another hamlet's)
NEIGHBOUR_VARIANTS = ("codes", "codes-title", "codes-title-only")


def _gone_said(sub: Submission, gone: list[tuple[str, str]], lists: dict[str, set[str]]) -> Message:
    """The households ``gone`` ((hamlet, code key), sorted) of a refused list ``sub`` no list
    counted has, as :func:`unnamed_holding` says them: how many, their codes as the list writes
    them (five at most), their hamlets and the lists they are on (``lists``: code -> '' the
    start list, or a month)."""
    hamlets = sorted({h for h, _ in gone})
    written = {}  # a code's key -> the code as the list writes it
    for code, *_ in codes_names_years(sub):
        if isinstance(code, float) and code.is_integer():
            code = int(code)
        if isinstance(code, str | int):
            written.setdefault(fig.id_key(code), str(code).strip())
    shown = ", ".join(written.get(c, c) for _, c in gone[:5]) + (", …" if len(gone) > 5 else "")
    named = sorted(set().union(*(lists[c] for _, c in gone)))  # '' (the start list) first
    vi = " hoặc ".join("danh sách đầu năm" if m == "" else f"danh sách tháng {month_written(m)}"
                       for m in named)  # fmt: skip
    en = " or ".join(("the hamlet's" if i == 0 else "its")
                     + (" start-of-year list" if m == "" else f" list of {month_written(m)}")
                     for i, m in enumerate(named))  # fmt: skip
    return Message(f"{len(gone)} hộ ({shown}) của xóm {', '.join(hamlets)} (có trong {vi} "
                   "của xóm)",
                   f"{len(gone)} household{'s' if len(gone) > 1 else ''} ({shown}) of "
                   f"hamlet {', '.join(hamlets)} (on {en})")  # fmt: skip


def _neighbour_held(
    sub: Submission,
    issue: Issue,
    codes: set[str],
    gone: list[tuple[str, str]],
    where: dict[str, str],
    lists: dict[str, set[str]],
    counted: list[Submission],
    issues: list[Issue],
    submissions: list[Submission] = (),
    names: Collection[str] = (),
    uncounted: Collection[int] = (),
) -> None:
    """:func:`unnamed_holding` of a list ``sub`` naming a neighbour that sent its own list, its
    codes hamlet ``issue.hamlet``'s (consolidate.copied_by_codes), when that hamlet sent its
    own list too, counted: held apart from it by the rule a list naming no hamlet is (its codes
    nearly all that hamlet's, fewer than half on its list, one of them missing from it not
    written 'Thoát'; variant 'codes-held', the households said), else its words send the
    officer to take an old copy out or the head to write the households on the hamlet's list
    ('codes-sent', the hamlet's file named): never to make the list a second one of the hamlet
    by writing its name (session 51). When the hamlet's own list of the period came but was
    refused for an error of its own (in ``submissions``: status 'rejected', or for `giamngheo
    check` its id() in ``uncounted``), its households go on that list once corrected
    ('codes-refused', its file named; session 51's review). Households it holds that
    its rows note moved in from that hamlet ('Chuyển đến từ xóm Nà Mòn': moves.note_moved_from,
    ``names`` the plan's hamlets) are the named neighbour's now: not held, its words send its
    head to write them on its list ('codes-moved'; session 51's review)."""
    hamlet = issue.hamlet
    own = next((s for s in counted if s.hamlet == hamlet and s.status != "rejected"), None)
    if own is None:
        # its own list refused for its content (not for its hamlet): corrected, it is the one
        # list; naming this file 'Nà Mòn' would make a second, the newer (CONTRACT §1)
        refused = next((s for s in submissions if s is not sub and s.hamlet == hamlet
                        and s.period == sub.period and s.kind == "roster"
                        and (s.status == "rejected" or id(s) in uncounted)
                        and "hamlet_issue" not in s.extra), None)  # fmt: skip
        if refused is None:
            return  # the hamlet sent nothing: this is its list, to name it (as before)
        said = replace(issue, variant="codes-refused", detail=refused.file)
        issues[:] = [said if i is issue else i for i in issues]
        sub.extra["hamlet_issue"] = said
        return
    by_hamlet: dict[str, set[str]] = {}
    for code, whose in where.items():
        by_hamlet.setdefault(whose, set()).add(code)
    one = one_hamlet(codes, by_hamlet)
    staying = {c for _, c in gone} & _codes_not_exited(sub)
    moved = bool(staying) and staying <= _codes_moved_from(sub, hamlet, names)
    held = (
        one is not None
        and one[0] == hamlet
        and {h for h, _ in gone} == {hamlet}
        and 2 * len(codes & list_codes(own)) < len(codes)
        and bool(staying)
        and not moved
    )
    if moved:  # moved in to the neighbour named, as its rows note: its list to hold them
        said = replace(issue, variant="codes-moved", detail=_gone_said(sub, gone, lists))
    elif held:
        sub.extra["merged_codes"] = codes
        said = replace(issue, variant=NEIGHBOUR_HELD, detail=_gone_said(sub, gone, lists))
    else:
        said = replace(issue, variant="codes-sent", detail=own.file)
    issues[:] = [said if i is issue else i for i in issues]
    sub.extra["hamlet_issue"] = said


def _codes_moved_from(sub: Submission, hamlet: str, names: Collection[str]) -> set[str]:
    """The household codes (as ``id_key``) of a roster's rows whose 'Ghi chú' notes a move in
    from ``hamlet`` (moves.note_moved_from; ``names``: the plan's hamlets)."""
    found = set()
    for _, _, rows in tables(sub):
        codes = rows.columns.get("ma_ho") or ()
        notes = rows.columns.get("ghi_chu") or [None] * len(codes)
        for code, note in zip(codes, notes, strict=False):
            if not is_blank(code) and note_moved_from(note, hamlet, names):
                found.add(fig.id_key(code))
    return found


def _codes_not_exited(sub: Submission) -> set[str]:
    """The household codes (as ``id_key``) of a roster's rows not written 'Thoát' (the class
    as read, else its words: vocab.classification): a list naming no hamlet whose households
    it holds are all written 'Thoát' says what the hamlet's tables count without it, exited,
    and holds nothing apart (:func:`unnamed_holding`; session 51 review)."""
    found = set()
    for _, _, rows in tables(sub):
        codes = rows.columns.get("ma_ho") or ()
        classes = rows.columns.get("phan_loai") or [None] * len(codes)
        for code, written in zip(codes, classes, strict=False):
            status = written if written == "exited" else vocab.classification(written)
            if status != "exited" and not is_blank(code):
                found.add(fig.id_key(code))
    return found


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
    codes pointing nowhere, :func:`_joined_by_history`), instead of the codes'."""
    if into is None:
        if issue.variant not in ("codes", "codes-title"):
            return None
        into = issue.hamlet
    if not into or into not in set(plan.hamlets["hamlet"]):
        return None
    if not any(h["hamlet"] == into for h in stored[then]["hamlets"]):
        return None  # the month had no such hamlet: not a merger into one it had
    # the first stored month after it without the old name, else this one
    since = min(
        (p for p, summary in stored.items() if then < p < period
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
) -> dict[str, str]:
    """Old name -> name now of each hamlet of ``stored`` (old name -> its household keys as
    stored) at least half of whose households are under one of the ``new`` names in ``frames``
    (the plan's start list, a month's lists: None or empty for none), the only name found but
    those of households that moved (:func:`_paired`), and which no other old name goes to
    (:func:`renamed_since`); ``shared``: a name several old ones go to as well (hamlets merged
    into one); ``existing``: names the stored month had too (a household there moved);
    ``among``: other names its households are counted under too, none of them its name now
    (the one name at least half of them are under must be one of ``new``)."""
    if not stored:
        return {}
    where = _where_now(set().union(*stored.values()), set(new) | set(among), frames)
    return _paired(stored, where, shared, existing, new if among else None)


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
    said = _paired(stored, where, shared=True)
    fewer = {old: keys & where.keys() for old, keys in stored.items()
             if old not in said and keys - where.keys() and keys & where.keys()}  # fmt: skip
    more = _paired(fewer, where, shared=True) if fewer else {}
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


def _paired(
    stored: dict[str, set[str]],
    where: dict[str, set[str]],
    shared: bool = False,
    existing: Collection[str] = (),
    new: Collection[str] | None = None,
) -> dict[str, str]:
    """:func:`hamlet_renames`' rule, ``where`` giving each household key the new names it is under:
    old name -> the one new name at least half of its households are under, no other old name
    going to it unless ``shared``. Its other households must be under no name but that one (a
    hamlet split in two is no rename), or under a name another old name goes to, or one of
    ``existing``: households that moved between two hamlets renamed at once, or into a hamlet
    the month had (docs/decisions.md, session 41); then its one name must be a rename, its
    own: neither one of ``existing`` nor another old name's (a hamlet mostly moved into one,
    the rest elsewhere, is no merger, and hides no rename of that one). With ``shared``, nearly
    all (:data:`~pipeline.consolidate.NEARLY_ALL`) of its households found under the one name
    is enough: a merger in whose month a few households moved elsewhere (session 42).
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
             # merged: nearly all its households found under it, a few moved (session 42)
             or shared and counts[old][name] >= NEARLY_ALL * sum(counts[old].values())}  # fmt: skip
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


def earlier_lists(result: RunResult, old_names: bool = False) -> list:
    """The input's hamlet lists of a period before this run's (status 'other_period', hamlet
    and period known), leaving out a file that shows it is this month's list (its name,
    title, folder or 'Ngày lập') with an earlier month left in 'Kỳ báo cáo': it is told as
    this month's (rosterchecks.sent_for_another_period), and running that earlier month
    with it would put this month's list in its place. ``old_names``: those whose 'Xóm' names
    no hamlet of the plan instead (``sub.hamlet`` None, the name in ``hamlet_raw``): a late
    list of a month before a rename, written under the name the hamlet had then
    (:func:`late_files`)."""
    this_months = {i.file for i in sent_for_another_period(result.issues, result.period).values()}
    return [
        sub
        for sub in result.submissions
        if sub.status == "other_period" and sub.period
        and (not sub.hamlet and sub.hamlet_raw if old_names else sub.hamlet)
        and sub.period < result.period and sub.file not in this_months
    ]  # fmt: skip


def periods_never_run(
    result: RunResult, earlier: list, stored: dict[str, dict], command: RunCommand
) -> list[Message]:
    """Earlier months of this plan year (and the month just before: January's "since last
    month" is December) whose hamlet lists are in the input but were never consolidated:
    the officer who starts with April's and May's files in the folder gets May, with no
    change since April and no April in the trend, and nothing on screen said why. Told once,
    the months with their hamlets counted, and the commands to run, in order (the earlier
    months, then this one again)."""
    before = timeline.previous_period(result.period)
    hamlets: dict[str, set[str]] = {}
    for sub in earlier:
        period = sub.period
        if period in stored:
            continue
        if period[:4] == result.period[:4] or period == before:
            hamlets.setdefault(period, set()).add(sub.hamlet)
    if not hamlets:
        return []
    periods = sorted(hamlets)
    months = ", ".join(f"{month_written(p)} ({len(hamlets[p])} xóm)" for p in periods)
    months_en = ", ".join(
        f"{month_written(p)} ({len(hamlets[p])} hamlet{'' if len(hamlets[p]) == 1 else 's'})"
        for p in periods
    )
    commands = "; ".join(command.of(p) for p in [*periods, result.period])
    one = len(periods) == 1
    # the trend is the year's: last December alone is January's "since last month" only
    trend, trend_en = (
        (" và xu hướng", " and the trend") if periods[-1][:4] == result.period[:4] else ("", "")
    )
    return [
        Message(
            f"Thư mục đầu vào có danh sách {'kỳ' if one else 'các kỳ'} {months} chưa từng được "
            f"tổng hợp, nên biến động so với tháng trước{trend} của kỳ "
            f"{month_written(result.period)} chưa có {'kỳ đó' if one else 'các kỳ đó'}. Hãy "
            f"tổng hợp lần lượt (các kỳ trước, rồi chạy lại kỳ này): {commands}",
            f"The input folder holds lists of {'period' if one else 'periods'} {months_en} never "
            f"consolidated, so the changes since last month{trend_en} of "
            f"{month_written(result.period)} lack {'it' if one else 'them'}. Run them in order "
            f"(the earlier periods, then this one again): {commands}",
        )
    ]


def months_skipped_before(
    result: RunResult, earlier: list, stored: dict[str, dict], command: RunCommand
) -> list[Message]:
    """The months never consolidated between the stored month just before this run's and it
    (``stored``), when the month just before is one of them and its lists are not in the input
    folder (``earlier``: :func:`periods_never_run` tells those): this month then has no
    changes since last month ('Biến động' says so, the JSON's ``previous_period`` is null) and
    its trend lacks them, and nothing on screen said so (docs/decisions.md, session 51). Not
    for January: its changes since last month are those since the start of the year; nor are
    the months of an earlier year named (the last stored in June, March of the next year run:
    January and February)."""
    before = timeline.previous_period(result.period)
    if result.period.endswith("-01") or before in stored:
        return []
    if any(sub.period == before for sub in earlier):
        return []  # its lists are here: periods_never_run says to run it
    last = max((p for p in stored if p < result.period), default=None)
    if last is None:
        return []  # the first month consolidated: nothing skipped
    # the months of this run's year alone: its trend holds that year, and its January's
    # changes are those since the start of the year, so last year's months change nothing here
    # (session 51's review)
    skipped = [p for p in months_between([last, result.period]) if p[:4] == result.period[:4]]
    one = len(skipped) == 1
    months = ", ".join(month_written(p) for p in skipped)
    period, then = month_written(result.period), month_written(last)
    commands = "; ".join(command.of(p) for p in [*skipped, result.period])
    return [
        Message(
            f"{'Kỳ' if one else 'Các kỳ'} {months} chưa được tổng hợp (kỳ đã tổng hợp liền trước "
            f"kỳ này là {then}), nên kỳ {period} không có biến động so với tháng trước (không so "
            f"với kỳ {then}) và xu hướng không có {'kỳ đó' if one else 'các kỳ đó'}. Nếu có danh "
            f"sách của {'kỳ đó' if one else 'các kỳ đó'}, hãy tổng hợp lần lượt rồi chạy lại kỳ "
            f"này: {commands}",
            f"{'Period' if one else 'Periods'} {months} {'was' if one else 'were'} never "
            f"consolidated (the consolidated period just before this one is {then}), so {period} "
            f"has no changes since last month (none counted against {then}) and its trend lacks "
            f"{'it' if one else 'them'}. If {'its' if one else 'their'} lists exist, run "
            f"{'it' if one else 'them'} in order, then this period again: {commands}",
        )
    ]


def late_files(
    result: RunResult,
    earlier: list,
    stored: dict[str, dict],
    output_dir: Path,
    command: RunCommand,
    store: HistoryStore | None = None,
    old_named: list | None = None,
) -> list[Message]:
    """Files of an earlier period already run that the run of that period did not have (their
    hashes are not in its ``nguon-sha256.txt``): a hamlet's March list arriving with May's
    when March was run without it, or a corrected copy of a list March counted. The officer
    is told to run that period again; nothing else on screen would say so (such a file is one
    of the 'khác kỳ'). A hamlet the plan renamed since that period is looked up there by its
    old name (``store``: :func:`renamed_since`) and named by both. So is a list of
    ``old_named`` (:func:`earlier_lists`: its 'Xóm' names no plan hamlet) that writes the
    name a hamlet of that period had, renamed since: the officer is told to write the name
    the plan has now before running the period again, as that run would refuse it
    (:func:`run._refuse_old_names`; docs/decisions.md, session 32); or the name a hamlet of
    that period had, merged or dropped since: told as its list, the period to run again with
    the plan it used (session 36)."""
    late, formerly, written_then = _late_lists(
        result, earlier, stored, output_dir, store, old_named
    )
    notices = []
    for period in sorted({p for p, _ in late}):
        month = month_written(period)
        missing, other = late.get((period, True)), late.get((period, False))
        vi, en = _late_said(month, missing, other, formerly.get(period, {}))
        before_merger = _merged_since(result, store, period, stored[period], output_dir)
        if before_merger is not None:
            # Run again with this plan, that month is refused (run._keep_what_was_consolidated): the
            # way that works, with the plan it used (docs/decisions.md, session 31). A list under
            # a name before that month's is told the name that plan writes (session 36).
            (names, names_en), kept = before_merger
            plan = result.plan.file
            fix, fix_en = _name_then(result, store, period, stored, late, written_then, formerly)
            notices.append(
                Message(
                    f"{vi}, hãy {fix}chạy lại kỳ đó với kế hoạch đã dùng khi đó (kỳ {month} được "
                    f"tổng hợp trước khi kế hoạch bỏ hoặc gộp {with_unit(names)}): tạm thay tệp "
                    f"'{plan}' trong thư mục đầu vào bằng bản được giữ ở '{kept}', chạy lại kỳ "
                    "đó, rồi đặt tệp kế hoạch mới trở lại. Lệnh chạy lại kỳ đó: "
                    f"{command.of(period)}",
                    f"{en}, {fix_en}run that period again with the plan it used ({month} was "
                    f"consolidated before the plan dropped or merged {names_en}): put the copy "
                    f"kept as '{kept}' in place of '{plan}' in the input folder, run it again, "
                    f"then put the new plan back. To run that period again: {command.of(period)}",
                )
            )
            continue
        # Written under the name the hamlet had then: that run refuses it (not in the plan) until
        # 'Xóm' says the name now (session 32).
        old = [(s, h, *written_then[id(s)]) for absent in (True, False)
               for s, h in late.get((period, absent), ()) if id(s) in written_then]  # fmt: skip
        if old:
            said_old = [(s.file, name, h, where, where_en) for s, h, name, where, where_en in old]
            lists, lists_en = _old_names_said(said_old)
            # the name read from a title (no 'Xóm' cell): the name to correct, where it is said
            cells = _in_cells(said_old)
            at, at_en = (
                ("ô 'Xóm'", "in the 'Xóm' cell") if cells else ("tên xóm", "for the old one")
            )
            notices.append(
                Message(
                    f"{vi}, hãy sửa {at} thành tên mới như trong kế hoạch ({lists}) rồi chạy "
                    f"lại: {command.of(period)}",
                    f"{en}, write the new name, as the plan has it, {at_en} "
                    f"({lists_en}) and run again: {command.of(period)}",
                )
            )
            continue
        sources = _kept_to_copy(earlier, period, stored[period], output_dir / period / "nguon")
        # a late list under the name of one kept there (a corrected copy sent under the same
        # name): the kept one copied back would replace it (session 51)
        clash = sorted({s.file for absent in (True, False) for s, _ in late.get((period, absent), ())
                        if sources and (sources / s.file).is_file()})  # fmt: skip
        named = ", ".join(f"'{file}'" for file in clash)
        kept_out = (
            (f", không chép tệp cũ {named}: tệp mới cùng tên đã có trong thư mục đầu vào",
             f", nor the old {named}: the new file of that name is in the input folder")
            if clash else ("", "")
        )  # fmt: skip
        copy, copy_en = (
            (f"chép các danh sách trong thư mục '{sources}' (trừ tệp kế hoạch{kept_out[0]}) vào "
             "thư mục đầu vào cùng với tệp mới rồi ",
             f"copy the lists of '{sources}' (not the plan file{kept_out[1]}) into the input "
             "folder with the new file and ")
            if sources and not formerly.get(period) else ("", "")
        )  # fmt: skip
        notices.append(
            Message(
                f"{vi}, hãy {copy}chạy lại: {command.of(period)}",
                f"{en}, {copy_en}run again: {command.of(period)}",
            )
        )
    return notices


def _kept_to_copy(earlier: list, period: str, snapshot: dict, sources: Path) -> Path | None:
    """``sources`` (a stored period's ``nguon``) when the input folder lacks a list of that period
    for a hamlet it counted: run again as it is, the run stops (run._keep_what_was_consolidated)
    asking for those files, so the late list's notice asks first (docs/decisions.md, session
    51). None when every counted hamlet's list is there, or nothing was kept to copy."""
    here = {sub.hamlet for sub in earlier if sub.period == period}
    counted = {h["hamlet"] for h in snapshot["hamlets"] if h.get("status") == "ok"}
    return sources if counted - here and sources.is_dir() else None


def _late_lists(
    result: RunResult,
    earlier: list,
    stored: dict[str, dict],
    output_dir: Path,
    store: HistoryStore | None,
    old_named: list | None,
) -> tuple[dict, dict[str, dict[str, str]], dict[int, tuple[str, str, str]]]:
    """The late lists :func:`late_files` tells of, by (period, the hamlet had nothing valid
    then), each with its hamlet's name now; the renames since each of their periods (name now
    -> name then); the lists written under the name their hamlet had then (id -> (old name,
    where it is written: Vietnamese, English))."""
    from pipeline.archive import MANIFEST, sha256_of

    # (period, the hamlet had nothing valid then) -> [(list, the hamlet's name now)]
    late: dict[tuple[str, bool], list[tuple[Submission, str]]] = {}
    known: dict[str, tuple[set[str] | None, dict]] = {}  # period -> (hashes, hamlet statuses)
    formerly: dict[str, dict[str, str]] = {}  # period -> {name now: name then}
    written_then: dict[int, tuple[str, str, str]] = {}  # id(list) -> (old name, where: vi, en)
    earlier_renames: dict[str, dict[str, str]] = {}  # period -> its renames since (a cache)
    in_plan = set(result.plan.hamlets["hamlet"].tolist())
    year = str(result.plan.plan_year)
    for sub in [*earlier, *(old_named or ())]:
        summary = stored.get(sub.period)
        if summary is None or (not sub.hamlet and store is None):
            continue
        if sub.period not in known:
            statuses = {h["hamlet"]: h.get("status") for h in summary["hamlets"]}
            known[sub.period] = (_hashes(output_dir / sub.period / MANIFEST), statuses)
        hashes, statuses = known[sub.period]
        hamlet = sub.hamlet
        if not hamlet and not _new_file(sub, hashes):
            continue  # the list that period's run had (or no record of them): the rename unread
        if (not hamlet or hamlet not in statuses) and store is not None:
            if sub.period not in formerly:
                renamed = renamed_since(result, store, sub.period, summary)
                formerly[sub.period] = {new: old for old, new in renamed.items()}
            before = None  # the hamlet's name in a month before that period, renamed since
            if not hamlet:  # the name the hamlet had then, in 'Xóm'
                then = {fold(old): new for new, old in formerly[sub.period].items()}
                hamlet = then.get(fold(sub.hamlet_raw))
                if hamlet is None:  # or before: April sent again under March's name
                    hamlet = before = _named_before(result, store, stored, sub, earlier_renames)
                if hamlet is None:  # or a hamlet of that period merged or dropped since: run
                    # again with the plan it used, under that name (session 36)
                    hamlet = next((h for h in statuses if fold(h) == fold(sub.hamlet_raw)
                                   and h not in in_plan), None)  # fmt: skip
                if hamlet is None:
                    continue  # a name no hamlet of that year had, renamed since
            old_name = formerly[sub.period].get(hamlet)
            if sub.period[:4] == year and (
                before is not None
                or (old_name is not None and fold(sub.hamlet_raw or "") == fold(old_name))
            ):
                # written under the name then (its hamlet told by the name or, the list alone
                # of its month in the folder, by its codes: consolidate.refused_by_codes); not
                # of an earlier year, run again with its own year's plan, which has that name
                # (session 43)
                written_then[id(sub)] = (clean_text(sub.hamlet_raw), *_written_where(sub))
            status = statuses.get(formerly[sub.period].get(hamlet, hamlet))
        else:
            status = statuses.get(hamlet)
        absent = status in ("missing", "rejected")
        if (not absent and hashes is None) or status is None:
            continue  # no record of the files used then: nothing to compare with
        try:
            new_file = not sub.hamlet  # told already (:func:`_new_file`)
            if not new_file and hashes is not None and sha256_of(sub.path) in hashes:
                continue  # the very file that period's run had
        except OSError:
            continue
        late.setdefault((sub.period, absent), []).append((sub, hamlet))
    return late, formerly, written_then


def _late_said(
    month: str, missing: list | None, other: list | None, renamed: dict[str, str]
) -> tuple[str, str]:
    """How :func:`late_files` opens its notice of a month's late lists, up to what to do:
    ``missing``, those of hamlets that month's run had nothing valid of; ``other``, those other
    than the file it used (each list with its hamlet's name now; ``renamed``: name now -> name
    then). Both kinds: one sentence (one run counts both)."""
    said = {}  # absent -> (vi, en): what is said of that kind of file
    for absent, subs in ((True, missing), (False, other)):
        if not subs:
            continue
        hamlets = ", ".join(dict.fromkeys(formerly_named(h, renamed, "vi") for _, h in subs))
        hamlets_en = ", ".join(dict.fromkeys(formerly_named(h, renamed, "en") for _, h in subs))
        files = ", ".join(f"'{s.file}'" for s, _ in subs)
        said[absent] = (
            (
                f"{with_unit(hamlets)} ({files}), kỳ mà khi tổng hợp xóm chưa nộp hoặc bị từ chối",
                f"{hamlets_en} ({files}), a period consolidated while the hamlet had sent "
                "nothing valid",
            )
            if absent
            else (
                f"{with_unit(hamlets)} ({files}) khác với tệp đã dùng khi tổng hợp kỳ đó (có thể là "
                "bản sửa)",
                f"{hamlets_en} ({files}) other than the file that period's run used (a "
                "corrected copy?)",
            )
        )
    if len(said) == 2:
        # One month with both kinds: one notice, one command (both are counted by one run).
        (missing_vi, missing_en), (other_vi, other_en) = said[True], said[False]
        vi = (
            f"Có danh sách kỳ {month} của {missing_vi}, và danh sách của {other_vi}. Để tính các "
            "danh sách này vào kỳ đó"
        )
        en = (
            f"There is a {month} list of {missing_en}, and a list of {other_en}. To count them "
            "there"
        )
    elif True in said:
        vi = f"Có danh sách kỳ {month} của {said[True][0]}. Để tính vào kỳ đó"
        en = f"There is a {month} list of {said[True][1]}. To count it there"
    else:
        vi = f"Có danh sách kỳ {month} của {said[False][0]}. Để tính lại kỳ đó"
        en = f"There is a {month} list of {said[False][1]}. To count that period again"
    return vi, en


def _name_then(
    result: RunResult,
    store: HistoryStore | None,
    period: str,
    stored: dict[str, dict],
    late: dict[tuple[str, bool], list[tuple[Submission, str]]],
    written_then: dict[int, tuple[str, str, str]],
    formerly: dict[str, dict[str, str]],
) -> tuple[str, str]:
    """For :func:`late_files`' notice of a ``period`` to run again with the plan it used: its
    late lists whose 'Xóm' writes a name other than that plan's for the hamlet (an earlier
    month's: renamed by ``period``, merged since, :func:`_named_before`), told to write that
    plan's name and, where the plan now merged the hamlet into another, that one's name not
    (it had its own list then): the words to put before "chạy lại" / "run" (blank when none;
    docs/decisions.md, session 36)."""
    renamed = formerly.get(period, {})
    old = []
    for absent in (True, False):
        for sub, hamlet in late.get((period, absent), ()):
            if id(sub) not in written_then:
                continue
            name, where, where_en = written_then[id(sub)]
            then = renamed.get(hamlet, hamlet)  # the name the period's plan writes
            if fold(name) != fold(then):
                old.append((sub, name, then, where, where_en))
    if not old:
        return "", ""
    vi, en = [], []
    month = month_written(period)
    for sub, name, then, where, where_en in old:
        into = _merged_into(result, store, period, then, stored)
        joined = joined_en = ""
        if into is not None:
            hamlet, since = into
            unit = with_unit(hamlet)
            joined = (f" (từ kỳ {since} xóm này sáp nhập vào {unit}, các hộ ghi trong danh "
                      f"sách {unit}, nhưng kỳ {month} {unit} có danh sách riêng: "
                      f"đừng ghi '{hamlet}')")  # fmt: skip
            joined_en = (f" (from {since} the hamlet is merged into {hamlet}, its households on "
                         f"{hamlet}'s list, but in {month} {hamlet} had its own list: do not "
                         f"write '{hamlet}')")  # fmt: skip
        vi.append(f"tệp '{sub.file}' ghi '{name}'{where}, kế hoạch kỳ đó ghi là '{then}'{joined}")
        en.append(f"file '{sub.file}' says '{name}'{where_en}, which that period's plan writes "
                  f"'{then}'{joined_en}")  # fmt: skip
    cells = all(where.startswith(" ở ô ") for *_, where, _ in old)
    at, at_en = ("ô 'Xóm'", "in the 'Xóm' cell") if cells else ("tên xóm", "for the old one")
    return (
        f"sửa {at} thành tên xóm như trong kế hoạch của kỳ đó — {'; '.join(vi)} — rồi ",
        f"write the hamlet's name as that period's plan has it {at_en} — {'; '.join(en)} — then ",
    )


def _merged_into(
    result: RunResult, store: HistoryStore | None, period: str, name: str, stored: dict[str, dict]
) -> tuple[str, str] | None:
    """The plan's hamlet the hamlet ``name`` of the stored ``period`` is merged into since (at
    least half of its households stored that year under that one's name on the plan's start
    list or this run's lists: :func:`hamlet_renames`, shared), and since when (the first stored
    month after ``period`` without the name, else this run's), both as said. None when the plan has
    ``name`` or no such hamlet is found (dropped)."""
    in_plan = set(result.plan.hamlets["hamlet"])
    if store is None or name in in_plan:
        return None
    keys = store.keys_of_hamlets(int(period[:4]), {name})
    frames = (getattr(result.plan, "start_list", None), result.households)
    into = hamlet_renames(keys, in_plan, frames, shared=True).get(name)
    if into is None:
        return None
    since = min(
        (p for p, summary in stored.items() if period < p < result.period
         and not any(h["hamlet"] == name for h in summary["hamlets"])),
        default=result.period,
    )  # fmt: skip
    return into, month_written(since)


def _new_file(sub: Submission, hashes: set[str] | None) -> bool:
    """Whether ``sub`` is a file the run of its period did not have (``hashes``: those of the
    files it had, from its sources' record; None: no record, so nothing to tell)."""
    from pipeline.archive import sha256_of

    try:
        return hashes is not None and sha256_of(sub.path) not in hashes
    except OSError:
        return False


def _merged_since(
    result: RunResult, store: HistoryStore | None, period: str, summary: dict, output_dir: Path
) -> tuple[tuple[str, str], Path] | None:
    """Whether the stored ``period`` counted hamlets the plan used now no longer has and did not
    rename (dropped or merged since), with that period's plan kept in its sources under the
    name of the plan now: (their names said, in both languages), that copy. None otherwise."""
    in_plan = set(result.plan.hamlets["hamlet"].tolist())
    gone = [h["hamlet"] for h in summary["hamlets"]
            if h.get("status") == "ok" and h["hamlet"] not in in_plan]  # fmt: skip
    kept = output_dir / period / "nguon" / result.plan.file
    if not gone or store is None or not kept.is_file():
        return None
    renamed = renamed_since(result, store, period, summary)
    gone = [name for name in gone if name not in renamed]
    return (some_named(gone), kept) if gone else None


def mostly_gone_notes(result: RunResult) -> list[Message]:
    """One line per list missing most of the households of the list it is compared with
    (households-mostly-gone, a warning): the screen's count of warnings alone hides that the
    hamlet's figures, and the commune's, fell by a list that is likely not whole: a list of the
    month's changes only (session 49). In the hamlets' order, as the issues are. Most of them
    on the hamlet's file set aside for this one (variant 'other-file'): that file is named, and
    the two to be made one (session 49 review)."""
    return [
        Message(
            f"Xóm {i.hamlet}: {i.value} trong {i.instead} hộ nghèo, hộ cận nghèo có trong "
            f"{in_language(i.detail, 'vi')} không có trong danh sách '{i.file}' và đã được tính "
            "là thoát. Nếu đó chỉ là danh sách bổ sung (các hộ thay đổi), hãy nhờ trưởng xóm gửi "
            "danh sách đầy đủ rồi chạy lại (xem trang 'Lỗi dữ liệu').",
            f"Hamlet {i.hamlet}: {i.value} of the {i.instead} poor and near-poor households on "
            f"{in_language(i.detail, 'en')} are missing from the list '{i.file}' and are counted "
            "as exited. If it is only a supplementary list (the households that changed), ask "
            "the hamlet head for the full list and run again (see sheet 'Lỗi dữ liệu').",
        )
        if i.variant != "other-file"
        else Message(
            f"Xóm {i.hamlet}: {i.value} hộ nghèo, hộ cận nghèo có trong "
            f"{in_language(i.detail, 'vi')} không có trong danh sách '{i.file}' và đã được tính "
            f"là thoát, nhưng phần lớn có trong tệp '{i.instead}' của xóm, không được tính vì có "
            "bản mới hơn. Nếu hai tệp là hai phần của một danh sách, hãy gộp thành một tệp rồi "
            "chạy lại (xem trang 'Lỗi dữ liệu').",
            f"Hamlet {i.hamlet}: {i.value} poor and near-poor households on "
            f"{in_language(i.detail, 'en')} are missing from the list '{i.file}' and are counted "
            f"as exited, but most are on the hamlet's file '{i.instead}', not counted for the "
            "newer one. If the two files are two parts of one list, merge them into one file and "
            "run again (see sheet 'Lỗi dữ liệu').",
        )
        for i in result.issues
        if i.code == "households-mostly-gone"
    ]


def lock_files(result: RunResult) -> list[Message]:
    """One line per spreadsheet's lock file in the input folder (Excel's '~$…', LibreOffice's
    '.~lock.…#'): the list it stands for is open, and what is not saved in it is not read.
    Listed on 'Nộp báo cáo' too; not counted as a skipped file (session 11). Not said when the
    open workbook is another month's list, which this run does not read (April's run, May's
    list open): its unsaved changes are no part of this month's figures."""
    from pipeline.discover import lock_file_said

    locks = sorted(
        (sub for sub in result.submissions if sub.extra.get("lock_of")),
        key=lambda sub: vi_key(sub.file),  # in Vietnamese alphabetical order (session 48)
    )
    if not locks:
        return []
    elsewhere = {sub.file for sub in result.submissions if sub.status == "other_period"}

    def of_another_month(sub) -> bool:
        name, beside = sub.extra["lock_of"]
        return beside and posixpath.join(posixpath.dirname(sub.file), name) in elsewhere

    return [
        lock_file_said(sub.file, sub.extra["lock_of"]) for sub in locks if not of_another_month(sub)
    ]


def sent_for_another_period_notes(
    result: RunResult, command: RunCommand, only: Collection[str] | None = None
) -> list[Message]:
    """Hamlets counted as not sent whose file shows it is this month's list (its name, title,
    folder or 'Ngày lập': rosterchecks.named_for) while its 'Kỳ báo cáo' says another: the
    screen's "1 chưa nộp" would hide that a file came.
    The officer is told which file and cell, and how to count it if it is this month's list.
    ``only``: those hamlets alone (the stop of a month run again that would lose them).
    A run that writes its workbook (``only`` None) says with each how many errors its rows
    have, checked with it (consolidate.rows_told_uncounted), and where they are listed."""
    missing = {h["hamlet"] for h in result.summary["hamlets"] if h.get("status") == "missing"}
    if only is not None:
        missing &= set(only)
    return sent_for_another_period_said(
        result.issues, result.submissions, result.period, command, missing,
        errors_said=only is None,
    )  # fmt: skip


def sent_for_another_period_said(
    issues: list[Issue],
    submissions: list[Submission],
    period: str,
    command: RunCommand,
    missing: Collection[str],
    one_line: bool = False,
    errors_said: bool = False,
) -> list[Message]:
    """:func:`sent_for_another_period_notes` of the hamlets ``missing`` (counted as not sent), from
    the files read: also the stop of a run that found no list of ``period`` but such files
    (session 46). Each ends with the run to paste; ``one_line`` (the stop, its hamlets said on
    one line): the last alone, so that nothing follows it on the line (session 47).
    ``errors_said``: a file whose rows have errors (its own checks, said with the cell since
    session 51) says how many, on its line, pointing to 'Lỗi dữ liệu' (the run's workbook)."""
    # A file of a later month named for this one is told by consolidate._unless_only_mistyped.
    told = {s.file for s in submissions if s.extra.get("told_as_later")}
    month = month_written(period)
    prepared = {s.file: s.prepared_on for s in submissions}
    errors: dict[str, int] | None = None  # a file's errors, counted once one is told
    notices = []
    for hamlet, issue in sent_for_another_period(issues, period).items():
        if hamlet not in missing or issue.file in told:
            continue
        if errors is None:
            errors = {}
            for said in issues if errors_said else ():
                if said.severity == "error":
                    errors[said.file] = errors.get(said.file, 0) + 1
        wrong = errors.get(issue.file, 0)
        rows, rows_en = (
            (
                f", và danh sách còn {wrong} lỗi (xem trang 'Lỗi dữ liệu'; hộ có lỗi chưa được "
                "tính đến khi sửa)",
                f", and the list has {wrong} error{'s' if wrong > 1 else ''} (see sheet 'Lỗi dữ "
                "liệu'; a household with an error is not counted until it is fixed)",
            )
            if wrong
            else ("", "")
        )
        cell = f" (trang '{issue.sheet}', ô {issue.cell})" if issue.sheet and issue.cell else ""
        where_en = f" (sheet '{issue.sheet}', cell {issue.cell})" if cell else ""
        if issue.code.endswith("title"):
            named, named_en = f"có tiêu đề ghi tháng {month}", f"has a title naming {month}"
        elif issue.code.endswith("folder"):
            named = f"nằm trong thư mục kỳ {month}"
            named_en = f"is in the folder of {month}"
        elif issue.code.endswith("prepared-date"):
            on = prepared.get(issue.file)
            day = f" {on:%d/%m/%Y}" if on else ""
            named = f"có ngày lập{day}, sau thời gian lập danh sách kỳ {issue.value},"
            named_en = f"was filled in{day}, after a {issue.value} list is made,"
        else:
            named, named_en = f"mang tên kỳ {month}", f"is named for {month}"
        if issue.variant == "same-file":  # last month's file sent again (session 43)
            notices.append(
                Message(
                    f"{with_unit(hamlet, 'Xóm')} được tính là chưa nộp kỳ {month}: tệp "
                    f"'{issue.file}' {named} nhưng giống hệt danh sách kỳ {issue.value} của xóm "
                    f"('{issue.instead}'): có lẽ xóm gửi nhầm tệp kỳ {issue.value}. Đừng sửa ô 'Kỳ "
                    f"báo cáo' của tệp này; hãy nhờ trưởng xóm gửi danh sách kỳ {month}, rồi "
                    f"chạy lại: {command.of(period)}",
                    f"Hamlet {hamlet} counts as not submitted for {month}: file '{issue.file}' "
                    f"{named_en} but is the very same as the hamlet's {issue.value} list "
                    f"('{issue.instead}'): the {issue.value} file was probably sent again. Do not "
                    f"correct its 'Kỳ báo cáo'; ask the hamlet head for the {month} list, then "
                    f"run again: {command.of(period)}",
                )
            )
            continue
        if issue.variant == "title":  # no 'Thông tin': the period was read from the title
            notices.append(
                Message(
                    f"{with_unit(hamlet, 'Xóm')} được tính là chưa nộp kỳ {month}: tệp '{issue.file}' {named} "
                    f"nhưng tiêu đề danh sách ghi tháng {issue.value} (tệp không có trang "
                    f"'Thông tin'){rows}. Nếu đó là danh sách kỳ {month}, hãy sửa tiêu đề{cell} "
                    f"thành tháng {month} rồi chạy lại: {command.of(period)}",
                    f"Hamlet {hamlet} counts as not submitted for {month}: file '{issue.file}' "
                    f"{named_en} but the list's title says {issue.value} (the file has no "
                    f"'Thông tin' sheet){rows_en}. If it is the {month} list, correct the title"
                    f"{where_en} to {month} and run again: {command.of(period)}",
                )
            )
            continue
        notices.append(
            Message(
                f"{with_unit(hamlet, 'Xóm')} được tính là chưa nộp kỳ {month}: tệp '{issue.file}' {named} "
                f"nhưng ô 'Kỳ báo cáo' ghi {issue.value}{rows}. Nếu đó là danh sách kỳ {month}, "
                f"hãy sửa ô 'Kỳ báo cáo'{cell} thành {month} rồi chạy lại: "
                f"{command.of(period)}",
                f"Hamlet {hamlet} counts as not submitted for {month}: file '{issue.file}' "
                f"{named_en} but its 'Kỳ báo cáo' says {issue.value}{rows_en}. If it is the "
                f"{month} list, correct 'Kỳ báo cáo'{where_en} to {month} and run again: "
                f"{command.of(period)}",
            )
        )
    if one_line:
        tail = f": {command.of(period)}"
        notices[:-1] = [
            Message(str.__str__(said).removesuffix(tail) + ".", said.en.removesuffix(tail) + ".")
            for said in notices[:-1]
        ]
    return notices


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


def later_under_newer_plan(result: RunResult, stored: dict[str, dict]) -> dict[str, list[str]]:
    """The later stored months of the run's plan year consolidated under a newer plan than the
    run's: one without a hamlet the run's plan has and a stored month of the year up to this one
    had (merged, dropped or renamed since; a hamlet new in the run's plan, a split, is none),
    each with those hamlets. The officer runs a month before a merger with the plan it used,
    kept in its sources (session 31): the later months' plan is still the year's. Hamlet names
    only (sets over the stored months' names); months of another commune are left out."""
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
        elif had - names:
            newer[period] = sorted(had - names, key=vi_key)
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
    commands = "; ".join(command.of(p) for p in again)
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
            f"lần lượt từng kỳ: {commands}",
            f"Period(s) {names} were consolidated under a plan other than the one used now "
            f"('{result.plan.file}'): {shown_en}. Their "
            "reductions since the start of the year, targets and trend (and the trend of the "
            f"periods after them) follow the old plan.{unsent[1]}{back[1]} If the plan file was put there "
            "by mistake, take it out of the input folder and run this period again. If the plan "
            "was revised from a period after them (they keep the plan of their time), nothing "
            "needs running again: this notice is not repeated when the periods after are run. If "
            f"the plan was corrected, run them again one by one: {commands}",
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


def _hashes(manifest: Path) -> set[str] | None:
    """The hashes a period's ``nguon-sha256.txt`` lists; None when there is none to read."""
    from pipeline.archive import manifest_hashes

    listed = manifest_hashes(manifest)
    return None if listed is None else set(listed.values())


_TREND_TOTALS = ("households", "poor", "near_poor", "poor_rate", "near_poor_rate")


def later_months_affected(
    result: RunResult, before: dict | None, before_rows: pd.DataFrame | None
) -> bool:
    """Whether what later months took from this period changed with this run: its rates (their
    trend), its hamlets' statuses and rates, its households and their lists (their "since last
    month" baseline and returns to poverty), and each row's birth year and whether it was read
    from an age (schema 5: a later month matches a row without its Mã hộ, or under another, by
    name and year, a year off where the year came from an age; session 30), and each row's head's
    name as that match folds it (session 31: every row, a coded one too, is matched by name where
    a later month writes it under another code or in a row left out). Not this period's own
    movement tables."""
    if before is None or before_rows is None:
        return True

    def hamlets(summary_hamlets: list[dict]) -> list[tuple]:
        return [
            (h["hamlet"], h["status"], h.get("poor_rate"), h.get("near_poor_rate"))
            for h in summary_hamlets
        ]

    totals = result.summary["totals"]
    if [totals.get(k) for k in _TREND_TOTALS] != [
        before["totals"].get(k) for k in _TREND_TOTALS
    ] or hamlets(result.summary["hamlets"]) != hamlets(before["hamlets"]):
        return True
    # as stored: of two rows of one hamlet and key (a Mã hộ written twice), one
    rows = kept_households(result.households)
    statuses = rows["phan_loai"]
    now = sorted(
        [
            *zip(
                rows["hamlet"].astype(str).tolist(),
                rows["ma_ho"].astype(str).tolist(),
                statuses.astype(str).tolist(),
                _years(rows["nam_sinh"]),
                _aged(rows),
                _names(rows["chu_ho"]),
                strict=True,
            ),
            # the rows kept as moved out or of a list apart (as stored: a blank year -1)
            *(
                (
                    hamlet,
                    code,
                    status,
                    -1 if birth is None else birth,
                    aged,
                    name if isinstance(name, str) else "",
                )
                for hamlet, _, code, name, status, birth, aged in result.moved
            ),
        ]
    )
    then = sorted(
        zip(
            before_rows["hamlet"].tolist(),
            before_rows["ma_ho"].tolist(),
            before_rows["status"].tolist(),
            _years(before_rows["nam_sinh"]),
            _aged(before_rows),
            _names(before_rows["chu_ho"]),
            strict=True,
        )
    )
    if now == then:
        return False
    # Codes, statuses, years and marks (the sorted rows but the name, last) differ: changed.
    if [row[:-1] for row in now] != [row[:-1] for row in then]:
        return True
    # Only names differ as written. The same rows but names at each place, in the same order:
    # the places whose names differ are compared with the name as the name match folds it
    # (figures' name keys: text.fold), so a fix of case, accents, spacing or Unicode form alone
    # changes nothing there (session 31). The places alike hold the same on both sides.
    differ = [i for i, (a, b) in enumerate(zip(now, then, strict=True)) if a[-1] != b[-1]]
    return _folded([now[i] for i in differ]) != _folded([then[i] for i in differ])


def _names(column: pd.Series) -> list[str]:
    """Heads' names as written (a blank: '', to sort)."""
    return [name if isinstance(name, str) else "" for name in column.tolist()]


def _folded(rows: list[tuple]) -> list[tuple]:
    """``rows`` (tuples ending with the head's name), the name folded as name keys fold it
    (each name once), sorted."""
    folded = {name: fold(name) for name in {row[-1] for row in rows}}
    return sorted((*row[:-1], folded[row[-1]]) for row in rows)


def _years(column: pd.Series) -> list[int]:
    """Birth years as whole numbers, as the history stores them (a blank: -1, to sort)."""
    return pd.to_numeric(column, errors="coerce").fillna(-1).astype("int64").tolist()


def _aged(rows: pd.DataFrame) -> list[bool]:
    """Whether each row's birth year was read from an age (``FROM_AGE``; none where the frame
    has no such column)."""
    if FROM_AGE not in rows.columns:
        return [False] * len(rows)
    return rows[FROM_AGE].to_numpy(dtype=bool, na_value=False).tolist()


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
