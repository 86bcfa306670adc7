"""The command line run as the officer runs it: a child process started from the repository
root, its output captured as text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    """``python *argv`` from the repository root (five minutes at most)."""
    return subprocess.run(
        [sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, timeout=300, **kwargs
    )


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """``python -m pipeline *args``: the ``giamngheo`` command."""
    return run_python("-m", "pipeline", *args, **kwargs)
