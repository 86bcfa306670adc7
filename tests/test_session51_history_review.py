"""Session 51 (RD2): review of `giamngheo history --period`, the skipped-month line and the old
plan put back.

The small commune (tests/commune.py): Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households), Bản Cọ (200) and Đồng Kè (150).
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    person,
    plan_hamlets,
    start_list,
    write_plan,
    write_roster,
)
from tests.month_lists import months_skipped_said, stored_then_next_year

_NA = [person(f"NM{i}", "poor") for i in (1, 2, 3)]


def _runs_listed(out, period: str) -> list[list[str]]:
    """The rows of `giamngheo history --period`, split on spaces."""
    shown = CliRunner().invoke(main, ["history", "--output", str(out), "--period", period])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    count = int(lines[0].split()[2])  # 'Kỳ 04/2024: 2 lần chạy'
    return [line.split() for line in lines[2 : 2 + count]]


def _print_of(*files) -> str:
    """The print worked out by hand: SHA-256 of each file's name, a NUL, its SHA-256 and a
    newline, in name order; its first 8 hex digits."""
    lines = "".join(
        f"{f.name}\0{hashlib.sha256(f.read_bytes()).hexdigest()}\n"
        for f in sorted(files, key=lambda f: f.name)
    )
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()[:8]


# --- 1. the print: the plan and the month's lists, not every file beside them ----------------


def test_the_print_counts_the_plan_and_the_months_lists_not_other_months_files(tmp_path):
    """April run with Nà Mòn's April list; May's list then comes, and a note is left beside
    them; April run again with the very same plan and April list. The listing said 2 files,
    then 4 (May's list and the note counted) under another print: read as April's files having
    changed, though its figures came from the same two. Now both runs read 2 files under one
    print, that of the plan and April's list; a corrected April list gives another."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    plan = write_plan(folder)
    april = write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, _NA, period="2024-04",
                         prepared=date(2024, 5, 3))  # fmt: skip
    execute(folder, out, "2024-04")
    write_roster(folder, "NaMon_05.xlsx", "Nà Mòn", 100, _NA, period="2024-05",
                 prepared=date(2024, 6, 3))  # fmt: skip
    (folder / "ghi-chu.txt").write_text("gọi lại xóm Bản Cọ", encoding="utf-8")
    execute(folder, out, "2024-04")
    same = _print_of(plan, april)
    rows = _runs_listed(out, "2024-04")
    assert [row[8:10] for row in rows] == [["2", same], ["2", same]]
    write_roster(folder, "NaMon_04.xlsx", "Nà Mòn", 100, _NA[:2], period="2024-04",
                 prepared=date(2024, 5, 4))  # fmt: skip
    execute(folder, out, "2024-04")
    rows = _runs_listed(out, "2024-04")
    corrected = _print_of(plan, april)
    assert corrected != same
    assert [row[8:10] for row in rows] == [["2", same], ["2", same], ["2", corrected]]


# --- 2. the skipped-month line: the months of the run's year ---------------------------------


def test_a_month_after_a_gap_across_the_year_turn_names_only_its_years_months(tmp_path):
    """June 2024 stored, nothing since; March 2025 run under the 2025 plan. The line named
    07/2024 to 02/2025 and asked for nine runs, the six months of 2024 among them: March's
    changes since last month are against February alone and its trend holds 2025's months
    alone, so running 2024's months changes nothing of March. Now it names January and
    February 2025 and their commands, then March's."""
    stored_then_next_year(tmp_path, 6, 3)
    assert months_skipped_said("vi") == [
        "Các kỳ 01/2025, 02/2025 chưa được tổng hợp (kỳ đã tổng hợp liền trước kỳ này là "
        "06/2024), nên kỳ 03/2025 không có biến động so với tháng trước (không so với kỳ "
        "06/2024) và xu hướng không có các kỳ đó. Nếu có danh sách của các kỳ đó, hãy tổng hợp "
        "lần lượt rồi chạy lại kỳ này: giamngheo run --period 2025-01; giamngheo run --period "
        "2025-02; giamngheo run --period 2025-03"
    ]


def test_february_after_december_names_january_alone(tmp_path):
    # control: December 2024 stored, February 2025 run: January 2025 named (as before)
    stored_then_next_year(tmp_path, 12, 2)
    assert months_skipped_said("en") == [
        "Period 01/2025 was never consolidated (the consolidated period just before this one is "
        "12/2024), so 02/2025 has no changes since last month (none counted against 12/2024) "
        "and its trend lacks it. If its lists exist, run it in order, then this period again: "
        "giamngheo run --period 2025-01; giamngheo run --period 2025-02"
    ]


# --- 3. an old plan put back: every month that ran under it ----------------------------------


def _revised_after(folder, out, months: tuple[int, ...]) -> None:
    """Nà Mòn's lists of ``months`` run under KeHoach_2024.xlsx (poor target 1.52), each taken
    out after its run; the plan revised in place (1.80); June run under it."""
    write_plan(folder)
    for m in months:
        write_roster(folder, f"NaMon_0{m}.xlsx", "Nà Mòn", 100, _NA, period=f"2024-0{m}",
                     prepared=date(2024, m + 1, 3))  # fmt: skip
        execute(folder, out, f"2024-0{m}")
        (folder / f"NaMon_0{m}.xlsx").unlink()
    write_plan_workbook(folder / "KeHoach_2024.xlsx", dict(PLAN_INFO, poor_target=1.8),
                        plan_hamlets(), start_list())  # fmt: skip
    write_roster(folder, "NaMon_06.xlsx", "Nà Mòn", 100, _NA, period="2024-06",
                 prepared=date(2024, 7, 3))  # fmt: skip
    execute(folder, out, "2024-06")


def _old_plan_said(vi: bool = True) -> str:
    [said] = [n for n in NOTICES if "theo kế hoạch khác" in in_language(n, "vi")]
    return in_language(said, "vi" if vi else "en")


def test_an_old_plan_two_months_ran_under_put_back_names_both_months(tmp_path):
    """April and May ran under the first plan, June under the plan revised in place. May's
    'nguon' copied back whole (its plan over the revised one), May run again: the notice said
    the plan is "bản kế hoạch kỳ 04/2024 đã dùng (bản được giữ trong thư mục 'nguon' của kỳ
    đó)", April's copy, while the officer took May's. It now names both months whose 'nguon'
    keeps that very plan."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _revised_after(folder, out, (4, 5))
    for kept in sorted((out / "2024-05" / "nguon").iterdir()):
        shutil.copy2(kept, folder / kept.name)
    execute(folder, out, "2024-05")
    assert (
        " Tệp 'KeHoach_2024.xlsx' đang dùng giống hệt bản kế hoạch các kỳ 04/2024, 05/2024 đã "
        "dùng (bản được giữ trong thư mục 'nguon' của các kỳ đó), cũ hơn kế hoạch kỳ 06/2024 đã "
        "dùng: nếu tệp này được chép lại từ thư mục 'nguon', hãy đặt lại tệp kế hoạch mới vào "
        "thư mục đầu vào trước khi chạy các kỳ sau. Nếu tệp kế hoạch bị đặt nhầm"
    ) in _old_plan_said()
    assert (
        " The file 'KeHoach_2024.xlsx' used now is the very plan periods 04/2024, 05/2024 used "
        "(the copy kept in their 'nguon' folders), older than the plan 06/2024 used: if it was "
        "copied back from a 'nguon' folder, put the new plan file back in the input folder "
        "before running the later periods. If the plan file"
    ) in _old_plan_said(vi=False)


def test_an_old_plan_put_back_under_another_name_is_told_by_its_bytes(tmp_path):
    # guard: April's plan copied back as 'KeHoach_2024_cu.xlsx', the revised plan taken out:
    # the very bytes April read, said under the name the file has now (passes before)
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _revised_after(folder, out, (4,))
    (folder / "KeHoach_2024.xlsx").unlink()
    shutil.copy2(out / "2024-04" / "nguon" / "KeHoach_2024.xlsx", folder / "KeHoach_2024_cu.xlsx")
    shutil.copy2(out / "2024-04" / "nguon" / "NaMon_04.xlsx", folder / "NaMon_04.xlsx")
    execute(folder, out, "2024-04")
    assert (
        " Tệp 'KeHoach_2024_cu.xlsx' đang dùng giống hệt bản kế hoạch kỳ 04/2024 đã dùng (bản "
        "được giữ trong thư mục 'nguon' của kỳ đó), cũ hơn kế hoạch kỳ 06/2024 đã dùng:"
    ) in _old_plan_said()


# --- 4. `history --period` given what is no month: said as `run --period` says it ----------


def test_history_of_a_period_written_wrongly_says_what_run_says(tmp_path):
    """'05/24' (the year in two digits) and 'T5' (no year) were "không đọc được: hãy ghi kỳ
    dạng YYYY-MM", while `run --period` says what is wrong and what the month is: `history`
    now says the run's words (exit 2); '2024-3', '3/2024' and 'T3/2024' list March."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon_03.xlsx", "Nà Mòn", 100, _NA, period="2024-03",
                 prepared=date(2024, 4, 3))  # fmt: skip
    execute(folder, out, "2024-03")
    said = {}
    for given in ("05/24", "T5"):
        shown = CliRunner().invoke(main, ["history", "--output", str(out), "--period", given])
        said[given] = (shown.exit_code, shown.output)
    assert said == {
        "05/24": (2, "LỖI: --period '05/24' ghi năm bằng 2 chữ số: hãy ghi đủ 4 chữ số của "
                  "năm, dạng YYYY-MM ('05/24' là 2024-05).\n"),
        "T5": (2, "LỖI: --period 'T5' chưa ghi năm: hãy ghi cả năm, dạng YYYY-MM (tháng 5 năm "
               "2024 là 2024-05).\n"),
    }  # fmt: skip
    for given in ("2024-3", "3/2024", "T3/2024"):
        assert [row[2:5] for row in _runs_listed(out, given)] == [["100", "3", "3,00"]]
