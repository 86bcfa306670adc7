"""Session 50: the officer's screen and commands, walked through as the README says them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# --- the progress bar under --lang en -------------------------------------------------------------
# Its stages were named in Vietnamese ("Đọc tệp", "Ghi kết quả") on a screen otherwise English.


def test_the_progress_bar_names_its_stages_in_english_when_asked():
    import io

    from pipeline.cli import Progress
    from pipeline.publish import WRITING

    out = io.StringIO()
    progress = Progress(out, lang="en")
    for done in range(1, 11):
        progress(done, 10)
    progress.step(WRITING, 1, 1)
    frames = [part for part in out.getvalue().replace("\n", "\r").split("\r") if part]
    assert frames[-2] == "Reading      [" + "#" * 30 + "] 10/10"
    assert frames[-1] == "Writing      [" + "#" * 30 + "] 1/1"
    assert not any("Đọc" in frame or "Ghi" in frame for frame in frames)


def test_a_run_on_a_terminal_in_english_draws_an_english_bar(tmp_path):
    """The shipped sample (25 files: a bar is drawn) run with its stderr on a terminal."""
    import os
    import pty
    import shutil
    import threading

    shutil.copytree(ROOT / "input", tmp_path / "input")
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal's other end closed
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", "run", "--input", str(tmp_path / "input"),
             "--output", str(tmp_path / "out"), "--lang", "en"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=slave, timeout=300,
        )  # fmt: skip
    finally:
        os.close(slave)
        reader.join(timeout=30)
        os.close(master)
    assert done.returncode == 0
    drawn = b"".join(chunks).decode("utf-8")
    assert "\rReading      [" in drawn and "] 25/25" in drawn
    assert "\rWriting      [" in drawn
    assert "Đọc tệp" not in drawn and "Ghi kết quả" not in drawn
