"""A small .xls (BIFF8) writer for tests: nothing binary committed, no LibreOffice needed.

No .xls writer is a dependency (xlwt is not installed), so a workbook is written here record
by record into an OLE2 compound file: text (one shared string table), numbers, dates, merged
cells, hidden sheets, and cells showing an error value, stored as Excel stores them, a FORMULA
record whose cached result is the error (what '=#REF!+1' leaves) or a BOOLERR record flagged an
error (a typed '#N/A', or a broken formula pasted as its value); each row's ROW record,
flagged when the row is hidden; a sheet's AutoFilter (a column filtered, or its arrows only).

:func:`xls_from_xlsx` writes an openpyxl workbook (the fixtures of ``tests.commune``) as such a
file, its error cells (openpyxl's data type 'e') as one or the other record, its hidden rows and
AutoFilter as Excel writes them.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl

# BIFF error codes (as Excel shows them)
ERROR_CODES = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17,
               "#NAME?": 0x1D, "#NUM!": 0x24, "#N/A": 0x2A}  # fmt: skip
_GENERAL_XF, _DATE_XF = 1, 2  # the cell XFs written (0 is the style XF)
_EPOCH = datetime(1899, 12, 30)
_STRUCK = "\0struck"  # the key of Arial struck through among the fonts written (xls_bytes)
# the keys of Arial bold, italic, bold italic among the fonts written (xls_bytes' emphasis)
_EMPHASIS = {(True, False): "\0bold", (False, True): "\0italic", (True, True): "\0bold italic"}


def record(opcode: int, data: bytes) -> bytes:
    return struct.pack("<HH", opcode, len(data)) + data


def _text(value: str, lenlen: int) -> bytes:
    """A BIFF8 string: 8-bit when it is Latin-1 only, else UTF-16."""
    wide = any(ord(ch) > 0xFF for ch in value)
    body = value.encode("utf-16-le") if wide else value.encode("latin-1")
    return struct.pack("<H" if lenlen == 2 else "<B", len(value)) + bytes([wide]) + body


def _number(value) -> tuple[float, int]:
    if isinstance(value, datetime | date):
        moment = (
            value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
        )
        return (moment - _EPOCH).total_seconds() / 86400, _DATE_XF
    return float(value), _GENERAL_XF


def _cell(
    row: int, col: int, value, strings: dict[str, int], boolerr: bool, xf: int = _GENERAL_XF
) -> bytes:
    if isinstance(value, str) and value in ERROR_CODES:
        code = ERROR_CODES[value]
        if boolerr:
            return record(0x0205, struct.pack("<HHHBB", row, col, _GENERAL_XF, code, 1))
        result = bytes([2, 0, code, 0, 0, 0, 0xFF, 0xFF])
        formula = b"\x1c" + bytes([code])  # ptgErr: the formula '=#REF!'
        return record(
            0x0006,
            struct.pack("<HHH", row, col, _GENERAL_XF) + result
            + struct.pack("<HIH", 0, 0, len(formula)) + formula,
        )  # fmt: skip
    if isinstance(value, bool):
        return record(0x0205, struct.pack("<HHHBB", row, col, _GENERAL_XF, int(value), 0))
    if isinstance(value, str):
        index = strings.setdefault(value, len(strings))
        return record(0x00FD, struct.pack("<HHHI", row, col, xf, index))
    number, xf = _number(value)
    return record(0x0203, struct.pack("<HHHd", row, col, xf, number))


@dataclass(frozen=True)
class Filter:
    """A sheet's AutoFilter over ``range`` (first row: the header, last row, first column, last
    column; 0-based): ``applied``, a column filtered ('Hộ nghèo' in ``column``, counted from the
    range's first) as Excel and LibreOffice write it (FILTERMODE, AUTOFILTERINFO, AUTOFILTER);
    else its drop-down arrows only (AUTOFILTERINFO)."""

    range: tuple[int, int, int, int]
    applied: bool = True
    column: int = 0

    def records(self) -> list[bytes]:
        first_col, last_col = self.range[2:]
        arrows = record(0x009D, struct.pack("<H", last_col - first_col + 1))
        if not self.applied:
            return [arrows]
        wanted = "Hộ nghèo"
        equal = struct.pack("<BBIBBBB", 0x06, 0x02, 0, len(wanted), 0, 0, 0)  # a string, '='
        unused = struct.pack("<BB8x", 0x00, 0x02)
        column = struct.pack("<HH", self.column, 0) + equal + unused + b"\x01"
        return [record(0x009B, b""), arrows,
                record(0x009E, column + wanted.encode("utf-16-le"))]  # fmt: skip

    def name_record(self, sheet: int) -> bytes:
        """The built-in name '_FilterDatabase' (0x0D) of the ``sheet``-th sheet (0-based),
        hidden, its formula the range (ptgArea3d), as LibreOffice writes it."""
        first, last, first_col, last_col = self.range
        formula = struct.pack("<BHHHHH", 0x3B, sheet, first, last, first_col, last_col)
        head = struct.pack("<HBBHHH4B", 0x0021, 0, 1, len(formula), 0, sheet + 1, 0, 0, 0, 0)
        return record(0x0018, head + b"\x00\x0d" + formula)


def _rows(cells: dict[tuple[int, int], object], hidden: set[int]) -> list[bytes]:
    """The ROW records (0x0208) of the rows holding cells and of the ``hidden`` ones (option
    flags: 0x100, always set; 0x20, fDyZero, for a hidden row; XF 15, as LibreOffice writes)."""
    spans: dict[int, list[int]] = {row: [] for row in hidden}
    for row, col in cells:
        spans.setdefault(row, []).append(col)
    return [
        record(0x0208, struct.pack("<HHHHHHI", row, min(cols, default=0),
                                   max(cols, default=-1) + 1, 300, 0, 0,
                                   0x000F0100 | (0x20 if row in hidden else 0)))
        for row, cols in sorted(spans.items())
    ]  # fmt: skip


def xls_bytes(
    sheets: Sequence[tuple[str, dict[tuple[int, int], object]]],
    merges: dict[str, list[tuple[int, int, int, int]]] | None = None,
    hidden: set[str] = frozenset(),
    boolerr: set[tuple[str, int, int]] = frozenset(),
    pad: int = 0,
    hidden_rows: dict[str, set[int]] | None = None,
    filters: dict[str, Filter] | None = None,
    fonts: dict[tuple[str, int, int], str] | None = None,
    struck: set[tuple[str, int, int]] = frozenset(),
    date1904: bool = False,
    emphasis: dict[tuple[str, int, int], tuple[bool, bool]] | None = None,
    rich: dict[tuple[str, int, int], Sequence[tuple[str, bool, bool]]] | None = None,
) -> bytes:
    """A BIFF8 workbook stream: ``sheets`` as (name, {(row, col) 0-based: value}) in order; an
    error value is a string of ERROR_CODES, written as a FORMULA record with that result, or a
    BOOLERR record when (sheet, row, col) is in ``boolerr``. ``merges``: by sheet, (first row,
    last row, first col, last col). ``pad``: the bytes of an unknown record (which readers
    skip) put before the last sheet's cells, to move them along the stream. Each row holding
    cells has its ROW record, as Excel writes them; ``hidden_rows``: by sheet, the rows
    (0-based) whose ROW record is flagged hidden (fDyZero), a row holding no cell too.
    ``filters``: by sheet, its AutoFilter (:class:`Filter`). ``fonts``: the font of a text
    cell, by (sheet, row, col), where it is not Arial. ``struck``: the text cells, by (sheet, row,
    col), written in Arial struck through (a FONT record flagged fStrikeOut, 0x0008).
    ``date1904``: a DATEMODE record of 1, the workbook in Excel's 1904 calendar (its numbers
    as written: a date's serial still counted from 30/12/1899). ``emphasis``: the text cells,
    by (sheet, row, col), written in Arial (bold, italic): a FONT record of weight 700 (bls),
    flagged fItalic (0x0002). ``rich``: text cells, by (sheet, row, col), written as rich text,
    each fragment (text, bold, italic) in Arial so: its shared string flagged fRichSt with a
    formatting run (character, font) where each fragment begins, as Excel writes a text whose
    words were made bold in the cell's edit line (session 62)."""
    merges, hidden_rows, filters = merges or {}, hidden_rows or {}, filters or {}
    fonts = fonts or {}
    # each font of a text cell other than Arial: a FONT record after the five Arial ones (index
    # 4 is never used: the sixth FONT record is index 6) and a cell XF naming it, from XF 3 on
    named = sorted(set(fonts.values()))
    if struck:  # Arial struck through: one font more, named apart from the plain ones
        named.append(_STRUCK)
        fonts = {**fonts, **dict.fromkeys(struck, _STRUCK)}
    for key, said in (emphasis or {}).items():
        if any(said):
            if _EMPHASIS[said] not in named:
                named.append(_EMPHASIS[said])
            fonts = {**fonts, key: _EMPHASIS[said]}
    for runs in (rich or {}).values():
        for _, *said in runs:
            if any(said) and _EMPHASIS[tuple(said)] not in named:
                named.append(_EMPHASIS[tuple(said)])
    font_xf = {name: 3 + k for k, name in enumerate(named)}
    strings: dict[str, int] = {}
    bodies = []
    for name, cells in sheets:
        last_row = max((r for r, _ in cells), default=0)
        last_col = max((c for _, c in cells), default=0)
        body = [record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 1997, 0, 6))]
        if name in filters:
            body += filters[name].records()
        body.append(record(0x0200, struct.pack("<IIHHH", 0, last_row + 1, 0, last_col + 1, 0)))
        if pad and name == sheets[-1][0]:
            body.append(record(0x0FF0, b"\0" * (pad - 4)))
        body += _rows(cells, hidden_rows.get(name, set()))
        for r, c in sorted(cells):
            runs = (rich or {}).get((name, r, c))
            if runs:  # a shared string of its own, keyed apart from a plain one
                index = strings.setdefault(("\0rich", tuple(runs)), len(strings))  # type: ignore[arg-type]
                body.append(record(0x00FD, struct.pack("<HHHI", r, c, _GENERAL_XF, index)))
                continue
            body.append(_cell(r, c, cells[(r, c)], strings, (name, r, c) in boolerr,
                              font_xf.get(fonts.get((name, r, c), ""), _GENERAL_XF)))  # fmt: skip
        if merges.get(name):
            ranges = merges[name]
            body.append(record(0x00E5, struct.pack("<H", len(ranges)) + b"".join(
                struct.pack("<HHHH", *span) for span in ranges)))  # fmt: skip
        body.append(record(0x000A, b""))
        bodies.append(b"".join(body))

    emphasised = {key: said for said, key in _EMPHASIS.items()}

    def font(name: str) -> bytes:
        flags = 0x0008 if name == _STRUCK else 0  # fStrikeOut
        bold, italic = emphasised.get(name, (False, False))
        flags |= 0x0002 if italic else 0  # fItalic
        weight = 700 if bold else 400
        own = name not in (_STRUCK, *emphasised)
        return record(0x0031, struct.pack("<HHHHHBBBB", 200, flags, 0x7FFF, weight, 0, 0, 0, 0, 0)
                      + _text(name if own else "Arial", 1))  # fmt: skip

    def xf(number_format: int, style: bool, font_index: int = 0) -> bytes:
        type_prot = 0xFFF4 if style else 0x0000
        return record(0x00E0, struct.pack("<HHHBBBBIIH", font_index, number_format, type_prot, 0x20, 0,
                                          0, 0, 0, 0, 0x20C0))  # fmt: skip

    def shared(key) -> bytes:
        if isinstance(key, str):
            return _text(key, 2)
        runs = key[1]
        text = "".join(piece for piece, _, _ in runs)
        wide = any(ord(ch) > 0xFF for ch in text)
        body = text.encode("utf-16-le") if wide else text.encode("latin-1")
        head = struct.pack("<HBH", len(text), int(wide) | 0x08, len(runs))  # fRichSt, cRun
        formats, at = b"", 0
        for piece, *said in runs:
            font = 6 + named.index(_EMPHASIS[tuple(said)]) if any(said) else 0
            formats += struct.pack("<HH", at, font)
            at += len(piece)
        return head + body + formats

    sst = struct.pack("<II", len(strings), len(strings)) + b"".join(map(shared, strings))
    assert len(sst) <= 8224, "a shared string table this long needs CONTINUE records"
    head = [
        record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 1997, 0, 6)),
        record(0x0042, struct.pack("<H", 1200)),
        *([record(0x0022, struct.pack("<H", 1))] if date1904 else []),  # DATEMODE
        *[font("Arial")] * 5,
        *[font(name) for name in named],
        xf(0, True),
        xf(0, False),
        xf(14, False),  # style; general; date (d/m/yyyy)
        *[xf(0, False, 6 + k) for k in range(len(named))],  # a text cell in its font
    ]
    tail = [record(0x00FC, sst), record(0x000A, b"")]
    if filters:  # each filter's range named '_FilterDatabase' for its sheet, as Excel does
        order = [name for name, _ in sheets]
        tail[:0] = [
            record(0x01AE, struct.pack("<HH", len(sheets), 0x0401)),  # SUPBOOK: this workbook
            record(0x0017, struct.pack("<H", len(sheets)) + b"".join(
                struct.pack("<HHH", 0, n, n) for n in range(len(sheets)))),  # EXTERNSHEET
            *[spec.name_record(order.index(name)) for name, spec in filters.items()],
        ]  # fmt: skip
    names = [_text(name, 1) for name, _ in sheets]
    at = sum(map(len, head)) + sum(10 + len(n) for n in names) + sum(map(len, tail))
    bound = []
    for (name, _), text, body in zip(sheets, names, bodies, strict=True):
        bound.append(record(0x0085, struct.pack("<IBB", at, int(name in hidden), 0) + text))
        at += len(body)
    return b"".join(head + bound + tail + bodies)


def compound_file(stream: bytes, order: Sequence[int] | None = None) -> bytes:
    """An OLE2 file holding ``stream`` as its "Workbook" stream (padded to 4,096 bytes when
    shorter, so no mini stream; a stream shorter than that is kept in the mini stream by real
    writers: :func:`mini_compound_file`). ``order``: the file sector each of the stream's
    sectors is put in (a stream written in pieces, as an edited file may be); in order when
    not given. Directory and FAT sectors follow the stream's."""
    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\0")
    count = len(stream) // 512
    order = list(order) if order is not None else list(range(count))
    assert sorted(order) == list(range(count))
    fat_count = 1
    while fat_count * 128 < count + 1 + fat_count:
        fat_count += 1
    assert fat_count <= 109
    dir_sector = count
    fat = [-1] * (fat_count * 128)
    for i, placed in enumerate(order):
        fat[placed] = order[i + 1] if i + 1 < count else -2
    fat[dir_sector] = -2
    for n in range(count + 1, count + 1 + fat_count):
        fat[n] = -3
    sectors = [b""] * count
    for i, placed in enumerate(order):
        sectors[placed] = stream[i * 512 : (i + 1) * 512]
    directory = (
        _entry("Root Entry", 5, 1, -2, 0)
        + _entry("Workbook", 2, -1, order[0], len(stream))
        + _entry("", 0, -1, -1, 0) * 2
    )
    return (
        _header(dir_sector, list(range(count + 1, count + 1 + fat_count)), -2, 0)
        + b"".join(sectors)
        + directory
        + struct.pack(f"<{len(fat)}i", *fat)
    )


def mini_compound_file(stream: bytes) -> bytes:
    """An OLE2 file holding ``stream`` (under 4,096 bytes) as its "Workbook" stream in the mini
    stream (64-byte sectors inside the root entry's stream), as a tiny real .xls is kept."""
    assert len(stream) < 4096
    mini = stream.ljust(-(-len(stream) // 64) * 64, b"\0")
    minis = len(mini) // 64
    body = mini.ljust(-(-len(mini) // 512) * 512, b"\0")
    count = len(body) // 512  # the root entry's stream: sectors 0 .. count-1
    dir_sector, minifat_sector, fat_sector = count, count + 1, count + 2
    fat = list(range(1, count)) + [-2, -2, -2, -3]
    fat += [-1] * (128 - len(fat))
    minifat = list(range(1, minis)) + [-2]
    minifat += [-1] * (128 - len(minifat))
    directory = (
        _entry("Root Entry", 5, 1, 0, len(mini))
        + _entry("Workbook", 2, -1, 0, len(stream))
        + _entry("", 0, -1, -1, 0) * 2
    )
    return (
        _header(dir_sector, [fat_sector], minifat_sector, 1)
        + body
        + directory
        + struct.pack("<128i", *minifat)
        + struct.pack("<128i", *fat)
    )


def _entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    raw = (name + "\0").encode("utf-16-le") if name else b""
    return (
        raw.ljust(64, b"\0")
        + struct.pack("<HBBiii", len(raw), kind, 1, -1, -1, child)
        + b"\0" * 36
        + struct.pack("<iII", start, size, 0)
    )


def _header(dir_sector: int, fat_sectors: list[int], minifat: int, minifat_count: int) -> bytes:
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack(
            "<iiiIiiiii", 0, len(fat_sectors), dir_sector, 0, 4096, minifat, minifat_count, -2, 0
        )  # fmt: skip
    )
    header += struct.pack(f"<{len(fat_sectors)}i", *fat_sectors)
    header += struct.pack("<i", -1) * (109 - len(fat_sectors))
    assert len(header) == 512
    return header


def sheets_of(source: Path) -> tuple[list, dict, set[str]]:
    """An xlsx's sheets as :func:`xls_bytes` takes them: (sheets, merges, hidden)."""
    book = openpyxl.load_workbook(source)
    sheets, merges, hidden = [], {}, set()
    for ws in book.worksheets:
        cells = {
            (cell.row - 1, cell.column - 1): cell.value
            for row in ws.iter_rows()
            for cell in row
            if cell.value is not None
        }
        sheets.append((ws.title, cells))
        merges[ws.title] = [(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1)
                            for m in ws.merged_cells.ranges]  # fmt: skip
        if ws.sheet_state != "visible":
            hidden.add(ws.title)
    return sheets, merges, hidden


def rows_of(source: Path) -> tuple[dict[str, set[int]], dict[str, Filter]]:
    """An xlsx's hidden rows (0-based) and AutoFilters as :func:`xls_bytes` takes them: a
    filter is applied when it filters a column (its first ``<filterColumn>``)."""
    from openpyxl.utils.cell import range_boundaries

    book = openpyxl.load_workbook(source)
    hidden_rows, filters = {}, {}
    for ws in book.worksheets:
        rows = {row - 1 for row, dim in ws.row_dimensions.items() if dim.hidden}
        if rows:
            hidden_rows[ws.title] = rows
        if ws.auto_filter.ref:
            first_col, first, last_col, last = range_boundaries(ws.auto_filter.ref)
            columns = ws.auto_filter.filterColumn
            filters[ws.title] = Filter((first - 1, last - 1, first_col - 1, last_col - 1),
                                       bool(columns), columns[0].colId if columns else 0)  # fmt: skip
    return hidden_rows, filters


def cell_fonts(source: Path) -> dict[tuple[str, int, int], str]:
    """{(sheet, row, col) 0-based: font name} of an xlsx's text cells in a font of their own
    (not openpyxl's Calibri): written so by :func:`xls_bytes`."""
    book = openpyxl.load_workbook(source)
    return {
        (ws.title, cell.row - 1, cell.column - 1): cell.font.name
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.font.name not in (None, "Calibri")
    }


def struck_cells(source: Path) -> set[tuple[str, int, int]]:
    """(sheet, row, col) 0-based of an xlsx's text cells whose font is struck through: written
    so by :func:`xls_bytes`."""
    book = openpyxl.load_workbook(source)
    return {
        (ws.title, cell.row - 1, cell.column - 1)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.font.strike
    }


def emphasised_cells(source: Path) -> dict[tuple[str, int, int], tuple[bool, bool]]:
    """{(sheet, row, col) 0-based: (bold, italic)} of an xlsx's text cells written bold or
    italic: written so by :func:`xls_bytes` (``xls_from_xlsx(..., emphasis=True)``)."""
    book = openpyxl.load_workbook(source)
    return {
        (ws.title, cell.row - 1, cell.column - 1): (bool(cell.font.b), bool(cell.font.i))
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and (cell.font.b or cell.font.i)
    }


def xls_from_xlsx(
    source: Path, target: Path, boolerr: set[tuple[str, str]] = frozenset(), **options
) -> Path:
    """``source`` (an xlsx written by openpyxl) as an .xls at ``target``; its error cells are
    FORMULA records with the error as result, or BOOLERR records for the (sheet, 'B6') in
    ``boolerr``. ``options``: ``pad`` and ``date1904`` for :func:`xls_bytes`, ``order`` for
    :func:`compound_file`, ``emphasis`` (True: its bold and italic text cells written so;
    :func:`emphasised_cells`), ``rich`` (:func:`xls_bytes`' texts in several fonts)."""
    from openpyxl.utils.cell import coordinate_to_tuple

    sheets, merges, hidden = sheets_of(source)
    fonts = cell_fonts(source)
    struck = struck_cells(source)
    flagged = set()
    for sheet, ref in boolerr:
        row, col = coordinate_to_tuple(ref)
        flagged.add((sheet, row - 1, col - 1))
    hidden_rows, filters = rows_of(source)
    stream = xls_bytes(sheets, merges, hidden, flagged, pad=options.get("pad", 0),
                       hidden_rows=hidden_rows, filters=filters, fonts=fonts,
                       struck=struck, date1904=options.get("date1904", False),
                       emphasis=emphasised_cells(source) if options.get("emphasis") else None,
                       rich=options.get("rich"))  # fmt: skip
    target.write_bytes(compound_file(stream, options.get("order")))
    return target
