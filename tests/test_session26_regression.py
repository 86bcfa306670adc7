"""Session 26's before/after regression check: `bench/compare_outputs.py` finds what differs.

The tool compared the outputs of the session's start (36ad723) and its end on ordinary communes
(docs/decisions.md, "Session 26: before/after regression check"). Here it is pinned on two small
output folders written by hand, and on two runs of one sample commune by this version, which
must give the same outputs but for their run times.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import openpyxl

from pipeline.run import execute
from pipeline.sample import generate_sample

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import compare_outputs  # noqa: E402


def _output(root: Path, poor: int, status: str, merged: bool, ran_at: str, backup: str) -> Path:
    month = root / "2024-05"
    (month / backup).mkdir(parents=True)
    (month / backup / "DS_NaMon_2024-05.xlsx").write_bytes(b"the list as sent")
    summary = {
        "period": "2024-05",
        "totals": {"poor": poor, "near_poor": 2},
        "sources": [f"{root}/2024-05/nguon/DS_NaMon_2024-05.xlsx"],
        "run": {"ran_at": ran_at},
    }
    (month / "TongHop_2024-05.json").write_text(json.dumps(summary), "utf-8")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws["A1"] = "Xã Trung Lương"
    ws["B2"] = poor
    ws["B3"] = "=B2+2"
    if merged:
        ws.merge_cells("A1:C1")
    wb.save(month / "TongHop_2024-05.xlsx")
    con = sqlite3.connect(root / "lich-su.sqlite")
    con.execute(
        "CREATE TABLE runs (run_id INTEGER PRIMARY KEY, period TEXT, ran_at TEXT, summary TEXT)"
    )
    con.execute(
        "CREATE TABLE households (period TEXT, hamlet TEXT, hh_key TEXT, ma_ho TEXT, status TEXT, "
        "PRIMARY KEY (period, hh_key, hamlet))"
    )
    con.execute(
        "INSERT INTO runs VALUES (1, '2024-05', ?, ?)",
        (ran_at, json.dumps({"totals": {"poor": poor}})),
    )
    con.execute("INSERT INTO households VALUES ('2024-05', 'Nà Mòn', 'id|nm1', 'NM1', 'poor')")
    con.execute(
        "INSERT INTO households VALUES ('2024-05', 'Nà Mòn', 'id|nm2', 'NM2', ?)", (status,)
    )
    con.commit()
    con.close()
    return root


def test_each_kind_of_difference_is_found_once_and_run_times_and_folders_are_not(tmp_path):
    old = _output(
        tmp_path / "old", 3, "poor", False, "2026-12-02T08:00:00", "nguon-cu-20261202-080000"
    )
    new = _output(
        tmp_path / "new", 2, "not_counted", True, "2026-12-02T08:05:00", "nguon-cu-20261202-080501"
    )

    result = compare_outputs.Comparison(old, new).run()

    assert sorted(result.diffs, key=repr) == sorted(
        [
            ("json", "2024-05/TongHop_2024-05.json", ".totals.poor", 3, 2),
            ("cell", "2024-05/TongHop_2024-05.xlsx", "Tổng hợp!B2", 3, 2),
            ("cached", "2024-05/TongHop_2024-05.xlsx", "Tổng hợp!B2", 3, 2),
            ("layout", "2024-05/TongHop_2024-05.xlsx", "Tổng hợp:merged", [], ["A1:C1"]),
            ("sqlite", "lich-su.sqlite", "runs(1,).summary.totals.poor", 3, 2),
            (
                "sqlite",
                "lich-su.sqlite",
                "households('2024-05', 'id|nm2', 'Nà Mòn').status",
                "poor",
                "not_counted",
            ),
        ],
        key=repr,
    )
    # files: the JSON, the workbook, the history and the kept copy (its folder's time made equal)
    assert result.counts["files"] == 4
    assert result.counts["byte_files"] == 1
    # JSON: period, 2 totals, 1 source (run.ran_at left out); the run's summary: 1
    assert result.counts["json_keys"] == 5
    # A1, B2, B3 as written; as cached, B3's formula has no value (openpyxl stores none)
    assert result.counts["cells"] == 3
    assert result.counts["cacheds"] == 2
    assert result.counts["sqlite_rows"] == 3


def test_two_runs_of_one_commune_by_this_version_give_the_same_outputs(tmp_path):
    generate_sample(tmp_path / "input", hamlets=3, households=12, months=2)
    for folder in ("a", "b"):
        execute(tmp_path / "input", tmp_path / folder, "2024-04")
        execute(tmp_path / "input", tmp_path / folder, "2024-05")

    result = compare_outputs.Comparison(tmp_path / "a", tmp_path / "b").run()

    assert result.diffs == []
    # per month: TongHop .xlsx/.json, NiemYet, the sha256 list, 3 lists and the plan kept; the history
    assert result.counts["files"] == 2 * 8 + 1
    assert result.counts["sqlite_rows"] > 0


def test_two_renames_one_run_records_are_both_compared(tmp_path):
    """Session 42's review: a run renaming two hamlets on the kept start list records two
    run_files rows of one (run, file, kind) ('start-list-renamed', the old name as SHA-256,
    history._record_renamed). Keyed by those three alone, the first was dropped unseen: a
    rename that differs, Nà Mòn -> 'Nà Mòn Mới' before and 'Tân Mòn' after, was no difference
    (before the fix: 1 case fails)."""
    rows = {
        "old": [("Nà Mòn", "Nà Mòn Mới"), ("Bản Cọ", "Bản Cọ Trên")],
        "new": [("Nà Mòn", "Tân Mòn"), ("Bản Cọ", "Bản Cọ Trên")],
    }
    for side, renamed in rows.items():
        conn = sqlite3.connect(tmp_path / f"{side}.sqlite")
        conn.execute("CREATE TABLE run_files (run_id, file, sha256, size, kind, status)")
        conn.executemany(
            "INSERT INTO run_files VALUES (1, '2024-00', ?, 3, 'start-list-renamed', ?)", renamed
        )
        conn.commit()
        conn.close()
    result = compare_outputs.Comparison(tmp_path / "old", tmp_path / "new")
    result.history("lich_su.sqlite", tmp_path / "old.sqlite", tmp_path / "new.sqlite")
    assert [(d[0], d[3], d[4]) for d in result.diffs] == [("sqlite", "Nà Mòn Mới", "Tân Mòn")]


def test_histories_in_a_folder_named_with_a_hash_are_compared(tmp_path):
    """Session 47: the history was opened by an unquoted 'file:' address: a '#' in the output
    folder's path cut it there (and its read-only mode with it), so SQLite made an empty file
    'Xã ' beside the folder and both sides read as that empty store: no difference of the
    history found (before the fix: both differences missing, the file made). Now it is opened
    as `check` opens it (history_read.open_read_only, the address quoted)."""
    folder = tmp_path / "Xã #3"
    old = _output(
        folder / "old", 3, "poor", False, "2026-12-02T08:00:00", "nguon-cu-20261202-080000"
    )
    new = _output(
        folder / "new", 2, "not_counted", False, "2026-12-02T08:05:00", "nguon-cu-20261202-080501"
    )

    result = compare_outputs.Comparison(old, new).run()

    assert sorted(d[2:] for d in result.diffs if d[0] == "sqlite") == [
        ("households('2024-05', 'id|nm2', 'Nà Mòn').status", "poor", "not_counted"),
        ("runs(1,).summary.totals.poor", 3, 2),
    ]
    assert result.counts["sqlite_rows"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Xã #3"]
