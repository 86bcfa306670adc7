"""Sheet 'Xu hướng': the rates at the start of the year, now, and the year-end target."""

from __future__ import annotations

from pipeline.report.cells import Context, number, put_num
from pipeline.report.labels import SHEET_NAMES, t
from pipeline.report.styles import merge_text, page_setup, title_block

NCOLS = 4  # when | poor rate | near-poor rate | note
WIDTHS = [28, 18, 18, 40]


def _minus(a, b) -> float | None:
    a, b = number(a), number(b)
    return None if a is None or b is None else a - b


def write(ctx: Context) -> None:
    """Add the 'Xu hướng' sheet, with a line chart of its rows."""
    lang, st, tot = ctx.lang, ctx.st, ctx.totals
    ws = ctx.wb.add_worksheet(SHEET_NAMES["trend"])
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    row = title_block(ctx, ws, t("title.trend", lang, y=ctx.plan_year), NCOLS, 2)
    head = row
    ws.set_row(head, 30)
    for col, key in enumerate(
        ("trend.col.when", "trend.col.poor", "trend.col.near_poor", "sum.col.note")
    ):
        ws.write_string(head, col, t(key, lang), st["head"])
    accepted, expected = ctx.reporting_counts
    lines = [
        (
            t("trend.start", lang, y=ctx.plan_year),
            tot.get("start_poor_rate"),
            tot.get("start_near_poor_rate"),
            t("trend.note.start", lang, prev=ctx.plan_year - 1),
        ),
        (
            t("period.cap", lang, m=ctx.month, y=ctx.year),
            tot.get("poor_rate"),
            tot.get("near_poor_rate"),
            t("trend.note.current", lang, accepted=accepted, expected=expected),
        ),
        (
            t("trend.target", lang, y=ctx.plan_year),
            _minus(tot.get("start_poor_rate"), tot.get("poor_target")),
            _minus(tot.get("start_near_poor_rate"), tot.get("near_poor_target")),
            t("trend.note.target", lang),
        ),
    ]
    for i, (when, poor, near, note) in enumerate(lines):
        r = head + 1 + i
        ws.write_string(r, 0, when, st["text"])
        put_num(ws, r, 1, poor, st["rate"])
        put_num(ws, r, 2, near, st["rate"])
        ws.write_string(r, 3, note, st["wrap"])
    last = head + len(lines)
    merge_text(ws, last + 1, 0, last + 1, NCOLS - 1, t("trend.later", lang), st["note"])
    sheet = SHEET_NAMES["trend"]
    chart = ctx.wb.add_chart({"type": "line"})
    for col, color in ((1, "#C00000"), (2, "#2F5597")):
        chart.add_series(
            {
                "name": [sheet, head, col],
                "categories": [sheet, head + 1, 0, last, 0],
                "values": [sheet, head + 1, col, last, col],
                "marker": {"type": "circle", "size": 7},
                "line": {"color": color, "width": 2.25},
                "data_labels": {"value": True, "num_format": "0.00", "position": "above"},
            }
        )
    chart.set_title({"name": t("trend.chart", lang), "name_font": {"size": 12}})
    chart.set_y_axis({"num_format": "0.00", "min": 0})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 320})
    ws.insert_chart(last + 3, 0, chart)
    ws.freeze_panes(head + 1, 0)
    page_setup(ctx, ws, head, head)
