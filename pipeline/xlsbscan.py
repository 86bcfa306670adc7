"""The hidden rows of an .xlsb sheet, which python-calamine does not say (session 31).

An .xlsb is a zip whose parts hold BIFF12 records ([MS-XLSB] 2.1.4): a record type (1-2
bytes, 7 bits each, the high bit saying another byte follows), a size (1-4 bytes, the same
way), then the data. A sheet is found as calamine finds it: its BrtBundleSh record in
``xl/workbook.bin`` (hsState, iTabID, the relationship id, the name) and that id's target in
``xl/_rels/workbook.bin.rels``. In the sheet's part each row that holds a cell or a format
has a BrtRowHdr (type 0: rw, 4 bytes; ixfe, 4; miyRw, 2; a flags byte; at offset 11 the byte
holding iOutLevel (0x07), fCollapsed (0x08) and fDyZero (0x10, the row hidden by hand, by a
filter or in a collapsed group)). A filter is BrtBeginAFilter (161, its range rwFirst,
rwLast, colFirst, colLast) holding a BrtBeginFilterColumn (163) when some column is
filtered; an Excel Table's filter is in its own part, the sheet holding BrtListPart (661).

A sheet with no hidden row costs one regular-expression search (a BrtRowHdr's header with
fDyZero); only a sheet where it hits has its records walked one by one, for the exact rows (a
hit inside another record finds nothing). Nothing here raises on a damaged part: a record cut
short ends the walk.
"""

from __future__ import annotations

import struct
import zipfile

from pipeline import lazyre
from pipeline.sheetscan import hidden_runs, read_bounded, relation_targets

_ROW_HDR = 0x0000
_BEGIN_AFILTER, _BEGIN_FILTER_COLUMN, _BUNDLE_SH, _END_BUNDLE_SHS = 161, 163, 0x009C, 0x0090
_LIST_PART = 661
_MAX_ROW = 0x0010_0000

# A hidden row's BrtRowHdr as [MS-XLSB] 2.4.761 has it: type 0, a size of 17 + 8 x ccolspan
# (ccolspan up to 16: 129 and more in two bytes; the two agreeing is checked on each hit,
# :func:`_may_hide`), a row number below 1,048,576, ixfe and miyRw (6 bytes), fExtraAsc and
# fExtraDsc (the reserved bits zero), the flags byte holding fDyZero, the fPhonetic byte, then
# ccolspan. Zero-filled data inside other records would match a looser pattern all over a
# sheet, and each hit costs the walk.
_HIDDEN_ROW = lazyre.compile(
    rb"\x00(?:[\x11\x19\x21\x29\x31\x39\x41\x49\x51\x59\x61\x69\x71\x79]|[\x81\x89\x91]\x01)"
    rb"[\x00-\xff]{2}[\x00-\x0f]\x00[\x00-\xff]{6}[\x00-\x03]["
    + b"".join(b"\\x%02x" % b for b in range(256) if b & 0x10)
    + rb"][\x00\x01][\x00-\x10]\x00\x00\x00"
)


def _may_hide(data: bytes) -> bool:
    """Whether some hit of ``_HIDDEN_ROW`` has its size and ccolspan agree."""
    for found in _HIDDEN_ROW.finditer(data):
        at, end = found.start(), found.end()
        size = data[at + 1] if data[at + 1] < 0x80 else (data[at + 1] & 0x7F) | 0x80
        if size == 17 + 8 * data[end - 4]:
            return True
    return False


def records(data: bytes, start: int = 0):
    """(type, data offset, size) of each record of ``data`` from ``start``; stops at a record
    cut short."""
    pos, end = start, len(data)
    while pos < end:
        byte = data[pos]
        pos += 1
        kind = byte & 0x7F
        if byte & 0x80:
            if pos >= end:
                return
            kind |= (data[pos] & 0x7F) << 7
            pos += 1
        size = 0
        for shift in (0, 7, 14, 21):
            if pos >= end:
                return
            byte = data[pos]
            pos += 1
            size |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        if pos + size > end:
            return
        yield kind, pos, size
        pos += size


def _wide(data: bytes, at: int, end: int) -> tuple[str | None, int]:
    """An XLNullableWideString at ``at``: (text, offset after); None for a null one."""
    if at + 4 > end:
        raise ValueError("cut short")
    (count,) = struct.unpack_from("<I", data, at)
    if count == 0xFFFF_FFFF:
        return None, at + 4
    stop = at + 4 + 2 * count
    if stop > end:
        raise ValueError("cut short")
    return data[at + 4 : stop].decode("utf-16-le", "replace"), stop


def sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """{sheet name as calamine gives it: its part ('xl/worksheets/sheet1.bin')} of an .xlsb's
    sheets found in the package ({} for any other file, or when not made out)."""
    names = set(package.namelist())
    if "xl/workbook.bin" not in names:
        return {}
    targets = relation_targets(package, "xl/_rels/workbook.bin.rels", names)
    data = read_bounded(package, "xl/workbook.bin")
    parts: dict[str, str] = {}
    for kind, at, size in records(data):
        if kind == _END_BUNDLE_SHS:
            break
        if kind != _BUNDLE_SH:
            continue
        try:
            relation, after = _wide(data, at + 8, at + size)
            name, _ = _wide(data, after, at + size)
        except (ValueError, struct.error):
            continue
        if relation is not None and name is not None and targets.get(relation) in names:
            parts.setdefault(name, targets[relation])
    return parts


def hidden_rows(data: bytes) -> list[tuple[int, int, bool]]:
    """(first, last, hidden by a filter) 0-based, inclusive, of the runs of rows hidden in the
    sheet part ``data`` (fDyZero); [] at the cost of one search when none may be."""
    if not _may_hide(data):
        return []
    rows: list[int] = []
    autofilter: tuple[int, int] | None = None
    filtered = table = False
    for kind, at, size in records(data):
        if kind == _ROW_HDR:
            if size < 12:
                continue
            (row,) = struct.unpack_from("<I", data, at)
            if row >= _MAX_ROW:
                break  # calamine reads no further either
            if data[at + 11] & 0x10:
                rows.append(row)
        elif kind == _BEGIN_AFILTER and size >= 16 and autofilter is None:
            first, last = struct.unpack_from("<II", data, at)
            autofilter = (first + 1, last)  # the rows under its header
        elif kind == _BEGIN_FILTER_COLUMN and autofilter is not None:
            filtered = True
        elif kind == _LIST_PART:
            table = True
    if not rows:
        return []
    if autofilter is not None:
        span = autofilter if filtered else None  # the drop-down arrows only: nothing filtered
    else:
        span = (0, 1 << 30) if table else None  # an Excel Table's filter: as for an xlsx
    return hidden_runs(sorted(set(rows)), span)


def sheet_hidden_rows(package: zipfile.ZipFile, parts: dict[str, str], name: str) -> list:
    """:func:`hidden_rows` of sheet ``name`` (as calamine names it) of an .xlsb whose
    :func:`sheet_parts` are ``parts``; [] when its part is not found or too large."""
    part = parts.get(name)
    if not part:
        return []
    info = package.getinfo(part)
    if info.file_size > 1 << 30:
        return []  # the precheck refuses such packages before they get here
    return hidden_rows(read_bounded(package, info))
