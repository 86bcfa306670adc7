"""Session 22 review: a 'Kỳ báo cáo' with a month and no year whose plan-year month is still to
come ('tháng 12' sent in January, next year's plan already in the folder) is last year's
month, and the run takes last year's plan for it, instead of refusing every list as dated in
the future (docs/decisions.md, "Session 22: review")."""

from __future__ import annotations

import os
import time
from datetime import date
from types import SimpleNamespace

import openpyxl
import pytest

import pipeline.consolidate
import pipeline.run
from pipeline.discover import inspect_file
from pipeline.rosterchecks import info_issues, month_only_period, take_plan_year
from pipeline.run import collect
from pipeline.template import write_plan_workbook
from tests.commune import HAMLETS, PLAN_INFO, person, start_list, write_plan, write_roster


def _na_mon(folder, period: object) -> None:
    """NaMon.xlsx: 102 households, NM1 and NM2 poor, NM3 near-poor; ``period`` in B4."""
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor")]
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows, period="05/2024")
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B4"] = period
    book.save(path)


@pytest.mark.parametrize(
    "month, now, period",
    [(12, "2025-01", "2024-12"), (1, "2025-01", "2025-01"), (5, "2024-06", "2024-05"),
     (6, "2024-06", "2024-06"), (7, "2024-06", "2023-07")],
)  # fmt: skip
def test_the_latest_month_up_to_now(month, now, period):
    assert month_only_period(month, now) == period


def test_a_month_still_to_come_in_the_plan_s_year_is_last_year_s(tmp_path):
    """'tháng 12' read in January 2025 with the 2025 plan: December 2025 is to come, so
    December 2024, said naming the plan and why; 'tháng 1' is January 2025, the plan's."""
    _na_mon(tmp_path, "tháng 12")
    sub, _, _ = inspect_file(tmp_path / "NaMon.xlsx", "NaMon.xlsx")
    take_plan_year([sub], SimpleNamespace(plan_year=2025, file="KeHoach_2025.xlsx"), "2025-01")
    assert sub.period == "2024-12"
    [said] = [i for i in info_issues(sub, "Nà Mòn") if i.code == "period-no-year"]
    assert (said.cell, said.detail) == ("B4", "12/2024")
    assert said.message("vi") == (
        "Ô 'Kỳ báo cáo' ghi 'tháng 12': có tháng nhưng không ghi năm. Đã lấy năm theo năm liền "
        "trước năm kế hoạch của xã (KeHoach_2025.xlsx, năm 2025), vì tháng 12/2025 chưa đến, nên "
        "danh sách được hiểu là của kỳ 12/2024. Hãy ghi đủ tháng và năm, ví dụ 12/2024; nếu danh "
        "sách không phải của kỳ 12/2024, hãy ghi đúng tháng và năm rồi gửi lại."
    )
    assert said.message("en") == (
        "The 'Kỳ báo cáo' cell says 'tháng 12': a month without its year. The year was taken from "
        "the year before the plan's (KeHoach_2025.xlsx, 2025), as 12/2025 has not come yet, so "
        "the list is read as period 12/2024. Write the month with its year, such as 12/2024; if "
        "the list is not of 12/2024, write its right month and year and send it again."
    )
    _na_mon(tmp_path, "tháng 1")
    sub, _, _ = inspect_file(tmp_path / "NaMon.xlsx", "NaMon.xlsx")
    take_plan_year([sub], SimpleNamespace(plan_year=2025, file="KeHoach_2025.xlsx"), "2025-01")
    assert (sub.period, sub.extra["period_year_from"]) == ("2025-01", "plan")


class _January2025(date):
    @classmethod
    def today(cls):
        return date(2025, 1, 15)


def test_december_sent_in_january_takes_last_year_s_plan(tmp_path, monkeypatch):
    """January 2025: KeHoach_2024.xlsx and the newer KeHoach_2025.xlsx in the folder, Nà Mòn's
    list saying 'tháng 12'. The run takes the 2024 plan (the newest file, 2025's, is skipped)
    and counts December 2024: 2 poor, 1 near-poor of 102 households (2/102 = 1.96 %). Before,
    the 2025 plan was taken, the list read as December 2025 and refused as dated in the
    future."""
    old = write_plan(tmp_path)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    hamlets = [
        {"hamlet": h, "start_households": n, "start_poor": p, "start_near_poor": c,
         "poor_target": pt, "near_poor_target": ct}
        for h, (n, p, c, pt, ct) in HAMLETS.items()
    ]  # fmt: skip
    new = tmp_path / "KeHoach_2025.xlsx"
    write_plan_workbook(new, PLAN_INFO | {"plan_year": 2025}, hamlets, start_list())
    _na_mon(tmp_path, "tháng 12")
    strftime = time.strftime
    monkeypatch.setattr(  # this month, as planpick.year_wanted asks it
        pipeline.run.time, "strftime", lambda f, *t: "2025-01" if not t else strftime(f, *t)
    )
    monkeypatch.setattr(pipeline.consolidate, "date", _January2025)
    result, _ = collect(tmp_path, None)
    assert (result.plan.file, result.period) == ("KeHoach_2024.xlsx", "2024-12")
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 1)
    assert na_mon["poor_rate"] == pytest.approx(2 / 102 * 100)
    [said] = [i for i in result.issues if i.code == "period-no-year"]
    assert "kế hoạch năm 2024 của xã (KeHoach_2024.xlsx)" in said.message("vi")
    assert not [i for i in result.issues if i.code == "future-period"]


def test_a_heading_ending_in_a_colon_is_no_class_picked_alone(tmp_path):
    """'Phân loại hộ' as the list's second column, 'Hộ nghèo:' and 'Hộ cận nghèo:' alone in it
    above the households of each class (a heading, as the drop-down never writes a colon):
    nothing is said, and Nà Mòn counts as the template's list does (NM1, NM5, NM6 poor; NM2,
    NM4 near-poor; NM3 left: 3/102 = 2.94 %). The same row with 'Hộ nghèo' and its STT is
    said (class-without-household at its head's name cell, D2: header in row 1, the name in
    column D)."""
    from tests import messy

    write_plan(tmp_path)
    order = [
        "stt",
        "phan_loai",
        *(k for k in messy.TEMPLATE_ORDER if k not in ("stt", "phan_loai")),
    ]
    layout = messy.Layout(sheet="DS", columns=order)
    roster = messy.roster_sheet(messy.na_mon_households(), layout, messy.Typing())
    rows = roster.rows
    [head] = [r for r, line in enumerate(rows) if line and line[0] == "STT"]
    by_class = {}
    for line in rows[head + 1 :]:
        if len(line) > 2 and line[2]:
            by_class.setdefault(line[1], []).append(list(line))
    width = len(rows[head])
    roster.rows = rows[: head + 1]
    for label in by_class:
        roster.rows.append([None, f"{label}:"] + [None] * (width - 2))
        roster.rows += by_class[label]
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(tmp_path / "NaMon.xlsx", [info, roster])
    result, _ = collect(tmp_path, None)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    assert na_mon["poor_rate"] == pytest.approx(3 / 102 * 100)
    assert [i for i in result.issues if i.code == "class-without-household"] == []
    roster.rows[head + 1] = [1, "Hộ nghèo"] + [None] * (width - 2)
    messy.write_book(tmp_path / "NaMon.xlsx", [info, roster])
    result, _ = collect(tmp_path, None)
    said = [(i.row, i.cell, i.value) for i in result.issues if i.code == "class-without-household"]
    assert said == [(head + 2, f"D{head + 2}", "Hộ nghèo")]
