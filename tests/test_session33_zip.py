"""Session 33: a workbook assembled in memory (a commune's TongHop, NiemYet, PhanHoi) is
compressed at bulk.ZIP_LEVEL like one assembled on disk. xlsxwriter hands each part to the
zip with a ZipInfo of its own, which carries no level, so zipfile compressed them at zlib's
default (6): three times the time for a file a quarter smaller (session 14's choice of
level 1 held only for the province's workbooks)."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from pipeline.report import bulk
from pipeline.report.workbook import write_consolidated
from pipeline.run import collect

ROOT = Path(__file__).resolve().parents[1]


def _deflated(data: bytes, level: int) -> int:
    """The size of ``data`` deflated as zipfile deflates a part (raw deflate, one call)."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return len(packer.compress(data) + packer.flush())


def test_a_communes_workbook_is_compressed_at_the_zip_level(tmp_path):
    result, _ = collect(ROOT / "input", None, workers=0)
    path = tmp_path / "TongHop_2024-05.xlsx"
    write_consolidated(result, path)
    assert len(result.households) < bulk.IN_MEMORY_ROWS  # assembled in memory
    with zipfile.ZipFile(path) as package:
        parts = [(info, package.read(info)) for info in package.infolist()]
    assert {info.compress_type for info, _ in parts} == {zipfile.ZIP_DEFLATED}
    # every part deflated at level 1, as zlib deflates it at level 1, byte for byte in size
    assert [info.compress_size for info, _ in parts] == [_deflated(d, 1) for _, d in parts]
    # (at zlib's default the two long lists alone come out smaller: the level tells)
    lists = [(info, d) for info, d in parts if len(d) > 100_000]
    assert lists and all(_deflated(d, 6) < info.compress_size for info, d in lists)
