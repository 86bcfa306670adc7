"""Tab- or comma-separated text saved under a spreadsheet's name.

Web applications "export to Excel" by sending tab-separated text (or CSV) in a file named
``.xls``; Excel's own "Unicode Text" is tab-separated UTF-16. Excel opens such a file as one
sheet (after a warning that the format does not match the extension), so the head or the
officer sees an ordinary list. It is read here as Excel shows it, into the calamine-shaped
:class:`pipeline.markup.Book`: one sheet named after the file, each line a row, each field a
cell (quotes as in CSV), values kept as the text written (the reader takes numbers written as
text).

Only a file that reads as a table is taken: at least two lines holding the separator, and the
lines holding it most of the lines from the first holding it to the last (a title or a
'Xóm: Nà Mòn' block above the table, signatures below, are no part of it). Anything else (a note, a log) stays refused as a
text file named .xls (discover.unreadable_kind). A file named ``.csv`` is not opened at all:
the officer is told it is no workbook (docs/decisions.md "Session 13: a photo or CSV copy of
a list"), as before. See docs/decisions.md "Session 20: text exported under an .xls name".
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from itertools import islice
from pathlib import Path

from pipeline import markup
from pipeline.markup import Book, MarkupError, Sheet

SEPARATORS = ("\t", ";", ",")
_SAMPLE_LINES = 200  # lines looked at to tell the separator
_TABLE_SHARE = 0.8  # of the table's lines (first to last holding it), this share holds it


def open_text(path: Path) -> Book | None:
    """The file read as one sheet of separated text, or None when it does not read as a table.
    Raises MarkupError when it reaches too far."""
    data = path.read_bytes()
    text = _decode(data)
    if text is None or "\x00" in text:
        return None
    separator = separator_of(text)
    if separator is None:
        return None
    name = markup.sheet_name_of(Path(path.name.strip()).stem)
    try:
        rows = _rows(text, separator)
    except MarkupError as err:
        err.sheet = name
        raise
    return Book("text", [(name, Sheet(rows, []), False)])


def _decode(data: bytes) -> str | None:
    """UTF-8 or UTF-16 by its byte-order mark; UTF-16 without one when every other byte is
    NUL; else UTF-8, else Windows-1258 (the Vietnamese code page older programs wrote). None
    for bytes no text is made of (a control character other than tab and line ends)."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif len(data) >= 4 and data[1:4:2] == b"\x00\x00" and data[0] and data[2]:
        text = data.decode("utf-16-le", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1258", errors="replace")
    head = text[:65536]
    if any(ord(c) < 32 and c not in "\t\r\n" for c in head):
        return None
    return text


def separator_of(text: str) -> str | None:
    """The separator the text's rows share: of tab, ';' and ',', those that split at least two
    rows, and :data:`_TABLE_SHARE` of the rows written from the first it splits to the last
    (of the first :data:`_SAMPLE_LINES`, read as CSV: a quoted field may hold a line break;
    lines above and below, a title or a 'Xóm: …' block, are left out of the share), the one
    that splits the most rows into the same number of fields, the first so in that order;
    None when none does. A comma-separated list whose causes are written 'Thiếu vốn; Thiếu
    lao động' (unquoted: no comma in them) splits some rows at ';' too, into fields of every
    count; at ',' every row into the table's width (session 38)."""
    sample = text[: 1 << 20]
    best, most = None, 0
    for separator in SEPARATORS:
        try:
            reader = csv.reader(io.StringIO(sample, newline=""), delimiter=separator)
            rows = [row for row in islice(reader, _SAMPLE_LINES) if any(v.strip() for v in row)]
        except csv.Error:
            continue
        at = [i for i, row in enumerate(rows) if len(row) >= 2]
        # the table: from the first row it splits to the last; lines above it (a title, a
        # 'Xóm: Nà Mòn' block) and below it (the signatures) are no part of the share
        if len(at) >= 2 and len(at) >= _TABLE_SHARE * (at[-1] - at[0] + 1):
            alike = Counter(len(rows[i]) for i in at).most_common(1)[0][1]
            if alike > most:
                best, most = separator, alike
    return best


def _rows(text: str, separator: str) -> list[list[str]]:
    rows: list[list[str]] = []
    cells = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        for row in reader:
            if len(row) > markup.MAX_COLUMNS:
                raise markup.too_far(len(rows) + 1, len(row))
            cells += len(row)
            if len(rows) >= markup.MAX_ROWS or cells > markup.MAX_CELLS:
                raise markup.too_far(len(rows) + 1, len(row))
            while row and not row[-1].strip():
                row.pop()
            rows.append([value.strip() for value in row])
    except csv.Error as err:  # a field too long, a NUL
        raise MarkupError(f"text: {err}") from None
    return rows
