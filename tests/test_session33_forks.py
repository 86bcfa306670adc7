"""Session 33: the run's forked children (issue #6 and a fault found on the way). A failed
run leaves no empty 'PhanHoi' folder made by the side writer; a child's result is taken
without waiting for its exit, and the child is reaped all the same."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")


@pytest.fixture
def commune(tmp_path):
    """The shipped sample, two hamlets' May lists with a birth year written as words: each
    gets a PhanHoi file (the sample's lists have nothing else to fix)."""
    import openpyxl

    shutil.copytree(ROOT / "input", tmp_path / "input")
    for name in ("DS_NaMon_2024-05.xlsx", "DS_BanCo_2024-05.xlsx"):
        book = openpyxl.load_workbook(tmp_path / "input" / name)
        sheet = book["Danh sách"]
        assert sheet["D4"].value == "Năm sinh"
        sheet["D5"] = "không nhớ"
        book.save(tmp_path / "input" / name)
    return tmp_path


# The JSON cannot be written (a full disk) once TongHop is: the side writer has made
# 'PhanHoi' for the two hamlets' feedback files by then.
_FULL = """
import errno, os, sys
from pipeline import output

def full(path, data):
    def write(tmp):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return output.atomic_write(path, write)

output.write_json = full
sys.argv = ["giamngheo", "run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"]
from pipeline.cli import entry
entry()
"""


@pytest.mark.parametrize("no_fork", [False, True])
def test_a_run_that_cannot_write_leaves_neither_the_months_folder_nor_phanhoi(commune, no_fork):
    """Before this session the forked side writer's empty 'PhanHoi' folder, and so the month's
    folder, stayed: the side writer's staging, which had noted the folder it made, comes back
    to the run only when it succeeds. The run now notes it before the fork."""
    out = commune / "out"
    env = {**os.environ, "GIAMNGHEO_NO_FORK": "1"} if no_fork else None
    done = subprocess.run(
        [sys.executable, "-c", _FULL, str(commune / "input"), str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=180, env=env,
    )  # fmt: skip
    json_path = out / "2024-05" / "TongHop_2024-05.json"
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        f"LỖI: Không ghi được '{json_path}': ổ đĩa đã đầy; hãy xóa bớt tệp không cần rồi chạy lại.\n"
    )
    # nothing: no month folder, no temporary file, and no store the run made (session 47: a
    # first run that stops leaves no new store, and the folder it made goes with it)
    assert not out.exists()


def test_the_same_in_process(commune, monkeypatch):
    """The same through run.execute (the side writer forked from this process)."""
    from pipeline import output, publish
    from pipeline.run import execute

    def full(path, data):
        def write(tmp):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        return output.atomic_write(path, write)

    monkeypatch.setattr(publish, "write_json", full)
    with pytest.raises(output.OutputError) as stopped:
        execute(commune / "input", commune / "out")
    json_path = commune / "out" / "2024-05" / "TongHop_2024-05.json"  # as the command says it
    assert str(stopped.value) == (
        f"Không ghi được '{json_path}': ổ đĩa đã đầy; hãy xóa bớt tệp không cần rồi chạy lại."
    )
    assert not (commune / "out").exists()


def _big_then_back():
    """A child with a large memory to tear down at its exit, after its result is sent."""
    block = bytearray(400 << 20)  # 400 MB touched: its exit takes a while
    block[::4096] = b"x" * len(block[::4096])
    return os.getpid()


def test_a_childs_result_is_taken_without_waiting_for_its_exit_and_the_child_is_reaped():
    from pipeline import forked

    child = forked.Forked(_big_then_back)
    pid = child.result()
    assert pid == child.pid
    # not waited for: it is reaped once it has ended (here, or by the next fork or cancel)
    deadline = time.monotonic() + 30
    while pid in forked._ENDING and time.monotonic() < deadline:
        time.sleep(0.01)
        child.cancel()  # harmless once collected: reaps what has ended
    assert pid not in forked._ENDING
    with pytest.raises(ChildProcessError):  # no zombie left
        os.waitpid(pid, os.WNOHANG)


def _explode():
    raise ValueError("cannot be rebuilt here")


class _Unloadable:
    """Pickles in the child; rebuilding it in the parent fails."""

    def __reduce__(self):
        return (_explode, ())


def _unloadable():
    return _Unloadable()


def test_a_result_that_cannot_be_rebuilt_is_a_failed_child_and_the_child_is_reaped():
    from pipeline import forked

    child = forked.Forked(_unloadable)
    with pytest.raises(forked.ChildFailed, match="cannot be rebuilt here"):
        child.result()
    assert child.pid not in forked._ENDING
    with pytest.raises(ChildProcessError):  # reaped, not left a zombie
        os.waitpid(child.pid, os.WNOHANG)
