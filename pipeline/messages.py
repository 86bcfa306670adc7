"""The one-line reasons a command stops with, in Vietnamese and English (CONTRACT §6).

A reason is raised deep in a stage and printed by the CLI in the run's language. What the
operating system or SQLite said went wrong reaches the officer as plain words and what to do,
never as their English text ("File exists", "unable to open database file").

Standard library only: the CLI imports this before anything heavy.
"""

from __future__ import annotations

import errno
import ntpath
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline import lazyre


class Message(str):
    """A message in both languages: the string *is* its Vietnamese text, ``.en`` its English one.

    A string rather than a pair, because a reason travels through code that treats it as text:
    the exceptions that carry it, ``str(err)`` kept by the plan reader and sent back from a
    reader process, an issue's detail in ``giamngheo check``. All of them keep seeing the
    Vietnamese text, and the English one goes along (``str()`` of it, or of an exception
    holding it, is the message itself; it pickles with both texts).
    """

    en: str
    # How many households it names, where the English words around it agree in number ('1
    # household (DK2) …': "until it is written", not "they"; Issue.message), else None. Not
    # named 'count': that is str.count, which a Message is asked too
    households: int | None

    def __new__(cls, vi: str, en: str, households: int | None = None) -> Message:
        message = super().__new__(cls, vi)
        message.en = en
        message.households = households
        return message

    def __str__(self) -> Message:
        return self

    def __reduce__(self):
        return (Message, (str.__str__(self), self.en, self.households))


def apart_households(start_apart: int | None, listed: int) -> Message:
    """The households a list sent apart keeps out of the merged hamlet's figures, as the
    messages say them: "2 hộ" when all ``listed`` are of the hamlet's start list (or there is
    none to compare with), else "2 hộ có trong danh sách đầu năm và 1 hộ khác" (``start_apart``
    of the start list, not counted, and the list's others: new, or from elsewhere)."""

    def households(n: int) -> str:
        return f"{n} household" + ("" if n == 1 else "s")

    if start_apart is None or start_apart in (0, listed) or start_apart > listed:
        n = listed if start_apart is None or start_apart == 0 else start_apart
        return Message(f"{n} hộ", households(n), n)
    others = listed - start_apart
    return Message(
        f"{start_apart} hộ có trong danh sách đầu năm và {others} hộ khác",
        f"{households(start_apart)} of the start list and {others} other"
        + ("" if others == 1 else "s"),
        listed,
    )


# Words a hamlet's own name may begin with that say what it is ('Xóm Đồng Mỏ – Làng Mới',
# 'Tổ dân phố số 12', 'Thôn 3'): such a name is not given "xóm" before it (session 38 for
# titles, session 39 for sentences). 'Bản' and 'Làng' begin ordinary names ('Bản Cọ').
UNIT_WORDS = ("xóm", "thôn", "tổ", "khu phố", "ấp", "buôn", "khóm", "tiểu khu")
# ... and of a name that is its unit and number, folded: 'Khu 4', 'Khu Đông' ('khu' is no
# ordinary name's word: 'Khuổi Đắc', 'Khuôn Ca' are other words), 'Bản 3', 'Làng số 2', 'Đội 5'
# ('Bản Cọ' stays "xóm Bản Cọ"; session 54)
_OWN_UNIT_NAMED = lazyre.compile(r"khu(?: |$)|(?:bản|làng|đội) (?:số ?)?\d")


def names_own_unit(name: str) -> bool:
    """Whether ``name`` begins with a word of :data:`UNIT_WORDS` (or is a unit and its number,
    :data:`_OWN_UNIT_NAMED`: 'Khu 4', 'Bản 3'), or, for names joined by ', ' ('Xóm Đồng Mỏ,
    Thôn Nà Mòn'), whether each does: "xóm" before a list stands for all."""
    parts = unicodedata.normalize("NFC", name).casefold().split(", ")
    return all(
        any(p == w or p.startswith(w + " ") for w in UNIT_WORDS) or _OWN_UNIT_NAMED.match(p)
        for p in parts
    )


def with_unit(name: str, unit: str = "xóm") -> str:
    """``name`` after ``unit`` ('xóm Nà Mòn'), or alone where it names its own unit
    (:func:`names_own_unit`): not "xóm Xóm Đồng Mỏ – Làng Mới", "XÓM XÓM ĐỒNG MỎ"."""
    return name if names_own_unit(name) else f"{unit} {name}"


# 'xóm {hamlet}' (or 'hamlet {hamlet}' in English) in a message template: the unit word, then
# a bare field. A quoted one ("xóm '{value}'") quotes what a head wrote or must write: kept.
_UNIT_BEFORE_FIELD = lazyre.compile(r"\b(?:[Xx]óm|[Hh]amlet) \{(\w+)\}")


def full_path_said(path: Path | str) -> Message:
    """' (đường dẫn đầy đủ: …)' after a path typed relative: the folder it was looked for in,
    the command perhaps started in another folder than the officer thinks (session 50's input
    folder; session 57: `check`'s files and the output folder); '' for a path typed whole."""
    full = os.path.abspath(path)
    if str(path) == full:
        return Message("", "")
    return Message(f" (đường dẫn đầy đủ: {full})", f" (full path: {full})")


def folder_named(path: Path | str) -> str:
    """A folder (or file) as a run's stop names it, once, to be quoted: its path from the
    current folder where it lies under it ('danh sách các xóm gửi về/trong', typed so or in
    full), else its full path (a folder elsewhere, one typed with '..', the current folder
    itself). Session 60: a stop is one line, and the officer's documents folder written out in
    full (and again after a path typed relative, session 50's "(đường dẫn đầy đủ: …)") made it
    190 to 340 characters."""
    try:
        full = os.path.abspath(path)
    except OSError:  # the current folder gone: as given
        return str(path)
    try:
        # compared composed (NFC): a folder dragged from a Mac's Finder comes decomposed (NFD)
        # under a current folder typed composed, or the other way, the same names to the
        # officer and the file system (session 61; R3's Left (2) of session 60)
        below = os.path.relpath(_composed(full), _composed(os.getcwd()))
    except (OSError, ValueError):  # the current folder gone; another drive (Windows)
        return full
    if below == os.curdir or below == os.pardir or below.startswith(os.pardir + os.sep):
        return full
    # ... and named as given (as the file system holds it), its own last names: composing
    # leaves the separators, so as many names as ``below`` holds
    return os.sep.join(full.split(os.sep)[-len(below.split(os.sep)) :])


def _composed(path: str) -> str:
    return unicodedata.normalize("NFC", path)


def below_named(relative: str) -> str:
    """A path below a folder as pathlib's ``as_posix`` writes it ('.thang5/NaMon.xlsx') with
    this system's separator, as :func:`folder_named` writes the folder above it: on Windows
    "'ds\\s2' … '.thang5\\NaMon.xlsx'", not '\\' in one and '/' in the other (session 61, R3's
    Left (3) of session 60). No name on Windows holds '/'."""
    return relative if os.sep == "/" else relative.replace("/", os.sep)


def looked_in(path: Path | str) -> Message:
    """' trong thư mục 'giamngheo'' after a folder not there that :func:`folder_named` names
    from the current folder: where it was looked for, by the current folder's own name (a
    command started in another folder than the officer thinks shows at once; session 50's
    full path, which said it at the length of the whole path); '' for one named in full."""
    if os.path.isabs(folder_named(path)):
        return Message("", "")
    try:
        here = os.getcwd()
    except OSError:  # the current folder gone
        return Message("", "")
    name = os.path.basename(here) or here  # a drive's root ('C:\\') by itself
    return Message(f" trong thư mục '{name}'", f" in the folder '{name}'")


def said_with_unit(template: str, **fields: object) -> str:
    """``template.format(**fields)``, each 'xóm {name}' written as :func:`with_unit` writes it:
    "Xóm Đồng Mỏ – Làng Mới", not "xóm Xóm Đồng Mỏ – Làng Mới"; "xóm Bản Cọ" as it was. The one
    place messages, labels and feedback texts put a hamlet's name after its unit word."""
    if "óm {" in template or "amlet {" in template:

        def name_alone(found) -> str:
            value = fields.get(found[1])
            own = isinstance(value, str) and value and names_own_unit(value)
            return "{" + found[1] + "}" if own else found[0]

        template = _UNIT_BEFORE_FIELD.sub(name_alone, template)
    return template.format(**fields) if fields else template


def in_language(message: object, lang: str) -> str:
    """The text of ``message`` for a run in ``lang``; a message without English stays as is."""
    if lang == "en" and isinstance(message, Message):
        return message.en
    return str.__str__(message) if isinstance(message, str) else str(message)


# The folders `giamngheo run` reads and writes when none is given (CONTRACT §1, §5).
DEFAULT_INPUT, DEFAULT_OUTPUT = Path("input"), Path("output")


# Frozen and ``replace``d, without the ``__eq__``, ``__hash__`` and ``__repr__`` nothing asks of
# one: a dataclass compiles each at every import (session 33, issue #6).
@dataclass(frozen=True, eq=False, repr=False)
class RunCommand:
    """The `giamngheo run` a notice gives ready to paste: with the folders the officer's run
    was given (``--input``, ``--output``) where they are not the defaults, so that the command
    pasted reads and writes the same ones. Not ``--replace`` (it drops hamlets from the period
    it is given: the officer decides that for each), nor the options that change no file read
    or written (``--lang``, ``--strict``, ``--quiet``)."""

    input_dir: Path = DEFAULT_INPUT
    output_dir: Path = DEFAULT_OUTPUT
    program: str = "giamngheo"  # the command as started (:func:`program_as_started`)
    # The output folder was made by this run (for its lock): a run that stops removes it.
    output_made: bool = False

    def of(self, period: str) -> str:
        """The command for ``period`` ('YYYY-MM')."""
        words = [self.program, "run"]
        for option, given, default in (
            ("--input", self.input_dir, DEFAULT_INPUT),
            ("--output", self.output_dir, DEFAULT_OUTPUT),
        ):
            if Path(given) != default:
                words += [option, quoted(str(given))]
        return " ".join([*words, "--period", period])

    def history_of(self, period: str) -> str:
        """The `giamngheo history --period` listing every stored run of ``period`` ('YYYY-MM'),
        with the run's output folder (its history) where it is not the default."""
        words = [self.program, "history"]
        if Path(self.output_dir) != DEFAULT_OUTPUT:
            words += ["--output", quoted(str(self.output_dir))]
        return " ".join([*words, "--period", period])

    def check(self) -> str:
        """The `giamngheo check` of the run's input folder that says what the run says of each
        file: with the run's history (``--output``) where it is not the default, since what
        `check` says of a list can depend on the months stored there (a hamlet's former name,
        last month's households). Only where that folder was there before the run: a first run
        stopped leaves none, which `check --output` would refuse as mistyped (session 45); one
        there without a history is named, so that the check reads none, as the run did, not
        `output/`'s. A folder the run made (it read no history) while `output/` holds one:
        `--no-history` (session 46)."""
        from pipeline.types import HISTORY_FILE

        folder = str(self.input_dir)
        if folder.startswith("-"):  # '-vao' alone is taken for options ('-v'…), not a folder
            folder = os.path.join(os.curdir, folder)
        words = [self.program, "check", quoted(folder)]
        there = Path(self.output_dir).is_dir() and not self.output_made
        if Path(self.output_dir) != DEFAULT_OUTPUT and there:
            words += ["--output", quoted(str(self.output_dir))]
        elif self.output_made and os.path.lexists(DEFAULT_OUTPUT / HISTORY_FILE):
            words.append("--no-history")
        return " ".join(words)


def commands_in_turn(commands: Iterable[str]) -> str:
    """The end of a notice that gives ``commands`` to run one after the other: ': ' and them
    joined by '; ' on one line, as a Unix shell (and PowerShell) runs them. On Windows, with
    more than one, ':' and each on a line of its own ('  ' before it): cmd.exe, where the
    notice's ';' is a space (the second command was the first's arguments), wants '&', which
    Windows PowerShell refuses ('&&' only from PowerShell 7), so no one line runs in both; each
    line copied runs as it stands, and the lines pasted together run one by one in either
    (docs/decisions.md, session 52)."""
    commands = list(commands)
    if os.name == "nt" and len(commands) > 1:
        return ":" + "".join(f"\n  {command}" for command in commands)
    return ": " + "; ".join(commands)


def program_as_started(argv0: str, executable: str) -> str:
    """How a notice's command starts, so that it runs when pasted where the officer ran this one:
    the `giamngheo` script as it was typed ('.venv/bin/giamngheo' under `make`, which is not on
    the terminal's PATH; 'giamngheo' in an activated venv), else this interpreter's ``-m
    pipeline`` (`python -m pipeline …`, CONTRACT §6). Written by :func:`program_word`."""
    # Windows' os.path is ntpath (named so that tests switching os.name split at '\\' too)
    name = (ntpath if os.name == "nt" else os.path).basename(argv0)
    if name.lower() in ("giamngheo", "giamngheo.exe"):
        return program_word(argv0)
    return f"{program_word(executable)} -m pipeline"


def program_word(path: str) -> str:
    """A program's ``path`` as the first word of a command line pasted into this computer's
    terminal: :func:`quoted`; on Windows, a path that needs quotes (a folder with a space:
    'C:\\Users\\Nguyen Van A\\giamngheo\\.venv\\Scripts\\giamngheo', as the pip launcher
    gives it) under the current folder is written from there, '.\\' first
    ('.\\.venv\\Scripts\\giamngheo'), where that needs none: a line beginning with a quoted
    path is a string to PowerShell, not a command (it wants ``& "…"``, which cmd.exe refuses),
    while a path without quotes, '.\\' first, runs in both (docs/decisions.md, session 53). The
    notice's other words ('input', 'output' unless given) are from the current folder too."""
    said = quoted(path)
    if os.name != "nt" or said == path:
        return said
    try:
        here = os.getcwd()
        if not (ntpath.isabs(path) and ntpath.isabs(here)):
            return said
        relative = ntpath.relpath(path, here)
    except (OSError, ValueError):  # no current folder; another drive than the current folder's
        return said
    if relative.split(ntpath.sep)[0] in (ntpath.curdir, ntpath.pardir):  # not under it
        return said
    relative = ntpath.curdir + ntpath.sep + relative
    return relative if quoted(relative) == relative else said


def quoted(text: str) -> str:
    """``text`` as one word of a command line pasted into this computer's terminal: a folder
    with spaces ('Tong hop 2024') in quotes (Windows' "…", a Unix shell's '…'); on Windows one
    with cmd.exe's '&', '|', '<', '>' or '^' too (session 47)."""
    if os.name == "nt":
        from subprocess import list2cmdline

        said = list2cmdline([text])
        if said == text and any(c in text for c in "&|<>^"):  # cmd.exe's own, unless quoted
            ends = text[len(text.rstrip("\\")) :]  # a backslash before '"' is doubled
            said = f'"{text}{ends}"'
        return said
    import shlex

    return shlex.quote(text)


# What an OSError means to the officer, and what to do about it.
_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: (
        "không có tệp hoặc thư mục này; hãy kiểm tra lại đường dẫn",
        "there is no such file or folder; check the path",
    ),
    errno.EEXIST: (
        "ở đó đã có một tệp trùng tên, nên không tạo được thư mục; hãy đổi tên tệp đó "
        "hoặc chọn thư mục khác",
        "a file of that name is already there, so the folder cannot be created; rename that "
        "file or choose another folder",
    ),
    errno.ENOTDIR: (
        "một phần của đường dẫn là tệp chứ không phải thư mục; hãy chọn thư mục khác",
        "part of the path is a file, not a folder; choose another folder",
    ),
    errno.EISDIR: (
        "ở đó là một thư mục chứ không phải tệp; hãy xóa hoặc đổi tên thư mục đó",
        "there is a folder there, not a file; remove or rename that folder",
    ),
    errno.EACCES: (
        "không có quyền truy cập; hãy chọn thư mục khác hoặc nhờ người quản trị máy cấp quyền",
        "permission denied; choose another folder or ask the computer's administrator for access",
    ),
    errno.EROFS: (
        "ổ đĩa chỉ cho đọc (ví dụ USB đang khóa ghi); hãy chọn thư mục trên ổ đĩa khác",
        "the drive is read-only (for example a write-protected USB stick); choose a folder on "
        "another drive",
    ),
    errno.ENOSPC: (
        "ổ đĩa đã đầy; hãy xóa bớt tệp không cần rồi chạy lại",
        "the disk is full; delete files you do not need and run again",
    ),
    errno.EBUSY: (
        "tệp hoặc thư mục đang được chương trình khác dùng; hãy đóng chương trình đó rồi chạy lại",
        "the file or folder is in use by another program; close that program and run again",
    ),
    errno.ENAMETOOLONG: (
        "tên hoặc đường dẫn quá dài; hãy chọn thư mục có đường dẫn ngắn hơn",
        "the name or path is too long; choose a folder with a shorter path",
    ),
}
_OS_REASONS[errno.EPERM] = _OS_REASONS[errno.EACCES]
if hasattr(errno, "EDQUOT"):  # not on Windows
    _OS_REASONS[errno.EDQUOT] = (
        "đã dùng hết dung lượng được cấp cho tài khoản này; hãy xóa bớt tệp rồi chạy lại",
        "the disk quota of this account is used up; delete some files and run again",
    )


def os_reason(err: OSError, advice: bool = True) -> Message:
    """What went wrong, for an OSError whose ``strerror`` would otherwise be shown. Without
    ``advice``: what went wrong alone, not what to do (a known reason's words before its '; ';
    what the system said, whole, ';' and all)."""
    known = _OS_REASONS.get(err.errno) if err.errno is not None else None
    if known:
        return Message(*(text if advice else text.split("; ")[0] for text in known))
    said = err.strerror or str(err) or type(err).__name__
    return Message(f"lỗi của hệ điều hành ({said})", said)


# SQLite's own messages (the text of a sqlite3.Error) and what they mean for the history store.
_SQLITE_REASONS: dict[str, tuple[str, str]] = {
    "unable to open database file": (
        "không mở hay tạo được tệp (thư mục không có hoặc không ghi được, ổ đĩa chỉ cho đọc, "
        "hoặc ở đó là một thư mục cùng tên); hãy kiểm tra thư mục kết quả",
        "the file cannot be opened or created (the folder is missing or not writable, the drive "
        "is read-only, or a folder of that name is there); check the output folder",
    ),
    "database is locked": (
        "kho đang bị chương trình khác giữ (một lần chạy khác, hoặc một phần mềm đang mở tệp "
        "này); hãy đóng chương trình đó rồi chạy lại",
        "another program holds the store (another run, or software that has the file open); "
        "close it and run again",
    ),
    "file is not a database": (
        "tệp bị hỏng hoặc không phải kho lịch sử; hãy khôi phục bản sao hoặc đổi tên tệp này "
        "để bắt đầu kho mới",
        "the file is damaged or is not a history store; restore a copy, or rename this file "
        "to start a new store",
    ),
    "database disk image is malformed": (
        "tệp bị hỏng; hãy khôi phục bản sao hoặc đổi tên tệp này để bắt đầu kho mới",
        "the file is damaged; restore a copy, or rename this file to start a new store",
    ),
    "database or disk is full": (
        "ổ đĩa đã đầy; hãy xóa bớt tệp không cần rồi chạy lại",
        "the disk is full; delete files you do not need and run again",
    ),
    "attempt to write a readonly database": (
        "không có quyền ghi vào tệp; hãy chọn thư mục kết quả khác hoặc nhờ người quản trị "
        "máy cấp quyền",
        "the file cannot be written (no permission); choose another output folder or ask the "
        "computer's administrator for access",
    ),
}


def known_sqlite_reason(err: Exception) -> Message | None:
    """What went wrong, for a sqlite3.Error SQLite explains in one of its well-known texts (its
    codes vary between versions and Python does not always expose them)."""
    known = _SQLITE_REASONS.get(str(err).strip().lower())
    return Message(*known) if known else None


def sqlite_reason(err: Exception) -> Message:
    """What went wrong, for any sqlite3.Error met while opening the history store."""
    said = str(err)
    known = known_sqlite_reason(err)
    if known:
        return known
    return Message(
        f"{said}; hãy khôi phục bản sao hoặc đổi tên tệp này để bắt đầu kho mới",
        f"{said}; restore a copy, or rename this file to start a new store",
    )
