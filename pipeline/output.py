"""Writing outputs safely: every file goes to a temporary name and is renamed into place.

A run stages its outputs (:func:`staged_outputs`): each file is written in full under a
temporary name, and only when all are written, the sources copied and the history's
transaction filled are they renamed into place, the replaced files kept aside until the
history has committed (and put back if it does not). An interrupted or failed run thus
leaves the previous month's files and history as they were, never a mix of the two.

Outputs are created readable by the owner only (where the platform allows):
they hold names and ID numbers. A workbook that is open in Excel or
LibreOffice is not overwritten; the new result goes under a new name.
"""

from __future__ import annotations

import errno
import glob
import json
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from xlsxwriter.exceptions import FileCreateError

from pipeline.messages import Message, folder_named, os_reason

OWNER_ONLY = 0o600


class OutputError(Exception):
    """The output folder cannot be written (exit 2)."""


# Notices for the officer gathered during a run ("the workbook was open; wrote … instead"),
# each a Message in both languages.
NOTICES: list[str] = []


def is_open_elsewhere(path: Path) -> bool:
    """Excel (``~$name``) or LibreOffice (``.~lock.name#``) has the file open. An owner file
    beside no such file (the workbook deleted or moved after a crash left its owner file) tells
    nothing open: nothing there can be overwritten (docs/decisions.md, session 51)."""
    return path.exists() and _owner_file(path) is not None


def _owner_file(path: Path) -> Path | None:
    """The owner file Excel (``~$name``) or LibreOffice (``.~lock.name#``) keeps beside ``path``
    while it has it open, when there is one."""
    for owner in (path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#")):
        if owner.exists():
            return owner
    return None


def open_said(path: Path, written: Path) -> Message:
    """The notice of a workbook written as ``written`` beside ``path``, which is open. Told by
    an owner file, it says which to delete when no spreadsheet has the file open any more: one
    left by a program shut down abruptly (a crash, a power cut) keeps every run writing beside
    it, and Windows hides it (docs/decisions.md, session 51)."""
    vi = f"Tệp '{path.name}' đang được mở nên kết quả mới được ghi vào '{written.name}'."
    en = f"'{path.name}' is open, so the new result was written to '{written.name}'."
    owner = _owner_file(path)
    if owner is not None:
        vi += (
            f" Nếu tệp đó đã được đóng (không còn chương trình bảng tính nào mở nó), hãy xóa tệp "
            f"ẩn '{owner.name}' bên cạnh nó (chương trình để lại khi bị tắt đột ngột) rồi chạy lại."
        )
        en += (
            f" If it is closed (no spreadsheet program has it open), delete the hidden file "
            f"'{owner.name}' beside it (left by a program shut down abruptly) and run again."
        )
    return Message(vi, en)


def _alternative(path: Path) -> Path:
    for number in range(1, 1000):
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists() and not is_open_elsewhere(candidate):
            return candidate
    raise OutputError(
        Message(
            f"Không tìm được tên mới để ghi '{path.name}' (các tên '{path.stem} (1)' đến "
            f"'{path.stem} (999)' đều đã có hoặc đang mở); hãy đóng bảng tính hoặc dọn bớt tệp cũ.",
            f"No new name is free to write '{path.name}' ('{path.stem} (1)' to '{path.stem} (999)' "
            "all exist or are open); close the spreadsheet or clear out old files.",
        )
    )


# What a folder that cannot be made is called in the line saying so (make_folder).
OUTPUT_FOLDER = ("thư mục kết quả '{folder}'", "the output folder '{folder}'")


def make_folder(folder: Path, called: tuple[str, str] = OUTPUT_FOLDER) -> None:
    """Create ``folder`` and those above it, noted first for the run's staging (which removes
    them again if the run fails). One that cannot be made stops the command with one line
    (OutputError): "Không tạo được <called>: <why>.", ``called`` ({folder} filled in) in
    Vietnamese and English."""
    try:
        if _STAGED is not None:
            _STAGED.note_folders(folder)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = os_reason(err)
        vi, en = (name.format(folder=folder_named(folder)) for name in called)
        raise OutputError(
            Message(f"Không tạo được {vi}: {reason}.", f"Cannot create {en}: {reason.en}.")
        ) from None


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` then rename ``tmp`` over ``path``; the old file stays until then.

    Returns the path written, which differs from ``path`` when the old file
    is open in a spreadsheet program or cannot be replaced.
    """
    make_folder(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        try:
            os.chmod(tmp, OWNER_ONLY)
        except OSError:
            pass
        # on the disk before the commit renames it into place: synced by the staging's thread
        # while the run goes on (each fsync a wait of 2-15 ms the runner need not spend idle),
        # else at once
        if _STAGED is None or not _STAGED.sync_later(tmp, path):
            _sync(tmp)
        target = path
        if path.suffix == ".xlsx" and is_open_elsewhere(path):
            target = _alternative(path)
        if _STAGED is not None:
            _STAGED.add(tmp, target)  # renamed into place by its commit
        else:
            try:
                os.replace(tmp, target)
            except PermissionError:  # Windows: the file is open in Excel
                target = _alternative(path)
                os.replace(tmp, target)
        if target != path:
            NOTICES.append(open_said(path, target))
        elif path.suffix == ".xlsx":
            _said_earlier_copy(path)
    except (OSError, FileCreateError) as err:
        # XlsxWriter's FileCreateError carries the OSError (a full disk, a folder gone)
        tmp.unlink(missing_ok=True)
        raise OutputError(_not_written(path, err)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _sync(tmp: Path) -> None:
    """``tmp``'s bytes on the disk (the OSError raised if they cannot be put there)."""
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())


def _not_written(path: Path, err: BaseException) -> Message:
    """What a run says of an output ``path`` that could not be written (:func:`atomic_write`)."""
    reason = os_reason(os_error_of(err))
    return Message(
        f"Không ghi được '{folder_named(path)}': {reason}.",
        f"Cannot write '{folder_named(path)}': {reason.en}.",
    )


def _said_earlier_copy(path: Path) -> None:
    """Each copy earlier runs wrote beside ``path`` while it was open ('TongHop_2024-05 (1).xlsx',
    '… (2).xlsx' when it stayed open over two runs) is older than the file now written: said,
    so that nobody reads or sends it on. It is not removed: the officer may have written in it."""
    copies = []
    for copy in path.parent.glob(f"{glob.escape(path.stem)} (*){path.suffix}"):
        number = copy.stem[len(path.stem) + 2 : -1]
        if number.isdecimal() and copy.is_file():  # ('²' is a digit int() does not read)
            copies.append((int(number), copy))
    for _, copy in sorted(copies):
        NOTICES.append(
            Message(
                f"Tệp '{copy.name}' (ghi khi '{path.name}' đang mở) là kết quả cũ; kết quả mới "
                f"nhất là '{path.name}'. Hãy xoá '{copy.name}' nếu không cần nữa.",
                f"'{copy.name}' (written while '{path.name}' was open) is an older result; the "
                f"latest is '{path.name}'. Delete '{copy.name}' if it is no longer needed.",
            )
        )


def os_error_of(err: BaseException) -> BaseException:
    """The operating system's error behind ``err`` (itself, or the one it was raised from)."""
    seen = err
    while seen is not None and not isinstance(seen, OSError):
        seen = seen.__cause__ or seen.__context__
    if seen is not None:
        return seen
    for arg in getattr(err, "args", ()):
        if isinstance(arg, OSError):
            return arg
    return err


def remove_output(path: Path) -> None:
    """Remove an output file of an earlier run (a stale feedback file): when the run commits,
    if it stages its outputs; at once otherwise. One open in a spreadsheet stays."""
    if _STAGED is not None:
        _STAGED.remove(path)
        return
    try:
        path.unlink()
    except OSError:
        pass  # open in Excel on Windows: left for the next run


# --- staging: every output of a run put in place together, with the history --------------

_STAGED: Staged | None = None


class Staged:
    """Outputs written under temporary names, waiting to be put in place.

    :meth:`commit` renames each into place, keeping the file (or folder) it replaces under
    a backup name; :meth:`finish` then drops the backups, :meth:`undo` puts them back.
    Backups are ``.NAME.PID.old`` beside their file: a run cut off between the two (a
    power cut) leaves them for the next run's lock to sort out (:func:`recover_leftovers`).
    """

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path]] = []  # (temporary, final)
        self.removals: list[Path] = []
        self.done: list[tuple[Path, Path | None]] = []  # (final, its backup or None)
        self.kept: dict[Path, Path] = {}  # final -> where what it replaced is kept
        self.journal: Path | None = None
        self.folders: list[Path] = []  # made to hold the outputs: removed if the run fails
        # the files :meth:`sync_later` was given, synced one after the other by a thread of
        # the process that made the staging (a forked writer syncs its own at once)
        self.pid = os.getpid()
        self._to_sync: list[tuple[Path, Path] | None] = []
        self._sync_ready = threading.Condition()
        self._syncer: threading.Thread | None = None
        self._sync_closing = False  # its end asked (by synced): files given now sync at once
        self._sync_failed: list[tuple[Path, BaseException]] = []

    def sync_later(self, tmp: Path, path: Path) -> bool:
        """Have ``tmp`` (written for ``path``) put on the disk by the staging's thread while the
        run goes on; :meth:`synced` waits for it before anything is put in place. False in
        another process than the one that made the staging (a forked writer: it syncs its own
        before handing them over, and leaves with :func:`os._exit`)."""
        if os.getpid() != self.pid:
            return False
        with self._sync_ready:
            if self._sync_closing:  # a wait for the thread cut short (Ctrl-C): not queued
                return False
            if self._syncer is None:
                self._syncer = threading.Thread(target=self._sync_each, daemon=True)
                self._syncer.start()
            self._to_sync.append((Path(tmp), Path(path)))
            self._sync_ready.notify()
        return True

    def _sync_each(self) -> None:
        while True:
            with self._sync_ready:
                while not self._to_sync:
                    self._sync_ready.wait()
                item = self._to_sync.pop(0)
            if item is None:  # synced() waits: all given before it are done
                return
            tmp, path = item
            try:
                _sync(tmp)
            except BaseException as err:  # said by synced(), on the runner's thread
                self._sync_failed.append((path, err))

    def synced(self) -> None:
        """Wait until every file given to :meth:`sync_later` is on the disk; an
        OutputError, as :func:`atomic_write` raises it, for the first that could not be (what
        else a sync raised, raised again as it was: the thread prints no traceback)."""
        with self._sync_ready:
            syncer = self._syncer
            if syncer is None:
                return
            if not self._sync_closing:
                self._sync_closing = True
                self._to_sync.append(None)
                self._sync_ready.notify()
        # kept until joined: a wait cut short by Ctrl-C is waited again (staged_outputs' end)
        syncer.join()
        with self._sync_ready:
            self._syncer, self._sync_closing = None, False
        if self._sync_failed:
            path, err = self._sync_failed[0]
            self._sync_failed = []
            if not isinstance(err, OSError):  # raised as a sync on the runner's thread raised it
                raise err
            raise OutputError(_not_written(path, err))

    def add(self, tmp: Path, target: Path, keep_replaced_as: Path | None = None) -> None:
        """Stage ``tmp`` for ``target``; ``keep_replaced_as``: where to keep what it replaces
        (once the run has committed) instead of removing it."""
        self.pending.append((Path(tmp), Path(target)))
        if keep_replaced_as is not None:
            self.kept[Path(target)] = Path(keep_replaced_as)

    def remove(self, path: Path) -> None:
        self.removals.append(Path(path))

    def note_folders(self, folder: Path) -> None:
        """``folder`` and those above it that are not there yet: about to be made."""
        missing = []
        while not os.path.lexists(folder) and folder.parent != folder:
            missing.append(folder)
            folder = folder.parent
        self.folders.extend(missing)

    def entries(self, since: int = 0, removals_since: int = 0) -> tuple[list, list, list]:
        """What was staged after the given counts (a forked writer hands them to its parent)."""
        return self.pending[since:], self.removals[removals_since:], self.folders

    def extend(self, entries: tuple[list, list, list]) -> None:
        pending, removals, folders = entries
        self.pending.extend(pending)
        self.removals.extend(removals)
        self.folders.extend(folders)

    def remove_folders(self) -> None:
        """The folders made for outputs that were not put in place (a failed run leaves no
        empty 'PhanHoi' or month folder behind); one that holds anything stays."""
        for folder in sorted(set(self.folders), key=lambda f: len(f.parts), reverse=True):
            try:
                folder.rmdir()
            except OSError:
                pass
        self.folders = []

    def commit(self, journal: Path | None = None, run: int | None = None) -> None:
        """Put every staged output in place; on any failure, everything as it was, and raise.

        ``journal``: first written (and synced) with every rename about to be made and the
        history's ``run`` being committed, so that a run killed between the renames and the
        history's commit (SIGKILL, a power cut) is put right by the next run's lock, one way
        or the other (:func:`recover_commit`); :meth:`finish` and :meth:`undo` remove it."""
        self.synced()  # every staged file on the disk before any is put in place
        target = None
        self.journal = journal
        # (final, where what it replaces is set aside, or None), for the renames and the journal
        moves = [(t, _backup_of(t) if os.path.lexists(t) else None) for _, t in self.pending]
        removals = [(p, _backup_of(p)) for p in self.removals if p.is_file()]
        try:
            if journal is not None:
                _write_journal(journal, run, moves + removals, self.kept)
            for index, (tmp, target) in enumerate(self.pending):
                backup = moves[index][1]
                if target.is_dir() and not tmp.is_dir():  # a folder where the file goes
                    raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
                if backup is not None:
                    remove_tree(backup)
                    try:
                        os.replace(target, backup)
                    except PermissionError:
                        if target.suffix != ".xlsx":
                            raise
                        # Windows: the workbook is open in Excel (opened from another computer,
                        # no '~$' file seen): the new one goes beside it, as atomic_write does.
                        target, backup = self._beside(index, target, moves, removals, run)
                self.done.append((target, backup))
                os.replace(tmp, target)
            target = None
            for path, backup in removals:
                try:
                    os.replace(path, backup)
                except OSError:
                    continue  # open in Excel on Windows: left for the next run
                self.done.append((path, backup))
        except OSError as err:
            self.undo()
            reason = os_reason(err)
            if isinstance(err, PermissionError) and target is not None and target.is_file():
                # the folder was found writable before (check_writable): the file itself is
                # refused, marked read-only or held open (Windows)
                reason = Message(
                    "tệp này đang đặt chỉ đọc hoặc đang được chương trình khác mở; hãy đóng tệp, "
                    "bỏ chọn 'Read-only' (chuột phải vào tệp > Properties) rồi chạy lại",
                    "the file is marked read-only or held open by another program; close it, "
                    "clear 'Read-only' (right-click the file > Properties) and run again",
                )
            where = f" '{folder_named(target)}'" if target is not None else ""
            raise OutputError(
                Message(
                    f"Không ghi được kết quả mới{where}: {reason}. Các tệp kết quả và lịch sử "
                    "cũ vẫn giữ nguyên.",
                    f"Cannot write the new result{where}: {reason.en}. The previous results "
                    "and history are unchanged.",
                )
            ) from None

    def _beside(
        self, index: int, target: Path, moves: list, removals: list, run: int | None
    ) -> tuple[Path, None]:
        """The workbook ``target`` cannot be set aside: the new one is put under a new name
        ('TongHop_2024-05 (1).xlsx'), said to the officer, the journal told first."""
        beside = _alternative(target)
        moves[index] = (beside, None)
        if self.journal is not None:
            _write_journal(self.journal, run, moves + removals, self.kept)
        NOTICES.append(open_said(target, beside))
        return beside, None

    def finish(self) -> None:
        """The history has committed: the replaced files go. A folder left empty by the files
        removed (a month's 'PhanHoi' once every list is clean: session 41) goes too; one that
        holds anything, or is a link to a folder elsewhere, stays."""
        emptied = set()
        for target, backup in self.done:
            if backup is None:
                continue
            keep = self.kept.get(target)
            if keep is not None:
                try:
                    os.replace(backup, keep)
                except OSError:
                    pass  # left under its backup name rather than lost
                continue
            remove_tree(backup)
            if not os.path.lexists(target):  # removed (remove_output), not replaced
                emptied.add(target.parent)
        for folder in sorted(emptied):
            if folder.is_symlink():
                continue  # a link the officer made (Windows' rmdir would remove it)
            try:
                folder.rmdir()
            except OSError:
                pass  # not empty: the officer's files, or feedback of other months
        self.done = []
        self._drop_journal()

    def _drop_journal(self) -> None:
        if self.journal is not None:
            self.journal.unlink(missing_ok=True)
            self.journal = None

    def undo(self) -> None:
        """Put back what :meth:`commit` replaced, newest first; remove what it added."""
        for target, backup in reversed(self.done):
            try:
                if backup is None:
                    remove_tree(target)
                elif os.path.lexists(backup):
                    if os.path.lexists(target):
                        remove_tree(target)
                    os.replace(backup, target)
            except OSError:
                pass  # the next run's lock recovers what is left (lock._sweep)
        self.done = []
        self._drop_journal()

    def discard(self, since: int = 0) -> None:
        """Drop the staged files not put in place (those staged after the first ``since``)."""
        for tmp, _ in self.pending[since:]:
            remove_tree(tmp)
        del self.pending[since:]


def _backup_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.old")


def remove_tree(path: Path) -> None:
    """Remove ``path``, a folder with all below it or a file (a link itself, not what it points
    to); what cannot be removed stays, silently (the output's staging, a `sample` stopped part
    way: cli's undoing)."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def staging() -> Staged | None:
    """The run's staging, if outputs are being staged."""
    return _STAGED


@contextmanager
def staged_outputs() -> Iterator[Staged]:
    """Stage every output written inside (:func:`atomic_write`, :func:`remove_output`): on an
    exception (an interruption too) the staged files go and anything committed is put back."""
    global _STAGED
    staged = _STAGED = Staged()
    try:
        yield staged
    except BaseException:
        staged.undo()
        try:
            _synced_quietly(staged)  # no file removed while the thread holds it (Windows)
        finally:
            staged.discard()
            staged.remove_folders()
        raise
    finally:
        try:
            _synced_quietly(staged)  # no thread left syncing files that are gone
        finally:
            staged.discard()
            _STAGED = None


def _synced_quietly(staged: Staged) -> None:
    """Wait for ``staged``'s thread; a file it could not sync is not said: the run failed
    already, or its commit waited and said it."""
    try:
        staged.synced()
    except Exception:  # noqa: BLE001 - the run's own failure is the one said
        pass


COMMIT_JOURNAL = ".giamngheo-commit.json"


def _write_journal(path: Path, run: int | None, moves: list, kept: dict) -> None:
    record = {
        "run": run,
        "moves": [[str(t), None if b is None else str(b)] for t, b in moves],
        "kept": {str(k): str(v) for k, v in kept.items()},
    }
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        json.dump(record, out, ensure_ascii=False)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def recover_commit(folder: Path, committed: Callable[[int | None], bool]) -> bool:
    """Put right a commit a killed run left half done (its journal in ``folder``): when the
    history has the run (``committed(run)``), the files it replaced go (or are kept where it
    said); otherwise they are put back and the files it added removed. Either way the outputs
    and the history agree again. Returns whether there was anything to recover."""
    path = folder / COMMIT_JOURNAL
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        moves = [(Path(t), None if b is None else Path(b)) for t, b in record["moves"]]
        kept = {Path(k): Path(v) for k, v in record.get("kept", {}).items()}
        run = record.get("run")
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)  # a journal cut off while written: no rename was made
        return False
    # The killed run's commit, as far as it went: finished or undone as the run would have.
    staged = Staged()
    staged.done, staged.kept, staged.journal = moves, kept, path
    if committed(run):
        staged.finish()
    else:
        staged.undo()  # a rename not yet made: nothing to put back there
    return True


class SignalHold:
    """Ctrl-C, SIGTERM and SIGHUP (the terminal closed) wait from :meth:`start` to :meth:`stop`:
    the outputs renamed into place and the history committed take a moment, and cut between
    the two they would disagree. A signal that came meanwhile is not acted on: by then the run
    has completed. (SIGKILL and a power cut cannot wait: the commit's journal covers them.)"""

    SIGNALS = tuple(
        getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
    )

    def __init__(self) -> None:
        self.previous: dict = {}

    def start(self) -> None:
        if self.previous or threading.current_thread() is not threading.main_thread():
            return
        for number in self.SIGNALS:
            try:
                self.previous[number] = signal.signal(number, lambda _signum, _frame: None)
            except (OSError, ValueError):
                pass

    def stop(self) -> None:
        for number, handler in self.previous.items():
            signal.signal(number, handler)
        self.previous = {}


def summary_json(summary: dict) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(path: Path, summary: dict) -> Path:
    text = summary_json(summary)
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
