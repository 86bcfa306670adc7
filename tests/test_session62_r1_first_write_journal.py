"""Session 62 (R1, review of G; kept as a guard when the lead took G's change back): a store that
held months, emptied (a copy cut off, a sync tool), with a journal beside it (a later month's
write cut off, a journal left empty): the run stops on the empty file, telling the officer to
restore a copy, and nothing is made in its place (docs/decisions.md, "Session 62: review of G's
new store …" and "Session 62: G's new store in its first month's transaction taken back")."""

from __future__ import annotations

import subprocess
import sys

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.runner import run_cli

# A later month's write to a store that holds months, cut off: SQLite's cache held to one page
# so that it writes the store before the commit (its journal synced first, saying how many
# pages the store had before the write), then the process killed.
LATER_WRITE_CUT_OFF = (
    "import os, sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "conn.execute('PRAGMA cache_size = 1')\n"
    "conn.execute('BEGIN IMMEDIATE')\n"
    "conn.execute('CREATE TABLE spill (x TEXT)')\n"
    "for _ in range(200):\n"
    "    conn.execute('INSERT INTO spill VALUES (?)', ('x' * 3000,))\n"
    "os._exit(0)\n"
)

EMPTY_LINE = (
    "Kho lịch sử '{path}' là tệp rỗng (0 byte), có thể đã bị hỏng khi chép; hãy khôi phục bản "
    "sao. Nếu chưa có kỳ nào được lưu, hãy xóa tệp này rồi chạy lại."
)


def _stored_then_emptied(commune, out, journal_bytes):
    """May stored, then a later write cut off (its journal left, the store's pages before it:
    bytes 16-19 of the journal not 0), then the store emptied; ``journal_bytes`` None keeps
    that journal, else it is replaced by these bytes."""
    execute(commune, out)
    path = out / HISTORY_FILE
    pages = path.stat().st_size // 4096
    assert pages >= 2
    subprocess.run([sys.executable, "-c", LATER_WRITE_CUT_OFF, str(path)], check=True)
    journal = out / f"{HISTORY_FILE}-journal"
    head = journal.read_bytes()[:20]
    assert int.from_bytes(head[16:20], "big") == pages  # the store's pages before that write
    if journal_bytes is not None:
        journal.write_bytes(journal_bytes)
    path.write_bytes(b"")  # emptied: the months are in no file now but the officer's copy
    return path, journal


def test_an_emptied_store_beside_a_later_writes_journal_stops_the_run_as_before(commune, tmp_path):
    """With G's change (a new store made in its first month's transaction, a first write cut
    off made new again), before R1's review: taken for a first write cut off, the store was made
    new and May stored in it as run 1, the officer told nothing of the months lost."""
    for name, journal_bytes in (("hot", None), ("empty-journal", b"")):
        out = tmp_path / name
        path, journal = _stored_then_emptied(commune, out, journal_bytes)
        assert not HistoryStore(path).cut_off()
        ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
        assert ran.returncode != 0, name
        assert EMPTY_LINE.format(path=path) in ran.stdout + ran.stderr, name
        assert path.stat().st_size == 0, name  # nothing made in its place
        assert journal.exists(), name
