"""Session 63 (F): `check` (and `history`) run while a first run makes the history store.

A first run into an output folder makes the store as it stores its month: SQLite makes the file
(empty) as the run opens it, then the transaction making its tables (history._migrate) writes a
journal beside it and the store only as it commits; the month's transaction comes next. Until
that commit the store is an empty file, and `check` run in a second window said of it the
emptied store's error: "[LỖI] (history-unusable): Kho lịch sử … là tệp rỗng (0 byte), có thể đã
bị hỏng khi chép; hãy khôi phục bản sao …", exit 1: the officer told to restore a copy of a
store that is fine. Now such a store (empty, made since a live run took the folder's lock) is
said being made, and the files are checked as with no month stored.

The run is held in a child process at that point: the real `giamngheo run` of May (the small
commune, tests/commune.py) into a new folder, its `_migrate` given a connection that waits for a
line on stdin before its COMMIT ("commit": the journal beside the store) or before it begins
("open": SQLite has made the file, no journal yet).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from pipeline.history import HISTORY_FILE
from pipeline.types import LOCK_NAME
from tests.runner import ROOT, run_cli

# The real run of argv[1] into argv[2], held in the transaction making the new store's tables:
# before its COMMIT ("commit") or before it begins ("open"); "held" printed, then a line read.
HELD_MAKING = (
    "import sys\n"
    "from pathlib import Path\n"
    "import pipeline.history as history\n"
    "from pipeline.run import execute\n"
    "made, where = history._migrate, sys.argv[3]\n"
    "def hold():\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.readline()\n"
    "class Held:\n"
    "    def __init__(self, conn):\n"
    "        self.conn = conn\n"
    "    def execute(self, sql, *args):\n"
    "        if sql == 'COMMIT' and where == 'commit':\n"
    "            hold()\n"
    "        return self.conn.execute(sql, *args)\n"
    "def migrate(conn, version, fresh=False):\n"
    "    if where == 'open':\n"
    "        hold()\n"
    "    return made(Held(conn), version, fresh)\n"
    "history._migrate = migrate\n"
    "execute(Path(sys.argv[1]), Path(sys.argv[2]))\n"
)

BEING_MADE_VI = (
    "Kho lịch sử '{path}' đang được tạo: một lần chạy khác (tiến trình {pid}) đang lưu kỳ đầu "
    "tiên vào đó, chưa lưu xong. Các tệp dưới đây được kiểm tra như khi chưa có kỳ nào được "
    "lưu; hãy đợi lần chạy đó xong rồi kiểm tra lại để so với kỳ đó."
)
BEING_MADE_EN = (
    "The history store '{path}' is being made: another run (process {pid}) is storing its "
    "first month in it, not finished yet. The files below are checked as with no month "
    "stored; wait for that run to finish, then check again to compare with that month."
)
LISTED_VI = (
    "Kho lịch sử '{path}' đang được tạo: một lần chạy khác (tiến trình {pid}) đang lưu kỳ đầu "
    "tiên vào đó, chưa lưu xong. Chưa có kỳ nào trong kho; hãy đợi lần chạy đó xong rồi xem lại."
)
EMPTY_LINE = (
    "[LỖI] (history-unusable): Kho lịch sử '{path}' là tệp rỗng (0 byte), có thể đã bị hỏng khi "
    "chép; hãy khôi phục bản sao. Nếu chưa có kỳ nào được lưu, hãy xóa tệp này rồi chạy lại. "
    "Khi tổng hợp (make hoặc giamngheo run), chương trình cũng sẽ dừng lại vì kho này, không ghi "
    "bảng tổng hợp. Các tệp dưới đây vẫn được kiểm tra, nhưng không so với các kỳ đã lưu."
)


def _checked(commune, out, *args: str) -> subprocess.CompletedProcess:
    files = [str(commune / "NaMon.xlsx"), str(commune / "BanCo.xlsx")]
    return run_cli("check", *files, "--output", str(out), *args)


@pytest.mark.parametrize("where", ["commit", "open"])
def test_check_while_a_first_run_makes_the_store_says_it_being_made(commune, tmp_path, where):
    out = tmp_path / "out"
    (tmp_path / "empty").mkdir()
    without = _checked(commune, tmp_path / "empty")  # no store at all: what the files say
    store, journal = out / HISTORY_FILE, out / f"{HISTORY_FILE}-journal"
    child = subprocess.Popen(
        [sys.executable, "-c", HELD_MAKING, str(commune), str(out), where],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline() == "held\n"
        # the state a second window meets: an empty store, the run's lock holding its pid,
        # the journal of the tables' transaction beside it once that has begun
        assert store.stat().st_size == 0
        assert journal.exists() == (where == "commit")
        assert (out / LOCK_NAME).read_text().split()[0] == str(child.pid)
        done = _checked(commune, out)
        done_en = _checked(commune, out, "--lang", "en")
        listed = run_cli("history", "--output", str(out))
        assert store.stat().st_size == 0  # only read
    finally:
        child.stdin.write("\n")
        child.stdin.close()
        assert child.wait(120) == 0
    # before: the empty file's error line first, exit 1
    assert (done.returncode, done.stderr) == (0, ""), done.stdout
    first, *rest = done.stdout.splitlines()
    assert first == BEING_MADE_VI.format(path=store, pid=child.pid)
    assert rest == without.stdout.splitlines()  # checked as with no store
    assert done_en.stdout.splitlines()[0] == BEING_MADE_EN.format(path=store, pid=child.pid)
    # `history`: the same words, nothing listed (before: "LỖI: … tệp rỗng …", exit 2)
    assert (listed.returncode, listed.stderr) == (0, "")
    assert listed.stdout.splitlines() == [LISTED_VI.format(path=store, pid=child.pid)]
    # the run went on and stored May: `check` now compares with it, nothing said of the store
    assert not journal.exists() and not (out / LOCK_NAME).exists()
    after = _checked(commune, out)
    assert after.returncode == 0 and "Kho lịch sử" not in after.stdout


def _live_lock(out, store_age: float) -> subprocess.Popen:
    """The folder's lock held by a live process (one that sleeps) and written now, the empty
    store beside it made ``store_age`` seconds before the lock."""
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    (out / LOCK_NAME).write_text(f"{holder.pid}\n", encoding="ascii")
    now = time.time()
    os.utime(out / HISTORY_FILE, (now - store_age, now - store_age))
    return holder


def test_a_store_emptied_before_the_run_holding_the_folder_is_said_empty(commune, tmp_path):
    """A guard of the rule's edge (passes before too): a store emptied before a run took the
    lock (older than the lock) is the emptied store the run itself stops on, said so."""
    out = tmp_path / "out"
    out.mkdir()
    store = out / HISTORY_FILE
    store.write_bytes(b"")
    holder = _live_lock(out, store_age=60)
    try:
        done = _checked(commune, out)
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == EMPTY_LINE.format(path=store)


def test_an_empty_store_beside_a_dead_runs_lock_is_said_empty(commune, tmp_path):
    """A guard (passes before too): a first run killed as it made the store leaves an empty
    store and its lock holding a process no longer there: the empty file, as the next run says
    it (session 62, G's store taken back)."""
    out = tmp_path / "out"
    out.mkdir()
    store = out / HISTORY_FILE
    store.write_bytes(b"")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    (out / LOCK_NAME).write_text(gone.stdout, encoding="ascii")
    done = _checked(commune, out)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == EMPTY_LINE.format(path=store)
