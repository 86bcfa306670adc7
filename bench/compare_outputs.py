"""Compare two output folders of `giamngheo run` (old code and new code, same inputs).

Session 26's before/after regression check. Usage:

    python bench/compare_outputs.py OLD_OUTPUT NEW_OUTPUT

Compared: every JSON key (flattened; run times and durations left out), every cell of every
workbook read twice (formulas, then the cached values; comments and hyperlinks too), each
sheet's layout (merged ranges, widths, heights, page breaks, print titles and area, freeze
panes, data validations, page setup), the history SQLite's rows by their key (a summary
column compared key by key; `ran_at` left out), and any other file byte for byte. The two
folders' own paths and the `nguon-cu-<time>` folder names are made equal first. Prints the
counts compared, then one line per difference: (kind, file, where, old, new). Differences
are not classified here: that is the reader's work (docs/decisions.md, session 26).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl

from pipeline.history_read import READ_ONLY_WAIT, open_read_only

IGNORED_KEYS = re.compile(r"(ran_at|generated|timing|duration|seconds|elapsed|_at$)", re.IGNORECASE)
BACKUP = re.compile(r"nguon-cu-\d{8}-\d{6}")
# The history's tables and the columns that name a row (others: every column).
TABLE_KEYS = {
    "runs": ("run_id",),
    "run_files": ("run_id", "file", "kind", "sha256"),  # two renames of one run: by old name
    "snapshots": ("period",),
    "hamlet_figures": ("period", "hamlet"),
    "households": ("period", "hh_key", "hamlet"),
}


class Comparison:
    def __init__(self, old: Path, new: Path) -> None:
        self.old, self.new = old, new
        self.counts: Counter[str] = Counter()
        self.diffs: list[tuple[str, str, str, Any, Any]] = []

    def norm(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace(str(self.old), "<OUT>").replace(str(self.new), "<OUT>")
            return BACKUP.sub("nguon-cu-TS", value)
        return value

    def differ(self, kind: str, rel: str, where: str, a: Any, b: Any) -> None:
        if self.norm(a) != self.norm(b):
            self.diffs.append((kind, rel, where, a, b))

    def run(self) -> Comparison:
        old_files, new_files = _files(self.old), _files(self.new)
        for rel in sorted(set(old_files) ^ set(new_files)):
            self.diffs.append(("file-set", rel, "", rel in old_files, rel in new_files))
        for rel in sorted(set(old_files) & set(new_files)):
            a, b = old_files[rel], new_files[rel]
            self.counts["files"] += 1
            if rel.endswith(".json"):
                self.json(rel, json.loads(a.read_text("utf-8")), json.loads(b.read_text("utf-8")))
            elif rel.endswith(".xlsx") and "nguon" not in rel:
                self.workbook(rel, a, b)
            elif rel.endswith(".sqlite"):
                self.history(rel, a, b)
            else:
                self.counts["byte_files"] += 1
                if a.read_bytes() != b.read_bytes():
                    self.diffs.append(("bytes", rel, "", a.stat().st_size, b.stat().st_size))
        return self

    def json(self, rel: str, a: Any, b: Any, kind: str = "json", prefix: str = "") -> None:
        fa, fb = dict(_flat(a)), dict(_flat(b))
        for key in sorted(set(fa) | set(fb)):
            if IGNORED_KEYS.search(key):
                continue
            self.counts["json_keys"] += 1
            self.differ(kind, rel, prefix + key, fa.get(key, "<absent>"), fb.get(key, "<absent>"))

    def workbook(self, rel: str, a: Path, b: Path) -> None:
        for data_only, kind in ((False, "cell"), (True, "cached")):
            wa = openpyxl.load_workbook(a, data_only=data_only)
            wb = openpyxl.load_workbook(b, data_only=data_only)
            self.differ("sheets", rel, "", wa.sheetnames, wb.sheetnames)
            for name in wa.sheetnames:
                if name not in wb.sheetnames:
                    continue
                ca, cb = _cells(wa[name]), _cells(wb[name])
                for ref in sorted(set(ca) | set(cb), key=lambda r: (len(r), r)):
                    self.counts[kind + "s"] += 1
                    self.differ(kind, rel, f"{name}!{ref}", ca.get(ref), cb.get(ref))
                if not data_only:
                    la, lb = _layout(wa[name]), _layout(wb[name])
                    for item in la:
                        self.counts["layout_items"] += 1
                        self.differ("layout", rel, f"{name}:{item}", la[item], lb[item])

    def history(self, rel: str, a: Path, b: Path) -> None:
        da, db = _tables(a), _tables(b)
        self.differ("sqlite-tables", rel, "", sorted(da), sorted(db))
        for table in sorted(set(da) & set(db)):
            ra, rb = da[table], db[table]
            for key in sorted(set(ra) | set(rb), key=repr):
                self.counts["sqlite_rows"] += 1
                where = f"{table}{key}"
                if key not in ra or key not in rb:
                    self.diffs.append(("sqlite-row", rel, where, ra.get(key), rb.get(key)))
                    continue
                x, y = ra[key], rb[key]
                for column in sorted(set(x) | set(y)):
                    if isinstance(x.get(column), dict) and isinstance(y.get(column), dict):
                        self.json(rel, x[column], y[column], "sqlite", f"{where}.{column}")
                    else:
                        self.differ(
                            "sqlite", rel, f"{where}.{column}", x.get(column), y.get(column)
                        )


def _files(root: Path) -> dict[str, Path]:
    return {
        BACKUP.sub("nguon-cu-TS", p.relative_to(root).as_posix()): p
        for p in root.rglob("*")
        if p.is_file()
    }


def _flat(value: Any, prefix: str = ""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flat(item, f"{prefix}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _flat(item, f"{prefix}[{i}]")
    else:
        yield prefix, value


def _cells(ws) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                out[c.coordinate] = c.value
            if c.comment is not None:
                out[c.coordinate + "#comment"] = c.comment.text
            if c.hyperlink is not None:
                out[c.coordinate + "#link"] = c.hyperlink.target or c.hyperlink.location
    return out


def _layout(ws) -> dict[str, Any]:
    setup = ws.page_setup
    return {
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": {k: round(v.width, 3) for k, v in ws.column_dimensions.items() if v.width},
        "heights": {k: v.height for k, v in ws.row_dimensions.items() if v.height},
        "row_breaks": [b.id for b in ws.row_breaks.brk],
        "col_breaks": [b.id for b in ws.col_breaks.brk],
        "print_titles": (ws.print_title_rows, ws.print_title_cols),
        "print_area": ws.print_area,
        "freeze": ws.freeze_panes,
        "validations": sorted(
            (str(v.sqref), v.type, v.formula1) for v in ws.data_validations.dataValidation
        ),
        "page": (
            setup.orientation,
            setup.paperSize,
            setup.fitToWidth,
            setup.fitToHeight,
            setup.scale,
        ),
    }


def _tables(path: Path) -> dict[str, dict[tuple, dict[str, Any]]]:
    # opened as `giamngheo check` opens it: the address quoted ('#', '?', '%' in a folder's
    # name), nothing made or changed beside the store (a WAL store's files too)
    con = open_read_only(path, READ_ONLY_WAIT)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        tables: dict[str, dict[tuple, dict[str, Any]]] = {}
        for table in names:
            columns = [r[1] for r in con.execute(f"PRAGMA table_info('{table}')")]
            key_columns = TABLE_KEYS.get(table, tuple(columns))
            rows: dict[tuple, dict[str, Any]] = {}
            for values in con.execute(f"SELECT * FROM '{table}' ORDER BY rowid"):
                row = dict(zip(columns, values, strict=True))
                row.pop("ran_at", None)
                for column, value in row.items():
                    if isinstance(value, str) and value.startswith("{"):
                        row[column] = json.loads(value)
                rows[tuple(row.get(c) for c in key_columns)] = row
            tables[table] = rows
        return tables
    finally:
        con.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    result = Comparison(Path(argv[0]).resolve(), Path(argv[1]).resolve()).run()
    print(json.dumps(dict(sorted(result.counts.items())), ensure_ascii=False))
    print(json.dumps(dict(Counter(d[0] for d in result.diffs)), ensure_ascii=False))
    for diff in result.diffs:
        print(repr(diff))
    return 1 if result.diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
