"""The naive baseline: the monthly consolidation done the obvious way, for `make bench`.

Every workbook is read whole with ``pandas.read_excel(engine="openpyxl")``, the
header row is found by its wording, the cells are normalised with the
pipeline's own value parser, the concatenated rosters (and the plan's
start-of-year list) are validated with the same pandera model
(``schemas.models.roster_schema``), the same figures are computed with
``pipeline.figures``, and the consolidated lists and the summary are written
with ``DataFrame.to_excel(engine="openpyxl")``. One process, no cleverness.

    python bench/naive.py --input DIR --output DIR

Prints one line of stage timings ("Time: read …s, validate …s, …; total …s").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import pandera.pandas as pa  # noqa: E402

from pipeline import figures as fig  # noqa: E402
from pipeline.normalise import normalise_value  # noqa: E402
from pipeline.text import clean_text, parse_period  # noqa: E402
from schemas.columns import (  # noqa: E402
    INDICATOR_KEYS,
    PLAN_INFO_LABELS,
    PLAN_INFO_SHEET,
    PLAN_START_LIST_SHEET,
    PLAN_TARGET_COLUMNS,
    PLAN_TARGETS_SHEET,
    ROSTER_COLUMNS,
    ROSTER_INFO_LABELS,
    ROSTER_INFO_SHEET,
    ROSTER_KEYS,
    ROSTER_LIST_SHEET,
    START_LIST_COLUMNS,
)
from schemas.models import roster_schema  # noqa: E402

LIST_COLUMNS = [
    "hamlet", "file", "excel_row", "ma_ho", "chu_ho", "nam_sinh", "gioi_tinh", "dan_toc",
    "so_dinh_danh", "nhan_khau", "phan_loai", "thu_nhap", *INDICATOR_KEYS, "n_deprived",
    "nguyen_nhan", "doi_tuong", "nhu_cau", "ghi_chu",
]  # fmt: skip


def _lookup(pairs) -> dict[str, str]:
    return {text: key for key, texts in pairs for text in texts}


ROSTER_HEADERS = _lookup((c.key, (c.header, *c.aliases)) for c in ROSTER_COLUMNS)
START_HEADERS = _lookup((c.key, (c.header, *c.aliases)) for c in START_LIST_COLUMNS)
TARGET_HEADERS = _lookup((k, (h, *a)) for k, (h, a) in PLAN_TARGET_COLUMNS.items())


def key_values(frame: pd.DataFrame, labels: dict) -> dict:
    """A two-column label | value block as {key: value}."""
    lookup = _lookup((k, (label, *aliases)) for k, (label, aliases) in labels.items())
    out: dict = {}
    for label, value in zip(frame.iloc[:, 0], frame.iloc[:, 1], strict=True):
        key = lookup.get(str(label).strip().rstrip(":"))
        if key and key not in out:
            out[key] = None if pd.isna(value) else value
    return out


def table(frame: pd.DataFrame, headers: dict[str, str], required: tuple[str, ...]) -> pd.DataFrame:
    """The rows under the first row whose cells name at least three known columns."""
    rows = ([headers.get(str(v).strip()) for v in row] for row in frame.itertuples(index=False))
    found = next(
        ((i, keys) for i, keys in enumerate(rows) if sum(k is not None for k in keys) >= 3), None
    )
    if found is None:
        return pd.DataFrame(columns=[*headers.values(), "excel_row"])
    position, keys = found
    body = frame.iloc[position + 1 :]
    body = body[body.iloc[:, [i for i, k in enumerate(keys) if k in required]].notna().all(axis=1)]
    out = pd.DataFrame({k: body.iloc[:, i] for i, k in enumerate(keys) if k is not None})
    out["excel_row"] = body.index + 1
    return out.reset_index(drop=True)


def normalise(frame: pd.DataFrame, keys) -> pd.DataFrame:
    out = frame.copy()
    for key in keys:
        column = out[key] if key in out else pd.Series([None] * len(out), dtype=object)
        out[key] = [normalise_value(key, None if pd.isna(v) else v) for v in column]
    return out


def validate(frame: pd.DataFrame, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The pandera roster model on the whole frame; rows with an error are marked invalid."""
    frame = frame.reset_index(drop=True)
    try:
        roster_schema(year).validate(frame, lazy=True)
        failures = pd.DataFrame(columns=["column", "check", "failure_case", "index"])
    except pa.errors.SchemaErrors as errors:
        failures = errors.failure_cases
    bad = set(failures["index"].dropna().astype(int))
    frame["valid"] = [i not in bad for i in range(len(frame))]
    for key in INDICATOR_KEYS:
        frame[key] = frame[key].map(lambda v: v is True)
    frame["n_deprived"] = frame[list(INDICATOR_KEYS)].sum(axis=1)
    return frame, failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    stages: dict[str, float] = {}
    began = started = time.perf_counter()

    def mark(stage: str) -> None:
        nonlocal started
        now = time.perf_counter()
        stages[stage] = now - started
        started = now

    # --- read: every workbook, every sheet, with openpyxl --------------------------------
    rosters, plan = [], None
    for path in sorted(args.input.rglob("*.xlsx")):
        sheets = pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
        name = path.relative_to(args.input).as_posix()
        if PLAN_INFO_SHEET in sheets:
            plan = {
                "info": key_values(sheets[PLAN_INFO_SHEET], PLAN_INFO_LABELS),
                "targets": table(sheets[PLAN_TARGETS_SHEET], TARGET_HEADERS, ("hamlet",)),
                "start": table(
                    sheets[PLAN_START_LIST_SHEET], START_HEADERS, ("hamlet", "ma_ho", "chu_ho")
                ),
            }
        elif ROSTER_LIST_SHEET in sheets:
            info = key_values(sheets[ROSTER_INFO_SHEET], ROSTER_INFO_LABELS)
            rows = table(sheets[ROSTER_LIST_SHEET], ROSTER_HEADERS, ("ma_ho", "chu_ho"))
            rows.insert(0, "hamlet", clean_text(info.get("hamlet")))
            rows.insert(1, "file", name)
            rosters.append((info, rows))
    if plan is None or not rosters:
        print("no plan or no roster", file=sys.stderr)
        return 2
    mark("read")

    # --- validate: normalise, one pandera pass over the concatenated rows ----------------
    period = max(p for p in (parse_period(info.get("period")) for info, _ in rosters) if p)
    current = [(info, rows) for info, rows in rosters if parse_period(info.get("period")) == period]
    totals = {clean_text(info.get("hamlet")): int(info["total_households"]) for info, _ in current}
    households = normalise(pd.concat([rows for _, rows in current], ignore_index=True), ROSTER_KEYS)
    households, failures = validate(households, int(period[:4]))
    plan_year = int(plan["info"]["plan_year"])
    start = plan["start"]
    start["hamlet"] = start["hamlet"].map(clean_text)
    start = normalise(start, ROSTER_KEYS)
    start, start_failures = validate(start, plan_year - 1)
    start = start[start["valid"]]
    mark("validate")

    # --- figures: the pipeline's own functions, hamlet by hamlet -------------------------
    targets = plan["targets"]
    targets = targets[targets["hamlet"].map(clean_text) != "Tổng cộng"]
    valid = households[households["valid"]]
    by_hamlet = dict(list(valid.groupby("hamlet", sort=False)))
    start_by_hamlet = dict(list(start.groupby("hamlet", sort=False)))
    empty = valid.iloc[:0]
    hamlet_figs = []
    for target in targets.to_dict("records"):
        hamlet = clean_text(target["hamlet"])
        if hamlet not in totals:
            hamlet_figs.append({"hamlet": hamlet, "status": "missing",
                                **fig.absent_hamlet_figures(target)})  # fmt: skip
            continue
        rows = by_hamlet.get(hamlet, empty)
        moves, _ = fig.movements(start_by_hamlet.get(hamlet, start.iloc[:0]), rows)
        figures = fig.hamlet_figures(target, totals[hamlet], rows, moves)
        hamlet_figs.append({"hamlet": hamlet, "status": "ok", **figures})
    accepted = [f for f in hamlet_figs if f["status"] == "ok"]
    info = plan["info"]
    commune = fig.commune_figures(
        accepted, float(info["poor_target"]), float(info["near_poor_target"])
    )
    mark("figures")

    # --- write: DataFrame.to_excel with openpyxl, and the JSON ---------------------------
    folder = args.output / period
    folder.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(folder / f"TongHop_{period}.xlsx", engine="openpyxl") as writer:
        pd.json_normalize([commune]).T.to_excel(writer, sheet_name="Tổng hợp", header=False)
        pd.json_normalize(hamlet_figs).to_excel(writer, sheet_name="Theo xóm", index=False)
        for status, sheet in (("poor", "DS hộ nghèo"), ("near_poor", "DS hộ cận nghèo")):
            listed = valid[valid["phan_loai"] == status][LIST_COLUMNS]
            listed.to_excel(writer, sheet_name=sheet, index=False)
        pd.concat([failures, start_failures]).to_excel(
            writer, sheet_name="Lỗi dữ liệu", index=False
        )
    summary = {"period": period, "totals": commune, "hamlets": hamlet_figs}
    (folder / f"TongHop_{period}.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
    mark("write")
    print(
        f"Naive: {len(accepted)}/{len(hamlet_figs)} hamlets, {len(households)} rows, "
        f"poor rate {commune['poor_rate']:.2f} %, near-poor rate {commune['near_poor_rate']:.2f} %"
    )
    print(
        "Time: "
        + ", ".join(f"{k} {v:.2f}s" for k, v in stages.items())
        + f"; total {time.perf_counter() - began:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
