"""Row validation: the roster rules applied to whole columns, failures turned into located issues.

A row with an error is kept but marked ``valid = False`` so it is listed and
left out of the counts; warnings leave the row valid. Many tables (every
hamlet's sheets, or the plan's start list) are validated in one pass over
the concatenated columns: a province pays for each rule once, not once per
hamlet.

The rules are those of the pandera model ``schemas.models.roster_schema``
(which the naive baseline applies cell by cell); here each is a vectorised
mask over a column (numpy, or one cached test per distinct value), and an
issue is built only for a failing cell. ``tests/test_validate.py`` checks
that both give the same failures.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
from pandas._libs import lib

from pipeline import lazyre, misplaced, vocab
from pipeline.messages import Message
from pipeline.normalise import after_equals, household_income, typed_after_equals
from pipeline.tables import hamlet_after_total, maybe_named_after_total, named_after_total
from pipeline.text import (
    HOUSEHOLDS_UNIT,
    TWO_DIGIT_YEAR,
    as_shown,
    clean_text,
    column_letter,
    fold,
    fold_exact,
    format_both,
    household_month,
    income_unit,
    month_unit,
    of_household,
    per_year,
)
from pipeline.text import household_year as household_year  # as rosterchecks, tests use it
from pipeline.types import FROM_AGE, Issue
from schemas.columns import (
    CAUSES,
    CLASSIFICATION_LABEL,
    CLASSIFICATIONS,
    INDICATOR_KEYS,
    NEEDS,
    ROSTER_COLUMN_BY_KEY,
    ROSTER_KEYS,
    TOTAL_FIRST_WORDS,
    TOTAL_MARKERS,
)
from schemas.issues import CATALOGUE
from schemas.rules import (
    HEAD_MIN_AGE,
    ID_NUMBER,
    INCOME_SURELY_IN_MILLIONS,
    INCOME_SURELY_IN_THOUSANDS,
    MAX_AGE,
    MAX_HOUSEHOLD_SIZE,
    MIN_BIRTH_YEAR,
    MIN_HOUSEHOLD_SIZE,
    REQUIRED_CODES,
    writes_ages,
)
from schemas.standards import Standard

# What the standard makes of a row, as the classification-mismatch detail says it (vi, en).
_STANDARD_CLASS_LABEL = {
    "poor": ("hộ nghèo", "a poor household"),
    "near_poor": ("hộ cận nghèo", "a near-poor household"),
    "above": ("không nghèo", "not poor"),
}
_DECLARED_AS = {"poor": "poor", "near_poor": "near_poor", "exited": "above"}
_INT_LIMIT = float(1 << 62)  # whole numbers beyond this are not held as Int64


class Part:
    """One table to validate: normalised rows of one sheet of one file, for one hamlet.
    A plain class, not a dataclass (a dataclass's methods are compiled at every import):
    nothing compares or prints one (session 33, issue #6)."""

    def __init__(
        self,
        frame: Any,
        file: str,
        sheet: str,
        hamlet: str,
        columns: dict[str, tuple[int, str]],
        elsewhere: dict[str, dict[int, tuple[int, str]]] | None = None,
        slips: dict[str, dict[int, str]] | None = None,
        questioned: dict[int, str] | None = None,
        questioned_marks: dict[str, dict[int, str]] | None = None,
        questioned_start: set[int] | None = None,
        classes_written: dict[int, str] | None = None,
    ) -> None:
        # from normalise.table_columns: {key: list of canonical-or-raw values, 'excel_row':
        # list of int}, or the same as a frame of object values
        self.frame = frame
        self.file = file
        self.sheet = sheet
        self.hamlet = hamlet
        self.columns = columns  # key -> (column index, header as written)
        # key -> {Excel row: (column index, header)} where a row's value is in another column
        self.elsewhere: dict[str, dict[int, tuple[int, str]]] = (
            {} if elsewhere is None else elsewhere
        )
        # key -> {Excel row: the cell as written} where what follows a leading '=' was read
        # (``Table.slips``): said at the cell, and quoted as written by a rule it fails
        self.slips: dict[str, dict[int, str]] = {} if slips is None else slips
        # Excel row -> the class as written, where it was read as a class though written with
        # a question mark ('Nghèo?', ``Table.questioned``): counted, and said at the cell
        self.questioned: dict[int, str] = {} if questioned is None else questioned
        # key -> {Excel row: the mark as written} where a deprivation mark was read though
        # written with a question mark ('x?', ``Table.questioned_marks``): counted, and said
        # at the cell
        self.questioned_marks: dict[str, dict[int, str]] = (
            {} if questioned_marks is None else questioned_marks
        )
        # the Excel rows of ``questioned`` marked at the start of the period alone ('x?'
        # under 'Đầu kỳ', ``Table.questioned_start``): read as a household that left, said so
        self.questioned_start: set[int] = set() if questioned_start is None else questioned_start
        # Excel row -> the class as written where it is not the class's name ('HN' read as Hộ
        # nghèo, ``Table.classes_written``): quoted so by a message at the cell (session 52)
        self.classes_written: dict[int, str] = {} if classes_written is None else classes_written


class Validated:
    """Typed rows of many parts, one frame; ``owner[i]`` is the part row ``i`` came from.
    A plain class, not a dataclass: session 33."""

    def __init__(
        self, typed: pd.DataFrame, owner: np.ndarray, sizes: list[int], issues: list[list[Issue]]
    ) -> None:
        self.typed = typed
        self.owner = owner
        self.sizes = sizes
        self.issues = issues  # per part


def _column(frame: Any, key: str, size: int) -> list:
    if isinstance(frame, pd.DataFrame):
        return frame[key].tolist() if key in frame.columns else [None] * size
    values = frame.get(key)
    return values if values is not None else [None] * size


def _size(frame: Any) -> int:
    if isinstance(frame, pd.DataFrame):
        return len(frame)
    return len(frame["excel_row"])


def _joined(pieces: list) -> np.ndarray:
    """One object array of the parts' columns (lists, or object arrays)."""
    if pieces and all(isinstance(piece, np.ndarray) for piece in pieces):
        return np.concatenate(pieces) if len(pieces) > 1 else pieces[0]
    return np.fromiter(
        chain.from_iterable(pieces), dtype=object, count=sum(len(piece) for piece in pieces)
    )


def _objects(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _text_codes(values: np.ndarray) -> tuple[np.ndarray, list] | None:
    """(codes, distinct texts) of a column of text and blanks (the blanks coded -1), found by
    hashing in C; None for a column holding anything else."""
    if len(values) and lib.is_string_array(values, skipna=True):
        codes, uniques = pd.factorize(values)
        return codes, uniques.tolist()
    return None


def _per_value(values: np.ndarray, test, texts: tuple[np.ndarray, list] | None) -> np.ndarray:
    """``test`` of each value, computed once per distinct (type, value). ``texts``: the
    column's :func:`_text_codes`."""
    if texts is not None:
        # Text and blanks only (the common case): each distinct text tested once.
        codes, uniques = texts
        results = _objects([test(value) for value in uniques])
        out = results[codes] if len(results) else np.empty(len(values), dtype=object)
        blank = np.flatnonzero(codes < 0)
        if len(blank):
            out[blank] = _blanks(values[blank], test)
        return out
    memo: dict = {}

    def cached(value):
        key = (value.__class__, value)
        try:
            return memo[key]
        except KeyError:
            found = memo[key] = test(value)
            return found
        except TypeError:  # unhashable
            return test(value)

    return lib.map_infer(values, cached, convert=False)


def _blanks(values: np.ndarray, test) -> np.ndarray:
    """``test`` of each blank (None, NaN): all None, the common case, answered once (told by
    one count in C, each None found by identity; the answer set in every cell by one fill)."""
    if all(value is None for value in values[:1]) and values.tolist().count(None) == len(values):
        out = np.empty(len(values), dtype=object)
        out.fill(test(None))
        return out
    return lib.map_infer(values, _once_per_kind(test), convert=False)


def _once_per_kind(test):
    """``test`` of blanks (None, NaN): one answer per kind."""
    memo: dict = {}

    def once(value):
        kind = value.__class__
        if kind not in memo:
            memo[kind] = test(value)
        return memo[kind]

    return once


def _id_numbers(values: np.ndarray, null: np.ndarray) -> np.ndarray:
    """Whether each value is a 12-digit ID number (blanks: True, they are not checked)."""
    out = np.ones(len(values), dtype=bool)
    present = np.flatnonzero(~null)
    if len(present):
        texts = values[present] if len(present) < len(values) else values
        if lib.is_string_array(texts, skipna=False):
            # ID_NUMBER is twelve decimal digits: told by length and str.isdecimal (C calls),
            # the pattern itself asked only of the few other texts of 12-13 characters. When
            # all are twelve long, one isdecimal of them joined tells all (none is empty).
            sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
            if (sizes == 12).all() and "".join(texts).isdecimal():
                out[present] = True
                return out
            ok = (sizes == 12) & lib.map_infer(texts, str.isdecimal, convert=True).astype(bool)
            odd = np.flatnonzero(~ok & ((sizes == 12) | (sizes == 13)))
            for position in odd.tolist():
                ok[position] = bool(ID_NUMBER.match(texts[position]))
            out[present] = ok
        else:
            found = lib.map_infer(texts, lambda v: ID_NUMBER.match(str(v)), convert=False)
            out[present] = found != None  # noqa: E711 - elementwise: a match object or None
    return out


def _as_texts(cols: Columns, key: str) -> np.ndarray:
    """:func:`_as_text` of each value; a column of text and blanks needs it for its blanks only."""
    values = cols.data[key]
    if len(values) and lib.is_string_array(values, skipna=True):
        out = values.copy()
        blank = np.flatnonzero(cols.null(key))
        if len(blank):
            out[blank] = _blanks(values[blank], _as_text)
        return out
    return cols.per_value(key, _as_text)


def _bools(values: np.ndarray) -> np.ndarray:
    return values.astype(bool) if values.dtype == object else values


# Types no value of which is blank to pd.isna.
_NEVER_BLANK = frozenset({str, int, bool})


class Columns:
    """The concatenated object columns, with their Python types worked out once.

    Most columns hold one type throughout (every mark a bool, every name a str): told by the
    set of types a column holds (one pass in C), such a column needs no test per cell to
    say which of its values are of a type, or blank."""

    def __init__(self, data: dict[str, np.ndarray]):
        self.data = data
        self._kinds: dict[str, frozenset[type]] = {}
        self._types: dict[str, np.ndarray] = {}
        self._null: dict[str, np.ndarray] = {}
        self._texts: dict[str, tuple[np.ndarray, list] | None] = {}
        self._floats: dict[str, np.ndarray] = {}
        self._wholes: dict[str, np.ndarray] = {}
        # the index of each row's list (validate_table's ``owner``), for rules that look at a
        # list as a whole; None: one list, or not known
        self.owner: np.ndarray | None = None
        # the positions whose birth year was read from an age (:func:`_ages_read`), or None
        self.from_age: np.ndarray | None = None

    def kinds(self, key: str) -> frozenset[type]:
        """The exact types of the column's values."""
        if key not in self._kinds:
            values = self.data[key]
            # an object array's values as a list (the same objects) are looked at faster
            self._kinds[key] = frozenset(
                map(type, values.tolist() if values.dtype == object else values)
            )
        return self._kinds[key]

    def types(self, key: str) -> np.ndarray:
        if key not in self._types:
            self._types[key] = lib.map_infer(self.data[key], type, convert=False)
        return self._types[key]

    def null(self, key: str) -> np.ndarray:
        if key not in self._null:
            values = self.data[key]
            # text throughout (told in C, the types not needed), or of types never blank
            if (len(values) and lib.is_string_array(values, skipna=False)) or (
                self.kinds(key) <= _NEVER_BLANK
            ):
                self._null[key] = np.zeros(len(values), dtype=bool)
            else:
                self._null[key] = pd.isna(values)
        return self._null[key]

    def of(self, key: str, *kinds: type) -> np.ndarray:
        """Values whose type is one of ``kinds`` exactly (an int is no bool here)."""
        held = self.kinds(key)
        if held <= set(kinds):
            return np.ones(len(self.data[key]), dtype=bool)
        if held.isdisjoint(kinds):
            return np.zeros(len(self.data[key]), dtype=bool)
        types = self.types(key)
        mask = types == kinds[0]  # noqa: E721 - elementwise, over an array of types
        for kind in kinds[1:]:
            mask |= types == kind  # noqa: E721
        return mask

    def per_value(self, key: str, test) -> np.ndarray:
        """:func:`_per_value` of a column, its distinct texts found once for all its tests."""
        if key not in self._texts:
            self._texts[key] = _text_codes(self.data[key])
        return _per_value(self.data[key], test, self._texts[key])

    def whole(self, key: str) -> np.ndarray:
        """Values that are Python ints (not bools)."""
        return self.of(key, int)

    def forget(self, key: str) -> None:
        """Forget what was worked out of the column ``key``, its values changed."""
        for found in (
            self._kinds,
            self._types,
            self._null,
            self._texts,
            self._floats,
            self._wholes,
        ):
            found.pop(key, None)

    def whole_between(self, key: str, low: int, high: int) -> np.ndarray:
        """Values that are whole numbers (Python ints) from ``low`` to ``high``."""
        whole = self.whole(key)
        number = self.whole_numbers(key)
        with np.errstate(invalid="ignore"):
            return whole & (number >= low) & (number <= high)

    def whole_numbers(self, key: str) -> np.ndarray:
        """:meth:`numbers` of the column's whole numbers, worked out once (not to change)."""
        if key not in self._wholes:
            self._wholes[key] = self.numbers(key, self.whole(key))
        return self._wholes[key]

    def numbers(self, key: str, mask: np.ndarray) -> np.ndarray:
        """The values under ``mask`` as floats (NaN elsewhere)."""
        if len(mask) and mask.all():  # every value a number (the common case): converted once
            if key not in self._floats:
                self._floats[key] = self.data[key].astype(float)
            return self._floats[key].copy()
        out = np.full(len(mask), np.nan)
        if mask.any():
            out[mask] = self.data[key][mask].astype(float)
        return out


_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")  # day 0 of Excel's serials (from 1 March 1900)


def _serial(day: date) -> int:
    """The Excel serial number of ``day`` (after February 1900)."""
    return int((np.datetime64(day, "D") - _EXCEL_EPOCH).astype(np.int64))


# What a cell holding a number with a fraction is under 'Năm sinh' after normalise (as_shown:
# 23743.5 is '23743,5'), or before it (a float)
_FRACTION_KINDS = (Message, float)


def _fractions(values: np.ndarray) -> np.ndarray:
    """The numbers cells of :data:`_FRACTION_KINDS` hold (NaN for none)."""
    texts = [v.en if v.__class__ is Message else v for v in values.tolist()]
    try:
        return np.array(texts, dtype=float)
    except (TypeError, ValueError):  # a Message of no number: one by one
        return np.array([_fraction(text) for text in texts])


def _fraction(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return np.nan


def _dates_read(cols: Columns, parts: list[Part], report_year: int) -> list[tuple]:
    """Dates of birth the column's rule would refuse, read to their year in place in ``cols``:
    a text date with a two-digit year ('12/05/62': 19xx, or 20xx when a head born then is
    HEAD_MIN_AGE by the list's year), and, under a date-of-birth header ('Ngày sinh', 'Ngày, tháng, năm sinh'), a
    bare Excel serial number of a day from ``report_year`` - MAX_AGE to the end of
    ``report_year`` (23743: 01/01/1965, a date pasted without its format; a number that is a
    year, 1900 to ``report_year``, stays a year), also with a time of day (23743.5: its day;
    1968.7 stays as written). (position, code, the cell as written, what it was read as) of
    each list's first cell of each kind, for its one warning. Only text cells (rare: the years
    are numbers) and the few lists so headed are looked at."""
    data = cols.data["nam_sinh"]
    owner = cols.owner if cols.owner is not None else np.zeros(len(data), dtype=np.int64)
    found: list[tuple[int, int, str, str, str]] = []  # (list, position, code, written, read)
    read: list[tuple[list[int] | np.ndarray, list[int] | np.ndarray]] = []  # (positions, years)
    if str in cols.kinds("nam_sinh"):
        at, years = [], []
        for position in np.flatnonzero(cols.of("nam_sinh", str)).tolist():
            two = TWO_DIGIT_YEAR.fullmatch(data[position])
            if two is None:
                continue
            day, month, short = int(two[1]), int(two[3]), int(two[4])
            year = 2000 + short if 2000 + short <= report_year - HEAD_MIN_AGE else 1900 + short
            try:
                shown = date(year, month, day).strftime("%d/%m/%Y")
            except ValueError:  # no such day: said as it is written
                continue
            at.append(position)
            years.append(year)
            found.append((int(owner[position]), position, "birth-year-two-digits",
                          clean_text(data[position]), shown))  # fmt: skip
        if at:
            read.append((at, years))
    dated = [index for index, part in enumerate(parts)
             if fold(part.columns.get("nam_sinh", (None, ""))[1]).startswith("ngay")]  # fmt: skip
    if dated:
        whole = cols.whole("nam_sinh")
        number = cols.whole_numbers("nam_sinh")
        in_dated = np.isin(owner, dated)
        if not cols.kinds("nam_sinh").isdisjoint(_FRACTION_KINDS):
            # A serial with a time of day (23743.5: a date typed with a time, or DATE()+time,
            # its format lost; normalise left it as shown, '23743,5'): its day, as a whole
            # serial is read (session 30). Only such cells of the lists so headed, one by one.
            timed = np.flatnonzero(cols.of("nam_sinh", *_FRACTION_KINDS) & in_dated)
            number = number.copy()
            number[timed] = np.floor(_fractions(data[timed]))
            whole = whole.copy()
            whole[timed] = True
        low = _serial(date(report_year - MAX_AGE, 1, 1))
        high = _serial(date(report_year, 12, 31))
        with np.errstate(invalid="ignore"):
            serial = whole & (number > report_year) & (number >= low) & (number <= high)
        serial &= in_dated
        if serial.any():  # in numpy: a list pasted whole may be a province's start list
            positions = np.flatnonzero(serial)
            days = _EXCEL_EPOCH + number[positions].astype(np.int64).astype("timedelta64[D]")
            read.append((positions, days.astype("datetime64[Y]").astype(np.int64) + 1970))
            for at in np.unique(owner[positions], return_index=True)[1].tolist():
                position = int(positions[at])
                found.append((int(owner[position]), position, "birth-date-serial",
                              as_shown(data[position]),
                              days[at].astype(object).strftime("%d/%m/%Y")))  # fmt: skip
    if not read:
        return []
    values = data.copy()  # the column may be a list's own array
    born = cols.whole_numbers("nam_sinh").copy()
    for positions, years in read:
        values[positions] = np.asarray(years, dtype=np.int64).tolist()
        born[positions] = years
    cols.data["nam_sinh"] = values
    cols.forget("nam_sinh")
    cols._wholes["nam_sinh"] = born
    first: dict[tuple[int, str], tuple] = {}
    for index, position, code, written, shown in sorted(found):
        first.setdefault((index, code), (position, code, written, shown))
    return list(first.values())


def _ages_read(cols: Columns, report_year: int) -> list[tuple[int, str]]:
    """A list whose 'Năm sinh' holds ages (45, 67, 81: whole numbers 0 to MAX_AGE, no year)
    more often than years has each age read as the year ``report_year`` less it (in place in
    ``cols``), the years it writes kept; (position, the age as written) of each such list's
    first age, for its one warning. A list writing years more often keeps a small number an
    error at its cell (a slip: '65' for 1965, or an age; either way a guess). Whole columns in
    numpy: the common column of years costs two comparisons and an ``any``."""
    whole = cols.whole("nam_sinh")
    number = cols.whole_numbers("nam_sinh")  # the rule's own, worked out once
    with np.errstate(invalid="ignore"):
        ages = whole & (number >= 0) & (number <= MAX_AGE)
    if not ages.any():
        return []
    owner = cols.owner if cols.owner is not None else np.zeros(len(ages), dtype=np.int64)
    with np.errstate(invalid="ignore"):
        years = whole & (number >= MIN_BIRTH_YEAR) & (number <= report_year)
    size = int(owner.max()) + 1
    aged = np.bincount(owner[ages], minlength=size)
    lists = np.flatnonzero(writes_ages(aged, np.bincount(owner[years], minlength=size)))
    if not len(lists):
        return []
    positions = np.flatnonzero(ages & np.isin(owner, lists))
    values = cols.data["nam_sinh"].copy()  # the column may be a list's own array
    first = positions[np.unique(owner[positions], return_index=True)[1]]
    said = [(int(at), as_shown(values[at])) for at in first.tolist()]
    born = number.copy()
    cols.from_age = positions
    born[positions] = report_year - number[positions]
    values[positions] = born[positions].astype(np.int64).tolist()
    cols.data["nam_sinh"] = values
    cols.forget("nam_sinh")
    cols._wholes["nam_sinh"] = born
    return said


def _failing(cols: Columns, report_year: int) -> list[tuple[str, str, np.ndarray]]:
    """(column, code, mask of failing rows) in the roster model's order: for each column, its
    blanks where one is required, then its rule on the values present."""
    data = cols.data
    out: list[tuple[str, str, np.ndarray]] = []

    def rule(key: str, code: str, ok: np.ndarray, required: bool) -> None:
        null = cols.null(key)
        if required:
            out.append((key, REQUIRED_CODES[key], null))
        out.append((key, code, ~null & ~_bools(ok)))

    rule("ma_ho", "", np.ones(len(cols.null("ma_ho")), dtype=bool), True)
    rule("ma_ho", "household-id-is-count", _not_household_counts(cols), False)
    rule("chu_ho", "", np.ones(len(cols.null("chu_ho")), dtype=bool), True)
    rule(
        "nhan_khau",
        "invalid-household-size",
        cols.whole_between("nhan_khau", MIN_HOUSEHOLD_SIZE, MAX_HOUSEHOLD_SIZE),
        True,
    )
    rule(
        "phan_loai",
        "invalid-classification",
        pd.Series(data["phan_loai"], dtype=object).isin(list(CLASSIFICATIONS)).to_numpy()
        & cols.of("phan_loai", str),
        True,
    )
    rule(
        "nam_sinh",
        "invalid-birth-year",
        cols.whole_between("nam_sinh", MIN_BIRTH_YEAR, report_year),
        False,
    )
    rule(
        "so_dinh_danh",
        "invalid-id-number",
        _id_numbers(data["so_dinh_danh"], cols.null("so_dinh_danh")),
        False,
    )
    rule(
        "gioi_tinh",
        "invalid-gender",
        pd.Series(data["gioi_tinh"], dtype=object).isin(["Nam", "Nữ"]).to_numpy()
        & cols.of("gioi_tinh", str),
        False,
    )
    rule(
        "dan_toc",
        "unknown-ethnicity",
        cols.per_value("dan_toc", lambda v: vocab.ethnicity(v) == v),
        False,
    )
    number = cols.of("thu_nhap", int, float)
    rule("thu_nhap", "invalid-income", number, False)
    with np.errstate(invalid="ignore"):  # a number, but below 0: said as such, not "not a number"
        out.append(("thu_nhap", "negative-income", number & (cols.numbers("thu_nhap", number) < 0)))
    for key in INDICATOR_KEYS:
        rule(key, "invalid-deprivation-mark", cols.of(key, bool), False)
    rule(
        "nguyen_nhan",
        "unknown-vocabulary",
        cols.per_value("nguyen_nhan", lambda v: not vocab.multi_choice(v, CAUSES)[1]),
        False,
    )
    rule(
        "nhu_cau",
        "unknown-vocabulary",
        cols.per_value("nhu_cau", lambda v: not vocab.multi_choice(v, NEEDS)[1]),
        False,
    )
    rule(
        "doi_tuong",
        "unknown-vocabulary",
        cols.per_value("doi_tuong", lambda v: not vocab.target_groups(v)[1]),
        False,
    )
    return [(key, code, mask) for key, code, mask in out if code]


def _incomes_per_household(
    data: dict[str, np.ndarray], cols: Columns, parts: list[Part], excel_rows: np.ndarray
) -> list[tuple[int, str, float | None, int]]:
    """(position, the income as written, each member's share or None, the household's size)
    of each row whose income is written per household ('1.500.000/hộ':
    normalise.household_income), ``data``'s income set to the share where the size is read (1
    to 30 people), else to blank: the standard's income is a person's a month (CONTRACT §2.2,
    DOMAIN §1.1), and a household's cannot be shared without its size (never guessed). The
    share is kept to the hundredth of a đồng in the column's unit ('1.000/hộ' for 3 under
    'nghìn đồng' 333.33333: 333,333.33 đ once validate._in_dong scales it; not 333.33, 333,330
    đ). Under a header already the household's ('Thu nhập năm của hộ': text.household_year,
    shared by validate._in_dong) the '/hộ' restates it: the amount is read as written, not
    shared twice, nothing said (session 51's review). Only the column's texts are looked at.
    Session 51."""
    found: list[tuple[int, str, float | None, int]] = []
    changed = False
    restated: dict[int, str] = {}
    texts = np.flatnonzero(cols.of("thu_nhap", str)) if len(data["thu_nhap"]) else []
    for position in list(texts):
        written = data["thu_nhap"][position]
        amount = household_income(written)
        if amount is None:
            continue
        if not changed:
            data["thu_nhap"] = data["thu_nhap"].copy()  # the column may be a list's own array
            changed = True
        header = _cell(parts[cols.owner[position]], "thu_nhap", int(excel_rows[position]))[0]
        if of_household(header):
            data["thu_nhap"][position] = amount  # the household's, as its header says
            restated[int(position)] = written  # quoted as written if its size is not read
            continue
        size = data["nhan_khau"][position]
        if size.__class__ is int and MIN_HOUSEHOLD_SIZE <= size <= MAX_HOUSEHOLD_SIZE:
            unit = income_unit(header)  # đồng a month of one unit of the column
            share = round(amount * unit / size, 2) / unit if unit != 1 else round(amount / size, 2)
            data["thu_nhap"][position] = share
            found.append((int(position), written, share, size))
        else:
            data["thu_nhap"][position] = None
            found.append((int(position), written, None, 0))
    # a number under a header of the household's month ('Thu nhập của hộ/tháng'), shared by
    # _in_dong where the size is read, else blank and said as a '/hộ' one is (session 51)
    months = [i for i, part in enumerate(parts) if "thu_nhap" in part.columns
              and household_month(part.columns["thu_nhap"][1])]  # fmt: skip
    for position in np.flatnonzero(np.isin(cols.owner, months)) if months else ():
        written, size = data["thu_nhap"][position], data["nhan_khau"][position]
        if written.__class__ not in (int, float) or not written > 0:
            continue
        if size.__class__ is int and MIN_HOUSEHOLD_SIZE <= size <= MAX_HOUSEHOLD_SIZE:
            continue
        header = _cell(parts[cols.owner[position]], "thu_nhap", int(excel_rows[position]))[0]
        if not household_month(header):
            continue
        if not changed:
            data["thu_nhap"] = data["thu_nhap"].copy()
            changed = True
        data["thu_nhap"][position] = None
        shown = restated.get(int(position)) or format_both(written, 2, trim=True)
        found.append((int(position), shown, None, 0))
    if changed:
        cols.forget("thu_nhap")
    return found


def _share_asked(share: float, unit: float, decimals: int, line: int) -> tuple[float, bool]:
    """The figure a head is asked to write for a household's ``share`` of its income (in the
    column's ``unit``, text.income_unit): rounded half up to ``decimals``, but kept on the side
    of the standard's income ``line`` the share is on (a household at or under it is poor or
    near-poor, DOMAIN §1.1; the poor and near-poor lines are one figure), a step away from the
    line where rounding would reach or pass it: 1,500,000.33 đ is asked 1.500.001, not
    1.500.000, which the next month would read at the line; 1.500,00333 under 'nghìn đồng' is
    asked 1.500,01. Both figures taken in đồng a month as validate._in_dong reads them
    (rounded to the hundredth of a đồng). Session 51. With it, whether it was raised so over
    the line: then it is the figure to write, no rounding of the share, and said so (variant
    'moved'). Lowered, never in practice (the line is a whole number of steps of any column's
    unit, so half up never passes it from under it), it is said as a rounding."""
    step = 10.0**-decimals
    asked = round(float(np.floor(share / step + 0.5)) * step, decimals)

    def in_dong(figure: float) -> float:
        return round(figure * unit, 2) if unit != 1 else figure

    over = in_dong(share) > line
    if over and in_dong(asked) <= line:
        return round(asked + step, decimals), True
    if not over and in_dong(asked) > line:
        return round(asked - step, decimals), False
    return asked, False


def _cell(part: Part, key: str, excel_row: int) -> tuple[str, str]:
    col_index, header = part.elsewhere.get(key, {}).get(excel_row) or part.columns.get(
        key, (None, ROSTER_COLUMN_BY_KEY[key].header)
    )
    return header, (f"{column_letter(col_index)}{excel_row}" if col_index is not None else "")


def validate_table(
    parts: list[Part],
    *,
    report_year: int,
    standard: Standard,
    area: str,
    hamlets: Callable[[str], str | None] | None = None,
) -> Validated:
    """Validate many tables in one pass: one typed frame (with hamlet, file, sheet, valid).
    ``hamlets``: the plan's hamlet matcher's ``match`` (None: no plan), which tells a head's
    name after a total's words from a hamlet's total (:func:`_total_words_as_names`)."""
    sizes = [_size(p.frame) for p in parts]
    total = sum(sizes)
    data = {key: _joined([_column(p.frame, key, n) for p, n in zip(parts, sizes, strict=True)])
            for key in ROSTER_KEYS}  # fmt: skip
    excel_rows = np.fromiter(
        chain.from_iterable(
            _column(p.frame, "excel_row", n) for p, n in zip(parts, sizes, strict=True)
        ),
        dtype=np.int64,
        count=total,
    )
    owner = np.repeat(np.arange(len(parts)), sizes)
    issues: list[list[Issue]] = [[] for _ in parts]
    invalid = np.zeros(total, dtype=bool)

    # rows typed one column to the right: position -> the column their shift starts at, from
    # which their other lines are not said (session 49)
    shifted: dict[int, int] = {}

    def said(
        position: int, code: str, key: str, value: str, detail: object, variant="", instead=""
    ) -> None:
        """An issue at the cell of ``key`` in the row at ``position``, for its roster."""
        part = parts[owner[position]]
        if shifted and position in shifted and key in part.columns:
            if part.columns[key][0] >= shifted[position]:
                return  # the row's shift says it (row-shifted)
        excel_row = int(excel_rows[position])
        header, cell = _cell(part, key, excel_row)
        issues[owner[position]].append(
            Issue(
                code=code,
                file=part.file,
                sheet=part.sheet,
                row=excel_row,
                column=header,
                cell=cell,
                value=value,
                hamlet=part.hamlet,
                detail=detail,
                variant=variant,
                instead=instead,
            )  # fmt: skip
        )

    # a head's name under 'Mã hộ', the code under the name: read back in place (session 43)
    swapped = _swapped_code_and_name(data["ma_ho"], data["chu_ho"], owner, report_year)
    for position, name, code in swapped:
        other = _cell(parts[owner[position]], "chu_ho", int(excel_rows[position]))[1]
        said(position, "code-and-name-swapped", "ma_ho", name, code, instead=other)
    # ... the name's own cell empty: the name read there, the code missing (session 44)
    named_in_code = {
        position: (name, _cell(parts[owner[position]], "chu_ho", int(excel_rows[position]))[1])
        for position, name in _name_in_code_column(data["ma_ho"], data["chu_ho"])
    }
    # ... a word for "no code yet" ('Chưa có', 'Không', 'Trống', '-', 'x'): no code, said as
    # missing with the word written (session 67, F)
    placeholder = _placeholder_codes(data["ma_ho"], data["chu_ho"])
    cols = Columns(data)
    cols.owner = owner
    for position, at, detail, other, variant in misplaced.rows_shifted(
        cols, parts, owner, excel_rows, report_year
    ):
        part = parts[owner[position]]
        said(position, "row-shifted", at, as_shown(data[at][position]), detail, variant,
             other)  # fmt: skip
        shifted[position] = part.columns[at][0]
        invalid[position] = True
        if at == "ma_ho" and not variant:  # begun a cell to the right
            misplaced.read_where_typed(data, cols, position)
    # a row typed one column to the right from a mark cell on (session 49), or from its cause
    # on, or its marks typed one to the left (session 50): counted, its cells from there not
    # read; its class not compared where a mark is not read
    marks_unknown = np.zeros(total, dtype=bool)
    for position, at, detail, other, variant in misplaced.marks_shifted(
        cols, parts, owner, excel_rows, standard.min_deprivations_poor, standard.income_line(area)
    ):
        if position in shifted:
            continue
        part = parts[owner[position]]
        said(position, "marks-shifted", at, "", detail, variant, other)
        shifted[position] = part.columns[at][0]
        marks_unknown[position] = shifted[position] <= part.columns[INDICATOR_KEYS[-1]][0]
        misplaced.forget_marks_from(data, cols, part.columns, position, shifted[position])
    # 'Không có lao động' under the group, the cause cell empty: the cause it names (session 51)
    for position in misplaced.causes_under_group(cols):
        part, row = parts[owner[position]], int(excel_rows[position])
        if position in shifted or "nguyen_nhan" not in part.columns:
            continue  # a list with no cause column: no cause cell left empty (session 51 review)
        written = data["doi_tuong"][position]
        cause = vocab.causes(written)[0]
        said(position, "cause-under-group", "doi_tuong", clean_text(written), cause, "",
             _cell(part, "nguyen_nhan", row)[1])  # fmt: skip
        for key, value in (("nguyen_nhan", cause), ("doi_tuong", None)):
            data[key] = data[key].copy()  # the column may be a list's own array
            data[key][position] = value
            cols.forget(key)
    # an income written per household ('1.500.000/hộ'): each member's share, or blank where the
    # household's size is not read (session 51); the share is not said perhaps the household's
    divided: set[int] = set()
    for position, written, share, size in _incomes_per_household(data, cols, parts, excel_rows):
        # said in the column's period, a month's or a year's (session 51)
        header = _cell(parts[owner[position]], "thu_nhap", int(excel_rows[position]))[0]
        unit, yearly = income_unit(header), per_year(header)
        if share is None:
            said(position, "income-per-household", "thu_nhap", written, "",
                 "no-size-year" if yearly else "no-size")  # fmt: skip
            continue
        divided.add(position)
        # a share of no whole đồng under a column in đồng (333,333.33): the head is asked for it
        # in whole đồng, as forms write an income, rounded half up; the figure used is not
        # rounded (session 51's review); never rounded across the line: a step over it, said
        # as the figure to write, not 'about' the share (session 51: _share_asked)
        whole = unit * 12 == 1 if yearly else unit == 1  # its header's money is đồng
        asked, raised = _share_asked(share, unit, 0 if whole else 2, standard.income_line(area))
        kind = "moved" if raised else "rounded" if whole and asked != round(share, 2) else ""
        variant = "-".join(word for word in (kind, "year" if yearly else "") if word)
        said(position, "income-per-household", "thu_nhap", written,
             format_both(asked, 0 if whole else 2, trim=not whole), variant, str(size))  # fmt: skip
    for position, code, written, read in _dates_read(cols, parts, report_year):
        said(position, code, "nam_sinh", written, read)  # one warning a list, at its first
    for position, age in _ages_read(cols, report_year):  # one warning a list, at its first age
        said(position, "birth-year-from-age", "nam_sinh", age, str(report_year))
    slipped = {
        (index, key, row): text
        for index, part in enumerate(parts)
        for key, rows in part.slips.items()
        for row, text in rows.items()
    }
    swapped_sizes: list | None = None  # worked out at the first size said
    swapped_birth: set[int] = set()  # sizes said swapped with the birth year: its line not said
    for column, code, mask in _failing(cols, report_year):
        positions = np.flatnonzero(mask)
        if not len(positions):
            continue
        if CATALOGUE[code].severity == "error":
            invalid[positions] = True
        detail = _detail(code, column, report_year)
        values = data[column]
        for position in positions.tolist():
            # a value read after a leading '=' ('=2+2') is quoted as the cell shows it
            written = slipped.pop((int(owner[position]), column, int(excel_rows[position])), None)
            shown = written or as_shown(values[position])
            if code == "unknown-vocabulary":  # the parts not known, where others are
                variant, instead = _unknown_choices(column, values[position])
                said(position, code, column, shown, detail, variant, instead)
                continue
            if code == "invalid-household-size":
                if swapped_sizes is None:
                    swapped_sizes = misplaced.swapped_with_size(cols, report_year)
                swap = next(((k, v) for k, v, rows in swapped_sizes if rows[position]), None)
                if swap is not None:
                    key, variant = swap
                    other = _cell(parts[owner[position]], key, int(excel_rows[position]))[1]
                    said(position, code, column, shown, as_shown(data[key][position]), variant,
                         other)  # fmt: skip
                    if key == "nam_sinh":
                        swapped_birth.add(position)
                    continue
            if code == "invalid-birth-year" and position in swapped_birth:
                continue  # said with the size (birth-year-swapped)
            if code == "missing-household-id" and position in named_in_code:
                name, other = named_in_code[position]
                said(position, code, column, name, detail, "name", other)
                continue
            if code == "missing-household-id" and position in placeholder:
                said(position, code, column, placeholder[position], detail, "placeholder")
                continue
            said(position, code, column, shown, detail, _variant(code, values[position]))
    for (index, key, excel_row), written in slipped.items():  # read: the '=' is said
        part = parts[index]
        header, cell = _cell(part, key, excel_row)
        after = clean_text(after_equals(written) or written)
        issues[index].append(Issue("leading-equals-sign", file=part.file, sheet=part.sheet,
                                   row=excel_row, column=header, cell=cell, value=written,
                                   hamlet=part.hamlet, detail=after))  # fmt: skip
    # a head's name typed after '=' ('=Đinh Thị Nhung' in a text cell): kept as written (text
    # from input is data), said, and posted without the '=' (public_list; session 37)
    for position, written, name in _names_after_equals(data["chu_ho"]):
        said(position, "leading-equals-sign", "chu_ho", written, name, "name")
    # a total row's words as a household's name, the row read for its details (session 51)
    for position, name in _total_words_as_names(data["chu_ho"], hamlets):
        said(position, "head-name-is-total", "chu_ho", name, "")
        invalid[position] = True
    _questioned_marks_said(parts, sizes, data, excel_rows, said)
    # where a birth year was read from an age: a year off, perhaps, when households are matched
    # by name and birth year (figures.aged_name_keys)
    from_age = np.zeros(total, dtype=bool)
    if cols.from_age is not None:
        from_age[cols.from_age] = True
    typed = _finish(
        cols,
        excel_rows,
        first={
            "hamlet": np.array([p.hamlet for p in parts], dtype=object)[owner],
            "file": np.array([p.file for p in parts], dtype=object)[owner],
            "sheet": np.array([p.sheet for p in parts], dtype=object)[owner],
        },
        last={"valid": ~invalid, FROM_AGE: from_age},
    )
    marks_ok = (
        np.logical_and.reduce([cols.of(k, bool) for k in INDICATOR_KEYS])
        if total
        else np.zeros(0, dtype=bool)
    )
    # each income as written, for a row told in its column's unit: 1,000 under 'Thu nhập
    # năm', not 999.96 back from its rounded twelfth (session 47 review)
    written = typed["thu_nhap"].to_numpy(dtype=float, copy=True)
    income, unit, stated = _in_dong(typed, parts, owner, excel_rows)
    with np.errstate(invalid="ignore"):
        thousands = (income > 0) & (income < INCOME_SURELY_IN_THOUSANDS)
        negative = income < 0
    for position in np.flatnonzero(thousands & typed["valid"].to_numpy()).tolist():
        here, per = float(income[position]), float(unit[position])
        if per == 1:  # quoted as written ('1,2', not '1'), guessed in millions below 10
            millions = here < INCOME_SURELY_IN_MILLIONS
            said(position, "income-in-thousands", "thu_nhap", format_both(here, 6, trim=True),
                 format_both(here * (1_000_000 if millions else 1000), 0),
                 "in-millions" if millions else "")  # fmt: skip
        else:  # '5' under 'nghìn đồng': 5,000 đ in the column's own unit, not to write in đồng
            as_written = float(written[position])
            # read in đồng, far too high in its header's unit (session 47 review)
            high = stated[position] != per and as_written * float(stated[position])
            said(position, "income-in-thousands", "thu_nhap",
                 format_both(as_written, 6, trim=True), format_both(here, 0),
                 "in-dong" if high else "in-unit", format_both(high, 0) if high else "")  # fmt: skip
    # Such an income, or a negative one, is not compared with the line; nor are the marks of a
    # table without every deprivation column (a missing column reads as nobody deprived).
    marks_ok = marks_ok & ~thousands & ~negative & ~marks_unknown
    lacking = np.array([any(k not in p.columns for k in INDICATOR_KEYS) for p in parts], dtype=bool)
    if total and lacking.any():
        marks_ok = marks_ok & ~lacking[owner]
    questioned_too: set[int] = set()  # a class with a '?' the standard differs from: one line
    for position, detail, declared, expected in _contradictions(typed, marks_ok, standard, area):
        variant = "exited-near-poor" if (declared, expected) == ("exited", "near_poor") else ""
        share = _share_under_line(typed, position, standard.income_line(area))
        if position in divided:
            share = None  # the income already each member's share (session 51)
        if expected == "above" and declared != "above" and share is not None:
            variant = "household-total"  # perhaps the whole household's income (session 49)
        label = CLASSIFICATION_LABEL.get(declared, declared)
        written = (
            None if variant else _questioned_text(parts[owner[position]], excel_rows[position])
        )
        if written is not None:  # 'Hộ nghẻo?' the standard makes near-poor (session 50)
            questioned_too.add(position)
            said(position, "classification-mismatch", "phan_loai", written, detail, "questioned",
                 label)  # fmt: skip
            continue
        # the class as the head wrote it ('HN'), as his feedback quotes the cell: the officer
        # finds it in his file (a mark's class is its column's name; session 52)
        label = _class_written(parts[owner[position]], excel_rows[position]) or label
        said(position, "classification-mismatch", "phan_loai", label, detail, variant,
             format_both(share, 0) if variant == "household-total" else "")  # fmt: skip
    _questioned_said(parts, sizes, data["phan_loai"], excel_rows, said, questioned_too)
    for position, note, declared in _moved_away_notes(typed):
        said(position, "note-says-moved-away", "ghi_chu", note, CLASSIFICATION_LABEL[declared])
    return Validated(typed, owner, sizes, issues)


# A head's name cell holding a household code as heads write one: ASCII letters and digits, both,
# with dots, dashes, slashes or spaces ('TL.04.004', 'NM12', 'BC-3'); a year or a count alone is
# none (a row typed a column to the left puts the birth year there).
_CODE_IN_NAME = lazyre.compile(r"[A-Za-z0-9./_\- ]*[A-Za-z][A-Za-z0-9./_\- ]*")
_DIGIT = lazyre.compile(r"[0-9]")


def _swapped_code_and_name(
    codes: np.ndarray, names: np.ndarray, owner: np.ndarray, report_year: int
) -> list[tuple[int, str, str]]:
    """(position, name, code) of each row whose 'Mã hộ' is a person's name (two or more words
    of letters, no digit) and whose head's name is a household code (:data:`_CODE_IN_NAME`, or
    digits alone where the list's codes are: :func:`_digits_code`), the two swapped back in
    ``codes`` and ``names``: the household is read as a person reads it, under its code (so
    not a new household, its start-list row not gone). A name holds no digit but in such a row:
    the column's texts, joined by NUL (which no cell holds: XML has no such character), are
    searched for one at once, and only the rows holding one looked at. ``owner``: each row's
    list (its index), whose codes tell digits alone from a year."""
    texts = names.tolist()
    if not lib.is_string_array(names, skipna=False):
        texts = [v if v.__class__ is str else "" for v in texts]
    joined = "\x00".join(texts)
    if not any(digit in joined for digit in "0123456789"):  # one fast search each
        return []
    found: list[tuple[int, str, str]] = []
    digit_codes: dict[int, tuple[int, int] | None] = {}  # list -> its codes' digit counts
    at, position, last = 0, 0, -1
    for match in _DIGIT.finditer(joined):
        position += joined.count("\x00", at, match.start())
        at = match.start()
        if position == last:
            continue
        last = position
        code, name = texts[position].strip(), codes[position]
        if _a_persons_name(name) and (
            _CODE_IN_NAME.fullmatch(code) is not None
            or _digits_code(code, codes, owner, int(owner[position]), report_year, digit_codes)
        ):
            codes[position], names[position] = code, name
            found.append((position, name, code))
    return found


def _digits_code(
    code: str, codes: np.ndarray, owner: np.ndarray, part: int, report_year: int, memo: dict
) -> bool:
    """Whether digits alone under a head's name ('045') are a household code: the list's codes
    are mostly digits alone (two at least), of as many digits as this one (the fewest to the
    most they have), and it is no year from 1900 to the report's (the birth year a row typed a
    column to the left puts there). ``memo``: list -> (fewest, most) digits of its codes, or
    None where they are not digits alone."""
    if not (code.isascii() and code.isdigit()) or MIN_BIRTH_YEAR <= int(code) <= report_year:
        return False
    if part not in memo:
        written = [c for c in codes[owner == part].tolist() if c is not None and c == c]
        digits = [len(c) for c in map(str, written) if c.isascii() and c.isdigit()]
        memo[part] = (
            (min(digits), max(digits))
            if len(digits) >= 2 and len(digits) * 2 > len(written)
            else None
        )
    sizes = memo[part]
    return sizes is not None and sizes[0] <= len(code) <= sizes[1]


# Words no Vietnamese name holds that heads write under 'Mã hộ' for a code not yet given:
# 'Chưa có', 'Hộ mới', 'Đang cập nhật', 'Chờ cấp', 'Không có' (session 44 review); accents kept,
# lower case ('hộ', not the surname 'Hồ').
_NO_NAME_WORDS = frozenset(
    ("chưa", "không", "đang", "hộ", "mới", "chờ", "cấp", "có", "cập", "bổ", "tạm", "đã", "xin")
)


def _a_persons_name(value: object, capitalised: bool = False) -> bool:
    """Whether a 'Mã hộ' cell holds a person's name: two or more words of letters, no digit,
    none of :data:`_NO_NAME_WORDS`; ``capitalised``: each word begins with a capital ('Lý Xuân
    Thắng', not 'chưa có')."""
    words = value.split() if value.__class__ is str else []
    return (
        len(words) >= 2
        and all(w.isalpha() for w in words)
        and (not capitalised or all(w[0].isupper() for w in words))
        and not any(fold_exact(w) in _NO_NAME_WORDS for w in words)
    )


def _name_in_code_column(codes: np.ndarray, names: np.ndarray) -> list[tuple[int, str]]:
    """(position, name) of each row whose head's name is blank and whose 'Mã hộ' is a person's
    name, its words capitalised: the name moved to its own column in ``names``, the code left
    blank (so missing, said as such at the 'Mã hộ' cell), so that the household is known by its
    name and birth year as any row without a code. Looked for only where a name is blank (a
    column all text has none)."""
    if not len(names) or lib.is_string_array(names, skipna=False):
        return []
    found = []
    for position in np.flatnonzero(pd.isna(names)).tolist():
        name = codes[position]
        if _a_persons_name(name, capitalised=True):
            codes[position], names[position] = None, name
            found.append((position, name))
    return found


def _placeholder_codes(codes: np.ndarray, names: np.ndarray) -> dict[int, str]:
    """{position: the word written} of each 'Mã hộ' beside a head's name (in ``names``) that
    writes no code but says there is none yet (:data:`_NO_CODE`: 'Chưa có', 'Không', 'Trống',
    '(trống)', '-', 'x', 'Hộ mới'), left blank in ``codes``: a household without its code,
    said so at the cell with the word written, as a blank one is (left out of the counts until
    written), not read as a household coded 'Chưa có' (two such rows duplicates of each other;
    session 67, F). Only a text without a digit is looked at (a code holds one); a row naming
    no head ('x | Trống') is read as before (its code as written, its cells asked)."""
    found: dict[int, str] = {}
    texts = _texts_only(codes, codes.tolist())
    words = {t for t in set(texts) if t.strip() and len(t) <= 24 and not _A_DIGIT.search(t)}
    words = {t for t in words if fold(t) in _NO_CODE}
    if not words:
        return found
    for position, text in enumerate(texts):
        name = names[position]
        if text in words and name.__class__ is str and name.strip():
            codes[position] = None
            found[position] = text
    return found


# What heads write under 'Mã hộ' for a code not given yet, folded (a mark alone folds to '')
_NO_CODE = frozenset(
    ("", "x", "trong", "khong", "khong co", "chua", "chua co", "chua co ma", "chua co ma ho",
     "khong co ma", "khong co ma ho", "chua cap", "chua cap ma", "cho cap", "cho cap ma",
     "dang cap nhat", "ho moi", "moi")
)  # fmt: skip
_A_DIGIT = lazyre.compile(r"\d")


def _names_after_equals(names: np.ndarray) -> list[tuple[int, str, str]]:
    """(position, name as written, name without its '=') of each head's name plainly typed after
    '=' by mistake (``normalise.typed_after_equals``: words of letters); '=1+1', '=ABC' and
    '=Hoàng Văn NM6' may be meant so and are kept unsaid."""
    found = []
    texts = names.tolist()
    if "=" not in "".join(_texts_only(names, texts)):  # one search in C: no name holds one
        return found
    for position, name in enumerate(texts):
        if name.__class__ is str and name[:1] == "=":
            plain = typed_after_equals(name)
            if plain is not None:
                found.append((position, name, plain))
    return found


# A head's name that begins with a total's word ('Tổng cộng', 'Cộng', 'Tổng số', 'Lũy kế',
# 'Toàn xóm'), as written in lower case: with its marks ('tống', 'tòng', 'công' begin names,
# not these), or with none at all ('Tong cong').
_TOTAL_NAME_STARTS = TOTAL_FIRST_WORDS


_SECOND = frozenset("ộổũouỘỔŨOU")
# the total's words of two words or more: 'Cộng' or 'Tổng' alone is a head's name where the row
# has a code (session 23: "a head named 'Cộng' with a code is a household")
_TOTAL_PHRASES = tuple(m for m in TOTAL_MARKERS if " " in m)


def _texts_only(values: np.ndarray, texts: list) -> list:
    """``texts`` (``values.tolist()``), each value that is not a text as ''; ``texts`` itself
    where all are (told in C)."""
    if len(values) and lib.is_string_array(values, skipna=False):
        return texts
    return [v if v.__class__ is str else "" for v in texts]


def _total_words_as_names(
    names: np.ndarray, hamlets: Callable[[str], str | None] | None = None
) -> list[tuple[int, str]]:
    """(position, name as written) of each head's name that is a total row's words of two
    words or more (``schemas.columns.TOTAL_MARKERS``: 'Tổng cộng', 'Tổng số', 'Cộng I+II',
    'Tổng cộng hộ nghèo'): a row read as a household for its own details (a code, a birth year,
    an ID number) whose name cell holds no name (session 51). 'Tống Công Hòa' is a name: its
    first word is not a total's as written; 'Cộng' alone is one too (session 23); so is one
    typed without marks, a name after the total's words ('Tong Cong Thanh', session 54); and,
    the plan's ``hamlets`` given (HamletMatcher.match), two to four such words no plan hamlet's
    name ('Tong Cong Van Thanh'; 'Tong Cong Na Mon' is Nà Mòn's total: said; session 54, G3)."""
    texts = _text_codes(names)
    if texts is None:  # not text and blanks alone: name by name
        return [(position, text) for position, name in enumerate(names.tolist())
                if (text := _total_words_name(name, hamlets)) is not None]  # fmt: skip
    # each distinct text looked at once (a province's 150,000 names are some 8,000), as a text
    # exactly (a subclass's value as its text); a row said only where its name is one exactly
    codes, uniques = texts
    told = [_total_words_name(str(text), hamlets) for text in uniques]
    hits = [code for code, text in enumerate(told) if text is not None]
    if not hits:
        return []
    return [(position, told[codes[position]])
            for position in np.flatnonzero(np.isin(codes, hits)).tolist()
            if names[position].__class__ is str]  # fmt: skip


def _total_words_name(name: object, hamlets: Callable[[str], str | None] | None) -> str | None:
    """The name as written (clean_text) where it is a total's words
    (:func:`_total_words_as_names`), else None."""
    # told at a glance: 'C', 'T' or 'L' then 'ộ', 'ổ', 'ũ', 'o' or 'u' (the base letter of a
    # name typed in NFD), as no 'Trần', 'Lê', 'Lường', 'Tống', 'Công' begins
    if name.__class__ is not str or name[:1] not in "CcTtLl" or name[1:2] not in _SECOND:
        return None
    written = unicodedata.normalize("NFC", name).strip().casefold()
    if not written.startswith(_TOTAL_NAME_STARTS):
        return None
    folded = fold(written).strip(" :.")
    if not any(folded == m or folded.startswith(m + " ") for m in _TOTAL_PHRASES):
        return None
    text = clean_text(name)
    if named_after_total(text):  # 'Tong Cong Thanh' (session 54)
        return None
    if hamlets is not None and maybe_named_after_total(text):
        if hamlet_after_total(text, hamlets) is None:
            return None  # 'Tong Cong Van Thanh', no plan hamlet (session 54, G3)
    return text


def _class_written(part: Part, excel_row) -> str | None:
    """The class cell of ``excel_row`` as written where it is not the class's name ('HN'), in
    the class column (not a mark: 'x' under 'Hộ nghèo'); else None."""
    if not part.classes_written:
        return None
    row = int(excel_row)
    if row in part.elsewhere.get("phan_loai", {}):
        return None
    return part.classes_written.get(row)


def _questioned_text(part: Part, excel_row) -> str | None:
    """The class cell of ``excel_row`` as written when it is a class written with a question
    mark in the class column ('Hộ nghẻo?'), not a mark ('x?' under 'Hộ nghèo'); else None."""
    if not part.questioned:
        return None
    row = int(excel_row)
    if row in part.elsewhere.get("phan_loai", {}) or row in part.questioned_start:
        return None
    return part.questioned.get(row)


def _questioned_said(
    parts: list[Part], sizes: list[int], classes, excel_rows, said, told: set[int]
) -> None:
    """A `questioned-classification` warning at each class written with a question mark and
    read as a class ('Nghèo?' counted as Hộ nghèo): the row stays counted, the head is asked to
    confirm it; not at the positions ``told`` (its class-mismatch says it: variant
    'questioned'). Only the (rare) parts holding one are looked at."""
    start = 0
    for part, size in zip(parts, sizes, strict=True):
        if part.questioned:
            rows = excel_rows[start : start + size]
            for position in np.flatnonzero(np.isin(rows, list(part.questioned))).tolist():
                label = CLASSIFICATION_LABEL.get(classes[start + position])
                if label is not None and start + position not in told:
                    row = int(rows[position])
                    # a mark ('x?' under 'Hộ nghèo'): the head is told to keep the mark alone
                    variant = "mark" if row in part.elsewhere.get("phan_loai", {}) else ""
                    if row in part.questioned_start:  # 'x?' under 'Đầu kỳ', nothing at its end
                        variant = "start-mark"
                    if variant and vocab.question_alone(part.questioned[row]):
                        variant += "-alone"  # a '?' alone in the mark cell (session 30)
                    said(start + position, "questioned-classification", "phan_loai",
                         part.questioned[row], label, variant)  # fmt: skip
        start += size


def _questioned_marks_said(parts: list[Part], sizes: list[int], data, excel_rows, said) -> None:
    """A `questioned-deprivation` warning at each deprivation mark written with a question mark
    and read as the mark ('x?' counted as deprived; 'không?' as not, variant 'not-deprived'):
    the household is counted as read, the head asked to confirm it. Only the (rare) parts
    holding one are looked at."""
    start = 0
    for part, size in zip(parts, sizes, strict=True):
        if part.questioned_marks:
            rows = excel_rows[start : start + size]
            for key, cells in part.questioned_marks.items():
                for position in np.flatnonzero(np.isin(rows, list(cells))).tolist():
                    mark = data[key][start + position]
                    if mark is True or mark is False:
                        variant = "" if mark else "not-deprived"
                        written = cells[int(rows[position])]
                        if mark and vocab.question_alone(written):
                            variant = "alone"  # a '?' alone in the cell (session 30)
                        said(start + position, "questioned-deprivation", key, written, "", variant)
        start += size


def _income_headers(
    parts: list[Part], owner: np.ndarray, excel_rows: np.ndarray, headers: list[str]
) -> np.ndarray:
    """Each row's income header, as an index into ``headers`` (the parts' own, in order):
    ``owner`` but where a row's income was read from another column (``Part.elsewhere``),
    whose header is then added to ``headers`` (in place). Rows looked at one by one only in
    the parts with such rows."""
    header_of = owner
    for index, part in enumerate(parts):
        there = part.elsewhere.get("thu_nhap")
        if not there:
            continue
        if header_of is owner:
            header_of = owner.copy()
        start, end = np.searchsorted(owner, index), np.searchsorted(owner, index, "right")
        for position in range(start, end):
            at = there.get(int(excel_rows[position]))
            if at is not None:
                if at[1] not in headers:
                    headers.append(at[1])
                header_of[position] = headers.index(at[1])
    return header_of


def _in_dong(
    typed: pd.DataFrame, parts: list[Part], owner: np.ndarray, excel_rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The rows' incomes in đồng: a column headed in thousands (or millions) of đồng is read in
    its unit ('1160' under 'nghìn đồng' is 1,160,000 đ), not told row by row that it looks
    written in thousands; a year's a twelfth of it a month (14,400,000 under 'Thu nhập năm' is
    1,200,000 đ; said once, at the header: rosterchecks.header_issues); ``typed['thu_nhap']``
    is set so. A value that is already a plausible
    amount in đồng there (1,200,000 under 'nghìn đồng': the head wrote đồng after all, which
    would be 1.2 billion a month) is left as written. Also each row's unit where its value was
    multiplied (1 elsewhere). The product is rounded to the hundredth of a đồng: '1,005' under
    'triệu đồng' is 1,005,000 đ, not 1,004,999.9999999999. A row read from another income
    column where the list's is blank ('Thu nhập năm' beside 'Thu nhập BQ': ``Part.elsewhere``,
    headers.TwiceColumn.named) is taken in that column's unit (session 47). Each row's unit is
    text.month_unit's, the one twice._same_income compares two income columns by; and each
    row's unit as its header states it (a value read in đồng against it: 1,300 under 'Thu nhập
    năm của hộ (triệu đồng)' for one member; session 47 review)."""
    income = typed["thu_nhap"].to_numpy(dtype=float)
    headers = [p.columns["thu_nhap"][1] if "thu_nhap" in p.columns else "" for p in parts]
    header_of = _income_headers(parts, owner, excel_rows, headers)
    units = [income_unit(h) if h else 1 for h in headers]
    # a household's month in đồng is shared by its members all the same (session 51)
    if (
        all(unit == 1 for unit in units)
        and not any(map(household_month, headers))
        or not len(income)
    ):
        return income, np.ones(len(income)), np.ones(len(income))
    unit = np.asarray(units, dtype=float)[header_of]
    yearly = np.asarray([per_year(h) for h in headers], dtype=bool)[header_of]
    # the whole household's year ('Thu nhập năm của hộ'): each member's share
    # (or month's: 'Thu nhập của hộ/tháng', in đồng too; session 51)
    household = np.asarray([of_household(h) for h in headers], dtype=bool)[header_of]
    members = None
    if household.any():
        members = pd.to_numeric(typed["nhan_khau"], errors="coerce").to_numpy(dtype=float)
    stated = month_unit(income, unit, yearly, household, members, stated=True)
    unit = month_unit(income, unit, yearly, household, members)
    income = np.where(unit != 1, np.round(income * unit, 2), income)
    typed["thu_nhap"] = income
    return income, unit, stated


# A count written in 'Mã hộ', folded (sessions 25, 26, 28): a number, then the word 'hộ' ('120
# hộ', '120hộ', '12 HỘ', '20 hộ, 95 khẩu'), or a number of people alone ('95 khẩu', '95 nhân
# khẩu', '17 người', '95 NK': the unit, then nothing or another count, so that '12 Khau Lầu'
# stays a code; 'NK' then nothing at all, so that '01 NK-12' does too); or its words first, as
# a count is labelled ('Số hộ: 120', 'Tổng số hộ 120', 'Tổng: 120 hộ', 'Số khẩu: 95', 'Số
# người: 17'); or a number of people then what they are ('12 người khuyết tật', '2 người đi
# làm xa': a note about the household's members). Not 'hộ 120', 'Hộ số 12' (a number naming
# one household, as 'HO120' does), nor 'Số hộ khẩu 123' (a registration book's number).
_UNIT = r"(?:ho|nhan khau|khau|nguoi|nk)"
_TOTAL = r"(?:tong cong|tong|cong)"
_PEOPLE = r"\d+ ?(?:(?:nhan khau|khau|nguoi)(?: \d.*)?|nk)$"
_COUNT_IN_CODE = lazyre.compile(
    r"^(?:"
    r"(?P<households>\d+ ?ho\b)"
    rf"|(?P<people>{_PEOPLE})"
    r"|(?P<members>\d+ nguoi [a-z].*)"
    rf"|(?:{_TOTAL}(?: so)?|so) (?P<unit>{_UNIT})(?: la)? \d+(?: {_UNIT})?(?: \d.*)?$"
    rf"|{_TOTAL}(?: so)? (?:\d+ ?ho\b|(?P<total_people>{_PEOPLE}))"
    # 'Số 12 người', 'Số 12 hộ' (session 29): the number after 'Số', its unit last ('Số 12'
    # alone, 'Số 12 Nà Mòn', 'Số 12 hộ nghèo' stay codes)
    rf"|so (?:\d+ ?ho$|(?P<so_people>{_PEOPLE})|(?P<so_members>\d+ nguoi [a-z].*))"
    r")"
)
_COUNT_WORD_INITIALS = frozenset("SsTtCc")  # 'Số', 'Tổng', 'Cộng'
# What a code holding no 'h' holds if it is a count (lower case, decomposed too): 'người'
# ('nguoi' typed without its marks) or 'NK'
_PEOPLE_HINTS = ("ngu", "ngư", "nk")
# '<n> NK' is a number of people, unless a list writes its codes so ('1 NK', '2 NK', '3 NK':
# the households of a hamlet 'NK', as '12 NM' is Nà Mòn's 12th): this many different ones in
# one list are its codes
_NK_FORM = lazyre.compile(r"\d+ ?nk$")
_NK_CODES_AT = 3


def _not_household_counts(cols: Columns) -> np.ndarray:
    """:func:`not_household_count` of each Mã hộ. A column of text holding no 'h' (hộ, khẩu),
    nor 'ngư'/'ngu' (người) or 'nk' (NK) in any case but at the start of a code ('NK-12')
    anywhere (a province's 300,000 codes, most communes' lists) is no count anywhere, told by
    a few searches of its text joined; any other column, value by value, where one holding no
    'người' nor 'NK' needs only look for the 'h' (as before session 28)."""
    values = cols.data["ma_ho"]
    test = not_household_count
    if len(values) and lib.is_string_array(values, skipna=False):
        joined = "\n".join(values.tolist())
        people = False
        if "g" in joined or "G" in joined or "k" in joined or "K" in joined:  # one memchr each
            low = joined.lower()
            people = any(
                letters in low
                and low.count(letters) > low.count("\n" + letters) + low.startswith(letters)
                for letters in _PEOPLE_HINTS
            )
        if not people:
            if "h" not in joined and "H" not in joined:
                return np.ones(len(values), dtype=bool)
            test = _no_count_of_households
    ok = cols.per_value("ma_ho", test)
    if cols.owner is not None and not ok.all():
        _nk_codes_kept(values, ok, cols.owner)
    return ok


def _nk_codes_kept(values: np.ndarray, ok: np.ndarray, owner: np.ndarray) -> None:
    """Mark as codes ('1 NK', '2 NK', …) the '<n> NK' of each list holding _NK_CODES_AT or more
    different ones (read as a number of people alone, see _NK_FORM). Only the rows told as
    counts are looked at (rare)."""
    lists: dict[int, dict[str, list[int]]] = {}
    for position in np.flatnonzero(~np.asarray(ok, dtype=bool)).tolist():
        folded = fold(values[position])
        if _NK_FORM.match(folded):
            lists.setdefault(int(owner[position]), {}).setdefault(folded, []).append(position)
    for found in lists.values():
        if len(found) >= _NK_CODES_AT:
            for positions in found.values():
                ok[positions] = True


def not_household_count(value: object) -> bool:
    """Whether a Mã hộ is no count of households or people (a number alone is a code, as
    written; :func:`household_count_kind`)."""
    if value.__class__ is not str:
        return True
    # nearly every code of a province's 300,000 is passed on these tests, without folding: a
    # count holds an 'h' (hộ, khẩu), a 'g' (người) or a 'k' (NK), in either case (decomposed
    # too), and starts with a digit, or as 'Số', 'Tổng' or 'Cộng' do with a space after the
    # word
    if "h" not in value and "H" not in value:
        if "g" not in value and "G" not in value and "k" not in value and "K" not in value:
            return True
        first = value.lstrip()[:1]  # 'NK-12': no count
        if not first.isdigit() and (first not in _COUNT_WORD_INITIALS or " " not in value):
            return True
        low = value.lower()  # '12 BK', '12 NG': no count either
        if "ngu" not in low and "ngư" not in low and "nk" not in low:
            return True
        return _COUNT_IN_CODE.match(fold(value)) is None
    first = value.lstrip()[:1]
    if not first.isdigit() and (first not in _COUNT_WORD_INITIALS or " " not in value):
        return True
    return _COUNT_IN_CODE.match(fold(value)) is None


def _no_count_of_households(value: object) -> bool:
    """:func:`not_household_count` of a code from a column holding no 'người' nor 'NK' (told
    by :func:`_not_household_counts`): a code holding no 'h' is passed on two tests, as before
    session 28 (its own copy of the tests: a call more is a tenth of a second a province)."""
    if value.__class__ is not str or ("h" not in value and "H" not in value):
        return True
    first = value.lstrip()[:1]
    if not first.isdigit() and (first not in _COUNT_WORD_INITIALS or " " not in value):
        return True
    return _COUNT_IN_CODE.match(fold(value)) is None


def household_count_kind(value: object) -> str:
    """What count a Mã hộ is written as: 'households' ('120 hộ', 'Số hộ: 120'), 'people' ('95
    khẩu', 'Số nhân khẩu: 95', '17 người', '95 NK'), 'members' ('12 người khuyết tật': a note
    about the household's members), or '' for a code."""
    if not_household_count(value):
        return ""
    found = _COUNT_IN_CODE.match(fold(value))
    if found["members"] or found["so_members"]:
        return "members"
    unit = found["unit"]
    people = (
        found["people"]
        or found["total_people"]
        or found["so_people"]
        or (unit is not None and unit != "ho")
    )
    return "people" if people else "households"


# Words of a living standard above both lists, written in 'Phân loại hộ' for 'Thoát'.
_ABOVE_BOTH = lazyre.compile(r"\b(trung binh|kha|giau|khong ngheo|khong con ngheo|binh thuong)\b")


# 'Phát sinh mới', 'Mới', 'Hộ mới phát sinh' alone: new this month, but poor or near-poor?
_NEW_WORDS = frozenset({"moi", "phat", "sinh"})
_NEW_ONLY_WORDS = _NEW_WORDS | {"ho", "trong", "ky", "thang", "nam", "nay"}


# A household that moved, written in 'Phân loại hộ': in ('Chuyển đến', 'Hộ nghèo chuyển đến',
# 'Chuyển từ xóm Nà Mòn', 'Nhập khẩu') or away ('Chuyển đi', 'Chuyển xóm', 'Chuyển sang xóm
# Bản Cọ', 'Đi khỏi địa phương', 'Đã chuyển'); not a change of list ('Chuyển sang hộ cận
# nghèo', 'Chuyển từ hộ nghèo sang hộ cận nghèo', 'Chuyển về hộ cận nghèo').
_PLACES = r"(?:xom|thon|ban|xa|noi|huyen|tinh)"
_MOVED_IN = lazyre.compile(
    # 'Chuyển về hộ cận nghèo' is a change of list, not a move: not before a list's words
    rf"\b(?:chuyen (?:den|ve)(?! (?:ho|dien|danh sach|can ngheo|ngheo)\b)"
    rf"|nhap (?:ho )?khau|chuyen tu {_PLACES})\b"
)
_MOVED_AWAY = lazyre.compile(
    rf"\b(?:chuyen (?:di|khoi|xom|thon|ho khau|khau|noi|sang {_PLACES})|di khoi)\b|\bchuyen$"
)


# A household's own note saying it moved away ('Đã chuyển đi nơi khác', 'Chuyển khẩu đi Phú
# Lương', 'Chuyển sang xóm Bản Cọ', 'Đi khỏi địa phương'; session 36): only the plain wordings
# of _MOVED_AWAY, as a note may say more than a class cell ('Chuyển xóm', 'Chuyển khẩu đến',
# 'Mới chuyển' may be a household that moved in).
_NOTE_MOVED_AWAY = lazyre.compile(
    rf"\b(?:chuyen (?:(?:ho )?khau )?(?:di|khoi)|chuyen sang {_PLACES}|di khoi)\b"
)


def _moved_away_notes(typed: pd.DataFrame):
    """(position, note, class) of the rows counted poor or near-poor whose 'Ghi chú' says the
    household moved away: a head who marks a departure in the note and leaves the class keeps
    it counted, silently (session 36). Not a note that also says a move in ('Chuyển đến')."""
    notes = typed["ghi_chu"].to_numpy()
    classes = typed["phan_loai"].to_numpy()
    counted = typed["valid"].to_numpy() & np.isin(classes, ("poor", "near_poor"))
    for position in np.flatnonzero(counted & (notes != "")).tolist():
        if _moved_away_note(notes[position]):
            yield position, notes[position], classes[position]


# A note whose move is a member's, not the household's (session 36): a member named ('Con
# trai', 'Vợ', 'Chủ hộ', '1 khẩu'; matched with accents, as 'con' folded is also 'còn', still)
# or a reason one member leaves for (work, study, marriage, service, a split household).
_NOTE_MEMBER = lazyre.compile(
    r"\b(?:con|chồng|vợ|bố|mẹ|cha|cháu|chủ hộ|anh trai|chị gái|em trai|em gái|thành viên"
    r"|nhân khẩu|(?:\d+|một|hai|ba|bốn|năm) (?:khẩu|người|lao động))\b"
)
_NOTE_MEMBER_REASON = lazyre.compile(
    r"\b(?:lam an|lam thue|lam viec|di lam|lao dong|hoc|lay chong|lay vo|ket hon|o re"
    r"|bo doi|nghia vu|tach ho|tach khau)\b"
)
# ... unless the note names the whole household as the one that moved ('Cả hộ', 'Cả gia đình',
# 'Hộ đã chuyển đi'; not 'Tách hộ chuyển đi' nor 'Chủ hộ chuyển đi').
_NOTE_WHOLE_HOUSEHOLD = lazyre.compile(
    r"\b(?:ca|toan|toan bo) (?:ho|gia dinh|nha)\b"
    r"|(?<!tach )(?<!chu )\b(?:ho|gia dinh)(?: (?:gia dinh|da|moi|vua))* (?:chuyen|di khoi)\b"
)


def _moved_away_note(note: str) -> bool:
    """A household's 'Ghi chú' says the household itself moved away ('Chuyển khỏi xã', 'Đã
    chuyển đi nơi khác', 'Cả hộ chuyển đi làm ăn xa'), and no move in: not a member's move
    ('Con trai chuyển đi làm ăn xa', 'Có 1 khẩu chuyển đi', 'Chuyển đi học')."""
    if not note:
        return False
    folded = fold(note)
    if not _NOTE_MOVED_AWAY.search(folded) or _MOVED_IN.search(folded):
        return False
    if _NOTE_WHOLE_HOUSEHOLD.search(folded):
        return True
    return not (_NOTE_MEMBER.search(fold_exact(note)) or _NOTE_MEMBER_REASON.search(folded))


def _variant(code: str, value) -> str:
    """The narrower wording of ``code``'s message for this value, if any (IssueType.variants)."""
    if code == "household-id-is-count":
        kind = household_count_kind(value)
        return kind if kind in ("people", "members") else ""
    if code == "invalid-birth-year":  # a whole 1 to MAX_AGE among years: an age, or '79'
        return "age" if _small_whole(value) else ""
    if code == "invalid-household-size":  # '4 hộ': households, not people (session 50)
        return "households" if isinstance(value, str) and HOUSEHOLDS_UNIT.search(value) else ""
    if code == "invalid-classification":
        folded = fold(value)
        if _ABOVE_BOTH.search(folded):
            return "above-both"
        if _MOVED_IN.search(folded):
            return "moved-in"
        if _MOVED_AWAY.search(folded):
            return "moved-away"
        words = set(folded.split())
        if words & _NEW_WORDS and words <= _NEW_ONLY_WORDS:
            return "new-only"
    return ""


def moved_away_class(value) -> bool:
    """``value``, a 'Phân loại hộ' cell, says the household moved away ('Chuyển đi', 'Chuyển
    xóm', 'Chuyển sang xóm Bản Cọ'): the row refused with variant ``moved-away``."""
    return isinstance(value, str) and _variant("invalid-classification", value) == "moved-away"


def _small_whole(value) -> bool:
    """``value`` (as read: a number, or text) is a whole number 1 to MAX_AGE ('79', 79.0)."""
    if isinstance(value, bool):
        return False
    try:
        number = float(str(value).strip())
    except ValueError:
        return False
    return number.is_integer() and 1 <= number <= MAX_AGE


def _unknown_choices(column: str, value) -> tuple[str, str]:
    """(variant, the unknown parts as written) of an unknown cause, need or group: 'partly'
    where some part of the cell is known ('Thiếu vốn; Do lười': 'Do lười'), else plain."""
    if column == "doi_tuong":
        found, parts = vocab.target_groups(value)
        named = bool(found)
    else:
        parts, named = vocab.unknown_parts(value, CAUSES if column == "nguyen_nhan" else NEEDS)
    return ("partly", "; ".join(parts)) if named and parts else ("", "")


def _canonical_choices(parse):
    def canonical(value) -> str:
        """Canonical spelling when every entry is known, else the text as written."""
        found, unknown = parse(value)
        return found if not unknown else clean_text(value)

    return canonical


def _as_text(value) -> str:
    if value is None:
        return ""
    return value if value.__class__ is str else str(value)


def _int64(cols: Columns, key: str) -> pd.arrays.IntegerArray:
    whole = cols.whole(key)
    number = cols.whole_numbers(key)
    with np.errstate(invalid="ignore"):
        held = whole & (np.abs(number) < _INT_LIMIT)
    values = np.zeros(len(held), dtype=np.int64)
    if held.any():
        values[held] = cols.data[key][held].astype(np.int64)
    return pd.arrays.IntegerArray(values, ~held)


def _finish(
    cols: Columns, excel_rows: np.ndarray, first: dict[str, Any], last: dict[str, Any]
) -> pd.DataFrame:
    """After validation: proper dtypes, canonical vocabularies; invalid leftovers blanked
    (the typed columns of ``types.HOUSEHOLD_COLUMNS``, in the order of ``ROSTER_KEYS``), with
    the columns ``first`` before them and ``last`` after them: the frame made once with all
    its columns (each column inserted after cost a cold run ~0.2 ms)."""
    data = cols.data
    out: dict[str, Any] = dict(first)
    marks = {}
    for key in INDICATOR_KEYS:
        if cols.kinds(key) == {bool}:  # every cell a mark: the marks as they are
            marks[key] = data[key].astype(bool)
        else:
            marks[key] = cols.of(key, bool) & (data[key] == True)  # noqa: E712
    for key in ROSTER_KEYS:
        if key in ("nam_sinh", "nhan_khau"):
            out[key] = _int64(cols, key)
        elif key == "thu_nhap":
            out[key] = cols.numbers(key, cols.of(key, int, float))
        elif key in marks:
            out[key] = marks[key]
        elif key == "nguyen_nhan":
            out[key] = cols.per_value(key, _canonical_choices(vocab.causes))
        elif key == "nhu_cau":
            out[key] = cols.per_value(key, _canonical_choices(vocab.needs))
        elif key == "doi_tuong":
            out[key] = cols.per_value(key, _canonical_choices(vocab.target_groups))
        elif key in (
            "ma_ho",
            "chu_ho",
            "gioi_tinh",
            "dan_toc",
            "so_dinh_danh",
            "ghi_chu",
            "phan_loai",
        ):
            out[key] = _as_texts(cols, key)
        else:
            out[key] = data[key]
    out["excel_row"] = excel_rows
    out["n_deprived"] = (
        np.sum([marks[k] for k in INDICATOR_KEYS], axis=0, dtype=np.int64)
        if len(excel_rows)
        else np.zeros(0, dtype=np.int64)
    )
    out.update(last)
    frame = pd.DataFrame(out, copy=False)
    return frame


def _detail(code: str, column: str, report_year: int) -> str:
    if code == "invalid-birth-year":
        return str(report_year)
    if code == "unknown-vocabulary":
        if column in _CHOICES:
            return _CHOICES[column]
        return {"doi_tuong": "BTXH, NCC, KKNLĐ"}.get(column, "")
    return ""


def _choices(known: tuple[str, ...]) -> Message:
    """The values a multi-choice column accepts, as the hint of an unknown one (the template
    holds no list to point to). Entries may contain commas: several are separated by ';'."""
    listed = "; ".join(known)
    return Message(
        f"ghi một hoặc nhiều giá trị, cách nhau bằng dấu ';': {listed}",
        f"write one or more of these, separated by ';': {listed}",
    )


_CHOICES = {"nguyen_nhan": _choices(CAUSES), "nhu_cau": _choices(NEEDS)}


def _share_under_line(typed: pd.DataFrame, position: int, line: int) -> int | None:
    """Each member's share of the row's income, to the đồng, where the household has two or
    more members and the share is at or under ``line`` (the income over it perhaps the whole
    household's); else None."""
    size, income = typed.at[position, "nhan_khau"], typed.at[position, "thu_nhap"]
    if size is None or size != size or income != income or int(size) < 2:
        return None
    if float(income) > line * int(size):  # the share itself, not its rounding, over the line
        return None
    return round(float(income) / int(size))


def _contradictions(typed: pd.DataFrame, marks_ok, standard: Standard, area: str):
    """Rows whose classification contradicts the standard, given income and deprivations."""
    line = standard.income_line(area)
    income = typed["thu_nhap"].to_numpy(dtype=float)
    deprived = typed["n_deprived"].to_numpy()
    expected = np.where(
        income > line,
        "above",
        np.where(deprived >= standard.min_deprivations_poor, "poor", "near_poor"),
    )
    declared = typed["phan_loai"].map(_DECLARED_AS).to_numpy()
    checkable = typed["valid"].to_numpy() & ~np.isnan(income) & marks_ok
    for position in np.flatnonzero(checkable & (declared != expected)):
        if declared[position] == "above" and _moved_away_note(typed.at[position, "ghi_chu"]):
            continue  # 'Thoát' for a household that left the commune, as told: not its income
        money, count = format_both(float(income[position]), 0), int(deprived[position])
        vi, en = _STANDARD_CLASS_LABEL[expected[position]]
        yield (
            int(position),
            Message(
                f"thu nhập {money} đ, {count} chỉ số thiếu hụt: theo chuẩn là {vi}",
                f"income {money.en} đ, {count} deprivation indicator{'' if count == 1 else 's'}: "
                f"by the standard, {en}",
            ),
            typed.at[position, "phan_loai"],
            str(expected[position]),
        )
