"""A year in the life of a small commune, and an independent oracle of its monthly figures.

The commune (three hamlets, 11–14 households each on the start-of-year list) lives through 2024
and into January 2025: households leave poverty, fall back, arrive; one moves from near-poor to
poor and back, one moves to another hamlet, one head dies, one household moves away; a code
is mistyped for two months and corrected; Đồng Kè sends nothing in April and May; Bản Cọ's
August list comes late (with September's); October is run twice (Nà Mòn's list corrected); a
2025 plan whose start list is December's result opens the next year.

Everything is one table: :data:`EVENTS` changes a household's class (or hamlet) from a month
on; :func:`rosters` gives each month's lists as the hamlet heads write them (codes as written,
``Thoát`` rows kept until dropped). The files are written from it (:func:`write_month`) and
the oracle (:func:`expected`) works from it alone, in plain Python, from CONTRACT §4 and the
decisions of ``docs/decisions.md`` (moves between hamlets, returns known from history, a
hamlet compared with its latest list when it sent none last month) — never from pipeline code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from math import floor
from pathlib import Path

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, write_roster

POOR, NEAR, EXITED = "poor", "near_poor", "exited"
LISTED = (POOR, NEAR)
OTHER = {POOR: NEAR, NEAR: POOR}

# hamlet -> (code prefix, households at the start of 2024, start poor, start near-poor, poor
# target, near-poor target): NM01–NM08 poor, NM09–NM14 near-poor, and so on.
HAMLETS = {
    "Nà Mòn": ("NM", 120, 8, 6, 3, 1),
    "Bản Cọ": ("BC", 150, 7, 6, 2, 1),
    "Đồng Kè": ("DK", 100, 6, 5, 2, 1),
}
SLUG = {"Nà Mòn": "NaMon", "Bản Cọ": "BanCo", "Đồng Kè": "DongKe"}
# The commune's targets (rate points), as the plan's cells say them.
TARGETS = {2024: ("1.52", "1.01"), 2025: ("1.2", "1")}

MONTHS = [f"2024-{m:02d}" for m in range(1, 13)] + ["2025-01"]

# From a month on: code -> new class (None: the row is dropped from the list), with the hamlet
# when the household is new to the lists or moves to another hamlet of the commune.
EVENTS: dict[str, list[tuple]] = {
    "2024-01": [("NM01", EXITED), ("BC08", POOR)],
    "2024-02": [("NM02", NEAR), ("DK01", NEAR)],
    "2024-03": [
        ("NM01", None),
        ("NM09", POOR),
        ("NM15", POOR, "Nà Mòn"),
        ("DK12", NEAR, "Đồng Kè"),
    ],  # fmt: skip
    "2024-04": [("BC05", EXITED), ("NM10", EXITED)],  # BC05's head died
    "2024-05": [("BC05", None), ("BC14", NEAR, "Bản Cọ"), ("NM03", EXITED)],
    "2024-06": [
        ("NM03", None),
        ("DK02", NEAR),
        ("DK13", POOR, "Đồng Kè"),
        ("DK07", EXITED),
        ("NM15", EXITED),
    ],  # fmt: skip
    # NM05 moves to Bản Cọ; NM09 back to near-poor; DK03 moved out of the commune (dropped,
    # no 'Thoát': the run asks to confirm)
    "2024-07": [("NM05", POOR, "Bản Cọ"), ("NM09", NEAR), ("DK03", None), ("NM15", None)],
    "2024-08": [("BC01", NEAR), ("BC09", EXITED), ("NM04", NEAR)],
    # NM01 back (tái nghèo); DK12, new near-poor in March, moves to Nà Mòn
    "2024-09": [("NM01", POOR, "Nà Mòn"), ("BC02", EXITED), ("DK12", NEAR, "Nà Mòn")],
    "2024-10": [("NM15", POOR, "Nà Mòn")],
    # NM05, moved to Bản Cọ in July, leaves the lists there
    "2024-11": [("NM15", EXITED), ("DK04", NEAR), ("BC03", EXITED), ("NM05", EXITED)],
    # BC09, out of near-poverty since August, falls back (tái cận nghèo)
    "2024-12": [("NM15", None), ("DK05", EXITED), ("BC14", POOR), ("BC09", NEAR)],
    # NM15 back again; NM08 moves to Đồng Kè, whose last list is November's
    "2025-01": [("NM15", POOR, "Nà Mòn"), ("NM07", NEAR), ("NM08", POOR, "Đồng Kè")],
}
# Bản Cọ's head typed BC11 as 'BC111' in February and March; April's list has it right.
WRITTEN_AS = {("2024-02", "BC11"): "BC111", ("2024-03", "BC11"): "BC111"}
REAL_CODE = {written: code for (_, code), written in WRITTEN_AS.items()}
# Đồng Kè sends nothing in April and May, nor in December.
SILENT = {("2024-04", "Đồng Kè"), ("2024-05", "Đồng Kè"), ("2024-12", "Đồng Kè")}
# Bản Cọ's November list writes 0 in every 'Số nhân khẩu' cell: refused whole (no row counts).
REFUSED = {("2024-11", "Bản Cọ")}
# Nà Mòn's first October list has NM06 (poor) as near-poor; the corrected copy replaces it.
OCTOBER_MISTAKE = ("2024-10", "Nà Mòn", "NM06", NEAR)
# Thoát rows a head no longer copies into the next year's list: all but NM10's.
KEPT_INTO_2025 = {"NM10"}


def total_households(period: str, hamlet: str) -> int:
    """'Tổng số hộ dân cư': Nà Mòn gains a split household in June, loses NM05 to Bản Cọ from
    July and gains DK12 from Đồng Kè from September; Đồng Kè gains DK13's in June, loses
    DK03's (gone from the commune) from July, DK12 from September, and gets NM08 from Nà Mòn
    in January 2025."""
    n = HAMLETS[hamlet][1]
    if hamlet == "Bản Cọ":
        return n + (period >= "2024-07")
    moved = ((period >= "2024-09") - (period >= "2025-01")) * (1 if hamlet == "Nà Mòn" else -1)
    return n + (period >= "2024-06") - (period >= "2024-07") + moved


def start_list_2024() -> dict[str, tuple[str, str]]:
    """code -> (hamlet, class) of the households recognised at 31/12/2023."""
    start = {}
    for hamlet, (code, _, poor, near, _, _) in HAMLETS.items():
        for i in range(1, poor + near + 1):
            start[f"{code}{i:02d}"] = (hamlet, POOR if i <= poor else NEAR)
    return start


def states() -> dict[str, dict[str, tuple[str, str]]]:
    """period -> code -> (hamlet, class) of every household a list writes that month (Thoát
    rows included), codes as the household really has them."""
    state = dict(start_list_2024())
    out = {}
    for period in MONTHS:
        if period == "2025-01":  # last year's Thoát rows left out of the new year's lists
            state = {k: v for k, v in state.items() if v[1] != EXITED or k in KEPT_INTO_2025}
        for code, status, *where in EVENTS.get(period, []):
            if status is None:
                state.pop(code)
            else:
                hamlet = where[0] if where else state[code][0]
                state[code] = (hamlet, status)
        out[period] = dict(state)
    return out


STATES = states()


def rosters(period: str, corrected: bool = True) -> dict[str, list[tuple[str, str, str]]]:
    """hamlet -> [(code as written, class, the household's real code)] of the lists sent for
    ``period`` (a silent hamlet has none); ``corrected`` False: October's first Nà Mòn list."""
    out: dict[str, list] = {h: [] for h in HAMLETS if (period, h) not in SILENT}
    for code, (hamlet, status) in sorted(STATES[period].items()):
        if hamlet not in out:
            continue
        if not corrected and (period, hamlet, code) == OCTOBER_MISTAKE[:3]:
            status = OCTOBER_MISTAKE[3]
        out[hamlet].append((WRITTEN_AS.get((period, code), code), status, code))
    return out


def start_list(year: int) -> dict[str, tuple[str, str]]:
    """The plan's 'Danh sách đầu năm': 2024's as recognised; 2025's is December 2024's lists."""
    if year == 2024:
        return start_list_2024()
    return {k: v for k, v in STATES["2024-12"].items() if v[1] in LISTED}


def plan_hamlets(year: int) -> dict[str, dict]:
    """hamlet -> the plan's row: start households and counts, household targets."""
    start = start_list(year)
    out = {}
    for hamlet, (_, households, _, _, poor_target, near_target) in HAMLETS.items():
        listed = [s for h, s in start.values() if h == hamlet]
        out[hamlet] = {
            "hamlet": hamlet,
            "start_households": households if year == 2024 else total_households("2024-12", hamlet),
            "start_poor": listed.count(POOR),
            "start_near_poor": listed.count(NEAR),
            "poor_target": poor_target if year == 2024 else 1,
            "near_poor_target": near_target if year == 2024 else 1,
        }
    return out


def _row(written: str, status: str, code: str) -> dict:
    """A household row: the real household's head, birth year and CCCD, the code as written."""
    real = person(code, status)
    row = dict(real, ma_ho=written)
    if code == "BC05" and status == EXITED:
        row["ghi_chu"] = "Chủ hộ đã mất"
    return row


def write_plan(folder: Path, year: int) -> Path:
    info = {**PLAN_INFO, "plan_year": year, "poor_target": float(TARGETS[year][0]),
            "near_poor_target": float(TARGETS[year][1])}  # fmt: skip
    rows = []
    for code, (hamlet, status) in sorted(start_list(year).items()):
        rows.append(dict(person(code, status), hamlet=hamlet, stt=len(rows) + 1))
    path = folder / f"KeHoach_{year}.xlsx"
    write_plan_workbook(path, info, list(plan_hamlets(year).values()), rows)
    return path


def file_name(period: str, hamlet: str) -> str:
    return f"{period}/DS_{SLUG[hamlet]}_{period}.xlsx"


def write_list(folder: Path, period: str, hamlet: str, corrected: bool = True,
               prepared: date | None = None) -> Path:  # fmt: skip
    year, month = int(period[:4]), int(period[5:])
    prepared = prepared or (date(year + 1, 1, 3) if month == 12 else date(year, month + 1, 3))
    (folder / period).mkdir(parents=True, exist_ok=True)
    rows = [_row(*r) for r in rosters(period, corrected)[hamlet]]
    if (period, hamlet) in REFUSED:
        rows = [dict(row, nhan_khau=0) for row in rows]
    return write_roster(folder, file_name(period, hamlet), hamlet,
                        total_households(period, hamlet), rows, period=period,
                        prepared=prepared)  # fmt: skip


# --- the oracle ------------------------------------------------------------------------------

# The movement columns of 'Biến động' (and the JSON's keys), in the sheet's order.
POOR_COLUMNS = ("start", "to_near_poor", "exited", "not_counted", "moved_out", "from_near_poor",
                "new", "returned", "moved_in", "recounted", "end")  # fmt: skip
NEAR_COLUMNS = ("start", "to_poor", "exited", "not_counted", "moved_out", "from_poor", "new",
                "returned", "moved_in", "recounted", "end")  # fmt: skip


@dataclass
class Store:
    """What the oracle knows the history holds: period -> hamlet -> {written code: class} of
    the lists accepted when the period was last run, and the order runs were made in."""

    months: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    figures: dict[str, dict] = field(default_factory=dict)  # period -> its expected figures
    runs: list[tuple[str, bool]] = field(default_factory=list)  # (period, figures changed)

    def save(self, period: str, lists: dict[str, dict[str, str]], figures: dict) -> None:
        """``period`` run with ``lists`` accepted, giving ``figures`` (:func:`expected`)."""
        figures = {k: figures[k] for k in ("complete", "totals", "hamlets")}
        changed = period in self.figures and self.figures[period] != figures
        self.months[period], self.figures[period] = lists, figures
        self.runs.append((period, changed))

    def stale(self) -> set[str]:
        """Periods last run before an earlier period was run again with other figures."""
        last_run = {p: i for i, (p, _) in enumerate(self.runs)}
        return {
            p
            for p, at in last_run.items()
            if any(q < p and changed and i > at for i, (q, changed) in enumerate(self.runs))
        }


def _commune_lists(lists: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """code -> (hamlet, class) over every hamlet's list."""
    return {code: (h, s) for h, rows in lists.items() for code, s in rows.items()}


def left_before(period: str, store: Store) -> set[str]:
    """Codes that left the lists at some point before ``period`` (CONTRACT §4.3 'returned'):
    written Thoát, or listed and then missing from a later list of their hamlet. The walk goes
    through each plan year's start list (its month '00') and every stored month before."""
    return _left(period, store)[0]


def left_since(period: str, store: Store) -> dict[str, str]:
    """Codes out of the lists at the end of the months before ``period``, by the month they
    last left them (session 29: the year's table says a household gone without 'Thoát' in an
    earlier month "từ tháng …", asked to confirm in that month only)."""
    return _left(period, store)[1]


def _left(period: str, store: Store) -> tuple[set[str], dict[str, str]]:
    states_in_order = []
    for year in sorted({int(p[:4]) for p in store.months if p < period} | {int(period[:4])}):
        start = start_list(year)
        states_in_order.append((f"{year}-00", _by_hamlet(start)))
    states_in_order += [(p, lists) for p, lists in store.months.items() if p < period]
    states_in_order.sort(key=lambda item: item[0])
    listed: dict[str, str] = {}
    ever: set[str] = set()
    since: dict[str, str] = {}
    for month, lists in states_in_order:
        present = {code for rows in lists.values() for code in rows}
        for code, hamlet in list(listed.items()):
            if hamlet in lists and code not in present:
                ever.add(code)
                since[code] = month
                del listed[code]
        for hamlet, rows in lists.items():
            for code, status in rows.items():
                if status == EXITED:
                    ever.add(code)
                    if code in listed or code not in since:
                        since[code] = month
                    listed.pop(code, None)
                else:
                    listed[code] = hamlet
    return ever, {code: month for code, month in since.items() if code not in listed}


def _by_hamlet(start: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {h: {} for h in HAMLETS}
    for code, (hamlet, status) in start.items():
        out[hamlet][code] = status
    return out


def previous_month(period: str) -> str:
    year, month = int(period[:4]), int(period[5:])
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def _moves(hamlet, base, now, listed_before, listed_now, last_seen, ever, marked, scope,
           details, recoded):  # fmt: skip
    """One hamlet's movements from ``base`` (code -> class, Thoát rows included) to ``now``.
    ``listed_before``, ``listed_now``: code -> (hamlet, class) over the commune in the baseline
    and now; ``last_seen``: where a household was last listed, in a hamlet silent now;
    ``ever``: codes that left the lists before; ``marked``: codes written 'Thoát' in an
    earlier month of the year; ``details``: (scope, hamlet, list, movement, code) appended."""
    # A code written otherwise on one side only is the same household (session 27: the
    # pipeline pairs them by head's name and birth year, which the fixture gives each household
    # alone): matched under the household's code, and said where the code is not the start
    # list's (``recoded``: (hamlet, code as written)).
    base = {REAL_CODE.get(c, c) if c not in now else c: s for c, s in base.items()}
    paired = {c for c in now if c not in base and REAL_CODE.get(c, c) in base}
    recoded.update((hamlet, c) for c in paired)
    now = {REAL_CODE.get(c, c) if c in paired else c: s for c, s in now.items()}
    poor = dict.fromkeys(POOR_COLUMNS, 0)
    near = dict.fromkeys(NEAR_COLUMNS, 0)
    table = {POOR: poor, NEAR: near}
    for code, before in base.items():
        if before not in LISTED:
            continue
        table[before]["start"] += 1
        after = now.get(code)
        if after == before:
            continue
        if after == OTHER[before]:
            table[before]["to_" + OTHER[before]] += 1
            table[after]["from_" + before] += 1
            details += [(scope, hamlet, before, "to_" + after, code),
                        (scope, hamlet, after, "from_" + before, code)]  # fmt: skip
            continue
        if after == EXITED:
            table[before]["exited"] += 1
            details.append((scope, hamlet, before, "exited", code))
            continue
        there = listed_now.get(code) or last_seen.get(code)  # now, or last seen where silent now
        if there is not None and there[0] != hamlet and there[1] in LISTED:
            table[before]["moved_out"] += 1
            details.append((scope, hamlet, before, ("moved_out", there[0]), code))
        elif there is not None and there[0] != hamlet:  # marked Thoát where it moved to
            table[before]["exited"] += 1
            details.append((scope, hamlet, before, "exited", code))
        else:
            # Gone without 'Thoát' here: asked to confirm, unless written 'Thoát' in an earlier
            # month of the year and left off since (decisions, session 8: it is exited)
            table[before]["exited"] += 1
            details.append((scope, hamlet, before, "exited" if code in marked else "vanished",
                            code))  # fmt: skip
    for code, after in now.items():
        if after not in LISTED or base.get(code) in LISTED:
            continue
        came = listed_before.get(code)
        if came is not None and came[0] != hamlet and came[1] in LISTED:
            table[after]["moved_in"] += 1
            details.append((scope, hamlet, after, ("moved_in", came[0]), code))
        elif code in ever:
            table[after]["new"] += 1
            table[after]["returned"] += 1
            details.append((scope, hamlet, after, "returned", code))
        else:
            table[after]["new"] += 1
            details.append((scope, hamlet, after, "new", code))
    statuses = list(now.values())
    poor["end"], near["end"] = statuses.count(POOR), statuses.count(NEAR)
    return {"poor": poor, "near_poor": near}


def _summed(tables: list[dict]) -> dict:
    return {name: {k: sum(t[name][k] for t in tables) for k in tables[0][name]}
            for name in ("poor", "near_poor")}  # fmt: skip


def _rate(count: int, households: int) -> Fraction:
    return Fraction(count * 100, households)


def expected(period: str, lists: dict[str, dict[str, str]], totals: dict[str, int],
             store: Store) -> dict:  # fmt: skip
    """The figures a run of ``period`` must give: ``lists`` (hamlet -> {written code: class})
    and ``totals`` (hamlet -> households) of the hamlets whose list is in the folder, ``store``
    what the history holds before the run. Rates are exact fractions (percent)."""
    year = int(period[:4])
    plan = plan_hamlets(year)
    start = start_list(year)
    start_lists = _by_hamlet(start)
    ever = left_before(period, store)
    accepted = [h for h in HAMLETS if h in lists]
    listed_now = _commune_lists(lists)
    # Where each household was last listed this year before this month: one gone from its
    # hamlet and last listed in a hamlet silent now is taken to be there (decisions, session 11).
    last_seen: dict[str, tuple[str, str]] = {}
    for p in sorted(store.months):
        if p.startswith(f"{year}-") and p < period:
            last_seen.update(_commune_lists(store.months[p]))
    last_seen = {c: v for c, v in last_seen.items() if v[0] not in lists}
    marked = {c for p, months in store.months.items() if p.startswith(f"{year}-") and p < period
              for rows in months.values() for c, s in rows.items() if s == EXITED}  # fmt: skip
    details: list[tuple] = []
    recoded: set[tuple[str, str]] = set()
    hamlets = {}
    for hamlet in HAMLETS:
        row = plan[hamlet]
        refused = (period, hamlet) in REFUSED
        figures = {"status": "ok" if hamlet in lists else "rejected" if refused else "missing",
                   "start_households": row["start_households"],
                   "start_poor": row["start_poor"], "start_near_poor": row["start_near_poor"],
                   "poor_target": row["poor_target"],
                   "near_poor_target": row["near_poor_target"]}  # fmt: skip
        hamlets[hamlet] = figures
        if hamlet not in lists:
            continue
        now = lists[hamlet]
        poor, near = list(now.values()).count(POOR), list(now.values()).count(NEAR)
        n = totals[hamlet]
        down_poor, down_near = row["start_poor"] - poor, row["start_near_poor"] - near
        figures.update(
            households=n, poor=poor, near_poor=near, poor_rate=_rate(poor, n),
            near_poor_rate=_rate(near, n),
            poor_target_met=down_poor >= row["poor_target"],
            near_poor_target_met=down_near >= row["near_poor_target"],
            poor_progress=Fraction(down_poor * 100, row["poor_target"]),
            near_poor_progress=Fraction(down_near * 100, row["near_poor_target"]),
            poor_still_to_exit=max(0, row["poor_target"] - down_poor),
            near_poor_still_to_exit=max(0, row["near_poor_target"] - down_near),
        )  # fmt: skip
        figures["movements"] = _moves(hamlet, start_lists[hamlet], now,
                                      {c: v for c, v in start.items() if v[1] in LISTED},
                                      listed_now, last_seen, ever, marked, "year", details, recoded)  # fmt: skip
    # Since last month: a table only when last month is stored; a hamlet missing then is
    # compared with its latest list of the year, else the start list (decisions, session 11).
    previous = previous_month(period)
    month_from: dict[str, str | None] = {}
    if previous in store.months:
        last = store.months[previous]
        bases = {}
        for hamlet in accepted:
            if hamlet in last:
                bases[hamlet], month_from[hamlet] = last[hamlet], None
                continue
            earlier = sorted(
                (
                    p
                    for p in store.months
                    if p.startswith(f"{year}-") and p < previous and hamlet in store.months[p]
                ),
                reverse=True,
            )
            if earlier:
                bases[hamlet], month_from[hamlet] = store.months[earlier[0]][hamlet], earlier[0]
            else:
                bases[hamlet], month_from[hamlet] = start_lists[hamlet], "plan"  # fmt: skip
        listed_before = _commune_lists({**last, **bases})
        listed_before = {c: v for c, v in listed_before.items() if v[1] in LISTED}
        for hamlet in accepted:
            hamlets[hamlet]["movements_month"] = _moves(
                hamlet, bases[hamlet], lists[hamlet], listed_before, listed_now, last_seen, ever,
                marked, "month", details, recoded)  # fmt: skip
            hamlets[hamlet]["movements_month_from"] = month_from[hamlet]
    # The commune: sums over the accepted hamlets, rates from the sums (CONTRACT §4).
    t = {k: sum(hamlets[h][k] for h in accepted)
         for k in ("households", "poor", "near_poor", "start_households", "start_poor",
                   "start_near_poor")}  # fmt: skip
    poor_target, near_target = (Fraction(x) for x in TARGETS[year])
    totals_out = dict(t, poor_target=poor_target, near_poor_target=near_target)
    for name, target in (("poor", poor_target), ("near_poor", near_target)):
        now_rate = _rate(t[name], t["households"])
        start_rate = _rate(t[f"start_{name}"], t["start_households"])
        reduction = start_rate - now_rate
        # fewest households to leave for the rate to be start − target or less, at today's size
        allowed = max(floor((start_rate - target) * t["households"] / 100), 0)
        totals_out.update({
            f"{name}_rate": now_rate, f"start_{name}_rate": start_rate,
            f"{name}_rate_reduction": reduction, f"{name}_target_met": reduction >= target,
            f"{name}_progress": reduction / target * 100,
            f"{name}_still_to_exit": max(0, t[name] - allowed),
        })  # fmt: skip
    totals_out["movements"] = _summed([hamlets[h]["movements"] for h in accepted])
    if month_from:
        totals_out["movements_month"] = _summed([hamlets[h]["movements_month"]
                                                 for h in accepted])  # fmt: skip
    return {
        "period": period,
        "complete": len(accepted) == len(HAMLETS),
        "previous_period": previous if previous in store.months else None,
        "totals": totals_out,
        "hamlets": hamlets,
        "details": _said_since(details, left_since(period, store)),
        "warnings": _warnings(details, recoded, ever, marked, start),
    }


def _said_since(details: list, since: dict[str, str]) -> list:
    """The year's 'vanished' rows of households gone without 'Thoát' in an earlier month:
    ('vanished_before', that month) (session 29)."""
    return [
        (scope, hamlet, name, ("vanished_before", since[code]), code)
        if scope == "year" and move == "vanished" and code in since
        else (scope, hamlet, name, move, code)
        for scope, hamlet, name, move, code in details
    ]


def _warnings(details, recoded, ever, marked, start) -> list[tuple[str, str, str]]:
    """(hamlet, issue code, Mã hộ) of the warnings the movements give: a household gone
    without 'Thoát' the history does not show leaving already ('vanished-household', once,
    the year's table first); a code written otherwise that is not the start list's
    ('code-changed')."""
    said = []
    for scope, hamlet, _, move, code in details:
        if move != "vanished" or code in ever or (scope == "month" and code in marked):
            continue
        if (hamlet, "vanished-household", code) not in said:
            said.append((hamlet, "vanished-household", code))
    said += [(h, "code-changed", c) for h, c in recoded if c not in start]
    return sorted(said)
