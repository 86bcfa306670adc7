"""A web page (HTML) or an Excel 2003 XML workbook saved under a spreadsheet's name.

Many programs "export to Excel" by writing an HTML table, or Excel 2003's XML
("XML Spreadsheet 2003"), into a file named ``.xls``. Excel opens both, with a
warning, and the head or the officer sees an ordinary sheet; calamine opens
neither. Both are read here into what :class:`pipeline.opening.Workbook` reads of
a calamine workbook (``sheet_names``, ``sheets_metadata``,
``get_sheet_by_name(name).to_python()``, ``merged_cell_ranges``), as Excel
shows them:

* HTML: one sheet, named as the page names it for Excel (``x:Name``) or after
  the file. Every table row is a row (hidden when Excel wrote it so:
  ``display:none``); a text outside the tables (a title in ``<h2>``, a line in
  ``<p>``) is a row of its own, in column A. ``colspan``/``rowspan`` are merged
  cells. Values stay text as written (the reader takes numbers written as
  text).
* XML 2003: its worksheets, hidden ones noted; ``ss:Index`` (and a blank row's
  ``ss:Span``) places rows and cells, ``ss:MergeAcross``/``ss:MergeDown`` are
  merged cells; values by their
  ``ss:Type`` (Number, DateTime, Boolean, String; an Error is blank, noted as
  an error cell as in an xlsx); a formula without a value and hidden rows
  (under an AutoFilter filtering a column: hidden by a filter) are noted as the xlsx scan
  notes them.

* A web archive (Excel's "Single File Web Page", MIME multipart/related): each HTML part
  holding a table, a sheet read as a web page is, named as the archive names it.

The file is untrusted: both parsers are bounded (rows, cells, a span's reach)
and an XML file may declare no entity (a "billion laughs" cannot expand).
See docs/decisions.md "Session 20: a web page or Excel 2003 XML named .xls".
"""

from __future__ import annotations

import codecs
import re
from datetime import datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple
from xml.parsers import expat

from pipeline import lazyre
from pipeline.sheetscan import hidden_runs

MAX_COLUMNS = 16_384  # Excel's last column, XFD
MAX_ROWS = 1_048_576  # Excel's last row
MAX_CELLS = 40_000_000  # as many as the plan's start list may hold (opening.PLAN_MAX_SHEET_CELLS)
SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"
_HEAD_BYTES = 4096

Merge = tuple[int, int, int, int]


class MarkupError(Exception):
    """The file is markup that holds no sheet, or reaches too far (``far``: the cell it
    reached, ``size``: rows and columns), or is not well formed."""

    def __init__(self, detail: str, far: str = "", size: tuple[int, int] | None = None):
        super().__init__(detail)
        self.far = far
        self.size = size
        self.sheet = ""  # the sheet that reaches too far


class SheetMeta(NamedTuple):
    name: str
    visible: str  # 'Visible' or 'Hidden', as calamine's SheetVisibleEnum reads


class Sheet:
    """One sheet's cells as calamine gives them: rows of values, '' for an empty cell."""

    def __init__(self, rows: list[list[Any]], merges: list[Merge]):
        while rows and not any(v != "" for v in rows[-1]):
            rows.pop()  # trailing empty rows: calamine stops at the last cell written
        self._rows = rows
        self._width = max(map(len, rows), default=0)
        self.merged_cell_ranges = [
            ((r1, c1), (r2, c2)) for r1, c1, r2, c2 in _clipped(merges, len(rows))
        ]
        self.errors: dict[tuple[int, int], str] = {}
        self.formulas: set[tuple[int, int]] = set()
        self.hidden_rows: list[tuple[int, int, bool]] = []

    def size(self) -> tuple[int, int]:
        """Rows and columns :meth:`to_python` gives (known before it builds them)."""
        return len(self._rows), self._width

    def to_python(self, skip_empty_area: bool = False) -> list[list[Any]]:
        """Every row from row 1, padded to the widest (calamine's ``skip_empty_area=False``)."""
        width = self._width
        return [row + [""] * (width - len(row)) for row in self._rows]

    def hide(self, rows: list[int], filtered: tuple[int, int] | None) -> None:
        """Note ``rows`` (0-based) hidden, those of the sheet's rows; those within
        ``filtered`` (0-based, inclusive) by a filter."""
        kept = sorted({r for r in rows if r < len(self._rows)})
        self.hidden_rows = hidden_runs(kept, filtered)


class Book:
    """A markup file's sheets, shaped as a python_calamine.CalamineWorkbook."""

    markup = True

    def __init__(self, kind: str, sheets: list[tuple[str, Sheet, bool]]):
        self.kind = kind  # 'html', 'mhtml', 'xml2003' or 'text' (pipeline.textsheet)
        self._sheets = {name: sheet for name, sheet, _ in sheets}
        self.sheet_names = [name for name, _, _ in sheets]
        self.sheets_metadata = [
            SheetMeta(name, "Hidden" if hidden else "Visible") for name, _, hidden in sheets
        ]

    def get_sheet_by_name(self, name: str) -> Sheet:
        return self._sheets[name]


def kind_of(head: bytes) -> str | None:
    """'html', 'xml2003', 'mhtml' (a web archive: Excel's "Single File Web Page") or None, from
    a file's first bytes."""
    start = head[:1024].lower()
    if b"mime-version:" in start and b"multipart/related" in start:
        return "mhtml"
    text = _decode(head, _declared_encoding(head), head_only=True).lstrip("\ufeff \t\r\n")
    if not text.startswith("<"):
        return None
    lower = text[:_HEAD_BYTES].lower()
    if SPREADSHEET_NS in lower and ("<workbook" in lower or "<ss:workbook" in lower):
        return "xml2003"
    if "<table" in lower or "<html" in lower or "<!doctype html" in lower:
        return "html"
    return None


def open_markup(path: Path) -> Book | None:
    """The file read as a markup workbook, or None when it is none (by its first bytes).
    Raises MarkupError when it is markup but holds no table, or reaches too far."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
        kind = kind_of(head)
        if kind is None:
            return None
        data = head + handle.read()
    if kind == "xml2003":
        return Book(kind, _read_xml2003(data))
    stem = Path(path.name.strip()).stem
    if kind == "mhtml":
        return Book(kind, _read_mhtml(data, stem))
    text = _decode(data, _declared_encoding(data[:_DECLARED_BYTES]))
    name, sheet = _html_sheet(text, stem)
    return Book(kind, [(name, sheet, False)])


def _html_sheet(text: str, fallback: str) -> tuple[str, Sheet]:
    """A web page's one sheet and its name: the page's ``x:Name``, else ``fallback``."""
    parser = _HtmlSheet()
    try:
        sheet = _read_html(parser, text)
    except MarkupError as err:
        err.sheet = sheet_name_of(parser.excel_name or fallback)
        raise
    return sheet_name_of(parser.excel_name or fallback), sheet


_SOURCE = lazyre.compile(
    r"<x:Name>(.*?)</x:Name>\s*<x:WorksheetSource\s+HRef\s*=\s*[\"']?([^\"'>\s]+)", re.I | re.S
)


def _read_mhtml(data: bytes, stem: str) -> list[tuple[str, Sheet, bool]]:
    """A web archive's sheets: each HTML part holding a table, as a web page's one sheet,
    named as the archive's workbook page names its source (``<x:Name>`` beside
    ``<x:WorksheetSource HRef=…>``, Excel's "Single File Web Page" of several sheets), else as
    a web page is; the workbook page itself (a frameset, no table) is no sheet."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    pages = []
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset()
        try:
            encoding = codecs.lookup(charset).name if charset else None
        except LookupError:
            encoding = None
        text = _decode(payload, encoding or _declared_encoding(payload[:_DECLARED_BYTES]))
        location = str(part.get("Content-Location", "")).replace("\\", "/")
        pages.append((location.rsplit("/", 1)[-1], text))
    names = {}
    for _, text in pages:
        for name, source in _SOURCE.findall(text):
            names[source.replace("\\", "/").rsplit("/", 1)[-1]] = " ".join(unescape(name).split())
    sheets: list[tuple[str, Sheet, bool]] = []
    taken: set[str] = set()
    for location, text in pages:
        if "<table" not in text.lower():
            continue
        own = names.get(location) or (Path(location).stem if len(pages) > 1 else stem) or stem
        name, sheet = _html_sheet(text, own)
        if location in names:
            name = sheet_name_of(names[location])
        while name in taken:
            name += "_"
        taken.add(name)
        sheets.append((name, sheet, False))
    if not sheets:
        raise MarkupError("a web archive with no table")
    return sheets


def sheet_name_of(name: str) -> str:
    """The sheet's name as Excel gives an opened web page's: the one the page names for it
    (``x:Name``), else the file's name without its extension; cut to 31 characters, without
    the characters a sheet name may not hold."""
    return (re.sub(r"[\[\]:*?/\\]", "_", name.strip()).strip("'") or "Sheet1")[:31]


# Where a page names its encoding: its XML declaration, or a <meta> tag of its head (which
# may come after a long <style>: looked for in the first :data:`_DECLARED_BYTES`).
_CHARSET = lazyre.compile(
    rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)"""
    rb"""|<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""",
    re.I,
)
_DECLARED_BYTES = 1 << 16


def _declared_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark, an XML declaration or an HTML meta tag names."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head[:2] == b"<\x00":
        return "utf-16-le"
    if head[:2] == b"\x00<":
        return "utf-16-be"
    found = _CHARSET.search(head)
    if found:
        name = (found.group(1) or found.group(2)).decode("ascii").lower()
        try:
            return codecs.lookup(name).name
        except LookupError:
            return None
    return None


def _decode(data: bytes, encoding: str | None, head_only: bool = False) -> str:
    """The text, in the encoding it declares; else UTF-8, else Windows-1258 (Vietnamese: what
    older Vietnamese programs wrote). ``head_only``: the bytes may end inside a character."""
    for name in (encoding, "utf-8", "cp1258"):
        if name is None:
            continue
        try:
            return data.decode(name, errors="strict")
        except (UnicodeDecodeError, LookupError):
            if head_only and name == "utf-8":
                return data.decode(name, errors="ignore")
            continue
    return data.decode("cp1258", errors="replace")


def too_far(rows: int, cols: int) -> MarkupError:
    from pipeline.text import column_letter

    return MarkupError(
        "the sheet reaches too far", f"{column_letter(max(cols - 1, 0))}{rows}", (rows, cols)
    )


# --- HTML ---------------------------------------------------------------------------

_EXCEL_NAME = lazyre.compile(r"<x:Name>(.*?)</x:Name>", re.I | re.S)
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "caption", "center"})
_IGNORED = frozenset({"style", "script", "head", "title", "noscript", "template"})


def _span(value: str | None, most: int) -> int:
    if value is None:
        return 1  # most cells: no exception raised and caught for each
    try:
        number = int(str(value).strip().strip("'\""))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), most)


class _HtmlSheet(HTMLParser):
    """Rows of an HTML document's tables, as Excel lays them out (see the module's text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[Any]] = []
        self.merges: list[Merge] = []
        self.cells = 0
        self.tables = 0
        self.excel_name: str | None = None
        self.hidden: list[int] = []  # rows (0-based) hidden by their style
        self._depth = 0  # tables open
        self._ignored = 0  # inside <style>, <script>...
        self._row: list[Any] | None = None
        self._cell: list[str] | None = None  # text pieces of the open cell
        self._cell_spans = (1, 1)
        self._below: dict[int, int] = {}  # column -> the last row a rowspan above covers
        self._loose: list[str] = []  # text outside the tables, since the last row

    # text -------------------------------------------------------------------------
    def handle_comment(self, data: str) -> None:
        """The sheet's name an export gives Excel, in its conditional comment:
        ``<!--[if gte mso 9]><xml><x:ExcelWorksheet><x:Name>DS</x:Name>…``."""
        if self.excel_name is None and "excelworksheet" in data.lower():
            found = _EXCEL_NAME.search(data)
            if found:
                self.excel_name = " ".join(unescape(found.group(1)).split())

    def handle_data(self, data: str) -> None:
        if self._ignored:
            return
        target = self._cell if self._cell is not None else self._loose
        if self._cell is None and self._row is not None:
            return  # text between cells of a row: Excel shows none
        collapsed = " ".join(data.split())
        if collapsed:
            lead = " " if data[:1].isspace() else ""
            tail = " " if data[-1:].isspace() else ""
            target.append(lead + collapsed + tail)
        elif data and target and not target[-1].endswith((" ", "\n")):
            target.append(" ")

    def _break(self) -> None:
        target = self._cell if self._cell is not None else self._loose
        target.append("\n")

    # structure --------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("body", "table"):
            self._ignored = 0  # a <head> or <title> left open: the content starts here
        if tag in _IGNORED:
            self._ignored += 1
            return
        if self._ignored:
            return
        if tag == "table":
            if self._depth and self._cell is not None:
                self._depth += 1  # a table inside a cell: its text is the cell's
                return
            self._flush_loose()
            self._depth += 1
            self._below = {}
            self.tables += 1
        elif self._depth > 1:
            if tag in ("tr", "br", "p", "div") and self._cell is not None:
                self._break()
            elif tag in ("td", "th") and self._cell is not None:
                self._cell.append(" ")
        elif tag == "tr" and self._depth:
            self._end_row()
            self._flush_loose()  # a caption, or text between rows
            self._row = []
            style = "".join((dict(attrs).get("style") or "").lower().split())
            if "display:none" in style:  # how Excel writes a hidden row in a web page
                self.hidden.append(len(self.rows))
        elif tag in ("td", "th") and self._depth:
            if self._row is None:
                self._flush_loose()
                self._row = []
            self._end_cell()
            values = dict(attrs)
            self._cell = []
            self._cell_spans = (
                _span(values.get("colspan"), MAX_COLUMNS),
                _span(values.get("rowspan"), MAX_ROWS),
            )
        elif tag == "br":
            self._break()
        elif tag in _BLOCKS:
            if self._cell is not None:
                if self._cell and not self._cell[-1].endswith("\n"):
                    self._break()
            else:
                self._flush_loose()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._ignored:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _IGNORED:
            self._ignored = max(0, self._ignored - 1)
            return
        if self._ignored:
            return
        if tag == "table" and self._depth:
            self._depth -= 1
            if not self._depth:
                self._end_row()
                self._below = {}
        elif self._depth > 1:
            return
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag in _BLOCKS and self._cell is None:
            self._flush_loose()

    def close(self) -> None:
        super().close()
        self._depth = 1
        self._end_row()
        self._flush_loose()

    # placing ----------------------------------------------------------------------
    def _add_row(self, row: list[Any]) -> None:
        if len(self.rows) >= MAX_ROWS:
            raise too_far(len(self.rows) + 1, len(row))
        self.cells += len(row)
        if self.cells > MAX_CELLS:
            raise too_far(len(self.rows) + 1, len(row))
        self.rows.append(row)

    def _flush_loose(self) -> None:
        text = _cell_text(self._loose)
        self._loose = []
        if text:
            self._add_row([text])

    def _free(self, column: int) -> int:
        """The first column from ``column`` that no rowspan from above covers, those covered
        left empty in the row."""
        row, here = self._row, len(self.rows)
        while self._below.get(column, -1) >= here:
            if len(row) <= column:
                row.extend([""] * (column + 1 - len(row)))
            column += 1
        return column

    def _end_cell(self) -> None:
        if self._cell is None:
            return
        text = _cell_text(self._cell)
        self._cell = None
        row = self._row
        column = self._free(len(row))
        across, down = self._cell_spans
        across = min(across, MAX_COLUMNS - column)
        if across < 1:
            raise too_far(len(self.rows) + 1, MAX_COLUMNS + 1)
        row.extend([""] * (column - len(row)))
        row.append(text)
        if across > 1:
            # the covered cells: blank, and left out altogether at the row's end (below)
            row.extend([""] * (across - 1))
        if across > 1 or down > 1:
            first = len(self.rows)
            self.merges.append((first, column, first + down - 1, column + across - 1))
        if down > 1:
            for c in range(column, column + across):
                self._below[c] = len(self.rows) + down - 1

    def _end_row(self) -> None:
        self._end_cell()
        row = self._row
        if row is None:
            return
        self._row = None  # columns covered from above at its end: empty, left out
        while row and row[-1] == "":
            row.pop()
        self._add_row(row)


def _cell_text(pieces: list[str]) -> str:
    """A cell's text: its lines (``<br>``) stripped, empty lines at either end dropped."""
    lines = [" ".join(line.split()) for line in "".join(pieces).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _read_html(parser: _HtmlSheet, text: str) -> Sheet:
    parser.feed(text)
    parser.close()
    if not parser.tables or not parser.rows:
        raise MarkupError("a web page with no table")
    sheet = Sheet(parser.rows, parser.merges)
    sheet.hide(parser.hidden, None)
    return sheet


def _clipped(merges: list[Merge], rows: int) -> list[Merge]:
    """Merges cut to the rows there are (a rowspan may promise more)."""
    out = []
    for r1, c1, r2, c2 in merges:
        if r1 >= rows:
            continue
        r2 = min(r2, rows - 1)
        if (r2, c2) != (r1, c1):
            out.append((r1, c1, r2, c2))
    return out


# --- Excel 2003 XML ------------------------------------------------------------------


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


class _Refused(Exception):
    pass


def _no_entities(*_args) -> None:
    raise _Refused("an entity declaration")


def _read_xml2003(data: bytes) -> list[tuple[str, Sheet, bool]]:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _no_entities
    parser.ExternalEntityRefHandler = lambda *_args: 0
    state = _XmlState()
    parser.StartElementHandler = state.start
    parser.EndElementHandler = state.end
    parser.CharacterDataHandler = state.text
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except (_Refused, expat.ExpatError) as err:
        raise MarkupError(f"XML: {err}") from None
    except MarkupError as err:
        err.sheet = state.sheet_name()
        raise
    if not state.sheets:
        raise MarkupError("an XML workbook with no worksheet")
    return [(name, sheet, hidden) for name, sheet, hidden in state.sheets]


class _XmlState:
    """What the Excel 2003 XML parser has seen; see the module's text."""

    def __init__(self) -> None:
        self.sheets: list[tuple[str, Sheet, bool]] = []
        self.names: set[str] = set()
        self.cells = 0
        self._rows: list[list[Any]] | None = None
        self._merges: list[Merge] = []
        self._errors: dict[tuple[int, int], str] = {}
        self._formulas: set[tuple[int, int]] = set()
        self._hidden: list[int] = []
        self._filtered = False  # a column of the AutoFilter filters (not bare arrows)
        self._filter_rows: tuple[int, int] | None = None  # the AutoFilter's rows, 1-based
        self._span = 0  # rows the last <Row> spans after itself
        self._name = ""
        self._sheet_hidden = False
        self._row: list[Any] | None = None
        self._column = 0
        self._cell: tuple[int, int] | None = None
        self._formula = False
        self._data_type: str | None = None
        self._text: list[str] | None = None
        self._in_comment = 0
        self._option: list[str] | None = None

    def sheet_name(self) -> str:
        """The name of the worksheet being read."""
        return self._name or f"Sheet{len(self.sheets) + 1}"

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = _local(tag)
        values = {_local(k): v for k, v in attrs.items()}
        if name == "Worksheet":
            self._rows, self._merges, self._errors = [], [], {}
            self._formulas, self._hidden, self._filtered = set(), [], False
            self._filter_rows, self._span = None, 0
            self._name = (values.get("Name") or f"Sheet{len(self.sheets) + 1}").strip()
            self._sheet_hidden = False
            # a worksheet begun inside another's cell (a broken file): nothing of that cell
            self._row = self._cell = self._text = self._option = None
        elif self._rows is None:
            return
        elif name == "Row":
            index = _index(values.get("Index"), MAX_ROWS)
            if index is None and self._span:
                # the row follows the rows the one before spans (``ss:Span``: as many rows
                # again, not written out: blank rows of the same height)
                index = len(self._rows) + 1 + self._span
                if index > MAX_ROWS:
                    raise too_far(index, 1)
            self._span = _count(values.get("Span"))
            rows = self._rows
            while index is not None and len(rows) < index - 1:
                self._add([])
            self._row, self._cell, self._text = [], None, None
            self._add(self._row)
            self._column = 0
            if values.get("Hidden", "").strip() in ("1", "true"):
                self._hidden.append(len(rows) - 1)
        elif name == "Cell" and self._row is not None:
            index = _index(values.get("Index"), MAX_COLUMNS)
            if index is not None:
                self._column = max(self._column, index - 1)
            across = _count(values.get("MergeAcross"))
            down = _count(values.get("MergeDown"))
            row_index, column = len(self._rows) - 1, self._column
            if column + across >= MAX_COLUMNS:
                raise too_far(row_index + 1, MAX_COLUMNS + 1)
            if across or down:
                self._merges.append(
                    (row_index, column, min(row_index + down, MAX_ROWS - 1), column + across)
                )
            self._cell = (row_index, column)
            self._formula = bool(values.get("Formula"))
            self._data_type = None
            self._column = column + across + 1
        elif name == "Data" and self._cell is not None and not self._in_comment:
            self._data_type = (values.get("Type") or "String").strip()
            self._text = []
        elif name == "Comment":
            self._in_comment += 1
        elif name == "AutoFilter":
            # its range (x:Range 'R4C1:R14C28'): a filter hides rows below its header row
            rows = [int(n) for n in re.findall(r"R(\d+)", values.get("Range") or "", re.I)]
            if rows:
                self._filter_rows = (rows[0], rows[-1])
        elif name == "AutoFilterColumn":
            # a column filtered (x:Type 'Custom', 'Top', 'Blanks'…): bare arrows write none
            if (values.get("Type") or "All").strip().lower() != "all":
                self._filtered = True
        elif name == "AutoFilterCondition":
            self._filtered = True
        elif name == "Visible":
            self._option = []

    def text(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)
        elif self._option is not None:
            self._option.append(data)

    def end(self, tag: str) -> None:
        name = _local(tag)
        if self._rows is None:
            return
        if name == "Data" and self._text is not None and self._cell is not None:
            self._place("".join(self._text))
            self._text = None
        elif name == "Cell" and self._cell is not None:
            if self._formula and self._data_type is None:
                self._formulas.add(self._cell)
            self._cell = None
        elif name == "Row":
            self._row = None
        elif name == "Comment":
            self._in_comment = max(0, self._in_comment - 1)
        elif name == "Visible" and self._option is not None:
            self._sheet_hidden = "hidden" in "".join(self._option).lower()
            self._option = None
        elif name == "Worksheet":
            self._finish()

    def _add(self, row: list[Any]) -> None:
        if len(self._rows) >= MAX_ROWS:
            raise too_far(len(self._rows) + 1, 1)
        self._rows.append(row)

    def _place(self, text: str) -> None:
        row_index, column = self._cell
        kind = self._data_type or "String"
        value: Any = text
        if kind == "Number":
            value = _number(text)
        elif kind == "Boolean":
            value = text.strip() in ("1", "true", "TRUE")
        elif kind == "DateTime":
            value = _datetime(text)
        elif kind == "Error":
            self._errors[(row_index, column)] = text.strip()
            value = ""
        row = self._rows[row_index]
        if len(row) <= column:
            self.cells += column + 1 - len(row)
            if self.cells > MAX_CELLS:
                raise too_far(row_index + 1, column + 1)
            row.extend([""] * (column + 1 - len(row)))
        row[column] = value

    def _finish(self) -> None:
        rows = self._rows
        sheet = Sheet(rows, self._merges)
        sheet.errors = self._errors
        sheet.formulas = self._formulas
        span = None  # the rows (0-based) a filter hides: a filtered sheet's, under the header
        if self._filtered:  # of its range (a row hidden above it, or under bare arrows: by hand)
            first, last = self._filter_rows or (0, MAX_ROWS)
            span = (first, last - 1)
        sheet.hide(self._hidden, span)
        name = self.sheet_name()
        while name in self.names:
            name += "_"
        self.names.add(name)
        self.sheets.append((name, sheet, self._sheet_hidden))
        self._rows = None


def _index(value: str | None, most: int) -> int | None:
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    if number < 1:
        return None
    if number > most:
        raise too_far(number if most == MAX_ROWS else 1, number if most != MAX_ROWS else 1)
    return number


def _count(value: str | None) -> int:
    try:
        return max(0, int((value or "0").strip()))
    except ValueError:
        return 0


def _number(text: str) -> Any:
    try:
        number = float(text.strip())
    except ValueError:
        return text
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _datetime(text: str) -> Any:
    try:
        return datetime.fromisoformat(text.strip()[:19])
    except ValueError:
        return text
