"""Session 64 (RB): review of B's lock (session 64): a run's own lock on Windows, the clock
stepped during the run, is its own at release (removed), whatever ``booted`` says now."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pipeline import lock as lock_module
from pipeline.lock import LOCK_NAME, Holder, RunLock, run_holding
from pipeline.messages import in_language
from pipeline.output import OutputError
from tests import test_session64_b_lock_identity as b
from tests.test_session64_b_lock_identity import CREATED, HERE, MACHINE, Kernel32

# B's fixtures (a fake Windows, this computer's machine id), used here by their names
windows, machine = b.windows, b.machine


def _lock(folder: Path, text: str) -> None:
    folder.mkdir()
    (folder / LOCK_NAME).write_text(text, encoding="ascii")


def _stopped(folder: Path) -> OutputError:
    with pytest.raises(OutputError) as caught:
        RunLock(folder, wait_seconds=0).acquire()
    return caught.value


class SteppedClock:
    """lock's ``time``: the real clock plus ``step`` seconds (set during a run)."""

    def __init__(self):
        self.step = 0.0

    def time(self) -> float:
        return time.time() + self.step

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def test_a_run_whose_windows_clock_is_stepped_forward_removes_its_own_lock(
    windows, monkeypatch, tmp_path
):
    """This computer up an hour; its clock stepped 2 minutes forward while the run works (time
    synchronised). Its lock's 'booted' is now 120 s from this computer's start by the clock
    (more than the minute and 3.6 s of slack), taken more than 60 s after it and not after now:
    before, its own lock looked another computer's of this name at release and was left behind,
    every later run stopped "another computer of the same name"; now removed."""
    windows(Kernel32({os.getpid(): (CREATED, 259)}, uptime_ms=3_600_000))
    clock = SteppedClock()
    monkeypatch.setattr(lock_module, "time", clock)
    out = tmp_path / "out"
    with RunLock(out, wait_seconds=0) as held:
        assert held.path.read_text(encoding="ascii").splitlines()[0] == str(os.getpid())
        clock.step = 120.0
    assert not (out / LOCK_NAME).exists()
    assert run_holding(out) is None


def test_a_following_run_after_the_step_takes_the_folder_at_once(windows, monkeypatch, tmp_path):
    """The same step, then the next run (the clock still stepped): before, the lock left behind
    stopped it with the words of another computer of this computer's name; now it runs."""
    windows(Kernel32({os.getpid(): (CREATED, 259)}, uptime_ms=3_600_000))
    clock = SteppedClock()
    monkeypatch.setattr(lock_module, "time", clock)
    out = tmp_path / "out"
    with RunLock(out, wait_seconds=0):
        clock.step = 120.0
    with RunLock(out, wait_seconds=0) as again:
        assert again.path.read_text(encoding="ascii").splitlines()[0] == str(os.getpid())
    assert not (out / LOCK_NAME).exists()


def test_a_lock_another_computer_wrote_in_its_place_is_not_removed(machine, tmp_path):
    """A guard: the run's lock deleted during the run and another computer's run (by chance of
    this run's number) took the folder: not this run's text, left to it at release."""
    out = tmp_path / "out"
    other = f"{os.getpid()}\ncomputer=PC-KHAC\ntaken={time.time()!r}\n"
    with RunLock(out, wait_seconds=0) as held:
        held.path.unlink()
        held.path.write_text(other, encoding="ascii")
    assert (out / LOCK_NAME).read_text(encoding="ascii") == other


def test_another_windows_computer_of_this_name_whose_clock_is_ahead_is_held(windows, tmp_path):
    """Two Windows computers of one name and one MachineGuid; the other's clock 2 minutes ahead
    of this one's. It started two hours ago and took its lock 10 s ago, by its clock now + 110
    s: "after now" here. Before: taken for this computer's own before a clock was set back,
    its number 4242 asked here (none), its live lock taken. Its start (now - 7080 s by this
    clock) is past: held, the same-name words, never asked here."""
    kernel32 = windows(Kernel32({}, uptime_ms=600_000))
    out = tmp_path / "out"
    now = time.time()
    _lock(out, f"4242\ncomputer={HERE}\nmachine={MACHINE}\ntaken={now + 110!r}\n"
               f"started={CREATED}\nbooted={round(now - 7080)}\n")  # fmt: skip
    message = in_language(_stopped(out).args[0], "vi")
    assert message.startswith(f"Một lần chạy trên máy tính khác ('{HERE}', tiến trình 4242)")
    assert message.endswith(f"Máy đó có cùng tên '{HERE}' với máy này: hãy đặt tên khác cho "
                            "một trong hai máy.")  # fmt: skip
    assert run_holding(out) == Holder(4242, (out / LOCK_NAME).stat().st_mtime, HERE)
    # never asked here (this run asks its own process first, as it works out its lines: B2)
    assert all(call[-1] != 4242 for call in kernel32.calls if call[0] == "OpenProcess")


def test_a_windows_lock_of_a_boot_before_this_clock_was_set_back_is_recovered(windows, tmp_path):
    """A guard (passes before): this computer's own lock, its run killed by a power cut, the
    clock then set back a year (a flat CMOS battery): its 'taken' and its 'booted' both in
    this clock's future. This computer's own: asked here, dead, recovered."""
    windows(Kernel32({}, uptime_ms=600_000))
    out = tmp_path / "out"
    year = time.time() + 365 * 86400
    _lock(out, f"4242\ncomputer={HERE}\nmachine={MACHINE}\ntaken={year!r}\n"
               f"started={CREATED}\nbooted={round(year - 3600)}\n")  # fmt: skip
    assert run_holding(out) is None
    with RunLock(out, wait_seconds=0) as held:
        assert held.path.read_text(encoding="ascii").splitlines()[0] == str(os.getpid())
