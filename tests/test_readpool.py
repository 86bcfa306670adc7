"""Reading in isolated workers: a file that kills, starves or hangs its reader costs only itself."""

from __future__ import annotations

import os
import sys
import time
import zipfile

import pytest

from pipeline import readpool
from pipeline.run import collect
from tests.commune import clean_rosters, write_plan

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

    def hostile(path, rel):
        if rel == "crash.xlsx":
            os.abort()  # like a reader that aborts the process
        if rel == "hog.xlsx":
            _ = bytearray(8 << 30)  # 8 GiB: beyond the worker's address-space limit
        if rel == "hang.xlsx":
            time.sleep(60)
        return real(path, rel)

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
