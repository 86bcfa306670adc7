"""Session 52 (B3): the commands a notice gives to run in turn, on Windows.

A notice that gives several commands joined them with '; ' on one line. In cmd.exe ';' is no
command separator: pasted, the second command became the first's arguments. cmd wants '&',
which Windows PowerShell 5.1 refuses ('&&' only from PowerShell 7), so no one line runs in both:
on Windows each command now ends a line of its own (pasted together, the lines run one by one
in either); a Unix shell's one line is unchanged.

The year of tests/test_history.py (three_months): Nà Mòn (100 households) and Bản Cọ (200),
January to March 2024.
"""

from __future__ import annotations

import os
import sys
from datetime import date

from click.testing import CliRunner

from pipeline import messages
from pipeline.cli import main
from pipeline.messages import commands_in_turn, in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from tests.commune import person, write_roster
from tests.month_lists import months_skipped_said, stored_then_next_year
from tests.test_history import three_months


class _WindowsOs:
    """``os`` as pipeline.messages sees it on Windows: ``name`` 'nt', the rest this system's
    (the run's files, paths and temporary folders stay this system's)."""

    name = "nt"

    def __getattr__(self, attr: str):
        return getattr(os, attr)


def _on_windows(monkeypatch) -> None:
    monkeypatch.setattr(messages, "os", _WindowsOs())


def test_commands_in_turn_one_line_on_unix_one_a_line_on_windows(monkeypatch):
    two = ["giamngheo run --period 2024-02", "giamngheo run --period 2024-03"]
    assert commands_in_turn(two) == (
        ": giamngheo run --period 2024-02; giamngheo run --period 2024-03"
    )
    _on_windows(monkeypatch)
    assert commands_in_turn(iter(two)) == (
        ":\n  giamngheo run --period 2024-02\n  giamngheo run --period 2024-03"
    )
    # one command stays on the notice's line, as everywhere else
    assert commands_in_turn(two[:1]) == ": giamngheo run --period 2024-02"


def test_periods_never_run_each_command_on_its_line_on_windows(tmp_path, monkeypatch):
    """January to March's lists in the folder, March run first: January and February are named,
    then the three commands in order, each on its own line under the sentence on Windows."""
    three_months(tmp_path / "input")
    _on_windows(monkeypatch)
    execute(tmp_path / "input", tmp_path / "output", "2024-03")
    said = [in_language(n, "vi") for n in NOTICES if "chưa từng được" in in_language(n, "vi")]
    assert said == [
        "Thư mục đầu vào có danh sách các kỳ 01/2024 (2 xóm), 02/2024 (2 xóm) chưa từng được "
        "tổng hợp, nên biến động so với tháng trước và xu hướng của kỳ 03/2024 chưa có các kỳ "
        "đó. Hãy tổng hợp lần lượt (các kỳ trước, rồi chạy lại kỳ này):\n"
        "  giamngheo run --period 2024-01\n"
        "  giamngheo run --period 2024-02\n"
        "  giamngheo run --period 2024-03"
    ]
    said_en = [
        in_language(n, "en") for n in NOTICES if "never consolidated" in in_language(n, "en")
    ]
    assert said_en[0].endswith(
        "Run them in order (the earlier periods, then this one again):\n"
        "  giamngheo run --period 2024-01\n"
        "  giamngheo run --period 2024-02\n"
        "  giamngheo run --period 2024-03"
    )


def test_later_months_and_the_history_star_on_windows_and_unix(tmp_path, monkeypatch):
    """January, February, March run; January corrected (NM5 near-poor -> poor) and run again on
    Windows: the notice names February and March to run again, each on its own line; so does
    `history`'s '*' line, each command with the folders the month's run read. The same `history`
    on Unix: one line, '; ' between the commands, as before."""
    folder, out = tmp_path / "input", tmp_path / "output"
    three_months(folder)
    for month in ("2024-01", "2024-02", "2024-03"):
        execute(folder, out, month)
    write_roster(folder, "NaMon_2024-01_sua.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "exited"), person("NM3", "poor"),
        person("NM4", "near_poor"), person("NM5", "poor"),
    ], period="2024-01", prepared=date(2024, 2, 20))  # fmt: skip
    with monkeypatch.context() as windows:
        _on_windows(windows)
        execute(folder, out, "2024-01")
        said = [
            in_language(n, "vi") for n in NOTICES if in_language(n, "vi").startswith("Các kỳ sau")
        ]
        assert len(said) == 1
        assert said[0].startswith("Các kỳ sau (02/2024, 03/2024) đã được tổng hợp với số liệu cũ")
        assert said[0].endswith(
            " Hãy chạy lại các kỳ đó, theo thứ tự:\n"
            "  giamngheo run --period 2024-02\n"
            "  giamngheo run --period 2024-03"
        )
        shown = CliRunner().invoke(main, ["history", "--output", str(out)])
    assert shown.exit_code == 0, shown.output
    # as this command was started (python -m pipeline), the stored input folder and the output
    # folder given: none holds a space or cmd's own characters, so none is quoted
    run = f"{sys.executable} -m pipeline run --input {folder} --output {out}"
    lines = shown.output.splitlines()
    star = next(i for i, line in enumerate(lines) if line.startswith("* Chạy trước"))
    assert lines[star:] == [
        "* Chạy trước khi một kỳ trước đó được chạy lại với số liệu mới: biến động so với tháng "
        "trước và xu hướng có thể theo số liệu cũ; hãy chạy lại các kỳ đó theo thứ tự:",
        f"  {run} --period 2024-02",
        f"  {run} --period 2024-03",
    ]
    shown = CliRunner().invoke(main, ["history", "--output", str(out)])
    assert shown.output.splitlines()[star:] == [
        "* Chạy trước khi một kỳ trước đó được chạy lại với số liệu mới: biến động so với tháng "
        f"trước và xu hướng có thể theo số liệu cũ; hãy chạy lại các kỳ đó theo thứ tự: {run} "
        f"--period 2024-02; {run} --period 2024-03"
    ]


def test_months_skipped_each_command_on_its_line_on_windows(tmp_path, monkeypatch):
    """June 2024 stored, March 2025 run on Windows: January and February 2025 never run, named
    with the three commands (theirs, then March's), each on its own line."""
    _on_windows(monkeypatch)
    stored_then_next_year(tmp_path, 6, 3)
    assert months_skipped_said("en") == [
        "Periods 01/2025, 02/2025 were never consolidated (the consolidated period just before "
        "this one is 06/2024), so 03/2025 has no changes since last month (none counted against "
        "06/2024) and its trend lacks them. If their lists exist, run them in order, then this "
        "period again:\n"
        "  giamngheo run --period 2025-01\n"
        "  giamngheo run --period 2025-02\n"
        "  giamngheo run --period 2025-03"
    ]
