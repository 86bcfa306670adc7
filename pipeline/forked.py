"""Work done in a forked child process while this one goes on.

A commune's run takes about as long as Python takes to import pandas and xlsxwriter; the
machine has at least two cores. So the few things that need neither, or that are independent
of each other, are done side by side: the hamlet files are read while the libraries are
imported (:mod:`pipeline.readpool`), and the public list and feedback files are written while
the consolidated workbook is (:mod:`pipeline.publish`). See docs/decisions.md "Doing two things
at once".

Only on Linux: there ``fork`` is cheap and the child shares what is loaded. Elsewhere
:func:`available` is false and the callers do the same work one after the other. Whatever the
child returns (or raises) comes back pickled through a pipe; a child that dies or overruns its
time raises :class:`ChildFailed`, and the caller does the work itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import time

from pipeline.start import handle_signals

# Address space of a process that reads untrusted files (read workers, the early reader); the
# reader itself needs ~1 GiB of it.
READER_MEMORY_LIMIT = 3 << 30
# Set (to anything) to do everything in one process, e.g. to compare the two ways.
NO_FORK_VARIABLE = "GIAMNGHEO_NO_FORK"
# Where what a reader prints (a panic, an abort) goes instead of the screen, in the temporary
# folder.
READER_LOG = "giamngheo-doc-tep.log"


def limit_memory(limit: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform: the time limit still holds


def die_with_parent(parent: int) -> None:
    """End this child when ``parent`` dies (Linux): a run killed from the task manager must
    not leave its reader processes behind, blocked for ever on a pipe no one reads."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def quiet_stderr() -> None:
    """A reader that panics or aborts prints to stderr; the officer must not see that (a
    child's stderr goes to the reader log in the temporary folder)."""
    import faulthandler

    faulthandler.disable()
    try:
        log = _open_reader_log()
        os.dup2(log, 2)
        os.close(log)
    except OSError:
        pass


def _open_reader_log() -> int:
    import tempfile

    return os.open(
        os.path.join(tempfile.gettempdir(), READER_LOG),
        os.O_WRONLY | os.O_CREAT | os.O_APPEND,
        0o600,
    )


@contextlib.contextmanager
def stderr_to_reader_log():
    """:func:`quiet_stderr` for a while in this process: files read here (a few small xlsx,
    pipeline.readpool.read_here) may make the reader print a panic too. The screen's stderr is
    back when the block ends, however it ends."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield  # no stderr to save: nothing reaches a screen either
        return
    try:
        try:
            log = _open_reader_log()
        except OSError:
            log = None
        if log is not None:
            os.dup2(log, 2)
            os.close(log)
        yield
    finally:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        os.dup2(saved, 2)
        os.close(saved)


class ChildFailed(Exception):
    """The child died, was killed or did not finish in time: nothing came back."""


# --- SIGTERM and SIGHUP end a run as Ctrl-C does ----------------------------------------------
# `kill`, a service manager stopping the machine, or the terminal window closed (SIGHUP) used to
# end the command at once, its hidden temporary files left until the next run swept them. In
# the command's process they now raise KeyboardInterrupt, as Ctrl-C does: the temporary files
# go, the history is rolled back, "Đã dừng theo yêu cầu", exit 2 (pipeline.start). A child (the early reader,
# the side writer) stops as if killed, its temporary file removed first: the parent decides.
# See docs/decisions.md "Session 40: SIGTERM and SIGHUP".
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
# What is held from just before a fork until the child has its own handlers.
HELD_AT_FORK = {signal.SIGINT, *STOP_SIGNALS}


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP in a forked child: its work stops as on Ctrl-C (a file it was writing
    is removed), then the child ends without a result."""


def _terminated(_signum, _frame) -> None:
    raise Terminated


def _handle_stops(handler) -> None:
    handle_signals(STOP_SIGNALS, handler)


def hold_for_fork() -> set | None:
    """Block Ctrl-C, SIGTERM and SIGHUP (the mask before is returned, for the child to set once
    its handlers are in place, and for the parent once it has forked): a signal that reaches a
    child between the fork and its handlers would run the caller's code there, or print a
    traceback on the officer's screen. None where signals cannot be blocked."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, HELD_AT_FORK)


def release(mask: set | None) -> None:
    if mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def stop_as_if_killed() -> None:
    """In a reader process: SIGTERM and SIGHUP end it as before the command's own process
    caught them (it writes nothing; the parent blames the file being read, or is stopping)."""
    _handle_stops(signal.SIG_DFL)


def available() -> bool:
    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and not os.environ.get(NO_FORK_VARIABLE))  # fmt: skip


# Children that handed their whole result over and are ending: reaped when they have ended,
# not waited for. A child's exit takes a few ms after its last byte (its copy of the parent's
# memory is torn down), which the caller would otherwise wait out, result in hand.
_ENDING: list[int] = []


def reap_ended() -> None:
    """Reap the children of :data:`_ENDING` that have ended (none is waited for)."""
    for pid in list(_ENDING):
        try:
            ended, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # reaped already
            ended = pid
        if ended:
            _ENDING.remove(pid)


class Forked:
    """``work(*args)`` run in a forked child; :meth:`result` waits for what it returned."""

    def __init__(self, work, *args, quiet: bool = True, memory_limit: int | None = None):
        reap_ended()
        read_end, write_end = os.pipe()
        # An interrupt (our own cancel, sent at once when the run fails early) reaches the
        # child only inside the try below, its stderr already away from the officer's screen:
        # before it, it would run on in the caller's code, or print to the terminal.
        blocked = hold_for_fork()
        parent = os.getpid()
        try:
            pid = os.fork()
        except BaseException:
            release(blocked)
            raise
        if pid:
            os.close(write_end)
            self.pid = pid
            self.fd: int | None = read_end
            try:
                release(blocked)  # a signal held meanwhile is acted on here
            except BaseException:  # an interrupt that came during the fork: the child goes too
                self.cancel()
                raise
            return
        if pid == 0:  # the child: never returns into the caller's code
            status = 1
            try:
                os.close(read_end)
                die_with_parent(parent)
                if quiet:
                    quiet_stderr()
                # :meth:`cancel` stops the child by an interrupt, which must raise in it even
                # when the command was started with interrupts ignored (nohup, a background
                # job or a scheduled task: Python then keeps SIGINT ignored), else the child
                # writes on and puts its file in place
                signal.signal(signal.SIGINT, signal.default_int_handler)
                _handle_stops(_terminated)
                release(blocked)
                if memory_limit:
                    limit_memory(memory_limit)
                try:
                    payload = pickle.dumps((True, work(*args)), pickle.HIGHEST_PROTOCOL)
                except Terminated:
                    raise  # ends the child below with nothing sent: the parent decides
                except BaseException as exc:  # noqa: BLE001 - handed to the parent as it is
                    try:
                        payload = pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
                    except Exception:  # an exception that cannot be pickled: its text
                        payload = pickle.dumps(
                            (False, RuntimeError(f"{type(exc).__name__}: {exc}"[:300]))
                        )
                with os.fdopen(write_end, "wb") as out:
                    out.write(payload)
                status = 0
            finally:
                os._exit(status)  # no atexit handlers, no flushing of the parent's buffers

    def result(self, timeout: float | None = None):
        """The child's return value (its exception is raised here); ChildFailed if it died or
        was not done within ``timeout`` seconds (it is then killed)."""
        if self.fd is None:
            raise ChildFailed("already collected")
        deadline = None if timeout is None else time.monotonic() + timeout
        chunks = []
        try:
            while True:
                if deadline is not None:
                    left = deadline - time.monotonic()
                    if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                        raise ChildFailed("timed out")
                chunk = os.read(self.fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        except BaseException:
            self.cancel()
            raise
        self._close()
        # A child that sent something is ending: its exit is not waited for (reap_ended); its
        # result is whole when it unpickles (a child killed while writing gives a cut one).
        ended, status = os.waitpid(self.pid, 0 if not chunks else os.WNOHANG)
        if not ended:
            _ENDING.append(self.pid)
        if status != 0 or not chunks:
            raise ChildFailed(f"exit status {status}")
        try:
            ok, value = pickle.loads(b"".join(chunks))
        except Exception as exc:  # what the child sent cannot be rebuilt here
            if not ended:
                _ENDING.remove(self.pid)
                os.waitpid(self.pid, 0)
            raise ChildFailed(f"{type(exc).__name__}: {exc}") from None
        if ok:
            return value
        raise value

    def cancel(self, grace: float = 2.0) -> None:
        """Stop the child if it still runs (harmless after :meth:`result`).

        It is interrupted first (as Ctrl-C would: a file it was writing is removed by
        output.atomic_write, the old one stays), and killed if it has not ended within
        ``grace`` seconds.
        """
        if self.fd is None:
            reap_ended()
            return
        self._close()
        deadline = time.monotonic() + grace
        for signal_number in (signal.SIGINT, signal.SIGKILL):
            try:
                os.kill(self.pid, signal_number)
            except ProcessLookupError:
                pass
            while True:
                try:
                    ended, _ = os.waitpid(self.pid, os.WNOHANG)
                except ChildProcessError:
                    return
                if ended:
                    return
                if signal_number == signal.SIGINT and time.monotonic() >= deadline:
                    break
                time.sleep(0.01)

    def _close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
