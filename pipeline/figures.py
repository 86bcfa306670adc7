"""Figures (CONTRACT §4): rates, reductions, targets, movements, deprivations. Pure, no I/O.

Commune figures are sums over the accepted hamlets with rates recomputed
from the sums, never averages of hamlet rates.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Collection

import numpy as np
import pandas as pd

from pipeline import lazyre, vocab
from pipeline.text import ascii_number_text, fold, fold_exact
from pipeline.types import FROM_AGE
from schemas.columns import CAUSES, INDICATOR_KEYS, TARGET_GROUPS

# How many decimals of a rate-point reduction count when comparing with a target,
# so that 5.60 − 4.08 = 1.5199999999999996 meets a 1.52 target.
_COMPARE_DECIMALS = 9

# The status a row left out of the counts for an error has in the history and the baselines.
NOT_COUNTED = "not_counted"
# A stored month's row of a household its hamlet's list wrote under a move-out title naming
# another hamlet of the plan, on no list of the commune that month (moves.said_moved_out): moved out
# of the row's hamlet, counted nowhere; the status says the list it was moved out as. The next
# month finds it there, moved in where it is listed (docs/decisions.md, session 31).
MOVED = {"moved_poor": "poor", "moved_near_poor": "near_poor"}
_UNLISTED = frozenset({NOT_COUNTED, *MOVED})  # statuses of rows on no list, yet where they were

# ``not_counted``: on the list at the start, and on it now in a row left out of the counts for an
# error: neither gone (exited) nor counted (end) until the hamlet fixes the row (docs/decisions.md).
# ``moved_out``/``moved_in``: a household that left the hamlet's list for another hamlet of the
# commune's (same Mã hộ), and one that came from another hamlet's: no exit, nothing new, for the
# commune. ``recounted``: on a list in the baseline (a stored month) in a row left out for an
# error there, and counted now, the row fixed: not new, since it never left the lists.
# In column order: what leaves the list, then what joins it, then the end.
POOR_MOVES = (
    "start",
    "to_near_poor",
    "exited",
    "not_counted",
    "moved_out",
    "from_near_poor",
    "new",
    "returned",
    "moved_in",
    "recounted",
    "end",
)
NEAR_POOR_MOVES = (
    "start",
    "to_poor",
    "exited",
    "not_counted",
    "moved_out",
    "from_poor",
    "new",
    "returned",
    "moved_in",
    "recounted",
    "end",
)


def rate(count: int, households: int) -> float:
    """Percentage of all resident households (0 when there are none)."""
    return count / households * 100 if households else 0.0


def reached(achieved: float, target: float) -> bool:
    return round(achieved, _COMPARE_DECIMALS) >= round(target, _COMPARE_DECIMALS)


def progress(achieved: float, target: float) -> float | None:
    """Achieved as a percentage of the target, rounded to ``_COMPARE_DECIMALS`` as
    :func:`reached` rounds: a target met exactly is 100, never 99.99999999999997 (which a
    ``>= 100`` colour rule would paint amber beside 'ĐẠT')."""
    if not target:
        return None
    return round(achieved / target * 100, _COMPARE_DECIMALS)


def still_to_exit(start_count: int, count: int, target: int) -> int:
    """Households that must still leave a hamlet's list to meet its household target."""
    return max(0, target - (start_count - count))


def still_to_exit_for_rate(
    start_rate: float, households: int, count: int, target_points: float
) -> int:
    """Households that must still leave a list for the rate to fall by ``target_points``."""
    allowed = math.floor(round((start_rate - target_points) / 100 * households, _COMPARE_DECIMALS))
    return max(0, count - max(allowed, 0))


def id_key(ma_ho) -> str:
    """A Mã hộ as households are matched by it: spaces dropped, case folded, and a code of
    digits alone without its leading zeros: '001001' written as text one month is the cell
    1001 Excel made of it another (or in the plan's start list), one household. A whole
    number read as a float (1001.0) is that number's digits. Its digits of another script and
    look-alikes of a separator as the masking reads them (``text.ascii_number_text``): '０１'
    in full-width digits is '01', '１６７．０１２．００１' '167.012.001', 'TL–01–001' (an en dash)
    'TL-01-001': one household to the run, and the commune's own code to the posted list
    (session 54, D2). An ASCII code (most) is told so by one look in C."""
    if ma_ho.__class__ is float and ma_ho.is_integer():
        ma_ho = int(ma_ho)
    key = "".join(str(ma_ho).split()).casefold()
    if not key.isascii():
        key = ascii_number_text(key)
    if key[:1] == "0" and key.isascii() and key.isdigit():
        return key.lstrip("0") or "0"
    return key


def stored_key(hh_key: str) -> str:
    """A matching key read back from the history store, as :func:`id_key` makes it now: a
    store written before codes of digits lost their leading zeros ('id|001001') matches the
    household's key of today ('id|1001'); one written before a code's full-width digits were
    read as ASCII ('id|０１', session 54) the key of today ('id|1')."""
    if (hh_key[3:4] == "0" or not hh_key.isascii()) and hh_key.startswith("id|"):
        return "id|" + id_key(hh_key[3:])
    return hh_key


def as_start_writes(codes: list, start_list) -> list[str | None]:
    """For each Mã hộ as written, the plan's start list's own writing of it where the two
    differ only by spaces inside or letter case ('nm2', 'TL.01. 005' for 'NM2', 'TL.01.005':
    one household to :func:`id_key`), or by another script's digits and look-alikes of a
    separator (``text.ascii_number_text``: '０１', 'TL–01–001' for '01', 'TL-01-001'; session
    54, D3); else None (the same, spaces around only, a code on no start list, digits apart by
    their leading zeros: Excel's doing, session 23). A start list writing two codes so alike
    names neither; nor one it writes in look-alikes itself (a list's ASCII '01' for its '０１':
    no head is told to type full-width digits)."""
    found: list[str | None] = [None] * len(codes)
    if start_list is None or "ma_ho" not in start_list.columns:
        return found
    written, exact = _start_spellings(start_list)
    for index, code in enumerate(codes):
        if code.__class__ is str and code.strip() not in exact:
            key = "".join(code.split()).casefold()  # :func:`_spelling`, inline: a call a code
            right = written.get(key if key.isascii() else ascii_number_text(key))
            if right is not None and (right.isascii() or ascii_number_text(right) is right):
                found[index] = right
    return found


def per_start_list(make: Callable) -> Callable:
    """``make(start_list)`` kept for the last start list asked of, the frame kept to compare by
    identity (a frame has no hash): the run's warnings and its posted list (NiemYet, written
    after them, in a forked child that inherits this) ask of one start list, again and again.
    One entry, so a run never holds two start lists' answers."""
    last: list = [None, None]

    @functools.wraps(make)
    def kept(start_list):
        if last[0] is not start_list:
            last[:] = [start_list, make(start_list)]
        return last[1]

    return kept


def _spelling(code: str) -> str:
    """A code as :func:`as_start_writes` compares it: spaces dropped, case folded, look-alike
    digits and separators in ASCII (a code beyond ASCII alone looked at: one test in C)."""
    key = "".join(code.split()).casefold()
    return key if key.isascii() else ascii_number_text(key)


@per_start_list
def _start_spellings(start_list) -> tuple[dict[str, str | None], set]:
    """A start list's codes by their key without spaces, case or look-alikes (:func:`_spelling`;
    None where two codes share one), and the codes as written: made once per start list."""
    written: dict[str, str | None] = {}
    for code in start_list["ma_ho"].tolist():
        if code.__class__ is str and code.strip():
            key = _spelling(code)
            code = code.strip()
            written[key] = code if written.get(key, code) == code else None
    return written, set(written.values())


def start_written(start_list) -> set[str]:
    """The plan's start list's codes as written (spaces around dropped; :func:`as_start_writes`'
    too: made once per start list), a code written two ways left out: most of a hamlet's codes
    as its list writes them, told from one look each (:func:`start_keys` is the rule)."""
    if start_list is None or "ma_ho" not in start_list.columns:
        return set()
    return _start_spellings(start_list)[1]


def start_keys(start_list) -> frozenset[str]:
    """The :func:`id_key` of each Mã hộ on the plan's start list ``start_list`` (a frame, or
    None: none): the commune's own codes, never told to a head as an ID or telephone number nor
    masked on the posted list (sessions 51, 53). Made once per start list."""
    if start_list is None or "ma_ho" not in start_list.columns:
        return frozenset()
    return _start_key_set(start_list)


@per_start_list
def _start_key_set(start_list) -> frozenset[str]:
    """:func:`start_keys` of a start list with a Mã hộ column, made once per start list."""
    codes = start_list["ma_ho"].tolist()
    return frozenset(id_key(c) for c in codes if c.__class__ is str and c.strip())


_CODE_MARKS = lazyre.compile(r"[.\-_/\\,;:]+")
_NO_CODE_MARKS = str.maketrans("", "", ".-_/\\,;:")  # the same marks, dropped by translate
# A key's leading zeros where it is of digits alone, one digit kept ('\x00' around each key)
_LEADING_ZEROS = lazyre.compile("\x000+(?=[0-9]+\x00)")


def loose_key(key: str) -> str | None:
    """A Mã hộ key with its punctuation dropped ('id|tl.01.001' and 'id|tl01001' both give
    'tl01001'; '01.001' and '1001' both '1001'); None for a household matched by name. Used only to pair a household left
    unmatched on both sides of a movement (a hamlet head who wrote 'TL 01 001' for the start
    list's 'TL.01.001'), never for the duplicate check or the history's keys."""
    if not key.startswith("id|"):
        return None
    loose = _CODE_MARKS.sub("", key[3:])
    return (loose.lstrip("0") or "0") if loose.isascii() and loose.isdigit() else loose


def loose_codes(keys: Collection[str]) -> set[str]:
    """:func:`loose_key` of each of ``keys`` (each an :func:`id_key`, without 'id|'), all at once in
    C: their marks dropped, then the leading zeros of those of digits alone (a province's
    300,000 start-list codes in ~0.1 s, not 1.3 s one by one; session 53, R3). No keys, none
    (joined, they would read as one empty key)."""
    if not keys:
        return set()
    joined = "\x00" + "\x00".join(keys).translate(_NO_CODE_MARKS) + "\x00"
    return set(_LEADING_ZEROS.sub("\x00", joined)[1:-1].split("\x00"))


def _paired_loosely(gone: list[str], arrived: list[str]) -> dict[str, str]:
    """arrived key -> gone key, for each loose key held by exactly one of each."""
    by_gone: dict[str, list[str]] = {}
    for key in gone:
        loose = loose_key(key)
        if loose:
            by_gone.setdefault(loose, []).append(key)
    by_arrived: dict[str, list[str]] = {}
    for key in arrived:
        loose = loose_key(key)
        if loose in by_gone:
            by_arrived.setdefault(loose, []).append(key)
    return {
        keys[0]: by_gone[loose][0]
        for loose, keys in by_arrived.items()
        if len(keys) == 1 and len(by_gone[loose]) == 1
    }


def _name_key(hamlet, chu_ho, birth) -> tuple:
    return ("name", hamlet, fold(chu_ho), None if pd.isna(birth) else int(birth))


def household_key(row) -> tuple:
    """Households are matched by Mã hộ; without one, by (hamlet, head's name, birth year)."""
    if row["ma_ho"]:
        return ("id", id_key(row["ma_ho"]))
    return _name_key(row["hamlet"], row["chu_ho"], row["nam_sinh"])


def household_keys(frame: pd.DataFrame | dict[str, np.ndarray]) -> list[tuple]:
    """``household_key`` of every row of ``frame``, in row order (column-wise, no row dicts);
    ``frame`` may also be its columns as arrays."""
    keys = [("id", id_key(ma_ho)) if ma_ho else None for ma_ho in frame["ma_ho"].tolist()]
    without_id = [position for position, key in enumerate(keys) if key is None]
    if without_id:
        hamlets, names = frame["hamlet"].tolist(), frame["chu_ho"].tolist()
        births = frame["nam_sinh"].tolist()
        for i in without_id:
            keys[i] = _name_key(hamlets[i], names[i], births[i])
    return keys


def household_key_texts(frame: pd.DataFrame) -> list[str]:
    """``key_text(household_key(row))`` of every row of ``frame``, in row order (a Mã hộ's text
    built directly, without its key tuple: hundreds of thousands of rows at province scale)."""
    texts = ["id|" + id_key(ma_ho) if ma_ho else None for ma_ho in frame["ma_ho"].tolist()]
    without_id = [position for position, text in enumerate(texts) if text is None]
    if without_id:
        hamlets, names = frame["hamlet"].tolist(), frame["chu_ho"].tolist()
        births = frame["nam_sinh"].tolist()
        for i in without_id:
            texts[i] = key_text(_name_key(hamlets[i], names[i], births[i]))
    return texts


def key_text(key: tuple) -> str:
    """A matching key as text (as the history store keeps it)."""
    if key[0] == "id":
        return "id|" + key[1]
    return "|".join("" if part is None else str(part) for part in key)


def key_of(row) -> str:
    """The household's matching key as text (as the history store keeps it)."""
    if "hh_key" in row and isinstance(row["hh_key"], str):
        return row["hh_key"]
    return key_text(household_key(row))


def keys_of(frame: pd.DataFrame, keys: list[tuple] | None = None) -> list[str]:
    """``key_of`` of every row; ``keys``: the rows' ``household_keys`` when already known."""
    if keys is None and "hh_key" in frame.columns:
        stored = frame["hh_key"].tolist()
        if all(isinstance(text, str) for text in stored):
            return stored
    if keys is None:
        keys = household_keys(frame)
    texts = [key_text(k) for k in keys]
    if "hh_key" in frame.columns:
        texts = [
            stored if isinstance(stored, str) else text
            for stored, text in zip(frame["hh_key"].tolist(), texts, strict=True)
        ]
    return texts


def _is(series: pd.Series, value: str) -> np.ndarray:
    return (series == value).to_numpy(dtype=bool, na_value=False)


def _per_status(frame: pd.DataFrame, by_hamlet: bool) -> tuple[np.ndarray, list]:
    """Bin of every row (group × {poor, near_poor, other}; -1: no hamlet) and the groups."""
    if by_hamlet:
        codes, names = pd.factorize(frame["hamlet"], sort=False)
        codes, names = np.asarray(codes, dtype=np.int64), list(names)
    else:
        codes, names = np.zeros(len(frame), dtype=np.int64), [None]
    status = np.full(len(frame), 2, dtype=np.int64)
    status[_is(frame["phan_loai"], "poor")] = 0
    status[_is(frame["phan_loai"], "near_poor")] = 1
    return np.where(codes >= 0, codes * 3 + status, -1), names


def _sums(bins: np.ndarray, groups: int, weights: np.ndarray | None = None) -> np.ndarray:
    keep = bins >= 0
    if weights is not None:
        weights = weights[keep]
    return np.bincount(bins[keep], weights=weights, minlength=groups * 3).reshape(groups, 3)


def status_counts(frame: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Per hamlet of ``frame``: (poor rows, near-poor rows)."""
    bins, names = _per_status(frame, by_hamlet=True)
    counts = _sums(bins, len(names))
    return {name: (int(c[0]), int(c[1])) for name, c in zip(names, counts, strict=True)}


# Subgroups of the poor and near-poor lists reported with their own rates (DOMAIN §3.4, §3.5).
SUBGROUPS = ("ethnic_minority", "no_labour_capacity", "social_protection", "female_head")
# The counts of households naming each cause (CONTRACT §2.4) and each target group, per list.
NAMED_COUNTS = ("causes", "target_groups")


def target_groups_of(text) -> set[str]:
    """The target-group keys (BTXH, NCC, KKNLĐ) named in a 'Nhóm đối tượng' cell."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return set()
    return {key for key in map(vocab.group_key, vocab.group_tokens(str(text))) if key is not None}


def causes_of(text) -> set[str]:
    """The known causes (CONTRACT §2.4) named in a 'Nguyên nhân nghèo' cell, as validation reads
    them (``vocab.causes``: the list's entries and their other wordings, 'Không có đất sản xuất'
    for 'Thiếu đất sản xuất'), so that a cell written so counts under its cause."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return set()
    return set(vocab.causes(str(text))[0].split("; ")) - {""}


def is_ethnic_minority(dan_toc) -> bool:
    """Dân tộc thiểu số: an ethnicity is written and it is not Kinh."""
    folded = "" if dan_toc is None or pd.isna(dan_toc) else fold(dan_toc)
    return folded not in ("", "kinh")


def is_female(gioi_tinh) -> bool:
    return gioi_tinh is not None and not pd.isna(gioi_tinh) and fold(gioi_tinh) == "nu"


def _flags(series: pd.Series, test) -> np.ndarray:
    """``test`` of every value, worked out once per distinct value."""
    codes, uniques = pd.factorize(series, sort=False)
    table = np.array([bool(test(v)) for v in uniques] + [bool(test(None))], dtype=bool)
    return table[codes]  # code -1 (blank) takes the last entry, test(None)


def _member_flags(current: pd.DataFrame) -> dict[str, np.ndarray]:
    return {
        "ethnic_minority": _flags(current["dan_toc"], is_ethnic_minority),
        "no_labour_capacity": _flags(
            current["doi_tuong"], lambda v: "KKNLĐ" in target_groups_of(v)
        ),
        "social_protection": _flags(current["doi_tuong"], lambda v: "BTXH" in target_groups_of(v)),
        "female_head": _flags(current["gioi_tinh"], is_female),
    }


def _named_flags(series: pd.Series, parse, keys) -> dict[str, np.ndarray]:
    """Per key, whether ``parse(value)`` names it, for every value (each distinct value parsed
    once)."""
    codes, uniques = pd.factorize(series, sort=False)
    named = [parse(v) for v in uniques] + [parse(None)]  # code -1 (blank) takes the last
    return {key: np.array([key in n for n in named], dtype=bool)[codes] for key in keys}


def tallies(current: pd.DataFrame, by_hamlet: bool = True) -> dict:
    """Counts of the current rows, per hamlet (or of all rows together: key None).

    For each: poor and near-poor households, their deprivations per
    indicator and their subgroups (as :func:`deprivations` and :func:`subgroups`), and how many
    name each cause of poverty (``causes``) and each target group (``target_groups``: BTXH,
    NCC, KKNLĐ), the counts 'Nguyên nhân' shows (session 45).
    """
    bins, names = _per_status(current, by_hamlet)
    groups = len(names)
    lists = _sums(bins, groups)
    deprived = {
        key: _sums(bins, groups, current[key].to_numpy(dtype="float64", na_value=0.0))
        for key in INDICATOR_KEYS
    }
    member = {
        name: _sums(bins, groups, flags.astype("float64"))
        for name, flags in _member_flags(current).items()
    }
    named = {
        kind: {key: _sums(bins, groups, flags.astype("float64")) for key, flags in found.items()}
        for kind, found in zip(
            NAMED_COUNTS,
            (
                _named_flags(current["nguyen_nhan"], causes_of, CAUSES),
                _named_flags(current["doi_tuong"], target_groups_of, TARGET_GROUPS),
            ),
            strict=True,
        )
    }
    statuses = ("poor", "near_poor")
    out = {}
    for g, name in enumerate(names):
        out[name] = {
            "poor": int(lists[g, 0]),
            "near_poor": int(lists[g, 1]),
            "deprivations": {
                status: {key: int(deprived[key][g, s]) for key in INDICATOR_KEYS}
                for s, status in enumerate(statuses)
            },
            "subgroups": {
                group: {status: int(member[group][g, s]) for s, status in enumerate(statuses)}
                for group in SUBGROUPS
            },
            **{
                kind: {
                    key: {status: int(sums[g, s]) for s, status in enumerate(statuses)}
                    for key, sums in counts.items()
                }
                for kind, counts in named.items()
            },
        }
    return out


def deprivations(current: pd.DataFrame) -> dict:
    """Per indicator, the number of current poor and near-poor households deprived in it."""
    return tallies(current, by_hamlet=False)[None]["deprivations"]


def subgroups(current: pd.DataFrame) -> dict:
    """Per subgroup, how many of the current poor and near-poor households belong to it.

    ``current``: valid rows (exited rows count on neither list). Subgroups:
    ethnic minority (Dân tộc not Kinh and not blank), no labour capacity
    (KKNLĐ in Nhóm đối tượng), social protection (BTXH), female head (Giới tính Nữ).
    A household may belong to several.
    """
    return tallies(current, by_hamlet=False)[None]["subgroups"]


def movement_records(frame: pd.DataFrame, keys: list[str] | None = None) -> list[tuple]:
    """(key, status, hamlet, ma_ho, chu_ho, nam_sinh) of every row: what :func:`movements_of`
    takes."""
    births = frame["nam_sinh"].tolist() if "nam_sinh" in frame.columns else [None] * len(frame)
    return list(
        zip(
            keys_of(frame) if keys is None else keys,
            frame["phan_loai"].tolist(),
            frame["hamlet"].tolist(),
            frame["ma_ho"].tolist(),
            frame["chu_ho"].tolist(),
            births,
            strict=True,
        )
    )


def held_keys(frame: pd.DataFrame) -> dict[str, set[str]]:
    """Per hamlet, the keys of households listed in rows left out of the counts (``frame``):
    each row's matching key and, for a row with a Mã hộ, its (hamlet, name, birth year) key
    too. A start-of-year household found under either is still listed, not gone: its row may
    have a blank, mistyped or doubled Mã hộ (CONTRACT §4.3 matches such a row by name)."""
    held: dict[str, set[str]] = {}
    hamlets, names, births = (frame["hamlet"].tolist(), frame["chu_ho"].tolist(),
                              frame["nam_sinh"].tolist())  # fmt: skip
    for i, key in enumerate(household_key_texts(frame)):
        keys = held.setdefault(hamlets[i], set())
        keys.add(key)
        if key.startswith("id|"):  # by code only when it names no head or no usable year
            by_name = _name_text(hamlets[i], names[i], births[i])
            if by_name is not None:
                keys.add(by_name)
    return held


def _name_text(hamlet, name, birth) -> str | None:
    """The (hamlet, head's name, birth year) key text; None without a name, or with a birth
    year that is no number."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return key_text(_name_key(hamlet, name, birth))
    except (TypeError, ValueError):
        return None


def _name_key_text(record: tuple) -> str | None:
    """The (hamlet, name, birth year) key of a movement record; None without a name."""
    return _name_text(record[2], record[4], record[5] if len(record) > 5 else None)


def name_key_under(key, old: str, new: str):
    """``key``, a stored row's of hamlet ``old``, under ``new``: a row without a Mã hộ is
    stored by (hamlet, head's name, birth year) and holds its household under the name now
    (docs/decisions.md, session 41); any other key as it is."""
    if isinstance(key, str) and key.startswith(f"name|{old}|"):
        return f"name|{new}|" + key[len(old) + 6 :]
    return key


def name_key_text(hamlet, name, birth) -> str | None:
    """The (hamlet, head's name, birth year) key text of a household as a row writes it; None
    without a name, or with a birth year that is no number."""
    return _name_text(hamlet, name, birth)


def record_name_key(record: tuple) -> str | None:
    """The (hamlet, name, birth year) key text of a :func:`movement_records` record."""
    return _name_key_text(record)


def held_by_name(name_key: str | None, held) -> bool:
    """Whether a household's (hamlet, head's name, birth year) key text is among ``held`` (keys
    of rows left out for an error), exactly or, where such a row leaves its birth year blank
    too, by hamlet and name alone."""
    return holder_by_name(name_key, held) is not None


def holder_by_name(name_key: str | None, held) -> str | None:
    """The key of ``held`` that holds the household of ``name_key`` (:func:`held_by_name`)."""
    if name_key is None:
        return None
    if name_key in held:
        return name_key
    without_year = name_key.rsplit("|", 1)[0] + "|"
    return without_year if without_year in held else None


def name_keys_by_key(frame: pd.DataFrame) -> dict[str, str]:
    """hh_key -> the (hamlet, head's name, birth year) key text of each row of ``frame`` that
    names its head (a row left out for an error with no Mã hộ is stored by that key)."""
    columns = (frame["hamlet"].tolist(), frame["chu_ho"].tolist(), frame["nam_sinh"].tolist())
    found = {key: _name_text(*row) for key, *row in zip(keys_of(frame), *columns, strict=True)}
    return {key: text for key, text in found.items() if text is not None}


def aged_name_keys(frame: pd.DataFrame | None) -> set[str]:
    """The (hamlet, head's name, birth year) key texts of the rows of ``frame`` whose birth year
    was read from an age (validate: the ``nam_sinh_from_age`` column, missing in a frame built
    otherwise, a stored month's): such a year may be one off (a head aged 59 in 2024 was born in
    1965, or in 1964 before his birthday), :func:`near_pairs`. A bool column's ``any`` where
    no list wrote ages; the few rows that did, folded."""
    if frame is None or FROM_AGE not in frame.columns:
        return set()
    aged = frame[FROM_AGE].to_numpy(dtype=bool, na_value=False)
    if not aged.any():
        return set()
    rows = frame[aged]
    found = map(_name_text, rows["hamlet"].tolist(), rows["chu_ho"].tolist(),
                rows["nam_sinh"].tolist())  # fmt: skip
    return {name for name in found if name is not None}


def _year_of(value) -> int | None:
    """A stored or read birth year as a whole number; None for a blank or no number."""
    try:
        year = float(value)
    except (TypeError, ValueError):
        return None
    return int(year) if year == year and year.is_integer() else None


def years_off(records: list[tuple], start_list: list[tuple]) -> set[str]:
    """The (hamlet, head's name, birth year) key texts of ``records`` (:func:`movement_records`
    of a stored month: it keeps no mark of a year read from an age) whose birth year is one
    more or less than the year ``start_list`` holds under the same key: one of the two was read
    from an age (a head who wrote ages that month and years since, session 30), so the
    household is matched a year off too (:func:`near_pairs`, one with one). Asked only for the
    few households gone from a list; the start list's years of the hamlet, read once."""
    if not records or not start_list:
        return set()
    years = {record[0]: record[5] for record in start_list if len(record) > 5}
    found = set()
    for record in records:
        was, now = _year_of(years.get(record[0])), _year_of(record[5] if len(record) > 5 else None)
        if was is not None and now is not None and abs(was - now) == 1:
            name = _name_key_text(record)
            if name is not None:
                found.add(name)
    return found


def near_pairs(names: dict[str, str], others: dict[str, str], aged) -> dict[str, str]:
    """key -> other key, for each household of ``names`` (key -> its (hamlet, head's name,
    birth year) key text) whose head has one birth year more or less in exactly one of
    ``others`` (alike), that one so near no other of ``names``, where either year was read from
    an age (``aged``: :func:`aged_name_keys`). The caller has paired the exact years first and
    leaves them out. Nothing without ``aged``."""
    if not aged or not names or not others:
        return {}
    by_stem: dict[str, list[tuple[int, str, str]]] = {}
    for other, name in others.items():
        stem, _, year = name.rpartition("|")
        if year.isdigit():
            by_stem.setdefault(stem, []).append((int(year), other, name))
    near: dict[str, list[str]] = {}
    for key, name in names.items():
        stem, _, year = name.rpartition("|")
        if stem in by_stem and year.isdigit():
            near[key] = [other for born, other, other_name in by_stem[stem]
                         if abs(born - int(year)) == 1
                         and (name in aged or other_name in aged)]  # fmt: skip
    wanted: dict[str, int] = {}
    for found in near.values():
        for other in found:
            wanted[other] = wanted.get(other, 0) + 1
    return {
        key: found[0] for key, found in near.items() if len(found) == 1 and wanted[found[0]] == 1
    }


def last_letter_slip(name: str, other: str) -> bool:
    """Whether two folded heads' names (text.fold) are one name but for the last letter of the
    given name, the last word: one letter added, dropped or changed at its end, the words before
    alike and the given name's letters before it at least three ('lo van cuon', 'lo van
    cuong'; not 'lo van an', 'lo van anh'). The narrowest of the slips a row retyped tolerates
    (rosterchecks._two_heads: a letter apart, session 51's review); fold already sets aside
    the tones and marks, case and spacing (docs/decisions.md, session 55)."""
    if name == other:
        return False
    words, others = name.split(" "), other.split(" ")
    if len(words) != len(others) or len(words) < 2 or words[:-1] != others[:-1]:
        return False
    given, theirs = sorted((words[-1], others[-1]), key=len)
    if len(theirs) - len(given) > 1:
        return False
    stem = given if len(theirs) > len(given) else given[:-1]
    return len(stem) >= 3 and theirs.startswith(stem)


def slip_written_alike(name: str, other: str) -> bool:
    """Whether two heads' names as written (text.fold_exact: Unicode form, case and spacing set
    aside, the marks kept) write the given name's letters before its last alike, marks and all:
    of a :func:`last_letter_slip` pair, a letter slipped at its end ('Cườn', 'Cường'), not two
    names whose marks differ too ('Thàn' and 'Thắng', 'Hiền' and 'Hiếu': folded, a last letter
    apart). The family and middle names are compared folded, as the pairing's key does
    (docs/decisions.md, session 55's review)."""
    given, theirs = sorted(
        (fold_exact(name).rpartition(" ")[2], fold_exact(other).rpartition(" ")[2]), key=len
    )
    stem = given if len(theirs) > len(given) else given[:-1]
    return bool(stem) and theirs.startswith(stem)


def slip_pairs(names: dict, others: dict) -> dict:
    """key -> other key, for each household of ``names`` (key -> its (hamlet, head's name,
    birth year) key text) whose head's name is :func:`last_letter_slip` of exactly one of
    ``others`` (alike) of its hamlet and birth year, that one so near no other of ``names``:
    a name corrected or mistyped between two lists. The caller pairs the exact names first and
    leaves them out; a name without a birth year pairs none (session 55)."""
    if not names or not others:
        return {}

    def parts(text: str) -> tuple[tuple[str, str, str, str], str] | None:
        # grouped by the hamlet, year, words before the given name and the given name's first
        # three letters, which a slip keeps: only names of one group are compared (session 56)
        stem, _, year = text.rpartition("|")
        place, _, name = stem.rpartition("|")
        before, _, given = name.rpartition(" ")
        return ((place, year, before, given[:3]), name) if year else None

    by_place: dict[tuple[str, str, str, str], list[tuple[object, str]]] = {}
    for other, text in others.items():
        found = parts(text)
        if found is not None:
            by_place.setdefault(found[0], []).append((other, found[1]))
    near: dict = {}
    for key, text in names.items():
        found = parts(text)
        if found is not None and found[0] in by_place:
            near[key] = [o for o, name in by_place[found[0]] if last_letter_slip(found[1], name)]
    wanted = Counter(other for found in near.values() for other in found)
    return {
        key: found[0] for key, found in near.items() if len(found) == 1 and wanted[found[0]] == 1
    }


class NameKeys:
    """:func:`name_keys_by_key` of ``frame``, worked out for the keys asked only (``get``):
    a stored month of a province is 300,000 rows, of which a history walk asks a few (the
    households gone from a list, the rows left out for an error), and each name is folded in
    Python. The same answers: a key's last row, None where it names no head or no usable year."""

    def __init__(self, frame: pd.DataFrame):
        self._frame = frame
        self._rows: dict[str, int] | None = None
        self._columns: tuple[list, list, list] = ([], [], [])
        self._known: dict[str, str | None] = {}
        self._all: dict[str, list[int]] | None = None
        self._aged: set[str] | None = None
        self._numbers: dict[str, dict[str, str]] | None = None

    def get(self, key: str, default: str | None = None) -> str | None:
        if key not in self._known:
            if self._rows is None:
                self._rows = {k: i for i, k in enumerate(keys_of(self._frame))}
                self._columns = tuple(self._frame[c].tolist() for c in ("hamlet", "chu_ho",
                                                                          "nam_sinh"))  # fmt: skip
            at = self._rows.get(key)
            hamlets, names, births = self._columns
            self._known[key] = None if at is None else _name_text(hamlets[at], names[at],
                                                                  births[at])  # fmt: skip
        found = self._known[key]
        return default if found is None else found

    def every(self, key: str) -> list[str]:
        """The name keys of all the rows stored under ``key`` (a Mã hộ on two hamlets' lists in
        one month: a row in each, each naming its own head), in row order; those naming no head
        or no usable year left out."""
        if self._all is None:
            self._all = {}
            for at, k in enumerate(keys_of(self._frame)):
                self._all.setdefault(k, []).append(at)
            self.get(key)  # the columns, read once
        hamlets, names, births = self._columns
        found = (_name_text(hamlets[at], names[at], births[at]) for at in self._all.get(key, ()))
        return [name for name in found if name is not None]

    def numbers(self, key: str) -> dict[str, str]:
        """name key -> the head's ID number's digits of each row stored under ``key`` that keeps
        one (a stored month's row left out for an error, since schema 6: history.
        _keep_id_numbers); none in a frame without the column. The few such rows read once."""
        if self._numbers is None:
            self._numbers = {}
            if "so_dinh_danh" in self._frame.columns:
                column = self._frame["so_dinh_danh"]
                kept = self._frame[column.notna().to_numpy() & column.ne("").to_numpy()]
                for k, hamlet, name, birth, number in zip(
                    keys_of(kept), kept["hamlet"].tolist(), kept["chu_ho"].tolist(),
                    kept["nam_sinh"].tolist(), kept["so_dinh_danh"].tolist(), strict=True,
                ):  # fmt: skip
                    text = _name_text(hamlet, name, birth)
                    if text is not None:
                        self._numbers.setdefault(k, {})[text] = str(number)
        return self._numbers.get(key, {})

    def sizes(self, key: str) -> dict[str, object]:
        """name key -> the household size (``nhan_khau``) of each row stored under ``key``, as
        the frame holds it; none in a frame without the column."""
        if "nhan_khau" not in self._frame.columns:
            return {}
        self.every(key)  # the rows by key and the columns, read once
        sizes = self._frame["nhan_khau"].tolist()
        hamlets, names, births = self._columns
        found = {}
        for at in self._all.get(key, ()):
            text = _name_text(hamlets[at], names[at], births[at])
            if text is not None:
                found[text] = sizes[at]
        return found

    def alone(self, key: str) -> dict[str, bool]:
        """name key -> whether the row stored under ``key`` is known to be its hamlet's list's
        one row of that key: a stored month's read with ``twice`` (history.HistoryStore.
        households' ``sizes``, schema 7: None where one row wrote it), else the frame's rows
        of the key in that hamlet counted (a month's lists as read: every row kept). A Mã hộ
        written twice in one list is stored as one row, maybe another household's
        (timeline._another_household; session 62)."""
        self.every(key)  # the rows by key and the columns, read once
        hamlets, names, births = self._columns
        rows = self._all.get(key, ())
        if "twice" in self._frame.columns:
            twice = self._frame["twice"].tolist()
            once = {at: twice[at] is None or twice[at] != twice[at] for at in rows}  # None, NaN
        else:
            count = Counter(hamlets[at] for at in rows)
            once = {at: count[hamlets[at]] == 1 for at in rows}
        found = {}
        for at in rows:
            text = _name_text(hamlets[at], names[at], births[at])
            if text is not None:
                found[text] = once[at]
        return found

    def aged(self) -> set[str]:
        """:func:`aged_name_keys` of the rows (a stored month's: those the history marks, since
        schema 5; none in a frame without the column)."""
        if self._aged is None:
            self._aged = aged_name_keys(self._frame)
        return self._aged


def group_by_hamlet(records: list, hamlets: pd.Series) -> dict[str, list]:
    """``records`` (one per row of a frame) grouped by the rows' ``hamlets``, in row order."""
    codes, names = pd.factorize(hamlets, sort=False)
    if len(codes) and codes[0] == 0 and (np.diff(codes) >= 0).all():
        # the usual case: each hamlet's rows together, so each group is one slice
        ends = np.flatnonzero(np.diff(codes)) + 1
        bounds = zip([0, *ends.tolist()], [*ends.tolist(), len(codes)], strict=True)
        return {name: records[a:b] for name, (a, b) in zip(names, bounds, strict=True)}
    groups: dict[str, list] = {}
    for record, hamlet in zip(records, hamlets.tolist(), strict=True):
        if isinstance(hamlet, str):
            groups.setdefault(hamlet, []).append(record)
    return groups


def listed_where(
    records: list[tuple],
    held: dict[str, set[str]] | None = None,
    exited: bool = False,
    stored: bool = False,
    by_name: bool = False,
) -> dict[str, tuple[str, str]]:
    """key -> (hamlet, status) of the :func:`movement_records` on the poor or near-poor list: where
    in the commune a household is listed (to tell a move between hamlets from an exit).
    ``held``: per hamlet, the keys of rows left out for an error (status 'not_counted': still
    listed; a stored month's records carry that status themselves); ``exited``: rows marked
    Thoát too (status 'exited'). ``stored``: the records are a stored month's, whose rows
    moved out of their hamlet (:data:`MOVED`) are where they were, with the status they moved
    out as, unless listed elsewhere (asked apart: the list now and the plan's hold none, and
    their 300,000 rows pay no look more). ``by_name``: a stored row left out for an error
    without a Mã hộ too, under its (hamlet, head's name, birth year) key (session 45)."""
    kept = ("poor", "near_poor", "exited") if exited else ("poor", "near_poor")
    where = {r[0]: (r[2], r[1]) for r in records if r[1] in kept}
    if not stored:
        for r in records:  # a row left out for an error: listed, by its code only
            if r[1] == NOT_COUNTED and r[0].startswith("id|"):
                where.setdefault(r[0], (r[2], NOT_COUNTED))
    else:
        for r in records:  # one look a row: the rows below are a few
            if r[1] in _UNLISTED:
                if r[1] == NOT_COUNTED:  # left out for an error: listed, by its code only
                    if by_name or r[0].startswith("id|"):
                        where.setdefault(r[0], (r[2], NOT_COUNTED))
                else:  # moved out of its hamlet: where it was, as listed
                    where.setdefault(r[0], (r[2], MOVED[r[1]]))
    for hamlet, keys in (held or {}).items():
        for key in keys:
            if key.startswith("id|"):  # a name key holds its hamlet: never another hamlet's
                where.setdefault(key, (hamlet, "not_counted"))
    return where


def _counted_elsewhere(found: tuple[str, str] | None) -> bool:
    """The household of a record held here in a row left out for an error is counted on a
    list of another hamlet (``found``: where it is listed there, or None): only where that row's
    class said it moved away ('Chuyển đi': such a row uses no code, rosterchecks.duplicates_in),
    so it moved out (session 32)."""
    return found is not None and found[1] in ("poor", "near_poor")


def movements(
    start: pd.DataFrame,
    current: pd.DataFrame,
    returned_keys: set[str] | frozenset = frozenset(),
    held: set[str] | frozenset = frozenset(),
) -> tuple[dict, list[dict]]:
    """Movements between a baseline and now, for one hamlet (or any set of households).

    ``start``: the baseline list (the start-of-year list or an earlier
    period; rows with status poor/near_poor count); ``current``: this
    period's valid rows (poor, near_poor, exited); ``returned_keys``: keys of
    households that had left the lists earlier in the history (a new
    household among them has returned, tái nghèo); ``held``: keys of this period's rows left
    out of the counts for an error (a household of the baseline among them has not left the
    lists: it is ``not_counted``). Returns the counts and the households behind them. The
    identity ``start − to_other − exited − not_counted − moved_out + from_other + new + moved_in
    + recounted = end`` holds by construction.
    """
    return movements_of(movement_records(start), movement_records(current), returned_keys, held)


def movements_of(
    start: list[tuple],
    current: list[tuple],
    returned_keys: set[str] | frozenset = frozenset(),
    held: set[str] | frozenset = frozenset(),
    listed_now: dict | None = None,
    listed_before: dict | None = None,
    out_before: set[str] | frozenset = frozenset(),
    aged: set[str] | frozenset = frozenset(),
    start_list: list[tuple] = (),
    another=None,
    listed_other: dict | None = None,
    held_by_id=None,
) -> tuple[dict, list[dict]]:
    """:func:`movements` on the :func:`movement_records` of the baseline and of now.

    ``listed_now``, ``listed_before``: :func:`listed_where` of the whole commune now and in the
    baseline. A household of the baseline listed now in another hamlet has ``moved_out`` (not
    exited); one listed now that the baseline had in another hamlet has ``moved_in`` (not new).
    One the baseline held in a row left out for an error (status 'not_counted', here by code or
    by name, or in another hamlet by code) and counted now is ``recounted`` (not new), unless it
    is among ``out_before`` (by its code, or by the key of the row that held it by name):
    households on no list when the baseline held their row (``timeline.departures`` at the
    baseline): they had left and were on none since, or were first written in such a row. Such
    a one joins the lists now: ``new`` (``returned`` when among ``returned_keys``), as the
    year's table has it. ``aged``: :func:`aged_name_keys` of both lists: a household
    matched by name and birth year where a year was read from an age is matched a year off too,
    where that pairs one household with one (:func:`near_pairs`). ``start_list``: the year's
    start list's records, given where the baseline is a stored month (which keeps no mark of
    its ages): a household gone from it whose stored year is one off the start list's year for
    its key had one of them read from an age, and is matched so too (:func:`years_off`).
    ``another``: (record, hamlet, now) -> (hamlet, head's name, its list) of the other household
    its code names in another hamlet (that one first: now, or in the baseline), where the two heads'
    names and ID numbers differ (a code reused, moves.code_reused); else None. Such a code
    listed there is no move: the household here is new, or gone from the lists, as without
    the other's row; one new here whose code left the lists (``returned_keys``) with another
    household is new, not back (session 48). An empty tuple from ``another``: the household
    here is its hamlet's own, back on its list (tái nghèo), the other hamlet's row another
    household under its code meanwhile: no move, counted back. ``listed_other``:
    :func:`listed_where` of the other table's baseline: a household new here whose code it lists
    in another hamlet is asked too, for that answer alone (session 49). ``held_by_id``: (record)
    -> whether a row left out for an error in its hamlet writes the ID number of the head of
    that household of the baseline, one household's alone (moves.held_by_id): asked of those
    gone that no row holds by code or name, such a one is held too (session 51)."""
    listed_now = listed_now or {}
    listed_before = listed_before or {}
    start_status = {}
    held_before = set()
    held_rows: dict[str, str] = {}  # name key of a baseline row with a Mã hộ -> the row's key
    for record in start:
        if record[1] in ("poor", "near_poor"):
            start_status[record[0]] = record
        elif record[1] == NOT_COUNTED:
            held_before.add(record[0])
            if record[0].startswith("id|"):  # a mistyped code holds its household by name too
                name = _name_key_text(record)
                if name is not None:
                    held_before.add(name)
                    held_rows.setdefault(name, record[0])
    now_status = {record[0]: record for record in current}
    recoded: list[tuple[tuple, tuple]] = []  # (baseline record, record now) paired by name
    taken: dict[str, str] = {}  # key now -> the baseline's head under it (codes renumbered)
    for key, start_key in _renumbered_here(start, start_status, now_status, held).items():
        taken[key] = start_status[key][4]
        recoded.append((start_status[start_key], now_status.pop(key)))
    for before, record in recoded:
        now_status[before[0]] = record
    gone = [key for key in start_status if key not in now_status and key not in held]
    if gone:  # the same Mã hộ written with other punctuation: the same household
        arrived = [key for key in now_status if key not in start_status]
        for key, start_key in _paired_loosely(gone, arrived).items():
            now_status[start_key] = now_status.pop(key)
        left = [key for key in gone if key not in now_status]
        if left and start_list and (held or arrived):  # a stored month's year from an age:
            # one off the start list's, where a row left out or another code could pair it
            off = years_off([start_status[key] for key in left], start_list)
            aged = set(aged) | off if off else aged
        if left and held:
            held = set(held) | set(_paired_loosely(left, list(held)).values())
            # a row left out with a blank, mistyped or doubled Mã hộ: matched by name
            holders = {key: holder_by_name(_name_key_text(start_status[key]), held) for key in left}
            held |= {key for key, holder in holders.items() if holder is not None}
            if aged:  # a year read from an age, a year off: one row left out holds it by name
                names = {key: _name_key_text(start_status[key]) for key in left if key not in held}
                held |= _held_near(
                    {key: name for key, name in names.items() if name is not None},
                    held,
                    set(holders.values()),
                    aged,
                ).keys()
            if held_by_id is not None:  # by its head's ID number alone (session 51)
                held |= {k for k in left if k not in held and held_by_id(start_status[k])}
        left = [key for key in left if key not in held]
        arrived = [key for key in arrived if key in now_status]  # those not paired above
        if left and arrived:  # another code, the same head and birth year: the same household
            moved, came = listed_now or {}, listed_before or {}

            def reused_there(where: dict, record: tuple, is_now: bool) -> bool:
                """Its code listed in another hamlet for another household (a code reused, or
                codes renumbered at the year's turn: session 53): no move, paired by name."""
                found = where.get(record[0])
                return (found is not None and found[0] != record[2] and another is not None
                        and another(record, found[0], is_now) is not None)  # fmt: skip

            def here(where: dict, record: tuple) -> bool:
                """Counted in this hamlet under another code: a note's or a title's new code
                here given the old one's place (figuresteps._listed_under_new_codes), this
                hamlet's for the baseline too: no move, paired by name (session 67)."""
                found = where.get(record[0])
                return (
                    found is not None
                    and found[0] == record[2]
                    and found[1] in ("poor", "near_poor")
                )

            for key, start_key in _paired_by_name(
                [start_status[k] for k in left
                 if k not in moved or k in taken or here(moved, start_status[k])
                 or reused_there(moved, start_status[k], True)],
                [now_status[k] for k in arrived if k not in held_before
                 and (k not in came or here(came, now_status[k])
                      or reused_there(came, now_status[k], False))],
                aged,
                taken,
            ).items():  # fmt: skip
                now_status[start_key] = now_status.pop(key)
                recoded.append((start_status[start_key], now_status[start_key]))
    poor = dict.fromkeys(POOR_MOVES, 0)
    near = dict.fromkeys(NEAR_POOR_MOVES, 0)
    details: list[dict] = []
    exited_before = {record[0]: "exited" for record in start if record[1] == "exited"}

    def note(record, list_name, move, before, after, other=None):
        details.append(
            {
                "hamlet": record[2],
                "ma_ho": record[3],
                "chu_ho": record[4],
                "list": list_name,
                "movement": move,
                "start_status": before,
                "current_status": after,
                "key": record[0],
                "other_hamlet": other,
            }
        )

    def elsewhere(where: dict, record) -> tuple[str, str] | None:
        found = where.get(record[0])
        if found is None or found[0] == record[2]:
            return None
        if another is not None:  # its code another household's there: no move (session 48)
            other = another(record, found[0], where is listed_now)
            if other:
                reused[record[0]] = other
            elif other is not None:  # its hamlet's own household back (session 49)
                back_here.add(record[0])
            if other is not None:
                return None
        return found

    reused: dict[str, tuple] = {}  # key -> (hamlet, head, list) of the other household
    back_here: set[str] = set()  # its hamlet's own household back, another's row elsewhere

    for key, record in start_status.items():
        before = record[1]
        now = now_status.get(key)
        after = (now[1] if now is not None else None) or "absent"
        own, other = (poor, "near_poor") if before == "poor" else (near, "poor")
        own["start"] += 1
        if after == before:
            continue
        if after == other:
            own["to_near_poor" if before == "poor" else "to_poor"] += 1
            note(record, before, "to_near_poor" if before == "poor" else "to_poor", before, after)
            # the same household arrives on the other list
            (near if before == "poor" else poor)[
                "from_poor" if before == "poor" else "from_near_poor"
            ] += 1
            note(
                record, other, "from_poor" if before == "poor" else "from_near_poor", before, after
            )
        elif now is None and key in held and not _counted_elsewhere(elsewhere(listed_now, record)):
            own["not_counted"] += 1
            note(record, before, "not_counted", before, "not_counted")
        elif now is None and (moved := elsewhere(listed_now, record)) is not None:
            if moved[1] == "exited":  # marked Thoát in the hamlet it moved to: it left the lists
                own["exited"] += 1
                note(record, before, "exited", before, "exited", moved[0])
            else:  # on a list there (or in a row left out there for an error: still listed)
                own["moved_out"] += 1
                note(record, before, "moved_out", before, moved[1], moved[0])
        else:
            own["exited"] += 1
            note(record, before, "exited" if after == "exited" else "vanished", before, after)
    near_held = _held_before_near(now_status, start_status, held_before, aged)
    for key, record in now_status.items():
        after = record[1]
        if key in start_status or after not in ("poor", "near_poor"):
            continue
        counts = poor if after == "poor" else near
        came = elsewhere(listed_before, record)
        by_name = None
        if held_before and key not in held_before and (came is None or came[1] != NOT_COUNTED):
            by_name = holder_by_name(_name_key_text(record), held_before) or near_held.get(key)
        if came is None and by_name is None and key not in held_before:
            # held by name since the baseline's month, in a list older than its hamlet's latest
            # (a merged hamlet's: listed_before has it under the name now): counted again too
            name = _name_key_text(record)
            by_name = name if listed_before.get(name, ("", ""))[1] == NOT_COUNTED else None
        # held since the baseline in a row left out for an error: in another hamlet, or in its
        # own on a list sent apart (stored so: apart.apart_rows, session 46)
        held_then = listed_before.get(key, ("", ""))[1] == NOT_COUNTED or (
            key in held_before or by_name is not None
        )
        # out of the lists when its row went wrong: by its code, or by the row held by name
        # (one that held no household listed then: timeline.departures)
        # counted in another hamlet since its row here went wrong (the later listing of a
        # hamlet compared with an earlier list): moved in from there (session 53)
        if (
            held_then
            and (came is None or came[1] not in ("poor", "near_poor"))
            and key not in out_before
            and held_rows.get(by_name, by_name) not in out_before
        ):
            counts["recounted"] += 1
            note(record, after, "recounted", NOT_COUNTED, after, came[0] if came else None)
            continue
        if came is not None and came[1] not in ("exited", NOT_COUNTED):
            counts["moved_in"] += 1
            note(record, after, "moved_in", came[1], after, came[0])
            continue
        counts["new"] += 1
        if came is None and key in returned_keys and another is not None:
            # its code left the lists from another hamlet's list with another head: not back
            other = another(record, None, False, back=True)
            if other:
                reused[key] = other
        elif (
            came is None
            and key not in back_here
            and another is not None
            and ((listed_other or {}).get(key, (record[2],))[0] != record[2])
        ):  # the other table's baseline has its code elsewhere: its own household back?
            if another(record, None, False) == ():
                back_here.add(key)
        if (key in returned_keys or key in back_here) and key not in reused:
            # not another household's leaving
            counts["returned"] += 1
            # listed as Thoát (or in a row with an error) in the baseline (last month, here or
            # in the hamlet it came from): said so, not "not on the lists"
            was = exited_before.get(key) or (
                NOT_COUNTED if held_then else "exited" if came is not None else None
            )
            note(record, after, "returned", was, after)
        else:
            note(record, after, "new", None, after)
        if key in reused:  # its code another household's there (moves.reused_warnings)
            details[-1]["reused"] = reused[key]
    for before, now in recoded:  # no movement: said apart (moves.recoded_warnings warns where new)
        note(now, before[1], "recoded", before[1], now[1])
        details[-1]["other_code"] = before[3]
        if now[0] in taken:  # its code the baseline's for another head (moves.recoded_warnings)
            details[-1]["code_of"] = taken[now[0]]
        elif before[0] in taken:  # its own code there written now for another head
            details[-1]["code_of"] = ""
    statuses = [record[1] for record in current]
    poor["end"] = statuses.count("poor")
    near["end"] = statuses.count("near_poor")
    for counts, to_other, from_other in (
        (poor, "to_near_poor", "from_near_poor"),
        (near, "to_poor", "from_poor"),
    ):
        balance = (
            counts["start"]
            - counts[to_other]
            - counts["exited"]
            - counts["not_counted"]
            - counts["moved_out"]
            + counts[from_other]
            + counts["new"]
            + counts["moved_in"]
            + counts["recounted"]
        )
        if balance != counts["end"]:  # a household counted twice: a bug, never an input problem
            raise AssertionError(f"movement identity broken: {counts}")
    return {"poor": poor, "near_poor": near}, details


def _held_before_near(
    now_status: dict[str, tuple], start_status: dict, held_before: set[str], aged
) -> dict[str, str]:
    """key -> the baseline's row left out for an error (its name key) that holds it a year off,
    for each household counted now and not on the baseline's counted list whose head's name and
    birth year no such row holds exactly, where either year was read from an age (``aged``, the
    stored month's rows marked since schema 5 too): one household with one
    (:func:`near_pairs`). Empty without ``aged``: nothing per row on a list without ages."""
    if not aged or not held_before:
        return {}
    names, taken = {}, set()
    for key, record in now_status.items():
        if key in start_status or key in held_before or record[1] not in ("poor", "near_poor"):
            continue
        name = _name_key_text(record)
        holder = holder_by_name(name, held_before)
        if holder is not None:
            taken.add(holder)
        elif name is not None:
            names[key] = name
    return _held_near(names, held_before, taken, aged)


def _held_near(names: dict[str, str], held, taken: set, aged) -> dict[str, str]:
    """key -> the row of ``held`` left out for an error (its name key, 'name|…') that holds
    the household of ``names`` (key -> its name key text) a year off, among the rows no
    household holds exactly (``taken``): one with one (:func:`near_pairs`)."""
    spare = {key: key for key in held if key.startswith("name|") and key not in taken}
    return near_pairs(names, spare, aged)


def _head_differs(record: tuple, then: tuple) -> bool:
    """Whether a movement record's head's name or birth year is written otherwise than the
    baseline's of its key, as written (the names compared folded by the caller). A blank read
    as pandas' NA beside a value (a start list whose birth years or names a nullable column
    holds) is written otherwise: ``NA != value`` is NA, whose truth pandas refuses."""
    try:
        return bool(record[4] != then[4] or record[5:6] != then[5:6])
    except TypeError:
        return True


def _renumbered_here(
    start: list[tuple], start_status: dict, now_status: dict, held
) -> dict[str, str]:
    """key now -> baseline key, for each household now under a Mã hộ the baseline gives another
    head of the hamlet (poor or near-poor there), whose own head and birth year the baseline
    writes under another code of the hamlet: codes renumbered (the new year's start list
    compacting them; a list still in last year's codes), or two households' codes swapped.
    Only where unambiguous: the name and year one household's on each side (poor, near-poor or
    Thoát), both under a Mã hộ, neither row held, and the baseline's code not listed now for
    its own household; a row left out now under the baseline's code only where a row left out
    holds by name the household the head's code now was (two codes swapped, one row an error:
    R4). A head who took over a household (same code, a head not in the
    baseline under another code: session 48) stays that household (session 54, R3)."""

    differ = [
        key for key, record in now_status.items()
        if (then := start_status.get(key)) is not None
        and _head_differs(record, then)
        and key.startswith("id|") and key not in held
    ]  # fmt: skip
    names: dict[str, str] = {}
    for key in differ:
        name = _name_key_text(now_status[key])
        if name is not None and name[-1] != "|" and name != _name_key_text(start_status[key]):
            names[key] = name
    if not names:
        return {}
    years = {_year(now_status[key][5]) for key in names}

    def by_name(records) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for record in records:
            if record[0].startswith("id|") and len(record) > 5 and _year(record[5]) in years:
                name = _name_key_text(record)
                if name is not None:
                    found.setdefault(name, []).append(record[0])
        return found

    before = by_name(r for r in start if r[1] in ("poor", "near_poor", "exited"))
    now = by_name(now_status.values())
    found = {}
    for key, name in names.items():
        there = before.get(name, [])
        if (len(there) == 1 and len(now.get(name, ())) == 1 and there[0] != key
                and there[0] in start_status
                and (there[0] not in held or _name_key_text(start_status[key]) in held)):  # fmt: skip
            found[key] = there[0]  # its code's row held now: the head of ``key`` there (R4)
    # a head's name a last letter apart, written alike, where no name pairs exactly: as the
    # start list's pairing takes it (baselines.as_start_codes; session 55's review)
    rest = {key: name for key, name in names.items() if key not in found and name not in before}
    spare = {keys[0]: name for name, keys in before.items() if len(keys) == 1 and name not in now}
    for key, other in slip_pairs(rest, spare).items():
        if (other != key and other in start_status
                and slip_written_alike(now_status[key][4], start_status[other][4])
                and (other not in held or _name_key_text(start_status[key]) in held)):  # fmt: skip
            found[key] = other
    while True:  # the baseline's code free now, or itself taken to another
        kept = {k: v for k, v in found.items() if v not in now_status or v in found}
        if len(kept) == len(found):
            return found
        found = kept


def _paired_by_name(
    gone: list[tuple],
    arrived: list[tuple],
    aged: set[str] | frozenset = frozenset(),
    renumbered: Collection[str] = (),
) -> dict[str, str]:
    """arrived key -> gone key, for each (hamlet, head's name, birth year) that exactly one
    household gone from the baseline and one arrived now have, both under a Mã hộ and with a
    birth year: one household whose code is written otherwise (a typo made or corrected, a
    code the commune changed). CONTRACT §4.3 matches a household by that key where its code is
    missing; a code that matches nothing on either side is treated alike. Records: those of
    :func:`movement_records`; a household on a list in another hamlet is left out by the
    caller (it moved). ``aged``: :func:`aged_name_keys`: a name whose year was read
    from an age pairs one a year off, where neither pairs exactly (:func:`near_pairs`).
    ``renumbered``: the keys gone whose code is written now for another head the baseline
    writes under another code (:func:`_renumbered_here`): such a one pairs too a head's name a
    last letter apart (:func:`slip_pairs`, :func:`slip_written_alike`), as the start list's
    pairing does (session 55's review); no other, a code being no evidence of a renumbering."""

    def born(records: list[tuple]) -> list[tuple]:  # under a Mã hộ, with a birth year
        return [r for r in records if r[0].startswith("id|") and len(r) > 5 and _year(r[5])]

    def by_name(records: list[tuple], years: set) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for record in records:
            if _year(record[5]) in years:  # a name folded only where a birth year could pair
                name = _name_key_text(record)
                if name is not None:
                    found.setdefault(name, []).append(record[0])
        return found

    gone, arrived = born(gone), born(arrived)
    if not gone or not arrived:
        return {}
    years_gone, years_now = {_year(r[5]) for r in gone}, {_year(r[5]) for r in arrived}
    if aged:  # a year read from an age may be one off: a name of a year beside folded too
        years_gone |= {year + step for year in years_gone for step in (-1, 1)}
        years_now |= {year + step for year in years_now for step in (-1, 1)}
    before, now = by_name(gone, years_now), by_name(arrived, years_gone)
    pairs = one_each(before, now)
    if aged:  # the exact years first; a name and year on both sides (or twice) pairs no other
        pairs.update(
            near_pairs(
                {
                    keys[0]: name
                    for name, keys in now.items()
                    if len(keys) == 1 and name not in before
                },
                {
                    keys[0]: name
                    for name, keys in before.items()
                    if len(keys) == 1 and name not in now
                },
                aged,
            )
        )
    if renumbered:
        paired = set(pairs.values())
        gone_names = {r[0]: _name_key_text(r) for r in gone
                      if r[0] in renumbered and r[0] not in paired}  # fmt: skip
        names_now = {r[0]: _name_key_text(r) for r in arrived if r[0] not in pairs}
        heads = {r[0]: r[4] for r in (*gone, *arrived)}
        pairs.update(
            (key, other)
            for key, other in slip_pairs(
                {k: n for k, n in names_now.items() if n is not None and n not in before},
                {k: n for k, n in gone_names.items() if n is not None and n not in now},
            ).items()
            if slip_written_alike(heads[key], heads[other])
        )
    return pairs


def one_each(before: dict[str, list[str]], now: dict[str, list[str]]) -> dict[str, str]:
    """now key -> before key, for each name (a (hamlet, head's name, birth year) key text)
    that exactly one key has on each side (``before``, ``now``: name -> keys)."""
    return {
        keys[0]: before[name][0]
        for name, keys in now.items()
        if len(keys) == 1 and len(before.get(name, ())) == 1
    }


def _year(birth) -> int | None:
    """A birth year as the name key holds it; None when blank or no number."""
    if birth is None or birth is pd.NA:
        return None
    try:
        return int(birth)  # NaN: ValueError
    except (TypeError, ValueError, OverflowError):
        return None


def arrivals_held(moves: dict[str, dict], found: list[dict]) -> list[dict]:
    """A household that moved out of one hamlet into a row left out for an error in another
    arrives there all the same: ``moved_in``, and ``not_counted`` (it is not counted), on the
    list it left, in that hamlet's ``moves`` (hamlet -> movements of one scope; a hamlet without
    a table for the scope is left alone). So the commune's moves out and in match, and its
    not-counted household is counted as such: ``start − not_counted = end`` for it. ``found``:
    the details :func:`movements_of` gave for every hamlet of the scope (its ``moved_out``
    with status not_counted are these households). Each hamlet's identity still holds (one
    more in, one more out). Returns the details of the households added."""
    added: list[dict] = []
    for item in found:
        if item["movement"] != "moved_out" or item["current_status"] != NOT_COUNTED:
            continue
        there = moves.get(item["other_hamlet"])
        if there is None:
            continue
        counts = there[item["list"]]
        counts["moved_in"] += 1
        counts["not_counted"] += 1
        arrived = {**item, "hamlet": item["other_hamlet"], "other_hamlet": item["hamlet"]}
        added += [{**arrived, "movement": "moved_in"}, {**arrived, "movement": "not_counted"}]
    return added


def hamlet_figures(
    target: dict, households: int, current: pd.DataFrame, moves: dict | None
) -> dict:
    """Figures of one accepted hamlet. ``target``: its plan row; ``current``: its valid rows."""
    return hamlet_figures_from(target, households, tallies(current, by_hamlet=False)[None], moves)


def hamlet_figures_from(target: dict, households: int, counts: dict, moves: dict | None) -> dict:
    """:func:`hamlet_figures` from the hamlet's :func:`tallies`."""
    poor, near_poor = counts["poor"], counts["near_poor"]
    start_households = int(target["start_households"])
    start_poor, start_near = int(target["start_poor"]), int(target["start_near_poor"])
    poor_target, near_target = int(target["poor_target"]), int(target["near_poor_target"])
    figures = _rates(households, poor, near_poor, start_households, start_poor, start_near)
    figures.update(
        {
            "poor_target": poor_target,
            "near_poor_target": near_target,
            "poor_target_met": reached(start_poor - poor, poor_target),
            "near_poor_target_met": reached(start_near - near_poor, near_target),
            "poor_progress": progress(start_poor - poor, poor_target),
            "near_poor_progress": progress(start_near - near_poor, near_target),
            "poor_still_to_exit": still_to_exit(start_poor, poor, poor_target),
            "near_poor_still_to_exit": still_to_exit(start_near, near_poor, near_target),
            "movements": moves,
            "deprivations": counts["deprivations"],
        }
    )
    return figures


def absent_hamlet_figures(target: dict) -> dict:
    """A hamlet with no accepted roster: start figures and targets only."""
    start_households = int(target["start_households"])
    start_poor, start_near = int(target["start_poor"]), int(target["start_near_poor"])
    figures = _rates(None, None, None, start_households, start_poor, start_near)
    figures.update(
        {
            "poor_target": int(target["poor_target"]),
            "near_poor_target": int(target["near_poor_target"]),
            "poor_target_met": None,
            "near_poor_target_met": None,
            "poor_progress": None,
            "near_poor_progress": None,
            "poor_still_to_exit": None,
            "near_poor_still_to_exit": None,
            "movements": None,
            "deprivations": None,
        }
    )
    return figures


def _rates(households, poor, near_poor, start_households, start_poor, start_near) -> dict:
    present = households is not None
    poor_rate = rate(poor, households) if present else None
    near_rate = rate(near_poor, households) if present else None
    start_poor_rate = rate(start_poor, start_households)
    start_near_rate = rate(start_near, start_households)
    return {
        "households": households,
        "poor": poor,
        "near_poor": near_poor,
        "poor_rate": poor_rate,
        "near_poor_rate": near_rate,
        "multidim_rate": poor_rate + near_rate if present else None,
        "start_households": start_households,
        "start_poor": start_poor,
        "start_near_poor": start_near,
        "start_poor_rate": start_poor_rate,
        "start_near_poor_rate": start_near_rate,
        "poor_rate_reduction": start_poor_rate - poor_rate if present else None,
        "near_poor_rate_reduction": start_near_rate - near_rate if present else None,
    }


def sum_nested(dicts: list[dict]) -> dict | None:
    if not dicts or any(d is None for d in dicts):
        return None
    out = {}
    for key, value in dicts[0].items():
        out[key] = (
            sum_nested([d[key] for d in dicts])
            if isinstance(value, dict)
            else sum(d[key] for d in dicts)
        )
    return out


def commune_figures(accepted: list[dict], poor_target: float, near_poor_target: float) -> dict:
    """Commune totals over the accepted hamlets' figures; rates from the summed counts."""
    total = lambda key: sum(f[key] for f in accepted)  # noqa: E731
    figures = _rates(
        total("households"),
        total("poor"),
        total("near_poor"),
        total("start_households"),
        total("start_poor"),
        total("start_near_poor"),
    )
    figures.update(
        {
            "poor_target": poor_target,
            "near_poor_target": near_poor_target,
            "poor_target_met": reached(figures["poor_rate_reduction"], poor_target),
            "near_poor_target_met": reached(figures["near_poor_rate_reduction"], near_poor_target),
            "poor_progress": progress(figures["poor_rate_reduction"], poor_target),
            "near_poor_progress": progress(figures["near_poor_rate_reduction"], near_poor_target),
            "poor_still_to_exit": still_to_exit_for_rate(
                figures["start_poor_rate"], figures["households"], figures["poor"], poor_target
            ),
            "near_poor_still_to_exit": still_to_exit_for_rate(
                figures["start_near_poor_rate"],
                figures["households"],
                figures["near_poor"],
                near_poor_target,
            ),
            # Over the hamlets with a baseline (all of them when the plan holds the start list).
            "movements": sum_nested(
                [f["movements"] for f in accepted if f["movements"] is not None]
            ),
            "deprivations": sum_nested([f["deprivations"] for f in accepted]),
        }
    )
    return figures
