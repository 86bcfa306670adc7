"""Session 41: a stop (Ctrl-C, SIGTERM, SIGHUP) while the command is still importing, or once
it is done and leaving, ends it as every other stop ends (docs/decisions.md "Session 41: a
stop while the command starts or ends"). Before, a SIGTERM or SIGHUP while importing killed it
(status −15/−1: no line), Ctrl-C ended it quietly with 130; one as it left printed a
KeyboardInterrupt traceback, exit 1.

Each command is held at a point the test chooses (importing click; flushing its output after
the command returned), not at a time."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.runner import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals")

STOPS = [signal.SIGTERM, signal.SIGHUP, signal.SIGINT]
STOP_IDS = ["SIGTERM", "SIGHUP (terminal closed)", "Ctrl-C"]

# `giamngheo history` started as the command starts (pipeline.start.entry), held while click is
# imported: the first import of the command line, before it could catch a stop itself.
_HELD_IMPORTING = """
import sys, time
from pathlib import Path

marks = Path(sys.argv[1])

class Hold:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            (marks / "importing").touch()
            while not (marks / "release").exists():
                time.sleep(0.05)
        return None

sys.meta_path.insert(0, Hold())
sys.argv = ["giamngheo", "history", "--output", sys.argv[2], *sys.argv[3:]]
from pipeline.start import entry
entry()
"""

# `giamngheo history` (pipeline.cli.entry), held as it flushes stderr once the command returned.
_HELD_LEAVING = """
import io, sys, time
from pathlib import Path

marks = Path(sys.argv[1])

class Held(io.TextIOWrapper):
    holding = False

    def flush(self):
        if Held.holding:  # once: whatever is said after it is not held
            Held.holding = False
            (marks / "leaving").touch()
            while not (marks / "release").exists():
                time.sleep(0.05)
        super().flush()

sys.stderr = Held(sys.stderr.buffer, encoding="utf-8", line_buffering=True)
import pipeline.cli as cli

command = cli.main

def main():
    try:
        command()
    finally:
        Held.holding = True

cli.main = main
sys.argv = ["giamngheo", "history", "--output", sys.argv[2]]
cli.entry()
"""


# `giamngheo history` held while click reads its command line (its --output converted).
_HELD_READING = """
import sys, time
from pathlib import Path

import click

marks = Path(sys.argv[1])
convert = click.Path.convert

def held(self, value, param, ctx):
    (marks / "reading").touch()
    while not (marks / "release").exists():
        time.sleep(0.05)
    return convert(self, value, param, ctx)

click.Path.convert = held
sys.argv = ["giamngheo", "history", "--output", sys.argv[2]]
from pipeline.start import entry
entry()
"""


def _ctrl_c_heard() -> None:
    # a test runner started in the background or by a service may have SIGINT ignored, which
    # the command would inherit and keep (as session 40's signals test)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _held(script: str, mark: str, tmp_path: Path, *extra: str) -> subprocess.Popen:
    marks = tmp_path / "marks"
    marks.mkdir()
    (tmp_path / "out").mkdir()
    command = [sys.executable, "-c", script, str(marks), str(tmp_path / "out"), *extra]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=_ctrl_c_heard)  # fmt: skip
    deadline = time.monotonic() + 120
    while not (marks / mark).exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"not held: {process.communicate()}")
        time.sleep(0.05)
    return process


def _ended(process: subprocess.Popen) -> tuple[int, str, str]:
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"still running: {process.communicate()}")
    return process.returncode, stdout, stderr


@pytest.mark.parametrize("signal_number", STOPS, ids=STOP_IDS)
def test_a_stop_while_the_command_is_importing_ends_it_with_the_stop_line(tmp_path, signal_number):
    process = _held(_HELD_IMPORTING, "importing", tmp_path)
    process.send_signal(signal_number)
    assert _ended(process) == (
        2, "", "LỖI: Đã dừng theo yêu cầu; các tệp kết quả cũ vẫn giữ nguyên.\n"
    )  # fmt: skip


def test_a_stop_while_importing_is_said_in_the_language_asked_for(tmp_path):
    process = _held(_HELD_IMPORTING, "importing", tmp_path, "--lang", "en")
    process.send_signal(signal.SIGTERM)
    assert _ended(process) == (
        2, "", "ERROR: Stopped on request; the earlier result files are unchanged.\n"
    )  # fmt: skip


@pytest.mark.parametrize("signal_number", STOPS, ids=STOP_IDS)
def test_a_stop_while_the_command_line_is_read_is_the_stop_line_alone(tmp_path, signal_number):
    """click said an empty line before it (its own Abort)."""
    process = _held(_HELD_READING, "reading", tmp_path)
    process.send_signal(signal_number)
    assert _ended(process) == (
        2, "", "LỖI: Đã dừng theo yêu cầu; các tệp kết quả cũ vẫn giữ nguyên.\n"
    )  # fmt: skip


@pytest.mark.parametrize("signal_number", STOPS, ids=STOP_IDS)
def test_a_stop_once_the_command_is_done_changes_nothing_it_said(tmp_path, signal_number):
    """The command has done its work and said so: it ends with its own status, nothing more
    said (no traceback, no stop line that would say it was not done)."""
    process = _held(_HELD_LEAVING, "leaving", tmp_path)
    process.send_signal(signal_number)
    store = tmp_path / "out" / "lich-su.sqlite"
    assert _ended(process) == (0, f"Chưa có kỳ nào trong {store}.\n", "")
