"""The progress bar: drawn for long runs, silent for a commune's handful of files."""

from __future__ import annotations

import io

from pipeline.cli import PROGRESS_MIN_FILES, Progress


def _lines(text: str) -> list[str]:
    return [part for part in text.replace("\n", "\r").split("\r") if part]


def test_a_long_read_draws_a_bar_that_ends_full_and_on_its_own_line():
    out = io.StringIO()
    progress = Progress(out)
    for done in range(1, 2001):
        progress(done, 2000)
    text = out.getvalue()
    frames = _lines(text)
    # one frame per filled step (30 steps) plus the final one, not 2,000 redraws
    assert 2 <= len(frames) <= Progress.WIDTH + 2
    assert frames[-1] == "Đọc tệp      [" + "#" * 30 + "] 2000/2000"
    assert text.endswith("\n")
    assert frames[0].endswith("] 1/2000")


def test_writing_steps_follow_the_reading_bar():
    out = io.StringIO()
    progress = Progress(out)
    for done in range(1, 41):
        progress(done, 40)
    for done in range(1, 4):
        progress.step("Ghi kết quả", done, 3)
    frames = _lines(out.getvalue())
    assert frames[-1] == "Ghi kết quả  [" + "#" * 30 + "] 3/3"
    assert "Ghi kết quả  [" + "#" * 10 + "." * 20 + "] 1/3" in frames


def test_a_commune_with_few_files_gets_no_bar():
    out = io.StringIO()
    progress = Progress(out)
    total = PROGRESS_MIN_FILES - 1
    for done in range(1, total + 1):
        progress(done, total)
    progress.step("Ghi kết quả", 1, 1)
    assert out.getvalue() == ""


class _Recorder:
    def __init__(self):
        self.reads: list[tuple[int, int]] = []
        self.steps: list[tuple[str, int, int]] = []

    def __call__(self, done, total):
        self.reads.append((done, total))

    def step(self, label, done, total):
        self.steps.append((label, done, total))


def test_a_run_reports_every_file_read_then_every_sheet_and_file_written(tmp_path):
    import shutil
    from pathlib import Path

    from pipeline.publish import WRITING
    from pipeline.report.workbook import SHEET_WRITERS
    from pipeline.run import execute

    source = Path(__file__).resolve().parents[1] / "input"
    shutil.copytree(source, tmp_path / "input")
    files = sorted(p for p in (tmp_path / "input").iterdir() if p.is_file())
    recorder = _Recorder()
    result, written, _ = execute(tmp_path / "input", tmp_path / "out", progress=recorder)
    assert recorder.reads == [(n, len(files)) for n in range(1, len(files) + 1)]
    # 10 sheets, the saved workbook, the JSON, the public list, then one per feedback file
    total = len(SHEET_WRITERS) + 3 + len(written["feedback"])
    assert recorder.steps == [(WRITING, n, total) for n in range(1, total + 1)]
