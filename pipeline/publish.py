"""Publish one period's results into output/YYYY-MM/: workbook, JSON, public list and feedback,
each written atomically."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from pipeline.output import OutputError, atomic_write, write_json
from pipeline.report.feedback import publish_feedback
from pipeline.report.public_list import write_public_list
from pipeline.report.workbook import write_consolidated
from pipeline.types import RunResult


def publish(result: RunResult, output_dir: Path, timings=None) -> dict:
    """Write the period's files; returns their paths. The previous files stay until each is complete."""
    started = time.perf_counter()
    # The run's tables (hundreds of thousands of objects) live until the end: keep the
    # garbage collector from rescanning them at every collection while the files are written.
    gc.freeze()
    try:
        written = _publish(result, output_dir)
    finally:
        gc.unfreeze()
    if timings is not None:
        timings.mark("write", started)
    return written


def _publish(result: RunResult, output_dir: Path) -> dict:
    folder = output_dir / result.period
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục kết quả '{folder}': {err.strerror}.") from None
    workbook = atomic_write(
        folder / f"TongHop_{result.period}.xlsx", lambda tmp: write_consolidated(result, tmp)
    )
    summary = write_json(folder / f"TongHop_{result.period}.json", result.summary)
    public_list = atomic_write(
        folder / f"NiemYet_{result.period}.xlsx", lambda tmp: write_public_list(result, tmp)
    )
    feedback_dir, feedback = publish_feedback(result, folder)
    return {
        "workbook": workbook,
        "json": summary,
        "public_list": public_list,
        "feedback": feedback,
        "feedback_dir": feedback_dir,
    }
