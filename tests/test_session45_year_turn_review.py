"""Session 45: the review of the session's year-turn changes (docs/decisions.md, "review of
the session's year-turn changes"), tried as the officer would. Each defect found pinned by a
small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150, its 2024
plan; the merger of 1 July 2025 is session 25's: Trung Lương (Nà Mòn, Bản Cọ) joins Định Hóa,
whose plan adds Khuôn Tát."""

from __future__ import annotations

import os
from datetime import date

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import in_language
from pipeline.run import execute
from tests.commune import new_commune
from tests.test_session25_commune_merger import (
    CODES,
    NEW,
    OLD,
    merger,
    old_commune_month,
    write_merger_month,
    write_merger_plan,
)
from tests.test_session43_l_year_turn import write_two_lists
from tests.test_session44_year_turn import run_stopped
from tests.test_session44_year_turn_more import year_blank


def _history(out):
    return HistoryStore(out / HISTORY_FILE, read_only=True)


def _month_files(folder, month: str) -> list:
    """The plans and the lists of month ``month`` of 2025, as `check` is given them."""
    return [*sorted(folder.glob("KeHoach_*.xlsx")), *sorted(folder.glob(f"*_2025-{month}.xlsx"))]


def _set_aside(issues) -> list[tuple]:
    """The plans set aside (plan-duplicate): file, the plan taken, why."""
    return [(i.file, i.detail, i.variant) for i in issues if i.code == "plan-duplicate"]


# --- (a) December 2024 stopped on next year's plan with 'Năm kế hoạch' blank -------------------


def old_plan_unusable(folder) -> None:
    """Trung Lương's plan with its commune's name blanked (B3), its time kept: unusable, still
    the older of the two plans (shared with tests/test_session46_plan_pick.py)."""
    plan = folder / "KeHoach_2025.xlsx"
    saved = plan.stat().st_mtime
    book = openpyxl.load_workbook(plan)
    book["Thông tin chung"]["B3"] = None
    book.save(plan)
    os.utime(plan, (saved, saved))


def test_december_stopped_on_next_years_plan_with_its_year_blank_is_not_told_to_write_2024(
    tmp_path,
):
    """The officer prepares the 2025 plan early: a copy of the 2024 plan, saved later as
    'KeHoach_moi.xlsx' (no year in its name), 'Năm kế hoạch' (B4) cleared to fill in later.
    December 2024's lists come. December takes the file saved last (a plan saying no year
    counts as any year's) and stops: it cannot be used. Before this fix the stop and `check`
    said "hãy ghi năm, ví dụ 2024" (the example year, the year of the period): written as
    said, the 2025 plan is a 2024 plan saved last, and December counts with next year's
    figures. January 2025 was already told the year its periods need, not an example (this
    session); now December is told the same for 2024, in both languages."""
    folder, out = new_commune(tmp_path)
    year_blank(folder)
    os.rename(folder / "KeHoach_2025.xlsx", folder / "KeHoach_moi.xlsx")
    saved = (folder / "KeHoach_2024.xlsx").stat().st_mtime + 60
    os.utime(folder / "KeHoach_moi.xlsx", (saved, saved))
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    stop = run_stopped(folder, out, "2024-12")
    assert stop.startswith(
        "KeHoach_moi.xlsx: 'Năm kế hoạch' (ô B4) trong trang 'Thông tin chung' đang trống; "
        "hãy ghi năm của kế hoạch này (các kỳ năm 2024 cần kế hoạch năm 2024). (Tệp kế hoạch "
        "mới nhất là 'KeHoach_moi.xlsx'; tệp cũ hơn 'KeHoach_2024.xlsx' không được dùng thay."
    )
    assert "is empty; write this plan's year (the periods of 2024 need the plan of 2024). (" in (
        in_language(stop, "en")
    )
    [said] = [i for i in check_files([folder]) if i.code == "plan-invalid"]
    assert said.file == "KeHoach_moi.xlsx"
    # the run's words (session 47: `check` says what the run stops with, the older plan not
    # used in its place)
    assert said.message("vi") == "Kế hoạch không hợp lệ: " + stop.removeprefix("KeHoach_moi.xlsx: ")


# --- (b) two mergers in a year: a month never run between two communes' months ----------------


def test_a_month_never_run_between_two_communes_months_is_not_taken_by_a_later_merger(
    tmp_path, monkeypatch
):
    """Session 25's merger: June 2025 run for Trung Lương, July's lists and Định Hóa's plan
    (Khuôn Tát added) come; August run for Định Hóa. A second merger: Phú Lương's plan (Định
    Hóa's hamlets and Phú Hội, 80 households, target 2,0) saved last, November run for Phú
    Lương. July, never run, is between June (Trung Lương) and August (Định Hóa). Before this
    fix it took the plan saved last: Phú Lương's, whose months begin after August's, Phú Hội
    missing ("complete": false), target 2,0. Now it takes the commune of the month after it,
    Định Hóa (July of session 25: 420 households, 7 poor, complete, target 1,0), Phú Lương's
    plan set aside; `check` of July's lists with the history takes the same plan."""
    monkeypatch.setitem(CODES, "Phú Hội", "PH")
    folder, out, _ = merger(tmp_path)
    write_merger_month(folder, 8)
    assert execute(folder, out, "2025-08")[0].summary["commune"] == "Định Hóa"
    write_merger_plan(folder / "KeHoach_2025_PhuLuong.xlsx", "Phú Lương", [*NEW, ("Phú Hội", 80, 1, 1, 1, 1)],
          (2.0, 1.0), 1_753_000_000)  # fmt: skip
    write_merger_month(folder, 11)
    assert execute(folder, out, "2025-11")[0].summary["commune"] == "Phú Lương"
    checked = _set_aside(check_files(_month_files(folder, "07"), "vi", _history(out)))
    july, _, _ = execute(folder, out, "2025-07")
    assert july.summary["commune"] == "Định Hóa"
    totals = july.summary["totals"]
    assert (totals["households"], totals["poor"], totals["poor_target"]) == (420, 7, 1.0)
    assert july.summary["complete"] is True
    said = _set_aside(july.issues)
    assert (
        sorted(said)
        == sorted(checked)
        == [
            # Trung Lương's: July may be its own, how to count it so said (session 46)
            ("KeHoach_2025.xlsx", "KeHoach_2025_DinhHoa.xlsx", "commune-not-run-unsure"),
            ("KeHoach_2025_PhuLuong.xlsx", "KeHoach_2025_DinhHoa.xlsx", "commune-not-run"),
        ]
    )


# --- (c) the old commune's plan saved again after the merger ----------------------------------


def test_a_new_month_after_the_merger_is_not_taken_by_the_old_plan_saved_again(tmp_path):
    """June 2025 run for Trung Lương, July for Định Hóa (session 25's merger), both plans kept.
    The officer opens Trung Lương's plan to look at it and saves it again: it is now the plan
    saved last. August's lists come (Nà Mòn, Bản Cọ and Khuôn Tát, as July's). Before this fix
    August, never run, took the plan saved last: Trung Lương's, a commune merged since July,
    Khuôn Tát refused, 300 households, target 0,5. The history says Trung Lương's months end
    before Định Hóa's: now August takes Định Hóa's plan (July's figures of session 25: 420
    households, 7 poor, complete, target 1,0), Trung Lương's set aside; `check` of August's
    lists with the history takes the same. May, never run before June, still Trung Lương's."""
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    saved = (folder / "KeHoach_2025_DinhHoa.xlsx").stat().st_mtime + 600
    os.utime(folder / "KeHoach_2025.xlsx", (saved, saved))
    write_merger_month(folder, 8)
    checked = _set_aside(check_files(_month_files(folder, "08"), "vi", _history(out)))
    august, _, _ = execute(folder, out, "2025-08")
    assert august.summary["commune"] == "Định Hóa"
    totals = august.summary["totals"]
    assert (totals["households"], totals["poor"], totals["poor_target"]) == (420, 7, 1.0)
    assert august.summary["complete"] is True
    said = _set_aside(august.issues)
    assert (
        said
        == checked
        == [
            ("KeHoach_2025.xlsx", "KeHoach_2025_DinhHoa.xlsx", "commune-not-run")  # session 46
        ]
    )
    write_merger_month(folder, 5)
    assert execute(folder, out, "2025-05")[0].summary["commune"] == "Trung Lương"


# --- (d) the old commune's plan kept but unusable ----------------------------------------------


def test_june_run_again_with_the_old_communes_plan_unusable_stops_not_rewritten_as_the_new(
    tmp_path,
):
    """June 2025 run for Trung Lương, July for Định Hóa, both plans kept. A late list for June
    comes, and Trung Lương's plan has its 'Xã' (B3) cleared by mistake. Before this fix June
    run again took Định Hóa's plan, the only one usable: June's report was rewritten as Định
    Hóa's, Khuôn Tát missing ("complete": false), the plan's error not said. Now the run stops
    (June stays as stored) with that plan's error, June's commune and that Định Hóa's plan is
    not used in its place, in both languages. May, never run before June, the same."""
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    old_plan_unusable(folder)
    stop = run_stopped(folder, out, "2025-06")
    assert stop == (
        "KeHoach_2025.xlsx: ô 'Xã' trong trang 'Thông tin chung' đang trống. (Kỳ tháng 6/2025 "
        "đã được tổng hợp theo xã 'Trung Lương' nhưng không có tệp kế hoạch nào của xã đó dùng "
        "được; kế hoạch 'KeHoach_2025_DinhHoa.xlsx' của xã 'Định Hóa' không được dùng thay.) "
        "Hãy sửa tệp 'KeHoach_2025.xlsx' rồi chạy lại: giamngheo run --period 2025-06"
    )
    assert in_language(stop, "en").endswith(
        "(Month 6/2025 was consolidated for commune 'Trung Lương', but no plan of that commune "
        "can be used; plan 'KeHoach_2025_DinhHoa.xlsx' of commune 'Định Hóa' is not used in its "
        "place.) Correct 'KeHoach_2025.xlsx' and run again: giamngheo run --period 2025-06"
    )
    june = _history(out).periods()[0]
    assert (june["period"], june["commune"], june["complete"]) == ("2025-06", "Trung Lương", True)
    write_merger_month(folder, 5)
    assert run_stopped(folder, out, "2025-05") == stop.replace("2025-06", "2025-05")


def test_a_month_never_run_takes_the_plan_saved_last_when_the_other_only_mistyped_the_commune(
    tmp_path,
):
    """Not a merger: March 2025 run with Trung Lương's plan; a copy saved later writes the
    commune 'Trung Lưng' (mistyped; the same hamlets), and May is run with it. The officer
    saves the right plan again, last. April (between March and May) and June (after May),
    never run, take the plan saved last, 'Trung Lương', as before this session: the two plans
    are one commune's (the same hamlets), so neither rule of the tests above holds (they hold
    only between two communes' plans). Their first versions took the mistyped plan (1 case:
    April and June)."""
    folder, out, _ = old_commune_month(tmp_path, 3)
    write_merger_plan(
        folder / "KeHoach_2025_sua.xlsx", "Trung Lưng", OLD, (0.5, 0.3), 1_750_500_000
    )
    write_merger_month(folder, 5)
    assert execute(folder, out, "2025-05")[0].summary["commune"] == "Trung Lưng"
    os.utime(folder / "KeHoach_2025.xlsx", (1_751_000_000, 1_751_000_000))
    for month in (4, 6):
        write_merger_month(folder, month)
        run, _, _ = execute(folder, out, f"2025-{month:02d}")
        assert run.summary["commune"] == "Trung Lương"


def test_a_month_of_a_commune_whose_name_the_plan_corrected_runs_beside_a_broken_copy(tmp_path):
    """Not a merger: June 2025 run with a plan writing the commune 'Trung Lưng' (mistyped).
    The officer corrects 'Xã' to 'Trung Lương' in that plan; an older copy of it, its 'Xã'
    cleared, lies in the folder. June run again takes the corrected plan (the same hamlets as
    June's report: one commune), as before this session, and does not stop on the copy: the
    stop of the test above holds only when no usable plan has the month's hamlets. Its first
    version stopped (1 case)."""
    folder = tmp_path / "input"
    folder.mkdir()
    out = tmp_path / "output"
    plan = folder / "KeHoach_2025.xlsx"
    write_merger_plan(plan, "Trung Lưng", OLD, (0.5, 0.3), 1_750_000_000)
    write_merger_month(folder, 6)
    assert execute(folder, out, "2025-06")[0].summary["commune"] == "Trung Lưng"
    write_merger_plan(
        folder / "KeHoach_2025 - Copy.xlsx", "Trung Lương", OLD, (0.5, 0.3), 1_749_000_000
    )
    book = openpyxl.load_workbook(folder / "KeHoach_2025 - Copy.xlsx")
    book["Thông tin chung"]["B3"] = None
    book.save(folder / "KeHoach_2025 - Copy.xlsx")
    os.utime(folder / "KeHoach_2025 - Copy.xlsx", (1_749_000_000, 1_749_000_000))
    write_merger_plan(plan, "Trung Lương", OLD, (0.5, 0.3), 1_750_100_000)
    june, _, _ = execute(folder, out, "2025-06")
    assert june.summary["commune"] == "Trung Lương"
    assert june.summary["totals"]["poor"] == 4
