"""Session 64 (B2): the races in the run's lock the review RB left (its **Left.** (b), (c)), the
message on an empty lock, and `check`/`history` naming another computer of this one's name.

(1) Two runs judging one dead lock stale at once: the second's ``unlink`` removed the first's
new lock, taken in the instant between the second's judgement and its removal: two writers. A
stale lock is now renamed aside and removed only where it is still the very file judged.
(2) The lock file was created before its lines were worked out (machine id, the process's
start): an empty lock lasted that long. Now worked out first, then created and written at once.
(3) The wait ending on an empty lock said "tiến trình 0".
(4) `check`'s and `history`'s "store being made" named another computer of this name without
the run's sentence saying so.

"Another run" is played in the instant between the judgement and the removal: by wrapping
``RunLock._holds`` (the judgement of a lock naming a process, in every version) or through the
seam ``RunLock._judged`` (called between judging and setting aside, since B2).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import lock as lock_module
from pipeline.history import being_made_said
from pipeline.lock import LOCK_NAME, RunLock, this_computer
from pipeline.messages import in_language
from pipeline.output import OutputError
from tests.test_session63_f3_shared_lock import dead_pid
from tests.test_session64_b_lock_identity import LockClock

HERE = this_computer()


@pytest.fixture
def live():
    """A live process's number (a sleeping Python): the other run."""
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield other.pid
    other.kill()
    other.wait()


def _folder(tmp_path: Path, text: str) -> tuple[Path, Path]:
    out = tmp_path / "out"
    out.mkdir()
    lock = out / LOCK_NAME
    lock.write_text(text, encoding="ascii")
    return out, lock


def _takes(lock: Path, pid: int) -> str:
    """What another run does having judged the lock stale too: removes it and takes its own."""
    text = f"{pid}\ncomputer={HERE}\ntaken={time.time()!r}\n"
    lock.unlink()
    handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(text)
    return text


# --- (1) a stale lock removed only where it is still the one judged ------------------------------


def test_a_dead_lock_another_run_took_in_the_instant_is_not_removed(monkeypatch, tmp_path, live):
    """A lock of a dead number; as this run judges it dead, another run (``live``) removes it
    and takes its own. Before: this run's ``unlink`` removed that run's new lock and took the
    folder (no stop): two writers. Now the other run's lock is held, the very file (its
    number, its text, its inode), and this run stops naming its number after its wait."""
    out, lock = _folder(tmp_path, f"{dead_pid()}\ncomputer={HERE}\ntaken={time.time()!r}\n")
    judged = RunLock._holds
    taken = {}

    def holds_then_another_takes(self, read):
        held = judged(self, read)
        if not held and not taken:
            taken["text"] = _takes(lock, live)
            taken["inode"] = lock.stat().st_ino
        return held

    monkeypatch.setattr(RunLock, "_holds", holds_then_another_takes)
    with pytest.raises(OutputError) as stopped:
        RunLock(out, wait_seconds=0.5).acquire()
    assert in_language(stopped.value.args[0], "vi").startswith(
        f"Một lần chạy khác (tiến trình {live}) đang ghi vào '{out}'."
    )
    assert lock.read_text(encoding="ascii") == taken["text"]
    assert lock.stat().st_ino == taken["inode"]
    assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]  # nothing set aside left


def test_an_empty_lock_another_run_took_at_its_fifth_second_is_not_removed(
    monkeypatch, tmp_path, live
):
    """An empty lock left by a run killed as it created it: recovered after 5 s of this run's
    own clock; in that instant another run takes it. Its lock is held (this run stops at its
    20 s deadline naming it), not removed and taken."""
    clock = LockClock()
    monkeypatch.setattr(lock_module, "time", clock)
    out, lock = _folder(tmp_path, "")
    taken = {}

    def another_takes(self):
        if not taken:
            taken["at"] = clock.ms
            taken["text"] = _takes(lock, live)

    monkeypatch.setattr(RunLock, "_judged", another_takes, raising=False)
    with pytest.raises(OutputError, match=f"tiến trình {live}"):
        RunLock(out, wait_seconds=20).acquire()
    assert taken["at"] == 5000 and clock.ms == 20000
    assert lock.read_text(encoding="ascii") == taken["text"]


def test_the_lock_set_aside_is_put_back_where_the_disk_has_no_links(monkeypatch, tmp_path, live):
    """A disk that makes no hard links (a USB drive's FAT): the other run's lock set aside is
    put back as a new file holding its text (what that run releases it by), not lost."""
    out, lock = _folder(tmp_path, f"{dead_pid()}\n")
    taken = {}

    def another_takes(self):
        if not taken:
            taken["text"] = _takes(lock, live)

    def no_link(source, target):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(RunLock, "_judged", another_takes, raising=False)
    monkeypatch.setattr(os, "link", no_link)
    with pytest.raises(OutputError, match=f"tiến trình {live}"):
        RunLock(out, wait_seconds=0.3).acquire()
    assert lock.read_text(encoding="ascii") == taken["text"]
    assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]


def test_a_dead_lock_is_still_recovered_and_nothing_left_beside_it(tmp_path):
    """A guard: a dead lock no other run touches is taken at once, nothing set aside left."""
    out, lock = _folder(tmp_path, f"{dead_pid()}\ncomputer={HERE}\ntaken={time.time()!r}\n")
    with RunLock(out, wait_seconds=0):
        assert lock.read_text(encoding="ascii").split()[0] == str(os.getpid())
        assert sorted(path.name for path in out.iterdir()) == [LOCK_NAME]


def test_a_lock_of_bytes_no_version_writes_is_still_recovered(tmp_path):
    """A guard: a lock holding bytes that are not ASCII (no run's) is recovered, its bytes
    compared as set aside (not text: it decodes to none)."""
    out, lock = _folder(tmp_path, "")
    lock.write_bytes(b"\xff\xfe garbage\n")
    with RunLock(out, wait_seconds=0):
        assert lock.read_text(encoding="ascii").split()[0] == str(os.getpid())
    assert list(out.iterdir()) == []


# --- (2) the lines worked out before the file is created -----------------------------------------


def test_the_lock_lines_are_worked_out_before_the_file_is_created(monkeypatch, tmp_path):
    """The machine id and the process's start are asked while no lock file exists yet; the file
    then holds its lines as it appears. Before: asked after the file was created, empty."""
    lock = tmp_path / "out" / LOCK_NAME
    asked = []

    def machine():
        asked.append(("machine", lock.exists()))
        return "0123456789abcdef"

    def who(pid):
        asked.append(("who", lock.exists()))
        return "boot:42"

    monkeypatch.setattr(lock_module, "this_machine", machine)
    monkeypatch.setattr(lock_module, "_who", who)
    with RunLock(tmp_path / "out", wait_seconds=0):
        lines = lock.read_text(encoding="ascii").splitlines()
    assert asked == [("machine", False), ("who", False)]
    assert lines[0] == str(os.getpid())
    # (session 65, G: `booted=` follows `started=` on Linux too)
    assert "machine=0123456789abcdef" in lines and lines[-2] == "started=boot:42"


# --- (3) the wait ending on an empty lock --------------------------------------------------------


def test_the_wait_ending_on_an_empty_lock_says_a_run_has_just_begun(monkeypatch, tmp_path):
    """Before: "Một lần chạy khác (tiến trình 0) đang ghi vào …": no process 0."""
    monkeypatch.setattr(lock_module, "time", LockClock())
    out, _ = _folder(tmp_path, "")
    with pytest.raises(OutputError) as stopped:
        RunLock(out, wait_seconds=2).acquire()
    message = stopped.value.args[0]
    assert in_language(message, "vi") == (
        f"Một lần chạy khác vừa bắt đầu ghi vào '{out}'. Hãy đợi lần chạy đó xong rồi chạy lại. "
        f"Nếu chắc chắn không còn lần chạy nào, hãy xóa tệp '{LOCK_NAME}' trong thư mục đó."
    )
    assert in_language(message, "en") == (
        f"Another run has just begun writing to '{out}'. Wait for it to finish, then run again. "
        f"If you are sure no run is going on, delete the file '{LOCK_NAME}' in it."
    )


# --- (4) `check` and `history` naming another computer of this name ------------------------------


def test_the_store_being_made_by_another_computer_of_this_name_says_so(monkeypatch):
    """`history` (listing) and `check`: the run's same-name sentence added after their words.
    Before: not said."""
    monkeypatch.setattr(lock_module, "this_computer", lambda: "PC-VANHOA")
    store = Path("out") / "lichsu.sqlite"
    listing = being_made_said(store, 4242, listing=True, computer="PC-VANHOA")
    assert in_language(listing, "vi") == (
        f"Kho lịch sử '{store}' đang được tạo: một lần chạy trên máy tính khác ('PC-VANHOA', "
        "tiến trình 4242) đang lưu kỳ đầu tiên vào đó, chưa lưu xong. Chưa có kỳ nào trong kho; "
        "hãy đợi lần chạy đó xong rồi xem lại. Máy đó có cùng tên 'PC-VANHOA' với máy này: hãy "
        "đặt tên khác cho một trong hai máy."
    )
    checked = being_made_said(store, 4242, computer="PC-VANHOA")
    assert in_language(checked, "en").endswith(
        "then check again to compare with that month. That computer has the same name "
        "'PC-VANHOA' as this one: give one of the two another name."
    )
    # another name: as before, no such sentence (a guard)
    other = being_made_said(store, 4242, computer="PC-KHAC")
    assert "cùng tên" not in in_language(other, "vi") and "same name" not in in_language(
        other, "en"
    )
