"""Tables and rows: each data row under a header, with its Excel row number.

Moved from ``pipeline.read`` (session 52; ``pipeline.read`` re-exports its public names):
:func:`table_rows` reads the rows under a found header into a :class:`Table` (``TableRow`` per
row), leaving out title, section, total and signature rows and notes written in the list
(:data:`NOTES`, ``_NoteRule``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import lru_cache, partial
from itertools import chain, takewhile
from operator import itemgetter
from typing import Any, NamedTuple

from pipeline import lazyre
from pipeline.headers import NUMBER_TOKEN, HeaderMatch, number_fold
from pipeline.opening import Merge
from pipeline.text import (
    clean_text,
    fold,
    fold_exact,
    households_written,
    is_blank,
    parse_number,
)
from schemas.columns import (
    COUNT_WORDS,
    INDICATOR_KEYS,
    NOTE_MARKERS,
    NOTE_OPENERS,
    SECTION_MARKERS,
    TOTAL_FIRST_WORDS,
    TOTAL_MARKERS,
)

_THREE_ALNUM = lazyre.compile(r"[0-9A-Za-z]{3}")


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


_ROMAN = lazyre.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})$")
_SECTION_NUMBER = lazyre.compile(r"^([ivx]{1,4}|[a-h]|\d{1,2})(?: (.+))?$")
SIGNATURE_DATE = lazyre.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_NUMERALS_ONLY = lazyre.compile(r"^(?:(?:\d+|[ivx]{1,4}|[a-h]) ?)+$")


class StaleSubtotal(NamedTuple):
    """A group's subtotal in a list ('Cộng tổ 1') passed over though its figures are not its
    rows' (session 57): its Excel row, the label's column and text, each figure that is no
    figure of the rows (its column, the number written, the rows' figure, and how the rows
    give it: 'sum', 'average' or 'count'), and the Excel rows of the households it was set
    beside (those since the last total above it, else those under it)."""

    excel_row: int
    col: int
    label: str
    figures: tuple[tuple[int, float, float, str], ...]
    rows: tuple[int, ...]
    # the list's total writing no count of households ('Tổng cộng | | … | 16'; session 62)
    uncounted: bool = False


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
        "classes_written",
        "stale_subtotals",
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
        # Excel row -> the class cell's text where it was read as a class written otherwise
        # than the class's name ('HN' for Hộ nghèo), set by normalise_table: a message at the
        # cell quotes it as written (session 52)
        self.classes_written: dict[int, str] = {}
        # the group subtotals passed over whose figures are not their rows' ('Cộng tổ 1' typed
        # by hand, a household deleted since; :func:`stale_subtotal`): said by rosterchecks
        self.stale_subtotals: list[StaleSubtotal] = []

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
    letters = _first_letters(markers)
    if text[:1] not in letters and "" not in letters:  # a code, a name (session 57 review)
        return False
    for marker in markers:
        if text == marker:
            return True
        if text.startswith(marker + " ") and (
            " " in marker or _NUMERALS_ONLY.match(text[len(marker) + 1 :])
        ):
            return True
    return False


@lru_cache(maxsize=64)
def _first_letters(markers: tuple[str, ...]) -> frozenset[str]:
    """The first letters of ``markers`` (a text beginning with none is no marker's; '' where
    one is empty, which every text begins with)."""
    return frozenset(marker[:1] for marker in markers)


_FIRST_WORD = lazyre.compile(r"[^\W\d_]+")


def written_as_total(value: Any) -> bool:
    """Whether a text whose folding begins with a total's words (:func:`starts_with_marker`)
    is written as a total is: its first word a total's with its marks or none ('Tổng cộng',
    'TONG CONG', 'Cộng:'; ``TOTAL_FIRST_WORDS``), not a head's name folded the same ('Tống Công
    Thành', 'Công Hồ Nam' fold to 'tong cong thanh', 'cong ho nam'; session 53 review), nor
    such a name typed without marks (:func:`named_after_total`: 'Tong Cong Thanh'; session
    54)."""
    if value.__class__ is not str:
        return True
    word = _FIRST_WORD.search(fold_exact(value))
    if word is None:
        return True
    if word.group() in _UNMARKED_FIRST:
        return not named_after_total(value)
    return word.group() in TOTAL_FIRST_WORDS


# A total's first words written without marks: 'Tổng', 'Cộng' or a head's 'Tống', 'Công' typed
# on a keyboard without Vietnamese
_UNMARKED_FIRST = frozenset(word for word in TOTAL_FIRST_WORDS if word.isascii())
# The words a total writes after its first ('Tong cong ho ngheo', 'Cong II', 'Tong so xom',
# 'Cong toan thon'), folded: none begins a name after them
_TOTAL_WORDS = frozenset(
    word for marker in (*TOTAL_MARKERS, *SECTION_MARKERS, *COUNT_WORDS) for word in marker.split()
)
_TOTAL_PHRASES = sorted((m.split() for m in TOTAL_MARKERS), key=len, reverse=True)


def named_after_total(value: str) -> bool:
    """Whether a text beginning with a total's words (TOTAL_MARKERS, folded) goes on as a
    head's name is written: one word of letters alone after them, capitalised ('Thanh'), not
    a total's (``_TOTAL_WORDS``: 'Ngheo', 'II', 'Xom'). 'Tong Cong Thanh', 'Tong Ho Nam',
    'Cong Ho Nam': 'Tống Công Thành' and the like typed without marks (session 54). 'Tong
    cong', 'TONG CONG', 'Tong cong: 2 ho', 'Tong Cong Ho Ngheo' and a name in capitals ('TONG
    CONG THANH') are not; nor two words or more, a hamlet's name after a total's as a
    hamlet's total writes it ('Tong Cong Na Mon', 'Tong Cong Ban Co', its sums beside; session
    54's review): a head's name whose total's words are its first two has one more."""
    return len(_named_words(value)) == 1


def maybe_named_after_total(value: Any) -> bool:
    """Whether a text whose first word is a total's typed without marks ('Tong', 'Cong') goes
    on with two to four words written as :func:`named_after_total`'s one is: a head's name
    ('Tong Cong Van Thanh', 'Tống Công Văn Thành' typed so) or a hamlet's total ('Tong Cong Na
    Mon'), which only the plan's hamlets tell apart (:func:`hamlet_after_total`). The reader
    takes it for a name where its row holds a household's text (:func:`_holds_household_text`),
    else for a total as before; validate says no 'head-name-is-total' where the plan names no
    hamlet so (session 54, G3). Its words in capitals too ('TONG CONG VAN THANH': a list typed
    in capitals; session 55 review)."""
    if value.__class__ is not str:
        return False
    word = _FIRST_WORD.search(fold_exact(value))
    return (
        word is not None
        and word.group() in _UNMARKED_FIRST
        and 2 <= len(_named_words(value, capitals=True)) <= 4
    )


def _named_words(value: str, capitals: bool = False) -> list[str]:
    """The words after a total's words (the longest of ``_TOTAL_PHRASES``) where each is written
    as a name's is (letters, capitalised, no total's word), else none. ``capitals``: a word in
    capitals is a name's too ('TONG CONG VAN THANH', a list typed in capitals; session 55
    review)."""
    words, folded = value.split(), fold(value).split()
    if len(words) != len(folded):  # a mark alone between words ('Tong cong : 8')
        return []
    size = next((len(m) for m in _TOTAL_PHRASES if folded[: len(m)] == m), len(folded))
    after = words[size:]
    if all(
        word.isalpha()
        and (word.istitle() or (capitals and word.isupper()))
        and fold(word) not in _TOTAL_WORDS
        for word in after
    ):
        return after
    return []


# The columns whose text a household's row holds and a total's does not (its cells counts and
# sums, blank, or a class copied down, which this takes too: a hamlet's total so written is
# told apart once the plan is known, consolidate.hamlet_totals_taken)
_HOUSEHOLD_TEXT_KEYS = ("gioi_tinh", "dan_toc", "phan_loai", "nguyen_nhan", "nhu_cau", "doi_tuong")


def _holds_household_text(raw: list[Any], marker_col: int, positions: dict[str, int]) -> bool:
    """Whether a row holds, outside ``marker_col``, a text of letters under a column of
    ``_HOUSEHOLD_TEXT_KEYS`` ('Nam', 'Tày', 'Hộ nghèo', 'Thiếu vốn'): a household's row."""
    width = len(raw)
    for key in _HOUSEHOLD_TEXT_KEYS:
        col = positions.get(key, -1)
        if 0 <= col < width and col != marker_col:
            value = raw[col]
            if value.__class__ is str and _FIRST_WORD.search(value) is not None:
                return True
    return False


def figures_summed(
    raw: list[Any], apart: Collection[int], above: Callable[[], Iterable],
    averaged: Collection[int] = (),
) -> bool:  # fmt: skip
    """Whether each number ``raw`` holds outside the columns ``apart`` (its number, its name)
    is a total's figure over one of ``above()`` (lists of rows as ``raw``, each a list of its
    cells by column): what =SUM gives of its column (:func:`_sums`) or =COUNTIF or =COUNTA of
    its texts (:func:`_counts`). True for a row holding no number. A row named after a total's
    words ('Tong Cong Van Thanh') whose 4 people or 1,200,000 đồng sum no rows is a household
    (session 55). A number typed as text ('4', '1.200.000') is looked at too, against its
    column's numbers and such texts added (a list typed as text: session 55 review).
    ``averaged``: columns whose number may be the rows' average instead (=AVERAGE under 'Thu
    nhập BQ', :func:`_averages`), beside another number that is a sum, as a hamlet's total's
    (:func:`_sums_row`; session 56)."""
    summed = averages = False
    for col, value in enumerate(raw):
        kind = value.__class__
        if col in apart:
            continue
        if kind is str:
            number = _number_text(value)
            if number is None:
                continue
        elif kind is int or kind is float:
            number = value
        else:
            continue
        typed = kind is str  # a sum typed as text adds the numbers typed so too
        if any(
            _column_sums(number, rows, col, typed) or _counts(number, col, rows) for rows in above()
        ):
            summed = True
        elif col in averaged and any(
            _column_averages(number, rows, col, typed) for rows in above()
        ):
            averages = True
        else:
            return False
    return summed or not averages


def _column_sums(number: Any, rows: Any, col: int, typed: bool) -> bool:
    """Whether ``number`` is =SUM of column ``col`` over ``rows`` (a list of rows, or a
    :class:`_SummedGroup`; ``typed``: numbers typed as text added too, :func:`_column`)."""
    if rows.__class__ is _SummedGroup:
        return rows.tally(col, typed).sums(number)
    return _sums_cells(number, _column(rows, col, typed))


def _column_averages(number: Any, rows: Any, col: int, typed: bool) -> bool:
    """Whether ``number`` is =AVERAGE of column ``col`` over ``rows`` (:func:`_averages`; a
    list of rows or a :class:`_SummedGroup`)."""
    if rows.__class__ is _SummedGroup:
        return rows.tally(col, typed).averages(number)
    return _averages(number, list(_column(rows, col, typed)))


def _column(rows: Iterable[list[Any]], col: int, typed: bool) -> Iterator[Any]:
    """The cells of ``rows`` at ``col``; ``typed``: a number typed as text as that number
    (:func:`_typed_figure`)."""
    cells = (_cell(row, col) for row in rows)
    return map(_typed_figure, cells) if typed else cells


def _number_text(value: str) -> float | None:
    """A text that is a number and nothing else ('4', ' 8 ', '1.200.000', '3.940'; no letter:
    not '2 hộ', '1,2 triệu'), as :func:`pipeline.text.parse_number` reads it; else None."""
    if _FIRST_WORD.search(value) is not None:
        return None
    return parse_number(value)


def _typed_figure(cell: Any) -> Any:
    """A cell as a hand-typed sum counts it: a number or a date as it is, a text that is a
    number (:func:`_number_text`) as that number, anything else None."""
    if cell.__class__ is str:
        return _number_text(cell)
    return cell


def _cell(raw: list[Any], col: int) -> Any:
    """The cell of ``raw`` at ``col`` (None past its end)."""
    return raw[col] if col < len(raw) else None


def _named_row(
    raw: list[Any], marker_col: int, apart: Collection[int], positions: dict[str, int],
    above: Callable[[], Iterable],
) -> bool:  # fmt: skip
    """Whether a row whose name cell (``marker_col``) is :func:`maybe_named_after_total`'s
    ('Tong Cong Van Thanh') is a household's: it holds a household's text
    (:func:`_holds_household_text`: 'Hộ nghèo', 'Thiếu vốn'; session 54, G3) or a number no
    total's (:func:`figures_summed`, outside ``apart``: 4 people under two households' 8;
    session 55). Its sums alone ('| 3,940 | … | 8') are a total's, as before."""
    return _holds_household_text(raw, marker_col, positions) or not figures_summed(
        raw, apart, above
    )


def _total_cell(
    raw: list[Any], col: int, value: Any, positions: dict[str, int], markers: tuple[str, ...],
    above: Callable[[], Iterable], runs: Callable[[], Iterable[list[list[Any]]]] | None = None,
) -> bool:  # fmt: skip
    """Whether a row whose first written cell (``col``: 'Tổng cộng', 'Cộng I') begins with a
    total's words (``markers``), its guard columns blank elsewhere (the caller's), is a total:
    written as a total is (:func:`written_as_total`), no head's name after the words beside a
    household's text or figures (:func:`_named_row`), no household's details
    (:func:`_holds_person_details`) over ``above()``. Or a group's subtotal ('Cộng tổ 1')
    whose numbers are sums (:func:`_group_summed`). Either, holding numbers alone, one whose
    figures a run of the households next to it gives (``runs()``, :func:`_run_total`: a
    subtotal over one household, its year and ID that household's; session 58)."""
    if value.__class__ is not str:
        return False
    folded = fold(value)
    if not starts_with_marker(folded, markers):
        # numbers alone passed over whatever they are, their sums asked once, by
        # stale_subtotal (session 57); a row holding text only where they are sums
        return _GROUP_SUBTOTAL.match(folded) is not None and (
            _subtotal_shaped(raw, col, value, positions, above)
            or _group_summed(raw, col, value, positions, above)
            or (
                runs is not None and group_subtotal(value) and _run_total(raw, col, positions, runs)
            )
        )
    return (
        written_as_total(value)
        and not (maybe_named_after_total(value) and _named_row(raw, col, (col,), positions, above))
        and (
            not _holds_person_details(raw, col, positions, above)
            or (runs is not None and _run_total(raw, col, positions, runs))
        )
    )


# A group's subtotal inside a hamlet's list, folded: 'Cộng tổ 1', 'Cong to 2', 'Tổng tổ II',
# 'Cộng tổ số 3', 'Cộng tổ 1 + 2', 'Cộng theo tổ' ('tổ' is no total's word of TOTAL_MARKERS:
# 'Tong Cong To Hoai' is a head's name; session 56), its count maybe after ('Cộng tổ 1: 2 hộ',
# '(2 hộ, 8 khẩu)', as a total writes it; session 56 review); 'Cộng tổ' without its number,
# 'Cộng tổ dân phố 1', its hamlet after it ('Cộng tổ 1 xóm Nà Mòn'; session 57), after its
# number in digits without 'xóm' too ('Cộng tổ 1 Nà Mòn': a digit is in no head's name; up to
# four words of letters)
_GROUP_SUBTOTAL = lazyre.compile(
    r"^(?:cong|tong) (?:theo to|to(?: dan pho)?(?: so)?(?: (?:\d{1,3}|[ivx]{1,4}|[a-h]))*"
    r"(?: (?:xom|thon|ban|khu|ap|lang) .+?|(?<=\d)(?: [a-z]+){1,4})?)"
    r"(?: \d{1,5} (?:ho|nhan khau|khau|nguoi))*$"
)
# its second word as written: 'tổ' or 'to' (no head's 'Cộng Tố', 'Cong Tô'), or 'theo'
_GROUP_WORD = frozenset(("tổ", "to", "theo"))


def group_subtotal(value: Any) -> bool:
    """Whether a text is written as a group's subtotal in a hamlet's list ('Cộng tổ 1', 'Cong
    to 2', 'TỔNG TỔ 2:', 'Cộng theo tổ'; ``_GROUP_SUBTOTAL``), its first word a total's with
    its marks or none (``TOTAL_FIRST_WORDS``: not a head's 'Công', 'Tống'), its second 'tổ'
    or 'to' as written (not a head's 'Cộng Tố Hoài'); 'Cộng tổ', 'Cộng tổ dân phố 1', 'Cộng tổ
    1 xóm Nà Mòn' too (session 57). Such a row is passed over where its numbers are sums
    (:func:`_group_summed`; session 56) or where it holds nothing of a household, told then
    (:func:`_subtotal_shaped`, :func:`stale_subtotal`; session 57)."""
    if (
        value.__class__ is not str
        or value.lstrip()[:2] not in _SUBTOTAL_START  # told at a glance, as hamlet_totals does
        or _GROUP_SUBTOTAL.match(fold(value)) is None
    ):
        return False
    words = _FIRST_WORD.findall(fold_exact(value), 0, 40)[:2]
    return len(words) == 2 and words[0] in TOTAL_FIRST_WORDS and words[1] in _GROUP_WORD


def _group_summed(
    raw: list[Any], col: int, value: Any, positions: dict[str, int], above: Callable[[], Iterable]
) -> bool:
    """Whether a row whose cell ``col`` is a group's subtotal (:func:`group_subtotal`) is one:
    each of its numbers (its STT and that cell apart; typed as text too) its column's sum or
    count over ``above()`` (:func:`figures_summed`: the rows since the last total, all, or
    those under it), the income per person maybe their average ('Thu nhập BQ'), and no
    household's details (:func:`_holds_person_details`). A row whose figures sum no rows is
    read as a household, as 'Tong Cong Van Thanh' beside them is (session 56), unless it holds
    nothing of a household: a stale subtotal (:func:`_subtotal_shaped`; session 57)."""
    if not group_subtotal(value):
        return False
    apart = (col, positions.get("stt", -1))
    averaged = [positions[key] for key in _AVERAGED if key in positions]
    return figures_summed(raw, apart, above, averaged) and not _holds_person_details(
        raw, col, positions, above
    )


def _subtotal_shaped(
    raw: list[Any], col: int, value: Any, positions: dict[str, int], above: Callable[[], Iterable]
) -> bool:
    """Whether a row whose cell ``col`` is a group's subtotal (:func:`group_subtotal`: 'Cộng tổ
    1') holds nothing of a household, whatever its numbers: outside that cell and its STT only
    numbers (typed as text too: '12', '5.910'), no birth year or ID number among them
    (:func:`_holds_person_details`). A subtotal typed by hand and left as it was when a
    household was deleted (its numbers no longer the sums, :func:`_group_summed`) is such a
    row: passed over and said (:func:`stale_subtotal`), not read as a household without a
    code, a class or a year (session 57). A name, a class, a cause or a date in it is a
    household's, read as before."""
    if not group_subtotal(value):
        return False
    return _numbers_alone(raw, col, positions) and not _holds_person_details(
        raw, col, positions, above
    )


def _zeros_alone(raw: list[Any], apart: Collection[int]) -> bool:
    """Whether every number ``raw`` holds outside the columns ``apart`` is 0 (typed as text
    too, '0'; none at all too): a total the head left as its template wrote it ('Cộng tổ 1 | 0
    | … | 0' under its group's rows; session 61 review)."""
    for c, cell in enumerate(raw):
        if c in apart or is_blank(cell):
            continue
        number = _number_text(cell) if cell.__class__ is str else cell
        if number != 0:
            return False
    return True


def _numbers_alone(raw: list[Any], col: int, positions: dict[str, int], also: int = -1) -> bool:
    """Whether a row labelled at ``col`` ('Cộng tổ 1', 'Cộng') holds only numbers (typed as text
    too: '12', '5.910') outside that cell, its STT, the start list's 'Xóm' and ``also`` (a
    column the caller asks apart): no name, class, cause, sex, people or date
    (:func:`_subtotal_shaped`, :func:`_run_total`)."""
    apart = (col, positions.get("stt", -1), positions.get("hamlet", -1), also)  # start list's Xóm
    for c, cell in enumerate(raw):
        if c in apart or is_blank(cell):
            continue
        kind = cell.__class__
        if kind is str:
            if _number_text(cell) is None:
                return False
        elif kind is not int and kind is not float:
            return False  # a date, a mark read as True: a household's
    return True


def _written_figures(
    raw: list[Any], col: int, positions: dict[str, int]
) -> list[tuple[int, Any, bool, bool]]:
    """The numbers of a row labelled at ``col`` in the table's columns, its STT apart: (column,
    the number, typed as text, maybe an average: under 'Thu nhập BQ'), as :func:`_run_gives`
    sets them beside a run of households."""
    stt = positions.get("stt", -1)
    averaged = {positions[key] for key in _AVERAGED if key in positions}
    written = []
    for c in sorted(set(positions.values()) - {col, stt}):
        value = _cell(raw, c)
        number = _number_text(value) if value.__class__ is str else value
        if number.__class__ is int or number.__class__ is float:
            written.append((c, number, value.__class__ is str, c in averaged))
    return written


def _run_total(
    raw: list[Any], col: int, positions: dict[str, int],
    runs: Callable[[], Iterable[list[list[Any]]]],
) -> bool:  # fmt: skip
    """Whether a total or subtotal row labelled at ``col`` ('Cộng', 'Tổng', 'Cộng tổ 2'), whose
    birth year or ID number no group of :func:`_rows_above` sums, is a subtotal all the same:
    numbers alone outside its label (:func:`_numbers_alone`), every one of them given at once
    by a run of the households right above it or right under it (``runs()``: the nearest one,
    two, …; :func:`_run_gives`, as a group's stale subtotal is told, session 57 review). A
    subtotal over a one-household tổ or section is that household's year, ID, size and
    income, where the rows since the last total are more (no subtotal over the tổ above it)
    or the rows under a subtotal on top run on (session 58). A year or an ID is summed as
    =SUM sums it, the households' text passed over (:func:`_is_detail`): a row copying a
    household's ID typed as text is no subtotal. Its class copied down ('Hộ nghèo' under
    'Phân loại hộ', as the households' is written) is no household's where the row holds a
    birth year or an ID number (:func:`_held_detail`) and each household of the run holds that
    same text (session 58 A2: the run cut at the first that does not); beside a size alone it
    is a household's, as before (session 57). Its label a total's words alone ('Cộng',
    'Tổng cộng', 'Cộng tổ 2'): one going on as a head's name is written ('TONG CONG THANH',
    :func:`_named_words`) is a household's row, told as before (session 58 review, R3)."""
    label = _cell(raw, col)
    if label.__class__ is str and _named_words(label, capitals=True):
        return False
    kind = positions.get("phan_loai", -1)
    copied = _cell(raw, kind) if kind >= 0 else None
    if copied.__class__ is not str or _FIRST_WORD.search(copied) is None:
        copied = None  # blank, or a number typed as text: read as the other numbers are
    if not _numbers_alone(raw, col, positions, kind if copied is not None else -1):
        return False
    written = _run_figures(raw, col, positions)
    if not written:
        return False
    if copied is None:
        return any(_run_gives(written, run) for run in runs())
    if not any(_held_detail(c, number, positions) for c, number, _, _ in written):
        return False  # a size and a class alone: a household's as well (session 57's guard)
    folded = fold(copied)
    return any(
        _run_gives(written, takewhile(lambda row: fold(_cell(row, kind)) == folded, run))
        for run in runs()
    )


def _run_figures(
    raw: list[Any], col: int, positions: dict[str, int]
) -> list[tuple[int, Any, bool, bool]]:
    """The figures of a row labelled at ``col`` as :func:`_run_total` sets them beside a run
    (:func:`_written_figures`; a year or an ID typed as text compared as =SUM gives it)."""
    details = {positions[key] for key in _DETAIL_KEYS if key in positions}
    return [
        (c, number, typed and c not in details, average)
        for c, number, typed, average in _written_figures(raw, col, positions)
    ]


def lone_subtotal(
    raw: list[Any], excel_row: int, col: int, label: str, positions: dict[str, int],
    runs: Iterable[list[int]], grid: list[list[Any]],
) -> StaleSubtotal | None:  # fmt: skip
    """A row labelled ``label`` at ``col`` ('Cộng') passed over as a subtotal only because a
    run of the households next to it gives its figures (:func:`_run_total`), said as such
    (session 59): its figures (each as (column, number, number, 'same')) and the Excel rows of
    the households that give them, the first of ``runs`` (each the grid indexes of a run, the
    nearest first) that does. None where none does (a class copied down cuts the run:
    :func:`_run_total`'s ``takewhile``; the rows are then those of the uncut run's answer)."""
    written = _run_figures(raw, col, positions)
    rows = _run_rows(raw, positions, runs, grid, col=col)
    if not rows:
        return None
    figures = tuple((c, number, number, "same") for c, number, _, _ in written)
    return StaleSubtotal(excel_row, col, clean_text(label), figures, rows)


def _run_rows(
    raw: list[Any], positions: dict[str, int], runs: Iterable[list[int]],
    grid: list[list[Any]], markers: tuple[str, ...] = (), col: int = -1,
) -> tuple[int, ...]:  # fmt: skip
    """The Excel rows of the households of the first of ``runs`` (grid indexes, the nearest
    first) whose nearest rows give each figure of a total row (:func:`_run_gives`) labelled
    at ``col`` (else its first total's words, one of ``markers``), sorted; () where none does."""
    if col < 0:
        col = next(
            (c for c, v in first_cells(raw, 4) if v.__class__ is str and _total_label(v, markers)),
            -1,
        )
    written = _run_figures(raw, col, positions)
    if not written:
        return ()
    for run in runs:
        many = _run_gives(written, [grid[i] for i in run])
        if many:
            return tuple(sorted(i + 1 for i in run[:many]))
    return ()


def _held_detail(col: int, number: Any, positions: dict[str, int]) -> bool:
    """Whether ``number`` written at ``col`` is a birth year under 'Năm sinh' or an ID number
    under 'Số định danh' (``_DETAILS``' bounds): a person's detail, which a subtotal holds only
    as the =SUM over one household (:func:`_run_total`)."""
    for key, _, low, high in _DETAILS:
        if positions.get(key, -1) == col:
            return low <= number < high
    return False


def stale_subtotal(
    raw: list[Any], excel_row: int, positions: dict[str, int], rows: list[list[Any]],
    excel_rows: list[int], above: Callable[[], Iterable], runs: Iterable[list[list[Any]]] = (),
) -> StaleSubtotal | None:  # fmt: skip
    """A row passed over as a total (``raw``, at ``excel_row``) that is a group's subtotal
    ('Cộng tổ 1', :func:`group_subtotal`, in its first cells) holding numbers alone
    (:func:`_subtotal_shaped`) none of ``runs`` gives (:func:`_run_gives`: each a list of the
    household rows next to it, the nearest first, right above it or right under it: its tổ
    is the nearest rows, then the two nearest, … that give every figure; session 57 review)
    and that are not the sums :func:`_group_summed` asks over ``above()``: each of its
    figures (in a column of ``positions``, its STT and label apart) set beside the same column
    of ``rows`` (the households it stands for, at ``excel_rows``), as written and as the rows
    give it: their sum, their =AVERAGE under 'Thu nhập BQ', their count of written cells where
    they hold no number ('Giới tính'). None for any other row, or one whose figures agree
    (session 57). Its sums are asked here alone: the reader passes such a row over by its
    shape, whatever its numbers."""
    found = next(
        ((c, v) for c, v in first_cells(raw, 4) if v.__class__ is str and group_subtotal(v)), None
    )
    if found is None:
        return None
    col, label = found
    if not _subtotal_shaped(raw, col, label, positions, above):
        return None  # passed over where its numbers are sums (_total_cell): none to tell
    written = _written_figures(raw, col, positions)  # (column, number, typed, maybe averaged)
    if not written or any(_run_gives(written, run) for run in runs):
        return None
    if _group_summed(raw, col, label, positions, above):
        return None
    figures = _figures_off(written, rows, positions.get("nhan_khau", -1))
    if not figures:
        return None
    return StaleSubtotal(excel_row, col, clean_text(label), tuple(figures), tuple(excel_rows))


# a count of households alone, folded ('3 hộ', '(3 hộ)'), on a total's row (table_rows'
# counted_total; discover.total_counts reads it so)
_COUNT_ALONE = lazyre.compile(r"\(?\d[\d.,]*\s*ho\)?\.?")
# ... with the class it counts ('3 hộ nghèo', '2 hộ cận nghèo', '1 hộ thoát nghèo'), folded: a
# count of a class under a count's 'Phân loại hộ' (session 66, F); in brackets or run together
# as '3 hộ' may be ('(3 hộ nghèo)', '3hộ nghèo', '(3 hộ)': folded without them; session 66, RF)
_CLASS_COUNTED = lazyre.compile(r"(\d+) ?ho(?: (?:thoat )?(?:can )?ngheo)?")
# a class named in a total's row, folded ('Cộng hộ nghèo: 3 hộ', 'Thoát nghèo'): that class's
# count, not the list's total (as discover.total_counts reads it)
_NAMES_A_CLASS = lazyre.compile(r"\b(?:ngheo|thoat)\b")


def _numbers_off(
    written: list[tuple[int, Any, bool, bool]], rows: list[list[Any]], people: int = -1
) -> list[tuple[int, Any, Any, str]] | None:
    """Each of a total's figures (``written``: :func:`_written_figures`) in a column whose
    ``rows`` hold numbers alone (typed as text too: '3', '3\u00a0'; blanks apart) that is
    neither their sum (=SUM's too: 0 where each is typed as text) nor, under 'Thu nhập BQ',
    their average: (column, as written, their sum or rounded average, 'sum' or 'average'), as
    :func:`_figures_off` gives it. None where no figure's column holds numbers alone (nothing
    to ask: marks, texts, dates), [] where each such figure is theirs (:func:`table_rows`'
    stale_total; session 60 review). Under 'Thu nhập BQ' the rows' average per person too,
    each weighted by its ``people`` column ('Số nhân khẩu'): the list's income per head, as a
    total written Σ(income × people) / Σ people gives it (session 62 review)."""
    figures = []
    asked = False
    for c, number, _, average in written:
        numbers: list[Any] = []  # the numbers, then those typed as text
        typed: list[Any] = []
        for row in rows:
            cell = row[c] if c < len(row) else None
            kind = cell.__class__
            if kind is int or kind is float:
                numbers.append(cell)
            elif kind is str:
                if is_blank(cell):
                    continue
                value = _number_text(cell)
                if value is None:
                    break
                typed.append(value)
            elif cell is not None:
                break  # a date, a mark read as True
        else:
            both = numbers + typed
            if not both:
                continue
            asked = True
            # =SUM and =AVERAGE pass over a number typed as text; a sum typed by hand adds it.
            # Every number typed as text: =SUM gives 0, =AVERAGE no number (session 60 E2)
            kinds = (numbers, both) if typed else (both,)
            if any(abs(sum(n) - number) < 0.5 for n in kinds):
                continue
            if average:
                if any(n and mean_written(number, sum(n) / len(n)) for n in kinds):
                    continue
                if _per_head_written(number, rows, c, people):
                    continue
                figures.append((c, number, round(sum(both) / len(both)), "average"))
            else:
                figures.append((c, number, sum(both), "sum"))
    return figures if asked else None


def _per_head(rows: list[list[Any]], col: int, people: int) -> float | None:
    """The rows' average of ``col`` ('Thu nhập BQ') weighted by ``people`` ('Số nhân khẩu'):
    the income per head of them all (:func:`_numbers_off`); None where a row holds no number
    in either, or none holds people (session 62 review)."""
    total = heads = 0.0
    for row in rows:
        values = []
        for c in (col, people):
            cell = row[c] if c < len(row) else None
            value = _number_text(cell) if cell.__class__ is str else cell
            if value.__class__ is not int and value.__class__ is not float:
                return None
            values.append(value)
        total += values[0] * values[1]
        heads += values[1]
    return total / heads if heads else None


def _per_head_written(number: float, rows: list[list[Any]], col: int, people: int) -> bool:
    """Whether ``number`` under 'Thu nhập BQ' (``col``) is ``rows``' income per head, each
    row's weighted by its people (``people``, 'Số nhân khẩu'; -1: no such column), as a head
    writes it (:func:`mean_written`): a list's total's and a group's subtotal's alike (session
    62 review; session 63, D)."""
    per_head = _per_head(rows, col, people) if people >= 0 else None
    return per_head is not None and mean_written(number, per_head)


def _figures_off(
    written: list[tuple[int, Any, bool, bool]], rows: list[list[Any]], people: int = -1
) -> list[tuple[int, Any, Any, str]]:
    """Each of a total row's figures (``written``: :func:`_written_figures`) its rows (``rows``)
    do not give, beside what they give: (column, as written, their sum, their =AVERAGE under
    'Thu nhập BQ' or their count of written cells where they hold no number, 'sum', 'average'
    or 'count') (:func:`stale_subtotal`; session 57); a column's numbers typed as text added
    as a hand adds them (session 61). Under 'Thu nhập BQ' their income per head too, weighted
    by ``people`` ('Số nhân khẩu'), as a list's total's (:func:`_numbers_off`; session 63, D)."""
    figures = []
    for c, number, typed, average in written:
        cells = list(_column(rows, c, typed))
        if _sums_cells(number, cells) or _counts_cells(number, cells):
            continue
        if average and _per_head_written(number, rows, c, people):
            continue
        texts = [x for x in cells if x.__class__ is str and not is_blank(x)] if not typed else ()
        if texts and all(_number_text(x) is not None for x in texts):
            # numbers typed as text ('4', ' 04 '): a sum typed by hand adds them, as a grand
            # total's may (_numbers_off), and is set beside its rows' figures so added
            # (session 61)
            cells = list(_column(rows, c, True))
            if _sums_cells(number, cells) or average and _averages(number, cells):
                continue
        numbers = [x for x in cells if x.__class__ is int or x.__class__ is float]
        if average and numbers:
            if _averages(number, cells):
                continue
            figures.append((c, number, round(sum(numbers) / len(numbers)), "average"))
        elif numbers or not any(x.__class__ is str and not is_blank(x) for x in cells):
            figures.append((c, number, sum(numbers), "sum"))
        else:
            figures.append((c, number, sum(1 for x in cells if not is_blank(x)), "count"))
    return figures


def _run_gives(written: list[tuple[int, Any, bool, bool]], run: Iterable[list[Any]]) -> int:
    """Whether the nearest rows of ``run`` (household rows next to a group's subtotal, the
    nearest first), one, two, … of them, give each figure ``written`` (its column, the
    number, typed as text, maybe an average) at once, as :func:`stale_subtotal` sets them
    beside its rows: =SUM of the column (dates as Excel's days), =COUNTIF of one of its texts
    or =COUNTA of them, under 'Thu nhập BQ' =AVERAGE too. Added up one row at a time: one pass
    over the run, however long (session 57 review). How many rows gave them (0: none did), for
    the rows a lone subtotal is said beside (session 59)."""
    size = len(written)
    sums = [0.0] * size  # =SUM
    plain = [0.0] * size  # =AVERAGE's numbers and how many
    many = [0] * size
    texts: list[dict[str, int]] = [{} for _ in range(size)]  # =COUNTIF: text -> its count
    tallies: list[dict[int, int]] = [{} for _ in range(size)]  # a count -> texts counted so
    counted = [0] * size  # =COUNTA
    for many_rows, raw in enumerate(run, 1):
        given = True
        for j, (col, number, typed, average) in enumerate(written):
            cell = _cell(raw, col)
            if typed:
                cell = _typed_figure(cell)
            kind = cell.__class__
            if kind is int or kind is float:
                sums[j] += cell
                plain[j] += cell
                many[j] += 1
            elif kind is datetime or kind is date:
                sums[j] += _as_days(cell)
            elif kind is str and not is_blank(cell):
                key = fold(cell)
                was = texts[j].get(key, 0)
                texts[j][key] = was + 1
                tally = tallies[j]
                if was:
                    tally[was] -= 1
                tally[was + 1] = tally.get(was + 1, 0) + 1
                counted[j] += 1
            if given and not (
                abs(sums[j] - number) < 1e-6
                or (
                    number >= 1
                    and number == int(number)
                    and (number == counted[j] or tallies[j].get(number, 0) > 0)
                )
                or (average and many[j] and mean_written(number, plain[j] / many[j]))
            ):
                given = False
        if given:
            return many_rows
    return 0


def _named_beside(raw: list[Any], positions: dict[str, int], above: Callable[[], Iterable]) -> bool:
    """Whether a row the note rule reads as a summary line (its texts a total's words, its
    other values numbers) names a head after a total's words ('| Tong Cong Van Thanh | … | 4',
    :func:`_named_row`, its STT apart): a household's row, read (session 55)."""
    stt = positions.get("stt", -1)
    for col, value in enumerate(raw):
        if maybe_named_after_total(value):
            return _named_row(raw, col, (col, stt), positions, above)
    return False


def hamlet_after_total(value: Any, match: Callable[[str], str | None]) -> str | None:
    """The plan hamlet a head's name cell names after a total's words, where it is a hamlet's
    total as a list writes it: its first word a total's as written, with its marks or none
    ('Cộng', 'Cong', 'Tong', ``TOTAL_FIRST_WORDS``; not a head's 'Công', 'Tống'), the total's
    words (``TOTAL_MARKERS``, the longest) then a name ``match`` (the plan's
    :meth:`HamletMatcher.match`) gives a hamlet for, any case, with or without 'xóm'/'thôn':
    'Cong Na Mon', 'Tong Na Mon', 'Cong Xom Ban Co', 'Tổng cộng thôn Nà Mòn:'. None for any
    other text ('Cong Van Thanh', 'Tong Cong', 'Công Nà Mòn'). The reader knows no plan: such
    a row is told apart once the plan is (consolidate.hamlet_totals_taken; session 54)."""
    if value.__class__ is not str:
        return None
    written = value.strip(" :.")
    word = _FIRST_WORD.search(fold_exact(written))
    if word is None or word.start() or word.group() not in TOTAL_FIRST_WORDS:
        return None
    words, folded = written.split(), fold(written).split()
    if len(words) != len(folded):  # a mark alone between words ('Cong : Na Mon')
        return None
    size = next((len(m) for m in _TOTAL_PHRASES if folded[: len(m)] == m), 0)
    if not size or size == len(words):
        return None
    return match(" ".join(words[size:]))


def plainly_a_total(value: Any) -> bool:
    """Whether a name cell beginning with a total's words (:func:`hamlet_after_total`) can be
    no head's name typed without marks: its first word a total's with its marks ('Cộng',
    'Tổng'; a head's are 'Công', 'Tống'), or a hamlet's word after it ('xóm', 'thôn', any
    marks, or 'bản' with its own: 'Tổng xóm Bản Cọ', 'Cong xom Ban Co', 'Cộng Bản Cọ'). Not
    'Cong Ban Co', 'Tong Van Minh': as a head Công, Tống typed so (session 67, F)."""
    if value.__class__ is not str:
        return False
    exact = fold_exact(value).split()
    first = _FIRST_WORD.search(exact[0]) if exact else None
    if first is not None and not first.group().isascii() and first.group() in TOTAL_FIRST_WORDS:
        return True
    return bool(_HAMLET_WORDS.intersection(fold(value).split()[1:])) or "bản" in exact[1:]


# a hamlet's word, folded, as a total writes it before the hamlet's name (plainly_a_total)
_HAMLET_WORDS = frozenset(("xom", "thon"))


def hamlet_counts(
    columns: dict[str, list], match: Callable[[str], str | None]
) -> list[tuple[int, str, int]]:
    """The rows of a list's ``columns`` (as :func:`hamlet_totals` reads them) that are a plan
    hamlet's total writing its count of households under 'Mã hộ', bare or with 'hộ' ('Cong Na
    Mon | 4', 'Cộng Nà Mòn | 4 hộ'; the head's name cell a total's words then a plan hamlet,
    :func:`hamlet_after_total`), no class, no birth year and no ID number: (index, the count
    as written, the count). The reader, knowing no plan, read such a row as a household coded
    4 where its words are typed without marks (session 62). Its other numbers (people,
    income, …) a total's over the rows (:func:`_summing`): a row whose 3 people sum no rows is
    a head's, coded 4 ('4 | Tổng Văn Minh | … | 3'), read and said (session 63, D)."""
    return _hamlet_rows(columns, match)[1]


def hamlet_totals(columns: dict[str, list], match: Callable[[str], str | None]) -> list[int]:
    """The rows of a list's ``columns`` (key -> its cells, raw or normalised) that are a plan
    hamlet's total, by index: the head's name cell a total's words then a plan hamlet's name
    (:func:`hamlet_after_total`; ``match``, the plan's HamletMatcher.match: 'Cong Na Mon',
    'Tong Na Mon', 'Cộng xóm Bản Cọ'), no Mã hộ, no birth year and no ID number
    (:func:`person_detail`), and its numbers the sums of the rows (:func:`_summing`: 3,940 under
    'Năm sinh', 8 under 'Số nhân khẩu'; session 55). A hamlet's list (once the plan is known,
    consolidate.hamlet_totals_taken) and the plan's start list (plan._start_list) take them
    out unsaid (sessions 54-55). Looked at only where a name cell begins 'C' or 'T'."""
    return _hamlet_rows(columns, match)[0]


def holds_figure(columns: dict[str, list], i: int) -> bool:
    """Whether row ``i`` of ``columns`` holds a number beside its count under 'Mã hộ' (its STT
    and the head's name apart): a figure a hamlet's count's row may be asked."""
    return any(
        key not in _NOT_FIGURES and key != "ma_ho" and values[i].__class__ in (int, float)
        for key, values in columns.items()
    )


def count_closes_above(columns: dict[str, list], i: int, said: int) -> bool:
    """Whether row ``i`` of ``columns``, a hamlet's count of ``said`` households
    (:func:`hamlet_counts`), holds a figure and its every figure is the total of the ``said``
    rows just above it: its count and its figures agree, the part it closes is those rows,
    whatever closes them above (a total the reader took out itself, 'Cộng xóm Nà Mòn | | … |
    12'; or none: 'Cong Ban Co | 2 | … | 7' under BC1, BC2 ending a list of Nà Mòn's rows)
    (consolidate.hamlet_totals_taken; session 63 review, R2)."""
    if not 0 < said <= i or not holds_figure(columns, i):
        return False
    return _sums_row(columns, i, lambda values: iter([values[i - said : i]]), ("ma_ho",))


def _hamlet_rows(
    columns: dict[str, list], match: Callable[[str], str | None]
) -> tuple[list[int], list[tuple[int, str, int]]]:
    """A list's plan hamlets' totals (:func:`hamlet_totals`) and counts (:func:`hamlet_counts`),
    told by their figures together (:func:`_summing`): each kind closes a part of the list for
    the other ('Cong Na Mon | 3 | … | 12' then 'Cong Ban Co | | … | 7' under Bản Cọ's rows,
    and the other way; session 63 review, R2)."""
    names = columns.get("chu_ho") or ()
    # told at a glance: 'C' or 'T' then 'ộ', 'ổ' or 'o' (the base letter of NFD), as 'Cộng',
    # 'Cong', 'Tổng', 'TONG' begin and no 'Trần', 'Công', 'Tống' does (25 ms a 100,000 names
    # on a slow shared host, session 54)
    maybe = [
        i for i, name in enumerate(names) if name.__class__ is str and name[:2] in _TOTAL_START
    ]
    if not maybe:
        return [], []
    found = [
        i
        for i in maybe
        if is_blank(_at(columns, "ma_ho", i))
        and not person_detail(_at(columns, "nam_sinh", i), "nam_sinh")
        and not person_detail(_at(columns, "so_dinh_danh", i), "so_dinh_danh")
        and not _household_text_at(columns, i)
        and hamlet_after_total(names[i], match) is not None
    ]
    codes = columns.get("ma_ho") or ()
    counted = []
    for i in maybe if codes else ():
        code = codes[i]
        said = _count_written(code)
        if (
            said is None
            or not _class_count(_at(columns, "phan_loai", i), said)
            or person_detail(_at(columns, "nam_sinh", i), "nam_sinh")
            or person_detail(_at(columns, "so_dinh_danh", i), "so_dinh_danh")
            or _household_text_at(columns, i)
            or hamlet_after_total(names[i], match) is None
            and not (
                # a name no plan hamlet has ('Cong Ban Co' in a plan Bản Cọ merged away from):
                # a count only where its count and figures agree on the rows just above it
                # (session 64, D); never 'Tong …' typed without marks, as a head Tống's name
                # is typed: a head's row, asked at its cells (session 65, RD)
                hamlet_after_total(names[i], _any_name) is not None
                and _FIRST_WORD.search(fold_exact(names[i])).group() != "tong"
                and count_closes_above(columns, i, said)
            )
        ):
            continue
        counted.append((i, clean_text(code) if code.__class__ is str else str(said), said))
    if not found and not counted:
        return [], []
    # 'Cộng Nà Mòn', 'Tổng Nà Mòn' with their marks begin no head's name (a head's is 'Công',
    # 'Tống'): the hamlet's total whatever its numbers, a stale one too, as 'Tổng cộng' is;
    # only a total's word typed without marks ('Tong Van Binh') asks its numbers (session 55
    # review); a count is asked its numbers either way ('Tổng Văn Minh | 4 | … | 3' a head's
    # row, session 63, D), its count under 'Mã hộ' no figure, over the groups its count may
    # close too (its part's rows not 'Thoát', the rows its count names just above it; session
    # 63 review, R2)
    marked = {
        i for i in found if _FIRST_WORD.search(fold_exact(names[i])).group() not in _UNMARKED_FIRST
    }
    counts = {i: said for i, _, said in counted}
    taken = set(_summing(columns, sorted({*found, *counts}), marked, ("ma_ho",), counts, match))
    return [i for i in found if i in taken], [row for row in counted if row[0] in taken]


def _class_count(value: Any, said: int) -> bool:
    """Whether a count's 'Phân loại hộ' cell is a total's: blank, or a whole number no more
    than its count of households ``said`` (its households of a class: 'Cong Na Mon | 3 | … |
    12 | 3', its 3 poor; session 64, D), its other figures asked as ever (:func:`_summing`)."""
    if is_blank(value):
        return True
    number = _count_written(value)  # '3 hộ' too (session 65, D)
    if number is None and value.__class__ is str:
        counted = _CLASS_COUNTED.fullmatch(fold(value))  # '3 hộ nghèo': 3 (session 66, F)
        number = int(counted.group(1)) if counted else None
    return number is not None and number <= said


def _count_written(value: Any) -> int | None:
    """A count of households written bare (:func:`_bare_number`) or with 'hộ' ('4 hộ': 4),
    else None."""
    said = _bare_number(value)
    if said is None and value.__class__ is str and _COUNT_ALONE.fullmatch(fold(value)):
        number = households_written(value)  # '4 hộ': 4
        said = int(number) if number is not None and number == int(number) else None
    return said


def _any_name(written: str) -> str:
    """Any name written after a total's words (:func:`hamlet_after_total`), a plan hamlet's
    or not."""
    return written


_TOTAL_START = frozenset(first + second for first in "CcTt" for second in "ộổoỘỔO")
# ... and 'Cô', 'Tô': 'Cộng', 'Tổng' typed in composite Unicode ('Unicode tổ hợp', a
# Vietnamese keyboard's setting: the hat's vowel precomposed, the tone mark after it), which a
# group's subtotal is looked at in (its words folded after; session 56 review)
_SUBTOTAL_START = _TOTAL_START | frozenset(first + second for first in "CcTt" for second in "ôÔ")
# a list's columns that are no figure of a total: its STT, the name, the start list's Excel row
_NOT_FIGURES = ("stt", "chu_ho", "excel_row")
# a list's columns whose total may be its rows' average: the income per person a month
_AVERAGED = ("thu_nhap",)


# The columns whose text a head's row holds and no total's does ('Nam', 'Tày'): the head's own
# facts (a class, cause or need may be copied down a list, over its total too)
_HEAD_TEXT_KEYS = ("gioi_tinh", "dan_toc")


def _household_text_at(columns: dict[str, list], index: int) -> bool:
    """Whether row ``index`` of ``columns`` holds a text of letters under a column of
    ``_HEAD_TEXT_KEYS``: a household's row, whatever its name cell says. A head surnamed Tống
    or Công whose name is typed 'Tổng Văn Minh' or 'Cong Van Minh' in a commune with a hamlet
    Văn Minh, his gender or ethnicity beside, is no hamlet's total (session 62, H2)."""
    for key in _HEAD_TEXT_KEYS:
        value = _at(columns, key, index)
        if value.__class__ is str and _FIRST_WORD.search(value) is not None:
            return True
    return False


def _at(columns: dict[str, list], key: str, index: int) -> Any:
    """The value of column ``key`` at ``index`` (None where the table has no such column)."""
    values = columns.get(key)
    return values[index] if values else None


def _summing(
    columns: dict[str, list], found: list[int], marked: Collection[int] = (),
    apart: Collection[str] = (), counts: Mapping[int, int] | None = None,
    match: Callable[[str], str | None] | None = None,
) -> list[int]:  # fmt: skip
    """The rows of ``found`` (indexes into ``columns``, in order) whose every number (its STT
    apart) is a total's figure (:func:`column_figure`, as :func:`figures_summed` asks) over the
    other rows above it since the last such row, all above it, or all under it (a total on
    top): a hamlet's total. A row holding 4 people or 1,200,000 đồng no rows sum is a
    household whose head's name reads so ('Tong Van Binh', 'Tống Văn Bình' typed without
    marks, in a commune with a hamlet 'Văn Bình'): read and told, never taken out unsaid
    (session 55). A row holding no number ('Cong Na Mon' alone) is taken out as before; so is
    each of ``marked`` (a total's word with its marks: 'Cộng Nà Mòn'), whatever its numbers.
    The income per person ('Thu nhập BQ') may be the rows' average as well as their sum
    (=AVERAGE: 1,200,000 over two households of 1,200,000; :func:`_sums_row`; session 55
    review). ``apart``: columns whose cell is no figure (a count of households under 'Mã hộ':
    :func:`hamlet_counts`). On top of its part, the rows under it to the next such row are one
    group more (a list of parts each under its total on top; session 63, D). Where a group
    holds rows written 'Thoát', its rows not 'Thoát' are one more; so are the rows whose
    'Xóm' cell names the row's hamlet (the start list's 'Đồng Kè | | Cong Dong Ke | … | 8'
    under Đồng Kè's rows), and for each of ``counts`` (index -> its count of households:
    :func:`hamlet_counts`) the rows its count names just above it (session 63 review, R2).
    The 'Xóm' cells are compared as ``match`` (the plan's HamletMatcher.match) reads them where
    it reads both: 'xóm Đồng Kè' is Đồng Kè (session 64, D)."""
    later = set(found)
    taken: set[int] = set()
    since = 0  # the row after the last total taken
    kinds = columns.get("phan_loai") or ()
    gone = {j for j, v in enumerate(kinds) if v == "exited" or _written_exited(v)}
    places = columns.get("hamlet") or ()
    keys: dict[Any, Any] = {}  # a 'Xóm' cell -> the plan hamlet it names (_place_key)
    size = max(map(len, columns.values()), default=0)
    for i in found:
        later.discard(i)
        upto = min(later, default=-1)
        rows = (
            [range(since, i), [j for j in range(i) if j not in taken]]
            if since
            else [range(since, i)]
        )
        rows.append([j for j in range(i + 1, size) if j not in later])
        if upto > 0:  # on top of its part, the next total under it (session 63)
            rows.append(range(i + 1, upto))
        if gone:  # a group's rows not 'Thoát' (session 63 review)
            rows += [still for g in rows if len(still := [j for j in g if j not in gone]) < len(g)]
        place = places[i] if i < len(places) else None
        if place.__class__ is str and not is_blank(place):  # its hamlet's rows (session 63 review)
            named = _place_key(place, match, keys)
            rows.append(
                [j for j, v in enumerate(places) if (v == place or _place_key(v, match, keys)
                 == named) and j != i and j not in later and j not in taken]
            )  # fmt: skip
        if counts and i in counts and 0 < counts[i] <= i - since:  # its count's rows above it
            rows.append(range(i - counts[i], i))

        def groups(values: list, rows: list = rows) -> Iterator[list]:
            for g in rows:
                yield [values[j] for j in g]

        if (
            i in marked
            or _sums_row(columns, i, groups, apart)
            or counts
            and i in counts
            and count_run_above(columns, i, since) is not None
        ):
            taken.add(i)
            since = i + 1
    return sorted(taken)


def count_run_above(columns: dict[str, list], i: int, since: int = 0) -> int | None:
    """How many rows just above row ``i`` of ``columns`` (a hamlet's count of households,
    :func:`hamlet_counts`), two or more and none above ``since``, its every figure totals,
    where it holds a figure: the part it closes, whatever count it writes ('Cong Ban Co | 3 |
    … | 7' under BC1, BC2 of 4 and 3 people: 2, its count mistyped). The fewest such rows;
    None where no run of two or more gives its figures (a head's row, coded 3: session 63, D).
    A run of one row is a household's figures as well (a head's row copied under it): not
    taken (session 64, D)."""
    if not holds_figure(columns, i):
        return None
    people = columns.get("nhan_khau")
    figure = people[i] if people else None
    if figure.__class__ not in (int, float):
        people = None
    total, texts = 0.0, False  # the people of the run so far, a text among them
    for size in range(1, i - since + 1):
        if people is not None:  # its people (=SUM, or =COUNTA of texts) asked first: cheap
            cell = people[i - size]
            part = _summed_part(cell)
            total += part or 0.0
            texts = texts or part is None and _count_key(cell) is not None
            if abs(total - figure) >= 1e-6 and not texts:
                continue
        if size > 1 and _sums_row(
            columns, i, lambda values, size=size: iter([values[i - size : i]]), ("ma_ho",)
        ):
            return size
    return None


def _place_key(value: Any, match: Callable[[str], str | None] | None, keys: dict[Any, Any]) -> Any:
    """The plan hamlet a 'Xóm' cell names (``match``, once a cell's text: ``keys``), else a
    key no other cell has (a cell ``match`` reads no hamlet of, or none to read by)."""
    if value in keys:
        return keys[value]
    named = match(value) if match is not None and value.__class__ is str else None
    keys[value] = found = named if named is not None else object()
    return found


def _written_exited(value: Any) -> bool:
    """Whether a 'Phân loại hộ' cell as written says 'Thoát' ('Thoát nghèo', 'thoat')."""
    return value.__class__ is str and "thoat" in fold(value)


def _sums_row(
    columns: dict[str, list], i: int, groups: Callable[[list], Iterator[list]],
    apart: Collection[str] = (),
) -> bool:  # fmt: skip
    """Whether each number of row ``i`` of ``columns`` (its STT and the columns ``apart``
    apart) is its column's total over one of ``groups(column)`` (:func:`column_figure`), or
    under 'Thu nhập BQ' their average (:func:`_averages`) or their income per head (weighted
    by 'Số nhân khẩu'; session 63, D) beside another number that is a sum: an income alone
    equal to the rows' average is a household's as well (session 55 review)."""
    summed = averaged = False
    for key, values in columns.items():
        value = values[i]
        if key in _NOT_FIGURES or key in apart or value.__class__ not in (int, float):
            continue
        if column_figure(value, groups(values)):
            summed = True
        elif key in _AVERAGED and (
            any(_averages(value, cells) for cells in groups(values))
            or "nhan_khau" in columns
            and _per_head_cells(value, groups(values), groups(columns["nhan_khau"]))
        ):
            averaged = True
        else:
            return False
    return summed or not averaged


def _per_head_cells(value: float, incomes: Iterable[list], people: Iterable[list]) -> bool:
    """Whether ``value`` is the income per head of one group of rows (``incomes``' and
    ``people``'s lists alike, one column's cells each: 'Thu nhập BQ', 'Số nhân khẩu'), each
    row's income weighted by its people, as a head writes it (:func:`mean_written`); none
    where a cell of either holds no number (session 63, D)."""
    for cells, sizes in zip(incomes, people, strict=False):
        total = heads = 0.0
        for income, size in zip(cells, sizes, strict=True):
            if income.__class__ not in (int, float) or size.__class__ not in (int, float):
                break
            total += income * size
            heads += size
        else:
            if heads and mean_written(value, total / heads):
                return True
    return False


def person_detail(value: Any, key: str) -> bool:
    """Whether ``value`` under ``key`` ('nam_sinh', 'so_dinh_danh') is a household's birth
    year or ID number as the reader tells one in a total's row (a year 1900–2100, a date, 9
    to 12 digits), no sum over other rows looked at."""
    return _is_detail(value, key, -1, tuple)


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


def vertical_fills(
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

    cells = first_cells(raw, 4)
    if not cells or len(cells) > 3:
        return False
    first = fold(cells[0][1])
    return first.startswith(SIGNATURE_MARKERS) or SIGNATURE_DATE.search(first) is not None


def first_cells(raw: list[Any], most: int) -> list[tuple[int, Any]]:
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
_DETAIL_KEYS = frozenset(key for key, _, _, _ in _DETAILS)
_DETAIL_BY_KEY = {detail[0]: detail for detail in _DETAILS}


def _holds_person_details(
    raw: list[Any], marker_col: int, positions: dict[str, int], above: Callable[[], Iterable]
) -> bool:
    """Whether a row whose first cell is a total's word ('Tổng cộng') holds a household's
    details outside that cell: a birth year (a date, a year 1900–2100 as a number or in a
    text: '1965', '15/03/1962') or an ID number (9 to 12 digits: '001065001234'), which no
    count or sum of a total row is. Such a row is a household whose name is wrong, read (and
    said), not skipped (docs/decisions.md, session 51). A value that is the sum of its column
    over one of ``above()`` (lists of the household rows above it: since the last total or
    section row, and all; below it too, :func:`_rows_above`) is the total's
    =SUM, not a detail: a section of one household sums to its year, 1965 (session 52); so is
    a year's digits alone as text under 'Năm sinh' ('1970', the sum typed; session 52 review)."""
    width = len(raw)
    for key in _DETAIL_BY_KEY:
        col = positions.get(key, -1)
        if col < 0 or col == marker_col or col >= width:
            continue
        if _is_detail(raw[col], key, col, above):
            return True
    return False


def _is_detail(value: Any, key: str, col: int, above: Callable[[], Iterable]) -> bool:
    """Whether ``value`` under ``key`` ('nam_sinh', 'so_dinh_danh') is a household's birth
    year or ID number, not a total's count or sum (:func:`_holds_person_details`)."""
    _, pattern, least, below = _DETAIL_BY_KEY[key]
    kind = value.__class__
    if kind is str:
        if pattern.search(value) is None:
            return False
        # the total's sum typed as text ('1970' over one household born 1970: a cell
        # formatted as Text, or the sum written by hand; session 52 review), under 'Số định
        # danh' too: IDs typed as numbers summed into a Text cell ('38120005555'), its lost 0
        # written back ('019058001234' over one; session 53)
        written = value.strip()
        if not written.isdecimal():  # (isdigit takes '²', which int() refuses)
            return True
        return not any(_sums(int(written), col, rows) for rows in above())
    if kind in (datetime, date) or (
        kind in (int, float) and least <= abs(value) < below and value == int(value)
    ):
        return not any(_sums(value, col, rows) for rows in above())
    return False


def _total_figure(value: Any, key: str, col: int, above: Callable[[], Iterable]) -> bool:
    """Whether a value under a person column is a total's figure over ``above()``: under
    'Năm sinh' or 'Số định danh' no detail (:func:`_is_detail`), under 'Giới tính' or 'Dân tộc'
    a number =SUM or =COUNTIF gives (:func:`_sums`, :func:`_counts`)."""
    if key in _DETAIL_BY_KEY:
        return not _is_detail(value, key, col, above)
    if value.__class__ not in (int, float):
        return False
    return any(_sums(value, col, rows) or _counts(value, col, rows) for rows in above())


def _sums(value: Any, col: int, rows: list[list[Any]] | _SummedGroup) -> bool:
    """Whether ``value`` (a number or a date) is what =SUM gives of column ``col`` over
    ``rows``: their numbers and dates (as Excel's serial days) added, text passed over as SUM
    passes it (0 over a column of text: 'Giới tính', 'Dân tộc'; session 52 review)."""
    if rows.__class__ is _SummedGroup:
        return rows.tally(col, False).sums(value)
    return _sums_cells(value, (raw[col] if col < len(raw) else None for raw in rows))


def _sums_cells(value: Any, cells: Iterable[Any]) -> bool:
    """:func:`_sums` over one column's ``cells``."""
    total = 0.0
    for cell in cells:
        days = _summed_part(cell)
        if days is not None:
            total += days
    return abs(total - _as_days(value)) < 1e-6


def _summed_part(cell: Any) -> float | None:
    """What =SUM adds of a cell: a number as it is, a date as Excel's days; None for any other
    (text, a boolean, blank). The rule of :func:`_sums_cells` and :class:`_Tally` alike."""
    kind = cell.__class__
    if kind is int or kind is float or kind is datetime or kind is date:
        return _as_days(cell)
    return None


def _averaged(cell: Any) -> bool:
    """Whether =AVERAGE takes a cell: a number (no date, boolean or text). The rule of
    :func:`_averages` and :class:`_Tally` alike."""
    return cell.__class__ is int or cell.__class__ is float


def _count_key(cell: Any) -> str | None:
    """The key =COUNTIF and =COUNTA count a cell by: a written text folded ('Nữ' and 'nữ'
    alike); None for any other (a number, even typed as text, is counted only as that text).
    The rule of :func:`_counts_cells` and :class:`_Tally` alike."""
    if cell.__class__ is str and not is_blank(cell):
        return fold(cell)
    return None


def _counts(value: float, col: int, rows: list[list[Any]] | _SummedGroup) -> bool:
    """Whether a whole number ``value`` (1 or more) is what =COUNTIF gives of column ``col``
    over ``rows`` for one of its texts (folded: 'Nữ' and 'nữ' alike), or =COUNTA of its
    written cells: a total's count of women heads or of a people (session 52 review)."""
    if rows.__class__ is _SummedGroup:
        return rows.tally(col, False).counts(value)
    return _counts_cells(value, (raw[col] if col < len(raw) else None for raw in rows))


def _counts_cells(value: float, cells: Iterable[Any]) -> bool:
    """:func:`_counts` over one column's ``cells``."""
    if value < 1 or value != int(value):
        return False
    found: dict[str, int] = {}
    for cell in cells:
        key = _count_key(cell)
        if key is not None:
            found[key] = found.get(key, 0) + 1
    return value == sum(found.values()) or value in found.values()


def _averages(value: float, cells: list[Any]) -> bool:
    """Whether ``value`` is what =AVERAGE gives of ``cells``' numbers, or that rounded
    (:func:`mean_written`); False over no number."""
    numbers = [cell for cell in cells if _averaged(cell)]
    return bool(numbers) and mean_written(value, sum(numbers) / len(numbers))


def mean_written(value: float, mean: float) -> bool:
    """Whether ``value``, a total's figure under 'Thu nhập BQ', is ``mean`` (the rows'
    =AVERAGE, or their income per head) as a head writes it: to the đồng (within 0.5:
    ROUND(…; 0), or typed by hand), or rounded to the tens, hundreds, thousands or ten
    thousands its own last digits show (1.263.000 for 1.263.333: within 500; 1.263.300 within
    50; 1.263.330 within 5; a tie either way) (session 63, D); 1.260.000 within 5,000, as
    heads who write an income to the ten thousand round it (=ROUND(…; -4); session 63 review,
    R2). No coarser: 1.300.000 for 1.263.333 is no rounding a head writes for an average."""
    off = abs(mean - value)
    if off <= 0.5:
        return True
    for place in _ROUNDED_TO:
        if value % place == 0:
            return off <= place / 2 + 1e-6
    return False


# the places an average is rounded to on a total's row, the coarsest first (mean_written)
_ROUNDED_TO = (10_000, 1000, 100, 10)


def column_answers(value: float, cells: list[Any], typed: bool) -> tuple[bool, bool, bool]:
    """Whether ``value`` is =SUM, =AVERAGE, or =COUNTIF or =COUNTA of one column's ``cells``
    as the reader asks a list of rows (:func:`_column_sums`, :func:`_column_averages`,
    :func:`_counts`; ``typed``: numbers typed as text summed and averaged too): what a
    :class:`TableTallies`' running figures must answer alike (session 57, F4)."""
    figures = [_typed_figure(cell) for cell in cells] if typed else cells
    return _sums_cells(value, figures), _averages(value, figures), _counts_cells(value, cells)


def column_figure(value: Any, groups: Iterable[list[Any]]) -> bool:
    """Whether a number ``value`` is a total's figure over one of ``groups`` (each a list of
    one column's cells): what =SUM gives of them (:func:`_sums`) or =COUNTIF or =COUNTA of
    their texts (:func:`_counts`), as :func:`figures_summed` asks of each number of a row."""
    return any(_sums_cells(value, cells) or _counts_cells(value, cells) for cells in groups)


def _as_days(value: Any) -> float:
    """A number as it is, a date as Excel's serial day (from 30/12/1899)."""
    if value.__class__ is date:
        value = datetime(value.year, value.month, value.day)
    if value.__class__ is datetime:
        return (value - _DAY_ZERO).total_seconds() / 86400
    return float(value)


_DAY_ZERO = datetime(1899, 12, 30)


def _numbered_total(
    raw: list[Any],
    cells: list[tuple[int, Any]],
    first: str,
    positions: dict[str, int],
    guard_cols: list[int],
    markers: tuple[str, ...],
    above: Callable[[], Iterable],
    runs: Callable[[], Iterable[list[list[Any]]]] | None = None,
) -> bool:
    """A total or subtotal row numbered on from the households ('31 | | Tổng cộng | … | 120'):
    a number alone in its first cell (``first``, folded), a marker in a written cell after it,
    and no value in the guard columns (Mã hộ) nor the person columns outside the marker's cell,
    but a count or a sum under 'Năm sinh' or 'Số định danh' (:func:`_holds_person_details`
    of ``above()``, as for a total row without its number; session 52) and a number =SUM gives
    under 'Giới tính' or 'Dân tộc' (0 over their text: the sum copied across the row; session
    52 review) or =COUNTIF of one of their texts (:func:`_counts`): such a row names no
    household. A marker further right than the next two written cells
    ('31 | … | 120 | 31 hộ | … | Tổng cộng' in 'Ghi chú') counts only with the head's name
    blank as well: a household is named, and its note may begin 'Tổng cộng 4 khẩu'.
    (``cells``: the row's first written cells, from :func:`first_cells`.) Its year or ID no
    group sums, holding numbers alone, a run of the households next to it may give (``runs``,
    :func:`_run_total`; session 58)."""
    if not (first.isdigit() and len(first) <= 5):
        return False
    width = len(raw)
    keep = guard_cols + [
        positions[k] for k in _PERSON_KEYS if k in positions and k not in _DETAIL_KEYS
    ]
    sums = {positions[k] for k in ("gioi_tinh", "dan_toc") if k in positions}
    near = {col for col, _ in cells[1:3]}
    for col in range(cells[0][0] + 1, width):
        value = raw[col]
        if value.__class__ is not str:
            continue
        folded = fold(value)
        if not starts_with_marker(folded, markers):
            # a group's subtotal ('3 | | Cộng tổ 1 | 3,940 | … | 8') where its numbers are the
            # sums (session 56; the folded words told first, as most cells are no such words),
            # or stale with nothing of a household in it (session 57)
            if _GROUP_SUBTOTAL.match(folded) is None or not (
                _subtotal_shaped(raw, col, value, positions, above)
                or _group_summed(raw, col, value, positions, above)
                or (
                    runs is not None
                    and group_subtotal(value)
                    and _run_total(raw, col, positions, runs)
                )
            ):
                continue
        elif not written_as_total(value):  # 'Tống Công Thành', a name (session 53 review)
            continue
        if maybe_named_after_total(value) and _named_row(
            raw, col, (cells[0][0], col), positions, above
        ):
            continue  # 'Tong Cong Van Thanh' beside 'Hộ nghèo' or 4 people: a name (sessions 54-55)
        named = col not in near and "chu_ho" in positions
        guarded = [*keep, positions["chu_ho"]] if named else keep
        for c in guarded:
            if c == col or c >= width or is_blank(raw[c]):
                continue
            # a number under 'Giới tính'/'Dân tộc' that =SUM gives (0 over their text) is the
            # total's copied across the row, no household's (session 52 review)
            kind = raw[c].__class__
            if c in sums and kind in (int, float) and any(_sums(raw[c], c, r) for r in above()):
                continue
            # or a count of its text (=COUNTIF(E5:E9;"Nữ"): 2 women heads; session 52 review)
            if c in sums and kind in (int, float) and any(_counts(raw[c], c, r) for r in above()):
                continue
            return False
        return not _holds_person_details(raw, col, positions, above) or (
            runs is not None and _run_total(raw, col, positions, runs)
        )
    return False


def _section_total(
    raw: list[Any],
    cells: list[tuple[int, Any]],
    positions: dict[str, int],
    guard_cols: list[int],
    markers: tuple[str, ...],
    above: Callable[[], Iterable],
) -> bool:
    """A section's label carrying its subtotal ('I | Hộ nghèo | 3,940 | … | 8' over its
    households, session 53): its first written cell, or two, a numbered section
    (:func:`_is_section`), its number in the STT column, its label there or under the code or
    the name (a label alone, 'Hộ nghèo | 3,940', is not looked at),
    no value in the guard columns (Mã hộ) nor the head's name outside the label's cells, and
    each value in a person column a total's figure over ``above()`` (:func:`_total_figure`: a
    sum of the section's years, one household's year, a count of its women heads), as a total
    row's without its word. ``cells``: the row's first written cells (:func:`first_cells`)."""
    # a household's code or name outside the first two cells, told first (the rows looked at
    # one by one are households, most of them)
    width = len(raw)
    named = (*guard_cols, positions.get("chu_ho", -1))
    near = {cells[0][0], cells[1][0]}
    for col in named:
        if 0 <= col < width and col not in near and not is_blank(raw[col]):
            return False
    # a numbered section's label only ('I | Hộ nghèo', 'II. HỘ CẬN NGHÈO'), its number in the
    # STT column (else A), its label there or under the code or the name: no household's
    # size and class ('4 | Hộ nghèo' under 'Số nhân khẩu' and 'Phân loại hộ')
    numbered = (
        _SECTION_NUMBER.match(fold(cells[0][1])) if cells[0][0] == positions.get("stt", 0) else None
    )
    if numbered is None:
        return False
    head = cells[:2] if cells[1][0] in named and _is_section(cells[:2], markers) else cells[:1]
    if not _is_section(head, markers) or (len(head) == 1 and cells[1][0] in named):
        return False
    # its label a section's words ('Hộ nghèo', 'Danh sách hộ mới'), not any two words after a
    # Roman numeral or a letter, as a heading alone may be: 'II | | Nguyễn Văn Bình' is a
    # household numbered so, its code missing, told at its row (session 53 review)
    if not _is_label(fold(head[1][1]) if len(head) == 2 else numbered.group(2) or "", markers):
        return False
    labels = {col for col, _ in head}
    for key in _PERSON_KEYS:
        col = positions.get(key, -1)
        if col < 0 or col >= width or col in labels or is_blank(raw[col]):
            continue
        if not _total_figure(raw[col], key, col, above):
            return False
    return True


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
# A note saying a list holds no household, folded ('Không có hộ nghèo', '(Không có)', 'Không',
# 'Không có hộ nào', 'Không còn hộ nghèo', 'Không phát sinh'): alone in a row, no household's
# (session 65, RD: :func:`_nothing`); 'Chưa có (hộ …)', 'Chưa phát sinh', 'Trống' too
# (session 66, F)
_NOTHING = lazyre.compile(
    r"^\(?\s*(?:(?:khong|chua)(?: co| con)?(?: ho(?: gia dinh)?)?(?: thoat)?(?: can)?"
    r"(?: ngheo)?(?: moi)?(?: nao)?(?: phat sinh)?|trong)\s*\)?\.?$"
)
# the first letters of such a note as written, NFC or NFD: looked at only there; a space, a
# dash or a star before it too (' Không có', '- Không có -', '*Trống'; session 66, RF)
_NOTHING_FIRST = frozenset("KkCcTt( -\u2013*")
# a label a head writes under STT beside such a note ('Ghi chú | Không có hộ nghèo'), folded
# (session 66, RF); a total's words or the list's end there too ('Cộng | Không có hộ', 'Hết |
# Trống': a count of none, the end of an empty list; session 67, F), not any word ('x | Trống')
_NOTE_LABELS = frozenset(
    ("ghi chu", "chu thich", "luu y", "chu y", "het", "het danh sach", "cong", "tong",
     "tong cong", "tong so")
)  # fmt: skip


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
    # longest first, then by text: the pattern's text the same whatever PYTHONHASHSEED orders
    # the set by (session 61, R2)
    every = sorted({*words.markers, *words.openers, *totals, *sections}, key=lambda w: (-len(w), w))
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
        self.stt_col = positions.get("stt", -1)
        self.hamlet_col = positions.get("hamlet", -1)  # the plan's start list's 'Xóm'
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
        if starts_with_marker(folded, self.totals) and written_as_total(value):
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

    def passes(
        self,
        raw: list[Any],
        keep: set[int],
        guard_cols: list[int],
        figure: Callable[[int, Any], bool] | None = None,
    ) -> bool:
        """A note or summary line written in any column ('Ghi chú: …' or 'Trong đó:' in Mã hộ,
        '17 hộ | Cộng | … | 64', 'Trong đó | … | Hộ nghèo | 3 hộ'): every text in it is a label
        (:meth:`kind`), one of them surely, outside the notes column (a household's note may
        begin 'Ghi chú:'); every other value a number (a count, a sum), in none of ``keep``:
        the guard columns (Mã hộ: a code typed as a number is a household's) and the person
        columns. A household's row has a code or a name that is no label. Nor is a row whose
        class column holds a class ('Hộ nghèo', not 'Hộ nghèo: 3 hộ') beside a size, an
        income or a mark a note, unless a count in it ('3 hộ') or a summary's opening words
        ('Trong đó', 'Cộng hộ nghèo': :meth:`sums`) say it sums households: a new household
        written without code or name is read, its missing code told to the head. A value in a
        person column that ``figure(col, value)`` says is a total's (a sum, a count: '2 hộ |
        Tổng cộng | 3,940 | … | 8'; session 52 review) is as a number elsewhere."""
        for col in guard_cols:  # the household's code first: most rows end here
            if col < len(raw) and not is_blank(raw[col]):
                value = raw[col]
                if value.__class__ is not str or not self.kind(value):
                    # ... but a note alone in the row saying the list is empty ('Không có hộ
                    # nghèo', '(Không có)', 'Trống' under 'Mã hộ'; session 65, RD), its STT
                    # written or not ('1 | Không có hộ nghèo'; session 66, F)
                    return (
                        value.__class__ is str
                        and value[:1] in _NOTHING_FIRST
                        and _nothing(raw, col, self.stt_col, self.hamlet_col)
                    )
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
                if figure is None or col in guard_cols or not figure(col, value):
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


def _nothing(raw: list[Any], col: int, stt: int = -1, hamlet: int = -1) -> bool:
    """Whether ``raw``'s one written cell is ``col``'s and says the list holds no household
    (:data:`_NOTHING`), the row's number in column ``stt`` written or not ('1 | Không có hộ
    nghèo': session 66, F), and the hamlet it is said of in column ``hamlet`` (the plan's start
    list: 'Đồng Kè | Chưa có hộ'; session 66, RF); a household's row writes more than its
    code."""
    for c, v in enumerate(raw):
        if c == col or v is None or is_blank(v):
            continue
        if not (c == stt and _numbered(v) or c == hamlet and v.__class__ is str):
            return False
    return _NOTHING.match(fold(raw[col])) is not None


def _numbered(value: Any) -> bool:
    """A row's number as an STT cell writes it: a whole number, as a number or text ('1',
    '1.'); or a note's label there ('Ghi chú', 'Lưu ý:'; session 66, RF), a total's words or
    the list's end ('Cộng', 'Tổng cộng', 'Hết'), or a mark alone ('-'; session 67, F)."""
    if value.__class__ is str:
        folded = fold(value)  # '-' under STT: no word at all
        return value.strip().rstrip(".").isdigit() or folded in _NOTE_LABELS or not folded
    return value.__class__ is int or value.__class__ is float and value.is_integer()


def _plainly_written(value: Any) -> bool:
    """A value that is surely not blank, told cheaply (False is no answer: look closer)."""
    kind = value.__class__
    if kind is str:
        return value[:1].isalnum()
    return (kind is float and value == value) or kind is int


def _is_column_number_cells(raw: list[Any]) -> bool:
    """:func:`is_column_number_row` of a row's cells, giving up at the first other cell."""
    filled = 0
    for value in raw:
        if value is None or value == "":
            continue
        text = number_fold(value, fold(value))
        if not text:
            continue
        if not NUMBER_TOKEN.match(text):
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


def _rows_above(
    grid: list[list[Any]],
    taken: list[int],
    stretch: int,
    index: int,
    guard_cols: list[int],
    markers: tuple[str, ...] = (),
    coded: list[bool | None] | None = None,
) -> Iterator[list[list[Any]]]:
    """The household rows a total row (``grid[index]``) may sum: those since the last total or
    section row, all of the table's (a grand total under subtotals), and those under it
    (:func:`_rows_below`): a total written over its households (total on top), or a subtotal on
    top of each section, the rows since the last total being the section above's (session
    53). Given lazily: the rows under it are looked for only where the rows above sum to none
    of the row's values."""
    since = [grid[i] for i in taken[stretch:]]
    yield since
    if stretch:
        yield [grid[i] for i in taken]
    yield from _rows_below(grid, index, guard_cols, markers, coded)


def _rows_below(
    grid: list[list[Any]], index: int, guard_cols: list[int], markers: tuple[str, ...] = (),
    coded: list[bool | None] | None = None, near_only: bool = False,
) -> tuple:  # fmt: skip
    """The household rows under a total written above them ('Tổng cộng' first, session 52
    review): those holding a code (a value in ``guard_cols``) from the first such row down to
    the next row written without one (a subtotal, a section's label, the signature), past the
    rows without a code right under the total (its section's label: 'Cộng II' over 'II | Hộ
    cận nghèo'; session 53), and all holding one down to the table's end. A household missing
    its code is in neither: a sum that counts it matches none, and the row is read as before.
    A total's word (one of ``markers``, written as a total is) under a code's column is no code:
    the next section's subtotal on top written under 'Mã hộ' ends the rows (session 54), and so
    does a count ('Tổng cộng | 9 hộ': the grand total's under a one-household section; session
    58). ``coded``: the grid's rows already told holding a code or not (by index), kept by the
    caller for its table: each stale subtotal asks for the rows under it to the list's end,
    and each row is told once (session 57 review, R3). ``near_only``: the near rows alone,
    looked for no further (``(near,)``; :class:`TableTallies` gives all of them)."""
    near: list[list[Any]] = []
    every: list[list[Any]] = []
    closed = False
    if coded is None:
        coded = [None] * len(grid)
    for i in range(index + 1, len(grid)):
        raw = grid[i]
        if _holds_code(grid, i, guard_cols, markers, coded):
            every.append(raw)
            if not closed:
                near.append(raw)
        elif near and not closed and any(not is_blank(value) for value in raw):
            closed = True
            if near_only:
                break
    return (near,) if near_only else (near, every)


def _holds_code(
    grid: list[list[Any]], i: int, guard_cols: list[int], markers: tuple[str, ...],
    coded: list[bool | None],
) -> bool:  # fmt: skip
    """Whether ``grid[i]`` holds a code in one of ``guard_cols`` (:func:`_code_written`), told
    once a table: kept in ``coded`` (by index). A bare number there on a total's row ('Tổng
    cộng | 9 | … | 36', :func:`_count_apart`) is none: the households under a subtotal on top
    end there, as at '9 hộ' (session 59); a 0 too (session 62)."""
    holds = coded[i]
    if holds is None:
        raw = grid[i]
        width = len(raw)
        holds = any(c < width and _code_written(raw[c], markers) for c in guard_cols)
        if (
            holds
            and markers
            and any(c < width and _count_shaped(raw[c]) for c in guard_cols)
            and _count_apart(raw, first_cells(raw, 4), guard_cols, markers) is not None
        ):
            holds = False
        coded[i] = holds
    return holds


class _Tally:
    """=SUM, =AVERAGE, =COUNTA and =COUNTIF of one column over a group of rows, kept as rows
    come into it or leave it (:func:`_sums_cells`, :func:`_averages`, :func:`_counts_cells`
    read the same, by the same rules: :func:`_summed_part`, :func:`_averaged`,
    :func:`_count_key`; ``typed``: numbers typed as text summed and averaged too).
    Added in the rows' order, as those add them: the same figures (session 57, F3)."""

    __slots__ = ("typed", "total", "numbers", "many", "counted", "texts", "tally")

    def __init__(self, typed: bool) -> None:
        self.typed = typed
        self.total = 0.0  # =SUM
        self.numbers: float = 0  # =AVERAGE's numbers and how many
        self.many = 0
        self.counted = 0  # =COUNTA
        self.texts: dict[str, int] = {}  # =COUNTIF: a text -> its count
        self.tally: dict[int, int] = {}  # a count -> how many texts are counted so

    def add(self, cell: Any, step: int = 1) -> None:
        """Takes ``cell`` into the group (``step`` 1) or out of it (-1)."""
        figure = _typed_figure(cell) if self.typed else cell
        days = _summed_part(figure)
        if days is not None:
            if step > 0:
                self.total += days
            else:
                self.total -= days
            if _averaged(figure):
                if step > 0:
                    self.numbers += figure
                else:
                    self.numbers -= figure
                self.many += step
        key = _count_key(cell)
        if key is not None:
            was = self.texts.get(key, 0)
            self.texts[key] = was + step
            tally = self.tally
            if was:
                tally[was] -= 1
            if was + step:
                tally[was + step] = tally.get(was + step, 0) + 1
            self.counted += step

    def sums(self, value: Any) -> bool:
        """:func:`_sums_cells` over the group."""
        return abs(self.total - _as_days(value)) < 1e-6

    def averages(self, value: float) -> bool:
        """:func:`_averages` over the group."""
        return self.many > 0 and mean_written(value, self.numbers / self.many)

    def counts(self, value: float) -> bool:
        """:func:`_counts_cells` over the group."""
        if value < 1 or value != int(value):
            return False
        return value == self.counted or self.tally.get(value, 0) > 0


class _SummedGroup:
    """A group of rows :func:`figures_summed` and :func:`_sums` ask by its running figures
    (``tally(col, typed)``: a :class:`_Tally` of that column), not by its rows: all the rows
    taken so far, or all those holding a code under a row (:class:`TableTallies`)."""

    __slots__ = ("tally",)

    def __init__(self, tally: Callable[[int, bool], _Tally]) -> None:
        self.tally = tally


class TableTallies:
    """The running figures of a table's columns over its rows taken so far (``taken``, in
    order) and over the rows holding a code under the row read (:func:`_rows_below`'s
    ``every``), each column's built once as the reader goes down the list: a stale subtotal's
    sums over all the rows above and all those under it are then asked at once, not added up
    again for each such row (0.1 s each at 300,000 rows; session 57, F3)."""

    def __init__(
        self, grid: list[list[Any]], taken: list[int], guard_cols: list[int],
        markers: tuple[str, ...], coded: list[bool | None],
    ) -> None:  # fmt: skip
        self.grid, self.taken, self.guard_cols = grid, taken, guard_cols
        self.markers, self.coded = markers, coded
        self.above: dict[tuple[int, bool], tuple[int, _Tally]] = {}  # how many rows taken in
        self.below: dict[tuple[int, bool], tuple[int, _Tally]] = {}  # the row they are under

    def taken_so_far(self, col: int, typed: bool) -> _Tally:
        """Column ``col``'s figures over all the rows taken (``taken`` only grows)."""
        done, tally = self.above.get((col, typed), (0, None))
        if tally is None:
            tally = _Tally(typed)
        grid, taken = self.grid, self.taken
        for i in taken[done:]:
            tally.add(_cell(grid[i], col))
        self.above[col, typed] = (len(taken), tally)
        return tally

    def coded_under(self, index: int, col: int, typed: bool) -> _Tally:
        """Column ``col``'s figures over the rows holding a code under ``grid[index]``: the
        rows between the last row asked and this one taken out (built again where asked
        higher up)."""
        grid, coded = self.grid, self.coded
        guard_cols, markers = self.guard_cols, self.markers
        at, tally = self.below.get((col, typed), (-1, None))
        if tally is None or index < at:
            tally = _Tally(typed)
            for i in range(index + 1, len(grid)):
                if _holds_code(grid, i, guard_cols, markers, coded):
                    tally.add(_cell(grid[i], col))
        else:
            for i in range(at + 1, index + 1):
                if _holds_code(grid, i, guard_cols, markers, coded):
                    tally.add(_cell(grid[i], col), -1)
        self.below[col, typed] = (index, tally)
        return tally

    def around(self, stretch: int, index: int) -> Iterator[list[list[Any]] | _SummedGroup]:
        """The groups :func:`_rows_above` gives a row at ``index`` (the rows since the last
        total, from ``stretch`` in ``taken``), the two long ones by their figures."""
        grid, taken = self.grid, self.taken
        yield [grid[i] for i in taken[stretch:]]
        if stretch:
            yield _SummedGroup(self.taken_so_far)
        yield from _rows_below(grid, index, self.guard_cols, self.markers, self.coded, True)
        yield _SummedGroup(partial(self.coded_under, index))


def _count_shaped(value: Any) -> bool:
    """Whether a cell under a code's column may be a total's count (:func:`_count_apart`): a
    bare whole number (:func:`_bare_number`), or 0 ('Cộng tổ 2 | 0' left empty: the households
    under a subtotal on top end there too; session 62)."""
    if _bare_number(value) is not None:
        return True
    kind = value.__class__
    return (kind is int or kind is float) and value == 0 or kind is str and value.strip() == "0"


def _code_written(value: Any, markers: tuple[str, ...]) -> bool:
    """Whether a cell under a code's column holds a code (:func:`_rows_below`): written, and
    no total's word (one of ``markers``, written as a total is), nor a group's subtotal
    (:func:`group_subtotal`): the start list's name column guards its rows, and 'Nà Mòn | |
    Cộng tổ 2 | … | 8' there ends the households under a subtotal on top, as a total does
    (session 57 review, R3); nor a count alone ('9 hộ', ``_COUNT_ONLY``; session 58)."""
    if is_blank(value):
        return False
    if value.__class__ is not str or not markers:
        return True
    folded = fold(value)
    return not (
        (starts_with_marker(folded, markers) and written_as_total(value))
        or group_subtotal(value)
        or (folded[:1].isdigit() and _COUNT_ONLY.match(folded) is not None)
    )


# A count of households or people alone, folded ('9 hộ', '(9 hộ)', '9 hộ, 36 khẩu'): a total's
# under 'Mã hộ' ('Tổng cộng | 9 hộ | … | 36'; session 52 review), no household's code: the
# rows under a subtotal on top end there, as at a total's words (session 58)
_COUNT_UNIT = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
_COUNT_ONLY = lazyre.compile(
    rf"^\d+ (?:{_COUNT_UNIT})\b(?: [a-z]+){{0,2}}(?: \d+ (?:{_COUNT_UNIT})\b(?: [a-z]+){{0,2}})*$"
)


# the written rows without a code a group's subtotal on top may stand over before its tổ's
# first household, as its run of rows (tables._run_gives): a section's label, a column-number
# row (session 57 review)
_LEAD_ROWS = 3


def _coded_below(
    grid: list[list[Any]], index: int, guard_cols: list[int], markers: tuple[str, ...],
    lead: int | None = None, coded: list[bool | None] | None = None,
) -> list[int]:  # fmt: skip
    """The indexes in ``grid`` of the household rows right under a total written above them
    (the first group :func:`_rows_below` gives: a subtotal on top of its tổ); ``lead``: how
    many written rows without a code may come before the first, else any (the rest of the
    list is then looked through only where no row under it holds a code). Not past a
    signature's line ('Người lập biểu' written under 'Mã hộ': no household; session 57
    review). ``coded``: the rows told holding a code, as :func:`_rows_below` keeps them."""
    found: list[int] = []
    if coded is None:
        coded = [None] * len(grid)
    for i in range(index + 1, len(grid)):
        raw = grid[i]
        if _holds_code(grid, i, guard_cols, markers, coded):
            width = len(raw)
            if any(
                c < width and raw[c].__class__ is str and " " in raw[c].strip() for c in guard_cols
            ) and signs_a_list(raw):
                break
            found.append(i)
        elif any(not is_blank(value) for value in raw):
            if found:
                break
            if lead is not None:
                lead -= 1
                if lead < 0:
                    break
    return found


def _one_hamlet(rows: list[list[Any]], col: int) -> list[list[Any]]:
    """``rows`` up to the first whose cell ``col`` (a list's 'Xóm') is not the first row's
    (folded; all of them where the list has no such column)."""
    if col < 0 or not rows:
        return rows
    first = fold(_cell(rows[0], col))
    return list(takewhile(lambda raw: fold(_cell(raw, col)) == first, rows))


def _label_key(label: str) -> str:
    """A total's label as two rows are told written alike ('Cộng', 'CỘNG:', 'Cộng' alike)."""
    return fold(label).strip(" :.-")


# the labels of a total naming nothing (no group, section, class or hamlet), folded
# (_label_key): a lone one beside one household's figures is said (session 59)
_PLAIN_TOTALS = frozenset(
    # the whole list's ('Tổng số', 'Cộng toàn xóm'): none narrower (session 59 review)
    ("cong", "tong", "tong cong", "tong so", "cong toan xom", "cong toan thon",
     "tong cong toan xom", "tong cong toan thon")
)  # fmt: skip


def plain_total(label: str) -> bool:
    """Whether a total's label names nothing narrower than the list ('Tổng cộng', 'Cộng', 'Tổng
    số', 'Cộng toàn xóm'; not 'Cộng xóm', 'Cộng tổ 2', 'Cộng hộ nghèo')."""
    return _label_key(label) in _PLAIN_TOTALS


# a count of no household written with 'hộ', folded ('0 hộ', '(0 hộ)', '0 hộ.'): a total's
# count of none under 'Mã hộ', as a bare 0 (_count_apart; session 62)
_NO_HOUSEHOLDS = lazyre.compile(r"\(?0+ ?ho\)?\.?")
_LEADING_DIGITS = lazyre.compile(r"\d*")


def _count_apart(
    raw: list[Any], cells: list[tuple[int, Any]], guard_cols: list[int], markers: tuple[str, ...]
) -> tuple[int, int, list[Any]] | None:
    """A bare whole number under the guard column ('Mã hộ': 9, '9', no 'hộ' after it; 0 too,
    session 61, and '0 hộ', session 62) of a row whose first written cells hold a total's
    words elsewhere ('Tổng cộng', 'Cộng', written as a total is; a group's 'Cộng tổ 2'), its
    only guard value: (its column, the number, the row with that cell blank), to be read as a
    total's where the number is its count (session 59). None for any other row (most: told by the first cells' two letters)."""
    if not any(
        v.__class__ is str and v.lstrip()[:2] in _SUBTOTAL_START for _, v in cells
    ):  # fmt: skip
        return None
    width = len(raw)
    found = None
    for col in guard_cols:
        value = raw[col] if col < width else None
        if is_blank(value):
            continue
        number = _bare_number(value)
        kind = value.__class__
        if (
            number is None
            and (
                (kind is int or kind is float)
                and value == 0
                or kind is str
                and (
                    value.strip() == "0"
                    # '0 hộ', '(0 hộ)': a subtotal on top of its tổ left empty (session 62)
                    or value.lstrip(" (")[:1] == "0"
                    and _NO_HOUSEHOLDS.fullmatch(fold(value)) is not None
                )
            )
        ):
            number = 0  # a count of none ('Tổng cộng | 0': a template's total left empty)
        elif (
            number is None
            and kind is str
            and value.lstrip(" (")[:1].isdigit()
            and _COUNT_ALONE.fullmatch(fold(value)) is not None
            and any(c != col and group_subtotal(v) for c, v in cells)
        ):
            # a group's subtotal writing its count with 'hộ' ('Cộng tổ 1 | 2 hộ', under its
            # tổ or on top of it): its count as a bare one's (session 62)
            number = _bare_number(_LEADING_DIGITS.match(value.strip(" (")).group())
        if number is None or found is not None:
            return None
        found = (col, number)
    if found is None:
        return None
    col, number = found
    if not any(
        c != col and v.__class__ is str and _total_label(v, markers) for c, v in cells
    ):  # fmt: skip
        return None
    bare = list(raw)
    bare[col] = None
    return col, number, bare


def _no_household_texts(
    raw: list[Any], positions: dict[str, int], markers: tuple[str, ...]
) -> bool:
    """Whether a total's row (its count under 'Mã hộ' set apart) holds no head's name and no
    class: those cells blank, or a total's label (session 59 review)."""
    width = len(raw)
    for key in ("chu_ho", "phan_loai"):
        col = positions.get(key, -1)
        value = raw[col] if 0 <= col < width else None
        if not is_blank(value) and not (value.__class__ is str and _total_label(value, markers)):
            return False
    return True


def bare_count(value: Any) -> int | None:
    """A total's count of households typed bare under 'Mã hộ' (:func:`_bare_number`)."""
    return _bare_number(value)


def _bare_number(value: Any) -> int | None:
    """A whole number from 1 to 99,999 written alone (a number, or digits as text), else None."""
    kind = value.__class__
    if kind is str:
        written = value.strip()
        return int(written) if written.isdecimal() and len(written) <= 5 else None
    if (kind is int or kind is float) and 1 <= value < 100_000 and value == int(value):
        return int(value)
    return None


def _class_figure(value: Any) -> bool:
    """Whether a cell under 'Phân loại hộ' is a total's count of a class: a whole number
    written alone (:func:`_bare_number`), 0 among them as number or text ('Tổng cộng | | … |
    40 | 0', a =COUNTIF finding none; session 64 review, RD)."""
    return _bare_number(value) is not None or (value.__class__ in (int, float) and value == 0)


def _total_label(value: str, markers: tuple[str, ...]) -> bool:
    """Whether a text is a total's label: a total's words written as a total is ('Tổng cộng',
    not 'Tống Công Thành'), or a group's subtotal ('Cộng tổ 2')."""
    if starts_with_marker(fold(value), markers) and written_as_total(value):
        return True
    return group_subtotal(value)


def _households_counted(number: int, groups: Iterable[Any], class_col: int) -> bool:
    """Whether ``number`` is how many households one of ``groups`` holds (:func:`_rows_above`'s:
    since the last total, all, those under the row), or how many of them one class holds, or
    all written ('Tổng cộng | 7' over 9 rows, 2 of them 'Thoát'; =COUNTIF, =COUNTA)."""
    for rows in groups:
        if rows.__class__ is _SummedGroup:
            continue  # the long groups are no list of rows here (:func:`_rows_above` gives lists)
        if rows and (number == len(rows) or (class_col >= 0 and _counts(number, class_col, rows))):
            return True
    return False


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
    lead_keys: tuple[str, ...] = (),
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
    ``lead_keys``: columns a list writes on every row before its own cells (the start list's
    'Xóm'): a total's words after such a cell are read as if they were the row's first.
    """
    positions = {key: col for key, (col, _) in header.columns.items()}
    guard_cols = [positions[k] for k in (strong_keys or identity_keys) if k in positions]
    identity_cols = [positions.get(k, -1) for k in identity_keys]
    strong_cols = [positions.get(k, -1) for k in strong_keys]
    fills = vertical_fills(merges, header.last_row)
    note_rule = (
        None if notes is None else _NoteRule(notes, skip_markers, section_markers, positions)
    )
    note_keep = set(guard_cols).union(positions[k] for k in _PERSON_KEYS if k in positions)
    taken: list[int] = []  # 0-based indexes of the data rows
    person_keys = {positions[k]: k for k in _PERSON_KEYS if k in positions}
    lead_cols = {positions[k] for k in lead_keys if k in positions}

    def figure(col: int, value: Any) -> bool:
        """Whether a value of the row read (``index``) in a person column is a total's figure
        over the rows around it (:func:`_total_figure`): for the note rule."""
        key = person_keys.get(col)
        around = partial(_rows_above, grid, taken, stretch, index, guard_cols, skip_markers, coded)
        return key is not None and _total_figure(value, key, col, around)

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
    stretch = 0  # where in ``taken`` the rows since the last total or section row begin
    stale: list[StaleSubtotal] = []
    hamlet_col = positions.get("hamlet", -1)
    # a count under 'Phân loại hộ' guards no row ('Tổng cộng | | … | 40 | 6', its 6 poor, on
    # the start list, whose class column is a guard; session 64, D)
    class_col = positions.get("phan_loai", -1)
    people = positions.get("nhan_khau", -1)  # weighs an income per head (_per_head_written)
    coded: list[bool | None] = [None] * len(grid)  # a row holds a code (_rows_below), told once
    tallies = TableTallies(grid, taken, guard_cols, skip_markers, coded)  # stale subtotals' sums

    def near_runs(
        index: int, stretch: int, under: list[int] | None = None
    ) -> Iterator[list[list[Any]]]:
        """The households right above a total row at ``index`` (since the last total, from
        ``stretch`` in ``taken``), then right under it (past at most ``_LEAD_ROWS`` written
        rows without a code, any where none is above; ``under``: those, where the caller has
        them), the nearest first: the runs of :func:`_run_gives` (session 57 review)."""
        raw = grid[index]
        # runs of one hamlet (the start list's 'Xóm': none into the next hamlet's rows),
        # not where the label is written under 'Xóm' (the plan's targets, a hamlet a row)
        cut = -1 if hamlet_col < 0 or group_subtotal(_cell(raw, hamlet_col)) else hamlet_col
        above = taken[stretch:]
        yield _one_hamlet([grid[i] for i in reversed(above)], cut)
        if under is None:
            lead = _LEAD_ROWS if above else None
            under = _coded_below(grid, index, guard_cols, skip_markers, lead, coded)
        yield _one_hamlet([grid[i] for i in under], cut)

    asked = [False]  # whether a total row's runs were asked (_run_total): its last word

    def runs_of(index: int, stretch: int) -> Iterator[list[list[Any]]]:
        """:func:`near_runs`, noting it was asked (``asked``)."""
        asked[0] = True
        return near_runs(index, stretch)

    def total_row(raw: list[Any], cells: list[tuple[int, Any]], guarded: bool) -> bool:
        """Whether a row (``raw`` at ``index``, its first written ``cells``) is a total or
        subtotal passed over: its first cell a total's words (:func:`_total_cell`; not where a
        guard column holds a value elsewhere, ``guarded``), the start list's 'Xóm' before them,
        or a number before them (:func:`_numbered_total`). ``asked[0]``: whether it took the
        runs of the households next to it to tell (:func:`_run_total`)."""
        asked[0] = False
        first_col, first_value = cells[0]
        first = fold(first_value)
        above = partial(_rows_above, grid, taken, stretch, index, guard_cols, skip_markers, coded)
        runs = partial(runs_of, index, stretch)
        if not guarded and _total_cell(
            raw, first_col, first_value, positions, skip_markers, above, runs
        ):
            return True
        # the start list's 'Xóm' first, a total's words next ('Nà Mòn | | Tổng cộng | 9850'):
        # the total as if its words were first (session 55)
        asked[0] = False
        if first_col in lead_cols and len(cells) > 1:
            col, value = cells[1]
            width = len(raw)
            if not any(
                c != col and c < width and not is_blank(raw[c]) for c in guard_cols
            ) and _total_cell(raw, col, value, positions, skip_markers, above, runs):
                return True
        # a number first ('3 | | Tổng cộng'): only then the rows above are handed over
        asked[0] = False
        return (
            len(cells) > 1
            and first.isdigit()
            and _numbered_total(raw, cells, first, positions, guard_cols, skip_markers, above, runs)
        )

    def runs_at(index: int, stretch: int) -> tuple[list[int], list[int]]:
        """The runs of households next to a total row at ``index`` as grid indexes, the
        nearest first: those right above it, those right under it (:func:`near_runs`)."""
        above = taken[stretch:]
        lead = _LEAD_ROWS if above else None
        return above[::-1], _coded_below(grid, index, guard_cols, skip_markers, lead, coded)

    def run_near(index: int, stretch: int, raw: list[Any]) -> list[list[Any]]:
        """The households of the nearest run that gives the figures of ``raw`` (a total row at
        ``index`` told by its runs), [] where none does."""
        found = _run_rows(raw, positions, runs_at(index, stretch), grid, skip_markers)
        return [grid[i - 1] for i in found]

    def stale_total(
        bare: list[Any], bare_cells: list[tuple[int, Any]], number: int, index: int, stretch: int
    ) -> StaleSubtotal | None:
        """A total's row (``bare``, its count under 'Mã hộ' set apart) told by its words whose
        count is how many households it totals (``number``: those since the last total, all, or
        those under it, the first so many) but whose other figures are not their sums: those
        figures beside those rows' (a 'Tổng cộng | 3 | … | 9.815 | … | 20' left as it was when a
        household was deleted), said as subtotal-differs. Not a group's subtotal (said by
        :func:`stale_subtotal`), nor a row holding anything but numbers; None where its figures
        are the sums of one of the groups it may total (session 60, E)."""
        label_col = next((c for c, v in bare_cells if v.__class__ is str), -1)
        if label_col < 0 or group_subtotal(bare[label_col]):
            return None
        if not _numbers_alone(bare, label_col, positions):
            return None
        written = _written_figures(bare, label_col, positions)
        if not written:
            return None
        above = taken[stretch:]
        groups = [above]
        if stretch:
            groups.append(taken)
        groups.append(_coded_below(grid, index, guard_cols, skip_markers, None, coded))
        rows = next((g for g in groups if len(g) == number), None)
        if not rows:  # none: a count of one class (=COUNTIF), its sums that class's, not asked;
            return None  # [] a '0 hộ' above the households, no rows to ask (session 60 E2)
        # asked of the columns whose rows hold numbers alone (a column of marks, 'x', 'không',
        # 'FALSE', '-', whose total counts the households marked, is not: session 60 review,
        # the fuzzer's 'Tổng cộng | 10 hộ | … | 2' over such marks); none said where one of
        # the groups it may total gives every figure so asked
        if any(not _numbers_off(written, [grid[i] for i in g], people) for g in groups if g):
            return None
        figures = _numbers_off(written, [grid[i] for i in rows], people)
        label = clean_text(bare[label_col])
        return StaleSubtotal(
            index + 1, label_col, label, tuple(figures), tuple(i + 1 for i in rows)
        )

    def counted_total(raw: list[Any], index: int, stretch: int) -> bool:
        """A total told by its words (``raw`` at ``index``) writing its count of households
        with 'hộ' ('Tổng cộng | 3 hộ | … | 9.815', '3 hộ | Tổng cộng', 'Tổng cộng: 3 hộ') that
        counts all the rows above it (none above: those under it): its other figures set
        beside theirs, as beside a bare count's (:func:`stale_total`), the count's cell set
        apart where it holds the count alone. A count that differs is discover.total_counts'
        (session 60 review). Whether the row writes such a count (session 62)."""
        from pipeline.discover import households_written  # local: avoids an import cycle

        for col, value in enumerate(raw):
            if value.__class__ is not str:
                continue
            number = households_written(value)
            if number is None:
                continue
            if taken and number != len(taken):
                return True
            bare = raw
            if _COUNT_ALONE.fullmatch(fold(value)):
                bare = list(raw)
                bare[col] = None
            bare_cells = first_cells(bare, 4)
            label = next((v for _, v in bare_cells if v.__class__ is str), None)
            if (
                label is None
                or not _total_label(label, skip_markers)
                or any(v.__class__ is str and _NAMES_A_CLASS.search(fold(v)) for v in bare)
            ):
                return True  # a class's count ('Hộ nghèo: 3 hộ'), a note: no total of the rows
            found = stale_total(bare, bare_cells, number, index, stretch)
            if found is not None:
                stale.append(found)
            return True
        return False

    def totalled(label: str, index: int) -> tuple[list[list[int]], list[int]]:
        """The groups of rows (grid indexes) a list's total writing no count (``label`` at
        ``index``, :func:`uncounted_total`) may total, by one rule: each stretch of rows it may
        close, and the rows above it as a head narrows them. The stretches: those since the
        last total, all above it, and with none above, those under it and all under it
        through the groups' subtotals (a total on top of the list; session 62 review). The
        rows above narrowed: all of them by class (one class's, =SUMIF; session 62), those
        since the last total and all of them to those not written 'Thoát' (session 23's
        'Trong đó' list; the lead, session 62). With the rows it is set beside where none of
        them gives its figures: all above it; none, all under it (but under a bare 'Cộng', a
        section's: those to the next total)."""
        above = taken[stretch:]
        below = _coded_below(grid, index, guard_cols, skip_markers, None, coded)
        groups, beside = [above, taken, below], taken or below
        if not taken and below:
            every, group = list(below), below
            while group:
                group = _coded_below(grid, group[-1], guard_cols, skip_markers, None, coded)
                every += group
            groups.append(every)
            if _label_key(label) != "cong":
                beside = every
        kind = positions.get("phan_loai", -1)
        if kind >= 0:
            classes: dict[str, list[int]] = {}
            for i in taken:
                classes.setdefault(fold(_cell(grid[i], kind)), []).append(i)
            groups.extend(classes.values())
            for rows in (above, taken):
                still = [i for i in rows if "thoat" not in fold(_cell(grid[i], kind))]
                if still and len(still) < len(rows):
                    groups.append(still)
        return groups, beside

    def uncounted_total(raw: list[Any], cells: list[tuple[int, Any]], index: int) -> None:
        """The list's total told by its words naming nothing narrower (:func:`plain_total`:
        'Tổng cộng', 'Cộng', 'Tổng số'; ``raw`` at ``index``, its first written ``cells``)
        that writes no count of households ('Tổng cộng | | 5.910 | … | 16', its guard
        columns blank), numbers alone after its label: its figures set beside the rows it
        totals as a counted total's are (:func:`stale_total`), said where no group it may
        total gives them (:func:`totalled`). A figure of 0 is not asked (a template's total
        left empty, an empty section's 'Cộng', a =SUM a program saving the file never worked
        out), nor a 'Cộng' with no row since the section above it. Was unasked (session 55):
        session 62."""
        label_col, label = next(((c, v) for c, v in cells if v.__class__ is str), (-1, None))
        width = len(raw)
        if (
            label is None
            or not plain_total(label)
            or any(
                c < width and not is_blank(raw[c]) and (c != class_col or not _class_figure(raw[c]))
                for c in guard_cols
                if c != label_col
            )
            or not _numbers_alone(raw, label_col, positions)
        ):
            return
        # a 0 not asked: a template's total left empty, an empty section's, or a =SUM a
        # program saving the file never worked out (its value written 0)
        written = [w for w in _written_figures(raw, label_col, positions) if w[1] != 0]
        if not written:
            return
        if not taken[stretch:] and taken and _label_key(label) in ("cong", "tong"):
            return  # 'Cộng' under a section holding no household: it sums no row
        groups, rows = totalled(label, index)
        if not rows or any(
            not _numbers_off(written, [grid[i] for i in g], people) for g in groups if g
        ):
            return
        figures = _numbers_off(written, [grid[i] for i in rows], people)
        if figures:
            stale.append(StaleSubtotal(index + 1, label_col, clean_text(label), tuple(figures),
                                       tuple(i + 1 for i in rows), uncounted=True))  # fmt: skip

    # whether the list writes its groups' subtotals on top of their rows: told by the first
    # group's subtotal passed over (no household since the last total: on top; session 62)
    on_top: list[bool | None] = [None]

    def zero_on_top(
        bare: list[Any], bare_cells: list[tuple[int, Any]], bare_col: int, index: int
    ) -> list[StaleSubtotal] | None:
        """A group's subtotal left at 0 (``bare`` at ``index``, its count 0 under 'Mã hộ' at
        ``bare_col`` set apart; every other figure 0 or none, no head's name, no class) with
        household rows right under it: its count and figures set beside those rows (its tổ,
        the subtotal standing on top of it), as :func:`stale_subtotal` sets a subtotal left at
        0 under its rows (session 61 review): the count, then the other figures, each said
        (session 62). Not where those rows are closed by a subtotal counting them while the
        list's layout is not known yet (:func:`closed_by_own_subtotal`: the 0 is an empty
        tổ's, its subtotals under their rows). None for one with no household under it where
        the list writes its subtotals on top (an empty last tổ's 0: right, unsaid; session 62
        review); [] for any other row."""
        group_col = next((c for c, v in bare_cells if group_subtotal(v)), -1)
        if group_col < 0 or not _no_household_texts(bare, positions, skip_markers):
            return []
        apart = (group_col, positions.get("stt", -1), positions.get("hamlet", -1))
        if not _numbers_alone(bare, group_col, positions) or not _zeros_alone(bare, apart):
            return []
        under = _coded_below(grid, index, guard_cols, skip_markers, 0, coded)
        if not under and on_top[0]:
            return None  # an empty tổ's subtotal on top of nothing: right (session 62 review)
        if not under or on_top[0] is None and closed_by_own_subtotal(under):
            return []
        on_top[0] = True  # told by this subtotal: the rows under it are its tổ's
        rows = [grid[i] for i in under]
        excel = tuple(i + 1 for i in under)
        label = clean_text(bare[group_col])
        found = [StaleSubtotal(index + 1, group_col, label,
                               ((bare_col, 0.0, float(len(under)), "count"),), excel)]  # fmt: skip
        figures = _figures_off(_written_figures(bare, group_col, positions), rows, people)
        if figures:
            found.append(StaleSubtotal(index + 1, group_col, label, tuple(figures), excel))
        return found

    def closed_by_own_subtotal(under: list[int]) -> bool:
        """Whether the rows ``under`` a subtotal left at 0 are closed by a group's subtotal
        counting them ('Cộng tổ 2 | 2' under tổ 2's two rows): their tổ's subtotal is under
        them, and the 0 above is an empty tổ's, right (session 62); or, writing no count,
        summing them ('Cộng tổ 2 | | … | 8' under two rows of 4 people; session 62 review)."""
        for raw in grid[under[-1] + 1 :]:
            cells = first_cells(raw, 4)
            if not cells:
                continue
            if not any(group_subtotal(v) for _, v in cells):
                return False
            width = len(raw)
            for c in guard_cols:
                value = raw[c] if c < width else None
                if value.__class__ is str and _COUNT_ALONE.fullmatch(fold(value)):
                    value = _LEADING_DIGITS.match(value.strip(" (")).group()  # '2 hộ': 2
                if _bare_number(value) == len(under):
                    return True
            if any(c < width and not is_blank(raw[c]) for c in guard_cols):
                return False  # a count that differs: the subtotal on top of the next tổ
            group_col = next(c for c, v in cells if group_subtotal(v))
            written = _written_figures(raw, group_col, positions)
            return bool(written) and not _figures_off(written, [grid[i] for i in under], people)
        return False

    # the rows passed over by a run alone: (index, label's column, label, the row as read, the
    # runs next to it as grid indexes, the nearest first)
    by_runs: list[tuple[int, int, str, list[Any], tuple[list[int], list[int]]]] = []
    labels: list[str] = []  # the labels of the rows passed over (_label_key)

    def passed_over(index: int, stretch: int, raw: list[Any] | None = None) -> int:
        """A total or subtotal row passed over at ``index``: a group's subtotal whose figures
        are not its rows' noted (:func:`stale_subtotal`: the rows since the last total, else
        those under it; session 57). The new start of the rows since the last total. Its label
        kept, and where the runs told it (``asked``), the row itself (session 59). ``raw``:
        the row as read (a count under 'Mã hộ' set apart), else the grid's."""
        label = next(
            (
                (c, v)
                for c, v in first_cells(grid[index], 4)
                if v.__class__ is str and (starts_with_marker(fold(v), skip_markers)
                                           or group_subtotal(v))
            ),
            None,
        )  # fmt: skip
        raw = grid[index] if raw is None else raw
        if label is not None:
            labels.append(_label_key(label[1]))
            if on_top[0] is None and group_subtotal(label[1]):
                # the first group's subtotal at 0 with no household above it tells nothing (an
                # empty first tổ's under its rows, or one left at 0 on top of its tổ): the next
                # one tells (session 62 review)
                apart = (label[0], positions.get("stt", -1), positions.get("hamlet", -1))
                if taken[stretch:]:
                    on_top[0] = False
                elif not _zeros_alone(raw, apart):
                    on_top[0] = True
            if asked[0]:
                by_runs.append((index, *label, raw, runs_at(index, stretch)))
        if any(v.__class__ is str and v.lstrip()[:2] in _SUBTOTAL_START for v in raw):
            above = taken[stretch:]
            since = above or _coded_below(grid, index, guard_cols, skip_markers, None, coded)
            around = partial(tallies.around, stretch, index)  # each long group added once
            found = stale_subtotal(
                raw, index + 1, positions, [grid[i] for i in since], [i + 1 for i in since],
                around, near_runs(index, stretch, None if above else since),
            )  # fmt: skip
            if found is not None:
                stale.append(found)
        return len(taken)

    for index in () if plain else range(start, len(grid)):
        if quick[index - start]:
            taken.append(index)
            signing = False
            continue
        raw = grid[index]
        cells = first_cells(raw, 4)  # enough to tell a short row from a household
        if not cells or signing:
            continue
        first_col, first_value = cells[0]
        first = fold(first_value)
        width = len(raw)
        guarded = any(
            col != first_col
            and col < width
            and not is_blank(raw[col])
            and (col != class_col or not _class_figure(raw[col]))
            for col in guard_cols
        )
        if not guarded:
            ends = any(first.startswith(marker) for marker in end_markers) or (
                len(cells) <= 3 and SIGNATURE_DATE.search(first) is not None
            )
            if ends:  # "Trung Lương, ngày 03 tháng 6 năm 2024", "Người lập biểu"
                if not _list_goes_on(grid, quick, start, index, strong_col, taken):
                    break
                signing = True  # up to the next plain household row (its signers' names)
                if signed_at is None:
                    signed_at = index + 1
                continue  # signature lines inside the list: more of its households follow
        if total_row(raw, cells, guarded):
            if not asked[0] and not counted_total(raw, index, stretch) and not guarded:
                uncounted_total(raw, cells, index)
            stretch = passed_over(index, stretch)
            continue
        if len(cells) <= 2 and _is_section(cells, section_markers):
            stretch = len(taken)
            continue
        if len(cells) > 2 and _section_total(
            raw, cells, positions, guard_cols, section_markers,
            partial(_rows_above, grid, taken, stretch, index, guard_cols, skip_markers, coded),
        ):  # fmt: skip
            stretch = len(taken)
            continue
        if NUMBER_TOKEN.match(number_fold(first_value, first)) and _is_column_number_cells(raw):
            continue
        # a bare number under 'Mã hộ' on a total's row ('Tổng cộng | 9 | … | 36'): its count
        # of households where the rows it totals are so many (session 59); 0 where it totals
        # none, no household read since the last total ('Tổng cộng | 0 | … | 0' above the
        # list: a template's total left empty, no household '0'; session 61)
        counted = _count_apart(raw, cells, guard_cols, skip_markers)
        if counted is not None:
            bare_col, number, bare = counted
            bare_cells = first_cells(bare, 4)
            if bare_cells and total_row(bare, bare_cells, False):
                # told by a run of households (a subtotal over one: session 58): counting them
                if asked[0]:
                    groups: Iterable[Any] = [run_near(index, stretch, bare)]
                else:
                    groups = _rows_above(
                        grid, taken, stretch, index, guard_cols, skip_markers, coded
                    )
                if (
                    not number
                    and not asked[0]
                    and on_top[0] is not False
                    and (not taken[stretch:] or on_top[0])
                ):
                    # a group's subtotal left at 0 on top of its tổ ('Cộng tổ 2 | 0' over tổ
                    # 2's rows, as the list's first subtotal stood): set beside the rows under
                    # it, not the tổ above (session 62); never where the list's subtotals stand
                    # under their rows (an empty tổ's 0 there: right; session 62 review)
                    zeros = zero_on_top(bare, bare_cells, bare_col, index)
                    if zeros is None or zeros:
                        stale.extend(zeros or ())
                        stretch = passed_over(index, len(taken), bare)
                        continue
                if (
                    not number
                    and not taken[stretch:]
                    and not asked[0]
                    and _no_household_texts(bare, positions, skip_markers)
                ) or _households_counted(number, groups, positions.get("phan_loai", -1)):
                    if not asked[0]:
                        found = stale_total(bare, bare_cells, number, index, stretch)
                        if found is not None:
                            stale.append(found)
                    stretch = passed_over(index, stretch, bare)
                    continue
                name_col = positions.get("chu_ho", -1)
                named = bare[name_col] if 0 <= name_col < width else None
                if asked[0] and named.__class__ is str and _label_key(named) in ("cong", "tong"):
                    # a household coded so whose head's name is a total's one word alone ('4 |
                    # 3 | Cộng | 1975 | … | 4 | Hộ nghèo'), its figures a run's: counted, as
                    # before, and said (session 59 review; two words, 'Tổng cộng', are told
                    # head-name-is-total, not counted: validate)
                    found = lone_subtotal(
                        bare, index + 1, name_col, named, positions, runs_at(index, stretch), grid
                    )
                    if found is not None:
                        figures = tuple((c, w, w, "counted") for c, w, _, _ in found.figures)
                        stale.append(found._replace(figures=figures))
                # a total told by its words and sums, not by a run, holding no head's name
                # and no class, under the list's last household: a count that differs
                # ('Tổng cộng | 5' over three), said as total-count-differs
                # (discover.total_counts), no household (session 59 review)
                if (
                    not asked[0]
                    and _no_household_texts(bare, positions, skip_markers)
                    # a group's subtotal left at 0 under the last tổ is that tổ's, below
                    # (session 62)
                    and (number or not any(group_subtotal(v) for _, v in bare_cells))
                    and not _coded_below(grid, index, guard_cols, skip_markers, None, coded)
                ):
                    stretch = passed_over(index, stretch, bare)
                    read = tuple(i + 1 for i in taken)
                    figures = ((bare_col, float(number), float(len(read)), "households"),)
                    stale.append(StaleSubtotal(index + 1, bare_col, "", figures, read))
                    continue
                # a group's subtotal mid-list ('Cộng tổ 1 | 5 | … | 3920 | … | 8', households
                # under it) whose other figures are the sums of its group's rows, no head's
                # name, no class: a count that differs, said as subtotal-differs at it
                # (session 59, E3; was a household coded 5 told three errors)
                since = taken[stretch:]
                if not asked[0] and since and _no_household_texts(bare, positions, skip_markers):
                    group_col = next((c for c, v in bare_cells if group_subtotal(v)), -1)
                    group = [grid[i] for i in since]
                    apart = (group_col, positions.get("stt", -1), positions.get("hamlet", -1))
                    if (
                        group_col >= 0
                        and _numbers_alone(bare, group_col, positions)
                        and (
                            not number  # left empty: 'Cộng tổ 1 | 0 | … | 0' (session 61 review)
                            and _zeros_alone(bare, apart)
                            or any(
                                c not in apart
                                and (
                                    _number_text(v) is not None
                                    if v.__class__ is str
                                    else (v.__class__ is int or v.__class__ is float)
                                )
                                for c, v in enumerate(bare)
                            )
                            and figures_summed(bare, apart, partial(tuple, [group]))
                        )
                    ):
                        said = len(stale)
                        stretch = passed_over(index, stretch, bare)
                        counted_rows = tuple(i + 1 for i in since)
                        figures = ((bare_col, float(number), float(len(since)), "count"),)
                        label = clean_text(bare[group_col])
                        stale.append(
                            StaleSubtotal(index + 1, group_col, label, figures, counted_rows)
                        )
                        if not number and len(stale) == said + 1:
                            # under the last tổ no rows under it: their 0 summed no figure
                            # of its tổ's (stale_subtotal); said beside them (session 62)
                            off = _figures_off(
                                _written_figures(bare, group_col, positions), group, people
                            )
                            if off:
                                stale.append(
                                    StaleSubtotal(index + 1, group_col, label, tuple(off),
                                                  counted_rows)
                                )  # fmt: skip
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
        if (
            note_rule is not None
            and note_rule.passes(raw, note_keep, guard_cols, figure)
            and not _named_beside(
                raw,
                positions,
                partial(_rows_above, grid, taken, stretch, index, guard_cols, skip_markers, coded),
            )
        ):
            # a total whose count is written with 'hộ' under 'Mã hộ' ('Tổng cộng | 3 hộ | … |
            # 9.815') is passed over here: its figures asked as a bare count's (session 60
            # review)
            counted_total(raw, index, stretch)
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
    table = Table([i + 1 for i in taken], columns, signed_at=signed_at)
    for index, col, label, raw, runs in by_runs:
        # a lone 'Cộng' told by the figures of the households next to it alone: said, where
        # its label names nothing ('Cộng tổ 2', 'Cộng II', 'Cộng hộ nghèo' do) and the list
        # writes no other row so (session 59)
        key = _label_key(label)
        if key not in _PLAIN_TOTALS or labels.count(key) > 1:
            continue
        found = lone_subtotal(raw, index + 1, col, label, positions, runs, grid)
        if found is not None:
            written = grid[index]
            if any(
                0 <= (at := positions.get(key, -1)) < len(written)
                and at != col
                and not is_blank(written[at])
                for key in ("ma_ho", "phan_loai")
            ):
                # its class, or a count under 'Mã hộ', written: said as written (session 59
                # review)
                how = tuple((c, w, w, "same-written") for c, w, _, _ in found.figures)
                found = found._replace(figures=how)
            stale.append(found)
    table.stale_subtotals = stale
    return table
