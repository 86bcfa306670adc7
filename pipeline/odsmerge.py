"""Merged ranges of an OpenDocument spreadsheet (.ods), read from its ``content.xml``.

python-calamine reports merged ranges for xlsx and xls but not for ods, whose merges are
written in the cells themselves: a ``table:table-cell`` carrying
``table:number-rows-spanned`` / ``table:number-columns-spanned``, followed by the
``table:covered-table-cell`` elements it hides. Cells and rows may stand for several
(``table:number-columns-repeated``, ``table:number-rows-repeated``: an empty row repeated a
million times closes most sheets), so a cell's place is counted, never looked up.

The part is streamed once, in chunks, with bounded memory, and its tags read with byte
patterns, not an XML parser: an XML parser calls back into Python for every element, each
text paragraph too, and took three times as long as calamine's whole read of a 20,000-row
sheet. The rows of a sheet are counted from their end tags alone (one bytes.count over a
run of plain rows); only a row holding a span, a repeat, or a table's end is read tag by
tag, and only a row holding a span has its cells counted. Well-formed XML holds '<' only
in its tags, so the tags are found exactly; what the patterns could misread is refused: a
comment, CDATA section or DTD (``<!``), a table inside a table or a cell, a table namespace
declared without a prefix. Anything unexpected (a damaged zip, a count that is no number,
a row longer than 16 MB, more ranges than a roster could hold) gives no merges at all: the
reader then reads the file as before merges were read, each column named by its lowest
header cell.

The same pass notes the hidden rows of each sheet (``table:visibility="collapse"``, hidden by
hand, or ``"filter"``, by a filter): a row saying so is read tag by tag, as a row holding a
span is, and the rows it stands for (``table:number-rows-repeated``) noted as one run. A file
whose scan is refused has no hidden rows either.

It notes too the cells showing an error value (``calcext:value-type="error"``: '#REF!', '#N/A',
the text the cell shows), which calamine reads as empty: a row holding one is read tag by tag
(session 47 review of the income wave; as an .xlsx's byte scan and an .xls's pipeline.biff).
And the formula cells saved without a value (``table:formula`` and no ``office:value``, nor
any other value, nor text), which calamine reads as empty too (session 48): each formula's
own tag is looked at, found by a byte search, and only a row holding one without a value is
read tag by tag (a sheet of formulas with their values, an STT in every row, is counted as
before).

And the cells typed 'unknown' (``office:value-type="unknown"``, no type of ODF's, written by
some generators), whose text calamine drops: their rows are read tag by tag and each such
cell's text kept, to be read as the text it shows (session 59).
"""

from __future__ import annotations

import html
import re
import zipfile

from pipeline import lazyre

Merge = tuple[int, int, int, int]  # first row, first col, last row, last col; 0-based, inclusive
Hidden = tuple[int, int, bool]  # first row, last row (0-based, inclusive), hidden by a filter

_TABLE_NS = b"urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_PREFIX = lazyre.compile(
    rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']""" + re.escape(_TABLE_NS) + rb"""["']"""
)
# A tag's attributes, quoted values read whole (a '>' may stand unescaped inside one).
_ATTRS = rb"""((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>"""
_ATTR = lazyre.compile(rb"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CHUNK = 1 << 20
_HEAD_BYTES = 1 << 20  # the root tag, declaring the table namespace, begins the part
MAX_CONTENT_BYTES = 1 << 30  # a content.xml larger when unzipped: no merges looked for
MAX_ROW_BYTES = 16 << 20  # one row's XML; a longer one: no merges
MAX_MERGES = 200_000  # merged ranges in the whole file; more is no roster: no merges
_MAX_COUNT = 1 << 24  # a repeat or span beyond any sheet (16,777,216 rows)
_ERROR = b'value-type="error"'  # LibreOffice's mark of a cell showing an error value
# A cell typed 'unknown' (no type of ODF's; a generator's, tablib's test file), which calamine
# reads as empty, its text dropped: its text is read here (session 59)
_UNKNOWN = b'value-type="unknown"'
_TAG = lazyre.compile(rb"<[^>]*>")  # a tag inside a cell, taken off its text
_NOTE = lazyre.compile(rb"<([^\s/>]+:annotation)[\s>].*?</\1>", re.DOTALL)  # a cell's comment
# A value's attribute in a cell's tag: 'office:value=', 'office:string-value=', '…date-value='
_VALUE = lazyre.compile(rb"value\s*=")
# What an OpenFormula writes otherwise than Excel (:func:`excel_formula`): a text constant
# ('"a;b"', kept as written), a reference in brackets ('[.A1]', '[$Sheet2.A1:.B2]'), a separator
# (';' between arguments, '|' between an inline array's rows, '~' joining references) or an
# inline array's braces
_FORMULA_TOKEN = lazyre.compile(r'"(?:[^"]|"")*"|\[[^\]]*\]|[;|~{}]')


class _Refused(Exception):
    """The file is not read for merges (see the module docstring)."""


def _count(value: bytes | None) -> int:
    """A repeat or span count: 1 when absent; a positive whole number, else refused."""
    if value is None:
        return 1
    number = int(value)  # ValueError on anything but digits (spaces and a sign allowed)
    if not 1 <= number <= _MAX_COUNT:
        raise _Refused(f"count {value!r}")
    return number


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {m[1]: m[2] if m[3] is None else m[3] for m in _ATTR.finditer(raw)}


class _Scanner:
    """Counts the rows and cells of each table of the part, noting its spans."""

    def __init__(self, prefix: bytes) -> None:
        p = re.escape(prefix + b":")
        # A table's or row's start or end tag; a cell's start tag (in a row holding a span).
        self.struct = re.compile(rb"<(/?)" + p + rb"(table-row|table)(?=[\s/>])" + _ATTRS)
        self.cell = re.compile(rb"<" + p + rb"(table-cell|covered-table-cell)(?=[\s/>])" + _ATTRS)
        self.table_start = re.compile(rb"<" + p + rb"table[\s/>]")
        self.row_end = b"</" + prefix + b":table-row>"
        self.cell_end = b"</" + prefix + b":table-cell>"
        self.row_start = b"<" + prefix + b":table-row"  # '-group', 's' too: read then
        self.name = prefix + b":name"
        self.rows_repeated = prefix + b":number-rows-repeated"
        self.cols_repeated = prefix + b":number-columns-repeated"
        self.rows_spanned = prefix + b":number-rows-spanned"
        self.cols_spanned = prefix + b":number-columns-spanned"
        self.visibility = prefix + b":visibility"
        self.formula = prefix + b":formula"
        # a formula attribute not followed by its value, as LibreOffice writes it: its type,
        # a currency's name, then the value ('office:value-type="float" office:value="2"',
        # 'office:string-value', 'office:date-value', …)
        self.bare = re.compile(
            p + rb"formula\s*=\s*(?:\"[^\"]*\"|'[^']*')(?!\s+[\w.-]+:value-type=\"[^\"]*\""
            rb"(?:\s+[\w.-]+:currency=\"[^\"]*\")?\s+[\w.-]+:(?:[a-z]+-)?value=)"
        )
        # What makes a row more than one to count: a span, a repeat, the end of its table, a
        # row hidden (or a hidden column's tag, read the same way: it hides no row)
        self.marks = (
            self.rows_spanned,
            self.cols_spanned,
            self.rows_repeated,
            b"</" + prefix + b":table>",
            self.visibility,
            _ERROR,
            _UNKNOWN,
        )
        self.sheets: dict[str, list[Merge]] = {}
        self.merges: list[Merge] | None = None  # the current table's, None outside one
        self.hidden: dict[str, list[Hidden]] = {}  # by sheet, its runs of hidden rows
        self.hiding: list[Hidden] = []  # the current table's
        # by sheet, {(row, col) 0-based: the error shown ('#REF!')}; the current table's
        self.errors: dict[str, dict[tuple[int, int], str]] = {}
        self.erring: dict[tuple[int, int], str] = {}
        # by sheet, {(row, col) 0-based: the formula ('=A1+1')} of the formula cells saved
        # without a value; the current table's
        self.formulas: dict[str, dict[tuple[int, int], str]] = {}
        self.valueless: dict[tuple[int, int], str] = {}
        # by sheet, {(row, col) 0-based: the text} of the cells typed 'unknown' without a value
        # (``_UNKNOWN``), which calamine reads as empty; the current table's
        self.untyped: dict[str, dict[tuple[int, int], str]] = {}
        self.unread: dict[tuple[int, int], str] = {}
        self.row = 0  # 0-based index of the next row of the current table
        self.total = 0
        self.without = 0  # formula cells without a value noted (bounded apart: MAX_MERGES)
        self.in_row = False  # the last scan stopped inside a row (its end not yet read)

    def scan(self, buf: bytes, end: int) -> int:
        """Read the tags of ``buf`` before ``end`` (no tag is cut there, no row open at 0);
        returns where the next read must begin: the start of a row whose end is not yet in
        ``buf``, or ``end``.

        Plain rows (no span, no repeat, no table beginning or ending among them) are only
        counted, by their end tags, and only where their start tags are as many; the rows
        around anything else are read tag by tag (:meth:`_tags`)."""
        _refuse_declarations(buf, end)
        pos, row_end = 0, self.row_end
        ahead: dict[bytes, int] = {}  # mark -> where it was next found (-1: not before end)
        while pos < end:
            if self.merges is None:  # before a table: up to its start tag, tag by tag
                found = self.table_start.search(buf, pos, end)
                first = found.start() if found else end
            else:
                first = end
                for mark in self.marks:
                    at = ahead.get(mark, -2)
                    if at == -2 or 0 <= at < pos:
                        at = ahead[mark] = buf.find(mark, pos, end)
                    if 0 <= at < first:
                        first = at
                at = ahead.get(self.formula, -2)  # a formula saved without a value
                if at == -2 or 0 <= at < pos:
                    at = ahead[self.formula] = self._valueless(buf, pos, end)
                if 0 <= at < first:
                    first = at
                cut = buf.rfind(row_end, pos, first)
                if cut >= 0:
                    cut += len(row_end)
                    rows = buf.count(row_end, pos, cut)
                    if rows == buf.count(self.row_start, pos, cut):
                        self.row += rows
                        pos = cut
            # Tag by tag up to the end of the row holding the mark (or of what is read).
            boundary = buf.find(row_end, first, end) if first < end else -1
            if boundary < 0:
                return self._tags(buf, pos, end)
            boundary += len(row_end)
            at = self._tags(buf, pos, boundary)
            if self.in_row:
                return at
            pos = boundary
        self.in_row = False
        return end

    def _tags(self, buf: bytes, start: int, end: int) -> int:
        """:meth:`scan` of ``buf[start:end]``, every table and row tag read."""
        at = start
        row_at = row_rows = -1
        for match in self.struct.finditer(buf, start, end):
            closing, tag, raw, empty = match.groups()
            if tag == b"table-row":
                if self.merges is None:
                    continue  # a row of no table (none in a spreadsheet's body)
                if closing:
                    if row_at < 0:
                        raise _Refused("a row ended that did not start")
                    self._row(buf[row_at : match.start()], row_rows)
                    row_at = -1
                    at = match.end()
                    continue
                if row_at >= 0:
                    raise _Refused("a row inside a row")
                attrs = _attrs(raw) if b"repeated" in raw or self.visibility in raw else {}
                rows = _count(attrs.get(self.rows_repeated))
                shown = attrs.get(self.visibility, b"visible")
                if shown in (b"collapse", b"filter"):
                    self.hiding.append((self.row, self.row + rows - 1, shown == b"filter"))
                if empty:
                    self.row += rows
                    at = match.end()
                else:
                    row_at, row_rows, at = match.end(), rows, match.start()
            elif closing:
                if row_at >= 0 or self.merges is None:
                    raise _Refused("a table ended inside a row")
                self.merges = None
                at = match.end()
            else:
                if row_at >= 0 or self.merges is not None:
                    raise _Refused("a table inside a table")
                name = html.unescape(_attrs(raw).get(self.name, b"").decode())
                self.merges = self.sheets.setdefault(name, [])
                self.hiding = self.hidden.setdefault(name, [])
                self.erring = self.errors.setdefault(name, {})
                self.valueless = self.formulas.setdefault(name, {})
                self.unread = self.untyped.setdefault(name, {})
                self.row = 0
                if empty:
                    self.merges = None
                at = match.end()
        self.in_row = row_at >= 0
        return at if self.in_row else end

    def _valueless(self, buf: bytes, start: int, end: int) -> int:
        """Where the first formula cell that may be saved without a value is in
        ``buf[start:end]`` (its formula attribute), -1 if none: a formula attribute not followed
        by a value's type (``bare``: one search, LibreOffice writing 'table:formula="…"
        office:value-type="float" office:value="2"'), whose tag holds no value's attribute
        ('office:value='). Its row is then read tag by tag, where :func:`_formula` decides."""
        start = buf.find(self.formula, start, end)  # a sheet without formulas: one byte search
        if start < 0:
            return -1
        for found in self.bare.finditer(buf, start, end):
            at = found.start()
            if _VALUE.search(buf, buf.rfind(b"<", 0, at) + 1, buf.find(b">", at)) is None:
                return at
        return -1

    def _row(self, body: bytes, rows: int) -> None:
        if (
            self.rows_spanned in body
            or self.cols_spanned in body
            or _ERROR in body
            or self.formula in body
            or _UNKNOWN in body
        ):
            if self.table_start.search(body):
                raise _Refused("a table inside a cell")
            col = 0
            for match in self.cell.finditer(body):
                tag, raw, empty = match.groups()
                attrs = _attrs(raw) if b"-re" in raw or b"-sp" in raw else {}
                repeat = _count(attrs.get(self.cols_repeated))
                if tag == b"table-cell" and (
                    self.rows_spanned in attrs or self.cols_spanned in attrs
                ):
                    down = _count(attrs.get(self.rows_spanned))
                    across = _count(attrs.get(self.cols_spanned))
                    if down > 1 or across > 1:
                        self._spanned(col, down, across, repeat, rows)
                if tag == b"table-cell" and _ERROR in raw and not empty:
                    shown = self._shown(body, match.end())
                    if shown:  # what the cell shows ('#N/A'), its paragraphs' text
                        self._error(col, shown, repeat, rows)
                elif tag == b"table-cell" and self.formula in raw and _ERROR not in raw:
                    formula = _formula(raw, self.formula)
                    inside = b"" if empty else self._inside(body, match.end())
                    # calamine reads a string typed cell's text (empty or not) where it has no
                    # value; an empty paragraph and no type is how LibreOffice saves a formula
                    # whose value is an empty text ('=IF(…;"";…)'): read empty, rightly
                    read = b'"string"' in raw or (b"<" in inside and not _text(inside))
                    many = self.without + repeat * rows
                    if formula is not None and not read and many <= MAX_MERGES:
                        # past that many, the others are left (the scan's merges kept)
                        self.without = many
                        for r in range(self.row, self.row + rows):
                            for c in range(col, col + repeat):
                                self.valueless[(r, c)] = formula
                if tag == b"table-cell" and _UNKNOWN in raw and not empty:
                    self._untyped(body, match.end(), raw, col, repeat, rows)
                col += repeat
        self.row += rows

    def _untyped(
        self, body: bytes, start: int, raw: bytes, col: int, repeat: int, rows: int
    ) -> None:
        """Note the text of a cell typed 'unknown' (its start tag's attributes ``raw``, ending
        at ``start``), as calamine does not read it: its office type 'unknown', no value
        attribute (one is read: 'office:value="2"'), a text (counted with the spans)."""
        attrs = _attrs(raw)
        if attrs.get(b"office:value-type") != b"unknown" or any(
            key.endswith(b"value") for key in attrs
        ):
            return
        shown = self._shown(body, start)
        if shown:
            self._noted(self.unread, col, shown, repeat, rows, "unread cells")

    def _shown(self, body: bytes, start: int) -> str:
        """The text of the cell whose start tag ends at ``start``: its paragraphs', not its
        comment's."""
        return _text(self._inside(body, start))

    def _inside(self, body: bytes, start: int) -> bytes:
        """What the cell whose start tag ends at ``start`` holds, its comment taken off."""
        end = body.find(self.cell_end, start)
        return _NOTE.sub(b"", body[start : end if end >= 0 else len(body)])

    def _error(self, col: int, shown: str, repeat: int, rows: int) -> None:
        """Note a cell showing the error ``shown``, each of its copies (counted with the
        spans: a file of more is refused)."""
        self._noted(self.erring, col, shown, repeat, rows, "error cells")

    def _noted(self, into: dict, col: int, shown: str, repeat: int, rows: int, what: str) -> None:
        """Note ``shown`` in ``into`` for each copy of a cell (counted with the spans: a file
        of more than MAX_MERGES is refused, ``what`` naming the cells)."""
        self.total += repeat * rows
        if self.total > MAX_MERGES:
            raise _Refused(f"too many merged ranges or {what}")
        for r in range(self.row, self.row + rows):
            for c in range(col, col + repeat):
                into[(r, c)] = shown

    def _spanned(self, col: int, down: int, across: int, repeat: int, rows: int) -> None:
        # A spanned cell repeated (across, or in a repeated row) is no file an office program
        # writes; each copy is noted, and the copies that overlap are left to the reader.
        self.total += repeat * rows
        if self.total > MAX_MERGES:
            raise _Refused("too many merged ranges")
        assert self.merges is not None
        for r in range(self.row, self.row + rows):
            for c in range(col, col + repeat):
                self.merges.append((r, c, r + down - 1, c + across - 1))


def _text(inside: bytes) -> str:
    """The text a cell holding ``inside`` (:meth:`_Scanner._inside`) shows: its paragraphs'."""
    return html.unescape(_TAG.sub(b"", inside).decode()).strip()


def _formula(raw: bytes, name: bytes) -> str | None:
    """The formula of a cell whose start tag's attributes are ``raw`` ('of:=[.A1]+1' as
    '=A1+1'; ``name``: the formula attribute's, 'table:formula'), None when it has none or
    saved a value with it (``office:value``, ``office:string-value``, …: a name ending in
    'value'). Its text without a value is not read (calamine), but a string's."""
    attrs = _attrs(raw)
    if name not in attrs or any(key.endswith(b"value") for key in attrs):
        return None
    text = html.unescape(attrs[name].decode())
    prefix, colon, rest = text.partition(":")  # 'of:', the formula's namespace
    if colon and rest.startswith("=") and prefix.isalnum():
        if prefix == "msoxl":  # written in Excel's own syntax already
            return rest
        text = rest
    return excel_formula(text)


def excel_formula(text: str) -> str:
    """An OpenFormula (LibreOffice's, as saved in an .ods, its namespace taken off) as Excel
    writes it, the way an .xlsx's formula is shown (session 49): ``=IF([.A1]="x";"";"y")`` as
    ``=IF(A1="x","","y")``, ``=SUM([$'Danh sách'.A1:.A9])`` as ``=SUM('Danh sách'!A1:A9)``,
    ``={1;2|3;4}`` as ``={1,2;3,4}``; a text constant as written ('"a;b"')."""
    out, at, array = [], 0, False
    for found in _FORMULA_TOKEN.finditer(text):
        token = found[0]
        out.append(text[at : found.start()])
        at = found.end()
        if token[0] == '"':
            out.append(token)
        elif token[0] == "[":
            out.append(_excel_reference(token[1:-1]))
        elif token in "{}":
            array = token == "{"
            out.append(token)
        elif token == "|":  # an inline array's rows
            out.append(";" if array else token)
        else:  # ';' between arguments (an inline array's columns), '~' joining references
            out.append(",")
    out.append(text[at:])
    return "".join(out)


def _excel_reference(inside: str) -> str:
    """An OpenFormula reference without its brackets ('.A1', '$Sheet2.A1:.B2', "'Danh
    sách'.A1") as Excel writes it ('A1', 'Sheet2!A1:B2', "'Danh sách'!A1"): the sheet before '!',
    named once for a range within one sheet; Excel has no fixed sheet ('$'). A range over
    sheets ('$S1.A1:$S2.B2') names both once ('S1:S2!A1:B2', quoted together where either is),
    a deleted sheet's '#REF!' has no second '!' ('#REF!A1'; session 49 review)."""
    parts = [part.rpartition(".") for part in inside.split(":")]
    sheets = [sheet.removeprefix("$") for sheet, _, _ in parts]
    if len(parts) == 2 and all(sheets) and sheets[0] != sheets[1]:
        quoted = any(sheet.startswith("'") for sheet in sheets)
        names = ":".join(sheet[1:-1] if sheet.startswith("'") else sheet for sheet in sheets)
        names = f"'{names}'" if quoted else names
        return f"{names}!{parts[0][2]}:{parts[1][2]}"
    said, last = [], None
    for sheet, (_, _, cell) in zip(sheets, parts, strict=True):
        bang = "" if sheet.endswith("!") else "!"
        said.append(f"{sheet}{bang}{cell}" if sheet and sheet != last else cell)
        last = sheet or last
    return ":".join(said)


def _refuse_declarations(buf: bytes, end: int) -> None:
    """Refuse a comment, CDATA section or DTD (``<!``) before ``end``: looked for by its
    rarer byte ('!', found by memchr), '<' being in every tag."""
    at = buf.find(b"!", 0, end)
    while at >= 0:
        if at > 0 and buf[at - 1] == 0x3C:  # '<'
            raise _Refused("a comment, CDATA section or DTD")
        at = buf.find(b"!", at + 1, end)


Errors = dict[str, dict[tuple[int, int], str]]


def scan(
    package: zipfile.ZipFile,
) -> tuple[dict[str, list[Merge]], dict[str, list[Hidden]], Errors, Errors]:
    """:func:`scan_all` without the cells typed 'unknown'."""
    return scan_all(package)[:4]  # type: ignore[return-value]


def scan_all(
    package: zipfile.ZipFile,
) -> tuple[dict[str, list[Merge]], dict[str, list[Hidden]], Errors, Errors, Errors]:
    """({sheet name: its merged ranges}, {sheet name: its runs of hidden rows}, {sheet name:
    {(row, col) 0-based: the error its cell shows}}, {sheet name: {(row, col): the formula of
    a cell saved without a value}}, {sheet name: {(row, col): the text of a cell typed
    'unknown'}}) of the .ods package open as ``package``; a sheet with none is left out; ({},
    {}, {}, {}, {}) for a file that is no .ods or cannot be made out (see the module
    docstring)."""
    try:
        info = package.getinfo("content.xml")
        if info.file_size > MAX_CONTENT_BYTES:
            return {}, {}, {}, {}, {}
        scanner: _Scanner | None = None
        buf = b""
        with package.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                buf += chunk
                if scanner is None:
                    found = _PREFIX.search(buf)
                    if found is None:
                        if chunk and len(buf) < _HEAD_BYTES:
                            continue  # the root's declarations not all read yet
                        return {}, {}, {}, {}, {}  # no 'table:' prefix declared: not read so
                    scanner = _Scanner(found[1])
                end = len(buf) if not chunk else buf.rfind(b"<")
                buf = buf[scanner.scan(buf, max(end, 0)) :]
                if len(buf) > MAX_ROW_BYTES:
                    return {}, {}, {}, {}, {}
                if not chunk:
                    break
        return (
            {name: merges for name, merges in scanner.sheets.items() if merges},
            {name: runs for name, runs in scanner.hidden.items() if runs},
            {name: cells for name, cells in scanner.errors.items() if cells},
            {name: cells for name, cells in scanner.formulas.items() if cells},
            {name: cells for name, cells in scanner.untyped.items() if cells},
        )
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:  # noqa: BLE001 - any problem: no merges, as before they were read
        return {}, {}, {}, {}, {}


def clipped(merges: list[Merge], rows: int, width: int) -> list[Merge]:
    """``merges`` within a grid of ``rows`` × ``width`` (what calamine read, up to the last
    value): a range reaching past it is cut to it, one starting outside it or left one cell
    dropped. (A range over a million empty rows would be spread over each of them.)"""
    out = []
    for r1, c1, r2, c2 in merges:
        if r1 >= rows or c1 >= width:
            continue
        r2, c2 = min(r2, rows - 1), min(c2, width - 1)
        if (r2, c2) != (r1, c1):
            out.append((r1, c1, r2, c2))
    return out
