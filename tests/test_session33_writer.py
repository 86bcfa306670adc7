"""Session 33: a commune's files written by a process forked before the counting
(pipeline.writing, issue #6). The runner never imports xlsxwriter (tests/test_startup.py);
here: the files are the same byte for byte as when written in one process, a writer that
dies leaves the writing to the run, a writer that cannot write stops the run with nothing
left behind, a result too large is not handed over, and the writer draws the progress bar."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")


def _outputs(out: Path) -> dict[str, str]:
    """Every file of the run's month folder (the history aside), by path: its sha256."""
    return {
        str(path.relative_to(out)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.suffix != ".sqlite" and "2024-05" in path.parts
    }


def _run(tmp_path: Path, name: str, env: dict | None = None, script: str | None = None):
    entry = ["-c", script] if script else ["-m", "pipeline"]
    args = ["run", "--input", str(tmp_path / "input"), "--output", str(tmp_path / name), "--quiet"]
    if script:
        args = [str(tmp_path / "input"), str(tmp_path / name)]
    return subprocess.run(
        [sys.executable, *entry, *args],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


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


def test_the_writers_files_are_those_written_in_one_process(commune):
    forked = _run(commune, "forked")
    alone = _run(commune, "alone", env={"GIAMNGHEO_NO_FORK": "1"})
    assert forked.returncode == alone.returncode == 0, forked.stderr + alone.stderr
    written = _outputs(commune / "forked")
    # the sample's 12 hamlets: TongHop, its JSON, NiemYet, a PhanHoi file per hamlet and the
    # sources kept; none left under a temporary name
    names = [Path(p).name for p in written]
    assert {"TongHop_2024-05.xlsx", "TongHop_2024-05.json", "NiemYet_2024-05.xlsx"} <= set(names)
    feedback = sorted(Path(p).name for p in written if "PhanHoi" in p)
    assert feedback == ["Bản Cọ_2024-05.xlsx", "Nà Mòn_2024-05.xlsx"]
    assert not [n for n in names if n.endswith(".tmp")]
    assert written == _outputs(commune / "alone")
    # the same summary on screen, but for the folder and the stages' times
    said = alone.stdout.replace(str(commune / "alone"), str(commune / "forked")).splitlines()
    assert forked.stdout.splitlines()[:-1] == said[:-1]
    assert said[-1].startswith("Thời gian: ")


# The writer dies as it is handed the result (as if killed): the run writes the files itself.
_DIES = """
import os, sys
from pipeline import writing

writing._publish_staged = lambda *args, **kwargs: os._exit(3)
sys.argv = ["giamngheo", "run", "--input", sys.argv[1], "--output", sys.argv[2], "--quiet"]
from pipeline.cli import entry
entry()
"""


def test_a_writer_that_dies_leaves_the_writing_to_the_run(commune):
    done = _run(commune, "died", script=_DIES)
    _run(commune, "alone", env={"GIAMNGHEO_NO_FORK": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Xóm: 12/12 đã tổng hợp" in done.stdout
    assert _outputs(commune / "died") == _outputs(commune / "alone")
    assert not [p for p in (commune / "died").rglob("*.tmp")]


# The writer cannot write the JSON (a full disk) after it has written TongHop: the run stops
# with the one line saying so, and leaves neither the month's folder nor a temporary file.
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


def test_a_writer_that_cannot_write_stops_the_run_and_leaves_nothing(commune):
    done = _run(commune, "full", script=_FULL)
    json_path = commune / "full" / "2024-05" / "TongHop_2024-05.json"
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        f"LỖI: Không ghi được '{json_path}': ổ đĩa đã đầy; hãy xóa bớt tệp không cần rồi chạy lại.\n"
    )
    out = commune / "full"
    assert not (out / "2024-05").exists()
    assert not [p for p in out.rglob("*") if p.name.endswith((".tmp", ".old"))]
    # and the history holds no run
    with closing(sqlite3.connect(out / "lich-su.sqlite")) as history:
        assert history.execute("SELECT count(*) FROM runs").fetchone() == (0,)


class _Result:
    """Just enough of a RunResult for the hand-over's size test."""

    def __init__(self, households: int):
        self.households = [None] * households


def test_a_result_too_large_is_not_handed_over():
    from pipeline import writing

    writer = writing.Writer()
    assert writer.hand_over(_Result(writing.MAX_HOUSEHOLDS + 1), Path("out")) is False
    # cancelled and reaped: the run writes the files itself
    assert writer.write_end is None and writer.child.fd is None
    with pytest.raises(ChildProcessError):
        os.waitpid(writer.pid, os.WNOHANG)


def test_the_writer_draws_the_writing_on_the_runs_progress_bar(commune):
    from pipeline.cli import Progress
    from pipeline.output import staged_outputs, staging
    from pipeline.run import collect
    from pipeline.writing import Writer

    result, _ = collect(commune / "input", None, workers=0)
    bar = commune / "bar.txt"
    with open(bar, "w", encoding="utf-8") as stream:
        writer = Writer(Progress(stream=stream))
        with staged_outputs():
            assert writer.hand_over(result, commune / "out", writer_progress := Progress())
            written, notices, entries = writer.written()
            staging().extend(entries)  # (removed with the staging: nothing is put in place)
    assert writer_progress.enabled  # (the bar as the run had it: on, so the writer draws)
    # 10 sheets, TongHop saved, its JSON, NiemYet and the two hamlets' PhanHoi files: 15
    # steps (publish._publish's total), the last one drawn with its line ended
    drawn = bar.read_text(encoding="utf-8").split("Ghi kết quả")
    assert drawn[1].endswith(" 1/15\n") and drawn[-1].endswith(" 15/15\n")
    assert written["workbook"].name == "TongHop_2024-05.xlsx"
    assert len(written["feedback"]) == 2 and notices == []
    # what it wrote is staged under its temporary names (TongHop's with the writer's process
    # id; NiemYet and PhanHoi by its side writer), for the run to put in place
    pending = {Path(final).name: Path(tmp).name for tmp, final in entries[0]}
    assert len(pending) == 5
    assert pending["TongHop_2024-05.xlsx"] == f".TongHop_2024-05.xlsx.{writer.pid}.tmp"
    assert all(tmp.endswith(".tmp") for tmp in pending.values())
    assert not list((commune / "out").rglob("*.tmp"))  # and gone with the staging


def test_a_run_that_fails_after_the_side_writer_made_the_feedback_folder_leaves_none(
    commune, monkeypatch
):
    """The run writing its files itself (no writer handed over), its side writer making
    'PhanHoi' for the two hamlets' feedback files while the JSON cannot be written: before
    this session the empty 'PhanHoi' and month folders stayed (the side writer's staging,
    which had noted them, comes back only when it succeeds)."""
    import errno

    from pipeline import output, publish
    from pipeline.run import execute

    def full(path, data):
        def write(tmp):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        return output.atomic_write(path, write)

    monkeypatch.setattr(publish, "write_json", full)
    with pytest.raises(output.OutputError):
        execute(commune / "input", commune / "out")
    assert sorted(p.name for p in (commune / "out").iterdir()) == ["lich-su.sqlite"]


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
