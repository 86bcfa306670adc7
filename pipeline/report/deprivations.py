"""Sheet 'Thiếu hụt': per hamlet, households deprived in each of the 12 indicators."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from pipeline.report.cells import (
    Context,
    cell,
    column_numbers,
    fit_row,
    header,
    header_texts,
    header_width,
    header_words_fit,
    incomplete_note,
    merged_width,
    not_consolidated,
    number,
    put_name,
    put_num,
    rate_formula,
    sum_formula,
)
from pipeline.report.labels import SHEET_NAMES, indicator_groups, t
from pipeline.report.styles import (
    end_rows,
    keep_together,
    keep_with_table,
    merge_text,
    page_setup,
    signature_block,
    title_block,
)
from schemas.columns import INDICATOR_KEYS
from schemas.standards import STANDARDS

COUNT_COL = 2  # households of the list
NAME_WIDTH = 18  # the hamlet's column
FIRST = 3  # first indicator column
TOTAL_COL = FIRST + len(INDICATOR_KEYS)  # total deprivations


def _header_items(lang: str) -> list:
    # The header says "Số hộ" rather than "Số hộ nghèo": it is shared (frozen, repeated on
    # print) by the poor and the near-poor blocks, each introduced by its own section row.
    items: list = [t("col.stt", lang), t("col.hamlet", lang), t("col.count", lang)]
    items.extend(indicator_groups(lang))
    items.append(t("dep.total_deprivations", lang))
    return items


def _counts(fig: dict | None, list_name: str) -> list:
    deps = (fig or {}).get("deprivations")
    if not deps:
        return [None] * len(INDICATOR_KEYS)
    return [deps[list_name].get(k) for k in INDICATOR_KEYS]


def _block(ctx: Context, ws: Worksheet, row: int, list_name: str) -> int:
    st, lang, ncols = ctx.st, ctx.lang, TOTAL_COL + 1
    merge_text(ws, row, 0, row, ncols - 1, t(f"dep.section.{list_name}", lang), st["section_cell"])
    row += 1
    first, data_rows, shown = row, [], []  # shown: figures not summed
    for i, fig in enumerate(ctx.hamlets):
        counts = _counts(fig, list_name)
        put_num(ws, row, 0, i + 1, st["center"])
        put_name(ws, row, 1, fig.get("hamlet"), st, NAME_WIDTH)
        if not_consolidated(fig):  # said across its counts, as 'Theo xóm' says it (session 52)
            status = t(f"hamlet.{fig['status']}", lang)
            merge_text(ws, row, COUNT_COL, row, TOTAL_COL, status, st["muted"])
            row += 1
            continue
        put_num(ws, row, COUNT_COL, fig.get(list_name), st["int"])
        for j, value in enumerate(counts):
            put_num(ws, row, FIRST + j, value, st["int"])
        known = [number(v) for v in counts if number(v) is not None]
        put_num(ws, row, TOTAL_COL, sum(known) if known else None, st["int"])
        # a hamlet whose figures lack a list sent apart (session 25): shown, not summed, as
        # on 'Theo xóm' (the cached totals are the JSON's, without it)
        if fig.get("deprivations") and fig.get("status", "ok") == "ok":
            data_rows.append(row)
        elif known or number(fig.get(list_name)) is not None:
            shown.append(row)
        row += 1
    # Lower counts are better: green for the fewest deprived, red for the most.
    ws.conditional_format(
        first,
        FIRST,
        row - 1,
        TOTAL_COL - 1,
        {
            "type": "3_color_scale",
            "min_color": "#63BE7B",
            "mid_color": "#FFEB84",
            "max_color": "#F8696B",
        },
    )
    total, tot = row, ctx.totals
    counts = [number(v) or 0 for v in _counts(tot, list_name)]
    merge_text(ws, total, 0, total, 1, t("total", lang), st["total_label"])
    households = number(tot.get(list_name)) or 0
    ws.write_formula(
        total,
        COUNT_COL,
        sum_formula(COUNT_COL, data_rows, shown=shown),
        st["total_int"],
        households,
    )
    for j, value in enumerate(counts):
        ws.write_formula(
            total, FIRST + j, sum_formula(FIRST + j, data_rows, shown=shown), st["total_int"], value
        )
    ws.write_formula(
        total,
        TOTAL_COL,
        sum_formula(TOTAL_COL, data_rows, shown=shown),
        st["total_int"],
        sum(counts),
    )
    rate_row = total + 1
    merge_text(ws, rate_row, 0, rate_row, COUNT_COL, t("dep.rate_row", lang), st["total_label"])
    for j, value in enumerate(counts):
        col = FIRST + j
        formula = rate_formula(cell(total, col), cell(total, COUNT_COL))
        cached = value / households * 100 if households else 0
        ws.write_formula(rate_row, col, formula, st["total_rate"], cached)
    ws.write_blank(rate_row, TOTAL_COL, None, st["total_rate"])
    return rate_row + 1


def write(ctx: Context) -> None:
    """Add the 'Thiếu hụt' sheet."""
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES["deprivations"])
    items = _header_items(lang)
    ncols = header_width(items)
    widths = [5, NAME_WIDTH, 9] + [10] * (TOTAL_COL - FIRST) + [11]
    widths = header_words_fit(widths, header_texts(items))
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    row = title_block(ctx, ws, t("title.deprivations", lang, m=ctx.month, y=ctx.year), ncols, 6)
    head = row
    ws.set_row(head, 30)
    ws.set_row(head + 1, 62)
    row = header(ctx, ws, row, items)
    column_numbers(ctx, ws, row, 2, ncols - 2)
    first = row + 1
    row = _block(ctx, ws, first, "poor")
    second = row + 1
    row = _block(ctx, ws, second, "near_poor")
    merge_text(ws, row, 0, row, ncols - 1, t("dep.note", lang), st["note"])
    ws.set_row(row, 30)  # two lines: what the counts are, and what the colours say
    last_note = row
    incomplete = incomplete_note(ctx)
    if incomplete:
        last_note += 1
        merge_text(ws, last_note, 0, last_note, ncols - 1, incomplete, st["note"])
        fit_row(ws, last_note, [(incomplete, merged_width(widths))])
    if not STANDARDS[ctx.standard].indicators_confirmed:  # 2027-2030 (session 38)
        last_note += 1
        assumed = t("dep.indicators_assumed", lang, standard=ctx.standard)
        merge_text(ws, last_note, 0, last_note, ncols - 1, assumed, st["note"])
        fit_row(ws, last_note, [(assumed, merged_width(widths))])
    end = signature_block(ctx, ws, last_note + 2, ncols, 6) - 1
    # Each section's two total rows print on the page of its last hamlet's row (alone, they
    # printed under the repeated header with no hamlet above them: a 50-hamlet commune); the
    # near-poor rows under their section's label (when the section fits a page); the
    # signature on the same page as the table's last rows. Section I ends at second - 2
    # ('Tổng cộng', the rates, then a blank row). With the totals go the last hamlets
    # (styles.end_rows), not the last alone (session 44); section II whole, from its label,
    # where fewer than three of its hamlets would stay above them (session 44's review).
    # Section I's end by the same rule as section II's (session 44's leftovers: 27 hamlets
    # printed hamlet 24 alone on a page above hamlets 25-27 and the totals).
    kept = end_rows(len(ctx.hamlets))
    repeat = (head, first - 1)
    keep_with_table(ws, widths, second - 4, second - 2, repeat=repeat, keep=kept, first=first)
    keep_together(ws, widths, second, row - 1, repeat=repeat)
    keep_with_table(ws, widths, row - 1, end, repeat=repeat, keep=2 + kept, first=second)
    ws.freeze_panes(first, 2)
    page_setup(ctx, ws, head, first - 1)
