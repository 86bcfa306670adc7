"""Work in a forked child: what it returns or raises comes back; a child that dies is noticed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import forked
from pipeline.output import OutputError

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")


def _sum(values, extra=0):
    return sum(values) + extra, os.getpid()


def test_what_the_child_returns_comes_back():
    child = forked.Forked(_sum, [1, 2, 3], 10)
    total, pid = child.result()
    assert total == 16 and pid != os.getpid()
    child.cancel()  # harmless once collected


def _refuse(path):
    raise OutputError(f"Không ghi được '{path}': Permission denied.")


def test_what_the_child_raises_is_raised_here():
    with pytest.raises(OutputError, match="Không ghi được '/x/y.xlsx'"):
        forked.Forked(_refuse, "/x/y.xlsx").result()


def _die():
    os._exit(3)


def _sleep():
    time.sleep(60)


def _kill_self():
    os.kill(os.getpid(), 9)


def test_a_child_that_dies_or_hangs_raises_child_failed():
    with pytest.raises(forked.ChildFailed):
        forked.Forked(_die).result()
    with pytest.raises(forked.ChildFailed):
        forked.Forked(_kill_self).result()
    started = time.monotonic()
    child = forked.Forked(_sleep)
    with pytest.raises(forked.ChildFailed, match="timed out"):
        child.result(timeout=0.5)
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):  # killed and reaped
        os.waitpid(child.pid, os.WNOHANG)


class _Unpicklable(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.handle = lambda: b


def _raise_unpicklable():
    raise _Unpicklable("xấu", 2)


def test_an_exception_that_cannot_travel_comes_back_as_its_text():
    with pytest.raises(RuntimeError, match="_Unpicklable: xấu"):
        forked.Forked(_raise_unpicklable).result()


def test_no_fork_when_told_not_to(monkeypatch):
    monkeypatch.delenv(forked.NO_FORK_VARIABLE, raising=False)  # the suite may run with it set
    assert forked.available()
    monkeypatch.setenv(forked.NO_FORK_VARIABLE, "1")
    assert not forked.available()


def _slow_write(path):
    from pipeline.output import atomic_write

    def write(tmp):
        tmp.write_text("new, half written")
        time.sleep(60)

    atomic_write(path, write)


def test_a_child_stopped_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "NiemYet_2024-05.xlsx"
    target.write_text("old")
    child = forked.Forked(_slow_write, target)
    deadline = time.monotonic() + 10
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    child.cancel(grace=60)  # ends on the interrupt: a kill would leave the temporary file
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert target.read_text() == "old"


def test_a_child_interrupted_as_soon_as_it_is_forked_prints_nothing_and_runs_no_caller_code():
    """A run that fails at once cancels its early reader within microseconds of the fork: the
    interrupt must not print a traceback on the officer's terminal, nor let the child run on
    in the caller's code (which would print 'caller' a second time)."""
    script = (
        "import time\n"
        "from pipeline import forked\n"
        "for _ in range(30):\n"
        "    child = forked.Forked(time.sleep, 5)\n"
        "    child.cancel()\n"
        "print('caller')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0
    assert done.stdout == "caller\n"
    assert done.stderr == ""


CHILD_OF_A_KILLED_PARENT = """
import os, sys, time
from pipeline import forked
parent = os.getpid()
pid = os.fork()
if pid == 0:
    forked.die_with_parent(parent)
    time.sleep(60)
    os._exit(0)
print(pid, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_child_ends_when_its_parent_is_killed(tmp_path):
    """A run killed from the task manager (SIGKILL: no clean-up of its own) takes its reader
    processes with it; they used to stay, blocked on a pipe no one read."""
    script = tmp_path / "parent.py"
    script.write_text(CHILD_OF_A_KILLED_PARENT)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, env=env)
    child = int(parent.stdout.readline())
    os.kill(child, 0)  # alive while its parent is
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(child, 9)
        pytest.fail("the child outlived its killed parent")


def test_a_child_is_stopped_even_when_interrupts_were_ignored(tmp_path):
    """A command started with SIGINT ignored (nohup, a background job, a scheduled task: the
    child inherits the ignored signal) is cancelled all the same: before, the child wrote on
    for its 60 s and put 'new, half written' in place of 'old'."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        test_a_child_stopped_while_writing_leaves_the_old_file_and_no_temporary(tmp_path)
    finally:
        signal.signal(signal.SIGINT, previous)
