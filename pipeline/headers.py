"""The header search: a header row (or up to three merged rows) found by its column names.

Moved from ``pipeline.read`` (session 52; ``pipeline.read`` re-exports its public names):
:func:`find_header` and its match (:class:`HeaderMatch`), the known names of each column
(``_HeaderNames``), a span of header rows matched (``_match_span``), a key named by a second
column (``_SecondColumn``: written twice, a later time, split by sex), and a row numbering the
columns ('(1) (2) (3)', :func:`is_column_number_row`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from pipeline import lazyre
from pipeline.opening import Merge
from pipeline.text import clean_text, fold, household_month, is_blank, per_year
from pipeline.timeranks import Timing, names_a_time, time_of, time_ranks
from schemas.columns import Column

HEADER_SEARCH_ROWS = 40  # header rows sit near the top; titles take at most a dozen rows
MAX_HEADER_SPAN = 3  # a header may spread over up to three rows (merged parent cells)


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
        # both by their first word, the only ones a text can begin with (:meth:`_never`)
        self.never_by_word = _by_first_word(self.never)
        self.never_but_by_word = _by_first_word(self.never_but)
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
        # a name the text is or begins with as whole words has the text's first word for its
        # own: only those are looked at (60 names under 5 first words; issue #6)
        word = text.split(" ", 1)[0]
        never = _longest_begun(text, self.never_by_word.get(word, ()))
        if not never:
            return False
        return never > _longest_begun(text, self.never_but_by_word.get(word, ())) and not (
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


def _by_first_word(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Folded ``names`` by their first word, each in the order given."""
    by: dict[str, list[str]] = {}
    for name in names:
        by.setdefault(name.split(" ", 1)[0], []).append(name)
    return {word: tuple(found) for word, found in by.items()}


@lru_cache(maxsize=16)
def _header_names(columns: tuple[Column, ...]) -> _HeaderNames:
    return _HeaderNames(columns)


def counts_some_of(header: str, columns: tuple[Column, ...]) -> str | None:
    """The column of ``columns`` a header names but narrows to a count of some ('Số người có
    BHYT' of 'Số nhân khẩu': ``nhan_khau``), and so was not taken for it; None otherwise."""
    return _header_names(columns).counts_some_of(fold(header))


def spread_merges(grid: list[list[Any]], limit: int, merges: list[Merge] | None) -> list[list[Any]]:
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


NUMBER_TOKEN = lazyre.compile(r"^\(?([a-z]|\d{1,2})\)?$")


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


def number_fold(value: Any, folded: str) -> str:
    """``folded`` (``value``'s fold), or, when that is empty, the fold of ``value`` with its
    enclosed digits ('①') written as the numbers they enclose."""
    if folded or value.__class__ is not str or not value:
        return folded
    return fold(value.translate(_enclosed_digits()))


def number_folds(row: list[Any], folded: list[str] | None = None) -> list[str]:
    """The row's cells folded (``folded``, when already), a digit written enclosed ('①') read
    as the number it encloses."""
    if folded is None:
        folded = [fold(v) for v in row]
    return [number_fold(v, c) for v, c in zip(row, folded, strict=True)]


def is_column_number_row(cells: list[str], raw: list[Any] | None = None) -> bool:
    """The row of column numbers under a header: 'A | B | 1 | 2 | (3) …', '① | ② | ③ …'
    (``raw``: the row's cells, whose enclosed digits ``cells`` folded away)."""
    if raw is not None:
        cells = number_folds(raw, cells)
    filled = [c for c in cells if c]
    # a token is at most five characters ('(12)' and a line end): a longer one, told first,
    # says no without the pattern (not compiled for a header row of words)
    return (
        len(filled) >= 3
        and all(len(c) <= 5 for c in filled)
        and all(NUMBER_TOKEN.match(c) for c in filled)
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
    which of a column split by months ('Tháng 4 | Tháng 5') is read (:func:`time_ranks`).
    """
    names = _header_names(columns)
    match = names.match
    required = {c.key for c in columns if c.required}
    limit = min(len(grid), HEADER_SEARCH_ROWS)
    rows = spread_merges(grid, limit, merges)
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
            # Before the row is folded and matched: a household row under a template's one-row
            # header ends the span here, as its columns' numbers below would (either ends it;
            # neither changes anything), and its names and codes are never matched (issue #6)
            if span > 1 and _holds_figures(grid, last, last):
                if not (wide and _years_under(grid, wide, first, last - 1, last)):
                    break  # a household row (STT, birth year, members) is no lower header row
            prepare(last)
            if last not in number_rows:
                number_rows[last] = is_column_number_row(folded[last], rows[last])
            if number_rows[last]:
                break
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
    if is_column_number_row(number_folds(row)):
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
    values (:func:`time_ranks`). ``alone``: folded names read as the whole header only where
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
    timing = Timing()
    if len({c[2] for c in candidates}) == len(candidates):  # one column per key: the common case
        ranked = sorted(candidates, key=lambda c: (-c[0], c[1]))
    else:

        def holds(col: int) -> bool:
            return grid is None or _holds_values(grid, last, col)

        timing = time_ranks(rows, folded, candidates, period, holds)
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
        self.timing: Timing = timing
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
        """The kind 'times': the two under times the header names (:func:`time_ranks`). One of
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
            (col in self.own_named or names_a_time(rows, cells))
            and (read in self.own_named or names_a_time(rows, read_cells))
            and (key not in HARMLESS_TWICE or self.name(col, cells) == self.name(read, read_cells))
        ):
            return False
        self.pair(key, read, read_cells, col, cells, time=time_of(rows, cells))
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


HARMLESS_TWICE = frozenset({"stt", "ghi_chu"})

# Columns another name of which is not read where the template's column is blank
# (:meth:`_SecondColumn.another_name`; session 46): the head's name (a declarer's is no
# head's). The income is, since session 47: a year's ('Thu nhập năm') in its own unit
# (validate._in_dong).
_NOT_FILLED_BY_NAME = frozenset({"chu_ho"})


_HOLD_ROWS = 400  # rows under a header looked at to tell whether a column holds values


def _holds_values(grid: list[list[Any]], last: int, col: int) -> bool:
    """Whether column ``col`` holds a value in the rows under a header ending at row ``last``
    (a row numbering the columns, '(1) (2) (3)', is no value)."""
    for row in grid[last + 1 : last + 1 + _HOLD_ROWS]:
        if col < len(row) and not is_blank(row[col]):
            if is_column_number_row(number_folds(row)):
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


# The key of the 'Nữ' column of a 'Năm sinh' split by sex; merged into nam_sinh and gioi_tinh
# by :func:`birth_year_by_sex`.
BIRTH_YEAR_OF_WOMEN = "nam_sinh_nu"


def _by_sex(folded: list[list[str]], men: tuple, women: tuple) -> bool:
    """Whether two 'Năm sinh' columns are its 'Nam' and 'Nữ' columns (the lowest cells)."""
    (r1, c1), (r2, c2) = men[-1], women[-1]
    return folded[r1][c1] == "nam" and folded[r2][c2] == "nu"


# The key of the 'Nữ' column of a 'Giới tính' split into 'Nam | Nữ' marks; merged into
# gioi_tinh by :func:`sex_by_marks`.
SEX_OF_WOMEN = "gioi_tinh_nu"


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
