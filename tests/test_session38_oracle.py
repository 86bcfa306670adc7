"""A differential oracle for the month's figures and movements (session 38).

The oracle below is written from CONTRACT.md §4, §4.3 and §5.1 (and the decisions log's
settled points: `moved_out`/`moved_in`, `returned` from the history, target met after
rounding to 9 decimals), not from the pipeline's code. Random scenarios (a seed each: 2-4
hamlets, 5-40 start households each, 2-4 months of clean rosters with households changing
class, leaving with or without 'Thoát', arriving, moving between hamlets, coming back, and
their deprivation ticks changing) are written with the tests' builders, run month by month
into one output with `pipeline.run.execute`, and every figure of the JSON summary the oracle
knows is compared with it.

`python -m tests.test_session38_oracle FIRST COUNT` runs more seeds than the test does.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, write_roster

NAMES = ["Nà Mòn", "Bản Cọ", "Đồng Kè", "Khuôn Lăn"]
LISTS = ("poor", "near_poor")
OTHER = {"poor": "near_poor", "near_poor": "poor"}
TO = {"poor": "to_near_poor", "near_poor": "to_poor"}
FROM = {"poor": "from_near_poor", "near_poor": "from_poor"}
TDS = [f"td_{i:02d}" for i in range(1, 13)]


# --------------------------------------------------------------------------- scenarios


def _deps(rng: random.Random, cls: str) -> tuple[int, ...]:
    """Deprived indicators that agree with the class (poor ≥ 3, near-poor < 3)."""
    k = rng.randint(3, 6) if cls == "poor" else rng.randint(0, 2)
    return tuple(sorted(rng.sample(range(1, 13), k)))


def scenario(seed: int) -> dict:
    """A plan and months of rosters: {hamlets: {name: (households, target poor, target near)},
    targets: (poor points, near points), start: {code: (hamlet, class, deps)},
    months: [(period, {hamlet: households}, {code: (hamlet, label, deps)})]}.
    A month's label is 'poor', 'near_poor' or 'exited' (a 'Thoát' row); a code not in a month
    is not listed that month."""
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
    return {"hamlets": hamlets, "targets": targets, "start": start, "months": months}


def write_scenario_plan(folder: Path, sc: dict) -> None:
    rows = []
    for code, (h, cls, deps) in sc["start"].items():
        rows.append(dict(person(code, cls, deps), hamlet=h))
    for stt, row in enumerate(rows, start=1):
        row["stt"] = stt
    hamlets = []
    for h, (n, pt, ct) in sc["hamlets"].items():
        poor = sum(1 for (hh, c, _) in sc["start"].values() if hh == h and c == "poor")
        near = sum(1 for (hh, c, _) in sc["start"].values() if hh == h and c == "near_poor")
        hamlets.append(
            {
                "hamlet": h,
                "start_households": n,
                "start_poor": poor,
                "start_near_poor": near,
                "poor_target": pt,
                "near_poor_target": ct,
            }
        )
    info = dict(PLAN_INFO, poor_target=sc["targets"][0], near_poor_target=sc["targets"][1])
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, hamlets, rows)


def write_month(folder: Path, sc: dict, index: int) -> str:
    period, totals, rows, sent = sc["months"][index]
    year, month = int(period[:4]), int(period[5:])
    prepared = date(year + (month == 12), month % 12 + 1, 3)
    for h_index, h in enumerate(sc["hamlets"]):
        if h not in sent:
            continue
        listed = [
            person(code, lab, deps) for code, (hh, lab, deps) in sorted(rows.items()) if hh == h
        ]
        write_roster(folder, f"DS_{h_index}_{period}.xlsx", h, totals[h], listed, period, prepared)
    return period


# --------------------------------------------------------------------------- the oracle


def _listed(rows: dict, sent: set) -> dict:
    """code -> (hamlet, class) of the households on the poor or near-poor list of the hamlets
    that sent a list."""
    return {c: (h, lab) for c, (h, lab, _) in rows.items() if lab in LISTS and h in sent}


def movements(
    bases: dict, now: dict, left_before: set, hamlet: str, seen=lambda code: None
) -> dict:
    """§4.3 for one hamlet: ``bases`` = each hamlet's baseline list (hamlet -> {code: class}),
    ``now`` as from :func:`_listed`. A household of the hamlet's baseline now on another
    hamlet's list moved out; one now on its list that another hamlet's baseline lists moved
    in (decisions: moves between hamlets, session 11's commune-wide baseline)."""
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
            if code not in now:
                m["exited"] += 1  # 'Thoát' or no longer listed
            elif now[code][0] != hamlet:
                m["moved_out"] += 1
            elif now[code][1] != lst:
                m[TO[lst]] += 1
        for code, (h, c) in now.items():
            if h != hamlet or c != lst:
                continue
            m["end"] += 1
            if code in base:
                m[FROM[lst]] += base[code] != lst
            elif (
                seen(code) not in (None, hamlet, "exited")
                or seen(code) is None
                and any(code in b for g, b in bases.items() if g != hamlet)
            ):
                m["moved_in"] += 1
            else:
                m["new"] += 1
                m["returned"] += code in left_before
        out[lst] = m
    return out


def _sum_moves(parts: list) -> dict | None:
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    return {lst: {k: sum(p[lst][k] for p in parts) for k in parts[0][lst]} for lst in LISTS}


def oracle(sc: dict, index: int) -> dict:
    """The JSON summary's figures for month ``index`` (totals and the hamlets that sent)."""
    names = list(sc["hamlets"])
    start = {c: (h, cls) for c, (h, cls, _) in sc["start"].items()}
    months = sc["months"][: index + 1]
    stored = [_listed(rows, sent) for (_, _, rows, sent) in months]
    _, totals_now, now_rows, sent_now = months[-1]
    now = stored[-1]
    # who left the lists in a stored month before this one: listed before it (last in a
    # hamlet that sent a list that month) and on no list of that month
    left_before: set = set()
    last_hamlet = {c: h for c, (h, _) in start.items()}
    for (_, _, rows, sent), lists in zip(months[:-1], stored[:-1], strict=True):
        for code, h in last_hamlet.items():
            if code not in lists and h in sent:
                left_before.add(code)
        last_hamlet.update({c: h for c, (h, _) in lists.items()})
        # a 'Thoát' row says it left, whether or not a list held it before
        left_before |= {c for c, (h, lab, _) in rows.items() if lab == "exited" and h in sent}
    year_bases = {h: {c: k for c, (g, k) in start.items() if g == h} for h in names}
    month_bases = None
    since = dict.fromkeys(names, -1)  # the month of each hamlet's baseline (-1: start list)
    if index > 0:  # each hamlet's latest list before this month, else the start list's
        month_bases = dict(year_bases)
        for m_index, ((_, _, _, sent), lists) in enumerate(
            zip(months[:-1], stored[:-1], strict=True)
        ):
            for h in sent:
                month_bases[h] = {c: k for c, (g, k) in lists.items() if g == h}
                since[h] = m_index
    # the month's commune-wide baseline: each hamlet's latest list, of the hamlets that sent
    # last month or send now; a hamlet silent both months is left out, it has no table for a
    # move out of it to match (decisions, session 11; `baselines._latest_lists`)
    month_view = month_bases and {
        h: b for h, b in month_bases.items() if h in sent_now or h in months[index - 1][3]
    }
    # every record (hamlet, label) of the stored months before this one, by month; -1 = start
    records = {-1: {c: (h, k) for c, (h, k) in start.items()}}
    for m_index, (_, _, rows, sent) in enumerate(months[:-1]):
        records[m_index] = {c: (h, lab) for c, (h, lab, _) in rows.items() if h in sent}

    def last_listed(code: str, first: int):
        """The hamlet whose list last held ``code`` from month ``first`` through last month,
        "exited" when that was a 'Thoát' row, None when none did (decisions, session 11:
        `timeline.last_listed`); else each hamlet's latest list decides."""
        for m_index in range(index - 1, first - 1, -1):
            if code in records[m_index]:
                h, lab = records[m_index][code]
                return h if lab in LISTS else "exited"
        return None

    # a household not listed now whose last listing was in a hamlet silent now is taken to be
    # where it was last seen, for telling a move from an exit (decisions, session 11)
    visible = {c for c, (h, _, _) in now_rows.items() if h in sent_now}
    for code in set().union(*records.values()) - visible:
        for m_index in range(index - 1, -2, -1):
            if code in records[m_index]:
                h, lab = records[m_index][code]
                if h not in sent_now and lab in LISTS:
                    now = dict(now, **{code: (h, lab)})
                break
    res = {"hamlets": {}}
    for h, (n0, pt, ct) in sc["hamlets"].items():
        if h not in sent_now:
            continue
        f = {"households": totals_now[h], "start_households": n0}
        for lst in LISTS:
            f[lst] = sum(1 for (hh, c) in now.values() if hh == h and c == lst)
            f[f"start_{lst}"] = sum(1 for (hh, c) in start.values() if hh == h and c == lst)
        f["poor_target"], f["near_poor_target"] = pt, ct
        f["movements"] = movements(year_bases, now, left_before, h)
        f["movements_month"] = (
            movements(month_view, now, left_before, h, lambda c, h=h: last_listed(c, since[h]))
            if month_bases is not None
            else None
        )
        f["deprivations"] = {
            lst: {
                td: sum(
                    1
                    for (hh, lab, deps) in now_rows.values()
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
    res["complete"] = sent_now == set(names)
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


def run_scenario(seed: int, work: Path) -> list[str]:
    from pipeline.run import execute

    sc = scenario(seed)
    folder, out = work / f"s{seed}" / "vao", work / f"s{seed}" / "ra"
    folder.mkdir(parents=True)
    write_scenario_plan(folder, sc)
    diffs = []
    for index in range(len(sc["months"])):
        for old in folder.glob("DS_*.xlsx"):
            old.unlink()
        period = write_month(folder, sc, index)
        execute(folder, out, period)
        summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
        want = oracle(sc, index)
        where = f"seed {seed} {period}"
        if summary.get("complete") is not want["complete"]:
            diffs.append(f"{where}: complete {summary.get('complete')!r}")
        diffs += compare(want["totals"], summary["totals"], f"{where} totals")
        by_name = {h["hamlet"]: h for h in summary["hamlets"]}
        for h in sc["hamlets"]:
            if h not in want["hamlets"]:
                if by_name.get(h, {}).get("status") != "missing":
                    diffs.append(f"{where} {h}: status {by_name.get(h, {}).get('status')!r}")
                continue
            f = want["hamlets"][h]
            if by_name.get(h, {}).get("status") != "ok":
                diffs.append(f"{where} {h}: status {by_name.get(h, {}).get('status')!r}")
                continue
            diffs += compare(f, by_name[h], f"{where} {h}")
    return diffs


@pytest.mark.parametrize("seed", range(20))
def test_oracle_agrees(seed, tmp_path):
    assert run_scenario(seed, tmp_path) == []


if __name__ == "__main__":
    first, count = int(sys.argv[1]), int(sys.argv[2])
    bad = 0
    with tempfile.TemporaryDirectory(dir="/tmp/m38/sH") as tmp:
        for seed in range(first, first + count):
            d = run_scenario(seed, Path(tmp))
            if d:
                bad += 1
                print(f"seed {seed}: {len(d)} differences")
                for line in d[:15]:
                    print("   ", line)
            sys.stdout.flush()
    print(f"{bad}/{count} scenarios differ")


def _month(folder: Path, period: str, lists: dict) -> None:
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    sizes = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
    prepared = date(2024, int(period[5:]) + 1, 3)
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, sizes[hamlet], rows, period, prepared)


def test_marked_thoat_last_month_is_back_not_moved_in(tmp_path):
    """Found by the oracle (seed 1081). BC1, poor on Bản Cọ's start list, is marked 'Thoát' by
    Nà Mòn in April while Bản Cọ sends nothing; in May Bản Cọ is back (compared with its start
    list) and Nà Mòn lists BC1 poor. Nà Mòn's May table (against its April list) had BC1 moved
    in from Bản Cọ's start list, the list it was on before it left; it is back (tái nghèo)."""
    from pipeline.run import execute
    from tests.commune import write_plan

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    na_mon = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
              person("NM4", "near_poor"), person("NM5", "near_poor")]  # fmt: skip
    dong_ke = [person("DK1", "poor"), person("DK2", "near_poor")]
    _month(folder, "2024-04", {"Nà Mòn": na_mon + [person("BC1", "exited")], "Đồng Kè": dong_ke})
    execute(folder, out, "2024-04")
    na_mon = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
              person("NM4", "near_poor"), person("NM5", "near_poor")]  # fmt: skip
    bc = [person("BC2", "poor"), person("BC3", "near_poor")]
    dong_ke = [person("DK1", "poor"), person("DK2", "near_poor")]
    _month(folder, "2024-05", {"Nà Mòn": na_mon + [person("BC1", "poor")], "Bản Cọ": bc,
                               "Đồng Kè": dong_ke})  # fmt: skip
    execute(folder, out, "2024-05")
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    by_name = {h["hamlet"]: h for h in summary["hamlets"]}
    month = by_name["Nà Mòn"]["movements_month"]["poor"]
    # April's list: NM1-NM3 poor; May: the three and BC1, back after its 'Thoát'
    assert (month["start"], month["new"], month["returned"], month["moved_in"], month["end"]) == (
        3, 1, 1, 0, 4)  # fmt: skip
    # Bản Cọ, against its start list (BC1, BC2 poor): BC1 is on Nà Mòn's list now
    bc_month = by_name["Bản Cọ"]["movements_month"]["poor"]
    assert (bc_month["start"], bc_month["moved_out"], bc_month["end"]) == (2, 1, 1)
    # the year's table: BC1 was on Bản Cọ's start list, listed in Nà Mòn now
    assert by_name["Nà Mòn"]["movements"]["poor"]["moved_in"] == 1
