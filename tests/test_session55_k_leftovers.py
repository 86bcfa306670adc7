"""Session 55 (helper K): reading and file-month leftovers of session 55's review (R1) and of
helper I.

1. A head's own list (no 'Thông tin') whose title lines write its 'Xóm', 'Kỳ báo cáo' and
   total as heads do, 'Tổng số hộ dân cư = 120', the total after a label merged across the
   line, or two labels on one line ('Xóm: Nà Mòn   Tổng số hộ dân cư: 120'), was counted on
   the plan's total with the missing-info-sheet warning: they are read. A total no number
   could be read from is quoted by that warning.
2. Last month's consolidated workbook dropped into the input (`own-output`) in June's folder or
   named for June is June's file: warned in June's run only, not every later month.
3. `check` of June's and July's folders took a web page saved as 'T6/BanCo.xlsx' for Bản Cọ's
   refused file when Bản Cọ sent nothing in July; July's run lists it as June's.
4. June's refused CSV reads on July's 'Nộp báo cáo' "Khác kỳ (tháng 6/2024): kỳ đó đã từ
   chối", as a June list refused does.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150). Each month's
lists write the start list's households as they are, so a month's only warnings are the
plan's two targets above its start rates (tests.commune.TARGET_LINES) and what a test adds.

For 1, Nà Mòn by hand (tests.commune.clean_rosters' May list, tests.messy.na_mon_households):
poor NM1, NM5, NM6 = 3, near-poor NM2, NM4 = 2; the plan's 100 households.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import collect
from tests.commune import clean_rosters, new_commune, person, write_plan, write_roster
from tests.test_session24_other_files import other_rows
from tests.test_session38_oracle import dk_rows, na_mon_rows
from tests.test_session55_i_earlier_months import run_month
from tests.test_session55_officer_month import na_mon_under


def title_head_list(folder, lines: list[dict[int, object]], merges: tuple[str, ...] = ()) -> None:
    """Nà Mòn's May list in a workbook of the head's own: one sheet, a title in A1, then
    ``lines`` one a row from row 2 ({column: value}), ``merges`` merged, a blank row, the
    template's headers and the households."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"
    for row, line in enumerate(lines, start=2):
        for col, value in line.items():
            sheet.cell(row, col, value)
    for merged in merges:
        sheet.merge_cells(merged)
    na_mon_under(sheet, len(lines) + 3)
    book.save(folder / "NaMon.xlsx")  # in place of tests.commune.clean_rosters' list


def k_na_mon(folder):
    """The run of May: its result and Nà Mòn's row of the summary."""
    result, _ = collect(folder, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return result, hamlet


@pytest.mark.parametrize(
    ("lines", "merges"),
    [
        ([{1: "Xóm: Nà Mòn"}, {1: "Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ dân cư = 120"}], ()),
        ([{1: "Xóm: Nà Mòn"}, {1: "Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ dân cư:", 7: 120}],
         ("A4:F4",)),
        ([{1: "Xóm:", 6: "Nà Mòn"}, {1: "Kỳ báo cáo:", 6: "05/2024"},
          {1: "Tổng số hộ dân cư", 6: "120 hộ"}], ("A2:E2", "A3:E3", "A4:E4")),
        ([{1: "Xóm: Nà Mòn   Tổng số hộ dân cư: 120"}, {1: "Kỳ báo cáo: 05/2024"}], ()),
        ([{1: "Xóm: Nà Mòn   Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ dân cư: 120"}], ()),
        ([{1: "Xóm: Nà Mòn", 5: "Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ: 120"}], ()),
        ([{1: "Xóm: Nà Mòn - Kỳ báo cáo: 05/2024 - Tổng số hộ dân cư: 120"}], ()),
    ],
)  # fmt: skip
def test_a_title_total_as_heads_write_it_is_the_hamlets(tmp_path, lines, merges):
    """The title's 120 is Nà Mòn's total: 3 poor / 120 = 2.5 %, 2 near-poor / 120 =
    1.666… %, no issue. Before: the plan's 100 (3 %, 2 %) and a missing-info-sheet warning."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    title_head_list(tmp_path, lines, merges)
    result, hamlet = k_na_mon(tmp_path)
    assert (hamlet["status"], hamlet["households"], hamlet["poor"], hamlet["near_poor"]) == (
        "ok",
        120,
        3,
        2,
    )
    assert hamlet["poor_rate"] == pytest.approx(2.5)
    assert hamlet["near_poor_rate"] == pytest.approx(200 / 120)
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == []


def test_a_title_total_read_as_no_count_is_quoted(tmp_path):
    """'Tổng số hộ dân cư: khoảng 120 hộ' (row 4): the plan's 100 (3 %), the warning quoting
    the words and their cell. Before: the warning said only that the plan's total was taken."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    lines = [
        {1: "Xóm: Nà Mòn"},
        {1: "Kỳ báo cáo: 05/2024"},
        {1: "Tổng số hộ dân cư: khoảng 120 hộ"},
    ]
    title_head_list(tmp_path, lines)
    result, hamlet = k_na_mon(tmp_path)
    assert (hamlet["status"], hamlet["households"]) == ("ok", 100)
    assert hamlet["poor_rate"] == pytest.approx(3.0)
    [issue] = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert issue.code == "missing-info-sheet"
    assert issue.message() == (
        "Không có trang 'Thông tin'; đã lấy xóm 'Nà Mòn' và kỳ 05/2024 từ tiêu đề/tên tệp, tổng"
        " số hộ dân cư từ kế hoạch đầu năm (dòng tiêu đề ở ô A4 ghi tổng số hộ dân cư 'khoảng"
        " 120 hộ', không đọc được thành một số hộ). Lần sau hãy dùng mẫu có trang 'Thông tin':"
        " ở cột A các dòng Loại biểu, Xã, Xóm, Kỳ báo cáo, Tổng số hộ dân cư, Người lập, Ngày"
        " lập, và giá trị của từng dòng ở cột B."
    )


def _lists(folder: Path, month: int, hamlets=("Nà Mòn", "Bản Cọ", "Đồng Kè")) -> None:
    """The lists of 2024-``month`` of ``hamlets`` in 'T<month>/' ('NaMon.xlsx', …)."""
    where = folder / f"T{month}"
    where.mkdir(exist_ok=True)
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    for hamlet, file, rows, total in (
        ("Nà Mòn", "NaMon", na_mon_rows(), 100),
        ("Bản Cọ", "BanCo", ban_co, 200),
        ("Đồng Kè", "DongKe", dk_rows(), 150),
    ):
        if hamlet in hamlets:
            write_roster(where, f"{file}.xlsx", hamlet, total, rows, f"2024-{month:02d}",
                         date(2024, month + 1, 1))  # fmt: skip


def _run(folder: Path, out: Path, period: str, *more: str):
    """`giamngheo run` of ``period`` (I's `run_month`), 'Lỗi dữ liệu''s (file, code) rows sorted."""
    code, line, issues, rows = run_month(folder, out, period, *more)
    return code, line, issues, sorted(rows)


TARGETS = [("KeHoach_2024.xlsx", "plan-commune-target-above-start")] * 2


@pytest.mark.parametrize("dropped", ["TongHop_2024-06.xlsx", "T6/TongHop.xlsx"])
def test_last_months_workbook_in_the_input_is_told_in_its_month_only(tmp_path, dropped):
    """June's run, then June's consolidated workbook copied into the input named for June or
    in 'T6/', July's lists in 'T7/'. July (--strict): the plan's two warnings alone, "Lỗi: 0,
    cảnh báo: 2, tệp bỏ qua: 0", exit 0, and 'Nộp báo cáo' lists the workbook once "Khác kỳ
    (tháng 6/2024): tệp kết quả do giamngheo tạo, bỏ qua". June run again: its month, warned
    (3 warnings, 1 file skipped, its own-output row). Before, July warned it (3, 1; exit 1)."""
    folder, out = new_commune(tmp_path)
    _lists(folder, 6)
    _run(folder, out, "2024-06")
    shutil.copy(out / "2024-06" / "TongHop_2024-06.xlsx", folder / dropped)
    _lists(folder, 7)
    code, line, counts, rows = _run(folder, out, "2024-07", "--strict")
    assert code == 0
    assert line == "Lỗi: 0, cảnh báo: 2, tệp bỏ qua: 0 (xem trang 'Lỗi dữ liệu')"
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 2, 0)
    assert rows == TARGETS
    told = [r[1:4] for r in other_rows(out / "2024-07" / "TongHop_2024-07.xlsx")]
    said = (None, "Khác kỳ (tháng 6/2024): tệp kết quả do giamngheo tạo, bỏ qua", dropped)
    assert said in told

    code, line, counts, rows = _run(folder, out, "2024-06")
    assert line == "Lỗi: 0, cảnh báo: 3, tệp bỏ qua: 1 (xem trang 'Lỗi dữ liệu')"
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 3, 1)
    assert rows == sorted([*TARGETS, (dropped, "own-output")])


def test_a_run_output_naming_no_month_is_warned_every_month(tmp_path):
    """Guard: June's workbook copied to the input's top as 'TongHop.xlsx' (no month in its
    name or folder): July warns it, as before (3 warnings, 1 file skipped)."""
    folder, out = new_commune(tmp_path)
    _lists(folder, 6)
    _run(folder, out, "2024-06")
    shutil.copy(out / "2024-06" / "TongHop_2024-06.xlsx", folder / "TongHop.xlsx")
    _lists(folder, 7)
    code, line, counts, rows = _run(folder, out, "2024-07")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 3, 1)
    assert rows == sorted([*TARGETS, ("TongHop.xlsx", "own-output")])


def test_check_of_two_months_leaves_a_web_page_in_junes_folder_to_june(tmp_path):
    """June: Nà Mòn's and Đồng Kè's lists, and a web page saved as 'T6/BanCo.xlsx'
    (tests.test_session49_shifted_marks.PAGE); July: Nà Mòn's and Đồng Kè's lists, Bản Cọ
    silent. `check` of the input (July the latest month), as July's run (Bản Cọ "missing", no
    error; session 55, I): no file-unreadable error of the page as Bản Cọ's refused file, "0
    lỗi"; the plan's 2 warnings alone (the page's not-a-roster is June's, said when June is
    run, as July's run takes it: session 56, C). Before: "T6/BanCo.xlsx (file-unreadable)", 1
    error. June is run first (it refuses Bản Cọ for the page): a June never run has its page
    said as June's run will say it (session 57, tests/test_session57_h_unrun_month_strays.py)."""
    from tests.test_session49_shifted_marks import PAGE

    folder, out = new_commune(tmp_path)
    _lists(folder, 6, ("Nà Mòn", "Đồng Kè"))
    (folder / "T6" / "BanCo.xlsx").write_text(PAGE, encoding="utf-8")
    code, line, counts, rows = _run(folder, out, "2024-06")
    assert counts["errors"] == 1 and ("T6/BanCo.xlsx", "file-unreadable") in rows
    _lists(folder, 7, ("Nà Mòn", "Đồng Kè"))
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    said = sorted(s for s in checked.splitlines() if s.startswith("["))
    assert [s for s in said if "file-unreadable" in s] == []
    assert len(said) == 2
    assert sum("plan-commune-target-above-start" in s for s in said) == 2
    assert checked.splitlines()[-1].endswith(" tệp, 0 lỗi, 2 cảnh báo.")
    code, line, counts, rows = _run(folder, out, "2024-07")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 2, 0)


def test_junes_refused_csv_is_said_refused_in_july(tmp_path):
    """June: Nà Mòn's and Bản Cọ's lists in 'T6/', Đồng Kè's as 'T6/DongKe.csv': June's run
    refuses it (not-a-spreadsheet, 1 error). July: the three lists in 'T7/'. July's 'Nộp báo
    cáo' says the CSV "Khác kỳ (tháng 6/2024): kỳ đó đã từ chối", as of a June list refused;
    the CSV changed since (a line added) reads "Khác kỳ (tháng 6/2024)" as before: the history
    cannot tell. Before: "Khác kỳ (tháng 6/2024)" both times."""
    folder, out = new_commune(tmp_path)
    _lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    csv = folder / "T6" / "DongKe.csv"
    csv.write_text("Mã hộ,Họ và tên chủ hộ,Phân loại hộ\nDK1,Hoàng Văn DK1,Hộ nghèo\n", "utf-8")
    code, line, counts, rows = _run(folder, out, "2024-06")
    assert (counts["errors"], counts["files_skipped"]) == (1, 0)
    assert ("T6/DongKe.csv", "not-a-spreadsheet") in rows
    _lists(folder, 7)
    code, line, counts, rows = _run(folder, out, "2024-07")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 2, 0)
    told = [r[1:4] for r in other_rows(out / "2024-07" / "TongHop_2024-07.xlsx")]
    assert ("Đồng Kè", "Khác kỳ (tháng 6/2024): kỳ đó đã từ chối", "T6/DongKe.csv") in told

    csv.write_text(csv.read_text("utf-8") + "DK2,Hoàng Văn DK2,Hộ cận nghèo\n", "utf-8")
    _run(folder, out, "2024-07")
    told = [r[1:4] for r in other_rows(out / "2024-07" / "TongHop_2024-07.xlsx")]
    assert ("Đồng Kè", "Khác kỳ (tháng 6/2024)", "T6/DongKe.csv") in told
