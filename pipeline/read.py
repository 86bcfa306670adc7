"""Reading spreadsheets: any supported file to grids of cell values, header rows found by content.

Knows nothing about poverty: it opens a workbook (python-calamine), reads
key/value blocks, finds a header row by matching known column names, and
hands back each data row with its Excel row number so that every issue can
point at a cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine

from pipeline.text import clean_text, fold, is_blank
from schemas.columns import Column

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}
HEADER_SEARCH_ROWS = 40  # header rows sit near the top; titles take at most a dozen rows
MAX_HEADER_SPAN = 3  # a header may spread over up to three rows (merged parent cells)


class ReadError(Exception):
    """A file that cannot be read; ``code`` is an issue code from the catalogue."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass
class Workbook:
    path: Path
    sheet_names: list[str]
    _book: Any = field(repr=False, default=None)
    _cache: dict[str, list[list[Any]]] = field(default_factory=dict, repr=False)

    def grid(self, name: str) -> list[list[Any]]:
        """All cells of a sheet from A1, as a list of rows (row 0 is Excel row 1)."""
        if name not in self._cache:
            try:
                sheet = self._book.get_sheet_by_name(name)
                self._cache[name] = sheet.to_python(skip_empty_area=False)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # pyo3 panics derive from BaseException
                raise ReadError("file-unreadable", _describe(exc)) from None
        return self._cache[name]

    def find_sheet(self, wanted: str) -> str | None:
        key = fold(wanted)
        for name in self.sheet_names:
            if fold(name) == key:
                return name
        return None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def open_workbook(path: Path) -> Workbook:
    """Open a spreadsheet; raises ReadError with an issue code when it cannot be read."""
    try:
        if path.stat().st_size == 0:
            raise ReadError("file-empty", "0 byte")
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
    except ReadError:
        raise
    except python_calamine.PasswordError:
        raise ReadError("file-encrypted") from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise ReadError("file-encrypted") from None
        raise ReadError("file-unreadable", _describe(exc)) from None
    if not names:
        raise ReadError("file-empty", "no sheet")
    return Workbook(path=path, sheet_names=names, _book=book)


def read_key_values(grid: list[list[Any]], labels: dict[str, tuple[str, tuple[str, ...]]]) -> dict:
    """A key/value block (label in column A, value in column B) as {key: (value, excel_row)}."""
    lookup: dict[str, str] = {}
    for key, (label, aliases) in labels.items():
        for text in (label, *aliases):
            lookup.setdefault(fold(text), key)
    found: dict[str, tuple[Any, int]] = {}
    for index, row in enumerate(grid):
        if not row:
            continue
        label = fold(row[0]).rstrip(": ")
        key = lookup.get(label)
        if key and key not in found:
            value = row[1] if len(row) > 1 else None
            found[key] = (value, index + 1)
    return found


@dataclass
class HeaderMatch:
    first_row: int  # 0-based index of the header's first row
    last_row: int  # 0-based index of the header's last row; data follow
    columns: dict[str, tuple[int, str]]  # key -> (column index, header text as written)
    unknown: list[tuple[int, str]]  # headers nobody asked for

    @property
    def score(self) -> int:
        return len(self.columns)


def _alias_table(columns: tuple[Column, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for column in columns:
        for text in (column.header, *column.aliases):
            table.setdefault(fold(text), column.key)
    return table


def _match_header_text(text: str, table: dict[str, str]) -> str | None:
    if not text:
        return None
    if text in table:
        return table[text]
    # "Số nhân khẩu (người)" or "Mã hộ (*)": a known header followed by a note.
    best = None
    for alias, key in table.items():
        if len(alias) >= 3 and text.startswith(alias + " ") and (best is None or len(alias) > len(best[0])):
            best = (alias, key)
    return best[1] if best else None


def find_header(grid: list[list[Any]], columns: tuple[Column, ...]) -> HeaderMatch | None:
    """The header row (or rows) of a table whose columns are ``columns``, found by content."""
    table = _alias_table(columns)
    required = {c.key for c in columns if c.required}
    limit = min(len(grid), HEADER_SEARCH_ROWS)
    cache: dict[str, str | None] = {}
    keys: list[list[str | None]] = []
    for index in range(limit):
        row_keys = []
        for value in grid[index]:
            text = fold(value)
            if text not in cache:
                cache[text] = _match_header_text(text, table)
            row_keys.append(cache[text])
        keys.append(row_keys)
    best: HeaderMatch | None = None
    for first in range(limit):
        if not any(keys[first]):
            continue
        for span in range(1, MAX_HEADER_SPAN + 1):
            last = first + span - 1
            if last >= limit:
                break
            match = _match_span(grid, keys, first, last)
            if match.score < 3 or len(required & match.columns.keys()) < min(2, len(required)):
                continue
            if best is None or match.score > best.score:
                best = match
    return best


def _match_span(grid, keys, first: int, last: int) -> HeaderMatch:
    width = max(len(keys[i]) for i in range(first, last + 1))
    columns: dict[str, tuple[int, str]] = {}
    unknown: list[tuple[int, str]] = []
    for col in range(width):
        key = None
        text = ""
        # The lowest row of a multi-row header names the column; parents above group them.
        for row in range(last, first - 1, -1):
            if col < len(keys[row]) and keys[row][col]:
                key = keys[row][col]
                text = clean_text(grid[row][col])
                break
        if key and key not in columns:
            columns[key] = (col, text)
        elif not key:
            written = next(
                (clean_text(grid[r][col]) for r in range(last, first - 1, -1)
                 if col < len(grid[r]) and not is_blank(grid[r][col])),
                "",
            )
            if written:
                unknown.append((col, written))
    return HeaderMatch(first, last, columns, unknown)


_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
_NUMBER_TOKEN = re.compile(r"^\(?([a-z]|\d{1,2})\)?$")


@dataclass
class TableRow:
    excel_row: int  # 1-based
    values: dict[str, Any]  # key -> raw cell value


def _is_column_number_row(cells: list[str]) -> bool:
    """The row of column numbers under a header: 'A | B | 1 | 2 | (3) …'."""
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(_NUMBER_TOKEN.match(c) for c in filled)


def table_rows(
    grid: list[list[Any]],
    header: HeaderMatch,
    identity_keys: tuple[str, ...],
    end_markers: tuple[str, ...],
    skip_markers: tuple[str, ...],
) -> list[TableRow]:
    """The data rows under a header, with title, number, section, total and signature rows left out.

    A row counts as data when any of ``identity_keys`` holds a value. Reading
    stops at a signature block (``end_markers``); totals and subtotals
    (``skip_markers``) are passed over.
    """
    rows: list[TableRow] = []
    positions = {key: col for key, (col, _) in header.columns.items()}
    for index in range(header.last_row + 1, len(grid)):
        raw = grid[index]
        first_value = next((v for v in raw if not is_blank(v)), None)
        if first_value is None:
            continue
        first = fold(first_value)
        if any(first.startswith(marker) for marker in end_markers):
            break
        if any(first == m or first.startswith(m + " ") for m in skip_markers):
            continue
        if _NUMBER_TOKEN.match(first) and _is_column_number_row([fold(v) for v in raw]):
            continue
        values = {key: (raw[col] if col < len(raw) else None) for key, col in positions.items()}
        if all(is_blank(values.get(key)) for key in identity_keys):
            continue
        if first in _ROMAN and sum(1 for v in raw if not is_blank(v)) <= 2:
            continue  # section row: "I | Hộ nghèo"
        rows.append(TableRow(index + 1, values))
    return rows
