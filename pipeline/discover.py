"""Discover: walk the input folder, open each file, tell plan from roster by content.

Knows nothing about columns beyond finding the header row; reading a
roster's rows is done here so that each file is handled in one pass (and,
at scale, in one worker process).
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path

from pipeline import lazyre, vocab
from pipeline.keyvalues import read_title_lines, written_past_reach
from pipeline.messages import UNIT_WORDS, Message, below_named
from pipeline.normalise import holds_dates, info_past_equals, normalise_column, normalise_table
from pipeline.read import (
    MAX_HOUSEHOLD_ROWS,
    NOTES,
    PLACEHOLDER_MARKS,
    SPREADSHEET_SUFFIXES,
    VALUE_REACH,
    KeyValue,
    ReadError,
    Table,
    Twice,
    Workbook,
    birth_year_by_sex,
    class_mark_columns,
    classes_from_marks,
    describe_error,
    find_header,
    hidden_by,
    hidden_twice,
    join_head_name,
    looks_like_spreadsheet,
    mark_columns,
    mark_names,
    named_as_spreadsheet,
    open_workbook,
    read_key_values,
    settle_twice,
    sex_by_legend,
    sex_by_marks,
    signs_a_list,
    split_head_name,
    starts_with_marker,
    table_rows,
)
from pipeline.tables import plain_total
from pipeline.text import (
    ROMAN_NUMBER,
    cell_position,
    clean_text,
    column_letter,
    find_period_in_text,
    fold,
    format_en,
    format_vn,
    is_blank,
    month_day_swapped,
    month_named,
    needs_xml_safe,
    nfc,
    parse_count,
    parse_households,
    parse_month_only,
    parse_period,
    parse_prepared_date,
    parse_short_year_period,
    parse_whole,
    same_month,
    title_readings,
    title_tries,
    unit_number_form,
    vi_key,
    without_group,
    xml_safe,
)
from pipeline.types import HISTORY_FILE, LOCK_NAME, MANIFEST, Issue, Submission
from schemas.columns import (
    FORM_TYPE_PLAN,
    FORM_TYPE_ROSTER,
    HAMLET_WORDS,
    INFO_COUNT_LABELS,
    PLAN_INFO_SHEET,
    PLAN_TARGETS_SHEET,
    ROSTER_COLUMNS,
    ROSTER_INFO_LABELS,
    ROSTER_INFO_SHEET,
    ROSTER_LIST_SHEET,
    SECTION_MARKERS,
    SIGNATURE_MARKERS,
    TOTAL_MARKERS,
)

IDENTITY_KEYS = ("ma_ho", "chu_ho", "nhan_khau", "phan_loai")
# Columns whose formula without a calculated value does not exclude the household.
_FORMULA_HARMLESS = ("stt", "ghi_chu")
_JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
# Why Excel's lock files (~$*.xlsx) and the system's files (Thumbs.db) are skipped: listed on
# 'Nộp báo cáo', said nowhere else, and no file the officer put in the folder.
TEMPORARY = "tệp tạm/hệ thống"
# What a hamlet sends instead of its list when it has no Excel at hand: a photo, a PDF, a Word
# document, a CSV copy. Whether such a file is a hamlet's list (refused, `not-a-spreadsheet`) or
# a file no hamlet sent (`file-skipped`) is decided with the plan (consolidate.document_issue),
# not on reading: the reader says nothing of it.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".heic", ".doc", ".docx", ".csv"})


# A compressed folder of lists, as a hamlet head e-mails them or a phone saves an attachment:
# not read (its files would have no place of their own in the archive of what was read, nor
# a feedback workbook beside them); the officer is told to unpack it, with the spreadsheets
# inside named where the archive can be listed (a .zip, by the standard library).
ARCHIVE_SUFFIXES = frozenset({".zip", ".rar", ".7z"})
# A Windows shortcut ('DS_DongKe_2024-05.xlsx - Shortcut.lnk', as "Create shortcut" or a
# right-drag names it): the list it points to is to be copied itself, not saved as .xlsx.
SHORTCUT_SUFFIX = ".lnk"
# shortcuts: a Windows one, an Internet one (to a web address: a shared drive's list)
SHORTCUT_SUFFIXES = frozenset({SHORTCUT_SUFFIX, ".url"})
_ARCHIVE_NAMES_SHOWN = 5


def archive_issue(path: Path, rel: str, suffix: str) -> Issue:
    """`file-skipped`, variant 'archive': a .zip, .rar or .7z file, with the spreadsheets a .zip
    holds named (their names inside, up to five)."""
    names: list[str] = []
    if suffix == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    name = _member_name(info).rsplit("/", 1)[-1]
                    if (not info.is_dir() and not is_temporary(name)
                            and Path(name).suffix.lower() in SPREADSHEET_SUFFIXES):  # fmt: skip
                        names.append(name)
        except (OSError, zipfile.BadZipFile, ValueError, RuntimeError):
            names = []
    names.sort(key=vi_key)
    value = ""
    if names:
        shown = _names_shown(names, quote="")
        value = Message(f" Bên trong có: {shown}.", f" It holds: {shown.en}.")
    return Issue("file-skipped", file=rel, detail=suffix, variant="archive", value=value)


def _names_shown(names: list[str], quote: str = "'") -> Message:
    """The first :data:`_ARCHIVE_NAMES_SHOWN` of ``names`` (each XML-safe, between ``quote``)
    and how many more: "'Bản Cọ.xlsx', 'Nà Mòn.xlsx' và 3 tệp khác". An archive's files,
    an output or a hidden folder's lists (session 56: written once, not three times)."""
    shown = ", ".join(f"{quote}{xml_safe(name)}{quote}" for name in names[:_ARCHIVE_NAMES_SHOWN])
    more = len(names) - _ARCHIVE_NAMES_SHOWN
    return Message(
        shown + (f" và {more} tệp khác" if more > 0 else ""),
        shown + (f" and {more} more" if more > 0 else ""),
    )


def _member_name(info: zipfile.ZipInfo) -> str:
    """A zip member's name as its maker wrote it: without the UTF-8 flag, Python reads the name
    as cp437, while most tools (7-Zip, phones, macOS) write UTF-8 anyway: 'Bản Cọ.xlsx', not
    'Bß║ún Cß╗ì.xlsx'. A name that is not UTF-8 was written by Windows' own "Compressed
    (zipped) folder" in the system's code page, which on a Vietnamese Windows is cp1258 (tone
    marks as combining characters, put together again here)."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for codec in ("utf-8", "cp1258"):
        try:
            return unicodedata.normalize("NFC", raw.decode(codec))
        except UnicodeDecodeError:
            pass
    return info.filename


def is_temporary(name: str) -> bool:
    """An Excel lock file, a hidden file or a file the system leaves (Thumbs.db, .DS_Store);
    not a spreadsheet merely named with a leading dot (:func:`hidden_list`)."""
    if name.lower() in _JUNK_NAMES:
        return True
    return name.startswith(("~$", ".")) and not hidden_list(name)


def hidden_list(name: str) -> bool:
    """A spreadsheet whose name starts with a dot ('.NaMon_05.xlsx': hidden on Linux and a Mac,
    as some sync tools or a copy there name it), not one a system or an office program leaves
    ('._NaMon.xlsx' of a Mac, LibreOffice's '.~lock.NaMon.xlsx#'): skipped with a word
    (session 50), no longer in silence."""
    return (
        name.startswith(".")
        and not name.startswith(("._", ".~"))
        and name.lower() not in _JUNK_NAMES
        and Path(name).suffix.lower() in SPREADSHEET_SUFFIXES
    )


def lock_file_of(path: Path) -> tuple[str, bool] | None:
    """The spreadsheet an office program's lock file stands for, and whether it is beside it:
    Excel's '~$…' is the workbook's name with its first two characters replaced when the name
    is long ('~$_NaMon_2024-05.xlsx' for 'DS_NaMon_2024-05.xlsx'), else the whole name after
    '~$'; LibreOffice's '.~lock.NAME#' names it whole. None for any other file (Thumbs.db, a
    Word document's lock file). Not found beside it: the name after '~$' (or LibreOffice's)."""
    name = path.name
    if name.startswith(".~lock.") and name.endswith("#"):
        of = name[len(".~lock.") : -1]
        found = (path.parent / of).is_file()
    elif name.startswith("~$") and len(name) > 2:
        of, rest, found = name[2:], name[2:], False
        try:
            beside = sorted(os.listdir(path.parent))
        except OSError:
            beside = []
        for other in beside:  # the name itself first, then one whose first two letters differ
            if other == rest or (len(other) == len(name) and other[2:] == rest):
                if not is_temporary(other):
                    of, found = other, True
                    if other == rest:
                        break
    else:
        return None
    if Path(of).suffix.lower() not in SPREADSHEET_SUFFIXES:
        return None
    return of, found


def lock_file_said(rel: str, lock: tuple[str, bool]) -> Message:
    """The one line a run (on screen) and `check` give of a spreadsheet's lock file."""
    of, found = lock
    if found:
        return Message(
            f"Bỏ qua '{rel}': đây là tệp khóa Excel tạo ra khi tệp '{of}' đang mở, không phải "
            f"danh sách. Những gì sửa trong '{of}' mà chưa lưu thì chưa được đọc: nếu vừa sửa, "
            "hãy lưu và đóng tệp đó rồi chạy lại.",
            f"Skipped '{rel}': Excel's lock file, there while '{of}' is open; it is no list. "
            f"Changes to '{of}' not saved yet are not read: if you have just edited it, save "
            "and close it, then run again.",
        )
    return Message(
        f"Bỏ qua '{rel}': đây là tệp khóa Excel còn sót lại của một tệp đã đóng (Excel tạo ra "
        "khi mở một tệp, xóa đi khi đóng), không phải danh sách; có thể xóa nó.",
        f"Skipped '{rel}': a lock file Excel left behind for a workbook no longer open (Excel "
        "makes one while a file is open and deletes it on closing); it is no list and can be "
        "deleted.",
    )


# What only a folder our runs write holds: the history store, the lock of a run writing to it,
# the manifest of a month's archived sources (output/YYYY-MM/).
_OUTPUT_MARKS = (HISTORY_FILE, LOCK_NAME, MANIFEST)


def _an_output_folder(folder: str) -> bool:
    """Whether ``folder`` is one our runs write (:data:`_OUTPUT_MARKS`): also this run's own
    output folder given inside the input when its history store was renamed or moved away
    (session 50), and a month's output folder copied into the input."""
    return any(os.path.exists(os.path.join(folder, name)) for name in _OUTPUT_MARKS)


_OUR_WORKBOOKS = ("tonghop_", "niemyet_")  # a month's output folder's own workbooks, folded


# A month's sources' copies being made or put away by a run (archive.archive_sources:
# '.nguon.<pid>.tmp', '.nguon.<pid>.old'), left behind by a run stopped: our own copies.
_OUR_STAGING = lazyre.compile(r"\.nguon\.[0-9]+\.(?:tmp|old)")


def lists_in_output_folder(folder: Path) -> list[str]:
    """The spreadsheets right inside an output folder passed over (:func:`_an_output_folder`)
    that are not its own workbooks ('TongHop_2024-05.xlsx', 'NiemYet_…'), sorted: a list put
    there by hand, which the walk would pass over with the folder in silence (session 50).
    Then those of each hidden folder in it, by the folder's name, as their paths in the output
    folder ('.thang5/BanCo.xlsx'; :func:`lists_in_hidden_folder`, not a run's own staging
    copies): the walk passes over them with the output folder (session 51)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = sorted(
        (
            name
            for name in names
            if Path(name).suffix.lower() in SPREADSHEET_SUFFIXES
            and not is_temporary(name)
            and not name.lower().startswith(_OUR_WORKBOOKS)
            and os.path.isfile(os.path.join(folder, name))
        ),
        key=vi_key,
    )
    for name in sorted(names, key=vi_key):
        if name.startswith(".") and not _OUR_STAGING.fullmatch(name):
            inner = os.path.join(folder, name)
            if os.path.isdir(inner):
                found += [
                    f"{name}/{Path(path).as_posix()}"
                    for path in lists_in_hidden_folder(Path(inner))
                ]
    # ... then those of its other folders ('PhanHoi/', '2024-05/', a folder made by hand), but
    # not the copies and workbooks our runs write there (session 52's review)
    for name in sorted(names, key=vi_key):
        inner = os.path.join(folder, name)
        if not name.startswith(".") and not _our_copies(name) and os.path.isdir(inner):
            found += [f"{name}/{path}" for path in _lists_not_ours(Path(inner))]
    return found


# A month's output folder: its sources' copies ('nguon/', 'nguon-cu-<time>/': archive.py) and
# its feedback workbooks ('PhanHoi/<Xóm>_2024-05.xlsx', '…_2024-05_2.xlsx', '… (1).xlsx' beside
# one open in Excel: report.feedback_files)
_FEEDBACK_NAME = lazyre.compile(r".*_\d{4}-\d{2}(?:_\d+)?(?: \(\d+\))?\.xlsx", re.IGNORECASE)


def _our_copies(name: str) -> bool:
    """Whether a folder named ``name`` in an output folder holds a run's copies of its sources."""
    lower = name.lower()
    return lower == "nguon" or lower.startswith("nguon-cu-")


def _lists_not_ours(folder: Path) -> list[str]:
    """The spreadsheets under ``folder``, a folder of an output folder, that our runs did not
    write (:func:`lists_in_output_folder`), as paths inside it with '/', sorted."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _our_copies(d) and not _junk_folder(d)]
        feedback = os.path.basename(root).lower() == "phanhoi"
        for name in files:
            if (
                Path(name).suffix.lower() in SPREADSHEET_SUFFIXES
                and not is_temporary(name)
                and not name.lower().startswith(_OUR_WORKBOOKS)
                and not (feedback and _FEEDBACK_NAME.fullmatch(name))
            ):
                found.append(Path(os.path.relpath(os.path.join(root, name), folder)).as_posix())
    return sorted(found, key=vi_key)


def _junk_folder(name: str) -> bool:
    """A hidden folder a system or a tool keeps ('.git', '.Trash-1000', '.Trashes', '.~tmp'):
    passed over in silence, whatever it holds."""
    return name == ".git" or name.startswith((".Trash", ".~"))


def lists_in_hidden_folder(folder: Path) -> list[str]:
    """The spreadsheets under a hidden folder ('.thang5/', as a sync tool or a Mac may name
    it), their paths inside it, sorted; none for a folder a system keeps (:func:`_junk_folder`)
    or an output folder of ours. The walk passes over a hidden folder: one holding a list is
    said skipped with its lists named (session 50), no longer in silence."""
    if _junk_folder(folder.name) or _an_output_folder(str(folder)):
        return []
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _junk_folder(d)]
        for name in files:
            if Path(name).suffix.lower() in SPREADSHEET_SUFFIXES and not is_temporary(name):
                found.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(found, key=vi_key)


_OWN_SUMMARY = lazyre.compile(r"^tonghop_\d{4}-\d{2}\.json$", re.IGNORECASE)
OWN_FILE = "tệp do giamngheo tạo"  # a skip reason: our own store, manifest or summary


def own_file(name: str) -> Message | None:
    """What a file our runs write is, by its name, when it is one that is no spreadsheet: the
    history store (and SQLite's journal beside it), a month's manifest, the JSON summary. Met
    in an input folder (a month's output folder given as the input; the output folder's top,
    which `check` lists), it is said as ours, not as a file "to save again as .xlsx" (session
    50). A run's lock is dot-named: passed over in silence (:func:`is_temporary`)."""
    lower = name.lower()
    if lower == HISTORY_FILE or lower.startswith((HISTORY_FILE + "-", HISTORY_FILE + ".")):
        return Message("kho lịch sử", "the history store")
    if lower == MANIFEST:
        return Message("bản kê các tệp nguồn của một kỳ", "a month's list of its input files")
    if _OWN_SUMMARY.match(name):
        return Message("bản tổng hợp dạng JSON", "the consolidated summary as JSON")
    return None


def month_output_folder(folder: Path) -> Path | None:
    """The month's output folder of a run ('output/2024-05': it holds the run's manifest,
    'nguon-sha256.txt') that ``folder`` is or is a folder of ('PhanHoi', 'nguon'), else None:
    where `check` of files named there looks for the plan that run read (session 59, R2)."""
    for month in (folder, folder.parent):
        if os.path.isfile(month / MANIFEST):
            return month
    return None


def feedback_copy_said(path: Path, shown: str) -> Message | None:
    """`check`'s words for ``path`` (shown as ``shown``) when it is a feedback copy a run wrote
    in its month's output folder ('output/2024-05/PhanHoi/Nà Mòn_2024-05.xlsx'), else None.
    It is checked as a list (what the head sends back corrected is one), but the copy there is
    ours: its issues are those of the list the hamlet sent, and it goes to the head, not into
    the input folder as it is (session 59, R2; session 50's Left)."""
    folder = path.parent
    if folder.name.lower() != "phanhoi" or not _FEEDBACK_NAME.fullmatch(path.name):
        return None
    if month_output_folder(folder) is None:
        return None
    return Message(
        f"Lưu ý: '{shown}' là bản phản hồi do giamngheo ghi trong thư mục kết quả, không phải "
        "danh sách xóm gửi về: các lỗi của nó là lỗi của danh sách xóm đã gửi. Hãy gửi bản này "
        "cho trưởng xóm sửa; bản trưởng xóm sửa xong gửi lại mới là danh sách của xóm: hãy chép "
        "bản đó vào thư mục đầu vào (thay danh sách cũ của xóm) rồi kiểm tra lại.",
        f"Note: '{shown}' is a feedback copy giamngheo wrote in its output folder, not a list a "
        "hamlet sent: its issues are those of the list the hamlet sent. Send this copy to the "
        "hamlet head to correct; the copy the head sends back corrected is the hamlet's list: "
        "copy that one into the input folder (in place of the hamlet's older list), then check "
        "again.",
    )


def output_root_said(folder: Path, checked: bool = False) -> Message | None:
    """The words for an input folder that is itself the output folder of our runs (it holds
    the history store or a run's lock: '--input output'), else None. Its months' folders are
    passed over (:func:`_an_output_folder`): without this, a run said only that no plan was
    found and to copy one in (session 50). ``checked``: `check`'s words, for its error line
    'input-is-output': that a run of the folder stops, and to check the input folder instead
    (session 59, D)."""
    mark = next((m for m in (HISTORY_FILE, LOCK_NAME) if os.path.exists(folder / m)), None)
    if mark is None:
        return None
    held = {
        HISTORY_FILE: (f"có kho lịch sử '{mark}'", f"it holds the history store '{mark}'"),
        LOCK_NAME: (
            f"có tệp khóa '{mark}' của một lần chạy ghi vào đó",
            f"it holds '{mark}', the lock of a run writing to it",
        ),
    }[mark]
    if checked:
        return Message(
            f"Thư mục '{folder}' là thư mục kết quả của giamngheo ({held[0]}), không phải thư "
            "mục chứa danh sách của các xóm: bảng tổng hợp và bản sao tệp nguồn trong đó không "
            "được đọc lại, và khi tổng hợp thư mục này, chương trình sẽ dừng lại, không ghi bảng "
            "tổng hợp. Hãy kiểm tra thư mục chứa tệp kế hoạch và danh sách của các xóm (mặc "
            "định: input).",
            f"Folder '{folder}' is an output folder of giamngheo ({held[1]}), not the folder of "
            "the hamlets' lists: the consolidated workbooks and the copies of the input files in "
            "it are not read again, and a run of this folder stops and writes no workbook. Check "
            "the folder that holds the plan and the hamlets' lists (default: input).",
        )
    return Message(
        f"Thư mục đầu vào '{folder}' là thư mục kết quả của giamngheo ({held[0]}), không phải "
        "thư mục chứa danh sách của các xóm: bảng tổng hợp và bản sao tệp nguồn trong đó không "
        "được đọc lại. Hãy chọn thư mục chứa tệp kế hoạch và danh sách của các xóm (mặc định: "
        "input) rồi chạy lại.",
        f"The input folder '{folder}' is an output folder of giamngheo ({held[1]}), not the "
        "folder of the hamlets' lists: the consolidated workbooks and the copies of the input "
        "files in it are not read again. Give the folder that holds the plan and the hamlets' "
        "lists (default: input), then run again.",
    )


def hidden_only_said(
    input_dir: Path, paths: list[Path], named: str, checked: bool = False
) -> Message | None:
    """The words for a folder whose only files are in hidden folders ('.thang5/NaMon.xlsx',
    ``paths`` as :func:`list_input_files` gives them, the rest what a system leaves): that those
    are not read, which they are (at most three, from the folder ``named``), and to rename the
    folder, or to move its files into the folder of its name without the dot already there
    (session 61); None where no hidden folder holds a spreadsheet. The run's stop, or with
    ``checked`` `check`'s error line 'no-files' (the run stops); where "chưa có tệp nào" was
    said of a folder the officer sees a list in (session 60, R2's Left (1) of session 59)."""
    folders = [p for p in paths if p.name.startswith(".") and p.is_dir()]
    # each named with this system's separator, as the folder above them (session 61)
    files = [
        below_named(Path(os.path.relpath(folder, input_dir), inner).as_posix())
        for folder in folders
        for inner in lists_in_hidden_folder(folder)
    ]
    if not files:
        return None
    more = len(files) - 3
    shown = ", ".join(f"'{name}'" for name in files[:3])
    shown_vi = shown + (f" và {more} tệp khác" if more > 0 else "")
    shown_en = shown + (f" and {more} more" if more > 0 else "")
    kept = sorted(
        ((Path(os.path.relpath(f, input_dir)).as_posix(), f) for f in folders),
        key=lambda pair: vi_key(pair[0]),
    )
    # the name without its dot already taken beside it ('thang5' there, empty or with what a
    # system leaves): no rename can give it (session 61)
    taken = [(rel, there) for rel, f in kept if (there := _bare_taken(f)) is not None]
    if len(kept) == 1 and taken:
        rel, there = taken[0]
        hidden, beside = below_named(rel), below_named(Path(rel).with_name(there).as_posix())
        how = (
            f"Hãy chuyển các tệp trong thư mục '{hidden}' sang thư mục '{beside}' (đã có sẵn)",
            f"Move the files in the folder '{hidden}' into the folder '{beside}' (already there)",
        )
    elif len(kept) == 1:
        bare = xml_safe(Path(kept[0][0]).name.lstrip("."))
        how = (
            f"Hãy đổi tên thư mục '{below_named(kept[0][0])}' thành '{bare}'",
            f"Rename the folder '{below_named(kept[0][0])}' to '{bare}'",
        )
    elif taken:
        how = (
            "Hãy đổi tên các thư mục đó, bỏ dấu chấm ở đầu (nếu đã có thư mục tên đó, như "
            f"'{taken[0][1]}': chuyển các tệp vào thư mục đó),",
            "Rename those folders without the leading dot (where a folder of that name is "
            f"there, as '{taken[0][1]}': move the files into it)",
        )
    else:
        how = (
            "Hãy đổi tên các thư mục đó, bỏ dấu chấm ở đầu,",
            "Rename those folders without the leading dot",
        )
    reason = (
        "chỉ có tệp trong thư mục ẩn (tên bắt đầu bằng dấu chấm), không được đọc: " + shown_vi,
        "holds files only in hidden folders (named with a leading dot), which are not read: "
        + shown_en,
    )
    if checked:
        return Message(
            f"Thư mục '{named}' {reason[0]}; khi tổng hợp (make hoặc giamngheo run), chương "
            f"trình sẽ dừng lại, không ghi bảng tổng hợp. {how[0]} rồi kiểm tra lại.",
            f"Folder '{named}' {reason[1]}; a run (make or giamngheo run) stops and writes no "
            f"workbook. {how[1]}, then check again.",
        )
    return Message(
        f"Thư mục đầu vào '{named}' {reason[0]}. {how[0]} rồi chạy lại.",
        f"The input folder '{named}' {reason[1]}. {how[1]}, then run again.",
    )


def _bare_taken(folder: Path) -> str | None:
    """The folder beside a hidden folder ('.thang5') that renaming it without its dot would
    name ('thang5'), as the folder holding both writes it; None where there is none. Found as
    the file system finds it: on Windows and a Mac 'Thang5' (or the name in the other Unicode
    form) takes 'thang5' too, on Linux only the name itself. A file of that name stops no
    run (it is read), so is no case here."""
    bare = folder.name.lstrip(".")
    if not bare or not os.path.isdir(folder.parent / bare):
        return None
    try:
        names = os.listdir(folder.parent)
    except OSError:
        names = []
    same = [n for n in names if n == bare] or [
        n for n in names if nfc(n).casefold() == nfc(bare).casefold()
    ]
    return xml_safe(same[0] if same else bare)


def list_input_files(input_dir: Path) -> list[Path]:
    """Every file under the folder, sorted; hidden folders and output folders left out. A
    folder that cannot be listed (no permission to read it) is in the list itself, where its
    files would be: said as a folder whose files were not read (:func:`special_file`), where
    ``os.walk`` passed over it in silence and its hamlets read as not sent."""
    found = []

    def unlisted(err: OSError) -> None:
        if err.filename is not None:
            found.append(Path(err.filename))

    for root, dirs, files in os.walk(input_dir, onerror=unlisted):
        walked = []
        for d in sorted(dirs):
            if d.startswith("."):
                # a hidden folder holding a list is listed itself, said skipped (special_file)
                if lists_in_hidden_folder(Path(root) / d):
                    found.append(Path(root) / d)
                continue
            # an output folder ('--output input/ketqua'): its archived copies are no new
            # submissions; one holding a list put there by hand is listed itself, said as an
            # output folder passed over (special_file; session 50)
            if not _an_output_folder(os.path.join(root, d)):
                walked.append(d)
            elif lists_in_output_folder(Path(root) / d):
                found.append(Path(root) / d)
        dirs[:] = walked
        for name in sorted(files):
            found.append(Path(root) / name)
    return found


# Characters that make the text after them show in another order than it is stored.
_BIDI_CONTROLS = lazyre.compile("[\u202a-\u202e\u2066-\u2069]")
# ... and those that break a line: a name holding them wrote lines of its own on the screen and
# in 'nguon-sha256.txt' (a line that gave another file's hash).
_SHOWN_OTHERWISE = lazyre.compile("[\t\n\r\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = str.maketrans("\t\n\r", "   ")


def relative_name(path: Path, input_dir: Path) -> str:
    """The file's name under the input folder, as every output shows it (composed, NFC).

    A name that no output could hold (bytes that are not UTF-8, as an archive
    unpacked from another system leaves them; control characters) is shown with
    '�' or a space in their place, and a tag of letters made from the name as
    stored keeps two such names apart. So is one holding a bidi control (U+202A–U+202E,
    U+2066–U+2069), each shown as '�': 'DongKe\u202exslx.xlsx' showed as 'DongKexlsx.xslx'
    in every workbook, a name no file has; and one holding a tab or a line break, each shown
    as a space (session 38).
    """
    try:
        rel = path.relative_to(input_dir).as_posix()
    except ValueError:
        rel = path.name
    # a name typed decomposed (NFD: a Mac's keyboard, an archive unpacked) is shown composed,
    # as the lists' text is read: Ctrl+F for "Bản Cọ" finds it (session 52)
    rel = nfc(rel)
    if not needs_xml_safe(rel) and (rel.isprintable() or not _SHOWN_OTHERWISE.search(rel)):
        return rel
    stored = os.fsencode(rel)
    shown = xml_safe(stored.decode("utf-8", "replace")).translate(_LINE_BREAKS)
    shown = _BIDI_CONTROLS.sub("\ufffd", shown)
    return _tagged(shown, stored)


def _tagged(shown: str, stored: bytes) -> str:
    """``shown`` with a tag of letters made from the name as ``stored`` before its suffix."""
    tag = "".join(chr(97 + b % 26) for b in hashlib.sha256(stored).digest()[:5])
    stem, dot, suffix = shown.rpartition(".")
    if dot and "/" not in suffix:
        return _names_that_fit(stem, f"~{tag}.{suffix}")
    return _names_that_fit(shown, f"~{tag}")


def composed_apart(paths: list[Path], names: list[str]) -> list[str]:
    """``names`` (:func:`relative_name` of each of ``paths``) with two that composing made one
    kept apart: a folder holding 'Bản Cọ.xlsx' typed composed and decomposed holds two files
    (Linux tells them apart), each shown 'Bản Cọ.xlsx'; the one written composed keeps its
    name, the other is shown with a tag of letters made from its name as stored, as a name no
    output could hold is (session 52). Names that do not meet so are unchanged."""
    count = Counter(names)
    apart = list(names)
    for index, (path, name) in enumerate(zip(paths, names, strict=True)):
        written = "/".join(path.parts[-len(name.split("/")) :])
        if count[name] > 1 and nfc(written) != written:
            apart[index] = _tagged(name, os.fsencode(written))
    return apart


NAME_BYTES = 255  # a file or folder name's longest (ext4, NTFS: 255 UTF-16 units, no fewer)


def _names_that_fit(shown: str, tail: str) -> str:
    """``shown + tail`` with each file and folder name in it cut to :data:`NAME_BYTES` in UTF-8,
    ``tail`` (the tag and the suffix) kept whole: the sources' copies in 'nguon' are kept under
    these names, and a name of 250 bytes given '�' (3 bytes for 1) and a tag no longer fitted,
    which stopped the run for every hamlet (session 38)."""
    *folders, name = shown.split("/")
    room = max(NAME_BYTES - len(tail.encode()), 0)
    name = _cut_to(_cut_to(name, room) + tail, NAME_BYTES)
    return "/".join([*(_cut_to(folder, NAME_BYTES) for folder in folders), name])


def _cut_to(text: str, limit: int) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return text if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


def special_file(sub: Submission) -> tuple[Submission, list[Issue]]:
    """A pipe or a device under a file's name, skipped without being opened (opening it would
    wait for ever). A folder in the list is one that could not be listed (list_input_files):
    refused as `folder-unopened`, an error, for the lists in it were not read."""
    if sub.path is not None and sub.path.is_dir() and _an_output_folder(str(sub.path)):
        sub.kind, sub.status = "skipped", "skipped"
        sub.extra["skip_reason"] = "thư mục kết quả"
        mark = next(m for m in _OUTPUT_MARKS if os.path.exists(sub.path / m))
        lists = lists_in_output_folder(sub.path)
        sub.extra["output_lists"] = lists  # each named on its hamlet's line (session 52)
        value = _names_shown(lists)
        skipped = Issue("file-skipped", file=sub.file, detail=mark, variant="output-folder",
                        value=value)  # fmt: skip
        return sub, [skipped]
    hidden = sub.path is not None and sub.path.is_dir() and sub.path.name.startswith(".")
    if hidden and (lists := lists_in_hidden_folder(sub.path)):
        sub.kind, sub.status = "skipped", "skipped"
        sub.extra["skip_reason"] = "thư mục ẩn"
        sub.extra["hidden_lists"] = lists  # each named on its hamlet's line (session 51)
        value = _names_shown(lists)
        renamed = xml_safe(sub.path.name.lstrip("."))
        variant = "hidden-folder"
        if (beside := _bare_taken(sub.path)) is not None:  # 'thang5' there: moved into it
            renamed, variant = beside, "hidden-folder-beside"  # (session 61)
        skipped = Issue("file-skipped", file=sub.file, detail=renamed, variant=variant,
                        value=value)  # fmt: skip
        return sub, [skipped]
    if sub.path is not None and sub.path.is_dir():
        sub.kind, sub.status = "unreadable", "rejected"
        sub.extra["folder"] = True  # the officer's to open, no hamlet head's to send again
        return sub, [Issue("folder-unopened", file=sub.file, detail=_unlisted_reason(sub.path))]
    sub.kind, sub.status = "skipped", "skipped"
    sub.extra["skip_reason"] = "không phải tệp thường"
    return sub, [Issue("file-skipped", file=sub.file, detail=sub.extra["skip_reason"])]


def _unlisted_reason(folder: Path) -> str:
    """What the system says of listing ``folder`` (its own words, as for a file not opened)."""
    try:
        with os.scandir(folder):
            return ""
    except OSError as err:
        return err.strerror or type(err).__name__


def inspect_file(
    path: Path, rel: str, package=None
) -> tuple[Submission, list[Issue], Workbook | None]:
    """What a file is ('plan' | 'roster' | 'skipped'), with a roster's info and rows read.

    ``package``: the file's zip already open (a ``sheetscan.Package``), else opened here."""
    sub = Submission(file=rel, path=path)
    try:
        status = path.stat()
        sub.mtime = status.st_mtime
        if not stat.S_ISREG(status.st_mode):
            return *special_file(sub), None
    except OSError:
        pass
    if hidden_list(path.name):
        shown = path.name.lstrip(".")
        if not (path.parent / shown).exists():  # else a sync tool's copy beside the list
            sub.extra["skip_reason"] = path.suffix.lower()
            sub.extra["hidden"] = True
            hidden = Issue("file-skipped", file=rel, value=shown, variant="hidden")
            return sub, [hidden], None
        sub.extra["skip_reason"] = TEMPORARY
        return sub, [], None
    if is_temporary(path.name):
        sub.extra["skip_reason"] = TEMPORARY
        if (lock := lock_file_of(path)) is not None:
            sub.extra["lock_of"] = lock  # said on screen and on 'Nộp báo cáo'
        return sub, [], None
    if (made := own_file(path.name)) is not None:
        sub.extra["skip_reason"] = OWN_FILE
        return sub, [Issue("file-skipped", file=rel, detail=made, variant="own-file")], None
    if not named_as_spreadsheet(path) or not looks_like_spreadsheet(path):
        sub.extra["skip_reason"] = path.suffix.lower() or "không có phần mở rộng"
        if sub.extra["skip_reason"] in DOCUMENT_SUFFIXES:
            sub.extra["document"] = True  # its one issue is decided with the plan
            return sub, [], None
        if sub.extra["skip_reason"] in ARCHIVE_SUFFIXES:
            return sub, [archive_issue(path, rel, sub.extra["skip_reason"])], None
        shortcut = "shortcut" if sub.extra["skip_reason"] in SHORTCUT_SUFFIXES else ""
        issue = Issue("file-skipped", file=rel, detail=sub.extra["skip_reason"], variant=shortcut)
        return sub, [issue], None
    try:
        book = open_workbook(path, package)
        if _is_plan(book):
            sub.kind = "plan"
            return sub, [], book
        made = _our_output(book, package)
        if made:
            # Last month's consolidated workbook or public list dropped into input/: read as a
            # roster, the public list would stand in for a hamlet's real file.
            sub.extra["skip_reason"] = made
            sub.extra["own_output"] = True  # another month's by its folder or name: that month's
            return sub, [Issue("own-output", file=rel, detail=made)], None
        if (missing := _almost_plan(book, path.name)) is not None:
            sub.extra["almost_plan"] = missing  # read as a list still; named if no plan is
        issues = _read_roster(book, sub)
    except ReadError as err:
        sub.status = "rejected"
        sub.kind = "unreadable"
        if err.code == "file-unreadable":
            return sub, [unreadable_issue(path, rel, err.detail)], None
        cell = err.value if err.code == "too-many-rows" else ""  # the far cell it reaches
        found = Issue(
            err.code, file=rel, sheet=err.sheet, cell=cell, value=err.value, detail=err.detail
        )
        return sub, [found], None
    if sub.kind == "roster":  # a foreign file's odd text is not the hamlet's to fix
        for sheet, (count, first) in sorted(book.sanitised.items()):
            issues.append(sanitised_issue(rel, sheet, count, first))
    for sheet, (count, encodings) in sorted(book.decoded.items()):
        names = ", ".join(
            sorted({"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI (VNI-Times)"}[e] for e in encodings)
        )
        issues.append(
            Issue("legacy-text-decoded", file=rel, sheet=sheet, value=str(count), detail=names)
        )
    if sub.kind != "roster":
        if _is_empty(book):
            # A workbook with nothing in it is a failed save or export: the hamlet must
            # send it again, so it is an error (file-empty), not a foreign file.
            sub.status = "rejected"
            sub.kind = "unreadable"
            return (
                sub,
                [
                    Issue(
                        "file-empty",
                        file=rel,
                        detail=Message("không có ô nào có dữ liệu", "no cell holds data"),
                        variant="no-values",  # true of the sheets, not of the file (session 50)
                    )
                ],
                None,
            )
        if unreadable_kind(path) == "markup":
            # a web page named as a workbook with no list in it: the refused file of a hamlet
            # its name names, where that hamlet sent nothing else (consolidate.web_pages_refused;
            # session 49)
            sub.extra["markup"] = True
        sub.extra["not_a_roster"] = True  # another month's by its folder or name: that month's
        issues.append(Issue("not-a-roster", file=rel))
    return sub, issues, book


def web_page_issue(sub: Submission) -> Issue:
    """'file-unreadable' of a web page named as a workbook, with no list in it, taken as a
    hamlet's refused file: what it is and how to send the list (session 49)."""
    vi, en = _UNREADABLE_KINDS["markup"]
    suffix = sub.path.suffix.lower() or "…"
    return Issue(
        "file-unreadable",
        file=sub.file,
        # the technical aside, in the line's language (session 57: it was English in both)
        detail=Message("trang web không có danh sách hộ", "a web page with no household list"),
        value=Message(vi.format(suffix=suffix), en.format(suffix=suffix)),
    )


# What a file that no reader could open turns out to be, told from its first bytes: the officer
# reads what happened to it in Vietnamese, the reader's own words only as a short aside.
_DAMAGED = (
    "Tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo hay chép USB bị ngắt giữa chừng).",
    "The file is damaged or was not copied in full (a download, a Zalo transfer or a USB "
    "copy cut off halfway).",
)
_UNREADABLE_KINDS = {
    "damaged": _DAMAGED,
    "markup": ("Đây là trang web (HTML) hoặc tệp XML xuất từ phần mềm khác, chỉ được đặt tên đuôi "
               "{suffix}: không phải bảng tính Excel thật.",
               "This is a web page (HTML) or an XML export of another program, only named "
               "{suffix}: not a real Excel workbook."),
    "pdf": ("Đây là tệp PDF được đặt tên đuôi {suffix}, không phải bảng tính.",
            "This is a PDF file named {suffix}, not a spreadsheet."),
    "image": ("Đây là ảnh (chụp hoặc quét) được đặt tên đuôi {suffix}, không phải bảng tính.",
              "This is a picture (a photo or a scan) named {suffix}, not a spreadsheet."),
    "word": ("Đây là văn bản Word được đặt tên đuôi {suffix}, không phải bảng tính.",
             "This is a Word document named {suffix}, not a spreadsheet."),
    "archive": ("Đây là tệp nén (zip, rar, 7z) hoặc tệp của phần mềm khác được đặt tên đuôi "
                "{suffix}, không phải bảng tính.",
                "This is a compressed archive (zip, rar, 7z) or another program's file named "
                "{suffix}, not a spreadsheet."),
    "text": ("Đây là tệp văn bản (CSV, TXT) được đặt tên đuôi {suffix}, không phải bảng tính Excel "
             "thật.", "This is a text file (CSV, TXT) named {suffix}, not a real Excel workbook."),
    "encrypted": ("Tệp có đặt mật khẩu; khi lưu lại hãy gỡ mật khẩu.",
                  "The file is password-protected; remove the password when saving it again."),
    "unopened": ("Không mở được tệp trên máy (tệp đang bị khóa, đã bị xóa hoặc không có quyền đọc).",
                 "The file cannot be opened on this computer (locked, deleted, or not readable)."),
    # session 57: a whole .xlsb said damaged ("chưa chép hết") sent the head to copy it again
    # (short: the screen's refused line says it whole beside a hamlet and its file)
    "xlsb": ("Định dạng .xlsb chưa đọc được: lưu lại thành .xlsx.",
             "The .xlsb format cannot be read: save it as .xlsx."),
    # session 58 (A2): an Excel 2.x-4.0 workbook (a BIFF stream with no OLE header) was said
    # "damaged or not an Excel workbook"; it is a whole one of a format no reader here reads
    "old-excel": ("Đây là sổ của Excel đời cũ (Excel 4.0 trở về trước), định dạng chưa đọc "
                  "được: lưu lại thành .xlsx.",
                  "This is a workbook of an old Excel (4.0 or earlier), a format that cannot "
                  "be read: save it as .xlsx."),
    # session 58 (A2): a whole .xlsm holding an Excel 4.0 macro sheet, which calamine refuses,
    # was said damaged ("chưa chép hết")
    "macrosheet": ("Sổ có một trang macro Excel 4.0 chưa đọc được: chép danh sách sang một sổ "
                   "mới rồi lưu thành .xlsx.",
                   "The workbook holds an Excel 4.0 macro sheet that cannot be read: copy the "
                   "list into a new workbook and save it as .xlsx."),
    # session 66 (H): a whole package whose workbook part is named otherwise than
    # 'xl/workbook.xml' beyond case ('xl/book.xml', found by its relationship as Excel finds it;
    # sheetscan.main_part), which calamine does not read: it was said damaged ("chưa chép hết")
    "named-otherwise": ("Tệp không hỏng, nhưng do phần mềm khác Excel tạo ra: phần chính của sổ "
                        "(phần liệt kê các trang) mang tên '{part}' thay vì 'xl/workbook.xml' "
                        "như Excel lưu, nên chương trình không đọc được, dù Excel vẫn mở được.",
                        "The file is not damaged, but was made by a program other than Excel: "
                        "the workbook's main part (which lists its sheets) is named '{part}' "
                        "instead of 'xl/workbook.xml' as Excel saves it, so the program cannot "
                        "read it, though Excel opens it."),
    "unknown": ("Tệp bị hỏng hoặc không phải bảng tính Excel.",
                "The file is damaged or not an Excel workbook."),
}  # fmt: skip
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The first record of an Excel 2.x, 3.0 or 4.0 file, which has no OLE header (the BIFF stream
# alone; BIFF5 and BIFF8 live inside an OLE file): BOF (09 00, 09 02, 09 04) and its length,
# 4 (BIFF2) or 6
_OLD_EXCEL_BOF = (b"\x09\x00\x04\x00", b"\x09\x02\x06\x00", b"\x09\x04\x06\x00")
_TECHNICAL_CHARS = 80  # of the reader's complaint kept in the message


def unreadable_issue(path: Path, rel: str, technical: str) -> Issue:
    """'file-unreadable' for a file no reader could open: what it looks like (value, in both
    languages: a messages.Message) and the reader's complaint cut short (detail)."""
    kind = unreadable_kind(path)
    suffix = path.suffix.lower() or "…"
    if isinstance(technical, Message):  # said in words by the reader (opening.describe_error)
        text = technical
    else:  # the reader's first clause: what follows in brackets quotes the file's bytes
        text = " ".join(str(technical or "").split()).split(" (")[0]
        if len(text) > _TECHNICAL_CHARS:
            text = text[: _TECHNICAL_CHARS - 1].rstrip() + "…"
    if kind == "unopened":  # locked, no permission, a link to nothing: this computer's problem
        return Issue("file-unopened", file=rel, detail=text)
    if kind == "xlsb":  # the reader's words say cut short or damaged: its zip is whole
        text = Message(
            "gói nén của tệp .xlsb nguyên vẹn nhưng trình đọc không đọc được nội dung",
            "the .xlsb file's zip package is whole but the reader cannot read its content",
        )
    part = ""
    if kind == "named-otherwise":  # the part's name said (the reader's words say one missing)
        part = _named_otherwise(path) or "…"
        text = Message(
            f"phần chính của sổ tên '{part}', không phải 'xl/workbook.xml'",
            f"the workbook part is named '{part}', not 'xl/workbook.xml'",
        )
    vi, en = _UNREADABLE_KINDS[kind]
    return Issue(
        "file-unreadable",
        file=rel,
        detail=text,
        value=Message(vi.format(suffix=suffix, part=part), en.format(suffix=suffix, part=part)),
    )


def _named_otherwise(path: Path) -> str:
    """The workbook part of the package at ``path`` where it is named otherwise than
    'xl/workbook.xml' beyond case ('xl/book.xml', found by the package's relationship as Excel
    finds it: sheetscan.main_part), which calamine does not read; else ''."""
    from pipeline.sheetscan import PART_ERRORS, main_part

    try:
        with zipfile.ZipFile(path) as package:
            part = main_part(package)
    except PART_ERRORS:
        return ""
    return part if part is not None and part.casefold() != "xl/workbook.xml" else ""


def _whole(path: Path) -> bool:
    """Whether the zip at ``path`` holds every part it lists, each as it was written (their
    checksums agree): not cut short or broken in a copy."""
    try:
        with zipfile.ZipFile(path) as package:
            return package.testzip() is None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, zlib.error):
        return False


def unreadable_kind(path: Path) -> str:
    """A key of _UNREADABLE_KINDS, from the file's first bytes (and its zip directory)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
            if head.startswith(_OLE_MAGIC):
                head += handle.read(1 << 20)
    except OSError:
        return "unopened"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "damaged"  # a zip cut short: a copy or download that stopped
        if "xl/workbook.bin" in names and _whole(path):
            return "xlsb"  # an Excel binary workbook copied whole, that no reader here reads
        if any(n.startswith("xl/macrosheets/") for n in names) and _whole(path):
            return "macrosheet"  # whole, with a sheet calamine refuses to open the book over
        if any(n.startswith(("xl/", "content.xml")) for n in names):
            if _named_otherwise(path) and _whole(path):
                return "named-otherwise"  # whole, its workbook part named as calamine reads none
            return "damaged"  # a workbook package, broken inside
        return "word" if any(n.startswith("word/") for n in names) else "archive"
    if head.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in head:
            return "encrypted"
        if "WordDocument".encode("utf-16-le") in head:
            return "word"
        return "damaged"  # an old .xls, cut short or broken
    if head.startswith(_OLD_EXCEL_BOF):
        return "old-excel"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")) or head[4:12] in (
        b"ftypheic",
        b"ftypmif1",
    ):
        return "image"
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return "archive"
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff \t\r\n\x00")
    lower = head.lower()
    if text.startswith(b"<") or b"<html" in lower or b"<\x00h\x00t\x00m\x00l" in lower:
        return "markup"
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 3:  # not only a letter cut at the end of what was read
            return "unknown"
        decoded = head[: err.start].decode("utf-8")
    printable = sum(c.isprintable() or c in "\t\r\n" for c in decoded)
    return "text" if decoded and printable >= 0.95 * len(decoded) else "unknown"


def _is_empty(book: Workbook) -> bool:
    return all(
        is_blank(value) for name in book.sheet_names for row in book.grid(name) for value in row
    )


def _form_type(book: Workbook, sheet_name: str) -> str:
    sheet = book.find_sheet(sheet_name)
    if sheet is None:
        return ""
    values = read_key_values(
        book.grid(sheet), {"form_type": ("Loại biểu", ("Loại biểu mẫu", "Biểu"))}
    )
    return fold(values.get("form_type", (None, 0))[0])


# The outputs of a run, told by their sheets (the consolidated workbook's are fixed by CONTRACT
# §5) or, for the public list, by the title and author a run gives it.
_OUTPUT_SHEETS = frozenset(fold(n) for n in ("Tổng hợp", "Nộp báo cáo", "Lỗi dữ liệu"))
_PUBLIC_LIST_TITLES = (
    fold("Danh sách hộ nghèo, hộ cận nghèo niêm yết công khai"),
    fold("Poor and near-poor households for public posting"),
)
_CORE_TITLE = lazyre.compile(rb"<dc:title>([^<]*)</dc:title>")
_CORE_CREATOR = lazyre.compile(rb"<dc:creator>\s*giamngheo\s*</dc:creator>")


def sanitised_issue(rel: str, sheet: str, count: int, first: str) -> Issue:
    """``text-sanitised``: ``count`` places of ``sheet`` made safe, from cell ``first`` on
    (blank: the sheet's name), said where in either language."""
    where = (
        Message(f"ô đầu tiên {first}", f"first cell {first}")
        if first
        else Message("tên trang", "the sheet's name")
    )
    return Issue(
        "text-sanitised", file=rel, sheet=sheet, cell=first, value=str(count), detail=where
    )


def _our_output(book: Workbook, package=None) -> Message | None:
    """Which output of a run ``book`` is (the consolidated workbook, the public list), if any."""
    if _OUTPUT_SHEETS <= {fold(n) for n in book.sheet_names}:
        return Message(
            "bảng tổng hợp do giamngheo tạo", "a consolidated workbook made by giamngheo"
        )
    if book.find_sheet(ROSTER_INFO_SHEET) is not None:
        return None  # a roster (or a feedback workbook sent back with the hamlet's sheets)
    from pipeline.sheetscan import PART_ERRORS, read_bounded  # imported where a file is read

    opened = package if package is not None and package.zip is not None else None
    try:
        archive = opened.zip if opened is not None else zipfile.ZipFile(book.path)
    except PART_ERRORS:  # no zip (an .xls): no title to tell it by
        return None
    try:
        core = read_bounded(archive, "docProps/core.xml")
    except KeyError:  # a run always writes one
        return None
    except PART_ERRORS as err:
        # Damaged (a deflate stream zlib cannot inflate, a CRC that differs): whether it is a
        # public list cannot be told, and one read as a roster would stand in for a hamlet's
        # real list. Refused as the damaged file it is (docs/decisions.md "Session 40: a
        # damaged part where an output's title is looked for").
        detail = describe_error(err)
        if isinstance(detail, Message):  # said in words (session 57, H3): the part named
            detail = Message(f"docProps/core.xml: {detail}", f"docProps/core.xml: {detail.en}")
        elif "docProps/core.xml" not in detail:
            detail = f"docProps/core.xml: {detail}"
        raise ReadError("file-unreadable", detail) from None
    finally:
        if opened is None:
            archive.close()
    title = _CORE_TITLE.search(core)
    if (
        title
        and _CORE_CREATOR.search(core)
        and fold(html.unescape(title.group(1).decode("utf-8", "replace"))).startswith(
            _PUBLIC_LIST_TITLES
        )
    ):
        return Message("danh sách niêm yết do giamngheo tạo", "a public list made by giamngheo")
    return None


_INFO_NAMES = ("thong tin",)  # folded: 'Thông tin', 'Thông tin kế hoạch'


def plan_info_sheet(book: Workbook) -> str | None:
    """The plan's 'Thông tin chung': that sheet, else a sheet whose name begins 'Thông tin'
    and whose 'Loại biểu' says 'Kế hoạch' (a hamlet list's 'Thông tin' says 'Danh sách hộ')."""
    sheet = book.find_sheet(PLAN_INFO_SHEET)
    if sheet is not None:
        return sheet
    for name in book.sheets_visible_first():
        if not fold(name).startswith(_INFO_NAMES):
            continue
        try:
            said = fold(
                read_key_values(
                    book.grid(name), {"form_type": ("Loại biểu", ("Loại biểu mẫu", "Biểu"))}
                ).get("form_type", (None, 0))[0]
            )
        except ReadError:
            continue
        if said.startswith(fold(FORM_TYPE_PLAN)):
            return name
    return None


def _is_plan(book: Workbook) -> bool:
    """'Loại biểu' says 'Kế hoạch' (also 'Kế hoạch giảm nghèo năm 2024'), or, whatever it
    says, the workbook has both sheets of the plan."""
    if _form_type(book, PLAN_INFO_SHEET).startswith(fold(FORM_TYPE_PLAN)):
        return True
    if book.find_sheet(PLAN_INFO_SHEET) is None and plan_info_sheet(book) is not None:
        return True  # 'Thông tin' (as on a hamlet's list) saying 'Kế hoạch': its sheet retitled
    return (
        book.find_sheet(PLAN_INFO_SHEET) is not None
        and book.find_sheet(PLAN_TARGETS_SHEET) is not None
    )


def _almost_plan(book: Workbook, name: str) -> tuple[str, ...] | None:
    """The plan's sheets (CONTRACT §3) a workbook that looks like the plan and is not told one
    (:func:`_is_plan`) lacks: one of its two sheets there ('Thông tin chung' whose 'Loại biểu'
    is blank or another word, 'Chỉ tiêu theo xóm' beside a renamed 'Thông tin chung'), or
    neither in a file named as the plan ('KeHoach_2024.xlsx') with no hamlet's 'Thông tin'.
    None: not such a file. Said where no plan is found, not "copy the plan in" (session 61)."""
    info = book.find_sheet(PLAN_INFO_SHEET) is not None
    targets = book.find_sheet(PLAN_TARGETS_SHEET) is not None
    if not (info or targets):
        if not named_as_plan(name):
            return None
        if book.find_sheet(ROSTER_INFO_SHEET) is not None:  # a hamlet's list, oddly named
            return None
    return tuple(
        sheet for sheet, there in ((PLAN_INFO_SHEET, info), (PLAN_TARGETS_SHEET, targets))
        if not there
    )  # fmt: skip


def named_as_plan(name: str) -> bool:
    """Whether a file's name (``name``: the name alone, not its folders') says it is the plan,
    as the template names it ('KeHoach_2024.xlsx', 'Kế hoạch 2024 (2).xlsx'): it begins with
    'KeHoach', accents, case and spaces aside. The one test of the name :func:`_almost_plan`
    makes while reading and planpick.spoiled_plans_set_aside after it (session 63; shared here,
    so that the read stage imports nothing of planpick's: session 64)."""
    return fold(name).replace(" ", "").startswith("kehoach")


def looks_like_plan(sub: Submission) -> bool:
    """Whether a file read looks like the plan and is not told one (:func:`_almost_plan`: the
    sheets it lacks in ``sub.extra["almost_plan"]``) and no hamlet's list by its 'Xóm' (none
    read in its 'Thông tin' or title): a list whose 'Thông tin' was renamed 'Thông tin chung'
    is still its hamlet's list. Asked after reading, never while reading (session 62)."""
    return "almost_plan" in sub.extra and not sub.hamlet_raw


def _roster_sheet(
    book: Workbook,
    period: str | None = None,
    other_months: list | None = None,
    headers: dict | None = None,
):
    """The sheet holding the household table: 'Danh sách' if it has one, else the best match.

    Visible sheets come first; a hidden sheet (often an old copy of the list) is
    read only when no visible sheet holds a household table. ``period``: the file's 'Kỳ báo
    cáo' ('YYYY-MM'). Among several visible list sheets, one whose name or title names
    another month ('T4', 'Tháng 4', '… THÁNG 4/2024' in a May file: last month's list kept
    beside this one) is passed over when another is not, and added to ``other_months`` as
    (sheet, the month it names), to be said; whatever its name or place. ``headers``: filled
    with each visible sheet's header found (None: none), for :func:`_more_tables`.
    """
    preferred = book.find_sheet(ROSTER_LIST_SHEET)
    skip = (fold(ROSTER_INFO_SHEET), fold(PLAN_INFO_SHEET))
    for group in (book.visible_sheets, sorted(book.hidden, key=book.sheet_names.index)):
        names = ([preferred] if preferred in group else []) + [n for n in group if n != preferred]
        found = []
        for name in names:
            if fold(name) in skip:
                continue
            header = _list_header(book, name, period)
            if headers is not None and name not in book.hidden:
                headers[name] = header
            if header is not None:
                found.append((name, header))
        if period is not None and len(found) > 1:
            named = {name: _sheet_month(book, name, header) for name, header in found}
            other = [n for n, _ in found if not same_month(named[n], period)]
            if other and len(other) < len(found):
                if other_months is not None:
                    other_months.extend((n, named[n]) for n in other)
                found = [(n, h) for n, h in found if n not in other]
        if found:
            if found[0][0] == preferred:
                return found[0]
            return max(found, key=lambda item: item[1].score)  # the first of the best
    return None, None


def _list_header(book: Workbook, name: str, period: str | None = None):
    """The household table's header of sheet ``name`` (headers.find_header; ``period``: the
    list's month where known, which of a column split by months is read), its class read from
    mark columns where it is written so (classmarks.class_mark_columns), of a header written twice
    the visible column (twice.hidden_twice); None when it has none."""
    grid, merges = book.grid(name), book.merges(name)
    header = split_head_name(hidden_twice(find_header(grid, ROSTER_COLUMNS, merges, period),
                                          book.hidden_cols.get(name, set())))  # fmt: skip
    if header is None:
        return None
    # the rows under it read with a letter in a symbol font as the mark it draws (Workbook
    # .mark_grid): class columns are told by the marks they hold
    return class_mark_columns(book.mark_grid(name, below=header.last_row + 1), header, merges)


def _sheet_month(book: Workbook, name: str, header) -> tuple[int | None, int] | None:
    """(year or None, month) a list sheet names: in its name ('T4', 'Tháng 4', '04-2024',
    'T5/24': text.month_named) or in its title rows ('… THÁNG 4/2024'); None when it names
    none."""
    named = month_named(name)
    if named is not None:
        return named
    top = book.grid(name)[: header.first_row]
    # a 'Thông tin' block above the list on its own sheet says its month in 'Kỳ báo cáo'; its
    # other lines name no month of the list ('Ngày lập: 03/06/2024', made the month after)
    info = _roster_info(top, book.hidden_rows.get(name))[0]
    period = parse_period(info["period"].value) if "period" in info else None
    if period is not None:
        return int(period[:4]), int(period[5:7])
    block = {value.row for value in info.values()}
    for excel_row, row in enumerate(top, start=1):
        if excel_row in block:
            continue
        for value in row:
            found = find_period_in_text(value) if isinstance(value, str) else None
            if found is not None:
                return int(found[:4]), int(found[5:7])
    return None


def _households(book: Workbook, sheet: str, header, end: int | None = None) -> list:
    """The household rows under ``header``; ``end``: the 0-based row where they end at the
    latest (a 'Thông tin' block under the list, :func:`_info_below`)."""
    grid = book.mark_grid(sheet, mark_columns(header), below=header.last_row + 1)
    if end is not None:
        grid = grid[:end]
    table = birth_year_by_sex(table_rows(
        grid, header, IDENTITY_KEYS, SIGNATURE_MARKERS, TOTAL_MARKERS,
        strong_keys=("ma_ho",), min_identity=2, section_markers=SECTION_MARKERS,
        merges=book.merges(sheet), notes=NOTES,
    ), header)  # fmt: skip
    table = sex_by_legend(sex_by_marks(table, header), header)
    if getattr(header, "surname", None) is not None:  # 'Họ' | 'Tên': the name read joined
        table = join_head_name(table, grid, header.surname)
    return table


def _codes(rows) -> set[str]:
    return {fold(v) for v in rows.columns.get("ma_ho", ()) if not is_blank(v)}


def _more_tables(
    book: Workbook,
    primary: str,
    primary_rows: list,
    sub: Submission,
    passed: Collection[str] = (),
    headers: dict | None = None,
    period: str | None = None,
) -> list:
    """Other visible sheets that continue the household list (poor and near-poor households
    in separate sheets): a table sharing at most half of its Mã hộ with the tables taken is
    read too; one sharing more is a copy (last month's list) and is not, and said
    (``sub.extra['sheets_copied']``: (sheet, the sheet it repeats)). A sheet of the
    households that left ('Hộ thoát': Mã hộ, name, reason) without the list's required columns
    is no part of it: it is left out, and said (``sub.extra['sheets_left_out']``: (sheet, the
    columns it lacks, its header's first cell)). ``passed``:
    sheets of another month (:func:`_roster_sheet`), not read; ``headers``: the headers it
    found already, by sheet."""
    skip = (fold(ROSTER_INFO_SHEET), fold(PLAN_INFO_SHEET))
    others = [n for n in book.visible_sheets
              if n != primary and fold(n) not in skip and n not in passed]  # fmt: skip
    if not others:
        return []
    taken = _codes(primary_rows)
    more = []
    for name in others:
        if headers is not None and name in headers:
            header = headers[name]
        else:
            header = _list_header(book, name, period)
        if header is None:
            continue
        lacking = [c.header for c in ROSTER_COLUMNS if c.required and c.key not in header.columns]
        if lacking and "thoat" in fold(name):
            # a sheet of the households that left ('Hộ thoát': Mã hộ, name, reason): no part of
            # the list. A list sheet lacking a column ('Hộ cận nghèo' without 'Số nhân khẩu')
            # is read, and refuses the file for it: its households must not silently go.
            first = min((col for col, _ in header.columns.values()), default=0)
            at = f"{column_letter(first)}{header.first_row + 1}"  # the header's first cell
            sub.extra.setdefault("sheets_left_out", []).append((name, lacking, at))
            continue
        rows = _households(book, name, header)
        codes = _codes(rows)
        if not rows:
            continue
        if len(codes & taken) * 2 > max(1, min(len(codes), len(taken))):
            sub.extra.setdefault("sheets_copied", []).append((name, primary))
            continue
        taken |= codes
        more.append((name, header, rows))
    return more


# 'Thông tin' values kept as written when they begin with '=': the preparer's name, as the
# list's head's name is (normalise._EQUALS_KEPT).
_INFO_EQUALS_KEPT = frozenset({"preparer"})


def _roster_info(
    grid: list[list], hidden: list | None = None
) -> tuple[dict[str, KeyValue], dict[str, str], list[Twice]]:
    """The 'Thông tin' block (keyvalues.read_key_values), values typed with a leading '=' read past
    it (normalise.info_past_equals), {key: the value as written} of those, for the warning
    at its cell (rosterchecks.info_issues) and for an issue quoting it ('=2+2'), and its labels
    written twice with another value (``hidden``: the sheet's hidden rows, read past)."""
    twice: list[Twice] = []
    info = read_key_values(grid, ROSTER_INFO_LABELS, True, hidden, twice)
    return info, info_past_equals(info, _INFO_EQUALS_KEPT), twice


def _title_info(
    grid: list[list], hidden: list | None = None, merges: list | None = None
) -> tuple[dict[str, KeyValue], dict[str, str], list[Twice]]:
    """The 'Thông tin' labels of a list's title lines as :func:`_roster_info` gives a block's,
    read as a head writes them (keyvalues.read_title_lines: 'Tổng số hộ dân cư = 95', two
    labels on one line, a value after a label merged across the line: ``merges``, the
    sheet's; a total left blank takes no year or date further right; session 56)."""
    twice: list[Twice] = []
    info = read_title_lines(
        grid, ROSTER_INFO_LABELS, True, hidden, twice, merges, ("total_households",)
    )
    return info, info_past_equals(info, _INFO_EQUALS_KEPT), twice


def _a_block(info: dict[str, KeyValue]) -> bool:
    """Title lines above a list that are its 'Thông tin' block (:func:`_info_by_content`)."""
    return (
        all(key in info and not is_blank(info[key].value) for key in _BELOW_KEYS)
        and parse_households(info["total_households"].value) is not None
    )


def title_total_unread(
    book: Workbook, sheet: str, header_row: int
) -> tuple[str, str, tuple[str, ...], str] | None:
    """What a list's title lines write as its total households when they are no 'Thông tin'
    block: (the text, its cell, the labels of the block's lines they lack, the label's cell
    where the total is written too far from it), quoted by the missing 'Thông tin' warning
    (rosterchecks.missing_info_sheet_issue). A total that reads as no count ('khoảng 120
    hộ', '450 nhân khẩu') lacks none; one read as a count ('Tổng số hộ: 95') lacks its 'Xóm'
    or 'Kỳ báo cáo' line (or both), the plan's total taken as the contract says (session
    56); one written past the four cells after its label ('Tổng số hộ dân cư:' in A4, 95 in
    F4; keyvalues.written_past_reach) is quoted with the label's cell, a year there ('2024',
    the title's date) not (session 56, K). None: no total written."""
    try:
        grid = book.grid(sheet)
    except ReadError:
        return None
    info = _title_info(
        grid[: min(40, header_row)], book.hidden_rows.get(sheet), book.merges(sheet)
    )[0]
    kept = info.get("total_households")
    if kept is None:
        return None
    if is_blank(kept.value):
        far = written_past_reach(grid[kept.row - 1], kept.cell)
        if far is None:
            return None
        label, cell, value = far
        count = parse_households(value)
        if count is None or (_YEARS[0] <= count <= _YEARS[1] and clean_text(value).isdigit()):
            return None
        return clean_text(value), cell, (), label
    lacking: tuple[str, ...] = ()
    if parse_households(kept.value) is not None:
        lacking = tuple(
            ROSTER_INFO_LABELS[key][0]
            for key in ("hamlet", "period")
            if key not in info or is_blank(info[key].value)
        )
        if not lacking:  # (a block: read as one, never asked here)
            return None
    return clean_text(kept.value), kept.cell, lacking, ""


# A number a title's date may write far right of a label left blank ('2024'): no total quoted
_YEARS = (1900, 2100)


def _info_by_content(
    book: Workbook, roster_sheet: str, header_row: int
) -> tuple[str | None, dict[str, KeyValue], dict[str, str], list[Twice]]:
    """A visible sheet other than the list that holds the 'Thông tin' block under another
    name ('TT', 'Sheet2'), told by its 'Loại biểu' = 'Danh sách hộ' (:func:`_roster_info`);
    else the block above the list's header (``header_row``, 0-based) on the list's own sheet,
    as a web page's one sheet shows it, told so too."""
    for name in [*(n for n in book.visible_sheets if n != roster_sheet), roster_sheet]:
        try:
            grid = book.grid(name)
        except ReadError:
            continue
        top = min(40, header_row) if name == roster_sheet else 40
        info, slips, twice = _roster_info(grid[:top], book.hidden_rows.get(name))
        # 'Loại biểu' = 'Danh sách hộ' says it is the block: a guide ("Xóm: ghi tên xóm …") or
        # an old summary ('Kỳ báo cáo' 04/2024) has labels too, and must not give the period.
        # Above the list on its own sheet, its 'Xóm', 'Kỳ báo cáo' and 'Tổng số hộ dân cư' all
        # written say it too, as under the list (:func:`_info_below`): a head's title lines
        # ('Xóm: Bản Cọ', 'Kỳ báo cáo: 06/2024', 'Tổng số hộ dân cư: 95'), whose total a
        # person reads (session 55). A label left without its value ('Tổng số hộ dân cư:
        # ……') is no block: the missing 'Thông tin' is said, not a blank cell of it; nor one
        # whose total reads as no count of households ('khoảng 95 hộ', '95 hộ, trong đó 3 hộ
        # nghèo', '250 nhân khẩu'): a title's words, not a form's cell, do not refuse the list
        # (session 55, review: the plan's total and the missing 'Thông tin' said, as before).
        if fold(info.get("form_type", (None, 0))[0]) == fold(FORM_TYPE_ROSTER) or (
            name == roster_sheet and _a_block(info)
        ):
            return name, info, slips, twice
        if name == roster_sheet:  # lines as a head writes them (session 55, K)
            info, slips, twice = _title_info(
                grid[:top], book.hidden_rows.get(name), book.merges(name)
            )
            if _a_block(info):
                return name, info, slips, twice
    return None, {}, {}, []


# The 'Thông tin' labels that tell a key/value block under a list is the list's own without
# its 'Loại biểu' (a head's three lines under the signatures: 'Xóm', 'Kỳ báo cáo', 'Tổng số
# hộ dân cư').
_BELOW_KEYS = ("hamlet", "period", "total_households")
BELOW_ROWS = 40  # the last rows of a list's sheet a 'Thông tin' block under it is looked for in


def _info_below(
    book: Workbook, sheet: str, header
) -> tuple[str | None, dict[str, KeyValue], dict[str, str], list[Twice], int | None]:
    """The 'Thông tin' block written under the list on the list's own sheet (a one-sheet file):
    the sheet, the block as :func:`_roster_info` reads it, and the 0-based row it begins at,
    where the households end. Told by 'Loại biểu' = 'Danh sách hộ', or by its 'Xóm', 'Kỳ báo
    cáo' and 'Tổng số hộ dân cư' all written; and only when no household row follows it (a
    block between two lists is none of this)."""
    nothing = None, {}, {}, [], None
    try:
        grid = book.grid(sheet)
    except ReadError:
        return nothing
    # the last rows written (a block of a few lines under the signatures), as the block above
    # a list is looked for in its first 40 rows: a long list is not read twice for it
    end = len(grid)
    while end > 0 and all(is_blank(value) for value in grid[end - 1]):
        end -= 1
    start = max(header.last_row + 1, end - BELOW_ROWS)
    if end <= start:
        return nothing
    # the rows above left blank, so that the block's rows are the sheet's
    below = [[] for _ in range(start)] + grid[start:end]
    info, slips, twice = _roster_info(below, book.hidden_rows.get(sheet))
    # The block: the labels in rows together (a blank row between at most) with its 'Kỳ báo
    # cáo' (else its 'Xóm', 'Loại biểu'); a signature's 'Người lập biểu' lines above are not.
    anchor = next((info[key].row for key in ("period", "hamlet", "form_type") if key in info), None)
    if anchor is None:
        return nothing
    rows = {anchor}
    for row in sorted({kept.row for kept in info.values()}, key=lambda r: abs(r - anchor)):
        if any(abs(row - r) <= 2 for r in rows):
            rows.add(row)
    info = {key: kept for key, kept in info.items() if kept.row in rows}
    slips = {key: written for key, written in slips.items() if key in info}
    twice = [t for t in twice if t.key in info and t.passed.row in rows]
    declared = fold(info.get("form_type", (None, 0))[0]) == fold(FORM_TYPE_ROSTER)
    if not declared and not all(key in info for key in _BELOW_KEYS):
        return nothing
    first = min(kept.row for kept in info.values()) - 1
    last = max(kept.row for kept in info.values()) - 1
    if any(row - 1 > last for row in _households(book, sheet, header).excel_rows):
        return nothing  # households under it: not the list's block
    return sheet, info, slips, twice, _block_title(grid, first, header.last_row + 1)


def _block_title(grid: list[list], first: int, top: int) -> int:
    """The 0-based row a block whose first label is in row ``first`` begins at: its title's
    ('THÔNG TIN CHUNG VỀ DANH SÁCH', alone in its row, a blank row under it at most), so that
    the title is no household row either (session 39); else ``first``."""
    for row in range(first - 1, max(top, first - 2) - 1, -1):
        written = [value for value in grid[row] if not is_blank(value)]
        if not written:
            continue
        if len(written) == 1 and isinstance(written[0], str) and "thong tin" in fold(written[0]):
            return row
        break
    return first


def _hidden_list(book: Workbook) -> tuple[str, int] | None:
    """A hidden sheet holding households (name, how many), told when the visible list is
    empty: the list may have been typed there, or hidden by mistake."""
    skip = (fold(ROSTER_INFO_SHEET), fold(PLAN_INFO_SHEET))
    for name in sorted(book.hidden, key=book.sheet_names.index):
        if fold(name) in skip:
            continue
        header = _list_header(book, name)
        if header is not None:
            rows = _households(book, name, header)
            if rows:
                return name, len(rows)
    return None


_HAMLET_WORDS = "|".join(
    sorted({w for word in HAMLET_WORDS for w in (word, fold(word))}, key=lambda w: (-len(w), w))
)
# The unit words a title's hamlet keeps as part of its name ('TỔ DÂN PHỐ SỐ 12', 'ẤP BẮC': the
# plan's 'Tổ dân phố số 12', 'Ấp Bắc', as template.roster_title writes them); 'XÓM', 'THÔN' stand
# before the name ('XÓM NÀ MÒN': 'NÀ MÒN'). Folded too, but for 'to' and 'ap', ordinary words.
# 'Tổ' and 'buôn' begin ordinary words in a title too ('TỔ CÔNG TÁC RÀ SOÁT', 'TỔ CHỨC', 'HỘ
# BUÔN BÁN'): 'tổ' names a hamlet only before its number ('TỔ 3', 'TỔ SỐ 3'), 'buôn' not before
# 'bán' (session 40 review). 'Khu' names a hamlet ('KHU 4', a plan's 'Khu 4') only before its
# number too: 'KHU VỰC', 'KHU TÁI ĐỊNH CƯ', 'KHU DÂN CƯ' are ordinary words (session 55).
# A Roman number after it ('KHU IV', 'TỔ III': text.ROMAN_NUMBER) is its number too (session
# 55, L).
_UNIT_AS_NAME = {
    # ... and 'TỔ X' in capitals, 10 (a lone 'X' after a small 'tổ' a letter; session 57)
    "tổ": rf"(?:tổ(?=\s+(?:số\s*)?(?:\d|{ROMAN_NUMBER}))|(?-i:TỔ(?=\s+(?:SỐ\s*)?X\b)))",
    "khu": rf"khu(?=\s+(?:số\s*)?(?:\d|{ROMAN_NUMBER}))",
    "buôn": r"buôn(?!\s+bán)",
    "buon": r"buon(?!\s+ban)",
}
_NAME_UNIT_WORDS = "|".join(
    _UNIT_AS_NAME.get(w, w)
    for w in sorted({w for word in (*UNIT_WORDS, "tổ dân phố", "khu") if word not in ("xóm", "thôn")
                     for w in (word, fold(word)) if w not in ("to", "ap")}, key=lambda w: (-len(w), w))
)  # fmt: skip
# A unit word at a name's start ('Tổ ………' names no hamlet 'Tổ'), folded. Both word lists
# longest first, then by text: a pattern's text the same whatever PYTHONHASHSEED orders a set by
# (session 61, R2)
_UNIT_FIRST = lazyre.compile(
    rf"^(?:{'|'.join(sorted({fold(w) for w in (*UNIT_WORDS, *HAMLET_WORDS)}, key=lambda w: (-len(w), w)))})\b[\s:.]*"
)
# What follows the hamlet in a title ('… THÁNG 5', '… XÃ TRUNG LƯƠNG').
_AFTER_HAMLET = r"(?:tháng|thang|năm|nam)\s*\d|(?:kỳ|ky|xã|xa|huyện|huyen)\b"
# ... after a dash: that, a number ('– 5/2024'), a month shortened ('- T5/2024') or the words a
# title goes on with ('- ĐỢT 2', '– BỔ SUNG'); before other words a dash is read as part of the
# name ('Xóm Đồng Mỏ – Làng Mới'), which the plan's names then decide
# (HamletMatcher.match_title, session 40)
_AFTER_DASH = (
    rf"{_AFTER_HAMLET}|\d|t\s*\d{{1,2}}\s*[/.-]\s*\d"
    r"|(?:tháng|thang|năm|đợt|dot|lần|quý|bổ sung|bo sung|niêm yết|niem yet|trang|danh sách"
    r"|danh sach|ngày|tính đến|tinh den|cập nhật|cap nhat|rà soát|ra soat|phụ lục|phu luc)\b"
)
# A town's unit written short before its number, kept as the name ('TDP SỐ 12', 'KP3', 'T.D.P
# 12': text.unit_number_form reads them; session 40)
_SHORT_UNIT_NAME = r"(?:t\.?\s?d\.?\s?p|tổ\s+dp|to\s+dp|k\.?\s?p)\.?\s*(?:số|so)?\s*\d"
# ... and a month or a date after it, without 'tháng' ('XÓM BẢN CỌ 05/2024', '… 3/6/2024'):
# not the name's number, which the '/' alone left glued to it ('BẢN CỌ 05': the plan's Bản Cọ
# 5; session 55, R8)
# ... by '/' or '.' ('05/2024', '3/6/2024'), or a whole date by dashes ('03-06-2024'); a dash
# between a number and a year alone ('TDP 10 - 2024', 'XÓM BẢN CỌ 2 - 2024') is the hamlet's
# number then the year, as before (session 55, lead's mend of R8)
_DATE_AFTER_HAMLET = (
    r"\d{1,2}\s*[/.]\s*(?:\d{1,2}\s*[/.]\s*)?(?:19|20)\d\d\b"
    r"|\d{1,2}\s*-\s*\d{1,2}\s*-\s*(?:19|20)\d\d\b"
)
_TITLE_HAMLET = lazyre.compile(
    rf"(?<!\w)(?:(?=(?:{_NAME_UNIT_WORDS})\s|{_SHORT_UNIT_NAME})|(?:{_HAMLET_WORDS})[\s:.]*\s)(.+?)"
    rf"(?:\s*[,(:;/]|\s*[-–—]\s*(?:{_AFTER_DASH})|\s+(?:{_AFTER_HAMLET}|{_DATE_AFTER_HAMLET})"
    r"|\s*[-–—]?\s*$)",
    re.IGNORECASE,
)
# A 'tổ' a title names ('TỔ 2', 'Tổ số 2'; not 'Tổ dân phố số 2'), folded: a hamlet in a town's
# plan, a hamlet's neighbourhood group in a village's (_other_hamlet_rows)
# ('TỔ X' as read in capitals: session 57)
_GROUP = lazyre.compile(rf"to\s+(?:so\s*)?(?:\d|{ROMAN_NUMBER}|x$)")
# ... and a 'khu' ('KHU 4', 'Khu số 4'; not 'Khu phố 4'): a plan's hamlet 'Khu 4', or a part of
# the list's hamlet, or another commune's place: the plan decides (session 55)
_ZONE = lazyre.compile(rf"khu\s+(?:so\s*)?(?:\d|{ROMAN_NUMBER})")
# A group written before its hamlet in a title ('TỔ 3 XÓM NÀ MÒN', 'TỔ SỐ 3, THÔN BẢN CỌ', 'Tổ
# 3 - xóm Nà Mòn'): the hamlet is the one after 'XÓM'/'THÔN' (session 40); 'TỔ X' in
# capitals too, read as a hamlet's name since session 57 ('DANH SÁCH TỔ X - XÓM BẢN CỌ': Bản Cọ);
# a number with a letter after it ('Tổ 2B - xóm Bản Cọ', 'TỔ 12B, THÔN BẢN CỌ') too, as 'Tổ A1'
# (session 60, E), a space between them or none ('Tổ 2 B - xóm Bản Cọ': session 61)
_GROUP_BEFORE_HAMLET = lazyre.compile(
    rf"(?:(?:tổ|to)\s+(?:(?:số|so)\s*)?(?:\d+(?: ?[a-z])?|{ROMAN_NUMBER})|(?-i:(?:TỔ|TO)\s+(?:(?:SỐ|SO)\s*)?X))"
    r"\s*[,:;–—-]?\s*(?=(?:xóm|thôn|xom|thon)\b)",
    re.IGNORECASE,
)


# ... a group named by a letter before it ('Tổ A - xóm Bản Cọ', 'tổ x xóm Bản Cọ'), folded:
# between the households, that hamlet's group as 'Tổ 2 - xóm Bản Cọ' (session 58, E2); by a
# letter and a number after it ('Tổ A1': session 59, E)
_GROUP_BY_LETTER = lazyre.compile(r"to\s+[a-z]\d{0,2}\s*[,:;–—-]?\s*(?=(?:xom|thon)\b)")


def group_first(text: str, folded: str | None = None) -> bool:
    """Whether a text begins with a group before its hamlet (:data:`_GROUP_BEFORE_HAMLET`: 'Tổ 2
    - xóm Bản Cọ', 'TỔ 2, THÔN BẢN CỌ'), read folded (``folded``: ``text`` folded, if at hand),
    or as written for 'TỔ X' in capitals, 10 (session 57), which folding makes a letter: 'TỔ X
    - XÓM BẢN CỌ' between the households heads group 10 of Bản Cọ as 'TỔ 10 - XÓM BẢN CỌ' does
    (session 58); a group named by a letter ('Tổ A - xóm Bản Cọ', 'Tổ X xóm Bản Cọ' in small
    letters: :data:`_GROUP_BY_LETTER`) too, the hamlet after it saying whose (session 58, E2),
    and one by a letter and a number after it ('Tổ A1 - xóm Bản Cọ'; session 59)."""
    folded = fold(text) if folded is None else folded
    if _GROUP_BEFORE_HAMLET.match(folded) or _GROUP_BY_LETTER.match(folded):
        return True
    return "X" in text and _GROUP_BEFORE_HAMLET.match(nfc(text).strip()) is not None


# Read right after 'XÓM ……': the blank named no hamlet.
_TITLE_AFTER_HAMLET = lazyre.compile(_AFTER_HAMLET, re.IGNORECASE)


# Headers of a column naming each household's hamlet ('Xóm', 'Thôn', 'Tên xóm'), folded
HAMLET_COLUMN_HEADERS = frozenset(
    {"xom", "thon", "ten xom", "ten thon", "xom thon", "thon xom", "xom ban", "thon ban", "ban"}
)
_HAMLET_WORD_START = lazyre.compile(rf"^(?:{'|'.join(sorted({fold(w) for w in HAMLET_WORDS}, key=lambda w: (-len(w), w)))})\b[\s:.]*")  # fmt: skip

# 'Tổ dân phố 12' as text.unit_number_form writes it: a unit named by its number
_NUMBERED_STREET_GROUP = lazyre.compile(r"to dan pho \d")


def hamlet_key(text: str) -> str:
    """A hamlet's name compared with another: folded, without a leading 'Xóm', 'Thôn', 'Tổ dân
    phố', spaces or marks ('Xóm Pác Cập', 'pac cap', 'PácCập' are one), a town's unit written
    short or with 'số' ('TDP số 12', 'Tổ dân phố 12': text.unit_number_form, session 40). A 'Tổ
    dân phố' before its number keeps its unit word: 'Tổ dân phố số 1' is no 'Thôn 1' (a town's
    plan may hold both)."""
    folded = unit_number_form(text)
    if not _NUMBERED_STREET_GROUP.match(folded):
        folded = _HAMLET_WORD_START.sub("", folded)
    return "".join(ch for ch in folded if ch.isalnum())


def _gaps(rows: list[int]) -> list[int]:
    """The indexes i of sorted Excel rows where rows[i + 1] is not rows[i] + 1: found by halving
    the runs that hold one (a run without a gap spans exactly its length), so a table of
    consecutive rows costs one comparison, and one with g gaps some g·log(n)."""
    found: list[int] = []
    stack = [(0, len(rows) - 1)] if len(rows) > 1 else []
    while stack:
        i, j = stack.pop()
        if rows[j] - rows[i] == j - i:
            continue
        if j == i + 1:
            found.append(i)
            continue
        m = (i + j) // 2
        stack.append((m, j))
        stack.append((i, m))
    return found


# A title over households that moved, written between the households of a list (session 30):
# folded, after an optional group number ('II.', '2)', 'b.') and 'Danh sách', 'Các hộ', 'Hộ
# nghèo'/'Hộ cận nghèo', a move: into the hamlet ('Hộ chuyển đến từ xóm Nà Mòn', 'Danh sách hộ
# chuyển đến', 'Hộ nhập khẩu', 'Chuyển từ thôn Bản Cọ'), or out of it ('Hộ chuyển đi xóm Bản Cọ',
# 'Hộ chuyển đến xóm Bản Cọ', 'Chuyển sang thôn …', 'Hộ chuyển khỏi xã', 'Đã chuyển đi'). Not a
# change of list ('Hộ nghèo chuyển sang hộ cận nghèo', 'Chuyển từ hộ nghèo sang …'): no move.
_MOVE_TITLE = lazyre.compile(
    r"^(?:(?:[ivx]{1,4}|\d{1,2}|[a-e])\s+)?(?:danh sach\s+)?(?:(?:cac\s+)?ho\s+(?:can\s+)?"
    r"(?:ngheo\s+)?)?(?:da\s+|moi\s+)?(chuyen|nhap(?:\s+ho)?\s+khau|di\s+khoi)\b\s*(.*)$"
)
_PLACE_WORDS = r"(?:xom|thon|ban|to dan pho|to|xa|noi|huyen|tinh|dia phuong)"
# What follows 'chuyển': from a place ('đến từ', 'về từ', 'từ xóm …') is a move in
_MOVED_FROM = lazyre.compile(r"^(?:(?:den|ve)\s+)?tu\b(?!\s+(?:ho|danh sach)\b)")
# ... a place after 'đến', 'về' ('chuyển đến xóm Bản Cọ'): a move to it; 'đến' alone: in
_MOVED_TO_PLACE = lazyre.compile(rf"^(?:den|ve)\s+(?:(?:o|tai)\s+)?{_PLACE_WORDS}\b")
# ... 'đi', 'khỏi', 'sang' a place, 'xóm', 'hộ khẩu', 'nơi khác', '' (alone: 'Hộ chuyển'): out
_MOVED_OUT = lazyre.compile(
    rf"^(?:di\b|khoi\b|xom\b|thon\b|ho khau\b|khau\b|noi\b|sang\s+{_PLACE_WORDS}\b|$)"
)
# When a move last in a heading happened, after it, folded: 'trong tháng', a month or a day
# ('tháng 5/2024', 'ngày 3/5/2024', 'từ ngày 3/5', or 'ngày' alone where the title's reading
# cut its date off: _title_hamlet), and the count ('2 hộ'; session 57 review, session 58)
_WHEN = r"(?:\s+(?:trong|tu))?(?:\s+(?:ngay|thang)(?:\s+\d{1,4}){0,3})?(?:\s+\d{1,3}\s+ho)?"
# ... 'đến', 'về' last, after a hamlet's heading ('Tổ 2 xóm Bản Cọ chuyển đến', '(chuyển
# về)'): its households moved in (session 56 review)
_MOVED_IN_LAST = lazyre.compile(rf"\bchuyen\s+(?:den|ve){_WHEN}\W*$")
# ... 'đi' last ('Tổ 2 xóm Bản Cọ chuyển đi', 'Xóm Bản Cọ đã chuyển đi: 2 hộ'): its households
# moved out of the list's hamlet to the one it names (session 57); 'trong tháng' after either
# (session 57 review), a day (session 58)
_MOVED_OUT_LAST = lazyre.compile(rf"\bchuyen\s+di{_WHEN}$")
_MOVED_OUT_WORDS = lazyre.compile(rf"(?:(?:da|moi)\s+)?chuyen\s+di{_WHEN}")
# ... out of the commune, or elsewhere unsaid ('Xóm Nà Mòn chuyển khỏi xã', '… chuyển sang xã
# khác', '… chuyển đi xã Tân Lập', '… chuyển đi nơi khác'): moved out, to no hamlet of the plan,
# whichever hamlet the heading names, as under 'Hộ chuyển khỏi xã' (session 58)
_MOVED_AWAY_LAST = lazyre.compile(
    r"\bchuyen\s+(?:(?:ra\s+)?khoi(?:\s+(?:xa|dia ban|dia phuong|xom|thon|ban|huyen|tinh)\b.*)?"
    r"|(?:ra\s+)?ngoai\s+(?:xa|huyen|tinh|dia ban)\b.*"
    r"|(?:di|sang|den|ve|ra)\s+(?:xa|huyen|tinh|dia phuong|noi|thon|xom)\s+khac\b.*"
    r"|(?:di|sang)\s+(?:xa|huyen|tinh|thanh pho)\b.*)$"
)


def _moved_last(text: str, named: str) -> str | None:
    """'in' or 'out' for a hamlet's heading ending in a move ('Tổ 2 xóm Bản Cọ chuyển đến', '…
    chuyển đi'), read in its text (``text``) or in its hamlet as :func:`_title_hamlet` reads it
    (``named``), a month or a day after it left out ('Xóm Bản Cọ chuyển đi tháng 5/2024', '…
    chuyển đến trong tháng 5': session 57 review; '… chuyển đi ngày 3/5/2024': session 58);
    'away' for one ending in a move out of the commune or to a place unsaid ('Xóm Nà Mòn
    chuyển khỏi xã', '… chuyển sang xã khác': session 58); None where it ends in none."""
    text = fold(text)
    if "chuyen" not in text:
        return None
    if _MOVED_AWAY_LAST.search(text):
        return "away"
    for folded in (text, fold(named)):
        if _MOVED_IN_LAST.search(folded):
            return "in"
        if _MOVED_OUT_LAST.search(folded):
            return "out"
    return None


def _before_moved_out(named: str) -> str:
    """A heading's hamlet without the 'chuyển đi' it ends in ('Bản Cọ chuyển đi', 'Bản Cọ - đã
    chuyển đi': 'Bản Cọ'); ``named`` as it is where it holds none ('Bản Cọ', the words cut
    off at a bracket or a colon by :func:`_title_hamlet`)."""
    words = named.split()
    for cut in range(1, len(words)):
        if _MOVED_OUT_WORDS.fullmatch(fold(" ".join(words[cut:]))):
            return " ".join(words[:cut]).rstrip(" -–—:(")
    return named


def _moved_to_named(text: str) -> str | None:
    """The hamlet a heading names as where its households went, after its own hamlet ('Xóm Nà
    Mòn chuyển sang xóm Bản Cọ', '… đã chuyển đến thôn Bản Cọ': 'Bản Cọ'), its words from
    'chuyển' read as a move title is (:func:`move_title`); None where they name none or no
    move out (session 58, E2)."""
    if "chuyen" not in fold(text):
        return None
    words = text.split()
    for at in range(1, len(words)):
        if fold(words[at]) == "chuyen":
            moved = move_title(" ".join(words[at:]))
            return moved[1] if moved is not None and moved[0] == "out" and moved[1] else None
    return None


# ... 'đến', 'về' before a list's words: a change of list ('chuyển về hộ cận nghèo'), no move
_NO_MOVE = lazyre.compile(r"^(?:den|ve)\s+(?:ho|danh sach|can ngheo|ngheo)\b")
# ... ending in none ('Hộ chuyển đi: không có', '… xóm Bản Cọ: không', ': 0 hộ', 'chưa có hộ
# nào'): a line saying no household moved, the rows under it the list's own (session 30, QA)
_NONE_MOVED = lazyre.compile(
    r"(?:^|\s)(?:(?:khong|chua)(?:\s+(?:co|phat sinh))?(?:\s+ho(?:\s+nao)?)?|0(?:\s+ho)?)$"
)

# ... a sentence pointing elsewhere ('Hộ chuyển đi trong tháng ghi ở danh sách riêng', '…: xem
# danh sách kèm theo'): a note that the households are listed apart, no title (session 30);
# 'xem' only before what is looked at ('Hộ chuyển đi xóm Xém' is a hamlet's name)
_LISTED_ELSEWHERE = lazyre.compile(
    r"(?:^|\s)(?:ghi\s+(?:o|tai|trong|vao|rieng)|xem\s+(?:danh sach|trang|bang|phu luc|o|tai)"
    r"|(?:danh sach|bao cao|bang|trang)\s+rieng|kem theo)(?:\s|$)"
)


def move_title(text: str) -> tuple[str, str] | None:
    """('in' or 'out', the hamlet it names after the hamlet word or '') of a title over
    households that moved (:data:`_MOVE_TITLE`): into the list's hamlet ('Hộ chuyển đến từ xóm
    Nà Mòn': the hamlet they came from) or out of it ('Hộ chuyển đi xóm Bản Cọ': the hamlet
    they went to; '' for 'Hộ chuyển khỏi xã'); ('none', '') for a line saying none moved ('Hộ
    chuyển đi: không có') or a note in brackets ('(Hộ chuyển đi … riêng)') or pointing
    elsewhere ('Hộ chuyển đi trong tháng ghi ở danh sách riêng'): no title, not even
    a hamlet's ('Danh sách hộ chuyển đi xóm Bản Cọ: không'); None for any other text."""
    found = _MOVE_TITLE.match(fold(text))
    if found is None:
        return None
    word, rest = found.groups()
    stripped = text.strip()
    if (
        _NONE_MOVED.search(rest)
        or (stripped.startswith("(") and stripped.endswith(")"))
        or _LISTED_ELSEWHERE.search(rest)
    ):
        # 'Hộ chuyển đi: không có' (no household under it), '(Hộ chuyển đi ghi ở danh sách
        # riêng)' (a note in brackets), '… ghi ở danh sách riêng' (a note without them): no
        # title of any kind
        return "none", ""
    if word != "chuyen":  # 'nhập khẩu' in, 'đi khỏi' out
        return ("in", "") if word.startswith("nhap") else ("out", _title_hamlet([nfc(text)]))
    if _MOVED_FROM.match(rest):
        return "in", ""
    if _MOVED_TO_PLACE.match(rest):
        return "out", _title_hamlet([nfc(text)])
    if rest.startswith(("den", "ve")):
        # 'chuyển đến' alone, or before no place: moved in; 'chuyển về hộ cận nghèo' no move
        return None if _NO_MOVE.match(rest) else ("in", "")
    if _MOVED_OUT.match(rest):
        return "out", _title_hamlet([nfc(text)])
    return None


def _titles_between(
    grid: list[list], excel_rows: list[int]
) -> list[tuple[int, str, str, str, str]]:
    """(the first household row under it, the title's text, the hamlet it names, its kind, its
    own cell: 'A10', where the head reads it, session 30) of
    each title written between the rows of a table: a hamlet's ('hamlet': 'DANH SÁCH … XÓM THẨM
    RỘC – THÁNG 5/2024', 'Xóm: Thẩm Rộc'), a text beginning 'Danh sách', the hamlet word or a
    group before it ('Tổ 2 - xóm Thẩm Rộc', session 56) and naming a hamlet after it; or one
    over households that moved (:func:`move_title`): 'in' ('Hộ chuyển đến từ xóm Thẩm Rộc': the
    list's hamlet's households now, no other hamlet's) or 'out' ('Hộ chuyển đi xóm Thẩm Rộc',
    the hamlet they went to, or ''). A note naming a
    hamlet ('Ghi chú: chuyển đến từ xóm …') is no title. After a move out, a gap holding text
    but none of these ('II. HỘ CẬN NGHÈO', 'Cộng', 'Hộ chuyển đi: không có') ends that part:
    'end', its first text (session 30, QA). Only the rows between two household rows are
    looked at (:func:`_gaps`)."""
    found = []
    moved_out = False
    for at in _gaps(excel_rows):
        before, texted = len(found), None
        for index in range(excel_rows[at], excel_rows[at + 1] - 1):  # 0-based rows between
            for col, value in enumerate(grid[index]):
                if not isinstance(value, str):
                    continue
                folded = fold(value)
                if not folded:
                    continue
                texted = texted or value
                moved = move_title(value)
                if moved is not None and moved[0] == "none":
                    break  # a line saying no household moved: the rows are the list's own
                cell = f"{column_letter(col)}{index + 1}"
                if moved is not None:
                    found.append((excel_rows[at + 1], clean_text(value), moved[1], moved[0], cell))
                    moved_out = moved_out or moved[0] == "out"
                    break
                # a group before its hamlet ('Tổ 2 - xóm Bản Cọ') heads that hamlet's rows as
                # 'Danh sách xóm Bản Cọ' does (session 56)
                if not (
                    folded.startswith("danh sach")
                    or _HAMLET_WORD_START.match(folded)
                    or group_first(value, folded)
                ):
                    continue
                named = _title_hamlet([clean_text(value)])
                if named:
                    # a heading ending in a move in ('Tổ 2 xóm Bản Cọ chuyển đến', 'Xóm Bản Cọ
                    # chuyển đến:'): households come from that hamlet, the list's own now, as
                    # under 'Hộ chuyển đến từ xóm Bản Cọ' (session 56 review)
                    moved = _moved_last(value, named)
                    if moved == "in":
                        found.append((excel_rows[at + 1], clean_text(value), "", "in", cell))
                    elif moved in ("out", "away"):
                        # ending in a move out ('Tổ 2 xóm Bản Cọ chuyển đi'): households that
                        # went to that hamlet, as under 'Hộ chuyển đi xóm Bản Cọ' (session 57);
                        # out of the commune ('Xóm Nà Mòn chuyển khỏi xã'), to none, as under
                        # 'Hộ chuyển khỏi xã' (session 58)
                        away = _before_moved_out(named) if moved == "out" else ""
                        found.append((excel_rows[at + 1], clean_text(value), away, "out", cell))
                        moved_out = True
                    elif (to := _moved_to_named(value)) is not None:
                        # naming where its households went after its hamlet ('Xóm Nà Mòn
                        # chuyển sang xóm Bản Cọ'): as under 'Hộ chuyển sang xóm Bản Cọ'
                        # (session 58, E2)
                        found.append((excel_rows[at + 1], clean_text(value), to, "out", cell))
                        moved_out = True
                    else:
                        found.append((excel_rows[at + 1], clean_text(value), named, "hamlet", cell))
                    break
        if moved_out and texted is not None and len(found) == before:
            # another heading after households that moved out: theirs end here, the rows
            # below are the list's own (a class's group, a subtotal, a note)
            found.append((excel_rows[at + 1], clean_text(texted), "", "end", ""))
    return found


# The count a move-out title gives ('Hộ chuyển đi xóm Bản Cọ: 2 hộ', '… (2 hộ)'), folded
_MOVED_COUNT = lazyre.compile(r"(?:^|\s)(\d{1,3})\s+ho$")


def _moved_count(text: str) -> int | None:
    """The households a move-out title counts ('Hộ chuyển đi xóm Bản Cọ: 2 hộ' → 2), None
    where it gives none."""
    found = _MOVED_COUNT.search(fold(text))
    return int(found.group(1)) if found else None


def _numbered_one(value) -> bool:
    """An STT cell reading 1 (1, 1.0, '1', '1.'): a numbering starting again."""
    if isinstance(value, str):
        return value.strip().rstrip(".") == "1"
    return isinstance(value, int | float) and not isinstance(value, bool) and value == 1


def _stt_number(value) -> int | None:
    """The whole number an STT cell reads (7, 7.0, '7', '7.'), None for any other."""
    if isinstance(value, str):
        text = value.strip().rstrip(".")
        return int(text) if text.isdecimal() and len(text) < 7 else None
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        return int(value)
    return None


def without_rows(rows: Table, drop) -> Table:
    """``rows`` less the Excel rows in ``drop``, with what is kept of each row beside its cells
    (read from another column, slips, question marks), normalised or not as ``rows`` is."""
    keep = [i for i, r in enumerate(rows.excel_rows) if r not in drop]
    table = Table([rows.excel_rows[i] for i in keep],
                  {k: [v[i] for i in keep] for k, v in rows.columns.items()},
                  normalised=rows.normalised, signed_at=rows.signed_at)  # fmt: skip
    table.elsewhere = {k: {r: at for r, at in there.items() if r not in drop}
                       for k, there in rows.elsewhere.items()}  # fmt: skip
    table.slips = {k: {r: text for r, text in there.items() if r not in drop}
                   for k, there in rows.slips.items()}  # fmt: skip
    table.questioned = {r: text for r, text in rows.questioned.items() if r not in drop}
    table.questioned_marks = {k: {r: text for r, text in there.items() if r not in drop}
                              for k, there in rows.questioned_marks.items()}  # fmt: skip
    table.questioned_start = {r for r in rows.questioned_start if r not in drop}
    table.stale_subtotals = getattr(rows, "stale_subtotals", [])  # passed-over rows, kept
    table.classes_written = {r: text for r, text in getattr(rows, "classes_written", {}).items()
                             if r not in drop}  # fmt: skip
    return table


def _other_hamlet_rows(
    book: Workbook, tables: list, own: str, titled: bool = False
) -> tuple[list, list, list]:
    """The tables without the rows a list writes as another hamlet's, or as households that
    moved out, and those rows said: (sheet, 'column', 'title' or 'out', the hamlet as written
    ('' for a move out naming none), Excel rows, the column's header or the title's text, the
    column's letter or the title's own cell, 'A10'). Two ways heads put another hamlet's households
    in their list: a 'Xóm' column (:data:`HAMLET_COLUMN_HEADERS`) naming another hamlet than the
    list's (``own``, its 'Xóm' cell or title), told only where some rows name the list's own
    hamlet in it (a column of abbreviations names none); and a title under the households
    naming another hamlet ('… XÓM THẨM RỘC …' over a second list pasted under the first), whose
    rows are that hamlet's up to a title naming the list's own. A title over households that
    moved in ('Hộ chuyển đến từ xóm Thẩm Rộc') is no other hamlet's: its rows are the list's
    (session 30). One over households that moved out ('Hộ chuyển đi xóm Thẩm Rộc', 'Hộ chuyển
    khỏi xã') takes its rows out, as a class written 'Chuyển đi' does, up to the next title
    or heading ('II. HỘ CẬN NGHÈO', 'Cộng'), the count it gives ('…: 2 hộ': 2 rows), a row
    whose STT starts again at 1 or breaks the part's numbering (1, 2, then 13; session 31; an
    STT written twice, 36, 36, 37, is no break: session 32), whichever comes first; where none
    of these bounds a part numbered on from the list's STT (31, 32, … after 30) down to the
    list's end, only its first row is taken, the others
    counted and said ('unclear', session 31; those the hamlet it names lists the same month are
    taken at the commune's level, consolidate.moved_where_listed);
    under one naming no hamlet, not those written 'Thoát' (a household leaving the commune is
    written so). The figures must not count them as this hamlet's. Without ``own`` (no hamlet
    known to the reader), only the third, below, for each title naming a hamlet. A title names the list's own hamlet by its whole name or by that name cut at a dash
    (:func:`names_own`); ``titled``: ``own`` is itself read from the list's title, and any of its
    readings is the list's hamlet (session 40), as is each without a group after it ('ẤP BẮC TỔ
    5': 'ẤP BẮC', its heading's rows noted for the plan's names below; session 41). Third: the
    rows kept under a title that names the list's own hamlet by a reading other than the list's
    whole name ('Danh sách Xóm Đồng Mỏ – Làng Mới' in the list of 'Đồng Mỏ'), as (sheet, the hamlet as written, Excel rows, the
    title's text, its cell): the plan's names decide whose they are
    (consolidate.moved_where_listed, session 41); so too under a title naming a 'khu' by its
    number ('Danh sách Khu 4') or, in the list of a hamlet that is no 'tổ', a 'tổ' ('Danh sách
    tổ 4'): a plan's hamlet, or a part of this one, or another commune's place (session 55)."""
    # read from the title, also without a group after it ('ẤP BẮC TỔ 5' read whole, the plan
    # deciding: HamletMatcher.match_title), a heading so read noted for the plan (session 41);
    # the matcher's tries (text.title_tries), only their set counting here (session 42)
    readings = title_tries(own) if titled else [own]
    keys = {hamlet_key(r) for r in readings} - {""}
    # No hamlet known here (its 'Xóm' blank, its title naming none): the rows under a title
    # naming a hamlet are noted for the plan's names to decide, as above (session 41 review)
    unknown = not keys
    whole = hamlet_key(own)
    # 'DANH SÁCH HỘ NGHÈO TỔ 2' in the list of a hamlet that is no 'tổ' itself: a part of it,
    # its neighbourhood group, not another hamlet (session 40 review)
    grouped = _GROUP.match(fold(own)) is None
    kept, said, unclear, by_reading = [], [], [], []
    for sheet, header, rows in tables:
        grid = book.grid(sheet)
        drop: dict[int, tuple] = {}
        read_own: dict[tuple, list[int]] = {}  # a title naming the list's by a reading: its rows
        col = next((c for c, t in header.unknown if fold(t) in HAMLET_COLUMN_HEADERS), None)
        if col is not None:
            values = [grid[r - 1][col] if col < len(grid[r - 1]) else None for r in rows.excel_rows]
            named = {v: hamlet_key(clean_text(v)) for v in set(values) if not is_blank(v)}
            if keys.intersection(named.values()):
                text = next(t for c, t in header.unknown if c == col)
                for excel_row, value in zip(rows.excel_rows, values, strict=True):
                    if not is_blank(value) and named[value] and named[value] not in keys:
                        drop[excel_row] = ("column", clean_text(value), text, column_letter(col))
        other = away = cut = None
        titles = iter(_titles_between(grid, rows.excel_rows))
        title = next(titles, None)
        if title is None and not drop:  # nearly every list: no row to look at one by one
            kept.append((sheet, header, rows))
            continue
        classes = rows.columns.get("phan_loai") or [None] * len(rows.excel_rows)
        numbers = rows.columns.get("stt") or [None] * len(rows.excel_rows)
        left = taken = 0  # of a move out: the rows its title counts (None: no count), taken
        # of a move out: its rows taken out, whether they are numbered on from the list's STT
        # without a break (31, 32, … after 30), the STT of the row before (session 31)
        part: list[int] = []
        run_on, last = False, None
        for excel_row, written, number in zip(rows.excel_rows, classes, numbers, strict=True):
            while title is not None and title[0] <= excel_row:
                kind = title[3]
                part = []  # a title or heading bounds the part before it
                if kind == "hamlet":
                    # with its group ('XÓM NÀ MÒN TỔ 4'): a plan may name a hamlet so
                    full = _title_hamlet([title[1]], with_group=True) or title[2]
                    own_named = unknown or names_own(title[2], keys, True) or names_own(full, keys)
                    # 'TỔ 2' in the list of a hamlet that is no 'tổ', 'KHU 4' without 'xóm':
                    # kept, noted for the plan to take out where it names such a hamlet
                    # (consolidate._named_by_plan; session 55)
                    # 'Tổ 2 - xóm Bản Cọ' between the households: the plan decides too, so a
                    # group of a hamlet the plan lacks ('Tổ 2 - xóm Bản Cọ cũ' in a merged
                    # commune) keeps its rows, nothing said (session 56 review)
                    # 'Xóm Nà Mòn mới', 'Danh sách xóm Nà Mòn cũ' in Nà Mòn's list: its own
                    # name with words after it, a hamlet only where the plan has one so
                    # named (session 57); 'Xóm Nà Mòn' in Nà Mòn Mới's, its name cut short,
                    # too (session 58)
                    by_plan = not own_named and (
                        (grouped and _GROUP.match(fold(title[2])))
                        or _ZONE.match(fold(title[2]))
                        or group_first(title[1])
                        or lengthens_own(title[2], readings)
                        or shortens_own(title[2], readings)
                    )
                    other, away = (None if own_named or by_plan else title), None
                    cut = title if (own_named and hamlet_key(full) != whole) or by_plan else None
                elif (
                    kind == "out"
                    and not unknown
                    and (
                        not (own_out := names_own(title[2], keys))
                        or _moved_last(title[1], _title_hamlet([title[1]])) == "out"
                    )
                ):
                    # moved out ('Hộ chuyển đi xóm Thẩm Rộc'), up to the next title; 'Xóm Nà
                    # Mòn chuyển đi' in Nà Mòn's list: its households that went, where to
                    # unsaid, as under 'Hộ chuyển đi' (session 57)
                    away = (*title[:2], "", *title[3:]) if own_out else title
                    left, taken = _moved_count(title[1]), 0
                    run_on = left is None and last is not None and _stt_number(number) == last + 1
                elif kind == "end":
                    away = None  # another heading ends a move out, not another hamlet's rows
                else:
                    away = None  # moved in ('Hộ chuyển đến từ xóm Thẩm Rộc'): the list's own
                title = next(titles, None)
            now = _stt_number(number)
            if away is not None and (
                left == taken
                or (taken and _numbered_one(number))
                or (taken and now is not None and last is not None and now not in (last, last + 1))
            ):
                # the rows its title counts ('Hộ chuyển đi xóm Bản Cọ: 2 hộ') are taken, or the
                # STT starts again at 1 (session 30) or breaks (1, 2, then 13: the list's own
                # numbering resumed; session 31): the list's own rows again. An STT written
                # twice (36, 36, 37: two households numbered alike) breaks nothing (session 32)
                away, part = None, []
            run_on = run_on and now is not None
            last = now
            taken += 1
            if excel_row in drop:
                continue
            if other is not None:
                drop[excel_row] = ("title", other[2], other[1], other[4])
            elif away is not None and (away[2] or vocab.classification(written) != "exited"):
                # a household that moved out; one written 'Thoát' under a title naming no
                # hamlet ('Hộ chuyển khỏi xã') is counted as one that left, as session 21 asks
                # a household that left the commune to be written
                drop[excel_row] = ("out", away[2], away[1], away[4])
                part.append(excel_row)
            elif cut is not None:
                read_own.setdefault((cut[2], cut[1], cut[4]), []).append(excel_row)
        if away is not None and run_on and len(part) > 1:
            # a move-out part bounded by nothing (no count in its title, no heading, its STT
            # numbered on from the list's without a break, down to the list's end): where the
            # households that moved end is not written. Only the row under the title is
            # surely one; the others are counted as the list's own and asked about, a
            # household wrongly left out being worse than one asked about (session 31)
            for excel_row in part[1:]:
                del drop[excel_row]
            unclear.append((sheet, "unclear", away[2], part[1:], away[1], away[4]))
        by_reading.extend((sheet, named, found, text, where)
                          for (named, text, where), found in read_own.items())  # fmt: skip
        if not drop:
            kept.append((sheet, header, rows))
            continue
        kept.append((sheet, header, without_rows(rows, drop)))
        groups: dict[tuple, list[int]] = {}
        for excel_row, what in sorted(drop.items()):
            groups.setdefault(what, []).append(excel_row)
        said.extend((sheet, what[0], what[1], found, what[2], what[3])
                    for what, found in groups.items())  # fmt: skip
    return kept, said + unclear, by_reading


def note_codes_taken(sub: Submission, sheet: str, rows: Table, excel_rows) -> None:
    """The Mã hộ of the rows ``excel_rows`` of ``rows`` (``sub``'s table on ``sheet``) taken
    out as another hamlet's, noted in ``sub.extra['other_hamlet_codes']`` ((sheet, Excel row)
    -> the code as read; None without one): consolidate.listed_where_named asks whether the
    list of that hamlet holds them (session 55, L)."""
    codes = rows.columns.get("ma_ho") or [None] * len(rows.excel_rows)
    at = dict(zip(rows.excel_rows, codes, strict=True))
    noted = sub.extra.setdefault("other_hamlet_codes", {})
    for excel_row in excel_rows:
        code = at.get(excel_row)
        noted[(sheet, excel_row)] = None if is_blank(code) else code


def _moved_to(tables: list, said: list) -> list[tuple]:
    """(the hamlet as written, Mã hộ, class, sheet, Excel row, head's name, birth year as read:
    a date cell then read in its file's calendar by _read_roster, session 50) of each row taken out under a move-out title naming a hamlet ('Hộ chuyển đi xóm Bản Cọ'),
    poor or near-poor and with a Mã hộ or a head's name: a household the head says moved to
    that hamlet, so that the figures see it moved out of this one, not gone from the lists,
    when that hamlet does not list it (session 31, QA C3). A row without a Mã hộ (None) is
    matched by its head's name and birth year (moves.said_moved_out_by_name, session 32)."""
    found = []
    for sheet, how, named, excel_rows, *_ in said:
        if how != "out" or not named:
            continue
        for name, _, rows in tables:
            if name != sheet:
                continue
            at = dict(zip(rows.excel_rows, range(len(rows.excel_rows)), strict=True))
            codes = rows.columns.get("ma_ho") or [None] * len(rows.excel_rows)
            classes = rows.columns.get("phan_loai") or [None] * len(rows.excel_rows)
            names = rows.columns.get("chu_ho") or [None] * len(rows.excel_rows)
            births = rows.columns.get("nam_sinh") or [None] * len(rows.excel_rows)
            for excel_row in excel_rows:
                i = at.get(excel_row)
                status = vocab.classification(classes[i]) if i is not None else None
                if status not in ("poor", "near_poor"):
                    continue
                if not is_blank(codes[i]):
                    found.append((named, codes[i], status, sheet, excel_row, names[i], births[i]))
                elif not is_blank(names[i]):
                    found.append((named, None, status, sheet, excel_row, names[i], births[i]))
    return found


def _struck_rows(book: Workbook, tables: list) -> list[tuple[str, list[int], str]]:
    """(sheet, Excel rows, the column letter) of the household rows whose Mã hộ or head's
    name is struck through (a head striking out a household that left, the list kept from
    last month), not written 'Thoát': counted as written, and said. Only sheets holding a
    struck cell (xlsx: Workbook.struck) are looked at."""
    found = []
    for sheet, header, rows in tables:
        struck = book.struck.get(sheet)
        if not struck:
            continue
        cols = [header.columns[k][0] for k in ("ma_ho", "chu_ho") if k in header.columns]
        classes = rows.columns.get("phan_loai") or [None] * len(rows.excel_rows)
        hit = [
            r
            for r, value in zip(rows.excel_rows, classes, strict=True)
            if any((r - 1, col) in struck for col in cols)
            and vocab.classification(value) != "exited"
        ]
        if hit:
            found.append((sheet, hit, column_letter(cols[0])))
    return found


TOTAL_LOOK = 8  # rows under a table's last household its 'Tổng cộng' row is looked for in
# '12', '12 hộ', '95 người', '95 khẩu' (folded); a thousands group after a dot, a comma or a
# space ('1.012 người', '1,012', '1 012': folded '1 012'; a count is whole, session 30)
_WHOLE_WRITTEN = r"(\d{1,3} \d{3}|\d{1,6})"
_WHOLE = lazyre.compile(_WHOLE_WRITTEN)
# A total row's count of households ('33 hộ', '33 hộ.', 'Có 33 hộ', '1.012 hộ'; session 30): a
# number as written, its digits joined by single separators ('1.012', '1,5', '1.013,5'), read
# from the text itself (folded, 'tháng 5: 120' would be '5 120'), then 'hộ' (folded). A plain
# space joins nothing: in a sentence it parts two numbers as well ('tháng 5 120 hộ').
_NUMBER_WRITTEN = lazyre.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f]\d+)*")
_GROUP_BEFORE = lazyre.compile(r"(?<![\w.,])\d{1,3} $")  # '1 ' of '1 012 hộ', '5 ' of 'tháng 5 120'
_HOUSEHOLDS_AFTER = lazyre.compile(r"ho\b")
_NAMES_A_CLASS = lazyre.compile(r"\b(?:ngheo|thoat)\b")  # 'cộng hộ nghèo', 'cộng thoát' (folded)


def households_written(text: str) -> int | None:
    """The count of households a total row's text writes ('Tổng cộng: 33 hộ' 33, 'Có 1.012
    hộ' 1012): the first number followed by 'hộ', read as a count of 'Thông tin' is (a
    thousands group after a dot, a comma or a no-break space, :data:`_WHOLE_WRITTEN`); None
    when there is none, when that number is no whole count ('1,5 hộ', '1.0 hộ', '1.012.345
    hộ'), or when it may be a thousands group after a plain space or the second of two numbers
    ('1 012 hộ', 'tháng 5 120 hộ': 1012 or 12, 5120 or 120, passed over)."""
    for number in _NUMBER_WRITTEN.finditer(text):
        if _HOUSEHOLDS_AFTER.match(fold(text[number.end() :])):
            written = number.group()
            if len(written) == 3 and _GROUP_BEFORE.search(text, 0, number.start()):
                return None
            whole = _WHOLE.fullmatch(fold(written))
            return int(whole.group(1).replace(" ", "")) if whole else None
    return None


# a count of households alone, folded ('4 hộ', '(4 hộ)'): written before a total's label
_COUNT_FIRST = lazyre.compile(r"\(?\d[\d.,]*\s*ho\)?")


def total_counts(
    book: Workbook, tables: list, sheet: str, block_at: int | None
) -> list[tuple[str, str, str, int, int, int]]:
    """(sheet, cell, text as written, households it says, rows read, rows read not written as
    exited) of each table's total row ('Tổng cộng | 33 hộ') under its last household that
    writes a count of households: the head's own count, to set beside the rows read (a row the
    reader did not take as a household, one typed twice, a total mistyped). A group's subtotal
    named by its class ('Cộng hộ nghèo', 'Cộng thoát', a class written anywhere in the row) is
    no total of the list; of several totals, the last. Only the few rows under the last household are looked at: nothing is
    added per household row. ``block_at``: the 0-based row where a 'Thông tin' block under
    the list on ``sheet`` begins ('Tổng số hộ dân cư: 150 hộ' is the hamlet's, no total)."""
    found = []
    for name, _, rows in tables:
        if not rows.excel_rows:
            continue
        grid = book.grid(name)
        last = rows.excel_rows[-1]  # 1-based: the index of the row under it
        end = min(len(grid), last + TOTAL_LOOK)
        if name == sheet and block_at is not None:
            end = min(end, block_at)
        total = None
        for index in range(last, end):
            texts = [(c, v) for c, v in enumerate(grid[index]) if isinstance(v, str) and v.strip()]
            first = fold(texts[0][1]) if texts else ""
            if len(texts) > 1 and _COUNT_FIRST.fullmatch(first):
                # the count under 'Mã hộ' before the label in the name's column ('| 4 hộ |
                # Tổng cộng |'): the label is the row's words (session 60, E), where it names
                # the whole list alone: '7 | 120 hộ | Cộng xóm | 400' numbered on from the
                # households is the hamlet's households and people, passed over unsaid
                # (session 24's summary line; the lead at the merge)
                if not plain_total(texts[1][1]):
                    continue
                first = fold(texts[1][1])
            if (
                not starts_with_marker(first, TOTAL_MARKERS)
                or "dan cu" in first  # 'Tổng số hộ dân cư' (the hamlet's households)
                # a class named anywhere in the row ('Tổng số: 2 hộ | … | Hộ cận nghèo'): a
                # class's subtotal, not the list's total
                or any(_NAMES_A_CLASS.search(fold(v)) for _, v in texts)
            ):
                continue
            for col, value in texts:
                said = households_written(value)
                if said is not None:
                    total = (f"{column_letter(col)}{index + 1}", value, said)
                    break
        if total is not None:
            read = len(rows.excel_rows)
            exited = 0
            if total[2] != read:  # the rows written 'Thoát' counted only when asked
                written = rows.columns.get("phan_loai") or ()
                classes = set(written)
                # as written, or normalised (the plan's start list: plan._start_count_issues)
                gone = {v for v in classes if v == "exited" or vocab.classification(v) == "exited"}
                exited = sum(1 for v in written if v in gone)
                if total[2] != read - exited and _one_class(total[2], written):
                    continue  # one class's count ('2 hộ' of 2 poor, 1 near-poor): as bare
            found.append((name, total[0], clean_text(total[1]), total[2], read, read - exited))
    return found


def _one_class(said: int, written: Collection) -> bool:
    """Whether ``said`` households are the rows of one class as ``written`` (the class column's
    cells, as written or normalised: 'Hộ nghèo', 'poor'): a total's count of the poor alone
    (=COUNTIF), as a bare count may be (tables.table_rows; session 61)."""
    by_class: dict[str, int] = {}
    for value in written:
        if value.__class__ is not str or not value.strip():
            continue
        key = value if value in ("poor", "near_poor", "exited") else vocab.classification(value)
        if key:
            by_class[key] = by_class.get(key, 0) + 1
    return said > 0 and said in by_class.values()


INFO_COUNT_REACH = 6  # rows past a 'Thông tin' block on a list's sheet such a count is read in
_COUNT_WRITTEN = lazyre.compile(_WHOLE_WRITTEN + r"(?: ?ho)?")
_PEOPLE_WRITTEN = lazyre.compile(_WHOLE_WRITTEN + r"(?: ?(?:nguoi|khau|nhan khau))?")


def _info_counts(
    book: Workbook, info_sheet: str | None, info: dict[str, KeyValue], tables: list
) -> list[tuple[str, str, str, str, int]]:
    """(sheet, cell, kind 'poor', 'near_poor', 'exited' or 'people', the value as written, the
    count it says) of each count of households by class, or of their people, written in the
    list's 'Thông tin' block (:data:`INFO_COUNT_LABELS`). On a sheet of its own the block's sheet is looked at; on a
    list's sheet only the block's rows and the few under it, less household rows. A value that
    is no count ('mười hai', blank) is passed over."""
    if info_sheet is None or not info:
        return []
    try:
        grid = book.grid(info_sheet)
    except ReadError:
        return []
    households = {r for name, _, rows in tables if name == info_sheet for r in rows.excel_rows}
    if households or any(name == info_sheet for name, _, _ in tables):
        rows_at = [kept.row for kept in info.values()]
        low, high = min(rows_at) - 1, max(rows_at) + INFO_COUNT_REACH
        grid = [row if low <= index < high and index + 1 not in households else []
                for index, row in enumerate(grid[:high])]  # fmt: skip
    found = []
    for kind, kept in read_key_values(grid, INFO_COUNT_LABELS, True).items():
        if isinstance(kept.value, bool) or kept.value is None:
            continue
        if isinstance(kept.value, (int, float)):
            said = parse_count(kept.value)
        else:
            written = _PEOPLE_WRITTEN if kind == "people" else _COUNT_WRITTEN
            match = written.fullmatch(fold(kept.value))
            said = int(match.group(1).replace(" ", "")) if match else None
        if said is not None and said >= 0:
            found.append((info_sheet, kept.cell, kind, clean_text(kept.value), said))
    return found


def _title_cells(grid: list[list], header) -> list[str]:
    """The written cells above a table's header (its title rows), as text."""
    return [clean_text(v) for row in grid[: header.first_row] for v in row if not is_blank(v)]


def _title_hamlet(cells: list[str], with_group: bool = False) -> str:
    """The hamlet a title names: '… XÓM NÀ MÒN – THÁNG 5/2024' gives 'NÀ MÒN', '… XÓM ĐỒNG MỎ –
    LÀNG MỚI – THÁNG 5/2024' 'ĐỒNG MỎ – LÀNG MỚI' (a dash before words that are no title's
    own, :data:`_AFTER_DASH`, is read on: text.title_readings cuts it where the plan has no such
    name), '… TỔ DÂN PHỐ SỐ 12' 'TỔ DÂN PHỐ SỐ 12', '… TDP 12' 'TDP 12', '… TỔ 3 XÓM NÀ MÒN' (a
    group written before its hamlet) 'NÀ MÒN' (session 40), and '… XÓM NÀ MÒN TỔ 3', '… XÓM NÀ
    MÒN - TỔ 3' (after it) 'NÀ MÒN' (session 41; text.without_group: not after a town's unit,
    'KHU PHỐ 3 TỔ 5' is read whole and the plan decides, HamletMatcher.match_title). ``with_group``: that group kept ('NÀ MÒN TỔ
    3'), for a plan that names a hamlet so (session 41 review)."""
    for text in cells:
        match = _TITLE_HAMLET.search(text)
        group = _GROUP_BEFORE_HAMLET.match(text, match.start(1)) if match else None
        if group is not None:  # 'TỔ 3 XÓM NÀ MÒN': Nà Mòn's group 3, the hamlet 'NÀ MÒN'
            match = _TITLE_HAMLET.search(text, group.end())
        # A blank left in the form ('XÓM ........ – THÁNG 5', 'XÓM  – THÁNG 5', 'TỔ DÂN PHỐ
        # ……', 'TỔ ……') names none.
        name = match.group(1) if match else ""
        if match and match.start(1) > match.start() and not with_group:  # its group left out
            # 'XÓM ...... TỔ 3': the form's blank in dots, read over, then the group (review)
            blank = " " if ".." in text[match.start() : match.start(1)] else ""
            name = without_group(blank + name)
        name = name.strip(PLACEHOLDER_MARKS)
        bare = _UNIT_FIRST.sub("", fold(name))
        if any(ch.isalnum() for ch in bare) and not _TITLE_AFTER_HAMLET.match(name):
            return name
    return ""


def heading_hamlet(matcher, named: str, text: str) -> tuple[str | None, str]:
    """The plan hamlet a title or heading ``text`` names (``named``: its hamlet as read, a
    group after it left out, :func:`_title_hamlet`), and the name to say: the title read with
    its group where the plan names a hamlet so ('XÓM NÀ MÒN TỔ 4': 'Nà Mòn Tổ 4'), else
    ``named`` by its readings (HamletMatcher.match_title). Session 41 review."""
    from pipeline.hamlets import roman_read_as_number

    full = _title_hamlet([text], with_group=True)
    there = matcher.match(full) if full else None
    if there is not None and not roman_read_as_number(full, there):  # 'tổ Vi' (session 56)
        return there, full
    return matcher.match_title(named), named


def unit_by_number(named: str) -> bool:
    """Whether a hamlet read from a title (:func:`_title_hamlet`) is a 'tổ' or a 'khu' by its
    number ('tổ 2', 'KHU 4', 'Khu số 4A'): in a village's list a group of its own or a plan's
    hamlet so named, its rows noted for the plan (_other_hamlet_rows; session 55)."""
    folded = fold(named)
    return bool(_GROUP.match(folded) or _ZONE.match(folded))


def lengthens_own(named: str, readings: Collection[str]) -> bool:
    """Whether a hamlet read from a heading (``named``) is one of the list's own hamlet's
    ``readings`` with words after it and no number among them ('Nà Mòn mới', 'NÀ MÒN CŨ' of
    'Nà Mòn'; not 'Nà Mòn 2', 'NÀ MÒN II', a hamlet of its own as for
    HamletMatcher.written_for, which reads a Roman number as its value: session 57 review).
    Session 57."""
    words = _HAMLET_WORD_START.sub("", unit_number_form(named)).split()
    for reading in readings:
        own = _HAMLET_WORD_START.sub("", unit_number_form(reading)).split()  # 'Xóm Nà Mòn'
        if own and len(words) > len(own) and words[: len(own)] == own:
            after = words[len(own) :]
            return not any(_NUMBERED_WORD.match(word) for word in after)
    return False


def shortens_own(named: str, readings: Collection[str]) -> bool:
    """Whether a hamlet read from a heading (``named``) is one of the list's own hamlet's
    ``readings`` cut short: 'Nà Mòn' of 'Nà Mòn Mới', its name before the plan renamed it
    (session 58), or 'Bản Cọ' of 'Bản Cọ 2', its name before the plan numbered it (session
    58, E2): the mirror of :func:`lengthens_own`, the plan deciding (another hamlet where it
    has one so named, as for HamletMatcher.written_for; the list's own where it has none)."""
    words = _HAMLET_WORD_START.sub("", unit_number_form(named)).split()
    if not words:
        return False
    for reading in readings:
        own = _HAMLET_WORD_START.sub("", unit_number_form(reading)).split()  # 'Xóm Nà Mòn Mới'
        if len(own) > len(words) and own[: len(words)] == words:
            return True
    return False


# A word holding a digit ('2', '4a') or a Roman number alone ('ii', 'xii'), folded
_NUMBERED_WORD = lazyre.compile(rf"(?:\w*\d|{ROMAN_NUMBER}$)")


def names_own(named: str, own: Collection[str], group_cut: bool = False) -> bool:
    """Whether a hamlet read from a title (:func:`_title_hamlet`) is one of ``own``
    (:func:`hamlet_key`s): the whole name, or the name cut at a dash ('Bản Cọ' of 'BẢN CỌ – ĐỢT
    2'; text.title_readings), without the plan, which the reader does not have. ``group_cut``:
    also the name before a group after it, as the matcher reads a title (text.title_tries):
    'KHU PHỐ 3 TỔ 2' over rows of the list of 'Khu phố 3', which the plan takes out where it
    names 'Khu phố 3 Tổ 2' (consolidate._named_by_plan; session 41 review). Not for a move
    out: the plan does not decide those."""
    readings = title_tries(named) if group_cut else title_readings(named)
    return any(hamlet_key(reading) in own for reading in readings)


def _read_roster(book: Workbook, sub: Submission, settled: str | None = None) -> list[Issue]:
    """Read ``sub``'s list from ``book``. ``settled``: the list's period once told, when it
    is read again for it (a column split by months chosen by another month, below)."""
    issues: list[Issue] = []
    info_sheet = book.find_sheet(ROSTER_INFO_SHEET)
    info, slips, twice = {}, {}, []
    if info_sheet:
        grid = book.grid(info_sheet)  # before its hidden rows are asked: it finds them
        info, slips, twice = _roster_info(grid, book.hidden_rows.get(info_sheet))
    sub.extra["info_formulas"], sub.extra["info_formula_texts"] = _info_formulas(
        book, info_sheet, info
    )
    sub.extra["info_errors"] = _info_errors(book, info_sheet, info)
    declared_roster = fold(info.get("form_type", (None, 0))[0]) == fold(FORM_TYPE_ROSTER)
    other_months: list = []  # list sheets naming another month than 'Kỳ báo cáo'
    period = parse_period(info["period"][0]) if "period" in info else None
    if period is None:  # no 'Kỳ báo cáo': the month the file name says ('DS_NaMon_T5_2024')
        period = find_period_in_text(Path(sub.file).name)
    period = settled or period
    headers: dict = {}  # each visible sheet's header, found once
    sheet, header = _roster_sheet(book, period, other_months, headers)
    sub.extra["sheets_of_other_months"] = other_months
    if sheet is None:
        if declared_roster:
            sub.kind = "roster"
            sub.status = "rejected"
            issues.append(Issue("no-roster-sheet", file=sub.file, sheet=ROSTER_LIST_SHEET))
            _take_info(sub, info, info_sheet, slips, twice)
        return issues
    sub.kind = "roster"
    sub.sheet = sheet
    block_at = None  # 0-based row of a 'Thông tin' block under the list, where its rows end
    if info_sheet is None:  # 'Thông tin' named otherwise ('TT', 'Sheet2'): found by its labels
        info_sheet, info, slips, twice = _info_by_content(book, sheet, header.first_row)
        if info_sheet is None:  # else written under the list, on its own sheet
            info_sheet, info, slips, twice, block_at = _info_below(book, sheet, header)
        if info_sheet is None:  # a total its title writes and no count read, to quote
            sub.extra["title_total"] = title_total_unread(book, sheet, header.first_row)
        sub.extra["info_formulas"], sub.extra["info_formula_texts"] = _info_formulas(
            book, info_sheet, info
        )
        sub.extra["info_errors"] = _info_errors(book, info_sheet, info)
    grid = book.grid(sheet)
    sub.extra["header"] = header
    sub.extra["rows"] = _households(book, sheet, header, block_at)
    sub.extra["tables"] = [
        (sheet, header, sub.extra["rows"]),
        *_more_tables(book, sheet, sub.extra["rows"], sub, {n for n, _ in other_months}, headers,
                      period),
    ]  # fmt: skip
    for name, table_header, rows in sub.extra["tables"]:
        settle_twice(book.grid(name), table_header, rows)  # a header written twice: by its rows
    # The title rows: those above the header, less a 'Thông tin' block's lines written there
    # ('Ngày lập: 03/06/2024' names no month of the list's title)
    block = {kept.row - 1 for kept in info.values()} if info_sheet == sheet else set()
    above = [[] if r in block else row for r, row in enumerate(grid[: header.first_row])]
    cells = [clean_text(v) for row in above for v in row if not is_blank(v)]
    sub.extra["title_cells"] = cells
    # where each is, for a message naming a hamlet its words tell (consolidate: session 52)
    sub.extra["title_cells_at"] = [f"{column_letter(c)}{r + 1}" for r, row in enumerate(above)
                                   for c, v in enumerate(row) if not is_blank(v)]  # fmt: skip
    named = sub.extra["title_hamlet"] = _title_hamlet(cells)  # what follows 'XÓM', if anything
    own = clean_text(info["hamlet"][0]) if "hamlet" in info else ""  # else its title's
    read_tables = sub.extra["tables"]
    sub.extra["tables"], sub.extra["rows_of_other_hamlet"], by_reading = _other_hamlet_rows(
        book, read_tables, own or named, titled=not own
    )
    if by_reading:  # whose they are told by the plan's names (consolidate.moved_where_listed)
        sub.extra["rows_by_reading"] = by_reading
    if sub.extra["rows_of_other_hamlet"]:
        sub.extra["moved_to"] = _moved_to(read_tables, sub.extra["rows_of_other_hamlet"])
        # whose list holds them is asked once the month's lists are counted (session 55, L)
        for name, how, _, excel_rows, *_ in sub.extra["rows_of_other_hamlet"]:
            if how in ("title", "column"):
                rows = next(rows for sheet, _, rows in read_tables if sheet == name)
                note_codes_taken(sub, name, rows, excel_rows)
    sub.extra["total_counts"] = total_counts(book, sub.extra["tables"], sheet, block_at)
    sub.extra["info_counts"] = _info_counts(book, info_sheet, info, sub.extra["tables"])
    sub.extra["struck_rows"] = _struck_rows(book, sub.extra["tables"])
    # a text struck in part, read as the text left (opening.Workbook.struck_parts; session 66):
    # said on the sheets the list and its 'Thông tin' are read from, not on a notes sheet
    # looked through (session 66, RH)
    read_from = {t[0] for t in read_tables} | {info_sheet}
    sub.extra["struck_parts"] = [
        (name, f"{column_letter(c)}{r + 1}", struck, kept)
        for name, cells in book.struck_parts.items()
        if name in read_from
        for (r, c), (struck, kept) in sorted(cells.items())
    ]
    # What the title of each further table's sheet names after 'XÓM' (consolidate.
    # other_hamlet_sheets: another hamlet's list kept in this file is not this hamlet's)
    sub.extra["table_titles"] = {
        name: _title_hamlet(_title_cells(book.grid(name), table_header))
        for name, table_header, _ in sub.extra["tables"][1:]
    }
    sub.rows_read = sum(len(rows) for _, _, rows in sub.extra["tables"])
    if not sub.rows_read:
        sub.extra["hidden_list"] = _hidden_list(book)
    if sub.rows_read > MAX_HOUSEHOLD_ROWS:
        last = max(max(rows.excel_rows, default=0) for _, _, rows in sub.extra["tables"])
        rows = Message(f"{format_vn(sub.rows_read, 0)} dòng hộ",
                       f"{format_en(sub.rows_read, 0)} household rows")  # fmt: skip
        raise ReadError("too-many-rows", rows, sheet=sheet, value=f"A{last}")
    sub.extra["class_marks"] = [
        (sheet, *problem)
        for sheet, header, rows in sub.extra["tables"]
        for problem in classes_from_marks(
            book.mark_grid(sheet, mark_columns(header), below=header.last_row + 1),
            header,
            rows,
            book.merges(sheet),
        )
    ]
    sub.extra["classes_under"] = _classes_under(book, sub.extra["tables"])
    sub.extra["classes_alone"] = _classes_alone(book, sub.extra["tables"], sheet, block_at)
    start_read = _start_read(sub.extra["tables"], sub.extra["class_marks"])
    sub.extra["formula_cells"] = household_cells(book.formulas, sub.extra["tables"], start_read)
    sub.extra["error_cells"] = household_cells(book.errors, sub.extra["tables"], start_read)
    sub.extra["hidden_households"] = _hidden_households(book, sub.extra["tables"])
    sub.extra["codes_as_numbers"] = codes_as_numbers(sub.extra["tables"])
    # here, in the reader's process: the cells are not needed after; a date cell where a number
    # is due is read as the program that saved the file counts days (normalise.day_number):
    # the file asked only then (opening.Workbook.days_counted)
    # a row taken out under a move-out title keeps its birth year as written (_moved_to): one
    # typed in a date cell is read in the same calendar as the list's own rows (session 50,
    # review; moves.said_moved_out_by_name finds the household by it)
    moved = sub.extra.get("moved_to") or ()
    born_dated = any(isinstance(entry[6], (date, datetime)) for entry in moved)
    dated = born_dated or any(holds_dates(rows) for _, _, rows in sub.extra["tables"])
    days = book.days_counted() if dated else None
    for _, _, rows in sub.extra["tables"]:
        normalise_table(rows, days=days)
    if born_dated:
        births = normalise_column("nam_sinh", [entry[6] for entry in moved], days)
        sub.extra["moved_to"] = [
            (*entry[:6], born) for entry, born in zip(moved, births, strict=True)
        ]
    if named:  # the cell that says it, for a warning to point at
        sub.extra["title_hamlet_cell"] = next(
            (f"{column_letter(c)}{r + 1}" for r, row in enumerate(above)
             for c, v in enumerate(row) if not is_blank(v) and named in clean_text(v)), ""
        )  # fmt: skip
    # the title cell naming a month, for a warning to point at when the period is taken from it
    sub.extra["title_period_cell"] = next(
        (f"{column_letter(c)}{r + 1}" for r, row in enumerate(above)
         for c, v in enumerate(row) if not is_blank(v) and find_period_in_text(clean_text(v))),
        "",
    )  # fmt: skip
    _take_info(sub, info, info_sheet, slips, twice)
    _typed_formulas(book, sub)
    if (
        settled is None
        and sub.period is not None
        and sub.period != period
        and any(h.timed for _, h, _ in sub.extra["tables"])
    ):
        # the list's month told by its title ('… THÁNG 5/2024', no 'Kỳ báo cáo'), not the
        # month that chose which of a column split by months is read: read again for it
        sub.extra.pop("hidden_list", None)
        return _read_roster(book, sub, sub.period)
    return issues


CLASSES_SAMPLE = 40  # values of a column looked at to tell whether it holds classifications


def _classes_under(book: Workbook, tables: list) -> dict[str, tuple[int, str]]:
    """sheet -> (column, header) of the one column not recognised whose values are the
    household classifications ('Hộ nghèo', 'HCN', 'Thoát'), in a table without a 'Phân loại hộ'
    column: the column to rename (a header 'Hộ nghèo/cận nghèo' shares no word with the
    template's). At least two values, nine in ten of them read as a class; the first
    :data:`CLASSES_SAMPLE` written values of the column are looked at."""
    found = {}
    for sheet, header, rows in tables:
        if "phan_loai" in header.columns or not header.unknown:
            continue
        grid = book.grid(sheet)
        holding = []
        for col, text in header.unknown:
            values = []
            for excel_row in rows.excel_rows:
                row = grid[excel_row - 1]
                if col < len(row) and not is_blank(row[col]):
                    values.append(row[col])
                    if len(values) == CLASSES_SAMPLE:
                        break
            named = sum(vocab.classification(v) is not None for v in values)
            if len(values) >= 2 and named * 10 >= len(values) * 9:
                holding.append((col, text))
        if len(holding) == 1:
            found[sheet] = holding[0]
    return found


def _classes_alone(
    book: Workbook, tables: list, main: str, end: int | None
) -> list[tuple[str, int, str, str, str]]:
    """(sheet, Excel row, cell, column, class) of each row under a list's header that writes a
    class in 'Phân loại hộ' ('Hộ nghèo' picked from its drop-down) and nothing else but its
    STT, a number: not read as a household row (tables.table_rows), and no section's heading
    ('I | Hộ nghèo'). The cell
    is the head's name's, the column its header (said by rosterchecks.header_issues). Rows
    are looked at down to the signatures under the last household (``end``: where a
    'Thông tin' block under ``main``'s list begins, :func:`_info_below`)."""
    found = []
    for sheet, header, rows in tables:
        if "phan_loai" not in header.columns:
            continue  # classes marked in columns of their own: not looked at here
        col = header.columns["phan_loai"][0]
        name_col, name = header.columns.get("chu_ho", (col, "Họ và tên chủ hộ"))
        stt = header.columns.get("stt", (-1,))[0]
        grid = book.grid(sheet)
        last = max(rows.excel_rows, default=0)
        stop = min(len(grid), end) if end is not None and sheet == main else len(grid)
        # the households of every list on the sheet, and the next list's header, where this
        # list has ended
        taken = {r for on, _, more in tables if on == sheet for r in more.excel_rows}
        later = [
            h.first_row for on, h, _ in tables if on == sheet and h.first_row > header.last_row
        ]
        stop = min([stop, *later])
        # a class cell merged across columns is a section's heading ('HỘ NGHÈO' over the row)
        across = {r1 for r1, c1, _, c2 in book.merges(sheet) if c1 == col and c2 > c1}
        for index in range(header.last_row + 1, stop):
            raw = grid[index]
            if index + 1 in taken or col >= len(raw) or is_blank(raw[col]):
                if index + 1 > last and signs_a_list(raw):
                    break  # the signatures under the list: it has ended
                continue
            # nothing else written but its STT, a number: 'I | Hộ nghèo' is a section's heading
            others = [c for c, v in enumerate(raw) if c != col and not is_blank(v)]
            if others and (others != [stt] or parse_whole(raw[stt]) is None) or index in across:
                continue
            text = clean_text(raw[col])
            if text.isupper() or text.endswith(":"):
                continue  # 'HỘ NGHÈO', 'Hộ nghèo:' alone: a heading; the drop-down gives 'Hộ nghèo'
            if vocab.classification(raw[col]) is not None:
                cell = f"{column_letter(name_col)}{index + 1}"
                found.append((sheet, index + 1, cell, name, clean_text(raw[col])))
    return found


def _read_columns(header, start: bool = False) -> list[tuple[str, tuple[int, str]]]:
    """(key, (column, header)) of each column a household's values are read from: the class's
    mark columns in place of the one its key names (classmarks.class_mark_columns), and with
    ``start`` its marks at the start of the period too ('Đầu kỳ', ``header.start_marks``), each
    named as every message names it (classmarks.mark_names: 'Hộ nghèo', 'Đầu kỳ Hộ nghèo';
    the rows joined before session 50's review)."""
    if not header.marks:
        return list(header.columns.items())
    named = mark_names(header)
    marks = [("phan_loai", (col, named[col])) for col, *_ in header.marks]
    if start:
        marks += [("phan_loai", (col, named[col])) for col, *_ in header.start_marks]
    return [item for item in header.columns.items() if item[0] != "phan_loai"] + marks


def _start_read(tables: list, class_marks: list[tuple]) -> dict[str, set[int]]:
    """sheet -> the Excel rows of a 'Đầu kỳ | Cuối kỳ' list whose class is read from their
    'Đầu kỳ' marks (classmarks.classes_from_marks): nothing under 'Cuối kỳ', so read as exited
    at their one 'Đầu kỳ' mark, or said marked nowhere (class-marks-none). A formula without a
    value or an error value there decides the row's class as much as one under 'Cuối kỳ'; in
    any other row the 'Đầu kỳ' cells are not read."""
    found: dict[str, set[int]] = {}
    for sheet, header, rows in tables:
        if not getattr(header, "start_marks", None):
            continue
        starts = {col for col, *_ in header.start_marks}
        there = rows.elsewhere.get("phan_loai", {})
        found.setdefault(sheet, set()).update(
            row for row, (col, _) in there.items() if col in starts
        )
    for sheet, row, code, *_ in class_marks:
        if code == "class-marks-none" and sheet in found:
            found[sheet].add(row)
    return found


def cell_columns(header, start: bool = False) -> list[tuple[str, int, str]]:
    """(key, column, header) of each column whose formulas without values and error values
    :func:`household_cells` says: every column a household's values are read from
    (:func:`_read_columns`, ``start`` as there) but a number or a note (``_FORMULA_HARMLESS``)."""
    return [(key, col, text) for key, (col, text) in _read_columns(header, start)
            if key not in _FORMULA_HARMLESS]  # fmt: skip


def household_cells(
    by_sheet: dict, tables: list, start_read: dict[str, set[int]]
) -> list[tuple[str, int, str, str, str, str]]:
    """(sheet, Excel row, cell, column key, header, what it shows) of the household cells
    ``by_sheet`` holds for each sheet (``Workbook.formulas``: a formula but no calculated value,
    the formula as written ('=SUM(H5:H10)') where the file's scan kept it, else '';
    ``Workbook.errors``: an error value, '#REF!', '#N/A'): read as blank, the row must not
    count as if they were. The 'Đầu kỳ' marks in the rows read from them (``start_read``,
    :func:`_start_read`); not a number or a note (``_FORMULA_HARMLESS``)."""
    found = []
    for sheet, header, rows in tables:
        cells = by_sheet.get(sheet)
        if not cells:
            continue
        starting = start_read.get(sheet, set())
        held = {col for _, col in cells}  # each row looked at in these columns only (issue #6)
        both = [[c for c in cell_columns(header, start) if c[1] in held] for start in (False, True)]
        for excel_row in rows.excel_rows:
            for key, col, text in both[excel_row in starting]:
                if (excel_row - 1, col) in cells:
                    cell = f"{column_letter(col)}{excel_row}"
                    shown = cells.get((excel_row - 1, col)) if isinstance(cells, dict) else ""
                    found.append((sheet, excel_row, cell, key, text, shown or ""))
    return found


def codes_as_numbers(tables: list) -> list[tuple[str, int]]:
    """(sheet, Excel row) of each 'Mã hộ' cell holding a whole number of 9 to 11 digits, read
    before the tables are normalised (the code is then its text, '19088776655', as one typed as
    text is): a CCCD typed into a Number cell, its leading 0 lost (Excel keeps 019088776655 as
    19088776655; a province's code 001-009 loses two, 001088776655 kept as 1088776655), told as
    the ID number it is (rosterchecks.ids_as_codes; sessions 51, 52); a mobile number, its 0
    lost (0345678901 kept as 345678901), told as no old CMND (session 52 review). Most lists'
    codes are text: a column holding no number is told so by one pass in C."""
    found = []
    for sheet, _, rows in tables:
        raw = rows.columns.get("ma_ho")
        if not raw or rows.normalised:
            continue
        kinds = set(map(type, raw))
        if int not in kinds and float not in kinds:
            continue
        for excel_row, value in zip(rows.excel_rows, raw, strict=False):
            kind = value.__class__
            if (kind is int or (kind is float and value.is_integer())) and (
                10**8 <= value < 10**11
            ):
                found.append((sheet, excel_row))
    return found


def _hidden_households(book: Workbook, tables: list) -> list[tuple[str, list[int], bool, str]]:
    """(sheet, Excel rows, hidden by a filter, the list's exit word as written) of the household
    rows hidden in each table (``Workbook.hidden_rows``; a blank, note, total or signature row
    hidden is no household row). A row whose class says it left ('Thoát') is not among them:
    hidden or not, it is counted as what it says. The exit word is the first class the list
    writes for an exited household ('Thoát nghèo'), '' when it writes none. Before the rows are
    normalised: the classes as written."""
    found = []
    for sheet, _, rows in tables:
        runs = book.hidden_rows.get(sheet)
        if not runs:
            continue
        classes = rows.columns.get("phan_loai") or [None] * len(rows.excel_rows)
        hidden, filtered, exit_word = [], False, ""
        for excel_row, value in zip(rows.excel_rows, classes, strict=True):
            exited = vocab.classification(value) == "exited"
            if exited and not exit_word and isinstance(value, str):
                exit_word = clean_text(value)
            by_filter = hidden_by(runs, excel_row - 1)
            if by_filter is not None and not exited:
                hidden.append(excel_row)
                filtered = filtered or by_filter
        if hidden:
            found.append((sheet, hidden, filtered, exit_word))
    return found


def _info_formulas(
    book: Workbook, info_sheet: str | None, info: dict
) -> tuple[dict[str, str], dict[str, str]]:
    """{key: cell} of the 'Thông tin' values read blank because their row holds a formula with
    no calculated value (calamine reads such a cell as empty), and {key: formula} of those whose
    formula the file's scan kept ('=Nà Mòn', for the message saying what to write)."""
    cells = book.formulas.get(info_sheet) if info_sheet else None
    if not cells:
        return {}, {}
    found, texts = {}, {}
    for key, kept in info.items():
        if is_blank(kept.value):
            columns = sorted(col for row, col in cells if row == kept.row - 1)
            if columns:
                found[key] = f"{column_letter(columns[0])}{kept.row}"
                text = cells.get((kept.row - 1, columns[0])) if isinstance(cells, dict) else None
                if text:
                    texts[key] = text
    return found, texts


def _info_errors(book: Workbook, info_sheet: str | None, info: dict) -> dict[str, tuple[str, str]]:
    """{key: (cell, error shown)} of the 'Thông tin' values read blank because their cell shows
    an error ('#REF!', '#N/A'; calamine reads such a cell as empty): the value's cell, or the
    first cell right of it in its row that shows one ("Xóm | | #REF!")."""
    cells = book.errors.get(info_sheet) if info_sheet else None
    if not cells:
        return {}
    found = {}
    for key, kept in info.items():
        position = cell_position(kept.cell)
        if is_blank(kept.value) and position is not None:
            row, first = position
            shown = sorted((col, error) for (r, col), error in cells.items()
                           if r == row and first <= col < first + VALUE_REACH)  # fmt: skip
            if shown:
                col, error = shown[0]
                found[key] = (f"{column_letter(col)}{kept.row}", error)
    return found


def _typed_formulas(book: Workbook, sub: Submission) -> None:
    """Note the formula of a 'Ngày lập' or 'Kỳ báo cáo' read as no date or month from the value
    Excel worked out for it ('=5-6-24' typed in Excel is saved as 5 − 6 − 24 = −25, '=05/2024'
    as 5 ÷ 2024): rosterchecks says the value typed after '=' (session 41). Only such a cell's
    sheet is searched."""
    sheet = sub.extra.get("info_sheet")
    if sheet is None:
        return
    for key, read, raw in (("period", sub.period, sub.extra.get("period_raw")),
                           ("prepared_on", sub.prepared_on, sub.extra.get("prepared_raw"))):  # fmt: skip
        if read is not None or is_blank(raw) or isinstance(raw, str):
            continue
        cell = sub.extra["info_cells"].get(key)
        formula = book.formula_at(sheet, cell) if cell else ""
        if formula:
            sub.extra.setdefault("info_typed_formulas", {})[key] = formula


def _take_info(
    sub: Submission, info: dict, info_sheet: str | None, slips: dict, twice: list[Twice]
) -> None:
    """Hamlet, period, totals from 'Thông tin', or from the title rows and file name.
    ``slips``: {key: value as written} of the values read past a leading '='; ``twice``: its
    labels written twice with another value (keyvalues.read_key_values), said by
    rosterchecks.info_issues."""
    sub.extra["info_sheet"] = info_sheet
    sub.extra["info_slips"] = slips
    sub.extra["info_twice"] = twice
    sub.extra["info_rows"] = {key: found.row for key, found in info.items()}
    sub.extra["info_cells"] = {key: found.cell for key, found in info.items()}
    value = lambda key: info[key].value if key in info else None  # noqa: E731
    sub.hamlet_raw = clean_text(value("hamlet"))
    sub.commune_raw = clean_text(value("commune"))
    sub.extra["period_raw"] = value("period")
    sub.period = parse_period(value("period"))
    swapped = month_day_swapped(value("period"), value("prepared_on"))
    if swapped is not None:
        # a date cell typed '01/05/2024' on an Excel reading month first, kept as 5 January: May
        # where the title says May and not January (said: period-month-day). Not the file name:
        # its numbers may be the hamlet's ('DS_Xom10_2024.xlsx' reads as 10/2024), and a month
        # read wrongly so moves a list to another month (session 44 review).
        told = [find_period_in_text(c) for c in sub.extra.get("title_cells", [])]
        if swapped in told and sub.period not in told:
            sub.extra["period_month_day"] = sub.period
            sub.period = swapped
    short = parse_short_year_period(value("period")) if sub.period is None else None
    if short is not None:
        # '05/24' is May 2024 only where the title or the file name says so too: '01/05'
        # may as well be a day and month, and is not taken for January 2005.
        told = [find_period_in_text(c) for c in sub.extra.get("title_cells", [])]
        if short in (*told, find_period_in_text(Path(sub.file).stem)):
            sub.period = short
            sub.extra["period_short_year"] = True
    month = parse_month_only(value("period")) if sub.period is None and short is None else None
    if month is not None:
        # 'tháng 5' (no year): the year of the file name when it names that month too; else
        # the plan's, once it is known (take_plan_year). Said at the cell (period-no-year).
        sub.extra["period_month_only"] = month
        named = find_period_in_text(Path(sub.file).stem)
        if named is not None and int(named[5:]) == month:
            sub.period = named
            sub.extra["period_year_from"] = "file name"
    sub.prepared_on = parse_prepared_date(value("prepared_on"))  # '5-6-24' too
    sub.extra["prepared_raw"] = value("prepared_on")
    sub.extra["total_raw"] = value("total_households")
    cells = sub.extra.get("title_cells", [])
    if not sub.hamlet_raw:
        sub.hamlet_raw = _title_hamlet(cells)
        if _ZONE.fullmatch(fold(sub.hamlet_raw)):
            # 'KHU 4' alone names the hamlet only where the plan has it, which the title's
            # search for the plan's names finds (consolidate); else a part of a hamlet or
            # another commune's place, no hamlet to refuse the list for (session 55)
            sub.hamlet_raw = ""
        if sub.hamlet_raw:
            sub.extra["hamlet_from"] = "title"
    if sub.period is None and is_blank(value("period")):
        sub.period = next((p for p in map(find_period_in_text, cells) if p), None)
        if sub.period:
            sub.extra["period_from"] = "title"
        else:
            sub.period = find_period_in_text(Path(sub.file).stem)
            if sub.period:
                sub.extra["period_from"] = "file name"
