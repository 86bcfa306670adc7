"""A minimal .xlsb writer for tests (session 31): a workbook's sheets written as BIFF12 records
([MS-XLSB]) in a zip that python-calamine reads: '[Content_Types].xml', the package's and the
workbook's relationships, 'xl/workbook.bin' (a BrtBundleSh per sheet), 'xl/sharedStrings.bin'
(every text once) and a 'xl/worksheets/sheetN.bin' per sheet: BrtWsDim, then each row holding a
cell or hidden as a BrtRowHdr (fDyZero, 0x10 of its byte 11, when hidden) followed by its cells
(BrtCellIsst for text, BrtCellReal for numbers, BrtCellBool), then an AutoFilter
(BrtBeginAFilter, with a BrtBeginFilterColumn when a column is filtered) or an Excel Table's
BrtListPart. No styles part: numbers are read as numbers."""

from __future__ import annotations

import struct
import zipfile
from datetime import date, datetime
from pathlib import Path

from tests.biff import Filter, rows_of, sheets_of


def _varint(value: int, most: int) -> bytes:
    out = bytearray()
    for _ in range(most):
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            break
    assert not value, "too large for a record header"
    return bytes(out)


def record(kind: int, data: bytes = b"") -> bytes:
    """One BIFF12 record: its type (1-2 bytes), its size (1-4 bytes), its data."""
    return _varint(kind, 2) + _varint(len(data), 4) + data


def wide(text: str | None) -> bytes:
    """An XLWideString (None: a null XLNullableWideString)."""
    if text is None:
        return struct.pack("<I", 0xFFFF_FFFF)
    raw = text.encode("utf-16-le")
    return struct.pack("<I", len(raw) // 2) + raw


def row_header(row: int, hidden: bool) -> bytes:
    """BrtRowHdr: rw, ixfe 0, miyRw 300 (15 pt), byte 10, flags (fDyZero 0x10), fPhonetic byte,
    no column span (17 bytes)."""
    return record(0x0000, struct.pack("<IIHBBBI", row, 0, 300, 0, 0x10 if hidden else 0, 0, 0))


def _excel_serial(value: date | datetime) -> float:
    start = datetime(1899, 12, 30)
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    return (moment - start).total_seconds() / 86400


def sheet_part(
    cells: dict[tuple[int, int], object],
    strings: dict[str, int],
    hidden: set[int] = frozenset(),
    autofilter: Filter | None = None,
    table: bool = False,
) -> bytes:
    """A worksheet part: ``cells`` {(row, col) 0-based: value}, text by its index in
    ``strings`` (added there), the ``hidden`` rows (0-based) flagged."""
    rows = sorted({r for r, _ in cells} | set(hidden))
    last_row = max(rows, default=0)
    last_col = max((c for _, c in cells), default=0)
    body = record(0x0081)  # BrtBeginSheet
    body += record(0x0094, struct.pack("<IIII", 0, last_row, 0, last_col))  # BrtWsDim
    body += record(0x0091)  # BrtBeginSheetData
    for row in rows:
        body += row_header(row, row in hidden)
        for (r, col), value in sorted(cells.items()):
            if r != row:
                continue
            head = struct.pack("<II", col, 0)
            if isinstance(value, bool):
                body += record(0x0004, head + bytes([value]))
            elif isinstance(value, (int, float)):
                body += record(0x0005, head + struct.pack("<d", value))
            elif isinstance(value, (date, datetime)):
                body += record(0x0005, head + struct.pack("<d", _excel_serial(value)))
            else:
                index = strings.setdefault(str(value), len(strings))
                body += record(0x0007, head + struct.pack("<I", index))
    body += record(0x0092)  # BrtEndSheetData
    if autofilter is not None:
        first, last, first_col, last_col = autofilter.range
        body += record(161, struct.pack("<IIII", first, last, first_col, last_col))
        if autofilter.applied:
            body += record(163, struct.pack("<IH", autofilter.column, 0))
            body += record(164)
        body += record(162)
    if table:
        body += record(660, struct.pack("<I", 1)) + record(661, wide("rId1")) + record(662)
    return body + record(0x0082)  # BrtEndSheet


def xlsb_bytes(
    sheets: list[tuple[str, dict[tuple[int, int], object]]],
    hidden_sheets: set[str] = frozenset(),
    hidden_rows: dict[str, set[int]] | None = None,
    filters: dict[str, Filter] | None = None,
    tables: set[str] = frozenset(),
    date1904: bool = False,
) -> bytes:
    """The .xlsb package of ``sheets`` [(name, cells)], as a zip's bytes; ``date1904``: its
    BrtWbProp says Excel's 1904 calendar (f1904, the first bit of its flags)."""
    import io

    hidden_rows, filters = hidden_rows or {}, filters or {}
    strings: dict[str, int] = {}
    parts = [sheet_part(cells, strings, hidden_rows.get(name, set()), filters.get(name),
                        name in tables)
             for name, cells in sheets]  # fmt: skip
    book = record(0x0083)  # BrtBeginBook
    # BrtWbProp: flags, dwThemeVersion, strName (empty), as Excel writes it before the sheets
    book += record(0x0099, struct.pack("<II", 1 if date1904 else 0, 0) + wide(""))
    book += record(0x008F)  # BrtBeginBundleShs
    for index, (name, _) in enumerate(sheets, start=1):
        state = 1 if name in hidden_sheets else 0
        book += record(0x009C, struct.pack("<II", state, index) + wide(f"rId{index}") + wide(name))
    book += record(0x0090) + record(0x0084)  # BrtEndBundleShs, BrtEndBook
    sst = record(0x009F, struct.pack("<II", len(strings), len(strings)))
    for text in sorted(strings, key=strings.get):
        sst += record(0x0013, b"\x00" + wide(text))
    sst += record(0x00A0)
    binary = "application/vnd.ms-excel"
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="bin" ContentType="{binary}.sheet.binary.macroEnabled.main"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.bin" '
                  f'ContentType="{binary}.worksheet"/>' for i in range(1, len(sheets) + 1))
        + f'<Override PartName="/xl/sharedStrings.bin" ContentType="{binary}.sharedStrings"/>'
        "</Types>"
    )  # fmt: skip
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{office}/officeDocument" Target="xl/workbook.bin"/>'
        "</Relationships>"
    )
    book_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="{office}/worksheet" '
                  f'Target="worksheets/sheet{i}.bin"/>' for i in range(1, len(sheets) + 1))
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="{office}/sharedStrings" '
        'Target="sharedStrings.bin"/></Relationships>'
    )  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", package_rels)
        package.writestr("xl/workbook.bin", book)
        package.writestr("xl/_rels/workbook.bin.rels", book_rels)
        package.writestr("xl/sharedStrings.bin", sst)
        for index, part in enumerate(parts, start=1):
            package.writestr(f"xl/worksheets/sheet{index}.bin", part)
    return out.getvalue()


def xlsb_from_xlsx(
    source: Path, target: Path, tables: set[str] = frozenset(), date1904: bool = False
) -> Path:
    """``source`` (an xlsx written by openpyxl) as an .xlsb at ``target``: its values, hidden
    sheets, hidden rows and AutoFilters (merges are not written: calamine reads none in an
    .xlsb); ``tables``: sheets said to hold an Excel Table."""
    sheets, _, hidden = sheets_of(source)
    hidden_rows, filters = rows_of(source)
    target.write_bytes(xlsb_bytes(sheets, hidden, hidden_rows, filters, tables, date1904))
    return target
