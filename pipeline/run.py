"""One run: discover → read → validate → consolidate → figures → report, for one period."""

from __future__ import annotations

import dataclasses
import gc
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from pipeline import figures as fig
from pipeline import planpick, timeline
from pipeline.apart import (
    UNLIKE,
    apart_list_keys,
    apart_rows,
    by_name_written,
    households_apart,
    listed_apart,
    merged_apart,
    merged_apart_issue,
)
from pipeline.baselines import (
    STATUS_COLUMNS,
    base_month,
    month_baselines,
    silent_lists,
)
from pipeline.consolidate import consolidate, hamlet_codes, older_set_aside, pages_not_skipped
from pipeline.discover import (
    TEMPORARY,
    is_temporary,
    list_input_files,
    output_root_said,
    relative_name,
)
from pipeline.history import HistoryError, HistoryStore
from pipeline.messages import Message, RunCommand, os_reason
from pipeline.moves import (
    Heads,
    OlderHeads,
    back_warnings,
    code_reused,
    duplicate_moved,
    gone_now,
    hamlet_movement_warnings,
    held_by_id,
    households_moved_back,
    ids_left_out,
    list_named,
    mostly_gone_warning,
    moved_recoded_since,
    not_listed_warnings,
    recoded_warnings,
    reused_warnings,
    said_moved_out,
    said_moved_out_by_name,
    said_moved_out_recoded,
    vanished_warnings,
)
from pipeline.notices import (
    commune_replaced,
    earlier_lists,
    figures_changed,
    former_names,
    formerly_named,
    late_files,
    later_months_affected,
    later_months_stale,
    later_under_newer_plan,
    lock_files,
    months_skipped_before,
    mostly_gone_notes,
    neighbour_refusal,
    periods_never_run,
    plan_changed_since,
    renamed_since,
    renamed_stored,
    run_under_older_plan,
    sent_for_another_period_notes,
    sent_for_another_period_said,
    some_named,
    start_list_kept,
    unnamed_holding,
    unnamed_refusal,
)
from pipeline.plan import start_mismatch
from pipeline.planpick import (
    period_taken,
    plan_is_of_year,
    year_wanted,
)
from pipeline.readpool import Outcome, read_files
from pipeline.rosterchecks import (
    at_cell,
    codes_from_start,
    left_in_history,
    month_written,
    sent_for_another_period,
)
from pipeline.text import ADDRESS_WORDS, commune_key, fold, fold_exact, has_marks, vi_key
from pipeline.trend import (
    bases_of_other_commune,
    earlier_trend,
    merged_silent,
    merges_named,
    renames_named,
    trends,
    year_on_year,
)
from pipeline.types import Issue, Plan, RunResult, Submission, in_order
from schemas.issues import CATALOGUE


class FatalError(Exception):
    """Nothing could be consolidated; the CLI prints this one line and exits 2."""


class Timings:
    """Seconds spent in each stage. A plain class, not a dataclass: session 33."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}

    def mark(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.stages[stage] = self.stages.get(stage, 0.0) + now - started
        return now


UNREAD_CODES = ("file-unreadable", "file-unopened", "file-too-large", "file-encrypted",
                "too-many-rows")  # fmt: skip


# The files skipped that may be the plan, said where no plan was found: (variant, words).
_PLAN_PERHAPS = (
    (
        "shortcut",
        " Có {count} lối tắt (shortcut), có thể trỏ tới kế hoạch: {named}. Tệp qua lối tắt không "
        "được đọc: hãy chép chính tệp kế hoạch (không phải lối tắt) vào thư mục đầu vào rồi chạy "
        "lại.",
        " {count} shortcut(s), perhaps to the plan: {named}. A file behind a shortcut is not "
        "read: copy the plan itself (not the shortcut) into the input folder, then run again.",
    ),
    (
        "hidden",
        " Có {count} tệp ẩn (tên bắt đầu bằng dấu chấm) không được đọc, có thể là kế hoạch: "
        "{named}. Nếu đúng, hãy đổi tên tệp bỏ dấu chấm ở đầu rồi chạy lại.",
        " {count} hidden file(s) (named with a leading dot) not read, perhaps the plan: {named}. "
        "If so, rename it without the leading dot, then run again.",
    ),
)


def plan_perhaps(issues: list[Issue]) -> Message:
    """What no plan found adds of the shortcuts and hidden files skipped (``issues``'
    file-skipped), the plan's perhaps, each kind with what to do: a run stopped without a plan
    and `check` of lists without one say it alike (session 50). Empty without such a file."""
    hint = hint_en = ""
    for variant, vi, en in _PLAN_PERHAPS:
        skipped = sorted(
            {i.file for i in issues if i.code == "file-skipped" and i.variant == variant},
            key=vi_key,
        )
        if skipped:
            more = len(skipped) - 3
            named = ", ".join(f"'{name}'" for name in skipped[:3])
            hint += vi.format(
                count=len(skipped),
                named=named + (f" và {more} tệp khác" if more > 0 else ""),
            )
            hint_en += en.format(
                count=len(skipped), named=named + (f" and {more} more" if more > 0 else "")
            )
    return Message(hint, hint_en)


def _pick_plan(
    plans: list[Outcome],
    issues: list[Issue],
    submissions: list[Submission],
    requested_period: str | None = None,
    history: HistoryStore | None = None,
    kept: Message | None = None,
    command: RunCommand | None = None,
) -> tuple[Plan, list[Issue]]:
    """The plan taken (planpick.take: of the run's year when there is one, of the commune the
    history gives the month at a merger, else the newest file); the others are skipped.
    ``kept``: where a copy of the plan is kept, said when there is none
    (:func:`kept_plan_of_year`). ``command``: the run's, to paste where the warnings and the
    stop say to run again."""
    if not plans:
        unread = sorted({i.file for i in issues if i.code in UNREAD_CODES}, key=vi_key)
        hint = hint_en = ""
        if unread:
            more = len(unread) - 3
            hint = (
                f" Không đọc được {len(unread)} tệp, trong đó có thể có kế hoạch: "
                f"{', '.join(unread[:3])}" + (f" và {more} tệp khác" if more > 0 else "") + "."
            )
            hint_en = (
                f" {len(unread)} file(s) could not be read, the plan may be among them: "
                f"{', '.join(unread[:3])}" + (f" and {more} more" if more > 0 else "") + "."
            )
        folders = sorted({i.file for i in issues if i.code == "folder-unopened"}, key=vi_key)
        if folders:  # a folder that could not be listed: what is in it was never seen
            hint += (
                f" Không mở được {len(folders)} thư mục, trong đó có thể có kế hoạch: "
                f"{', '.join(folders)}."
            )
            hint_en += (
                f" {len(folders)} folder(s) could not be opened, the plan may be in them: "
                f"{', '.join(folders)}."
            )
        # a shortcut ('KeHoach_2024.xlsx - Shortcut.lnk') or a hidden file ('.KeHoach_2024.xlsx')
        # skipped: the plan's, perhaps (session 50)
        perhaps = plan_perhaps(issues)
        hint += perhaps
        hint_en += perhaps.en
        if not (hint or kept):  # what to do, where nothing else says it (session 50)
            hint = (
                " Hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx, điền theo mẫu MauKeHoach.xlsx) "
                "vào thư mục đầu vào rồi chạy lại."
            )
            hint_en = (
                " Copy the commune's plan (KeHoach_YYYY.xlsx, filled in from the template "
                "MauKeHoach.xlsx) into the input folder, then run again."
            )
        raise FatalError(
            Message(
                "Không tìm thấy tệp kế hoạch (trang 'Thông tin chung', 'Loại biểu' = 'Kế hoạch') "
                "trong thư mục đầu vào." + hint + (kept or ""),
                "No plan file (sheet 'Thông tin chung', 'Loại biểu' = 'Kế hoạch') was found in the "
                "input folder." + hint_en + (kept.en if kept else ""),
            )
        )

    year, _, said, stop, _ = planpick.take(plans, submissions, requested_period, history, command)
    issues.extend(said)
    chosen = plans[0]
    for other in plans[1:]:
        other.sub.status = "skipped"
        if other.plan is not None and chosen.plan is not None:
            key = commune_key(other.plan.commune)
            if key != commune_key(chosen.plan.commune):
                # a merger: 'Nộp báo cáo' says whose plan it is
                if plan_is_of_year(other, year):
                    other.sub.extra["plan_of_commune"] = (other.plan.commune, chosen.plan.commune)
        if other.plan is not None and chosen.plan is not None and not plan_is_of_year(other, year):
            # another year's plan kept in the folder: 'Nộp báo cáo' says whose year it is
            other.sub.extra["plan_of_year"] = (other.plan.plan_year, chosen.plan.plan_year)
        elif other.plan is not None and chosen.plan is not None:
            # the same year's other plan (an older copy, or the one before its correction):
            # 'Nộp báo cáo' names the plan used, a merger's the commune (session 52)
            if "plan_of_commune" not in other.sub.extra:
                other.sub.extra["plan_same_year"] = chosen.sub.file
    if chosen.plan_error:
        raise FatalError(planpick.taken_unusable(plans, year))
    if stop is not None:  # the month's commune's plan unusable: not counted by another's
        raise FatalError(stop[1])
    chosen.sub.status = "valid"
    return chosen.plan, chosen.plan_issues


def _previous_standard(standard: str, stored: list[dict], previous: str | None) -> dict:
    """``{"previous_standard": …}`` when the month the movements since last month start from
    (``previous``) was consolidated by another poverty standard than ``standard`` (December
    2026's 2022-2025 before January 2027's 2027-2030: the start list of 2027 was reviewed by
    the new one); else nothing (docs/decisions.md, session 38)."""
    then = next((s.get("standard") for s in stored if s["period"] == previous), None)
    return {"previous_standard": then} if then and then != standard else {}


def execute(
    input_dir: Path,
    output_dir: Path,
    requested_period: str | None = None,
    lang: str = "vi",
    progress=None,
    early=None,
    replace: bool = False,
    command: RunCommand | None = None,
) -> tuple[RunResult, dict, Timings]:
    """The whole monthly run: consolidate, write the outputs, keep the sources, store the history.

    ``early``: a readpool.EarlyRead of ``input_dir`` started before the libraries were imported.
    ``replace``: re-run a stored period even when hamlets consolidated then have no file now.
    ``command``: the `giamngheo run` the notices give to paste (the CLI's, with the folders the
    officer gave; by default the bare command).
    """
    from datetime import UTC, datetime

    from pipeline import __version__
    from pipeline.archive import archive_sources, file_records
    from pipeline.history import HISTORY_FILE
    from pipeline.lock import RunLock
    from pipeline.output import COMMIT_JOURNAL, NOTICES, SignalHold, staged_outputs
    from pipeline.publish import publish

    NOTICES.clear()
    command = command or RunCommand()
    if Path(output_dir).resolve() == Path(input_dir).resolve():
        # Each run would read the last one's outputs and archived copies back as new files.
        raise FatalError(Message(
            f"Thư mục kết quả '{output_dir}' trùng với thư mục đầu vào: hãy chọn một thư mục kết "
            "quả khác (mặc định: output).",
            f"The output folder '{output_dir}' is the input folder: choose another output "
            "folder (default: output).",
        ))  # fmt: skip
    with RunLock(output_dir) as lock:
        if lock.made:  # gone again if the run stops: a `check` it names cannot read it
            command = dataclasses.replace(command, output_made=True)
        store = HistoryStore(output_dir / HISTORY_FILE)
        result, timings = collect(
            input_dir,
            requested_period,
            lang,
            progress=progress,
            history=store,
            early=early,
            command=command,
        )
        stored = {p["period"]: p for p in store.periods()}
        earlier = earlier_lists(result)
        old_named = earlier_lists(result, old_names=True)
        NOTICES.extend(late_files(result, earlier, stored, output_dir, command, store, old_named))
        NOTICES.extend(periods_never_run(result, earlier, stored, command))
        NOTICES.extend(months_skipped_before(result, earlier, stored, command))
        # later months consolidated under a newer plan (one without a hamlet this run's has)
        newer = later_under_newer_plan(result, stored)
        NOTICES.extend(plan_changed_since(result, stored, command, store, newer))
        NOTICES.extend(commune_replaced(result, stored, command))
        NOTICES.extend(sent_for_another_period_notes(result, command))
        NOTICES.extend(lock_files(result))
        NOTICES.extend(mostly_gone_notes(result))
        before = stored.get(result.period)
        # hamlets of the stored period the plan now writes otherwise (old name -> name now)
        renamed = renamed_since(result, store, result.period, before)
        if not replace:
            _keep_what_was_consolidated(result, before, output_dir, renamed, command)
        store.check_writable()
        # Periods already run after this one (the next year's too: its January's "since last
        # month" is this December), and whether this run changes what they took from it.
        later = sorted(p for p in stored if p > result.period)
        before_rows = store.households([result.period]) if later else None
        affected = bool(later) and later_months_affected(
            result, stored.get(result.period), before_rows
        )
        # Every output is written under a temporary name first; they are put in place only as
        # the history commits, so an interruption or failure leaves last run's files and
        # history as they were (pipeline.output).
        with staged_outputs() as staged:
            written = publish(result, output_dir, timings, progress)
            started = time.perf_counter()
            records = file_records(result)
            archive_sources(result, output_dir / result.period, records)
            ran_at = datetime.now(UTC).isoformat(timespec="seconds")
            hold = SignalHold()

            def put_in_place(run_id: int) -> None:
                hold.start()  # not while waiting for the history's lock: Ctrl-C works then
                staged.commit(output_dir / COMMIT_JOURNAL, run_id)

            try:
                with collector_paused():  # the households' rows, built to be stored
                    written["replaced_run"] = store.save(
                        result,
                        records,
                        ran_at,
                        __version__,
                        before_commit=put_in_place,
                        later_affected=affected,
                        input_dir=str(input_dir),
                        keep_start_list=not newer,
                    )
                staged.finish()
            except BaseException:
                hold.stop()
                raise
        # Stored: a stop from here on is not acted on either (the run has completed; the
        # command line then lets it print its summary, pipeline.start's LEAVING).
        try:
            written["history"] = store.path
            NOTICES.extend(renamed_stored(result, renamed, command))
            NOTICES.extend(figures_changed(result, before, renamed, command))
            if newer:  # before the commands to run the later months again: with the newer plan
                kept_from = store.start_list_run(result.plan.plan_year)  # whose list is kept
                NOTICES.append(
                    run_under_older_plan(
                        result, newer, later if affected else [], stored, kept_from
                    )
                )
            if affected:
                NOTICES.append(later_months_stale(result, later, stored, command, store, newer))
            NOTICES.extend(start_list_kept(result, store.start_kept, affected, stored, command))
            timings.mark("history", started)
        finally:
            hold.stop()
    return result, written, timings


def _counted_then(history) -> dict[str, set[str]]:
    """Period -> the hamlets whose list the stored run of that period counted (``history``: a
    history.HistoryStore or None)."""
    if history is None:
        return {}
    return {
        p["period"]: {h["hamlet"] for h in p["hamlets"] if h.get("status") not in _ABSENT}
        for p in history.periods()
    }


_ABSENT = ("missing", "rejected")


def _keep_what_was_consolidated(
    result: RunResult,
    before: dict | None,
    output_dir: Path,
    renamed: dict[str, str] | None = None,
    command: RunCommand | None = None,
) -> None:
    """Refuse to replace a stored period by a run that lacks hamlets consolidated then.

    A late file dropped alone into an emptied input folder would otherwise replace the whole
    month (12 hamlets) by that one hamlet, and its archived sources with that one file.
    A hamlet the plan renamed since (``renamed``: old name -> name now) is the one under its
    new name: lost when that has no file, never gone from the plan. A hamlet lost whose file
    named for the month says another in 'Kỳ báo cáo' (January's list sent again with 12/2024
    left in it) is told too, last, with the cell to correct, as the run's notice tells it:
    copying the kept files back would count the old list instead (session 44).
    """
    if before is None:
        return
    renamed = renamed or {}
    formerly = {new: old for old, new in renamed.items()}
    now = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    lost = [renamed.get(h["hamlet"], h["hamlet"]) for h in before["hamlets"]
            if h.get("status") == "ok"
            and now.get(renamed.get(h["hamlet"], h["hamlet"])) == "missing"]  # fmt: skip
    # Hamlets of that period the plan used now does not have (merged since, in a revised plan):
    # their files are refused as not in the plan, and the period would lose them.
    gone = [h["hamlet"] for h in before["hamlets"]
            if h.get("status") == "ok" and h["hamlet"] not in now
            and h["hamlet"] not in renamed]  # fmt: skip
    period = month_written(result.period)
    had = sum(1 for h in before["hamlets"] if h.get("status") == "ok")
    if gone:
        names, names_en = some_named(gone)
        plan = result.plan.file
        # The plan that period used, kept with its sources under the same name (a plan revised
        # in place): the officer's old plan is often gone from the input folder (session 31).
        kept = output_dir / result.period / "nguon" / plan
        how = ("hãy tạm chuyển tệp kế hoạch mới ra khỏi thư mục đầu vào rồi chạy lại",
               "move the new plan file out of the input folder for the run")  # fmt: skip
        if kept.is_file():
            how = (
                f"hãy tạm thay tệp '{plan}' trong thư mục đầu vào bằng bản kế hoạch đã dùng khi "
                f"đó (được giữ ở '{kept}'), chạy lại, rồi đặt tệp kế hoạch mới trở lại",
                f"put the plan that period used (kept as '{kept}') in place of '{plan}' in the "
                "input folder for the run, then put the new plan back",
            )
        raise FatalError(
            Message(
                f"Kỳ {period} đã được tổng hợp với {had} xóm; {len(gone)} xóm trong số đó ({names}) "
                f"không có trong kế hoạch đang dùng ('{plan}'), nên chương trình không ghi đè kết quả "
                f"cũ. Để tính lại kỳ này theo kế hoạch cũ, {how[0]}; nếu thật sự muốn tính lại kỳ "
                "này theo kế hoạch mới (bỏ các xóm đó), chạy lại với --replace.",
                f"Period {period} was consolidated with {had} hamlets; {len(gone)} of them "
                f"({names_en}) are not in the plan used now ('{plan}'), so the old results are not "
                f"overwritten. To consolidate this period again under the old plan, {how[1]}; to "
                "consolidate it under the new plan (without those hamlets) on purpose, run again "
                "with --replace.",
            )
        )
    _refuse_old_names(result, before, renamed)
    if not lost:
        _refuse_unopened(result, before, renamed, had)
        return
    names = some_named([formerly_named(name, formerly, "vi") for name in lost])[0]
    names_en = some_named([formerly_named(name, formerly, "en") for name in lost])[1]
    sources = output_dir / result.period / "nguon"
    # last, each ending with the command to paste
    cells = sent_for_another_period_notes(result, command or RunCommand(), only=lost)
    cell = "".join(f" {said}" for said in cells)
    cell_en = "".join(f" {said.en}" for said in cells)
    raise FatalError(
        Message(
            f"Kỳ {period} đã được tổng hợp với {had} xóm; lần chạy này không có tệp của "
            f"{len(lost)} xóm trong số đó ({names}), nên chương trình không ghi đè kết quả cũ. "
            f"Hãy chép các danh sách trong thư mục '{sources}' (trừ tệp kế hoạch) vào thư mục đầu "
            "vào cùng với tệp mới rồi chạy lại; nếu thật sự muốn bỏ các xóm đó khỏi kỳ này, chạy "
            f"lại với --replace.{cell}",
            f"Period {period} was consolidated with {had} hamlets; this run has no file for "
            f"{len(lost)} of them ({names_en}), so the old results are not overwritten. "
            f"Copy the lists of '{sources}' (not the plan file) into the input folder with the new "
            "file and run again; to leave those hamlets out of this period on purpose, run again "
            f"with --replace.{cell_en}",
        )
    )


def _refuse_unopened(result: RunResult, before: dict, renamed: dict[str, str], had: int) -> None:
    """Refuse to replace a stored period in which a hamlet was counted whose list this run
    could not even open (`file-unopened`: held open by a program on another computer, no
    permission to read it): the machine's trouble, not the list's, would store the period
    without its households, as a file gone would (docs/decisions.md, session 38)."""
    unopened = {i.file for i in result.issues if i.code in ("file-unopened", "folder-unopened")}
    reporting = result.reporting
    if not unopened or reporting is None or not len(reporting):
        return
    counted = {renamed.get(h["hamlet"], h["hamlet"]) for h in before["hamlets"]
               if h.get("status") == "ok"}  # fmt: skip
    held = [f"{hamlet}: '{file}'"
            for hamlet, file, status in zip(reporting["hamlet"], reporting["file"],
                                            reporting["status"], strict=True)
            if status == "rejected" and file in unopened and hamlet in counted]  # fmt: skip
    if not held:
        return
    names, names_en = some_named(held)
    period = month_written(result.period)
    raise FatalError(
        Message(
            f"Kỳ {period} đã được tổng hợp với {had} xóm; lần chạy này không mở được trên máy này "
            f"tệp của {len(held)} xóm trong số đó ({names}), nên chương trình không ghi đè kết quả "
            "cũ. Hãy đóng chương trình đang mở tệp đó (kể cả Excel trên máy khác trong mạng) hoặc "
            "cho tài khoản đang chạy quyền đọc tệp, rồi chạy lại; nếu thật sự muốn tính kỳ này "
            "không có các xóm đó, chạy lại với --replace.",
            f"Period {period} was consolidated with {had} hamlets; this run cannot open the file "
            f"of {len(held)} of them on this computer ({names_en}), so the old results are not "
            "overwritten. Close the program holding the file open (Excel on another computer of "
            "the network too) or give the account running the tool permission to read it, then "
            "run again; to consolidate this period without those hamlets on purpose, run again "
            "with --replace.",
        )
    )


def _refuse_old_names(result: RunResult, before: dict, renamed: dict[str, str]) -> None:
    """Refuse to replace a stored period in which a hamlet the plan renamed since was counted,
    when its list there still writes the old name in 'Xóm': refused as a hamlet the plan does
    not have (`unknown-hamlet`), the run would store the period without its households. The
    officer is told it is the rename, which cell to correct, or --replace (a list that writes
    the new name is counted as the renamed hamlet's: docs/decisions.md, session 31)."""
    now = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    # the old names (folded) of the hamlets counted then that have no counted list now
    old_names = {fold(old): (old, new) for old, new in renamed.items()
                 if any(h["hamlet"] == old and h.get("status") == "ok" for h in before["hamlets"])
                 and now.get(new) != "ok"}  # fmt: skip
    if not old_names:
        return
    found = []  # (old name, name now, file, where its 'Xóm' is written)
    for sub in result.submissions:
        issue = sub.extra.get("hamlet_issue")
        if issue is None or issue.code != "unknown-hamlet" or sub.period != result.period:
            continue
        names = old_names.get(fold(sub.hamlet_raw or ""))
        if names is not None:
            where = (issue.sheet, issue.cell) if issue.sheet and issue.cell else None
            found.append((*names, sub.file, where))
    if not found:
        return
    period, plan = month_written(result.period), result.plan.file
    lists = "; ".join(
        f"tệp '{file}' ghi '{old}'"
        + (f" ở ô {where[1]} trang '{where[0]}'" if where else "")
        + f", kế hoạch nay ghi là '{new}'"
        for old, new, file, where in found
    )
    lists_en = "; ".join(
        f"file '{file}' says '{old}'"
        + (f" in cell {where[1]} of sheet '{where[0]}'" if where else "")
        + f", which the plan now writes '{new}'"
        for old, new, file, where in found
    )
    raise FatalError(
        Message(
            f"Kỳ {period} đã được tổng hợp trước khi kế hoạch '{plan}' đổi tên xóm; danh sách kỳ "
            f"này vẫn ghi tên cũ ở 'Xóm' nên chưa được tính: {lists}. Chương trình không ghi đè "
            "kết quả cũ. Hãy sửa ô 'Xóm' thành tên mới như trong kế hoạch rồi chạy lại; nếu thật "
            "sự muốn tính lại kỳ này không có các hộ đó, chạy lại với --replace.",
            f"Period {period} was consolidated before the plan '{plan}' renamed a hamlet; this "
            f"period's list still writes the old name in 'Xóm', so it is not counted: "
            f"{lists_en}. The old results are not overwritten. Write the new name, as the plan "
            "has it, in the 'Xóm' cell and run again; to consolidate this period without those "
            "households on purpose, run again with --replace.",
        )
    )


def _no_history() -> pd.DataFrame:
    return pd.DataFrame(
        columns=["period", "hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "status"]
    )


def collect(
    input_dir: Path,
    requested_period: str | None,
    lang: str = "vi",
    progress=None,
    history: HistoryStore | None = None,
    workers: int | None = None,
    early=None,
    command: RunCommand | None = None,
) -> tuple[RunResult, Timings]:
    """Read and consolidate everything under ``input_dir``; no output is written.

    ``workers``: reader processes (default one per core; 0 reads in this process).
    ``command``: the `giamngheo run` a notice gives to paste (:func:`execute`).
    """
    with collector_paused():
        return _collect(
            input_dir, requested_period, lang, progress, history, workers, early, command
        )


@contextmanager
def collector_paused():
    """The cycle collector paused, where a run makes hundreds of thousands of objects at
    province scale (the households' rows, keys, movement records; the history's rows), all
    alive to the end or freed by their count, in no reference cycle (measured: a province's
    reading and counting leave nothing for the collector to free). It would walk them again
    and again for nothing: 1–2 s of a province's run. As in the reader workers. Not while
    workbooks are written: an xlsxwriter workbook is a reference cycle of ~10⁶ objects."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _no_input_folder(input_dir: Path) -> Message:
    """The stop for an input folder that is not there: its full path when typed relative (the
    folder it was looked for in) and what to do (session 50)."""
    full = os.path.abspath(input_dir)
    where = Message("", "") if str(input_dir) == full else Message(
        f" (đường dẫn đầy đủ: {full})", f" (full path: {full})"
    )  # fmt: skip
    return Message(
        f"Không có thư mục đầu vào '{input_dir}'{where}. Hãy tạo thư mục đó, chép vào đó tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) cùng danh sách của các xóm, hoặc chỉ đúng thư mục "
        "đầu vào (--input), rồi chạy lại.",
        f"There is no input folder '{input_dir}'{where.en}. Create it and copy the commune's "
        "plan (KeHoach_YYYY.xlsx) and the hamlets' lists into it, or give the right input "
        "folder (--input), then run again.",
    )


def _collect(
    input_dir: Path,
    requested_period: str | None,
    lang: str,
    progress,
    history: HistoryStore | None,
    workers: int | None,
    early,
    command: RunCommand | None,
) -> tuple[RunResult, Timings]:
    timings = Timings()
    started = time.perf_counter()
    if not input_dir.is_dir():
        raise FatalError(
            Message(
                f"'{input_dir}' là một tệp, không phải thư mục: hãy chỉ thư mục chứa các tệp "
                "của xóm (--input).",
                f"'{input_dir}' is a file, not a folder: give the folder that holds the hamlets' "
                "files (--input).",
            )
            if input_dir.is_file()
            else _no_input_folder(input_dir)
        )
    try:
        with os.scandir(input_dir):
            pass
    except OSError as err:  # no permission to list it: not "holds no file yet"
        reason = os_reason(err)
        raise FatalError(
            Message(
                f"Không đọc được thư mục đầu vào '{input_dir}': {reason}.",
                f"Cannot read the input folder '{input_dir}': {reason.en}.",
            )
        ) from None
    output_root = output_root_said(input_dir)
    if output_root is not None:  # '--input output': not "copy the plan in" (session 50)
        raise FatalError(output_root)
    paths = list_input_files(input_dir)
    # said as what it is, not as a plan missing among the files; the files the system leaves
    # in a folder (.DS_Store, Thumbs.db) or an Excel lock file do not make it a folder of files
    if all(is_temporary(path.name) for path in paths):
        raise FatalError(
            Message(
                f"Thư mục đầu vào '{input_dir}' chưa có tệp nào. Hãy chép vào đó tệp kế hoạch "
                "của xã (KeHoach_YYYY.xlsx) và danh sách của các xóm rồi chạy lại.",
                f"The input folder '{input_dir}' holds no file yet. Copy the commune's plan "
                "(KeHoach_YYYY.xlsx) and the hamlets' lists into it, then run again.",
            )
        )
    outcomes = read_files(
        [(path, relative_name(path, input_dir)) for path in paths],
        workers=workers,
        progress=progress,
        early=early,
    )
    submissions: list[Submission] = [o.sub for o in outcomes]
    issues: list[Issue] = [i for o in outcomes for i in o.issues]
    plans = [o for o in outcomes if o.sub.kind == "plan"]
    started = timings.mark("read", started)
    plan, plan_issues = _pick_plan(
        plans,
        issues,
        submissions,
        requested_period,
        history,
        None if plans else kept_plan_of_year(history, submissions, requested_period),
        command,
    )
    issues.extend(plan_issues)
    result = consolidated(
        plan, submissions, issues, requested_period, lang, history, command, timings, started
    )
    return result, timings


# The warnings only the movement tables give (`_figures`): a household on the start list or
# last month's missing now without 'Thoát', a 'Thoát' for a household on no list; and the
# rows told against the start list before them (a code or a name written apart from it).
MOVEMENT_CODES = frozenset(
    {
        "vanished-household",
        "households-mostly-gone",
        "exited-not-listed-at-start",
        "code-changed",
        "code-spelled-differently",
        "name-without-marks",
        "name-as-written",
    }
)


def movement_warnings(
    plan: Plan,
    submissions: list[Submission],
    history=None,
    names: list[str] | None = None,
    period: str | None = None,
    kept=None,
) -> list[Issue]:
    """The movement warnings (:data:`MOVEMENT_CODES`) a run of ``submissions`` (every file
    read, as `read_files` gives them, before anything else touches them) with ``plan`` would
    give, worked out by the run's own code (:func:`consolidated`) on a copy of them: for
    `giamngheo check`, which says what the run will say. ``history``: the run's store, only
    read (a read-only HistoryStore) or None. None said when the run would stop (nothing of
    the month accepted, the plan of another year) or the store cannot be read (damaged,
    newer, locked: the run says it). ``names``: each file's name in the run's folder, when not
    its ``file`` (the copies are named so). The run's notices are not kept: nothing is run.
    ``period``: the month run (None: the latest, as a run without --period takes it);
    ``kept``: a scratch HistoryStore, a copy of ``history``, the month's result is stored in
    (`check` of several months: each later month compared with it, session 50)."""
    import copy
    import sqlite3

    from pipeline.history import HistoryError
    from pipeline.output import NOTICES

    copies = copy.deepcopy(submissions)
    for sub, name in zip(copies, names or [], strict=False):
        sub.file = name
    notices = list(NOTICES)
    try:
        try:
            result = consolidated(plan, copies, [], period, "vi", history, None)
        except (FatalError, HistoryError, sqlite3.Error):
            return []
        if kept is not None:
            from pipeline import __version__

            try:
                kept.save(result, [], "", __version__)
            except (HistoryError, sqlite3.Error, OSError):
                # the scratch copy not written (its disk full): the month's own warnings are
                # still said; a later month is compared as after a month not stored
                pass
    finally:
        NOTICES[:] = notices
    # a household said moved to a hamlet whose list is given too (refused or not): as the run
    # says it; a hamlet whose list is not given is not known to lack it (session 32)
    given = {h["hamlet"] for h in result.summary["hamlets"] if h["status"] != "missing"}
    return [
        issue
        for issue in result.issues
        if issue.code in MOVEMENT_CODES
        or (issue.code == "moved-not-listed" and issue.instead in given)
        or moved_duplicate(issue)  # `check` words its own so (session 50)
    ]


# duplicate-household-id's variants of a household moved, still on its old list, that only
# the history tells (moves.duplicate_moved), and of one new to both lists (session 51): `check`
# takes them from the run's code
MOVED_DUPLICATE = frozenset(
    {"moved-away", "moved-in", "moved-away-id", "moved-in-id", "moved-away-code",
     "moved-away-code-id", "moved-in-code-id", "moved-away-said", "moved-in-said", "new-both"}
)  # fmt: skip


def moved_duplicate(issue: Issue) -> bool:
    """Whether ``issue`` is a Mã hộ used twice by a household moved (:data:`MOVED_DUPLICATE`)."""
    return issue.code == "duplicate-household-id" and issue.variant in MOVED_DUPLICATE


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


def _of_a_row(issue: Issue) -> bool:
    """Whether ``issue`` is about one row of a list (not the whole file)."""
    return CATALOGUE[issue.code].level == "row"


# The refused lists a stopped run names, each with the error that refused it.
REFUSED_SHOWN = 3


def _refused_said(
    period: str | None, submissions: list[Submission], issues: list[Issue], command: RunCommand
) -> Message:
    """What a run that found no list of ``period`` to count says of the lists it refused (those
    of that month, those whose month could not be read and those dated after this month, a
    mistyped year (session 45); ``period`` None: the last two): each
    file (at most ``REFUSED_SHOWN``), its hamlet and the error that refused it (one about the
    whole file before one about a row), then the `check` that lists every problem. Nothing
    when no list of the period was refused (none was sent)."""
    refused = sorted(
        (
            s
            for s in submissions
            if s.status == "rejected"
            and s.kind != "plan"
            and (s.period in (period, None) or s.extra.get("future_period"))
        ),  # (a list whose month could not be read, or is mistyped into the future, may be this one's)
        key=lambda s: vi_key(s.file),  # by name, in Vietnamese alphabetical order (session 48)
    )
    if not refused:
        return Message("", "")
    errors: dict[str, Issue] = {}
    for issue in issues:
        if issue.severity != "error" or not issue.file:
            continue
        kept = errors.get(issue.file)
        if kept is None or (_of_a_row(kept) and not _of_a_row(issue)):
            errors[issue.file] = issue
    # an older copy set aside for a refused one: the officer may use it by taking the refused
    # one out (session 38)
    older = older_set_aside(issues)
    vi, en = [], []
    for sub in refused[:REFUSED_SHOWN]:
        name = f"'{sub.file}'" + (
            f" ({sub.hamlet or sub.hamlet_raw})" if sub.hamlet or sub.hamlet_raw else ""
        )
        error = errors.get(sub.file)
        vi.append(f"{name}: {error.message('vi').rstrip('.')}" if error else name)
        en.append(f"{name}: {error.message('en').rstrip('.')}" if error else name)
        if older.get(sub.file):
            aside = ", ".join(f"'{file}'" for file in older[sub.file])
            vi[-1] += (f" — bản cũ hơn {aside} được để riêng vì có bản này: nếu bản cũ mới đúng, "
                       f"hãy chuyển '{sub.file}' ra khỏi thư mục đầu vào rồi chạy lại")  # fmt: skip
            en[-1] += (f" — older copy {aside} set aside for this one: if the older one is "
                       f"right, move '{sub.file}' out of the input folder and run again")  # fmt: skip
    more = len(refused) - REFUSED_SHOWN
    check = command.check()
    return Message(
        f" Danh sách bị từ chối: {'; '.join(vi)}"
        + (f"; và {more} tệp khác" if more > 0 else "")
        + f". Xem đủ các lỗi của từng tệp: {check}",
        f" Rosters refused: {'; '.join(en)}"
        + (f"; and {more} more" if more > 0 else "")
        + f". Every problem of each file: {check}",
    )


def _no_list_said(plan: Plan, submissions: list[Submission], issues: list[Issue]) -> Message | None:
    """What a run says of an input folder holding no hamlet's list at all: the plan alone, or
    beside files passed over (the month's lists sent as a .zip, a photo, a Word document,
    a spreadsheet that is no list), each of those named with what its warning says (at most
    ``REFUSED_SHOWN``), and to copy the hamlets' lists in. None when some file may be a list
    (read as one, refused, or not opened): the other stops say those (session 50)."""
    if any(
        s.kind not in ("plan", "skipped", "unknown")
        or (s.kind != "plan" and s.status == "rejected")
        for s in submissions
    ):
        return None
    passed = sorted(
        (s for s in submissions if s.kind != "plan" and s.extra.get("skip_reason") != TEMPORARY),
        key=lambda s: vi_key(s.file),
    )
    first: dict[str, Issue] = {}
    for issue in issues:
        if issue.file:
            first.setdefault(issue.file, issue)
    vi, en = [], []
    for sub in passed[:REFUSED_SHOWN]:
        said = first.get(sub.file)
        vi.append(f"'{sub.file}': {said.message('vi').rstrip('.')}" if said else f"'{sub.file}'")
        en.append(f"'{sub.file}': {said.message('en').rstrip('.')}" if said else f"'{sub.file}'")
    more = len(passed) - REFUSED_SHOWN
    return Message(
        f"Thư mục đầu vào chưa có danh sách hộ nào của các xóm, chỉ có kế hoạch '{plan.file}'"
        + (f" và {len(passed)} tệp bị bỏ qua" if passed else "")
        + ". Hãy chép vào đó danh sách của các xóm (tệp Excel điền theo mẫu MauDanhSachHo.xlsx) "
        "rồi chạy lại."
        + (
            f" Tệp bị bỏ qua: {'; '.join(vi)}" + (f"; và {more} tệp khác" if more > 0 else "") + "."
            if passed
            else ""
        ),
        f"The input folder holds no hamlet's list yet, only the plan '{plan.file}'"
        + (f" and {len(passed)} file(s) passed over" if passed else "")
        + ". Copy the hamlets' lists into it (Excel files filled in from the template "
        "MauDanhSachHo.xlsx), then run again."
        + (
            f" Files passed over: {'; '.join(en)}"
            + (f"; and {more} more" if more > 0 else "")
            + "."
            if passed
            else ""
        ),
    )


def _kept_hashes(history: HistoryStore, period: str) -> dict[str, str] | None:
    """name -> SHA-256 of the files kept when ``period`` was run, beside the history store
    (``output/YYYY-MM/nguon-sha256.txt``); None when there is none to read."""
    from pipeline.archive import MANIFEST, manifest_hashes

    return manifest_hashes(history.path.parent / period / MANIFEST)


def kept_plan_copy(history: HistoryStore | None, period: str) -> Path | None:
    """The copy in ``output/YYYY-MM/nguon/`` of the plan a stored ``period`` was run with,
    holding the bytes that run read (its SHA-256 in ``run_files`` and in ``nguon-sha256.txt``);
    None when there is no such copy (docs/decisions.md, session 43)."""
    from pipeline.archive import SOURCES_DIR, sha256_of

    used = None if getattr(history, "path", None) is None else history.plan_of(period)
    if used is None:
        return None
    name, digest = used
    kept = history.path.parent / period / SOURCES_DIR / name
    try:
        same = sha256_of(kept) == digest
    except OSError:
        return None
    if not same or (_kept_hashes(history, period) or {}).get(name) != digest:
        return None
    return kept


def _kept_plan_said(history: HistoryStore | None, period: str) -> Message:
    """Where the plan a stored ``period`` was run with is kept, when the period is run again
    without it (December run again in January, last year's plan gone from the input folder):
    its copy (:func:`kept_plan_copy`), to copy back. Nothing when there is no such copy."""
    kept = kept_plan_copy(history, period)
    return Message("", "") if kept is None else kept_plan_at(kept, period)


def kept_plan_at(kept: Path, period: str) -> Message:
    """The words of :func:`_kept_plan_said` for the copy ``kept`` of ``period``'s plan."""
    month = month_written(period)
    return Message(
        f" Kế hoạch đã dùng khi tổng hợp kỳ {month} được giữ ở '{kept}': hãy chép (không "
        "chuyển) tệp đó vào thư mục đầu vào rồi chạy lại.",
        f" The plan period {month} was consolidated with is kept as '{kept}': copy (do not "
        "move) that file into the input folder and run again.",
    )


def kept_plan_of_year(
    history: HistoryStore | None, submissions: list[Submission], requested_period: str | None
) -> Message:
    """Where the plan of the run's year is kept when the input folder holds no plan at all
    (both years' plans deleted in January): the copy kept with the run of the period asked for
    (:func:`_kept_plan_said`), else with the latest stored month of that year, which was run
    with that year's plan (February's first run names January's). Nothing when there is no
    such copy or the history cannot be read (the run says so where it saves); session 44.
    After a merger in the middle of the year the latest month's is the merged commune's plan:
    a month never run takes the latest month run for the commune of the stored month nearest
    after it, else before it, as the run with the plans takes its plan
    (planpick.month_at_or_after): May, never run, Trung Lương's copy kept with June, not
    Định Hóa's kept with July (session 44); July, never run between June (Trung Lương) and
    August (Định Hóa), August's (session 46)."""
    found = kept_plan_copy_of_year(history, submissions, requested_period)
    return Message("", "") if found is None else kept_plan_at(*found)


def kept_plan_copy_of_year(
    history: HistoryStore | None, submissions: list[Submission], requested_period: str | None
) -> tuple[Path, str] | None:
    """The copy :func:`kept_plan_of_year` names and the stored month it was kept with; None
    when there is none."""
    import sqlite3

    year = year_wanted(submissions, requested_period)
    if history is None or year is None:
        return None
    try:
        stored = {p["period"]: p["commune"] for p in history.periods()
                  if p["period"].startswith(f"{year:04d}-")}  # fmt: skip
        taken = period_taken(submissions, requested_period) or f"{year:04d}-12"
        near = planpick.month_at_or_after(taken, stored) or max(stored, default=None)
        months = sorted(stored, key=lambda p: (p == taken, stored[p] == stored.get(near), p),
                        reverse=True)  # fmt: skip
        for period in months:
            kept = kept_plan_copy(history, period)
            if kept is not None:
                return kept, period
    except (HistoryError, sqlite3.Error):
        pass
    return None


def consolidated(
    plan: Plan,
    submissions: list[Submission],
    issues: list[Issue],
    requested_period: str | None,
    lang: str,
    history: HistoryStore | None,
    command: RunCommand | None,
    timings: Timings | None = None,
    started: float | None = None,
) -> RunResult:
    """The files read (``submissions``, ``issues`` what reading and the plans said) consolidated
    with ``plan`` into the month's result: the lists decided, checked and counted, the figures
    and movement tables worked out against the history. Nothing is written. Stops
    (FatalError) when there is nothing to consolidate."""
    timings = timings or Timings()
    started = time.perf_counter() if started is None else started
    known = hamlet_codes(plan, history)  # no start list: the stored months'
    merged = consolidate(
        plan,
        submissions,
        requested_period,
        known_codes=known,
        command=command,
        counted_then=_counted_then(history),
        left_of=lambda period: left_in_history(history, period),
        kept_of=None
        if getattr(history, "path", None) is None
        else lambda period: _kept_hashes(history, period),
    )
    issues.extend(merged.issues)
    # a file no reader could open whose name gives another month is that month's: its problem
    # is said when that month is run, not in this one's counts and feedback (session 43)
    elsewhere = {
        s.file for s in submissions if s.kind == "unreadable" and s.status == "other_period"
    }
    issues[:] = [i for i in issues if i.file not in elsewhere]
    pages_not_skipped(issues, submissions)  # a web page taken as a hamlet's refused file
    if history is not None and any(
        i.code == "unknown-hamlet" and i.variant in ("", "codes", "codes-title")
        for i in merged.issues
    ):
        # a list under a name its hamlet had in a stored month, renamed since: said so, in the
        # outputs and in the stop below when no list is left (session 32)
        stored = {p["period"]: p for p in history.periods()}
        former_names(
            plan, merged.households, submissions, issues, history, stored, merged.period,
            merged.accepted,
        )  # fmt: skip
    if (
        history is not None
        and merged.accepted
        and any(unnamed_refusal(i) or neighbour_refusal(i) for i in merged.issues)
    ):
        # a list no hamlet is told for, holding households a hamlet's tables then count gone:
        # said so (session 50's T18); one naming a neighbour, its codes a hamlet's that sent
        # its list too, alike (session 51)
        unnamed_holding(
            plan, submissions, issues, history, {p["period"]: p for p in history.periods()},
            merged.period, merged.accepted,
        )  # fmt: skip
    if merged.period and merged.accepted and int(merged.period[:4]) != plan.plan_year:
        year = merged.period[:4]
        kept = _kept_plan_said(history, merged.period)
        raise FatalError(
            Message(
                f"Kế hoạch '{plan.file}' là của năm {plan.plan_year}, còn kỳ tổng hợp là "
                f"{merged.period[5:7]}/{year}: số hộ đầu năm và chỉ tiêu phải là của năm {year}. "
                f"Hãy đặt kế hoạch năm {year} vào thư mục đầu vào (kế hoạch các năm khác để "
                f"cùng thư mục cũng được). Chỉ sửa 'Năm kế hoạch' nếu '{plan.file}' đúng là kế "
                f"hoạch năm {year} mà ghi nhầm năm.{kept}",
                f"Plan '{plan.file}' is for {plan.plan_year}, but the period consolidated is "
                f"{merged.period[5:7]}/{year}: the start-of-year counts and targets must be {year}'s. "
                f"Put the {year} plan in the input folder (other years' plans may stay there "
                f"too). Correct 'Năm kế hoạch' only if '{plan.file}' really is the {year} plan "
                f"with its year mistyped.{kept.en}",
            )
        )
    if not merged.accepted:
        # no list at all among the files: not "no list has a readable period" (session 50)
        none_sent = _no_list_said(plan, submissions, issues)
        if none_sent is not None:
            raise FatalError(none_sent)
    if merged.period is None:
        refused = _refused_said(None, submissions, issues, command or RunCommand())
        raise FatalError(
            Message(
                f"Không có danh sách hộ nào đọc được kỳ báo cáo trong thư mục đầu vào.{refused}",
                "No household roster in the input folder has a readable reporting period."
                f"{refused.en}",
            )
        )
    if not merged.accepted:
        year = plan.plan_year
        month = month_written(merged.period)  # '05/2024', as the other messages say a period
        if not merged.period.startswith(f"{year}-"):
            # Most likely a mistyped --period: the plan is of another year. No list of the
            # month sent at all is said so, with the months the folder holds, not "none was
            # accepted" (session 50, as session 27 says it within the plan's year).
            held = sorted({s.period for s in submissions if s.kind == "roster" and s.period})
            if merged.period in held:
                none = Message(
                    "không có danh sách hộ nào của kỳ này được chấp nhận.",
                    "no roster of that period was accepted.",
                )
            else:
                months = ", ".join(month_written(p) for p in held)
                none = Message(
                    "thư mục đầu vào không có danh sách hộ nào của kỳ này"
                    + (f" (các kỳ có danh sách: {months})." if held else "."),
                    "the input folder holds no household roster of that period"
                    + (f" (periods with rosters: {months})." if held else "."),
                )
            raise FatalError(
                Message(
                    f"Kỳ {month} nằm ngoài năm kế hoạch {year} (tệp '{plan.file}'); {none} Hãy "
                    f"chọn một kỳ của năm {year} (--period {year}-MM) hoặc đặt kế hoạch năm "
                    f"{merged.period[:4]} vào thư mục đầu vào.",
                    f"Period {month} is outside the plan year {year} (file '{plan.file}'); "
                    f"{none.en} Choose a period of {year} (--period {year}-MM) or put the "
                    f"{merged.period[:4]} plan in the input folder.",
                )
            )
        refused = _refused_said(merged.period, submissions, issues, command or RunCommand())
        if not refused and not any(
            s.kind == "roster" and s.period == merged.period for s in submissions
        ):
            # No list of the month was sent at all (a mistyped --period, or a month not in
            # yet): said so, with the months the folder does hold, not "none was accepted".
            held = sorted({s.period for s in submissions if s.kind == "roster" and s.period})
            months = ", ".join(month_written(p) for p in held)
            # a file named for the month whose 'Kỳ báo cáo' says another (last month's sent
            # again): said as a run's notice says it, not "check --period" (session 46)
            sent = sent_for_another_period_said(
                issues, submissions, merged.period, command or RunCommand(),
                sent_for_another_period(issues, merged.period), one_line=True,
            )  # fmt: skip
            raise FatalError(
                Message(
                    f"Thư mục đầu vào không có danh sách hộ nào của kỳ {month}; không có gì để "
                    "tổng hợp."
                    + "".join(f" {said}" for said in sent)
                    + (
                        f" Các kỳ có danh sách: {months}. Hãy kiểm tra lại --period."
                        if held and not sent
                        else ""
                    ),
                    f"The input folder holds no household roster of period {month}; there is "
                    "nothing to consolidate."
                    + "".join(f" {said.en}" for said in sent)
                    + (
                        f" Periods with rosters: {months}. Check --period."
                        if held and not sent
                        else ""
                    ),
                )
            )
        raise FatalError(
            Message(
                f"Không có danh sách hộ nào của kỳ {month} được chấp nhận; "
                f"không có gì để tổng hợp.{refused}",
                f"No household roster of period {month} was accepted; there is nothing to "
                f"consolidate.{refused.en}",
            )
        )
    started = timings.mark("validate", started)
    stored = [p for p in history.periods() if p["period"] != merged.period] if history else []
    if history:
        said_by_month(submissions, merged.period, history)
        earlier_trend(plan, merged.period, stored, history, merged.households)
        merged_silent(plan, merged.period, stored, history, set(merged.accepted))
    # Baselines and returns to poverty look back only: later months' households are not read,
    # and of the earlier ones only the baselines' in full.
    earlier = [p["period"] for p in stored if p["period"] < merged.period]
    if history and earlier:
        result = _figures(
            plan,
            merged,
            submissions,
            issues,
            lang,
            history.households,
            stored,
            history.statuses(earlier),
            history.kept_renames,
            history.kept_merges,
            history.households,  # its rows of a few keys (keys=) too
        )
    else:
        result = _figures(plan, merged, submissions, issues, lang, _no_history(), stored)
    timings.mark("figures", started)
    return result


# What a month's run did with a list of that month (the history's ``run_files``), said on
# 'Nộp báo cáo' of another month's run (session 50); a list the history cannot tell has none.
MONTH_DID = {"valid": "counted", "warnings": "counted", "rejected": "refused"}


def said_by_month(submissions: list, period: str, history: HistoryStore) -> None:
    """Mark each list of another month than ``period`` with what that month's stored run did
    with it (``extra['month_did']``): 'counted' or 'refused' when that run read the same bytes
    under the same name, 'not_run' when the month was never run; nothing when the history
    cannot tell (a list changed or added since, or set aside). One read of the stored files of
    the months named (docs/decisions.md, session 50)."""
    from pipeline.archive import sha256_of

    others = [
        sub
        for sub in submissions
        if sub.status == "other_period" and sub.kind == "roster" and sub.period
        and sub.period != period
    ]  # fmt: skip
    if not others or not history.exists():  # no history: nothing to tell
        return
    files = history.files_of({sub.period for sub in others})
    for sub in others:
        month = files.get(sub.period)
        if month is None:
            sub.extra["month_did"] = "not_run"
            continue
        digest, status = month.get(sub.file, (None, None))
        if digest is None or status not in MONTH_DID:
            continue
        try:
            same = sha256_of(sub.path) == digest
        except OSError:
            same = False
        if same:
            sub.extra["month_did"] = MONTH_DID[status]


def _spelled_apart(plan: Plan, accepted: dict, households: pd.DataFrame, issues: list) -> None:
    """A warning at each Mã hộ of a counted list written apart from the start list's code of
    its household only by spaces inside or letter case ('nm2' for 'NM2'; figures.as_start_writes):
    matched and counted as that household, the head told to write it as the start list does
    (session 36). The posted list shows the start list's (public_list)."""
    if plan.start_list is None or households.empty:
        return
    subs = {sub.file: sub for sub in accepted.values()}
    rows = households[households["file"].isin(list(subs)).to_numpy(dtype=bool)]
    codes = rows["ma_ho"].tolist()
    for index, right in enumerate(fig.as_start_writes(codes, plan.start_list)):
        if right is not None:
            row = rows.iloc[index]
            issues.append(at_cell(subs[row["file"]], row["sheet"], int(row["excel_row"]), "ma_ho",
                                  "code-spelled-differently", codes[index].strip(), right))  # fmt: skip


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


def _figures(
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
    ``keys`` (baselines.month_baselines)."""
    if statuses is None:
        statuses, frame = history[STATUS_COLUMNS], history
        history = lambda periods: frame  # noqa: E731 (as_baseline picks the period)
    households = merged.households
    valid = households[households["valid"]]
    _spelled_apart(plan, merged.accepted, households, issues)
    codes_from_start(plan.start_list, households, issues)
    _names_without_marks(plan, merged.accepted, households, issues)
    _names_as_written(plan, merged.accepted, households, issues)
    bases = month_baselines(
        plan, merged.period, history, statuses, issues, stored, merged.accepted, households,
        kept_renames, kept_merges, keyed,
    )  # fmt: skip
    previous = timeline.previous_period(merged.period)
    start, start_from, month_base, left_before = (
        bases.start,
        bases.start_from,
        bases.month,
        bases.left_before,
    )
    # Households on some list of an earlier stored month (last year's too: a Thoát kept in
    # January for a household that left in 2024 is no unknown code) or on an earlier year's
    # start list the history keeps (one that left in 2024 before its first stored month), and
    # those marked Thoát in an earlier month of this year (gone since: nothing to confirm).
    before = statuses[statuses["period"] < merged.period]
    listed_before = set(before["hh_key"].tolist()) | bases.listed_kept
    # No month of an earlier year stored (the commune's first year, or January run before last
    # December): a Thoát for a household on no list of this year may be one that left last year.
    year_unknown = (
        plan.plan_year - 1 if not (before["period"] < f"{plan.plan_year}-01").any() else None
    )
    this_year = before[before["period"].astype(str).str.startswith(f"{plan.plan_year}-")]
    # the rows marked Thoát, and those kept as moved out of their hamlet (figures.MOVED): one
    # look at the year's stored statuses for both
    marked = this_year[this_year["status"].isin(("exited", *fig.MOVED))]
    marked_exited = set(marked.loc[marked["status"] == "exited", "hh_key"].tolist())
    traced = marked[marked["status"] != "exited"]
    hamlet_figs: list[dict] = []
    details: list[tuple] = []
    reporting = []
    # Everything is counted once over the commune's table, then handed out per hamlet:
    # a pandas operation per hamlet would cost hamlets × rows.
    counts = fig.tallies(valid)
    current_by = fig.group_by_hamlet(
        fig.movement_records(valid, fig.household_key_texts(valid)), valid["hamlet"]
    )
    exited_by = _exited_rows(valid)
    # Households on a list now, in rows left out of the counts for an error: not gone.
    left_out = households[~households["valid"].to_numpy(dtype=bool)]
    held_by = fig.held_keys(left_out)
    # A hamlet merged into another in the plan whose old head sent his own list (refused,
    # variant 'merged'): its households are listed, apart, not gone (session 25).
    apart = merged_apart(submissions, merged)
    apart_held = {hamlet: apart_list_keys(subs, hamlet) for hamlet, subs in apart.items()}
    held_for_error = held_by  # the rows left out for an error alone
    # (hamlet, head's name, birth year) keys whose year was read from an age, now (on a list sent
    # apart too), on the plan's start list, or on a stored month the tables compare with (the
    # history marks such rows since schema 5): matched a year off too, one household with one
    # (session 30).
    aged = (
        fig.aged_name_keys(households)
        | fig.aged_name_keys(plan.start_list)
        | fig.aged_name_keys(start if start_from != "plan" else None)
        | fig.aged_name_keys(month_base)
    )
    for hamlet, (codes, names, _, apart_aged) in apart_held.items():
        aged |= apart_aged
        held_by = {**held_by, hamlet: set(held_by.get(hamlet, ())) | codes | names}
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
        if start_from == "plan":
            start_counts = fig.status_counts(start)
    if month_base is not None:
        month_by = fig.group_by_hamlet(fig.movement_records(month_base), month_base["hamlet"])
    # the households of the baselines on a list sent apart, not also in a row left out for an
    # error (those stay "dòng có lỗi")
    apart_keys = {
        hamlet: households_apart(
            [*start_by.get(hamlet, []), *month_by.get(hamlet, [])],
            held_for_error.get(hamlet, set()),
            codes | names,
            aged,
        )
        for hamlet, (codes, names, _, _) in apart_held.items()
    }
    # Where in the commune each household is listed now, at the start and last month: a
    # household that moved to another hamlet has not left the lists (nor is it new there).
    listed_now = fig.listed_where(
        [r for records in current_by.values() for r in records], held_by, exited=True
    )
    listed_start = fig.listed_where([r for records in start_by.values() for r in records])
    listed_month = fig.listed_where(
        [r for records in month_by.values() for r in records], exited=True, stored=True
    )
    # A household last listed (this year, up to last month) in a hamlet that sent nothing
    # valid now is still where it was last seen: one that moved there months ago is moved out
    # of its old hamlet, not gone from the lists (nor asked to be written Thoát) for a month
    # its new hamlet is silent.
    missing_now = set(plan.hamlets["hamlet"].tolist()) - set(merged.accepted)
    # such a hamlet the plan renamed or merged since its latest list is looked for under the
    # names stored then: its rows are read under its name now (sessions 34, 35)
    silent = silent_lists(plan, merged.period, stored, this_year, missing_now, households)
    if silent.names:
        statuses = statuses.assign(hamlet=statuses["hamlet"].replace(silent.names))
        for old, new in silent.names.items():
            if old in month_by:  # last month's list under its old name: its latest
                moved = [(r[0], r[1], new, *r[3:]) for r in month_by.pop(old)]
                month_by[new] = [*month_by.get(new, []), *moved]
    last_seen = timeline.last_listed(statuses, f"{plan.plan_year}-01", previous, within=missing_now)
    said_rows: dict[str, list] = {}
    said_moved = said_moved_out(plan, merged.accepted, said_rows)
    # those written without a Mã hộ: the household its hamlet's baselines list under the head's
    # name and birth year; listed by that name in the hamlet named, moved there (session 32)
    by_name, listed_by_name = said_moved_out_by_name(
        plan, merged, (start_by, month_by), (current_by, held_by), aged, said_rows
    )
    said_moved = {**by_name, **said_moved}
    # those written with their code that the hamlet named lists under a new code of its own:
    # moved there, and arriving there from where the baselines had them (session 32)
    recoded = said_moved_out_recoded(
        plan,
        merged,
        said_moved,
        listed_now,
        (start_by, month_by),
        (listed_start, listed_month),
        current_by,
        aged,
        said_rows,
    )
    for key, (there, status, new) in recoded.items():
        listed_by_name[key] = (there, status)
        for before in (listed_start, listed_month):
            if key in before:
                before[new] = before[key]

    def older(quiet: set[str]) -> tuple[dict, set[str]]:
        """The records of each hamlet of ``quiet`` on its latest lists this year of a month
        before last month (last month's are ``month_by``'s), under its name now (its latest lists
        under each old name, merged since: session 35), those of a household last month's
        records have left out, and their aged keys: one load of those months (session 34). A
        hamlet not accepted last month (silent then too), or merged since with a name accepted
        last month and another, or its own, only earlier (session 35)."""
        wanted: dict[str, set[str]] = {}
        for hamlet in sorted(quiet):
            for name, month in silent.lists.get(hamlet, {}).items():
                if month < previous:
                    wanted.setdefault(month, set()).add(name)
        if not wanted:
            return {}, set()
        months = sorted(wanted)
        loaded = history(months)
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

    # A start household an earlier month left moved out (its trace) that no list writes by its
    # code now, written in another hamlet under a new code: moved out / moved in in the year's
    # table as in the month of the move, not exited and new (session 32). The month's table
    # compares with last month's list, which has the new code already (or, where the hamlet
    # named did not list it then, the old code's trace: moved in now).
    moved_since = moved_recoded_since(
        this_year,
        traced,
        merged.period,
        listed_now,
        said_moved,
        listed_start,
        start_by,
        current_by,
        aged,
        {hamlet: month_by.get(hamlet, ()) for hamlet in missing_now},
        last_seen,
        older,
        recoded.keys(),
    )
    for key, (there, status, new, _, _) in moved_since.items():
        listed_by_name[key] = (there, status)
        listed_start[new] = listed_start[key]
        if new not in listed_month and key in listed_month:  # said moved, on no list then
            listed_month[new] = listed_month[key]  # moved in this month (as by its old code)
    # one such household written again under its old code there: one household in the month
    moved_back = households_moved_back(
        traced, previous, listed_now, listed_month, current_by, month_by, aged
    )
    # those said moved that no list of the commune has: told once, at their rows (moved-not-listed)
    not_listed = [k for k in said_moved
                  if k not in listed_now and k not in last_seen and k not in listed_by_name]  # fmt: skip
    not_listed_warnings(
        list({id(said_rows[k]): said_rows[k] for k in not_listed}.values()), issues, merged.rejected
    )
    listed_now = {**last_seen, **said_moved, **listed_by_name, **listed_now}

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
                statuses, first_month(base), previous, held_in=held_since[base], by_name=True
            ),
            bases.merged,
            held_since[base],
        )
        for base in sorted(set(bases.month_from.values()), key=first_month)
    }
    listed_since = {
        base: {  # oldest first: the later listing of a household wins
            **(listed_start if base == "plan" else {}),
            **listed_month,
            **later,
        }
        for base, later in since_base.items()
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
    for since in listed_since.values():  # moved back: paired in its hamlet, as last month's
        for _, key in moved_back:
            since.pop(key, None)
    # A Thoát for a household on an earlier month's list, or on another hamlet's start list,
    # is no unknown code (one set for the commune: a union per hamlet would cost hamlets × rows).
    listed_anywhere = listed_before | listed_start.keys()
    # Per scope, the details of every hamlet's moves (for the households that moved into a row
    # with an error in another hamlet: they arrive there too, see fig.arrivals_held).
    found_in: dict[str, list[dict]] = {"year": [], "month": []}
    # A code listed in another hamlet for another household (its head's name and ID number
    # differ) is no move: the heads of both lists, asked for such codes only (session 48).
    # Each table reads the other's baseline too: a code's rows in a hamlet are one household.
    heads_now = Heads(households, named=lambda _: list_named(merged.period))
    heads_plan = Heads(plan.start_list)
    heads_start = Heads(start, heads_plan, lambda _: list_named(start_from))
    heads_month = Heads(month_base, heads_plan,
                        lambda hamlet: list_named(bases.month_from.get(hamlet, previous)),
                        _renamed_written(month_base, bases.renamed, bases.merged))  # fmt: skip
    # A code last listed in another hamlet before both baselines: the rows of the year's
    # older months its statuses show there, read for such a code alone (session 49).
    heads_older = OlderHeads(this_year, history, {**bases.names_now, **silent.names},
                             bases.left_from, heads_plan)  # fmt: skip
    # a household gone whose head's ID number a row left out for an error in its hamlet writes,
    # one household's: held, not gone, as by the head's name (session 51)
    ids_held = ids_left_out(left_out)
    held_id_year = held_by_id(heads_start, ids_held, plan.start_list) if ids_held else None
    held_id_month = held_by_id(heads_month, ids_held, plan.start_list) if ids_held else None
    reused_year = code_reused(heads_start, heads_now, heads_month, heads_older, heads_month)
    reused_month = code_reused(heads_month, heads_now, heads_start, heads_older, heads_month)
    # a code both lists of two hamlets write now, on one's list before under the same head:
    # the household moved, its old list told to drop it (session 50)
    if month_base is not None:
        duplicate_moved(
            issues, heads_month, listed_last, heads_now, plan.hamlet_names, plan.commune
        )
    else:
        duplicate_moved(
            issues, heads_start, listed_start, heads_now, plan.hamlet_names, plan.commune
        )
    said_reused: set = set()  # (hamlet, key) of codes said to be another household's
    set_aside: dict[str, list] = {}  # hamlet -> its older copies of the period, set aside
    for other in submissions:
        if other.status == "superseded" and other.period == merged.period and other.hamlet:
            set_aside.setdefault(other.hamlet, []).append(other)
    for target in _records(plan.hamlets):
        hamlet = target["hamlet"]
        sub = merged.accepted.get(hamlet)
        if sub is None:
            rejected = merged.rejected.get(hamlet)
            status = "rejected" if rejected else "missing"
            hamlet_figs.append(
                {"hamlet": hamlet, "status": status, **fig.absent_hamlet_figures(target)}
            )
            reporting.append(
                {
                    "hamlet": hamlet,
                    "status": status,
                    "file": rejected.file if rejected else "",
                    "rows_read": rejected.rows_read if rejected else 0,
                    "rows_rejected": rejected.rows_rejected if rejected else 0,
                }
            )
            continue
        current = current_by.get(hamlet, [])
        moves = month_moves = None
        said_gone: set = set()  # households the year's table already asks to confirm
        said_recoded: set = set()  # (hamlet, key) of codes already said to differ (or fine)
        gone_from = None  # (households gone, the list compared with): the month's, else the year's
        if bases.back_now:  # out of the lists, back under another code: tái nghèo (session 42)
            back_warnings(current, bases.back_now, sub, valid, issues, said_recoded,
                           plan.plan_year)  # fmt: skip
        start_apart = None  # the start households on a list sent apart (not counted)
        start_keys_apart: set[str] = set()  # (their keys: said of each list apart)
        if start is not None and (bases.start_hamlets is None or hamlet in bases.start_hamlets):
            moves, found = fig.movements_of(
                start_by.get(hamlet, []),
                current,
                left_before,
                held_by.get(hamlet, frozenset()),
                listed_now,
                listed_start,
                bases.start_out,
                aged,
                another=reused_year,
                listed_other=listed_since.get(bases.month_from.get(hamlet), listed_last),
                held_by_id=held_id_year,
            )
            found = recoded_warnings(found, sub, valid, issues, said_recoded,
                                     list_named(start_from))  # fmt: skip
            reused_warnings(found, sub, valid, issues, said_reused, list_named(start_from))
            for item in found:
                if item["movement"] == "vanished" and item["key"] in marked_exited:
                    item["movement"] = item["current_status"] = "exited"
                elif item["movement"] == "vanished" and item["key"] in bases.left_in:
                    # gone without 'Thoát' in an earlier month, asked to confirm then: the
                    # year's table says since when, and asks no more (session 29)
                    item["left_in"] = bases.left_in[item["key"]]
            listed_apart(found, apart_keys.get(hamlet))
            start_apart = sum(i["current_status"] == "apart" for i in found)
            start_keys_apart = {i["key"] for i in found if i["current_status"] == "apart"}
            details.extend(_detail_rows("year", found))
            found_in["year"] += found
            said_gone = {i["key"] for i in found if i["movement"] == "vanished"}
            gone_from = (gone_now(found, marked_exited), moves, list_named(start_from))
            hamlet_movement_warnings(
                found,
                sub,
                start_ids.get(hamlet, set()),
                exited_by.get(hamlet, []),
                issues,
                left_before,
                listed_anywhere,
                list_named(start_from),
                year_unknown,
            )
            if start_from == "plan":
                issues.extend(start_mismatch(start_counts.get(hamlet, (0, 0)), target, plan))
        if month_base is not None and hamlet in bases.month_hamlets:
            month_moves, found = fig.movements_of(
                month_by.get(hamlet, []),
                current,
                left_before,
                held_by.get(hamlet, frozenset()),
                listed_now,
                listed_since.get(bases.month_from.get(hamlet), listed_last),
                _out_when_held(bases, hamlet, previous, held_since),
                aged,
                start_by.get(hamlet, []),  # a stored month keeps no mark of its ages
                reused_month,
                listed_start,
                held_id_month,
            )
            if start is not None and (bases.start_hamlets is None or hamlet in bases.start_hamlets):
                # a code the year's list already has is said there, or is the start list's own
                said_recoded |= {(hamlet, r[0]) for r in start_by.get(hamlet, [])}
            said_recoded |= moved_back  # its code on the start list (another hamlet's)
            found = recoded_warnings(found, sub, valid, issues, said_recoded,
                                     list_named(bases.month_from.get(hamlet, previous)))  # fmt: skip
            reused_warnings(found, sub, valid, issues, said_reused,
                            list_named(bases.month_from.get(hamlet, previous)))  # fmt: skip
            listed_apart(found, apart_keys.get(hamlet))
            details.extend(_detail_rows("month", found))
            found_in["month"] += found
            # On last month's list, missing now without 'Thoát' (a household new last month,
            # not on the start list): confirmed as for the start list's (said once).
            gone = [i for i in found if i["movement"] == "vanished" and i["key"] not in said_gone
                    and i["key"] not in marked_exited]  # fmt: skip
            vanished_warnings(
                gone, sub, issues, left_before, list_named(bases.month_from.get(hamlet, previous))
            )
            gone_from = (
                gone_now(found, marked_exited),
                month_moves,
                list_named(bases.month_from.get(hamlet, previous)),
            )
        if gone_from is not None:
            mostly_gone_warning(*gone_from, sub, issues, set_aside.get(hamlet, ()))
        tally = counts.get(hamlet) or fig.tallies(valid.iloc[0:0], by_hamlet=False)[None]
        figures = fig.hamlet_figures_from(target, sub.total_households, tally, moves)
        figures["movements_month"] = month_moves
        # the list the month's table compares with when not last month's (None: last month's)
        figures["movements_month_from"] = bases.month_from.get(hamlet) if month_moves else None
        for key in ("subgroups", *fig.NAMED_COUNTS):
            figures[key] = tally[key]
        if hamlet in apart:
            # Its figures lack the households of the list sent apart: shown in its row, left
            # out of the commune's (like with like), the hamlet "rejected" for the period.
            # each list apart said with its own households (two hamlets merged into one may
            # both send apart: session 49), the figures with all of them
            # (one list sent twice is one list apart, said once naming both files)
            listed = apart_held[hamlet][2]
            groups = by_name_written(apart[hamlet])
            said = [merged_apart_issue(sub, groups[0], start_apart, listed)]
            if len(groups) > 1:
                said = []
                for other in groups:
                    codes, names, one, _ = apart_list_keys(other, hamlet)
                    keys = households_apart(start_by.get(hamlet, []),
                                            held_for_error.get(hamlet, set()), codes | names, aged)  # fmt: skip
                    start_one = None if start_apart is None else len(keys & start_keys_apart)
                    said.append(merged_apart_issue(sub, other, start_one, one))
            issues.extend(said)
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
            hamlet_figs.append({"hamlet": hamlet, "status": "rejected", **figures})
        else:
            hamlet_figs.append({"hamlet": hamlet, "status": "ok", **figures})
        reporting.append(
            {
                "hamlet": hamlet,
                "status": sub.status,
                "file": sub.file,
                "rows_read": sub.rows_read,
                "rows_rejected": sub.rows_rejected,
            }
        )
    # A warning found with the movements (a 'Thoát' on no list of the start of the year, a
    # household no longer listed) is the file's as much as one found reading it: a counted file
    # with any warning is "Hợp lệ, có cảnh báo" on 'Nộp báo cáo', not "Hợp lệ".
    warned = {i.file for i in issues if i.severity == "warning"}
    for record in reporting:
        sub = merged.accepted.get(record["hamlet"])
        if sub is not None and sub.status == "valid" and sub.file in warned:
            sub.status = record["status"] = "warnings"
    # A file refused before its hamlet was settled (unreadable, its period or hamlet not read)
    # names the hamlet consolidate told from its title or file name in each of its issues; one
    # whose 'Xóm' names no plan hamlet, that hamlet as written (as 'Nộp báo cáo' names it).
    # So does an issue found while the file was read, before its hamlet was known (text typed
    # in a legacy encoding, odd characters taken out): 'Lỗi dữ liệu' filtered by Xóm shows it.
    told = {
        s.file: s.hamlet or s.hamlet_raw
        for s in submissions
        if (s.status == "rejected" and (s.hamlet or s.hamlet_raw))
        or (s.kind == "roster" and s.hamlet)
    }
    if told:
        from dataclasses import replace

        issues[:] = [replace(i, hamlet=told[i.file]) if not i.hamlet and i.file in told else i
                     for i in issues]  # fmt: skip
    # The households said moved that no list has (``not_listed``) and a table counts moved out
    # are kept in the history as such (one new this month, moved out of nothing, is not): next
    # month, listed where they went, they have moved in, not returned to the lists (tái nghèo).
    moved_out = {i["key"] for scope in found_in.values() for i in scope
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
        for k in [*not_listed, *recoded]  # (one under a new code there: its old code's trace)
        if k in moved_out and f"moved_{said_moved[k][1]}" in fig.MOVED
    ]
    if len(moved) > 1:  # a row written without a Mã hộ found under two keys: kept once
        kept = {}
        for item in moved:
            kept.setdefault(id(said_rows[item[1]]), item)
        moved = list(kept.values())
    moved += [  # the trace kept on, month after month (timeline.departures: not gone)
        (record[2], k, record[3], record[4], f"moved_{status}", None, False)
        for k, (_, _, _, record, status) in moved_since.items()
        if k in moved_out
    ]
    # a list sent apart: its households kept as rows left out for an error are (session 46)
    moved += apart_rows(apart, households)
    accepted = [f for f in hamlet_figs if f["status"] == "ok"]
    for scope, key in (("year", "movements"), ("month", "movements_month")):
        tables = {f["hamlet"]: f[key] for f in accepted if f.get(key) is not None}
        details.extend(_detail_rows(scope, fig.arrivals_held(tables, found_in[scope])))
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
    issues[:] = in_order(issues, (plan.file,))  # the plan's lines in row order (session 48)
    summary = {
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
        ),  # fmt: skip
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
                for s in submissions
                if s.kind in ("skipped", "unknown", "unreadable")
                and s.status != "other_period"
                and s is not merged.rejected.get(s.hamlet)
                and s.extra.get("skip_reason") != TEMPORARY
            ),
        },
    }
    detail_columns = [
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
    ]
    return RunResult(
        plan=plan,
        period=merged.period,
        summary=summary,
        households=households,
        submissions=submissions,
        reporting=pd.DataFrame(reporting),
        issues=issues,
        movement_details=pd.DataFrame(details, columns=detail_columns),
        lang=lang,
        moved=moved,
    )


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
