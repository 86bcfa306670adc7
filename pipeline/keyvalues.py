"""Key/value blocks: a label in columns A-D and its value in one of the next cells of the row.

Moved from ``pipeline.read`` (session 52; ``pipeline.read`` re-exports its public names):
:func:`read_key_values`, a label written twice (:class:`Twice`), hidden rows
(:func:`hidden_by`) and placeholders left in a value cell (:func:`is_placeholder`).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any, NamedTuple

from pipeline import lazyre
from pipeline.opening import HiddenRows, Merge
from pipeline.text import clean_text, column_letter, fold, is_blank

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
LABEL_COLUMNS = 4  # a key/value label may sit in columns A-D
VALUE_REACH = 4  # its value in one of the next four cells of the row


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
    lookup = _label_lookup(labels)
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
    return _chosen(every, hidden, twice)


_LOOKUPS: dict[int, dict[str, str]] = {}  # id of a module's labels -> its lookup, made once


def label_in(cell: Any, labels: dict[str, tuple[str, tuple[str, ...]]]) -> str | None:
    """The key of ``labels`` a cell is written as, as :func:`read_key_values` reads a label:
    alone ('Kỳ báo cáo', 'Xóm:') or before its value ('Xóm: Nà Mòn'); None for any other."""
    if cell.__class__ is not str:
        return None
    lookup = _LOOKUPS.get(id(labels))
    if lookup is None:
        lookup = _LOOKUPS[id(labels)] = _label_lookup(labels)
    key = _label_key(fold(cell), lookup)
    if key is None and ":" in cell:
        key = _label_key(fold(cell.partition(":")[0]), lookup)
    return key


def _label_lookup(labels: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    """{folded label or alias: key}."""
    lookup: dict[str, str] = {}
    for key, (label, aliases) in labels.items():
        for text in (label, *aliases):
            lookup.setdefault(fold(text), key)
    return lookup


def _chosen(
    every: dict[str, list[KeyValue]], hidden: list[HiddenRows] | None, twice: list[Twice] | None
) -> dict[str, KeyValue]:
    """Of each label's values in order of rows, the one read (:func:`read_key_values`), the
    others holding another value put in ``twice``."""
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


# What parts a label from its value in a title line: 'Xóm: Nà Mòn', 'Tổng số hộ dân cư = 95'.
_TITLE_SEPARATOR = lazyre.compile(r"([:=])")
# What a value ends with before the next label of its line ('Nà Mòn - Tổng số hộ: 95').
_VALUE_END = " \t\u00a0,;|-–—"
# A cell of another label than the block's, and perhaps its value: words, then ':' or '='
# ('Số hộ nghèo:', 'Số hộ nghèo: 3'), never the value of a label alone before it in its row
# (session 55, R7); '10:30' is none
_OTHER_LABEL = lazyre.compile(r"[^:=]*[^\W\d_][^:=]*[:=]")
# A date's words, folded, beginning a cell right of a label left blank ('năm', 'Tháng 6 năm',
# 'ngày 03/6/2024'): the title's date, never the label's value, nor the year after them
# (session 56)
_DATE_WORDS = lazyre.compile(r"(?:ngay|thang|nam)\b")


def read_title_lines(
    grid: list[list[Any]],
    labels: dict[str, tuple[str, tuple[str, ...]]],
    marked_blanks: bool = False,
    hidden: list[HiddenRows] | None = None,
    twice: list[Twice] | None = None,
    merges: list[Merge] | None = None,
    counts: Collection[str] = (),
) -> dict[str, KeyValue]:
    """A key/value block as a head writes it in the title lines above his list, read as
    :func:`read_key_values` reads a form's block, and further (session 55, K): a label
    anywhere in its row; several in one cell ('Xóm: Nà Mòn   Tổng số hộ dân cư: 95', each
    label the last words before its ':'); one parted from its value by '=' ('Tổng số hộ dân
    cư = 95'); a label alone in its cell, its value in the next cell written within
    ``VALUE_REACH`` cells of the label's end (its merged range's, ``merges``: a label merged
    across the line; session 56), a form's blank ('……', ':') passed over. A value that is
    itself a label is none, nor one of another label's ('Số hộ nghèo: 3',
    :data:`_OTHER_LABEL`), nor, for the keys of ``counts`` (a count: 'total_households'), a
    date's words ('năm', 'Tháng 6 năm', 'ngày 03/6/2024', :data:`_DATE_WORDS`), whose year
    after them is no count either (session 56)."""
    marked = is_placeholder if marked_blanks else None
    lookup = _label_lookup(labels)
    every: dict[str, list[KeyValue]] = {}
    # (row, first column) -> the last column of a range merged across a row (0-based), in
    # the title lines read
    spans = {
        (r, c1): c2
        for r1, c1, r2, c2 in merges or ()
        if c2 > c1
        for r in range(r1, min(r2 + 1, len(grid)))
    }
    for index, row in enumerate(grid):
        col = 0
        while col < len(row):
            cell = row[col]
            pairs = _title_pairs(cell, lookup) if isinstance(cell, str) else []
            at = f"{column_letter(col)}{index + 1}"
            col += 1
            for number, (key, value) in enumerate(pairs, start=1):
                if value is not None or number < len(pairs):
                    blank = value is None or (marked is not None and marked(value))
                    every.setdefault(key, []).append(
                        KeyValue(None if blank else value, index + 1, at)
                    )
                    continue
                # the label alone at its cell's end: its value in the next cell written, near
                # the label's end (a year far right in its row is no total; session 56)
                end = spans.get((index, col - 1), col - 1)
                right, written = _written_right_of(row, end, marked)
                if written is None or (
                    isinstance(written, str)
                    and (
                        _OTHER_LABEL.match(written)
                        or _title_pairs(written, lookup)
                        or (key in counts and _DATE_WORDS.match(fold(written)) is not None)
                    )
                ):
                    kept = KeyValue(None, index + 1, f"{column_letter(right)}{index + 1}")
                else:
                    kept = KeyValue(written, index + 1, f"{column_letter(right)}{index + 1}")
                    col = right + 1
                every.setdefault(key, []).append(kept)
    return _chosen(every, hidden, twice)


def _title_pairs(text: str, lookup: dict[str, str]) -> list[tuple[str, str | None]]:
    """The labels a title line's cell writes, each with the value after it (None: nothing
    after the last one). A cell of a label alone ('Tổng số hộ dân cư'); else each ':' or '='
    after a label's words is where its value begins, which runs to the next such label."""
    if _label_key(fold(text), lookup) is not None:
        return [(_label_key(fold(text), lookup), None)]
    parts = _TITLE_SEPARATOR.split(text)
    pairs: list[tuple[str, str | None]] = []
    key: str | None = None
    value = ""
    for at in range(0, len(parts) - 1, 2):
        found = _label_ending(parts[at], lookup)
        if found is None:
            value += parts[at] + parts[at + 1]  # a ':' in a value ('10:30')
            continue
        label, before = found
        if key is not None:
            pairs.append((key, (value + before).strip(_VALUE_END) or None))
        key, value = label, ""
    if key is not None:
        pairs.append((key, (value + parts[-1]).strip(_VALUE_END) or None))
    return pairs


def _label_ending(text: str, lookup: dict[str, str]) -> tuple[str, str] | None:
    """The label the last words of ``text`` are (the most words that are one), and the words
    before them."""
    words = text.split()
    for first in range(len(words)):
        key = _label_key(fold(" ".join(words[first:])), lookup)
        if key is not None:
            return key, " ".join(words[:first])
    return None


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
    at, value = _written_right_of(row, col, marked)
    return KeyValue(value, index + 1, f"{column_letter(at)}{index + 1}")


def _written_right_of(
    row: list[Any], col: int, marked: Callable[[Any], bool] | None = None
) -> tuple[int, Any]:
    """(its column, the value) of the first cell written in the ``VALUE_REACH`` cells right of
    column ``col`` (a label's, or its merged range's end), one ``marked`` as a form's blank
    ('……', '-') passed over; else (the first such blank's column, or the next column,
    None)."""
    first_mark = None  # the first cell holding such a blank
    for target in range(col + 1, min(len(row), col + 1 + VALUE_REACH)):
        value = row[target]
        if is_blank(value):
            continue
        if marked is None or not marked(value):
            return target, value
        first_mark = target if first_mark is None else first_mark
    return (col + 1 if first_mark is None else first_mark), None


def written_past_reach(row: list[Any], cell: str) -> tuple[str, str, Any] | None:
    """A title line's label left without its value (:func:`read_title_lines`, ``cell`` the
    blank it kept, in ``row``) whose value is written further right, past the
    ``VALUE_REACH`` cells read ('Tổng số hộ dân cư:' in A4, 95 in F4): (the label's cell, the
    value's cell, the value), quoted to the head, never read (session 56, K). The first cell
    written after ``cell``, a form's blank passed over; None where there is none, or it is
    another label's ('Số hộ nghèo: 3') or a date's words ('tháng 5 năm', the title's date)."""
    # imported here: the runner leaves the byte scan's module to the early reader (test_startup)
    from pipeline.sheetscan import column_index

    col = column_index(cell.rstrip("0123456789"))
    at = next(
        (c for c in range(col, len(row)) if not is_blank(row[c]) and not is_placeholder(row[c])),
        None,
    )
    if at is None:
        return None
    label = next((c for c in range(col - 1, -1, -1) if not is_blank(row[c])), None)
    if label is None:
        return None
    value = row[at]
    if isinstance(value, str) and (
        _OTHER_LABEL.match(value) or _DATE_WORDS.match(fold(value)) is not None
    ):
        return None
    number = cell[len(cell.rstrip("0123456789")) :]
    return f"{column_letter(label)}{number}", f"{column_letter(at)}{number}", value


def is_placeholder(value: Any) -> bool:
    """A text holding only a form's marks for a blank to fill: dots, an ellipsis, underscores,
    dashes ('………', '.......', '___', '-'), with spaces, colons and slashes ('__/__/____')."""
    return isinstance(value, str) and not value.strip(PLACEHOLDER_MARKS)


PLACEHOLDER_MARKS = " \t\u00a0.…_-–—:/"
