"""Session 63 (F2): the run's lock tells a live run from a dead one on Windows too.

`pipeline.lock._alive` asked ``os.kill(pid, 0)``. On Windows signal 0 is CTRL_C_EVENT: CPython's
os.kill calls GenerateConsoleCtrlEvent(0, pid), which does not ask whether the process exists.
For a live run's pid (no console process group) it fails (WinError 87), read as "not alive": a
second run removed a live run's lock and both went on. Now, on Windows, the process is asked
through kernel32 (OpenProcess, GetExitCodeProcess, GetProcessTimes), never by os.kill.

This machine is Linux: the Windows branch is driven by ``WindowsOs`` (lock's ``os`` with the
name 'nt' and an os.kill that records its calls and fails as CPython's does there) and
``FakeKernel32`` (lock._kernel32 replaced), whose processes, answers and times are set by hand.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from pipeline import lock as lock_module
from pipeline.lock import RunLock, run_holding
from pipeline.output import OutputError
from pipeline.types import LOCK_NAME
from tests.runner import ROOT

# 2024-05-01 00:00:00 UTC in seconds since 1970, and as a FILETIME (100-ns ticks since
# 1601-01-01): (1 714 521 600 + 11 644 473 600) × 10^7 = 133 589 952 000 000 000.
MAY_FIRST = 1_714_521_600
MAY_FIRST_TICKS = 133_589_952_000_000_000


class WindowsOs:
    """lock's ``os`` as on Windows: ``name`` 'nt'; ``kill`` recorded and answered as CPython's
    os.kill answers there for a live run's pid (GenerateConsoleCtrlEvent fails: WinError 87)."""

    name = "nt"

    def __init__(self):
        self.killed: list[tuple[int, int]] = []

    def kill(self, pid: int, signal_number: int) -> None:
        self.killed.append((pid, signal_number))
        raise OSError(errno.EINVAL, "The parameter is incorrect")

    def __getattr__(self, name):
        return getattr(os, name)


class FakeKernel32:
    """kernel32 as :func:`pipeline.lock._kernel32` gives it. ``processes``: pid → its creation
    FILETIME (ticks) and exit code (259: still running), or "denied" (another account's).
    ``uptime_ms``: GetTickCount64. Every call is recorded."""

    def __init__(self, processes: dict, uptime_ms: int = 0):
        self.processes = processes
        self.uptime_ms = uptime_ms
        self.calls: list[tuple] = []
        self.last_error = 0
        self.opened: list[int] = []
        self.closed: list[int] = []

    def OpenProcess(self, access, inherit, pid):
        self.calls.append(("OpenProcess", access, inherit, pid))
        found = self.processes.get(pid)
        if found is None:
            self.last_error = 87  # ERROR_INVALID_PARAMETER: no such process
            return None
        if found == "denied":
            self.last_error = 5  # ERROR_ACCESS_DENIED
            return None
        handle = 0x100 + len(self.opened)
        self.opened.append(handle)
        return handle

    def _process(self, handle):
        pid = next(call[3] for call in self.calls if call[0] == "OpenProcess")
        assert handle in self.opened
        return self.processes[pid]

    def GetLastError(self):
        self.calls.append(("GetLastError",))
        return self.last_error

    def GetExitCodeProcess(self, handle, code):
        self.calls.append(("GetExitCodeProcess", handle))
        code._obj.value = self._process(handle)[1]
        return 1

    def GetProcessTimes(self, handle, created, ended, in_kernel, in_user):
        self.calls.append(("GetProcessTimes", handle))
        ticks = self._process(handle)[0]
        created._obj.dwLowDateTime = ticks & 0xFFFFFFFF
        created._obj.dwHighDateTime = ticks >> 32
        return 1

    def CloseHandle(self, handle):
        self.calls.append(("CloseHandle", handle))
        self.closed.append(handle)
        return 1

    def GetTickCount64(self):
        self.calls.append(("GetTickCount64",))
        return self.uptime_ms

    def names(self) -> list[str]:
        return [call[0] for call in self.calls]


@pytest.fixture
def windows(monkeypatch):
    """Windows for pipeline.lock: returns a function giving it a FakeKernel32, and the WindowsOs
    (its os.kill calls)."""
    fake_os = WindowsOs()
    monkeypatch.setattr(lock_module, "os", fake_os)

    def with_kernel32(kernel32: FakeKernel32) -> FakeKernel32:
        monkeypatch.setattr(lock_module, "_kernel32", lambda: kernel32, raising=False)
        return kernel32

    with_kernel32.os = fake_os
    return with_kernel32


def _lock(tmp_path, pid: int, written: float):
    """A lock holding ``pid`` written at ``written`` (seconds since the epoch)."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / LOCK_NAME).write_text(f"{pid}\n", encoding="ascii")
    os.utime(folder / LOCK_NAME, (written, written))
    return folder


def _held_by(folder) -> str:
    return (folder / LOCK_NAME).read_text(encoding="ascii").split()[0]


def test_a_live_run_is_told_alive_and_its_lock_kept(windows, tmp_path):
    """The case that went wrong: a live run (started May 1st, its lock written a second after)
    was told dead by os.kill's WinError 87, its lock removed."""
    kernel32 = windows(FakeKernel32({4242: (MAY_FIRST_TICKS, 259)}))
    folder = _lock(tmp_path, 4242, MAY_FIRST + 1)
    assert run_holding(folder)[:2] == (4242, MAY_FIRST + 1)
    assert kernel32.calls == [
        ("OpenProcess", 0x1000, False, 4242),  # PROCESS_QUERY_LIMITED_INFORMATION
        ("GetExitCodeProcess", 0x100),
        ("GetProcessTimes", 0x100),
        ("CloseHandle", 0x100),
    ]
    with pytest.raises(OutputError, match="tiến trình 4242"):
        RunLock(folder, wait_seconds=0).acquire()
    assert _held_by(folder) == "4242"
    # run_holding's handle, then acquire's (it does not wait: stops at once): both closed
    assert kernel32.opened == kernel32.closed == [0x100, 0x101]
    assert windows.os.killed == []


def test_no_such_process_is_dead_and_its_lock_recovered(windows, tmp_path):
    kernel32 = windows(FakeKernel32({}))
    folder = _lock(tmp_path, 4242, MAY_FIRST + 1)
    assert run_holding(folder) is None
    assert kernel32.calls == [("OpenProcess", 0x1000, False, 4242), ("GetLastError",)]
    with RunLock(folder, wait_seconds=0):
        assert _held_by(folder) == str(os.getpid())
    assert not (folder / LOCK_NAME).exists()
    assert kernel32.opened == [] and "CloseHandle" not in kernel32.names()
    assert windows.os.killed == []


def test_a_run_that_exited_is_dead_though_its_handle_is_held(windows, tmp_path):
    """A process ended (exit code 0, not STILL_ACTIVE 259) whose handle another program still
    holds opens; it is dead: no times asked, its handle closed."""
    kernel32 = windows(FakeKernel32({4242: (MAY_FIRST_TICKS, 0)}))
    folder = _lock(tmp_path, 4242, MAY_FIRST + 1)
    assert run_holding(folder) is None
    assert kernel32.calls == [
        ("OpenProcess", 0x1000, False, 4242),
        ("GetExitCodeProcess", 0x100),
        ("CloseHandle", 0x100),
    ]
    with RunLock(folder, wait_seconds=0):
        assert _held_by(folder) == str(os.getpid())
    assert windows.os.killed == []


def test_a_process_that_started_after_the_lock_was_written_did_not_write_it(windows, tmp_path):
    """After a power cut the number in the lock may be a program's started since. The process
    started May 1st 00:00:00 (its FILETIME): a lock written 2 seconds before then is a dead
    run's; one written half a second before (clocks' rounding: a second's leeway, as on Linux)
    is its own."""
    kernel32 = windows(FakeKernel32({4242: (MAY_FIRST_TICKS, 259)}))
    folder = _lock(tmp_path, 4242, MAY_FIRST - 0.5)
    assert run_holding(folder)[:2] == (4242, MAY_FIRST - 0.5)
    (folder / LOCK_NAME).unlink()
    folder.rmdir()
    folder = _lock(tmp_path, 4242, MAY_FIRST - 2)
    assert run_holding(folder) is None
    with RunLock(folder, wait_seconds=0):
        assert _held_by(folder) == str(os.getpid())
    assert kernel32.opened == kernel32.closed
    assert windows.os.killed == []


def test_another_accounts_process_is_alive_unless_the_computer_started_after_the_lock(
    windows, tmp_path
):
    """Access denied (5): another account's live process, its start not told. The lock was
    written 10 minutes ago: on a computer up for an hour it is held; on one up for a minute
    (restarted since: every process of then is gone) it is a dead run's."""
    kernel32 = windows(FakeKernel32({4242: "denied"}, uptime_ms=3_600_000))
    import time

    written = time.time() - 600
    folder = _lock(tmp_path, 4242, written)
    assert run_holding(folder)[:2] == (4242, written)
    assert kernel32.names() == ["OpenProcess", "GetLastError", "GetTickCount64"]
    with pytest.raises(OutputError, match="tiến trình 4242"):
        RunLock(folder, wait_seconds=0).acquire()
    kernel32.uptime_ms = 60_000
    assert run_holding(folder) is None
    with RunLock(folder, wait_seconds=0):
        assert _held_by(folder) == str(os.getpid())
    assert kernel32.opened == [] and windows.os.killed == []


def test_a_number_no_windows_process_can_have_is_not_asked(windows, tmp_path):
    """A process id is a DWORD: 2^32 in the lock (damaged) is no process."""
    kernel32 = windows(FakeKernel32({}))
    folder = _lock(tmp_path, 2**32, MAY_FIRST + 1)
    assert run_holding(folder) is None
    assert kernel32.calls == [] and windows.os.killed == []


def test_kernel32_not_loaded_holds_the_lock(windows, tmp_path):
    """Where kernel32 cannot be loaded nothing is told: held, never taken for dead."""
    windows(None)
    folder = _lock(tmp_path, 4242, MAY_FIRST + 1)
    assert run_holding(folder)[:2] == (4242, MAY_FIRST + 1)
    assert windows.os.killed == []


def test_linux_asks_by_os_kill_and_never_kernel32(monkeypatch, tmp_path):
    def not_here():
        raise AssertionError("kernel32 asked on Linux")

    monkeypatch.setattr(lock_module, "_kernel32", not_here, raising=False)
    folder = _lock(tmp_path, os.getpid(), MAY_FIRST + 10**9)  # this live process; a lock
    # dated 2056 (after it started)
    assert run_holding(folder)[:2] == (os.getpid(), MAY_FIRST + 10**9)


def test_a_number_too_large_for_a_process_id_is_a_dead_runs_lock(tmp_path):
    """A damaged lock holding 99999999999999999999: os.kill raised OverflowError, the run
    ended with "Lỗi không mong muốn (OverflowError …)". It is no process: recovered."""
    folder = _lock(tmp_path, 99999999999999999999, MAY_FIRST + 1)
    assert run_holding(folder) is None
    with RunLock(folder, wait_seconds=0):
        assert _held_by(folder) == str(os.getpid())


def test_the_lock_loads_no_ctypes_on_linux(tmp_path):
    """The Windows branch's ctypes is imported only there: asking a lock on Linux loads none."""
    folder = _lock(tmp_path, os.getpid(), MAY_FIRST + 10**9)
    script = (
        "import sys\nfrom pathlib import Path\nfrom pipeline.lock import run_holding\n"
        "print(run_holding(Path(sys.argv[1])) is not None, 'ctypes' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.split() == ["True", "False"], done.stderr
