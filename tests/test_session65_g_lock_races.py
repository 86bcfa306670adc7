"""Session 65 (G): the run's lock, from the **Left.** of session 64's B, RB and B2.

(3) A Linux computer copied whole (one name, one /etc/machine-id) whose clock runs ahead: its
young lock looked "in the future", this computer's own, and was taken (RB's Left (a)): a lock
now says when its computer started (`booted=`) on Linux too, and RB's Windows rule applies.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pipeline import lock as lock_module
from pipeline.lock import LOCK_NAME, Holder, RunLock, run_holding, this_computer
from pipeline.messages import in_language
from pipeline.output import OutputError
from tests.test_session63_f3_shared_lock import dead_pid

HERE = this_computer()


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
