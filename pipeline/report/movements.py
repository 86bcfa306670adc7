"""Sheet 'Biến động': movements since the start of the year and since last month, and who moved."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd
from xlsxwriter.worksheet import Worksheet

from pipeline.figures import NEAR_POOR_MOVES, POOR_MOVES
from pipeline.report.bulk import Block, Column, add_block, fitted_heights, values_of
from pipeline.report.cells import (
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    Context,
    codes_width,
    column_numbers,
    fit_row,
    header,
    header_width,
    incomplete_note,
    merged_width,
    missing,
    name_height,
    number,
    put_name,
    put_num,
    put_text,
    sum_formula,
    wrapped_lines,
)
from pipeline.report.labels import SHEET_NAMES, t
from pipeline.report.lists import group_starts
from pipeline.report.styles import (
    MIN_TABLE_ROWS,
    ROW_HEIGHT_PT,
    PageFlow,
    end_room,
    end_rows,
    first_rows,
    fix_pages,
    keep_with_table,
    merge_text,
    page_setup,
    signature_block,
    title_block,
    written_height,
)
from pipeline.report.trend import names_note
from pipeline.text import vi_key
from pipeline.timeline import previous_period

POOR_KEYS = POOR_MOVES
NEAR_KEYS = NEAR_POOR_MOVES
FIRST = 3  # first figure column, after STT | Xóm | Tình trạng
LISTS = ("poor", "near_poor")
# One table per list, stacked (poor, then near-poor), each STT | Xóm | Tình trạng and its 11
# figures: the sheet is 14 columns wide, not 25, and prints at 82 % on A4 landscape
# (9 pt), where 25 columns printed at 45 % (5 pt). The household list below shares the columns:
# STT | Xóm | Mã hộ | Họ và tên | Danh sách | Biến động | Đầu năm | Hiện tại | Phạm vi, so
# columns D, F and I are wider than a figure needs; its long texts wrap. G and H ('Đầu năm',
# 'Hiện tại') are 14: 'Không có trong' is 92 pixels in Times New Roman 11, more than 13 holds
# inside its padding, and Excel cut 'Không có trong danh sách' to two of its three lines.
WIDTHS = [5, 16, 13, 20, 12, 20, 14, 14, 15] + [9] * (FIRST + len(POOR_KEYS) - 9)
LIST_COLS = 9  # the household list's columns, STT … Phạm vi
CODE_COL = 2  # the household list's 'Mã hộ' (the tables' 'Tình trạng')
# The widest 'Mã hộ' grows for the list's longest code (session 57): 'BC-2025-000009' (15.5)
# whole on its line; a longer text (a note typed into the code) wraps there, rather than every
# table above it printing smaller (13 wide: 81 %, 18: 79 %, 24: 76 %).
CODE_CAP = 18.0
MOVEMENT_ORDER = (
    "to_near_poor",
    "to_poor",
    "exited",
    "vanished",
    "not_counted",
    "moved_out",
    "from_near_poor",
    "from_poor",
    "new",
    "returned",
    "moved_in",
    "recounted",
)
SCOPES = ("year", "month")
# The list's movements whose reason is said once under it (label, reason), not in each row:
# four or five lines of 'Biến động''s 20 widths made the row as tall (session 48).
REASONS = (
    ("mov.not_counted", "mov.not_counted.why"),
    ("mov.not_counted.apart.short", "mov.not_counted.apart.why"),
    ("mov.moved_out", "mov.moved_out.why"),  # said of any move out, each naming its hamlet
    ("mov.recounted", "mov.recounted.why"),
)
# A table's header: its two rows (20 and 64 pt) and the column numbers, in points as written.
HEAD_PT = written_height(20) + written_height(64) + ROW_HEIGHT_PT


def _widths(ctx: Context) -> list[float]:
    """The sheet's column widths: :data:`WIDTHS`, 'Mã hộ' as wide as the household list's
    longest code (:func:`cells.codes_width`), at most :data:`CODE_CAP`. A code wider than 13
    ran under 'Họ và tên chủ hộ' in print, cut ('BC-2025-00000', session 56's review)."""
    widths = list(WIDTHS)
    details = ctx.result.movement_details
    if details is not None and not details.empty and "ma_ho" in details.columns:
        codes = values_of(details["ma_ho"])
        widths[CODE_COL] = codes_width(codes, WIDTHS[CODE_COL], CODE_CAP)
    return widths


def _month_of(ctx: Context, period: str) -> str:
    """'Tháng 4/2024' for a 'YYYY-MM' period."""
    return t("period.cap", ctx.lang, m=int(period[5:7]), y=int(period[:4]))


def _start_label(ctx: Context, scope: str) -> str:
    """What the 'start' column counts from: the start of the year, or a stored month."""
    if scope == "month":
        return _month_of(ctx, ctx.summary["previous_period"])
    start_from = ctx.summary.get("start_from")
    if start_from and start_from != "plan":
        return _month_of(ctx, start_from)
    return t("mov.start", ctx.lang)


def _header_items(lang: str, start: str, list_name: str, apart: bool = False) -> list:
    """The header of one list's table: STT | Xóm | Tình trạng, then the list's 11 figures.
    ``apart``: some hamlet's figures lack a list sent apart, whose households its 'Chưa tính'
    counts too (not only rows with an error)."""
    if list_name == "poor":
        moves = ["to_near_poor", "exited.poor", "not_counted", "moved_out", "from_near_poor"]
        moves += ["new", "returned.poor", "moved_in", "recounted", "end"]
    else:
        moves = ["to_poor", "exited.near_poor", "not_counted", "moved_out", "from_poor"]
        moves += ["new", "returned.near_poor", "moved_in", "recounted", "end"]
    return [
        t("col.stt", lang),
        t("col.hamlet", lang),
        t("col.status", lang),
        (
            t(f"grp.{list_name}", lang),
            [start]
            + [
                t(f"mov.{m}.apart" if apart and m == "not_counted" else f"mov.{m}", lang)
                for m in moves
            ],
        ),
    ]


def _figures(mov: dict | None, list_name: str) -> list:
    """The 11 figures of one list of a movements dict (None when unknown)."""
    keys = POOR_KEYS if list_name == "poor" else NEAR_KEYS
    if not mov:
        return [None] * len(keys)
    return [mov[list_name].get(k) for k in keys]


def _table(
    ctx: Context,
    ws: Worksheet,
    row: int,
    ncols: int,
    key: str,
    list_name: str,
    start: str,
    flow: PageFlow,
    title: str | None = None,
    tail: float = 0.0,
) -> int:
    """One list's table of ``key`` ('movements' or 'movements_month'): ``title`` (its section's,
    over the poor table), the header, column numbers (the near-poor columns numbered on, 12 …
    22, as the identity note counts them), one row per hamlet, the total; return the row after
    it. A page that continues the table starts with its header rows again (the total sums the
    hamlet rows only); ``tail``: the height of the rows after it that print with its last rows
    (the notes under the near-poor table)."""
    st, lang = ctx.st, ctx.lang
    items = _header_items(lang, start, list_name, _apart(ctx))
    first_number = 1 + LISTS.index(list_name) * (ncols - 3)

    def head(r: int) -> int:
        ws.set_row(r, 20)
        ws.set_row(r + 1, 64)
        r = header(ctx, ws, r, items)
        column_numbers(ctx, ws, r, 3, ncols - 3, first=first_number)
        return r + 1

    hamlets = ctx.hamlets
    lead = (ROW_HEIGHT_PT if title is not None else 0.0) + HEAD_PT
    # A long name wraps: its row is taller (session 38).
    heights = [name_height(fig.get("hamlet"), WIDTHS[1]) for fig in hamlets]
    whole = lead + sum(heights) + ROW_HEIGHT_PT + tail
    row = flow.table_start(row, lead, max(heights[:MIN_TABLE_ROWS], default=ROW_HEIGHT_PT), whole)
    if title is not None:
        merge_text(ws, row, 0, row, ncols - 1, title, st["section"])
        row += 1
    row = head(row)
    data_rows: list[int] = []
    shown: list[int] = []  # rows of figures not summed
    runs: list[tuple[int, int]] = []  # the hamlet rows between the header rows, page by page
    run = row
    for i, fig in enumerate(hamlets):
        # The last hamlets print with the total and the rows after the table (session 42).
        at = flow.keep(row, end_room(heights, i, ROW_HEIGHT_PT + tail), head)
        if at != row:
            runs.append((run, row - 1))
            run = row = at
        status = fig.get("status", "ok")
        put_num(ws, row, 0, i + 1, st["center"])
        put_name(ws, row, 1, fig.get("hamlet"), st, WIDTHS[1])
        said = (
            t("hamlet.incomplete.short", lang)
            if fig.get("incomplete")
            else t(f"hamlet.{status}", lang)
        )
        ws.write_string(row, 2, said, st["text" if status == "ok" else "muted"])
        mov = fig.get(key)
        for j, value in enumerate(_figures(mov, list_name)):
            put_num(ws, row, FIRST + j, value, st["int"])
        if mov and status == "ok":
            data_rows.append(row)
        elif mov:  # a hamlet whose figures lack a list sent apart: not summed
            shown.append(row)
        row += 1
    runs.append((run, row - 1))
    merge_text(ws, row, 0, row, 2, t("total", lang), st["total_label"])
    for j, value in enumerate(_figures(ctx.totals.get(key), list_name)):
        col = FIRST + j
        formula = sum_formula(col, data_rows, runs=runs, shown=shown)
        ws.write_formula(row, col, formula, st["total_int"], number(value) or 0)
    return row + 1


def _apart(ctx: Context) -> list[str]:
    """The hamlets whose figures lack a list sent apart (session 25): their 'Chưa tính' counts
    the start households on that list."""
    return [f["hamlet"] for f in ctx.hamlets if f.get("incomplete")]


def _status_label(lang: str, status) -> str:
    if missing(status) or status == "absent":
        return t("class.absent", lang)
    return t(f"class.{status}", lang)


def _start_status_label(lang: str, status, code_then=None, then=None) -> str:
    """A household's class in the list compared with; in January, where the new start list
    renumbered it, the code last year's list (``then``, 'YYYY-MM') wrote it under beside:
    'Hộ nghèo (tháng 12/2024: mã 003)' (session 56)."""
    label = _status_label(lang, status)
    if missing(code_then) or not isinstance(then, str) or len(then) != 7:
        return label
    return t("mov.code_then", lang, status=label, m=int(then[5:7]), y=then[:4], code=code_then)


def _movement_label(
    lang: str, list_name: str, movement: str, other=None, now=None, left_in=None, asked=None
) -> str:
    if movement == "not_counted" and now == "apart":  # on a list sent apart (session 25)
        return t("mov.not_counted.apart.short", lang)
    if movement == "vanished" and isinstance(left_in, str) and len(left_in) == 7:
        # gone without 'Thoát' in an earlier month, asked to confirm then (session 29), of
        # another hamlet's head where a revised plan has moved the row since (session 67)
        if isinstance(asked, str) and asked.strip():
            return t("mov.vanished.before.asked", lang, m=int(left_in[5:7]), y=left_in[:4],
                     hamlet=asked)  # fmt: skip
        return t("mov.vanished.before", lang, m=int(left_in[5:7]), y=left_in[:4])
    if movement in ("moved_out", "moved_in"):
        # the hamlet alone, no 'xóm' before it: one line of 20 widths for a name of up to
        # ten characters (session 49); the tables' column name where it is not known
        if missing(other) or not str(other).strip():
            return t(f"mov.{movement}", lang)
        return t(f"mov.{movement}.long", lang, hamlet=other)
    if movement == "exited":
        return t(f"mov.exited.{list_name}", lang)
    if movement in ("from_near_poor", "from_poor"):
        return t(f"mov.{movement}.long", lang)
    if movement == "returned":
        return t(f"mov.returned.list.{list_name}", lang)
    return t(f"mov.{movement}", lang)


def _sorted_details(ctx: Context) -> pd.DataFrame:
    details = ctx.result.movement_details
    if details is None or details.empty:
        return pd.DataFrame()
    order = ctx.hamlet_order()
    if "scope" not in details.columns:
        details = details.assign(scope="year")
    scopes = {s: i for i, s in enumerate(SCOPES)}
    ranks = {m: i for i, m in enumerate(MOVEMENT_ORDER)}
    lists = {"poor": 0, "near_poor": 1}
    moved_in = MOVEMENT_ORDER.index("moved_in")
    came = (
        details["other_hamlet"].tolist()
        if "other_hamlet" in details.columns
        else [None] * len(details)
    )
    keys = []
    for scope, hamlet, name, movement, ma_ho, other in zip(
        details["scope"].tolist(),
        details["hamlet"].tolist(),
        details["list"].tolist(),
        details["movement"].tolist(),
        details["ma_ho"].tolist(),
        came,
        strict=True,
    ):
        # A household that moved into a row with an error (figures.arrivals_held: 'not
        # counted' with the hamlet it came from) reads "moved in", then right under it "not
        # counted".
        arrived = isinstance(movement, str) and movement == "not_counted" and not missing(other)
        keys.append(
            (
                scopes.get(scope, len(SCOPES)),  # a blank or unknown value (None, NaN, NA): last
                order.get(hamlet, len(order)),
                lists.get(name, 2),
                moved_in if arrived else ranks.get(movement, 99),
                ma_ho if isinstance(ma_ho, str) else "" if missing(ma_ho) else str(ma_ho),
                int(arrived),
            )
        )
    # sorted() is stable: rows of equal keys keep the order the run listed them in.
    return details.iloc[sorted(range(len(keys)), key=keys.__getitem__)]


def _scope_label(lang: str, scope, since=None) -> str:
    """'Từ đầu năm', 'So với tháng trước'; a month row of a hamlet compared with an earlier
    list than last month's (``since``: its 'movements_month_from', 'YYYY-MM' or 'plan')
    names that list."""
    if scope == "month" and since == "plan":
        return t("scope.month.plan", lang)
    if scope == "month" and isinstance(since, str):
        return t("scope.month.from", lang, m=int(since[5:7]), y=int(since[:4]))
    return t(f"scope.{scope if scope in SCOPES else 'year'}", lang)


def _household_list(
    ctx: Context, ws: Worksheet, row: int, flow: PageFlow, widths: list[float]
) -> tuple[int | None, int, int, list[int]]:
    """The households behind the movements; return the list's header row (None when empty),
    its last row, the last row written (a note under the list) and the first rows of its
    hamlets' rows (``lists.group_starts``). The title and header print with the list's first
    :data:`MIN_TABLE_ROWS` rows, as tall as they are written (``flow``: the sheet's pages;
    ``widths``: its columns', :func:`_widths`)."""
    st, lang = ctx.st, ctx.lang
    title = row
    row += 1
    details = _sorted_details(ctx)
    if details.empty:
        flow.keep(title, (2 + MIN_TABLE_ROWS) * ROW_HEIGHT_PT)
        put_text(ws, title, 0, t("mov.list_title", lang), st["section"])
        # over the list's columns, as its notes: in column A alone (5 wide) the wrapped words
        # were cut to 'Không' in a row of one line (session 54)
        _note(ctx, ws, row, LIST_COLS, t("mov.list_empty", lang), widths)
        return None, row, row, []
    both = set(details["scope"]) >= set(SCOPES) and ctx.summary.get("previous_period")
    if both:
        start_head = t("col.period_start_status", lang)
    elif set(details["scope"]) == {"month"}:
        start_head = _start_label(ctx, "month")
    else:
        start_head = t("col.start_status", lang)
        if ctx.summary.get("start_from") not in (None, "plan"):
            start_head = _start_label(ctx, "year")
    heads = [
        t("col.stt", lang),
        t("col.hamlet", lang),
        t("mov.col.ma_ho", lang),
        t("col.chu_ho", lang),
        t("col.list", lang),
        t("col.movement", lang),
        start_head,
        t("col.current_status", lang),
        t("col.scope", lang),
    ]
    head = row
    n = len(details)

    def labels(make, *keys: str) -> list[str]:
        cache: dict = {}
        values = zip(*(values_of(details[k]) for k in keys), strict=True)
        return [cache[v] if v in cache else cache.setdefault(v, make(*v)) for v in values]

    chu_ho = values_of(details["chu_ho"])
    if "other_hamlet" not in details.columns:
        details = details.assign(other_hamlet=None)
    if "left_in" not in details.columns:
        details = details.assign(left_in=None)
    if "asked_in" not in details.columns:
        details = details.assign(asked_in=None)
    movement = labels(
        lambda a, b, c, d, e, f: _movement_label(lang, a, b, c, d, e, f),
        "list",
        "movement",
        "other_hamlet",
        "current_status",
        "left_in",
        "asked_in",
    )
    since = {f["hamlet"]: f.get("movements_month_from") for f in ctx.hamlets}
    if "code_then" not in details.columns:
        details = details.assign(code_then=None)
    before = labels(
        lambda a, code, h: _start_status_label(
            lang, a, code, since.get(h) or ctx.summary.get("previous_period")
        ),
        "start_status",
        "code_then",
        "hamlet",
    )
    after = labels(lambda a: _status_label(lang, a), "current_status")
    # a household moved into a hamlet new in the plan since last month was compared with the
    # list of the hamlet it left (baselines._latest_lists leaves it out of the new one's start
    # column): its row says that hamlet's list, not the new one's (session 58, H2)
    previous = ctx.summary.get("previous_period") or ""
    fresh = {h for h, v in (ctx.summary.get("new_in_plan") or {}).items() if v["since"] > previous}
    # as its start column was counted (session 60, D); one compared with last month's lists
    # (a plan without a start list: its table from none) is not in baselines' answer, and its
    # moves in pair as before (session 60, R2)
    fresh -= {h for h in fresh if since.get(h) is not None} - _paired(ctx, fresh)
    # a household of a dropped name's list last month told gone in the hamlet it may have
    # become was compared with that list (its row names it): last month's (session 61, C)
    took = ctx.summary.get("month_took") or {}

    def scope_since(h, m, o):
        if h in fresh and m == "moved_in" and isinstance(o, str):
            return since.get(o)
        if m in ("vanished", "exited") and isinstance(o, str) and o in took.get(h, ()):
            return None
        return since.get(h)

    if "other_hamlet" in details.columns and (fresh or took):
        scope = labels(
            lambda a, h, m, o: _scope_label(lang, a, scope_since(h, m, o)),
            "scope",
            "hamlet",
            "movement",
            "other_hamlet",
        )
    else:
        scope = labels(lambda a, h: _scope_label(lang, a, since.get(h)), "scope", "hamlet")
    # a household of a hamlet back in the plan whose month column holds it from the start list
    # (its list before lacked it: the (*) note's codes, baselines._latest_lists) is compared
    # with that list, not with the list the hamlet's other rows name (session 63, E)
    started = {h: set(codes) for h, codes in (ctx.summary.get("month_started") or {}).items()}
    if started:
        plan_scope = _scope_label(lang, "month", "plan")
        for i, (a, h, code, name) in enumerate(
            zip(values_of(details["scope"]), values_of(details["hamlet"]),
                values_of(details["ma_ho"]), chu_ho, strict=True)
        ):  # fmt: skip
            said = code if isinstance(code, str) and code.strip() else name
            if a == "month" and h in started and str(said) in started[h]:
                scope[i] = plan_scope
    hamlet_names = values_of(details["hamlet"])
    codes = values_of(details["ma_ho"])
    columns = [
        Column(list(range(1, n + 1)), st["center"], "num"),
        Column(hamlet_names, st["wrap"]),
        Column(codes, st["wrap"]),  # wraps only a text wider than CODE_CAP
        Column(chu_ho, st["wrap"]),
        Column(labels(lambda a: t(f"class.{a}", lang), "list"), st["text"]),
        Column(movement, st["wrap"]),
        Column(before, st["wrap"]),
        Column(after, st["wrap"]),
        Column(scope, st["wrap"]),
    ]
    wrapped = [(hamlet_names, WIDTHS[1]), (codes, widths[CODE_COL]), (chu_ho, WIDTHS[3])]
    wrapped += [(movement, WIDTHS[5])]
    wrapped += [(before, WIDTHS[6])]
    wrapped += [(after, WIDTHS[7]), (scope, WIDTHS[8])]
    heights = fitted_heights(wrapped, n, None)
    groups = group_starts(head + 1, details, "scope", "hamlet")
    # wrapped rows are taller than ROW_HEIGHT_PT: a page held the header and two (session 45);
    # more than three where fix_pages would cut above the third, a hamlet's first (session 46)
    tops = sum(
        written_height(h or ROW_HEIGHT_PT) for h in heights[: first_rows(head + 1, n, groups)]
    )
    flow.keep(title, 2 * ROW_HEIGHT_PT + max(MIN_TABLE_ROWS * ROW_HEIGHT_PT, tops))
    put_text(ws, title, 0, t("mov.list_title", lang), st["section"])
    for col, text in enumerate(heads):
        ws.write_string(head, col, text, st["head"])
    add_block(ws, Block(head + 1, columns, heights))
    last = head + len(details)
    # Cut where the smallest page is full, a hamlet's first or last changed household not
    # alone at a page's foot or head (session 44's leftovers), as the household lists.
    fix_pages(ws, widths, head + 1, last, repeat=(head, head), groups=groups)
    ws.autofilter(head, 0, last, len(heads) - 1)
    notes = []
    if both:
        prev = ctx.summary["previous_period"]
        note = t("mov.list_note", lang, m=int(prev[5:7]), y=int(prev[:4]))
        if any(since.values()):  # hamlets compared with an earlier list than last month's
            note += t("mov.list_note.earlier", lang, m=int(prev[5:7]), y=int(prev[:4]))
        notes.append(note)
    said = set(movement)
    if "moved_out" in set(values_of(details["movement"])):
        said.add(t("mov.moved_out", lang))  # (its rows name the hamlet: session 49)
    notes += [t(why, lang) for label, why in REASONS if t(label, lang) in said]
    for i, note in enumerate(notes, start=1):
        _note(ctx, ws, last + i, len(heads), note, widths)
    return head, last, last + len(notes), groups


def _section(
    ctx: Context,
    ws: Worksheet,
    row: int,
    ncols: int,
    key: str,
    title: str,
    start: str,
    flow: PageFlow,
    widths: list[float],
) -> int:
    """A titled movements section: the poor table, then the near-poor one (see
    :func:`_table`), then the notes, which print with the near-poor table's last rows
    (``widths``: the sheet's columns', :func:`_widths`)."""
    notes = _section_notes(ctx, key)
    tail = sum(_note_height(text, ncols, widths) for text in notes)
    for i, list_name in enumerate(LISTS):
        if i:
            row += 1  # a blank row between the two lists' tables
        row = _table(
            ctx, ws, row, ncols, key, list_name, start, flow,
            title=None if i else title, tail=tail if i else 0.0,
        )  # fmt: skip
    for text in notes:
        _note(ctx, ws, row, ncols, text, widths)
        row += 1
    return row + 1


def _section_notes(ctx: Context, key: str) -> list[str]:
    """The notes under a section's tables: the identity its columns keep, then the hamlets
    without a baseline and those compared with an earlier list than last month's."""
    lang = ctx.lang
    notes = [t("mov.identity", lang)]
    incomplete = incomplete_note(ctx)  # rows shown, not summed (their status: "Chưa đủ hộ")
    if incomplete:
        # 'Chưa tính''s number in each list's table (numbered on from 'Đầu năm', 1 and 12)
        a = POOR_KEYS.index("not_counted") + 1
        said = t("mov.not_counted.apart.note", lang, a=a, b=a + len(POOR_KEYS),
                 hamlets=", ".join(_apart(ctx)))  # fmt: skip
        notes.append(f"{incomplete} {said}")
    # Accepted hamlets without a baseline (missing or refused in the month compared with).
    blank = [f["hamlet"] for f in ctx.hamlets if f.get("status", "ok") == "ok" and not f.get(key)]
    base = ctx.summary.get("previous_period" if key == "movements_month" else "start_from")
    # a month consolidated for the commune before a merger: a hamlet it did not hold was in no
    # list of the commune then (not "not sent or refused")
    other = (ctx.summary.get("bases_of_other_commune") or {}).get(base or "")
    outside = [] if other is None else [h for h in blank if h not in other["hamlets"]]
    blank = [h for h in blank if h not in outside]
    if blank and base and base != "plan":
        m, y = int(base[5:7]), int(base[:4])
        notes.append(t("mov.no_base", lang, hamlets=", ".join(blank), m=m, y=y))
    if outside:
        m, y = int(base[5:7]), int(base[:4])
        notes.append(t("mov.no_base.other_commune", lang, hamlets=", ".join(outside), m=m, y=y,
                       old=other["commune"]))  # fmt: skip
    # Hamlets new in the plan since the month their table starts from: from none (session 57)
    new = (ctx.summary.get("new_in_plan") or {}) if other is None else {}
    for since, hamlets in _from_none(ctx, key, base, new).items():
        notes.append(t("mov.from_none", lang, hamlets=", ".join(hamlets), m=int(since[5:7]),
                       y=int(since[:4])))  # fmt: skip
    # Last month consolidated by another poverty standard (session 38)
    then = ctx.summary.get("previous_standard")
    if key == "movements_month" and then and base:
        m, y = int(base[5:7]), int(base[:4])
        notes.append(t("mov.other_standard", lang, m=m, y=y, then=then, now=ctx.standard,
                       year=ctx.plan_year))  # fmt: skip
    # The start-of-year list's counts apart from the targets sheet's ('Tổng hợp' shows these)
    apart = _start_apart(ctx) if key == "movements" and base == "plan" else []
    if apart:
        notes.append(t("mov.start_apart", lang, hamlets="; ".join(apart)))
    # Hamlets missing last month, compared with their latest list before (baselines._latest_lists).
    earlier = _compared_earlier(ctx) if key == "movements_month" else []
    spans = _spans_note(ctx, base) if earlier and base else None
    said_started: set[str] = set()  # the hamlets whose start rows so held a note says
    since_of = dict(earlier)
    if earlier and base:
        m, y = int(base[5:7]), int(base[:4])
        apart = [(h, p) for h, p in earlier if other is not None and h not in other["hamlets"]]
        earlier = [(h, p) for h, p in earlier if (h, p) not in apart]
        # one new in the plan since last month was in no plan then (not "not sent or refused")
        fresh = [(h, p) for h, p in earlier if h in new and new[h]["since"] > base]
        earlier = [(h, p) for h, p in earlier if (h, p) not in fresh]
        # one added again (a list of it before it was dropped: trend.new_in_plan's
        # 'first_list' before its 'since') is not new in the plan (session 58, H2)
        for label, group in (
            ("mov.earlier_base.new", [(h, p) for h, p in fresh if not _back(new[h])]),
            ("mov.earlier_base.back", [(h, p) for h, p in fresh if _back(new[h])]),
        ):
            if not group:
                continue
            named = ", ".join(f"{hamlet} ({_list_of(lang, p)})" for hamlet, p in group)
            since = new[group[0][0]]["since"]  # this month: after last month, not after it
            said = t(label, lang, hamlets=named, m=int(since[5:7]), y=int(since[:4]), pm=m, py=y)
            # (its start column without them: the figures' answer, session 60, D)
            arrived = [h for h, _ in group if _moved_in(ctx, h) and h in _paired(ctx, new)]
            if arrived:
                said += t("mov.earlier_base.moved_in", lang, hamlets=", ".join(arrived), pm=m,
                          py=y)  # fmt: skip
            # its start column with a dropped name's households on no list now (session 61)
            took = ctx.summary.get("month_took") or {}
            # its start column with start rows its list before lacks (session 62, C)
            started = ctx.summary.get("month_started") or {}
            for hamlet, p in group:
                said_started.add(hamlet)
                if started.get(hamlet):
                    codes = started[hamlet]
                    said += t("mov.earlier_base.started", lang, hamlet=hamlet, n=len(codes),
                              codes=_first_codes(codes), then=_list_of(lang, p), pm=m,
                              py=y)  # fmt: skip
                if took.get(hamlet):
                    said += t("mov.earlier_base.took", lang, hamlet=hamlet,
                              olds=", ".join(took[hamlet]), pm=m, py=y)  # fmt: skip
            notes.append("(*) " + said)
        if earlier:
            named = ", ".join(f"{hamlet} ({_list_of(lang, p)})" for hamlet, p in earlier)
            notes.append("(*) " + t("mov.earlier_base", lang, hamlets=named, m=m, y=y))
        if apart:
            named = ", ".join(f"{hamlet} ({_list_of(lang, p)})" for hamlet, p in apart)
            notes.append("(*) " + t("mov.earlier_base.other_commune", lang, hamlets=named, m=m,
                                    y=y, old=other["commune"]))  # fmt: skip
    if key == "movements_month" and base:
        # a start column holding start rows a plan revision gave the hamlet after its list
        # compared with, no list having told them (baselines._revised_in_month; session 65, A2)
        started = ctx.summary.get("month_started") or {}
        for hamlet in sorted(set(started) - said_started, key=vi_key):
            codes = started[hamlet]
            then = _list_of(lang, since_of.get(hamlet) or base)
            notes.append("(*) " + t("mov.revised_started", lang, hamlet=hamlet, n=len(codes),
                                    codes=_first_codes(codes), then=then))  # fmt: skip
    if spans:
        notes.append(spans)
    # A move in from a hamlet whose table the total does not add (no table this month, or one
    # shown apart): its move out is in no table summed, so the total's columns of moves out and
    # in differ by it (session 59, A2; B2's words of January in the officer guide)
    # (the year's table too: a move in from a hamlet silent now, its move out counted the month
    # that hamlet sends; session 61, C2)
    notes += _unmatched_notes(ctx, key)
    # last month's households of a hamlet the plan lacks now that no hamlet took, on no list
    # now: in no table, the total's start column short of last month's end (session 61, C2)
    dropped = ctx.summary.get("month_dropped") or {}
    if key == "movements_month" and base and dropped:
        for old in sorted(dropped, key=vi_key):
            codes = dropped[old]  # the first ten said; the household list has no row of them
            said = _first_codes(codes)
            said = t("mov.dropped_unlisted", lang, hamlet=old, n=len(codes),
                     m=int(base[5:7]), y=int(base[:4]), codes=said)  # fmt: skip
            # one whose head a row of a list now alone shares, new there (session 62, C)
            named = (ctx.summary.get("month_dropped_named") or {}).get(old) or {}
            for code in [c for c in codes if c in named][:10]:
                said += t("mov.dropped_unlisted.named", lang, code=code,
                          now=named[code]["ma_ho"], there=named[code]["hamlet"])  # fmt: skip
            notes.append(said)
    # A hamlet renamed or merged into since the month its start column is of: whose that month's
    # figures are, as 'Xu hướng' says of its points (session 48).
    for f in ctx.hamlets:
        if f.get("status", "ok") != "ok" or not f.get(key):
            continue
        since = (f.get("movements_month_from") if key == "movements_month" else None) or base
        said = names_note(lang, f, [since]) if isinstance(since, str) and len(since) == 7 else None
        if said:
            notes.append(said)
    return notes


def _first_codes(codes: list[str]) -> str:
    """A note's codes: the first ten, then "…"."""
    return ", ".join(codes[:10]) + (", …" if len(codes) > 10 else "")


def _unmatched_notes(ctx: Context, key: str = "movements_month") -> list[str]:
    """The notes of the month table's moves in (its 'So với tháng trước' rows of the household
    list) from a hamlet whose table its 'Tổng cộng' does not add: one naming the hamlets with no
    table this month (not sent or refused now), one those whose table is shown apart (not
    summed). Each move out is in no table summed, so the total's 'Chuyển sang xóm khác' and
    'Chuyển đến từ xóm khác' differ by it until the hamlet's table counts it (session 59). So
    too the year's table (``key`` 'movements': its 'Từ đầu năm' rows; session 61, C2)."""
    wanted = "month" if key == "movements_month" else "year"
    details = ctx.result.movement_details
    if details is None or details.empty or "other_hamlet" not in details.columns:
        return []
    summed = {f["hamlet"] for f in ctx.hamlets
              if f.get("status", "ok") == "ok" and f.get(key)}  # fmt: skip
    shown = {f["hamlet"] for f in ctx.hamlets if f.get(key)} - summed
    # a name of no row of the table (a hamlet renamed or merged since, its move out counted
    # under the name now) is left unsaid rather than said wrongly
    rows = {f["hamlet"] for f in ctx.hamlets}
    scope = details["scope"] if "scope" in details.columns else pd.Series("year", details.index)
    came = {
        other
        for s, movement, other in zip(
            scope.tolist(), details["movement"].tolist(), details["other_hamlet"].tolist(),
            strict=True,
        )
        if s == wanted and movement == "moved_in" and isinstance(other, str) and other.strip()
        and other not in summed and other in rows
    }  # fmt: skip
    order = ctx.hamlet_order()
    came_sorted = sorted(came, key=lambda h: (order.get(h, len(order)), h))
    notes = []
    for label, group in (
        ("mov.unmatched.no_table", [h for h in came_sorted if h not in shown]),
        ("mov.unmatched.apart", [h for h in came_sorted if h in shown]),
    ):
        if group:
            notes.append(t(label, ctx.lang, hamlets=", ".join(group)))
    return notes


def _moved_in(ctx: Context, hamlet: str) -> bool:
    """Whether ``hamlet``'s month table counts a household moved in (column 9 or 20)."""
    for f in ctx.hamlets:
        if f["hamlet"] == hamlet and f.get("movements_month"):
            return any(f["movements_month"][kind].get("moved_in") for kind in ("poor", "near_poor"))
    return False


def _paired(ctx: Context, hamlets: Collection[str]) -> set[str]:
    """Those of ``hamlets`` (new in the plan or back: the summary's ``new_in_plan``) whose
    month start column leaves out the households last month's lists had in another hamlet
    (the summary's ``month_paired``: baselines._in_no_plan's answer, the figures' own), so a
    move into or out of one pairs. ``trend.new_in_plan`` tells a hamlet new by its name (no
    month named it); the figures may still count its whole start rows where a name the plan
    lacks now may have been its name then (renames.may_be_renamed), and a note must not say
    a move pairs where they count it on one side (docs/decisions.md, session 60, D). A summary
    without it (written before session 60): all of ``hamlets``, as then."""
    said = ctx.summary.get("month_paired")
    return set(hamlets) if said is None else set(hamlets) & set(said)


def _back(entry: dict) -> bool:
    """Whether a hamlet new in the plan (``entry``: its ``new_in_plan`` item) was in it before:
    a list of it accepted before the month it is named again from (session 58, H2)."""
    return entry["first_list"] < entry["since"]


def _from_none(ctx: Context, key: str, base: str | None, new: dict) -> dict[str, list[str]]:
    """The month each hamlet new in the plan (``new``: the summary's ``new_in_plan``) joined it ->
    those whose table of ``key`` starts from none: from a stored month (``base``, or the
    hamlet's earlier list) before its first list since it joined. Not one compared with the
    start list (it holds the hamlet's start)."""
    found: dict[str, list[str]] = {}
    for f in ctx.hamlets:
        if f.get("status", "ok") != "ok" or not f.get(key) or f["hamlet"] not in new:
            continue
        since = (f.get("movements_month_from") if key == "movements_month" else None) or base
        if isinstance(since, str) and len(since) == 7 and new[f["hamlet"]]["first_list"] > since:
            found.setdefault(new[f["hamlet"]]["since"], []).append(f["hamlet"])
    return dict(sorted(found.items()))


def _list_of(lang: str, since: str) -> str:
    """The list a hamlet's month table starts from, in words: 'danh sách đầu năm' for the
    plan's start list ('plan'), else 'tháng 2/2024' ('YYYY-MM')."""
    if since == "plan":
        return t("mov.earlier_base.plan", lang)
    return t("period", lang, m=int(since[5:7]), y=int(since[:4]))


def _spans_note(ctx: Context, base: str) -> str | None:
    """The note under the month table when the hamlets' tables start from different months
    (some compared with an earlier list than last month's, ``base``: _compared_earlier): its
    'Tổng cộng' is a sum of tables of different spans, so a household that moved between
    hamlets in them may be counted on one side only ("… xóm Đồng Kè từ danh sách đầu năm, các
    xóm còn lại từ tháng 3/2024 …"; session 55's case, session 56); that a move pairs where
    each such table is of a hamlet new or back in the plan, and which hamlets' moves pair
    where some are (session 59). None when every table starts from one month (last month's,
    or all from one earlier list)."""
    lang = ctx.lang
    since: dict[str, list[str]] = {}  # the month each table starts from -> its hamlets
    earlier = dict(_compared_earlier(ctx))
    for f in ctx.hamlets:
        if f.get("status", "ok") == "ok" and f.get("movements_month"):
            since.setdefault(earlier.get(f["hamlet"], base), []).append(f["hamlet"])
    if len(since) < 2:
        return None
    # a hamlet in no plan of a month after the list it is compared with (new in the plan, or
    # added back: trend.new_in_plan) leaves out of its start column the households last
    # month's lists had elsewhere, so a move into or out of it pairs (baselines._in_no_plan;
    # sessions 58 H and H2, 59); the others' moves may count on one side
    other = (ctx.summary.get("bases_of_other_commune") or {}).get(base)
    new = (ctx.summary.get("new_in_plan") or {}) if other is None else {}
    # (those the figures so counted: baselines' answer, not one of the note's own; session 60)
    paired = [h for h, p in earlier.items()
              if h in _paired(ctx, new) and (p == "plan" or new[h]["since"] > p)]  # fmt: skip
    # the start list first, then by month; last month's hamlets "the others", last
    groups = [
        t("mov.spans.group", lang, hamlets=", ".join(hamlets), since=_list_of(lang, month))
        for month, hamlets in sorted(since.items(), key=lambda item: (item[0] != "plan", item[0]))
        if month != base
    ]
    if base in since:
        groups.append(t("mov.spans.rest", lang, since=_list_of(lang, base)))
    if paired and len(paired) == len(earlier):
        return t("mov.spans.paired", lang, groups=", ".join(groups))
    if paired:
        return t("mov.spans.paired.some", lang, groups=", ".join(groups),
                 hamlets=", ".join(paired))  # fmt: skip
    return t("mov.spans", lang, groups=", ".join(groups))


def _start_apart(ctx: Context) -> list[str]:
    """Each hamlet whose start column (the plan's start-of-year list, counted: a row with an
    error, such as no Mã hộ, is not) differs from the start figures of the plan's targets sheet
    that 'Tổng hợp' and 'Theo xóm' show: the two counts, and its start-list rows with errors."""
    lang = ctx.lang
    plan = ctx.result.plan
    targets_sheet = getattr(plan, "targets_sheet", "")
    said = []
    for f in ctx.hamlets:
        moves = f.get("movements")
        if not moves or f.get("status", "ok") != "ok":
            continue
        listed = (moves["poor"].get("start", 0), moves["near_poor"].get("start", 0))
        planned = (f.get("start_poor"), f.get("start_near_poor"))
        if None in planned or listed == planned:
            continue
        rows = {
            i.row for i in ctx.result.issues
            if i.file == plan.file and i.severity == "error" and i.hamlet == f["hamlet"]
            and i.row and i.sheet and i.sheet != targets_sheet
        }  # fmt: skip
        text = t("mov.start_apart.hamlet", lang, hamlet=f["hamlet"], p=listed[0], c=listed[1],
                 tp=planned[0], tc=planned[1])  # fmt: skip
        if rows:
            text += t("mov.start_apart.rows", lang, n=len(rows))
        said.append(text)
    return said


def _note(
    ctx: Context, ws: Worksheet, row: int, ncols: int, text: str, widths: list[float]
) -> None:
    """A note merged over the first ``ncols`` columns, its row as tall as its wrapped lines at
    the merged range's own width (:func:`cells.merged_width`, as the other sheets' notes;
    session 56: the plain sum of the widths, 13 columns' padding short, before)."""
    merge_text(ws, row, 0, row, ncols - 1, text, ctx.st["note"])
    fit_row(ws, row, [(text, merged_width(widths[:ncols]))])


def _note_height(text: str, ncols: int, widths: list[float]) -> float:
    """The height :func:`_note` gives a note's row, in points as written."""
    lines = wrapped_lines([(text, merged_width(widths[:ncols]))])
    return written_height(min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)) if lines > 1 else ROW_HEIGHT_PT


def _compared_earlier(ctx: Context) -> list[tuple[str, str]]:
    """(hamlet, 'YYYY-MM' or 'plan') of the hamlets whose month table compares with an earlier
    list than last month's: their start column holds that list's figures, not last month's."""
    return [(f["hamlet"], f["movements_month_from"]) for f in ctx.hamlets
            if f.get("movements_month") and f.get("movements_month_from")]  # fmt: skip


def write(ctx: Context) -> None:
    """Add the 'Biến động' sheet."""
    lang, st, summary = ctx.lang, ctx.st, ctx.summary
    ws = ctx.wb.add_worksheet(SHEET_NAMES["movements"])
    ncols = header_width(_header_items(lang, "", "poor"))
    widths = _widths(ctx)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    start_from = summary.get("start_from")
    from_period = start_from not in (None, "plan")
    if from_period and ctx.totals.get("movements"):
        title = t(
            "title.movements.from",
            lang,
            m0=int(start_from[5:7]),
            y0=int(start_from[:4]),
            m=ctx.month,
            y=ctx.year,
        )
    else:
        title = t("title.movements", lang, m=ctx.month, y=ctx.year)
    row = title_block(ctx, ws, title, ncols, 6)
    tables: list[int] = []  # where each section's title row is
    flow = PageFlow(ws, widths, title=row)
    has_year = bool(ctx.totals.get("movements"))
    has_month = bool(ctx.totals.get("movements_month")) and summary.get("previous_period")
    if has_year:
        if from_period:
            m0, y0 = int(start_from[5:7]), int(start_from[:4])
            heading = t("mov.sec.from", lang, m=m0, y=y0)
        else:
            heading = t("mov.sec.year", lang)
        tables.append(row)
        start = _start_label(ctx, "year")
        row = _section(ctx, ws, row, ncols, "movements", heading, start, flow, widths)
    else:
        none = t("mov.none", lang, y=ctx.plan_year)
        merge_text(ws, row, 0, row, ncols - 1, none, st["alert"])
        ws.set_row(
            row, max(30, fit_row(ws, row, [(none, merged_width(widths[:ncols]))], bold=True))
        )
        row += 2
    prev = summary.get("previous_period") or previous_period(ctx.result.period)
    pm, py = int(prev[5:7]), int(prev[:4])
    if has_month:
        heading = t("mov.sec.month", lang, m=pm, y=py)
        start = _start_label(ctx, "month")
        # their start figures are of an earlier list, or hold a revision's start rows: the note
        if _compared_earlier(ctx) or summary.get("month_started"):
            start += " (*)"
        tables.append(row)
        row = _section(ctx, ws, row, ncols, "movements_month", heading, start, flow, widths)
    elif has_year:
        # The plan year's first month, compared with the start list: last December's
        # recognised lists are where section I starts (session 38).
        first = not from_period and ctx.result.period == f"{ctx.plan_year}-01"
        note = t("mov.first_month" if first else "mov.no_month", lang, m=pm, y=py)
        merge_text(ws, row, 0, row, ncols - 1, note, st["note"])
        row += 2
    if tables:
        # The list's title and header print with its first rows.
        list_head, last, written, groups = _household_list(ctx, ws, row, flow, widths)
        # The signature goes under the list, below its autofilter range, after a blank row.
        end = signature_block(ctx, ws, written + 2, ncols, 6) - 1
        repeat = (list_head, list_head) if list_head is not None else None
        # its last three households with the signature (session 45); no list: its title, note
        keep = end_rows(last - list_head) if list_head is not None else 2
        # a short list goes whole with its title rather than leave it a row or none (session 48)
        title = list_head - 1 if list_head is not None else None
        keep_with_table(ws, widths, last, end, repeat=repeat, keep=keep, groups=groups, title=title)
        # Only STT | Xóm | Tình trạng (Mã hộ in the list) are frozen: rows frozen under the poor
        # table's header would stand over the near-poor table and the list too.
        ws.freeze_panes(0, 3)
        # The pages after the tables continue the household list under its repeated header
        # (the print titles, which print on the pages after the one holding them); the hamlet
        # tables above repeat theirs in the sheet (docs/decisions.md, session 17).
        page_setup(ctx, ws, list_head, list_head)
    else:
        end = signature_block(ctx, ws, row, ncols, 6) - 1
        keep_with_table(ws, widths, row - 2, end)
        ws.freeze_panes(row, 0)
        page_setup(ctx, ws, 0, row - 1)
