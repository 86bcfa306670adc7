"""Matching hamlet names as people write them to the plan's spelling.

Case, spacing, Unicode form, apostrophes and a 'Xóm'/'Thôn' prefix never matter; accents
matter only when two hamlets of the plan differ by accents alone, and spaces
left out ('NàMòn', a name written without any) only when no two hamlets are
written alike without them.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher, get_close_matches
from typing import TYPE_CHECKING

from pipeline import lazyre
from pipeline.messages import Message, with_unit
from pipeline.text import (
    fold,
    fold_exact,
    has_marks,
    nfc,
    title_readings,
    title_tries,
    unit_number_form,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pipeline.types import Submission

_PREFIXES = ("xom ", "thon ")
# Apostrophes a place name is written with, or without ('Ea T'Ling', 'Ea T’Ling', 'Ea TLing';
# DOMAIN §5.2): dropped for a last look-up, where folding makes them a space.
_APOSTROPHES = dict.fromkeys(map(ord, "'\u2019\u2018\u02bc`\u00b4"))


def _strip_prefix(key: str, prefixes) -> str:
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def _unquoted_key(written: object) -> str:
    """A name's folded key with its apostrophes dropped and its prefix stripped."""
    text = written.translate(_APOSTROPHES) if isinstance(written, str) else written
    return _strip_prefix(fold(text), _PREFIXES)


def _unit_key(written: str) -> str:
    """A name's key with a town's unit written out and 'số' before its number left out, its
    prefix stripped (text.unit_number_form); its spaces kept, as the loose key's ('Nặm Òn' is
    no 'Nà Mòn'); its numbers by their value ('Khu số IV', 'Xóm số IV' as 'Khu 4', 'Xóm 4':
    session 56)."""
    return _numbers_valued(_strip_prefix(unit_number_form(written), _PREFIXES))


def _grouped(keyed: Iterable[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """The names of each key, in the order given, from (key, names) pairs: a matcher's index."""
    found: dict[str, list[str]] = {}
    for key, names in keyed:
        found.setdefault(key, []).extend(names)
    return found


class HamletMatcher:
    def __init__(self, names: list[str], hidden: dict[str, int] | None = None):
        self.names = list(names)
        # the plan's hamlets whose row is hidden, left out of the plan (Plan.hidden_hamlets)
        self.hidden = dict(hidden or {})
        self._exact = {_strip_prefix(fold_exact(n), ("xóm ", "thôn ")): n for n in names}
        loose = _grouped((_strip_prefix(fold(name), _PREFIXES), [name]) for name in names)
        self._loose = loose
        self._compact = _grouped((key.replace(" ", ""), found) for key, found in loose.items())
        # 'Xóm 03', 'Xóm III', 'Xóm Một' for the plan's 'Xóm 3', 'Xóm 1': numbers by their value
        self._numbered = _grouped((_numbers_valued(key), found) for key, found in loose.items())
        # 'Nà Mòn (ghép từ Nà Mòn 1, Nà Mòn 2)': a note in brackets after the plan's name
        self._bare = _grouped((_bare_key(name), [name]) for name in names)
        # 'Ea TLing' for the plan's 'Ea T'Ling' (or the other way round)
        self._unquoted = _grouped((_unquoted_key(name), [name]) for name in names)
        # 'TDP 12', 'Tổ dân phố 12' for the plan's 'Tổ dân phố số 12'; 'KP3' for 'Khu phố 3'
        self._units = _grouped((_unit_key(name), [name]) for name in names)
        # Names by their words, and those long enough to be matched written as one word
        # ('namon'): a title is looked up word by word, whatever the number of hamlets.
        self._by_words: dict[tuple[str, ...], list[str]] = {}
        self._run_together: dict[str, list[str]] = {}
        for name in names:
            name_words = _words(name)
            if not name_words:
                continue
            self._by_words.setdefault(tuple(name_words), []).append(name)
            compact = "".join(name_words)
            if len(name_words) > 1 and len(compact) > 4:
                self._run_together.setdefault(compact, []).append(name)
        self._sizes = sorted({len(key) for key in self._by_words})

    def hidden_row(self, written: object, titled: bool = False) -> tuple[str, int] | None:
        """(name, row of the targets sheet) of the hidden plan hamlet ``written`` names, if it
        names one and no hamlet of the plan; ``titled``: ``written`` is read from a title, and
        matched by its readings (:meth:`match_title`, session 40 review)."""
        if not self.hidden:
            return None
        hidden = HamletMatcher(list(self.hidden))
        name = hidden.match_title(written) if titled else hidden.match(written)
        return (name, self.hidden[name]) if name is not None else None

    def match(self, written: object) -> str | None:
        """The plan's name for ``written``, or None when it is not (unambiguously) a plan hamlet."""
        exact = _strip_prefix(fold_exact(written), ("xóm ", "thôn "))
        if exact in self._exact:
            return self._exact[exact]
        loose = _strip_prefix(fold(written), _PREFIXES)
        candidates = self._loose.get(loose, [])
        if not candidates and " " not in loose:
            # 'NàMòn': a name written without its spaces. A name with spaces of its own
            # ('Nặm Òn') is another hamlet, not 'Nà Mòn' run together.
            candidates = self._compact.get(loose, [])
        if not candidates:
            candidates = self._numbered.get(_numbers_valued(loose), [])
        if not candidates and isinstance(written, str):
            candidates = self._bare.get(_bare_key(written), [])
        if not candidates and isinstance(written, str):
            candidates = self._unquoted.get(_unquoted_key(written), [])
        if not candidates and isinstance(written, str):
            candidates = self._units.get(_unit_key(written), [])
        if not candidates and isinstance(written, str) and written.isupper():
            # 'TỔ X', 'KHU SỐ X' in capitals: 10, the lone 'X' no letter there (session 57)
            ten = _TEN_AFTER_UNIT.sub(r"\g<1>10", nfc(written))
            return self.match(ten) if ten != nfc(written) else None
        if len(candidates) != 1:
            return None
        # 'Tổ Xí', 'tổ Vì': a syllable with a mark, not the plan's Tổ 11, Tổ 6 (session 56, K)
        return None if roman_read_as_number(written, candidates[0], False) else candidates[0]

    def match_title(self, named: object) -> str | None:
        """The plan's name for a hamlet read from a title (discover._title_hamlet, read on over
        its dashes): the longest of its readings (text.title_readings) the plan has, so that
        'ĐỒNG MỎ – LÀNG MỚI' is 'Xóm Đồng Mỏ – Làng Mới' even beside a plan hamlet 'Đồng Mỏ',
        and 'BẢN CỌ – ĐỢT 2' Bản Cọ (session 40); then each reading with a group after it left
        out (text.without_group): a town's 'KHU PHỐ 3 TỔ 5' is 'Khu phố 3' where the plan has no
        'Khu phố 3 Tổ 5' (session 41). None when no reading is a plan hamlet."""
        if not isinstance(named, str):
            return self.match(named)
        found = ((reading, self.match(reading)) for reading in title_tries(named))
        return next(
            (name for reading, name in found
             if name is not None and not roman_read_as_number(reading, name)),
            None,
        )  # fmt: skip

    def in_title(self, named: str) -> str | None:
        """The plan hamlet a title names, ``named`` being what follows its 'Xóm' (''
        for none): :meth:`match_title`, else a plan hamlet named inside its reading up to the
        first dash (:meth:`find_in`: 'NÀ MÒN MỚI' names Nà Mòn), as titles were read before
        session 40."""
        readings = title_readings(named) if named else []
        if not readings:
            return None
        found = self.match_title(named) or self.find_in(readings[-1])
        return None if found is None or roman_read_as_number(named, found) else found

    def suggest(self, written: object, titled: bool = False) -> str | None:
        """The one plan hamlet ``written`` is most likely a slip for ('Nà Tiếng' for 'Nà Tiến'),
        or None when none is close or several are as close. ``titled``: ``written`` is read from
        a title, and the longest of its readings that is a likely slip decides ('NÀ MÒNG –
        TRUNG LƯƠNG': Nà Mòn; text.title_readings, session 40 review), then each without a
        group after it, as :meth:`match_title` reads them ('KHU PHI 3 TỔ 5': Khu phố 3)."""
        if titled and isinstance(written, str):
            found = (self.suggest(reading) for reading in title_tries(written))
            return next((name for name in found if name is not None), None)
        key = _strip_prefix(fold(written), _PREFIXES)
        if not key:
            return None
        close = get_close_matches(key, list(self._loose), n=2, cutoff=0.8)
        if not close or len(self._loose[close[0]]) != 1:
            return None
        if re.findall(r"\d+", key) != re.findall(r"\d+", close[0]):
            return None  # 'Bản Cọ 2' is not a slip for 'Bản Cọ': a hamlet of its own
        if len(close) == 2 and _ratio(key, close[1]) == _ratio(key, close[0]):
            return None
        return self._loose[close[0]][0]

    def written_for(self, written: object, name: str) -> bool:
        """Whether ``written`` (a 'Xóm' naming no plan hamlet) is plan hamlet ``name`` written
        otherwise: the one plan name it is a likely slip for ('Đông Khê' for 'Đồng Kè'), or
        that name with words added or left out ('Bản Cọ Mới', 'Xóm Bản Cọ' for 'Bản Cọ'). Not
        with another number ('Bản Cọ 2' is a hamlet of its own, as for ``suggest``)."""
        if self.suggest(written) == name:
            return True
        words, plan = _words(written), _words(name)
        if len(words) > 1 and words[0] in ("xom", "thon"):
            words = words[1:]
        if [w for w in words if w.isdigit()] != [w for w in plan if w.isdigit()]:
            return False
        shorter, longer = sorted((words, plan), key=len)
        return bool(shorter) and longer[: len(shorter)] == shorter

    def related(self, one: str, other: str) -> bool:
        """Whether one plan name's words begin the other's ('Bản Cọ', 'Bản Cọ 2'): a title or
        file name writing the number otherwise ('BẢN CỌ II', 'BẢN CỌ (2)') is no other hamlet."""
        a, b = _words(one), _words(other)
        shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
        return longer[: len(shorter)] == shorter

    def names_by_words(self, named: str, name: str) -> bool:
        """Whether a hamlet read from a title (``named``) is plan hamlet ``name`` by its very
        words, a number by its value ('KHU 4A' for 'Khu 4A', 'BẢN CỌ II' for 'Bản Cọ 2'), read
        as :meth:`match_title` reads it: not a name that merely begins with another plan
        name's words (:meth:`related`; session 55, L). Words after them are no matter ('KHU 4A
        MỚI', new Khu 4A, names Khu 4A: session 56)."""
        plan = _words(name)
        return bool(named) and any(
            _words(reading)[: len(plan)] == plan for reading in title_tries(named)
        )

    def lengthens(self, name: str, other: str) -> bool:
        """Whether plan name ``name`` is ``other``'s words with more after them ('Khu 4A' of
        'Khu 4', 'Bản Cọ 2' of 'Bản Cọ'; not the reverse): a title naming ``name`` over
        ``other``'s list names the longer hamlet, not ``other`` cut short as a title cuts it
        ('BẢN CỌ (2)', 'BẢN CỌ – ĐỢT 2' read 'BẢN CỌ'; session 55, R8)."""
        longer, shorter = _words(name), _words(other)
        return len(longer) > len(shorter) and longer[: len(shorter)] == shorter

    def find_in(self, text: str) -> str | None:
        """A plan hamlet named inside free text (a title row or a file name), if exactly one is.

        Names are matched as whole words: 'DS_BanCo_2024-05' names Bản Cọ and not Bản Cọ 2
        ('2024' is no '2'); where one plan name holds another ('Xóm Bản Cọ 2'), the longer one
        is named. Words run together are told apart by their capitals ('NaMon', 'BanCo2'), or
        matched whole ('namon', 'xomnamon') when the name is long enough."""
        words = _words(text)
        if not words:
            return None
        spans = []  # (first word, past the last word, plan name)
        for start, word in enumerate(words):
            for size in self._sizes:
                for name in self._by_words.get(tuple(words[start : start + size]), ()):
                    spans.append((start, start + size, name))
            for whole in (word, word[3:] if word.startswith("xom") else ""):
                spans.extend((start, start + 1, name) for name in self._run_together.get(whole, ()))
            if start + 1 < len(words) and words[start + 1].isdigit():  # 'banco2' = 'banco', '2'
                joined = word + words[start + 1]
                spans.extend((start, start + 2, n) for n in self._run_together.get(joined, ()))
        found = {
            name
            for start, end, name in spans
            if not any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)
        }
        if any(ch.isdigit() for name in found for ch in name) and _ROMAN_LETTERS.search(fold(text)):
            # 'to Xi nghiep', 'tổ Xí nghiệp' (a file name, a title row's text): a name or a
            # syllable after 'tổ', not Tổ 11, as a title reads it (in_title; session 57); only
            # a plan name holding a number is found by reading one, and only a text holding
            # one ('xi', 'vi', …: two of i, v, x together) reads one (session 57 review)
            spaced = _SEPARATORS.sub(" ", _LETTERS.sub(_split_capitals, nfc(text)))
            found = {name for name in found if not roman_read_as_number(spaced, name)}
        return found.pop() if len(found) == 1 else None


def raw_hamlet(sub: Submission, matcher: HamletMatcher) -> str | None:
    """The plan hamlet a roster's 'Xóm' names (``hamlet_raw``): the cell's value matched as it
    is; a name read from the title (``hamlet_from``) by its readings over dashes
    (:meth:`HamletMatcher.match_title`: 'ĐỒNG MỎ – LÀNG MỚI', session 40)."""
    if sub.extra.get("hamlet_from") == "title":
        return matcher.match_title(sub.hamlet_raw)
    return matcher.match(sub.hamlet_raw)


# The word after 'tổ' or 'khu' ('TỔ VI', 'Khu số IV', 'tổ Xí'), as written
_UNIT_WORD = lazyre.compile(r"(?<!\w)(?:tổ|to|khu)\s+(?:(?:số|so)\s*)?(\w+)", re.IGNORECASE)


def roman_read_as_number(written: object, name: str, as_name: bool = True) -> bool:
    """Whether plan hamlet ``name`` is found for a hamlet read from a title (``written``) only
    by reading as a number a word after 'tổ' or 'khu' written as a name is, a capital then
    small letters ('tổ Vi': Vi is a Tày and Nùng surname), or with a mark ('tổ Vì', 'Tổ Xí':
    a syllable, no Roman number): ``name`` holds that number in digits, not the word. A Roman
    number is written in capitals ('TỔ VI', 'Khu IV' are 6 and 4). 'Danh sách tổ Vi' names a
    plan's 'Tổ Vi', not its 'Tổ 6'; 'NÀ MÒN TỔ Vi' Nà Mòn (session 56). Only the Roman
    numbers that are syllables ('Vi', 'Xi') are names so written: 'Tổ Xii', 'Khu Iv' (a title
    or file name in title case) are Tổ 12, Khu 4 (session 58). ``as_name`` False: only a word
    with a mark is a name (a 'Xóm' cell's 'Tổ Vi' is 6; session 56, K)."""
    if not isinstance(written, str):
        return False
    # such words looked for first: most titles hold none, and the plan's name is then not read
    # (asked of every list's title; session 56, P)
    words = _UNIT_WORD.findall(nfc(written))
    if not words:
        return False
    plan = fold(name).split()
    numbers = {str(int(w)) for w in plan if w.isdigit() and w.isascii()}
    return any(
        fold(word) not in plan
        and _ROMAN.get(fold(word)) in numbers
        and (
            has_marks(word)
            or (as_name and word[0].isupper() and word[1:].islower() and fold(word) in _SYLLABLES)
        )
        for word in words
    )


# The Roman numbers to 20 that are Vietnamese syllables too ('Vi', a surname; 'Xi', xi măng):
# written as a name ('tổ Vi') they are names; 'Xii', 'Iv', 'Vii' are no syllable, numbers
# written in title case ('Danh Sach To Xii': Tổ 12; session 58)
_SYLLABLES = frozenset({"vi", "xi"})


def _words(text: object) -> list[str]:
    """The folded words of ``text``, with words run together split where a capital follows a
    small letter ('NàMòn') and between letters and digits ('BanCo2')."""
    if not isinstance(text, str):
        return fold(text).split()
    text = _LETTER_DIGIT.sub(" ", nfc(text))
    words = fold(_LETTERS.sub(_split_capitals, text)).split()
    # a number is its value ('02' is '2'), and so is a Roman one ('Bản Cọ II')
    return [str(int(w)) if w.isdigit() and w.isascii() else _ROMAN.get(w, w) for w in words]


# Roman numbers after a hamlet's name, 2 to 20 (a town's 'TỔ XII': session 56, K); 'i', 'v'
# and 'x' are left as they are (a letter, a mark)
_ROMAN = {
    "ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
    "xi": "11", "xii": "12", "xiii": "13", "xiv": "14", "xv": "15", "xvi": "16", "xvii": "17",
    "xviii": "18", "xix": "19", "xx": "20",
}  # fmt: skip
# A hamlet named by its number in words ('Xóm Một', 'Thôn Mười Hai'), folded: read only when
# the words are the whole name after 'Xóm'/'Thôn' ('ba', 'hai', 'nam' begin real names too).
_NUMBER_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10,
}  # fmt: skip
_TENS_UNITS = {**_NUMBER_WORDS, "lam": 5}  # 'mười lăm' is 15


_BRACKETED = lazyre.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _bare_key(name: object) -> str:
    """A name without its notes in brackets ('Nà Mòn (ghép từ Nà Mòn 1, Nà Mòn 2)': 'na mon'),
    folded, prefix stripped, numbers by value."""
    text = _BRACKETED.sub(" ", nfc(name)) if isinstance(name, str) else name
    return _numbers_valued(_strip_prefix(fold(text), _PREFIXES))


def _numbers_valued(key: str) -> str:
    """A folded name with prefix stripped, its numbers by value: '03' and 'iii' as '3', 'i' in
    'xóm I' alone as '1', and a whole name of number words ('mot', 'muoi hai') as its digits."""
    words = key.split()
    if len(words) == 1 and words[0] in ("i", "v", "x"):
        return {"i": "1", "v": "5", "x": "10"}[words[0]]
    if words and all(w in _NUMBER_WORDS for w in words):
        value = _in_words(words)
        if value is not None:
            return str(value)
    return " ".join(str(int(w)) if w.isdigit() and w.isascii() else _ROMAN.get(w, w) for w in words)


def _in_words(words: list[str]) -> int | None:
    """1 to 19 in words ('mot', 'muoi', 'muoi hai'), or None."""
    if len(words) == 1:
        return _NUMBER_WORDS[words[0]]
    if len(words) == 2 and words[0] == "muoi" and words[1] != "muoi":
        return 10 + _TENS_UNITS[words[1]]
    return None


_LETTER_DIGIT = lazyre.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_LETTERS = lazyre.compile(r"[^\W\d_]{2,}")
# A lone 'X' after 'TỔ' or 'KHU' ('TỔ X', 'KHU SỐ X'), the whole name, in capitals
_TEN_AFTER_UNIT = lazyre.compile(r"^\s*((?:TỔ|TO|KHU)\s+(?:(?:SỐ|SO)\s*)?)X\s*$")
# What parts a file name's words ('DS_to_Xi-nghiep'), read as spaces by roman_read_as_number
# Two of a Roman number's letters together, folded: every word of _ROMAN holds them
_ROMAN_LETTERS = lazyre.compile(r"[ivx]{2}")
_SEPARATORS = lazyre.compile(r"[_.\-]+")


def _split_capitals(match: re.Match) -> str:
    run = match.group()
    if run[1:].islower() or run.isupper():
        return run  # 'Mòn', 'MÒN', 'mòn': one word
    out = [run[0]]
    for previous, char in zip(run[:-1], run[1:], strict=True):
        if previous.islower() and char.isupper():
            out.append(" ")
        out.append(char)
    return "".join(out)


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def known_hamlets(
    matcher: HamletMatcher,
    written: object,
    named: str | None = None,
    where: str = "title",
    titled: bool = False,
) -> Message:
    """What an unknown-hamlet issue says after 'as the plan has it': the plan hamlet the list's
    title or file name (``where``) names instead, if ``named``; the likely hamlet, if one is
    close (``titled``: ``written`` read from the title, :meth:`HamletMatcher.suggest`); then
    the plan's hamlets."""
    names = ", ".join(matcher.names)
    likely = matcher.suggest(written, titled)
    vi, en = [], []  # the first goes on after '(', and is no sentence of its own
    if named is not None and where == "title":
        vi.append(f"tiêu đề của danh sách lại ghi {with_unit(named)}: nếu đúng là danh sách của "
                  f"{with_unit(named)}, hãy sửa ô 'Xóm', nếu không thì sửa tiêu đề.")  # fmt: skip
        en.append(f"the list's title names hamlet {named} instead: if it is {named}'s list, "
                  "correct the 'Xóm' cell, otherwise the title.")  # fmt: skip
    elif named is not None:
        vi.append(f"tên tệp lại ghi {with_unit(named)}: nếu đúng là danh sách của {with_unit(named)}, hãy "
                  "sửa ô 'Xóm'.")  # fmt: skip
        en.append(f"the file name names hamlet {named} instead: if it is {named}'s list, "
                  "correct the 'Xóm' cell.")  # fmt: skip
    if likely is not None and likely != named:
        vi.append(f"{'Có' if vi else 'có'} phải xóm '{likely}'?")
        en.append(f"{'Did' if en else 'did'} you mean '{likely}'?")
    if not vi:
        return Message(names, names)
    vi.append(f"Các xóm trong kế hoạch: {names}")
    en.append(f"The plan's hamlets: {names}")
    return Message(" ".join(vi), " ".join(en))
