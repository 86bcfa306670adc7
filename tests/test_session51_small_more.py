"""Session 51 (D3): two small things (docs/decisions.md, "Session 51: a total row's word as a
household's name is said; `history --period` shows each run's seconds"): a row whose name
(or STT) cell is a total's word ('Tổng cộng') but which holds a household's details (a Mã hộ,
a birth year, an ID number) is said at its name cell, not skipped or counted in silence; a
plain total row, and one with a class copied down into it, stay silent; `history --period`
tells runs made within one minute apart by their seconds."""

from __future__ import annotations

import sqlite3
import time
from datetime import date

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import collect, execute
from pipeline.types import HISTORY_FILE
from tests.commune import person, write_plan, write_roster
from tests.test_typed_by_hand import _commune

# --- 2. `history --period`: each run's time to the second ------------------------------------


@pytest.fixture
def hanoi_clock(monkeypatch):
    """This computer's clock at UTC+7 (Vietnam), for the local times shown."""
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_runs_within_one_minute_are_told_apart_by_their_seconds(tmp_path, hanoi_clock):
    """Nà Mòn's April list run three times; their stored times (UTC) set to 01:15:07, 01:15:42
    and 01:16:03 on 03/05/2024. Before, the listing showed '03/05/2024 08:15' twice (to the
    minute): two runs alike; now 08:15:07, 08:15:42, 08:16:03 (UTC+7, by hand), in Vietnamese
    and in English ('2024-05-03 08:15:07')."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                 period="2024-04", prepared=date(2024, 5, 3))  # fmt: skip
    for _ in range(3):
        execute(folder, out, "2024-04")
    stamps = ["2024-05-03T01:15:07+00:00", "2024-05-03T01:15:42+00:00", "2024-05-03T01:16:03+00:00"]
    with sqlite3.connect(out / HISTORY_FILE) as db:
        ids = [r[0] for r in db.execute("SELECT run_id FROM runs ORDER BY run_id")]
        assert len(ids) == 3
        for run_id, stamp in zip(ids, stamps, strict=True):
            db.execute("UPDATE runs SET ran_at = ? WHERE run_id = ?", (stamp, run_id))
    db.close()
    shown = CliRunner().invoke(main, ["history", "--output", str(out), "--period", "2024-04"])
    assert shown.exit_code == 0, shown.output
    rows = shown.output.splitlines()[2:5]
    assert [row.split()[:2] for row in rows] == [
        ["03/05/2024", "08:15:07"], ["03/05/2024", "08:15:42"], ["03/05/2024", "08:16:03"]
    ]  # fmt: skip
    english = CliRunner().invoke(
        main, ["history", "--lang", "en", "--output", str(out), "--period", "2024-04"]
    )
    assert english.exit_code == 0, english.output
    assert english.output.splitlines()[2].split()[:2] == ["2024-05-03", "08:15:07"]
