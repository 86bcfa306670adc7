"""Session 62 (R1, review of G): the side writer hashes the sources while the runner writes the
consolidated workbook, long before the runner copies them into 'nguon'. A source saved again
in between (an officer's edit, a sync tool) is hashed again by the runner, so that the hash
stored and listed in 'nguon-sha256.txt' is that of the copy kept, as before G's change
(docs/decisions.md, "Session 62: review of G's sources hashed by the side writer")."""

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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
def test_a_source_saved_again_after_the_side_writer_hashed_it_is_hashed_again(
    commune, tmp_path, monkeypatch
):
    """Before this review: the manifest and the history kept the side writer's hash of the
    bytes before the edit, the copy in 'nguon' held the bytes after it."""
    monkeypatch.delenv("GIAMNGHEO_NO_FORK", raising=False)
    source = commune / "NaMon.xlsx"
    before = source.read_bytes()
    real = archive.file_records

    def saved_again(result, hashed=None):
        assert hashed is not None  # the side writer's
        source.write_bytes(before + b"\0")  # saved again while the workbook was written
        return real(result, hashed)

    monkeypatch.setattr(archive, "file_records", saved_again)
    out = tmp_path / "out"
    execute(commune, out)
    after = before + b"\0"
    copy = (out / "2024-05" / "nguon" / "NaMon.xlsx").read_bytes()
    assert copy == after
    digest = hashlib.sha256(after).hexdigest()
    manifest = (out / "2024-05" / "nguon-sha256.txt").read_text(encoding="utf-8").splitlines()
    assert f"{digest}  NaMon.xlsx" in manifest
    with closing(sqlite3.connect(out / HISTORY_FILE)) as conn:
        row = conn.execute(
            "SELECT size, sha256 FROM run_files WHERE file = 'NaMon.xlsx'"
        ).fetchone()
    assert row == (len(before) + 1, digest)


def test_a_file_written_again_with_the_same_size_and_time_is_hashed_again(commune, tmp_path):
    """Same size, its modification time put back: its inode (and change time) differ."""
    result, _ = collect(commune, None, workers=0)
    found = archive.source_hashes(result)
    source = commune / "BanCo.xlsx"
    data = source.read_bytes()
    times = os.stat(source)
    edited = data[:-1] + bytes([data[-1] ^ 1])
    saved = commune / "BanCo.xlsx.tmp"  # saved as programs save: a new file put in its place
    saved.write_bytes(edited)
    os.utime(saved, ns=(times.st_atime_ns, times.st_mtime_ns))
    os.replace(saved, source)
    records = {r["file"]: (r["size"], r["sha256"]) for r in archive.file_records(result, found)}
    assert records["BanCo.xlsx"] == (len(data), hashlib.sha256(edited).hexdigest())
    unchanged = commune / "NaMon.xlsx"
    assert records["NaMon.xlsx"] == (
        unchanged.stat().st_size,
        hashlib.sha256(unchanged.read_bytes()).hexdigest(),
    )
