"""End to end: the same inputs give byte-identical workbooks and JSON, run after run."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from pipeline.run import execute
from pipeline.sample import generate_sample


def _spoil_one_cell(folder: Path) -> None:
    """Write 'không rõ' as a head's sex in one roster of the latest month: a warning, so a
    feedback workbook is written."""
    path = [p for p in sorted(folder.rglob("*.xlsx")) if "KeHoach" not in p.name][-1]
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == "Giới tính":
                    ws.cell(cell.row + 2, cell.column).value = "không rõ"
                    book.save(path)
                    return
    raise AssertionError(f"no 'Giới tính' header in {path}")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.suffix in (".xlsx", ".json")
    }


def test_two_runs_write_identical_bytes(tmp_path):
    generate_sample(tmp_path / "sample", hamlets=3, seed=5)
    source = tmp_path / "input"
    shutil.copytree(tmp_path / "sample", source)
    _spoil_one_cell(source)
    runs = []
    for name in ("a", "b"):
        _, written, _ = execute(source, tmp_path / name)
        runs.append(written)
    first, second = _outputs(tmp_path / "a"), _outputs(tmp_path / "b")
    period = runs[0]["workbook"].parent.name
    names = set(first)
    assert {f"{period}/TongHop_{period}.xlsx", f"{period}/TongHop_{period}.json"} <= names
    assert f"{period}/NiemYet_{period}.xlsx" in names
    assert any(n.startswith(f"{period}/PhanHoi/") for n in names), "a feedback workbook"
    assert names == set(second)
    for name in sorted(names):
        assert first[name] == second[name], name
    # publish() names the public list beside the consolidated workbook.
    assert runs[0]["public_list"] == tmp_path / "a" / period / f"NiemYet_{period}.xlsx"
