"""One run at a time per output folder: a lock file holding the runner's process id.

A second run waits a little, then stops with a clear message; a lock left by
a run that no longer exists (killed, power cut) is recovered.
"""

from __future__ import annotations

import functools
import os
import shutil
import time
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

from pipeline import lazyre
from pipeline.messages import Message, folder_named, os_reason
from pipeline.output import OutputError, make_folder, recover_commit
from pipeline.types import HISTORY_FILE, LOCK_NAME

_SET_ASIDE = lazyre.compile(r"^\.(.+)\.\d+\.old$")


# A lock file being written (created, its process id not yet in it) is taken for held this long.
FRESH_SECONDS = 5.0


def _alive(pid: int, since: float | None = None) -> bool:
    """Whether process ``pid`` runs, and (``since``: when its lock was written) is the one that
    wrote it: after a power cut and a restart, the number a dead run wrote may belong to a
    program started later."""
    if pid <= 0:
        return False
    if os.name == "nt":
        runs, started = _asked_on_windows(pid)
        if not runs:
            return False
    else:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass  # someone else's live process
        except (OSError, OverflowError):  # (a number too large for a process id: none has it)
            return False
        started = _started_at(pid)
    return since is None or started is None or started <= since + 1.0


# Asking a process on Windows (kernel32), where os.kill cannot: signal 0 is CTRL_C_EVENT there,
# and os.kill(pid, 0) sends Ctrl+C to the console process group ``pid`` (it fails, for a live
# run that leads none, as if it were dead). Session 63.
_QUERY_LIMITED_INFORMATION = 0x1000  # PROCESS_QUERY_LIMITED_INFORMATION: its times, its end
_NO_SUCH_PROCESS = 87  # ERROR_INVALID_PARAMETER: OpenProcess's answer for a number no process has
_STILL_ACTIVE = 259  # GetExitCodeProcess's "exit code" of a process not ended
_FILETIME_START = 11_644_473_600  # seconds from 1601-01-01 (FILETIME's start) to 1970-01-01


def _asked_on_windows(pid: int) -> tuple[bool, float | None]:
    """Windows: whether process ``pid`` runs and when it started (seconds since the epoch),
    asked of the process itself, with no signal sent. A process that will not be asked (another
    account's, a protected one: access denied) runs; its start is not told, the computer's own
    start is said in its place (no process running now started before it), so that a number a
    run dead in a power cut wrote, another account's since, is still told. Where kernel32
    cannot be loaded nothing is told: the lock is taken as held (a run waits, then says to
    delete it if no run goes on)."""
    if pid > 0xFFFFFFFF:  # (a process id is a DWORD)
        return False, None
    kernel32 = _kernel32()
    if kernel32 is None:
        return True, None
    handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        if kernel32.GetLastError() == _NO_SUCH_PROCESS:
            return False, None
        return True, _booted_at(kernel32)  # access denied (5): someone's live process
    import ctypes
    from ctypes import wintypes

    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != _STILL_ACTIVE:
            return False, None  # ended; its handle still held by another program
        created, ended, in_kernel, in_user = (wintypes.FILETIME() for _ in range(4))
        if not kernel32.GetProcessTimes(
            handle,
            ctypes.byref(created),
            ctypes.byref(ended),
            ctypes.byref(in_kernel),
            ctypes.byref(in_user),
        ):
            return True, _booted_at(kernel32)
        ticks = created.dwHighDateTime << 32 | created.dwLowDateTime  # 100 ns since 1601
        return True, ticks / 10_000_000 - _FILETIME_START
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


def _started_at(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), where the system tells (Linux;
    Windows: :func:`_asked_on_windows`)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        booted = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return booted + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


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


def run_holding(folder: Path) -> tuple[int, float] | None:
    """The run that holds ``folder``'s lock now: its process id and when it wrote the lock (the
    lock file's modification time, seconds since the epoch). None with no lock there, one
    still being written (no process id in it yet) or one a run that no longer exists left.
    Only read: `giamngheo check` asks it of the history's folder (session 63)."""
    lock = RunLock(folder)
    holder, written = lock._holder(), lock._written()
    if holder <= 0 or written is None or not _alive(holder, written):
        return None
    return holder, written


class RunLock:
    def __init__(self, folder: Path, wait_seconds: float = 20.0):
        self.path = folder / LOCK_NAME
        self.wait_seconds = wait_seconds
        self.held = False
        # The folders acquire() made for the lock (the output folder and any missing parent,
        # deepest first): removed again at release() if the run left nothing in them.
        self.made: list[Path] = []

    def _holder(self) -> int:
        """The process id in the lock file; 0 while another run is still writing it (a file
        just created and still empty), -1 when it holds none."""
        try:
            text = self.path.read_text(encoding="ascii")
            # (either way: a lock written "in the future" by a clock set back since, after a
            # power cut, is not one being written now; it was held for ever)
            if not text.strip() and abs(time.time() - self.path.stat().st_mtime) < FRESH_SECONDS:
                return 0
            return int(text.split()[0])
        except (OSError, ValueError, IndexError):
            return -1

    def _written(self) -> float | None:
        try:
            return self.path.stat().st_mtime
        except OSError:
            return None

    def acquire(self) -> None:
        folder = self.path.parent
        self.made = []
        while not os.path.lexists(folder) and folder.parent != folder:
            self.made.append(folder)
            folder = folder.parent
        make_folder(self.path.parent)  # (taken before the run stages its outputs)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                holder = self._holder()
                if holder != 0 and not _alive(holder, self._written()):
                    # a run that died left its lock behind: recover it
                    try:
                        self.path.unlink()
                    except FileNotFoundError:
                        pass
                    except OSError as err:  # a folder of that name, a lock not ours to remove
                        reason = os_reason(err)
                        raise OutputError(
                            Message(
                                f"Không gỡ được khóa cũ '{folder_named(self.path)}': {reason}.",
                                f"Cannot remove the old lock '{folder_named(self.path)}': "
                                f"{reason.en}.",
                            )
                        ) from None
                    continue
                if time.monotonic() >= deadline:
                    # the folder named once, the lock in it by its name (session 60)
                    folder, lock = folder_named(self.path.parent), self.path.name
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
                reason = os_reason(err)
                raise OutputError(
                    Message(
                        f"Không ghi được vào thư mục kết quả '{folder_named(self.path.parent)}': {reason}.",
                        f"Cannot write to the output folder '{folder_named(self.path.parent)}': "
                        f"{reason.en}.",
                    )
                ) from None
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(f"{os.getpid()}\n")
            self.held = True
            self._sweep()
            return

    def _sweep(self) -> None:
        """Tidy what a killed run left behind (no other run can be writing now): its temporary
        files go; a file or folder it had set aside to replace (``.NAME.PID.old``, see
        pipeline.output.Staged) is put back if nothing took its place, else it goes."""
        folder = self.path.parent
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

    def release(self) -> None:
        if self.held and self._holder() == os.getpid():
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
