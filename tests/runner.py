"""The command line run as the officer runs it: a child process started from the repository
root, its output captured as text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(*argv: str, cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:
    """``python *argv`` from the repository root (five minutes at most), or from ``cwd``: a
    message that names the default folders (``output/``) depends on what the folder the command
    is started in holds, which in the repository is whatever `make` left there."""
    return subprocess.run(
        [sys.executable, *argv], cwd=cwd, capture_output=True, text=True, timeout=300, **kwargs
    )


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """``python -m pipeline *args``: the ``giamngheo`` command."""
    return run_python("-m", "pipeline", *args, **kwargs)
