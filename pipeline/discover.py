"""Discover: walk the input folder, open each file, tell plan from roster by content.

Knows nothing about columns beyond finding the header row; reading a
roster's rows is done here so that each file is handled in one pass (and,
at scale, in one worker process).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pipeline.read import (
    SPREADSHEET_SUFFIXES,
    ReadError,
    Workbook,
    find_header,
    open_workbook,
    read_key_values,
    table_rows,
)
from pipeline.text import clean_text, find_period_in_text, fold, is_blank, parse_date, parse_period
from pipeline.types import Issue, Submission
from schemas.columns import (
    FORM_TYPE_PLAN,
    FORM_TYPE_ROSTER,
    PLAN_INFO_SHEET,
    ROSTER_COLUMNS,
    ROSTER_INFO_LABELS,
    ROSTER_INFO_SHEET,
    ROSTER_LIST_SHEET,
    SIGNATURE_MARKERS,
    TOTAL_MARKERS,
)

IDENTITY_KEYS = ("ma_ho", "chu_ho", "nhan_khau", "phan_loai")
_JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


def list_input_files(input_dir: Path) -> list[Path]:
    """Every file under the folder, sorted, hidden folders left out."""
    found = []
    for root, dirs, files in os.walk(input_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            found.append(Path(root) / name)
    return found


def relative_name(path: Path, input_dir: Path) -> str:
    try:
        return path.relative_to(input_dir).as_posix()
    except ValueError:
        return path.name


def inspect_file(path: Path, rel: str) -> tuple[Submission, list[Issue], Workbook | None]:
    """What a file is ('plan' | 'roster' | 'skipped'), with a roster's info and rows read."""
    sub = Submission(file=rel, path=path)
    try:
        sub.mtime = path.stat().st_mtime
    except OSError:
        pass
    name = path.name
    if name.startswith("~$") or name.lower() in _JUNK_NAMES or name.startswith("."):
        sub.extra["skip_reason"] = "tệp tạm/hệ thống"
        return sub, [], None
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES:
        sub.extra["skip_reason"] = path.suffix.lower() or "không có phần mở rộng"
        return sub, [Issue("file-skipped", file=rel, detail=sub.extra["skip_reason"])], None
    try:
        book = open_workbook(path)
    except ReadError as err:
        sub.status = "rejected"
        sub.kind = "unreadable"
        return sub, [Issue(err.code, file=rel, detail=err.detail)], None
    try:
        if _is_plan(book):
            sub.kind = "plan"
            return sub, [], book
        issues = _read_roster(book, sub)
    except ReadError as err:
        sub.status = "rejected"
        sub.kind = "unreadable"
        return sub, [Issue(err.code, file=rel, detail=err.detail)], None
    if sub.kind != "roster":
        issues.append(Issue("not-a-roster", file=rel))
    return sub, issues, book


def _form_type(book: Workbook, sheet_name: str) -> str:
    sheet = book.find_sheet(sheet_name)
    if sheet is None:
        return ""
    values = read_key_values(book.grid(sheet), {"form_type": ("Loại biểu", ("Loại biểu mẫu", "Biểu"))})
    return fold(values.get("form_type", (None, 0))[0])


def _is_plan(book: Workbook) -> bool:
    return _form_type(book, PLAN_INFO_SHEET) == fold(FORM_TYPE_PLAN)


def _roster_sheet(book: Workbook):
    """The sheet holding the household table: 'Danh sách' if it has one, else the best match."""
    preferred = book.find_sheet(ROSTER_LIST_SHEET)
    candidates = ([preferred] if preferred else []) + [n for n in book.sheet_names if n != preferred]
    best = None
    for name in candidates:
        if fold(name) in (fold(ROSTER_INFO_SHEET), fold(PLAN_INFO_SHEET)):
            continue
        header = find_header(book.grid(name), ROSTER_COLUMNS)
        if header is None:
            continue
        if name == preferred:
            return name, header
        if best is None or header.score > best[1].score:
            best = (name, header)
    return best if best else (None, None)


_TITLE_HAMLET = re.compile(r"(?:xóm|thôn|xom|thon)\s+(.+?)(?:\s*[-–—,(]|\s+(?:tháng|thang|năm|nam)\b|$)", re.I)


def _read_roster(book: Workbook, sub: Submission) -> list[Issue]:
    issues: list[Issue] = []
    info_sheet = book.find_sheet(ROSTER_INFO_SHEET)
    info = read_key_values(book.grid(info_sheet), ROSTER_INFO_LABELS) if info_sheet else {}
    declared_roster = fold(info.get("form_type", (None, 0))[0]) == fold(FORM_TYPE_ROSTER)
    sheet, header = _roster_sheet(book)
    if sheet is None:
        if declared_roster:
            sub.kind = "roster"
            sub.status = "rejected"
            issues.append(Issue("no-roster-sheet", file=sub.file, sheet=ROSTER_LIST_SHEET))
            _take_info(sub, info, info_sheet)
        return issues
    sub.kind = "roster"
    sub.sheet = sheet
    grid = book.grid(sheet)
    sub.extra["header"] = header
    sub.extra["rows"] = table_rows(grid, header, IDENTITY_KEYS, SIGNATURE_MARKERS, TOTAL_MARKERS)
    sub.rows_read = len(sub.extra["rows"])
    sub.extra["title"] = " ".join(
        clean_text(v) for row in grid[: header.first_row] for v in row if not is_blank(v)
    )
    _take_info(sub, info, info_sheet)
    return issues


def _take_info(sub: Submission, info: dict, info_sheet: str | None) -> None:
    """Hamlet, period, totals from 'Thông tin', or from the title rows and file name."""
    sub.extra["info_sheet"] = info_sheet
    sub.extra["info_rows"] = {key: row for key, (_, row) in info.items()}
    value = lambda key: info.get(key, (None, 0))[0]  # noqa: E731
    sub.hamlet_raw = clean_text(value("hamlet"))
    sub.commune_raw = clean_text(value("commune"))
    sub.extra["period_raw"] = value("period")
    sub.period = parse_period(value("period"))
    sub.prepared_on = parse_date(value("prepared_on"))
    sub.extra["total_raw"] = value("total_households")
    title = sub.extra.get("title", "")
    if not sub.hamlet_raw and title:
        match = _TITLE_HAMLET.search(title)
        if match:
            sub.hamlet_raw = match.group(1).strip()
            sub.extra["hamlet_from"] = "title"
    if sub.period is None and is_blank(value("period")):
        sub.period = find_period_in_text(title) or find_period_in_text(Path(sub.file).stem)
        if sub.period:
            sub.extra["period_from"] = "title"
