"""The fonts of an OpenDocument spreadsheet's (.ods) text cells, for marks drawn by a symbol font.

LibreOffice writes a cell's font in the cell's style: the cell names an automatic style
(``table:style-name="ce3"`` in ``content.xml``), whose ``style:text-properties`` name a font
face (``style:font-name="Wingdings 2"``), declared in ``office:font-face-decls`` with its
family (``svg:font-family="'Wingdings 2'"``). A style without a font of its own takes its
parent's (``style:parent-style-name``, a named style of ``styles.xml``), then the default
cell style's. A cell without a style takes its row's default cell style, then its column's
(``table:default-cell-style-name``). Part of a cell's text may be in a span of a text style
with a font of its own (``text:span text:style-name="T1"``).

Read only when the sheet holds a letter a symbol font draws as a mark and the file's styles
name such a font (:func:`names_a_symbol_font`), with expat (no DTD, no entity expanded), the
cells' places counted as the merges' scan counts them (pipeline.odsmerge): a cell or row may
stand for several (``table:number-columns-repeated``, ``table:number-rows-repeated``), a
covered cell is a place with nothing read from it.

The same reading tells the text cells whose style strikes their text through (session 30:
:func:`struck_cells_ods`), only in a file some style of which does (:func:`strikes_text`).
"""

from __future__ import annotations

import zipfile
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers import expat

from pipeline import lazyre

if TYPE_CHECKING:
    from pipeline.sheetscan import Fragments

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def _q(prefix: str, name: str) -> str:
    """A name as expat gives it with namespaces ('uri name')."""
    return f"{_NS[prefix]} {name}"


FONT_FACE = _q("style", "font-face")
STYLE, DEFAULT_STYLE = _q("style", "style"), _q("style", "default-style")
TEXT_PROPERTIES = _q("style", "text-properties")
TABLE, COLUMN, ROW = _q("table", "table"), _q("table", "table-column"), _q("table", "table-row")
CELL, COVERED = _q("table", "table-cell"), _q("table", "covered-table-cell")
SPAN, ANNOTATION = _q("text", "span"), _q("office", "annotation")
PARAGRAPH, SPACES = _q("text", "p"), _q("text", "s")
LINE_BREAK, TAB = _q("text", "line-break"), _q("text", "tab")
SPACE_COUNT = _q("text", "c")
NAME, FAMILY, PARENT = _q("style", "name"), _q("style", "family"), _q("style", "parent-style-name")
FONT_NAME, SVG_FAMILY = _q("style", "font-name"), _q("svg", "font-family")
FO_FAMILY = _q("fo", "font-family")
TABLE_NAME, STYLE_NAME = _q("table", "name"), _q("table", "style-name")
DEFAULT_CELL_STYLE = _q("table", "default-cell-style-name")
ROWS_REPEATED = _q("table", "number-rows-repeated")
COLS_REPEATED = _q("table", "number-columns-repeated")
TEXT_STYLE = _q("text", "style-name")
LINE_THROUGH = _q("style", "text-line-through-style")
FONT_WEIGHT, FONT_STYLE = _q("fo", "font-weight"), _q("fo", "font-style")

MAX_ROWS, MAX_COLS = 1 << 20, 1 << 14  # a sheet's reach; places beyond it are not noted
MAX_CELLS = 1_000_000  # cells noted in a sheet; more is no roster: what is noted is kept
_SYMBOL_WORDS = (b"wingdings", b"webdings")


# A style striking its text through, as its bytes write it ('style:text-line-through-style=
# "solid"'; 'none' strikes nothing), lower-cased
_STRIKE = lazyre.compile(rb"""text-line-through-style\s*=\s*["'](?!none["'])""")


def _styles_hold(archive: zipfile.ZipFile, holds: Callable[[bytes], bool]) -> bool:
    """Whether ``holds`` finds something in the .ods package's styles: ``styles.xml`` and the
    part of ``content.xml`` before its body (its font faces and automatic styles), searched as
    bytes, lower-cased."""
    names = set(archive.namelist())
    if "styles.xml" in names:
        from pipeline.sheetscan import read_bounded  # as pipeline.read, where a file is read

        if holds(read_bounded(archive, "styles.xml").lower()):
            return True
    if "content.xml" not in names:
        return False
    head = b""
    with archive.open("content.xml") as stream:
        while True:
            chunk = stream.read(1 << 16)
            head += chunk.lower()
            if holds(head):
                return True
            if not chunk or b"office:body" in head:
                return False
            head = head[-64:]  # a name cut by the chunk's end is found in the next


def names_a_symbol_font(archive: zipfile.ZipFile) -> bool:
    """Whether the .ods package's font faces or styles may name a symbol font."""
    return _styles_hold(archive, lambda data: any(word in data for word in _SYMBOL_WORDS))


def strikes_text(archive: zipfile.ZipFile) -> bool:
    """Whether some style of the .ods package may strike its text through (:data:`_STRIKE`):
    nearly no list's, so that the sheets are parsed for struck cells only in a file that has
    one (:func:`struck_cells_ods`)."""
    return _styles_hold(archive, lambda data: _STRIKE.search(data) is not None)


def _heavy(weight: str | None) -> bool | None:
    """Whether an ``fo:font-weight`` is bold ('bold', or 600 and more); None when not said."""
    if weight is None:
        return None
    return weight == "bold" or (weight.isdigit() and int(weight) >= 600)


def _count(value: str | None) -> int:
    if value is None:
        return 1
    return max(1, min(int(value), MAX_ROWS))


class _Styles:
    """The fonts of the styles read so far, by (family, name), the font faces' families, and
    whether the styles strike their text through."""

    def __init__(self) -> None:
        self.faces: dict[str, str] = {}  # face name -> font family
        self.styles: dict[tuple[str, str], tuple[str | None, str | None]] = {}  # (parent, font)
        self.defaults: dict[str, str] = {}  # family -> the default style's font
        # (family, name) -> whether its text is struck through, where the style says ('none':
        # not), and family -> the default style's (struck_cells_ods)
        self.lines: dict[tuple[str, str], bool] = {}
        self.line_defaults: dict[str, bool] = {}
        # (family, name) -> (bold, italic), each None where the style does not say, and
        # family -> the default style's (emphasis_cells_ods)
        self.weights: dict[tuple[str, str], tuple[bool | None, bool | None]] = {}
        self.weight_defaults: dict[str, tuple[bool | None, bool | None]] = {}
        self.reading: tuple[str, str | None] | None = None  # (family, name; None: default)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == FONT_FACE:
            family = attrs.get(SVG_FAMILY) or attrs.get(NAME, "")
            self.faces[attrs.get(NAME, "")] = family.strip().strip("'\"")
        elif name == STYLE:
            key = (attrs.get(FAMILY, ""), attrs.get(NAME, ""))
            self.styles[key] = (attrs.get(PARENT), None)
            self.reading = key
        elif name == DEFAULT_STYLE:
            self.reading = (attrs.get(FAMILY, ""), None)
        elif name == TEXT_PROPERTIES and self.reading is not None:
            weight, slant = attrs.get(FONT_WEIGHT), attrs.get(FONT_STYLE)
            if weight is not None or slant is not None:
                said = (_heavy(weight), None if slant is None else slant in ("italic", "oblique"))
                family, style = self.reading
                if style is None:
                    self.weight_defaults[family] = said
                else:
                    self.weights[(family, style)] = said
            line = attrs.get(LINE_THROUGH)
            if line is not None:
                family, style = self.reading
                if style is None:
                    self.line_defaults[family] = line != "none"
                else:
                    self.lines[(family, style)] = line != "none"
            face = attrs.get(FONT_NAME)
            font = self.faces.get(face, face) if face else attrs.get(FO_FAMILY)
            if font:
                family, style = self.reading
                if style is None:
                    self.defaults[family] = font.strip().strip("'\"")
                else:
                    self.styles[(family, style)] = (self.styles[(family, style)][0], font)

    def end(self, name: str) -> None:
        if name in (STYLE, DEFAULT_STYLE):
            self.reading = None

    def font(self, family: str, style: str | None) -> str | None:
        """The font of a style of ``family``, its parents' or the family's default."""
        for _ in range(16):  # a chain of parents, never a loop
            found = self.styles.get((family, style or ""))
            if found is None:
                break
            parent, font = found
            if font:
                return font
            style = parent
        return self.defaults.get(family)

    def emphasis(self, family: str, style: str | None) -> tuple[bool, bool]:
        """(bold, italic) of a style of ``family``: each as the style says, else its parents,
        else the family's default style."""
        found: list[bool | None] = [None, None]
        for _ in range(16):  # a chain of parents, never a loop
            key = (family, style or "")
            known = self.styles.get(key)
            if known is None:
                break
            for i, said in enumerate(self.weights.get(key, (None, None))):
                if found[i] is None:
                    found[i] = said
            style = known[0]
        for i, said in enumerate(self.weight_defaults.get(family, (None, None))):
            if found[i] is None:
                found[i] = said
        return bool(found[0]), bool(found[1])

    def struck(self, family: str, style: str | None) -> bool:
        """Whether the text of a style of ``family`` is struck through: as the style says, else
        its parents, else the family's default style."""
        for _ in range(16):  # a chain of parents, never a loop
            key = (family, style or "")
            found = self.styles.get(key)
            if found is None:
                break
            if key in self.lines:
                return self.lines[key]
            style = found[0]
        return self.line_defaults.get(family, False)


Runs = list[tuple[str, str | None]]  # a cell's text, run by run, each with its font


class _Sheet:
    """Reads one sheet's cells, telling each text cell's font by ``tell`` (its runs of text,
    each with its font or None -> what the cell's font says, None: nothing)."""

    def __init__(
        self,
        styles: _Styles,
        sheet: str,
        tell: Callable[[Runs], object],
        of_cell: Callable[[str | None], object] | None = None,
        of_span: Callable[[str | None], object] | None = None,
        within: Callable[[object, str | None], object] | None = None,
    ):
        """``within``: a span's font told from the one it is in and its style (the run's
        letters then kept as the cell shows them: a paragraph after another one a line break,
        ``text:s`` its spaces; emphasis_cells_ods, session 62)."""
        self.styles, self.sheet, self.tell = styles, sheet, tell
        self.within = within
        self.paragraphs = 0  # the cell's paragraphs begun (within only)
        # what a run of text is told with: the cell style's font, a span's own font (or, for
        # struck_cells_ods, whether the cell's style strikes it through; a span's: its cell's)
        self.of_cell = of_cell or (lambda style: styles.font("table-cell", style))
        self.of_span = of_span or (
            lambda style: styles.styles.get(("text", style or ""), (None, None))[1]
        )
        self.out: dict[tuple[int, int], object] = {}
        self.inside = False  # in the sheet asked for
        self.done = False
        self.depth = 0  # tables open inside the sheet (a table in a cell: not counted)
        self.columns: list[tuple[int, int, str | None]] = []  # (first, after last, style)
        self.column_firsts: list[int] = []  # each of self.columns' first, for bisect
        self.col_count = 0
        self.row = 0
        self.rows = 1
        self.row_style: str | None = None
        self.col = 0
        self.cell: tuple[int, str | None] | None = None  # (repeat, cell font) being read
        self.fonts: list[str | None] = []  # the span fonts open in the cell
        self.runs: Runs = []
        self.hidden = 0  # annotations or covered cells open: their text is not the cell's

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if not self.inside:
            if name == TABLE and attrs.get(TABLE_NAME) == self.sheet and not self.done:
                self.inside = True
            return
        if name == TABLE:
            self.depth += 1
        if self.depth:
            return
        if name == COLUMN:
            count = min(_count(attrs.get(COLS_REPEATED)), MAX_COLS)
            self.columns.append((self.col_count, self.col_count + count,
                                 attrs.get(DEFAULT_CELL_STYLE)))  # fmt: skip
            self.column_firsts.append(self.col_count)
            self.col_count += count
        elif name == ROW:
            self.rows = _count(attrs.get(ROWS_REPEATED))
            self.row_style = attrs.get(DEFAULT_CELL_STYLE)
            self.col = 0
        elif name == CELL and self.cell is None:
            style = attrs.get(STYLE_NAME) or self.row_style or self._column_style(self.col)
            font = self.of_cell(style)
            self.cell = (min(_count(attrs.get(COLS_REPEATED)), MAX_COLS), font)
            self.fonts, self.runs = [font], []
            self.paragraphs = 0
        elif name == COVERED:
            self.col += min(_count(attrs.get(COLS_REPEATED)), MAX_COLS)
            self.hidden += 1
        elif name == ANNOTATION:
            self.hidden += 1
        elif name == SPAN and self.cell is not None:
            if self.within is not None:
                self.fonts.append(self.within(self.fonts[-1], attrs.get(TEXT_STYLE)))
            else:
                own = self.of_span(attrs.get(TEXT_STYLE))
                self.fonts.append(own or self.fonts[-1])
        elif self.within is not None and self.cell is not None and not self.hidden:
            if name == PARAGRAPH:
                if self.paragraphs:
                    self.runs.append(("\n", self.fonts[-1]))
                self.paragraphs += 1
            elif name == SPACES:
                count = attrs.get(SPACE_COUNT, "1")
                self.runs.append((" " * min(_count(count), 1000), self.fonts[-1]))
            elif name in (LINE_BREAK, TAB):
                self.runs.append(("\n" if name == LINE_BREAK else "\t", self.fonts[-1]))

    def end(self, name: str) -> None:
        if not self.inside:
            return
        if name == TABLE:
            if self.depth:
                self.depth -= 1
            else:
                self.inside, self.done = False, True
            return
        if self.depth:
            return
        if name == ROW:
            self.row += self.rows
        elif name == CELL and self.cell is not None:
            repeat, _ = self.cell
            told = self.tell(self.runs) if any(t.strip() for t, _ in self.runs) else None
            if told is not None:
                self._note(repeat, told)
            self.col += repeat
            self.cell = None
        elif name in (COVERED, ANNOTATION):
            self.hidden -= 1
        elif name == SPAN and self.cell is not None and len(self.fonts) > 1:
            self.fonts.pop()

    def text(self, data: str) -> None:
        if self.cell is not None and not self.hidden and not self.depth:
            self.runs.append((data, self.fonts[-1]))

    def _column_style(self, col: int) -> str | None:
        at = bisect_right(self.column_firsts, col) - 1  # the last column run starting at or before
        if at < 0:
            return None
        _first, after, style = self.columns[at]
        return style if col < after else None

    def _note(self, repeat: int, told: object) -> None:
        for r in range(self.row, min(self.row + self.rows, MAX_ROWS)):
            for c in range(self.col, min(self.col + repeat, MAX_COLS)):
                if len(self.out) >= MAX_CELLS:
                    return
                self.out[(r, c)] = told


def _parse(
    stream, handlers: list, text: Callable[[str], None] | None = None, stop=lambda: False
) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def refuse(*_args) -> None:
        raise ValueError("DTD in an OpenDocument part")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = lambda name, attrs: [h.start(name, attrs) for h in handlers]
    parser.EndElementHandler = lambda name: [h.end(name) for h in handlers]
    if text is not None:
        parser.CharacterDataHandler = text
    while not stop():
        chunk = stream.read(1 << 16)
        parser.Parse(chunk, not chunk)
        if not chunk:
            break


def _package_styles(archive: zipfile.ZipFile) -> _Styles | None:
    """The styles of an .ods package (its ``styles.xml``'s; ``content.xml``'s own automatic
    styles are read with the sheet), None when it holds no ``content.xml``: the start each
    reading of a sheet's cells shares (session 60, at the merge)."""
    names = set(archive.namelist())
    if "content.xml" not in names:
        return None
    styles = _Styles()
    if "styles.xml" in names:
        with archive.open("styles.xml") as stream:
            _parse(stream, [styles])
    return styles


def _read_sheet(archive: zipfile.ZipFile, styles: _Styles, sheet: _Sheet) -> None:
    """``content.xml`` parsed into ``sheet`` (and the automatic styles into ``styles``) until
    its sheet is done."""
    with archive.open("content.xml") as stream:
        _parse(stream, [styles, sheet], sheet.text, lambda: sheet.done)


def font_cells_ods(
    path: Path, sheet_name: str, tell: Callable[[Runs], object]
) -> dict[tuple[int, int], object]:
    """{(row0, col0): what ``tell`` says of the cell's runs of text} for the text cells of the
    .ods sheet named ``sheet_name`` for which it says something (not None): each run with its
    font, the span's, else the cell's (None where no style names one). {} when the package
    holds no ``content.xml``."""
    with zipfile.ZipFile(path) as archive:
        styles = _package_styles(archive)
        if styles is None:
            return {}
        sheet = _Sheet(styles, sheet_name, tell)
        _read_sheet(archive, styles, sheet)
    return sheet.out


def struck_cells_ods(archive: zipfile.ZipFile, sheet_name: str) -> set[tuple[int, int]]:
    """(row0, col0) of the text cells of the .ods sheet named ``sheet_name`` (in the package
    open as ``archive``) whose style strikes their text through: the cell's own style, else its
    row's or column's default cell style, their parents', the default style's (LibreOffice's
    Format > Cells > Font Effects > Strikethrough, as session 28 reads an xlsx's font). Part of
    a cell's text struck (a span) is not looked at. Parsed with expat as :func:`font_cells_ods`
    is: asked only where :func:`strikes_text` found such a style."""
    styles = _package_styles(archive)
    if styles is None:
        return set()
    sheet = _Sheet(
        styles,
        sheet_name,
        lambda runs: True if any(struck for _, struck in runs) else None,
        of_cell=lambda style: styles.struck("table-cell", style),
        of_span=lambda _style: None,  # a span's text: struck as its cell's
    )
    _read_sheet(archive, styles, sheet)
    return set(sheet.out)


def emphasis_cells_ods(
    archive: zipfile.ZipFile,
    sheet_name: str,
    parts: dict[tuple[int, int], Fragments] | None = None,
) -> dict[tuple[int, int], tuple[bool, bool]]:
    """{(row0, col0): (bold, italic)} of the text cells of the .ods sheet named ``sheet_name``
    whose style writes them bold or italic (the cell's own style, else its row's or column's
    default cell style, their parents', the default style's), as
    :meth:`pipeline.sheetscan.Package.emphasis` reads an xlsx's: for the feedback copy, which
    keeps the head's bold 'Trưởng xóm' below his table (session 60; an xlsx's since session 59,
    G2). A text partly in a span of another weight or slant (``text:span``, its automatic text
    style's): bold (italic) where all of it is, its :data:`~pipeline.sheetscan.Fragments` put
    in ``parts`` (session 62)."""
    from pipeline.sheetscan import fragments_of

    styles = _package_styles(archive)
    if styles is None:
        return {}

    def within(outer: object, style: str | None) -> tuple[bool, bool]:
        # a span's text: as the span's style says (LibreOffice's automatic text style 'T1'),
        # else as the text around it (session 62)
        said = styles.weights.get(("text", style or ""), (None, None))
        bold, italic = outer  # type: ignore[misc]
        return (bold if said[0] is None else said[0], italic if said[1] is None else said[1])

    def tell(runs: Runs) -> object:
        split = fragments_of(runs)  # type: ignore[arg-type]
        if split is not None:
            whole = (all(b for _, b, _ in split), all(i for _, _, i in split))
            return whole, split
        said = next((f for t, f in runs if t.strip()), None)
        return (said, None) if said and any(said) else None  # type: ignore[arg-type]

    sheet = _Sheet(
        styles,
        sheet_name,
        tell,
        of_cell=lambda style: styles.emphasis("table-cell", style),
        within=within,
    )
    _read_sheet(archive, styles, sheet)
    out: dict[tuple[int, int], tuple[bool, bool]] = {}
    for cell, (whole, split) in sheet.out.items():  # type: ignore[misc]
        if split is not None and parts is not None:
            parts[cell] = split
        if any(whole):
            out[cell] = whole
    return out
