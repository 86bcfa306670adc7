"""The `giamngheo` command's first step (and `python -m pipeline`'s): Ctrl-C while Python is
still importing the tool ends it quietly, not with a traceback through click's import."""

from __future__ import annotations

import os
import signal


def _quiet_exit(_signum, _frame) -> None:
    os._exit(130)  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C


def entry() -> None:
    try:
        previous = signal.signal(signal.SIGINT, _quiet_exit)
    except (OSError, ValueError):  # not the main thread, or no signals here
        previous = None
    from pipeline.cli import entry as run  # the imports: click, then what the command needs

    if previous is not None:
        signal.signal(signal.SIGINT, previous)
    run()
