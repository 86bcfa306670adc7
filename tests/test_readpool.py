"""Reading in isolated workers: a file that kills, starves or hangs its reader costs only itself."""

from __future__ import annotations

import os
import sys
import time
import zipfile

import pytest

from pipeline import early, readpool
from pipeline.run import collect
from tests.commune import clean_rosters, write_plan
from tests.forking import NEEDS_FORK

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and rlimits")


@pytest.fixture
def commune(tmp_path):
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    return tmp_path


def test_parallel_and_serial_reading_give_the_same_figures(commune):
    serial, _ = collect(commune, None, workers=0)
    parallel, _ = collect(commune, None, workers=2)
    assert serial.summary == parallel.summary


def test_a_reader_that_dies_hogs_memory_or_hangs_costs_only_its_file(commune, monkeypatch):
    for name in ("crash.xlsx", "hog.xlsx", "hang.xlsx"):
        (commune / name).write_bytes(b"not really")
    real = readpool.read_one

    def hostile(path, rel, plans=True):
        if rel == "crash.xlsx":
            os.abort()  # like a reader that aborts the process
        if rel == "hog.xlsx":
            _ = bytearray(8 << 30)  # 8 GiB: beyond the worker's address-space limit
        if rel == "hang.xlsx":
            time.sleep(60)
        return real(path, rel, plans)

    monkeypatch.setattr(readpool, "read_one", hostile)  # workers are forked: they see it
    monkeypatch.setattr(readpool, "FILE_TIMEOUT", 3.0)
    started = time.monotonic()
    tasks = [(p, p.name) for p in sorted(commune.iterdir())]
    outcomes = {o.sub.file: o for o in readpool.read_files(tasks, workers=2, timeout=3.0)}
    assert time.monotonic() - started < 30
    assert outcomes["crash.xlsx"].issues[0].code == "file-unreadable"
    assert outcomes["hog.xlsx"].issues[0].code == "file-too-large"
    assert outcomes["hang.xlsx"].issues[0].code == "file-too-large"
    assert outcomes["NaMon.xlsx"].sub.kind == "roster" and outcomes["NaMon.xlsx"].sub.rows_read == 6
    assert outcomes["KeHoach_2024.xlsx"].plan is not None


def test_files_handed_to_a_worker_behind_one_that_kills_it_are_read_again(commune, monkeypatch):
    # One worker, so that each hostile file has the next file handed over behind it while it
    # is being read: only the hostile file is blamed, the one behind it is read by the new worker.
    for name in ("0_crash.xlsx", "1_hang.xlsx"):
        (commune / name).write_bytes(b"not really")
    real = readpool.read_one
    read = []

    def hostile(path, rel, plans=True):
        if rel == "0_crash.xlsx":
            os.abort()
        if rel == "1_hang.xlsx":
            time.sleep(60)
        return real(path, rel, plans)

    monkeypatch.setattr(readpool, "read_one", hostile)
    monkeypatch.setattr(readpool, "_size", lambda path: 10)  # every file small: in input order
    tasks = [(p, p.name) for p in sorted(commune.iterdir())]
    assert [rel for _, rel in tasks][:2] == ["0_crash.xlsx", "1_hang.xlsx"]
    outcomes = readpool.read_files(
        tasks, workers=1, timeout=3.0, progress=lambda d, t: read.append(d)
    )
    by_file = {o.sub.file: o for o in outcomes}
    assert [o.sub.file for o in outcomes] == [rel for _, rel in tasks]
    assert by_file["0_crash.xlsx"].issues[0].code == "file-unreadable"
    assert by_file["1_hang.xlsx"].issues[0].code == "file-too-large"
    assert by_file["KeHoach_2024.xlsx"].plan is not None
    rosters = [o for o in outcomes if o.sub.kind == "roster"]
    assert len(rosters) == len(tasks) - 3 and all(not o.issues for o in rosters)
    assert read == list(range(1, len(tasks) + 1))  # each file counted once


def test_a_zip_bomb_is_refused_before_it_is_opened(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            block = b"0" * (1 << 20)
            for _ in range(600):  # 600 MB of zeros, a few hundred KB on disk
                part.write(block)
    assert bomb.stat().st_size < 5 << 20
    outcome = readpool.precheck(bomb, "bomb.xlsx")
    assert outcome is not None and outcome.issues[0].code == "file-too-large"


def test_a_few_small_xlsx_files_are_read_in_this_process(commune, monkeypatch):
    def no_worker(*args, **kwargs):
        raise AssertionError("no worker process for a commune's few small files")

    tasks = [(p, p.name) for p in sorted(commune.iterdir())]
    assert readpool.read_here(tasks)
    parallel, _ = collect(commune, None, workers=2)
    monkeypatch.setattr(readpool, "_Worker", no_worker)
    default, _ = collect(commune, None)
    assert default.summary == parallel.summary
    assert default.summary["hamlets"] == parallel.summary["hamlets"]
    assert [i.sort_key() for i in default.issues] == [i.sort_key() for i in parallel.issues]
    assert default.households.equals(parallel.households)


def test_files_the_reader_is_not_bounded_for_are_read_in_workers(commune):
    tasks = [(p, p.name) for p in sorted(commune.iterdir())]
    (commune / "notes.txt").write_text("not a spreadsheet: never opened")
    (commune / "~$NaMon.xlsx").write_bytes(b"lock file: never opened")
    assert readpool.read_here([(p, p.name) for p in sorted(commune.iterdir())])
    old = commune / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # an OLE (xls) file
    assert not readpool.read_here([*tasks, (old, "old.xls")])
    renamed = commune / "renamed.xlsx"
    renamed.write_bytes(old.read_bytes())  # an xls under an xlsx name
    assert not readpool.read_here([*tasks, (renamed, "renamed.xlsx")])
    big = commune / "big.xlsx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
        package.writestr(
            "xl/worksheets/sheet1.xml", b"0" * (readpool.SERIAL_MAX_UNZIPPED_BYTES + 1)
        )
    assert not readpool.read_here([*tasks, (big, "big.xlsx")])
    many = tasks * (readpool.SERIAL_MAX_FILES // len(tasks) + 1)
    assert not readpool.read_here(many)


def test_many_files_read_in_workers_give_the_figures_read_here(commune):
    for index in range(readpool.SERIAL_MAX_FILES):
        (commune / f"copy{index}.txt").write_text("-")
    tasks = [(p, p.name) for p in sorted(commune.iterdir())]
    assert not readpool.read_here(tasks)
    pooled = readpool.read_files(tasks)
    here = readpool.read_files(tasks, workers=0)
    assert [o.sub.file for o in pooled] == [o.sub.file for o in here]
    assert [o.issues for o in pooled] == [o.issues for o in here]
    assert [(o.sub.kind, o.sub.rows_read, o.sub.hamlet_raw, o.sub.period) for o in pooled] == [
        (o.sub.kind, o.sub.rows_read, o.sub.hamlet_raw, o.sub.period) for o in here
    ]


def _same(a, b) -> None:
    assert [o.sub.file for o in a] == [o.sub.file for o in b]
    assert [o.issues for o in a] == [o.issues for o in b]
    assert [(o.sub.kind, o.sub.rows_read, o.sub.hamlet_raw, o.sub.period, o.sub.total_households)
            for o in a] == [(o.sub.kind, o.sub.rows_read, o.sub.hamlet_raw, o.sub.period,
                             o.sub.total_households) for o in b]  # fmt: skip
    assert [o.sub.extra.get("rows") for o in a] == [o.sub.extra.get("rows") for o in b]


@NEEDS_FORK
def test_an_early_read_gives_what_reading_here_gives_and_the_plan_is_loaded_after(commune):
    (commune / "notes.txt").write_text("not a spreadsheet")
    tasks = [(p, p.name) for p in sorted(commune.iterdir())]
    reader = early.start_early(commune)
    assert reader is not None
    got = readpool.read_files(tasks, early=reader)
    _same(got, readpool.read_files(tasks, workers=0))
    plans = [o for o in got if o.sub.kind == "plan"]
    assert len(plans) == 1 and not plans[0].plan_deferred and plans[0].plan_book is None
    assert plans[0].plan.hamlet_names == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert len(plans[0].plan.start_list) == 3 + 2 + 2 + 1 + 1 + 1  # the start list's households


def test_the_early_reader_leaves_a_plan_unloaded_and_imports_no_pandas(commune):
    import subprocess

    code = (
        "import sys; from pathlib import Path; from pipeline.readpool import read_early\n"
        f"tasks, outcomes = read_early(Path({str(commune)!r}))\n"
        "print(sorted(o.sub.kind for o in outcomes), [o.plan_deferred for o in outcomes if o.sub.kind == 'plan'],"
        " [m for m in ('pandas', 'numpy', 'xlsxwriter') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    here = readpool.read_files([(p, p.name) for p in sorted(commune.iterdir())], workers=0)
    kinds = sorted(o.sub.kind for o in here)
    assert kinds.count("plan") == 1 and kinds.count("roster") >= 2
    assert done.stdout.strip() == f"{kinds} [True] []"


@NEEDS_FORK
def test_when_the_early_reader_fails_each_file_is_read_in_a_worker(commune, monkeypatch):
    tasks = [(p, p.name) for p in sorted(commune.iterdir())]

    def dies(input_dir):
        os._exit(7)  # like a reader that aborts the process

    monkeypatch.setattr(early, "_read", dies)  # the child is forked: it sees it
    reader = early.start_early(commune)
    used = []
    real = readpool._Worker

    def counted(*args, **kwargs):
        used.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(readpool, "_Worker", counted)
    got = readpool.read_files(tasks, early=reader)
    _same(got, readpool.read_files(tasks, workers=0))
    assert used  # not in this process: the file it died on might kill this one too


@NEEDS_FORK
def test_an_early_read_of_other_files_is_not_used(commune):
    tasks = [(p, p.name) for p in sorted(commune.iterdir())]
    late = commune / "late.txt"  # e.g. a file saved into the folder after the child listed it
    assert early.start_early(commune).outcomes([*tasks, (late, "late.txt")]) is None
    late.write_text("-")
    assert early.start_early(commune).outcomes(tasks) is None
    tasks.append((late, "late.txt"))
    _same(
        readpool.read_files(tasks, early=early.start_early(commune)),
        readpool.read_files(tasks, workers=0),
    )


def test_no_early_read_where_there_is_no_fork(commune, monkeypatch):
    monkeypatch.setenv("GIAMNGHEO_NO_FORK", "1")
    assert early.start_early(commune) is None


def test_a_deferred_plan_is_loaded_from_its_sheets_or_else_read_again(commune, monkeypatch):
    path = commune / "KeHoach_2024.xlsx"
    whole = readpool.read_one(path, path.name)
    deferred = readpool.read_one(path, path.name, plans=False)
    assert deferred.plan is None and deferred.plan_deferred
    assert set(deferred.plan_book._cache) == set(deferred.plan_book.sheet_names)
    assert deferred.plan_book._book is None and deferred.plan_book._package is None

    def no_reading(*args, **kwargs):
        raise AssertionError("the sheets were read already")

    monkeypatch.setattr(readpool, "read_guarded", no_reading)
    loaded = readpool.finish_plan(deferred, path, path.name)
    assert loaded.plan.hamlets.equals(whole.plan.hamlets)
    assert loaded.plan.start_list.equals(whole.plan.start_list)
    assert loaded.plan_issues == whole.plan_issues and not loaded.plan_deferred
    monkeypatch.undo()
    unread = readpool.read_one(path, path.name, plans=False)
    unread.plan_book = None  # a sheet could not be read: the file is read again
    again = readpool.finish_plan(unread, path, path.name)
    assert again.plan.start_list.equals(whole.plan.start_list)


@NEEDS_FORK
def test_an_early_read_takes_xls_and_ods_files_too(tmp_path):
    """A commune whose hamlets send Excel 97-2003 or LibreOffice files is read early as well:
    the child is bounded like a worker, so any format of a small file may be read there."""
    from tests import messy

    write_plan(tmp_path)
    messy.copy_xls_fixture(tmp_path)
    messy.ban_co_inline_info(tmp_path)
    tasks = [(p, p.name) for p in sorted(tmp_path.iterdir())]
    assert not readpool.read_here(tasks) and readpool.read_early_here(tasks)
    reader = early.start_early(tmp_path)
    got = reader.outcomes(tasks)
    assert got is not None
    _same(got, readpool.read_files(tasks, workers=0))
    assert sorted(o.sub.kind for o in got) == ["plan", "roster", "roster"]
    big = tmp_path / "big.xls"
    big.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * readpool.SERIAL_MAX_FILE_BYTES)
    assert not readpool.read_early_here([*tasks, (big, "big.xls")])  # left to the workers
    photo = tmp_path / "anh-hop-xom.jpg"
    photo.write_bytes(b"\xff\xd8" + b"\0" * (2 << 20))  # never opened, whatever its size
    assert readpool.read_early_here([*tasks, (photo, photo.name)])


def test_what_a_reader_prints_while_reading_here_goes_to_the_log_not_the_screen(
    commune, monkeypatch, tmp_path_factory, capfd
):
    # A panic in the Rust reader is printed straight to file descriptor 2, under Python's
    # sys.stderr; in a worker that goes to the reader log, and so it must when read here.
    logs = tmp_path_factory.mktemp("tmp")
    monkeypatch.setattr("tempfile.tempdir", str(logs))
    read = readpool.read_guarded
    seen = []

    def noisy(path, rel, plans=True):
        os.write(2, f"thread '<unnamed>' panicked reading {rel}\n".encode())
        return read(path, rel, plans)

    monkeypatch.setattr(readpool, "read_guarded", noisy)
    tasks = [(p, p.name) for p in sorted(commune.iterdir())]
    outcomes = readpool.read_files(tasks, workers=0, progress=lambda d, n: seen.append((d, n)))
    sys.stderr.write("after the read\n")  # the screen's stderr is back
    captured = capfd.readouterr()
    assert "panicked" not in captured.err
    assert "after the read" in captured.err
    log = (logs / "giamngheo-doc-tep.log").read_text()
    assert log.count("panicked reading") == len(tasks) == len(outcomes)
    assert seen[-1] == (len(tasks), len(tasks))
    assert all(o.sub.kind in ("roster", "plan") for o in outcomes)
