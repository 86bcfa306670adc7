"""Session 41's review of the command line: what click prints itself (--help, --version) to an
output that cannot be written (a full disk: /dev/full) is said in one line, exit 2, as every
other command says it (cli._unprinted_reason), not with a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FULL_VI = "LỖI: Không in được kết quả ra màn hình hay tệp nhận kết quả: ổ đĩa đã đầy.\n"
FULL_EN = (
    "ERROR: The results cannot be printed to the screen or the file they are sent to: "
    "the disk is full.\n"
)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize(
    ("args", "said"),
    [(["--help"], FULL_VI), (["run", "--help", "--lang", "en"], FULL_EN), (["--version"], FULL_VI)],
    ids=["help", "run-help-en", "version"],
)
def test_help_to_a_full_disk_is_one_line(args, said):
    """Before: a traceback ending in "OSError: [Errno 28] No space left on device", exit 1
    (3 cases fail before)."""
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)  # fmt: skip
    assert (done.returncode, done.stderr) == (2, said)
