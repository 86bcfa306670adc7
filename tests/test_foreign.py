"""Files nobody here wrote: 300 real spreadsheets from other projects mixed into a month's input.

Every one is read if it is a roster and otherwise skipped or reported; the run
ends with exit 0 and the real hamlets' figures unchanged. The corpus is used
in place (linked from a temporary folder, never copied into the project).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.sample import generate_sample

ROOT = Path(__file__).resolve().parents[1]
# Beside the checkout; a clone elsewhere names it with GIAMNGHEO_FOREIGN_CORPUS.
CORPUS = Path(
    os.environ.get("GIAMNGHEO_FOREIGN_CORPUS") or ROOT.parent / "shared" / "corpus" / "foreign"
)
SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def run(input_dir: Path, output_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "run",
            "--input",
            str(input_dir),
            "--output",
            str(output_dir),
            "--quiet",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_foreign_corpus_never_breaks_a_run(tmp_path):
    clean = tmp_path / "clean"
    generate_sample(clean, hamlets=4, seed=3, months=1)
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for path in clean.iterdir():
        (mixed / path.name).symlink_to(path)
    foreign = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    assert len(foreign) >= 290
    for path in foreign:
        (mixed / ("zz_" + "_".join(path.relative_to(CORPUS).parts))).symlink_to(path)

    expected = run(clean, tmp_path / "out_clean")
    done = run(mixed, tmp_path / "out_mixed")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    period = (
        json.loads(
            (tmp_path / "out_clean").joinpath("2024-05", "TongHop_2024-05.json").read_text("utf-8")
        )
        if expected.returncode == 0
        else None
    )
    mixed_summary = json.loads(
        (tmp_path / "out_mixed" / "2024-05" / "TongHop_2024-05.json").read_text("utf-8")
    )
    assert mixed_summary["hamlets"] == period["hamlets"]
    assert mixed_summary["totals"] == period["totals"]
    # every foreign file is accounted for: skipped or reported
    assert mixed_summary["issues"]["files_skipped"] >= len(foreign) - 5
