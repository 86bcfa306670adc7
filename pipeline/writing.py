"""The period's files written by a process forked before the counting (a commune's run).

Writing the files needs xlsxwriter and the report modules, some 25–30 ms of imports; a
commune's counting (the plan loaded, the lists checked, the figures) takes about twice that
and needs neither. So, once pandas is in, ``giamngheo run`` forks a writer that imports
them on the other core while this process counts; the result is then handed over through a
pipe (pickled: ~0.3 MB and a few ms for a commune), the writer writes the files as
:func:`pipeline.publish.publish` does (forking its own side writer), and this process keeps
the sources and prepares the history meanwhile. What the writer wrote is staged under its
own temporary names and handed back (paths, notices, staging entries), as the side writer's
are; nothing is put in place before the history commits. See docs/decisions.md "Session 33:
the commune's files written by a process forked before the counting (issue #6)".

Only where :func:`pipeline.forked.available` and only for a commune's input (the early
reader's few small files): a province's result is far too large to hand over, and its
writing is seconds, not milliseconds. A writer that fails, dies or is not wanted is
cancelled, and this process writes the files itself.

This module imports nothing heavy: the runner imports it without xlsxwriter.
"""

from __future__ import annotations

import copy
import os
import pickle
from pathlib import Path

from pipeline import forked

# A result with more households than this is written here, not handed over (a commune has
# a few thousand at most; the pickle costs ~1 µs a household each way).
MAX_HOUSEHOLDS = 20_000
_LENGTH = 8  # bytes of the length that comes before the pickled result


def _write_when_handed(read_end: int, write_end: int, progress):
    """In the forked writer: import the writing modules, wait for the result, write the
    files; returns what the side writer returns (publish's paths, notices, staging entries),
    or None when no result came (the run wrote the files itself). ``progress``: the run's
    progress bar (cli.Progress) or None; it draws the writing when the run says so."""
    os.close(write_end)
    _import_writers()
    handed = _read_exactly(read_end, _LENGTH)
    if len(handed) < _LENGTH:
        return None
    payload = _read_exactly(read_end, int.from_bytes(handed, "little"))
    os.close(read_end)
    result, output_dir, drawn = pickle.loads(payload)
    return _publish_staged(result, output_dir, progress if drawn else None)


def _import_writers() -> None:
    """Import what writing needs with the garbage collector paused, then freeze it, as the
    runner does with its own imports (cli._load_runner)."""
    import gc

    gc.disable()
    try:
        import pipeline.publish  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()


def _publish_staged(result, output_dir: Path, progress=None):
    """pipeline.publish.publish, its files staged here, the staging handed back."""
    from pipeline import output
    from pipeline.publish import publish

    staged = output._STAGED = output.Staged()
    first = len(output.NOTICES)
    try:
        written = publish(result, output_dir, progress=progress)
    except BaseException:
        staged.discard()  # this writer's temporary files,
        staged.remove_folders()  # and the folders it made (the month's is the runner's)
        raise
    return written, output.NOTICES[first:], staged.entries()


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class Writer:
    """A forked writer waiting for its result (:meth:`hand_over`), then writing the files.

    ``progress``: the run's progress bar (cli.Progress), drawn by the writer; the writer's
    stderr is then the screen's (it writes only with our own code: no reader that could
    print a panic), else it goes to the reader log like any forked worker's.
    """

    def __init__(self, progress=None) -> None:
        read_end, write_end = os.pipe()
        try:
            self.child = forked.Forked(
                _write_when_handed, read_end, write_end, progress, quiet=progress is None
            )
        finally:
            os.close(read_end)
        self.write_end: int | None = write_end
        self.pid = self.child.pid

    def hand_over(self, result, output_dir: Path, progress=None) -> bool:
        """Send ``result`` to the writer; False (the writer cancelled) when it is too large
        to hand over or cannot be sent: the caller writes the files itself. ``progress``:
        the run's bar as it is now (the writer draws the writing only if it is still on: a
        run of a few files turns it off as it reads)."""
        households = result.households
        if households is not None and len(households) > MAX_HOUSEHOLDS:
            self.cancel()
            return False
        try:
            drawn = progress is not None and getattr(progress, "enabled", True)
            payload = pickle.dumps(
                (_as_written(result), Path(output_dir), drawn), pickle.HIGHEST_PROTOCOL
            )
            _write_all(self.write_end, len(payload).to_bytes(_LENGTH, "little") + payload)
        except Exception:  # noqa: BLE001 - e.g. the writer died: the caller writes instead
            self.cancel()
            return False
        self._close()
        return True

    def written(self):
        """The writer's (publish's paths, notices, staging entries); its exception is raised
        here; forked.ChildFailed when it died or gave nothing."""
        value = self.child.result()
        if value is None:
            raise forked.ChildFailed("nothing written")
        return value

    def cancel(self) -> None:
        self._close()
        self.child.cancel()

    def _close(self) -> None:
        if self.write_end is not None:
            os.close(self.write_end)
            self.write_end = None


def _as_written(result):
    """``result`` without what no file shows: the plan's start list (a quarter of a commune's
    result pickled; the figures taken from it are in the result already)."""
    plan = getattr(result, "plan", None)
    if getattr(plan, "start_list", None) is None:
        return result
    plan = copy.copy(plan)
    plan.start_list = None
    result = copy.copy(result)
    result.plan = plan
    return result


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def start_writer(input_dir: Path, progress=None) -> Writer | None:
    """A writer for a run of ``input_dir`` when it is a commune's (the early reader's few
    small files) and a fork is possible; else None (the run writes the files itself).
    ``progress``: the run's progress bar or None."""
    if not forked.available():
        return None
    from pipeline.discover import list_input_files
    from pipeline.readpool import read_early_here

    try:
        tasks = [(path, "") for path in list_input_files(input_dir)]
    except OSError:
        return None
    if not tasks or not read_early_here(tasks):
        return None
    try:
        return Writer(progress)
    except OSError:
        return None
