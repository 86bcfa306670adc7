"""Figures (CONTRACT §4): rates, reductions, targets, movements, deprivations. Pure, no I/O.

Commune figures are sums over the accepted hamlets with rates recomputed
from the sums, never averages of hamlet rates.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from pipeline.text import fold
from schemas.columns import INDICATOR_KEYS, TARGET_GROUP_ALIASES, TARGET_GROUPS

# How many decimals of a rate-point reduction count when comparing with a target,
# so that 5.60 − 4.08 = 1.5199999999999996 meets a 1.52 target.
_COMPARE_DECIMALS = 9

POOR_MOVES = ("start", "to_near_poor", "exited", "from_near_poor", "new", "returned", "end")
NEAR_POOR_MOVES = ("start", "to_poor", "exited", "from_poor", "new", "returned", "end")


def rate(count: int, households: int) -> float:
    """Percentage of all resident households (0 when there are none)."""
    return count / households * 100 if households else 0.0


def reached(achieved: float, target: float) -> bool:
    return round(achieved, _COMPARE_DECIMALS) >= round(target, _COMPARE_DECIMALS)


def progress(achieved: float, target: float) -> float | None:
    return achieved / target * 100 if target else None


def still_to_exit(start_count: int, count: int, target: int) -> int:
    """Households that must still leave a hamlet's list to meet its household target."""
    return max(0, target - (start_count - count))


def still_to_exit_for_rate(
    start_rate: float, households: int, count: int, target_points: float
) -> int:
    """Households that must still leave a list for the rate to fall by ``target_points``."""
    allowed = math.floor(round((start_rate - target_points) / 100 * households, _COMPARE_DECIMALS))
    return max(0, count - max(allowed, 0))


def household_key(row) -> tuple:
    """Households are matched by Mã hộ; without one, by (hamlet, head's name, birth year)."""
    if row["ma_ho"]:
        return ("id", "".join(str(row["ma_ho"]).split()).casefold())
    birth = row["nam_sinh"]
    return ("name", row["hamlet"], fold(row["chu_ho"]), None if pd.isna(birth) else int(birth))


def key_of(row) -> str:
    """The household's matching key as text (as the history store keeps it)."""
    if "hh_key" in row and isinstance(row["hh_key"], str):
        return row["hh_key"]
    return "|".join("" if part is None else str(part) for part in household_key(row))


def deprivations(current: pd.DataFrame) -> dict:
    """Per indicator, the number of current poor and near-poor households deprived in it."""
    out = {}
    for status in ("poor", "near_poor"):
        rows = current[current["phan_loai"] == status]
        out[status] = {key: int(rows[key].sum()) for key in INDICATOR_KEYS}
    return out


# Subgroups of the poor and near-poor lists reported with their own rates (DOMAIN §3.4, §3.5).
SUBGROUPS = ("ethnic_minority", "no_labour_capacity", "social_protection", "female_head")
_GROUP_KEYS = {
    **{fold(key): key for key in TARGET_GROUPS},
    **{fold(label): key for key, label in TARGET_GROUPS.items()},
    **{fold(alias): key for alias, key in TARGET_GROUP_ALIASES.items()},
}


def target_groups_of(text) -> set[str]:
    """The target-group keys (BTXH, NCC, KKNLĐ) named in a 'Nhóm đối tượng' cell."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return set()
    parts = re.split(r"[,;/+]", str(text))
    return {_GROUP_KEYS[f] for f in (fold(p) for p in parts) if f in _GROUP_KEYS}


def is_ethnic_minority(dan_toc) -> bool:
    """Dân tộc thiểu số: an ethnicity is written and it is not Kinh."""
    folded = "" if dan_toc is None or pd.isna(dan_toc) else fold(dan_toc)
    return folded not in ("", "kinh")


def is_female(gioi_tinh) -> bool:
    return gioi_tinh is not None and not pd.isna(gioi_tinh) and fold(gioi_tinh) == "nu"


def subgroups(current: pd.DataFrame) -> dict:
    """Per subgroup, how many of the current poor and near-poor households belong to it.

    ``current``: valid rows (exited rows count on neither list). Subgroups:
    ethnic minority (Dân tộc not Kinh and not blank), no labour capacity
    (KKNLĐ in Nhóm đối tượng), social protection (BTXH), female head (Giới tính Nữ).
    A household may belong to several.
    """
    groups = current["doi_tuong"].map(target_groups_of)
    member = {
        "ethnic_minority": current["dan_toc"].map(is_ethnic_minority),
        "no_labour_capacity": groups.map(lambda g: "KKNLĐ" in g),
        "social_protection": groups.map(lambda g: "BTXH" in g),
        "female_head": current["gioi_tinh"].map(is_female),
    }
    out = {}
    for name in SUBGROUPS:
        flags = member[name].astype(bool)
        out[name] = {
            status: int((flags & (current["phan_loai"] == status)).sum())
            for status in ("poor", "near_poor")
        }
    return out


def movements(
    start: pd.DataFrame, current: pd.DataFrame, returned_keys: set[str] | frozenset = frozenset()
) -> tuple[dict, list[dict]]:
    """Movements between a baseline and now, for one hamlet (or any set of households).

    ``start``: the baseline list (the start-of-year list or an earlier
    period; rows with status poor/near_poor count); ``current``: this
    period's valid rows (poor, near_poor, exited); ``returned_keys``: keys of
    households that had left the lists earlier in the history (a new
    household among them has returned, tái nghèo). Returns the counts and
    the households behind them. The identity
    ``start − to_other − exited + from_other + new = end`` holds by construction.
    """
    start_status = {
        key_of(r): (r["phan_loai"], r)
        for r in start.to_dict("records")
        if r["phan_loai"] in ("poor", "near_poor")
    }
    now_status = {key_of(r): (r["phan_loai"], r) for r in current.to_dict("records")}
    poor = dict.fromkeys(POOR_MOVES, 0)
    near = dict.fromkeys(NEAR_POOR_MOVES, 0)
    details: list[dict] = []

    def note(row, list_name, move, before, after):
        details.append({"hamlet": row["hamlet"], "ma_ho": row["ma_ho"], "chu_ho": row["chu_ho"],
                        "list": list_name, "movement": move, "start_status": before,
                        "current_status": after})

    for key, (before, row) in start_status.items():
        after = now_status.get(key, (None, None))[0] or "absent"
        own, other = (poor, "near_poor") if before == "poor" else (near, "poor")
        own["start"] += 1
        if after == before:
            continue
        if after == other:
            own["to_near_poor" if before == "poor" else "to_poor"] += 1
            note(row, before, "to_near_poor" if before == "poor" else "to_poor", before, after)
            # the same household arrives on the other list
            (near if before == "poor" else poor)["from_poor" if before == "poor" else "from_near_poor"] += 1
            note(row, other, "from_poor" if before == "poor" else "from_near_poor", before, after)
        else:
            own["exited"] += 1
            note(row, before, "exited" if after == "exited" else "vanished", before, after)
    for key, (after, row) in now_status.items():
        if key in start_status or after not in ("poor", "near_poor"):
            continue
        counts = poor if after == "poor" else near
        counts["new"] += 1
        if key in returned_keys:
            counts["returned"] += 1
            note(row, after, "returned", None, after)
        else:
            note(row, after, "new", None, after)
    poor["end"] = int((current["phan_loai"] == "poor").sum())
    near["end"] = int((current["phan_loai"] == "near_poor").sum())
    for counts, to_other, from_other in ((poor, "to_near_poor", "from_near_poor"),
                                         (near, "to_poor", "from_poor")):
        balance = (counts["start"] - counts[to_other] - counts["exited"]
                   + counts[from_other] + counts["new"])
        if balance != counts["end"]:  # a household counted twice: a bug, never an input problem
            raise AssertionError(f"movement identity broken: {counts}")
    return {"poor": poor, "near_poor": near}, details


def hamlet_figures(target: dict, households: int, current: pd.DataFrame,
                   moves: dict | None) -> dict:
    """Figures of one accepted hamlet. ``target``: its plan row; ``current``: its valid rows."""
    poor = int((current["phan_loai"] == "poor").sum())
    near_poor = int((current["phan_loai"] == "near_poor").sum())
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
            "deprivations": deprivations(current),
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
        "households": households, "poor": poor, "near_poor": near_poor,
        "poor_rate": poor_rate, "near_poor_rate": near_rate,
        "multidim_rate": poor_rate + near_rate if present else None,
        "start_households": start_households, "start_poor": start_poor,
        "start_near_poor": start_near,
        "start_poor_rate": start_poor_rate, "start_near_poor_rate": start_near_rate,
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
            "movements": sum_nested([f["movements"] for f in accepted]),
            "deprivations": sum_nested([f["deprivations"] for f in accepted]),
        }
    )
    return figures
