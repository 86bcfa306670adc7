"""Session 46: `check` says a journal beside the run's history (a write cut off, which the next
run puts back; another program writing now) and what a run does with it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing

from pipeline.history import HISTORY_FILE
from pipeline.run import execute
from tests.runner import run_cli

# a write to the store cut off: the households' names made long in a small cache (so that SQLite
# syncs the journal and writes the store itself before committing), then the process killed
CUT_OFF = (
    "import os, sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "conn.execute('PRAGMA cache_size = 1')\n"
    "conn.execute('BEGIN IMMEDIATE')\n"
    "conn.execute(\"UPDATE households SET chu_ho = chu_ho || '\" + 'X' * 5000 + \"'\")\n"
    "os._exit(0)\n"
)


def _checked(commune, out):
    files = [str(commune / "NaMon.xlsx"), str(commune / "BanCo.xlsx")]
    return run_cli("check", *files, "--output", str(out))


def test_check_says_a_write_cut_off_that_a_run_puts_back(commune, tmp_path):
    """Before: nothing said, the store silently not compared with (SQLite read-only cannot read
    it). A run puts it back and goes on: `check` says so, exits by the files."""
    out = tmp_path / "out"
    execute(commune, out)
    path = out / HISTORY_FILE
    subprocess.run([sys.executable, "-c", CUT_OFF, str(path)], check=True)
    journal = out / f"{HISTORY_FILE}-journal"
    before = (path.read_bytes(), journal.read_bytes())
    assert journal.read_bytes()[:4] == bytes.fromhex("d9d505f9")  # SQLite's, as synced
    done = _checked(commune, out)
    (tmp_path / "empty").mkdir()
    without = _checked(commune, tmp_path / "empty")
    assert (done.returncode, done.stderr, without.returncode) == (0, "", 0)
    first, *rest = done.stdout.splitlines()
    assert first == (
        f"Bên cạnh kho lịch sử '{path}' còn tệp 'lich-su.sqlite-journal': một lần ghi vào kho "
        "đã bị ngắt giữa chừng (có thể một lần chạy trước bị ngắt khi đang lưu). Lần chạy tới "
        "sẽ tự đưa kho về như trước lần ghi đó rồi tổng hợp tiếp; đừng xóa hay chuyển tệp đó "
        "đi. Các tệp dưới đây vẫn được kiểm tra, nhưng không so với các kỳ đã lưu."
    )
    assert rest == without.stdout.splitlines()
    assert (path.read_bytes(), journal.read_bytes()) == before  # only read
    # the run: the store put back (no name rewritten), the month stored again, nothing said
    ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert not journal.exists()
    with closing(sqlite3.connect(path)) as conn:
        assert (
            conn.execute("SELECT count(*) FROM households WHERE chu_ho LIKE '%XXX%'").fetchone()[0]
            == 0
        )
    again = _checked(commune, out)
    assert again.returncode == 0 and "journal" not in again.stdout


def test_check_says_a_program_writing_the_store_now_and_compares_with_what_is_stored(
    commune, tmp_path
):
    """Before: nothing said. The store can be read as last stored; a run would wait for the
    writer. An empty journal (left by another program's settings) is not said."""
    out = tmp_path / "out"
    execute(commune, out)
    path = out / HISTORY_FILE
    journal = out / f"{HISTORY_FILE}-journal"
    journal.write_bytes(b"")
    quiet = _checked(commune, out)
    assert quiet.returncode == 0 and "journal" not in quiet.stdout
    journal.unlink()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE households SET chu_ho = chu_ho || 'X'")
        assert journal.stat().st_size > 0
        done = _checked(commune, out)
    finally:
        holder.close()
    assert (done.returncode, done.stderr) == (0, "")
    first, *rest = done.stdout.splitlines()
    assert first == (
        f"Bên cạnh kho lịch sử '{path}' có tệp 'lich-su.sqlite-journal': có thể một chương "
        "trình khác (hay một lần chạy khác) đang ghi vào kho; các tệp được so với các kỳ đã lưu "
        "xong. Nếu đang có một lần chạy, hãy đợi nó xong rồi kiểm tra lại."
    )
    assert rest == quiet.stdout.splitlines()  # compared as with no journal
