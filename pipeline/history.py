"""The history store: one snapshot per period in SQLite (stdlib), one transaction per run.

``output/lich-su.sqlite`` keeps, for every period consolidated, each
household's status and key fields, each hamlet's figures, and the run that
produced it (time, tool version, every input file's name and SHA-256). The
runs table is append-only, so re-running a period replaces its snapshot but
the earlier run stays on record. The schema carries a version and a list of
migrations, so a later tool opens this year's history.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from contextlib import closing
from operator import itemgetter
from pathlib import Path

import pandas as pd

from pipeline.figures import (  # noqa: F401 (key_text: API)
    NOT_COUNTED,
    household_key_texts,
    id_key,
    key_text,
    stored_key,
)
from pipeline.messages import Message, known_sqlite_reason, sqlite_reason
from pipeline.types import HISTORY_FILE  # noqa: F401 (history.HISTORY_FILE: API)

SCHEMA_VERSION = 4

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
    # Whether the run changed what periods already run after it took from its period (their
    # trend, "since last month", returns to poverty): 1 or 0; NULL for runs stored before.
    2: ("ALTER TABLE runs ADD COLUMN later_affected INTEGER",),
    # The input folder the run read, as it was given: `history` gives the command to run a
    # period again with that folder (NULL for runs stored before).
    3: ("ALTER TABLE runs ADD COLUMN input_dir TEXT",),
    # A household row is one per hamlet, not one per period: a Mã hộ written in two hamlets'
    # lists in one month (both rows left out of the counts, CONTRACT §4.2) keeps both rows, each
    # with its hamlet and head (docs/decisions.md, session 25). The rows stored before stay.
    # The key's order (code, then hamlet) is the order the rows are inserted in
    # (_household_rows), so a province's inserts still append to the key's index.
    4: (
        """CREATE TABLE households_4 (
               period TEXT NOT NULL,
               hamlet TEXT NOT NULL,
               hh_key TEXT NOT NULL,
               ma_ho TEXT NOT NULL,
               chu_ho TEXT NOT NULL,
               nam_sinh INTEGER,
               status TEXT NOT NULL,
               nhan_khau INTEGER,
               n_deprived INTEGER,
               PRIMARY KEY (period, hh_key, hamlet))""",
        "INSERT INTO households_4 SELECT period, hamlet, hh_key, ma_ho, chu_ho, nam_sinh, status, "
        "nhan_khau, n_deprived FROM households",
        "DROP TABLE households",
        "ALTER TABLE households_4 RENAME TO households",
        "CREATE INDEX households_key ON households (hh_key, period)",
    ),
}


class HistoryError(Exception):
    """The store cannot be used (newer than this tool, or damaged): one clear line, exit 2."""


_TABLES = ("runs", "run_files", "snapshots", "hamlet_figures", "households")


def _damaged(path: Path, what: Message, technical: object = "") -> Message:
    """The store is damaged: ``what`` is found, in both languages; ``technical``, what SQLite or
    the JSON reader said, goes last, in brackets, as the library wrote it."""
    tail = f" [{str(technical)[:120]}]" if technical else ""
    return Message(
        f"Kho lịch sử '{path}' bị hỏng ({what}); hãy khôi phục bản sao, hoặc đổi tên tệp này để "
        f"bắt đầu kho mới (các kỳ đã lưu trong đó sẽ không được dùng để so sánh).{tail}",
        f"The history store '{path}' is damaged ({what.en}); restore a copy, or rename this "
        f"file to start a new store (the periods stored in it will not be compared with).{tail}",
    )


_UNREADABLE = Message("có dữ liệu không đọc được", "some of its content cannot be read")


def _read_guarded(method):
    """A store whose content is damaged (rows SQLite cannot read, a summary that is no longer
    JSON, a table gone) stops the run with one line saying so, not with SQLite's words."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.DatabaseError, ValueError, KeyError) as err:
            if isinstance(err, sqlite3.Error) and known_sqlite_reason(err) is not None:
                raise  # locked, disk full, read-only: said as such (cli)
            raise HistoryError(_damaged(self.path, _UNREADABLE, err)) from None

    return guarded


def _write_guarded(method):
    """The store failing while a run's snapshot is written (a disk error): one line saying
    that nothing changed (the run's outputs are put in place only as it commits)."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as err:
            if known_sqlite_reason(err) is not None:
                raise  # locked, disk full, read-only: said as such (cli)
            detail = str(err)[:120]
            raise HistoryError(
                Message(
                    f"Không ghi được vào kho lịch sử '{self.path}' ({detail}); các tệp kết quả "
                    "và lịch sử cũ vẫn giữ nguyên. Hãy kiểm tra ổ đĩa rồi chạy lại.",
                    f"Cannot write to the history store '{self.path}' ({detail}); the previous "
                    "results and history are unchanged. Check the disk and run again.",
                )
            ) from None

    return guarded


def _connect(path: Path, write: bool = True, read_only: bool = False) -> sqlite3.Connection:
    """The store, opened (and brought to this version's schema when ``write``: a store only
    read is left as it is, so that listing a read-only store, or one an older version still
    uses, works). ``read_only``: opened so that SQLite itself cannot change the file (nor
    create it, or a journal beside it), for `giamngheo check`."""
    new = not path.exists()
    if not new and path.is_file() and path.stat().st_size == 0:
        # SQLite would take an empty file for an empty store, and the months stored in it
        # would silently be gone from every comparison.
        raise HistoryError(
            Message(
                f"Kho lịch sử '{path}' là tệp rỗng (0 byte), có thể đã bị hỏng khi chép; hãy "
                "khôi phục bản sao. Nếu chưa có kỳ nào được lưu, hãy xóa tệp này rồi chạy lại.",
                f"The history store '{path}' is an empty file (0 bytes), perhaps damaged in a "
                "copy; restore a copy. If no period was stored yet, delete it and run again.",
            )
        )
    try:
        if read_only:
            where = f"{Path(path).resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(where, timeout=30, isolation_level=None, uri=True)
        else:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        if new:
            try:
                os.chmod(path, 0o600)  # names of households: owner only, where the platform allows
            except OSError:
                pass
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        foreign = not new and version == 0 and bool(tables)
    except sqlite3.DatabaseError as err:
        reason = sqlite_reason(err)
        raise HistoryError(
            Message(
                f"Không mở được kho lịch sử '{path}': {reason}.",
                f"Cannot open the history store '{path}': {reason.en}.",
            )
        ) from None
    if foreign:  # another program's database: none of ours is written into it
        conn.close()
        raise HistoryError(
            Message(
                f"Tệp '{path}' không phải kho lịch sử của giamngheo (là cơ sở dữ liệu của chương "
                "trình khác); hãy chuyển tệp đó đi nơi khác hoặc chọn thư mục kết quả khác.",
                f"'{path}' is not a giamngheo history store (another program's database); move "
                "that file elsewhere or choose another output folder.",
            )
        )
    missing = sorted(set(_TABLES) - tables) if version >= 1 else []
    if missing:  # a table gone: the store was damaged (or edited) since it was written
        conn.close()
        names = ", ".join(missing)
        raise HistoryError(_damaged(path, Message(f"thiếu bảng {names}", f"table {names} missing")))
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
    if version < SCHEMA_VERSION and write:
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
    def __init__(self, path: Path, read_only: bool = False):
        """``read_only``: a store only looked at (`giamngheo check`): opened read-only by SQLite,
        so nothing of it can change; only its reading methods can be used."""
        self.path = path
        self.read_only = read_only

    def exists(self) -> bool:
        return self.path.exists()

    @_read_guarded
    def periods(self) -> list[dict]:
        """Stored periods, oldest first, with their commune figures and the run that made them."""
        if not self.exists():
            return []
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(runs)")}
            folder = "r.input_dir" if "input_dir" in columns else "NULL"  # schema 1 and 2
            rows = conn.execute(
                "SELECT s.period, s.commune, s.complete, s.summary, r.ran_at, r.tool_version, "
                f"s.run_id, {folder} FROM snapshots s JOIN runs r ON r.run_id = s.run_id "
                "ORDER BY s.period"
            ).fetchall()
        out = []
        for period, commune, complete, summary, ran_at, version, run_id, input_dir in rows:
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
                    "run_id": run_id,
                    "input_dir": input_dir,
                    # the base of its "since the start of the year" movements: 'plan', a stored
                    # month of the year, or None (it was the year's first); absent when stored
                    # by a version without it
                    **({"start_from": data["start_from"]} if "start_from" in data else {}),
                }
            )
        return out

    @_read_guarded
    def reruns(self) -> list[tuple[str, int, bool]]:
        """(period, run id, changed what later periods took from it) of every run stored, in the
        order they ran (run ids grow); a run stored before that was recorded counts as having
        changed it."""
        if not self.exists():
            return []
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(runs)")}
            affected = "later_affected" if "later_affected" in columns else "NULL"  # schema 1
            rows = conn.execute(
                f"SELECT period, run_id, {affected} FROM runs ORDER BY run_id"
            ).fetchall()
        return [(period, run_id, affected != 0) for period, run_id, affected in rows]

    @_read_guarded
    def households(self, periods: list[str] | None = None) -> pd.DataFrame:
        """Stored household rows (hamlet, hh_key, ma_ho, chu_ho, nam_sinh, status, period)."""
        columns = ["period", "hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "status"]
        if not self.exists():
            return pd.DataFrame(columns=columns)
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            query = f"SELECT {', '.join(columns)} FROM households"
            params: list = []
            if periods is not None:
                query += f" WHERE period IN ({', '.join('?' * len(periods))})"
                params = list(periods)
            rows = conn.execute(query + " ORDER BY period, hamlet, hh_key", params).fetchall()
        return pd.DataFrame(_rekeyed(rows), columns=columns)

    @_read_guarded
    def codes_of_year(self, year: int) -> tuple[dict[str, set[str]], list[str]]:
        """Each hamlet's household codes (matched as ``id_key``) on the lists of ``year``'s
        stored months, and those months ('YYYY-MM', oldest first): whose list a file's codes
        are, when the plan has no start-of-year list to tell it. Every month, not only the
        latest: a month run again must not be judged by its own last run (where the copied file
        was refused, its hamlet has no codes)."""
        if not self.exists():
            return {}, []
        year_like = (f"{int(year):04d}-%",)
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            rows = conn.execute(
                "SELECT DISTINCT hamlet, ma_ho FROM households WHERE period LIKE ? AND ma_ho != '' "
                "AND period NOT LIKE '%-00'",  # not a start list kept (_keep_start_list)
                year_like,
            ).fetchall()
            months = conn.execute(
                "SELECT period FROM snapshots s WHERE period LIKE ? AND EXISTS (SELECT 1 FROM "
                "households h WHERE h.period = s.period AND h.ma_ho != '') ORDER BY period",
                year_like,
            ).fetchall()
        codes: dict[str, set[str]] = {}
        for hamlet, code in rows:
            codes.setdefault(hamlet, set()).add(id_key(code))
        return codes, [period for (period,) in months]

    @_read_guarded
    def statuses(self, periods: list[str]) -> pd.DataFrame:
        """Stored (period, hamlet, hh_key, status) of ``periods``: what returns to poverty need."""
        columns = ["period", "hamlet", "hh_key", "status"]
        if not self.exists() or not periods:
            return pd.DataFrame(columns=columns)
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            rows = conn.execute(
                f"SELECT {', '.join(columns)} FROM households "
                f"WHERE period IN ({', '.join('?' * len(periods))}) ORDER BY period, hh_key, hamlet",
                list(periods),
            ).fetchall()
        return pd.DataFrame(_rekeyed(rows), columns=columns)

    def check_writable(self) -> None:
        """Take the store's write lock and let it go: a store another program holds locked, or
        one that cannot be written, stops the run before its outputs replace the previous
        ones (the outputs and the history would otherwise tell two different months)."""
        with closing(_connect(self.path)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")

    @_write_guarded
    def save(
        self,
        result,
        files: list[dict],
        ran_at: str,
        tool_version: str,
        before_commit=None,
        later_affected: bool | None = None,
        input_dir: str | None = None,
    ) -> int | None:
        """Store the period's snapshot in one transaction; returns the run it replaced, if any.

        ``before_commit(run_id)`` is called inside the transaction, once everything is written
        and just before it commits (the run's outputs are put in place then): if it raises,
        nothing is stored. ``later_affected``: whether periods already stored after this one
        took figures from it that this run changed (:meth:`reruns`). ``input_dir``: the folder the
        run read, as given (`history`'s commands name it)."""
        summary = json.dumps(result.summary, ensure_ascii=False, sort_keys=False)
        households = _stored_households(result.households)
        with closing(_connect(self.path)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                previous = conn.execute(
                    "SELECT run_id FROM snapshots WHERE period = ?", (result.period,)
                ).fetchone()
                replaced = previous[0] if previous else None
                affected = None if later_affected is None else int(later_affected)
                run_id = conn.execute(
                    "INSERT INTO runs (period, commune, ran_at, tool_version, replaced_run, "
                    "summary, later_affected, input_dir) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        result.period,
                        result.plan.commune,
                        ran_at,
                        tool_version,
                        replaced,
                        summary,
                        affected,
                        input_dir,
                    ),  # fmt: skip
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
                rows = _household_rows(result.period, households)
                conn.executemany(
                    "INSERT OR REPLACE INTO households VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
                _keep_start_list(conn, result, rows)
                if before_commit is not None:
                    before_commit(run_id)
                conn.execute("COMMIT")
            except BaseException:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite rolled back itself (a full disk): its own error is the one
                raise
        return replaced


def _keep_start_list(conn: sqlite3.Connection, result, month_rows: list[tuple]) -> None:
    """Keep the plan's start-of-year list as the households of period 'YYYY-00' (no month,
    no snapshot: only asked for by that name) when the run's month is the first stored of its
    plan year: the list its year table compared with, which next year's plan no longer holds.
    A household on it and missing from that month left the lists that year, and is tái nghèo
    when back next year (run._baselines; docs/decisions.md, session 25). Written once a year,
    again when the year's first month is run again.

    Only what the month's own rows (``month_rows``, as stored) do not say is kept: a start
    household stored in the month on a list or written 'Thoát' is left out (the walk of
    timeline.departures reads the same of it from the month alone), as long as one household
    of each hamlet of the list stays (the hamlets the list covers reported it: a household
    first written in a row left out for an error there in that month was on no list). A
    household of a hamlet missing that month, one held in a row with an error, or one gone,
    stays; of a hamlet whose every household is on the month's list, its first on the plan's.
    A province's list is most of its first month's (docs/decisions.md, session 25)."""
    start = getattr(result.plan, "start_list", None)
    year = result.plan.plan_year
    if start is None or start.empty or not result.period.startswith(f"{year:04d}-"):
        return
    if conn.execute(
        "SELECT 1 FROM snapshots WHERE period LIKE ? AND period < ? LIMIT 1",
        (f"{year:04d}-%", result.period),
    ).fetchone():
        return
    conn.execute("DELETE FROM households WHERE period = ?", (f"{year:04d}-00",))
    said = {row[2]: row[6] for row in month_rows}  # hh_key -> status (the later row stored)
    keys, hamlets = household_key_texts(start), start["hamlet"].tolist()
    last = {key: position for position, key in enumerate(keys)}  # the row INSERT OR REPLACE keeps
    kept, covered = [], set()
    for position, key in enumerate(keys):  # a hamlet's first household on the list stays
        if last[key] == position and (
            said.get(key) not in _SAID or hamlets[position] not in covered
        ):
            kept.append(position)
            covered.add(hamlets[position])
    conn.executemany(
        "INSERT INTO households VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _household_rows(f"{year:04d}-00", start.iloc[kept]),  # only the few rows kept built
    )


_SAID = frozenset({"poor", "near_poor", "exited"})  # a month's row that says all of a household


def _rekeyed(rows: list[tuple]) -> list[tuple]:
    """Stored rows (hh_key third) with their keys as :func:`figures.id_key` makes them now
    (:func:`figures.stored_key`): a store written before codes of digits were matched without
    their leading zeros keeps its households' history ('id|001001' is 'id|1001')."""
    if not any(row[2].startswith("id|0") for row in rows):
        return rows
    return [(*row[:2], stored_key(row[2]), *row[3:]) for row in rows]


def _whole(column: pd.Series) -> list:
    """Whole numbers as Python ints, blanks as None."""
    blank = column.isna().to_numpy()
    return [None if no else int(v) for v, no in zip(column.tolist(), blank, strict=True)]


def _stored_households(households: pd.DataFrame) -> pd.DataFrame:
    """The rows kept: the counted ones with their status, and those left out of the counts for
    an error as ``not_counted`` (the household is still on a list: it has not left it, which
    a later period's "returned" must know). The counted rows come last, so that of two rows
    of one hamlet with one key the counted one is stored (:func:`_household_rows` keeps the
    later). Rows of one key in two hamlets (a Mã hộ on two hamlets' lists, both left out) are
    both stored: each holds its own hamlet's household (docs/decisions.md, session 25)."""
    valid = households["valid"].to_numpy(dtype=bool)
    if valid.all():
        return households
    left_out = households[~valid].assign(phan_loai=NOT_COUNTED)
    return pd.concat([left_out, households[valid]], ignore_index=True)


def _household_rows(period: str, households: pd.DataFrame) -> list[tuple]:
    """The rows of the households table, built column by column (no row dicts), in key order.

    In key order the inserts append to both indexes instead of landing all over them
    (several times faster on a province); the sort is stable, so of two rows of one hamlet
    with the same key the later one still replaces the earlier, as in the rosters' order.
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
