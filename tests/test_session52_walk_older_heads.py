"""Session 52: the history walk telling two households under one code (timeline._taken) compares
a code's head in the hamlet it moved to with every older row of the year in the hamlet it left,
not with its last row and the start list's alone, as the tables read those rows
(moves.OlderHeads): one of them naming the same head, the household moved, it never left.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list (poor 6). DK5
(not on the start list) is new in Đồng Kè in February, head 'Lò Thị Mai'; March's list of Đồng
Kè writes her 'Lò T. Mai'; from April Bản Cọ lists DK5 'Lò Thị Mai' (her ID number the same on
every list), Đồng Kè no longer.
"""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pandas as pd

from pipeline.run import execute
from pipeline.timeline import departures
from tests.commune import new_commune, person, write_roster

SIZES = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}


def na_mon() -> list[dict]:
    return [person(f"NM{i}", "poor") for i in (1, 2, 3)] + [
        person(f"NM{i}", "near_poor") for i in (4, 5)
    ]


def ban_co(*more: dict) -> list[dict]:
    return [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"), *more]


def dong_ke(*more: dict) -> list[dict]:
    return [person("DK1", "poor"), person("DK2", "near_poor"), *more]


def dk5(head: str = "Lò Thị Mai") -> dict:
    return person("DK5", "poor", chu_ho=head, nam_sinh=1980)


def run_month(folder, out, period: str, lists: dict) -> dict:
    """``period`` run with these lists {hamlet: rows} alone; the JSON."""
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    prepared = date(2024, int(period[5:]) + 1, 3)
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, SIZES[hamlet], rows, period, prepared)
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def poor_row(moves: dict) -> tuple[tuple[int, ...], int]:
    """A movement table's poor row (start, new, moved in, moved out, exited, end) and how many
    of its new households came back (tái nghèo)."""
    poor = moves["poor"]
    kinds = ("start", "new", "moved_in", "moved_out", "exited", "end")
    return tuple(poor[k] for k in kinds), poor["returned"]


def moves_of(out, period: str, code: str) -> list[tuple]:
    """The 'Biến động' rows of ``code``: (hamlet, head, movement, scope)."""
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", read_only=True)
    rows = [(r[1], r[3], r[5], r[8]) for r in book["Biến động"].iter_rows(values_only=True)
            if len(r) > 8 and r[2] == code]  # fmt: skip
    book.close()
    return rows


def hamlet(summary: dict, name: str) -> dict:
    return next(h for h in summary["hamlets"] if h["hamlet"] == name)


def test_a_household_whose_head_was_written_otherwise_last_month_moved_and_never_left(tmp_path):
    """April's tables set Bản Cọ's DK5 beside Đồng Kè's March row ('Lò T. Mai', another name)
    and, since (tests/test_session52_move_month_older.py), its February row too; from May no
    row of Đồng Kè is at hand and the tables read the code's older rows (February's 'Lò Thị
    Mai': her household, moved). The
    walk read March's row and the start list's (none) alone: DK5's household left the lists
    in April, so May's and June's year table of Bản Cọ counted DK5 back ('Tái nghèo').
    By hand, June: Bản Cọ's year, poor BC1, BC2 = 2 at the start, DK5 new (not on the start
    list), returned 0, 3; the commune's year 6 + 1 new, returned 0, 7; its month (May's 7)
    7 = 7; DK5's 'Biến động' row 'Phát sinh mới' from the start of the year, as April's."""
    folder, out = new_commune(tmp_path)
    run_month(folder, out, "2024-02", {"Nà Mòn": na_mon(), "Bản Cọ": ban_co(),
                                       "Đồng Kè": dong_ke(dk5())})  # fmt: skip
    run_month(folder, out, "2024-03", {"Nà Mòn": na_mon(), "Bản Cọ": ban_co(),
                                       "Đồng Kè": dong_ke(dk5("Lò T. Mai"))})  # fmt: skip
    moved = {"Nà Mòn": na_mon(), "Bản Cọ": ban_co(dk5()), "Đồng Kè": dong_ke()}
    april = run_month(folder, out, "2024-04", moved)
    # the guard: April's year table as before; its month table reads the older rows too since
    # (tests/test_session52_move_month_older.py): DK5 moved out of Đồng Kè
    assert poor_row(hamlet(april, "Bản Cọ")["movements"]) == ((2, 1, 0, 0, 0, 3), 0)
    assert poor_row(hamlet(april, "Đồng Kè")["movements_month"]) == ((2, 0, 0, 1, 0, 1), 0)
    for month in ("2024-05", "2024-06"):
        found = run_month(folder, out, month, moved)
        # before: ((2, 1, 0, 0, 0, 3), 1), DK5 'Tái nghèo'
        assert poor_row(hamlet(found, "Bản Cọ")["movements"]) == ((2, 1, 0, 0, 0, 3), 0), month
        assert poor_row(found["totals"]["movements"]) == ((6, 1, 0, 0, 0, 7), 0), month
        assert poor_row(found["totals"]["movements_month"]) == ((7, 0, 0, 0, 0, 7), 0), month
        assert moves_of(out, month, "DK5") == [
            ("Bản Cọ", "Lò Thị Mai", "Phát sinh mới", "Từ đầu năm")
        ], month


def test_the_walk_reads_the_codes_older_rows_in_the_hamlet_it_left():
    """The walk alone: DK5 in Đồng Kè in February ('Lò Thị Mai') and March ('Lò T. Mai'), in
    Bản Cọ in April ('Lò Thị Mai'), Đồng Kè reporting without it: moved (was: left the lists in
    April). Bản Cọ's head another than both of Đồng Kè's rows: another household, as before."""
    rows = [("2024-02", "Đồng Kè", "id|DK5"), ("2024-03", "Đồng Kè", "id|DK5"),
            ("2024-02", "Bản Cọ", "id|BC1"), ("2024-03", "Bản Cọ", "id|BC1"),
            ("2024-04", "Đồng Kè", "id|DK2"), ("2024-04", "Bản Cọ", "id|BC1"),
            ("2024-04", "Bản Cọ", "id|DK5")]  # fmt: skip
    history = pd.DataFrame(rows, columns=["period", "hamlet", "hh_key"]).assign(status="poor")

    def walk(april_head: str):
        heads = {"2024-02": "name|Đồng Kè|lo thi mai|1980", "2024-03": "name|Đồng Kè|lo t mai|1980",
                 "2024-04": f"name|Bản Cọ|{april_head}|1980"}  # fmt: skip
        return departures(history, None, lambda period: {"id|DK5": heads[period]},
                          out_at=["2024-04"])  # fmt: skip

    moved = walk("lo thi mai")
    assert "id|DK5" not in moved.ever
    assert moved.out_at["2024-04"] == set()
    other = walk("ha van nam")
    assert "id|DK5" in other.ever
    assert other.left_in == {"id|DK5": "2024-04"}
