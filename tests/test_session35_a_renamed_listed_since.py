"""Session 35 (A): a silent hamlet's renamed rows reach `listed_since`, the households listed
since the earlier list a hamlet back after silence is compared with (docs/decisions.md,
"Session 35: a silent hamlet merged since its latest list"). The small commune: April Nà Mòn
(NM1-3 poor, NM4, NM5 near-poor) and Bản Cọ (BC1, BC2 poor, BC3 near-poor) list their start
households; May Nà Mòn sends nothing, Bản Cọ the same list. Then the plan writes 'Bản Cọ Mới'
for Bản Cọ (tests.test_session31_renamed_late.plan) and June Bản Cọ Mới sends nothing; Nà Mòn
is back, listing BC2 (poor) too: it moved from Bản Cọ."""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import moves
from tests.test_session31_renamed_late import plan

NA_MON = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
NA_MON += [person(f"NM{i}", "near_poor") for i in (4, 5)]
BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def _send(folder, period: str, hamlet: str, rows: list) -> None:
    name, total = {"Nà Mòn": ("NaMon", 100), "Bản Cọ": ("BanCo", 200)}[hamlet]
    write_roster(folder, f"{name}_{period}.xlsx", hamlet, total, rows, period=period,
                 prepared=date(2024, int(period[5:]) + 1, 3))  # fmt: skip


def test_a_household_of_a_silent_renamed_hamlet_moves_in_from_its_name_now(tmp_path):
    """June: Nà Mòn's month table compares with its April list (movements_month_from
    '2024-04'), the year's with the start list. Both: poor 3 + 1 moved in (BC2) = 4, near-poor
    2 = 2, and each detail row says BC2 came from Bản Cọ Mới ("Chuyển đến từ Bản Cọ Mới"
    in the workbook). Without the silent hamlet's stored rows read under its name now, the
    month's row said it came from 'Bản Cọ', a name the plan no longer has (the year's, from
    the start list, said Bản Cọ Mới)."""
    folder, out = new_commune(tmp_path)
    _send(folder, "2024-04", "Nà Mòn", NA_MON)
    _send(folder, "2024-04", "Bản Cọ", BAN_CO)
    execute(folder, out, "2024-04")
    _send(folder, "2024-05", "Bản Cọ", BAN_CO)
    execute(folder, out, "2024-05")
    plan(folder, {"Bản Cọ": "Bản Cọ Mới"})
    _send(folder, "2024-06", "Nà Mòn", [*NA_MON, person("BC2", "poor")])
    june, _, _ = execute(folder, out, "2024-06")
    na_mon = hamlet_figures(june, "Nà Mòn")
    assert na_mon["movements_month_from"] == "2024-04"
    for scope in ("movements", "movements_month"):
        assert moves(na_mon, scope) == {
            "poor": {"start": 3, "moved_in": 1, "end": 4},
            "near_poor": {"start": 2, "end": 2},
        }
    assert hamlet_figures(june, "Bản Cọ Mới")["status"] == "missing"
    details = june.movement_details
    assert sorted(zip(details["scope"], details["hamlet"], details["ma_ho"], details["movement"],
                      details["other_hamlet"], strict=True)) == [
        ("month", "Nà Mòn", "BC2", "moved_in", "Bản Cọ Mới"),
        ("year", "Nà Mòn", "BC2", "moved_in", "Bản Cọ Mới"),
    ]  # fmt: skip
