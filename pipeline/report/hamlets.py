"""Sheet 'Theo xóm': one row per plan hamlet, current and start-of-year figures, targets."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from pipeline.report.bulk import values_of
from pipeline.report.cells import (
    Context,
    cell,
    column_numbers,
    figure_width,
    fit_row,
    header,
    header_texts,
    header_width,
    header_words_fit,
    incomplete_note,
    merged_width,
    met_label,
    missing,
    number,
    put_figure,
    put_name,
    put_num,
    put_text,
    rate_formula,
    sum_formula,
)
from pipeline.report.labels import SHEET_NAMES, t
from pipeline.report.reporting import rows_left_out
from pipeline.report.styles import (
    end_rows,
    keep_with_table,
    merge_text,
    page_setup,
    signature_block,
    title_block,
    traffic_lights,
)
from pipeline.report.trend import changes_said

# Column positions (0-based).
HOUSEHOLDS, POOR, POOR_RATE, NEAR, NEAR_RATE, MULTIDIM = 3, 4, 5, 6, 7, 8
S_HOUSEHOLDS, S_POOR, S_POOR_RATE, S_NEAR, S_NEAR_RATE = 9, 10, 11, 12, 13
P_REDUCED, P_TARGET, P_PROGRESS, P_STILL, P_MET = 14, 15, 16, 17, 18
N_REDUCED, N_TARGET, N_PROGRESS, N_STILL, N_MET = 19, 20, 21, 22, 23
# Count columns summed in the total row, and where each value comes from in a hamlet figure.
COUNTS = {
    HOUSEHOLDS: "households",
    POOR: "poor",
    NEAR: "near_poor",
    S_HOUSEHOLDS: "start_households",
    S_POOR: "start_poor",
    S_NEAR: "start_near_poor",
    P_TARGET: "poor_target",
    N_TARGET: "near_poor_target",
}
RATES = {
    POOR_RATE: "poor_rate",
    NEAR_RATE: "near_poor_rate",
    MULTIDIM: "multidim_rate",
    S_POOR_RATE: "start_poor_rate",
    S_NEAR_RATE: "start_near_poor_rate",
}
# Each Đạt column: the verdict's key in a figure, and the list of its movements.
MET = ((P_MET, "poor_target_met", "poor"), (N_MET, "near_poor_target_met", "near_poor"))
# Households that must still leave each list (from the JSON; the commune's from the rate target).
STILL = {P_STILL: "poor_still_to_exit", N_STILL: "near_poor_still_to_exit"}
# Progress towards the target (percent; the commune's from its rate target).
PROGRESS = {P_PROGRESS: "poor_progress", N_PROGRESS: "near_poor_progress"}
# The 'Đạt' columns (P_MET, N_MET) hold "Chưa đạt (**)" on one line: 13 chars of Times New Roman
# 11, about 61 pt, where a width of 11 draws 61.5 pt in Excel (so it wrapped there) and 65 pt in
# LibreOffice (no margin left); 13 draws 72 pt and 76 pt. The sheet still prints one page wide.
WIDTHS = [5, 18, 16, 10, 8, 8, 8, 8, 10, 9, 8, 8, 8, 8, 8, 8, 9, 9, 13, 8, 8, 9, 9, 13]


def _header_items(lang: str) -> list:
    count, rate, still = t("col.count", lang), t("col.rate", lang), t("col.still", lang)
    progress = t("col.progress", lang)
    return [
        t("col.stt", lang),
        t("col.hamlet", lang),
        t("col.status", lang),
        t("col.households", lang),
        (t("grp.poor", lang), [count, rate]),
        (t("grp.near_poor", lang), [count, rate]),
        t("col.multidim", lang),
        (
            t("grp.start", lang),
            [t("col.households", lang), t("col.poor", lang), rate, t("col.near_poor", lang), rate],
        ),
        (
            t("grp.poor_reduction", lang),
            [t("col.reduced", lang), t("col.target", lang), progress, still, t("col.met", lang)],
        ),
        (
            t("grp.near_poor_reduction", lang),
            [t("col.reduced", lang), t("col.target", lang), progress, still, t("col.met", lang)],
        ),
    ]


def _reduced(start, current) -> int | float | None:
    """Households taken off a list since the start of the year (start − current)."""
    s, c = number(start), number(current)
    return None if s is None or c is None else s - c


# The mark of a provisional Đạt/Chưa đạt: rows left out for an error may change its count.
NOT_COUNTED_MARK = "(**)"
LISTS = ("poor", "near_poor")


def not_counted(fig: dict, status: str) -> bool:
    """Whether ``fig``'s reduction of the ``status`` list since the start of the year includes
    households still listed in rows left out for an error (its movements' ``not_counted``)."""
    return bool(number(((fig.get("movements") or {}).get(status) or {}).get("not_counted")))


def held_lists(ctx: Context) -> dict[str, set[str]]:
    """Per hamlet, the lists that its rows left out for an error could join once fixed: the
    list a row declares, or both when its class cannot be read. A row marked Thoát joins none
    (a start household in one is ``not_counted`` on its own list already)."""
    households = ctx.result.households
    if households is None or households.empty:
        return {}
    left = households[~households["valid"].to_numpy(dtype=bool)]
    held: dict[str, set[str]] = {}
    for hamlet, status in zip(values_of(left["hamlet"]), values_of(left["phan_loai"]), strict=True):
        if status != "exited":
            held.setdefault(hamlet, set()).update([status] if status in LISTS else LISTS)
    return held


def _provisional(fig: dict, status: str, held: set[str]) -> str | None:
    """Why the ``status`` list's verdict of ``fig`` is provisional: 'held' (households still
    listed in rows left out count as taken off), 'joins' (only rows left out that could join
    the list: new households, or from the other list), None when it is not."""
    if not_counted(fig, status):
        return "held"
    return "joins" if status in held else None


def _marked(ctx: Context, fig: dict, key: str, status: str, held: set[str]) -> str | None:
    """Whether (why) the verdict ``key`` of ``fig`` is shown and marked (**); ``held``: the
    lists its rows left out could join (:func:`held_lists`)."""
    if not met_label(ctx, fig.get(key)):
        return None
    return _provisional(fig, status, held)


def _met_text(ctx: Context, fig: dict, key: str, status: str, held: set[str]) -> str:
    text = met_label(ctx, fig.get(key))
    return f"{text} {NOT_COUNTED_MARK}" if _marked(ctx, fig, key, status, held) else text


def _hamlet_row(
    ctx: Context,
    ws: Worksheet,
    row: int,
    stt: int,
    fig: dict,
    left_out: int | None,
    held: set[str],
) -> None:
    """One hamlet; ``left_out``: its rows left out of the counts for an error (None: none);
    ``held``: the lists those rows could join."""
    st, lang = ctx.st, ctx.lang
    status = fig.get("status", "ok")
    put_num(ws, row, 0, stt, st["center"])
    put_name(ws, row, 1, fig.get("hamlet"), st, WIDTHS[1])
    # (text, width) of the cells that may take two lines: a long name, a status, a verdict
    wrapped = [(fig.get("hamlet"), WIDTHS[1])]
    incomplete = fig.get("incomplete")
    if incomplete:  # its figures lack a list sent apart: said, and not summed (session 25)
        text = t("hamlet.incomplete", lang, written=incomplete["hamlet_written"])
        ws.write_string(row, 2, text, st["wrap"])
        wrapped.append((text, WIDTHS[2]))
    elif status == "ok" and left_out:
        # Still "Đã tổng hợp" first: the total row sums the rows whose status begins so.
        text = t("hamlet.ok.rows_left_out", lang, n=left_out)
        ws.write_string(row, 2, text, st["wrap"])
        wrapped.append((text, WIDTHS[2]))
    else:
        ws.write_string(
            row, 2, t(f"hamlet.{status}", lang), st["text" if status == "ok" else "muted"]
        )
    for col, key in COUNTS.items():
        put_num(ws, row, col, fig.get(key), st["int"])
    for col, key in RATES.items():
        put_num(ws, row, col, fig.get(key), st["rate"])
    for col, key in STILL.items():
        put_num(ws, row, col, fig.get(key), st["int"])
    for col, key in PROGRESS.items():  # 0,0029, not 0,00 (session 50)
        put_figure(ctx, ws, row, col, fig.get(key), "rate")
    # (none for a hamlet whose figures lack a list sent apart: its start has those households)
    poor, near_poor = (None, None) if incomplete else (fig.get("poor"), fig.get("near_poor"))
    put_num(ws, row, P_REDUCED, _reduced(fig.get("start_poor"), poor), st["int"])
    put_num(ws, row, N_REDUCED, _reduced(fig.get("start_near_poor"), near_poor), st["int"])
    for col, key, which in MET:
        met = fig.get(key)
        fmt = "center" if missing(met) else ("met" if met else "not_met")
        text = _met_text(ctx, fig, key, which, held)
        put_text(ws, row, col, text, st[fmt])
        wrapped.append((text, WIDTHS[col]))
    fit_row(ws, row, wrapped)


def _total_row(
    ctx: Context,
    ws: Worksheet,
    row: int,
    accepted_rows: list[int],
    accepted: list[dict],
    held: set[str],
) -> None:
    """Formulas over the accepted hamlets, each cached with the JSON total it must equal;
    ``held``: the lists the accepted hamlets' rows left out could join."""
    st, lang, tot = ctx.st, ctx.lang, ctx.totals
    n_ok, n_all = ctx.reporting_counts
    label = (
        t("total", lang)
        if ctx.summary.get("complete", True)
        else t("total.partial", lang, accepted=n_ok, expected=n_all)
    )
    merge_text(ws, row, 0, row, 2, label, st["total_label"])
    cached = {
        HOUSEHOLDS: tot.get("households"),
        POOR: tot.get("poor"),
        NEAR: tot.get("near_poor"),
        S_HOUSEHOLDS: tot.get("start_households"),
        S_POOR: tot.get("start_poor"),
        S_NEAR: tot.get("start_near_poor"),
        P_REDUCED: _reduced(tot.get("start_poor"), tot.get("poor")),
        N_REDUCED: _reduced(tot.get("start_near_poor"), tot.get("near_poor")),
        # Hamlet targets are households; their sum is shown beside the households reduced.
        P_TARGET: sum(number(h.get("poor_target")) or 0 for h in accepted),
        N_TARGET: sum(number(h.get("near_poor_target")) or 0 for h in accepted),
    }
    for col, value in cached.items():
        ws.write_formula(
            row,
            col,
            # (past a few pieces, by the status in C, which begins "Đã tổng hợp" for each)
            sum_formula(col, accepted_rows, (2, f"{t('hamlet.ok', lang)}*")),
            st["total_int"],
            number(value) or 0,
        )
    rates = {
        POOR_RATE: (rate_formula(cell(row, POOR), cell(row, HOUSEHOLDS)), "poor_rate"),
        NEAR_RATE: (rate_formula(cell(row, NEAR), cell(row, HOUSEHOLDS)), "near_poor_rate"),
        MULTIDIM: (f"={cell(row, POOR_RATE)}+{cell(row, NEAR_RATE)}", "multidim_rate"),
        S_POOR_RATE: (rate_formula(cell(row, S_POOR), cell(row, S_HOUSEHOLDS)), "start_poor_rate"),
        S_NEAR_RATE: (
            rate_formula(cell(row, S_NEAR), cell(row, S_HOUSEHOLDS)),
            "start_near_poor_rate",
        ),
    }
    for col, (formula, key) in rates.items():
        ws.write_formula(row, col, formula, st["total_rate"], number(tot.get(key)) or 0)
    # Not a sum of the hamlets': the commune's count follows its rate target, hence the (*).
    for col, key in STILL.items():
        put_num(ws, row, col, tot.get(key), st["total_int_note"])
    for col, key in PROGRESS.items():  # as 'Tổng hợp' writes it: 0,0029 (*), not 0,00 (*)
        put_figure(ctx, ws, row, col, tot.get(key), "total_rate_note")
    for col, key, which in MET:
        met = tot.get(key)
        fmt = "total_met" if met else "total_not_met"
        text = met_label(ctx, met)
        if text:  # the commune's follows its rate target (*), and may include (**)
            text = f"{text} (*)"
            if _marked(ctx, tot, key, which, held):
                text = f"{text} {NOT_COUNTED_MARK}"
        put_text(ws, row, col, text, st[fmt])
        fit_row(ws, row, [(text, WIDTHS[col])], bold=True)  # the total row's bold


def progress_widths(ctx: Context, widths: list[float]) -> list[float]:
    """``widths`` with each progress column widened, to a half unit, where the commune's
    progress (bold, marked (*)) would not fit as its number format writes it
    (text.small_figure's rule): 'trên -0,0001 (*)' needs 14.1 units, '-0,0044 (*)' and
    '-195,58 (*)' 9.6 (session 50; its review: a progress two decimals write as wide too,
    where the column of 9 showed '###' in Excel). Any narrower progress keeps the width."""
    fitted = list(widths)
    for col, key in PROGRESS.items():
        need = figure_width(ctx.totals.get(key), ctx.lang, " (*)", bold=True)
        fitted[col] = max(fitted[col], need)
    return fitted


def write(ctx: Context) -> None:
    """Add the 'Theo xóm' sheet."""
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES["hamlets"])
    items = _header_items(lang)
    ncols = header_width(items)
    widths = progress_widths(ctx, header_words_fit(WIDTHS, header_texts(items)))
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    row = title_block(ctx, ws, t("title.hamlets", lang, m=ctx.month, y=ctx.year), ncols, 7)
    head = row
    ws.set_row(head, 30)
    ws.set_row(head + 1, 45)
    row = header(ctx, ws, row, items)
    column_numbers(ctx, ws, row, 3, ncols - 3)
    row += 1
    first = row
    accepted_rows: list[int] = []
    accepted: list[dict] = []
    left_out = rows_left_out(ctx)
    held = held_lists(ctx)
    marks: set[str] = set()  # why verdicts are marked (**): 'held', 'joins'
    for i, fig in enumerate(ctx.hamlets):
        own = held.get(fig.get("hamlet"), set()) if fig.get("status", "ok") == "ok" else set()
        _hamlet_row(ctx, ws, row, i + 1, fig, left_out.get(fig.get("hamlet")), own)
        marks.update(_marked(ctx, fig, key, which, own) for _, key, which in MET)
        if fig.get("status", "ok") == "ok":
            accepted_rows.append(row)
            accepted.append(fig)
        row += 1
    commune = set().union(*(held.get(f.get("hamlet"), set()) for f in accepted))
    _total_row(ctx, ws, row, accepted_rows, accepted, commune)
    marks.update(_marked(ctx, ctx.totals, key, which, commune) for _, key, which in MET)
    total = row
    # Green / amber / red by progress: the progress cells, and each 'Đạt' cell by its row's.
    for progress, met in ((P_PROGRESS, P_MET), (N_PROGRESS, N_MET)):
        rows = range(first, total + 1)
        traffic_lights(ctx, ws, [(r, progress) for r in rows])
        traffic_lights(ctx, ws, [(r, met) for r in rows], (0, progress - met))
    notes = [t("note.total_met", lang)]
    # The note says households still listed counted as taken off; where some mark is for rows
    # that could join a list (a new household's row, left out), it says that as well.
    if "joins" in marks:
        notes.append(t("note.not_counted.joins", lang))
    elif "held" in marks:
        notes.append(t("note.not_counted", lang))
    notes.append(t("note.lights", lang))
    if not ctx.summary.get("complete", True):
        notes.append(t("note.partial_totals", lang))
    incomplete = incomplete_note(ctx)
    if incomplete:
        notes.append(incomplete)
    # whose rows these are where the year's earlier reports had other names (session 51)
    notes += [said for said in (changes_said(lang, f) for f in ctx.hamlets) if said]
    for text in notes:
        row += 1
        merge_text(ws, row, 0, row, ncols - 1, text, st["note"])
        fit_row(ws, row, [(text, merged_width(widths))])
    end = signature_block(ctx, ws, row + 2, ncols, 7) - 1
    # The signature prints on the same page as the table's last rows: the total and the last
    # hamlets (styles.end_rows, not the last alone: session 42's review), also where a page
    # would start among them (session 44).
    keep = 1 + end_rows(total - first)
    keep_with_table(ws, widths, total, end, repeat=(head, first - 1), keep=keep, first=first)
    ws.freeze_panes(first, 2)
    page_setup(ctx, ws, head, first - 1)
