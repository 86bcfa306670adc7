"""Long household tables written as sheet XML directly, inside an xlsxwriter workbook.

xlsxwriter keeps every cell as an object until ``close()`` and then writes it through a
general-purpose path: about 300 µs a row for the 27-column household lists, and 300,000
rows at province scale. A :class:`Block` holds the table's columns as plain lists instead
and writes its rows' XML itself, chunk by chunk, when xlsxwriter writes the sheet's data
(column by column: each distinct value of a chunk's column made once, then each row its
pieces joined by its row number); the title, header, signature and every other sheet stay
ordinary xlsxwriter calls.

This is the only module that touches xlsxwriter's private parts, through
:func:`new_workbook`'s subclasses: the worksheet's ``_write_rows`` (the rows above,
between and below the blocks are still written by xlsxwriter's own), ``_write_cell`` (the
usual cells of the other rows, numbers, shared strings and blanks, written as xlsxwriter
writes them, in one f-string each), ``_prepare_formula`` (xlsxwriter runs some 150 regular
expressions over every formula to prefix newer Excel functions; formulas of classic
functions only are passed through unchanged), and the zip file (compression level 1
instead of 6: a third of the time for files a third larger, for a workbook assembled in
memory too (session 33: its parts came with a level-less ZipInfo each, and went at 6); parts
copied in 1 MB pieces;
in a workbook assembled on disk, the blocks' rows made while the zip is written and
streamed into their sheet's entry, never written to a temporary file and read back), plus
``_check_dimensions``, ``fh``, the cell records and ``Format._get_xf_index``. They are used
only with the xlsxwriter version pyproject.toml pins (:data:`PINNED`); with any other
version the workbook is plain xlsxwriter and a block is written with its public
``write_*`` calls, which give the same cells, only slower (``tests/test_bulk.py``
compares both ways, and a streamed file with one written whole, byte for byte).

Cells follow :func:`pipeline.report.cells.put_text` / ``put_num``: input text is always a
string (inline, so a name starting with "=" is never a formula), a blank value a formatted
blank cell, numbers numbers.
"""

from __future__ import annotations

import bisect
import functools
import io
import os
import re
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import xlsxwriter
import xlsxwriter.workbook
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from pipeline import lazyre
from pipeline.report.cells import (
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    WIDEST_LETTER,
    as_text,
    line_room,
    number,
    text_lines,
    wrap_count,
)
from pipeline.report.styles import regular_units

PINNED = "3.3.1"
CHUNK = 2000  # rows rendered at a time: bounded memory at any table length
BIG_INT = 10**15  # integers below this print the same with str() and "%.16G"
STRING_MAX = 32767  # Excel's longest cell text, in UTF-16 units (xlsxwriter truncates too)

_CONTROL = lazyre.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_NEEDS_WORK = lazyre.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$")
_EDGE_SPACE = lazyre.compile(r"^\s|\s$")
_CONTROL_CHAR = lazyre.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")


ZIP_LEVEL = 1
IN_MEMORY_ROWS = 20_000
# Functions Excel has always had: formulas made of these need no "_xlfn." prefix.
CLASSIC_FUNCTIONS = frozenset(
    "ABS AND AVERAGE COUNT COUNTA COUNTIF IF IFERROR ISBLANK ISNUMBER LEN MAX MIN NOT OR "
    "ROUND SUM SUMIF SUMPRODUCT".split()
)
_FUNCTION = lazyre.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\(")


def fast_path() -> bool:
    """True when the installed xlsxwriter is the one whose private parts this module uses."""
    return xlsxwriter.__version__ == PINNED


def new_workbook(path: str, options: dict, rows: int = 0) -> xlsxwriter.Workbook:
    """An xlsxwriter workbook whose worksheets can hold blocks (see the module's notes).

    ``rows``: about how many table rows it will hold. A small workbook is assembled in
    memory (no temporary file per part); a large one on disk, so its memory stays small.
    """
    options = {**options, "in_memory": rows < IN_MEMORY_ROWS}
    if not fast_path():
        return xlsxwriter.Workbook(path, options)
    return _Workbook(path, options)


# The pinned version's cell records (getattr: another version may name them otherwise).
_NUMBER = getattr(xlsxwriter.worksheet, "CellNumberTuple", None)
_STRING = getattr(xlsxwriter.worksheet, "CellStringTuple", None)
_PLAIN_CELLS = frozenset({_NUMBER, _STRING, getattr(xlsxwriter.worksheet, "CellBlankTuple", None)})
_column_letters = lru_cache(maxsize=None)(xl_col_to_name)


class _Worksheet(xlsxwriter.worksheet.Worksheet):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[Block] = []

    def _prepare_formula(self, formula, expand_future_functions=False):
        names = _FUNCTION.findall(formula)
        if "_xlfn." in formula or not all(n.upper() in CLASSIC_FUNCTIONS for n in names):
            return super()._prepare_formula(formula, expand_future_functions)
        # What xlsxwriter's own leaves of such a formula: no braces, no leading "=".
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula

    def _write_cell(self, row: int, col: int, cell) -> None:
        # The usual cells (a number, a shared string or a blank, with a format) as xlsxwriter
        # writes them, in one f-string: its attribute lists cost some 3 µs a cell.
        kind = type(cell)
        if kind not in _PLAIN_CELLS or cell.format is None:
            super()._write_cell(row, col, cell)
            return
        ref = f"{_column_letters(col)}{row + 1}"
        xf = cell.format._get_xf_index()
        if kind is _NUMBER:
            self.fh.write(f'<c r="{ref}" s="{xf}"><v>{cell.number:.16G}</v></c>')
        elif kind is _STRING:
            self.fh.write(f'<c r="{ref}" s="{xf}" t="s"><v>{cell.string}</v></c>')
        else:
            self.fh.write(f'<c r="{ref}" s="{xf}"/>')

    def _write_rows(self) -> None:
        if self.blocks:
            _write_rows_with_blocks(self)
        else:
            super()._write_rows()


class _Workbook(xlsxwriter.Workbook):
    worksheet_class = _Worksheet

    def close(self) -> None:
        # The blocks left out of the parts on disk, by part: see _ZipFile.
        later: dict[str, list[tuple[int, Block, list[int]]]] | None = None
        if not self.in_memory and not self.allow_zip64 and _can_stream():
            later = {}
        for ws in self.worksheets():
            ws.later = later
        # xlsxwriter names ZipFile in its workbook module when it packs the file.
        zip_file = xlsxwriter.workbook.ZipFile
        xlsxwriter.workbook.ZipFile = functools.partial(_ZipFile, later=later)
        try:
            super().close()
        finally:
            xlsxwriter.workbook.ZipFile = zip_file
        # Each worksheet holds its workbook's add_format: the workbook and every cell it held
        # (a province's lists: ~10⁶ objects) are a reference cycle, freed only by the cycle
        # collector. Without that link they go as soon as the workbook is dropped, and the
        # collector can stay paused while the files are written (pipeline.publish).
        for sheet in self.worksheets():
            sheet.workbook_add_format = None


def _can_stream() -> bool:
    """Whether a zip entry can be written as ZipFile.write writes it, from pieces (the
    level of a ZipInfo is a private field of zipfile's), and text written to a part on
    disk is its UTF-8 bytes (no newline translation)."""
    return os.linesep == "\n" and hasattr(zipfile.ZipInfo("x"), "_compresslevel")


class _ZipFile(zipfile.ZipFile):
    """xlsxwriter's zip file at :data:`ZIP_LEVEL`, whose parts on disk are copied in large
    pieces (zipfile copies 8 KB at a time, each compressed by a call of its own).

    A worksheet part on disk does not hold its blocks' rows (``later``: their byte offsets
    in it): they are made here and streamed into the zip entry between the file's pieces,
    so the long lists are not written to a temporary file and read back. The entry is the
    one ZipFile.write makes of the whole part: same name, time, mode and compression."""

    def __init__(self, *args, later=None, **kwargs) -> None:
        super().__init__(*args, compresslevel=ZIP_LEVEL, **kwargs)
        self.later = later

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None) -> None:
        # A workbook assembled in memory hands each part over with a ZipInfo of its own, which
        # carries no level: zipfile would compress it at zlib's default (6), not ZIP_LEVEL.
        level = self.compresslevel if compresslevel is None else compresslevel
        super().writestr(zinfo_or_arcname, data, compress_type, level)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None) -> None:
        if self.later is None or not os.path.isfile(filename):
            super().write(filename, arcname, compress_type, compresslevel)
            return
        blocks = self.later.pop(filename, [])
        zinfo = zipfile.ZipInfo.from_file(filename, arcname)
        zinfo.compress_type = self.compression if compress_type is None else compress_type
        zinfo._compresslevel = self.compresslevel if compresslevel is None else compresslevel
        with open(filename, "rb") as src, self.open(zinfo, "w") as dest:
            done = 0
            for offset, block, styles in blocks:
                _copy(src, dest, offset - done)
                done = offset
                for text in _block_xml(block, styles):
                    dest.write(text.encode("utf-8"))
            _copy(src, dest, None)


COPY_CHUNK = 1 << 20


def _copy(src, dest, size: int | None) -> None:
    """``size`` bytes (None: the rest) from ``src`` to ``dest``."""
    while size is None or size > 0:
        data = src.read(COPY_CHUNK if size is None else min(size, COPY_CHUNK))
        if not data:
            break
        dest.write(data)
        if size is not None:
            size -= len(data)


class Column:
    """One column of a block: ``kind`` is "text" (any value, written as text) or "num".
    A plain class, not a dataclass (its methods compiled at every import): session 33."""

    def __init__(self, values: Sequence[Any], fmt: Format, kind: str = "text") -> None:
        self.values = values
        self.fmt = fmt
        self.kind = kind


class Block:
    """Rows ``first`` … ``first + len - 1`` of a sheet, columns 0 … n-1, one per household.

    ``heights``: each row's height in points (None: the sheet's default row). A plain class,
    not a dataclass: session 33.
    """

    def __init__(
        self, first: int, columns: list[Column], heights: Sequence[float | None] | None = None
    ) -> None:
        self.first = first
        self.columns = columns
        self.heights = heights
        lengths = {len(c.values) for c in self.columns}
        if self.heights is not None:
            lengths.add(len(self.heights))
        if len(lengths) > 1:
            raise ValueError(f"columns of unequal length: {sorted(lengths)}")
        self.length = lengths.pop() if lengths else 0
        self.last = self.first + self.length - 1


def add_block(ws: Worksheet, block: Block) -> None:
    """Put ``block`` on ``ws``: its rows are written when the workbook is closed."""
    if not block.length:
        return
    if not isinstance(ws, _Worksheet):
        _write_slowly(ws, block)
        return
    if ws.constant_memory:
        raise ValueError("blocks need a worksheet without constant_memory")
    if ws.blocks and block.first <= ws.blocks[-1].last:
        raise ValueError("blocks must be added top to bottom")
    if ws._check_dimensions(block.first, 0) or ws._check_dimensions(
        block.last, len(block.columns) - 1
    ):
        raise ValueError(f"block rows {block.first}-{block.last} exceed the sheet")
    ws.blocks.append(block)


def values_of(series) -> list:
    """A column's values as a plain list (missing values as None), without pandas' slow
    element-by-element iteration of string columns."""
    return series.to_numpy(dtype=object, na_value=None).tolist()


def blocks_of(ws: Worksheet) -> list[Block]:
    """The blocks on ``ws``, top to bottom."""
    return getattr(ws, "blocks", None) or []


# --- the fast path ----------------------------------------------------------------------


def _write_rows_with_blocks(ws: _Worksheet) -> None:
    """xlsxwriter's ``_write_rows`` for the rows outside the blocks, the blocks' own XML inside."""
    blocks = ws.blocks
    firsts = [b.first for b in blocks]
    for row in (*ws.table, *ws.row_info):
        i = bisect.bisect_right(firsts, row) - 1
        if i >= 0 and row <= blocks[i].last and (ws.table.get(row) or row in ws.row_info):
            raise ValueError(f"row {row + 1} has cells of its own inside a block")
    write_rows = xlsxwriter.worksheet.Worksheet._write_rows
    rowmin, rowmax = ws.dim_rowmin, ws.dim_rowmax
    start = rowmin
    try:
        for block in blocks:
            if start < block.first:
                ws.dim_rowmin, ws.dim_rowmax = start, block.first - 1
                write_rows(ws)
            later = getattr(ws, "later", None)
            if later is not None and isinstance(ws.fh, io.TextIOWrapper):
                # Its rows go straight into the zip entry (see _ZipFile), here at this offset.
                ws.fh.flush()
                at = ws.fh.buffer.tell()
                later.setdefault(ws.fh.name, []).append((at, block, _styles(block)))
            else:
                _write_block(ws, block)
            start = block.last + 1
        if start <= rowmax:
            ws.dim_rowmin, ws.dim_rowmax = start, rowmax
            write_rows(ws)
    finally:
        ws.dim_rowmin, ws.dim_rowmax = rowmin, rowmax


@lru_cache(maxsize=1024)
def _row_start(height: float | None) -> str:
    """The <row> tag's attributes after r: the height as xlsxwriter's set_row writes it
    (whole pixels, back in points)."""
    if height is None:
        return ">"
    pixels = int(height * 4.0 / 3.0 + 0.5)
    return f' ht="{pixels * 0.75:.16g}" customHeight="1">'


def escape_text(text: str) -> str:
    """Text as inline-string XML content, escaped as xlsxwriter escapes shared strings."""
    if len(text) > STRING_MAX // 2 and len(text.encode("utf-16-le")) // 2 > STRING_MAX:
        text = _truncate_utf16(text)
    if _CONTROL.search(text):
        text = re.sub(r"(_x[0-9a-fA-F]{4}_)", r"_x005F\1", text)
        text = re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"_x{ord(m.group()):04X}_", text)
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _truncate_utf16(text: str) -> str:
    units, out = 0, []
    for ch in text:
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > STRING_MAX:
            break
        out.append(ch)
    return "".join(out)


def _needs_work(texts: list[str]) -> bool:
    """Whether any of ``texts`` may need escaping, cutting or its edge spaces kept (then
    they are looked at one by one); a false alarm costs time only, a miss cannot happen."""
    joined = "".join(texts)
    return (
        "&" in joined
        or "<" in joined
        or ">" in joined
        or "_x" in joined
        or (not joined.isprintable() and _CONTROL_CHAR.search(joined) is not None)
        or max(map(len, texts), default=0) > STRING_MAX // 2
        or list(map(str.strip, texts)) != texts
    )


# A row's XML is '<row r="12"' and its height, then each cell: '<c r="B12"', its style
# (' s="5"') and a tail ('/>' for a formatted blank, else its type and value and '</c>').
# A block writes it as pieces between the row numbers: the pieces of one column are made
# column-wise, each distinct value once, and each row is its pieces joined by its number
# (str.join mapped over the rows in C), not formatted row by row.
def _text_tails(values: Sequence[Any], before: str = "", after: str = "") -> list[str]:
    """Each value's cell tail as text, between ``before`` and ``after``."""
    texts = [v if type(v) is str else as_text(v) for v in values]
    blank = f"{before}/>{after}"
    if not _needs_work(texts):
        # The usual case: nothing to escape, no edge spaces to preserve.
        return [
            f'{before} t="inlineStr"><is><t>{t}</t></is></c>{after}' if t else blank for t in texts
        ]
    tails = []
    for text in texts:
        if not text:
            tails.append(blank)
            continue
        space = ""
        if len(text) > STRING_MAX // 2 or _NEEDS_WORK.search(text):
            text = escape_text(text)
            if _EDGE_SPACE.search(text):  # as xlsxwriter decides, after the escapes
                space = ' xml:space="preserve"'
        tails.append(f'{before} t="inlineStr"><is><t{space}>{text}</t></is></c>{after}')
    return tails


def _num_tails(values: Sequence[Any], before: str = "", after: str = "") -> list[str]:
    """Each value's cell tail as a number (a blank when it is none), between ``before`` and
    ``after``."""
    tails = []
    append = tails.append
    blank = f"{before}/>{after}"
    for value in values:
        kind = type(value)
        if kind is int and -BIG_INT < value < BIG_INT:
            append(f"{before}><v>{value}</v></c>{after}")  # as xlsxwriter's "%.16G" writes it
            continue
        if kind is float:
            # NaN and infinities are blanks; whole floats are written as integers.
            n = (int(value) if value.is_integer() else value) if value - value == 0 else None
        else:
            n = number(value)
        append(blank if n is None else f"{before}><v>{n:.16G}</v></c>{after}")
    return tails


# Types whose equal values give equal cells, so a value made once serves its repeats (in a
# dict True == 1 == 1.0, yet True is "True" as text and a blank as a number).
_TEXT_KINDS = frozenset({str, type(None)})
_NUM_KINDS = frozenset({int, float, type(None)})


def _made(make, values: Sequence[Any], kinds: frozenset) -> list:
    """``make(values)``, each distinct value made once when values repeat (lists of names,
    villages, marks and small numbers do), and all are of ``kinds``."""
    if len(values) > 1 and set(map(type, values)) <= kinds:
        distinct = dict.fromkeys(values)
        if 2 * len(distinct) <= len(values):
            keys = list(distinct)
            made = dict(zip(keys, make(keys), strict=True))
            return list(map(made.__getitem__, values))
    return make(values)


def _cell_openings(ncols: int) -> list[str]:
    """What follows each cell's tail: the next cell's opening up to its row number, and
    after the last cell the row's end."""
    return [f'<c r="{xl_col_to_name(col)}' for col in range(1, ncols)] + ["</row>"]


def _write_block(ws: Worksheet, block: Block) -> None:
    for text in _block_xml(block, _styles(block)):
        ws.fh.write(text)


def _styles(block: Block) -> list[int]:
    """The block's columns' style numbers. xlsxwriter numbers a format when it is first
    asked, so they are asked when the sheet is written, in the order of its cells."""
    return [column.fmt._get_xf_index() if column.fmt is not None else 0 for column in block.columns]


def _block_xml(block: Block, styles: list[int]):
    """The block's rows' XML, :data:`CHUNK` rows at a time."""
    columns = []
    openings = _cell_openings(len(block.columns))
    for column, xf, after in zip(block.columns, styles, openings, strict=True):
        style = f'" s="{xf}"' if xf else '"'  # the row number's closing quote first
        if column.kind == "num":
            make, kinds = functools.partial(_num_tails, before=style, after=after), _NUM_KINDS
        else:
            make, kinds = functools.partial(_text_tails, before=style, after=after), _TEXT_KINDS
        columns.append((make, kinds, column.values))
    # The row's own attributes, then the first cell's opening (or the row's end).
    first_opening = '<c r="A' if block.columns else "</row>"

    def row_starts(heights: Sequence[float | None]) -> list[str]:
        return [f'"{_row_start(h)}{first_opening}' for h in heights]

    for start in range(0, block.length, CHUNK):
        stop = min(start + CHUNK, block.length)
        rows = list(map(str, range(block.first + start + 1, block.first + stop + 1)))
        if block.heights is None:
            starts = [f'"{_row_start(None)}{first_opening}'] * len(rows)
        else:
            starts = _made(row_starts, block.heights[start:stop], _NUM_KINDS)
        pieces = [['<row r="'] * len(rows), starts]
        pieces += [_made(make, values[start:stop], kinds) for make, kinds, values in columns]
        # Each row is its pieces joined by its number.
        yield "".join(map(str.join, rows, zip(*pieces, strict=True)))


# --- the public-API path (any other xlsxwriter version) ---------------------------------


def _write_slowly(ws: Worksheet, block: Block) -> None:
    for i in range(block.length):
        row = block.first + i
        for col, column in enumerate(block.columns):
            value = column.values[i]
            if column.kind == "num":
                n = number(value)
                if n is None:
                    ws.write_blank(row, col, None, column.fmt)
                else:
                    ws.write_number(row, col, n, column.fmt)
            else:
                text = as_text(value)
                if text:
                    ws.write_string(row, col, text, column.fmt)
                else:
                    ws.write_blank(row, col, None, column.fmt)
        height = block.heights[i] if block.heights is not None else None
        if height is not None:
            ws.set_row(row, height)


# --- row heights ---------------------------------------------------------------------------


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """Lines ``text`` takes in a wrapped column of ``width`` (as :func:`cells.fit_row`;
    ``bold``: a bold cell's)."""
    return text_lines(text, width, bold)


def column_lines(texts: list[str], width: float) -> list[int]:
    """:func:`cells.text_lines` of each of ``texts`` in a column of ``width``, the province's
    300,000 names at once: a text clearly shorter than a line is one line unmeasured; the
    rest are measured together (:func:`styles.regular_units`), and only a text wider than a
    line (or of several paragraphs) is wrapped word by word."""
    room = line_room(width)
    sure = room // WIDEST_LETTER
    lines = [1] * len(texts)
    some = [i for i, text in enumerate(texts) if len(text) > sure or "\n" in text]
    if not some:
        return lines
    measured = [texts[i] for i in some]
    joined = "".join(measured).encode("utf-32-le", "surrogatepass")  # one unit a code point
    codes = np.frombuffer(joined, dtype=np.uint32)
    units = regular_units(codes)
    starts = np.zeros(len(measured), dtype=np.int64)
    np.cumsum([len(text) for text in measured[:-1]], out=starts[1:])
    # each text is longer than ``sure`` letters (never empty), so reduceat sums its own
    wide = np.add.reduceat(units, starts) > room
    for i, text, over in zip(some, measured, wide.tolist(), strict=True):
        if over or "\n" in text:
            lines[i] = wrap_count(text, room, False)  # the key text_lines gives it
    return lines


def fitted_heights(
    columns: list[tuple[Sequence[Any], float]], length: int, default: float | None
) -> list[float | None]:
    """Each row's height for its wrapped text cells (``(values, width)`` per column), as
    :func:`cells.fit_row` would set it; rows of one line get ``default``. Each different
    value of a column is measured once (a hamlet's name, a cause: on many rows)."""
    lines = np.ones(length, dtype=np.int64)
    for values, width in columns:
        known = dict.fromkeys(values)  # equal values (1 and 1.0) write the same text
        texts = [value if type(value) is str else as_text(value) for value in known]
        known = dict(zip(known, column_lines(texts, width), strict=True))
        counted = np.fromiter(map(known.__getitem__, values), dtype=np.int64, count=length)
        np.maximum(lines, counted, out=lines)
    lines = lines.tolist()
    return [min(LINE_HEIGHT * n, MAX_ROW_HEIGHT) if n > 1 else default for n in lines]
