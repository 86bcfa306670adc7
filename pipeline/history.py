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
import hashlib
import json
import os
import sqlite3
import stat
from collections import Counter
from collections.abc import Collection, Iterable
from contextlib import closing, contextmanager
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from pipeline.figures import (  # noqa: F401 (key_text: API)
    NOT_COUNTED,
    household_key_texts,
    id_key,
    key_text,
    stored_key,
)
from pipeline.history_read import (
    READ_ONLY_WAIT,
    as_stored,
    in_wal_mode,
    not_empty,
    open_read_only,
    real_path,
    wal_alone_at,
)
from pipeline.messages import Message, known_sqlite_reason, sqlite_reason
from pipeline.rosterchecks import id_number
from pipeline.text import commune_key, fold, name_within, nfc
from pipeline.types import FROM_AGE, HISTORY_FILE  # noqa: F401 (history.HISTORY_FILE: API)

if TYPE_CHECKING:
    from pipeline.lock import Holder

SCHEMA_VERSION = 7

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
    # Whether a household row's birth year was read from an age under 'Năm sinh' (validate's
    # nam_sinh_from_age): 1, else NULL, as every row stored before reads. Such a year may be one
    # off, and a later month matches the household by name and birth year a year off too
    # (figures.near_pairs; docs/decisions.md, session 30).
    5: ("ALTER TABLE households ADD COLUMN from_age INTEGER",),
    # The head's ID number (its digits, rosterchecks.id_number) of a row left out for an error
    # (status 'not_counted') that writes one, else NULL, as every row stored before reads: a
    # later month's history walk holds a household gone from its list by such a row's number,
    # as that month's tables held it (timeline._held_by_id; docs/decisions.md, session 52).
    # Counted rows keep none: their numbers are the plan's start list's.
    6: ("ALTER TABLE households ADD COLUMN so_dinh_danh TEXT",),
    # How many rows of its hamlet's list wrote the key of a row left out for an error, where
    # more than one (a Mã hộ written twice in one list: one row of a hamlet and key is stored,
    # the later; maybe another household's): NULL where one did (and for counted rows); 0 for
    # a row left out stored before, not known. A later month's history walk tells another
    # household's row under a listed code, in another hamlet, only where that row was its
    # hamlet's one row of the code (timeline._another_household; docs/decisions.md, session 62).
    7: (
        "ALTER TABLE households ADD COLUMN twice INTEGER",
        f"UPDATE households SET twice = 0 WHERE status = '{NOT_COUNTED}'",
    ),
}


# A new store is made at this version's schema directly (one transaction, no five steps): each
# statement is written as SQLite keeps it in `sqlite_master` once a store is migrated from
# version 0 (an added column appended to its table's text, the table renamed by step 4
# quoted), so a store made either way has the same schema text;
# tests/test_session30_a4_new_store_schema.py compares the two (docs/decisions.md, session 30).
SCHEMA: tuple[str, ...] = (
    MIGRATIONS[1][0].removesuffix(")") + ", later_affected INTEGER, input_dir TEXT)",
    *MIGRATIONS[1][1:4],
    MIGRATIONS[4][0]
    .replace("CREATE TABLE households_4 (", 'CREATE TABLE "households" (', 1)
    .replace(
        "n_deprived INTEGER,",
        "n_deprived INTEGER, from_age INTEGER, so_dinh_danh TEXT, twice INTEGER,",
        1,
    ),
    MIGRATIONS[4][4],
)


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


def _in_use(path: Path, err: Exception) -> Message:
    """The store locked by another program, read-only, or its disk full: said with its path
    (the officer is to close that program, or free the disk, for this file)."""
    reason = known_sqlite_reason(err)
    return Message(
        f"Không đọc hay ghi được kho lịch sử '{path}': {reason}.",
        f"The history store '{path}' cannot be used: {reason.en}.",
    )


def _read_guarded(method):
    """A store whose content is damaged (rows SQLite cannot read, a summary that is no longer
    JSON, a table gone) stops the run with one line saying so, not with SQLite's words. A
    store only read keeps the line of any read that fails (``failed``, the first): held, or
    changed meanwhile (history_read._Unchanging), or become damaged, another program's or newer
    since `giamngheo check` first looked at it; `check`, which goes on without it, says it. One
    removed (or moved away), replaced by another store or written to since a read found it
    (``found``) is said as changed meanwhile (when it can be read), not read as no store or as
    the other store."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            try:
                now = as_stored(self.path) if self.read_only else None
                if self.read_only and self.found is None:
                    self.found = now
                elif self.read_only and now != self.found:
                    if now is not None:  # one unusable now is said so, in the run's words
                        method(self, *args, **kwargs)
                    raise sqlite3.OperationalError("database is locked")  # as _Unchanging says
                return method(self, *args, **kwargs)
            except (sqlite3.DatabaseError, ValueError, KeyError) as err:
                if isinstance(err, sqlite3.Error) and known_sqlite_reason(err) is not None:
                    raise HistoryError(_in_use(self.path, err)) from None  # locked, read-only
                raise HistoryError(_damaged(self.path, _UNREADABLE, err)) from None
        except HistoryError as err:
            if self.read_only and self.failed is None:
                self.failed = err.args[0]
            raise

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
                raise HistoryError(_in_use(self.path, err)) from None  # locked, full, read-only
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


def link_to_nothing(path: Path) -> Message | None:
    """What is said of a store that is a symbolic link to a file no longer there (None when
    ``path`` is no such link)."""
    if path.exists() or not path.is_symlink():
        return None
    target = os.readlink(path)
    return Message(
        f"Kho lịch sử '{path}' là liên kết tới '{target}', nơi không còn tệp đó; hãy chép "
        "chính tệp kho lịch sử vào thư mục kết quả thay cho liên kết. Nếu chưa có kỳ nào "
        "được lưu, hãy xóa liên kết rồi chạy lại.",
        f"The history store '{path}' is a link to '{target}', where that file no longer "
        "is; copy the store itself into the output folder in place of the link. If no "
        "period was stored yet, delete the link and run again.",
    )


def being_made_said(
    path: Path, pid: int, listing: bool = False, computer: str | None = None
) -> Message:
    """What `giamngheo check` (``listing``: `giamngheo history`) says of a store a run is making
    now, its first month not yet stored (:meth:`HistoryStore.made_by_a_run`), in place of the
    empty file's stop, which tells the officer to restore a copy of a store that is fine.
    ``computer``: the other computer that run is on (lock.Holder), named."""
    if computer is None:
        vi_run, en_run = f"một lần chạy khác (tiến trình {pid})", f"another run (process {pid})"
    else:
        from pipeline.lock import computer_said, same_name_said

        named = computer_said(computer)
        vi_run = f"một lần chạy trên máy tính khác ('{named}', tiến trình {pid})"
        en_run = f"a run on another computer ('{named}', process {pid})"
    vi = f"Kho lịch sử '{path}' đang được tạo: {vi_run} đang lưu kỳ đầu tiên vào đó, chưa lưu xong."
    en = (
        f"The history store '{path}' is being made: {en_run} is storing its first month in it, "
        "not finished yet."
    )
    if listing:
        said = Message(
            f"{vi} Chưa có kỳ nào trong kho; hãy đợi lần chạy đó xong rồi xem lại.",
            f"{en} No month is in it yet; wait for that run to finish, then look again.",
        )
    else:
        said = Message(
            f"{vi} Các tệp dưới đây được kiểm tra như khi chưa có kỳ nào được lưu; hãy đợi lần "
            "chạy đó xong rồi kiểm tra lại để so với kỳ đó.",
            f"{en} The files below are checked as with no month stored; wait for that run to "
            "finish, then check again to compare with that month.",
        )
    # Another computer of this one's name: said as the run says it (session 64, B2).
    if computer is None or (same := same_name_said(computer)) is None:
        return said
    return Message(f"{said} {same}", f"{said.en} {same.en}")


def _connect(path: Path, write: bool = True, read_only: bool = False) -> sqlite3.Connection:
    """The store, opened (and brought to this version's schema when ``write``: a store only
    read is left as it is, so that listing a read-only store, or one an older version still
    uses, works). ``read_only``: opened so that SQLite itself cannot change the file (nor
    create it, or a journal beside it), for `giamngheo check`."""
    new = not path.exists()
    if new and path.is_symlink():
        # A link to a store moved or deleted since: SQLite would make a new, empty store where
        # it pointed, and the months stored would silently be gone from every comparison.
        raise HistoryError(link_to_nothing(path))
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
            conn = open_read_only(path, READ_ONLY_WAIT, isolation_level=None)
        elif not write and in_wal_mode(real_path(path)) and not wal_alone_at(path):
            # a run's read of a store in WAL mode: as `check` reads it, no file made beside it
            # nor a '-wal' put into it (a run stopping before it stores leaves it as it was);
            # a '-wal' alone is read only by putting it into the store, as before
            conn = open_read_only(path, 30, isolation_level=None)
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
        _migrate(conn, version, fresh=version == 0 and not tables)
    return conn


def _migrate(conn: sqlite3.Connection, version: int, fresh: bool = False) -> None:
    """Brings the store from ``version`` to this one's schema, step by step; ``fresh`` (no
    table yet): made at this version's schema directly (SCHEMA), in one step."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if fresh:
            for statement in SCHEMA:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        else:
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
        # what the last save did to the kept start list of its plan year (_keep_start_list)
        self.start_kept: StartKept | None = None
        # only read: the first read that failed (_read_guarded: held, changed meanwhile when read
        # as unchanging, damaged, another program's, newer): `check`, which goes on without
        # what it read, says it
        self.failed: Message | None = None
        # only read: the store as the first read found it (history_read.as_stored: None, not
        # there); one gone, replaced or written to since is said (_read_guarded)
        self.found: tuple | None = None

    def exists(self) -> bool:
        # a link to nothing is a store to say something of (_connect), not no store
        return os.path.lexists(self.path)

    def made_by_a_run(self) -> Holder | None:
        """The run making this store now (lock.Holder: its process id, the other computer it
        runs on), its first month not yet stored: the
        store an empty file made since a run alive now took its folder's lock (pipeline.lock),
        which that run holds until it has stored. SQLite makes the file as the run opens it to
        store, and writes it only as the transaction making its tables commits (_migrate; the
        month's is the next): until then a store only read is an empty file, beside the
        journal of that transaction or (its first milliseconds) none. A store emptied before
        that run took the lock (older than the lock) is not: the run stops on it, as `check`
        says it (session 63). None otherwise."""
        try:
            found = os.stat(self.path)
        except OSError:
            return None
        if not stat.S_ISREG(found.st_mode) or found.st_size:
            return None
        from pipeline.lock import run_holding

        held = run_holding(self.path.parent)
        if held is None or found.st_mtime < held.written:  # (both the disk's clock)
            return None
        return held

    def what_stops_a_run(self) -> Message | None:
        """What a run stops on in this store, in the run's words (for `giamngheo check`, which
        then checks the files without it): a link to nothing, a store damaged, made by a newer
        version or locked by another program. None when it can be read, or is not there. The
        whole store is read once (SQLite's quick check), as a run reads the months it compares
        with. A store a write to was cut off in is not (:meth:`cut_off`: the next run puts it
        back). Nor is a folder of the store's name (only read, SQLite cannot tell it from a
        disk error)."""
        if link_to_nothing(self.path) is None and not self.path.is_file():
            return None
        if self.cut_off():
            return None
        try:
            self._read_whole()
        except HistoryError as err:
            return err.args[0]
        return None

    def journal(self) -> Path:
        """SQLite's journal of a write to the store, beside it while one is made (beside the
        file a link points to, as SQLite writes it)."""
        return Path(f"{real_path(self.path)}-journal")

    def cut_off(self) -> bool:
        """Whether a write to the store was cut off (a run killed while storing): its journal is
        left beside it and no program holds the store, so the next run opening it puts it back
        as it was before that write (SQLite's rollback), then goes on. A store only read
        (`giamngheo check`) cannot be put back, nor read until then (SQLite says it cannot
        write); a journal of a program writing now, or an empty one, is not such. So too a
        store in WAL mode whose '-wal' holds writes, with no '-shm' and no program holding it
        (:meth:`wal_alone`): only read, SQLite cannot open it; a run reads them into it."""
        alone = self.wal_alone()
        if not (alone or os.path.lexists(self.journal())) or not self.path.is_file():
            return False
        try:
            with closing(open_read_only(self.path, 0)) as conn:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as err:
            said = "SQLITE_CANTOPEN" if alone else "SQLITE_READONLY_ROLLBACK"
            return getattr(err, "sqlite_errorname", "") == said
        return False

    def wal_alone(self) -> bool:
        """Whether the store is in WAL mode (another program's setting) with a '-wal' that is not
        empty beside it and no '-shm' (that program killed, its '-shm' deleted since)."""
        return wal_alone_at(self.path)

    def journal_said(self) -> Message | None:
        """What `giamngheo check` says of a journal beside the store: a write cut off (the next
        run puts the store back, :meth:`cut_off`), or one being made now by another program
        (the store read as it was stored last; a run waits for it), None with no journal or an
        empty one. Only read, which program writes cannot be told. In WAL mode a '-wal' that
        is not empty is said as such a journal (a program has the store open, or was killed
        with it open: what it stored is read), and one alone (:meth:`wal_alone`) as what a run
        does with it."""
        journal = self.journal()
        cut_off = self.cut_off()
        if cut_off and self.wal_alone():
            wal, shm = f"{self.path.name}-wal", f"{self.path.name}-shm"
            return Message(
                f"Bên cạnh kho lịch sử '{self.path}' có tệp '{wal}' (kho ở chế độ WAL do một "
                f"chương trình khác đặt) mà không có tệp '{shm}': chỉ đọc thì không đọc được "
                "những gì đã lưu trong tệp đó. Lần chạy tới sẽ đọc chúng vào kho rồi tổng hợp "
                "tiếp; đừng xóa hay chuyển tệp đó đi.",
                f"Beside the history store '{self.path}' is '{wal}' (the store is in WAL mode, "
                f"set by another program) without '{shm}': only read, what is stored in it "
                "cannot be read. The next run reads it into the store, then goes on; do not "
                "delete or move that file.",
            )
        if cut_off:
            return Message(
                f"Bên cạnh kho lịch sử '{self.path}' còn tệp '{journal.name}': một lần ghi vào "
                "kho đã bị ngắt giữa chừng (có thể một lần chạy trước bị ngắt khi đang lưu). "
                "Lần chạy tới sẽ tự đưa kho về như trước lần ghi đó rồi tổng hợp tiếp; đừng "
                "xóa hay chuyển tệp đó đi.",
                f"Beside the history store '{self.path}' is '{journal.name}': a write to the "
                "store was cut off (perhaps an earlier run was stopped while storing). The next "
                "run puts the store back as it was before that write, then goes on; do not "
                "delete or move that file.",
            )
        wal = Path(f"{real_path(self.path)}-wal")
        if not self.path.is_file():
            return None
        if not_empty(journal):
            name = journal.name
        elif in_wal_mode(self.path) and not_empty(wal):
            name = wal.name  # WAL mode: writes not yet put into the store itself
        else:
            return None
        return Message(
            f"Bên cạnh kho lịch sử '{self.path}' có tệp '{name}': có thể một chương "
            "trình khác (hay một lần chạy khác) đang ghi vào kho; các tệp được so với các kỳ đã "
            "lưu xong. Nếu đang có một lần chạy, hãy đợi nó xong rồi kiểm tra lại.",
            f"Beside the history store '{self.path}' is '{name}': perhaps another "
            "program (or another run) is writing to the store; the files are compared with the "
            "periods stored so far. If a run is under way, wait for it to end and check again.",
        )

    @_read_guarded
    def _read_whole(self) -> None:
        self.periods()  # opened as a run opens it: a link to nothing, emptied, foreign, newer
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            found = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if found != "ok":  # a damaged page: said as a run meeting it says it
            raise sqlite3.DatabaseError("database disk image is malformed")

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
            # the plan file each period's run read (plan_of), all periods in one query
            plans: dict[str, str] = {}
            for period, sha in conn.execute(
                "SELECT s.period, f.sha256 FROM snapshots s JOIN run_files f ON f.run_id = "
                "s.run_id WHERE f.kind = 'plan' ORDER BY s.period, f.status != 'valid', f.file"
            ):
                plans.setdefault(period, sha)
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
                    # the poverty standard it was consolidated by (absent when not recorded)
                    **({"standard": data["standard"]} if data.get("standard") else {}),
                    # a hamlet back in the plan -> the start rows its month column held, told
                    # gone then where its list lacked them (baselines._told_started; session 64)
                    **(
                        {"month_started": data["month_started"]}
                        if data.get("month_started")
                        else {}
                    ),
                    # the SHA-256 of the plan file its run read (plan_of): a hamlet back in the
                    # plan whose list a month of the same plan accepted was told by that list
                    # (baselines._told_by_plan; session 64, A2)
                    **({"plan_sha": plans[period]} if period in plans else {}),
                    # the start rows its plan gave each hamlet it accepted (a digest) and those
                    # of them on no list of the year (baselines.start_record; session 65)
                    **({"start_rows": data["start_rows"]} if "start_rows" in data else {}),
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
    def runs_of(self, period: str) -> list[dict]:
        """Every stored run of ``period``, in the order they ran (`giamngheo history --period`):
        its run id, time (UTC, as stored), whether it is the one the period's figures now come
        from (``current``), its commune totals and completeness as that run consolidated them
        (``runs.summary``: a run replaced since keeps its own), how many input files it read and
        a fingerprint of them (``files``, ``fingerprint``: the first 8 hex digits of the SHA-256
        of their sorted names and SHA-256s; the same files give the same fingerprint). The
        files read are the plan used and the period's lists (refused and superseded ones too),
        as its 'nguon' keeps them (archive.consumed): not other months' lists nor the files
        skipped beside them (another year's plan, a note), whose coming would change the print
        of the same lists (docs/decisions.md, session 51's review); nor the records of the
        start list kept (kinds 'start-list…'). ``hamlets``: each hamlet of that run's summary,
        in its order, as (name, status, households, poor, near-poor) (session 52)."""
        if not self.exists():
            return []
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            current = conn.execute(
                "SELECT run_id FROM snapshots WHERE period = ?", (period,)
            ).fetchone()
            rows = conn.execute(
                "SELECT run_id, ran_at, summary FROM runs WHERE period = ? ORDER BY run_id",
                (period,),
            ).fetchall()
            files = conn.execute(
                "SELECT f.run_id, f.file, f.sha256 FROM run_files f JOIN runs r ON r.run_id = "
                "f.run_id WHERE r.period = ? AND f.kind NOT LIKE 'start-list%' AND f.status NOT IN "
                "('other_period', 'skipped') ORDER BY f.run_id, f.file, f.sha256",
                (period,),
            ).fetchall()
        read: dict[int, list[str]] = {}
        for run_id, file, sha in files:
            read.setdefault(run_id, []).append(f"{nfc(file)}\0{sha}\n")
        out = []
        for run_id, ran_at, summary in rows:
            data = json.loads(summary)
            lines = read.get(run_id, [])
            out.append(
                {
                    "run_id": run_id,
                    "ran_at": ran_at,
                    "current": current is not None and current[0] == run_id,
                    "complete": bool(data.get("complete")),
                    "totals": data["totals"],
                    "files": len(lines),
                    "fingerprint": hashlib.sha256(
                        "".join(sorted(lines)).encode("utf-8")
                    ).hexdigest()[:8],
                    "hamlets": [
                        (
                            h["hamlet"],
                            h.get("status"),
                            h.get("households"),
                            h.get("poor"),
                            h.get("near_poor"),
                        )
                        for h in data.get("hamlets") or ()
                    ],  # fmt: skip
                }
            )
        return out

    @_read_guarded
    def start_list_run(self, year: int) -> str | None:
        """The month whose latest run worked out the start list kept for plan year ``year``
        (the last run recording it: kept, replaced or left unchanged, :func:`_keep_start_list`),
        so the list follows that run's plan; None when no run recorded one (a store before
        the record, or a month run under an older plan alone, which leaves the list)."""
        if not self.exists():
            return None
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            found = conn.execute(
                "SELECT r.period FROM runs r JOIN run_files f ON f.run_id = r.run_id "
                "WHERE f.kind = 'start-list' AND f.file = ? ORDER BY r.run_id DESC LIMIT 1",
                (f"{year:04d}-00",),
            ).fetchone()
        return found[0] if found else None

    @_read_guarded
    def plan_of(self, period: str) -> tuple[str, str] | None:
        """The plan file the stored ``period``'s run read (its name among the inputs) and its
        SHA-256, as ``run_files`` records them; None when the period is not stored or its run
        names no plan. The plan it used ('valid'), not another year's kept beside it ('skipped':
        January run with last year's plan still in the folder; session 44)."""
        if not self.exists():
            return None
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            found = conn.execute(
                "SELECT f.file, f.sha256 FROM run_files f JOIN snapshots s ON s.run_id = "
                "f.run_id WHERE s.period = ? AND f.kind = 'plan' ORDER BY f.status != 'valid', f.file "
                "LIMIT 1",
                (period,),
            ).fetchone()
        return (found[0], found[1]) if found else None

    @_read_guarded
    def households(
        self,
        periods: list[str] | None = None,
        keys: Collection[str] | None = None,
        sizes: bool = False,
    ) -> pd.DataFrame:
        """Stored household rows (hamlet, hh_key, ma_ho, chu_ho, nam_sinh, status, period), and
        whether each row's birth year was read from an age (``nam_sinh_from_age``, bool: False
        in a store before schema 5, which kept no such mark), as validate's frame has it: a
        stored month's name keys are matched a year off too (figures.NameKeys.aged).
        ``keys``: the rows of those household keys alone (as :func:`_rekeyed` gives them),
        read by the key's index: the history walk asks a month's heads of a few codes. And the
        head's ID number's digits kept for a row left out for an error (``so_dinh_danh``, since
        schema 6; None elsewhere, and in a store before it), as the walk holds a household by
        it (timeline._held_by_id). ``sizes``: each row's household size too (``nhan_khau``),
        asked with ``keys`` for the few codes counted back under another head (session 59),
        and ``twice``: how many rows of its hamlet's list wrote a row left out's key where more
        than one, 0 where not known (schema 7; a store before it: 0), else None."""
        columns = ["period", "hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "status"]
        if sizes:
            columns += ["nhan_khau", "twice"]
        if not self.exists():
            return pd.DataFrame(columns=[*columns, FROM_AGE, "so_dinh_danh"])
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            stored = {row[1] for row in conn.execute("PRAGMA table_info(households)")}
            selected = columns
            if sizes and "twice" not in stored:  # a store before schema 7: not known
                selected = [*columns[:-1], "0"]
            query = f"SELECT {', '.join(selected)} FROM households"
            where, params = "", []
            if periods is not None:
                where = f" WHERE period IN ({', '.join('?' * len(periods))})"
                params = list(periods)
            if keys is not None:  # and every key of a code stored with its leading zeros
                keys = set(keys)
                where += (" AND" if where else " WHERE") + (
                    f" (hh_key IN ({', '.join('?' * len(keys))})"
                    " OR (hh_key >= 'id|0' AND hh_key < 'id|1'))"
                )
                params += sorted(keys)
            rows = conn.execute(
                query + where + " ORDER BY period, hamlet, hh_key", params
            ).fetchall()
            # the few rows marked read from an age (schema 5) or keeping an ID number (schema 6),
            # asked apart in one look (measured: as cheap as the columns read with every row, and
            # the frame is built as before); a store before either kept none of it
            marks = [c if c in stored else "NULL" for c in ("from_age", "so_dinh_danh")]
            found = []
            if marks != ["NULL", "NULL"]:
                found = conn.execute(
                    f"SELECT period, hamlet, hh_key, {marks[0]}, {marks[1]} FROM households"
                    + (where + " AND" if where else " WHERE")
                    + " ("
                    + " OR ".join(f"{c} IS NOT NULL" for c in marks if c != "NULL")
                    + ")",
                    params,
                ).fetchall()
            aged = [row[:3] for row in found if row[3] is not None]
            numbers = [(*row[:3], row[4]) for row in found if row[4] is not None]
        rows = _rekeyed(rows)
        if keys is not None:
            rows = [row for row in rows if row[2] in keys]
        frame = pd.DataFrame(rows, columns=columns)
        if not aged:
            frame[FROM_AGE] = np.zeros(len(frame), dtype=bool)
        else:
            marked = set(_rekeyed(aged))
            keys = zip(frame["period"], frame["hamlet"], frame["hh_key"], strict=True)
            frame[FROM_AGE] = np.fromiter((row in marked for row in keys), bool, len(frame))
        frame["so_dinh_danh"] = None
        if numbers:  # a few rows: found by key
            known = {row[:3]: row[3] for row in _rekeyed(numbers)}
            column = np.full(len(frame), None, dtype=object)
            at = np.flatnonzero(frame["hh_key"].isin({key for _, _, key in known}).to_numpy())
            found = frame.iloc[at]
            for i, row in zip(at.tolist(), zip(found["period"], found["hamlet"], found["hh_key"],
                                               strict=True), strict=True):  # fmt: skip
                column[i] = known.get(row)
            frame["so_dinh_danh"] = column
        return frame

    @_read_guarded
    def keys_of_hamlets(self, year: int, hamlets: Collection[str]) -> dict[str, set[str]]:
        """The household keys (``hh_key``) stored under each of ``hamlets`` in ``year``'s
        periods, its kept start list ('YYYY-00') included: the households a hamlet's old name
        stood for, set beside the plan's names now (renames.renamed_since); on the kept list by
        the name a run rewrote it under since too (:func:`_kept_renames`). Asked only for
        hamlets a stored month has and the plan no longer does: a few, read by their names."""
        if not self.exists() or not hamlets:
            return {}
        names = sorted(hamlets)
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            rows = conn.execute(
                "SELECT DISTINCT period, hamlet, hh_key FROM households WHERE period BETWEEN ? "
                f"AND ? AND hamlet IN ({', '.join('?' * len(names))})",  # the year's by its key
                [f"{year:04d}-00", f"{year:04d}-99", *names],
            ).fetchall()
            # an old name's households the kept list writes under the name now since a run
            # rewrote it (a hamlet never listed: there alone; docs/decisions.md, session 42)
            since: dict[str, list[str]] = {}
            for old, now in _kept_renames(conn, year).items():
                if old in hamlets:
                    since.setdefault(now, []).append(old)
            kept = conn.execute(
                "SELECT period, hamlet, hh_key FROM households WHERE period = ? AND hamlet IN "
                f"({', '.join('?' * len(since))})",
                [f"{year:04d}-00", *sorted(since)],
            ).fetchall() if since else []  # fmt: skip
        keys: dict[str, set[str]] = {}
        for _, hamlet, key in _rekeyed(rows):
            keys.setdefault(hamlet, set()).add(key)
        for _, now, key in _rekeyed(kept):
            for old in since[now]:
                keys.setdefault(old, set()).add(key)
        return keys

    @_read_guarded
    def kept_renames(self, year: int) -> dict[str, str]:
        """Name a hamlet had on ``year``'s kept start list ('YYYY-00') -> the name a run
        rewrote it under since, the plan having renamed it (:func:`_kept_renames`): the old
        name's households there, for baselines._keys_of_silent (docs/decisions.md, session 42)."""
        if not self.exists():
            return {}
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            return _kept_renames(conn, year)

    @_read_guarded
    def kept_renames_onward(self, year: int) -> dict[str, str]:
        """:meth:`kept_renames` without a rename back: old name -> name now where no run
        renamed the name now to the old one before (a plan renaming 'Nà Mòn' 'Nà Mòn Mới' in
        April and back in May: April's 'Nà Mòn Mới' is April's plan's, not a name gone before
        the plan now; notices_plan.later_under_newer_plan, docs/decisions.md, session 55)."""
        if not self.exists():
            return {}
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            back = set(conn.execute(
                "SELECT status, sha256 FROM run_files WHERE kind = 'start-list-renamed' AND "
                "file = ?",
                (f"{year:04d}-00",),
            ).fetchall())  # fmt: skip
            return {old: now for old, now in _kept_renames(conn, year).items()
                    if (old, now) not in back}  # fmt: skip

    @_read_guarded
    def kept_merges(self, year: int) -> dict[str, str]:
        """Key of a household of ``year``'s kept start list ('YYYY-00') -> the hamlet it was
        kept under before a run rewrote the list under a plan merging that hamlet into another
        (:func:`_kept_merges`), for baselines._kept_start (docs/decisions.md, session 43)."""
        if not self.exists():
            return {}
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            return _kept_merges(conn, year)

    @_read_guarded
    def trend_hamlets(self, period: str) -> dict[str, list[dict]]:
        """The hamlets' trend points the stored ``period``'s summary shows (hamlet -> its points):
        a hamlet the plan renamed before that month keeps there its points under the old name,
        which a later month's trend takes (trend.trends). Read for one period, only when a hamlet
        of the plan has no row in some stored month of the year."""
        if not self.exists():
            return {}
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            row = conn.execute(
                "SELECT summary FROM snapshots WHERE period = ?", [period]
            ).fetchone()
        if row is None:
            return {}
        return (json.loads(row[0]).get("trend") or {}).get("hamlets") or {}

    @_read_guarded
    def codes_of_year(self, year: int, without: str = "") -> tuple[dict[str, set[str]], list[str]]:
        """Each hamlet's household codes (matched as ``id_key``) on the lists of ``year``'s
        stored months, and those months ('YYYY-MM', oldest first): whose list a file's codes
        are, when the plan has no start-of-year list to tell it. Every month, not only the
        latest: a month run again must not be judged by its own last run (where the copied file
        was refused, its hamlet has no codes). ``without``: a month ('YYYY-MM') left out (the
        month run: its last run's cells are this run's own, no evidence against them)."""
        if not self.exists():
            return {}, []
        year_like = (f"{int(year):04d}-%", without)
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            rows = conn.execute(
                "SELECT DISTINCT hamlet, ma_ho FROM households WHERE period LIKE ? AND ma_ho != '' "
                "AND period NOT LIKE '%-00' "  # not a start list kept (_keep_start_list)
                "AND period != ?",
                year_like,
            ).fetchall()
            months = conn.execute(
                "SELECT period FROM snapshots s WHERE period LIKE ? AND period != ? AND EXISTS "
                "(SELECT 1 FROM households h WHERE h.period = s.period AND h.ma_ho != '') "
                "ORDER BY period",
                year_like,
            ).fetchall()
        codes: dict[str, set[str]] = {}
        for hamlet, code in rows:
            codes.setdefault(hamlet, set()).add(id_key(code))
        return codes, [period for (period,) in months]

    @_read_guarded
    def hamlets_of_year(self, year: int) -> set[str]:
        """The hamlets ``year``'s stored months have (their figures' rows): whether a hamlet the
        plan lacks is one to read :meth:`codes_of_year` for, asked of a few thousand rows before
        a year's households are read (consolidate.StoredCodes; docs/decisions.md, session 48)."""
        if not self.exists():
            return set()
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            rows = conn.execute(
                "SELECT DISTINCT hamlet FROM hamlet_figures WHERE period BETWEEN ? AND ?",
                (f"{int(year):04d}-01", f"{int(year):04d}-99"),
            ).fetchall()
        return {hamlet for (hamlet,) in rows}

    @_read_guarded
    def hamlets_beside(self, year: int, hamlets: list[str]) -> dict[str, set[str]]:
        """Each of ``hamlets`` -> the hamlets of ``year``'s stored months whose figures' rows
        have it (itself too): those that stood beside it in its own months, not in a later
        month or a month's own earlier run (consolidate.StoredCodes; docs/decisions.md,
        session 49's review)."""
        if not self.exists() or not hamlets:
            return {}
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            rows = conn.execute(
                "SELECT DISTINCT a.hamlet, b.hamlet FROM hamlet_figures a JOIN hamlet_figures b "
                "ON b.period = a.period WHERE a.period BETWEEN ? AND ? "
                f"AND a.hamlet IN ({', '.join('?' * len(hamlets))})",
                [f"{int(year):04d}-01", f"{int(year):04d}-99", *hamlets],
            ).fetchall()
        beside: dict[str, set[str]] = {}
        for hamlet, other in rows:
            beside.setdefault(hamlet, set()).add(other)
        return beside

    @_read_guarded
    def months_of_hamlets(self, year: int, hamlets: list[str]) -> list[str]:
        """The months of ``year`` ('YYYY-MM', oldest first) whose stored lists hold a household
        code under one of ``hamlets``: those :meth:`codes_of_year` found their codes in."""
        if not self.exists() or not hamlets:
            return []
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            months = conn.execute(
                "SELECT DISTINCT period FROM households WHERE period LIKE ? AND ma_ho != '' "
                f"AND period NOT LIKE '%-00' AND hamlet IN ({', '.join('?' * len(hamlets))}) "
                "ORDER BY period",
                [f"{int(year):04d}-%", *hamlets],
            ).fetchall()
        return [period for (period,) in months]

    @_read_guarded
    def files_of(self, periods: Collection[str]) -> dict[str, dict[str, tuple[str, str]]]:
        """What each stored period of ``periods`` did with the files its latest run read:
        period -> file (as named in the input folder) -> (SHA-256, status: 'valid' and
        'warnings' counted, 'rejected' refused, ...). A period not stored is not a key (never
        run); one read of ``run_files`` for all (session 50)."""
        if not self.exists() or not periods:
            return {}
        wanted = sorted(periods)
        with closing(_connect(self.path, write=False, read_only=self.read_only)) as conn:
            rows = conn.execute(
                "SELECT s.period, f.file, f.sha256, f.status FROM snapshots s LEFT JOIN "
                "run_files f ON f.run_id = s.run_id "
                f"WHERE s.period IN ({', '.join('?' * len(wanted))}) ORDER BY s.period, f.file",
                wanted,
            ).fetchall()
        found: dict[str, dict[str, tuple[str, str]]] = {}
        for period, file, digest, status in rows:
            files = found.setdefault(period, {})
            if file is not None:
                # a name stored as written before names were shown composed (session 52)
                files[nfc(file)] = (digest, status)
        return found

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

    @_write_guarded
    def check_writable(self) -> None:
        """Take the store's write lock and let it go: a store another program holds locked, or
        one that cannot be written, stops the run before its outputs replace the previous
        ones (the outputs and the history would otherwise tell two different months). No store
        yet: none is made (the run's lock is already in its folder; a run stopped after this
        must leave no store it did not store in)."""
        if not self.exists():
            return
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
        keep_start_list: bool = True,
    ) -> int | None:
        """Store the period's snapshot in one transaction; returns the run it replaced, if any.

        ``before_commit(run_id)`` is called inside the transaction, once everything is written
        and just before it commits (the run's outputs are put in place then): if it raises,
        nothing is stored. ``later_affected``: whether periods already stored after this one
        took figures from it that this run changed (:meth:`reruns`). ``input_dir``: the folder the
        run read, as given (`history`'s commands name it). ``keep_start_list``: False for a
        month run with an older plan than later stored months used
        (notices_plan.later_under_newer_plan): the start list kept stays that newer plan's
        (docs/decisions.md, session 31)."""
        summary = json.dumps(result.summary, ensure_ascii=False, sort_keys=False)
        households = _stored_households(result.households)
        with _gone_unless_stored(self.path), closing(_connect(self.path)) as conn:
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
                _insert_households(conn, rows, "INSERT OR REPLACE")
                # households moved out of their hamlet, on no list (figures.MOVED), and those of a
                # list sent apart (apart.apart_rows): a few rows
                kept = getattr(result, "moved", ())
                moved = [(result.period, hamlet, key, code, head, birth, status, None, None)
                         for hamlet, key, code, head, status, birth, _ in kept]  # fmt: skip
                if any(item[6] for item in kept):  # a year read from an age: from_age too
                    moved = [
                        (*row, 1 if item[6] else None)
                        for row, item in zip(moved, kept, strict=True)
                    ]
                _insert_households(conn, moved, "INSERT OR REPLACE")
                _keep_id_numbers(conn, result.period, result.households)
                _keep_twice(conn, result.period, result.households)
                self.start_kept = (
                    _keep_start_list(conn, result, rows, files, run_id, new_month=replaced is None)
                    if keep_start_list
                    else None
                )
                if self.start_kept is not None and self.start_kept.later:
                    # months of later years read the kept list: built on the one replaced
                    conn.execute("UPDATE runs SET later_affected = 1 WHERE run_id = ?", (run_id,))
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


@contextmanager
def _gone_unless_stored(path: Path):
    """A store that was not there, made for a save that then stops (the run's outputs failing
    as they are put in place, a full disk): removed again, with its journal, so that a stopped
    run leaves the output folder as it was. Never one that holds a run (:func:`_holds_a_run`:
    one put in its place meanwhile, the officer moving the history back into the folder)."""
    new = not os.path.lexists(path)
    try:
        yield
    except BaseException:
        if new and not _holds_a_run(path):
            for made in (path, Path(f"{path}-journal")):
                try:
                    os.remove(made)
                except OSError:
                    pass
        raise


def _holds_a_run(path: Path) -> bool:
    """Whether the store at ``path`` holds a run stored, or may (it cannot be read: held,
    another program's, damaged): such a store is not removed. An empty file holds none."""
    try:
        if os.path.getsize(path) == 0:
            return False
        with closing(open_read_only(path, 0)) as conn:
            return conn.execute("SELECT 1 FROM runs LIMIT 1").fetchone() is not None
    except FileNotFoundError:
        return False
    except (OSError, sqlite3.Error):
        return True


class StartKept(NamedTuple):
    """What a run's save did to the start list the history keeps for the plan year (period
    'YYYY-00'), when it wrote it: ``replaced``, another list was kept before (said on screen);
    ``changed``, the Mã hộ (else the head's name) of the kept rows that differ, in key order;
    ``later``, the months of later years stored, which read it (their returns to poverty and
    January 'Thoát' checks): built on the list as it was, or on none. ``month``: the list was
    worked out again only because the year's first stored month, run again (the month named),
    says other households than before: the plan's file is the one the run that kept it read
    (None: the plan's file differs, or that run is not known)."""

    year: int
    replaced: bool
    changed: list[str]
    later: list[str]
    month: str | None = None
    # hamlets renamed on the list: (name kept, name now, households of the list under it now);
    # their rows that differ by the hamlet alone are not in ``changed``
    renamed: tuple[tuple[str, str, int], ...] = ()
    # hamlets merged into another on the list: (name kept, the hamlet it is part of now, the
    # start list's households of it); their rows that differ by the hamlet alone are not in
    # ``changed`` either
    merged: tuple[tuple[str, str, int], ...] = ()


def _keep_start_list(
    conn: sqlite3.Connection,
    result,
    month_rows: list[tuple],
    files: list[dict],
    run_id: int,
    new_month: bool = False,
) -> StartKept | None:
    """Keep the plan's start-of-year list as the households of period 'YYYY-00' (no month,
    no snapshot: only asked for by that name): the list the year's tables compared with, which
    next year's plan no longer holds. A household on it and missing from the year's first
    stored month left the lists that year, and is tái nghèo when back next year
    (baselines.month_baselines; docs/decisions.md, session 25).

    Only what the year's first stored month's rows do not say is kept: a start household stored
    in that month on a list or written 'Thoát' is left out (the walk of timeline.departures
    reads the same of it from the month alone), as long as one household of each hamlet of the
    list stays (the hamlets the list covers reported it: a household first written in a row
    left out for an error there in that month was on no list). A household of a hamlet missing
    that month, one held in a row with an error, or one gone, stays; of a hamlet whose every
    household is on the month's list, its first on the plan's. A province's list is most of
    its first month's (docs/decisions.md, session 25).

    Worked out by every run of a month of the plan year, against the first stored month's rows
    (``month_rows`` when it is the run's month, else the store's): a store whose first month
    was run before this version gets it with any month run, and a start list corrected later in
    the year replaces the one kept (docs/decisions.md, session 26). Written only when it
    differs from the rows kept, so a monthly run does not rewrite it; a run for another commune
    than the first month's (a merger) leaves it. Returns what was written, or None.

    Each run that works it out records what from in ``run_files`` (kind 'start-list', file
    'YYYY-00': :func:`_start_list_mark`); a run whose mark is the one of the year's previous run
    leaves the list as that run left it without reading the first month's rows (a province's
    150,000: ~0.4 s of every monthly run otherwise)."""
    start = getattr(result.plan, "start_list", None)
    year = result.plan.plan_year
    if start is None or start.empty or not result.period.startswith(f"{year:04d}-"):
        return None
    period = f"{year:04d}-00"
    first, commune, summary = conn.execute(
        "SELECT period, commune, summary FROM snapshots WHERE period LIKE ? ORDER BY period "
        "LIMIT 1",
        (f"{year:04d}-%",),
    ).fetchone()  # the run's own snapshot is stored: there is one
    if first != result.period and _other_commune(commune, summary, result):
        return None
    mark = _start_list_mark(conn, result, files, first)
    (count,) = conn.execute(
        "SELECT COUNT(*) FROM households WHERE period = ?", (period,)
    ).fetchone()
    if first != result.period and mark and _previous_mark(conn, year, run_id) == (mark, count):
        _record_mark(conn, run_id, period, mark, "unchanged")
        return None  # the list the previous run of the year left, from the same plan and month
    where: dict[str, str] = {}  # hh_key -> the hamlet of that row
    if first == result.period:
        said = {row[2]: row[6] for row in month_rows}  # hh_key -> status (the later row stored)
        where = {row[2]: row[1] for row in month_rows}
    else:
        said = _said_in(conn, first, where)
    marked = conn.execute("SELECT * FROM households WHERE period = ?", (period,)).fetchall()
    # compared without the rows' from_age (schema 5): a list kept before it, its years read
    # from ages, is not said to have changed; the mark is brought up to date in place
    before = [row[:9] for row in marked]
    stayed = _kept_in_place(before, start, where, conn, year)
    moved: set[str] = set()
    rows = _start_rows_kept(start, said, period, where, moved, stayed)
    merged_away = _merged_away(before, rows, start)
    changed = _differ(before, [row[:9] for row in rows], said, merged_away, moved)
    if changed is None:  # up to date: nothing written
        _mark_from_age(conn, marked, rows)
        _record_mark(conn, run_id, period, mark, "unchanged")
        return None
    conn.execute("DELETE FROM households WHERE period = ?", (period,))
    _insert_households(conn, rows, "INSERT")
    if before and first == result.period and new_month:
        # A month before the year's first stored one, run for the first time (months filled in
        # backwards): the rows kept change as they are now left out against it. Said only when
        # the plan's list is not the one kept, against the month it was kept against (the
        # households said: those that differ there).
        following = conn.execute(
            "SELECT MIN(period) FROM snapshots WHERE period LIKE ? AND period > ?",
            (f"{year:04d}-%", first),
        ).fetchone()[0]
        if following is not None:
            where_then: dict[str, str] = {}
            said_then = _said_in(conn, following, where_then)
            moved_then: set[str] = set()
            kept_then = _start_rows_kept(start, said_then, period, where_then, moved_then, stayed)
            changed = _differ(
                before, [row[:9] for row in kept_then], said_then, merged_away, moved_then
            )
            if changed is None:
                _record_mark(conn, run_id, period, mark, "replaced")
                return StartKept(year, False, [], [])  # later months: the new month's notice
    later = [
        p
        for (p,) in conn.execute(
            "SELECT period FROM snapshots WHERE period >= ? ORDER BY period", (f"{year + 1:04d}-",)
        )
    ]
    _record_mark(conn, run_id, period, mark, "replaced" if before else "kept")
    month = (
        first
        if before and first == result.period and _same_plan_kept(conn, year, run_id, files, result)
        else None
    )  # the year's first month run again, from the plan the list was kept from
    renamed, changed = _renamed_hamlets(before, [row[:9] for row in rows], changed, start)
    merged, changed = _merged_hamlets(
        conn, first, before, [row[:9] for row in rows], changed, start
    )
    renamed, merged = _joined_hamlets(conn, first, before, rows, start, renamed, merged)
    _record_renamed(conn, run_id, period, renamed)
    _record_merged(conn, run_id, period, before, start, merged)
    return StartKept(year, bool(before), changed, later, month, renamed, merged)


def _mark_from_age(conn: sqlite3.Connection, stored: list[tuple], rows: list[tuple]) -> None:
    """The ``from_age`` of the kept rows ``stored`` set as the rows worked out now (``rows``)
    have it, where only that differs (a list kept before schema 5: NULL): a few rows, updated
    in place."""
    now = {row[:9]: row[9] if len(row) > 9 else None for row in rows}
    differ = [
        (now[row[:9]], *row[:3]) for row in stored if row[:9] in now and now[row[:9]] != row[9]
    ]
    conn.executemany(
        "UPDATE households SET from_age = ? WHERE period = ? AND hamlet = ? AND hh_key = ?", differ
    )


def _hamlet_moves(
    before: list[tuple], rows: list[tuple], only: set[str] | None = None
) -> dict[tuple[str, str], set]:
    """(name kept, name now) -> the households (code, else key) whose row kept (``before``)
    and row worked out now (``rows``) differ by their hamlet alone; ``only``: of these
    households alone (:func:`_renamed_hamlets`, :func:`_merged_hamlets`)."""

    def wanted(row: tuple) -> bool:
        return only is None or (row[3] or row[4]) in only

    kept_in = {row[3:]: row[1] for row in before if wanted(row)}  # its values but its hamlet
    pairs: dict[tuple[str, str], set] = {}
    for row in rows:
        if wanted(row):
            old = kept_in.get(row[3:])
            if old is not None and old != row[1]:
                pairs.setdefault((old, row[1]), set()).add(row[3] or row[4])
    return pairs


def _renamed_hamlets(
    before: list[tuple], rows: list[tuple], changed: list[str], start: pd.DataFrame
) -> tuple[tuple[tuple[str, str, int], ...], list[str]]:
    """The hamlets renamed between the rows kept (``before``) and those worked out now
    (``rows``): a kept household whose row now differs by its hamlet alone, every kept row of
    that hamlet under the new name and none of the new name kept before. Returns (name kept,
    name now, households of the start list under it now) of each, and ``changed`` less the
    households a rename alone explains (a hamlet renamed mid-year in the plan, its start list
    and its lists: 'ở 1 hộ' was said of a list whose rows are mostly the year's first month's,
    session 28)."""
    pairs = _hamlet_moves(before, rows)
    if not pairs:
        return (), changed
    now_in = {row[1] for row in rows}
    then_in = {row[1] for row in before}
    renamed, explained = [], set()
    for (old, new), households in sorted(pairs.items()):
        if old in now_in or new in then_in or sum(o == old for o, _ in pairs) > 1:
            continue  # some rows left under the old name, or split: no rename
        count = int((start["hamlet"] == new).sum())
        renamed.append((old, new, count))
        explained |= households
    return tuple(renamed), [code for code in changed if code not in explained]


def _first_rows(conn: sqlite3.Connection, first: str) -> list[tuple[str, str]]:
    """(household key, hamlet) of the year's first stored month ``first``."""
    return [
        (stored_key(key), hamlet)
        for key, hamlet in conn.execute(
            "SELECT hh_key, hamlet FROM households WHERE period = ?", (first,)
        )
    ]


def _merged_hamlets(
    conn: sqlite3.Connection,
    first: str,
    before: list[tuple],
    rows: list[tuple],
    changed: list[str],
    start: pd.DataFrame,
) -> tuple[tuple[tuple[str, str, int], ...], list[str]]:
    """The hamlets merged into another between the rows kept (``before``) and those worked out
    now (``rows``): a kept household whose row now differs by its hamlet alone, no kept row left
    under its old name, every one of them under one hamlet that was kept before too (a rename,
    :func:`_renamed_hamlets`, has a new name). Returns (name kept, the hamlet it is part of now,
    the households of the start list under that hamlet now that were the merged hamlet's: in the
    year's first stored month ``first`` under the old name or the name its kept households had
    there (renamed, then merged), or in the rows kept under the old name, by key) of each,
    and ``changed`` less the households the merger alone explains ('khác ở 1 hộ' was said of a
    hamlet's 34 households merged, session 31 QA). The first month's rows are read only when a
    kept row changed hamlet."""
    if not changed:
        return (), changed
    pairs = _hamlet_moves(before, rows, set(changed))
    now_in = {row[1] for row in rows}
    # a hamlet none of whose households is kept now (a merged hamlet's first household is no
    # longer its hamlet's first; session 36 QA): where the start list has its kept ones now
    away = [row for row in _merged_away(before, rows, start) if (row[3] or row[4]) in changed]
    where = _start_hamlet(start) if away else {}
    for row in away:
        pairs.setdefault((row[1], where[row[2]]), set()).add(row[3] or row[4])
    if not pairs:
        return (), changed
    then_in = {row[1] for row in before}
    merged, explained = [], set()
    first_rows = _first_rows(conn, first)
    for (old, into), households in sorted(pairs.items()):
        if old in now_in or into not in then_in or sum(o == old for o, _ in pairs) > 1:
            continue  # some rows left under the old name, a new name, or split: no merger
        kept = {row[2] for row in before if row[1] == old}
        # the first month's names of the hamlet: its own, and the one it had before a rename
        # (merged after it: the first month knew it by the older name; session 36 QA)
        names = {old} | {hamlet for key, hamlet in first_rows if key in kept}
        was = {key for key, hamlet in first_rows if hamlet in names} | kept
        under = start[start["hamlet"] == into]
        count = len({key for key in household_key_texts(under) if key in was})
        merged.append((old, into, count))
        explained |= households
    return tuple(merged), [code for code in changed if code not in explained]


def _joined_hamlets(
    conn: sqlite3.Connection,
    first: str,
    before: list[tuple],
    rows: list[tuple],
    start: pd.DataFrame,
    renamed: tuple[tuple[str, str, int], ...],
    merged: tuple[tuple[str, str, int], ...],
) -> tuple[tuple[tuple[str, str, int], ...], tuple[tuple[str, str, int], ...]]:
    """``renamed`` and ``merged`` with the hamlets kept before that have no row now and no
    kept row that moved (its first household, kept, is no longer its hamlet's first: not kept
    now) whose kept households are all on the start list under one hamlet kept now: merged into
    it, counted as :func:`_merged_hamlets` counts; a rename into that hamlet counts the start
    list's households under it less those merged (renamed and merged at once: the note said
    "'Nà Mòn' nay ghi là 'Nà Mòn Mới' (50 hộ)" of 26 and 24 merged; docs/decisions.md, session
    32)."""
    said = {old for old, _, _ in (*renamed, *merged)}
    now_in = {row[1] for row in rows}
    gone = {row[1] for row in before} - now_in - said
    if not gone:
        return renamed, merged
    keys = household_key_texts(start)
    under = dict(zip(keys, start["hamlet"].tolist(), strict=True))
    joined = []
    for old in sorted(gone):
        kept = {row[2] for row in before if row[1] == old}
        into = {under.get(key) for key in kept}
        if len(into) != 1 or None in into or not into <= now_in:
            continue  # dropped, split, or some households on no list now: said as before
        [name] = into
        was = {stored_key(key) for (key,) in conn.execute(
            "SELECT hh_key FROM households WHERE period = ? AND hamlet = ?", (first, old)
        )} | kept  # fmt: skip
        joined.append((old, name, sum(1 for k in keys if k in was and under[k] == name)))
    if not joined:
        return renamed, merged
    less = {name: sum(n for _, into, n in joined if into == name) for _, name, _ in joined}
    renamed = [(old, new, count - less.get(new, 0)) for old, new, count in renamed]

    # Of the hamlets now under one new name, the one whose name it holds ('Bản Piềng' in 'Bản
    # Piềng Mới'), else the one with the most start households, is said renamed, the others
    # merged into it, as the month after the plan tells them apart (baselines._month_renamed): not
    # 'Nà Mòn' "renamed" into 'Bản Piềng Mới' with 'Bản Piềng' "part of" it.
    def said_renamed(item: tuple[str, str, int]) -> tuple:
        return (name_within(item[0], item[1]), item[2])  # ties: the one found renamed

    for r, (old, new, count) in enumerate(renamed):
        group = [(old, new, count), *(j for j in joined if j[1] == new)]
        chosen = max(group, key=said_renamed)
        if chosen[0] != old:
            renamed[r] = chosen
            joined = [j for j in joined if j != chosen] + [(old, new, count)]
    return tuple(renamed), tuple(sorted((*merged, *joined)))


def _same_plan_kept(
    conn: sqlite3.Connection, year: int, run_id: int, files: list[dict], result
) -> bool:
    """Whether the plan file the run read (its SHA-256) is the one read by the year's last run
    before it that recorded the kept start list (``run_files`` kind 'start-list'): then a list
    kept otherwise comes from the first month's lists, not from a corrected plan."""
    plan = _plan_sha(files, result)
    found = conn.execute(
        "SELECT p.sha256 FROM run_files p WHERE p.kind = 'plan' AND p.run_id = (SELECT "
        "MAX(f.run_id) FROM run_files f JOIN runs r ON r.run_id = f.run_id WHERE f.kind = "
        "'start-list' AND r.period LIKE ? AND f.run_id < ?)",
        (f"{year:04d}-%", run_id),
    ).fetchall()
    return plan is not None and bool(found) and all(sha == plan for (sha,) in found)


def _plan_sha(files: list[dict], result) -> str | None:
    """The SHA-256 of the plan file the run read, as its ``files`` record it (None: not named)."""
    return next(
        (f["sha256"] for f in files
         if f.get("kind") == "plan" and f.get("file") == result.plan.file and f.get("sha256")),
        None,
    )  # fmt: skip


def _start_list_mark(conn: sqlite3.Connection, result, files: list[dict], first: str) -> str | None:
    """What the kept start list is worked out from, as one SHA-256: the plan file's (the start
    list is read from it), its number of households, and the year's first stored month with the
    run that stored it (its rows change only when it is run again). None when the run's files
    do not name the plan's (a save given no files)."""
    plan = _plan_sha(files, result)
    if plan is None:
        return None
    (stored_by,) = conn.execute(
        "SELECT run_id FROM snapshots WHERE period = ?", (first,)
    ).fetchone()
    said = f"{plan}|{len(result.plan.start_list)}|{first}|{stored_by}"
    return hashlib.sha256(said.encode()).hexdigest()


def _previous_mark(conn: sqlite3.Connection, year: int, run_id: int) -> tuple | None:
    """The mark the previous run of a month of ``year`` recorded and the rows it left kept
    (None: it recorded none, as a run of a version before this one, or of another commune's
    plan, did not). The rows are counted again by the caller: rows deleted since are no mark's."""
    found = conn.execute(
        "SELECT f.sha256, f.size FROM run_files f WHERE f.kind = 'start-list' AND f.run_id = (SELECT "
        "MAX(r.run_id) FROM runs r WHERE r.period LIKE ? AND r.run_id < ?)",
        (f"{year:04d}-%", run_id),
    ).fetchone()
    return tuple(found) if found else None


def _record_mark(
    conn: sqlite3.Connection, run_id: int, period: str, mark: str | None, what: str
) -> None:
    """The run's record of the start list it kept (``what``: 'kept', 'replaced', 'unchanged'),
    among its files: file 'YYYY-00', the mark as its SHA-256, the rows kept as its size."""
    if mark is None:
        return
    (size,) = conn.execute("SELECT COUNT(*) FROM households WHERE period = ?", (period,)).fetchone()
    conn.execute(
        "INSERT INTO run_files VALUES (?, ?, ?, ?, 'start-list', ?)",
        (run_id, period, mark, size, what),
    )


def _record_renamed(
    conn: sqlite3.Connection, run_id: int, period: str, renamed: tuple[tuple[str, str, int], ...]
) -> None:
    """The hamlets the run renamed on the kept start list (``renamed``: StartKept.renamed), among
    its files as its mark is (:func:`_record_mark`): file 'YYYY-00', kind 'start-list-renamed',
    the name kept before as its SHA-256, the name now as its status, the start list's households
    under it as its size. The list rewritten under the plan's names now, the households of a
    hamlet the year's stored months name but never listed are on it alone, under the name now;
    the record keeps them reachable by the old name (:func:`_kept_renames`), so that a month
    run again gives the answer it gave (docs/decisions.md, session 42)."""
    conn.executemany(
        "INSERT INTO run_files VALUES (?, ?, ?, ?, 'start-list-renamed', ?)",
        [(run_id, period, old, count, new) for old, new, count in renamed],
    )


def _record_merged(
    conn: sqlite3.Connection,
    run_id: int,
    period: str,
    before: list[tuple],
    start: pd.DataFrame,
    merged: tuple[tuple[str, str, int], ...],
) -> None:
    """The households of the hamlets the run merged into another on the kept start list
    (``merged``: StartKept.merged), kept before under the old name (``before``) and under the
    hamlet it joined on the plan's start list now (``start``; kept now, or left out now as the
    first month writes it in that hamlet's list: session 44), as :func:`_record_renamed`
    records renames: kind 'start-list-merged', file 'YYYY-00', the household's key as its
    SHA-256 (one row each, a row of bench/compare_outputs.py's key), the old name as its status.
    The list under the merged plan no longer tells the two hamlets' rows apart; the record does
    (:func:`_kept_merges`), so that a month run again reads a merged hamlet silent all year as
    it did (baselines._kept_start; docs/decisions.md, session 43)."""
    if not merged:
        return
    now_in = _start_hamlet(start)
    conn.executemany(
        "INSERT INTO run_files VALUES (?, ?, ?, 0, 'start-list-merged', ?)",
        [(run_id, period, row[2], old) for old, into, _ in merged
         for row in before if row[1] == old and now_in.get(row[2]) == into],
    )  # fmt: skip


def _kept_merges(conn: sqlite3.Connection, year: int) -> dict[str, str]:
    """Key of a household of ``year``'s kept start list -> the hamlet it was kept under before
    a run rewrote the list under a plan merging that hamlet into another: the runs' records
    (:func:`_record_merged`), the latest one of a household counting. Empty for a store whose
    list was rewritten before the record (session 43)."""
    return {stored_key(key): old for key, old in conn.execute(
        "SELECT sha256, status FROM run_files WHERE kind = 'start-list-merged' AND file = ? "
        "ORDER BY run_id, rowid",
        (f"{year:04d}-00",),
    )}  # fmt: skip


def _kept_renames(conn: sqlite3.Connection, year: int) -> dict[str, str]:
    """Name a hamlet had on ``year``'s kept start list -> the name the list writes it under
    now: the renames the runs recorded (:func:`_record_renamed`), one after another in the order
    they ran (renamed twice: the last name; renamed back: none). Empty for a store whose list
    was rewritten before the record (session 42)."""
    names: dict[str, str] = {}
    for old, new in conn.execute(
        "SELECT sha256, status FROM run_files WHERE kind = 'start-list-renamed' AND file = ? "
        "ORDER BY run_id, rowid",
        (f"{year:04d}-00",),
    ):
        names = {was: new if now == old else now for was, now in names.items()}
        names[old] = new
        names = {was: now for was, now in names.items() if was != now}
    return names


def _differ(
    before: list[tuple],
    rows: list[tuple],
    said: dict[str, str],
    merged_away: set = frozenset(),
    moved: set[str] = frozenset(),
) -> list[str] | None:
    """The Mã hộ (else the head's name) of the households whose kept rows differ between
    ``before`` (stored) and ``rows`` (worked out against a month that says ``said``), in key
    order; None when they read the same: every row worked out is stored, and the other rows
    stored are households the month says (a store of the first session-25 version keeps the
    whole list: those read the same), not said as differing, unless their hamlet merged into
    another (``merged_away``, :func:`_merged_away`). A row kept only as said in another hamlet
    (``moved``: :func:`_start_rows_kept`) and missing from a list kept before that rule is no
    change of it (session 44); any other row missing is (a row deleted is put back)."""
    extra, missing = set(before) - set(rows), set(rows) - set(before)
    if before and moved:  # left out by the version that kept the list: no change of it
        had = {row[2] for row in before}
        missing = {row for row in missing if row[2] in had or row[2] not in moved}
    if not missing and not merged_away and all(said.get(row[2]) in _SAID for row in extra):
        return None
    differ = sorted(missing | set(merged_away)
                    | {row for row in extra if said.get(row[2]) not in _SAID},
                    key=itemgetter(2, 1))  # fmt: skip
    return list(dict.fromkeys(row[3] or row[4] for row in differ))


def _merged_away(before: list[tuple], rows: list[tuple], start: pd.DataFrame) -> set[tuple]:
    """The kept rows (``before``) of a hamlet of which no row is kept now (``rows``: each
    hamlet of the start list keeps one) whose household the start list now writes under a
    hamlet kept then and now: their hamlet merged into it. Without them a hamlet merged into one listed
    before it said nothing (its first household no longer its hamlet's first, every other one
    said by the first month; session 36 QA); into one listed after it, a row of that hamlet
    changed. The start list's keys are read only when a kept hamlet is gone."""
    now_in, then_in = {row[1] for row in rows}, {row[1] for row in before}
    if not then_in - now_in:
        return set()
    where = _start_hamlet(start)
    into = now_in & then_in  # merged into a renamed hamlet: _joined_hamlets says it
    return {row for row in before if row[1] not in now_in and where.get(row[2]) in into}


def _kept_in_place(
    before: list[tuple],
    start: pd.DataFrame,
    where: dict[str, str],
    conn: sqlite3.Connection,
    year: int,
) -> set[str]:
    """The keys of the rows kept (``before``) under the hamlet the plan's start list writes
    them under now that the year's first month wrote in another hamlet's list (``where``),
    neither kept there by a run's merger (:func:`_kept_merges`) nor under that hamlet's new
    name (:func:`_kept_renames`): they moved into that list during the year (session 44 kept
    them so), and say nothing of where its hamlet went (:func:`_names_now`, session 47).
    Empty, and nothing read, without rows kept or a hamlet of that month the list lacks."""
    if not before or not set(where.values()) - set(start["hamlet"].tolist()):
        return set()
    now_in = _start_hamlet(start)
    merged, renamed = _kept_merges(conn, year), _kept_renames(conn, year)
    return {
        key
        for _, hamlet, key, *_ in before
        if key in where
        and now_in.get(key) == hamlet != where[key]
        and key not in merged
        and renamed.get(where[key]) != hamlet
    }


def _start_hamlet(start: pd.DataFrame) -> dict[str, str]:
    """Household key -> its hamlet on the start list (of a key written twice, the later)."""
    return dict(zip(household_key_texts(start), start["hamlet"].tolist(), strict=True))


def _said_in(
    conn: sqlite3.Connection, month: str, where: dict[str, str] | None = None
) -> dict[str, str]:
    """hh_key -> status of a stored month's rows, in the order stored: of two rows of one key,
    the later one (as the run that stored it had them, ``month_rows``). ``where``, given, gets
    hh_key -> the hamlet of that row."""
    rows = conn.execute(
        "SELECT hh_key, status, hamlet FROM households WHERE period = ? ORDER BY rowid", (month,)
    ).fetchall()
    said = {key: status for key, status, _ in rows}
    if where is not None:
        where.update((key, hamlet) for key, _, hamlet in rows)
    if conn.execute(  # keys of a version before codes of digits lost their leading zeros
        "SELECT 1 FROM households WHERE period = ? AND hh_key >= 'id|0' AND hh_key < 'id|1' "
        "LIMIT 1",
        (month,),
    ).fetchone():
        said = {stored_key(key): status for key, status in said.items()}
        if where is not None:
            rekeyed = {stored_key(key): hamlet for key, hamlet in where.items()}
            where.clear()
            where.update(rekeyed)
    return said


def _start_rows_kept(
    start: pd.DataFrame,
    said: dict[str, str],
    period: str,
    where: dict[str, str] | None = None,
    moved: set[str] | None = None,
    stayed: Collection[str] = (),
) -> list[tuple]:
    """The rows of the start list kept (as period ``period``), given what the year's first
    stored month says of each key (``said``) and in which hamlet (``where``; one the plan
    renamed or merged since under its name now, :func:`_names_now`, ``stayed`` saying nothing
    of it): :func:`_keep_start_list`. ``moved``, given, gets the keys kept only as said in
    another hamlet (session 44's rule: a version before it left them out)."""
    texts = household_key_texts(start)
    keys = pd.Series(texts, dtype=object)
    # of a key written twice, the later row (the one INSERT OR REPLACE keeps)
    last = ~keys.duplicated(keep="last").to_numpy()
    # each hamlet's first household on the list stays: the hamlets the list covers
    lasts = np.flatnonzero(last)
    first_of_hamlet = np.zeros(len(keys), dtype=bool)
    first_of_hamlet[lasts[~start["hamlet"].iloc[lasts].duplicated().to_numpy()]] = True
    untold = np.fromiter((said.get(key) not in _SAID for key in texts), bool, len(texts))
    if where:  # said in another hamlet of the list: moved, kept under the hamlet it left
        hamlets = start["hamlet"].tolist()
        names = set(hamlets)
        # the first month's hamlet under its name now (a plan revised since: renamed, merged)
        now = {name: name for name in names} | _names_now(where, names, start, stayed)
        elsewhere = np.fromiter(
            (now.get(where.get(key, h), h) != h for key, h in zip(texts, hamlets, strict=True)),
            bool,
            len(texts),
        )
        if stayed:  # kept before as said in another hamlet's list, that hamlet merged into its
            # own since (the part said it, not the hamlet): kept so still (session 62, A)
            elsewhere |= keys.isin(set(stayed)).to_numpy()
        if moved is not None:
            moved.update(keys[last & elsewhere & ~(first_of_hamlet | untold)])
        untold |= elsewhere
    kept = np.flatnonzero(last & (first_of_hamlet | untold))
    return _household_rows(period, start.iloc[kept])  # only the few rows kept built


def _other_commune(commune: str, summary: str, result) -> bool:
    """Whether the year's first stored month (``commune``, its ``summary`` as stored) was
    consolidated for another commune than the run's (a merger in the middle of the year): the
    names differ (folded) and so do the hamlets, the rule of notices_plan.of_other_commune. The summary
    (a province's is large) is read only when the names differ."""
    if commune_key(commune or result.plan.commune) == commune_key(result.plan.commune):
        return False
    then = {fold(h["hamlet"]) for h in json.loads(summary).get("hamlets") or []}
    return then != {fold(h["hamlet"]) for h in result.summary["hamlets"]}


def _names_now(
    where: dict[str, str],
    names: Collection[str],
    start: pd.DataFrame,
    stayed: Collection[str] = (),
) -> dict[str, str]:
    """Each hamlet of the first month's rows (``where``: key -> hamlet) that the start list no
    longer names (``names``: its hamlets) -> the hamlet the start list now writes most of that
    month's households of it under: its name now, renamed or merged into that one by a plan
    revised since. Nà Mòn renamed Nà Mòn Mới: a start household of Đồng Kè the first month
    wrote in Nà Mòn's list was said in another hamlet, as the first month's run kept it
    (docs/decisions.md, session 45). A household of ``stayed`` (kept before under the hamlet
    the start list writes it under now, :func:`_kept_in_place`) moved into the list during
    the year and says nothing of its hamlet's name now (session 47, as baselines._moved_in_kept
    asks). Read only where a name is gone."""
    gone = set(where.values()) - set(names)
    if not gone:
        return {}
    hamlet_of = _start_hamlet(start)
    votes = Counter((then, hamlet_of[key]) for key, then in where.items()
                    if then in gone and key in hamlet_of and key not in stayed)  # fmt: skip
    found: dict[str, str] = {}
    for (then, now), _ in sorted(votes.items(), key=lambda vote: (-vote[1], vote[0])):
        found.setdefault(then, now)  # the most households; of a tie, the first by name
    return found


_SAID = frozenset({"poor", "near_poor", "exited"})  # a month's row that says all of a household


def _rekeyed(rows: list[tuple]) -> list[tuple]:
    """Stored rows (hh_key third) with their keys as :func:`figures.id_key` makes them now
    (:func:`figures.stored_key`): a store written before codes of digits were matched without
    their leading zeros keeps its households' history ('id|001001' is 'id|1001'), and one
    written before full-width digits were read as ASCII ('id|０１' is 'id|1', session 54)."""
    if not any(
        row[2].startswith("id|") and (row[2][3:4] == "0" or not row[2].isascii()) for row in rows
    ):
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


def kept_households(households: pd.DataFrame) -> pd.DataFrame:
    """The month's rows as the history keeps them: :func:`_stored_households`' rows (a row left
    out ``not_counted``), one of a hamlet and key, the later (as :func:`_household_rows`'
    inserts replace). So two rows of one Mã hộ in one hamlet (both left out) are one row, as
    stored: what a month run again is compared with (notices.later_months_affected)."""
    rows = _stored_households(households)
    keys = pd.Series(household_key_texts(rows), index=rows.index)
    return rows[~pd.DataFrame({"h": rows["hamlet"], "k": keys}).duplicated(keep="last")]


def _household_rows(period: str, households: pd.DataFrame) -> list[tuple]:
    """The rows of the households table, built column by column (no row dicts), in key order.

    In key order the inserts append to both indexes instead of landing all over them
    (several times faster on a province); the sort is stable, so of two rows of one hamlet
    with the same key the later one still replaces the earlier, as in the rosters' order.
    """
    columns = [
        [period] * len(households),
        households["hamlet"].tolist(),
        household_key_texts(households),
        households["ma_ho"].tolist(),
        households["chu_ho"].tolist(),
        _whole(households["nam_sinh"]),
        households["phan_loai"].tolist(),
        _whole(households["nhan_khau"]),
        [int(v) for v in households["n_deprived"].tolist()],
    ]
    aged = _from_age(households)
    if aged is not None:  # a list of ages: the tenth column, from_age
        columns.append(aged)
    rows = list(zip(*columns, strict=True))
    rows.sort(key=itemgetter(2))
    return rows


# The households table's columns but from_age: the rows of lists without ages are inserted by
# them (from_age NULL by default), each row one value fewer to bind (measured: a tenth value
# bound, NULL, cost 18 % of a province's 150,000 inserts, session 30).
_NINE = "period, hamlet, hh_key, ma_ho, chu_ho, nam_sinh, status, nhan_khau, n_deprived"


def _insert_households(conn: sqlite3.Connection, rows: Iterable[tuple], verb: str) -> None:
    """Insert :func:`_household_rows`' ``rows`` (``verb``: 'INSERT' or 'INSERT OR REPLACE'):
    nine values a row, or ten where a list wrote ages (one length for all: the first's)."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    if len(first) > 9:
        conn.executemany(f"{verb} INTO households ({_NINE}, from_age) VALUES "
                         f"({', '.join('?' * 10)})", chain([first], rows))  # fmt: skip
    else:
        conn.executemany(f"{verb} INTO households ({_NINE}) VALUES ({', '.join('?' * 9)})",
                         chain([first], rows))  # fmt: skip


def _keep_id_numbers(conn: sqlite3.Connection, period: str, households: pd.DataFrame) -> None:
    """The head's ID number (its digits: rosterchecks.id_number) of each row left out for an
    error kept as stored (``so_dinh_danh``, schema 6): of two rows of one hamlet and key the
    later, as :func:`_household_rows` stores it, none where a counted row of them is stored.
    A few rows, each set by its key (the month's other rows are inserted as before)."""
    if "so_dinh_danh" not in households.columns:
        return
    left_out = households[~households["valid"].to_numpy(dtype=bool)]
    if left_out.empty:
        return
    numbers: dict[tuple[str, str], str] = {}  # (hamlet, key) -> the later row's number
    for hamlet, key, value in zip(left_out["hamlet"].tolist(), household_key_texts(left_out),
                                  left_out["so_dinh_danh"].tolist(), strict=True):  # fmt: skip
        numbers[hamlet, key] = id_number(value)
    conn.executemany(
        "UPDATE households SET so_dinh_danh = ? WHERE period = ? AND hamlet = ? AND hh_key = ?"
        f" AND status = '{NOT_COUNTED}'",
        [(number, period, hamlet, key) for (hamlet, key), number in numbers.items() if number],
    )


def _keep_twice(conn: sqlite3.Connection, period: str, households: pd.DataFrame) -> None:
    """How many rows left out for an error of one hamlet's list wrote one key (``twice``, schema
    7), where more than one: the store keeps one of them (:func:`_household_rows`: the later),
    maybe another household's than the household of the code (timeline._another_household).
    A few rows, each set by its key; a key its hamlet wrote once stays NULL."""
    written = written_twice(households)
    if written:
        conn.executemany(
            "UPDATE households SET twice = ? WHERE period = ? AND hamlet = ? AND hh_key = ?"
            f" AND status = '{NOT_COUNTED}'",
            [(n, period, hamlet, key) for (hamlet, key), n in written.items()],
        )


def written_twice(households: pd.DataFrame) -> dict[tuple[str, str], int]:
    """(hamlet, key) -> how many rows left out for an error of that hamlet's lists wrote the
    key, where more than one (a month's rows as read, ``valid`` marking those counted): the
    history keeps one of them (:func:`_keep_twice`). Counted over the few rows left out."""
    if "valid" not in households.columns:
        return {}
    left_out = households[~households["valid"].to_numpy(dtype=bool)]
    if len(left_out) < 2:
        return {}
    places = zip(left_out["hamlet"].tolist(), household_key_texts(left_out), strict=True)
    written = Counter(places)
    return {place: n for place, n in written.items() if n > 1}


def _from_age(households: pd.DataFrame) -> list | None:
    """The rows' ``from_age`` (schema 5): 1 where the birth year was read from an age, else None
    (NULL, as a row stored before reads); None where no row's was (nearly every list: one
    ``any`` of a bool column, no value per row)."""
    if FROM_AGE not in households.columns:
        return None
    aged = households[FROM_AGE].to_numpy(dtype=bool, na_value=False)
    if not aged.any():
        return None
    return [1 if one else None for one in aged.tolist()]
