"""Legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows) in Excel cells.

Before Unicode, Vietnamese text was typed with 8-bit fonts: the letters live in
the font, the file only holds byte values. Excel keeps each byte as one
character, so a cell in ``.VnTime`` holding "Hộ nghèo" reads as ``"Hé nghÌo"``
and one in ``VNI-Times`` reads as ``"Hoä ngheøo"``. This module turns such text
back into NFC Unicode, and tells from the cell's font which cells need it.

Byte to character. Bytes 0xA0-0xFF are the same character in Windows-1252 and
Latin-1 (U+00A0-U+00FF), and every legacy letter lives there. Bytes 0x80-0x9F
hold no letter in either table (both keep the Windows punctuation there, see
the "Western symbols" section of the Unikey tables); depending on the writer
they arrive as the cp1252 character (``'“'``) or the C1 control (``'\\x93'``).
``decode`` turns the C1 controls into the cp1252 character and keeps the rest.

TCVN3 (TCVN 5712:1993, the "ABC"/VN3 fonts ``.VnTime``, ``.VnArial`` ...) is one
byte per letter. It has codes for all 67 lower-case letters but for only seven
capitals (Ă Â Ê Ô Ơ Ư Đ); a capital with a tone (Ấ, Ồ, ...) has no code. People
used the capitals-only fonts (``.VnTimeH``), which draw the lower-case codes
as capitals, and otherwise typed the lower-case letter. So ``encode`` writes a
toned capital with its lower-case code (as Unikey's converter does) and
``decode`` gives it back lower-case unless ``caps=True``.

VNI-Windows is a base letter followed by a mark byte (``'aø'`` = à, ``'AØ'`` = À),
with single bytes for đ ơ ư, the toned i and ỵ (``'ñ'``, ``'ô'``, ``'ö'``, ``'í'``,
``'ì'``, ``'æ'``, ``'ó'``, ``'ò'``, ``'î'``). Capitals are complete.

Where the tables were checked (every entry; the sources agree with each other):
  * Unikey's VnConv library, ``ukengine/data.cpp`` (Pham Kim Long; as carried
    in vn-input/ibus-unikey): ``SingleByteTables`` "TCVN3" and
    ``DoubleByteTables`` "VNI-WIN". Its TCVN3 table gives each toned capital
    the lower-case code and keeps 0x80-0x9F for the Windows symbols.
  * xvnkb (Dao Hai Lam), ``tcvn.h`` and ``vni.h``: the same letters listed as
    strings (its TCVN table is the full VN1 set, whose toned capitals sit in
    0x80-0x9F and C0 controls; the ABC/VN3 fonts do not have them).
  * glibc iconv ``TCVN5712-1``: the same letter for each of the 74 TCVN3 codes
    0xA1-0xFE used here.
  * duydev/vietnamese-conversion ``src/charsets.ts``: VNI in full, TCVN3
    lower-case (it writes toned capitals as base + lower-case code, which no
    font draws, so that part is not followed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from pipeline import lazyre

__all__ = [
    "decode",
    "decode_runs",
    "encode",
    "font_encoding",
    "guess_encoding",
    "is_caps_font",
    "legacy_cells",
    "legacy_cells_xls",
    "legacy_cells_xlsx",
    "symbol_cells",
    "symbol_font",
]

TCVN3 = "tcvn3"
VNI = "vni"
ENCODINGS = (TCVN3, VNI)

# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

# Tone order used in every row below: none, sắc (acute), huyền (grave),
# hỏi (hook above), ngã (tilde), nặng (dot below).
_TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_VOWELS = "aăâeêioôơuưy"


def _forms(vowel: str) -> list[str]:
    """The six NFC forms of a lower-case vowel: bare, sắc, huyền, hỏi, ngã, nặng."""
    return [unicodedata.normalize("NFC", vowel + mark) for mark in _TONE_MARKS]


# TCVN3 byte of each lower-case letter, rows in the order above.
# Bare a/e/i/o/u/y are ASCII (None here).
_TCVN3_ROWS: dict[str, tuple[int | None, int, int, int, int, int]] = {
    "a": (None, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": (None, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (None, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (None, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (None, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": (None, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
# The only capitals TCVN3 has a code for.
_TCVN3_CAPITALS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
_TCVN3_D = 0xAE  # đ

# VNI: base for each vowel and the mark for each tone.
_VNI_TONE = ("", "ù", "ø", "û", "õ", "ï")  # 0xF9 0xF8 0xFB 0xF5 0xEF
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")  # â ấ ầ ẩ ẫ ậ: 0xE2 0xE1 0xE0 0xE5 0xE3 0xE4
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # ă ắ ằ ẳ ẵ ặ: 0xEA 0xE9 0xE8 0xFA 0xFC 0xEB
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")  # i í ì ỉ ĩ ị: single bytes 0xED 0xEC 0xE6 0xF3 0xF2
_VNI_ROWS: dict[str, tuple[str, tuple[str, ...]]] = {
    "a": ("a", _VNI_TONE),
    "ă": ("a", _VNI_BREVE),
    "â": ("a", _VNI_CIRCUMFLEX),
    "e": ("e", _VNI_TONE),
    "ê": ("e", _VNI_CIRCUMFLEX),
    "o": ("o", _VNI_TONE),
    "ô": ("o", _VNI_CIRCUMFLEX),
    "ơ": ("ô", _VNI_TONE),  # ơ is the single byte 0xF4
    "u": ("u", _VNI_TONE),
    "ư": ("ö", _VNI_TONE),  # ư is the single byte 0xF6
    "y": ("y", _VNI_TONE),
}
_VNI_D = "ñ"  # đ, 0xF1 (Đ = 'Ñ', 0xD1)
_VNI_Y_DOT = "î"  # ỵ is the single byte 0xEE, not y + ï (Ỵ = 'Î')


def _build_tcvn3() -> tuple[dict[str, str], dict[str, str]]:
    decode_map: dict[str, str] = {}
    encode_map: dict[str, str] = {}
    for vowel, codes in _TCVN3_ROWS.items():
        for form, code in zip(_forms(vowel), codes, strict=True):
            if code is None:
                continue
            decode_map[chr(code)] = form
            encode_map[form] = chr(code)
            # No code for a toned capital: the lower-case code (what the
            # capitals-only fonts draw as the capital).
            encode_map.setdefault(form.upper(), chr(code))
    decode_map[chr(_TCVN3_D)] = "đ"
    encode_map["đ"] = chr(_TCVN3_D)
    for capital, code in _TCVN3_CAPITALS.items():
        decode_map[chr(code)] = capital
        encode_map[capital] = chr(code)
    return decode_map, encode_map


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    encode_map: dict[str, str] = {}
    for vowel, (base, marks) in _VNI_ROWS.items():
        for form, mark in zip(_forms(vowel), marks, strict=True):
            encode_map[form] = base + mark
            encode_map[form.upper()] = base.upper() + mark.upper()
    for form, seq in zip(_forms("i"), _VNI_I, strict=True):
        encode_map[form] = seq
        encode_map[form.upper()] = seq.upper()
    y_dot = _forms("y")[5]
    encode_map[y_dot] = _VNI_Y_DOT
    encode_map[y_dot.upper()] = _VNI_Y_DOT.upper()
    encode_map["đ"] = _VNI_D
    encode_map["Đ"] = _VNI_D.upper()
    # Plain ASCII letters map to themselves: not part of the table.
    encode_map = {k: v for k, v in encode_map.items() if k != v}
    decode_map = {seq: letter for letter, seq in encode_map.items()}
    # Mixed case (capital base + lower-case mark, or the other way round) is
    # read leniently; the base letter decides the case.
    for letter, seq in list(encode_map.items()):
        if len(seq) == 2:
            for mark in (seq[1].lower(), seq[1].upper()):
                decode_map.setdefault(seq[0] + mark, letter)
    return decode_map, encode_map


_TCVN3_DECODE, _TCVN3_ENCODE = _build_tcvn3()
_VNI_DECODE, _VNI_ENCODE = _build_vni()

# Bytes 0x80-0x9F read as C1 controls (Latin-1 writers) -> the cp1252 character.
_C1_TO_CP1252: dict[int, str] = {}
for _byte in range(0x80, 0xA0):
    try:
        _C1_TO_CP1252[_byte] = bytes([_byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: undefined, kept
        pass
_CP1252_HIGH = frozenset(_C1_TO_CP1252.values())

_TCVN3_TRANSLATE = str.maketrans({**_C1_TO_CP1252, **_TCVN3_DECODE})
_TCVN3_ENCODE_TRANSLATE = str.maketrans(_TCVN3_ENCODE)
_VNI_ENCODE_TRANSLATE = str.maketrans(_VNI_ENCODE)
_C1_TRANSLATE = str.maketrans(_C1_TO_CP1252)


def _vni_pattern() -> re.Pattern[str]:
    """One regex for every VNI sequence: per base letter, a class of its marks; then singles."""
    by_base: dict[str, list[str]] = {}
    singles: list[str] = []
    for seq in _VNI_DECODE:
        if len(seq) == 2:
            by_base.setdefault(seq[0], []).append(seq[1])
        else:
            singles.append(seq)
    parts = [
        re.escape(base) + "[" + "".join(sorted(marks)) + "]" for base, marks in by_base.items()
    ]
    parts.append("[" + "".join(sorted(singles)) + "]")
    return re.compile("(" + "|".join(parts) + ")")


_VNI_RE = _vni_pattern()
_VNI_LOOKUP = _VNI_DECODE.__getitem__

# Characters that only real Unicode Vietnamese has (never a legacy byte read as
# cp1252/Latin-1): ă đ ĩ ũ ơ ư, U+1EA0-U+1EF9, and combining marks (NFD text).
_UNICODE_ONLY = lazyre.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u036f]"
)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------
# Decode / encode
# --------------------------------------------------------------------------


def decode(text: str, encoding: str, caps: bool = False) -> str:
    """Legacy text as read from a cell -> NFC Unicode.

    ``encoding`` is ``'tcvn3'`` or ``'vni'``. ``caps=True`` (capitals-only fonts
    such as ``.VnTimeH``) upper-cases the result, as the font draws it.
    ASCII comes back unchanged. Text that already holds characters only
    Unicode Vietnamese has (ă đ ơ ư ạ ... or combining marks) is taken to be
    Unicode typed in a legacy-font cell and comes back NFC, otherwise untouched.
    """
    if text.isascii():
        return text.upper() if caps else text
    if _UNICODE_ONLY.search(text):
        return _nfc(text)
    if encoding == TCVN3:
        out = text.translate(_TCVN3_TRANSLATE)
    elif encoding == VNI:
        # split() with one capturing group: sequences sit at the odd positions.
        parts = _VNI_RE.split(text.translate(_C1_TRANSLATE))
        if len(parts) > 1:
            parts[1::2] = map(_VNI_LOOKUP, parts[1::2])
        out = "".join(parts)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    if caps:
        out = out.upper()
    return _nfc(out)


def encode(text: str, encoding: str) -> str:
    """Unicode -> the legacy text as Excel holds it (the inverse of :func:`decode`).

    Each byte comes out as its U+00A0-U+00FF character. TCVN3 has no code for a
    toned capital: it is written with the lower-case code, so ``decode`` gives it
    back lower-case (or upper-case with ``caps=True``). Characters with no
    legacy code are kept as they are.
    """
    text = _nfc(text)
    if text.isascii():
        return text
    if encoding == TCVN3:
        return text.translate(_TCVN3_ENCODE_TRANSLATE)
    if encoding == VNI:
        return text.translate(_VNI_ENCODE_TRANSLATE)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def decode_runs(runs: Iterable[tuple[str, str | None]]) -> str:
    """Decode rich text run by run: ``runs`` is ``(text, font_name)`` pairs."""
    parts = []
    for text, font in runs:
        encoding = font_encoding(font)
        parts.append(decode(text, encoding, is_caps_font(font)) if encoding else text)
    return _nfc("".join(parts))


# --------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------

# ABC (TCVN3) families whose capitals-only twin is the same name + "H"; used
# only when a name has lost its case (all lower- or all upper-case).
_TCVN3_FAMILIES = frozenset(
    {
        ".vntime",
        ".vnarial",
        ".vnarial narrow",
        ".vnavant",
        ".vnbook-antiqua",
        ".vncentury schoolbook",
        ".vncourier",
        ".vncourier new",
        ".vnhelvetins",
        ".vnuniverse",
        ".vnblack",
        ".vnbahamasb",
        ".vnclarendon",
        ".vncooper",
        ".vnaristote",
        ".vnlinus",
        ".vnvogue",
        ".vnrevue",
        ".vnbodoni",
        ".vnswitzerland",
        ".vnswitzerlandcondensed",
        ".vnswitzerlandinserat",
    }
)


@lru_cache(maxsize=256)
def font_encoding(font_name: str | None) -> str | None:
    """``'tcvn3'`` for ``.Vn*`` fonts, ``'vni'`` for ``VNI-*`` fonts, else None (case-insensitive)."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    if name.startswith(".vn"):
        return TCVN3
    if name.startswith(("vni-", "vni ", "vni_")):
        return VNI
    return None


@lru_cache(maxsize=256)
def is_caps_font(font_name: str | None) -> bool:
    """True for the TCVN3 capitals-only fonts (``.VnTimeH``, ``.VnArialH``, ``.VnBahamasBH``).

    Rule: a ``.Vn`` font whose name ends in a capital ``H`` (the ABC set names
    each capitals-only font after its family + "H"; no ordinary family name
    ends in a capital H). If the name has lost its case (all lower- or all
    upper-case), it must be a known ABC family + "h". VNI fonts have real
    capitals, so no VNI font is a capitals-only font.
    """
    if not font_name or font_encoding(font_name) != TCVN3:
        return False
    name = font_name.strip()
    if name.lower() != name and name.upper() != name:
        return name.endswith("H")
    lowered = name.lower()
    return lowered.endswith("h") and lowered[:-1].rstrip() in _TCVN3_FAMILIES


# The symbol fonts whose marks are read (schemas.columns.SYMBOL_FONT_MARKS), by name as Excel
# writes it, case and spaces aside ('Wingdings 2', 'WINGDINGS  2').
SYMBOL_FONTS = ("wingdings 2", "wingdings", "webdings")
# Their names as bytes in a style table or a FONT record (8-bit or UTF-16), searched for in the
# bytes lower-cased: a workbook holding none of these uses no symbol font (the fast path of
# :func:`symbol_cells`).
_SYMBOL_NAME_BYTES = tuple(
    form
    for word in ("wingdings", "webdings")
    for form in (word.encode("ascii"), word.encode("utf-16-le"))
)


@lru_cache(maxsize=256)
def symbol_font(font_name: str | None) -> str | None:
    """``'wingdings 2'``, ``'wingdings'`` or ``'webdings'`` for those fonts, else None."""
    if not font_name:
        return None
    name = " ".join(font_name.lower().split())
    return name if name in SYMBOL_FONTS else None


def _symbol_runs(segments: list[tuple[str, str | None]]) -> str | None:
    """The symbol font of a rich-text cell, when every run holding more than spaces is in that
    one font; else None (a 'P' typed in Calibri beside a Wingdings 2 run is a letter)."""
    found = {symbol_font(font) for text, font in segments if text.strip()}
    return found.pop() if len(found) == 1 else None


class _FontKind(NamedTuple):
    """What :func:`font_cells` tells of a cell: ``of_font`` for a cell in one font (None: not
    of this kind), ``of_runs`` for rich text's (text, font) runs."""

    of_font: Callable[[str | None], Any]
    of_runs: Callable[[list[tuple[str, str | None]]], Any]


def _legacy_font(font_name: str | None) -> tuple[str, bool] | None:
    encoding = font_encoding(font_name)
    if encoding is None:
        return None
    return encoding, encoding == TCVN3 and is_caps_font(font_name)


# --------------------------------------------------------------------------
# Guessing
# --------------------------------------------------------------------------

_INITIALS = "ngh|ng|gh|gi|ch|kh|nh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x|"
_NUCLEI = (
    "iêu|yêu|uyê|uya|uyu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|"
    "ưa|ưi|ươ|ưu|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_FINALS = "ng|nh|ch|c|m|n|p|t|"
_SYLLABLE = lazyre.compile(f"(?:{_INITIALS})(?:{_NUCLEI})(?:{_FINALS})")
_TONE_COMBINING = frozenset("\u0300\u0301\u0303\u0309\u0323")
# a run of letters and digits: one with a digit ("0513·088·426" read as TCVN3 is "0513ã088ã426")
# is no syllable's evidence (session 60, F2: a telephone number by middle dots decoded)
_WORD = lazyre.compile(r"[^\W_]+")


@lru_cache(maxsize=1 << 14)
def _is_syllable(word: str) -> bool:
    """A lower-case word that spells one Vietnamese syllable (at most one tone)."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(ch in _TONE_COMBINING for ch in decomposed)
    if tones > 1:
        return False
    bare = unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if ch not in _TONE_COMBINING)
    )
    return _SYLLABLE.fullmatch(bare) is not None


def _plain_case(word: str) -> bool:
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def _score(text: str, *, check_case: bool) -> tuple[int, int]:
    """(valid, invalid) Vietnamese syllables among the words with a non-ASCII letter."""
    valid = invalid = 0
    for word in _WORD.findall(text):
        if word.isascii() or not word.isalpha():
            continue
        if _is_syllable(word.lower()) and (not check_case or _plain_case(word)):
            valid += 1
        else:
            invalid += 1
    return valid, invalid


def _count_sequences(text: str, encoding: str) -> int:
    if encoding == TCVN3:
        return sum(ch in _TCVN3_DECODE for ch in text)
    return sum(1 for _ in _VNI_RE.finditer(text))


def latin_only(text: str) -> bool:
    """Whether ``text`` has only characters a legacy font's text can hold (Latin-1, cp1252)."""
    return all(ord(ch) <= 0xFF or ch in _CP1252_HIGH for ch in text)


def guess_encoding(text: str) -> str | None:
    """``'tcvn3'`` / ``'vni'`` if the text reads as legacy Vietnamese, else None.

    Says so only when (1) the text has nothing but ASCII, Latin-1 and cp1252
    characters (real Unicode Vietnamese has ạ ơ đ ... and is never legacy),
    (2) at least two legacy letters/sequences decode, (3) at least 80 % of the
    decoded words with an accented letter spell Vietnamese syllables, and
    (4) more of them than the text read as it is (so Unicode Vietnamese that
    happens to use only Latin-1 letters, like "Cô Tô", stays None). One short
    cell is weak evidence; pass a column's or sheet's text joined for a
    reliable answer.
    """
    if not text or text.isascii():
        return None
    for ch in set(text):
        if ord(ch) > 0xFF and ch not in _CP1252_HIGH:
            return None
    orig_valid, _ = _score(text, check_case=True)
    best: tuple[int, int, str] | None = None
    for encoding in ENCODINGS:
        count = _count_sequences(text, encoding)
        if count < 2:
            continue
        valid, invalid = _score(decode(text, encoding), check_case=False)
        if valid == 0 or valid < 0.8 * (valid + invalid) or valid <= orig_valid:
            continue
        key = (valid - invalid, count, encoding)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


# --------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------


def _classify(segments: list[tuple[str, str | None]]) -> tuple[str, bool] | None:
    """(encoding, caps) for a cell made of ``(text, font_name)`` runs, or None.

    A plain cell is one run in the cell's font. For rich text, runs in a legacy
    font decide: the encoding is the one covering the most characters, and caps
    is True only if every legacy run with a letter is in a capitals-only font
    (a mix keeps caps False, losing only case, never letters).
    """
    weight: dict[str, int] = {}
    caps_runs = plain_runs = 0
    for text, font in segments:
        encoding = font_encoding(font)
        if encoding is None or not text:
            continue
        weight[encoding] = weight.get(encoding, 0) + len(text)
        if any(ch.isalpha() for ch in text):
            if is_caps_font(font):
                caps_runs += 1
            else:
                plain_runs += 1
    if not weight:
        return None
    encoding = max(weight, key=lambda k: (weight[k], k == TCVN3))
    return encoding, encoding == TCVN3 and caps_runs > 0 and plain_runs == 0


LEGACY = _FontKind(_legacy_font, _classify)
SYMBOL = _FontKind(symbol_font, _symbol_runs)


def legacy_cells(path: Path, sheet_name: str) -> dict[tuple[int, int], tuple[str, bool]]:
    """{(row0, col0): (encoding, caps)} of a sheet's text cells in a legacy font: see
    :func:`font_cells`."""
    return font_cells(path, sheet_name, LEGACY)


def symbol_cells(path: Path, sheet_name: str) -> dict[tuple[int, int], str]:
    """{(row0, col0): 'wingdings 2'} of a sheet's text cells written in a symbol font (Wingdings
    2, Wingdings, Webdings: :data:`SYMBOL_FONTS`), whose letters the font draws as marks ('P'
    is ✓ in Wingdings 2). A workbook whose style table, shared strings (xlsx) or FONT records
    (xls) name no such font is told so by a byte search, without reading it further."""
    if not _names_a_symbol_font(path):
        return {}
    return font_cells(path, sheet_name, SYMBOL)


def _names_a_symbol_font(path: Path) -> bool:
    """Whether the file's fonts may name a symbol font: the bytes of an xlsx's styles and
    shared strings parts, or of an xls's Workbook stream (put together from its sectors, so a
    name is never cut in two), searched for the names; an .ods's font faces and styles
    (pipeline.odsfonts.names_a_symbol_font). Anything else: False."""
    with open(path, "rb") as handle:
        magic = handle.read(8)
    if magic.startswith(b"PK\x03\x04"):
        import zipfile

        from pipeline.sheetscan import read_bounded

        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names and "content.xml" in names:
                from pipeline.odsfonts import names_a_symbol_font

                return names_a_symbol_font(archive)  # an .ods: its font faces and styles
            # the parts as Excel finds them, named otherwise too ('xl/styles2.xml'; session 65)
            parts = {n for n in names if n.lower() in ("xl/styles.xml", "xl/sharedstrings.xml")}
            if not {"xl/styles.xml", "xl/sharedStrings.xml"} <= parts:
                from pipeline.sheetscan import workbook_part

                for kind, usual in (("styles", "xl/styles.xml"),
                                    ("sharedStrings", "xl/sharedStrings.xml")):  # fmt: skip
                    if (found := workbook_part(archive, kind, usual)) is not None:
                        parts.add(found)
            for part in sorted(parts):
                data = read_bounded(archive, part).lower()
                if any(word in data for word in _SYMBOL_NAME_BYTES):
                    return True
            return False
    if magic == bytes.fromhex("D0CF11E0A1B11AE1"):
        from pipeline.biff import workbook_stream

        stream = workbook_stream(path.read_bytes())
        if stream is None:  # a container not made out: the fonts are read by xlrd
            return True
        stream = stream.lower()
        return any(word in stream for word in _SYMBOL_NAME_BYTES)
    return False


def font_cells(path: Path, sheet_name: str, kind: _FontKind = LEGACY) -> dict[tuple[int, int], Any]:
    """:func:`legacy_cells_xlsx` or :func:`legacy_cells_xls`, chosen by the file's content,
    telling the cells of ``kind`` (:data:`LEGACY`: (encoding, caps); :data:`SYMBOL`: the
    symbol font's name).

    A zip (xlsx/xlsm) or an OLE2 compound file (BIFF xls) whatever its
    extension, and for :data:`SYMBOL` an .ods (pipeline.odsfonts); anything else (csv, xlsb,
    an .ods for :data:`LEGACY`) gives {}.
    """
    with open(path, "rb") as handle:
        magic = handle.read(8)
    if magic.startswith(b"PK\x03\x04"):
        import zipfile

        from pipeline.sheetscan import main_part

        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            # its workbook part named otherwise too ('xl/Workbook.xml'; session 65)
            xlsx = "content.xml" not in names and main_part(archive, names) is not None
        if xlsx:
            return legacy_cells_xlsx(path, sheet_name, kind)
        if kind is SYMBOL and "content.xml" in names:
            # an .ods, for its symbol fonts only (its legacy-font text is guessed, not read
            # by its font)
            from pipeline.odsfonts import font_cells_ods

            return font_cells_ods(path, sheet_name, kind.of_runs)
        return {}  # an xlsb is a zip too, and is not looked into
    if magic == bytes.fromhex("D0CF11E0A1B11AE1"):
        return legacy_cells_xls(path, sheet_name, kind)
    return {}


def legacy_cells_xlsx(
    path: Path, sheet_name: str, kind: _FontKind = LEGACY
) -> dict[tuple[int, int], Any]:
    """{(row0, col0): (encoding, caps)} for the string cells of a sheet in a legacy font (or
    what ``kind`` tells of a cell's font: :func:`font_cells`).

    Coordinates are absolute and 0-based (A1 = (0, 0)). openpyxl (read-only)
    reads the workbook, the style table and the shared strings (with rich-text
    runs); the sheet XML is then scanned directly for ``<c>`` elements, which
    is several times faster than building openpyxl cells and skips the scan
    altogether when no style and no shared string uses a legacy font. String
    cells are shared strings, inline strings and formulas' cached strings.
    Rich text (shared or inline) is judged run by run, see :func:`_classify`;
    a run without a font of its own is in the cell's font.
    """
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    # A file handle, so openpyxl does not judge the file by its extension.
    handle = open(path, "rb")  # kept open: a read-only workbook reads it lazily
    wb = load_workbook(handle, read_only=True, data_only=True, rich_text=True)
    try:
        _styles_named_otherwise(wb)
        ws = wb[sheet_name]
        fonts = [font.name for font in wb._fonts]
        style_fonts = [
            fonts[style.fontId] if style.fontId < len(fonts) else None for style in wb._cell_styles
        ] or [None]
        plain = {i: found for i, name in enumerate(style_fonts)
                 if (found := kind.of_font(name)) is not None}  # fmt: skip
        # Shared strings with runs of their own font: index -> [(text, run font or None)].
        rich: dict[int, list[tuple[str, str | None]]] = {}
        legacy_runs = False
        for index, value in enumerate(ws._shared_strings):
            if isinstance(value, CellRichText):
                runs = [
                    (part.text, part.font.rFont if part.font is not None else None)
                    if isinstance(part, TextBlock)
                    else (str(part), None)
                    for part in value
                ]
                if any(font for _, font in runs):
                    rich[index] = runs
                    legacy_runs = legacy_runs or any(
                        kind.of_font(font) is not None for _, font in runs
                    )
        if not plain and not legacy_runs:
            return {}  # no such font anywhere: nothing to scan
        with ws._get_source() as source:
            return _scan_sheet(source, style_fonts, plain, rich, kind.of_runs)
    finally:
        wb.close()
        handle.close()


def _styles_named_otherwise(wb) -> None:
    """``wb``'s styles read from its styles part where it is named otherwise ('xl/styles2.xml',
    found by the workbook's relationship as Excel finds it): openpyxl reads 'xl/styles.xml'
    alone, so such a workbook's fonts were none (session 65). The usual case costs one
    membership test."""
    from openpyxl.xml.constants import ARC_STYLE

    archive = getattr(wb, "_archive", None)  # a read-only workbook keeps its zip open
    if archive is None or ARC_STYLE in archive.namelist():
        return
    from openpyxl.styles.stylesheet import apply_stylesheet

    from pipeline.sheetscan import read_bounded, workbook_part

    part = workbook_part(archive, "styles", ARC_STYLE)
    if part is None:
        return
    data = read_bounded(archive, part)

    class _Styles:
        """The one part apply_stylesheet reads, under openpyxl's name for it."""

        @staticmethod
        def read(name: str) -> bytes:
            if name != ARC_STYLE:
                raise KeyError(name)
            return data

    apply_stylesheet(_Styles(), wb)


_CELL_REF = lazyre.compile(r"([A-Za-z]+)(\d+)")


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def _refuse_doctype(*_args) -> None:
    raise ValueError("DTD in a worksheet part")


class _SheetScanner:
    """Streams a worksheet's XML with expat, classifying string cells as they end.

    Only ``row``, ``c`` and, inside string cells, ``v`` / ``is`` / ``r`` /
    ``rFont`` / ``t`` matter; expat's callbacks are much cheaper than building
    ElementTree elements for every cell.
    """

    def __init__(
        self,
        style_fonts: list[str | None],
        plain: dict[int, Any],
        rich: dict[int, list[tuple[str, str | None]]],
        of_runs: Callable[[list[tuple[str, str | None]]], Any] = _classify,
    ) -> None:
        self.style_fonts = style_fonts
        self.rich = rich
        self.plain = plain  # cell style -> what its font tells (legacy: (encoding, caps))
        self.of_runs = of_runs
        self.out: dict[tuple[int, int], Any] = {}
        self.row = -1
        self.col = -1
        self.kind: str | None = None  # string cell being read: "s", "str" or "inlineStr"
        self.style = 0
        self.capture: list[str] | None = None
        self.value: list[str] = []  # <v> text of a shared-string cell
        self.runs: list[list] = []  # inline runs: [text parts, font]
        self.local: dict[str, str] = {}
        from xml.parsers import expat

        # Text is only listened to while inside a <v> or <t> that matters.
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        # A worksheet part never has a DTD: refuse one instead of expanding its entities
        # (billion laughs) or fetching external ones.
        self.parser.StartDoctypeDeclHandler = _refuse_doctype
        self.parser.EntityDeclHandler = _refuse_doctype
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def _name(self, name: str) -> str:
        local = self.local.get(name)
        if local is None:
            local = self.local[name] = name.rpartition(":")[2]
        return local

    def start(self, name: str, attrs: dict[str, str]) -> None:
        name = self._name(name)
        if name == "c":
            ref = attrs.get("r")
            match = _CELL_REF.fullmatch(ref) if ref else None
            if match:
                self.col = _column_index(match.group(1))
                self.row = int(match.group(2)) - 1
            else:
                self.col += 1
            kind = attrs.get("t", "n")
            self.kind = kind if kind in ("s", "str", "inlineStr") else None
            self.style = int(attrs.get("s") or 0)
            self.value = []
            self.runs = []
        elif name == "row":
            r = attrs.get("r")
            self.row = int(r) - 1 if r else self.row + 1
            self.col = -1
        elif self.kind is None:
            return
        elif name == "v":
            if self.kind == "s" and self.rich:
                self.capture = self.value
                self.parser.CharacterDataHandler = self.text
        elif name == "r":
            self.runs.append([[], None])
        elif name == "t":
            if not self.runs or self.runs[-1][0]:
                self.runs.append([[], None])  # <t> straight under <is>
            self.capture = self.runs[-1][0]
            self.parser.CharacterDataHandler = self.text
        elif name == "rFont" and self.runs:
            self.runs[-1][1] = attrs.get("val")

    def end(self, name: str) -> None:
        name = self._name(name)
        if name in ("v", "t"):
            if self.capture is not None:
                self.capture = None
                self.parser.CharacterDataHandler = None
        elif name == "c":
            if self.kind is not None:
                found = self._classify_cell()
                if found:
                    self.out[(self.row, self.col)] = found
            self.kind = None

    def text(self, data: str) -> None:
        if self.capture is not None:
            self.capture.append(data)

    def _classify_cell(self) -> Any:
        runs: list[tuple[str, str | None]] | None = None
        if self.kind == "s" and self.rich:
            value = "".join(self.value).strip()
            runs = self.rich.get(int(value)) if value.isdigit() else None
        elif self.kind == "inlineStr" and any(font for _, font in self.runs):
            runs = [("".join(parts), font) for parts, font in self.runs]
        if runs is None:
            return self.plain.get(self.style)
        style_fonts = self.style_fonts
        cell_font = style_fonts[self.style] if self.style < len(style_fonts) else None
        return self.of_runs([(text, font or cell_font) for text, font in runs])


def _scan_sheet(
    source,
    style_fonts: list[str | None],
    plain: dict[int, Any],
    rich: dict[int, list[tuple[str, str | None]]],
    of_runs: Callable[[list[tuple[str, str | None]]], Any] = _classify,
) -> dict[tuple[int, int], Any]:
    scanner = _SheetScanner(style_fonts, plain, rich, of_runs)
    scanner.parser.ParseFile(source)
    return scanner.out


def legacy_cells_xls(
    path: Path, sheet_name: str, kind: _FontKind = LEGACY
) -> dict[tuple[int, int], Any]:
    """The same as :func:`legacy_cells_xlsx` for a BIFF ``.xls`` file, via xlrd.

    Uses ``formatting_info=True`` (cell XF -> font) and xlrd's rich-text run
    lists (``rich_text_runlist_map``). Returns {} when xlrd is not installed.
    """
    try:
        import xlrd
    except ImportError:
        return {}
    from pipeline.biff import quiet_book  # xlrd's remarks never on the officer's screen

    with quiet_book(filename=str(path), formatting_info=True) as book:
        sheet = book.sheet_by_name(sheet_name)
        fonts = [font.name for font in book.font_list]
        xfs = book.xf_list
        runlists = getattr(sheet, "rich_text_runlist_map", {}) or {}
        out: dict[tuple[int, int], Any] = {}
        for r in range(sheet.nrows):
            for c, cell in enumerate(sheet.row(r)):
                if cell.ctype != xlrd.XL_CELL_TEXT:
                    continue
                cell_font = fonts[xfs[cell.xf_index].font_index]
                runs = runlists.get((r, c))
                if runs:
                    found = kind.of_runs(_split_runs(cell.value, cell_font, runs, fonts))
                else:
                    found = kind.of_font(cell_font)
                if found:
                    out[(r, c)] = found
        return out


def _split_runs(
    text: str, cell_font: str, runs: list[tuple[int, int]], fonts: list[str]
) -> list[tuple[str, str | None]]:
    """xlrd run list [(start, font_index), ...] -> (text, font_name) segments."""
    segments: list[tuple[str, str | None]] = []
    starts = [(0, cell_font)] + [(start, fonts[index]) for start, index in runs]
    starts.sort(key=lambda item: item[0])
    for i, (start, font) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        if end > start:
            segments.append((text[start:end], font))
    return segments
