"""Matching typed values against the contract's vocabularies (classification, marks, groups, causes).

Each function returns the canonical value, or None when the text is not in
the vocabulary; callers keep the text as written so the issue can show it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline import lazyre
from pipeline.text import fold, is_blank
from schemas.columns import (
    CAUSES,
    CHOICE_ALIASES,
    CHOICE_NOT_ENTRIES,
    CLASSIFICATIONS,
    DEPRIVED_MARKS,
    ETHNIC_ALIASES,
    ETHNIC_GROUPS,
    NEEDS,
    NOT_DEPRIVED_MARKS,
    SYMBOL_FONT_MARKS,
    TARGET_GROUP_ALIASES,
    TARGET_GROUP_PREFIXES,
    TARGET_GROUPS,
    WINGDINGS_MARKS,
)


@lru_cache(maxsize=1)
def _classification_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, (label, aliases) in CLASSIFICATIONS.items():
        for text in (label, *aliases):
            table[fold(text)] = key
    return table


_REMARK = lazyre.compile(r"\(([^()]*)\)")
_CLASS_WORDS = lazyre.compile(r"\b(ngheo|can|thoat|ho|hn|hcn|cn)\b")


def classification(value: object) -> str | None:
    """'poor' | 'near_poor' | 'exited' from 'Hộ nghèo', 'cận nghèo', 'Thoát', …; also 'Hộ nghèo
    (mới)' (a remark in brackets that names no class), 'Hộ cận nghèo mới' (phát sinh), 'Hộ mới
    nghèo' and 'H.cận nghèo' ('H.' for 'Hộ')."""
    table = _classification_table()
    key = fold(value)
    found = table.get(key)
    if found is not None or not isinstance(value, str):
        return found
    text = _REMARK.sub(
        lambda m: " " if not _CLASS_WORDS.search(fold(m.group(1))) else m.group(0), value
    )
    key = fold(text)
    if key.startswith("h "):
        key = "ho " + key[2:]
    for new in (" moi phat sinh", " phat sinh moi", " phat sinh", " moi"):  # 'Hộ nghèo mới'
        if key.endswith(new) and key[: -len(new)] in table:
            key = key[: -len(new)]
            break
    else:
        for new in ("ho moi ", "ho phat sinh "):  # 'Hộ mới nghèo', 'Hộ phát sinh cận nghèo'
            if key.startswith(new) and "ho " + key[len(new) :] in table:
                key = "ho " + key[len(new) :]
                break
    return table.get(key)


_DEPRIVED = {fold(m) for m in DEPRIVED_MARKS} - {""}
_NOT_DEPRIVED = {fold(m) for m in NOT_DEPRIVED_MARKS} - {""}
# Marks that are symbols, not letters ('✓', '√', '-'): matched as typed, since fold drops them.
_SYMBOLS = (
    {m: True for m in DEPRIVED_MARKS if not fold(m)}
    | {m: False for m in NOT_DEPRIVED_MARKS if m and not fold(m)}
    | dict.fromkeys(WINGDINGS_MARKS, True)
)
_VARIATION_SELECTORS = str.maketrans("", "", "\ufe0e\ufe0f")  # '✔️' is '✔' + U+FE0F
# A question mark alone ('?', '??', a full-width '？'): a mark the head is unsure of (session 30),
# read as a mark as 'x?' is (session 28) and said (normalise._QUESTIONED_MARKS); a head writes
# in a mark cell only to mark it, a blank cell says not.
_QUESTION_ONLY = frozenset("?\uff1f ")


def deprivation_mark(value: object) -> bool | None:
    """True for 'x', 'X', '1', 'có', '✓' (and a '?' alone: :func:`question_alone`); False for
    blank, '0', 'không'; None otherwise."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return {1: True, 0: False}.get(value)  # type: ignore[arg-type]
    text = str(value).strip().translate(_VARIATION_SELECTORS)
    if text in _SYMBOLS:
        return _SYMBOLS[text]
    key = fold(text)
    if key in _DEPRIVED:
        return True
    if key in _NOT_DEPRIVED:
        return False
    if not key and text and _QUESTION_ONLY.issuperset(text):
        return True
    return None


def question_alone(text: str) -> bool:
    """Whether a mark cell's text is a question mark alone ('?', '? ?', '？'), no mark beside
    it: said in the words of a '?' alone, not of one beside a mark ('x?'). '=?' is one too.
    """
    text = text.strip().removeprefix("=").strip()
    return bool(text) and _QUESTION_ONLY.issuperset(text)


def _stored_letter(text: str) -> str:
    """A symbol font's one letter as the tables hold it: a C1 control (a Latin-1 writer's
    0x98) as its cp1252 character ('˜'), the font's private-use code (U+F050) as its byte."""
    code = ord(text)
    if 0xF020 <= code <= 0xF0FF:  # the symbol font's own code page, as Word keeps it
        code -= 0xF000
    if 0x80 <= code <= 0x9F:
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(code)
    return chr(code)


def symbol_mark(value: object, font: str | None) -> str | None:
    """The mark a symbol font draws for a cell's text ('✓' for 'P' in Wingdings 2, '☐' for '£'),
    or None: the text is not one letter the font draws as a mark (schemas.columns
    .SYMBOL_FONT_MARKS), or ``font`` is none of those fonts."""
    marks = SYMBOL_FONT_MARKS.get(font or "")
    if marks is None or not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) != 1:
        return None
    return marks.get(_stored_letter(text))


def gender(value: object) -> str | None:
    return {"nam": "Nam", "nu": "Nữ"}.get(fold(value))


@lru_cache(maxsize=1)
def _ethnic_table() -> dict[str, str]:
    table = {fold(name): name for name in ETHNIC_GROUPS}
    table.update({fold(alias): name for alias, name in ETHNIC_ALIASES.items()})
    return table


# What a head writes between two names of one group ('Dao đỏ (Dao Tiền)', 'Mông/Mèo')
_ETHNIC_APART = lazyre.compile(r"[()/,;]")


def ethnicity(value: object) -> str | None:
    """The group (ETHNIC_GROUPS) a cell names, by one of its names (ETHNIC_ALIASES); so two or
    more of one group's names written together, one in brackets or after a '/' ('Dao đỏ (Dao
    Tiền)': Dao; session 47). Names of two groups ('Tày (Nùng)') name none."""
    found = _ethnic_name(fold(value))
    if found is None and value.__class__ is str and _ETHNIC_APART.search(value):
        keys = [key for key in map(fold, _ETHNIC_APART.split(value)) if key]
        groups = {_ethnic_name(key) for key in keys}
        if len(keys) > 1 and len(groups) == 1 and None not in groups:
            found = groups.pop()
    return found


def _ethnic_name(key: str) -> str | None:
    """The group a folded name names, written with or without its spaces ('Xơ Đăng', 'Xơđăng')."""
    table = _ethnic_table()
    return table.get(key) or table.get(key.replace(" ", ""))


@lru_cache(maxsize=8)
def _entry_keys(known: tuple[str, ...]) -> tuple[tuple[str | None, str], ...]:
    """(entry, its folded words padded with spaces) of the list's entries and of their other
    wordings (schemas.columns.CHOICE_ALIASES, read as the entry they name), longest first;
    an entry None for the wordings that name none (CHOICE_NOT_ENTRIES: 'Thiếu đất ở')."""
    written: list[tuple[str, str | None]] = [(e, e) for e in known]
    written += [(a, e) for a, e in CHOICE_ALIASES.get(known, {}).items() if e in known]
    written += [(text, None) for text in CHOICE_NOT_ENTRIES.get(known, ())]
    keys = [(e, f" {fold(text)} ") for text, e in written]
    return tuple(sorted(keys, key=lambda k: len(k[1]), reverse=True))


@lru_cache(maxsize=8)
def _plain_entries(known: tuple[str, ...]) -> frozenset[str] | None:
    """The list's entries when a cell of entries written exactly as the list writes them,
    '; '-joined ('Thiếu vốn; Thiếu lao động', as the template's, the sample's and our outputs'
    cells are), is read by :func:`_split_known` as just those entries, in their order, with no
    leftover; None when that cannot be told of the list.

    It holds when no entry key (:func:`_entry_keys`: entries, other wordings, wordings that name
    none) can be found across the boundary of two entries written so, which is all that could
    read them otherwise: keys are found longest first, as whole words, and each entry is a key
    of its own. A key found across a boundary has its words before it end as an entry does
    (they are a suffix of an entry's words, or an entry's words are a suffix of them), and
    those after it begin as an entry does: a list with no key so split is plain. Two entries
    the same when folded are not plain (the first's key would read both)."""
    entries = [tuple(fold(e).split()) for e in known]
    whole = set(entries)
    if len(whole) != len(entries) or not all(entries):
        return None
    ends = {e[i:] for e in entries for i in range(len(e))}
    starts = {e[:i] for e in entries for i in range(1, len(e) + 1)}
    for _, key in _entry_keys(known):
        words = tuple(key.split())
        for cut in range(1, len(words)):
            before, after = words[:cut], words[cut:]
            if (before in ends or any(before[i:] in whole for i in range(len(before)))) and (
                after in starts or any(after[:i] in whole for i in range(1, len(after) + 1))
            ):
                return None
    return frozenset(known)


@lru_cache(maxsize=1 << 14)
def _split_known(text: str, known: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Known entries found in free text (entries may contain commas), and the leftovers."""
    plain = _plain_entries(known)
    if plain is not None:
        parts = text.split("; ")
        if all(part in plain for part in parts):  # as the list writes them: read so at once
            return tuple(dict.fromkeys(parts)), ()
    folded = f" {fold(text)} "
    found: list[tuple[int, str]] = []
    named_none: list[str] = []  # wordings that name no entry, kept as leftovers
    for entry, key in _entry_keys(known):
        position = folded.find(key)
        if position >= 0:
            if entry is None:
                named_none.append(key.strip())
            else:
                found.append((position, entry))
        while position >= 0:  # written twice ('Thiếu vốn; Thiếu vốn'): one entry, no leftover
            folded = folded[:position] + " " * len(key) + folded[position + len(key) :]
            position = folded.find(key)
    leftovers = tuple(part for part in re.split(r"\s{2,}", folded.strip()) if part.strip())
    leftovers = (*named_none, *leftovers)
    first: dict[str, int] = {}  # an entry named in two wordings ('Ốm đau; Tai nạn') is one
    for position, entry in sorted(found):
        first.setdefault(entry, position)
    return tuple(first), leftovers


def multi_choice(value: object, known: tuple[str, ...]) -> tuple[str, list[str]]:
    """Canonical '; '-joined entries of a multi-choice cell, and the unknown leftovers."""
    if is_blank(value):
        return "", []
    found, leftovers = _split_known(str(value), known)
    return "; ".join(found), list(leftovers)


def unknown_parts(value: object, known: tuple[str, ...]) -> tuple[list[str], bool]:
    """The parts of a multi-choice cell, as written, that name no entry ('Do lười' of 'Thiếu
    vốn; Do lười'), and whether some other part names one. Parts are split at ';', then at ','
    where a part holds an unknown word; a comma piece that joins a neighbour into an entry
    ('Thiếu công cụ' | 'phương tiện sản xuất') is that entry, not unknown."""
    if is_blank(value):
        return [], False
    text = str(value)
    found, leftovers = multi_choice(text, known)
    if not leftovers:
        return [], bool(found)

    def unknown(piece: str) -> bool:
        return bool(piece.strip()) and bool(multi_choice(piece, known)[1])

    parts: list[str] = []
    named = False  # some part names an entry
    for part in text.split(";"):
        if not unknown(part):
            named = named or bool(part.strip())
            continue
        pieces = part.split(",")
        for i, piece in enumerate(pieces):
            joins = (",".join(pieces[j : k + 1]) for j, k in ((i - 1, i), (i, i + 1))
                     if j >= 0 and k < len(pieces))  # fmt: skip
            if unknown(piece) and all(unknown(joined) for joined in joins):
                parts.append(piece.strip())
            else:
                named = named or bool(piece.strip())
    return parts, named


def causes(value: object) -> tuple[str, list[str]]:
    return multi_choice(value, CAUSES)


def needs(value: object) -> tuple[str, list[str]]:
    return multi_choice(value, NEEDS)


_GROUP_KEYS = {fold(k): k for k in TARGET_GROUPS} | {
    fold(a): k for a, k in TARGET_GROUP_ALIASES.items()
}
_GROUP_KEYS |= {fold(label): key for key, label in TARGET_GROUPS.items()}


_GROUP_PREFIXES = tuple(f"{fold(p)} " for p in TARGET_GROUP_PREFIXES)


def group_tokens(text: str) -> list[str]:
    """The parts of a 'Nhóm đối tượng' cell, split at , ; / +. One group written alone (the
    common cell) is one part: the pattern is not compiled for it (session 33)."""
    return re.split(r"[,;/+]", text) if any(mark in text for mark in ",;/+") else [text]


def group_key(token: str) -> str | None:
    """The target group (BTXH, NCC, KKNLĐ) one part of a 'Nhóm đối tượng' cell names: its key,
    name or another wording ('KCKNLĐ', 'CSCC'), also after 'Hộ' or 'Đối tượng' ('Hộ BTXH')."""
    folded = fold(token)
    key = _GROUP_KEYS.get(folded)
    if key is None:
        for prefix in _GROUP_PREFIXES:
            if folded.startswith(prefix):
                return _GROUP_KEYS.get(folded[len(prefix) :])
    return key


def target_groups(value: object) -> tuple[str, list[str]]:
    """'BTXH, NCC' -> ('BTXH, NCC', []); unknown tokens are returned as leftovers."""
    if is_blank(value):
        return "", []
    found: list[str] = []
    unknown: list[str] = []
    for token in group_tokens(str(value)):
        if not token.strip():
            continue
        key = group_key(token)
        if key is None:
            unknown.append(token.strip())
        elif key not in found:
            found.append(key)
    return ", ".join(found), unknown
