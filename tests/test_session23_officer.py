"""Session 23: what the officer finds after a run that stopped."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_end_to_end import run_cli

INPUT = Path(__file__).resolve().parents[1] / "input"


def test_a_run_that_stops_before_writing_leaves_no_empty_output_folder(tmp_path):
    """A folder holding a hamlet's list but no plan: the run stops (exit 2) with the reason.
    It used to leave the output folder it had made for its lock, empty, and its missing
    parent too; they are removed again. A folder that held something before is kept, and
    so is what is in it."""
    folder = tmp_path / "input"
    folder.mkdir()
    shutil.copy(INPUT / "DS_BanCo_2024-05.xlsx", folder)
    done = run_cli("run", "--input", str(folder), "--output", str(tmp_path / "ket-qua" / "2024"))
    assert done.returncode == 2
    assert "Không tìm thấy tệp kế hoạch" in done.stdout + done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input"]
    # an output folder the officer made (empty), and one holding an earlier month's results
    (tmp_path / "rong").mkdir()
    (tmp_path / "cu" / "2024-04").mkdir(parents=True)
    (tmp_path / "cu" / "2024-04" / "TongHop_2024-04.json").write_text("{}")
    for out in ("rong", "cu"):
        assert (
            run_cli("run", "--input", str(folder), "--output", str(tmp_path / out)).returncode == 2
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cu", "input", "rong"]
    assert list((tmp_path / "rong").iterdir()) == []
    assert (tmp_path / "cu" / "2024-04" / "TongHop_2024-04.json").read_text() == "{}"


def test_issues_are_listed_in_the_sheets_order_of_columns_and_rows():
    """'Lỗi dữ liệu' and `check` list a file's issues by row, then column as the sheet has
    them: B4 before AB4 (they were sorted as text: AB4, AC4, B4), B5 before B10; an issue
    with no cell first."""
    from pipeline.types import Issue

    cells = ["AB4", "B10", "", "AC4", "B4", "B5", "Z4"]
    issues = [Issue("unknown-column", file="a.xlsx", sheet="Danh sách", cell=c) for c in cells]
    ordered = [i.cell for i in sorted(issues, key=Issue.sort_key)]
    assert ordered == ["", "B4", "Z4", "AB4", "AC4", "B5", "B10"]
