"""Session 23: the notices of a month run again or out of order say what changed.

A month re-run whose reported figures changed says so even when its counts did not (a plan
corrected, a movement); a plan corrected after months were run names up to three of its
differences; later months run before this one had figures are not said to hold its "old"
figures, and their year movements are named when they start from a stored month."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from pipeline.notices_plan import figures_changed
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import HAMLETS, PLAN_INFO, person, start_list, write_plan, write_roster


def _said(start: str) -> list[str]:
    return [n for n in NOTICES if n.startswith(start)]


def _plan(folder, changes: dict, with_start_list: bool = True) -> None:
    """The small commune's plan with ``changes`` (hamlet -> start households, poor, near-poor,
    poor target, near-poor target)."""
    keys = ("start_households", "start_poor", "start_near_poor", "poor_target",
            "near_poor_target")  # fmt: skip
    hamlets = [dict(zip(keys, figures, strict=True), hamlet=name)
               for name, figures in {**HAMLETS, **changes}.items()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets,
                        start_list() if with_start_list else None)  # fmt: skip


def write_may(folder) -> None:
    write_roster(folder, "NaMon_05.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor"),
                  person("NM5", "near_poor")])  # fmt: skip
    write_roster(folder, "BanCo_05.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip


# --- 1. the figures that changed ---------------------------------------------------------


def test_a_corrected_plan_changes_the_rates_not_the_counts_and_the_rerun_says_so(tmp_path):
    """May, Nà Mòn and Bản Cọ: 300 households at the start, 5 poor (1,67 %), 3 near-poor
    (1,00 %); May has 4 poor, 3 near-poor. The plan is corrected (Nà Mòn had 110 households at
    the start, not 100) and May run again: the counts are the same, the start figures, the
    start rates and the reductions are not, and the notice names them, counts first, five at
    most."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    write_may(folder)
    execute(folder, out, "2024-05")
    NOTICES.clear()
    execute(folder, out, "2024-05")
    assert not _said("Số liệu kỳ")  # the same files: nothing to say

    _plan(folder, {"Nà Mòn": (110, 3, 2, 1, 1)})
    execute(folder, out, "2024-05")
    [said] = _said("Số liệu kỳ")
    assert said == (
        "Số liệu kỳ 05/2024 khác lần tổng hợp trước của kỳ này: toàn xã số hộ đầu năm 300 → "
        "310, tỷ lệ hộ nghèo đầu năm 1,67 % → 1,61 %, tỷ lệ hộ cận nghèo đầu năm 1,00 % → "
        "0,97 %, mức giảm tỷ lệ hộ nghèo 0,33 → 0,28 điểm, mức giảm tỷ lệ hộ cận nghèo 0,00 → "
        "-0,03 điểm và 2 số liệu khác; xóm có số liệu thay đổi: Nà Mòn. Nếu đã gửi báo cáo kỳ "
        "này, hãy gửi lại bản mới. Số liệu lần trước vẫn được lưu trong lịch sử; xem các lần chạy của kỳ này: "
        "giamngheo history --period 2024-05"
    )
    assert said.en.startswith(
        "The figures of period 05/2024 differ from its previous consolidation: commune "
        "households at the start of the year 300 → 310, poor rate at the start of the year "
        "1.67 % → 1.61 %,"
    )
    assert said.en.endswith(
        "and 2 more figures; hamlets whose figures changed: Nà Mòn. If this period's report "
        "was sent, send the new one. The previous figures stay in the history; to see this period's runs: "
        "giamngheo history --period 2024-05"
    )


def test_a_month_run_again_after_the_month_before_it_says_its_new_movement_table(tmp_path):
    """May is run first (no April stored: no "since last month" table), then April, then May
    again with the same files: May's counts are the same, its table of changes since April is
    new, and the officer who sent May's report is told."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    write_may(folder)
    for name, hamlet, total, rows in (
        ("NaMon_04.xlsx", "Nà Mòn", 100, ["NM1", "NM2", "NM3"]),
        ("BanCo_04.xlsx", "Bản Cọ", 200, ["BC1", "BC2"]),
    ):
        write_roster(folder, name, hamlet, total, [person(c, "poor") for c in rows],
                     period="2024-04", prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    execute(folder, out, "2024-04")
    NOTICES.clear()
    execute(folder, out, "2024-05")
    assert _said("Số liệu kỳ") == [
        "Số liệu kỳ 05/2024 khác lần tổng hợp trước của kỳ này: toàn xã bảng biến động so với "
        "tháng trước chưa có → có; xóm có số liệu thay đổi: Nà Mòn, Bản Cọ. Nếu đã gửi báo cáo "
        "kỳ này, hãy gửi lại bản mới. Số liệu lần trước vẫn được lưu trong lịch sử; xem các lần chạy của kỳ này: "
        "giamngheo history --period 2024-05"
    ]


def _figures(**changes) -> dict:
    base = {
        "households": 120, "poor": 13, "near_poor": 8, "poor_rate": 10.833333, "near_poor_rate":
        6.666667, "start_households": 120, "poor_rate_reduction": 0.0, "poor_progress": 0.0,
        "poor_still_to_exit": 2, "movements": {"poor": {"new": 0, "returned": 0}},
        "movements_month": None,
    }  # fmt: skip
    return {**base, **changes}


def _notice(before_totals: dict, now_totals: dict, hamlets=None) -> list[str]:
    hamlets = hamlets or ([{"hamlet": "Nà Mòn", "status": "ok"}],) * 2
    result = SimpleNamespace(
        period="2024-06", summary={"totals": now_totals, "hamlets": hamlets[1]}
    )
    return figures_changed(result, {"totals": before_totals, "hamlets": hamlets[0]})


def test_the_figures_compared_are_the_reported_ones_as_shown():
    """A rate that moves below its second decimal (as the report shows it) is no change; a
    movement or the households still to leave are; past five figures the rest are counted;
    a hamlet whose status changed is named; figures the stored run lacks (an older version's)
    are not compared."""
    assert _notice(_figures(), _figures(poor_rate=10.8341)) == []
    older = {k: v for k, v in _figures().items() if k != "poor_still_to_exit"}
    assert _notice(older, _figures(poor_still_to_exit=5)) == []
    [said] = _notice(_figures(), _figures(poor_still_to_exit=1))
    assert "toàn xã số hộ nghèo còn phải giảm 2 → 1; xóm có số liệu thay đổi: không có." in said
    [said] = _notice(_figures(), _figures(movements={"poor": {"new": 1, "returned": 1}}))
    assert (
        "toàn xã hộ nghèo phát sinh mới (từ đầu năm) 0 → 1, hộ tái nghèo (từ đầu năm) 0 → 1;"
        in said
    )
    [said] = _notice(
        _figures(),
        _figures(households=1210, poor=14, near_poor=9, poor_rate=1.157, near_poor_rate=0.744,
                 poor_rate_reduction=-0.4, poor_progress=-26.3),
    )  # fmt: skip
    assert said.startswith(
        "Số liệu kỳ 06/2024 khác lần tổng hợp trước của kỳ này: toàn xã số hộ dân cư 120 → "
        "1.210, hộ nghèo 13 → 14, hộ cận nghèo 8 → 9, tỷ lệ hộ nghèo 10,83 % → 1,16 %, tỷ lệ hộ "
        "cận nghèo 6,67 % → 0,74 % và 2 số liệu khác; xóm có số liệu thay đổi: không có."
    )
    assert "commune households 120 → 1,210, poor 13 → 14," in said.en
    hamlets = ([{"hamlet": "Nà Mòn", "status": "ok"}, {"hamlet": "Bản Cọ", "status": "ok"}],
               [{"hamlet": "Nà Mòn", "status": "ok"}, {"hamlet": "Bản Cọ", "status": "missing"}])  # fmt: skip
    [said] = _notice(_figures(), _figures(), hamlets)
    assert "toàn xã không đổi; xóm có số liệu thay đổi: Bản Cọ." in said


# --- 2. a corrected plan: up to three differences ---------------------------------------


def test_a_plan_corrected_in_four_places_names_three_start_figures_first(tmp_path):
    """April is run; the plan is then corrected in four places: Nà Mòn's poor target 1 → 2,
    Bản Cọ's start households 200 → 210, Đồng Kè's start households 150 → 160 and its
    near-poor target 1 → 2. May's run names the start figures first (they move every rate),
    then the target, and counts the fourth."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                 period="2024-04", prepared=date(2024, 5, 3))  # fmt: skip
    write_roster(folder, "BanCo_04.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-04", prepared=date(2024, 5, 3))  # fmt: skip
    write_roster(folder, "DongKe_04.xlsx", "Đồng Kè", 150, [person("DK1", "poor")],
                 period="2024-04", prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    _plan(folder, {"Nà Mòn": (100, 3, 2, 2, 1), "Bản Cọ": (210, 2, 1, 1, 1),
                   "Đồng Kè": (160, 1, 1, 1, 2)})  # fmt: skip
    for month in ("04",):
        for name in ("NaMon", "BanCo", "DongKe"):
            (folder / f"{name}_{month}.xlsx").unlink()
    write_may(folder)
    write_roster(folder, "DongKe_05.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    execute(folder, out, "2024-05")
    [said] = [n for n in NOTICES if "kế hoạch khác" in n]
    assert said.startswith(
        "Kỳ 04/2024 đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng "
        "('KeHoach_2024.xlsx'): xóm Bản Cọ, cột 'Tổng số hộ đầu năm' lúc đó là 200, nay là "
        "210; xóm Đồng Kè, cột 'Tổng số hộ đầu năm' lúc đó là 150, nay là 160; xóm Nà Mòn, cột "
        "'Chỉ tiêu giảm hộ nghèo (hộ)' lúc đó là 1, nay là 2; và 1 thay đổi khác. Mức giảm so "
        "với đầu năm, chỉ tiêu và xu hướng của các kỳ đó"
    )
    assert said.en.startswith(
        "Period(s) 04/2024 were consolidated under a plan other than the one used now "
        "('KeHoach_2024.xlsx'): Bản Cọ, column 'Tổng số hộ đầu năm' then 200, now 210; Đồng "
        "Kè, column 'Tổng số hộ đầu năm' then 150, now 160; Nà Mòn, column 'Chỉ tiêu giảm hộ "
        "nghèo (hộ)' then 1, now 2; and 1 more change. Their reductions"
    )


# --- 3. later months run first ----------------------------------------------------------


def _three_months(folder, with_start_list: bool) -> None:
    _plan(folder, {}, with_start_list)
    for month in ("01", "02", "03"):
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100,
                     [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")],
                     period=f"2024-{month}", prepared=date(2024, int(month) + 1, 3))  # fmt: skip


@pytest.mark.parametrize("with_start_list", [False, True])
def test_months_run_backwards_say_the_earlier_one_was_missing(tmp_path, with_start_list):
    """March, then February, then January. With no start-of-year list, March and February
    were run each as the year's first month: their year movements start from no stored month
    and are stale too, and said so; with a start list they start from the plan's list and
    only the month movements and trend are named. Neither January nor February had been run:
    'khi chưa có số liệu', not 'số liệu cũ'."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    _three_months(folder, with_start_list)
    execute(folder, out, "2024-03")
    execute(folder, out, "2024-02")
    stale = (
        "biến động so với tháng trước, số hộ tái nghèo và xu hướng"
        if with_start_list
        else "biến động so với tháng trước, biến động từ đầu năm và xu hướng"
    )
    assert _said("Các kỳ sau") == [
        f"Các kỳ sau (03/2024) đã được tổng hợp khi chưa có số liệu kỳ 02/2024: {stale} của "
        "các kỳ đó chưa theo số liệu mới. Hãy chạy lại các kỳ đó, theo thứ tự: giamngheo run "
        "--period 2024-03"
    ]
    execute(folder, out, "2024-01")
    [said] = _said("Các kỳ sau")
    assert said == (
        f"Các kỳ sau (02/2024, 03/2024) đã được tổng hợp khi chưa có số liệu kỳ 01/2024: {stale} "
        "của các kỳ đó chưa theo số liệu mới. Hãy chạy lại các kỳ đó, theo thứ tự: giamngheo "
        "run --period 2024-02; giamngheo run --period 2024-03"
    )
    stale_en = (
        "changes since the previous month, households back in poverty (tái nghèo) and trend"
        if with_start_list
        else "changes since the previous month, changes since the start of the year and trend"
    )
    assert said.en.startswith(
        "Later periods (02/2024, 03/2024) were consolidated before period 01/2024 had figures: "
        f"their {stale_en} do not follow the new ones."
    )


def test_months_run_in_order_then_the_first_corrected_says_old_figures_and_year_too(tmp_path):
    """No start list; January, February, March run in order (February and March's year
    movements start from January). January corrected and run again: its old figures, and the
    year movements of the months after it are named; February corrected then: March's year
    movements start from January, not February, so they are not."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    _three_months(folder, with_start_list=False)
    for month in ("2024-01", "2024-02", "2024-03"):
        execute(folder, out, month)
    for month in ("01", "02"):
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100,
                     [person("NM1", "poor"), person("NM4", "near_poor")],
                     period=f"2024-{month}", prepared=date(2024, int(month) + 1, 20))  # fmt: skip
    execute(folder, out, "2024-01")
    assert _said("Các kỳ sau")[0].startswith(
        "Các kỳ sau (02/2024, 03/2024) đã được tổng hợp với số liệu cũ của kỳ 01/2024: biến "
        "động so với tháng trước, biến động từ đầu năm và xu hướng của các kỳ đó chưa theo số "
        "liệu mới."
    )
    execute(folder, out, "2024-02")
    assert _said("Các kỳ sau")[0].startswith(
        "Các kỳ sau (03/2024) đã được tổng hợp với số liệu cũ của kỳ 02/2024: biến động so "
        "với tháng trước, số hộ tái nghèo và xu hướng của các kỳ đó chưa theo số liệu mới."
    )
