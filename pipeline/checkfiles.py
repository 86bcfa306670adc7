"""`giamngheo check`: validate files one by one, without a plan or consolidation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.consolidate import _cross_file_duplicates, _tables, _unread_info, future_period_issue
from pipeline.discover import inspect_file
from pipeline.normalise import rows_to_frame
from pipeline.plan import PlanError, load_plan
from pipeline.text import clean_text, parse_whole
from pipeline.types import Issue
from pipeline.validate import validate_rows
from schemas.columns import ROSTER_COLUMN_BY_KEY, ROSTER_REQUIRED
from schemas.standards import DEFAULT_STANDARD, STANDARDS


def check_files(paths: list[Path], lang: str = "vi") -> list[Issue]:
    issues: list[Issue] = []
    accepted = {}
    for path in paths:
        if not path.exists():
            issues.append(Issue("file-unreadable", file=str(path), detail="không có tệp này"))
            continue
        sub, found, book = inspect_file(path, path.name)
        issues.extend(found)
        if sub.kind == "plan":
            try:
                _, plan_issues = load_plan(book, sub.file)
                issues.extend(plan_issues)
            except PlanError as err:
                issues.append(Issue("plan-invalid", file=sub.file, detail=str(err)))
            continue
        if sub.kind != "roster" or sub.status == "rejected":
            continue
        if sub.period is None:
            issues.append(_unread_info(sub, "period") or Issue(
                "invalid-period", file=sub.file, value=clean_text(sub.extra.get("period_raw"))))
        elif sub.period > (now := date.today().strftime("%Y-%m")):
            issues.append(future_period_issue(sub, now))
        total = parse_whole(sub.extra.get("total_raw"))
        unread = _unread_info(sub, "total_households")
        if unread is not None:
            issues.append(unread)
        elif sub.extra.get("info_sheet") and (total is None or total <= 0):
            issues.append(Issue("invalid-total-households", file=sub.file,
                                value=clean_text(sub.extra.get("total_raw"))))
        year = int(sub.period[:4]) if sub.period else date.today().year
        pieces = []
        for sheet, header, rows in _tables(sub):  # a list may go on in other sheets, as in a run
            for key in ROSTER_REQUIRED:
                if key not in header.columns:
                    issues.append(Issue("missing-column", file=sub.file, sheet=sheet,
                                        column=ROSTER_COLUMN_BY_KEY[key].header))
            typed, row_issues = validate_rows(
                rows_to_frame(rows), file=sub.file, sheet=sheet,
                hamlet=sub.hamlet_raw, columns=header.columns, report_year=year,
                standard=STANDARDS[DEFAULT_STANDARD], area="rural",
            )
            issues.extend(row_issues)
            pieces.append(typed.assign(sheet=sheet))
        sub.households = pd.concat(pieces, ignore_index=True)
        sub.hamlet = sub.hamlet_raw or sub.file
        accepted[sub.file] = sub
    _cross_file_duplicates(accepted, issues)
    return sorted(issues, key=Issue.sort_key)
