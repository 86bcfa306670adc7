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
The decisions leave out of the pairing a household re-coded while it moves to another hamlet,
one held in a row left out for an error, and one that comes back under a new code after it
left; those are not drawn (`_recoded`'s rules), each needing its own expectation.

`python -m tests.test_session41_oracle_codes FIRST COUNT` runs more seeds than the test does
(set TMPDIR to a scratch folder) and says how many re-coded households they drew.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest

import tests.test_session38_oracle as o38
from tests.commune import new_commune, person
from tests.test_session38_oracle import LISTS, scenario

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


def scenario_codes(seed: int) -> dict:
    """Session 38's scenario (renames not drawn) with ``codes``: each month's re-codes within
    a hamlet, and ``alias``: households re-coded as they moved, drawn as new ones."""
    sc = scenario(seed)
    sc["codes"] = _recoded(seed, sc)
    sc["alias"] = _recoded_moving(seed, sc)
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
        if code in sc["alias"]:  # the household's own head and CCCD under its new code
            own = o38_person(sc["alias"][code], status)
            row["chu_ho"], row["so_dinh_danh"] = own["chu_ho"], own["so_dinh_danh"]
        return row

    def write_month(folder, sc_, index):
        written.clear()
        written.update(sc["codes"][index])
        return o38_write_month(folder, sc_, index)

    o38_person, o38_write_month = o38.person, o38.write_month
    with (
        mock.patch.object(o38, "scenario", lambda s, renames=False: sc),
        mock.patch.object(o38, "person", person),
        mock.patch.object(o38, "write_month", write_month),
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


@pytest.mark.parametrize("seed", [0, 2, 12, 17])
def test_oracle_agrees_with_recoded_households(seed, tmp_path):
    assert volume(seed)[2] > 0
    assert run_scenario(seed, tmp_path) == []


if __name__ == "__main__":
    first, count = int(sys.argv[1]), int(sys.argv[2])
    bad = months = rows = recoded = 0
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        for seed in range(first, first + count):
            v = volume(seed)
            months, rows, recoded = months + v[0], rows + v[1], recoded + v[2]
            d = run_scenario(seed, Path(tmp))
            if d:
                bad += 1
                print(f"seed {seed}: {len(d)} differences ({v[2]} re-coded)")
                for line in d[:15]:
                    print("   ", line)
            sys.stdout.flush()
    print(f"{count} scenarios, {months} months, {rows} roster rows, {recoded} re-coded households")
    print(f"{bad}/{count} scenarios differ")


def test_code_mistyped_for_a_month_is_no_return_to_the_lists(tmp_path):
    """Found by this oracle (seeds 2 and 12). NM6, new and poor on Nà Mòn's April list, is
    written 'NM6Q' in May (the same head's name and birth year) and 'NM6' again in June. Each
    month's table pairs the two codes (session 27: one household, nothing moved), but the
    history walk took NM6 for gone in May: June's year table had NM6 new and tái nghèo, a
    return reported upward for a household that never left the lists."""
    folder, out = new_commune(tmp_path)
    lists = {"Bản Cọ": o38._bc(), "Đồng Kè": o38._dk()}
    o38._month(folder, out, "2024-04", {"Nà Mòn": o38._na_mon(person("NM6", "poor")), **lists})
    typo = dict(person("NM6", "poor"), ma_ho="NM6Q")
    o38._month(folder, out, "2024-05", {"Nà Mòn": o38._na_mon(typo), **lists})
    by_name = o38._month(folder, out, "2024-06",
                         {"Nà Mòn": o38._na_mon(person("NM6", "poor")), **lists})  # fmt: skip
    year = by_name["Nà Mòn"]["movements"]["poor"]
    # the start list: NM1-NM3 poor; June: the three and NM6, new this year, never gone
    assert (year["start"], year["new"], year["returned"], year["exited"], year["end"]) == (
        3, 1, 0, 0, 4)  # fmt: skip
    month = by_name["Nà Mòn"]["movements_month"]["poor"]
    assert (month["start"], month["new"], month["exited"], month["end"]) == (4, 0, 0, 4)
