"""Session 47: `giamngheo history` only reads the history, as `check` does: it opens it as `check`
opens it (history_read.open_read_only) and leaves the output folder as it was, bytes and times; a
store held is said in `check`'s words. And `check` says a store that becomes damaged, another
program's or newer while it compares the files with it, as it says one held meanwhile."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.history as history
from pipeline.cli import main
from pipeline.history import HISTORY_FILE
from pipeline.run import execute
from tests.runner import run_cli
from tests.test_session46_journal import CUT_OFF
from tests.test_session47_wal import BC4_GONE, held_as_may_runs_again, may_with_bc4, to_wal
from tests.test_session47_wal import files_with_times as _under


def folder_with_times(folder: Path) -> dict[str, tuple]:
    """The folder's own time, and every file and folder under it: bytes (files) and time."""
    return {".": (None, folder.stat().st_mtime_ns), **_under(folder)}


def _listed(out: Path):
    return run_cli("history", "--output", str(out))


# May's clean lists (tests/commune.py): Nà Mòn 102 + Bản Cọ 200 households; poor NM1, NM5,
# NM6, BC1, BC2 (5: 1,66 %), near-poor NM2, NM4, BC3 (3: 0,99 %); Đồng Kè sent nothing
_MAY = ["2024-05", "302", "5", "1,66", "3", "0,99", "không"]
# with BC4 poor added to Bản Cọ's list: 6 poor (1,99 %)
_MAY_BC4 = ["2024-05", "302", "6", "1,99", "3", "0,99", "không"]


def test_history_of_a_store_in_wal_mode_leaves_the_folder_as_it_was(commune, tmp_path):
    """Before: `history` opened the store as a run does: SQLite made a '-wal' and '-shm' beside
    it and removed them (the folder's time moved). Now nothing in the folder changes, and the
    lines are those of the store before WAL mode."""
    out = tmp_path / "out"
    execute(commune, out)
    ours = _listed(out)
    assert ours.stdout.splitlines()[1].split()[:7] == _MAY
    to_wal(out / HISTORY_FILE)
    before = folder_with_times(out)
    done = _listed(out)
    assert folder_with_times(out) == before
    assert (done.returncode, done.stderr, done.stdout) == (0, "", ours.stdout)


def test_history_reads_what_a_program_holding_the_store_wrote_and_changes_nothing(
    commune, tmp_path
):
    """May run again (BC4 added) while another program holds the store in WAL mode: May's new
    snapshot is in the '-wal' alone. Before: `history` (the program held) wrote into the
    '-shm', and (the program killed) put the '-wal' into the store and removed both files. Now
    it lists May with BC4 and changes nothing, the '-wal' said first as `check` says it."""
    out = tmp_path / "out"
    with held_as_may_runs_again(commune, out) as path:
        before = folder_with_times(out)
        held = _listed(out)
        assert folder_with_times(out) == before
    said = (
        f"Bên cạnh kho lịch sử '{path}' có tệp 'lich-su.sqlite-wal': có thể một chương trình "
        "khác (hay một lần chạy khác) đang ghi vào kho; các tệp được so với các kỳ đã lưu xong. "
        "Nếu đang có một lần chạy, hãy đợi nó xong rồi kiểm tra lại."
    )
    assert (held.returncode, held.stderr) == (0, "")
    lines = held.stdout.splitlines()
    assert (len(lines), lines[0], lines[2].split()[:7]) == (3, said, _MAY_BC4)
    before = folder_with_times(out)  # the program gone, its '-wal' and '-shm' left
    left = _listed(out)
    assert folder_with_times(out) == before
    assert (left.returncode, left.stderr, left.stdout) == (0, "", held.stdout)


def test_history_of_a_write_cut_off_says_it_and_changes_nothing(commune, tmp_path):
    """Session 46's cut-off write (a run killed while storing). Before: `history` put the store
    back (SQLite's rollback: the store written, the journal removed) and listed it. Now it
    says the journal as `check` does, lists nothing (it cannot be read before a run puts it
    back), exit 2, and changes nothing; after a run, May is listed."""
    out = tmp_path / "out"
    execute(commune, out)
    path = out / HISTORY_FILE
    subprocess.run([sys.executable, "-c", CUT_OFF, str(path)], check=True)
    before = folder_with_times(out)
    done = _listed(out)
    assert folder_with_times(out) == before
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"LỖI: Bên cạnh kho lịch sử '{path}' còn tệp 'lich-su.sqlite-journal': một lần ghi vào "
        "kho đã bị ngắt giữa chừng (có thể một lần chạy trước bị ngắt khi đang lưu). Lần chạy "
        "tới sẽ tự đưa kho về như trước lần ghi đó rồi tổng hợp tiếp; đừng xóa hay chuyển tệp "
        "đó đi. Các kỳ đã lưu sẽ được liệt kê sau lần chạy đó.\n"
    )
    ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert (ran.returncode, ran.stderr) == (0, "")
    again = _listed(out)
    assert (again.returncode, again.stdout.splitlines()[1].split()[:7]) == (0, _MAY)


def test_history_says_a_store_held_in_the_words_of_check(commune, tmp_path, monkeypatch):
    """Another program holds the store locked: `history` says it as `check` does (its first
    line, before what `check` adds of the files), exit 2, after `check`'s wait."""
    out = tmp_path / "out"
    execute(commune, out)
    path = out / HISTORY_FILE
    monkeypatch.setattr(history, "READ_ONLY_WAIT", 0.1)
    files = [str(commune / "NaMon.xlsx"), str(commune / "BanCo.xlsx"), "--output", str(out)]
    with closing(sqlite3.connect(path, isolation_level=None)) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        checked = CliRunner().invoke(main, ["check", *files])
        listed = CliRunner().invoke(main, ["history", "--output", str(out)])
        holder.execute("ROLLBACK")
    first = checked.output.splitlines()[0]
    # (`check`'s error line since session 58, D: its code before, the run's stop after)
    held = first.removeprefix("[LỖI] (history-unusable): ").removesuffix(
        " Khi tổng hợp (make hoặc giamngheo run), chương trình cũng sẽ dừng lại vì kho này, "
        "không ghi bảng tổng hợp. Các tệp dưới đây vẫn được kiểm tra, nhưng không so với các kỳ "
        "đã lưu."
    )
    assert (checked.exit_code, held) == (
        1,
        f"Không mở được kho lịch sử '{path}': kho đang bị chương trình khác giữ (một lần chạy "
        "khác, hoặc một phần mềm đang mở tệp này); hãy đóng chương trình đó rồi chạy lại.",
    )
    assert (listed.exit_code, listed.output) == (2, f"LỖI: {held}\n")


# the store as `check` finds it in a later read: what a run says of it (tests/test_faults.py)
_BECOME = {
    "not a store": "Không mở được kho lịch sử '{path}': tệp bị hỏng hoặc không phải kho lịch sử; "
    "hãy khôi phục bản sao hoặc đổi tên tệp này để bắt đầu kho mới.",
    "a damaged page": "Không đọc hay ghi được kho lịch sử '{path}': tệp bị hỏng; hãy khôi phục "
    "bản sao hoặc đổi tên tệp này để bắt đầu kho mới.",
    "foreign": "Tệp '{path}' không phải kho lịch sử của giamngheo (là cơ sở dữ liệu của chương "
    "trình khác); hãy chuyển tệp đó đi nơi khác hoặc chọn thư mục kết quả khác.",
    "newer": "Kho lịch sử '{path}' được tạo bởi phiên bản mới hơn (lược đồ 9); hãy cập nhật "
    "giamngheo.",
}


def _become(path: Path, kind: str, other: Path) -> None:
    """``other``: the store at ``path`` as ``kind`` makes it (a copy, put in its place later)."""
    if kind == "not a store":
        other.write_bytes(b"not a database " * 300)
    elif kind == "foreign":  # another program's database
        with closing(sqlite3.connect(other)) as conn:
            conn.execute("CREATE TABLE contacts (name TEXT)")
    else:
        shutil.copyfile(path, other)
        with closing(sqlite3.connect(other)) as conn:
            if kind == "newer":
                conn.execute("PRAGMA user_version = 9")
                return
            size = conn.execute("PRAGMA page_size").fetchone()[0]
            page = conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'households'"
            ).fetchone()[0]
        with open(other, "r+b") as store:  # the households table's first page overwritten
            store.seek((page - 1) * size)
            store.write(b"\x5a" * size)


@pytest.mark.parametrize("kind", list(_BECOME))
def test_a_store_become_unusable_while_check_compares_is_said(commune, tmp_path, monkeypatch, kind):
    """`check` looks at the store first (what a run stops on), then reads it for each
    comparison. The store replaced, between the two, by one damaged, another program's or made
    by a newer version. Before: the later read's failure was dropped in silence (BC4 gone not
    said, nothing said of the store, exit 0). Now it is said first, as a store found held then
    is, with the files perhaps not compared with every stored period: exit 1."""
    path, args = may_with_bc4(commune, tmp_path)
    alone = CliRunner().invoke(main, args)
    assert (alone.exit_code, alone.output.count(BC4_GONE)) == (0, 1)
    _become(path, kind, tmp_path / "other.sqlite")
    # the store replaced as `check` reads last month's households
    first = _BECOME[kind].format(path=path) + (
        " Các tệp dưới đây đã được kiểm tra, nhưng có thể chưa được so với mọi kỳ đã lưu; hãy "
        "kiểm tra lại."
    )
    checked_as_changed(path, args, alone, lambda: os.replace(tmp_path / "other.sqlite", path),
                        monkeypatch, first)  # fmt: skip


def checked_as_changed(path: Path, args: list[str], alone, change, monkeypatch, first) -> None:
    """`check` of ``args``, ``change`` made to the store as it reads last month's households:
    said first (``first``: the words of a store changed meanwhile) on an error line, the other
    lines those of ``alone`` (the check with nothing changed) without the BC4 warning, that
    error counted on the total (session 58, D), exit 1."""
    read = history.HistoryStore.households
    changed = []

    def changed_first(self, *args, **kwargs):
        if not changed:
            change()
            changed.append(True)
        return read(self, *args, **kwargs)

    monkeypatch.setattr(history.HistoryStore, "households", changed_first)
    said = CliRunner().invoke(main, args)
    assert changed
    assert said.exit_code == 1, said.output
    lines = said.output.splitlines()
    assert lines[0] == f"[LỖI] (history-read-failed): {first}"
    assert lines[1:] == [
        line.replace("0 lỗi, 3 cảnh báo", "1 lỗi, 2 cảnh báo")
        for line in alone.output.splitlines()
        if BC4_GONE not in line
    ]
