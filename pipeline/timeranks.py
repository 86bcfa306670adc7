"""The times a header's columns are written for: months, years and rounds of one key's columns.

Moved from ``pipeline.read`` (session 52): a key named by more than one column ('Tháng 4 |
Tháng 5', 'Đầu kỳ | Cuối kỳ', 'Lần 1 | Lần 2') is read from the column of the list's own time
(:func:`time_ranks`, :class:`Timing`); the header search (``pipeline.headers``) and the class
marks (``pipeline.classmarks``) ask it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pipeline import lazyre
from pipeline.text import clean_text, fold, month_named

if TYPE_CHECKING:
    from collections.abc import Callable


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


def time_in(text: str) -> tuple[int | None, int | None] | None:
    """(year, month) a header's text names, as :func:`time_of` reads cells: a month
    (:func:`_month_in`), else a year alone (month None: 'Phân loại hộ năm 2023'); None for
    neither."""
    month = _month_in(text)
    if month is not None:
        return month
    year = _one_year(fold(text))
    return (year, None) if year is not None else None


def time_before(time: tuple[int | None, int | None] | None, period: str | None) -> bool:
    """Whether a time a column's header names (:func:`time_of`: (year or None, month or None))
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


def time_of(rows: list[list[Any]], cells: tuple) -> tuple[int | None, int | None] | None:
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


def names_a_time(rows: list[list[Any]], cells: tuple) -> bool:
    """Whether a column's header cells name a time: a month, a year, 'Cuối kỳ', 'Tháng
    trước', 'cũ'."""
    if time_of(rows, cells) is not None:
        return True
    text = " ".join(fold(rows[r][c]) for r, c in cells if c < len(rows[r]))
    plain = _plain(rows, cells)
    return bool(
        _NOW_TIME.search(text)
        or EARLIER_TIME.search(text)
        or _NOW_WORD.search(plain)
        or EARLIER_WORD.search(plain)
    )


class Timing:
    """:func:`time_ranks`'s answer for the columns of keys named more than once. A plain
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


def time_ranks(
    rows: list[list[Any]],
    folded: list[list[str]],
    candidates: list,
    period: str | None,
    holds: Callable[[int], bool] = lambda col: True,
) -> Timing:
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
    timing = Timing()
    ranks, before = timing.ranks, timing.before
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        for _, col, _, cells in group:
            ranks[col] = _less_likely(folded, key, cells)
            text = " ".join(folded[r][c] for r, c in cells)
            plain = _plain(rows, cells)
            if EARLIER_TIME.search(text) or EARLIER_WORD.search(plain):
                ranks[col] = 2
                before.add(col)
            elif key != "thu_nhap" and period is None and time_of(rows, cells) is not None:
                # no month known yet (a 'Thông tin' block under the header, a file name of no
                # month): read again once it is told, the time then deciding (session 41)
                timing.timed = True
            elif (key != "thu_nhap" or _A_YEAR.search(text)) and time_before(
                time_of(rows, cells), period
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
                if ranks[col] != 0 and (_A_YEAR.search(text) or not names_a_time(rows, cells)):
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


def _round_ranks(rows: list[list[Any]], group: list, holds: Callable, timing: Timing) -> None:
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


def _new_head(group: list, timing: Timing) -> None:
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


EARLIER_TIME = lazyre.compile(r"\b(?:dau ky|truoc|dau nam)\b")  # 'tháng trước', 'lần trước'
# 'cũ', 'mới' as written (folded, 'cu' and 'moi' are 'cư', 'mỗi' too)
EARLIER_WORD = lazyre.compile(r"(?<!\w)cũ(?!\w)")
_NOW_WORD = lazyre.compile(r"(?<!\w)mới(?!\w)")


_NOW_TIME = lazyre.compile(
    r"\b(?:cuoi ky|ky nay|thang nay|nam nay|hien nay|hien tai|thang \d{1,2}|sau ra soat)\b"
)
_PER_PERSON = lazyre.compile(r"\b(?:binh quan|bq|nguoi thang|dau nguoi)\b")


def _less_likely(folded: list[list[str]], key: str, cells: tuple) -> int:
    """How unlikely a column's header cells make it to hold the key's own value: 0 for now
    ('Cuối kỳ', 'Hiện nay', 'Tháng 5/2024'), 2 for an earlier time ('Đầu kỳ'), and for the
    income 2 when it is not the amount per person ('Tổng'); 1 otherwise."""
    text = " ".join(folded[r][c] for r, c in cells)
    if EARLIER_TIME.search(text):
        return 2
    if key == "thu_nhap":
        return 1 if _PER_PERSON.search(text) else 2
    return 0 if _NOW_TIME.search(text) else 1
