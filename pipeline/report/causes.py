"""Sheet 'Nguyên nhân': causes of poverty, target groups and female heads, per hamlet."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from pipeline.figures import SUBGROUPS, subgroups, tallies
from pipeline.report.cells import (
    Context,
    cell,
    column_numbers,
    fit_row,
    fitted_height,
    header,
    header_texts,
    header_width,
    header_words_fit,
    incomplete_note,
    merged_width,
    name_height,
    not_consolidated,
    number,
    put_name,
    put_num,
    put_text,
    rate_formula,
    sum_formula,
)
from pipeline.report.labels import SHEET_NAMES, cause_label, group_label, t
from pipeline.report.lists import counted_households
from pipeline.report.styles import (
    ROW_HEIGHT_PT,
    SIGNATURE_ROWS,
    PageFlow,
    end_room,
    end_room_filled,
    merge_text,
    page_setup,
    signature_block,
    title_block,
    written_height,
)
from schemas.columns import CAUSES, TARGET_GROUPS

HOUSEHOLDS_COL = 2
SUB_COL = 4  # subgroups table: STT | Xóm | Danh sách | Số hộ | (Số hộ | Tỷ lệ) × 4
NOTE_PT = written_height(30)  # the note under each table

NAME_WIDTH = 18  # the hamlet's column, in both tables


COUNT_KEYS = ["households", *CAUSES, *TARGET_GROUPS, "female_poor", "female_near_poor"]


def shown_apart(fig: dict) -> bool:
    """Whether ``fig`` is a hamlet whose figures lack a list sent apart (session 25): shown on
    both tables, not summed, as on 'Thiếu hụt' (session 47)."""
    return bool(fig.get("incomplete")) and bool(fig.get("causes"))


def first_table(ctx: Context) -> dict[str, list[int]]:
    """Per accepted hamlet, its cells of the first table (:data:`COUNT_KEYS`), from the JSON
    summary: households on either list, each cause and target group over both lists, female
    heads of each (session 45: the sheet shows the JSON's figures, counted once); also a
    hamlet shown, not summed (:func:`shown_apart`). A summary written before the causes were
    in it: counted from the same valid households the JSON counts."""
    accepted = [f for f in ctx.hamlets if f.get("status", "ok") == "ok"]
    if not all("causes" in f for f in accepted):
        households = counted_households(ctx, ("poor", "near_poor"))
        counted = tallies(households)
        none = tallies(households.iloc[0:0], by_hamlet=False)[None]
        accepted = [dict(counted.get(f["hamlet"], none), hamlet=f["hamlet"]) for f in accepted]
    else:
        accepted += [f for f in ctx.hamlets if shown_apart(f)]

    def both(counts: dict) -> int:
        return counts["poor"] + counts["near_poor"]

    return {
        f["hamlet"]: [
            both(f),
            *(both(f["causes"][cause]) for cause in CAUSES),
            *(both(f["target_groups"][group]) for group in TARGET_GROUPS),
            f["subgroups"]["female_head"]["poor"],
            f["subgroups"]["female_head"]["near_poor"],
        ]
        for f in accepted
    }


def write(ctx: Context) -> None:
    """Add the 'Nguyên nhân' sheet."""
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES["causes"])
    items = [
        t("col.stt", lang),
        t("col.hamlet", lang),
        t("cause.households", lang),
        (t("cause.group", lang), [cause_label(c, lang) for c in CAUSES]),
        (
            t("cause.targets", lang),
            [group_label(key, name, lang) for key, name in TARGET_GROUPS.items()],
        ),
        (t("cause.female", lang), [t("col.poor", lang), t("col.near_poor", lang)]),
    ]
    ncols = header_width(items)
    # Column C: the households' count above, 'Danh sách' in the subgroup table below, whose
    # 'Hộ cận nghèo' (81 pixels in Times New Roman 11, more in bold on the total row) did
    # not fit 11 (79 pixels inside): Excel cut it to 'Hộ cận nghè'.
    widths = [5, NAME_WIDTH, 13] + [11] * (ncols - HOUSEHOLDS_COL - 1)
    widths = header_words_fit(widths, header_texts(items))
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    row = title_block(ctx, ws, t("title.causes", lang, m=ctx.month, y=ctx.year), ncols, 6)
    # A page that continues a table starts with its header rows again: the sheet's two tables
    # have different headers, and one range of print titles cannot serve both (docs/decisions.md,
    # session 17). Each total sums its hamlets' rows, never the repeated headers (text).
    flow = PageFlow(ws, widths)

    def head(r: int) -> int:
        ws.set_row(r, 30)
        ws.set_row(r + 1, 78)
        r = header(ctx, ws, r, items)
        column_numbers(ctx, ws, r, 2, ncols - 2)
        return r + 1

    first = head(row)
    table = first_table(ctx)
    data_rows: list[int] = []
    shown: list[int] = []  # figures not summed (shown_apart)
    runs: list[tuple[int, int]] = []  # the hamlet rows between the header rows, page by page
    row = run = first
    hamlets = ctx.hamlets
    # Under each table, the hamlets shown but not summed, as on 'Thiếu hụt' (session 47).
    apart = incomplete_note(ctx)
    apart_pt = fitted_height([(apart, merged_width(widths))]) if apart else 0.0
    # A long name wraps (session 38); the last hamlets print with the total and the notes under
    # it (styles.end_room: not the last alone, session 42).
    heights = [name_height(fig.get("hamlet"), NAME_WIDTH) for fig in hamlets]
    for i, fig in enumerate(hamlets):
        at = flow.keep(row, end_room(heights, i, ROW_HEIGHT_PT + NOTE_PT + apart_pt), head)
        if at != row:
            runs.append((run, row - 1))
            run = row = at
        ok = fig.get("status", "ok") == "ok"
        put_num(ws, row, 0, i + 1, st["center"])
        put_name(ws, row, 1, fig.get("hamlet"), st, NAME_WIDTH)
        values = table.get(fig.get("hamlet")) if ok or shown_apart(fig) else None
        if not_consolidated(fig):  # said across its counts, as 'Theo xóm' says it (session 52)
            status = t(f"hamlet.{fig['status']}", lang)
            merge_text(ws, row, HOUSEHOLDS_COL, row, ncols - 1, status, st["muted"])
            row += 1
            continue
        for j in range(len(COUNT_KEYS)):
            value = values[j] if values is not None else (0 if ok else None)
            put_num(ws, row, HOUSEHOLDS_COL + j, value, st["int"])
        if ok:
            data_rows.append(row)
        elif values is not None:
            shown.append(row)
        row += 1
    runs.append((run, row - 1))
    merge_text(ws, row, 0, row, 1, t("total", lang), st["total_label"])
    accepted = {f["hamlet"] for f in ctx.hamlets if f.get("status", "ok") == "ok"}
    counted = [values for name, values in table.items() if name in accepted]
    for j in range(len(COUNT_KEYS)):
        col = HOUSEHOLDS_COL + j
        cached = sum(values[j] for values in counted)
        formula = sum_formula(col, data_rows, runs=runs, shown=shown)
        ws.write_formula(row, col, formula, st["total_int"], cached)
    merge_text(ws, row + 1, 0, row + 1, ncols - 1, t("cause.note", lang), st["note"])
    ws.set_row(row + 1, 30)
    row = _apart_note(ctx, ws, row + 2, ncols, widths) - 1
    # The subgroups start a printed page of their own.
    second = row + 2
    flow.new_page(second)
    note_row = _subgroup_table(ctx, ws, second, ncols, flow, apart_pt)
    note_row = _apart_note(ctx, ws, note_row + 1, ncols, widths) - 1
    end = signature_block(ctx, ws, note_row + 2, ncols, 6) - 1
    flow.to(end + 1)  # (rows without a height get ROW_HEIGHT_PT)
    ws.freeze_panes(first, 2)
    page_setup(ctx, ws, None, None)


def _apart_note(ctx: Context, ws: Worksheet, row: int, ncols: int, widths: list[float]) -> int:
    """At ``row``, the note naming the hamlets shown but not summed (``incomplete_note``), if
    any, as tall as its lines; return the row after it."""
    text = incomplete_note(ctx)
    if not text:
        return row
    merge_text(ws, row, 0, row, ncols - 1, text, ctx.st["note"])
    fit_row(ws, row, [(text, merged_width(widths))])
    return row + 1


def _subgroups_of(ctx: Context, fig: dict) -> dict | None:
    """A hamlet's (or the commune's) subgroup counts from the JSON summary.

    A summary written before subgroups existed has no key: the counts are then worked
    out from the same valid households the JSON would count.
    """
    if "subgroups" in fig:
        return fig["subgroups"]
    if fig.get("status", "ok") != "ok":
        return None
    households = counted_households(ctx, ("poor", "near_poor"))
    if "hamlet" in fig:
        households = households[households["hamlet"] == fig["hamlet"]]
    return subgroups(households)


def _subgroup_table(
    ctx: Context, ws: Worksheet, row: int, ncols: int, flow: PageFlow, apart_pt: float
) -> int:
    """Per hamlet, two rows (poor, near-poor): the list's households and, for each subgroup,
    how many of them belong to it and their share of the list (rate formulas, cached); a
    hamlet shown but not summed (:func:`shown_apart`) too, left out of the totals.
    A hamlet's two rows (merged in A and B) print on one page; a page that continues the
    table starts with its header rows again; the last hamlets (styles.end_room) print with the
    two total rows, the notes (``apart_pt``: the height of the note on the hamlets shown, not
    summed) and the signature. Return the row of the note under it."""
    lang, st = ctx.lang, ctx.st
    merge_text(ws, row, 0, row, ncols - 1, t("sub.title", lang), st["section"])
    items = [
        t("col.stt", lang),
        t("col.hamlet", lang),
        t("col.list", lang),
        t("col.count", lang),
        *[
            (t(f"sub.{name}", lang), [t("col.count", lang), t("sub.share", lang)])
            for name in SUBGROUPS
        ],
    ]

    def head(r: int) -> int:
        ws.set_row(r, 33)
        ws.set_row(r + 1, 30)
        r = header(ctx, ws, r, items)
        column_numbers(ctx, ws, r, 3, header_width(items) - 3)
        return r + 1

    row = head(row + 1)
    rows: dict[str, list[int]] = {"poor": [], "near_poor": []}
    shown: dict[str, list[int]] = {"poor": [], "near_poor": []}  # not summed
    hamlets = ctx.hamlets
    # the totals (two rows), the notes, a blank row and the signature
    tail = 2 * ROW_HEIGHT_PT + NOTE_PT + apart_pt + ROW_HEIGHT_PT + SIGNATURE_ROWS * ROW_HEIGHT_PT
    # The name, merged over the hamlet's two rows, wraps; a name of more than two lines makes
    # the second row taller (session 38). The last hamlets print with the tail (session 42).
    seconds = [
        max(ROW_HEIGHT_PT, name_height(fig.get("hamlet"), NAME_WIDTH) - ROW_HEIGHT_PT)
        for fig in hamlets
    ]
    heights = [ROW_HEIGHT_PT + second for second in seconds]
    for i, fig in enumerate(hamlets):
        second = seconds[i]
        # filled before it breaks: three hamlets of two rows carried to the totals' page left a
        # third of the page before empty (session 59)
        flow.to(row)
        row = flow.keep(row, end_room_filled(heights, i, tail, flow.room(), flow.page), head)
        if second > ROW_HEIGHT_PT:
            ws.set_row(row + 1, second)
        ok = fig.get("status", "ok") == "ok"
        groups = _subgroups_of(ctx, fig) if ok or shown_apart(fig) else None
        ws.merge_range(row, 0, row + 1, 0, "", st["center"])
        ws.write_number(row, 0, i + 1, st["center"])
        ws.merge_range(row, 1, row + 1, 1, "", st["wrap"])
        put_text(ws, row, 1, fig.get("hamlet"), st["wrap"])
        if not_consolidated(fig):  # said across its counts, as 'Theo xóm' says it (session 52)
            for j, status in enumerate(("poor", "near_poor")):
                ws.write_string(row + j, 2, t(f"class.{status}", lang), st["muted"])
            last = SUB_COL + 2 * len(SUBGROUPS) - 1
            merge_text(ws, row, 3, row + 1, last, t(f"hamlet.{fig['status']}", lang), st["muted"])
            row += 2
            continue
        for j, status in enumerate(("poor", "near_poor")):
            r = row + j
            fmt = "text" if groups is not None else "muted"
            ws.write_string(r, 2, t(f"class.{status}", lang), st[fmt])
            count = fig.get(status) if groups is not None else None
            put_num(ws, r, 3, count, st["int"])
            for k, name in enumerate(SUBGROUPS):
                col = SUB_COL + 2 * k
                n = groups[name][status] if groups is not None else None
                put_num(ws, r, col, n, st["int"])
                if groups is None:
                    ws.write_blank(r, col + 1, None, st["rate"])
                else:
                    cached = _share(n, count)
                    ws.write_formula(
                        r, col + 1, rate_formula(cell(r, col), cell(r, 3)), st["rate"], cached
                    )
            if groups is not None:
                (rows if ok else shown)[status].append(r)
        row += 2
    merge_text(ws, row, 0, row + 1, 1, t("total", lang), st["total_label"])
    totals = _subgroups_of(ctx, ctx.totals) or {}
    for j, status in enumerate(("poor", "near_poor")):
        r = row + j
        ws.write_string(r, 2, t(f"class.{status}", lang), st["total_text"])
        count = number(ctx.totals.get(status)) or 0
        # Poor and near-poor rows alternate: past a few hamlets, summed by their label in C.
        only = (2, t(f"class.{status}", lang))
        parts = rows[status], only, None, shown[status]
        ws.write_formula(r, 3, sum_formula(3, *parts), st["total_int"], count)
        for k, name in enumerate(SUBGROUPS):
            col = SUB_COL + 2 * k
            n = number((totals.get(name) or {}).get(status)) or 0
            ws.write_formula(r, col, sum_formula(col, *parts), st["total_int"], n)
            formula = rate_formula(cell(r, col), cell(r, 3))
            ws.write_formula(r, col + 1, formula, st["total_rate"], _share(n, count))
    note = t("sub.note", lang)
    merge_text(ws, row + 2, 0, row + 2, ncols - 1, note, st["note"])
    ws.set_row(row + 2, 30)
    return row + 2


def _share(count, of) -> float:
    n, d = number(count), number(of)
    return n / d * 100 if n is not None and d else 0.0
