"""Session 46: the `check` a run stopped in a folder it made names reads no history, as the run
read none, though `output/` holds one."""

from __future__ import annotations

import shlex
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.messages import RunCommand
from pipeline.run import FatalError, execute
from tests.commune import person, write_plan, write_roster


def test_the_check_a_run_into_a_new_folder_names_reads_no_history(tmp_path, monkeypatch):
    """`output/` holds a store a run stops on (a SQLite file with none of the tables). The run
    into 'moi' (made by its lock, removed as it stops) read no history; Bản Cọ's only list is
    refused (its total 0). Before, the check it named ("giamngheo check vao") read `output/`'s
    store: it said a store the run never read and exited 1 for it. Now it carries
    `--no-history`, which reads none: the same lines as a check with an empty output folder."""
    monkeypatch.chdir(tmp_path)
    folder = Path("vao")
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 0, [person("BC1", "poor")])
    Path("output").mkdir()
    with closing(sqlite3.connect("output/lich-su.sqlite")) as conn:
        conn.execute("PRAGMA user_version = 99")
    out = Path("moi")
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, command=RunCommand(folder, out))
    assert not out.exists()
    named = str(stopped.value).rsplit("Xem đủ các lỗi của từng tệp: ", 1)[1]
    assert named == "giamngheo check vao --no-history"
    done = CliRunner().invoke(main, shlex.split(named)[1:])
    Path("trong").mkdir()
    empty = CliRunner().invoke(main, ["check", "vao", "--output", "trong"])
    assert (done.exit_code, empty.exit_code) == (1, 1)  # the refused list's error
    assert done.output == empty.output
    assert done.output.splitlines()[-1] == "2 tệp, 1 lỗi, 2 cảnh báo."
    assert "lich-su.sqlite" not in done.output
    # without a history in `output/`, the check named is as before
    Path("output/lich-su.sqlite").unlink()
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, command=RunCommand(folder, out))
    assert str(stopped.value).endswith("Xem đủ các lỗi của từng tệp: giamngheo check vao")
