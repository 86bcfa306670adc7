"""Session 47: a run that stops leaves the output folder as it was: no history store made
where there was none."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.history import HISTORY_FILE
from tests.runner import run_cli


def _files(folder: Path) -> dict[str, tuple]:
    """Every file under ``folder``: its bytes and modification time; every folder: its name (its
    own time moves as the run's lock and staged files come and go)."""
    found = {}
    for root, folders, files in os.walk(folder):
        for name in folders:
            found[str((Path(root) / name).relative_to(folder))] = ()
        for name in files:
            path = Path(root) / name
            found[str(path.relative_to(folder))] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def test_a_run_stopped_writing_its_outputs_makes_no_history_store(commune, tmp_path):
    """The first run into an output folder, stopped as it writes the workbook (a folder in its
    place). Before: it said "Các tệp kết quả và lịch sử cũ vẫn giữ nguyên" and left a new, empty
    'lich-su.sqlite' (made as the run took the store's write lock)."""
    out = tmp_path / "out"
    (out / "2024-05" / "TongHop_2024-05.xlsx").mkdir(parents=True)
    before = _files(out)
    ran = run_cli("run", "--input", str(commune), "--output", str(out))
    assert ran.returncode == 2
    assert "ở đó là một thư mục chứ không phải tệp" in ran.stderr
    assert "lịch sử cũ vẫn giữ nguyên" in ran.stderr
    assert not (out / HISTORY_FILE).exists()
    assert _files(out) == before
    # the folder put away: the run stores as any first run
    (out / "2024-05" / "TongHop_2024-05.xlsx").rmdir()
    ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert oct((out / HISTORY_FILE).stat().st_mode & 0o777) == "0o600"
