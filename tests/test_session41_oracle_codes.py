"""The differential oracle with re-coded households (session 41).

`tests/test_session38_oracle.py` draws its scenarios with one Mã hộ per household all year.
Here a fifth random stream (`_recoded`) has the hamlet head write a household under another
code from a month on: re-numbered (a new code kept to the year's end) or a typo (a code
written wrong for a month or two, then corrected). The head's name, birth year and CCCD stay
the household's own.

The expectation, from the decisions (session 27, "a code written otherwise"): a household
gone from a hamlet's baseline and one arrived in that hamlet, no Mã hộ matching either, that
alone share the head's name and birth year are one household: no exit, nothing new, a class
change counted as one. So every figure is the one the scenario has without the re-code: the
oracle of session 38 on the scenario as drawn, while the lists carry the codes written.
The decisions leave out of the pairing a household re-coded while it moves to another hamlet
(`_recoded_moving` draws it as two households). Session 42 (`_drawn42`, a seventh stream) adds
a household re-coded in a row left out for an error (the row holds it by name: as drawn), one
back on the lists under a new code (tái nghèo, as under its own: as drawn), and two households
of a hamlet sharing a head's name and birth year: one re-coded, its twin listed (as drawn), or
both re-coded in one month (no pairing: drawn as two households gone and two new). Session 43
(`_drawn43`, an eighth stream) adds one back under a new code in another hamlet (tái nghèo:
drawn as a new household that had left the lists, `back`).

`python -m tests.test_session41_oracle_codes FIRST COUNT` runs more seeds than the test does
(set TMPDIR to a scratch folder) and says how many re-coded households they drew.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest

import tests.test_session38_oracle as o38
from tests.commune import new_commune, person
from tests.test_session38_oracle import LISTS, said_differences, scenario

RECODE_RATE = 0.06  # of the households a month may re-code


def _counted(sc: dict, code: str, index: int) -> bool:
    """Whether month ``index`` (-1: the start list) counts ``code`` on a poor or near-poor list
    of a hamlet whose list was accepted (no error or doubled code on it: see `_recoded`)."""
    if index < 0:
        return code in sc["start"]
    _, _, rows, sent = sc["months"][index]
    if code not in rows or rows[code][1] not in LISTS:
        return False
    return rows[code][0] in sent and rows[code][0] not in sc["extras"][index]["refused"]


def _recoded(seed: int, sc: dict) -> list[dict]:
    """Each month's {code drawn: code written} (a fifth random stream, so the rest of the
    scenario is drawn as before). A household may be re-coded once, at a month it is counted
    in and was counted in the month before (the start list for the first month), in the same
    hamlet all year, and never in a row with an error nor under a doubled code: the cases the
    decisions pair (session 27). Re-numbered (two in three): 'R<n>' from then on. A typo: its
    code with 'Q' after it, for one or two months, then its own again in a month it is counted
    in and was counted the month before; where no such month comes, re-numbered instead."""
    rc = random.Random(seed * 7919 + 4127)
    n_months = len(sc["months"])
    homes: dict[str, set] = {c: {h} for c, (h, _, _) in sc["start"].items()}
    touched: set = set()
    for (_, _, rows, _), extra in zip(sc["months"], sc["extras"], strict=True):
        for code, (h, _, _) in rows.items():
            homes.setdefault(code, set()).add(h)
        touched |= set(extra["errors"]) | {d[1] for d in extra["dups"]}
    out: list[dict] = [{} for _ in range(n_months)]
    done: set = set()
    renumbered = 0
    for m in range(n_months):
        for code in sorted(sc["months"][m][2]):
            if (code in done or code in touched or len(homes[code]) != 1
                    or not (_counted(sc, code, m - 1) and _counted(sc, code, m))):  # fmt: skip
                continue
            if rc.random() >= RECODE_RATE:
                continue
            done.add(code)
            end = n_months
            if rc.random() < 1 / 3:  # a typo, corrected one or two months on
                k = m + rc.randint(1, 2)
                if k < n_months and _counted(sc, code, k - 1) and _counted(sc, code, k):
                    for t in range(m, k):
                        out[t][code] = f"{code}Q"
                    continue
            renumbered += 1
            for t in range(m, end):
                out[t][code] = f"R{renumbered}"
    return out


def _recoded_moving(seed: int, sc: dict) -> dict[str, str]:
    """Households re-coded as they move to another hamlet (a sixth random stream), in the
    scenario from then on under the new code ('M<n>'): {new code: old}. The decisions pair
    codes within one hamlet only (session 27; session 32's titles are not drawn): the old code
    left the lists, the new one is new. Drawn where the household is counted in one hamlet the
    month before and in another that month, in the first all year before and in the second
    after, never in a row with an error nor under a doubled code, nor re-coded otherwise."""
    rm = random.Random(seed * 7919 + 4129)
    months = sc["months"]
    touched = (
        set()
        .union(*sc["codes"])
        .union(*(set(x["errors"]) | {d[1] for d in x["dups"]} for x in sc["extras"]))
    )
    alias: dict[str, str] = {}
    for m in range(len(months)):
        for code in sorted(months[m][2]):
            if code in touched or not (_counted(sc, code, m - 1) and _counted(sc, code, m)):
                continue
            before = [sc["start"][code][0]] if code in sc["start"] else []
            before += [months[t][2][code][0] for t in range(m) if code in months[t][2]]
            after = [months[t][2][code][0] for t in range(m, len(months)) if code in months[t][2]]
            if len(set(before)) != 1 or len(set(after)) != 1 or before[0] == after[0]:
                continue
            if rm.random() >= 0.3:
                continue
            new = f"M{len(alias) + 1}"
            alias[new] = code
            touched.add(code)
            for t in range(m, len(months)):
                if code in months[t][2]:
                    months[t][2][new] = months[t][2].pop(code)
    return alias


def _homes(sc: dict) -> dict[str, set]:
    """code -> every hamlet the start list and the months write it in."""
    homes: dict[str, set] = {c: {h} for c, (h, _, _) in sc["start"].items()}
    for _, _, rows, _ in sc["months"]:
        for code, (h, _, _) in rows.items():
            homes.setdefault(code, set()).add(h)
    return homes


def _row_of(sc: dict, code: str, index: int):
    """(hamlet, label) of ``code``'s row in month ``index`` (-1: the start list) where an
    accepted list writes it without an error or a doubled code; None where no such row."""
    if index < 0:
        return sc["start"][code][:2] if code in sc["start"] else None
    _, _, rows, sent = sc["months"][index]
    extra = sc["extras"][index]
    if code not in rows or rows[code][0] not in sent or rows[code][0] in extra["refused"]:
        return None
    if code in extra["errors"] or any(d[1] == code for d in extra["dups"]):
        return None
    return rows[code][:2]


def _drawn42(seed: int, sc: dict) -> None:
    """Session 42's kinds, from a seventh random stream (the streams before draw as they did):
    ``codes`` (written codes, the scenario unchanged) gains households re-coded from a month
    their row has an error ('E<n>'; no year written wrong then or after: the row holds its
    household by its head's name and birth year; now and then a typo corrected one or two
    months on, in a month the household is counted in and was the month before) and households back on the lists under a new code ('B<n>', in the hamlet of
    their last row, listed or 'Thoát'); and ``twin`` {code: code whose head's name and birth
    year it writes}: two households of a hamlet sharing them, either one re-coded, its twin
    listed (paired: as drawn), or both re-coded in one month (new households in the scenario,
    'T<n>': one name on each side pairs neither, `figures.one_each`). Each in one hamlet all
    year, untouched by the other kinds and, but for the first kind, by rows with errors."""
    r42 = random.Random(seed * 7919 + 4201)
    months, codes, n_months = sc["months"], sc["codes"], len(sc["months"])
    homes = _homes(sc)
    used = set(sc["alias"]) | set(sc["alias"].values()) | set().union(*codes)
    dups = set().union(*({d[1] for d in x["dups"]} for x in sc["extras"]))
    errors = set().union(*(set(x["errors"]) for x in sc["extras"]))
    sc["twin"] = {}
    n = 0
    for m in range(n_months):
        for code in sorted(months[m][2]):
            if code in used or code in dups or len(homes.get(code, ())) != 1:
                continue
            kind = sc["extras"][m]["errors"].get(code)
            # a row with another code and a year written wrong holds no household (by neither)
            wrong_year = any(x["errors"].get(code) == "year" for x in sc["extras"][m:])
            if kind is not None and not wrong_year and months[m][2][code][1] in LISTS:
                if _counted(sc, code, m - 1) and r42.random() < 0.3:  # re-coded in error
                    n += 1
                    used.add(code)
                    end = n_months
                    if r42.random() < 1 / 3:  # a typo, corrected one or two months on
                        k = m + r42.randint(1, 2)
                        if k < n_months and _counted(sc, code, k - 1) and _counted(sc, code, k):
                            end = k
                    for t in range(m, end):
                        codes[t][code] = f"E{n}"
                continue
            if code in errors or not _counted(sc, code, m):
                continue
            last = next((t for t in range(m - 1, -2, -1)
                         if t < 0 or code in months[t][2]), None)  # fmt: skip
            seen = _row_of(sc, code, last)
            # out of the lists: written 'Thoát', or off its hamlet's list in a month it reported
            left = seen is not None and (
                seen[1] == "exited"
                or any(seen[0] in months[t][3] - sc["extras"][t]["refused"]
                       for t in range(last + 1, m))
            )  # fmt: skip
            if left:
                if r42.random() < 0.5:  # back under a new code, to the year's end
                    n += 1
                    used.add(code)
                    for t in range(m, n_months):
                        codes[t][code] = f"B{n}"
    # twins: two households of one hamlet on the start list, counted in every month, untouched
    steady = sorted(
        c for c, (h, _, _) in sc["start"].items()
        if c not in used and c not in dups and c not in errors and len(homes[c]) == 1
        and all(_counted(sc, c, t) for t in range(n_months))
    )  # fmt: skip
    by_hamlet: dict[str, list[str]] = {}
    for c in steady:
        by_hamlet.setdefault(sc["start"][c][0], []).append(c)
    for h in sorted(by_hamlet):
        pool = by_hamlet[h]
        if len(pool) < 2 or r42.random() >= 0.5:
            continue
        a, b = r42.sample(pool, 2)
        sc["twin"][b] = a
        m = r42.randrange(n_months)
        if r42.random() < 0.5:  # one re-coded, its twin listed: paired, as drawn
            n += 1
            for t in range(m, n_months):
                codes[t][b] = f"T{n}"
            continue
        for old in (a, b):  # both re-coded in month m: two households gone, two new
            n += 1
            new = f"T{n}"
            sc["alias"][new] = old
            for t in range(m, n_months):
                months[t][2][new] = months[t][2].pop(old)


def _drawn43(seed: int, sc: dict) -> None:
    """Session 43's kind, from an eighth random stream (the streams before draw as they did):
    a household out of the lists (its last row 'Thoát', or off its hamlet's list in a month
    that hamlet reported), counted again in another hamlet, in its first all year before and
    in the second after, untouched by rows with errors, doubled codes and the other kinds, is
    written there under a new code ('X<n>') half the time. Drawn as a new household (in
    ``alias``, its head and CCCD its own), back on the lists (``back``: tái nghèo, as under its
    own code). Its old hamlet's year table has it exited (as drawn), the new one's new, of
    which returned; under its own code that year's table would have it moved, where it was on
    a start list."""
    r43 = random.Random(seed * 7919 + 4301)
    months, n_months = sc["months"], len(sc["months"])
    used = set(sc["alias"]) | set(sc["alias"].values()) | set().union(*sc["codes"])
    used |= set(sc["twin"]) | set(sc["twin"].values())
    used |= set().union(*(set(x["errors"]) | {d[1] for d in x["dups"]} for x in sc["extras"]))
    sc["back"] = set()
    for code in sorted(set().union(*(rows.keys() for _, _, rows, _ in months)) - used):
        at = [t for t in range(n_months) if code in months[t][2]]
        first = [sc["start"][code][0]] if code in sc["start"] else []
        places = first + [months[t][2][code][0] for t in at]
        there = places[-1]
        m = next(t for t in at if months[t][2][code][0] == there)  # its first month there
        before = [h for h in first + [months[t][2][code][0] for t in at if t < m]]
        if len(set(before)) != 1 or before[0] == there or len(set(places) - set(before)) != 1:
            continue
        if any(months[t][2][code][0] != there for t in at if t >= m):
            continue
        last = max([t for t in at if t < m] or [-1])
        seen = _row_of(sc, code, last)
        left = seen is not None and (
            seen[1] == "exited"
            or any(seen[0] in months[t][3] - sc["extras"][t]["refused"] for t in range(last + 1, m))
        )
        if not left or not _counted(sc, code, m) or r43.random() >= 0.5:
            continue
        new = f"X{len(sc['back']) + 1}"
        sc["alias"][new] = code
        sc["back"].add(new)
        for t in range(m, n_months):
            if code in months[t][2]:
                months[t][2][new] = months[t][2].pop(code)


def scenario_codes(seed: int) -> dict:
    """Session 38's scenario (renames not drawn) with ``codes``: each month's re-codes within
    a hamlet, ``alias``: households re-coded as they moved, drawn as new ones, session 42's
    kinds (:func:`_drawn42`) and session 43's (:func:`_drawn43`)."""
    sc = scenario(seed)
    sc["codes"] = _recoded(seed, sc)
    sc["alias"] = _recoded_moving(seed, sc)
    _drawn42(seed, sc)
    _drawn43(seed, sc)
    return sc


def run_scenario(seed: int, work: Path) -> list[str]:
    """Session 38's run and comparison of the scenario, each month's lists writing the codes
    of ``codes`` (the name, year and CCCD the household's own); the oracle sees the households
    as drawn."""
    sc = scenario_codes(seed)
    written: dict = {}

    def person(code, status, deprived=(), **extra):
        row = o38_person(code, status, deprived, **extra)
        row["ma_ho"] = written.get(code, code)
        own = sc["alias"].get(code, code)
        if own != code:  # the household's own head and CCCD under its new code
            mine = o38_person(own, status)
            row["chu_ho"], row["so_dinh_danh"] = mine["chu_ho"], mine["so_dinh_danh"]
        if own in sc["twin"]:  # its twin's head's name (and birth year: all 1970)
            row["chu_ho"] = o38_person(sc["twin"][own], status)["chu_ho"]
        return row

    def write_month(folder, sc_, index):
        written.clear()
        written.update(sc["codes"][index])
        return o38_write_month(folder, sc_, index)

    def movements(bases, now, left_before, *args, **kwargs):  # back elsewhere: had left
        return o38_movements(bases, now, left_before | sc["back"], *args, **kwargs)

    o38_person, o38_write_month, o38_movements = o38.person, o38.write_month, o38.movements
    with (
        mock.patch.object(o38, "scenario", lambda s, renames=False: sc),
        mock.patch.object(o38, "person", person),
        mock.patch.object(o38, "write_month", write_month),
        mock.patch.object(o38, "movements", movements),
    ):
        return o38.run_scenario(seed, work)


def volume(seed: int) -> tuple[int, int, int]:
    """(months, roster rows, re-coded households) of ``seed``'s scenario."""
    sc = scenario_codes(seed)
    rows = sum(
        sum(1 for h, _, _ in r.values() if h in sent) + len(x["dups"])
        for (_, _, r, sent), x in zip(sc["months"], sc["extras"], strict=True)
    )
    return len(sc["months"]), rows, len(set().union(*sc["codes"])) + len(sc["alias"])


def kinds42(seed: int) -> Counter:
    """How many households of ``seed``'s scenario each of session 42's kinds drew: 'E' re-coded
    in a row with an error, 'B' back under a new code, 'T' twins re-coded (one, or both)."""
    sc = scenario_codes(seed)
    found = Counter(new[0] for new in {v for month in sc["codes"] for v in month.values()}
                    if new[0] in "EBT")  # fmt: skip
    found["T"] += sum(1 for new in sc["alias"] if new.startswith("T"))
    found["twins"] = len(sc["twin"])
    found["X"] = len(sc["back"])  # session 43's: back under a new code in another hamlet
    return found


@pytest.mark.parametrize("seed", [0, 2, 12, 16, 17, 24, 26, 95])
def test_oracle_agrees_with_recoded_households(seed, tmp_path):
    assert volume(seed)[2] > 0
    assert run_scenario(seed, tmp_path) == []


if __name__ == "__main__":
    first, count = int(sys.argv[1]), int(sys.argv[2])
    bad = months = rows = recoded = 0
    drawn: Counter = Counter()
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        for seed in range(first, first + count):
            v = volume(seed)
            drawn += kinds42(seed)
            months, rows, recoded = months + v[0], rows + v[1], recoded + v[2]
            bad += said_differences(seed, run_scenario(seed, Path(tmp)), f" ({v[2]} re-coded)")
    print(f"{count} scenarios, {months} months, {rows} roster rows, {recoded} re-coded households")
    print(f"session 42's kinds: {dict(sorted(drawn.items()))}")
    print(f"{bad}/{count} scenarios differ")


def test_code_mistyped_for_a_month_is_no_return_to_the_lists(tmp_path):
    """Found by this oracle (seeds 2 and 12). NM6, new and poor on Nà Mòn's April list, is
    written 'NM6Q' in May (the same head's name and birth year) and 'NM6' again in June. Each
    month's table pairs the two codes (session 27: one household, nothing moved), but the
    history walk took NM6 for gone in May: June's year table had NM6 new and tái nghèo, a
    return reported upward for a household that never left the lists."""
    folder, out = new_commune(tmp_path)
    lists = {"Bản Cọ": o38.bc_rows(), "Đồng Kè": o38.dk_rows()}
    o38.run_lists(
        folder, out, "2024-04", {"Nà Mòn": o38.na_mon_rows(person("NM6", "poor")), **lists}
    )
    typo = dict(person("NM6", "poor"), ma_ho="NM6Q")
    o38.run_lists(folder, out, "2024-05", {"Nà Mòn": o38.na_mon_rows(typo), **lists})
    by_name = o38.run_lists(folder, out, "2024-06",
                         {"Nà Mòn": o38.na_mon_rows(person("NM6", "poor")), **lists})  # fmt: skip
    year = by_name["Nà Mòn"]["movements"]["poor"]
    # the start list: NM1-NM3 poor; June: the three and NM6, new this year, never gone
    assert (year["start"], year["new"], year["returned"], year["exited"], year["end"]) == (
        3, 1, 0, 0, 4)  # fmt: skip
    month = by_name["Nà Mòn"]["movements_month"]["poor"]
    assert (month["start"], month["new"], month["exited"], month["end"]) == (4, 0, 0, 4)
