"""Session 32: renamed and merged hamlets, the cases session 31 left.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200); Đồng Kè sends nothing. The plan is
revised in the year as an officer's district sends it: a hamlet renamed twice ('Nà Mòn' →
'Nà Mòn Mới' at April → 'Tân Mòn' at May), or renamed while another is merged into it.
"""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    new_commune,
    person,
    plan_hamlets,
    start_list,
    write_merged_plan,
    write_roster,
)
from tests.summaries import json_summary


def hamlet_in_summary(out, period: str, name: str) -> dict:
    return next(h for h in json_summary(out, period)["hamlets"] if h["hamlet"] == name)


def _nonzero(moves: dict) -> dict:
    return {kind: {k: v for k, v in moves[kind].items() if v} for kind in ("poor", "near_poor")}


def renamed_plan(folder, name: str) -> None:
    """The plan with 'Nà Mòn' written ``name`` in its targets table and its start list."""
    hamlets = [dict(h, hamlet=name) if h["hamlet"] == "Nà Mòn" else h for h in plan_hamlets()]
    start = [dict(r, hamlet=name) if r["hamlet"] == "Nà Mòn" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def write_na_mon_under(
    folder, period: str, hamlet: str, near: tuple[int, ...], name: str = ""
) -> None:
    """Nà Mòn's list of ``period`` under ``hamlet``: NM1-5 of 100, those of ``near`` near-poor,
    the others poor."""
    rows = [person(f"NM{i}", "near_poor" if i in near else "poor") for i in range(1, 6)]
    month = int(period[5:])
    write_roster(folder, name or f"NaMon_{period}.xlsx", hamlet, 100, rows, period=period,
                 prepared=date(2024, month + 1, 3))  # fmt: skip


def na_mon_run(folder, out, period: str, hamlet: str, near: tuple[int, ...], name: str = ""):
    """Nà Mòn's list of ``period`` written (:func:`_na_mon`) and the month run."""
    write_na_mon_under(folder, period, hamlet, near, name=name)
    execute(folder, out, period)


def renamed_twice(tmp_path):
    # March 'Nà Mòn': NM1-3 poor, NM4-5 near-poor (3.0 %, 2.0 % of 100). April's plan writes
    # 'Nà Mòn Mới': NM3 near-poor too (2.0 %, 3.0 %). May's plan writes 'Tân Mòn': NM2 near-poor
    # too (1.0 %, 4.0 %). Each month run as it comes, the heads' lists kept in the folder.
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    na_mon_run(folder, out, "2024-04", "Nà Mòn Mới", (3, 4, 5))
    renamed_plan(folder, "Tân Mòn")
    na_mon_run(folder, out, "2024-05", "Tân Mòn", (2, 3, 4, 5))
    return folder, out


# --- 1. a hamlet renamed twice in the year -----------------------------------------------------


def test_a_hamlet_renamed_twice_keeps_every_earlier_point_and_is_compared_with_last_month(
    tmp_path,
):
    folder, out = renamed_twice(tmp_path)
    said = [in_language(n, "vi") for n in NOTICES]
    assert any(
        "khác danh sách đã lưu: xóm 'Nà Mòn Mới' nay ghi là 'Tân Mòn' (5 hộ trong danh sách đầu "
        "năm)." in line
        for line in said
    ), said
    march = {"period": "2024-03", "poor_rate": 3.0, "near_poor_rate": 2.0}
    april = {"period": "2024-04", "poor_rate": 2.0, "near_poor_rate": 3.0}
    may = {"period": "2024-05", "poor_rate": 1.0, "near_poor_rate": 4.0}
    # May's March point was blank: April's trend has it under 'Nà Mòn Mới', not 'Tân Mòn'
    assert json_summary(out, "2024-05")["trend"]["hamlets"]["Tân Mòn"] == [march, april, may]
    # May since April, under April's name: poor 2, 1 to near-poor, 1; near-poor 3, 1 from poor, 4
    tan_mon = hamlet_in_summary(out, "2024-05", "Tân Mòn")
    assert tan_mon["movements_month_from"] is None
    assert _nonzero(tan_mon["movements_month"]) == {
        "poor": {"start": 2, "to_near_poor": 1, "end": 1},
        "near_poor": {"start": 3, "from_poor": 1, "end": 4},
    }
    # June as May: the points come on from May's trend
    na_mon_run(folder, out, "2024-06", "Tân Mòn", (2, 3, 4, 5))
    june = {"period": "2024-06", "poor_rate": 1.0, "near_poor_rate": 4.0}
    assert json_summary(out, "2024-06")["trend"]["hamlets"]["Tân Mòn"] == [march, april, may, june]


def test_a_late_list_under_the_name_the_hamlet_had_then_is_told_with_the_cell_to_correct(
    tmp_path,
):
    # After May, Nà Mòn's head sends March again with NM3 near-poor, 'Xóm' still 'Nà Mòn' (the
    # name then). May run again said nothing: the list names no hamlet of the plan. Now it is
    # told, both names, and the cell to write 'Tân Mòn' in, since March run with it as it is
    # would refuse it; done so, March counts the correction: 2 poor, 3 near-poor
    folder, out = renamed_twice(tmp_path)
    late = "NaMon_sua_2024-03.xlsx"
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (3, 4, 5), name=late)
    execute(folder, out, "2024-05")
    said = [n for n in NOTICES if "Có danh sách kỳ 03/2024" in in_language(n, "vi")]
    assert [in_language(n, "vi") for n in said] == [
        f"Có danh sách kỳ 03/2024 của xóm Tân Mòn (trước đây: Nà Mòn) ('{late}') khác với tệp "
        "đã dùng khi tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy sửa ô 'Xóm' "
        f"thành tên mới như trong kế hoạch (tệp '{late}' ghi 'Nà Mòn' ở ô B3 trang 'Thông tin', "
        "kế hoạch nay ghi là 'Tân Mòn') rồi chạy lại: giamngheo run --period 2024-03"
    ]
    assert in_language(said[0], "en") == (
        f"There is a 03/2024 list of Tân Mòn (formerly Nà Mòn) ('{late}') other than the file "
        "that period's run used (a corrected copy?). To count that period again, write the new "
        f"name, as the plan has it, in the 'Xóm' cell (file '{late}' says 'Nà Mòn' in cell B3 "
        "of sheet 'Thông tin', which the plan now writes 'Tân Mòn') and run again: giamngheo "
        "run --period 2024-03"
    )
    book = openpyxl.load_workbook(folder / late)
    book["Thông tin"]["B3"] = "Tân Mòn"
    book.save(folder / late)
    (folder / "NaMon_2024-03.xlsx").unlink()  # the first March list, put aside by the officer
    execute(folder, out, "2024-03")
    tan_mon = hamlet_in_summary(out, "2024-03", "Tân Mòn")
    assert (tan_mon["poor"], tan_mon["near_poor"]) == (2, 3)
    # April and May are named to run again; April's own list writes 'Nà Mòn Mới', its name then:
    # run as it is, April stops (session 31's refusal), so the notice says so first
    stale = next(n for n in NOTICES if in_language(n, "vi").startswith("Các kỳ sau"))
    assert in_language(stale, "vi") == (
        "Các kỳ sau (04/2024, 05/2024) đã được tổng hợp với số liệu cũ của kỳ 03/2024: biến "
        "động so với tháng trước, số hộ tái nghèo và xu hướng của các kỳ đó chưa theo số liệu mới. "
        "Danh sách của "
        "các kỳ đó còn ghi tên xóm cũ ở 'Xóm' (tệp 'NaMon_2024-04.xlsx' ghi 'Nà Mòn Mới' ở ô B3 "
        "trang 'Thông tin', kế hoạch nay ghi là 'Tân Mòn'): hãy sửa thành tên mới như trong kế "
        "hoạch trước, nếu không các kỳ đó sẽ dừng lại, không tính các danh sách đó. Hãy chạy lại "
        "các kỳ đó, theo thứ tự: giamngheo run --period 2024-04; giamngheo run --period 2024-05"
    )
    assert in_language(stale, "en") == (
        "Later periods (04/2024, 05/2024) were consolidated with this period's old figures: "
        "their changes since the previous month, households back in poverty (tái nghèo) and trend "
        "do not follow the new ones. Their "
        "lists still write a hamlet's old name in 'Xóm' (file 'NaMon_2024-04.xlsx' says 'Nà Mòn "
        "Mới' in cell B3 of sheet 'Thông tin', which the plan now writes 'Tân Mòn'): write the "
        "new name, as the plan has it, first, or those periods stop without counting them. Run "
        "those periods again, in order: giamngheo run --period 2024-04; giamngheo run --period "
        "2024-05"
    )
    # done so, April runs again and counts its list under the name now
    book = openpyxl.load_workbook(folder / "NaMon_2024-04.xlsx")
    book["Thông tin"]["B3"] = "Tân Mòn"
    book.save(folder / "NaMon_2024-04.xlsx")
    execute(folder, out, "2024-04")
    assert hamlet_in_summary(out, "2024-04", "Tân Mòn")["poor"] == 2


def test_a_late_list_under_the_name_then_alone_in_the_folder_is_told_with_the_cell_too(tmp_path):
    # The same late March list, the heads' first March list taken out of the folder: its codes
    # (NM1-5, Tân Mòn's on the start list) then tell its hamlet (consolidate.refused_by_codes),
    # and the notice gave the bare command, a run that refuses the list for its 'Xóm'
    folder, out = renamed_twice(tmp_path)
    (folder / "NaMon_2024-03.xlsx").unlink()
    late = "NaMon_sua_2024-03.xlsx"
    write_na_mon_under(folder, "2024-03", "Nà Mòn", (3, 4, 5), name=late)
    execute(folder, out, "2024-05")
    said = [in_language(n, "vi") for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")]
    assert said == [
        f"Có danh sách kỳ 03/2024 của xóm Tân Mòn (trước đây: Nà Mòn) ('{late}') khác với tệp "
        "đã dùng khi tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy sửa ô 'Xóm' "
        f"thành tên mới như trong kế hoạch (tệp '{late}' ghi 'Nà Mòn' ở ô B3 trang 'Thông tin', "
        "kế hoạch nay ghi là 'Tân Mòn') rồi chạy lại: giamngheo run --period 2024-03"
    ]


def test_a_late_list_under_the_name_now_or_of_a_month_between_the_renames(tmp_path):
    # April's list sent again under 'Nà Mòn Mới' (April's name), NM2 near-poor: told with the
    # cell, as March's; March's sent again under 'Tân Mòn' (the name now): the plain notice
    folder, out = renamed_twice(tmp_path)
    write_na_mon_under(folder, "2024-04", "Nà Mòn Mới", (2, 3, 4, 5), name="NaMon_sua_2024-04.xlsx")
    write_na_mon_under(folder, "2024-03", "Tân Mòn", (3, 4, 5), name="NaMon_sua_2024-03.xlsx")
    execute(folder, out, "2024-05")
    said = [in_language(n, "vi") for n in NOTICES if "Có danh sách kỳ" in in_language(n, "vi")]
    assert said == [
        "Có danh sách kỳ 03/2024 của xóm Tân Mòn (trước đây: Nà Mòn) ('NaMon_sua_2024-03.xlsx') "
        "khác với tệp đã dùng khi tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy "
        "chạy lại: giamngheo run --period 2024-03",
        "Có danh sách kỳ 04/2024 của xóm Tân Mòn (trước đây: Nà Mòn Mới) "
        "('NaMon_sua_2024-04.xlsx') khác với tệp đã dùng khi tổng hợp kỳ đó (có thể là bản sửa). "
        "Để tính lại kỳ đó, hãy sửa ô 'Xóm' thành tên mới như trong kế hoạch (tệp "
        "'NaMon_sua_2024-04.xlsx' ghi 'Nà Mòn Mới' ở ô B3 trang 'Thông tin', kế hoạch nay ghi "
        "là 'Tân Mòn') rồi chạy lại: giamngheo run --period 2024-04",
    ]
    # the heads' first lists, the files those months' runs had, are no late list
    assert not any("'NaMon_2024-0" in line for line in said)


# --- 2. renamed and merged at once -------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "renamed", "merged", "counts"),
    [
        # Nà Mòn renamed 'Nà Mòn Mới', Bản Cọ merged into it: its name is in the new one
        ("Nà Mòn Mới", "Nà Mòn", "Bản Cọ", (5, 3)),
        # Bản Cọ renamed 'Bản Cọ Mới', Nà Mòn merged into it: Bản Cọ is the one renamed though
        # Nà Mòn has more households (5 against 3)
        ("Bản Cọ Mới", "Bản Cọ", "Nà Mòn", (3, 5)),
    ],
)
def test_a_hamlet_renamed_with_another_merged_into_it_at_once(
    tmp_path, new, renamed, merged, counts
):
    # April: Nà Mòn NM1-3 poor, NM4-5 near-poor of 100; Bản Cọ BC1-2 poor, BC3 near-poor of
    # 200. May's plan writes both hamlets as ``new`` (one row: 300, 5 poor, 3 near-poor; NM1-5
    # and BC1-3 under it on the start list); its May list: NM1-3, BC1 poor, NM4-5, BC2-3
    # near-poor. May was compared with the plan's start list ('from' 'plan'), no merger known:
    # now with both hamlets' April rows, poor 3 + 2 = 5, 1 to near-poor, 4; near-poor 2 + 1 = 3,
    # 1 from poor, 4
    folder, out = new_commune(tmp_path)
    write_na_mon_under(folder, "2024-04", "Nà Mòn", (4, 5))
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-04.xlsx", "Bản Cọ", 200, ban, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    write_merged_plan(folder, new)
    rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    rows += [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    for period in ("2024-05", "2024-06"):
        month = int(period[5:])
        write_roster(folder, f"XomMoi_{period}.xlsx", new, 300, [dict(r) for r in rows],
                     period=period, prepared=date(2024, month + 1, 3))  # fmt: skip
    execute(folder, out, "2024-05")
    said = [in_language(n, "vi") for n in NOTICES]
    # the kept start list's note said "xóm 'Nà Mòn' nay ghi là '…' (8 hộ …)" of 5 + 3
    assert any(
        f"khác danh sách đã lưu: xóm '{renamed}' nay ghi là '{new}' ({counts[0]} hộ trong danh "
        f"sách đầu năm); xóm '{merged}' nay thuộc xóm '{new}' ({counts[1]} hộ trong danh sách "
        "đầu năm)." in line
        for line in said
    ), said
    figures = hamlet_in_summary(out, "2024-05", new)
    assert figures["movements_month_from"] is None
    assert figures["merged_from"] == [merged]
    assert _nonzero(figures["movements_month"]) == {
        "poor": {"start": 5, "to_near_poor": 1, "end": 4},
        "near_poor": {"start": 3, "from_poor": 1, "end": 4},
    }
    commune = json_summary(out, "2024-05")["totals"]["movements_month"]
    assert (commune["poor"]["start"], commune["poor"]["moved_in"]) == (5, 0)
    # The trend's April point is over both hamlets: (3 + 2) / (100 + 200) poor, (2 + 1) / 300
    # near-poor (it was blank); June's takes it from May's trend
    for period in ("2024-05", "2024-06"):
        if period == "2024-06":
            execute(folder, out, period)
        first = json_summary(out, period)["trend"]["hamlets"][new][0]
        assert first["period"] == "2024-04", period
        assert abs(first["poor_rate"] - 500 / 300) < 1e-9, period
        assert abs(first["near_poor_rate"] - 1.0) < 1e-9, period


# --- 3. renamed between two stored months, the month between never run --------------------------


def test_a_hamlet_renamed_across_a_month_never_run_keeps_its_points_and_says_why_no_month_table(
    tmp_path,
):
    # March 'Nà Mòn' (3.0 %, 2.0 % of 100); April's plan renames it; April is never run; May
    # under 'Nà Mòn Mới', NM3 near-poor (2.0 %, 3.0 %). May's trend had no March point (March's
    # trend has it under 'Nà Mòn' and last month, April, is not stored to tell the rename). May
    # is not compared with March as "since last month" (two months of changes): no month table
    # for any hamlet, and 'Biến động' says April is not in the history, as for any month skipped
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    na_mon_run(folder, out, "2024-05", "Nà Mòn Mới", (3, 4, 5))
    summary = json_summary(out, "2024-05")
    assert summary["trend"]["hamlets"]["Nà Mòn Mới"] == [
        {"period": "2024-03", "poor_rate": 3.0, "near_poor_rate": 2.0},
        {"period": "2024-05", "poor_rate": 2.0, "near_poor_rate": 3.0},
    ]
    assert summary["previous_period"] is None
    assert not hamlet_in_summary(out, "2024-05", "Nà Mòn Mới").get("movements_month")
    # the year's table is from the plan's start list (NM1-3 poor, NM4-5 near-poor): NM3 to
    # near-poor, poor 3 → 2, near-poor 2 → 3
    assert _nonzero(hamlet_in_summary(out, "2024-05", "Nà Mòn Mới")["movements"]) == {
        "poor": {"start": 3, "to_near_poor": 1, "end": 2},
        "near_poor": {"start": 2, "from_poor": 1, "end": 3},
    }
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    texts = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert (
        "Chưa có số liệu tháng 4/2024 trong lịch sử, nên chưa tính được biến động so với tháng "
        "trước." in texts
    )


def test_a_merger_across_a_month_never_run_is_known_to_the_trend(tmp_path):
    # April: Nà Mòn 3 poor, 2 near-poor of 100; Bản Cọ 2 poor, 1 near-poor of 200. May's plan
    # merges Bản Cọ into Nà Mòn (300, 5, 3); May is never run; June's Nà Mòn list holds both
    # (4 poor, 4 near-poor). June's trend had April as Nà Mòn's alone, 3.0 % / 2.0 %, beside
    # the merged start and June (no last month, so no merger known); now both hamlets' counts,
    # (3 + 2) / 300 = 1.67 %, (2 + 1) / 300 = 1.0 %, and `merged_from` says Bản Cọ
    folder, out = new_commune(tmp_path)
    write_na_mon_under(folder, "2024-04", "Nà Mòn", (4, 5))
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-04.xlsx", "Bản Cọ", 200, ban, period="2024-04",
                 prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    write_merged_plan(folder)
    for name in ("NaMon_2024-04.xlsx", "BanCo_2024-04.xlsx"):
        (folder / name).unlink()
    rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    rows += [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    write_roster(folder, "NaMon_2024-06.xlsx", "Nà Mòn", 300, rows, period="2024-06",
                 prepared=date(2024, 7, 3))  # fmt: skip
    execute(folder, out, "2024-06")
    assert hamlet_in_summary(out, "2024-06", "Nà Mòn")["merged_from"] == ["Bản Cọ"]
    april, june = json_summary(out, "2024-06")["trend"]["hamlets"]["Nà Mòn"]
    assert april["period"] == "2024-04"
    assert abs(april["poor_rate"] - 500 / 300) < 1e-9
    assert abs(april["near_poor_rate"] - 1.0) < 1e-9
    assert june["period"] == "2024-06"  # 4 / 300 both
    assert june["poor_rate"] == pytest.approx(400 / 300) == june["near_poor_rate"]
    assert json_summary(out, "2024-06")["previous_period"] is None  # no month table, as before
