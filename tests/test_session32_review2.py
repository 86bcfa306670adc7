"""Session 32, second review: the session's changes read again with fresh eyes.

A hamlet merged into, then renamed (or renamed, then merged into; or renamed, then merged
away): its trend and its 'Xu hướng' note keep both the merger and the old name.
"""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    new_commune,
    person,
    plan_hamlets,
    start_list,
    write_roster,
)
from tests.summaries import json_summary
from tests.test_session32_renames import hamlet_in_summary, renamed_plan, write_na_mon_under
from tests.test_session32_trend_notes import lists_run, merged_plan, merged_run, trend_texts


def test_a_hamlet_merged_into_then_renamed_keeps_the_merger_in_its_trend_and_note(tmp_path):
    # March and April: Nà Mòn 3 poor of 100, Bản Cọ 2 poor of 200. May's plan merges Bản Cọ
    # into Nà Mòn (NM1-3, BC1 poor of 300); June's plan renames the merged hamlet 'Tân Mòn'.
    # Before the fix June's Tân Mòn lost merged_from (looked up under its new name in May's
    # figures): March and April fell back to Nà Mòn alone, 3 / 100 = 3.0 %, where May's trend
    # had them over both, (3 + 2) / 300 = 1.67 %, and the note forgot Bản Cọ.
    folder, out = new_commune(tmp_path)
    for period in ("2024-03", "2024-04"):
        lists_run(folder, out, period, "Nà Mòn", (4, 5))
    merged_plan(folder)
    merged_run(folder, out, "2024-05")
    merged_plan(folder, "Tân Mòn")
    for period in ("2024-06", "2024-07"):
        merged_run(folder, out, period, "Tân Mòn")
        figures = hamlet_in_summary(out, period, "Tân Mòn")
        assert figures["merged_from"] == ["Bản Cọ"], period
        assert figures["merged_since"] == {"Bản Cọ": "2024-05"}, period
        assert figures["renamed_from"] == [{"hamlet": "Nà Mòn", "period": "2024-06"}], period
        # March, April over both: 5 / 300 = 1.67 %; since May 4 poor of 300 = 1.33 %
        points = json_summary(out, period)["trend"]["hamlets"]["Tân Mòn"]
        rates = [round(p["poor_rate"], 2) for p in points]
        assert rates == [1.67, 1.67] + [1.33] * (len(points) - 2), period
        assert trend_texts(out, period) == [
            "Xóm Tân Mòn: số liệu các tháng 03–05/2024 là của xóm Nà Mòn (đổi tên từ tháng "
            "06/2024); số liệu các tháng 03–04/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng "
            "05/2024)."
        ], period


def test_a_hamlet_renamed_then_merged_into_keeps_its_point_under_the_old_name(tmp_path):
    # March: Nà Mòn 3 poor of 100, Bản Cọ 2 poor of 200. April's plan renames Nà Mòn 'Nà Mòn
    # Mới' (same list); May's plan merges Bản Cọ into Nà Mòn Mới (NM1-3, BC1 poor of 300).
    # Before the fix May's March point was blank (no row 'Nà Mòn Mới' in March, Bản Cọ's row
    # there) and the note left out the rename; now March is Nà Mòn's with Bản Cọ's:
    # (3 + 2) / 300 = 1.67 %, like April (Nà Mòn Mới 3 + Bản Cọ 2 of 300); May 4 / 300 = 1.33 %
    folder, out = new_commune(tmp_path)
    lists_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    lists_run(folder, out, "2024-04", "Nà Mòn Mới", (4, 5))
    merged_plan(folder, "Nà Mòn Mới")
    merged_run(folder, out, "2024-05", "Nà Mòn Mới")
    figures = hamlet_in_summary(out, "2024-05", "Nà Mòn Mới")
    assert figures["renamed_from"] == [{"hamlet": "Nà Mòn", "period": "2024-04"}]
    assert figures["merged_since"] == {"Bản Cọ": "2024-05"}
    points = json_summary(out, "2024-05")["trend"]["hamlets"]["Nà Mòn Mới"]
    assert [round(p["poor_rate"], 2) for p in points] == [1.67, 1.67, 1.33]
    # near-poor: March and April NM4-5 + BC3 = 3 of 300 = 1.0 %; May NM4-5, BC2-3 = 4 / 300
    assert [round(p["near_poor_rate"], 2) for p in points] == [1.0, 1.0, 1.33]
    assert trend_texts(out, "2024-05") == [
        "Xóm Nà Mòn Mới: số liệu tháng 03/2024 là của xóm Nà Mòn (đổi tên từ tháng 04/2024); "
        "số liệu các tháng 03–04/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng 05/2024)."
    ]


def test_a_hamlet_renamed_then_merged_away_is_in_the_point_of_the_month_before_its_rename(
    tmp_path,
):
    # March: Nà Mòn 3 poor of 100, Bản Cọ 2 poor of 200. April's plan renames Bản Cọ 'Bản Cọ
    # Mới' (same list); May's plan merges Bản Cọ Mới into Nà Mòn (NM1-3, BC1 poor of 300).
    # Before the fix March's point was Nà Mòn's alone, 3 / 100 = 3.0 %, under a note saying
    # March included Bản Cọ Mới; now March is over both like April: (3 + 2) / 300 = 1.67 %,
    # in May and in June (whose last stored month, May, has no row of Bản Cọ Mới)
    folder, out = new_commune(tmp_path)
    lists_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    hamlets = [dict(h, hamlet="Bản Cọ Mới") if h["hamlet"] == "Bản Cọ" else h
               for h in plan_hamlets()]  # fmt: skip
    start = [dict(r, hamlet="Bản Cọ Mới") if r["hamlet"] == "Bản Cọ" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)
    write_na_mon_under(folder, "2024-04", "Nà Mòn", (4, 5))
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-04.xlsx", "Bản Cọ Mới", 200, rows, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    assert hamlet_in_summary(out, "2024-04", "Bản Cọ Mới")["renamed_from"] == [
        {"hamlet": "Bản Cọ", "period": "2024-04"}
    ]
    merged_plan(folder)
    for period in ("2024-05", "2024-06"):
        merged_run(folder, out, period)
        figures = hamlet_in_summary(out, period, "Nà Mòn")
        assert figures["merged_since"] == {"Bản Cọ Mới": "2024-05"}, period
        points = json_summary(out, period)["trend"]["hamlets"]["Nà Mòn"]
        rates = [round(p["poor_rate"], 2) for p in points]
        assert rates == [1.67, 1.67] + [1.33] * (len(points) - 2), period
        assert trend_texts(out, period) == [
            "Xóm Nà Mòn: số liệu các tháng 03–04/2024 gồm cả xóm Bản Cọ Mới (sáp nhập từ tháng "
            "05/2024)."
        ], period
