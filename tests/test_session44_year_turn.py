"""Session 44: the commune officer across the turn of the year, what session 43 left (QA).
Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150. December
2024 is run under the 2024 plan; the 2025 plan renames Nà Mòn 'Nà Mòn Mới'
(tests.test_session43_l_year_turn's helpers)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.messages import in_language
from pipeline.run import FatalError, execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_roster
from tests.summaries import json_summary
from tests.test_session43_l_year_turn import (
    BOTH_PLANS_WARNINGS,
    OTHER_YEAR_VI,
    ROOT,
    both_months_checked,
    check_cli,
    checked,
    counted,
    december_then_january,
    late_dong_ke,
    notices_with,
    plan_2025,
    write_two_lists,
)
from tests.test_session43_o_year_turn_review import LATER_PERIODS_VI


def _december_without_na_mon(folder, out):
    """December 2024 run with Bản Cọ and Đồng Kè's lists alone (Nà Mòn silent), then the 2025
    plan put in the folder; returns January's folder 'T1_2025', made empty."""
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    (folder / "NaMon_2024-12.xlsx").unlink()
    execute(folder, out, "2024-12")
    plan_2025(folder)
    january = folder / "T1_2025"
    january.mkdir()
    return january


def year_mistyped(folder) -> None:
    """KeHoach_2025.xlsx (the 2025 plan, :func:`_plan_2025`) whose 'Năm kế hoạch' still says
    2024: the officer copied last year's plan and forgot that cell."""
    plan_2025(folder)
    path = folder / "KeHoach_2025.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin chung"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Năm kế hoạch")
    sheet.cell(row, 2).value = 2024
    book.save(path)


# --- 1. `check` of January's lists with the 2025 plan saying 2024 -----------------------------

MISTYPED_VI = (
    " Tệp 'KeHoach_2025.xlsx' mang tên năm 2025: nếu đó là kế hoạch năm 2025 mà ô 'Năm kế hoạch' "
    "(trang 'Thông tin chung') ghi nhầm 2024, hãy sửa ô đó thành 2025 rồi kiểm tra lại."
)
MISTYPED_EN = (
    " File 'KeHoach_2025.xlsx' is named for 2025: if it is the 2025 plan with 'Năm kế hoạch' "
    "(sheet 'Thông tin chung') mistyped 2024, correct that cell to 2025 and check again."
)


def test_check_with_the_2025_plan_saying_2024_says_to_correct_its_year(tmp_path):
    """The folder holds the 2024 plan, the 2025 plan whose 'Năm kế hoạch' says 2024, and
    January 2025's lists (Nà Mòn's written 'Nà Mòn Mới', as the 2025 plan has it). A run of
    January stops: no plan of 2025, and says to correct 'Năm kế hoạch' if that file is the 2025
    plan. Before, `check` said only to put the 2025 plan in the input folder: the officer sees
    KeHoach_2025.xlsx there. Now its note says the file is named for 2025 and to correct its
    'Năm kế hoạch' to 2025 if it is that plan, in both languages. No error (the lists' names
    are those of the file taken); exit 1 since this session's fix of `check`'s exit (a run
    stops: tests.test_session44_year_turn_more); corrected, no note."""
    folder, _ = new_commune(tmp_path)
    year_mistyped(folder)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    done = check_cli(folder)
    other = OTHER_YEAR_VI.replace("'KeHoach_2024.xlsx'", "'KeHoach_2025.xlsx'")
    assert done.returncode == 1
    assert done.stdout.splitlines()[-2:] == [other + MISTYPED_VI, "4 tệp, 1 lỗi, 4 cảnh báo."]
    english = check_cli(folder, "--lang", "en").stdout.splitlines()
    assert english[-2].endswith("and check again." + MISTYPED_EN)
    plan_2025(folder)
    done = check_cli(folder)
    # (the 2024 plan, no list of its year, said by nothing, as in the run: session 64 H2)
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "4 tệp, 0 lỗi, 2 cảnh báo.")
    assert "Lưu ý" not in done.stdout


# --- 2. both plans deleted: the copy kept with the year's months is named --------------------


def run_stopped(folder, out, period: str) -> str:
    with pytest.raises(FatalError) as stop:
        execute(folder, out, period)
    return str(stop.value)


def test_both_plans_deleted_the_stop_names_the_copy_kept_with_the_years_months(tmp_path):
    """December 2024 and January 2025 run (:func:`december_then_january`), then the officer
    deletes both plans from the input folder; February's lists come (Nà Mòn Mới NM1-3 poor,
    NM4 near-poor; Bản Cọ as in January). Before, every run stopped with "Không tìm thấy tệp
    kế hoạch" alone. Now the stop names the plan copy kept with the period's own run (December:
    2024's; January: 2025's), and for February, never run, the one kept with the latest month
    of 2025 run (January's), in both languages; `check` with the history says it after its
    note of no plan (session 44 too). Copied back, February counts Nà Mòn Mới 3 poor and 1
    near-poor, Bản Cọ 2 and 1; the copy kept stays as it was."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    for plan in folder.glob("KeHoach_*.xlsx"):
        plan.unlink()
    write_two_lists(folder, "2025-02", "Nà Mòn Mới", date(2025, 3, 3), nm=4)
    none = "Không tìm thấy tệp kế hoạch "
    kept = {p: out / p / "nguon" / f"KeHoach_{p[:4]}.xlsx" for p in ("2024-12", "2025-01")}
    for period, used, month in (("2025-02", "2025-01", "01/2025"),
                                ("2025-01", "2025-01", "01/2025"),
                                ("2024-12", "2024-12", "12/2024")):  # fmt: skip
        assert run_stopped(folder, out, period) == (
            f"{none}trong thư mục đầu vào. Kế hoạch đã dùng khi tổng hợp kỳ {month} được giữ ở "
            f"'{kept[used]}': hãy chép (không chuyển) tệp đó vào thư mục đầu vào rồi chạy lại."
        )
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(folder),
                           "--output", str(out), "--lang", "en", "--quiet"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert (
        "No plan file was found in the input "
        f"folder. The plan period 01/2025 was consolidated with is kept as '{kept['2025-01']}': "
        "copy (do not move) that file into the input folder and run again."
    ) in done.stdout + done.stderr
    # `check` with the history says the same after its note of no plan among the files
    lines = check_cli(folder, "--output", out).stdout.splitlines()
    assert lines[-2].startswith("Lưu ý: không có tệp kế hoạch trong các tệp được kiểm tra")
    # (the folder checked whole: its run stops, said since session 57; the plan to be copied
    # there, not added to the check command, since H4; on an error line of its own above the
    # note, counted, since session 58's D)
    assert lines[-3] == (
        f"[LỖI] (plan-missing): Thư mục '{folder}' không có tệp kế hoạch: khi tổng hợp (make "
        "hoặc giamngheo run), chương trình sẽ dừng lại, không ghi bảng tổng hợp. Hãy chép tệp kế "
        "hoạch của xã (KeHoach_YYYY.xlsx) vào thư mục đó rồi kiểm tra lại."
    )
    assert lines[-2].endswith(
        "từ chối khi tổng hợp). Kế hoạch đã dùng khi tổng hợp kỳ 01/2025 được giữ ở "
        f"'{kept['2025-01']}': hãy chép (không chuyển) tệp đó vào thư mục đầu vào rồi chạy lại."
    )
    before = kept["2025-01"].read_bytes()
    shutil.copy2(kept["2025-01"], folder / "KeHoach_2025.xlsx")
    execute(folder, out, "2025-02")
    assert counted(out, "2025-02") == {
        "Nà Mòn Mới": ("ok", 3, 1),
        "Bản Cọ": ("ok", 2, 1),
        "Đồng Kè": ("missing", None, None),
    }
    assert kept["2025-01"].read_bytes() == before


def test_january_run_again_with_last_years_plan_alone_names_januarys_copy(tmp_path):
    """December 2024 and January 2025 run; the folder kept the 2024 plan beside the 2025 one,
    as the README says, so January's run recorded both (2025's used, 2024's set aside). The
    officer deletes KeHoach_2025.xlsx and runs January again: it stops, the plan left being of
    2024. Before, the stop named no copy: the history's plan of January was the first by name,
    the 2024 plan set aside, of which January kept no copy. Now it names January's own kept
    2025 plan."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    (folder / "KeHoach_2025.xlsx").unlink()
    kept = out / "2025-01" / "nguon" / "KeHoach_2025.xlsx"
    assert run_stopped(folder, out, "2025-01").endswith(
        "Kế hoạch đã dùng khi tổng hợp kỳ 01/2025 được giữ ở "
        f"'{kept}': hãy chép (không chuyển) tệp đó vào thư mục đầu vào rồi chạy lại."
    )


# --- 3. December run again with the 2025 plan saying 2024 in the folder -----------------------


def test_december_run_again_beside_the_2025_plan_saying_2024_takes_the_2024_plan(tmp_path):
    """December 2024 run (Nà Mòn 3 poor 2 near-poor, Bản Cọ 2 and 1; Đồng Kè silent). The
    officer puts in KeHoach_2025.xlsx, 'Năm kế hoạch' left at 2024 (:func:`_year_mistyped`;
    it renames Nà Mòn 'Nà Mòn Mới'); January stops and says to correct it. Đồng Kè's December
    list comes late (DK1 poor) and December is run again. Before, December took the newest
    plan of '2024', the 2025 one: it stopped, saying December's Nà Mòn list writes the old name
    and to write 'Nà Mòn Mới' in it (next year's name; without a rename it counted December
    with 2025's start and targets). Now December takes KeHoach_2024.xlsx, named for its year:
    Nà Mòn 3 and 2, Bản Cọ 2 and 1, Đồng Kè 1 and 0; start 6 poor of 450 households; the 2025
    file is set aside with a warning that names its year and says to correct its cell."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    execute(folder, out, "2024-12")
    year_mistyped(folder)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    assert "Chỉ sửa 'Năm kế hoạch' nếu 'KeHoach_2025.xlsx'" in run_stopped(folder, out, "2025-01")
    late_dong_ke(folder)
    execute(folder, out, "2024-12")
    assert counted(out, "2024-12") == {
        "Nà Mòn": ("ok", 3, 2),
        "Bản Cọ": ("ok", 2, 1),
        "Đồng Kè": ("ok", 1, 0),
    }
    totals = json_summary(out, "2024-12")["totals"]
    assert (totals["start_poor"], totals["start_households"]) == (6, 450)
    book = openpyxl.load_workbook(out / "2024-12" / "TongHop_2024-12.xlsx", read_only=True)
    said = [row for row in book["Lỗi dữ liệu"].iter_rows(values_only=True)
            if "plan-duplicate" in row]  # fmt: skip
    assert [(row[2], row[7], row[-1]) for row in said] == [
        (
            "KeHoach_2025.xlsx",
            "2025",
            "Tệp kế hoạch này mang tên năm 2025 nhưng ô 'Năm kế hoạch' (trang 'Thông tin chung') "
            "ghi năm của kỳ này, nên có hai tệp kế hoạch của cùng năm; đã dùng "
            "'KeHoach_2024.xlsx', tệp mang tên đúng năm, không dùng tệp này. Nếu tệp này là kế "
            "hoạch năm 2025, hãy sửa ô 'Năm kế hoạch' thành 2025 (các kỳ năm 2025 cần nó), và "
            "đừng xóa 'KeHoach_2024.xlsx'.",
        )
    ]
    screen = subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(folder),
                             "--output", str(out), "--period", "2024-12"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert [line for line in screen.stdout.splitlines() if line.startswith("Kế hoạch:")] == [
        "Kế hoạch: dùng 'KeHoach_2024.xlsx', để riêng 'KeHoach_2025.xlsx' — tệp này mang tên năm "
        "2025 nhưng 'Năm kế hoạch' ghi năm của kỳ này: nếu đó là kế hoạch năm 2025, hãy sửa ô đó "
        "thành 2025 (xem trang 'Lỗi dữ liệu')"
    ]


def test_check_of_the_folder_with_the_2025_plan_saying_2024_checks_december_with_2024s(tmp_path):
    """The folder in January: the 2024 plan, the 2025 plan saying 2024, December's lists
    (Nà Mòn written 'Nà Mòn', the 2024 name) and January's ('Nà Mòn Mới'). A run of December
    counts every December list (the test above). Before, `check` took the 2025 file for every
    list and refused December's Nà Mòn list (unknown-hamlet at B3, telling the head to write
    'Nà Mòn Mới'): exit 1. Now December's lists are checked with the 2024 plan, January's with
    the file named for 2025: only the plans' own warnings; the note on that file's year is
    said (the first test)."""
    folder, _ = new_commune(tmp_path)
    year_mistyped(folder)
    found = both_months_checked(folder)
    assert found == BOTH_PLANS_WARNINGS


# --- 4. January's list with 'Kỳ báo cáo' left at December, under next year's name ------------


def test_januarys_list_with_its_month_left_at_december_is_no_list_of_december(tmp_path):
    """December 2024 run without Nà Mòn (Bản Cọ alone sent). The 2025 plan renames Nà Mòn 'Nà
    Mòn Mới'. Nà Mòn's head copies last month's file for January: 'T1_2025/NaMon_2025-01.xlsx',
    'Xóm' 'Nà Mòn Mới', NM1-3 poor, NM4 near-poor, 'Kỳ báo cáo' left at 12/2024. January's run
    says Nà Mòn Mới not received and the cell to correct (as before). Đồng Kè's December list
    comes late and December is run again. Before, December took the file for Nà Mòn's refused
    December list (an unknown-hamlet error, the feedback asking the head to write 'Nà Mòn':
    done so, January's households would be counted in December). Now it is January's list,
    'Khác kỳ (tháng 1/2025)' on 'Nộp báo cáo': Nà Mòn not received, no error, no feedback.
    `check` of the folder said the unknown-hamlet error too; now the cell to correct, as
    January's run says it."""
    folder, out = new_commune(tmp_path)
    january = _december_without_na_mon(folder, out)
    write_two_lists(january, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    rows = [person(f"NM{i}", "poor" if i <= 3 else "near_poor") for i in range(1, 5)]
    write_roster(january, "NaMon_2025-01.xlsx", "Nà Mòn Mới", 100, rows, "2024-12",
                 date(2025, 2, 3))  # fmt: skip
    execute(folder, out, "2025-01")
    assert counted(out, "2025-01")["Nà Mòn Mới"] == ("missing", None, None)
    late_dong_ke(folder)
    execute(folder, out, "2024-12")
    assert counted(out, "2024-12") == {
        "Nà Mòn": ("missing", None, None),
        "Bản Cọ": ("ok", 2, 1),
        "Đồng Kè": ("ok", 1, 0),
    }
    assert json_summary(out, "2024-12")["issues"]["errors"] == 0
    book = openpyxl.load_workbook(out / "2024-12" / "TongHop_2024-12.xlsx", read_only=True)
    rows = [r for r in book["Nộp báo cáo"].iter_rows(values_only=True) if "T1_2025" in str(r)]
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("Bản Cọ", "Khác kỳ (tháng 1/2025): tính vào kỳ đó", "T1_2025/BanCo_2025-01.xlsx"),
        ("Nà Mòn", "Khác kỳ (tháng 1/2025)", "T1_2025/NaMon_2025-01.xlsx"),
    ]
    assert not (out / "2024-12" / "PhanHoi" / "Nà Mòn_2024-12.xlsx").exists()
    # `check` of the folder says what January's run says (before: the unknown-hamlet error);
    # given no history, December's lists are run first (session 51), its Đồng Kè list lacking
    # DK2 of the start list said there, as December's run says it
    found = checked(folder)
    assert [f for f in found if f[0] != "plan-commune-target-above-start"] == [
        ("vanished-household", "DongKe_2024-12.xlsx", ""),
        ("period-differs-from-file-name", "T1_2025/NaMon_2025-01.xlsx", "B4"),
    ]


# --- 5. December run again: February named for its households back in poverty ----------------


def test_december_run_again_names_february_for_its_households_back_in_poverty(tmp_path):
    """December 2024 run without Đồng Kè. The 2025 plan starts Đồng Kè with DK1 poor alone (DK2
    and DK3 off its start list); January run, Đồng Kè silent; February run, Đồng Kè listing DK1,
    DK2 and DK3 poor: DK2 and DK3 new, DK2 back in poverty (tái nghèo: on 2024's start list,
    left by 2025's), so returned 1. Đồng Kè's December list comes late: DK1 and DK3 poor, DK2
    near-poor. December is run again and names January and February to run again. February's
    changes since January do not move; its households back in poverty do: DK3, on December's
    list and off 2025's start list, is one too. Run again in order, February's poor returned
    is 2. Before, the notice said only the "changes since the previous month" were stale."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    execute(folder, out, "2024-12")
    hamlets = [dict(h, start_near_poor=0) if h["hamlet"] == "Đồng Kè" else h
               for h in plan_hamlets()]  # fmt: skip
    start = [r for r in start_list() if r["ma_ho"] != "DK2"]
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025},
                        hamlets, start)  # fmt: skip
    write_two_lists(folder, "2025-01", "Nà Mòn", date(2025, 2, 3))
    execute(folder, out, "2025-01")
    write_two_lists(folder, "2025-02", "Nà Mòn", date(2025, 3, 3))
    rows = [person(f"DK{i}", "poor") for i in (1, 2, 3)]
    write_roster(folder, "DongKe_2025-02.xlsx", "Đồng Kè", 150, rows, "2025-02", date(2025, 3, 4))

    def returned() -> int:
        hamlets = json_summary(out, "2025-02")["hamlets"]
        return next(h for h in hamlets if h["hamlet"] == "Đồng Kè")["movements"]["poor"]["returned"]

    execute(folder, out, "2025-02")
    assert returned() == 1
    rows = [person("DK1", "poor"), person("DK2", "near_poor"), person("DK3", "poor")]
    write_roster(folder, "DongKe_2024-12.xlsx", "Đồng Kè", 150, rows, "2024-12", date(2025, 1, 10))
    execute(folder, out, "2024-12")
    said = notices_with("Các kỳ sau")
    assert [in_language(n, "vi") for n in said] == [LATER_PERIODS_VI]
    execute(folder, out, "2025-01")
    execute(folder, out, "2025-02")
    assert returned() == 2


# --- 6. January's list left at December, kept with December's files, is not December's sent again


def _banco_left_at_december(folder) -> None:
    """Bản Cọ's January list (BC1 poor, BC2 near-poor) in 'T1_2025/BanCo_2025-01.xlsx', copied
    from December's file with 'Kỳ báo cáo' left at 12/2024."""
    rows = [person("BC1", "poor"), person("BC2", "near_poor")]
    write_roster(folder / "T1_2025", "BanCo_2025-01.xlsx", "Bản Cọ", 200, rows, "2024-12",
                 date(2025, 2, 3))  # fmt: skip


BANCO_CELL = (
    "Xóm Bản Cọ được tính là chưa nộp kỳ 01/2025: tệp 'T1_2025/BanCo_2025-01.xlsx' mang tên kỳ "
    "01/2025 nhưng ô 'Kỳ báo cáo' ghi 12/2024. Nếu đó là danh sách kỳ 01/2025, hãy sửa ô 'Kỳ báo "
    "cáo' (trang 'Thông tin', ô B4) thành 01/2025 rồi chạy lại: giamngheo run --period 2025-01"
)


def test_januarys_list_left_at_december_run_again_after_december_is_still_told_to_correct(
    tmp_path,
):
    """December 2024 run (Nà Mòn, Bản Cọ; Đồng Kè silent). January 2025's lists in 'T1_2025/',
    Bản Cọ's with 12/2024 left in 'Kỳ báo cáo' (:func:`_banco_left_at_december`): January's
    run says Bản Cọ not received and the cell to correct. Đồng Kè's December list comes late;
    December is run again (its copy of Bản Cọ's January file set aside and kept with December's
    files) and names January to run again. Before, January run again found the file the same
    as "the hamlet's 12/2024 list" (December's kept copy of that very file) and said not to
    correct its 'Kỳ báo cáo' but to ask for the January list. Now it says the cell to correct,
    as the first time."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    execute(folder, out, "2024-12")
    plan_2025(folder)
    (folder / "T1_2025").mkdir()
    write_two_lists(folder / "T1_2025", "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    _banco_left_at_december(folder)
    execute(folder, out, "2025-01")
    told = [in_language(n, "vi") for n in notices_with("Bản Cọ được tính")]
    assert told == [BANCO_CELL]
    late_dong_ke(folder)
    execute(folder, out, "2024-12")
    assert counted(out, "2024-12")["Bản Cọ"] == ("ok", 2, 1)
    execute(folder, out, "2025-01")
    told = [in_language(n, "vi") for n in notices_with("Bản Cọ được tính")]
    assert told == [BANCO_CELL]
    assert counted(out, "2025-01")["Bản Cọ"] == ("missing", None, None)


def test_january_run_again_losing_a_hamlet_to_a_cell_left_at_december_says_the_cell(tmp_path):
    """December 2024 and January 2025 run (:func:`december_then_january`: January counts Nà
    Mòn Mới and Bản Cọ). Bản Cọ's head sends January's list again, corrected, but copied from
    December's file: 12/2024 left in 'Kỳ báo cáo' (:func:`_banco_left_at_december`, the old
    January file gone). January run again would lose Bản Cọ and stops. Before, it said only to
    copy the kept files back (the old January list then counted, the corrected one not). Now
    it also says Bản Cọ's file and the cell to correct, as the run's notice would, in both
    languages; corrected, January counts it: Bản Cọ 1 poor, 1 near-poor."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    (folder / "BanCo_2025-01.xlsx").unlink()
    (folder / "T1_2025").mkdir()
    _banco_left_at_december(folder)
    stop = run_stopped(folder, out, "2025-01")
    assert stop.startswith(
        "Kỳ 01/2025 đã được tổng hợp với 2 xóm; lần chạy này không có tệp của 1 xóm trong số đó "
        "(Bản Cọ), nên chương trình không ghi đè kết quả cũ. Hãy chép các danh sách trong thư mục "
    )
    assert stop.endswith("chạy lại với --replace. " + BANCO_CELL)
    with pytest.raises(FatalError) as stopped:
        execute(folder, out, "2025-01")
    assert in_language(stopped.value.args[0], "en").endswith(
        "run again with --replace. Hamlet Bản Cọ counts as not submitted for 01/2025: file "
        "'T1_2025/BanCo_2025-01.xlsx' is named for 01/2025 but its 'Kỳ báo cáo' says 12/2024. If "
        "it is the 01/2025 list, correct 'Kỳ báo cáo' (sheet 'Thông tin', cell B4) to 01/2025 and "
        "run again: giamngheo run --period 2025-01"
    )
    _banco_left_at_december(folder)
    path = folder / "T1_2025" / "BanCo_2025-01.xlsx"
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B4"] = "01/2025"
    book.save(path)
    execute(folder, out, "2025-01")
    assert counted(out, "2025-01")["Bản Cọ"] == ("ok", 1, 1)


def test_two_januarys_lists_left_at_december_are_not_summed_as_decembers(tmp_path):
    """As :func:`test_januarys_list_with_its_month_left_at_december_is_no_list_of_december`,
    Nà Mòn's head sending January's list twice ('T1_2025/NaMon_2025-01.xlsx' and a corrected
    'T1_2025/NaMon_2025-01_sua.xlsx', both 'Nà Mòn Mới', both left at 12/2024). December run
    again: each is its own row 'Khác kỳ (tháng 1/2025)'. Before the fix of 'Nộp báo cáo' the two
    were summed in one row "Khác kỳ (tháng 12/2024): 2 tệp của 1 xóm, tính vào kỳ đó": the
    wrong month, and counted in none."""
    folder, out = new_commune(tmp_path)
    january = _december_without_na_mon(folder, out)
    rows = [person(f"NM{i}", "poor" if i <= 3 else "near_poor") for i in range(1, 5)]
    for name in ("NaMon_2025-01.xlsx", "NaMon_2025-01_sua.xlsx"):
        write_roster(january, name, "Nà Mòn Mới", 100, rows, "2024-12", date(2025, 2, 3))
    execute(folder, out, "2024-12")
    book = openpyxl.load_workbook(out / "2024-12" / "TongHop_2024-12.xlsx", read_only=True)
    rows = [r for r in book["Nộp báo cáo"].iter_rows(values_only=True) if "T1_2025" in str(r)]
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("Nà Mòn", "Khác kỳ (tháng 1/2025)", "T1_2025/NaMon_2025-01.xlsx"),
        ("Nà Mòn", "Khác kỳ (tháng 1/2025)", "T1_2025/NaMon_2025-01_sua.xlsx"),
    ]


def test_check_of_a_late_december_list_sorted_into_januarys_folder_checks_it_as_decembers(
    tmp_path,
):
    """The folder in January: both plans (2025's renaming Nà Mòn 'Nà Mòn Mới'), December's
    lists, and Nà Mòn's late December list sorted into 'T1_2025/' ('Nà Mòn', 12/2024) beside
    January's lists. A run of December counts it. `check` checks it with the 2024 plan,
    as a December list whose hamlet that plan knows: no unknown-hamlet asking its head to write
    next year's name. (A first version of this session's `check` fix took every list sent for
    a later year's month as that year's.)"""
    folder, _ = new_commune(tmp_path)
    plan_2025(folder)
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    (folder / "T1_2025").mkdir()
    (folder / "NaMon_2024-12.xlsx").rename(folder / "T1_2025" / "NaMon_2024-12.xlsx")
    write_two_lists(folder / "T1_2025", "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    found = [(i.code, i.file) for i in check_files([folder])]
    assert [f for f in found if f[0] != "plan-commune-target-above-start"] == []
