"""Session 62 (G): the run's sources are hashed by the side writer (forked to write the public
list and the feedback files, done well before the consolidated workbook the runner writes
meanwhile), not by the runner as it stores the history; without a fork, by the runner as
before. The hashes stored and listed are each file's SHA-256 either way (docs/decisions.md,
"Session 62: the sources hashed by the side writer")."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from contextlib import closing

import pytest

from pipeline import archive
from pipeline.history import HISTORY_FILE
from pipeline.run import collect, execute

SOURCES = ["BanCo.xlsx", "KeHoach_2024.xlsx", "NaMon.xlsx"]


def _hashing_logged(monkeypatch, log):
    """Each file archive.sha256_of hashes, with the process that hashed it, appended to ``log``
    (a file: the side writer is another process)."""
    real = archive.sha256_of

    def logged(path):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {path.name}\n")
        return real(path)

    monkeypatch.setattr(archive, "sha256_of", logged)


def _stored(out) -> list[tuple]:
    """The run's input files as the history keeps them (not the start list's own record, kind
    'start-list': a hash of the list kept, not of a file)."""
    with closing(sqlite3.connect(out / HISTORY_FILE)) as conn:
        return conn.execute(
            "SELECT file, size, sha256, kind, status FROM run_files "
            "WHERE kind IN ('plan', 'roster') ORDER BY file"
        ).fetchall()


def _by_hand(commune) -> list[tuple]:
    """Each source's name, size and SHA-256, worked out here from its bytes."""
    files = []
    for name in SOURCES:
        data = (commune / name).read_bytes()
        files.append((name, len(data), hashlib.sha256(data).hexdigest()))
    return files


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
def test_a_forked_run_hashes_its_sources_in_the_side_writer(commune, tmp_path, monkeypatch):
    """Before: the runner hashed the three files after writing the consolidated workbook."""
    monkeypatch.delenv("GIAMNGHEO_NO_FORK", raising=False)
    log = tmp_path / "hashed.txt"
    _hashing_logged(monkeypatch, log)
    out = tmp_path / "out"
    execute(commune, out)
    hashed = [line.split() for line in log.read_text().splitlines()]
    assert sorted(name for _, name in hashed) == SOURCES  # each once
    assert {pid for pid, _ in hashed} != {str(os.getpid())}
    assert len({pid for pid, _ in hashed}) == 1  # the side writer
    stored = _stored(out)
    assert [row[:3] for row in stored] == _by_hand(commune)
    assert [row[3:] for row in stored] == [
        ("roster", "valid"),
        ("plan", "valid"),
        ("roster", "valid"),
    ]
    manifest = (out / "2024-05" / "nguon-sha256.txt").read_text(encoding="utf-8").splitlines()
    assert manifest == [f"{digest}  {name}" for name, _, digest in _by_hand(commune)]


def test_without_a_fork_the_runner_hashes_them_the_same(commune, tmp_path, monkeypatch):
    log = tmp_path / "hashed.txt"
    _hashing_logged(monkeypatch, log)
    monkeypatch.setenv("GIAMNGHEO_NO_FORK", "1")
    out = tmp_path / "out"
    execute(commune, out)
    hashed = [line.split() for line in log.read_text().splitlines()]
    assert hashed == [[str(os.getpid()), name] for name in SOURCES]
    assert [row[:3] for row in _stored(out)] == _by_hand(commune)


def test_a_file_the_side_writer_did_not_hash_is_hashed_by_the_runner(commune, tmp_path):
    """archive.file_records with some files' sizes and hashes given: the others found as before
    (a side writer that failed gives none)."""
    result, _ = collect(commune, None, workers=0)
    plan = next(sub for sub in result.submissions if sub.file == "KeHoach_2024.xlsx")
    given = {plan.path: (1, "given", archive.source_hashes(result)[plan.path][2])}
    records = archive.file_records(result, given)
    assert [(r["file"], r["size"], r["sha256"]) for r in records] == [
        _by_hand(commune)[0],
        ("KeHoach_2024.xlsx", 1, "given"),
        _by_hand(commune)[2],
    ]
    assert archive.file_records(result) == archive.file_records(result, None)
    assert [(r["file"], r["size"], r["sha256"]) for r in archive.file_records(result)] == (
        _by_hand(commune)
    )
