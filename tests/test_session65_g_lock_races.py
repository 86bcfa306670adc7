"""Session 65 (G): the run's lock, from the **Left.** of session 64's B, RB and B2.

(1) Three runs: a run recovering a stale lock set aside a lock taken in that instant (not the
one judged), and a third run took the folder before it could be put back: the one set aside
was lost, and both other runs wrote (B2's Left (a)). Now one run at a time recovers a stale lock
(the breaker, '.giamngheo.lock.breaking'), and a run that has just created the lock reads it
back once no run is recovering one: the run whose lock was set aside finds it gone and waits.
(2) A run killed between setting a lock aside and removing it left
'.giamngheo.lock.<hex>.stale' for ever (B2's Left (b)): now removed by the next run holding
the lock, under the breaker; a breaker a killed run left is removed after 5 s of this run's
own clock.
(3) A Linux computer copied whole (one name, one /etc/machine-id) whose clock runs ahead: its
young lock looked "in the future", this computer's own, and was taken (RB's Left (a)): a lock
now says when its computer started (`booted=`) on Linux too, and RB's Windows rule applies.
(4) A share giving a file another number (or time) as it is renamed: a stale lock was never
removed, the run waited and named a dead process (B2's Left (c)): the lock set aside is now
told by its bytes.

The other runs are real ``RunLock``s in threads, ordered by events at the seams (no sleep is
used to order anything); the lock's clock is B's ``LockClock`` where a wait is counted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline import lock as lock_module
from pipeline.lock import LOCK_NAME, Holder, RunLock, run_holding, this_computer
from pipeline.messages import in_language
from pipeline.output import OutputError
from tests.test_session63_f3_shared_lock import dead_pid
from tests.test_session64_b_lock_identity import LockClock

HERE = this_computer()
BREAKER = LOCK_NAME + ".breaking"


@pytest.fixture
def sleepers():
    """Two live processes' numbers (sleeping Pythons): the other runs' numbers."""
    others = [
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"]) for _ in range(2)
    ]
    yield [other.pid for other in others]
    for other in others:
        other.kill()
        other.wait()


def _run_as(out: Path, pid: int, wait: float) -> RunLock:
    """A run of ``out`` whose lock names process ``pid`` (another run, here in a thread)."""
    run = RunLock(out, wait_seconds=wait)
    run._lines = lambda: ([str(pid), f"computer={HERE}"], [])
    return run


class Thread:
    """``run.acquire()`` in a thread; ``ready`` set as it has written its lock (before reading
    it back: the seam ``_confirming``; a version without it: as it tidies, holding it)."""

    def __init__(self, run: RunLock):
        self.run, self.ready, self.error = run, threading.Event(), None
        self.thread = threading.Thread(target=self._acquire)

    def _acquire(self):
        try:
            self.run.acquire()
        except OutputError as err:
            self.error = err
        finally:
            self.ready.set()

    def start(self):
        self.thread.start()
        assert self.ready.wait(60)


# --- (1) three runs -------------------------------------------------------------------------


def test_a_third_run_taking_the_folder_while_a_lock_is_set_aside_leaves_one_writer(
    monkeypatch, tmp_path, sleepers
):
    """A (this run) judges a dead lock stale and holds the breaker; in that instant the dead
    lock goes (the officer deletes it) and B creates its lock; A sets B's aside (not the one
    judged); C creates its lock in the empty place; A cannot put B's back. Before: B's lock
    removed, B and C both held the folder (two writers). Now B, reading its lock back once A is
    done, finds C's: B holds nothing and stops after its wait naming C; C holds; A stops naming
    C; nothing is left beside the lock."""
    monkeypatch.setattr(lock_module, "BREAKER_SECONDS", 3600.0, raising=False)
    b_pid, c_pid = sleepers
    out = tmp_path / "out"
    out.mkdir()
    lock = out / LOCK_NAME
    lock.write_text(f"{dead_pid()}\ncomputer={HERE}\ntaken={time.time()!r}\n", encoding="ascii")
    a = RunLock(out, wait_seconds=0.3)
    b, c = Thread(_run_as(out, b_pid, 0.3)), Thread(_run_as(out, c_pid, 0.3))
    by_run = {id(b.run): b, id(c.run): c}

    def ready(self):
        if id(self) in by_run:
            by_run[id(self)].ready.set()

    judged, put_back, sweep = RunLock._judged, RunLock._put_back, RunLock._sweep

    def judged_then_b_takes(self):
        if self is a and not b.thread.is_alive() and b.error is None and not b.ready.is_set():
            lock.unlink()  # the lock judged goes (deleted by hand, or its run, judged dead, ends)
            b.start()  # B creates its lock in the empty place, writes it
        return judged(self)

    def c_takes_then_put_back(self, *args):
        if self is a and not c.ready.is_set():
            assert not lock.exists()  # (B's lock set aside)
            c.start()  # C creates its lock in the place left empty
        return put_back(self, *args)

    def sweep_ready(self):
        ready(self)
        return sweep(self)

    monkeypatch.setattr(RunLock, "_judged", judged_then_b_takes)
    monkeypatch.setattr(RunLock, "_put_back", c_takes_then_put_back)
    monkeypatch.setattr(RunLock, "_confirming", ready, raising=False)
    monkeypatch.setattr(RunLock, "_sweep", sweep_ready)
    with pytest.raises(OutputError) as stopped:
        a.acquire()
    b.thread.join(60)
    c.thread.join(60)
    try:
        assert [b.run.held, c.run.held] == [False, True]
        assert lock.read_text(encoding="ascii").split()[0] == str(c_pid)
        said = f"Một lần chạy khác (tiến trình {c_pid}) đang ghi vào '{out}'."
        assert in_language(stopped.value.args[0], "vi").startswith(said)
        assert in_language(b.error.args[0], "vi").startswith(said)
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]
    finally:
        c.run.release()
    assert list(out.iterdir()) == []


def test_a_lock_recovered_and_taken_by_another_run_since_the_judgement_is_not_set_aside(
    monkeypatch, tmp_path, sleepers
):
    """As this run judges a dead lock stale, another run recovers it and takes the folder (a
    real run, to the end). This run, holding the breaker, finds another lock than the one
    judged: judges it anew, held, never moved. Before: renamed aside and put back (B2), its
    place empty meanwhile (a third run's window, test above)."""
    out = tmp_path / "out"
    out.mkdir()
    lock = out / LOCK_NAME
    lock.write_text(f"{dead_pid()}\ncomputer={HERE}\ntaken={time.time()!r}\n", encoding="ascii")
    other = _run_as(out, sleepers[0], 0)
    judged = RunLock._holds
    renamed = []
    rename = os.rename

    def holds_then_another_takes(self, read):
        held = judged(self, read)
        if self is not other and not other.held:
            other.acquire()
        return held

    def watched(source, target):
        renamed.append(Path(source).name)
        return rename(source, target)

    monkeypatch.setattr(RunLock, "_holds", holds_then_another_takes)
    with pytest.raises(OutputError, match=f"tiến trình {sleepers[0]}"):
        monkeypatch.setattr(os, "rename", watched)
        RunLock(out, wait_seconds=0.3).acquire()
    monkeypatch.undo()
    assert other.held and renamed == [LOCK_NAME]  # (the dead lock, by the other run)
    other.release()


def test_a_wait_ending_as_a_recovery_finds_another_lock_names_that_run(
    monkeypatch, tmp_path, sleepers
):
    """A run not waiting (its wait over) judges a dead lock stale; as it holds the breaker,
    another run (an older version's, or the dead lock's own, judged wrongly) puts its lock in
    its place: this run stops naming that run's process, the one now in the lock. Before: the
    number of the dead lock judged, said to be writing."""
    out = tmp_path / "out"
    out.mkdir()
    lock = out / LOCK_NAME
    lock.write_text(f"{dead_pid()}\ncomputer={HERE}\ntaken={time.time()!r}\n", encoding="ascii")
    other = f"{sleepers[0]}\ncomputer={HERE}\ntaken={time.time()!r}\n"

    def another_takes(self):
        if lock.read_text(encoding="ascii") != other:
            lock.unlink()
            lock.write_text(other, encoding="ascii")

    monkeypatch.setattr(RunLock, "_judged", another_takes)
    with pytest.raises(OutputError) as stopped:
        RunLock(out, wait_seconds=0).acquire()
    assert in_language(stopped.value.args[0], "vi").startswith(
        f"Một lần chạy khác (tiến trình {sleepers[0]}) đang ghi vào '{out}'."
    )
    assert lock.read_text(encoding="ascii") == other


# --- (2) what a killed run left beside the lock ---------------------------------------------


def test_locks_a_killed_run_left_set_aside_are_removed_by_the_next_run(tmp_path):
    """A run killed between setting a stale lock (or a stale breaker) aside and removing it
    left it so. The next run, holding the lock and the breaker, removes them. Before: left
    for ever, beside the lock."""
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{LOCK_NAME}.0123456789ab.stale").write_text(f"{dead_pid()}\n", encoding="ascii")
    (out / f"{BREAKER}.a1b2c3d4e5f6.stale").write_text("4242\nabcdef\n", encoding="ascii")
    (out / f"{LOCK_NAME}.ghi-chu.stale").write_text("not ours\n", encoding="utf-8")  # kept
    with RunLock(out, wait_seconds=0):
        assert sorted(path.name for path in out.iterdir()) == [
            LOCK_NAME,
            f"{LOCK_NAME}.ghi-chu.stale",
        ]
    assert [path.name for path in out.iterdir()] == [f"{LOCK_NAME}.ghi-chu.stale"]


def test_a_lock_set_aside_is_kept_while_another_run_holds_the_breaker(monkeypatch, tmp_path):
    """A guard: where another run holds the breaker as this run tidies (it may be between
    setting a lock aside and putting it back), the file set aside stays, for a later run."""
    out = tmp_path / "out"
    out.mkdir()
    aside = out / f"{LOCK_NAME}.0123456789ab.stale"
    aside.write_text("4242\n", encoding="ascii")
    sweep = RunLock._sweep

    def another_recovers(self):
        (out / BREAKER).write_text("4242\nabcdef\n", encoding="ascii")
        return sweep(self)

    monkeypatch.setattr(RunLock, "_sweep", another_recovers)
    with RunLock(out, wait_seconds=0):
        pass
    assert aside.read_text(encoding="ascii") == "4242\n"


def test_a_breaker_a_killed_run_left_is_removed_after_five_seconds(monkeypatch, tmp_path):
    """A run killed while it held the breaker (microseconds) left it. The next run creates its
    lock, then waits while the breaker is there: 5 s of its own clock, then removes it and
    holds the folder, nothing beside its lock. The same with a dead lock to recover: recovered
    at 5 s. Before: the file was nothing to the run, left beside the lock for ever."""
    clock = LockClock()
    monkeypatch.setattr(lock_module, "time", clock)
    out = tmp_path / "out"
    out.mkdir()
    (out / BREAKER).write_text("4242\nabcdef\n", encoding="ascii")
    with RunLock(out, wait_seconds=20):
        assert clock.ms == 5000
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]
    clock.ms = 0
    (out / BREAKER).write_text("4242\nabcdef\n", encoding="ascii")
    (out / LOCK_NAME).write_text(f"{dead_pid()}\ncomputer={HERE}\n", encoding="ascii")
    with RunLock(out, wait_seconds=20) as held:
        assert clock.ms == 5000
        assert held.path.read_text(encoding="ascii").split()[0] == str(os.getpid())
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]


# --- (3) a Linux computer copied whole, its clock ahead --------------------------------------


@pytest.fixture
def copied_linux(monkeypatch):
    """This Linux computer: boot 'this-boot', up 10 minutes, machine id 0123456789abcdef."""
    now = time.time()
    monkeypatch.setattr(lock_module, "_this_boot", lambda: "this-boot")
    monkeypatch.setattr(lock_module, "_booted_now", lambda: now - 600)
    monkeypatch.setattr(lock_module, "this_machine", lambda: "0123456789abcdef")
    return now


def _copy_lock(out: Path, pid: int, taken: float, booted: float) -> Path:
    out.mkdir(exist_ok=True)
    lock = out / LOCK_NAME
    lock.write_text(
        f"{pid}\ncomputer={HERE}\nmachine=0123456789abcdef\ntaken={taken!r}\n"
        f"started=other-boot:4242\nbooted={round(booted)}\n",
        encoding="ascii",
    )
    return lock


def test_a_copied_linux_computers_lock_from_a_clock_ahead_is_held(copied_linux, tmp_path):
    """Its lock taken 110 s "in the future" by this clock, on another boot that began two hours
    ago (by this clock, less its 110 s ahead): another computer's, held with the same-name
    words, never asked here. Before: this computer's own (its clock set back since), its number
    no process here: taken (two writers)."""
    now, pid = copied_linux, dead_pid()
    out = tmp_path / "out"
    lock = _copy_lock(out, pid, now + 110, now - 7080)
    with pytest.raises(OutputError) as stopped:
        RunLock(out, wait_seconds=0).acquire()
    message = in_language(stopped.value.args[0], "vi")
    assert message.startswith(f"Một lần chạy trên máy tính khác ('{HERE}', tiến trình {pid})")
    assert message.endswith(
        f"Máy đó có cùng tên '{HERE}' với máy này: hãy đặt tên khác cho một trong hai máy."
    )
    assert run_holding(out) == Holder(pid, lock.stat().st_mtime, HERE)


def test_a_lock_of_an_earlier_boot_wholly_in_the_future_is_still_this_computers(
    copied_linux, tmp_path
):
    """A guard: a lock a year ahead, its boot a year less an hour ahead (this clock set back a
    year since, a flat battery): this computer's own, its number dead: recovered. And a lock of
    session 64 (no `booted=`) in the future: its own, as before."""
    now, pid = copied_linux, dead_pid()
    year = now + 365 * 86400
    out = tmp_path / "out"
    _copy_lock(out, pid, year, year - 3600)
    with RunLock(out, wait_seconds=0) as held:
        assert held.path.read_text(encoding="ascii").split()[0] == str(os.getpid())
    lock = out / LOCK_NAME
    lock.write_text(
        f"{pid}\ncomputer={HERE}\nmachine=0123456789abcdef\ntaken={now + 110!r}\n"
        "started=other-boot:4242\n",
        encoding="ascii",
    )
    assert run_holding(out) is None


# --- (4) a share renumbering a file as it is renamed ----------------------------------------


def test_a_dead_lock_is_recovered_on_a_share_that_renumbers_a_file_renamed(monkeypatch, tmp_path):
    """A share whose rename gives the file another number and time (played: the file copied to
    its new name, the old removed): the dead lock set aside holds the bytes judged: removed, the
    folder taken. Before: never the same file, put back each time: the run stopped after its
    wait naming the dead process, as if it ran."""
    out = tmp_path / "out"
    out.mkdir()
    lock = out / LOCK_NAME
    pid = dead_pid()
    lock.write_text(f"{pid}\ncomputer={HERE}\ntaken={time.time()!r}\n", encoding="ascii")

    def renumbering(source, target):
        shutil.copyfile(source, target)  # a new file: another number
        os.utime(target, ns=(0, os.stat(source).st_mtime_ns + 1_000_000_000))  # another time
        os.unlink(source)

    monkeypatch.setattr(os, "rename", renumbering)
    with RunLock(out, wait_seconds=0.5) as held:
        assert held.path.read_text(encoding="ascii").split()[0] == str(os.getpid())
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]
