"""End to end: the same inputs give byte-identical workbooks and JSON, run after run."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.forking import NEEDS_FORK


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


def test_writing_side_by_side_or_in_turn_gives_the_same_files(tmp_path, monkeypatch):
    """The public list and feedback files are written by a forked child (pipeline.forked)
    where there is fork; without it, in this process, after the consolidated workbook."""
    generate_sample(tmp_path / "sample", hamlets=3, seed=6)
    source = tmp_path / "input"
    shutil.copytree(tmp_path / "sample", source)
    _spoil_one_cell(source)
    _, forked_paths, _ = execute(source, tmp_path / "forked")
    monkeypatch.setenv("GIAMNGHEO_NO_FORK", "1")
    _, serial_paths, _ = execute(source, tmp_path / "serial")
    forked_files, serial_files = _outputs(tmp_path / "forked"), _outputs(tmp_path / "serial")
    assert len([n for n in forked_files if "/PhanHoi/" in n]) == 1
    assert forked_files == serial_files
    assert forked_paths["feedback"] == [tmp_path / "forked" / p.relative_to(tmp_path / "serial")
                                        for p in serial_paths["feedback"]]  # fmt: skip


def test_a_public_list_open_in_excel_is_written_beside_it_and_said_so(tmp_path):
    """The child that writes the public list tells this process what it had to do."""
    from pipeline.output import NOTICES

    generate_sample(tmp_path / "input", hamlets=2, seed=7)
    _, written, _ = execute(tmp_path / "input", tmp_path / "out")
    period = written["workbook"].parent.name
    (written["workbook"].parent / f"~$NiemYet_{period}.xlsx").write_bytes(b"lock")
    _, again, _ = execute(tmp_path / "input", tmp_path / "out")
    assert again["public_list"].name == f"NiemYet_{period} (1).xlsx"
    assert again["public_list"].is_file()
    # (the sample's April lists, never run, are said too: test_history)
    assert [n for n in NOTICES if n.startswith("Tệp")] == [
        f"Tệp 'NiemYet_{period}.xlsx' đang được mở nên kết quả mới được ghi vào "
        f"'NiemYet_{period} (1).xlsx'. Nếu tệp đó đã được đóng (không còn chương trình bảng tính "
        f"nào mở nó), hãy xóa tệp ẩn '~$NiemYet_{period}.xlsx' bên cạnh nó (chương trình để lại "
        "khi bị tắt đột ngột) rồi chạy lại."
    ]


def test_a_public_list_that_cannot_be_written_stops_the_run_with_its_reason(tmp_path):
    generate_sample(tmp_path / "input", hamlets=2, seed=8)
    _, written, _ = execute(tmp_path / "input", tmp_path / "out")
    period = written["workbook"].parent.name
    target = written["public_list"]
    target.unlink()
    target.mkdir()  # a folder where the file should go: it cannot be replaced
    (target / "x").write_text("-")
    import pytest

    from pipeline.output import OutputError

    with pytest.raises(OutputError, match=f"NiemYet_{period}.xlsx"):
        execute(tmp_path / "input", tmp_path / "out")


def test_when_the_writing_child_dies_the_files_are_written_here(tmp_path, monkeypatch):
    import os

    from pipeline import publish as publishing

    generate_sample(tmp_path / "sample", hamlets=3, seed=6)
    source = tmp_path / "input"
    shutil.copytree(tmp_path / "sample", source)
    _spoil_one_cell(source)
    execute(source, tmp_path / "usual")
    runner, real = os.getpid(), publishing._side_files

    def dies_in_the_child(*args, **kwargs):
        if os.getpid() != runner:
            os._exit(9)  # like a child killed by the system
        return real(*args, **kwargs)

    monkeypatch.setattr(publishing, "_side_files", dies_in_the_child)

    class Steps:
        seen: list[tuple[int, int]] = []

        def step(self, label, done, total):
            self.seen.append((done, total))

        def __call__(self, done, total):
            pass

    steps = Steps()
    execute(source, tmp_path / "fallback", progress=steps)
    assert _outputs(tmp_path / "fallback") == _outputs(tmp_path / "usual")
    total = steps.seen[-1][1]
    assert [done for done, _ in steps.seen] == list(range(1, total + 1))  # each file once


def _spoil_every_roster(folder: Path) -> None:
    """'không rõ' as a head's sex in every roster: a feedback workbook for each hamlet."""
    for path in sorted(folder.rglob("*.xlsx")):
        if "KeHoach" in path.name:
            continue
        book = openpyxl.load_workbook(path)
        ws = book["Danh sách"]
        cell = next(c for row in ws.iter_rows() for c in row if c.value == "Giới tính")
        ws.cell(cell.row + 2, cell.column).value = "không rõ"
        book.save(path)


@NEEDS_FORK
def test_the_feedback_files_are_shared_out_between_the_runner_and_the_child(tmp_path, monkeypatch):
    """Eight hamlets with a feedback workbook each: once the consolidated workbook is done the
    runner writes feedback files too, beside the forked child (a province may have a thousand).
    Each file is written once, by one of the two, and the files are those of a run that
    writes them all in turn."""
    import os

    from pipeline import publish as publishing

    generate_sample(tmp_path / "sample", hamlets=8, seed=11, months=1)
    source = tmp_path / "input"
    shutil.copytree(tmp_path / "sample", source)
    _spoil_every_roster(source)
    log = tmp_path / "writers.log"
    real = publishing.write_feedback_file

    def logged(result, folder, target):
        import time

        time.sleep(0.1)  # long enough for both writers to take some
        with open(log, "a") as out:
            out.write(f"{os.getpid()} {target[2]}\n")
        return real(result, folder, target)

    monkeypatch.setattr(publishing, "write_feedback_file", logged)
    _, shared, _ = execute(source, tmp_path / "shared")
    writers = [line.split(" ", 1) for line in log.read_text().splitlines()]
    assert len({pid for pid, _ in writers}) == 2  # the runner and the child
    assert sorted(name for _, name in writers) == sorted({name for _, name in writers})
    assert len(writers) == len(shared["feedback"]) == 8
    monkeypatch.setenv("GIAMNGHEO_NO_FORK", "1")
    _, serial, _ = execute(source, tmp_path / "serial")
    assert _outputs(tmp_path / "shared") == _outputs(tmp_path / "serial")
    assert [p.name for p in shared["feedback"]] == [p.name for p in serial["feedback"]]
