"""Session 40: the command stopped by a signal other than Ctrl-C. SIGTERM (`kill`, a shutdown)
and SIGHUP (the terminal window closed) end a run as Ctrl-C does: the hidden temporary files
removed, the earlier outputs and the history byte for byte, the one stop line, exit 2. They used
to end it at once, its temporary files left until the next run swept them.

The run is held while both writers (this process: TongHop; the forked side writer: NiemYet)
have a temporary file open: the signal comes at a point the test chooses, not at a time."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.commune import clean_rosters, write_plan
from tests.forking import NEEDS_FORK
from tests.runner import ROOT

# both writers held at once needs the forked side writer: without the fork (GIAMNGHEO_NO_FORK,
# Windows) the one process writes both in turn, each test waiting out its 240 s (session 62)
pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals, fork"),
    NEEDS_FORK,
]

STOPPED = "LỖI: Đã dừng theo yêu cầu; các tệp kết quả cũ vẫn giữ nguyên.\n"

# Each writer writes a first part under its temporary name, says so in the marks folder (a file
# named for the writer and its process id), then waits there until it is let go ('release').
_HELD = """
import os, sys, time
from pathlib import Path
import pipeline.publish as publish

marks = Path(sys.argv[3])

def held(name, write):
    def holding(result, tmp, *rest):
        Path(tmp).write_bytes(b"half written")
        (marks / f"{name}.{os.getpid()}").touch()
        while not (marks / "release").exists():
            time.sleep(0.05)
        return write(result, tmp, *rest)
    return holding

publish.write_consolidated = held("TongHop", publish.write_consolidated)
publish.write_public_list = held("NiemYet", publish.write_public_list)
sys.argv = ["giamngheo", "run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"]
from pipeline.cli import entry
entry()
"""


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    """The small commune (tests/commune.py) with May consolidated once: ``input`` and ``out``."""
    root = tmp_path_factory.mktemp("stored")
    (root / "input").mkdir()
    write_plan(root / "input")
    clean_rosters(root / "input")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(root / "input"), "--output",
         str(root / "out"), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def stops_heard() -> None:
    """In the child before it runs: the stops the tests send, heard. A test runner started in
    the background, by a service or under nohup may have SIGINT or SIGHUP ignored, which the
    command would inherit and keep (as decided: `nohup giamngheo run` goes on when the window
    closes), so each test would wait for a stop that never comes."""
    for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, signal.SIG_DFL)


def _held_run(stored: Path, tmp_path: Path) -> tuple[subprocess.Popen, Path, Path]:
    """May run again, held in both writers; its output folder and its marks folder."""
    out = tmp_path / "out"
    shutil.copytree(stored / "out", out)
    marks = tmp_path / "marks"
    marks.mkdir()
    command = [sys.executable, "-c", _HELD, str(stored / "input"), str(out), str(marks)]
    # Ctrl-C as an officer's terminal delivers it: a test runner started in the background or
    # by a service may have SIGINT ignored, which the command would inherit and keep
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True, preexec_fn=stops_heard)  # fmt: skip
    return process, out, marks


def _writers(marks: Path, process: subprocess.Popen) -> dict[str, int]:
    """Writer name -> its process id, once both hold their temporary file."""
    deadline = time.monotonic() + 240
    while True:
        held = {p.name.split(".")[0]: int(p.name.split(".")[1]) for p in marks.iterdir()}
        if len(held) == 2:
            return held
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the writers were not held: {process.communicate()}")
        time.sleep(0.05)


def _gone(pid: int) -> bool:
    """Whether ``pid`` has ended (a zombie waiting for its parent has)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status


def _temporaries(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob(".*.tmp"))


@pytest.mark.parametrize(
    ("signal_number", "to_group"),
    [(signal.SIGTERM, False), (signal.SIGTERM, True), (signal.SIGHUP, True), (signal.SIGINT, True)],
    ids=[
        "SIGTERM to the command",
        "SIGTERM to its processes",
        "SIGHUP (terminal closed)",
        "Ctrl-C, as before",
    ],
)
def test_a_run_stopped_by_sigterm_or_sighup_leaves_what_was_there_and_no_temporary_file(
    stored, tmp_path, signal_number, to_group
):
    before = _files(stored / "out")
    process, out, marks = _held_run(stored, tmp_path)
    writers = _writers(marks, process)
    assert len(_temporaries(out)) == 2  # TongHop's and NiemYet's, half written
    (os.killpg if to_group else os.kill)(process.pid, signal_number)
    stdout, stderr = process.communicate(timeout=120)
    assert (process.returncode, stdout, stderr) == (2, "", STOPPED)
    assert _temporaries(out) == []
    assert _files(out) == before  # the workbooks, the JSON, the history: byte for byte
    deadline = time.monotonic() + 30
    while not _gone(writers["NiemYet"]):  # no process left behind
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_the_side_writer_alone_stopped_removes_its_file_and_the_run_writes_it(stored, tmp_path):
    """A signal to the forked writer only (not the command) is not a request to stop the run:
    its half-written file goes, and the run writes the public list itself, exit 0."""
    process, out, marks = _held_run(stored, tmp_path)
    side = _writers(marks, process)["NiemYet"]
    os.kill(side, signal.SIGTERM)
    deadline = time.monotonic() + 60
    while not _gone(side):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert [name for name in _temporaries(out) if f".{side}." in name] == []
    (marks / "release").touch()
    stdout, stderr = process.communicate(timeout=240)
    assert (process.returncode, stderr) == (0, "")
    assert _temporaries(out) == []
    public_list = out / "2024-05" / "NiemYet_2024-05.xlsx"
    assert public_list.read_bytes()[:2] == b"PK"  # a workbook, not what the writer began
