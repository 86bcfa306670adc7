"""The plan workbook (CONTRACT §3): commune facts, hamlet targets, start-of-year list."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from pipeline.normalise import rows_to_frame
from pipeline.read import Workbook, find_header, read_key_values, table_rows
from pipeline.text import clean_text, fold, parse_number, parse_whole
from pipeline.types import Issue, Plan
from pipeline.validate import Part, validate_parts
from schemas.columns import (
    AREA_VALUES,
    PLAN_INFO_LABELS,
    PLAN_INFO_SHEET,
    PLAN_START_LIST_SHEET,
    PLAN_TARGET_COLUMNS,
    PLAN_TARGETS_SHEET,
    ROSTER_KEYS,
    SIGNATURE_MARKERS,
    START_LIST_COLUMNS,
    TOTAL_MARKERS,
    Column,
)
from schemas.models import PLAN_TARGETS_SCHEMA
from schemas.standards import DEFAULT_STANDARD, STANDARDS

TARGET_COLUMNS = tuple(
    Column(key, header, aliases, required=True) for key, (header, aliases) in PLAN_TARGET_COLUMNS.items()
)


class PlanError(Exception):
    """The plan cannot be used; the run stops (exit 2) with this one-line reason."""


def load_plan(book: Workbook, rel: str) -> tuple[Plan, list[Issue]]:
    issues: list[Issue] = []
    info_sheet = book.find_sheet(PLAN_INFO_SHEET)
    info = read_key_values(book.grid(info_sheet), PLAN_INFO_LABELS)
    value = lambda key: info.get(key, (None, 0))[0]  # noqa: E731

    commune = clean_text(value("commune"))
    plan_year = parse_whole(value("plan_year"))
    if not commune:
        raise PlanError(f"{rel}: ô 'Xã' trong trang '{info_sheet}' đang trống.")
    if plan_year is None or not 2000 <= plan_year <= 2100:
        raise PlanError(f"{rel}: 'Năm kế hoạch' không hợp lệ ({clean_text(value('plan_year'))!r}).")
    area = {fold(k): v for k, v in AREA_VALUES.items()}.get(fold(value("area")), "rural")
    standard = clean_text(value("standard")).replace(" ", "").replace("–", "-") or DEFAULT_STANDARD
    if standard not in STANDARDS:
        issues.append(Issue("plan-invalid", file=rel, sheet=info_sheet,
                            detail=f"chuẩn nghèo '{standard}' chưa có; dùng {DEFAULT_STANDARD}."))
        standard = DEFAULT_STANDARD
    targets = {}
    for key in ("poor_target", "near_poor_target"):
        number = parse_number(value(key))
        if number is None or number < 0:
            issues.append(Issue("plan-invalid", file=rel, sheet=info_sheet,
                                value=clean_text(value(key)),
                                detail=f"'{PLAN_INFO_LABELS[key][0]}' không phải số; coi là 0."))
            number = 0.0
        targets[key] = float(number)

    hamlets = _hamlet_targets(book, rel, issues)
    plan = Plan(
        file=rel,
        province=clean_text(value("province")),
        commune=commune,
        plan_year=plan_year,
        area=area,
        standard=standard,
        poor_target=targets["poor_target"],
        near_poor_target=targets["near_poor_target"],
        recipient=clean_text(value("recipient")),
        reporter=clean_text(value("reporter")),
        chairman=clean_text(value("chairman")),
        hamlets=hamlets,
    )
    plan.start_list = _start_list(book, rel, plan, issues)
    return plan, issues


def _hamlet_targets(book: Workbook, rel: str, issues: list[Issue]) -> pd.DataFrame:
    sheet = book.find_sheet(PLAN_TARGETS_SHEET)
    if sheet is None:
        raise PlanError(f"{rel}: không có trang '{PLAN_TARGETS_SHEET}' (chỉ tiêu theo xóm).")
    grid = book.grid(sheet)
    header = find_header(grid, TARGET_COLUMNS)
    if header is None or "hamlet" not in header.columns:
        raise PlanError(f"{rel}: trang '{sheet}' không có dòng tiêu đề 'Xóm | Tổng số hộ đầu năm | …'.")
    rows = table_rows(grid, header, ("hamlet",), SIGNATURE_MARKERS, TOTAL_MARKERS)
    records = []
    for row in rows:
        record = {"hamlet": clean_text(row.values.get("hamlet")) or None, "excel_row": row.excel_row}
        for key in PLAN_TARGET_COLUMNS:
            if key != "hamlet":
                raw = row.values.get(key)
                number = parse_whole(raw)
                record[key] = number if number is not None else clean_text(raw) or None
        records.append(record)
    frame = pd.DataFrame(records, columns=["hamlet", *list(PLAN_TARGET_COLUMNS)[1:], "excel_row"], dtype=object)
    bad: set[int] = set()
    try:
        PLAN_TARGETS_SCHEMA.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        for column, position in zip(errors.failure_cases["column"], errors.failure_cases["index"], strict=True):
            if position is None or pd.isna(position):
                continue
            position = int(position)
            bad.add(position)
            issues.append(Issue(
                "plan-invalid", file=rel, sheet=sheet, row=int(frame.at[position, "excel_row"]),
                column=PLAN_TARGET_COLUMNS[column][0], value=clean_text(frame.at[position, column]),
                detail=f"dòng {int(frame.at[position, 'excel_row'])}, cột '{PLAN_TARGET_COLUMNS[column][0]}' "
                       "phải là số nguyên không âm (tên xóm không trùng); xóm này bị bỏ qua.",
            ))
    frame = frame.drop(index=sorted(bad)).reset_index(drop=True)
    if frame.empty:
        raise PlanError(f"{rel}: trang '{sheet}' không có xóm hợp lệ nào.")
    for key in list(PLAN_TARGET_COLUMNS)[1:]:
        frame[key] = frame[key].astype(int)
    frame["hamlet"] = frame["hamlet"].astype(str)
    return frame.drop(columns="excel_row")


def _start_list(book: Workbook, rel: str, plan: Plan, issues: list[Issue]) -> pd.DataFrame | None:
    sheet = book.find_sheet(PLAN_START_LIST_SHEET)
    if sheet is None:
        return None
    grid = book.grid(sheet)
    header = find_header(grid, START_LIST_COLUMNS)
    if header is None:
        issues.append(Issue("plan-invalid", file=rel, sheet=sheet,
                            detail=f"trang '{sheet}' không có dòng tiêu đề như mẫu; bỏ qua danh sách đầu năm."))
        return None
    from pipeline.hamlets import HamletMatcher  # local: avoids a cycle at import time

    matcher = HamletMatcher(plan.hamlet_names)
    rows = table_rows(grid, header, ("ma_ho", "chu_ho", "phan_loai"), SIGNATURE_MARKERS, TOTAL_MARKERS)
    frame = rows_to_frame(rows, (*ROSTER_KEYS, "hamlet"))
    standard = STANDARDS[plan.standard]
    parts = []
    for raw_hamlet, part in frame.groupby(frame["hamlet"].map(lambda v: clean_text(v)), sort=False):
        hamlet = matcher.match(raw_hamlet)
        if hamlet is None:
            issues.append(Issue("unknown-hamlet", file=rel, sheet=sheet, column="Xóm", value=raw_hamlet,
                                row=int(part["excel_row"].iloc[0]),
                                detail=", ".join(plan.hamlet_names)))
            continue
        parts.append(Part(part.drop(columns="hamlet").reset_index(drop=True), rel, sheet, hamlet,
                          header.columns))
    # One validation for the whole list: a province's start list has hundreds of thousands of rows.
    validated = validate_parts(parts, report_year=plan.plan_year - 1, standard=standard,
                               area=plan.area)
    issues.extend(i for _, found in validated for i in found if i.severity == "error")
    parts = [typed for typed, _ in validated]
    if not parts:
        return None
    start = pd.concat(parts, ignore_index=True)
    return start[start["valid"]].reset_index(drop=True)
