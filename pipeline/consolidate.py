"""Consolidate: one period, one roster per hamlet, validated rows, cross-file checks.

Takes the inspected submissions and the plan; decides each file's fate
(counted, rejected, superseded, other period), validates the counted ones
and returns one commune-wide household table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from pandas._libs import lib

from pipeline.figures import id_key
from pipeline.hamlets import HamletMatcher
from pipeline.normalise import table_columns
from pipeline.text import clean_text, column_letter, fold, parse_whole
from pipeline.types import HOUSEHOLD_COLUMNS, Issue, Plan, Submission
from pipeline.validate import Part, validate_table
from schemas.columns import ROSTER_COLUMN_BY_KEY, ROSTER_INFO_LABELS, ROSTER_REQUIRED
from schemas.standards import STANDARDS


@dataclass
class Consolidated:
    period: str | None
    accepted: dict[str, Submission]  # hamlet -> the counted submission
    rejected: dict[str, Submission]  # hamlet -> the newest submission, rejected
    households: pd.DataFrame  # HOUSEHOLD_COLUMNS, all rows of accepted submissions
    issues: list[Issue] = field(default_factory=list)


def _empty_households() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in HOUSEHOLD_COLUMNS})


def choose_period(rosters: list[Submission], requested: str | None) -> str | None:
    if requested:
        return requested
    periods = [s.period for s in rosters if s.period]
    return max(periods) if periods else None


def _identify(sub: Submission, matcher: HamletMatcher, plan: Plan, issues: list[Issue]) -> None:
    """Hamlet and period of a roster; missing or unknown ones reject it."""
    rel = sub.file
    info_sheet = sub.extra.get("info_sheet")
    if sub.hamlet_raw:
        sub.hamlet = matcher.match(sub.hamlet_raw)
        if sub.hamlet is None and sub.extra.get("hamlet_from") == "title":
            # What follows "XÓM" in a title may run on into other words: look for a
            # plan hamlet anywhere in the title, then in the file name.
            sub.hamlet = matcher.find_in(sub.extra.get("title", "")) or matcher.find_in(
                Path(rel).stem
            )
        if sub.hamlet is None:
            issues.append(Issue("unknown-hamlet", file=rel, sheet=info_sheet or sub.sheet,
                                cell=_info_cell(sub, "hamlet"), value=sub.hamlet_raw,
                                detail=", ".join(plan.hamlet_names)))
            sub.status = "rejected"
            return
    else:
        sub.hamlet = matcher.find_in(sub.extra.get("title", "")) or matcher.find_in(Path(rel).stem)
        if sub.hamlet is None:
            issues.append(_unread_info(sub, "hamlet")
                          or Issue("missing-hamlet", file=rel, sheet=info_sheet or sub.sheet))
            sub.status = "rejected"
            return
        sub.extra["hamlet_from"] = sub.extra.get("hamlet_from", "file name")
    if sub.period is None:
        raw = clean_text(sub.extra.get("period_raw"))
        issues.append(_unread_info(sub, "period")
                      or Issue("invalid-period", file=rel, sheet=info_sheet or sub.sheet,
                               cell=_info_cell(sub, "period"), value=raw, hamlet=sub.hamlet or ""))
        sub.status = "rejected"
        return
    sub.status = "valid"


def _unread_info(sub: Submission, key: str) -> Issue | None:
    """The issue for a 'Thông tin' value held by a formula without a calculated value."""
    cell = sub.extra.get("info_formulas", {}).get(key)
    if not cell:
        return None
    return Issue("info-formula-without-value", file=sub.file, hamlet=sub.hamlet or "",
                 sheet=sub.extra.get("info_sheet") or "", cell=cell,
                 column=ROSTER_INFO_LABELS[key][0])


def _info_cell(sub: Submission, key: str) -> str:
    """The cell of a 'Thông tin' value as read ('B3'; 'C5' or 'A2' in other layouts)."""
    cell = sub.extra.get("info_cells", {}).get(key)
    if cell:
        return cell
    row = sub.extra.get("info_rows", {}).get(key)
    return f"B{row}" if row else ""


def _resolve_duplicates(subs: list[Submission], issues: list[Issue]) -> dict[str, Submission]:
    """Newest submission per hamlet wins (Ngày lập, then file time); the rest are superseded."""
    by_hamlet: dict[str, list[Submission]] = {}
    for sub in subs:
        by_hamlet.setdefault(sub.hamlet, []).append(sub)
    winners = {}
    for hamlet, group in by_hamlet.items():
        group.sort(key=lambda s: (s.prepared_on or date.min, s.mtime, s.file), reverse=True)
        winners[hamlet] = group[0]
        for older in group[1:]:
            older.status = "superseded"
            issues.append(Issue("superseded", file=older.file, hamlet=hamlet, detail=group[0].file))
    return winners


def _check_file(sub: Submission, plan: Plan) -> tuple[list[Issue], int | None]:
    """File-level checks of a roster (its info, its header); an error rejects the file."""
    rel, hamlet = sub.file, sub.hamlet
    found: list[Issue] = []
    if not sub.extra.get("info_sheet"):
        # Said only for the period consolidated: last month's files are not the officer's concern.
        found.append(Issue("missing-info-sheet", file=rel, hamlet=hamlet,
                           detail=f"xóm '{hamlet}' và kỳ {sub.period} từ tiêu đề/tên tệp, "
                                  "tổng số hộ dân cư từ kế hoạch đầu năm"))
    if sub.commune_raw and fold(sub.commune_raw).removeprefix("xa ") != fold(plan.commune).removeprefix("xa "):
        found.append(Issue("commune-mismatch", file=rel, hamlet=hamlet, sheet=sub.extra.get("info_sheet") or "",
                           cell=_info_cell(sub, "commune"), value=sub.commune_raw, detail=plan.commune))
    for sheet, header, _ in _tables(sub):
        for key in ROSTER_REQUIRED:
            if key not in header.columns:
                found.append(Issue("missing-column", file=rel, sheet=sheet, hamlet=hamlet,
                                   row=header.last_row + 1, column=ROSTER_COLUMN_BY_KEY[key].header))
        for col, text in header.unknown:
            found.append(Issue("unknown-column", file=rel, sheet=sheet, hamlet=hamlet,
                               row=header.last_row + 1, column=text,
                               cell=f"{column_letter(col)}{header.last_row + 1}"))
    total = _total_households(sub, plan, found)
    return found, total


def _check_and_validate(subs: list[Submission], plan: Plan, issues: list[Issue]) -> pd.DataFrame:
    """File-level checks, then the rows of every file that passed them validated in one pass;
    sets each file's status and counts. Returns the typed rows of the files accepted."""
    checked: list[tuple[Submission, list[Issue], int | None]] = []
    parts: list[Part] = []
    part_sub: list[int] = []  # part -> index in ``checked``
    for sub in subs:
        found, total = _check_file(sub, plan)
        checked.append((sub, found, total))
        if any(i.severity == "error" for i in found):
            continue
        for sheet, header, rows in _tables(sub):
            parts.append(Part(table_columns(rows), sub.file, sheet, sub.hamlet, header.columns))
            part_sub.append(len(checked) - 1)
    if not parts:
        for sub, found, _ in checked:
            sub.status = "rejected"
            issues.extend(found)
        return _empty_households()
    # Every counted file is of the period consolidated, so of one report year.
    year = int(subs[part_sub[0]].period[:4])
    done = validate_table(parts, report_year=year, standard=STANDARDS[plan.standard], area=plan.area)
    typed = done.typed
    valid = typed["valid"].to_numpy().copy()
    starts = np.concatenate([[0], np.cumsum(done.sizes)])
    row_issues = done.issues
    for index, part in enumerate(parts):
        sub = checked[part_sub[index]][0]
        cells = [c for c in sub.extra.get("formula_cells", ()) if c[0] == part.sheet]
        if cells:
            row_issues[index] = _without_values(row_issues[index], cells, sub.file, sub.hamlet)
            rows = {row for _, row, _, _, _ in cells}
            start, stop = starts[index], starts[index + 1]
            excel_rows = typed["excel_row"].to_numpy()[start:stop]
            valid[start:stop] &= ~np.isin(excel_rows, list(rows))
    sub_of_part = np.array(part_sub)
    sub_of_row = sub_of_part[done.owner] if len(done.owner) else np.zeros(0, dtype=int)
    counted = valid & typed["phan_loai"].isin(["poor", "near_poor"]).to_numpy()
    listed = np.bincount(sub_of_row, weights=counted, minlength=len(checked))
    read = np.bincount(sub_of_row, minlength=len(checked))
    rejected_rows = np.bincount(sub_of_row, weights=~valid, minlength=len(checked))
    parts_of: dict[int, list[int]] = {}
    for index, position in enumerate(part_sub):
        parts_of.setdefault(position, []).append(index)
    accepted = np.zeros(len(checked), dtype=bool)
    for position, (sub, found, total) in enumerate(checked):
        if position not in parts_of:
            sub.status = "rejected"
            issues.extend(found)
            continue
        for index in parts_of[position]:
            found.extend(row_issues[index])
        if total is not None and total < int(listed[position]):
            found.append(Issue("total-less-than-listed", file=sub.file, hamlet=sub.hamlet,
                               sheet=sub.extra.get("info_sheet") or "",
                               cell=_info_cell(sub, "total_households"),
                               value=str(total), detail=f"{int(listed[position])} hộ"))
            sub.status = "rejected"
        else:
            accepted[position] = True
        sub.total_households = total
        sub.rows_read = int(read[position])
        sub.rows_rejected = int(rejected_rows[position])
        issues.extend(found)
    typed["valid"] = valid
    keep = accepted[sub_of_row]
    households = typed[keep].reset_index(drop=True) if not keep.all() else typed
    owners = [checked[p][0] for p in sub_of_row[keep].tolist()] if len(households) else []
    _duplicates_in(households, owners.__getitem__, issues)
    valid = households["valid"].to_numpy()
    for position in np.flatnonzero(accepted):
        sub = checked[position][0]
        sub.rows_rejected = 0
    for sub, ok in zip(owners, valid.tolist(), strict=True):
        if not ok:
            sub.rows_rejected += 1
    return households


def _without_values(row_issues: list[Issue], cells: list[tuple], file: str,
                    hamlet: str) -> list[Issue]:
    """Formula cells with no calculated value: calamine read them as blank, so each is reported
    as what it is (not as a blank value) and its household is left out of the counts."""
    at = {cell for _, _, cell, _, _ in cells}
    kept = [i for i in row_issues if i.cell not in at]
    for sheet, row, cell, _, header in cells:
        kept.append(Issue("formula-without-value", file=file, sheet=sheet, row=row, column=header,
                          cell=cell, hamlet=hamlet))
    return kept


def _tables(sub: Submission) -> list[tuple]:
    """(sheet, header, rows) of each household table of a roster; most have one."""
    return sub.extra.get("tables") or [(sub.sheet, sub.extra["header"], sub.extra["rows"])]


def _total_households(sub: Submission, plan: Plan, found: list[Issue]) -> int | None:
    raw = sub.extra.get("total_raw")
    total = parse_whole(raw)
    if total is not None and total > 0:
        return total
    unread = _unread_info(sub, "total_households")
    if unread is not None:  # a total there, but not readable: not replaced by the plan's
        found.append(unread)
        return None
    if not sub.extra.get("info_sheet") or raw is None:
        start = plan.hamlets.loc[plan.hamlets["hamlet"] == sub.hamlet, "start_households"]
        if not start.empty:
            if sub.extra.get("info_sheet"):
                found.append(Issue("missing-info-sheet", file=sub.file, hamlet=sub.hamlet,
                                   detail="tổng số hộ dân cư từ kế hoạch đầu năm (ô 'Tổng số hộ dân cư' trống)"))
            return int(start.iloc[0])
    found.append(Issue("invalid-total-households", file=sub.file, hamlet=sub.hamlet,
                       sheet=sub.extra.get("info_sheet") or "", cell=_info_cell(sub, "total_households"),
                       value=clean_text(raw)))
    return None


def _duplicates_in(frame: pd.DataFrame, sub_at, issues: list[Issue]) -> None:
    """A Mã hộ used twice in the commune excludes every row that uses it (``frame`` is the
    commune's rows, ``sub_at(position)`` the submission of a row)."""
    if frame.empty:
        return
    ma_ho = frame["ma_ho"].to_numpy()
    candidates = np.flatnonzero(frame["valid"].to_numpy() & (ma_ho != ""))
    if not len(candidates):
        return
    keys = pd.Series(lib.map_infer(ma_ho[candidates], id_key, convert=False))
    twice = keys.duplicated(keep=False).to_numpy()
    if not twice.any():
        return
    places: dict[str, list[int]] = {}
    for key, position in zip(keys[twice].tolist(), candidates[twice].tolist(), strict=True):
        places.setdefault(key, []).append(position)
    excel_rows = frame["excel_row"].to_numpy()
    sheets = frame["sheet"].to_numpy()
    valid = frame["valid"].to_numpy().copy()
    for occurrences in places.values():
        for position in occurrences:
            sub = sub_at(position)
            others = "; ".join(
                f"xóm {sub_at(p).hamlet}, tệp {sub_at(p).file}, dòng {int(excel_rows[p])}"
                for p in occurrences if p != position
            )
            excel_row = int(excel_rows[position])
            sheet = sheets[position]
            header = {t[0]: t[1] for t in _tables(sub)}.get(sheet, sub.extra["header"])
            col = header.columns.get("ma_ho", (None, "Mã hộ"))
            issues.append(Issue("duplicate-household-id", file=sub.file, sheet=sheet, row=excel_row,
                                column=col[1], cell=f"{column_letter(col[0])}{excel_row}" if col[0] is not None else "",
                                value=ma_ho[position], hamlet=sub.hamlet, detail=others))
            valid[position] = False
    frame["valid"] = valid


def _cross_file_duplicates(accepted: dict[str, Submission], issues: list[Issue]) -> None:
    """:func:`_duplicates_in` over submissions that each hold their typed rows."""
    subs = [sub for sub in accepted.values() if sub.households is not None]
    if not subs:
        return
    frames = []
    owners: list[Submission] = []
    for sub in subs:
        frame = sub.households
        if "sheet" not in frame:
            frame = frame.assign(sheet=sub.sheet)
        frames.append(frame[["ma_ho", "excel_row", "sheet", "valid"]])
        owners.extend([sub] * len(frame))
    whole = pd.concat(frames, ignore_index=True)
    _duplicates_in(whole, owners.__getitem__, issues)
    valid = whole["valid"].to_numpy()
    start = 0
    for sub in subs:
        size = len(sub.households)
        sub.households["valid"] = valid[start:start + size]
        sub.rows_rejected = int((~sub.households["valid"]).sum())
        start += size


def _month(period: str) -> str:
    return f"{period[5:]}/{period[:4]}"


def future_period_issue(sub: Submission, now: str) -> Issue:
    """A roster's period after the current month ``now`` ('YYYY-MM'), at its cell."""
    return Issue("future-period", file=sub.file, hamlet=sub.hamlet or "",
                 sheet=sub.extra.get("info_sheet") or sub.sheet, cell=_info_cell(sub, "period"),
                 value=_month(sub.period), column=ROSTER_INFO_LABELS["period"][0],
                 detail=_month(now))


def _refuse_future(rosters: list[Submission], requested: str | None, today: date | None,
                   issues: list[Issue]) -> list[Submission]:
    """Rosters dated after the current month are refused: one mistyped year ('05/2025' in
    May 2024) would otherwise become "the latest period" and take the whole run with it
    (docs/decisions.md). A period the officer asks for by name is taken as asked."""
    now = (today or date.today()).strftime("%Y-%m")
    future = [s for s in rosters if s.period and s.period > now and s.period != requested]
    for sub in future:
        issues.append(future_period_issue(sub, now))
        sub.status = "rejected"
        sub.extra["future_period"] = True
    return future


def consolidate(plan: Plan, submissions: list[Submission], requested_period: str | None,
                today: date | None = None) -> Consolidated:
    """``today``: the date the run is made (periods after its month are refused)."""
    issues: list[Issue] = []
    matcher = HamletMatcher(plan.hamlet_names)
    rosters = [s for s in submissions if s.kind == "roster" and s.status != "rejected"]
    for sub in rosters:
        _identify(sub, matcher, plan, issues)
    identified = [s for s in rosters if s.status != "rejected"]
    future = _refuse_future(identified, requested_period, today, issues)
    identified = [s for s in identified if s.status != "rejected"]
    period = choose_period(identified, requested_period)
    current = []
    for sub in identified:
        if sub.period != period:
            # Listed as "khác kỳ" on the submission sheet; not a problem of the file.
            sub.status = "other_period"
        else:
            current.append(sub)
    winners = _resolve_duplicates(current, issues)
    accepted: dict[str, Submission] = {}
    rejected: dict[str, Submission] = {}
    chosen = [winners[hamlet] for hamlet in plan.hamlet_names if hamlet in winners]
    households = _check_and_validate(chosen, plan, issues)
    for sub in chosen:
        (rejected if sub.status == "rejected" else accepted)[sub.hamlet] = sub
    sent = set(accepted) | set(rejected)
    for sub in sorted(future, key=lambda s: (s.prepared_on or date.min, s.mtime, s.file)):
        if sub.hamlet not in sent:  # the hamlet sent it, and nothing else for the period
            rejected[sub.hamlet] = sub
    warned = {i.file for i in issues if i.severity == "warning"}
    errored = {i.file for i in issues if i.severity == "error"}
    for sub in accepted.values():
        sub.status = "warnings" if (sub.file in warned or sub.file in errored) else "valid"
    return Consolidated(period, accepted, rejected, households[list(HOUSEHOLD_COLUMNS)], issues)
