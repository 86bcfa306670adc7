"""Consolidate: one period, one roster per hamlet, validated rows, cross-file checks.

Takes the inspected submissions and the plan; decides each file's fate
(counted, rejected, superseded, other period), validates the counted ones
and returns one commune-wide household table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from pipeline import lazyre
from pipeline.discover import ARCHIVE_SUFFIXES, SHORTCUT_SUFFIXES, web_page_issue
from pipeline.figures import id_key, name_key_text, near_pairs
from pipeline.hamlets import HamletMatcher, known_hamlets, raw_hamlet
from pipeline.messages import Message, RunCommand, in_language
from pipeline.rosterchecks import (
    code_shapes,
    codes_from_start,
    codes_names_years,
    commune_schemes,
    duplicate_id_numbers,
    duplicates_in,
    empty_list_issue,
    far_total_settled,
    file_name_period,
    first_day,
    folder_month,
    future_period_issue,
    header_issues,
    households_twice,
    info_cell,
    info_issues,
    info_written,
    kept_by_start_list,
    left_out_settled,
    listed_as_poor_or_near,
    listed_at_start,
    missing_info_sheet_issue,
    month_written,
    named_for,
    names_another_month,
    newest_first,
    numbered_alike,
    period_differs_issue,
    period_twice_issues,
    period_unread_issue,
    refused_for_start_list,
    rows_refuse,
    rows_refuse_across,
    tables,
    take_plan_year,
    title_periods,
    unread_info,
    validate_rosters,
)
from pipeline.text import (
    PEOPLE_UNIT,
    clean_text,
    column_letter,
    commune_key,
    find_period_in_text,
    fold,
    households_written,
    letters_apart,
    month_ending,
    nfc,
    parse_households,
    same_month,
)
from pipeline.types import FROM_AGE, HOUSEHOLD_COLUMNS, Issue, Plan, Submission
from schemas.columns import PLAN_INFO_LABELS, ROSTER_COLUMNS, ROSTER_INFO_LABELS
from schemas.standards import STANDARDS


class Consolidated:
    """The period's counted and rejected lists. A plain class, not a dataclass (a dataclass's
    methods are compiled at every import): nothing compares or prints one (session 33, #6)."""

    def __init__(
        self,
        period: str | None,
        accepted: dict[str, Submission],
        rejected: dict[str, Submission],
        households: pd.DataFrame,
        issues: list[Issue] | None = None,
    ) -> None:
        self.period = period
        self.accepted = accepted  # hamlet -> the counted submission
        self.rejected = rejected  # hamlet -> the newest submission, rejected
        self.households = households  # HOUSEHOLD_COLUMNS, all rows of accepted submissions
        self.issues: list[Issue] = [] if issues is None else issues
        # the rows of lists refused for every row left out once counted together (a Mã hộ
        # another hamlet writes too: rosterchecks.rows_refuse_across), read only to word those
        # codes (figuresteps.heads; session 53); in no count
        self.refused_rows: pd.DataFrame | None = None
        # the commune's own codes the Mã hộ were read against, where one may be an ID number
        # (rosterchecks.Rows.numbering): the public list's (session 54's review)
        self.numbering: pd.DataFrame | None = None


def _empty_households() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in HOUSEHOLD_COLUMNS})


def choose_period(rosters: list[Submission], requested: str | None) -> str | None:
    if requested:
        return requested
    periods = [s.period for s in rosters if s.period]
    return max(periods) if periods else None


def _identify(
    sub: Submission,
    matcher: HamletMatcher,
    plan: Plan,
    issues: list[Issue],
    codes: KnownCodes,
) -> None:
    """Hamlet and period of a roster; missing or unknown ones reject it."""
    if list_hamlet(sub, matcher, issues, codes):
        return
    if sub.period is None:
        issues.append(period_unread_issue(sub))
        sub.status = "rejected"
        return
    sub.status = "valid"


def list_hamlet(
    sub: Submission, matcher: HamletMatcher, issues: list[Issue], codes: KnownCodes | None
) -> bool:
    """Whose list a roster is: sets ``sub.hamlet`` and returns whether the list is refused for
    it (the issue in ``issues``). A 'Xóm' written (in 'Thông tin', or read from the title) is
    decided by :func:`hamlet_refused`; none read (blank, or showing an error value) is the plan
    hamlet the title or file name names (``hamlet_from``; its own checks warn at the cell),
    else the list is refused (missing-hamlet, or the error value). A run and `giamngheo check`
    with the plan given (pipeline.checkfiles) decide by this one rule. First, a plan hamlet's
    total read as a household is taken out (:func:`hamlet_totals_taken`)."""
    hamlet_totals_taken(sub, matcher, codes)
    if sub.hamlet_raw:
        refused = hamlet_refused(sub, matcher, issues, codes)
        if not refused:
            other_hamlet_sheets(sub, matcher, issues)
        return refused
    sub.hamlet, where = _told_where(sub, matcher)
    if sub.hamlet is None:
        sheet = sub.extra.get("info_sheet")
        sub.extra["hamlet_issue"] = unread_info(sub, "hamlet") or Issue(
            "missing-hamlet",
            file=sub.file,
            sheet=sheet or sub.sheet,
            cell=info_cell(sub, "hamlet") if sheet else "",  # the blank 'Xóm' to fill
            variant="" if sheet else "no-info",
        )
        issues.append(sub.extra["hamlet_issue"])
        sub.status = "rejected"
        return True
    # where the plan's name was found: the title ('DANH SÁCH HỘ NGHÈO NÀ MÒN', 'KHU 4' without
    # 'Xóm') is said as the title, not as a file name naming no hamlet (session 55's review)
    sub.extra["hamlet_from"] = sub.extra.get("hamlet_from", where)
    other_hamlet_sheets(sub, matcher, issues)
    return False


# What the reader keeps of each household table, by sheet (discover._read_roster): a table left
# out takes its entries with it.
_BY_SHEET = ("class_marks", "classes_alone", "formula_cells", "error_cells", "hidden_households",
             "total_counts", "struck_rows", "codes_as_numbers", "unnamed_counts")  # fmt: skip


def other_hamlet_sheets(sub: Submission, matcher: HamletMatcher, issues: list[Issue]) -> None:
    """A further household table of the list's file (another sheet, read as more of the list:
    discover._more_tables) whose title, or else the sheet's name, names another plan hamlet than
    the list's ('Thẩm Rộc' beside 'Pác Cập', two heads' lists in one workbook) is that hamlet's
    list, not more of this one: left out of this hamlet's households and said
    (sheet-of-other-hamlet), not counted for the other hamlet either (its own file is asked
    for). Counted, its households would silently raise this hamlet's figures."""
    found = sub.extra.get("tables") or ()
    if len(found) < 2 or not sub.hamlet:
        return
    titles = sub.extra.get("table_titles", {})
    apart = {}
    for name, _, rows in found[1:]:
        title = titles.get(name, "")
        named = matcher.in_title(title) or matcher.find_in(name)
        if named is not None and named != sub.hamlet:
            apart[name] = named
            issues.append(Issue("sheet-of-other-hamlet", file=sub.file, sheet=name,
                                hamlet=sub.hamlet, instead=named, detail=str(len(rows))))  # fmt: skip
    if not apart:
        return
    sub.extra["tables"] = [table for table in found if table[0] not in apart]
    sub.rows_read = sum(len(rows) for _, _, rows in sub.extra["tables"])
    for key in _BY_SHEET:
        if key in sub.extra:
            sub.extra[key] = [item for item in sub.extra[key] if item[0] not in apart]
    under = sub.extra.get("classes_under")
    if under:
        sub.extra["classes_under"] = {k: v for k, v in under.items() if k not in apart}


def moved_where_listed(
    subs: list[Submission], matcher: HamletMatcher | None, start: pd.DataFrame | None = None
) -> None:
    """The rows of a move-out part that nothing bounds (discover._other_hamlet_rows: 'unclear',
    counted and asked about) whose household the hamlet its title names lists in its own list
    of the same month (``subs``: the lists counted or checked together) are households that
    moved, as the row under the title is: taken out of this list and said with it
    (rows-moved-away), so that neither list's row is refused as a Mã hộ used twice. Matched by
    Mã hộ (figures.id_key), a row without one by its head's name and birth year. The part's
    other rows stay counted and asked about (session 31). Before the lists are checked and
    validated, as if the reader had left the rows out; nothing is done, and nothing imported,
    for lists without such a part. ``matcher``: the plan's hamlets (None: `check` without the
    plan, the names compared as written). ``start``: the plan's start list (None without
    one): a code on it is no household's new code (:func:`_take_moved`). First, with the
    plan, the rows under a title the reader took for the list's own by a part of its name
    (:func:`_named_by_plan`)."""
    if matcher is not None and any("rows_by_reading" in sub.extra for sub in subs):
        _named_by_plan(subs, matcher, start)
    if not any(
        said[1] == "unclear" for sub in subs for said in sub.extra.get("rows_of_other_hamlet", ())
    ):
        return
    from pipeline.discover import hamlet_key

    old_codes = cache(lambda: _start_codes(start))  # read only for a row a new code may hold
    by_hamlet: dict[tuple, list[Submission]] = {}
    for sub in subs:
        if sub.hamlet:
            by_hamlet.setdefault((sub.period, hamlet_key(sub.hamlet)), []).append(sub)
    for sub in subs:
        for said in list(sub.extra.get("rows_of_other_hamlet", ())):
            if said[1] != "unclear":
                continue
            named = (matcher.match_title(said[2]) if matcher is not None else None) or said[2]
            there = [s for s in by_hamlet.get((sub.period, hamlet_key(named)), ()) if s is not sub]
            if there:
                _take_moved(sub, said, _listed_keys(there), old_codes)


def _named_by_plan(
    subs: list[Submission], matcher: HamletMatcher, start: pd.DataFrame | None = None
) -> None:
    """The rows a list kept under a title naming its own hamlet by a part of the name, cut at a
    dash (discover._other_hamlet_rows: 'rows_by_reading'; the reader has no plan), whose whole
    name the plan gives another hamlet (HamletMatcher.match_title: the longest reading the plan
    has): 'Danh sách Xóm Đồng Mỏ – Làng Mới' in the list of 'Đồng Mỏ', where the plan holds
    both. Taken out and said as that hamlet's rows (rows-of-other-hamlet), as the reader takes
    out those under a title naming another hamlet (session 41); so too under a title naming a
    'khu' or, in a village's list, a 'tổ' by its number (session 55), but not the rows there
    whose households the plan's start list (``start``) gives the list's own hamlet, none of
    them the other's: 'Danh sách tổ 2' over Nà Mòn's own households is a group of Nà Mòn's
    where the plan has a hamlet 'Tổ 2' too (kept, nothing said, as before session 55; session
    55's review)."""
    from pipeline.discover import hamlet_key, heading_hamlet, note_codes_taken, unit_by_number

    has = start is not None and {"hamlet", "ma_ho"} <= set(start.columns)
    codes = cache(lambda: _StartCodes(start["hamlet"].tolist(), start["ma_ho"].tolist()))
    for sub in subs:
        for sheet, named, part, text, where in sub.extra.pop("rows_by_reading", ()):
            unit = unit_by_number(named)
            there, named = heading_hamlet(matcher, named, text)
            if there is None or not sub.hamlet or hamlet_key(there) == hamlet_key(sub.hamlet):
                continue
            if unit and has and _own_by_start(sub, sheet, set(part), codes(), there):
                continue
            rows = next(rows for name, _, rows in sub.extra["tables"] if name == sheet)
            note_codes_taken(sub, sheet, rows, part)
            _take_rows(sub, sheet, set(part))
            sub.extra["rows_of_other_hamlet"] = [
                *sub.extra.get("rows_of_other_hamlet", ()),
                (sheet, "title", named, part, text, where),
            ]


def listed_where_named(
    issues: list[Issue], subs: list[Submission], households: pd.DataFrame
) -> None:
    """A list's rows taken out as another hamlet's (rows-of-other-hamlet: under a title naming
    it, or naming it in a 'Xóm' column; session 30) whose households are all on that hamlet's
    own list of the month (``subs``: the lists counted or refused; ``households``: the rows
    counted, by Mã hộ, :func:`figures.id_key`) are counted there: said so, the list's file
    named, and to delete them from this list, not to move them to a new file (variants
    'listed', 'column-listed'; session 55, L). A row without a Mã hộ, or one that list lacks,
    keeps the words as they were: its household is counted nowhere."""
    taken = {sub.file: sub for sub in subs if sub.extra.get("other_hamlet_codes")}
    if not taken or households.empty:
        return
    counted = {sub.hamlet: sub for sub in subs if sub.status != "rejected"}

    @cache
    def codes_of(hamlet: str) -> frozenset[str]:
        there = households[(households["hamlet"] == hamlet) & households["valid"].astype(bool)]
        return frozenset(id_key(c) for c in there["ma_ho"].tolist() if c not in (None, ""))

    for at, issue in enumerate(issues):
        sub = taken.get(issue.file) if issue.code == "rows-of-other-hamlet" else None
        there = counted.get(str(issue.instead)) if sub is not None else None
        if there is None or there is sub:
            continue
        column = issue.variant.startswith("column")
        entry = next(
            (e for e in sub.extra.get("rows_of_other_hamlet", ()) if e[0] == issue.sheet
             and (f"{e[5]}{e[3][0]}" if column else e[5]) == issue.cell),
            None,
        )  # fmt: skip
        if entry is None:
            continue
        codes = [sub.extra["other_hamlet_codes"].get((entry[0], r)) for r in entry[3]]
        if None in codes or not {id_key(c) for c in codes} <= codes_of(there.hamlet):
            continue
        one = issue.variant.endswith("one")
        variant = "-".join(
            w for w in ("column" if column else "", "listed", "one" if one else "") if w
        )
        issues[at] = replace(issue, variant=variant, elsewhere=there.file)


def _own_by_start(
    sub: Submission, sheet: str, part: set[int], codes: Mapping[str, set[str]], there: str
) -> bool:
    """Whether the rows ``part`` (Excel rows) of ``sub``'s table on ``sheet`` hold a household
    the start list (``codes``: :func:`start_codes`) gives ``sub``'s hamlet and none it gives
    ``there``, the hamlet a title over them names (:func:`_named_by_plan`)."""
    own, named = codes.get(sub.hamlet, set()), codes.get(there, set())
    if not own:
        return False
    rows = next(rows for name, _, rows in sub.extra["tables"] if name == sheet)
    keys = _household_keys(sub)[0][sheet][0]
    found = {keys[i] for i, r in enumerate(rows.excel_rows) if r in part and keys[i]}
    return bool(found & own) and not found & named


def hamlet_totals_taken(
    sub: Submission, matcher: HamletMatcher, codes: KnownCodes | None = None
) -> None:
    """The rows of ``sub`` that are a plan hamlet's total (tables.hamlet_totals: 'Cong Na Mon',
    'Tong Na Mon', 'Cộng xóm Bản Cọ' with no Mã hộ, no birth year, no ID number, its numbers
    the sums of the rows; session 55) taken out, as the reader takes out a total, nothing
    said. The reader, knowing no plan, took 'Cộng' or 'Tổng' alone before a name for a head's
    (session 23) and read the row as a household without a code: three errors no head would
    correct (session 54). ``codes``: each plan hamlet's household codes on a list (the start
    list's, else the stored months'), which tell the rows of a hamlet's count writing no figure
    (session 64, D)."""
    from pipeline.tables import (
        count_closes_above,
        count_run_above,
        hamlet_after_total,
        hamlet_counts,
        hamlet_totals,
        holds_figure,
        plainly_a_total,
    )

    for sheet, header, rows in list(tables(sub)):
        totals = hamlet_totals(rows.columns, matcher.match)
        taken = {rows.excel_rows[i] for i in totals}
        # its count of households under 'Mã hộ', bare or with 'hộ' ('Cong Na Mon | 4', read
        # as a household coded 4): taken out too, its count set beside the rows as the head's
        # 'Tổng cộng | 4 hộ' is (discover.total_counts; session 62)
        counted = hamlet_counts(rows.columns, matcher.match)
        if counted:
            counted = _parted_counts(rows, totals, counted, matcher)
        if codes is not None and codes.codes:
            # a count of 1 whose figures are the one row's just above it, a row the codes do
            # not tell the named hamlet's: as well a head coded 1 under a household of his
            # size ('Tổng Bản Cọ | 1 | … | 4' under Nà Mòn's NM3): read, asked at its cells
            # (session 64, D); not where the one row is its whole part, the list's first or
            # just under a hamlet's total, its code no other hamlet's (session 64 review, RD)
            bounds = {*totals, *(c[0] for c in counted)}
            counted = [
                c for c in counted if not _one_row_unsure(rows, c[0], c[2], codes, matcher, bounds)
            ]
        taken.update(rows.excel_rows[i] for i, _, _ in counted)
        if not taken or "tables" not in sub.extra:
            continue
        _take_rows(sub, sheet, taken)
        _part_counts_kept(sub, sheet, max(taken))
        if not counted:
            continue
        names = rows.columns["chu_ho"]
        for i, _, said in counted:
            # a count naming no plan hamlet ('Cong Ban Co | 2 | … | 8' in a plan Bản Cọ is merged
            # away from), taken out: said at its name, for a head Công typed without marks whose
            # people are those rows' by chance reads the same ('Cong Van Minh'; session 66, F)
            # ... not where the store or the plan knows the name (a merged-away hamlet's old
            # total: 'Bản Cọ' in the store's months, 'Nà Mòn (ghép từ Bản Cọ)'; session 66, RF)
            # ... nor where its words can be no head's ('Cộng Bản Cọ', 'Tổng xóm Bản Cọ', 'Cong
            # xom Ban Co': plainly_a_total; session 67, F)
            if hamlet_after_total(names[i], matcher.match) is None and not plainly_a_total(
                names[i]
            ):
                at = rows.excel_rows[i]
                cell = f"{column_letter(header.columns['chu_ho'][0])}{at}"
                part_rows = tuple(rows.excel_rows[i - said : i])
                named = hamlet_after_total(names[i], clean_text)  # 'Van Minh'
                if codes is not None and codes.old is not None and codes.old.knows(named):
                    continue
                sub.extra.setdefault("unnamed_counts", []).append(
                    (sheet, cell, clean_text(names[i]), named, part_rows)
                )
        left = next(r for name, _, r in sub.extra["tables"] if name == sheet)
        read = len(left.excel_rows)
        gone = [v == "exited" for v in left.columns.get("phan_loai") or [None] * read]
        staying = read - sum(gone)
        col = header.columns["ma_ho"][0]
        marks = sorted(taken)  # the hamlets' totals taken out: each closes its part of the list
        for i, written, said in counted:
            at = rows.excel_rows[i]
            # its part: the rows since the hamlet's total above it ('Cong Ban Co | 2' under
            # Bản Cọ's rows after 'Cong Na Mon | 3'), or those under it to the next (a part's
            # total on top of it; the reader passes a first one on top over by itself)
            # (session 63, D)
            since = max((r for r in marks if r < at), default=0)
            upto = min((r for r in marks if r > at), default=at + read + 1)
            above = [k for k, r in enumerate(left.excel_rows) if r < at]
            part = [k for k in above if left.excel_rows[k] > since]
            under = [k for k, r in enumerate(left.excel_rows) if at < r < upto]
            part = part or under
            still = [k for k in part if not gone[k]]
            if said in (len(above), len(part), len(still), len(under)):
                continue  # all above it, its part (its rows not 'Thoát'), or the rows under it
            if count_closes_above(rows.columns, i, said):
                continue  # its figures those of the rows its count names (session 63 review)
            cell = f"{column_letter(col)}{at}"
            # the list's one such total: the rows its figures total just above it, its count
            # mistyped ('Cong Ban Co | 3 | … | 7' under BC1, BC2 of 4 and 3 people ending Nà
            # Mòn's list), are its part; a count alone ('Cong Ban Co | 2' there), the rows just
            # above it whose codes are those of the hamlet it names: right where it counts them,
            # else said beside them (session 64, D)
            # (the figures' run in a list of several such totals too, within its part:
            # session 65, D)
            run = None
            if holds_figure(rows.columns, i):
                start = max((k + 1 for k in range(i) if rows.excel_rows[k] in taken), default=0)
                run = count_run_above(rows.columns, i, start)
            elif len(marks) == 1 and codes is not None:
                name = hamlet_after_total(rows.columns["chu_ho"][i], matcher.match)
                run = _coded_above(left, above, codes.codes, name) if name else None
                if run == said:
                    continue
            if run and run < (len(above) if len(marks) == 1 else len(part)):
                part = above[len(above) - run :]
                still = [k for k in part if not gone[k]]
            elif len(marks) == 1:
                # the list's one hamlet's total: all, those not 'Thoát', else said
                # (rosterchecks)
                sub.extra.setdefault("total_counts", []).append(
                    (sheet, cell, written, said, read, staying)
                )
                continue
            # a part's total among others: said beside its part's rows (rosterchecks,
            # variant 'section'; session 63, D)
            label = clean_text(rows.columns["chu_ho"][i])
            part_rows = tuple(left.excel_rows[k] for k in part)
            sub.extra.setdefault("total_counts", []).append(
                (sheet, cell, written, said, len(part), len(still), part_rows, label)
            )


def _part_counts_kept(sub: Submission, sheet: str, last: int) -> None:
    """The head's count written in a hamlet's total under the list's last part ('Cộng xóm Bản
    Cọ: 2 hộ' under BC1, BC2 after Nà Mòn's 'Cong Na Mon | 3', Bản Cọ merged away: its old
    total), read by discover.total_counts against the whole list: set beside the rows since
    the hamlet's total taken above it (Excel row ``last``), nothing said where it counts them,
    all or those not 'Thoát'; a total naming no hamlet ('Tổng cộng: 2 hộ', 'Cộng toàn xóm')
    as before (session 67, RF)."""
    found = sub.extra.get("total_counts")
    if not found:
        return
    left = next(r for name, _, r in sub.extra["tables"] if name == sheet)
    classes = left.columns.get("phan_loai") or [None] * len(left.excel_rows)
    kept = []
    for entry in found:
        if entry[0] == sheet and len(entry) == 6 and _names_a_part(entry[2]):
            at = int(entry[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
            part = [k for k, r in enumerate(left.excel_rows) if last < r < at]
            still = [k for k in part if classes[k] != "exited"]
            if part and entry[3] in (len(part), len(still)):
                continue
        kept.append(entry)
    sub.extra["total_counts"] = kept


def _names_a_part(label: str) -> bool:
    """Whether a total's words name a hamlet after them ('Cộng xóm Bản Cọ: 2 hộ', 'Tổng số
    thôn Bản Cọ'), not the whole list ('Tổng cộng: 5 hộ', 'Cộng xóm: 5 hộ', 'Cộng toàn xóm')."""
    words = [w for w in _PART_SPLIT.split(fold(label)) if w]
    while words and words[0] in ("cong", "tong", "so"):
        words.pop(0)
    return len(words) > 1 and words[0] in ("xom", "thon") and not words[1][:1].isdigit()


_PART_SPLIT = lazyre.compile(r"[\s:.,;()\-\u2013]+")


def _parted_counts(rows, totals: list[int], counted: list, matcher: HamletMatcher) -> list:
    """``counted`` (tables.hamlet_counts: index, count as written, count) of a table's ``rows``,
    less each count naming no plan hamlet whose rows are no part of the list. Such a count
    ('Cong Ban Co | 2 | … | 8' in a plan Bản Cọ is merged away from; session 64, D) is a
    total where the rows its count and figures name are bounded above by a hamlet's total or
    count (``totals``, ``counted``), by a row the reader did not read as a household (a total
    it took out itself, 'Cộng xóm Nà Mòn'; a heading; a blank line), or by the list's top in
    a list a plan hamlet's total or count parts. Else its figures are as well a head's: 'Tong
    Van Minh | 3 | … | 12' (Tống, typed without marks) under a list's first three rows of 12
    people, read and asked at its cells (session 65, D)."""
    from pipeline.tables import hamlet_after_total

    names = rows.columns["chu_ho"]
    unnamed = {i for i, _, _ in counted if hamlet_after_total(names[i], matcher.match) is None}
    if not unnamed:
        return counted
    bounds = {*totals, *(i for i, _, _ in counted)}
    parted = bool(totals) or len(unnamed) < len(counted)
    at = rows.excel_rows

    def a_part(first: int) -> bool:
        if first <= 0:
            return first == 0 and parted
        return first - 1 in bounds or at[first] - at[first - 1] > 1

    return [c for c in counted if c[0] not in unnamed or a_part(c[0] - c[2])]


def _one_row_unsure(
    rows, i: int, said: int, codes: KnownCodes, matcher: HamletMatcher, bounds: Collection[int]
) -> bool:
    """Whether row ``i`` of ``rows`` (a table's rows read), a hamlet's count of ``said``
    households (tables.hamlet_counts), counts 1 and holds figures that are the one row's just
    above it, a row whose Mã hộ ``codes`` (each plan hamlet's) do not give the hamlet it names
    (another's, a new household's, none): nothing tells it from a head's row coded 1 whose
    household is the size of the one above (session 64, D). A row of a new household or none
    that is the count's whole part (the list's first row, or just under one of ``bounds``, the
    rows of a hamlet's total or count) is sure: its count is its part's, as a hamlet's list
    of one new household closed by 'Cong Na Mon | 1 | … | 4' (session 64 review, RD)."""
    from pipeline.tables import count_closes_above, hamlet_after_total

    if said != 1 or not count_closes_above(rows.columns, i, 1):
        return False
    name = hamlet_after_total(rows.columns["chu_ho"][i], matcher.match)
    own = codes.codes.get(name) if name is not None else None
    code = (rows.columns.get("ma_ho") or [None] * i)[i - 1]
    key = id_key(code) if code not in (None, "") else None
    if own and key is not None and key in own:
        return False
    # its whole part: the list's first row, just under a hamlet's total or count, or under a
    # row the reader did not read as a household (a total it took out itself, 'Cộng xóm Nà
    # Mòn' with its marks; a heading; a blank line: session 65, D): sure unless another
    # hamlet's code
    if i - 1 == 0 or i - 2 in bounds or rows.excel_rows[i - 1] - rows.excel_rows[i - 2] > 1:
        return key is not None and any(key in c for c in codes.codes.values())
    return True


def _coded_above(
    rows, above: list[int], codes: Mapping[str, Collection[str]], hamlet: str
) -> int | None:
    """How many of the rows ``above`` (indexes into ``rows``, a table's rows read, in order),
    from the last up, write one of ``hamlet``'s ``codes`` (each plan hamlet's ``id_key``s) as
    their Mã hộ, where the row above them writes another hamlet's (the part of the list that
    is ``hamlet``'s, bounded), with the rows among or under them whose code no hamlet has (a
    household new this year, theirs: session 65, D); None where no row is, or the rows reach
    the list's top, a row without a code, or a new code just under another hamlet's rows
    (either's)."""
    own = codes.get(hamlet)
    if not own:
        return None
    written = rows.columns.get("ma_ho") or ()
    found = new = 0  # the rows of ``hamlet``'s codes, and new codes under one of them or more
    for k in reversed(above):
        code = written[k] if k < len(written) else None
        key = id_key(code) if code not in (None, "") else None
        if key is not None and key in own:
            found += 1 + new
            new = 0
            continue
        if found and key is not None and any(key in c for h, c in codes.items() if h != hamlet):
            return None if new else found
        if key is not None and not any(key in c for c in codes.values()):
            # a code no hamlet has (new this year) among or under the hamlet's own rows is
            # theirs, a row of the hamlet's codes above it (session 65, D); one just under
            # another hamlet's rows could be either's: tells nothing
            new += 1
            continue
        return None
    return None


def _start_codes(start: pd.DataFrame | None) -> frozenset[str]:
    """The Mã hộ keys of the plan's start list ``start`` (none without one)."""
    if start is None or "ma_ho" not in start.columns:
        return frozenset()
    return frozenset(id_key(code) for code in start["ma_ho"].tolist() if code not in (None, ""))


def _household_keys(sub: Submission) -> tuple[dict[str, tuple[list, list]], set[str]]:
    """Per sheet of ``sub``'s household tables, the Mã hộ key of each row ('' without one) and
    its head's name and birth year key (the hamlet left out; None without both), the year read
    as validate reads it (rosterchecks.codes_names_years: in a list written in ages, an age is
    the list's year less it); and the name keys whose year was read from an age."""
    read = iter(codes_names_years(sub))
    found, aged = {}, set()
    for sheet, _, rows in tables(sub):
        size = max((len(values) for values in rows.columns.values()), default=0)
        codes, names = [], []
        for _, (code, name, born, from_age) in zip(range(size), read, strict=False):
            codes.append(id_key(code) if code not in (None, "") else "")
            key = name_key_text("", name, born) if born.__class__ is int else None
            names.append(key)
            if from_age and key is not None:
                aged.add(key)
        found[sheet] = (codes, names)
    return found, aged


def _listed_keys(
    subs: list[Submission],
) -> tuple[set[str], dict[str, int], set[str], dict[str, str]]:
    """The Mã hộ keys of the rows ``subs`` read, their head's name and birth year keys with
    how many rows hold each, the name keys whose year was read from an age, and the name keys
    of the rows with a Mã hộ (name key -> the first such row's Mã hộ key)."""
    codes, names, aged, coded = set(), {}, set(), {}
    for sub in subs:
        found, from_age = _household_keys(sub)
        aged |= from_age
        for sheet_codes, sheet_names in found.values():
            codes.update(sheet_codes)
            for code, name in zip(sheet_codes, sheet_names, strict=True):
                if name is not None:
                    names[name] = names.get(name, 0) + 1
                    if code:
                        coded.setdefault(name, code)
    codes.discard("")
    return codes, names, aged, coded


def _take_moved(
    sub: Submission, said: tuple, listed: tuple, old_codes: Callable[[], frozenset[str]] = frozenset
) -> None:
    """The rows of ``sub``'s unclear part ``said`` whose household ``listed`` holds taken out
    of its table and said with the part's first row (:func:`moved_where_listed`). A row
    without a Mã hộ is the one row ``listed`` holds under its head's name and birth year, or,
    where either year was read from an age and none is exact, the one a year off
    (figures.near_pairs, session 32). A row whose Mã hộ ``listed`` lacks is the one row there
    with a Mã hộ under its head's name and birth year (exactly): the household written there
    under a new code, handed to the run as said moved (``moved_to``; moves.said_moved_out_recoded
    checks the code there is new, session 32); not one whose code there is on the plan's start
    list (``old_codes``: its Mã hộ keys), another household whose head is written alike
    (session 32 review)."""
    sheet, _, _, part, _, where = said
    rows = next(rows for name, _, rows in sub.extra["tables"] if name == sheet)
    keys, aged = _household_keys(sub)
    codes, names = keys[sheet]
    codes_there, names_there, aged_there, coded_there = listed
    position = {r: i for i, r in enumerate(rows.excel_rows)}
    moved, by_name, recoded = set(), {}, []
    for r in part:
        code, head = codes[position[r]], names[position[r]]
        if code:
            if code in codes_there:
                moved.add(r)
            elif (
                head in coded_there
                and names_there.get(head) == 1
                and coded_there[head] not in old_codes()
            ):
                # the one row there under its head's name and year, with a code of its own: the
                # household written there under a new Mã hộ (moves.said_moved_out_recoded,
                # session 32)
                moved.add(r)
                recoded.append(r)
        elif head is not None and names_there.get(head) == 1:
            moved.add(r)
        elif head is not None and head not in names_there:
            by_name[r] = head
    if by_name:  # a year read from an age may be one off: one row with one, none exact
        exact = {names[position[r]] for r in moved}
        spare = {head: head for head, n in names_there.items() if n == 1 and head not in exact}
        moved.update(near_pairs(by_name, spare, aged | aged_there))
    if not moved:
        return
    if recoded:  # said moved as a row under a move-out title is: the run finds it there
        sub.extra["moved_to"] = [
            *sub.extra.get("moved_to", ()),
            *_said_moved(rows, sheet, said[2], recoded),
        ]
    _take_rows(sub, sheet, moved)
    kept = []
    for entry in sub.extra["rows_of_other_hamlet"]:
        if entry is said:
            left = [r for r in part if r not in moved]
            if left:
                kept.append((*entry[:3], left, *entry[4:]))
        elif entry[0] == sheet and entry[1] == "out" and entry[5] == where:
            kept.append((*entry[:3], sorted([*entry[3], *moved]), *entry[4:]))
        else:
            kept.append(entry)
    sub.extra["rows_of_other_hamlet"] = kept


def _take_rows(sub: Submission, sheet: str, taken: set[int]) -> None:
    """The rows ``taken`` (Excel rows) of ``sub``'s table on ``sheet`` taken out, as if the
    reader had left them out: the table, the rows read, and what the reader noted at them
    (marks, formulas, errors, hidden and struck rows, the rows beside the head's 'Tổng
    cộng')."""
    from pipeline.discover import without_rows

    tables = sub.extra["tables"]
    at = next(i for i, (name, _, _) in enumerate(tables) if name == sheet)
    name, header, rows = tables[at]
    position = {r: i for i, r in enumerate(rows.excel_rows)}
    classes = rows.columns.get("phan_loai") or ()
    exited = sum(1 for r in taken if classes and classes[position[r]] == "exited")
    tables[at] = (name, header, without_rows(rows, taken))
    sub.rows_read -= len(taken)
    # (sheet, Excel row, …)
    for key in ("class_marks", "formula_cells", "error_cells", "codes_as_numbers"):
        if key in sub.extra:
            sub.extra[key] = [i for i in sub.extra[key] if i[0] != sheet or i[1] not in taken]
    for key in ("hidden_households", "struck_rows"):  # (sheet, Excel rows, …)
        if key in sub.extra:
            found = [(i[0], [r for r in i[1] if r not in taken], *i[2:]) for i in sub.extra[key]]
            sub.extra[key] = [i for i in found if i[1] or i[0] != sheet]
    if "total_counts" in sub.extra:  # the rows read beside the head's 'Tổng cộng': fewer now
        # (a part's total, its rows beside it: its part as written, session 63)
        sub.extra["total_counts"] = [
            (*i[:4], i[4] - len(taken), i[5] - len(taken) + exited)
            if i[0] == sheet and len(i) == 6
            else i
            for i in sub.extra["total_counts"]
        ]


def _said_moved(rows, sheet: str, named: str, excel_rows: list[int]) -> list[tuple]:
    """discover._moved_to's entries for ``excel_rows`` of ``rows`` (poor or near-poor)."""
    from pipeline import vocab

    position = {r: i for i, r in enumerate(rows.excel_rows)}
    column = lambda key: rows.columns.get(key) or [None] * len(rows.excel_rows)  # noqa: E731
    codes, classes, heads, births = (
        column(k) for k in ("ma_ho", "phan_loai", "chu_ho", "nam_sinh")
    )
    found = []
    for r in excel_rows:
        i = position[r]
        status = (
            classes[i] if classes[i] in ("poor", "near_poor") else vocab.classification(classes[i])
        )
        if status in ("poor", "near_poor"):
            found.append((named, codes[i], status, sheet, r, heads[i], births[i]))
    return found


def hamlet_refused(
    sub: Submission, matcher: HamletMatcher, issues: list[Issue], codes: KnownCodes | None
) -> bool:
    """The hamlet of a roster whose 'Xóm' is written (in 'Thông tin', or read from its title):
    sets ``sub.hamlet`` and says why the file is refused, if it is: a hamlet not in the plan
    (`unknown-hamlet`), or a title or file name naming another hamlet (:func:`named_elsewhere`).
    Returns whether it was refused. A run (:func:`consolidate`) and `giamngheo check` with the
    plan given (pipeline.checkfiles) decide by this one rule.

    A 'Xóm' cell naming no plan hamlet decides whose the refused file is: the written hamlet's
    (``sub.hamlet`` None; its issues name it as written), not a plan hamlet the title or the
    file name names, which is said in the message instead ('Khuổi Đắc' in the cell of a copy of
    Đồng Kè's file, its title left 'XÓM ĐỒNG KÈ': Đồng Kè, whose own list is fine, is not sent
    a correction for a file it never sent). Only a cell that is that hamlet written otherwise
    (``HamletMatcher.written_for``: 'Đông Khê', 'Bản Cọ Mới' for 'Đồng Kè', 'Bản Cọ') makes it
    that hamlet's refused file, so that its head is told (docs/decisions.md, session 12)."""
    sub.hamlet = raw_hamlet(sub, matcher)
    told, where = (None, "") if sub.hamlet else _told_where(sub, matcher)
    titled = sub.extra.get("hamlet_from") == "title"  # read over its dashes (session 40)
    if sub.hamlet is None and titled:
        # What follows "XÓM" in a title may run on into other words: a plan hamlet
        # anywhere in the title, then in the file name.
        sub.hamlet = told
    if sub.hamlet is None:
        # Refused, but whose it is may still show in the title or the file name when the cell
        # is a slip for that hamlet: it is then told it sent a file that was refused, not
        # chased as if it sent nothing.
        mine = told is not None and matcher.written_for(sub.hamlet_raw, told)
        sub.hamlet = told if mine else None
        by_codes = hamlet_of_codes(sub, codes)
        if by_codes is not None and told in (None, by_codes[0]):
            # the refused file may yet be that hamlet's (refused_by_codes), nothing saying
            # otherwise
            sub.extra["codes_hamlet"] = by_codes
        cell = info_cell(sub, "hamlet")
        sub.extra["hamlet_issue"] = Issue(
            "unknown-hamlet",
            file=sub.file,
            sheet=sub.extra.get("info_sheet") or sub.sheet,
            cell=cell,
            # the label beside the cell; none for a name read from the title
            column=ROSTER_INFO_LABELS["hamlet"][0] if cell else "",
            value=sub.hamlet_raw,
            hamlet=sub.hamlet or sub.hamlet_raw,
            detail=known_hamlets(matcher, sub.hamlet_raw, None if mine else told, where, titled),
        )
        if (hidden := matcher.hidden_row(sub.hamlet_raw, titled)) is not None:
            # a hamlet whose plan row is hidden: said so, not "add it to the plan"
            sub.extra["hamlet_issue"] = replace(
                sub.extra["hamlet_issue"], variant="hidden",
                detail=Message(f"dòng {hidden[1]}", f"row {hidden[1]}"),
            )  # fmt: skip
        issues.append(sub.extra["hamlet_issue"])
        sub.status = "rejected"
        return True
    if titled:
        return _title_copied(sub, matcher, issues, codes)
    return sub.extra.get("hamlet_from") is None and named_elsewhere(sub, matcher, issues, codes)


def _title_copied(
    sub: Submission, matcher: HamletMatcher, issues: list[Issue], codes: KnownCodes | None
) -> bool:
    """A roster without a 'Xóm' cell, its hamlet read from its title, whose file name names
    another plan hamlet and whose household codes are that hamlet's (:func:`_whose_codes`): a
    neighbour's list copied, its title left, filled in with this hamlet's households. Refused
    as the file name's hamlet's file (`hamlet-codes-of-file-name`, variant 'title-only', at the
    title's cell), as :func:`named_elsewhere` refuses one with a 'Xóm' cell; counted for the
    title's hamlet, it would stand for that hamlet's own list (session 49). The codes must be
    nearly all that hamlet's (:func:`_codes_nearly_all_of`): 'DS_NaMon_T5.xlsx', Nà Mòn 2's own
    list holding two households moved in from Nà Mòn and one of its start list's, is Nà Mòn
    2's. Without such codes the title decides, as before. Returns whether the file was
    refused."""
    in_name = _in_file_name(sub, matcher)
    if in_name is None or in_name == sub.hamlet or codes is None:
        return False
    if not _codes_nearly_all_of(sub, codes, in_name):
        return False
    refused = Issue(
        "hamlet-codes-of-file-name", file=sub.file, sheet=sub.sheet,
        cell=sub.extra.get("title_hamlet_cell", ""), value=sub.hamlet, hamlet=in_name,
        detail=codes.named, variant="title-only",
    )  # fmt: skip
    sub.hamlet = in_name
    sub.extra["hamlet_issue"] = refused
    issues.append(refused)
    sub.status = "rejected"
    return True


# The list a message names when it is the plan's start-of-year list (CONTRACT §3).
START_LIST_NAMED = Message("danh sách đầu năm", "the start-of-year list")


def lists_named(months: list[str]) -> Message:
    """Stored months' lists ('YYYY-MM'), as a message names them: 'danh sách tháng 4/2024';
    several, 'danh sách các tháng 4/2024–5/2024' when they follow one another, else 'danh sách
    các tháng 1/2024, 3/2024'."""
    if not months:
        return START_LIST_NAMED
    months = sorted(months)
    vi = [f"{int(m[5:7])}/{m[:4]}" for m in months]
    en = [month_written(m) for m in months]
    if len(months) == 1:
        return Message(f"danh sách tháng {vi[0]}", f"the list of {en[0]}")
    index = [int(m[:4]) * 12 + int(m[5:7]) for m in months]
    if index[-1] - index[0] == len(index) - 1:  # one after another
        return Message(f"danh sách các tháng {vi[0]}–{vi[-1]}", f"the lists of {en[0]}–{en[-1]}")
    return Message(f"danh sách các tháng {', '.join(vi)}", f"the lists of {', '.join(en)}")


class KnownCodes(NamedTuple):
    """Each plan hamlet's household codes on a list (matched as ``id_key``), to tell whose list
    a file's codes are, and that list as the message refusing a file names it. ``names``: the
    start-of-year list's households by head's name and birth year (:class:`StartNames`), to
    tell whose a list writing nearly no code is; None without a start list. ``months``: when
    the codes are the stored months' (no start list), those of the months but one (a month
    run again is not judged by its last run): lists' cells as the officer's runs took them, no
    evidence of their own against this month's (:func:`_swapped` warns on them, never
    refuses: session 52)."""

    codes: Mapping[str, set[str]]
    named: Message
    names: StartNames | None = None
    stored: StoredCodes | None = None
    months: Callable[[str], KnownCodes] | None = None
    # the hamlets the plan's notes and the store know besides the plan's (:class:`OldNames`)
    old: OldNames | None = None


class StartNames:
    """Each plan hamlet's households on the start-of-year list by (head's name, birth year): the
    key text of figures.name_key_text without a hamlet (a list sent apart writes its old
    hamlet's name). Worked out when first asked: a province's start list is 300,000 names to
    fold, and only a refused list writing nearly no Mã hộ asks."""

    def __init__(self, start: pd.DataFrame):
        self._start = start
        self._names: dict[str, set[str]] | None = None
        # the key texts whose year was read from an age (validate: FROM_AGE), a year off perhaps
        self.aged: set[str] = set()

    def __call__(self) -> dict[str, set[str]]:
        if self._names is None:
            start = self._start
            self._names = {}
            aged = (
                start[FROM_AGE].to_numpy(dtype=bool, na_value=False)
                if FROM_AGE in start.columns
                else np.zeros(len(start), dtype=bool)
            )
            for hamlet, name, birth, from_age in zip(
                start["hamlet"].tolist(), start["chu_ho"].tolist(), start["nam_sinh"].tolist(),
                aged.tolist(), strict=True,
            ):  # fmt: skip
                key = name_key_text("", name, birth)
                if key is not None:
                    self._names.setdefault(hamlet, set()).add(key)
                    if from_age:
                        self.aged.add(key)
        return self._names


class StoredCodes:
    """The household codes of the plan year's months stored in a history (a
    history.HistoryStore) under each hamlet the plan no longer has (merged into another, or
    renamed; for a hamlet none of them keeps, those of last year's months), as the plan hamlet
    it went to has them (the plan's merger as it stands, by the rule the refusal's words and
    the figures tell it by, renames.merged_by_start_list, into a hamlet that stood beside it in
    its own months: session 49), and the months as a message names their lists. An old
    hamlet's list sent apart whose codes are mostly new this year, or new last year and off the
    start list, is the merged hamlet's by them (docs/decisions.md, sessions 47 and 48).
    Read when first asked, once: only a list refused for a hamlet the plan lacks, its codes
    telling no hamlet on the start list, asks. A store that cannot be read gives none (a run
    stops on it where it reads the months; `check` reads the files without it)."""

    def __init__(self, plan: Plan, history):
        self._plan, self._history = plan, history
        self._codes: tuple[dict[str, set[str]], list[str]] | None = None
        self._last: dict[str, set[str]] | None = None

    def __call__(self) -> tuple[dict[str, set[str]], list[str]]:
        if self._codes is None:
            import sqlite3

            from pipeline.history import HistoryError
            from pipeline.renames import merged_by_start_list

            year, in_plan = self._plan.plan_year, set(self._plan.hamlets["hamlet"].tolist())
            codes: dict[str, set[str]] = {}
            try:
                of_year = self._history.codes_of_year(year)[0]
                stored = {h: found for h, found in of_year.items() if h not in in_plan}
                # a hamlet no month of the year keeps (gone at the year's turn or last year; a
                # list apart is stored under the merged hamlet): last year's months, whose
                # households new then the start list may lack (session 48); read only when last
                # year's months had such a hamlet, told by their figures (issue #6)
                before = self._history.codes_of_year(year - 1)[0] if (
                    self._history.hamlets_of_year(year - 1) - in_plan - stored.keys()
                ) else {}  # fmt: skip
                last = {h: found for h, found in before.items()
                        if h not in in_plan and h not in stored}  # fmt: skip
                gone = {**stored, **last}
                # the merger as the refusal's words tell it (renames._joined_by_history), into a
                # hamlet that stood beside it in its own months: half of a hamlet's households may
                # be new this year (session 47), or more, and say nothing of it (session 49); not
                # a hamlet of a later month, nor of this month's last run (a rename: session 49's
                # review)
                into = {}
                for olds, of in ((stored, year), (last, year - 1)):
                    if olds:
                        into.update(merged_by_start_list(
                            {hamlet: {"id|" + code for code in olds[hamlet]} for hamlet in olds},
                            in_plan, self._plan.start_list,
                            self._history.hamlets_beside(of, sorted(olds)),
                        ))  # fmt: skip
                olds = sorted(into)
                for hamlet in olds:
                    codes.setdefault(into[hamlet], set()).update(gone[hamlet])
                # the months of those hamlets' lists alone: a month run again names what its
                # first run named (the list apart is stored under the merged hamlet)
                months = self._history.months_of_hamlets(
                    year - 1, [hamlet for hamlet in olds if hamlet in last]
                ) + self._history.months_of_hamlets(year, [h for h in olds if h in stored])
            except (HistoryError, sqlite3.Error):
                codes, months = {}, []
            self._codes = (codes, months)
        return self._codes

    def last_year(self) -> dict[str, set[str]]:
        """Each plan hamlet's household codes on last year's stored lists (by its name in the
        plan), read once: a ring of lists whose codes the start list gives to each other's
        hamlets but last year's lists to their own is written in last year's codes, renumbered
        by the start list (:func:`_swapped`, variant 'renumbered'; session 53). None stored, or
        a store that cannot be read: none."""
        if self._last is None:
            import sqlite3

            from pipeline.history import HistoryError

            matcher = HamletMatcher(self._plan.hamlet_names, self._plan.hidden_hamlets)
            self._last = {}
            try:
                stored = self._history.codes_of_year(self._plan.plan_year - 1)[0]
            except (HistoryError, sqlite3.Error):
                stored = {}
            for hamlet, found in stored.items():
                name = matcher.match(hamlet)
                if name is not None:
                    self._last.setdefault(name, set()).update(found)
        return self._last


class OldNames:
    """The hamlets known besides the plan's: a hidden row of the plan, a name in brackets after
    a plan hamlet's ('Nà Mòn (ghép từ Bản Cọ)'), and those of the store's months of the plan
    year and the year before (``history``, a history.HistoryStore, or None): whether a hamlet's
    count naming no plan hamlet names one (a merged-away hamlet's, nothing to say) or nothing
    known (a head typed without marks, said: :func:`hamlet_totals_taken`; session 66, RF).
    Read when first asked, once: only such a count asks; a store that cannot be read gives
    none."""

    def __init__(self, plan: Plan, history=None):
        self._plan, self._history = plan, history
        self._matcher: HamletMatcher | None = None

    def knows(self, written: str) -> bool:
        """Whether ``written`` (the name after a total's words) is such a hamlet."""
        if self._matcher is None:
            import sqlite3

            from pipeline.history import HistoryError

            names = set(self._plan.hidden_hamlets)
            for name in self._plan.hamlet_names:
                for note in _NOTE.findall(nfc(name)):
                    names.update(_NOTE_WORDS.sub("", fold(n)) for n in _NOTE_NAMES.split(note))
            if self._history is not None:
                year = self._plan.plan_year
                try:
                    names |= self._history.hamlets_of_year(year)
                    names |= self._history.hamlets_of_year(year - 1)
                except (HistoryError, sqlite3.Error):
                    pass
            self._matcher = HamletMatcher(sorted(n.strip() for n in names if n.strip()))
        return self._matcher.match(written) is not None


# a plan hamlet's note in brackets, what parts the old names it gives (',', 'và', ':') and
# the words before each, folded ('ghép từ', 'sáp nhập', 'trước đây', 'cũ'; OldNames)
_NOTE = lazyre.compile(r"\(([^()]*)\)")
_NOTE_WORDS = lazyre.compile(
    r"^\s*(?:(?:ghep|gop|sap nhap|nhap|hop nhat|truoc day|ten cu|cu|tu|la|voi|xom|thon)\b[\s:]*)+"
)
_NOTE_NAMES = lazyre.compile(r"(?i)\s*(?:[,;+&:]|\b(?:và|va)\b)\s*")


def hamlet_codes(plan: Plan, history=None) -> KnownCodes:
    """The codes that tell whose list a file is (:func:`named_elsewhere`): the plan's
    start-of-year list's (and, with ``history``, when these tell nothing, those its months of
    the plan year stored under a hamlet the plan merged: :class:`StoredCodes`); without one,
    those of the plan year's months stored in ``history`` (a history.HistoryStore, or None),
    named by their months."""
    if history is not None and (plan.start_list is None or plan.start_list.empty):
        known, months = _months_codes(plan, history)
        if known.codes:
            # (a month not stored yet is none of them: read again only for a month run again)
            return known._replace(old=OldNames(plan, history), months=lambda period: (
                known if period not in months else _months_codes(plan, history, period)[0]
            ))  # fmt: skip
    start = plan.start_list
    names = None if start is None or start.empty else StartNames(start)
    # made lazily (both): asked only when a list's hamlet is in doubt (hamlet_of_codes asks
    # ``stored`` only of start codes there are)
    stored = None if history is None or names is None else StoredCodes(plan, history)
    return KnownCodes(
        start_codes(plan), START_LIST_NAMED, names, stored, old=OldNames(plan, history)
    )


def _months_codes(plan: Plan, history, without: str = "") -> tuple[KnownCodes, list[str]]:
    """The codes of the plan year's months stored in ``history`` but ``without`` (a month), as
    :func:`hamlet_codes` gives them (none when no month has a plan hamlet's), and the months."""
    stored, months = history.codes_of_year(plan.plan_year, without)
    # Only the plan's hamlets (by their name in the plan): a hamlet since taken out of the
    # plan is no hamlet a list can be told to name itself as.
    matcher = HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)
    codes: dict[str, set[str]] = {}
    for hamlet, found in stored.items():
        name = matcher.match(hamlet)
        if name is not None:
            codes.setdefault(name, set()).update(found)
    if not (months and codes):
        return KnownCodes({}, START_LIST_NAMED), months
    named = lists_named(months)
    said = Message(f"{named} đã tổng hợp", f"{named.en} already consolidated")
    return KnownCodes(codes, said), months


# How many of a list's household codes found on some plan hamlet's list must be one hamlet's for
# a list whose 'Xóm' names no plan hamlet to be that hamlet's refused file
# (:func:`refused_by_codes`): nearly all (a household that moved in keeps its old hamlet's
# code). They must also be more than half of all its codes (a new household's code is on no
# list yet).
NEARLY_ALL = 0.8

# The template's 'Mã hộ' header: the column a list written in last year's codes writes again
MA_HO_HEADER = next(column.header for column in ROSTER_COLUMNS if column.key == "ma_ho")


def list_codes(sub: Submission) -> set[str]:
    """The household codes a roster lists (matched as ``id_key``), those typed as numbers too."""
    return {id_key(v) for _, _, rows in tables(sub) for v in rows.columns.get("ma_ho", ())
            if (isinstance(v, str) and v.strip()) or _whole_number(v)}  # fmt: skip


def _whole_number(value) -> bool:
    """A code typed as a number (1001, read as 1001.0 or 1001): Excel's, of '001001'."""
    kind = value.__class__
    return kind is int or (kind is float and value.is_integer())


def hamlet_of_codes(sub: Submission, codes: KnownCodes | None) -> tuple | None:
    """The one plan hamlet a roster's household codes tell it is of: of its codes on some plan
    hamlet's list in ``codes``, nearly all (:data:`NEARLY_ALL`) that hamlet's, and these more
    than half of the list's codes. Returns (hamlet, its codes on the list, the list's codes,
    the list ``codes`` are of as a message names it, 'codes'); None when the codes are on no
    hamlet's list, or mixed, or too few are the hamlet's. A list writing a Mã hộ in fewer than
    half of its households is told by their names instead (:func:`_hamlet_of_names`, ending
    'names')."""
    if not codes or not codes.codes:
        return None
    found = list_codes(sub)
    one = one_hamlet(found, codes.codes)
    if one is not None:
        return *one, len(found), codes.named, "codes"
    if codes.stored is not None and found:
        # codes new this year, stored under the hamlet the plan merged (session 47)
        more, months = codes.stored()
        if more:
            joined = {h: codes.codes.get(h, set()) | more.get(h, set())
                      for h in codes.codes.keys() | more.keys()}  # fmt: skip
            one = one_hamlet(found, joined)
            if one is not None:
                named = lists_named(months)
                return (
                    *one,
                    len(found),
                    Message(
                        f"{codes.named} và {named} đã tổng hợp",
                        f"{codes.named.en} and {named.en} already consolidated",
                    ),
                    "codes",
                )
    return _hamlet_of_names(sub, codes, found)


def one_hamlet(found: set[str], codes: dict[str, set[str]]) -> tuple[str, int] | None:
    """The one hamlet of ``codes`` (hamlet -> its codes on a list) whose codes are nearly all
    (:data:`NEARLY_ALL`) of ``found`` that are on some hamlet's, and more than half of
    ``found``; and how many of ``found`` it holds. None otherwise."""
    holding = {h: len(found & known) for h, known in codes.items() if found & known}
    if holding:
        hamlet = max(holding, key=holding.get)
        count = holding[hamlet]
        if count >= NEARLY_ALL * sum(holding.values()) and 2 * count > len(found):
            return hamlet, count
    return None


# How many households of a list writing nearly no Mã hộ must be one hamlet's start households
# by name and birth year for the list to be that hamlet's (:func:`_hamlet_of_names`), besides
# more than half of them: three, or every one of a list of one or two. A list of another
# hamlet sharing one or two heads' names and years with the start list is not taken.
NAMES_AT_LEAST = 3


def _hamlet_of_names(sub: Submission, codes: KnownCodes, found: set[str]) -> tuple | None:
    """The one plan hamlet a roster is of by its households' names, when more than half of
    them write no Mã hộ (a head's name with no code): of its households on some hamlet's
    start-of-year list (a code, or else the head's name and birth year: ``codes.names``),
    nearly all (:data:`NEARLY_ALL`) that hamlet's, and these more than half of the list's
    households and at least :data:`NAMES_AT_LEAST` (all of a smaller list). Returns as
    :func:`hamlet_of_codes` does, ending 'names'; None otherwise."""
    if codes.names is None:
        return None
    nameless, aged = _names_read(sub, without_code=True)
    listed = len(found) + len(nameless)
    if not nameless or 2 * len(nameless) <= listed:
        return None  # most households have a code: the codes tell, or nothing does
    holding = {}
    for hamlet, names in codes.names().items():
        count = len(nameless & names) + len(found & codes.codes.get(hamlet, set()))
        if aged or codes.names.aged:  # a year read from an age, one off: one name with one
            count += len(
                near_pairs(
                    {k: k for k in nameless - names},
                    {k: k for k in names - nameless},
                    aged | codes.names.aged,
                )  # fmt: skip
            )
        if count:
            holding[hamlet] = count
    if not holding:
        return None
    hamlet = max(holding, key=holding.get)
    count = holding[hamlet]
    if (
        count < NEARLY_ALL * sum(holding.values())
        or 2 * count <= listed
        or count < min(NAMES_AT_LEAST, listed)
    ):
        return None
    return hamlet, count, listed, codes.named, "names"


def _list_names(sub: Submission, without_code: bool = False) -> set[str]:
    """The (head's name, birth year) key texts (figures.name_key_text, no hamlet) of a roster's
    rows naming their head, normalised as a counted row's; ``without_code``: of those writing
    no Mã hộ only."""
    return _names_read(sub, without_code)[0]


def _names_read(sub: Submission, without_code: bool = False) -> tuple[set[str], set[str]]:
    """:func:`_list_names`, and those of them whose year was read from an age (a list of ages:
    rosterchecks.codes_names_years), so its heads are compared with the start list's by the
    year validation gives them, not by the age (session 30)."""
    names, aged = set(), set()
    for code, name, birth, from_age in codes_names_years(sub):
        if without_code and ((isinstance(code, str) and code.strip()) or _whole_number(code)):
            continue
        key = name_key_text("", name, birth)
        if key is not None:
            names.add(key)
            if from_age:
                aged.add(key)
    return names, aged


def refused_by_codes(rosters: list[Submission], issues: list[Issue]) -> None:
    """Each roster refused for a 'Xóm' the plan does not have (`unknown-hamlet`) whose household
    codes are nearly all one plan hamlet's (:func:`hamlet_of_codes`, nothing in its title or
    file name naming another), when no other roster of its period is that hamlet's and no other
    such roster claims it: still refused (CONTRACT §2: an unknown hamlet is an error), but its
    refusal in ``issues`` says whose the codes are and how to put it right (variant 'codes', or
    'codes-title' for a hamlet read from the title), and it is that hamlet's refused file
    (``sub.hamlet``; :func:`_unsettled`): the hamlet shows as rejected, not "chưa nộp", and its
    head gets the feedback. A hamlet that sent its own list keeps it, and the other is refused
    as any: two lists, or a neighbour's file copied, is for the officer to sort out; a list not
    a copy of it is held apart as a hamlet merged into it (variant 'merged'), each such list
    alone (two hamlets merged into one, both old heads sending apart: session 49).
    ``rosters``: every roster whose hamlet was settled (:func:`list_hamlet`). A run
    (:func:`consolidate`) and `giamngheo check` with the plan given (pipeline.checkfiles)
    decide by this one rule (docs/decisions.md, session 22)."""
    claims: dict[tuple[str, str], list[Submission]] = {}
    for sub in rosters:
        found = sub.extra.get("codes_hamlet")
        issue = sub.extra.get("hamlet_issue")
        if found and sub.period and issue is not None and issue.code == "unknown-hamlet":
            claims.setdefault((sub.period, found[0]), []).append(sub)
    claimants = {id(sub) for group in claims.values() for sub in group}
    own = {(s.period, s.hamlet): s for s in rosters if s.hamlet and id(s) not in claimants}
    sent = set(own)
    for (period, hamlet), group in claims.items():
        if (period, hamlet) not in sent:  # names tell a merged hamlet's list apart only
            group = [s for s in group if s.extra["codes_hamlet"][4] == "codes"]  # (session 26)
        # the hamlet sent its own list: each list claiming it is judged alone (two hamlets
        # merged into it, both old heads sending apart: session 49); else one claimant only
        for sub in group if (period, hamlet) in sent or len(group) == 1 else ():
            _claimed(sub, period, hamlet, own, issues)


def _claimed(
    sub: Submission,
    period: str,
    hamlet: str,
    own: dict[tuple[str, str], Submission],
    issues: list[Issue],
) -> None:
    """:func:`refused_by_codes` for one roster ``sub`` claiming ``hamlet`` by its codes:
    held apart from that hamlet's own list of ``period`` (``own``), or that hamlet's refused
    file when it sent none."""
    _, count, listed, named, by = sub.extra["codes_hamlet"]
    refused = sub.extra["hamlet_issue"]
    if (period, hamlet) in own:
        # The hamlet sent its own list too. Its households mostly missing from that list (a
        # hamlet merged into it in the new year's plan): still refused, not the hamlet's
        # file, the refusal says whose codes they are and where they belong (session 24).
        # A copy of the hamlet's list keeps the plain refusal. Told by names (nearly no code
        # written), a copy is one whose households are half or more on the hamlet's own
        # list by name (session 26). One named by its title, its 'Xóm' cell blank, is held
        # as one named in the cell: the words name no cell (session 49's review).
        found = list_codes(sub)
        if by == "names":
            mine = _list_names(sub)
            copied = 2 * len(mine & _list_names(own[(period, hamlet)])) >= len(mine)
        else:
            copied = 2 * len(found & list_codes(own[(period, hamlet)])) >= len(found)
        if copied:
            return
        said = replace(
            refused,
            variant="merged" if by == "codes" else "merged-names",
            instead=hamlet,
            detail=_held_on(count, listed, named, by),
        )
        issues[:] = [said if issue is refused else issue for issue in issues]
        sub.extra["hamlet_issue"] = said
        # its codes: households of the hamlet's start list not gone, only listed apart
        # (apart.merged_apart; session 25)
        sub.extra["merged_codes"] = found
        return
    said = replace(
        refused,
        hamlet=hamlet,
        variant="codes-title" if sub.extra.get("hamlet_from") == "title" else "codes",
        detail=_held_on(count, listed, named),
    )
    issues[:] = [said if issue is refused else issue for issue in issues]
    sub.extra["hamlet_issue"] = said
    sub.hamlet = hamlet


def _held_on(count: int, listed: int, named: Message, by: str = "codes") -> Message:
    """A refusal's detail (:func:`_claimed`): ``count`` of a roster's ``listed`` codes on the
    lists ``named`` ('3/3 mã hộ có trong danh sách đầu năm'), or of its households by name
    (``by`` 'names': '3/4 hộ có trong …'). Written once since session 56 (K)."""
    if by == "codes":
        return Message(
            f"{count}/{listed} mã hộ có trong {named}",
            f"{count} of {listed} codes are on {named.en}",
        )
    return Message(
        f"{count}/{listed} hộ có trong {named}", f"{count} of {listed} households are on {named.en}"
    )


def stored_own_codes(codes: KnownCodes, period: str | None) -> pd.DataFrame | None:
    """Where the plan has no start list, the codes the history's months of the plan year hold
    (``codes``: :func:`hamlet_codes`' of the stored months), those of ``period``'s own last run
    left out, of the shape most of them have (rosterchecks.commune_schemes), as a start list's
    'ma_ho' column: the commune's own codes, which a Mã hộ taken for an ID number is not, nor
    one of their shape (rosterchecks.ids_as_codes: a commune writing '167.012.045' is not told
    its codes are CMNDs; session 53). A code of another shape is none: a CCCD a head typed as
    a code in an earlier month is told again, as are codes of the shape not numbered alike
    (rosterchecks.numbered_alike: heads' CCCDs typed as codes; session 54's review). None with
    a start list (``codes.months`` is then
    None), no month stored or no shape most codes have."""
    if codes.months is None or not period:
        return None
    known = codes.months(period).codes
    keys = list(set().union(*known.values())) if known else []
    shapes = code_shapes(keys)
    schemes = commune_schemes(shapes)
    own = [key for key, shape in zip(keys, shapes, strict=True) if shape in schemes]
    # numbered alike: CCCDs a head typed as codes, told, are no numbering (session 54's review)
    own = numbered_alike(sorted(own))
    return pd.DataFrame({"ma_ho": own}) if own else None


def start_codes(plan: Plan) -> Mapping[str, set[str]]:
    """Each plan hamlet's household codes on the start-of-year list (matched as ``id_key``)."""
    start = plan.start_list
    if start is None or start.empty:
        return {}
    return _StartCodes(start["hamlet"].tolist(), start["ma_ho"].tolist())


class _StartCodes(Mapping):
    """:func:`start_codes`, worked out when first asked: only a list whose hamlet is in doubt
    asks (a file name or a 'Xóm' naming another hamlet), and a province's start list is
    300,000 codes to key (issue #6). The columns are taken when made, as the codes were. Whether
    there is any code (``bool``) and whether a list writes one of a hamlet's codes as the start
    list writes it (:meth:`written_under`) are told without keying them (session 54)."""

    def __init__(self, hamlets: list, codes: list):
        self._columns = (hamlets, codes)
        self._codes: dict[str, set[str]] | None = None
        self._written: dict | None = None  # a code as written -> a hamlet writing it

    def _made(self) -> dict[str, set[str]]:
        if self._codes is None:
            self._codes = {}
            for hamlet, code in zip(*self._columns, strict=True):
                if isinstance(code, str) and code.strip():
                    self._codes.setdefault(hamlet, set()).add(id_key(code))
        return self._codes

    def __bool__(self) -> bool:
        """Whether some hamlet has a code (``len``), the first code written telling."""
        if self._codes is not None:
            return bool(self._codes)
        return any(isinstance(code, str) and code.strip() for code in self._columns[1])

    def written_under(self, hamlet: str, values) -> bool:
        """Whether one of ``values`` (a list's Mã hộ cells) is a code the start list writes
        under ``hamlet``, written alike: then its key (:func:`list_codes`) is one of the
        hamlet's codes. False says nothing (a code written in other letter case or spaces, or
        written under two hamlets, the start list keeping the last): the keys are to ask."""
        if self._written is None:
            hamlets, codes = self._columns
            self._written = dict(zip(codes, hamlets, strict=True))
        written = self._written
        return any(isinstance(value, str) and written.get(value) == hamlet and value.strip()
                   for value in values)  # fmt: skip

    def __getitem__(self, hamlet: str) -> set[str]:
        return self._made()[hamlet]

    def __iter__(self):
        return iter(self._made())

    def __len__(self) -> int:
        return len(self._made())


def _whose_codes(sub: Submission, codes: dict[str, set[str]], one: str, other: str) -> str | None:
    """Of two hamlets, the one whose start-of-year list holds more of the file's household
    codes (None when neither holds any, or as many)."""
    if not codes:
        return None
    found = list_codes(sub)
    a, b = len(found & codes.get(one, set())), len(found & codes.get(other, set()))
    return None if a == b else (one if a > b else other)


def _codes_nearly_all_of(sub: Submission, codes: KnownCodes | None, hamlet: str) -> bool:
    """Whether a roster's household codes are ``hamlet``'s by :func:`one_hamlet`'s rule:
    nearly all of those on some plan hamlet's list in ``codes``, and more than half of all. What
    a file name asks before it outweighs a title naming the roster's own hamlet: a hamlet's own
    list holding more households moved in from the file name's hamlet than its own start
    households (its others new) is not that hamlet's copy (session 49 review)."""
    found = one_hamlet(list_codes(sub), codes.codes) if codes else None
    return found is not None and found[0] == hamlet


def named_elsewhere(
    sub: Submission,
    matcher: HamletMatcher,
    issues: list[Issue],
    codes: KnownCodes | None = None,
) -> bool:
    """A roster whose 'Xóm' cell names one plan hamlet and whose title ('… XÓM KHAU LANG …')
    or file name another.

    The title disagreeing, with a file name that does not side with the cell (a neighbour's
    file copied as a template, its 'Xóm' cell left as it was), refuses the file: counted for
    the cell's hamlet, it would replace that hamlet's own list. It is then the title's
    hamlet's refused file. So does a file name naming another hamlet than the cell when the
    file's household codes are that hamlet's on the start-of-year list or, without one, the
    months stored (``codes``: :func:`hamlet_codes`), 'Bản Cọ 2' against 'Bản Cọ' too: it is then the file name's
    hamlet's refused file, so that its head is told. Without such codes a file name alone
    only warns (ordinary words of file names spell hamlet names: 'bản mới', 'năm 2024'), and
    codes of the cell's hamlet silence it. The title alone disagreeing with a cell and a file
    name that agree is a warning (the title left from the copied file). Only what follows
    'Xóm'/'Thôn' in a title counts ('CỘNG HÒA … Hạnh phúc' names no hamlet 'Hạnh Phúc'), and
    a number written otherwise ('BẢN CỌ II' for 'Bản Cọ 2') is no other hamlet. A title siding
    with the cell silences a file name alone, not the codes: a neighbour's file copied whole
    keeps its title too (variant 'title', session 49); the codes must then be nearly all the
    file name's hamlet's (:func:`_codes_nearly_all_of`), not only more of them than the cell's
    hamlet's (a hamlet's own list named by its nickname, 'DS_NaMon_T5.xlsx' for Nà Mòn 2,
    holding households moved in from Nà Mòn). Returns whether the file was refused."""
    cell = sub.hamlet
    in_title = matcher.in_title(sub.extra.get("title_hamlet", ""))
    in_name = _in_file_name(sub, matcher)
    where = {
        "file": sub.file,
        "sheet": sub.extra.get("info_sheet") or sub.sheet,
        "cell": info_cell(sub, "hamlet"),
        "column": ROSTER_INFO_LABELS["hamlet"][0],
        "value": sub.hamlet_raw,
    }

    def other(found: str | None) -> bool:
        return found is not None and found != cell and not matcher.related(found, cell)

    # a title naming another plan hamlet by its very name, one the cell's begins ('KHU 4A' over
    # a 'Xóm' 'Khu 4', both in the plan): no number written otherwise (session 55, L), words
    # after it or not ('KHU 4A MỚI': session 56); not one the title's begins ('BẢN CỌ (2)' over
    # Bản Cọ 2's list reads 'BẢN CỌ'; session 55, R8)
    exact = (
        in_title is not None
        and matcher.lengthens(in_title, cell)
        and matcher.names_by_words(sub.extra.get("title_hamlet", ""), in_title)
    )

    refused = warned = None
    if other(in_title) and in_name != cell:
        refused = Issue("hamlet-conflict", hamlet=in_title, detail=in_title, **where)
    elif in_name is not None and in_name != cell:
        whose = _whose_codes(sub, codes.codes if codes else {}, cell, in_name)
        # a title siding with the cell asks nearly all the codes (session 49 review)
        if whose == in_name and (in_title != cell or _codes_nearly_all_of(sub, codes, in_name)):
            # a title naming the cell's hamlet was copied with the cell: both to correct
            # (session 49; it used to silence the codes, the copy replacing that hamlet's list)
            refused = Issue("hamlet-codes-of-file-name", hamlet=in_name, detail=codes.named,
                            variant="title" if in_title == cell else "", **where)  # fmt: skip
        elif whose is None and other(in_name) and in_title != cell:
            warned = Issue("hamlet-differs-from-file-name", hamlet=cell, detail=in_name, **where)
    if refused is not None:
        sub.hamlet = refused.hamlet
        sub.extra["hamlet_issue"] = refused
        issues.append(refused)
        sub.status = "rejected"
        return True
    if other(in_title) or exact:  # said if the file is of the period consolidated
        # at the title's cell: the one to correct ('Xóm' and the file name agree)
        at_title = {**where, "sheet": sub.sheet, "cell": sub.extra.get("title_hamlet_cell", ""),
                    "column": ""}  # fmt: skip
        # the file name not siding with the cell (only so with a title exactly another's):
        # said of the cell alone, either to correct (session 55, R8)
        variant = "" if in_name == cell else "cell"
        sub.extra["hamlet_warning"] = Issue(
            "hamlet-differs-from-title", hamlet=cell, detail=in_title, variant=variant, **at_title
        )
    elif warned is not None:
        sub.extra["hamlet_warning"] = warned
    return False


def _in_file_name(sub: Submission, matcher: HamletMatcher) -> str | None:
    """The plan hamlet a roster's file name names, the form's set words left out."""
    return matcher.find_in(_without_form_words([Path(sub.file).stem]))


def _named_for_another(sub: Submission, matcher: HamletMatcher) -> str | None:
    """The plan hamlet a roster's file name names other than its own ('Xóm' cell), a number
    written otherwise ('Bản Cọ' for 'Bản Cọ 2') none; None when none."""
    named = _in_file_name(sub, matcher)
    if named is None or named == sub.hamlet or matcher.related(named, sub.hamlet):
        return None
    return named


def copied_for_another(rosters: list[Submission], matcher: HamletMatcher,
                       issues: list[Issue]) -> list[Submission]:  # fmt: skip
    """A roster whose file name names another plan hamlet than its 'Xóm' cell, holding the same
    bytes as a list of its cell's hamlet and month whose file name names no other hamlet
    ('DS_KhauLang_2024-05.xlsx', the very bytes of 'DS_NaMon_2024-05.xlsx'): a copy of that
    list saved under the neighbour's name, no list of either. Refused as the file name's
    hamlet's file (`hamlet-codes-of-file-name`, variant 'same-file'), as a neighbour's file
    filled in is (:func:`named_elsewhere`): the hamlet is told its list was not received, and
    the cell's hamlet counts its own file, however new the copy. When that hamlet has a list of
    the month too, the copy is only the cell's hamlet's copy set aside for its own file
    (``extra['copy_named_for']``, :func:`resolve_duplicates`: 'same-file'). Returns those
    refused. A run (:func:`consolidate`) and `giamngheo check` with the plan given
    (pipeline.checkfiles) decide by this one rule (session 43)."""
    settled = [s for s in rosters if s.status != "rejected" and s.hamlet and s.period]
    named = {id(s): _named_for_another(s, matcher) for s in settled}
    refused = []
    for sub in settled:
        if named[id(sub)] is None:
            continue
        own = next((other for other in settled if named[id(other)] is None
                    and (other.hamlet, other.period) == (sub.hamlet, sub.period)
                    and _same_bytes(other.path, sub.path)), None)  # fmt: skip
        if own is None:
            continue
        sent_for = _sent_for(sub)
        if any(other.hamlet == named[id(sub)] and other.period == sent_for
               and named[id(other)] is None and other.status != "rejected"
               for other in settled):  # fmt: skip
            sub.extra["copy_named_for"] = named[id(sub)]  # the hamlet's own list came too
            continue
        said = Issue(
            "hamlet-codes-of-file-name",
            file=sub.file,
            hamlet=named[id(sub)],
            sheet=sub.extra.get("info_sheet") or sub.sheet,
            cell=info_cell(sub, "hamlet"),
            column=ROSTER_INFO_LABELS["hamlet"][0],
            value=sub.hamlet_raw,
            detail=own.file,
            instead=sub.hamlet,
            variant="same-file",
        )
        issues.append(said)
        sub.extra["hamlet_issue"] = said
        sub.extra.pop("hamlet_warning", None)
        sub.hamlet = said.hamlet
        sub.period = sent_for  # the hamlet's refused file of the month it was sent for
        sub.status = "rejected"
        refused.append(sub)
    return refused


def copied_by_codes(
    rosters: list[Submission],
    matcher: HamletMatcher,
    codes: KnownCodes | None,
    issues: list[Issue],
) -> list[Submission]:
    """A roster whose 'Xóm' cell (or, without one, title) names a plan hamlet whose own list of
    the same period came too, when its household codes are another plan hamlet's
    (:func:`one_hamlet`: nearly all of its codes on a list, and more than half of all, that
    hamlet's) and those of one of the other lists are the named hamlet's: a neighbour's file
    copied, its cell and title left, saved under a name naming no hamlet ('DanhSach_T5.xlsx').
    Refused as the codes' hamlet's file (`hamlet-codes-of-file-name`, variants 'codes',
    'codes-title', 'codes-title-only'), as one whose file name names that hamlet is
    (:func:`named_elsewhere`, :func:`_title_copied`): the named hamlet counts its own list,
    however new the copy (newer, it replaced that list, whose households were all counted
    exited). Without a list of the named hamlet that its codes tell (a hamlet mostly new this
    year, the start list writing its households under another), or when the list holds a
    code of the named hamlet's too (its own household: the hamlet's list, most of its
    households moved in from the codes' hamlet; session 49's review), the codes cannot tell the
    copy from that hamlet's list: the newer copy wins, as before. A list its codes tell as no
    one hamlet's but holding some of the named hamlet's is that hamlet's own when no list is
    told as its (households moved in written on it; session 52's review). ``codes``: as
    :func:`hamlet_codes` gives them. Two lists with their 'Xóm' cells swapped (each naming the
    hamlet the other's codes are of; session 51), or rotated among three hamlets or more, or
    their hamlets told by title or file name so (session 52), are refused too, or only warned
    when the codes are the stored months' (:func:`_swapped`). Returns those refused. A run (:func:`consolidate`) and `giamngheo
    check` with the plan given (pipeline.checkfiles) decide by this one rule (session 49)."""
    if codes is None or not codes.codes:
        return []
    groups: dict[tuple[str, str], list[Submission]] = {}
    for sub in rosters:
        if sub.status != "rejected" and sub.hamlet and sub.period:
            groups.setdefault((sub.hamlet, sub.period), []).append(sub)
    refused = []
    for (hamlet, _), group in groups.items():
        if len(group) < 2:
            continue
        listed = {id(sub): list_codes(sub) for sub in group}
        whose = {id(sub): one_hamlet(listed[id(sub)], codes.codes) for sub in group}
        own = [sub for sub in group if (whose[id(sub)] or ("",))[0] == hamlet]
        if not own:
            # ... or, told by no one hamlet, holding the named hamlet's codes beside another's:
            # its list with households moved in written on it (a 'codes-moved' file's advice
            # followed; session 52's review), which the copy, newer, replaced
            own = [sub for sub in group if whose[id(sub)] is None
                   and listed[id(sub)] & codes.codes.get(hamlet, set())]  # fmt: skip
        if not own:
            continue
        for sub in group:
            found = whose[id(sub)]
            if found is None or found[0] == hamlet or not sub.hamlet_raw:
                continue
            if listed[id(sub)] & codes.codes.get(hamlet, set()):
                # a household of the named hamlet's own on it: the hamlet's list, most of its
                # households moved in from the codes' hamlet (a neighbour's copy lists none)
                continue
            if sub.extra.get("hamlet_from") == "title":  # no 'Xóm' cell: the title to correct
                variant = "codes-title-only"
                where = {"sheet": sub.sheet, "cell": sub.extra.get("title_hamlet_cell", ""),
                         "value": hamlet}  # fmt: skip
            else:
                in_title = matcher.in_title(sub.extra.get("title_hamlet", ""))
                variant = "codes-title" if in_title == hamlet else "codes"
                where = {"sheet": sub.extra.get("info_sheet") or sub.sheet,
                         "cell": info_cell(sub, "hamlet"),
                         "column": ROSTER_INFO_LABELS["hamlet"][0], "value": sub.hamlet_raw}  # fmt: skip
            said = Issue("hamlet-codes-of-file-name", file=sub.file, hamlet=found[0],
                         detail=codes.named, instead=newest_first(own)[0].file, variant=variant,
                         **where)  # fmt: skip
            issues.append(said)
            sub.extra["hamlet_issue"] = said
            sub.extra.pop("hamlet_warning", None)
            sub.hamlet = said.hamlet
            sub.status = "rejected"
            refused.append(sub)
    return refused + _swapped(rosters, matcher, codes, issues)


def _swapped(
    rosters: list[Submission], matcher: HamletMatcher, codes: KnownCodes, issues: list[Issue]
) -> list[Submission]:
    """Lists of one period whose hamlets are swapped between them: one naming X whose codes are
    Y's (:func:`one_hamlet`), none of them X's, and one naming Y whose codes are X's, none Y's
    (two heads each reusing the other's file, saved under names naming no hamlet); or rotated
    among three hamlets or more (X's list naming Y, Y's naming Z, Z's naming X). Each was
    counted as another's, every household said moved between them. All refused as their codes'
    hamlet's file (`hamlet-codes-of-file-name`, variant 'swapped', or 'rotated' for a ring of
    three or more; :func:`_swap_told` the suffix telling where the hamlet is named), each
    naming (``instead``) the list naming the hamlet its codes are of: the other cells copied
    with 'Xóm' ('Tổng số hộ dân cư') are the other hamlet's, so none is counted as its codes'
    hamlet's (session 51). A list without a 'Xóm' cell, its hamlet told by its title or file
    name, is weighed alike, its title or name the one to correct (session 52). A list already
    refused as another hamlet's file than its cell's (its file name or title naming its codes'
    hamlet, or that hamlet's own list beside it) still closes a ring as the hamlet its cell
    names, and every list sent twice in a ring is refused (session 52's review). Only lists in
    a closed ring: a list holding one code of its named hamlet's (households moved in) is
    none. Without a start list (``codes.months``: the stored months' codes, the period's own
    last run left out) nothing tells whether this month's cells or the stored month's are
    wrong: each list of a ring is counted as written and warned
    (`hamlet-codes-stored-elsewhere`, said on the screen by :func:`stored_elsewhere_said`),
    never refused (session 52)."""
    of_period: dict[str, KnownCodes] = {}

    def known(period: str) -> KnownCodes:
        """The codes the lists of ``period`` are weighed by: without a start list, the stored
        months' but ``period``'s own (its last run's cells are no evidence against its lists)."""
        if codes.months is None:
            return codes
        if period not in of_period:
            of_period[period] = codes.months(period)
        return of_period[period]

    claimed: dict[tuple[str, str, str], list[Submission]] = {}
    closing: dict[tuple[str, str, str], Submission] = {}  # refused already: a ring's link only
    for sub in rosters:
        if not (sub.hamlet and sub.period):
            continue
        named = sub.hamlet
        if sub.status == "rejected":
            # refused already as another hamlet's file than its cell's (its file name, its
            # title or its named hamlet's own list telling: session 52's review): the other
            # side of its swap is still one
            if sub.extra.get("hamlet_issue") is None or not sub.hamlet_raw:
                continue
            named = raw_hamlet(sub, matcher)
            if named is None or named == sub.hamlet:
                continue
        held = known(sub.period).codes
        if isinstance(held, _StartCodes) and held.written_under(
            named, (v for _, _, rows in tables(sub) for v in rows.columns.get("ma_ho", ()))
        ):  # one of its own as the start list writes it: no swap (most lists), no code keyed
            continue
        found = list_codes(sub)
        if found & held.get(named, set()):  # one of its own: no swap
            continue
        whose = one_hamlet(found, held)  # (a pass over every hamlet's codes: not first)
        if whose is None or whose[0] == named:
            continue
        if sub.status == "rejected":
            closing.setdefault((named, whose[0], sub.period), sub)
        else:  # a list sent twice under two names: both refused (session 52's review)
            claimed.setdefault((named, whose[0], sub.period), []).append(sub)
    naming: dict[tuple[str, str], list[str]] = {}  # (named, period) -> the codes' hamlets
    for named, whose, period in {**claimed, **closing}:
        naming.setdefault((named, period), []).append(whose)
    refused = []
    for (named, whose, period), subs in claimed.items():
        ring = _ring(naming, named, whose, period)
        if ring is None:
            continue
        key = (whose, ring[0], period)  # the list naming the hamlet of its codes
        other = claimed[key][0] if key in claimed else closing[key]
        kind = "swapped" if ring[0] == named else "rotated"  # a pair, or three hamlets or more
        for sub in subs:
            told, where = _swap_told(sub, matcher, named)
            if codes.months is not None:  # stored months' cells against this month's: warned
                detail = _stored_as(whose, known(period).named)
                issues.append(Issue("hamlet-codes-stored-elsewhere", file=sub.file, hamlet=named,
                                    instead=other.file, detail=detail, **where))  # fmt: skip
                continue
            renumbered = _renumbered(sub, named, codes)
            if renumbered:
                # its own hamlet's households in codes the start list renumbered: its own
                # list, the 'Mã hộ' column to write again, never its 'Xóm' cell
                said = Issue("hamlet-codes-of-file-name", file=sub.file, hamlet=named,
                             detail=whose, instead=other.file, variant=renumbered,
                             sheet=sub.sheet or "", column=MA_HO_HEADER)  # fmt: skip
            else:
                said = Issue("hamlet-codes-of-file-name", file=sub.file, hamlet=whose,
                             detail=codes.named, instead=other.file, variant=kind + told,
                             **where)  # fmt: skip
            refused.append((sub, said))
    for sub, said in refused:  # every list of a ring told before any is refused
        issues.append(said)
        sub.extra["hamlet_issue"] = said
        sub.extra.pop("hamlet_warning", None)
        sub.hamlet = said.hamlet
        sub.status = "rejected"
    return [sub for sub, _ in refused]


def _renumbered(sub: Submission, named: str, codes: KnownCodes) -> str:
    """The variant of a list of a ring (:func:`_swapped`) naming ``named``, its codes another
    hamlet's on the start list, whose heads (name and birth year) are ``named``'s households
    on the start list: codes renumbered at the year's turn, the head writing old ones
    (session 53). 'renumbered' where its codes are those ``named``'s own lists had last year
    (:meth:`StoredCodes.last_year`), else 'renumbered-heads' (no month of last year stored,
    the commune's first year with the tool, or `giamngheo check` without its history: the
    heads alone tell; session 53's review); '' where its heads are not ``named``'s. A
    neighbour's file holds the neighbour's heads (codes renumbered so that the two hamlets
    take each other's, a swap of files in the new codes holds its codes' hamlet's last year
    too: only the heads tell)."""
    if codes.names is None:
        return ""
    heads = one_hamlet(_names_read(sub)[0], codes.names())
    if heads is None or heads[0] != named:
        return ""
    last = codes.stored.last_year() if codes.stored is not None else {}
    whose = one_hamlet(list_codes(sub), last)
    return "renumbered" if whose is not None and whose[0] == named else "renumbered-heads"


def stored_elsewhere_said(issues: list[Issue], files: set[str]) -> None:
    """The warnings of a swap told by the stored months alone (:func:`_swapped`,
    'hamlet-codes-stored-elsewhere'): kept for the run's month's lists ``files`` (another
    month's list is 'khác kỳ' here), each said on the screen too: the count of warnings alone
    hides that a hamlet may be counted with another's households."""
    from pipeline.output import NOTICES

    for issue in [i for i in issues if i.code == "hamlet-codes-stored-elsewhere"]:
        if issue.file not in files:
            issues.remove(issue)
            continue
        NOTICES.append(Message(
            f"Xóm {issue.hamlet}: các mã hộ trong danh sách '{issue.file}' là của "
            f"{issue.detail}; danh sách vẫn được tính cho xóm {issue.hamlet} như đã ghi. Hãy "
            "kiểm tra ô 'Xóm' của danh sách này và của danh sách tháng đó (xem trang 'Lỗi dữ "
            "liệu').",
            f"Hamlet {issue.hamlet}: the household codes on the list '{issue.file}' are "
            f"{in_language(issue.detail, 'en')}; the list is counted for {issue.hamlet} as "
            "written. Check the 'Xóm' cell of this list and of that month's list (see sheet "
            "'Lỗi dữ liệu').",
        ))  # fmt: skip


def _stored_as(hamlet: str, months: Message) -> Message:
    """Whose the stored months ``months`` (as :func:`lists_named` names them) have a list's
    codes as: 'xóm Nà Mòn trong danh sách tháng 4/2024 đã tổng hợp'."""
    return Message(f"xóm {hamlet} trong {months}", f"{hamlet}'s on {months.en}")


def _ring(
    naming: dict[tuple[str, str], list[str]], named: str, whose: str, period: str
) -> list[str] | None:
    """The hamlets whose codes the lists of a ring hold after a list naming ``named`` holding
    ``whose``'s codes (``naming``: (named hamlet, period) -> the hamlets whose codes lists
    naming it hold): the shortest way back from ``whose`` to ``named``, each step a list naming
    a hamlet and holding another's, ending with ``named`` ([named] for a pair); None when there
    is none (a list left in no ring)."""
    back = {whose: None}
    todo = [whose]
    while todo:
        step = []
        for hamlet in todo:
            for held in sorted(naming.get((hamlet, period), ()), key=lambda h: (h != named, h)):
                if held in back:
                    continue
                back[held] = hamlet
                if held == named:
                    path = [named]
                    while back[path[-1]] is not None:
                        path.append(back[path[-1]])
                    return path[-2::-1]  # whose left out
                step.append(held)
        todo = step
    return None


def _swap_told(sub: Submission, matcher: HamletMatcher, named: str) -> tuple[str, dict]:
    """Where a list of a ring (:func:`_swapped`) names its hamlet ``named``, as its refusal's
    variant ends and where it is said: '' at the 'Xóm' cell, '-title' the title naming it too;
    without a 'Xóm' cell, '-title-only' at the title's cell, '-file-name' (the file name, the
    blank 'Xóm' cell to fill when the list has a 'Thông tin' sheet)."""
    at_cell = {"sheet": sub.extra.get("info_sheet") or sub.sheet, "cell": info_cell(sub, "hamlet"),
               "column": ROSTER_INFO_LABELS["hamlet"][0]}  # fmt: skip
    if sub.hamlet_raw and sub.extra.get("hamlet_from") != "title":
        in_title = matcher.in_title(sub.extra.get("title_hamlet", ""))
        return ("-title" if in_title == named else ""), {**at_cell, "value": sub.hamlet_raw}
    if sub.extra.get("hamlet_from") == "title" or _told_where(sub, matcher)[1] == "title":
        return "-title-only", {"sheet": sub.sheet, "value": named,
                               "cell": _title_cell(sub, matcher, named)}  # fmt: skip
    if not sub.extra.get("info_sheet"):
        at_cell = {}
    return "-file-name", {**at_cell, "value": named}


def _title_cell(sub: Submission, matcher: HamletMatcher, named: str) -> str:
    """The title's cell naming ``named``: the one after its 'Xóm', else the first whose words
    (the form's set words left out, as :func:`told_hamlet` reads them) name it ('DANH SÁCH HỘ
    NGHÈO NÀ MÒN THÁNG 5/2024' in A1); '' when none is known."""
    if sub.extra.get("title_hamlet_cell"):
        return sub.extra["title_hamlet_cell"]
    cells = sub.extra.get("title_cells", ()), sub.extra.get("title_cells_at", ())
    for text, at in zip(*cells, strict=False):  # no places kept: a list read otherwise
        if matcher.find_in(_without_form_words([text])) == named:
            return at
    return ""


def _sent_for(sub: Submission) -> str:
    """The month a roster was sent for: the month of the folder it sits in ('T5/…'), else of its
    file name, when later than its 'Kỳ báo cáo' (a copy of April's list in 'T5/' was sent for
    May; a list is sent again later, not earlier); else its 'Kỳ báo cáo'. A folder naming no
    year is of the cell's year, or the next when its month is more than six months earlier (a
    December list in 'T1/'; one in 'T11/' is not sent later)."""
    folder = folder_month(sub.file)
    if folder is None:
        named = file_name_period(sub)
    else:
        year, month = folder
        if year is None:
            year = int(sub.period[:4]) + (int(sub.period[5:7]) - month > 6)
        named = f"{year:04d}-{month:02d}"
    return named if named is not None and named > sub.period else sub.period


def sent_across_year(sub: Submission) -> str:
    """The month a roster refused for its hamlet was sent for, to tell next year's list left
    with December in 'Kỳ báo cáo' from December's: its file name's month when that names one
    (the name decides, as the later month's run reads it: rosterchecks.named_for), else
    :func:`_sent_for`'s (its folder's); never before its cell. 'T1_2025/DongKe_2024-12.xlsx'
    saying 12/2024 is a late December list sorted into January's folder, refused in
    December for its mistyped 'Xóm', not January's list (session 44's review). A month half a
    year or more after its cell is none it was copied for (each month's list is copied from
    the last): 'DongKe_12-2025.xlsx' saying 12/2024 mistypes the year in its name, and is
    December's (session 44)."""
    named = file_name_period(sub)
    sent = _sent_for(sub) if named is None else max(named, sub.period)
    return sent if sent < f"{first_day(sub.period, 6):%Y-%m}" else sub.period


def told_hamlet(sub: Submission, matcher: HamletMatcher, by_file_name: bool = True) -> str | None:
    """The plan hamlet a file's title or file name names, if exactly one: what follows 'Xóm' in
    the title, else the rest of the title with the form's set words left out (the national
    motto, the commune and district, dates: 'Hạnh phúc', 'Xã Trung Lương' and 'NĂM 2024' name no
    hamlet 'Hạnh Phúc', 'Trung' or 'Nam'), else the file name (without them too; not with
    ``by_file_name`` False: the title alone)."""
    hamlet, where = _told_where(sub, matcher)
    return hamlet if by_file_name or where == "title" else None


def _told_where(sub: Submission, matcher: HamletMatcher) -> tuple[str | None, str]:
    """:func:`told_hamlet`, and where it is named: 'title' or 'file name' ('' for none)."""
    found = matcher.in_title(sub.extra.get("title_hamlet", ""))
    if found:
        return found, "title"
    for where, text in (
        ("title", _without_form_words(sub.extra.get("title_cells", ()))),
        ("file name", _without_form_words([Path(sub.file).stem])),
    ):
        found = matcher.find_in(text)
        if found:
            return found, where
    return None, ""


# Words every form's title rows carry, whatever the hamlet: the motto lines, the administrative
# units above the hamlet (up to the next mark), and dates.
_MOTTO = lazyre.compile(r"cong hoa xa hoi|doc lap\W+tu do")
_FORM_WORDS = lazyre.compile(
    r"(?<!\w)(?:(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|xã|xa|huyện|huyen|tỉnh|thành phố|tp)"
    r"\s[^-–—,;:()/_]*"
    r"|(?:ngày|tháng|năm|nam|thang|ngay)\s*\d[\d/.-]*)",
    re.IGNORECASE,
)


def _without_form_words(cells) -> str:
    """Title rows' (or a file name's) text without the words any form's title holds (see
    ``told_hamlet``): 'Danh sach ho ngheo thang 5 nam 2024' names no hamlet 'Nam'."""
    kept = []
    for cell in cells:
        text = nfc(cell)
        if not _MOTTO.search(fold(text)):
            kept.append(_FORM_WORDS.sub(" ", text))
    return " ".join(kept)


# What hamlet heads send instead of the roster: a photo of the paper list, a PDF or a Word copy
# of it, a CSV export. Skipped as no spreadsheet; when it names a hamlet, that hamlet sent this.
def document_of(sub: Submission, matcher: HamletMatcher, period: str | None) -> str | None:
    """The plan hamlet whose list of ``period`` a photo, PDF, Word or CSV file may be (one the
    reader skipped, ``sub.extra["document"]``): the hamlet its name names, when the name gives
    no month but ``period`` ('DS Ban Co thang 5.csv'); None for any other file, and for one whose
    name gives no month in a folder naming another ('T6/KhuoiTat.csv' at July's run: June's,
    :func:`document_of_month`; session 55)."""
    if not sub.extra.get("document"):
        return None
    hamlet, of_period = _skipped_named(sub.file, matcher, period)
    return hamlet if of_period else None


def document_of_month(
    sub: Submission, matcher: HamletMatcher, period: str | None, lists: Collection[str] = ()
) -> None:
    """A photo, PDF, Word or CSV file named for a plan hamlet whose name or folder gives another
    month than ``period`` ('T6/KhuoiTat_06.csv' at July's run, June's refused file left in the
    input as step 1 allows): that month's file, status 'other_period', the month in
    ``extra["name_period"]`` ('Khác kỳ (tháng 6/2024)' on 'Nộp báo cáo'), no longer skipped
    and told to be saved as .xlsx again every later month (session 55); a name ending with a
    month without its year ('Đồng Kè tháng 4.jpg') gives it too (session 55, review). A folder naming no
    year is of ``period``'s year, or the year before for a later month ('T12/' in January)
    unless ``lists`` (the months of the input's lists, :func:`list_periods`) hold it of
    ``period``'s year (:func:`month_of_file`). So is one naming no plan hamlet
    ('T2/IMG_0412.jpg', or 'T2/DongKe.jpg' once the plan renamed Đồng Kè), as a workbook
    neither a list nor a plan is (:func:`not_a_roster_of_month`): warned skipped in its month,
    not again every later month (session 55, review R6)."""
    if period is None or not sub.extra.get("document"):
        return
    hamlet, of_period = _skipped_named(sub.file, matcher, period)
    if of_period:
        return
    month = month_of_file(sub.file, period, lists, hamlet)
    if month is None:
        return
    sub.hamlet, sub.status = hamlet, "other_period"
    sub.extra["name_period"] = month


def month_of_file(
    file: str, period: str | None, lists: Collection[str] = (), hamlet: str | None = None
) -> str | None:
    """The month ('YYYY-MM') other than ``period`` that the innermost folder naming a month
    gives ('T6/…' at July's run: '2024-06'), else a file's name, the file's path in the input
    being ``file``; None for a file in ``period``'s folder, whatever its name (the officer
    sorted it there), or whose folders and name give no month or ``period``'s. The folder
    wins at every run ('T6/Đồng Kè tháng 4.jpg' is June's at June's run and at July's;
    session 55, M). A name ending with a month without its year ('Đồng Kè tháng 4') gives
    that month. A folder or name naming no year is of ``period``'s year, or the year before
    for a later month ('T12/' in January) unless ``lists``, the months the input's lists are
    of (:func:`list_periods`), hold that month of ``period``'s year: March run again once
    April's lists are in the input reads 'T4/' as April of March's year (session 55, review
    R6). ``hamlet``: the plan hamlet the name names, whose own name's ending is no month
    (text.month_ending: 'Chiến Thắng 2')."""
    if period is None or in_month_folder(file, period):
        return None
    # the innermost folder naming a month, as at that month's run (session 55, M: 'T6/Đồng Kè
    # tháng 4.jpg' is June's at July's run too), else the name's date or its month ending
    # ('Đồng Kè tháng 4'; session 55, review)
    named = folder_month(file)
    stem = Path(file).stem
    month = None if named is not None else find_period_in_text(stem)
    if named is None and (bare := month_ending(stem, hamlet)) is not None:
        named = (None, bare)
    if month is None and named is not None:
        year, number = named
        if year is None:
            year = int(period[:4])
            if number > int(period[5:7]) and f"{year:04d}-{number:02d}" not in lists:
                year -= 1
        month = f"{year:04d}-{number:02d}"
    return None if month == period else month


def list_periods(submissions: list[Submission]) -> set[str]:
    """The months ('YYYY-MM') the lists among ``submissions`` say in 'Kỳ báo cáo': which year
    a folder or name naming a later month without its year is of (:func:`month_of_file`)."""
    return {s.period for s in submissions if s.kind == "roster" and s.period}


def not_a_roster_of_month(submissions: list[Submission], period: str | None) -> None:
    """A workbook that is neither a list nor a plan (`not-a-roster`, discover's
    ``extra["not_a_roster"]``) whose name or folder gives another month than ``period``
    (:func:`month_of_file`: a foreign workbook left in 'T6/' at July's run, as step 1 lets
    last month's files stay): that month's file, status 'other_period', the month in
    ``extra["name_period"]``; its warning is said when that month is run, not again every
    later month nor counted among this month's files skipped (run._merged; session 55). A web
    page among them is then no hamlet's refused file of ``period``
    (:func:`web_pages_refused`). So is a run's own output dropped into the input (`own-output`,
    ``extra["own_output"]``: last month's 'TongHop_2024-06.xlsx'), warned in its month only
    (session 55, K)."""
    lists = list_periods(submissions)
    for sub in submissions:
        if sub.status == "skipped" and (
            sub.extra.get("not_a_roster") or sub.extra.get("own_output")
        ):
            month = month_of_file(sub.file, period, lists)
            if month is not None:
                sub.status = "other_period"
                sub.extra["name_period"] = month


def document_issue(sub: Submission, refused: dict[str, Submission]) -> Issue | None:
    """The one issue of a photo, PDF, Word or CSV file: the error `not-a-spreadsheet` when it is
    its hamlet's refused file (``refused``: hamlet -> the file it is refused for, the hamlet
    having sent nothing else for the period), which it then is (status 'rejected'); None for
    another month's file (:func:`document_of_month`: its problem said when that month is run);
    else the warning `file-skipped`, said of a file no hamlet sent. A run
    (:func:`consolidate`) and `giamngheo check` (pipeline.checkfiles) say it by this one rule
    (docs/decisions.md, session 13)."""
    if sub.status == "other_period":
        return None
    if sub.hamlet and refused.get(sub.hamlet) is sub:
        sub.status = "rejected"
        suffix = Path(sub.file).suffix.lower()
        return Issue(
            "not-a-spreadsheet",
            file=sub.file,
            hamlet=sub.hamlet,
            detail=suffix,
            variant="csv" if suffix == ".csv" else "",
        )
    return Issue("file-skipped", file=sub.file, detail=sub.extra.get("skip_reason", ""))


def named_skipped(
    submissions: list[Submission], matcher: HamletMatcher, period: str | None, sent: set[str]
) -> None:
    """A shortcut ('.lnk', '.url'), a list hidden by its name's leading dot or a compressed
    file ('.zip', '.rar', '.7z'; session 57), skipped, whose name names a hamlet of ``period``
    that sent nothing (``sent``: the hamlets counted or refused): ``extra["named_for"]`` that
    hamlet, its line on 'Nộp báo cáo' saying a file named for it was found, not a bare "Chưa
    nộp" (session 50). So is each list of a hidden folder
    skipped (``extra["hidden_lists"]``): ``extra["named_in_folder"]`` {hamlet: the list's path
    in the input}, the first list of each hamlet (session 51); and each list of an output
    folder passed over, right inside it or in a hidden folder in it (``extra["output_lists"]``):
    ``extra["named_in_output"]`` alike (session 52). A name giving no month in a folder naming
    another is that month's file: not named (:func:`_skipped_named`)."""
    for sub in submissions:
        reason = sub.extra.get("skip_reason")
        if reason in SHORTCUT_SUFFIXES or reason in ARCHIVE_SUFFIXES or sub.extra.get("hidden"):
            hamlet, of_period = _skipped_named(sub.file, matcher, period)
            if hamlet and of_period and hamlet not in sent:
                sub.extra["named_for"] = hamlet
        for lists, named in (("hidden_lists", "named_in_folder"),
                             ("output_lists", "named_in_output")):  # fmt: skip
            for inner in sub.extra.get(lists, ()):
                file = f"{sub.file}/{Path(inner).as_posix()}"
                hamlet, of_period = _skipped_named(file, matcher, period)
                if hamlet and of_period and hamlet not in sent:
                    sub.extra.setdefault(named, {}).setdefault(hamlet, file)


def _skipped_named(
    file: str, matcher: HamletMatcher, period: str | None
) -> tuple[str | None, bool]:
    """:func:`named_by_file_name` of a file skipped unread (a shortcut, a hidden file, a hidden
    folder's list; ``file``: its path in the input), but a name giving no month in a folder
    naming another ('T4/BanCo.lnk', '.thang4/DongKe.xlsx' at May's run) is that month's file,
    not this one's (session 51), as is one whose name ends with another month without its year
    ('Đồng Kè tháng 4.jpg', 'DongKe_T4.lnk': text.month_ending), unless in ``period``'s
    folder (session 55, review)."""
    hamlet, of_period = _named_by_path(file, matcher, period)
    stem = Path(file).stem
    dated = find_period_in_text(stem) is not None
    bare = None if dated or period is None else month_ending(stem, hamlet)
    if bare is not None:
        return hamlet, bare == int(period[5:7]) or in_month_folder(file, period)
    return hamlet, of_period and (
        dated or (period is not None and same_month(folder_month(file), period))
    )


def named_skipped_files(submissions: list[Submission]) -> dict[str, tuple[str, str]]:
    """Hamlet -> (the file's path in the input, its kind: 'shortcut', 'hidden', 'archive',
    'hidden_folder' or 'output_folder') of each hamlet :func:`named_skipped` named a skipped
    file for: what its line on 'Nộp báo cáo' and the screen's "Chưa nộp" say (session 51; an
    output folder's list, session 52)."""

    def kind(sub: Submission) -> str:
        if sub.extra.get("hidden"):
            return "hidden"
        return "archive" if sub.extra.get("skip_reason") in ARCHIVE_SUFFIXES else "shortcut"

    named = {
        s.extra["named_for"]: (s.file, kind(s)) for s in submissions if s.extra.get("named_for")
    }
    for s in submissions:
        for hamlet, path in s.extra.get("named_in_folder", {}).items():
            named.setdefault(hamlet, (path, "hidden_folder"))
        for hamlet, path in s.extra.get("named_in_output", {}).items():
            named.setdefault(hamlet, (path, "output_folder"))
    return named


def named_by_file_name(
    sub: Submission, matcher: HamletMatcher, period: str | None
) -> tuple[str | None, bool]:
    """The plan hamlet a file's name names, and whether the name gives no month but ``period``
    (``DongKe_2024-04.xlsx`` is not May's), or the innermost folder naming a month names
    ``period``'s: the officer sorted it into that month ('T5/DongKe_2024-04.xlsx' at May's run:
    the name mistyped; session 43)."""
    return _named_by_path(sub.file, matcher, period)


def _named_by_path(
    file: str, matcher: HamletMatcher, period: str | None
) -> tuple[str | None, bool]:
    """:func:`named_by_file_name` of a file's path in the input (``file``)."""
    stem = Path(file).stem
    of_period = find_period_in_text(stem) in (None, period) or in_month_folder(file, period)
    return matcher.find_in(stem), of_period


def in_month_folder(file: str, period: str | None) -> bool:
    """Whether the innermost folder naming a month that ``file`` (its path in the input) sits
    in names ``period``'s month ('T5/…' of '2024-05'): the officer sorted it into that month."""
    folder = folder_month(file) if period else None
    return folder is not None and same_month(folder, period)


def _unsettled(
    submissions: list[Submission], matcher: HamletMatcher, period: str | None
) -> list[Submission]:
    """Files refused before their hamlet and period were settled that may be a hamlet's file of
    ``period``: unreadable ones (the hamlet from the file name, if the name gives no other
    period), and rosters whose period could not be read or whose hamlet is not in the plan (the
    hamlet from the title or file name). Each gets the hamlet it names, so that its issues and
    the submission sheet say whose it is. An unreadable file whose name gives another month is
    that month's: status 'other_period', the month in ``extra["name_period"]``."""
    found = []
    lists = list_periods(submissions)
    for sub in submissions:
        if sub.extra.get("document"):
            hamlet = document_of(sub, matcher, period)
            if hamlet:
                sub.hamlet = hamlet
                found.append(sub)
            else:
                document_of_month(sub, matcher, period, lists)
            continue
        if sub.status != "rejected" or sub.extra.get("future_period"):
            continue
        if sub.kind == "unreadable":
            sub.hamlet, of_period = named_by_file_name(sub, matcher, period)
            if period and not of_period:
                # Its name gives another month (March's damaged copy kept in 'T3/' at May's
                # run): that month's file, "khác kỳ", its problem not this month's (session 43);
                # the folder's month before the name's, as at that month's run (session 55, M)
                sub.status = "other_period"
                sub.extra["name_period"] = month_of_file(
                    sub.file, period, lists
                ) or find_period_in_text(Path(sub.file).stem)
            elif sub.hamlet:
                found.append(sub)
        elif sub.kind == "roster" and sub.hamlet is None and sub.hamlet_raw:
            # Refused on reading (no household table): named, but left "missing" (decisions.md).
            sub.hamlet = raw_hamlet(sub, matcher)
        elif sub.kind == "roster" and sub.hamlet and sub.period in (None, period):
            found.append(sub)  # its period unreadable, or its hamlet told from title or name
    return found


def web_pages_refused(
    submissions: list[Submission], matcher: HamletMatcher, period: str | None, sent: set[str]
) -> dict[str, Submission]:
    """hamlet -> a web page saved under a workbook's name with no list in it
    (``extra["markup"]``, discover), named for that hamlet and no other month, where the
    hamlet sent nothing else (``sent``): the hamlet's refused file, no longer a skipped file
    beside a hamlet said not sent (session 49). The newest by file time, then name."""
    found: dict[str, Submission] = {}
    pages = [s for s in submissions if s.extra.get("markup") and s.status == "skipped"]
    for sub in sorted(pages, key=lambda s: (s.mtime, s.file)):
        hamlet, of_period = named_by_file_name(sub, matcher, period)
        if hamlet and of_period and hamlet not in sent:
            found[hamlet] = sub
    for hamlet, sub in found.items():
        sub.hamlet, sub.status, sub.kind = hamlet, "rejected", "unreadable"
    return found


def pages_not_skipped(issues: list[Issue], submissions: list[Submission]) -> None:
    """Drops the `not-a-roster` line of each web page :func:`web_pages_refused` took as its
    hamlet's refused file: said as that (file-unreadable), not also as a file skipped. A run
    (pipeline.run) and `giamngheo check` (pipeline.checkfiles) alike (session 49)."""
    taken = {s.file for s in submissions if s.extra.get("markup") and s.status == "rejected"}
    if taken:
        issues[:] = [i for i in issues if i.code != "not-a-roster" or i.file not in taken]


def newest_refused(weighed: list[tuple[str, Submission]], sent: set[str]) -> dict[str, Submission]:
    """hamlet -> the file it is refused for, among files refused before they could be counted
    (``weighed``: (the hamlet each names, the file)), for each hamlet that sent nothing else
    (``sent``): the newest, by 'Ngày lập', then file time, then name. A run (:func:`consolidate`)
    and `giamngheo check` (pipeline.checkfiles) decide by this one rule."""
    found: dict[str, Submission] = {}
    for hamlet, sub in sorted(
        weighed, key=lambda pair: (pair[1].prepared_on or date.min, pair[1].mtime, pair[1].file)
    ):
        if hamlet not in sent:
            found[hamlet] = sub
    return found


def resolve_duplicates(
    subs: list[Submission],
    issues: list[Issue],
    key=lambda sub: sub.hamlet,
    another_month=names_another_month,
    counted: Callable[[], Collection[str]] = tuple,
) -> dict:
    """Newest submission per hamlet wins (Ngày lập, then file time, then name:
    rosterchecks.newest_first); the rest are superseded, each said (`superseded`, naming the
    newer copy). ``key``: what makes files copies of one list (a run's files are all of one
    period: the hamlet). ``another_month``: whether a copy's file name or folder names another
    month than its 'Kỳ báo cáo' (`check` reads a file given by itself in its own folder).
    Copies holding the newest's bytes (one attachment downloaded twice: 'DS.xlsx' and 'DS
    (1).xlsx') are one list whatever their file times: the one ``counted()`` names (the files the
    history counted when the period was run, asked only then) is kept, else the one whose name has no copy
    mark (:func:`stable_copy`; session 52), so that running a month again counts the same
    file. Returns {key: the newest}. A run (:func:`consolidate`) and `giamngheo check` on
    several files (pipeline.checkfiles) decide by this one rule."""
    groups: dict = {}
    for sub in subs:
        groups.setdefault(key(sub), []).append(sub)
    winners = {}
    for name, group in groups.items():
        group = newest_first(group)
        # A copy whose file name or folder names another month than its 'Kỳ báo cáo' (June's
        # list in 'T6/' with May left in the cell) comes after every copy that does not, newer
        # or not: a run of May over the whole year's folder must not count June's list.
        # So does a copy of the hamlet's list saved under a neighbour's name that sent its
        # own (copied_for_another): the hamlet's own file is counted (session 43).
        doubtful = {id(s) for s in group if another_month(s) or "copy_named_for" in s.extra}
        group = sorted(group, key=lambda s: id(s) in doubtful)  # stable: newest first in each
        group = stable_copy(group, counted)
        winners[name] = group[0]
        for older in group[1:]:
            older.status = "superseded"
            # passed over for its month, not for its date: said so ('other-month')
            passed = id(group[0]) not in doubtful and id(older) in doubtful
            issues.append(
                Issue(
                    "superseded",
                    file=older.file,
                    hamlet=older.hamlet,
                    detail=group[0].file,
                    # the same bytes first: last month's file sent again under this month's
                    # name is no list of another month to correct (session 43)
                    variant=(
                        "same-file"
                        if _same_bytes(older.path, group[0].path)
                        else "other-month-title"
                        if passed and older.extra.get("period_from") == "title"
                        else "other-month"
                        if passed
                        else ""
                    ),
                )
            )
    return winners


# A copy's mark the browser or Windows adds to a file saved again under a taken name:
# 'DS (1).xlsx', 'DS - Copy.xlsx', 'DS - Bản sao.xlsx'.
_COPY_MARK = lazyre.compile(
    r"(?:\s*\(\d+\)|\s+-\s+(?:copy|bản sao)(?:\s*\(\d+\))?)$", re.IGNORECASE
)


def stable_copy(
    group: list[Submission], counted: Callable[[], Collection[str]] = tuple
) -> list[Submission]:
    """``group`` (copies of one list, the one to count first) with the copy to count put first
    among those holding the first's bytes: the one ``counted()`` names (the history counted it
    when the period was run), else the first whose file name carries no copy mark ('DS.xlsx'
    before 'DS (1).xlsx'), else the first; the rest keep their order. Identical copies are one
    list: which is counted must not follow their file times, which a download or a copy sets
    (session 52)."""
    if len(group) < 2:
        return group
    same = [group[0]] + [s for s in group[1:] if _same_bytes(s.path, group[0].path)]
    if len(same) < 2:
        return group
    names = {nfc(f) for f in counted()}
    pick = next(
        (s for s in same if nfc(s.file) in names),
        next((s for s in same if not _COPY_MARK.search(nfc(Path(s.file).stem))), same[0]),
    )
    return [pick] + [s for s in group if s is not pick]


def _same_bytes(one: Path, other: Path) -> bool:
    """Whether two files hold the same bytes (one attachment saved or downloaded twice: 'DS.xlsx'
    and 'DS (1).xlsx'); False when either cannot be read. Session 41."""
    import filecmp

    try:
        return filecmp.cmp(one, other, shallow=False)
    except OSError:
        return False


def same_list(sub: Submission, lists: list[Submission]) -> str:
    """The file of another of ``lists`` of ``sub``'s hamlet and period holding the same bytes
    (last month's list sent again under this month's name: the hamlet's list of that month);
    '' when none. A run (:func:`consolidate`) and `giamngheo check` (pipeline.checkfiles) tell
    it by this one rule (session 43)."""
    return next((other.file for other in lists if other is not sub and other.hamlet == sub.hamlet
                 and other.period == sub.period and _same_bytes(other.path, sub.path)), "")  # fmt: skip


def _kept_same(sub: Submission, kept_of: Callable[[str], Mapping[str, str] | None] | None) -> str:
    """The file kept when the month ``sub``'s 'Kỳ báo cáo' says was run (its name in that
    month's ``nguon-sha256.txt``) holding the same bytes as ``sub``: last month's file sent
    again, its month's files no longer in the input folder (:func:`same_list` compares those
    there); '' when none, or nothing is known of that month (session 43). Not the copy of
    ``sub`` itself (its own name: January's list with 12/2024 left in it, kept with December's
    files when December was run again, is no December list sent again; session 44)."""
    kept = kept_of(sub.period) if kept_of is not None and sub.period else None
    if not kept:
        return ""
    from pipeline.archive import sha256_of

    try:
        digest = sha256_of(sub.path)
    except OSError:
        return ""
    return next((name for name, kept_digest in sorted(kept.items())
                 if kept_digest == digest and name != sub.file), "")  # fmt: skip


def newer_refused(issues: list[Issue], refused: set[str]) -> None:
    """An older copy set aside (`superseded`) for a newer one the run then refused (``refused``:
    the files of the lists chosen and refused) is said so (variant 'newer-refused'): the hamlet
    counts neither, and the officer is told the two ways out, the newer copy corrected or taken
    out of the input folder so that this one is used (CONTRACT §1: the newer copy wins, valid or
    not). Session 37."""
    for index, issue in enumerate(issues):
        if issue.code == "superseded" and not issue.variant and issue.detail in refused:
            issues[index] = replace(issue, variant="newer-refused")


def older_set_aside(issues) -> dict[str, list[str]]:
    """{a refused newer copy: the older copies set aside for it} (`superseded`, variant
    'newer-refused', :func:`newer_refused`), each named beside the refused one where the run's
    stop line and the screen's summary name it, so that the officer may take it out and use
    the older one."""
    older: dict[str, list[str]] = {}
    for issue in issues:
        if issue.code == "superseded" and issue.variant == "newer-refused":
            older.setdefault(issue.detail, []).append(issue.file)
    return older


def _check_file(
    sub: Submission,
    plan: Plan,
    starts: dict[str, int],
    listed_at_start: dict[str, int],
    written: str = "",
) -> tuple[list[Issue], int | None]:
    """File-level checks of a roster (its info, its header); an error rejects the file.
    ``written``: the commune's name the lists write instead of the plan's mistyped one
    (:func:`plan_commune_typo`), '' when none."""
    hamlet = sub.hamlet
    found: list[Issue] = []
    if not sub.extra.get("info_sheet"):
        # Said only for the period consolidated: last month's files are not the officer's concern.
        found.append(missing_info_sheet_issue(sub, hamlet))
    if (other := commune_mismatch(sub, plan, written)) is not None:
        found.append(other)
    found.extend(info_issues(sub, hamlet))
    # another hamlet's rows named as the plan writes the hamlet (its matcher built when asked)
    found.extend(header_issues(sub, lambda: HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)))
    listed = listed_at_start.get(hamlet, 0)
    if not sub.rows_read and listed:
        found.append(empty_list_issue(sub, listed))
    total = total_households(sub, starts.get(sub.hamlet), found)
    return found, total


def commune_mismatch(sub: Submission, plan: Plan, written: str = "") -> Issue | None:
    """The warning for a roster whose 'Xã' names another commune than the plan's ('Xã' left
    out of both), at its cell; None when it names the plan's or none. A run (:func:`_check_file`)
    and `giamngheo check` with the plan given (pipeline.checkfiles) say it by this one rule.
    ``written``: the name the period's lists agree on when the plan's looks mistyped
    (:func:`plan_commune_typo`): a list naming it is right, one naming another is told to
    write it, never the plan's typo."""
    named = commune_key(sub.commune_raw) if sub.commune_raw else ""
    expected = written or plan.commune
    if not named or named == commune_key(expected):
        return None
    former = plan.former_communes.get(named)
    return Issue(
        "commune-mismatch",
        file=sub.file,
        hamlet=sub.hamlet,
        sheet=sub.extra.get("info_sheet") or "",
        cell=info_cell(sub, "commune"),
        column=ROSTER_INFO_LABELS["commune"][0],
        value=sub.commune_raw,
        detail=expected,
        **(
            {
                "variant": "former-unsure" if named in plan.former_unsure else "former",
                "instead": former[1],
            }  # fmt: skip
            if former
            else {"variant": "written"}
            if written
            else {}
        ),
    )


_TYPO_LETTERS = 2  # folded names this many letters apart or fewer: one commune, one typo


def plan_commune_typo(subs: list[Submission], plan: Plan) -> tuple[str, Issue] | None:
    """The name the period's lists write for the commune when the plan's 'Xã' looks mistyped,
    and the one warning at the plan's cell (plan-value-guessed 'commune'); None otherwise.

    Two lists or more, and more than half of those naming a commune, must write one and the
    same other name (folded, 'Xã' or not; not the name of another plan in the folder, a
    merger's former commune) at most two letters from the plan's (folded: 'Trung Lươmg' and
    'Trung Lương'). A name far from the plan's, even written by every list, is more likely the
    commune before a merger whose plan has left the folder: the lists are told the plan's. One list alone proves nothing: its own
    name may be the typo (docs/decisions.md, session 25: a plan whose commune name is
    mistyped)."""
    mine = commune_key(plan.commune)
    named = [commune_key(s.commune_raw) for s in subs if s.commune_raw]
    named = [n for n in named if n]
    counts: dict[str, int] = {}
    for name in named:
        counts[name] = counts.get(name, 0) + 1
    others = sorted(
        ((k, n) for n, k in counts.items() if n != mine and n not in plan.former_communes),
        key=lambda kn: (-kn[0], kn[1]),
    )
    if not others or others[0][0] < 2:
        return None
    count, name = others[0]
    # a typo is a letter or two: a name far from the plan's that every list writes is more
    # likely the commune before a merger (its plan no longer in the folder) than a typo
    if not (2 * count > len(named) and letters_apart(name, mine, _TYPO_LETTERS)):
        return None
    # the name as the first list naming it writes it, 'Xã' left out
    raw = next(s.commune_raw for s in subs if s.commune_raw and commune_key(s.commune_raw) == name)
    shown = nfc(str(raw)).strip()
    if fold(shown).startswith("xa ") and len(shown.split(maxsplit=1)) == 2:
        shown = shown.split(maxsplit=1)[1]
    sheet, cell = plan.commune_at
    issue = Issue(
        "plan-value-guessed",
        file=plan.file,
        sheet=sheet,
        cell=cell,
        column=PLAN_INFO_LABELS["commune"][0],
        value=plan.commune,
        detail=shown,
        variant="commune",
        instead=Message(
            f"{count}/{len(named)} danh sách của kỳ", f"{count} of the period's {len(named)} lists"
        ),
    )
    return shown, issue


def _check_and_validate(
    subs: list[Submission],
    plan: Plan,
    issues: list[Issue],
    left: Callable[[], Mapping[str, str]] | None = None,
    written: str | None = None,
    year: int | None = None,
    own: Callable[[], pd.DataFrame | None] | None = None,
    refused: list[pd.DataFrame] | None = None,
    numbering: list[pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """File-level checks, then the rows of every file validated in one pass; sets each file's
    status and counts. Returns the typed rows of the files accepted. ``left()``: households the
    history shows out of the lists, with the month each left (rosterchecks.left_in_history).
    ``written``: the commune's name the period's lists write for the plan's mistyped one
    (:func:`plan_commune_typo`, '' for none; None: told from ``subs``); ``year``: the report
    year the rows are validated for (None: that of the files' period). ``own()``: the commune's
    own codes where the plan has no start list (:func:`stored_own_codes`; asked only where a Mã
    hộ may be an ID number), else its start list's. ``refused``: given, the rows of the lists
    refused for every row left out once counted together (rows_refuse_across) appended to it.
    ``numbering``: given, the commune's own codes the Mã hộ were read against
    (rosterchecks.Rows.numbering) appended to it, for the public list to post them as the head
    is told them (session 54's review).

    A file refused by its file-level checks (its period or total unreadable, say) has its rows
    validated too, though none counts: the hamlet head learns every problem of the file at
    once, not one more after each resend. Only a table without its required columns is not.
    """
    # each plan hamlet's start-of-year households, looked up once per file
    starts = plan.start_households
    listed = listed_at_start(plan)  # and its poor and near-poor households then
    if written is None:
        typo = plan_commune_typo(subs, plan)
        if typo is not None:
            issues.append(typo[1])
        written = typo[0] if typo else ""
    checked = [(sub, *_check_file(sub, plan, starts, listed, written)) for sub in subs]
    passed = {
        position
        for position, (_, found, _) in enumerate(checked)
        if not any(i.severity == "error" for i in found)
    }
    validated = [
        position
        for position, (_, found, _) in enumerate(checked)
        if not any(i.code in ("missing-column", "column-misnamed") for i in found)
    ]
    if not validated:
        for sub, found, _ in checked:
            sub.status = "rejected"
            issues.extend(found)
        return _empty_households()
    # Every file here is of the period consolidated, so of one report year.
    year = year or int(subs[validated[0]].period[:4])
    plan_matcher = cache(lambda: HamletMatcher(plan.hamlet_names, plan.hidden_hamlets))
    done = validate_rosters(
        [subs[p] for p in validated],
        report_year=year,
        standard=STANDARDS[plan.standard],
        area=plan.area,
        left=left,
        start=plan.start_list if own is None else own,
        hamlets=lambda text: plan_matcher().match(text),  # made for a rare name only
    )
    typed, valid = done.typed, done.typed["valid"].to_numpy()
    if numbering is not None and done.numbering is not None:
        numbering.append(done.numbering)
    sub_of_row = np.asarray(validated, dtype=np.int64)[done.owner]
    listed = np.bincount(sub_of_row, weights=listed_as_poor_or_near(typed), minlength=len(checked))
    read = np.bincount(sub_of_row, minlength=len(checked))
    valid_rows = np.bincount(sub_of_row, weights=valid, minlength=len(checked))
    accepted = np.zeros(len(checked), dtype=bool)
    for index, position in enumerate(validated):
        sub, found, total = checked[position]
        found.extend(done.issues[index])
        sub.rows_read = int(read[position])
        if position not in passed:
            continue
        counts = (int(read[position]), int(valid_rows[position]), int(listed[position]))
        if (refusal := rows_refuse(sub, total, *counts)) is not None:
            found.append(refusal)
        else:
            accepted[position] = True
        sub.total_households = total
    keep = accepted[sub_of_row]
    households = typed[keep].reset_index(drop=True) if not keep.all() else typed
    owners = sub_of_row[keep]
    # A Mã hộ used twice in the commune (across files too) is not counted either; one ID number
    # under two codes, or one household under codes told apart only by their dots or under the
    # same head's name and birth year, perhaps counted twice (warnings). Said after the files'
    # own issues, as before.
    twice: list[Issue] = []
    subs_checked = [sub for sub, _, _ in checked]
    households_twice(households, subs_checked, owners, twice)
    kept_elsewhere: dict[str, list[str]] = {}
    if plan.start_list is not None and subs[validated[0]].period[:4] == f"{plan.plan_year:04d}":
        # one household on two hamlets' lists, counted where the start list has it (session 57)
        kept_elsewhere = kept_by_start_list(households, lambda row: subs_checked[owners[row]],
                                            twice, plan.start_list)  # fmt: skip
    # ... a list whose every row is then left out is refused as rows_refuse refuses one whose
    # own rows all fail: out of the totals, current and start alike (session 53)
    across = rows_refuse_across(households["valid"].to_numpy(), owners, subs_checked)
    refused_for_start_list(across, kept_elsewhere)  # all counted in another hamlet
    for position, refusal in across.items():
        checked[position][1].append(refusal)
        accepted[position] = False
    for position, (sub, found, _) in enumerate(checked):
        if not accepted[position]:
            sub.status = "rejected"
        issues.extend(far_total_settled(found, bool(accepted[position])))
    issues.extend(twice)
    if across:
        keep = accepted[owners]
        if refused is not None:
            refused.append(households[~keep].reset_index(drop=True))
        households, owners = households[keep].reset_index(drop=True), owners[keep]
    # A refused file's own doubled codes are said too, so that its feedback lists every
    # problem at once (its rows count for nothing either way); those of a list refused for
    # them are said already.
    for position in np.flatnonzero(~accepted).tolist():
        if position in across:
            continue
        rows = typed[sub_of_row == position]
        if len(rows) > 1:
            sub, own = checked[position][0], rows.reset_index(drop=True).copy()
            duplicates_in(own, lambda _row, s=sub: s, issues, heads=True)
            duplicate_id_numbers(own, lambda _row, s=sub: s, issues)
    # a hidden row left out for an error is not said to be counted (every row's errors known)
    left_out_settled([sub for sub, _, _ in checked], issues)
    # Rows left out: bad values, formulas without values, a Mã hộ used twice (the accepted
    # files), or every row not valid (a rejected file's, which counts none of them).
    left_out = np.bincount(sub_of_row, weights=~valid, minlength=len(checked))
    left_out[accepted] = np.bincount(
        owners, weights=~households["valid"].to_numpy(), minlength=len(checked)
    )[accepted]
    for position in across:
        left_out[position] = read[position]  # refused: none of its rows counts
    for position in validated:
        checked[position][0].rows_rejected = int(left_out[position])
    return households


def rows_told_uncounted(
    sub: Submission,
    plan: Plan,
    counted: list[Submission],
    period: str,
    left: Callable[[], Mapping[str, str]] | None = None,
) -> list[Issue]:
    """The issues of ``sub``'s own checks, as :func:`_check_and_validate` finds them of a list it
    counts (its 'Thông tin' values, header, rows, its codes twice within it), for a list of the
    month ``period`` that is not counted: one whose 'Kỳ báo cáo' was left at another month
    (period-differs-*, session 51). ``counted``: the period's lists weighed for counting, whose
    commune name settles a mistyped plan's (:func:`plan_commune_typo`). Nothing of ``sub`` is
    changed: it stays "khác kỳ", its rows in no count and in no check across the commune."""
    typo = plan_commune_typo(counted, plan)
    kept = (sub.status, sub.rows_read, sub.rows_rejected, sub.total_households)
    found: list[Issue] = []
    rows = _check_and_validate([sub], plan, found, left, typo[0] if typo else "", int(period[:4]))
    codes_from_start(plan.start_list, rows, found)  # a blank code's, as of a list counted
    sub.status, sub.rows_read, sub.rows_rejected, sub.total_households = kept
    # A list without 'Thông tin' is told at its title, where its month was read (variant
    # 'title'): "hamlet and month from the title" beside it would quote the stale month again.
    # So would what its 'Kỳ báo cáo' cells say ('05/24' to write in full as 05/2024, 'tháng
    # 5' read with the plan's year, a blank or '=05/2024' taken from the title, a second
    # 'Kỳ báo cáo' naming this month said already by period_twice_issues): the warning that
    # tells it another month's is what the head does with that cell (session 51 review).
    sheet, label = sub.extra.get("info_sheet"), ROSTER_INFO_LABELS["period"][0]
    return [
        issue
        for issue in found
        if issue.code != "missing-info-sheet"
        and not (sheet and issue.sheet == sheet and issue.column == label)
    ]


# A roster's total households outside this share of the plan's start-of-year count is warned of.
FAR_BELOW, FAR_ABOVE = 0.8, 1.25


def total_households(sub: Submission, start: int | None, found: list[Issue]) -> int | None:
    """The roster's total households, as its 'Tổng số hộ dân cư' gives it, and what is said of
    it (in ``found``); ``start``: the plan's start-of-year households of its hamlet, used when
    the value is left blank, or None where no plan is given (`giamngheo check` of the lists
    alone, pipeline.checkfiles): what a run would take from the plan is then said without the
    number, and no total returned. A run and `check` read it by this one rule."""
    raw = sub.extra.get("total_raw")
    # 1.012 typed for 1012 too (session 31), 'Số hộ: 62' and '62 hộ gia đình' (session 50)
    total = parse_households(raw)
    sheet = sub.extra.get("info_sheet") or ""

    def said(code: str, value: str, cell: str | None = None, detail: object = "",
             variant: str = "") -> Issue:  # fmt: skip
        """An issue at the 'Tổng số hộ dân cư' cell of the Thông tin sheet."""
        return Issue(code, file=sub.file, hamlet=sub.hamlet, sheet=sheet,
                     cell=info_cell(sub, "total_households") if cell is None else cell,
                     column=ROSTER_INFO_LABELS["total_households"][0], value=value,
                     detail=detail, variant=variant)  # fmt: skip

    if total is not None and total > 0:
        if start is not None and not FAR_BELOW * start <= total <= FAR_ABOVE * start:
            # A hamlet's households change by a few in a year: 39 for 202 is the poor and
            # near-poor households written as the total (its poor rate would read 61 %).
            found.append(said("total-far-from-plan", str(total), detail=str(start)))
        return total
    unread = unread_info(sub, "total_households")
    if unread is not None:  # a total there, but not readable: not replaced by the plan's
        found.append(unread)
        return None
    if not sheet or raw is None:
        if sheet:
            cell = info_cell(sub, "total_households")
            count = "" if start is None else f" ({start} hộ)"
            count_en = "" if start is None else f" ({start} households)"
            used = Message(f"số hộ đầu năm trong kế hoạch{count} để tính tỷ lệ",
                           f"the plan's start-of-year count{count_en} for the rates")  # fmt: skip
            if not cell:  # no cell: the label row itself is gone, not only its value
                found.append(said("info-label-missing", "", cell, used))
            else:  # the cell holds nothing: the count used is the detail, not the value written
                found.append(said("missing-total-households", "", cell,
                                  "" if start is None else str(start),
                                  "" if start is not None else "no-plan"))  # fmt: skip
        return start
    written = info_written(sub, "total_households", raw)
    variant, example = "", ""
    numbers = _DIGITS.findall(raw) if isinstance(raw, str) else []
    if total is not None:
        pass  # '0 hộ' read as 0: not positive, said as a 0 typed is (session 50, review)
    elif not float(households_written(raw) or 0).is_integer():
        pass  # '62,5 hộ': a number, not whole, said as a 62,5 typed is (session 50, review)
    elif len(numbers) == 1 and PEOPLE_UNIT.search(clean_text(raw)):
        variant = "people"  # '250 nhân khẩu': the hamlet's people (session 50)
    elif numbers:
        # words around a number ('khoảng 60 hộ'): the number alone asked for, the one written
        # as the example where it is the only one
        variant, example = "words", numbers[0] if len(numbers) == 1 else "215"
    found.append(said("invalid-total-households", written, detail=example, variant=variant))
    return None


_DIGITS = lazyre.compile(r"\d+(?:[.,]\d{3})*")


def _unless_only_mistyped(
    identified: list[Submission], latest: str | None, command: RunCommand
) -> str | None:
    """The period to consolidate when none is asked for: the latest, unless every file of it is
    named for one earlier period that other hamlets sent ('DS_NaMon_2024-05.xlsx' with 'Kỳ báo
    cáo' 06/2024 among May's files: a slip, or the month the form was filled in), and nothing
    else says it is of the latest month: its hamlet sent no list of the earlier one, its title
    does not name the latest, and it was not filled in after the latest month. One such file
    would otherwise take the whole run to June with one hamlet; it is then said to the
    officer, and to the hamlet as a file of another period (period-differs-from-file-name).
    June's lists copied from May's files and not renamed stay June's."""
    files = [s for s in identified if s.period == latest]
    if latest is None or not files or any(s.extra.get("period_from") for s in files):
        return latest
    named = {find_period_in_text(Path(s.file).stem) for s in files}
    if len(named) != 1:
        return latest
    earlier = named.pop()
    if earlier is None or earlier >= latest:
        return latest
    sent_earlier = {s.hamlet for s in identified if s.period == earlier}
    year, month = int(latest[:4]), int(latest[5:7])
    after = date(year + month // 12, month % 12 + 1, 1)  # the month after the latest
    for sub in files:
        titled = title_periods(sub)
        if (
            sub.hamlet in sent_earlier  # the hamlet's list of that month is here too: a new one
            or latest in titled  # its title says the latest month
            or (sub.prepared_on is not None and sub.prepared_on >= after)  # filled in after it
        ):
            return latest
    if not sent_earlier:
        return latest
    from pipeline.output import NOTICES

    for sub in files:
        # the notice below is theirs (notices.sent_for_another_period_notes)
        sub.extra["told_as_later"] = True
    names = ", ".join(f"'{s.file}'" for s in files[:3]) + (" …" if len(files) > 3 else "")
    month, then = month_written(latest), month_written(earlier)
    NOTICES.append(
        Message(
            f"Kỳ {month} chỉ có ở {names}, mà tên tệp lại ghi kỳ {then}; đã tổng hợp kỳ {then}. "
            f"Nếu đúng là danh sách kỳ {month}, hãy chạy: {command.of(latest)}",
            f"Period {month} is only in {names}, whose name says {then}; {then} was "
            f"consolidated. If it really is the {month} list, run: {command.of(latest)}",
        )
    )
    return earlier


def _this_month(today: date | None) -> str:
    return (today or date.today()).strftime("%Y-%m")


def _in_future(sub: Submission, requested: str | None, today: date | None) -> bool:
    """The list is dated after the month the run is made in, and not the period asked for."""
    return bool(sub.period) and sub.period > _this_month(today) and sub.period != requested


def _refuse_future(
    rosters: list[Submission], requested: str | None, today: date | None, issues: list[Issue]
) -> list[Submission]:
    """Rosters dated after the current month are refused: one mistyped year ('05/2025' in
    May 2024) would otherwise become "the latest period" and take the whole run with it
    (docs/decisions.md). A period the officer asks for by name is taken as asked."""
    future = [s for s in rosters if _in_future(s, requested, today)]
    for sub in future:
        issues.append(future_period_issue(sub, _this_month(today)))
        sub.status = "rejected"
        sub.extra["future_period"] = True
    return future


def consolidate(
    plan: Plan,
    submissions: list[Submission],
    requested_period: str | None,
    today: date | None = None,
    known_codes: KnownCodes | None = None,
    command: RunCommand | None = None,
    counted_then: dict[str, set[str]] | None = None,
    left_of: Callable[[str], Mapping[str, str]] | None = None,
    kept_of: Callable[[str], Mapping[str, str] | None] | None = None,
    counted_files: Callable[[str], Collection[str]] | None = None,
) -> Consolidated:
    """``today``: the date the run is made (periods after its month are refused).
    ``known_codes``: the codes that tell whose list a file's codes are (:func:`hamlet_codes`;
    by default the plan's start-of-year list's).
    ``command``: the `giamngheo run` a notice gives to paste (run.execute).
    ``counted_then``: period -> the hamlets whose list was counted when it was run (the history
    store's), to tell a list of this period left with an earlier month in 'Kỳ báo cáo'.
    ``left_of(period)``: the households the history shows out of the lists before ``period``,
    with the month each left (rosterchecks.left_in_history).
    ``kept_of(period)``: name -> SHA-256 of the files kept when ``period`` was run
    (``nguon-sha256.txt``; None: none), to tell last month's file sent again once its month's
    files have left the input folder (:func:`_kept_same`).
    ``counted_files(period)``: the files the history counted when ``period`` was run, the
    copy kept again among identical copies (:func:`stable_copy`)."""
    issues: list[Issue] = []
    # 'Kỳ báo cáo' 'tháng 5' with no year the file name gives: the plan's year
    take_plan_year(submissions, plan, _this_month(today))
    matcher = HamletMatcher(plan.hamlet_names, plan.hidden_hamlets)
    # whose list a file's household codes are: the start of the year's, else the stored months'
    codes = known_codes if known_codes is not None else hamlet_codes(plan)
    rosters = [s for s in submissions if s.kind == "roster" and s.status != "rejected"]
    for sub in rosters:
        _identify(sub, matcher, plan, issues, codes)
    refused_by_codes(rosters, issues)  # a hamlet not in the plan, its codes telling whose
    copied_for_another(rosters, matcher, issues)  # a list's copy named for a neighbour
    copied_by_codes(rosters, matcher, codes, issues)  # a neighbour's copy, its codes telling
    identified = [s for s in rosters if s.status != "rejected"]
    future = _refuse_future(identified, requested_period, today, issues)
    identified = [s for s in identified if s.status != "rejected"]
    period = choose_period(identified, requested_period)
    if requested_period is None:
        period = _unless_only_mistyped(identified, period, command or RunCommand())
    if period is None:
        # Every list refused for its 'Xóm' (the plan writes 'Xóm 1', the lists 'Xóm Một'):
        # their month is the run's, so that the run stops saying why each was refused, not
        # that no list has a readable month.
        later = {id(s) for s in future}
        period = choose_period(
            [s for s in rosters if s.extra.get("hamlet_issue") is not None and id(s) not in later],
            None,
        )
    for sub in rosters:
        if sub.extra.get("hamlet_issue") is not None and period and sub.period == period:
            sent_for = sent_across_year(sub)  # of a list whose month is read (no month: stop)
            if sent_for[:4] > period[:4]:
                # Sent for a month of a later year ('T1_2025/NaMon_01-2025.xlsx'), its 'Kỳ báo
                # cáo' left at December, and under a name this year's plan does not know (next
                # year's): that month's list, "khác kỳ" here, not a list to rename for this
                # month; that month's run says the cell to correct (session 44).
                issues.remove(sub.extra.pop("hamlet_issue"))
                sub.status = "other_period"
                sub.extra["name_period"] = sent_for
                continue
        if sub.extra.get("hamlet_issue") is not None and sub.period and sub.period != period:
            if _in_future(sub, requested_period, today):
                # Dated after this month as well: no month's file yet, so its refusal stands
                # and it is the hamlet's refused file, as a future list of a known hamlet is
                # (`giamngheo check` says the same).
                if sub.hamlet:
                    future.append(sub)
                continue
            # A file of another month whose hamlet is not (or no longer) in the plan (two
            # hamlets merged in July, their June files still in the folder): "khác kỳ", not
            # an error of this month's run.
            issues.remove(sub.extra.pop("hamlet_issue"))
            sub.status = "other_period"
    current = []
    for sub in identified:
        if sub.period != period:
            # Listed as "khác kỳ" on the submission sheet; not a problem of the file.
            sub.status = "other_period"
        else:
            current.append(sub)
            if "hamlet_warning" in sub.extra:
                issues.append(sub.extra["hamlet_warning"])
    stored_elsewhere_said(issues, {sub.file for sub in current})
    winners = resolve_duplicates(
        current,
        issues,
        counted=cache(lambda: counted_files(period) if counted_files and period else ()),
    )
    accepted: dict[str, Submission] = {}
    rejected: dict[str, Submission] = {}
    chosen = [winners[hamlet] for hamlet in plan.hamlet_names if hamlet in winners]
    left = None
    if left_of is not None and period:
        left = cache(lambda: left_of(period))  # asked only of a row marked nowhere
    # a household that moved, left unclear in its list, that the hamlet it moved to lists
    moved_where_listed(chosen, matcher, plan.start_list)
    # without a start list, the commune's own codes are the stored months' (session 53)
    own = None if codes.months is None else cache(lambda: stored_own_codes(codes, period))
    refused_rows: list[pd.DataFrame] = []
    numbering: list[pd.DataFrame] = []
    households = _check_and_validate(
        chosen, plan, issues, left, own=own, refused=refused_rows, numbering=numbering
    )
    newer_refused(issues, {sub.file for sub in chosen if sub.status == "rejected"})
    for sub in chosen:
        (rejected if sub.status == "rejected" else accepted)[sub.hamlet] = sub
    # rows taken out as another hamlet's that its own list of the month holds (session 55, L)
    listed_where_named(issues, chosen, households)
    sent = set(accepted) | set(rejected)
    first_filled: dict[tuple, date] = {}  # (hamlet, period) -> its earliest 'Ngày lập'
    for sub in identified:
        key = (sub.hamlet, sub.period)
        if sub.prepared_on is not None and sub.prepared_on < first_filled.get(key, date.max):
            first_filled[key] = sub.prepared_on
    for sub in identified:
        # Last month's file copied and sent again with its 'Kỳ báo cáo' left unchanged: named
        # for this period, it says another. Not counted (the period in the file decides), but
        # the officer is told why the hamlet shows as not sent.
        # So is one whose title alone names this period (its file name names none).
        if (
            sub.status != "other_period"
            or not sub.hamlet
            or sub.hamlet in sent
            or sub.extra.get("period_from") not in (None, "title")
        ):
            continue
        # Or its folder, or a 'Ngày lập' after a list of the month it says is made
        # (rosterchecks.named_for), that month's list of the hamlet known otherwise.
        earliest = first_filled.get((sub.hamlet, sub.period))
        listed = sub.hamlet in (counted_then or {}).get(sub.period, ()) or (
            earliest is not None and sub.prepared_on is not None and earliest < sub.prepared_on
        )
        where = named_for(sub, period, listed)
        if where is not None or in_month_folder(sub.file, period):
            same = same_list(sub, identified) or _kept_same(sub, kept_of)
            # The very bytes of the hamlet's list of the month its cell says, sorted into this
            # month's folder, is that list sent again, whatever its 'Ngày lập' (named_for: a
            # July list is not filled in in June) (session 43).
            where = where or ("folder" if same else None)
            if where is not None:
                issues.append(period_differs_issue(sub, period, where, same))
                if not same:
                    # This month's list with the cell left stale: its rows' own errors are said
                    # now too, for the head to fix with the cell in one go; not counted (session
                    # 51). Last month's very file sent again is not checked: it is to be replaced.
                    issues.extend(rows_told_uncounted(sub, plan, chosen, period, left))
    for sub in identified:
        # Counted for another month as its first 'Kỳ báo cáo' says, a second one passed over
        # naming this month (06/2024 added under 05/2024): the hamlet shows as not sent, and
        # the officer is told why (every other 'Thông tin' value twice is said of lists counted).
        if sub.status == "other_period" and sub.hamlet and sub.hamlet not in sent:
            issues.extend(period_twice_issues(sub, period))
    # A file refused before it could be counted is the hamlet's (rejected, not "missing") when
    # the hamlet sent nothing else for the period: the newest such file.
    not_a_roster_of_month(submissions, period)  # a foreign workbook of another month's folder
    unsettled = future + _unsettled(submissions, matcher, period)
    rejected.update(newest_refused([(sub.hamlet, sub) for sub in unsettled], sent))
    for hamlet, sub in web_pages_refused(
        submissions, matcher, period, sent | set(rejected)
    ).items():
        rejected[hamlet] = sub
        issues.append(web_page_issue(sub))
    for sub in submissions:
        if sub.extra.get("document"):  # a photo or document: the hamlet's list, or no one's
            if (said := document_issue(sub, rejected)) is not None:
                issues.append(said)
    named_skipped(submissions, matcher, period, sent | set(rejected))
    warned = {i.file for i in issues if i.severity == "warning"}
    errored = {i.file for i in issues if i.severity == "error"}
    for sub in accepted.values():
        sub.status = "warnings" if (sub.file in warned or sub.file in errored) else "valid"
    columns = [*HOUSEHOLD_COLUMNS, *([FROM_AGE] if FROM_AGE in households.columns else [])]
    merged = Consolidated(period, accepted, rejected, households[columns], issues)
    if refused_rows:
        merged.refused_rows = refused_rows[0][[c for c in columns if c in refused_rows[0]]]
    merged.numbering = numbering[0] if numbering else None
    return merged
