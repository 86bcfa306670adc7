"""The plan workbook (CONTRACT §3): commune facts, hamlet targets, start-of-year list."""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from datetime import date, datetime
from itertools import repeat
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

from pipeline import lazyre, vocab
from pipeline.discover import (
    TOTAL_LOOK,
    cell_columns,
    household_cells,
    households_written,
    plan_info_sheet,
    total_counts,
)
from pipeline.figures import status_counts
from pipeline.messages import Message, in_language
from pipeline.normalise import after_equals, info_past_equals, normalise_value
from pipeline.read import (
    PLACEHOLDER_MARKS,
    ReadError,
    Workbook,
    find_header,
    hidden_by,
    hidden_twice,
    read_key_values,
    settle_twice,
    starts_with_marker,
    table_rows,
)
from pipeline.rosterchecks import (
    class_marks_said,
    counted_not_said,
    duplicates_in,
    header_cell,
    household_sized_evidence,
    income_per_year,
    questioned_alone,
    row_runs,
    stale_subtotal_issues,
    start_codes_masked,
    twice_cell,
    twice_issues,
    unheeded_cells,
    unheeded_said,
    without_values,
    year_income_read,
)
from pipeline.startlist import (
    TARGET_COLUMNS,
    StartRows,
    plan_targets_sheet,
    start_list_columns,
    start_list_rows,
)
from pipeline.tables import (
    StaleSubtotal,
    bare_count,
    hamlet_after_total,
    hamlet_totals,
    person_detail,
    plain_total,
    written_as_total,
)
from pipeline.text import (
    PEOPLE_UNIT,
    TEXT_QUOTES,
    YEAR_IN_TEXT,
    HouseholdMonthRead,
    as_shown,
    cell_position,
    clean_text,
    column_letter,
    fold,
    fold_exact,
    format_en,
    format_vn,
    household_no_period,
    household_total_untimed,
    is_blank,
    mask_ids_in,
    parse_count,
    parse_number,
    parse_whole,
    per_year,
)
from pipeline.types import Issue, Plan, Submission
from pipeline.validate import Part, validate_table
from schemas.columns import (
    AREA_VALUES,
    PLAN_INFO_LABELS,
    PLAN_TARGET_COLUMNS,
    PLAN_TARGETS_SHEET,
    ROSTER_COLUMN_BY_KEY,
    SIGNATURE_MARKERS,
    START_LIST_COLUMNS,
    TOTAL_MARKERS,
)
from schemas.issues import CATALOGUE
from schemas.rules import REQUIRED_CODES
from schemas.standards import (
    STANDARDS,
    YEAR_DEPENDENT_NAMES,
    standard_for_year,
)


class PlanError(Exception):
    """The plan cannot be used; the run stops (exit 2) with this one-line reason."""


EXAMPLE_YEAR = 2024  # the year a 'Năm kế hoạch' blank or not a year is given as an example


def _year_words(year: int | None = None) -> tuple[tuple[str, str], ...]:
    """How the plan-year errors below end, each language: blank, no year, no row. Without
    ``year``, an example year; with the year of the period run, the year that period needs,
    and no example to copy: a plan left from last year written with this year would be counted
    as this year's (:func:`with_year_needed`)."""
    if year is None:
        return (
            (f"hãy ghi năm, ví dụ {EXAMPLE_YEAR}.", f"write the year, such as {EXAMPLE_YEAR}."),
            (f"hãy ghi một năm, ví dụ {EXAMPLE_YEAR} (mỗi năm một tệp kế hoạch).",
             f"write one year such as {EXAMPLE_YEAR} (one plan file a year)."),
            (f"như mẫu (ví dụ: Năm kế hoạch | {EXAMPLE_YEAR}).",
             f"as in the template (such as: Năm kế hoạch | {EXAMPLE_YEAR})."),
        )  # fmt: skip
    needs = f"các kỳ năm {year} cần kế hoạch năm {year}"
    needs_en = f"the periods of {year} need the plan of {year}"
    return (
        (f"hãy ghi năm của kế hoạch này ({needs}).", f"write this plan's year ({needs_en})."),
        (f"hãy ghi một năm, năm của kế hoạch này (mỗi năm một tệp kế hoạch; {needs}).",
         f"write one year, this plan's (one plan file a year; {needs_en})."),
        (f"như mẫu, ghi năm của kế hoạch này ({needs}).",
         f"as in the template, with this plan's year ({needs_en})."),
    )  # fmt: skip


def with_year_needed(reason: str, year: int | None) -> str:
    """The reason a plan cannot be used (``PlanError``), its 'Năm kế hoạch' blank, no year or
    missing, ending with the year of the period run (``year``) in place of the example year:
    January 2025 stopped on such a plan is told the periods of 2025 need the plan of 2025, not
    to write 2024 (session 45); December 2024, stopped on next year's plan set aside so, is
    not told to write 2024, the example, in it either (session 45's review). Other reasons,
    and without a year, as they are."""
    if year is None:
        return reason
    vi, en = str.__str__(reason), getattr(reason, "en", str.__str__(reason))
    for (old_vi, old_en), (new_vi, new_en) in zip(_year_words(), _year_words(year), strict=True):
        vi, en = vi.replace(old_vi, new_vi), en.replace(old_en, new_en)
    return Message(vi, en)


def year_of(book: Workbook) -> int | None:
    """The year a plan file says it is for, read alone (for a plan that cannot be used)."""
    try:
        info_sheet = plan_info_sheet(book)
        found = read_key_values(book.grid(info_sheet), PLAN_INFO_LABELS).get("plan_year")
    except Exception:  # noqa: BLE001 - a plan too broken to say its year
        return None
    return _year(found[0]) if found else None


def load_plan(book: Workbook, rel: str, start: StartRows | None = None) -> tuple[Plan, list[Issue]]:
    """The plan in ``book``; PlanError (one line, naming the sheet and cell) when it cannot be
    used, a sheet that cannot be read included. ``start``: its start list's rows as the early
    reader's child read them (startlist.read_ahead), or None to read them here."""
    try:
        return _load(book, rel, start)
    except ReadError as err:
        raise PlanError(_unreadable_sheet(err, rel)) from None


def _unreadable_sheet(err: ReadError, rel: str) -> Message:
    """Why a sheet of the plan could not be read, and what to do."""
    where = f"{rel}, trang '{err.sheet}'" if err.sheet else rel
    where_en = f"{rel}, sheet '{err.sheet}'" if err.sheet else rel
    if err.code == "too-many-rows":
        reach = in_language(err.detail, "en")  # rows × columns (opening._reach)
        return Message(
            f"{where}: có dữ liệu tới ô {err.value} ({err.detail}), quá xa so với bảng. Hãy chọn "
            "các dòng, cột thừa bên dưới hoặc bên phải bảng, xóa đi (chuột phải > Xóa), lưu lại "
            "rồi chạy lại.",
            f"{where_en}: holds data up to cell {err.value} ({reach}), far beyond the table. "
            "Select the stray rows and columns below or right of the table, delete them "
            "(right-click > Delete), save and run again.",
        )
    return Message(
        f"{where}: không đọc được trang ({err.detail}); tệp có thể bị hỏng. Hãy mở tệp bằng "
        "Excel, lưu lại rồi chạy lại.",
        f"{where_en}: the sheet cannot be read ({err.detail}); the file may be damaged. Open it "
        "in Excel, save it again and run again.",
    )


def _load(book: Workbook, rel: str, start: StartRows | None = None) -> tuple[Plan, list[Issue]]:
    issues: list[Issue] = []
    info_sheet = plan_info_sheet(book)
    grid = book.grid(info_sheet)  # before its hidden rows are asked: it finds them
    info, slips, twice = _plan_info(grid, book.hidden_rows.get(info_sheet))
    issues.extend(twice_issues(twice, PLAN_INFO_LABELS, rel, info_sheet))
    value = lambda key: info.get(key, (None, 0))[0]  # noqa: E731
    # a value as an issue quotes it: as its cell shows it ('=2+2') when read past a leading '='
    written_as = lambda key: as_shown(slips.get(key, value(key)))  # noqa: E731

    cell = lambda key: info[key].cell if key in info else ""  # noqa: E731
    shown = lambda key: _error_shown(book, info_sheet, info.get(key))  # noqa: E731

    def said(key: str, vi: str, en: str, written: object = None) -> Issue:
        """A warning at the cell of ``key`` on the info sheet: what was made of the value."""
        return Issue(
            "plan-value-guessed",
            file=rel,
            sheet=info_sheet,
            cell=cell(key),
            column=PLAN_INFO_LABELS[key][0],
            value=as_shown(written),
            detail=Message(vi, en),
        )

    def said_as_written(key: str, words) -> None:
        """:func:`said`, quoting the cell as written: ``words(typed)`` gives the (vi, en) texts.
        The cell's '=' warning, if any, is left out (said here)."""
        typed = written_as(key)
        slips.pop(key, None)
        issues.append(said(key, *words(typed), typed))

    commune = clean_text(value("commune"))
    if fold(commune).startswith("xa ") and len(commune.split(maxsplit=1)) == 2:
        commune = commune.split(maxsplit=1)[1]  # "xã Trung Lương": the report adds "xã" itself
    plan_year = _year(value("plan_year"))
    if not commune:
        error = shown("commune")
        raise PlanError(
            Message(
                f"{rel}: ô 'Xã' ({cell('commune')}) trong trang '{info_sheet}' {_shows(error)}; "
                "hãy ghi tên xã.",
                f"{rel}: the 'Xã' (commune) cell ({cell('commune')}) of sheet '{info_sheet}' "
                f"{_shows_en(error)}; write the commune's name.",
            )
            if error
            else Message(
                f"{rel}: ô 'Xã' trong trang '{info_sheet}' đang trống.",
                f"{rel}: the 'Xã' (commune) cell of sheet '{info_sheet}' is empty.",
            )
        )
    if plan_year is None:
        written = written_as("plan_year")
        where = f" (ô {cell('plan_year')})" if cell("plan_year") else ""
        where_en = f" (cell {cell('plan_year')})" if cell("plan_year") else ""
        if "plan_year" not in info:
            raise PlanError(
                Message(
                    f"{rel}: trang '{info_sheet}' không có dòng 'Năm kế hoạch'; hãy thêm dòng đó "
                    + _year_words()[2][0],
                    f"{rel}: sheet '{info_sheet}' has no 'Năm kế hoạch' (plan year) row; add it "
                    + _year_words()[2][1],
                )
            )
        if not written:
            error = shown("plan_year")
            raise PlanError(
                Message(
                    f"{rel}: 'Năm kế hoạch'{where} trong trang '{info_sheet}' "
                    f"{_shows(error) if error else 'đang trống'}; " + _year_words()[0][0],
                    f"{rel}: 'Năm kế hoạch' (plan year){where_en} of sheet '{info_sheet}' "
                    f"{_shows_en(error) if error else 'is empty'}; " + _year_words()[0][1],
                )
            )
        raise PlanError(
            Message(
                f"{rel}: 'Năm kế hoạch'{where} trong trang '{info_sheet}' ghi "
                f"'{clean_text(written)}', không phải một năm; " + _year_words()[1][0],
                f"{rel}: 'Năm kế hoạch' (plan year){where_en} of sheet '{info_sheet}' reads "
                f"'{clean_text(written)}', which is no single year; " + _year_words()[1][1],
            )
        )
    area_written = value("area")
    area = _AREAS.get(fold(area_written))
    if area is None:
        area = "rural"
        if error := shown("area"):  # read blank, but not left so: the default is said
            issues.append(
                said(
                    "area",
                    f"ô 'Khu vực' {_shows(error)}; dùng nông thôn. Hãy ghi 'Nông thôn' hoặc "
                    "'Thành thị'.",
                    f"the 'Khu vực' (area) cell {_shows_en(error)}; rural is used. Write "
                    "'Nông thôn' or 'Thành thị'.",
                    error,
                )
            )
        elif not is_blank(area_written):
            said_as_written("area", lambda typed: (
                f"khu vực '{typed}' không rõ là nông thôn hay thành thị; dùng nông thôn. "
                "Hãy ghi 'Nông thôn' hoặc 'Thành thị'.",
                f"area '{typed}' is neither rural nor urban as written; rural is used. "
                "Write 'Nông thôn' or 'Thành thị'.",
            ))  # fmt: skip
    written_standard = clean_text(value("standard"))
    standard = written_standard.replace(" ", "").replace("–", "-")
    period_named = _YEARS_SPAN.search(standard)
    if period_named:  # "Giai đoạn 2022-2025", "2022 - 2025"
        standard = f"{period_named.group(1)}-{period_named.group(2)}"
    in_force = standard_for_year(plan_year)  # the one of the plan's year
    if standard and standard in YEAR_DEPENDENT_NAMES and plan_year < int(standard[:4]):
        # the 2026-2030 period named in a plan for a year before it: a slip in the year or the
        # standard (a plan copied from a later year's, or the year not changed); said at the cell
        said_as_written("standard", lambda typed: (
            f"chuẩn nghèo '{typed}' là của giai đoạn từ năm {standard[:4]}, còn kế hoạch là "
            f"của năm {plan_year}; dùng chuẩn của năm {plan_year}: {in_force}. Hãy kiểm tra lại "
            "năm kế hoạch và chuẩn nghèo.",
            f"poverty standard '{typed}' is the period from {standard[:4]}, and the plan is for "
            f"{plan_year}; the standard of {plan_year} is used: {in_force}. Check the plan "
            "year and the poverty standard.",
        ))  # fmt: skip
    if standard in YEAR_DEPENDENT_NAMES:  # blank, or the 2026-2030 period: by the plan year
        standard = in_force
    if not written_standard and (error := shown("standard")):  # read blank, as above
        issues.append(
            said(
                "standard",
                f"ô 'Chuẩn nghèo' {_shows(error)}; dùng chuẩn của năm {plan_year}: "
                f"{in_force}. Hãy ghi chuẩn nghèo, ví dụ {in_force}.",
                f"the 'Chuẩn nghèo' (poverty standard) cell {_shows_en(error)}; the standard "
                f"of {plan_year} is used: {in_force}. Write the standard, such as {in_force}.",
                error,
            )
        )
    if standard not in STANDARDS:
        said_as_written("standard", lambda typed: (
            f"chuẩn nghèo '{typed}' chưa có; dùng {in_force}.",
            f"poverty standard '{typed}' is not known; using {in_force}.",
        ))  # fmt: skip
        standard = in_force
    elif standard != in_force:
        issues.append(
            said(
                "standard",
                f"chuẩn nghèo {standard} không áp dụng cho năm {plan_year} "
                f"(năm đó dùng chuẩn {in_force}); vẫn dùng chuẩn đã ghi.",
                f"poverty standard {standard} does not apply to {plan_year} ({in_force} "
                "does); the standard written is used.",
                written_as("standard"),
            )
        )
    # The texts the report only prints (none is needed to consolidate): an error value in one,
    # read blank, is a warning at its cell saying what the report leaves out, as for the area
    # and the standard; a blank cell is still not said.
    for key, (gloss, left, left_en, write, write_en) in _PRINTED_ONLY.items():
        if error := shown(key):
            label = PLAN_INFO_LABELS[key][0]
            issues.append(
                said(
                    key,
                    f"ô '{label}' {_shows(error)}; {left}. Hãy ghi {write}.",
                    f"the '{label}' ({gloss}) cell {_shows_en(error)}; {left_en}. Write "
                    f"{write_en}.",
                    error,
                )
            )
    # Every problem that stops the plan is said at once: the officer fixes them in one go.
    problems: list[str] = []
    targets = {}
    for key in ("poor_target", "near_poor_target"):
        try:
            targets[key] = _target(book, rel, info_sheet, key, info.get(key), issues, said)
        except PlanError as err:
            problems.append(err.args[0])
    try:
        hamlets = _hamlet_targets(book, rel, issues)
    except PlanError as err:
        problems.append(err.args[0])
    if problems:
        raise PlanError(_one_line(problems, rel))
    # A value typed with a leading '=' and read past it (a target's in _target): said at its
    # cell, as a hamlet list's 'Thông tin' value is; one that failed its rule so was said by
    # that rule's message, quoting the cell ('=2+2' is no year), and is not in ``slips``.
    for key, written in slips.items():
        issues.append(
            _equals_slip(rel, info_sheet, cell(key), PLAN_INFO_LABELS[key][0], written, value(key))
        )
    rows = dict(
        zip(hamlets["hamlet"].tolist(), hamlets["excel_row"].astype(int).tolist(), strict=True)
    )
    hamlets = hamlets.drop(columns="excel_row")
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
        hamlet_rows=rows,
        targets_sheet=plan_targets_sheet(book) or PLAN_TARGETS_SHEET,
        commune_at=(info_sheet, cell("commune")),
        hidden_hamlets={
            i.value: i.row for i in issues if i.code == "plan-hamlet-hidden" and not i.variant
        },
    )
    plan.start_list = _start_list(book, rel, plan, issues, start)
    said = {i.sheet for i in issues if i.code == "text-partly-struck"}  # the start list's
    for sheet in dict.fromkeys((info_sheet, plan.targets_sheet)):
        if sheet not in said:
            issues += struck_parts_said(book, rel, sheet)
    _commune_targets_above_start(plan, rel, info_sheet, cell, issues)
    return plan, issues


def struck_parts_said(book: Workbook, rel: str, sheet: str, header=None) -> list[Issue]:
    """A text struck through in part in a sheet the plan is read from ('~~NM5~~ NM6'), read as
    the text left (opening.Workbook.struck_parts), said at its cell as in a hamlet's list
    ('text-partly-struck', the same words; session 67, D): the officer sees what was read and
    fixes the plan. ``header``: the start list's, naming the column of a cell below it."""
    cells = book.struck_parts.get(sheet)
    if not cells:
        return []
    names = {}
    if header is not None:
        names = {col: text for col, text in header.columns.values()}
    found = []
    for (r, c), (struck, kept) in sorted(cells.items()):
        below = header is not None and r > header.last_row
        found.append(Issue("text-partly-struck", file=rel, sheet=sheet, row=r + 1,
                           cell=f"{column_letter(c)}{r + 1}",
                           column=names.get(c, "") if below else "",
                           value=struck, instead=kept))  # fmt: skip
    return found


# Each target, the start count it is measured against, and the list's name in both languages.
_TARGETS_AND_STARTS = (
    ("poor_target", "start_poor", "hộ nghèo", "poor"),
    ("near_poor_target", "start_near_poor", "hộ cận nghèo", "near-poor"),
)


def _commune_targets_above_start(plan: Plan, rel: str, sheet: str, cell, issues) -> None:
    """A warning at a commune target larger, in points, than the commune's rate at the start
    of the year (from the targets table's start figures): no reduction reaches it. Said so,
    not left to a target path that stops at 0 and a year judged 'CHƯA ĐẠT' whatever is done."""
    hamlets = plan.hamlets
    households = int(hamlets["start_households"].sum()) if len(hamlets) else 0
    if households <= 0:
        return
    for key, start_key, vi_word, en_word in _TARGETS_AND_STARTS:
        target, start = getattr(plan, key), int(hamlets[start_key].sum())
        rate = round(100 * start / households, 2)  # the rate as the report shows it
        if target <= rate:
            continue
        points, shown = format_vn(target, 2), format_vn(rate, 2)
        points_en, shown_en = points.replace(",", "."), shown.replace(",", ".")
        issues.append(
            Issue(
                "plan-commune-target-above-start",
                file=rel,
                sheet=sheet,
                cell=cell(key),
                column=PLAN_INFO_LABELS[key][0],
                value=Message(points, points_en),  # the cell's target, as 'Lỗi dữ liệu' quotes it
                detail=Message(
                    f"{vi_word} toàn xã là {points} điểm %, nhưng đầu năm tỷ lệ {vi_word} của "
                    f"xã chỉ là {shown} % ({start}/{households} hộ)",
                    f"{en_word} rate is {points_en} points, but the commune's {en_word} rate "
                    f"at the start of the year is only {shown_en} % ({start}/{households} "
                    "households)",
                ),
            )
        )


_AREAS = {
    fold(k): v
    for k, v in {
        **AREA_VALUES,
        "Nông thôn": "rural",
        "NT": "rural",
        "Xã": "rural",
        "Thành thị": "urban",
        "Đô thị": "urban",
        "TT": "urban",
        "Phường": "urban",
        "Thị trấn": "urban",
    }.items()
}
_YEARS_SPAN = lazyre.compile(r"(20\d{2})\s*-\s*(20\d{2})")
_TARGET_TEXT = lazyre.compile(r"^(\d{1,3})(?:[.,](\d+))?$")
# Words around a target's number, spaces already removed: 'giảm', '≥', 'tốithiểu', 'ítnhất',
# 'trên' before it; '/năm', 'mỗinăm', 'trởlên' after it.
_TARGET_WORDS_BEFORE = lazyre.compile(r"^(?:giảm|mứcgiảm|≥|>=|>|tốithiểu|ítnhất|trên|từ|:)+")
_TARGET_WORDS_AFTER = lazyre.compile(r"(?:/năm|mỗinăm|hằngnăm|hàngnăm|trởlên|/)+$")


def _year(written: object) -> int | None:
    """The plan year from 2024, '2024', 'Năm 2024', a date in it, or 'Kế hoạch năm 2024'."""
    if isinstance(written, (date, datetime)):
        year = written.year
    elif isinstance(written, str):
        years = set(YEAR_IN_TEXT.findall(written))
        year = int(years.pop()) if len(years) == 1 else None
    else:
        year = parse_whole(written)
    return year if year is not None and 2000 <= year <= 2100 else None


# 'Thông tin chung' texts only printed on the report: what it leaves out when one cannot be
# read, and what to write (the label in English, then Vietnamese, English, as the message is).
_PRINTED_ONLY = {
    "province": (
        "province",
        "coi như để trống",
        "it is taken as empty",
        "tên tỉnh",
        "the province's name",
    ),
    "recipient": (
        "recipient",
        "báo cáo không ghi nơi nhận",
        "the report names no recipient",
        "tên cơ quan nhận báo cáo",
        "the name of the body the report is sent to",
    ),
    "reporter": (
        "preparer",
        "chỗ ký của người lập báo cáo không có họ tên",
        "the preparer's signature block has no name",
        "họ tên người lập báo cáo",
        "the preparer's full name",
    ),
    "chairman": (
        "commune chairman",
        "chỗ ký của Chủ tịch UBND xã không có họ tên",
        "the chairman's signature block has no name",
        "họ tên Chủ tịch UBND xã",
        "the commune chairman's full name",
    ),
}


# 'Thông tin chung' values kept as written when they begin with '=': the names under the
# signatures, as a list's preparer and head are; the targets are read in _target.
_PLAN_EQUALS_KEPT = frozenset({"reporter", "chairman", "poor_target", "near_poor_target"})


def _plan_info(grid: list[list], hidden: list | None = None) -> tuple[dict, dict[str, str], list]:
    """The 'Thông tin chung' block (keyvalues.read_key_values), values typed with a leading '='
    read past it as a hamlet list's are (normalise.info_past_equals), {key: the value as
    written} of those, and its labels written twice with another value (keyvalues.Twice;
    ``hidden``: the sheet's hidden rows, read past)."""
    twice: list = []
    info = read_key_values(grid, PLAN_INFO_LABELS, False, hidden, twice)
    return info, info_past_equals(info, _PLAN_EQUALS_KEPT), twice


def _error_shown(book: Workbook, sheet: str, found) -> str | None:
    """The error a key/value cell shows ('#REF!', '#N/A') when it reads blank (calamine reads
    an error cell so), else None: told as the targets sheet's cells are, not as empty."""
    if found is None or not is_blank(found.value):
        return None
    return book.errors.get(sheet, {}).get(cell_position(found.cell))


def _shows(error: str) -> str:
    return f"hiện lỗi '{error}' (công thức hỏng hoặc tham chiếu ô đã xóa)"


def _shows_en(error: str) -> str:
    return f"shows the error '{error}' (a broken formula, or a reference to a deleted cell)"


# '6 hộ', '6 hộ nghèo', '12 hộ/năm': households where a commune target's points are wanted
_HOUSEHOLDS_WRITTEN = lazyre.compile(r"^\s*[-+]?\d+(?:[.,]\d+)?\s*hộ\b", re.IGNORECASE)


def _target(
    book: Workbook, rel: str, sheet: str, key: str, found, issues: list[Issue], said
) -> float:
    """A commune target in rate points. Read as an officer writes it: 1.52, '1,52', '1,52 điểm',
    '1,52%'; a percentage-formatted 1.52 % (stored 0.0152) is 1.52 points. One that cannot be
    read stops the run: taken as 0 it would report the target met."""
    label = PLAN_INFO_LABELS[key][0]
    written = found.value if found is not None else None
    # '=1,52' typed by mistake: read past the '=' (said below once read), quoted as written
    slip = after_equals(written)
    read = written if slip is None else slip
    number = None
    if isinstance(read, (int, float)) and not isinstance(read, bool):
        number = float(read) if read == read else None
    elif isinstance(read, str):
        # "'1,52": a quote typed to keep the number as text, as parse_number reads past it
        bare = re.sub(
            r"[\s%]",
            "",
            clean_text(read)
            .lstrip(TEXT_QUOTES)
            .lower()
            .replace("điểm", "")
            .replace("phần trăm", ""),
        )
        # 'giảm 1,52%/năm', '≥ 1,52', 'tối thiểu 1,52 điểm trở lên': the number is the target
        bare = _TARGET_WORDS_AFTER.sub("", _TARGET_WORDS_BEFORE.sub("", bare))
        # '1 52': digits a space apart are no one number (1,52? 152?): not read, said so
        match = None if re.search(r"\d\s+\d", clean_text(read)) else _TARGET_TEXT.match(bare)
        if match:
            number = float(f"{match.group(1)}.{match.group(2) or 0}")
            if "." in bare and len(match.group(2)) == 3:
                # '1.520': a dot before three digits separates thousands in Vietnamese, but
                # 1520 points cannot be a target: read as 1.52, and the officer told so.
                shown = f"{number:g}".replace(".", ",")
                issues.append(
                    said(
                        key,
                        f"'{label}' ghi '{clean_text(written)}': dấu chấm trước "
                        f"ba chữ số thường là dấu phân cách hàng nghìn, nhưng chỉ "
                        f"tiêu không thể là {int(match.group(1) + match.group(2))} điểm: dùng "
                        f"{shown} điểm %. Hãy ghi dấu phẩy thập phân (ví dụ 1,52).",
                        f"'{label}' reads '{clean_text(written)}': a dot before three "
                        f"digits usually separates thousands, but a target cannot be "
                        f"{int(match.group(1) + match.group(2))} points: {number:g} points are used. "
                        "Write a decimal comma (such as 1,52).",
                        written,
                    )
                )
    where = f" (ô {found.cell})" if found is not None else ""
    where_en = f" (cell {found.cell})" if found is not None else ""
    if number is None:
        formulas = book.formulas.get(sheet, set())
        position = cell_position(found.cell) if found is not None else None
        error = _error_shown(book, sheet, found)
        if error:
            vi, en = (
                f"{_shows(error)}; hãy ghi chỉ tiêu vào ô đó (ghi 0 nếu không giao)",
                f"{_shows_en(error)}; write the target in that cell (0 if none was set)",
            )
        elif position in formulas:
            vi, en = (
                "là công thức chưa có kết quả (tệp lưu bởi chương trình không tính công thức);"
                " hãy mở tệp bằng Excel rồi lưu lại, hoặc ghi số",
                "is a formula saved without its result; open the file in Excel and save it "
                "again, or write the number",
            )
        elif found is None:
            vi, en = (
                f"chưa có: hãy thêm một dòng, ô bên trái ghi '{label}', ô bên phải ghi số "
                "điểm % (ví dụ 1,52; ghi 0 nếu không giao)",
                f"is missing: add a row with '{label}' in its left cell and the points (such "
                "as 1.52; 0 if none was set) in the cell to its right",
            )
        elif is_blank(written):
            vi, en = (
                "đang trống; hãy ghi chỉ tiêu (ghi 0 nếu không giao)",
                "is empty; write the target (0 if none was set)",
            )
        elif _HOUSEHOLDS_WRITTEN.match(clean_text(written)):
            # '6 hộ': a number of households where the rate's points are wanted
            vi, en = (
                f"ghi '{clean_text(written)}', là số hộ, nhưng ô này cần chỉ tiêu giảm tỷ lệ "
                "tính bằng điểm phần trăm: hãy ghi số điểm %, ví dụ 1,52 (số hộ giảm của từng "
                f"xóm ghi ở trang '{PLAN_TARGETS_SHEET}')",
                f"reads '{clean_text(written)}', a number of households, but this cell wants the "
                "rate reduction in percentage points: write the points, such as 1.52 (each "
                f"hamlet's households go in sheet '{PLAN_TARGETS_SHEET}')",
            )
        else:
            vi, en = (
                f"ghi '{clean_text(written)}', không đọc được thành số điểm %; hãy ghi số, "
                "ví dụ 1,52",
                f"reads '{clean_text(written)}', which is no number of "
                "points; write a number such as 1.52",
            )
        raise PlanError(
            Message(
                f"{rel}: '{label}'{where} trong trang '{sheet}' {vi}.",
                f"{rel}: '{label}'{where_en} of sheet '{sheet}' {en}.",
            )
        )
    if number < 0 or number > 100:
        # a number as the officer reads it, with a decimal comma ('-1,52'); a text as written
        shown_vi = (
            format_vn(written, 6, trim=True)
            if isinstance(written, (int, float)) and not isinstance(written, bool)
            else clean_text(written)
        )
        raise PlanError(
            Message(
                f"{rel}: '{label}'{where} trong trang '{sheet}' là {shown_vi}: chỉ tiêu "
                "giảm tỷ lệ phải từ 0 đến 100 điểm %.",
                f"{rel}: '{label}'{where_en} of sheet '{sheet}' is {clean_text(written)}: a rate "
                "reduction target is between 0 and 100 points.",
            )
        )
    if 0 < number < 0.1 and isinstance(read, str):
        # '0,0152' typed as text: 1,52 % written as a fraction, or 0,0152 points? The officer
        # sees the fraction itself (no percentage format shows it as 1,52 %), so the run does
        # not guess: taken as written it would be a target of almost nothing (session 38).
        # the number read, not the cell again ("tức 0,0152 điểm điểm %", "tức '0,0152 điểm %")
        read_vi, read_en = format_vn(number, 10, trim=True), format_en(number, 10, trim=True)
        hundred = number * 100
        points, points_en = format_vn(hundred, 8, trim=True), format_en(hundred, 8, trim=True)
        raise PlanError(
            Message(
                f"{rel}: '{label}'{where} trong trang '{sheet}' ghi '{clean_text(written)}', "
                f"tức {read_vi} điểm %, quá nhỏ cho một chỉ tiêu (có phải "
                f"{points} % viết thành số thập phân?). Hãy ghi số điểm %, ví dụ {points}.",
                f"{rel}: '{label}'{where_en} of sheet '{sheet}' reads '{clean_text(written)}', "
                f"that is {read_en} points, too small for a target ({points_en} % "
                f"written as a fraction?). Write the points, such as {points_en}.",
            )
        )
    if 0 < number < 0.1 and isinstance(written, float):
        # 1.52 % in a percentage-formatted cell is stored as 0.0152: a 0.0152-point target is
        # no real one.
        points = round(number * 100, 10)
        shown = f"{points:g}".replace(".", ",")  # as Excel shows the cell here: 1,52%
        stored = f"{number:g}".replace(".", ",")
        issues.append(
            said(
                key,
                f"'{label}' là {shown}% (ô định dạng phần trăm), tức "
                f"{stored} điểm, quá nhỏ cho một chỉ tiêu: dùng {shown} điểm %. "
                "Hãy ghi số điểm % (ví dụ 1,52) trong ô định dạng số thường.",
                f"'{label}' is {points:g}% (a percentage-formatted cell), that is "
                f"{number:g} points, too small for a target: {points:g} points are "
                "used. Write the points (such as 1.52) in a plain number cell.",
                Message(f"{shown}%", f"{points:g}%"),
            )
        )
        number = points
    if slip is not None:
        issues.append(_equals_slip(rel, sheet, found.cell, label, written, slip))
    return float(number)


def without_file_name(text: str, rel: str) -> str:
    """A plan reason without the file name it begins with ('KeHoach.xlsx: …', 'KeHoach.xlsx,
    trang …'), where the file is named already."""
    for prefix in (f"{rel}: ", f"{rel}, "):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def _equals_slip(
    rel: str, sheet: str, cell: str, column: str, written, rest, row: int | None = None
) -> Issue:
    """A plan value typed with a leading '=' and read past it (``rest``): said at its cell
    (the 'Thông tin' values, the targets, the hamlet table), as a hamlet list's is."""
    return Issue("leading-equals-sign", file=rel, sheet=sheet, row=row, cell=cell,
                 column=column, value=clean_text(written), detail=clean_text(rest))  # fmt: skip


def _one_line(problems: list[str], rel: str) -> str:
    """Reasons that each begin with the file's name ('KeHoach.xlsx: …', 'KeHoach.xlsx, trang
    …'), as one reason that names it once."""
    if len(problems) == 1:
        return problems[0]

    def rest(text: str) -> str:
        shorter = without_file_name(text, rel)
        return shorter[:1].upper() + shorter[1:] if shorter != text else text

    def joined(texts: list[str]) -> str:
        return " ".join([texts[0], *map(rest, texts[1:])])

    return Message(
        joined([str.__str__(p) for p in problems]),
        joined([getattr(p, "en", str.__str__(p)) for p in problems]),
    )


def _hamlet_targets(book: Workbook, rel: str, issues: list[Issue]) -> pd.DataFrame:
    sheet = plan_targets_sheet(book)
    if sheet is None:
        others = ", ".join(f"'{n}'" for n in book.visible_sheets)
        raise PlanError(
            Message(
                f"{rel}: không có trang '{PLAN_TARGETS_SHEET}' (bảng chỉ tiêu theo xóm, dòng tiêu "
                f"đề 'Xóm | Tổng số hộ đầu năm | …'); tệp có các trang {others}. Hãy đặt tên trang "
                f"bảng chỉ tiêu là '{PLAN_TARGETS_SHEET}' như mẫu rồi chạy lại.",
                f"{rel}: there is no sheet '{PLAN_TARGETS_SHEET}' (the hamlets' targets, header "
                f"'Xóm | Tổng số hộ đầu năm | …'); the file has the sheets {others}. Name the "
                f"targets sheet '{PLAN_TARGETS_SHEET}' as in the template and run again.",
            )
        )
    grid = book.grid(sheet)
    # a column written twice, one hidden (last year's figures kept out of sight): the visible
    # one is read, what the officer sees and corrects (session 38), as in a start list
    header = hidden_twice(
        _same_header_twice(find_header(grid, TARGET_COLUMNS, book.merges(sheet))),
        book.hidden_cols.get(sheet, set()),
    )
    if header is not None and "hamlet" not in header.columns:
        raise PlanError(
            Message(
                f"{rel}: trang '{sheet}' có dòng tiêu đề (dòng {header.first_row + 1}) nhưng không "
                "có cột tên xóm: hãy ghi 'Xóm' vào ô tiêu đề của cột tên xóm rồi chạy lại.",
                f"{rel}: sheet '{sheet}' has a header (row {header.first_row + 1}) but no column "
                "of hamlet names: write 'Xóm' in the header cell of that column and run again.",
            )
        )
    if header is None:
        raise PlanError(
            Message(
                f"{rel}: trang '{sheet}' không có dòng tiêu đề 'Xóm | Tổng số hộ đầu năm | …'.",
                f"{rel}: sheet '{sheet}' has no header row 'Xóm | Tổng số hộ đầu năm | …'.",
            )
        )
    header_problems = _missing_target_columns(header)
    if header_problems:
        raise PlanError(
            Message(
                f"{rel}: trang '{sheet}' thiếu cột {header_problems}. Hãy thêm cột như mẫu rồi chạy lại.",
                f"{rel}: sheet '{sheet}' has no column {header_problems}. Add it as in the template "
                "and run again.",
            )
        )
    rated = _rate_columns(header)
    if rated:
        raise PlanError(_rate_columns_said(rel, sheet, rated))
    rows = table_rows(grid, header, ("hamlet",), SIGNATURE_MARKERS, TOTAL_MARKERS)
    # a group's subtotal passed over by its words ('Cộng tổ 1 | 350 | 6 | …'), its figures no
    # run of the hamlets next to it gives: said as the start list says one (session 57 review)
    issues += stale_subtotal_issues(rows.stale_subtotals, header, rel, sheet, None, "targets")
    unread = _unread_cells(book, sheet)
    settle_twice(grid, header, rows)  # a header written twice: by its rows
    # Every cell that stops the plan from being used: (Excel row, column, a cell?, what is wrong)
    problems: list[tuple[int, int, bool, Message]] = _nameless_rows(
        grid, header, rows.excel_rows, unread
    )
    problems += _targets_twice(header, rel, sheet, issues)
    records = []
    slips: list[Issue] = []  # cells read past a leading '=' typed by mistake, said once read
    hidden = book.hidden_rows.get(sheet)  # known once the grid is read

    def slip(excel_row: int, key: str, written: str, rest: str) -> None:
        col, text = header.columns[key]
        at = f"{column_letter(col)}{excel_row}"
        slips.append(_equals_slip(rel, sheet, at, text, written, rest, row=excel_row))

    groups = _group_rows(rows)
    for row in rows:
        name, values = row.values.get("hamlet"), row.values
        if (rest := after_equals(name)) is not None:  # '=Nà Mòn': read past the '='
            name, values = rest, {**values, "hamlet": rest}
        if _not_a_hamlet_row(values) or row.excel_row in groups:
            continue
        if (by_filter := hidden_by(hidden, row.excel_row - 1)) is not None and not by_filter:
            # Hidden by hand (an old hamlet after a merger): no hamlet of the plan any more,
            # said at its row; a filter's hidden row is only out of sight and stays a hamlet.
            issues.append(_hidden_hamlet(rel, sheet, header, row.excel_row, name))
            continue
        if by_filter:
            issues.append(_hidden_hamlet(rel, sheet, header, row.excel_row, name, "filter"))
        if rest is not None:
            slip(row.excel_row, "hamlet", row.values["hamlet"], rest)
        # 'Bản Cọ.': a full stop (or other mark) typed after the name is no part of it
        record = {
            "hamlet": _without_end_marks(clean_text(name)) or None,
            "excel_row": row.excel_row,
        }
        for key in PLAN_TARGET_COLUMNS:
            if key != "hamlet":
                raw = row.values.get(key)
                # '2%' is a rate, not 2 households, '450 nhân khẩu' people (session 50): kept
                # as written, said at its cell
                number = _households_count(raw)
                rest = after_equals(raw) if number is None else None
                # '=102', '=1,020' read past as '102' and '1,020' are; '=1%' no count either
                past = parse_count(rest) if rest is not None else None
                if past is not None:
                    number = past
                    slip(row.excel_row, key, raw, rest)
                # As written when it is no whole number ('=2+2'): the message quotes it.
                record[key] = number if number is not None else (None if is_blank(raw) else raw)
        records.append(record)
    # The table as columns of Python values (a dozen rows): checked so, made a frame once at
    # the end (pandas' first calls on frames this small cost a cold run milliseconds).
    table = {key: [record[key] for record in records] for key in _TARGET_TABLE_KEYS}
    table = _without_repeated_hamlets(table, rel, sheet, header, issues, problems)
    failures = None
    plain = _targets_plainly_valid(table)
    if not plain:
        # Only then is the pandera model asked to say what is wrong (an everyday run with a
        # sound plan does not import pandera at all).
        import pandera.pandas as pa

        from schemas.models import PLAN_TARGETS_SCHEMA

        try:
            PLAN_TARGETS_SCHEMA.validate(pd.DataFrame(table, dtype=object), lazy=True)
        except pa.errors.SchemaErrors as errors:
            failures = errors.failure_cases
    bad: set[tuple[int, str]] = set()
    if failures is not None:
        for column, position in zip(failures["column"], failures["index"], strict=True):
            if (
                column in PLAN_TARGET_COLUMNS
                and column != "hamlet"
                and position is not None
                and not pd.isna(position)
            ):
                bad.add((int(position), column))
    problems += [_cell_problem(table, position, key, header, unread) for position, key in bad]
    problems += _impossible_start_counts(table, {position for position, _ in bad})
    if problems:
        raise PlanError(_plan_problems(rel, sheet, problems))
    if not table["hamlet"]:
        raise PlanError(
            Message(
                f"{rel}: trang '{sheet}' không có xóm hợp lệ nào.",
                f"{rel}: sheet '{sheet}' has no valid hamlet.",
            )
        )
    frame = _targets_frame(table, plain)
    if not plain:  # the values as the frame holds them (made whole numbers and text)
        table = {key: frame[key].tolist() for key in _TARGET_TABLE_KEYS}
    issues.extend(slips)
    _targets_above_start(table, rel, sheet, header, issues)
    _total_row_differs(grid, header, rows, groups, table, unread, rel, sheet, issues)
    return frame


def _hidden_twice_said(sheet: str, name: str, cell: str, other: str) -> tuple[str, str]:
    """A column written twice, the one at ``other`` hidden and the one at ``cell`` read."""
    return (
        f"trang '{sheet}' có cột '{name}' hai lần: cột ở ô {other} đang bị ẩn nên "
        f"không được đọc; đã đọc cột đang hiện ở ô {cell}. Nếu cột ẩn chỉ là số liệu "
        "cũ, hãy xóa nó để khỏi nhầm.",
        f"sheet '{sheet}' has column '{name}' twice: the one at {other} is hidden and "
        f"is not read; the visible one at {cell} was read. If the hidden column only "
        "holds old figures, delete it to avoid mistakes.",
    )


def _same_header_twice(header):
    """``header`` keeping, of its columns written twice, only those headed the same words: a
    'Tỷ lệ (%)' beside 'Số hộ' under one 'Hộ nghèo đầu năm' is matched by its parent alone
    and is no second copy of the count (session 24's rate columns, left alone)."""
    if header is not None and header.twice:
        header.twice[:] = [
            twice
            for twice in header.twice
            if fold(clean_text(twice.text)) == fold(clean_text(header.columns[twice.key][1]))
        ]
    return header


def _targets_twice(header, rel: str, sheet: str, issues: list[Issue]) -> list:
    """A column of the targets table written twice (twice.hidden_twice, twice.settle_twice): one
    hidden, the visible one read and a warning naming both cells; both visible and differing
    in a hamlet's row, a problem that stops the plan (which count or target is meant is not
    known); the two alike, read as there (session 38: before, the first of the two was read
    without a word, a hidden column of last year's figures too)."""
    below = header.last_row + 1
    found = []
    for twice in header.twice:
        if twice.state not in ("hidden", "differ") or twice.key == "hamlet":
            continue
        name = header.columns[twice.key][1]
        _, cell = twice_cell(header, twice.read, below)
        _, other = twice_cell(header, twice.other, below)
        if twice.state == "hidden":
            vi, en = _hidden_twice_said(sheet, name, cell, other)
            row = int(other[len(other.rstrip("0123456789")) :])
            issues.append(Issue("plan-value-guessed", file=rel, sheet=sheet, row=row, cell=other,
                                detail=Message(vi, en)))  # fmt: skip
            continue
        first, second = sorted((twice.read, twice.other))
        found.append(
            (
                header.first_row + 1,
                first,
                False,
                Message(
                    f"cột '{name}' ghi hai lần (cột {column_letter(first)} và cột "
                    f"{column_letter(second)}), khác nhau ở {twice.differ} dòng, đầu tiên là "
                    f"dòng {twice.first}: không biết cột nào đúng; hãy xóa hoặc đổi tên cột "
                    f"không dùng (ví dụ '{name} cũ')",
                    f"column '{name}' is written twice (columns {column_letter(first)} and "
                    f"{column_letter(second)}), differing in {twice.differ} row(s), the first "
                    f"row {twice.first}: which one is right is not known; delete or rename the "
                    f"one not used (e.g. '{name} cũ')",
                ),
            )
        )
    return found


# The targets table's columns, in the plan frame's order.
_TARGET_TABLE_KEYS = ("hamlet", *list(PLAN_TARGET_COLUMNS)[1:], "excel_row")


def _targets_frame(table: dict[str, list], plain: bool) -> pd.DataFrame:
    """The plan's hamlets frame of the checked targets table: the counts and targets int64,
    the names text, the Excel rows Python ints (object). ``plain`` (:func:`_targets_plainly_valid`):
    every count a Python int and every name a str already, so the frame is made of them at once."""
    if plain:
        data: dict[str, object] = {}
        for key in _TARGET_TABLE_KEYS:
            if key == "hamlet":  # as the general way makes it (astype(str): pandas' text dtype)
                data[key] = pd.Series(table[key], dtype=object).astype(str)
            elif key == "excel_row":
                data[key] = np.empty(len(table[key]), dtype=object)
                data[key][:] = table[key]
            else:
                data[key] = np.array(table[key], dtype=np.int64)
        return pd.DataFrame(data)
    frame = pd.DataFrame(table, dtype=object)
    for key in list(PLAN_TARGET_COLUMNS)[1:]:
        frame[key] = frame[key].astype(int)
    frame["hamlet"] = frame["hamlet"].astype(str)
    return frame


def _without_end_marks(name: str) -> str:
    """A plan hamlet's name without the punctuation typed after it ('Bản Cọ.', 'Nà Mòn;'); a
    closing bracket (a note) is kept."""
    return name.rstrip(" .,;:!?…-–—*") or name


def _hidden_hamlet(rel: str, sheet: str, header, excel_row: int, name, variant: str = "") -> Issue:
    """A hamlet's row hidden in the plan's table (plan-hamlet-hidden): left out of the plan
    when hidden by hand, kept when a filter hides it (``variant`` 'filter')."""
    col, title = header.columns["hamlet"]
    return Issue("plan-hamlet-hidden", file=rel, sheet=sheet, row=excel_row, column=title,
                 cell=f"{column_letter(col)}{excel_row}", value=clean_text(name),
                 variant=variant)  # fmt: skip


# Rows of the targets table that are no hamlet: the commune's totals under a label that is no
# total marker ('Toàn xã', 'Cả xã', 'Xã Trung Lương'), and a note under the table. Matched with
# their accents ('Cà Xá' may be a hamlet), or folded when the whole label is typed without any.
_COMMUNE_TOTAL_LABELS = (
    "toàn xã",
    "cả xã",
    "tổng xã",
    "cộng xã",
    "tổng toàn xã",
    "cộng toàn xã",
    "tổng số toàn xã",
    "tổng cộng toàn xã",
)
_COMMUNE_TOTAL_FOLDED = tuple(fold(label) for label in _COMMUNE_TOTAL_LABELS)
_NOTE_LABELS = ("ghi chu", "chu thich", "luu y")
# 'Trong đó: hộ DTTS' under a hamlet's row: part of the row above, no hamlet of its own. With
# its accents ('Trọng Đô' may be a hamlet), or folded when typed without any.
_PART_OF_ABOVE = ("trong đó", "tr đó", "t đó")
_PART_OF_ABOVE_FOLDED = ("trong do", "tr do", "t do")
_MOST_PROBLEMS_SAID = 5  # cells named in the one-line reason; the rest are counted


def _is_total_label(name) -> bool:
    """A commune totals row's label ('Toàn xã', 'Cả xã', 'Xã Trung Lương': it begins with
    'xã '; 'Tổng cộng', 'Cộng')."""
    folded = fold(name)
    words = " ".join(re.findall(r"\w+", fold_exact(name)))  # 'TOÀN XÃ:' -> 'toàn xã'
    labels = _COMMUNE_TOTAL_FOLDED if words.isascii() else _COMMUNE_TOTAL_LABELS
    said = folded if words.isascii() else words
    if words.startswith("xã ") or any(
        said == label or said.startswith(label + " ") for label in labels
    ):
        return True  # ('Xà Phìn' folds to 'xa phin': the accent is looked at, not the folding)
    return starts_with_marker(folded, TOTAL_MARKERS)


def _not_a_hamlet_row(values: dict) -> bool:
    """A commune totals row ('Toàn xã', 'Cả xã', 'Xã Trung Lương': the hamlet cell begins with
    'xã '; 'Tổng cộng' when another cell of the row comes first), a part of the hamlet above
    ('Trong đó: hộ DTTS') or a note row ('Ghi chú: …' with no number in the count columns)."""
    name = values.get("hamlet")
    if _is_total_label(name):
        return True  # 'Tổng cộng' in the hamlet column of a row numbered in its STT column
    folded = fold(name)
    words = " ".join(re.findall(r"\w+", fold_exact(name)))
    said = folded if words.isascii() else words
    parts = _PART_OF_ABOVE_FOLDED if words.isascii() else _PART_OF_ABOVE
    if any(said == part or said.startswith(part + " ") for part in parts):
        return True  # 'Trong đó: hộ DTTS', 'Tr.đó DTTS': a part of the hamlet above
    if folded.startswith(_NOTE_LABELS):
        return all(parse_number(values.get(key)) is None for key in PLAN_TARGET_COLUMNS
                   if key != "hamlet")  # fmt: skip
    return False


# A group of hamlets in the targets table (a cluster, an area): its row is no hamlet. The words
# a group's label begins with, with their accents ('Nhòm' may be a hamlet) or folded when the
# whole label is typed without any; 'khu' alone names hamlets too ('Khu 5'), so a 'Khu A' row
# is a group's only when its figures are the sum of its hamlets' rows.
_GROUP_WORDS = r"(cụm|khu vực|khu|vùng|nhóm|liên xóm|liên thôn|liên bản)"
_GROUP_WORDS_FOLDED = r"(cum|khu vuc|khu|vung|nhom|lien xom|lien thon|lien ban)"
# 'Cộng cụm 1', 'Tổng khu A', 'Tổng cộng cụm II': a group's subtotal by its words
_SUBTOTAL = lazyre.compile(rf"^(?:tổng cộng|tổng số|cộng|tổng) {_GROUP_WORDS}(?: |$)")
_SUBTOTAL_FOLDED = lazyre.compile(rf"^(?:tong cong|tong so|cong|tong) {_GROUP_WORDS_FOLDED}(?: |$)")
# 'Cụm 1', 'I. Cụm Nà Mòn', 'Khu vực thành thị': a group's own row (a numbering before it)
_GROUP = lazyre.compile(rf"^(?:(?:[ivx]+|\d+|[a-h]) )?{_GROUP_WORDS}(?: |$)")
_GROUP_FOLDED = lazyre.compile(rf"^(?:(?:[ivx]+|\d+|[a-h]) )?{_GROUP_WORDS_FOLDED}(?: |$)")


# A heading's own name after its group word: a number, a roman numeral or a letter ('Cụm 1',
# 'Cụm II', 'Nhóm A') or the national forms' areas ('Khu vực nông thôn', '… thành thị'), folded
# (session 31): no hamlet's name ('Vùng Cao', 'Cụm Nà Mòn' are hamlets)
_HEADING_NAME = lazyre.compile(
    rf"^(?:(?:[ivx]+|\d+|[a-h]) )?{_GROUP_WORDS_FOLDED} (?:\d+|[ivx]+|[a-h]|nong thon|thanh thi)$"
)


def _heading_named(name) -> bool:
    """A group's label named as a heading is ('Cụm 1', 'Khu vực nông thôn'; :data:`_HEADING_NAME`),
    not as a hamlet ('Vùng Cao'): such a row left blank heads the hamlets even alone in its
    table (a commune of one cluster or one area, session 31)."""
    return _HEADING_NAME.match(" ".join(re.findall(r"\w+", fold(name)))) is not None


# A part of every group word of _GROUP_WORDS and _GROUP_WORDS_FOLDED: a label holding none
# is no group's (:func:`_group_label`).
_GROUP_STEMS = ("cụm", "khu", "vùng", "nhóm", "liên", "cum", "vung", "nhom", "lien")


_MAYBE_GROUP = lazyre.compile(r"^(?:(?:[ivx]+|\d+|[a-h]) )?(?:cong|tong|cum|khu|vung|nhom|lien)\b")


# the folded first words of every label _not_a_hamlet_row knows (totals, notes, 'Trong đó')
_MAYBE_EDGE = lazyre.compile(r"^(?:tong|cong|luy|toan|ca|xa|trong|tr|t|ghi|chu|luu)\b")


def _group_label(name) -> str | None:
    """'subtotal' for a group's subtotal by its words ('Cộng cụm 1', 'Tổng khu A'), 'group'
    for a group's own label ('Cụm 1', 'Khu vực nông thôn'), 'khu' for 'Khu A' (a hamlet's name
    too), else None."""
    if name.__class__ is not str:
        return None
    words = " ".join(re.findall(r"\w+", fold_exact(name)))
    if not any(stem in words for stem in _GROUP_STEMS):
        return None  # no group word ('Tổng cộng'): the patterns are not asked (nor compiled)
    folded = words.isascii()
    if (_SUBTOTAL_FOLDED if folded else _SUBTOTAL).match(words):
        return "subtotal"
    found = (_GROUP_FOLDED if folded else _GROUP).match(words)
    if found is None:
        return None
    return "khu" if found.group(1) == "khu" else "group"


def _group_rows(rows) -> set[int]:
    """The Excel rows of the targets table that are a group's, not a hamlet's: a subtotal by
    its words ('Cộng cụm 1', 'Tổng khu A'); a group's label ('Cụm 1', 'Khu vực thành thị')
    with no figure (a heading over its hamlets, when the table has another group's row or
    the label is named as a heading is, :func:`_heading_named`), or
    whose five figures are the sums of the hamlet rows right above it or right below it, up
    to the next group or total row; 'Khu A' only then, and as the sum of two hamlets or
    more. Which hamlets a group holds is not written anywhere else, so a group's figures
    are not compared with its hamlets' (the one 'Tổng cộng' row is, with the hamlets')."""
    names = rows.columns.get("hamlet") or []
    maybe = _MAYBE_GROUP.match
    # told at a glance, folded (cached): a label that may begin with a group's words
    kinds = [_group_label(name) if maybe(fold(name)) else None for name in names]
    if not any(kinds):
        return set()
    keys = list(PLAN_TARGET_COLUMNS)[1:]
    written = [rows.columns.get(key) or [None] * len(names) for key in keys]
    counts = [list(map(parse_count, column)) for column in written]  # by key, then row
    found: set[int] = set()

    def values(position: int) -> dict:
        return {"hamlet": names[position]} | {
            key: column[position] for key, column in zip(keys, written, strict=True)
        }

    edge = _MAYBE_EDGE.match  # a total, note or part row's first words, folded (a superset)
    edges, passed = [], set()  # group and total rows; notes and parts ('Trong đó') inside runs
    for position in range(len(names)):
        if kinds[position] is not None:
            edges.append(position)
        elif edge(fold(names[position])) and _not_a_hamlet_row(values(position)):
            if _is_total_label(names[position]):
                edges.append(position)
            else:
                passed.add(position)

    def summed(first: int, end: int, least: int) -> list[int] | None:
        hamlets = [p for p in range(first, end) if p not in passed]
        if len(hamlets) < least or any(column[p] is None for column in counts for p in hamlets):
            return None
        return [sum(column[p] for p in hamlets) for column in counts]

    grouped = sum(kind in ("group", "subtotal") for kind in kinds) > 1
    for at, position in enumerate(edges):
        kind = kinds[position]
        if kind is None:
            continue
        if kind == "subtotal":
            found.add(rows.excel_rows[position])
            continue
        if all(is_blank(column[position]) for column in written):
            # a heading with nothing written is a group's among other groups ('Cụm 1', 'Cụm
            # 2'), or alone when named as a heading ('Cụm 1', 'Khu vực nông thôn' over all the
            # hamlets, session 31): a lone 'Vùng Cao' left blank is a hamlet whose figures were
            # forgotten
            if kind == "group" and (grouped or _heading_named(names[position])):
                found.add(rows.excel_rows[position])
            continue
        figures = [column[position] for column in counts]
        # a 'Khu' row (a hamlet's name too: 'Khu 5', 'Khu phố 3') is a group by the sums of two
        # hamlets or more: one hamlet's five figures alike is two hamlets alike (session 40)
        least = 2 if kind == "khu" else 1
        above = summed(edges[at - 1] + 1 if at else 0, position, least)
        below = summed(position + 1, edges[at + 1] if at + 1 < len(edges) else len(names), least)
        if None not in figures and figures in (above, below):
            found.add(rows.excel_rows[position])
    return found


def _rate_columns(header) -> list[tuple[str, str, str]]:
    """The count and target columns of the hamlet table headed as a rate ('Chỉ tiêu giảm hộ
    nghèo (%)', '… (điểm %)', 'Tỷ lệ …'): (column letter, header as written, the template's
    header). Their numbers are rate points, not households: read as households, a 2-point
    target was a 2-household one."""
    found = []
    for key, (template, _) in PLAN_TARGET_COLUMNS.items():
        if key == "hamlet" or key not in header.columns:
            continue
        _, letter, title = _cell_at(header, key)
        words = fold(title).split()
        if "%" in title or "diem" in words or "ty le" in " ".join(words):
            found.append((letter, title, template))
    return found


def _rate_columns_said(rel: str, sheet: str, rated: list) -> Message:
    vi = "; ".join(f"cột {letter} '{title}' ghi tỷ lệ" for letter, title, _ in rated)
    en = "; ".join(f"column {letter} '{title}' holds a rate" for letter, title, _ in rated)
    wanted = ", ".join(f"'{template}'" for _, _, template in rated)
    return Message(
        f"{rel}, trang '{sheet}': {vi}, nhưng bảng chỉ tiêu theo xóm ghi số hộ. Hãy ghi số hộ "
        f"vào cột {wanted} (chỉ tiêu giảm tỷ lệ của cả xã ghi ở trang 'Thông tin chung') rồi "
        "chạy lại.",
        f"{rel}, sheet '{sheet}': {en}, but the hamlets' table holds numbers of households. "
        f"Write households in the column {wanted} (the commune's rate targets go on 'Thông tin "
        "chung') and run again.",
    )


def _is_percent_text(value) -> bool:
    """A count typed with a percent sign ('2%', '1,5 %'): a rate, never a number of households."""
    return isinstance(value, str) and "%" in value


def _households_count(value) -> int | None:
    """A count of households as the targets table's cell holds it (:func:`parse_count`), None
    for a rate ('2%') or a count of people ('450 nhân khẩu'), whose unit the number reader
    drops (session 50)."""
    return None if _is_percent_text(value) or _is_people_text(value) else parse_count(value)


def _is_people_text(value) -> bool:
    """A count typed with a unit of people ('450 nhân khẩu', '450 người'): no number of
    households, though the number reader drops the unit (session 50, review)."""
    return isinstance(value, str) and PEOPLE_UNIT.search(clean_text(value)) is not None


def _missing_target_columns(header) -> str:
    """The targets table's columns its header lacks, quoted ('' when none)."""
    return ", ".join(f"'{header_text}'" for key, (header_text, _) in PLAN_TARGET_COLUMNS.items()
                     if key not in header.columns)  # fmt: skip


def _unread_cells(book: Workbook, sheet: str) -> dict[tuple[int, int], str | None]:
    """(row, col) 0-based -> None for a formula the file holds no calculated value for, or the
    error the cell shows ('#REF!'): calamine reads both as blank."""
    unread: dict[tuple[int, int], str | None] = dict.fromkeys(book.formulas.get(sheet, ()))
    unread.update(book.errors.get(sheet, {}))
    return unread


def _quoted(value) -> str:
    """A cell's value as the officer sees it, cut short for a one-line message."""
    text = as_shown(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _cell_at(header, key: str) -> tuple[int, str, str]:
    """(column index, its letter, its header as written) of ``key`` in the targets table."""
    col, text = header.columns[key]
    return col, column_letter(col), clean_text(text)


def _cell_problem(
    table: dict[str, list], position: int, key: str, header, unread: dict
) -> tuple[int, int, bool, Message]:
    """What is wrong with one count or target cell, at its row and column."""
    excel_row = int(table["excel_row"][position])
    name = table["hamlet"][position]
    col, letter, title = _cell_at(header, key)
    raw = table[key][position]
    if (excel_row - 1, col) in unread:
        vi, en = _unread_said(unread[(excel_row - 1, col)])
    elif raw is None or is_blank(raw):
        vi, en = "đang trống", "is empty"
    elif _is_percent_text(raw):
        shown = _quoted(raw)
        vi = (
            f"ghi '{shown}', là tỷ lệ phần trăm, không phải số hộ: hãy ghi số hộ "
            "(ví dụ 2), không ghi tỷ lệ"
        )
        en = f"holds '{shown}', a percentage, not a number of households: write households (such as 2)"
    elif _is_people_text(raw):
        shown = _quoted(raw)
        vi = (
            f"ghi '{shown}', là số người, không phải số hộ: hãy ghi số hộ, chỉ con số "
            "(ví dụ 215), không ghi số nhân khẩu"
        )
        en = (
            f"holds '{shown}', a number of people, not of households: write the households, "
            "the number alone (such as 215), not the people"
        )
    else:
        number = parse_number(raw)
        shown = _quoted(raw)
        if number is None:
            vi, en = f"ghi '{shown}', không phải số", f"holds '{shown}', not a number"
        elif not float(number).is_integer():
            vi, en = f"ghi {shown}, không phải số nguyên", f"holds {shown}, not a whole number"
            if isinstance(raw, float) and 0 < raw < 1:
                # 2 % in a percentage-formatted cell is stored 0.02: the cell shows '2%'
                pct = f"{round(raw * 100, 6):g}"
                vi += (
                    f" (nếu ô hiện {pct.replace('.', ',')}% thì đó là tỷ lệ: cột này ghi số hộ, "
                    "ví dụ 2, trong ô định dạng số thường)"
                )
                en += (
                    f" (if the cell shows {pct}%, that is a rate: this column holds households, "
                    "such as 2, in a plain number cell)"
                )
        elif number < 0:
            vi, en = f"ghi {shown}, là số âm", f"holds {shown}, a negative number"
        else:  # 0 households
            vi = f"ghi {shown}: một xóm có ít nhất 1 hộ"
            en = f"holds {shown}: a hamlet has at least one household"
    return (
        excel_row,
        col,
        True,
        Message(
            f"dòng {excel_row} ({name}), cột {letter} '{title}' {vi}",
            f"row {excel_row} ({name}), column {letter} '{title}' {en}",
        ),
    )


def _impossible_start_counts(table: dict[str, list], bad: set[int]) -> list:
    """Rows whose poor and near-poor households at the start are more than all its households
    (rows with a bad count are said for that cell)."""
    found = []
    for position, (name, households, poor, near, excel_row) in enumerate(
        zip(
            table["hamlet"],
            table["start_households"],
            table["start_poor"],
            table["start_near_poor"],
            table["excel_row"],
            strict=True,
        )
    ):
        if position in bad or not all(_whole(v) for v in (households, poor, near)):
            continue
        if poor + near > households:
            found.append(
                (
                    int(excel_row),
                    -1,
                    False,
                    Message(
                        f"dòng {excel_row} ({name}): {poor} hộ nghèo cộng {near} hộ cận nghèo đầu năm là "
                        f"{poor + near} hộ, nhiều hơn tổng số hộ đầu năm ({households})",
                        f"row {excel_row} ({name}): {poor} poor and {near} near-poor households at the "
                        f"start make {poor + near}, more than all households at the start ({households})",
                    ),
                )
            )
    return found


def _without_repeated_hamlets(
    table: dict[str, list], rel: str, sheet: str, header, issues: list[Issue], problems: list
) -> dict[str, list]:
    """A hamlet written twice (its names the same hamlet, as rosters are matched: 'Nà Mòn',
    'Xóm Nà Mòn', 'NÀ MÒN'): counted once, with a warning, when the rows are the same; else
    a problem naming both rows (which figures are the hamlet's is the officer's to say)."""
    from pipeline.hamlets import HamletMatcher

    names = table["hamlet"]
    matcher = HamletMatcher([n for n in names if n])
    groups: dict[str, list[int]] = {}
    for position, name in enumerate(names):
        if name:
            groups.setdefault(matcher.match(name) or name, []).append(position)
    keys = list(PLAN_TARGET_COLUMNS)[1:]

    def written(position: int) -> tuple:
        return tuple(v if _whole(v) else _quoted(v) for v in (table[k][position] for k in keys))

    excel_rows = table["excel_row"]
    repeated = []
    _, letter, title = _cell_at(header, "hamlet")
    for positions in groups.values():
        first = positions[0]
        for other in positions[1:]:
            row_a, row_b = int(excel_rows[first]), int(excel_rows[other])
            same_figures = written(first) == written(other)
            if names[first] == names[other] and same_figures:
                repeated.append(other)
                issues.append(
                    Issue(
                        "plan-hamlet-repeated",
                        file=rel,
                        sheet=sheet,
                        row=row_b,
                        column=title,
                        cell=f"{letter}{row_b}",
                        value=names[other],
                        detail=Message(
                            f"dòng {row_a} và dòng {row_b}", f"rows {row_a} and {row_b}"
                        ),
                    )
                )
                continue
            differ_vi = "" if same_figures else " với số liệu khác nhau"
            differ_en = "" if same_figures else " with different figures"
            problems.append(
                (
                    row_b,
                    -1,
                    False,
                    Message(
                        f"dòng {row_a} ('{names[first]}') và dòng {row_b} ('{names[other]}') là cùng một "
                        f"xóm{differ_vi}: mỗi xóm chỉ ghi một dòng",
                        f"rows {row_a} ('{names[first]}') and {row_b} ('{names[other]}') are the same "
                        f"hamlet{differ_en}: write each hamlet on one row only",
                    ),
                )
            )
    if not repeated:
        return table
    dropped = set(repeated)
    return {
        key: [v for position, v in enumerate(values) if position not in dropped]
        for key, values in table.items()
    }


def _unread_said(error: str | None) -> tuple[str, str]:
    """What a targets-table cell the reader could not see holds: a formula saved without its
    calculated value (``None``), or the error it shows ('#N/A', '#REF!')."""
    if error is None:
        return (
            "có công thức nhưng không có giá trị đã tính (tệp được lưu bằng chương trình "
            "khác Excel: hãy mở tệp bằng Excel, nhấn Lưu)",
            "holds a formula but no calculated value (the file was saved by a program other "
            "than Excel: open it in Excel and press Save)",
        )
    return f"hiện lỗi '{error}'", f"shows the error '{error}'"


def _nameless_rows(
    grid: list[list], header, excel_rows: list[int], unread: dict
) -> list[tuple[int, int, bool, Message]]:
    """Rows of the table with the figures of a hamlet but no name the reader could see: the
    name cell a formula without a calculated value, or blank (inside the table, above its last
    hamlet; a row under the table that only sums it may have no label)."""
    found: list[tuple[int, int, bool, Message]] = []
    if not excel_rows:
        return found
    name_col, name_title = header.columns["hamlet"]
    counts = [header.columns[key][0] for key in PLAN_TARGET_COLUMNS if key != "hamlet"]
    taken = set(excel_rows)
    last = max(excel_rows)  # 1-based: the last hamlet row
    end = last
    while end < len(grid) and any(not is_blank(v) for v in grid[end]):
        end += 1  # the rows written right under the last hamlet row (0-based 'end' excluded)
    letter, title = column_letter(name_col), clean_text(name_title)
    for index in range(header.last_row + 1, end):
        if index + 1 in taken:
            continue
        raw = grid[index]
        cell = raw[name_col] if name_col < len(raw) else None
        numbers = sum(1 for col in counts if col < len(raw) and parse_number(raw[col]) is not None)
        computed = any((index, col) in unread for col in counts)
        if (index, name_col) in unread and (numbers or computed):
            vi, en = _unread_said(unread[(index, name_col)])
            if unread[(index, name_col)] is not None:
                vi, en = f"{vi}: hãy ghi tên xóm vào ô này", f"{en}: write the hamlet's name in it"
            found.append(
                (
                    index + 1,
                    name_col,
                    True,
                    Message(
                        f"dòng {index + 1}, cột {letter} '{title}' (tên xóm) {vi}",
                        f"row {index + 1}, column {letter} '{title}' (the hamlet's name) {en}",
                    ),
                )
            )
            continue
        if index + 1 >= last or not is_blank(cell) or numbers < 2:
            continue
        texts = [
            v
            for col, v in enumerate(raw)
            if col not in counts and col != name_col and not is_blank(v) and parse_number(v) is None
        ]
        if texts:
            continue  # a labelled row (a subtotal, a section) in another column
        if all(
            parse_count(raw[col])
            == sum(
                parse_count(grid[row - 1][col]) or 0 for row in taken if col < len(grid[row - 1])
            )
            for col in counts
            if col < len(raw) and parse_number(raw[col]) is not None
        ):
            continue  # the table's totals, without their label
        found.append(
            (
                index + 1,
                name_col,
                True,
                Message(
                    f"dòng {index + 1}, cột {letter} '{title}' đang trống nhưng dòng có số liệu của một xóm",
                    f"row {index + 1}, column {letter} '{title}' is empty but the row holds a hamlet's "
                    "figures",
                ),
            )
        )
    return found


def _plan_problems(rel: str, sheet: str, problems: list) -> Message:
    """One line naming the first problems of the targets table, in sheet order, and how many
    more there are."""
    problems = sorted(problems, key=lambda p: (p[0], p[1]))
    said = problems[:_MOST_PROBLEMS_SAID]
    rest = problems[_MOST_PROBLEMS_SAID:]
    vi = "; ".join(p[3] for p in said)
    en = "; ".join(p[3].en for p in said)
    if rest:
        cells = all(p[2] for p in rest)
        vi += f"; và {len(rest)} {'ô' if cells else 'lỗi'} khác"
        en += f"; and {len(rest)} more {'cells' if cells else 'problems'}"
    return Message(
        f"{rel}, trang '{sheet}': {vi}. Hãy sửa tệp kế hoạch rồi chạy lại.",
        f"{rel}, sheet '{sheet}': {en}. Correct the plan file and run again.",
    )


def _targets_above_start(
    table: dict[str, list], rel: str, sheet: str, header, issues: list[Issue]
) -> None:
    """A warning for a hamlet target larger than its households at the start (it cannot be met)."""
    for values in zip(*table.values(), strict=True):
        record = dict(zip(table, values, strict=True))
        for target_key, start_key, vi_word, en_word in _TARGETS_AND_STARTS:
            target, start = record[target_key], record[start_key]
            if target <= start:
                continue
            excel_row = int(record["excel_row"])
            _, letter, title = _cell_at(header, target_key)
            issues.append(
                Issue(
                    "plan-target-above-start",
                    file=rel,
                    sheet=sheet,
                    row=excel_row,
                    column=title,
                    cell=f"{letter}{excel_row}",
                    value=record["hamlet"],
                    hamlet=record["hamlet"],
                    detail=Message(
                        f"chỉ tiêu giảm {target} {vi_word} (ô {letter}{excel_row}) nhưng "
                        f"đầu năm chỉ có {start} {vi_word}",
                        f"a reduction of {target} {en_word} households (cell "
                        f"{letter}{excel_row}) but {start} at the start",
                    ),
                )
            )


def _total_row_differs(
    grid,
    header,
    rows,
    groups: set[int],
    table: dict[str, list],
    unread: dict,
    rel: str,
    sheet: str,
    issues: list,
) -> None:
    """A warning at the targets table's total row ('Tổng cộng', 'Toàn xã') whose numbers are
    not the sums of its hamlets' rows (plan-total-differs): the report sums the hamlets, the
    officer reads the total. Only one total row is compared (two may be a subtotal and the
    total: which rows each adds is not known); a cell blank (or a dash), or a formula with no
    calculated value is not. A cell written but no whole number ('4.50', 4.5) is said as
    differing (session 40). A sum over every row read (a row hidden by hand, a hamlet written
    twice, both left out of the plan) is taken as agreeing too."""
    hamlet_col = header.columns["hamlet"][0]
    hamlet_rows = set(table["excel_row"])
    totals = []
    for index in range(header.last_row + 1, len(grid)):
        raw = grid[index]
        label = _row_label(raw, hamlet_col)
        if (
            label is not None
            and index + 1 not in hamlet_rows
            and index + 1 not in groups
            and _is_total_label(label)
            and _group_label(label) != "subtotal"  # 'Tổng cộng cụm 1', a group's
        ):
            totals.append(index)
    if len(totals) != 1:
        return
    [index] = totals
    raw = grid[index]
    differ = []  # (key, typed, summed) of the cells whose whole number is not the hamlets' sum
    for key in list(PLAN_TARGET_COLUMNS)[1:]:
        col = _cell_at(header, key)[0]
        if col >= len(raw) or (index, col) in unread:
            continue
        typed = _households_count(raw[col])  # '450 nhân khẩu' no count (session 50, review)
        summed = sum(table[key])
        if typed is not None and typed != summed:
            differ.append((key, typed, summed))
        elif typed is None and not _no_number_written(raw[col]):
            # '4.50', '4,5', 4.5: written, but no count of households (session 40)
            differ.append((key, raw[col], summed))
    if not differ:
        return  # the common case: the rows below are not walked
    every_row: dict[str, int] = {}  # the sums over every row read, hidden or twice included
    for row in rows:
        if not _not_a_hamlet_row(row.values) and row.excel_row not in groups:
            for key in PLAN_TARGET_COLUMNS:
                number = parse_count(row.values.get(key)) if key != "hamlet" else None
                every_row[key] = every_row.get(key, 0) + (number or 0)
    vi, en, first, column = [], [], None, ""
    for key, typed, summed in differ:
        _, letter, title = _cell_at(header, key)
        if typed == every_row.get(key):
            continue
        if first is None:
            first, column = f"{letter}{index + 1}", title
        if typed.__class__ is int:
            vi.append(f"cột {letter} '{title}' ghi {format_vn(typed, 0)}, cộng các xóm được "
                      f"{format_vn(summed, 0)}")  # fmt: skip
            en.append(f"column {letter} '{title}' holds {format_en(typed, 0)}, the hamlets sum "
                      f"to {format_en(summed, 0)}")  # fmt: skip
            continue
        number = typed.__class__ is float and math.isfinite(typed)
        shown = format_vn(typed, 2, trim=True) if number else clean_text(str(typed))
        shown_en = format_en(typed, 2, trim=True) if number else clean_text(str(typed))
        vi.append(f"cột {letter} '{title}' ghi '{shown}', không phải một số hộ, cộng các xóm "
                  f"được {format_vn(summed, 0)}")  # fmt: skip
        en.append(f"column {letter} '{title}' holds '{shown_en}', which is no number of "
                  f"households, the hamlets sum to {format_en(summed, 0)}")  # fmt: skip
    if first is None:
        return
    label = _row_label(raw, hamlet_col)
    issues.append(
        Issue(
            "plan-total-differs",
            file=rel,
            sheet=sheet,
            row=index + 1,
            column=column,
            cell=first,
            value=clean_text(label),
            instead=Message(f"dòng {index + 1}", f"row {index + 1}"),
            detail=Message("; ".join(vi), "; ".join(en)),
        )
    )


def _no_number_written(value) -> bool:
    """A total row's cell left without a number: blank, or only a dash or dots ('-', '…')."""
    if is_blank(value):
        return True
    return value.__class__ is str and not value.strip(PLACEHOLDER_MARKS)


def _row_label(raw: list, hamlet_col: int) -> str | None:
    """The first text written in a row up to its hamlet cell ('Tổng cộng' after an STT)."""
    return next((v for v in raw[: hamlet_col + 1] if v.__class__ is str and not is_blank(v)), None)


def _whole(value) -> bool:
    return value.__class__ is int and value >= 0


def _targets_plainly_valid(table: dict[str, list]) -> bool:
    """Every row passes PLAN_TARGETS_SCHEMA (told without it: the common case): every name a
    str, every count a Python int."""
    names = table["hamlet"]
    if any(name is None or name != name for name in names):
        return False
    if not all(_whole(v) and v > 0 for v in table["start_households"]):
        return False
    return all(_whole(v) for key in ("start_poor", "start_near_poor", "poor_target",
                                     "near_poor_target") for v in table[key])  # fmt: skip


def _read_twice_said(
    sheet: str, name: str, twice, cell: str, other: str, cells: dict[int, str]
) -> tuple[str, str]:
    """A start list's column of one kind read from two (headers.TwiceColumn 'rounds'): each
    household from the one at ``cell``, from the one at ``other`` where it is blank; under two
    names yielding as far ('Dân tộc (Kinh/DTTS)' beside 'Dân tộc (DTTS)', ``twice.named``;
    session 46), else an earlier round of a check ('Lần 1' beside 'Lần 2': the later read).
    The rows differing, those read from ``other`` and those where ``other`` differs from a
    third one read there (``cells``: rosterchecks.unheeded_said) said; (vi, en)."""
    if twice.named:
        read = (f"cột ở ô {cell}", f"the column at {cell}")
        kept = (f"cột ở ô {other}", f"the column at {other}")
        two, blank = "hai cột", "để trống"
        vi = (
            f"trang '{sheet}' có cột '{name}' ghi hai lần dưới hai tên khác nhau (ô {cell} và ô "
            f"{other}): mỗi hộ đọc cột ở ô {cell}, cột ở ô {other} chỉ đọc khi cột kia để trống"
        )
        en = (
            f"sheet '{sheet}' has column '{name}' written twice under two names (at {cell} and "
            f"{other}): each household is read from the column at {cell}, from the one at "
            f"{other} only where the other is blank"
        )
    else:
        read, kept = ("lần sau", "the later one"), ("lần trước", "the earlier one")
        two, blank = "hai lần", "chưa ghi"
        vi = (
            f"trang '{sheet}' có cột '{name}' ghi nhiều lần (lần trước ở ô {other}, lần sau ở ô "
            f"{cell}): mỗi hộ đọc lần sau, lần trước chỉ đọc khi lần sau để trống"
        )
        en = (
            f"sheet '{sheet}' has column '{name}' written more than once (the earlier at "
            f"{other}, the later at {cell}): each household is read from the later one, from "
            "the earlier only where the later is blank"
        )
    said = []
    if twice.differ:
        said.append((f"{twice.differ} dòng hộ ghi {two} khác nhau (đầu tiên là dòng "
                     f"{twice.first}): đã đọc {read[0]}",
                     f"{twice.differ} household row(s) differ between the two (the first row "
                     f"{twice.first}): {read[1]} was read"))  # fmt: skip
    if twice.filled:
        how = year_income_read(twice) if twice.named else ("", "")
        said.append((f"{len(twice.filled)} dòng hộ {blank} {read[0]} (đầu tiên là dòng "
                     f"{twice.filled[0]}): đã đọc {kept[0]}{how[0]}",
                     f"{len(twice.filled)} household row(s) leave {read[1]} blank (the first "
                     f"row {twice.filled[0]}): {kept[1]} was read{how[1]}"))  # fmt: skip
    said += unheeded_said(twice, cell, other, cells)
    return (f"{vi}; {'; '.join(v for v, _ in said)}.", f"{en}; {'; '.join(e for _, e in said)}.")


def _start_twice(header, rel: str, sheet: str, issues: list[Issue]) -> bool:
    """A column of the start list written twice (twice.settle_twice), said as for a hamlet's
    list: the two differing leaves the start list out (an error: which class or size each
    household began the year with would depend on the column read; True); one hidden, the two
    alike, a note twice or an earlier round of a check ('Lần 1' beside 'Lần 2') read as there,
    a warning naming both cells."""
    below = header.last_row + 1
    names = {c.key: c.header for c in START_LIST_COLUMNS}
    refused = False
    for twice in header.twice:
        if twice.state in ("", "quiet") or (
            twice.state == "rounds" and not (twice.differ or twice.filled or twice.unheeded)
        ):
            continue
        name = names.get(twice.key, header.columns[twice.key][1])
        _, cell = twice_cell(header, twice.read, below)
        _, other = twice_cell(header, twice.other, below)
        first, second = sorted((cell, other), key=lambda c: cell_position(c) or (0, 0))
        if twice.state == "differ":
            refused = True
            vi = (
                f"trang '{sheet}' có cột '{name}' hai lần ({first} và {second}) và hai cột ghi "
                f"khác nhau ở {twice.differ} dòng hộ, đầu tiên là dòng {twice.first}: không "
                "biết cột nào đúng nên chưa dùng danh sách đầu năm. Hãy xóa hoặc đổi tên cột "
                f"không dùng (ví dụ '{name} cũ') rồi chạy lại."
            )
            en = (
                f"sheet '{sheet}' has column '{name}' twice ({first} and {second}) and the two "
                f"differ in {twice.differ} household row(s), the first row {twice.first}: "
                "which one is right is not known, so the start-of-year list is not used. "
                f"Delete or rename the column not used (e.g. '{name} cũ') and run again."
            )
            code = "plan-invalid"
        elif twice.state == "hidden":
            vi, en = _hidden_twice_said(sheet, name, cell, other)
            code = "plan-value-guessed"
        elif twice.state == "rounds":  # two names of it, or rounds of a check
            cells = unheeded_cells(header, twice, below)
            vi, en = _read_twice_said(sheet, name, twice, cell, other, cells)
            code = "plan-value-guessed"
        else:  # 'same', 'notes'
            alike = twice.state == "same"
            vi = (
                f"trang '{sheet}' có cột '{name}' hai lần ({first} và {second})"
                + (", ghi giống nhau ở mọi dòng" if alike else ", ghi khác nhau")
                + f": chỉ đọc cột {column_letter(twice.read)}. Nên xóa hoặc gộp cột thừa."
            )
            en = (
                f"sheet '{sheet}' has column '{name}' twice ({first} and {second})"
                + (", the same in every row" if alike else " with different contents")
                + f": only column {column_letter(twice.read)} is read. Delete or merge the "
                "extra column."
            )
            code = "plan-value-guessed"
        row = int(other[len(other.rstrip("0123456789")) :])
        issues.append(Issue(code, file=rel, sheet=sheet, row=row, cell=other,
                            detail=Message(vi, en)))  # fmt: skip
    return refused


def _income_read(
    data: dict, header, plan: Plan, rel: str, sheet: str, issues: list[Issue]
) -> dict[str, tuple[int, str]]:
    """The start list's columns as read (``header.columns``), its income naming the household
    but no period ('Thu nhập của hộ', 'TN hộ') read as the household's month where the whole
    list's values are household-sized (rosterchecks.household_sized_evidence), said once at
    its header in the plan's words, as a hamlet's list is (session 53); 'TN hộ' or 'Tổng thu
    nhập của hộ' whose values are not (text.household_total_untimed) not read, as before
    (``data['thu_nhap']`` blanked in place)."""
    found = header.columns
    income = found.get("thu_nhap")
    if income is None or not household_no_period(income[1]):
        return found
    line = STANDARDS[plan.standard].income_line(plan.area)
    evidence = household_sized_evidence(data, header, line)
    if evidence is None:
        if household_total_untimed(income[1]):
            data["thu_nhap"] = [normalise_value("thu_nhap", None)] * len(data["thu_nhap"])
            return {k: v for k, v in found.items() if k != "thu_nhap"}
        return found
    row, cell = header_cell(header, income[0], header.last_row + 1)
    issues.append(Issue("income-per-year", file=rel, sheet=sheet, row=row, cell=cell,
                        column=income[1], value=str(evidence[0]), instead=str(evidence[1]),
                        detail=ROSTER_COLUMN_BY_KEY["thu_nhap"].header,
                        variant="plan-household-month-guessed"))  # fmt: skip
    return {**found, "thu_nhap": (income[0], HouseholdMonthRead(income[1]))}


def _start_count_issues(
    sheet: str, grid: list[list], data: dict, matcher, rel: str, grands: list | None = None
) -> list[Issue]:
    """The start list's total under its last household writing a count of households ('Tổng
    cộng | 3 hộ', read as a hamlet's list's is: discover.total_counts) beside its household
    rows (``data``, its hamlets' totals taken out): said, total-count-differs variant 'plan',
    where it counts neither all of them, those not written 'Thoát', nor the last hamlet's (the
    total of that hamlet alone); a row naming a plan hamlet ('Cộng xóm Đồng Kè | 2 hộ') is
    that hamlet's, unsaid. Was unsaid, as a bare count ('Tổng cộng | 5') no longer is
    (session 60, E). ``grand``: the list's total in the head's name with its count under 'Mã
    hộ', bare too (:func:`_totals_counting`, 'Xóm' blank: '| 5 | Tổng cộng'), read as a
    household until session 61, asked the same; ``grands``: each such row (Excel row, its
    total), in the list's order. Under the last household it may count the rows since the
    total above it too (a part's total); above other rows it counts the rows above it (all,
    those not 'Thoát', or those since the total above it), else said, variant 'plan-above'
    (session 62)."""
    excel_rows = data["excel_row"]
    if not excel_rows:
        return []
    rows = SimpleNamespace(excel_rows=excel_rows, columns=data)
    # the grid as read (the early reader's child's, where it read the list): the book's own
    # would read the sheet again
    book_read = SimpleNamespace(grid=lambda _: grid)
    found = []
    totals = total_counts(book_read, [(sheet, None, rows)], sheet, None)
    classes = data.get("phan_loai") or [None] * len(excel_rows)
    previous = 0  # the rows above the total above (session 62)
    for at, grand in grands or ():  # (hamlet '', cell, as written, count, from 'Xóm')
        above = bisect_left(excel_rows, at) or len(excel_rows)  # on top of the list: all
        gone = sum(
            1
            for v in classes[:above]
            if v == "exited" or (v.__class__ is str and vocab.classification(v) == "exited")
        )
        said, since, previous = grand[3], above - previous, above
        if said == since:
            continue  # a part's total: the rows since the total above it
        if above < len(excel_rows):  # households under it: the list's total before them
            if said not in (above, above - gone):
                found.append(Issue("total-count-differs", file=rel, sheet=sheet, row=at,
                                   cell=grand[1], value=grand[2], detail=str(above),
                                   instead=Message(f"dòng {at}", f"row {at}"),
                                   variant="plan-above"))  # fmt: skip
            continue
        totals.append((sheet, grand[1], grand[2], said, above, above - gone))
    for _, cell, written, said, read, staying in totals:
        hamlets = data.get("hamlet") or ()
        last = fold(clean_text(hamlets[-1])) if hamlets else ""
        if said in (read, staying) or (
            last and said == sum(1 for h in hamlets if fold(clean_text(h)) == last)
        ):
            continue
        at = cell_position(cell)[0]
        texts = [v for v in grid[at] if isinstance(v, str) and households_written(v) is None]
        if any(
            hamlet_after_total(v, matcher.match) is not None or matcher.match(clean_text(v))
            for v in texts
        ):
            continue  # a hamlet's total, its count that hamlet's
        found.append(Issue("total-count-differs", file=rel, sheet=sheet, row=at + 1, cell=cell,
                           value=written, detail=str(read),
                           instead=Message(f"dòng {at + 1}", f"row {at + 1}"),
                           variant="plan"))  # fmt: skip
    return found


def _totals_counting(data: dict, header, matcher) -> tuple[dict, dict[int, tuple]]:
    """``data`` (the start list's rows) less those a hamlet's total writing its count of
    households under 'Mã hộ', bare or with 'hộ' ('| 2 | Cộng xóm Đồng Kè |', 'Cộng xóm Nà Mòn
    | 4' between its households and the next hamlet's, 'Đồng Kè | 3 hộ | Cộng': the hamlet
    after a total's words, :func:`tables.hamlet_after_total`, or in 'Xóm' beside a total's
    words alone, :func:`tables.plain_total`), nothing else of a household (no class, birth
    year or ID number); and those rows: Excel row -> (the hamlet, the count's cell, as
    written, the count, whether the hamlet is read from 'Xóm': a count of the whole list is
    then right too), for :func:`_hamlet_count_issues`. Such a row was read as a household
    ('start-list-hamlet-blank', 'household-id-is-count'; session 61)."""
    names, codes = data.get("chu_ho") or (), data.get("ma_ho") or ()
    column = header.columns.get("ma_ho")
    if column is None or not names:
        return data, {}
    found: dict[int, tuple] = {}
    drop = []
    hamlets = data.get("hamlet") or [None] * len(names)
    # told at a glance: a name beginning 'C' or 'T' ('Cộng', 'Tổng'), as hamlet_totals tells it
    maybe = [i for i, name in enumerate(names) if name.__class__ is str and name[:1] in "CcTt"]
    for i in maybe:
        name, code = names[i], codes[i]
        if code is None:
            continue
        said = bare_count(code)
        if said is None and code.__class__ is str:
            said = households_written(code)
        if said is None:
            continue
        named = hamlet_after_total(name, matcher.match)
        by_xom = named is None  # 'Đồng Kè | 2 | Cộng': the list's total too, 'Xóm' copied down
        # written as a total is ('Cộng', 'Cong'), not a head's 'Công', 'Tống' folded alike
        # (session 61 review)
        if by_xom and plain_total(name) and written_as_total(name):
            if hamlets[i].__class__ is str and hamlets[i].strip():
                named = matcher.match(clean_text(hamlets[i]))
            else:
                # '| 5 | Tổng cộng' under the last household: the list's total; above other
                # rows too (written twice, an old total left above rows added since, a part's
                # total; session 62)
                named = ""
        if (
            named is None
            or not is_blank(data["phan_loai"][i] if "phan_loai" in data else None)
            or person_detail(data["nam_sinh"][i] if "nam_sinh" in data else None, "nam_sinh")
            or person_detail(
                data["so_dinh_danh"][i] if "so_dinh_danh" in data else None, "so_dinh_danh"
            )
        ):
            continue
        row = data["excel_row"][i]
        written = clean_text(code) if code.__class__ is str else str(said)
        found[row] = (named, f"{column_letter(column[0])}{row}", written, said, by_xom)
        drop.append(i)
    if not drop:
        return data, {}
    gone = set(drop)
    kept = [i for i in range(len(names)) if i not in gone]
    return {key: [values[i] for i in kept] for key, values in data.items()}, found


def _hamlet_count_issues(
    sheet: str, grid: list[list], data: dict, matcher, rel: str, counted: dict | None = None
) -> list[Issue]:
    """Each hamlet's total in the start list, between its households or under them ('| 3 hộ |
    Cộng xóm Đồng Kè |': a plan hamlet named after a total's words, tables.hamlet_after_total,
    its count of households written with 'hộ' in another cell), whose count is neither that
    hamlet's rows (``data``, its hamlets' totals taken out) nor those not written 'Thoát':
    said, total-count-differs variant 'plan-hamlet', at the count. Was unsaid: the list's own
    total is read under its last household alone (:func:`_start_count_issues`; session 60
    review). Only the rows the reader passed over are looked at, and those ``counted``
    (:func:`_totals_counting`: a count under 'Mã hộ', bare too; session 61); where a row's
    hamlet is blank (named by a section row above it) the hamlets' rows are not known: none
    said."""
    excel_rows = data["excel_row"]
    hamlets = data.get("hamlet") or ()
    if not excel_rows or not all(v.__class__ is str and v.strip() for v in hamlets):
        return []
    held = set(excel_rows)
    counted = counted or {}
    end = min(len(grid), max([excel_rows[-1], *counted]) + TOTAL_LOOK)
    found: list[Issue] = []
    rows_of = None
    every_staying = 0  # the list's rows not written 'Thoát'
    for at in range(min([excel_rows[0], *counted]) - 1, end):  # 0-based: from the first one
        if at + 1 in held:
            continue
        whole = False  # the count may be the whole list's (the hamlet read from 'Xóm')
        if at + 1 in counted:  # its count under 'Mã hộ', bare too (:func:`_totals_counting`)
            named, cell, written, said, whole = counted[at + 1]
        else:
            texts = [(c, v) for c, v in enumerate(grid[at]) if v.__class__ is str and v.strip()]
            if len(texts) < 2:
                continue
            named = next(
                (h for _, v in texts if (h := hamlet_after_total(v, matcher.match)) is not None),
                None,
            )
            if named is None:
                continue
            count = next(
                ((c, v, n) for c, v in texts if (n := households_written(v)) is not None), None
            )
            if count is None:
                continue
            col, written, said = count
            cell, written = f"{column_letter(col)}{at + 1}", clean_text(written)
        if rows_of is None:  # each hamlet's rows, and those not written 'Thoát'
            classes = data.get("phan_loai") or [None] * len(hamlets)
            rows_of = {}
            for hamlet, klass in zip(hamlets, classes, strict=True):
                name = matcher.match(clean_text(hamlet))
                gone = klass == "exited" or (  # normalised, or as written
                    klass.__class__ is str and vocab.classification(klass) == "exited"
                )
                all_, staying = rows_of.get(name, (0, 0))
                rows_of[name] = (all_ + 1, staying + (not gone))
            every_staying = sum(staying for _, staying in rows_of.values())
        read, staying = rows_of.get(named, (0, 0))
        if said in (read, staying) or whole and said in (len(excel_rows), every_staying):
            continue
        found.append(Issue("total-count-differs", file=rel, sheet=sheet, row=at + 1, cell=cell,
                           value=written, detail=str(read), hamlet=named,
                           instead=Message(f"dòng {at + 1}", f"row {at + 1}"),
                           variant="plan-hamlet"))  # fmt: skip
    return found


def _past_totals_read(
    stale: Iterable[StaleSubtotal], data: dict[str, list], match: Callable[[str], str | None]
) -> list[StaleSubtotal]:
    """The start list's stale totals (``stale``: tables.StaleSubtotal) but a total writing no
    count of households among whose rows the reader took a total's (a hamlet's typed without
    marks, 'Cong Na Mon', or '| 8 | Tổng cộng' above rows added since: told apart once the
    plan is known, :func:`_start_list`): its figures set beside rows holding totals, not asked
    (session 63, D)."""
    if not any(row.uncounted for row in stale):
        return list(stale)
    totals = set()
    for key in ("chu_ho", "hamlet"):
        for at, value in zip(data["excel_row"], data.get(key) or (), strict=False):
            if value.__class__ is str and (
                hamlet_after_total(value, match) is not None
                or starts_with_marker(fold(value), TOTAL_MARKERS)
            ):
                totals.add(at)
    return [row for row in stale if not (row.uncounted and totals.intersection(row.rows))]


def _start_list(
    book: Workbook, rel: str, plan: Plan, issues: list[Issue], read: StartRows | None = None
) -> pd.DataFrame | None:
    """The plan's start list, validated; ``read``: its rows as the early reader's child read
    them (startlist.read_ahead), else read here, the same steps in the same order."""
    if read is None:
        read = start_list_rows(book)
    sheet, header, grid = read.sheet, read.header, read.grid
    if sheet is None:
        return None
    if header is None:
        issues.append(
            Issue(
                "plan-invalid",
                file=rel,
                sheet=sheet,
                detail=Message(
                    f"trang '{sheet}' không có dòng tiêu đề như mẫu; bỏ qua danh sách đầu năm.",
                    f"sheet '{sheet}' has no header row like the template's; "
                    "the start-of-year list is left out.",
                ),
            )
        )
        plan.start_list_unread = True
        return None
    from pipeline.hamlets import HamletMatcher, known_hamlets  # local: avoids an import cycle

    matcher = HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)
    rows = read.rows
    if _start_twice(header, rel, sheet, issues):
        plan.start_list_unread = True
        return None
    issues += struck_parts_said(book, rel, sheet, header)  # read as the text left (session 67)
    # a year's income read a twelfth a month, said as in a hamlet's list (session 46 review)
    income = income_per_year(header, header.last_row + 1, plan=True)
    if income is not None:
        issues.append(Issue("income-per-year", file=rel, sheet=sheet, **income))
    read = start_list_columns(read)  # taken already when the early reader read the plan
    # a value read blank for a formula without a value or an error value ('#REF!'): said as
    # what it is, as in a hamlet's list (session 47; any column a household's values are read
    # from, a class's mark columns too: session 48), by Excel row, each hamlet's found by its
    # rows as ``marked``'s: not every cell looked at for each of a province's hamlets (issue #6)
    formulas, errors = (
        _by_row(_start_cells(cells, sheet, header, rows)) for cells in (book.formulas, book.errors)
    )
    # a row whose mark cell is not read is said at that cell, not as its marks (as a hamlet's)
    unmarked = _rows_in(("phan_loai",), formulas, errors)
    marked = {  # Excel row -> its class-mark problem (no mark, two marks, another value)
        problem[0]: (sheet, *problem) for problem in read.marks if problem[0] not in unmarked
    }
    data = read.columns
    # a group's subtotal passed over, its figures not its rows' ('Nà Mòn | | Cộng tổ 1 | 4'
    # left as it was when a household was deleted): said once (session 57)
    issues += stale_subtotal_issues(
        _past_totals_read(getattr(rows, "stale_subtotals", ()), data, matcher.match), header, rel,
        sheet, lambda: matcher, "plan", len(rows.excel_rows),
    )  # fmt: skip
    # a hamlet's total after 'Cộng' or 'Tổng' alone ('Nà Mòn | | Cong Na Mon | 9850 | … | 20'),
    # its numbers the hamlet's sums: taken out unsaid, as from a hamlet's list (session 55)
    totals = set(hamlet_totals(data, matcher.match))
    if totals:
        kept = [i for i in range(len(data["excel_row"])) if i not in totals]
        data = {key: [values[i] for i in kept] for key, values in data.items()}
    # a hamlet's total with its count under 'Mã hộ' ('| 2 | Cộng xóm Đồng Kè', 'Đồng Kè | 3 hộ
    # | Cộng'), read as a household: taken out, its count set beside its rows (session 61)
    data, counted = _totals_counting(data, header, matcher)
    grands = [(row, counted.pop(row)) for row in sorted(counted) if counted[row][0] == ""]
    issues += _start_count_issues(sheet, grid, data, matcher, rel, grands)
    issues += _hamlet_count_issues(sheet, grid, data, matcher, rel, counted)
    found = _income_read(data, header, plan, rel, sheet, issues)
    cleaned: dict = {}
    names = [cleaned[v] if v in cleaned else cleaned.setdefault(v, clean_text(v))
             for v in data.pop("hamlet")]  # fmt: skip
    if not all(names):  # a row without its hamlet: the section row above it names it, or said
        unread = {c[1]: (kind, c[5]) for kind, cells in (("formula", formulas), ("error", errors))
                  for row in cells.values() for c in row if c[3] == "hamlet"}  # fmt: skip
        names = _hamlets_from_sections(
            grid, header, data["excel_row"], names, matcher, rel, sheet, plan, issues, unread
        )
    codes, uniques = pd.factorize(np.array(names, dtype=object), sort=False)
    # The rows of each hamlet together, hamlets in the order the list first names them.
    order = np.argsort(codes, kind="stable")
    sizes = np.bincount(codes, minlength=len(uniques)) if len(codes) else np.zeros(0, dtype=int)
    firsts = np.searchsorted(codes[order], np.arange(len(uniques))) if len(codes) else []
    excel_rows = data["excel_row"]
    ordered = order.tolist()
    # A list written hamlet by hamlet (the common case) is in that order already.
    in_order = bool(len(codes)) and bool((codes[1:] >= codes[:-1]).all())
    arrays = {}  # each column in that order
    for key, values in data.items():
        column = np.empty(len(values), dtype=object)
        column[:] = values
        arrays[key] = column if in_order else column[order]
    parts = []
    start = 0
    for code, raw_hamlet in enumerate(uniques.tolist()):
        size = int(sizes[code])
        start += size
        if not raw_hamlet:
            continue  # its rows were said one by one (start-list-hamlet-blank)
        hamlet = matcher.match(raw_hamlet)
        if hamlet is None:
            hidden = matcher.hidden_row(raw_hamlet)
            issues.append(
                Issue(
                    "unknown-hamlet",
                    file=rel,
                    sheet=sheet,
                    column="Xóm",
                    value=raw_hamlet,
                    row=int(excel_rows[ordered[int(firsts[code])]]),
                    detail=known_hamlets(matcher, raw_hamlet)
                    if hidden is None
                    else Message(f"dòng {hidden[1]}", f"row {hidden[1]}"),
                    variant="hidden" if hidden is not None else "",
                )
            )
            continue
        columns = {key: values[start - size : start] for key, values in arrays.items()}
        slips = {}  # cells read after a leading '=': quoted as written by a rule they fail
        for key, cells in rows.slips.items():
            here = {r: cells[r] for r in columns["excel_row"].tolist() if r in cells}
            if here:
                slips[key] = here
        here = columns["excel_row"].tolist() if rows.questioned else ()
        questioned = {r: rows.questioned[r] for r in here if r in rows.questioned}
        # a class marked 'x?' (classmarks.classes_from_marks): said at its marked cell
        marked_at = rows.elsewhere.get("phan_loai", {})
        elsewhere = {"phan_loai": {r: marked_at[r] for r in questioned if r in marked_at}}
        # an income read from another column where the list's is blank ('Thu nhập năm'
        # beside 'Thu nhập BQ'): taken in that column's unit (validate._in_dong; session 47)
        income_at = rows.elsewhere.get("thu_nhap")
        if income_at:
            listed = columns["excel_row"].tolist()
            elsewhere["thu_nhap"] = {r: income_at[r] for r in listed if r in income_at}
        parts.append(Part(columns, rel, sheet, hamlet, found, elsewhere, slips=slips,
                          questioned=questioned))  # fmt: skip
    if not parts:
        return None
    # One validation for the whole list: a province's start list has hundreds of thousands of rows.
    # the plan's hamlets given, as for a hamlet's list: a head 'Tong Cong Van Thanh' (no plan
    # hamlet's name) is no total's words (session 55)
    validated = validate_table(
        parts,
        report_year=plan.plan_year - 1,
        standard=STANDARDS[plan.standard],
        area=plan.area,
        hamlets=matcher.match,
    )
    once: dict[str, Issue] = {}  # a warning once a list: the list's first, not each hamlet's
    words: list[Issue] = []  # incomes not read (:func:`_incomes_not_read`)
    for part, found in zip(parts, validated.issues, strict=True):
        listed = part.frame["excel_row"].tolist()
        here = [marked[r] for r in listed if r in marked]
        if here:  # said as what it is, not as a blank class (rosterchecks.class_marks_said)
            found = class_marks_said(found, here, rel, part.hamlet)
        if formulas or errors:
            # a hamlet's cell read from its section row ('Xóm Nà Mòn' above) is not said
            found = without_values(
                found,
                [c for r in listed for c in formulas.get(r, ()) if c[3] != "hamlet"],
                [c for r in listed for c in errors.get(r, ()) if c[3] != "hamlet"],
                rel,
                part.hamlet,
            )
        # errors only (its warnings would be a province's thousands), but a class written
        # with a question mark: the officer's own list, counted as written, to confirm
        for issue in found:
            if issue.code in _ONCE_A_LIST:
                if issue.code not in once or issue.row < once[issue.code].row:
                    once[issue.code] = issue
            elif issue.code in _NOT_READ:
                words.append(issue)
            elif issue.severity == "error" or issue.code in _START_LIST_SAID:
                issues.append(issue)
            elif issue.code == "classification-mismatch" and issue.variant == "questioned":
                issues.append(questioned_alone(issue))  # its '?' said, as any other (session 50)
    at = len(issues)  # its lines naming many rows, once its rows left out are known (below)
    issues.extend(once.values())
    start_list = validated.typed
    # a household left out for a value it needs not read, as in a hamlet's list: a class mark
    # showing '#REF!' beside an 'x' too (the other values needed were read blank: left out)
    needed = _rows_in(REQUIRED_CODES, formulas, errors)
    if needed:
        start_list["valid"] &= ~start_list["excel_row"].isin(needed).to_numpy()
    _codes_used_twice(start_list, rel, sheet, header, issues)
    valid = start_list["valid"].to_numpy()
    out = set(start_list["excel_row"].to_numpy()[~valid].tolist())
    issues[at:at] = _cells_not_read(words, out)
    issues.extend(_exited_said(start_list[valid], rel, sheet, header, rows))
    if out:  # a row left out is not said counted for another cell, as in a roster's
        counted_not_said(issues, set(zip(repeat(rel), repeat(sheet), out)))
    kept = start_list[valid].reset_index(drop=True)
    issues.extend(_codes_masked_said(kept, rel, sheet, header))
    return kept


# warnings of the start list said (its other warnings would be a province's thousands); an
# income that is no number ('không có', 'chưa rõ', '-'), or a formula without a value or an
# error value ('#REF!'), is read as blank: said too, not dropped without a word (session 47
# review's leftovers), at its cell up to this many of a kind, more once (:func:`_cells_not_read`;
# session 47 review); so is a value a household needs read so (an error: it is left out; not
# said as a blank value: session 47)
_START_LIST_SAID = frozenset({"questioned-classification"})
_NOT_READ = (
    "invalid-income",
    "optional-cell-error-value",
    "optional-formula-without-value",
    "cell-error-value",
    "formula-without-value",
    # not read as written either: an income per household shared among its members ('4.800.000/
    # hộ'), said so as the rosters say it, many once (session 51's review: it went unsaid)
    "income-per-household",
)
_NOT_READ_AT_CELLS = 5
# and those said once a list (session 29), validated by hamlet: the first row's only
_ONCE_A_LIST = frozenset({"birth-year-from-age", "birth-date-serial", "birth-year-two-digits"})


def _exited_said(start_list: pd.DataFrame, rel: str, sheet: str, header, rows) -> list[Issue]:
    """A warning at the class cell of each household ``start_list`` (its rows kept) writes as
    exited ('Thoát nghèo', or its 'x' in a 'Thoát' column: ``rows.elsewhere``): on neither list
    at the start, kept so, but the list is of the households recognised poor or near-poor, so
    the officer is told (start-list-exited); past five of a column said once, naming the rows
    (:func:`_rows_named`), as the cells read blank are. Session 49."""
    exited = (start_list["phan_loai"] == "exited").to_numpy()
    if not exited.any():
        return []
    marked_at = rows.elsewhere.get("phan_loai", {})
    column = header.columns.get("phan_loai")
    kinds: dict[str, list[Issue]] = {}
    for excel_row, code in zip(start_list["excel_row"].to_numpy()[exited].tolist(),
                               start_list["ma_ho"].to_numpy()[exited].tolist(), strict=True):  # fmt: skip
        # a mark column of a two-row header named by its own cell ('Thoát nghèo' under 'Phân
        # loại hộ': classmarks.classes_from_marks, session 50; here since session 49); a mark at
        # the start of the period ('Đầu kỳ') by both rows
        col, text = marked_at.get(excel_row) or column
        title = clean_text(text)
        kinds.setdefault(title, []).append(
            Issue(
                "start-list-exited",
                file=rel,
                sheet=sheet,
                row=excel_row,
                column=title,
                cell=f"{column_letter(col)}{excel_row}",
                value=code,
            )  # fmt: skip
        )
    said = []
    for kind in kinds.values():
        if len(kind) <= _NOT_READ_AT_CELLS:
            said += kind
            continue
        first, named = _rows_named(kind)
        said.append(dataclasses.replace(first, detail=named, variant="rows"))
    return said


def _codes_masked_said(start_list: pd.DataFrame, rel: str, sheet: str, header) -> list[Issue]:
    """One warning (start-list-code-is-id-number) at the first Mã hộ of ``start_list`` (its
    rows kept) that the posted list masks as a telephone or ID number
    (rosterchecks.start_codes_masked: a start list of phones or heads' CCCDs is no numbering,
    session 54, D4; a CCCD among 'NM1' codes, session 53): a household finds itself on the
    hall's list by its code, so the officer is told to give the commune's codes. Said once a
    start list, naming the rows where there are several ('rows'; :func:`_rows_named`): not at
    each of a province's cells. Session 55."""
    column = header.columns.get("ma_ho")
    if column is None or "ma_ho" not in start_list.columns or start_list.empty:
        return []
    masked = start_codes_masked(start_list)
    if not masked:
        return []
    codes = start_list["ma_ho"].tolist()
    excel_rows = start_list["excel_row"].tolist()
    letter, title = column_letter(column[0]), clean_text(column[1])
    said = [
        Issue(
            "start-list-code-is-id-number",
            file=rel,
            sheet=sheet,
            row=int(excel_rows[at]),
            column=title,
            cell=f"{letter}{excel_rows[at]}",
            value=codes[at],
            instead=mask_ids_in(codes[at]),
        )
        for at in masked
    ]
    if len(said) == 1:
        return said
    first, named = _rows_named(said)
    return [dataclasses.replace(first, detail=named, variant="rows")]


def _start_cells(by_sheet: dict, sheet: str, header, rows) -> list[tuple]:
    """discover.household_cells of the start list (``by_sheet``: ``Workbook.formulas`` or
    ``Workbook.errors``): the cells of the columns it says (discover.cell_columns: its hamlet,
    each column a household's values are read from, a class's mark columns) picked first, so
    that a list of formulas saved without values elsewhere (an STT '=A4+1' in every row) is not
    looked at row by row (issue #6)."""
    cols = {col for _, col, _ in cell_columns(header)}
    cells = by_sheet.get(sheet, ())
    shown = cells if isinstance(cells, dict) else dict.fromkeys(cells, "")
    here = {at: value for at, value in shown.items() if at[1] in cols}
    if not here:
        return []
    return household_cells({sheet: here}, [(sheet, header, rows)], {})


def _rows_in(keys, *by_row: dict[int, list[tuple]]) -> set[int]:
    """The Excel rows of :func:`_by_row`'s dicts holding a cell of a column of ``keys``: with
    REQUIRED_CODES, the households left out for a value they need not read (as
    rosterchecks.validate_rosters' of a hamlet's list); with 'phan_loai', the rows whose class marks
    are not said as marks."""
    return {r for cells in by_row for r, row in cells.items() if any(c[3] in keys for c in row)}


def _by_row(cells: list[tuple]) -> dict[int, list[tuple]]:
    """Excel row -> its cells (discover.household_cells'), each hamlet's found by its rows."""
    rows: dict[int, list[tuple]] = {}
    for cell in cells:
        rows.setdefault(cell[1], []).append(cell)
    return rows


def _cells_not_read(found: list[Issue], left_out: set[int] = frozenset()) -> list[Issue]:
    """The start list's cells read as blank (:data:`_NOT_READ`: an income no number, a formula
    without a value, an error value): of each kind and column, each said at its cell, as in
    the rosters, up to :data:`_NOT_READ_AT_CELLS`; more (a province's list writing '-' in every
    row: hundreds of thousands) said once, at the first cell, naming the rows (variant
    'plan-rows'). A formula or error is said in the officer's words (variant 'plan': run
    again, not send again) where its message asks to send the file again. Session 47. Such a
    line saying its households still count says it only of those counted: ``left_out`` (Excel
    rows left out for another error) holding all its rows, it says it of none
    ('plan-rows-uncounted'), some, it names them ('plan-rows-partly'; session 49), as
    rosterchecks.counted_not_said does of a line of one row."""
    said = []
    kinds: dict[tuple, list[Issue]] = {}
    for issue in found:
        kinds.setdefault((_NOT_READ.index(issue.code), issue.column), []).append(issue)
    for key in sorted(kinds):
        kind = kinds[key]
        if len(kind) <= _NOT_READ_AT_CELLS:
            said += [_in_plan_words(issue) for issue in kind]
            continue
        first, rows = _rows_named(kind)
        variant, instead = "plan-rows", first.instead
        # under a header of each person's year, said a year's where the catalogue words it
        # (an income per household: session 51)
        if per_year(first.column) and _has_variant(first.code, "plan-rows-year"):
            variant = "plan-rows-year"
        out = [issue for issue in kind if issue.row in left_out] if left_out else []
        if out and CATALOGUE[first.code].uncounted_variant(variant) is not None:
            variant += "-uncounted" if len(out) == len(kind) else "-partly"
            instead = _rows_named(out)[1] if len(out) < len(kind) else instead
        said.append(dataclasses.replace(first, detail=rows, variant=variant, instead=instead))
    return said


def _rows_named(kind: list[Issue]) -> tuple[Issue, Message]:
    """The first of ``kind`` (issues of one kind and column, said once past
    :data:`_NOT_READ_AT_CELLS`) and their rows in words, named as hidden rows are
    (rosterchecks.row_runs, past eight runs '…'): '6 dòng hộ (các dòng 4–9)'."""
    first = min(kind, key=lambda issue: issue.row)
    runs, more = row_runs(sorted(issue.row for issue in kind))
    runs += ", …" if more else ""
    return first, Message(f"{len(kind)} dòng hộ (các dòng {runs})",
                          f"{len(kind)} household rows (rows {runs})")  # fmt: skip


def _in_plan_words(issue: Issue) -> Issue:
    """``issue`` in its variant for the plan's start list where the catalogue has one ('plan',
    'typed-plan'): the rosters' asks the head to send the list again."""
    variant = f"{issue.variant}-plan" if issue.variant else "plan"
    if _has_variant(issue.code, variant):
        return dataclasses.replace(issue, variant=variant)
    return issue


def _has_variant(code: str, variant: str) -> bool:
    """Whether the catalogue words the issue ``code`` in ``variant``."""
    return any(name == variant for name, *_ in CATALOGUE[code].variants)


def _hamlets_from_sections(
    grid: list[list],
    header,
    excel_rows: list[int],
    names: list[str],
    matcher,
    rel: str,
    sheet: str,
    plan: Plan,
    issues: list[Issue],
    unread: dict[int, tuple[str, str]],
) -> list[str]:
    """``names`` with each blank one taken from the section row above its row ('Xóm Nà Mòn' on
    its own row, the households of the hamlet under it); a row with none gets an error at its
    'Xóm' cell and is left out (its hamlet is unknown). ``unread``: Excel row -> ('formula' or
    'error', what its cell shows) of the 'Xóm' cells read blank for a formula without a value
    or an error value ('#REF!'): said as that (session 47). Past five of a kind (empty, an
    error, a formula) said once at the first, naming the rows (session 48)."""
    names = list(names)
    blank = {row: i for i, (row, name) in enumerate(zip(excel_rows, names, strict=True))
             if not name}  # fmt: skip
    data_rows = set(excel_rows)
    current = None  # the hamlet the last section row named
    for index in range(header.last_row + 1, max(blank)):
        if index + 1 in data_rows:
            position = blank.get(index + 1)
            if position is not None and current is not None:
                names[position] = current
            continue
        texts = [v for v in grid[index] if v.__class__ is str and v.strip()]
        if 0 < len(texts) <= 2:
            found = matcher.find_in(" ".join(texts))
            current = found or current
    column = header.columns.get("hamlet")
    title = clean_text(column[1]) if column else "Xóm"
    kinds: dict[str, list[Issue]] = {}  # by variant: '' (empty), 'error', 'formula'
    # the plan's hamlets named once: each row's again was a province's hamlets a row
    hamlets = ", ".join(plan.hamlet_names)
    for row, position in blank.items():
        if not names[position]:
            variant, shown = unread.get(row, ("", ""))
            kinds.setdefault(variant, []).append(
                Issue(
                    "start-list-hamlet-blank",
                    file=rel,
                    sheet=sheet,
                    row=row,
                    column=title,
                    cell=f"{column_letter(column[0])}{row}" if column else "",
                    value=shown if variant == "error" else "",
                    detail=hamlets,
                    variant=variant,
                )
            )
    for variant, kind in kinds.items():
        if len(kind) <= _NOT_READ_AT_CELLS:
            issues.extend(kind)
        else:  # past five, said once naming the rows, as the other columns' (session 48)
            first, rows = _rows_named(kind)
            said = f"{variant}-rows" if variant else "rows"
            issues.append(dataclasses.replace(first, instead=rows, variant=said))
    return names


def _codes_used_twice(
    start_list: pd.DataFrame, rel: str, sheet: str, header, issues: list[Issue]
) -> None:
    """A Mã hộ used twice in the start list (in one hamlet or two): an error at each of its
    cells, and every row using it left out of the baseline, as in the rosters (CONTRACT §4)."""
    if start_list.empty:
        return
    lists = {}  # hamlet -> the start list as the duplicate check sees a file
    for hamlet in start_list["hamlet"].unique().tolist():
        lists[hamlet] = Submission(
            file=rel,
            path=Path(rel),
            kind="plan",
            hamlet=hamlet,
            sheet=sheet,
            extra={"header": header, "rows": None},
        )
    hamlets = start_list["hamlet"].to_numpy()
    duplicates_in(start_list, lambda position: lists[hamlets[position]], issues)


def start_mismatch(start_counts: tuple[int, int], target: dict, plan: Plan) -> list[Issue]:
    """A hamlet whose start counts on the targets sheet differ from its households on the start
    list (``start_counts``: poor, near-poor) — one issue at the hamlet's row, or none."""
    poor, near = start_counts
    if (poor, near) == (int(target["start_poor"]), int(target["start_near_poor"])):
        return []
    row = plan.hamlet_rows.get(target["hamlet"])
    row_vi, row_en = (f" (dòng {row})", f" (row {row})") if row else ("", "")
    return [
        Issue(
            "plan-start-mismatch",
            file=plan.file,
            sheet=plan.targets_sheet,
            row=plan.hamlet_rows.get(target["hamlet"]),
            hamlet=target["hamlet"],
            value=target["hamlet"],
            detail=Message(
                f"{poor} hộ nghèo, {near} hộ cận nghèo, còn trang '{plan.targets_sheet}'{row_vi} "
                f"ghi {int(target['start_poor'])} hộ nghèo, {int(target['start_near_poor'])} hộ "
                "cận nghèo",
                f"{poor} poor, {near} near-poor households, while sheet '{plan.targets_sheet}'"
                f"{row_en} says {int(target['start_poor'])} poor, "
                f"{int(target['start_near_poor'])} near-poor",
            ),
        )
    ]


def start_mismatches(plan: Plan) -> list[Issue]:
    """Every hamlet of the plan whose start counts differ from its start list (none without a
    start list): what ``check`` says of a plan; a run says it of the hamlets it compares."""
    if plan.start_list is None:
        return []
    counts = status_counts(plan.start_list)
    return [
        issue
        for target in plan.hamlets.to_dict("records")
        for issue in start_mismatch(counts.get(target["hamlet"], (0, 0)), target, plan)
    ]
