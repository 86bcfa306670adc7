"""Session 43 (helper L): the commune officer across the turn of the year (QA). Each defect
found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150. December
2024 is run under the 2024 plan; the 2025 plan renames Nà Mòn 'Nà Mòn Mới' (its targets and
its start list, December's households)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pipeline.checkfiles import check_files
from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import FatalError, execute
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

ROOT = Path(__file__).resolve().parents[1]

# --- 1. a late December list: January's own list is not told to write last year's name ---------


# What `check` says of a folder holding both plans: the small commune's targets above its start
# rates, B7 and B8 of each plan.
BOTH_PLANS_WARNINGS = [
    ("plan-commune-target-above-start", "KeHoach_2024.xlsx", "B7"),
    ("plan-commune-target-above-start", "KeHoach_2024.xlsx", "B8"),
    ("plan-commune-target-above-start", "KeHoach_2025.xlsx", "B7"),
    ("plan-commune-target-above-start", "KeHoach_2025.xlsx", "B8"),
]


def checked(folder) -> list[tuple]:
    """(code, file, cell) of each thing `check` of ``folder`` says, in its order."""
    return [(i.code, i.file, i.cell) for i in check_files([folder])]


def notices_with(text: str) -> list:
    """The notices of the last run whose Vietnamese text holds ``text``."""
    return [n for n in NOTICES if text in in_language(n, "vi")]


def write_two_lists(folder, period: str, na_mon: str, prepared: date, nm: int = 5) -> None:
    """Nà Mòn's list (NM1-3 poor, then near-poor up to NM``nm``, 100 households, 'Xóm' written
    ``na_mon``) and Bản Cọ's (BC1-2 poor, BC3 near-poor, 200) of ``period``."""
    rows = [person(f"NM{i}", "poor" if i <= 3 else "near_poor") for i in range(1, nm + 1)]
    bc = [person(f"BC{i}", "poor" if i <= 2 else "near_poor") for i in range(1, 4)]
    write_roster(folder, f"NaMon_{period}.xlsx", na_mon, 100, rows, period, prepared)
    write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 200, bc, period, prepared)


def plan_2025(folder) -> None:
    """KeHoach_2025.xlsx: the 2024 plan's hamlets, start counts and start list, Nà Mòn written
    'Nà Mòn Mới' on both."""
    hamlets = [dict(h, hamlet="Nà Mòn Mới") if h["hamlet"] == "Nà Mòn" else h
               for h in plan_hamlets()]  # fmt: skip
    start = [dict(r, hamlet="Nà Mòn Mới") if r["hamlet"] == "Nà Mòn" else r
             for r in start_list()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025},
                        hamlets, start)  # fmt: skip


def december_then_january(folder, out) -> None:
    """December 2024 run with Nà Mòn's and Bản Cọ's lists (Đồng Kè silent), then the 2025 plan
    put in and January 2025 run with their lists under 'Nà Mòn Mới'."""
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    execute(folder, out, "2024-12")
    plan_2025(folder)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    execute(folder, out, "2025-01")


def late_dong_ke(folder) -> None:
    """Đồng Kè's December 2024 list, come late: DK1 poor, 150 households."""
    write_roster(folder, "DongKe_2024-12.xlsx", "Đồng Kè", 150, [person("DK1", "poor")],
                 "2024-12", date(2025, 1, 10))  # fmt: skip


def counted(out, period: str) -> dict:
    """{hamlet: (status, poor, near_poor)} of ``period``'s JSON summary."""
    return {h["hamlet"]: (h["status"], h["poor"], h["near_poor"])
            for h in json_summary(out, period)["hamlets"]}  # fmt: skip


def test_a_late_december_list_does_not_ask_januarys_list_to_write_the_old_name(tmp_path):
    """December 2024 run without Đồng Kè (3/3 hamlets less one). The 2025 plan writes Nà Mòn
    'Nà Mòn Mới'; January 2025 is run with its lists under that name, as they must be. Đồng
    Kè's December list comes late (DK1 poor, 150 households): December is run again, under the
    2024 plan, and names January to run again. Before: it also told the officer that
    January's list 'NaMon_2025-01.xlsx' "still writes the old name" 'Nà Mòn Mới' and to write
    the 2024 plan's 'Nà Mòn' there, or January would stop; done so, January refused it. Now
    January, run with its own year's plan, is named to run again and nothing more; run again
    as it is, it counts Nà Mòn Mới: 3 poor, 2 near-poor."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    late_dong_ke(folder)
    execute(folder, out, "2024-12")
    stale = [in_language(n, "vi") for n in notices_with("Các kỳ sau")]
    assert stale == [
        "Các kỳ sau (01/2025) đã được tổng hợp với số liệu cũ của kỳ 12/2024: biến động so với "
        "tháng trước và số hộ tái nghèo của các kỳ đó chưa theo số liệu mới. Hãy chạy lại các kỳ "
        "đó, theo thứ tự: giamngheo run --period 2025-01"
    ]
    execute(folder, out, "2025-01")
    assert counted(out, "2025-01")["Nà Mòn Mới"] == ("ok", 3, 2)


# --- 2. a late December list under the hamlet's name then, renamed in the next year's plan -----


def test_a_late_december_list_under_the_name_then_is_not_told_to_write_the_new_name(tmp_path):
    """November 2024 run with Nà Mòn's and Bản Cọ's lists, December with Bản Cọ's alone. The
    2025 plan writes Nà Mòn 'Nà Mòn Mới'; January 2025 is run with its lists, and Nà Mòn's
    December list, come late, writes 'Nà Mòn', the name the 2024 plan has. Before: January's
    notice said to write 'Nà Mòn Mới' in its 'Xóm' cell B3 before running December again;
    done so, December (run with the 2024 plan) refused the list. Now it says to run December
    again; run as it is, December counts Nà Mòn: 3 poor, 2 near-poor."""
    folder, out = new_commune(tmp_path)
    write_two_lists(folder, "2024-11", "Nà Mòn", date(2024, 12, 3))
    execute(folder, out, "2024-11")
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    late = folder / "NaMon_2024-12.xlsx"
    kept = late.rename(tmp_path / late.name)
    execute(folder, out, "2024-12")
    plan_2025(folder)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    kept.rename(late)
    execute(folder, out, "2025-01")
    said = notices_with("Có danh sách kỳ 12/2024")
    assert [in_language(n, "vi") for n in said] == [
        "Có danh sách kỳ 12/2024 của xóm Nà Mòn Mới (trước đây: Nà Mòn) ('NaMon_2024-12.xlsx'), "
        "kỳ mà khi tổng hợp xóm chưa nộp hoặc bị từ chối. Để tính vào kỳ đó, hãy chạy lại: "
        "giamngheo run --period 2024-12"
    ]
    assert in_language(said[0], "en") == (
        "There is a 12/2024 list of Nà Mòn Mới (formerly Nà Mòn) ('NaMon_2024-12.xlsx'), a "
        "period consolidated while the hamlet had sent nothing valid. To count it there, run "
        "again: giamngheo run --period 2024-12"
    )
    execute(folder, out, "2024-12")
    assert counted(out, "2024-12")["Nà Mòn"] == ("ok", 3, 2)


# --- 3. `check` of the folder in January: last year's lists with last year's plan -------------


def both_months_checked(folder) -> list[tuple]:
    """December 2024's lists (Nà Mòn written 'Nà Mòn') and January 2025's ('Nà Mòn Mới') put in
    ``folder``: what `check` of it says (:func:`_checked`)."""
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    return checked(folder)


def test_check_of_the_folder_in_january_checks_decembers_lists_with_last_years_plan(tmp_path):
    """The folder as the README keeps it in January: both plans, December 2024's lists
    (Nà Mòn's written 'Nà Mòn', right for the 2024 plan) and January 2025's (written 'Nà Mòn
    Mới', as the 2025 plan has it). Runs of either month count every list. Before, `check`
    of the folder took the 2025 plan for every list and refused December's Nà Mòn list
    (unknown-hamlet at B3: an error, exit 1). Now each year's lists are checked with their
    year's plan: only the plans' own warnings are said (the small commune's targets above its
    start rates, B7 and B8 of each plan). A December list written 'Nà Mòn Mới' is refused, as
    December's run refuses it."""
    folder, _ = new_commune(tmp_path)
    plan_2025(folder)
    found = both_months_checked(folder)
    assert found == BOTH_PLANS_WARNINGS
    write_two_lists(folder, "2024-12", "Nà Mòn Mới", date(2025, 1, 3))
    found = checked(folder)
    assert found == [("unknown-hamlet", "NaMon_2024-12.xlsx", "B3"), *BOTH_PLANS_WARNINGS]


# --- 4. last December never run, January run: the trend is the year's --------------------------


def test_last_december_never_run_is_not_said_to_be_missing_from_januarys_trend(tmp_path):
    """December 2024's lists in the folder were never run; January 2025 is run with the 2025
    plan. January's trend ('Xu hướng') is the year's: its start (the plan's) and January,
    never December. Before: the notice said January's "biến động so với tháng trước và xu
    hướng" lacked December. Now only the changes since last month, in both languages, with
    the two commands."""
    folder, out = new_commune(tmp_path)
    plan_2025(folder)
    write_two_lists(folder, "2024-12", "Nà Mòn", date(2025, 1, 3))
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    execute(folder, out, "2025-01")
    said = notices_with("chưa từng được tổng hợp")
    assert [in_language(n, "vi") for n in said] == [
        "Thư mục đầu vào có danh sách kỳ 12/2024 (2 xóm) chưa từng được tổng hợp, nên biến động "
        "so với tháng trước của kỳ 01/2025 chưa có kỳ đó. Hãy tổng hợp lần lượt (các kỳ trước, "
        "rồi chạy lại kỳ này): giamngheo run --period 2024-12; giamngheo run --period 2025-01"
    ]
    assert in_language(said[0], "en") == (
        "The input folder holds lists of period 12/2024 (2 hamlets) never consolidated, so the "
        "changes since last month of 01/2025 lack it. Run them in order (the earlier periods, "
        "then this one again): giamngheo run --period 2024-12; giamngheo run --period 2025-01"
    )
    assert [p["period"] for p in json_summary(out, "2025-01")["trend"]["commune"]] == ["2025-01"]


# --- 5. `check` of January's lists with last year's plan alone ---------------------------------

# an error line of its own, counted on the total, since session 58 (D): a note before; the
# whole folder checked, no "add it to the check command" (session 58, D2)
OTHER_YEAR_VI = (
    "[LỖI] (plan-of-other-year): Kế hoạch 'KeHoach_2024.xlsx' là của năm 2024, còn các danh "
    "sách mới nhất là của năm 2025, nên tên xóm, số hộ và danh sách đầu năm của chúng được so "
    "với kế hoạch năm 2024 (khi tổng hợp, chương trình sẽ dừng lại và đòi kế hoạch năm 2025). "
    "Hãy đặt kế hoạch năm 2025 vào thư mục đầu vào rồi kiểm tra lại."
)
OTHER_YEAR_EN = (
    "[ERROR] (plan-of-other-year): Plan 'KeHoach_2024.xlsx' is for 2024, but the latest lists "
    "are of 2025, so their hamlet names, household counts and start-of-year list are compared "
    "with the 2024 plan (a run stops and asks for the 2025 plan). Put the 2025 plan in the "
    "input folder and check again."
)


def check_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "check", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip


def test_check_of_januarys_lists_with_last_years_plan_alone_says_so(tmp_path):
    """The officer forgot the 2025 plan: the folder holds the 2024 plan and January 2025's
    lists, Nà Mòn's written 'Nà Mòn Mới' (the 2025 plan's name). A run stops (the plan is of
    2024). Before, `check` of the folder said only the refusal of Nà Mòn Mới against the 2024
    plan (unknown-hamlet at B3) and the total: the head was asked to write the old name. Now a
    note before the total says the plan is of another year and to put the 2025 plan in, in
    both languages; with it there, no note and no error (the plans' own warnings only)."""
    folder, _ = new_commune(tmp_path)
    write_two_lists(folder, "2025-01", "Nà Mòn Mới", date(2025, 2, 3))
    done = check_cli(folder)
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert [line[:41] for line in lines[:-2]] == [
        "[LỖI] NaMon_2025-01.xlsx, Thông tin, B3 (",  # its code after the place
        "[Cảnh báo] KeHoach_2024.xlsx, Thông tin c",
        "[Cảnh báo] KeHoach_2024.xlsx, Thông tin c",
    ]
    assert lines[-2:] == [OTHER_YEAR_VI, "3 tệp, 2 lỗi, 2 cảnh báo."]
    english = check_cli(folder, "--lang", "en").stdout.splitlines()
    assert english[-2:] == [OTHER_YEAR_EN, "3 file(s), 2 error(s), 2 warning(s)."]
    plan_2025(folder)
    done = check_cli(folder)
    # (the 2024 plan, no list of its year, said by nothing, as in the run: session 64 H2)
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "4 tệp, 0 lỗi, 2 cảnh báo.")
    assert OTHER_YEAR_VI not in done.stdout


# --- 6. December run again once last year's plan left the input folder: its kept copy named ---


def test_december_run_again_without_last_years_plan_names_its_kept_copy(tmp_path):
    """December 2024 run with Nà Mòn's and Bản Cọ's lists under the 2024 plan; January 2025
    with the 2025 plan. The officer deletes KeHoach_2024.xlsx from the input folder; Đồng Kè's
    December list comes late (DK1 poor) and December is run again. It stops: the plan is of
    2025. Before, the message asked for the 2024 plan without saying where it still is. Now
    it names its copy kept with December's sources (the bytes December was run with) and says
    to copy it back, in both languages (`--lang en` on screen); copied back, December counts
    Đồng Kè: Nà Mòn 3 poor 2 near-poor, Bản Cọ 2 and 1, Đồng Kè 1 and 0: 6 poor, 3 near-poor.
    The kept copy stays where it is."""
    folder, out = new_commune(tmp_path)
    december_then_january(folder, out)
    (folder / "KeHoach_2024.xlsx").unlink()
    late_dong_ke(folder)
    kept = out / "2024-12" / "nguon" / "KeHoach_2024.xlsx"
    before = kept.read_bytes()
    with pytest.raises(FatalError) as stop:
        execute(folder, out, "2024-12")
    assert str(stop.value).endswith(
        "Chỉ sửa 'Năm kế hoạch' nếu 'KeHoach_2025.xlsx' đúng là kế hoạch năm 2024 mà ghi nhầm "
        f"năm. Kế hoạch đã dùng khi tổng hợp kỳ 12/2024 được giữ ở '{kept}': hãy chép (không "
        "chuyển) tệp đó vào thư mục đầu vào rồi chạy lại."
    )
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(folder),
                           "--output", str(out), "--period", "2024-12", "--lang", "en",
                           "--quiet"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode != 0
    assert (
        f"The plan period 12/2024 was consolidated with is kept as '{kept}': copy (do not move) "
        "that file into the input folder and run again."
    ) in done.stdout + done.stderr
    shutil.copy2(kept, folder / kept.name)
    execute(folder, out, "2024-12")
    assert kept.read_bytes() == before
    assert counted(out, "2024-12") == {
        "Nà Mòn": ("ok", 3, 2),
        "Bản Cọ": ("ok", 2, 1),
        "Đồng Kè": ("ok", 1, 0),
    }
