"""Row validation: the pandera roster model applied, failures turned into located issues.

A row with an error is kept but marked ``valid = False`` so it is listed and
left out of the counts; warnings leave the row valid. Many tables (every
hamlet's sheets, or the plan's start list) are validated in one pandera
call: its fixed cost per call, not the rows, is what a province would pay.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
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
_DECLARED_AS = {"poor": "poor", "near_poor": "near_poor", "exited": "above"}


@dataclass
class Part:
    """One table to validate: normalised rows of one sheet of one file, for one hamlet."""

    frame: pd.DataFrame  # from normalise.rows_to_frame (object values, excel_row)
    file: str
    sheet: str
    hamlet: str
    columns: dict[str, tuple[int, str]]  # key -> (column index, header as written)


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


def _cell(columns: dict, key: str, excel_row: int) -> tuple[str, str]:
    col_index, header = columns.get(key, (None, ROSTER_COLUMN_BY_KEY[key].header))
    return header, (f"{column_letter(col_index)}{excel_row}" if col_index is not None else "")


def validate_parts(parts: list[Part], *, report_year: int, standard: Standard,
                   area: str) -> list[tuple[pd.DataFrame, list[Issue]]]:
    """Validate many tables in one pass; for each part, its typed frame and its issues."""
    if not parts:
        return []
    sizes = [len(p.frame) for p in parts]
    frame = pd.concat([p.frame for p in parts], ignore_index=True) if len(parts) > 1 \
        else parts[0].frame.reset_index(drop=True)
    owner = np.repeat(np.arange(len(parts)), sizes)
    issues: list[list[Issue]] = [[] for _ in parts]
    invalid = np.zeros(len(frame), dtype=bool)
    failures = _failures(frame, report_year)
    excel_rows = frame["excel_row"].to_numpy()
    for column, check, position in zip(failures["column"], failures["check"], failures["index"],
                                       strict=True):
        code = _code_of(str(column), str(check))
        if code is None:
            continue
        position = int(position)
        part = parts[owner[position]]
        excel_row = int(excel_rows[position])
        header, cell = _cell(part.columns, column, excel_row)
        issues[owner[position]].append(Issue(
            code=code, file=part.file, sheet=part.sheet, row=excel_row, column=header, cell=cell,
            value=clean_text(frame.at[position, column]), hamlet=part.hamlet,
            detail=_detail(code, column, report_year),
        ))
        if CATALOGUE[code].severity == "error":
            invalid[position] = True
    typed = finish_types(frame)
    typed["valid"] = ~invalid
    typed.insert(0, "hamlet", np.array([p.hamlet for p in parts], dtype=object)[owner])
    typed.insert(1, "file", np.array([p.file for p in parts], dtype=object)[owner])
    typed.insert(2, "sheet", np.array([p.sheet for p in parts], dtype=object)[owner])
    marks_ok = frame[list(INDICATOR_KEYS)].map(lambda v: isinstance(v, bool)).all(axis=1).to_numpy()
    for position, detail, declared in _contradictions(typed, marks_ok, standard, area):
        part = parts[owner[position]]
        excel_row = int(excel_rows[position])
        header, cell = _cell(part.columns, "phan_loai", excel_row)
        issues[owner[position]].append(Issue(
            code="classification-mismatch", file=part.file, sheet=part.sheet, row=excel_row,
            column=header, cell=cell, value=CLASSIFICATION_LABEL.get(declared, declared),
            hamlet=part.hamlet, detail=detail,
        ))
    out = []
    start = 0
    for index, size in enumerate(sizes):
        piece = typed.iloc[start:start + size].reset_index(drop=True)
        out.append((piece, issues[index]))
        start += size
    return out


def validate_rows(frame: pd.DataFrame, *, file: str, sheet: str, hamlet: str,
                  columns: dict[str, tuple[int, str]], report_year: int, standard: Standard,
                  area: str) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate one table; returns the typed frame with ``valid`` and the issues found.

    ``columns`` maps each key to (column index, header as written) so an
    issue names the cell (``F12``) and the header the hamlet head sees.
    """
    return validate_parts([Part(frame, file, sheet, hamlet, columns)], report_year=report_year,
                          standard=standard, area=area)[0]


def _detail(code: str, column: str, report_year: int) -> str:
    if code == "invalid-birth-year":
        return str(report_year)
    if code == "unknown-vocabulary":
        return {"nguyen_nhan": "xem danh mục nguyên nhân nghèo trong mẫu",
                "nhu_cau": "xem danh mục nhu cầu hỗ trợ trong mẫu",
                "doi_tuong": "BTXH, NCC, KKNLĐ"}.get(column, "")
    return ""


def _contradictions(typed: pd.DataFrame, marks_ok, standard: Standard, area: str):
    """Rows whose classification contradicts the standard, given income and deprivations."""
    line = standard.income_line(area)
    income = typed["thu_nhap"].to_numpy(dtype=float)
    deprived = typed["n_deprived"].to_numpy()
    expected = np.where(income > line, "above",
                        np.where(deprived >= standard.min_deprivations_poor, "poor", "near_poor"))
    declared = typed["phan_loai"].map(_DECLARED_AS).to_numpy()
    checkable = typed["valid"].to_numpy() & ~np.isnan(income) & marks_ok
    for position in np.flatnonzero(checkable & (declared != expected)):
        yield (int(position),
               f"thu nhập {format_vn(float(income[position]), 0)} đ, {int(deprived[position])} "
               f"chỉ số thiếu hụt: theo chuẩn là {_STANDARD_CLASS_LABEL[expected[position]]}",
               typed.at[position, "phan_loai"])
