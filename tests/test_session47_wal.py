"""Session 47: a history store another program turned to WAL mode (DB Browser for SQLite offers
it; giamngheo never sets it). `check` reads it without creating, changing or leaving a file in
the output folder, with or without that program holding it; a run stores in it and keeps it so."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from pipeline.history import HISTORY_FILE, HistoryStore, _connect
from pipeline.run import execute
from tests.commune import person, write_roster
from tests.runner import run_cli

# another program holding the store in WAL mode: opened and read, then waiting; told to end, it
# ends as if killed (its '-wal' and '-shm' left, what it wrote never put into the store itself)
_HOLDER = (
    "import os, sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "conn.execute('SELECT count(*) FROM runs').fetchone()\n"
    "print('ready', flush=True)\n"
    "sys.stdin.read()\n"
    "os._exit(0)\n"
)


def to_wal(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)


@contextmanager
def _held(path: Path):
    """Another program (_HOLDER) holding the store at ``path`` while the block runs; told to
    end after it, as if killed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "ready\n"
        yield
    finally:
        holder.stdin.close()
        holder.wait()


@contextmanager
def held_as_may_runs_again(commune: Path, out: Path):
    """May run into ``out``, its store put in WAL mode and held by another program (_held) as May
    runs again with BC4 added (its new snapshot in the '-wal' alone) and while the block runs.
    Yields the store."""
    execute(commune, out)
    path = out / HISTORY_FILE
    to_wal(path)
    with _held(path):
        with_bc4(commune)
        execute(commune, out)
        yield path


def may_linked(commune: Path, tmp_path: Path) -> tuple[Path, Path]:
    """May run into 'out', its store then moved into 'kept' and 'lich-su.sqlite' in 'out' made a
    link to it: (out, kept)."""
    out = tmp_path / "out"
    execute(commune, out)
    kept = tmp_path / "kept"
    kept.mkdir()
    (out / HISTORY_FILE).rename(kept / HISTORY_FILE)
    (out / HISTORY_FILE).symlink_to(kept / HISTORY_FILE)
    return out, kept


def files_with_times(folder: Path) -> dict[str, tuple]:
    """Every file and folder under ``folder``: its bytes (files) and modification time."""
    found = {}
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root) / name
            data = path.read_bytes() if path.is_file() else None
            found[str(path.relative_to(folder))] = (data, path.lstat().st_mtime_ns)
    return found


def _june(tmp_path: Path) -> Path:
    """Bản Cọ's June list: BC1-BC3 (May's clean lists), no BC4."""
    june = tmp_path / "june"
    june.mkdir()
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    return write_roster(june, "BanCo_T6.xlsx", "Bản Cọ", 200, rows, period="2024-06")


def _check_args(commune: Path, june: Path, out: Path) -> list[str]:
    return ["check", str(june), str(commune / "KeHoach_2024.xlsx"), "--output", str(out)]


def _checked(commune: Path, june: Path, out: Path):
    return run_cli(*_check_args(commune, june, out))


def with_bc4(commune: Path) -> None:
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(commune, "BanCo.xlsx", "Bản Cọ", 200, [*rows, person("BC4", "poor")])


def may_with_bc4(commune: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """May run into 'out' with BC4 added to Bản Cọ's list, and June's list (_june) written: the
    store and the arguments of `check` of June's list beside it."""
    with_bc4(commune)
    out = tmp_path / "out"
    execute(commune, out)
    return out / HISTORY_FILE, _check_args(commune, _june(tmp_path), out)


BC4_GONE = "Hộ BC4 (Hoàng Văn BC4) có trong danh sách tháng 5/2024 nhưng không có"


def test_check_of_a_store_in_wal_mode_leaves_the_output_folder_as_it_was(commune, tmp_path):
    """Before: `check` left an empty 'lich-su.sqlite-wal' and a 'lich-su.sqlite-shm' beside it.
    Now nothing in the folder changes, and the lines are those of the store before WAL mode."""
    out = tmp_path / "out"
    path, args = may_with_bc4(commune, tmp_path)
    ours = run_cli(*args)
    assert BC4_GONE in ours.stdout
    to_wal(path)
    before = files_with_times(out)
    done = run_cli(*args)
    assert files_with_times(out) == before
    assert (done.returncode, done.stderr, done.stdout) == (0, "", ours.stdout)


def test_check_reads_what_a_program_holding_the_store_wrote_and_changes_nothing(commune, tmp_path):
    """May re-run (BC4 added) while another program holds the store in WAL mode: May's new
    snapshot is in the '-wal' alone. Before: `check` read it, but wrote into the '-shm' (with
    the program held, and again after it was killed), and said nothing of the '-wal'. Now
    nothing changes, the '-wal' is said as a journal is, BC4 is still said gone, and a run then
    stores in the store, kept in WAL mode, with nothing left beside it."""
    out = tmp_path / "out"
    with held_as_may_runs_again(commune, out) as path:
        assert Path(f"{path}-wal").stat().st_size > 0  # May's new snapshot: not in the store
        june = _june(tmp_path)
        before = files_with_times(out)
        held = _checked(commune, june, out)
        assert files_with_times(out) == before
    assert (held.returncode, held.stderr) == (0, "")
    assert BC4_GONE in held.stdout
    assert held.stdout.splitlines()[0] == (
        f"Bên cạnh kho lịch sử '{path}' có tệp 'lich-su.sqlite-wal': có thể một chương trình "
        "khác (hay một lần chạy khác) đang ghi vào kho; các tệp được so với các kỳ đã lưu xong. "
        "Nếu đang có một lần chạy, hãy đợi nó xong rồi kiểm tra lại."
    )
    before = files_with_times(out)  # the program gone, its '-wal' and '-shm' left
    left = _checked(commune, june, out)
    assert files_with_times(out) == before
    assert (left.returncode, left.stderr, left.stdout) == (0, "", held.stdout)
    # a run: the '-wal' put into the store, the store kept in WAL mode, nothing beside it
    ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["2024-05", HISTORY_FILE]
    assert path.read_bytes()[18:20] == b"\x02\x02"
    stored = HistoryStore(path, read_only=True).households(["2024-05"])
    assert sorted(stored.loc[stored["hamlet"] == "Bản Cọ", "ma_ho"]) == ["BC1", "BC2", "BC3", "BC4"]


def test_a_store_read_as_unchanging_that_another_program_opens_meanwhile_is_said_held(
    commune, tmp_path
):
    """A store in WAL mode with nothing beside it is read as unchanging (SQLite's immutable);
    another program opening it meanwhile makes a '-wal': what was read is not trusted."""
    out = tmp_path / "out"
    execute(commune, out)
    path = out / HISTORY_FILE
    to_wal(path)
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        with closing(_connect(path, write=False, read_only=True)) as conn:
            assert conn.execute("SELECT count(*) FROM runs").fetchone() == (1,)
            other = sqlite3.connect(path)
            other.execute("SELECT count(*) FROM runs").fetchone()
    other.close()
    store = HistoryStore(path, read_only=True)
    assert [p["period"] for p in store.periods()] == ["2024-05"]
    assert sorted(p.name for p in out.iterdir()) == ["2024-05", HISTORY_FILE]


def test_check_says_a_wal_alone_that_a_run_reads_into_the_store(commune, tmp_path):
    """A program killed after writing the store in WAL mode, its '-shm' deleted since: SQLite
    reads that '-wal' only by making a '-shm'. Before: `check` said the store could not be
    opened ("check the output folder") and exited 1, as if a run stopped on it. Now it says the
    '-wal', checks the files as with no store (exit by the files) and changes nothing; the run
    reads it into the store and goes on."""
    out = tmp_path / "out"
    with held_as_may_runs_again(commune, out) as path:
        pass  # May with BC4: in the '-wal' alone
    Path(f"{path}-shm").unlink()
    june = _june(tmp_path)
    before = files_with_times(out)
    done = _checked(commune, june, out)
    assert files_with_times(out) == before
    (tmp_path / "empty").mkdir()
    without = _checked(commune, june, tmp_path / "empty")
    assert (done.returncode, done.stderr, without.returncode) == (0, "", 0)
    first, *rest = done.stdout.splitlines()
    assert first == (
        f"Bên cạnh kho lịch sử '{path}' có tệp 'lich-su.sqlite-wal' (kho ở chế độ WAL do một "
        "chương trình khác đặt) mà không có tệp 'lich-su.sqlite-shm': chỉ đọc thì không đọc "
        "được những gì đã lưu trong tệp đó. Lần chạy tới sẽ đọc chúng vào kho rồi tổng hợp "
        "tiếp; đừng xóa hay chuyển tệp đó đi. Các tệp dưới đây vẫn được kiểm tra, nhưng không "
        "so với các kỳ đã lưu."
    )
    assert rest == without.stdout.splitlines()
    ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["2024-05", HISTORY_FILE]
    again = _checked(commune, june, out)
    assert again.returncode == 0 and BC4_GONE in again.stdout


def test_a_linked_store_in_wal_mode_is_read_with_its_wal_beside_the_file_linked_to(
    commune, tmp_path
):
    """'lich-su.sqlite' a link to the store kept elsewhere: SQLite's '-wal' and '-shm' are
    beside that file. Before: `check` looked beside the link, found none, read the store as
    unchanging and missed May's snapshot in the '-wal' (BC4 not said gone)."""
    out, kept = may_linked(commune, tmp_path)
    to_wal(kept / HISTORY_FILE)
    with _held(kept / HISTORY_FILE):
        with_bc4(commune)
        execute(commune, out)
        june = _june(tmp_path)
        before = (files_with_times(out), files_with_times(kept))
        done = _checked(commune, june, out)
        assert (files_with_times(out), files_with_times(kept)) == before
    assert (done.returncode, done.stderr) == (0, "")
    assert BC4_GONE in done.stdout


def test_a_linked_store_s_cut_off_write_is_said_with_its_journal_beside_the_file(commune, tmp_path):
    """Session 46's journal, of a store that is a link: SQLite writes it beside the file linked
    to. Before: not found beside the link, the store (which only read cannot be opened) was
    said as one a run stops on ("không có quyền ghi"), exit 1; the run goes on."""
    from tests.test_session46_journal import CUT_OFF

    out, kept = may_linked(commune, tmp_path)
    subprocess.run([sys.executable, "-c", CUT_OFF, str(out / HISTORY_FILE)], check=True)
    assert sorted(p.name for p in kept.iterdir()) == [HISTORY_FILE, f"{HISTORY_FILE}-journal"]
    june = _june(tmp_path)
    done = _checked(commune, june, out)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[0].startswith(
        f"Bên cạnh kho lịch sử '{out / HISTORY_FILE}' còn tệp 'lich-su.sqlite-journal': một lần "
        "ghi vào kho đã bị ngắt giữa chừng"
    )
