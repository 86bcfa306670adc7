"""A hamlet's list gone between the listing of the input folder and its reading (moved away by
another user), read in this process as every run without the fork reads (Windows): the hamlet
is missing, as the run with the early reader says it, not "cannot be opened on this computer"
(docs/decisions.md, session 61). A link to nothing is still a file that cannot be opened."""

from __future__ import annotations

import json
import os
import sys

import pytest

import pipeline.run
from pipeline.run import execute

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX links")


def _listed_then(monkeypatch, change) -> None:
    """Run ``change`` once the folder is listed, before any file is read."""
    read_files = pipeline.run.read_files

    def read_after_change(tasks, *args, **kwargs):
        change()
        return read_files(tasks, *args, **kwargs)

    monkeypatch.setenv("GIAMNGHEO_NO_FORK", "1")
    monkeypatch.setattr(pipeline.run, "read_files", read_after_change)


def _statuses(result, out) -> tuple[list[tuple[str, str]], list[str]]:
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    hamlets = [(h["hamlet"], h["status"]) for h in summary["hamlets"]]
    return hamlets, [i.code for i in result.issues if i.file == "BanCo.xlsx"]


def test_a_list_gone_after_listing_is_missing(commune, tmp_path, monkeypatch):
    _listed_then(monkeypatch, (commune / "BanCo.xlsx").unlink)
    result, _, _ = execute(commune, tmp_path / "out")
    hamlets, codes = _statuses(result, tmp_path / "out")
    assert hamlets == [("Nà Mòn", "ok"), ("Bản Cọ", "missing"), ("Đồng Kè", "missing")]
    assert codes == []
    assert sorted(p.name for p in (tmp_path / "out" / "2024-05" / "nguon").iterdir()) == [
        "KeHoach_2024.xlsx",
        "NaMon.xlsx",
    ]


def test_a_list_turned_into_a_link_to_nothing_after_listing_stays_unopened(
    commune, tmp_path, monkeypatch
):
    def to_nothing() -> None:
        (commune / "BanCo.xlsx").unlink()
        os.symlink(tmp_path / "nowhere.xlsx", commune / "BanCo.xlsx")

    _listed_then(monkeypatch, to_nothing)
    result, _, _ = execute(commune, tmp_path / "out")
    hamlets, codes = _statuses(result, tmp_path / "out")
    assert hamlets == [("Nà Mòn", "ok"), ("Bản Cọ", "rejected"), ("Đồng Kè", "missing")]
    assert codes == ["file-unopened"]
