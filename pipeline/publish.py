"""Publish one period's results into output/YYYY-MM/: workbook, JSON, public list and feedback,
each written atomically."""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

from pipeline import forked
from pipeline.archive import source_hashes
from pipeline.output import NOTICES, atomic_write, make_folder, staging, write_json
from pipeline.report.bulk import fast_path
from pipeline.report.feedback_files import (
    FEEDBACK_DIR,
    feedback_targets,
    remove_stale_feedback,
)
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
    # With the block writer (the pinned xlsxwriter), a written workbook leaves no reference
    # cycle (bulk._Workbook.close), so the collector is paused altogether: it would only walk
    # the cells each workbook holds until it is closed (~1 s of a province's writing, in each
    # writing process). With another xlsxwriter it runs, or each workbook would stay in memory.
    gc.freeze()
    collecting = gc.isenabled()
    if fast_path():
        gc.disable()
    try:
        written = _publish(result, output_dir, getattr(progress, "step", None))
    finally:
        if collecting:
            gc.enable()
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

    make_folder(folder)  # removed again if the run fails
    if targets and staging() is not None:
        # made by whichever writer gets a feedback file first (the side writer, whose staging
        # comes back only when it succeeds): noted here, so that a failed run removes it too
        staging().note_folders(folder / FEEDBACK_DIR)
    # The public list and the feedback files are written by a forked child while this process
    # writes the consolidated workbook (pipeline.forked); the feedback files are shared out
    # between the two once the workbook is done (a province may have a thousand of them).
    # Where there is no fork, all of them after the workbook.
    side = shares = None
    adopted = False  # whether the child's files were taken over (else removed, below)
    if forked.available():
        shares = _Shares.of(len(targets))  # None: more files than a pipe holds, all the child's
        take = shares.take if shares is not None else None
        # (it hashes the run's sources first: the runner stores their hashes in the history)
        side = forked.Forked(_side_files, result, folder, targets, None, take, True)
    try:
        workbook = atomic_write(
            folder / f"TongHop_{result.period}.xlsx",
            lambda tmp: write_consolidated(result, tmp, tick),
        )
        tick()
        summary = write_json(folder / f"TongHop_{result.period}.json", result.summary)
        tick()
        public_list, written, hashed = None, {}, None
        if side is not None:
            if shares is not None:
                written = _feedback_files(result, folder, targets, shares.take, tick)
            try:
                (public_list, theirs), notices, entries, hashed = side.result()
            except forked.ChildFailed:  # e.g. killed: what it did not hand back, written here
                pass
            else:
                adopted = True
                NOTICES.extend(notices)
                if staging() is not None:
                    staging().extend(entries)
                written.update(theirs)
                for _ in range(1 + len(theirs)):
                    tick()
        if public_list is None:
            missing = iter([i for i in range(len(targets)) if i not in written])
            (public_list, rest), _, _, _ = _side_files(
                result, folder, targets, tick, lambda: next(missing, None)
            )
            written.update(rest)
    finally:
        if side is not None:
            side.cancel()
            if not adopted:
                _remove_leftovers(folder, side.pid)
        if shares is not None:
            shares.close()
    feedback = [written[i] for i in sorted(written)]
    feedback_dir = remove_stale_feedback(result, folder, feedback)
    return {
        "workbook": workbook,
        "json": summary,
        "public_list": public_list,
        "feedback": feedback,
        "feedback_dir": feedback_dir,
        # the sources' sizes and hashes the side writer found (archive.source_hashes), or None
        "source_hashes": hashed,
    }


def _remove_leftovers(folder: Path, pid: int) -> None:
    """Remove the temporary files a forked writer left that this process did not take over:
    it had finished them (staged, to be renamed at the commit) when the run failed, or it was
    killed while writing. Its files are the only ones named with its process id."""
    for leftover in [*folder.glob(f".*.{pid}.tmp"), *folder.glob(f"*/.*.{pid}.tmp")]:
        try:
            leftover.unlink()
        except OSError:
            pass


# The public list's and the feedback files' writers are imported when first called, not with
# this module: in a run that is in the forked writer, on the other core, while this process
# writes the consolidated workbook (docs/decisions.md "Session 16: the commune run's own time").
def write_public_list(result: RunResult, path: Path) -> None:
    from pipeline.report.public_list import write_public_list as write

    write(result, path)


def write_feedback_file(result: RunResult, folder: Path, target: tuple) -> Path:
    from pipeline.report.feedback import write_feedback_file as write

    return write(result, folder, target)


def _side_files(
    result: RunResult, folder: Path, targets: list, tick=None, take=None, hashes: bool = False
):
    """The public list, then feedback files as ``take()`` hands out their indexes (all of them
    when None); returns (the public list, {index: feedback path}), the notices their writing
    gave, what it staged (a forked writer's staging is its own copy: its parent takes it over)
    and, with ``hashes``, the sizes and SHA-256 of the run's sources worked out first
    (archive.source_hashes: the forked writer is done well before the consolidated workbook,
    which the runner writes meanwhile; session 62), else None."""
    hashed = source_hashes(result) if hashes else None
    first = len(NOTICES)
    staged = staging()
    marks = (len(staged.pending), len(staged.removals)) if staged is not None else (0, 0)
    try:
        public_list = atomic_write(
            folder / f"NiemYet_{result.period}.xlsx", lambda tmp: write_public_list(result, tmp)
        )
        if tick is not None:
            tick()
        if take is None:
            every = iter(range(len(targets)))
            take = lambda: next(every, None)  # noqa: E731
        written = _feedback_files(result, folder, targets, take, tick)
    except BaseException:
        # stopped (the run failed, Ctrl-C): what this writer staged goes with it
        if staged is not None:
            staged.discard(since=marks[0])
        raise
    entries = staged.entries(*marks) if staged is not None else ([], [], [])
    return (public_list, written), NOTICES[first:], entries, hashed


def _feedback_files(result: RunResult, folder: Path, targets: list, take, tick=None) -> dict:
    """The feedback files whose indexes ``take()`` hands out, until it gives None."""
    written = {}
    for index in iter(take, None):
        written[index] = write_feedback_file(result, folder, targets[index])
        if tick is not None:
            tick()
    return written


class _Shares:
    """Indexes 0 … count−1 handed out one at a time, to this process and to a child forked
    after it was made: a pipe holding every index as 4 bytes, read 4 bytes at a time (a pipe
    read is atomic), so no index is taken twice. :meth:`of` gives None where the pipe cannot
    hold them all."""

    def __init__(self, read_end: int):
        self.read_end = read_end

    @classmethod
    def of(cls, count: int) -> _Shares | None:
        read_end, write_end = os.pipe()
        data = b"".join(i.to_bytes(4, "little") for i in range(count))
        try:
            if len(data) > 1 << 16:
                import fcntl

                fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, len(data))  # Linux
            os.set_blocking(write_end, False)
            if data and os.write(write_end, data) != len(data):
                raise BlockingIOError
        except (OSError, AttributeError, ValueError):
            os.close(read_end)
            return None
        finally:
            os.close(write_end)
        return cls(read_end)

    def take(self) -> int | None:
        token = os.read(self.read_end, 4)
        return int.from_bytes(token, "little") if len(token) == 4 else None

    def close(self) -> None:
        os.close(self.read_end)
