"""Cell formats (created once per workbook), the title block, page setup and signatures."""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from operator import le
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import numpy as np
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.report.labels import t
from pipeline.text import point_places, small_said

if TYPE_CHECKING:
    from pipeline.report.cells import Context

# Vietnamese administrative documents are set in Times New Roman (Nghị định 30/2020).
FONT = "Times New Roman"
COUNT = "#,##0"
RATE = "0.00"
HEADER_FILL = "#DDEBF7"
TOTAL_FILL = "#F2F2F2"
ERROR_FILL = "#FFC7CE"
WARNING_FILL = "#FFEB9C"
MUTED_FILL = "#EDEDED"

_BASE = {"font_name": FONT, "font_size": 11, "valign": "vcenter"}
_CELL = {"border": 1}
_TOTAL = {"border": 1, "bold": True, "bg_color": TOTAL_FILL}
_HEAD = {"border": 1, "bold": True, "align": "center", "text_wrap": True, "bg_color": HEADER_FILL}

# The sheets' titles' size in points (bold).
TITLE_SIZE = 14

_FORMATS: dict[str, dict] = {
    # title block
    "org": {"bold": True, "align": "center", "text_wrap": True},
    "nation": {"bold": True, "align": "center"},
    "motto": {"bold": True, "underline": 1, "align": "center"},
    "title": {"bold": True, "font_size": TITLE_SIZE, "align": "center", "text_wrap": True},
    "subtitle": {"italic": True, "align": "center", "text_wrap": True},
    # headers
    "head": _HEAD,
    "head_rot": {**_HEAD, "rotation": 90},
    "colnum": {"border": 1, "italic": True, "align": "center", "font_size": 9},
    # body
    "text": _CELL,
    "wrap": {**_CELL, "text_wrap": True},
    "center": {**_CELL, "align": "center"},
    "int": {**_CELL, "num_format": COUNT},
    "year": {**_CELL, "num_format": "0", "align": "center"},
    "rate": {**_CELL, "num_format": RATE},
    "muted": {**_CELL, "italic": True, "font_color": "#595959", "bg_color": MUTED_FILL},
    "met": {**_CELL, "align": "center", "text_wrap": True, "font_color": "#006100"},
    "not_met": {**_CELL, "align": "center", "text_wrap": True, "font_color": "#9C0006"},
    # total rows
    "total_text": _TOTAL,
    "total_label": {**_TOTAL, "align": "center"},
    "total_int": {**_TOTAL, "num_format": COUNT},
    "total_rate": {**_TOTAL, "num_format": RATE},
    # a commune figure that is not the column's sum: marked (*) like the commune's Đạt/Chưa đạt
    "total_int_note": {**_TOTAL, "num_format": '#,##0" (*)"'},
    "total_rate_note": {**_TOTAL, "num_format": '0.00" (*)"'},
    "total_met": {**_TOTAL, "align": "center", "text_wrap": True, "font_color": "#006100"},
    "total_not_met": {**_TOTAL, "align": "center", "text_wrap": True, "font_color": "#9C0006"},
    # Tổng hợp sheet
    "label": {**_CELL, "text_wrap": True},
    "label_bold": {**_CELL, "text_wrap": True, "bold": True},
    "big_rate": {**_CELL, "num_format": RATE, "bold": True, "font_size": 13},
    "big_met": {**_CELL, "align": "center", "bold": True, "font_size": 13, "font_color": "#006100"},
    "big_not_met": {
        **_CELL,
        "align": "center",
        "bold": True,
        "font_size": 13,
        "font_color": "#9C0006",
    },
    "value_text": {**_CELL, "align": "right"},
    "left_rate": {"num_format": RATE, "align": "left", "bold": True},
    "left_text": {"align": "left", "bold": True},
    # free lines
    "section": {"bold": True},
    "section_wrap": {"bold": True, "text_wrap": True},  # a headline line that may take two
    "section_cell": {**_CELL, "bold": True, "bg_color": TOTAL_FILL},
    "note": {"italic": True, "text_wrap": True, "valign": "top"},
    "alert": {"bold": True, "font_color": "#9C0006", "text_wrap": True},
    "good": {"bold": True, "font_color": "#006100", "text_wrap": True},
    # issue rows
    "err_text": {**_CELL, "text_wrap": True, "bg_color": ERROR_FILL},
    "err_int": {**_CELL, "align": "center", "bg_color": ERROR_FILL},
    "warn_text": {**_CELL, "text_wrap": True, "bg_color": WARNING_FILL},
    "warn_int": {**_CELL, "align": "center", "bg_color": WARNING_FILL},
    # signatures
    "sign": {"bold": True, "align": "center"},
    "sign_note": {"italic": True, "align": "center"},
}


# Traffic lights (conditional formats: fill and font only, over the cell's own format).
LIGHTS = {
    "green": {"bg_color": "#C6EFCE", "font_color": "#006100"},
    "amber": {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
    "red": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
}


def _after_rate(name: str) -> str:
    """What the number format of the rate format ``name`` writes after its two decimals: ''
    for 'rate', '" (*)"' for 'total_rate_note' (a commune figure that is not the column's
    sum)."""
    num_format = _FORMATS[name]["num_format"]
    if not num_format.startswith(RATE):
        raise ValueError(f"{name}: not a rate format ({num_format})")
    return num_format[len(RATE) :]


class Styles:
    """The workbook's named formats, looked up as ``styles['int']``."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._formats = {
            name: workbook.add_format({**_BASE, **props}) for name, props in _FORMATS.items()
        }
        self.lights = {name: workbook.add_format(props) for name, props in LIGHTS.items()}

    def __getitem__(self, name: str) -> Format:
        return self._formats[name]

    def places(self, name: str, places: int) -> Format:
        """The format ``name`` showing its number with ``places`` decimals (a reduction in
        points too small for two: text.point_places), made when first asked; the text after
        the name's two decimals kept ('0.0000" (*)"' for 'total_rate_note': session 50)."""
        if places == 2:
            return self._formats[name]
        return self._with_number_format(name, "0." + "0" * places + _after_rate(name))

    def figure(self, name: str, value: float, lang: str) -> Format:
        """The format ``name`` showing ``value`` (a change of rate in points, a progress) as
        text.small_figure writes it: its point_places decimals, or, too small for four, the
        words of text.small_said ('"dưới 0,0001"' for a positive, '"trên -0,0001"' for a
        negative) in place of the number, the cell keeping its value (session 49); the
        name's text after the number follows the words too ('"dưới 0,0001 (*)"')."""
        if small_said(value, lang) is None:
            return self.places(name, point_places(value))
        after = _after_rate(name)
        said = after.strip('"')
        above, below = (small_said(sign, lang) for sign in (1e-9, -1e-9))
        return self._with_number_format(name, f'"{above}{said}";"{below}{said}";{RATE}{after}')

    def _with_number_format(self, name: str, num_format: str) -> Format:
        key = f"{name}.{num_format}"
        if key not in self._formats:
            props = {**_BASE, **_FORMATS[name], "num_format": num_format}
            self._formats[key] = self._workbook.add_format(props)
        return self._formats[key]


def traffic_lights(
    ctx: Context,
    ws: Worksheet,
    cells: list[tuple[int, int]],
    progress: tuple[int, int] | None = None,
) -> None:
    """Green / amber / red on progress against a target: ≥ 100 %, ≥ 50 %, < 50 %.

    ``cells``: (row, col) of the cells to colour. With ``progress`` = (row offset, col offset)
    each cell is coloured by the progress cell at that offset (a 'Đạt' cell by its progress
    cell); without it, by its own value. Blank or text progress (no target) stays uncoloured.
    Conditional formats change no value; the rules exclude each other, so Excel and
    LibreOffice (which applies the first true rule only) show the same colour.
    """
    dr, dc = progress or (0, 0)
    for row, col in cells:
        ref = xl_rowcol_to_cell(row + dr, col + dc, row_abs=False, col_abs=False)
        rules = (
            ("green", f"=AND(ISNUMBER({ref}),{ref}>=100)"),
            ("amber", f"=AND(ISNUMBER({ref}),{ref}>=50,{ref}<100)"),
            ("red", f"=AND(ISNUMBER({ref}),{ref}<50)"),
        )
        for light, formula in rules:
            ws.conditional_format(
                row,
                col,
                row,
                col,
                {"type": "formula", "criteria": formula, "format": ctx.st.lights[light]},
            )


def merge_text(
    ws: Worksheet,
    first_row: int,
    first_col: int,
    last_row: int,
    last_col: int,
    text: str,
    fmt: Format,
) -> None:
    """Merge a range (or write one cell) holding ``text`` as a string, never as a formula."""
    if (first_row, first_col) != (last_row, last_col):
        ws.merge_range(first_row, first_col, last_row, last_col, "", fmt)
    ws.write_string(first_row, first_col, text, fmt)


# Times New Roman Bold's advance widths (Liberation Serif Bold's, the same by design), in
# thousandths of an em, of the characters ' ' … '~' (session 25: header words measured).
_BOLD_ADVANCE = (
    250, 334, 556, 500, 500, 1000, 834, 278, 334, 334, 500, 570, 250, 334, 250, 278, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 500, 334, 334, 570, 570, 570, 500, 931, 723, 667, 723,
    723, 667, 611, 778, 778, 390, 500, 778, 667, 944, 723, 778, 611, 778, 723, 557, 667, 723,
    723, 1000, 723, 723, 667, 334, 278, 334, 582, 500, 334, 500, 557, 444, 557, 444, 334, 500,
    557, 278, 334, 557, 278, 834, 557, 500, 557, 557, 444, 390, 334, 557, 500, 723, 500, 500,
    444, 395, 221, 395, 521,
)  # fmt: skip
# Times New Roman's regular advance widths (Liberation Serif Regular's), likewise (session 26).
_REGULAR_ADVANCE = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667,
    722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722,
    722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
    500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500,
    444, 480, 200, 480, 541,
)  # fmt: skip
# The advances of the punctuation outside ' ' … '~' a Vietnamese text carries (Liberation
# Serif's, read from its fonts' hmtx; sessions 54 and 55): the en dash of 'Nà Mòn – Bản Cọ', the
# curly quotes a word processor types, the no-break space it puts before ':' or inside '5 000',
# the bullet of a list pasted into a note, '№'. Regular, then bold. The em dash and '…' are an
# em, as any other.
_PUNCTUATION = (
    {
        "\u00a0": 250, "\u2013": 500, "\u2018": 333, "\u2019": 333, "\u201c": 444,
        "\u201d": 444, "\u2022": 350, "\u2116": 954,
    },
    {
        "\u00a0": 250, "\u2013": 500, "\u2018": 333, "\u2019": 333, "\u201c": 500,
        "\u201d": 500, "\u2022": 350, "\u2116": 1005,
    },
)  # fmt: skip
_HORN = "\u031b"  # ư, ơ: the base letter and a horn about 0.08 em wide
# Excel's text comes out a little wider than the fonts' advances (hinting), hence the margin;
# a cell leaves about 3 pixels around its text.
BOLD_TEXT_MARGIN = 1.05


@lru_cache(maxsize=4096)
def text_pixels(text: str, size: float = 11.0, bold: bool = True) -> float:
    """The pixels (96 dpi) a bold (or, ``bold`` false, regular) Times New Roman ``text`` of
    ``size`` points needs on one line in Excel: its advance widths (a Vietnamese letter's base
    letter, đ as d, a horn 0.08 em), with :data:`BOLD_TEXT_MARGIN` and the cell's padding.
    Cached: the header fitting measures the same words and lines again and again (a commune's
    run: some 1,800 calls, 290 texts)."""
    return units_pixels(text_units(text, bold), size)


def units_pixels(units: int, size: float = 11.0) -> float:
    """:func:`text_pixels` of a text of ``units`` thousandths of an em (:func:`text_units`) at
    ``size`` points: a line of words measured by adding its words' units and spaces'."""
    return units / 1000 * size * 96 / 72 * BOLD_TEXT_MARGIN + 3


def text_units(text: str, bold: bool = True) -> int:
    """The advance of a bold (or regular) Times New Roman ``text`` in thousandths of an em:
    each letter's, a Vietnamese letter's its base letter's (NFD: 'ỏ' as 'o'; 'đ' as 'd'), a
    horn 0.08 em, a mark none, the en dash, curly quotes, no-break space and bullet their own
    (``_PUNCTUATION``), any other character an em, to be safe."""
    advance = _BOLD_ADVANCE if bold else _REGULAR_ADVANCE
    punctuation = _PUNCTUATION[1 if bold else 0]
    units = 0
    for ch in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")):
        code = ord(ch)
        if 32 <= code <= 126:
            units += advance[code - 32]
        elif ch == _HORN:
            units += 80
        elif ch in punctuation:
            units += punctuation[ch]
        elif not unicodedata.combining(ch):
            units += 1000  # any other letter: an em, to be safe
    return units


class _Letters(dict):
    """Character → its regular (or bold) advance (:func:`text_units`), each measured once; at
    most an em: a character whose decomposition holds several letters (a Hangul syllable) draws
    as one."""

    def __init__(self, bold: bool = False) -> None:
        super().__init__()
        self.bold = bold

    def __missing__(self, ch: str) -> int:
        units = self[ch] = min(text_units(ch, bold=self.bold), 1000)
        return units


# The regular advance of every character a text is measured by (wrapped text in the body).
REGULAR_LETTERS: dict[str, int] = _Letters()
# The bold advance of each, a bold cell's wrapped text (a header, a title) is measured by
# (session 55: bold Times New Roman is some 5 % wider than regular in Vietnamese capitals).
BOLD_LETTERS: dict[str, int] = _Letters(bold=True)
# The code points :func:`regular_units` keeps a table of: Latin (the no-break space too),
# Vietnamese (U+1EA0–U+1EF9), the dashes, quotes and bullet (U+2013–U+2022). Any other ('№'
# too) is measured as its last entry, an em: a text so measured wider than its line is wrapped
# word by word at its letters' own widths (``bulk.column_lines``).
TABLE_SIZE = 0x2100
# :data:`REGULAR_LETTERS` of each code point below :data:`TABLE_SIZE`, filled in as code points
# are met (-1: not yet measured). Measuring all 8,448 at the first list cost each writing
# process ~8 ms (some 2 % of a commune's run) for the hundred-odd letters a commune writes
# (docs/decisions.md "Session 61: the commune run's own work, counted in instructions and cut").
_REGULAR_TABLE = np.full(TABLE_SIZE, -1, dtype=np.int64)


def regular_units(codes: np.ndarray) -> np.ndarray:
    """The regular advance (:data:`REGULAR_LETTERS`) of each code point of ``codes`` (an
    array of them: a province's list measured at once); one from :data:`TABLE_SIZE` on as
    U+20FF (unassigned): an em."""
    table = _REGULAR_TABLE
    clipped = np.minimum(codes, TABLE_SIZE - 1)
    units = table[clipped]
    if len(units) and units.min() < 0:  # one pass; the letters not met before, measured now
        for code in np.unique(clipped[units < 0]).tolist():
            table[code] = REGULAR_LETTERS[chr(code)]
        units = table[clipped]
    return units


def title_block(
    ctx: Context, ws: Worksheet, title: str, ncols: int, split: int | None = None
) -> int:
    """Write the official heading and the sheet title; return the first free row."""
    lang, st = ctx.lang, ctx.st
    split = split if split is not None else max(1, ncols // 2)
    last = max(ncols - 1, split)
    org = t("org", lang, commune=ctx.commune.upper())
    merge_text(ws, 0, 0, 0, split - 1, org, st["org"])
    # The committee's name wraps (English, a long commune name) where it is wider than its
    # columns (set before this): its row then holds two lines, as LibreOffice grows it; Excel
    # keeps a written height, and a row without one at 15 pt cut the second line (session 25).
    info = ws.col_info
    room = sum(info[c].width if c in info else 64 for c in range(split)) if info else 0
    if room and text_pixels(org) > room:
        ws.set_row(0, 2 * ROW_HEIGHT_PT)
    merge_text(ws, 0, split, 0, last, t("nation", lang), st["nation"])
    merge_text(ws, 1, split, 1, last, t("motto", lang), st["motto"])
    merge_text(ws, 3, 0, 3, last, title, st["title"])
    ws.set_row(3, 36)
    merge_text(ws, 4, 0, 4, last, ctx.standard_line, st["subtitle"])
    return 6


def page_setup(
    ctx: Context, ws: Worksheet, header_first: int | None, header_last: int | None
) -> None:
    """A4 landscape, one page wide, header rows repeated, page numbers in the footer."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.center_horizontally()
    if header_first is not None:
        ws.repeat_rows(header_first, header_last)
    ws.set_footer(t("footer", ctx.lang))
    one_page_when_it_fits(ws)


def one_page_when_it_fits(ws: Worksheet) -> None:
    """A sheet (its rows and formats written, printed one page wide) whose rows fit a page of
    Excel's larger estimate (``PAGE_SHARES[1]``) but not its smaller one prints on one page
    tall as well (``fit_to_pages(1, 1)``), without its manual breaks: they were set for the
    smaller page, and LibreOffice, whose page holds more, printed two pages where it fitted
    one (session 49). Excel then prints it at most 6 % smaller (0.96 ÷ 1.02), and only if
    its page is the smaller one; LibreOffice (a smaller scale already) as before. Not a
    sheet with a chart or an image, whose printed rows these are not."""
    if ws.charts or ws.images or ws.dim_colmax is None:
        return
    from pipeline.report.bulk import blocks_of  # bulk imports this module

    blocks = {block.first: block for block in blocks_of(ws)}
    last_row = max([ws.dim_rowmax or 0, *(block.last for block in blocks.values())])
    last_col = ws.dim_colmax
    if ws.print_area_range:  # "'Nà Mòn'!$A$1:$J$40": its last cell
        last_row, last_col = xl_cell_to_rowcol(ws.print_area_range.rpartition(":")[2])
    widths = []
    for col in range(last_col + 1):
        info = ws.col_info.get(col)
        if info is not None and info.hidden:
            pixels = 0
        else:
            pixels = 64 if info is None or info.width is None else info.width  # (8.43: 64 px)
        widths.append((pixels - 5) / 7 if pixels >= 12 else pixels / 12)
    scale = print_scale(widths)
    smaller, larger = (PAGE_HEIGHT_PT * share / scale for share in PAGE_SHARES)
    total, row = 0.0, 0
    while row <= last_row and total <= larger:
        block = blocks.get(row)
        if block is not None:  # (a province's list: its rows summed only until past a page)
            for h in (block.heights or [None] * block.length)[: last_row - row + 1]:
                total += written_height(h or ROW_HEIGHT_PT)
                if total > larger:
                    break
            row = block.last + 1
            continue
        info = ws.row_info.get(row)
        if info is None or not info.hidden:  # (a row without a height: ours, not Excel's 15)
            total += info.height * 0.75 if info is not None and info.height else ROW_HEIGHT_PT
        row += 1
    if smaller < total <= larger:
        ws.set_h_pagebreaks([])
        _SORTED.pop(ws, None)
        ws.fit_to_pages(1, 1)


def text_kept(wb: Workbook) -> None:
    """Tell Excel that the numbers written as text are text on purpose (an ID number's leading
    0, the tables' column numbers, a value as the head typed it): without it each such cell
    shows a green triangle whose 'Convert to Number' drops an ID's 0 (session 48). Here, not in
    ``bulk``, so that the hamlet head's template (``pipeline.template``) marks its sheets too
    without importing pandas."""
    for ws in wb.worksheets():
        ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})


# The rows signature_block writes, the last one holding the chairman's printed name.
SIGNATURE_ROWS = 9


def signature_block(
    ctx: Context, ws: Worksheet, row: int, ncols: int, split: int, left_title: str = "sign.reporter"
) -> int:
    """Preparer (or ``left_title``) on the left, the chairman on the right, undated; return the
    row after it (the chairman's printed name, when the plan gives one, is its last row)."""
    lang, st, plan = ctx.lang, ctx.st, ctx.result.plan
    last = max(ncols - 1, split)
    merge_text(ws, row, split, row, last, t("sign.date", lang), st["sign_note"])
    left = [(left_title, "sign"), ("sign.reporter.note", "sign_note")]
    right = [("sign.org", "sign"), ("sign.chairman", "sign"), ("sign.chairman.note", "sign_note")]
    for i, (key, fmt) in enumerate(left):
        merge_text(ws, row + 1 + i, 0, row + 1 + i, split - 1, t(key, lang), st[fmt])
    for i, (key, fmt) in enumerate(right):
        merge_text(ws, row + 1 + i, split, row + 1 + i, last, t(key, lang), st[fmt])
    names_row = row + SIGNATURE_ROWS - 1
    if plan.reporter and left_title == "sign.reporter":
        merge_text(ws, names_row, 0, names_row, split - 1, plan.reporter, st["sign"])
    if plan.chairman:
        merge_text(ws, names_row, split, names_row, last, plan.chairman, st["sign"])
    return names_row + 1


# A4 landscape less the margins of ``page_setup`` (0.4" sides, 0.5" top, 0.6" bottom; the footer
# prints inside the bottom margin), in points.
PAGE_WIDTH_PT = 841.9 - 0.8 * 72
PAGE_HEIGHT_PT = 595.3 - 1.1 * 72
# Excel gives a row without a height of its own 15 pt, LibreOffice fits it to its font (about
# 14 pt for Times New Roman 11, more with wrapped text), so their pages break at different
# rows. Rows that must paginate predictably get this height, written into the file (15 pt
# itself would not be: it is the default), and a page is assumed to hold between these
# shares of its nominal height.
ROW_HEIGHT_PT = 15.75
PAGE_SHARES = (0.96, 1.02)
# LibreOffice draws a column about 5.7 % wider than Excel (a width of 11 prints 65.0 pt at 100 %,
# Excel's 82 px are 61.5 pt), so a sheet printed one page wide is scaled down further there and
# its pages hold that many more rows: a 60-hamlet 'Nguyên nhân' put 44 rows on a page where the
# estimates above said at most 42, and printed its signature alone on the next page. Pages are
# also laid out at LibreOffice's scale, for this share of the nominal height (a sheet with a
# footer showed between 1.01 and 1.03).
LIBREOFFICE_WIDTH = 1.057
LIBREOFFICE_SHARE = 1.02
# A sheet printed with its row and column headings (``print_row_col_headers``: the feedback
# copy, whose notes say 'Ô H5') prints a column of row numbers left of its columns and a row of
# column letters above its rows, on every page, at the sheet's print scale: LibreOffice's are
# 1 cm and 12.8 pt (its printfun.hxx; rendered: 24.3 pt at 86 %), Excel's no wider for row
# numbers of up to 4 digits, its row 15 pt at most. In the sheet's own points, taken from each
# page's room. Such a sheet prints with Excel's 'Narrow' side margins (0.25"), which give back
# the room of the row numbers at the scales a wide copy prints at (session 30).
HEADINGS_WIDTH_PT = 72 / 2.54
HEADINGS_HEIGHT_PT = 15.0
HEADINGS_SIDE_MARGIN = 0.25
HEADINGS_PAGE_WIDTH_PT = 841.9 - 2 * HEADINGS_SIDE_MARGIN * 72


def column_pixels(width: float) -> int:
    """A column's width in pixels, as Excel (and XlsxWriter) compute it for Calibri 11."""
    return int(width * 12 + 0.5) if width < 1 else int(width * 7 + 0.5) + 5


def print_scale(widths: list[float], stretch: float = 1.0, headings: bool = False) -> float:
    """The scale of a sheet printed one page wide (``fit_to_pages(1, 0)``), a whole percent;
    ``stretch``: how much wider the program draws columns than Excel; ``headings``: printed
    with its row and column headings, and narrow side margins (``HEADINGS_SIDE_MARGIN``)."""
    width_pt = sum(column_pixels(w) for w in widths) * 0.75 * stretch
    page = PAGE_WIDTH_PT
    if headings:
        width_pt += HEADINGS_WIDTH_PT
        page = HEADINGS_PAGE_WIDTH_PT
    if width_pt <= page:
        return 1.0
    return max(0.1, math.floor(page / width_pt * 100) / 100)


MIN_WIDE_SCALE = 0.7  # the smallest scale a sheet wider than a page prints at (see wide_print)


def page_starts(
    widths: list[float],
    repeat: int,
    scale: float,
    stretch: float = LIBREOFFICE_WIDTH,
    headings: bool = False,
) -> list[int]:
    """The columns (0-based) that begin the second, third, … page across when the columns
    ``widths`` print at ``scale``, their first ``repeat`` columns repeated on every page (print
    titles); a page breaks between whole columns. ``stretch`` and ``headings``: as in
    :func:`print_scale` (the row numbers print on every page)."""
    room = HEADINGS_PAGE_WIDTH_PT / scale - HEADINGS_WIDTH_PT if headings else PAGE_WIDTH_PT / scale
    points = [column_pixels(w) * 0.75 * stretch for w in widths]
    titles = sum(points[:repeat])
    starts: list[int] = []
    used = 0.0
    for i, pt in enumerate(points):
        if used + pt > room and used > (titles if starts else 0) and i >= repeat:
            starts.append(i)
            used = titles
        used += pt
    return starts


def _pages_across(
    widths: list[float], repeat: int, scale: float, stretch: float, headings: bool = False
) -> int:
    """How many pages wide the columns ``widths`` print at ``scale`` (see :func:`page_starts`)."""
    return len(page_starts(widths, repeat, scale, stretch, headings)) + 1


def wide_print(widths: list[float], repeat: int = 0, headings: bool = False) -> tuple[float, int]:
    """The print scale (a whole percent) and pages wide of a sheet too wide to print readably
    on one page: the fewest pages wide it prints on at a scale of at least ``MIN_WIDE_SCALE``,
    at the largest scale (up to 100 %) that keeps it on them, in Excel and in LibreOffice
    (which draws columns ``LIBREOFFICE_WIDTH`` wider). ``repeat``: the first columns printed
    again on every page; ``headings``: printed with its row and column headings."""
    steps = [p / 100 for p in range(100, int(MIN_WIDE_SCALE * 100) - 1, -1)]
    for pages in range(1, len(widths) + 1):
        for scale in steps:
            if all(
                _pages_across(widths, repeat, scale, stretch, headings) <= pages
                for stretch in (1.0, LIBREOFFICE_WIDTH)
            ):
                return scale, pages
    return MIN_WIDE_SCALE, len(widths)


def keep_with_table(
    ws: Worksheet,
    widths: list[float],
    last_table_row: int,
    end_row: int,
    repeat: tuple[int, int] | None = None,
    keep: int = 2,
    start: int = 0,
    scale: float | None = None,
    headings: bool = False,
    first: int | None = None,
    groups: Iterable[int] = (),
    title: int | None = None,
) -> None:
    """Keep the rows after a table (its signature block) on the table's last printed page.

    Rows ``start`` … ``end_row`` without a height get ``ROW_HEIGHT_PT``, so that Excel and
    LibreOffice lay the pages out alike. Pagination is then estimated from the row
    heights and the print scale, for a page of 96 % to 102 % of its nominal height; when
    an estimate puts the rows ``last_table_row + 1 … end_row`` on a new page, a manual
    page break is set before the table's last ``keep`` rows, which then print with the
    signature (none where those rows and the ones after fit no page together). Manual
    breaks already on the sheet are kept and counted. ``start``: a row that begins a
    printed page. ``scale``: the sheet's own print scale, where it has one (not printed
    one page wide). ``headings``: printed with its row and column headings. ``first``: the
    table's first row: its section's label, or its first row under its header; given, the
    last ``keep`` rows (from it at the earliest) also go to a new page where an estimate
    would start one among them without a manual break: the last hamlet printed alone with
    the total (session 44). They go from where the smallest estimate begins that page,
    when it is above them and all that follows fits its page (a break below it would leave
    it a page of a row or two); and with the rows above them, from ``first``, where fewer
    than :data:`MIN_TABLE_ROWS` would stay under a section's label (not the header: its page
    would print nothing else) and the section fits with its end (session 44's review).
    ``groups``: the first rows of the table's groups, as for :func:`fix_pages`: the rows that
    go with the signature neither start with a group's last row alone nor leave its first
    alone above them (session 44's leftovers). ``title``: the row of the table's title above
    its header (``repeat``), under other tables: where fewer than :data:`MIN_TABLE_ROWS` of its
    rows would stay under the header on the page before, the table goes whole from its title,
    when that fits every estimate's page with what follows (a short list under the tables
    above printed its title and header alone, its rows on the next page: session 48).
    """
    pages = _Pages(ws, widths, end_row, repeat, start, scale, headings)
    first_kept = last_table_row - keep + 1
    if first is not None:
        first_kept = max(first_kept, first)
    among = first is not None and not any(first_kept < b <= last_table_row for b in pages.breaks)
    if not any(
        last_table_row < s <= end_row or (among and first_kept < s <= last_table_row)
        for starts in pages.layouts
        for s in starts
    ):
        return
    # The latest start, over the estimates, of the page that holds the table's last row.
    table_page = max(max(s for s in starts if s <= last_table_row) for starts in pages.layouts)
    if first_kept <= table_page and not among:
        first_kept = table_page
    if among:
        room = min(pages.capacities) - pages.repeated
        smallest = pages.layouts[pages.capacities.index(min(pages.capacities))]
        low = max(s for s in smallest if s <= last_table_row)
        if first < low < first_kept and pages.height(low, end_row) <= room:
            first_kept = low
        label = first > (repeat[1] + 1 if repeat else start)
        if label and first_kept - first <= MIN_TABLE_ROWS and pages.height(first, end_row) <= room:
            first_kept = first
    if groups:
        above = pages.hbreaks[: bisect_left(pages.hbreaks, first_kept)]
        lowest = (above[-1] if above else max(start, repeat[1] + 1 if repeat else start)) + 1
        first_kept = group_break(first_kept, {*groups, last_table_row + 1}, lowest)
    if (
        title is not None
        and repeat is not None
        and start < title < repeat[0]
        and first_kept - (repeat[1] + 1) < MIN_TABLE_ROWS
        and not any(title < b <= first_kept for b in pages.hbreaks)
        and pages.height(title, end_row) <= min(pages.capacities)
    ):
        pages.add_break(title)
        return
    # Rows that fit no page with the signature even so (the blank template's empty rows
    # between a short list and its signature, in the feedback copy): a break would only part
    # the last rows from the others.
    if pages.height(first_kept, end_row) > max(pages.capacities) - pages.repeated:
        return
    if first_kept > max(start, repeat[1] if repeat else start):
        pages.add_break(first_kept)


# Excel keeps at most 1026 manual page breaks on a sheet; a list longer than this many pages
# is left to each program's own pages.
MOST_FIXED_PAGES = 1000


def fix_pages(
    ws: Worksheet,
    widths: list[float],
    first: int,
    last: int,
    repeat: tuple[int, int] | None = None,
    groups: Iterable[int] = (),
) -> None:
    """Manual page breaks through a long table (rows ``first`` … ``last``), one wherever the
    smallest estimate's page is full, so that Excel and LibreOffice cut it at the same rows and
    :func:`keep_with_table` (call it after) knows the table's last page. Over many pages the
    estimates drift apart from what a program prints: 763 near-poor households of a 45-hamlet
    commune took 26 pages in LibreOffice, whose 26th held the last rows and the signature's
    titles, and its names printed alone on a 27th (session 38). Each page then holds at most
    the smallest estimate's rows, a little less than LibreOffice could. ``groups``: the first
    rows of the table's groups (a hamlet's households); a page does not end with a group's
    first row alone, nor begin with its last row alone: the break goes a row or two up
    (session 44's review: one household of a hamlet alone at a page's foot or head). Nor does
    a page begin among the table's last :func:`end_rows` rows, which print with what ends it
    (the signature; session 45: a last page of two households), where the page above keeps
    :data:`MIN_TABLE_ROWS` rows of the table."""
    pages = _Pages(ws, widths, last, repeat, 0)
    layout = pages.layouts[pages.capacities.index(min(pages.capacities))]
    top = max(s for s in layout if s <= first)  # the page the table starts on
    # Each page found from the last by a search over the rows' running heights: no work per
    # row beyond summing them (a province's list has tens of thousands).
    heights = pages.heights
    running = [0.0, *accumulate(map(heights.__getitem__, range(top, last + 1)))]
    capacity, hbreaks = min(pages.capacities), pages.hbreaks
    groups = set(groups) | {first, last + 1}
    tail = last - end_rows(last - first + 1) + 1  # the first of the rows kept with the end
    starts, page = [], top
    while True:
        used = pages.repeated if repeat and page > repeat[1] else 0.0
        # the first row that does not fit the page (at least one row does)
        end = bisect_right(running, capacity - used + running[page - top]) - 1 + top
        end = max(end, page + 1)
        manual = bisect_right(hbreaks, page)
        if manual < len(hbreaks) and hbreaks[manual] <= end:
            end = hbreaks[manual]
        elif end <= last:
            if tail < end and tail - max(page, first) >= MIN_TABLE_ROWS:
                end = tail
            end = group_break(end, groups, max(page, first) + 1)  # a page keeps a table row
        if end > last:
            break
        starts.append(end)
        page = end
    starts = [row for row in starts if first < row <= last]
    if not starts or len(starts) > MOST_FIXED_PAGES:
        return
    hbreaks = _sorted_breaks(ws)
    breaks = sorted({*hbreaks, *starts})
    ws.set_h_pagebreaks(breaks)
    _SORTED[ws] = (breaks, len(breaks))


def group_break(row: int, groups: set[int], lowest: int) -> int:
    """Where a page that would start at ``row`` starts instead so that it does not begin with
    a group's last row alone nor leave a group's first row alone at the foot of the page
    before: a row or two up, not above ``lowest``. ``groups``: the groups' first rows, with
    the row after the table's last."""
    if row not in groups and row + 1 in groups and row - 1 >= lowest:
        row -= 1  # a group's last row alone at the head
    if row - 1 in groups and row not in groups and row - 1 >= lowest:
        row -= 1  # a group's first row alone at the foot
    return row


def first_rows(first: int, count: int, groups: Iterable[int]) -> int:
    """How many of a table's ``count`` rows (from row ``first``) print under its header on the
    page it starts: :data:`MIN_TABLE_ROWS`, or more where :func:`group_break` would move a cut
    after them up (a group's first row alone at the foot; with ``fix_pages``, the page held the
    header and two rows, a whole hamlet: session 46). At most ``count``."""
    marks = {*groups, first + count}
    kept = min(MIN_TABLE_ROWS, count)
    while kept < count and group_break(first + kept, marks, first + 1) != first + kept:
        kept += 1
    return kept


def keep_together(
    ws: Worksheet,
    widths: list[float],
    first: int,
    last: int,
    repeat: tuple[int, int] | None = None,
    start: int = 0,
) -> None:
    """Start a new printed page at ``first`` when the rows ``first`` … ``last`` (a section: its
    label, rows and totals) would be split over two pages but fit on one, so that no page
    holds a section's rows without its label. A section longer than a page starts one at
    ``first`` where an estimate would leave its label with fewer than :data:`MIN_TABLE_ROWS`
    rows at a page's foot (session 44's leftovers: 'II.' and one or two hamlets). Pagination
    is estimated as in :func:`keep_with_table`; call this before it for the rows above the
    signature."""
    pages = _Pages(ws, widths, last, repeat, start)
    if not any(first < s <= last for starts in pages.layouts for s in starts):
        return
    height = pages.height(first, last)
    fits = height <= pages.capacity(PAGE_SHARES[0]) - pages.repeated
    foot = any(first < s <= first + MIN_TABLE_ROWS for starts in pages.layouts for s in starts)
    if (fits or foot) and first > start:
        pages.add_break(first)


def page_capacities(
    widths: list[float], scale: float | None = None, headings: bool = False
) -> list[float]:
    """A printed page's height in the sheet's own points (before the print scale) for each
    estimate: Excel's of ``PAGE_SHARES``, then LibreOffice's at its smaller scale, when it
    has one (its columns drawn ``LIBREOFFICE_WIDTH`` wider). ``scale``: a sheet's own print
    scale, the same in both (not printed one page wide). ``headings``: printed with its row
    and column headings (the letters' row is taken from every page)."""
    less = HEADINGS_HEIGHT_PT if headings else 0.0
    if scale is not None:
        shares = (*PAGE_SHARES, LIBREOFFICE_SHARE)
        return [PAGE_HEIGHT_PT * share / scale - less for share in shares]
    scale = print_scale(widths, headings=headings)
    capacities = [PAGE_HEIGHT_PT * share / scale - less for share in PAGE_SHARES]
    office_scale = print_scale(widths, LIBREOFFICE_WIDTH, headings)
    if office_scale < scale:
        capacities.append(PAGE_HEIGHT_PT * LIBREOFFICE_SHARE / office_scale - less)
    return capacities


# Rows a table keeps under its header at a page's foot before it rather starts the next page.
MIN_TABLE_ROWS = 3
# A table's last rows that start a page with what ends it (its total, notes, signature), where
# that does not fit on the page under the others: not its last row alone (session 42).
END_ROWS = 3


def end_rows(count: int) -> int:
    """How many of a table's ``count`` rows print on the page of what ends it (its total,
    notes, signature): its last :data:`END_ROWS`, not its first row (whose page holds the
    header) unless it is the only one."""
    return count - min(count - 1, max(1, count - END_ROWS))


def end_room(heights: list[float], i: int, tail: float) -> float:
    """The height that must print on one page from row ``i`` of a table whose rows are
    ``heights`` high and are followed by ``tail`` points that print with its last rows: row
    ``i`` alone, or, from the first of its last :data:`END_ROWS` rows on (never its first row,
    whose page holds the header), row ``i``, the rows after it and the tail (for
    :meth:`PageFlow.keep`)."""
    first = len(heights) - end_rows(len(heights))
    return heights[i] + (sum(heights[i + 1 :]) + tail if i >= first else 0.0)


# The most of a page a table may leave empty by carrying its last rows to the page of its end
# (:func:`end_room_filled`): the groups' table of 'Nguyên nhân', two rows a hamlet, carried
# three hamlets and left a third of its page empty (session 59).
MAX_EMPTY_SHARE = 0.25


def end_room_filled(heights: list[float], i: int, tail: float, room: float, page: float) -> float:
    """:func:`end_room`, but a page filled before it breaks: a row of the last :data:`END_ROWS`
    (not the table's last) that fits the ``room`` left on its page stays there where carrying
    it and the rows after it to the page of the table's end would leave more than
    :data:`MAX_EMPTY_SHARE` of the ``page`` empty; the last row always goes with the end."""
    need = end_room(heights, i, tail)
    if (
        need > room
        and i < len(heights) - 1
        and heights[i] <= room
        and room > page * MAX_EMPTY_SHARE
    ):
        return heights[i]
    return need


class PageFlow:
    """A sheet's printed pages laid out while its rows are written, so that a table longer than
    a page can repeat its header rows by hand where a page continues it (one range of print
    titles a sheet cannot serve several tables: docs/decisions.md, session 17).

    The rows ``start`` … are laid out as :class:`_Pages` lays them out, for each of its
    estimates at once (Excel's pages of 96 % and 102 % of the nominal height, and LibreOffice's
    at its smaller scale, when it has one), none of them under print titles. :meth:`keep`
    starts a new page (a manual break) before rows that would not fit the room any estimate
    has left: after such a break every estimate starts its page there, so a table whose pages
    all begin at these breaks is cut at the same rows in Excel and LibreOffice, and never
    elsewhere. Rows laid out without a height get ``ROW_HEIGHT_PT``, written into the file."""

    def __init__(self, ws: Worksheet, widths: list[float], start: int = 0, title: int = 0):
        self.ws = ws
        # The row after the sheet's title block: a table under it alone is not moved off its
        # page (:meth:`table_start`).
        self.title = title
        self.capacities = page_capacities(widths)
        # The most a page holds in every estimate.
        self.page = min(self.capacities)
        self.used = [0.0] * len(self.capacities)
        self.row = start  # the first row not laid out yet
        self.top = start  # where the current page's own rows begin (after a repeated header)
        self.starts = [start] * len(self.capacities)  # each estimate's current page's first row
        self.columns = len(widths)  # the columns that print

    def height(self, row: int) -> float:
        """A row's height in points as written (``ROW_HEIGHT_PT`` set when it has none)."""
        info = self.ws.row_info.get(row)
        if info is None or not info.height:
            self.ws.set_row(row, ROW_HEIGHT_PT)
            info = self.ws.row_info[row]
        return info.height * 0.75

    def to(self, row: int) -> None:
        """Lay out the rows written up to ``row`` (not included)."""
        if row <= self.row:
            return
        breaks = set(_sorted_breaks(self.ws))
        used, capacities = self.used, self.capacities
        for r in range(self.row, row):
            h = self.height(r)
            if r in breaks:
                used[:] = [0.0] * len(used)
                self.top = r
                self.starts = [r] * len(used)
            for i, capacity in enumerate(capacities):
                if used[i] and used[i] + h > capacity:
                    used[i] = 0.0
                    self.starts[i] = r
                used[i] += h
        self.row = row

    def room(self) -> float:
        """The height left on the current page in every estimate, in the sheet's points."""
        return min(c - u for c, u in zip(self.capacities, self.used, strict=True))

    def new_page(self, row: int) -> None:
        """A manual page break before ``row`` (rows above it laid out); or before the empty
        rows above it that an estimate has already put on a page of their own, which would
        print as an empty page (the empty row under a section that just missed its page)."""
        self.to(row)
        at = min((s for s in self.starts if self.top < s < row and self._empty(s, row)),
                 default=row)  # fmt: skip
        add_break(self.ws, at)
        self.used = [sum(self.height(r) for r in range(at, row))] * len(self.used)
        self.top = at
        self.starts = [at] * len(self.used)

    def _empty(self, first: int, end: int) -> bool:
        """Whether rows ``first`` … ``end - 1`` hold no cell in the columns that print (a blank
        cell with a format, a border, counts as a cell)."""
        table = self.ws.table
        return not any(
            any(col < self.columns for col in table.get(r, ())) for r in range(first, end)
        )

    def keep(self, row: int, height: float, header=None) -> int:
        """Before writing at ``row`` rows ``height`` points tall that must print on one page:
        when the current page has no room for them, start a new page at ``row`` and, given
        ``header`` (a function writing a table's header rows at a row and returning the row
        after them), repeat the header there. Return the row where the rows go."""
        self.to(row)
        hbreaks = _sorted_breaks(self.ws)
        at = bisect_left(hbreaks, row)
        if row == self.top or height <= self.room() or hbreaks[at : at + 1] == [row]:
            return row
        self.new_page(row)
        if header is not None:
            row = header(row)
            self.to(row)
            self.top = row
        return row

    def table_start(self, row: int, lead: float, unit: float, whole: float) -> int:
        """Before a table whose first ``lead`` points (its title and header) go at ``row``,
        followed by rows of ``unit`` points, ``whole`` points in all: start a new page there
        when the table fits a page but not the room left (unless only the sheet's title block
        is above it on its page, which would print alone: session 42's review), or when the
        room does not hold its header and :data:`MIN_TABLE_ROWS` rows."""
        alone = self.top == 0 and row <= self.title
        need = whole if whole <= self.page and not alone else lead + MIN_TABLE_ROWS * unit
        return self.keep(row, need)


class _Pages:
    """The printed pages of rows ``start`` … ``end_row`` as estimated for each of
    ``PAGE_SHARES`` (and at LibreOffice's smaller scale, when it has one): ``layouts`` holds
    each estimate's first rows of pages. Rows without a
    height get ``ROW_HEIGHT_PT`` (written into the file)."""

    def __init__(
        self,
        ws: Worksheet,
        widths: list[float],
        end_row: int,
        repeat: tuple[int, int] | None,
        start: int,
        scale: float | None = None,
        headings: bool = False,
    ):
        from pipeline.report.bulk import blocks_of  # bulk imports this module

        self.ws = ws
        # In points, as written (XlsxWriter keeps row heights in whole pixels). Rows of a
        # household block (pipeline.report.bulk) carry their heights in the block.
        heights: dict[int, float] = {}
        for block in reversed(blocks_of(ws)):
            if block.last < start:
                break
            if block.heights is None:
                block.heights = [None] * block.length
            block_heights, first = block.heights, block.first
            lo, hi = max(first, start), min(block.last, end_row)
            if lo > hi:
                continue
            # Rows without a height get ROW_HEIGHT_PT, as set_row gives the other rows below.
            own = [
                ROW_HEIGHT_PT if h is None else h
                for h in block_heights[lo - first : hi - first + 1]
            ]
            block_heights[lo - first : hi - first + 1] = own
            heights.update(zip(range(lo, hi + 1), map(written_height, own), strict=True))
        row_info = ws.row_info
        for row in range(start, end_row + 1):
            if row in heights:
                continue
            info = row_info.get(row)
            if info is None or not info.height:
                ws.set_row(row, ROW_HEIGHT_PT)
            heights[row] = row_info[row].height * 0.75
        self.heights = heights
        self.repeated = sum(heights.get(r, ROW_HEIGHT_PT) for r in range(*_span(repeat)))
        # Only the breaks among these rows matter; a sheet with a page per hamlet has thousands.
        hbreaks = _sorted_breaks(ws)
        self.hbreaks = hbreaks
        breaks = set(hbreaks[bisect_left(hbreaks, start) : bisect_right(hbreaks, end_row)])
        self.breaks = breaks
        self.scale = scale if scale is not None else print_scale(widths, headings=headings)

        def page_starts(capacity: float) -> list[int]:
            used, starts = 0.0, [start]
            for row in range(start, end_row + 1):
                h = heights[row]
                if row in breaks or (used + h > capacity and row > starts[-1]):
                    starts.append(row)
                    # The repeated rows print on the pages after the one holding them only.
                    used = self.repeated if repeat and row > repeat[1] else 0.0
                used += h
            return starts

        capacities = page_capacities(widths, scale, headings)
        self.capacities = capacities
        self.layouts = [page_starts(capacity) for capacity in capacities]

    def height(self, first: int, last: int) -> float:
        """The height of rows ``first`` … ``last``, in the sheet's own points."""
        return sum(self.heights[row] for row in range(first, last + 1))

    def capacity(self, share: float) -> float:
        """A page's printable height in the sheet's own points (before the print scale)."""
        return PAGE_HEIGHT_PT * share / self.scale

    def add_break(self, row: int) -> None:
        """A manual page break before ``row``, among those already set."""
        if row not in self.breaks:
            add_break(self.ws, row)


def add_break(ws: Worksheet, row: int) -> None:
    """A manual page break before ``row``, among those already set on the sheet."""
    hbreaks = _sorted_breaks(ws)
    at = bisect_left(hbreaks, row)
    if at < len(hbreaks) and hbreaks[at] == row:
        return
    breaks = [*hbreaks[:at], row, *hbreaks[at:]]
    ws.set_h_pagebreaks(breaks)
    _SORTED[ws] = (breaks, len(breaks))


# Per sheet, its list of manual breaks and how many of its first items are known to be in
# order: a sheet with a page per hamlet has thousands, and is asked once per hamlet.
_SORTED: WeakKeyDictionary[Worksheet, tuple[list[int], int]] = WeakKeyDictionary()


def _sorted_breaks(ws: Worksheet) -> list[int]:
    """The sheet's manual page breaks in order: its own list when it is (as is usual), else a
    sorted copy without repeats. Breaks are only appended to a sheet's list
    (``public_list._break_above``) or the list is replaced (``set_h_pagebreaks``), so items
    once found in order stay so and only those appended since are looked at."""
    hbreaks = ws.hbreaks
    known, checked = _SORTED.get(ws, (None, 0))
    if known is not hbreaks or checked > len(hbreaks):
        checked = 0
    if all(map(le, hbreaks[max(0, checked - 1) : -1], hbreaks[max(1, checked) :])):
        _SORTED[ws] = (hbreaks, len(hbreaks))
        return hbreaks
    return sorted(set(hbreaks))


@lru_cache(maxsize=1024)
def written_height(points: float) -> float:
    """A row height as XlsxWriter writes it: whole pixels, back in points."""
    return int(points * 4.0 / 3.0 + 0.5) * 0.75


def _span(rows: tuple[int, int] | None) -> tuple[int, int]:
    return (rows[0], rows[1] + 1) if rows else (0, 0)
