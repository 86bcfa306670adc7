"""Sheet 'Xu hướng': the commune's rates month by month against the target path, by hamlet too.

Every figure comes from ``summary["trend"]``, ``summary["year_on_year"]`` and the
start-of-year figures of ``totals`` and the hamlets; only the year-end target
(start rate − the year's target) is worked out here, and for the chart the target path of
the months still to come (``timeline.target_path``, as the JSON's months have theirs).
"""

from __future__ import annotations

import math

from xlsxwriter.worksheet import Worksheet

from pipeline.report.cells import (
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    Context,
    figure_width,
    fit_row,
    name_height,
    number,
    put_figure,
    put_name,
    put_num,
    put_text,
    wrapped_lines,
)
from pipeline.report.charts import label_span
from pipeline.report.labels import SHEET_NAMES, t, yoy_left_out
from pipeline.report.styles import (
    ROW_HEIGHT_PT,
    SIGNATURE_ROWS,
    PageFlow,
    end_room,
    merge_text,
    page_setup,
    signature_block,
    title_block,
    written_height,
)
from pipeline.text import vi_key
from pipeline.timeline import target_path

# Commune table: Tháng | Số hộ | Hộ nghèo | Tỷ lệ | Lộ trình | Hộ cận nghèo | Tỷ lệ | Lộ trình
WHEN, HOUSEHOLDS, POOR, POOR_RATE, POOR_PATH, NEAR, NEAR_RATE, NEAR_PATH = range(8)
COMMUNE_COLS = 8
FIRST_WIDTH, WIDTH = 24, 11
CHART_ROWS = 15  # rows kept free under the commune table for the chart
CHART_PX = 20 * (CHART_ROWS - 1)
# On a page of its own, the chart may take up to 23 rows (440 px, 330 pt of the page's 512)
# where its labels need the room (``chart_rows``).
MAX_CHART_ROWS = 23
# The chart's offset down its first row: where the chart starts page two (the later months),
# its row begins the page, and LibreOffice printed the chart's top edge as a line at the foot
# of page one. 'Tổng hợp''s chart is set off alike (summary.CHART_OFFSET_PX).
CHART_OFFSET_PX = 4
# A4 landscape less the margins of ``page_setup`` (0.4" sides, 0.5" top, 0.6" bottom, the footer
# printed inside the bottom one), in points, less a little for safety.
PAGE_WIDTH_PT, PAGE_HEIGHT_PT = 841.9 - 0.8 * 72, 595.3 - 1.1 * 72 - 4
TITLE_BLOCK_PT = 5 * LINE_HEIGHT + 36  # title_block(): six rows, the title's 36 pt high
SERIES = (
    # column, label, colour, dashed, data labels
    (POOR_RATE, "trend.series.poor", "#C00000", False, "above"),
    (POOR_PATH, "trend.series.poor_path", "#C00000", True, None),
    (NEAR_RATE, "trend.series.near_poor", "#2F5597", False, "below"),
    (NEAR_PATH, "trend.series.near_poor_path", "#2F5597", True, None),
)


def _minus(a, b) -> float | None:
    a, b = number(a), number(b)
    return None if a is None or b is None else a - b


def _year_end_target(start_rate, target_points) -> float | None:
    """The rate the plan asks for at the year's end: the start rate less the year's target, never
    below 0 (a target above the start rate asks for every household off the list, not for a
    negative rate: docs/decisions.md, session 18), as the target path and 'Tổng hợp' have it."""
    target = _minus(start_rate, target_points)
    return None if target is None else max(0.0, target)


def _months(ctx: Context) -> list[dict]:
    """The commune's monthly rows from the JSON; the current month alone when it has none."""
    trend = ctx.summary.get("trend") or {}
    rows = list(trend.get("commune") or [])
    if not rows:
        tot = ctx.totals
        rows = [
            {
                "period": ctx.result.period,
                "complete": ctx.summary.get("complete", True),
                **{k: tot.get(k) for k in ("households", "poor", "near_poor")},
                "poor_rate": tot.get("poor_rate"),
                "near_poor_rate": tot.get("near_poor_rate"),
                "poor_target_rate": None,
                "near_poor_target_rate": None,
            }
        ]
    return rows


def _complete(ctx: Context, entry: dict) -> bool:
    # This month's completeness is the summary's own flag.
    if entry.get("period") == ctx.result.period and not ctx.summary.get("complete", True):
        return False
    return bool(entry.get("complete", True))


def _month_label(ctx: Context, period: str, complete: bool = True) -> str:
    """'Tháng 4' within the plan year (the sheet title names it), else 'Tháng 4/2023'."""
    year, month = int(period[:4]), int(period[5:7])
    if year != ctx.plan_year:
        return t("period.cap", ctx.lang, m=month, y=year) + ("" if complete else " (*)")
    return t("trend.month" if complete else "trend.month.partial", ctx.lang, m=month)


def _commune_table(
    ctx: Context, ws: Worksheet, row: int, months: list[dict]
) -> tuple[int, int, list[list]]:
    """Start of year, each month, year-end target; return the first and last data rows and
    the rows' figures (households, poor, rate, path, near-poor, rate, path)."""
    lang, st, tot = ctx.lang, ctx.st, ctx.totals
    heads = [
        t("trend.col.month", lang),
        t("trend.col.households", lang),
        t("col.poor", lang),
        t("trend.col.poor", lang),
        t("trend.col.path", lang),
        t("col.near_poor", lang),
        t("trend.col.near_poor", lang),
        t("trend.col.path", lang),
    ]
    for col, text in enumerate(heads):
        ws.write_string(row, col, text, st["head"])
    ws.set_row(row, 33)
    first = row + 1
    lines = [
        (
            t("grp.start", lang),
            [
                tot.get("start_households"),
                tot.get("start_poor"),
                tot.get("start_poor_rate"),
                tot.get("start_poor_rate"),
                tot.get("start_near_poor"),
                tot.get("start_near_poor_rate"),
                tot.get("start_near_poor_rate"),
            ],
            False,
        )
    ]
    for entry in months:
        lines.append(
            (
                _month_label(ctx, entry["period"], _complete(ctx, entry)),
                [
                    entry.get("households"),
                    entry.get("poor"),
                    entry.get("poor_rate"),
                    entry.get("poor_target_rate"),
                    entry.get("near_poor"),
                    entry.get("near_poor_rate"),
                    entry.get("near_poor_target_rate"),
                ],
                entry.get("period") == ctx.result.period,
            )
        )
    lines.append(
        (
            t("trend.target", lang, y=ctx.plan_year),
            [
                None,
                None,
                None,
                _year_end_target(tot.get("start_poor_rate"), tot.get("poor_target")),
                None,
                None,
                _year_end_target(tot.get("start_near_poor_rate"), tot.get("near_poor_target")),
            ],
            False,
        )
    )
    counts = (HOUSEHOLDS, POOR, NEAR)
    for i, (label, values, current) in enumerate(lines):
        r = first + i
        prefix = "total_" if current else ""
        ws.write_string(r, WHEN, label, st["total_text" if current else "text"])
        for col, value in enumerate(values, start=1):
            put_num(ws, r, col, value, st[prefix + ("int" if col in counts else "rate")])
    return first, first + len(lines) - 1, [values for _, values, _ in lines]


def _chart_points(ctx: Context, months: list[dict], rows: list[list]) -> list[tuple[str, list]]:
    """The chart's categories, each with its row as the table's (``rows``: the start of the
    year, the months run, the year-end target): the start and the plan year's twelve months,
    a month not run with its target path alone, December's path the year-end target; every
    month's path is the straight line from the table's start to that target. The x
    axis is then the year, a step a month: with the months run alone and the year-end target
    after them, the path fell from January's 7.66 to 6.26 in one step, as if due in February,
    and the start of the year was a month before the first month run, however many months
    lay between (docs/decisions.md, session 27). Months run in another year than the plan's
    keep the table's rows as categories, as before."""
    lang, tot = ctx.lang, ctx.totals
    start = (t("grp.start", lang), rows[0])
    if any(int(m["period"][:4]) != ctx.plan_year for m in months):
        labels = [_month_label(ctx, m["period"], _complete(ctx, m)) for m in months]
        target = (t("trend.target", lang, y=ctx.plan_year), rows[-1])
        return [start, *zip(labels, rows[1:-1], strict=True), target]
    run = {
        int(m["period"][5:7]): (_month_label(ctx, m["period"], _complete(ctx, m)), values)
        for m, values in zip(months, rows[1:-1], strict=True)
    }
    starts = (tot.get("start_poor_rate"), tot.get("start_near_poor_rate"))
    targets = (tot.get("poor_target"), tot.get("near_poor_target"))
    points = [start]
    for month in range(1, 13):
        period = f"{ctx.plan_year}-{month:02d}"
        poor, near = (
            None if number(a) is None or number(b) is None else target_path(a, b, period)
            for a, b in zip(starts, targets, strict=True)
        )
        if month in run:
            # The path of the start and the year-end target the table prints, the JSON's too
            # (docs/decisions.md, sessions 29 and 52).
            label, values = run[month]
            values = list(values)
            if poor is not None:
                values[POOR_PATH - 1] = poor
            if near is not None:
                values[NEAR_PATH - 1] = near
            points.append((label, values))
            continue
        points.append((t("trend.month", lang, m=month), [None, None, None, poor, None, None, near]))
    return points


def _chart_data(ctx: Context, ws: Worksheet, row: int, col: int, points: list) -> int:
    """The chart's categories and its four series, one a row, from column ``col`` of ``row``
    on (beside the print area: the table above prints the figures); return the row of the
    categories (the series follow it)."""
    lang, st = ctx.lang, ctx.st
    # over the data's columns: in its first column alone (24 wide) the wrapped words took
    # three lines of a row of one, over the header under it (session 54)
    merge_text(ws, row, col, row, col + len(points), t("trend.chart.data", lang), st["note"])
    names = [t(key, lang) for _, key, _, _, _ in SERIES]
    ws.write_string(row + 1, col, t("trend.col.month", lang), st["head"])
    for i, name in enumerate(names):
        ws.write_string(row + 2 + i, col, name, st["text"])
    for j, (label, values) in enumerate(points, start=1):
        ws.write_string(row + 1, col + j, label, st["head"])
        for i, (series_col, *_) in enumerate(SERIES):
            put_num(ws, row + 2 + i, col + j, values[series_col - 1], st["rate"])
    ws.set_column(col, col, FIRST_WIDTH)
    ws.set_column(col + 1, col + len(points), WIDTH)
    return row + 1


def label_positions(rows: list[list], rate: int, path: int, default: str) -> list[str]:
    """Where each month's rate label goes, above or below its point: on the side away from
    its target path's dashed line, which then never crosses it. Where the rate is the target
    (as shown, two decimals: 'Đầu năm'), the side away from where the line goes on to (it
    falls: above); ``default`` where neither tells. ``rate``, ``path``: the rows' columns,
    1-based as the sheet's (column 0 is the month)."""

    def shown(values: list, col: int) -> float | None:
        n = number(values[col - 1]) if col - 1 < len(values) else None
        return None if n is None else round(n, 2)

    out = []
    for i, values in enumerate(rows):
        a, p = shown(values, rate), shown(values, path)
        if a is not None and p is not None and a == p:
            near = [shown(rows[j], path) for j in (i + 1, i - 1) if 0 <= j < len(rows)]
            p = next((n for n in near if n is not None and n != a), None)
        if a is None or p is None:
            out.append(default)
        else:
            out.append("above" if a > p else "below")
    return out


# Labels that run into each other. LibreOffice prints the chart's plot area some 159 px high
# at 100 % (January's chart: one line of month names under it), and a 9 pt label reaches
# some 20 px from its point (its figures centred 13 px off it), 22 with half a marker; the
# axis' range as charts.axis_span estimates it.
PLOT_PX, LABEL_PX = 159, 22
# A rate's line to the month beside crosses its label when it climbs (above) or falls (below)
# more than this many labels' height a month: the label's near edge is some 7 px off the
# point, its side 11 px across, a month 51 px wide: 7 / 11 * 51 = 32 px, 1.45 labels of 22.
LINE_CROSS = 32 / 22
# A label towards the other rate prints on that rate's point unless it clears the marker
# (6 pt across) too: half a marker more than its own reach. Measured in LibreOffice on a
# 12-month chart (18 rows, its axis 4 to 11 drawn 127.9 pt): November's near-poor "6.72"
# above its point reached 12.8 pt (0.70 of the axis, as LABEL_PX said) and printed on the
# poor point 0.73 over it, 13.3 pt, whose marker reached 2.4 pt lower (session 51).
MARKER_PX = 4


def axis_low(plotted: list[float]) -> float:
    """The value axis' minimum: a point below the lowest rate, so month-to-month changes show."""
    return max(0, math.floor(min(plotted)) - 1) if plotted else 0


def _harm(
    sides: tuple[str, str],
    poor: tuple[float, float | None],
    near: tuple,
    room: float,
    slopes: tuple[tuple[float, float], tuple[float, float]] = ((0.0, 0.0), (0.0, 0.0)),
) -> int:
    """How badly a month's poor and near-poor labels print on ``sides``: 3 where they meet,
    2 where one is on the other rate's point (its marker too: ``MARKER_PX``), and 1 for each
    crossed by its own path or by its own line to the month before or after. ``poor``, ``near``: (rate, path) as shown;
    ``slopes``: each rate's steepest rise and fall a month to a month drawn beside it."""

    def crossed(side: str, rate: float, path: float | None, slope: tuple[float, float]) -> bool:
        if (slope[0] if side == "above" else slope[1]) > LINE_CROSS * room:
            return True
        if path is None:
            return False
        return 0 < path - rate < room if side == "above" else 0 < rate - path < room

    (sp, sn), (a, pa), (b, pb) = sides, poor, near
    gap, poor_upper = abs(a - b), a >= b
    inward = sp == ("below" if poor_upper else "above")
    inward_near = sn == ("above" if poor_upper else "below")
    score = 0
    if inward and inward_near and gap < 2 * room:
        score = 3
    elif (inward or inward_near) and gap < room * (LABEL_PX + MARKER_PX) / LABEL_PX:
        score = 2
    return score + crossed(sp, a, pa, slopes[0]) + crossed(sn, b, pb, slopes[1])


def _slopes(rates: list[float | None], i: int) -> tuple[float, float]:
    """The steepest rise and fall, a month, from ``rates[i]`` to the rates drawn next to it
    (the line spans months without one)."""
    rise = fall = 0.0
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(rates) and rates[j] is None:
            j += step
        if 0 <= j < len(rates):
            change = (rates[j] - rates[i]) / abs(j - i)
            rise, fall = max(rise, change), max(fall, -change)
    return rise, fall


def label_sides(rows: list[list], room: float) -> tuple[list[str], list[str]]:
    """Each month's poor and near-poor rate label, above or below its point.

    Each goes on the side away from its own target path (``label_positions``) unless that
    puts it where the other rate's label or point is: two rates less than two labels apart,
    each labelled towards the other, printed their figures over each other ("8.66" over
    "7.01"), and a rate labelled towards the other closer than one label printed it over the
    other's point and line. Of the four ways to place a month's two labels, the one with the
    least harm is taken: a label over the other's (3), a label over the other rate's point (2),
    a label crossed by its own dashed path (1); ties keep the sides away from the paths.
    ``room``: one label's height in the axis' units (``charts.label_span``)."""
    return _placed(rows, room)[:2]


def _placed(rows: list[list], room: float) -> tuple[list[str], list[str], int]:
    """``label_sides``, and the harm left in the placings taken (0: every label clear)."""
    poor = label_positions(rows, POOR_RATE, POOR_PATH, "above")
    near = label_positions(rows, NEAR_RATE, NEAR_PATH, "below")

    def shown(values: list, col: int) -> float | None:
        n = number(values[col - 1]) if col - 1 < len(values) else None
        return None if n is None else round(n, 2)

    flip = {"above": "below", "below": "above"}
    poor_rates = [shown(values, POOR_RATE) for values in rows]
    near_rates = [shown(values, NEAR_RATE) for values in rows]
    left = 0
    for i, values in enumerate(rows):
        a, b = poor_rates[i], near_rates[i]
        if a is None or b is None:
            continue
        pa, pb = shown(values, POOR_PATH), shown(values, NEAR_PATH)
        slopes = (_slopes(poor_rates, i), _slopes(near_rates, i))
        choices = [(poor[i], near[i]), (flip[poor[i]], near[i]), (poor[i], flip[near[i]])]
        choices.append((flip[poor[i]], flip[near[i]]))
        # the first of the least harm: ties keep the sides away from the paths
        harms = [_harm(c, (a, pa), (b, pb), room, slopes) for c in choices]
        best = harms.index(min(harms))
        poor[i], near[i] = choices[best]
        left += harms[best]
    return poor, near, left


def chart_rows(rows: list[list], plotted: list[float], low: float, own_page: bool) -> int:
    """How many rows the chart takes: ``CHART_ROWS`` (280 px) under the commune's table on its
    first page; on a page of its own (the table too long to leave it room), the fewest rows
    from ``CHART_ROWS`` to ``MAX_CHART_ROWS`` at which the labels' placings leave the least
    harm (``label_sides``: none where every label is clear of the other rate and of its own
    path and line) any of those heights leaves. A taller
    plot makes a label less of the axis: a 12-month chart's near-poor labels in November and
    December were crossed by their own path at 280 px, no placing clear (docs/decisions.md,
    session 29). ``rows``: the chart's points' rows; ``low``: the axis' minimum."""
    if not own_page or not plotted:
        return CHART_ROWS
    harm = {}
    for n in range(CHART_ROWS, MAX_CHART_ROWS + 1):
        plot = PLOT_PX + 20 * (n - CHART_ROWS)  # the title, axis and legend keep their size
        harm[n] = _placed(rows, label_span(LABEL_PX, plot, low, max(plotted)))[2]
    # the fewest rows with the least harm any height leaves
    return min(harm, key=lambda n: (harm[n], n))


def _chart(
    ctx: Context,
    ws: Worksheet,
    row: int,
    data: tuple[int, int],
    plotted: list[float],
    points: list[tuple[str, list]],
    height: int,
) -> None:
    """Rates and target paths over the months, as a native line chart under the table,
    ``height`` rows high (``chart_rows``); its figures from ``data`` (the row of its
    categories and their first column, ``_chart_data``)."""
    lang, sheet = ctx.lang, SHEET_NAMES["trend"]
    head, col = data
    first, last = col + 1, col + len(points)
    rows = [values for _, values in points]
    chart = ctx.wb.add_chart({"type": "line"})
    low = axis_low(plotted)
    plot = PLOT_PX + 20 * (height - CHART_ROWS)
    poor_sides, near_sides = label_sides(rows, label_span(LABEL_PX, plot, low, max(plotted or [0])))
    sides = {POOR_RATE: poor_sides, NEAR_RATE: near_sides}
    for i, (col, key, colour, dashed, labels) in enumerate(SERIES):
        series = {
            "name": t(key, lang),
            "categories": [sheet, head, first, head, last],
            "values": [sheet, head + 1 + i, first, head + 1 + i, last],
            "line": {"color": colour, "width": 1.5 if dashed else 2.25},
            "marker": {"type": "none"}
            if dashed
            else {
                "type": "circle",
                "size": 6,
                "fill": {"color": colour},
                "border": {"color": colour},
            },
        }
        if dashed:
            series["line"]["dash_type"] = "dash"
        if labels:
            # Only the rates carry labels, each on the side away from its target's dashed
            # line unless it runs into the other rate's (docs/decisions.md, sessions 24, 27).
            font = {"color": colour, "size": 9}
            series["data_labels"] = {
                "value": True,
                "num_format": "0.00",
                "position": labels,
                "font": font,
                # A point's own label only where it leaves the series' side: it has no
                # number format of its own and shows the cell's (0.00, the same figures).
                "custom": [
                    None if where == labels else {"position": where, "font": font}
                    for where in sides[col]
                ],
            }
        chart.add_series(series)
    chart.set_title({"name": t("trend.chart", lang), "name_font": {"size": 12, "bold": True}})
    y_axis = {
        "num_format": "0.00",
        "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
    }
    if plotted:
        y_axis["min"] = low
    chart.set_y_axis(y_axis)
    chart.set_x_axis({"num_font": {"size": 9}})
    chart.set_legend({"position": "bottom"})
    # A month not run between two run is spanned, the line from one to the other (the months
    # to come are blanks after the last point: no line)
    chart.show_blanks_as("span")
    width = int(FIRST_WIDTH * 7 + 5 + (COMMUNE_COLS - 1) * (WIDTH * 7 + 5))
    chart.set_size({"width": width, "height": 20 * (height - 1)})
    ws.insert_chart(row, 0, chart, {"y_offset": CHART_OFFSET_PX, "object_position": 2})


def _hamlet_table(
    ctx: Context,
    ws: Worksheet,
    row: int,
    months: list[dict],
    kind: str,
    flow: PageFlow,
    tail: float = 0.0,
) -> int:
    """Hamlets as rows, the start of the year then each month as columns; the commune last.
    ``row``: the section's title row. A page that continues the table starts with its header
    row again; ``tail``: the height of the rows after it that print with its last rows."""
    lang, st, tot = ctx.lang, ctx.st, ctx.totals
    key = f"{kind}_rate"
    heads = [t("col.hamlet", lang), t("trend.col.start", lang)]
    heads += [_month_label(ctx, m["period"], _complete(ctx, m)) for m in months]

    def head(r: int) -> int:
        for col, text in enumerate(heads):
            ws.write_string(r, col, text, st["head"])
        return r + 1

    hamlets = ctx.hamlets
    # A long name wraps: its row is taller (session 38).
    heights = [name_height(fig.get("hamlet"), FIRST_WIDTH) for fig in hamlets]
    whole = 3 * ROW_HEIGHT_PT + sum(heights) + tail  # title, header, hamlets, commune
    row = flow.table_start(row, 2 * ROW_HEIGHT_PT, max(heights[:1], default=ROW_HEIGHT_PT), whole)
    put_text(ws, row, 0, t(f"trend.sec.{kind}", lang), st["section"])
    r = head(row + 1)
    periods = [m["period"] for m in months]
    for i, fig in enumerate(hamlets):
        # The last hamlets print with the commune's row and the rows after the table
        # (session 42).
        r = flow.keep(r, end_room(heights, i, ROW_HEIGHT_PT + tail), head)
        name = fig.get("hamlet")
        put_name(ws, r, 0, name, st, FIRST_WIDTH)
        put_num(ws, r, 1, fig.get(f"start_{key}"), st["rate"])
        rates = _hamlet_rates(ctx, fig, key, periods)
        for j, period in enumerate(periods):
            value = rates.get(period)
            put_num(ws, r, 2 + j, value, st["rate" if number(value) is not None else "muted"])
        r += 1
    ws.write_string(r, 0, t("trend.commune", lang), st["total_text"])
    put_num(ws, r, 1, tot.get(f"start_{key}"), st["total_rate"])
    for j, month in enumerate(months):
        put_num(ws, r, 2 + j, month.get(key), st["total_rate"])
    return r + 1


def _hamlet_rates(ctx: Context, fig: dict, key: str, periods: list[str]) -> dict:
    """Hamlet ``fig``'s ``key`` ('poor_rate', 'near_poor_rate') by period, as its table row
    prints them: the JSON's trend, or this month's figure alone when the JSON has none."""
    by_hamlet = (ctx.summary.get("trend") or {}).get("hamlets") or {}
    if not by_hamlet and periods[-1:] == [ctx.result.period]:
        return {ctx.result.period: fig.get(key)}
    return {p.get("period"): p.get(key) for p in by_hamlet.get(fig.get("hamlet"), [])}


def has_blank(ctx: Context, months: list[dict], kind: str) -> bool:
    """Whether the hamlet table of ``kind`` ('poor', 'near_poor') prints an empty cell in a
    month's column, a hamlet's or the commune's: the cells the note 'Ô trống: …' explains
    (session 51)."""
    key = f"{kind}_rate"
    periods = [m["period"] for m in months]
    if any(number(m.get(key)) is None for m in months):
        return True
    for fig in ctx.hamlets:
        rates = _hamlet_rates(ctx, fig, key, periods)
        if any(number(rates.get(period)) is None for period in periods):
            return True
    return False


def _months_said(lang: str, periods: list[str]) -> str:
    """'các tháng 01–03/2024' ('tháng 03/2024' for one; months apart: '01, 03/2024')."""
    runs: list[list[int]] = []
    for m in sorted(int(p[5:7]) for p in periods):
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    said = ", ".join(f"{r[0]:02d}" + (f"–{r[-1]:02d}" if len(r) > 1 else "") for r in runs)
    key = "trend.note.month" if len(periods) == 1 else "trend.note.months"
    return t(key, lang, months=f"{said}/{periods[0][:4]}")


def _names_notes(ctx: Context, months: list[dict]) -> list[str]:
    """One note per hamlet renamed or merged into during the year (JSON ``renamed_from``,
    ``merged_since``) saying whose its earlier points in the tables are: the months with a
    point before each change (docs/decisions.md, session 32). None for a hamlet without."""
    by_hamlet = (ctx.summary.get("trend") or {}).get("hamlets") or {}
    periods = [m["period"] for m in months]
    notes = []
    for fig in ctx.hamlets:
        shown = {
            p.get("period")
            for p in by_hamlet.get(fig.get("hamlet"), [])
            if p.get("poor_rate") is not None or p.get("near_poor_rate") is not None
        }
        note = names_note(ctx.lang, fig, [p for p in periods if p in shown])
        if note:
            notes.append(note)
    return notes


def names_note(lang: str, fig: dict, shown: list[str]) -> str | None:
    """Whose the figures of the months ``shown`` ('YYYY-MM', in order) of hamlet ``fig`` are,
    where it was renamed or another hamlet merged into it after them: "Xóm Nà Mòn: số liệu
    tháng 04/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng 05/2024)." None when no month is."""
    renames = fig.get("renamed_from") or []
    merges = fig.get("merged_since") or {}

    said, after = [], ""
    for entry in renames:  # oldest first: each old name's months up to its rename
        held = [p for p in shown if after <= p < entry["period"]]
        if held:
            said.append(t("trend.note.renamed", lang, months=_months_said(lang, held),
                          old=entry["hamlet"], since=_since(entry["period"])))  # fmt: skip
        after = entry["period"]
    for when in sorted(set(merges.values())):
        held = [p for p in shown if p < when]
        names = ", ".join(n for n in sorted(merges, key=vi_key) if merges[n] == when)
        if held:
            said.append(t("trend.note.merged", lang, months=_months_said(lang, held),
                          names=names, since=_since(when)))  # fmt: skip
    if not said:
        return None
    return t("trend.note.names", lang, hamlet=fig.get("hamlet"), said="; ".join(said))


def changes_said(lang: str, fig: dict) -> str | None:
    """What became of hamlet ``fig`` during the plan year, for a reader who knew it from the
    year's earlier reports: its former names and the hamlets merged into it, each with its
    first month ("Xóm Nà Mòn: gồm cả xóm Bản Cọ (sáp nhập từ tháng 05/2024)."), as
    :func:`names_note` says of its earlier points; None when neither (session 51)."""
    said = [
        t("hamlet.note.renamed", lang, old=entry["hamlet"], since=_since(entry["period"]))
        for entry in fig.get("renamed_from") or []
    ]
    merges = fig.get("merged_since") or {}
    for when in sorted(set(merges.values())):
        names = ", ".join(n for n in sorted(merges, key=vi_key) if merges[n] == when)
        said.append(t("hamlet.note.merged", lang, names=names, since=_since(when)))
    if not said:
        return None
    return t("trend.note.names", lang, hamlet=fig.get("hamlet"), said="; ".join(said))


def _since(period: str) -> str:
    return f"{period[5:7]}/{period[:4]}"


def _yoy_note(ctx: Context, yoy: dict) -> str:
    """The note under table IV (the hamlets left out of the comparison, if any)."""
    y0 = int(yoy["period"][:4])
    note = t("trend.note.yoy", ctx.lang, m=ctx.month, y=ctx.year, y0=y0)
    left_out = yoy_left_out(ctx.lang, yoy, ctx.standard, ctx.result.period)
    return f"{note} {left_out}" if left_out else note


def change_width(ctx: Context) -> float:
    """Column D's width: table IV's change since last year (its fourth column) written as
    'Tổng hợp' writes it (cells.figure_width) where that is wider than :data:`WIDTH`: 'under
    0.0001' needs 11.5 units in English (session 50's review: Excel showed '###')."""
    yoy = ctx.summary.get("year_on_year") or {}
    changes = (yoy.get(key) for key in ("poor_rate_change", "near_poor_rate_change"))
    return max([WIDTH, *(figure_width(value, ctx.lang) for value in changes)])


def _year_on_year(ctx: Context, ws: Worksheet, row: int, yoy: dict, note: str) -> int:
    lang, st, tot = ctx.lang, ctx.st, ctx.totals
    then = yoy["period"]
    y0, m0 = int(then[:4]), int(then[5:7])
    heads = [
        t("sum.col.item", lang),
        t("period.cap", lang, m=m0, y=y0),
        t("period.cap", lang, m=ctx.month, y=ctx.year),
        t("trend.col.change", lang),
    ]
    for col, text in enumerate(heads):
        ws.write_string(row, col, text, st["head"])
    ws.set_row(row, 33)
    lines = [
        ("trend.col.poor", "poor_rate", "poor_rate_change"),
        ("trend.col.near_poor", "near_poor_rate", "near_poor_rate_change"),
    ]
    for i, (label, rate_key, change_key) in enumerate(lines):
        r = row + 1 + i
        ws.write_string(r, 0, t(label, lang), st["text"])
        put_num(ws, r, 1, yoy.get(rate_key), st["rate"])
        put_num(ws, r, 2, yoy.get(f"now_{rate_key}", tot.get(rate_key)), st["rate"])
        # as 'Tổng hợp' writes it: 0,0030 or 'dưới 0,0001', not 0,00 (session 50)
        put_figure(ctx, ws, r, 3, yoy.get(change_key), "rate")
    r = row + 1 + len(lines)
    merge_text(ws, r, 0, r, COMMUNE_COLS - 1, note, st["note"])
    fit_row(ws, r, [(note, FIRST_WIDTH + (COMMUNE_COLS - 1) * WIDTH)])
    return r + 1


def _note(ctx: Context, ws: Worksheet, row: int, ncols: int, text: str) -> tuple[int, float]:
    """A note merged across ``ncols``; return the next row and the note's height in points."""
    merge_text(ws, row, 0, row, ncols - 1, text, ctx.st["note"])
    return row + 1, fit_row(ws, row, [(text, FIRST_WIDTH + (ncols - 1) * WIDTH)])


def _note_height(text: str, ncols: int) -> float:
    """The height of a note's row across ``ncols`` (:func:`_note`), in points as written."""
    lines = wrapped_lines([(text, FIRST_WIDTH + (ncols - 1) * WIDTH)])
    return written_height(min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)) if lines > 1 else ROW_HEIGHT_PT


def _chart_fits_first_page(ncols: int, used: float) -> bool:
    """Whether the chart still fits on the first printed page after ``used`` points of rows.

    The page is A4 landscape printed one page wide (see ``page_setup``): a sheet wider
    than the page is scaled down, which leaves room for more rows.
    """
    width_pt = ((FIRST_WIDTH * 7 + 5) + (ncols - 1) * (WIDTH * 7 + 5)) * 0.75
    scale = min(1.0, PAGE_WIDTH_PT / width_pt)
    return (used + CHART_PX * 0.75) * scale <= PAGE_HEIGHT_PT


def write(ctx: Context) -> None:
    """Add the 'Xu hướng' sheet."""
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES["trend"])
    months = _months(ctx)
    ncols = max(COMMUNE_COLS, 2 + len(months))
    ws.set_column(0, 0, FIRST_WIDTH)
    ws.set_column(1, ncols - 1, WIDTH)
    ws.set_column(3, 3, change_width(ctx))
    row = title_block(ctx, ws, t("title.trend", lang, y=ctx.plan_year), ncols, 3)
    put_text(ws, row, 0, t("trend.sec.commune", lang), st["section"])
    first, last, rows = _commune_table(ctx, ws, row + 1, months)
    # section title, header (33 pt), the table's rows, then the notes and a blank row
    used = TITLE_BLOCK_PT + LINE_HEIGHT + 33 + (last - first + 1) * LINE_HEIGHT + LINE_HEIGHT
    org = ws.row_info.get(0)  # the committee's name on two lines (title_block): a line more
    if org is not None and org.height:
        used += max(0.0, org.height * 0.75 - LINE_HEIGHT)
    notes = [t("trend.note.path", lang)]
    if not all(_complete(ctx, m) for m in months):
        notes.append(t("trend.note.partial", lang))
    other = (ctx.summary.get("trend") or {}).get("other_commune")
    if other:  # the months before a merger, of the former commune, are not this one's
        said = ", ".join(str(int(p[5:7])) for p in other["periods"])
        key = "trend.note.other_commune" + (".one" if len(other["periods"]) == 1 else "")
        notes.append(t(key, lang, months=f"{said}/{ctx.plan_year}",
                       old=other["commune"], new=ctx.commune))  # fmt: skip
    elif len(months) < 2 and ctx.result.period[5:7] != "01":  # January has no month before it
        notes.append(t("trend.later", lang))
    row = last + 1
    for text in notes:
        row, height = _note(ctx, ws, row, COMMUNE_COLS, text)
        used += height
    chart = row + 1
    points = _chart_points(ctx, months, rows)
    data = (_chart_data(ctx, ws, chart, ncols + 1, points), ncols + 1)
    # what the chart draws: its points' rates and paths (the table's own paths of a month
    # with a hamlet missing are not drawn)
    plotted = [
        n
        for _, values in points
        for col in (POOR_RATE, POOR_PATH, NEAR_RATE, NEAR_PATH)
        if (n := number(values[col - 1])) is not None
    ]
    on_first = _chart_fits_first_page(ncols, used)
    height = chart_rows([v for _, v in points], plotted, axis_low(plotted), not on_first)
    _chart(ctx, ws, chart, data, plotted, points, height)
    row += 1 + height
    # The chart prints under the commune's table when the page has room for it; the hamlet
    # tables then start a new printed page. When the table is long (the later months), the
    # chart starts page two, and the hamlet tables follow it there when they fit the rest of
    # the page (PageFlow.table_start), so the chart no longer prints on a page of its own.
    widths = [FIRST_WIDTH] + [WIDTH] * (ncols - 1)
    top = row if on_first else chart
    ws.set_h_pagebreaks([top])
    # The two hamlet tables have one header (Xóm | Đầu năm | the months), but one range of print
    # titles would print it over the near-poor table's title and own header too: a page that
    # continues either table starts with its header row again, written in the sheet
    # (docs/decisions.md, session 17). The pages are laid out from the page they start on.
    flow = PageFlow(ws, widths, top)
    yoy = ctx.summary.get("year_on_year")
    blank_note = t("trend.note.blank", lang)
    # Whose a renamed or merged hamlet's earlier points are: under the poor table, and again
    # under the near-poor one (after the blank cells' note) when that table is not on the
    # same printed page, so that each table's page says it.
    names_notes = _names_notes(ctx, months)
    names_height = sum(_note_height(text, ncols) for text in names_notes)
    # The blank cells' note under each table that has one, and only there: it printed under
    # the near-poor table whether or not a cell was empty, and never under the poor one
    # (session 51).
    blank = {kind: has_blank(ctx, months, kind) for kind in ("poor", "near_poor")}
    blank_height = {kind: _note_height(blank_note, ncols) * blank[kind] for kind in blank}
    # After the near-poor table, its notes, a blank row, then table IV or the signature.
    signature = (1 + SIGNATURE_ROWS) * ROW_HEIGHT_PT
    tails = {
        "poor": blank_height["poor"] + names_height,
        "near_poor": blank_height["near_poor"] + names_height + (0.0 if yoy else signature),
    }
    for kind in ("poor", "near_poor"):
        page = flow.top
        end = _hamlet_table(ctx, ws, row, months, kind, flow, tails[kind])
        notes = names_notes if kind == "poor" or flow.top != page else []
        for text in [blank_note] * blank[kind] + notes:
            end = _note(ctx, ws, end, ncols, text)[0]
        row = end + 1
    if yoy:
        # Table IV (its title, header, two rows, note) prints whole with the signature.
        note = _yoy_note(ctx, yoy)
        height = ROW_HEIGHT_PT + written_height(33) + 2 * ROW_HEIGHT_PT
        height += _note_height(note, COMMUNE_COLS) + signature
        row = flow.keep(row, height)
        put_text(ws, row, 0, t("trend.sec.yoy", lang), st["section"])
        row = _year_on_year(ctx, ws, row + 1, yoy, note) + 1
    end = signature_block(ctx, ws, row, ncols, 3) - 1
    flow.to(end + 1)  # (rows without a height get ROW_HEIGHT_PT)
    ws.freeze_panes(0, 1)
    ws.print_area(0, 0, end, ncols - 1)  # the chart's figures beside it do not print
    page_setup(ctx, ws, None, None)
