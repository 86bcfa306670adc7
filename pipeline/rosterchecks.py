"""Checks of one roster and of rosters together, shared by a run (pipeline.consolidate) and by
`giamngheo check` (pipeline.checkfiles): its tables, its header, its rows, a Mã hộ used twice.

Nothing here needs the plan: what only the plan can tell (the hamlet, the total households from
the start of year, the commune's name) stays in pipeline.consolidate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from datetime import date
from functools import cache
from itertools import pairwise
from operator import attrgetter
from pathlib import PurePath

import numpy as np
import pandas as pd
from pandas._libs import lib

from pipeline import lazyre, vocab
from pipeline.figures import (
    household_key_texts,
    id_key,
    keys_of,
    loose_codes,
    loose_key,
    name_key_text,
    near_pairs,
    per_start_list,
    start_keys,
    start_written,
)
from pipeline.hamlets import HamletMatcher
from pipeline.keyvalues import VALUE_REACH
from pipeline.messages import Message, with_unit
from pipeline.normalise import (
    after_equals,
    normalise_value,
    table_columns,
    typed_after_equals,
)
from pipeline.read import counts_some_of
from pipeline.tables import group_subtotal, hamlet_after_total
from pipeline.text import (
    ADDRESS_WORDS,
    NUMBER_CODE,
    NUMBER_SEPARATOR,
    NUMBER_SEPARATORS,
    HouseholdMonthRead,
    as_shown,
    ascii_number_text,
    cell_position,
    clean_text,
    column_letter,
    find_period_in_text,
    fold,
    format_en,
    format_vn,
    household_month,
    household_no_period,
    household_total_untimed,
    income_unit,
    is_blank,
    letters_apart,
    mask_ids_in,
    masked_whole,
    may_hold_id,
    month_named,
    of_household,
    parse_households,
    parse_period,
    parse_prepared_date,
    same_month,
    vi_key,
)
from pipeline.timeline import same_head
from pipeline.types import FROM_AGE, Issue, Submission
from pipeline.validate import (
    Part,
    household_year,
    moved_away_class,
    not_household_count,
    per_year,
    validate_table,
)
from schemas.columns import (
    CLASSIFICATIONS,
    INDICATOR_KEYS,
    INFO_COUNT_LABELS,
    ROSTER_COLUMN_BY_KEY,
    ROSTER_COLUMNS,
    ROSTER_INFO_LABELS,
    ROSTER_LIST_SHEET,
    ROSTER_REQUIRED,
)
from schemas.issues import CATALOGUE, in_one_row
from schemas.rules import (
    MAX_AGE,
    MAX_HOUSEHOLD_SIZE,
    MIN_BIRTH_YEAR,
    MIN_HOUSEHOLD_SIZE,
    REQUIRED_CODES,
    writes_ages,
)
from schemas.standards import Standard


def tables(sub: Submission) -> list[tuple]:
    """(sheet, header, rows) of each household table of a roster; most have one."""
    return sub.extra.get("tables") or [(sub.sheet, sub.extra["header"], sub.extra["rows"])]


def codes_names_births(sub: Submission):
    """(Mã hộ, head's name, birth year) of each row of a roster's household tables, as read
    (None where a table has no such column)."""
    for _, _, rows in tables(sub):
        columns = rows.columns
        blank = [None] * max((len(values) for values in columns.values()), default=0)
        yield from zip(
            columns.get("ma_ho") or blank, columns.get("chu_ho") or blank,
            columns.get("nam_sinh") or blank, strict=False,
        )  # fmt: skip


def codes_names_years(sub: Submission) -> list[tuple]:
    """(Mã hộ as read, head's name and birth year normalised as a counted row's, whether the
    year was read from an age) of each row of :func:`codes_names_births`: a list whose 'Năm sinh'
    holds more ages (0 to MAX_AGE) than years has each age read as the list's year less it, as
    validate reads a counted row (session 29), so that its heads are matched by name and year
    before validation as they are after (session 30). Rows without a year as they are."""
    rows = [(code, normalise_value("chu_ho", name), normalise_value("nam_sinh", birth))
            for code, name, birth in codes_names_births(sub)]  # fmt: skip
    year = int(sub.period[:4]) if sub.period and sub.period[:4].isdigit() else None
    wholes = [born for _, _, born in rows if born.__class__ is int]
    ages = sum(0 <= born <= MAX_AGE for born in wholes)
    if year is None or not writes_ages(
        ages, sum(MIN_BIRTH_YEAR <= born <= year for born in wholes)
    ):
        return [(code, name, born, False) for code, name, born in rows]
    return [
        (code, name, year - born, True)
        if born.__class__ is int and 0 <= born <= MAX_AGE
        else (code, name, born, False)
        for code, name, born in rows
    ]


def exit_marked(sub: Submission) -> tuple[str, str] | None:
    """How a list whose class is marked in columns (classmarks.class_mark_columns) writes a
    household that left both lists: ('marks', its exited column's header) or, with no such column,
    ('marks-start-only', :func:`start_only_advice`) where it marks the class at the start of
    the period too, else ('marks-no-exit', the last class column's header, to add one beside);
    None for a list with a class column."""
    for _, header, _ in sub.extra.get("tables") or [(None, sub.extra.get("header"), None)]:
        marks = getattr(header, "marks", None)
        if marks:
            exited = [own for _, kind, own, _ in marks if kind == "exited"]
            if exited:
                return "marks", exited[0]
            if getattr(header, "start_marks", None):
                return "marks-start-only", start_only_advice(header)
            return "marks-no-exit", marks[-1][2]
    return None


def _start_and_end_columns(header) -> tuple[Message, Message]:
    """The columns of the class at the start and at the end of the period of a list marking
    both (classmarks.class_mark_columns' ``start_marks``), each with its letter, its own header and
    the time over them: ("cột F 'Hộ nghèo' hoặc G 'Hộ cận nghèo' (Đầu kỳ)", "các cột H 'Hộ
    nghèo', I 'Hộ cận nghèo' (Cuối kỳ)"), in both languages."""
    before, after = header.times
    start = [f"{column_letter(c)} '{own}'" for c, _, own, _ in header.start_marks]
    end = [f"{column_letter(c)} '{own}'" for c, _, own, _ in header.marks]
    times = (f" ({before})" if before else "", f" ({after})" if after else "")
    start_vi = "cột " + " hoặc ".join(start) + times[0]
    start_en = "column " + " or ".join(start) + times[0]
    end_vi = ("các cột " if len(end) > 1 else "cột ") + ", ".join(end) + times[1]
    end_en = ("columns " if len(end) > 1 else "column ") + ", ".join(end) + times[1]
    return Message(start_vi, start_en), Message(end_vi, end_en)


def start_only_advice(header) -> Message:
    """How a list marking the class at the start and at the end of the period, with no exit
    column, writes a household that left both lists, as the messages asking for one say it:
    its 'x' under the start only, in the column of its class then, the end's columns blank
    (how the reader takes such a row as exited: :func:`left_by_start_mark`)."""
    start, end = _start_and_end_columns(header)
    several = len(header.start_marks) > 1
    return Message(
        f"đánh dấu 'x' ở {start}" + (", theo loại của hộ lúc đầu kỳ," if several else "")
        + f" và để trống {end}",
        f"mark 'x' in {start.en}" + (", as its class at the start," if several else "")
        + f" and leave {end.en} blank",
    )  # fmt: skip


def exit_mark_said(sub: Submission, sheet: str, excel_row: int) -> tuple[str, object]:
    """How an exited row of a list whose class is marked in columns says it left, for the
    messages about it: ('marks', the own header of the column its 'x' is in: 'Thoát nghèo'),
    ('marks-start-only', :func:`left_by_start_mark`) for a row marked at the start of the
    period only; ('', '') in a list with a class column."""
    for name, header, rows in tables(sub):
        if name == sheet and getattr(header, "marks", None):
            col = getattr(rows, "elsewhere", {}).get("phan_loai", {}).get(excel_row, (None,))[0]
            left = left_by_start_mark(header, excel_row, col)
            if left is not None:
                return "marks-start-only", left
            own = next((own for c, _, own, _ in header.marks if c == col), None)
            return ("marks", own) if own else ("", "")
    return "", ""


def left_by_start_mark(header, excel_row: int, col: int | None) -> Message | None:
    """What a row of a list marking its class at the start and at the end of the period shows
    where it is read as exited (classmarks.class_mark_columns' ``start_marks``): its one mark at the
    start (in column ``col``), the end's cells blank, each cell named with its column as the
    list heads it and the time over them ('F12 'Hộ nghèo' (Đầu kỳ)'); None for another row."""
    start = {c: own for c, _, own, _ in getattr(header, "start_marks", ())}
    if col not in start:
        return None
    before, after = header.times
    at = f"{column_letter(col)}{excel_row} '{start[col]}'" + (f" ({before})" if before else "")
    blank = ", ".join(f"{column_letter(c)}{excel_row} '{own}'" for c, _, own, _ in header.marks)
    blank += f" ({after})" if after else ""
    return Message(
        f"dòng này chỉ có dấu 'x' ở ô {at}, còn các ô {blank} đều để trống",
        f"the row is marked 'x' only in {at}, and {blank} are all blank",
    )


def info_cell(sub: Submission, key: str) -> str:
    """The cell of a 'Thông tin' value as read ('B3'; 'C5' or 'A2' in other layouts)."""
    cell = sub.extra.get("info_cells", {}).get(key)
    if cell:
        return cell
    row = sub.extra.get("info_rows", {}).get(key)
    return f"B{row}" if row else ""


def info_written(sub: Submission, key: str, value: object) -> str:
    """A 'Thông tin' value as an issue quotes it: as its cell shows it ('=2+2') when it was read
    past a leading '=' (discover._roster_info), else ``value``, the value read, a number as
    Excel shows it (as_shown: 0,002470356)."""
    return as_shown(sub.extra.get("info_slips", {}).get(key, value))


# What to write in a 'Thông tin' cell a run needs when it shows an error value (Vietnamese,
# English), said by info-error-value.
_WRITE_INSTEAD = {
    "hamlet": ("tên xóm như trong kế hoạch của xã", "the hamlet's name as the commune plan has it"),
    "period": ("kỳ báo cáo, ví dụ 05/2024", "the reporting period, such as 05/2024"),
    "total_households": (
        "tổng số hộ dân cư của xóm, ví dụ 215",
        "the hamlet's total number of households, such as 215",
    ),
}

# A 'Thông tin' value only printed or compared, showing an error value: what is made of it and
# what to write (Vietnamese, English), said by the warning info-error-value-skipped.
_ERROR_LEFT = {
    "form_type": (
        "coi như để trống. Hãy ghi 'Danh sách hộ'.",
        "taken as empty. Write 'Danh sách hộ'.",
    ),
    "commune": (
        "không so được tên xã với kế hoạch. Hãy ghi tên xã.",
        "the commune cannot be checked against the plan. Write the commune's name.",
    ),
    "preparer": (
        "coi như danh sách không ghi người lập. Hãy ghi họ tên người lập.",
        "the list is taken as naming no preparer. Write the preparer's full name.",
    ),
    "prepared_on": (
        "coi như không có ngày lập (khi xóm gửi nhiều bản của cùng một kỳ, bản có ngày lập sau "
        "được dùng). Hãy ghi ngày lập, ví dụ 03/06/2024.",
        "taken as no date (when a hamlet sends several copies for one period, the one filled "
        "later is used). Write the date filled, such as 03/06/2024.",
    ),
}


def info_error(sub: Submission, key: str) -> tuple[str, str] | None:
    """(cell, error shown) of a 'Thông tin' value read blank because its cell shows an error
    value ('#REF!', '#N/A'; discover._info_errors), else None."""
    return sub.extra.get("info_errors", {}).get(key)


def unread_info(sub: Submission, key: str) -> Issue | None:
    """The issue for a 'Thông tin' value a run needs that cannot be read: held by a formula
    without a calculated value, or showing an error value (info-error-value, saying what to
    write)."""
    label = ROSTER_INFO_LABELS[key][0]
    where = {
        "file": sub.file,
        "hamlet": sub.hamlet or "",
        "sheet": sub.extra.get("info_sheet") or "",
    }
    shown = info_error(sub, key)
    if shown is not None:
        cell, error = shown
        detail = Message(*_WRITE_INSTEAD[key])
        return Issue(
            "info-error-value", cell=cell, column=label, value=error, detail=detail, **where
        )
    cell = sub.extra.get("info_formulas", {}).get(key)
    if not cell:
        return None
    formula = sub.extra.get("info_formula_texts", {}).get(key, "")
    typed = info_typed_after_equals(key, formula)
    if typed is None:
        return Issue("info-formula-without-value", cell=cell, column=label, **where)
    return Issue("info-formula-without-value", cell=cell, column=label, value=formula,
                 detail=typed, variant="typed", **where)  # fmt: skip


def info_typed_after_equals(key: str, formula: str) -> str | None:
    """The text a 'Thông tin' formula without a value plainly is, typed after '=' by mistake,
    as a list's cell (:func:`typed_after_equals`: '=Nà Mòn'), or the month or date its period
    or date cell was meant to hold ('=05/2024', which Excel would work out as 5 ÷ 2024); else
    None, and always for the total of households ('=102' is worked out as Excel saves it, and
    '=Một trăm' would be no number without its '='). A date is read as the cell's own
    ('=5-6-24', 5 June 2024, not 5 − 6 − 24: text.parse_prepared_date, session 40)."""
    if key == "total_households":
        return None
    typed = typed_after_equals(formula)
    rest = after_equals(formula) if typed is None else None
    if rest is not None and key in ("period", "prepared_on"):
        read = parse_period(rest) if key == "period" else parse_prepared_date(rest)
        typed = rest.strip() if read is not None else None
    return typed


# A 'Thông tin' value only printed or compared, held by a formula without a value: what is made
# of it (Vietnamese, English), said by the warning info-formula-skipped.
_FORMULA_LEFT = {
    "form_type": ("ô được coi như để trống", "the cell is taken as empty"),
    "commune": (
        "không so được tên xã với kế hoạch",
        "the commune cannot be checked against the plan",
    ),
    "preparer": (
        "coi như danh sách không ghi người lập",
        "the list is taken as naming no preparer",
    ),
    "prepared_on": ("coi như danh sách không có ngày lập", "the list is taken as having no date"),
}


def formula_skipped(sub: Submission, key: str, detail: Message) -> Issue:
    """The warning at a 'Thông tin' value the run does without, held by a formula without a
    calculated value (info-formula-skipped): told to delete the '=' where the formula is
    plainly a text typed after it (:func:`info_typed_after_equals`), else to save it in Excel.
    ``detail``: what was made of it."""
    formula = sub.extra.get("info_formula_texts", {}).get(key, "")
    typed = info_typed_after_equals(key, formula)
    return Issue("info-formula-skipped", file=sub.file, hamlet=sub.hamlet or "",
                 sheet=sub.extra.get("info_sheet") or "",
                 cell=sub.extra.get("info_formulas", {}).get(key, ""),
                 column=ROSTER_INFO_LABELS[key][0], value=formula if typed else "",
                 detail=detail, instead=typed or "",
                 variant="typed" if typed else "")  # fmt: skip


def month_written(period: str) -> str:
    """A period 'YYYY-MM' as a 'Kỳ báo cáo' cell writes it: '05/2024'."""
    return f"{period[5:]}/{period[:4]}"


# Where a value the 'Thông tin' sheet left blank was taken from (discover, consolidate).
_TAKEN_FROM = {
    "title": ("tiêu đề của danh sách", "the list's title"),
    "file name": ("tên tệp", "the file name"),
}


def newest_first(copies: list[Submission]) -> list[Submission]:
    """Copies of one hamlet's roster for one period, the one a run counts first (CONTRACT §1:
    the later 'Ngày lập', then the later file time). 'Ngày lập' decides only when every copy
    has one: a corrected copy whose date was left blank is not the older for that."""
    dated = all(s.prepared_on is not None for s in copies)
    return sorted(
        copies, key=lambda s: (s.prepared_on if dated else date.min, s.mtime, s.file), reverse=True
    )


def taken_issue(sub: Submission, key: str, value: str) -> Issue | None:
    """The warning for a 'Xóm' or 'Kỳ báo cáo' (``key``) taken as ``value`` from the title or the
    file name (``sub.extra[key + '_from']``) because its 'Thông tin' cell was blank
    (info-cell-blank, or info-label-missing without the row) or showed an error value
    (info-error-value-skipped); None when it was not so taken, or its cell holds a formula
    without a value (told as such where it matters)."""
    sheet = sub.extra.get("info_sheet")
    source = sub.extra.get(f"{key}_from")
    if not sheet or source not in _TAKEN_FROM:
        return None
    vi, en = _TAKEN_FROM[source]
    shown = info_error(sub, key)
    if shown is not None:  # an error value there: said as what it is, not as blank
        cell, error = shown
        return Issue(
            "info-error-value-skipped",
            file=sub.file,
            hamlet=sub.hamlet or "",
            sheet=sheet,
            cell=cell,
            column=ROSTER_INFO_LABELS[key][0],
            value=error,
            detail=Message(
                f"đã lấy '{value}' từ {vi}. Hãy ghi vào ô này {_WRITE_INSTEAD[key][0]}.",
                f"took '{value}' from {en}. Write in that cell {_WRITE_INSTEAD[key][1]}.",
            ),
        )
    if key in sub.extra.get("info_formulas", {}):
        return formula_skipped(sub, key, Message(f"đã lấy '{value}' từ {vi}",
                                                 f"'{value}' was taken from {en}"))  # fmt: skip
    cell = info_cell(sub, key)
    return Issue(
        # no cell: the label row itself is gone, not only its value
        "info-cell-blank" if cell else "info-label-missing",
        file=sub.file,
        hamlet=sub.hamlet or "",
        sheet=sheet,
        cell=cell,
        column=ROSTER_INFO_LABELS[key][0],
        detail=Message(f"'{value}' từ {vi}", f"'{value}' from {en}"),
    )


def info_issues(sub: Submission, hamlet: str) -> list[Issue]:
    """Warnings on the 'Thông tin' values of a roster that was read: a blank 'Xóm' or 'Kỳ báo
    cáo' taken from the title or file name (CONTRACT §2.1 does so when the sheet is missing,
    with a warning: a blank cell is taken the same way, and said; :func:`taken_issue`), a value
    only printed or compared showing an error value ('#REF!' in 'Xã', 'Người lập', 'Ngày lập',
    'Loại biểu'), a 'Ngày lập' that is no date. ``hamlet``: the hamlet as the caller names it."""
    found: list[Issue] = []
    sheet = sub.extra.get("info_sheet")
    if sheet and sub.period:
        for key, value in (("hamlet", hamlet), ("period", month_written(sub.period))):
            issue = taken_issue(sub, key, value)
            if issue is not None:
                found.append(issue)

    def at_info(code: str, key: str, value, detail="", instead="") -> Issue:
        """An issue at the 'Thông tin' cell of ``key``."""
        return Issue(code, file=sub.file, hamlet=sub.hamlet or "", sheet=sheet or "",
                     cell=info_cell(sub, key), column=ROSTER_INFO_LABELS[key][0],
                     value=as_shown(value), detail=detail, instead=instead)  # fmt: skip

    # A value typed with a leading '=' ('=Nà Mòn', '=05/2024', '=102') is read past it, as a
    # list's cell is, and said at its cell; one that fails its own rule read so ('=2+2' is no
    # total) is said by that rule's issue, quoting the cell, and not by this on top.
    taken = {
        "period": sub.period is not None,
        "total_households": (parse_households(sub.extra.get("total_raw")) or 0) > 0,
        "prepared_on": sub.prepared_on is not None,
    }
    for key, written in sub.extra.get("info_slips", {}).items():
        if taken.get(key, True):
            read = clean_text(after_equals(written))
            found.append(at_info("leading-equals-sign", key, written, read))
    # An error value in a value only printed or compared (the commune, the preparer, the date
    # filled, the form's kind): read as blank, a warning saying what is made of it.
    for key, (vi, en) in _ERROR_LEFT.items():
        if (shown := info_error(sub, key)) is not None:
            cell, error = shown
            found.append(Issue("info-error-value-skipped", file=sub.file,
                               hamlet=sub.hamlet or "", sheet=sheet or "", cell=cell,
                               column=ROSTER_INFO_LABELS[key][0], value=error,
                               detail=Message(vi, en)))  # fmt: skip
    # A formula without a value there: read as blank, said (session 37), as an error value is.
    for key, (vi, en) in _FORMULA_LEFT.items():
        if key in sub.extra.get("info_formulas", {}):
            found.append(formula_skipped(sub, key, Message(vi, en)))
    found.extend(twice_issues(sub.extra.get("info_twice", ()), ROSTER_INFO_LABELS, sub.file,
                              sheet or "", sub.hamlet or ""))  # fmt: skip
    if sub.extra.get("period_short_year") and sub.period:
        written = info_written(sub, "period", sub.extra.get("period_raw"))
        found.append(at_info("period-short-year", "period", written, month_written(sub.period)))
    if sub.extra.get("period_month_day") and sub.period:
        written = info_written(sub, "period", sub.extra.get("period_raw"))
        read = month_written(sub.extra["period_month_day"])
        found.append(at_info("period-month-day", "period", written, month_written(sub.period),
                             read))  # fmt: skip
    taken_from = sub.extra.get("period_year_from")
    if taken_from and sub.period:
        # 'tháng 5': the year taken from the file name or the plan, said with where from
        written = info_written(sub, "period", sub.extra.get("period_raw"))
        if taken_from == "plan":
            year, plan_file = sub.extra["period_plan"]
            source = Message(f"kế hoạch năm {year} của xã ({plan_file})",
                             f"the commune's plan for {year} ({plan_file})")  # fmt: skip
        elif taken_from == "plan-before":
            year, plan_file = sub.extra["period_plan"]
            month = int(sub.period[5:])
            source = Message(
                f"năm liền trước năm kế hoạch của xã ({plan_file}, năm {year}), vì tháng "
                f"{month:02d}/{year} chưa đến",
                f"the year before the plan's ({plan_file}, {year}), as {month:02d}/{year} has not "
                "come yet",
            )
        else:
            name = PurePath(sub.file).name
            source = Message(f"tên tệp ({name}), ghi cùng tháng",
                             f"the file name ({name}), which gives the same month")  # fmt: skip
        issue = at_info("period-no-year", "period", written, month_written(sub.period))
        found.append(replace(issue, instead=source))
    written = sub.extra.get("prepared_raw")
    if sub.prepared_on is None and not is_blank(written):
        issue = at_info("invalid-prepared-date", "prepared_on",
                        info_written(sub, "prepared_on", written))  # fmt: skip
        # '=5-6-24' typed in Excel, saved as −25 (session 41): the date is not guessed, as
        # when saved without a value (session 40)
        found.append(typed_formula(sub, "prepared_on", issue, written))
    return found


def twice_issues(twice, labels: dict, file: str, sheet: str, hamlet: str = "") -> list[Issue]:
    """info-label-twice at the cell of each value of a key/value block passed over for another
    of the same label (keyvalues.read_key_values: ``twice``), naming both cells and values, in a
    hamlet's 'Thông tin' and the plan's 'Thông tin chung' alike."""
    found = []
    for key, kept, passed, hidden in twice:
        read = as_shown(kept.value)
        read_en = read.en if isinstance(read, Message) else read
        detail = Message(f"'{read}'", f"'{read_en}'") if read else Message("trống", "nothing")
        variant = "" if hidden is None else "filtered" if hidden else "hidden"
        found.append(Issue("info-label-twice", file=file, hamlet=hamlet, sheet=sheet,
                           cell=passed.cell, column=labels[key][0],
                           value=as_shown(passed.value), detail=detail, instead=kept.cell,
                           variant=variant))  # fmt: skip
    return found


def period_twice_issues(sub: Submission, period: str) -> list[Issue]:
    """info-label-twice of a list read as of another month than ``period`` (its 'Kỳ báo cáo'
    read), at a 'Kỳ báo cáo' passed over that says ``period``: why the hamlet shows as not sent
    in ``period``'s run."""
    twice = [t for t in sub.extra.get("info_twice", ())
             if t.key == "period" and parse_period(t.passed.value) == period]  # fmt: skip
    return twice_issues(twice, ROSTER_INFO_LABELS, sub.file, sub.extra.get("info_sheet") or "",
                        sub.hamlet or "")  # fmt: skip


def missing_info_sheet_issue(
    sub: Submission, hamlet: str | None, *, total_from_plan: bool = True, plan_given: bool = True
) -> Issue:
    """A roster without its 'Thông tin' sheet: what was taken from elsewhere instead.
    ``total_from_plan``: whether the total households was the plan's (not for a hamlet the plan
    does not know). A run and `check` say it of every list whose hamlet was settled (always
    read, total from the plan); a feedback workbook, of a list refused before that too
    (:mod:`pipeline.report.feedback`): its hamlet may be unread, or not the plan's.
    ``plan_given`` False (`check` without the plan): ``hamlet`` is the title's or None, as only
    the plan can tell whether the file name names one, and the total is the plan's in a run."""
    period = month_written(sub.period) if sub.period else ""
    if not plan_given and not hamlet and period:
        taken = Message(
            f"kỳ {period} từ tiêu đề/tên tệp (tiêu đề không ghi tên xóm: khi tổng hợp, xã chỉ "
            "nhận ra danh sách này nếu tên tệp ghi đúng tên xóm như trong kế hoạch)",
            f"period {period} taken from the title/file name (the title names no hamlet: the "
            "commune's run can tell whose list it is only if the file name names the hamlet "
            "as the plan does)",
        )
    elif hamlet and period:
        taken = Message(
            f"xóm '{hamlet}' và kỳ {period} từ tiêu đề/tên tệp",
            f"hamlet '{hamlet}' and period {period} taken from the title/file name",
        )
    elif hamlet:  # no period anywhere: said by its own issue ('kỳ ?' read as a typo)
        taken = Message(
            f"xóm '{hamlet}' từ tiêu đề/tên tệp (không thấy kỳ báo cáo ở đâu)",
            f"hamlet '{hamlet}' taken from the title/file name (no period found)",
        )
    elif period:
        taken = Message(
            f"kỳ {period} từ tiêu đề/tên tệp (không thấy tên xóm ở đâu)",
            f"period {period} taken from the title/file name (no hamlet found)",
        )
    else:
        taken = Message(
            f"danh sách hộ từ trang '{sub.sheet}' (không thấy tên xóm và kỳ báo cáo ở đâu)",
            f"the households from sheet '{sub.sheet}' (no hamlet or period found)",
        )
    # a total the title lines write that reads as no count ('khoảng 120 hộ': discover.
    # title_total_unread), or as a count without the block's 'Xóm' or 'Kỳ báo cáo' line,
    # quoted: the head sees why his number was not taken (sessions 55, K, and 56)
    unread = sub.extra.get("title_total") if total_from_plan else None
    quoted = Message("", "")
    if unread and unread[3]:  # past the four cells after its label (session 56, K)
        quoted = Message(
            f" (dòng tiêu đề ở ô {unread[1]} ghi tổng số hộ dân cư '{unread[0]}', nhưng cách"
            f" nhãn ở ô {unread[3]} quá {VALUE_REACH} ô nên chưa dùng số này; hãy ghi số ngay"
            " sau nhãn)",
            f" (the title line at {unread[1]} writes the total households '{unread[0]}', but"
            f" more than {VALUE_REACH} cells after its label at {unread[3]}, so it was not used;"
            " write it right after the label)",
        )
    elif unread and unread[2]:
        lines = " và ".join(f"'{label}: …'" for label in unread[2])
        lines_en = " and ".join(f"'{label}: …'" for label in unread[2])
        quoted = Message(
            f" (dòng tiêu đề ở ô {unread[1]} ghi tổng số hộ dân cư '{unread[0]}', nhưng tiêu"
            f" đề không có dòng {lines} nên chưa dùng số này)",
            f" (the title line at {unread[1]} writes the total households '{unread[0]}', but"
            f" the title has no {lines_en} line{'s' if len(unread[2]) > 1 else ''}, so it was"
            " not used)",
        )
    elif unread:
        quoted = Message(
            f" (dòng tiêu đề ở ô {unread[1]} ghi tổng số hộ dân cư '{unread[0]}', không đọc được"
            " thành một số hộ)",
            f" (the title line at {unread[1]} writes the total households '{unread[0]}', which"
            " reads as no number of households)",
        )
    if total_from_plan and not plan_given:
        taken = Message(
            f"{taken}; khi tổng hợp, tổng số hộ dân cư sẽ lấy từ kế hoạch đầu năm{quoted}",
            f"{taken.en}; the commune's run takes the total households from the plan{quoted.en}",
        )
    elif total_from_plan:
        taken = Message(
            f"{taken}, tổng số hộ dân cư từ kế hoạch đầu năm{quoted}",
            f"{taken.en}, total households from the plan{quoted.en}",
        )
    return Issue("missing-info-sheet", file=sub.file, hamlet=hamlet or "", detail=taken)


def listed_at_start(plan) -> dict[str, int]:
    """Each plan hamlet's poor and near-poor households at the start of the year."""
    rows = plan.hamlets
    counts = (rows["start_poor"] + rows["start_near_poor"]).astype(int).tolist()
    return dict(zip(rows["hamlet"].tolist(), counts, strict=True))


def empty_list_issue(sub: Submission, listed: int) -> Issue:
    """A list with no household at all, of a hamlet with ``listed`` poor and near-poor
    households at the start of the year: not counted (it would show every one of them gone)."""
    hidden = sub.extra.get("hidden_list")
    more = (
        Message(
            f" Trang ẩn '{hidden[0]}' có {hidden[1]} hộ: nếu đó là danh sách kỳ này, hãy bỏ ẩn "
            f"trang đó hoặc chép các hộ sang trang '{sub.sheet}'.",
            f" The hidden sheet '{hidden[0]}' holds {hidden[1]} households: if that is this "
            f"period's list, unhide it or copy them to sheet '{sub.sheet}'.",
        )
        if hidden
        else Message("", "")
    )
    variant, column = exit_marked(sub) or ("", "")  # a list marking its classes in columns
    return Issue(
        "empty-list",
        file=sub.file,
        hamlet=sub.hamlet or "",
        sheet=sub.sheet or "",
        value=str(listed),
        detail=more,
        instead=column,
        variant=variant,
    )


def title_periods(sub: Submission) -> set[str]:
    """The periods ('YYYY-MM') the title rows of a roster name."""
    return {find_period_in_text(c) for c in sub.extra.get("title_cells", ())} - {None}


PERIOD_DIFFERS = (
    "period-differs-from-file-name",
    "period-differs-from-title",
    "period-differs-from-folder",
    "period-differs-from-prepared-date",
)


def first_day(period: str, months_after: int = 0) -> date:
    """The first day of the month ``months_after`` months after ``period`` ('YYYY-MM')."""
    index = int(period[:4]) * 12 + int(period[5:7]) - 1 + months_after
    return date(index // 12, index % 12 + 1, 1)


def folder_month(file: str) -> tuple[int | None, int] | None:
    """(year or None, month) the innermost folder of the input that a file (``file``: its path
    in the input) sits in and that names a month gives ('T6/PacCap_06.xlsx': (None, 6);
    '2024/Thang 6/…', '06-2024/…'); None when no folder of its path names one
    (text.month_named, as sheets are read)."""
    for folder in reversed(PurePath(file.replace("\\", "/")).parent.parts):
        named = month_named(folder)
        if named is not None:
            return named
    return None


def file_name_period(sub: Submission) -> str | None:
    """The period ('YYYY-MM') a roster's file name gives, without its folders; None if none."""
    return find_period_in_text(PurePath(sub.file.replace("\\", "/")).stem)


def names_another_month(sub: Submission, file: str | None = None) -> bool:
    """Whether a roster's file name, else the innermost folder naming a month, names another
    month than its 'Kỳ báo cáo' (the file name decides when it names one, as in
    :func:`named_for`). ``file``: the file's path in the input read for the folder (default
    ``sub.file``)."""
    if not sub.period:
        return False
    named = file_name_period(sub)
    if named is not None:
        return named != sub.period
    return not same_month(folder_month(sub.file if file is None else file), sub.period)


def named_for(
    sub: Submission, period: str, listed_before: bool = False, file: str | None = None
) -> str | None:
    """Where a roster whose 'Kỳ báo cáo' says another month than ``period`` ('YYYY-MM') shows
    it is the list of ``period``: 'file-name' (its name gives ``period``), 'title' (its title
    names ``period`` alone, its name no month), 'folder' (neither names a month, and the
    innermost folder naming one names ``period``'s month (a title naming only the month the
    cell says, left with it, does not count against it), a month without its year taken as
    of any year: the officer sorts the files by month, 'T6/PacCap_06.xlsx'), 'prepared-date'
    (none of these names a month, its 'Ngày lập' is after the time a list of the month the
    cell says is made, that is from the first day of the second month after it, and not
    before ``period`` began, and the hamlet's list of that month is known otherwise,
    ``listed_before``: counted when that month was run, or an earlier-filled copy among the
    files; a June list filled in on 1 July with May left in 'Kỳ báo cáo' while May's list is
    in: without it, a hamlet's own late list of a month it missed is as likely); None
    otherwise. A 'Ngày lập' before ``period`` began (a list of June is not filled in in
    May) is no folder's list of ``period`` either. ``file``: the file's path in the input
    (default ``sub.file``). A run (consolidate) and `giamngheo check` decide by this one rule
    (docs/decisions.md, session 13)."""
    if not sub.period or sub.period == period:
        return None
    named = file_name_period(sub)
    if named is not None:
        return "file-name" if named == period else None
    titled = title_periods(sub)
    if titled == {period}:
        return "title"
    if titled - {sub.period}:
        return None  # a title naming a third month: no telling
    # A title naming only the month the cell says was left with it (last month's file copied).
    prepared = sub.prepared_on
    if prepared is not None and prepared < first_day(period):
        return None
    folder = folder_month(sub.file if file is None else file)
    if folder is not None:
        return (
            "folder" if same_month(folder, period) and not same_month(folder, sub.period) else None
        )
    late = prepared is not None and prepared >= first_day(sub.period, 2)
    if late and listed_before and sub.period < period:
        return "prepared-date"
    return None


def sent_for_another_period(issues: list[Issue], period: str) -> dict[str, Issue]:
    """{hamlet: the issue of its file shown (file name, title, folder or 'Ngày lập':
    :func:`named_for`) to be for ``period``, 'YYYY-MM', whose 'Kỳ báo cáo' says another
    month}: the hamlet sent something for the month, though its list counts for another."""
    month = month_written(period)
    found: dict[str, Issue] = {}
    for issue in issues:
        if issue.code in PERIOD_DIFFERS and issue.hamlet and issue.detail == month:
            found.setdefault(issue.hamlet, issue)
    return found


def period_differs_issue(
    sub: Submission, named: str, where: str = "file-name", same_as: str = ""
) -> Issue:
    """A roster whose file name (``where``: or 'title') says the period ``named`` while 'Kỳ báo
    cáo' says another. A roster without 'Thông tin' whose period was read from its title (a
    title left from last month's file) is told at that title cell (variant 'title').
    ``same_as``: the hamlet's list of the month the cell says holding the same bytes (last
    month's file sent again), said as such (variant 'same-file': not to correct the cell)."""
    if sub.extra.get("period_from") == "title":
        return Issue(
            f"period-differs-from-{where}",
            file=sub.file,
            hamlet=sub.hamlet or "",
            sheet=sub.sheet or "",
            cell=sub.extra.get("title_period_cell", ""),
            column="Tiêu đề",
            value=month_written(sub.period),
            detail=month_written(named),
            variant="title",
        )
    return Issue(
        f"period-differs-from-{where}",
        file=sub.file,
        hamlet=sub.hamlet or "",
        sheet=sub.extra.get("info_sheet") or "",
        cell=info_cell(sub, "period"),
        column=ROSTER_INFO_LABELS["period"][0],
        value=month_written(sub.period),
        detail=month_written(named),
        variant="same-file" if same_as else "",
        instead=same_as,
    )


def take_plan_year(submissions: list[Submission], plan, now: str) -> None:
    """The period of each roster whose 'Kỳ báo cáo' writes a month and no year ('tháng 5') and
    whose file name does not give it (discover._take_info): that month of the plan's year, once
    the plan a run (consolidate) or `giamngheo check` (checkfiles) takes is known; said at the
    cell (info_issues, period-no-year). When that month of the plan's year is still to come
    (after ``now``, 'YYYY-MM': 'tháng 12' sent in January, next year's plan already in the
    folder), the year before: the month a head means, not a list refused as from the future.
    Without a plan it stays unread: refused as a month without its year
    (period_unread_issue)."""
    if plan is None:
        return
    for sub in submissions:
        month = sub.extra.get("period_month_only")
        if sub.kind == "roster" and sub.period is None and month is not None:
            sub.period = month_only_period(month, now, plan.plan_year)
            before = not sub.period.startswith(f"{plan.plan_year:04d}")
            sub.extra["period_year_from"] = "plan-before" if before else "plan"
            sub.extra["period_plan"] = (plan.plan_year, plan.file)


def month_only_period(month: int, now: str, year: int | None = None) -> str:
    """``month`` of ``year`` (default: ``now``'s), or of the year before when that is still to
    come after ``now`` ('YYYY-MM'): the month a list writing 'tháng 12' and no year is most
    likely of (planpick.year_wanted, which plan a run takes; take_plan_year, the plan's year)."""
    year = int(now[:4]) if year is None else year
    period = f"{year:04d}-{month:02d}"
    return period if period <= now else f"{year - 1:04d}-{month:02d}"


def period_written_nowhere(issue: Issue) -> bool:
    """An invalid-period of a list whose month is written nowhere (variants 'none',
    'none-in-info', 'blank' of :func:`period_unread_issue`): its refusal is said as a month not written,
    not as a period '' that cannot be read ('Nộp báo cáo', the feedback's status line)."""
    return issue.code == "invalid-period" and issue.variant in ("none", "none-in-info", "blank")


def typed_formula(sub: Submission, key: str, issue: Issue, raw: object) -> Issue:
    """``issue``, said of a 'Thông tin' value ``key`` read as no month or date from the value
    Excel worked out for a formula ('=5-6-24' saved as −25; discover._typed_formulas), in its
    variant 'typed' where the formula is plainly that value typed after '='
    (:func:`info_typed_after_equals`): the formula as typed, what the cell shows (``raw``, as
    Excel shows it) and what to write (session 41); else ``issue`` as it is."""
    formula = sub.extra.get("info_typed_formulas", {}).get(key, "")
    typed = info_typed_after_equals(key, formula) if formula else None
    if typed is None:
        return issue
    return replace(issue, value=formula, detail=as_shown(raw), instead=typed, variant="typed")


def period_unread_issue(sub: Submission) -> Issue:
    """A roster whose 'Kỳ báo cáo' cannot be read as a month (an error value said as such, else
    invalid-period at its cell): the issue a run refuses it with (consolidate._identify), and
    `giamngheo check` alike; a month typed after '=' in Excel ('=05/2024', saved as 5 ÷ 2024)
    told to lose its '=' (:func:`typed_formula`)."""
    raw = sub.extra.get("period_raw")
    written = info_written(sub, "period", raw)
    cell = info_cell(sub, "period")
    invalid = Issue(
        "invalid-period",
        file=sub.file,
        hamlet=sub.hamlet or "",
        sheet=sub.extra.get("info_sheet") or sub.sheet,
        cell=cell,
        column=ROSTER_INFO_LABELS["period"][0],
        value=written,
        # no period cell and no month in the title or file name: said as a month found nowhere
        # (a blank 'Kỳ báo cáo' cell is info-cell-blank), the row to add where the file has a
        # 'Thông tin' sheet, else the sheet; a month without its year nothing else gives
        # (take_plan_year): said as the year missing
        variant=("none-in-info" if sub.extra.get("info_sheet") else "none")
        if not written and not cell
        else "blank"
        if not written  # the cell there, left blank (session 45: was "'' cannot be read")
        else "no-year"
        if sub.extra.get("period_month_only")
        else "",
    )
    return unread_info(sub, "period") or typed_formula(sub, "period", invalid, raw)


def future_period_issue(sub: Submission, now: str) -> Issue:
    """A roster's period after the current month ``now`` ('YYYY-MM'), at its cell."""
    return Issue(
        "future-period",
        file=sub.file,
        hamlet=sub.hamlet or "",
        sheet=sub.extra.get("info_sheet") or sub.sheet,
        cell=info_cell(sub, "period"),
        value=month_written(sub.period),
        column=ROSTER_INFO_LABELS["period"][0],
        detail=month_written(now),
    )


def listed_as_poor_or_near(typed: pd.DataFrame) -> np.ndarray:
    """Which validated rows list a poor or near-poor household, whether or not the row has
    another problem: the hamlet's total must hold them all (CONTRACT §2.1), and the head is
    told so with the rows' problems, not after he has fixed them."""
    return typed["phan_loai"].isin(["poor", "near_poor"]).to_numpy()


def total_below_listed(sub: Submission, total: int | None, listed: int) -> Issue | None:
    """The error for a 'Tổng số hộ dân cư' smaller than the ``listed`` poor and near-poor
    households (the file is not counted: its rates could exceed 100 %)."""
    if total is None or total >= listed:
        return None
    return Issue(
        "total-less-than-listed",
        file=sub.file,
        hamlet=sub.hamlet or "",
        sheet=sub.extra.get("info_sheet") or "",
        cell=info_cell(sub, "total_households"),
        column=ROSTER_INFO_LABELS["total_households"][0],
        value=str(total),
        detail=Message(f"{listed} hộ", f"{listed} households"),
    )


def far_total_settled(found: list[Issue], counted: bool) -> list[Issue]:
    """A list's issues once it is known whether it counts: the warning that its 'Tổng số hộ
    dân cư' is far from the plan's count (total-far-from-plan) says the hamlet's rates use the
    number written, which holds only for a list that counts; on a list refused (for a total
    below the households listed at the same cell, or anything else) it is said without the
    rates (variant 'not-counted'), its advice kept: the cell holds all the hamlet's households,
    not its poor and near-poor ones, the usual reason for a total below the list. A run
    (consolidate) and `giamngheo check` (pipeline.checkfiles) settle it by this rule."""
    if counted:
        return found
    return [
        replace(i, variant="not-counted") if i.code == "total-far-from-plan" else i for i in found
    ]


def rows_refuse(
    sub: Submission, total: int | None, read: int, valid: int, listed: int
) -> Issue | None:
    """Why a list that passed its file-level checks is refused for its rows all the same
    (``read`` rows, ``valid`` of them without an error, ``listed`` listing a poor or near-poor
    household): every row left out (all-rows-rejected: counting it would report a hamlet with
    no poor household left, a reduction no one achieved; one systematic slip does this), else
    its total below the households listed (:func:`total_below_listed`); None when it counts. A
    run (consolidate) and `giamngheo check` (pipeline.checkfiles) decide by this one rule."""
    if read and not valid:
        return Issue(
            "all-rows-rejected", file=sub.file, hamlet=sub.hamlet, sheet=sub.sheet, detail=str(read)
        )
    return total_below_listed(sub, total, listed)


def rows_refuse_across(
    valid: np.ndarray, owners: np.ndarray, subs: list[Submission], before: np.ndarray | None = None
) -> dict[int, Issue]:
    """The lists counted together (``subs``; ``owners[row]``: the index of a row's list,
    ``valid[row]`` once :func:`households_twice` has left out the rows of a Mã hộ used twice)
    refused all the same, every row they read now left out: {index: the all-rows-rejected
    Issue, variant 'across'}. Such a list passed :func:`rows_refuse`, some of its rows without
    an error of their own, but a Mã hộ another hamlet's list writes too (CONTRACT §4.2) left
    out the rest; counted, its hamlet would show 0 poor and near-poor households, a reduction
    no one achieved. Refused, it is out of the commune's totals, current and start of the year
    alike, until the codes are settled. A run (consolidate) and `giamngheo check` decide by
    this one rule (session 53). ``before``: each row's ``valid`` before, where ``subs`` may hold
    a list none of whose own rows is valid (`check`'s): refused by rows_refuse already.
    Every row valid (a month with nothing to tell): none, without counting rows by list
    (session 54)."""
    valid = np.asarray(valid, dtype=bool)
    if valid.all():  # every list read keeps each of its rows: none left with 0 of them
        return {}
    read = np.bincount(owners, minlength=len(subs))
    kept = np.bincount(owners, weights=np.asarray(valid, dtype=bool), minlength=len(subs))
    if before is not None:  # a list whose own rows all fail: rows_refuse's
        own = np.bincount(owners, weights=np.asarray(before, dtype=bool), minlength=len(subs))
        read[own < 1] = 0
    refused = {}
    for position in np.flatnonzero((read > 0) & (kept == 0)).tolist():
        sub = subs[position]
        refused[position] = Issue("all-rows-rejected", file=sub.file, hamlet=sub.hamlet,
                                  sheet=sub.sheet, detail=str(int(read[position])),
                                  variant="across")  # fmt: skip
    return refused


def income_per_year(header, below: int, plan: bool = False) -> dict | None:
    """Where and how an income column of a year (validate.per_year: 'Thu nhập năm', read a
    twelfth a month) is said once (income-per-year): the Issue's fields at its header cell, the
    whole household's ('Thu nhập năm của hộ': validate.household_year, divided by its members
    too) in its words (session 46 review); ``plan``: of the plan's start list. None for none."""
    income = header.columns.get("thu_nhap")
    if income is None or not (per_year(income[1]) or household_month(income[1])):
        return None
    row, cell = header_cell(header, income[0], below)
    # the household's month ('Thu nhập của hộ/tháng'): divided by its members (session 51)
    month = household_month(income[1])
    variant = "-".join(w for w, on in (("plan", plan), ("household", of_household(income[1])),
                                       ("month", month)) if on)  # fmt: skip
    return {"row": row, "column": income[1], "cell": cell, "variant": variant,
            "detail": ROSTER_COLUMN_BY_KEY["thu_nhap"].header}  # fmt: skip


def household_sized(
    columns: dict[str, list], header, sub: Submission, sheet: str, line: int
) -> Issue | None:
    """The notice of an income column naming the household but no period ('Thu nhập của hộ':
    text.household_no_period) whose values are the household's month, read so (divided by the
    size; said once at its header, income-per-year variant 'household-month-guessed'); None
    for any other (:func:`household_sized_evidence`). A class is never changed by it (counts
    come from the class). Session 52."""
    evidence = household_sized_evidence(columns, header, line)
    if evidence is None:
        return None
    over, sized = evidence
    below = getattr(header, "last_row", 0) + 1
    income = header.columns["thu_nhap"]
    row, cell = header_cell(header, income[0], below)
    return Issue("income-per-year", file=sub.file, sheet=sheet, hamlet=sub.hamlet, row=row,
                 cell=cell, column=income[1], value=str(over), instead=str(sized),
                 detail=ROSTER_COLUMN_BY_KEY["thu_nhap"].header,
                 variant="household-month-guessed")  # fmt: skip


def household_sized_evidence(columns: dict[str, list], header, line: int) -> tuple[int, int] | None:
    """(households over the line as a person's, households of 2 people or more with an income)
    of an income column naming the household but no period (text.household_no_period) whose
    values are the household's month; None for any other. Household-sized: of the poor and
    near-poor households of 2 people or more with an income (``columns``: the table's,
    normalised), more than half over the poverty ``line`` as a person's income and none over it
    shared among its members, which a column of each person's income, whose households are
    listed under the line, is not; and one over twice the line, which a person's income on the
    list, even written over the line by a little (1,520,000), is not, and a household's month
    of 3 people or more commonly is; such values a third at least of those over the line, so
    that one slip among persons' incomes near it does not turn the column (session 54).
    Sessions 52 (a hamlet's list) and 53 (the plan's start list)."""
    income = header.columns.get("thu_nhap")
    if income is None or not household_no_period(income[1]):
        return None
    unit = income_unit(income[1])
    over = sized = 0
    twice = 0  # values over twice the line: no person's income near it (session 52 review)
    for kind, size, amount in zip(columns["phan_loai"], columns["nhan_khau"],
                                  columns["thu_nhap"], strict=True):  # fmt: skip
        if kind not in ("poor", "near_poor") or size.__class__ is not int:
            continue
        if not 2 <= size <= MAX_HOUSEHOLD_SIZE or amount.__class__ not in (int, float):
            continue
        if not amount > 0:
            continue
        if amount * unit > line * size:
            return None  # over the line even shared: no household's month
        sized += 1
        over += amount * unit > line
        twice += amount * unit > 2 * line
    # and not one slip against the many near the line: the values over twice it a third at least
    # of those over it (three households, one over twice, still a household's month; session 54)
    if not (2 * over > sized and twice and 3 * twice >= over):
        return None
    return over, sized


def _untimed_unread(header, sub: Submission, sheet: str) -> Issue:
    """The notice of 'TN hộ' or 'Tổng thu nhập của hộ' naming no period
    (text.household_total_untimed) whose values are no household's month
    (:func:`household_sized`): a column not in the template, not read, as before session 53
    (header_issues' unknown-column)."""
    col, text = header.columns["thu_nhap"]
    row, cell = header_cell(header, col, getattr(header, "last_row", 0) + 1)
    return Issue("unknown-column", file=sub.file, sheet=sheet, hamlet=sub.hamlet, row=row,
                 column=text, cell=cell)  # fmt: skip


def header_cell(header, col: int, below: int) -> tuple[int, str]:
    """(row, cell) of the header of column ``col`` to point at: the cell its text is written in
    (the first cell of a merged header: 'Số điện thoại' merged down rows 5–6 is Z5, not the
    blank Z6 under the text, which the feedback copy would have to unmerge to colour), else
    the header's last row (``below``)."""
    at = getattr(header, "unknown_at", {}).get(col)
    if at is None:
        return below, f"{column_letter(col)}{below}"
    return at[0] + 1, f"{column_letter(at[1])}{at[0] + 1}"


def twice_cell(header, col: int, below: int, cells: str = "twice_at") -> tuple[int, str]:
    """(row, cell) of the header cell of a column written twice (``HeaderMatch.twice_at``, or
    ``cells``: 'later_at')."""
    at = getattr(header, cells, {}).get(col)
    if at is None:
        return below, f"{column_letter(col)}{below}"
    return at[0] + 1, f"{column_letter(at[1])}{at[0] + 1}"


def column_twice_issues(sub: Submission, sheet: str, header) -> list[Issue]:
    """A known column's header written twice (twice.settle_twice): the two differing refuses
    the list (column-twice, an error at both header cells: the figures would depend on which
    one is read); one hidden, the two the same in every row or a note written twice
    differently are warnings at the header cell of the column not read (column-twice-ignored);
    a note or STT written twice the same is not said."""
    below = getattr(header, "last_row", 0) + 1
    found = []
    for twice in getattr(header, "twice", ()):
        if twice.state in ("", "quiet") or (
            twice.state == "rounds" and not (twice.differ or twice.filled or twice.unheeded)
        ):
            continue  # rounds of a check alike in every row ('Lần 1 | Lần 2'): nothing to say
        column = header.columns[twice.key][1]
        row, cell = twice_cell(header, twice.read, below)
        other_row, other_cell = twice_cell(header, twice.other, below)
        first, second = sorted((cell, other_cell), key=lambda c: cell_position(c) or (0, 0))
        both = Message(f"{first} và {second}", f"{first} and {second}")
        read_letter = column_letter(twice.read)
        where = dict(file=sub.file, sheet=sheet, hamlet=sub.hamlet, column=column)
        if twice.state == "differ":
            rows = Message(
                f"{twice.differ} dòng hộ, đầu tiên là dòng {twice.first}",
                f"{twice.differ} household row(s), the first row {twice.first}",
            )
            # both headers naming one time ('Tháng 5' twice): the old one's time is corrected
            earlier = _time_before(twice.time) if twice.time else None
            for at_row, at in sorted({(row, cell), (other_row, other_cell)},
                                     key=lambda item: cell_position(item[1]) or (0, 0)):  # fmt: skip
                found.append(Issue("column-twice", row=at_row, cell=at, detail=both,
                                   value=rows, instead=earlier or "",
                                   variant="timed" if earlier else "", **where))  # fmt: skip
        elif twice.state == "rounds":
            cells = unheeded_cells(header, twice, below)
            found.append(_rounds_issue(twice, (other_row, other_cell), cell, where, cells))
        elif twice.state == "hidden":
            found.append(Issue("column-twice-ignored", row=other_row, cell=other_cell,
                               instead=cell, variant="hidden", **where))  # fmt: skip
        else:  # 'same', 'notes'
            found.append(Issue("column-twice-ignored", row=other_row, cell=other_cell,
                               detail=both, value=read_letter,
                               variant="notes" if twice.state == "notes" else "", **where))  # fmt: skip
    # the list's period read from its title or file name, 'Kỳ báo cáo' left blank
    untold = sub.extra.get("period_from") in ("title", "file name")
    for later in getattr(header, "later", ()):
        if not later.filled:
            continue  # a year file's months still to come, blank
        row, cell = twice_cell(header, later.col, below, "later_at")
        _, read_cell = twice_cell(header, later.read, below, "later_at")
        year, month = later.time
        period = sub.period or getattr(header, "period", None) or ""
        if month is None:
            named, detail = Message(f"năm {year}", f"year {year}"), period[:4]
        else:
            if year is None:  # a later month without its year: of the list's (timeranks._whens)
                year = int(period[:4]) if period else ""
            named = Message(f"tháng {month}/{year}", f"month {month}/{year}")
            detail = month_written(period) if period else ""
        found.append(Issue("column-twice-ignored", file=sub.file, sheet=sheet, hamlet=sub.hamlet,
                           column=ROSTER_COLUMN_BY_KEY[later.key].header, row=row, cell=cell,
                           value=named, detail=detail, instead=read_cell,
                           variant="later-untold" if untold else "later"))  # fmt: skip
    return found


def _rows_said(rows: list[int] | tuple[int, ...], most: int = 3) -> str:
    """'7', '7, 9', '7, 9, 10…': the first ``most`` Excel rows."""
    said = ", ".join(str(r) for r in rows[:most])
    return said + ("…" if len(rows) > most else "")


def unheeded_cells(header, twice, below: int) -> dict[int, str]:
    """The header cell of each column read in a row where ``twice``'s other column differs
    from it (headers.TwiceColumn.unheeded), by its column index."""
    return {col: twice_cell(header, col, below)[1] for _, col in twice.unheeded}


def unheeded_said(
    twice, read_cell: str, own_cell: str, cells: dict[int, str]
) -> list[tuple[str, str]]:
    """A third column of one kind (headers.TwiceColumn.unheeded: 'Thu nhập năm' and 'Thu nhập
    năm của hộ' beside the template's): the rows the column at ``read_cell`` leaves blank, read
    from another one (its header cell in ``cells``) where the one at ``own_cell`` differs from
    it; (vi, en) for each column read so. Session 47 review's leftovers."""
    said = []
    for col, cell in cells.items():
        rows = [row for row, by in twice.unheeded if by == col]
        listed = _rows_said(rows)
        said.append((f"{len(rows)} dòng hộ để trống cột ở ô {read_cell} (dòng {listed}): đã đọc "
                     f"cột ở ô {cell}, ghi khác cột ở ô {own_cell}",
                     f"{len(rows)} household row(s) leave the column at {read_cell} blank (row "
                     f"{listed}): the column at {cell} was read there, which differs from the "
                     f"column at {own_cell}"))  # fmt: skip
    return said


def _rounds_issue(
    twice, at: tuple[int, str], read_cell: str, where: dict, cells: dict[int, str]
) -> Issue:
    """An earlier round of a check ('Lần 1' beside 'Lần 2', twice.settle_twice): said at its
    header cell when it differs from the later one in a row (the later read), or fills a row
    the later one leaves blank (read there), or differs from a third one read there
    (:func:`unheeded_said`)."""
    parts_vi, parts_en = [], []
    if twice.named:  # two names of one column (headers.TwiceColumn.named; session 46)
        return _named_twice_issue(twice, at, read_cell, where, cells)
    if twice.differ:
        parts_vi.append(
            f"{twice.differ} dòng hộ ghi hai lần khác nhau (đầu tiên là dòng "
            f"{twice.first}): đã đọc lần sau (cột ở ô {read_cell})"
        )
        parts_en.append(f"{twice.differ} household row(s) differ between the two (the first "
                        f"row {twice.first}): the later one (column at {read_cell}) was read")  # fmt: skip
    if twice.filled:
        rows = _rows_said(twice.filled)
        parts_vi.append(
            f"{len(twice.filled)} dòng hộ chưa ghi lần sau (dòng {rows}): đã đọc cột ở ô {at[1]}"
        )
        parts_en.append(f"{len(twice.filled)} household row(s) leave the later one blank "
                        f"(row {rows}): the column at {at[1]} was read there")  # fmt: skip
    for vi, en in unheeded_said(twice, read_cell, at[1], cells):
        parts_vi.append(vi)
        parts_en.append(en)
    detail = Message("; ".join(parts_vi), "; ".join(parts_en))
    where = {**where, "column": ROSTER_COLUMN_BY_KEY[twice.key].header}  # not 'Phân loại hộ Lần 2'
    return Issue("column-twice-ignored", row=at[0], cell=at[1], detail=detail,
                 instead=read_cell, variant="rounds", **where)  # fmt: skip


def year_income_read(twice) -> tuple[str, str]:
    """How the rows a year's income column filled were read (headers.TwiceColumn.named: 'Thu nhập
    năm' beside 'Thu nhập BQ', taken in its unit by validate._in_dong; session 47), (vi, en)
    to follow 'read there'; ('', '') for any other column."""
    if twice.key == "thu_nhap" and household_month(twice.text):  # session 51
        return (" (thu nhập một tháng của cả hộ: đã chia cho số nhân khẩu của hộ)",
                " (the whole household's income for a month: divided by the household's "
                "members)")  # fmt: skip
    if twice.key != "thu_nhap" or not per_year(twice.text):
        return "", ""
    if household_year(twice.text):
        return (" (thu nhập cả năm của cả hộ: đã chia cho 12 tháng và cho số nhân khẩu của hộ)",
                " (the whole household's income for a year: divided by 12 months and by the "
                "household's members)")  # fmt: skip
    return (" (thu nhập cả năm: đã lấy một phần mười hai, thu nhập một tháng)",
            " (a year's income: a twelfth taken, a month's income)")  # fmt: skip


def _named_twice_issue(
    twice, at: tuple[int, str], read_cell: str, where: dict, cells: dict[int, str]
) -> Issue:
    """Two columns of one kind under two names yielding as far ('Nguyên nhân chính' beside
    'Nguyên nhân nghèo chính', twice.settle_twice as rounds; session 46): said at the other's
    header cell when they differ in a row (the one at ``read_cell`` read) or it fills a row
    the read one leaves blank (read there), or differs from a third one read there
    (:func:`unheeded_said`)."""
    parts_vi, parts_en = [], []
    if twice.differ:
        parts_vi.append(f"{twice.differ} dòng hộ ghi hai cột khác nhau (đầu tiên là dòng "
                        f"{twice.first}): đã đọc cột ở ô {read_cell}")  # fmt: skip
        parts_en.append(f"{twice.differ} household row(s) differ between the two (the first "
                        f"row {twice.first}): the column at {read_cell} was read")  # fmt: skip
    if twice.filled:
        rows = _rows_said(twice.filled)
        how = year_income_read(twice)
        parts_vi.append(f"{len(twice.filled)} dòng hộ để trống cột ở ô {read_cell} (dòng "
                        f"{rows}): đã đọc cột ở ô {at[1]}{how[0]}")  # fmt: skip
        parts_en.append(f"{len(twice.filled)} household row(s) leave the column at {read_cell} "
                        f"blank (row {rows}): the column at {at[1]} was read there{how[1]}")  # fmt: skip
    for vi, en in unheeded_said(twice, read_cell, at[1], cells):
        parts_vi.append(vi)
        parts_en.append(en)
    detail = Message("; ".join(parts_vi), "; ".join(parts_en))
    where = {**where, "column": ROSTER_COLUMN_BY_KEY[twice.key].header}
    return Issue("column-twice-ignored", row=at[0], cell=at[1], detail=detail,
                 instead=read_cell, variant="named", **where)  # fmt: skip


def _time_before(time: tuple) -> str:
    """A time before ``time`` ((year, month); month None: a year alone), as a header writes it:
    'Tháng 4', 'Tháng 4/2024', 'Năm 2023'."""
    year, month = time
    if month is None:
        return f"Năm {year - 1}"
    if month == 1:
        return f"Tháng 12/{year - 1}" if year else "Tháng 12"
    return f"Tháng {month - 1}/{year}" if year else f"Tháng {month - 1}"


def header_issues(
    sub: Submission, plan_names: Callable[[], HamletMatcher] | None = None
) -> list[Issue]:
    """Each table's header: a required column missing (an error: the file cannot be counted)
    and a column not recognised (a warning: its values are not read), at the header's row; and
    households typed under a signature block in the list (a warning at the first).
    ``plan_names``: gives the plan's hamlet matcher (pipeline.hamlets.HamletMatcher), asked only
    when rows of another hamlet are said: that hamlet is named as the plan writes it ('Thẩm
    Rộc' for a title's 'THẨM RỘC'), else as written (no plan, or a hamlet not in it)."""
    found = []
    for sheet, header, rows in tables(sub):
        below = header.last_row + 1

        def said(code: str, row: int, sheet=sheet, **where) -> None:
            found.append(Issue(code, file=sub.file, sheet=sheet, hamlet=sub.hamlet, row=row,
                               **where))  # fmt: skip

        # A required column not found, beside a column of the file whose header shares a word
        # with it ('Mã số' for 'Mã hộ'): that column is named as the one to rename.
        guessed = _misnamed([k for k in ROSTER_REQUIRED if k not in header.columns], header.unknown)
        # A column whose values are the classifications, under a header sharing no word with
        # 'Phân loại hộ' ('Hộ nghèo/cận nghèo'): that column is the one to rename too.
        holding = sub.extra.get("classes_under", {}).get(sheet)
        if holding and "phan_loai" not in header.columns and "phan_loai" not in guessed:
            guessed = {k: v for k, v in guessed.items() if v != holding} | {"phan_loai": holding}
        for key, (col, text) in guessed.items():
            row, cell = header_cell(header, col, below)
            said("column-misnamed", row, column=text, cell=cell, value=text,
                 detail=ROSTER_COLUMN_BY_KEY[key].header)  # fmt: skip
        # A deprivation column left out reads as nobody deprived there: said too (a warning).
        for code, keys in (("missing-column", ROSTER_REQUIRED),
                           ("missing-indicator-column", INDICATOR_KEYS)):  # fmt: skip
            for key in keys:
                if key not in header.columns and key not in guessed:
                    said(code, below, column=ROSTER_COLUMN_BY_KEY[key].header,
                         detail=_not_taken_for(key, header.unknown, below))  # fmt: skip
        signed_at = getattr(rows, "signed_at", None)
        # Households typed under a signature block are counted, and said: the signature does
        # not cover them.
        unsigned = [r for r in getattr(rows, "excel_rows", ()) if signed_at and r > signed_at]
        if unsigned:
            count, first = len(unsigned), unsigned[0]
            detail = Message(
                f"{count} dòng hộ nằm dưới phần ký tên (ở dòng {signed_at})",
                f"{count} household row(s) are below the signature block (at row {signed_at})",
            )
            said("rows-below-signature", first, cell=f"A{first}", detail=detail)
        # A group's subtotal passed over whose figures are not its rows' ('Cộng tổ 1' left as
        # it was when a household was deleted): said once (session 57)
        stale = getattr(rows, "stale_subtotals", ())
        if stale:
            found.extend(stale_subtotal_issues(stale, header, sub.file, sheet, plan_names,
                                               hamlet=sub.hamlet))  # fmt: skip
        # A class picked with no household typed: nothing is read from the row, and said.
        for where, row, cell, name, value in sub.extra.get("classes_alone", ()):
            if where == sheet:
                said("class-without-household", row, cell=cell, column=name, value=value)
        found.extend(column_twice_issues(sub, sheet, header))
        renamed = set(guessed.values())
        # a 'Xóm' column that left rows out as another hamlet's was read for the hamlet: it is
        # not "unknown, nothing to fix" (rows-of-other-hamlet says it)
        read = {w for s, how, *_, w in sub.extra.get("rows_of_other_hamlet", ()) if s == sheet
                and how == "column"}  # fmt: skip
        noted = set()
        for col, text in header.unknown:
            row, cell = header_cell(header, col, below)
            if column_letter(col) in read:
                continue
            if (col, text) not in renamed and cell not in noted:  # a header merged over two
                noted.add(cell)  # columns is one column to the head
                said("unknown-column", row, column=text, cell=cell)
        income = income_per_year(header, below)
        if income is not None:
            said("income-per-year", **income)
    found.extend(hidden_rows_issues(sub))
    variant, column = exit_marked(sub) or ("", "")  # the main list marks its classes
    for sheet, lacking, at in sub.extra.get("sheets_left_out", ()):
        header_row = (cell_position(at) or (None,))[0]  # the guide's 'Dòng' of the cell named
        found.append(Issue("sheet-not-read", file=sub.file, sheet=sheet, hamlet=sub.hamlet,
                           row=None if header_row is None else header_row + 1,
                           cell=at, value=", ".join(f"'{c}'" for c in lacking),
                           instead=column, variant=variant))  # fmt: skip
    for sheet, (year, month) in sub.extra.get("sheets_of_other_months", ()):
        # Said of the template's list sheet only: month tabs ('T4', 'Tháng 4') kept beside this
        # month's are a common way of keeping a year's lists, and passed over as a person would.
        if fold(sheet) != fold(ROSTER_LIST_SHEET):
            continue
        named = f"tháng {month}/{year}" if year else f"tháng {month}"
        found.append(Issue("sheet-of-other-month", file=sub.file, sheet=sheet, hamlet=sub.hamlet,
                           value=named, detail=month_written(sub.period) if sub.period else "",
                           column=sub.sheet or ""))  # fmt: skip
    for sheet, kept in sub.extra.get("sheets_copied", ()):
        found.append(Issue("sheet-copy-not-read", file=sub.file, sheet=sheet, hamlet=sub.hamlet,
                           column=kept))  # fmt: skip
    matcher = None
    for sheet, how, named, rows, text, where in sub.extra.get("rows_of_other_hamlet", ()):
        # another hamlet's households in this list (discover._other_hamlet_rows): not counted.
        # The reader names the hamlet as written ('THẨM RỘC'); the plan's name where it has one
        # (session 30). In a 'Xóm' column's message the cell is quoted as written ({value}).
        written, known = named, None
        if named and plan_names is not None:
            matcher = matcher or plan_names()
            if how == "column":
                known = matcher.match(named)
            else:  # 'XÓM NÀ MÒN TỔ 4': a plan's 'Nà Mòn Tổ 4' (session 41 review)
                from pipeline.discover import heading_hamlet

                known = heading_hamlet(matcher, named, text)[0]
            if known == sub.hamlet:  # its own, by a group cut ('KHU PHỐ 3 TỔ 2'): as written
                known = None
            named = known or named
        said_rows = _runs_said(rows)
        first = rows[0]
        one = "one" if len(rows) == 1 else ""  # 'Dòng 45 …', not 'Các dòng 45 …' (session 30)
        # a title's issue points at the title's own cell (its text is the value quoted), not
        # at the first household row's STT (session 30)
        at = (cell_position(where) or (first - 1, 0))[0] + 1 if how != "column" else first
        if how == "unclear":
            # rows numbered on under a move-out title bounded by nothing: counted, asked about
            # (discover._other_hamlet_rows, session 31)
            found.append(Issue("rows-moved-unclear", file=sub.file, sheet=sheet,
                               hamlet=sub.hamlet, row=at, cell=where, value=text,
                               instead=named, detail=said_rows, variant=one))  # fmt: skip
        elif how == "out":
            # under a title over households that moved out ('Hộ chuyển đi xóm Thẩm Rộc'):
            # no longer this hamlet's, as a class written 'Chuyển đi' (session 30)
            # a hamlet the plan does not have: out of the commune, or misnamed (session 32)
            outside = named and plan_names is not None and known is None
            found.append(Issue("rows-moved-away", file=sub.file, sheet=sheet,
                               hamlet=sub.hamlet, row=at, cell=where, value=text,
                               instead=named, detail=said_rows,
                               variant=_and_one("outside" if outside else "" if named
                                                else "unnamed", one)))  # fmt: skip
        elif how == "column":
            found.append(Issue("rows-of-other-hamlet", file=sub.file, sheet=sheet,
                               hamlet=sub.hamlet, row=first, cell=f"{where}{first}",
                               column=text, value=written, detail=said_rows, instead=named,
                               variant=_and_one("column", one)))  # fmt: skip
        else:
            found.append(Issue("rows-of-other-hamlet", file=sub.file, sheet=sheet,
                               hamlet=sub.hamlet, row=at, cell=where,
                               value=text, instead=named, detail=said_rows, variant=one))  # fmt: skip
    for sheet, rows, letter in sub.extra.get("struck_rows", ()):
        # rows struck through, counted as written (discover._struck_rows)
        found.append(Issue("rows-struck-through", file=sub.file, sheet=sheet, hamlet=sub.hamlet,
                           row=rows[0], cell=f"{letter}{rows[0]}", detail=_runs_said(rows),
                           variant="one" if len(rows) == 1 else ""))  # fmt: skip
    for sheet, cell, struck, kept in sub.extra.get("struck_parts", ()):
        # a text struck in part, read as the text left (opening.Workbook.struck_parts)
        found.append(Issue("text-partly-struck", file=sub.file, sheet=sheet, hamlet=sub.hamlet,
                           row=int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), cell=cell,
                           value=struck, instead=kept))  # fmt: skip
    for sheet, cell, written, said, read, staying, *part in sub.extra.get("total_counts", ()):
        # the head's 'Tổng cộng | 33 hộ' beside the rows read: all of them, or those still on
        # the lists (a total that leaves out the households written 'Thoát')
        if said in (read, staying):
            continue
        detail, variant, instead = str(read), "", ""
        if part:
            # a part's total ('Cong Ban Co | 3' under Bản Cọ's two rows, after 'Cong Na Mon |
            # 3'), beside its part's rows (consolidate.hamlet_totals_taken; session 63, D)
            part_rows, instead = part
            runs = row_runs(list(part_rows))[0]
            detail = Message(
                f"{read} dòng hộ (dòng {runs})", f"{read} household rows (rows {runs})"
            )
            variant = "section"
        found.append(Issue("total-count-differs", file=sub.file, sheet=sheet,
                           hamlet=sub.hamlet, row=cell_position(cell)[0] + 1, cell=cell,
                           value=written, detail=detail, variant=variant,
                           instead=instead))  # fmt: skip
    for sheet, cell, label, named, part_rows in sub.extra.get("unnamed_counts", ()):
        # a count naming no plan hamlet taken out (consolidate.hamlet_totals_taken): as well a
        # head's row typed without marks ('Cong Van Minh'): said, never lost unsaid (session
        # 66, F)
        runs = row_runs(list(part_rows))[0]
        detail = (
            Message(f"hộ ở dòng {runs}", f"the household in row {runs}")
            if len(part_rows) == 1
            else Message(f"các hộ ở các dòng {runs}", f"the households in rows {runs}")
        )
        # the head's family name its first word would be with its marks: the row's own text
        # quoted, that name the example ('Công', not 'Cộng'; 'Lũy kế …' none; session 67, F)
        first = fold(label).split()[:1]
        variant = "cong" if first == ["cong"] else ""
        found.append(Issue("count-names-no-hamlet", file=sub.file, sheet=sheet,
                           hamlet=sub.hamlet, row=cell_position(cell)[0] + 1, cell=cell,
                           value=label, instead=named, detail=detail,
                           variant=variant))  # fmt: skip
    stated = sub.extra.get("info_counts", ())
    counted = _rows_by_class(sub) if stated else {}
    for sheet, cell, kind, written, said in stated:
        # the head's 'Số hộ nghèo: 12' in 'Thông tin' beside the rows of that class read; 'Số
        # nhân khẩu: 95' beside the people of the rows (session 30)
        if kind == "left_poverty":
            continue  # poor households now near-poor are in it too: not told by one list
        variant, instead = _INFO_COUNT_VARIANTS[kind], ""
        if kind == "people":
            people = _people_of_rows(sub)
            if people is None or said in people[:2] or said > MAX_HOUSEHOLD_SIZE * people[2]:
                continue  # a size not read, or more than the rows can hold: the hamlet's people
            if _hamlet_people(said, people, parse_households(sub.extra.get("total_raw"))):
                continue  # nearer the hamlet's people than the list's (session 30, QA)
            detail, staying = str(people[0]), people[1]
            if staying != people[0]:
                variant, instead = "people-exited", str(staying)
        elif said != counted.get(kind, 0):
            detail = str(counted.get(kind, 0))
        else:
            continue
        found.append(Issue("info-count-differs", file=sub.file, sheet=sheet, hamlet=sub.hamlet,
                           row=cell_position(cell)[0] + 1, cell=cell,
                           column=INFO_COUNT_LABELS[kind][0], value=written, detail=detail,
                           variant=variant, instead=instead))  # fmt: skip
    return found


# info-count-differs' wording for each kind of count (schemas.columns.INFO_COUNT_LABELS)
_INFO_COUNT_VARIANTS = {
    "poor": "",
    "near_poor": "near-poor",
    "exited": "exited",
    "people": "people",
}


def _class_of(value, seen: dict) -> str | None:
    """The class ('poor', 'near_poor', 'exited') a class cell writes, or None; ``seen``: those
    worked out already, per distinct value."""
    try:
        return seen[value]
    except KeyError:
        kind = seen[value] = (
            value if value in CLASSIFICATIONS  # normalised already
            else vocab.classification(value) if isinstance(value, str) else None
        )  # fmt: skip
        return kind
    except TypeError:
        return None


def _people_of_rows(sub: Submission) -> tuple[int, int, int] | None:
    """The people ('Số nhân khẩu') of a roster's household rows, errors included, as written:
    (all rows', the rows' not written 'Thoát', the rows); None when a row's size is not a
    number of people the rule takes (blank, 'bốn', 4,5, 0, 45): the list then gives no total.
    Asked only of a list whose 'Thông tin' states such a count (rare)."""
    people = staying = households = 0
    seen: dict = {}
    for _, _, rows in tables(sub):
        written = rows.columns.get("nhan_khau") or ()
        classes = rows.columns.get("phan_loai") or [None] * len(written)
        for size, value in zip(written, classes, strict=False):
            if size.__class__ is not int or not MIN_HOUSEHOLD_SIZE <= size <= MAX_HOUSEHOLD_SIZE:
                return None
            people += size
            households += 1
            if _class_of(value, seen) != "exited":
                staying += size
    return people, staying, households


def _hamlet_people(said: int, people: tuple[int, int, int], hamlet: int | None) -> bool:
    """Whether a 'Số nhân khẩu' of ``said`` people reads as the whole hamlet's, not the list's:
    the block's 'Tổng số hộ dân cư' (``hamlet``) is more than the list's rows and ``said`` is
    nearer the hamlet's households at the rows' mean size (all rows' people × hamlet / rows)
    than the rows' people themselves: said ≥ people × (rows + hamlet) / (2 × rows), in whole
    numbers. 980 beside 37 rows of 159 people in a hamlet of 243 households: 2·37·980 = 72,520
    ≥ 159·280 = 44,520, the hamlet's; 195 there (72,520 → 14,430) is the list's, compared."""
    total, _, rows = people
    if not hamlet or hamlet <= rows:
        return False
    return 2 * rows * said >= total * (rows + hamlet)


def _rows_by_class(sub: Submission) -> dict[str, int]:
    """The household rows of each class ('poor', 'near_poor', 'exited') a roster's tables read,
    errors included (the head's own rows), as the class column is written. Asked only of a
    list whose 'Thông tin' states such a count (rare)."""
    counted: dict[str, int] = {}
    for _, _, rows in tables(sub):
        written = rows.columns.get("phan_loai") or ()
        seen: dict = {}
        for value in written:
            kind = _class_of(value, seen)
            if kind is not None:
                counted[kind] = counted.get(kind, 0) + 1
    return counted


_RUNS_SHOWN = 8  # runs of hidden rows named in a warning; more are counted


def _and_one(variant: str, one: str) -> str:
    """A catalogue variant said of one row ('unnamed-one', 'one'), or of several as is."""
    return "-".join(w for w in (variant, one) if w)


def row_runs(rows: list[int]) -> tuple[str, int]:
    """Sorted Excel rows said compactly ('14–16, 20'), and how many runs were left unnamed."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    said = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:_RUNS_SHOWN]]
    return ", ".join(said), max(0, len(runs) - _RUNS_SHOWN)


def stale_subtotal_issues(
    stale: list, header, file: str, sheet: str,
    plan_names: Callable[[], HamletMatcher] | None, variant: str = "", whole: int = -1, **where,
) -> list[Issue]:  # fmt: skip
    """One subtotal-differs warning per group subtotal passed over though its figures are not
    its rows' (``stale``: tables.StaleSubtotal, a table's ``stale_subtotals``), at its first
    such figure, quoting each with the rows' (session 57); ``variant`` 'plan' on the start
    list. Not where the plan names a hamlet after its words ('Cộng tổ dân phố 1' where the plan
    has 'Tổ dân phố 1', ``plan_names`` giving its matcher): that hamlet's total, passed over
    unsaid as 'Cộng Nà Mòn' is (tables.hamlet_totals). ``whole``: on the start list, how many
    rows it read, which its total's right count must count to be said the list's total."""
    found = []
    match = None
    for row in stale:
        # a lone subtotal, its figures one run's (session 59); its code or class written
        lone = row.figures[0][3] in ("same", "same-written")
        if lone and variant:
            continue  # the plan's lists: as before, unsaid
        if row.figures[0][3] == "counted":
            # a household whose head's name is a total's word alone, its figures a run's
            # (tables.table_rows; session 59 review): counted, said
            if not variant:
                found.append(Issue("household-named-as-total", file=file, sheet=sheet,
                                   row=row.excel_row,
                                   cell=f"{column_letter(row.col)}{row.excel_row}",
                                   column=_header_text(header, row.col), value=row.label,
                                   instead=Message(f"dòng {row.excel_row}", f"row {row.excel_row}"),
                                   detail=_lone_figures_said(header, row), **where))  # fmt: skip
            continue
        if row.figures[0][3] == "households":
            # a total's count typed bare under 'Mã hộ' that counts none of the households
            # ('Tổng cộng | 5' over three; tables.table_rows, session 59 review); on the plan's
            # start list too, where until then it was told as a household (an unknown hamlet
            # 'Tổng cộng'; session 59, E3)
            if variant in ("", "plan"):
                col, written, read, _ = row.figures[0]
                found.append(Issue("total-count-differs", file=file, sheet=sheet,
                                   row=row.excel_row, cell=f"{column_letter(col)}{row.excel_row}",
                                   value=str(int(written)), detail=str(int(read)),
                                   instead=Message(f"dòng {row.excel_row}", f"row {row.excel_row}")
                                   if variant else "",
                                   variant=variant, **where))  # fmt: skip
            continue
        if plan_names is not None:
            match = match or plan_names().match
            if hamlet_after_total(row.label, match) is not None:
                continue
        col = row.figures[0][0]
        if lone:
            found.append(Issue("subtotal-one-household", file=file, sheet=sheet,
                               row=row.excel_row, cell=f"{column_letter(row.col)}{row.excel_row}",
                               column=_header_text(header, row.col), value=row.label,
                               instead=Message(f"dòng {row.excel_row}", f"row {row.excel_row}"),
                               detail=_lone_figures_said(header, row),
                               variant="written" if row.figures[0][3] == "same-written" else "",
                               **where))  # fmt: skip
            continue
        how = variant
        if not group_subtotal(row.label):
            # the list's total ('Tổng cộng | 3 | … | 9.815'), its count right, its sums stale
            # (tables.table_rows' stale_total; session 60, E); on the start list where it
            # counts all its rows (not a hamlet's 'Cộng | 2' under it: session 60 review); the
            # plan's targets: unsaid
            if variant == "plan" and len(row.rows) == whole:
                # written without a count too ('Tổng cộng | | … | 44'; session 63, D)
                how = "plan-total-no-count" if row.uncounted else "plan-total"
            elif variant:
                continue
            else:
                # written without a count of households ('Tổng cộng | | … | 16'; session 62)
                how = "total-uncounted" if row.uncounted else "total"
        found.append(Issue("subtotal-differs", file=file, sheet=sheet, row=row.excel_row,
                           cell=f"{column_letter(col)}{row.excel_row}",
                           column=_header_text(header, col), value=row.label,
                           instead=Message(f"dòng {row.excel_row}", f"row {row.excel_row}"),
                           detail=subtotal_figures_said(header, row), variant=how,
                           **where))  # fmt: skip
    return found


def _lone_figures_said(header, lone) -> Message:
    """A lone subtotal's rows and figures (tables.lone_subtotal) as subtotal-one-household says
    them: "hộ ở dòng 7 (cột D 'Năm sinh' 1975; cột H 'Số nhân khẩu' 4)" (session 59)."""
    runs = row_runs(list(lone.rows))[0]
    one = len(lone.rows) == 1
    keys = {col: key for key, (col, _) in getattr(header, "columns", {}).items()}
    vi, en = [], []
    for col, written, _, _ in lone.figures:
        letter, title = column_letter(col), _header_text(header, col)
        key = keys.get(col)
        if key == "so_dinh_danh":  # a person's number, not quoted (only its column named)
            vi.append(f"cột {letter} '{title}'")
            en.append(f"column {letter} '{title}'")
            continue
        if key == "nam_sinh" and written == int(written):  # a year, without its thousands dot
            shown_vi = shown_en = str(int(written))
        else:
            shown_vi, shown_en = format_vn(written, 2, trim=True), format_en(written, 2, trim=True)
        vi.append(f"cột {letter} '{title}' {shown_vi}")
        en.append(f"column {letter} '{title}' {shown_en}")
    rows_vi = f"hộ ở dòng {runs}" if one else f"các hộ ở các dòng {runs} cộng lại"
    rows_en = f"the household in row {runs}" if one else f"the households in rows {runs} added up"
    return Message(f"{rows_vi} ({'; '.join(vi)})", f"{rows_en} ({'; '.join(en)})")


def _header_text(header, col: int) -> str:
    """The header written over column ``col`` of a list ('' where none is read)."""
    return next((text for at, text in header.columns.values() if at == col), "")


_ROWS_GIVE = {  # how a subtotal's figure is given by its rows: Vietnamese, English (one row)
    "sum": ("cộng {rows} được {figure}", "{rows} add up to {figure}", "{rows} adds up to {figure}"),
    "average": ("bình quân {rows} là {figure}", "{rows} average {figure}", "{rows} is {figure}"),
    "count": ("{rows} có {figure} ô ghi", "{rows} have {figure} cells written",
              "{rows} has {figure} cells written"),
}  # fmt: skip


def subtotal_figures_said(header, stale) -> Message:
    """A stale subtotal's figures (tables.StaleSubtotal) as subtotal-differs says them: "cột H
    'Số nhân khẩu' ghi 12, cộng các dòng 5–6 được 8" (session 57)."""
    if not stale.rows:  # no household between it and the total above, nor under it
        return _figures_alone_said(header, stale)
    runs = row_runs(list(stale.rows))[0]
    one = len(stale.rows) == 1
    rows_vi = f"dòng {runs}" if one else f"các dòng {runs}"
    rows_en = f"row {runs}" if one else f"rows {runs}"
    vi, en = [], []
    for col, written, figure, how in stale.figures:
        letter, title = column_letter(col), _header_text(header, col)
        give_vi, give_en, give_one = _ROWS_GIVE[how]
        give_en = give_one if one else give_en
        vi.append(
            f"cột {letter} '{title}' ghi {format_vn(written, 2, trim=True)}, "
            + give_vi.format(rows=rows_vi, figure=format_vn(figure, 2, trim=True))
        )
        en.append(
            f"column {letter} '{title}' holds {format_en(written, 2, trim=True)}, "
            + give_en.format(rows=rows_en, figure=format_en(figure, 2, trim=True))
        )
    return Message("; ".join(vi), "; ".join(en))


def _figures_alone_said(header, stale) -> Message:
    """A stale subtotal's figures where no household row is there to add up (none since the
    total above it, none right under it: 'Cộng tổ 2' left when tổ 2's one household was
    deleted): "cột H 'Số nhân khẩu' ghi 4, nhưng không có dòng hộ nào giữa dòng này và dòng
    cộng ở trên, …" (session 57 review; was "cộng không dòng nào được 0")."""
    vi, en = [], []
    for col, written, _, _ in stale.figures:
        letter, title = column_letter(col), _header_text(header, col)
        vi.append(f"cột {letter} '{title}' ghi {format_vn(written, 2, trim=True)}")
        en.append(f"column {letter} '{title}' holds {format_en(written, 2, trim=True)}")
    return Message(
        "; ".join(vi) + ", nhưng không có dòng hộ nào giữa dòng này và dòng cộng ở trên, cũng "
        "không có dòng hộ nào ngay dưới dòng này",
        "; ".join(en) + ", but there is no household row between it and the total above, nor "
        "right under it",
    )


def _runs_said(rows: list[int]) -> str:
    """Rows as a message's {detail} says them ('14–16, 20'), past the runs shown with how many
    more groups there are, in each language ('(và 3 nhóm dòng khác)' / '(and 3 more groups of
    rows)'; session 30: the English text said it in Vietnamese)."""
    runs, more = row_runs(rows)
    if not more:
        return runs
    groups = "group of rows" if more == 1 else "groups of rows"
    return Message(f"{runs} (và {more} nhóm dòng khác)", f"{runs} (and {more} more {groups})")


def hidden_rows_issues(sub: Submission, left_out: frozenset | set = frozenset()) -> list[Issue]:
    """One warning per list sheet whose household rows are hidden (by hand or by a filter;
    ``sub.extra['hidden_households']``, discover._hidden_households), at the first such row's
    'Mã hộ', naming the rows and saying how this list marks a household that left. The rows
    left out for an error (``left_out``: (sheet, Excel row), :func:`left_out_settled`) are
    no rows the commune counts: they are said apart, in a second warning at the first of them
    (variant 'left-out'), which asks to unhide them and fix what their error says."""
    found = []
    headers = {sheet: header for sheet, header, _ in tables(sub)}
    for sheet, rows, filtered, exit_word in sub.extra.get("hidden_households", ()):
        header = headers.get(sheet)
        columns = getattr(header, "columns", {})
        col, text = columns.get("ma_ho", (0, ""))
        wrong = [row for row in rows if (sheet, row) in left_out]
        counted = [row for row in rows if (sheet, row) not in left_out]
        for some, kind in ((counted, ""), (wrong, "left-out")):
            if not some:
                continue
            one = "one" if len(some) == 1 else ""  # said in the singular ('dòng đó')
            variant = "-".join(w for w in ("filter" if filtered else "", kind, one) if w)
            found.append(Issue("rows-hidden", file=sub.file, sheet=sheet, hamlet=sub.hamlet,
                               row=some[0], column=text, cell=f"{column_letter(col)}{some[0]}",
                               value=_rows_named(some),
                               detail=_how_to_exit(header, exit_word, len(some) == 1),
                               variant=variant))  # fmt: skip
    return found


def _rows_named(rows: list[int]) -> Message:
    """Rows named compactly ('các dòng 14–16, 20'; 'dòng 20'; past eight runs, '…' and the
    count)."""
    named, more = row_runs(rows)
    vi, en = (f"các dòng {named}", f"rows {named}") if len(rows) > 1 else (
        f"dòng {named}", f"row {named}")  # fmt: skip
    if more:
        vi += f", … ({len(rows)} dòng)"
        en += f", … ({len(rows)} rows)"
    return Message(vi, en)


def left_out_settled(subs: list[Submission], issues: list[Issue]) -> None:
    """In place, once every row's errors are known (a Mã hộ used twice is told only when the
    lists are counted together): a warning saying its household is counted is said without it
    at a row left out for an error (:func:`counted_not_said`), and the rows-hidden warnings of
    ``subs`` said again without the hidden rows left out, which the commune does not count
    (said apart, :func:`hidden_rows_issues`). A run and `check` both call it last."""
    errors = {
        (i.file, i.sheet, i.row)
        for i in issues
        if i.row is not None and CATALOGUE[i.code].level == "row" and i.severity == "error"
    }
    if not errors:
        return
    counted_not_said(issues, errors)
    for sub in subs:
        hidden = sub.extra.get("hidden_households")
        if not hidden:
            continue
        left_out = {(sheet, row) for sheet, rows, _, _ in hidden for row in rows
                    if (sub.file, sheet, row) in errors}  # fmt: skip
        told = [n for n, i in enumerate(issues) if i.code == "rows-hidden" and i.file == sub.file]
        if not left_out or not told:
            continue
        for n in reversed(told):
            del issues[n]
        issues[told[0] : told[0]] = hidden_rows_issues(sub, left_out)


def counted_not_said(issues: list[Issue], left_out: set | frozenset) -> None:
    """In place: each row's warning that says its household is still counted ('hộ vẫn được
    tính': an optional cell showing '#REF!', an income no number, …) said in its variant
    without it (``IssueType.uncounted_variant``) where its row is left out for another reason
    (``left_out``: (file, sheet, Excel row)), so that a row's lines do not say both; the code
    and its severity kept. The one rule of a hamlet's list (:func:`left_out_settled`) and the
    plan's start list (plan.start_list_read); it looks at the issues only, never every row
    (issue #6). Session 48."""
    for n, issue in enumerate(issues):
        if issue.row is None or (issue.file, issue.sheet, issue.row) not in left_out:
            continue
        kind = CATALOGUE[issue.code]
        said = kind.uncounted_variant(issue.variant) if kind.level == "row" else None
        if said is not None:
            issues[n] = replace(issue, variant=said)


def _how_to_exit(header, exit_word: str, one: bool = False) -> Message:
    """:func:`_exit_advice` of the rows (or, ``one``, of the row) hidden."""
    advice = _exit_advice(header, exit_word)
    if not one:
        return advice
    return Message(in_one_row(advice, "vi"), in_one_row(advice.en, "en"))


def _exit_advice(header, exit_word: str) -> Message:
    """How this list writes a household that left both lists: the exit word it already uses in
    its class column ('Thoát nghèo'; 'Thoát' when it uses none), or the 'x' in its exited
    column where its class is marked in columns (or, with none, the 'x' at the start of the
    period only where the list marks that class too, else the 'Thoát' column to add)."""
    marks = getattr(header, "marks", None)
    if marks:
        exited = [own for _, kind, own, _ in marks if kind == "exited"]
        if exited:
            return Message(f"đánh dấu 'x' ở cột '{exited[0]}' của các dòng đó",
                           f"mark 'x' in their '{exited[0]}' column")  # fmt: skip
        if getattr(header, "start_marks", None):
            # the list marks the class at the start too: a row marked there only has left
            start, end = _start_and_end_columns(header)
            return Message(f"chỉ giữ dấu 'x' ở {start} của các dòng đó, để trống {end},",
                           f"keep their 'x' only in {start.en}, leaving {end.en} blank,")  # fmt: skip
        last = marks[-1][2]
        return Message(
            f"thêm cột 'Thoát' bên cạnh cột '{last}' và đánh dấu 'x' ở cột đó cho các dòng đó",
            f"add a 'Thoát' column beside the '{last}' column and mark 'x' there for them",
        )
    column = getattr(header, "columns", {}).get(
        "phan_loai", (0, ROSTER_COLUMN_BY_KEY["phan_loai"].header)
    )[1]
    word = exit_word or "Thoát"
    return Message(f"ghi '{word}' ở cột '{column}' của các dòng đó",
                   f"write '{word}' in their '{column}' column")  # fmt: skip


def _not_taken_for(key: str, unknown: list[tuple[int, str]], row: int) -> Message | str:
    """What a missing column's error adds of a column of the header that names it but counts
    some of them only ('Số người có BHYT' for 'Số nhân khẩu'): seen, where, and why it was not
    taken for it (so the head adds or renames the real one); "" when there is none."""
    for col, text in unknown:
        if key == "nhan_khau" and counts_some_of(text, ROSTER_COLUMNS) == key:
            cell = f"{column_letter(col)}{row}"
            return Message(
                f" Cột '{text}' (ô {cell}) không được lấy làm cột này vì nó chỉ đếm một số "
                "người trong hộ, không phải mọi nhân khẩu của hộ.",
                f" Column '{text}' (cell {cell}) was not taken for it: it counts only some of "
                "the household's members, not all of them.",
            )
    return ""


# Words too common in headers to tell one column from another.
_COMMON_HEADER_WORDS = frozenset({"ho", "so", "va", "cua", "trong", "cac", "the", "gia", "dinh"})


_WORD = lazyre.compile(r"[a-z0-9]+")


def _header_words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text))) - _COMMON_HEADER_WORDS


@cache
def _names_words(key: str) -> tuple[set[str], set[str]]:
    """The words of a roster column's header and aliases, and those of every other column's
    that are not also its own."""

    def words_of(column) -> set[str]:
        return set().union(*(_header_words(t) for t in (column.header, *column.aliases)))

    own = words_of(ROSTER_COLUMN_BY_KEY[key])
    others = set().union(*(words_of(c) for c in ROSTER_COLUMNS if c.key != key)) - own
    return own, others


def _misnamed(missing: list[str], unknown: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """key -> (column, header) of the one unrecognised column whose header shares a word with
    the missing required column's names ('Mã số' and 'Mã hộ', 'Xếp loại hộ' and 'Phân loại
    hộ') and none with another column's ('Mã số BHYT', 'Loại nhà' are other things), where
    exactly one does and it is guessed for no other column. Not a count of some of the
    household's members ('Số người khuyết tật' for 'Số nhân khẩu'): the header reader refused
    it for that column, and the missing column's error says so (:func:`_not_taken_for`). A
    name of the head followed by words that make it another column ('Họ tên chủ hộ nữ') is
    guessed for the name, whatever words it shares: it may be the name headed oddly, the
    message says to rename it if so (session 44, second pass)."""
    guesses: dict[str, tuple[int, str]] = {}
    for key in missing:
        words, others = _names_words(key)
        sharing = []
        for col, text in unknown:
            narrowed = counts_some_of(text, ROSTER_COLUMNS) == key
            shares = words & _header_words(text) and not others & _header_words(text)
            if (narrowed and key == "chu_ho") or (shares and not narrowed):
                sharing.append((col, text))
        if len(sharing) == 1:
            guesses[key] = sharing[0]
    chosen = list(guesses.values())
    return {key: place for key, place in guesses.items() if chosen.count(place) == 1}


class Rows:
    """The rows of many rosters validated together (:func:`validate_rosters`). A plain class,
    not a dataclass (its methods compiled at every import): session 33."""

    def __init__(
        self,
        typed: pd.DataFrame,
        owner: np.ndarray,
        issues: list[list[Issue]],
        numbering: pd.DataFrame | None = None,
    ) -> None:
        self.typed = typed  # types.HOUSEHOLD_COLUMNS (``valid`` False for a row not to count)
        self.owner = owner  # row -> index of its roster in the list given
        self.issues = issues  # per roster, in the order of its tables
        # the commune's own codes a Mã hộ taken for an ID number was read against (the start
        # list, the stored months' or the month's lists' numbering), None where no Mã hộ may
        # be one: the public list posts them as written, as the head is not told them
        self.numbering = numbering


def validate_rosters(
    subs: list[Submission],
    *,
    report_year: int,
    standard: Standard,
    area: str,
    left: Callable[[], Mapping[str, str]] | None = None,
    start: pd.DataFrame | Callable[[], pd.DataFrame | None] | None = None,
    hamlets: Callable[[str], str | None] | None = None,
) -> Rows:
    """Every table of every roster in ``subs`` validated in one pass. A cell holding a formula
    without a calculated value is reported as what it is, and its household is not counted.
    ``left()``: households the history shows out of the lists, by key, with the month each
    left (:func:`left_in_history`; asked only of a list with a row marked nowhere): a row of
    one marked nowhere in a 'Đầu kỳ | Cuối kỳ' list is its row copied on
    (:func:`left_copied_on`). ``start``: the plan's start list, whose codes no Mã hộ taken
    for an ID number is (:func:`ids_as_codes`), or a function giving the commune's own codes
    as one (consolidate.stored_own_codes: asked only where a Mã hộ may be an ID number).
    ``hamlets``: the plan's hamlet matcher's ``match`` (None without the plan;
    validate.validate_table)."""
    parts: list[Part] = []
    part_sub: list[int] = []
    marked: dict[int, object] = {}  # part -> its header, where the class is marked in columns
    # part -> its income read as the household's month, said so (session 52), or 'TN hộ' not
    # read, said as a column not in the template (session 53)
    months: dict[int, Issue] = {}
    for position, sub in enumerate(subs):
        for sheet, header, rows in tables(sub):
            if getattr(header, "marks", None):
                marked[len(parts)] = header
            columns, found = table_columns(rows), header.columns
            month = household_sized(columns, header, sub, sheet, standard.income_line(area))
            if month is not None:  # 'Thu nhập của hộ' of household-sized values (session 52)
                months[len(parts)] = month
                income = found["thu_nhap"]
                found = {**found, "thu_nhap": (income[0], HouseholdMonthRead(income[1]))}
            elif "thu_nhap" in found and household_total_untimed(found["thu_nhap"][1]):
                # 'TN hộ' of values no household's month: not read, as before (session 53)
                months[len(parts)] = _untimed_unread(header, sub, sheet)
                found = {k: v for k, v in found.items() if k != "thu_nhap"}
                columns["thu_nhap"] = [normalise_value("thu_nhap", None)] * len(columns["thu_nhap"])
            parts.append(Part(columns, sub.file, sheet, sub.hamlet, found,
                              getattr(rows, "elsewhere", {}), getattr(rows, "slips", {}),
                              getattr(rows, "questioned", {}),
                              getattr(rows, "questioned_marks", {}),
                              getattr(rows, "questioned_start", set()),
                              getattr(rows, "classes_written", {})))  # fmt: skip
            part_sub.append(position)
    done = validate_table(
        parts, report_year=report_year, standard=standard, area=area, hamlets=hamlets
    )
    typed = done.typed
    valid = typed["valid"].to_numpy().copy()
    starts = np.concatenate([[0], np.cumsum(done.sizes)]).astype(np.int64)
    issues: list[list[Issue]] = [[] for _ in subs]
    codes = typed["ma_ho"].to_numpy(dtype=object)
    ids = _may_hold_ids(codes)  # once for every list, most holding none
    if ids and callable(start):
        start = start()
    if ids and start is None:  # no start list, no month stored: the month's lists' numbering
        of_list: dict[int, list] = {}  # each list's codes, its tables' together
        for index, position in enumerate(part_sub):
            of_list.setdefault(position, []).extend(codes[starts[index] : starts[index + 1]])
        start = lists_numbering(list(of_list.values()))
    rows_at = typed["excel_row"].to_numpy()
    for index, part in enumerate(parts):
        sub = subs[part_sub[index]]
        found = done.issues[index]
        if index in months:
            found.append(months[index])
        at, to = starts[index], starts[index + 1]  # the part's rows in ``typed``
        # a Mã hộ that is an ID number (session 51)
        if ids:
            numbers = {c[1] for c in sub.extra.get("codes_as_numbers", ()) if c[0] == part.sheet}
            found.extend(
                ids_as_codes(codes[at:to], rows_at[at:to], sub, part.sheet, start, numbers)
            )
        # (an income column not read has no cells to say: 'TN hộ' left so; session 53)
        gone = "" if "thu_nhap" in part.columns else "thu_nhap"
        cells = [c for c in sub.extra.get("formula_cells", ())
                 if c[0] == part.sheet and c[3] != gone]  # fmt: skip
        errors = [c for c in sub.extra.get("error_cells", ())
                  if c[0] == part.sheet and c[3] != gone]  # fmt: skip
        # a mark column's cell read blank for a formula or an error value is said as that
        unread = {c[1] for c in (*cells, *errors) if c[3] == "phan_loai"}
        marks = [c for c in sub.extra.get("class_marks", ())
                 if c[0] == part.sheet and c[1] not in unread]  # fmt: skip
        if index in marked:
            found = _mismatch_in_marks(found, marked[index])
        if marks:
            found = class_marks_said(found, marks, sub.file, sub.hamlet)
            valid[at:to] &= ~np.isin(rows_at[at:to], [c[1] for c in marks])
        if cells or errors:
            found = without_values(found, cells, errors, sub.file, sub.hamlet)
            # a household is left out for a value not read in a column it needs; one not read
            # in an optional column (an income, a mark, a birth year) is counted without it
            rows = {cell[1] for cell in (*cells, *errors) if cell[3] in REQUIRED_CODES}
            valid[at:to] &= ~np.isin(rows_at[at:to], list(rows))
        if left is not None and any(m[7] == "start-and-end" for m in marks):
            gone = left()
            if gone:
                found = left_copied_on(found, typed, valid, at, to, gone)
        if any(m[7] == "start-and-end" for m in marks):
            found = recoded_copied_on(found, typed, valid, at, to)
        issues[part_sub[index]].extend(found)
    typed["valid"] = valid
    owner = (
        np.asarray(part_sub, dtype=np.int64)[done.owner]
        if len(done.owner)
        else np.zeros(0, dtype=np.int64)
    )
    return Rows(typed, owner, issues, start if ids and not callable(start) else None)


# A Mã hộ that is an ID number, the whole cell: a CCCD's 12 digits (its province code 001-096
# first, so a 0) or an old CMND's 9 (its province code 01-38 first, so 0-3), perhaps grouped by
# text.NUMBER_SEPARATORS as text.ID_IN_TEXT reads one ('0190 8877 6655', '212.345.678',
# '012.345 678'; session 53: spaces alone before), told where the public list masks it whole
# (text.masked_whole: not '2123.45.678'); not one digit repeated (a placeholder). A dotted
# code (167.06277.001), 8 or 13 digits, or a short number ('001') is none (session 51).
_ID_AS_CODE = lazyre.compile(
    rf"0(?:{NUMBER_SEPARATOR}?[0-9]){{11}}|[0-3](?:{NUMBER_SEPARATOR}?[0-9]){{8}}"
)
# The same CCCD typed into a Number cell, its leading 0 lost: 11 digits whose 12-digit form
# begins with a province's code 001-096 (so 10-96 first), then the century and sex digit 0-3
# and, in the 2000s (2-3), a birth year to 2029, as _ID_AS_NUMBER_00 reads them (19488776655
# is no CCCD: session 52 review). Told only of a number cell (discover.codes_as_numbers): 11
# digits typed as text may be a code of the commune's (a dotted code typed without its dots).
_ID_AS_NUMBER = lazyre.compile(r"(?:[1-8][0-9]|9[0-6])(?:[01][0-9]|[23][0-2])[0-9]{7}")
# A CCCD of a province whose code is 00x typed into a Number cell loses two zeros: 10 digits
# (Hà Nội's 001088776655 kept as 1088776655). Its 12 digits are the province's code, the
# century and sex (0-1 born in the 1900s, 2-3 in the 2000s), the birth year's last two digits
# and six more. Told only for the 00x codes in use (001 Hà Nội, 004 Cao Bằng, 006 Bắc Kạn, 008
# Tuyên Quang), a century 0-3 and, in the 2000s, a year to 2029 (the standards' years), where
# no telephone number that lost its 0 reads so: today's landlines (0 and 10 digits from 2: 002
# Hà Giang's shape, Thái Nguyên's own 0208 among them, so never told) and the 11-digit mobiles
# before 2018 (0120-0129: Hà Nội born in the 2000s, 12..., never told; 016x, 018x, 019x); a
# 10-digit mobile or an old landline (04, 08 and 8 digits) that lost its 0 has 9 (session 52).
_ID_AS_NUMBER_00 = lazyre.compile(r"(?:1[01][0-9]|13[0-2]|[468](?:[01][0-9]|[23][0-2]))[0-9]{7}")
# A mobile number of today (032-039) typed into a Number cell, its 0 lost: 9 digits from 32-39,
# an old CMND's shape (provinces 30-38) that a Number cell's 9 digits are not told as (a
# commune's household is far likelier to give its head's Viettel number than a CMND of the
# Mekong delta); 030 and 031 begin no mobile, 05, 07, 08, 09 are no CMND's. Or after the
# country's code ('+84 912 345 678' typed is kept as the number 84912345678): 84 and a mobile's
# 32-39, 5, 7, 8 or 9, no CCCD of Trà Vinh (084, a century digit 0-3: 0843 and 00-19 is a
# woman born 2000-2019, still told; 0843 and 20-29 no household's head) (session 52 review).
_MOBILE_AS_NUMBER = lazyre.compile(r"3[2-9][0-9]{7}|84(?:3[2-9][0-9]{7}|[5789][0-9]{8})")
# A telephone number as the Mã hộ (session 52 review of F's work): typed as text, a mobile of
# today (0 and 32-39, 5, 7, 8, 9, then 7 digits) or a landline (02 and 9 digits), with 0 or
# after +84 or (+84), perhaps grouped by text.NUMBER_SEPARATORS as text.ID_IN_TEXT reads one
# ('0912 345 678', '+84 912 345 678', '0912.345.678', '0912-345-678'; session 52, F3; mixed or
# spaced, '0912.345 678', '0912 - 345 - 678': session 53; after a landline's area code in
# brackets, '(024) 3825 1234', as text.ID_IN_TEXT reads one, text.NUMBER_CODE: session 54); in
# a Number cell, the 0 lost: _MOBILE_AS_NUMBER, or 9 digits from 5, 7, 8, 9 (no CMND begins so).
# After 84 without its '+' too ('84 912 345 678', '84.912.345.678': masked on the list as any
# 11 digits are, told nothing until session 56), as a Number cell's 84 is read
_PHONE_AS_TEXT = lazyre.compile(r"(?:0|\+?84)(?:3[2-9][0-9]{7}|[5789][0-9]{8}|2[0-9]{9})")
_PHONE_WRITTEN = lazyre.compile(rf"(?:{NUMBER_CODE})?[0-9]+(?:{NUMBER_SEPARATOR}[0-9]+)*")
# What _PHONE_WRITTEN's number (and _ID_AS_CODE's) drops to be read by _PHONE_AS_TEXT: its
# groups' separators and the brackets of '(+84)' and '(024)'
_NUMBER_APART = str.maketrans("", "", NUMBER_SEPARATORS + "()")
_PHONE_AS_NUMBER = lazyre.compile(r"[5789][0-9]{8}")
# The message's variant by the zeros a number cell lost (none: the code as written)
_LOST_ZEROS = {0: "", 1: "number", 2: "number-two"}
_IDS_AT_CELLS = 5  # rows of one list sheet said each at its cell; past them, once
# What joins two numbers written in one Mã hộ ('0912345678,0987654321', '0912345678;0987654321',
# '212345678/0912345678'): each number masked alone on the public list (text.mask_ids_in: a
# bare comma before a number read as a space, session 54; ';' and '/' are no number's part),
# so told as the comma is (session 55); so are '|' and 'và' (session 55, J), '&' and a '+' after
# something written, not a country's code's ('0912345678+0987654321', '0912345678 & 0987654321';
# not '+84 912 345 678', '(+84)', '0912345678 +84 987 654 321': session 56); before a country's
# code glued to what is written, the '+' kept with it ('0912345678+84987654321', 'NM1+84…':
# session 56's review)
_JOINED = lazyre.compile(r"[,;/|&]|(?<=[^\s(]) ?\+(?! ?84)|(?<=[^\s(])(?=\+ ?84)|(?i: và )")
# A dash between two numbers, perhaps with a space either side ('0912345678-0987654321',
# '0912.345.678 - 0987.654.321', 'NM1-0912345678'), read apart where the whole is no one
# number (:func:`_numbers_told`; session 55, J)
_DASHED = lazyre.compile(" ?- ?")


def ids_as_codes(
    codes: np.ndarray,
    excel_rows: np.ndarray,
    sub: Submission,
    sheet: str,
    start: pd.DataFrame | None = None,
    numbers: Collection[int] = (),
) -> list[Issue]:
    """The warnings of a list sheet's rows (``codes``: their Mã hộ, ``excel_rows`` their rows)
    whose Mã hộ is an ID number (:data:`_ID_AS_CODE`; in a row of ``numbers``, the Excel rows
    whose Mã hộ is a number cell, one of 11 digits too, :data:`_ID_AS_NUMBER`, variant
    'number', or of 10, :data:`_ID_AS_NUMBER_00`, variant 'number-two', and not a mobile
    number that lost its 0, :data:`_MOBILE_AS_NUMBER`): each at its cell, past
    :data:`_IDS_AT_CELLS` once at the first naming the rows (variant 'rows'). Counted as any code (it keys the household), but the code is posted
    publicly, where the hall must not read an ID number (public_list masks it): the head is
    told to write the commune's code. Never a code of the plan's start list ``start``, nor of
    the length most of its codes of digits alone have (a commune numbering its households so;
    for a number cell, its 12-digit form's too). Session 51."""
    if not len(codes):
        return []
    if not _may_hold_ids(codes):
        return []
    # (Excel row, the code as written, its digits, those of its form before a 0 was lost)
    found: list[tuple[int, str, int, int]] = []
    phones: list[tuple[int, str, int, int]] = []  # the same of a telephone number
    # the start list's codes as written, passed at once (a commune whose codes all look like an
    # ID: '167.012.045'); the rule, read of the others, is :func:`_not_the_communes`'
    own = start_written(start)
    for code, row in zip(codes.tolist(), excel_rows.tolist(), strict=True):
        if code.__class__ is not str or code in own:
            continue
        written = clean_text(code)
        # read as the public list's masking reads it: another script's digits, a look-alike of
        # a separator, a full-width '+' or bracket as ASCII ('０９１２－３４５－６７８', '212–345–678';
        # session 54); the head is told of the code as written
        read = ascii_number_text(written)
        # numbers joined by commas (session 54, D3), ';' or '/' (session 55), each masked
        if _JOINED.search(read) is not None:
            _joined_found(read, int(row), written, found, phones)
            continue
        if _is_phone(read, row in numbers):
            phones.append((int(row), written, len(written), len(written)))
            continue
        if _ID_AS_CODE.fullmatch(read) is None or not masked_whole(read):
            if (
                row in numbers
                and len(set(written)) > 1
                and (_ID_AS_NUMBER.fullmatch(written) or _ID_AS_NUMBER_00.fullmatch(written))
                and _MOBILE_AS_NUMBER.fullmatch(written) is None
            ):
                found.append((int(row), written, len(written), 12))
            elif " " in read or "-" in read:
                # a code and a number, or two numbers, apart by a space (a line break as the
                # cell is cleaned) or a dash: 'NM1 0912345678', '0912345678-0987654321'
                _joined_found(read, int(row), written, found, phones)
            continue
        if row in numbers and _MOBILE_AS_NUMBER.fullmatch(written):
            continue  # a mobile number that lost its 0, no CMND (session 52 review)
        digits = read.translate(_NUMBER_APART)
        if len(set(digits)) > 1:
            found.append((int(row), written, len(digits), len(digits)))
    if (found or phones) and start is not None and "ma_ho" in start.columns:
        found = _not_the_communes(found, start) if found else found
        phones = _not_the_communes(phones, start) if phones else phones
    said = _phones_said(phones, sub, sheet)
    if not found:
        return said
    found.sort()
    if len(found) > _IDS_AT_CELLS:
        row, written, _, _ = found[0]
        rows = _rows_named([r for r, _, _, _ in found])
        told = [at_cell(sub, sheet, row, "ma_ho", "household-id-is-id-number", written, rows,
                        "rows")]  # fmt: skip
    else:
        told = [
            at_cell(
                sub,
                sheet,
                row,
                "ma_ho",
                "household-id-is-id-number",
                written,
                str(size),
                _LOST_ZEROS[whole - size],
            )  # fmt: skip
            for row, written, size, whole in found
        ]
    return sorted(told + said, key=attrgetter("row")) if said else told


def _joined_found(
    read: str,
    row: int,
    written: str,
    found: list[tuple[int, str, int, int]],
    phones: list[tuple[int, str, int, int]],
) -> None:
    """A Mã hộ of numbers joined (:func:`_joined_told`) added to :func:`ids_as_codes`'
    ``phones`` or ``found`` as its first number is told; to neither where it is told none."""
    told = _joined_told(read)
    if told == "phone":
        phones.append((row, written, len(written), len(written)))
    elif told is not None:
        found.append((row, written, told, told))


def _joined_told(read: str) -> int | str | None:
    """How :func:`ids_as_codes` tells a Mã hộ holding a number among others or a code, joined
    by commas, ';', '/', '|', 'và' (:data:`_JOINED`), a dash or a space (a line break as the
    cell is cleaned; :func:`_numbers_told`), ``read`` in ASCII: '0912345678,0987654321',
    '0912.345.678, 0987.654.321', '0912345678;0987654321', '212345678/0912345678',
    'NM1/0912345678', '0912345678;NM2', '0912345678;' (session 55, J: a code or a mark beside
    the number), '0912345678-0987654321', '0912345678 và 0987654321'; the public list masking
    each number alone: as its first number is told, 'phone' for a telephone number, else its
    digits' count (an ID number); None where none is one ('1,5', 'TL-01,02', '12/03/2024',
    'NM6;NM7', '01-02') or the list masks none. A text's comma is never a Number cell's."""
    if mask_ids_in(read) == read:
        return None
    told = [said for part in _JOINED.split(read) for said in _numbers_told(part.strip())]
    return told[0] if told else None


def _numbers_told(part: str) -> list[int | str]:
    """What :func:`_joined_told` tells of each number in ``part`` (a Mã hộ's part between its
    joins): 'phone' or an ID number's digits' count, the whole read first, then its runs of
    pieces apart by spaces (:func:`_spaced_told`), then its parts apart by a dash
    (:data:`_DASHED`); a code, a short number or one digit repeated (a placeholder) none.
    Spaces first: a code's dash is no join ('NM-01 0912345678' holds a phone, not the 12
    digits of '01 0912345678'; session 55, R7)."""
    if not part:
        return []
    said = _number_told(part)
    if said is not None:
        return said
    pieces = _SPACE.split(part)
    if len(pieces) > 1:
        return _spaced_told(pieces)
    pieces = _DASHED.split(part)
    if len(pieces) > 1:
        return [said for piece in pieces for said in _numbers_told(piece)]
    return []


def _number_told(part: str) -> list[int | str] | None:
    """What :func:`_numbers_told` tells of ``part`` read whole: ['phone'], an ID number's
    digits' count, [] for one digit repeated (a placeholder); None where it is no one number."""
    if _is_phone(part, False):
        return ["phone"]
    if _ID_AS_CODE.fullmatch(part) and masked_whole(part):
        digits = part.translate(_NUMBER_APART)
        return [len(digits)] if len(set(digits)) > 1 else []
    return None


# The most pieces apart by spaces one number is read in ('+84 912 345 678', '001 204 012 345')
_SPACED_GROUPS = 5


def _spaced_told(pieces: list[str]) -> list[int | str]:
    """What :func:`_numbers_told` tells of a part's ``pieces`` apart by spaces, in their order:
    the telephone numbers first, then the ID numbers in what is left, each the longest run of 1
    to :data:`_SPACED_GROUPS` pieces from the left read as one number where none of its pieces
    is one alone ('NM01 0912 345 678', '0912 345 678 0987 654 321', 'Tổ 12 0912 345 678': a
    phone each, not the 9 digits of '12 0912 345'; '01 0912345678' is '01' and a phone, not 12
    digits); a piece left at its dashes. Session 56."""
    told: dict[int, list[int | str]] = {}
    taken = [False] * len(pieces)
    for phone in (True, False):
        i = 0
        while i < len(pieces):
            for j in range(min(len(pieces), i + _SPACED_GROUPS), i, -1):
                if any(taken[i:j]):
                    continue
                said = _number_told(" ".join(pieces[i:j]))
                if said is None or (said == ["phone"]) != phone:
                    continue
                if _amounts_end(pieces, i, j):
                    continue
                if j > i + 1 and any(_number_told(piece) is not None for piece in pieces[i:j]):
                    continue
                told[i] = said
                taken[i:j] = [True] * (j - i)
                i = j - 1
                break
            i += 1
    for i, piece in enumerate(pieces):
        if not taken[i]:
            told[i] = [said for apart in _DASHED.split(piece) for said in _numbers_told(apart)]
    return [said for i in sorted(told) for said in told[i]]


def _amounts_end(pieces: list[str], i: int, j: int) -> bool:
    """Whether ``pieces[i:j]`` (a number :func:`_spaced_told` reads) are the last groups of an
    amount the posted list shows as written, read with the pieces of digits right before them
    ('1 200 000 000 0912345678': '200 000 000', 9 digits alone, of '1 200 000 000', posted
    '1 200 000 000 ********5678'): no number of a person's, the list showing it (session 57;
    a 9-digit ID number until then)."""
    for k in range(i - 1, -1, -1):
        if not pieces[k].isdigit():
            return False
        amount = " ".join(pieces[k:j])
        if mask_ids_in(amount) == amount:
            return True
    return False


def _is_phone(written: str, number: bool) -> bool:
    """Whether a Mã hộ as written is a telephone number (:data:`_PHONE_AS_TEXT`; a Number
    cell's, ``number``, its 0 lost: :data:`_MOBILE_AS_NUMBER`, :data:`_PHONE_AS_NUMBER`)."""
    if number:
        return bool(_MOBILE_AS_NUMBER.fullmatch(written) or _PHONE_AS_NUMBER.fullmatch(written))
    if _PHONE_WRITTEN.fullmatch(written) is None:
        return False
    return _PHONE_AS_TEXT.fullmatch(written.translate(_NUMBER_APART)) is not None


def _phones_said(phones: list[tuple[int, str, int, int]], sub: Submission, sheet: str) -> list:
    """The warnings of the rows whose Mã hộ is a telephone number (:func:`ids_as_codes`'
    ``phones``), variant 'phone': each at its cell, past :data:`_IDS_AT_CELLS` once at the first
    naming the rows ('phone-rows')."""
    if not phones:
        return []
    phones.sort()
    if len(phones) > _IDS_AT_CELLS:
        row, written, _, _ = phones[0]
        rows = _rows_named([r for r, _, _, _ in phones])
        return [at_cell(sub, sheet, row, "ma_ho", "household-id-is-id-number", written, rows,
                        "phone-rows")]  # fmt: skip
    return [
        at_cell(sub, sheet, row, "ma_ho", "household-id-is-id-number", written, "", "phone")
        for row, written, _, _ in phones
    ]


def _may_hold_ids(codes: np.ndarray) -> bool:
    """Whether any of ``codes`` may be an ID number (text.may_hold_id of them joined: one pass
    in C, where most communes' codes hold none)."""
    try:
        joined = "\x00".join(codes.tolist())
    except TypeError:  # a blank (None) among them
        joined = "\x00".join(code if code.__class__ is str else "" for code in codes.tolist())
    return may_hold_id(joined)


# A code's shape (:func:`code_shapes`), in its ASCII bytes: its digits as 0, a dash as a dot,
# spaces dropped (a letter beyond ASCII is '?': no shape)
_SHAPE = bytes.maketrans(b"123456789-", b"000000000.")


def code_shapes(codes: list[str]) -> list[bytes | None]:
    """Each of ``codes`` (cleaned: text.clean_text) of digits and text.NUMBER_SEPARATORS alone
    as its shape ('167.012.045' and '167 - 012 - 099' are b'000.000.000', '019088776655'
    b'000000000000'); any other, None. In C, all at once: a province's 300,000 codes."""
    joined = "\x00".join(codes).encode("ascii", "replace").translate(_SHAPE, b" ")
    shapes = joined.split(b"\x00")
    # each shape told once (a commune's codes have few: 0.09 s for 300,000, 0.2 s each told)
    kept = {s: s for s in set(shapes) if s and not s.strip(b"0.") and b"0" in s}
    return [kept.get(shape) for shape in shapes]


def commune_schemes(shapes: list[bytes | None]) -> set[bytes]:
    """The shape more than half of a commune's codes have (``shapes``: :func:`code_shapes` of
    them), if any: its way of numbering households, a code of which is its own (session 53)."""
    if not shapes:
        return set()
    shape, n = Counter(shapes).most_common(1)[0]
    return {shape} if shape is not None and 2 * n > len(shapes) else set()


def lists_numbering(lists: list[list]) -> pd.DataFrame | None:
    """Where the plan has no start list and no month is stored, the commune's own numbering
    read of the month's ``lists`` (each a list's Mã hộ as read: cleaned, text.clean_text): the
    shape of most codes of each list (:func:`commune_schemes`) that more than half the lists
    share, two lists at least (one head's way is no commune's); its codes of all the lists as a
    start list's 'ma_ho' column, which a Mã hộ taken for an ID number is not, nor one of their
    shape (:func:`ids_as_codes`; public_list posts them as written). None where no shape is so
    shared: a 'NM1' commune's lists, whose CMND typed as a code is told (session 54)."""
    kept = [[c for c in one if c.__class__ is str and c] for one in lists]
    codes = [c for one in kept for c in one]
    sizes = [len(one) for one in kept]
    shapes = code_shapes(codes)  # all at once, in C
    bounds = np.cumsum([0, *sizes]).tolist()
    counted = Counter(
        shape for at, to in pairwise(bounds) if at < to for shape in commune_schemes(shapes[at:to])
    )
    if not counted:
        return None
    shape, n = counted.most_common(1)[0]
    if n < 2 or 2 * n <= len(lists):
        return None
    # of them, those numbered alike, in lists as many (session 54's review: two heads' CCCDs
    # typed as codes are no numbering, nor is a CMND one head typed '212.345.678' the commune's)
    own = numbered_alike([code for code, its in zip(codes, shapes, strict=True) if its == shape])
    held = set(own)
    n = sum(1 for one in kept if held.intersection(one))
    if n < 2 or 2 * n <= len(lists):
        return None
    return pd.DataFrame({"ma_ho": own})


def numbered_alike(codes: list[str]) -> list[str]:
    """Of ``codes`` of one shape (:func:`code_shapes`), those a commune's numbering holds:
    their digits begin alike, over half of them ('167012' of '167.012.001' to '167.012.045':
    a commune numbers from its own code), as more than half the codes do. People's ID numbers
    part sooner (a CCCD: the province's 3 digits, a century's, a birth year's 2, then
    chance), so that two heads' CCCDs typed as codes are no numbering, nor a CMND a head
    typed '212.345.678' among the commune's '167.012.045' (session 54's review). [] where no
    beginning is so shared."""
    if not codes:
        return []
    # each code's digits, all at once in C (codes of a shape are ASCII digits and marks)
    digits = "\x00".join(codes).translate(_NUMBER_APART).split("\x00")
    size = len(digits[0]) // 2 + 1
    first, n = Counter([one[:size] for one in digits]).most_common(1)[0]
    if n == len(codes):  # all (a commune's numbering, most often)
        return list(codes)
    if 2 * n <= len(codes):
        return []
    return [code for code, one in zip(codes, digits, strict=True) if one.startswith(first)]


@per_start_list
def start_numbering(start: pd.DataFrame) -> tuple[set[bytes], frozenset[str]]:
    """The numbering of the plan's start list ``start`` (a frame with a 'ma_ho' column): the
    shape more than half its codes have (:func:`commune_schemes`; the codes read in ASCII digits
    and separators, text.ascii_number_text) and its codes as written of that shape beginning
    alike (:func:`numbered_alike`) among the list's codes of the shape or their hamlet's
    ('167.001.xxx' beside '167.105.xxx': a commune numbering hamlet by hamlet), two at least
    in a hamlet. None (``(set(), frozenset())``) where no code is so: a start list whose codes
    are telephone numbers or heads' CCCDs is no numbering (session 54, D4), its codes masked
    on the posted list as any ID. Made once per start list."""
    listed = start["ma_ho"].tolist()
    kept = [i for i, c in enumerate(listed) if c.__class__ is str and c.strip()]
    codes = [listed[i] for i in kept]
    digits = ascii_number_text("\x00".join(codes)).split("\x00")
    shapes = code_shapes(digits)
    schemes = commune_schemes(shapes)
    if not schemes:
        return set(), frozenset()
    shape = next(iter(schemes))
    at = [i for i, its in enumerate(shapes) if its == shape]
    alike = numbered_alike([digits[i] for i in at])
    own = set(alike)
    if len(alike) < len(at) and "hamlet" in start.columns:  # (all of them, most often)
        hamlets = start["hamlet"].tolist()
        hamlets = [hamlets[i] for i in kept]
        of_hamlet: dict[object, list[str]] = {}
        for i in at:
            of_hamlet.setdefault(hamlets[i], []).append(digits[i])
        for one in of_hamlet.values():
            if len(one) > 1:
                own.update(numbered_alike(one))
    if not own:
        return set(), frozenset()
    return schemes, frozenset(codes[i] for i in at if digits[i] in own)


def start_codes_masked(start: pd.DataFrame) -> list[int]:
    """The positions in ``start`` (the plan's start list, a frame with a 'ma_ho' column) of the
    codes the posted list masks as a person's number: those :func:`ids_posted` masks, the
    posted list's own rule (session 56, H: one rule, so that the warning and the hall's list
    cannot drift apart). A start list of phones or heads' CCCDs (session 54, D4), a CCCD among
    'NM1' codes (session 53, R3): what the officer is told of his register (session 55). []
    at once where no code reads as a person's number (most start lists: one look in C)."""
    listed = start["ma_ho"].tolist()
    posted = ids_posted(listed, start)
    if posted is listed:  # none looked at (ids_posted's first look): not each row compared
        return []
    # (a code is replaced only where masked: a blank, None or NaN, is kept as it is)
    return [at for at, (code, shown) in enumerate(zip(listed, posted, strict=True))
            if shown is not code]  # fmt: skip


def ids_posted(values: list, start_list=None) -> list:
    """``values`` (a column of names, Mã hộ or other texts as written) as the posted list
    (NiemYet, ``report.public_list``) shows them: an ID or telephone number written in one
    masked as the ID column is (``text.mask_ids_in``: 'Hoàng Văn An CCCD ********7890', a code
    '********6655', '0912.345.678' '********5678'): the hall must not read a CCCD or a phone
    number typed into the name or used as the code (sessions 51, 52). Looked for in all of
    them joined at once first (``text.may_hold_id``; most communes have none). The one rule of
    the posted list and of the start list's warning (:func:`start_codes_masked`; session 56).

    The Mã hộ column's (``start_list``: the plan's start list): a code on it of the commune's
    numbering (:func:`_posted_numbering`) is the commune's own, never masked: a household finds
    itself on the posted list by it ('167.012.045', grouped as an old CMND is; session 53).
    Looked for as written first (``figures.start_written``), so a commune whose codes all
    look like one is read value by value no more. ``values`` itself is given back where no
    value may hold a number (the first looks: :func:`start_codes_masked` then compares none)."""
    try:
        joined = "\x00".join(values)
    except TypeError:  # a blank (None) among them
        joined = "\x00".join(v if v.__class__ is str else "" for v in values)
    if not may_hold_id(joined):
        return values
    if start_list is None:
        return [mask_ids_in(v) if v.__class__ is str else v for v in values]
    written, keys, numbered = _posted_numbering(start_list)
    if not may_hold_id("\x00".join(v for v in values if v.__class__ is str and v not in written)):
        return values
    masked = list(values)
    loose: set | None = None  # the codes' loose keys, made where first asked
    for at, value in enumerate(values):
        if value.__class__ is str and value not in written:
            shown = mask_ids_in(value)
            if shown != value and id_key(value) not in keys:
                # a code of the numbering written with other marks ('167 012 001' for
                # '167.012.001'; figures.loose_key pairs them: one household) is posted too
                if loose is None:  # (none such where no start-list code reads as one)
                    loose = loose_codes(keys) if numbered else set()
                if loose_key(f"id|{id_key(value)}") not in loose:
                    masked[at] = shown
    return masked


def _posted_numbering(start_list) -> tuple[set[str], frozenset[str], bool]:
    """The start list's codes posted as written (as written, and their ``id_key``): those of
    the commune's numbering (:func:`start_numbering`: of the shape more than half its codes
    have, beginning alike, '167.012.045' or '019088776601' in a commune numbering so;
    telephone numbers or heads' CCCDs are none, session 54, D4); and whether any of
    its codes reads as a person's number (``text.may_hold_id``; where none does, every code is
    posted as written and no code of the list's is one written with other marks). A code of no
    such shape that reads as a person's number ('019088776655' among 'NM1'...: the head's CCCD
    entered in the register) is masked as any other (session 53, R3): the register is the
    commune's, but the number is still a person's."""
    if start_list is None or "ma_ho" not in start_list.columns:
        return set(), frozenset(), False
    written, keys = start_written(start_list), start_keys(start_list)
    codes = [c for c in start_list["ma_ho"].tolist() if c.__class__ is str]
    if not may_hold_id("\x00".join(codes)):  # no code reads as a person's number (most)
        return written, keys, False
    # (the start list's codes in ASCII digits and separators as id_key reads them: a code of
    # the numbering written in full-width digits is of its shape; session 54)
    own = start_numbering(start_list)[1]
    # the codes of no numbering (few: a register's odd codes; all where it has none: phones)
    odd = [code for code in codes if code not in own]
    if not odd:  # all the numbering's
        return written, keys, True
    return written - {c.strip() for c in odd}, keys - frozenset(map(id_key, odd)), True


def _not_the_communes(found: list[tuple[int, str, int, int]], start: pd.DataFrame) -> list[tuple]:
    """``found`` (:func:`ids_as_codes`) less a code the start list ``start`` holds
    (figures.start_keys) and a code of the shape most of the start list's codes have
    (:func:`code_shape`: as long, of digits alone, as written or, a number cell that lost its
    leading 0, before; or grouped alike, '167.012.099' where the commune writes '167.012.045':
    session 53), where its codes of the shape are a numbering (:func:`start_numbering`: not
    telephone numbers; session 54, D4): the commune's own codes."""
    keys = start_keys(start)
    schemes = start_numbering(start)[0]
    # each code as :func:`ids_as_codes` read it (text.ascii_number_text: a code of the commune's
    # written in full-width digits is its own as its ASCII form is; session 54)
    read = [ascii_number_text(item[1]) for item in found]
    shapes = code_shapes(read)
    found = [
        (item, code)
        for item, code, shape in zip(found, read, shapes, strict=True)
        if b"0" * item[2] not in schemes
        and b"0" * item[3] not in schemes
        and shape not in schemes
        and id_key(code) not in keys
    ]
    if not found:
        return []
    # a start-list code written with other marks ('167 012 001' for '167.012.001'), the same
    # household to the run (figures.loose_key pairs them; session 53, R3)
    loose = loose_codes(keys)
    return [item for item, code in found if loose_key(f"id|{id_key(code)}") not in loose]


def left_copied_on(
    row_issues: list[Issue],
    typed: pd.DataFrame,
    valid: np.ndarray,
    start: int,
    stop: int,
    left: Mapping[str, str],
) -> list[Issue]:
    """Rows of one table (``typed`` rows ``start``..``stop``) marked neither under 'Đầu kỳ' nor
    'Cuối kỳ' (class-marks-none, variant 'start-and-end') whose household ``left`` shows out of
    the lists (by its key, as the movements match households; with the month it left): a
    household that left in an earlier month, its row copied on to this month's list. Said as
    that (household-left-copied-on, a warning at the same cells) and, with no other error in
    the row, counted as exited (``typed['phan_loai']`` and ``valid`` set), as a 'Thoát' row
    is. A row with another error keeps its error (it is not counted either way).

    A row without a Mã hộ is that household's when its (hamlet, head's name, birth year) is
    the household's as stored (:func:`left_by_name`, the rule timeline.departures holds a
    listed household by): said so (variant 'by-name', naming the household's code), its
    missing Mã hộ not asked for (the row is to be deleted), and counted as exited under the
    household's code, as its row with the code would be."""
    said: list[Issue] = []
    excel_rows = typed["excel_row"].to_numpy()[start:stop]
    codes = typed["ma_ho"].tolist()
    written = {id_key(code) for code in codes[start:stop] if code}
    missing_id = REQUIRED_CODES["ma_ho"]
    found: dict[tuple, tuple] = {}  # (sheet, Excel row) -> (position, month, by_name or None)
    keys: list[str] | None = None  # the rows' household keys, worked out once if asked
    # whether each row's year was read from an age: its name matched a year off too
    aged = typed[FROM_AGE].to_numpy()[start:stop] if FROM_AGE in typed.columns else None
    for issue in row_issues:
        if issue.code != "class-marks-none" or issue.variant != "start-and-end":
            continue
        at = np.flatnonzero(excel_rows == issue.row)
        if not len(at):
            continue
        position = start + int(at[0])
        if keys is None:
            keys = household_key_texts(typed.iloc[start:stop])
        key = keys[position - start]
        month, by_name = left.get(key), None
        if month is None and not codes[position]:
            by_name = left_by_name(
                key, left, written, aged is not None and bool(aged[position - start])
            )
            if by_name is not None:
                month = left[by_name[0]]
        if month is None:
            continue
        others = [
            i for i in row_issues
            if i is not issue and i.row == issue.row and i.sheet == issue.sheet
            and i.severity == "error" and not (by_name and i.code == missing_id)
        ]  # fmt: skip
        if not others:
            found[(issue.sheet, issue.row)] = (position, month, by_name)
            if by_name:
                written.add(id_key(by_name[1]))  # a second row of it is no copy to count
    for issue in row_issues:
        recognised = found.get((issue.sheet, issue.row))
        if recognised is None:
            said.append(issue)
            continue
        position, month, by_name = recognised
        if issue.code == missing_id:
            continue  # the row is to be deleted: no code to write
        if issue.code != "class-marks-none" or issue.variant != "start-and-end":
            said.append(issue)
            continue
        when = f"{month[5:7]}/{month[:4]}"
        if by_name is None:
            said.append(replace(issue, code="household-left-copied-on", variant="",
                                instead=when))  # fmt: skip
        else:
            key, code, head, born, exact = by_name
            near = exact and keys[position - start].rpartition("|")[2] != str(born)
            typed.iat[position, typed.columns.get_loc("ma_ho")] = code
            said.append(replace(issue, code="household-left-copied-on", variant="by-name",
                                instead=_same_household(code, head, born, exact, when,
                                                        near)))  # fmt: skip
        typed.iat[position, typed.columns.get_loc("phan_loai")] = "exited"
        valid[position] = True
    return said


def recoded_copied_on(
    row_issues: list[Issue], typed: pd.DataFrame, valid: np.ndarray, start: int, stop: int
) -> list[Issue]:
    """Rows of one table (``typed`` rows ``start``..``stop``) marked neither under 'Đầu kỳ' nor
    'Cuối kỳ' (class-marks-none, variant 'start-and-end', as :func:`left_copied_on` leaves
    them) with a Mã hộ whose head's name and birth year one row of the table counted on a list
    under another code writes, and no other: most likely the household written under a new
    code, its old row copied on. Said so (variant 'recoded', naming that code and row: delete
    this row, or mark it if they are two households); the row stays left out (session 43)."""
    wanted = [i for i in row_issues
              if i.code == "class-marks-none" and i.variant == "start-and-end"]  # fmt: skip
    if not wanted:
        return row_issues
    rows = typed.iloc[start:stop]
    excel_rows = rows["excel_row"].to_numpy()
    codes, classes = rows["ma_ho"].tolist(), rows["phan_loai"].tolist()
    names = [name_key_text(*row) for row in zip(rows["hamlet"].tolist(), rows["chu_ho"].tolist(),
                                                rows["nam_sinh"].tolist(), strict=True)]  # fmt: skip
    counted: dict[str, list[int]] = {}  # name key -> the rows counted with a code under it
    for at, (code, name) in enumerate(zip(codes, names, strict=True)):
        if valid[start + at] and classes[at] in ("poor", "near_poor") and code and name:
            counted.setdefault(name, []).append(at)
    said = {}
    for issue in wanted:
        at = np.flatnonzero(excel_rows == issue.row)
        if not len(at):
            continue
        at = int(at[0])
        name, code = names[at], codes[at]
        if not code or name is None or name.endswith("|"):  # a code, a name and a birth year
            continue
        others = [o for o in counted.get(name, ()) if id_key(codes[o]) != id_key(code)]
        if len(others) == 1:
            other, row = str(codes[others[0]]).strip(), int(excel_rows[others[0]])
            said[id(issue)] = replace(issue, variant="recoded", instead=Message(
                f"'{other}' ở dòng {row}", f"'{other}' at row {row}"))  # fmt: skip
    return [said.get(id(issue), issue) for issue in row_issues]


def left_by_name(
    key: str, left: Mapping[str, str], written: set[str], aged: bool = False
) -> tuple[str, str, str, int | None, bool] | None:
    """The household of ``left`` whose row without a Mã hộ (its key ``key``: the hamlet, head's
    name and birth year) a row is, as timeline.departures holds a listed household by a row
    left out for an error (figures.holder_by_name: the same hamlet, name and birth year, or the
    same hamlet and name where the row writes no birth year), its name as stored where it was
    last listed or written 'Thoát' (``left.stored``, :func:`left_in_history`): (its hh_key, its
    code as written, the head's name, birth year, whether the year was matched too). None
    when no household, or more than one, is so matched, or when its code is written in
    another row of the table (``written``, matched as ``id_key``): that row is its own. With
    no household of the exact year, one a year off where the row's year (``aged``) or the
    stored one (``left.aged``, :func:`left_in_history`) was read from an age, as
    figures.near_pairs pairs them (one only, session 30)."""
    stored = getattr(left, "stored", None)
    if not stored or not key.startswith("name|"):
        return None
    size, index = getattr(left, "by_name", (None, {}))
    if size != (len(left), len(stored)):
        # each household under its name key and that key without the year: a row's key is
        # one of them exactly when figures.holder_by_name holds it (asked once per row, of
        # tens of thousands of households gone at a province's scale); made again only if
        # households were added since
        index = {}
        for hh_key, (name, *_) in stored.items():
            if hh_key in left:
                for held in (name, name.rsplit("|", 1)[0] + "|"):
                    index.setdefault(held, set()).add(hh_key)
        left.by_name = ((len(left), len(stored)), index)
    found = [(hh_key, *stored[hh_key][1:]) for hh_key in index.get(key, ())]
    stem, _, year = key.rpartition("|")
    if not found and year:
        aged_names = getattr(left, "aged", set())
        if aged or aged_names:
            others = {hh_key: stored[hh_key][0] for hh_key in index.get(stem + "|", ())}
            near = near_pairs({key: key}, others, aged_names | {key} if aged else aged_names)
            if key in near:
                found = [(near[key], *stored[near[key]][1:])]
    if len(found) != 1 or id_key(found[0][1]) in written:
        return None
    hh_key, code, head, born = found[0]
    return hh_key, code, head, born, not key.endswith("|")


def _same_household(
    code: str, head: str, born, exact: bool, when: str, near: bool = False
) -> Message:
    """How a row without a Mã hộ was recognised as a household that left (the 'by-name'
    wording of household-left-copied-on), in both languages; ``near``: its birth year one off
    the household's, one of them read from an age."""
    who = f"'{code}' ({head}" + (f", {born})" if born is not None else ")")
    if near:
        vi = "họ tên chủ hộ và năm sinh (lệch một năm, năm sinh tính từ tuổi)"
        en = "the head's name and birth year (one year off, a year read from an age) are those"
    elif exact:
        vi, en = "họ tên chủ hộ và năm sinh", "the head's name and birth year are those"
    else:
        vi = "họ tên chủ hộ (dòng không ghi năm sinh)"
        en = "the head's name (the row writes no birth year) is that"
    gone_vi = f"hộ đã ra khỏi danh sách hộ nghèo, hộ cận nghèo từ tháng {when}"
    gone_en = f"which left the poor and near-poor lists in {when}"
    return Message(f"{vi} trùng với hộ {who}, {gone_vi}", f"{en} of household {who}, {gone_en}")


def left_in_history(history, period: str | None) -> dict[str, str]:
    """Households out of the lists at the end of the latest stored month of ``period``'s year
    before it, by key, with the month each left them (timeline.left_lists, a household held by
    name by a row left out for an error not gone, as timeline.departures reads it);
    ``history``: a history.HistoryStore, or None (nothing known: an empty dict). Its
    ``stored``: hh_key -> (its (hamlet, head's name, birth year) key, its code, head's name and
    birth year as stored) where it was last listed or written 'Thoát', for a row without a Mã
    hộ to be matched by (:func:`left_by_name`); ``aged``: those of its keys whose year the
    history marks as read from an age (matched a year off too)."""
    from pipeline.figures import NameKeys
    from pipeline.timeline import left_lists

    if history is None or not period:
        return {}
    year = period[:4] + "-"
    stored = [p for p in history.periods() if p["period"].startswith(year) and p["period"] < period]
    if not stored:
        return {}
    accepted = {p["period"]: {h["hamlet"] for h in p["hamlets"] if h.get("status") == "ok"}
                for p in stored}  # fmt: skip
    frames: dict[str, tuple[pd.DataFrame, NameKeys]] = {}

    def households(month: str) -> tuple[pd.DataFrame, NameKeys]:
        if month not in frames:
            frame = history.households([month])
            frames[month] = (frame, NameKeys(frame))  # names worked out for the keys asked
        return frames[month]

    found = left_lists(history.statuses([p["period"] for p in stored]), period, accepted,
                       lambda month: households(month)[1])  # fmt: skip
    found.stored, found.aged = {}, set()
    for month in sorted(set(found.seen.values())):
        frame, names = households(month)
        aged = names.aged()  # the rows the history marks as read from ages (schema 5)
        here = frame["hh_key"].map(found.seen).eq(month).to_numpy()  # its rows that left
        for key, code, head, born in zip(frame["hh_key"][here], frame["ma_ho"][here],
                                         frame["chu_ho"][here], frame["nam_sinh"][here],
                                         strict=True):  # fmt: skip
            name = names.get(key)
            if name is not None and code:
                found.stored[key] = (name, code, head, None if pd.isna(born) else int(born))
                if name in aged:
                    found.aged.add(name)
    return found


def _mismatch_in_marks(row_issues: list[Issue], header) -> list[Issue]:
    """A class-mismatch that tells the head to write 'Hộ cận nghèo' for 'Thoát', in a table
    whose class is marked in columns (classmarks.class_mark_columns): told to move the 'x' to its
    near-poor column, named as the list heads it (or to add one beside the last class column)."""
    near = [own for _, kind, own, _ in header.marks if kind == "near_poor"]
    variant, instead = (
        ("marks-exited-near-poor", near[0]) if near
        else ("marks-exited-no-near-poor", header.marks[-1][2])
    )  # fmt: skip
    said = []
    for i in row_issues:
        if i.code == "classification-mismatch" and i.row is not None and header.start_marks:
            # read as exited for its mark at the start of the period only ('Đầu kỳ'): said
            # with the cells the head sees, not an exit column the list has not
            at = cell_position(i.cell)
            left = left_by_start_mark(header, i.row, at[1] if at else None)
            if left is not None:
                # (a share under the line, 'household-total', is not said there: session 49)
                narrower = "marks-start-only" + (
                    "-near-poor" if i.variant == "exited-near-poor" else ""
                )
                said.append(replace(i, variant=narrower, instead=left))
                continue
        if i.code == "classification-mismatch" and i.variant == "exited-near-poor":
            i = replace(i, variant=variant, instead=instead)
        said.append(i)
    return said


def class_marks_said(
    row_issues: list[Issue], marks: list[tuple], file: str, hamlet: str
) -> list[Issue]:
    """Rows whose class is read from mark columns (classmarks.classes_from_marks) that tell none: no
    mark, marks in two columns, a cell holding something else. Each is said as what it is, in
    place of the blank class the row was read with ('Phân loại hộ' đang để trống)."""
    rows = {mark[1] for mark in marks}
    blank = REQUIRED_CODES["phan_loai"]
    kept = [i for i in row_issues if not (i.code == blank and i.row in rows)]
    for sheet, row, code, cell, column, value, detail, variant in marks:
        kept.append(Issue(code, file=file, sheet=sheet, row=row, column=column, cell=cell,
                          value=value, hamlet=hamlet, detail=detail, variant=variant))  # fmt: skip
    return kept


def without_values(
    row_issues: list[Issue], cells: list[tuple], errors: list[tuple], file: str, hamlet: str
) -> list[Issue]:
    """Formula cells with no calculated value, and cells showing an error ('#REF!'): calamine
    read them as blank, so each is reported as what it is (not as a blank value): an error
    in a column the household needs (Mã hộ, name, size, class: it is not counted), else a
    warning (the household is counted without the value)."""
    at = {cell[2] for cell in (*cells, *errors)}
    rows = {cell[1] for cell in (*cells, *errors)}  # and their rows' classification is not
    # judged on a value that was not read; nor is a class marked in columns said blank at its
    # first column for a mark cell not read ('Phân loại hộ' đang để trống)
    unmarked = {cell[1] for cell in (*cells, *errors) if cell[3] == "phan_loai"}
    blank = REQUIRED_CODES["phan_loai"]
    kept = [
        questioned_alone(i) if i.code == "classification-mismatch" and i.row in rows else i
        for i in row_issues
        if i.cell not in at
        and not (
            i.code == "classification-mismatch" and i.row in rows and i.variant != "questioned"
        )
        and not (i.code == blank and i.row in unmarked and not i.value)
    ]
    for sheet, row, cell, key, header, formula in cells:
        typed = typed_after_equals(formula)
        kept.append(
            Issue(
                "formula-without-value"
                if key in REQUIRED_CODES
                else "optional-formula-without-value",
                file=file,
                sheet=sheet,
                row=row,
                column=header,
                cell=cell,
                hamlet=hamlet,
                value=formula if typed else "",
                detail=typed or "",
                variant="typed" if typed else "",
            )
        )
    for sheet, row, cell, key, header, error in errors:
        kept.append(
            Issue(
                "cell-error-value" if key in REQUIRED_CODES else "optional-cell-error-value",
                file=file,
                sheet=sheet,
                row=row,
                column=header,
                cell=cell,
                value=error,
                hamlet=hamlet,
            )
        )
    return kept


def questioned_alone(issue: Issue) -> Issue:
    """A class-mismatch of a class written with a '?' (variant 'questioned') where the
    mismatch is not said (a row with a cell not read, the plan's start list): its question mark
    said alone, as `questioned-classification` (its label, ``instead``, the class counted;
    session 50)."""
    return replace(
        issue, code="questioned-classification", detail=issue.instead, variant="", instead=""
    )


def codes_from_start(start: pd.DataFrame | None, households: pd.DataFrame, issues: list) -> None:
    """A row without its Mã hộ (``households``: the rows of the lists counted together, with
    their ``hamlet``, ``file``, ``sheet``, ``excel_row``), whose hamlet, head's name (:func:`fold`)
    and birth year are those of one household of the plan's start list ``start``, its code on
    no row of the lists (another hamlet's too: one code in two hamlets leaves both rows out),
    that head on no other row of its hamlet (under another code: one household twice), nor that
    household on another blank row of its file: the row's 'missing-household-id' in ``issues``
    said with that code to write ('start'), where "the commune's register" alone left the head
    a register he may not hold (session 51 and its review; a run and `check` alike). The row
    stays out of the counts until written."""
    if start is None or households.empty:
        return
    if not {"hamlet", "ma_ho", "chu_ho", "nam_sinh"} <= set(start.columns):
        return
    codes = households["ma_ho"].tolist()
    blank = [i for i, code in enumerate(codes) if not (code.__class__ is str and code.strip())]
    if not blank:
        return
    missing = {
        (issue.file, issue.sheet, issue.row): n for n, issue in enumerate(issues)
        if issue.code == "missing-household-id" and issue.variant in ("", "placeholder")
    }  # fmt: skip
    rows = households.iloc[blank]
    # only the start rows of the blank rows' hamlets are looked at (a province's lists)
    hamlets = set(rows["hamlet"].tolist())
    known: dict[tuple, list[tuple[str, str, int]]] = {}
    for hamlet, code, name, birth in zip(
        start["hamlet"], start["ma_ho"], start["chu_ho"], start["nam_sinh"], strict=True
    ):
        if hamlet not in hamlets or code.__class__ is not str or not code.strip():
            continue
        if name.__class__ is str and not pd.isna(birth):
            key = (hamlet, fold(name), int(birth))
            known.setdefault(key, []).append((code.strip(), name.strip(), int(birth)))
    found: dict[tuple, list[tuple[int, str, int]]] = {}
    for file, sheet, excel_row, hamlet, name, birth in zip(
        rows["file"], rows["sheet"], rows["excel_row"], rows["hamlet"], rows["chu_ho"],
        rows["nam_sinh"], strict=True,
    ):  # fmt: skip
        at = missing.get((file, sheet, int(excel_row)))
        if at is None or name.__class__ is not str or pd.isna(birth):
            continue
        match = known.get(key := (hamlet, fold(name), int(birth)))
        if match is not None and len(match) == 1:
            code, start_name, start_birth = match[0]
            found.setdefault((file, code), []).append((at, start_name, start_birth, key))
    if not found:
        return
    # what the lists hold already: every code written, and each head of a written code in
    # the hamlets of the rows found (folded name, birth year)
    written = np.ones(len(codes), dtype=bool)
    written[blank] = False
    used = set(id_keys(households["ma_ho"].to_numpy(dtype=object)[written]).tolist())
    wanted = {key[0] for ats in found.values() for *_, key in ats}
    near = np.flatnonzero(written & households["hamlet"].isin(wanted).to_numpy(dtype=bool))
    heads = {
        (hamlet, fold(name), int(birth))
        for hamlet, name, birth in zip(
            households["hamlet"].iloc[near].tolist(), households["chu_ho"].iloc[near].tolist(),
            households["nam_sinh"].iloc[near].tolist(), strict=True,
        )
        if name.__class__ is str and not pd.isna(birth)
    }  # fmt: skip
    for (_, code), ats in found.items():
        if len(ats) != 1:  # the household on two blank rows: which is it is the head's to say
            continue
        [(at, name, birth, key)] = ats
        if id_key(code) in used or key in heads:
            continue
        issues[at] = replace(
            issues[at], variant="start", instead=code,
            detail=Message(f"'{name}' (năm sinh {birth})", f"'{name}' (born {birth})"),
        )  # fmt: skip


def households_twice(
    frame: pd.DataFrame, subs: list[Submission], owners: np.ndarray, issues: list[Issue]
) -> None:
    """What a run and `check` say of the rows counted together (``owners[row]``: the index in
    ``subs`` of a row's list): a Mã hộ used twice (:func:`duplicates_in`, the rows left out),
    one ID number under two codes (:func:`duplicate_id_numbers`) and one household likely
    written twice under another code (:func:`likely_same_households`), both warnings."""
    sub_at = lambda row: subs[owners[row]]  # noqa: E731
    duplicates_in(frame, sub_at, issues, heads=True)
    duplicate_id_numbers(frame, sub_at, issues)
    likely_same_households(frame, sub_at, owners, issues)


def duplicates_in(frame: pd.DataFrame, sub_at, issues: list[Issue], heads: bool = False) -> None:
    """A Mã hộ used twice in the commune excludes every row that uses it (``frame`` is the
    commune's rows with ``ma_ho``, ``excel_row``, ``sheet``, ``valid``; ``sub_at(position)`` the
    submission of a row). Sets ``frame['valid']``. A row left out for another problem still
    uses its code: its twin is not counted either, and both are told at once. Not a row left
    out because its 'Phân loại hộ' says the household moved away ('Chuyển đi'): the head says
    it is not there, so the hamlet that lists it counts it (the refused row says what to do).
    With ``heads`` (a hamlet's lists, not the plan's start list), two rows of one sheet under
    two heads' names are said as two households, each to get its own code (session 51)."""
    if frame.empty:
        return
    ma_ho = frame["ma_ho"].to_numpy()
    candidates = np.flatnonzero(ma_ho != "")
    if not len(candidates):
        return
    keys = pd.Series(id_keys(ma_ho[candidates]))
    twice = keys.duplicated(keep=False).to_numpy()
    if not twice.any():
        return
    places: dict[str, list[int]] = {}
    counted = frame["valid"].to_numpy()
    classes = frame["phan_loai"].to_numpy() if "phan_loai" in frame else None
    for key, position in zip(keys[twice].tolist(), candidates[twice].tolist(), strict=True):
        # a count ('120 hộ') is said as no code; one validation kept as a code ('4 NK' of a
        # list written '1 NK', '2 NK', …: validate._nk_codes_kept) is a code
        if counted[position]:
            places.setdefault(key, []).append(position)
        elif not_household_count(ma_ho[position]) and not (
            classes is not None and moved_away_class(classes[position])
        ):
            places.setdefault(key, []).append(position)
    places = {key: used for key, used in places.items() if len(used) > 1}
    excel_rows = frame["excel_row"].to_numpy()
    sheets = frame["sheet"].to_numpy()
    valid = frame["valid"].to_numpy().copy()
    for occurrences in places.values():
        # All in one hamlet's list (rows pasted twice): the message does not ask in which hamlet
        # the household lives.
        one_hamlet = len({_list_of(sub_at(p)) for p in occurrences}) == 1
        for position in occurrences:
            sub = sub_at(position)
            excel_row = int(excel_rows[position])
            sheet = sheets[position]
            written = str(ma_ho[position])
            others = _other_uses(position, occurrences, sub_at, excel_rows, sheets, ma_ho)
            issue = at_cell(sub, sheet, excel_row, "ma_ho", "duplicate-household-id",
                            ma_ho[position], others)  # fmt: skip
            if any(_zeros_apart(written, str(ma_ho[p])) for p in occurrences):
                # '01001' beside 1001: the head sees two texts; the message names both
                issue = replace(issue, variant="leading-zeros")
            elif one_hamlet and (names := _two_heads(position, occurrences, frame, sub_at, heads)):
                issue = replace(issue, variant="one-hamlet-heads", instead=names)
            elif one_hamlet:
                issue = replace(issue, variant="one-hamlet")
            issues.append(issue)
            valid[position] = False
    frame["valid"] = valid


def _two_heads(position: int, occurrences: list[int], frame: pd.DataFrame, sub_at, heads: bool):
    """Both heads' names of a Mã hộ written on two rows of one sheet under two heads, as row
    ``position`` says them ("dòng này ghi 'Lưu Đình Sáng', dòng 14 ghi 'Lưu Văn Toàn'"); None
    for a row pasted twice, three uses, a name left blank, other files or sheets, or without
    ``heads``. A row pasted twice is one head by the tables' rule (timeline.same_head: the
    names folded alike, or one ID number), or by its name once a word of address before it is
    left out ('Ông Hoàng Văn Hùng'), or a letter apart ('Hoàng Văn Hùn'): a slip retyping the
    row, not a second household (session 51's review)."""
    if not heads or len(occurrences) != 2 or "chu_ho" not in frame:
        return None
    [other] = [p for p in occurrences if p != position]
    if sub_at(other).file != sub_at(position).file:
        return None
    if frame["sheet"].iat[other] != frame["sheet"].iat[position]:
        return None
    mine, theirs = frame["chu_ho"].iat[position], frame["chu_ho"].iat[other]
    if not (mine.__class__ is str and theirs.__class__ is str and fold(mine) and fold(theirs)):
        return None
    numbers = frame["so_dinh_danh"] if "so_dinh_danh" in frame else None
    ids = ["" if numbers is None else id_number(numbers.iat[p]) for p in (position, other)]
    if same_head((fold(mine), ids[0]), (fold(theirs), ids[1])):
        return None
    if letters_apart(_untitled(mine), _untitled(theirs), 1):
        return None
    mine, theirs, row = mine.strip(), theirs.strip(), int(frame["excel_row"].iat[other])
    return Message(
        f"dòng này ghi '{mine}', dòng {row} ghi '{theirs}'",
        f"this row says '{mine}', row {row} says '{theirs}'",
    )


_ADDRESS_FOLDED = frozenset(fold(word) for word in ADDRESS_WORDS)


def _untitled(name: str) -> str:
    """``name`` folded, a word of address before it (text.ADDRESS_WORDS) left out."""
    first, _, rest = fold(name).partition(" ")
    return rest if rest and first in _ADDRESS_FOLDED else fold(name)


_SPACE = lazyre.compile(r"\s")


def id_keys(codes: np.ndarray) -> np.ndarray:
    """figures.id_key of each code. Codes written without spaces (most) are only case folded:
    all at once, joined (case folding goes letter by letter), then split again; their digits
    of another script and look-alikes of a separator read as ASCII as id_key reads them (one
    character for one: no '|' nor space made; session 54)."""
    if lib.is_string_array(codes, skipna=False):
        joined = ascii_number_text("|".join(codes.tolist()))
        if not _SPACE.search(joined):
            folded = joined.casefold().split("|")
            if len(folded) == len(codes):  # no code holds a '|'
                if "|0" in "|" + joined:  # a code may begin with a zero: id_key drops it
                    folded = [id_key(code) if code[:1] == "0" else code for code in folded]
                return np.array(folded, dtype=object)
    return lib.map_infer(codes, id_key, convert=False)


def duplicate_id_numbers(frame: pd.DataFrame, sub_at, issues: list[Issue]) -> None:
    """Counted rows on a list with different Mã hộ but one ID number (số định danh, its
    digits): one household pasted twice under a new code, or a slip in a number. A warning at each row's ID
    cell naming the others; the rows still count, since which one is wrong is for the hamlet
    to say (``frame``: as for :func:`duplicates_in`, with ``so_dinh_danh``)."""
    if frame.empty or "so_dinh_danh" not in frame:
        return
    numbers = frame["so_dinh_danh"].to_numpy()
    # rows on a list (a Thoát row beside a listed one counts nothing twice)
    listed = frame["phan_loai"].isin(["poor", "near_poor"]).to_numpy(dtype=bool)
    candidates = np.flatnonzero(
        frame["valid"].to_numpy(dtype=bool) & listed & pd.notna(numbers) & (numbers != "")
    )
    if not len(candidates):
        return
    texts = numbers[candidates]
    if lib.is_string_array(texts, skipna=False):
        # Most are written as digits alone (C calls); the others lose their spaces and dots.
        keys = texts.copy()
        if not "".join(texts).isdecimal():  # all digits (none is empty): told at once
            plain = lib.map_infer(texts, str.isdecimal, convert=True).astype(bool)
            for position in np.flatnonzero(~plain).tolist():
                keys[position] = _id_digits(texts[position])
    else:
        keys = lib.map_infer(texts, _id_digits, convert=False)
    twice = np.flatnonzero(pd.Series(keys).duplicated(keep=False).to_numpy())
    places: dict[str, list[int]] = {}
    for key, position in zip(keys[twice].tolist(), candidates[twice].tolist(), strict=True):
        if id_number(key):
            places.setdefault(key, []).append(position)
    ma_ho = frame["ma_ho"].to_numpy()
    excel_rows = frame["excel_row"].to_numpy()
    sheets = frame["sheet"].to_numpy()
    for occurrences in places.values():
        if len({id_key(ma_ho[p]) if ma_ho[p] else p for p in occurrences}) < 2:
            continue  # one code throughout: the same household's rows (told as such)
        for position in occurrences:
            sub = sub_at(position)
            others = _other_uses(position, occurrences, sub_at, excel_rows, sheets)
            issues.append(
                at_cell(sub, sheets[position], int(excel_rows[position]), "so_dinh_danh",
                         "duplicate-id-number", numbers[position], others)
            )  # fmt: skip


def kept_by_start_list(
    frame: pd.DataFrame, sub_at, issues: list[Issue], start
) -> dict[str, list[str]]:
    """The rows of a month of the plan year counted together (``frame``, ``sub_at`` as for
    :func:`duplicates_in`, after :func:`duplicate_id_numbers` said ``issues``), against the
    year's start list (``start``): one ID number under two codes on two rows of two hamlets' lists, one row the
    start list's household of its hamlet under its code (the same head, timeline.same_head), the
    other's code on no row of the start list: one household written in two hamlets, counted
    twice. The start list, the commune's own record of the new year, says where it lives: that
    row counts ('duplicate-id-number' variant 'start-list-kept' naming the other row and code),
    the other is left out until the hamlets say where it lives ('duplicate-household-id'
    variant 'start-list-other', its Mã hộ cell; the 'duplicate-id-number' there said by it).
    Sets ``frame['valid']`` (session 57). Returns {file: the start list's hamlet of each of its
    rows so left out} (for :func:`refused_for_start_list`)."""
    left: dict[str, list[str]] = {}
    said = [at for at, issue in enumerate(issues)
            if issue.code == "duplicate-id-number" and not issue.variant]  # fmt: skip
    if not said or start is None or start.empty or "so_dinh_danh" not in frame:
        return left
    groups: dict[str, list[int]] = {}
    for at in said:
        groups.setdefault(_id_digits(issues[at].value), []).append(at)
    groups = {number: ats for number, ats in groups.items()
              if len(ats) == 2 and len({issues[at].hamlet for at in ats}) == 2}  # fmt: skip
    if not groups:
        return left
    excel_rows, sheets = frame["excel_row"].to_numpy(), frame["sheet"].to_numpy()
    wanted = {issues[at].row for ats in groups.values() for at in ats}
    near = np.flatnonzero(np.isin(excel_rows, list(wanted)))
    position = {(sub_at(p).file, sheets[p], int(excel_rows[p])): p for p in near.tolist()}
    listed = keys_of(start)
    on_start = set(listed)
    places = zip(start["hamlet"].tolist(), listed, strict=True)
    at_start = {place: at for at, place in enumerate(places)}  # (hamlet, key) -> its row
    heads_then = start["chu_ho"].tolist()
    numbers = start["so_dinh_danh"].tolist() if "so_dinh_danh" in start else None

    def head(hamlet: str, key: str) -> tuple | None:  # the start list's head of a code there
        at = at_start.get((hamlet, key))
        if at is None:
            return None
        name = heads_then[at]
        return (fold(name) if name.__class__ is str else None,
                id_number(numbers[at]) if numbers is not None else "")  # fmt: skip

    from pipeline.moves import note_moved_from  # moves imports this module

    valid = frame["valid"].to_numpy().copy()
    codes, names = frame["ma_ho"].to_numpy(), frame["chu_ho"].to_numpy()
    years = frame["nam_sinh"].to_numpy() if "nam_sinh" in frame else None
    notes = frame["ghi_chu"].to_numpy() if "ghi_chu" in frame else None
    replaced: dict[int, Issue | None] = {}
    for number, ats in groups.items():
        rows = [position.get((issues[at].file, issues[at].sheet, issues[at].row)) for at in ats]
        if None in rows:
            continue
        keys = ["id|" + id_key(codes[p]) for p in rows]
        if keys[0] == keys[1]:
            continue
        kept = [
            i for i, p in enumerate(rows)
            if (then := head(issues[ats[i]].hamlet, keys[i])) is not None
            and same_head(then, (fold(names[p]) if names[p].__class__ is str else None, number))
        ]  # fmt: skip
        if len(kept) != 1 or keys[1 - kept[0]] in on_start:
            continue
        mine, other = kept[0], 1 - kept[0]
        here, there = rows[mine], rows[other]
        if not _one_head(names[here], names[there], years[[here, there]] if years is not None
                         else (None, None)):  # fmt: skip
            continue  # another household's row, the ID number typed on it by mistake (R2)
        # the other row noted as moved in from this hamlet: a move within the year its old
        # hamlet has not written yet, the start list right (session 57, B2)
        moved = "-moved" if notes is not None and note_moved_from(
            notes[there], issues[ats[mine]].hamlet) else ""  # fmt: skip
        replaced[ats[mine]] = replace(issues[ats[mine]], variant="start-list-kept" + moved,
                                      instead=str(codes[there]))  # fmt: skip
        place = _other_uses(there, rows, sub_at, excel_rows, sheets)
        issue = at_cell(sub_at(there), sheets[there], int(excel_rows[there]), "ma_ho",
                        "duplicate-household-id", codes[there], place,
                        "start-list-other" + moved)  # fmt: skip
        replaced[ats[other]] = replace(issue, instead=str(codes[here]))
        valid[there] = False
        left.setdefault(sub_at(there).file, []).append(issues[ats[mine]].hamlet)
    if replaced:
        issues[:] = [replaced.get(at, issue) for at, issue in enumerate(issues)]
        frame["valid"] = valid
    return left


def _one_head(name, other, years) -> bool:
    """Whether two rows' heads are one person: their names alike as :func:`fold` folds them
    (neither blank) and their birth years equal where both rows have one. Two rows sharing an
    ID number (số định danh) under other heads are two households, one number typed on the
    wrong row: :func:`kept_by_start_list` leaves neither out (session 57, R2)."""
    here, there = (fold(n) if n.__class__ is str else "" for n in (name, other))
    if not here or here != there:
        return False
    born = [int(y) for y in years if isinstance(y, int | np.integer | float) and y == y]
    return len(born) < 2 or born[0] == born[1]


def refused_for_start_list(across: dict[int, Issue], left: dict[str, list[str]]) -> None:
    """The refusals :func:`rows_refuse_across` made (``across``) of a list every row of which
    :func:`kept_by_start_list` left out (``left``: file -> the start list's hamlet of each row
    left out), their households counted in the start list's hamlets: said so (variant
    'start-list-other', ``instead`` those hamlets), not as codes used twice (session 57)."""
    for position, refusal in across.items():
        hamlets = left.get(refusal.file, [])
        if not hamlets or len(hamlets) != int(refusal.detail):
            continue
        names = sorted(set(hamlets), key=vi_key)
        said = Message(", ".join(with_unit(h) for h in names),
                       ", ".join(f"hamlet {h}" for h in names))  # fmt: skip
        across[position] = replace(refusal, variant="start-list-other", instead=said)


def _rows_twice(*columns: np.ndarray) -> np.ndarray:
    """Whether each row's values of ``columns`` are another row's too: what
    ``pd.DataFrame(columns).duplicated(keep=False)`` says, told by pandas' hashing of each column
    (pd.factorize) and a count of the combined codes, without a frame (~0.35 ms a call less for
    a commune's rows, the same for a province's 300,000)."""
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column)  # a missing value is -1, as one value
        combined = pd.factorize(combined * (len(uniques) + 1) + (codes + 1))[0]
    return np.bincount(combined, minlength=1)[combined] > 1


def likely_same_households(
    frame: pd.DataFrame, sub_at, owners: np.ndarray, issues: list[Issue]
) -> None:
    """Counted rows of one hamlet's list, under different Mã hộ, that are likely one household
    written twice: codes that differ only in their dots, dashes, slashes and spaces
    ('TL.01.002', 'TL01002'; variant 'same-code'), or the same head's name (letter case aside,
    accents kept: 'Thắng' is not 'Thằng') and birth year ('same-head'). A warning at each row's
    code naming the others; the rows still count, since two households may be so alike and
    which row is wrong is for the hamlet to say (as for :func:`duplicate_id_numbers`, which
    tells rows sharing an ID number: not told again here). ``frame``: as for
    :func:`duplicates_in`, with ``chu_ho``, ``nam_sinh``, ``phan_loai``; ``owners``: each row's
    submission as a number (rows of one number have one ``sub_at``).

    A province's 300,000 rows are keyed in C (codes and names joined, folded and split; keys
    told twice in one list by pandas' hashing); only rows whose key is used twice in their list
    are looked at one by one."""
    if len(frame) < 2:
        return
    listed = frame["phan_loai"].isin(["poor", "near_poor"]).to_numpy(dtype=bool)
    ma_ho = frame["ma_ho"].to_numpy()
    counted = np.flatnonzero(frame["valid"].to_numpy(dtype=bool) & listed)
    if len(counted) < 2:
        return
    codes = ma_ho[counted]
    if lib.is_string_array(codes, skipna=False):
        coded = codes != ""
    else:
        coded = np.fromiter((c.__class__ is str and c != "" for c in codes), bool, len(codes))
    candidates = counted[coded]
    if len(candidates) < 2:
        return
    # whose list each row is in, as a number: rows of two files of one hamlet are one list
    numbered, first = np.unique(owners[candidates], return_index=True)
    ids: dict[tuple[str, str], int] = {}
    list_ids = [ids.setdefault(_list_of(sub_at(int(candidates[i]))), len(ids)) for i in first]
    lists = np.array(list_ids, dtype=np.int64)[np.searchsorted(numbered, owners[candidates])]
    # id_keys hold no whitespace: the marks left are deleted by a translation (C, no regex)
    loose = _joined_keys(id_keys(ma_ho[candidates]), lambda text: text.translate(_NO_MARKS))
    names = frame["chu_ho"].to_numpy()[candidates]
    years = frame["nam_sinh"].to_numpy()[candidates]
    if lib.is_string_array(names, skipna=False) and lib.is_integer_array(years, skipna=False):
        headed = names != ""  # read text is stripped: a name is blank or has a letter
    else:
        headed = np.fromiter(
            (
                n.__class__ is str and n.strip() != "" and isinstance(y, int | np.integer)
                for n, y in zip(names, years, strict=True)
            ),
            bool,
            len(candidates),
        )
    head_names = np.where(headed, _joined_keys(np.where(headed, names, ""), str.casefold), "")
    head_years = np.where(headed, years, 0).astype(np.int64)
    seen_twice = {  # each row whose key is used twice in its list
        "same-code": _rows_twice(lists, loose) & (loose != ""),
        "same-head": _rows_twice(lists, head_names, head_years) & headed,
    }
    groups: dict[tuple, list[int]] = {}
    for variant, twice in seen_twice.items():
        for index in np.flatnonzero(twice).tolist():
            key = loose[index] if variant == "same-code" else (head_names[index], head_years[index])
            groups.setdefault((lists[index], variant, key), []).append(int(candidates[index]))
    excel_rows = frame["excel_row"].to_numpy()
    sheets = frame["sheet"].to_numpy()
    numbers = frame["so_dinh_danh"].to_numpy() if "so_dinh_danh" in frame else None
    told: set[int] = set()
    for key, occurrences in groups.items():
        if len({id_key(ma_ho[p]) for p in occurrences}) < 2:
            continue  # one code throughout: a Mã hộ used twice (duplicates_in says it)
        if numbers is not None:
            digits = {
                _id_digits(numbers[p]) if not is_blank(numbers[p]) else "" for p in occurrences
            }
            if len(digits) == 1 and len(next(iter(digits))) >= 9:
                continue  # one ID number: duplicate_id_numbers says it
        for position in occurrences:
            if position in told:
                continue
            told.add(position)
            sub = sub_at(position)
            others = _other_uses(position, occurrences, sub_at, excel_rows, sheets)
            issue = at_cell(sub, sheets[position], int(excel_rows[position]), "ma_ho",
                            "likely-same-household", ma_ho[position], others)  # fmt: skip
            issues.append(replace(issue, variant=key[1]))


_NO_MARKS = str.maketrans("", "", ".-_/\\,;:")


def _joined_keys(texts: np.ndarray, change) -> np.ndarray:
    """``change`` applied to each text: to all of them joined by '\\x00' at once when it keeps
    that separator and the count (a C pass instead of one call per text), else one by one."""
    joined = "\x00".join(texts.tolist())
    changed = change(joined).split("\x00")
    if len(changed) == len(texts) and joined.count("\x00") == len(texts) - 1:
        return np.array(changed, dtype=object)
    return np.array([change(text) for text in texts.tolist()], dtype=object)


def _id_digits(value) -> str:
    text = value if value.__class__ is str else str(value)
    return "".join(ch for ch in text if ch.isdecimal())


def id_number(value) -> str:
    """The digits of an ID number (số định danh) as rows are matched by it; '' for a blank, a
    few digits left of a note ('mất CMND 12') or a placeholder of one digit repeated
    ('000000000000'): no ID number."""
    if is_blank(value):
        return ""
    digits = _id_digits(value)
    return digits if len(digits) >= 9 and len(set(digits)) > 1 else ""


def at_cell(
    sub: Submission, sheet: str, excel_row: int, key: str, code: str, value, detail="", variant=""
) -> Issue:
    """An issue at the cell of column ``key`` in ``excel_row`` of a roster's table: the cell the
    row's value was read from (``Table.elsewhere``: 'Mã hộ' where 'Mã hộ mới' is left blank,
    session 45 review), as validate's messages say it."""
    header, rows = next(((h, r) for name, h, r in tables(sub) if name == sheet),
                        (sub.extra["header"], None))  # fmt: skip
    col = header.columns.get(key, (None, ROSTER_COLUMN_BY_KEY[key].header))
    if rows is not None:
        col = rows.elsewhere.get(key, {}).get(excel_row) or col
    return Issue(
        code,
        file=sub.file,
        sheet=sheet,
        row=excel_row,
        column=col[1],
        cell=f"{column_letter(col[0])}{excel_row}" if col[0] is not None else "",
        value=value,
        hamlet=sub.hamlet,
        detail=detail,
        variant=variant,
    )


def _list_of(sub: Submission) -> tuple[str, str]:
    """Whose list a row is in: its hamlet (the plan's start list holds every hamlet's), else
    its file (a hamlet not matched)."""
    return ("hamlet", sub.hamlet) if sub.hamlet else ("file", sub.file)


def _zeros_apart(written: str, other: str) -> bool:
    """Whether two codes of digits alone are written apart only by their leading zeros
    ('01001' and '1001'): one code as the reading matches it, two texts as the head sees them."""
    a, b = written.strip(), other.strip()
    return a != b and a.isdigit() and b.isdigit() and a.lstrip("0") == b.lstrip("0")


def _other_uses(
    position: int, occurrences: list[int], sub_at, excel_rows, sheets, codes=None
) -> Message:
    """Where else the Mã hộ of row ``position`` is used: 'dòng 9 của danh sách này' for the same
    list (a head who pasted a row twice looks in their own list), the hamlet, file and row for
    another file; another sheet of the same file is named as such. With ``codes`` (each row's
    Mã hộ as written), a use written apart by its leading zeros is named with its code: "mã
    '1001' ở dòng 6 của danh sách này"."""
    sub = sub_at(position)
    here: dict[str, list[tuple[str, str]]] = {}  # the code as written ('' if as here) -> rows
    vi: list[str] = []
    en: list[str] = []
    written = "" if codes is None else str(codes[position])
    for p in occurrences:
        if p == position:
            continue
        other, row = sub_at(p), int(excel_rows[p])
        hidden = _hidden_said(other, sheets[p], row)
        code = "" if codes is None else str(codes[p])
        code = code if _zeros_apart(written, code) else ""
        said_vi, said_en = (f"mã '{code}' ở ", f"code '{code}' in ") if code else ("", "")
        if other.file == sub.file and sheets[p] == sheets[position]:
            here.setdefault(code, []).append((f"{row}{hidden}", f"{row}{hidden.en}"))
        elif other.file == sub.file:
            vi.append(f"{said_vi}trang '{sheets[p]}', dòng {row}{hidden} của tệp này")
            en.append(f"{said_en}sheet '{sheets[p]}', row {row}{hidden.en} of this file")
        elif other.hamlet and other.hamlet != other.file:
            vi.append(f"{said_vi}{with_unit(other.hamlet)}, tệp {other.file}, dòng {row}{hidden}")
            en.append(f"{said_en}hamlet {other.hamlet}, file {other.file}, row {row}{hidden.en}")
        else:  # no hamlet told (`check` without the plan names such a list by its file)
            vi.append(f"{said_vi}tệp {other.file}, dòng {row}{hidden}")
            en.append(f"{said_en}file {other.file}, row {row}{hidden.en}")
    for at, (code, rows) in enumerate(sorted(here.items(), key=lambda item: item[0] != "")):
        said_vi, said_en = (f"mã '{code}' ở ", f"code '{code}' at ") if code else ("", "")
        vi.insert(at, f"{said_vi}dòng {', '.join(v for v, _ in rows)} của danh sách này")
        en.insert(at, f"{said_en}row{'s' if len(rows) > 1 else ''} "
                      f"{', '.join(e for _, e in rows)} of this list")  # fmt: skip
    return Message("; ".join(vi), "; ".join(en))


def _hidden_said(sub: Submission, sheet: str, row: int) -> Message:
    """' (đang bị ẩn)' after a row a message names where the list hides it (by hand, or
    ' (đang bị ẩn do bộ lọc)' by its filter; discover._hidden_households), so that the head
    finds it; '' for a row shown."""
    for name, rows, filtered, _ in sub.extra.get("hidden_households", ()):
        if name == sheet and row in rows:
            if filtered:
                return Message(" (đang bị ẩn do bộ lọc)", " (hidden by the filter)")
            return Message(" (đang bị ẩn)", " (hidden)")
    return Message("", "")
