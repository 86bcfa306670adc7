"""Faults mid-run: kills, locks, open workbooks, unwritable folders. Nothing already written is lost."""

from __future__ import annotations

import errno
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from pipeline import output as out_mod
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.lock import LOCK_NAME, RunLock
from pipeline.output import OutputError
from pipeline.run import execute
from tests.runner import ROOT, run_cli

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals")


def test_a_second_run_waits_then_stops_with_the_holders_pid(commune, tmp_path):
    holder = subprocess.Popen(["sleep", "30"])
    try:
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / LOCK_NAME).write_text(f"{holder.pid}\n")
        with pytest.raises(OutputError, match=str(holder.pid)):
            RunLock(tmp_path / "out", wait_seconds=0.5).acquire()
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_is_recovered(commune, tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / LOCK_NAME).write_text(f"{dead.pid}\n")
    execute(commune, tmp_path / "out")
    assert (tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx").exists()
    assert not (tmp_path / "out" / LOCK_NAME).exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start times: Linux")
def test_a_lock_whose_process_number_now_belongs_to_a_later_program_is_recovered(tmp_path):
    """After a power cut the number in the lock may be another program's, started after the
    lock was written (here: a live process, the lock dated an hour before it started)."""
    other = subprocess.Popen(["sleep", "30"])
    try:
        (tmp_path / "out").mkdir()
        lock = tmp_path / "out" / LOCK_NAME
        lock.write_text(f"{other.pid}\n")
        an_hour_ago = time.time() - 3600
        os.utime(lock, (an_hour_ago, an_hour_ago))
        with RunLock(tmp_path / "out", wait_seconds=0.5):
            assert lock.read_text().split()[0] == str(os.getpid())
    finally:
        other.kill()
        other.wait()


def test_a_lock_being_written_is_held_and_an_old_empty_one_is_not(tmp_path, monkeypatch):
    """Two runs starting at once: the second sees the first's lock file created but still
    empty, and waits (it used to take it for stale and run alongside); an empty lock file
    left long ago is stale. Since session 64 told by how long this run sees it empty (5 s of
    its own clock: the lock's clock replaced, LockClock), not by the file's time: an old one
    is taken after 5 s of the run's wait (before: at once)."""
    from pipeline import lock as lock_module
    from tests.test_session64_b_lock_identity import LockClock

    clock = LockClock()
    monkeypatch.setattr(lock_module, "time", clock)
    (tmp_path / "out").mkdir()
    lock = tmp_path / "out" / LOCK_NAME
    lock.write_text("")
    with pytest.raises(OutputError, match="Một lần chạy khác"):
        RunLock(tmp_path / "out", wait_seconds=0.3).acquire()
    long_ago = time.time() - 60
    os.utime(lock, (long_ago, long_ago))
    clock.ms = 0
    with RunLock(tmp_path / "out", wait_seconds=20):
        assert lock.read_text().split()[0] == str(os.getpid())
        assert clock.ms == 5000
    # An empty one dated tomorrow: written before a power cut by a clock that was set back
    # since. It was "being written" for ever: every run waited, then stopped naming process 0.
    lock.write_text("")
    tomorrow = time.time() + 86400
    os.utime(lock, (tomorrow, tomorrow))
    clock.ms = 0
    with RunLock(tmp_path / "out", wait_seconds=20):
        assert lock.read_text().split()[0] == str(os.getpid())
        assert clock.ms == 5000


def test_a_folder_where_the_lock_goes_is_said_in_one_line(tmp_path):
    """It ended as "Lỗi không mong muốn (IsADirectoryError …)"."""
    (tmp_path / "out" / LOCK_NAME).mkdir(parents=True)
    with pytest.raises(OutputError) as stopped:
        RunLock(tmp_path / "out", wait_seconds=0.3).acquire()
    assert str(stopped.value) == (
        f"Không gỡ được khóa cũ '{tmp_path / 'out' / LOCK_NAME}': ở đó là một thư mục chứ không "
        "phải tệp; hãy xóa hoặc đổi tên thư mục đó."
    )


def test_the_lock_message_names_the_file_to_delete(commune, tmp_path):
    holder = subprocess.Popen(["sleep", "30"])
    try:
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / LOCK_NAME).write_text(f"{holder.pid}\n")
        with pytest.raises(OutputError) as stopped:
            RunLock(tmp_path / "out", wait_seconds=0.3).acquire()
        # the folder named, the lock in it (session 60, H)
        assert f"đang ghi vào '{tmp_path / 'out'}'" in str(stopped.value)
        assert f"hãy xóa tệp '{LOCK_NAME}' trong thư mục đó." in str(stopped.value)
    finally:
        holder.kill()
        holder.wait()


def test_what_a_run_cut_off_mid_commit_set_aside_is_put_back(tmp_path):
    """A power cut between setting last month's 'nguon' aside and putting the new one in place:
    the next run's lock puts it back (it used to delete both); a set-aside file whose
    replacement is in place goes."""
    out = tmp_path / "out"
    month = out / "2024-05"
    (month / ".nguon.4242.old").mkdir(parents=True)
    (month / ".nguon.4242.old" / "NaMon.xlsx").write_text("roster")
    (month / ".nguon.4242.tmp").mkdir()
    (month / "TongHop_2024-05.xlsx").write_text("new")
    (month / ".TongHop_2024-05.xlsx.4242.old").write_text("old")
    with RunLock(out):
        pass
    assert (month / "nguon" / "NaMon.xlsx").read_text() == "roster"
    assert (month / "TongHop_2024-05.xlsx").read_text() == "new"
    assert sorted(p.name for p in month.iterdir()) == ["TongHop_2024-05.xlsx", "nguon"]


def test_an_open_workbook_is_not_overwritten(commune, tmp_path):
    out = tmp_path / "out"
    execute(commune, out)
    workbook = out / "2024-05" / "TongHop_2024-05.xlsx"
    before, inode = workbook.read_bytes(), workbook.stat().st_ino
    (workbook.parent / "~$TongHop_2024-05.xlsx").write_bytes(b"owner")  # Excel has it open
    done = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "TongHop_2024-05 (1).xlsx" in done.stdout
    assert workbook.read_bytes() == before
    assert (workbook.parent / "TongHop_2024-05 (1).xlsx").exists()
    # Excel closed, the month run again: the workbook is replaced, and the copy beside it said
    # to be the older one (not removed: the officer may have written in it).
    (workbook.parent / "~$TongHop_2024-05.xlsx").unlink()
    again = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert again.returncode == 0, again.stderr
    assert workbook.stat().st_ino != inode  # a new file, renamed into place
    assert (
        "Tệp 'TongHop_2024-05 (1).xlsx' (ghi khi 'TongHop_2024-05.xlsx' đang mở) là kết quả cũ; "
        "kết quả mới nhất là 'TongHop_2024-05.xlsx'." in " ".join(again.stdout.split())
    )
    assert (workbook.parent / "TongHop_2024-05 (1).xlsx").exists()


def test_a_file_that_cannot_be_replaced_goes_under_a_new_name(tmp_path, monkeypatch):
    target = tmp_path / "TongHop_2024-05.xlsx"
    target.write_bytes(b"old")
    real_replace = os.replace

    def locked(src, dst):
        if Path(dst) == target:
            raise PermissionError(errno.EACCES, "locked by Excel")
        return real_replace(src, dst)

    monkeypatch.setattr(out_mod.os, "replace", locked)
    written = out_mod.atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert written.name == "TongHop_2024-05 (1).xlsx" and written.read_bytes() == b"new"
    assert target.read_bytes() == b"old"


def test_an_unwritable_output_folder_is_one_line_and_exit_2(commune, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    done = run_cli("run", "--input", str(commune), "--output", str(blocker / "out"), "--quiet")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_a_full_disk_keeps_the_previous_outputs(commune, tmp_path, monkeypatch):
    out = tmp_path / "out"
    execute(commune, out)
    json_path = out / "2024-05" / "TongHop_2024-05.json"
    before = json_path.read_bytes()

    def full(path, summary):
        raise OutputError("Không ghi được: No space left on device.")

    import pipeline.publish as publish

    monkeypatch.setattr(publish, "write_json", full)
    with pytest.raises(OutputError) as stopped:
        execute(commune, out)
    assert str(stopped.value) == "Không ghi được: No space left on device."  # the full disk's
    assert json_path.read_bytes() == before
    assert [p["period"] for p in HistoryStore(out / HISTORY_FILE).periods()] == ["2024-05"]


def test_a_disk_that_fills_while_the_workbook_is_written_is_said_plainly(
    commune, tmp_path, monkeypatch
):
    """XlsxWriter reports a full disk as its own FileCreateError, which used to reach the
    officer as 'Lỗi không mong muốn (FileCreateError: [Errno 28] …)' after the public list and
    feedback had already replaced last run's. Now: the plain reason, nothing replaced."""
    out = tmp_path / "out"
    execute(commune, out)
    month = out / "2024-05"
    before = {p.name: p.read_bytes() for p in month.iterdir() if p.is_file()}
    from xlsxwriter.exceptions import FileCreateError

    import pipeline.publish as publish

    def full(result, path, *_):
        raise FileCreateError(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))

    monkeypatch.setattr(publish, "write_consolidated", full)
    with pytest.raises(OutputError) as stopped:
        execute(commune, out)
    assert "ổ đĩa đã đầy" in str(stopped.value)
    assert {p.name: p.read_bytes() for p in month.iterdir() if p.is_file()} == before
    assert not list(month.rglob(".*.tmp"))


def test_a_failure_after_the_forked_writer_finished_leaves_none_of_its_files(
    commune, tmp_path, monkeypatch
):
    """The public list is written by a forked child while this process writes the workbook.
    When the child had finished (its file staged under a temporary name, to be put in place
    with the history) and the workbook then failed, the child's temporary file was left in the
    month's folder. Now the files of a child not taken over are removed."""
    from pipeline import forked

    if not forked.available():
        pytest.skip("no fork here: every file is written by the run's own process")
    out = tmp_path / "out"
    execute(commune, out)
    month = out / "2024-05"
    before = {p.name: p.read_bytes() for p in month.iterdir() if p.is_file()}
    from xlsxwriter.exceptions import FileCreateError

    import pipeline.publish as publish

    def full_once_the_child_is_done(result, path, *_):
        deadline = time.monotonic() + 60
        while not list(month.glob(".NiemYet_2024-05.xlsx.*.tmp")):
            assert time.monotonic() < deadline, "the child wrote no public list"
            time.sleep(0.01)
        time.sleep(0.2)  # and has handed back what it wrote
        raise FileCreateError(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))

    monkeypatch.setattr(publish, "write_consolidated", full_once_the_child_is_done)
    with pytest.raises(OutputError) as stopped:
        execute(commune, out)
    workbook = month / "TongHop_2024-05.xlsx"  # the workbook's full disk stopped it, said so
    assert str(stopped.value) == (
        f"Không ghi được '{workbook}': ổ đĩa đã đầy; hãy xóa bớt tệp không cần rồi chạy lại."
    )
    assert {p.name: p.read_bytes() for p in month.iterdir() if p.is_file()} == before
    assert not list(month.rglob(".*.tmp"))


def test_outputs_are_readable_by_the_owner_only(commune, tmp_path):
    out = tmp_path / "out"
    execute(commune, out)
    for path in [
        out / HISTORY_FILE,
        out / "2024-05" / "TongHop_2024-05.xlsx",
        out / "2024-05" / "TongHop_2024-05.json",
        # the sources' copies too (session 38: they kept the sender's mode, 644)
        *sorted((out / "2024-05" / "nguon").iterdir()),
    ]:
        assert path.stat().st_mode & 0o077 == 0, path


def test_killed_at_random_points_never_leaves_half_written_outputs(commune, tmp_path):
    """Kill the run at seeded random moments; every file at its real name stays whole."""
    out = tmp_path / "out"
    first = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert first.returncode == 0, first.stderr
    folder = out / "2024-05"
    reference = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    started = time.monotonic()
    run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    duration = time.monotonic() - started
    rng = random.Random(20240501)
    for _ in range(6):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline",
                "run",
                "--input",
                str(commune),
                "--output",
                str(out),
                "--quiet",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Same inputs, deterministic outputs: each file is the old one or a complete new one.
        for name, content in reference.items():
            assert (folder / name).read_bytes() == content, name
        with sqlite3.connect(out / HISTORY_FILE) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [p["period"] for p in HistoryStore(out / HISTORY_FILE).periods()] == ["2024-05"]
    final = run_cli("run", "--input", str(commune), "--output", str(out), "--quiet")
    assert final.returncode == 0, final.stderr  # the stale lock of a killed run is recovered
    assert not list(out.rglob(".*.tmp")) and not (out / LOCK_NAME).exists()


def _stored_month(commune, tmp_path) -> Path:
    out = tmp_path / "out"
    execute(commune, out)
    return out / HISTORY_FILE


@pytest.mark.parametrize(
    "damage, said",
    [
        ("summary", "bị hỏng"),  # a stored summary that is no longer JSON
        ("table", "bị hỏng"),  # a table gone
        ("zero", "là tệp rỗng (0 byte)"),  # emptied in a copy
        ("foreign", "không phải kho lịch sử của giamngheo"),  # another program's database
        # a link to a store moved away: a new, empty store was made where it pointed (session 38)
        ("link", "là liên kết tới"),
    ],
)
def test_a_damaged_history_is_one_line_exit_2_and_is_left_as_it_is(commune, tmp_path, damage, said):
    """Each damage used to end in SQLite's or Python's English words, or (an emptied file, a
    foreign database) be taken for an empty store: the months stored lost from every
    comparison, our tables written into another program's file."""
    path = _stored_month(commune, tmp_path)
    if damage == "summary":
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE snapshots SET summary = '{not json'")
    elif damage == "table":
        with sqlite3.connect(path) as conn:
            conn.execute("DROP TABLE hamlet_figures")
            conn.execute("DROP TABLE households")
    elif damage == "zero":
        path.write_bytes(b"")
    elif damage == "link":
        path.rename(tmp_path / "moved.sqlite")
        path.symlink_to(tmp_path / "gone" / "lich-su.sqlite")
        (tmp_path / "gone").mkdir()  # its folder there, the store not
    else:
        path.unlink()
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE contacts (name TEXT)")
    before = path.read_bytes() if path.exists() else None
    for args in (("run", "--input", str(commune), "--output", str(path.parent), "--quiet"),
                 ("history", "--output", str(path.parent))):  # fmt: skip
        done = run_cli(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        [line] = done.stderr.strip().splitlines()
        assert line.startswith("LỖI: ") and said in line, line
        assert "Traceback" not in done.stderr and "Error" not in line
    assert (path.read_bytes() if path.exists() else None) == before


def test_check_says_a_history_link_to_nothing_in_one_line_and_checks_the_lists(commune, tmp_path):
    """`run` and `history` stop on such a store; `check` said nothing of it (session 39's Left)
    and checked the lists as if no month had been stored. It now says it first, then checks
    them as without a store, and exits 1 (session 45); nothing is made where the link points."""
    path = _stored_month(commune, tmp_path)
    path.rename(tmp_path / "moved.sqlite")
    gone = tmp_path / "gone" / "lich-su.sqlite"
    path.symlink_to(gone)
    (tmp_path / "gone").mkdir()
    files = [str(commune / "NaMon.xlsx"), str(commune / "BanCo.xlsx")]
    done = run_cli("check", *files, "--output", str(path.parent))
    (tmp_path / "empty").mkdir()
    without = run_cli("check", *files, "--output", str(tmp_path / "empty"))
    # exit 1 since session 45: a run stops on the store, to be fixed before running
    assert (done.returncode, done.stderr, without.returncode) == (1, "", 0)
    first, *rest = done.stdout.splitlines()
    # an error line of its own, counted (session 58, D: "0 lỗi" beside exit 1 before)
    assert first == (
        f"[LỖI] (history-unusable): Kho lịch sử '{path}' là liên kết tới '{gone}', nơi không còn "
        "tệp đó; hãy chép chính tệp kho lịch sử vào thư mục kết quả thay cho liên kết. Nếu chưa "
        "có kỳ nào được lưu, hãy xóa liên kết rồi chạy lại. Khi tổng hợp (make hoặc giamngheo "
        "run), chương trình cũng sẽ dừng lại vì kho này, không ghi bảng tổng hợp. Các tệp dưới "
        "đây vẫn được kiểm tra, nhưng không so với các kỳ đã lưu."
    )
    assert rest == _one_error_more(without.stdout.splitlines())
    assert rest[-1].startswith("2 tệp, 1 lỗi, ")
    assert list((tmp_path / "gone").iterdir()) == []
    english = run_cli("check", *files, "--output", str(path.parent), "--lang", "en")
    assert english.stdout.splitlines()[0].endswith(
        "delete the link and run again. A run (make or giamngheo run) stops on that store too "
        "and writes no workbook. The files below are checked all the same, but not against the "
        "stored periods."
    )


def _one_error_more(lines: list[str]) -> list[str]:
    """``lines`` of `check` with the total's errors one more: the history a run stops on
    counted (session 58, D)."""
    files, errors, warnings = re.match(
        r"(\d+) tệp, (\d+) lỗi, (\d+) cảnh báo\.$", lines[-1]
    ).groups()
    return [*lines[:-1], f"{files} tệp, {int(errors) + 1} lỗi, {warnings} cảnh báo."]


# What a run stops on in each store below, in its words (session 41).
_RUN_STOPS_ON = {
    "not a store": "Không mở được kho lịch sử '{path}': tệp bị hỏng hoặc không phải kho lịch sử; "
    "hãy khôi phục bản sao hoặc đổi tên tệp này để bắt đầu kho mới.",
    "a damaged page": "Không đọc hay ghi được kho lịch sử '{path}': tệp bị hỏng; hãy khôi phục "
    "bản sao hoặc đổi tên tệp này để bắt đầu kho mới.",
    "newer": "Kho lịch sử '{path}' được tạo bởi phiên bản mới hơn (lược đồ 9); hãy cập nhật "
    "giamngheo.",
    "locked": "Không mở được kho lịch sử '{path}': kho đang bị chương trình khác giữ (một lần "
    "chạy khác, hoặc một phần mềm đang mở tệp này); hãy đóng chương trình đó rồi chạy lại.",
}


@pytest.mark.parametrize("damage", list(_RUN_STOPS_ON))
def test_check_says_a_history_a_run_stops_on_in_one_line_and_checks_the_lists(
    commune, tmp_path, damage
):
    """Session 41: `check` said nothing of a store a run stops on (it read no history then, as
    without one; a locked one it waited for twice 30 seconds). It now says it first, as session
    40 made it say a link to nothing, then checks the lists as without a store, and exits 1
    (session 45)."""
    path = _stored_month(commune, tmp_path)
    holder = None
    if damage == "not a store":
        path.write_bytes(b"not a database " * 300)
    elif damage == "a damaged page":  # the households table's first page overwritten
        with closing(sqlite3.connect(path)) as conn:
            size = conn.execute("PRAGMA page_size").fetchone()[0]
            page = conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'households'"
            ).fetchone()[0]
        with open(path, "r+b") as store:
            store.seek((page - 1) * size)
            store.write(b"\x5a" * size)
    elif damage == "newer":
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA user_version = 9")
    before = path.read_bytes()
    if damage == "locked":  # another program holds it locked: not even read
        # (after the read above: closing a file of it would let this process's locks go)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
    said = _RUN_STOPS_ON[damage].format(path=path)
    files = [str(commune / "NaMon.xlsx"), str(commune / "BanCo.xlsx")]
    try:
        done = run_cli("check", *files, "--output", str(path.parent))
    finally:
        if holder is not None:
            holder.close()
    (tmp_path / "empty").mkdir()
    without = run_cli("check", *files, "--output", str(tmp_path / "empty"))
    # exit 1 since session 45: a run stops on the store, to be fixed before running
    assert (done.returncode, done.stderr, without.returncode) == (1, "", 0)
    first, *rest = done.stdout.splitlines()
    assert first == (
        f"[LỖI] (history-unusable): {said} Khi tổng hợp (make hoặc giamngheo run), chương trình "
        "cũng sẽ dừng lại vì kho này, không ghi bảng tổng hợp. Các tệp dưới đây vẫn được kiểm "
        "tra, nhưng không so với các kỳ đã lưu."
    )
    assert rest == _one_error_more(without.stdout.splitlines())
    assert rest[-1].startswith("2 tệp, 1 lỗi, ")
    assert path.read_bytes() == before
    if damage != "locked":  # the run's own words (a locked store: the run waits 30 seconds)
        stopped = run_cli("run", "--input", str(commune), "--output", str(path.parent), "--quiet")
        assert (stopped.returncode, stopped.stderr) == (2, f"LỖI: {said}\n")


def test_history_of_a_folder_that_is_not_there_says_so(tmp_path):
    done = run_cli("history", "--output", str(tmp_path / "ouptut"))
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == f"LỖI: Không có thư mục kết quả '{tmp_path / 'ouptut'}'; hãy kiểm tra lại đường dẫn (--output)."
    )


def test_an_input_that_is_a_file_is_said_to_be_one(commune, tmp_path):
    plan = commune / "KeHoach_2024.xlsx"
    done = run_cli("run", "--input", str(plan), "--output", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.strip().startswith(f"LỖI: '{plan}' là một tệp, không phải thư mục")
