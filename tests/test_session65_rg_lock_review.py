"""Session 65, review of G's lock (RG): the breaker ('.giamngheo.lock.breaking') told by who
holds it, removed only by its own run, and a run stopped while another recovers a stale lock
told so, not that the dead run is writing.

Before: a breaker was removed 5 s after a run first saw it, whoever held it (a live run slowed
that long lost it, and a second recovery began beside it); a run whose breaker had been taken
meanwhile removed the other run's breaker and set the lock aside all the same; a run whose
wait ended while another run held the breaker said the dead run was writing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import lock as lock_module
from pipeline.lock import LOCK_NAME, RunLock, this_computer
from pipeline.messages import in_language
from pipeline.output import OutputError
from tests.test_session63_f3_shared_lock import dead_pid
from tests.test_session64_b_lock_identity import LockClock

HERE = this_computer()
BREAKER = LOCK_NAME + ".breaking"
BOOT = Path("/proc/sys/kernel/random/boot_id").read_text().strip()


def who_of(pid: int) -> str:
    """Process ``pid`` as a lock names it on Linux, read by hand: the boot's id and its start
    (field 22 of /proc/PID/stat)."""
    return f"{BOOT}:{Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()[19]}"


def taking_over(folder: Path) -> str:
    return (
        f"Một lần chạy khác đang tiếp quản '{folder}' từ một lần chạy đã dừng. Hãy đợi một lát "
        "rồi chạy lại. Nếu lỗi này lặp lại và chắc chắn không còn lần chạy nào, hãy xóa tệp "
        f"'{BREAKER}' trong thư mục đó."
    )


@pytest.fixture
def sleeper():
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield other.pid
    other.kill()
    other.wait()


def _breaker(pid: int, started: str | None) -> str:
    """A breaker as this version writes it: the run's lines, ``taken``, a token, ``started``."""
    lines = [str(pid), f"computer={HERE}", f"taken={time.time()!r}", "token=0123456789abcdef"]
    return "\n".join(lines + ([f"started={started}"] if started else [])) + "\n"


def _dead_lock(out: Path) -> Path:
    out.mkdir(exist_ok=True)
    lock = out / LOCK_NAME
    lock.write_text(f"{dead_pid()}\ncomputer={HERE}\ntaken={time.time()!r}\n", encoding="ascii")
    return lock


def test_a_run_stopped_while_another_recovers_the_dead_lock_says_so(tmp_path):
    """A dead lock, and a breaker (another run recovering it: session 65 G's, a number and a
    token, told by no process) seen less than 5 s: a run that does not wait stops saying that
    another run is taking the folder over and which file to delete if it repeats; nothing is
    moved. Before: 'Một lần chạy khác (tiến trình <the dead run>) đang ghi …'."""
    out = tmp_path / "out"
    lock = _dead_lock(out)
    dead = lock.read_text(encoding="ascii")
    (out / BREAKER).write_text("4242\nabcdef\n", encoding="ascii")
    with pytest.raises(OutputError) as stopped:
        RunLock(out, wait_seconds=0).acquire()
    assert in_language(stopped.value.args[0], "vi") == taking_over(out)
    assert stopped.value.args[0].en == (
        f"Another run is taking over '{out}' from a run that stopped. Wait a moment, then run "
        f"again. If this happens again and you are sure no run is going on, delete the file "
        f"'{BREAKER}' in it."
    )
    assert lock.read_text(encoding="ascii") == dead
    assert (out / BREAKER).read_text(encoding="ascii") == "4242\nabcdef\n"


def test_a_breaker_whose_run_is_dead_here_is_removed_at_once(monkeypatch, tmp_path):
    """A breaker naming a process of this computer that no longer runs (a run killed in the
    microseconds it held it): the next run removes it at once, not after 5 s, and recovers
    the dead lock too; the same where it was killed after setting the dead lock aside (the
    lock's place empty, '.giamngheo.lock.<hex>.stale' beside it): the run holds at once and
    the file set aside is removed. Before: 5000 ms of the run's clock."""
    clock = LockClock()
    monkeypatch.setattr(lock_module, "time", clock)
    out = tmp_path / "out"
    _dead_lock(out)
    (out / BREAKER).write_text(_breaker(dead_pid(), f"{BOOT}:12345"), encoding="ascii")
    with RunLock(out, wait_seconds=20) as held:
        assert clock.ms == 0
        assert held.path.read_text(encoding="ascii").split()[0] == str(os.getpid())
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]
    # killed after setting the dead lock aside: the lock's place empty, the file set aside
    (out / BREAKER).write_text(_breaker(dead_pid(), f"{BOOT}:12345"), encoding="ascii")
    (out / f"{LOCK_NAME}.0123456789ab.stale").write_text(f"{dead_pid()}\n", encoding="ascii")
    with RunLock(out, wait_seconds=20):
        assert clock.ms == 0
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]


def test_a_breaker_a_live_run_here_holds_is_not_removed_after_five_seconds(
    monkeypatch, tmp_path, sleeper
):
    """A breaker naming a live process of this computer (a run slowed in the microseconds it
    holds it): a run meeting the dead lock waits its 20 s and stops saying another run is
    taking over, the breaker and the dead lock left to that run. Before: removed at 5 s, the
    dead lock recovered beside the slowed run's recovery (two recoveries at once)."""
    clock = LockClock()
    monkeypatch.setattr(lock_module, "time", clock)
    out = tmp_path / "out"
    lock = _dead_lock(out)
    dead = lock.read_text(encoding="ascii")
    live = _breaker(sleeper, who_of(sleeper))
    (out / BREAKER).write_text(live, encoding="ascii")
    with pytest.raises(OutputError) as stopped:
        RunLock(out, wait_seconds=20).acquire()
    assert in_language(stopped.value.args[0], "vi") == taking_over(out)
    assert 20000 <= clock.ms <= 20200
    assert lock.read_text(encoding="ascii") == dead
    assert (out / BREAKER).read_text(encoding="ascii") == live


def test_a_run_that_took_the_folder_waits_a_minute_for_a_live_runs_breaker(
    monkeypatch, tmp_path, sleeper
):
    """No lock, a live run's breaker: the run creates its lock and, before calling it its own,
    waits while that breaker is there, up to a minute (never for ever), then removes it.
    Before: 5 s."""
    clock = LockClock()
    monkeypatch.setattr(lock_module, "time", clock)
    out = tmp_path / "out"
    out.mkdir()
    (out / BREAKER).write_text(_breaker(sleeper, who_of(sleeper)), encoding="ascii")
    with RunLock(out, wait_seconds=20):
        assert clock.ms == 60000
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]


def test_a_run_whose_breaker_was_taken_meanwhile_moves_nothing(monkeypatch, tmp_path):
    """This run holds the breaker and has judged the dead lock; slowed, its breaker is
    removed and another run's taken in its place. This run neither sets the lock aside nor
    removes the other's breaker: it stops (not waiting) saying another run is taking over.
    Before: it recovered the lock and took the folder, removing the other run's breaker."""
    out = tmp_path / "out"
    lock = _dead_lock(out)
    dead = lock.read_text(encoding="ascii")
    other = "4242\nfedcba\n"
    judged = RunLock._judged

    def breaker_taken_meanwhile(self):
        (out / BREAKER).unlink()
        (out / BREAKER).write_text(other, encoding="ascii")
        return judged(self)

    monkeypatch.setattr(RunLock, "_judged", breaker_taken_meanwhile)
    with pytest.raises(OutputError) as stopped:
        RunLock(out, wait_seconds=0).acquire()
    assert in_language(stopped.value.args[0], "vi") == taking_over(out)
    assert lock.read_text(encoding="ascii") == dead
    assert (out / BREAKER).read_text(encoding="ascii") == other
    assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME, BREAKER]
