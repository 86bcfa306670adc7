"""The cells of an .xls (BIFF5/BIFF8) workbook that show an error value, which calamine reads
as blank.

An .xlsx cell showing '#REF!' is found by the byte scan of its sheet (``sheetscan``); an .xls
stores such a cell as a FORMULA record whose cached result is an error, or as a BOOLERR record
flagged an error, and python-calamine hands both back as ''. Most lists hold none, so the file
is first looked at as bytes (:func:`flagged_sheets`): its 'Workbook' stream is put together
from the sectors of its OLE2 container (a record split over two sectors that lie apart in the
file is whole again) and searched once for either record. Only a sheet holding such bytes is
read again, by xlrd (:func:`sheet_errors`), for each error cell's row, column and text. A
false hit (the bytes inside some other record) costs that read and finds nothing; a real
error record is never missed by the search, and a container that cannot be made out (a
workbook of less than 4,096 bytes, kept in the mini stream; a broken sector chain) has every
sheet read by xlrd.
"""

from __future__ import annotations

import os
import re
import struct
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STREAMS = ("workbook", "book")  # BIFF8, BIFF5
_END_OF_CHAIN = -2
_MINI_CUTOFF = 4096

# A BOOLERR record (0x0205, 8 bytes: row, column, XF, value, and 1 when the value is an error's
# code); a FORMULA record is found by its result's 0xFFFF (_formula_errors).
_BOOLERR_ERROR = re.compile(rb"\x05\x02\x08\x00.{7}\x01", re.S)
_XL_CELL_ERROR = 5  # xlrd's cell type of an error value
# BIFF error codes as Excel shows them (the same texts an .xlsx holds: sheetscan)
ERROR_TEXTS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
               0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}  # fmt: skip


def flagged_sheets(path: Path) -> dict[str, int]:
    """{sheet as named in the file: its index among the worksheets} of the sheets that may
    hold a cell showing an error value; {} when none does (nearly every list: told from the
    bytes, without reading the workbook) or the file is no OLE2 file."""
    try:
        with open(path, "rb", buffering=0) as handle:
            if handle.read(8) != OLE_MAGIC:
                return {}
            handle.seek(0)
            data = handle.readall()
    except OSError:
        return {}
    stream = workbook_stream(data)
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


def _sheets_hit(stream: bytes) -> set[int] | None:
    """The indexes among the worksheets of the sheets whose records hold the bytes of an error
    cell; None when the workbook's sheets cannot be made out (each is then read)."""
    hits = _formula_errors(stream) + [m.start() for m in _BOOLERR_ERROR.finditer(stream)]
    if not hits:
        return set()
    sheets = _boundsheets(stream)
    if not sheets:
        return None
    sheets.sort()
    starts = [bof for bof, _ in sheets]
    owners = {sheets[at][1] for at in (bisect_right(starts, hit) - 1 for hit in hits) if at >= 0}
    return owners - {-1}  # a hit in the globals or a chart is no cell


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


def _boundsheets(stream: bytes) -> list[tuple[int, int]]:
    """(stream position of its BOF, index among the worksheets or -1 for a chart, a macro or
    VBA sheet) of each sheet the workbook globals list (BOUNDSHEET records), in their order."""
    out, worksheets, pos, end = [], 0, 0, len(stream)
    while pos + 4 <= end:
        opcode, length = struct.unpack_from("<HH", stream, pos)
        if opcode == 0x0085 and length >= 6:
            bof = struct.unpack_from("<I", stream, pos + 4)[0]
            if stream[pos + 9] == 0:  # a worksheet (as xlrd counts them)
                out.append((bof, worksheets))
                worksheets += 1
            else:
                out.append((bof, -1))
        elif opcode == 0x000A:  # the end of the globals
            break
        pos += 4 + length
    return out


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
