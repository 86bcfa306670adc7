"""One run at a time per output folder: a lock file holding the runner's process id, the
computer it runs on and when it took the lock (by that computer's clock).

A second run waits a little, then stops with a clear message; a lock left by
a run that no longer exists (killed, power cut) is recovered. A lock another computer wrote (an
output folder on a shared drive) is never asked of this one: it is held (session 63, F3).
"""

from __future__ import annotations

import functools
import os
import shutil
import stat
import time
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

from pipeline import lazyre
from pipeline.messages import Message, folder_named, os_reason
from pipeline.output import OutputError, make_folder, recover_commit
from pipeline.types import HISTORY_FILE, LOCK_NAME

_SET_ASIDE = lazyre.compile(r"^\.(.+)\.\d+\.old$")


# A lock file being written (created, its process id not yet in it) is taken for held this long.
FRESH_SECONDS = 5.0

# Beside the lock while a run recovers a stale one (session 65, G): one run at a time sets a
# lock aside; a run that has just created the lock waits while this file is there, then reads
# its lock back. Held microseconds; one left by a run killed in them is removed once this run
# has seen it unchanged ``BREAKER_SECONDS`` by its own clock.
BREAKER_SUFFIX = ".breaking"
BREAKER_SECONDS = FRESH_SECONDS
# Since session 65's review (RG) the breaker is written as a lock is (its process, computer, who
# it is) with a token: one whose process this computer tells dead is removed at once; one whose
# process runs here (a run slowed in those microseconds: a disk or a share stalling, the
# computer swapping) is held this long, not 5 s, so that a second recovery does not begin
# beside it; one not told (being written, another computer's, session 65 G's) after 5 s.
BREAKER_LIVE_SECONDS = 60.0
# A lock (or the file above) set aside to be removed: '.giamngheo.lock.<12 hex>.stale' (B2).
_ASIDE = lazyre.compile(r"^\.giamngheo\.lock(?:\.breaking)?\.[0-9a-f]{12}\.stale$")


class Holder(NamedTuple):
    """The run a lock names. ``written``: when it wrote the lock, the lock file's modification
    time (the clock of the disk's computer: a shared drive's server), compared with other
    files' times there; ``computer``: the other computer it runs on, None when this one (or a
    lock of a version before session 63, which wrote its process id alone)."""

    pid: int
    written: float
    computer: str | None = None


class _Lock(NamedTuple):
    """A lock file's lines: the process id (0 while being written, -1 none), then ``key=value``
    lines (session 63): ``computer`` (its name, as ASCII: :func:`this_computer`), ``taken``
    (when the lock was taken, seconds since the epoch by that computer's clock) and ``started``
    (who the process is, told with no clock: on Linux the boot and the process's start in clock
    ticks since it; on Windows, since session 64, its creation FILETIME); since session 64
    ``machine`` (:func:`this_machine`: two computers of one name told apart) and, on Windows,
    ``booted`` (when that computer started, by its clock: which boot, as Linux's boot id in
    ``started``; since session 65 on Linux too, its ``btime``: a lock "in the future" of another
    boot is this computer's own only where that boot's start is too). A lock of an older
    version holds the process id alone."""

    pid: int
    computer: str | None = None
    taken: float | None = None
    started: str | None = None
    machine: str | None = None
    booted: float | None = None


@functools.cache
def this_computer() -> str:
    """This computer's name as a lock writes it: ASCII (a name in other letters escaped as
    Python writes them, ``\\xe1``), one line; '' where the system does not tell it."""
    try:
        if hasattr(os, "uname"):
            name = os.uname().nodename
        else:  # Windows  # pragma: no cover - not on Linux
            import socket

            name = socket.gethostname()
    except OSError:
        return ""
    name = name.encode("ascii", "backslashreplace").decode("ascii")
    return "".join(c for c in name if c.isprintable()).strip()


def computer_said(name: str) -> str:
    """A computer's name as the lock wrote it, its letters back (``\\xe1`` -> 'á')."""
    try:
        return name.encode("ascii").decode("unicode_escape")
    except (UnicodeError, ValueError):
        return name


# Where Linux keeps the computer's own id (systemd's, then D-Bus's), and Windows (its registry).
_MACHINE_ID_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")
_MACHINE_GUID = (r"SOFTWARE\Microsoft\Cryptography", "MachineGuid")
_BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id"


@functools.cache
def this_machine() -> str | None:
    """This computer's own id as a lock writes it (session 64): 16 hex digits of a SHA-256 of
    the id its system keeps (Linux ``/etc/machine-id``, Windows ``MachineGuid``; hashed, as
    systemd asks of a program showing it), so that two computers of one name (a disk image
    copied) are told apart; None where the system does not tell it."""
    raw = None
    if os.name == "nt":
        try:
            import winreg  # (Windows only, as the lock is taken or asked)

            where, name = _MACHINE_GUID
            with winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE, where, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY
            ) as key:
                raw = winreg.QueryValueEx(key, name)[0]
        except (ImportError, OSError, AttributeError):
            return None
    else:
        for path in _MACHINE_ID_FILES:
            try:
                raw = Path(path).read_text(encoding="ascii", errors="replace").strip()
            except OSError:
                continue
            if raw:
                break
    if not isinstance(raw, str):
        return None
    raw = raw.strip().lower()
    if not raw or raw == "uninitialized" or not raw.isprintable():
        return None
    import hashlib

    return hashlib.sha256(b"giamngheo-lock\0" + raw.encode("utf-8")).hexdigest()[:16]


def _this_boot() -> str | None:
    """This boot's id (Linux), None where not told."""
    try:
        boot = Path(_BOOT_ID_FILE).read_text().strip()
    except OSError:
        return None
    return boot if boot and " " not in boot and ":" not in boot else None


def _who(pid: int) -> str | None:
    """Who process ``pid`` is, with no clock: on Linux this boot's id and the process's start in
    clock ticks since the boot; on Windows its creation FILETIME (100-ns ticks since 1601, fixed
    when it was created: session 64); None where the system does not tell it."""
    if os.name == "nt":
        return _asked_on_windows(pid)[2]
    boot = _this_boot()
    try:
        ticks = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None
    return f"{boot}:{ticks}" if boot else None


def _alive(pid: int, since: float | None = None, started: str | None = None) -> bool:
    """Whether process ``pid`` runs, and (``since``: when its lock was written; ``started``: who
    wrote it, :func:`_who`, where the lock tells) is the one that wrote it: after a power cut
    and a restart, the number a dead run wrote may belong to a program started later. Told by
    ``started`` where both the lock and the system tell it (no clock: one set forward during a
    run does not make it look started after its lock), else by the start times."""
    if pid <= 0:
        return False
    if os.name == "nt":
        runs, began, now = _asked_on_windows(pid)
        if not runs:
            return False
        if started is not None and now is not None:
            return now == started  # (session 64: a reused number told as on Linux)
    else:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass  # someone else's live process
        except (OSError, OverflowError):  # (a number too large for a process id: none has it)
            return False
        if started is not None and (now := _who(pid)) is not None:
            return now == started
        began = _started_at(pid)
    return since is None or began is None or began <= since + 1.0


# Asking a process on Windows (kernel32), where os.kill cannot: signal 0 is CTRL_C_EVENT there,
# and os.kill(pid, 0) sends Ctrl+C to the console process group ``pid`` (it fails, for a live
# run that leads none, as if it were dead). Session 63.
_QUERY_LIMITED_INFORMATION = 0x1000  # PROCESS_QUERY_LIMITED_INFORMATION: its times, its end
_NO_SUCH_PROCESS = 87  # ERROR_INVALID_PARAMETER: OpenProcess's answer for a number no process has
_STILL_ACTIVE = 259  # GetExitCodeProcess's "exit code" of a process not ended
_FILETIME_START = 11_644_473_600  # seconds from 1601-01-01 (FILETIME's start) to 1970-01-01


def _asked_on_windows(pid: int) -> tuple[bool, float | None, str | None]:
    """Windows: whether process ``pid`` runs, when it started (seconds since the epoch) and who
    it is (its creation FILETIME's ticks, as a lock's ``started`` says it; session 64), asked
    of the process itself, with no signal sent. A process that will not be asked (another
    account's, a protected one: access denied) runs; its start is not told, the computer's own
    start is said in its place (no process running now started before it), so that a number a
    run dead in a power cut wrote, another account's since, is still told. Where kernel32
    cannot be loaded nothing is told: the lock is taken as held (a run waits, then says to
    delete it if no run goes on)."""
    if pid > 0xFFFFFFFF:  # (a process id is a DWORD)
        return False, None, None
    kernel32 = _kernel32()
    if kernel32 is None:
        return True, None, None
    handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        if kernel32.GetLastError() == _NO_SUCH_PROCESS:
            return False, None, None
        return True, _booted_at(kernel32), None  # access denied (5): someone's live process
    import ctypes
    from ctypes import wintypes

    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != _STILL_ACTIVE:
            return False, None, None  # ended; its handle still held by another program
        created, ended, in_kernel, in_user = (wintypes.FILETIME() for _ in range(4))
        if not kernel32.GetProcessTimes(
            handle,
            ctypes.byref(created),
            ctypes.byref(ended),
            ctypes.byref(in_kernel),
            ctypes.byref(in_user),
        ):
            return True, _booted_at(kernel32), None
        ticks = created.dwHighDateTime << 32 | created.dwLowDateTime  # 100 ns since 1601
        return True, ticks / 10_000_000 - _FILETIME_START, str(ticks)
    finally:
        kernel32.CloseHandle(handle)


def _booted_at(kernel32) -> float:
    """When the computer started (seconds since the epoch): now less the time it has run."""
    return time.time() - kernel32.GetTickCount64() / 1000


@functools.cache
def _kernel32():
    """Windows' kernel32, the functions :func:`_asked_on_windows` calls typed, and
    ``GetLastError`` the error its last call left (as ctypes kept it: read through ctypes,
    kernel32's own may have been changed meanwhile); None where it cannot be loaded. ctypes is
    imported here only: never on Linux."""
    try:
        import ctypes
        from ctypes import wintypes

        dll = ctypes.WinDLL("kernel32", use_last_error=True)
        typed = {
            "OpenProcess": ((wintypes.DWORD, wintypes.BOOL, wintypes.DWORD), wintypes.HANDLE),
            "GetExitCodeProcess": (
                (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)),
                wintypes.BOOL,
            ),
            "GetProcessTimes": (
                (wintypes.HANDLE, *[ctypes.POINTER(wintypes.FILETIME)] * 4),
                wintypes.BOOL,
            ),
            "CloseHandle": ((wintypes.HANDLE,), wintypes.BOOL),
            "GetTickCount64": ((), ctypes.c_uint64),
        }
        functions = {}
        for name, (argtypes, restype) in typed.items():
            function = getattr(dll, name)
            function.argtypes, function.restype = argtypes, restype
            functions[name] = function
        return SimpleNamespace(**functions, GetLastError=ctypes.get_last_error)
    except (ImportError, OSError, AttributeError):
        return None


# A lock taken on another boot less than this after this boot began (by this clock) may be
# this computer's own, its clock stepped since: taken for this computer's (session 64).
_BOOT_SLACK = 60.0


def _booted_now() -> float | None:
    """When this computer started (Linux: ``/proc/stat``'s ``btime``), None where not told.
    Worked out as the kernel works ``btime`` out (this clock less the time since the boot,
    ``CLOCK_BOOTTIME``) where Python tells it: reading ``/proc/stat`` (a line per processor)
    took 0.1 ms, now paid by every lock taken (session 65, G)."""
    if (boottime := getattr(time, "CLOCK_BOOTTIME", None)) is not None:
        try:
            return time.time() - time.clock_gettime(boottime)
        except (OSError, AttributeError):
            pass
    try:
        return next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _started_at(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), where the system tells (Linux;
    Windows: :func:`_asked_on_windows`)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        booted = _booted_now()
        return None if booted is None else booted + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def same_name_said(computer: str) -> Message | None:
    """The sentence added where another computer named in a message has this computer's name
    (session 64): say so and to rename one of them; None for another name."""
    if computer != this_computer():
        return None
    named = computer_said(computer)
    return Message(
        f"Máy đó có cùng tên '{named}' với máy này: hãy đặt tên khác cho một trong hai máy.",
        f"That computer has the same name '{named}' as this one: give one of the two another name.",
    )


def held_elsewhere(pid: int, computer: str, folder: str, lock: str) -> Message:
    """A run stopped by a lock another computer holds (``folder``: the output folder as said,
    ``lock``: the lock file's name in it). One of this computer's name (another computer of
    the same name, session 64) says so and to rename one of them."""
    named = computer_said(computer)
    said = Message(
        f"Một lần chạy trên máy tính khác ('{named}', tiến trình {pid}) đang ghi vào "
        f"'{folder}'. Hãy đợi lần chạy đó xong rồi chạy lại. Nếu lần chạy trên máy '{named}' đã "
        "bị ngắt giữa chừng (tắt máy, mất điện) và không còn chạy, hãy xóa tệp "
        f"'{lock}' trong thư mục đó.",
        f"A run on another computer ('{named}', process {pid}) is writing to '{folder}'. Wait "
        f"for it to finish, then run again. If that run on '{named}' was cut off (the computer "
        f"shut down, a power cut) and is no longer going on, delete the file '{lock}' in it.",
    )
    if (same := same_name_said(computer)) is None:
        return said
    return Message(str(said) + " " + str(same), said.en + " " + same.en)


def _committed(history: Path, run: int | None) -> bool:
    """Whether the history holds run ``run`` (it committed). Not told: it did not, and the
    previous files are put back, as the history the officer has says."""
    if run is None or not history.is_file():
        return False
    import sqlite3

    from pipeline.history_read import open_read_only  # its 'file:' address quoted ('#', '?', '%')

    try:
        with closing(open_read_only(history, 30)) as conn:
            return (
                conn.execute("SELECT 1 FROM runs WHERE run_id = ?", (run,)).fetchone() is not None
            )
    except sqlite3.Error:
        return False


def run_holding(folder: Path) -> Holder | None:
    """The run that holds ``folder``'s lock now (:class:`Holder`: its process id, when it wrote
    the lock by the lock file's modification time, the other computer it runs on). None with no
    lock there, one still being written (no process id in it yet) or one a run on this computer
    that no longer exists left; a lock another computer wrote is held (never asked here).
    Only read: `giamngheo check` asks it of the history's folder (session 63)."""
    lock = RunLock(folder)
    read, written = lock._read(), lock._modified()
    if read.pid <= 0 or written is None or not lock._holds(read):
        return None
    return Holder(read.pid, written, lock._elsewhere(read))


def _seconds(said: str | None) -> float | None:
    """A time a lock says (seconds since the epoch), None where it says none or nonsense."""
    try:
        seconds = float(said) if said is not None else None
    except ValueError:
        return None
    return seconds if seconds is not None and 0 < seconds < 1e11 else None  # (nan, inf)


def _identity(found: os.stat_result) -> tuple:
    """A file as :meth:`RunLock._which` tells it: its disk, number, time and size."""
    return (found.st_dev, found.st_ino, found.st_mtime_ns, found.st_size)


def _parsed(raw: bytes | None) -> _Lock:
    """A lock file's bytes as its lines (:class:`RunLock._read`); None (unreadable): -1."""
    if raw is None:
        return _Lock(-1)
    try:
        text = raw.decode("ascii")
        if not text.strip():
            # Being written, or left so by a run killed in that instant: told apart by how
            # long this run sees it empty (acquire), never by the file's time against this
            # clock (on a share the server's: session 64).
            return _Lock(0)
        first, *lines = text.splitlines()
        said = dict(line.partition("=")[::2] for line in lines if "=" in line)
        taken, booted = _seconds(said.get("taken")), _seconds(said.get("booted"))
        return _Lock(int(first.split()[0]), said.get("computer") or None, taken,
                     said.get("started") or None, said.get("machine") or None,
                     booted)  # fmt: skip
    except (ValueError, IndexError):
        return _Lock(-1)


class RunLock:
    def __init__(self, folder: Path, wait_seconds: float = 20.0):
        self.path = folder / LOCK_NAME
        # Held while this run (or another) recovers a stale lock (session 65, G).
        self.breaker = folder / (LOCK_NAME + BREAKER_SUFFIX)
        self.wait_seconds = wait_seconds
        # The breaker seen held by another run: which file, since when (this run's own clock).
        self._breaker_seen: tuple[tuple, float] | None = None
        # The breaker's bytes as this run wrote it, while it holds it (review RG).
        self._breaker_text: bytes | None = None
        self.held = False
        # The lock's text as this run wrote it: its own lock at release() is the file holding
        # exactly it, whatever this computer's clock says of it by then (session 64, RB).
        self.text: str | None = None
        # The folders acquire() made for the lock (the output folder and any missing parent,
        # deepest first): removed again at release() if the run left nothing in them.
        self.made: list[Path] = []

    def _read(self) -> _Lock:
        """The lock file's lines (:class:`_Lock`); its process id 0 while another run is still
        writing it (a file just created and still empty), -1 when it holds none. A line this
        version does not know is passed over."""
        return _parsed(self._bytes())

    def _bytes(self) -> bytes | None:
        """The lock file's bytes as they are now, None where it cannot be read."""
        try:
            return self.path.read_bytes()
        except OSError:
            return None

    def _which(self) -> tuple:
        """The lock file as it is now (its disk, number and time), to tell it from another."""
        try:
            return _identity(self.path.stat())
        except OSError:
            return ()

    def _modified(self) -> float | None:
        try:
            return self.path.stat().st_mtime
        except OSError:
            return None

    def _written(self, read: _Lock | None = None) -> float | None:
        """When the lock was taken, by the clock of the computer that took it as the lock says
        (older locks: the file's modification time, the disk's clock)."""
        read = self._read() if read is None else read
        return read.taken if read.taken is not None else self._modified()

    @staticmethod
    def _elsewhere(read: _Lock) -> str | None:
        """The other computer that wrote the lock (its name), None when this one (or not said).
        Another computer of this one's name (session 64) is told by its ``machine`` where both
        tell it, and on Linux by a lock taken on another boot after this one began (an earlier
        boot of this computer ended before it)."""
        if read.computer is None:
            return None
        if read.computer != this_computer():
            return read.computer
        if read.machine is not None and (here := this_machine()) is not None:
            if read.machine != here:
                return read.computer
        if os.name == "nt":
            # Windows tells no boot id: the computer's start (now less its uptime), by each
            # computer's clock, more than a minute apart is another boot; a minute and 0.1 % of
            # the uptime (the clock's drift from the uptime's count, corrected since) (session 64).
            if read.booted is None or read.taken is None or (kernel32 := _kernel32()) is None:
                return None
            now = time.time()
            booted = _booted_at(kernel32)
            slack = _BOOT_SLACK + 0.001 * max(now - booted, 0.0)
            # A lock "in the future" is this computer's own (its clock set back since) only
            # where that boot's start is too: one whose start is past is of a computer whose
            # clock runs ahead of this one's, its run young (session 64, RB).
            if (
                abs(read.booted - booted) > slack
                and booted + _BOOT_SLACK < read.taken
                and (read.taken <= now or read.booted <= now)
            ):
                return read.computer
        elif read.started is not None and read.taken is not None:
            boot, _, _ = read.started.rpartition(":")
            this_boot = _this_boot()
            if this_boot is not None and boot and boot != this_boot:
                booted = _booted_now()
                now = time.time()
                # A lock "in the future" is this computer's own (its clock set back since), but
                # not where it says that boot's start, past by this clock: another computer's,
                # its clock ahead of this one's, its run young (session 65, G: RB's rule on
                # Windows; a lock of session 64 says no start: its own, as before).
                if (
                    booted is not None
                    and booted + _BOOT_SLACK < read.taken
                    and (read.taken <= now or (read.booted is not None and read.booted <= now))
                ):
                    return read.computer
        return None

    def _holds(self, read: _Lock) -> bool:
        """Whether the run the lock names still holds it: a run on another computer always (it
        is not asked of this one: a number of its processes says nothing here)."""
        if self._elsewhere(read) is not None:
            return True
        return _alive(read.pid, self._written(read), read.started)

    def _lines(self) -> tuple[list[str], list[str]]:
        """The lock's lines before ``taken`` and after it (``started``, then ``booted``, on
        Linux too since session 65), worked out before the file is
        created (session 64, B2: reading the machine id and the process's start, loading
        kernel32 on Windows, may take a while, and a lock file left empty meanwhile is another
        run's to judge: held 5 s, then taken)."""
        # The process id first, alone on its line: what an older version reads (session 64).
        head = [str(os.getpid())]
        if computer := this_computer():
            head.append(f"computer={computer}")
        if machine := this_machine():
            head.append(f"machine={machine}")
        tail = []
        if (who := _who(os.getpid())) is not None:
            tail.append(f"started={who}")
        if os.name == "nt" and (kernel32 := _kernel32()) is not None:
            tail.append(f"booted={round(_booted_at(kernel32))}")
        elif os.name != "nt" and (booted := _booted_now()) is not None:
            tail.append(f"booted={int(booted)}")  # (session 65, G: as on Windows; btime's)
        return head, tail

    def _judged(self) -> None:
        """Called between judging a lock stale and setting it aside: nothing. A seam, where a
        test lets another run take the lock in that instant."""

    def _removed(self, seen: tuple, raw: bytes | None, path: Path | None = None) -> bool:
        """Remove the stale lock judged (``path``: another file of the lock's, the breaker;
        the lock by default): the file ``seen`` (:meth:`_which`) holding ``raw`` (None:
        unreadable, told by ``seen`` alone).
        It is renamed aside to a name of this run's first, in one step, then looked at again:
        removed only where it still holds those bytes. Another run may have taken the lock in
        the instant between the judgement and the renaming (session 64, B2: an ``unlink`` of
        the path removed that run's new lock, two writers): that run's lock is put back where
        nothing has taken its place, and False is returned (this run judges again). The bytes
        tell it, not the file's number and time (session 65, G: a share may give the file set
        aside another number, and the lock was never removed); a lock this version writes says
        its process and when to the last digit, so two runs' locks never hold the same bytes."""
        path = self.path if path is None else path
        try:
            regular = stat.S_ISREG(path.lstat().st_mode)
            if regular:
                aside = path.with_name(f"{path.name}.{os.urandom(6).hex()}.stale")
                os.rename(path, aside)
            else:  # a folder of that name (said), another kind of file: removed as before
                path.unlink()
                return True
        except FileNotFoundError:
            return True  # removed by another run: this run tries to take it
        except OSError as err:  # a folder of that name, a lock not ours to remove
            reason = os_reason(err)
            raise OutputError(
                Message(
                    f"Không gỡ được khóa cũ '{folder_named(path)}': {reason}.",
                    f"Cannot remove the old lock '{folder_named(path)}': {reason.en}.",
                )
            ) from None
        try:
            if raw is None:
                same = _identity(aside.stat()) == seen
            else:
                same = aside.read_bytes() == raw
        except OSError:
            same = False
        if not same:
            self._put_back(aside, path)
        try:
            aside.unlink()
        except OSError:
            pass
        return same

    def _put_back(self, aside: Path, path: Path | None = None) -> None:
        """Put another run's lock set aside back in its place, never over a lock taken there
        since (that one is held): linked (the very file), else (a disk with no links: a USB
        drive's FAT) created anew holding its text, which is what its run releases it by.
        Where a lock was taken there since (a third run, session 65, G), the one set aside is
        removed: it was created while this run held the breaker, so its run has not yet read
        it back (:meth:`_confirmed`), and finds it gone: it waits, as on any lock held."""
        path = self.path if path is None else path
        try:
            os.link(aside, path)
            return
        except FileExistsError:
            return
        except OSError:
            pass
        try:
            text = aside.read_bytes()
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:
            return
        with os.fdopen(handle, "wb") as out:
            out.write(text)

    def _breaker_free(self) -> bool:
        """Whether no run is recovering a stale lock here now: no breaker, or one this run has
        seen unchanged ``BREAKER_SECONDS`` by its own clock (left by a run killed while it
        held it: removed now, as a stale lock is). One this run cannot look at or remove
        (permissions) is passed over after that time too: no run waits on it for ever."""
        try:
            seen = _identity(os.lstat(self.breaker))
        except FileNotFoundError:
            self._breaker_seen = None
            return True
        except OSError:
            seen = ()  # (not told: watched as one file)
        if self._breaker_seen is None or self._breaker_seen[0] != seen:
            self._breaker_seen = (seen, time.monotonic())
        raw = None
        if seen:
            try:
                raw = self.breaker.read_bytes()
            except OSError:
                raw = None
        # (review RG) its run asked where the breaker tells who it is: dead, removed now;
        # running here, held up to a minute; not told, 5 s (a run killed in its microseconds)
        runs = self._breaker_runs(raw)
        held = BREAKER_SECONDS if runs is None else BREAKER_LIVE_SECONDS if runs else 0.0
        if time.monotonic() - self._breaker_seen[1] < held:
            return False
        self._breaker_seen = None
        if seen:
            try:
                self._removed(seen, raw, self.breaker)
            except OutputError:
                pass
        return True

    def _breaker_runs(self, raw: bytes | None) -> bool | None:
        """Whether the run holding the breaker (its bytes ``raw``) runs, where this computer
        can tell: a breaker naming a process here and who it is (``started``, written since
        the review of session 65, RG); None for one being written, unreadable, another
        computer's, or of session 65 G's (a number and a token)."""
        read = _parsed(raw)
        if read.pid <= 0 or read.started is None or self._elsewhere(read) is not None:
            return None
        return _alive(read.pid, None, read.started)

    def _take_breaker(self) -> bool:
        """Take the breaker (one run at a time recovers a stale lock here; session 65, G);
        False where another run holds it. Its bytes are this run's alone: written as a lock
        is (its process, computer and who it is, asked by a run that finds it: review RG),
        with a random token, as its removal when stale and :meth:`_drop_breaker` compare
        them."""
        head, tail = self._lines()
        token = f"token={os.urandom(8).hex()}"
        text = "\n".join([*head, f"taken={time.time()!r}", token, *tail]) + "\n"
        for _ in range(2):
            try:
                handle = os.open(self.breaker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                if not self._breaker_free():
                    return False
                continue
            except OSError as err:
                raise self._unwritable(err) from None
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(text)
            self._breaker_text = text.encode("ascii")
            return True
        return False

    def _unwritable(self, err: OSError) -> OutputError:
        """The stop where the output folder refuses the lock or the breaker being created."""
        reason = os_reason(err)
        folder = folder_named(self.path.parent)
        return OutputError(
            Message(
                f"Không ghi được vào thư mục kết quả '{folder}': {reason}.",
                f"Cannot write to the output folder '{folder}': {reason.en}.",
            )
        )

    def _holds_breaker(self) -> bool:
        """Whether the breaker is still this run's (its bytes): a run slowed past the time
        another run holds a breaker for may find it removed, or another's (review RG)."""
        try:
            return (
                self._breaker_text is not None and self.breaker.read_bytes() == self._breaker_text
            )
        except OSError:
            return False

    def _drop_breaker(self) -> None:
        """Remove the breaker where it is still this run's: never another run's, taken after
        this one's was removed as left by a killed run (review RG: before, removed whoever
        held it, and a third run could recover beside the second)."""
        if self._holds_breaker():
            try:
                self.breaker.unlink()
            except OSError:
                pass
        self._breaker_text = None

    def _recovered(self, seen: tuple, raw: bytes | None) -> bool | None:
        """Recover the stale lock judged (the file ``seen`` holding ``raw``) holding the breaker:
        True where it is removed (this run tries to take the folder), False where another
        lock is in its place (judged again), None where another run is recovering one now."""
        if not self._take_breaker():
            return None
        try:
            # Judged before the breaker was taken: still that lock? (Another run may have
            # recovered it and taken the folder meanwhile: its lock is judged anew.)
            if self._which() != seen or self._bytes() != raw:
                return not os.path.lexists(self.path)
            self._judged()
            if not self._holds_breaker():
                return None  # (review RG: slowed, its breaker removed: another run recovers)
            return self._removed(seen, raw)
        finally:
            self._drop_breaker()

    def _confirming(self) -> None:
        """Called as this run has written its new lock, before reading it back: nothing. A
        seam, where a test lets other runs act in that instant."""

    def _confirmed(self, text: str) -> bool:
        """Whether the lock this run has just created and written (``text``) is still its own,
        read back once no run is recovering a stale lock here (session 65, G). A run that set
        aside a lock holding the breaker may have found another's in its place (this one,
        created meanwhile) and removed it, putting its own back: this run then holds nothing
        and waits, as on any lock held."""
        self._confirming()
        while not self._breaker_free():
            time.sleep(0.01)
        wrote = text.encode("ascii")
        try:
            handle = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return False
        except OSError:
            return True  # (not told: the file it has just written, taken for its own)
        try:
            return os.read(handle, len(wrote) + 1) == wrote
        except OSError:
            return True
        finally:
            os.close(handle)

    def acquire(self) -> None:
        folder = self.path.parent
        self.made = []
        self._breaker_seen = None
        while not os.path.lexists(folder) and folder.parent != folder:
            self.made.append(folder)
            folder = folder.parent
        make_folder(self.path.parent)  # (taken before the run stages its outputs)
        head, tail = self._lines()
        deadline = time.monotonic() + self.wait_seconds
        empty: tuple[tuple, float] | None = None  # an empty lock seen: which file, since when
        while True:
            # taken: this computer's clock, as its runs' starts
            text = "\n".join([*head, f"taken={time.time()!r}", *tail]) + "\n"
            try:
                handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                seen = self._which()
                judged = self._bytes()
                read = _parsed(judged)
                holder = read.pid
                if holder == 0:
                    # Empty: a run writing it (microseconds), held; one that stays empty
                    # FRESH_SECONDS by this run's own clock (no step, no server's) was left by a
                    # run killed in that instant: recovered (session 64).
                    if empty is None or empty[0] != seen:
                        empty = (seen, time.monotonic())
                    stale = time.monotonic() - empty[1] >= FRESH_SECONDS
                else:
                    empty = None
                    stale = not self._holds(read)
                # (review RG) the lock judged stale, another run recovering it now: said so at
                # the deadline, not the dead run judged as writing
                taken_over = False
                if stale and seen:
                    # a run that died left its lock behind: recover it, if it is still that one
                    recovered = self._recovered(seen, judged)
                    if recovered:
                        continue
                    taken_over = recovered is None
                    if recovered is not None:
                        # another run's lock in its place: that one is said at the deadline,
                        # not the one judged stale (session 65, G), and judged after the sleep
                        empty = None
                        read = self._read()
                        holder = read.pid
                        if holder < 0 and not os.path.lexists(self.path):
                            continue
                elif stale and not os.path.lexists(self.path):
                    continue  # (gone as it was judged)
                if time.monotonic() >= deadline:
                    # the folder named once, the lock in it by its name (session 60)
                    folder, lock = folder_named(self.path.parent), self.path.name
                    if (computer := self._elsewhere(read)) is not None:
                        raise OutputError(held_elsewhere(holder, computer, folder, lock)) from None
                    if taken_over:
                        # the lock a run that stopped left, another run taking it over now
                        breaker = self.breaker.name
                        raise OutputError(
                            Message(
                                f"Một lần chạy khác đang tiếp quản '{folder}' từ một lần chạy "
                                "đã dừng. Hãy đợi một lát rồi chạy lại. Nếu lỗi này lặp lại và "
                                f"chắc chắn không còn lần chạy nào, hãy xóa tệp '{breaker}' "
                                "trong thư mục đó.",
                                f"Another run is taking over '{folder}' from a run that "
                                "stopped. Wait a moment, then run again. If this happens again "
                                f"and you are sure no run is going on, delete the file "
                                f"'{breaker}' in it.",
                            )
                        ) from None
                    if holder == 0:
                        # an empty lock: a run has just begun (not a process 0) (session 64, B2)
                        raise OutputError(
                            Message(
                                f"Một lần chạy khác vừa bắt đầu ghi vào '{folder}'. Hãy đợi "
                                "lần chạy đó xong rồi chạy lại. Nếu chắc chắn không còn lần "
                                f"chạy nào, hãy xóa tệp '{lock}' trong thư mục đó.",
                                f"Another run has just begun writing to '{folder}'. Wait for "
                                "it to finish, then run again. If you are sure no run is going "
                                f"on, delete the file '{lock}' in it.",
                            )
                        ) from None
                    raise OutputError(
                        Message(
                            f"Một lần chạy khác (tiến trình {holder}) đang ghi vào '{folder}'. "
                            "Hãy đợi lần chạy đó xong rồi chạy lại. Nếu chắc chắn không còn lần "
                            f"chạy nào, hãy xóa tệp '{lock}' trong thư mục đó.",
                            f"Another run (process {holder}) is writing to '{folder}'. "
                            "Wait for it to finish, then run again. If you are sure no run is "
                            f"going on, delete the file '{lock}' in it.",
                        )
                    ) from None
                time.sleep(0.2)
                continue
            except OSError as err:
                raise self._unwritable(err) from None
            # Written at once: the lines were worked out before the file was created.
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(text)
            if not self._confirmed(text):
                continue  # set aside by a run recovering a stale lock, another's in its place
            self.text = text
            self.held = True
            self._sweep()
            return

    def _sweep(self) -> None:
        """Tidy what a killed run left behind (no other run can be writing now): its temporary
        files go; a file or folder it had set aside to replace (``.NAME.PID.old``, see
        pipeline.output.Staged) is put back if nothing took its place, else it goes."""
        folder = self.path.parent
        self._sweep_asides()
        # A commit cut off (SIGKILL, a power cut): finished or undone as the history says.
        recover_commit(folder, lambda run: _committed(folder / HISTORY_FILE, run))
        for pattern in (".*.tmp", "*/.*.tmp", "*/PhanHoi/.*.tmp"):
            for leftover in folder.glob(pattern):
                if leftover.is_dir():
                    shutil.rmtree(leftover, ignore_errors=True)
                    continue
                try:
                    leftover.unlink()
                except OSError:
                    pass
        for pattern in (".*.old", "*/.*.old", "*/PhanHoi/.*.old"):
            for kept in folder.glob(pattern):
                name = _SET_ASIDE.match(kept.name)
                if name is None:
                    continue
                original = kept.with_name(name.group(1))
                try:
                    if not os.path.lexists(original):
                        os.replace(kept, original)
                    elif kept.is_dir():
                        shutil.rmtree(kept, ignore_errors=True)
                    else:
                        kept.unlink()
                except OSError:
                    pass

    def _sweep_asides(self) -> None:
        """Remove the locks a run killed while recovering one left set aside
        ('.giamngheo.lock.<hex>.stale', B2), holding the breaker: no run is between setting one
        aside and removing it or putting it back then (session 65, G). Where another run holds
        the breaker they stay, for a later run."""
        folder = self.path.parent
        try:
            with os.scandir(folder) as entries:
                asides = [
                    entry.name
                    for entry in entries
                    if entry.name.endswith(".stale") and _ASIDE.match(entry.name)
                ]
        except OSError:
            return
        try:
            if not asides or not self._take_breaker():
                return
        except OutputError:  # (the folder not writable now: left for a later run)
            return
        try:
            for name in asides:
                try:
                    (folder / name).unlink()
                except OSError:
                    pass
        finally:
            self._drop_breaker()

    def release(self) -> None:
        # Its own lock by its text, not judged as another run's is: a clock stepped during the
        # run made its own 'booted' (Windows) look another computer's, the lock left behind.
        try:
            own = self.held and self.path.read_text(encoding="ascii") == self.text
        except (OSError, ValueError):
            own = False
        if own:
            try:
                self.path.unlink()
            except OSError:
                pass
            # A run stopped before writing anything (no plan, no list of the month) leaves no
            # empty output folder behind it; a folder holding anything is not removed.
            for made in self.made:
                try:
                    made.rmdir()
                except OSError:
                    break
        self.made = []
        self.held = False

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
