"""Sheets 'DS hộ nghèo' and 'DS hộ cận nghèo': the counted households, one row each."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from pipeline.report.bulk import Block, Column, add_block, fitted_heights, values_of
from pipeline.report.cells import (
    Context,
    codes_width,
    header,
    header_texts,
    header_words_fit,
    put_text,
)
from pipeline.report.labels import SHEET_NAMES, indicator_groups, t
from pipeline.report.styles import (
    ROW_HEIGHT_PT,
    end_rows,
    fix_pages,
    keep_with_table,
    page_setup,
    signature_block,
    title_block,
)
from schemas.columns import INDICATOR_KEYS

# (household column, label key, width, cell kind) before and after the 12 indicators.
BEFORE = [
    ("hamlet", "col.hamlet", 14, "wrap"),  # a long name wraps (session 38)
    ("ma_ho", "col.ma_ho", 11, "text"),
    ("chu_ho", "col.chu_ho", 22, "wrap"),
    ("nam_sinh", "col.nam_sinh", 7, "year"),
    ("gioi_tinh", "col.gioi_tinh", 7, "center"),
    ("dan_toc", "col.dan_toc", 9, "text"),
    ("so_dinh_danh", "col.so_dinh_danh", 14, "text"),
    ("nhan_khau", "col.nhan_khau", 8, "int"),
    ("thu_nhap", "col.thu_nhap", 12, "int"),
]
AFTER = [
    ("n_deprived", "col.n_deprived", 9, "int"),
    ("nguyen_nhan", "col.nguyen_nhan", 22, "wrap"),
    ("doi_tuong", "col.doi_tuong", 10, "wrap"),
    ("nhu_cau", "col.nhu_cau", 20, "wrap"),
    ("ghi_chu", "col.ghi_chu", 16, "wrap"),
]
INDICATOR_WIDTH = 5.5
CODE_COL = 1 + [key for key, _, _, _ in BEFORE].index("ma_ho")  # after STT
NUMERIC = ("year", "int")
_KIND = {True: "num", False: "text"}


def counted_households(ctx: Context, classes: Iterable[str]) -> pd.DataFrame:
    """Valid households of the given classes in accepted hamlets, in plan order then file row.

    These are exactly the households behind the JSON counts, so list lengths equal totals.
    """
    hh = ctx.result.households
    if hh is None or hh.empty:
        return pd.DataFrame(columns=list(hh.columns) if hh is not None else [])
    classes = list(classes)
    if not set(classes) <= set(LISTED):
        return _counted(ctx, hh, classes)
    # Worked out once for both lists (several sheets ask); a stable sort keeps each list's
    # households in the order they have among both, so a list is the rows of its class.
    if "counted" not in ctx.cache:
        ctx.cache["counted"] = _counted(ctx, hh, list(LISTED))
    rows = ctx.cache["counted"]
    return rows[rows["phan_loai"].isin(classes)]


LISTED = ("poor", "near_poor")


def _counted(ctx: Context, hh: pd.DataFrame, classes: list[str]) -> pd.DataFrame:
    accepted = {h["hamlet"] for h in ctx.hamlets if h.get("status", "ok") == "ok"}
    order = ctx.hamlet_order()
    keep = hh["valid"].fillna(False).astype(bool) & hh["phan_loai"].isin(classes)
    keep &= hh["hamlet"].isin(accepted)
    rows = hh[keep]
    # Each hamlet's plan position, looked up once per hamlet (not per household); a hamlet
    # not in the plan, or none (code -1: the last place), sorts after the plan's.
    codes, names = pd.factorize(rows["hamlet"])
    place = np.array([order.get(name, len(order)) for name in names] + [len(order)])
    keys = rows.assign(_h=place[codes])
    return keys.sort_values(["_h", "file", "excel_row"], kind="stable").drop(columns="_h")


def group_starts(first: int, rows: pd.DataFrame, *keys: str) -> list[int]:
    """The sheet rows where a group of a table's ``rows`` (written from row ``first``) begins,
    but the first: where any of the columns ``keys`` that ``rows`` has changes from the row
    above (a hamlet's households, for :func:`styles.fix_pages`). Found with numpy, no work per
    row in Python (a province's list)."""
    changed = np.zeros(max(len(rows) - 1, 0), dtype=bool)
    for key in keys:
        if key in rows:
            changed |= np.diff(pd.factorize(rows[key])[0]) != 0
    return (first + np.flatnonzero(changed) + 1).tolist()


def _header_items(lang: str) -> list:
    items: list = [t("col.stt", lang)] + [t(key, lang) for _, key, _, _ in BEFORE]
    # The indicators sit under their dimension, as in the roster template.
    items.extend(indicator_groups(lang))
    return items + [t(key, lang) for _, key, _, _ in AFTER]


def _write_list(ctx: Context, list_name: str) -> None:
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES[f"{list_name}_list"])
    items = _header_items(lang)
    widths = (
        [5] + [w for _, _, w, _ in BEFORE] + [INDICATOR_WIDTH] * 12 + [w for _, _, w, _ in AFTER]
    )
    # The indicators' headers are turned upright (one line each): only the others are fitted.
    rotated = range(1 + len(BEFORE), 1 + len(BEFORE) + 12)
    texts = {c: text for c, text in header_texts(items).items() if c not in rotated}
    widths = header_words_fit(widths, texts)
    households = counted_households(ctx, (list_name,))
    # 'Mã hộ' as wide as its longest code: a commune numbering in 12 digits lost the last one
    widths[CODE_COL] = codes_width(_column(households, "ma_ho"), widths[CODE_COL])
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    ncols = len(widths)
    row = title_block(
        ctx, ws, t(f"title.{list_name}_list", lang, m=ctx.month, y=ctx.year), ncols, 8
    )
    ws.write_string(row - 1, 1, t("list.count", lang), st["left_text"])
    ws.write_number(row - 1, 3, len(households), st["left_text"])
    head = row
    ws.set_row(head, 48)  # dimension names wrap over two narrow columns
    ws.set_row(head + 1, 120)
    row = header(ctx, ws, row, items, rotate=True)
    first = row
    add_block(ws, _block(ctx, households, first))
    if households.empty:
        put_text(ws, first, 1, t("list.empty", lang), st["note"])
        last = first
    else:
        last = first + len(households) - 1
        ws.autofilter(head + 1, 0, last, ncols - 1)
    # Under the last household, so below the autofilter range, after a blank row.
    end = signature_block(ctx, ws, last + 2, ncols, 8) - 1
    # a hamlet's first or last household not alone at a page's foot or head
    groups = group_starts(first, households, "hamlet")
    fix_pages(ws, widths, first, last, repeat=(head, first - 1), groups=groups)
    # its last three households with the signature (session 45), as the hamlet tables
    keep = end_rows(len(households))
    keep_with_table(ws, widths, last, end, repeat=(head, first - 1), keep=keep, groups=groups)
    ws.freeze_panes(first, 4)
    page_setup(ctx, ws, head, first - 1)


def _column(frame: pd.DataFrame, key: str) -> list:
    return values_of(frame[key]) if key in frame.columns else [None] * len(frame)


def _block(ctx: Context, households: pd.DataFrame, first: int) -> Block:
    """The list's rows: number, the columns before, the 12 indicators' marks, the columns after."""
    st, n = ctx.st, len(households)
    columns = [Column(list(range(1, n + 1)), st["center"], "num")]
    for key, _, _, kind in BEFORE:
        columns.append(Column(_column(households, key), st[kind], _KIND[kind in NUMERIC]))
    mark = t("deprived_mark", ctx.lang)
    for key in INDICATOR_KEYS:
        if key not in households.columns:
            columns.append(Column([""] * n, st["center"]))
            continue
        values = households[key]
        if values.dtype == bool:
            deprived = values.to_numpy()
        else:
            present = values.notna().tolist()
            deprived = [ok and bool(v) for ok, v in zip(present, values.tolist(), strict=True)]
        columns.append(Column(np.where(deprived, mark, "").tolist(), st["center"]))
    for key, _, _, kind in AFTER:
        columns.append(Column(_column(households, key), st[kind], _KIND[kind in NUMERIC]))
    wrapped = [
        (_column(households, key), width)
        for key, _, width, kind in (*BEFORE, *AFTER)
        if kind == "wrap"
    ]
    return Block(first, columns, fitted_heights(wrapped, n, ROW_HEIGHT_PT))


def write_poor(ctx: Context) -> None:
    """Add the 'DS hộ nghèo' sheet."""
    _write_list(ctx, "poor")


def write_near_poor(ctx: Context) -> None:
    """Add the 'DS hộ cận nghèo' sheet."""
    _write_list(ctx, "near_poor")
