"""Sheet 'Nộp báo cáo': which hamlets reported, with which file, and the files not counted."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from pipeline.report.cells import Context, as_text, fit_row, missing, put_num, put_text
from pipeline.report.labels import SHEET_NAMES, t
from pipeline.report.styles import (
    keep_with_table,
    merge_text,
    page_setup,
    signature_block,
    title_block,
)

NCOLS = 6
WIDTHS = [5, 18, 24, 48, 14, 14]
OTHER_STATUSES = ("superseded", "other_period", "skipped")


# Both tables share these columns, so the header repeated on printed pages fits either.
HEADS = ["col.stt", "col.hamlet", "col.status", "col.file", "col.rows_read", "col.rows_rejected"]


def _plan_table(ctx: Context, ws: Worksheet, row: int) -> int:
    st, lang = ctx.st, ctx.lang
    for col, key in enumerate(HEADS):
        ws.write_string(row, col, t(key, lang), st["head"])
    reporting = ctx.result.reporting
    records = {} if reporting is None else {r["hamlet"]: r for r in reporting.to_dict("records")}
    names = [h["hamlet"] for h in ctx.hamlets] or list(records)
    for i, name in enumerate(names):
        r = row + 1 + i
        rec = records.get(name, {})
        status = as_text(rec.get("status")) or "missing"
        put_num(ws, r, 0, i + 1, st["center"])
        put_text(ws, r, 1, name, st["text"])
        fmt = st["muted"] if status in ("missing", "rejected") else st["text"]
        ws.write_string(r, 2, t(f"report.{status}", lang), fmt)
        put_text(ws, r, 3, rec.get("file"), st["wrap"])
        fit_row(ws, r, [(rec.get("file"), WIDTHS[3])])
        submitted = status != "missing"
        put_num(ws, r, 4, rec.get("rows_read") if submitted else None, st["int"])
        put_num(ws, r, 5, rec.get("rows_rejected") if submitted else None, st["int"])
    return row + 1 + len(names)


def _rate_lines(ctx: Context, ws: Worksheet, row: int) -> int:
    st, lang = ctx.st, ctx.lang
    accepted, expected = ctx.reporting_counts
    merge_text(ws, row, 0, row, 2, t("rep.accepted", lang), st["left_text"])
    ws.write_string(
        row, 3, t("rep.accepted.value", lang, accepted=accepted, expected=expected), st["left_text"]
    )
    rate = (ctx.summary.get("reporting") or {}).get("rate")
    if not missing(rate):
        merge_text(ws, row + 1, 0, row + 1, 2, t("rep.rate", lang), st["left_text"])
        put_num(ws, row + 1, 3, rate, st["left_rate"])
        return row + 2
    return row + 1


def _file_status(ctx: Context, sub) -> str:
    if sub.status == "other_period":
        if not sub.period:
            return t("file.other_period.unknown", ctx.lang)
        period = t("period", ctx.lang, m=int(sub.period[5:7]), y=sub.period[:4])
        return t("file.other_period", ctx.lang, period=period)
    return t(f"file.{sub.status}", ctx.lang)


def _other_files(ctx: Context, ws: Worksheet, row: int) -> int:
    st, lang = ctx.st, ctx.lang
    put_text(ws, row, 0, t("rep.other_files", lang), st["section"])
    plan_file = ctx.result.plan.file
    subs = [
        s
        for s in ctx.result.submissions
        if s.status in OTHER_STATUSES and not (s.kind == "plan" and s.file == plan_file)
    ]
    subs.sort(key=lambda s: (OTHER_STATUSES.index(s.status), s.file))
    if not subs:
        put_text(ws, row + 1, 0, t("rep.no_other_files", lang), st["note"])
        return row + 2
    for col, key in enumerate(HEADS):
        ws.write_string(row + 1, col, t(key, lang), st["head"])
    for i, sub in enumerate(subs):
        r = row + 2 + i
        put_num(ws, r, 0, i + 1, st["center"])
        put_text(ws, r, 1, sub.hamlet or sub.hamlet_raw, st["text"])
        ws.write_string(r, 2, _file_status(ctx, sub), st["wrap"])
        put_text(ws, r, 3, sub.file, st["wrap"])
        fit_row(ws, r, [(_file_status(ctx, sub), WIDTHS[2]), (sub.file, WIDTHS[3])])
        # The status names the other period; rows are those read from the file, if any.
        read = sub.kind == "roster" and sub.status != "skipped"
        put_num(ws, r, 4, sub.rows_read if read else None, st["int"])
        put_num(ws, r, 5, sub.rows_rejected if read else None, st["int"])
    return row + 2 + len(subs)


def write(ctx: Context) -> None:
    """Add the 'Nộp báo cáo' sheet."""
    lang = ctx.lang
    ws = ctx.wb.add_worksheet(SHEET_NAMES["reporting"])
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    row = title_block(ctx, ws, t("title.reporting", lang, m=ctx.month, y=ctx.year), NCOLS, 3)
    head = row
    ws.set_row(head, 30)
    row = _plan_table(ctx, ws, row)
    row = _rate_lines(ctx, ws, row + 1)
    row = _other_files(ctx, ws, row + 1)
    end = signature_block(ctx, ws, row + 1, NCOLS, 3) - 1
    # The signature prints on the same page as the last table's last rows.
    keep_with_table(ws, WIDTHS, row - 1, end, repeat=(head, head))
    ws.freeze_panes(head + 1, 0)
    page_setup(ctx, ws, head, head)
