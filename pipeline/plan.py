"""The plan workbook (CONTRACT §3): commune facts, hamlet targets, start-of-year list."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.messages import Message
from pipeline.normalise import table_columns
from pipeline.read import Workbook, find_header, read_key_values, table_rows
from pipeline.text import clean_text, fold, parse_number, parse_whole
from pipeline.types import Issue, Plan
from pipeline.validate import Part, validate_table
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
from schemas.standards import (
    STANDARDS,
    YEAR_DEPENDENT_NAMES,
    standard_for_year,
)

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
        raise PlanError(Message(f"{rel}: ô 'Xã' trong trang '{info_sheet}' đang trống.",
                                f"{rel}: the 'Xã' (commune) cell of sheet '{info_sheet}' is empty."))
    if plan_year is None or not 2000 <= plan_year <= 2100:
        written = clean_text(value("plan_year"))
        raise PlanError(Message(f"{rel}: 'Năm kế hoạch' không hợp lệ ({written!r}).",
                                f"{rel}: 'Năm kế hoạch' (plan year) is not a valid year ({written!r})."))
    area = {fold(k): v for k, v in AREA_VALUES.items()}.get(fold(value("area")), "rural")
    standard = clean_text(value("standard")).replace(" ", "").replace("–", "-")
    if standard in YEAR_DEPENDENT_NAMES:  # blank, or the 2026-2030 period: by the plan year
        standard = standard_for_year(plan_year)
    if standard not in STANDARDS:
        in_force = standard_for_year(plan_year)  # the one of the plan's year
        issues.append(Issue("plan-invalid", file=rel, sheet=info_sheet,
                            detail=Message(f"chuẩn nghèo '{standard}' chưa có; dùng {in_force}.",
                                           f"poverty standard '{standard}' is not known; "
                                           f"using {in_force}.")))
        standard = in_force
    targets = {}
    for key in ("poor_target", "near_poor_target"):
        number = parse_number(value(key))
        if number is None or number < 0:
            issues.append(Issue("plan-invalid", file=rel, sheet=info_sheet,
                                value=clean_text(value(key)),
                                detail=Message(f"'{PLAN_INFO_LABELS[key][0]}' không phải số; coi là 0.",
                                               f"'{PLAN_INFO_LABELS[key][0]}' is not a number; "
                                               "taken as 0.")))
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
        raise PlanError(Message(
            f"{rel}: không có trang '{PLAN_TARGETS_SHEET}' (chỉ tiêu theo xóm).",
            f"{rel}: there is no sheet '{PLAN_TARGETS_SHEET}' (the hamlets' targets).",
        ))
    grid = book.grid(sheet)
    header = find_header(grid, TARGET_COLUMNS)
    if header is None or "hamlet" not in header.columns:
        raise PlanError(Message(
            f"{rel}: trang '{sheet}' không có dòng tiêu đề 'Xóm | Tổng số hộ đầu năm | …'.",
            f"{rel}: sheet '{sheet}' has no header row 'Xóm | Tổng số hộ đầu năm | …'.",
        ))
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
    failures = None
    if not _targets_plainly_valid(frame):
        # Only then is the pandera model asked to say what is wrong (an everyday run with a
        # sound plan does not import pandera at all).
        import pandera.pandas as pa

        from schemas.models import PLAN_TARGETS_SCHEMA

        try:
            PLAN_TARGETS_SCHEMA.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as errors:
            failures = errors.failure_cases
    if failures is not None:
        for column, position in zip(failures["column"], failures["index"], strict=True):
            if position is None or pd.isna(position):
                continue
            position = int(position)
            bad.add(position)
            issues.append(Issue(
                "plan-invalid", file=rel, sheet=sheet, row=int(frame.at[position, "excel_row"]),
                column=PLAN_TARGET_COLUMNS[column][0], value=clean_text(frame.at[position, column]),
                detail=Message(
                    f"dòng {int(frame.at[position, 'excel_row'])}, cột "
                    f"'{PLAN_TARGET_COLUMNS[column][0]}' phải là số nguyên không âm (tên xóm không "
                    "trùng); xóm này bị bỏ qua.",
                    f"row {int(frame.at[position, 'excel_row'])}, column "
                    f"'{PLAN_TARGET_COLUMNS[column][0]}' must be a whole number, not negative "
                    "(hamlet names not repeated); this hamlet is left out."),
            ))
    frame = frame.drop(index=sorted(bad)).reset_index(drop=True)
    if frame.empty:
        raise PlanError(Message(f"{rel}: trang '{sheet}' không có xóm hợp lệ nào.",
                                f"{rel}: sheet '{sheet}' has no valid hamlet."))
    for key in list(PLAN_TARGET_COLUMNS)[1:]:
        frame[key] = frame[key].astype(int)
    frame["hamlet"] = frame["hamlet"].astype(str)
    return frame.drop(columns="excel_row")


def _whole(value) -> bool:
    return value.__class__ is int and value >= 0


def _targets_plainly_valid(frame: pd.DataFrame) -> bool:
    """Every row passes PLAN_TARGETS_SCHEMA (told without it: the common case)."""
    names = frame["hamlet"].tolist()
    if any(name is None or name != name for name in names) or len(set(names)) != len(names):
        return False
    if not all(_whole(v) and v > 0 for v in frame["start_households"].tolist()):
        return False
    return all(_whole(v) for key in ("start_poor", "start_near_poor", "poor_target",
                                     "near_poor_target") for v in frame[key].tolist())  # fmt: skip


def _start_list(book: Workbook, rel: str, plan: Plan, issues: list[Issue]) -> pd.DataFrame | None:
    sheet = book.find_sheet(PLAN_START_LIST_SHEET)
    if sheet is None:
        return None
    grid = book.grid(sheet)
    header = find_header(grid, START_LIST_COLUMNS)
    if header is None:
        issues.append(Issue("plan-invalid", file=rel, sheet=sheet,
                            detail=Message(f"trang '{sheet}' không có dòng tiêu đề như mẫu; bỏ qua danh sách đầu năm.",
                                           f"sheet '{sheet}' has no header row like the template's; "
                                           "the start-of-year list is left out.")))
        return None
    from pipeline.hamlets import HamletMatcher  # local: avoids a cycle at import time

    matcher = HamletMatcher(plan.hamlet_names)
    rows = table_rows(grid, header, ("ma_ho", "chu_ho", "phan_loai"), SIGNATURE_MARKERS, TOTAL_MARKERS)
    data = table_columns(rows, (*ROSTER_KEYS, "hamlet"))
    cleaned: dict = {}
    names = [cleaned[v] if v in cleaned else cleaned.setdefault(v, clean_text(v))
             for v in data.pop("hamlet")]  # fmt: skip
    codes, uniques = pd.factorize(np.array(names, dtype=object), sort=False)
    # The rows of each hamlet together, hamlets in the order the list first names them.
    order = np.argsort(codes, kind="stable")
    sizes = np.bincount(codes, minlength=len(uniques)) if len(codes) else np.zeros(0, dtype=int)
    firsts = np.searchsorted(codes[order], np.arange(len(uniques))) if len(codes) else []
    excel_rows = data["excel_row"]
    ordered = order.tolist()
    arrays = {}  # each column in that order
    for key, values in data.items():
        column = np.empty(len(values), dtype=object)
        column[:] = values
        arrays[key] = column[order]
    parts = []
    start = 0
    for code, raw_hamlet in enumerate(uniques.tolist()):
        size = int(sizes[code])
        start += size
        hamlet = matcher.match(raw_hamlet)
        if hamlet is None:
            issues.append(Issue("unknown-hamlet", file=rel, sheet=sheet, column="Xóm", value=raw_hamlet,
                                row=int(excel_rows[ordered[int(firsts[code])]]),
                                detail=", ".join(plan.hamlet_names)))
            continue
        columns = {key: values[start - size:start] for key, values in arrays.items()}
        parts.append(Part(columns, rel, sheet, hamlet, header.columns))
    if not parts:
        return None
    # One validation for the whole list: a province's start list has hundreds of thousands of rows.
    validated = validate_table(parts, report_year=plan.plan_year - 1,
                               standard=STANDARDS[plan.standard], area=plan.area)
    issues.extend(i for found in validated.issues for i in found if i.severity == "error")
    start_list = validated.typed
    return start_list[start_list["valid"].to_numpy()].reset_index(drop=True)
