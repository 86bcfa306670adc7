"""Session 47's review of the history store read by `check` (WAL mode, read as unchanging): a
store that changes or cannot be read while `check` compares the files with it is said, never
left out in silence."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path, PureWindowsPath
from urllib.parse import quote

import pytest
from click.testing import CliRunner

import pipeline.history_read as history_read
from pipeline.cli import main
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.test_session47_wal import BC4_GONE, may_with_bc4, to_wal, with_bc4


def test_a_store_another_program_writes_while_check_compares_is_said(
    commune, tmp_path, monkeypatch
):
    """A store in WAL mode with nothing beside it is read as unchanging; another program (DB
    Browser for SQLite) adds a table of its own while `check` reads last month's households.
    Before: what was read was not trusted, the movement warnings were left out (BC4 gone not
    said), nothing said of the store, exit 0. Now the store is said held, as a run would meet
    it, and that the files may not be compared with every stored period: exit 1."""
    path, args = may_with_bc4(commune, tmp_path)
    to_wal(path)
    alone = CliRunner().invoke(main, args)
    assert (alone.exit_code, alone.output.count(BC4_GONE)) == (0, 1)

    read = history_read._Unchanging.execute
    written = []

    def execute_meanwhile(self, sql, *params):
        if "FROM households" in sql and not written:  # the other program writes now
            with closing(sqlite3.connect(path, isolation_level=None)) as other:
                other.execute("CREATE TABLE ghi_chu (noi_dung TEXT)")
            written.append(sql)
        return read(self, sql, *params)

    monkeypatch.setattr(history_read._Unchanging, "execute", execute_meanwhile)
    said = CliRunner().invoke(main, args)
    assert written
    assert said.exit_code == 1, said.output
    lines = said.output.splitlines()
    # an error line, counted on the total, since session 58 (D)
    assert lines[0] == (
        f"[LỖI] (history-read-failed): Không đọc hay ghi được kho lịch sử '{path}': kho đang bị "
        "chương trình khác giữ (một lần chạy khác, hoặc một phần mềm đang mở tệp này); hãy đóng "
        "chương trình đó rồi chạy lại. Các tệp dưới đây đã được kiểm tra, nhưng có thể chưa được "
        "so với mọi kỳ đã lưu; hãy kiểm tra lại."
    )
    # the rest as checked without the BC4 warning the store's households give
    assert lines[1:] == [
        line.replace("0 lỗi, 3 cảnh báo", "1 lỗi, 2 cảnh báo")
        for line in alone.output.splitlines()
        if BC4_GONE not in line
    ]
    monkeypatch.undo()  # the other program gone: checked again, the store read as it is now
    again = CliRunner().invoke(main, args)
    assert (again.exit_code, again.output) == (0, alone.output)


def test_a_run_killed_after_its_history_commit_in_a_folder_named_with_a_hash_is_finished(
    commune, tmp_path, monkeypatch
):
    """A run killed (SIGKILL: no clean-up of its own) just after the history committed, its
    output folder under 'Xã #3'. The next run's lock asks the history whether the run
    committed. Before: the store was named in a 'file:' address unquoted, the '#' cut it there
    and the read-only mode with it: SQLite made an empty file 'Xã ' beside 'Xã #3', found no
    run in it, and the files the run had put in place were taken back while the history kept
    it (May's workbook and the history told two different months). Now the run is finished:
    its files stay, as the history says, and nothing is made outside the output folder."""
    from pipeline import output
    from pipeline.lock import RunLock

    out = tmp_path / "Xã #3" / "ket-qua"
    execute(commune, out)
    json_file = out / "2024-05" / "TongHop_2024-05.json"

    def ban_co(data: dict) -> dict:
        return next(h for h in data["hamlets"] if h["hamlet"] == "Bản Cọ")

    first = ban_co(json.loads(json_file.read_text(encoding="utf-8")))
    with_bc4(commune)

    class Killed(BaseException):
        pass

    def killed(self):
        raise Killed

    monkeypatch.setattr(output.Staged, "undo", lambda self: None)  # no clean-up: it died
    monkeypatch.setattr(output.Staged, "discard", lambda self: None)
    monkeypatch.setattr(output.Staged, "finish", killed)
    with pytest.raises(Killed):
        execute(commune, out)
    monkeypatch.undo()
    assert (out / output.COMMIT_JOURNAL).exists()
    with RunLock(out):
        pass
    assert not (out / output.COMMIT_JOURNAL).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Xã #3", "input"]
    shown = ban_co(json.loads(json_file.read_text(encoding="utf-8")))
    stored = ban_co(HistoryStore(out / HISTORY_FILE).periods()[0])
    assert (shown["households"], shown["poor"]) == (first["households"], first["poor"] + 1)
    assert (stored["households"], stored["poor"]) == (shown["households"], shown["poor"])


def test_a_store_on_a_network_path_is_named_in_an_address_sqlite_opens(commune, tmp_path):
    """A history on a network share ('\\\\server\\share\\…', as Windows resolves a mapped drive):
    Path.as_uri names the server as the 'file:' address's authority, which SQLite refuses, so
    `check` (and the lock's look at a killed run's commit) could not read it. Now written with
    four slashes, SQLite reads the path '//server/share/…'. Tried on Linux, where a path read so
    ('//tmp/…') is '/tmp/…': the store's first folder stands for the server."""
    out = tmp_path / "Xã #3"
    execute(commune, out)
    store = out / HISTORY_FILE
    network = PureWindowsPath("\\\\" + str(store).lstrip("/").replace("/", "\\"))
    server = store.parts[1]
    assert network.as_uri().startswith(f"file://{server}/")
    with pytest.raises(sqlite3.OperationalError, match=f"invalid uri authority: {server}"):
        sqlite3.connect(f"{network.as_uri()}?mode=ro", uri=True)
    assert history_read._uri(network) == "file:///" + quote(str(store))  # four slashes
    assert history_read._uri(PureWindowsPath("C:\\Xã #3\\lich-su.sqlite")) == (
        "file:///C:/X%C3%A3%20%233/lich-su.sqlite"
    )
    with closing(sqlite3.connect(f"{history_read._uri(network)}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT period FROM snapshots").fetchall() == [("2024-05",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Xã #3", "input"]


def test_a_stopped_first_run_never_removes_a_store_holding_a_run(commune, tmp_path, monkeypatch):
    """The first run into a folder makes its store; while it puts its outputs in place the
    officer moves the history back into the folder (from a USB stick: May stored), and the
    run then stops (Ctrl-C). Before: the run removed 'lich-su.sqlite' as a store it had made,
    and May's history with it. Now a store holding a run is never removed: May is still there,
    and the run's outputs are not (nothing of it stored)."""
    from pipeline import output

    kept = tmp_path / "usb"
    execute(commune, kept)
    out = tmp_path / "out"
    place = output.Staged.commit

    def moved_back_then_stopped(self, journal=None, run=None):
        place(self, journal, run)
        (kept / HISTORY_FILE).replace(out / HISTORY_FILE)
        raise KeyboardInterrupt

    monkeypatch.setattr(output.Staged, "commit", moved_back_then_stopped)
    with pytest.raises(KeyboardInterrupt):
        execute(commune, out)
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == [HISTORY_FILE]
    stored = HistoryStore(out / HISTORY_FILE).periods()
    assert [(p["period"], p["run_id"]) for p in stored] == [("2024-05", 1)]


def test_a_store_linked_to_itself_is_said_a_link_to_nothing_by_check(commune, tmp_path):
    """'lich-su.sqlite' a link to itself (a loop: no file behind it). Before: this session's
    look for SQLite's files beside the file linked to (Path.resolve) stopped `check` with
    "Lỗi không mong muốn (RuntimeError: Symlink loop …)", exit 2. Now said as at 94df743: a
    link to nothing, the files checked without the history, exit 1."""
    out = tmp_path / "out"
    out.mkdir()
    (out / HISTORY_FILE).symlink_to(HISTORY_FILE)
    said = CliRunner().invoke(main, ["check", str(commune / "BanCo.xlsx"), "--output", str(out)])
    assert said.exit_code == 1, said.output
    assert said.output.splitlines()[0] == (
        f"[LỖI] (history-unusable): Kho lịch sử '{out / HISTORY_FILE}' là liên kết tới "
        "'lich-su.sqlite', nơi không còn tệp đó; hãy chép chính tệp kho lịch sử vào thư mục kết "
        "quả thay cho liên kết. Nếu chưa có kỳ nào được lưu, hãy xóa liên kết rồi chạy lại. Khi "
        "tổng hợp (make hoặc giamngheo run), chương trình cũng sẽ dừng lại vì kho này, không ghi "
        "bảng tổng hợp. Các tệp dưới đây vẫn được kiểm tra, nhưng không so với các kỳ đã lưu."
    )
    assert sorted(p.name for p in out.iterdir()) == [HISTORY_FILE]


def test_a_wal_gone_as_check_looks_at_it_is_no_unexpected_error(commune, tmp_path, monkeypatch):
    """A store in WAL mode whose '-wal' holds writes (the program holding it killed); the
    program's '-wal' and '-shm' go just as `check` has found the '-wal' and not yet its size
    (that program closing: SQLite removes them). Before: "Lỗi không mong muốn
    (FileNotFoundError …)", exit 2. Now the store is read as it is then: nothing said of it."""
    out = tmp_path / "out"
    execute(commune, out)
    path = out / HISTORY_FILE
    to_wal(path)
    holder = "\n".join(
        [
            "import os, sqlite3, sys",
            "conn = sqlite3.connect(sys.argv[1], isolation_level=None)",
            "conn.execute(\"UPDATE runs SET tool_version = 'x' || tool_version\")",
            "os._exit(0)",
        ]
    )
    subprocess.run([sys.executable, "-c", holder, str(path)], check=True)
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0 and Path(f"{path}-shm").exists()
    args = ["check", str(commune / "BanCo.xlsx"), "--output", str(out)]
    is_file = Path.is_file

    def closing_now(self):
        found = is_file(self)
        if self == wal and found:  # found; the program closes before its size is asked
            for end in ("-wal", "-shm"):
                os.remove(f"{path}{end}")
        return found

    monkeypatch.setattr(Path, "is_file", closing_now)
    said = CliRunner().invoke(main, args)
    assert not wal.exists()
    monkeypatch.undo()
    again = CliRunner().invoke(main, args)  # the store as it is now, read as any
    assert (said.exit_code, said.output) == (again.exit_code, again.output) == (0, again.output)
    assert "kho lịch sử" not in said.output
    assert sorted(p.name for p in out.iterdir()) == ["2024-05", HISTORY_FILE]


def test_a_wal_holder_closing_as_check_opens_the_store_is_read_as_it_is_then(
    commune, tmp_path, monkeypatch
):
    """A program holds the store in WAL mode (its '-wal' and '-shm' beside it) and closes it
    just as `check` has chosen to read those two, before SQLite opens them (what it wrote put
    into the store, the two files removed). Before: "Không mở được kho lịch sử …: không mở hay
    tạo được tệp (…); hãy kiểm tra thư mục kết quả", the files checked without the history,
    exit 1. Now the store is looked at again and read as it is then: BC4 said gone, exit 0."""
    path, args = may_with_bc4(commune, tmp_path)
    to_wal(path)
    alone = CliRunner().invoke(main, args)
    assert (alone.exit_code, alone.output.count(BC4_GONE)) == (0, 1)
    for end in ("-wal", "-shm"):  # the program holding it, its two files (nothing unwritten)
        Path(f"{path}{end}").write_bytes(b"")
    connect = sqlite3.connect

    def closed_meanwhile(where, *args, **kwargs):
        if "readonly_shm=1" in str(where) and Path(f"{path}-shm").exists():
            for end in ("-wal", "-shm"):
                os.remove(f"{path}{end}")
        return connect(where, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", closed_meanwhile)
    said = CliRunner().invoke(main, args)
    assert (said.exit_code, said.output) == (0, alone.output)
    assert not Path(f"{path}-shm").exists()
