"""Session 32: the province's read stage taken apart again (docs/decisions.md, issue #6).

Each fast path of the byte scan is checked on hand-made cases where the answer is known, and
beside the slow path it stands in for: a part read without zipfile's stream object
(sheetscan.read_part), a ``<cols>`` block told to hide nothing without its tags parsed
(sheetscan._hidden_cols), and a long sheet searched for its hidden rows and error cells at
the places of one rare byte (sheetscan._holds).
"""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline import sheetscan

# ---------------------------------------------------------------------------------------------
# read_part: zipfile's bytes and zipfile's errors


def _package(parts: dict[str, tuple[bytes, int]]) -> bytes:
    """A zip of ``parts`` (name -> (bytes, compression)), as bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, (data, compression) in parts.items():
            package.writestr(name, data, compress_type=compression)
    return buffer.getvalue()


_SHEET_BYTES = b'<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>' * 50
_PARTS = {
    "xl/worksheets/sheet1.xml": (_SHEET_BYTES, zipfile.ZIP_DEFLATED),  # 3,700 bytes deflated
    "xl/styles.xml": (b"<styleSheet/>", zipfile.ZIP_STORED),
    "Tên tiếng Việt.xml": (b"<x>\xc3\xa1</x>", zipfile.ZIP_DEFLATED),  # a UTF-8 name (flag 0x800)
}


@pytest.mark.parametrize("name", list(_PARTS))
def test_a_plain_part_is_read_without_zipfiles_stream(name):
    package = zipfile.ZipFile(io.BytesIO(_package(_PARTS)))

    def refused(*_args, **_kwargs):
        raise AssertionError("read by zipfile")

    package.read = refused  # the fast path only: zipfile is not asked
    assert sheetscan.read_part(package, name) == _PARTS[name][0]
    assert sheetscan.read_part(package, package.getinfo(name)) == _PARTS[name][0]


def _outcome(read, package, name):
    try:
        return ("bytes", read(package, name))
    except Exception as err:  # noqa: BLE001 - the error is what is compared
        return (type(err).__name__, str(err))


def _corrupted(at: int, byte: bytes) -> bytes:
    data = bytearray(_package(_PARTS))
    data[at : at + 1] = byte
    return bytes(data)


# The first part's local header is at 0: 30 bytes, then its 24-byte name, then its data.
_DATA_AT = 30 + len("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # the deflated stream broken: zipfile's own error, whatever it is
        (_corrupted(_DATA_AT + 3, b"\xff"), None),
        # a byte of the name in the local header changed: zipfile says the names differ
        (_corrupted(30, b"Y"), "BadZipFile"),
        # the local header's signature broken
        (_corrupted(0, b"Q"), "BadZipFile"),
        # the part's stored CRC changed (the central directory's, at the end): Bad CRC-32
        (None, "BadZipFile"),
    ],
)
def test_a_damaged_part_fails_as_zipfile_fails(data, expected):
    if data is None:
        raw = bytearray(_package(_PARTS))
        central = raw.find(b"PK\x01\x02")  # the first part's entry of the central directory
        raw[central + 16] ^= 0xFF  # its CRC-32's first byte
        data = bytes(raw)
    name = "xl/worksheets/sheet1.xml"
    slow = _outcome(lambda p, n: p.read(n), zipfile.ZipFile(io.BytesIO(data)), name)
    fast = _outcome(sheetscan.read_part, zipfile.ZipFile(io.BytesIO(data)), name)
    assert fast == slow
    assert fast[0] != "bytes"
    if expected is not None:
        assert fast[0] == expected


def test_a_part_of_a_closed_package_or_an_unknown_name_fails_as_zipfile_fails():
    package = zipfile.ZipFile(io.BytesIO(_package(_PARTS)))
    assert _outcome(sheetscan.read_part, package, "xl/none.xml") == _outcome(
        lambda p, n: p.read(n), package, "xl/none.xml"
    )
    assert _outcome(sheetscan.read_part, package, "xl/none.xml")[0] == "KeyError"
    package.close()
    closed = _outcome(sheetscan.read_part, package, "xl/styles.xml")
    assert closed == _outcome(lambda p, n: p.read(n), package, "xl/styles.xml")
    assert closed[0] == "ValueError"


def test_an_encrypted_part_is_left_to_zipfile():
    raw = bytearray(_package(_PARTS))
    raw[6] |= 0x1  # the first part's local flag bits: encrypted
    central = raw.find(b"PK\x01\x02")
    raw[central + 8] |= 0x1  # and its central directory entry's
    package = zipfile.ZipFile(io.BytesIO(bytes(raw)))
    name = "xl/worksheets/sheet1.xml"
    said = _outcome(sheetscan.read_part, package, name)
    assert said == _outcome(lambda p, n: p.read(n), package, name)
    assert said[0] == "RuntimeError"  # "password required for extraction"


# ---------------------------------------------------------------------------------------------
# _hidden_cols: a block hiding nothing is told without its tags parsed


def _cols(*tags: str) -> bytes:
    return (
        "<worksheet><cols>" + "".join(tags) + '</cols><sheetData><row r="1"><c r="A1"><v>1</v>'
        "</c></row></sheetData></worksheet>"
    ).encode()


@pytest.mark.parametrize(
    ("tags", "hidden"),
    [
        # widths of 1 or more, none hidden: nothing (the fast path)
        (('<col min="1" max="3" width="12.7109375"/>', '<col min="4" max="4" width="8"/>'), set()),
        # hidden="1" on columns 2-3 (0-based 1, 2)
        (
            ('<col min="1" max="1" width="9"/>', '<col min="2" max="3" width="9" hidden="1"/>'),
            {1, 2},
        ),
        # a width of 0 hides column 5 (0-based 4); one of 0.5 does not hide column 6
        (('<col min="5" max="5" width="0"/>', '<col min="6" max="6" width="0.5"/>'), {4}),
        (("<col min='7' max='7' width='0.0'/>",), {6}),  # single quotes, 0.0 (column 7 -> 6)
        (('<col min="1" max="1" width="1e-400"/>',), {0}),  # an exponent making it 0.0
        (('<col min="2" max="2" width="&#48;"/>',), {1}),  # '0' written as an entity
        (('<col min="3" max="3" width=" 0"/>',), {2}),  # a space before the 0
        (('<col min="4" max="4" width="12" x:hidden="true"/>',), {3}),  # a prefixed attribute
        (('<col min="5" max="5" width="-3"/>', '<col min="6" max="6" width=""/>'), set()),
    ],
)
def test_hidden_columns_are_found_and_a_block_hiding_none_is_passed(tags, hidden):
    assert sheetscan._hidden_cols(_cols(*tags)) == hidden


# ---------------------------------------------------------------------------------------------
# _holds: a long sheet searched at the places of a rare byte, the same answer as `in`


def _long_sheet(rows: dict[int, str], count: int = 24_000, text: str = "") -> bytes:
    """A sheet of ``count`` rows of one value each (over 1 MiB: searched by the rare byte's
    places), row r's attributes from ``rows`` (1-based), ``text`` as an inline string of
    row 1 (a sheet holding many 'h' and 'e' in its text)."""
    body = []
    for r in range(1, count + 1):
        cell = f'<c r="A{r}"><v>{r}</v></c>'
        if r == 1 and text:
            cell = f'<c r="B1" t="inlineStr"><is><t>{text}</t></is></c>'
        body.append(f'<row r="{r}"{rows.get(r, "")}>{cell}</row>')
    data = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(body)}</sheetData></worksheet>"
    ).encode()
    assert len(data) > sheetscan._ANCHORED_FROM
    return data


# 8 'h' and 6 'e' a line: 3,200 'h' and 2,400 'e' in a sheet of ~1,230 kB
_THE_TEXT = "Hộ nghèo thiếu hụt nhà ở, nước sạch; hỗ trợ học nghề: see the note here. " * 400
_ROWS = {
    5: ' ht="0" customHeight="1"',
    6: ' ht="0.0" customHeight="1"',
    9: ' hidden="1"',
    12: ' ht="15.75"',
    19_000: " ht='0'",
}


@pytest.mark.parametrize("text", ["", _THE_TEXT])
def test_a_long_sheets_hidden_rows_are_found_by_the_rare_byte_or_as_before(text):
    data = _long_sheet(_ROWS, text=text)
    marks = sheetscan._Marks.of(data)
    # rows 5, 6 (0-based 4, 5) and 9 (8) hidden; 12 is shown (15.75); 19,000 (18,999) hidden
    assert sheetscan._hidden_rows(data, marks) == [(4, 5, False), (8, 8, False),
                                                   (18_999, 18_999, False)]  # fmt: skip


@pytest.mark.parametrize("text", ["", _THE_TEXT])
def test_a_long_sheets_error_cells_are_found_by_the_rare_byte_or_as_before(text):
    data = _long_sheet({}, text=text)
    data = data.replace(b'<c r="A700"><v>700</v></c>', b'<c r="A700" t="e"><v>#REF!</v></c>')
    marks = sheetscan._Marks.of(data)
    assert sheetscan._error_cells(data, marks) == {(699, 0): "#REF!"}
    plain = _long_sheet({}, text=text)
    assert sheetscan._error_cells(plain, sheetscan._Marks.of(plain)) == {}


@pytest.mark.parametrize("text", ["", _THE_TEXT])
def test_holds_says_what_in_says(text):
    data = _long_sheet(_ROWS, text=text)
    held = sheetscan._holds(data, b"h")
    if not text:  # the anchored test: 'h' and 'e' are rare in the sheet's tags
        assert held != data.__contains__
        assert sheetscan._holds(data, b"e") != data.__contains__
    else:  # 'h' and 'e' in its text, more than once in 1,024 bytes: searched as before
        assert held == data.__contains__
        assert sheetscan._holds(data, b"e") == data.__contains__
    for mark in (b' ht="0', b" ht='0", b"hidden=", b' hidden="1"', b" hidden='1'", b"ht=", b"h"):
        assert held(mark) == (mark in data), mark
    # a mark starting with the rare byte at the very start, and one running off the end
    assert sheetscan._holds(b"h" + data, b"h")(b"h<?xml") is True
    assert held(data[-40:] + b"h") is False


# ---------------------------------------------------------------------------------------------
# _NoteRule: its words' patterns made once per words, the same patterns as before


def test_a_tables_note_patterns_are_made_once_and_read_as_before():
    from pipeline.read import NOTES
    from pipeline.tables import _note_patterns, _NoteRule
    from schemas.columns import SECTION_MARKERS, SIGNATURE_MARKERS

    first = _NoteRule(NOTES, SIGNATURE_MARKERS, SECTION_MARKERS, {"ghi_chu": 5})
    before = _note_patterns.cache_info()
    again = _NoteRule(NOTES, SIGNATURE_MARKERS, SECTION_MARKERS, {"phan_loai": 2})
    after = _note_patterns.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)  # made once
    assert again.start is first.start and again.counts is first.counts
    assert (first.notes_col, first.class_col, again.notes_col, again.class_col) == (5, -1, -1, 2)
    # words given in lists (unhashable): made for this table, the same patterns
    listed = _NoteRule(NOTES, list(SIGNATURE_MARKERS), list(SECTION_MARKERS), {})
    assert listed.start.pattern == first.start.pattern
    assert listed.summing == first.summing
    made = _note_patterns.__wrapped__(NOTES, SIGNATURE_MARKERS, SECTION_MARKERS)
    assert made[1].pattern == first.counts.pattern and made[0] == first.notes_begin
    # what the patterns tell (folded text): a count line, a note's first words, a household
    assert first.counts.match("20 ho 95 khau") and first.counts.match("17 ho can ngheo")
    assert not first.counts.match("nguyen van an")
    assert first.start.match("trong do 3 ho") and first.start.match("nguoi lap")
    assert not first.start.match("nguyen van an")
    assert first.count_in.search("ho ngheo 17 ho ho can ngheo 20 ho")


# ---------------------------------------------------------------------------------------------
# look: a sheet's width worked out only where it may refuse the sheet


def _rows_to(last: int, far: str) -> bytes:
    """Rows 1..last with a value in A, the last one also in cell ``far`` ('AB10')."""
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c>'
        + (f'<c r="{far}"><v>9</v></c>' if r == last else "")
        + "</row>"
        for r in range(1, last + 1)
    )
    return (f"<worksheet><sheetData>{rows}</sheetData></worksheet>").encode()


@pytest.mark.parametrize(
    ("far", "max_cells", "expected"),
    [
        # 10 rows x 18,278 (ZZZ) > 1,000 cells: the width may refuse it, so it is worked out.
        # AB is column 28: 10 x 28 = 280 cells, not refused
        ("AB10", 1_000, (10, 28, "AB10", False)),
        # AAA is column 703: 10 x 703 = 7,030 cells > 1,000: refused, reaching AAA10
        ("AAA10", 1_000, (10, 703, "AAA10", True)),
        # 10 rows x 18,278 = 182,780 <= 10,000,000: no width refuses it, none worked out (26;
        # the cell is the last value's); XFD10 would be 163,840 cells, passed too
        ("XFD10", 10_000_000, (10, 26, "XFD10", False)),
        ("AB10", 10_000_000, (10, 26, "AB10", False)),
    ],
)
def test_a_sheets_width_is_worked_out_where_it_may_refuse_the_sheet(far, max_cells, expected):
    found = sheetscan.look(_rows_to(10, far), 25_000, max_cells)
    assert (found.last_row, found.last_col, found.far_cell, found.stopped) == expected


def test_a_sheet_past_its_rows_says_its_widest_cell():
    # 30 rows over a limit of 20: refused by its rows; its reach still names AC30 (column 29)
    found = sheetscan.look(_rows_to(30, "AC30"), 20, 10_000_000)
    assert (found.last_row, found.last_col, found.far_cell, found.stopped) == (30, 29, "AC30", True)
