"""Session 25: the commune run's CPU (issue #6). The early reader's child does not import
again what the runner imports: the reading modules are imported before the fork."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.forking import NEEDS_FORK

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")

# A `giamngheo run` on the shipped sample, in a fresh process, that records what was imported
# when the early reader was forked, what its child imported itself (the child writes it to a
# file, the only way out of it besides its result) and what the runner held at the end.
_PROBE = """
import json, sys
from pathlib import Path
from pipeline import early, forked

out = Path(sys.argv[3])
forks = []
real_init = forked.Forked.__init__

def spy(self, work, *args, **kwargs):
    if work is early._read:
        forks.append(sorted(m for m in sys.modules if m.split(".")[0] in
                            ("pipeline", "pandas", "numpy", "xlsxwriter", "python_calamine")))
    real_init(self, work, *args, **kwargs)

forked.Forked.__init__ = spy
real_read = early._read

def child_read(input_dir):
    before = set(sys.modules)
    done = real_read(input_dir)
    (out / "child.json").write_text(json.dumps(sorted(set(sys.modules) - before)))
    return done

early._read = child_read
from pipeline.cli import main
try:
    main(["run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"])
except SystemExit as done:
    code = done.code
print(json.dumps({"exit": code, "forks": forks, "runner": sorted(sys.modules)}))
"""


def _probe(tmp_path: Path) -> tuple[dict, list[str], subprocess.CompletedProcess]:
    shutil.copytree(ROOT / "input", tmp_path / "input")
    (tmp_path / "probe").mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "input"), str(tmp_path / "out"),
         str(tmp_path / "probe")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    report = json.loads(done.stdout.strip().splitlines()[-1])
    child = json.loads((tmp_path / "probe" / "child.json").read_text())
    return report, child, done


@NEEDS_FORK
def test_the_early_reader_is_forked_with_the_reading_modules_and_imports_nothing_the_runner_does(
    tmp_path,
):
    report, child, done = _probe(tmp_path)
    assert report["exit"] == 0, done.stderr
    # One early reader, forked once the reading modules (and the reader library) are in,
    # pandas, numpy and xlsxwriter still not (they are imported while the child reads).
    (at_fork,) = report["forks"]
    assert {"pipeline.readpool", "pipeline.read", "pipeline.discover", "python_calamine"} <= set(
        at_fork
    )
    assert not [m for m in at_fork if m.split(".")[0] in ("pandas", "numpy", "xlsxwriter")]
    # What the child imported itself is what only reading a file needs (the byte scan of an
    # xlsx, the ods merges, a zip's cp437 names), none of it a module the runner imported.
    assert "pipeline.sheetscan" in child
    assert not set(child) & set(report["runner"])
    # and the run read its files through the child: the sample's 12 hamlets consolidated
    assert "Xóm: 12/12 đã tổng hợp" in done.stdout


def test_without_fork_the_run_imports_the_reading_modules_when_it_reads(tmp_path, monkeypatch):
    """Where there is no fork (GIAMNGHEO_NO_FORK, or not Linux) nothing is imported ahead:
    start_early gives None and the run reads the files itself, with the same summary."""
    from pipeline.early import start_early

    monkeypatch.setenv("GIAMNGHEO_NO_FORK", "1")
    assert start_early(ROOT / "input") is None
    shutil.copytree(ROOT / "input", tmp_path / "input")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(tmp_path / "input"),
         "--output", str(tmp_path / "out"), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Xóm: 12/12 đã tổng hợp, 0 chưa nộp, 0 bị từ chối" in done.stdout


# `giamngheo run` through the command's own entry point (pipeline.start.entry, what the
# `giamngheo` script and `python -m pipeline` call), recording the process's threads once the
# libraries are imported (before the side writer's fork, at which OpenBLAS stops its pool) and
# the BLAS variable the run saw.
_ENTRY_PROBE = """
import json, os, sys
import pipeline.start
import pipeline.cli as cli

seen = {}
real_load = cli._load_runner

def load():
    execute = real_load()
    seen["threads"] = len(os.listdir("/proc/self/task"))
    seen["blas"] = os.environ.get("OPENBLAS_NUM_THREADS")
    return execute

cli._load_runner = load
real_exit = os._exit

def leave(code):
    print(json.dumps({"exit": code, **seen}), flush=True)
    real_exit(code)

os._exit = leave
sys.argv = ["giamngheo", "run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"]
pipeline.start.entry()
"""


def _entry_probe(tmp_path: Path, blas: str | None) -> tuple[dict, subprocess.CompletedProcess]:
    shutil.copytree(ROOT / "input", tmp_path / "input")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if blas is not None:
        env["OPENBLAS_NUM_THREADS"] = blas
    done = subprocess.run(
        [sys.executable, "-c", _ENTRY_PROBE, str(tmp_path / "input"), str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1]), done


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux /proc")
def test_the_command_loads_numpy_without_a_pool_of_blas_threads(tmp_path):
    report, done = _entry_probe(tmp_path, None)
    # the run's own thread alone: numpy's OpenBLAS started none of its own
    assert report == {"exit": 0, "threads": 1, "blas": "1"}, done.stderr
    assert (tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx").is_file()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux /proc")
def test_a_blas_thread_count_set_by_whoever_runs_the_command_is_kept(tmp_path):
    report, done = _entry_probe(tmp_path, "2")
    # OpenBLAS then runs the main thread and one of its own, as asked
    assert report == {"exit": 0, "threads": 2, "blas": "2"}, done.stderr
