"""Cell values as people type them to canonical values: NFC text, numbers, marks, vocabularies.

What cannot be understood is kept as written, so that validation can report
it with the value the hamlet head will recognise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import date, datetime
from itertools import repeat
from typing import Any

from pipeline import lazyre, vocab
from pipeline.read import EXCEL_DAYS, LIBRE_DAYS, MAC_DAYS, Table
from pipeline.text import (
    HOUSEHOLDS_UNIT,
    TEXT_QUOTES,
    as_shown,
    clean_text,
    is_blank,
    parse_date,
    parse_number,
    parse_whole,
)
from schemas.columns import CLASSIFICATION_LABEL, CLASSIFICATIONS, INDICATOR_KEYS, ROSTER_KEYS
from schemas.rules import MAX_HOUSEHOLD_SIZE, MIN_BIRTH_YEAR, MIN_HOUSEHOLD_SIZE

TEXT_KEYS = ("ma_ho", "chu_ho", "nguyen_nhan", "doi_tuong", "nhu_cau", "ghi_chu")
# Keys whose canonical value is the tidied text (the fall-through of normalise_value).
TEXT_KEYS_SET = frozenset({*TEXT_KEYS, "hamlet"})


def _text_or_none(value: Any) -> str | None:
    text = clean_text(value)
    return text or None


def _id_number(value: Any) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = parse_whole(value)
        if number is not None and number >= 0:
            # A number cell lost its leading zeros (Excel stores 012345678901 as 12345678901).
            # An ID starts with a province code 001-096, so at most two zeros can be lost:
            # a shorter number is not an ID with its zeros dropped and is reported as written.
            digits = str(number)
            return digits.zfill(12) if 10 <= len(digits) <= 12 else digits
    text = clean_text(value)
    # A quote typed before the digits to keep them as text ('019095042453) that the program
    # saving the file kept as part of the value; the card's name before its number
    # ('CCCD 019149012649', 'Số CMND: 091234567').
    bare = _ID_LABEL.sub("", text)
    compact = bare.lstrip(_QUOTES).replace(" ", "").replace(".", "").replace("-", "")
    return compact if compact.isdigit() else text


_ID_LABEL = lazyre.compile(
    r"^\s*(?:số\s*)?(?:cccd|cmnd|cmt|căn cước(?: công dân)?|định danh|ddcn|đdcn)"
    r"(?:\s*/\s*(?:cccd|cmnd))?\s*(?:số)?\s*[:.]?\s*",
    re.IGNORECASE,
)


_DATE_TYPES = (date, datetime)


def _birth_year(value: Any) -> Any:
    """A birth year, also from a whole birth date (a date cell, or '15/03/1995' typed as text):
    the column asks for the year, and many write the date they have on the ID card."""
    if isinstance(value, _DATE_TYPES):
        typed = _year_typed_as_day(value)
        return value.year if typed is None else typed
    if value.__class__ is str:
        born = parse_date(value)  # a whole date in the text ('1995' alone is none)
        if born is not None:
            return born.year
        text = value.strip().lstrip(_QUOTES)  # a quote typed to keep it as text: '1991
        month_year = _MONTH_YEAR.fullmatch(text)  # 03/1953: the month of birth, and its year
        if month_year:
            return int(month_year.group(1))
        if text != value.strip():
            value = text
    # A number that is no year (29221: perhaps a birth date's day number, perhaps a slip for
    # 1929 or 1992) is reported as written: guessing would hide the slip.
    return _whole_or_raw(value)


# Excel's day 0 (its serials from 1 March 1900 on): a number typed in a cell formatted as a date
# is kept as the number and shown as the day it numbers
_EXCEL_DAY_ZERO = datetime(1899, 12, 30)
# No head alive was born from 14/03/1905 (day 1900) to 29/09/1905 (day 2099): such a day is a
# year typed in a cell formatted as a date (session 50)
_YEARS_AS_DAYS = (MIN_BIRTH_YEAR, 2099)


def _year_typed_as_day(value: date, days: str | None = EXCEL_DAYS) -> int | None:
    """The year a 'Năm sinh' cell formatted as a date holds (1973 typed, shown 26/05/1905:
    1973; shown 27/05/1909 in Excel's 1904 calendar), or None for a date that is no such day
    (a date of birth, or a time of day); ``days`` as :func:`day_number`'s."""
    serial = day_number(value, days)
    if serial is None or not _YEARS_AS_DAYS[0] <= serial <= _YEARS_AS_DAYS[1]:
        return None
    return serial


# Excel counts the days before 1 March 1900 from 31/12/1899, a day later than after it (its day
# 60, 29/02/1900, is no day: the reader gives 28/02/1900 for day 59 and day 60 alike);
# LibreOffice (.ods) counts every day from 30/12/1899: 7 typed is 07/01/1900 in Excel,
# 06/01/1900 in LibreOffice (session 50); Excel's 1904 calendar (old Mac Excel's, kept by the
# workbook) every day from 01/01/1904: 7 typed is 08/01/1904 (session 50, review)
_EXCEL_DAY_ZERO_BEFORE_MARCH = datetime(1899, 12, 31)
_MARCH_1900 = datetime(1900, 3, 1)
_EXCEL_NO_SURE_DAY = datetime(1900, 2, 28)
_MAC_DAY_ZERO = datetime(1904, 1, 1)


def day_number(value: date, days: str | None = EXCEL_DAYS) -> int | None:
    """The whole number a cell formatted as a date holds, told from the day it shows, as the
    program that saved the file counts days (``days``: opening.EXCEL_DAYS, opening.LIBRE_DAYS for an
    .ods, opening.MAC_DAYS for Excel's 1904 calendar; None: not known, only a day from March 1900
    on, counted alike by Excel and LibreOffice): 1973 for 26/05/1905 (27/05/1909 in the 1904
    calendar), 7 for 07/01/1900 (06/01/1900 in an .ods); None for a day with a time (a number
    with a fraction), for Excel's 28/02/1900 (day 59 or 60) and for a day before the
    calendar's first."""
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    if moment.time() != datetime.min.time():
        return None
    if days == MAC_DAYS:
        return (moment - _MAC_DAY_ZERO).days if moment >= _MAC_DAY_ZERO else None
    if days == LIBRE_DAYS or moment >= _MARCH_1900:
        return (moment - _EXCEL_DAY_ZERO).days
    if days is None or moment == _EXCEL_NO_SURE_DAY:
        return None
    return (moment - _EXCEL_DAY_ZERO_BEFORE_MARCH).days


# A size or an income typed in a cell formatted as a date (a format pasted with other cells):
# the number typed, where no date could be meant there: a size of 1 to 30 (a day of January
# 1900), an income from a day after 2100 (73,416 đồng and more: no date of a list is after
# it). Any other date stays as written, said at its cell (session 50).
_LAST_YEAR_OF_A_DATE = 2100


def number_typed_as_day(key: str, value: date, days: str | None = None) -> int | float | None:
    """The size (``key`` 'nhan_khau') or income ('thu_nhap') a cell formatted as a date holds,
    as :data:`_LAST_YEAR_OF_A_DATE` says when it is sure (7 shown 07/01/1900: 7; 1,500,000
    shown 09/11/6006: 1500000.0), else None; the birth year ('nam_sinh') as
    :func:`_year_typed_as_day` tells it; ``days`` as :func:`day_number`'s."""
    if key == "nam_sinh":
        return _year_typed_as_day(value, days)
    serial = day_number(value, days)
    if serial is None:
        return None
    if key == "nhan_khau":
        return serial if MIN_HOUSEHOLD_SIZE <= serial <= MAX_HOUSEHOLD_SIZE else None
    return float(serial) if value.year > _LAST_YEAR_OF_A_DATE else None


_MONTH_YEAR = lazyre.compile(r"(?:0?[1-9]|1[0-2])\s*[/.-]\s*((?:19|20)\d\d)")


# '980,000': one comma and three digits is a thousands separator in an amount of money in đồng
# (no one writes an income to the thousandth of a đồng); elsewhere a comma is a decimal one.
_MONEY_ONE_COMMA = lazyre.compile(
    r"\s*([+-]?\d{1,3}),(\d{3})\s*(đồng|đ|vnđ|vnd)?\s*", re.IGNORECASE
)


# '1,2 triệu/người', '1.200.000 đ/khẩu', '1.200.000 đồng/người/tháng': the column's own unit (a
# person's, a month's) written after the amount; read as the amount (session 50, review). Not
# '/hộ' (the household's), '/năm' (a year's) nor '/tháng' alone (whose month?): no number.
_PER_PERSON = lazyre.compile(
    r"\s*/\s*(?:người|(?:nhân\s+)?khẩu)(?:\s*/\s*tháng)?\s*\.?$", re.IGNORECASE
)


# '1.500.000/hộ', '1.500.000 đ/hộ/tháng': the whole household's income a month, not each person's
# (session 51): read by validate, which divides it among the household's members (its size is
# another cell: normalise reads one cell at a time). Not '/hộ/năm' (a year's): no number.
_PER_HOUSEHOLD = lazyre.compile(
    r"\s*/\s*(?:hộ(?:\s+gia\s+đình)?|HGĐ)(?:\s*/\s*tháng)?\s*\.?$", re.IGNORECASE
)


def household_income(value: Any) -> float | None:
    """The amount of an income written per household (:data:`_PER_HOUSEHOLD`), read by the
    income's own rules ('1,5 triệu/hộ' 1,500,000; '4.800.000 đ/hộ/tháng' 4,800,000); None for
    any other value. Session 51."""
    if value.__class__ is not str or "/" not in value:
        return None
    text = clean_text(value)
    amount = _PER_HOUSEHOLD.sub("", text, count=1)
    if amount == text or "/" in amount:
        return None
    read = _money_or_raw(amount)
    return read if read.__class__ is float and read >= 0 else None


def _money_or_raw(value: Any) -> Any:
    if value.__class__ is str and "%" in value:
        return clean_text(value)  # '10%': a rate, no amount of money (said as no number)
    if value.__class__ is str and "/" in value:
        amount = _PER_PERSON.sub("", clean_text(value), count=1)
        if amount != clean_text(value) and "/" not in amount:
            read = _money_or_raw(amount)
            if read.__class__ is float:
                return read
            return clean_text(value)
    if value.__class__ is str:
        found = _MONEY_ONE_COMMA.fullmatch(clean_text(value))
        if found:
            return float(found.group(1) + found.group(2))
    return _number_or_raw(value)


def _whole_or_raw(value: Any) -> Any:
    if is_blank(value):
        return None
    number = parse_whole(value)
    return number if number is not None else as_shown(value)  # 4.5 people: kept as '4,5'


def _number_or_raw(value: Any) -> Any:
    if is_blank(value):
        return None
    number = parse_number(value)
    return number if number is not None else clean_text(value)


def _vocab_or_raw(value: Any, match) -> Any:
    if is_blank(value):
        return None
    found = match(value)
    return found if found is not None else clean_text(value)


def _tidy(text: str) -> bool:
    """``text`` is already as :func:`clean_text` leaves it (and not blank): the common case,
    told without a copy. Printable text holds no control, invisible or odd space character."""
    return (
        text.isprintable()
        and text[:1] != " "
        and text[-1:] != " "
        and "  " not in text
        and text != ""
        and (text.isascii() or unicodedata.is_normalized("NFC", text))
    )


# A text cell that begins with '=' holds no formula (a formula cell is read as its value): the
# '=' was typed by mistake in a cell formatted as text, or after a quote ('=4, '=Hộ nghèo).
# What follows it is read as the cell, in every column but those whose text is kept as written
# (the row number, the note: '=> chuyển xóm', and the head's name: text from input is data, and
# a name is shown and posted as the head wrote it, '=Nguyễn Văn A' as a string; no figure
# depends on it), and the cell is said (``Table.slips``). '==', '=>' and '=<' are no such
# slip; nor is an '=' with nothing after it.
_EQUALS_FIRST = lazyre.compile(r"\s*=(?![=<>])\s*(\S.*)", re.DOTALL)
_EQUALS_KEPT = frozenset({"stt", "ghi_chu", "chu_ho"})
_EQUALS_SEEN: set[str] = set()  # keys a cell of which was read after its '=' (this process)

# A class written with a question mark ('Nghèo?', 'cận nghèo ?', 'Thoát??', 'Hộ nghèo (?)'):
# fold drops the '?' and the household is counted as the class written, but the head is unsure,
# so the cell is said (``Table.questioned``). A full-width '？' is one too.
_QUESTION_MARKS = ("?", "\uff1f")
# Such texts read as a class (this process): found once per distinct text, as the class is.
_QUESTIONED_TEXTS: set[str] = set()
# A deprivation mark written with one ('x?', 'X ?', 'có?', '0?'), read as the mark (session
# 28): texts found once per distinct text as the mark is, the cells noted by column
# (``Table.questioned_marks``) and said. A '?' alone is no mark, and stays said as one.
_QUESTIONED_MARKS: set[str] = set()
_INDICATOR_KEYS = frozenset(INDICATOR_KEYS)


# Quotes typed before a value to keep it as text ('001003, '019095042453, '1991).
_QUOTES = TEXT_QUOTES


def _questioned(text: str) -> bool:
    return any(mark in text for mark in _QUESTION_MARKS)


def after_equals(value: Any) -> str | None:
    """What follows the '=' a text cell begins with by mistake, or None (see _EQUALS_FIRST)."""
    if value.__class__ is not str or "=" not in value[:8]:
        return None
    found = _EQUALS_FIRST.fullmatch(value)
    return found.group(1) if found else None


# A formula, or a text cell, that is plainly a text typed after '=' ('=Đinh Thị Nhung', '=Hộ
# cận nghèo', '=Tày'): words of letters only, spaces between; a space or a letter outside ASCII
# among them (a lone ASCII word, '=ABC', may be a name the workbook defines). Excel would show
# '#NAME?' for such a formula.
_TYPED_TEXT = lazyre.compile(r"=[ \t]*([^\W\d_]+(?: [^\W\d_]+)*)[ \t]*")


def typed_after_equals(formula: str) -> str | None:
    """The text a formula without a value, or a text cell such as a head's name, plainly is,
    typed after '=' by mistake; None when it may be a formula (or a name meant so)."""
    found = _TYPED_TEXT.fullmatch(formula or "")
    if found is None:
        return None
    text = found.group(1)
    return text if " " in text or not text.isascii() else None


def info_past_equals(info: dict, kept: Collection[str] = ()) -> dict[str, str]:
    """A 'Thông tin' block (keyvalues.read_key_values, a dict of KeyValue) with each value typed
    with a leading '=' by mistake ('=Nà Mòn', '=05/2024', '=102') read past it, in place, as a
    list's cell is (:func:`after_equals`), but the keys ``kept`` as written (names); returns
    {key: the value as written} of those read past it, for the warning at the cell and for an
    issue quoting it ('=2+2')."""
    slips: dict[str, str] = {}
    for key, found in info.items():
        rest = None if key in kept else after_equals(found.value)
        if rest is not None:
            slips[key] = found.value
            info[key] = found._replace(value=rest)
    return slips


def normalise_value(key: str, value: Any) -> Any:
    """One cell's canonical value, or the cell's text when it has none."""
    if value.__class__ is str and "=" in value[:8] and key not in _EQUALS_KEPT:
        rest = after_equals(value)
        if rest is not None:
            _EQUALS_SEEN.add(key)
            found = normalise_value(key, rest)
            if key == "phan_loai" and rest in _QUESTIONED_TEXTS:  # '=Nghèo?'
                _QUESTIONED_TEXTS.add(value)
            elif rest in _QUESTIONED_MARKS and key in _INDICATOR_KEYS:  # '=x?'
                _QUESTIONED_MARKS.add(value)
            return found
    if key == "ma_ho" and value.__class__ is str and value[:1] in _QUOTES and value[1:].strip():
        # A quote typed before the code to keep it as text ('001003): LibreOffice keeps it as
        # part of the value in a cell formatted as Text (the template's Mã hộ); Excel hides
        # it. It is no part of the household's code (session 38).
        value = value[1:]
    if value.__class__ is str and _tidy(value):
        if key in TEXT_KEYS_SET:
            return value
        if key == "so_dinh_danh" and value.isascii() and value.isdigit():
            return value
    if key == "so_dinh_danh":
        return _id_number(value)
    if key == "nam_sinh":
        return _birth_year(value)
    if key == "nhan_khau" and value.__class__ is str and "%" in value:
        # '4%': a rate, no number of people, as for counts and incomes (session 38): kept as
        # written, said at the cell as no household size (session 40)
        return clean_text(value)
    if key == "nhan_khau" and value.__class__ is str and HOUSEHOLDS_UNIT.search(clean_text(value)):
        # '4 hộ': a count of households, no number of people (the number reader drops the
        # unit): kept as written, said at the cell as households (session 50, review)
        return clean_text(value)
    if key in ("nhan_khau", "stt"):
        return _whole_or_raw(value)
    if key == "thu_nhap":
        return _money_or_raw(value)
    if key == "phan_loai":
        found = _vocab_or_raw(value, vocab.classification)
        if found in CLASSIFICATIONS and value.__class__ is str and _questioned(value):
            _QUESTIONED_TEXTS.add(value)
        return found
    if key == "gioi_tinh":
        return _vocab_or_raw(value, vocab.gender)
    if key == "dan_toc":
        return _vocab_or_raw(value, vocab.ethnicity)
    if key in INDICATOR_KEYS:
        mark = vocab.deprivation_mark(value)
        if mark is None:
            return clean_text(value)
        if value.__class__ is str and _questioned(value):
            _QUESTIONED_MARKS.add(value)
        return mark
    return _text_or_none(value)


# Canonical values already worked out, per key and per type of cell value: rosters repeat the
# same few values ("x", "Hộ nghèo", "Tày", 4.0) thousands of times, across files too.
_SEEN: dict[str, dict[type, dict[Any, Any]]] = {}
_SEEN_LIMIT = 200_000  # values remembered per key and type (names and IDs are all different)
_CACHED_TYPES = (str, int, float, type(None))


_WHOLE_KEYS = frozenset({"stt", "nam_sinh", "nhan_khau"})  # whole numbers, or kept as written
# read as typed in a date cell where sure: a size, an income, a birth year (session 50)
_NUMBER_KEYS = frozenset({"nhan_khau", "thu_nhap", "nam_sinh"})
# the columns whose date cells ask how the file counts days (opening.Workbook.days_counted)
DAY_KEYS = tuple(sorted(_NUMBER_KEYS))
# Keys whose values are (nearly) all different: remembering them would only cost memory.
_UNIQUE_KEYS = frozenset({"stt", "ma_ho", "chu_ho", "so_dinh_danh", "ghi_chu"})


# Text keys whose values are (nearly) all different: told tidy for the whole column at once.
# The other text keys (causes, needs, hamlet names) repeat a few values: those are looked up.
_TIDY_FIRST_KEYS = TEXT_KEYS_SET & _UNIQUE_KEYS


def _all_tidy(values: list[Any]) -> bool:
    """Every value is text already as :func:`clean_text` leaves it (see :func:`_tidy`), told
    from the column's text joined: a few searches in C instead of a test per cell."""
    if values[0] == "" or values[-1] == "" or set(map(type, values)) != {str}:
        return False
    joined = "|".join(values)
    return (
        joined.isprintable()
        and joined[:1] != "="  # a '=' typed first: see _EQUALS_FIRST
        and "|=" not in joined
        and joined[:1] not in _QUOTES  # a quote typed first: a Mã hộ's is dropped
        and not any("|" + quote in joined for quote in _QUOTES)
        and "||" not in joined
        and "| " not in joined
        and " |" not in joined
        and "  " not in joined
        and values[0] != ""
        and values[-1] != ""
        and joined[:1] != " "
        and joined[-1:] != " "
        and (joined.isascii() or unicodedata.is_normalized("NFC", joined))
    )


def _distinct(values: list[Any]) -> list[Any]:
    """The column's distinct values when it is long and repeats itself (a province's start
    list: 300,000 rows, 2,000 hamlet names), else the column: :func:`_all_tidy` of either
    says the same, the distinct values are fewer to look at."""
    if len(values) < _LONG_COLUMN or not _may_repeat(values):
        return values
    try:
        distinct = set(values)
    except TypeError:
        return values
    return list(distinct) if len(distinct) * 2 < len(values) else values


_LONG_COLUMN = 4096
_SAMPLE = 1024  # values a long column's first rows are judged by: does it repeat itself?


def _may_repeat(values: list[Any]) -> bool:
    """Whether a long column's first values repeat themselves (marks, hamlet names) rather than
    all differ (codes, names, row numbers): only then is it worth a set of all its values.
    Either way gives the same values, the guess only saves time."""
    try:
        return len(set(values[:_SAMPLE])) * 2 < _SAMPLE
    except TypeError:
        return False


def normalise_column(key: str, values: list[Any], days: str | None = None) -> list[Any]:
    """:func:`normalise_value` of each of a column's cells, once per distinct value; a size,
    an income or a birth year typed in a cell formatted as a date read as typed where sure
    (:func:`number_typed_as_day`; ``days``: how the file counts days, as
    :func:`day_number`'s, None: not known)."""
    if values and key in _TIDY_FIRST_KEYS and _all_tidy(_distinct(values)):
        return list(values)  # names, codes: text as typed is its canonical value
    if values and key == "so_dinh_danh" and _all_tidy(values):
        digits = "".join(values)
        if digits.isascii() and digits.isdigit():
            return list(values)
    by_type = _SEEN.get(key)
    if by_type is None:  # (not setdefault: its new dicts would be built at every call)
        by_type = _SEEN[key] = {kind: {} for kind in _CACHED_TYPES}
    if len(values) >= _LONG_COLUMN and _may_repeat(values):
        found = _by_distinct(key, values, by_type)
        if found is not None:
            return found
    get = by_type[str].get
    miss = _SEEN  # a marker no cell holds
    # One pass in C for the text cells already seen (most of them) and the plain numbers,
    # then the rest one by one.
    if key in _WHOLE_KEYS:
        if _whole_floats(values):  # row numbers, years, sizes as Excel stores them: 3.0
            return list(map(int, values))
        out = [
            int(value) if value.__class__ is float and value.is_integer()
            else get(value, miss) if value.__class__ is str else miss
            for value in values
        ]  # fmt: skip
    elif key == "thu_nhap":
        out = [
            value if value.__class__ is float and value == value
            else get(value, miss) if value.__class__ is str else miss
            for value in values
        ]  # fmt: skip
    else:
        try:  # a text dict answers only text cells: 1.0 or True never equals a text key
            try:  # every cell seen before (most): no pass after to look for one that was not
                return list(map(by_type[str].__getitem__, values))
            except KeyError:  # one not seen (or no text): each looked up, as below
                out = list(map(get, values, repeat(miss)))
        except TypeError:  # an unhashable cell (not from a reader): one by one
            out = [get(value, miss) if value.__class__ is str else miss for value in values]
    if miss not in out:  # every cell seen before (most): told in C
        return out
    remember = key not in _UNIQUE_KEYS
    misses = [i for i, found in enumerate(out) if found is miss]
    for position in misses:
        value = values[position]
        kind = value.__class__
        if (kind is date or kind is datetime) and key in _NUMBER_KEYS:
            typed = number_typed_as_day(key, value, days)
            if typed is not None:  # 7 shown 07/01/1900: the size 7 (session 50)
                out[position] = typed
                continue
            if key == "nam_sinh":  # a date of birth: its year (not told again in Excel's days)
                out[position] = value.year
                continue
        seen = by_type.get(kind)
        if seen is None or (kind is float and value != value):
            out[position] = normalise_value(key, value)
            continue
        canonical = seen.get(value, miss)
        if canonical is miss:
            canonical = normalise_value(key, value)
            if remember or kind is not str or len(value) < 4:
                if len(seen) > _SEEN_LIMIT:
                    seen.clear()
                seen[value] = canonical
        out[position] = canonical
    return out


def _whole_floats(values: list[Any]) -> bool:
    """Every value a float with nothing after the point (each read as its int, as the first
    pass of :func:`normalise_column` would), told in C."""
    return set(map(type, values)) == {float} and all(map(float.is_integer, values))


# Cell types no two of which hold equal values (1 == 1.0 == True): a set of such cells
# keeps each distinct cell apart.
_APART_KINDS = frozenset({str, float, type(None)})
_TEXT_KINDS = frozenset({str, type(None)})


def _by_distinct(key: str, values: list[Any], by_type: dict) -> list[Any] | None:
    """A long column that repeats itself (a start list's 300,000 marks, sexes, years) worked
    out once per distinct value and filled in one pass; None when it does not repeat."""
    distinct = set(values)
    if len(distinct) * 2 > len(values):
        return None
    # The types of all cells, not of the distinct ones: True would hide among 1.0 in a set.
    # Not among texts and blanks: a text equals no other type, None no value but None.
    if not set(map(type, distinct)) <= _TEXT_KINDS and not set(map(type, values)) <= _APART_KINDS:
        return None
    whole, income = key in _WHOLE_KEYS, key == "thu_nhap"
    remember = key not in _UNIQUE_KEYS
    found = {}
    for value in distinct:
        kind = value.__class__
        if kind is float and value == value and (income or whole and value.is_integer()):
            found[value] = int(value) if whole else value  # as normalise_column's first pass
            continue
        seen = by_type[kind]
        canonical = seen.get(value, _SEEN) if value == value else _SEEN
        if canonical is _SEEN:
            canonical = normalise_value(key, value)
            if value == value and (remember or kind is not str or len(value) < 4):
                if len(seen) > _SEEN_LIMIT:
                    seen.clear()
                seen[value] = canonical
        found[value] = canonical
    return list(map(found.__getitem__, values))


def normalise_table(
    table: Table, keys: tuple[str, ...] = ROSTER_KEYS, days: str | None = None
) -> Table:
    """The table's raw cells replaced by canonical-or-raw values, column by column (in place);
    ``days``: how the file counts the days of its date cells (opening.Workbook.days_counted, asked
    only where :func:`holds_dates`), None: not known (a test's rows; :func:`day_number`)."""
    if not table.normalised:
        size = len(table.excel_rows)
        columns = {}
        for key in dict.fromkeys([*keys, *table.columns]):  # the table's other columns too
            raw = table.columns.get(key)
            if raw is None:
                blank = normalise_value(key, None)
                columns[key] = [blank] * size
            else:
                columns[key] = normalise_column(key, raw, days)
                if key in _EQUALS_SEEN:
                    _note_slips(table, key, raw)
                if key == "phan_loai":
                    _note_classes_written(table, raw)
                if key == "phan_loai" and _QUESTIONED_TEXTS:
                    _note_questioned(table, raw)
                elif _QUESTIONED_MARKS and key in _INDICATOR_KEYS:
                    _note_questioned_marks(table, key, raw)
        table.columns = columns
        table.normalised = True
    return table


def _note_slips(table: Table, key: str, raw: list[Any]) -> None:
    """The cells of ``raw`` (column ``key``) read after a leading '=', by Excel row, as written.
    Looked for only in a column whose key has had such a cell (rare): no cost otherwise."""
    found = {}
    for position, value in enumerate(raw):
        if after_equals(value) is not None:
            found[table.excel_rows[position]] = clean_text(value)
    if found:
        table.slips[key] = found


# The classes' names as the template's drop-down writes them: a cell holding one is quoted as
# read (:func:`_note_classes_written`)
_CLASS_NAMES = frozenset(CLASSIFICATION_LABEL.values())


def _note_classes_written(table: Table, raw: list[Any]) -> None:
    """The cells of the class column ``raw`` read as a class but written otherwise
    than its name ('HN', 'hộ nghèo ', 'Thoát nghèo'), by Excel row, as written (clean_text),
    into ``table.classes_written``: a message at the cell quotes what the head wrote (session
    52). One pass in C tells a list writing the names alone (the drop-down's): no cost then;
    else each text written is looked at once, then one pass of dict look-ups."""
    try:
        texts = {v for v in set(raw) if v.__class__ is str} - _CLASS_NAMES
    except TypeError:  # an unhashable cell (not from a reader)
        texts = {v for v in raw if v.__class__ is str and v.__hash__ is not None} - _CLASS_NAMES
    if not texts:
        return
    quoted = {}  # a text -> as quoted, where it reads as a class it does not name
    for text in texts:
        name = CLASSIFICATION_LABEL.get(vocab.classification(text))
        if name is not None and clean_text(text) != name:
            quoted[text] = clean_text(text)
    if quoted:
        get = quoted.get  # (a text's reading is its class on every row)
        table.classes_written = {
            row: text
            for row, text in zip(table.excel_rows, map(get, raw), strict=False)
            if text is not None
        }


def _note_questioned(table: Table, raw: list[Any]) -> None:
    """The cells of the class column ``raw`` read as a class though written with a question
    mark ('Nghèo?'), by Excel row, as written. Looked for only once such a text has been read
    in this process (rare), and then told absent by one pass in C: no cost otherwise."""
    try:
        written = _QUESTIONED_TEXTS.intersection(raw)
    except TypeError:  # an unhashable cell (not from a reader)
        written = _QUESTIONED_TEXTS.intersection(v for v in raw if v.__class__ is str)
    if written:
        table.questioned = {
            table.excel_rows[position]: clean_text(value)
            for position, value in enumerate(raw)
            if value.__class__ is str and value in written
        }


def _note_questioned_marks(table: Table, key: str, raw: list[Any]) -> None:
    """The cells of the deprivation column ``raw`` (``key``) read as a mark though written with
    a question mark ('x?'), by Excel row, as written, into ``table.questioned_marks``. As
    :func:`_note_questioned`: looked for only once such a text has been read in this process."""
    try:
        written = _QUESTIONED_MARKS.intersection(raw)
    except TypeError:  # an unhashable cell (not from a reader)
        written = _QUESTIONED_MARKS.intersection(v for v in raw if v.__class__ is str)
    if written:
        table.questioned_marks[key] = {
            table.excel_rows[position]: clean_text(value)
            for position, value in enumerate(raw)
            if value.__class__ is str and value in written
        }


def holds_dates(table: Table) -> bool:
    """Whether a size, an income or a birth year of the table (not yet normalised) is a date
    cell: only then is the file asked how it counts days (opening.Workbook.days_counted)."""
    if table.normalised:
        return False
    for key in DAY_KEYS:
        raw = table.columns.get(key)
        if raw and not set(map(type, raw)).isdisjoint(_DATE_TYPES):
            return True
    return False


def table_columns(
    rows, keys: tuple[str, ...] = ROSTER_KEYS, days: str | None = None
) -> dict[str, list[Any]]:
    """Canonical-or-raw values by column, plus ``excel_row``, of a Table or of TableRows;
    ``days`` as :func:`normalise_table`'s."""
    if not isinstance(rows, Table):
        rows = list(rows)
        rows = Table(
            [r.excel_row for r in rows], {key: [r.values.get(key) for r in rows] for key in keys}
        )
    normalise_table(rows, keys, days)
    size = len(rows.excel_rows)
    data = {key: rows.columns[key] if key in rows.columns else [normalise_value(key, None)] * size
            for key in keys}  # fmt: skip
    data["excel_row"] = rows.excel_rows
    return data
