"""Consolidate: one period, one roster per hamlet, validated rows, cross-file checks.

Takes the inspected submissions and the plan; decides each file's fate
(counted, rejected, superseded, other period), validates the counted ones
and returns one commune-wide household table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.hamlets import HamletMatcher
from pipeline.normalise import rows_to_frame
from pipeline.text import clean_text, column_letter, fold, parse_whole
from pipeline.types import HOUSEHOLD_COLUMNS, Issue, Plan, Submission
from pipeline.validate import validate_rows
from schemas.columns import ROSTER_COLUMN_BY_KEY, ROSTER_REQUIRED
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
            issues.append(Issue("missing-hamlet", file=rel, sheet=info_sheet or sub.sheet))
            sub.status = "rejected"
            return
        sub.extra["hamlet_from"] = sub.extra.get("hamlet_from", "file name")
    if sub.period is None:
        raw = clean_text(sub.extra.get("period_raw"))
        issues.append(Issue("invalid-period", file=rel, sheet=info_sheet or sub.sheet,
                            cell=_info_cell(sub, "period"), value=raw, hamlet=sub.hamlet or ""))
        sub.status = "rejected"
        return
    sub.status = "valid"


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


def _check_and_validate(sub: Submission, plan: Plan, issues: list[Issue]) -> None:
    """File-level checks, then row validation; sets status, households and counts."""
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
    tables = _tables(sub)
    for sheet, header, _ in tables:
        for key in ROSTER_REQUIRED:
            if key not in header.columns:
                found.append(Issue("missing-column", file=rel, sheet=sheet, hamlet=hamlet,
                                   row=header.last_row + 1, column=ROSTER_COLUMN_BY_KEY[key].header))
        for col, text in header.unknown:
            found.append(Issue("unknown-column", file=rel, sheet=sheet, hamlet=hamlet,
                               row=header.last_row + 1, column=text,
                               cell=f"{column_letter(col)}{header.last_row + 1}"))
    total = _total_households(sub, plan, found)
    if any(i.severity == "error" for i in found):
        sub.status = "rejected"
        issues.extend(found)
        return
    standard = STANDARDS[plan.standard]
    year = int(sub.period[:4])
    parts = []
    for sheet, header, rows in tables:
        part, row_issues = validate_rows(rows_to_frame(rows), file=rel, sheet=sheet, hamlet=hamlet,
                                         columns=header.columns, report_year=year,
                                         standard=standard, area=plan.area)
        cells = [c for c in sub.extra.get("formula_cells", ()) if c[0] == sheet]
        if cells:
            row_issues = _without_values(part, row_issues, cells, rel, hamlet)
        parts.append(part)
        found.extend(row_issues)
    typed = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    listed = int((typed["valid"] & typed["phan_loai"].isin(["poor", "near_poor"])).sum())
    if total is not None and total < listed:
        found.append(Issue("total-less-than-listed", file=rel, hamlet=hamlet,
                           sheet=sub.extra.get("info_sheet") or "", cell=_info_cell(sub, "total_households"),
                           value=str(total), detail=f"{listed} hộ"))
        sub.status = "rejected"
    sub.total_households = total
    sub.households = typed
    sub.rows_read = len(typed)
    sub.rows_rejected = int((~typed["valid"]).sum())
    issues.extend(found)


def _without_values(part: pd.DataFrame, row_issues: list[Issue], cells: list[tuple], file: str,
                    hamlet: str) -> list[Issue]:
    """Formula cells with no calculated value: calamine read them as blank, so each is reported
    as what it is (not as a blank value) and its household is left out of the counts."""
    at = {cell for _, _, cell, _, _ in cells}
    kept = [i for i in row_issues if i.cell not in at]
    for sheet, row, cell, _, header in cells:
        kept.append(Issue("formula-without-value", file=file, sheet=sheet, row=row, column=header,
                          cell=cell, hamlet=hamlet))
    part.loc[part["excel_row"].isin({row for _, row, _, _, _ in cells}), "valid"] = False
    return kept


def _tables(sub: Submission) -> list[tuple]:
    """(sheet, header, rows) of each household table of a roster; most have one."""
    return sub.extra.get("tables") or [(sub.sheet, sub.extra["header"], sub.extra["rows"])]


def _total_households(sub: Submission, plan: Plan, found: list[Issue]) -> int | None:
    raw = sub.extra.get("total_raw")
    total = parse_whole(raw)
    if total is not None and total > 0:
        return total
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


def _household_key(ma_ho: str) -> str:
    return "".join(ma_ho.split()).casefold()


def _cross_file_duplicates(accepted: dict[str, Submission], issues: list[Issue]) -> None:
    """A Mã hộ used twice in the commune excludes every row that uses it."""
    places: dict[str, list[tuple[Submission, int]]] = {}
    for sub in accepted.values():
        frame = sub.households
        for position in frame.index[frame["valid"] & (frame["ma_ho"] != "")]:
            places.setdefault(_household_key(frame.at[position, "ma_ho"]), []).append((sub, position))
    for occurrences in places.values():
        if len(occurrences) < 2:
            continue
        for sub, position in occurrences:
            others = "; ".join(
                f"xóm {o.hamlet}, tệp {o.file}, dòng {int(o.households.at[p, 'excel_row'])}"
                for o, p in occurrences if (o, p) != (sub, position)
            )
            frame = sub.households
            excel_row = int(frame.at[position, "excel_row"])
            sheet = frame.at[position, "sheet"] if "sheet" in frame else sub.sheet
            header = {t[0]: t[1] for t in _tables(sub)}.get(sheet, sub.extra["header"])
            col = header.columns.get("ma_ho", (None, "Mã hộ"))
            issues.append(Issue("duplicate-household-id", file=sub.file, sheet=sheet, row=excel_row,
                                column=col[1], cell=f"{column_letter(col[0])}{excel_row}" if col[0] is not None else "",
                                value=frame.at[position, "ma_ho"], hamlet=sub.hamlet, detail=others))
            frame.at[position, "valid"] = False
    for sub in accepted.values():
        sub.rows_rejected = int((~sub.households["valid"]).sum())


def consolidate(plan: Plan, submissions: list[Submission], requested_period: str | None) -> Consolidated:
    issues: list[Issue] = []
    matcher = HamletMatcher(plan.hamlet_names)
    rosters = [s for s in submissions if s.kind == "roster" and s.status != "rejected"]
    for sub in rosters:
        _identify(sub, matcher, plan, issues)
    identified = [s for s in rosters if s.status != "rejected"]
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
    for hamlet in plan.hamlet_names:
        sub = winners.get(hamlet)
        if sub is None:
            continue
        _check_and_validate(sub, plan, issues)
        (rejected if sub.status == "rejected" else accepted)[hamlet] = sub
    _cross_file_duplicates(accepted, issues)
    warned = {i.file for i in issues if i.severity == "warning"}
    errored = {i.file for i in issues if i.severity == "error"}
    for sub in accepted.values():
        sub.status = "warnings" if (sub.file in warned or sub.file in errored) else "valid"
    frames = [accepted[h].households for h in plan.hamlet_names if h in accepted]
    households = pd.concat(frames, ignore_index=True) if frames else _empty_households()
    return Consolidated(period, accepted, rejected, households[list(HOUSEHOLD_COLUMNS)], issues)
