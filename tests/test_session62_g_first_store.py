"""Session 62 (G): a new history store is made in the transaction that stores the first month
(one commit: SQLite syncs its journal, its folder and the store once, not twice), and a first
write cut off (the first run into a folder killed as it stores, or the power cut) is put back
by the next run as SQLite puts it back, to nothing, and made again as a new store
(docs/decisions.md, "Session 62: a new history store made in its first month's transaction")."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.runner import ROOT, run_cli

# The file change counter SQLite writes in a store's header (bytes 24-27, big-endian): one more
# at each transaction that changed the file (sqlite.org/fileformat.html).
CHANGE_COUNTER = slice(24, 28)


def _transactions(path) -> int:
    return int.from_bytes(path.read_bytes()[CHANGE_COUNTER], "big")


def test_a_first_run_makes_its_store_and_stores_the_month_in_one_transaction(commune, tmp_path):
    """Before: the tables were made and committed first, then the month in a second
    transaction (the counter read 2); a second month adds one transaction."""
    out = tmp_path / "out"
    execute(commune, out)
    path = out / HISTORY_FILE
    assert _transactions(path) == 1
    assert [p["period"] for p in HistoryStore(path).periods()] == ["2024-05"]
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    execute(commune, out)  # May again: one transaction more, no table made again
    assert _transactions(path) == 2
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT run_id, replaced_run FROM runs").fetchall() == [
            (1, None),
            (2, 1),
        ]


def test_the_store_is_owner_only_and_no_store_is_left_by_a_first_run_that_stops(
    commune, tmp_path, monkeypatch
):
    """A first run stopping as it stores (its outputs failing to go in place) leaves no store,
    as before (session 47): the tables made in the same transaction are rolled back with it."""
    from pipeline import output

    out = tmp_path / "out"

    def refused(self, journal=None, run=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.Staged, "commit", refused)
    try:
        execute(commune, out)
    except KeyboardInterrupt:
        pass
    assert not (out / HISTORY_FILE).exists()
    assert not (out / f"{HISTORY_FILE}-journal").exists()
    monkeypatch.undo()
    execute(commune, out)
    assert (out / HISTORY_FILE).stat().st_mode & 0o077 == 0


# A new store's first write cut off, as SQLite leaves it: the file made, its journal beside it,
# the process killed before the commit (the tables of a store made by session 30's code, or the
# month's transaction since session 62). ``written``: SQLite's cache held to one page and more
# rows than it holds, so that it writes the store itself before the commit (its journal synced
# first, saying the store had no page before).
FIRST_WRITE_CUT_OFF = (
    "import os, sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "conn.execute('PRAGMA cache_size = 1')\n"
    "conn.execute('BEGIN IMMEDIATE')\n"
    "conn.execute('CREATE TABLE runs (run_id INTEGER PRIMARY KEY, summary TEXT)')\n"
    "if sys.argv[2] == 'written':\n"
    "    for _ in range(200):\n"
    "        conn.execute('INSERT INTO runs (summary) VALUES (?)', ('x' * 3000,))\n"
    "os._exit(0)\n"
)


def test_a_store_whose_first_write_was_cut_off_is_made_again_by_the_next_run(commune, tmp_path):
    """Before: the next run stopped on 'an empty file (0 bytes), perhaps damaged in a copy' (or,
    the store written, on a store damaged: SQLite put it back to no table), `check` saying the
    same, both telling the officer to delete or restore it. Now `check` says a write cut off
    that the next run puts back; the run makes the store and stores May."""
    files = [str(commune / "NaMon.xlsx"), str(commune / "BanCo.xlsx")]
    for how in ("empty", "written"):
        out = tmp_path / how
        out.mkdir()
        path = out / HISTORY_FILE
        subprocess.run([sys.executable, "-c", FIRST_WRITE_CUT_OFF, str(path), how], check=True)
        journal = out / f"{HISTORY_FILE}-journal"
        assert journal.exists()  # as SQLite leaves it
        assert (path.stat().st_size == 0) == (how == "empty")
        assert journal.read_bytes()[16:20] == bytes(4)  # no page before the write
        checked = run_cli("check", *files, "--output", str(out))
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert checked.stdout.splitlines()[0] == (
            f"Bên cạnh kho lịch sử '{path}' còn tệp 'lich-su.sqlite-journal': một lần ghi vào "
            "kho đã bị ngắt giữa chừng (có thể một lần chạy trước bị ngắt khi đang lưu). Lần "
            "chạy tới sẽ tự đưa kho về như trước lần ghi đó rồi tổng hợp tiếp; đừng xóa hay "
            "chuyển tệp đó đi. Các tệp dưới đây vẫn được kiểm tra, nhưng không so với các kỳ "
            "đã lưu."
        )
        ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
        assert (ran.returncode, ran.stderr) == (0, ""), how
        assert not journal.exists()
        assert [p["period"] for p in HistoryStore(path).periods()] == ["2024-05"]
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("SELECT run_id FROM runs").fetchall() == [(1,)]
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# The first run into a folder killed (SIGKILL: no clean-up of its own) as it stores: its outputs
# put in place, the history's transaction not committed.
KILLED_IN_FIRST_COMMIT = (
    "import os, sys\n"
    "from pathlib import Path\n"
    "from pipeline import output\n"
    "commit = output.Staged.commit\n"
    "def die(self, journal=None, run=None):\n"
    "    commit(self, journal, run)\n"
    "    os._exit(9)\n"
    "output.Staged.commit = die\n"
    "from pipeline.run import execute\n"
    "execute(Path(sys.argv[1]), Path(sys.argv[2]))\n"
)


def test_a_first_run_killed_as_it_stores_leaves_the_next_run_its_folder_as_before(
    commune, tmp_path
):
    """The same before and after session 62 (before: a store with its tables, and the month's
    write to put back; now an empty store beside its journal). The workbook the killed run put
    in place is taken back by the next run's lock (no history holds that run), the store made
    again; the run then stores May: run 1, the figures of a run never killed."""
    out = tmp_path / "out"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_IN_FIRST_COMMIT, str(commune), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert killed.returncode == 9, killed.stderr
    path = out / HISTORY_FILE
    assert (out / ".giamngheo-commit.json").exists()
    assert (out / "2024-05" / "TongHop_2024-05.xlsx").exists()  # put in place, then killed
    assert (out / f"{HISTORY_FILE}-journal").exists()
    ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert not (out / f"{HISTORY_FILE}-journal").exists()
    assert not (out / ".giamngheo-commit.json").exists()
    assert not list(out.rglob(".*.old")) and not list(out.rglob(".*.tmp"))
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT run_id, period FROM runs").fetchall() == [(1, "2024-05")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    never = tmp_path / "never"
    execute(commune, never)
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text())
    again = json.loads((never / "2024-05" / "TongHop_2024-05.json").read_text())
    assert summary["totals"] == again["totals"] and summary["hamlets"] == again["hamlets"]
