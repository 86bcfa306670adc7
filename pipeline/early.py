"""Reading a commune's files while the libraries are imported.

``giamngheo run`` spends about half a second importing pandas and xlsxwriter before it can
compute anything; reading a commune's two dozen rosters takes about as long and needs neither.
So the command forks a child first thing, the child reads (pipeline.readpool.read_early), and
the run takes what it read. This module imports nothing heavy: it is imported before the fork,
and so are the reading modules (pandas is not among them), which the run needs too.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import forked

TIMEOUT = 120.0  # seconds for the whole early read: at most 32 files of 1 MiB at most


def _read(input_dir: Path):
    from pipeline.readpool import read_early

    return read_early(input_dir)


class EarlyRead:
    """A forked child reading ``input_dir`` from the moment the command starts.

    The child lists the folder itself and reads only a commune's few small files
    (readpool.read_early_here, any format); of a plan it reads the sheets and leaves the loading
    to the run, since that needs pandas (readpool.finish_plan). The child is bounded in memory
    like a read worker and in time as a whole; when it fails, the run reads each file again in
    a worker of its own.
    """

    def __init__(self, input_dir: Path):
        self.child = forked.Forked(_read, input_dir, memory_limit=forked.READER_MEMORY_LIMIT)

    def outcomes(self, tasks: list[tuple[Path, str]]) -> list | None:
        """The child's readpool.Outcome per task when it read exactly ``tasks``; None when it
        read nothing (too many or too large files), other files, or failed."""
        from pipeline.readpool import finish_plan

        try:
            read, outcomes = self.child.result(timeout=TIMEOUT)
        except Exception:  # noqa: BLE001 - a failed child: the run reads the files itself
            return None
        if outcomes is None or read != tasks:
            return None
        for index, outcome in enumerate(outcomes):
            if outcome.plan_deferred:
                outcomes[index] = finish_plan(outcome, *tasks[index])
        return outcomes

    def cancel(self) -> None:
        self.child.cancel()


def start_early(input_dir: Path) -> EarlyRead | None:
    """Start reading ``input_dir`` in a forked child where that is possible, else None."""
    if not forked.available() or not input_dir.is_dir():
        return None
    _import_readers()
    return EarlyRead(input_dir)


def _import_readers() -> None:
    """Import the reading modules (pipeline.readpool and what it imports; not pandas) before
    the fork. The run imports them anyway; a child that imported them itself would do that
    work a second time (~60 ms), on the other core, which a busy machine does not have to
    spare. The garbage collector is paused meanwhile, as for the run's other imports
    (cli._load_runner). See docs/decisions.md "Session 25: the commune run's CPU"."""
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        import pipeline.readpool  # noqa: F401
    finally:
        if collecting:
            gc.enable()
