"""Session 51 (RD2): review of `giamngheo history --period`, the skipped-month line and the old
plan put back.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households), Bản Cọ (200) and Đồng Kè (150).
"""

from __future__ import annotations

import hashlib
from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import execute
from tests.commune import (
    person,
    write_plan,
    write_roster,
)

_NA = [person(f"NM{i}", "poor") for i in (1, 2, 3)]


def _runs_listed(out, period: str) -> list[list[str]]:
    """The rows of `giamngheo history --period`, split on spaces."""
    shown = CliRunner().invoke(main, ["history", "--output", str(out), "--period", period])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    count = int(lines[0].split()[2])  # 'Kỳ 04/2024: 2 lần chạy'
    return [line.split() for line in lines[2 : 2 + count]]


def _print_of(*files) -> str:
    """The print worked out by hand: SHA-256 of each file's name, a NUL, its SHA-256 and a
    newline, in name order; its first 8 hex digits."""
    lines = "".join(
        f"{f.name}\0{hashlib.sha256(f.read_bytes()).hexdigest()}\n"
        for f in sorted(files, key=lambda f: f.name)
    )
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()[:8]


# --- 1. the print: the plan and the month's lists, not every file beside them ----------------


def test_the_print_counts_the_plan_and_the_months_lists_not_other_months_files(tmp_path):
    """April run with Nà Mòn's April list; May's list then comes, and a note is left beside
    them; April run again with the very same plan and April list. The listing said 2 files,
    then 4 (May's list and the note counted) under another print: read as April's files having
    changed, though its figures came from the same two. Now both runs read 2 files under one
    print, that of the plan and April's list; a corrected April list gives another."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    plan = write_plan(folder)
    april = write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, _NA, period="2024-04",
                         prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    write_roster(folder, "NaMon_05.xlsx", "Nà Mòn", 100, _NA, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    (folder / "ghi-chu.txt").write_text("gọi lại xóm Bản Cọ", encoding="utf-8")
    execute(folder, out, "2024-04")
    same = _print_of(plan, april)
    rows = _runs_listed(out, "2024-04")
    assert [row[8:10] for row in rows] == [["2", same], ["2", same]]
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, _NA[:2], period="2024-04",
                 prepared=date(2024, 5, 4))  # fmt: skip
    execute(folder, out, "2024-04")
    rows = _runs_listed(out, "2024-04")
    corrected = _print_of(plan, april)
    assert corrected != same
    assert [row[8:10] for row in rows] == [["2", same], ["2", same], ["2", corrected]]
