"""Session 59 (helper H2): the mergers oracle's seed 1207, worked small. A hamlet renamed by a
revised plan one month ('Nà Mòn' -> 'Nà Mòn Mới' in May) and another merged into it the next
(Khuôn Lăn into Nà Mòn Mới in June, the start list writing its households under Nà Mòn Mới).

June's history walk asks which names of April (the first stored month) the plan renamed:
April's 'Nà Mòn' and 'Khuôn Lăn' both have their households under 'Nà Mòn Mới' on June's start
list, so neither was taken as renamed (two old names to one new one: no rename), and April's
Nà Mòn rows stayed under the old name, a hamlet that reported in no month since. A household
gone from Nà Mòn Mới's May list did not leave the lists then (tái nghèo lost), and one held in
May in a row without a Mã hộ was not counted again (new where the oracle has it 'Tính lại').
Khuôn Lăn is merged, not renamed (June's merger, or a stored month's ``merged_since``): it is no
candidate, and Nà Mòn alone is renamed, as May found."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, write_roster
from tests.test_session56_b_turn_moved import table

NM1, NM2 = person("NM1", "poor"), person("NM2", "poor")
KL1, KL2 = person("KL1", "poor"), person("KL2", "near_poor")
N1 = person("N1", "near_poor")  # new in April, not on any start list
NAMELESS_NM2 = dict(NM2, ma_ho=None)  # May's row of NM2 without its Mã hộ: left out, held by name


def write_plan_2024(folder, lists: dict[str, list[dict]]) -> None:
    """The 2024 plan with ``lists`` as its start list (100 households a hamlet)."""
    hamlets = [dict(hamlet=h, start_households=100, poor_target=1, near_poor_target=0,
                    start_poor=[r["phan_loai"] for r in rows].count("Hộ nghèo"),
                    start_near_poor=[r["phan_loai"] for r in rows].count("Hộ cận nghèo"))
               for h, rows in lists.items()]  # fmt: skip
    start = [dict(row, hamlet=h, stt=0) for h, rows in lists.items() for row in rows]
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    info = {**PLAN_INFO, "plan_year": 2024, "poor_target": 0.5, "near_poor_target": 0.0}
    write_plan_workbook(folder / "KeHoach_2024.xlsx", info, hamlets, start)


def run_month_lists(folder, out, period: str, lists: dict[str, list[dict]], prepared: date) -> dict:
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, 100, rows, period, prepared)
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def _june(tmp_path) -> dict:
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, {"Nà Mòn": [NM1, NM2], "Khuôn Lăn": [KL1, KL2]})
    run_month_lists(folder, out, "2024-04", {"Nà Mòn": [NM1, NM2, N1], "Khuôn Lăn": [KL1, KL2]},
           date(2024, 5, 3))  # fmt: skip
    write_plan_2024(folder, {"Nà Mòn Mới": [NM1, NM2], "Khuôn Lăn": [KL1, KL2]})
    may = run_month_lists(folder, out, "2024-05",
                 {"Nà Mòn Mới": [NM1, NAMELESS_NM2], "Khuôn Lăn": [KL1, KL2]}, date(2024, 6, 3))  # fmt: skip
    assert [(h["hamlet"], [r["hamlet"] for r in h.get("renamed_from") or ()])
            for h in may["hamlets"]] == [("Nà Mòn Mới", ["Nà Mòn"]), ("Khuôn Lăn", [])]  # fmt: skip
    write_plan_2024(folder, {"Nà Mòn Mới": [NM1, NM2, KL1, KL2]})
    return run_month_lists(folder, out, "2024-06", {"Nà Mòn Mới": [NM1, NM2, N1, KL1, KL2]},
                  date(2024, 7, 3))  # fmt: skip


def test_a_hamlet_renamed_then_merged_into_keeps_its_months_before_under_the_name_now(tmp_path):
    """Worked by hand. April: Nà Mòn poor NM1, NM2, near-poor N1 (new); Khuôn Lăn poor KL1,
    near-poor KL2. May (Nà Mòn renamed Nà Mòn Mới): NM1 poor, NM2 in a row without its Mã hộ
    (left out, held by name: not counted), N1 on no list (it left the lists in May); Khuôn Lăn
    as in April. June (Khuôn Lăn merged into Nà Mòn Mới): NM1, NM2, KL1 poor, N1, KL2 near-poor.
    The month table against May's lists of both: poor 2 (NM1, KL1), NM2 counted again
    ('recounted', its May row held it), 3; near-poor 1 (KL2), N1 new and back ('returned': it
    left the lists in May), 2. The year's table against June's start list (poor NM1, NM2, KL1;
    near-poor KL2): poor 3 to 3; near-poor 1, N1 new and back, 2. Before: N1 new, not back, in
    both tables, and NM2 new, not counted again, in the month's."""
    june = _june(tmp_path)
    assert [h["hamlet"] for h in june["hamlets"]] == ["Nà Mòn Mới"]
    hamlet = june["hamlets"][0]
    assert hamlet["merged_from"] == ["Khuôn Lăn"]
    month = ((2, *[0] * 8, 1, 3), (1, *[0] * 5, 1, 1, 0, 0, 2))
    year = ((3, *[0] * 9, 3), (1, *[0] * 5, 1, 1, 0, 0, 2))
    assert table(hamlet["movements_month"]) == month
    assert table(hamlet["movements"]) == year
    assert table(june["totals"]["movements_month"]) == month
    assert table(june["totals"]["movements"]) == year
    assert (june["totals"]["poor"], june["totals"]["near_poor"]) == (3, 2)
