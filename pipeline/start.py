"""The `giamngheo` command's first step (and `python -m pipeline`'s): a stop (Ctrl-C, SIGTERM,
SIGHUP) is caught from here on, before the tool is imported; numpy is loaded without a pool of
BLAS threads."""

from __future__ import annotations

import codecs
import os
import signal
import sys

# --- a stop, wherever the command is ------------------------------------------------------------
# Ctrl-C, `kill` (SIGTERM) and the terminal window closed (SIGHUP) end the command the same way
# from the first line of :func:`entry` to its last (docs/decisions.md "Session 40: SIGTERM and
# SIGHUP end a run as Ctrl-C does", "Session 41: a stop while the command starts or ends"):
# * while the tool is imported (STARTING): nothing is read or written yet; the stop line, exit 2;
# * while the command works (RUNNING): KeyboardInterrupt, as Ctrl-C raises it: its temporary
#   files removed on the way out, then the stop line, exit 2 (pipeline.cli._guarded);
# * once the command has done its work (a run's month stored) or is ending with a line of its
#   own (LEAVING): not acted on, nothing more said; the command ends as it would have, with its
#   own exit status (what it did is done; what it said stands).
# A signal the command was started with ignored stays ignored (`nohup` ignores SIGHUP).
STARTING, RUNNING, LEAVING = "starting", "running", "leaving"
PHASE = STARTING
# The exit status of a command that is leaving, once it is known: a stop then ends it at once.
LEAVING_STATUS: int | None = None

ERROR_PREFIX = {"vi": "LỖI", "en": "ERROR"}
STOPPED = {
    "vi": "Đã dừng theo yêu cầu; các tệp kết quả cũ vẫn giữ nguyên.",
    "en": "Stopped on request; the earlier result files are unchanged.",
}
# ... and for a command that writes nothing (`check`, `history`, `--help`): no result files to
# speak of (session 50)
STOPPED_READING = {
    "vi": "Đã dừng theo yêu cầu; lệnh này chỉ đọc, không ghi tệp nào.",
    "en": "Stopped on request; this command only reads and wrote no file.",
}
WRITING_COMMANDS = ("run", "sample", "template")


def typed_command(args: list[str]) -> str | None:
    """The command typed (`run`, `check`, …): the first word that is no option (`giamngheo`'s
    own options, --version and --help, take no value); None without one."""
    return next((word for word in args if not word.startswith("-")), None)


def stopped_words(command: str | None) -> dict[str, str]:
    """The stop line's words for ``command``: the result files kept as they were where the
    command writes some, else that it wrote nothing."""
    return STOPPED if command in WRITING_COMMANDS else STOPPED_READING


STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def typed_language(args: list[str]) -> str:
    """The language asked for on the command line, before (or without) click reading it."""
    for position, word in enumerate(args):
        if word == "--lang=en" or (
            word == "--lang" and args[position + 1 : position + 2] == ["en"]
        ):
            return "en"
    return "vi"


def _stop(_signum, _frame) -> None:
    if PHASE == RUNNING:
        raise KeyboardInterrupt
    if PHASE == LEAVING:
        if LEAVING_STATUS is not None:
            os._exit(LEAVING_STATUS)
        return  # not acted on: the command goes on to its end (its summary, its status)
    lang = typed_language(sys.argv[1:])
    line = f"{ERROR_PREFIX[lang]}: {stopped_words(typed_command(sys.argv[1:]))[lang]}\n"
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except UnicodeEncodeError:  # an ASCII or 8-bit stream: UTF-8, as pipeline.cli writes it
        try:
            os.write(2, line.encode("utf-8"))
        except OSError:
            pass
    except (AttributeError, OSError, ValueError, RuntimeError):  # no stream, or it is closed
        pass
    os._exit(2)


def catch_stops() -> None:
    """Ctrl-C, SIGTERM and SIGHUP handled as above from now on (only in the main thread; again
    is harmless)."""
    handle_signals(STOP_SIGNALS, _stop)


def handle_signals(numbers, handler) -> None:
    """``handler`` for each of ``numbers``, except one the command was started with ignored
    (`nohup` ignores SIGHUP); nothing where it cannot be set (not the main thread)."""
    for number in numbers:
        try:
            if signal.getsignal(number) != signal.SIG_IGN:
                signal.signal(number, handler)
        except (OSError, ValueError):  # not the main thread, or no such signal here
            pass


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


def streams_held() -> None:
    """A command started with its output closed (`giamngheo run 2>&-`, a launcher that gives it
    none): descriptors 0-2 that are closed are held open on the null device, and a missing
    sys.stdout or sys.stderr writes there. Else a forked reader's pipe could take descriptor 2,
    which the reader then points at its log, and a run stopped on sys.stderr being None: nothing
    stored, nothing said. What it prints goes nowhere, as before (session 41's review)."""
    try:
        while (fd := os.open(os.devnull, os.O_RDWR)) <= 2:
            pass  # a closed descriptor 0-2 now held
        os.close(fd)
    except OSError:
        pass
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            try:
                setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
            except OSError:
                pass


def entry() -> None:
    catch_stops()  # first: a stop while the tool is imported is said, not a traceback
    streams_held()
    in_utf8_names()
    one_blas_thread()
    from pipeline.cli import entry as run  # the imports: click, then what the command needs

    run()
