"""The history store: one snapshot per period in SQLite (stdlib), one transaction per run.

``output/lich-su.sqlite`` keeps, for every period consolidated, each
household's status and key fields, each hamlet's figures, and the run that
produced it (time, tool version, every input file's name and SHA-256). The
runs table is append-only, so re-running a period replaces its snapshot but
the earlier run stays on record. The schema carries a version and a list of
migrations, so a later tool opens this year's history.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from operator import itemgetter
from pathlib import Path

import pandas as pd

from pipeline.figures import household_key_texts, key_text  # noqa: F401 (key_text: API)
from pipeline.messages import Message, sqlite_reason
from pipeline.types import HISTORY_FILE  # noqa: F401 (history.HISTORY_FILE: API)

SCHEMA_VERSION = 1

# Migration N brings a store from version N-1 to N. Never edit a published step; add one.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE runs (
               run_id INTEGER PRIMARY KEY AUTOINCREMENT,
               period TEXT NOT NULL,
               commune TEXT NOT NULL,
               ran_at TEXT NOT NULL,
               tool_version TEXT NOT NULL,
               replaced_run INTEGER,
               summary TEXT NOT NULL)""",
        """CREATE TABLE run_files (
               run_id INTEGER NOT NULL REFERENCES runs(run_id),
               file TEXT NOT NULL,
               sha256 TEXT NOT NULL,
               size INTEGER NOT NULL,
               kind TEXT NOT NULL,
               status TEXT NOT NULL)""",
        """CREATE TABLE snapshots (
               period TEXT PRIMARY KEY,
               run_id INTEGER NOT NULL REFERENCES runs(run_id),
               commune TEXT NOT NULL,
               plan_year INTEGER NOT NULL,
               complete INTEGER NOT NULL,
               summary TEXT NOT NULL)""",
        """CREATE TABLE hamlet_figures (
               period TEXT NOT NULL,
               hamlet TEXT NOT NULL,
               position INTEGER NOT NULL,
               status TEXT NOT NULL,
               households INTEGER, poor INTEGER, near_poor INTEGER,
               poor_rate REAL, near_poor_rate REAL,
               start_households INTEGER, start_poor INTEGER, start_near_poor INTEGER,
               PRIMARY KEY (period, hamlet))""",
        """CREATE TABLE households (
               period TEXT NOT NULL,
               hamlet TEXT NOT NULL,
               hh_key TEXT NOT NULL,
               ma_ho TEXT NOT NULL,
               chu_ho TEXT NOT NULL,
               nam_sinh INTEGER,
               status TEXT NOT NULL,
               nhan_khau INTEGER,
               n_deprived INTEGER,
               PRIMARY KEY (period, hh_key))""",
        "CREATE INDEX households_key ON households (hh_key, period)",
    ),
}


class HistoryError(Exception):
    """The store cannot be used (newer than this tool, or damaged): one clear line, exit 2."""


def _connect(path: Path) -> sqlite3.Connection:
    new = not path.exists()
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        if new:
            try:
                os.chmod(path, 0o600)  # names of households: owner only, where the platform allows
            except OSError:
                pass
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as err:
        reason = sqlite_reason(err)
        raise HistoryError(
            Message(
                f"Không mở được kho lịch sử '{path}': {reason}.",
                f"Cannot open the history store '{path}': {reason.en}.",
            )
        ) from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise HistoryError(
            Message(
                f"Kho lịch sử '{path}' được tạo bởi phiên bản mới hơn (lược đồ {version}); "
                "hãy cập nhật giamngheo.",
                f"The history store '{path}' was made by a newer version (schema {version}); "
                "update giamngheo.",
            )
        )
    if version < SCHEMA_VERSION:
        _migrate(conn, version)
    return conn


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class HistoryStore:
    def __init__(self, path: Path):
        self.path = path

    def exists(self) -> bool:
        return self.path.exists()

    def periods(self) -> list[dict]:
        """Stored periods, oldest first, with their commune figures and the run that made them."""
        if not self.exists():
            return []
        with closing(_connect(self.path)) as conn:
            rows = conn.execute(
                "SELECT s.period, s.commune, s.complete, s.summary, r.ran_at, r.tool_version "
                "FROM snapshots s JOIN runs r ON r.run_id = s.run_id ORDER BY s.period"
            ).fetchall()
        out = []
        for period, commune, complete, summary, ran_at, version in rows:
            data = json.loads(summary)
            out.append(
                {
                    "period": period,
                    "commune": commune,
                    "complete": bool(complete),
                    "totals": data["totals"],
                    "hamlets": data["hamlets"],
                    "ran_at": ran_at,
                    "tool_version": version,
                }
            )
        return out

    def households(self, periods: list[str] | None = None) -> pd.DataFrame:
        """Stored household rows (hamlet, hh_key, ma_ho, chu_ho, nam_sinh, status, period)."""
        columns = ["period", "hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "status"]
        if not self.exists():
            return pd.DataFrame(columns=columns)
        with closing(_connect(self.path)) as conn:
            query = f"SELECT {', '.join(columns)} FROM households"
            params: list = []
            if periods is not None:
                query += f" WHERE period IN ({', '.join('?' * len(periods))})"
                params = list(periods)
            rows = conn.execute(query + " ORDER BY period, hamlet, hh_key", params).fetchall()
        return pd.DataFrame(rows, columns=columns)

    def statuses(self, periods: list[str]) -> pd.DataFrame:
        """Stored (period, hamlet, hh_key, status) of ``periods``: what returns to poverty need."""
        columns = ["period", "hamlet", "hh_key", "status"]
        if not self.exists() or not periods:
            return pd.DataFrame(columns=columns)
        with closing(_connect(self.path)) as conn:
            rows = conn.execute(
                f"SELECT {', '.join(columns)} FROM households "
                f"WHERE period IN ({', '.join('?' * len(periods))}) ORDER BY period, hh_key",
                list(periods),
            ).fetchall()
        return pd.DataFrame(rows, columns=columns)

    def check_writable(self) -> None:
        """Take the store's write lock and let it go: a store another program holds locked, or
        one that cannot be written, stops the run before its outputs replace the previous
        ones (the outputs and the history would otherwise tell two different months)."""
        with closing(_connect(self.path)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")

    def save(self, result, files: list[dict], ran_at: str, tool_version: str) -> int | None:
        """Store the period's snapshot in one transaction; returns the run it replaced, if any."""
        summary = json.dumps(result.summary, ensure_ascii=False, sort_keys=False)
        households = _stored_households(result.households)
        with closing(_connect(self.path)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                previous = conn.execute(
                    "SELECT run_id FROM snapshots WHERE period = ?", (result.period,)
                ).fetchone()
                replaced = previous[0] if previous else None
                run_id = conn.execute(
                    "INSERT INTO runs (period, commune, ran_at, tool_version, replaced_run, summary) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (result.period, result.plan.commune, ran_at, tool_version, replaced, summary),
                ).lastrowid
                conn.executemany(
                    "INSERT INTO run_files VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (run_id, f["file"], f["sha256"], f["size"], f["kind"], f["status"])
                        for f in files
                    ],
                )
                for table in ("households", "hamlet_figures", "snapshots"):
                    conn.execute(f"DELETE FROM {table} WHERE period = ?", (result.period,))
                conn.execute(
                    "INSERT INTO snapshots VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        result.period,
                        run_id,
                        result.plan.commune,
                        result.plan.plan_year,
                        int(result.summary["complete"]),
                        summary,
                    ),
                )
                conn.executemany(
                    "INSERT INTO hamlet_figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            result.period,
                            h["hamlet"],
                            position,
                            h["status"],
                            h["households"],
                            h["poor"],
                            h["near_poor"],
                            h["poor_rate"],
                            h["near_poor_rate"],
                            h["start_households"],
                            h["start_poor"],
                            h["start_near_poor"],
                        )
                        for position, h in enumerate(result.summary["hamlets"])
                    ],
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO households VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    _household_rows(result.period, households),
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return replaced


def _whole(column: pd.Series) -> list:
    """Whole numbers as Python ints, blanks as None."""
    blank = column.isna().to_numpy()
    return [None if no else int(v) for v, no in zip(column.tolist(), blank, strict=True)]


NOT_COUNTED = "not_counted"  # the status stored for a row left out of the counts for an error


def _stored_households(households: pd.DataFrame) -> pd.DataFrame:
    """The rows kept: the counted ones with their status, and those left out of the counts for
    an error as ``not_counted`` (the household is still on a list: it has not left it, which
    a later period's "returned" must know). The counted rows come last, so that of two rows
    with one key the counted one is stored (:func:`_household_rows` keeps the later)."""
    valid = households["valid"].to_numpy(dtype=bool)
    if valid.all():
        return households
    left_out = households[~valid].assign(phan_loai=NOT_COUNTED)
    return pd.concat([left_out, households[valid]], ignore_index=True)


def _household_rows(period: str, households: pd.DataFrame) -> list[tuple]:
    """The rows of the households table, built column by column (no row dicts), in key order.

    In key order the inserts append to both indexes instead of landing all over them
    (several times faster on a province); the sort is stable, so of two rows with the
    same key the later one still replaces the earlier, as in the rosters' order.
    """
    rows = list(
        zip(
            [period] * len(households),
            households["hamlet"].tolist(),
            household_key_texts(households),
            households["ma_ho"].tolist(),
            households["chu_ho"].tolist(),
            _whole(households["nam_sinh"]),
            households["phan_loai"].tolist(),
            _whole(households["nhan_khau"]),
            [int(v) for v in households["n_deprived"].tolist()],
            strict=True,
        )
    )
    rows.sort(key=itemgetter(2))
    return rows
