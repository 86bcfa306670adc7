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
from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from tests.commune import (
    person,
    write_plan,
    write_plan_2025,
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


# --- 2. the skipped-month line: the months of the run's year ---------------------------------


def test_a_month_after_a_gap_across_the_year_turn_names_only_its_years_months(tmp_path):
    """June 2024 stored, nothing since; March 2025 run under the 2025 plan. The line named
    07/2024 to 02/2025 and asked for nine runs, the six months of 2024 among them: March's
    changes since last month are against February alone and its trend holds 2025's months
    alone, so running 2024's months changes nothing of March. Now it names January and
    February 2025 and their commands, then March's."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon_06.xlsx", "Nà Mòn", 100, _NA, period="2024-06",
                 prepared=date(2024, 7, 3))  # fmt: skip
    execute(folder, out, "2024-06")
    (folder / "NaMon_06.xlsx").unlink()
    write_plan_2025(folder, (3, 2), ())
    write_roster(folder, "NaMon_03-2025.xlsx", "Nà Mòn", 100, _NA[:2], period="2025-03",
                 prepared=date(2025, 4, 3))  # fmt: skip
    execute(folder, out, "2025-03")
    said = [n for n in NOTICES if "chưa được tổng hợp (kỳ đã tổng hợp" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        "Các kỳ 01/2025, 02/2025 chưa được tổng hợp (kỳ đã tổng hợp liền trước kỳ này là "
        "06/2024), nên kỳ 03/2025 không có biến động so với tháng trước (không so với kỳ "
        "06/2024) và xu hướng không có các kỳ đó. Nếu có danh sách của các kỳ đó, hãy tổng hợp "
        "lần lượt rồi chạy lại kỳ này: giamngheo run --period 2025-01; giamngheo run --period "
        "2025-02; giamngheo run --period 2025-03"
    ]


def test_february_after_december_names_january_alone(tmp_path):
    # control: December 2024 stored, February 2025 run: January 2025 named (as before)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon_12.xlsx", "Nà Mòn", 100, _NA, period="2024-12",
                 prepared=date(2025, 1, 3))  # fmt: skip
    execute(folder, out, "2024-12")
    (folder / "NaMon_12.xlsx").unlink()
    write_plan_2025(folder, (3, 2), ())
    write_roster(folder, "NaMon_02-2025.xlsx", "Nà Mòn", 100, _NA[:2], period="2025-02",
                 prepared=date(2025, 3, 3))  # fmt: skip
    execute(folder, out, "2025-02")
    said = [n for n in NOTICES if "chưa được tổng hợp (kỳ đã tổng hợp" in in_language(n, "vi")]
    assert [in_language(n, "en") for n in said] == [
        "Period 01/2025 was never consolidated (the consolidated period just before this one is "
        "12/2024), so 02/2025 has no changes since last month (none counted against 12/2024) "
        "and its trend lacks it. If its lists exist, run it in order, then this period again: "
        "giamngheo run --period 2025-01; giamngheo run --period 2025-02"
    ]
