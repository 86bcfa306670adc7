"""A differential oracle for the month's figures and movements (session 38).

The oracle below is written from CONTRACT.md §4, §4.3 and §5.1 (and the decisions log's
settled points: `moved_out`/`moved_in`, `returned` from the history, target met after
rounding to 9 decimals), not from the pipeline's code. Random scenarios (a seed each: 2-4
hamlets, 5-40 start households each, 2-4 months of clean rosters with households changing
class, leaving with or without 'Thoát', arriving, moving between hamlets, coming back, and
their deprivation ticks changing) are written with the tests' builders, run month by month
into one output with `pipeline.run.execute`, and every figure of the JSON summary the oracle
knows is compared with it.

Session 39 adds the messy part (`_extras`, its own random stream): rows left out for an error,
a Mã hộ written twice in one list or two hamlets' lists, and lists refused whole; the oracle
follows them into `not_counted`, `recounted`, `rows_left_out` and the hamlets' status.

Session 41 adds `Thoát` rows left out for an error in another cell (`_exit_errors`, a third
stream): the row holds its household where it is written, neither counted nor gone. It also
adds hamlets the plan renames mid-year (`_renamed`, a fourth stream), drawn only with
`--renames`: the oracle expects the figures the scenario has without the rename. The defects
it found are fixed (the tests at the end; the last of them in session 42), and seeds 0-599
agree: the test runs the eight seeds that differed longest (`RENAME_SEEDS`) with renames.

Session 42's `tests/test_session42_oracle_mergers.py` draws hamlets merged by the plan with
this builder, runner and oracle; `_view`'s ``apart`` (a merged hamlet's own list beside the
list its merged-in part's old head sent apart) and what follows from it are its additions;
session 43's `oracle(…)` reads ``sc["parts"]``: a merged hamlet set beside each part's latest
list where the two sent apart before the merger.

Session 53 (`drawn53`, `run_scenario(…, s53=True)`: the test and the plain runs out of CI)
draws session 52's shapes it knows the answer to: new households whose head writes a telephone
number as the Mã hộ (as text, grouped, after +84, or in a Number cell: told, the number of
warnings compared, the household counted), and two hamlets' lists sent with their 'Xóm' cells
swapped where the start list proves it (both refused), lists naming no hamlet holding
households counted lists write (refused, nothing else changed); and, out of CI (``--apart``), lists
naming no hamlet that hold households their hamlet's list left off (the hamlet held apart).

Session 54 (`drawn54`, after `drawn53`, streams of its own) draws session 53's shapes: telephone
numbers written as a Mã hộ in look-alike digits or dashes (counted as written, told as their ASCII forms are, never
posted whole on NiemYet: `posted_numbers`), and lists whose every row is left out for codes
another hamlet's list writes too (refused 'across', the twins holding the codes).

Session 56 (`year_turn`, `turn_oracle`, ``run_scenario(…, turn=True)``, out of CI but for
`TURN_SEEDS`) carries a scenario over the year's turn: its months end in December, the 2025
plan's start list keeps or renumbers each hamlet's codes, corrects heads' names by a last letter
and drops and adds households, and January's and February's lists follow; the oracle works out
both tables of each from December's lists read in the start list's codes. Helper C2
(`_moved_and_merged`, a stream of its own) adds a household moved to another hamlet at the turn
under a new code (beside a twin of its head's name and birth year now and then: not paired) and
a hamlet the 2025 plan drops, merged into another, its households under that one's codes or
their own, silent in December now and then. Helper Q of session 57 (`_kept_under_new_code`,
a stream of its own) adds B's (a): a household December's list has in one hamlet, the start
list in another under a new code, its own hamlet's January and February lists under a code of
their own (read as the start list's: moved at the turn in the year's table, nothing in the
month's).

`python -m tests.test_session38_oracle FIRST COUNT [--renames] [--apart] [--turn]` runs more
seeds than the test does (set TMPDIR to a scratch folder, and PYTHONHASHSEED to vary the hash
order); ``--apart`` draws session 53's lists naming no hamlet held apart too (out of CI: the
pipeline differs there, see the decisions); ``--turn`` the year's turn (without session 52's
and 53's shapes).
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import tempfile
import unicodedata
import zlib
from datetime import date
from pathlib import Path

import pytest

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, write_renamed_plan, write_roster

NAMES = ["Nà Mòn", "Bản Cọ", "Đồng Kè", "Khuôn Lăn"]
LISTS = ("poor", "near_poor")
OTHER = {"poor": "near_poor", "near_poor": "poor"}
TO = {"poor": "to_near_poor", "near_poor": "to_poor"}
FROM = {"poor": "from_near_poor", "near_poor": "from_poor"}
TDS = [f"td_{i:02d}" for i in range(1, 13)]
# a hamlet's name after the plan renames it (session 41); each keeps its place in name order
RENAMED = {"Nà Mòn": "Nà Mòn Mới", "Bản Cọ": "Bản Cọ Trên", "Đồng Kè": "Tân Kè",
           "Khuôn Lăn": "Lăn Hạ"}  # fmt: skip


# --------------------------------------------------------------------------- scenarios


def _deps(rng: random.Random, cls: str) -> tuple[int, ...]:
    """Deprived indicators that agree with the class (poor ≥ 3, near-poor < 3)."""
    k = rng.randint(3, 6) if cls == "poor" else rng.randint(0, 2)
    return tuple(sorted(rng.sample(range(1, 13), k)))


def scenario(seed: int, renames: bool = False) -> dict:
    """A plan and months of rosters: {hamlets: {name: (households, target poor, target near)},
    targets: (poor points, near points), start: {code: (hamlet, class, deps)},
    months: [(period, {hamlet: households}, {code: (hamlet, label, deps)})]}.
    A month's label is 'poor', 'near_poor' or 'exited' (a 'Thoát' row); a code not in a month
    is not listed that month. ``renames``: draw hamlets the plan renames mid-year (session 41;
    out of CI while the pipeline still differs there, see the decisions)."""
    rng = random.Random(seed)
    names = NAMES[: rng.randint(2, 4)]
    missing = seed % 2 == 1  # odd seeds: now and then a hamlet sends nothing
    start: dict[str, tuple] = {}
    hamlets = {}
    for h_index, h in enumerate(names):
        n = rng.randint(5, 40)
        for i in range(n):
            cls = rng.choice(LISTS)
            start[f"H{h_index}S{i}"] = (h, cls, _deps(rng, cls))
        listed = n
        hamlets[h] = (listed + rng.randint(20, 200), rng.randint(0, 4), rng.randint(0, 4))
    targets = (round(rng.uniform(0.2, 3.0), 2), round(rng.uniform(0.2, 3.0), 2))
    # current state: code -> (hamlet, class or 'out', deps); 'out' = left both lists
    state = {c: v for c, v in start.items()}
    months = []
    new_n = 0
    first = rng.randint(1, 9)
    for m in range(rng.randint(2, 4)):
        period = f"2024-{first + m:02d}"
        rows: dict[str, tuple] = {}
        nxt = {}
        for code, (h, cls, deps) in state.items():
            r = rng.random()
            if cls == "out":
                if r < 0.15:  # comes back, maybe in another hamlet
                    h2 = rng.choice(names) if rng.random() < 0.3 else h
                    c2 = rng.choice(LISTS)
                    nxt[code] = (h2, c2, _deps(rng, c2))
                    rows[code] = (h2, c2, nxt[code][2])
                else:
                    nxt[code] = (h, "out", deps)
                    if rng.random() < 0.3:  # a 'Thoát' row kept on
                        rows[code] = (h, "exited", ())
                continue
            if r < 0.08:  # Thoát, now and then written by the hamlet it moved to
                if len(names) > 1 and rng.random() < 0.25:
                    h = rng.choice([x for x in names if x != h])
                nxt[code] = (h, "out", deps)
                rows[code] = (h, "exited", ())
            elif r < 0.13:  # no longer listed
                nxt[code] = (h, "out", deps)
            elif r < 0.25:  # other class
                c2 = OTHER[cls]
                nxt[code] = (h, c2, _deps(rng, c2))
                rows[code] = nxt[code]
            elif r < 0.32 and len(names) > 1:  # moves to another hamlet, maybe another class
                h2 = rng.choice([x for x in names if x != h])
                c2 = rng.choice(LISTS)
                d2 = deps if c2 == cls and rng.random() < 0.5 else _deps(rng, c2)
                nxt[code] = (h2, c2, d2)
                rows[code] = nxt[code]
            else:
                d2 = _deps(rng, cls) if rng.random() < 0.2 else deps
                nxt[code] = (h, cls, d2)
                rows[code] = nxt[code]
        for _ in range(rng.randint(0, 4)):  # new households
            new_n += 1
            code = f"N{new_n}"
            h = rng.choice(names)
            c = rng.choice(LISTS)
            nxt[code] = (h, c, _deps(rng, c))
            rows[code] = nxt[code]
        state = nxt
        totals = {}
        for h in names:
            listed = sum(1 for (hh, lab, _) in rows.values() if hh == h and lab != "exited")
            totals[h] = max(hamlets[h][0] + rng.randint(-5, 5), listed + rng.randint(1, 30))
        sent = [h for h in names if not (missing and rng.random() < 0.2)] or names[:1]
        months.append((period, totals, rows, set(sent)))
    sc = {"hamlets": hamlets, "targets": targets, "start": start, "months": months}
    sc["extras"] = _extras(seed, sc)
    _exit_errors(seed, sc)
    sc["renamed"] = _renamed(seed, sc) if renames else {}
    return sc


# A row error the reader reports at its cell and that leaves the row out of every figure:
# the fields written over the clean row (session 39). 'noid' empties the Mã hộ cell: the row
# then holds its household by (hamlet, head's name, birth year), CONTRACT §4.3.
ROW_ERRORS = {
    "size0": {"nhan_khau": 0},
    "size35": {"nhan_khau": 35},
    "size_text": {"nhan_khau": "bốn"},
    "class": {"phan_loai": "Hộ nghèo lắm"},
    "class_blank": {"phan_loai": ""},
    "year": {"nam_sinh": 1850},
    "noid": {"ma_ho": None},
}


def _extras(seed: int, sc: dict) -> list[dict]:
    """Each month's messy part, drawn from its own random stream so that the clean scenario
    stays as session 38 drew it: ``errors`` {code: kind of ROW_ERRORS} on poor/near-poor rows,
    ``dups`` [(hamlet, code, class)]: a second row under a Mã hộ already used (another household
    given the code by mistake) in the same list or another hamlet's, and ``refused``: hamlets
    whose file is refused whole (a household total below the households it lists). Seeds that
    are a multiple of 5 stay clean (session 38's scenarios as they were)."""
    rx = random.Random(seed * 7919 + 39)
    out = []
    if seed % 5 == 0:
        return [{"errors": {}, "dups": [], "refused": set()} for _ in sc["months"]]
    where = {c: {h} for c, (h, _, _) in sc["start"].items()}  # every hamlet a code was in
    last_errors: dict = {}
    names = list(sc["hamlets"])
    for _, _, rows, sent in sc["months"]:
        for code, (h, _, _) in rows.items():
            where.setdefault(code, set()).add(h)
        refused = {h for h in sorted(sent) if rx.random() < 0.08}
        refused = {h for h in refused
                   if sum(1 for (g, lab, _) in rows.values() if g == h and lab in LISTS) >= 2}  # fmt: skip
        if refused == set(sent):  # one list at least is counted, or there is no month to compare
            refused.discard(min(refused))
        errors = {}
        for code, (h, lab, _) in sorted(rows.items()):
            if lab not in LISTS or h not in sent or h in refused:
                continue
            if rx.random() < (0.4 if code in last_errors else 0.07):
                kinds = [k for k in ROW_ERRORS if k != "noid" or len(where[code]) == 1]
                errors[code] = rx.choice(kinds)
        dups = []
        for _ in range(rx.choice([0, 0, 0, 1, 1, 2])):
            free = sorted(c for c, (h, lab, _) in rows.items()
                          if lab in LISTS and h in sent and h not in refused and c not in errors
                          and all(d[1] != c for d in dups))  # fmt: skip
            if not free:
                break
            code = rx.choice(free)
            here = rows[code][0]
            others = [g for g in names if g in sent and g not in refused and g != here]
            g = rx.choice(others) if others and rx.random() < 0.5 else here
            dups.append((g, code, rx.choice(LISTS)))
        # a list whose every row is left out is refused whole: keep one row of each counted
        for h in sorted(sent):
            mine = [c for c, (g, lab, _) in rows.items() if g == h and lab in LISTS]
            left = {c for c in mine if c in errors or any(d[1] == c for d in dups)}
            if mine and left == set(mine):
                for c in mine:
                    errors.pop(c, None)
                dups = [d for d in dups if d[1] not in mine and d[0] != h]
        last_errors = errors
        out.append({"errors": errors, "dups": dups, "refused": refused})
    return out


def _exit_errors(seed: int, sc: dict) -> None:
    """'Thoát' rows left out for an error in another cell (session 41), from a third random
    stream, added to each month's ``errors``: about 15 % of the 'Thoát' rows of the counted
    lists, 40 % kept a second month; never the last rows of a list not left out (a list whose
    every row is left out is refused whole). The row holds its household where it is written,
    as any row with an error does: neither counted nor gone (sessions 9 and 10)."""
    if seed % 5 == 0:
        return
    rx = random.Random(seed * 7919 + 41)
    where = {c: {h} for c, (h, _, _) in sc["start"].items()}
    last: set = set()
    for (_, _, rows, sent), extra in zip(sc["months"], sc["extras"], strict=True):
        for code, (h, _, _) in rows.items():
            where.setdefault(code, set()).add(h)
        found = {}
        for code, (h, lab, _) in sorted(rows.items()):
            if lab != "exited" or h not in sent or h in extra["refused"]:
                continue
            if rx.random() < (0.4 if code in last else 0.15):
                kinds = [k for k in ROW_ERRORS if k.startswith(("size", "year"))
                         or k == "noid" and len(where[code]) == 1]  # fmt: skip
                found[code] = rx.choice(kinds)
        for h in sorted(sent):
            mine = [c for c, (g, _, _) in rows.items() if g == h]
            bad = set(extra["errors"]) | set(found) | {d[1] for d in extra["dups"]}
            if mine and bad >= set(mine):
                for c in mine:
                    found.pop(c, None)
        extra["errors"].update(found)
        last = set(found)


def _renamed(seed: int, sc: dict) -> dict:
    """{hamlet: the month from which the plan and the hamlet's lists write it RENAMED[hamlet]},
    from a fourth random stream (session 41): in about 40 % of the seeds not a multiple of 5,
    one hamlet (now and then two) renamed in the plan in the middle of the year, its start
    list and targets the same under the new name. Nothing else changes: the hamlet is the same
    hamlet, so every figure is the one it has without the rename (decisions, sessions 29, 31
    and 32: the month after a rename is compared with last month's list under the old name)."""
    rr = random.Random(seed * 7919 + 4102)
    if seed % 5 == 0 or rr.random() >= 0.4:
        return {}
    names = list(sc["hamlets"])
    return {h: rr.randint(1, len(sc["months"]) - 1)
            for h in rr.sample(names, rr.choice([1, 1, 1, 2]))}  # fmt: skip


def _phone(rx: random.Random, used: set[str]) -> str | int:
    """A telephone number as a head writes it for a household's Mã hộ (session 52: told, the
    household counted under it): a mobile of today (0 and 32-39, 5, 7, 8 or 9, ten digits in
    all) as text, grouped by spaces, dots or dashes, after '+84' or '(+84)', or typed into a
    Number cell (its 0 lost: nine digits; or 84 and the nine); or a landline (02 and nine
    digits). Each household its own number."""
    while True:
        head = rx.choice(["32", "35", "38", "39", "5", "7", "8", "9"])
        digits = head + "".join(str(rx.randint(0, 9)) for _ in range(9 - len(head)))
        if digits not in used:
            break
    used.add(digits)
    form = rx.choice(["plain", "spaced", "+84", "(+84)", "dotted", "dashed", "number", "number84",
                      "landline"])  # fmt: skip
    grouped = (digits[:3], digits[3:6], digits[6:])
    if form == "number":
        return int(digits)
    if form == "number84":
        return int(f"84{digits}")
    if form == "landline":
        return f"02{digits}"
    if form in ("+84", "(+84)"):
        return f"{'+84' if form == '+84' else '(+84)'} {' '.join(grouped)}"
    if form == "plain":
        return f"0{digits}"
    return "0" + {"spaced": " ", "dotted": ".", "dashed": "-"}[form].join(grouped)


def drawn53(seed: int, sc: dict, apart: bool = False) -> None:
    """Session 52's shapes the oracle draws (session 53), from a random stream of their own
    (``seed * 7919 + 53``) so that the rest is drawn as before, in the seeds not a multiple of
    5 and without
    renames: ``sc["phones"]`` {code: the telephone number its head writes as its Mã hộ every
    month} for about a third of the new households (told at each row, or once past five rows
    of a list, the household counted under it: "Session 52: a telephone number as the Mã hộ
    is told to the head, the household counted"); and each month's ``swapped`` {hamlet: the
    hamlet its list names}: two hamlets' lists sent with their 'Xóm' cells (and totals, the
    file being the other's) swapped, both refused ("Session 51/52: two hamlets' lists with
    their 'Xóm' cells swapped"), drawn only where the start list proves it (:func:`_proved`),
    neither hamlet holding a Mã hộ written twice; the two added to ``refused`` (a refused
    list as any: neither counted, the hamlets 'rejected'); and, with ``apart`` (out of CI
    while the pipeline differs there: the decisions' session 53 QA section), in a month
    without a swap, ``apart`` {hamlet: codes} (:func:`_apart`, from a stream of its own): some of a hamlet's households (one written
    poor or near-poor at least) sent on a list naming no hamlet ('Xóm' and title blank,
    'DanhSach_….xlsx'), left off its own list: held apart ("Session 51: a list naming no
    hamlet whose codes are one hamlet's, not a copy of its list, is held apart from that
    hamlet"): the hamlet 'rejected' and out of the commune's figures, those households held
    as rows left out for an error are (`_view`'s ``apart``, session 42's), yet not left out.
    In a month with neither, now and then (a stream of its own) ``copied``: a list naming no
    hamlet holding one to four households as counted lists write them (of one hamlet or
    several): refused, told to be taken out ('holds-listed', '-several', '-mixed': "Session
    52: a list naming no hamlet nearly all one hamlet's …"), no figure changed."""
    sc["phones"] = {}
    for extra in sc["extras"]:
        extra["swapped"] = {}
    if seed % 5 == 0 or sc["renamed"]:
        return
    rx = random.Random(seed * 7919 + 53)
    ra = random.Random(seed * 7919 + 5301)
    rc = random.Random(seed * 7919 + 5302)
    used: set[str] = set()
    for _, _, rows, _ in sc["months"]:
        for code in sorted(c for c in rows if c.startswith("N") and c not in sc["phones"]):
            if rx.random() < 0.3:
                sc["phones"][code] = _phone(rx, used)
    where = {c: {h} for c, (h, _, _) in sc["start"].items()}  # every hamlet a code was in
    for (_, _, rows, sent), extra in zip(sc["months"], sc["extras"], strict=True):
        for code, (h, _, _) in rows.items():
            where.setdefault(code, set()).add(h)
        doubled = {g for g, _, _ in extra["dups"]} | {rows[c][0] for _, c, _ in extra["dups"]}
        free = sorted(h for h in sent if h not in extra["refused"] | doubled)
        pairs = [(a, b) for a in free for b in free
                 if a < b and _proved(sc, rows, a, extra) and _proved(sc, rows, b, extra)]  # fmt: skip
        pairs = [p for p in pairs if set(sent) - extra["refused"] - set(p)]
        if pairs and rx.random() < 0.35:
            a, b = rx.choice(pairs)
            extra["swapped"] = {a: b, b: a}
            extra["refused"] = extra["refused"] | {a, b}
        held = {h: _apart(sc, rows, h, extra, where) for h in free if not extra["swapped"]}
        held = held if apart else {}
        held = {h: codes for h, codes in held.items()
                if codes and set(sent) - extra["refused"] - {h}}  # fmt: skip
        if held and ra.random() < 0.25:
            h = ra.choice(sorted(held))
            codes = ra.sample(held[h], ra.randint(1, min(3, len(held[h]))))
            if all(rows[c][1] == "exited" for c in codes):
                codes.append(next(c for c in held[h] if rows[c][1] in LISTS))
            extra["apart"] = {h: set(codes)}
            extra["errors"].update(dict.fromkeys(codes, "apart"))
        listed = sorted(c for c, (g, lab, _) in rows.items()
                        if g in set(sent) - extra["refused"] and lab in LISTS
                        and c not in extra["errors"] and c not in sc["phones"]
                        and all(d[1] != c for d in extra["dups"]))  # fmt: skip
        if rc.random() < 0.15 and listed and not extra["swapped"] and not extra.get("apart"):
            extra["copied"] = rc.sample(listed, rc.randint(1, min(4, len(listed))))


# Session 54: a telephone number's look-alikes (session 53's "a number in full-width or another
# script's digits, or grouped by an en dash or a middle dot, masked on the posted list")
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
LOOK_ALIKE_DASHES = {"en": "\u2013", "spaced-en": " \u2013 ", "middle-dot": "\u00b7",
                     "figure": "\u2012"}  # fmt: skip


def _lookalike(rl: random.Random, written: str) -> str:
    """``written`` (a telephone number as text, :func:`_phone`) as a head types it from another
    keyboard or after Word's AutoCorrect: its digits full-width (perhaps its dots too), or its
    groups ('0912 345 678', a plain number grouped so first) joined by an en dash, a spaced
    en dash, a figure dash or a middle dot. The country code and its brackets stay ASCII."""
    prefix, number = "", written
    if written.startswith(("+", "(")):  # '+84 912 345 678': the number after the country code
        prefix, number = written.split(" ", 1)
        prefix += " "
    groups = re.split(r"[ .-]", number)
    if len(groups) == 1:
        groups = [number[:4], number[4:7], number[7:]]
    form = rl.choice(["full-width", "full-width-dots", *LOOK_ALIKE_DASHES])
    if form == "full-width":
        return prefix + number.translate(FULL_WIDTH)
    if form == "full-width-dots":
        return prefix + ".".join(groups).translate(FULL_WIDTH)
    return prefix + LOOK_ALIKE_DASHES[form].join(groups)


def drawn54(seed: int, sc: dict) -> None:
    """Session 53's shapes the oracle draws (session 54), from a random stream of their own
    (``seed * 7919 + 54``, after :func:`drawn53`, whose draws are unchanged): about a third of
    the telephone numbers typed as text for a Mã hộ written in look-alikes (:func:`_lookalike`):
    the household counted under the code as written every month, masked on the posted list
    (NiemYet) as its ASCII form is, and told as it is (session 54: "a Mã hộ masked as an ID
    or phone in look-alike digits or marks is told"), ``sc["lookalike"]`` their codes; and, from a stream
    of its own (``seed * 7919 + 5402``), now and then a month's ``across``: a counted hamlet's
    list of 20 rows or fewer (none written twice) whose every poor or near-poor code
    without an error another counted hamlet's list writes too, for other households
    (``dups``), its 'Thoát' rows given an error: every row of the first left out, one at
    least for a code written twice, it is refused ('across': "Session
    53: a list whose every row is left out across the commune is refused …"), out of the
    figures as a refused list is; the twin rows stay left out in the other (§4.2), holding
    those codes there."""
    sc["lookalike"] = set()
    for extra in sc["extras"]:
        extra["across"] = None
    if seed % 5 == 0 or sc["renamed"]:
        return
    rl = random.Random(seed * 7919 + 54)
    for code, written in sorted(sc["phones"].items()):
        if isinstance(written, str) and rl.random() < 0.35:
            sc["phones"][code] = _lookalike(rl, written)
            sc["lookalike"].add(code)
    rd = random.Random(seed * 7919 + 5402)
    for (_, _, rows, sent), extra in zip(sc["months"], sc["extras"], strict=True):
        if extra["swapped"] or extra.get("apart") or extra.get("copied") or rd.random() >= 0.3:
            continue
        acc = sorted(set(sent) - extra["refused"])
        doubled = {g for g, _, _ in extra["dups"]} | {c for _, c, _ in extra["dups"]}
        mine = {h: [c for c, (g, _, _) in sorted(rows.items()) if g == h] for h in acc}
        lists = [h for h in acc if len(mine[h]) <= 20 and h not in doubled
                 and not any(c in doubled or c in sc["phones"] for c in mine[h])
                 and any(rows[c][1] in LISTS and c not in extra["errors"] for c in mine[h])]  # fmt: skip
        if not lists:
            continue
        h = rd.choice(lists)
        kept = [g for g in acc if g != h and any(rows[c][1] in LISTS and c not in extra["errors"]
                                                 and c not in doubled for c in mine[g])]  # fmt: skip
        if not kept:
            continue
        g = rd.choice(kept)
        twins = [c for c in mine[h] if rows[c][1] in LISTS and c not in extra["errors"]]
        extra["dups"] = extra["dups"] + [(g, c, rd.choice(LISTS)) for c in twins]
        for c in mine[h]:  # its 'Thoát' rows left out for an error in another cell
            if rows[c][1] == "exited" and c not in extra["errors"]:
                extra["errors"][c] = rd.choice(["size0", "year"])
        extra["refused"] = extra["refused"] | {h}
        extra["across"] = h


def posted_numbers(sc: dict, index: int, out: Path, period: str) -> list[str]:
    """The telephone numbers written as Mã hộ on month ``index``'s counted lists that the
    posted list (NiemYet) shows whole: as written, or as its digits alone in ASCII (one
    character for one: `text.ascii_number_text`'s reading). None should be (session 52, 53)."""
    import zipfile

    _, _, rows, sent = sc["months"][index]
    extra = sc["extras"][index]
    accepted = set(sent) - extra["refused"]
    codes = {c for c, (h, _, _) in rows.items() if h in accepted and c in sc.get("phones", {})}
    codes |= {c for g, c, _ in extra["dups"] if g in accepted and c in sc.get("phones", {})}
    if not codes:
        return []
    with zipfile.ZipFile(out / period / f"NiemYet_{period}.xlsx") as book:
        posted = "".join(
            book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml")
        )
    # each text of the workbook (a cell's, a shared string's) by its digits, any script's
    texts = [_digits(t) for t in re.findall(r">([^<]+)<", posted)]
    found = []
    for code in sorted(codes):
        written = str(sc["phones"][code])
        digits = _digits(written)
        if written in posted or any(digits in text for text in texts):
            found.append(written)
    return found


def _digits(text: str) -> str:
    """The decimal digits of ``text`` (of any script: Unicode's category Nd), in ASCII."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if unicodedata.category(ch) == "Nd")


def _apart(sc: dict, rows: dict, h: str, extra: dict, where: dict) -> list[str]:
    """The codes hamlet ``h``'s head may send on a list naming no hamlet, left off his own
    (session 53): its start list's households listed in no other hamlet all year so far (the
    list's codes then one hamlet's, "Session 51: a list naming no hamlet whose codes are one
    hamlet's …"), in no row with an error, no telephone number; [] unless one of them is
    written poor or near-poor and the list keeps a row of either class without an error."""
    mine = [c for c, (g, _, _) in rows.items() if g == h]
    codes = sorted(c for c in mine if sc["start"].get(c, (None,))[0] == h and where[c] == {h}
                   and c not in extra["errors"] and c not in sc["phones"])  # fmt: skip
    if not any(rows[c][1] in LISTS for c in codes):
        return []
    kept = [c for c in mine if rows[c][1] in LISTS and c not in extra["errors"]]
    return codes if len(kept) > 1 else []


def _proved(sc: dict, rows: dict, h: str, extra: dict) -> bool:
    """Whether the start list proves that ``h``'s list of ``rows``, written with another
    hamlet's 'Xóm', is not that hamlet's: its households of other hamlets' start lists left
    off (:func:`swapped_rows`), at least two of its codes and more than half are ``h``'s start
    list's (with or without its 'Thoát' rows, so that no count at the bound decides)."""
    for exits in (True, False):
        codes = [c for c in swapped_rows(sc, rows, h, extra) if exits or rows[c][1] != "exited"]
        own = sum(1 for c in codes if c in sc["start"])
        if own < 2 or 2 * own <= len(codes):
            return False
    return True


def swapped_rows(sc: dict, rows: dict, h: str, extra: dict) -> list[str]:
    """The codes hamlet ``h``'s list holds, written with its 'Xóm' cell swapped (session 53):
    the households of other hamlets' start lists (moved in) left off, so that none of its
    codes is another's on the start list, and a row left without a Mã hộ ('noid') too. A
    refused list counts nowhere, so what it holds changes no figure."""
    return sorted(c for c, (g, _, _) in rows.items()
                  if g == h and sc["start"].get(c, (h,))[0] == h
                  and extra["errors"].get(c) != "noid")  # fmt: skip


def phones_told(sc: dict, index: int) -> int:
    """The warnings month ``index``'s lists give of the telephone numbers written as Mã hộ:
    one a row, or one for a list of more than five (its rows named); a row whose Mã hộ is
    left blank for an error ('noid') writes none, nor a swapped list (refused as another
    hamlet's file when the files are identified, before any row is checked: its rows are
    told when it comes back with its own 'Xóm')."""
    _, _, rows, sent = sc["months"][index]
    extra = sc["extras"][index]
    phones = sc.get("phones", {})
    told = 0
    for h in sent:
        if h in extra.get("swapped", {}):
            continue  # refused as another hamlet's file, its rows are not checked
        written = [c for c, (g, _, _) in rows.items()
                   if g == h and c in phones and extra["errors"].get(c) != "noid"]  # fmt: skip
        written += [c for g, c, _ in extra["dups"] if g == h and c in phones]
        told += len(written) if len(written) <= 5 else 1
    return told


def shown(sc: dict, h: str, index: int) -> str:
    """The name month ``index``'s plan and lists write hamlet ``h`` under."""
    return RENAMED[h] if index >= sc["renamed"].get(h, len(sc["months"])) else h


def write_scenario_plan(folder: Path, sc: dict, index: int = 0) -> None:
    """The plan as month ``index`` reads it (a renamed hamlet under its name then), of the year
    ``sc["year"]`` (2024 unless said: session 56's next year), its heads' ``names`` where the
    scenario gives them."""
    rows = []
    names, year = sc.get("names", {}), sc.get("year", 2024)
    for code, (h, cls, deps) in sc["start"].items():
        rows.append(
            dict(person(code, cls, deps, **names.get(code, {})), hamlet=shown(sc, h, index))
        )
    for stt, row in enumerate(rows, start=1):
        row["stt"] = stt
    hamlets = []
    for h, (n, pt, ct) in sc["hamlets"].items():
        poor = sum(1 for (hh, c, _) in sc["start"].values() if hh == h and c == "poor")
        near = sum(1 for (hh, c, _) in sc["start"].values() if hh == h and c == "near_poor")
        hamlets.append(
            {
                "hamlet": shown(sc, h, index),
                "start_households": n,
                "start_poor": poor,
                "start_near_poor": near,
                "poor_target": pt,
                "near_poor_target": ct,
            }
        )
    info = dict(PLAN_INFO, plan_year=year, poor_target=sc["targets"][0],
                near_poor_target=sc["targets"][1])  # fmt: skip
    write_plan_workbook(folder / f"KeHoach_{year}.xlsx", info, hamlets, rows)


def write_month(folder: Path, sc: dict, index: int) -> str:
    period, totals, rows, sent = sc["months"][index]
    extra = sc["extras"][index]
    year, month = int(period[:4]), int(period[5:])
    prepared = date(year + (month == 12), month % 12 + 1, 3)
    for h_index, h in enumerate(sc["hamlets"]):
        if h not in sent:
            continue
        phones = sc.get("phones", {})  # (session 53: a telephone number as the Mã hộ)
        swapped = extra.get("swapped", {})
        names = sc.get("names", {})  # a head's name and year of his own (session 56)
        listed = [
            dict(person(code, lab, deps, **names.get(code, {})),
                 **{"ma_ho": phones[code]} if code in phones else {})  # fmt: skip
            | ROW_ERRORS.get(extra["errors"].get(code), {})
            for code, (hh, lab, deps) in sorted(rows.items())
            if hh == h and (h not in swapped or code in swapped_rows(sc, rows, h, extra))
            and code not in extra.get("apart", {}).get(h, ())
        ]  # fmt: skip
        for g, code, cls in extra["dups"]:  # another household written under a used code
            if g == h:
                twin = person(code, cls, (1, 2, 3) if cls == "poor" else (5,))
                listed.append(dict(twin, chu_ho=f"Lò Thị Trùng {code}", nam_sinh=1981,
                                   so_dinh_danh=f"0{zlib.crc32(code.encode()) % 10**7:07d}9876",
                                   ma_ho=phones.get(code, code)))  # fmt: skip
        # a refused list: its household total is below the households it lists; a swapped
        # one (session 53) names the other hamlet and carries its total
        total = totals[swapped[h]] if h in swapped else totals[h]
        if h in extra["refused"] and h not in swapped and h != extra.get("across"):
            total = 1
        name = shown(sc, swapped.get(h, h), index)
        path = write_roster(folder, f"DS_{h_index}_{period}.xlsx", name, total, listed, period,
                            prepared)  # fmt: skip
        numbers = {str(r["ma_ho"]) for r in listed if isinstance(r["ma_ho"], int)}
        if numbers:  # typed into Number cells (the template's writer writes every code as text)
            _as_numbers(path, numbers)
    for h, codes in extra.get("apart", {}).items():  # a list naming no hamlet (session 53)
        listed = [person(c, rows[c][1], rows[c][2]) for c in sorted(codes)]
        write_roster(folder, f"DanhSach_{period}.xlsx", None, totals[h], listed, period, prepared)
    if extra.get("copied"):  # ... holding households counted lists write (session 53)
        listed = [person(c, rows[c][1], rows[c][2]) for c in extra["copied"]]
        write_roster(folder, f"DanhSach_{period}.xlsx", None, 150, listed, period, prepared)
    return period


def _as_numbers(path: Path, codes: set[str]) -> None:
    """The 'Mã hộ' cells of ``path`` holding ``codes`` made Number cells (session 53)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    for row in book["Danh sách"].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value in codes:
                cell.value = int(cell.value)
    book.save(path)


# --------------------------------------------------------------------------- the oracle


def _view(sc: dict, index: int) -> dict:
    """Month ``index`` as the commune's counted lists see it: ``acc`` the hamlets whose list was
    accepted (sent and not refused), ``counted`` {code: (hamlet, class)} of the poor and
    near-poor rows counted, ``held`` {code: [hamlets]} of the codes of rows left out for an
    error or a Mã hộ written twice in the accepted lists (the household's own row first),
    ``exits`` {code: hamlet} of the 'Thoát' rows and ``left_out`` the rows left out.
    ``based``: the accepted hamlets whose figures count and whose list is a baseline: not one
    of ``apart`` {hamlet: codes}, a merged hamlet beside whose own list its merged-in part's
    old head sent his list apart (session 42: its list read, those codes held there as rows
    left out for an error are, and stored so (session 46), yet not left out; the hamlet out
    of the commune's figures)."""
    _, _, rows, sent = sc["months"][index]
    extra = sc["extras"][index]
    acc = set(sent) - extra["refused"]
    dups = [(g, c) for g, c, _ in extra["dups"] if g in acc]
    doubled = {c for _, c in dups}
    counted, held, exits, left_out = {}, {}, {}, len(dups)
    apart = extra.get("apart", {})
    nameless = {c for c, kind in extra["errors"].items() if kind == "noid"}
    for code, (h, lab, _) in sorted(rows.items()):
        if h not in acc:
            continue
        if code in extra["errors"] or code in doubled:  # a 'Thoát' row's too (session 41)
            held[code] = [h]
            left_out += code not in apart.get(h, ())
        elif lab == "exited":
            exits[code] = h
        else:
            counted[code] = (h, lab)
    for g, code in dups:  # (session 54: its own hamlet's list refused 'across', the twin alone)
        if code not in held and (last := _last_listed_in(sc, index, code)) and g != last:
            continue  # another household's row, in another hamlet: holds not its (session 62)
        if g not in held.setdefault(code, []):
            held[code].append(g)
    # a code written in two hamlets' lists is taken to be where the first row read writes it
    # (`figures.listed_where`): this month's lists are read in the files' order (here the
    # plan's), a stored month's in its hamlets' name order (session 39: left as it is)
    order = sc["parts"]["order"] if "parts" in sc else list(sc["hamlets"])
    held = {c: sorted(hs, key=order.index) for c, hs in held.items()}
    return {"acc": acc, "counted": counted, "held": held, "exits": exits, "left_out": left_out,
            "nameless": nameless & set(held), "apart": apart, "based": acc - set(apart)}  # fmt: skip


def _last_listed_in(sc: dict, index: int, code: str) -> str | None:
    """The hamlet whose accepted list of a month before ``index`` last wrote ``code``'s own row
    (counted, left out or 'Thoát'), else the start list's. A twin's row alone under the code
    (its own list refused 'across') in another hamlet is another household's (another head,
    another ID number): it holds not the household there (session 62, the history walk's
    timeline._another_household), nor one out of the lists by a 'Thoát' row (session 63, G);
    in that hamlet it is the code's row there (a code is one household within a hamlet)."""
    for m_index in range(index - 1, -1, -1):
        _, _, rows, sent = sc["months"][m_index]
        acc = set(sent) - sc["extras"][m_index]["refused"]
        if code in rows and rows[code][0] in acc:
            return rows[code][0]
    return sc["start"].get(code, (None,))[0]


def left_walk(views: list, part_start: dict, start: dict, joined=lambda h: h, at: int = 0):
    """Who left the lists in the stored months ``views`` (each :func:`_view`): listed before a
    month (last in a hamlet accepted that month) and on no list of that month, nor in a row
    left out there, or written 'Thoát'; and ``status[m]``: each household at the end of month
    m, "listed" or "out" ("never" for one first written in a row left out: out of the lists
    too, decisions session 10). ``part_start``: the start list's {code: (hamlet, class)} as
    the months wrote their hamlets, ``joined``/``at``: a merger's (session 43)."""
    left_before: set = set()
    last_hamlet = {c: h for c, (h, _) in part_start.items()}
    state = dict.fromkeys(start, "listed")
    status = {-1: dict(state)}
    for m_index, v in enumerate(views):
        for code, h in last_hamlet.items():
            h = joined(h) if m_index >= at else h
            if code not in v["counted"] and code not in v["held"] and h in v["acc"]:
                if state.get(code) != "never":  # first written in a row left out: it joined
                    left_before.add(code)  # no list, so never left one (session 10; seed 1146)
                if state.get(code) == "listed":
                    state[code] = "out"
        last_hamlet.update({c: h for c, (h, _) in v["counted"].items()})
        # held in rows with errors: where they are, unless one is in its own hamlet (session 39)
        last_hamlet.update({c: last_hamlet[c] if last_hamlet.get(c) in hs else min(hs)
                            for c, hs in v["held"].items()})  # fmt: skip
        # a 'Thoát' row says it left, whether or not a list held it before
        left_before |= set(v["exits"])
        state.update(dict.fromkeys(v["exits"], "out"))
        state.update(dict.fromkeys(v["counted"], "listed"))
        for code in v["held"]:
            state.setdefault(code, "never")
        status[m_index] = dict(state)
    return left_before, status


def movements(
    bases: dict,
    now: dict,
    left_before: set,
    hamlet: str,
    seen=lambda code: None,
    held: dict | None = None,
    held_then=lambda code: None,
    tables: frozenset | set = frozenset(),
    moved_on=lambda code, g: False,
) -> dict:
    """§4.3 for one hamlet: ``bases`` = each hamlet's baseline list (hamlet -> {code: class}),
    ``now`` = the counted households {code: (hamlet, class)}. A household of the hamlet's
    baseline now on another hamlet's list moved out; one now on its list that another
    hamlet's baseline lists moved in (decisions: moves between hamlets, session 11's
    commune-wide baseline). ``held`` {code: [hamlets]}: rows left out for an error now; a
    baseline household held in this hamlet is `not_counted`, held only in another hamlet it
    moved out there, and arrives in the first of them `moved_in` and `not_counted` on the
    list it left, paired with the old hamlet's `moved_out`: only from one of ``tables``, the
    hamlets accepted now (decisions, session 10; session 39). ``moved_on(code, g)``: whether a
    household of hamlet ``g``'s baseline, on no list now, was counted on another hamlet's list
    after the baseline's month (``g`` silent since): it moved out then, and that hamlet's
    tables told the rest; moved out, not exited (session 65, E2). ``held_then(code)``: None
    unless the household was last listed before now (since the baseline) in a row left out
    for an error; then whether it was still on the lists at the end of that row's month:
    counted now, it is `recounted` if so, else new (sessions 9, 10 and 39)."""
    held = held or {}
    base = bases[hamlet]
    out = {}
    for lst in LISTS:
        m = dict.fromkeys(
            ["start", TO[lst], "exited", FROM[lst], "new", "returned", "end", "not_counted",
             "moved_out", "moved_in", "recounted"], 0)  # fmt: skip
        for code, c in base.items():
            if c != lst:
                continue
            m["start"] += 1
            if code in now:
                if now[code][0] != hamlet:
                    m["moved_out"] += 1
                elif now[code][1] != lst:
                    m[TO[lst]] += 1
            elif code in held:
                m["not_counted" if hamlet in held[code] else "moved_out"] += 1
            elif moved_on(code, hamlet):
                m["moved_out"] += 1
            else:
                m["exited"] += 1  # 'Thoát' or no longer listed
        for code, (h, c) in now.items():
            if h != hamlet or c != lst:
                continue
            m["end"] += 1
            if code in base:
                m[FROM[lst]] += base[code] != lst
            elif (
                seen(code) not in (None, hamlet, "exited", "held")
                or seen(code) is None
                and any(code in b for g, b in bases.items() if g != hamlet)
            ):
                m["moved_in"] += 1
            elif held_then(code):
                m["recounted"] += 1
            else:
                m["new"] += 1
                m["returned"] += code in left_before
        for g, b in bases.items():  # held here, from another hamlet's baseline list
            for code, c in b.items():
                if (g != hamlet and g in tables and c == lst and code not in now
                        and code in held and g not in held[code] and held[code][0] == hamlet
                        and not moved_on(code, g)):  # fmt: skip
                    # (not one that list's hamlet, silent since, lost to another hamlet's
                    # list since: it arrived then; session 65, E2: seed 252 with renames)
                    m["moved_in"] += 1
                    m["not_counted"] += 1
        out[lst] = m
    return out


def _sum_moves(parts: list) -> dict | None:
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    return {lst: {k: sum(p[lst][k] for p in parts) for k in parts[0][lst]} for lst in LISTS}


def oracle(sc: dict, index: int) -> dict:
    """The JSON summary's figures for month ``index`` (totals and the hamlets accepted).
    ``sc["parts"]`` (session 43's merger oracle): ``gone`` merged into ``into`` from month
    ``at`` (``index`` is one of those), the months before it written with ``gone``'s own lists
    (its ``start`` list and hamlet ``order`` as then): the merged hamlet is set beside each
    part's latest list (decisions, sessions 35 and 42; not accepted now, the parts accepted
    last month alone, session 43), all else as both together."""
    names = list(sc["hamlets"])
    start = {c: (h, cls) for c, (h, cls, _) in sc["start"].items()}
    parts = sc.get("parts")
    part_start, gone, at = start, [], index + 1
    if parts is not None:  # the hamlets as each month before the merger had them
        part_start = {c: (h, cls) for c, (h, cls, _) in parts["start"].items()}
        gone, at = [parts["gone"]], parts["at"]

    def joined(h: str) -> str:  # the hamlet a part is now
        return parts["into"] if h in gone else h

    months = sc["months"][: index + 1]
    views = [_view(sc, i) for i in range(index + 1)]
    _, totals_now, now_rows, _ = months[-1]
    view = views[-1]
    acc_now = view["acc"]
    now = view["counted"]
    # who left the lists in a stored month before this one, and how each ended each month
    left_before, status = left_walk(views[:-1], part_start, start, joined, at)
    year_bases = {h: {c: k for c, (g, k) in start.items() if g == h} for h in names}
    month_bases = None
    since = dict.fromkeys(names, -1)  # the month of each hamlet's baseline (-1: start list)
    since.update(dict.fromkeys(gone, -1))
    part_since, parts_of = since, {}
    if index > 0:  # each hamlet's latest list before this month, else the start list's
        month_bases = {h: {c: k for c, (g, k) in part_start.items() if g == h}
                       for h in names + gone}  # fmt: skip
        for m_index, v in enumerate(views[:-1]):
            for h in v["based"]:
                month_bases[h] = {c: k for c, (g, k) in v["counted"].items() if g == h}
                since[h] = m_index
                for g in gone if m_index >= at and h == parts["into"] else ():
                    month_bases[g], since[g] = {}, m_index  # the merged list holds it
        part_since = dict(since)
        for h in gone:  # the merged hamlet: both parts' latest lists, from the older; one
            # on both as the newer has it. Not accepted now, so too: a hamlet silent last month
            # and now is its latest list in the month's baseline (session 59, A; before, last
            # month's alone, as `baselines._latest_lists` has it for a table: seed 80)
            pieces = sorted([h, joined(h)], key=part_since.get)
            parts_of[joined(h)] = pieces
            month_bases[joined(h)] = {c: k for p in pieces for c, k in month_bases[p].items()}
            del month_bases[h]
            since[joined(h)] = min(since[joined(h)], since.pop(h))
    # the month's commune-wide baseline: each hamlet's latest list (decisions, session 11;
    # `baselines._latest_lists`), a hamlet silent last month and now too: it has no table for
    # a move out of it to match, but its household on another list now moved in from it, as
    # the year's table has it (session 59, A; before, session 11 left it out: new)
    month_view = month_bases
    # every record (hamlet, label) of the stored months before this one, by month; -1 = start
    records = {-1: {c: (h, k) for c, (h, k) in start.items()}}
    for m_index, (_, _, rows, _) in enumerate(months[:-1]):
        acc = views[m_index]["acc"]
        held = views[m_index]["held"]
        records[m_index] = {
            c: (joined(min(held[c])), "held") if c in held else (joined(h), lab)
            for c, (h, lab, _) in rows.items()
            if h in acc and c not in views[m_index]["nameless"]  # no code: known by name there
        }  # a list apart's codes too: stored held there, as rows left out (session 46)
        for c, hs in held.items():  # held by its twin alone, its own list refused (session 54)
            records[m_index].setdefault(c, (joined(min(hs)), "held"))

    def record_for(m_index: int, code: str, h: str | None):
        """``records[m_index]``'s (hamlet, label) of ``code`` as hamlet ``h``'s list reads it:
        a row without a Mã hộ holds its household by (hamlet, head's name, birth year), so for
        its own hamlet alone (decisions, session 9: "here by code or by name, or in another
        hamlet by code"; seeds 1277 and 1447: held by name in Bản Cọ in September, counted by
        its code in Nà Mòn in October: moved in, not counted again)."""
        found = records[m_index].get(code)
        if found is not None and h is not None and m_index >= 0:
            if code in views[m_index]["nameless"] and found[0] != h:
                return None
        return found

    def last_listed(code: str, first: int, h: str | None = None):
        """The hamlet whose list last held ``code`` from month ``first`` through last month,
        "exited" when that was a 'Thoát' row, None when none did (decisions, session 11:
        `timeline.last_listed`); else each hamlet's latest list decides. A row left out for an
        error, "held": counted again, not moved in (decisions, sessions 9 and 38). ``h``: as
        that hamlet's list reads the rows (:func:`record_for`)."""
        for m_index in range(index - 1, first - 1, -1):
            found = record_for(m_index, code, h)
            if found is not None:
                g, lab = found
                return g if lab in LISTS else "exited" if lab == "exited" else "held"
        return None

    def bases_at(m: int, code: str, h: str) -> str | None:
        """The hamlet other than ``h`` whose baseline of month ``m`` (its latest list accepted
        before, else the start list) had ``code`` poor or near-poor, the latest list's."""
        held, best = None, -2
        for g in names + gone:
            was = max((i for i in range(m) if g in views[i]["based"]), default=-1)
            if was < 0:
                has = part_start.get(code, (None,))[0] == g
            else:
                has = views[was]["counted"].get(code, (None,))[0] == g
            if has and joined(g) != h and was > best:
                held, best = joined(g) if m >= at else g, was
        return held

    def seen_since(code: str, h: str):
        """:func:`last_listed` since ``h``'s baseline; where none lists it, "exited" when its
        latest listing since the month's earliest baseline is a 'Thoát' row, or a row of
        ``h``'s own older list (counted, or left out for an error) that ``h``'s baseline left
        off: a household of another hamlet's older baseline (one back after silence) that left
        the lists since is back, not moved in (seed 1094: a 'Thoát' row in March, counted in
        May; seed 1288: held in Nà Mòn's June list, left off its July list, counted there in
        August), as each list since that baseline read it (session 38's `listed_last`); so is
        one last counted on a stored month's list of another hamlet and out of the lists at
        the end of ``h``'s baseline's month and of last month (session 55, helper N: counted in
        Bản Cọ's February list, left off its March list, counted in Nà Mòn in April: back, not
        moved in from Bản Cọ; left while ``h`` was silent, it may have been there: moved in,
        session 11)."""
        found = last_listed(code, since[h], h)
        if found == "held" and month_view:
            # held in a row left out of another hamlet's list held apart (no baseline), that
            # hamlet's baseline now having it counted: its table moves it out, so it is moved
            # in from there, not counted again (session 60, B: seed 1876's February)
            m = max(m for m in range(since[h], index) if record_for(m, code, h) is not None)
            g = record_for(m, code, h)[0]
            if g != h and g in views[m]["apart"] and code in month_view.get(g, {}):
                return g
            if g == h and m == since[h]:
                # held in ``h``'s own baseline, counted in another hamlet's older baseline whose
                # table (accepted now) moves it out to ``h``, that hamlet with no table in the
                # held row's month (none told the arrival then): moved in from there, as where
                # both are last month's lists (session 63, G; seed 1444's H2S6, its hamlet held
                # apart then, stays counted again); a part accepted then, merged since into a
                # hamlet whose baseline is older, told nothing of the other part's (session
                # 63, R4); one held apart now is such a table too: outside the totals, it moves
                # the household out in the same workbook, as seed 1444's September has it
                # (session 64, A2: the `--apart` seed 2646)
                told = {joined(g2) for g2 in views[m]["acc"]
                        if g2 in views[m]["apart"] or since.get(joined(g2), -1) >= m}  # fmt: skip
                for other in sorted(month_view):
                    if (other != h and other in view["acc"] and other not in told
                            and code in month_view[other]):  # fmt: skip
                        return other
        if found == h and code not in month_view.get(h, {}) and held_in_base(h, code) is None:
            # on ``h``'s own list of a month it was held apart in since its baseline (a
            # listing, session 53): it joined that list then, from where that month's
            # baselines had it (moved in), or from none (session 59, A: seed 1876); not one
            # ``h``'s baseline held in a row left out for an error: on its list already,
            # counted again (session 59, A's seed 1838, as `held_then` has it; session 65,
            # H: the `--apart` seed 2794, counted in Nà Mòn's older baseline too)
            joined_at = min((m for m in range(since[h] + 1, index)
                             if (record_for(m, code, h) or (None,))[0] == h), default=None)  # fmt: skip
            if joined_at is not None and h in views[joined_at]["apart"]:
                return bases_at(joined_at, code, h) or h
        if found is None and month_view:
            first = min(since[g] for g in month_view)
            for m_index in range(index - 1, first - 1, -1) if first < since[h] else ():
                if (there := record_for(m_index, code, h)) is not None:
                    # (not where that hamlet's baseline now still counts it: the list that
                    # left it off was held apart, no baseline, and that hamlet's table moves
                    # it out now: moved in, session 61, A: the mergers oracle's seed 1428)
                    left = (
                        m_index >= 0
                        and there[1] in (*LISTS, "held")
                        and all(status[m].get(code) == "out" for m in (since[h], index - 1))
                        and code not in month_view.get(there[0], {})
                    )
                    if there[1] == "exited" or there[0] == h or left:
                        return "exited"
                    if (there[1] == "held" and m_index >= 0 and there[0] in views[m_index]["apart"]
                            and code in month_view.get(there[0], {})):  # fmt: skip
                        return there[0]  # as above (session 60, B: seed 2227)
                    return "held" if there[1] == "held" else None
        return found

    def held_in_base(h: str, code: str) -> int | None:
        """The month of ``h``'s baseline (a merged hamlet's: either part's latest list, the
        first part's that does) that held ``code`` in a row left out for an error; None where
        none did. :func:`seen_since` and :func:`held_then` ask it alike."""
        for part in parts_of.get(h, [h]):
            at_part = part_since[part]
            held_there = views[at_part]["held"] if at_part >= 0 else {}
            if h in map(joined, held_there.get(code, ())):
                return at_part
        return None

    def in_list(g: str, h: str, code: str) -> bool:
        """Whether ``g``'s latest list before this month holds ``code`` (a row without a
        Mã hộ, by name, for hamlet ``h``'s own list alone); a merged hamlet's, either part's."""
        return any(in_part(p, h, code) for p in parts_of.get(g, [g]))

    def in_part(g: str, h: str, code: str) -> bool:
        if part_since[g] < 0:
            return part_start.get(code, (None,))[0] == g
        v = views[part_since[g]]
        if code in v["held"]:
            return g in v["held"][code] and (code not in v["nameless"] or joined(g) == h)
        return code in v["counted"] and v["counted"][code][0] == g or v["exits"].get(code) == g

    def held_then(h: str, code: str):
        """Whether ``code``, last listed before now in a row left out for an error (by its
        code; by name in ``h``'s own list alone), was still on the lists at the end of that
        row's month (decisions, session 10: out = left before and on no list since, judged at
        that month: session 39); None when that last listing was no such row. A hamlet
        compared with an earlier list reads the lists from that list's month through last
        month; one compared with last month's only the households of the month's baseline
        (last month's lists and the earlier lists of hamlets back after silence), each at its
        later listing (session 38's `listed_last`)."""
        first = since[h]
        in_base = bool(month_view) and any(in_list(g, h, code) for g in month_view)
        last = record_for(index - 1, code, h) if index > 0 else None
        if (
            first == index - 1
            and not in_base
            and not (
                last is not None and last[1] == "held" and last[0] in views[index - 1]["apart"]
            )
        ):  # (held last month in a row of a list held apart: its hamlet's no baseline, the
            # row a listing still, counted again as session 9 has it; session 67, G2: the
            # `--apart` seed 3166)
            return None
        if in_base:
            first = min(first, *(since[g] for g in month_view))
        for m_index in range(index - 1, max(first, 0) - 1, -1):
            if record_for(m_index, code, h) is not None:
                if records[m_index][code][1] != "held":
                    if records[m_index][code][0] in views[m_index]["apart"]:
                        if records[m_index][code][0] == h:  # joined ``h``'s list then
                            # (:func:`seen_since`): counted again where ``h``'s baseline held
                            # it in a row left out for an error (seed 1838), else new; a
                            # merged hamlet's baseline is each part's latest list, held in
                            # either (session 61, A: the mergers oracle's seeds 1428, 1444)
                            held_at = held_in_base(h, code)
                            return (
                                None if held_at is None else status[held_at].get(code) == "listed"
                            )
                        continue  # its own list beside a list apart: no baseline (session 42)
                    return None
                if (
                    records[m_index][code][0] == h
                    and m_index < since[h]
                    and not any(
                        since.get(g) == m_index
                        for g in views[m_index]["held"].get(code, ())
                        if g != h
                    )
                ):
                    return None  # read in its own hamlet, before the list it compares with
                if records[m_index][code][0] == h or m_index >= since[h]:
                    # (held there and in another hamlet's latest list too: still on the lists)
                    return status[m_index].get(code) == "listed"
                # another hamlet's row older than the list compared with: the household had
                # left if it was out at the end of that list's month (session 57)
                return status[since[h]].get(code) == "listed"
            v = views[m_index]
            if code in v["nameless"] and h in map(joined, v["held"][code]):
                return status[m_index].get(code) == "listed"
        return None

    # a household not listed now whose last listing was in a hamlet silent now is taken to be
    # where it was last seen, for telling a move from an exit (decisions, session 11)
    # (a row left out for an error there too: moved out, not exited, and not counted)
    visible = {c for c, (h, _, _) in now_rows.items() if h in acc_now}
    visible |= set(view["held"])  # held now by its twin alone, its own list refused (session 54)
    held_now = dict(view["held"])

    def left_off(code: str, m_index: int) -> bool:
        """Whether the list that held ``code`` in month ``m_index`` (a stored one) has a later
        one before now, under the hamlet it was sent as (a merged hamlet's parts each their
        own; from the merger on, the hamlet it joined): it left that list, its exit stands
        (session 54)."""
        if m_index < 0:
            return False
        v = views[m_index]
        sent = min(v["held"][code]) if code in v["held"] else months[m_index][2][code][0]
        # a part's list before its merger: the merged hamlet's later list is its list too
        # (session 61, A3: the mergers oracle's seed 1503, held in Đồng Kè's January list,
        # on no list of Nà Mòn's from February, Nà Mòn refused in March: gone, not moved)
        return any(
            sent in views[k]["acc"]
            or k >= at
            and joined(sent) != sent
            and joined(sent) in views[k]["based"]
            for k in range(m_index + 1, index)
        )

    def moved_on(h: str, code: str) -> bool:
        """Whether ``code``, of ``h``'s month baseline (an earlier list of the year or the start
        list: ``h`` silent since), was counted on another hamlet's list after that list's month
        through last month (session 65, E2: moved out then, not exited now; the start list:
        RE2, session 66, D). (The pipeline's hamlet new in the plan, its start column as of
        last month's lists, is no silence: the oracle draws none.)"""
        if not -1 <= since.get(h, -1) < index - 1:  # -1: silent since the start list
            return False
        return any((records[m].get(code) or (h, None))[0] != h
                   and records[m][code][1] in LISTS
                   for m in range(since[h] + 1, index))  # fmt: skip

    for code in set().union(*records.values()) - visible:
        for m_index in range(index - 1, -2, -1):
            if code in records[m_index]:
                h, lab = records[m_index][code]
                if left_off(code, m_index):
                    pass
                elif h not in acc_now and lab in LISTS:
                    now = dict(now, **{code: (h, lab)})
                elif h not in acc_now and lab == "held":
                    held_now[code] = [h]
                break
    return summary_figures(
        sc,
        view,
        totals_now,
        now,
        {c: r for c, r in now_rows.items() if c in view["counted"]},
        lambda h: movements(year_bases, now, left_before, h, held=held_now, tables=acc_now),
        lambda h: (
            movements(
                month_view,
                now,
                left_before,
                h,
                lambda c: seen_since(c, h),
                held_now,
                lambda c: held_then(h, c),
                acc_now,
                lambda c, g: moved_on(g, c),
            )
            if month_bases is not None
            else None
        ),
        sc["extras"][index]["refused"],
    )


def summary_figures(
    sc: dict,
    view: dict,
    totals_now: dict,
    now: dict,
    counted_rows: dict,
    year_moves,
    month_moves,
    refused: set,
) -> dict:
    """The JSON summary's figures of a month (CONTRACT §4, §5.1) from what the oracle worked
    out: ``view`` (:func:`_view`'s ``based``, ``apart``, ``left_out``), ``now`` {code: (hamlet,
    class)} the households counted (where last seen for a hamlet silent now), ``counted_rows``
    {code: (hamlet, class, deprivations)} of the rows counted now, ``year_moves(h)`` and
    ``month_moves(h)`` each hamlet's §4.3 tables, ``refused`` the hamlets whose list is refused;
    the plan's hamlets, targets and start list ``sc``'s."""
    names = list(sc["hamlets"])
    start = {c: (h, cls) for c, (h, cls, _) in sc["start"].items()}
    res = {"hamlets": {}}
    for h, (n0, pt, ct) in sc["hamlets"].items():
        if h not in view["based"]:
            continue
        f = {"households": totals_now[h], "start_households": n0}
        for lst in LISTS:
            f[lst] = sum(1 for (hh, c) in now.values() if hh == h and c == lst)
            f[f"start_{lst}"] = sum(1 for (hh, c) in start.values() if hh == h and c == lst)
        f["poor_target"], f["near_poor_target"] = pt, ct
        f["movements"] = year_moves(h)
        f["movements_month"] = month_moves(h)
        f["deprivations"] = {
            lst: {
                td: sum(
                    1
                    for hh, lab, deps in counted_rows.values()
                    if hh == h and lab == lst and int(td[3:]) in deps
                )
                for td in TDS
            }
            for lst in LISTS
        }
        _rates(f)
        for lst in LISTS:
            drop = f[f"start_{lst}"] - f[lst]
            target = f[f"{lst}_target"]
            f[f"{lst}_target_met"] = drop >= target
            f[f"{lst}_progress"] = round(drop / target * 100, 9) if target else None
            f[f"{lst}_still_to_exit"] = max(0, target - drop)
        res["hamlets"][h] = f
    hs = list(res["hamlets"].values())
    t = {k: sum(f[k] for f in hs) for k in ("households", "start_households") + LISTS}
    for lst in LISTS:
        t[f"start_{lst}"] = sum(f[f"start_{lst}"] for f in hs)
    t["poor_target"], t["near_poor_target"] = sc["targets"]
    t["movements"] = _sum_moves([f["movements"] for f in hs])
    t["movements_month"] = _sum_moves([f["movements_month"] for f in hs])
    t["deprivations"] = {
        lst: {td: sum(f["deprivations"][lst][td] for f in hs) for td in TDS} for lst in LISTS
    }
    _rates(t)
    for lst in LISTS:
        red = round(t[f"{lst}_rate_reduction"], 9)
        target = round(t[f"{lst}_target"], 9)
        t[f"{lst}_target_met"] = red >= target
        # the unrounded reduction over the target (see the decisions' Session 38 section)
        t[f"{lst}_progress"] = (
            round(t[f"{lst}_rate_reduction"] / t[f"{lst}_target"] * 100, 9) if target else None
        )
        # the fewest leavers that bring the rate down by the target (to 0 at most)
        k = 0
        while (
            k < t[lst]
            and round(t[f"start_{lst}_rate"] - (t[lst] - k) / t["households"] * 100, 9) < target
        ):
            k += 1
        t[f"{lst}_still_to_exit"] = k
    res["totals"] = t
    res["complete"] = view["based"] == set(names)
    res["rejected"] = refused | set(view["apart"])
    res["rows_left_out"] = view["left_out"]
    return res


def _rates(f: dict) -> None:
    for lst in LISTS:
        f[f"{lst}_rate"] = f[lst] / f["households"] * 100
        f[f"start_{lst}_rate"] = f[f"start_{lst}"] / f["start_households"] * 100
        f[f"{lst}_rate_reduction"] = f[f"start_{lst}_rate"] - f[f"{lst}_rate"]
    f["multidim_rate"] = f["poor_rate"] + f["near_poor_rate"]


# --------------------------------------------------------------------------- comparison


def _close(a, b) -> bool:
    if isinstance(b, float) and isinstance(a, (int, float)) and not isinstance(a, bool):
        return abs(a - b) <= 1e-9 * max(1.0, abs(b))
    return a == b


def compare(expected: dict, got: dict, where: str) -> list[str]:
    out = []
    for key, want in expected.items():
        if key not in got:
            out.append(f"{where}.{key}: missing")
        elif isinstance(want, dict):
            if not isinstance(got[key], dict):
                out.append(f"{where}.{key}: {got[key]!r} != {want!r}")
            else:
                out += compare(want, got[key], f"{where}.{key}")
        elif not _close(got[key], want):
            out.append(f"{where}.{key}: pipeline {got[key]!r}, oracle {want!r}")
    return out


def run_scenario(
    seed: int,
    work: Path,
    renames: bool = False,
    s53: bool = False,
    apart: bool = False,
    turn: bool = False,
) -> list[str]:
    """``s53``: session 52's shapes drawn too (:func:`drawn53`, ``apart`` its lists naming no
    hamlet), and the telephone numbers told compared (off for the oracles of sessions 41 and
    42, which draw their own). ``turn``: the months run to December and on over the year's
    turn into the next year's January and February (:func:`year_turn`, session 56)."""
    from pipeline.run import execute

    sc = scenario(seed, renames)
    next_year = year_turn(seed, sc) if turn else None
    if s53:
        drawn53(seed, sc, apart)
        drawn54(seed, sc)
    folder, out = work / f"s{seed}" / "vao", work / f"s{seed}" / "ra"
    folder.mkdir(parents=True)
    write_scenario_plan(folder, sc)
    diffs = []
    for index in range(len(sc["months"])):
        for old in folder.glob("DS_*.xlsx"):
            old.unlink()
        if index in sc["renamed"].values():  # the plan revised: a hamlet renamed from now on
            write_scenario_plan(folder, sc, index)
        period = write_month(folder, sc, index)
        result, _, _ = execute(folder, out, period)
        summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
        want = oracle(sc, index)
        where = f"seed {seed} {period}"
        told = sum(1 for i in result.issues if i.code == "household-id-is-id-number"
                   and i.variant.startswith("phone"))  # fmt: skip
        if s53 and told != phones_told(sc, index):
            diffs.append(f"{where}: phones told {told}, oracle {phones_told(sc, index)}")
        if s53 and (leaked := posted_numbers(sc, index, out, period)):
            diffs.append(f"{where}: NiemYet posts {leaked} whole")
        diffs += compare_month(sc, index, want, summary, where)
    if turn:  # the next year's months (session 56)
        write_scenario_plan(folder, next_year)
        for index in range(len(next_year["months"])):
            for old in folder.glob("DS_*.xlsx"):
                old.unlink()
            period = write_month(folder, next_year, index)
            execute(folder, out, period)
            summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
            want = turn_oracle(next_year, index)
            diffs += compare_month(next_year, index, want, summary, f"seed {seed} {period}")
    return diffs


def compare_month(sc: dict, index: int, want: dict, summary: dict, where: str) -> list[str]:
    """The differences between the oracle's figures ``want`` of month ``index`` and the run's
    JSON ``summary``: its completeness, rows left out, totals, and each hamlet's status and
    figures."""
    diffs = []
    if summary.get("complete") is not want["complete"]:
        diffs.append(f"{where}: complete {summary.get('complete')!r}")
    left_out = summary["issues"].get("rows_left_out")
    if left_out != want["rows_left_out"]:
        diffs.append(f"{where}: rows_left_out {left_out!r}, oracle {want['rows_left_out']}")
    diffs += compare(want["totals"], summary["totals"], f"{where} totals")
    by_name = {h["hamlet"]: h for h in summary["hamlets"]}
    for h in sc["hamlets"]:
        name = shown(sc, h, index)
        got = by_name.get(name, {})
        if h not in want["hamlets"]:
            said = "rejected" if h in want["rejected"] else "missing"
            if got.get("status") != said:
                diffs.append(f"{where} {name}: status {got.get('status')!r}")
            continue
        f = want["hamlets"][h]
        if got.get("status") != "ok":
            diffs.append(f"{where} {name}: status {got.get('status')!r}")
            continue
        diffs += compare(f, got, f"{where} {name}")
    return diffs


@pytest.mark.parametrize("seed", range(20))
def test_oracle_agrees(seed, tmp_path):
    assert run_scenario(seed, tmp_path, s53=True) == []


def test_the_ci_seeds_draw_session_53s_shapes():
    """The seeds of `test_oracle_agrees` draw each of session 53's shapes the CI runs (the lists
    held apart are drawn out of CI, with ``--apart``), so that none goes untested there."""
    drawn = {k: sum(kinds53(seed)[k] for seed in range(20)) for k in ("phones", "swaps", "copied")}
    assert drawn == {"phones": 44, "swaps": 3, "copied": 8}


def test_the_ci_seeds_draw_session_54s_shapes():
    """The same of session 54's (:func:`drawn54`): telephone numbers written in look-alikes,
    each form of :func:`_lookalike` at least once (the CI seeds 2, 3, 8, 11-13, 16, 17), and
    lists refused 'across' (seeds 6 and 9; 12, one of whose codes a later list writes without
    its Mã hộ, since session 54's F2)."""
    written, across = [], []
    for seed in range(20):
        sc = scenario(seed)
        drawn53(seed, sc)
        drawn54(seed, sc)
        written += [sc["phones"][code] for code in sorted(sc["lookalike"])]
        across += [seed for extra in sc["extras"] if extra["across"]]
    assert len(written) == 13
    dashes = {name for name, dash in LOOK_ALIKE_DASHES.items() if any(dash in w for w in written)}
    assert dashes == set(LOOK_ALIKE_DASHES)
    assert any("０" in w for w in written) and any("．" in w for w in written)
    assert across == [6, 9, 12]


# the rename seeds that differed after session 41's first fixes (its QA section): two hamlets
# renamed at once with one silent before (1, 37, 62, 162, 228, 252), a hamlet renamed while it
# or another was silent (213, 363); all agree since session 42
RENAME_SEEDS = (1, 37, 62, 162, 213, 228, 252, 363)


@pytest.mark.parametrize("seed", RENAME_SEEDS)
def test_oracle_agrees_with_renames(seed, tmp_path):
    assert run_scenario(seed, tmp_path, True) == []


# session 56's year's-turn stream (:func:`year_turn`): seeds drawing each of its shapes, 9 and 15
# with session 39's messy months before December and a hamlet silent now and then; 175 (helper
# C2) a hamlet silent in December merged at the turn, renumbered, and a household moved at the
# turn beside a twin (0 draws a merger renumbered, 15 a household moved and paired); 10 (helper
# Q, session 57) a household its own hamlet's January list writes under a new code, the start
# list in another hamlet (B's (a)), besides a merger and a household moved
TURN_SEEDS = (0, 9, 10, 15, 175)


@pytest.mark.parametrize("seed", TURN_SEEDS)
def test_oracle_agrees_over_the_years_turn(seed, tmp_path):
    assert run_scenario(seed, tmp_path, turn=True) == []


def test_the_turn_seeds_draw_every_shape_of_the_turn():
    """The CI seeds of the year's turn draw each shape :func:`year_turn` draws: a hamlet silent
    in December, one in January, hamlets renumbered, a slipped name paired by the renumbering, one corrected
    under its kept code, one off the list beside its correction new (not paired: under a fresh
    code, or a code 2024's lists held with the marks apart too), December's
    households off the list, some held by name (their code given to a renumbered household),
    new at the review, class changed at the review, a code the renumbering freed written
    again, households back; a household moved to another hamlet at the turn under a new code,
    paired and beside a twin, a hamlet merged at the turn, renumbered, silent in December, and a
    household its own hamlet's lists write under a new code, the start list in another."""
    drawn = {k: sum(kinds_turn(seed)[k] for seed in TURN_SEEDS) for k in TURN_KINDS}
    assert drawn == {"silent": 2, "silent_january": 2, "renumbered": 6, "paired_slips": 4, "kept_slips": 2,
                     "unpaired_slips": 3, "unpaired_marks": 2, "exits": 17, "added": 8,
                     "reclassed": 27, "by_name": 7, "freed_again": 6, "back": 17, "moved": 2,
                     "moved_twin": 1, "merged": 3, "merged_renumbered": 2, "merged_silent": 1,
                     "kept_new": 1}  # fmt: skip


def said_differences(seed: int, diffs: list[str], about: str = "") -> bool:
    """A run of seeds out of CI (the oracles' ``__main__``): a scenario's differences printed,
    the first 15, with ``about`` it; whether there are any."""
    if diffs:
        print(f"seed {seed}: {len(diffs)} differences{about}")
        for line in diffs[:15]:
            print("   ", line)
    sys.stdout.flush()
    return bool(diffs)


def kinds53(seed: int, apart: bool = False) -> dict[str, int]:
    """How many of session 53's shapes seed ``seed`` draws (:func:`drawn53`): households
    written under a telephone number, swapped pairs, lists naming no hamlet held apart."""
    sc = scenario(seed)
    drawn53(seed, sc, apart)
    drawn54(seed, sc)
    return {"phones": len(sc["phones"]), "lookalike": len(sc["lookalike"]),
            "across": sum(bool(x.get("across")) for x in sc["extras"]),
            "swaps": sum(bool(x["swapped"]) for x in sc["extras"]),
            "apart": sum(bool(x.get("apart")) for x in sc["extras"]),
            "copied": sum(bool(x.get("copied")) for x in sc["extras"])}  # fmt: skip


# --------------------------------------------------------------------------- the year's turn

# A head's name as last year's lists write it and as the new start list corrects it, by the last
# letter of the given name (session 55's `figures.last_letter_slip`): dropped, changed or added
# at its end, the given name's letters before it three or more and written alike, marks and all
SLIPS = [("Lò Văn Cườn", "Lò Văn Cường"), ("Hà Thị Phươn", "Hà Thị Phương"),
         ("Ma Văn Thàn", "Ma Văn Thành"), ("Nông Văn Hùn", "Nông Văn Hùng"),
         ("Lò Văn Tuấm", "Lò Văn Tuấn"), ("Hà Thị Huyềm", "Hà Thị Huyền"),
         ("Ma Văn Sơnn", "Ma Văn Sơn"), ("Nông Thị Duyênn", "Nông Thị Duyên")]  # fmt: skip
# ... and two names a last letter apart whose marks differ before it too: other people's
# (session 55's review: `figures.slip_written_alike`)
MARKED = [("Hà Văn Thành", "Hà Văn Thắng"), ("Lò Thị Hiền", "Lò Thị Hiếu")]
# ... and the head of a household moved to another hamlet at the turn beside a twin, another
# household of his name and birth year elsewhere (helper C2: B's pairing across hamlets pairs none)
TWINS = [("Lò Văn Khải", 1961), ("Hà Thị Mai", 1962), ("Ma Văn Quý", 1963), ("Nông Thị Lan", 1964)]
TURN_KINDS = ("silent", "silent_january", "renumbered", "paired_slips", "kept_slips", "unpaired_slips",
              "unpaired_marks", "exits", "added", "reclassed", "by_name", "freed_again", "back",
              "moved", "moved_twin", "merged", "merged_renumbered", "merged_silent",
              "kept_new")  # fmt: skip


def _cccd(ident: str) -> str:
    """A household head's CCCD, his own whatever code his household is written under."""
    return f"0{zlib.crc32(ident.encode()) % 10**7:07d}1234"


def year_turn(seed: int, sc: dict) -> dict:
    """Session 56: ``sc``'s months moved to end in December 2024, December clean (no row left
    out, no list refused) and sent by every hamlet but now and then one (:func:`_quiet`: its
    November list counted whole, January's month table sets it beside the start list), and
    the next year drawn from a random stream of its own (``seed * 7919 + 56``) as communes
    make it. The 2025 plan's start list ('Danh sách đầu kỳ') from each hamlet's latest list:
    (a) a hamlet's codes kept, or (b) renumbered (about 40 % of the hamlets: every household
    on it a new code, the hamlet's codes of 2024 shuffled so that none keeps its own, some
    fresh ones 'K<hamlet>T<n>'; a code of a household off the list may go to another); (c) a
    head's name a last letter apart in 2024 ('Lò Văn Cườn', :data:`SLIPS`) corrected on the
    start list ('Lò Văn Cường'), alone in its hamlet and birth year: renumbered to a code 2024's
    lists held, the household the start list renumbered (paired, session 55); its code kept,
    one household by its code; and, as the rule promises not to pair, a household off the list
    at the review beside a new one of the slipped name and year under a fresh code, or under a
    code the renumbering took off another household with the marks apart too (:data:`MARKED`,
    R2's review): two households; (d) households off the list at the review, some class changed
    by it, new ones added ('V<n>'), and, in January or February, a new household under a code
    the renumbering freed ('D<n>', `Departures.left_at_turn`: new, not back). January and
    February are drawn as session 38's months are, every list clean and sent (now and then but
    one hamlet's in January, a stream of its own, ``seed * 7919 + 5601``): households change
    class, leave with or without 'Thoát', move, come back (from 2024, or from the review, where
    no other household took their code), and new ones arrive ('P<n>'). Returns the next year as
    a scenario of its own in the codes its lists write (``year`` 2025, ``names`` {code: the
    head's name, birth year, CCCD}), with ``turn``: December's lists as January's month table
    reads them (``december``: in the start list's codes; a household left off whose code went to
    a renumbered one held by its name, ("name", its code)), who left the lists before January
    (``left``), how many of each shape were drawn (``kinds``) and ``moved_silent``: the households
    of the hamlet silent in December the start list moved to another hamlet, that hamlet's in
    January's baseline where it sends January (session 57). :func:`_moved_and_merged`
    draws (e) and (f): a hamlet merged at the turn is no hamlet of the next year, its December
    households (those of its latest list the start list keeps, where it was silent in December:
    B's `_keys_at_turn`) the joined hamlet's January baseline."""
    rt = random.Random(seed * 7919 + 56)
    names = list(sc["hamlets"])
    n = len(sc["months"])
    sc["months"] = [(f"2024-{13 - n + i:02d}", t, r, s) for i, (_, t, r, s) in enumerate(sc["months"])]  # fmt: skip
    period, totals, rows, _ = sc["months"][-1]
    kinds = dict.fromkeys(TURN_KINDS, 0)
    # now and then a hamlet silent in December, its November list counted whole and none of
    # its households written by another hamlet in December (January reads that list then)
    quiet = [h for h in names if n > 1 and _quiet(sc, h)] if rt.random() < 0.35 else []
    silent = rt.choice(quiet) if quiet else None
    kinds["silent"] = int(silent is not None)
    sc["months"][-1] = (period, totals, rows, set(names) - {silent})
    sc["extras"][-1] = {"errors": {}, "dups": [], "refused": set()}
    views = [_view(sc, i) for i in range(n)]
    start_y = {c: (h, cls) for c, (h, cls, _) in sc["start"].items()}
    left_y, _ = left_walk(views, start_y, start_y)
    # each hamlet's latest list of 2024 as the start list's review reads it
    december = {c: v for c, v in rows.items() if v[1] in LISTS and v[0] != silent}
    if silent is not None:
        november = sc["months"][-2][2]
        december.update({c: v for c, v in november.items() if v[0] == silent and v[1] in LISTS})
    # the review: who stays (maybe in another class), who is off the list
    kept, exits = {}, []
    for code, (h, lab, deps) in sorted(december.items()):
        r = rt.random()
        if r < 0.08:
            exits.append(code)
        elif r < 0.16:
            kept[code] = (h, OTHER[lab], _deps(rt, OTHER[lab]))
            kinds["reclassed"] += 1
        else:
            kept[code] = (h, lab, deps)
    kinds["exits"] = len(exits)
    renumbered = [h for h in names if rt.random() < 0.4]
    kinds["renumbered"] = len(renumbered)
    code_of: dict[str, str] = {}  # a household's code on the start list, where not its own
    fresh_n = dict.fromkeys(names, 0)

    def fresh(h: str) -> str:
        fresh_n[h] += 1
        return f"K{names.index(h)}T{fresh_n[h]}"

    freed: list[str] = []  # codes the renumbering took off households still listed
    for h in renumbered:
        mine = sorted(c for c, v in kept.items() if v[0] == h)
        pool = mine + [c for c in exits if december[c][0] == h and rt.random() < 0.5]
        for _ in range(50):  # every household a new code: none keeps its own
            rt.shuffle(pool)
            if all(c != t for c, t in zip(mine, pool, strict=False)):
                break
        for c, t in zip(mine, pool, strict=False):
            code_of[c] = fresh(h) if c == t or rt.random() < 0.2 else t
        freed += [c for c in mine if c not in code_of.values()]
    given = set(code_of.values())
    names_y: dict[str, dict] = {}
    names_next: dict[str, dict] = {}  # by the household's own code, then as the lists write it
    slips = iter(rt.sample(range(len(SLIPS)), len(SLIPS)))

    def slipped(ident: str, other: str | None = None) -> None:
        """``ident``'s head written with a slip in 2024, corrected on the start list (as
        ``other``'s, a new household's, where given)."""
        i = next(slips)
        year = 1931 + i
        names_y[ident] = {"chu_ho": SLIPS[i][0], "nam_sinh": year, "so_dinh_danh": _cccd(ident)}
        names_next[other or ident] = dict(names_y[ident], chu_ho=SLIPS[i][1])

    pairable = [c for c in sorted(code_of) if code_of[c] not in fresh_codes(code_of)]
    for c in rt.sample(pairable, min(len(pairable), rt.choice([0, 1, 1, 2]))):
        slipped(c)
        kinds["paired_slips"] += 1
    same = [c for c in sorted(kept) if c not in code_of]
    for c in rt.sample(same, min(len(same), rt.choice([0, 0, 1]))):
        slipped(c)
        kinds["kept_slips"] += 1
    start: dict[str, tuple] = dict(kept)
    added = 0
    for _ in range(rt.randint(0, 3)):  # new households at the review
        added += 1
        h, c = rt.choice(names), rt.choice(LISTS)
        start[f"V{added}"] = (h, c, _deps(rt, c))
        if h in renumbered:
            code_of[f"V{added}"] = fresh(h)
    kinds["added"] = added
    spare = [c for c in exits if c not in names_y]
    if spare and rt.random() < 0.4:  # R2: a slipped name off the list, its correction new
        c = rt.choice(spare)
        added += 1
        new = f"V{added}"
        h = december[c][0]
        start[new] = (h, december[c][1], december[c][2])
        if h in renumbered:
            code_of[new] = fresh(h)
        slipped(c, new)
        kinds["unpaired_slips"] += 1
    marked = [c for c in exits if c not in names_y
              and any(december[x][0] == december[c][0] and x not in left_y for x in freed)]  # fmt: skip
    if marked and rt.random() < 0.5:  # the same, marks apart, under a code 2024's lists held
        c = rt.choice(marked)
        h = december[c][0]
        x = rt.choice([x for x in freed if december[x][0] == h and x not in left_y])
        freed.remove(x)
        added += 1
        new = f"V{added}"
        start[new] = (h, december[c][1], december[c][2])
        code_of[new] = x
        i = rt.randrange(len(MARKED))
        names_y[c] = {"chu_ho": MARKED[i][0], "nam_sinh": 1951 + i, "so_dinh_danh": _cccd(c)}
        names_next[new] = dict(names_y[c], chu_ho=MARKED[i][1])
        kinds["unpaired_marks"] += 1
    merged = _moved_and_merged(seed, names, december, kept, exits, start, code_of, freed, fresh,
                               names_y, names_next, renumbered, silent, kinds,
                               lambda *codes: twins_steady(sc, *codes))  # fmt: skip
    rs = random.Random(seed * 7919 + 5601)  # now and then a hamlet silent in January
    staying = [h for h in names if merged is None or h != merged[0]]
    quiet_january = rs.choice(staying) if rs.random() < 0.3 and len(staying) > 1 else None
    kept_new = _kept_under_new_code(seed, names, december, kept, start, code_of, fresh, names_y,
                                    (merged or (None,))[0], (silent, quiet_january), kinds)  # fmt: skip

    def written(ident: str) -> str:
        return code_of.get(ident, ident)

    def own(ident: str) -> dict:  # the head of a household written under another code
        return {"chu_ho": f"Hoàng Văn {ident}", "nam_sinh": 1970, "so_dinh_danh": _cccd(ident)}

    # December as January's month table reads it: in the start list's codes
    dec_view: dict[str, dict] = {h: {} for h in names}
    left = set(left_y)
    for c, (h, lab, _) in december.items():
        key = written(c) if c in kept else ("name", c) if c in given else c
        dec_view[h][key] = lab
        if c not in kept:
            left.add(key)  # off the start list: it left the lists at the turn
    kinds["by_name"] = sum(1 for c in december if c not in kept and c in given)
    if silent is not None:  # no list of December: the start list, the hamlet at 31/12 (session
        # 38: the start list is December's result; session 55, B: part II against it)
        dec_view[silent] = {written(c): v[1] for c, v in start.items() if v[0] == silent}
    # a household of its November list the start list moved to another hamlet (shape (e)): the
    # silent hamlet's in January's baseline, moved out at the turn as where it sent December
    # (session 57, seed 550); silent in January too, it has no table, but the household on
    # another hamlet's list moved in from it, as from one that sent December (session 58, B2)
    moved_silent = {written(c): v[1] for c, v in start.items()
                    if silent is not None and c in december and december[c][0] == silent
                    and v[0] != silent}  # fmt: skip
    was = dict(totals)
    if merged is not None:  # (f): the plan drops m; j's January starts from both Decembers
        dropped, into = merged
        if dropped == silent:  # its latest list's households as the start list has them (B's
            # `_keys_at_turn`): one new at the review is the joined hamlet's, new (seed 175)
            dec_view[dropped] = {written(c): v[1] for c, v in start.items()
                                 if v[0] == dropped and c in december}  # fmt: skip
        dec_view[into].update(dec_view.pop(dropped))
        start = {c: (into if v[0] == dropped else v[0], *v[1:]) for c, v in start.items()}
        names = [h for h in names if h != dropped]
        was[into] += was.pop(dropped)
    # the next year's months, by household
    ever = set(sc["start"]) | {c for _, _, r, _ in sc["months"] for c in r}
    gone = (ever - set(december)) | (set(exits) - given)  # a slipped name not back: two names
    home = {merged[0]: merged[1]} if merged is not None else {}
    state = {c: (home.get(h, h), "out", ()) for c in sorted(gone - set(names_y))
             for h in [_last_hamlet(sc, c)]}  # fmt: skip
    state.update(start)
    for c in kept_new:  # B's (a): its own hamlet's lists go on writing it (under a new code)
        state[c] = (december[c][0], *start[c][1:])
    free = [c for c in freed if c not in left_y]
    # a household of a twin's name stays in its hamlet (seed 513): moved where the other left,
    # the month table pairs the two by name and birth year within the hamlet (session 27)
    pinned = {c for c, v in names_next.items() if (v["chu_ho"], v["nam_sinh"]) in TWINS}
    months = []
    p_n = d_n = 0
    for m in (1, 2):
        rows_m: dict[str, tuple] = {}
        nxt = {}
        for ident, (h, cls, deps) in sorted(state.items()):
            r = rt.random()
            code = kept_new.get(ident) or written(ident)
            if ident in kept_new:  # B's (a): still listed in its hamlet, in its class
                rows_m[code] = nxt[ident] = (h, cls, deps)
                continue
            if cls == "out":
                if r < 0.1:  # back, maybe in another hamlet
                    h2 = rt.choice(names) if rt.random() < 0.3 else h
                    c2 = rt.choice(LISTS)
                    nxt[ident] = (h2, c2, _deps(rt, c2))
                    rows_m[code] = nxt[ident]
                    kinds["back"] += 1
                else:
                    nxt[ident] = (h, "out", deps)
                continue
            if r < 0.06:  # Thoát
                nxt[ident] = (h, "out", deps)
                rows_m[code] = (h, "exited", ())
            elif r < 0.1:  # no longer listed
                nxt[ident] = (h, "out", deps)
            elif r < 0.2:
                nxt[ident] = (h, OTHER[cls], _deps(rt, OTHER[cls]))
                rows_m[code] = nxt[ident]
            elif r < 0.26 and len(names) > 1 and ident not in pinned:
                h2 = rt.choice([x for x in names if x != h])
                nxt[ident] = (h2, cls, deps)
                rows_m[code] = nxt[ident]
            else:
                nxt[ident] = (h, cls, _deps(rt, cls) if rt.random() < 0.2 else deps)
                rows_m[code] = nxt[ident]
        for _ in range(rt.randint(0, 3)):
            p_n += 1
            h, c = rt.choice(names), rt.choice(LISTS)
            nxt[f"P{p_n}"] = (h, c, _deps(rt, c))
            rows_m[f"P{p_n}"] = nxt[f"P{p_n}"]
        if free and rt.random() < 0.5:  # a new household under a code the renumbering freed
            d_n += 1
            x = free.pop(rt.randrange(len(free)))
            code_of[f"D{d_n}"] = x
            c = rt.choice(LISTS)
            nxt[f"D{d_n}"] = (december[x][0], c, _deps(rt, c))
            rows_m[x] = nxt[f"D{d_n}"]
            kinds["freed_again"] += 1
        state = nxt
        totals_m = {}
        for h in names:
            listed = sum(1 for (g, lab, _) in rows_m.values() if g == h and lab != "exited")
            totals_m[h] = max(sc["hamlets"][h][0] + rt.randint(-5, 5), listed + rt.randint(1, 30))
        months.append((f"2025-{m:02d}", totals_m, rows_m, set(names)))
    if quiet_january is not None:  # (not a merger's one hamlet left: no list)
        months[0] = (*months[0][:3], set(names) - {quiet_january})
        kinds["silent_january"] = 1
    hamlets = {}
    for h in names:
        listed = sum(1 for v in start.values() if v[0] == h)
        hamlets[h] = (max(was[h] + rt.randint(-5, 5), listed + 1), rt.randint(0, 4),
                      rt.randint(0, 4))  # fmt: skip
    sc["names"] = names_y
    return {
        "year": 2025,
        "hamlets": hamlets,
        "targets": (round(rt.uniform(0.2, 3.0), 2), round(rt.uniform(0.2, 3.0), 2)),
        "start": {written(c): v for c, v in start.items()},
        "months": months,
        "extras": [{"errors": {}, "dups": [], "refused": set()} for _ in months],
        "renamed": {},
        "names": {written(c): names_next.get(c, own(c)) for c in set(code_of) | set(names_next)}
        | {w: own(c) for c, w in kept_new.items()},
        "turn": {
            "december": dec_view,
            "left": left,
            "kinds": kinds,
            "silent": None if silent in home else silent,
            "moved_silent": {} if silent in home else moved_silent,
            "alias": {w: written(c) for c, w in kept_new.items()},
        },
    }


def twins_steady(sc: dict, *codes: str) -> bool:
    """Whether 2024's months hold ``codes`` (two households of one head's name and birth year)
    as poor or near-poor in every month from the first that holds one not on the start list
    (none of them: always): no month has one of them new beside the other gone, which the
    run pairs as one household re-coded, by the name and year (sessions 27 and 43; the CCCD
    not read). A hamlet silent, a list refused or a row's error leaves a household uncounted,
    not gone. Nor may a month have one's row without its Mã hộ ('noid') beside the other gone
    from that hamlet's list: the row holds its household by the name and year, which are both's,
    and the run holds both by it (session 51's Left: two households held by name by one row
    are both held), where the oracle has the other gone (session 67, C)."""
    held = [[c in rows and rows[c][1] in LISTS for c in codes] for _, _, rows, _ in sc["months"]]
    new = [i for i, row in enumerate(held) for c, h in zip(codes, row, strict=True)
           if h and c not in sc["start"]]  # fmt: skip
    if new and not all(all(row) for row in held[min(new) :]):
        return False
    return not _nameless_holds_twin(sc, codes)


def _nameless_holds_twin(sc: dict, codes: tuple[str, ...]) -> bool:
    """Whether a 2024 month has a row of one of ``codes`` without its Mã hộ ('noid', any class:
    a 'Thoát' row left out holds its household too) in the hamlet whose list a twin listed
    before (the start list or an earlier month) is gone from then (no row of its code): the
    run's row by name holds that twin too (:func:`twins_steady`)."""
    last = {c: sc["start"][c][0] for c in codes
            if c in sc["start"] and sc["start"][c][1] in LISTS}  # fmt: skip
    for (_, _, rows, sent), extra in zip(sc["months"], sc["extras"], strict=True):
        reported = set(sent) - extra["refused"]
        gone = {c for c, h in last.items() if h in reported and c not in rows}
        for c in codes:
            if extra["errors"].get(c) == "noid" and c in rows:
                if any(rows[c][0] == last[g] for g in gone if g != c):
                    return True
        for c in gone:
            del last[c]
        for c in codes:
            if c in rows and rows[c][0] in reported:
                if rows[c][1] in LISTS:
                    last[c] = rows[c][0]
                elif extra["errors"].get(c) is None:  # written 'Thoát': out of the lists
                    last.pop(c, None)
    return False


def _moved_and_merged(
    seed: int,
    names: list,
    december: dict,
    kept: dict,
    exits: list,
    start: dict,
    code_of: dict,
    freed: list,
    fresh,
    names_y: dict,
    names_next: dict,
    renumbered: list,
    silent: str | None,
    kinds: dict,
    steady,
) -> tuple[str, str] | None:
    """:func:`year_turn`'s shapes (e) and (f) (helper C2 of session 56), from a random stream of
    their own (``seed * 7919 + 5602``: a seed drawing neither keeps its draws), as B's three
    sections of session 56 promise them. (f) now and then (two hamlets at least) the 2025
    plan drops a hamlet m, merged into another j (not the hamlet silent in December; m is it,
    mostly, where that one may be): m none of whose codes the start list renumbered nor any of its heads' names
    slipped; its households on the start list under j, in their codes or, half the time, in
    fresh codes of j's ('K<j>T<n>', found by their heads' names and birth years); the caller
    moves them (and December's month table of m) into j. (e) now and then a household kept
    under its code, of a hamlet not m, moved on the start list to another hamlet not m under a
    fresh code of that hamlet's (one name and birth year a side of the commune: moved out and
    in, its old code freed for a household new in January or February, 'D<n>'); or, with a
    twin, its head named :data:`TWINS`' and another household of that name and birth year off
    the list at the review in a hamlet other than the one it moved to, or new at the review in
    one other than the one it left: not paired, off the list at the turn and new. The twin off
    the list only where 2024's lists never show the one new beside the other gone (``steady``:
    :func:`twins_steady`), else the twin
    new at the review: the names are theirs in 2024's months too, where a code off a list and a
    new one of one name and birth year are one household re-coded (sessions 27 and 43; the CCCD
    not read), outside what the rule promises (session 66, T: the `--turn` seed 2988, N2 new in
    Đồng Kè's November beside H2S5 left off it). Changes the start list's draws in place;
    returns (m, j) or None."""
    rf = random.Random(seed * 7919 + 5602)
    merged = None
    touched = {december[c][0] for c in names_y} | {start[c][0] for c in names_next if c in start}
    could = [h for h in names if h not in renumbered and h not in touched]
    if len(names) > 1 and could and rf.random() < (0.7 if silent in could else 0.4):
        dropped = silent if silent in could and rf.random() < 0.8 else rf.choice(could)
        intos = [h for h in names if h not in (dropped, silent)]
        merged = (dropped, rf.choice(intos)) if intos else None
    if merged is not None:
        kinds["merged"] += 1
        kinds["merged_silent"] += merged[0] == silent
        if rf.random() < 0.5:
            kinds["merged_renumbered"] += 1
            for c in sorted(c for c, v in start.items() if v[0] == merged[0]):
                code_of[c] = fresh(merged[1])
    out = merged[0] if merged else None
    movable = [
        c for c in sorted(kept) if c not in code_of and c not in names_y and kept[c][0] != out
    ]
    if not movable or rf.random() >= 0.4:
        return merged
    c = rf.choice(movable)
    h, lab, deps = kept[c]
    to = [x for x in names if x not in (h, out)]
    if not to:
        return merged
    h2 = rf.choice(to)
    if rf.random() < 0.6:  # one name and year a side: moved
        kept[c] = start[c] = (h2, lab, deps)
        code_of[c] = fresh(h2)
        freed.append(c)
        kinds["moved"] += 1
        return merged
    name, year = TWINS[rf.randrange(len(TWINS))]
    del kept[c], start[c]
    exits.append(c)
    n = 1 + sum(1 for x in start if re.fullmatch(r"V\d+", x))
    start[f"V{n}"] = (h2, lab, deps)
    code_of[f"V{n}"] = fresh(h2)
    names_y[c] = {"chu_ho": name, "nam_sinh": year, "so_dinh_danh": _cccd(c)}
    names_next[f"V{n}"] = dict(names_y[c])
    others = [x for x in exits if x != c and x not in names_y and december[x][0] not in (h2, out)]
    t = rf.choice(others) if others and rf.random() < 0.5 else None
    if t is not None and steady(c, t):  # the twin off the list at the review
        names_y[t] = {"chu_ho": name, "nam_sinh": year, "so_dinh_danh": _cccd(t)}
    else:  # the twin new at the review
        h3 = rf.choice([x for x in names if x not in (h, out)])
        cls = rf.choice(LISTS)
        start[f"V{n + 1}"] = (h3, cls, _deps(rf, cls))
        code_of[f"V{n + 1}"] = fresh(h3)
        names_next[f"V{n + 1}"] = {"chu_ho": name, "nam_sinh": year,
                                   "so_dinh_danh": _cccd(f"V{n + 1}")}  # fmt: skip
    kinds["moved_twin"] += 1
    return merged


def _kept_under_new_code(
    seed: int,
    names: list,
    december: dict,
    kept: dict,
    start: dict,
    code_of: dict,
    fresh,
    names_y: dict,
    out: str | None,
    quiet: tuple,
    kinds: dict,
) -> dict[str, str]:
    """:func:`year_turn`'s shape (g), B's (a) of session 57 (helper Q), from a random stream of
    its own (``seed * 7919 + 5703``: a seed not drawing it keeps its draws): now and then a
    household kept under its code on December's list of a hamlet X (not ``out``, the hamlet
    merged at the turn, nor one of ``quiet``, silent in December or January), the start list
    writing it in another hamlet Y under a fresh code of Y's, X's January and February lists
    writing it (its head's name, birth year and CCCD) under a code of X's head's own, 'W1', in
    the start list's class, Y's lists not at all. As B's and B2's sections decide, a household
    that never left a list: the month's tables move nothing (December's X row is it), the year's
    table has it moved in to X from Y and moved out of Y (``turn["alias"]``: the oracle reads
    'W1' as the start list's code). Changes the start list's draws in place; returns {its code
    of 2024: 'W1'}, or nothing."""
    rk = random.Random(seed * 7919 + 5703)
    movable = [c for c in sorted(kept) if c not in code_of and c not in names_y
               and kept[c][0] != out and kept[c][0] not in quiet]  # fmt: skip
    if not movable or rk.random() >= 0.3:
        return {}
    c = rk.choice(movable)
    to = [x for x in names if x not in (kept[c][0], out)]
    if not to:
        return {}
    kept[c] = start[c] = (rk.choice(to), *kept[c][1:])
    code_of[c] = fresh(start[c][0])
    kinds["kept_new"] += 1
    return {c: "W1"}


def kinds_turn(seed: int) -> dict[str, int]:
    """How many of :func:`year_turn`'s shapes seed ``seed`` draws."""
    return year_turn(seed, scenario(seed))["turn"]["kinds"]


def fresh_codes(code_of: dict) -> set:
    """The fresh codes of a renumbering (:func:`year_turn`): none any list of 2024 held."""
    return {c for c in code_of.values() if re.fullmatch(r"K\d+T\d+", c)}


def _quiet(sc: dict, h: str) -> bool:
    """Whether ``h`` may be silent in December (:func:`year_turn`): its November list counted,
    a poor or near-poor row at least, none of its rows left out or its codes written twice,
    and none of its households counted there written by another hamlet in December."""
    _, _, november, sent = sc["months"][-2]
    extra = sc["extras"][-2]
    mine = [c for c, v in november.items() if v[0] == h]
    doubled = {c for _, c, _ in extra["dups"]}
    return (
        h in sent - extra["refused"]
        and any(november[c][1] in LISTS for c in mine)
        and not any(c in extra["errors"] or c in doubled for c in mine)
        and all(g != h for g, _, _ in extra["dups"])
        and all(sc["months"][-1][2].get(c, (h,))[0] == h for c in mine
                if november[c][1] in LISTS)
    )  # fmt: skip


def _last_hamlet(sc: dict, code: str) -> str:
    """The hamlet whose list last wrote ``code`` in 2024 (its start list's, where none did)."""
    for _, _, rows, _ in reversed(sc["months"]):
        if code in rows:
            return rows[code][0]
    return sc["start"][code][0]


def turn_oracle(sc: dict, index: int) -> dict:
    """The JSON summary's figures for month ``index`` of the next year (:func:`year_turn`):
    every list sent clean (a hamlet silent in January missing then). The year's table against
    the new start list; the month table against December's lists read in the start list's
    codes (decisions, sessions 53-55: a household the start list renumbered is its December
    row, by name and birth year or by a last letter corrected; one left off whose code went to
    a renumbered household is held by its name: gone) in January, against January's lists in
    February; a hamlet without last month's list against the start list. A household new in a
    table is back (returned) where its code left the lists before: in 2024 (:func:`left_walk`),
    at the turn (on December's lists, off the start list; not a code only renumbered away), or
    in the months of the new year before this one (CONTRACT §4.3, session 25). A code of a
    household's own hamlet's lists beside the start list's in another (shape (g),
    ``turn["alias"]``) is read as the start list's (B's (a) of session 57). In February, one of
    a hamlet silent in January that another hamlet's January list counted moved out of it
    (``moved_on``: session 66, D's rule for a hamlet silent since the start list)."""
    names = list(sc["hamlets"])
    alias = sc["turn"].get("alias", {})
    _, totals, rows, sent = sc["months"][index]
    rows = {alias.get(c, c): v for c, v in rows.items() if v[0] in sent}
    # who left the lists in the new year's months before this one (a silent hamlet's none)
    views = [
        {"acc": set(acc), "held": {},
         "counted": {alias.get(c, c): (h, lab) for c, (h, lab, _) in r.items()
                     if h in acc and lab in LISTS},
         "exits": {c: h for c, (h, lab, _) in r.items() if h in acc and lab == "exited"}}
        for _, _, r, acc in sc["months"][:index]
    ]  # fmt: skip
    start = {c: (h, k) for c, (h, k, _) in sc["start"].items()}
    left = set(sc["turn"]["left"]) | left_walk(views, start, start)[0]
    now = {c: (h, lab) for c, (h, lab, _) in rows.items() if lab in LISTS}
    year_bases = {h: {c: k for c, (g, k) in start.items() if g == h} for h in names}
    month_bases = sc["turn"]["december"]
    silent = sc["turn"]["silent"] if index == 0 else None
    if silent is not None:  # its households the start list moved to another hamlet (session
        # 57; silent in January too: moved in from it, no table, session 58, B2)
        month_bases = dict(month_bases, **{silent: {**month_bases[silent],
                                                    **sc["turn"]["moved_silent"]}})  # fmt: skip
    if index > 0:  # last month's lists; a hamlet silent then, the start list (probed: 'plan')
        month_bases = {h: {c: k for c, (g, k) in views[-1]["counted"].items() if g == h}
                       if h in views[-1]["acc"] else year_bases[h] for h in names}  # fmt: skip
        silent = next(iter(set(names) - views[-1]["acc"]), None)

    def moved_on(code: str, g: str) -> bool:
        """In February, whether ``code``, of the start list of ``g`` (silent in January), was
        counted on another hamlet's January list: moved out of ``g`` then, that hamlet's
        tables telling the rest, not exited a second time (session 66, D's rule; Q: the
        `--turn` seeds 2305 and 2313)."""
        counted = views[-1]["counted"] if index > 0 else {}
        return g == silent and code in counted and counted[code][0] != g

    def seen(code: str, h: str):
        """A hamlet set beside the start list (silent in December, or in January) reads a
        household at its later listing (session 38's `listed_last`): on last month's lists (in
        February), else on the start list (seed 230: new at the review in Nà Mòn, on Khuôn
        Lăn's January list, Khuôn Lăn silent in December: moved in)."""
        if h != silent:
            return None
        if index > 0 and code in views[-1]["counted"]:
            return views[-1]["counted"][code][0]
        if index > 0 and code in views[-1]["exits"]:
            return "exited"
        return start[code][0] if code in start else None

    view = {"based": set(sent), "apart": {}, "left_out": 0}
    return summary_figures(
        sc,
        view,
        totals,
        now,
        {c: v for c, v in rows.items() if v[1] in LISTS},
        lambda h: movements(year_bases, now, left, h),
        lambda h: movements(month_bases, now, left, h, lambda c: seen(c, h), moved_on=moved_on),
        set(),
    )


if __name__ == "__main__":
    first, count = int(sys.argv[1]), int(sys.argv[2])
    renames, apart = "--renames" in sys.argv[3:], "--apart" in sys.argv[3:]
    turn = "--turn" in sys.argv[3:]
    s53 = not renames and not turn
    bad, kinds = 0, dict.fromkeys(("phones", "lookalike", "across", "swaps", "apart", "copied"), 0)
    if turn:
        kinds = dict.fromkeys(TURN_KINDS, 0)
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        for seed in range(first, first + count):
            diffs = run_scenario(seed, Path(tmp), renames, s53, apart, turn)
            bad += said_differences(seed, diffs)
            if s53:
                kinds = {k: n + kinds53(seed, apart)[k] for k, n in kinds.items()}
            if turn:
                kinds = {k: n + kinds_turn(seed)[k] for k, n in kinds.items()}
    if s53:
        print(f"session 53's shapes: {kinds}")
    if turn:
        print(f"the year's turn: {kinds}")
    print(f"{bad}/{count} scenarios differ")


def run_lists(folder: Path, out: Path, period: str, lists: dict, refused: tuple = ()) -> dict:
    """Run ``period`` of the small commune (tests.commune) with these lists {hamlet: rows};
    returns the JSON summary's hamlets by name. ``refused``: hamlets whose list is refused
    whole (its household total 1, below the households it lists: give it two rows)."""
    from pipeline.run import execute

    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    sizes = {"Nà Mòn": 100, "Nà Mòn Mới": 100, "Bản Cọ": 200, "Bản Cọ Trên": 200, "Đồng Kè": 150,
             "Đồng Kè Mới": 150}  # fmt: skip
    prepared = date(2024, int(period[5:]) + 1, 3)
    for n, (hamlet, rows) in enumerate(lists.items()):
        total = 1 if hamlet in refused else sizes[hamlet]
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, total, rows, period, prepared)
    execute(folder, out, period)
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return {h["hamlet"]: h for h in summary["hamlets"]}


def na_mon_rows(*more: dict) -> list[dict]:
    """Nà Mòn's start list as a month's list (NM1-NM3 poor, NM4-NM5 near-poor), and ``more``."""
    return [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
            person("NM4", "near_poor"), person("NM5", "near_poor"), *more]  # fmt: skip


def dk_rows() -> list[dict]:
    return [person("DK1", "poor"), person("DK2", "near_poor")]


def test_marked_thoat_last_month_is_back_not_moved_in(tmp_path):
    """Found by the oracle (seed 1081). BC1, poor on Bản Cọ's start list, is marked 'Thoát' by
    Nà Mòn in April while Bản Cọ sends nothing; in May Bản Cọ is back (compared with its start
    list) and Nà Mòn lists BC1 poor. Nà Mòn's May table (against its April list) had BC1 moved
    in from Bản Cọ's start list, the list it was on before it left; it is back (tái nghèo)."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder,
        out,
        "2024-04",
        {"Nà Mòn": na_mon_rows(person("BC1", "exited")), "Đồng Kè": dk_rows()},
    )
    bc = [person("BC2", "poor"), person("BC3", "near_poor")]
    by_name = run_lists(folder, out, "2024-05",
                     {"Nà Mòn": na_mon_rows(person("BC1", "poor")), "Bản Cọ": bc, "Đồng Kè": dk_rows()})  # fmt: skip
    month = by_name["Nà Mòn"]["movements_month"]["poor"]
    # April's list: NM1-NM3 poor; May: the three and BC1, back after its 'Thoát'
    assert (month["start"], month["new"], month["returned"], month["moved_in"], month["end"]) == (
        3, 1, 1, 0, 4)  # fmt: skip
    # Bản Cọ, against its start list (BC1, BC2 poor): BC1 is on Nà Mòn's list now
    bc_month = by_name["Bản Cọ"]["movements_month"]["poor"]
    assert (bc_month["start"], bc_month["moved_out"], bc_month["end"]) == (2, 1, 1)
    # the year's table: BC1 was on Bản Cọ's start list, listed in Nà Mòn now
    assert by_name["Nà Mòn"]["movements"]["poor"]["moved_in"] == 1


def bc_rows() -> list[dict]:
    return [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def test_left_then_held_elsewhere_is_new_when_counted(tmp_path):
    """Found by the oracle (session 39, seed 173). DK1, poor on Đồng Kè's start list, is no
    longer listed in July (Đồng Kè reports: it left), is written in Bản Cọ's August list in a
    row left out for an error (0 members) and counted in Nà Mòn's list in September. Nà Mòn,
    silent in July and August, compares with the plan's start list, where DK1 was on a list:
    its September table counted DK1 again ('recounted'), as if it had never left. It had left
    before its row went wrong, so it joins the lists now: new, tái nghèo, as it is when Nà Mòn
    sent July's list (session 10's rule, judged at the month of the row with the error)."""
    folder, out = new_commune(tmp_path)
    dk = [person("DK2", "near_poor")]
    run_lists(folder, out, "2024-07", {"Bản Cọ": bc_rows(), "Đồng Kè": dk})
    run_lists(folder, out, "2024-08",
           {"Bản Cọ": bc_rows() + [person("DK1", "poor", nhan_khau=0)], "Đồng Kè": dk})  # fmt: skip
    by_name = run_lists(folder, out, "2024-09",
                     {"Nà Mòn": na_mon_rows(person("DK1", "poor")), "Bản Cọ": bc_rows(), "Đồng Kè": dk})  # fmt: skip
    month = by_name["Nà Mòn"]["movements_month"]["poor"]
    # the start list's NM1-NM3, and DK1 back: 3 + 1 new (of which 1 returned) = 4
    assert (month["start"], month["new"], month["returned"], month["recounted"], month["end"]) == (
        3, 1, 1, 0, 4)  # fmt: skip
    # the year's table still sees DK1 move from Đồng Kè's start list to Nà Mòn's list
    assert by_name["Nà Mòn"]["movements"]["poor"]["moved_in"] == 1
    assert by_name["Đồng Kè"]["movements"]["poor"]["moved_out"] == 1


def test_moved_into_a_row_with_an_error_has_not_left_while_that_hamlet_is_silent(tmp_path):
    """Found by the oracle (session 39, seed 343). BC3, near-poor on Bản Cọ's start list, is
    written in Nà Mòn's May list in a row left out for an error (0 members): moved out of Bản
    Cọ, not counted in Nà Mòn (session 10). In June Nà Mòn sends nothing and Bản Cọ reports
    without it: it is where it was last seen, Nà Mòn. In July Bản Cọ lists it again. The walk
    of the history (`timeline.departures`) kept BC3 in Bản Cọ and took it for gone in June,
    so July called it new and tái nghèo, a return reported upward for a household that never
    left the lists; it is counted again."""
    folder, out = new_commune(tmp_path)
    bc = bc_rows()[:2]
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(person("BC3", "near_poor", nhan_khau=0)),
                                    "Bản Cọ": bc, "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-06", {"Bản Cọ": bc, "Đồng Kè": dk_rows()})
    by_name = run_lists(folder, out, "2024-07",
                     {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    month = by_name["Bản Cọ"]["movements_month"]["near_poor"]
    # June's list had no near-poor household; BC3 was held in Nà Mòn's May list: counted again
    assert (month["start"], month["new"], month["returned"], month["recounted"], month["end"]) == (
        0, 0, 0, 1, 1)  # fmt: skip
    year = by_name["Bản Cọ"]["movements"]["near_poor"]
    assert (year["start"], year["new"], year["returned"], year["end"]) == (1, 0, 0, 1)


def test_gone_before_a_rename_and_back_after_it_is_returned(tmp_path):
    """Found by the oracle (session 41, seed 14). NM3, poor on Nà Mòn's start list, is not on
    Nà Mòn's April list (it left). The plan then renames Nà Mòn 'Nà Mòn Mới', and its May list
    has NM3 poor again. May's table (against April's list under the old name) had NM3 new but
    not returned: the history walk read the start list under the new name and April's under
    the old, so NM3 never left. It left in April: tái nghèo."""
    folder, out = new_commune(tmp_path)
    na_mon = [p for p in na_mon_rows() if p["ma_ho"] != "NM3"]
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon, "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    by_name = run_lists(folder, out, "2024-05",
                     {"Nà Mòn Mới": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    month = by_name["Nà Mòn Mới"]["movements_month"]["poor"]
    # April's list: NM1, NM2 poor; May: the two and NM3, back after it left
    assert (month["start"], month["new"], month["returned"], month["end"]) == (2, 1, 1, 3)
    year = by_name["Nà Mòn Mới"]["movements"]["poor"]
    assert (year["start"], year["new"], year["returned"], year["end"]) == (3, 0, 0, 3)


def test_held_by_name_before_a_rename_is_counted_again_after_it(tmp_path):
    """Found by the oracle (session 41, seed 57). Nà Mòn's April list writes NM3 (poor, on its
    start list) without its Mã hộ: the row is left out and holds NM3 by (hamlet, head's name,
    birth year). The plan then renames Nà Mòn 'Nà Mòn Mới', and May's list writes NM3 with its
    code. May's table had NM3 new, as if it had joined the lists: the held row's key kept the
    old name. It was on the lists all along: counted again ('recounted')."""
    folder, out = new_commune(tmp_path)
    na_mon = [dict(p, ma_ho=None) if p["ma_ho"] == "NM3" else p for p in na_mon_rows()]
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon, "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    by_name = run_lists(folder, out, "2024-05",
                     {"Nà Mòn Mới": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    month = by_name["Nà Mòn Mới"]["movements_month"]["poor"]
    # April's list: NM1, NM2 poor (NM3's row left out); May: the three
    assert (month["start"], month["new"], month["returned"], month["recounted"], month["end"]) == (
        2, 0, 0, 1, 3)  # fmt: skip
    year = by_name["Nà Mòn Mới"]["movements"]["poor"]
    assert (year["start"], year["new"], year["end"]) == (3, 0, 3)


def test_gone_before_a_rename_back_elsewhere_while_silent_is_returned(tmp_path):
    """Found by the oracle (session 41, seed 186). NM3, poor on Nà Mòn's start list, is on
    neither of Nà Mòn's lists of February and March (it left). The plan then renames Nà Mòn
    'Nà Mòn Mới', which sends nothing in April, and Đồng Kè's April list has NM3 poor. The
    history walk read the start list under the new name and the months before under the old,
    so NM3 never left: Đồng Kè's April table had it new but not returned. It is tái nghèo."""
    folder, out = new_commune(tmp_path)
    na_mon = [p for p in na_mon_rows() if p["ma_ho"] != "NM3"]
    for period in ("2024-02", "2024-03"):
        run_lists(
            folder, out, period, {"Nà Mòn": na_mon, "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
        )
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    by_name = run_lists(folder, out, "2024-04",
                     {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows() + [person("NM3", "poor")]})  # fmt: skip
    month = by_name["Đồng Kè"]["movements_month"]["poor"]
    # March's list: DK1 poor; April: DK1 and NM3, back after it left in February
    assert (month["start"], month["new"], month["returned"], month["end"]) == (1, 1, 1, 2)
    assert by_name["Nà Mòn Mới"]["status"] == "missing"


def test_two_hamlets_renamed_at_once_with_a_household_moved_between_them(tmp_path):
    """Found by the oracle (session 41, seeds 178 and 199). The plan renames Nà Mòn and Bản Cọ
    at once; in that month NM3 moves from Nà Mòn to Bản Cọ and BC3 from Bản Cọ to Nà Mòn. The
    rename rule took a hamlet as renamed only where every household of its last list found
    under a new name was under one: NM3 and BC3, each under the other new name, hid both
    renames, and both hamlets' month tables were set beside the plan's start list (changes
    since January said again as May's). At least half its households under one new name is
    the rule (session 31): both are compared with April."""
    folder, out = new_commune(tmp_path)
    na_mon = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
              person("NM4", "poor"), person("NM5", "near_poor")]  # fmt: skip
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon, "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới", "Bản Cọ": "Bản Cọ Trên"})
    moved = [p for p in na_mon if p["ma_ho"] != "NM3"] + [person("BC3", "near_poor")]
    by_name = run_lists(folder, out, "2024-05",
                     {"Nà Mòn Mới": moved, "Bản Cọ Trên": bc_rows()[:2] + [person("NM3", "poor")],
                      "Đồng Kè": dk_rows()})  # fmt: skip
    na_mon_now, ban_co = by_name["Nà Mòn Mới"], by_name["Bản Cọ Trên"]
    assert na_mon_now["movements_month_from"] is None and ban_co["movements_month_from"] is None
    # April's Nà Mòn: NM1-NM4 poor, NM5 near-poor; May: NM3 moved out, BC3 (near-poor) in
    month = na_mon_now["movements_month"]
    assert (month["poor"]["start"], month["poor"]["moved_out"], month["poor"]["end"]) == (4, 1, 3)
    near = month["near_poor"]
    assert (near["start"], near["from_poor"], near["moved_in"], near["end"]) == (1, 0, 1, 2)
    # April's Bản Cọ: BC1, BC2 poor, BC3 near-poor; May: NM3 in, BC3 moved out
    month = ban_co["movements_month"]
    assert (month["poor"]["start"], month["poor"]["moved_in"], month["poor"]["end"]) == (2, 1, 3)
    near = month["near_poor"]
    assert (near["start"], near["moved_out"], near["end"]) == (1, 1, 0)


def test_moved_into_a_hamlet_renamed_since_and_silent_is_moved_out_not_exited(tmp_path):
    """Found by the oracle (session 41, seed 13). In April BC3 (near-poor on Bản Cọ's start
    list) and DK2 (Đồng Kè's) are on Nà Mòn's list; Đồng Kè sends nothing. The plan then renames
    Nà Mòn 'Nà Mòn Mới', and in May only Bản Cọ sends. BC3 is where it was last seen, in the
    renamed hamlet (session 11): moved out of Bản Cọ. The rename was missed (DK2, under
    Đồng Kè's name on the start list, hid it: Đồng Kè was named in April, sending nothing), so
    BC3 was taken for gone: exited, a thoát cận nghèo reported upward."""
    folder, out = new_commune(tmp_path)
    na_mon = na_mon_rows(person("BC3", "near_poor"), person("DK2", "near_poor"))
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon, "Bản Cọ": bc_rows()[:2]})
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    by_name = run_lists(folder, out, "2024-05", {"Bản Cọ": bc_rows()[:2]})
    year = by_name["Bản Cọ"]["movements"]["near_poor"]
    assert (year["start"], year["exited"], year["moved_out"], year["end"]) == (1, 0, 1, 0)


def _where(parts: dict[str, list[tuple[str, int]]]) -> tuple[dict, dict]:
    """The rename rule's input: old name -> [(name now, how many of its households)]."""
    stored: dict[str, set[str]] = {}
    where: dict[str, set[str]] = {}
    for old, names in parts.items():
        keys = [f"{old}{n}" for n in range(sum(count for _, count in names))]
        stored[old] = set(keys)
        at = iter(keys)
        for name, count in names:
            for _ in range(count):
                where[next(at)] = {name}
    return stored, where


def test_a_hamlet_mostly_moved_into_one_renamed_at_once_hides_no_rename():
    """Review of session 41's rename rule. The plan renames Bản Cọ and Đồng Kè and drops Nà
    Mòn, 6 of whose 10 households are now in Bản Cọ Trên, 4 in Tân Kè. Nà Mòn is no rename (its
    one name is Bản Cọ's) and no merger (its other households are elsewhere): the relaxed
    rule took it for either, so Bản Cọ, whose name two old names went to, was no longer
    renamed (and with ``shared``, Nà Mòn was merged into Bản Cọ Trên)."""
    from pipeline.renames import _paired

    stored, where = _where({"Nà Mòn": [("Bản Cọ Trên", 6), ("Tân Kè", 4)],
                            "Bản Cọ": [("Bản Cọ Trên", 10)], "Đồng Kè": [("Tân Kè", 10)]})  # fmt: skip
    renamed = {"Bản Cọ": "Bản Cọ Trên", "Đồng Kè": "Tân Kè"}
    assert _paired(stored, where) == renamed
    assert _paired(stored, where, shared=True) == renamed


def test_a_hamlet_mostly_moved_into_one_the_month_had_is_no_merger():
    """Review of session 41's rename rule: Nà Mòn, 6 of its 10 households now in Đồng Kè (a
    hamlet the month had), 4 in Bản Cọ Trên (Bản Cọ renamed), is not merged into Đồng Kè: a
    merger has all its households found under one name (session 35)."""
    from pipeline.renames import _paired

    stored, where = _where({"Nà Mòn": [("Đồng Kè", 6), ("Bản Cọ Trên", 4)],
                            "Bản Cọ": [("Bản Cọ Trên", 10)]})  # fmt: skip
    assert _paired(stored, where, True, {"Nà Mòn", "Bản Cọ", "Đồng Kè"}) == {
        "Bản Cọ": "Bản Cọ Trên"}  # fmt: skip


def test_renamed_half_of_it_from_a_silent_hamlet_is_not_merged_into_it(tmp_path):
    """Found by the oracle (session 41, seed 363). Nà Mòn's April list is NM1, NM2 and BC1-BC3,
    moved in from Bản Cọ (on its start list), which sends nothing in April or May. The plan
    then renames Nà Mòn 'Nà Mòn Mới'; its May list drops NM2. Three of April's five Nà Mòn
    households being on Bản Cọ's start list, Nà Mòn was taken as merged into the silent Bản Cọ
    (only Bản Cọ's name was looked at, on the start list alone), so NM2 was last seen there:
    moved out, where it left the lists (exited). Four of the five are under the name Nà Mòn
    has now (the start list, May's list): a rename, which a merger gives way to."""
    folder, out = new_commune(tmp_path)
    na_mon = na_mon_rows()[:2] + bc_rows()
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon, "Đồng Kè": dk_rows()})
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới"})
    by_name = run_lists(folder, out, "2024-05",
                     {"Nà Mòn Mới": [na_mon[0], *bc_rows()], "Đồng Kè": dk_rows()})  # fmt: skip
    # April's Nà Mòn: NM1, NM2, BC1, BC2 poor; May: NM2 gone
    month = by_name["Nà Mòn Mới"]["movements_month"]["poor"]
    assert (month["start"], month["exited"], month["moved_out"], month["end"]) == (4, 1, 0, 3)
    # the start list's NM1-NM3: NM3 gone in April, NM2 in May; BC1, BC2 moved in
    year = by_name["Nà Mòn Mới"]["movements"]["poor"]
    assert (year["start"], year["exited"], year["moved_out"], year["moved_in"]) == (3, 2, 0, 2)


@pytest.mark.parametrize("april", [True, False], ids=["silent-before", "never-listed-before"])
def test_two_renamed_at_once_one_silent_before_a_household_moved_between_them(tmp_path, april):
    """Found by the oracle (session 41). In May Nà Mòn sends nothing and Bản Cọ lists BC1-BC3
    poor. The plan then renames both; in June BC3 is on Nà Mòn Mới's list. Bản Cọ Trên is
    set beside May's list (BC3 moved out), not an earlier one (session 31).
    * silent-before (seeds 37, 62, 228, 252): April has all three hamlets. Nà Mòn, silent in
      May, had no rename known to the month table (only May's accepted hamlets were looked
      at), so BC3 under Nà Mòn Mới hid Bản Cọ's rename: Bản Cọ Trên was set beside its April
      list (BC3 near-poor then).
    * never-listed-before (seeds 1, 162): May is the first month stored, so Nà Mòn's
      households are stored only on the kept start list ('2024-00'), and its rename was not
      known: Bản Cọ Trên was set beside the plan's start list (BC3 near-poor there)."""
    folder, out = new_commune(tmp_path)
    if april:
        run_lists(
            folder,
            out,
            "2024-04",
            {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()},
        )
    bc = bc_rows()[:2] + [person("BC3", "poor")]
    run_lists(folder, out, "2024-05", {"Bản Cọ": bc, "Đồng Kè": dk_rows()})
    write_renamed_plan(folder, {"Nà Mòn": "Nà Mòn Mới", "Bản Cọ": "Bản Cọ Trên"})
    by_name = run_lists(folder, out, "2024-06",
                     {"Nà Mòn Mới": na_mon_rows(person("BC3", "poor")), "Bản Cọ Trên": bc_rows()[:2],
                      "Đồng Kè": dk_rows()})  # fmt: skip
    ban_co = by_name["Bản Cọ Trên"]
    assert ban_co["movements_month_from"] is None
    # May's Bản Cọ: BC1-BC3 poor; June: BC3 moved out
    month = ban_co["movements_month"]
    assert (month["poor"]["start"], month["poor"]["moved_out"], month["poor"]["end"]) == (3, 1, 2)
    assert month["near_poor"]["start"] == 0
