"""Session 66 (helper Q): session 66 D's moved-on rule at the year's turn, a hamlet silent in
January compared in February with the new start list (the `--turn` oracle's seeds 2305 and
2313, where the turn oracle still exited the household a second time: the oracle's, fixed).

The small commune (tests.commune). December 2024: Nà Mòn sends NM1-NM3 poor, NM4, NM5
near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. The 2025 plan
keeps the hamlets and the start list alike. January 2025: Nà Mòn sends nothing; Bản Cọ's list
writes its own rows and NM5 near-poor (its head's name in decomposed Unicode, NFD); Đồng Kè its
own. February: Nà Mòn sends NM1-NM4 (NM5 on no list); Bản Cọ and Đồng Kè their own rows.

By hand, January: Bản Cọ's month table beside December's lists: near-poor 1, moved in 1 (NM5,
from Nà Mòn, silent), 2. February: Bản Cọ's month table beside its January list: near-poor 2,
exited 1 (NM5, on no list), 1. Nà Mòn's, beside the start list (silent in January: its
``movements_month_from`` 'plan'): near-poor 2, moved out 1 (NM5 left it for Bản Cọ in
January, whose tables told the rest), 1; its year table 2, exited 1, 1. The commune's February
month: near-poor 2 + 2 + 1 = 5, exited 1, moved out 1, end 1 + 1 + 1 = 3 (one exit for one
household, as the year's: 4, exited 1, 3). On the code before session 66 (66297f5e) Nà Mòn's
February month said exited 1, the commune's exited 2."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_scenario
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_b_other_household_rows import near_of
from tests.test_session65_e2_moved_on_silent import near_totals

SIZES = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}


def _run(folder, out, period: str, lists: dict) -> dict:
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    year, month = int(period[:4]), int(period[5:])
    prepared = date(year + (month == 12), month % 12 + 1, 3)
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, SIZES[hamlet], rows, period, prepared)
    execute(folder, out, period)
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return {h["hamlet"]: h for h in summary["hamlets"]}


def test_left_a_hamlet_silent_in_january_for_another_is_moved_out_in_february(tmp_path):
    folder, out = new_commune(tmp_path)
    _run(folder, out, "2024-12",
         {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025},
                        plan_hamlets(), start_list())  # fmt: skip
    nm5 = person("NM5", "near_poor", chu_ho=unicodedata.normalize("NFD", "Hoàng Văn NM5"))
    january = _run(folder, out, "2025-01",
                   {"Bản Cọ": [*bc_rows(), nm5], "Đồng Kè": dk_rows()})  # fmt: skip
    assert january["Nà Mòn"]["status"] == "missing"
    assert near_of(january["Bản Cọ"], "movements_month") == {"start": 1, "moved_in": 1, "end": 2}
    february = _run(folder, out, "2025-02",
                    {"Nà Mòn": na_mon_rows()[:4], "Bản Cọ": bc_rows(),
                     "Đồng Kè": dk_rows()})  # fmt: skip
    assert february["Nà Mòn"]["movements_month_from"] == "plan"
    assert near_of(february["Bản Cọ"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(february["Nà Mòn"], "movements_month") == {
        "start": 2, "moved_out": 1, "end": 1}  # fmt: skip
    assert near_of(february["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_totals(out, "2025-02", "movements_month") == {
        "start": 5, "exited": 1, "moved_out": 1, "end": 3}  # fmt: skip
    assert near_totals(out, "2025-02", "movements") == {"start": 4, "exited": 1, "end": 3}
    rows = [row for row in listed_movements(out, "2025-02") if row[1] == "NM5"]
    assert rows == [
        ("Nà Mòn", "NM5", "Không còn trong danh sách (đề nghị xác nhận)", "Từ đầu năm"),
        ("Nà Mòn", "NM5", "Chuyển sang Bản Cọ", "So với danh sách đầu năm"),
        ("Bản Cọ", "NM5", "Không còn trong danh sách (đề nghị xác nhận)", "So với tháng trước"),
    ]


def test_the_turn_oracle_agrees_where_one_left_a_hamlet_silent_in_january(tmp_path):
    """The `--turn` seed 2305: Bản Cọ silent in January 2025, H0S10 (its start list's, poor) on
    Nà Mòn's January list, on no list in February: Bản Cọ's February month moved out 1, not
    exited (the turn oracle's ``moved_on``; before it, exited 2 for the commune)."""
    assert run_scenario(2305, tmp_path, turn=True) == []
