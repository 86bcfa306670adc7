"""Session 48: session 47's history store leftovers. A store removed while `check` compares the
files with it is said, as one changed meanwhile is; a run that stops before it stores leaves a
store in WAL mode as it was, with nothing made beside it; a store read as unchanging whose change
a coarse file time hides is still said changed."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.archive as archive
import pipeline.history_read as history_read
from pipeline.cli import main
from pipeline.history import HISTORY_FILE, _connect
from pipeline.run import execute
from tests.runner import run_cli
from tests.test_session47_history_read_only import checked_as_changed, folder_with_times
from tests.test_session47_wal import (
    BC4_GONE,
    held_as_may_runs_again,
    may_linked,
    may_with_bc4,
    to_wal,
)
from tests.test_session47_wal import files_with_times as _under

# what `check` says first of a store changed (or held) while it compares the files with it
_CHANGED = (
    "Không đọc hay ghi được kho lịch sử '{path}': kho đang bị chương trình khác giữ (một lần chạy "
    "khác, hoặc một phần mềm đang mở tệp này); hãy đóng chương trình đó rồi chạy lại. Các tệp "
    "dưới đây đã được kiểm tra, nhưng có thể chưa được so với mọi kỳ đã lưu; hãy kiểm tra lại."
)


def test_a_store_removed_while_check_compares_is_said_as_one_changed(
    commune, tmp_path, monkeypatch
):
    """`check` looks at the store first, then reads it for each comparison. The store removed
    (moved away) between the two. Before: the later read found no store and compared with
    nothing in silence (BC4 gone not said, nothing said of the store, exit 0). Now it is said
    first as a store changed meanwhile is, exit 1."""
    path, args = may_with_bc4(commune, tmp_path)
    alone = CliRunner().invoke(main, args)
    assert (alone.exit_code, alone.output.count(BC4_GONE)) == (0, 1)
    moved = tmp_path / "moved.sqlite"
    checked_as_changed(path, args, alone, lambda: os.replace(path, moved), monkeypatch,
                        _CHANGED.format(path=path))  # fmt: skip
    assert moved.exists() and not path.exists()


def _replaced(copy: Path, path: Path) -> None:
    """Another store moved into the store's place (a new file)."""
    shutil.copy2(copy, path.with_name("copy.sqlite"))
    os.replace(path.with_name("copy.sqlite"), path)


def _made_again(copy: Path, path: Path) -> None:
    """The store removed, then made again from another store."""
    os.remove(path)
    shutil.copy(copy, path)


@pytest.mark.parametrize("put", [_replaced, shutil.copy2, _made_again])
def test_a_store_replaced_while_check_compares_is_said_as_one_changed(
    commune, tmp_path, monkeypatch, put
):
    """The store replaced, as `check` reads May's households, by a copy kept before May ran
    again with BC4 (which holds May without BC4): moved into its place, copied over it (its
    time kept) or the store removed and made again. Before: the later reads read the copy in
    silence (BC4 gone not said, nothing said of the store, exit 0). Now said first as a store
    changed meanwhile, exit 1."""
    execute(commune, tmp_path / "before")
    copy = tmp_path / "before" / HISTORY_FILE
    path, args = may_with_bc4(commune, tmp_path)
    alone = CliRunner().invoke(main, args)
    assert (alone.exit_code, alone.output.count(BC4_GONE)) == (0, 1)
    checked_as_changed(path, args, alone, lambda: put(copy, path), monkeypatch,
                        _CHANGED.format(path=path))  # fmt: skip
    with closing(sqlite3.connect(path)) as conn:  # the copy is there: May without BC4
        assert conn.execute("SELECT count(*) FROM households WHERE ma_ho = 'BC4'").fetchone() == (
            0,
        )


def _stopped_on_the_plan(commune: Path, out: Path) -> None:
    """A run into ``out`` that stops before it stores: its plan unreadable (having read the
    history for the plan May's run kept)."""
    (commune / "KeHoach_2024.xlsx").write_bytes(b"not a workbook")
    ran = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert ran.returncode == 2
    assert "Kế hoạch đã dùng khi tổng hợp kỳ 05/2024 được giữ ở" in ran.stderr


def test_a_run_stopping_early_makes_no_file_beside_a_store_in_wal_mode(commune, tmp_path):
    """A store in WAL mode (made so by sqlite3) with nothing beside it, linked from the output
    folder, so that its own folder is the store's alone. Before: the run's reads opened it for
    writing: SQLite made a '-wal' and '-shm' beside it and removed them (the folder's time
    moved). Now its folder is as it was, time and files."""
    out, kept = may_linked(commune, tmp_path)
    to_wal(kept / HISTORY_FILE)
    before = folder_with_times(kept)
    _stopped_on_the_plan(commune, out)
    assert folder_with_times(kept) == before


def test_a_run_stopping_early_leaves_a_killed_program_s_wal_as_it_was(commune, tmp_path):
    """May run again (BC4 added) while another program holds the store in WAL mode; that program
    killed, its '-wal' (May's new snapshot) and '-shm' left. Before: a run stopping early put
    the '-wal' into the store and removed both files. Now every file is as it was, bytes and
    time; only a run that stores puts the '-wal' into the store."""
    out = tmp_path / "out"
    with held_as_may_runs_again(commune, out):
        pass
    before = _under(out)
    assert {f"{HISTORY_FILE}-wal", f"{HISTORY_FILE}-shm"} <= set(before)
    _stopped_on_the_plan(commune, out)
    assert _under(out) == before


def test_a_run_stopping_early_leaves_a_held_store_s_files_as_they_were(commune, tmp_path):
    """A store in WAL mode another program holds. Before: the run's reads wrote into its
    '-shm'. Now every file is as it was, bytes and time."""
    out = tmp_path / "out"
    with held_as_may_runs_again(commune, out):
        before = _under(out)
        _stopped_on_the_plan(commune, out)
        assert _under(out) == before


def _in_wal_mode(commune: Path, tmp_path: Path) -> Path:
    """May run into 'out', its store put in WAL mode by sqlite3 (nothing beside it: read as
    unchanging)."""
    out = tmp_path / "out"
    execute(commune, out)
    path = out / HISTORY_FILE
    to_wal(path)
    return path


def _changed_in_place(path: Path) -> None:
    """Another program opens the store, changes May's run's time to another of the same length,
    and closes it: its '-wal' put into the store and removed, the store the same size."""
    size = path.stat().st_size
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("UPDATE runs SET ran_at = '2024-06-01T08:00:00+00:00'")
    assert path.stat().st_size == size
    assert not os.path.lexists(f"{path}-wal") and not os.path.lexists(f"{path}-shm")


def test_a_change_within_a_coarse_file_time_is_said(commune, tmp_path, monkeypatch):
    """The store's time an even second (FAT32 keeps 2 seconds) and the clock one second on as
    the store is found; another program changes it in place meanwhile, its time the same tick
    (forged back by os.utime). Before: inode, size and time the same: what was read was taken
    as the store's. Now the store, written a moment ago, is compared by its content too: said
    changed (as held)."""
    path = _in_wal_mode(commune, tmp_path)
    stamp = (time.time_ns() // 2_000_000_000) * 2_000_000_000
    os.utime(path, ns=(stamp, stamp))
    monkeypatch.setattr(history_read, "time_ns", lambda: stamp + 1_000_000_000, raising=False)
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        with closing(_connect(path, write=False, read_only=True)) as conn:
            assert conn.execute("SELECT count(*) FROM runs").fetchone() == (1,)
            _changed_in_place(path)
            os.utime(path, ns=(stamp, stamp))


def test_a_store_written_long_ago_is_not_read_whole_to_tell_a_change(
    commune, tmp_path, monkeypatch
):
    """The store's time an hour past: its time tells a change (the change gets a time of its
    own), so its content is not read whole (the cost on a large store); the change is said.
    Passes before too: the cost pinned."""
    path = _in_wal_mode(commune, tmp_path)
    hour_ago = time.time_ns() - 3600 * 1_000_000_000
    os.utime(path, ns=(hour_ago, hour_ago))

    def read_whole(path):
        raise AssertionError(f"{path} read whole")

    monkeypatch.setattr(archive, "sha256_of", read_whole)
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        with closing(_connect(path, write=False, read_only=True)) as conn:
            assert conn.execute("SELECT count(*) FROM runs").fetchone() == (1,)
            _changed_in_place(path)
