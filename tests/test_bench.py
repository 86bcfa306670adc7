"""`bench/bench.py --quick`: the benchmark harness runs end to end on tiny inputs (no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EXPECTED_ROWS = (
    "| commune: giamngheo run",
    "| commune: import only (the modules the run imports)",
    "| commune: import only, then leave like the run",
    "| province: giamngheo run",
    "| province: naive (pandas + openpyxl",
    "| province: read floor (unzip + expat tokenise",
    "| province: expat + Python text handler",
    "| province: the run's reader alone (python-calamine",
    "| linearity: giamngheo run",
)
EXPECTED_TARGETS = (
    "| commune run (fresh process) ≤ 1.3 ×",
    "| province run ≥ 10 × faster than naive",
    "| province reading (run's `read` stage) ≤ 1.5 × read floor",
    "| province run peak memory ≤ 1.5 GB",
    "| linear:",
    "| (information) commune run / importing what it imports and leaving like the run",
    "| (information) the run's reader alone (python-calamine into Python lists",
)


def test_quick_bench_writes_a_results_table(tmp_path):
    results = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, "bench/bench.py", "--quick", "--work", str(tmp_path / "work"),
         "--results", str(results)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    text = results.read_text(encoding="utf-8")
    assert "status: **complete**" in text
    assert "## Machine" in text and "Load average at start" in text
    table = [line for line in text.splitlines() if line.startswith("| ")]
    for start in EXPECTED_ROWS + EXPECTED_TARGETS:
        rows = [line for line in table if line.startswith(start)]
        assert len(rows) == 1, (start, table)
        assert "FAILED" not in rows[0] and "pending" not in rows[0], rows[0]
    for start in EXPECTED_ROWS:
        row = next(line for line in table if line.startswith(start))
        # one repetition, measured; the commune's second-long jobs COMMUNE_REPEAT (5) times as
        # often
        assert ("| 5/5 |" if start.startswith("| commune") else "| 1/1 |") in row, row
    for stage in ("| read |", "| validate |", "| write |", "| total (in-process) |"):
        assert any(line.startswith(stage) for line in table), stage
    # The same table is printed on the screen.
    assert "| province: giamngheo run" in done.stdout
    # Nothing is left behind but the inputs, their stamps and the module list.
    assert not (tmp_path / "work" / "out").exists()


def test_stage_times_are_read_back_from_the_vietnamese_and_the_english_summary():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench
    finally:
        sys.path.remove(str(ROOT / "bench"))
    vi = (
        "Bảng tổng hợp: x.xlsx\nThời gian: đọc tệp 12,34 giây, kiểm tra 1.234,50 giây, "
        "tính số liệu 0,02 giây, ghi kết quả 0,18 giây, lưu lịch sử 0,03 giây; tổng 1.247,07 giây\n"
    )
    assert bench.parse_stages(vi) == {
        "read": 12.34,
        "validate": 1234.5,
        "figures": 0.02,
        "write": 0.18,
        "history": 0.03,
        "total": 1247.07,
    }
    en = "Time: read 0.13s, validate 0.01s, write 2.50s; total 3.40s\n"
    assert bench.parse_stages(en) == {"read": 0.13, "validate": 0.01, "write": 2.5, "total": 3.4}
