"""The run as the sheets see it, and cell helpers: input text stays text, blanks stay blank."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pandas as pd
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline import lazyre
from pipeline.report.labels import WORD_PAIRS, incomplete_key, t
from pipeline.report.styles import (
    BOLD_LETTERS,
    BOLD_TEXT_MARGIN,
    LIBREOFFICE_WIDTH,
    REGULAR_LETTERS,
    ROW_HEIGHT_PT,
    Styles,
    column_pixels,
    merge_text,
    text_pixels,
    written_height,
)
from pipeline.text import point_places, small_said
from pipeline.types import RunResult

# A header spec item: a label spanning both header rows, or (parent, [children]).
HeaderItem = str | tuple[str, list[str]]


class Context:
    """The workbook being written, its formats and the run it reports. A plain class, not a
    dataclass (its methods compiled at every import): session 33."""

    def __init__(self, wb: Workbook, st: Styles, result: RunResult) -> None:
        self.wb = wb
        self.st = st
        self.result = result
        # What several sheets work out from the run alike (e.g. the counted households), once.
        self.cache: dict = {}

    @property
    def lang(self) -> str:
        return self.result.lang

    @property
    def summary(self) -> dict:
        return self.result.summary

    @property
    def totals(self) -> dict:
        return self.summary.get("totals") or {}

    @property
    def hamlets(self) -> list[dict]:
        return list(self.summary.get("hamlets") or [])

    @property
    def commune(self) -> str:
        return str(self.summary.get("commune") or self.result.plan.commune)

    @property
    def year(self) -> int:
        return int(self.result.period[:4])

    @property
    def month(self) -> int:
        return int(self.result.period[5:7])

    @property
    def plan_year(self) -> int:
        return int(self.summary.get("plan_year") or self.result.plan.plan_year or self.year)

    @property
    def standard(self) -> str:
        """The poverty standard of the month ('2022-2025', '2027-2030')."""
        return self.summary.get("standard") or self.result.plan.standard

    @property
    def standard_line(self) -> str:
        area = self.summary.get("area") or self.result.plan.area or "rural"
        return t("standard_line", self.lang, standard=self.standard,
                 area=t(f"area.{area}", self.lang))  # fmt: skip

    @property
    def reporting_counts(self) -> tuple[int, int]:
        """(accepted, expected) hamlets, from the JSON summary."""
        rep = self.summary.get("reporting") or {}
        hamlets = self.hamlets
        accepted = rep.get("accepted", sum(1 for h in hamlets if h.get("status") == "ok"))
        return int(accepted), int(rep.get("expected", len(hamlets)))

    def hamlet_order(self) -> dict[str, int]:
        """Plan position of each hamlet (the JSON summary lists them in plan order)."""
        names = [h["hamlet"] for h in self.hamlets] or self.result.plan.hamlet_names
        return {name: i for i, name in enumerate(names)}


def missing(value: Any) -> bool:
    """True for None, NaN and pandas NA."""
    if value is None:
        return True
    # The usual plain values first: pandas' isna costs a microsecond a scalar.
    kind = type(value)
    if kind is str or kind is int:
        return False
    if kind is float:
        return value != value
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def as_text(value: Any) -> str:
    if type(value) is str:
        return value
    if missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def put_text(ws: Worksheet, row: int, col: int, value: Any, fmt: Format | None = None) -> None:
    """Write input text as a string cell, so '=…' or '+84…' is never read as a formula.

    Empty text becomes a formatted blank cell rather than an empty string.
    """
    text = as_text(value)
    if text:
        ws.write_string(row, col, text, fmt)
    else:
        ws.write_blank(row, col, None, fmt)


EXACT_INT = 2**53  # integers below this are exact as floats


def number(value: Any) -> int | float | None:
    """A plain Python number (numpy and pandas scalars unwrapped), or None when missing."""
    kind = type(value)
    if kind is int and -EXACT_INT < value < EXACT_INT:
        return value  # what float() and back give it
    if kind is float:
        if value - value != 0:  # NaN and infinities
            return None
        return int(value) if value.is_integer() else value
    if missing(value) or isinstance(value, bool):
        return None
    value = float(value)
    if math.isinf(value):
        return None
    return int(value) if value.is_integer() else value


def put_num(ws: Worksheet, row: int, col: int, value: Any, fmt: Format | None = None) -> None:
    """Write a number, or a formatted blank when the figure is missing."""
    n = number(value)
    if n is None:
        ws.write_blank(row, col, None, fmt)
    else:
        ws.write_number(row, col, n, fmt)


def put_figure(ctx: Context, ws: Worksheet, row: int, col: int, value: Any, name: str) -> None:
    """A change of rate in points or a progress in % (its number kept) shown as
    text.small_figure writes it, in the format ``name`` (Styles.figure: '0,0013', 'dưới
    0,0001', not 0,00): 'Tổng hợp', 'Theo xóm' and 'Xu hướng' alike (sessions 49 and 50)."""
    n = number(value)
    put_num(ws, row, col, value, ctx.st[name] if n is None else ctx.st.figure(name, n, ctx.lang))


def figure_width(value: Any, lang: str, after: str = "", bold: bool = False) -> float:
    """The column width (Excel's units, to the next half unit) a figure :func:`put_figure`
    writes needs on one line, as its number format shows it: two decimals, point_places'
    four, or small_said's words ('under 0.0001'), then ``after`` (' (*)'); 0 for no figure.
    Excel shows '###' where a number's text does not fit (session 50's review)."""
    n = number(value)
    if n is None:
        return 0.0
    said = small_said(n, lang)
    shown = said if said is not None else f"{n:.{point_places(n)}f}"
    return math.ceil(header_word_width(f"{shown}{after}", bold=bold) * 2) / 2


# Each ASCII digit read as '0' (every digit is half an em in Times New Roman): a column of codes
# is measured by its few shapes ('TL.00.000'), not code by code.
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
# The widest a code column grows: a note typed into 'Mã hộ' is cut there, not a page widened.
MAX_CODE_WIDTH = 24.0


def codes_width(values: Iterable[Any], width: float, cap: float = MAX_CODE_WIDTH) -> float:
    """The width (Excel's units) of a column of codes written on one line, never wrapped:
    ``width``, or, wider, the widest text's in regular Times New Roman 11
    (:func:`header_word_width`) to the next half unit, at most ``cap`` (:data:`MAX_CODE_WIDTH`).
    A code cut at the next cell reads as another household's ('00120400000' of '001204000001':
    session 54)."""
    # all joined and translated at once, not code by code (a province's list)
    values = list(values)
    try:
        joined = "\x00".join(values)
    except TypeError:  # a household without a code (None, NaN)
        joined = "\x00".join(v for v in values if v.__class__ is str)
    shapes = set(joined.translate(_DIGITS_AS_ZERO).split("\x00")) if joined else ()
    widest = max((header_word_width(shape, bold=False) for shape in shapes), default=0.0)
    return max(width, min(math.ceil(widest * 2) / 2, cap))


LINE_HEIGHT = 15.0
MAX_ROW_HEIGHT = 409.0  # Excel's largest row height in points; taller asks Excel to repair
# Times New Roman 11 fits about this many characters per unit of column width: a rough rule
# the tests read; no column is sized by it since session 56 (the feedback copy's texts,
# headers, numbers and dates are measured letter by letter, sessions 54 to 56, as wrapped text
# is, :func:`text_lines`).
CHARS_PER_WIDTH = 1.1
# Pixels (96 dpi) of a thousandth of an em of the body's Times New Roman 11, drawn as Excel
# draws it (:data:`styles.BOLD_TEXT_MARGIN`), as :func:`styles.text_pixels` counts them.
UNIT_PIXELS = 11 * 96 / 72 * BOLD_TEXT_MARGIN / 1000
# The widest letter (thousandths of an em) :func:`text_lines` measures: a text of no more
# letters than its line holds of these is one line without measuring.
WIDEST_LETTER = 1000


def fit_row(ws: Worksheet, row: int, cells: list[tuple[Any, float]], bold: bool = False) -> float:
    """Make a row tall enough for its wrapped text cells, given as (text, column width);
    ``bold``: the cells are bold (a header row, a bold line), measured so (session 55).

    Spreadsheet viewers do not all grow rows for wrapped text on opening, so the height
    is estimated here (its words wrapped, measured letter by letter). Returns the row's
    height in points.
    """
    lines = wrapped_lines(cells, bold)
    height = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)
    if lines > 1:
        ws.set_row(row, height)
    return height


def fitted_height(cells: list[tuple[Any, float]]) -> float:
    """The height of a row holding ``cells`` (wrapped texts) as written: :func:`fit_row`'s for
    wrapped text, else the height ``PageFlow`` gives a row without one."""
    lines = wrapped_lines(cells)
    return written_height(min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT) if lines > 1 else ROW_HEIGHT_PT)


def name_height(value: Any, width: float) -> float:
    """The height in points of a row whose hamlet name ``value`` wraps in a column of
    ``width``: ``ROW_HEIGHT_PT`` for a name on one line, else its lines (as :func:`fit_row`)."""
    lines = wrapped_lines([(value, width)])
    return written_height(ROW_HEIGHT_PT if lines == 1 else min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT))


def put_name(ws: Worksheet, row: int, col: int, value: Any, st: Styles, width: float) -> float:
    """Write a hamlet's name in a table's column of ``width``: a name too long for one line
    (a merged commune's 'Xóm Khuôn Thính Thượng – Khu tái định cư') wraps and its row grows to
    hold its lines, never lower than the row already is; it was cut at the next column
    (session 38). Returns the row's height in points."""
    height = name_height(value, width)
    put_text(ws, row, col, value, st["wrap"] if height > ROW_HEIGHT_PT else st["text"])
    info = ws.row_info.get(row)
    now = info.height * 0.75 if info is not None and info.height else 0.0
    if height > ROW_HEIGHT_PT and height > now:
        ws.set_row(row, height)
    return max(height, now)


def header_word_width(word: str, size: float = 11.0, bold: bool = True) -> float:
    """The column width (Excel's units) a bold (or regular) Times New Roman word of ``size``
    points needs on one line (:func:`styles.text_pixels`: a width w draws 7 w + 5 pixels)."""
    return (text_pixels(word, size, bold) - 5) / 7


def header_words_fit(widths: list[float], texts: dict[int, str]) -> list[float]:
    """``widths`` with each column ``texts`` names (column → its header text, wrapped) widened,
    to a whole or half unit, where the text's longest word would not fit on a line: Excel (and
    LibreOffice) then break the word inside ("Househol/ds"). Words break at spaces, hyphens and
    slashes (session 25); a Vietnamese word of two syllables (:func:`header_units`: 'Chất
    lượng') is one word (session 42). A column whose lines (:func:`header_lines`) leave a
    syllable alone on a line after the first ('Nhà tiêu' / 'hợp' / 'vệ sinh') is widened by
    half units, at most :data:`LONE_SYLLABLE_UNITS`, to the first width that does not (session
    42's review: 'Nhà tiêu' / 'hợp vệ sinh')."""
    fitted = list(widths)
    for col, text in texts.items():
        words = [w for unit in header_units(text) for w in re.split(r"[/]+|(?<=-)", unit)]
        need = max((header_word_width(w) for w in words if w), default=0.0)
        if need > fitted[col]:
            fitted[col] = math.ceil(need * 2) / 2
        wider = (fitted[col] + step / 2 for step in range(int(2 * LONE_SYLLABLE_UNITS) + 1))
        fitted[col] = next((w for w in wider if not _lone_syllable(text, w)), fitted[col])
    return fitted


# The most a column is widened so that its header leaves no syllable alone on a line.
LONE_SYLLABLE_UNITS = 1.5


def _lone_syllable(text: str, width: float) -> bool:
    """Whether ``text``'s lines in a column ``width`` wide (:func:`header_lines`) put a lone
    syllable (one word of lowercase letters: 'của', 'hợp') on a line after the first."""
    lines = header_lines(text, column_pixels(width)).split("\n")
    return any(line.isalpha() and line.islower() for line in lines[1:])


def _wrapped(units: list[str], pixels: float) -> list[str]:
    """``units`` (words, or words of a pair) wrapped on lines of ``pixels``, as Excel wraps
    words: each line as many as fit (:func:`styles.text_pixels`, bold), a unit too long alone
    on its own line."""
    lines: list[str] = []
    for unit in units:
        if lines and text_pixels(f"{lines[-1]} {unit}") <= pixels:
            lines[-1] = f"{lines[-1]} {unit}"
        else:
            lines.append(unit)
    return lines


def header_units(text: str, pixels: float | None = None) -> list[str]:
    """``text``'s words, a word of two syllables (:data:`labels.WORD_PAIRS`: 'Bảo hiểm', 'y
    tế') as one where it fits ``pixels`` (any width, without)."""
    words = text.split()
    units: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if (
            i + 1 < len(words)
            and _pair_key(pair) in WORD_PAIRS
            and (pixels is None or text_pixels(pair) <= pixels)
        ):
            units.append(pair)
            i += 2
        else:
            units.append(words[i])
            i += 1
    return units


def header_lines(text: str, pixels: float, upright: bool = False, room: int = 0) -> str:
    """A wrapped header's ``text`` for a cell of ``pixels`` (its columns' width in Excel; turned
    ``upright``: its row's height): where Excel or LibreOffice (its columns 5.7 % wider) would
    wrap it inside a word of two syllables (:func:`header_units`: 'Bảo hiểm y' / 'tế'), its
    lines written out, each such word whole ('Bảo hiểm\\ny tế'), where that takes no more
    lines than Excel's own wrapping or the ``room`` lines the cell's height holds; else
    unchanged. The lines are fitted to Excel's columns, the narrower: LibreOffice's wrap them
    no further (session 42)."""
    if "\n" in text:
        return text
    units = header_units(text, pixels)
    words = text.split()
    if len(units) == len(words):  # no such word (English): as the programs wrap it
        return text
    # where the text is as wide as the font draws it (no hinting margin), in Excel and in
    # LibreOffice, its columns wider
    wider = BOLD_TEXT_MARGIN * (1.0 if upright else LIBREOFFICE_WIDTH)
    if not any(_cuts_a_pair(units, pixels * stretch) for stretch in (BOLD_TEXT_MARGIN, wider)):
        return text
    kept = _wrapped(units, pixels)
    return "\n".join(kept) if len(kept) <= max(len(_wrapped(words, pixels)), room) else text


def _cuts_a_pair(units: list[str], pixels: float) -> bool:
    """Whether the words of ``units`` wrapped on lines of ``pixels`` part a unit's two words."""
    lines = _wrapped([w for unit in units for w in unit.split(" ")], pixels)
    starts, at = set(), 0
    for line in lines:
        starts.add(at)
        at += len(line.split(" "))
    at = 0
    for unit in units:
        if " " in unit and at + 1 in starts:
            return True
        at += len(unit.split(" "))
    return False


def _pair_key(pair: str) -> str:
    """A word of two syllables as :data:`labels.WORD_PAIRS` holds it: NFC, case-folded, without
    the punctuation around it ('công cụ,')."""
    return unicodedata.normalize("NFC", pair).strip(",.;:()").casefold()


def header_texts(items: list[HeaderItem], first: int = 0) -> dict[int, str]:
    """Column → the header text in that column's own cell (a single's, or a child's), for
    :func:`header_words_fit`; a parent spans its children and is left out."""
    texts: dict[int, str] = {}
    col = first
    for item in items:
        if isinstance(item, str):
            texts[col] = item
            col += 1
            continue
        for child in item[1]:
            texts[col] = child
            col += 1
    return texts


def wrapped_lines(cells: list[tuple[Any, float]], bold: bool = False) -> int:
    """The lines of the longest of ``cells`` ((text, column width)) wrapped, as fit_row
    counts them (:func:`text_lines`; ``bold``: the cells are bold)."""
    return max((text_lines(as_text(text), width, bold) for text, width in cells), default=1)


def line_room(width: float, size: float = 11.0) -> int:
    """The thousandths of an em of Times New Roman 11 (or of ``size`` points) a line of a
    wrapped column of ``width`` holds: a text fits where :func:`styles.text_pixels` (its
    padding with it) is no wider than the column's pixels, as a header's word is fitted
    (session 25)."""
    unit = UNIT_PIXELS if size == 11.0 else UNIT_PIXELS * size / 11.0
    return max(0, int((column_pixels(width) - 3) / unit))


def merged_width(widths: Iterable[float]) -> float:
    """The width (Excel's units) of one column as wide as ``widths`` merged: their pixels
    (:func:`styles.column_pixels`) less a column's padding, as :func:`line_room` reads it."""
    return (sum(column_pixels(w) for w in widths) - 5) / 7


def text_lines(text: str, width: float, bold: bool = False, size: float = 11.0) -> int:
    """The lines ``text`` takes wrapped in a column of ``width``, as Excel and LibreOffice wrap
    it: each paragraph's words on a line while they fit, measured letter by letter (regular
    Times New Roman 11, :func:`styles.text_units`: 'Hoàng Văn NM1 – Đồng Mỏ', 23 letters,
    takes two lines of a 22-wide column, 'Ít đất, thiếu việc', 18 narrow ones, one of a
    16-wide), a word broken after a hyphen where its part fits (session 57), a part wider
    than a line between its letters. Counted by
    length before (1.1 letters a width), a text of many capitals was given a line too few and
    its last word cut (session 54). ``bold``: measured at bold Times New Roman's advances,
    ``size``: of that many points (a title: :data:`styles.TITLE_SIZE`; session 55)."""
    room = line_room(width, size)
    if len(text) * WIDEST_LETTER <= room and "\n" not in text:
        return 1  # clearly shorter than a line: not measured (a province's lists)
    return wrap_count(text, room, bold)


@lru_cache(maxsize=65536)
def wrap_count(text: str, room: int, bold: bool = False) -> int:
    """The lines of :func:`text_lines` for a line of ``room`` thousandths of an em
    (:func:`line_room`), regular or ``bold``; remembered: the same cause or note recurs on many
    rows. A word's parts after its hyphens go on a line while they fit, as Excel and
    LibreOffice break them ('XOM-NAMON-BANCO-DONGKE-LANGMON' in a 13-wide column: 'XOM-' /
    'NAMON-' / 'BANCO-' / 'DONGKE-' / 'LANGMON'; its letters packed into four lines before,
    session 57)."""
    units = (BOLD_LETTERS if bold else REGULAR_LETTERS).__getitem__
    space = units(" ")
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        at: int | None = None  # the units on the paragraph's last line, None before a word
        for word in paragraph.split(" "):
            need = sum(map(units, word))
            if at is not None and at + space + need <= room:
                at += space + need  # the whole word on the line (its parts with it)
                continue
            parts = _HYPHEN_PARTS.findall(word) if "-" in word else (word,)
            gap = space  # before the word's first part; its next follow their hyphens
            for part in parts:
                if len(parts) > 1:
                    need = sum(map(units, part))
                if at is not None and at + gap + need <= room:
                    at += gap + need
                    gap = 0
                    continue
                gap = 0
                if at is not None:
                    count += 1  # the part starts the next line
                if need <= room:
                    at = need
                    continue
                at = 0  # wider than a line: broken between letters, as the programs break it
                for ch in part:
                    letter = units(ch)
                    if at and at + letter > room:
                        count += 1
                        at = 0
                    at += letter
    return count


# A word's parts as Excel and LibreOffice break it: after each hyphen ('NAMON-', '2024-',
# 'XOM3-', '000006'), where a line holds the part (session 57).
_HYPHEN_PARTS = lazyre.compile(r"[^-]*-|[^-]+")


def incomplete_note(ctx: Context) -> str | None:
    """The note under the 'Theo xóm' and 'Biến động' tables naming the hamlets whose figures
    lack a list sent apart (session 25; their status cell says only "Chưa đủ hộ"), or None."""
    named = [
        t(incomplete_key("note.incomplete.hamlet", f["incomplete"]), ctx.lang,
          hamlet=f.get("hamlet"), written=f["incomplete"]["hamlet_written"])
        for f in ctx.hamlets if f.get("incomplete")
    ]  # fmt: skip
    return t("note.incomplete", ctx.lang, hamlets="; ".join(named)) if named else None


def not_consolidated(fig: dict) -> bool:
    """Whether a hamlet's row has no figures of the period: its list not sent or refused (not
    one whose figures lack a list sent apart, shown though not summed). 'Thiếu hụt' and
    'Nguyên nhân' say its status across the row's counts (session 52)."""
    return fig.get("status") in ("missing", "rejected") and not fig.get("incomplete")


def met_label(ctx: Context, met: Any) -> str:
    return "" if missing(met) else t(f"met.{str(bool(met)).lower()}", ctx.lang)


def cell(row: int, col: int) -> str:
    return xl_rowcol_to_cell(row, col)


# Pieces a SUM names one by one. Excel and LibreOffice take at most 255 arguments (and Excel a
# formula of at most 8,192 characters): a province's 2,000 hamlets with gaps between them need
# one range instead.
MAX_SUM_PARTS = 30


def sum_formula(
    col: int,
    rows: list[int],
    only: tuple[int, str] | None = None,
    runs: list[tuple[int, int]] | None = None,
    shown: list[int] | None = None,
) -> str:
    """``=SUM(E8:E9,E11)`` over the given rows of one column, contiguous rows as ranges.

    Past :data:`MAX_SUM_PARTS` pieces, one range from the first row to the last: with
    ``only`` = (column, text), ``=SUMIF(C8:C2007,"text",E8:E2007)`` (the rows that count are
    the ones whose cell in that column reads ``text``); without it, ``=SUM(E8:E2007)``, for
    a caller whose rows between are blank in ``col``. ``runs``: the (first, last) rows of a
    table's runs of rows between the header rows it repeats where a printed page continues it
    (text only, never a number): without ``only``, the range is cut around those headers when
    that takes at most :data:`MAX_SUM_PARTS` pieces. ``shown``: rows between that hold
    figures not summed (a hamlet whose figures lack a list sent apart, session 25): the range
    is cut around them too (past the limit, they are taken off it), else it summed them
    (session 47); with ``only``, rows that read ``text`` too, taken off the SUMIF."""
    if not rows:
        return "=0"
    rows = sorted(rows)
    parts = _pieces(col, rows)
    if len(parts) <= MAX_SUM_PARTS:
        return f"=SUM({','.join(parts)})"
    first, last = rows[0], rows[-1]
    span = f"{cell(first, col)}:{cell(last, col)}"
    inside = sorted(r for r in shown or () if first <= r <= last)
    less = f"-SUM({','.join(_pieces(col, inside))})" if inside else ""
    if only is None:
        cut = [(max(a, first), min(b, last)) for a, b in runs or [(first, last)]]
        cut = [(a, b) for a, b in cut if a <= b]
        for r in sorted(shown or ()):  # the piece holding ``r`` cut in two around it
            split = [((a, r - 1), (r + 1, b)) if a <= r <= b else ((a, b),) for a, b in cut]
            cut = [(a, b) for pieces in split for a, b in pieces if a <= b]
        if 1 < len(cut) <= MAX_SUM_PARTS:
            return "=SUM(" + ",".join(f"{cell(a, col)}:{cell(b, col)}" for a, b in cut) + ")"
        return f"=SUM({span}){less}"  # too many pieces: the whole range, less those rows
    where, text = only
    quoted = text.replace('"', '""')
    return f'=SUMIF({cell(first, where)}:{cell(last, where)},"{quoted}",{span}){less}'


def _pieces(col: int, rows: list[int]) -> list[str]:
    """``rows`` (sorted) of column ``col`` as references, contiguous rows as one range."""
    parts: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        parts.append(cell(start, col) if start == prev else f"{cell(start, col)}:{cell(prev, col)}")
        if r is not None:
            start = prev = r
    return parts


def rate_formula(num: str, den: str) -> str:
    """Rate in percent of a denominator cell, 0 when the denominator is 0 (no #DIV/0!)."""
    return f"=IF({den}>0,{num}/{den}*100,0)"


def header(
    ctx: Context, ws: Worksheet, row: int, items: list[HeaderItem], rotate: bool = False
) -> int:
    """A two-row header: parents merged over their children, singles over both rows; each text
    wrapped by :func:`header_lines` to the widths set (a child turned upright: to its row's
    height)."""
    st = ctx.st
    col = 0
    for item in items:
        if isinstance(item, str):
            text = header_lines(item, _pixels(ws, col), room=_lines(ws, row, row + 1))
            merge_text(ws, row, col, row + 1, col, text, st["head"])
            col += 1
            continue
        parent, children = item
        last = col + len(children) - 1
        text = header_lines(parent, _pixels(ws, col, last), room=_lines(ws, row))
        merge_text(ws, row, col, row, last, text, st["head"])
        for child in children:
            if rotate:
                info = ws.row_info.get(row + 1)
                tall = info.height if info is not None and info.height else 0
                ws.write_string(row + 1, col, header_lines(child, tall, True), st["head_rot"])
            else:
                text = header_lines(child, _pixels(ws, col), room=_lines(ws, row + 1))
                ws.write_string(row + 1, col, text, st["head"])
            col += 1
    return row + 2


def _lines(ws: Worksheet, first: int, last: int | None = None) -> int:
    """The lines of :data:`LINE_HEIGHT` that rows ``first`` … ``last`` as set hold (a header
    cell's height: 'Bảo trợ' / 'xã hội' / '(BTXH)' in a row of 78 pt, session 42's review)."""
    info = ws.row_info
    pixels = sum(
        info[r].height if r in info and info[r].height else 20
        for r in range(first, (first if last is None else last) + 1)
    )
    return int(pixels * 0.75 // LINE_HEIGHT)


def _pixels(ws: Worksheet, first: int, last: int | None = None) -> int:
    """The width in pixels of columns ``first`` … ``last`` as set (Excel's 64 for a column
    without a width)."""
    info = ws.col_info
    return sum(
        info[c].width if c in info and info[c].width is not None else 64
        for c in range(first, (first if last is None else last) + 1)
    )


def header_width(items: list[HeaderItem]) -> int:
    return sum(1 if isinstance(i, str) else len(i[1]) for i in items)


def column_numbers(
    ctx: Context, ws: Worksheet, row: int, letters: int, count: int, first: int = 1
) -> None:
    """The 'A | B | 1 | 2 | …' row under a Vietnamese form's header (numbers from ``first``)."""
    labels = [chr(ord("A") + i) for i in range(letters)]
    labels += [str(first + i) for i in range(count)]
    for col, label in enumerate(labels):
        ws.write_string(row, col, label, ctx.st["colnum"])


_SHEET_FORBIDDEN = lazyre.compile(r"[\[\]:*?/\\\x00-\x1f]")


def safe_sheet_names(
    names: Iterable[str], taken: set[str], fallback: str = "Trang"
) -> dict[str, str]:
    """Valid, unique worksheet names for ``names``: at most 31 characters, none of []:*?/\\,
    not starting or ending with an apostrophe, unique ignoring case as Excel compares them.

    ``taken`` holds the case-folded names already used and is updated.
    """
    result: dict[str, str] = {}
    for name in names:
        base = _SHEET_FORBIDDEN.sub("_", unicodedata.normalize("NFC", str(name)))
        base = " ".join(base.split())[:31].strip("'").strip() or fallback
        if base.casefold() == "history":  # reserved by Excel
            base = f"{base}_"
        candidate, n = base, 1
        while candidate.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            candidate = base[: 31 - len(suffix)].rstrip("'").rstrip() + suffix
        taken.add(candidate.casefold())
        result[name] = candidate
    return result
