"""Sheet 'Tổng hợp': the commune's answer first — rates, target met or not, reporting, issues."""

from __future__ import annotations

import math

from xlsxwriter.worksheet import Worksheet

from pipeline.report.cells import (
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    Context,
    fit_row,
    merged_width,
    met_label,
    missing,
    number,
    put_figure,
    put_num,
    put_text,
    wrapped_lines,
)
from pipeline.report.charts import label_span
from pipeline.report.labels import SHEET_NAMES, incomplete_key, t, yoy_left_out
from pipeline.report.styles import (
    ROW_HEIGHT_PT,
    SIGNATURE_ROWS,
    PageFlow,
    merge_text,
    page_setup,
    signature_block,
    title_block,
    traffic_lights,
)
from pipeline.report.trend import changes_said
from pipeline.text import small_figure

NCOLS = 4  # label | poor | near-poor | note
SPLIT = 2
WIDTHS = (46, 16, 16, 58)
CHART_HEIGHT = 500  # pixels; with its title and note it fills one printed page
# A chart that shares its page with the section above it (section II pushed off the first
# page by a longer headline) may be drawn smaller, down to this, rather than leave that page
# holding three rows (docs/decisions.md, session 22).
CHART_SHARED_HEIGHT = 360
CHART_DATA_HEAD_PT = 45.0  # the chart's table's header row (beside the print area): the
# chart's first row, as tall
ROW_PX = ROW_HEIGHT_PT * 4 / 3  # a row's height in pixels (21)
CHART_OFFSET_PX = 4  # the chart's offset in its first row
CHART_DATA_WIDTHS = (18, 11, 11, 11, 11)
# A bar's label (8 pt, over the bar) reaches some 14 px over its top, 16 with the width of a
# dashed line; the plot is some 150 px shorter than the chart (its title, the legend, the
# hamlets' names): measured in LibreOffice, 116 px on the shipped sample's (500 px high, the
# names on one line), 147 on a 15-hamlet chart (453 px, the names turned).
BAR_LABEL_PX, CHART_FRAME_PX = 16, 150


# The head of a table of pairs (:func:`_pair_row`): the item, poor, near-poor, a note.
_PAIR_HEAD = ("sum.col.item", "col.poor", "col.near_poor", "sum.col.note")


def _table_header(ctx: Context, ws: Worksheet, row: int) -> int:
    for col, key in enumerate(_PAIR_HEAD):
        ws.write_string(row, col, t(key, ctx.lang), ctx.st["head"])
    return row + 1


def _pair_row(
    ctx: Context,
    ws: Worksheet,
    row: int,
    label: str,
    poor,
    near_poor,
    fmt: str,
    note: str = "",
    points: bool = False,
) -> int:
    """A label, the poor and near-poor figures and a note. ``points``: changes of rate in
    points or a progress, each shown as text.small_figure writes it (0,0013, not 0,00; 'dưới
    0,0001' by its number format: Styles.figure)."""
    st = ctx.st
    ws.write_string(row, 0, label, st["label"])
    for col, value in ((1, poor), (2, near_poor)):
        if points:
            put_figure(ctx, ws, row, col, value, fmt)
        else:
            put_num(ws, row, col, value, st[fmt])
    put_text(ws, row, 3, note, st["label"])
    fit_row(ws, row, [(label, WIDTHS[0]), (note, WIDTHS[3])])
    return row + 1


def _met_row(ctx: Context, ws: Worksheet, row: int, poor_met, near_poor_met) -> int:
    st = ctx.st
    ws.write_string(row, 0, t("sum.met", ctx.lang), st["label_bold"])
    for col, met in ((1, poor_met), (2, near_poor_met)):
        fmt = st["big_met"] if met else st["big_not_met"]
        put_text(ws, row, col, met_label(ctx, met), fmt)
    ws.write_blank(row, 3, None, st["label"])
    return row + 1


def _still_line(ctx: Context, kind: str) -> tuple[str, str] | None:
    """How many more households must leave the list ``kind`` for the commune to meet its target."""
    still = number(ctx.totals.get(f"{kind}_still_to_exit"))
    if still is None:
        return None
    if still > 0:
        n = f"{still:,}".replace(",", ".") if ctx.lang == "vi" else f"{still:,}"
        rose = number(ctx.totals.get(f"{kind}_rate_reduction"))
        if rose is not None and rose < 0:  # the rate went up: said in words
            x = small_figure(-rose, ctx.lang)  # 0,0013, not 0,00 (session 49)
            return t(f"sum.rose.{kind}", ctx.lang, x=x, n=n), "alert"
        return t(f"sum.still.{kind}", ctx.lang, n=n), "section"
    return t(f"sum.done.{kind}", ctx.lang, year=ctx.plan_year), "good"


def _behind_line(ctx: Context, kind: str) -> tuple[str, str] | None:
    """The consolidated hamlets short of their ``kind`` household target ('Chưa đạt' on
    'Theo xóm'), named under section III, so the page the chairman signs says which hamlets
    are behind (session 38); None when no hamlet has a verdict."""
    key = f"{kind}_target_met"
    judged = [
        h for h in ctx.hamlets
        if h.get("status", "ok") == "ok" and not h.get("incomplete") and not missing(h.get(key))
    ]  # fmt: skip
    if not judged:
        return None
    behind = [str(h["hamlet"]) for h in judged if not h[key]]
    if not behind:
        return t(f"sum.behind.none.{kind}", ctx.lang, of=len(judged)), "good"
    if len(behind) == len(judged) > 1:  # every one: no names to read through
        return t(f"sum.behind.all.{kind}", ctx.lang, of=len(judged)), "section_wrap"
    names = behind[:MOST_NAMED]
    if len(behind) > MOST_NAMED:  # a province's hundreds of names would bury the page
        names.append(t("sum.behind.more", ctx.lang, n=len(behind) - MOST_NAMED))
    text = t(f"sum.behind.{kind}", ctx.lang, n=len(behind), of=len(judged), names=", ".join(names))
    return text, "section_wrap"


def _behind_lines(ctx: Context) -> list[tuple[str, str]]:
    """Section III's lines under its chart (or its note): the hamlets behind, each list."""
    return [line for line in (_behind_line(ctx, k) for k in ("poor", "near_poor")) if line]


def _lines_points(texts: list[tuple[str, bool]]) -> float:
    """The height in points of free lines across the sheet ((text, bold): merged, wrapped as
    :func:`fit_row` wraps them), one row each."""
    total = 0.0
    for text, bold in texts:
        lines = wrapped_lines([(text, merged_width(WIDTHS))], bold)
        total += ROW_HEIGHT_PT if lines == 1 else min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)
    return total


def _free_lines(ctx: Context, ws: Worksheet, row: int, lines: list[tuple[str, str]]) -> int:
    """``lines`` (text, style) written one a row from ``row``, across the sheet; the next row."""
    for text, style in lines:
        merge_text(ws, row, 0, row, NCOLS - 1, text, ctx.st[style])
        # a bold line ('good', 'section_wrap') measured so (session 55)
        fit_row(ws, row, [(text, merged_width(WIDTHS))], bool(ctx.st[style].bold))
        row += 1
    return row


def _points(ctx: Context, change) -> str:
    """'giảm 1,23 điểm %' / 'tăng 0,40 điểm %' / 'không đổi' for a change in rate points: a
    change not zero written as the reduction is (text.small_figure: 'giảm 0,0030 điểm %', not
    'không đổi' beside a reduction in digits; session 49)."""
    value = number(change)
    if value is None:
        return ""
    if value == 0:
        return t("yoy.same", ctx.lang)
    text = small_figure(abs(value), ctx.lang)
    return t("yoy.down" if value < 0 else "yoy.up", ctx.lang, x=text)


def _yoy_line(ctx: Context) -> str | None:
    yoy = ctx.summary.get("year_on_year")
    if not yoy:
        return None
    return t(
        "sum.yoy",
        ctx.lang,
        m=int(yoy["period"][5:7]),
        y=int(yoy["period"][:4]),
        poor=_points(ctx, yoy.get("poor_rate_change")),
        near_poor=_points(ctx, yoy.get("near_poor_rate_change")),
    ) + _left_out(ctx, yoy)


def _left_out(ctx: Context, yoy: dict, brief: bool = False) -> str:
    """' So sánh trên các xóm …; không tính: …' when a hamlet is in only one of the months
    (and the note on two standards, ``brief`` beside the table's change row)."""
    note = yoy_left_out(ctx.lang, yoy, ctx.standard, ctx.result.period, brief)
    return f" {note}" if note else ""


MOST_NAMED = 12  # hamlets without a roster named on the first page; the rest are counted
MOST_CHANGES = 3  # hamlets renamed or merged into said on the first page; the rest counted


def _absent_said(fig: dict, lang: str) -> str:
    """Why a hamlet is not in the commune's figures, in a few words: not sent, refused, or its
    figures lacking the households of a list sent apart (session 25)."""
    incomplete = fig.get("incomplete")
    if incomplete:
        # none written: a list naming no hamlet; a neighbour's (session 51)
        key = incomplete_key("hamlet.incomplete.lower", incomplete)
        return t(key, lang, written=incomplete["hamlet_written"])
    return t("hamlet." + fig["status"] + ".lower", lang)


def _headline(ctx: Context, ws: Worksheet, row: int) -> int:
    """Completeness and the verdict, in words, right under the title."""
    lang, st, tot = ctx.lang, ctx.st, ctx.totals
    accepted, expected = ctx.reporting_counts
    if ctx.summary.get("complete", accepted == expected):
        line, fmt = t("sum.complete", lang, accepted=accepted, expected=expected), st["good"]
    else:
        absent = [
            f"{h['hamlet']} ({_absent_said(h, lang)})"
            for h in ctx.hamlets
            if h.get("status") in ("missing", "rejected")
        ]
        if len(absent) > MOST_NAMED:  # a province's 150 names would bury the line
            more = t("sum.incomplete.more", lang, n=len(absent) - MOST_NAMED)
            absent = [*absent[:MOST_NAMED], more]
        line = t(
            "sum.incomplete", lang, accepted=accepted, expected=expected, missing=", ".join(absent)
        )
        fmt = st["alert"]
    # A hamlet renamed or merged into during the year: the count of hamlets and its row are
    # not those of the year's earlier reports (session 51).
    changes = [said for said in (changes_said(lang, h) for h in ctx.hamlets) if said]
    if len(changes) > MOST_CHANGES:  # a province's reorganisation would bury the first page
        more = t("sum.changes.more", lang, n=len(changes) - MOST_CHANGES)
        changes = [*changes[:MOST_CHANGES], more]
    line = " ".join([line, *changes])
    merge_text(ws, row, 0, row, NCOLS - 1, line, fmt)
    if fit_row(ws, row, [(line, merged_width(WIDTHS))], bool(fmt.bold)) < 33:
        ws.set_row(row, 33)
    left_out = (ctx.summary.get("issues") or {}).get("rows_left_out")
    if left_out:
        # The page the chairman signs says that some households are not in these figures yet.
        row += 1
        key = "sum.rows_left_out.one" if left_out == 1 else "sum.rows_left_out"
        line = t(key, lang, n=left_out)
        merge_text(ws, row, 0, row, NCOLS - 1, line, st["alert"])
        fit_row(ws, row, [(line, merged_width(WIDTHS))], bold=True)
    verdict = t(
        "sum.verdict",
        lang,
        poor=met_label(ctx, tot.get("poor_target_met")),
        near_poor=met_label(ctx, tot.get("near_poor_target_met")),
        year=ctx.plan_year,
    )
    merge_text(ws, row + 1, 0, row + 1, NCOLS - 1, verdict, st["section"])
    ws.set_row(row + 1, 20)
    row += 2
    lines = [_still_line(ctx, "poor"), _still_line(ctx, "near_poor")]
    yoy = _yoy_line(ctx)
    if yoy:
        lines.append((yoy, "section_wrap"))  # with a note it takes two lines (session 38)
    for line in lines:
        if line:
            merge_text(ws, row, 0, row, NCOLS - 1, line[0], st[line[1]])
            fit_row(ws, row, [(line[0], merged_width(WIDTHS))], bool(st[line[1]].bold))
            row += 1
    return row + 1


def _results(ctx: Context, ws: Worksheet, row: int) -> int:
    lang, tot = ctx.lang, ctx.totals
    row = _table_header(ctx, ws, row)
    prev = ctx.plan_year - 1
    accepted, expected = ctx.reporting_counts
    # Without every hamlet the start rate is the recognised result of those consolidated only
    # (CONTRACT §4, like with like), not the commune's recognised rate: the note says whose.
    start_note = (
        t("sum.note.start", lang, prev=prev)
        if ctx.summary.get("complete", accepted == expected)
        else t("sum.note.start.part", lang, prev=prev, accepted=accepted, expected=expected)
    )
    rows = [
        ("sum.start_rate", "start_poor_rate", "start_near_poor_rate", "rate", start_note),
        (
            "sum.current_rate",
            "poor_rate",
            "near_poor_rate",
            "big_rate",
            t("period.cap", lang, m=ctx.month, y=ctx.year),
        ),
        (
            "sum.reduction",
            "poor_rate_reduction",
            "near_poor_rate_reduction",
            "big_rate",
            t("sum.note.reduction", lang),
        ),
        (
            "sum.target",
            "poor_target",
            "near_poor_target",
            "rate",
            t("sum.note.target", lang, year=ctx.plan_year),
        ),
    ]
    for key, poor, near, fmt, note in rows:
        points = key == "sum.reduction"
        row = _pair_row(ctx, ws, row, t(key, lang), tot.get(poor), tot.get(near), fmt, note, points)
    row = _met_row(ctx, ws, row, tot.get("poor_target_met"), tot.get("near_poor_target_met"))
    row = _pair_row(
        ctx,
        ws,
        row,
        t("sum.progress", lang),
        tot.get("poor_progress"),
        tot.get("near_poor_progress"),
        "rate",
        t("sum.note.progress", lang),
        points=True,  # 0,0043 %, not 0,00 % beside a reduction in digits (session 49)
    )
    if not missing(tot.get("poor_still_to_exit")):
        row = _pair_row(
            ctx,
            ws,
            row,
            t("sum.still", lang),
            tot.get("poor_still_to_exit"),
            tot.get("near_poor_still_to_exit"),
            "int",
            t("sum.note.still", lang),
        )
    yoy = ctx.summary.get("year_on_year")
    if yoy:
        then = t("period.cap", lang, m=int(yoy["period"][5:7]), y=int(yoy["period"][:4]))
        if yoy.get("standard"):  # consolidated by another standard than this month's
            then = t("yoy.then_standard", lang, then=then, standard=yoy["standard"])
        row = _pair_row(
            ctx,
            ws,
            row,
            t("sum.yoy_rate", lang),
            yoy.get("poor_rate"),
            yoy.get("near_poor_rate"),
            "rate",
            then,
        )
        row = _pair_row(
            ctx,
            ws,
            row,
            t("sum.yoy_change", lang),
            yoy.get("poor_rate_change"),
            yoy.get("near_poor_rate_change"),
            "rate",
            t("sum.note.yoy_change", lang)
            + ("." if _left_out(ctx, yoy, brief=True) else "")
            + _left_out(ctx, yoy, brief=True),
            points=True,  # as the line above the table says it (session 49)
        )
    row = _pair_row(
        ctx,
        ws,
        row,
        t("sum.start_count", lang),
        tot.get("start_poor"),
        tot.get("start_near_poor"),
        "int",
    )
    return _pair_row(
        ctx, ws, row, t("sum.current_count", lang), tot.get("poor"), tot.get("near_poor"), "int"
    )


# Above this many hamlets (a whole district or province in one run) the hamlet chart is left out.
CHART_MOST_HAMLETS = 60


def _chart_target(ctx: Context) -> float | None:
    """The commune's poor rate the plan asks for at the year's end (never below 0)."""
    tot = ctx.totals
    target = _minus(tot.get("start_poor_rate"), tot.get("poor_target"))
    if target is not None:  # a target above the start rate: every household off the list, 0 %
        target = max(0.0, target)
    return target


def _chart_note(ctx: Context) -> str:
    """The sentence under the chart: the commune's rate now, at the start and the target."""
    tot = ctx.totals
    return t(
        "chart.note",
        ctx.lang,
        m=ctx.month,
        y=ctx.year,
        rate=_decimal(ctx, tot.get("poor_rate")),
        start=_decimal(ctx, tot.get("start_poor_rate")),
        target=_decimal(ctx, _chart_target(ctx)),
    )


def _chart_rows(height: int) -> int:
    """The rows the chart section takes before its note: its title, the chart's first row
    (its table's header, :data:`CHART_DATA_HEAD_PT`) and the rows of ``ROW_HEIGHT_PT`` the
    rest of the chart covers."""
    below = height + CHART_OFFSET_PX - CHART_DATA_HEAD_PT * 4 / 3
    return 2 + max(0, math.ceil(below / ROW_PX))


def _chart_points(rows: int) -> float:
    """The height in points of the chart section's ``rows`` (:func:`_chart_rows`)."""
    return CHART_DATA_HEAD_PT + (rows - 1) * ROW_HEIGHT_PT


def _chart_height_here(ctx: Context, flow: PageFlow, row: int) -> int | None:
    """The chart's height in pixels when its section, written at ``row``, prints on the page
    already begun there: full where the page begins at ``row`` or has room for it whole,
    smaller (whole rows, not under :data:`CHART_SHARED_HEIGHT`) where the room is short of
    that; None when it needs a page of its own."""
    flow.to(row)
    texts = [(_chart_note(ctx), False), *((text, True) for text, _ in _behind_lines(ctx))]
    # the note and the hamlets behind under the chart, and the empty row under them
    room = flow.room() - _lines_points(texts) - ROW_HEIGHT_PT
    if _chart_points(_chart_rows(CHART_HEIGHT)) <= room:
        return CHART_HEIGHT
    # the chart's rows under its first that fit, and the height they hold
    below = int((room - CHART_DATA_HEAD_PT - ROW_HEIGHT_PT) // ROW_HEIGHT_PT)
    height = int(CHART_DATA_HEAD_PT * 4 / 3 + below * ROW_PX) - CHART_OFFSET_PX - 2  # clear
    if row == flow.top:  # a page of its own: the chart gives the lines under it their room
        return max(height, CHART_SHARED_HEIGHT)
    return height if height >= CHART_SHARED_HEIGHT else None


def labels_crossed(now: list, start: list, lines: list, height: int) -> list[bool]:
    """Which hamlets' rate labels, over their bars, a dashed line (the commune's rate now, the
    year-end target) runs through: the line less than a label over the bar's top ("6.80"
    under the commune's 7.09). ``now``, ``start``: the bars' rates (None: no bar);
    ``height``: the chart's, in pixels (session 27)."""
    values = [n for n in (*now, *start, *lines) if number(n) is not None]
    if not values:
        return [False] * len(now)
    room = label_span(BAR_LABEL_PX, height - CHART_FRAME_PX, 0, max(values))
    marks = [round(n, 2) for n in lines if number(n) is not None]
    return [number(r) is not None and any(0 < m - round(r, 2) < room for m in marks) for r in now]


def _chart_section(ctx: Context, ws: Worksheet, row: int, height: int = CHART_HEIGHT) -> int:
    """'Tỷ lệ hộ nghèo theo xóm': a native column chart of each hamlet's poor rate now and at
    the start of the year, with the commune's rate and year-end target as lines; ``height``
    pixels tall.

    The chart reads a small table to the right of the print area (the same figures as
    'Theo xóm', from the JSON), so it needs no other sheet and the table does not print.
    """
    lang, st, tot = ctx.lang, ctx.st, ctx.totals
    sheet = SHEET_NAMES["summary"]
    hamlets = ctx.hamlets
    m, y = ctx.month, ctx.year
    target = _chart_target(ctx)
    heads = [
        t("col.hamlet", lang),
        t("chart.current", lang, m=m, y=y),
        t("chart.start", lang, y=ctx.plan_year),
        t("chart.commune", lang, m=m, y=y),
        t("chart.target", lang, y=ctx.plan_year),
    ]
    first_col = NCOLS + 1
    merge_text(
        ws, row, first_col, row, first_col + len(heads) - 1, t("chart.data", lang), st["note"]
    )
    head = row + 1
    for i, text in enumerate(heads):
        ws.write_string(head, first_col + i, text, st["head"])
    for i, fig in enumerate(hamlets):
        r = head + 1 + i
        put_text(ws, r, first_col, fig.get("hamlet"), st["text"])
        # a hamlet whose figures lack a list sent apart: its rate now is over its own list's
        # households, its start over the whole hamlet's (more); no bar now, as in the trend
        now = None if fig.get("incomplete") else fig.get("poor_rate")
        put_num(ws, r, first_col + 1, now, st["rate"])
        put_num(ws, r, first_col + 2, fig.get("start_poor_rate"), st["rate"])
        put_num(ws, r, first_col + 3, tot.get("poor_rate"), st["rate"])
        put_num(ws, r, first_col + 4, target, st["rate"])
    for i, width in enumerate(CHART_DATA_WIDTHS):
        ws.set_column(first_col + i, first_col + i, width)
    ws.set_row(head, CHART_DATA_HEAD_PT)
    first, last = head + 1, head + max(len(hamlets), 1)

    def ref(col: int) -> list:
        return [sheet, first, first_col + col, last, first_col + col]

    bars = ctx.wb.add_chart({"type": "column"})
    labels = len(hamlets) <= 20
    for col, colour, name in ((1, "#C00000", heads[1]), (2, "#A6A6A6", heads[2])):
        series = {
            "name": name,
            "categories": ref(0),
            "values": ref(col),
            "fill": {"color": colour},
            "border": {"color": colour},
        }
        if labels and col == 1:
            now = [None if f.get("incomplete") else f.get("poor_rate") for f in hamlets]
            start = [f.get("start_poor_rate") for f in hamlets]
            crossed = labels_crossed(now, start, [tot.get("poor_rate"), target], height)
            series["data_labels"] = {
                "value": True,
                "num_format": "0.00",
                "position": "outside_end",
                "font": {"size": 8, "color": colour},
                # a label a dashed line runs through is printed on white, the line
                # interrupted under its figures (a dict each: XlsxWriter rewrites it)
                "custom": [
                    {"fill": {"color": "#FFFFFF"}, "font": {"size": 8, "color": colour}}
                    if c
                    else None
                    for c in crossed
                ],
            }
        bars.add_series(series)
    bars.set_title({"name": t("chart.title", lang), "name_font": {"size": 12, "bold": True}})
    lines = ctx.wb.add_chart({"type": "line"})
    for col, colour, name in ((3, "#7F0000", heads[3]), (4, "#00B050", heads[4])):
        lines.add_series(
            {
                "name": name,
                "categories": ref(0),
                "values": ref(col),
                "line": {"color": colour, "width": 2, "dash_type": "dash"},
                "marker": {"type": "none"},
            }
        )
    bars.combine(lines)
    bars.set_y_axis(
        {
            "num_format": "0.00",
            "min": 0,
            "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
        }
    )
    bars.set_x_axis({"num_font": {"size": 9, "rotation": -45 if len(hamlets) > 12 else 0}})
    bars.set_legend({"position": "bottom"})
    bars.show_blanks_as("gap")
    width = sum(int(w * 7 + 0.5) + 5 for w in WIDTHS) - 10
    bars.set_size({"width": width, "height": height})
    put_text(ws, row, 0, t("sum.sec3", lang), st["section"])
    ws.insert_chart(
        row + 1,
        0,
        bars,
        {"x_offset": CHART_OFFSET_PX, "y_offset": CHART_OFFSET_PX, "object_position": 2},
    )
    row += _chart_rows(height)
    note = _chart_note(ctx)
    merge_text(ws, row, 0, row, NCOLS - 1, note, st["note"])
    fit_row(ws, row, [(note, merged_width(WIDTHS))])
    # The chart's table may run on beside the next sections: it does not print.
    return _free_lines(ctx, ws, row + 1, _behind_lines(ctx))


def _minus(a, b):
    a, b = number(a), number(b)
    return None if a is None or b is None else a - b


def _decimal(ctx: Context, value) -> str:
    n = number(value)
    if n is None:
        return "–"
    text = f"{n:.2f}"
    return text.replace(".", ",") if ctx.lang == "vi" else text


def _single_row(
    ctx: Context, ws: Worksheet, row: int, label: str, value, fmt: str, note: str = ""
) -> int:
    st = ctx.st
    ws.write_string(row, 0, label, st["label"])
    ws.merge_range(row, 1, row, 2, "", st[fmt])
    if isinstance(value, str):
        ws.write_string(row, 1, value, st[fmt])
    else:
        put_num(ws, row, 1, value, st[fmt])
    put_text(ws, row, 3, note, st["label"])
    fit_row(ws, row, [(label, WIDTHS[0]), (note, WIDTHS[3])])
    return row + 1


def _scale(ctx: Context, ws: Worksheet, row: int) -> int:
    lang, tot = ctx.lang, ctx.totals
    row = _single_row(ctx, ws, row, t("sum.households", lang), tot.get("households"), "int")
    row = _single_row(
        ctx, ws, row, t("sum.start_households", lang), tot.get("start_households"), "int"
    )
    return _single_row(
        ctx,
        ws,
        row,
        t("sum.multidim", lang),
        tot.get("multidim_rate"),
        "big_rate",
        t("sum.note.multidim", lang),
    )


def _movements(ctx: Context, ws: Worksheet, row: int) -> int:
    lang, mov = ctx.lang, ctx.totals.get("movements")
    if not mov:
        none = t("mov.none", lang, y=ctx.plan_year)
        merge_text(ws, row, 0, row, NCOLS - 1, none, ctx.st["note"])
        fit_row(ws, row, [(none, merged_width(WIDTHS))])
        return row + 1
    start_from = ctx.summary.get("start_from")
    if start_from not in (None, "plan"):
        note = t("mov.from_period", lang, m=int(start_from[5:7]), y=int(start_from[:4]))
        merge_text(ws, row, 0, row, NCOLS - 1, note, ctx.st["note"])
        fit_row(ws, row, [(note, merged_width(WIDTHS))])
        row += 1
    row = _table_header(ctx, ws, row)
    poor, near = mov["poor"], mov["near_poor"]
    lines = [
        ("mov.start", "start", "start"),
        ("mov.switched_out", "to_near_poor", "to_poor"),
        ("mov.exited_both", "exited", "exited"),
        ("mov.not_counted", "not_counted", "not_counted"),
        ("mov.moved_out", "moved_out", "moved_out"),
        ("mov.switched_in", "from_near_poor", "from_poor"),
        ("mov.new", "new", "new"),
        ("mov.returned", "returned", "returned"),
        ("mov.moved_in", "moved_in", "moved_in"),
        ("mov.recounted", "recounted", "recounted"),
        ("mov.end", "end", "end"),
    ]
    notes = {
        "mov.start": t("sum.note.movements", lang),
        "mov.switched_out": t("sum.note.switched", lang),
    }
    labels = {key: t(key, lang) for key, _, _ in lines}
    if start_from not in (None, "plan"):
        # Counted from a stored month: its name, not "start of year", and which hamlets the
        # counts leave out (no accepted list that month) beside the counts themselves.
        month, year = int(start_from[5:7]), int(start_from[:4])
        labels["mov.start"] = t("period.cap", lang, m=month, y=year)
        left_out = [
            f["hamlet"]
            for f in ctx.hamlets
            if f.get("status", "ok") == "ok" and not f.get("movements")
        ]
        if left_out:
            notes["mov.end"] = t(
                "sum.note.no_base", lang, hamlets=", ".join(left_out), m=month, y=year
            )
    for key, p, n in lines:
        row = _pair_row(
            ctx, ws, row, labels[key], poor.get(p), near.get(n), "int", notes.get(key, "")
        )
    return row


def _reporting(ctx: Context, ws: Worksheet, row: int) -> int:
    lang = ctx.lang
    accepted, expected = ctx.reporting_counts
    rep, iss = ctx.summary.get("reporting") or {}, ctx.summary.get("issues") or {}
    value = t("sum.reporting.value", lang, accepted=accepted, expected=expected)
    row = _single_row(
        ctx, ws, row, t("sum.reporting", lang), value, "value_text", t("sum.note.reporting", lang)
    )
    if not missing(rep.get("rate")):
        row = _single_row(ctx, ws, row, t("sum.reporting_rate", lang), rep["rate"], "rate")
    row = _single_row(
        ctx, ws, row, t("sum.errors", lang), iss.get("errors", 0), "int", t("sum.note.errors", lang)
    )
    row = _single_row(
        ctx,
        ws,
        row,
        t("sum.warnings", lang),
        iss.get("warnings", 0),
        "int",
        t("sum.note.issues", lang),
    )
    return _single_row(
        ctx,
        ws,
        row,
        t("sum.skipped", lang),
        iss.get("files_skipped", 0),
        "int",
        # each file skipped has its row there, why and what to do; the screen names it too
        # ('Nộp báo cáo' lists Thumbs.db and lock files besides, a damaged file as refused)
        t("sum.note.issues", lang),
    )


def _section_title(ctx: Context, key: str) -> str:
    start_from = ctx.summary.get("start_from")
    if key == "sum.sec4" and start_from not in (None, "plan") and ctx.totals.get("movements"):
        return t("sum.sec4.from", ctx.lang, m=int(start_from[5:7]), y=int(start_from[:4]))
    return t(key, ctx.lang)


def write(ctx: Context) -> None:
    """Add the 'Tổng hợp' sheet."""
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES["summary"])
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    row = title_block(ctx, ws, t("title.summary", lang, m=ctx.month, y=ctx.year), NCOLS, SPLIT)
    if ctx.result.plan.recipient:
        merge_text(
            ws,
            row - 1,
            0,
            row - 1,
            NCOLS - 1,
            t("recipient", lang, recipient=ctx.result.plan.recipient),
            st["subtitle"],
        )
    row = _headline(ctx, ws, row)
    first_header = row + 1
    # Section I: its header, four rate rows, then the verdict and the progress.
    met_row = first_header + 5
    # The pages are laid out as the sections are written, for Excel's and LibreOffice's scales
    # alike: a section that fits the rest of its page prints there, else it starts the next
    # (docs/decisions.md, session 17: 'Nộp báo cáo' and 'Tổng hợp' pages).
    flow = PageFlow(ws, list(WIDTHS))

    def keep(first: int, end: int, tail: float = 0.0) -> None:
        """Rows ``first`` … ``end - 1``, written, (and ``tail`` points after them) print on
        one page: a manual break before them when the page they start on has no room."""
        flow.keep(first, sum(flow.height(r) for r in range(first, end)) + tail)

    for key, writer in (("sum.sec1", _results), ("sum.sec2", _scale)):
        put_text(ws, row, 0, _section_title(ctx, key), st["section"])
        first, row = row, writer(ctx, ws, row + 1)
        keep(first, row)
        row += 1
    # The chart has a printed page of its own, or shares the page section II was pushed on to;
    # movements, reporting and the signature follow on a new page.
    if len(ctx.hamlets) <= CHART_MOST_HAMLETS:
        height = _chart_height_here(ctx, flow, row)
        if height is None:
            flow.new_page(row)
            height = _chart_height_here(ctx, flow, row)
        row = _chart_section(ctx, ws, row, height or CHART_HEIGHT) + 1
        flow.new_page(row)
    else:  # a bar per hamlet would be too thin to read: the figures are on 'Theo xóm'
        put_text(ws, row, 0, t("sum.sec3", lang), st["section"])
        note = t("chart.too_many", lang, n=len(ctx.hamlets), most=CHART_MOST_HAMLETS)
        merge_text(ws, row + 1, 0, row + 1, NCOLS - 1, note, st["note"])
        fit_row(ws, row + 1, [(note, merged_width(WIDTHS))])
        end = _free_lines(ctx, ws, row + 2, _behind_lines(ctx))
        keep(row, end)
        row = end + 1
    # Section IV prints whole; section V prints whole with the signature under it.
    signature = (1 + SIGNATURE_ROWS) * ROW_HEIGHT_PT
    for key, writer, tail in (("sum.sec4", _movements, 0.0), ("sum.sec5", _reporting, signature)):
        put_text(ws, row, 0, _section_title(ctx, key), st["section"])
        first, row = row, writer(ctx, ws, row + 1)
        keep(first, row, tail)
        row += 1
    end = signature_block(ctx, ws, row, NCOLS, SPLIT) - 1
    flow.to(end + 1)  # (rows without a height get ROW_HEIGHT_PT)
    _lights(ctx, ws, met_row)
    # Nothing frozen: a report read top to bottom, whose heading alone would take most of a
    # laptop screen (13 rows) if it stayed in place.
    # No repeated print rows: this sheet holds several small tables with different headers.
    page_setup(ctx, ws, None, None)
    ws.print_area(0, 0, end, NCOLS - 1)


def _lights(ctx: Context, ws: Worksheet, met_row: int) -> None:
    """Traffic lights on the commune's progress cells and on its verdict (by the progress)."""
    progress_row = met_row + 1  # see _results: the verdict, then the progress
    traffic_lights(ctx, ws, [(progress_row, 1), (progress_row, 2)])
    traffic_lights(ctx, ws, [(met_row, 1), (met_row, 2)], (1, 0))
