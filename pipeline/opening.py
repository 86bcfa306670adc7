"""Opening a workbook to read: any supported file to grids of cell values, and what went wrong.

Moved from ``pipeline.read`` (session 52; ``pipeline.read`` re-exports its public names). It
opens a workbook with python-calamine (:func:`open_workbook`, :class:`Workbook`: each sheet read
once, its merged cells, hidden rows and columns, legacy-font text), tells a spreadsheet by its
name or content, how its program counts the days its date cells show (:func:`days_counted`),
and puts a reader's error into the officer's words (:func:`describe_error`). The bounds of a
sheet read (``MAX_SHEET_ROWS`` …) are here.
"""

from __future__ import annotations

import unicodedata
import zipfile
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import python_calamine

from pipeline import lazyre
from pipeline.messages import Message
from pipeline.text import (
    MAX_CELL_TEXT,
    column_letter,
    fold,
    format_en,
    format_vn,
    is_blank,
    needs_xml_safe,
    xml_safe,
)

# pipeline.sheetscan (an xlsx's sheets looked at before calamine reads them) and
# pipeline.odsmerge (an ods's merged cells) are imported where a file is read, not with this
# module: a run's files are read by a forked child, and the run itself, which needs this
# module for the plan's grids, would only pay for their regular expressions and classes
# (docs/decisions.md "Session 16: the commune run's own time").
if TYPE_CHECKING:
    from collections.abc import Collection

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
            if names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
                return True
            from pipeline.sheetscan import main_part

            # its workbook part named otherwise ('xl/Workbook.xml'; session 65)
            return main_part(package, names) is not None
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, EOFError):
        return False


# The directory names of an xls file's workbook stream (UTF-16), 'Workbook' or the older 'Book'.
_OLE_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), b"B\x00o\x00o\x00k\x00\x00\x00")
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
# A middle dot between two digits: a number's grouping ('0912·345·678'), never TCVN3's 'ã'
# (no Vietnamese word sits between digits). Kept as written where no font says the cell is
# TCVN3 (session 60, Q)
_DOT_IN_NUMBER = lazyre.compile("(?<=[0-9])\u00b7(?=[0-9])")


def _number_dots_out(value: str) -> str:
    """``value`` with a number's middle dots (:data:`_DOT_IN_NUMBER`) read as ASCII dots."""
    return _DOT_IN_NUMBER.sub(".", value) if "\u00b7" in value else value


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
        self._ods_untyped: dict[str, dict[tuple[int, int], str]] = {}  # by raw name
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
        # sheet -> {(row, col) 0-based: (the struck text, the text read)} of its text cells
        # struck through in part by their runs' fonts, read as the text left (xlsx, xlsm:
        # sheetscan.struck_text_cells; session 66, H); as the byte scan found them (whole,
        # struck, left) until the sheet's grid is read
        self.struck_parts: dict[str, dict[tuple[int, int], tuple[str, str]]] = {}
        self._struck_parts: dict[str, dict[tuple[int, int], tuple[str, str, str]]] = {}
        # sheet -> {(row, col) 0-based: its runs, each (text, struck)} of those texts, their
        # whole text as the file keeps it: the feedback copy shows them so, the struck part
        # struck (sheetscan.strike_pieces; session 67, D)
        self.struck_runs: dict[str, dict[tuple[int, int], sheetscan.StruckPieces]] = {}
        self._struck_runs: dict[str, dict[tuple[int, int], sheetscan.StruckPieces]] = {}
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
            if name in self._struck_parts:
                self._read_struck_parts(name, grid)
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
                untyped = self._ods_untyped.get(raw)
                if untyped:  # cells typed 'unknown', read as empty: their text (session 59)
                    grid = self._untyped_read(grid, untyped)
                    width = max(map(len, grid), default=0)
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

    def _read_struck_parts(self, name: str, grid: list[list[Any]]) -> None:
        """A text struck through in part in its cell's edit line ('~~NM5~~ NM6', '~~Hộ
        nghèo~~ Hộ cận nghèo'): read as the text left, the part struck being the head's
        correction, and noted (``struck_parts``) to be said (session 66, H). Only where the
        value read is the text the runs hold (else as read)."""
        told = {}
        runs = self._struck_runs.pop(name, {})
        for (r, c), (whole, struck, kept) in self._struck_parts.pop(name).items():
            if r < len(grid) and c < len(grid[r]) and grid[r][c] == whole:
                grid[r][c] = kept.strip()
                if (r, c) in runs:
                    self.struck_runs.setdefault(name, {})[(r, c)] = runs[(r, c)]
                # quoted as the head sees the words, one space between ('Hoàng ~~Văn~~ NM6':
                # 'Hoàng NM6'; session 66, RH)
                # and composed (NFC) as every text quoted is: runs typed decomposed (RH)
                told[(r, c)] = (
                    unicodedata.normalize("NFC", " ".join(struck.split())),
                    unicodedata.normalize("NFC", " ".join(kept.split())),
                )
        if told:
            self.struck_parts[name] = told

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
        if look.partly_struck:
            self._struck_parts[name] = look.partly_struck
            self._struck_runs[name] = look.struck_pieces

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

    def emphasis(
        self, name: str, parts: dict[tuple[int, int], Any] | None = None
    ) -> dict[tuple[int, int], tuple[bool, bool]]:
        """{(row, col) 0-based: (bold, italic)} of sheet ``name``'s cells written bold or
        italic (an xlsx/xlsm's: sheetscan.Package.emphasis; an .xls's: biff.emphasised_cells;
        an .ods's: odsfonts.emphasis_cells_ods, session 60); empty for an .xlsb. Asked for the
        feedback copy only (the head's bold 'Trưởng xóm' kept; session 59, G2). ``parts``:
        filled with its texts partly bold or italic, each its ``sheetscan.Fragments`` (his
        bold 'Trưởng xóm' in 'Trưởng xóm Nguyễn Văn A'; session 62)."""
        if name not in self.sheet_names or getattr(self._book, "markup", False):
            return {}
        if self._package is None or self._package.released:
            from pipeline.sheetscan import Package

            self._package = Package(self.path)
        raw = self.raw_names.get(name, name)
        if self._package.zip is None:  # an .xls (session 60)
            from pipeline import biff

            return biff.emphasised_cells(self.path, raw, parts)
        if self._package.parts is None or not self._package.parts:
            if "content.xml" not in self._package.zip.namelist():
                return {}  # an .xlsb
            from pipeline import odsfonts

            try:  # an .ods (session 60)
                return odsfonts.emphasis_cells_ods(self._package.zip, raw, parts)
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception:  # noqa: BLE001 - styles not made out: written regular, as before
                if parts is not None:
                    parts.clear()
                return {}
        index = self.sheet_names.index(name)
        return self._package.emphasis(index, len(self.sheet_names), parts)

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
            from pipeline.odsmerge import scan_all

            found = scan_all(package.zip)  # {}: xlsb
            self._ods_merges, self._ods_hidden, self._ods_errors, self._ods_formulas = found[:4]
            self._ods_untyped = found[4]
        return self._ods_merges.get(raw, [])

    def _untyped_read(
        self, grid: list[list[Any]], untyped: dict[tuple[int, int], str]
    ) -> list[list[Any]]:
        """``grid`` with the text of each cell typed 'unknown' (``untyped``: odsmerge.scan_all)
        written in, its rows widened or added as the cells reach; one past the sheet's bounds
        (``max_rows``, ``max_cells``) left out."""
        rows = max(len(grid), max(r for r, _ in untyped) + 1)
        width = max(max(map(len, grid), default=0), max(c for _, c in untyped) + 1)
        if rows > self.max_rows or rows * width > self.max_cells:
            return grid
        grid = [list(row) + [""] * (width - len(row)) for row in grid]
        grid += [[""] * width for _ in range(rows - len(grid))]
        for (r, c), text in untyped.items():
            if is_blank(grid[r][c]):
                grid[r][c] = text
        return grid

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
            # A number's middle dots are no legacy letters where no font says so: a telephone
            # number grouped so ('0912·345·678') read '0912ã345ã678', each 'ã' a syllable,
            # tipped a sheet's guess to TCVN3 (session 60, Q: told nowhere, posted whole); a
            # cell of nothing else is no legacy text
            cells = {v for row in grid for v in row
                     if isinstance(v, str) and _HIGH.search(_number_dots_out(v))}  # fmt: skip
            # Cells with letters no legacy font has (ạ, ơ, đ): Unicode, never decoded. Rows
            # typed in TCVN3 pasted under a Unicode header: the rest judged apart from them.
            unicode_cells = {v for v in cells if not legacy.latin_only(v)}
            sample = " ".join(_number_dots_out(v) for v in cells if v not in unicode_cells)
            sheet_guess = legacy.guess_encoding(sample[:200_000])
            if sheet_guess is None:
                return
        count, seen = 0, set()
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if not isinstance(value, str) or not _HIGH.search(value):
                    continue
                encoding, caps = fonts.get((r, c), (sheet_guess, False))
                if encoding is None or value in unicode_cells or (not fonts and value not in cells):
                    continue
                if unicode_cells and legacy.guess_encoding(_number_dots_out(value)) != encoding:
                    # beside Unicode text, a cell is decoded on its own evidence: its legacy
                    # letters, or a short word that decodes to one the list expects ('Tµy')
                    if not _known_word(legacy.decode(value, encoding, caps)):
                        continue
                if fonts:
                    text = legacy.decode(value, encoding, caps)
                else:  # a number's middle dots kept ('SĐT 0912·345·678')
                    pieces = _DOT_IN_NUMBER.split(value)
                    text = "\u00b7".join(legacy.decode(piece, encoding, caps) for piece in pieces)
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
                from pipeline.sheetscan import main_part

                # a workbook part named otherwise ('xl/Workbook.xml'; session 65)
                main = main_part(package, names)
                found = main is not None and _DATE_1904.search(package.read(main))
                return MAC_DAYS if found else EXCEL_DAYS
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
        lazyre.compile(
            r"^(?:syntax error|ill-formed document: start tag not closed): .* not found before "
            r"end of input$"
        ),
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
    # the markup reader's own (pipeline.markup.MarkupError): a web page, a web archive (.mht)
    # or an Excel 2003 XML file holding no sheet (session 57: English in the Vietnamese line)
    (
        lazyre.compile(r"^a web page with no table$"),
        "trang web không có bảng nào",
        "a web page with no table",
    ),
    (
        lazyre.compile(r"^a web archive with no table$"),
        "trang web lưu thành một tệp (.mht) không có bảng nào",
        "a web archive with no table",
    ),
    (
        lazyre.compile(r"^an XML workbook with no worksheet$"),
        "tệp XML của Excel không có trang tính nào",
        "an XML workbook with no worksheet",
    ),
    # more of the readers' English met in the foreign corpus (session 50, T16)
    (
        lazyre.compile(r"^Cfb error: Invalid OLE\b"),
        "tệp không có phần đầu của một sổ Excel 97–2003 (.xls): tệp hỏng, hoặc do Excel quá cũ "
        "(trước 97) hay một chương trình khác lưu",
        "the file lacks the header of an Excel 97–2003 workbook (.xls): it is damaged, or saved "
        "by an Excel older than 97 or by another program",
    ),
    # session 58 (A2): calamine's word where a name's suffix is none it knows ('.XLS' in
    # capitals) and the bytes no workbook it reads (an Excel 4.0 file): English in the line
    (
        lazyre.compile(r"^Unrecognized sheet:type: xl/macrosheets/"),
        "sổ có một trang macro của Excel 4.0 (thư mục 'xl/macrosheets') mà trình đọc không đọc "
        "được",
        "the workbook holds an Excel 4.0 macro sheet ('xl/macrosheets') the reader cannot read",
    ),
    (
        lazyre.compile(r"^Cannot detect file format$"),
        "trình đọc không nhận ra tệp là loại bảng tính nào: tệp hỏng, hoặc do Excel quá cũ "
        "(trước 97) hay một chương trình khác lưu",
        "the reader cannot tell what kind of workbook the file is: it is damaged, or saved by "
        "an Excel older than 97 or by another program",
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
    # session 57 (H3): a part of the zip that cannot be unpacked (calamine's "I/O error: …";
    # zlib's and zipfile's where the package is read before it), said as the damage it is
    (
        lazyre.compile(
            r"^(?:I/O error: (?:corrupt deflate stream|Invalid checksum|File is larger than its "
            r"declared uncompressed size)$|Error -3 while decompressing data\b|Bad CRC-32 for "
            r"file\b)"
        ),
        "một phần nén bên trong tệp (gói zip) không giải nén được: tệp hỏng hoặc chưa chép hết",
        "a compressed part inside the file (its zip package) cannot be unpacked: the file is "
        "damaged or not copied whole",
    ),
    (
        lazyre.compile(r"^Expecting alphanumeric character, got [0-9A-F]{2}$"),
        "tệp Excel ghi địa chỉ một ô có ký tự lạ: tệp hỏng hoặc không do Excel lưu",
        "the Excel file writes a cell's address with a stray character: the file is damaged or "
        "not saved by Excel",
    ),
    # a sheet's cell holding a tag that is not its value, formula or inline text ('<c><x>5</x>
    # </c>'): calamine's words (session 58, D; session 57's H3 left it in English)
    (
        lazyre.compile(r"^Expecting 'v, f, or is' node$"),
        "một ô của trang tính trong tệp Excel có một thẻ lạ ở chỗ phải là giá trị hay công thức "
        "của ô: tệp hỏng hoặc không do Excel lưu",
        "a cell of a sheet of the Excel file holds a stray tag where its value or formula is "
        "due: the file is damaged or not saved by Excel",
    ),
    # the markup and text readers' own (pipeline.markup, pipeline.textsheet): an Excel 2003 XML
    # file not well formed (expat's words; its line said, not its column counted from 0), a
    # text file whose fields the csv module refuses (session 57, H3: quoted in English)
    (
        lazyre.compile(r"^XML: .*: line (?P<line>\d+), column \d+$"),
        "nội dung XML của tệp bị hỏng ở dòng {line}: tệp hỏng hoặc không do Excel lưu",
        "the file's XML content is damaged at line {line}: the file is damaged or not saved by "
        "Excel",
    ),
    (
        lazyre.compile(r"^XML: an entity declaration$"),
        "tệp XML tự khai báo thực thể ('<!ENTITY'), điều Excel không làm: không đọc để giữ an "
        "toàn cho máy",
        "the XML file declares its own entities ('<!ENTITY'), which Excel does not: not read, to "
        "keep the computer safe",
    ),
    (
        lazyre.compile(r"^text: field larger than field limit \((?P<limit>\d+)\)$"),
        "tệp văn bản có một ô dài hơn {limit} ký tự: tệp hỏng hoặc không phải một bảng",
        "the text file holds a cell longer than {limit} characters: the file is damaged or no "
        "table",
    ),
)
# The markup and text readers' other refusals, by their first words (session 57, H3)
_READER_PREFIXES = (
    ("XML: ", "nội dung XML của tệp bị hỏng: tệp hỏng hoặc không do Excel lưu",
     "the file's XML content is damaged: the file is damaged or not saved by Excel"),
    ("text: ", "tệp văn bản không đọc được thành bảng: tệp hỏng hoặc không phải một bảng",
     "the text file cannot be read as a table: the file is damaged or no table"),
)  # fmt: skip
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
        if said := sentence.match(text):
            numbers = {k: int(v) for k, v in said.groupdict().items()}  # a line, a length
            return Message(
                vi.format(**{k: format_vn(v, 0) for k, v in numbers.items()}),
                en.format(**{k: format_en(v, 0) for k, v in numbers.items()}),
            )
    if isinstance(exc, python_calamine.XmlError) and not _BARE_WORD.match(text):
        # the XML inside a part not well formed, in the XML reader's words (kept in English)
        return Message(
            f"nội dung XML bên trong tệp Excel bị hỏng: {_PACKAGE_FAULT[0]}",
            f"the XML inside the Excel file is damaged ({xml_safe(text[:80])}): "
            f"{_PACKAGE_FAULT[1]}",
        )
    for prefix, vi, en in _READER_PREFIXES:
        if text.startswith(prefix):  # the rest quotes the reader, kept in English
            return Message(vi, f"{en} ({xml_safe(text[len(prefix) :][:80])})")
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


def _known_word(text: str) -> bool:
    """A class, sex, ethnic group or target group as the list's vocabularies spell them."""
    from pipeline import vocab

    return (
        vocab.classification(text) is not None
        or vocab.gender(text) is not None
        or vocab.ethnicity(text) is not None
        or (bool(text.strip()) and not vocab.target_groups(text)[1])
    )
