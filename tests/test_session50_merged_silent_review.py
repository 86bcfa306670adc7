"""Session 50, review of a hamlet merged into one silent in the merger month (trend.merged_silent,
baselines._merges_said): the merger the trend alone knows, said on the silent month's row
(``merged_since``) and carried on, is read by the history walk on no row but one whose month's
own lists said it.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1, BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150), on the plan's
start list. The plan written again merges Bản Cọ into Nà Mòn (tests.commune.write_merged_plan).
"""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session50_merged_silent_trend import merged_run, silent_in_the_merger_month


def _moves(hamlet: dict, scope: str) -> dict:
    return {k: {m: n for m, n in v.items() if n} for k, v in hamlet[scope].items()}


def _refused(folder, out, period: str) -> dict:
    """Nà Mòn's list of ``period`` (NM1-NM5, BC1, BC2) refused (its total households 'abc'),
    Đồng Kè's counted; the month run; the JSON's hamlets by name."""
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    prepared = date(2024, int(period[5:]) + 1, 3)
    rows = na_mon_rows(person("BC1", "poor"), person("BC2", "poor"))
    write_roster(folder, f"DS_0_{period}.xlsx", "Nà Mòn", "abc", rows, period, prepared)
    write_roster(folder, f"DS_1_{period}.xlsx", "Đồng Kè", 150, dk_rows(), period, prepared)
    execute(folder, out, period)
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return {h["hamlet"]: h for h in summary["hamlets"]}


def test_a_merger_known_to_the_trend_alone_carried_on_a_refused_list_changes_no_table(tmp_path):
    """Session 44's seed 93 with the list refused in between. April: Nà Mòn sends its own five,
    Bản Cọ nothing. The plan merges Bản Cọ into Nà Mòn in May, when Nà Mòn sends nothing (the
    merger found from the start list for the trend: ``merged_since`` {Bản Cọ: 05}); June's
    list of Nà Mòn is refused; July's holds NM1-NM5, BC1 and BC2 (BC3 left the lists). No list
    said the merger before July: Bản Cọ's latest list is the start list, Nà Mòn is set beside
    April's list and it. July by hand: poor NM1-NM3 and BC1-BC2 = 5 at the start, all there, 5;
    near-poor NM4, NM5, BC3 = 3, BC3 exited, 2. The year's table the same (its start list).
    Before, June's refused row carried May's merger and the walk read it as said by a list:
    poor start 3 (NM1-NM3), BC1 and BC2 new; near-poor 2, BC3 never said gone."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    may = run_lists(folder, out, "2024-05", {"Đồng Kè": dk_rows()})
    assert may["Nà Mòn"]["merged_since"] == {"Bản Cọ": "2024-05"}
    june = _refused(folder, out, "2024-06")
    assert june["Nà Mòn"]["status"] == "rejected"
    july = run_lists(folder, out, "2024-07",
                  {"Nà Mòn": na_mon_rows(person("BC1", "poor"), person("BC2", "poor")),
                   "Đồng Kè": dk_rows()})  # fmt: skip
    expected = {
        "poor": {"start": 5, "end": 5},
        "near_poor": {"start": 3, "exited": 1, "end": 2},
    }
    assert _moves(july["Nà Mòn"], "movements_month") == expected
    assert _moves(july["Nà Mòn"], "movements") == expected
    # the trend keeps the merger from May, as when Nà Mòn is back the month after
    assert july["Nà Mòn"]["merged_since"] == {"Bản Cọ": "2024-05"}


def test_the_merger_said_in_the_silent_month_then_silent_again_changes_no_table(tmp_path):
    """Guard (passes before and after): the merger found in April (Nà Mòn silent), Nà Mòn
    silent again in May, back in June with NM1-NM3, BC1 poor, NM4-NM5, BC2-BC3 near-poor. June
    against both March lists (the latest of each): poor NM1-NM3, BC1-BC2 = 5, BC2 to near-poor,
    4; near-poor NM4-NM5, BC3 = 3, and BC2, 4; the year's table the same. July against June's
    list: 4 = 4, 4 = 4. The merger said from April on each month's row."""
    folder, out = silent_in_the_merger_month(tmp_path)
    write_roster(folder, "DongKe_2024-05.xlsx", "Đồng Kè", 150, dk_rows(), period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    merged_run(folder, out, "2024-06")
    summary = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8"))
    june = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    month = {"poor": {"start": 5, "to_near_poor": 1, "end": 4},
             "near_poor": {"start": 3, "from_poor": 1, "end": 4}}  # fmt: skip
    assert _moves(june, "movements_month") == month
    assert _moves(june, "movements") == month
    assert june["merged_since"] == {"Bản Cọ": "2024-04"}
    merged_run(folder, out, "2024-07")
    summary = json.loads((out / "2024-07" / "TongHop_2024-07.json").read_text("utf-8"))
    july = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert _moves(july, "movements_month") == {
        "poor": {"start": 4, "end": 4},
        "near_poor": {"start": 4, "end": 4},
    }
    assert _moves(july, "movements") == month
