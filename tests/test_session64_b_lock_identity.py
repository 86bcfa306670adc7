"""Session 64 (B): what session 63 left of the run's lock (F2's and F3's **Left.**).

(1) Windows wrote no ``started``: a number a dead run wrote that a program started since has was
told by the times only (a clock set back: held; set back between a run's start and its lock:
recovered). The lock now says its process's creation FILETIME there, compared exactly.
(2) Two computers of one name (a disk image copied) were taken for one: the other's number
asked here (dead here: its live lock taken). The lock now says ``machine`` (a hash of the
system's machine id), and on Linux a lock taken on another boot after this one began is not
this computer's.
(3) An empty lock (its writer between creating it and writing it) was told by its file's time
against this clock: a server's clock more than 5 s off made it stale at once. Now by how long
this run sees it empty, on its own monotonic clock.
(4) An older version reads the first word alone: the lock still begins with the pid line.

Windows is driven as in tests/test_session63_f2_windows_lock.py (its ``WindowsOs`` and
``FakeKernel32``, here answering each handle for the process it was opened for); the lock's
clock through ``LockClock`` (lock's ``time`` replaced: its monotonic clock and its sleeps).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from pipeline import lock as lock_module
from pipeline.lock import LOCK_NAME, Holder, RunLock, run_holding
from pipeline.messages import in_language
from pipeline.output import OutputError
from tests.test_session63_f2_windows_lock import MAY_FIRST, MAY_FIRST_TICKS, FakeKernel32, WindowsOs
from tests.test_session63_f3_shared_lock import dead_pid, lock_written

LINUX = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux's /proc")
HERE = os.uname().nodename if hasattr(os, "uname") else ""
# The machine id below, 0123456789abcdef0123456789abcdef, as the lock writes it: the first 16
# hex digits of SHA-256(b"giamngheo-lock\0" + the id), worked out once.
MACHINE_ID = "0123456789abcdef0123456789abcdef"
MACHINE = "592dad94673df245"
# A run's creation FILETIME: May 1st 2024 00:00:00.1234567 UTC (MAY_FIRST_TICKS + 1,234,567).
CREATED = 133_589_952_001_234_567


class LockClock:
    """lock's ``time``: ``monotonic`` counted in whole milliseconds from 0, advanced only by
    ``sleep`` (each sleep recorded, ``on_sleep`` called with the number of sleeps so far);
    ``time`` this computer's clock plus the time slept."""

    def __init__(self, on_sleep=None):
        self.ms = 0
        self.sleeps = 0
        self.on_sleep = on_sleep

    def monotonic(self) -> float:
        return self.ms / 1000

    def time(self) -> float:
        return time.time() + self.ms / 1000

    def sleep(self, seconds: float) -> None:
        self.ms += round(seconds * 1000)
        self.sleeps += 1
        if self.on_sleep is not None:
            self.on_sleep(self.sleeps)


@pytest.fixture
def clock(monkeypatch):
    """The lock's clock replaced: returns a function giving it a LockClock."""

    def use(on_sleep=None) -> LockClock:
        fake = LockClock(on_sleep)
        monkeypatch.setattr(lock_module, "time", fake)
        return fake

    return use


@pytest.fixture
def machine(monkeypatch, tmp_path):
    """This computer's machine id set to MACHINE_ID (lock's machine-id files replaced)."""
    id_file = tmp_path / "machine-id"
    id_file.write_text(MACHINE_ID + "\n", encoding="ascii")
    monkeypatch.setattr(lock_module, "_MACHINE_ID_FILES", (str(id_file),))
    cached = lock_module.this_machine  # (replaced by a lambda in the Windows tests)
    cached.cache_clear()
    yield MACHINE
    cached.cache_clear()


class Kernel32(FakeKernel32):
    """F2's fake kernel32, each handle answered for the process it was opened for (a run asks
    its own process as it takes a lock, after asking the lock's)."""

    def __init__(self, processes: dict, uptime_ms: int = 0):
        super().__init__(processes, uptime_ms)
        self.pid_of: dict[int, int] = {}

    def OpenProcess(self, access, inherit, pid):
        handle = super().OpenProcess(access, inherit, pid)
        if handle:
            self.pid_of[handle] = pid
        return handle

    def _process(self, handle):
        return self.processes[self.pid_of[handle]]


@pytest.fixture
def windows(monkeypatch, machine):
    """Windows for pipeline.lock (lock's ``os`` named 'nt', ``_kernel32`` the given fake), its
    machine id MACHINE as this computer's."""
    monkeypatch.setattr(lock_module, "os", WindowsOs())
    monkeypatch.setattr(lock_module, "this_machine", lambda: MACHINE)

    def with_kernel32(kernel32: Kernel32) -> Kernel32:
        monkeypatch.setattr(lock_module, "_kernel32", lambda: kernel32, raising=False)
        return kernel32

    return with_kernel32


def _stopped(folder: Path, wait_seconds: float = 0) -> OutputError:
    with pytest.raises(OutputError) as caught:
        RunLock(folder, wait_seconds=wait_seconds).acquire()
    return caught.value


def _older_reads(lock: Path) -> int:
    """The process id an older version (session 62's ``RunLock._holder``) reads in a lock."""
    return int(lock.read_text(encoding="ascii").split()[0])


# --- (1) Windows says who its process is --------------------------------------------------------


def test_a_lock_taken_on_windows_says_its_process_creation_filetime(windows, tmp_path):
    """Before: no 'started' line on Windows (and no 'machine', no 'booted'). The computer up
    an hour: 'booted' is the lock's time less 3600 s, in whole seconds."""
    kernel32 = windows(Kernel32({os.getpid(): (CREATED, 259)}, uptime_ms=3_600_000))
    out = tmp_path / "out"
    with RunLock(out, wait_seconds=0) as held:
        lines = held.path.read_text(encoding="ascii").splitlines()
        assert lines[:3] == [str(os.getpid()), f"computer={HERE}", f"machine={MACHINE}"]
        assert lines[3].startswith("taken=")
        assert lines[4] == "started=133589952001234567"
        taken = float(lines[3][6:])
        assert lines[5:] == [f"booted={round(taken - 3600)}"] or lines[5:] == [
            f"booted={round(taken - 3600) + 1}"  # (the clock read again a moment after)
        ]
        assert _older_reads(held.path) == os.getpid()
    assert kernel32.calls == [
        ("OpenProcess", 0x1000, False, os.getpid()),
        ("GetExitCodeProcess", 0x100),
        ("GetProcessTimes", 0x100),
        ("CloseHandle", 0x100),
        ("GetTickCount64",),  # 'booted', as the lock is taken
    ]  # (released as its own by its text, no clock asked: session 64, RB)
    assert not (out / LOCK_NAME).exists()


def test_a_number_a_program_started_since_has_on_windows_is_told_by_its_creation(windows, tmp_path):
    """A run created at CREATED took its lock at 01:00 and died; the clock was then set back
    an hour, and a program started at 00:01 by it has the number now. By the times it started
    before the lock was taken (00:01 <= 01:00 + 1 s): held, every run stopped while that
    program lives. Its FILETIME is not the lock's: recovered."""
    later = MAY_FIRST_TICKS + 60 * 10_000_000  # 00:01:00
    kernel32 = windows(Kernel32({4242: (later, 259)}))
    out = tmp_path / "out"
    lock_written(out, f"4242\ncomputer={HERE}\nmachine={MACHINE}\ntaken={MAY_FIRST + 3600}.0\n"
               f"started={CREATED}\n")  # fmt: skip
    assert run_holding(out) is None
    assert kernel32.names() == [
        "OpenProcess", "GetExitCodeProcess", "GetProcessTimes", "CloseHandle"
    ]  # fmt: skip
    with RunLock(out, wait_seconds=0) as held:
        assert _older_reads(held.path) == os.getpid()


def test_a_live_run_on_windows_is_held_by_its_creation_though_the_clock_went_back(
    windows, tmp_path
):
    """The run created at 00:00:00.12; the clock set back an hour before it wrote its lock
    (taken 23:00 the day before). By the times it started after its lock (recovered: a live
    run's lock taken); its FILETIME is the lock's: held."""
    windows(Kernel32({4242: (CREATED, 259)}))
    out = tmp_path / "out"
    lock_written(out, f"4242\ncomputer={HERE}\nmachine={MACHINE}\ntaken={MAY_FIRST - 3600}.0\n"
               f"started={CREATED}\n")  # fmt: skip
    assert run_holding(out)[0] == 4242
    assert in_language(_stopped(out).args[0], "vi").startswith(
        "Một lần chạy khác (tiến trình 4242) đang ghi vào"
    )
    assert _older_reads(out / LOCK_NAME) == 4242


def test_another_accounts_process_on_windows_is_still_told_by_the_computers_start(
    windows, tmp_path
):
    """A guard: a process that will not be asked (access denied) tells no FILETIME; the lock's
    'started' is not compared, the computer's start is (F2): up a minute, a lock of an hour ago
    is a dead run's."""
    windows(Kernel32({4242: "denied"}, uptime_ms=60_000))
    out = tmp_path / "out"
    an_hour_ago = time.time() - 3600
    lock_written(out, f"4242\ncomputer={HERE}\nmachine={MACHINE}\ntaken={an_hour_ago!r}\n"
               f"started={CREATED}\n")  # fmt: skip
    assert run_holding(out) is None


# --- (2) two computers of one name --------------------------------------------------------------


def test_the_lock_says_this_computers_machine(machine, tmp_path):
    """Before: no 'machine' line."""
    with RunLock(tmp_path / "out", wait_seconds=0) as held:
        lines = held.path.read_text(encoding="ascii").splitlines()
        assert lines[:3] == [str(os.getpid()), f"computer={HERE}", "machine=592dad94673df245"]
        assert _older_reads(held.path) == os.getpid()


def test_another_computer_of_this_name_is_told_by_its_machine_and_held(machine, tmp_path):
    """Two office computers both named as this one (one disk image), the other's run live: its
    number is dead here. Before: asked here, recovered (its live lock taken)."""
    pid = dead_pid()
    out = tmp_path / "out"
    lock = lock_written(out, f"{pid}\ncomputer={HERE}\nmachine=17cfb09e0516a0c3\n"
                      f"taken={time.time()!r}\n")  # fmt: skip
    message = _stopped(out).args[0]
    assert in_language(message, "vi") == (
        f"Một lần chạy trên máy tính khác ('{HERE}', tiến trình {pid}) đang ghi vào '{out}'. "
        f"Hãy đợi lần chạy đó xong rồi chạy lại. Nếu lần chạy trên máy '{HERE}' đã bị ngắt "
        f"giữa chừng (tắt máy, mất điện) và không còn chạy, hãy xóa tệp '{LOCK_NAME}' trong "
        f"thư mục đó. Máy đó có cùng tên '{HERE}' với máy này: hãy đặt tên khác cho một trong "
        "hai máy."
    )
    assert in_language(message, "en") == (
        f"A run on another computer ('{HERE}', process {pid}) is writing to '{out}'. Wait for "
        f"it to finish, then run again. If that run on '{HERE}' was cut off (the computer shut "
        f"down, a power cut) and is no longer going on, delete the file '{LOCK_NAME}' in it. "
        f"That computer has the same name '{HERE}' as this one: give one of the two another "
        "name."
    )
    assert run_holding(out) == Holder(pid, lock.stat().st_mtime, HERE)
    assert _older_reads(lock) == pid


def test_this_computers_own_lock_is_asked_here_and_a_dead_one_recovered(machine, tmp_path):
    """A guard: this name, this machine, a dead number: recovered (as before)."""
    out = tmp_path / "out"
    lock_written(out, f"{dead_pid()}\ncomputer={HERE}\nmachine={MACHINE}\ntaken={time.time()!r}\n")
    assert run_holding(out) is None
    with RunLock(out, wait_seconds=0) as held:
        assert _older_reads(held.path) == os.getpid()


def test_a_machine_this_computer_does_not_tell_is_not_compared(monkeypatch, tmp_path):
    """No machine id here (no file): a lock naming one is asked here as before (a dead number
    recovered), never held for ever."""
    monkeypatch.setattr(lock_module, "_MACHINE_ID_FILES", (str(tmp_path / "none"),))
    lock_module.this_machine.cache_clear()
    try:
        assert lock_module.this_machine() is None
        out = tmp_path / "out"
        lock_written(out, f"{dead_pid()}\ncomputer={HERE}\nmachine=17cfb09e0516a0c3\n")
        assert run_holding(out) is None
    finally:
        lock_module.this_machine.cache_clear()


def test_windows_machine_guid_is_read_from_the_registry(monkeypatch):
    """Windows' MachineGuid (HKLM\\SOFTWARE\\Microsoft\\Cryptography), through winreg, its
    64-bit view; hashed as Linux's id, lower case. Before: no such function."""
    asked = []

    class Key:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def open_key(root, where, reserved, access):
        asked.append((root, where, reserved, access))
        return Key()

    def query(key, name):
        asked.append(name)
        return "6F1E0A52-3C1D-4E2B-9A7F-2B8C4D5E6F70", 1  # (REG_SZ)

    fake = types.SimpleNamespace(HKEY_LOCAL_MACHINE=0x80000002, KEY_READ=0x20019,
                                 KEY_WOW64_64KEY=0x0100, OpenKey=open_key,
                                 QueryValueEx=query)  # fmt: skip
    monkeypatch.setitem(sys.modules, "winreg", fake)
    monkeypatch.setattr(lock_module, "os", WindowsOs())
    lock_module.this_machine.cache_clear()
    try:
        assert lock_module.this_machine() == "17cfb09e0516a0c3"
    finally:
        lock_module.this_machine.cache_clear()
    assert asked == [
        (0x80000002, r"SOFTWARE\Microsoft\Cryptography", 0, 0x20119), "MachineGuid"
    ]  # fmt: skip


@LINUX
def test_a_lock_taken_on_another_boot_since_this_one_began_is_another_computers(tmp_path):
    """This name and machine id (a disk image copied whole, its machine id too), a lock taken
    ten seconds ago on another boot: an earlier boot of this computer ended before this one
    began, so another computer wrote it: held. Before: another boot, recovered (taken).
    An hour before this boot began: this computer's own before a restart, recovered (F3)."""
    pid = dead_pid()
    out = tmp_path / "out"
    lock = lock_written(out, f"{pid}\ncomputer={HERE}\ntaken={time.time() - 10!r}\n"
                      "started=00000000-0000-0000-0000-000000000000:4242\n")  # fmt: skip
    assert f"Máy đó có cùng tên '{HERE}' với máy này" in in_language(_stopped(out).args[0], "vi")
    assert run_holding(out) == Holder(pid, lock.stat().st_mtime, HERE)
    # a lock "in the future" (this clock set back since): this computer's own, recovered
    lock_written(out, f"{pid}\ncomputer={HERE}\ntaken={time.time() + 86400!r}\n"
               "started=00000000-0000-0000-0000-000000000000:4242\n")  # fmt: skip
    assert run_holding(out) is None


def test_another_windows_computer_of_this_name_and_machine_is_told_by_its_start(windows, tmp_path):
    """Two Windows computers copied from one image without sysprep: one name, one MachineGuid.
    The other started two hours ago and took its lock ten seconds ago; this one has been up ten
    minutes, its number 4242 is no process here. Its start is not this one's, and its lock was
    taken since this computer started: another computer's, held. Before: asked here, no such
    process, recovered (its live lock taken)."""
    kernel32 = windows(Kernel32({}, uptime_ms=600_000))
    out = tmp_path / "out"
    now = time.time()
    text = (f"4242\ncomputer={HERE}\nmachine={MACHINE}\ntaken={now - 10!r}\n"
            f"started={CREATED}\nbooted={round(now - 7200)}\n")  # fmt: skip
    lock_written(out, text)
    message = in_language(_stopped(out).args[0], "vi")
    assert message.startswith(f"Một lần chạy trên máy tính khác ('{HERE}', tiến trình 4242)")
    assert message.endswith(f"Máy đó có cùng tên '{HERE}' với máy này: hãy đặt tên khác cho "
                            "một trong hai máy.")  # fmt: skip
    # never asked here (this run asks its own process first, as it works out its lines: B2)
    assert all(call[-1] != 4242 for call in kernel32.calls if call[0] == "OpenProcess")
    # this computer's own lock (started ten minutes ago, give or take a second): asked, dead
    lock_written(out, text.replace(f"booted={round(now - 7200)}", f"booted={round(now - 601)}"))
    assert run_holding(out) is None
    # the other start's lock taken an hour before this computer started: this computer's own
    # before a restart, asked here: dead, recovered
    lock_written(out, text.replace(f"taken={now - 10!r}", f"taken={now - 3600!r}"))
    with RunLock(out, wait_seconds=0) as held:
        assert _older_reads(held.path) == os.getpid()


# --- (3) an empty lock and a server's clock ------------------------------------------------------


@pytest.mark.parametrize("off", [-10, 10, -3600])
def test_an_empty_lock_on_a_server_whose_clock_is_off_is_held_then_recovered(clock, tmp_path, off):
    """The lock just created, still empty, its time by a server 10 s behind, 10 s ahead or an
    hour behind. Before: stale at once (its time 5 s or more from this clock), removed while
    its writer was about to write: two runs. Now held while this run has seen it empty less
    than 5 s: a run waiting 2 s stops, the lock untouched; one waiting 20 s takes it after
    exactly 5 s (25 sleeps of 0.2 s), as a run killed between creating and writing it left it."""
    fake = clock()
    out = tmp_path / "out"
    lock = lock_written(out, "", modified=time.time() + off)
    inode = lock.stat().st_ino
    # (since B2: "vừa bắt đầu ghi", no longer "tiến trình 0")
    assert "Một lần chạy khác vừa bắt đầu ghi vào" in in_language(
        _stopped(out, wait_seconds=2).args[0], "vi"
    )
    assert lock.read_text() == "" and lock.stat().st_ino == inode
    assert fake.ms == 2000
    fake.ms, fake.sleeps = 0, 0
    with RunLock(out, wait_seconds=20) as held:
        assert (fake.ms, fake.sleeps) == (5000, 25)
        assert _older_reads(held.path) == os.getpid()


def test_an_empty_lock_its_writer_fills_meanwhile_is_held(clock, tmp_path):
    """The server's clock 10 s behind; the writer (a live process) writes its lines during the
    second run's first wait: the second run then waits on its lock, stops naming it, and the
    lock is the writer's. Before: the empty lock removed at once and this run's taken."""
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        out = tmp_path / "out"
        lock = lock_written(out, "", modified=time.time() - 10)

        def writes(sleeps: int) -> None:
            if sleeps == 1:
                lock.write_text(f"{writer.pid}\ncomputer={HERE}\ntaken={time.time() - 1!r}\n",
                                encoding="ascii")  # fmt: skip

        fake = clock(writes)
        message = _stopped(out, wait_seconds=20).args[0]
        assert in_language(message, "vi").startswith(
            f"Một lần chạy khác (tiến trình {writer.pid}) đang ghi vào"
        )
        assert (fake.ms, fake.sleeps) == (20000, 100)
        assert _older_reads(lock) == writer.pid
    finally:
        writer.kill()
        writer.wait()


def test_a_new_empty_lock_is_watched_anew(clock, tmp_path):
    """A stale empty lock removed by another run which then creates its own, still empty, as
    this run watches: watched from when this run first saw the new file (not the old one's
    start): taken at 3 + 5 = 8 s."""
    out = tmp_path / "out"
    lock = lock_written(out, "", modified=time.time() - 600)

    def replaced(sleeps: int) -> None:
        if sleeps == 15:  # at 3 s
            lock.unlink()
            lock_written(out, "", modified=time.time() + 600)

    fake = clock(replaced)
    with RunLock(out, wait_seconds=20):
        assert (fake.ms, fake.sleeps) == (8000, 40)


# --- (4) an older version on the same shared folder ----------------------------------------------


def test_an_older_version_reads_the_lock_this_one_writes_as_this_run(monkeypatch, tmp_path):
    """A guard (passes before): the pid line first, the file ASCII, a name in other letters
    escaped; session 62's reader reads this run's number, also after the lines session 64
    adds."""
    monkeypatch.setattr(lock_module, "this_computer", lambda: "M\\xe1y-X\\xe3")
    monkeypatch.setattr(lock_module, "this_machine", lambda: MACHINE)
    with RunLock(tmp_path / "out", wait_seconds=0) as held:
        raw = held.path.read_bytes()
        assert raw.isascii()
        assert raw.split(b"\n")[0] == str(os.getpid()).encode()
        assert _older_reads(held.path) == os.getpid()
