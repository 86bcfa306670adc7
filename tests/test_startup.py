"""An everyday commune run imports only what it needs: the officer waits for Python, not for us."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.forking import NEEDS_FORK

ROOT = Path(__file__).resolve().parents[1]

_PROBE = """
import json, sys
from pipeline.cli import main
try:
    main(["run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"])
except SystemExit as done:
    code = done.code
heavy = ("pandera", "openpyxl", "xlrd", "pydantic", "typeguard")
print(json.dumps({"exit": code, "loaded": sorted(m for m in heavy if m in sys.modules)}))
"""


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def _probe(script: str, tmp_path: Path) -> tuple[dict, subprocess.CompletedProcess]:
    """Run ``script`` on a copy of the shipped sample; the JSON it prints last, and the process."""
    shutil.copytree(ROOT / "input", tmp_path / "input")
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "input"), str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1]), done


def test_a_commune_run_does_not_import_the_validation_or_reading_fallbacks(tmp_path):
    report, done = _probe(_PROBE, tmp_path)
    # pandera states the rules (tests, naive baseline); the run applies them as masks.
    # openpyxl/xlrd are needed only for .xls files and legacy-font checks.
    assert report == {"exit": 0, "loaded": []}, done.stderr
    assert (tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx").is_file()


def test_a_plan_with_a_bad_target_row_still_names_the_cell(tmp_path):
    """The pandera model is imported on demand when the plan's quick check fails."""
    from openpyxl import load_workbook

    shutil.copytree(ROOT / "input", tmp_path / "input")
    plan = next(p for p in (tmp_path / "input").iterdir() if p.name.lower().startswith("kehoach"))
    book = load_workbook(plan)
    sheet = next(ws for ws in book.worksheets if ws.max_row > 5 and ws.title != "Thông tin chung")
    hit = None
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row):
        numbers = [c for c in row if isinstance(c.value, int) and c.value > 50]
        if numbers:
            hit = numbers[0]
            break
    assert hit is not None
    hit.value = "nhiều"  # the hamlet's household count written as a word
    book.save(plan)
    done = _cli(
        "run", "--input", str(tmp_path / "input"), "--output", str(tmp_path / "out"), "--quiet"
    )
    # A hamlet dropped from the plan would change the commune's start rate: the run stops and
    # names the cell (the model was imported to say what is wrong; no traceback).
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"cột {hit.column_letter} 'Tổng số hộ đầu năm' ghi 'nhiều', không phải số" in done.stderr
    assert not (tmp_path / "out" / "2024-05").exists()


_FORK_PROBE = """
import json, sys
from pipeline import forked
seen = []
real = forked.Forked.__init__

def spy(self, work, *args, **kwargs):
    seen.append([getattr(work, "__module__", "") + "." + getattr(work, "__name__", ""),
                 sorted(m for m in ("pandas", "numpy", "xlsxwriter") if m in sys.modules)])
    real(self, work, *args, **kwargs)

forked.Forked.__init__ = spy
from pipeline.cli import main
try:
    main(["run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"])
except SystemExit as done:
    code = done.code
print(json.dumps({"exit": code, "forks": seen}))
"""


@NEEDS_FORK
def test_the_files_are_read_while_the_libraries_are_imported(tmp_path):
    """The early reader is forked before pandas is imported (an import of the error classes
    at start-up once pulled pandas in first); the side files are forked at writing time."""
    report, done = _probe(_FORK_PROBE, tmp_path)
    assert report == {"exit": 0, "forks": [
        ["pipeline.early._read", []],
        ["pipeline.publish._side_files", ["numpy", "pandas", "xlsxwriter"]],
    ]}, done.stderr  # fmt: skip


def test_the_command_ends_as_soon_as_its_output_is_out(tmp_path):
    """`python -m pipeline` leaves without the interpreter's teardown (cli.entry): everything
    it printed still arrives, and the exit codes are the contract's."""
    shutil.copytree(ROOT / "input", tmp_path / "input")
    done = _cli(
        "run", "--input", str(tmp_path / "input"), "--output", str(tmp_path / "out"), "--quiet"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    # the time line broken within 100 characters, its rest under it (session 58, D2)
    assert lines[0].startswith("Kỳ báo cáo 05/2024") and lines[-2].startswith("Thời gian: đọc tệp")
    assert lines[-1].startswith("    ") and "; tổng " in lines[-1]
    missing = _cli("run", "--input", str(tmp_path / "nowhere"), "--output", str(tmp_path / "out"))
    assert missing.returncode == 2
    assert missing.stderr.strip().startswith(
        f"LỖI: Không có thư mục đầu vào '{tmp_path / 'nowhere'}'. Hãy tạo thư mục đó,"
    )
    usage = _cli("run", "--bogus")
    assert usage.returncode == 2 and "--bogus" in usage.stderr


_RUNNER_PROBE = """
import json, sys
from pipeline.cli import main
try:
    main(["run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"])
except SystemExit as done:
    code = done.code
own = ("pipeline.report.feedback", "pipeline.report.public_list", "pipeline.sheetscan",
       "pipeline.odsmerge")
print(json.dumps({"exit": code, "loaded": sorted(m for m in own if m in sys.modules)}))
"""


@NEEDS_FORK
def test_the_runner_leaves_the_side_writers_and_the_byte_scans_to_the_children(tmp_path):
    """A commune run's own process imports what only its forked children use neither with
    the run nor later (docs/decisions.md "Session 16: the commune run's own time"): the
    public list's and the feedback files' writers (the side writer's), the xlsx byte scan and
    the ods merges (the early reader's). Each import is time the officer waits."""
    report, done = _probe(_RUNNER_PROBE, tmp_path)
    assert report == {"exit": 0, "loaded": []}, done.stderr
    assert (tmp_path / "out" / "2024-05" / "NiemYet_2024-05.xlsx").is_file()
