"""Faults mid-run: kills, locks, open workbooks, unwritable folders. Nothing already written is lost."""

from __future__ import annotations

import errno
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import output as out_mod
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.lock import LOCK_NAME, RunLock
from pipeline.output import OutputError
from pipeline.run import execute
from tests.commune import clean_rosters, write_plan

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals")


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


@pytest.fixture
def commune(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    return folder


def test_a_second_run_waits_then_stops_with_the_holders_pid(commune, tmp_path):
    holder = subprocess.Popen(["sleep", "30"])
    try:
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / LOCK_NAME).write_text(f"{holder.pid}\n")
        with pytest.raises(OutputError, match=str(holder.pid)):
            RunLock(tmp_path / "out", wait_seconds=0.5).acquire()
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_is_recovered(commune, tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / LOCK_NAME).write_text(f"{dead.pid}\n")
    execute(commune, tmp_path / "out")
    assert (tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx").exists()
    assert not (tmp_path / "out" / LOCK_NAME).exists()


def test_an_open_workbook_is_not_overwritten(commune, tmp_path):
    out = tmp_path / "out"
    execute(commune, out)
    workbook = out / "2024-05" / "TongHop_2024-05.xlsx"
    before = workbook.read_bytes()
    (workbook.parent / "~$TongHop_2024-05.xlsx").write_bytes(b"owner")  # Excel has it open
    done = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "TongHop_2024-05 (1).xlsx" in done.stdout
    assert workbook.read_bytes() == before
    assert (workbook.parent / "TongHop_2024-05 (1).xlsx").exists()


def test_a_file_that_cannot_be_replaced_goes_under_a_new_name(tmp_path, monkeypatch):
    target = tmp_path / "TongHop_2024-05.xlsx"
    target.write_bytes(b"old")
    real_replace = os.replace

    def locked(src, dst):
        if Path(dst) == target:
            raise PermissionError(errno.EACCES, "locked by Excel")
        return real_replace(src, dst)

    monkeypatch.setattr(out_mod.os, "replace", locked)
    written = out_mod.atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert written.name == "TongHop_2024-05 (1).xlsx" and written.read_bytes() == b"new"
    assert target.read_bytes() == b"old"


def test_an_unwritable_output_folder_is_one_line_and_exit_2(commune, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    done = run_cli("run", "--input", str(commune), "--output", str(blocker / "out"), "--quiet")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_a_full_disk_keeps_the_previous_outputs(commune, tmp_path, monkeypatch):
    out = tmp_path / "out"
    execute(commune, out)
    json_path = out / "2024-05" / "TongHop_2024-05.json"
    before = json_path.read_bytes()

    def full(path, summary):
        raise OutputError("Không ghi được: No space left on device.")

    import pipeline.publish as publish

    monkeypatch.setattr(publish, "write_json", full)
    with pytest.raises(OutputError):
        execute(commune, out)
    assert json_path.read_bytes() == before
    assert [p["period"] for p in HistoryStore(out / HISTORY_FILE).periods()] == ["2024-05"]


def test_outputs_are_readable_by_the_owner_only(commune, tmp_path):
    out = tmp_path / "out"
    execute(commune, out)
    for path in [
        out / HISTORY_FILE,
        out / "2024-05" / "TongHop_2024-05.xlsx",
        out / "2024-05" / "TongHop_2024-05.json",
    ]:
        assert path.stat().st_mode & 0o077 == 0, path


def test_killed_at_random_points_never_leaves_half_written_outputs(commune, tmp_path):
    """Kill the run at seeded random moments; every file at its real name stays whole."""
    out = tmp_path / "out"
    first = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert first.returncode == 0, first.stderr
    folder = out / "2024-05"
    reference = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    started = time.monotonic()
    run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    duration = time.monotonic() - started
    rng = random.Random(20240501)
    for _ in range(6):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline",
                "run",
                "--input",
                str(commune),
                "--output",
                str(out),
                "--quiet",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Same inputs, deterministic outputs: each file is the old one or a complete new one.
        for name, content in reference.items():
            assert (folder / name).read_bytes() == content, name
        with sqlite3.connect(out / HISTORY_FILE) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [p["period"] for p in HistoryStore(out / HISTORY_FILE).periods()] == ["2024-05"]
    final = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert final.returncode == 0, final.stderr  # the stale lock of a killed run is recovered
    assert not list(out.rglob(".*.tmp")) and not (out / LOCK_NAME).exists()
