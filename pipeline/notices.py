"""What a run tells the officer about other periods than its own, and what those notices rest
on: later months to run again (their figures, statuses, start list kept, later_months_stale and
later_months_affected), late files and periods never run or skipped, lists sent for another
period, lists mostly gone, lock files. Called by pipeline.run's execute and consolidated
(docs/decisions.md, session 34: pipeline/run.py split). The plan and figures changed since are
pipeline.notices_plan's, the hamlets renamed or merged since pipeline.renames', the lists held
apart or naming no hamlet pipeline.holding's (session 51: notices.py split by topic); this module
re-exports their names its callers import from it."""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import pandas as pd

from pipeline import timeline
from pipeline.figures import NOT_COUNTED
from pipeline.history import HistoryStore, kept_households
from pipeline.holding import (  # noqa: F401 - re-exported
    neighbour_refusal,
    unnamed_holding,
    unnamed_refusal,
)
from pipeline.messages import Message, RunCommand, commands_in_turn, in_language, with_unit
from pipeline.notices_plan import (  # noqa: F401 - re-exported
    commune_replaced,
    figures_changed,
    later_under_newer_plan,
    of_other_commune,
    plan_changed_since,
    run_under_older_plan,
    some_named,
    start_list_ids_notes,
)
from pipeline.renames import (  # noqa: F401 - re-exported
    former_names,
    formerly_named,
    hamlet_renames,
    lists_alone,
    merged_by_start_list,
    named_before,
    renamed_since,
    renamed_stored,
)
from pipeline.rosterchecks import (
    file_name_period,
    id_number,
    info_cell,
    month_written,
    sent_for_another_period,
)
from pipeline.text import (
    clean_text,
    fold,
    months_between,
    vi_key,
)
from pipeline.types import FROM_AGE, Issue, RunResult, Submission


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
    commands = commands_in_turn(command.of(p) for p in sorted(later))
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
        f"liệu mới.{fix} Hãy chạy lại các kỳ đó, theo thứ tự{commands}",
        f"Later periods ({months}) were consolidated {when_en}: their {stale_en} do not follow "
        f"the new ones.{fix_en} Run those periods again, in order{commands}",
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
            commands = commands_in_turn(
                replace(command, input_dir=Path(folder)).of(p)
                if (folder := stored.get(p, {}).get("input_dir"))
                else command.of(p)
                for p in kept.later
            )
            vi[-1] += f": hãy chạy lại, theo thứ tự{commands}"
            en[-1] += f": run them again, in order{commands}"
    return [Message(" ".join(vi), " ".join(en))]


def earlier_lists(result: RunResult, old_names: bool = False) -> list:
    """The input's hamlet lists of a period before this run's (status 'other_period', hamlet
    and period known), leaving out a file that shows it is this month's list (its name,
    title, folder or 'Ngày lập') with an earlier month left in 'Kỳ báo cáo': it is told as
    this month's (rosterchecks.sent_for_another_period), and running that earlier month
    with it would put this month's list in its place. ``old_names``: those whose 'Xóm' names
    no hamlet of the plan instead (``sub.hamlet`` None, the name in ``hamlet_raw``): a late
    list of a month before a rename, written under the name the hamlet had then
    (:func:`late_files`). Nor a file :func:`_filled_in_again` (session 53)."""
    this_months = {i.file for i in sent_for_another_period(result.issues, result.period).values()}
    return [
        sub
        for sub in result.submissions
        if sub.status == "other_period" and sub.period
        and (not sub.hamlet and sub.hamlet_raw if old_names else sub.hamlet)
        and sub.period < result.period and sub.file not in this_months
        and not _filled_in_again(sub, result.period)
    ]  # fmt: skip


def _filled_in_again(sub: Submission, period: str) -> bool:
    """Whether a roster's file name names a month after ``period`` ('YYYY-MM') and its 'Kỳ báo
    cáo' a month a year or more before the name's: a later month's list with last year's month
    left in the cell ('NaMon_2025-01.xlsx' saying 01/2024, last year's file filled in again),
    told as such when that month is run, never an earlier month's list to consolidate first
    (session 53). A late list named for the month it was sent ('DongKe_2025-02.xlsx' saying
    12/2024) is none: told as the late list it is (session 53's review)."""
    named = file_name_period(sub)
    year_on = f"{int(sub.period[:4]) + 1:04d}{sub.period[4:]}"  # the cell's month a year on
    return named is not None and named > period and year_on <= named


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
    commands = commands_in_turn(command.of(p) for p in [*periods, result.period])
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
            f"tổng hợp lần lượt (các kỳ trước, rồi chạy lại kỳ này){commands}",
            f"The input folder holds lists of {'period' if one else 'periods'} {months_en} never "
            f"consolidated, so the changes since last month{trend_en} of "
            f"{month_written(result.period)} lack {'it' if one else 'them'}. Run them in order "
            f"(the earlier periods, then this one again){commands}",
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
    commands = commands_in_turn(command.of(p) for p in [*skipped, result.period])
    return [
        Message(
            f"{'Kỳ' if one else 'Các kỳ'} {months} chưa được tổng hợp (kỳ đã tổng hợp liền trước "
            f"kỳ này là {then}), nên kỳ {period} không có biến động so với tháng trước (không so "
            f"với kỳ {then}) và xu hướng không có {'kỳ đó' if one else 'các kỳ đó'}. Nếu có danh "
            f"sách của {'kỳ đó' if one else 'các kỳ đó'}, hãy tổng hợp lần lượt rồi chạy lại kỳ "
            f"này{commands}",
            f"{'Period' if one else 'Periods'} {months} {'was' if one else 'were'} never "
            f"consolidated (the consolidated period just before this one is {then}), so {period} "
            f"has no changes since last month (none counted against {then}) and its trend lacks "
            f"{'it' if one else 'them'}. If {'its' if one else 'their'} lists exist, run "
            f"{'it' if one else 'them'} in order, then this period again{commands}",
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
    from pipeline.archive import kept_copy

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
        # name): the kept one copied back would replace it (session 51); one kept decomposed
        # before names were shown composed is that name too (session 53)
        clash = sorted({s.file for absent in (True, False) for s, _ in late.get((period, absent), ())
                        if sources and kept_copy(sources, s.file).is_file()})  # fmt: skip
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
        merged = None  # another hamlet of that period, merged since, whose name before 'Xóm' is
        if (
            hamlet in statuses
            and store is not None
            and sub.hamlet_raw
            and fold(sub.hamlet_raw) != fold(hamlet)
        ):
            # a list taken as a hamlet's of the plan now (its codes, or its hamlet's renames and
            # merger since) that writes the name before that period's of a hamlet that period
            # had, merged into it since: that hamlet's list, not this one's (session 58, H2)
            merged = named_before(result, store, stored, sub, earlier_renames)
            if merged not in statuses or merged in in_plan:
                merged = None
        if (not hamlet or hamlet not in statuses or merged) and store is not None:
            if sub.period not in formerly:
                renamed = renamed_since(result, store, sub.period, summary)
                formerly[sub.period] = {new: old for old, new in renamed.items()}
            before = None  # the hamlet's name in a month before that period, renamed since
            if merged:
                hamlet = before = merged
            elif not hamlet:  # the name the hamlet had then, in 'Xóm'
                then = {fold(old): new for new, old in formerly[sub.period].items()}
                hamlet = then.get(fold(sub.hamlet_raw))
                if hamlet is None:  # or before: April sent again under March's name
                    hamlet = before = named_before(result, store, stored, sub, earlier_renames)
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
    month's: renamed by ``period``, merged since, :func:`named_before`), told to write that
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
    # a plan without a start list: all its households but one under it, as the figures read
    # the merger (renames.lists_alone; session 57, D2)
    into = hamlet_renames(keys, in_plan, frames, shared=True, planned=lists_alone(result.plan))
    into = into.get(name)
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
    if not gone or store is None:
        return None
    from pipeline.archive import SOURCES_DIR, kept_copy

    kept = kept_copy(output_dir / period / SOURCES_DIR, result.plan.file)
    if not kept.is_file():
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
    the two to be made one (session 49 review). Some of them on a list naming no hamlet
    (variant 'held', 'held-several'), or moved by the year's start list ('moved',
    'moved-several'): said not exited, as the warning and each one's say (session 55; 56, R5)."""
    held_vi = "; trong đó hộ có trong tệp gửi riêng không ghi tên xóm thì không phải đã thoát"
    held_en = {  # one household so, or several ('held-several'; session 55, L)
        "held": "; of them, a household on a file sent apart naming no hamlet has not exited",
        "held-several": "; of them, the households on a file sent apart naming no hamlet have "
        "not exited",
    }
    also_en = {  # moved by the year's start list, one or several (session 56, R5)
        **held_en,
        "moved": "; of them, a household the start-of-year list writes in another hamlet moved "
        "there and has not exited",
        "moved-several": "; of them, the households the start-of-year list writes in another "
        "hamlet moved there and have not exited",
    }
    moved_vi = (
        "; trong đó hộ mà danh sách đầu năm ghi ở xóm khác là hộ đã chuyển đi, không phải thoát"
    )
    also_vi = {**dict.fromkeys(held_en, held_vi), "moved": moved_vi, "moved-several": moved_vi}
    return [
        Message(
            f"Xóm {i.hamlet}: {i.value} trong {i.instead} hộ nghèo, hộ cận nghèo có trong "
            f"{in_language(i.detail, 'vi')} không có trong danh sách '{i.file}' và đã được tính "
            f"là thoát{also_vi.get(i.variant, '')}. Nếu đó chỉ là danh sách bổ sung "
            "(các hộ thay đổi), hãy nhờ trưởng xóm gửi danh sách đầy đủ rồi chạy lại (xem trang "
            "'Lỗi dữ liệu').",
            f"Hamlet {i.hamlet}: {i.value} of the {i.instead} poor and near-poor households on "
            f"{in_language(i.detail, 'en')} are missing from the list '{i.file}' and are counted "
            f"as exited{also_en.get(i.variant, '')}. If it is only a supplementary "
            "list (the households that changed), ask the hamlet head for the full list and run "
            "again (see sheet 'Lỗi dữ liệu').",
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
    a later month writes it under another code or in a row left out), and the ID number kept
    with a row left out for an error (schema 6: a later month's walk holds a household gone from
    its list by it; session 52). Not this period's own movement tables."""
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
                _left_out_ids(rows, rows["phan_loai"]),
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
                    "",
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
            _left_out_ids(before_rows, before_rows["status"]),
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


def _left_out_ids(rows: pd.DataFrame, statuses: pd.Series) -> list[str]:
    """The head's ID number's digits of each row left out for an error (``statuses``
    'not_counted'), as the history keeps it (history._keep_id_numbers), else ""; none where
    the frame has no such column (a store before schema 6)."""
    if "so_dinh_danh" not in rows.columns:
        return [""] * len(rows)
    return [id_number(value) if status == NOT_COUNTED else ""
            for value, status in zip(rows["so_dinh_danh"].tolist(), statuses.tolist(),
                                     strict=True)]  # fmt: skip


def _aged(rows: pd.DataFrame) -> list[bool]:
    """Whether each row's birth year was read from an age (``FROM_AGE``; none where the frame
    has no such column)."""
    if FROM_AGE not in rows.columns:
        return [False] * len(rows)
    return rows[FROM_AGE].to_numpy(dtype=bool, na_value=False).tolist()
