"""Reading untrusted files in worker processes, each bounded in memory and time.

A hamlet file may be anything: a zip bomb, a file that makes the reader
panic or abort, a sheet that claims a million rows. Each file is read in a
worker process with an address-space limit; a worker that dies, blows its
memory or overruns its time is replaced, that one file is reported as
unreadable, and the run goes on. Workers are long-lived (one per core), so
a province of 2,000 files pays for process start-up only once per core, and
reading runs in parallel. Results come back in input order, so the figures
do not depend on which worker finished first.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import stat
import sys
import time
import warnings
import zipfile
from collections import deque
from multiprocessing.connection import wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import forked
from pipeline.discover import inspect_file, special_file, unreadable_issue
from pipeline.startlist import read_ahead  # before the early fork: the runner's plan needs it too
from pipeline.text import xml_safe
from pipeline.types import Issue, Plan, Submission

if TYPE_CHECKING:
    from pipeline import sheetscan

MEMORY_LIMIT = forked.READER_MEMORY_LIMIT  # address space per worker (bytes)
FILE_TIMEOUT = 120.0  # seconds of wall time per file (at least; larger files get more)
SECONDS_PER_MB = 15.0  # a province's plan (25 MB, 300,000 households) needs minutes, not seconds
MAX_FILE_BYTES = 64 << 20  # a hamlet roster is tens of kilobytes; 64 MiB is far beyond any real one
MAX_UNZIPPED_BYTES = 512 << 20  # total declared uncompressed size of an xlsx/ods package
MAX_RATIO = 200  # declared uncompressed / compressed: real workbooks stay well below 100


class Outcome:
    """What reading one file gave: its submission, issues, and the plan if it is one.
    A plain class, not a dataclass (a dataclass's methods are compiled at every import):
    nothing compares or prints one (session 33, issue #6)."""

    def __init__(self, sub: Submission, issues: list[Issue] | None = None) -> None:
        self.sub = sub
        self.issues: list[Issue] = [] if issues is None else issues
        self.plan: Plan | None = None
        self.plan_issues: list[Issue] = []
        self.plan_error: str | None = None
        self.plan_error_year: int | None = None  # the year a plan that cannot be used says
        self.plan_deferred = False  # a plan recognised but not loaded (an early read: below)
        self.plan_book: Any = None  # then its opening.Workbook, every sheet read, or None
        self.plan_start: Any = None  # and its start list read to rows (startlist.StartRows)


def _refused(path: Path, rel: str, code: str, detail: str) -> Outcome:
    sub = Submission(file=rel, path=path, kind="unreadable", status="rejected")
    if code == "file-unreadable":  # said as every unreadable file is: what it looks like
        return Outcome(sub, [unreadable_issue(path, rel, detail)])
    return Outcome(sub, [Issue(code, file=rel, detail=detail)])


def precheck(path: Path, rel: str) -> Outcome | None:
    """Refuse a file before opening it when its size alone says it is not a roster."""
    refused, package = _precheck(path, rel)
    if package is not None:
        package.close()
    return refused


def _precheck(path: Path, rel: str) -> tuple[Outcome | None, sheetscan.Package | None]:
    """:func:`precheck`, and the file's zip left open for the reader's byte scan (None when the
    file is refused or is no zip: the reader then opens what it needs itself)."""
    try:
        status = path.stat()
    except OSError as err:
        return _refused(path, rel, "file-unreadable", err.strerror or str(err)), None
    if not stat.S_ISREG(status.st_mode):
        return Outcome(*special_file(Submission(file=rel, path=path))), None
    size = status.st_size
    if size > MAX_FILE_BYTES:
        return _refused(path, rel, "file-too-large", f"{size // (1 << 20)} MB"), None
    if not size:
        return None, None
    try:
        handle = path.open("rb")
    except OSError:
        return None, None  # let the reader say what is wrong with it
    try:
        head = handle.read(4)
        package = zipfile.ZipFile(handle)  # what zipfile.is_zipfile and then opening it did
        infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        handle.close()
        return None, None  # not a zip, or let the reader say what is wrong with it
    except BaseException:
        handle.close()
        raise
    declared = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if declared > MAX_UNZIPPED_BYTES or declared / packed > MAX_RATIO and declared > 32 << 20:
        package.close()
        handle.close()
        return _refused(
            path, rel, "file-too-large", f"giải nén ra {declared // (1 << 20)} MB"
        ), None
    from pipeline.sheetscan import OpenedPackage  # see pipeline.opening's imports

    return None, OpenedPackage(path, package, handle, head)


def read_one(path: Path, rel: str, plans: bool = True) -> Outcome:
    """Read one file in this process (the worker's job). ``plans=False``: a plan is recognised
    but not loaded (that needs pandas, which an early read does without)."""
    refused, package = _precheck(path, rel)
    if refused is not None:
        return refused
    # A sheet read is hundreds of thousands of row lists, none of them in a reference cycle:
    # the cycle collector would walk them all again and again for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with warnings.catch_warnings():
            # What a library remarks of a file (openpyxl: "Workbook contains no default style")
            # is not the officer's to read: in this process it would reach the screen.
            warnings.simplefilter("ignore")
            return _read(path, rel, package, plans)
    finally:
        if package is not None:
            package.close()
        if collecting:
            gc.enable()


def _read(
    path: Path, rel: str, package: sheetscan.Package | None = None, plans: bool = True
) -> Outcome:
    sub, issues, book = inspect_file(path, rel, package)
    outcome = Outcome(sub, issues)
    if sub.kind == "plan":
        book.allow_plan_size()
        if plans:
            _load_plan(outcome, book, rel)
        else:  # its sheets read here, loaded where pandas is (finish_plan)
            outcome.plan_deferred = True
            outcome.plan_book = book.detached()
            if outcome.plan_book is not None:  # and what of loading it needs no pandas
                outcome.plan_start = read_ahead(outcome.plan_book)
    return outcome


def _load_plan(outcome: Outcome, book, rel: str, start=None) -> None:
    from pipeline.plan import PlanError, load_plan, year_of  # pandas: by the first plan read

    try:
        outcome.plan, outcome.plan_issues = load_plan(book, rel, start)
    except PlanError as err:
        outcome.plan_error = str(err)
        outcome.plan_error_year = year_of(book)


def finish_plan(outcome: Outcome, path: Path, rel: str) -> Outcome:
    """A plan read with ``plans=False``, loaded here: from the sheets read then, or (when they
    could not all be read, or loading them fails) by reading the file again."""
    book, outcome.plan_book = outcome.plan_book, None
    start, outcome.plan_start = outcome.plan_start, None
    if book is not None:
        try:
            _load_plan(outcome, book, rel, start)
            outcome.plan_deferred = False
            return outcome
        except Exception:  # noqa: BLE001 - read again below, which says what is wrong
            pass
    with forked.stderr_to_reader_log():
        return read_guarded(path, rel)


def read_guarded(path: Path, rel: str, plans: bool = True) -> Outcome:
    """:func:`read_one`, a reader's failure on this file turned into its issue."""
    try:
        return read_one(path, rel, plans)
    except MemoryError:
        return _refused(path, rel, "file-too-large", "cần quá nhiều bộ nhớ để đọc")
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a reader bug or a panic: this file only
        detail = xml_safe(f"{type(exc).__name__}: {str(exc)[:150]}")
        return _refused(path, rel, "file-unreadable", detail)


def _worker(conn, limit: int, parent: int, mask: set | None = None) -> None:
    forked.die_with_parent(parent)
    forked.quiet_stderr()
    forked.stop_as_if_killed()
    forked.release(mask)  # held by the parent from before the fork (_Worker)
    forked.limit_memory(limit)
    # What the worker inherits from the runner (modules, tables) lives as long as it does: the
    # cycle collector need not walk it again and again (nor copy its pages to write counts).
    gc.freeze()
    while True:
        task = conn.recv()
        if task is None:
            return
        path, rel = task
        try:
            outcome = read_guarded(path, rel)
        except BaseException as exc:  # an interrupt: this file only, the parent decides
            outcome = _refused(path, rel, "file-unreadable", xml_safe(type(exc).__name__))
        try:
            conn.send(outcome)
        except MemoryError:
            conn.send(_refused(path, rel, "file-too-large", "cần quá nhiều bộ nhớ để đọc"))


class _Worker:
    """A reader process and the files handed to it, in the order it reads them.

    A small file is handed over while the one before it is still being read (up to
    :data:`IN_FLIGHT`), so the worker never waits for this process between files; a large one
    is handed over only to an idle worker, so that no file waits behind it. Results come back
    in the order the files were handed over: the oldest file is the one being read, the one
    a death or an overrun is blamed on."""

    def __init__(self, context, limit: int):
        self.conn, child = context.Pipe()
        mask = forked.hold_for_fork()
        try:
            self.process = context.Process(
                target=_worker, args=(child, limit, os.getpid(), mask), daemon=True
            )
            self.process.start()
        finally:
            forked.release(mask)
        child.close()
        self.tasks: deque[tuple[int, Path, str, float]] = deque()  # (index, path, rel, limit)
        self.started = 0.0  # when the oldest file's reading began
        self.big = False  # a large file is among those handed over: hand over no more

    @property
    def task(self) -> tuple[int, Path, str] | None:
        return self.tasks[0][:3] if self.tasks else None

    @property
    def limit(self) -> float:
        return self.tasks[0][3] if self.tasks else FILE_TIMEOUT

    def takes_more(self) -> bool:
        return not self.tasks or (len(self.tasks) < IN_FLIGHT and not self.big)

    def give(self, task: tuple[int, Path, str], size: int, timeout: float) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.big = self.big or size > IN_FLIGHT_MAX_BYTES
        limit = max(timeout, size / (1 << 20) * SECONDS_PER_MB)
        self.tasks.append((*task, limit))
        self.conn.send((task[1], task[2]))

    def done(self) -> None:
        """The oldest file's result arrived: the next one's reading begins now."""
        self.tasks.popleft()
        self.started = time.monotonic()
        if not self.tasks:
            self.big = False

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


# Files handed to a worker ahead of its reading them: one being read, one waiting, so that the
# worker goes on to the next file while this process takes in the last one's result (a tenth
# of a province's reading time was workers waiting for it). Only files up to 1 MiB on disk
# are handed over while another is being read; a larger one waits for an idle worker.
IN_FLIGHT = 2
IN_FLIGHT_MAX_BYTES = 1 << 20


# Reading in this process, without a worker's bounds, is chosen only for a few small xlsx
# files (a commune's month): starting workers would cost more than reading (docs/decisions.md).
SERIAL_MAX_FILES = 32
SERIAL_MAX_FILE_BYTES = 1 << 20  # each file, as stored
SERIAL_MAX_UNZIPPED_BYTES = 16 << 20  # each package, as declared unzipped


def _never_opened(path: Path) -> bool:
    """A file the reader does not open (by its name): no spreadsheet, a lock file."""
    from pipeline.read import named_as_spreadsheet

    name = path.name
    return (not named_as_spreadsheet(path) or name.startswith(("~$", "."))
            or name.lower() in ("thumbs.db", "desktop.ini"))  # fmt: skip


def _safe_here(path: Path) -> bool:
    """A file that can be read in this process: one the reader never opens (by its name), or a
    small xlsx/xlsm package whose sheets the byte scan bounds before they are built."""
    if _never_opened(path):
        return True
    # (imported before the file is looked at: a file gone or turned into a link to nothing
    # since it was listed is an OSError that PART_ERRORS must name; session 66)
    from pipeline.sheetscan import PART_ERRORS, main_part

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return True  # refused by precheck without being opened
        if path.stat().st_size > SERIAL_MAX_FILE_BYTES:
            return False
        with path.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False  # xls, ods or anything else: the reader is not bounded here
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            names = {i.filename for i in infos}
            if (
                "content.xml" in names
                or sum(i.file_size for i in infos) > SERIAL_MAX_UNZIPPED_BYTES
            ):
                return False  # its size first: nothing of a large package inflated here (RH)
            # its workbook part as the byte scan finds it (sheetscan.main_part: one membership
            # test where it is 'xl/workbook.xml'; 'xl/Workbook.xml' too, session 66)
            main = main_part(package, names)
    except PART_ERRORS:
        return False
    return bool(main)


def read_here(tasks: list[tuple[Path, str]]) -> bool:
    """Whether ``tasks`` are few and small enough to read in this process."""
    return len(tasks) <= SERIAL_MAX_FILES and all(_safe_here(path) for path, _ in tasks)


def read_early_here(tasks: list[tuple[Path, str]]) -> bool:
    """Whether one forked child may read ``tasks`` all at once (a pipeline.early.EarlyRead): a
    commune's few files, each small on disk, of any format. Unlike :func:`read_here`, .xls and
    .ods files too: the child is bounded like a worker (address space, and in time as a whole),
    and when it fails every file is read again in a worker of its own."""
    return len(tasks) <= SERIAL_MAX_FILES and all(
        _never_opened(path) or _size(path) <= SERIAL_MAX_FILE_BYTES for path, _ in tasks
    )


def read_early(input_dir: Path) -> tuple[list[tuple[Path, str]], list[Outcome] | None]:
    """The files of ``input_dir`` and, when :func:`read_early_here` holds for them, what reading
    them gives, plans' sheets read but not loaded (a pipeline.early.EarlyRead's child does this)."""
    from pipeline.discover import composed_apart, list_input_files, relative_name

    paths = list_input_files(input_dir)
    names = composed_apart(paths, [relative_name(path, input_dir) for path in paths])
    tasks = list(zip(paths, names, strict=True))
    if not tasks or not read_early_here(tasks):
        return tasks, None
    gc.disable()  # the child lives only for this
    return tasks, [read_guarded(path, rel, plans=False) for path, rel in tasks]


def gone_since_listed(outcome: Outcome) -> bool:
    """A file listed that could not be opened because it is no longer there (moved or deleted
    by another user meanwhile): a run leaves it out as if never listed, so its hamlet is
    missing, as a run with the early reader says it (its child reads, the run lists the folder
    again); without the fork (Windows) it was told "cannot be opened on this computer: close
    the program holding it" (docs/decisions.md, session 61). `giamngheo check` leaves out one
    found in a folder given alike, and says one given by itself not there (session 62). A link
    to nothing is still there: it stays unopened. Asked after reading (one ``lexists`` per
    file not opened), never while reading."""
    return (
        outcome.sub.status == "rejected"
        and any(i.code == "file-unopened" for i in outcome.issues)
        and outcome.sub.path is not None
        and not os.path.lexists(outcome.sub.path)
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def default_workers(files: int) -> int:
    """One worker per core, but no more workers than files."""
    return max(1, min(os.cpu_count() or 1, files))


def read_files(
    tasks: list[tuple[Path, str]],
    workers: int | None = None,
    progress=None,
    timeout: float = FILE_TIMEOUT,
    memory_limit: int = MEMORY_LIMIT,
    early=None,
) -> list[Outcome]:
    """Read every file in isolated workers; ``workers=0`` reads in this process (no isolation).

    By default (``workers=None``) a few small xlsx files are read in this process
    (:func:`read_here`), anything else in workers. ``early``: what a pipeline.early.EarlyRead read
    of the same files is taken instead.
    """
    if early is not None:
        outcomes = early.outcomes(tasks)
        if outcomes is not None:
            if progress and tasks:
                progress(len(tasks), len(tasks))
            return outcomes
        if workers is None:  # perhaps a file the child died on: each in a worker of its own
            workers = default_workers(len(tasks))
    if not tasks:
        return []
    if workers is None and read_here(tasks):
        workers = 0
    if workers == 0:
        out = []
        for index, (path, rel) in enumerate(tasks):
            with forked.stderr_to_reader_log():  # not the progress bar's lines
                out.append(read_guarded(path, rel))
            if progress:
                progress(index + 1, len(tasks))
        return out
    count = min(workers or default_workers(len(tasks)), len(tasks))
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = mp.get_context(method)
    # Largest files first (the plan's start list may take a worker for seconds): the others
    # are shared out meanwhile. Results are placed in input order whatever the reading order.
    sizes = [_size(path) for path, _ in tasks]
    pending = deque(
        sorted(((i, path, rel) for i, (path, rel) in enumerate(tasks)), key=lambda t: -sizes[t[0]])
    )
    results: list[Outcome | None] = [None] * len(tasks)
    pool = [_Worker(context, memory_limit) for _ in range(count)]
    done = 0

    def replace(position: int, blamed: Outcome) -> None:
        """The worker at ``position`` died or overran on its oldest file: that file gets
        ``blamed``, the files handed over behind it go back to the front of the queue."""
        nonlocal done
        worker = pool[position]
        results[worker.tasks[0][0]] = blamed
        done += 1
        if progress:
            progress(done, len(tasks))
        pending.extendleft(reversed([t[:3] for t in list(worker.tasks)[1:]]))
        worker.tasks.clear()
        worker.stop(kill=True)
        pool[position] = _Worker(context, memory_limit)

    try:
        while done < len(tasks):
            for index, worker in enumerate(pool):
                while pending and worker.takes_more():
                    if not worker.tasks and not worker.process.is_alive():
                        pool[index] = worker = _Worker(context, memory_limit)
                    task = pending.popleft()
                    worker.give(task, sizes[task[0]], timeout)
            busy = [w for w in pool if w.tasks]
            now = time.monotonic()
            wait_for = max(0.05, min(w.limit - (now - w.started) for w in busy))
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for)
            for position, worker in enumerate(pool):
                if not worker.tasks:
                    continue
                died = False
                if worker.conn in ready:
                    # Every result already sent is taken in (a worker that died after sending
                    # some still has them in the pipe).
                    try:
                        while worker.tasks and worker.conn.poll():
                            results[worker.tasks[0][0]] = worker.conn.recv()
                            worker.done()
                            done += 1
                            if progress:
                                progress(done, len(tasks))
                    except (EOFError, OSError):
                        died = True
                    if not worker.tasks:
                        continue
                _, path, rel = worker.task
                if died or (worker.process.sentinel in ready and not worker.conn.poll()):
                    # the worker died (abort, memory limit, killed): blame this file only
                    detail = "chương trình đọc bị dừng khi mở tệp (tệp hỏng hoặc quá lớn)"
                    replace(position, _refused(path, rel, "file-unreadable", detail))
                elif time.monotonic() - worker.started > worker.limit:
                    detail = f"đọc quá {int(worker.limit)} giây"
                    replace(position, _refused(path, rel, "file-too-large", detail))
    finally:
        for worker in pool:
            worker.stop(kill=bool(worker.tasks))
    return results  # type: ignore[return-value]
