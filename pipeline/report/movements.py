"""Sheet 'Biến động': poor and near-poor movements since the start of the year, and who moved."""

from __future__ import annotations

import pandas as pd
from xlsxwriter.worksheet import Worksheet

from pipeline.report.cells import (
    Context,
    column_numbers,
    fit_row,
    header,
    header_width,
    missing,
    number,
    put_num,
    put_text,
    sum_formula,
)
from pipeline.report.labels import SHEET_NAMES, t
from pipeline.report.styles import merge_text, page_setup, title_block

POOR_KEYS = ("start", "to_near_poor", "exited", "from_near_poor", "new", "returned", "end")
NEAR_KEYS = ("start", "to_poor", "exited", "from_poor", "new", "returned", "end")
FIRST = 3  # first figure column, after STT | Xóm | Tình trạng
# The household list below shares the columns: STT | Xóm | Mã hộ | Họ và tên | Danh sách |
# Biến động | Đầu năm | Hiện tại, so columns D and F are wider than a figure needs.
WIDTHS = [5, 16, 13, 22, 13, 24, 13, 13, 11, 11, 11, 11, 11, 11, 11, 11, 11]
MOVEMENT_ORDER = (
    "to_near_poor",
    "to_poor",
    "exited",
    "vanished",
    "from_near_poor",
    "from_poor",
    "new",
)


def _header_items(lang: str) -> list:
    poor = [
        t("mov.start", lang),
        t("mov.to_near_poor", lang),
        t("mov.exited.poor", lang),
        t("mov.from_near_poor", lang),
        t("mov.new", lang),
        t("mov.returned.poor", lang),
        t("mov.end", lang),
    ]
    near = [
        t("mov.start", lang),
        t("mov.to_poor", lang),
        t("mov.exited.near_poor", lang),
        t("mov.from_poor", lang),
        t("mov.new", lang),
        t("mov.returned.near_poor", lang),
        t("mov.end", lang),
    ]
    return [
        t("col.stt", lang),
        t("col.hamlet", lang),
        t("col.status", lang),
        (t("grp.poor", lang), poor),
        (t("grp.near_poor", lang), near),
    ]


def _figures(mov: dict | None) -> list:
    """The 14 figures of a movements dict, poor then near-poor (None when unknown)."""
    if not mov:
        return [None] * 14
    return [mov["poor"].get(k) for k in POOR_KEYS] + [mov["near_poor"].get(k) for k in NEAR_KEYS]


def _table(ctx: Context, ws: Worksheet, row: int) -> int:
    st, lang = ctx.st, ctx.lang
    data_rows: list[int] = []
    for i, fig in enumerate(ctx.hamlets):
        status = fig.get("status", "ok")
        put_num(ws, row, 0, i + 1, st["center"])
        put_text(ws, row, 1, fig.get("hamlet"), st["text"])
        ws.write_string(
            row, 2, t(f"hamlet.{status}", lang), st["text" if status == "ok" else "muted"]
        )
        mov = fig.get("movements")
        for j, value in enumerate(_figures(mov)):
            put_num(ws, row, FIRST + j, value, st["int"])
        if mov:
            data_rows.append(row)
        row += 1
    merge_text(ws, row, 0, row, 2, t("total", lang), st["total_label"])
    for j, value in enumerate(_figures(ctx.totals.get("movements"))):
        col = FIRST + j
        ws.write_formula(row, col, sum_formula(col, data_rows), st["total_int"], number(value) or 0)
    return row + 1


def _status_label(lang: str, status) -> str:
    if missing(status) or status == "absent":
        return t("class.absent", lang)
    return t(f"class.{status}", lang)


def _movement_label(lang: str, list_name: str, movement: str) -> str:
    if movement == "exited":
        return t(f"mov.exited.{list_name}", lang)
    if movement in ("from_near_poor", "from_poor"):
        return t(f"mov.{movement}.long", lang)
    return t(f"mov.{movement}", lang)


def _sorted_details(ctx: Context) -> pd.DataFrame:
    details = ctx.result.movement_details
    if details is None or details.empty:
        return pd.DataFrame()
    order = ctx.hamlet_order()
    keyed = details.assign(
        _h=details["hamlet"].map(lambda h: order.get(h, len(order))),
        _l=details["list"].map({"poor": 0, "near_poor": 1}).fillna(2),
        _m=details["movement"].map({m: i for i, m in enumerate(MOVEMENT_ORDER)}).fillna(99),
        _id=details["ma_ho"].map(lambda v: "" if missing(v) else str(v)),
    )
    return keyed.sort_values(["_h", "_l", "_m", "_id"], kind="stable")


def _household_list(ctx: Context, ws: Worksheet, row: int) -> None:
    st, lang = ctx.st, ctx.lang
    put_text(ws, row, 0, t("mov.list_title", lang), st["section"])
    row += 1
    details = _sorted_details(ctx)
    if details.empty:
        put_text(ws, row, 0, t("mov.list_empty", lang), st["note"])
        return
    heads = [
        "col.stt",
        "col.hamlet",
        "col.ma_ho",
        "col.chu_ho",
        "col.list",
        "col.movement",
        "col.start_status",
        "col.current_status",
    ]
    for col, key in enumerate(heads):
        ws.write_string(row, col, t(key, lang), st["head"])
    head = row
    for i, rec in enumerate(details.itertuples(index=False)):
        r = head + 1 + i
        put_num(ws, r, 0, i + 1, st["center"])
        put_text(ws, r, 1, rec.hamlet, st["text"])
        put_text(ws, r, 2, rec.ma_ho, st["text"])
        put_text(ws, r, 3, rec.chu_ho, st["wrap"])
        ws.write_string(r, 4, t(f"class.{rec.list}", lang), st["text"])
        ws.write_string(r, 5, _movement_label(lang, rec.list, rec.movement), st["wrap"])
        ws.write_string(r, 6, _status_label(lang, rec.start_status), st["wrap"])
        ws.write_string(r, 7, _status_label(lang, rec.current_status), st["wrap"])
        fit_row(
            ws,
            r,
            [
                (rec.chu_ho, WIDTHS[3]),
                (_movement_label(lang, rec.list, rec.movement), WIDTHS[5]),
                (_status_label(lang, rec.start_status), WIDTHS[6]),
                (_status_label(lang, rec.current_status), WIDTHS[7]),
            ],
        )
    ws.autofilter(head, 0, head + len(details), len(heads) - 1)


def write(ctx: Context) -> None:
    """Add the 'Biến động' sheet."""
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES["movements"])
    items = _header_items(lang)
    ncols = header_width(items)
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    row = title_block(ctx, ws, t("title.movements", lang, m=ctx.month, y=ctx.year), ncols, 6)
    if not ctx.totals.get("movements"):
        merge_text(ws, row, 0, row, ncols - 1, t("mov.none", lang), st["alert"])
        ws.freeze_panes(row, 0)
        page_setup(ctx, ws, 0, row - 1)
        return
    head = row
    ws.set_row(head, 20)
    ws.set_row(head + 1, 48)
    row = header(ctx, ws, row, items)
    column_numbers(ctx, ws, row, 3, ncols - 3)
    first = row + 1
    row = _table(ctx, ws, first)
    merge_text(ws, row, 0, row, ncols - 1, t("mov.identity", lang), st["note"])
    _household_list(ctx, ws, row + 2)
    ws.freeze_panes(first, 3)
    page_setup(ctx, ws, head, first - 1)
