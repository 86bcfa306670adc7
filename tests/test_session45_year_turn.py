"""Session 45: what session 44 left at the turn of the year (docs/decisions.md), tried as the
officer would. Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150. December
2024 is run under the 2024 plan; the 2025 plan renames Nà Mòn 'Nà Mòn Mới'
(tests.test_session43_l_year_turn's helpers)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

from pipeline.checkfiles import check_files
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import in_language
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.summaries import json_summary
from tests.test_session25_commune_merger import merger, write_merger_month
from tests.test_session43_l_year_turn import check_cli, notices_with, plan_2025, write_two_lists
from tests.test_session44_year_turn import run_stopped
from tests.test_session44_year_turn_more import year_blank

# --- (a) January stopped on next year's plan with 'Năm kế hoạch' blank ------------------------


def test_january_stopped_on_a_plan_with_its_year_blank_is_told_2025_needs_its_plan(tmp_path):
    """December 2024 run. The officer copies KeHoach_2024.xlsx to KeHoach_2025.xlsx, writes
    2025's hamlets and clears 'Năm kế hoạch' (B4) to fill it in later; January 2025's lists
    come. January takes that file (its name writes 2025; a plan saying no year counts as any
    year's) and stops: it cannot be used. Before this fix the stop and `check` said "hãy ghi
    năm, ví dụ 2024": written as said, the file is last year's plan and January still stops.
    Now they say to write this plan's year, the periods of 2025 needing the plan of 2025, in
    both languages: no example to copy into a plan left from last year."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    execute(folder, out, "2024-12")
    year_blank(folder)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    stop = run_stopped(folder, out, "2025-01")
    assert stop == (
        "KeHoach_2025.xlsx: 'Năm kế hoạch' (ô B4) trong trang 'Thông tin chung' đang trống; "
        "hãy ghi năm của kế hoạch này (các kỳ năm 2025 cần kế hoạch năm 2025)."
    )
    assert in_language(stop, "en").endswith(
        "is empty; write this plan's year (the periods of 2025 need the plan of 2025)."
    )
    [said] = [i for i in check_files([folder]) if i.code == "plan-invalid"]
    assert said.file == "KeHoach_2025.xlsx"
    assert said.message("vi").endswith(
        "đang trống; hãy ghi năm của kế hoạch này (các kỳ năm 2025 cần kế hoạch năm 2025)."
    )


# --- (b) `check` exits 1 when the history would stop a run ------------------------------------


def test_check_of_lists_a_run_would_stop_on_for_the_history_exits_1(tmp_path):
    """December 2024 run; then the history is made by a newer giamngheo (schema 9), as when
    the officer's other computer updated it. A run of December stops (exit 2) and says to
    update giamngheo. `check` of the folder says that first and checks the lists without the
    history: no error (the plans' 4 warnings). Before this fix it exited 0, "nothing to fix"
    to a script that checks before it runs, as session 44 found for a plan of another year.
    Now it exits 1; with the history as the run left it, 0."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    execute(folder, out, "2024-12")
    assert check_cli(folder, "--output", out).returncode == 0
    store = out / "lich-su.sqlite"
    with closing(sqlite3.connect(store)) as conn:
        conn.execute("PRAGMA user_version = 9")
    done = check_cli(folder, "--output", out)
    first, *_, last = done.stdout.splitlines()
    # an error line of its own, counted, since session 58 (D): "0 lỗi" beside exit 1 before
    assert first == (
        f"[LỖI] (history-unusable): Kho lịch sử '{store}' được tạo bởi phiên bản mới hơn (lược "
        "đồ 9); hãy cập nhật giamngheo. Khi tổng hợp (make hoặc giamngheo run), chương trình "
        "cũng sẽ dừng lại vì kho này, không ghi bảng tổng hợp. Các tệp dưới đây vẫn được kiểm "
        "tra, nhưng không so với các kỳ đã lưu."
    )
    assert last == "3 tệp, 1 lỗi, 2 cảnh báo."
    assert done.returncode == 1


# --- (c) within a year, a month run again names later months' households back in poverty -----


def test_march_run_again_names_may_for_its_households_back_in_poverty(tmp_path):
    """2024, the plan's start list: Đồng Kè DK1 poor. March, April and May run; Đồng Kè lists
    DK1 in March and April, DK1 and DK3 in May: DK3 new, never listed before, so returned 0.
    Đồng Kè's March list is sent again, corrected: DK1 and DK3. March is run again and names
    April and May to run again. Run again in order, April's DK3 has left (exited) and May's
    DK3 is back in poverty (tái nghèo): May's poor returned is 1. Before this fix the notice
    said only the "changes since the previous month and trend" were stale; now it names the
    households back in poverty too, as December run again does (session 44)."""
    folder, out = new_commune(tmp_path)

    def dong_ke(period: str, codes: list[str], prepared: date) -> None:
        rows = [person(code, "poor") for code in codes]
        write_roster(folder, f"DongKe_{period}.xlsx", "Đồng Kè", 150, rows, period, prepared)

    def returned() -> int:
        hamlets = json_summary(out, "2024-05")["hamlets"]
        return next(h for h in hamlets if h["hamlet"] == "Đồng Kè")["movements"]["poor"]["returned"]

    for month, codes in ((3, ["DK1"]), (4, ["DK1"]), (5, ["DK1", "DK3"])):
        period = f"2024-{month:02d}"
        write_two_lists(folder, period, "Nà Mòn", date(2024, month + 1, 3))
        dong_ke(period, codes, date(2024, month + 1, 4))
        execute(folder, out, period)
    assert returned() == 0
    dong_ke("2024-03", ["DK1", "DK3"], date(2024, 4, 20))
    execute(folder, out, "2024-03")
    [said] = notices_with("Các kỳ sau")
    assert in_language(said, "vi") == (
        "Các kỳ sau (04/2024, 05/2024) đã được tổng hợp với số liệu cũ của kỳ 03/2024: biến "
        "động so với tháng trước, số hộ tái nghèo và xu hướng của các kỳ đó chưa theo số liệu "
        "mới. Hãy chạy lại các kỳ đó, theo thứ tự: giamngheo run --period 2024-04; giamngheo "
        "run --period 2024-05"
    )
    assert in_language(said, "en") == (
        "Later periods (04/2024, 05/2024) were consolidated with this period's old figures: "
        "their changes since the previous month, households back in poverty (tái nghèo) and "
        "trend do not follow the new ones. Run those periods again, in order: giamngheo run "
        "--period 2024-04; giamngheo run --period 2024-05"
    )
    execute(folder, out, "2024-04")
    execute(folder, out, "2024-05")
    assert returned() == 1


# --- (d) both communes' plans kept, a month never run before the merger -----------------------


def test_a_month_never_run_before_a_merger_takes_the_old_communes_plan(tmp_path):
    """June 2025 run with Trung Lương's plan (target 0,5), July with Định Hóa's (the merger of
    1 July, session 25; target 1,0, Khuôn Tát added); both plans stay in the folder, as the
    warning asks. May's lists of Trung Lương come late, May never run. Before this fix May
    took the plan saved last: Định Hóa, Khuôn Tát missing ("complete": false), target 1,0.
    A merger comes after the merged communes' months: May, before June run for Trung Lương,
    is Trung Lương's. Now May takes Trung Lương's plan: Nà Mòn (NM1, NM2 poor) and Bản Cọ
    (BC1, BC2 poor), 100 + 200 = 300 households, 4 poor, complete, target 0,5; Định Hóa's
    plan set aside. August, never run, after July, still takes Định Hóa's (the plan saved
    last)."""
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    write_merger_month(folder, 5)
    may, _, _ = execute(folder, out, "2025-05")
    assert may.summary["commune"] == "Trung Lương"
    assert [h["hamlet"] for h in may.summary["hamlets"]] == ["Nà Mòn", "Bản Cọ"]
    totals = may.summary["totals"]
    assert (totals["households"], totals["poor"], totals["poor_target"]) == (300, 4, 0.5)
    assert may.summary["complete"] is True
    [said] = [i for i in may.issues if i.code == "plan-duplicate"]
    assert (said.file, said.detail, said.variant) == (
        "KeHoach_2025_DinhHoa.xlsx",
        "KeHoach_2025.xlsx",
        "commune-not-run",  # May never run (session 46)
    )
    write_merger_month(folder, 8)
    august, _, _ = execute(folder, out, "2025-08")
    assert august.summary["commune"] == "Định Hóa"


def test_check_of_a_month_never_run_before_a_merger_checks_it_with_the_old_communes_plan(
    tmp_path,
):
    """The folder of the test above: June run for Trung Lương, July for Định Hóa, both plans
    kept, May's lists come late. `check` of the two plans and May's lists with the history
    took the plan saved last, Định Hóa's: it told each May list that 'Trung Lương' in 'Xã'
    (B2) is the name before the merger and to write 'Định Hóa' from now on, which May's run
    (Trung Lương's plan since the fix above) would then warn of. A run and `check` take the
    plan by one rule: now `check` takes Trung Lương's for May, as May's run does, and says
    only the plan set aside (Định Hóa's). The same for June's lists (a month run again), which
    `check` ranked without the history before."""
    folder, out, _ = merger(tmp_path)
    execute(folder, out, "2025-07")
    write_merger_month(folder, 5)
    history = HistoryStore(out / HISTORY_FILE, read_only=True)
    for month in (5, 6):
        files = [folder / "KeHoach_2025.xlsx", folder / "KeHoach_2025_DinhHoa.xlsx",
                 *sorted(folder.glob(f"*_2025-{month:02d}.xlsx"))]  # fmt: skip
        found = [(i.code, i.file, i.variant) for i in check_files(files, "vi", history)]
        variant = "commune-not-run" if month == 5 else "commune"  # May never run (session 46)
        assert found == [("plan-duplicate", "KeHoach_2025_DinhHoa.xlsx", variant)]


# --- (e) `check` with next year's plan unusable: the lists are not to be corrected by last year's


def test_check_with_the_years_plan_unusable_says_not_to_correct_the_lists_by_last_years(tmp_path):
    """The 2024 plan, KeHoach_2025.xlsx with 'Năm kế hoạch' blank, and January 2025's lists,
    Nà Mòn's written 'Nà Mòn Mới' as the 2025 plan has it. `check` cannot use the 2025 file
    (plan-invalid) and checks the lists with the 2024 plan, which refuses 'Nà Mòn Mới' and tells
    its head to write 'Nà Mòn' (unknown-hamlet at B3). Before this fix nothing said the lists
    were compared with last year's plan: done as told, January's list writes last year's name,
    which the 2025 plan refuses. Now a note before the total says so, and to correct the plan
    file first, in both languages; exit 1 (2 errors) as before. With the year written, no note
    and no error."""
    folder, _ = new_commune(tmp_path)
    year_blank(folder)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    done = check_cli(folder)
    lines = done.stdout.splitlines()
    assert "NaMon_2025-01.xlsx, Thông tin, B3" in lines[0]
    assert lines[-2:] == [
        "Lưu ý: tệp kế hoạch 'KeHoach_2025.xlsx', lấy cho năm 2025, chưa dùng được (xem lỗi của "
        "tệp đó), nên tên xóm, số hộ và danh sách đầu năm của các danh sách năm 2025 được so với "
        "kế hoạch 'KeHoach_2024.xlsx' của năm 2024. Đừng sửa các danh sách theo kế hoạch năm "
        "2024: hãy sửa tệp 'KeHoach_2025.xlsx' trước rồi kiểm tra lại.",
        "4 tệp, 2 lỗi, 2 cảnh báo.",
    ]
    assert done.returncode == 1
    english = check_cli(folder, "--lang", "en").stdout.splitlines()
    assert english[-2] == (
        "Note: plan file 'KeHoach_2025.xlsx', taken for 2025, cannot be used yet (see that "
        "file's error), so the hamlet names, household counts and start-of-year list of the 2025 "
        "lists are compared with plan 'KeHoach_2024.xlsx' of 2024. Do not correct the lists by "
        "the 2024 plan: correct 'KeHoach_2025.xlsx' first and check again."
    )
    plan_2025(folder)
    done = check_cli(folder)
    # (the 2024 plan, no list of its year, said by nothing, as in the run: session 64 H2)
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "4 tệp, 0 lỗi, 2 cảnh báo.")
    assert "Lưu ý" not in done.stdout
