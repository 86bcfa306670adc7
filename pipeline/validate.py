"""Row validation: the pandera roster model applied, failures turned into located issues.

A row with an error is kept but marked ``valid = False`` so it is listed and
left out of the counts; warnings leave the row valid.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from pipeline.normalise import finish_types
from pipeline.text import clean_text, column_letter, format_vn
from pipeline.types import Issue
from schemas.columns import CLASSIFICATION_LABEL, INDICATOR_KEYS, ROSTER_COLUMN_BY_KEY
from schemas.issues import CATALOGUE
from schemas.models import REQUIRED_CODES, roster_schema
from schemas.standards import Standard

_STANDARD_CLASS_LABEL = {"poor": "hộ nghèo", "near_poor": "hộ cận nghèo", "above": "không nghèo"}


def _failures(frame: pd.DataFrame, report_year: int) -> pd.DataFrame:
    try:
        roster_schema(report_year).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        return cases[cases["index"].notna()]
    return pd.DataFrame(columns=["column", "check", "failure_case", "index"])


def _code_of(column: str, check: str) -> str | None:
    if check == "not_nullable":
        return REQUIRED_CODES.get(column)
    return check if check in CATALOGUE else None


def validate_rows(
    frame: pd.DataFrame,
    *,
    file: str,
    sheet: str,
    hamlet: str,
    columns: dict[str, tuple[int, str]],
    report_year: int,
    standard: Standard,
    area: str,
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate normalised rows; returns the typed frame with ``valid`` and the issues found.

    ``columns`` maps each key to (column index, header as written) so an
    issue names the cell (``F12``) and the header the hamlet head sees.
    """
    issues: list[Issue] = []
    invalid_positions: set[int] = set()
    failures = _failures(frame, report_year)
    for column, check, position in zip(
        failures["column"], failures["check"], failures["index"], strict=True
    ):
        code = _code_of(str(column), str(check))
        if code is None:
            continue
        position = int(position)
        excel_row = int(frame.at[position, "excel_row"])
        col_index, header = columns.get(column, (None, ROSTER_COLUMN_BY_KEY[column].header))
        issues.append(
            Issue(
                code=code,
                file=file,
                sheet=sheet,
                row=excel_row,
                column=header,
                cell=f"{column_letter(col_index)}{excel_row}" if col_index is not None else "",
                value=clean_text(frame.at[position, column]),
                hamlet=hamlet,
                detail=_detail(code, column, report_year),
            )
        )
        if CATALOGUE[code].severity == "error":
            invalid_positions.add(position)
    typed = finish_types(frame)
    typed["valid"] = [i not in invalid_positions for i in range(len(typed))]
    typed.insert(0, "hamlet", hamlet)
    typed.insert(1, "file", file)
    typed.insert(2, "sheet", sheet)
    issues.extend(
        _classification_warnings(typed, frame, file, sheet, hamlet, columns, standard, area)
    )
    return typed, issues


def _detail(code: str, column: str, report_year: int) -> str:
    if code == "invalid-birth-year":
        return str(report_year)
    if code == "unknown-vocabulary":
        return {"nguyen_nhan": "xem danh mục nguyên nhân nghèo trong mẫu",
                "nhu_cau": "xem danh mục nhu cầu hỗ trợ trong mẫu",
                "doi_tuong": "BTXH, NCC, KKNLĐ"}.get(column, "")
    return ""


def _classification_warnings(typed, raw, file, sheet, hamlet, columns, standard, area) -> list[Issue]:
    """Rows whose classification contradicts the standard, given income and deprivations."""
    issues = []
    marks_ok = raw[list(INDICATOR_KEYS)].map(lambda v: isinstance(v, bool)).all(axis=1)
    col_index, header = columns.get("phan_loai", (None, "Phân loại hộ"))
    for position in typed.index[typed["valid"] & typed["thu_nhap"].notna() & marks_ok]:
        declared = typed.at[position, "phan_loai"]
        income = float(typed.at[position, "thu_nhap"])
        deprived = int(typed.at[position, "n_deprived"])
        expected = standard.classify(income, deprived, area)
        if {"poor": "poor", "near_poor": "near_poor", "exited": "above"}.get(declared) == expected:
            continue
        excel_row = int(typed.at[position, "excel_row"])
        issues.append(
            Issue(
                code="classification-mismatch",
                file=file,
                sheet=sheet,
                row=excel_row,
                column=header,
                cell=f"{column_letter(col_index)}{excel_row}" if col_index is not None else "",
                value=CLASSIFICATION_LABEL.get(declared, declared),
                hamlet=hamlet,
                detail=(
                    f"thu nhập {format_vn(income, 0)} đ, {deprived} chỉ số thiếu hụt: "
                    f"theo chuẩn là {_STANDARD_CLASS_LABEL[expected]}"
                ),
            )
        )
    return issues
