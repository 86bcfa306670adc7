"""Reading spreadsheets: any supported file to grids of cell values, header rows found by content.

Knows nothing about poverty: it opens a workbook (python-calamine), reads
key/value blocks, finds a header row by matching known column names, and
hands back each data row with its Excel row number so that every issue can
point at a cell. The words that mark title, section, total and signature
rows are passed in by the caller (they live in ``schemas.columns``).

Merged cells: calamine gives a merged cell's value in its top-left cell only.
The merged ranges come from calamine for xlsx, xlsm and xls, and for ods (which
calamine reports none for) from the file's content.xml (``pipeline.odsmerge``,
read once per file, only when the file is an ods package). A header's merged
parents are spread over the columns they cover, and a value merged down over
several household rows counts for each of them. Without merge information (an
xlsb, an ods whose spans cannot be made out) the header is still found: each
column is named by its lowest header cell.
"""

from __future__ import annotations

import re
import zipfile
from bisect import bisect_right
from datetime import date, datetime
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import python_calamine

from pipeline import lazyre
from pipeline.messages import Message
from pipeline.text import (
    MAX_CELL_TEXT,
    clean_text,
    column_letter,
    fold,
    format_en,
    format_vn,
    household_month,
    income_unit,
    is_blank,
    month_named,
    month_unit,
    needs_xml_safe,
    of_household,
    parse_whole,
    per_year,
    xml_safe,
)
from schemas.columns import COUNT_WORDS, INDICATOR_KEYS, NOTE_MARKERS, NOTE_OPENERS, Column

# pipeline.sheetscan (an xlsx's sheets looked at before calamine reads them) and
# pipeline.odsmerge (an ods's merged cells) are imported where a file is read, not with this
# module: a run's files are read by a forked child, and the run itself, which needs this
# module for the plan's grids, would only pay for their regular expressions and classes
# (docs/decisions.md "Session 16: the commune run's own time").
if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from pipeline import sheetscan

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}


def named_as_spreadsheet(path: Path) -> bool:
    """A spreadsheet by its name: a known suffix (spaces around the name forgiven, as a copy
    from a phone leaves them), or no suffix at all ('DS_PacCap_2024-05', the extension lost on
    the way), which the content then decides."""
    suffix = Path(path.name.strip()).suffix.lower()
    return suffix in SPREADSHEET_SUFFIXES or suffix == ""


def looks_like_spreadsheet(path: Path) -> bool:
    """A file without a suffix that is a workbook by its content: a zip holding a workbook part
    (xlsx, xlsm, xlsb, ods), or an OLE file with a workbook stream (xls) — not a Word
    document or another zip without its extension."""
    if Path(path.name.strip()).suffix:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _OLE_MAGIC:
                handle.seek(0)
                body = handle.read(4 << 20)
                return any(name in body for name in _OLE_WORKBOOK_STREAMS)
        if not head.startswith(b"PK\x03\x04"):
            return False
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, EOFError):
        return False
    return bool(names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"})


# The directory names of an xls file's workbook stream (UTF-16), 'Workbook' or the older 'Book'.
_OLE_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), b"B\x00o\x00o\x00k\x00\x00\x00")


HEADER_SEARCH_ROWS = 40  # header rows sit near the top; titles take at most a dozen rows
MAX_HEADER_SPAN = 3  # a header may spread over up to three rows (merged parent cells)
LABEL_COLUMNS = 4  # a key/value label may sit in columns A-D
VALUE_REACH = 4  # its value in one of the next four cells of the row
# Bounds of a sheet (see docs/safety.md). A hamlet has at most a few thousand households:
MAX_HOUSEHOLD_ROWS = 20_000  # household rows in one roster (all its tables)
MAX_SHEET_ROWS = 25_000  # rows of any sheet read, up to its last value (titles, signatures)
MAX_SHEET_CELLS = 10_000_000  # rows × columns up to the farthest value (~0.5 GB to read)
# The plan's start-of-year list holds a whole commune (or, for a province, every commune):
# the officer's own file, bounded higher.
PLAN_MAX_SHEET_ROWS = 1_000_000
PLAN_MAX_SHEET_CELLS = 40_000_000

Merge = tuple[int, int, int, int]  # first row, first col, last row, last col; 0-based, inclusive
HiddenRows = tuple[int, int, bool]  # first row, last row (0-based, inclusive), by a filter

# Legacy TCVN3 letters and VNI marks are bytes 0xA1-0xFF, read as the Latin-1 characters
# U+00A1-U+00FF. A sheet is looked at only when it holds one that Unicode Vietnamese text
# does not use (the Vietnamese letters of Latin-1 and a few common signs are left out).
_HIGH = lazyre.compile("[\u00a1-\u00ff]")
_SUSPECT = lazyre.compile("[" + "".join(
    chr(c) for c in range(0xA1, 0x100) if chr(c) not in "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ°±×÷²³"
) + "]")  # fmt: skip


def _symbol_letters() -> frozenset[str]:
    """The letters a symbol font draws as marks, as a cell may hold them (the letter, a C1
    control for 0x80-0x9F, the font's private-use code U+F0xx), less 'x': an 'x' is a mark in
    any font, a sheet of 'x' ticks is not looked at for its fonts."""
    from schemas.columns import SYMBOL_FONT_MARKS

    letters = set()
    for marks in SYMBOL_FONT_MARKS.values():
        for letter in marks:
            code = letter.encode("cp1252")[0]
            letters.update((letter, chr(code), chr(0xF000 + code)))
    return frozenset(letters - {"x"})


_SYMBOL_LETTERS = _symbol_letters()
_DISTINCT_TEXT_ROWS = 5_000  # sheets up to this long are searched by their distinct values
_XML_ILLEGAL_ANY = lazyre.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


class ReadError(Exception):
    """A file that cannot be read; ``code`` is an issue code from the catalogue."""

    def __init__(self, code: str, detail: str = "", *, sheet: str = "", value: str = ""):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.sheet = sheet
        self.value = value


class Workbook:
    """A workbook opened to read (:func:`open_workbook`), its sheets read once each.

    A plain class, not a dataclass: a dataclass's methods are compiled from source at every
    import, and nothing compares or prints a workbook (session 33, issue #6)."""

    def __init__(
        self,
        path: Path,
        sheet_names: list[str],
        _book: Any = None,
        hidden: set[str] | None = None,
        raw_names: dict[str, str] | None = None,
        sanitised: dict[str, tuple[int, str]] | None = None,
        _package: Any = None,
    ) -> None:
        self.path = path
        self.sheet_names = sheet_names
        self._book = _book
        self._cache: dict[str, list[list[Any]]] = {}
        self.hidden: set[str] = set() if hidden is None else hidden  # hidden and very hidden
        self._merges: dict[str, list[Merge]] = {}
        # sheet -> (cells decoded from legacy TCVN3/VNI text, encodings seen)
        self.decoded: dict[str, tuple[int, set[str]]] = {}
        self._package = _package  # sheetscan.Package, opened once
        self._ods_merges: dict[str, list[Merge]] | None = None  # by raw name
        self._ods_hidden: dict[str, list[HiddenRows]] = {}  # by raw name
        self._ods_errors: dict[str, dict[tuple[int, int], str]] = {}  # by raw name
        self._ods_formulas: dict[str, dict[tuple[int, int], str]] = {}  # by raw name
        self._ods_strikes: bool | None = None  # some style strikes text
        self.max_rows = MAX_SHEET_ROWS  # bounds on a sheet read; raised for the plan
        self.max_cells = MAX_SHEET_CELLS
        # sheet as named here -> its name in the file, where the file's held characters no
        # workbook may hold (they are spaces in ``sheet_names``)
        self.raw_names: dict[str, str] = {} if raw_names is None else raw_names
        # sheet -> (cells whose text was made safe, the first of them 'C5'); '' for the name
        self.sanitised: dict[str, tuple[int, str]] = {} if sanitised is None else sanitised
        # sheet -> (row, col) 0-based of formula cells the file holds no calculated value
        # for; in an xlsx/xlsm a dict, each cell's formula as written ('=SUM(H5:H10)', ''
        # when not known)
        self.formulas: dict[str, set[tuple[int, int]] | dict[tuple[int, int], str]] = {}
        # sheet -> {(row, col) 0-based: '#REF!'} of cells holding an error value (read as
        # blank; found by the byte scan of an xlsx/xlsm sheet, by pipeline.biff in an xls)
        self.errors: dict[str, dict[tuple[int, int], str]] = {}
        # sheet -> (first row, last row, hidden by a filter) 0-based, inclusive, of its runs
        # of hidden rows (xlsx, xlsm, ods, xls, xlsb: calamine reads them like any other)
        self.hidden_rows: dict[str, list[HiddenRows]] = {}
        # sheet -> 0-based indexes of its hidden columns (xlsx, xlsm: the byte scan; other
        # formats say none): a header written twice is read where the head sees it
        # (:func:`settle_twice`)
        self.hidden_cols: dict[str, set[int]] = {}
        # sheet -> (row, col) 0-based of its cells struck through (xlsx:
        # sheetscan.struck_cells; ods: odsfonts.struck_cells_ods; xls: biff.struck_cells)
        self.struck: dict[str, set[tuple[int, int]]] = {}
        # an .xls's sheets (as named in the file) that may hold a cell showing an error value
        # -> their index for xlrd (pipeline.biff); None until the file's bytes are looked at
        self._xls_flagged: dict[str, int] | None = None
        # an .xls's runs of hidden rows by sheet as named in the file (pipeline.biff, same
        # look); an .xlsb's, each noted when its sheet is looked at (pipeline.xlsbscan)
        self._xls_hidden: dict[str, list[HiddenRows]] = {}
        # an .xlsb's sheet parts by name (pipeline.xlsbscan.sheet_parts; {} for an ods), read
        # once
        self._xlsb_parts: dict[str, str] | None = None
        # whether an .xls's fonts may strike text through (pipeline.biff, the same look)
        self._xls_struck = False
        # sheet -> {(row, col) 0-based: the mark a symbol font draws for the cell's letter
        # ('✓' for a 'P' in Wingdings 2)}: read as that mark in mark cells only
        # (:meth:`mark_grid`)
        self.symbols: dict[str, dict[tuple[int, int], str]] = {}
        self._days: str | None | bool = False  # days_counted's answer, False until asked

    def allow_plan_size(self) -> None:
        self.max_rows, self.max_cells = PLAN_MAX_SHEET_ROWS, PLAN_MAX_SHEET_CELLS

    def grid(self, name: str) -> list[list[Any]]:
        """All cells of a sheet from A1, as a list of rows (row 0 is Excel row 1).

        A sheet reaching too far is refused (ReadError 'too-many-rows') before it
        is built. Text that no workbook may hold (control characters, more than
        32,767 characters) is made safe here, and text typed in legacy Vietnamese
        fonts (TCVN3 '.VnTime', VNI 'VNI-Times') decoded to Unicode, before
        anything matches, cleans or copies it.
        """
        if name not in self._cache:
            raw = self.raw_names.get(name, name)
            self._look(name, raw)
            try:
                sheet = self._book.get_sheet_by_name(raw)
                grid = sheet.to_python(skip_empty_area=False)
                self._merges[name] = _merge_list(sheet)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # pyo3 panics derive from BaseException
                raise _refusal(exc) from None
            width = max(map(len, grid), default=0)
            if len(grid) > self.max_rows or len(grid) * width > self.max_cells:
                far = f"{column_letter(max(width - 1, 0))}{len(grid)}"
                raise ReadError("too-many-rows", _reach(len(grid), width), sheet=name, value=far)
            if self._xls_flagged and raw in self._xls_flagged:
                self._xls_errors(name, raw)
            if self._xls_struck:  # a font striking text: the sheet's struck cells (session 30)
                from pipeline import biff

                cells = biff.struck_cells(self.path, raw)
                if cells:
                    self.struck[name] = cells
            hiding = self._xls_hidden.get(raw)
            if hiding:  # the runs within the rows read, as an ods's
                self.hidden_rows[name] = [(a, min(b, len(grid) - 1), f)
                                          for a, b, f in hiding if a < len(grid)]  # fmt: skip
            if self._merges[name]:
                # cut to the cells read: a column merged down to row 1,048,576 would be spread
                # over each of its million empty rows, in reading and in the feedback copy
                from pipeline.odsmerge import clipped

                self._merges[name] = clipped(self._merges[name], len(grid), width)
            else:
                spans = self._ods_spans(raw)
                if spans:
                    from pipeline.odsmerge import clipped

                    self._merges[name] = clipped(spans, len(grid), width)
                hiding = self._ods_hidden.get(raw)
                if hiding:  # the runs within the rows read (an ods hides a million empty ones)
                    self.hidden_rows[name] = [(a, min(b, len(grid) - 1), f)
                                              for a, b, f in hiding if a < len(grid)]  # fmt: skip
                shown = self._ods_errors.get(raw)
                if shown:  # cells showing an error value, read as empty (session 47 review)
                    self.errors[name] = {at: e for at, e in shown.items() if at[0] < len(grid)}
                kept = self._ods_formulas.get(raw)
                if kept:  # formulas saved without a value, read as empty (session 48)
                    self.formulas[name] = {at: f for at, f in kept.items() if at[0] < len(grid)}
                if self._ods_merges is not None:  # an .ods (or xlsb: no styles to read)
                    self._ods_struck(name, raw)
            # The sheet's text, joined once for the searches below (" ": no character either
            # looks for). A roster's distinct texts only: the searches only ask whether some
            # text holds a character; a long sheet (the plan's start list) is not worth a set.
            # Empty cells ('', most of a long sheet's) hold none: left out.
            cells = chain.from_iterable(grid)
            if len(grid) <= _DISTINCT_TEXT_ROWS:
                cells = set(cells)
            # (An empty cell, most of a long sheet's, is told by its truth first: it is '', and
            # no value the readers give is false yet text, nor fails to say whether it is true.)
            texts = [v for v in cells if v and v.__class__ is str]
            joined = " ".join(texts)
            if self._make_safe(name, grid, texts, joined):
                joined = " ".join(v for row in grid for v in row if v.__class__ is str and v)
            self._decode_legacy(name, raw, grid, joined)
            self._find_symbols(name, raw, grid, texts)
            self._cache[name] = grid
        return self._cache[name]

    def mark_grid(
        self, name: str, cols: Collection[int] | None = None, below: int = 0
    ) -> list[list[Any]]:
        """The sheet's grid with each cell written in a symbol font holding the mark the font
        draws ('✓' for a 'P' in Wingdings 2, ``symbols``), in the columns ``cols`` (every one
        when None) from row ``below`` (0-based) on: for the cells read as marks (deprivations,
        classes) and the feedback's copy. The grid itself when the sheet has none; else the
        rows changed are copies, the cached grid is left as read."""
        grid = self.grid(name)
        found = self.symbols.get(name)
        if not found:
            return grid
        out = list(grid)
        for (r, c), mark in found.items():
            if r >= below and (cols is None or c in cols):
                if out[r] is grid[r]:
                    out[r] = list(grid[r])
                out[r][c] = mark
        return out

    def _find_symbols(self, name: str, raw: str, grid: list[list[Any]], texts: list[str]) -> None:
        """Note the cells whose one letter a symbol font draws as a mark (``symbols``), read by
        their font (pipeline.legacy.symbol_cells). A sheet holding no such letter alone in a
        cell ('P', 'ü', '£') costs one set search; a file whose fonts name no symbol font, a
        byte search of its style table."""
        if _SYMBOL_LETTERS.isdisjoint(texts):
            return
        from pipeline import legacy, vocab

        try:
            fonts = legacy.symbol_cells(self.path, raw)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception:  # noqa: BLE001 - fonts not made out: the letters are read as written
            return
        found = {}
        for (r, c), font in fonts.items():
            if r < len(grid) and c < len(grid[r]):
                mark = vocab.symbol_mark(grid[r][c], font)
                if mark is not None:
                    found[(r, c)] = mark
        if found:
            self.symbols[name] = found

    def _look(self, name: str, raw: str) -> None:
        """Refuse an xlsx sheet that reaches too far before calamine builds it (one stray value
        in XFD1048576 would ask for 500 GB), and note its formula cells without a value."""
        try:
            index = self.sheet_names.index(name)
        except ValueError:
            return
        if getattr(self._book, "markup", False):
            self._look_markup(name, raw)
            return
        if self._package is None or self._package.released:
            from pipeline.sheetscan import Package

            self._package = Package(self.path)
        if self._xls_flagged is None:
            # not a zip (xlsx, xlsm, xlsb, ods): maybe an .xls, whose error cells calamine reads
            # as blank and whose hidden rows it does not say; its bytes looked at once for all
            # its sheets
            self._xls_flagged = {}
            if self._package.zip is None:
                from pipeline import biff

                found = biff.look(self.path)
                self._xls_flagged, self._xls_hidden = found.flagged, found.hidden_rows
                self._xls_struck = found.struck
        look = self._package.look(index, len(self.sheet_names), self.max_rows, self.max_cells)
        if look is None:
            if self._package.zip is not None and not self._package.parts:
                self._xlsb_hidden(raw)  # an xlsb (or ods: no parts, nothing more to look at)
            return
        if look.stopped:
            raise ReadError("too-many-rows", _reach(look.last_row, look.last_col),
                            sheet=name, value=look.far_cell)  # fmt: skip
        if look.formulas_without_value:
            self.formulas[name] = look.formulas_without_value
        if look.error_cells:
            self.errors[name] = look.error_cells
        if look.hidden_rows:
            self.hidden_rows[name] = look.hidden_rows
        if look.hidden_cols:
            self.hidden_cols[name] = look.hidden_cols
        if look.struck_cells:
            self.struck[name] = look.struck_cells

    def formula_at(self, name: str, ref: str) -> str:
        """The formula of cell ``ref`` ('B7') of sheet ``name`` as Excel shows it ('=5-6-24'),
        whatever value it saved (sheetscan.cell_formula); '' when it holds none or the file is
        no xlsx/xlsm. The sheet's part is searched for that one cell: asked only where the
        value read is not what the cell wants."""
        if name not in self.sheet_names or getattr(self._book, "markup", False):
            return ""
        if self._package is None or self._package.released:
            from pipeline.sheetscan import Package

            self._package = Package(self.path)
        index = self.sheet_names.index(name)
        return self._package.formula_at(index, len(self.sheet_names), ref)

    def _xlsb_hidden(self, raw: str) -> None:
        """Note the runs of hidden rows of sheet ``raw`` (as named in the file) of an .xlsb,
        which calamine does not say (session 31): its part found once per file, then one byte
        search of the sheet's part (pipeline.xlsbscan); the runs are cut to the rows read in
        :meth:`grid`, as an .xls's."""
        from pipeline import xlsbscan
        from pipeline.sheetscan import PART_ERRORS

        package = self._package.zip
        try:
            if self._xlsb_parts is None:
                self._xlsb_parts = xlsbscan.sheet_parts(package)
            if self._xlsb_parts:
                runs = xlsbscan.sheet_hidden_rows(package, self._xlsb_parts, raw)
                if runs:
                    self._xls_hidden[raw] = runs
        except PART_ERRORS:
            self._xlsb_parts = self._xlsb_parts or {}  # not made out: counted without a word

    def _look_markup(self, name: str, raw: str) -> None:
        """``_look`` for a web page or Excel 2003 XML (pipeline.markup): its bounds, formula
        cells without a value, error cells and hidden rows, noted when it was parsed."""
        sheet = self._book.get_sheet_by_name(raw)
        rows, width = sheet.size()
        if rows > self.max_rows or rows * width > self.max_cells:
            far = f"{column_letter(max(width - 1, 0))}{rows}"
            raise ReadError("too-many-rows", _reach(rows, width), sheet=name, value=far)
        if sheet.formulas:
            self.formulas[name] = set(sheet.formulas)
        if sheet.errors:
            self.errors[name] = dict(sheet.errors)
        if sheet.hidden_rows:
            self.hidden_rows[name] = list(sheet.hidden_rows)

    def _xls_errors(self, name: str, raw: str) -> None:
        """Note the cells of an .xls sheet that show an error value (calamine reads them as
        blank), as the byte scan notes an xlsx's: read by xlrd, the file's bytes having said
        the sheet may hold one (``_look``)."""
        from pipeline import biff

        cells = biff.sheet_errors(self.path, self._xls_flagged[raw])
        if cells:
            self.errors[name] = cells

    def _ods_spans(self, raw: str) -> list[Merge]:
        """The merged ranges of sheet ``raw`` (as named in the file) of an .ods, from its
        content.xml, read once for all its sheets (calamine reports none for ods), its hidden
        rows noted in the same pass (``_ods_hidden``); [] for any other file, told by its
        package: an xlsx or xlsm (its worksheet parts found), an xls (no zip) cost an attribute
        look or two."""
        if self._ods_merges is None:
            package = self._package
            if package is None or package.released or package.zip is None or package.parts:
                return []
            from pipeline.odsmerge import scan

            found = scan(package.zip)  # {}: xlsb
            self._ods_merges, self._ods_hidden, self._ods_errors, self._ods_formulas = found
        return self._ods_merges.get(raw, [])

    def _ods_struck(self, name: str, raw: str) -> None:
        """Note the cells of an .ods sheet (``raw`` as named in the file) whose text is struck
        through (``struck``), as the byte scan notes an xlsx's (session 30): the sheet is parsed
        (odsfonts.struck_cells_ods) only in a file some style of which strikes text, asked once
        per file (odsfonts.strikes_text: a byte search of its styles)."""
        package = self._package
        if package is None or package.released or package.zip is None:
            return
        from pipeline import odsfonts

        try:
            if self._ods_strikes is None:
                self._ods_strikes = odsfonts.strikes_text(package.zip)
            if self._ods_strikes:
                cells = odsfonts.struck_cells_ods(package.zip, raw)
                if cells:
                    self.struck[name] = cells
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception:  # noqa: BLE001 - styles not made out: nothing said, as before
            self._ods_strikes = False

    def _make_safe(self, name: str, grid: list[list[Any]], texts: list[str], joined: str) -> bool:
        # One search over the sheet's text first (``texts``: its text cells, ``joined``): most
        # sheets hold nothing to make safe.
        # (Printable text holds none of the characters looked for: told faster.)
        if not texts or (
            (joined.isprintable() or not _XML_ILLEGAL_ANY.search(joined))
            and (len(joined) <= MAX_CELL_TEXT // 2 or max(map(len, texts)) <= MAX_CELL_TEXT // 2)
        ):
            return False
        count, first = 0, ""
        for r, row in enumerate(grid):
            # One search per row (a cell too long makes its row too long): cheap.
            if not needs_xml_safe("".join([v for v in row if type(v) is str])):
                continue
            for c, value in enumerate(row):
                if isinstance(value, str) and needs_xml_safe(value):
                    row[c] = xml_safe(value)
                    count += 1
                    first = first or f"{column_letter(c)}{r + 1}"
        if count:
            before, where = self.sanitised.get(name, (0, ""))
            self.sanitised[name] = (before + count, where or first)
        return count > 0

    def _decode_legacy(self, name: str, raw: str, grid: list[list[Any]], joined: str) -> None:
        """Decode legacy-font text in place: by each cell's font where the file records fonts,
        else when the sheet's text as a whole reads as TCVN3 or VNI (``joined``: its text)."""
        if not _SUSPECT.search(joined):
            return  # plain Unicode (or ASCII): the common case costs one scan
        from pipeline import legacy

        try:
            fonts = legacy.legacy_cells(self.path, raw)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception:
            fonts = {}
        sheet_guess, unicode_cells = None, set()
        if not fonts:
            cells = {v for row in grid for v in row if isinstance(v, str) and _HIGH.search(v)}
            # Cells with letters no legacy font has (ạ, ơ, đ): Unicode, never decoded. Rows
            # typed in TCVN3 pasted under a Unicode header: the rest judged apart from them.
            unicode_cells = {v for v in cells if not legacy.latin_only(v)}
            sample = " ".join(v for v in cells if v not in unicode_cells)
            sheet_guess = legacy.guess_encoding(sample[:200_000])
            if sheet_guess is None:
                return
        count, seen = 0, set()
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if not isinstance(value, str) or not _HIGH.search(value):
                    continue
                encoding, caps = fonts.get((r, c), (sheet_guess, False))
                if encoding is None or value in unicode_cells:
                    continue
                if unicode_cells and legacy.guess_encoding(value) != encoding:
                    # beside Unicode text, a cell is decoded on its own evidence: its legacy
                    # letters, or a short word that decodes to one the list expects ('Tµy')
                    if not _known_word(legacy.decode(value, encoding, caps)):
                        continue
                text = legacy.decode(value, encoding, caps)
                if text != value:
                    row[c] = text
                    count += 1
                    seen.add(encoding)
        if count:
            self.decoded[name] = (count, seen)

    def detached(self) -> Workbook | None:
        """This workbook with every sheet read and no reader left open, fit to be pickled to
        another process; None when some sheet cannot be read (the other process then reads the
        file itself and says why)."""
        try:
            for name in self.sheet_names:
                self.grid(name)
        except Exception:  # noqa: BLE001 - said by the reader that reads it again
            return None
        self._book = self._package = None
        return self

    def days_counted(self) -> str | None:
        """How the program that saved the file counts the days its date cells show
        (:func:`days_counted`), looked at once, when a date is met where a number is due."""
        if self._days is False:
            self._days = days_counted(self.path)
        return self._days

    def merges(self, name: str) -> list[Merge]:
        """The sheet's merged ranges ([] when there are none or the format does not say)."""
        self.grid(name)
        return self._merges.get(name, [])

    @property
    def visible_sheets(self) -> list[str]:
        return [n for n in self.sheet_names if n not in self.hidden]

    def sheets_visible_first(self) -> list[str]:
        return self.visible_sheets + [n for n in self.sheet_names if n in self.hidden]

    def find_sheet(self, wanted: str) -> str | None:
        """The sheet named ``wanted`` (folded), a visible one before a hidden one."""
        key = fold(wanted)
        for name in self.sheets_visible_first():
            if fold(name) == key:
                return name
        return None


# How the program that saved a workbook counts the days its date cells show: a number typed in
# a cell formatted as a date is kept as the number, and read as the day it numbers
# (normalise.day_number; session 50)
EXCEL_DAYS = "excel"  # Excel's 1900 calendar: xlsx, xlsm, xls, xlsb
LIBRE_DAYS = "ods"  # LibreOffice's (.ods): every day from 30/12/1899
MAC_DAYS = "1904"  # Excel's 1904 calendar (old Mac Excel), or an .ods whose day 0 is 01/01/1904
_DATE_1904 = lazyre.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*[\"'](?:1|true)[\"']")
_NULL_DATE = lazyre.compile(rb"<table:null-date\b[^>]*\btable:date-value\s*=\s*[\"']([\d-]+)")
_FIRST_TABLE = b"<table:table "


def days_counted(path: Path) -> str | None:
    """How the program that saved ``path`` counts days, told by its content, not its name (an
    .ods renamed .xlsx is LibreOffice's): :data:`MAC_DAYS` for an xlsx or xlsm whose
    workbookPr says date1904, an xlsb whose BrtWbProp does (f1904), an .xls whose DATEMODE
    is 1, an .ods whose null date is 01/01/1904; :data:`LIBRE_DAYS` for another .ods; None
    where it cannot be told: an .ods written by Microsoft Excel (its days before March 1900
    perhaps Excel's) or with another null date; :data:`EXCEL_DAYS` for anything else."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
        if head == _OLE_MAGIC:
            from pipeline import biff

            with biff.quiet_book(filename=str(path)) as book:
                return MAC_DAYS if book.datemode == 1 else EXCEL_DAYS
        if head[:4] != b"PK\x03\x04":
            return EXCEL_DAYS
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "xl/workbook.xml" in names:
                found = _DATE_1904.search(package.read("xl/workbook.xml"))
                return MAC_DAYS if found else EXCEL_DAYS
            if "xl/workbook.bin" in names:
                return MAC_DAYS if _xlsb_1904(package.read("xl/workbook.bin")) else EXCEL_DAYS
            if "content.xml" not in names:
                return EXCEL_DAYS
            if "meta.xml" in names and b"Microsoft" in package.read("meta.xml"):
                return None
            with package.open("content.xml") as content:
                # the calculation settings come before the first table
                seen = b""
                while _FIRST_TABLE not in seen:
                    chunk = content.read(1 << 16)
                    if not chunk:
                        break
                    seen = seen[-256:] + chunk if len(seen) > 1 << 20 else seen + chunk
                    null = _NULL_DATE.search(seen)
                    if null:
                        day = null.group(1).decode("ascii", "replace")
                        return {"1904-01-01": MAC_DAYS, "1899-12-30": LIBRE_DAYS}.get(day)
            return LIBRE_DAYS
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:  # noqa: BLE001 - a file not made out: its days told as Excel's, as before
        return EXCEL_DAYS


_WB_PROP, _BEGIN_BUNDLE_SHS = 0x0099, 0x008F  # an xlsb's BrtWbProp, BrtBeginBundleShs


def _xlsb_1904(data: bytes) -> bool:
    """Whether an xlsb's 'xl/workbook.bin' says Excel's 1904 calendar: its BrtWbProp record's
    f1904, the first bit of its flags ([MS-XLSB] 2.4.820), written before the sheets' list
    (python-calamine counts its date cells from 01/01/1904 then; session 50, review)."""
    from pipeline.xlsbscan import records

    for kind, at, size in records(data):
        if kind == _WB_PROP:
            return size >= 4 and bool(data[at] & 1)
        if kind == _BEGIN_BUNDLE_SHS:
            break
    return False


def _merge_list(sheet: Any) -> list[Merge]:
    try:
        ranges = sheet.merged_cell_ranges
    except AttributeError:
        return []
    if not ranges:
        return []
    return [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in ranges]


def _reach(rows: int, cols: int) -> Message:
    return Message(
        f"{format_vn(rows, 0)} dòng × {format_vn(cols, 0)} cột",
        f"{format_en(rows, 0)} rows × {format_en(cols, 0)} columns",
    )


_CELLS_ASKED = lazyre.compile(r"Cell limit exceeded \((\d+) cells requested")


def _refusal(exc: BaseException) -> ReadError:
    """The reader's failure as the issue it is: a sheet asking for more cells than the reader
    builds (an .ods row of 16,383 empty cells then a value, repeated a million times: a few
    hundred bytes) is a file too large, not a damaged one (session 38: it was said to be cut
    short in transfer and to be saved again as .xlsx)."""
    asked = _CELLS_ASKED.search(str(exc))
    if asked:
        cells = int(asked[1])
        return ReadError(
            "file-too-large",
            Message(f"một trang cần {format_vn(cells, 0)} ô", f"a sheet needs {cells:,} cells"),
        )
    return ReadError("file-unreadable", describe_error(exc))


def describe_error(exc: BaseException) -> str:
    """The reader's complaint, one line, safe to show (it may quote the file's bytes); a part
    of the package missing or cut short said in words (:func:`_part_unread`)."""
    said = _part_unread(exc)
    if said is not None:
        return said
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return xml_safe(text[:200])


# The reader's bare word for a part of an .xlsx it could not read to its end (calamine's
# "unexpected end of XML" names the element it was in): the part that holds that element.
_PART_OF_ELEMENT = {
    "workbook": "xl/workbook.xml",
    "sheets": "xl/workbook.xml",
    "Relationships": "….rels",
    "sheetData": "xl/worksheets/sheet….xml",
    "worksheet": "xl/worksheets/sheet….xml",
    "row": "xl/worksheets/sheet….xml",  # a sheet's row, cell, value, formula (session 50)
    "c": "xl/worksheets/sheet….xml",
    "v": "xl/worksheets/sheet….xml",
    "f": "xl/worksheets/sheet….xml",
    "sst": "xl/sharedStrings.xml",
    "si": "xl/sharedStrings.xml",
}
# The readers' English sentences for a package whose parts do not hold together, said in words
# (session 50): a part naming another the file lacks (calamine's "Relationship not found"; the
# .xlsb reader's "no entry found for key"), a cell address without its row ('A0'), an .ods
# sheet's row holding text where a cell is due (LibreOffice writes none; another tool may).
_READER_SENTENCES = (
    (
        lazyre.compile(r"^(?:Relationship not found|no entry found for key)$"),
        "một phần của tệp Excel trỏ tới một phần khác không có trong tệp: tệp hỏng hoặc không "
        "do Excel lưu",
        "a part of the Excel file refers to another part the file does not hold: the file is "
        "damaged or not saved by Excel",
    ),
    (
        lazyre.compile(r"^Range is missing the expected row component\.?$"),
        "tệp Excel ghi địa chỉ một ô hay một vùng ô không có số dòng đúng (như 'A0'): tệp hỏng "
        "hoặc không do Excel lưu",
        "the Excel file writes the address of a cell or range without a proper row (as 'A0'): "
        "the file is damaged or not saved by Excel",
    ),
    (
        lazyre.compile(r"^Cell string index not found in shared strings table$"),
        "ô chữ của tệp Excel trỏ tới bảng chữ dùng chung ('xl/sharedStrings.xml') mà tệp không "
        "có hoặc thiếu mục: tệp hỏng hoặc không do Excel lưu",
        "a text cell of the Excel file refers to the shared strings ('xl/sharedStrings.xml') "
        "the file lacks or holds too few of: the file is damaged or not saved by Excel",
    ),
    (
        lazyre.compile(r"^syntax error: .* not found before end of input$"),
        "một phần của tệp Excel dừng giữa một thẻ (tệp bị cắt ngắn): tệp hỏng hoặc chưa chép hết",
        "a part of the Excel file stops inside a tag (the file is cut short): the file is "
        "damaged or not copied whole",
    ),
    (
        lazyre.compile(r"^Expecting 'table-cell', found "),
        "trang tính của tệp .ods có chữ hoặc khoảng trắng ở chỗ phải là một ô: tệp hỏng hoặc do "
        "một chương trình khác LibreOffice lưu",
        "a sheet of the .ods file holds text or spaces where a cell is due: the file is damaged "
        "or saved by a program other than LibreOffice",
    ),
    # more of the readers' English met in the foreign corpus (session 50, T16)
    (
        lazyre.compile(r"^Cfb error: Invalid OLE\b"),
        "tệp không có phần đầu của một sổ Excel 97–2003 (.xls): tệp hỏng, hoặc do Excel quá cũ "
        "(trước 97) hay một chương trình khác lưu",
        "the file lacks the header of an Excel 97–2003 workbook (.xls): it is damaged, or saved "
        "by an Excel older than 97 or by another program",
    ),
    (
        lazyre.compile(r"^Cfb error: (?:Sector \d+ points past end of file|Invalid minisector)"),
        "mục lục bên trong của tệp .xls sai hoặc trỏ ra ngoài tệp: tệp hỏng hoặc chưa chép hết",
        "the inner directory of the .xls file is wrong or points outside the file: the file is "
        "damaged or not copied whole",
    ),
    (
        lazyre.compile(r"^Cfb error: Codepage \w+ not found$"),
        "tệp .xls ghi chữ theo một bảng mã (codepage) không đọc được: tệp hỏng hoặc do một "
        "chương trình khác lưu",
        "the .xls file writes its text in a code page that cannot be read: the file is damaged "
        "or saved by another program",
    ),
    (
        lazyre.compile(r"^(?:End of stream\b|failed to fill whole buffer$)"),
        "dữ liệu của tệp Excel dừng giữa một bản ghi (tệp bị cắt ngắn): tệp hỏng hoặc chưa chép "
        "hết",
        "the Excel file's data stops inside a record (the file is cut short): the file is "
        "damaged or not copied whole",
    ),
    (
        lazyre.compile(r"^(?:index out of bounds|slice index starts at|range (?:start|end) index)"),
        "một bản ghi của tệp Excel trỏ tới chỗ không có dữ liệu: tệp hỏng hoặc không do Excel lưu",
        "a record of the Excel file points where there is no data: the file is damaged or not "
        "saved by Excel",
    ),
    (
        lazyre.compile(r"^(?:at \d+\.\.\d+: )?unrecognized entity\b"),
        "tệp Excel dùng một thực thể XML ('&…;') không được định nghĩa: tệp hỏng hoặc không do "
        "Excel lưu",
        "the Excel file uses an XML entity ('&…;') that is not defined: the file is damaged or "
        "not saved by Excel",
    ),
    (
        lazyre.compile(r"^invalid Zip archive\b"),
        "tệp không phải một gói nén (zip) nguyên vẹn như mọi tệp .xlsx, .xlsm, .ods: tệp hỏng "
        "hoặc chưa chép hết",
        "the file is not a whole zip package, as every .xlsx, .xlsm or .ods file is: the file "
        "is damaged or not copied whole",
    ),
    (
        lazyre.compile(r"^'mimetype' file not found in archive$"),
        "thiếu phần 'mimetype' của tệp .ods: tệp hỏng hoặc không do LibreOffice lưu",
        "the part 'mimetype' is missing from the .ods file: the file is damaged or not saved by "
        "LibreOffice",
    ),
)
_BARE_WORD = lazyre.compile(r"^[A-Za-z_][\w.-]{0,40}$")
_FILE_NOT_FOUND = lazyre.compile(r"^File not found:? '([^']{1,120})'$")
_PACKAGE_FAULT = ("tệp hỏng hoặc không do Excel lưu", "the file is damaged or not saved by Excel")


def _part_unread(exc: BaseException) -> Message | None:
    """A part of the workbook's package missing or not readable to its end, said in words
    (session 50): the reader says a bare word ('workbook', 'Relationships', a sheet's name
    'Tabelle1') that tells whoever supports the officer nothing."""
    text = str(exc).strip()
    if isinstance(exc, python_calamine.WorksheetNotFound) and text:
        name = xml_safe(text[:60])
        return Message(
            f"thiếu phần chứa trang '{name}' của tệp Excel: {_PACKAGE_FAULT[0]}",
            f"the part holding sheet '{name}' is missing from the Excel file: {_PACKAGE_FAULT[1]}",
        )
    missing = (
        _FILE_NOT_FOUND.match(text) if isinstance(exc, python_calamine.CalamineError) else None
    )
    if missing:
        return missing_part(xml_safe(missing[1]))
    for sentence, vi, en in _READER_SENTENCES:
        if sentence.match(text):
            return Message(vi, en)
    if isinstance(exc, python_calamine.XmlError):
        word = text
        if _BARE_WORD.match(word):
            part = _PART_OF_ELEMENT.get(word, word)
            return Message(
                f"phần '{part}' của tệp Excel không đọc được đến hết (dừng trong thẻ <{word}>): "
                f"{_PACKAGE_FAULT[0]}",
                f"the part '{part}' of the Excel file cannot be read to its end (it stops "
                f"inside <{word}>): {_PACKAGE_FAULT[1]}",
            )
    return None


def _workbook_part_missing(path: Path) -> str:
    """'xl/workbook.xml' when ``path`` is an Excel package (parts under 'xl/') without its
    workbook part, which lists its sheets (calamine then reads no sheet); else ''."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = {name.lower() for name in archive.namelist()}
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return ""
    if not any(name.startswith("xl/") for name in parts):
        return ""
    if parts & {"xl/workbook.xml", "xl/workbook.bin"}:
        return ""
    return "xl/workbook.xml"


def missing_part(part: str) -> Message:
    """The technical detail of a workbook's package lacking the part ``part``."""
    return Message(
        f"thiếu phần '{part}' của tệp Excel: {_PACKAGE_FAULT[0]}",
        f"the part '{part}' is missing from the Excel file: {_PACKAGE_FAULT[1]}",
    )


def _is_encrypted_package(path: Path) -> bool:
    """A password-protected .xlsx is an OLE container holding an 'EncryptedPackage' stream."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head != _OLE_MAGIC:
                return False
            return _ENCRYPTED_STREAM in handle.read(4 << 20)
    except OSError:
        return False


def _calamine_open(path: Path):
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as first:
        if _is_encrypted_package(path):
            raise ReadError("file-encrypted") from None
        from pipeline import biff

        if biff.encrypted(path):  # an .xls with a password to open, calamine fails on
            raise ReadError("file-encrypted") from None
        # A workbook saved under another format's name (an .xls renamed .xlsx, and the
        # reverse): calamine tells the format from the content when given the bytes.
        try:
            with path.open("rb") as handle:
                return python_calamine.CalamineWorkbook.from_filelike(handle)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:
            pass
        # A web page, Excel 2003 XML or tab-separated text named .xls, as many programs export
        # "to Excel": Excel opens it, so it is read (pipeline.markup, pipeline.textsheet).
        book = _markup_open(path)
        if book is None:
            raise first from None
        return book


def _markup_open(path: Path):
    """:func:`pipeline.markup.open_markup`, else :func:`pipeline.textsheet.open_text` (a web
    page, Excel 2003 XML or separated text), their refusals said as the reader's."""
    from pipeline import markup, textsheet

    try:
        return markup.open_markup(path) or textsheet.open_text(path)
    except OSError:
        return None
    except markup.MarkupError as err:
        if err.size is not None:
            raise ReadError(
                "too-many-rows", _reach(*err.size), sheet=err.sheet, value=err.far
            ) from None
        raise ReadError("file-unreadable", describe_error(err)) from None


def open_workbook(path: Path, package: sheetscan.Package | None = None) -> Workbook:
    """Open a spreadsheet; raises ReadError with an issue code when it cannot be read.

    ``package``: the file's zip already open for the byte scan of its sheets (else opened
    when a sheet is first read)."""
    try:
        if path.stat().st_size == 0:
            raise ReadError("file-empty", "0 byte")
        book = _calamine_open(path)
        names = list(book.sheet_names)
        hidden = set()
        for meta in book.sheets_metadata:
            if str(meta.visible).rsplit(".", 1)[-1].lower() != "visible":
                hidden.add(meta.name)
    except ReadError:
        raise
    except python_calamine.PasswordError:
        raise ReadError("file-encrypted") from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise ReadError("file-encrypted") from None
        raise _refusal(exc) from None
    if not names:
        lacking = _workbook_part_missing(path)
        if lacking:  # not an empty file: its list of sheets is gone (session 50)
            raise ReadError("file-unreadable", missing_part(lacking))
        raise ReadError("file-empty", "no sheet")
    shown, raw_names, sanitised = [], {}, {}
    for name in names:
        safe = " ".join(xml_safe(name).split()) if needs_xml_safe(name) else name
        if safe != name:
            while safe in names or safe in shown:
                safe += "_"
            raw_names[safe] = name
            sanitised[safe] = (1, "")
            if name in hidden:
                hidden.add(safe)
        shown.append(safe)
    return Workbook(path=path, sheet_names=shown, _book=book, hidden=hidden,
                    raw_names=raw_names, sanitised=sanitised, _package=package)  # fmt: skip


# --- key/value blocks ------------------------------------------------------------------


class KeyValue(NamedTuple):
    value: Any
    row: int  # 1-based Excel row
    cell: str  # the cell holding the value ('B3'); the label's cell when written inline


_NUMBERING = lazyre.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[a-h]) (?=\S)")


# What a label may carry after its name: the year, a unit ("Chỉ tiêu giảm tỷ lệ hộ nghèo năm
# 2024 (%)", "Năm kế hoạch (năm)").
_LABEL_TAIL = lazyre.compile(r"(?: nam(?: \d{4})?| diem| phan tram| %)+$")


def _label_key(text: str, lookup: dict[str, str]) -> str | None:
    key = lookup.get(text)
    if key is None and _NUMBERING.match(text):
        text = _NUMBERING.sub("", text, count=1)  # "1. Xã", "a) Xóm"
        key = lookup.get(text)
    if key is None and _LABEL_TAIL.search(text):
        bare = _LABEL_TAIL.sub("", text)
        key = lookup.get(bare) if bare else None
    return key


class Twice(NamedTuple):
    """A label of a key/value block written more than once with another value: the value
    read (``kept``), one passed over (``passed``), and whether ``passed`` is in a hidden row
    (None: visible; False: hidden; True: hidden by a filter)."""

    key: str
    kept: KeyValue
    passed: KeyValue
    hidden: bool | None


def read_key_values(
    grid: list[list[Any]],
    labels: dict[str, tuple[str, tuple[str, ...]]],
    marked_blanks: bool = False,
    hidden: list[HiddenRows] | None = None,
    twice: list[Twice] | None = None,
) -> dict[str, KeyValue]:
    """A key/value block as {key: KeyValue(value, excel_row, cell)}.

    Forgiving about layout: the label may sit in any of the first columns with
    its value in the next non-empty cell to the right ("Xóm | Nà Mòn",
    "| Xóm: | | Nà Mòn"), or label and value may share one cell ("Xóm: Nà Mòn").
    Labels are matched folded (case, accents, spacing, Unicode form, a
    trailing colon and a leading "1." ignored).
    ``marked_blanks``: a form's blank left as printed ('……', '-', :func:`is_placeholder`) is
    no value (a roster's 'Thông tin', filled by hand; the plan's values are quoted as written).

    A label written more than once: the one in a visible row is read over one in a hidden row
    (``hidden``, the sheet's ``Workbook.hidden_rows``: what the head sees), one with a value
    over a blank one, else the first. Each other one holding another value is put in ``twice``
    (said by the caller: a period passed over silently counts the list for another month); a
    blank one, or one holding the same value, is nothing to say.
    """
    marked = is_placeholder if marked_blanks else None
    lookup: dict[str, str] = {}
    for key, (label, aliases) in labels.items():
        for text in (label, *aliases):
            lookup.setdefault(fold(text), key)
    every: dict[str, list[KeyValue]] = {}
    for index, row in enumerate(grid):
        for col in range(min(len(row), LABEL_COLUMNS)):
            cell = row[col]
            if is_blank(cell):
                continue
            text = str(cell)
            key = _label_key(fold(text), lookup)
            inline = None
            if key is None and ":" in text:
                head, _, tail = text.partition(":")
                key = _label_key(fold(head), lookup)
                inline = tail.strip() or None
            if key is None:
                continue
            if inline is not None and not (marked and marked(inline)):
                kept = KeyValue(inline, index + 1, f"{column_letter(col)}{index + 1}")
            else:
                kept = _value_right_of(row, col, index, marked)
            every.setdefault(key, []).append(kept)
            break
    found: dict[str, KeyValue] = {}
    for key, written in every.items():
        if len(written) == 1:
            found[key] = written[0]
            continue
        where = {kv.row: hidden_by(hidden, kv.row - 1) for kv in written}
        kept = min(written, key=lambda kv: (where[kv.row] is not None, is_blank(kv.value)))
        found[key] = kept
        if twice is None:
            continue
        for other in written:
            if other is not kept and not is_blank(other.value):
                if _shown(other.value) != _shown(kept.value):
                    twice.append(Twice(key, kept, other, where[other.row]))
    return found


def _shown(value: Any) -> str:
    """A key/value block's value as compared with another of the same label: as text, case
    and spacing aside ('Nà Mòn', 'nà  mòn'; 215 and '215')."""
    return clean_text(value).casefold()


def hidden_by(runs: list[HiddenRows] | None, row: int) -> bool | None:
    """None when 0-based ``row`` is in no run of hidden rows (``Workbook.hidden_rows``, in
    order of rows); else whether a filter hides it."""
    at = bisect_right(runs, row, key=lambda run: run[0]) - 1 if runs else -1
    return runs[at][2] if at >= 0 and row <= runs[at][1] else None


def _value_right_of(
    row: list[Any], col: int, index: int, marked: Callable[[Any], bool] | None = None
) -> KeyValue:
    """The value right of a label; one ``marked`` as a form's blank left as it was ('……',
    '-') is no value, read as a blank at its cell."""
    first_mark = None  # the first cell holding such a blank
    for target in range(col + 1, min(len(row), col + 1 + VALUE_REACH)):
        value = row[target]
        if is_blank(value):
            continue
        if marked is None or not marked(value):
            return KeyValue(value, index + 1, f"{column_letter(target)}{index + 1}")
        first_mark = target if first_mark is None else first_mark
    blank = col + 1 if first_mark is None else first_mark
    return KeyValue(None, index + 1, f"{column_letter(blank)}{index + 1}")


def is_placeholder(value: Any) -> bool:
    """A text holding only a form's marks for a blank to fill: dots, an ellipsis, underscores,
    dashes ('………', '.......', '___', '-'), with spaces, colons and slashes ('__/__/____')."""
    return isinstance(value, str) and not value.strip(PLACEHOLDER_MARKS)


PLACEHOLDER_MARKS = " \t\u00a0.…_-–—:/"


# --- header rows -------------------------------------------------------------------------


class LaterColumn(NamedTuple):
    """A known column of a time after the list's own, holding values (:attr:`HeaderMatch.later`)."""

    key: str
    col: int  # the column not read (0-based)
    read: int  # the column read, of the list's own time
    time: tuple[int | None, int | None]  # (year, month) it names; month None: a year alone
    filled: bool = True  # whether it holds values in the rows under the header


class TwiceColumn(NamedTuple):
    """A known column's header written twice (:attr:`HeaderMatch.twice`)."""

    key: str
    read: int  # the column read (0-based)
    other: int  # the other one
    text: str = ""  # the other one's header as written
    state: str = ""  # how it was settled (:func:`settle_twice`); '' until then
    differ: int = 0  # the household rows where the two differ
    first: int = 0  # the first of them (Excel row)
    time: tuple[int | None, int | None] | None = None  # the time both name, if any
    # rounds of one check ('Lần 1 | Lần 2', state 'round' until settled): the rows whose value
    # was taken from this earlier round, the later one blank (Excel rows)
    filled: tuple[int, ...] = ()
    # a third column of the kind ('Thu nhập năm' and 'Thu nhập năm của hộ' beside the
    # template's): the rows another one filled first where this one differs from it, (Excel
    # row, the column read there); session 47 review's leftovers
    unheeded: tuple[tuple[int, int], ...] = ()
    # two names yielding as far, read as rounds are ('Nguyên nhân chính' beside 'Nguyên nhân
    # nghèo chính': :meth:`_SecondColumn.two_names`; session 46), said as two names, not rounds
    named: bool = False


class HeaderMatch:
    """A table's header row(s) as found: where they are and the columns they name.

    A plain class, not a dataclass (its methods compiled at every import): nothing compares or
    prints one (session 33, issue #6)."""

    def __init__(
        self,
        first_row: int,
        last_row: int,
        columns: dict[str, tuple[int, str]],
        unknown: list[tuple[int, str]],
    ) -> None:
        self.first_row = first_row  # 0-based index of the header's first row
        self.last_row = last_row  # 0-based index of the header's last row; data follow
        self.columns = columns  # key -> (column index, header text as written)
        self.unknown = unknown  # headers nobody asked for (or a second column of a key)
        # The household's class read from mark columns ('Phân loại hộ' over 'Hộ nghèo | Hộ
        # cận nghèo | Thoát nghèo', an 'x' in one): (column index, class key, the column's own
        # header, its header as written with its parent), set by :func:`class_mark_columns`.
        self.marks: list[tuple[int, str, str, str]] = []
        # The class at the start of the period marked beside them ('Đầu kỳ' over 'Hộ nghèo |
        # Hộ cận nghèo'), as ``marks``, where the marks have no exit column: a row marked
        # there and nowhere in ``marks`` has left both lists. ``times``: the header cells
        # naming the two times as written ('Đầu kỳ', 'Cuối kỳ'; '' where the marks have none).
        self.start_marks: list[tuple[int, str, str, str]] = []
        self.times: tuple[str, str] = ("", "")
        # Where each of ``unknown``'s headers is written: column index -> (row, column),
        # 0-based; the first cell of a merged header ('Số điện thoại' merged down two header
        # rows is written in the upper one), so that a message about the column points at its
        # text.
        self.unknown_at: dict[int, tuple[int, int]] = {}
        # A known column under an earlier time than another of the same key ('Phân loại hộ'
        # over 'Đầu kỳ | Cuối kỳ', 'Tháng 4 | Tháng 5' in a May list): (column index, header
        # as written); not read, and no unknown column either.
        self.earlier: list[tuple[int, Any]] = []
        # A known column's header written twice with nothing telling which one holds this
        # period's values, settled by :func:`hidden_twice` and :func:`settle_twice`; the
        # header cells of both in ``twice_at`` (column index -> (row, column), 0-based), as
        # ``unknown_at``.
        self.twice: list[TwiceColumn] = []
        self.twice_at: dict[int, tuple[int, int]] = {}
        # A known column under a later time than the list's own, beside a column of the
        # list's own ('Tháng 6' beside 'Tháng 5' in a May list; a year file's months still to
        # come): not read; those holding values said (:class:`LaterColumn`), their header
        # cells in ``later_at`` as ``unknown_at``.
        self.later: list[LaterColumn] = []
        self.later_at: dict[int, tuple[int, int]] = {}
        # Whether the list's month or year chose the column read of a key split by times
        # ('Tháng 4 | Tháng 5', 'Năm 2023 | Năm 2024'), and the period ('YYYY-MM') that chose
        # it: read again when the list's period, once settled (its title), is another
        # (discover).
        self.timed = False
        self.period: str | None = None
        # The head's name written in two columns, 'Họ' (or 'Họ và tên đệm') and 'Tên' beside
        # it: the surname's column index; ``columns['chu_ho']`` is the given name's, and the
        # two are read joined (:func:`split_head_name`, discover._households).
        self.surname: int | None = None

    @property
    def score(self) -> int:
        return len(self.columns)


_LACK_WORDS = ("thieu hut ", "thieu ", "khong co ", "khong duoc ", "khong ")

# How sure a column's name is: its own cell, exactly > parent + child > a known header
# followed by a note ("Số nhân khẩu (người)") > only a parent above it matches.
_EXACT, _COMPOSITE, _PREFIX, _PARENT = 3, 2, 1, 0


class _NamOrYear:
    """A count's name followed by 'nam' (folded): male members, another count ('Số nhân khẩu
    nam'), or the year ('Số nhân khẩu năm'): the header as written tells (``_HeaderNames``).
    A plain class (kept in a memo, never compared or changed): session 33."""

    __slots__ = ("key", "count")

    def __init__(self, key: str, count: int) -> None:
        self.key = key
        self.count = count  # the words of the name


# 'khác' (other) as a word, folded: after a name yielding less, the other ones (session 46 review)
_KHAC = lazyre.compile(r"\bkhac\b")
# 'từ' (from) before 'tháng' or 'ngày' and a number, or a date, folded: a period, not a source
# ('Thu nhập BQ từ tháng 1 đến tháng 12', '… từ 01/01/2023'; not '… từ 2 nguồn'; session 49
# review)
_FROM_A_DATE = lazyre.compile(r"tu (?:(?:thang|ngay) \d|\d{1,2} \d)")
# an income's unit, folded ('(đồng/người/tháng)', '/người/tháng', '(nghìn đồng)'), before a
# part's word: the part after the unit as after the name ('Thu nhập BQ (đồng/người/tháng)
# chính'; a two-row header's 'Thu nhập BQ (đồng/người/tháng)' over 'Chính'; session 49 review)
_UNIT_BEFORE_A_PART = lazyre.compile(
    r" (?:(?:nghin |trieu )?d(?:ong)?(?: nguoi)?(?: thang| nam)?|nguoi (?:thang|nam))"
    r"(?= (?:chinh|khac|tu)\b)"
)


class _HeaderNames:
    """The folded headers and aliases of a set of columns, with a memo of texts matched."""

    def __init__(self, columns: tuple[Column, ...]):
        self.table: dict[str, str] = {}
        # key -> the folded words that, after one of its names, make a count of some only
        self.narrowed: dict[str, tuple[str, ...]] = {}
        self.noted: dict[str, tuple[str, ...]] = {}  # key -> words that only note the same count
        self.whole: set[str] = set()  # folded names read as the whole header only
        # folded name -> key, read as the whole header only where no other names the key
        self.alone: dict[str, str] = {}
        # initials with a plain 'D' ('DT': Dân tộc), not read where written with 'Đ' ('ĐT':
        # Đối tượng, Điện thoại), which folds the same (session 44)
        self.plain_d: set[str] = set()
        # keys whose names followed by a note in brackets are read whatever the note says
        self.bracket_notes = {column.key for column in columns if column.bracket_notes}
        self.noted_memo: dict[str, tuple[str, int] | None] = {}
        # key -> folded names that beside another name of the key head another column: those
        # of Column.yields, then of Column.yields_less (which the first yield to)
        self.yielding = {
            c.key: (tuple(fold(t) for t in c.yields), tuple(fold(t) for t in c.yields_less))
            for c in columns
            if c.yields or c.yields_less
        }
        # folded headers that are none of the columns they begin with (Column.never)
        self.never = tuple(fold(t) for c in columns for t in c.never)
        # key -> its own folded names (header and aliases), for :meth:`near`
        self.own = {c.key: tuple(fold(t) for t in (c.header, *c.aliases)) for c in columns}
        # ... but for a name of a column beginning with one ('Thu nhập từ tất cả các nguồn')
        self.never_but = tuple(name for names in self.own.values() for name in names
                               if _begins_with_any(name, self.never))  # fmt: skip
        for column in columns:
            self.whole.update(fold(text) for text in column.whole)
            self.alone.update((fold(text), column.key) for text in column.alone)
            for text in (column.header, *column.aliases):
                self.table.setdefault(fold(text), column.key)
                initials = text.split(" ", 1)[0]  # 'DT', 'DT chủ hộ' (session 47)
                if initials.isascii() and initials.isupper() and "D" in initials:
                    self.plain_d.add(fold(text))
            if column.narrowed_by:
                self.narrowed[column.key] = tuple(fold(w) for w in column.narrowed_by)
                self.noted[column.key] = tuple(fold(w) for w in column.noted_by)
        self.memo: dict[str, tuple[str, int] | None] = {}

    def match(self, text: str, written: object = None) -> tuple[str, int] | None:
        """(key, strength) of a folded header text, or None. ``written``: the cell as written,
        where 'năm' (year) and 'nam' (male) differ (:meth:`_a_year`)."""
        if text in self.memo:
            found = self.memo[text]
        else:
            found = self._match(text)
            if len(self.memo) < 50_000:
                self.memo[text] = found
        if isinstance(found, _NamOrYear):
            found = (found.key, _PREFIX) if self._a_year(found, text, written) else None
        elif found is not None and self._written_with_d(text, written):
            return None
        if (
            found is None
            and self.bracket_notes
            and isinstance(written, str)
            and ("(" in written or " - " in written or " – " in written)
        ):
            return self._noted(text, written)
        return found

    def yields(self, key: str, text: str) -> int:
        """How far the folded header ``text`` naming ``key`` yields to its other names: 2 for
        a name of ``Column.yields``, 1 of ``Column.yields_less`` (session 45), 0 for none;
        whole or followed by more words that are not themselves a name of it ('Số CMND chủ
        hộ' yields, 'Số CMND/CCCD' does not); the longest name it begins with tells ('Số
        CMND/CCCD chủ hộ' yields as 'Số CMND/CCCD', not as 'Số CMND': session 45 review); one
        yielding less followed by 'khác' as far as those of ``Column.yields`` (session 46)."""
        level, longest = 0, 0
        for how_far, names in zip((2, 1), self.yielding.get(key, ()), strict=False):
            for name in names:
                if len(name) > longest and (
                    text == name or (_begins_with_any(text, (name,)) and text not in self.table)
                ):
                    level, longest = how_far, len(name)
        # an income of a year under any name ('Thu nhập bình quân năm', 'Thu nhập BQ (đồng/
        # người/năm)', text.per_year) yields less, as 'Thu nhập năm' (session 47); so does the
        # household's month ('Thu nhập của hộ/tháng', text.household_month; session 51)
        if level == 0 and key == "thu_nhap" and (per_year(text) or household_month(text)):
            level = 1
        # a name yielding less followed by 'khác' is the other ones, as 'Nhu cầu khác': 'Nhu
        # cầu cần hỗ trợ khác' beside 'Nhu cầu cần hỗ trợ' (session 46); so with a note after
        # it ('Nguyên nhân nghèo chính khác (ghi rõ)': session 46 review)
        return 2 if level == 1 and _KHAC.search(text, longest) else level

    def near(self, key: str, text: str) -> int:
        """How near the folded header ``text`` is to ``key``'s own names: the length of the
        longest it begins with ('Nguyên nhân nghèo chính' nearer 'Nguyên nhân nghèo' than
        'Nguyên nhân chính' is; session 46), 0 for none."""
        return _longest_begun(text, self.own.get(key, ()))

    def _noted(self, text: str, written: str) -> tuple[str, int] | None:
        """A header no name matched read without its notes in brackets, when that names a
        column whose notes do not narrow it ('Họ và tên chủ hộ (không viết tắt)'; session 44
        review); remembered by the header as written (a title's '(Kèm theo …)' on each sheet).
        So too a note after a dash between spaces that names no column ('Họ và tên chủ hộ -
        không viết tắt', not 'Họ tên - Năm sinh'; session 44, second pass)."""
        if written in self.noted_memo:
            return self.noted_memo[written]
        plain = _NOTE_IN_BRACKETS.sub(" ", written)
        dash = _NOTE_AFTER_DASH.search(plain)
        if dash is not None and self.match(fold(dash.group(1))) is None:
            plain = plain[: dash.start()]
        bare = fold(plain)
        named = self.match(bare) if bare and bare != text else None
        if named is not None and self._written_with_d(bare, plain):
            named = None  # 'ĐT (x)', 'ĐT chủ hộ (di động)': not 'DT' (session 47 review)
        found = (
            (named[0], _PREFIX) if named is not None and named[0] in self.bracket_notes else None
        )
        if len(self.noted_memo) < 50_000:
            self.noted_memo[written] = found
        return found

    def _written_with_d(self, text: str, written: object) -> bool:
        """Whether the folded header ``text`` is a name of initials with a plain 'D'
        (:attr:`plain_d`: 'DT') written with 'Đ' ('ĐT': Đối tượng, Điện thoại), or begins
        with one whose initials, the written first word, hold the 'Đ' ('ĐT chủ hộ (di động)',
        'ĐT chủ hộ/Zalo': the head's phone, not 'DT chủ hộ'; session 47 review)."""
        if not isinstance(written, str) or not ("Đ" in written or "đ" in written):
            return False
        if text in self.plain_d:
            return True
        first = written.split(None, 1)[0]
        return ("Đ" in first or "đ" in first) and _begins_with_any(text, tuple(self.plain_d))

    def _a_year(self, found: _NamOrYear, text: str, written: object) -> bool:
        """Whether the 'nam' after a count's name is the year, so the header names the count
        itself (the household size 'Số nhân khẩu năm'), not male members: written 'năm' (any
        case, NFC or NFD; what follows it judged as after the name), or 'nam' alone after the
        name in a header written without accents. That one may mean either, and the size is
        the lesser mistake: a size taken for another count refuses the hamlet's month, a
        count of men taken for the size is a figure to correct (its zeros are flagged)."""
        if written is None:
            return False
        raw = clean_text(written).lower()
        words = _WRITTEN_WORDS.findall(raw)
        if [fold(w) for w in words] != text.split(" "):
            return False  # the words written do not line up with the folded ones
        rest = _WRITTEN_YEARS.sub(" ", " ".join(words[found.count :])).split()
        if rest and rest[0] == "năm":
            return not self._counts_some(found.key, [fold(w) for w in rest[1:]])
        return rest == ["nam"] and raw.isascii()

    def _match(self, text: str) -> tuple[str, int] | _NamOrYear | None:
        # a never name is passed over by a longer name of a column the header begins with
        # ('Thu nhập từ các nguồn'), not by a shorter ('… từ các nguồn khác': session 48 review)
        if not text or self._never(text) or self._never(_UNIT_BEFORE_A_PART.sub("", text, 1)):
            return None
        table = self.table
        if text in table:
            return table[text], _EXACT
        # "Số nhân khẩu (người)" or "Mã hộ (*)": a known header followed by a note;
        # the longest known header that the text's first words spell wins. Not a count
        # followed by words that say which are counted ('Số người có BHYT'): another column.
        words = text.split(" ")
        either = None  # 'Số nhân khẩu nam': male members, or written 'năm' the year
        named = self._named_first(words)
        if named is not None:
            key, count = named
            if not self._narrowed(key, count, words):
                return key, _PREFIX
            tail = _YEAR_WORDS.sub(" ", " ".join(words[count:])).split()
            if tail[0] == "nam":
                either = _NamOrYear(key, count)
        if len(words) > 1 and words[0].isdigit() and len(words[0]) <= 2:
            rest = " ".join(words[1:])  # "1. Việc làm"
            if rest in table:
                return table[rest], _PREFIX
        for lack in _LACK_WORDS:  # "Không có BHYT", "Thiếu hụt nước sạch": the deprivation
            if text.startswith(lack):
                found = self._match(text[len(lack) :])
                if isinstance(found, tuple) and found[0].startswith("td_"):  # not _NamOrYear
                    return found[0], _PREFIX
        return either

    def _never(self, text: str) -> bool:
        """Whether the folded header ``text`` begins with a never name not passed over by a
        longer name of a column, nor by a period: a 'từ' ending it before a date ('Thu nhập BQ
        từ tháng 1 đến tháng 12'; session 49 review)."""
        never = _longest_begun(text, self.never)
        return never > _longest_begun(text, self.never_but) and not (
            text[:never].endswith(" tu") and _FROM_A_DATE.match(text, never - 2)
        )

    def _named_first(self, words: list[str]) -> tuple[str, int] | None:
        """(key, words it takes) of the longest known header the first words spell, short of
        them all; not a name read whole only ('Giới' of 'Giới thiệu việc làm')."""
        for count in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:count])
            if len(prefix) >= 3 and prefix in self.table and prefix not in self.whole:
                return self.table[prefix], count
        return None

    def _narrowed(self, key: str, count: int, words: list[str]) -> bool:
        """Whether the words after the first ``count``, a name of ``key``, count some only."""
        return key in self.narrowed and self._counts_some(key, words[count:])

    def counts_some_of(self, text: str) -> str | None:
        """The count (key) a folded header names and narrows to some of them ('so nguoi co
        bhyt': 'nhan_khau'), not read as that column (:meth:`_match`); None for any other."""
        words = text.split(" ")
        named = self._named_first(words)
        return named[0] if named is not None and self._narrowed(*named, words) else None

    def _counts_some(self, key: str, rest: list[str]) -> bool:
        """Whether the words ``rest`` after a name of the count ``key`` say which are counted:
        one of its narrowing words first ('có BHYT', 'nữ', 'trong độ tuổi lao động'; a year
        left out first), or words that name another column ('BHYT', 'thiếu việc làm')."""
        tail = " ".join(_YEAR_WORDS.sub(" ", " ".join(rest)).split())
        if not tail:
            return False
        if _begins_with_any(tail, self.noted[key]):
            return False  # 'có trong hộ', 'có đến 31/12/2023': the same count, noted
        if _begins_with_any(tail, self.narrowed[key]):
            return True
        if tail.startswith("cua ") and _begins_with_any(tail[4:], self.narrowed[key]):
            return True  # 'Số CCCD của vợ', 'Căn cước công dân của vợ/chồng' (session 47 review)
        other = self.match(tail)
        return other is not None and other[0] != key


def _begins_with_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` is one of ``words`` or begins with one of them as whole words."""
    return _longest_begun(text, words) > 0


def _longest_begun(text: str, words: tuple[str, ...]) -> int:
    """The length of the longest of ``words`` that ``text`` is or begins with as whole words
    (:func:`_begins_with_any`); 0 for none."""
    return max((len(w) for w in words if text == w or text.startswith(w + " ")), default=0)


@lru_cache(maxsize=16)
def _header_names(columns: tuple[Column, ...]) -> _HeaderNames:
    return _HeaderNames(columns)


def counts_some_of(header: str, columns: tuple[Column, ...]) -> str | None:
    """The column of ``columns`` a header names but narrows to a count of some ('Số người có
    BHYT' of 'Số nhân khẩu': ``nhan_khau``), and so was not taken for it; None otherwise."""
    return _header_names(columns).counts_some_of(fold(header))


def _spread_merges(
    grid: list[list[Any]], limit: int, merges: list[Merge] | None
) -> list[list[Any]]:
    """The first ``limit`` rows with each merged value copied over its whole range."""
    rows = [list(grid[i]) for i in range(limit)]
    for r1, c1, r2, c2 in merges or ():
        if r1 >= limit or r1 >= len(grid) or c1 >= len(grid[r1]):
            continue
        value = grid[r1][c1]
        if is_blank(value):
            continue
        for r in range(r1, min(r2, limit - 1) + 1):
            line = rows[r]
            if len(line) <= c2:
                line.extend([None] * (c2 + 1 - len(line)))
            for c in range(c1, c2 + 1):
                if is_blank(line[c]):
                    line[c] = value
    return rows


_THREE_ALNUM = lazyre.compile(r"[0-9A-Za-z]{3}")
_NUMBER_TOKEN = lazyre.compile(r"^\(?([a-z]|\d{1,2})\)?$")


# Digits written enclosed ('①', '⑴', '⒈', '❶', '➀', '⓫', '㉑'): their fold is empty; as a
# column-number row, the number they enclose (session 50).
_ENCLOSED_RANGES = ((0x2460, 0x249B), (0x24EA, 0x24FF), (0x2776, 0x2793), (0x3251, 0x325F),
                    (0x32B1, 0x32BF))  # fmt: skip


@lru_cache(maxsize=1)
def _enclosed_digits() -> dict[int, str]:
    import unicodedata

    return {
        code: str(int(unicodedata.numeric(chr(code))))
        for low, high in _ENCLOSED_RANGES
        for code in range(low, high + 1)
    }


def _number_fold(value: Any, folded: str) -> str:
    """``folded`` (``value``'s fold), or, when that is empty, the fold of ``value`` with its
    enclosed digits ('①') written as the numbers they enclose."""
    if folded or value.__class__ is not str or not value:
        return folded
    return fold(value.translate(_enclosed_digits()))


def _number_folds(row: list[Any], folded: list[str] | None = None) -> list[str]:
    """The row's cells folded (``folded``, when already), a digit written enclosed ('①') read
    as the number it encloses."""
    if folded is None:
        folded = [fold(v) for v in row]
    return [_number_fold(v, c) for v, c in zip(row, folded, strict=True)]


def _is_column_number_row(cells: list[str], raw: list[Any] | None = None) -> bool:
    """The row of column numbers under a header: 'A | B | 1 | 2 | (3) …', '① | ② | ③ …'
    (``raw``: the row's cells, whose enclosed digits ``cells`` folded away)."""
    if raw is not None:
        cells = _number_folds(raw, cells)
    filled = [c for c in cells if c]
    # a token is at most five characters ('(12)' and a line end): a longer one, told first,
    # says no without the pattern (not compiled for a header row of words)
    return (
        len(filled) >= 3
        and all(len(c) <= 5 for c in filled)
        and all(_NUMBER_TOKEN.match(c) for c in filled)
    )


def find_header(
    grid: list[list[Any]],
    columns: tuple[Column, ...],
    merges: list[Merge] | None = None,
    period: str | None = None,
) -> HeaderMatch | None:
    """The header row (or rows) of a table whose columns are ``columns``, found by content.

    The best-scoring span of one to three consecutive rows wins (most known
    columns; on a tie, the span starting with a row that names a column, then
    the earliest and shortest). ``merges`` spreads merged parent cells over
    the columns they head. ``period`` ('YYYY-MM', None when not known): the list's month,
    which of a column split by months ('Tháng 4 | Tháng 5') is read (:func:`_time_ranks`).
    """
    names = _header_names(columns)
    match = names.match
    required = {c.key for c in columns if c.required}
    limit = min(len(grid), HEADER_SEARCH_ROWS)
    rows = _spread_merges(grid, limit, merges)
    # Rows are folded and matched only when a span over them could still win: once a header
    # is found, the household rows under it (fewer cells written than it names) are not.
    folded: list[list[str]] = [[] for _ in range(limit)]
    keys: list[list] = [[] for _ in range(limit)]
    ready = [False] * limit

    def prepare(index: int) -> None:
        if not ready[index]:
            folded[index] = [fold(v) for v in rows[index]]
            keys[index] = [match(t, v) for t, v in zip(folded[index], rows[index], strict=True)]
            ready[index] = True

    written = [{c for c, v in enumerate(row) if v is not None and v != ""} for row in rows]
    depth = _merged_depth(merges, limit)
    wide = [(r1, c1, c2) for r1, c1, r2, c2 in merges or () if r1 == r2 < limit and c2 > c1]
    best: HeaderMatch | None = None
    best_rank: tuple | None = None
    number_rows: dict[int, bool] = {}
    for first in range(limit):
        if best_rank is not None:
            most = set().union(*written[first : first + MAX_HEADER_SPAN])
            if len(most) < best_rank[0]:
                continue  # fewer cells written than the best span names: no span here can win
        prepare(first)
        names_column = any(keys[first])
        if not names_column:
            if not any(folded[first]) or first + 1 >= limit:
                continue
            prepare(first + 1)
            if not any(keys[first + 1]):
                continue
        reach: set[int] = set()
        for span in range(1, MAX_HEADER_SPAN + 1):
            last = first + span - 1
            if last >= limit:
                break
            prepare(last)
            if last not in number_rows:
                number_rows[last] = _is_column_number_row(folded[last], rows[last])
            if number_rows[last]:
                break
            if span > 1 and _holds_figures(grid, last, last):
                if not (wide and _years_under(grid, wide, first, last - 1, last)):
                    break  # a household row (STT, birth year, members) is no lower header row
            reach |= {c for c, text in enumerate(folded[last]) if text}
            if best_rank is not None and len(reach) < best_rank[0]:
                continue  # fewer columns written than the best span names: it cannot win
            deeper = depth.get((first, last), last)
            if last < deeper and not _holds_figures(grid, last + 1, deeper):
                continue  # a header cell merged down further: the header is deeper
            if wide and _heads_a_row_below(grid, wide, first, last):
                continue  # 'Phân loại hộ' merged over 'Đầu kỳ | Cuối kỳ': the header is deeper
            found = _match_span(
                rows,
                folded,
                keys,
                match,
                first,
                last,
                period,
                grid,
                names.alone,
                names.yields,
                names.near,
            )
            if found.score < 3 or len(required & found.columns.keys()) < min(2, len(required)):
                continue
            rank = (found.score, names_column, -first, -span)
            if best_rank is None or rank > best_rank:
                best, best_rank = found, rank
    if best is None:
        return None
    _choices_are_no_deprivations(best, rows, match)
    written = _written(rows, best)
    written.unknown_at = _header_cells(best.unknown, merges)
    written.twice_at = _header_cells(list(best.twice_at.items()), merges)
    later = [(c, best.later_at[c]) for t in best.later for c in (t.col, t.read)]
    written.later_at = _header_cells(later, merges)
    written.timed, written.period = best.timed, period
    return written


def _header_cells(
    unknown: list[tuple[int, Any]], merges: list[Merge] | None
) -> dict[int, tuple[int, int]]:
    """Each unknown column's own header cell (the last of the cells naming it), or the first
    cell of the merged range holding it: the cell where its text is written. Not a parent's
    range over known columns too (a column left under 'Các chỉ số thiếu hụt' with no header of
    its own keeps its own cell, not the parent's first)."""
    columns = {col for col, _ in unknown}
    at = {}
    for col, cells in unknown:
        row, column = cells[-1]
        for r1, c1, r2, c2 in merges or ():
            if r1 <= row <= r2 and c1 <= column <= c2:
                if all(c in columns for c in range(c1, c2 + 1)):
                    row, column = r1, c1
                break
        at[col] = (row, column)
    return at


_CHOICE_KEYS = frozenset({"nhu_cau", "nguyen_nhan"})


def _choices_are_no_deprivations(found: HeaderMatch, rows: list[list[Any]], match) -> None:
    """A deprivation's short name under a need or a cause ('Nhu cầu hỗ trợ' over 'Vay vốn |
    Nước sạch | BHYT'): a choice of that column, not the deprivation (in place: to unknown).
    Done once the header is chosen, so that its rows are chosen as before."""
    for key in [k for k in found.columns if k.startswith("td_")]:
        col, cells = found.columns[key]
        for r in range(found.first_row, found.last_row + 1):
            if (r, col) in cells or col >= len(rows[r]):
                continue
            above = match(fold(rows[r][col]))
            if above and above[0] in _CHOICE_KEYS:
                found.unknown.append((col, cells))
                del found.columns[key]
                break
    found.unknown.sort(key=lambda item: item[0])


def _list_goes_on(
    grid: list[list[Any]], quick: list[bool], start: int, index: int, code_col: int, taken: list
) -> bool:
    """Whether the list goes on under the signature line at row ``index``: plain household
    rows follow, none with a code the list above has. A signature block pasted inside the list
    is followed by the rest of its households; a real one by the signers' names, or by a copy
    of rows already listed (kept for reference, not counted twice)."""
    # household codes hold a digit ('TL.01.005', 'NM1'); a summary's 'Hộ nghèo | 16' does not
    below = [
        i
        for i in range(index + 1, len(grid))
        if quick[i - start] and any(ch.isdigit() for ch in str(grid[i][code_col]))
    ]
    if not below:
        return False
    above = {grid[i][code_col] for i in taken if code_col < len(grid[i])}
    return not any(grid[i][code_col] in above for i in below)


def _heads_a_row_below(grid: list[list[Any]], wide: list, first: int, last: int) -> bool:
    """Whether a cell of rows ``first``..``last`` merged across columns heads words written
    under it in the next row ('Thu nhập' over 'Tổng | Bình quân'): that row is header too,
    not a household row (which holds figures of its own)."""
    below = last + 1
    if _years_under(grid, wide, first, last, below):
        return True  # 'Phân loại hộ' over '2023 | 2024': the years are header
    if below >= len(grid) or _holds_figures(grid, below, below):
        return False
    from pipeline import vocab

    row = grid[below]
    if _is_column_number_row(_number_folds(row)):
        return False  # '(1) | (2) | …': the columns' numbers, under the header's last row
    for r, c1, c2 in wide:
        if first <= r <= last:
            # words, not marks: 'không | không | x' under the deprivations is a household's row
            words = [
                v
                for v in row[c1 : c2 + 1]
                if isinstance(v, str)
                and v.strip()
                and not v.isdigit()
                and vocab.deprivation_mark(v) is None
            ]
            if len(words) >= 2:
                return True
    return False


def _a_year_written(value: Any) -> int | None:
    """A year written alone as a number or its digits (2024, 2024.0, '2024'), else None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and value.strip().isdecimal():
        # isdecimal, not isdigit: '①', '²' are digits int() refuses (session 50)
        value = int(value.strip())
    if value.__class__ is int and 1990 <= value <= 2100:
        return value
    return None


def _years_under(grid: list[list[Any]], wide: list, first: int, last: int, below: int) -> bool:
    """Whether row ``below`` holds no number but years ('2023 | 2024', numbers or text), each
    under a cell of rows ``first``..``last`` merged across columns and two or more under one
    of them, beside words at most ('Tổng | Bình quân' under 'Thu nhập'): the header's lower row
    naming its columns' years ('Phân loại hộ' over '2023 | 2024'), not a household's figures
    (a household row has an STT, a size, an income that are no years under one parent)."""
    if below >= len(grid):
        return False
    years = []
    for col, value in enumerate(grid[below]):
        if value is None or is_blank(value):
            continue
        if _a_year_written(value) is None:
            if value.__class__ is str and not value.strip().isdigit():
                continue  # a word of the header
            return False
        years.append(col)
    if len(years) < 2:
        return False
    spans = [(c1, c2) for r, c1, c2 in wide if first <= r <= last]
    under = [next((s for s in spans if s[0] <= col <= s[1]), None) for col in years]
    if None in under:
        return False
    return any(under.count(s) >= 2 for s in spans)


def _holds_figures(grid: list[list[Any]], first: int, last: int) -> bool:
    """Whether a row from ``first`` to ``last`` holds two numbers of its own: a household row
    (STT, birth year, members), not the lower row of a header, whose cells are words. A header
    cell merged down over the first household row ('Ghi chú' merged with the empty cell under
    it) does not make that household part of the header."""
    for index in range(first, min(last, len(grid) - 1) + 1):
        numbers = 0
        for value in grid[index]:
            if (isinstance(value, int | float) and not isinstance(value, bool)) or (
                isinstance(value, str) and value.strip().isdigit()
            ):
                numbers += 1
                if numbers >= 2:
                    return True
    return False


def _merged_depth(merges: list[Merge] | None, limit: int) -> dict[tuple[int, int], int]:
    """(first, last) of a candidate span -> the last row its vertically merged cells reach.

    "STT" merged over three rows says the header is three rows deep, so the
    row under a merged parent ("Thu nhập" over "Tổng | Bình quân") is header,
    not data. Only merges that start inside the span and end within
    MAX_HEADER_SPAN rows of its first row count.
    """
    tall = [(r1, r2) for r1, _, r2, _ in merges or () if r2 > r1 and r1 < limit]
    depth: dict[tuple[int, int], int] = {}
    if not tall:
        return depth
    for first in range(limit):
        for last in range(first, min(first + MAX_HEADER_SPAN, limit)):
            reach = [r2 for r1, r2 in tall if first <= r1 <= last and r2 < first + MAX_HEADER_SPAN]
            if reach and max(reach) > last:
                depth[(first, last)] = max(reach)
    return depth


def _match_span(
    rows,
    folded,
    keys,
    match,
    first: int,
    last: int,
    period: str | None = None,
    grid=None,
    alone: dict[str, str] | None = None,
    yields=None,
    near=None,
) -> HeaderMatch:
    """Columns named by rows ``first``..``last``. Header texts are kept as the cells that
    name each column ((row, col) tuples) and written out by :func:`_written`. ``grid``: the
    sheet, whose rows under the header tell which columns of a key split by times hold
    values (:func:`_time_ranks`). ``alone``: folded names read as the whole header only where
    no other header of the span names their key ('Mã' beside no 'Mã hộ': ``Column.alone``).
    ``yields``: how far a folded header names its key by a name that yields to the key's others
    ('Dân tộc thiểu số' beside 'Dân tộc': ``_HeaderNames.yields``; 0 for none). ``near``: how
    near a folded header is to its key's own names (``_HeaderNames.near``). A key's second
    column is told apart by its kind (:class:`_SecondColumn`)."""
    width = max(len(folded[i]) for i in range(first, last + 1))
    candidates: list[tuple[int, int, str, tuple]] = []  # (strength, col, key, cells)
    own_named: set[int] = set()  # columns whose own (lowest) cell names their key
    unknown: list[tuple[int, Any]] = []
    for col in range(width):
        lowest = None
        for r in range(last, first - 1, -1):
            if col < len(folded[r]) and folded[r][col]:
                lowest = r
                break
        if lowest is None:
            continue
        child = folded[lowest][col]
        best = None
        own = keys[lowest][col]
        if own:
            best = (own[1], own[0], ((lowest, col),))
        if best is None or best[0] != _EXACT:
            parent_row = None
            for r in range(lowest - 1, first - 1, -1):
                if col < len(folded[r]) and folded[r][col] and folded[r][col] != child:
                    parent_row = r
                    break
            if parent_row is not None:
                both = _composite(match, folded[parent_row][col], rows[parent_row][col], child)
                if both:
                    strength = _COMPOSITE if both[1] == _EXACT else _PREFIX
                    if best is None or strength > best[0]:
                        best = (strength, both[0], ((parent_row, col), (lowest, col)))
                above = keys[parent_row][col]
                if above and best is None:
                    best = (_PARENT, above[0], ((parent_row, col),))
        if best:
            candidates.append((best[0], col, best[1], best[2]))
            if own and own[0] == best[1]:
                own_named.add(col)
        else:
            unknown.append((col, ((lowest, col),)))
    if alone and unknown:
        _read_alone(alone, rows, folded, candidates, unknown)
    columns: dict[str, tuple[int, Any]] = {}
    # Of two columns for one key, as sure of each other, the one more likely meant: 'Phân
    # loại hộ' over 'Đầu kỳ | Cuối kỳ' is the class at the end of the period; 'Thu nhập' over
    # 'Tổng (đồng/năm) | Bình quân (đồng/người/tháng)' the income per person and month.
    timing = _Timing()
    if len({c[2] for c in candidates}) == len(candidates):  # one column per key: the common case
        ranked = sorted(candidates, key=lambda c: (-c[0], c[1]))
    else:

        def holds(col: int) -> bool:
            return grid is None or _holds_values(grid, last, col)

        timing = _time_ranks(rows, folded, candidates, period, holds)
        ranked = sorted(candidates, key=lambda c: (-c[0], timing.ranks.get(c[1], 1), c[1]))
    # A key's second column, of the same strength or weaker, is told apart by its kind
    # (:class:`_SecondColumn`); made at the first one.
    second: _SecondColumn | None = None
    for _, col, key, cells in ranked:
        if key not in columns:
            columns[key] = (col, cells)
            continue
        if second is None:
            second = _SecondColumn(
                rows, folded, first, last, grid, yields, near, own_named, timing, columns, unknown
            )
        second.place(key, col, cells)
    found = HeaderMatch(first, last, columns, unknown)
    if second is not None:
        if timing.rounds:
            second.rounds(candidates)
        found.earlier, found.twice = second.earlier, second.twice
        found.later, twice_cells = second.later, second.cells
    else:
        twice_cells = {}
    unknown.sort(key=lambda item: item[0])
    found.twice_at = twice_cells  # the cells naming them; where they are written: find_header
    found.later_at, found.timed = twice_cells, timing.timed
    return found


class _SecondColumn:
    """A key's second column in a header span (:func:`_match_span`), one of the key read
    already (``columns``), as sure of its name or less. Its kind is asked in the order of
    :meth:`place`, each kind a method saying whether the column is of it and settling it if so:
    what is read, what is said (``twice``, ``later``, their header cells in ``cells``), what is
    left (``earlier``, ``unknown``)."""

    __slots__ = (
        "rows",
        "folded",
        "first",
        "last",
        "grid",
        "yields",
        "near",
        "own_named",
        "timing",
        "columns",
        "unknown",
        "earlier",
        "twice",
        "cells",
        "later",
    )

    def __init__(
        self, rows, folded, first, last, grid, yields, near, own_named, timing, columns, unknown
    ) -> None:
        self.rows, self.folded, self.first, self.last = rows, folded, first, last
        self.grid, self.yields, self.near, self.own_named = grid, yields, near, own_named
        self.timing: _Timing = timing
        self.columns: dict[str, tuple[int, Any]] = columns
        self.unknown: list[tuple[int, Any]] = unknown
        self.earlier: list[tuple[int, Any]] = []
        self.twice: list[TwiceColumn] = []
        self.cells: dict[int, Any] = {}  # the header cells of ``twice`` and ``later``
        self.later: list[LaterColumn] = []

    def place(self, key: str, col: int, cells: tuple) -> None:
        """Column ``col`` named ``key`` by ``cells``, beside the one read: the first kind it is
        of settles it; of none, it is a column of another kind. An earlier round of a check
        ('Lần 1' beside 'Lần 2') is left as an earlier time is, and paired with the later once
        every column is placed (:meth:`rounds`)."""
        read, read_cells = self.columns[key]
        if not (
            self.by_sex(key, col, cells, read, read_cells)
            or self.by_time(key, col, cells, read, read_cells)
            or self.another_name(key, col, cells, read, read_cells)
            or self.two_names(key, col, cells, read, read_cells)
            or self.copy(key, col, cells, read, read_cells)
        ):
            self.another_column(col, cells)

    def holds(self, col: int) -> bool:
        return self.grid is None or _holds_values(self.grid, self.last, col)

    def groups(self, key: str, col: int) -> int:
        grid = self.grid
        return _groups_held(grid, self.last, col) if key == "dan_toc" and grid is not None else 0

    def name(self, col: int, cells: tuple) -> str:
        """The column's header as folded: its lowest cell's."""
        return self.folded[cells[-1][0]][col]

    def pair(self, key: str, read: int, read_cells: tuple, col: int, cells: tuple, **how) -> None:
        """The two columns said as one written twice (:class:`TwiceColumn`, settle_twice)."""
        self.twice.append(TwiceColumn(key, read, col, **how))
        self.cells[read], self.cells[col] = read_cells, cells

    def another_column(self, col: int, cells: tuple) -> None:
        """A column of another kind ('Thu nhập Tổng'); named by its parent alone ('Số nhân
        khẩu' over 'Tổng | Nam | Nữ'), it is said with its own cell, 'Số nhân khẩu Nam' at I5,
        not the parent's text at I4, inside the merged parent."""
        self.unknown.append((col, _with_own_cell(self.folded, cells, col, self.first, self.last)))

    def by_sex(self, key: str, col: int, cells: tuple, read: int, read_cells: tuple) -> bool:
        """The kind 'by sex': 'Năm sinh' over 'Nam | Nữ', the year written under the head's
        sex; 'Giới tính' (or 'Giới') over 'Nam | Nữ', the head's sex marked in one (session
        44). The second is the women's column."""
        folded, columns = self.folded, self.columns
        if key == "nam_sinh" and _by_sex(folded, read_cells, cells):
            columns[BIRTH_YEAR_OF_WOMEN] = (col, cells)
            return True
        first, last = self.first, self.last
        if key == "gioi_tinh" and _by_sex(
            folded,
            _with_own_cell(folded, read_cells, read, first, last),
            _with_own_cell(folded, cells, col, first, last),
        ):
            columns[SEX_OF_WOMEN] = (col, cells)
            return True
        return False

    def by_time(self, key: str, col: int, cells: tuple, read: int, read_cells: tuple) -> bool:
        """The kind 'times': the two under times the header names (:func:`_time_ranks`). One of
        an earlier time is not read ('Đầu kỳ', 'Tháng 4' beside 'Tháng 5'), nor one of a time
        after the list's own ('Tháng 6' beside 'Tháng 5' in a May list: said when it holds
        values)."""
        timing = self.timing
        before = timing.before
        if col in before and read not in before:
            self.earlier.append((col, cells))  # 'Đầu kỳ', 'Tháng 4' beside 'Tháng 5'
        elif read in before and col not in before and timing.ranks.get(col) == 0:
            # 'Phân loại hộ mới' beside 'Phân loại hộ' (a surer name, of an earlier time)
            self.earlier.append((read, read_cells))
            self.columns[key] = (col, cells)
        elif col in timing.after and read in timing.own:
            later = LaterColumn(key, col, read, timing.after[col], self.holds(col))
            self.later.append(later)
            self.cells[read], self.cells[col] = read_cells, cells
        else:
            return False
        return True

    def another_name(self, key: str, col: int, cells: tuple, read: int, read_cells: tuple) -> bool:
        """The kind 'the column and another name': two names of the key yielding unlike
        (``_HeaderNames.yields``). 'Dân tộc thiểu số' beside 'Dân tộc', 'Số CMND' beside 'Số
        CCCD': the column's other name is read, this one is another column (session 44, second
        pass); of two names yielding, the one yielding less is read ('Nguyên nhân nghèo chính'
        beside 'Nguyên nhân khác': session 45). One left blank under the header gives way to
        the other holding values, read as it would be alone, and is not said ('Dân tộc' left
        blank beside 'Dân tộc (Kinh/DTTS)' filled in: session 45 review); not the head's name,
        whose rows are said missing it (no wife's name taken for the head's: 'Họ tên, năm sinh
        vợ'). Another name of the template's column, both holding values ('Nguyên nhân chủ
        yếu' beside 'Nguyên nhân nghèo', 'Thu nhập năm' beside the template's income): read
        where the template's is blank, the rows said, as two names yielding as far are
        (session 46; the income since session 47)."""
        yields = self.yields
        if yields is None:
            return False
        this = yields(key, self.name(col, cells))
        that = yields(key, self.name(read, read_cells))
        if this == that:
            return False
        this = (key == "chu_ho" or self.holds(col), -this)
        that = (key == "chu_ho" or self.holds(read), -that)
        if this > that:
            # the read one and the other swapped, each with its cells (session 47 review:
            # 'read' was left the other's, a pair said 'ô J4 và ô J4')
            self.columns[key] = (col, cells)
            col, cells, read, read_cells = read, read_cells, col, cells
            this, that = that, this
        if this[1] > that[1]:
            self.earlier.append((col, cells))  # read over for its blanks: nothing to say
        elif this == (True, -1) and that == (True, 0) and key not in _NOT_FILLED_BY_NAME:
            self.pair(key, read, read_cells, col, cells, state="round", named=True)
        else:
            self.another_column(col, cells)
        return True

    def two_names(self, key: str, col: int, cells: tuple, read: int, read_cells: tuple) -> bool:
        """The kind 'two names' (``TwiceColumn.named``): two names yielding as far, not the
        same, and none of the column's own ('Nguyên nhân chính' beside 'Nguyên nhân nghèo
        chính', 'Dân tộc (DTTS)' beside 'Dân tộc (Kinh/DTTS)'). The one holding values, then
        nearer the column's own name, then the first, is read, the other where it is blank;
        the rows where they differ are said (settle_twice, as rounds are), never refusing the
        list (session 46). Not the head's name: no wife's name taken for the head's. Of two
        ethnic columns, the one holding more groups' names over codes or marks ('Tày' over
        'DTTS', 'x')."""
        near = self.near
        if near is None or key == "chu_ho":
            return False
        name, read_name = self.name(col, cells), self.name(read, read_cells)
        if not self.yields(key, name) or name == read_name:
            return False
        this = (self.holds(col), self.groups(key, col), near(key, name))
        that = (self.holds(read), self.groups(key, read), near(key, read_name))
        if this > that:
            self.columns[key] = (col, cells)
            col, cells, read, read_cells = read, read_cells, col, cells
        self.pair(key, read, read_cells, col, cells, state="round", named=True)
        return True

    def copy(self, key: str, col: int, cells: tuple, read: int, read_cells: tuple) -> bool:
        """The kind 'copies': 'Phân loại hộ' written twice, or over two times alike ('Tháng 5 |
        Tháng 5'), each column named by its own cell or a time: which one holds this period's
        values is told by the rows (settle_twice), never by the columns' order. 'Ghi chú 2'
        beside 'Ghi chú' is another note, not a copy."""
        rows = self.rows
        if not (
            (col in self.own_named or _names_a_time(rows, cells))
            and (read in self.own_named or _names_a_time(rows, read_cells))
            and (key not in _HARMLESS_TWICE or self.name(col, cells) == self.name(read, read_cells))
        ):
            return False
        self.pair(key, read, read_cells, col, cells, time=_time_of(rows, cells))
        return True

    def rounds(self, candidates: list) -> None:
        """The kind 'rounds of one check' ('Lần 1' beside 'Lần 2'), once every column is
        placed: an earlier round is not read as the column, its values fill the later round's
        blanks and a difference is said (settle_twice); latest round first."""
        rounds = self.timing.rounds
        key_of = {c: k for _, c, k, _ in candidates}
        for col, cells in sorted(self.earlier, key=lambda item: -rounds.get(item[0], 0)):
            key = key_of.get(col)
            if col in rounds and key in self.columns and self.columns[key][0] in rounds:
                read, read_cells = self.columns[key]
                self.pair(key, read, read_cells, col, cells, state="round")


def _read_alone(alone: dict[str, str], rows, folded, candidates: list, unknown: list) -> None:
    """Each unknown column whose own header is a name of ``alone`` ('Mã'), or one with a note
    in brackets ('TNBQ (đồng)'; session 44 review), taken for its key when no other column
    names that key (in place): the first such column, as sure as a name of its own; a second,
    or one beside 'Mã hộ', stays unknown. ``rows``: the header rows as written."""
    named = {c[2] for c in candidates}
    for item in list(unknown):
        col, cells = item
        row = cells[-1][0]
        key = alone.get(folded[row][col])
        written = rows[row][col]
        if key is None and isinstance(written, str) and "(" in written:
            key = alone.get(fold(_NOTE_IN_BRACKETS.sub(" ", written)))
        if key is not None and key not in named:
            named.add(key)
            unknown.remove(item)
            candidates.append((_EXACT, col, key, cells))


# Columns whose second copy changes no figure: the first is read, the other said only when it
# holds something else (a note the head wrote there is not read).
def _with_own_cell(folded, cells: tuple, col: int, first: int, last: int) -> tuple:
    """``cells`` naming column ``col`` with the column's own lowest header cell (rows
    ``first``..``last``) added when they lack it (a column matched by its parent alone)."""
    for r in range(last, first - 1, -1):
        if col < len(folded[r]) and folded[r][col]:
            return cells if r <= cells[-1][0] else (*cells, (r, col))
    return cells


_HARMLESS_TWICE = frozenset({"stt", "ghi_chu"})

# Columns another name of which is not read where the template's column is blank
# (:meth:`_SecondColumn.another_name`; session 46): the head's name (a declarer's is no
# head's). The income is, since session 47: a year's ('Thu nhập năm') in its own unit
# (validate._in_dong).
_NOT_FILLED_BY_NAME = frozenset({"chu_ho"})


def hidden_twice(header: HeaderMatch | None, hidden: set[int]) -> HeaderMatch | None:
    """A header written twice, one of the two columns hidden (``hidden``: the sheet's hidden
    columns, ``Workbook.hidden_cols``): the visible one is read, what the head sees and
    corrects (in place; said by rosterchecks.header_issues). Done before the rows are read."""
    if header is None or not header.twice or not hidden:
        return header
    for index, twice in enumerate(header.twice):
        if twice.state == "round" or (twice.read in hidden) == (twice.other in hidden):
            continue
        if twice.read in hidden:  # the other one is visible: read it
            text = header.columns[twice.key][1]
            header.columns[twice.key] = (twice.other, twice.text)
            twice = twice._replace(read=twice.other, other=twice.read, text=text)
        header.twice[index] = twice._replace(state="hidden")
    return header


def _same_value(a: Any, b: Any) -> bool:
    if is_blank(a) or is_blank(b):
        return is_blank(a) and is_blank(b)
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool | str):
        return float(a) == float(b)
    return fold(clean_text(a)) == fold(clean_text(b))


def _agree(key: str, a: Any, b: Any) -> bool:
    """Whether two values of one column written twice agree: the same as written
    (:func:`_same_value`) or read the same (``normalise_value``: '04' and '4 người' as 4, an
    ID typed as a number beside the same as text; session 46 review); an ethnic group's code
    or mark ('DTTS', 'x') agrees with a group's name on its side of Kinh ('Tày'), 'Kinh' with
    'Kinh', two names of one group ('Mèo', "H'Mông") with each other (session 46: 'Dân tộc
    (Kinh/DTTS)' beside 'Dân tộc (DTTS)')."""
    if _same_value(a, b):
        return True
    from pipeline import vocab
    from pipeline.normalise import normalise_value

    if key != "dan_toc":
        return normalise_value(key, a) == normalise_value(key, b)
    groups = vocab.ethnicity(a), vocab.ethnicity(b)
    if None not in groups:
        return groups[0] == groups[1]  # 'Tày' is no 'Nùng'
    return (groups[0] == "Kinh") == (groups[1] == "Kinh")


def _taken_over(header: HeaderMatch, twice: TwiceColumn, row: int, read: Any, value: Any) -> bool:
    """Whether an income ``value`` of ``twice``'s other column, a number, takes over Excel row
    ``row`` from the column that filled it first with ``read``, no number ('chưa rõ'): that
    column, settled already, then has the row among those it differs from the one read
    (``TwiceColumn.unheeded``), no longer among those it filled; a column settled already as
    differing there from it ('không rõ') now differs from ``twice``'s, the one read (session 47
    review of the income wave). Session 47 review."""
    if _income_number(read) is not None or _income_number(value) is None:
        return False
    for index, first in enumerate(header.twice):
        if first.key == twice.key and row in first.filled:
            taken = (row, first.other)
            for at, said in enumerate(header.twice):
                if said.key == twice.key and taken in said.unheeded:
                    moved = ((row, twice.other) if u == taken else u for u in said.unheeded)
                    header.twice[at] = said._replace(unheeded=tuple(sorted(moved)))
            unheeded = tuple(sorted((*first.unheeded, (row, twice.other))))
            filled = tuple(r for r in first.filled if r != row)
            header.twice[index] = first._replace(filled=filled, unheeded=unheeded)
            return True
    return False


def _income_number(value: Any) -> int | float | None:
    """An income as written read as a number ('1.200.000' too); None for none ('chưa rõ')."""
    from pipeline.normalise import normalise_value

    number = normalise_value("thu_nhap", value)
    return None if not isinstance(number, int | float) or isinstance(number, bool) else number


def _same_income(headers: tuple[str, str], values: tuple[Any, Any], size: Any) -> bool:
    """Whether two incomes ``values`` under the income columns headed ``headers`` are the same
    month's income per person, each taken in its column's unit (text.income_unit: a year's a
    twelfth, a household's year divided by its ``size`` too: text.household_year), to the
    đồng; written alike where either is no number (:func:`_agree`). Session 47."""
    from pipeline.normalise import normalise_value

    months = []
    for value, header in zip(values, headers, strict=True):
        number = _income_number(value)
        if number is None:
            return _agree("thu_nhap", *values)
        household, members = of_household(header), None
        if household:
            members = normalise_value("nhan_khau", size)
            if not isinstance(members, int) or isinstance(members, bool) or members <= 0:
                return _agree("thu_nhap", *values)
        # in đồng as the income is read (a year's in đồng under 'nghìn đồng' too)
        unit = month_unit(number, income_unit(header), per_year(header), household, members)
        months.append(number * float(unit))
    return abs(months[0] - months[1]) < 1


def settle_twice(grid: list[list[Any]], header: HeaderMatch, table: Table) -> None:
    """How each header written twice and not settled by :func:`hidden_twice` is read, by the
    household rows of ``table`` (in place): 'same' where the two hold the same in every row
    (the first read); for a column that changes no figure (``_HARMLESS_TWICE``) 'quiet' so,
    else 'notes' (the first read); 'differ' where they differ, which refuses the list. Other
    names of a column (``TwiceColumn.named``) are settled left to right: of two filling a
    blank row, the leftmost fills it first, not the surer name (session 47); rounds of a
    check after them, latest first (:meth:`_SecondColumn.rounds`)."""
    named = sorted((twice.other, index) for index, twice in enumerate(header.twice) if twice.named)
    rest = [index for index, twice in enumerate(header.twice) if not twice.named]
    for index in [index for _, index in named] + rest:
        twice = header.twice[index]
        if twice.state == "round":
            header.twice[index] = _settle_round(grid, header, table, twice)
            continue
        if twice.state:
            continue
        differ = []
        for excel_row in table.excel_rows:
            row = grid[excel_row - 1] if excel_row - 1 < len(grid) else []
            a = row[twice.read] if twice.read < len(row) else None
            b = row[twice.other] if twice.other < len(row) else None
            if not _same_value(a, b):
                differ.append(excel_row)
        if twice.key in _HARMLESS_TWICE:
            state = "notes" if differ else "quiet"
        else:
            state = "differ" if differ else "same"
        header.twice[index] = twice._replace(
            state=state, differ=len(differ), first=differ[0] if differ else 0
        )


def _settle_round(
    grid: list[list[Any]], header: HeaderMatch, table: Table, twice: TwiceColumn
) -> TwiceColumn:
    """An earlier round of a check ('Lần 1' beside 'Lần 2', :func:`_round_ranks`): in a row
    the later round leaves blank its value is read, located at its own cell
    (``Table.elsewhere``); the rows where both are written and differ are counted (the later
    one read). State 'rounds', said by rosterchecks.column_twice_issues when either is so."""
    values = table.columns.get(twice.key)
    if values is None:
        return twice._replace(state="rounds")
    text = twice.text or header.columns[twice.key][1]
    there = table.elsewhere.setdefault(twice.key, {})
    differ, filled = [], []
    # two income columns are compared as a month's income per person, each in its own unit
    # ('Thu nhập năm' beside 'Thu nhập BQ': 14,400,000 agrees with 1,200,000; session 47)
    incomes = twice.key == "thu_nhap"
    sizes = table.columns.get("nhan_khau", ()) if incomes else ()
    unheeded = []

    def agree(read: Any, headed: str, value: Any, position: int) -> bool:
        """Whether ``read``, under the column headed ``headed``, agrees with ``value``, this
        column's in the row at ``position``."""
        if not incomes:
            return _agree(twice.key, read, value)
        return _same_income((headed, text), (read, value), sizes[position] if sizes else None)

    for position, excel_row in enumerate(table.excel_rows):
        row = grid[excel_row - 1] if excel_row - 1 < len(grid) else []
        later = row[twice.read] if twice.read < len(row) else None
        earlier = row[twice.other] if twice.other < len(row) else None
        if is_blank(earlier):
            continue
        if is_blank(later):
            if is_blank(values[position]):
                values[position] = earlier
                there[excel_row] = (twice.other, text)
                filled.append(excel_row)
            elif excel_row in there and not agree(
                values[position], there[excel_row][1], earlier, position
            ):  # a third column of the kind: another one filled this blank row first
                if not (incomes and _taken_over(header, twice, excel_row, values[position],
                                                earlier)):  # fmt: skip
                    unheeded.append((excel_row, there[excel_row][0]))
                    continue
                values[position] = earlier  # its words give way to this column's number
                there[excel_row] = (twice.other, text)
                filled.append(excel_row)
        elif not agree(later, header.columns[twice.key][1], earlier, position):
            differ.append(excel_row)
    if not there:
        del table.elsewhere[twice.key]
    return twice._replace(
        state="rounds", differ=len(differ), first=differ[0] if differ else 0,
        filled=tuple(filled), unheeded=tuple(unheeded),
    )  # fmt: skip


_A_YEAR = lazyre.compile(r"\b(?:19|20)\d\d\b")


def _month_of(rows: list[list[Any]], cells: tuple) -> tuple[int | None, int] | None:
    """(year or None, month) a column's header cells name ('Tháng 4', 'T5/2024', '05/2024',
    a date cell Excel made of '05/2024'); None when they name none, or two."""
    found = set()
    for r, c in cells:
        value = rows[r][c] if c < len(rows[r]) else None
        if isinstance(value, datetime | date):
            found.add((value.year, value.month))
        elif isinstance(value, str) and value.strip():
            named = _month_in(value)
            if named is not None:
                found.add(named)
    return found.pop() if len(found) == 1 else None


# A month without its year inside a header's words ('Phân loại hộ tháng 4'), folded; one with a
# year ('tháng 4/2024') is month_named's
_MONTH_INSIDE = lazyre.compile(r"(?<!\w)thang\s*0?([1-9]|1[0-2])(?![\d/.-])")


def _month_in(text: str) -> tuple[int | None, int] | None:
    """(year or None, month) a header's text names: text.month_named ('Tháng 4', 'T5/2024',
    'Phân loại hộ tháng 4/2024'), or a month without its year among other words ('Phân loại
    hộ tháng 4', session 40); None for none."""
    named = month_named(clean_text(text))
    if named is None and (inside := _MONTH_INSIDE.search(fold(text))):
        named = (None, int(inside[1]))
    return named


def _one_year(folded: str) -> int | None:
    """The one year a header's folded text names ('phan loai ho nam 2023': 2023); None when it
    names none, or two ('2022-2025')."""
    found = {int(y) for y in _A_YEAR.findall(folded)}
    return found.pop() if len(found) == 1 else None


def _year_of(rows: list[list[Any]], cells: tuple) -> int | None:
    """The year a column's header cells name alone ('Năm 2024', 'Phân loại hộ năm 2023',
    2024), no month with it; None when they name none, or two."""
    if _month_of(rows, cells) is not None:
        return None
    return _one_year(" ".join(fold(rows[r][c]) for r, c in cells if c < len(rows[r])))


def _time_in(text: str) -> tuple[int | None, int | None] | None:
    """(year, month) a header's text names, as :func:`_time_of` reads cells: a month
    (:func:`_month_in`), else a year alone (month None: 'Phân loại hộ năm 2023'); None for
    neither."""
    month = _month_in(text)
    if month is not None:
        return month
    year = _one_year(fold(text))
    return (year, None) if year is not None else None


def _time_before(time: tuple[int | None, int | None] | None, period: str | None) -> bool:
    """Whether a time a column's header names (:func:`_time_of`: (year or None, month or None))
    is before the list's ``period`` ('YYYY-MM'): an earlier month, an earlier month of the
    period's year for one written without its year ('Tháng 4' in a May list; 'Tháng 12' in a
    January list may be either year's and is not), or an earlier year written alone ('năm
    2023' in a 2024 list, session 41; the list's own year is not). False without a period
    (session 40)."""
    if time is None or period is None:
        return False
    year, number = time
    if number is None:
        return year is not None and year < int(period[:4])
    if year is None:
        return number < int(period[5:7])
    return (year, number) < (int(period[:4]), int(period[5:7]))


def _time_of(rows: list[list[Any]], cells: tuple) -> tuple[int | None, int | None] | None:
    """(year, month) a column's header cells name: a month (its year None when unsaid), or a
    year alone (month None); None when they name neither."""
    month = _month_of(rows, cells)
    if month is not None:
        return month
    year = _year_of(rows, cells)
    return (year, None) if year is not None else None


def _plain(rows: list[list[Any]], cells: tuple) -> str:
    """A column's header cells as written, lower case: 'cũ' and 'mới' are told from 'cư',
    'mỗi' by their marks."""
    return " ".join(clean_text(rows[r][c]).lower() for r, c in cells if c < len(rows[r]))


def _names_a_time(rows: list[list[Any]], cells: tuple) -> bool:
    """Whether a column's header cells name a time: a month, a year, 'Cuối kỳ', 'Tháng
    trước', 'cũ'."""
    if _time_of(rows, cells) is not None:
        return True
    text = " ".join(fold(rows[r][c]) for r, c in cells if c < len(rows[r]))
    plain = _plain(rows, cells)
    return bool(
        _NOW_TIME.search(text)
        or _EARLIER_TIME.search(text)
        or _NOW_WORD.search(plain)
        or _EARLIER_WORD.search(plain)
    )


_HOLD_ROWS = 400  # rows under a header looked at to tell whether a column holds values


def _holds_values(grid: list[list[Any]], last: int, col: int) -> bool:
    """Whether column ``col`` holds a value in the rows under a header ending at row ``last``
    (a row numbering the columns, '(1) (2) (3)', is no value)."""
    for row in grid[last + 1 : last + 1 + _HOLD_ROWS]:
        if col < len(row) and not is_blank(row[col]):
            if _is_column_number_row(_number_folds(row)):
                continue
            return True
    return False


def _groups_held(grid: list[list[Any]], last: int, col: int) -> int:
    """How many rows under a header ending at row ``last`` hold in column ``col`` the name of
    an ethnic group other than Kinh ('Tày', 'Mèo': ``vocab.ethnicity``, the 54 groups): a
    column of the groups' names holds them, one of codes ('DTTS', 'Kinh') or marks ('x')
    none (session 46)."""
    from pipeline import vocab

    held = 0
    for row in grid[last + 1 : last + 1 + _HOLD_ROWS]:
        if col < len(row) and not is_blank(row[col]):
            group = vocab.ethnicity(row[col])
            held += group is not None and group != "Kinh"
    return held


class _Timing:
    """:func:`_time_ranks`'s answer for the columns of keys named more than once. A plain
    class, not a dataclass (its methods compiled at every import): session 33."""

    def __init__(self) -> None:
        self.ranks: dict[int, int] = {}  # 0 now, 1 unsaid, 2 earlier
        self.before: set[int] = set()  # under an earlier time than another's
        self.own: set[int] = set()  # under the list's own month or year
        self.after: dict[int, tuple] = {}  # under a later one: its (year, month)
        self.rounds: dict[int, int] = {}  # 'Lần 2': 2 (:func:`_round_of`)
        self.timed = False  # whether the times chose among them (by the period, or the latest)


def _wrap_start(months: set[int]) -> int | None:
    """Of months written without their year, the first when they run over a new year ('Tháng
    11 | Tháng 12 | Tháng 1': 11; the widest gap between them is not December to January);
    None when they do not (all of one year, 'Tháng 1' … 'Tháng 12' too)."""
    if len(months) < 2:
        return None
    ordered = sorted(months)
    gaps = [(ordered[i + 1] - ordered[i], ordered[i + 1]) for i in range(len(ordered) - 1)]
    widest = max(gaps)
    if ordered[0] + 12 - ordered[-1] >= widest[0]:
        return None
    return widest[1]


def _time_ranks(
    rows: list[list[Any]],
    folded: list[list[str]],
    candidates: list,
    period: str | None,
    holds: Callable[[int], bool] = lambda col: True,
) -> _Timing:
    """For the columns of a key named more than once: column -> how unlikely it is to hold
    the key's value of this period (:func:`_less_likely`: 0 now, 1 unsaid, 2 earlier or, for
    the income, not the amount per person), the columns under an earlier time than another of
    the key's, and those under a later one. Where two or more name months ('Tháng 4 | Tháng
    5', 'T4/2024 | T5/2024', 'Tháng 12 | Tháng 1'), or else years alone ('Năm 2023 | Năm
    2024', 'Phân loại hộ năm 2023'), the time decides: the list's ``period`` ('YYYY-MM'), its
    month or its year, is now, one before it earlier, one after it later (months without their
    year are of the period's year, those before a new year of the year before:
    :func:`_wrap_start`). With no period known the latest time whose column ``holds`` values
    is now (a year file filled up to May: May), the others earlier or later. 'cũ', 'trước'
    mark an earlier column, 'mới' one of now; beside a column of now one naming a year, or no
    time at all, is earlier."""
    by_key: dict[str, list] = {}
    for candidate in candidates:
        by_key.setdefault(candidate[2], []).append(candidate)
    timing = _Timing()
    ranks, before = timing.ranks, timing.before
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        for _, col, _, cells in group:
            ranks[col] = _less_likely(folded, key, cells)
            text = " ".join(folded[r][c] for r, c in cells)
            plain = _plain(rows, cells)
            if _EARLIER_TIME.search(text) or _EARLIER_WORD.search(plain):
                ranks[col] = 2
                before.add(col)
            elif key != "thu_nhap" and period is None and _time_of(rows, cells) is not None:
                # no month known yet (a 'Thông tin' block under the header, a file name of no
                # month): read again once it is told, the time then deciding (session 41)
                timing.timed = True
            elif (key != "thu_nhap" or _A_YEAR.search(text)) and _time_before(
                _time_of(rows, cells), period
            ):
                # 'Phân loại hộ tháng 4/2024' in a May list, beside 'Phân loại hộ': last
                # month's, though no other column names a month (session 40); so is 'Phân
                # loại hộ năm 2023' in a 2024 list (session 41), and 'Thu nhập BQ năm 2023' (a
                # year written: not 'Thu nhập năm', a year's income; session 44)
                ranks[col] = 2
                before.add(col)
                timing.timed = True
            elif key != "thu_nhap" and _NOW_WORD.search(plain):
                ranks[col] = 0
        if key != "thu_nhap" and any(ranks[col] == 0 for _, col, _, _ in group):
            # beside a column of now ('Hiện nay', 'Tháng 5/2024', 'mới'), one naming a year
            # ('Rà soát năm 2023', 'Cuối năm 2023') or no time ('Phân loại hộ' beside 'Phân
            # loại hộ mới') is of an earlier time
            for _, col, _, cells in group:
                text = " ".join(folded[r][c] for r, c in cells)
                if ranks[col] != 0 and (_A_YEAR.search(text) or not _names_a_time(rows, cells)):
                    before.add(col)
        times = {col: m for _, col, _, cells in group if (m := _month_of(rows, cells))}
        by_year = False
        if len(set(times.values())) < 2:
            times = {col: (y, None) for _, col, _, cells in group if (y := _year_of(rows, cells))}
            by_year = True
            if len(set(times.values())) < 2:
                _round_ranks(rows, group, holds, timing)
                if key in _NEW_WHERE_WRITTEN:
                    _new_head(group, timing)
                continue
        whens = _whens(times, period, by_year)
        if period is not None:
            now = int(period[:4]) if by_year else int(period[:4]) * 12 + int(period[5:7])
        else:
            filled = [when for col, when in whens.items() if holds(col)]
            now = max(filled or whens.values())
        timing.timed = True
        has_now = now in whens.values()
        for col, when in whens.items():
            ranks[col] = 0 if when == now else 2 if when < now else 1
            if when < now:
                before.add(col)
            else:
                before.discard(col)
            if when == now:
                timing.own.add(col)
            elif when > now and has_now:
                timing.after[col] = times[col]
    return timing


_ROUND = lazyre.compile(r"\b(?:lan|dot)(?: thu)? (\d{1,2})\b")  # 'lần 2', 'đợt 1', 'lần thứ 2'
_FIRST_ROUND = lazyre.compile(r"\blan dau\b")  # 'lần đầu'


def _round_of(rows: list[list[Any]], cells: tuple) -> int | None:
    """The round of a check a column's header cells name ('Lần 1', 'Lần 2', 'Rà soát lần 2',
    'Đợt 1', 'Lần đầu': 1); None when they name none, or two."""
    text = " ".join(fold(rows[r][c]) for r, c in cells if c < len(rows[r]))
    found = {int(n) for n in _ROUND.findall(text)}
    if _FIRST_ROUND.search(text):
        found.add(1)
    return found.pop() if len(found) == 1 else None


def _round_ranks(rows: list[list[Any]], group: list, holds: Callable, timing: _Timing) -> None:
    """A key's columns each naming a different round of one check ('Phân loại hộ' over 'Lần 1
    | Lần 2'), no month nor year telling them apart: the latest round holding values is read
    (rank 0), the others are earlier (not read as the column; their values fill the rows the
    later round leaves blank: :func:`settle_twice`)."""
    rounds = {col: n for _, col, _, cells in group if (n := _round_of(rows, cells))}
    if len(rounds) < len(group) or len(set(rounds.values())) < len(rounds):
        return
    filled = [n for col, n in rounds.items() if holds(col)]
    now = max(filled or rounds.values())
    for col, n in rounds.items():
        timing.rounds[col] = n
        timing.ranks[col] = 0 if n == now else 2
        if n == now:
            timing.before.discard(col)
        else:
            timing.before.add(col)


# Columns whose 'mới' copy is written only where the value changed: the head's name, the
# household's code ('Mã hộ mới', session 45)
_NEW_WHERE_WRITTEN = frozenset({"chu_ho", "ma_ho"})


def _new_head(group: list, timing: _Timing) -> None:
    """'Họ tên chủ hộ mới' (a new head's name, written where the head changed) beside the
    name of an earlier time ('Họ và tên chủ hộ', '… cũ'): read as a later round of a check is,
    the earlier name where it is left blank (:func:`settle_twice`; session 44, second pass).
    So 'Mã hộ mới' beside 'Mã hộ' (session 45). Only this key's columns' rounds are looked at:
    another key's ('Mã hộ mới' read so beside 'Họ tên chủ hộ mới') leave it (session 45 review)."""
    if len(group) != 2 or any(col in timing.rounds for _, col, _, _ in group):
        return
    now = [col for _, col, _, _ in group if timing.ranks.get(col) == 0]
    earlier = [col for _, col, _, _ in group if col in timing.before]
    if len(now) == 1 and len(earlier) == 1 and now != earlier:
        timing.rounds[earlier[0]], timing.rounds[now[0]] = 1, 2


def _whens(times: dict[int, tuple], period: str | None, by_year: bool) -> dict[int, int]:
    """Column -> a number ordering the times ``times`` name ((year, month), year None where
    unsaid; month None: years alone): year × 12 + month, or the year."""
    if by_year:
        return {col: y for col, (y, _) in times.items()}
    start = _wrap_start({m for y, m in times.values() if y is None})
    if period is not None:
        year, month = int(period[:4]), int(period[5:7])
        base = year if start is None or month >= start else year - 1
    else:
        base = max((y for y, _ in times.values() if y is not None), default=0)
    whens = {}
    for col, (y, m) in times.items():
        if y is None:
            y = base + (1 if start is not None and m < start else 0)
        whens[col] = y * 12 + m
    return whens


_EARLIER_TIME = lazyre.compile(r"\b(?:dau ky|truoc|dau nam)\b")  # 'tháng trước', 'lần trước'
# 'cũ', 'mới' as written (folded, 'cu' and 'moi' are 'cư', 'mỗi' too)
_EARLIER_WORD = lazyre.compile(r"(?<!\w)cũ(?!\w)")
_NOW_WORD = lazyre.compile(r"(?<!\w)mới(?!\w)")


# The key of the 'Nữ' column of a 'Năm sinh' split by sex; merged into nam_sinh and gioi_tinh
# by :func:`birth_year_by_sex`.
BIRTH_YEAR_OF_WOMEN = "nam_sinh_nu"


def _by_sex(folded: list[list[str]], men: tuple, women: tuple) -> bool:
    """Whether two 'Năm sinh' columns are its 'Nam' and 'Nữ' columns (the lowest cells)."""
    (r1, c1), (r2, c2) = men[-1], women[-1]
    return folded[r1][c1] == "nam" and folded[r2][c2] == "nu"


def birth_year_by_sex(table: Table, header: HeaderMatch) -> Table:
    """A table whose 'Năm sinh' is split into 'Nam | Nữ': the year from whichever is written,
    and the head's sex from which one it is when the table has no 'Giới tính' of its own (or
    the row leaves it blank). A year taken from the 'Nữ' column is located there
    (``Table.elsewhere``), so that a problem with it points at that cell."""
    women = table.columns.pop(BIRTH_YEAR_OF_WOMEN, None)
    if women is None:
        return table
    men = table.columns.get("nam_sinh") or [None] * len(women)
    sexes = table.columns.get("gioi_tinh") or [None] * len(women)
    column = header.columns[BIRTH_YEAR_OF_WOMEN]
    there = {}
    years, said = [], []
    for excel_row, man, woman, sex in zip(table.excel_rows, men, women, sexes, strict=True):
        if is_blank(man) and not is_blank(woman):
            years.append(woman)
            said.append("Nữ" if is_blank(sex) else sex)
            there[excel_row] = column
        else:
            years.append(man)
            said.append("Nam" if is_blank(sex) and not is_blank(man) else sex)
    table.columns["nam_sinh"] = years
    table.columns["gioi_tinh"] = said
    if there:
        table.elsewhere["nam_sinh"] = there
    return table


# The key of the 'Nữ' column of a 'Giới tính' split into 'Nam | Nữ' marks; merged into
# gioi_tinh by :func:`sex_by_marks`.
SEX_OF_WOMEN = "gioi_tinh_nu"


def sex_by_marks(table: Table, header: HeaderMatch) -> Table:
    """A table whose 'Giới tính' (or 'Giới') is split into 'Nam | Nữ' columns marked 'x': the
    head's sex as the column marked, 'Nam' or 'Nữ'. So too a column's own sex written there, or
    the head's birth year (1900 to 2100) written under the head's sex, as under 'Năm sinh'
    split so (session 44 review). A row marked in neither or both, or writing anything else,
    keeps its 'Nam' cell as written (said there by the rules when it is no sex). Session 44."""
    women = table.columns.pop(SEX_OF_WOMEN, None)
    if women is None:
        return table
    from pipeline import vocab

    def marked(value: object, sex: str) -> bool | None:
        """True for a mark, the column's sex or a year; False for blank, '0', 'không'."""
        mark = vocab.deprivation_mark(value)
        if mark is None and not isinstance(value, bool):
            year = parse_whole(value)
            mark = vocab.gender(value) == sex or (year is not None and 1900 <= year <= 2100)
            mark = mark or None
        return mark

    men = table.columns["gioi_tinh"]
    sexes = []
    for man, woman in zip(men, women, strict=True):
        both = (marked(man, "Nam"), marked(woman, "Nữ"))
        sexes.append({(True, False): "Nam", (False, True): "Nữ"}.get(both, man))
    table.columns["gioi_tinh"] = sexes
    return table


# A sex column's header giving the codes written under it ('Giới tính (1: Nam, 2: Nữ)',
# '(Nam = 1; Nữ = 2)'), folded: both sexes, each beside its own digit.
_SEX_LEGEND = lazyre.compile(r"\b(?:(\d) (nam|nu) (\d) (nam|nu)|(nam|nu) (\d) (nam|nu) (\d))\b")
_SEXES = {"nam": "Nam", "nu": "Nữ"}


def sex_by_legend(table: Table, header: HeaderMatch) -> Table:
    """A table whose 'Giới tính' header gives the codes written under it ('(1: Nam, 2: Nữ)'):
    each code read as the sex it stands for; anything else kept as written (said by the rules
    when it is no sex). Session 44."""
    found = header.columns.get("gioi_tinh")
    legend = _SEX_LEGEND.search(fold(found[1])) if found is not None else None
    if legend is None:
        return table
    a = legend.groups()
    pairs = ((a[0], a[1]), (a[2], a[3])) if a[0] else ((a[5], a[4]), (a[7], a[6]))
    codes = {int(digit): _SEXES[sex] for digit, sex in pairs}
    if len(codes) != 2 or len(set(codes.values())) != 2:
        return table
    table.columns["gioi_tinh"] = [
        codes.get(parse_whole(value), value) if not isinstance(value, bool) else value
        for value in table.columns["gioi_tinh"]
    ]
    return table


# --- a household's class read from mark columns (docs/decisions.md, session 18) ------------

MARK_SAMPLE_ROWS = 200  # rows under a header looked at to tell a column of marks


def _class_parts(rows: list[list[Any]], header: HeaderMatch, col: int) -> tuple | None:
    """(class key, the column's lowest header cell, the cell above it that differs or None)
    of a column of the header whose lowest cell names a class ('Hộ nghèo', 'Thoát nghèo');
    None for any other."""
    from pipeline import vocab

    lowest = None
    for r in range(header.last_row, header.first_row - 1, -1):
        if col < len(rows[r]) and not is_blank(rows[r][col]):
            lowest = r
            break
    if lowest is None:
        return None
    child = rows[lowest][col]
    kind = vocab.classification(child) if isinstance(child, str) else None
    if kind is None:
        return None
    for r in range(lowest - 1, header.first_row - 1, -1):
        above = rows[r][col] if col < len(rows[r]) else None
        if not is_blank(above) and fold(above) != fold(child):
            return kind, child, above
    return kind, child, None


def _runs(cols: list[int]) -> list[list[int]]:
    """Sorted column indexes cut into runs of neighbours."""
    runs: list[list[int]] = []
    for col in sorted(cols):
        if runs and runs[-1][-1] == col - 1:
            runs[-1].append(col)
        else:
            runs.append([col])
    return runs


def _one_of_each(kinds: list[str]) -> bool:
    """Whether mark columns of these classes tell a household's class: two or more, one poor
    or one near-poor at least, neither twice (exited may be split: 'Thoát nghèo | Thoát cận
    nghèo')."""
    poor, near = kinds.count("poor"), kinds.count("near_poor")
    return len(kinds) >= 2 and poor <= 1 and near <= 1 and poor + near >= 1


# A parent over class columns that may tell no class of this period: a count or a target ('Số
# hộ', 'Chỉ tiêu giảm … (hộ)', 'Tổng'), or a time ('Năm 2023', 'Tháng 4': which one is this
# list's the reader cannot tell; an earlier time is said by _EARLIER_TIME).
_NOT_A_RESULT = lazyre.compile(
    r"\b(?:so|tong|chi tieu|ke hoach|giam|tang|luot|nhan khau|nguoi|ty le|(?:19|20)\d\d|"
    r"thang \d{1,2})\b|\(ho\)"
)


def _names_a_result(parent: Any) -> bool:
    """Whether a parent that names no class column ('Kết quả bình xét', 'Bình xét') may head
    class columns that hold this period's class: not a count, a target or an earlier time."""
    folded = fold(parent)
    return not _NOT_A_RESULT.search(folded) and not _EARLIER_TIME.search(folded)


def _by_parent(run: list[int], under: dict) -> list[list[int]]:
    """A run of neighbouring class columns cut where their parent changes ('Kết quả bình xét'
    over two, none over the next)."""
    pieces: list[tuple[str | None, list[int]]] = []
    for col in run:
        parent = under[col][2]
        key = None if parent is None else fold(parent)
        if pieces and pieces[-1][0] == key:
            pieces[-1][1].append(col)
        else:
            pieces.append((key, [col]))
    return [cols for _, cols in pieces]


def _holds_marks(
    grid: list[list[Any]],
    header: HeaderMatch,
    under: dict,
    cols: list[int],
    earlier: dict | None = None,
) -> bool:
    """Whether the columns hold marks under the header: in the rows with a household code (else
    a head's name), at least one tick, and two in three of the values written marks ('x', '1',
    '✓', '0', '-', as the deprivation marks are read; or the column's class written out). The
    few others are each said where they are (read.classes_from_marks). A list with no such
    row holds nothing else either: its columns are taken as headed. ``earlier``: the columns
    of the class at the start of the period beside them ('Đầu kỳ'), as ``under``: a tick
    there counts too (a list whose only households left shows them marked there only)."""
    earlier = earlier or {}
    under = {**earlier, **under}
    cols = [*cols, *(c for c in earlier if c not in cols)]
    from pipeline import vocab
    from schemas.columns import SIGNATURE_MARKERS

    key = next((k for k in ("ma_ho", "chu_ho") if k in header.columns), None)
    if key is None:
        return False
    guard = header.columns[key][0]
    ticks = read = written = households = 0
    for raw in grid[header.last_row + 1 : header.last_row + 1 + MARK_SAMPLE_ROWS]:
        if guard >= len(raw) or is_blank(raw[guard]):
            continue
        if _is_column_number_row(_number_folds(raw)):
            continue  # '(1) | (2) | …' under the header: no household, its numbers no marks
        cells = _first_cells(raw, 4)
        first = fold(cells[0][1])
        if len(cells) <= 3 and (
            first.startswith(SIGNATURE_MARKERS) or _SIGNATURE_DATE.search(first) is not None
        ):
            break  # the signatures ('Ngày … tháng … năm', 'Người lập biểu'): the list has ended
        households += 1
        for col in cols:
            value = raw[col] if col < len(raw) else None
            if is_blank(value):
                continue
            written += 1
            mark = vocab.deprivation_mark(value)
            if mark is None and isinstance(value, str):
                mark = vocab.classification(value) == under[col][0] or None
            ticks += mark is True
            read += mark is not None
    if not households:
        # a list with its header and no household yet: nothing says the columns are anything
        # but what they are headed, so an empty list is said as one (empty-list), in its layout
        return True
    return ticks > 0 and read * 3 >= written * 2


# Headers of the first part of a head's name written in two columns ('Họ' | 'Tên'), folded.
SURNAME_HEADERS = frozenset(
    {"ho", "ho dem", "ho va dem", "ho ten dem", "ho va ten dem", "ho va chu dem", "ho chu ho",
     "ho va ten lot", "ho ten lot"}
)  # fmt: skip
GIVEN_NAME_HEADERS = frozenset({"ten", "ten chu ho"})


def _surname_then_given(first: list[str], second: list[str]) -> bool:
    """Whether two headers (folded words) are the surname's then the given name's, less the
    words of a parent both are written under; or the surname's read alone (its own cell,
    'Họ và tên đệm', taken as the name's column) beside the given name's under the parent
    ('Họ và tên chủ hộ Tên', session 39)."""
    same = 0  # the words of a parent header both are written under
    while same < min(len(first), len(second)) - 1 and first[same] == second[same]:
        same += 1
    if " ".join(first[same:]) in SURNAME_HEADERS and " ".join(second[same:]) in GIVEN_NAME_HEADERS:
        return True
    return " ".join(first) in SURNAME_HEADERS and any(
        " ".join(second[i:]) in GIVEN_NAME_HEADERS for i in range(1, len(second))
    )


def split_head_name(header: HeaderMatch | None) -> HeaderMatch | None:
    """A header whose head's name is written in two columns side by side, 'Họ' (or 'Họ và tên
    đệm': :data:`SURNAME_HEADERS`) then 'Tên' (:data:`GIVEN_NAME_HEADERS`), under a parent or
    not ('Họ và tên chủ hộ' merged over 'Họ | Tên', whose 'Họ' column alone was read as the
    name): the name is read from both, joined (``header.surname``, the 'Tên' column as
    'chu_ho'), and neither is an unknown column. Any other header is returned as it is."""
    if header is None or not header.unknown:
        return header
    unknown = dict(header.unknown)
    if "chu_ho" in header.columns:
        pairs = [header.columns["chu_ho"]]
    else:
        pairs = list(header.unknown)
    for col, text in pairs:
        given = unknown.get(col + 1)
        if given is None:
            continue
        if _surname_then_given(fold(text).split(), fold(given).split()):
            header.columns["chu_ho"] = (col + 1, given)
            header.surname = col
            header.unknown = [(c, t) for c, t in header.unknown if c not in (col, col + 1)]
            break
    return header


def join_head_name(table: Table, grid: list[list[Any]], surname: int) -> Table:
    """The head's name of each row of ``table`` read from the surname's column (``surname``,
    0-based) and the given name's ('chu_ho'), joined with a space; a part left blank is left
    out ('Nông Quang' | 'Lâm' gives 'Nông Quang Lâm')."""
    given = table.columns.get("chu_ho")
    if given is None:
        return table
    joined = []
    for excel_row, name in zip(table.excel_rows, given, strict=True):
        row = grid[excel_row - 1]
        first = row[surname] if surname < len(row) else None
        parts = [str(v).strip() for v in (first, name) if not is_blank(v)]
        joined.append(" ".join(parts) if parts else name)
    table.columns["chu_ho"] = joined
    return table


def class_mark_columns(
    grid: list[list[Any]], header: HeaderMatch | None, merges: list[Merge] | None = None
) -> HeaderMatch | None:
    """A roster list's header whose class is written as a mark in one of several columns, read
    so (in place): ``header.marks`` holds them, 'phan_loai' names the first of them (with the
    parent's header), and they are no unknown columns.

    Two layouts: a parent naming the class ('Phân loại hộ', 'Phân loại', 'Loại hộ', 'Kết quả
    phân loại' merged over 'Hộ nghèo | Hộ cận nghèo | Thoát nghèo', or written over the first
    only), the neighbouring columns under it headed by classes; or, where the list has no
    class column at all, neighbouring top-level columns headed by classes alone ('Hộ nghèo |
    Hộ cận nghèo'), or under a parent that names no class column ('Kết quả bình xét', 'Bình
    xét'; not a count, a target or an earlier time: :func:`_names_a_result`), when the rows
    under them hold marks (:func:`_holds_marks`) and no other such run does. Either way two
    columns or more, one poor or one near-poor at least and neither twice
    (:func:`_one_of_each`); anything else is left as it was read. For a roster's list sheets
    and the plan's start list: under a plan's 'Chỉ tiêu giảm … (hộ)' the same headers are
    counts."""
    if header is None or header.marks:
        return header
    phan = header.columns.get("phan_loai")
    dated = phan is not None and _time_before(_time_in(str(phan[1])), header.period)
    if phan is not None and header.period is None and _time_in(str(phan[1])) is not None:
        header.timed = True  # no month known yet: read again once it is told (session 41)
    if phan is not None and (dated or _names_earlier(phan[1])):
        # 'Phân loại hộ tháng trước' (last month's class, an earlier time) beside 'Hộ nghèo |
        # Hộ cận nghèo | Thoát nghèo' marks: this month's class is marked, the other is not
        # read (and no unknown column); alone, it is still the class column (session 39). So
        # is 'Phân loại hộ tháng 4/2024' in a May list (``dated``: the list's month told it;
        # read again if the list's month is settled otherwise, session 40), and 'Phân loại
        # hộ năm 2023' in a 2024 list (session 41)
        columns = dict(header.columns)
        del header.columns["phan_loai"]
        marked = class_mark_columns(grid, header, merges)
        if marked is not None and marked.marks:
            marked.earlier.append(phan)
            marked.timed = marked.timed or dated
            return marked
        header.columns = columns
        return header
    rows = _spread_merges(grid, min(len(grid), header.last_row + 1), merges)
    unknown = {col for col, _ in header.unknown}
    earlier: dict[int, tuple] = {}
    if phan is not None:
        seen = _class_parts(rows, header, phan[0])
        if seen is None or seen[2] is None:
            return header  # an ordinary class column (its values the classes)
        parent = fold(seen[2])
        under = {phan[0]: seen}
        for col in unknown:
            found = _class_parts(rows, header, col)
            if found is not None and (found[2] is None or fold(found[2]) == parent):
                under[col] = found
        run = next(r for r in _runs(list(under)) if phan[0] in r)
        named = clean_text(seen[2])
    else:
        under, earlier, times = {}, {}, {}
        for col in unknown:
            found = _class_parts(rows, header, col)
            if found is None:
                continue
            times[col] = found[2]  # the cell right above ('Cuối kỳ')
            found = (*found[:2], _above(rows, header, col))  # every header cell above it
            if found[2] is None or _names_a_result(found[2]):
                under[col] = found
            elif _EARLIER_TIME.search(fold(found[2])):
                earlier[col] = found  # 'Đầu kỳ' over 'Hộ nghèo | Hộ cận nghèo': the class before
        runs = [
            piece
            for run in _runs(list(under))
            for piece in _by_parent(run, under)
            if _one_of_each([under[c][0] for c in piece])
            and _holds_marks(grid, header, under, piece, earlier)
        ]
        if len(runs) != 1:
            return header
        run = runs[0]
        beside = under.get(run[-1] + 1)
        if beside is not None and beside[0] == "exited" and beside[2] is None and under[run[0]][2]:
            # a 'Thoát' column added beside the classes of a parent ('Kết quả bình xét', 'Cuối
            # kỳ') without widening it, as the messages of a list with no exit column ask
            run = [*run, run[-1] + 1]
        above = under[run[0]][2]
        named = (
            " | ".join(clean_text(under[c][1]) for c in run) if above is None else clean_text(above)
        )
    if not _one_of_each([under[c][0] for c in run]):
        return header
    header.marks = [
        (c, under[c][0], clean_text(under[c][1]),
         " ".join(clean_text(t) for t in (under[c][2], under[c][1]) if not is_blank(t)))
        for c in run
    ]  # fmt: skip
    header.columns["phan_loai"] = (run[0], named)
    if phan is None and not any(under[c][0] == "exited" for c in run):
        # the class at the start of the period ('Đầu kỳ') of a list with no exit column: a
        # row marked there only is how such a list shows a household that left both lists
        starts = [piece for part in _runs(list(earlier)) for piece in _by_parent(part, earlier)
                  if _one_of_each([earlier[c][0] for c in piece])]  # fmt: skip
        if len(starts) == 1:
            header.start_marks = [
                (c, earlier[c][0], clean_text(earlier[c][1]),
                 " ".join(clean_text(t) for t in (earlier[c][2], earlier[c][1]) if not is_blank(t)))
                for c in starts[0]
            ]  # fmt: skip
            header.times = tuple(
                "" if is_blank(times.get(c)) else clean_text(times[c])
                for c in (starts[0][0], run[0])
            )
    # the class at the start of the period beside it ('Đầu kỳ'): known, not read as the class
    # (it is last month's, which the history holds), so no unknown column either
    header.unknown = [(col, text) for col, text in header.unknown
                      if col not in run and col not in earlier]  # fmt: skip
    return header


def _names_earlier(text: Any) -> bool:
    """Whether a column's header as written names an earlier time ('Phân loại hộ tháng
    trước', 'Phân loại hộ đầu kỳ', '… cũ'), as :func:`_time_ranks` tells one."""
    return bool(_EARLIER_TIME.search(fold(text)) or _EARLIER_WORD.search(clean_text(text).lower()))


def _above(rows: list[list[Any]], header: HeaderMatch, col: int) -> str | None:
    """The header cells above a column's lowest one, top first, each once ('Phân loại hộ Cuối
    kỳ' over 'Hộ nghèo'); None when there are none."""
    lowest = max(r for r in range(header.first_row, header.last_row + 1)
                 if col < len(rows[r]) and not is_blank(rows[r][col]))  # fmt: skip
    seen: list[str] = []
    for r in range(header.first_row, lowest):
        text = rows[r][col] if col < len(rows[r]) else None
        if not is_blank(text) and fold(text) not in {fold(t) for t in seen}:
            seen.append(clean_text(text))
    child = fold(rows[lowest][col])
    seen = [t for t in seen if fold(t) != child]
    return " ".join(seen) or None


def mark_columns(header: HeaderMatch) -> set[int]:
    """The columns of a list whose cells are marks: the deprivations' and the class's
    (:func:`class_mark_columns`, at the end and at the start of the period), where a letter in
    a symbol font is read as the mark it draws (``Workbook.mark_grid``)."""

    cols = {header.columns[key][0] for key in INDICATOR_KEYS if key in header.columns}
    return cols | {m[0] for m in header.marks} | {m[0] for m in header.start_marks}


def mark_names(header: HeaderMatch) -> dict[int, str]:
    """Column -> the name every message gives a class mark column (``header.marks`` and
    ``start_marks``): its own header cell ('Hộ nghèo' under 'Phân loại hộ', not the joined
    'Phân loại hộ Hộ nghèo'), as class-marks-several names its cells (session 50). A mark at
    the start of the period, and one at its end whose own text heads a start column too
    ('Hộ nghèo' under 'Đầu kỳ' and under 'Cuối kỳ'), is named by its time's cell and its own:
    'Cuối kỳ Hộ nghèo', not all the rows above ('Phân loại hộ Cuối kỳ Hộ nghèo', session 50's
    review); by the header as written where no time is written over it."""
    end_time, start_time = header.times[1], header.times[0]
    before = {fold(own) for _, _, own, _ in header.start_marks}
    named = {}
    for col, _, own, text in header.marks:
        if fold(own) not in before:
            named[col] = own
        else:
            named[col] = f"{end_time} {own}" if end_time else text
    for col, _, own, text in header.start_marks:
        named[col] = f"{start_time} {own}" if start_time else text
    return named


def classes_from_marks(
    grid: list[list[Any]], header: HeaderMatch, table: Table, merges: list[Merge] | None = None
) -> list[tuple[int, str, str, str, str, str, str]]:
    """The class of each row of a table whose header has mark columns
    (:func:`class_mark_columns`), put in ``table.columns['phan_loai']`` as the list would
    have written it ('Hộ nghèo') and located at the marked cell (``table.elsewhere``); and the
    rows that tell none, as (Excel row, code, cell, column, value as shown, detail, variant): a cell
    holding something other than a mark ('invalid-class-mark', each such cell), else marks in
    two columns or more ('class-marks-several', at the first), else no mark
    ('class-marks-none', at the first column). A class written out in its own column ('Hộ
    nghèo' under 'Hộ nghèo') is a mark. Such a row's class is left blank."""
    from pipeline import vocab
    from schemas.columns import CLASSIFICATION_LABEL

    if not header.marks:
        return []
    fills = _vertical_fills(merges, header.last_row)
    parent = header.columns["phan_loai"][1]
    named = mark_names(header)
    # the columns a mark goes in, as each cell is named ('Cuối kỳ Hộ nghèo' on a two-times
    # list, where 'Hộ nghèo' heads a start column too: session 50's review)
    names = ", ".join(f"'{named[col]}'" for col, *_ in header.marks)
    classes: list[Any] = []
    there: dict[int, tuple[int, str]] = {}
    problems = []

    def read(raw: list[Any], excel_row: int, col: int, kind: str) -> tuple[Any, bool | None]:
        value = raw[col] if col < len(raw) else None
        source = fills.get((excel_row - 1, col))
        if source is not None and is_blank(value):
            value = grid[source[0]][source[1]]
        mark = vocab.deprivation_mark(value)
        if mark is None and isinstance(value, str) and vocab.classification(value) == kind:
            mark = True  # the class written out in its own column
        return value, mark

    for excel_row in table.excel_rows:
        raw = grid[excel_row - 1]
        ticked, odd, cells = [], [], []
        for col, kind, own, _ in header.marks:
            value, mark = read(raw, excel_row, col, kind)
            cell = f"{column_letter(col)}{excel_row}"
            cells.append(f"{cell} '{own}'")
            if mark is None:
                odd.append((cell, named[col], value))
            elif mark:
                ticked.append((col, kind, named[col], cell, value, own))
        if len(ticked) == 1 and not odd:
            col, kind, text = ticked[0][:3]
            classes.append(CLASSIFICATION_LABEL[kind])
            there[excel_row] = (col, text)
            value = ticked[0][4]
            if value.__class__ is str and ("?" in value or "\uff1f" in value):
                table.questioned[excel_row] = clean_text(value)  # 'x?': counted, and said
            continue
        before: list = []
        if not ticked and not odd and header.start_marks:
            # marked at the start of the period only ('Đầu kỳ'), nothing at its end: it left
            # both lists; located at that mark
            before = [(col, named[col], *read(raw, excel_row, col, kind))
                      for col, kind, _, _ in header.start_marks]  # fmt: skip
            once = [(col, text, value) for col, text, value, mark in before if mark]
            if len(once) == 1 and all(mark is not None for *_, mark in before):
                classes.append(CLASSIFICATION_LABEL["exited"])
                there[excel_row] = once[0][:2]
                value = once[0][2]
                if value.__class__ is str and ("?" in value or "\uff1f" in value):
                    table.questioned[excel_row] = clean_text(value)  # 'x?' at the start: said
                    table.questioned_start.add(excel_row)
                continue
        classes.append(None)
        if odd:
            for cell, text, value in odd:
                problems.append((excel_row, "invalid-class-mark", cell, text, clean_text(value),
                                 names, ""))  # fmt: skip
        elif ticked:
            said = ", ".join(f"{cell} '{own}'" for *_, cell, _, own in ticked)
            problems.append((excel_row, "class-marks-several", ticked[0][3], parent,
                             clean_text(ticked[0][4]), said, ""))  # fmt: skip
        elif before and all(mark is False for *_, mark in before):
            # nothing at the start nor at the end: a household that left in an earlier month,
            # its row copied on (or one whose class was forgotten): both said, with every cell
            start = [
                f"{column_letter(c)}{excel_row} '{own}'" for c, _, own, _ in header.start_marks
            ]
            problems.append((excel_row, "class-marks-none", cells[0].split(" ")[0], parent, "",
                             ", ".join([*start, *cells]), "start-and-end"))  # fmt: skip
        else:
            problems.append((excel_row, "class-marks-none", cells[0].split(" ")[0], parent, "",
                             ", ".join(cells), ""))  # fmt: skip
    table.columns["phan_loai"] = classes
    if there:
        table.elsewhere["phan_loai"] = there
    return problems


def _known_word(text: str) -> bool:
    """A class, sex, ethnic group or target group as the list's vocabularies spell them."""
    from pipeline import vocab

    return (
        vocab.classification(text) is not None
        or vocab.gender(text) is not None
        or vocab.ethnicity(text) is not None
        or (bool(text.strip()) and not vocab.target_groups(text)[1])
    )


_NOW_TIME = lazyre.compile(
    r"\b(?:cuoi ky|ky nay|thang nay|nam nay|hien nay|hien tai|thang \d{1,2}|sau ra soat)\b"
)
_PER_PERSON = lazyre.compile(r"\b(?:binh quan|bq|nguoi thang|dau nguoi)\b")


def _less_likely(folded: list[list[str]], key: str, cells: tuple) -> int:
    """How unlikely a column's header cells make it to hold the key's own value: 0 for now
    ('Cuối kỳ', 'Hiện nay', 'Tháng 5/2024'), 2 for an earlier time ('Đầu kỳ'), and for the
    income 2 when it is not the amount per person ('Tổng'); 1 otherwise."""
    text = " ".join(folded[r][c] for r, c in cells)
    if _EARLIER_TIME.search(text):
        return 2
    if key == "thu_nhap":
        return 1 if _PER_PERSON.search(text) else 2
    return 0 if _NOW_TIME.search(text) else 1


_NOTE_IN_BRACKETS = lazyre.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOTE_AFTER_DASH = lazyre.compile(r"\s[-–]\s(.*)\Z", re.S)  # 'Họ và tên chủ hộ - không viết tắt'
_YEAR_WORDS = lazyre.compile(r"(?:\bnam\s+)?\b(?:19|20)\d\d\b")
# The same on a header as written (NFC, lower case), and its words as fold splits them.
_WRITTEN_YEARS = lazyre.compile(r"(?:\bn[aă]m\s+)?\b(?:19|20)\d\d\b")
_WRITTEN_WORDS = lazyre.compile(r"[^\W_]+")


_PARENT_ANCHORS = ((" dau nam ", "dau nam"), (" cuoi nam ", "dau nam"),
                   (" chi tieu giam ", "chi tieu giam"))  # fmt: skip


def _composite(match, parent: str, parent_written: Any, child: str) -> tuple[str, int] | None:
    """A column named by a parent cell and the cell under it: 'Đầu năm 2024' over 'Số hộ
    nghèo' is 'Số hộ nghèo đầu năm'; 'Chỉ tiêu giảm năm 2024 (hộ)' over 'Hộ nghèo' is
    'Chỉ tiêu giảm hộ nghèo'. Parent then child first, then child then parent, then both
    again with the parent's year and bracketed note left out."""
    bare = fold(_NOTE_IN_BRACKETS.sub(" ", str(parent_written)))
    bare = " ".join(_YEAR_WORDS.sub(" ", bare).split())
    tried = [f"{parent} {child}", f"{child} {parent}"]
    if bare and bare != parent:
        tried += [f"{bare} {child}", f"{child} {bare}"]
    # 'Số liệu đầu năm 2024', 'Kết quả rà soát cuối năm 2023': what the group says of its
    # columns is the time they count at (the end of last year is the start of this one).
    for words, anchor in _PARENT_ANCHORS:
        if words in f" {parent} " and anchor != bare:
            tried += [f"{anchor} {child}", f"{child} {anchor}"]
    for text in tried:
        found = match(text)
        if found:
            return found
    return None


def _written(rows, match: HeaderMatch) -> HeaderMatch:
    """The winning span with each column's header text as written (parent and child joined)."""

    def text(cells) -> str:
        return " ".join(clean_text(rows[r][c]) for r, c in cells)

    columns = {key: (col, text(cells)) for key, (col, cells) in match.columns.items()}
    unknown = [(col, text(cells)) for col, cells in match.unknown]
    found = HeaderMatch(match.first_row, match.last_row, columns, unknown)
    found.earlier = [(col, text(cells)) for col, cells in match.earlier]
    found.later = match.later
    found.twice = [t._replace(text=text(match.twice_at[t.other])) for t in match.twice]
    return found


# --- data rows ---------------------------------------------------------------------------

_ROMAN = lazyre.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})$")
_SECTION_NUMBER = lazyre.compile(r"^([ivx]{1,4}|[a-h]|\d{1,2})(?: (.+))?$")
_SIGNATURE_DATE = lazyre.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_NUMERALS_ONLY = lazyre.compile(r"^(?:(?:\d+|[ivx]{1,4}|[a-h]) ?)+$")


class TableRow:
    """One row of a :class:`Table`. Written by hand as the dataclass it was (session 33: a
    dataclass's methods are compiled at every import): compared by its fields (``Table``'s
    equality compares its rows), unhashable, shown as ``TableRow(excel_row=…, values=…)``."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, excel_row: int, values: dict[str, Any]) -> None:
        self.excel_row = excel_row  # 1-based
        self.values = values  # key -> raw cell value

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.excel_row, self.values) == (other.excel_row, other.values)  # type: ignore[attr-defined]
        return NotImplemented

    def __repr__(self) -> str:
        return f"TableRow(excel_row={self.excel_row!r}, values={self.values!r})"


class Table:
    """The data rows of a table, held by column: ``excel_rows`` and ``columns[key]`` (a list of
    the raw cell values, one per row). Reads as a list of :class:`TableRow` too.

    Once normalised (``normalise.normalise_table``) ``columns`` holds the canonical-or-raw
    values and ``normalised`` is True: the raw cells are not kept (a province's 300,000 rows
    cross a pipe from the reader processes, and stay in memory until written).
    """

    __slots__ = (
        "excel_rows",
        "columns",
        "normalised",
        "signed_at",
        "elsewhere",
        "slips",
        "questioned",
        "questioned_marks",
        "questioned_start",
    )

    def __init__(
        self,
        excel_rows: list[int],
        columns: dict[str, list[Any]],
        normalised: bool = False,
        signed_at: int | None = None,
    ):
        self.excel_rows = excel_rows
        self.columns = columns
        self.normalised = normalised
        # the Excel row of a signature block the list went on past (rows below it were
        # typed under the signed list), or None
        self.signed_at = signed_at
        # key -> {Excel row: (column index, header)} for the rows whose value was read from
        # another column than the header's for that key (a year in 'Năm sinh | Nữ')
        self.elsewhere: dict[str, dict[int, tuple[int, str]]] = {}
        # key -> {Excel row: the cell's text} for the text cells read after a leading '='
        # typed by mistake ('=Hộ nghèo', '=4'), set by normalise_table: said at the cell
        self.slips: dict[str, dict[int, str]] = {}
        # Excel row -> the cell's text for the classes written with a question mark ('Nghèo?'),
        # read as the class, set by normalise_table (by classes_from_marks for a mark: 'x?'
        # under 'Hộ nghèo'): said at the cell
        self.questioned: dict[int, str] = {}
        # key -> {Excel row: the cell's text} for the deprivation marks written with a question
        # mark ('x?'), read as the mark, set by normalise_table: said at the cell
        self.questioned_marks: dict[str, dict[int, str]] = {}
        # the Excel rows of ``questioned`` whose mark is the class at the start of the period
        # ('x?' under 'Đầu kỳ'), read as a household that left, nothing marked at its end
        self.questioned_start: set[int] = set()

    def __len__(self) -> int:
        return len(self.excel_rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return TableRow(
            self.excel_rows[index], {key: values[index] for key, values in self.columns.items()}
        )

    def __iter__(self):
        for index in range(len(self.excel_rows)):
            yield self[index]

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"Table({len(self)} rows, {list(self.columns)})"


def starts_with_marker(text: str, markers: tuple[str, ...]) -> bool:
    """``text`` is a marker, or begins with one; a one-word marker ('cộng', 'tổng') only
    when what follows is numbering ('Cộng I+II'), so that 'Tống Văn Bình' is no total."""
    for marker in markers:
        if text == marker:
            return True
        if text.startswith(marker + " ") and (
            " " in marker or _NUMERALS_ONLY.match(text[len(marker) + 1 :])
        ):
            return True
    return False


def _is_section(cells: list[tuple[int, Any]], markers: tuple[str, ...]) -> bool:
    """'I | Hộ nghèo', 'II. HỘ CẬN NGHÈO', '1. Hộ nghèo', 'Hộ nghèo' alone: a heading over rows."""
    if len(cells) > 2:
        return False
    texts = [fold(v) for _, v in cells]
    numbered = _SECTION_NUMBER.match(texts[0])
    if numbered is None:
        return len(texts) == 1 and _is_label(texts[0], markers)
    numeral, label = numbered.group(1), numbered.group(2)
    if label is None:
        if len(texts) != 2:
            return False
        label = texts[1]
    elif len(texts) == 2:
        return False
    if _ROMAN.match(numeral) or numeral.isalpha():
        # "I | Hộ nghèo", "A. DANH SÁCH HỘ MỚI" - but not "I | NM1" (a code).
        return _is_label(label, markers) or (len(label.split()) >= 2 and not label[:1].isdigit())
    return _is_label(label, markers)


def _is_label(text: str, markers: tuple[str, ...]) -> bool:
    return any(text == m or text.startswith(m + " ") for m in markers)


def _vertical_fills(
    merges: list[Merge] | None, below: int
) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) -> the (row, col) whose value a merge carries down, for merges under the header."""
    fills: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, _ in merges or ():
        if r1 > below and r2 > r1:
            for r in range(r1 + 1, r2 + 1):
                fills[(r, c1)] = (r1, c1)
    return fills


def signs_a_list(raw: list[Any]) -> bool:
    """Whether a row is a signature block's line ('Người lập biểu', 'Trưởng xóm', 'Ngày … tháng
    … năm'): three cells or fewer, the first beginning so (as table_rows ends a list)."""
    from schemas.columns import SIGNATURE_MARKERS

    cells = _first_cells(raw, 4)
    if not cells or len(cells) > 3:
        return False
    first = fold(cells[0][1])
    return first.startswith(SIGNATURE_MARKERS) or _SIGNATURE_DATE.search(first) is not None


def _first_cells(raw: list[Any], most: int) -> list[tuple[int, Any]]:
    """Up to ``most`` non-empty (column, value) pairs of a row, from the left."""
    found = []
    for col, value in enumerate(raw):
        if value is None or value == "" or is_blank(value):
            continue
        found.append((col, value))
        if len(found) == most:
            break
    return found


# Columns only a household fills: a value in one keeps a numbered row that names a total a
# household (to be reported), whatever its name column says ('Tống Hồ Nam' folds to 'tong ho
# nam', as 'Tổng hộ' does).
_PERSON_KEYS = ("nam_sinh", "gioi_tinh", "dan_toc", "so_dinh_danh")


# The person columns whose value a total row never holds: a birth year, an ID number (a
# total's cells are counts, a class copied down, or blank; session 51). A count or a sum
# copied across the row (=SUM over 'Năm sinh': 5 households' years make 9,800) is neither a
# year nor an ID number's length.
_BIRTH_YEAR = lazyre.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ID_DIGITS = lazyre.compile(r"(?<!\d)\d{9,12}(?!\d)")
_DETAILS = (("nam_sinh", _BIRTH_YEAR, 1900, 2100), ("so_dinh_danh", _ID_DIGITS, 10**8, 10**12))


def _holds_person_details(raw: list[Any], marker_col: int, positions: dict[str, int]) -> bool:
    """Whether a row whose first cell is a total's word ('Tổng cộng') holds a household's
    details outside that cell: a birth year (a date, a year 1900–2100 as a number or in a
    text: '1965', '15/03/1962') or an ID number (9 to 12 digits: '001065001234'), which no
    count or sum of a total row is. Such a row is a household whose name is wrong, read (and
    said), not skipped (docs/decisions.md, session 51)."""
    width = len(raw)
    for key, pattern, least, below in _DETAILS:
        col = positions.get(key, -1)
        if col < 0 or col == marker_col or col >= width:
            continue
        value = raw[col]
        kind = value.__class__
        if kind in (datetime, date):
            return True
        if kind in (int, float) and least <= abs(value) < below and value == int(value):
            return True
        if kind is str and pattern.search(value) is not None:
            return True
    return False


def _numbered_total(
    raw: list[Any],
    cells: list[tuple[int, Any]],
    first: str,
    positions: dict[str, int],
    guard_cols: list[int],
    markers: tuple[str, ...],
) -> bool:
    """A total or subtotal row numbered on from the households ('31 | | Tổng cộng | … | 120'):
    a number alone in its first cell (``first``, folded), a marker in a written cell after it,
    and no value in the guard columns (Mã hộ) nor the person columns outside the marker's cell:
    such a row names no household. A marker further right than the next two written cells
    ('31 | … | 120 | 31 hộ | … | Tổng cộng' in 'Ghi chú') counts only with the head's name
    blank as well: a household is named, and its note may begin 'Tổng cộng 4 khẩu'.
    (``cells``: the row's first written cells, from :func:`_first_cells`.)"""
    if not (first.isdigit() and len(first) <= 5):
        return False
    width = len(raw)
    keep = guard_cols + [positions[k] for k in _PERSON_KEYS if k in positions]
    near = {col for col, _ in cells[1:3]}
    for col in range(cells[0][0] + 1, width):
        value = raw[col]
        if value.__class__ is not str or not starts_with_marker(fold(value), markers):
            continue
        named = col not in near and "chu_ho" in positions
        guarded = [*keep, positions["chu_ho"]] if named else keep
        return not any(c != col and c < width and not is_blank(raw[c]) for c in guarded)
    return False


class NoteWords(NamedTuple):
    """The words of the notes and summary lines a list may have under (or between) its rows,
    given by the caller (``schemas.columns``): ``markers`` begin a note before a ':' ('Lưu ý:
    …'), ``openers`` alone or before any words ('Trong đó', 'Ghi chú hộ … chuyển đi'),
    ``counts`` are the units a count is written in ('17 hộ', '20 hộ, 95 khẩu').

    And the columns that tell a household from a note: ``notes_key``, the list's own notes
    column ('Ghi chú'), whose text never makes a row a note line (a household's note there
    may begin 'Ghi chú: …'); ``class_key``, the class column, and ``household_keys``, the
    columns a household fills (size, income, the marks): a class written as a household's
    ('Hộ nghèo') beside a value in one of these is a household's row, not a summary's, unless
    a count ('17 hộ') says it sums households, or ``breakdowns`` ('Trong đó') or a total of
    two words or more ('Tổng số') begin a text outside the notes column: only a summary
    begins so ('Trong đó | … | Hộ nghèo | 3')."""

    markers: tuple[str, ...]
    openers: tuple[str, ...]
    counts: tuple[str, ...]
    notes_key: str = ""
    class_key: str = ""
    household_keys: tuple[str, ...] = ()
    breakdowns: tuple[str, ...] = ()


# The roster's and the start list's (schemas.columns).
NOTES = NoteWords(
    NOTE_MARKERS, NOTE_OPENERS, COUNT_WORDS, "ghi_chu", "phan_loai",
    ("nhan_khau", "thu_nhap", *INDICATOR_KEYS, *_PERSON_KEYS), ("trong do",),
)  # fmt: skip
_LIST_DASH = lazyre.compile(r"^[\s\-\u2013\u2014+*\u2022\u00b7]+")  # '- Hộ nghèo: 17 hộ'
_DIGITS = lazyre.compile(r"^[\d ]+$")  # a number written as text, folded ('1.500.000', '64')


@lru_cache(maxsize=16)
def _note_patterns(
    words: NoteWords, totals: tuple[str, ...], sections: tuple[str, ...]
) -> tuple[tuple[str, ...], re.Pattern, re.Pattern, re.Pattern, tuple[str, ...]]:
    """:class:`_NoteRule`'s words and patterns (notes_begin, counts, count_in, start,
    summing), which depend on the words alone: made once per words, not once per table (their
    escaping was 1.6 % of a roster's read, docs/decisions.md "Session 32: the province's read
    stage taken apart again (issue #6)")."""
    notes_begin = tuple(sorted({*words.markers, *words.openers}))
    unit = "|".join(sorted(map(re.escape, words.counts), key=len, reverse=True))
    one = rf"\d+ (?:{unit})\b(?: [a-z]+){{0,2}}"  # '17 ho', '17 ho can ngheo'
    counts = re.compile(rf"^{one}(?: {one})*$")  # '20 ho 95 khau'
    count_in = re.compile(rf"\b\d+ (?:{unit})\b")  # 'ho ngheo 17 ho ho can ngheo 20 ho'
    every = sorted({*words.markers, *words.openers, *totals, *sections}, key=len, reverse=True)
    # a text beginning with none of the words: a code or a name, ruled out by one search
    start = re.compile(rf"^(?:{'|'.join(map(re.escape, every))})(?: |$)")
    # what only a summary begins with: 'Trong đó', a total of two words or more ('Cộng
    # hộ nghèo', 'Tổng số'; 'Cộng' alone may be a head's name)
    summing = (*words.breakdowns, *(t for t in totals if " " in t))
    return notes_begin, counts, count_in, start, summing


class _NoteRule:
    """The note and summary lines of a list (:class:`NoteWords`, with the caller's total and
    section words), told by patterns compiled once a table."""

    def __init__(
        self,
        words: NoteWords,
        totals: tuple[str, ...],
        sections: tuple[str, ...],
        positions: dict[str, int],
    ):
        self.words, self.totals, self.sections = words, totals, sections
        self.notes_col = positions.get(words.notes_key, -1)
        self.class_col = positions.get(words.class_key, -1)
        self.household_cols = [positions[k] for k in words.household_keys if k in positions]
        try:  # the same words for every list of a province: their patterns made once
            found = _note_patterns(words, totals, sections)
        except TypeError:  # words given in a list: not remembered
            found = _note_patterns.__wrapped__(words, totals, sections)
        self.notes_begin, self.counts, self.count_in, self.start, self.summing = found

    def kind(self, value: str) -> int:
        """How surely a written text is a note's or a summary's, not a household's value: 2
        surely (a total's word, a note's, a count, a section label with a ':' or a count or as
        a list's item: 'Cộng hộ nghèo', 'Trong đó:', '17 hộ', '- Hộ nghèo: 17 hộ', '- Hộ
        nghèo'), 1 maybe (a section label
        alone, as a class is written: 'Hộ nghèo'; any text ending in ':'), 0 not (a code, a
        name)."""
        folded = fold(value)
        if self.counts.match(folded):
            return 2
        if not self.start.match(folded):
            return 1 if value.rstrip().endswith(":") else 0
        if starts_with_marker(folded, self.totals):
            return 2
        if any(folded == m or folded.startswith(m + " ") for m in self.words.openers):
            return 2
        head, colon, _ = _LIST_DASH.sub("", value).partition(":")
        head = fold(head)
        if colon and head in self.words.markers:
            return 2
        if _is_label(head, self.sections):
            return 2 if colon or self.count_in.search(folded) or self.dashed(value) else 1
        return 1 if value.rstrip().endswith(":") else 0

    @staticmethod
    def dashed(value: str) -> bool:
        """Whether a text begins as a list's item ('- Hộ nghèo', '+ Hộ cận nghèo'): a
        breakdown's line, never a head's name nor a class as a household writes it."""
        return _LIST_DASH.match(value) is not None

    def counts_households(self, value: str) -> bool:
        """Whether a text is a count, or a label with one ('17 hộ', 'Tổng số: 5 hộ, 20 khẩu',
        '- Hộ nghèo: 3 hộ'): what sums households, not a note about one ('Ghi chú: mới tách
        1 hộ')."""
        folded = fold(_LIST_DASH.sub("", value))
        if self.counts.match(folded):
            return True
        if not self.count_in.search(folded):
            return False
        return not any(folded == m or folded.startswith(m + " ") for m in self.notes_begin)

    def sums(self, value: str) -> bool:
        """Whether a text begins as only a summary line does ('Trong đó', 'Trong đó:', 'Cộng
        hộ nghèo', 'Tổng số'), not a note about one household ('Lưu ý: tách hộ')."""
        folded = fold(_LIST_DASH.sub("", value))
        if self.dashed(value) and _is_label(folded, self.sections):
            return True  # '- Hộ nghèo' under 'Trong đó:'
        return any(folded == m or folded.startswith(m + " ") for m in self.summing)

    def passes(self, raw: list[Any], keep: set[int], guard_cols: list[int]) -> bool:
        """A note or summary line written in any column ('Ghi chú: …' or 'Trong đó:' in Mã hộ,
        '17 hộ | Cộng | … | 64', 'Trong đó | … | Hộ nghèo | 3 hộ'): every text in it is a label
        (:meth:`kind`), one of them surely, outside the notes column (a household's note may
        begin 'Ghi chú:'); every other value a number (a count, a sum), in none of ``keep``:
        the guard columns (Mã hộ: a code typed as a number is a household's) and the person
        columns. A household's row has a code or a name that is no label. Nor is a row whose
        class column holds a class ('Hộ nghèo', not 'Hộ nghèo: 3 hộ') beside a size, an
        income or a mark a note, unless a count in it ('3 hộ') or a summary's opening words
        ('Trong đó', 'Cộng hộ nghèo': :meth:`sums`) say it sums households: a new household
        written without code or name is read, its missing code told to the head."""
        for col in guard_cols:  # the household's code first: most rows end here
            if col < len(raw) and not is_blank(raw[col]):
                value = raw[col]
                if value.__class__ is not str or not self.kind(value):
                    return False
        sure = counted = False
        for col, value in enumerate(raw):
            if value is None or is_blank(value):
                continue
            if value.__class__ is str and not _DIGITS.match(fold(value)):
                kind = self.kind(value)
                if not kind:
                    return False
                if col != self.notes_col and kind == 2:
                    sure = True
                    counted = counted or self.counts_households(value) or self.sums(value)
            elif col in keep or value.__class__ not in (int, float, str):
                return False
        if not sure:
            return False
        return counted or not self._household_like(raw)

    def _household_like(self, raw: list[Any]) -> bool:
        """A class written as a household's in the class column (a label alone: 'Hộ nghèo')
        and a value in a column only a household fills (size, income, a mark, a person's)."""
        col = self.class_col
        if not 0 <= col < len(raw) or raw[col].__class__ is not str or self.kind(raw[col]) != 1:
            return False
        width = len(raw)
        return any(c < width and c != col and not is_blank(raw[c]) for c in self.household_cols)


def _plainly_written(value: Any) -> bool:
    """A value that is surely not blank, told cheaply (False is no answer: look closer)."""
    kind = value.__class__
    if kind is str:
        return value[:1].isalnum()
    return (kind is float and value == value) or kind is int


def _is_column_number_cells(raw: list[Any]) -> bool:
    """:func:`_is_column_number_row` of a row's cells, giving up at the first other cell."""
    filled = 0
    for value in raw:
        if value is None or value == "":
            continue
        text = _number_fold(value, fold(value))
        if not text:
            continue
        if not _NUMBER_TOKEN.match(text):
            return False
        filled += 1
    return filled >= 3


def _without_repeated_headers(
    grid: list[list[Any]], header: HeaderMatch, taken: list[int]
) -> list[int]:
    """``taken`` without the rows that repeat the header (pasted again above a second page of
    the list, or above each section): two or more of their cells are the header's names."""
    names = {}
    for col, text in header.columns.values():
        for line in str(text).splitlines() or [""]:
            if line.strip():
                names.setdefault(col, set()).update({line, line.strip()})
        names.setdefault(col, set()).add(text)
    if len(names) < 2:
        return taken
    # A cheap look first: a row with one cell written as its column's name (text compared as
    # it is; a header pasted again is the same text), then the fuller one on those rows only.
    probe_col = min(names)
    probe = names[probe_col]
    found = [
        i
        for i in taken
        if len(grid[i]) > probe_col
        and grid[i][probe_col].__class__ is str
        and (grid[i][probe_col] in probe or grid[i][probe_col].strip() in probe)
    ]
    if not found:
        return taken
    folded = {col: {fold(t) for t in texts} for col, texts in names.items()}
    repeated = set()
    for i in found:
        raw = grid[i]
        same = sum(
            1
            for col, texts in folded.items()
            if col < len(raw) and raw[col].__class__ is str and fold(raw[col]) in texts
        )
        if same >= 2:
            repeated.add(i)
    return [i for i in taken if i not in repeated] if repeated else taken


def table_rows(
    grid: list[list[Any]],
    header: HeaderMatch,
    identity_keys: tuple[str, ...],
    end_markers: tuple[str, ...],
    skip_markers: tuple[str, ...],
    *,
    strong_keys: tuple[str, ...] = (),
    min_identity: int = 1,
    section_markers: tuple[str, ...] = (),
    merges: list[Merge] | None = None,
    notes: NoteWords | None = None,
) -> Table:
    """The data rows under a header, with number, section, total and signature rows left out.

    A row is data when one of ``strong_keys`` holds a value, or at least
    ``min_identity`` of ``identity_keys`` do. Reading stops at a signature
    block (first cell begins with one of ``end_markers``, or reads "Ngày …
    tháng … năm"); totals and subtotals (``skip_markers``), column-number rows
    and section rows are passed over. None of these is recognised in a row
    whose ``strong_keys`` (else ``identity_keys``) hold a value outside the
    marker's own cell: such a row is a household whatever its first word.
    With ``notes``, a note or summary line is passed over in whichever column it is written,
    Mã hộ included (:meth:`_NoteRule.passes`).
    """
    positions = {key: col for key, (col, _) in header.columns.items()}
    guard_cols = [positions[k] for k in (strong_keys or identity_keys) if k in positions]
    identity_cols = [positions.get(k, -1) for k in identity_keys]
    strong_cols = [positions.get(k, -1) for k in strong_keys]
    fills = _vertical_fills(merges, header.last_row)
    note_rule = (
        None if notes is None else _NoteRule(notes, skip_markers, section_markers, positions)
    )
    note_keep = set(guard_cols).union(positions[k] for k in _PERSON_KEYS if k in positions)
    taken: list[int] = []  # 0-based indexes of the data rows
    # The common household row, told at a glance: a value in column A, a strong key's value
    # (not a column number) and one more value (the head's name). Such a row is guarded,
    # no section, no column-number row, and holds a strong key: it is data.
    # The start list has no strong key: there a value of its first identity key (Mã hộ), a
    # key that guards the row, does the same when one identity value makes a row data.
    if strong_keys:
        strong_col = strong_cols[0] if len(strong_cols) == 1 else -1
    else:
        strong_col = identity_cols[0] if identity_cols and min_identity <= 1 else -1
    other = positions.get("chu_ho", -1) if strong_col > 0 else -1
    start = header.last_row + 1
    quick = [False] * (len(grid) - start)
    if other > 0 and other != strong_col:
        # Told for all rows in one pass: the key holds three letters or digits in a row (a
        # value, and no column number such as "1" or "(a)"), column A and the name a value
        # that begins with a letter or digit, or a number. Any other row is looked at below.
        search, reach = _THREE_ALNUM.search, max(strong_col, other)
        quick = [
            len(raw) > reach
            and raw[strong_col].__class__ is str
            and search(raw[strong_col]) is not None
            and " " not in raw[strong_col].strip()  # '120 hộ', a subtotal's count: look closer
            and _plainly_written(raw[0])
            and _plainly_written(raw[other])
            for raw in grid[start:]
        ]
    plain = bool(quick) and all(quick)  # every row a plain household row: none to look at
    taken = list(range(start, len(grid))) if plain else taken
    signing = False  # inside a signature block pasted in the list: its lines are no households
    signed_at = None  # where the first such block begins (Excel row)
    for index in () if plain else range(start, len(grid)):
        if quick[index - start]:
            taken.append(index)
            signing = False
            continue
        raw = grid[index]
        cells = _first_cells(raw, 4)  # enough to tell a short row from a household
        if not cells or signing:
            continue
        first_col, first_value = cells[0]
        first = fold(first_value)
        width = len(raw)
        guarded = any(
            col != first_col and col < width and not is_blank(raw[col]) for col in guard_cols
        )
        if not guarded:
            ends = any(first.startswith(marker) for marker in end_markers) or (
                len(cells) <= 3 and _SIGNATURE_DATE.search(first) is not None
            )
            if ends:  # "Trung Lương, ngày 03 tháng 6 năm 2024", "Người lập biểu"
                if not _list_goes_on(grid, quick, start, index, strong_col, taken):
                    break
                signing = True  # up to the next plain household row (its signers' names)
                if signed_at is None:
                    signed_at = index + 1
                continue  # signature lines inside the list: more of its households follow
            if starts_with_marker(first, skip_markers) and not _holds_person_details(
                raw, first_col, positions
            ):
                continue
        if len(cells) > 1 and _numbered_total(
            raw, cells, first, positions, guard_cols, skip_markers
        ):
            continue
        if len(cells) <= 2 and _is_section(cells, section_markers):
            continue
        if _NUMBER_TOKEN.match(_number_fold(first_value, first)) and _is_column_number_cells(raw):
            continue
        strong = False
        for col in strong_cols:
            if 0 <= col < width and not is_blank(raw[col]):
                strong = True
                break
        if not strong:
            present = sum(1 for col in identity_cols if 0 <= col < width and not is_blank(raw[col]))
            if present < min_identity:
                continue
        if note_rule is not None and note_rule.passes(raw, note_keep, guard_cols):
            continue
        taken.append(index)
    taken = _without_repeated_headers(grid, header, taken)
    after = [index for index in taken if signed_at is not None and index + 1 > signed_at]
    if after:
        # The header written again under the signature: a list of its own (the near-poor
        # households under the poor ones'), with its own title and signature, not rows typed
        # under a signed list.
        between = list(range(signed_at, after[0]))
        if len(_without_repeated_headers(grid, header, between)) < len(between):
            signed_at = None
    rows = [grid[i] for i in taken]
    shortest = min(map(len, rows), default=0)
    columns: dict[str, list[Any]] = {}
    # A sheet read as one block has rows of one width: its cells laid end to end in one pass,
    # each column a slice of them (zip(*rows) costs twice as much for a long list).
    flat = list(chain.from_iterable(rows)) if rows and shortest == max(map(len, rows)) else None
    for key, col in positions.items():
        if flat is not None and col < shortest:
            columns[key] = flat[col::shortest]
        elif col < shortest:
            columns[key] = list(map(itemgetter(col), rows))
        else:
            columns[key] = [raw[col] if col < len(raw) else None for raw in rows]
    if fills:
        for key, col in positions.items():
            values = columns[key]
            for position, index in enumerate(taken):
                source = fills.get((index, col))
                if source and is_blank(values[position]):
                    values[position] = grid[source[0]][source[1]]
    return Table([i + 1 for i in taken], columns, signed_at=signed_at)
