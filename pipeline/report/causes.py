"""Sheet 'Nguyên nhân': causes of poverty, target groups and female heads, per hamlet."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from pipeline.report.cells import (
    Context,
    as_text,
    column_numbers,
    header,
    header_width,
    put_num,
    put_text,
    sum_formula,
)
from pipeline.report.labels import SHEET_NAMES, t
from pipeline.report.lists import counted_households
from pipeline.report.styles import merge_text, page_setup, title_block
from schemas.columns import CAUSES, TARGET_GROUP_ALIASES, TARGET_GROUPS

FEMALE = "Nữ"
HOUSEHOLDS_COL = 2
CAUSE_COL = 3
GROUP_COL = CAUSE_COL + len(CAUSES)
FEMALE_COL = GROUP_COL + len(TARGET_GROUPS)


def _fold(text: str) -> str:
    """NFC, lower case, single spaces: enough to match the vocabulary as people type it."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_CAUSES_FOLDED = [(_fold(c), c) for c in CAUSES]
_GROUP_NAMES = {
    **{_fold(k): k for k in TARGET_GROUPS},
    **{_fold(name): k for k, name in TARGET_GROUPS.items()},
    **{_fold(alias): k for alias, k in TARGET_GROUP_ALIASES.items()},
}


def causes_of(text: str) -> set[str]:
    """The known causes named in a 'Nguyên nhân nghèo' cell.

    Some cause names contain a comma ("Thiếu công cụ, phương tiện sản xuất"), so the text
    is split on ';' only, and each part is matched exactly or else by the causes it contains.
    """
    found: set[str] = set()
    for part in (_fold(p) for p in as_text(text).split(";")):
        if not part:
            continue
        exact = [c for folded, c in _CAUSES_FOLDED if folded == part]
        found.update(exact or [c for folded, c in _CAUSES_FOLDED if folded in part])
    return found


def groups_of(text: str) -> set[str]:
    """The target-group keys (BTXH, NCC, KKNLĐ) named in a 'Nhóm đối tượng' cell."""
    parts = re.split(r"[,;/+]", as_text(text))
    return {_GROUP_NAMES[f] for f in (_fold(p) for p in parts) if f in _GROUP_NAMES}


def hamlet_counts(households: pd.DataFrame) -> pd.DataFrame:
    """Per hamlet: households, each cause, each target group, female heads (poor, near-poor)."""
    causes = households["nguyen_nhan"].map(causes_of)
    groups = households["doi_tuong"].map(groups_of)
    female = households["gioi_tinh"].map(lambda g: _fold(as_text(g)) == _fold(FEMALE))
    frame = pd.DataFrame({"hamlet": households["hamlet"], "households": 1}, index=households.index)
    for c in CAUSES:
        frame[c] = causes.map(lambda s, c=c: int(c in s))
    for g in TARGET_GROUPS:
        frame[g] = groups.map(lambda s, g=g: int(g in s))
    frame["female_poor"] = (female & (households["phan_loai"] == "poor")).astype(int)
    frame["female_near_poor"] = (female & (households["phan_loai"] == "near_poor")).astype(int)
    return frame.groupby("hamlet", sort=False).sum()


def write(ctx: Context) -> None:
    """Add the 'Nguyên nhân' sheet."""
    lang, st = ctx.lang, ctx.st
    ws = ctx.wb.add_worksheet(SHEET_NAMES["causes"])
    items = [
        t("col.stt", lang),
        t("col.hamlet", lang),
        t("cause.households", lang),
        (t("cause.group", lang), list(CAUSES)),
        (t("cause.targets", lang), [f"{name} ({key})" for key, name in TARGET_GROUPS.items()]),
        (t("cause.female", lang), [t("col.poor", lang), t("col.near_poor", lang)]),
    ]
    ncols = header_width(items)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 18)
    ws.set_column(HOUSEHOLDS_COL, ncols - 1, 11)
    row = title_block(ctx, ws, t("title.causes", lang, m=ctx.month, y=ctx.year), ncols, 6)
    head = row
    ws.set_row(head, 30)
    ws.set_row(head + 1, 78)
    row = header(ctx, ws, row, items)
    column_numbers(ctx, ws, row, 2, ncols - 2)
    first = row + 1
    counts = hamlet_counts(counted_households(ctx, ("poor", "near_poor")))
    keys = ["households", *CAUSES, *TARGET_GROUPS, "female_poor", "female_near_poor"]
    data_rows: list[int] = []
    row = first
    for i, fig in enumerate(ctx.hamlets):
        ok = fig.get("status", "ok") == "ok"
        put_num(ws, row, 0, i + 1, st["center"])
        put_text(ws, row, 1, fig.get("hamlet"), st["text"])
        has = ok and fig.get("hamlet") in counts.index
        for j, key in enumerate(keys):
            value = int(counts.at[fig["hamlet"], key]) if has else (0 if ok else None)
            put_num(ws, row, HOUSEHOLDS_COL + j, value, st["int"])
        if ok:
            data_rows.append(row)
        row += 1
    merge_text(ws, row, 0, row, 1, t("total", lang), st["total_label"])
    accepted = [f["hamlet"] for f in ctx.hamlets if f.get("status", "ok") == "ok"]
    for j, key in enumerate(keys):
        col = HOUSEHOLDS_COL + j
        cached = int(counts.loc[counts.index.isin(accepted), key].sum())
        ws.write_formula(row, col, sum_formula(col, data_rows), st["total_int"], cached)
    merge_text(ws, row + 1, 0, row + 1, ncols - 1, t("cause.note", lang), st["note"])
    ws.set_row(row + 1, 30)
    ws.freeze_panes(first, 2)
    page_setup(ctx, ws, head, first - 1)
