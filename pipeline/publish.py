"""Publish one period's results into output/YYYY-MM/: workbook, JSON, public list and feedback,
each written atomically."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from pipeline import forked
from pipeline.messages import Message, os_reason
from pipeline.output import NOTICES, OutputError, atomic_write, staging, write_json
from pipeline.report.feedback import feedback_targets, publish_feedback
from pipeline.report.public_list import write_public_list
from pipeline.report.workbook import SHEET_WRITERS, write_consolidated
from pipeline.types import RunResult


def publish(result: RunResult, output_dir: Path, timings=None, progress=None) -> dict:
    """Write the period's files; returns their paths. The previous files stay until each is complete.

    ``progress``: a cli.Progress (anything with ``step(label, done, total)``), told after each
    sheet of the consolidated workbook and after each file.
    """
    started = time.perf_counter()
    # The run's tables (hundreds of thousands of objects) live until the end: keep the
    # garbage collector from rescanning them at every collection while the files are written.
    gc.freeze()
    try:
        written = _publish(result, output_dir, getattr(progress, "step", None))
    finally:
        gc.unfreeze()
    if timings is not None:
        timings.mark("write", started)
    return written


WRITING = "Ghi kết quả"


def _publish(result: RunResult, output_dir: Path, step=None) -> dict:
    folder = output_dir / result.period
    targets = list(feedback_targets(result))
    total = len(SHEET_WRITERS) + 3 + len(targets)  # sheets, TongHop saved, JSON, NiemYet, feedback
    done = 0

    def tick(_=None) -> None:
        nonlocal done
        done += 1
        if step is not None:
            step(WRITING, done, total)

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = os_reason(err)
        raise OutputError(
            Message(
                f"Không tạo được thư mục kết quả '{folder}': {reason}.",
                f"Cannot create the output folder '{folder}': {reason.en}.",
            )
        ) from None
    # The public list and the feedback files are written by a forked child while this process
    # writes the consolidated workbook (pipeline.forked); where there is no fork, after it.
    side = forked.Forked(_side_files, result, folder, targets) if forked.available() else None
    try:
        workbook = atomic_write(
            folder / f"TongHop_{result.period}.xlsx",
            lambda tmp: write_consolidated(result, tmp, tick),
        )
        tick()
        summary = write_json(folder / f"TongHop_{result.period}.json", result.summary)
        tick()
        files = None
        if side is not None:
            try:
                files, notices, entries = side.result()
            except forked.ChildFailed:  # e.g. killed: written here below
                files = None
            else:
                NOTICES.extend(notices)
                if staging() is not None:
                    staging().extend(entries)
                for _ in range(1 + len(targets)):
                    tick()
        if files is None:
            files = _side_files(result, folder, targets, tick)[0]
    finally:
        if side is not None:
            side.cancel()
    public_list, feedback_dir, feedback = files
    return {
        "workbook": workbook,
        "json": summary,
        "public_list": public_list,
        "feedback": feedback,
        "feedback_dir": feedback_dir,
    }


def _side_files(result: RunResult, folder: Path, targets: list, tick=None):
    """The public list and the feedback files; their paths, the notices their writing gave and
    what it staged (a forked writer's staging is its own copy: its parent takes it over)."""
    first = len(NOTICES)
    staged = staging()
    marks = (len(staged.pending), len(staged.removals)) if staged is not None else (0, 0)
    public_list = atomic_write(
        folder / f"NiemYet_{result.period}.xlsx", lambda tmp: write_public_list(result, tmp)
    )
    if tick is not None:
        tick()
    feedback_dir, feedback = publish_feedback(result, folder, targets, tick)
    entries = staged.entries(*marks) if staged is not None else ([], [])
    return (public_list, feedback_dir, feedback), NOTICES[first:], entries
