"""Text and numbers the way people type them: Unicode forms, Vietnamese number formats, periods.

Pure functions, no I/O. ``fold`` is the one matching key used for headers,
labels, hamlet names and vocabularies.

A person's number in a text (sessions 51-55): the list posted at the commune hall (NiemYet:
``rosterchecks.ids_posted`` of its Mã hộ, Chủ hộ, Giới tính and Dân tộc) and a note
quoted from another hamlet's row in a feedback (``moves``) show an ID or telephone number as
the ID column is shown, 8 stars and its last 4 digits ('SĐT 0912.345.678' is 'SĐT
********5678'). :func:`mask_ids_in` reads a text in four stages, each cheaper than the next
and each passing on only what it cannot settle:

1. :func:`ascii_number_text` writes each digit of another script (full-width '０', Arabic-Indic
   '٠', mathematical bold '𝟎') as its ASCII digit, each look-alike of a separator
   (:data:`SEPARATOR_LOOKALIKES`: dashes, the minus sign, the middle dot and the bullets as
   '-', the full-width full stop as '.') as the separator of :data:`NUMBER_SEPARATORS` it
   stands for, and the full-width '+' and brackets (:data:`CODE_LOOKALIKES`) as ASCII. One
   character for one, so that what is not masked is shown from the text as written. First,
   because every later stage reads ASCII bytes and patterns of 0-9; an ASCII text (most code
   columns) is passed at once, any other searched in C.
2. :func:`may_hold_id`'s byte look, over a whole column joined at once (``public_list``,
   ``rosterchecks._may_hold_ids``): the digits as '0' and the separators dropped, in C, nine
   '0' in a row or no person's number anywhere; then the quick yeses (nine in a row once the
   spaces alone are dropped, an old CMND's middle group '.000.', a grouped number's start
   :data:`_GROUPED_START`). Second, because the pattern of stage 3 tried at each place of a
   province's 300,000 values costs ~0.5 s and this look 0.003-0.05 s: names, codes, dates and
   amounts are settled here, and a column it passes is returned as it is.
3. :data:`ID_IN_TEXT` finds each number of a text the look flagged: digit groups with one
   :data:`NUMBER_SEPARATOR` between two (a space, or a dot or a dash perhaps with a space
   either side, mixed), perhaps after a country or area code (:data:`NUMBER_CODE`: '+84 ',
   '(+84) ', '+', '(024) '), not part of a longer number (:data:`_NOT_WITHIN`; no '.' and a
   digit after; one ends before ',' and a digit, read as before a space (session 57); a
   bare comma before 9 digits or more in a row, or grouped from 0, or an old CMND 3.3.3 from
   1-3, separates two numbers, '0912345678,0987654321', '0912.345.678,0987.654.321' (session
   54), '0912345678,212.345.678' (session 55)).
   One written in under 9 characters, no area code before, is kept.
4. :func:`_persons` reads whether such a number is a person's (after '+84' 9-12 digits; a
   telephone number's digits in groups of 2-4 or after an area code; 9 digits or more in a
   row (13 or more since session 57), 9-12 by single spaces; a CCCD grouped by 3 or 4 from 0,
   or 6-6 by a mark, its century digit 0-3 (session 57, C3); an old CMND 3.3.3 from 0-3) and not an
   amount (:func:`_an_amount`: its currency after it, 'đồng', 'đ', 'vnđ', 'vnd', '₫' but not
   'Đ/c', 'Đ.C', 'đ/chỉ', 'đ c' (địa chỉ), nor 'đồng' as the first syllable of a word that is
   no money, 'đồng bào', 'đồng thời', 'đồng nghiệp' (:data:`_DONG_NO_MONEY`, session 55), nor
   a place 'Đồng Kè', whatever one mark groups it by threes; 10 digits or more by spaces from
   1-9; never 9 to 12 digits right after an ID's label, 'CMND', 'CCCD', 'CMT', 'SĐT', 'ĐT',
   'điện thoại', 'Số định danh' (:data:`_ID_LABEL_BEFORE`: 'CMND 212345678 đồng vay' is
   'CMND ********5678 đồng vay', session 55, J), a date,
   a dotted code, a year range or a code's part after a mark ('TL-01-001', 'NM.212.345.678').
   A first group glued to a letter before it and then a space is a code's part, not a spaced
   number's, where what follows holds a person's number (:func:`_glued_apart`: 'NM1
   0912345678' is 'NM1 ********5678'; 'ĐT0912 345 678' read whole; session 55, J; after a
   code's dash too, 'NM-01 0912345678' 'NM-01 ********5678': session 55, R7).
   A number whose separators are mixed or spaced is read in parts (:func:`_parts_masked`): from
   the left, the longest run of its groups that is a person's number, so '1970 0912 345 678'
   is '1970 ********5678' and a date range holds no phone. Last, because it is Python work per
   number (~6-20 µs, session 53's measures).

Masked: each person's number so found, in those columns only; in the Mã hộ column never a code
of the plan's start list of the commune's numbering (``rosterchecks._posted_numbering``). Kept:
amounts, dates, codes, and every text elsewhere: the officer's workbook, the JSON and the
history keep what the head typed (no cell is read through these stages anywhere else, no
NFKC; but stage 1 also reads a Mã hộ as households are matched, ``figures.id_key``: a code in
full-width digits is the household its ASCII form is, session 54, D2). Told:
``rosterchecks.ids_as_codes`` tells the head of a Mã hộ that is as a whole an ID number the
list masks whole (:func:`masked_whole`) or a telephone number, reading it through stage 1 too
and quoting it as written (session 54), and of numbers joined by commas (session 54, D3), ';'
or '/' (session 55), '|', 'và', a dash or a space (a line break), or one beside a code or a
mark ('NM1/0912345678', 'NM1 0912345678', '0912345678;': session 55, J) as its first is; a code apart from the start list's only by stage 1's
look-alikes is told and posted as the start list writes it (``figures.as_start_writes``,
session 54, D3); the commune's own codes (the start list's, and those of the shape most of
them have) are not told. The officer is told once of the start list's codes the list masks
(``rosterchecks.start_codes_masked``: phones or heads' CCCDs, no numbering; the plan's
warning start-list-code-is-id-number, session 55). Left as written on purpose (session 54): a
phone in two groups one of more than 4 digits ('0912-345678'), a grouped number after a
letter and a dot, as codes are written ('NM.212.345.678', 'NM.0912.345.678'; after an ID's or a
phone's label, 'ĐT.0912.345.678', masked since session 57's review).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import pairwise

from pipeline import lazyre
from pipeline.messages import UNIT_WORDS, Message

_NON_ALNUM = lazyre.compile(r"[^0-9a-z]+")
_SPACES = lazyre.compile(r"\s+")
# Zero-width and bidi marks people paste in from chat apps, and the bidi embedding and
# override controls that make text display in another order than it is stored.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069",
    ),
    None,
)
# Characters no XML document may hold (C0 controls other than tab, newline and carriage
# return; U+FFFE, U+FFFF; lone surrogates): a workbook holding one needs repairing, so text
# read from a file never keeps them (each becomes a space).
_XML_ILLEGAL = lazyre.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_ILLEGAL_TABLE = {
    **{c: " " for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]},
    **{c: " " for c in range(0xD800, 0xE000)},
}
# Text cleaning drops the invisible marks and blanks the XML-illegal characters; a zero-width
# joiner inside an emoji sequence (👨‍👩‍👧) is kept so that the emoji reads as typed.
_CLEAN = {**_XML_ILLEGAL_TABLE, **{k: v for k, v in _INVISIBLE.items() if k != 0x200D}}
_STRAY_JOINER = lazyre.compile(
    "(?<![\u2600-\u27bf\ufe0f\U0001f000-\U0001faff])\u200d"
    "|\u200d(?![\u2600-\u27bf\U0001f000-\U0001faff])"
)
MAX_CELL_TEXT = 32_767  # characters (UTF-16 code units) a cell may hold in Excel


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(value: object) -> str:
    """Matching key: case, accents, đ, punctuation, spacing and Unicode form ignored."""
    if value.__class__ is str:
        return _fold_text(value) if value else ""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _fold_text(value if isinstance(value, str) else str(value))


def has_marks(text: str) -> bool:
    """Whether ``text`` has a Vietnamese mark (a tone, the marks of ă â ê ô ơ ư, or đ): what
    :func:`fold` sets aside, not its punctuation ('Ksor H’Blin' has none)."""
    if text.isascii():
        return False
    return "đ" in text.lower() or any(
        unicodedata.combining(c) for c in unicodedata.normalize("NFD", text)
    )


class _Unmarked(dict):
    """str.translate's table that drops the combining marks (unicodedata.combining) and writes
    'đ' as 'd': each character looked up in C, worked out the first time it is met (what a
    Python test of every character cost a cold run ~1 ms of its ~400 texts folded)."""

    def __missing__(self, code: int) -> int | None:
        found = self[code] = None if unicodedata.combining(chr(code)) else code
        return found


_UNMARKED = _Unmarked({ord("đ"): "d"})


@lru_cache(maxsize=1 << 16)
def _fold_text(text: str) -> str:
    if text.isascii():
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFD", text.translate(_INVISIBLE).lower())
    return _NON_ALNUM.sub(" ", text.translate(_UNMARKED)).strip()


# Vietnamese alphabetical order (session 48): the letters as the alphabet has them, the
# foreign f, j, w and z where Latin puts them; case not mattering; tone marks weighed only
# between names of the same letters (ba < bà < bả < bã < bá < bạ < bác), as Excel's sort of a
# Vietnamese list and the Unicode collation for Vietnamese order them.
_VI_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_VI_QUALITY = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
               ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}  # fmt: skip
_VI_TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng


def _vi_tables() -> tuple[dict[int, str], dict[int, str]]:
    """The two str.translate tables of :func:`vi_key`: each Latin letter (any case, any mark)
    to its place in the alphabet as one private-use character (after every digit and sign),
    and each to its tone ('0' none, '1' to '5'); a combining mark typed apart is dropped from
    the first. Other characters are kept: digits and signs sort by their code point."""
    rank = {letter: chr(0xE000 + at) for at, letter in enumerate(_VI_ALPHABET)}
    letters, tones = {}, {}
    for code in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250),
                 *range(0x1E00, 0x1F00)):  # fmt: skip
        char = chr(code)
        if char in "đĐ":
            base, marks = "đ", ""
        else:
            parts = unicodedata.normalize("NFD", char.lower())
            base, marks = parts[0], parts[1:]
            if base not in rank:
                continue
            for mark in marks:
                base = _VI_QUALITY.get((base, mark), base)
        letters[code] = rank[base]
        tones[code] = str(next((1 + _VI_TONES.index(m) for m in marks if m in _VI_TONES), 0))
    for mark in range(0x300, 0x370):
        letters[mark] = None
    return letters, tones


_VI_LETTERS, _VI_TONE_OF = _vi_tables()
# A number inside a name (session 49): its digits, the leading zeros apart
_DIGIT_RUN = lazyre.compile(r"0*([1-9][0-9]*|0)")
_DIGIT = lazyre.compile("[0-9]")


def _by_value(number: re.Match) -> str:
    """A number of :func:`vi_key`'s letters as a text that sorts by its value: how many digits
    it has (as one character from '1' on, past '9' for ten digits or more), then its digits,
    the leading zeros left out ('2' '12', '10' '210', '007' '17', '0' '10')."""
    digits = number[1]
    return chr(0x30 + len(digits)) + digits


@lru_cache(maxsize=1 << 16)
def vi_key(text: str) -> tuple[str, str, str]:
    """Sort key of a name in Vietnamese alphabetical order: 'Dương' < 'Đồng Kè' < 'Gia' <
    'Xóm Mới', 'ds_a.xlsx' < 'DS_b.xlsx'. The letters first (case and tone marks not
    mattering; a number among them by its value, 'Xóm 2' < 'Xóm 9A' < 'Xóm 10', session 49),
    then the tone marks, then the text itself, so that the order of names alike never depends
    on the order given ('Xóm 02' < 'Xóm 2'). Two C translations, a C search for a digit and,
    where one is, a call in Python for each number, and the names met again (a hamlet's on each of its
    lines) kept: the one key of every name the officer reads in alphabetical order (hamlets, files, sheets)."""
    letters = text.translate(_VI_LETTERS)
    if _DIGIT.search(text) is not None:  # (a search for a digit costs a quarter of the sub)
        letters = _DIGIT_RUN.sub(_by_value, letters)
    return letters, text.translate(_VI_TONE_OF), text


def commune_key(name: object) -> str:
    """Matching key of a commune's name: :func:`fold`, 'Xã' before it or not, nor its People's
    Committee's 'UBND' / 'Ủy ban nhân dân' before that ('UBND xã Trung Lương', session 39)."""
    key = fold(name)
    for committee in ("ubnd ", "uy ban nhan dan "):
        if key.startswith(committee + "xa "):
            key = key[len(committee) :]
    return key.removeprefix("xa ")


def name_within(name: object, within: object) -> bool:
    """Whether the hamlet name ``within`` holds ``name`` as whole words, folded ('Bản Cọ' in
    'Bản Cọ Mới'; 'Xóm 1' not in 'Xóm 11 Mới', which a plain substring test says it is)."""
    return f" {fold(name)} " in f" {fold(within)} "


# A dash inside a hamlet's name as a title reads it ('Đồng Mỏ – Làng Mới'), spaced or not
_NAME_DASH = lazyre.compile(r"\s*[-–—]\s*")


# A town's unit written short before its number ('TDP 12', 'TDP số 12', 'Tổ DP 12', 'KP3',
# 'K.P 3'), folded
_SHORT_UNITS = ("tdp", "t d p", "to dp", "kp", "k p")
_SHORT_UNIT = lazyre.compile(rf"^({'|'.join(_SHORT_UNITS)})(?:\s*(?=\d)|\s+(?=so\s*\d))")
# A town's unit's number written with a leading zero ('TDP 01', 'Khu phố số 03'), folded
_UNIT_ZERO = lazyre.compile(r"^((?:to dan pho|khu pho) )0+(?=\d)")
# A Roman number after a unit's word ('KHU IV', 'TỔ III', a town's 'TỔ XII'), as
# hamlets._ROMAN reads them, 2 to 20: a whole word, not one that begins so ('Tổ Việt Hưng',
# 'Tổ Xín'); 'I', 'V', 'X' alone are letters (session 55, L; 11 to 20 since session 56, K).
ROMAN_NUMBER = r"(?:xviii|xvii|xiii|xiv|xix|xvi|xii|xv|xx|xi|viii|vii|iii|ii|iv|vi|ix)\b"
# 'số' before a number ('Tổ dân phố số 12', 'Khu phố số 3'), a Roman one too ('Khu số IV':
# session 56), looked for before folding: 'Sơ 2' stays a name
_NUMBER_WORD = lazyre.compile(rf"(?:^|(?<=\s))số\s*(?=\d|{ROMAN_NUMBER})", re.IGNORECASE)


def unit_number_form(text: object) -> str:
    """A hamlet's name folded with a town's unit written out and the 'số' before its number
    (a Roman one too: 'Khu số IV' is 'khu iv', session 56) left out: 'TDP số 12', 'TDP 12',
    'Tổ DP 12', 'Tổ dân phố 12' and 'Tổ dân phố số 12' are all 'to dan pho 12'; 'KP3', 'Khu
    phố số 3' 'khu pho 3'; the unit's number by its value ('TDP 01' is 'to dan pho 1')
    (session 40)."""
    if isinstance(text, str) and "s" in text.lower():
        text = _NUMBER_WORD.sub("", text)
    folded = fold(text)
    short = _SHORT_UNIT.match(folded)
    if short is not None:
        unit = "khu pho " if short[1].replace(" ", "") == "kp" else "to dan pho "
        # what follows is the number, or 'so' then the number (_SHORT_UNIT's look-ahead)
        folded = unit + folded[short.end() :].removeprefix("so").strip()
    return _UNIT_ZERO.sub(r"\1", folded)


def title_readings(name: str) -> list[str]:
    """What a hamlet's name read from a title over its dashes may be, the longest first: the
    whole ('Đồng Mỏ – Làng Mới'), then cut at each dash from the right ('Đồng Mỏ'), the dash
    being either part of the name or the title's own ('– ĐỢT 2'). The last is what a title was
    read as before session 40, up to its first dash. Matched against the plan's hamlets where
    they are known (``HamletMatcher.match_title``); '' gives none."""
    readings = [name]
    for found in reversed(list(_NAME_DASH.finditer(name))):
        cut = name[: found.start()]
        if cut.strip():
            readings.append(cut)
    return [r for r in dict.fromkeys(r.strip() for r in readings) if r]


# A village hamlet's group written after it ('XÓM NÀ MÒN TỔ 3', 'THÔN NÀ MÒN - TỔ SỐ 3', 'TỔ
# III'): the name ends before it (session 41). Not in 'Tổ dân phố số 3' (a unit, no group).
_GROUP_AFTER_NAME = lazyre.compile(
    rf"\s*[-–—]?\s+(?:tổ|to)\s+(?:(?:số|so)\s*)?(?:\d|{ROMAN_NUMBER})", re.IGNORECASE
)


def without_group(name: str) -> str:
    """``name`` with the group written after it left out: 'NÀ MÒN TỔ 3' is 'NÀ MÒN', 'KHU PHỐ 3
    TỔ 5' 'KHU PHỐ 3'; 'TỔ DÂN PHỐ SỐ 3' stays whole (session 41)."""
    return _GROUP_AFTER_NAME.split(name, 1)[0]


def title_tries(named: str) -> list[str]:
    """The names a hamlet read from a title (``named``) is tried as, in turn: its readings
    (:func:`title_readings`), then each with a group after it left out (:func:`without_group`:
    'KHU PHỐ 3 TỔ 5' 'KHU PHỐ 3', session 41). The plan's matcher and the reader alike."""
    readings = title_readings(named)
    return [r for r in dict.fromkeys((*readings, *map(without_group, readings))) if r]


# Words of address heads write before a name ('Ông Dương Đức Hưng', 'Bà Lò Thị Hoa'), as
# fold_exact writes them ('Ông' is a surname too: figuresteps._names_as_written)
ADDRESS_WORDS = frozenset(("ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ"))


def letters_apart(a: str, b: str, most: int) -> bool:
    """Whether ``a`` becomes ``b`` by at most ``most`` letters changed, added or removed."""
    if abs(len(a) - len(b)) > most:
        return False
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1] <= most


def fold_exact(value: object) -> str:
    """Matching key that keeps accents: NFC, case-folded, spacing collapsed."""
    if value is None:
        return ""
    return _SPACES.sub(" ", nfc(str(value).translate(_INVISIBLE))).strip().casefold()


def is_blank(value: object) -> bool:
    if value is None:
        return True
    kind = type(value)
    if kind is str:
        if not value:
            return True
        stripped = value.strip()
        if not stripped:
            return True
        if stripped[0].isalnum() or stripped[-1].isalnum():
            return False  # a visible character: the common case, decided without a copy
        return not value.translate(_CLEAN).replace("\u200d", "").strip()
    if kind is float:
        return math.isnan(value)
    if isinstance(value, str):
        return not value.translate(_CLEAN).replace("\u200d", "").strip()
    return False


def xml_safe(text: str) -> str:
    """``text`` with every character XML (and so xlsx) cannot hold made a space; at most
    32,767 UTF-16 code units, as Excel allows in a cell."""
    if not text.isprintable() and _XML_ILLEGAL.search(text):  # (printable: none of them)
        text = text.translate(_XML_ILLEGAL_TABLE)
    if len(text) > MAX_CELL_TEXT // 2 and len(text.encode("utf-16-le")) > 2 * MAX_CELL_TEXT:
        text = text.encode("utf-16-le")[: 2 * MAX_CELL_TEXT].decode("utf-16-le", "ignore")
    return text


def needs_xml_safe(text: str) -> bool:
    """True when :func:`xml_safe` would change ``text``."""
    # printable text (the common case, told in C) holds none: the pattern is not compiled for it
    return (not text.isprintable() and bool(_XML_ILLEGAL.search(text))) or (
        len(text) > MAX_CELL_TEXT // 2 and len(text.encode("utf-16-le")) > 2 * MAX_CELL_TEXT
    )


def clean_text(value: object) -> str:
    """Any cell value as tidy NFC text ("" for blank); 12.0 becomes "12"."""
    if value.__class__ is str and len(value) <= _REMEMBERED_TEXT:
        return _clean_str(value)
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return _tidy(str(value))


# A short text cleaned once: every roster of a province writes the same header and label
# texts (6 µs each cleaned, 0.1 µs remembered); a text met once costs the lookup only. Short
# texts only, and not too many: what is remembered stays in a reader's memory from file to file.
_REMEMBERED_TEXT = 200  # characters


@lru_cache(maxsize=1 << 14)
def _clean_str(text: str) -> str:
    """:func:`clean_text` of a text."""
    return "" if is_blank(text) else _tidy(text)


def _tidy(text: str) -> str:
    text = text.translate(_CLEAN)
    if "\u200d" in text:
        text = _STRAY_JOINER.sub("", text)
    return _SPACES.sub(" ", nfc(text)).strip()


# What a number's writing puts between its digit groups ('0912 345 678', '0912.345.678',
# '0912-345-678'): the one definition :data:`ID_IN_TEXT`, :func:`mask_ids_in` and every stage of
# :func:`may_hold_id` are made from (session 53). Between two groups: a single space, or a mark
# (a dot or a dash) perhaps with a space either side ('0912 - 345 - 678'); one number may mix
# them ('0912.345 678', '0912-345.678').
NUMBER_SEPARATORS = " .-"
_MARKS = NUMBER_SEPARATORS.replace(" ", "")
# a mark between two groups, perhaps a space either side ('0912 - 345 - 678': NUMBER_SEPARATOR's
# and :data:`_CCCD_SIXES_WRITTEN`'s, stated once; session 61, E)
_MARK_SEPARATOR = rf" ?[{re.escape(_MARKS)}] ?"
# one separator (a pattern's: rosterchecks reads a Mã hộ written as a number with it too), and
# one of its characters
NUMBER_SEPARATOR = rf"(?:{_MARK_SEPARATOR}| )"
_ONE_SEPARATOR = rf"[{re.escape(NUMBER_SEPARATORS)}]"
# Marks written for one of :data:`NUMBER_SEPARATORS` by Word's AutoCorrect, a phone's keyboard
# or a font of another script ('0912–345–678', '0912 – 345 – 678', '0912·345·678',
# '０９１２．３４５．６７８'): each read as the separator it stands for, by the masking alone
# (:func:`may_hold_id`, :func:`mask_ids_in`; session 53, R5). The hyphens, dashes and minus
# signs, and the middle dot, as a dash (never read as an amount's grouping); the full-width
# full stop as a dot. The bullet and the bullet operator ('0912•345•678'), dots at mid-line as
# the middle dot is, as it is (session 54); so the katakana middle dot and its half-width form,
# the middle dot a Japanese or Chinese keyboard writes among full-width digits ('０９１２・３４５・
# ６７８'; session 54's review).
SEPARATOR_LOOKALIKES = {
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\u00b7\u2022\u2219\u30fb\uff65",
    ".": "\uff0e",
}
# The full-width '+' and brackets of a country or area code ('＋８４ ９１２ ３４５ ６７８',
# '（０２４）３８２５１２３４', as a Chinese or Japanese keyboard writes them): read as ASCII with
# the look-alikes above (session 54), so that :data:`NUMBER_CODE` reads them.
CODE_LOOKALIKES = {"+": "\uff0b", "(": "\uff08", ")": "\uff09"}
# The full-width '／' and '，' a number by '/' or ',' is written with among full-width digits or
# by a Chinese or Japanese keyboard ('0912／345／678', '０９１２，３４５，６７８'): read as
# ASCII with the look-alikes above (:data:`_SLASHED_RUN`; a Mã hộ's key too, figures.id_key:
# 'NM／01' is 'NM/01'; session 59, C)
SLASH_LOOKALIKES = {"/": "\uff0f", ",": "\uff0c"}
# What follows a bare comma after a number where the comma separates two numbers, as a space
# would ('0912345678,0987654321', 'CCCD 001204012345,001204067890'): 9 digits or more in a
# row, or 9 digits or more from 0 grouped by :data:`NUMBER_SEPARATOR` ('0912.345.678,0987.654.321',
# '0912 345 678,0987 654 321': a phone or a CCCD, each begins with 0; not '0' and eight
# '0', '2,000.000.000': session 54, D3; '000 092 639 122' is read, session 57), or an old CMND
# grouped 3.3.3 from 1-3 and no digit after ('0912345678,212.345.678': session 55; from 0 it
# is the grouped number before). No amount's decimal part is written so: '1,5 triệu',
# '1.200,5', '1.500.000,50', '1,05 triệu', '2,000,000 đồng' and '2,000.000.000' are read as
# before (session 54)
# (the shapes stated once for :data:`_NINE_FROM_ZERO` and :data:`_CMND_WRITTEN` too: eight
# digits after a first 0, each perhaps after a separator; an old CMND's 3.3.3 after its first
# digit, :data:`_CMND_FIRST`, from 1-3 here, from 0 read as 9 digits from 0; session 61, E)
_EIGHT_AFTER_ZERO = rf"(?:{NUMBER_SEPARATOR}?[0-9]){{8}}"
_CMND_FIRST = "0123"
_CMND_AFTER_FIRST = rf"[0-9]{{2}}{NUMBER_SEPARATOR}[0-9]{{3}}{NUMBER_SEPARATOR}[0-9]{{3}}(?![0-9])"
_LISTED_AFTER_COMMA = (
    rf"[0-9]{{9}}|0(?!(?:{NUMBER_SEPARATOR}?0){{8}}){_EIGHT_AFTER_ZERO}"
    rf"|[{_CMND_FIRST[1]}-{_CMND_FIRST[-1]}]{_CMND_AFTER_FIRST}"
)
# Not part of a longer number: no digit before it, nor a digit and '.' or '-' (after a letter
# and a dot, 'ĐT.0912345678', 'CCCD.001204012345', it is read: session 53, R3), nor a digit and
# ',' unless :data:`_LISTED_AFTER_COMMA` follows. After a first look that a number or its code
# begins here at all ('[0-9+(]'), so that most places of a text are passed at once: 1.2 s, not
# 1.9 s, over 300,000 notes each holding a phone and two amounts (session 54, D2)
_NOT_WITHIN = rf"(?=[0-9+(])(?<![0-9])(?<![0-9][.-])(?<![0-9],(?!{_LISTED_AFTER_COMMA}))"
# Nor before a digit, or '.' and a digit. Before ',' and a digit a number ends (session 57):
# read as before a space, an amount's decimal comma follows a few digits or an amount's groups
# ('2,5 ha', '12,5 triệu', '1.500.000,50 đồng': no person's number), a person's number a
# bare comma joining it to the next piece ('CCCD 060081590830,1.713.000', '074 728 0385,541':
# posted whole until session 57, when a number here was read only before
# :data:`_LISTED_AFTER_COMMA`)
_NOT_BEFORE = r"(?!\.?[0-9])"
# What may stand before a telephone number's digits: the country's code ('+84 ', '(+84) ',
# '+') or a landline's area code in brackets ('(024) '); a pattern's (rosterchecks reads a Mã
# hộ written as a telephone number with it too: session 54)
NUMBER_CODE = rf"\(\+84\){NUMBER_SEPARATOR}?|\+84{NUMBER_SEPARATOR}?|\(0[0-9]{{1,3}}\) ?|\+"
# A number written inside a text (a name, a Mã hộ, a note): digit groups with
# :data:`NUMBER_SEPARATORS` between them, perhaps after a telephone number's country code
# ('+84 ', '(+84) ', '+') or a landline's area code in brackets ('(024) 3825 1234'); not part
# of a longer number (:data:`_NOT_WITHIN`, :data:`_NOT_BEFORE`: a bare comma before 9 digits
# or more separates two numbers, session 54). :func:`mask_ids_in` reads each as a person's
# number or not (:func:`_person_number`), or, its separators mixed or spaced, its parts
# (:func:`_parts_masked`). Session 51; session 52 (F3); session 53 (mixed and spaced
# separators).
# (A number by '/' or ',' is no match of it: :data:`_SLASHED_RUN` reads those first, in
# :func:`mask_ids_in`; session 59, C.)
ID_IN_TEXT = lazyre.compile(
    rf"{_NOT_WITHIN}(?P<code>{NUMBER_CODE})?"
    rf"(?P<run>(?>[0-9]+)(?:{NUMBER_SEPARATOR}(?>[0-9]+))*){_NOT_BEFORE}"
)
_DIGIT_GROUP = lazyre.compile(r"[0-9]+")
_BETWEEN_GROUPS = lazyre.compile(r"[^0-9]+")
# Every digit as '0' (a text's bytes, for :func:`may_hold_id`)
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0" * 10)
# The same, and each separator as '.': an old CMND grouped 3.3.3 ('212.345.678', '212 - 345 -
# 678', '212.345 678') has a group of three digits with a separator either side there, '.000.',
# where :data:`_CMND_WRITTEN` is then looked for (session 53); a commune's dotted codes
# ('167.06277.001'), dates and most columns have none
_SEPARATED_AS_ZERO = bytes.maketrans(
    b"0123456789" + NUMBER_SEPARATORS.encode(), b"0" * 10 + b"." * len(NUMBER_SEPARATORS)
)
# An old CMND's first digit (:data:`_CMND_FIRST`, above): its province's code is 01-38
# (:func:`_cmnd_by_threes`, :func:`_persons`, and their twins :data:`_CMND_WRITTEN` and
# :data:`_LISTED_AFTER_COMMA`: the rule stated once; sessions 60, G, and 61, E)
# An old CMND as :func:`_persons` reads one, in a text's bytes: 9 digits from 0-3 grouped 3.3.3
# (not after a digit: it may be a part of a number, :func:`_parts_masked`)
_CMND_WRITTEN = lazyre.compile(rf"(?<![0-9])[{_CMND_FIRST}]{_CMND_AFTER_FIRST}".encode())
# A telephone number's digits: a mobile (0 and 9 digits; 01 and 9 before 2018) or a landline (02
# and 9 digits), or either after the country's code 84 or 0084 without its 0
_PHONE_DIGITS = lazyre.compile(r"(?:0|(?:00)?84)(?:[1-9][0-9]{8}|[12][0-9]{9})")
# 9 digits (the old CMND's; 12 the CCCD's) or more in one group (13 or more: session 57)
_ID_GROUP = lazyre.compile(r"(?<![0-9])[0-9]{9,}(?![0-9])")
# The words of an amount of money written after it ('2.000.000 đồng', '1.200.000đ/tháng'); not
# 'Đ/c', 'Đ.C' nor 'đ/chỉ' (địa chỉ, an address: 'CMND 212.345.678 Đ/c Xóm 3', session 54;
# 'đc' is no 'đ', a letter after it), nor 'đ c' with a space, no letter after the 'c' (session
# 54, D3: no word of money is 'c' alone; 'đ chỉ' with a space is money, 'chỉ' may say 'only')
_CURRENCY = r"đồng|đ(?![/.]c(?:hỉ)?(?![^\W\d_])| c(?![^\W\d_]))|vnđ|vnd"
_CURRENCY_AFTER = lazyre.compile(rf" ?(?:{_CURRENCY}|₫)(?![^\W\d_])", re.IGNORECASE)
# 'Đồng' capitalised (or 'ĐỒNG' in capitals) before a capitalised word: a place's name ('Đồng
# Kè', 'Đồng Tâm', 'ĐỒNG KÈ'), not the currency ('CMND 212.345.678 Đồng Kè'; session 54's
# review and its leftovers); 'đồng Ngân hàng' is one
_PLACE_DONG = lazyre.compile(r" ?(?:Đồng|ĐỒNG) (\w)")
# 'đồng' of a word that is no money: 'đồng bào' (compatriots: 'CMND 212.345.678 đồng bào
# Tày'), 'đồng chí' (comrade), 'đồng ý', 'đồng hồ', 'đồng bằng', 'đồng ruộng' (session 54);
# 'đồng thời' (at the same time), 'đồng nghiệp' (colleague), 'đồng hương', 'đồng đội', 'đồng
# tình', 'đồng lòng', 'đồng hành', 'đồng minh', 'đồng loạt', 'đồng nhất', 'đồng phục', 'đồng
# thuận', 'đồng cảm', 'đồng tâm', 'đồng nghĩa', 'đồng môn', 'đồng quê', 'đồng áng', 'đồng
# đẳng', 'đồng sở hữu' (session 55). A Vietnamese word is written syllable by syllable, so
# 'đồng' alone is told from such a word by the syllable after it: a word's second syllable
# that no amount's phrase begins with. Not those an amount's may: 'đồng vay', 'đồng cấp',
# 'đồng thanh toán', 'đồng tính theo', 'đồng học phí', 'đồng lúa', 'đồng bằng chữ' (the amount
# in words), 'đồng thời hạn' / 'thời gian' / 'thời điểm' / 'thời kỳ' (a loan's term), 'đồng
# nghĩa vụ': money, as is 'đồng tiền', 'đồng lương', 'đồng vốn'
_DONG_NO_MONEY = lazyre.compile(
    r" ?đồng (?:bào|chí|ý|hồ|bằng(?! chữ)|ruộng|thời(?! (?:hạn|gian|điểm|kỳ))|nghiệp|hương"
    r"|đội|tình|lòng|hành|minh|loạt|nhất|phục|thuận|cảm|tâm|nghĩa(?! vụ)|môn|quê|áng|đẳng"
    r"|sở hữu)(?![^\W\d_])",
    re.IGNORECASE,
)
# The label of an ID or telephone number right before a number (:func:`_id_labelled`): 'CMND',
# 'CCCD', 'CMT', 'SĐT', 'ĐT', 'điện thoại', 'Số định danh' or 'định danh cá nhân', any case,
# each word with its marks or none, then spaces, ':' or '.', perhaps 'số' ('CMND số: 212345678').
# The number after one is a person's, not an amount, whatever follows it: 'CMND 212345678
# đồng vay' (a co-borrower), 'đồng chủ hộ', 'đồng ký' (session 55, J). Written backwards, as
# it is matched at the start of the text before the number reversed: one try, not a search of
# each place before it (~1 µs, not ~6). 'ĐT' alone (``bare``) also writes 'đầu tư', 'DT'
# 'doanh thu': an amount after it grouped by threes to '000' is money ('Hỗ trợ ĐT 150.000.000
# đ', :func:`_an_amount`; session 55, R7), as is one grouped by threes after 'Vốn ĐT' (đầu tư),
# 'hỗ trợ ĐT' or 'Doanh …' (``capital``: 'Vốn ĐT 212.345.678 đồng'; session 56). 'ĐTDĐ',
# 'ĐTCĐ' (điện thoại di động, cố định) and 'di động' are labels, and a '-' joins a label to its
# number as ':' does ('SĐT-912.345.678'; session 65, C)
_ID_LABEL_BEFORE = lazyre.compile(
    r"[ :.-]*(?:(?:ốs|os)[ :.-]*)?"
    r"(?:dnmc|dccc|tmc|t[đd]s|[đd][dc]t[đd]|(?P<bare>t[đd](?: +(?P<capital>nốv|nov|ợrt|ort|hnaod))?)"
    r"|(?:iạoht|iaoht) (?:nệiđ|neid)|gn[ộo][đd] +id"
    r"|hnad (?:hnịđ|hnid) (?:ốs|os)"
    r"|(?:nâhn|nahn) (?:ác|ac) hnad (?:hnịđ|hnid))(?![^\W\d_])",
    re.IGNORECASE,
)


# A text's bytes as :func:`may_hold_id` looks for a grouped number's start in them: 0, 8 and 4
# as themselves, other digits as 1, the marks (:data:`NUMBER_SEPARATORS`) as themselves and ','
# as '.', '+' and '(' as themselves, all else a space
_SHAPES = bytes(
    b if b in b"048+(" or chr(b) in _MARKS else 49 if 49 <= b <= 57 else 46 if b == ord(",") else 32
    for b in range(256)
)
# Where a number :func:`_person_number` reads as a person's may begin other than with 9 digits
# in a row or grouped by spaces: '+' or '(' before a digit or '+'; a first group of 2 to 4
# digits beginning 0, or 84 and up to 2 more ('8491.234.5678'), then a separator
# (:data:`NUMBER_SEPARATORS`), after a space, '+' or '(' (no digit, '.', ',' nor a dash after a
# letter before it: :func:`_persons`' dotted, dashed or mixed telephone or ID number), or
# after a dash after a digit (a part, :func:`_parts_masked`: '0912345678-0987.654.321'). Not
# '167.06277.001', 'TL-01-001', '12.03.2024', '1.500.000': a commune's dotted codes, dates and
# amounts are not each tried.
# (a phone's first group's 2 to 4 digits: :data:`_PHONE_GROUP_FEWEST` to
# :data:`_PHONE_GROUP_MOST`, the rule :func:`_persons` reads it by, stated once; two ints read
# in a chained comparison, not a ``range``'s ``in``: ~1,600 instructions an ordinary note
# more, +1.7 %; session 61, E)
_PHONE_GROUP_FEWEST, _PHONE_GROUP_MOST = 2, 4  # a grouped phone's group's digits
_GROUPED_START = lazyre.compile(
    (
        rf"[+(][0-9+]|(?:0[0-9]{{{_PHONE_GROUP_FEWEST - 1},{_PHONE_GROUP_MOST - 1}}}"
        rf"|84[0-9]{{0,{_PHONE_GROUP_MOST - 2}}}){_ONE_SEPARATOR}"
    ).encode()
)
_BEFORE_GROUPED = frozenset(b" +(")
# A CCCD's 12 digits as read 6-6 by a mark (:func:`_persons`: '001204-012345', its province's
# code from 0 and its century digit 0-3; session 57, C3), and the same in a text's bytes
# (:func:`may_hold_id`), not within a longer number
# (a CCCD's first 6 digits, its province's code from 0 and its century digit: the rule stated
# once for both; session 60, G)
_CCCD_HEAD = "0[0-9]{2}[0-3][0-9]{2}"
_CCCD_BY_SIXES = lazyre.compile(rf"{_CCCD_HEAD}[0-9]{{6}}")
_CCCD_SIXES_WRITTEN = lazyre.compile(
    rf"(?<![0-9]){_CCCD_HEAD}(?:{_MARK_SEPARATOR})[0-9]{{6}}(?![0-9])".encode()
)
# 9 digits from 0 in a row or grouped, in a text's bytes (:func:`may_hold_id`: after a dash;
# :data:`_LISTED_AFTER_COMMA`'s shape)
_NINE_FROM_ZERO = lazyre.compile(rf"0{_EIGHT_AFTER_ZERO}".encode())


# What a number's writing puts between its digits (:data:`NUMBER_SEPARATORS`, and the brackets
# and '+' of '+84 ', '(+84) ', '(024) '): dropped, every number :func:`mask_ids_in` masks, and
# every Mã hộ rosterchecks tells as a telephone or ID number, is 9 digits or more in a row
_NUMBER_APART = (NUMBER_SEPARATORS + "()+").encode()


@lru_cache(maxsize=1)
def _number_lookalikes() -> tuple[re.Pattern, dict[int, str]]:
    """A pattern finding a run of the characters a number may be written in beyond ASCII, and
    str.translate's table writing each as its ASCII digit or separator, one character for one:
    each decimal digit of another script (Unicode's category Nd beyond 0-9: full-width '０',
    Arabic-Indic '٠', mathematical bold '𝟎'…) and each of :data:`SEPARATOR_LOOKALIKES`,
    :data:`CODE_LOOKALIKES` and :data:`SLASH_LOOKALIKES`. The
    pattern is one class of the plane-0 ones and every character beyond plane 0 (a class
    holding any single character beyond plane 0 is tried range by range, ~10 times slower), so
    that it is looked for in C: ~15 ms over a province's 300,000 names joined. Made the first
    time a text beyond ASCII is looked at (planes 0 and 1, where every Nd is, scanned: ~6 ms)."""
    table = {code: str(unicodedata.decimal(chr(code)))
             for code in range(0x80, 0x20000) if chr(code).isdecimal()}  # fmt: skip
    lookalikes = (SEPARATOR_LOOKALIKES, CODE_LOOKALIKES, SLASH_LOOKALIKES)
    for sep, marks in (item for table in lookalikes for item in table.items()):
        table.update((ord(mark), sep) for mark in marks)
    codes = sorted(code for code in table if code <= 0xFFFF)
    runs = [[codes[0], codes[0]]]
    for code in codes[1:]:
        if code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    one = "".join(re.escape(chr(lo)) + (f"-{re.escape(chr(hi))}" if hi > lo else "")
                  for lo, hi in runs) + "\U00010000-\U0010ffff"  # fmt: skip
    # (one of the class, then any more: a pattern beginning with a class is looked for in C)
    return re.compile(f"[{one}][{one}]*"), table


def ascii_number_text(text: str) -> str:
    """``text`` with each digit of another script and each mark standing for a separator, a
    '+' or a bracket (:func:`_number_lookalikes`) written as its ASCII digit or mark, one
    character for one ('０９１２３４５６７８' is '0912345678', '0912 – 345 – 678' '0912 - 345 -
    678', '（０２４）' '(024)'), as the masking (session 53, R5) and rosterchecks' telling of a
    Mã hộ (session 54) read a number; ``text`` itself where it has none (an ASCII text told at
    once, any other by a search in C)."""
    if text.isascii():
        return text
    find, table = _number_lookalikes()
    if find.search(text) is None:
        return text
    return find.sub(lambda run: run.group().translate(table), text)


def may_hold_id(text: str) -> bool:
    """Whether ``text`` may hold an ID or telephone number (:data:`ID_IN_TEXT`): nine digits in
    a row once the letters beyond ASCII and what a number's writing puts between its digits
    (:data:`_NUMBER_APART`) are dropped, and then nine in a row once its spaces are dropped, a
    group of three digits then two more with marks between them (an old CMND, session 53), or
    a start of :data:`_GROUPED_START`. Looked at in C, for a province's 300,000 names or codes
    joined (the pattern itself, tried at each place, costs ~0.5 s there; the starts looked for
    ~0.15 s, so only after the nine digits: a commune's codes, names and dates have none).
    A number written in another script's digits or with a look-alike of a separator is read as
    written in ASCII (:func:`ascii_number_text`, session 53, R5)."""
    text = ascii_number_text(text)
    ascii_text = text.encode("ascii", "ignore")
    if b"0" * 9 not in ascii_text.translate(_DIGITS_AS_ZERO, _NUMBER_APART):
        # False, the common case, told in C (session 52, F4)
        # (a label's run by commas: ',' is no separator of the 9 digits looked for here)
        return _slashed_written(text, ascii_text) or (
            b"," in ascii_text and _left_written(text, ascii_text)
        )
    if b"0" * 9 in ascii_text.translate(_DIGITS_AS_ZERO, b" "):
        return True
    # an old CMND grouped by marks ('212.345.678', '212 - 345 - 678', '212.345 678'), its middle
    # group looked for in C first (session 53)
    cmnd = b".000." in ascii_text.translate(_SEPARATED_AS_ZERO)
    # its letters beyond ASCII dropped ('0\u200b912.345.678', read cleaned) and each as one
    # ('1970–0912.345.678', an en dash before the number)
    replaced = text.encode("ascii", "replace")
    for form in (ascii_text,) if len(replaced) == len(ascii_text) else (ascii_text, replaced):
        if cmnd and _CMND_WRITTEN.search(form):
            return True
        if _CCCD_SIXES_WRITTEN.search(form):  # a CCCD 6-6 by a mark (session 57, C3)
            return True
        shapes = b" " + form.translate(_SHAPES)
        if b"+" not in shapes and b"(" not in shapes and b" 0" not in shapes:
            dash = b"-" in shapes and (b"-0" in shapes or b"-84" in shapes)
            if b" 84" not in shapes and not dash and b",0" not in form and b".0" not in shapes:
                continue  # no start: a commune's dotted codes '167.06277.001', amounts (in C)
        for found in _GROUPED_START.finditer(shapes):
            at = found.start()
            if shapes[at] in b"+(" or shapes[at - 1] in _BEFORE_GROUPED:
                return True
            if shapes[at - 1] == 45 and shapes[at - 2] in b"0148":  # '-' after a digit
                return True
            # after a word's dash, 9 digits from 0 (a phone's or an ID's: 'đồng-049.151.643.883',
            # 'TL-0912.345.678'; not 'TL-01-001': session 57, C2)
            # after a word's dot so, a phone called today (:func:`_persons`: 'NM.0912.345.678';
            # session 59, C)
            if shapes[at - 1] in b"-." and _NINE_FROM_ZERO.match(form, at - 1):
                return True
            # after an ID's or a phone's label and a dot ('ĐT.0912.345.678'; session 57's
            # review), the form's places those of the text (a character beyond ASCII as '?')
            if shapes[at - 1] == 46 and len(form) == len(text) and _id_labelled(text, at - 1):
                return True
            # a comma before a grouped number from 0, a list's (:data:`_LISTED_AFTER_COMMA`:
            # '0912.345.678,0987.654.321'; session 54, D3)
            if shapes[at] == 48 and form[at - 2 : at - 1] == b",":
                return True
    return (
        _labelled_written(text)
        or _slashed_written(text, ascii_text)
        or _left_written(text, ascii_text)
        or _worded_masked(text)
    )


# 9 digits joined by what a number's writing puts between them (:data:`_NUMBER_APART`), in a
# text's bytes, one byte a character (:func:`_worded_masked`)
_NINE_APART = lazyre.compile(rb"[0-9](?:[" + re.escape(_NUMBER_APART) + rb"]*[0-9]){8,}")


def _worded_masked(text: str) -> bool:
    """Whether a value of ``text`` (values joined by '\x00', as :func:`ascii_number_text`
    reads them) that holds 9 digits joined by a number's writing and a word beside them is one
    :func:`mask_ids_in` masks, though no quicker look of :func:`may_hold_id` found it ('Thu
    nhập.8475.000.6177 2 khẩu', 'NM.05269.852.844.7930.8947.407đ', 'điện thoại của
    chồng.8466-8554-657 đồng': a column of them posted unmasked until session 66, RG). The
    last look, so that the look never says none where the masking masks one: each such value
    masked as the list masks it (a value of digits and marks alone, a commune's dotted codes,
    is not: the looks above read every such shape the masking masks; the sweeps and a property
    test over generated texts check both)."""
    form = text.encode("ascii", "replace")  # (one byte a character: the text's places)
    at = 0
    while (found := _NINE_APART.search(form, at)) is not None:
        start = text.rfind("\x00", 0, found.start()) + 1
        end = text.find("\x00", found.end())
        end = len(text) if end < 0 else end
        value = text[start:end]
        if value.strip() != text[found.start() : found.end()] and mask_ids_in(value) != value:
            return True
        at = end + 1
    return False


# An ID's label (:data:`_ID_LABEL_BEFORE`, read forwards, loosely: its last word, marks typed
# composed, decomposed or none) before a digit, perhaps after ' ', ':', '.', '-' and 'số'
# (:func:`_labelled_written`)
_LABEL_AHEAD = lazyre.compile(
    r"(?:cmnd|cccd|cmt|[đd]t(?:[dc][đd])?|thoa\u0323?i|thoại|danh|nh(?:â|a\u0302?)n"
    r"|[đd](?:ộ|o[\u0300-\u036f]*)ng)"
    r"[ :.-]*(?:s(?:ố|o[\u0300-\u036f]*)[ :.-]*)?(?=[0-9])",
    re.IGNORECASE,
)


def _labelled_written(text: str) -> bool:
    """Whether ``text`` holds a number right after an ID's label that :func:`_labelled_run`
    masks though no other look of :func:`may_hold_id` finds it ('Số CCCD: 96.543.210.000',
    'SĐT: 912.345.678'; session 65, C): each label's number read as :func:`mask_ids_in` reads
    it (a column holds few labels)."""
    for label in _LABEL_AHEAD.finditer(text):
        found = ID_IN_TEXT.match(text, label.end())
        if found is not None and "*" in _id_masked(found):
            return True
    return False


# What a number by '/' or ',' puts between its digits (:data:`_RUN_JOINER`), dropped where its
# 9 digits are looked for (by bytes.find: ``in`` tries the bytes as an int first, ~1,800
# instructions for the TypeError it clears)
_RUN_APART = b" .-/,"
_NINE = b"0" * 9


# Every digit as '0' and ',' as '/' (:func:`_slash_looked`)
_MARK_SHAPES = bytes.maketrans(b"0123456789,", b"0" * 10 + b"/")


def _slash_looked(read: str) -> bool:
    """Whether ``read`` may hold a run of :data:`_SLASHED_RUN`: a digit, a '/' or ',' and a
    digit, perhaps a space either side of the mark, and 9 digits joined by nothing or what
    :data:`_RUN_JOINER` puts between them; told in C, its ASCII bytes."""
    ascii_read = read.encode("ascii", "ignore")
    return (
        ascii_read.translate(_MARK_SHAPES, b" ").find(b"0/0") >= 0
        and ascii_read.translate(_DIGITS_AS_ZERO, _RUN_APART).find(_NINE) >= 0
    )


def _slashed_written(text: str, ascii_text: bytes) -> bool:
    """Whether ``text`` (its ASCII bytes ``ascii_text``) holds a person's number by '/' or ','
    as :func:`mask_ids_in` masks one (:data:`_SLASHED_RUN`, :func:`_slashed_parts`: the same
    shapes, stated once; session 59, C), looked for where a '/' or ',' is in it and 9 digits
    are joined by what a number's writing puts between them, told in C (a column of 30,000
    notes of dates and amounts, session 58's review)."""
    return (
        (b"/" in ascii_text or b"," in ascii_text)
        and ascii_text.translate(_DIGITS_AS_ZERO, _RUN_APART).find(_NINE) >= 0
        and any(_slashed_parts(run) for run in _SLASHED_RUN.finditer(text))
    )


def _masked_digits(digits: str) -> str:
    return "*" * 8 + digits[-4:]


def _id_labelled(text: str, start: int, money: bool = False, grouped: bool = False) -> bool:
    """Whether the number beginning at ``start`` in ``text`` is right after the label of an ID
    or telephone number (:data:`_ID_LABEL_BEFORE`: 'CMND 212345678', 'cccd: 001…', 'SĐT số
    0912…', 'Số định danh 001…'; any case, marks or none; session 55, J). Not after 'ĐT' or
    'DT' alone where the number is written as money is (``money``: grouped by threes to '000'
    before its currency, 'Hỗ trợ ĐT 150.000.000 đ': 'đầu tư', 'doanh thu'; session 55, R7),
    nor (``grouped`` by threes before its currency) where 'Vốn', 'hỗ trợ' or 'Doanh' is the
    word before 'ĐT' ('Vốn ĐT 212.345.678 đồng': an investment; session 56)."""
    # a label typed decomposed ('điện thoại' from a Mac) read as composed (session 55, R7)
    found = _ID_LABEL_BEFORE.match(nfc(text[max(0, start - 32) : start])[::-1])
    if found is None or found["bare"] is None:
        return found is not None
    return not (money or (grouped and found["capital"] is not None))


def _an_amount(
    groups: list[str],
    kinds: set[str],
    digits: str,
    text: str,
    start: int,
    end: int,
    priced: bool = True,
) -> bool:
    """Whether a number of ``groups`` (its separators' ``kinds``), from ``start`` to ``end`` in
    ``text``, is an amount of money as written (session 53): no telephone number's digits, not
    from 0 (no amount is), in a row or grouped by threes after a first group of 1 to 3 digits
    by one kind of separator, and either followed by its currency ('212.345.678 đồng',
    '200.000.000đ'; grouped by dashes or a look-alike of one, a middle dot or a bullet, only so:
    '200·000·000 đồng', session 54) or of 10 digits or more grouped by spaces ('1 500 000 000':
    no ID's length from 1-9); never one of an ID's length (9 to 12 digits) right after an ID's
    label ('CMND 212345678 đồng vay': :func:`_id_labelled`, session 55, J). Not by its
    currency where not ``priced`` (a part of a run by bare dots begun after one: the currency
    follows the run, '12.000.000.212.345.678 đồng'; session 61, E). Of 10 billion or more by
    spaces holding an old CMND (:func:`_holds_cmnd`), none by its currency ('12 345 678 900
    đồng'; session 63, C)."""
    if digits[0] == "0" or len(kinds) > 1:
        return False
    if kinds and (len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:])):
        return False
    if _PHONE_DIGITS.fullmatch(digits):
        return False
    # ' đồng thời gian', 'đồng' typed decomposed too (its 'ồ' three characters)
    after = nfc(text[end : end + 24])
    if priced and _CURRENCY_AFTER.match(after):
        if kinds == {" "} and _holds_cmnd(groups):
            # 10 billion or more by spaces holding an old CMND: no household's amount, its
            # currency after it or not, masked as by dots ('********8900 đồng' of '12 345 678
            # 900 đồng', '12.********8900 đồng' of '12.345.678.900 đồng'; kept until session
            # 63, C)
            return False
        place = _PLACE_DONG.match(after)
        if place is not None and place.group(1).isupper():
            return False
        return not _DONG_NO_MONEY.match(after) and not (
            9 <= len(digits) <= 12
            and _id_labelled(text, start, bool(kinds) and groups[-1] == "000", bool(kinds))
        )
    if kinds != {" "} or len(digits) < 10:
        return False
    if len(groups) == 4 and (
        (_cmnd_by_threes(groups[1:]) and groups[3] != "000") or _holds_cmnd(groups)
    ):
        # a small number and an old CMND ('Tổ 1 212 345 678'; session 56's review), not one
        # ending '000', an amount's ending ('1 234 567 000', '12 345 678 000' are amounts, as by
        # dots; masked until session 64, C), save 10 billion or more holding one ('212 345 678
        # 000': :func:`_holds_cmnd`)
        return False
    # 'ĐT' alone before an amount's '000' no label ('ĐT 12 345 678 000', an investment, kept as
    # by dots and commas; masked by spaces alone until session 65, C)
    return len(digits) > 12 or not _id_labelled(text, start, groups[-1] == "000")


def _cmnd_by_threes(groups: list[str]) -> bool:
    """Whether digit ``groups`` are an old CMND's 9 digits grouped by threes, its first 0-3
    (its province's code 01-38), not ending '000 000' as an amount's do ('212 345 678', '012
    345 678'; not '200 000 000'): after a first group of 1 to 3 digits and no currency, no
    amount ('Tổ 1 212 345 678' is 'Tổ 1 ********5678'; 'Tổ 1 200 000 000' kept; session 56's
    review)."""
    return (
        len(groups) == 3
        and all(len(group) == 3 for group in groups)
        and groups[0][0] in _CMND_FIRST
        and not all(group[:2] == "00" for group in groups)
        and groups[1:] != ["000", "000"]
    )


def _holds_cmnd(groups: list[str]) -> bool:
    """Whether digit ``groups`` grouped as an amount is (a first group of 1-3 digits, the rest
    of 3) of 10 billion or more (11 digits or more) hold an old CMND by threes in three groups
    in a row, none of them '000' (:func:`_cmnd_by_threes`: '212.345.678.000', '12 345 678 900',
    '100,212,345,000'; not '12.500.000.000', '120.500.000.000', '12.345.678.000': a CMND's
    reading ending '000' is an amount's ending too): no household's amount, a person's number
    (session 63, C)."""
    return (
        len(groups) > 3
        and len(groups[0]) + 3 * len(groups) > 13
        and len(groups[0]) <= 3
        and all(len(group) == 3 for group in groups[1:])
        and any(
            "000" not in groups[k : k + 3] and _cmnd_by_threes(groups[k : k + 3])
            for k in range(len(groups) - 2)
        )
    )


# The last letters of an ID's label (:data:`_ID_LABEL_BEFORE`: 'CMND', 'CCCD', 'CMT', 'SĐT',
# 'ĐT', 'điện thoại', 'số', 'so', 'định danh'; 'số' typed decomposed ends in its mark)
_LABEL_ENDS = frozenset("dDtTiIoOhHốỐđĐgG\u0301")


def _label_may_end(text: str, start: int) -> bool:
    """Whether an ID's label may end right before ``start`` in ``text``, its ' ', ':' or '.'
    after it passed (:func:`_id_labelled` told for the few where it may: a note's 'vay',
    'nhập' before an amount end otherwise; session 64's review, RC)."""
    while start > 0 and text[start - 1] in " :.-":
        start -= 1
    return start > 0 and text[start - 1] in _LABEL_ENDS


def _labelled_run(groups: list[str], kinds: set[str], text: str, start: int, end: int) -> bool:
    """Whether digit ``groups`` by one bare mark (``kinds``: '.', '-' or ','; by spaces
    :func:`_an_amount` and :func:`_persons` read it), from ``start`` to ``end`` in ``text``
    (no space about a mark: 'SĐT 0912.345.678. 5 khẩu' holds no 11 digits), are of an ID's
    or a phone's length (9-12 digits) right after an ID's label (:func:`_id_labelled`; 'ĐT'
    alone before an amount's '000' none: 'ĐT 12.345.678.000', an investment, kept): the label's
    number whatever its shape ('Số CCCD: 96.543.210.000', a CCCD 096543210000 its 0 lost;
    'SĐT: 912.345.678', a phone its 0 lost as a number's in Excel; 'CMND 965.432.100'), masked
    whole (session 65, C; with an old CMND's shape and ending '000' since session 64's review,
    RC). Its label's last letter looked at first (:func:`_label_may_end`). Not a part of a
    longer run by marks (a bare mark and a digit after it: 'SĐT-003.0846.333.874.000.000đ'
    holds the phone '0846.333.874', '19/01/2014.CCCD.269864266.29.460.000' a CMND and an
    amount; :func:`_parts_masked` reads those), nor one holding a date ('SĐT-03-08-1996-254')."""
    size = sum(map(len, groups))
    after = text[end : end + 2]
    return (
        len(kinds) == 1
        and " " not in kinds
        and 9 <= size <= 12
        and end - start == size + len(groups) - 1
        and not (len(after) == 2 and after[0] in ".,-" and after[1].isdigit())
        and _label_may_end(text, start)
        and _id_labelled(text, start, groups[-1] == "000", True)
        and not _within_dates(groups, ["-"] * (len(groups) - 1))
        # nor years ('SĐT 2020-2024-2025': no phone's digits; masked until session 66, G)
        and not all(_YEAR.fullmatch(group) for group in groups)
    )


def _spaced_amount_000(groups: list[str]) -> bool:
    """Whether digit ``groups`` (4 or more, by single spaces) are written as an amount is: a
    first group of 1-3 digits not from 0, the rest of 3, the last '000', holding no old CMND
    by threes none of whose groups is '000' (:func:`_holds_cmnd`: '212 345 678 000' holds
    one): '1 234 567 000', '12 345 678 000' (session 64, C)."""
    return (
        len(groups) > 3
        and groups[-1] == "000"
        and len(groups[0]) <= 3
        and groups[0][0] != "0"
        and all(len(group) == 3 for group in groups[1:])
        and not _holds_cmnd(groups)
        and _dots_keep(groups)
    )


def _dots_keep(groups: list[str]) -> bool:
    """Whether the run of digit ``groups`` written by bare dots alone, on its own, is kept as
    written (:func:`_id_masked`): a run written as an amount by spaces or by commas ending
    '000' is read as its twin by dots is ('12 345 678 000', '12,345,678,000' kept as
    '12.345.678.000'; '12 217 000 628 204 000' masked as '12.217.000.628.204.000': the CMND
    '217.000.628', :func:`_parts_masked`' ``id_with_000``), so that the marks agree (session
    64, C). A rare run's cost alone: every ordinary amount has fewer groups."""
    dotted = ".".join(groups)
    found = ID_IN_TEXT.match(dotted)
    return found is not None and found.end() == len(dotted) and _id_masked(found) == dotted


def _persons(
    code: str | None,
    groups: list[str],
    kinds: set[str],
    text: str,
    start: int,
    end: int,
    mark: str,
    spaced: bool = True,
    priced: bool = True,
) -> bool:
    """Whether the number of digit ``groups`` (its separators' ``kinds``: each as its mark, or
    ' ' a space alone, so '0912 - 345 - 678' is dashed), after ``code`` and ending at ``end`` in
    ``text``, is a person's, shown masked on the public list: after '+84' / '(+84)', 9 to 12
    digits (a phone's 9 to 11; 12 a CCCD's, as without the code: session 56, Q), or more in a
    row; a telephone number's digits (:data:`_PHONE_DIGITS`) in groups of 2 to 4 digits (or
    two, the second longer: '0912.345678'), or after an area code in brackets; 9 digits or
    more in a row (13 or more, no phone's nor ID's length, since session 57: a number typed
    with digits too many, two typed as one, a bank account), or 9 to 12 grouped by single
    spaces (session 51; only where ``spaced``); an ID number in groups of 3
    or 4 digits with a mark between two of them, its first digit 0 (no amount's:
    '001.088.776.655', '091-234-567'), or 6-6 by a mark, its 4th digit (a CCCD's century
    digit) 0-3 ('001204-012345': :data:`_CCCD_BY_SIXES`, session 57, C3); an old CMND's 9 digits grouped 3.3.3, its
    first 0-3 (its province's code 01-38: '212.345.678', session 53). Not an amount
    (1.500.000, '1 500 000 000', '200.000.000 đồng': :func:`_an_amount`), a date (12.03.2024),
    a dotted code (167.06277.001), a year range (2020-2024), a grouped number after a dot
    (``mark`` '.': 'NM.212.345.678', a code's part); after a dash (``mark`` '-': 'TL-01-001') a
    phone's digits only a mobile's or a landline's (:data:`_CALLABLE`: 'TL-0101-234567' a
    code's; session 57, C2). A CCCD grouped by single spaces in threes ('001 094 012
    345'), or an old CMND so (:func:`_cmnd_by_threes`: '212 345 678'), is one whether
    ``spaced`` or not: among more groups ('001 094 012 345 0912345678', 'Tổ 1 212 345 678
    0912345678') too (session 56's review). Not ``priced``: its currency after it no amount's
    (:func:`_an_amount`)."""
    digits = "".join(groups)
    if code is not None and "84" in code:
        # 9 to 11 digits a phone's; 12 as without the code ('+84 001094012345', a CCCD after
        # a '+84' written before it: shown whole until session 56, Q); more in a row as
        # without the code (session 57), not a phone and a date read as one
        return 9 <= len(digits) <= 12 or (not kinds and len(digits) > 12)
    if code is not None and code[0] == "(":  # an area code: '(024) 3825 1234'
        return _PHONE_DIGITS.fullmatch(code[1 : code.index(")")] + digits) is not None
    if _an_amount(groups, kinds, digits, text, start, end, priced):
        return False
    if not kinds:  # 13 or more too: no length of a phone's nor an ID's, but masked (session 57)
        return len(digits) >= 9
    if kinds == {" "} and spaced and 9 <= len(digits) <= 12:
        if all(_YEAR.fullmatch(group) for group in groups):
            # years ('2020 2024 2025', 'Zalo 2020 2024 2025'): no phone's nor ID's digits (a
            # phone and a CCCD are from 0, an old CMND is no three years), as by dashes and
            # dots after a label (:func:`_labelled_run`); masked until session 67, E
            return False
        # save an amount's 9 digits ending '000 000' ('Vay 120 000 000', as by dots below)
        return len(digits) > 9 or not _round_amount(groups, text, start)
    # after a dot, 'NM.212.345.678' part of a code (:func:`may_hold_id`), save a phone called
    # today, as after a dash ('NM.0912.345.678': posted whole until session 59, C; session
    # 58's review); after an ID's or a phone's label and a dot ('ĐT.0912.345.678',
    # 'CCCD.001.204.012.345') a person's number, as after the label and a space (posted whole
    # until session 57's review)
    # a code's letters before the dot, not a word's ('ngày.226.329.218', 'VNĐ.138.012.897': a
    # person's number after a word and a bare dot; session 60's review, G2)
    dotted = mark == "." and not _id_labelled(text, start) and _code_dot(text, start)
    # a phone's groups of 2 to 4 digits, or two, its first of 2 to 4 ('0912.345678',
    # '091-2345678'; not a code's three '05.001.00123': session 56's review); after a dash a
    # code's part is short, a number of a phone's length one (session 57, C2)
    phone = _PHONE_DIGITS.fullmatch(digits) and (
        not (dotted or mark == "-") or _CALLABLE.fullmatch(digits)
    )
    if phone and _PHONE_GROUP_FEWEST <= len(groups[0]) <= _PHONE_GROUP_MOST:
        if len(groups) == 2 or all(
            _PHONE_GROUP_FEWEST <= len(group) <= _PHONE_GROUP_MOST for group in groups
        ):
            return True
    if dotted:  # save a CCCD by threes ('VAY.029.162.193.081': no code's 12; session 60, G)
        threes = len(groups) == 4 and all(len(group) == 3 for group in groups)
        return threes and _CCCD_BY_SIXES.fullmatch(digits) is not None
    if kinds == {" "}:  # a CCCD or CMND by threes among more groups ('001 094 012 345 09…')
        cccd = len(groups) == 4 and digits[0] == "0" and all(len(g) == 3 for g in groups)
        # or a CCCD 6-6 so ('125 070293 720521': posted whole until session 59, C2)
        sixes = _CCCD_BY_SIXES.fullmatch(digits) and [len(g) for g in groups] == [6, 6]
        return cccd or bool(sixes) or _cmnd_by_threes(groups)
    if len(digits) in (9, 12) and digits[0] == "0" and all(3 <= len(g) <= 4 for g in groups):
        return True
    if _CCCD_BY_SIXES.fullmatch(digits) and [len(g) for g in groups] == [6, 6]:
        return True  # a CCCD 6-6 by a mark ('001204-012345'; session 57, C3)
    # not an amount's 9 digits from 1-3 ending '000.000' ('Vay 120.000.000', no currency after:
    # an old CMND so is one in a million, an amount so every other note; session 60's review,
    # G2, as :func:`_cmnd_by_threes` reads one by spaces among more groups since session 56)
    if (
        len(digits) == 9
        and digits[0] in _CMND_FIRST
        and all(len(g) == 3 for g in groups)
        and not _round_amount(groups, text, start)
    ):
        return True
    # of an ID's length by one mark right after an ID's label ('CCCD: 34.198.765.000', a CCCD
    # its 0 lost as a number's; 'SĐT 1.234.567.000', session 64's review, RC; 'Số CCCD:
    # 96.543.210.000', 'SĐT: 912.345.678', a phone its 0 lost, 'CMND 965.432.100'; session
    # 65, C): the label's reading, as by spaces, not an amount's; asked last, a phone after its
    # label ('SĐT 0912.345.678') told before
    return _labelled_run(groups, kinds, text, start, end)


def _round_amount(groups: list[str], text: str, start: int) -> bool:
    """Whether an old CMND's shape 3.3.3 from 1-3 (``groups``, at ``start`` in ``text``) ends
    '000 000', an amount's ending, and is not after an ID's label ('CMND 212.000.000' is one;
    'ĐT' alone as :func:`_an_amount` reads it before money: 'Vốn ĐT.120.000.000' kept)."""
    return (
        groups[0][0] != "0"
        and groups[1:] == ["000", "000"]
        and not _id_labelled(text, start, money=True, grouped=True)
    )


# The letters of a commune's code before its dot ('NM.212.345.678', 'ĐK.212.345.678', 'NM1.'):
# a hamlet's initials in capitals, A-Z or 'Đ' (no tone mark), digits with them (:func:`_code_dot`)
_CODE_DOT_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ0123456789")
# ... not the currency's ('VNĐ.138.012.897')
_CURRENCY_CAPITALS = frozenset(("VND", "VNĐ"))
# ... nor a Vietnamese syllable of 3 letters or more written in capitals without its marks, a
# word ('VAY', 'NGAY', 'XOM', 'THON'): an onset, 1 to 3 vowels, a final; a hamlet's initials of
# 3 or more ('TDP', 'HTX', 'KDC', 'UBND') are no syllable (session 61, E)
_CAPITALS_SYLLABLE = lazyre.compile(
    r"(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDĐGHKLMNPRSTVX])?[AEIOUY]{1,3}(?:NG|NH|CH|[CMNPT])?"
)
# ... nor a word of 2 letters in capitals ending 'O', a syllable written without its marks:
# 'SO' (số, a number), 'HO' (hộ, a household; họ, a family), 'TO' (tổ, a unit: its number
# is no 9 digits; session 62, E), and so 'CO' (có, has; cô), 'DO' (do, by; đó), 'NO' (nợ, a
# debt), 'ĐO' (session 63, C): a hamlet's initials ending 'O' need a second syllable begun by
# 'Ô' or 'Ơ' ('Hòa Ổn'), rare. Other 2 letters are a code's initials, even a syllable's shape
# ('AN' of 'Ấp Nam', 'BA' of 'Bình An', 'NA', 'HY' of 'Hòa Yên'): E's line at 3 letters
_TWO_CAPITALS_WORD_END = "O"


def _code_letters(word: str) -> bool:
    """Whether ``word``, glued before a number's dot or its first digit, is a code's letters
    (:data:`_CODE_DOT_LETTERS`: 'NM', 'ĐK', 'TDP', 'NM1', 'XOM3'), not a word: one with a
    small letter or a tone mark ('ngày', 'Vay', 'NGÀY'), the currency ('VNĐ'), one letter (a
    name's initial, 'B'), a syllable of 3 letters or more in capitals ('VAY',
    :data:`_CAPITALS_SYLLABLE`) or a word of 2 ending 'O' (:data:`_TWO_CAPITALS_WORD_END`:
    'SO', 'HO', 'CO', 'DO')."""
    # one letter is a name's initial or an item's, no hamlet's initials ('Nguyễn Thị
    # B.227.175.969'); capitals of a syllable a word ('VAY.192.993.926'): the number a
    # person's (both posted whole until session 61, E); 'SO.', 'HO.' (session 62, E); 'CO.',
    # 'DO.' (session 63, C)
    return (
        len(word) > 1
        and word not in _CURRENCY_CAPITALS
        and all(ch in _CODE_DOT_LETTERS for ch in word)
        and (len(word) < 3 or _CAPITALS_SYLLABLE.fullmatch(word) is None)
        and not (len(word) == 2 and word[1] == _TWO_CAPITALS_WORD_END)
    )


def _word_before(text: str, end: int) -> str:
    """The letters and digits glued together right before ``end`` in ``text`` (a mark typed
    apart, NFD, with them)."""
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or "\u0300" <= text[begin - 1] <= "\u036f"):
        begin -= 1
    return text[begin:end]


def _code_dot(text: str, start: int) -> bool:
    """Whether the dot before the number at ``start`` in ``text`` follows a code's letters
    (:func:`_code_letters`: 'NM.212.345.678' a code's part, session 53, R3), rather than
    a word: one with a small letter or a tone mark, typed composed or not ('ngày.226.329.218',
    'vay.212.345.678', 'NGÀY.…'), the currency ('VNĐ.138.012.897'), or no word at all
    ('(ngày).226.329.218', '..226.329.218'): the number a person's (posted whole until
    session 60's review, G2); a word in capitals ('VAY.192.993.926',
    :data:`_CAPITALS_SYLLABLE`) or one letter ('Nguyễn Thị B.227.175.969'; session 61, E), or
    a word of 2 capitals ending 'O' ('SO.212.345.678', 'HO.…'; session 62, E; 'CO.', 'DO.',
    session 63, C)."""
    return _code_letters(_word_before(text, text.rfind(".", 0, start)))


# A number right after a mark ('TL-01-001', 'NM.212.345.678', 'ĐT.0912345678') may be a
# code's part: after a dot read as a person's only as a group of 9 digits or more in a row, or
# by spaces (:func:`_persons`' ``mark``; session 53, R3); after a dash so until session 57,
# C2, when '10.140.000 đồng-049.151.643.883' (pieces joined by a dash) was posted whole: a
# code's part is short ('NM-01', 'BC-2025-000009'), one of a phone's or an ID's shape is read
# as any number is, its phone's digits a mobile's or a landline's alone (:data:`_CALLABLE`)
_AFTER_MARK = "-."
# A telephone number's digits that are called today: a mobile's 10 from 03, 05, 07, 08 or 09,
# a landline's 11 from 02, or a mobile's 11 from 01 before 2018; not a code's 10 from 01
# ('TL-0101-234567') that :data:`_PHONE_DIGITS` takes (session 57, C2)
_CALLABLE = lazyre.compile(r"0[35789][0-9]{8}|0[12][0-9]{9}")


def _mark_before(text: str, at: int) -> str:
    """The mark of :data:`_AFTER_MARK` right before ``at`` in ``text``, or ''."""
    return text[at - 1] if at > 0 and text[at - 1] in _AFTER_MARK else ""


def _person_number(found: re.Match, groups: list[str], kinds: set[str]) -> bool:
    """Whether a number :data:`ID_IN_TEXT` found (its ``groups`` and separators' ``kinds``) is
    a person's as a whole (:func:`_persons`)."""
    mark = _mark_before(found.string, found.start())
    return _persons(
        found["code"], groups, kinds, found.string, found.start("run"), found.end(), mark
    )


# A date's three groups by dashes, day first or year first ('05-11-2024', '2024-11-05'):
# :func:`_within_dates`
_DAY_MONTH = lazyre.compile(r"0?[1-9]|[12][0-9]|3[01]")
_MONTH = lazyre.compile(r"0?[1-9]|1[0-2]")
_YEAR = lazyre.compile(r"(?:19|20)[0-9]{2}")


def _within_dates(groups: list[str], seps: list[str]) -> frozenset[int]:
    """The places ``k`` (between ``groups[k]`` and the next, apart by ``seps[k]``) inside a
    date written by bare dashes, day first or year first ('05-11-2024', '2024-11-05'): no
    part of a dashed run begins or ends there (:func:`_parts_masked`), so a date range
    '05-11-2024-11-02-2025' holds no phone '05-11-2024-11' (0511202411: masked by session 57,
    C2, in 2,634 of 5,000 random ranges; session 57's review). A person's number written as
    the whole run is read first, whole."""
    inside = set()
    for k in range(len(groups) - 2):
        if seps[k] != "-" or seps[k + 1] != "-":
            continue
        a, b, c = groups[k : k + 3]
        if (_DAY_MONTH.fullmatch(a) and _MONTH.fullmatch(b) and _YEAR.fullmatch(c)) or (
            _YEAR.fullmatch(a) and _MONTH.fullmatch(b) and _DAY_MONTH.fullmatch(c)
        ):
            inside.update((k, k + 1))
    return frozenset(inside)


def _dashed_part_begun(groups: list[str], seps: list[str]) -> bool:
    """Whether a part of a run of ``groups`` by bare dashes (``seps``) that :func:`_persons`
    reads as a person's may begin at one of its groups: the first, or one after a dash outside
    a date (:func:`_within_dates`), from 0 or 8 (a phone's, a CCCD's, '84'), of 3 digits from
    0-3 (an old CMND's), or of 9 digits or more. Where none does, :func:`_parts_masked` finds
    no part and is not asked: '15-03-2024-21-11-2025' (its parts tried, ~1 ms a note: 300,000
    dashed date ranges 28 s, 2 s before session 57, C2; session 57's review)."""
    dated = _within_dates(groups, seps)
    return any(
        group[0] in "08" or (len(group) == 3 and group[0] in "0123") or len(group) >= 9
        for k, group in enumerate(groups)
        if k == 0 or k - 1 not in dated
    )


def _dot_dated(groups: list[str], seps: list[str], k: int) -> bool:
    """Whether ``groups[k : k + 3]`` (apart by ``seps``) are a date by dots, day first
    ('12.03.2024')."""
    return (
        0 <= k
        and k + 2 < len(groups)
        and seps[k] == seps[k + 1] == "."
        and _DAY_MONTH.fullmatch(groups[k]) is not None
        and _MONTH.fullmatch(groups[k + 1]) is not None
        and _YEAR.fullmatch(groups[k + 2]) is not None
    )


def _dot_part_begun(groups: list[str]) -> bool:
    """Whether a part that :func:`_persons` reads as a person's may begin at one of the
    ``groups`` of a run by bare dots alone that is no person's number as a whole
    (:func:`_id_masked`): a group of 2 digits or more from 0 (a phone's, a CCCD's, an old
    CMND's from 0), of 9 digits or more, or of 3 digits from 1-3 with two groups of 3 after it,
    not both '000' (an old CMND's). Not a date's, nor most codes' ('167.06277.001' is asked,
    its '06277'): where none does, the run is kept as read whole, its parts not tried (session
    60, G). (A run grouped as an amount is, to 999 billion, is not asked: :func:`_id_masked`.)"""
    for k, group in enumerate(groups):
        if group == "000":
            continue
        if (group[0] == "0" and len(group) > 1) or len(group) >= 9:
            return True
        if len(group) == 3 and group[0] in "123":
            after = groups[k + 1 : k + 3]
            if len(after) == 2 and all(len(g) == 3 for g in after) and after != ["000", "000"]:
                return True
    return False


def _parts_masked(
    found: re.Match, spaced: bool, written: str, into: list[tuple[int, int]] | None = None
) -> str:
    """A number :data:`ID_IN_TEXT` found whose separators are mixed or spaced ('0912.345 678',
    '0912 - 345 - 678', '0912.345.678 - 0987.654.321'), its parts that are a person's number
    masked (session 53): from the left, the longest run of its groups :func:`_persons` reads
    as one, its separators all one (as session 52 read a number) before mixed ones; a part
    begins and ends at the number's ends, at a separator with a space, or (its separators all
    one) where the separator changes: a date range '01.01.2024-31.12.2024' holds no part
    '01.01.2024-31'; a group alone anywhere (9 digits or more in a row). First without session
    51's 9 to 12 digits grouped by spaces, then, where ``spaced``, that in what is left ('1970
    0912 345.678' is '1970 ********5678', not '********2345.678'). A number grouped by single
    spaces alone is read so without it ('1970 0912 345 678' is '1970 ********5678', '2019 2020
    2021 2022' kept, as session 51 kept it). What is not masked is shown as ``written`` (the
    text :data:`ID_IN_TEXT` read, before :func:`ascii_number_text`) has it."""
    text, code, run_at = found.string, found.group("code"), found.start("run")
    spans = [(run_at + g.start(), run_at + g.end()) for g in _DIGIT_GROUP.finditer(found["run"])]
    seps = [text[spans[k][1] : spans[k + 1][0]] for k in range(len(spans) - 1)]
    mark = _mark_before(text, found.start())
    groups = [text[begin:end] for begin, end in spans]
    dated = _within_dates(groups, seps)
    # the groups of a date by dots, day first ('12.03.2024'): no part by dots holds one
    dot_dated = frozenset(
        m for k in range(len(groups) - 2) if _dot_dated(groups, seps, k) for m in (k, k + 1, k + 2)
    )

    def cut(k: int, sep: str | None, end: bool) -> bool:
        """Whether a part of separators ``sep`` ('' a group alone, None mixed) may end before
        (``end``) or begin after ``seps[k]``: at a space ('0912.345 678 0987.654 321', ' - ',
        '. '; begin only after a space last, not ' .'), or, its separators all one, where
        the separator changes (begin only after a dash: '0912345678-0987.654.321'), or at a
        bare dash, its separators all dashes ('031-826-3304-25': read as after a dash,
        session 57, C2), not within a dashed date ('05-11-2024-11-02-2025': session 57's
        review)."""
        if " " in seps[k] or sep == "":
            return end or sep == "" or seps[k][-1] == " "
        if sep == "-" and seps[k] == "-":
            return k not in dated
        if seps[k] == "." and sep is not None and dot_joins(k, sep, end):
            return True
        return sep is not None and seps[k] != sep and (end or seps[k] == "-")

    def dot_joins(k: int, sep: str, end: bool) -> bool:
        """Whether the bare dot ``seps[k]`` joins two pieces, so that a part of separators
        ``sep`` may begin after it (or, ``end``, end before it): the part is written by another
        mark ('Tổ 12.079 746 5075'), or (begun after it) the dot follows another mark
        ('12-12-1991.0774.395.755'); posted whole until session 59, C2. A part by dots alone,
        at any bare dot not within a date by dots ('12.03.2024.0912.345.678',
        '429.097.********5655.225'), its groups read as :func:`a_part`'s ``among_dots`` says
        (session 60, G; until then only beside a date, C2)."""
        if sep != "." or (not end and k > 0 and seps[k - 1] != "."):
            return True
        return k not in dot_dated or k + 1 not in dot_dated

    def among_dots(i: int, j: int, lo: int, hi: int, fresh: bool = True) -> bool:
        """Whether a part of groups ``i`` to ``j`` by dots alone, begun after or ended before
        a bare dot of the run, may be a person's number: none of its groups is '000' or a
        date's, nor is the group after it '000' (an amount's: '11.100.000.********2319', not
        '100.000.217'; '12.000.000.********5678'). Session 60, G. A '000' group may be in a
        part begun as a phone's ('12.03.2024.********0678': session 60's review, G2)."""
        after = j < hi and seps[j] == "."
        if not (after or (i > lo and seps[i - 1] == ".")):
            return True
        if after and groups[j + 1] == "000" and not (fresh and cmnd_before_000(i, j)):
            return False
        if any(k in dot_dated for k in range(i, j + 1)):
            return False
        zeros = [k for k in range(i, j + 1) if groups[k] == "000"]
        # a phone's '000' group kept in it where it begins as a phone's 4-3-3 or 2-4-4 from 0
        # does (no amount's group after its first is of 2 or 4 digits: '12.03.2024.0912.000.678'
        # was posted whole; session 60's review, G2)
        if not zeros or (groups[i][0] == "0" and len(groups[i]) in (2, 4)):
            return True
        return id_with_000(i, j, lo, hi, zeros)

    # a run by bare dots grouped as an amount is, ending '000' (:func:`_id_masked` reads it
    # whole: '212.345.678.000' is '********8000', 'NM.212.345.678.000' a code's part)
    amount_shaped = (
        set(seps) == {"."}
        and groups[-1] == "000"
        and len(groups[0]) <= 3
        and all(len(group) == 3 for group in groups[1:])
    )

    def cmnd_before_000(i: int, j: int) -> bool:
        """Whether a part of groups ``i`` to ``j`` by dots, the group after it '000', is an
        old CMND by threes none of whose groups is '000' in a run not grouped as an amount
        ending '000' is: an amount that takes the CMND and the '000' after it is of 100
        billion or more, no household's (session 63, C: :func:`_holds_cmnd`), so the CMND is
        the reading ('0912.345.678.********5678.000' of '0912.345.678.212.345.678.000',
        '2024.********5678.000', '********5678.000.********5678': the CMND shown whole until
        session 63's review, R1)."""
        digits = "".join(groups[i : j + 1])
        if groups[i][0] == "0" and (
            _PHONE_DIGITS.fullmatch(digits) or (j - i == 3 and _CCCD_BY_SIXES.fullmatch(digits))
        ):
            # a telephone number called today from its first group's 0, as a phone's 4-3-3 or
            # 2-4-4, or a CCCD by threes ('0912.345.678.000', '035.198.000.342.000': no amount
            # begins with 0, nor takes the number's first group; posted whole until session
            # 64, C; a phone's digits not called today too, '0123.456.789.000', as '0123.456.789'
            # alone and '0123 456 789 000': posted whole until session 65, C)
            return True
        if i == 0 and code is not None and code[0] == "(":
            # a landline after its area code in brackets ('(028) 3825.1234.000': posted whole
            # until session 65, C; by spaces or dashes masked)
            return _PHONE_DIGITS.fullmatch(code[1 : code.index(")")] + digits) is not None
        if groups[i] == "84" and _CALLABLE.fullmatch(phone_from_0(i, j)):
            # so after the country's code as its first group, its 0 left off
            # ('84.912.345.678.000': posted whole, and its twin by spaces '84 912 345 678 000'
            # kept as it since session 64, C; session 64's review, RC)
            return True
        return (
            not amount_shaped
            and j - i == 2
            and "000" not in groups[i : j + 1]
            and _cmnd_by_threes(groups[i : j + 1])
        )

    def phone_before_000(i: int, j: int, hi: int) -> bool:
        """Whether a part of mixed separators from group ``i`` to group ``j`` may end before a
        bare dot and the run's last group '000': a telephone number called today from its
        first group's 0 ('0912.345 678.000', '09 12.345.678.000': no amount begins with 0;
        the phone posted whole until session 64, C), as one by dots alone
        (:func:`cmnd_before_000`)."""
        return (
            j + 1 == hi == len(groups) - 1
            and seps[j] == "."
            and groups[hi] == "000"
            and _PHONE_DIGITS.fullmatch(phone_from_0(i, j)) is not None
        )

    def phone_from_0(i: int, j: int) -> str:
        """The digits of groups ``i`` to ``j`` as a telephone number's from its 0: as they are
        from a 0, after the country's code as the first group ('84 912.345.678', its 0 left
        off) from it; '' otherwise (session 64's review, RC)."""
        digits = "".join(groups[i : j + 1])
        if groups[i][0] == "0":
            return digits
        return "0" + digits[2:] if groups[i] == "84" and j > i else ""

    def id_with_000(i: int, j: int, lo: int, hi: int, zeros: list[int]) -> bool:
        """Whether a part of groups ``i`` to ``j`` by dots alone holding the '000' groups
        ``zeros`` may be a person's number by threes: one '000', neither its first group nor
        its last (an amount's last groups are '000'; no CCCD's or CMND's first is), in a CCCD
        (12 digits from 0, its century digit 0-3: '429.********5225' of
        '429.097.000.155.655.225'), or in an old CMND 3.3.3 whose '000' no amount begun right
        before the part ends: the group before it by a bare dot (not before ``lo``, where a part
        masked before it ends: '0912.345.678.********0319') of 1-3 digits not from 0, an
        amount's first ('11.100.000.********0319' of '11.100.000.212.000.319', yet no part
        '100.000.217' of '11.100.000.217.612.319'). Session 61, E (posted whole since session
        60, G). Such an amount is the reading only where a person's number begins right after
        its '000' (a part from the group after it, as :func:`a_part` reads one: the CMND
        '217.612.319' whose first group the part would take); where none does, the CMND is
        the one reading holding a person's number, masked ('1.500.********0319' of
        '1.500.212.000.319': posted whole until session 62, E)."""
        if (
            len(zeros) > 1
            or zeros[0] == j
            or (zeros[0] == i and not (i == 0 and j - i in (2, 3)))
            or any(len(groups[k]) != 3 for k in range(i, j + 1))
        ):
            # (a '000' first: an amount's last group, save the run's own first, which no
            # amount's is: a CCCD's shape by threes from it, as the run alone reads it
            # ('********8832.504' of '000.221.138.832.504', as '000.221.138.832' is '********8832';
            # '000.********2504' until session 67, E))
            return False
        if j - i == 3:
            return _CCCD_BY_SIXES.fullmatch("".join(groups[i : j + 1])) is not None
        head = groups[i - 1] if i > lo and seps[i - 1] == "." else "0"
        if j - i != 2:
            return False
        if len(head) > 3 or head[0] == "0":
            return True
        return not any(a_part(j, k, j, hi, False, 0) for k in range(hi, j, -1))

    amount: list[bool] = []

    def dash_priced(j: int) -> bool:
        """Whether a part by dashes begun after a bare dash of the run and ending at group
        ``j`` is an amount by a currency after it: where it ends in an amount's '000', as no
        part by dots does (:func:`among_dots`: '0912-345-678-212-500-000 đồng'), or the run
        by bare dashes is itself an amount before its currency to 9 billion ('1-212-345-678
        đồng', as 'Vay 1.212.345.678 đồng' by dots, :func:`_billions_kept`); not otherwise,
        the currency the run's ('12-03-2024-********5678 đồng', '12-********8900 đồng': posted
        whole until session 63, C)."""
        if groups[j] == "000":
            return True
        if not amount:
            digits = "".join(groups)
            amount.append(
                set(seps) == {"-"}
                and len(digits) <= 10
                and _an_amount(groups, {"-"}, digits, text, spans[0][0], spans[-1][1])
            )
        return amount[0]

    def a_part(i: int, j: int, lo: int, hi: int, spaced: bool, begun: int | None = None) -> bool:
        """Whether groups ``i`` to ``j`` (of the stretch ``lo`` to ``hi`` read) are a part
        that is a person's number; one by dots begun after a bare dot after group ``begun``
        (``lo`` where None) no amount by the run's currency."""
        inner = set(seps[i:j])
        sep = None if len(inner) > 1 else next(iter(inner), "")
        if (i > lo and not cut(i - 1, sep, False)) or (
            j < hi and not (cut(j, sep, True) or (sep is None and phone_before_000(i, j, hi)))
        ):
            return False
        if sep == "." and not among_dots(i, j, lo, hi, begun != -1):
            return False
        dashed = sep == "-" and ((i > lo and seps[i - 1] == "-") or (j < hi and seps[j] == "-"))
        return _persons(
            code if i == 0 else None,
            [text[begin:end] for begin, end in spans[i : j + 1]],
            {between.strip() or " " for between in inner},
            text,
            spans[i][0],
            spans[j][1],
            "-" if dashed else mark if i == 0 else "",
            spaced,
            # a part by dots begun after a bare dot: a currency after the run is the run's,
            # no part's ('12.000.000.********5678 đồng'; session 61, E); one begun after an
            # amount's '000' (:func:`id_with_000`) so too (``begun`` 0, session 62, E); by
            # dashes after a bare dash so too (:func:`dash_priced`; session 63, C)
            not (
                (sep == "." or (sep == "-" and not dash_priced(j)) or (begun == -1 and sep))
                and i > (lo if begun is None else max(begun, 0))
                and seps[i - 1] == sep
            ),
        )

    def parts(lo: int, hi: int, spaced: bool) -> list[tuple[int, int]]:
        found_parts, i = [], lo
        while i <= hi:
            for mixed in (False, True):
                j = next(
                    (j for j in range(hi, i - 1, -1)
                     if (len(set(seps[i:j])) > 1) == mixed and a_part(i, j, lo, hi, spaced)),
                    None,
                )  # fmt: skip
                if j is not None:
                    found_parts.append((i, j))
                    i = j
                    break
            i += 1
        return found_parts

    def read_on(i: int, s: int, k: int) -> int | None:
        """``begun`` for a person's number read on from group ``s`` of a part masked from
        group ``i`` to group ``k`` past its end: begun after a bare dot within the part, the
        run's currency is the run's, no such number's ('100.212.345.678 đồng': the CMND
        '212.345.678' after '100', not an amount of 212 million, '********5678 đồng'; its
        '2345.678' shown until session 62, R3); not where one of its groups is '000' (an
        amount's: '03/10/1993.********8221.700.000 đồng' keeps its 700,000 đồng)."""
        if s > i and groups[k] != "000":
            return -1
        return None

    masked = parts(0, len(spans) - 1, False)
    gaps = zip([-1] + [j for _, j in masked], [i for i, _ in masked] + [len(spans)], strict=True)
    masked += [p for lo, hi in gaps if lo + 1 < hi for p in parts(lo + 1, hi - 1, spaced)]
    masked.sort()
    at = 0
    while at < len(masked):
        # a person's number read from a part's group on past its end: the part took its start
        # ('12 03 2024 0912 345 678': '03 2024 0912' a phone's shape read first, '0912' shown;
        # '223 095 964 9249': '223 095 964' an old CMND's, '5964 9249' shown): masked with the
        # part ('12 ********5678', '********9249'), a part it reaches into too ('01 03 2024 001
        # 094 012 345': '********2345'; '036 747 664 052-574-7891', a CCCD's shape that took
        # the phone's '052': '********7891'; session 56's review)
        (i, j), last = masked[at], len(spans) - 1
        k = next((k for s in range(i, j + 1) for k in range(last, j, -1)
                  if a_part(s, k, s, last, False, read_on(i, s, k))), None)  # fmt: skip
        if k is None:
            at += 1
            continue
        while at + 1 < len(masked) and masked[at + 1][0] <= k:
            k = max(k, masked.pop(at + 1)[1])
        masked[at] = (i, k)  # read again from its new end
    out, at = [], found.start()
    for i, j in masked:
        begin = found.start() if i == 0 else spans[i][0]
        if into is not None:  # the parts' places (:func:`_dotted_twin`)
            into.append((begin, spans[j][1]))
        out.append(written[at:begin])
        out.append(_masked_digits(_BETWEEN_GROUPS.sub("", text[spans[i][0] : spans[j][1]])))
        at = spans[j][1]
    out.append(written[at : found.end()])
    return "".join(out)


def _glued_apart(found: re.Match, first: int, sep: str, written: str) -> str | None:
    """A number :data:`ID_IN_TEXT` found whose first group (``first`` digits) is glued to a
    letter before it, or to a letter and a dash or a dot ('NM-01 0912345678', a code's dash:
    session 55, R7), and followed by a separator ``sep`` with a space ('NM1 0912345678'): the
    group a code's part, not a spaced number's ('NM1 ********5678', not 'NM********5678';
    'NM-01 ********5678', not 'NM-********5678'), where what follows it holds a person's
    number; None where it holds none ('ĐT0912 345 678', 'ĐT.0912 345 678': read whole).
    Session 55, J."""
    at, text = found.start(), found.string
    glued = at > 1 and text[at - 1] in _AFTER_MARK and text[at - 2].isalpha()
    if at == 0 or not (glued or text[at - 1].isalpha()):
        return None
    digits = _BETWEEN_GROUPS.sub("", found["run"])
    if len(digits) >= 13 and _id_labelled(text, at, True):
        # a longer run after an ID's label glued to it: read whole where that masks it whole or
        # leaves it whole to the label's net (:func:`_labelled_left`, which masks it whole), as
        # after a space ('CCCD-********2000đ' of 'CCCD-9918 5905 172 000đ', as 'CCCD
        # ********2000đ'; 'CCCD-9918 ********2000đ', the first group a code's, until session 66,
        # G); its parts read as before otherwise, the first group a code's ('DTDD.1107
        # ********4824', where the whole's parts show more: 'DTDD 1107 ********3574 824')
        whole = _id_masked(found, written, apart=False)
        if whole in (_masked_digits(digits), written[at : found.end()]):
            return whole
    elif len(digits) >= 9 and (
        _id_labelled(text, at, True)
        or (
            text[at - 1] in _AFTER_MARK
            and _id_labelled(text, at)
            and _spaced_amount_000(_DIGIT_GROUP.findall(found["run"]))
        )
    ):
        # an ID's label glued to a number of an ID's length ('CCCD-96 543 210 000', 'SĐT.12 345
        # 678 000'): no code's part, the label's number read whole, as after a space (its first
        # group shown until session 65, C); 'ĐT' alone a code's letters here ('ĐT-12', a
        # hamlet's initials), save before a dot or a dash and an amount by spaces ending '000'
        # (its dot or dash a label's, as in 'ĐT.0912345678', session 53, R3, and 'SĐT-12 345
        # 678 000', session 65, C): 'ĐT.12 345 678 000' and 'ĐT-12 345 678 000' kept as 'ĐT 12
        # 345 678 000', 'ĐT. 12 345 678 000' and by dots 'ĐT-12.345.678.000' are ('ĐT.12
        # ********8000' until session 66, G; 'ĐT-12 ********8000' until session 67, E)
        return None
    rest_at = at + first + len(sep)
    rest = ID_IN_TEXT.match(text, rest_at)
    if rest is None or rest.end() != found.end():
        return None
    # after a word's dash or dot, the group a person's number's ('Vay-033 008 133 201'; 'và.074
    # 256 485 493', 'Hộ 3 người.090 339 728 248': its '074' posted until session 60, G)
    if glued and _begins_number(text, at, first, rest, sep):
        return None
    shown = _id_masked(rest, written)
    if shown == written[rest_at : found.end()]:
        # shown as written on its own (an amount by its currency): the group kept where the
        # whole is an old mobile ('NM-01 ********5678 đồng' of 'NM-01 212.345.678 đồng', as
        # 'NM 01 …': :func:`_code_number_kept`; 'NM-********5678 đồng' until session 64, C)
        kept = _code_number_kept(text, at, first, rest, written)
        return kept if kept is not None and "*" in kept else None
    return written[at:rest_at] + shown


# The word before a number's first group of 1 to 3 digits, apart from it by a space, that makes
# the group a code's or a hamlet's number, not a spaced number's first group ('NM 01
# 0912345678', 'Xóm 3 0912345678', 'Tổ 12 0912 345 678': :func:`_code_word_apart`; session 56):
# a code's capitals, 1 to 4 ('NM', 'TL'), or a hamlet's or a unit's word (any case, marks or
# none: 'xóm', 'thôn', 'bản', 'tổ', 'khu', 'hộ'…). Not an ID's label ('CCCD 001 204012345':
# the group is the ID's; :data:`_ID_LABEL_BEFORE`). A word typed decomposed (NFD: 'Xóm' with
# its mark apart) is read composed
_WORD_BEFORE = lazyre.compile(r"(?<![\w\u0300-\u036f])((?:[^\W\d_]|[\u0300-\u036f])+) \Z")
_CODE_WORDS = frozenset(
    ("xom", "thon", "ban", "buon", "bon", "lang", "ap", "khom", "khu", "to", "doi", "ho", "tdp",
     "kp", "pho", "phum", "soc")
)  # fmt: skip
_LABEL_WORDS = frozenset(("cmnd", "cccd", "cmt", "sdt", "dt", "dtdd", "dtcd"))


# The first two digit groups of a run, apart by a single space or a bare dot
# (:func:`_number_begun`)
_TWO_APART = lazyre.compile(r"([0-9]+)([ .])([0-9]+)(?![0-9])")


def _number_begun(group: str, run: str, sep: str) -> bool:
    """Whether a small ``group`` and the first two groups of the ``run`` after it, all apart by
    single spaces (``sep`` too), begin a person's number by their shape: an old CMND's, or a
    CCCD's first nine, by threes from 0-3 (:func:`_cmnd_by_threes`: '070 035 762 336 906',
    '182 045 752 537'), or a phone's 3-3-4 or 2-4-4 from 0 ('034 514 1275 536', '09 2398 4686
    922'): the group no code's number then (session 56, Q). So all apart by bare dots
    ('NM 070.035.762.336.906', :func:`_code_word_apart`'s dot; session 62, E)."""
    two = _TWO_APART.match(run)
    if sep not in (" ", ".") or two is None or two[2] != sep:
        return False
    groups = [group, two[1], two[3]]
    if _cmnd_by_threes(groups):
        return True
    shape = [len(g) for g in groups]
    return shape in ([3, 3, 4], [2, 4, 4]) and bool(_PHONE_DIGITS.fullmatch("".join(groups)))


def _begins_number(text: str, at: int, first: int, rest: re.Match, sep: str) -> bool:
    """Whether the group of ``first`` digits at ``at`` in ``text``, before ``sep`` and the
    number ``rest`` (:data:`ID_IN_TEXT`'s), is a person's number's first, no code's: with it 12
    digits from 0, a CCCD's, no phone's ('001 094 012 345', 'A 001 204012345'), or it begins
    one before more groups (:func:`_number_begun`: '070 035 762 336 906'), or with the next
    group or two by single spaces it is a phone's 4-6 or 4-3-3 (:data:`_CALLABLE`: '0779
    864986', '0902 259 310'). Sessions 56 and 57 (C2: after a word's dash, 'Vay-033 008 133
    201', 'VAY-0875 464 429-191')."""
    digits = "".join(_DIGIT_GROUP.findall(rest["run"]))
    if first + len(digits) == 12 and text[at] == "0" and not _PHONE_DIGITS.fullmatch(digits):
        return True
    lead = _SPACED_LEAD.match(rest["run"])
    if first == 4 and sep == " " and lead is not None:
        for groups in ([lead[1]], [lead[1], lead[2]] if lead[2] else []):
            shape = [len(group) for group in groups]
            if shape in ([6], [3, 3]) and _CALLABLE.fullmatch(text[at : at + 4] + "".join(groups)):
                return True
    return _number_begun(text[at : at + first], rest["run"], sep)


# The first group of a run and the second where a single space is between them
_SPACED_LEAD = lazyre.compile(r"([0-9]+)(?: ([0-9]+)(?![0-9]))?")


def _code_word_apart(found: re.Match, first: int, sep: str, written: str) -> str | None:
    """A number :data:`ID_IN_TEXT` found whose first group (``first`` digits, 1 to 3) follows a
    code's or a hamlet's word and a space (:data:`_WORD_BEFORE`) and is followed by a separator
    ``sep`` with a space: the group the code's or the hamlet's number, kept ('NM 01
    ********5678', 'Xóm 3 ********5678', 'Tổ 12 ********5678'; not 'NM ********5678'), where
    what follows it is on its own a person's number masked whole and not written as an amount
    is (digits from 1-9 grouped by threes: 'Tổ 1 500 000 000', '212 345 678' read whole as
    before), nor with the group 12 digits from 0, a CCCD's, the group its province's ('Lò Văn
    A 001 094 012 345' is 'Lò Văn A ********2345': session 56's review), nor where the group
    begins a person's number before more groups (:func:`_number_begun`: 'NM 070 035 762 336
    906' is 'NM ********6906'; session 56, Q). None otherwise.
    Session 56. A bare dot ``sep`` after the group is read as the space ('NM 01.********5678'
    as 'NM 01 ********5678', 'Xóm 3.********8388'; 'NM ********5678' until session 62, E): what
    follows it read as after a space, on its own, the run's currency no amount of it (the
    whole masked anyway: 'NM 01.********5678 đồng'), and a code's word glued to a dash before
    the group read as before a space ('NM-01.********5678', as 'NM-01 ********5678' of session
    55, R7: both 'NM ********5678 đồng', 'NM-********5678' until session 63, C)."""
    at, text = found.start(), found.string
    dashed = sep == "." and at > 1 and text[at - 1] == "-"
    if first > 3 or at < 2 or (text[at - 1] != " " and not dashed):
        return None
    word = _WORD_BEFORE.search(f"{text[: at - 1]} " if dashed else text, max(0, at - 16), at)
    if word is None:
        return None
    letters = nfc(word.group(1))
    folded = fold(letters)
    if folded in _LABEL_WORDS or not (
        folded in _CODE_WORDS or (len(letters) <= 4 and letters.isupper())
    ):
        return None
    rest_at = at + first + len(sep)
    rest = ID_IN_TEXT.match(
        text if sep != "." else f"{text[: rest_at - 1]} {text[rest_at : found.end()]}", rest_at
    )
    if rest is None or rest.end() != found.end() or rest["code"] is not None:
        return None
    groups = _DIGIT_GROUP.findall(rest["run"])
    digits = "".join(groups)
    if _begins_number(text, at, first, rest, sep):
        return None  # a CCCD from 0 ('001 094 012 345'), or before more ('NM 070 035 762 336 906')
    if len(groups) > 1 and digits[0] != "0" and len(groups[0]) <= 3:
        if all(len(group) == 3 for group in groups[1:]) and not _cmnd_by_threes(groups):
            if len(groups) == 3 and groups[1:] == ["000", "000"]:
                # a round amount after the code's number ('NM 01.200.000.000 đồng', 'NM 01
                # 200.000.000'): the code and the amount kept, as written; the whole's reading
                # as an old mobile (01200000000) ends in six '0', one in a million, an amount
                # so every other note (as :func:`_round_amount`; 'NM ********0000 đồng' until
                # session 63's review, R1)
                return written[at : found.end()]
            # an amount's writing ('500 000 000', '212.345.678'): read whole, save where it is
            # shown as written on its own after a space (an amount by its currency or of 10
            # digits or more by spaces) and the code's number is not from 0: 'Tổ 1 12 000 000
            # 000 đồng' (a unit's number and 12 billion; 'Tổ ********0000 đồng' until session
            # 64, C). A person's number across the code's number and the rest is one the code's
            # number begins (a phone's, a CCCD's, from 0; an old CMND's by threes,
            # :func:`_begins_number`)
            if sep != " " or _id_masked(rest, written) != written[rest_at : found.end()]:
                return None
            if text[at] == "0":
                return _code_number_kept(text, at, first, rest, written)
            whole = text[at : at + first] + digits
            if whole[:2] == "84" and (
                _CALLABLE.fullmatch("0" + whole[2:11]) or _CALLABLE.fullmatch("0" + whole[2:12])
            ):
                # ... nor one after the country's code the number and the rest begin: 'NM 84
                # 912 345 678 đồng', 'Xóm 8 4 912 345 678 đồng' (the phone 0912345678 after
                # '84', read whole as before: posted whole since session 64, C, until its
                # review, RC)
                return None
            return written[at : found.end()]
    shown = _id_masked(rest, written)
    if sep == " " and shown == written[rest_at : found.end()]:
        return _code_number_kept(text, at, first, rest, written)
    # (or masked before a count and its word: 'Tổ 3 ********5678 2 khẩu', :func:`_count_after`)
    if shown != _masked_digits(digits) and shown != _count_after(rest, groups, written):
        return None
    return written[at:rest_at] + shown


def _code_number_kept(text: str, at: int, first: int, rest: re.Match, written: str) -> str | None:
    """A code's or a hamlet's number '01' (``first`` digits at ``at`` in ``text``) and the
    number ``rest`` after it and a space, which :func:`_id_masked` shows as written on its own
    (an amount by its currency, 'NM 01 212.345.678 đồng'), whose whole is a person's number only
    as a telephone number's digits: an old mobile, 01 and 9 digits, the rest masked and the
    code's '01' kept, every old mobile's first two digits ('NM 01 ********5678 đồng', as 'NM
    01.********5678 đồng' by a bare dot: 'NM ********5678 đồng' until session 64, C); 01 and 8
    digits, no telephone number of any year ('NM 01 12.345.678 đồng': an amount of 12 million,
    'NM ********5678 đồng' until then), kept as written. None otherwise (read whole, as before:
    'NM 09 12.345.678 đồng' is 'NM ********5678 đồng', the phone's '09' not shown)."""
    if first != 2 or text[at : at + 2] != "01":
        return None
    digits = "".join(_DIGIT_GROUP.findall(rest["run"]))
    if len(digits) == 9 and _CALLABLE.fullmatch("01" + digits):
        return written[at : rest.start()] + _masked_digits(digits)
    if len(digits) == 8:
        return written[at : rest.end()]
    return None


# What joins two digit groups of a number by '/' or ',': a '/', perhaps with a space either
# side ('0912/345/678', '0912 / 345 / 678', '0912/ 345/ 678'), or a bare ',' ('0912,345,678';
# ', ' with its space is a list's, '03, 05, 07': left to ID_IN_TEXT), the full-width '／' and
# '，' read as they are (:data:`SLASH_LOOKALIKES`; session 59, C)
_SLASH_JOINER = r"(?: ?/ ?|,)"
# ... or any of ID_IN_TEXT's separators, a number's writing mixing them ('0912 345/678',
# '0912.345/678', '0912/345,678'; session 59, C)
_RUN_JOINER = rf"(?:{_SLASH_JOINER}|{NUMBER_SEPARATOR})"
# A run of digit groups (:data:`_RUN_JOINER`), at least two of them by '/' or ',', of 9 digits
# or more ('0912/345/678', 'CCCD 001204/012345', '01/03/2024/0912/345/678', '24 06 2025
# 0370/970/096', '0912 / 345 / 678'; no date's '12/03/2024', nor most amounts',
# '1,200,000'): :data:`ID_IN_TEXT` reads no '/' nor ',' within a number. Its parts of a
# person's number's shape are masked (:func:`_slashed_parts`; session 58, C). The one look for
# such a number, of :func:`mask_ids_in` and :func:`may_hold_id` alike; begun by a digit, so
# that it is looked for in C, a note without paying a try at each place (session 59, C: the
# look within ID_IN_TEXT and its first look cost an ordinary note +3 %)
_SLASHED_RUN = lazyre.compile(
    # a group's first digit, not after a digit
    r"[0-9](?<![0-9]{2})"
    # two of its groups by '/' or ','
    rf"(?=[0-9]*+(?:{NUMBER_SEPARATOR}[0-9]++)*+{_SLASH_JOINER}[0-9])"
    # 9 digits or more
    rf"(?=(?:{_RUN_JOINER}?[0-9]){{8}})"
    rf"[0-9]*+(?:{_RUN_JOINER}[0-9]++)++"
)
# The country's code right before a run ('+84 912/345/678', '(+84) 912/345/678')
_CODE_BEFORE = lazyre.compile(rf"(?:\+84|\(\+84\)){NUMBER_SEPARATOR}?\Z")


def _slashed_dated(groups: list[str], seps: list[str]) -> frozenset[int]:
    """The groups of a run by '/' or ',' (``groups``, apart by ``seps``, each its mark or ' ')
    inside a date: three groups by one mark, day first or year first ('01/03/2024',
    '2024/03/01', '12.03.2024'), or a month and a year by '/' ('03/2024'). No part of a
    person's number holds one: '01/03/2024/0912/345/678' is a date and a phone;
    '02/04/1994/141' (a landline's 11 digits by 2-2-4-3) a date and a small number."""
    inside: set[int] = set()
    for k in range(len(groups) - 1):
        a, b = groups[k : k + 2]
        if k + 2 < len(groups) and seps[k] == seps[k + 1]:
            c = groups[k + 2]
            if (_DAY_MONTH.fullmatch(a) and _MONTH.fullmatch(b) and _YEAR.fullmatch(c)) or (
                _YEAR.fullmatch(a) and _MONTH.fullmatch(b) and _DAY_MONTH.fullmatch(c)
            ):
                inside.update((k, k + 1, k + 2))
                continue
        # a month and a year by '/' ('03/2024/0912/345/678'), not where they and one group
        # more by '/' are all the run's groups so joined, a phone's 2-4-4 ('05/1953/1423',
        # '05/1953/1423 12-03-2024')
        phone = (
            k + 2 < len(groups)
            and seps[k + 1] == "/"
            and (k == 0 or seps[k - 1] != "/")
            and (k + 3 == len(groups) or seps[k + 2] != "/")
            and _CALLABLE.fullmatch("".join(groups[k : k + 3]))
        )
        if seps[k] == "/" and _MONTH.fullmatch(a) and _YEAR.fullmatch(b) and not phone:
            inside.update((k, k + 1))
    return frozenset(inside)


def _slashed_person(
    groups: list[str],
    marks: set[str],
    text: str,
    start: int,
    end: int,
    coded: bool,
    priced: bool = True,
) -> bool:
    """Whether digit ``groups`` apart by ``marks`` (one or more of '/', ',', '.', '-', ' ', at least
    one '/' or ','), from ``start`` to ``end`` in ``text``, are a person's number's shape: a phone
    called today (:data:`_CALLABLE`) in 2 to 4 groups of 2 to 4 digits, not all of 2
    ('0912/345/678', '09/1234/5678', '0912 345/678'), or in two, the first of 2 to 4
    ('0912/345678'), after the country's code too (``coded``: '(+84) 912/345/678'; or its first
    group '84' or from 84, '84/912/345/678', '+84912/345/678'; its 0 left off); a CCCD
    (:data:`_CCCD_BY_SIXES`: 12 digits from 0, its century digit 0-3) by threes or 6-6
    ('001,204,012,345', '001204/012345'); an old CMND by threes from 0-3 (:func:`_cmnd_by_threes`),
    by ',' alone not where it is an amount as :func:`_an_amount` reads one grouped by dots
    ('212,345,678 đồng' kept; 'CMND 212,345,678 đồng', '212,345,678 đồng bào', '212,345,678 Đồng
    Kè', '012,345,678 đồng' masked: session 58's review). Not a document's number, its code, year
    and serial by '/' ('012/2024/0005': an old mobile's 11 digits 3-4-4 from 01, its middle group a
    year; session 59, C). Not ``priced``: a currency after it the run's, no amount's (session
    63, C, as :func:`_persons`)."""
    digits = "".join(groups)
    shape = [len(group) for group in groups]
    phone, lead = digits, shape
    if coded and digits[0] != "0":  # ('(+84) 0968,206703' read as without it)
        phone, lead = "0" + digits, [shape[0] + 1, *shape[1:]]
    elif digits[:2] == "84" and (shape[0] > 2 or len(groups) > 2):  # its first group '84…'
        phone = "0" + digits[2:]
        lead = [shape[0] - 1, *shape[1:]] if shape[0] > 2 else [shape[1] + 1, *shape[2:]]
    if _CALLABLE.fullmatch(phone) and _PHONE_GROUP_FEWEST <= lead[0] <= _PHONE_GROUP_MOST:
        if len(lead) == 2 or (len(lead) <= 4 and 2 < max(lead) <= _PHONE_GROUP_MOST):
            return coded or not (
                shape == [3, 4, 4] and digits[:2] == "01" and _YEAR.fullmatch(groups[1])
            )
    if _CCCD_BY_SIXES.fullmatch(digits) and shape in ([3, 3, 3, 3], [6, 6]):
        return True
    if _cmnd_by_threes(groups):
        return marks != {","} or not _an_amount(groups, marks, digits, text, start, end, priced)
    return False


def _slashed_parts(run: re.Match) -> list[tuple[int, int]]:
    """The spans in the text of the parts of a :data:`_SLASHED_RUN` ``run`` that are a
    person's number (:func:`_slashed_person`), each with a '/' or ',' between two of its
    groups, from the left, the longest first, none holding a group of a date
    (:func:`_slashed_dated`); a part beginning the run after the country's code
    (:data:`_CODE_BEFORE`) from the code. Session 58, C; session 59, C (marks mixed or
    spaced, after '+84')."""
    text, begin = run.string, run.start()
    spans = [(begin + g.start(), begin + g.end()) for g in _DIGIT_GROUP.finditer(run.group())]
    groups = [text[a:b] for a, b in spans]
    seps = [text[spans[k][1] : spans[k + 1][0]].strip() or " " for k in range(len(spans) - 1)]
    dated = _slashed_dated(groups, seps)
    code = _CODE_BEFORE.search(text, max(0, begin - 8), begin)
    # first the parts by one mark, '/' or ',' (as session 58 read them), then in what is left
    # those mixing it with another or with spaces: '351 298 149/743/365' is a CMND by spaces
    # and one by '/' ('149/743/365' read first, then the two masked as one by
    # :func:`_slashed_masked`), not '351 ' and a CMND '298 149/743'
    taken: list[tuple[int, int]] = []

    def apart(k: int) -> bool:
        """Whether a part of mixed marks may not begin or end at ``seps[k]``: within a number
        grouped by a dot or a dash ('356.321.223/007.144.026.859', two numbers joined by '/',
        holds no CMND '223/007.144'), not at the run's ends, a space, a '/' or a ','."""
        return 0 <= k < len(seps) and seps[k] in ".-"

    def within(i: int, j: int) -> bool:
        """Whether the first or the last group of a part of mixed marks (``i`` to ``j``) is
        within a number by spaces, dots or dashes begun before it (after any date) or going on
        after it that :data:`ID_IN_TEXT` reads and the list masks: '0869 156 404/678' (a
        phone by spaces, then '/678') holds no CMND '156 404/678' (pieces joined by '/');
        '0912 345/678' is a phone."""
        for k, outside in ((i, i > 0 and seps[i - 1] not in "/,"),
                           (j, j < len(seps) and seps[j] not in "/,")):  # fmt: skip
            if outside:
                while k > 0 and seps[k - 1] not in "/," and k - 1 not in dated:
                    k -= 1
                found = ID_IN_TEXT.match(text, spans[k][0])
                if found is not None and "*" in _id_masked(found):
                    return True
        return False

    # of an ID's length right after an ID's label ('CCCD: 34,198,765,000', 'SĐT 1,234,567,000';
    # session 64's review, RC; 'SĐT: 912,345,678', 'Số CCCD: 96,543,210,000', session 65, C),
    # as by spaces and dots (:func:`_persons`): masked whole
    if (
        set(seps) == {","}
        and code is None
        and text[begin - 1 : begin] != "+"
        and _labelled_run(groups, {","}, text, begin, spans[-1][1])
    ):
        return [(spans[0][0], spans[-1][1])]
    # a run by ',' alone written as an amount is, ending '000' ('12,345,678,000',
    # '100,212,345,000'): read as its twin by dots (:func:`_dotted_twin`; '12,345,678,000' kept
    # as '12.345.678.000' is, '12,********8000' until session 64, C; '100,212,345,000 đồng'
    # '********5000 đồng', 10 billion or more holding an old CMND, as by dots and spaces, its
    # ',000' shown until then; '12,217,000,628,204,000đ' '12,********4000đ', '94,********6373,
    # 761,000,000đ' where the dots' parts mask, session 65, C)
    if (
        set(seps) == {","}
        and groups[-1] == "000"
        and len(groups[0]) <= 3
        and groups[0][0] != "0"
        and all(len(group) == 3 for group in groups[1:])
    ):
        dotted = _dotted_twin(text, spans)
        if dotted is not None:
            return dotted
    if (
        set(seps) == {","}
        and len(groups) <= 4
        and len(groups[0]) == 4
        and groups[0][0] == "0"
        and code is None
    ):
        # a run by ',' alone of 3 or 4 groups from a phone's first group of 4 from 0 (no
        # amount's first digit; a list of codes is of equal groups, '001,002,003') read as its
        # twin by dots where the twin masks (a longer run read as before) ('0123,456,789,000' '********6789,000', '0123,456,789' '********6789'
        # as '0123.456.789.000' and '0123.456.789' are: posted whole until session 65's
        # review, RC)
        dotted = _dotted_twin(text, spans)
        if dotted:
            return dotted

    amount: list[bool] = []

    def priced(i: int, j: int, marks: set[str]) -> bool:
        """Whether the currency after a part from group ``i`` to group ``j`` by ``marks`` may
        make it an amount: not where it is begun after a ',' of a run by ',' alone, the
        currency the run's, as a part's by dots begun after a bare dot (:func:`_parts_masked`;
        '12,********8900 đồng' of '12,345,678,900 đồng', posted whole until session 63, C),
        save where the part ends in an amount's '000' (as by dashes, :func:`_parts_masked`'
        ``dash_priced``, and by dots, where no part ends before a '000': '12,345,678,000 đồng'
        and '16,357,337,000 đồng' kept as '12.345.678.000 đồng' is; session 63's review, R1)
        or the run is an amount before its currency to 9 billion ('1,212,345,678 đồng', as
        'Vay 1.212.345.678 đồng' by dots: :func:`_billions_kept`). (In a run of more marks
        the part would keep a number of another mark from being read across it: 'NM
        01.460,992,257,372,171 VNĐ', a phone by '.' and ',' then a CMND's end, left.)"""
        if marks != {","} or i == 0 or groups[j] == "000":
            return True
        if not amount:
            digits = "".join(groups)
            amount.append(
                set(seps) != {","}
                or (
                    len(digits) <= 10
                    and _an_amount(groups, {","}, digits, text, spans[0][0], spans[-1][1])
                )
            )
        return amount[0]

    def fits(i: int, j: int, mixed: bool, read_on: bool = False) -> bool:
        """Whether groups ``i`` to ``j`` are a part of one mark (or, ``mixed``, of more) that
        is a person's number; one read on past a part's end (``read_on``) by the run's
        currency no amount (session 63, C, as :func:`_parts_masked`' ``read_on``)."""
        marks = set(seps[i:j])
        return (
            (len(marks) > 1 if mixed else marks in ({"/"}, {","}))
            and not (mixed and (apart(i - 1) or apart(j) or within(i, j)))
            and not marks.isdisjoint("/,")
            and held.isdisjoint(range(i, j + 1))
            and _slashed_person(
                groups[i : j + 1], marks, text, spans[i][0], spans[j][1],
                i == 0 and code is not None, not read_on and priced(i, j, marks),
            )
        )  # fmt: skip

    for mixed in (False, True):
        held = dated.union(*(range(i, j + 1) for i, j in taken))
        i = 0
        while i < len(groups) - 1:
            found = next(
                (j for j in range(min(i + 3, len(groups) - 1), i, -1) if fits(i, j, mixed)), None
            )
            if found is None:
                i += 1
                continue
            # a person's number read from a group of the part on past its end ('100,212,345,678
            # đồng': the CMND '212,345,678' after '100,212,345', whose '2345,678' the part's
            # mask showed): masked with it ('********5678 đồng'; session 63, C, as session 62's
            # review, R3, reads a part by dots on), not one holding an amount's '000'
            # ('212,345,678,000' is '********5678,000'); after a part of more marks, one of one
            # mark too ('NM 01.460,992,257,372,171 VNĐ': the CMND '257,372,171' after the old
            # mobile '01.460,992,257', 'NM ********2171 VNĐ'). Parts are then looked for from
            # the part's own end, a part they overlap masked with it (:func:`_slashed_masked`:
            # '0763,137,271,179,000,595', the phone, the CMND '137,271,179' read on, and the CMND
            # '179,000,595', is '********0595')
            end = found
            while True:
                more = next(
                    (k for s in range(i + 1, found + 1)
                     for k in range(min(s + 3, len(groups) - 1), found, -1)
                     if "000" not in groups[s : k + 1]
                     and (fits(s, k, mixed, True) or (mixed and fits(s, k, False, True)))),
                    None,
                )  # fmt: skip
                if more is None:
                    break
                found = more
            taken.append((i, found))
            i = end + 1
    parts = []
    for i, j in sorted(taken):
        begin = spans[i][0]
        if i == 0 and code is not None:
            begin = code.start()
        elif groups[i][:2] == "84" and text[begin - 1 : begin] == "+":  # '+84 912/345/678'
            begin -= 1
        parts.append((begin, spans[j][1]))
    return parts


def _dotted_twin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The parts of a run by bare commas alone (its groups at ``spans`` in ``text``) written as
    an amount ending '000' that its twin by dots masks (:func:`_id_masked`), at the same places
    (one character for one): [] where the twin is kept, None where it is not read alike.
    '12,217,000,628,204,000đ' is '12,********4000đ' as '12.217.000.628.204.000đ' is
    '12.********4000đ' ('12,********0628,204,000đ' until session 65, C: the commas' own parts
    read '000,628,204' as an old CMND from 0); '12,345,678,000' kept as '12.345.678.000' is
    (session 64, C)."""
    begin, end = spans[0][0], spans[-1][1]
    twin = text[begin:end].replace(",", ".").replace("-", ".")
    dotted = f"{text[:begin]}{twin}{text[end:]}"
    found = ID_IN_TEXT.match(dotted, begin)
    if found is None or found.end() != end or found["code"] is not None:
        return None
    shown = _id_masked(found)
    if shown == dotted[begin:end]:
        return []
    if shown == _masked_digits("".join(_DIGIT_GROUP.findall(found["run"]))):
        return [(begin, end)]
    parts: list[tuple[int, int]] = []
    if _parts_masked(found, False, dotted, parts) != shown or not parts:
        return None
    return parts


def _slashed_spans(read: str, run: re.Match) -> list[tuple[int, int]]:
    """The parts (:func:`_slashed_parts`) of ``run`` and every :data:`_SLASHED_RUN` after it in
    ``read``."""
    parts = _slashed_parts(run)
    for more in _SLASHED_RUN.finditer(read, run.end()):
        parts += _slashed_parts(more)
    return parts


def _slashed_masked(text: str, read: str, parts: list[tuple[int, int]]) -> str:
    """``text`` (``read`` as :func:`ascii_number_text` reads it) with each of ``parts`` of a
    run by '/' or ',' that is a person's number (:func:`_slashed_spans`) masked, and what is
    between them as :func:`mask_ids_in` shows it, each stretch read alone: a masked part's
    last 4 digits join no number after it. Where a part's last group begins a number
    :data:`ID_IN_TEXT` reads and the list masks ('101/602/112 263 552': '112 263 552' an
    old CMND by spaces), or its first group ends one ('351 298 149/743/365'), the part is
    masked on to that number's end or from its start ('********3552', '********3365'):
    never-leak first, the part's last 4 would show the other's digits, and parts so reached
    are masked as one."""
    spans: list[tuple[int, int]] = []
    for begin, end in parts:
        first = begin + len(read[begin:end]) - len(read[begin:end].lstrip("0123456789"))
        *_, before = [None, *ID_IN_TEXT.finditer(read, spans[-1][1] if spans else 0, first)]
        if before is not None and before.start() < begin and before.end() == first:
            if _MASKED_END.search(_id_masked(before, text)):
                begin = before.start()
        last = end - len(read[begin:end]) + len(read[begin:end].rstrip("0123456789"))
        on = ID_IN_TEXT.match(read, last)
        if on is not None and on.end() > end and _id_masked(on, text)[:1] == "*":
            end = on.end()
        if spans and begin < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((begin, end))
    out, at = [], 0
    for begin, end in [*spans, (len(text), len(text))]:
        stretch = text[at:begin]
        out.append(_masked_read(stretch, stretch if read is text else read[at:begin]))
        if begin < len(text):
            out.append(_masked_digits(_BETWEEN_GROUPS.sub("", read[begin:end])))
        at = end
    return "".join(out)


def _billions_kept(found: re.Match, groups: list[str]) -> bool:
    """Whether a run of 4 groups by bare dots from one digit ('1.212.345.678') is kept whole as
    an amount of 1-9 billion đồng (session 53): its last nine no old CMND by threes
    (:func:`_cmnd_by_threes`: '1.250.000.000', '5.612.345.678'), or its currency after it
    ('Vay 1.212.345.678 đồng'), or its digit a code's, glued to its letters ('NM1.212.345.678';
    :func:`_code_letters`, not a word's: 'Vay1.********5678', session 62, E).
    A small number and a CMND ('Tổ 1.212.345.678', '2.172.616.751') are read in parts, as by
    spaces ('Tổ 1 212 345 678', session 56's review; session 61, R2)."""
    if not _cmnd_by_threes(groups[1:]):
        return True
    text, start, end = found.string, found.start("run"), found.end()
    # a code's digit glued to its letters ('NM1.212.345.678', 'XOM3.…': session 53, R3) kept;
    # not a word's ('Vay1.212.345.678', 'vay1.…': posted whole until session 62, E)
    glued = start > 0 and text[start - 1].isalpha() and _code_letters(_word_before(text, start + 1))
    return glued or _an_amount(groups, {"."}, "".join(groups), text, start, end)


# A word right after a number ('2 khẩu', '5 người', '3 con', '2khẩu'): :func:`_count_after`
_WORD_AFTER = lazyre.compile(r" ?[^\W\d_]")


def _count_after(found: re.Match, groups: list[str], written: str) -> str | None:
    """A run by single spaces :data:`ID_IN_TEXT` found (its digit ``groups``) whose last group
    is a count of 1-99 before a word ('SĐT 0912345678 2 khẩu', '0912 345 678 5 người',
    '212 345 678 3 con') and whose other groups are a person's number on their own
    (:func:`_persons`): that number masked, the count and its word kept ('SĐT ********5678 2
    khẩu'; '********6782 khẩu' until session 66, G: the 11 digits read as one by session 51's
    spaces, the count lost and the phone's last digit not shown). Not where the whole is a
    telephone number called today ('0123 456 789 0 khẩu', an old mobile's 11 digits: read whole
    as before); None otherwise."""
    last, text = groups[-1], found.string
    if len(last) > 2 or last[0] == "0" or _WORD_AFTER.match(text, found.end()) is None:
        return None
    if len(groups) < 2 or " ".join(groups) != found["run"]:
        return None
    if _CURRENCY_AFTER.match(nfc(text[found.end() : found.end() + 24])):
        return None  # no count before money ('SĐT 13901 2281 7đ' read whole as before)
    if _CALLABLE.fullmatch("".join(groups)):
        return None
    head, end = groups[:-1], found.end() - len(last) - 1
    digits, start = "".join(head), found.start("run")
    if _CCCD_BY_SIXES.fullmatch("".join(groups)) and not _CALLABLE.fullmatch(digits):
        # nor where the whole is a CCCD's 12 digits and the number before the count no phone
        # called today ('CCCD 0012345678 90 khẩu' is 'CCCD ********7890 khẩu', not '…5678 90
        # khẩu', 6 of the CCCD's digits shown; session 66, RG)
        return None
    if not 9 <= len(digits) <= 12 or not (
        len(head) == 1
        or _PHONE_DIGITS.fullmatch(digits)
        or _cmnd_by_threes(head)
        or (len(digits) == 12 and digits[0] == "0")
        or (len(digits) == 9 and (_id_labelled(text, start) or _net_labelled(text, start)))
    ):
        # (the number before the count of a person's shape: typed in a row, a phone's digits,
        # an old CMND by threes, a CCCD from 0, or 9 digits after a label, 'SĐT 912 345 678 2
        # khẩu', or one the label's net reads, 'DĐ: 912 345 678 2 khẩu' ('DĐ: ********6782
        # khẩu' until session 67, E); not any 9-12 digits by spaces, 'NM-2356 1526 7207 2
        # khẩu' read as before)
        return None
    mark = _mark_before(text, found.start())
    kinds = {" "} if len(head) > 1 else set()
    if not _persons(found["code"], head, kinds, text, start, end, mark):
        return None
    return _masked_digits("".join(head)) + written[end : found.end()]


# A number masked at the end of a text (:func:`_slashed_masked`)
_MASKED_END = lazyre.compile(r"\*{8}[0-9]{4}\Z")


def _id_masked(found: re.Match, written: str | None = None, apart: bool = True) -> str:
    """A number :data:`ID_IN_TEXT` found, its person's numbers masked; what is not masked as
    ``written`` has it (the text before :func:`ascii_number_text`; None: as found). Not
    ``apart``: its first group not read apart from a label glued to it (:func:`_glued_apart`)."""
    written = found.string if written is None else written
    code, run = found.group("code", "run")
    if len(run) < 9 and (code is None or code[0] != "("):
        # fewer than 9 digits, no area code before: no one's number
        return written[found.start() : found.end()]
    between = _BETWEEN_GROUPS.findall(run)
    if code is None and len(run) - len("".join(between)) < 9:
        # fewer than 9 digits, its separators taken off ('Vay 12.000.000 đồng', 'n.500.000'):
        # no part of it is a person's number either; told before a call (an ordinary note's
        # two amounts cost ~2,700 instructions a note more in the calls; session 60's review, G2)
        return written[found.start() : found.end()]
    if between and " " in between[0] and code is None:
        first = len(run) - len(run.lstrip("0123456789"))
        glued = _glued_apart(found, first, between[0], written) if apart else None
        if glued is not None:
            return glued
        apart = _code_word_apart(found, first, between[0], written)
        if apart is not None:
            return apart
    if between and (len(between[0]) > 1 or len(set(between)) > 1):
        return _parts_masked(found, True, written)
    groups = run.split(between[0]) if between else [run]
    if between and between[0] == " ":
        counted = _count_after(found, groups, written)
        if counted is not None:
            return counted
    if _person_number(found, groups, set(between[:1])):
        if between and len(groups[0]) <= 3 and between[0] == "." and code is None:
            # a code's or a hamlet's number before a bare dot where the whole is a person's
            # number ('NM 01.212.345.678': an old mobile's 01 and 9 digits), kept as before a
            # space (session 62, E)
            apart = _code_word_apart(found, len(groups[0]), ".", written)
            if apart is not None:
                return apart
        return _masked_digits("".join(groups))
    if not between:  # too short, or an amount ('1500000000đ')
        return written[found.start() : found.end()]
    if code is not None and code[0] == "(" and between[0] == ".":
        # a landline after its area code in brackets and more groups by dots ('(028)
        # 3825.1234.000', '(028) 3825.1234.500.000'): its parts, as by spaces ('********1234.000';
        # posted whole until session 65, C)
        return _parts_masked(found, False, written)
    if between[0] == " ":  # a phone among more groups ('1970 0912 345 678'; session 53)
        if code is None and _spaced_amount_000(groups):
            # an amount by single spaces ending '000' ('1 234 567 000', '12 345 678 000 000'):
            # no part ending in its '000' is an old CMND (an amount's last group, as by dots:
            # :func:`_parts_masked`' ``among_dots``; '1 ********7000' until session 64, C)
            return written[found.start() : found.end()]
        return _parts_masked(found, False, written)
    if run[-4:] == ".000" and between[0] == "." and _holds_cmnd(groups):
        # grouped as an amount of 10 billion or more ending '000' and holding an old CMND
        # ('212.345.678.000', '1.212.345.678.000'): no household's amount. Its parts where
        # they mask ('66.********8208.700.000 đồng', session 62's review, R3); else masked
        # whole, as by spaces ('********8000': no part holds the CMND, the '000' after it an
        # amount's, :func:`_parts_masked`' ``among_dots``; posted whole until session 63, C).
        # Not after a code's dot (a code's part, as 'NM.212.345.678': session 53, R3); an ID's
        # label's dot no code's ('CCCD.84.131.244.605.000đ', posted whole until session 65, C)
        text, start = found.string, found.start()
        coded = _mark_before(text, start) == "." and _code_dot(text, start)
        if not coded or _id_labelled(text, start):
            shown = _parts_masked(found, False, written)
            if shown != written[start : found.end()]:
                return shown
            return _masked_digits("".join(groups))
    if (
        between[0] == "."
        and len(groups) >= 3
        # not a run grouped as an amount is, to 999 billion ('12.000.000', '1.212.345.678':
        # session 53): its last two groups of 3 (a dot 4 and 8 from its end), its first of 1-3
        # and 3 or 4 groups in all; read from the run inline by index, every amount by dots of
        # a note passing here (its groups' lengths read one by one, or the run sliced, cost
        # ~3,000 instructions a note; session 60, G). Of 4 groups, 10 billion or more (a first
        # group of 2-3 digits) only ending '000': no household's amount is '339.656.097.221',
        # a small number and an old CMND ('********6097.221'; session 61, E), its currency
        # after it or not (session 62, E: no household's figure); 1-9 billion (a
        # first group of one digit) where its last nine are no old CMND by threes or its
        # currency follows, as by spaces: 'Tổ 1.********5678' of 'Tổ 1.212.345.678' ('Tổ 1
        # 212 345 678', session 56's review), 'Vay 1.212.345.678 đồng' and '1.250.000.000'
        # kept (session 61, R2)
        and not (
            run[-4] == "."
            and (size := len(run)) >= 8
            and run[-8] == "."
            and (
                size <= 11
                or (
                    run[-12] == "."
                    and (
                        (size == 13 and _billions_kept(found, groups))
                        or (size <= 15 and run[-1] == run[-2] == run[-3] == "0")
                    )
                )
            )
        )
        and _dot_part_begun(groups)
    ):
        # pieces joined by a bare dot among a number's dots ('12.03.2024.0912.345.678',
        # '429.097.037.155.655.225': a small number, a CCCD by dots and another; posted whole
        # until session 59, C2, beside a date, and session 60, G): its parts
        return _parts_masked(found, False, written)
    if between[0] == "-" and len(run) - len(between) >= 9:
        # a dashed number among more groups ('031-826-3304-25', pieces joined by a dash;
        # session 57, C2): its parts, each read as after a dash; not a date ('12-03-2024'), nor
        # where no part may begin a person's number (a date range: ~1 ms a note read in parts)
        if code is None and not _dashed_part_begun(groups, between):
            return written[found.start() : found.end()]
        shown = _parts_masked(found, False, written)
        if (
            "*" not in shown
            and code is None
            and run[0] == "0"
            and groups[-1] == "000"
            and len(set(between)) == 1
            and _mark_before(found.string, found.start()) == ""
        ):
            # a run by bare dashes from 0 (no amount's first digit, no code's part after a
            # mark) ending '000', read as its twin by dots ('0123-456-789-000' is
            # '********6789-000' as '0123.456.789.000' is '********6789.000': posted whole
            # until session 65's review, RC)
            at = found.start("run")
            spans = [(at + g.start(), at + g.end()) for g in _DIGIT_GROUP.finditer(run)]
            parts = _dotted_twin(found.string, spans)
            if parts:
                out, at = [], found.start()
                for begin, end in parts:
                    digits = _BETWEEN_GROUPS.sub("", found.string[begin:end])
                    out += (written[at:begin], _masked_digits(digits))
                    at = end
                out.append(written[at : found.end()])
                return "".join(out)
        return shown
    # a group of 9 digits or more within a longer run ('0912345678-0987654321'): each masked
    # alone
    out, at = [], found.start()
    for group in _ID_GROUP.finditer(found.string, found.start(), found.end()):
        out += (written[at : group.start()], _masked_digits(group.group()))
        at = group.end()
    out.append(written[at : found.end()])
    return "".join(out)


# A mark typed apart after its letter (NFD), and a word's letter so
_TONE_MARKS = "[\u0300-\u036f]*"
_NET_LETTER = "(?:[^\\W\\d_]|[\u0300-\u036f])"
# The labels that name a telephone or an ID number and nothing else, any case, marks typed
# composed, decomposed or none ('SĐT', 'S.Đ.T', 'Số ĐT', 'ĐTDĐ', 'ĐTCĐ', 'DĐ', 'điện thoại', 'di
# động', 'Tel', 'Zalo', 'CCCD', 'CMND', 'CMT', 'định danh'); not 'ĐT' alone, which may say 'đầu
# tư' (:func:`_labelled_left`)
_NET_LABEL = (
    rf"s\.?[đd]\.?t|s(?:ố|ô{_TONE_MARKS}|o{_TONE_MARKS}) +[đd]t|[đd]t[dc][đd]|dđ"
    rf"|[đd]i(?:ệ|ê{_TONE_MARKS}|e{_TONE_MARKS})n +tho(?:ạ|a{_TONE_MARKS})i"
    rf"|di +[đd](?:ộ|ô{_TONE_MARKS}|o{_TONE_MARKS})ng"
    rf"|tel|zalo|cccd|cmnd|cmt|[đd](?:ị|i{_TONE_MARKS})nh +danh"
)
# Such a label, up to six words after it ('ĐTDĐ của chồng: …', 'Số điện thoại của con trai là
# …'; three until session 66, G), a ':', '.', '-' or '–' and 'số', then a run of digits by
# single marks ('3 000 225 933 000', '912.345.678') or a number masked already ('SĐT chồng
# ********5678', whose further numbers :data:`_MORE_LEFT` reads); or a landline's area code in
# brackets before one ('(028) 3825,1234'); its end no digit nor a masked number's '*'
# (:func:`_labelled_left`)
_LEFT_RUN = r"(?P<run>\*{8}[0-9]{4}|[0-9]+(?:[ .,\-][0-9]+)*)(?![0-9*])"
_LABELLED_LEFT = lazyre.compile(
    rf"(?<![\w\u0300-\u036f])(?:(?P<label>{_NET_LABEL})"
    rf"(?P<words>(?: +{_NET_LETTER}{{1,8}}){{0,6}}?) *(?:[:.\-–] *)?"
    rf"(?:s(?:ố|ô{_TONE_MARKS}|o{_TONE_MARKS}) *:? *)?|\((?P<area>0[0-9]{{1,3}})\) ?)"
    rf"{_LEFT_RUN}",
    re.IGNORECASE,
)
# A label's further number after its first, in a list: a ',' or ';' (or ' và', ' hoặc', ' -',
# ' /'), up to three words ('SĐT chồng 0912.345.678, vợ 987.654.321'), a ':', '.', '-' or '–'
# and the run; ``words`` holds the joint, so that an amount's writing after it is kept
# (:func:`_left_span`: 'SĐT 0912.345.678, vay 120.000.000'). Session 66, G
_MORE_LEFT = lazyre.compile(
    rf"(?P<words>(?: *[,;]| +(?:và|hoặc|-|/))(?: *{_NET_LETTER}{{1,8}}){{0,3}}?) *"
    rf"(?:[:.\-–] *)?(?P<area>(?!))?{_LEFT_RUN}",
    re.IGNORECASE,
)
# Such a label and its words (no word of money among them: :func:`_money_said`) right before
# a number, as :data:`_LABELLED_LEFT` reads them; matched at the end of the text before it
# (:func:`_net_labelled`)
_NET_LABEL_BEFORE = lazyre.compile(
    rf"(?<![\w\u0300-\u036f])(?:{_NET_LABEL})"
    rf"(?P<words>(?: +{_NET_LETTER}{{1,8}}){{0,6}}?) *(?:[:.\-–] *)?"
    rf"(?:s(?:ố|ô{_TONE_MARKS}|o{_TONE_MARKS}) *:? *)?\Z",
    re.IGNORECASE,
)


def _net_labelled(text: str, start: int) -> bool:
    """Whether the number beginning at ``start`` in ``text`` is right after a label of the
    label's net (:data:`_NET_LABEL`: 'DĐ', 'Tel', 'Zalo', 'S.Đ.T', 'SĐT của con'), its words
    no money's, as :func:`_labelled_left` reads it (for :func:`_count_after`: 'DĐ: 912 345 678
    2 khẩu' is 'DĐ: ********5678 2 khẩu'; session 67, E)."""
    found = _NET_LABEL_BEFORE.search(text, max(0, start - 80), start)
    return found is not None and not _money_said(found["words"])


# A piece of each label of :data:`_NET_LABEL` and of an area code, in small letters: a text
# holding none is not searched (each looked for in C, ~20 µs a note less)
_NET_WORDS = ("đt", "dt", "đ.t", "d.t", "dđ", "tho", "di ", "tel", "zalo", "cccd", "cmnd", "cmt",
              "danh", "(0")  # fmt: skip
# A word of money among the words after a label or in its list ('Zalo nhóm thôn nộp quỹ tháng
# này 425.350.500', 'CCCD của ông ấy nộp quỹ …'): the clause says what was paid or lent, and the
# label's reach ends there (:func:`_left_span`; session 67, E). In small letters as written: a
# name capitalised ('anh Lương', 'ông Đồng', 'chị Tiền') is no money; 'đồng' of a word that is
# none ('đồng chí': :data:`_DONG_NO_MONEY`) and 'thủ quỹ' (a treasurer, a person) neither
_MONEY_WORDS = frozenset(("nộp", "quỹ", "vay", "tiền", "đồng", "triệu", "nghìn", "ngàn", "tỷ", "tỉ",
                          "lãi", "nợ", "vốn", "phí", "lương"))  # fmt: skip
_CLAUSE_WORD = lazyre.compile(r"[^\W\d_]+")


def _money_said(words: str) -> bool:
    """Whether ``words`` (between a label and its run, :data:`_LABELLED_LEFT`'s or
    :data:`_MORE_LEFT`'s) hold a word of money (:data:`_MONEY_WORDS`)."""
    words = nfc(words)
    for found in _CLAUSE_WORD.finditer(words):
        word = found.group()
        if word not in _MONEY_WORDS:
            continue
        if word == "đồng" and _DONG_NO_MONEY.match(words, found.start()):
            continue
        if word == "quỹ" and words[: found.start()].rstrip().endswith("thủ"):
            continue
        return True
    return False


def _person_shaped(digits: str) -> bool:
    """Whether ``digits`` (a run after a label, read whole) may be a person's number by shape
    alone, its label aside: a telephone number's digits from 0 or '84', or without its 0 (lost
    as a number's in Excel: '912345678'), an old CMND's 9 digits from 0-3, a CCCD's 12 from 0
    or its 11 without the 0."""
    return bool(
        _PHONE_DIGITS.fullmatch(digits)
        or _CALLABLE.fullmatch("0" + digits)
        or (len(digits) == 9 and digits[0] in _CMND_FIRST)
        or _CCCD_BY_SIXES.fullmatch(digits)
        or _CCCD_BY_SIXES.fullmatch("0" + digits)
    )


def _person_read(groups: list[str]) -> bool:
    """Whether the run of digit ``groups`` after a label (its count taken off) may be read as a
    person's number (:func:`_person_shaped`) whole or in any stretch of its whole groups of 9
    digits or more: 'SĐT nợ 912.345.678 2020' holds 912345678 (0912345678, its 0 lost) before
    a year, though its 13 digits read whole are no one's (shown whole in session 67 after E;
    session 67's review, RE)."""
    for first in range(len(groups)):
        digits = ""
        for group in groups[first:]:
            digits += group
            if len(digits) >= 9 and _person_shaped(digits):
                return True
    return False


# An amount as written: a first group of 1-3 digits, then groups of exactly 3 joined by one
# mark throughout ('425.350.500', '6,890,000', '425-350-510'); or what may follow it after a
# space: a year, a day or a count of 1-2 digits ('425.350.500 2020', '6.890.000 07/12/2024').
# Only a run so written is kept after a word of money (:func:`_an_amount_run`; session 67, X2)
_AMOUNT_PIECE = lazyre.compile(r"[0-9]{1,3}(?P<mark>[.,\-])[0-9]{3}(?:(?P=mark)[0-9]{3})*")
_AFTER_AMOUNT = lazyre.compile(r"[0-9]{1,2}|(?:19|20)[0-9]{2}")


def _an_amount_run(run: str, groups: list[str]) -> bool:
    """Whether ``run`` (a run of :data:`_LABELLED_LEFT` after a word of money; its digit
    ``groups``, a count after it taken off) is kept as an amount: no person's number whole or
    in a stretch of its groups (:func:`_person_read`; session 67's review, RE), its first piece
    by spaces written as an amount is and each further one an amount, a year, a day or a count
    (:data:`_AMOUNT_PIECE`, :data:`_AFTER_AMOUNT`): 'SĐT vay 912.345.6785' (a phone and a
    digit glued), 'vay 96792908.000' (an old CMND from 0, its 0 lost) and 'vay 623 100-314' are
    no amount's writing, masked as before E (session 67, X2)."""
    first, *more = run.split(" ")
    return (
        _AMOUNT_PIECE.fullmatch(first) is not None
        and all(_AMOUNT_PIECE.fullmatch(piece) or _AFTER_AMOUNT.fullmatch(piece) for piece in more)
        and not _person_read(groups)
    )


# What a run :data:`_LABELLED_LEFT` reads puts between its digits, and an area code's brackets:
# dropped where its 9 digits are looked for in C (:func:`_left_written`, :func:`_labelled_left`)
_LEFT_APART = _NUMBER_APART + b","


def _left_span(found: re.Match) -> tuple[int, int, str] | None:
    """Where a run :data:`_LABELLED_LEFT` found is a person's number left to be masked, and its
    digits: after a landline's area code, from the bracket to the first groups whose digits
    with the code's are a phone's ('(028) 3825,1234,000': '(028) 3825,1234'); after a label, the
    run whole where it is of 9 digits or more, holds no date ('SĐT-03-08-1996-254') and, the
    label some words before it, is not written as an amount is (its currency after it, or
    ending '000' among 3 groups or more: 'CMND mất vay 120.000.000')."""
    text, run = found.string, found["run"]
    groups = _DIGIT_GROUP.findall(run)
    if found["area"] is not None:
        digits, at = found["area"], found.start("run")
        for group in _DIGIT_GROUP.finditer(run):
            digits += group.group()
            if _PHONE_DIGITS.fullmatch(digits):
                return found.start(), at + group.end(), digits
        return None
    end, last = found.end(), groups[-1]
    if (
        len(groups) > 1
        and len(last) <= 2
        and last[0] != "0"
        and run[-len(last) - 1] == " "
        and _WORD_AFTER.match(text, end) is not None
        and not _CURRENCY_AFTER.match(nfc(text[end : end + 24]))
        and not (
            _CCCD_BY_SIXES.fullmatch("".join(groups))
            and not _CALLABLE.fullmatch("".join(groups[:-1]))
        )
    ):
        # a count and its word after the number ('DĐ: 912.345.678 2 khẩu'): kept, as
        # :func:`_count_after` keeps it (session 66, G), not where the whole is a CCCD's 12
        # digits ('DĐ: 0012.345.678 90 khẩu' is 'DĐ: ********7890 khẩu'; session 66, RG)
        groups, end = groups[:-1], end - len(last) - 1
    digits = "".join(groups)
    if len(digits) < 9:
        return None
    seps = ["-"] * (len(groups) - 1)
    if len(groups) > 2 and _within_dates(groups, seps):
        return None
    if all(_YEAR.fullmatch(group) for group in groups):
        # years ('Zalo 2020-2024-2025', 'Tel 2019.2020.2021'): no phone's nor ID's digits (a
        # phone and a CCCD are from 0; masked until session 66, G)
        return None
    if found["words"] and (
        (len(groups) > 2 and groups[-1] == "000")
        or _CURRENCY_AFTER.match(nfc(text[end : end + 24]))
        # a word of money among the words, the run of no person's shape whole or in a stretch
        # of its groups: an amount ('Zalo nhóm thôn nộp quỹ tháng này 425.350.500' kept;
        # '********0500' in session 66 after G; 'SĐT nợ 912.345.678 2020' masked, session 67's
        # review, RE), written as an amount is ('SĐT vay 912.345.6785' masked; session 67, X2)
        or (_money_said(found["words"]) and _an_amount_run(found["run"], groups))
    ):
        return None
    return found.start("run"), end, digits


def _left_written(read: str, ascii_read: bytes) -> bool:
    """Whether ``read`` (as :func:`ascii_number_text` reads a text; its ASCII bytes
    ``ascii_read``) may hold a person's number :func:`_labelled_left` masks (for
    :func:`may_hold_id`): 9 digits joined by nothing or what a run of :data:`_LABELLED_LEFT`
    puts between them, told in C (a column of names, codes, dates and amounts joined is not
    searched for a label: the look of a province's 300,000 names), and a run after a label or
    an area code :func:`_left_span` reads as one."""
    if ascii_read.translate(_DIGITS_AS_ZERO, _LEFT_APART).find(_NINE) < 0:
        return False
    small = read.lower()
    if not any(word in small for word in _NET_WORDS):
        return False
    return next(_left_spans(read), None) is not None


def _left_spans(read: str) -> Iterator[tuple[int, int, str]]:
    """Each person's number :func:`_labelled_left` masks in ``read`` (:func:`_left_span`), in
    order: the run after a label or an area code (:data:`_LABELLED_LEFT`), and the label's
    further numbers in a list after it (:data:`_MORE_LEFT`)."""
    at = 0
    while (found := _LABELLED_LEFT.search(read, at)) is not None:
        while found is not None:
            span = _left_span(found) if found["run"][0] != "*" else None
            if span is not None:
                yield span
            at = found.end()
            found = _MORE_LEFT.match(read, at) if found["area"] is None else None


def _labelled_left(text: str, plain: bool = False) -> str:
    """``text`` as :func:`mask_ids_in` shows it so far, with a person's number it left whole
    masked where a label says whose it is, whatever its shape (:func:`_left_span`): a label
    with words between it and the number ('ĐTDĐ của chồng: 912.345.678'), 'DĐ', 'S.Đ.T', 'Tel',
    'Zalo', a run of 13 digits or more after a label ('SĐT 3 000 225 933 000'), a landline by
    commas after its area code ('(028) 3825,1234'). The posted list shows no phone or ID
    number: where a label names one, the run after it is one (session 65's review, RC).
    ``plain``: ``text`` holds no look-alike of a digit or a mark (the text it was masked from
    held none), read as it is."""
    read = text if plain else ascii_number_text(text)
    if read.encode("ascii", "ignore").translate(_DIGITS_AS_ZERO, _LEFT_APART).find(_NINE) < 0:
        return text  # (told in C, as :func:`_left_written`, without a call more)
    small = read.lower()
    if not any(word in small for word in _NET_WORDS):
        return text
    out, at = [], 0
    for begin, end, digits in _left_spans(read):
        out += (text[at:begin], _masked_digits(digits))
        at = end
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)


def mask_ids_in(text: str) -> str:
    """``text`` with each ID or telephone number in it (:data:`ID_IN_TEXT`) shown as the public
    list shows an ID number, its last 4 digits: 'Hoàng Văn An CCCD 001234567890' is 'Hoàng Văn
    An CCCD ********7890', 'SĐT 0912.345.678' 'SĐT ********5678'; a text without one is
    returned as it is. A number in another script's digits or grouped by a look-alike of a
    separator is read as written in ASCII ('０９１２３４５６７８', '0912 – 345 – 678' are
    '********5678'), the rest of the text shown as written (session 53, R5)."""
    read = ascii_number_text(text)
    # a person's number by '/' or ',' (session 58, C): looked for where a digit is beside a
    # '/' or ',' either side (a space between) and 9 digits are joined by what such a number
    # puts between them, both told in C (:func:`_slash_looked`), so that an ordinary note pays
    # ~5,000 instructions for it and no try of :data:`_SLASHED_RUN` at each digit (~24,000;
    # session 59, C)
    if ("/" in read or "," in read) and _slash_looked(read):
        run = _SLASHED_RUN.search(read)
        if run is not None:
            parts = _slashed_spans(read, run)
            if parts:
                return _labelled_left(_slashed_masked(text, read, parts), read is text)
    if read is text:  # (the common case without a call more)
        return _labelled_left(ID_IN_TEXT.sub(_id_masked, text), True)
    return _labelled_left(_masked_read(text, read))


def _masked_read(text: str, read: str) -> str:
    """:func:`mask_ids_in` of ``text`` (``read`` as :func:`ascii_number_text` reads it) by
    :data:`ID_IN_TEXT` alone."""
    if read is text:
        return ID_IN_TEXT.sub(_id_masked, text)
    out, at = [], 0
    for found in ID_IN_TEXT.finditer(read):
        out += (text[at : found.start()], _id_masked(found, text))
        at = found.end()
    out.append(text[at:])
    return "".join(out)


def masked_whole(text: str) -> bool:
    """Whether :func:`mask_ids_in` masks all of ``text`` as one person's number ('212.345.678',
    '0912.345 678', '0190 8877 6655' are '********5678', '********6655'): a Mã hộ that
    rosterchecks tells the head is an ID number is one the public list masks (session 53); its
    digits read as :func:`mask_ids_in` reads them ('２１２–３４５–６７８' is '********5678':
    session 54)."""
    masked = mask_ids_in(text)
    digits = _DIGIT_GROUP.findall(ascii_number_text(text))
    return masked != text and masked == _masked_digits("".join(digits))


def as_shown(value: object) -> str:
    """:func:`clean_text`, but a number with a fraction as a Vietnamese Excel shows it in its
    cell (4,5; 1968,7): the value a message quotes is the one the hamlet head sees. Its
    English is the English Excel's (4.5): a :class:`Message`, as it is quoted in either
    language (session 29); a value already so made is kept."""
    if value.__class__ is float and value == value and not value.is_integer():
        text = excel_general(value)
        return Message(text.replace(".", ","), text)
    if isinstance(value, Message):
        return value
    return clean_text(value)


# A General cell as wide as its number shows at most 11 characters, its sign not counted:
# 5 ÷ 2024 is 0,002470356, -1 ÷ 3 -0,333333333 (session 41)
_GENERAL_WIDTH = 11
# Below 0.0001 a General cell rounds no digit away: a number needing more is in scientific form
_GENERAL_ROUNDED_FROM = Decimal("0.0001")
_GENERAL_FIXED_BELOW = Decimal("1E+11")


def excel_general(number: float) -> str:
    """A number with a fraction as Excel's General format shows it in a cell wide enough
    (English form, as English Excel shows it). Excel keeps 15 significant digits and rounds
    from them half up. From 0.0001 up to 1E+11: 11 characters at most, the sign not counted,
    rounded to fit (0.0024703557312252965 is 0.002470356, -1 ÷ 3 -0.333333333, 0.1234567895
    0.12345679, 1968.75 stays); below 0.0001 only when every digit fits (0.000012345),
    otherwise, and from 1E+11, in scientific form (1.23456E-05, 1.23457E+11) (SheetJS's
    General table, from Excel; session 41 review). Infinity ('1E+400' in a file's XML) as
    Python writes it ('inf')."""
    if not math.isfinite(number):
        return repr(number)
    sign = "-" if number < 0 else ""
    size = Decimal(f"{abs(number):.15g}")
    if size < _GENERAL_FIXED_BELOW:
        if size >= _GENERAL_ROUNDED_FROM:
            places = max(_GENERAL_WIDTH - len(str(int(size))) - 1, 0)
            size_shown = size.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        else:
            size_shown = size
        text = f"{size_shown:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if len(text) <= _GENERAL_WIDTH:
            return sign + text
    exponent = size.adjusted()
    mantissa = size.scaleb(-exponent).quantize(Decimal("0.00001"), ROUND_HALF_UP)
    if mantissa >= 10:  # 9.999996E-06 is 1E-05
        mantissa, exponent = mantissa / 10, exponent + 1
    digits = f"{mantissa:f}".rstrip("0").rstrip(".")
    return f"{sign}{digits}E{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


_THOUSANDS_DOT = lazyre.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = lazyre.compile(r"^[+-]?\d{1,3}(,\d{3}){2,}$")
_THOUSANDS_SPACE = lazyre.compile(r"^[+-]?\d{1,3}( \d{3})+$")
# Quotes typed before a value to keep it as text ('102, '001003, '1991; session 38)
TEXT_QUOTES = "'‘’`"
_TEXT_QUOTES = frozenset(TEXT_QUOTES)
# '102 hộ dân (cư)', the words of 'Tổng số hộ dân cư', and '4 nhân khẩu' too (session 50)
_UNIT_SUFFIX = lazyre.compile(
    r"(đồng|đ|vnđ|vnd|%|người|hộ(?:\s+dân(?:\s+cư)?)?|(?:nhân\s+)?khẩu)$", re.IGNORECASE
)
# "1,2 triệu", "1.5tr", "800 nghìn": amounts of money as people write them in words.
_SCALE_SUFFIX = lazyre.compile(r"\s*(triệu|tr|nghìn|ngàn|ngan|nghin|k)\.?$", re.IGNORECASE)
_SCALES = {"triệu": 1_000_000, "tr": 1_000_000, "nghìn": 1_000, "ngàn": 1_000,
           "ngan": 1_000, "nghin": 1_000, "k": 1_000}  # fmt: skip
# "1tr2" = 1,2 triệu, "1tr250" = 1,25 triệu: the digits after 'tr' go on after the comma.
_MILLIONS_AND = lazyre.compile(r"^(\d{1,3})\s*(?:triệu|tr)\s*(\d{1,3})$", re.IGNORECASE)


def parse_number(value: object) -> float | None:
    """A number from a cell: real numbers, or text like '1.500.000', '1,52', '4 ', '1 500 000 đ',
    '1,2 triệu', '1tr2' (1,2 triệu), '1500k'."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    if not isinstance(value, str):
        return None
    text = nfc(value.translate(_INVISIBLE)).strip().replace("\u00a0", " ")
    if text[:1] in _TEXT_QUOTES:
        # A quote typed before the number to keep it as text ('47), kept as part of the value
        # by LibreOffice in a cell formatted as Text, or pasted so (session 38).
        text = text[1:].lstrip()
    text = _UNIT_SUFFIX.sub("", text).strip()
    millions = _MILLIONS_AND.match(text)
    if millions:
        return round(float(f"{millions.group(1)}.{millions.group(2)}") * 1_000_000, 6)
    scale = 1
    scaled = _SCALE_SUFFIX.search(text)
    if scaled:
        scale = _SCALES[scaled.group(1).lower()]
        text = text[: scaled.start()].strip()
    if not text:
        return None
    if _THOUSANDS_SPACE.match(text):
        text = text.replace(" ", "")
    if " " in text:
        return None
    if _THOUSANDS_DOT.match(text):
        text = text.replace(".", "")
    elif _THOUSANDS_COMMA.match(text):
        text = text.replace(",", "")
    elif "," in text and "." in text:
        # The later separator is the decimal one: 1.500,5 (Vietnamese) or 1,500.5 (English).
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        if text.count(",") > 1:
            return None
        text = text.replace(",", ".")  # Vietnamese decimal comma
    try:
        number = float(text)
    except ValueError:
        return None
    if math.isnan(number) or math.isinf(number):
        return None
    return round(number * scale, 6) if scale != 1 else number


def parse_whole(value: object) -> int | None:
    """A whole number, or None when the value is not one (4.0 and '4' are; 4.5 is not)."""
    number = parse_number(value)
    if number is None or not number.is_integer():
        return None
    return int(number)


# A fraction of exactly three decimals, as Excel keeps '1.012' typed with a thousands dot in an
# English Excel ('1,012' in a Vietnamese one): its shortest form (repr), session 31
_THOUSANDS_FRACTION = lazyre.compile(r"([1-9]\d{0,2})\.(\d{3})")
# A text count in thousands groups after an English comma ('1,020', "'1,020 hộ"): its first
# group begins with 1-9 (as the cell's, above); anything but digits before and after it
_COMMA_GROUPED = lazyre.compile(r"\D*[1-9]\d{0,2}(,\d{3})+\D*")


def parse_count(value: object) -> int | None:
    """A count of households or people as a cell holds it: a whole number (:func:`parse_whole`:
    12, 12.0, '12', '1.012'), or a number cell holding a fraction of three decimals, the only
    whole reading of which is a thousands group (1.012 → 1012, 12.345 → 12345; session 31);
    None for any other fraction (1.5, 1.01: '1.010' or '1.01'? the zeros Excel drops leave
    it open), as for the text '1,5'; the text '1,012' is 1012 as the cell 1.012 is, and
    '1,000' 1000 as '1.000' is (not 1: its decimal reading is whole too)."""
    if isinstance(value, str):
        if "%" in value:
            return None  # '47%': a rate, never a count (session 38; the plan's, session 24)
        if "," in value and _COMMA_GROUPED.fullmatch(value):
            # the text '1,012' (an English thousands comma, pasted or typed in a cell formatted
            # as Text): read as '1.012' is (session 38), whether or not its decimal reading is
            # whole ('1,000', '2,000 hộ'); '1,5', '1,0125' and a group after a 0 ('0,020', as
            # for the cell 0.012) are no thousands groups
            dotted = parse_whole(value.replace(",", "."))
            if dotted is not None:
                return dotted
    whole = parse_whole(value)
    if whole is not None or not isinstance(value, float):
        return whole
    found = _THOUSANDS_FRACTION.fullmatch(repr(value))
    return int(found.group(1) + found.group(2)) if found else None


# 'Tổng số hộ dân cư' answered in the words around its number (session 50): the label before
# it ('Số hộ: 62', 'Tổng số hộ dân cư là 62', 'Tổng: 62', 'Có 62 hộ'), the words of a household
# after it ('62 hộ gia đình', '62 HGĐ', '62 gia đình', '62 hộ') and a full stop; a count of
# people ('250 nhân khẩu', '250 người') is no count of households.
_HOUSEHOLDS_BEFORE = lazyre.compile(
    r"^(?:(?:tổng\s+)?số\s+hộ(?:\s+dân(?:\s+cư)?|\s+gia\s+đình)?|tổng(?:\s+cộng|\s+số)?|có|gồm)"
    r"\s*(?:là\s*)?[:=\-–]?\s*(?=\d)",
    re.IGNORECASE,
)
# A household's words after the count, perhaps in brackets ('95 (hộ)', '95 (hộ gia đình)': a
# unit as a column's header writes it, session 55 review)
_HOUSEHOLD_WORDS = r"hộ(?:\s+gia\s+đình|\s+dân(?:\s+cư)?)?|hgđ|gia\s+đình"
_HOUSEHOLDS_AFTER_COUNT = lazyre.compile(
    rf"(?<=\d)\s*(?:{_HOUSEHOLD_WORDS}|\(\s*(?:{_HOUSEHOLD_WORDS})\s*\))?\s*\.?$", re.IGNORECASE
)
PEOPLE_UNIT = lazyre.compile(r"\d\s*(?:người|nhân\s+khẩu|khẩu)\.?$", re.IGNORECASE)
# A count of households ('4 hộ', '4 hộ gia đình', '4 HGĐ') where people are due ('Số nhân
# khẩu'): no count of people (session 50, review)
HOUSEHOLDS_UNIT = lazyre.compile(
    r"\d\s*(?:hộ(?:\s+gia\s+đình|\s+dân(?:\s+cư)?)?|hgđ)\.?$", re.IGNORECASE
)


# Two counts side by side ('62 hộ/250 khẩu', '62 hộ, 250 nhân khẩu', '62 hộ (250 người)'): a
# slash, a semicolon, a comma and a space, or a bracket between them (session 50, review)
_COUNT_PAIR = lazyre.compile(r"(.*?\d.*?)\s*(?:[/;(]|,\s)\s*(.*?\d[^()]*?)\s*\)?\s*\.?")
# The longest cell read for two counts side by side: _COUNT_PAIR's lazy groups take time as the
# square of the text's length (32,767 characters, Excel's most, would take seconds), and no
# real 'Tổng số hộ dân cư' cell holds more than a few words.
_LONGEST_COUNT_PAIR = 200


def parse_households(value: object) -> int | None:
    """A count of households as 'Tổng số hộ dân cư' holds it: :func:`parse_count` of the cell
    (102, '102', '1.012', '102 hộ', '102 hộ dân cư'), or of its number written with the words
    of a label before it or of a household after it ('Số hộ: 62', '62 hộ gia đình', 'Có 62 hộ.';
    session 50), or beside a count of people, each said by its unit ('62 hộ/250 khẩu': 62);
    None for a count of people alone ('250 nhân khẩu', '250 người': no households) and for any
    other words."""
    if not isinstance(value, str):
        return parse_count(value)
    text = clean_text(value)
    pair = _COUNT_PAIR.fullmatch(text) if len(text) <= _LONGEST_COUNT_PAIR else None
    if pair:  # '62 hộ/250 khẩu', '250 nhân khẩu (62 hộ)': the households said as such
        first, second = pair.groups()
        if PEOPLE_UNIT.search(first):
            first, second = second, first
        if HOUSEHOLDS_UNIT.search(first) and PEOPLE_UNIT.search(second):
            return parse_households(first)
    if PEOPLE_UNIT.search(text):
        return None
    found = parse_count(text)
    if found is not None:
        return found
    bare = _HOUSEHOLDS_AFTER_COUNT.sub("", _HOUSEHOLDS_BEFORE.sub("", text, count=1), count=1)
    return parse_count(bare) if bare != text else None


def households_written(value: object) -> float | None:
    """The number a 'Tổng số hộ dân cư' cell writes, whole or not, read past the words of a
    label before it or of a household after it, as :func:`parse_households` reads them
    ('62,5 hộ', 'Số hộ: 62,5': 62.5), None where no one number is written (session 50,
    review: told apart from words)."""
    if not isinstance(value, str):
        return parse_number(value)
    text = clean_text(value)
    bare = _HOUSEHOLDS_AFTER_COUNT.sub("", _HOUSEHOLDS_BEFORE.sub("", text, count=1), count=1)
    return parse_number(bare)


YEAR_IN_TEXT = lazyre.compile(r"(?<!\d)(20\d{2})(?!\d)")
_PERIOD_ISO_IN_TEXT = lazyre.compile(r"(?<!\d)(20\d{2})\s*[-_.]\s*(\d{1,2})(?!\d)")
_PERIOD_MY_IN_TEXT = lazyre.compile(r"(?<!\d)(\d{1,2})\s*[/\-_.]\s*(20\d{2})(?!\d)")


# An income column headed in thousands or millions of đồng ('Thu nhập BQ (nghìn đồng/người/
# tháng)', '(1.000đ)', '(ng.đ)', '(triệu đồng)'), on the header as fold writes it.
_THOUSANDS = lazyre.compile(r"\b(?:nghin|ngan(?! han))\b|\b1 ?000 ?(?:dong|d|vnd|vn d)\b|\bng d\b")
_MILLIONS = lazyre.compile(r"\b(?:trieu|tr d|tr dong)\b")
_THOUSANDS_WORDS = ("nghin", "ngan", "000", "ng d")  # one is in any text _THOUSANDS finds


# An income column of a year ('Thu nhập năm', 'Thu nhập BQ (đồng/người/năm)'), folded: 'năm'
# not naming which year ('Thu nhập BQ năm 2023' is a month's income of that year: session 44),
# and no 'tháng' (session 46)
_PER_YEAR = lazyre.compile(r"\bnam\b(?!\s*(?:19|20)\d\d)")


# ... of the whole household ('Thu nhập năm của hộ', 'Thu nhập cả hộ/năm'), folded: 'hộ' as a
# word, not 'hỗ trợ' ('hộ trong tháng' is: session 51); not per person ('người', 'bình quân',
# 'BQ': session 46 review; 'TNBQ', its initials glued: 'TNBQ hộ/năm' is 'Thu nhập BQ hộ/năm',
# session 47 review)
_OF_HOUSEHOLD = lazyre.compile(r"\bho\b(?! tro\b)")
_PER_PERSON = lazyre.compile(r"\b(?:nguoi|binh quan|bq|tnbq)\b")


def per_year(header: str) -> bool:
    """Whether an income column headed ``header`` holds a year's income (:data:`_PER_YEAR`); a
    total's ('Tổng thu nhập của hộ năm 2024') whatever year it names (session 47)."""
    folded = fold(header)
    return (
        "nam" in folded
        and "thang" not in folded
        and (_PER_YEAR.search(folded) is not None or folded.startswith("tong thu nhap "))
    )


def household_year(header: str) -> bool:
    """Whether an income column headed ``header`` holds the whole household's income for a year
    (:func:`per_year`, :data:`_OF_HOUSEHOLD`): read divided by its members too (session 46
    review)."""
    folded = fold(header)
    return (
        per_year(header)
        and _OF_HOUSEHOLD.search(folded) is not None
        and _PER_PERSON.search(folded) is None
    )


class HouseholdMonthRead(str):
    """An income header naming the household but no period ('Thu nhập của hộ':
    :func:`household_no_period`) whose list's values are the household's month
    (rosterchecks.household_sized): the header as written, which :func:`household_month` says
    is the household's month (session 52)."""

    __slots__ = ()


def household_no_period(header: str) -> bool:
    """Whether an income column headed ``header`` names the whole household's income ('hộ',
    :data:`_OF_HOUSEHOLD`; no per-person word, :data:`_PER_PERSON`) but no period: no 'tháng',
    no year (:func:`per_year`): 'Thu nhập của hộ', 'Thu nhập hộ (đồng)' (session 52)."""
    folded = fold(header)
    return (
        "thang" not in folded
        and _OF_HOUSEHOLD.search(folded) is not None
        and _PER_PERSON.search(folded) is None
        and not per_year(header)
    )


# 'TN hộ' and 'Tổng thu nhập của hộ' (schemas.columns, the income's ``alone``), folded
_HOUSEHOLD_TOTAL_NAME = lazyre.compile(r"(?:tn|tong thu nhap cua) ho\b")


def household_total_untimed(header: str) -> bool:
    """Whether an income column headed ``header`` is 'TN hộ' or 'Tổng thu nhập của hộ' naming
    no period (:func:`household_no_period`; a note in brackets aside: 'TN hộ (đồng)'): read
    only as the household's month, where its list's values show one
    (rosterchecks.household_sized), never as each person's (session 53)."""
    return household_no_period(header) and _HOUSEHOLD_TOTAL_NAME.match(fold(header)) is not None


def household_month(header: str) -> bool:
    """Whether an income column headed ``header`` holds the whole household's income for a
    month ('Thu nhập của hộ/tháng', 'Thu nhập hộ (đồng/tháng)', 'TN hộ/tháng'): 'tháng' and
    'hộ' (:data:`_OF_HOUSEHOLD`), no year (:func:`per_year`), not per person
    (:data:`_PER_PERSON`: 'Thu nhập bình quân/người/tháng' is each person's); read divided by
    its members as :func:`household_year` (session 51). Or a header naming no period its
    list's values show the household's month (:class:`HouseholdMonthRead`, session 52)."""
    if header.__class__ is HouseholdMonthRead:
        return True
    folded = fold(header)
    return (
        "thang" in folded
        and not per_year(header)
        and _OF_HOUSEHOLD.search(folded) is not None
        and _PER_PERSON.search(folded) is None
    )


def of_household(header: str) -> bool:
    """Whether an income column headed ``header`` holds the whole household's income, a year's
    (:func:`household_year`) or a month's (:func:`household_month`): each value divided by the
    household's members (session 51)."""
    return household_year(header) or household_month(header)


def income_unit(header: str) -> float:
    """How many đồng a month one unit of an income column headed ``header`` is: 1000 for
    'nghìn đồng', 1,000,000 for 'triệu đồng', 1 otherwise; a twelfth of that for a year's
    income (:func:`per_year`: 'Thu nhập năm', the poverty line being a month's; session 46)."""
    folded = fold(header)
    unit = 1
    # each pattern asked only of a header holding a word it needs (the common 'đồng' header
    # holds none: neither is compiled for it)
    if ("trieu" in folded or "tr d" in folded) and _MILLIONS.search(folded):
        unit = 1_000_000
    elif any(word in folded for word in _THOUSANDS_WORDS) and _THOUSANDS.search(folded):
        unit = 1000
    return unit / 12 if per_year(header) else unit


def income_example(header: str, lang: str = "vi") -> str:
    """An income of 1,200,000 đồng a person a month written in the unit of the column headed
    ``header`` (:func:`income_unit`), as the income messages give their example: '1.200.000',
    '1.200' under 'nghìn đồng', '1,2' under 'triệu đồng', '14.400.000' for a year's (session
    49: '1.200.000' under 'nghìn đồng' asked for a thousand times the income)."""
    example = 1_200_000 / income_unit(header)
    return (format_vn if lang == "vi" else format_en)(round(example, 2), 2, trim=True)


def month_unit(income, unit, yearly, household, members=None, stated=False):
    """How many đồng a month per person one written unit of each ``income`` is, as the income
    is read (validate._in_dong) and as two income columns are compared (twice._same_income):
    ``unit``, its header's (:func:`income_unit`), unless the value is already a plausible
    amount in đồng in it (INCOME_SURELY_IN_DONG: 1,200,000 under 'nghìn đồng', the head wrote
    đồng after all), then 1, a twelfth still for a year's (``yearly``, :func:`per_year`:
    14,400,000 under 'Thu nhập năm (nghìn đồng)'; session 46 review); a household's year
    (``household``, :func:`household_year`) divided by its ``members`` too (NaN where it has
    none; None: no row is a household's), the plausible amount judged per person. ``stated``:
    the header's unit a person a month, whatever the value (to say a value read in đồng
    against it). Numpy arrays of a list's rows, or single values;
    numpy is imported only when asked (the read stage does without it)."""
    import numpy as np

    from schemas.rules import INCOME_SURELY_IN_DONG

    with np.errstate(invalid="ignore"):
        share = 1.0  # a household's year: each member's share (NaN where it has none)
        if members is not None:
            members = np.where(members > 0, members, np.nan)
            share = np.where(household & (income > 0), members, 1.0)
        # the header's unit is told by the month per person it gives, after the household's
        # division: 1,300 under 'Thu nhập năm của hộ (triệu đồng)' for 4 members is 27,083,333
        # đ, not 27 đ from a household's 108,333,333 (session 47 review)
        scaled = (unit != 1) & (income > 0) & (income * unit / share < INCOME_SURELY_IN_DONG)
        if not stated:
            unit = np.where(scaled, unit, np.where(yearly & (income > 0), 1 / 12, 1.0))
    return unit / share


def year_named(text: str) -> int | None:
    """The one year 20xx a text (a file's name) writes standing alone: 2025 of
    'KeHoach_2025.xlsx'; None of 'KeHoach.xlsx', of a year in a date or month
    ('KeHoach_sua_10-01-2025.xlsx': last year's plan corrected in January) and of several
    years ('KeHoach_2022-2025.xlsx': the standard's span). Session 44's review."""
    for pattern in (_PERIOD_ISO_IN_TEXT, _PERIOD_MY_IN_TEXT):
        text = pattern.sub(" ", text)
    years = {int(year) for year in YEAR_IN_TEXT.findall(text)}
    return years.pop() if len(years) == 1 else None


# Years a reporting month can fall in: anything else is a slip (a number read as an Excel date
# of 1900, a typo'd year) to be reported, never taken as a period.
PERIOD_YEARS = (2000, 2100)
# On folded text ('31/05/2024' folds to '31 05 2024'); a time left after a date is allowed.
_TIME = r"(?: \d{1,2} \d{2}(?: \d{2})?)?"
_PERIOD_MONTH_YEAR = lazyre.compile(r"^(?:thang |t)?(\d{1,2}) (?:nam )?(\d{4})$")
_PERIOD_YEAR_MONTH = lazyre.compile(r"^(\d{4}) (\d{1,2})$")
_PERIOD_DAY_MONTH_YEAR = lazyre.compile(
    rf"^(?:ngay )?(\d{{1,2}}) (?:thang )?(\d{{1,2}}) (?:nam )?(\d{{4}}){_TIME}$"
)
_PERIOD_YEAR_MONTH_DAY = lazyre.compile(rf"^(\d{{4}}) (\d{{1,2}}) (\d{{1,2}}){_TIME}$")
# 'Tháng Năm 2024', 'tháng mười một, 2024': the month in words. Matched on the text with its
# punctuation and spacing (accents and case dropped), so that a form's blank to fill in,
# 'Tháng ..... năm 2024' or 'Tháng    năm 2024', is not read as May.
_MONTH_WORDS = {
    "mot": 1, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
}  # fmt: skip
_PERIOD_IN_WORDS = lazyre.compile(
    r"^thang ("
    + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
    + r")(?: nam | ?[,/.\-] ?| )(\d{4})$"
)


def _month(year: int, month: int) -> str | None:
    if 1 <= month <= 12 and PERIOD_YEARS[0] <= year <= PERIOD_YEARS[1]:
        return f"{year:04d}-{month:02d}"
    return None


def _month_dot_year(number: float) -> str | None:
    """'05,2024' or '5.2024' typed into a cell Excel keeps as the number 5.2024: month 5 of 2024.
    A number drops its trailing zero, so a 3-digit fraction is a year ending in 0 (10.202 is
    10.2020); fewer digits are no year at all."""
    whole = int(number)
    rounded = round(number, 4)
    if not 1 <= whole <= 12 or abs(number - rounded) > 1e-6:
        return None
    digits = repr(rounded).partition(".")[2]
    if len(digits) not in (3, 4):
        return None
    return _month(int(digits.ljust(4, "0")), whole)


def _bare(text: str) -> str:
    """Lower case without accents, punctuation and spacing kept ('Tháng  Năm' → 'thang  nam')."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("\u00a0", " ").lower().strip()


def _calendar_month(year: int, month: int, day: int) -> str | None:
    """The month of a full date written as text, when the date exists."""
    try:
        date(year, month, day)
    except ValueError:
        return None
    return _month(year, month)


def parse_period(value: object) -> str | None:
    """A reporting month as 'YYYY-MM' from '05/2024', '5/2024', '2024-05', 'Tháng 5 năm 2024',
    'Tháng Năm 2024', a date ('31/05/2024' typed or a date cell), or the number 5.2024.

    None when the value is no month of the years 2000–2100: an Excel serial that lands in 1900,
    '13/2024' and '05/2204' are reported, never taken."""
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        moment = value.time()
        early = (value.year, value.month) == (1900, 1) and value.day <= 12
        if early and moment != datetime.min.time():
            # 5.2024 in a cell formatted as a date shows as 05/01/1900 04:51.
            seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
            return _month_dot_year(value.day + (seconds + moment.microsecond / 1e6) / 86400)
        return _month(value.year, value.month)
    if isinstance(value, date):
        return _month(value.year, value.month)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer() and 1 <= value < 13:
            return _month_dot_year(value)
        as_date = excel_serial_to_date(value)
        return _month(as_date.year, as_date.month) if as_date else None
    text = fold(value)
    match = _PERIOD_MONTH_YEAR.match(text)
    if match:
        return _month(int(match.group(2)), int(match.group(1)))
    match = _PERIOD_YEAR_MONTH.match(text)
    if match:
        return _month(int(match.group(1)), int(match.group(2)))
    match = _PERIOD_DAY_MONTH_YEAR.match(text)
    if match:
        day, month, year = map(int, match.groups())
        return _calendar_month(year, month, day)
    match = _PERIOD_YEAR_MONTH_DAY.match(text)
    if match:
        year, month, day = map(int, match.groups())
        return _calendar_month(year, month, day)
    if isinstance(value, str):
        match = _PERIOD_IN_WORDS.match(_bare(value.translate(_INVISIBLE)))
        if match:
            return _month(int(match.group(2)), _MONTH_WORDS[match.group(1)])
    return None


def period_numbers(value: str) -> tuple[int, int] | None:
    """(year, month) of a text written as a month of a year ('1999-01', '2024-13', '13/2024',
    'Tháng 13 năm 2024') whether or not :func:`parse_period` takes it: what `run --period` says
    is wrong with a month of that form it refuses (a month past 12, a year outside
    PERIOD_YEARS). None for a text of no such form."""
    text = fold(value)
    match = _PERIOD_MONTH_YEAR.match(text)
    if match:
        return int(match.group(2)), int(match.group(1))
    match = _PERIOD_YEAR_MONTH.match(text)
    if match:
        return int(match.group(1)), int(match.group(2))
    return None


def month_day_swapped(value: object, beside: object = None) -> str | None:
    """The month a date cell means when typed day first on an Excel that reads dates month
    first (a US-locale Windows): '01/05/2024' (1 May) kept as 5 January is May 2024. None for
    anything else than a date at midnight whose day could be a month and differs from it, and
    where ``beside`` (another cell of the same form: 'Ngày lập') is a date cell of a day past
    12: such an Excel keeps '25/04/2024' as text, so the form's dates were typed where they
    are read day first (session 44 review)."""
    if not isinstance(value, date) or (
        isinstance(value, datetime) and value.time() != datetime.min.time()
    ):
        return None
    if isinstance(beside, date) and beside.day > 12:
        return None
    if value.day > 12 or value.day == value.month:
        return None
    return _month(value.year, value.day)


_PERIOD_SHORT_YEAR = lazyre.compile(r"^(?:thang |t)?(\d{1,2}) (?:nam )?(\d{2})$")


def parse_short_year_period(value: object) -> str | None:
    """'05/24', 'T5/24', 'Tháng 5/24' as 'YYYY-MM' (20YY): a month with a two-digit year, which
    :func:`parse_period` does not take (it is said to the hamlet when taken)."""
    if not isinstance(value, str):
        return None
    match = _PERIOD_SHORT_YEAR.match(fold(value))
    return _month(2000 + int(match.group(2)), int(match.group(1))) if match else None


# A month written without its year: 'tháng 5', 'Tháng 05', 'T5', 'th 5', 'Th.5', 'Tháng 5 năm'
# (the year left blank), matched folded.
_MONTH_ONLY = lazyre.compile(r"^(?:thang|th|t)? ?0?([1-9]|1[0-2])(?: nam)?$")


def parse_month_only(value: object) -> int | None:
    """The month of a 'Kỳ báo cáo' that writes a month and no year ('tháng 5', 'T5', 'th 5', a
    bare 5), which :func:`parse_period` does not take: its year is taken from other evidence
    (discover._take_info, discover.take_plan_year) and said to the hamlet."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if 1 <= value <= 12 else None
    if not isinstance(value, str):
        return None
    match = _MONTH_ONLY.match(fold(value))
    return int(match.group(1)) if match else None


# A hamlet's unit word ending the text before a number ('XÓM 10 - 2024', 'DS_Xom10_2024',
# 'Tổ dân phố số 3/2024'), folded: the number is the hamlet's, no month (session 45); so a
# town's unit written short ('TDP 10 - 2024', 'KP10_2024': session 45 review); so 'khu' and
# 'đội', words communes number their hamlets by ('Khu 5 - 2024', 'Đội 5/2024'), not names
# (session 46): 'đội' folds as 'đổi' does, which after 'thay', 'chuyển', 'biến', 'sửa' (an
# amended list: session 46 review), 'hoán', 'trao' is a change ('Thay_doi_05_2024': May)
# (longest first, then by text: the pattern's text the same whatever PYTHONHASHSEED orders the
# set by; session 61, R2)
_UNITS = sorted(
    {fold(w) for w in (*UNIT_WORDS, "tổ dân phố", "khu")}.union(_SHORT_UNITS),
    key=lambda w: (-len(w), w),
)
_CHANGED = "".join(f"(?<!{w} )" for w in ("thay", "chuyen", "bien", "sua", "hoan", "trao"))
# 'đổi' written with its marks ('Đổi_05_2024', 'DS đổi 5-2024'): a change, never an 'Đội'
# (session 46 review)
_CHANGE_WRITTEN = lazyre.compile(r"đổi[\s_.\-]*$", re.IGNORECASE)
_UNIT_BEFORE_NUMBER = lazyre.compile(rf"(?<![a-z0-9])(?:{'|'.join(_UNITS)}|{_CHANGED}doi)(?: so)?$")


def find_period_in_text(value: object) -> str | None:
    """A month mentioned inside a title or file name ('... THÁNG 5/2024', 'DS_NaMon_2024-05');
    not a hamlet's number before a year ('XÓM 10 - 2024': no month, session 45)."""
    raw = nfc(str(value or ""))
    folded = fold(raw.replace("/", " / "))
    match = re.search(r"thang (\d{1,2})(?: nam| /)? (\d{4})", folded)
    if match:
        return _month(int(match.group(2)), int(match.group(1)))
    match = _PERIOD_ISO_IN_TEXT.search(raw)
    if match:
        return _month(int(match.group(1)), int(match.group(2)))
    for match in _PERIOD_MY_IN_TEXT.finditer(raw):
        before = raw[: match.start()]
        if not _UNIT_BEFORE_NUMBER.search(fold(before)) or _CHANGE_WRITTEN.search(before):
            return _month(int(match.group(2)), int(match.group(1)))
    return None


# A month alone, as a sheet or a folder is named: 'T4', 'Tháng 04', 'thang4' (folded).
_BARE_MONTH = lazyre.compile(r"^(?:thang|t)\s*0?([1-9]|1[0-2])$")


def month_named(name: str) -> tuple[int | None, int] | None:
    """(year or None, month) a short name gives, as a list's sheet or the officer's folder is
    named: 'T4', 'Tháng 4', 'Thang 04', '04-2024', '2024-04', 'T5/24', 'Tháng 5 năm 2024'
    (a month without its year: year None); None when it names no month."""
    for found in (parse_period(name), find_period_in_text(name), parse_short_year_period(name)):
        if found is not None:
            return int(found[:4]), int(found[5:7])
    bare = _BARE_MONTH.match(fold(name).replace(".", " ").replace("_", " ").strip())
    return (None, int(bare.group(1))) if bare is not None else None


# A month without its year ending a file's name, folded: a head's photo of his list named
# 'Đồng Kè tháng 4.jpg', 'DongKe_T4.pdf', 'DS Ban Co thang 04.csv' (session 55, review)
_MONTH_ENDING = lazyre.compile(r"(?:^| )(?:thang|t) ?0?([1-9]|1[0-2])$")


def month_ending(stem: str, hamlet: str | None = None) -> int | None:
    """The month a file's name (``stem``, without its suffix) writes at its end without a year
    (:data:`_MONTH_ENDING`: 'Đồng Kè tháng 4', 'DongKe_T4'); None where it writes none, or
    where that ending is the end of the name of ``hamlet``, the plan hamlet the name names
    ('Chiến Thắng 2.jpg' of the hamlet 'Chiến Thắng 2' names no February; 'Chiến Thắng 2 tháng
    4' names April; session 55, review R6)."""
    folded = fold(stem)
    found = _MONTH_ENDING.search(folded)
    if found is None:
        return None
    own = _MONTH_ENDING.search(fold(hamlet)) if hamlet else None
    if own is not None:
        tail, compact = own.group(0).replace(" ", ""), folded.replace(" ", "")
        name = fold(hamlet).replace(" ", "")
        if compact.endswith(tail) and compact.count(tail) <= name.count(tail):
            return None
    return int(found.group(1))


def same_month(named: tuple[int | None, int] | None, period: str) -> bool:
    """Whether a name giving ``named`` (:func:`month_named`; None: no month) may be of
    ``period`` ('YYYY-MM'): a month without its year is of any year."""
    if named is None:
        return True
    year, month = named
    return month == int(period[5:7]) and year in (None, int(period[:4]))


def excel_serial_to_date(serial: float) -> date | None:
    if not 1 <= serial < 2958466:
        return None
    return (datetime(1899, 12, 30) + timedelta(days=float(serial))).date()


def parse_date(value: object) -> date | None:
    """A date from a date cell, an Excel serial number or text 'dd/mm/yyyy'."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return excel_serial_to_date(value)
    if isinstance(value, str):
        match = re.search(r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})", value)
        if match:
            return _date_of(match, 3, 2, 1)
        match = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if match:
            return _date_of(match, 1, 2, 3)
        # 'Ngày 03 tháng 6 năm 2024', as the signature lines of official forms write a date
        match = _WORDED_DATE.search(_fold_text(value))
        if match:
            return _date_of(match, 3, 2, 1)
    return None


def _date_of(match: re.Match, year: int, month: int, day: int) -> date | None:
    """The date a match's groups ``year``, ``month``, ``day`` write; None where there is none
    ('31/02/2024')."""
    try:
        return date(int(match.group(year)), int(match.group(month)), int(match.group(day)))
    except ValueError:
        return None


_WORDED_DATE = lazyre.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")


# A date typed with a two-digit year ('12/05/62', '5-6-24', '12.5.62'): no parse_date, which
# asks for four digits (a date of birth's century is worked out by validate; a list's 'Ngày
# lập', :func:`parse_prepared_date`, is of this century)
TWO_DIGIT_YEAR = lazyre.compile(r"\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2})\s*")


def parse_prepared_date(value: object) -> date | None:
    """A list's 'Ngày lập': :func:`parse_date`, or a text date with a two-digit year ('5-6-24',
    as heads type it where Excel does not take it for a date) in 20yy: a list is made this
    century (session 38), day first; so too after a quote typed to keep it as text ("'5-6-24",
    "’5-6-24": LibreOffice keeps it in a cell formatted as Text, autocorrect curls it; session
    40)."""
    found = parse_date(value)
    if found is not None or value.__class__ is not str:
        return found
    short = TWO_DIGIT_YEAR.fullmatch(value.lstrip().lstrip(TEXT_QUOTES))
    if short is None:
        return None
    try:
        return date(2000 + int(short[4]), int(short[3]), int(short[1]))
    except ValueError:
        return None


_CELL_REF = lazyre.compile(r"^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$")


def cell_position(cell: str) -> tuple[int, int] | None:
    """'B7' (or '$B$7') -> (6, 1), 0-based; None for anything else."""
    match = _CELL_REF.match(cell.strip().upper()) if cell else None
    if not match:
        return None
    col = 0
    for letter in match.group(1):
        col = col * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, col - 1


def column_letter(index: int) -> str:
    """0-based column index to Excel letters (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def point_places(points: float) -> int:
    """The decimals a change of rate in points (a reduction since the start of the year) is
    written with, on screen, in the workbook and in messages: two, as the rates are (CONTRACT
    §5.1); for one not zero that two would write 0,00, as many as show its first two digits
    (0.0013 points: '0,0013'), at most :data:`MOST_PLACES`. Written 'giảm 0,00 điểm' beside
    '(0,43 % kế hoạch)', it read as no change at all (session 49). A zero is 0,00. A progress
    in % of the target is written by the same rule (:func:`small_figure`)."""
    if points == 0 or round(points, 2) != 0:
        return 2
    return min(MOST_PLACES, 1 - math.floor(math.log10(abs(points))))


# The most decimals a change of rate or a progress is written with (:func:`point_places`): one
# that four would write 0 (a thousandth of a household in a province's rate) is said in words,
# 'dưới 0,0001' (:func:`small_figure`), not with ten decimals (session 49).
MOST_PLACES = 4
_SMALL_SAID = {"vi": ("dưới 0,0001", "trên -0,0001"), "en": ("under 0.0001", "over -0.0001")}


def small_said(value: float, lang: str = "vi") -> str | None:
    """A change of rate in points or a progress in % not zero that :data:`MOST_PLACES`
    decimals would write 0, said in words: 'dưới 0,0001' ('trên -0,0001' below zero); None for
    any other value (session 49)."""
    if value == 0 or round(value, MOST_PLACES) != 0:
        return None
    return _SMALL_SAID[lang][value < 0]


def small_figure(value: float, lang: str = "vi") -> str:
    """A change of rate in points, or a progress in % of the target, as the screen, the
    workbook's lines and the notices write it: with :func:`point_places` decimals ('0,30',
    '0,0013'), one too small for four in words (:func:`small_said`); a value two decimals
    write 0,00 without its sign. The one rule for the reduction, its progress and the change
    since last year, so that no line says 'không đổi' or '0,00 %' beside digits (session 49)."""
    said = small_said(value, lang)
    if said is not None:
        return said
    places = point_places(value)
    if round(value, places) == 0:
        value = 0.0  # not '-0,00'
    return format_vn(value, places) if lang == "vi" else f"{value:.{places}f}"


def format_en(number: float, decimals: int = 2, trim: bool = False) -> str:
    """A number the English way for messages on screen: 1,234.56 (``trim`` as
    :func:`format_vn`)."""
    text = f"{number:,.{decimals}f}"
    if trim and decimals:
        text = text.rstrip("0").rstrip(".")
    return text


def format_vn(number: float, decimals: int = 2, trim: bool = False) -> str:
    """A number the Vietnamese way for messages on screen: 1.234,56. ``trim``: the decimals'
    trailing zeros left out, as a number read from a cell is quoted ('5', '0,5')."""
    text = format_en(number, decimals, trim)
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_both(number: float, decimals: int = 2, trim: bool = False) -> Message:
    """A number for an issue's value or detail, said in either language: its text is
    1.234,56 (Vietnamese), its English 1,234.56 (session 28)."""
    return Message(format_vn(number, decimals, trim), format_en(number, decimals, trim))


def months_between(periods: list[str]) -> list[str]:
    """The months strictly between two consecutive stored periods ('YYYY-MM', in order): months
    never consolidated (docs/decisions.md, session 51)."""
    between = []
    for first, then in pairwise(periods):
        year, month = int(first[:4]), int(first[5:])
        while True:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            period = f"{year:04d}-{month:02d}"
            if period >= then:
                break
            between.append(period)
    return between
