"""The `giamngheo` command's first step (and `python -m pipeline`'s): Ctrl-C while Python is
still importing the tool ends it quietly, not with a traceback through click's import; numpy
is loaded without a pool of BLAS threads."""

from __future__ import annotations

import codecs
import os
import signal
import sys


def _quiet_exit(_signum, _frame) -> None:
    os._exit(130)  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C


# numpy's OpenBLAS starts a thread per core but one when it is loaded, and they spin for a
# while: about 0.1 s of CPU at every start (measured on the 2-core host), taken from the early
# reader, the side writer or whatever else the machine runs, for matrix products the tool never
# computes (its figures are sums of counts). One thread, unless the variable is already set.
# See docs/decisions.md "Session 25: the commune run's CPU".
BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def one_blas_thread() -> None:
    """Before numpy is imported: no BLAS thread pool, unless the environment asks for one."""
    os.environ.setdefault(BLAS_THREADS, "1")


def in_utf8_names() -> None:
    """On a POSIX machine whose locale names files in ASCII or an 8-bit code page (the C locale
    with Python's coercion turned off, en_US.ISO-8859-1, vi_VN.TCVN), the command starts itself
    again in Python's UTF-8 mode: otherwise a feedback workbook named for 'Bản Cọ' cannot be
    created (UnicodeEncodeError: the whole run stopped as an unexpected error) and 'Nà Mòn''s is
    named in Latin-1 bytes, not the UTF-8 of every other run. Windows always names files in
    UTF-16; UTF-8 locales are left as they are. docs/decisions.md "Session 39: determinism"."""
    if os.name != "posix" or sys.flags.utf8_mode or not sys.executable:
        return
    try:
        if codecs.lookup(sys.getfilesystemencoding()).name == "utf-8":
            return
    except LookupError:
        pass
    try:
        os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])
    except OSError:  # cannot start again: run as before
        pass


def entry() -> None:
    in_utf8_names()
    one_blas_thread()
    try:
        previous = signal.signal(signal.SIGINT, _quiet_exit)
    except (OSError, ValueError):  # not the main thread, or no signals here
        previous = None
    from pipeline.cli import entry as run  # the imports: click, then what the command needs

    if previous is not None:
        signal.signal(signal.SIGINT, previous)
    run()
