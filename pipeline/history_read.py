"""The history store opened only to be read (`giamngheo check`, `giamngheo history`, a run's
reads of a store in WAL mode, the lock's look at a killed run's commit): SQLite can neither
change it nor create, change or leave a file beside it (pipeline.history keeps the store
itself)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PurePath
from time import time_ns

# How long `check` (a store only read) waits for a store another program holds locked: a run
# holds it for a moment as it commits; the run itself waits 30 seconds, then stops.
READ_ONLY_WAIT = 5.0


def in_wal_mode(path: Path) -> bool:
    """Whether the store is in WAL mode (its header's read version 2): another program's setting
    (DB Browser for SQLite offers it); giamngheo never sets it, and a run keeps it."""
    try:
        with open(path, "rb") as file:
            head = file.read(20)
    except OSError:
        return False
    return head[:16] == b"SQLite format 3\x00" and len(head) == 20 and head[19] == 2


def not_empty(path: Path) -> bool:
    """Whether ``path`` is a file holding something (a journal or '-wal' with writes in it); one
    gone as it is looked at (the program holding the store closing it) holds nothing."""
    try:
        return path.is_file() and path.stat().st_size > 0
    except FileNotFoundError:
        return False


def wal_alone_at(path: Path) -> bool:
    """pipeline.history.HistoryStore.wal_alone of the store at ``path``."""
    real = real_path(path)
    wal_mode, shm = in_wal_mode(real), f"{real}-shm"
    return wal_mode and not_empty(Path(f"{real}-wal")) and not os.path.lexists(shm)


# A store's time this near the clock (or past it) as it is found cannot tell a change made in
# the same tick from none: a disk keeping coarse times (FAT32 on a USB stick: 2 seconds, rounded
# up or down) gives both one time. A second more for the look itself.
_COARSE_TIME_NS = 3_000_000_000


def _size_and_time(path: str) -> tuple | None:
    """The size and time of the file at ``path`` (None: not there)."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns)


def as_stored(path: Path) -> tuple | None:
    """The store's inode, size and time (the file a link points to); None: not there. Another
    store put in its place (moved, copied over, removed and made again) or a write to it gives
    another (pipeline.history.HistoryStore.found)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def _as_found(path: Path, hashed: bool | None = None) -> tuple | None:
    """What a store read as unchanging is checked against once read: the store's inode, size and
    time, and the size and time of a '-wal' or '-shm' beside it (None: not there). Its content's
    SHA-256 too when its time is too near the clock to tell a change (_COARSE_TIME_NS), or when
    ``hashed`` (it was so when found): only a store written a moment ago is read whole. None:
    the store is gone. (SQLite's change counter in the header is no help: in WAL mode it moves
    only when a write changes the first page.)"""
    from pipeline.archive import sha256_of  # (not at start: it loads the workbook writer)

    found = as_stored(path)
    if found is None:
        return None
    if hashed is None:
        hashed = time_ns() - found[2] < _COARSE_TIME_NS
    try:
        digest = sha256_of(path) if hashed else None
    except OSError:
        return None
    beside = tuple(_size_and_time(f"{path}{end}") for end in ("-wal", "-shm"))
    return (*found, *beside, digest)


class _Unchanging(sqlite3.Connection):
    """A store in WAL mode with no '-wal' beside it, opened as unchanging (SQLite's immutable: it
    then makes no file beside the store), which it is while no other program opens it. Closed, a
    store changed since it was opened (:func:`_as_found`), or a '-wal' or '-shm' beside it made,
    changed or gone, is said as one another program holds (what was read may be half old, half
    new)."""

    store: Path
    found: tuple | None

    def close(self) -> None:
        super().close()
        hashed = self.found is not None and self.found[-1] is not None
        if _as_found(self.store, hashed) != self.found:
            raise sqlite3.OperationalError("database is locked")


def real_path(path: Path) -> Path:
    """The file ``path`` links to, where SQLite keeps its files beside it (``path`` itself, made
    absolute, when not a link). A link in a loop is left so (Path.resolve raises on it): it is
    said a link to nothing, as before (pipeline.history.link_to_nothing)."""
    return Path(os.path.realpath(path))


def _uri(path: PurePath) -> str:
    """The 'file:' address SQLite opens ``path`` (absolute) by: quoted ('#', '?', '%', spaces).
    A network path (Windows' '\\\\server\\share\\…', where a mapped drive resolves to
    one) is written with four slashes: Path.as_uri names the server as the address's authority,
    which SQLite refuses ("invalid uri authority"); so it reads the path '//server/share/…'."""
    uri = path.as_uri()
    return uri if uri.startswith("file:///") else "file://" + uri.removeprefix("file:")


def open_read_only(path: Path, timeout: float, again: bool = True, **options) -> sqlite3.Connection:
    """The store opened so that SQLite can neither change it nor create, change or leave a file
    beside it (`giamngheo check`). Ours (a rollback journal): read-only (mode=ro). One another
    program turned to WAL mode, with its '-wal' and '-shm' beside it (that program has it open,
    or left them): those read, never written (readonly_shm), so periods stored in the '-wal'
    alone are read too; that program closing it meanwhile (the two files removed: SQLite
    cannot open them, ``again``), looked at once more. With no '-wal', or an empty one alone,
    the store itself holds every period: read as unchanging (immutable; read-only, SQLite
    would make both files and leave them)."""
    real = real_path(path)  # a link's target: SQLite's files are beside it
    where = _uri(real)
    wal, shm = Path(f"{real}-wal"), Path(f"{real}-shm")
    held = shm.is_file()
    if not in_wal_mode(real):
        query = "mode=ro"
    elif wal.is_file() and (held or not_empty(wal)):
        # (a '-wal' alone, not empty: SQLite reads it only by making a '-shm', so cannot open it)
        query = "mode=ro&readonly_shm=1"
    else:
        found = _as_found(real)
        conn = sqlite3.connect(
            f"{where}?immutable=1", timeout=timeout, uri=True, factory=_Unchanging, **options
        )
        conn.store, conn.found = real, found
        return conn
    conn = sqlite3.connect(f"{where}?{query}", timeout=timeout, uri=True, **options)
    if again and "readonly_shm" in query and held:
        try:  # SQLite opens the '-wal' and '-shm' as it first reads
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            if shm.is_file():
                raise
            return open_read_only(path, timeout, again=False, **options)
    return conn
