"""Session 52: a hamlet merged by the plan into one whose list is refused in the merger month has
its trend's months before the merger over both hamlets, said merged from that month on 'Xu
hướng' (JSON ``merged_from``, ``merged_since``), as when the hamlet sent nothing (session 50);
the month's and the year's tables stay as before (baselines._merges_said reads no merger on a
row whose list was refused whole).

The small commune (tests.commune): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150).
March: Nà Mòn's and Bản Cọ's lists as their start lists. April: the plan merges Bản Cọ into
Nà Mòn (300 households, 5 poor, 3 near-poor); Nà Mòn's list is refused (its total households
'abc'), Đồng Kè's counted. Then the merged list: NM1-3, BC1 poor, NM4-5, BC2-3 near-poor of 300.
"""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import new_commune, person, write_merged_plan, write_roster

SAID = "Xóm Nà Mòn: số liệu tháng 03/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng 04/2024)."
NA_MON = [person(f"NM{i}", "poor") for i in (1, 2, 3)] + [
    person(f"NM{i}", "near_poor") for i in (4, 5)
]
BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
MERGED = [*NA_MON, person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
DONG_KE = [person("DK1", "poor"), person("DK2", "near_poor")]


def run_month(folder, out, period: str, lists: dict) -> dict:
    """``period`` run with these lists {hamlet: (total households, rows)} alone; the JSON."""
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    prepared = date(2024, int(period[5:]) + 1, 3)
    for n, (hamlet, (total, rows)) in enumerate(lists.items()):
        rows = [dict(r) for r in rows]
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, total, rows, period, prepared)
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def na_mon(summary: dict) -> dict:
    return next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")


def points(summary: dict) -> list[tuple]:
    """Nà Mòn's trend points: (month, poor rate, near-poor rate), rounded to 4 decimals."""
    return [(p["period"], *(None if p[k] is None else round(p[k], 4)
                            for k in ("poor_rate", "near_poor_rate")))
            for p in summary["trend"]["hamlets"]["Nà Mòn"]]  # fmt: skip


def trend_notes(out, period: str) -> list[str]:
    """The notes of 'Xu hướng' naming a hamlet ('Xóm …:') under the poor table (table II; one
    printed on a page of its own repeats them under table III)."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Xu hướng"]
    notes, table = [], None
    for cell, *_ in sheet.iter_rows():
        text = cell.value if isinstance(cell.value, str) else ""
        if text.startswith(("II.", "III.")):
            table = text.split(".")[0]
        elif table == "II" and text.startswith("Xóm ") and ":" in text:
            notes.append(text)
    return notes


def moves(hamlet: dict, scope: str) -> dict:
    return {k: {m: n for m, n in v.items() if n} for k, v in hamlet[scope].items()}


def refused_in_the_merger_month(tmp_path):
    folder, out = new_commune(tmp_path)
    run_month(folder, out, "2024-03", {"Nà Mòn": (100, NA_MON), "Bản Cọ": (200, BAN_CO)})
    write_merged_plan(folder)
    april = run_month(folder, out, "2024-04",
                      {"Nà Mòn": ("abc", MERGED), "Đồng Kè": (150, DONG_KE)})  # fmt: skip
    return folder, out, april


# May against both March lists: poor NM1-3, BC1-2 = 5, BC2 to near-poor, 4; near-poor NM4-5,
# BC3 = 3 and BC2, 4. The year's table from the start list the same.
MERGED_MOVES = {
    "poor": {"start": 5, "to_near_poor": 1, "end": 4},
    "near_poor": {"start": 3, "from_poor": 1, "end": 4},
}


def test_a_merger_into_a_hamlet_refused_in_the_merger_month_is_said_from_that_month(tmp_path):
    folder, out, april = refused_in_the_merger_month(tmp_path)
    assert na_mon(april)["status"] == "rejected"
    # March's point of Nà Mòn over both, as its start is (5 / 300): (3 + 2) / (100 + 200) =
    # 1.6667 %, near-poor (2 + 1) / 300 = 1.0 %; before: Nà Mòn's alone, 3 / 100 = 3.0 %, 2.0 %
    assert points(april) == [("2024-03", 1.6667, 1.0), ("2024-04", None, None)]
    assert na_mon(april)["merged_from"] == ["Bản Cọ"]
    assert na_mon(april)["merged_since"] == {"Bản Cọ": "2024-04"}
    assert trend_notes(out, "2024-04") == [SAID]  # before: no note
    # the commune's points: counted hamlets' counts summed, unchanged (March 5 / 300, April
    # Đồng Kè's 1 / 150)
    commune = [(p["period"], p["poor"], p["households"]) for p in april["trend"]["commune"]]
    assert commune == [("2024-03", 5, 300), ("2024-04", 1, 150)]
    # May, the merged list: 4 poor, 4 near-poor of 300 (1.3333 %); the merger still from April
    # (before: 'từ tháng 05/2024')
    may = run_month(folder, out, "2024-05", {"Nà Mòn": (300, MERGED)})
    assert na_mon(may)["merged_since"] == {"Bản Cọ": "2024-04"}
    assert points(may) == [
        ("2024-03", 1.6667, 1.0),
        ("2024-04", None, None),
        ("2024-05", 1.3333, 1.3333),
    ]
    assert trend_notes(out, "2024-05") == [SAID]
    assert moves(na_mon(may), "movements_month") == MERGED_MOVES
    assert moves(na_mon(may), "movements") == MERGED_MOVES


def test_refused_in_the_merger_month_silent_the_next_the_tables_as_by_hand(tmp_path):
    """April refused, May silent, June the merged list: June against both March lists (the
    latest of each), 5 → 4 poor and 3 → 4 near-poor as above; July against June's: 4 = 4,
    4 = 4, the year's table as June's. The merger said from April on each month's row."""
    folder, out, _ = refused_in_the_merger_month(tmp_path)
    may = run_month(folder, out, "2024-05", {"Đồng Kè": (150, DONG_KE)})
    assert na_mon(may)["merged_since"] == {"Bản Cọ": "2024-04"}
    june = run_month(folder, out, "2024-06", {"Nà Mòn": (300, MERGED)})
    assert moves(na_mon(june), "movements_month") == MERGED_MOVES
    assert moves(na_mon(june), "movements") == MERGED_MOVES
    assert na_mon(june)["merged_since"] == {"Bản Cọ": "2024-04"}
    july = run_month(folder, out, "2024-07", {"Nà Mòn": (300, MERGED)})
    assert moves(na_mon(july), "movements_month") == {
        "poor": {"start": 4, "end": 4},
        "near_poor": {"start": 4, "end": 4},
    }
    assert moves(na_mon(july), "movements") == MERGED_MOVES
    assert trend_notes(out, "2024-07") == [SAID]
