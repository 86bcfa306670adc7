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
from tests.test_session40_signals import stops_heard

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


def _held(script: str, mark: str, tmp_path: Path, *extra: str) -> subprocess.Popen:
    marks = tmp_path / "marks"
    marks.mkdir()
    (tmp_path / "out").mkdir()
    command = [sys.executable, "-c", script, str(marks), str(tmp_path / "out"), *extra]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=stops_heard)  # fmt: skip
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
        2, "", "LỖI: Đã dừng theo yêu cầu; lệnh này chỉ đọc, không ghi tệp nào.\n"
    )  # fmt: skip


def test_a_stop_while_importing_is_said_in_the_language_asked_for(tmp_path):
    process = _held(_HELD_IMPORTING, "importing", tmp_path, "--lang", "en")
    process.send_signal(signal.SIGTERM)
    assert _ended(process) == (
        2, "", "ERROR: Stopped on request; this command only reads and wrote no file.\n"
    )  # fmt: skip


@pytest.mark.parametrize("signal_number", STOPS, ids=STOP_IDS)
def test_a_stop_while_the_command_line_is_read_is_the_stop_line_alone(tmp_path, signal_number):
    """click said an empty line before it (its own Abort)."""
    process = _held(_HELD_READING, "reading", tmp_path)
    process.send_signal(signal_number)
    assert _ended(process) == (
        2, "", "LỖI: Đã dừng theo yêu cầu; lệnh này chỉ đọc, không ghi tệp nào.\n"
    )  # fmt: skip


@pytest.mark.parametrize("signal_number", STOPS, ids=STOP_IDS)
def test_a_stop_once_the_command_is_done_changes_nothing_it_said(tmp_path, signal_number):
    """The command has done its work and said so: it ends with its own status, nothing more
    said (no traceback, no stop line that would say it was not done)."""
    process = _held(_HELD_LEAVING, "leaving", tmp_path)
    process.send_signal(signal_number)
    store = tmp_path / "out" / "lich-su.sqlite"
    assert _ended(process) == (0, f"Chưa có kỳ nào trong {store}.\n", "")


# `giamngheo run` of the small commune, held once its month is stored: in a notice worked out
# after the commit (run.start_list_kept), or as it prints its summary (cli._print_summary).
_HELD_STORED = """
import sys, time
from pathlib import Path
import pipeline.cli as cli
import pipeline.run as run

marks = Path(sys.argv[1])
where = sys.argv[3]

def held(work):
    def holding(*args, **kwargs):
        (marks / "stored").touch()
        while not (marks / "release").exists():
            time.sleep(0.05)
        return work(*args, **kwargs)
    return holding

if where == "notice":
    run.start_list_kept = held(run.start_list_kept)
else:
    cli._print_summary = held(cli._print_summary)
sys.argv = ["giamngheo", "run", "--input", sys.argv[4], "--output", sys.argv[2], "--quiet"]
cli.entry()
"""


@pytest.mark.parametrize(
    ("where", "signal_number"),
    [("notice", signal.SIGTERM), ("summary", signal.SIGINT)],
    ids=["SIGTERM while a notice is worked out", "Ctrl-C while the summary is printed"],
)
def test_a_stop_once_the_month_is_stored_lets_the_run_end_as_it_did(tmp_path, where, signal_number):
    """The month stored, a stop said "Đã dừng theo yêu cầu; các tệp kết quả cũ vẫn giữ nguyên."
    (exit 2): the files had been replaced and the month stored. It is not acted on now: the
    run says its summary and ends 0."""
    from tests.commune import clean_rosters, write_plan

    commune = tmp_path / "input"
    commune.mkdir()
    write_plan(commune)
    clean_rosters(commune)
    process = _held(_HELD_STORED, "stored", tmp_path, where, str(commune))
    process.send_signal(signal_number)
    (tmp_path / "marks" / "release").touch()
    returncode, stdout, stderr = _ended(process)
    assert (returncode, stderr) == (0, "")
    assert stdout.startswith(
        "Kỳ báo cáo 05/2024 — xã Trung Lương (chuẩn nghèo 2022-2025, nông thôn)\n"
    )
    assert f"Đã lưu vào lịch sử: {tmp_path / 'out' / 'lich-su.sqlite'}" in stdout
    assert (tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx").is_file()
