"""Session 61 (R3): review of G2's staged files synced by a thread (`output.Staged.sync_later`).

* A run that fails (an error, Ctrl-C) after files were staged waits for the staging's thread
  before its staged files are removed: no file still open in the thread when it is removed (on
  Windows such a file cannot be removed and was left in the month's folder), no thread left
  syncing.
* A wait for the thread cut short by Ctrl-C (`synced` interrupted) is waited again by the
  staging's end: the thread is not forgotten.
* What else a sync raises in the thread (not an OSError) stops the run as it did on the
  runner's thread: raised again at the commit, no traceback printed, nothing put in place.
"""

from __future__ import annotations

import os
import threading

import pytest

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.output import Staged, atomic_write, staged_outputs
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster


def _other_threads(before: set) -> list:
    return [t for t in threading.enumerate() if t not in before and t.is_alive()]


def test_a_failed_run_waits_for_the_syncs_before_its_files_are_removed(tmp_path, monkeypatch):
    before = set(threading.enumerate())
    gate = threading.Event()  # the thread's sync held until the runner waits for it
    seen: list[tuple] = []
    fsync, discard, synced = os.fsync, Staged.discard, Staged.synced

    def held_fsync(fd):
        if threading.current_thread() is not threading.main_thread():
            gate.wait(10)  # a safety net only: set as soon as the runner waits or discards
            seen.append(("synced",))
        return fsync(fd)

    def watched_discard(self, since=0):
        tmps = [tmp for tmp, _ in self.pending[since:]]
        # the files about to be removed, and whether a thread still syncs them
        seen.append(("discard", [t.name for t in tmps], len(_other_threads(before))))
        gate.set()
        return discard(self, since)

    def watched_synced(self):
        gate.set()
        return synced(self)

    monkeypatch.setattr(os, "fsync", held_fsync)
    monkeypatch.setattr(Staged, "discard", watched_discard)
    monkeypatch.setattr(Staged, "synced", watched_synced)
    target = tmp_path / "2024-05" / "TongHop_2024-05.json"
    with pytest.raises(KeyboardInterrupt), staged_outputs():
        atomic_write(target, lambda tmp: tmp.write_text("{}", encoding="utf-8"))
        raise KeyboardInterrupt  # Ctrl-C after the file was staged
    tmp = f".TongHop_2024-05.json.{os.getpid()}.tmp"
    # the thread synced the file, then the run removed it, no thread left (before: removed
    # while the thread still held it, 1 thread alive)
    assert seen[0] == ("synced",)
    assert seen[1] == ("discard", [tmp], 0)
    assert _other_threads(before) == []
    assert not (tmp_path / "2024-05").exists()  # the folder made for it gone too


def test_a_wait_cut_short_by_ctrl_c_is_waited_again(tmp_path, monkeypatch):
    before = set(threading.enumerate())
    gate = threading.Event()
    fsync, join = os.fsync, threading.Thread.join
    cut = []

    def held_fsync(fd):
        if threading.current_thread() is not threading.main_thread():
            gate.wait(10)  # a safety net only: set by the second wait
        return fsync(fd)

    def join_cut_once(self, timeout=None):
        if not cut:  # the first wait: Ctrl-C pressed while the thread syncs
            cut.append(self)
            raise KeyboardInterrupt
        gate.set()
        return join(self, timeout)

    monkeypatch.setattr(os, "fsync", held_fsync)
    monkeypatch.setattr(threading.Thread, "join", join_cut_once)
    with staged_outputs() as staged:
        written = tmp_path / "a.tmp"
        written.write_bytes(b"a")
        assert staged.sync_later(written, tmp_path / "a") is True
        with pytest.raises(KeyboardInterrupt):
            staged.synced()
        assert len(_other_threads(before)) == 1  # still syncing
        # waited again (before: the thread forgotten, the second wait returned at once)
        staged.synced()
        assert _other_threads(before) == []
        # after the cut wait a file is synced at once, not queued behind the thread's end
        later = tmp_path / "b.tmp"
        later.write_bytes(b"b")
        assert staged.sync_later(later, tmp_path / "b") is True
        staged.synced()
    assert _other_threads(before) == []


def test_what_else_a_sync_raises_stops_the_run_and_puts_nothing_in_place(
    tmp_path, monkeypatch, capsys
):
    folder, out = new_commune(tmp_path)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    fsync = os.fsync

    def failing_fsync(fd):
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("the sync broke")  # no OSError: not a disk's refusal
        return fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    month = out / "2024-05"
    # raised by the run as a sync on the runner's thread raised it (before: the thread printed
    # a traceback and the run put its unsynced files in place and stored the month)
    with pytest.raises(RuntimeError, match="^the sync broke$"):
        execute(folder, out, "2024-05")
    assert "Traceback" not in capsys.readouterr().err
    assert not (month / "TongHop_2024-05.xlsx").exists()
    assert not list(month.glob(".*.tmp")) if month.exists() else True
    assert HistoryStore(out / HISTORY_FILE).periods() == []
