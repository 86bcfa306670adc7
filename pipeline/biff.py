"""The cells of an .xls (BIFF5/BIFF8) workbook that show an error value, which calamine reads
as blank.

An .xlsx cell showing '#REF!' is found by the byte scan of its sheet (``sheetscan``); an .xls
stores such a cell as a FORMULA record whose cached result is an error, or as a BOOLERR record
flagged an error, and python-calamine hands both back as ''. Most lists hold none, so the file
is first looked at as bytes (:func:`look`'s ``flagged``): its 'Workbook' stream is put together
from the sectors of its OLE2 container (a record split over two sectors that lie apart in the
file is whole again) and searched once for either record. Only a sheet holding such bytes is
read again, by xlrd (:func:`sheet_errors`), for each error cell's row, column and text. A
false hit (the bytes inside some other record) costs that read and finds nothing; a real
error record is never missed by the search, and a container that cannot be made out (a
workbook of less than 4,096 bytes, kept in the mini stream; a broken sector chain) has every
sheet read by xlrd.

The same stream says which rows are hidden (:func:`hidden_rows`), which calamine does not:
one search for a ROW record flagged hidden, and for a sheet holding one, a walk over its
records (with its filter, if any).
"""

from __future__ import annotations

import os
import re
import struct
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pipeline import lazyre

if TYPE_CHECKING:
    from pipeline.sheetscan import Fragments

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STREAMS = ("workbook", "book")  # BIFF8, BIFF5
_END_OF_CHAIN = -2
_MINI_CUTOFF = 4096

# A BOOLERR record (0x0205, 8 bytes: row, column, XF, value, and 1 when the value is an error's
# code); a FORMULA record is found by its result's 0xFFFF (_formula_errors).
_BOOLERR_ERROR = lazyre.compile(rb"\x05\x02\x08\x00.{7}\x01", re.S)
_XL_CELL_ERROR = 5  # xlrd's cell type of an error value
# BIFF error codes as Excel shows them (the same texts an .xlsx holds: sheetscan)
ERROR_TEXTS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
               0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}  # fmt: skip


# A ROW record (0x0208, 16 bytes: row, first and last column, height, two reserved words,
# then the option flags) whose flags hold fDyZero (0x20): the row is hidden, by hand, by a
# filter or in a collapsed outline group ([MS-XLS] 2.4.221 Row; xlrd's Rowinfo.hidden). The
# byte after the record's 12 bytes up to the flags has that bit set.
_HIDDEN_ROW = lazyre.compile(rb"\x08\x02\x10\x00.{12}[\x20-\x3f\x60-\x7f\xa0-\xbf\xe0-\xff]", re.S)
_FONT, _STRIKE_OUT = 0x0031, 0x0008  # a FONT record; its option flags' fStrikeOut
_ROW, _BOF, _NAME, _BOUNDSHEET, _EOF = 0x0208, 0x0809, 0x0018, 0x0085, 0x000A
# A sheet whose rows a filter hides: FILTERMODE (the sheet's data was filtered), AUTOFILTER (a
# column's criteria) or AUTOFILTER12 (Excel 2007's); AUTOFILTERINFO alone is the drop-down
# arrows, filtering nothing (as an xlsx's <autoFilter> without a <filterColumn>).
_FILTERED = frozenset((0x009B, 0x009E, 0x087E))
_FILTER_DATABASE = 0x0D  # the built-in name '_FilterDatabase': the range under the arrows
_AREA_3D = frozenset((0x3B, 0x5B, 0x7B))  # ptgArea3d, of each class
_EVERY_ROW = (0, 1 << 30)


@dataclass
class Look:
    """What the bytes of an .xls say: the sheets that may hold a cell showing an error value
    and the runs of hidden rows of each sheet (:func:`hidden_rows`), both by the sheet's name
    in the file."""

    # {sheet: its index among the worksheets} of the sheets that may hold a cell showing an
    # error value; {} when none does (nearly every list: told from the bytes, without reading
    # the workbook) or the file is no OLE2 file
    flagged: dict[str, int] = field(default_factory=dict)
    hidden_rows: dict[str, list[tuple[int, int, bool]]] = field(default_factory=dict)
    # whether a font strikes its text through (:func:`struck_font`; session 30): the sheets'
    # struck cells are then read by xlrd (:func:`struck_cells`)
    struck: bool = False


def look(path: Path) -> Look:
    """The file's bytes read once, its 'Workbook' stream put together once, for both."""
    try:
        with open(path, "rb", buffering=0) as handle:
            if handle.read(8) != OLE_MAGIC:
                return Look()
            handle.seek(0)
            data = handle.readall()
    except OSError:
        return Look()
    stream = workbook_stream(data)
    hidden = {} if stream is None else hidden_rows(stream)
    # a container not made out: its fonts are read by xlrd, as its error cells are
    struck = stream is None or struck_font(stream)
    return Look(_flagged(data, stream), hidden, struck)


def _flagged(data: bytes, stream: bytes | None) -> dict[str, int]:
    wanted = None if stream is None else _sheets_hit(stream)
    if wanted is not None and not wanted:
        return {}
    try:
        with quiet_book(file_contents=data) as book:
            names = book.sheet_names()
    except Exception:  # noqa: BLE001 - a file xlrd cannot read: calamine's word stands
        return {}
    return {name: index for index, name in enumerate(names) if wanted is None or index in wanted}


def sheet_errors(path: Path, index: int) -> dict[tuple[int, int], str]:
    """{(row, col) 0-based: '#REF!'} of the cells of the ``index``-th worksheet showing an error
    value ({} when the file cannot be read so)."""
    out: dict[tuple[int, int], str] = {}
    try:
        with quiet_book(file_contents=path.read_bytes(), ragged_rows=True) as book:
            sheet = book.sheet_by_index(index)
            for r in range(sheet.nrows):
                types = sheet.row_types(r)
                if _XL_CELL_ERROR in types:  # one search per row; error cells are few
                    values = sheet.row_values(r)
                    for c, kind in enumerate(types):
                        if kind == _XL_CELL_ERROR:
                            out[(r, c)] = ERROR_TEXTS.get(values[c], "#ERROR")
    except Exception:  # noqa: BLE001 - xlrd's complaint about a file calamine read: no errors
        return out
    return out


def struck_font(stream: bytes) -> bool:
    """Whether a FONT record of the workbook's globals holds fStrikeOut in its option flags (the
    word after its height; [MS-XLS] 2.4.122 Font, xlrd's Font.struck_out): the globals' records
    walked one by one from the stream's start to their EOF (its fonts, formats, styles, names:
    a few hundred; each moves on by its header at least). Excel's own fonts strike nothing."""
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        opcode, length = struct.unpack_from("<HH", stream, pos)
        if opcode == _FONT and length >= 4 and pos + 7 <= end:
            if stream[pos + 6] & _STRIKE_OUT:
                return True
        elif opcode == _EOF:
            return False
        pos += 4 + length
    return False


def struck_cells(path: Path, sheet_name: str) -> set[tuple[int, int]]:
    """(row, col) 0-based of the cells of the .xls sheet named ``sheet_name`` written in a font
    that strikes its text through (its cell XF's font), read by xlrd with the workbook's
    formatting: asked only of a file one of whose fonts strikes text (:func:`struck_font`).
    Part of a cell's text struck (rich text) is not looked at. set() when xlrd cannot read it."""
    out: set[tuple[int, int]] = set()
    try:
        with quiet_book(filename=str(path), formatting_info=True) as book:
            fonts = {i for i, font in enumerate(book.font_list) if font.struck_out}
            styles = {i for i, xf in enumerate(book.xf_list) if xf.font_index in fonts}
            if not styles:
                return out
            sheet = book.sheet_by_name(sheet_name)
            for r in range(sheet.nrows):
                for c, kind in enumerate(sheet.row_types(r)):
                    if kind not in (0, 6) and sheet.cell_xf_index(r, c) in styles:  # not empty
                        out.add((r, c))
    except Exception:  # noqa: BLE001 - xlrd's complaint about a file calamine read: none
        return set()
    return out


def emphasised_cells(
    path: Path, sheet_name: str, parts: dict[tuple[int, int], Fragments] | None = None
) -> dict[tuple[int, int], tuple[bool, bool]]:
    """{(row, col) 0-based: (bold, italic)} of the cells of the .xls sheet named
    ``sheet_name`` written in a bold or italic font (their cell XF's font), read by xlrd with
    the workbook's formatting, as :func:`struck_cells` reads a struck one: for the feedback
    copy, which keeps the head's bold 'Trưởng xóm' below his table (session 60; an xlsx's since
    session 59, G2). A text in several fonts (rich text: BIFF's formatting runs of its shared
    string, xlrd's ``rich_text_runlist_map``; session 62): bold (italic) where every run of
    it holding more than spaces is, and its :data:`~pipeline.sheetscan.Fragments` put in
    ``parts`` where they differ. {} when xlrd cannot read it."""
    from pipeline.sheetscan import fragments_of

    out: dict[tuple[int, int], tuple[bool, bool]] = {}
    try:
        with quiet_book(filename=str(path), formatting_info=True) as book:
            # bold by its weight (700; Excel's flag for it is redundant since BIFF5)
            fonts = {
                i: (bool(f.bold) or f.weight >= 600, bool(f.italic))
                for i, f in enumerate(book.font_list)
            }
            styles = {
                i: fonts.get(xf.font_index, (False, False)) for i, xf in enumerate(book.xf_list)
            }
            if not any(any(said) for said in fonts.values()):
                return out
            sheet = book.sheet_by_name(sheet_name)
            for r in range(sheet.nrows):
                for c, kind in enumerate(sheet.row_types(r)):
                    if kind in (0, 6):  # empty, blank
                        continue
                    said = styles.get(sheet.cell_xf_index(r, c), (False, False))
                    runs = sheet.rich_text_runlist_map.get((r, c)) if kind == 1 else None
                    if runs:
                        text = sheet.cell_value(r, c)
                        bounds = [(0, said)] + [
                            (at, fonts.get(font, (False, False))) for at, font in runs
                        ]
                        pieces = [
                            (text[at : (bounds[k + 1][0] if k + 1 < len(bounds) else None)], f)
                            for k, (at, f) in enumerate(bounds)
                        ]
                        split = fragments_of(pieces)
                        if split is not None:
                            if parts is not None:
                                parts[(r, c)] = split
                            said = (all(b for _, b, _ in split), all(i for _, _, i in split))
                        elif any(t.strip() for t, _ in pieces):
                            said = next(f for t, f in pieces if t.strip())
                    if any(said):
                        out[(r, c)] = said
    except Exception:  # noqa: BLE001 - xlrd's complaint about a file calamine read: none
        return {}
    return out


@contextmanager
def quiet_book(**kwargs) -> Iterator:
    """An .xls opened by xlrd (``on_demand``: each sheet loaded when asked for), its remarks
    about the file ("WARNING *** file size ...", printed on stdout unless given a log) sent
    nowhere for as long as the book is read, since loading a sheet logs too; its resources
    released after. Raises ImportError without xlrd, and what xlrd raises for a file it cannot
    read. Used here and by ``legacy`` (the fonts of legacy Vietnamese text)."""
    import xlrd

    with open(os.devnull, "w", encoding="utf-8") as quiet:
        book = xlrd.open_workbook(on_demand=True, logfile=quiet, verbosity=0, **kwargs)
        try:
            yield book
        finally:
            book.release_resources()


def encrypted(path: Path) -> bool:
    """Whether an .xls is encrypted with a password to open (a FILEPASS record after its
    BOF): python-calamine, reading the records without decrypting them, fails on the XOR
    obfuscation of Excel's and LibreOffice's "password to open" with an unknown codepage
    (session 38), so xlrd, which tells it, is asked when calamine has failed."""
    try:
        with open(path, "rb") as handle:
            if handle.read(8) != OLE_MAGIC:
                return False
        with quiet_book(filename=str(path)):
            return False
    except Exception as err:  # noqa: BLE001 - any other failure: not told encrypted
        return "encrypted" in str(err).lower()


def _sheets_hit(stream: bytes) -> set[int] | None:
    """The indexes among the worksheets of the sheets whose records hold the bytes of an error
    cell; None when the workbook's sheets cannot be made out (each is then read)."""
    hits = _formula_errors(stream) + [m.start() for m in _BOOLERR_ERROR.finditer(stream)]
    if not hits:
        return set()
    sheets = sorted(_boundsheets(stream), key=lambda sheet: sheet.bof)
    if not sheets:
        return None
    starts = [sheet.bof for sheet in sheets]
    owners = {sheets[at].index for at in (bisect_right(starts, hit) - 1 for hit in hits) if at >= 0}
    return owners - {-1}  # a hit in the globals or a chart is no cell


def hidden_rows(stream: bytes) -> dict[str, list[tuple[int, int, bool]]]:
    """{worksheet as named in the file: (first, last, hidden by a filter) 0-based, inclusive}
    of its runs of hidden rows, as ``sheetscan`` gives an xlsx's. A stream holding no ROW
    record flagged hidden (nearly every list) costs one search; a hit is given to the sheet
    whose BOF precedes it, and only such a sheet's records are walked, one by one (a hit
    inside some other record's bytes finds nothing). Rows a filter hides: those of a filtered
    sheet (``_FILTERED``) under the header of its '_FilterDatabase' range (every row when the
    range is not found). Rows no ROW record is written for hold no cell: not looked for."""
    if _HIDDEN_ROW.search(stream) is None:
        return {}
    from pipeline.sheetscan import hidden_runs

    sheets = sorted(_boundsheets(stream), key=lambda sheet: sheet.bof)
    starts = [sheet.bof for sheet in sheets]
    hit = {bisect_right(starts, m.start()) - 1 for m in _HIDDEN_ROW.finditer(stream)}
    out: dict[str, list[tuple[int, int, bool]]] = {}
    for at in sorted(hit):
        sheet = sheets[at] if at >= 0 else None
        if sheet is None or sheet.index < 0 or sheet.name in out:
            continue  # the globals, a chart; a name twice (a broken file): the first
        end = starts[at + 1] if at + 1 < len(starts) else len(stream)
        rows, filtered = _sheet_hidden_rows(stream, sheet.bof, end)
        if rows:
            span = (sheet.filter_range or _EVERY_ROW) if filtered else None
            out[sheet.name] = hidden_runs(sorted(set(rows)), span)
    return out


def _sheet_hidden_rows(stream: bytes, start: int, end: int) -> tuple[list[int], bool]:
    """The rows of the ROW records flagged hidden among the records from ``start`` to ``end``
    (a sheet's, an embedded chart's within them), and whether a record says a filter hides
    rows. Each record moves on by its header at least: bounded by the stream's length."""
    rows, filtered, pos, end = [], False, start, min(end, len(stream))
    while pos + 4 <= end:
        opcode, length = struct.unpack_from("<HH", stream, pos)
        if opcode == _ROW:
            if length >= 16 and pos + 20 <= end and stream[pos + 16] & 0x20:
                rows.append(struct.unpack_from("<H", stream, pos + 4)[0])
        elif opcode in _FILTERED:
            filtered = True
        pos += 4 + length
    return rows, filtered


def _formula_errors(stream: bytes) -> list[int]:
    """Where FORMULA records (0x0006: row, column, XF, then the 8-byte cached result) whose
    result is an error (0x02 first, the error's code two bytes on, 0xFFFF last) may start.
    Found from the byte 0xFF (memchr: a few hundred in a list, a number's result holds none
    but for a NaN), many times faster than a search for the record's pattern."""
    out, at = [], stream.find(b"\xff", 16)
    while at >= 0:
        if (
            stream[at + 1 : at + 2] == b"\xff"
            and stream[at - 6] == 2
            and stream[at - 16 : at - 14] == b"\x06\x00"
        ):
            out.append(at - 16)
        at = stream.find(b"\xff", at + 1)
    return out


class _Sheet(NamedTuple):
    bof: int  # the stream position of its BOF
    index: int  # among the worksheets (as xlrd counts them), -1 for a chart, macro or VBA sheet
    name: str  # as named in the file
    filter_range: tuple[int, int] | None  # the rows (0-based) under its AutoFilter's header


def _boundsheets(stream: bytes) -> list[_Sheet]:
    """Each sheet the workbook globals list (BOUNDSHEET records), in their order, with the
    rows of its AutoFilter's range below its header (the built-in name '_FilterDatabase' of
    the sheet, NAME records that follow). Bounded by the stream: garbage gives fewer sheets."""
    out, ranges, worksheets, pos, end = [], {}, 0, 0, len(stream)
    biff8 = stream[4:6] == b"\x00\x06"  # the globals' BOF: BIFF8; else BIFF5's 8-bit names
    while pos + 4 <= end:
        opcode, length = struct.unpack_from("<HH", stream, pos)
        if opcode == _BOUNDSHEET and length >= 6 and pos + 4 + length <= end:
            bof = struct.unpack_from("<I", stream, pos + 4)[0]
            name = _sheet_name(stream[pos + 10 : pos + 4 + length], biff8)
            if stream[pos + 9] == 0:  # a worksheet (as xlrd counts them)
                out.append(_Sheet(bof, worksheets, name, None))
                worksheets += 1
            else:
                out.append(_Sheet(bof, -1, name, None))
        elif opcode == _NAME and biff8 and pos + 4 + length <= end:
            found = _filter_database(stream[pos + 4 : pos + 4 + length])
            if found is not None:
                ranges.setdefault(found[0], found[1])
        elif opcode == _EOF:  # the end of the globals
            break
        pos += 4 + length
    return [sheet._replace(filter_range=ranges.get(at + 1)) for at, sheet in enumerate(out)]


def _sheet_name(data: bytes, biff8: bool) -> str:
    """A BOUNDSHEET's name: its length, then (BIFF8) a flags byte, 1 for UTF-16, and the
    characters; '' when cut short."""
    if not data:
        return ""
    count = data[0]
    if not biff8:
        return data[1 : 1 + count].decode("cp1252", "replace")
    wide = len(data) > 1 and data[1] & 1
    body = data[2 : 2 + count * (2 if wide else 1)]
    return body.decode("utf-16-le", "replace") if wide else body.decode("latin-1")


def _filter_database(data: bytes) -> tuple[int, tuple[int, int]] | None:
    """(its sheet's position among the BOUNDSHEETs, 1-based; the rows, 0-based, below the
    header) of a BIFF8 NAME record that is a sheet's '_FilterDatabase' (built-in, code 0x0D),
    its formula one area (ptgArea3d: the sheet's index, first row, last row, columns); None
    for any other name. The layout as xlrd's Book.handle_name reads it."""
    if len(data) < 16:
        return None
    flags, _, count, size, _, sheet = struct.unpack_from("<HBBHHH", data, 0)
    wide = data[14] & 1
    at = 15 + count * (2 if wide else 1)  # the formula
    if not flags & 0x20 or count != 1 or data[15] != _FILTER_DATABASE or size < 11:
        return None
    if len(data) < at + 11 or data[at] not in _AREA_3D:
        return None
    first, last = struct.unpack_from("<HH", data, at + 3)
    return (sheet, (first + 1, last)) if sheet and first < last else None


def workbook_stream(data: bytes) -> bytes | None:
    """The 'Workbook' (or BIFF5 'Book') stream of an OLE2 compound file, its sectors put
    together in their chain's order (a record split over two sectors that lie apart in the file
    is whole again: LibreOffice's own files have the second FAT sector in the middle of the
    stream); None when it cannot be made out, or is kept in the mini stream (under 4,096
    bytes)."""
    try:
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if not 7 <= shift <= 16:
            return None
        size = 1 << shift
        fat_count, first_dir = struct.unpack_from("<Ii", data, 0x2C)
        first_difat, difat_count = struct.unpack_from("<iI", data, 0x44)
        sectors = -(-(len(data) - size) // size)  # the last one may be cut short
        per = size // 4

        def sector(n: int) -> bytes:
            if not 0 <= n < sectors:
                raise ValueError(n)
            return data[(n + 1) * size : (n + 2) * size].ljust(size, b"\xff")

        if fat_count > sectors or difat_count > sectors:
            return None  # more FAT sectors than the file holds: no container to trust
        fat_sectors = list(array("i", data[0x4C:0x200]))
        next_difat, seen = first_difat, 0
        while len(fat_sectors) < fat_count and next_difat >= 0 and seen <= difat_count:
            entries = array("i", sector(next_difat))
            fat_sectors += entries[: per - 1]
            next_difat, seen = entries[per - 1], seen + 1
        fat = array("i", b"".join(sector(n) for n in fat_sectors[:fat_count]))
        # the sectors whose next one in their chain is not the one after them in the file
        ends = [n for n, after in enumerate(fat) if after != n + 1]
        directory = _joined(data, _runs(fat, ends, first_dir), size)
        for at in range(0, len(directory) - 127, 128):
            name_len = struct.unpack_from("<H", directory, at + 64)[0]
            name = directory[at : at + max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
            if directory[at + 66] != 2 or name.lower() not in _STREAMS:
                continue
            start, length = struct.unpack_from("<iI", directory, at + 116)
            if length < _MINI_CUTOFF:
                return None
            runs = _runs(fat, ends, start)
            stream = _joined(data, runs, size)
            return stream[:length] if len(stream) >= length else None
    except (ValueError, struct.error, IndexError, OverflowError):
        return None
    return None


def _runs(fat: array, ends: list[int], start: int) -> list[tuple[int, int]]:
    """The chain of sectors from ``start`` as runs (first, last) of neighbours in the file."""
    runs: list[tuple[int, int]] = []
    n = start
    while n != _END_OF_CHAIN:
        at = bisect_left(ends, n)
        if not 0 <= n < len(fat) or at == len(ends) or len(runs) > len(ends):
            raise ValueError(n)  # out of the file, or looping
        runs.append((n, ends[at]))
        n = fat[ends[at]]
    return runs


def _joined(data: bytes, runs: list[tuple[int, int]], size: int) -> bytes:
    """The sectors of ``runs`` one after another, each run of neighbours one slice."""
    view = memoryview(data)
    return b"".join(view[(first + 1) * size : (last + 2) * size] for first, last in runs)
