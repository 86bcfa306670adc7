"""Session 63, F3: the run's lock in an output folder on a shared drive.

(1) Two computers, one output folder: the lock held a process id alone, and computer B asked its
own system about computer A's process (usually "no such process") and took A's live lock. The
lock now says the computer that wrote it; another computer's lock is held, never asked here.
(2) The lock's time was the file's modification time (on a share, the server's clock) compared
with the process's start (this computer's clock): a server an hour behind made every live run's
lock look stale. The lock now says when it was taken by its own computer's clock, and on Linux
who its process is (the boot and the start in clock ticks): told with no clock.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.lock import LOCK_NAME, Holder, RunLock, computer_said, run_holding
from pipeline.messages import in_language
from pipeline.output import OutputError
from tests.runner import run_cli

LINUX = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux's /proc")
HERE = os.uname().nodename if hasattr(os, "uname") else ""


def dead_pid() -> int:
    """A process id no process has now: a child's that has ended."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(gone.stdout)


def _sleeper() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])


def _who(pid: int) -> str:
    """The process as the lock names it on Linux, read here by hand: this boot's id and the
    process's start (field 22 of /proc/PID/stat, clock ticks since the boot)."""
    boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    ticks = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    return f"{boot}:{ticks}"


def lock_written(folder: Path, text: str, modified: float | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    lock = folder / LOCK_NAME
    lock.write_text(text, encoding="ascii")
    if modified is not None:
        os.utime(lock, (modified, modified))
    return lock


def _stopped(folder: Path) -> OutputError:
    with pytest.raises(OutputError) as caught:
        RunLock(folder, wait_seconds=0).acquire()
    return caught.value


# --- (1) another computer's lock --------------------------------------------------------------


def test_another_computers_lock_is_held_and_named_even_when_its_number_is_dead_here(tmp_path):
    """A dead number here (process ids are per computer): before, recovered and taken."""
    pid = dead_pid()
    out = tmp_path / "out"
    lock = lock_written(out, f"{pid}\ncomputer=MAYXA-02\ntaken={time.time()!r}\n")
    message = _stopped(out).args[0]
    assert in_language(message, "vi") == (
        f"Một lần chạy trên máy tính khác ('MAYXA-02', tiến trình {pid}) đang ghi vào '{out}'. "
        "Hãy đợi lần chạy đó xong rồi chạy lại. Nếu lần chạy trên máy 'MAYXA-02' đã bị ngắt "
        f"giữa chừng (tắt máy, mất điện) và không còn chạy, hãy xóa tệp '{LOCK_NAME}' trong "
        "thư mục đó."
    )
    assert in_language(message, "en") == (
        f"A run on another computer ('MAYXA-02', process {pid}) is writing to '{out}'. Wait for "
        "it to finish, then run again. If that run on 'MAYXA-02' was cut off (the computer shut "
        f"down, a power cut) and is no longer going on, delete the file '{LOCK_NAME}' in it."
    )
    assert lock.read_text(encoding="ascii").splitlines()[:2] == [str(pid), "computer=MAYXA-02"]
    # `check` and `history` ask the same: held, its computer named; the time the file's
    assert run_holding(out) == Holder(pid, lock.stat().st_mtime, "MAYXA-02")


def test_another_computers_name_in_other_letters_is_said_with_them(tmp_path):
    """A name in Vietnamese letters is written ASCII in the lock (so that an older version
    reading it as ASCII still reads the number) and said with its letters."""
    assert computer_said("M\\xe1y-X\\xe3") == "Máy-Xã"
    assert computer_said("MAYXA-02") == "MAYXA-02"
    out = tmp_path / "out"
    lock_written(out, f"{dead_pid()}\ncomputer=M\\xe1y-X\\xe3\ntaken={time.time()!r}\n")
    assert "trên máy tính khác ('Máy-Xã', tiến trình" in in_language(_stopped(out).args[0], "vi")


def test_history_while_another_computer_makes_the_store_names_that_computer(tmp_path):
    """An empty store made since another computer's run took the folder's lock: `history` says
    it being made by that run (before: the lock's dead number here, the empty file's error)."""
    pid = dead_pid()
    out = tmp_path / "out"
    lock_written(out, f"{pid}\ncomputer=MAYXA-02\ntaken={time.time()!r}\n", modified=1_714_521_600)
    store = out / "lich-su.sqlite"
    store.write_bytes(b"")
    os.utime(store, (1_714_521_601, 1_714_521_601))  # a second after the lock, the disk's clock
    done = run_cli("history", "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Kho lịch sử '{store}' đang được tạo: một lần chạy trên máy tính khác ('MAYXA-02', "
        f"tiến trình {pid}) đang lưu kỳ đầu tiên vào đó, chưa lưu xong. Chưa có kỳ nào trong "
        "kho; hãy đợi lần chạy đó xong rồi xem lại."
    ]
    done = run_cli("history", "--output", str(out), "--lang", "en")
    assert done.stdout.splitlines() == [
        f"The history store '{store}' is being made: a run on another computer ('MAYXA-02', "
        f"process {pid}) is storing its first month in it, not finished yet. No month is in it "
        "yet; wait for that run to finish, then look again."
    ]


def test_a_lock_naming_this_computer_is_asked_here_and_a_dead_one_recovered(tmp_path):
    """The new format, this computer's name, a dead number: recovered, and the lock taken says
    this run, this computer, when (this clock) and, on Linux, who this process is."""
    out = tmp_path / "out"
    lock_written(out, f"{dead_pid()}\ncomputer={HERE}\ntaken={time.time()!r}\n")
    before = time.time()
    with RunLock(out, wait_seconds=0) as lock:
        lines = lock.path.read_text(encoding="ascii").splitlines()
        after = time.time()
        assert lines[:2] == [str(os.getpid()), f"computer={HERE}"]
        # (session 64: this computer's machine id, hashed, next: its own test in
        # tests/test_session64_b_lock_identity.py)
        lines = [line for line in lines if not line.startswith("machine=")]
        assert lines[2].startswith("taken=") and before <= float(lines[2][6:]) <= after
        if Path("/proc/self/stat").exists():
            # (session 65, G: then when this computer started, by its clock, as on Windows)
            booted = next(int(line.split()[1]) for line in
                          Path("/proc/stat").read_text().splitlines() if line.startswith("btime "))  # fmt: skip
            assert lines[3] == f"started={_who(os.getpid())}"
            assert lines[4].startswith("booted=") and abs(int(lines[4][7:]) - booted) <= 1
            assert lines[5:] == []
        # this run holds it, on this computer (no computer named)
        assert run_holding(out) == Holder(os.getpid(), lock.path.stat().st_mtime, None)
    assert not (out / LOCK_NAME).exists()


def test_an_older_versions_lock_holding_its_number_alone_is_still_read(tmp_path):
    """A guard (passes before): a lock of the number alone, a live process here: held, the
    words of a run on this computer; a dead one: recovered."""
    out = tmp_path / "out"
    lock_written(out, f"{os.getpid()}\n")
    message = _stopped(out).args[0]
    assert in_language(message, "vi").startswith(
        f"Một lần chạy khác (tiến trình {os.getpid()}) đang ghi vào '{out}'."
    )
    assert run_holding(out) == Holder(os.getpid(), (out / LOCK_NAME).stat().st_mtime, None)
    lock_written(out, f"{dead_pid()}\n")
    with RunLock(out, wait_seconds=0):
        pass


# --- (2) the clocks -----------------------------------------------------------------------------


def test_a_live_runs_lock_on_a_server_an_hour_behind_is_held(tmp_path):
    """The lock file's time an hour before the process started (a server's clock behind), the
    lock's own time (this clock) after: held. Before: the file's time, recovered — a live run's
    lock taken. No 'started' line: told by the times."""
    holder = _sleeper()
    try:
        out = tmp_path / "out"
        lock_written(out, f"{holder.pid}\ncomputer={HERE}\ntaken={time.time()!r}\n",
              modified=time.time() - 3600)  # fmt: skip
        assert in_language(_stopped(out).args[0], "vi").startswith(
            f"Một lần chạy khác (tiến trình {holder.pid}) đang ghi vào"
        )
        assert run_holding(out) is not None
    finally:
        holder.kill()
        holder.wait()


@LINUX
def test_a_live_run_is_told_by_who_it_is_not_by_a_clock_stepped_since(tmp_path):
    """On Linux a process's start is worked out from the clock now: a clock set an hour forward
    during the run makes it look started an hour after its lock. The lock's 'started' (boot id
    and start ticks) says it is the same process: held. Before: recovered (the times)."""
    holder = _sleeper()
    try:
        out = tmp_path / "out"
        an_hour_ago = time.time() - 3600
        lock_written(out, f"{holder.pid}\ncomputer={HERE}\ntaken={an_hour_ago!r}\n"
                   f"started={_who(holder.pid)}\n", modified=an_hour_ago)  # fmt: skip
        assert run_holding(out) is not None
        assert "tiến trình" in in_language(_stopped(out).args[0], "vi")
    finally:
        holder.kill()
        holder.wait()


@LINUX
def test_a_number_another_program_has_now_is_recovered_by_who_it_is(tmp_path):
    """A dead run's number that a program started since has (its start ticks not the lock's),
    its lock dated now: recovered. Before: held (alive, started before the lock's time)."""
    other = _sleeper()
    try:
        out = tmp_path / "out"
        boot, ticks = _who(other.pid).rsplit(":", 1)
        lock_written(out, f"{other.pid}\ncomputer={HERE}\ntaken={time.time()!r}\n"
                   f"started={boot}:{int(ticks) - 1}\n")  # fmt: skip
        assert run_holding(out) is None
        with RunLock(out, wait_seconds=0) as lock:
            assert lock.path.read_text(encoding="ascii").split()[0] == str(os.getpid())
    finally:
        other.kill()
        other.wait()


@LINUX
def test_a_lock_written_before_the_computer_last_started_is_recovered(tmp_path):
    """Another boot's id (a restart since): the number is no longer the run's. Before: held.
    (Session 64: taken an hour before this boot began, as a lock of an earlier boot is; one
    taken on another boot since this one began is another computer's of this name, held:
    tests/test_session64_b_lock_identity.py.)"""
    other = _sleeper()
    try:
        out = tmp_path / "out"
        ticks = _who(other.pid).rsplit(":", 1)[1]
        booted = next(float(line.split()[1]) for line in
                      Path("/proc/stat").read_text().splitlines() if line.startswith("btime "))  # fmt: skip
        lock_written(out, f"{other.pid}\ncomputer={HERE}\ntaken={booted - 3600!r}\n"
                   f"started=00000000-0000-0000-0000-000000000000:{ticks}\n")  # fmt: skip
        assert run_holding(out) is None
    finally:
        other.kill()
        other.wait()
