"""One run: discover → read → validate → consolidate → figures → report, for one period."""

from __future__ import annotations

import dataclasses
import gc
import os
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from pipeline import planpick
from pipeline.consolidate import consolidate, hamlet_codes, older_set_aside, pages_not_skipped
from pipeline.discover import (
    TEMPORARY,
    composed_apart,
    hidden_only_said,
    is_temporary,
    list_input_files,
    looks_like_plan,
    output_root_said,
    relative_name,
)
from pipeline.figuresteps import figured
from pipeline.history import HistoryError, HistoryStore
from pipeline.messages import Message, RunCommand, folder_named, looked_in, os_reason
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
    start_list_ids_notes,
    start_list_kept,
    unnamed_holding,
    unnamed_refusal,
)
from pipeline.planpick import (
    period_taken,
    plan_is_of_year,
    year_wanted,
)
from pipeline.readpool import Outcome, gone_since_listed, read_files
from pipeline.rosterchecks import (
    left_in_history,
    month_written,
    sent_for_another_period,
)
from pipeline.text import commune_key, fold, nfc, vi_key
from pipeline.trend import (
    earlier_trend,
    merged_silent,
)
from pipeline.types import Issue, Plan, RunResult, Submission
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


def almost_plan_said(submissions: list[Submission]) -> Message:
    """The files that look like the plan and are not told one (discover: a sheet of the plan's
    missing or misnamed), each named with the sheets it lacks, and what to do: "tệp
    'KeHoach_2024.xlsx' có vẻ là kế hoạch nhưng không có trang 'Chỉ tiêu theo xóm': …" (no
    end: the run's stop and `check`'s 'plan-missing' end it, "… rồi chạy lại."). Empty without such a
    file (session 61: the stop said only "copy the plan in", which the officer had done). A
    list whose 'Xóm' is read is its hamlet's, whatever its sheets (discover.looks_like_plan)."""
    found = sorted(
        ((sub.file, sub.extra["almost_plan"]) for sub in submissions if looks_like_plan(sub)),
        key=lambda item: vi_key(item[0]),
    )  # fmt: skip
    if not found:
        return Message("", "")
    vi, en = [], []
    for file, missing in found[:3]:
        sheets = " và ".join(f"'{sheet}'" for sheet in missing)
        sheets_en = " and ".join(f"'{sheet}'" for sheet in missing)
        vi.append(
            f"{'T' if not vi else 't'}ệp '{file}' có vẻ là kế hoạch nhưng không có trang {sheets}"
        )
        en.append(
            f"{'T' if not en else 't'}he file '{file}' looks like the plan but has no sheet {sheets_en}"
        )
    more = len(found) - 3
    if more > 0:
        vi.append(f"và {more} tệp khác")
        en.append(f"and {more} more")
    return Message(
        "; ".join(vi) + ": hãy đặt tên trang đúng như mẫu MauKeHoach.xlsx (hoặc thêm trang còn "
        "thiếu từ mẫu)",
        "; ".join(en) + ": name the sheets as in the template MauKeHoach.xlsx (or add the "
        "missing one from it)",
    )


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
        # a file there that looks like the plan, a sheet of it missing or misnamed: named, with
        # the sheet, not "copy the plan in", which the officer did (session 61)
        if almost := almost_plan_said(submissions):
            hint += f" {almost} rồi chạy lại."
            hint_en += f" {almost.en}, then run again."
        if not (hint or kept):  # what to do, where nothing else says it (session 50)
            hint = (
                " Hãy chép tệp kế hoạch của xã (KeHoach_YYYY.xlsx, điền theo mẫu MauKeHoach.xlsx) "
                "vào thư mục đầu vào rồi chạy lại."
            )
            hint_en = (
                " Copy the commune's plan (KeHoach_YYYY.xlsx, filled in from the template "
                "MauKeHoach.xlsx) into the input folder, then run again."
            )
        # what the officer does is to copy the plan in (or what the hint names): the sheet and
        # the 'Loại biểu' a plan is told by are the template's, not his to act on (session 61;
        # 221 characters before, 169 now)
        raise FatalError(
            Message(
                "Không tìm thấy tệp kế hoạch trong thư mục đầu vào." + hint + (kept or ""),
                "No plan file was found in the input folder." + hint_en + (kept.en if kept else ""),
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
    # a spoiled copy of the plan beside it (a sheet missing or misnamed): a plan set aside,
    # not a list refused for its hamlet (session 62); what reading it as a list said goes
    aside = planpick.spoiled_plans_set_aside(chosen.plan, chosen.sub.file, submissions)
    if aside:
        files = {issue.file for issue in aside}
        issues[:] = [issue for issue in issues if issue.file not in files]
        issues.extend(aside)
    return chosen.plan, chosen.plan_issues


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
            f"Thư mục kết quả '{folder_named(output_dir)}' trùng với thư mục đầu vào: hãy chọn một thư mục kết "
            "quả khác (mặc định: output).",
            f"The output folder '{folder_named(output_dir)}' is the input folder: choose another output "
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
        newer = later_under_newer_plan(
            result, stored, store.kept_renames_onward(result.plan.plan_year)
        )
        NOTICES.extend(plan_changed_since(result, stored, command, store, newer))
        NOTICES.extend(commune_replaced(result, stored, command))
        NOTICES.extend(sent_for_another_period_notes(result, command))
        NOTICES.extend(lock_files(result))
        NOTICES.extend(mostly_gone_notes(result))
        NOTICES.extend(start_list_ids_notes(result))
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
            records = file_records(result, written.pop("source_hashes", None))
            archive_sources(result, output_dir / result.period, records)
            ran_at = datetime.now(UTC).isoformat(timespec="seconds")
            hold = SignalHold()

            def put_in_place(run_id: int) -> None:
                staged.synced()  # the outputs on the disk; Ctrl-C still works while it waits
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
        from pipeline.archive import SOURCES_DIR, kept_copy

        names, names_en = some_named(gone)
        plan = result.plan.file
        # The plan that period used, kept with its sources under the same name (a plan revised
        # in place): the officer's old plan is often gone from the input folder (session 31);
        # kept decomposed by a run before names were shown composed, found too (session 53).
        kept = kept_copy(output_dir / result.period / SOURCES_DIR, plan)
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
    sources = folder_named(output_dir / result.period / "nguon")  # named once (session 60)
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
    """The stop for an input folder that is not there, named once (:func:`folder_named`: from
    the current folder where it lies under it, else in full; session 60, where session 50 added
    the full path after one typed relative) and what to do (session 50)."""
    named, where = folder_named(input_dir), looked_in(input_dir)
    return Message(
        f"Không có thư mục đầu vào '{named}'{where}. Hãy tạo thư mục đó, chép vào đó tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) cùng danh sách của các xóm, hoặc chỉ đúng thư mục "
        "đầu vào (--input), rồi chạy lại.",
        f"There is no input folder '{named}'{where.en}. Create it and copy the commune's "
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
    named = folder_named(input_dir)
    if not input_dir.is_dir():
        raise FatalError(
            Message(
                f"'{named}' là một tệp, không phải thư mục: hãy chỉ thư mục chứa các tệp "
                "của xóm (--input).",
                f"'{named}' is a file, not a folder: give the folder that holds the hamlets' "
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
                f"Không đọc được thư mục đầu vào '{named}': {reason}.",
                f"Cannot read the input folder '{named}': {reason.en}.",
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
            hidden_only_said(input_dir, paths, named)
            or Message(
                f"Thư mục đầu vào '{named}' chưa có tệp nào. Hãy chép vào đó tệp kế hoạch "
                "của xã (KeHoach_YYYY.xlsx) và danh sách của các xóm rồi chạy lại.",
                f"The input folder '{named}' holds no file yet. Copy the commune's plan "
                "(KeHoach_YYYY.xlsx) and the hamlets' lists into it, then run again.",
            )
        )
    names = composed_apart(paths, [relative_name(path, input_dir) for path in paths])
    outcomes = read_files(
        list(zip(paths, names, strict=True)),
        workers=workers,
        progress=progress,
        early=early,
    )
    outcomes = [o for o in outcomes if not gone_since_listed(o)]
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


# The warnings only the movement tables give (`figuresteps.figured`): a household on the start
# list or last month's missing now without 'Thoát', a 'Thoát' for a household on no list; and
# the rows told against the start list before them (a code or a name written apart from it).
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
# takes them from the run's code; so too of a list in last year's codes the start list renumbered
# (moves.duplicate_renumbered, session 53), or one row's code slipped to another's
MOVED_DUPLICATE = frozenset(
    {"moved-away", "moved-in", "moved-away-id", "moved-in-id", "moved-away-code",
     "moved-away-code-id", "moved-in-code-id", "moved-away-said", "moved-in-said", "new-both",
     "renumbered-old", "renumbered-new", "slip-old", "slip-new", "thoat-of-other",
     "thoat-elsewhere"}
)  # fmt: skip


def moved_duplicate(issue: Issue) -> bool:
    """Whether ``issue`` is a Mã hộ used twice by a household moved (:data:`MOVED_DUPLICATE`)."""
    return issue.code == "duplicate-household-id" and issue.variant in MOVED_DUPLICATE


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


def holds_no_list(submissions: list[Submission]) -> bool:
    """Whether no file read (``submissions``) may be a hamlet's list: each is a plan or a file
    passed over (a .zip, a photo, a Word document, a spreadsheet that is no list), none read
    as a list, refused or not opened. A run with a plan stops on it (:func:`_no_list_said`);
    `check` of the whole folder says that stop on an error line (session 58, D3). A file that
    looks like the plan, no hamlet's list (discover.looks_like_plan), is none (session 62)."""
    return not any(
        (
            s.kind not in ("plan", "skipped", "unknown")
            or (s.kind != "plan" and s.status == "rejected")
        )
        and not (s.kind != "unreadable" and looks_like_plan(s))
        for s in submissions
    )


def _no_list_said(plan: Plan, submissions: list[Submission], issues: list[Issue]) -> Message | None:
    """What a run says of an input folder holding no hamlet's list at all: the plan alone, or
    beside files passed over (the month's lists sent as a .zip, a photo, a Word document,
    a spreadsheet that is no list), each of those named with what its warning says (at most
    ``REFUSED_SHOWN``), and to copy the hamlets' lists in. None when some file may be a list
    (read as one, refused, or not opened): the other stops say those (session 50)."""
    if not holds_no_list(submissions):
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
    if not same or (_kept_hashes(history, period) or {}).get(nfc(name)) != digest:
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
    merged = _merged(plan, submissions, issues, requested_period, history, command)
    _names_said(plan, merged, submissions, issues, history)
    _stop_for_plan_year(plan, merged, history, submissions)
    _stop_without_lists(plan, merged, submissions, issues, command)
    started = timings.mark("validate", started)
    result = _figured_against_history(plan, merged, submissions, issues, lang, history)
    timings.mark("figures", started)
    return result


def _merged(
    plan: Plan,
    submissions: list[Submission],
    issues: list[Issue],
    requested_period: str | None,
    history: HistoryStore | None,
    command: RunCommand | None,
):
    """The lists of the period decided (consolidate.consolidate: one a hamlet, the others
    set aside or refused), their issues added to ``issues``, those of a file of another
    month taken out."""
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
        counted_files=lambda period: _counted_files(history, period),
    )
    issues.extend(merged.issues)
    # a file no reader could open whose name gives another month is that month's: its problem
    # is said when that month is run, not in this one's counts and feedback (session 43); so
    # is a workbook neither a list nor a plan left in another month's folder, or a run's own
    # output (session 55)
    elsewhere = {
        s.file
        for s in submissions
        if s.status == "other_period"
        and (s.kind == "unreadable" or s.extra.get("not_a_roster") or s.extra.get("own_output"))
    }
    issues[:] = [i for i in issues if i.file not in elsewhere]
    pages_not_skipped(issues, submissions)  # a web page taken as a hamlet's refused file
    return merged


def _names_said(plan: Plan, merged, submissions: list, issues: list, history) -> None:
    """A list refused under a hamlet's former name, or naming no hamlet (or a neighbour)
    while holding a hamlet's households: said so in ``issues`` (notices)."""
    if history is not None and any(
        i.code == "unknown-hamlet" and i.variant in ("", "codes", "codes-title")
        for i in merged.issues
    ):
        # a list under a name its hamlet had in a stored month, renamed since: said so, in the
        # outputs and in the stop (_stop_without_lists) when no list is left (session 32)
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


def _stop_for_plan_year(
    plan: Plan, merged, history: HistoryStore | None, submissions: list[Submission]
) -> None:
    """Stops (FatalError) when lists were accepted for a month of another year than the
    plan's: its start-of-year counts and targets are not that year's. A file there that looks
    like the plan and is not told one (that year's, perhaps: a sheet missing) is named with
    what it lacks (session 61: "put the plan in" alone, which the officer had done)."""
    if merged.period and merged.accepted and int(merged.period[:4]) != plan.plan_year:
        year = merged.period[:4]
        kept = _kept_plan_said(history, merged.period)
        if almost := almost_plan_said(submissions):
            kept = Message(
                f"{kept} {almost} rồi chạy lại.", f"{kept.en} {almost.en}, then run again."
            )
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


def _stop_without_lists(
    plan: Plan, merged, submissions: list, issues: list, command: RunCommand | None
) -> None:
    """Stops (FatalError) when no list of the month was accepted, saying why: no list
    sent at all, none with a readable period, a month outside the plan's year, none of
    the month in the folder, or every one refused."""
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


def _figured_against_history(
    plan: Plan, merged, submissions: list, issues: list, lang: str, history
) -> RunResult:
    """The month's figures (figuresteps.figured) against the stored months before it;
    what the history tells of this month's files and of the trend said first."""
    stored = [p for p in history.periods() if p["period"] != merged.period] if history else []
    if history:
        said_by_month(submissions, merged.period, history)
        earlier_trend(plan, merged.period, stored, history, merged.households)
        merged_silent(plan, merged.period, stored, history, set(merged.accepted))
    # Baselines and returns to poverty look back only: later months' households are not read,
    # and of the earlier ones only the baselines' in full.
    earlier = [p["period"] for p in stored if p["period"] < merged.period]
    if history and earlier:
        result = figured(
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
        result = figured(plan, merged, submissions, issues, lang, _no_history(), stored)
    return result


# What a month's run did with a list of that month (the history's ``run_files``), said on
# 'Nộp báo cáo' of another month's run (session 50); a list the history cannot tell has none.
MONTH_DID = {"valid": "counted", "warnings": "counted", "rejected": "refused"}
# ... and a list it set aside for a newer copy of the hamlet's, said 'set_aside' (session 55)
SET_ASIDE = "superseded"


def _counted_files(history: HistoryStore | None, period: str) -> list[str]:
    """The files the stored run of ``period`` counted (none without the history)."""
    if history is None or not history.exists():
        return []
    files = history.files_of({period}).get(period, {})
    return [name for name, (_, status) in files.items() if MONTH_DID.get(status) == "counted"]


def said_by_month(submissions: list, period: str, history: HistoryStore) -> None:
    """Mark each list of another month than ``period`` with what that month's stored run did
    with it (``extra['month_did']``): 'counted' or 'refused' when that run read the same bytes
    under the same name ('counted' too for a copy it set aside holding the bytes it counted:
    session 52), 'set_aside' for another older copy it set aside for a newer one (session 55),
    'not_run' when the month was never run; nothing when the history cannot tell (a list
    changed or added since). So too of a photo, PDF, Word or CSV file another month's by its
    name or folder (``extra['name_period']``: 'refused' or 'not_run'; session 55, K). One
    read of the stored files of the months named (docs/decisions.md, session 50)."""
    from pipeline.archive import sha256_of

    others = {
        id(sub): sub.period if sub.kind == "roster" else sub.extra["name_period"]
        for sub in submissions
        if sub.status == "other_period"
        and (
            (sub.kind == "roster" and sub.period and sub.period != period)
            # a photo, PDF, Word or CSV file of another month (consolidate.document_of_month):
            # 'refused' when that month refused it (session 55, K)
            or (sub.extra.get("document") and sub.extra.get("name_period"))
        )
    }
    if not others or not history.exists():  # no history: nothing to tell
        return
    files = history.files_of(set(others.values()))
    for sub in (s for s in submissions if id(s) in others):
        month = files.get(others[id(sub)])
        if month is None:
            sub.extra["month_did"] = "not_run"
            continue
        digest, status = month.get(sub.file, (None, None))
        if digest is not None and status not in MONTH_DID:
            # a copy set aside holding the bytes of the file counted (one attachment
            # downloaded twice): its list was counted then (session 52)
            counted = {d for d, st in month.values() if MONTH_DID.get(st) == "counted"}
            status = "valid" if digest in counted else status
        if digest is None or (status not in MONTH_DID and status != SET_ASIDE):
            continue
        try:
            same = sha256_of(sub.path) == digest
        except OSError:
            same = False
        if same:
            sub.extra["month_did"] = MONTH_DID.get(status, "set_aside")
