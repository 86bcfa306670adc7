"""Session 53 (F1): the program a pasted command starts with, on Windows, under a folder with a
space.

The pip launcher gives `sys.argv[0]` as the script's whole path, '.exe' taken off:
'C:\\Users\\Nguyen Van A\\giamngheo\\.venv\\Scripts\\giamngheo' for an officer whose account
name holds a space. Quoted ("…"), that path starts a line cmd.exe runs but PowerShell reads as a
string, not a command (it wants `& "…"`, which cmd.exe refuses). Under the current folder (the
tool's, where `chay-tong-hop.bat` runs), it is now written from there, '.\\' first, no quotes:
'.\\.venv\\Scripts\\giamngheo', which runs in both. Tests switch `pipeline.messages.os.name` to
'nt' (and its current folder), as session 52's did.
"""

from __future__ import annotations

import os
import sys

from click.testing import CliRunner

from pipeline import messages
from pipeline.cli import main
from pipeline.messages import RunCommand, program_as_started
from tests.test_history import three_months

HOME = "C:\\Users\\Nguyen Van A"
TOOL = HOME + "\\giamngheo"
SCRIPT = TOOL + "\\.venv\\Scripts\\giamngheo"  # as the pip launcher gives sys.argv[0]
PYTHON = TOOL + "\\.venv\\Scripts\\python.exe"


def _on_windows(monkeypatch, here: str) -> None:
    """``os`` as pipeline.messages sees it on Windows in the folder ``here``: ``name`` 'nt',
    ``getcwd()`` ``here``, the rest this system's (the run's files stay this system's)."""

    class WindowsOs:
        name = "nt"

        @staticmethod
        def getcwd() -> str:
            return here

        def __getattr__(self, attr: str):
            return getattr(os, attr)

    monkeypatch.setattr(messages, "os", WindowsOs())


def test_a_program_under_the_current_folder_with_a_space_is_written_from_there(monkeypatch):
    _on_windows(monkeypatch, TOOL)
    # the script, and `python -m pipeline` from the same venv
    assert program_as_started(SCRIPT, PYTHON) == ".\\.venv\\Scripts\\giamngheo"
    assert program_as_started(SCRIPT + ".exe", PYTHON) == ".\\.venv\\Scripts\\giamngheo.exe"
    assert program_as_started(TOOL + "\\pipeline\\__main__.py", PYTHON) == (
        ".\\.venv\\Scripts\\python.exe -m pipeline"
    )
    command = RunCommand(program=program_as_started(SCRIPT, PYTHON))
    assert command.of("2024-03") == ".\\.venv\\Scripts\\giamngheo run --period 2024-03"
    # Windows names are one whatever their case: the current folder typed otherwise
    _on_windows(monkeypatch, "c:\\users\\nguyen van a\\GIAMNGHEO\\")
    assert program_as_started(SCRIPT, PYTHON) == ".\\.venv\\Scripts\\giamngheo"


def test_a_program_written_from_the_current_folder_only_where_that_needs_no_quotes(monkeypatch):
    quoted_script = f'"{SCRIPT}"'
    # not under the current folder (beside it, another drive): the whole path, quoted, as before
    for here in (HOME + "\\Documents", "D:\\so lieu", TOOL + "\\.venv\\Scripts\\giamngheo"):
        _on_windows(monkeypatch, here)
        assert program_as_started(SCRIPT, PYTHON) == quoted_script, here
    # under it, but from there with a space still ('Tong hop\\…'): quoted either way, the whole
    # path kept (it runs in cmd.exe from any folder)
    _on_windows(monkeypatch, "C:\\Users")
    assert program_as_started(SCRIPT, PYTHON) == quoted_script
    # a path needing no quotes stays whole, as before
    _on_windows(monkeypatch, "C:\\giamngheo")
    assert program_as_started("C:\\giamngheo\\.venv\\Scripts\\giamngheo", PYTHON) == (
        "C:\\giamngheo\\.venv\\Scripts\\giamngheo"
    )
    # a path as typed from the current folder (no launcher): as typed
    assert program_as_started(".venv\\Scripts\\giamngheo", PYTHON) == ".venv\\Scripts\\giamngheo"


def test_a_program_with_a_space_on_unix_is_quoted_as_before(monkeypatch):
    monkeypatch.chdir("/")
    assert program_as_started("/home/nguyen van a/gn/.venv/bin/giamngheo", "/usr/bin/python3") == (
        "'/home/nguyen van a/gn/.venv/bin/giamngheo'"
    )


def test_the_commands_to_run_in_turn_start_from_the_current_folder_on_windows(
    tmp_path, monkeypatch
):
    """January to March's lists in the folder, March run first from the launcher under 'C:\\Users
    \\Nguyen Van A\\giamngheo': the three commands to run in turn, each on its own line, start
    '.\\.venv\\Scripts\\giamngheo', not '"C:\\Users\\Nguyen Van A\\…\\giamngheo"'."""
    folder, out = tmp_path / "input", tmp_path / "output"
    three_months(folder)
    _on_windows(monkeypatch, TOOL)
    monkeypatch.setattr(sys, "argv", [SCRIPT, "run"])
    shown = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--period", "2024-03"]
    )
    assert shown.exit_code == 0, shown.output
    run = f".\\.venv\\Scripts\\giamngheo run --input {folder} --output {out}"
    lines = shown.output.splitlines()
    start = next(i for i, line in enumerate(lines) if "chưa từng được tổng hợp" in line)
    assert lines[start].endswith("Hãy tổng hợp lần lượt (các kỳ trước, rồi chạy lại kỳ này):")
    assert lines[start + 1 : start + 4] == [
        f"  {run} --period 2024-01",
        f"  {run} --period 2024-02",
        f"  {run} --period 2024-03",
    ]
