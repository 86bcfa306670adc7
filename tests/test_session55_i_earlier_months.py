"""Session 55 (helper I): files left in the input from earlier months, as step 1 lets the
officer keep them ('T6/', 'T7/' folders, or names with the month).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150). Each month's
lists write the start list's households as they are, so a month's only warnings are the
plan's two targets above its start rates (tests.commune.TARGET_LINES: B7 and B8) and what
each test adds.

* A workbook neither a list nor a plan (an attendance sheet) left in June's folder is June's:
  warned `not-a-roster` in June, then listed 'Khác kỳ (tháng 6/2024)' and neither warned nor
  counted among the files skipped in July and August.
* Nà Mòn's June list set aside for its newer copy reads in July "Khác kỳ (tháng 6/2024): bản
  cũ, kỳ đó để riêng vì có bản mới hơn", not "không tính vào kỳ này".
* `check` of the folder of both months no longer warns that Đồng Kè's June CSV in 'T6/' is a
  file skipped: it is June's file, as a run of July takes it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_roster
from tests.test_session24_other_files import other_rows
from tests.test_session38_oracle import dk_rows, na_mon_rows

FOREIGN = "Tệp không phải danh sách hộ hay kế hoạch"  # the not-a-roster warning's start
SET_ASIDE = "bản cũ, kỳ đó để riêng vì có bản mới hơn"


def _ban_co() -> list[dict]:
    return [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def foreign_workbook(path: Path) -> None:
    """A workbook of another use (an attendance sheet): no 'Thông tin', no roster header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cham cong"
    sheet.append(["Họ tên", "Ngày", "Có mặt"])
    sheet.append(["Lường Thị Mai", "03/06/2024", "x"])
    book.save(path)


def month_lists(folder: Path, month: int, hamlets=("Nà Mòn", "Bản Cọ", "Đồng Kè"), day: int = 1):
    """The lists of 2024-``month`` of ``hamlets`` in 'T<month>/' ('NaMon.xlsx', …), 'Ngày lập'
    the ``day`` of the month after."""
    where = folder / f"T{month}"
    where.mkdir(exist_ok=True)
    for hamlet, file, rows, total in (
        ("Nà Mòn", "NaMon", na_mon_rows(), 100),
        ("Bản Cọ", "BanCo", _ban_co(), 200),
        ("Đồng Kè", "DongKe", dk_rows(), 150),
    ):
        if hamlet in hamlets:
            write_roster(where, f"{file}.xlsx", hamlet, total, rows, f"2024-{month:02d}",
                         date(2024, month + 1, day))  # fmt: skip


def run_month(folder: Path, out: Path, period: str, *more: str):
    """`giamngheo run` of ``period`` as the officer starts it: (exit code, the screen's issues
    line, the JSON's issues, 'Lỗi dữ liệu' as (file, code) rows)."""
    ran = CliRunner().invoke(
        main, ["run", "--input", str(folder), "--output", str(out), "--period", period, *more]
    )
    [line] = [s for s in ran.output.splitlines() if s.startswith("Lỗi: ")]
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text(encoding="utf-8"))
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", read_only=True)
    rows = [
        (r[2], r[9])
        for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
        if len(r) > 10 and isinstance(r[0], int)
    ]
    book.close()
    return ran.exit_code, line, summary["issues"], rows


TARGETS = [("KeHoach_2024.xlsx", "plan-commune-target-above-start")] * 2


@pytest.mark.parametrize("june", ["T6/ChamCong.xlsx", "ChamCong_2024-06.xlsx"])
def test_a_foreign_workbook_left_from_an_earlier_month_is_told_in_its_month(tmp_path, june):
    """June: the three lists and an attendance sheet in June's folder, or named for June at the
    input's top. July: July's lists and another attendance sheet in 'T7/'. August: August's
    lists, with --strict. June says its sheet (`not-a-roster`, 1 file skipped), July its own
    alone (1 skipped: its warnings the plan's 2 and that 1 = 3), August neither (0 skipped, the
    plan's 2 warnings; --strict exits 0). 'Nộp báo cáo' of August lists each once, as its
    month's: "Khác kỳ (tháng 6/2024): không phải danh sách hộ hay kế hoạch, bỏ qua", then
    July's alike. Before, July warned both sheets (4 warnings, 2 skipped), August both (4, 2),
    and --strict exited 1 every month for June's sheet."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 6)
    foreign_workbook(folder / june)
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert line == "Lỗi: 0, cảnh báo: 3, tệp bỏ qua: 1 (xem trang 'Lỗi dữ liệu')"
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 3, 1)
    assert sorted(rows) == sorted([*TARGETS, (june, "not-a-roster")])

    month_lists(folder, 7)
    foreign_workbook(folder / "T7" / "ChamCong.xlsx")
    code, line, counts, rows = run_month(folder, out, "2024-07")
    assert line == "Lỗi: 0, cảnh báo: 3, tệp bỏ qua: 1 (xem trang 'Lỗi dữ liệu')"
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 3, 1)
    assert sorted(rows) == sorted([*TARGETS, ("T7/ChamCong.xlsx", "not-a-roster")])

    month_lists(folder, 8)
    code, line, counts, rows = run_month(folder, out, "2024-08", "--strict")
    assert code == 0
    assert line == "Lỗi: 0, cảnh báo: 2, tệp bỏ qua: 0 (xem trang 'Lỗi dữ liệu')"
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 2, 0)
    assert rows == TARGETS
    told = [r[1:4] for r in other_rows(out / "2024-08" / "TongHop_2024-08.xlsx")]
    assert told[:2] == [
        (None, "Khác kỳ (tháng 6/2024): không phải danh sách hộ hay kế hoạch, bỏ qua", june),
        (None, "Khác kỳ (tháng 7/2024): không phải danh sách hộ hay kế hoạch, bỏ qua",
         "T7/ChamCong.xlsx"),
    ]  # fmt: skip


def test_a_list_set_aside_for_its_newer_copy_is_said_so_in_later_months(tmp_path):
    """June: Nà Mòn's list twice ('T6/NaMon.xlsx' made 1 July, 'T6/NaMon (1).xlsx' 3 July:
    the newer counted, the older set aside, `superseded`), Bản Cọ's and Đồng Kè's once. July's
    'Nộp báo cáo' says the older "Khác kỳ (tháng 6/2024): bản cũ, kỳ đó để riêng vì có bản mới
    hơn" on its own row; the three June lists counted one row "3 tệp của 3 xóm, tính vào kỳ
    đó". Then Bản Cọ's June list sent again corrected ('T6/BanCo (1).xlsx', 3 July) and June
    run again: August's says both older copies in one row "2 tệp của 2 xóm, bản cũ, kỳ đó để
    riêng vì có bản mới hơn", after June's counted lists' row. Before, "Khác kỳ (tháng 6/2024): không tính vào kỳ này" (and "2
    tệp của 2 xóm, không tính vào kỳ này"), as of a list changed since."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 6)
    write_roster(folder / "T6", "NaMon (1).xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-06",
                 date(2024, 7, 3))  # fmt: skip
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert ("T6/NaMon.xlsx", "superseded") in rows
    month_lists(folder, 7)
    run_month(folder, out, "2024-07")
    told = [r[1:4] for r in other_rows(out / "2024-07" / "TongHop_2024-07.xlsx")]
    assert told == [
        ("Nà Mòn", f"Khác kỳ (tháng 6/2024): {SET_ASIDE}", "T6/NaMon.xlsx"),
        ("3 xóm", "Khác kỳ (tháng 6/2024): 3 tệp của 3 xóm, tính vào kỳ đó",
         "T6/BanCo.xlsx …\nT6/NaMon (1).xlsx"),
    ]  # fmt: skip

    write_roster(folder / "T6", "BanCo (1).xlsx", "Bản Cọ", 200, _ban_co(), "2024-06",
                 date(2024, 7, 3))  # fmt: skip
    run_month(folder, out, "2024-06")
    month_lists(folder, 8)
    run_month(folder, out, "2024-08")
    told = [r[1:4] for r in other_rows(out / "2024-08" / "TongHop_2024-08.xlsx")]
    assert told == [
        ("3 xóm", "Khác kỳ (tháng 6/2024): 3 tệp của 3 xóm, tính vào kỳ đó",
         "T6/BanCo (1).xlsx …\nT6/NaMon (1).xlsx"),
        ("2 xóm", f"Khác kỳ (tháng 6/2024): 2 tệp của 2 xóm, {SET_ASIDE}",
         "T6/BanCo.xlsx\nT6/NaMon.xlsx"),
        ("3 xóm", "Khác kỳ (tháng 7/2024): 3 tệp của 3 xóm, tính vào kỳ đó",
         "T7/BanCo.xlsx …\nT7/NaMon.xlsx"),
    ]  # fmt: skip


def test_check_of_two_months_folders_leaves_last_months_csv_to_its_month(tmp_path):
    """June: Nà Mòn's and Bản Cọ's lists in 'T6/', Đồng Kè's as 'T6/DongKe.csv' (June's run
    refuses it, not-a-spreadsheet: 1 error). July: the three lists in 'T7/'. `check` of the
    input (July the latest month): no line of the CSV, 5 files (the plan, 2 June lists, 3 July
    lists; the CSV not among them), the plan's 2 warnings. July's run says nothing of it
    either (errors 0, 0 skipped). Before, check warned "T6/DongKe.csv (file-skipped): Bỏ qua
    tệp không phải bảng tính (.csv) …" (3 warnings), though the run does not."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    (folder / "T6" / "DongKe.csv").write_text(
        "Mã hộ,Họ và tên chủ hộ,Phân loại hộ\nDK1,Hoàng Văn DK1,Hộ nghèo\n", encoding="utf-8"
    )
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert (counts["errors"], counts["files_skipped"]) == (1, 0)
    assert ("T6/DongKe.csv", "not-a-spreadsheet") in rows
    month_lists(folder, 7)
    checked = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    said = [s for s in checked.splitlines() if s.startswith("[")]
    assert [s for s in said if "DongKe.csv" in s] == []
    assert len(said) == 2 and all("plan-commune-target-above-start" in s for s in said)
    assert checked.splitlines()[-1].endswith(" tệp, 0 lỗi, 2 cảnh báo.")
    code, line, counts, rows = run_month(folder, out, "2024-07")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 2, 0)
    assert rows == TARGETS


def test_a_web_page_left_in_junes_folder_is_no_hamlets_refused_file_in_july(tmp_path):
    """June: Nà Mòn's and Đồng Kè's lists, and a web page saved as 'T6/BanCo.xlsx'
    (tests.test_session49_shifted_marks.PAGE): Bản Cọ's June refused file (file-unreadable, 1
    error; session 49). July: Nà Mòn's and Đồng Kè's lists, Bản Cọ silent. July's Bản Cọ is
    "missing" (Chưa nộp), the page June's ('Khác kỳ (tháng 6/2024): không phải danh sách hộ
    hay kế hoạch, bỏ qua'), no error, no file skipped. Before, the page (its name giving no
    month) was taken for Bản Cọ's July list: Bản Cọ "rejected", 1 error."""
    from tests.test_session49_shifted_marks import PAGE

    folder, out = new_commune(tmp_path)
    month_lists(folder, 6, ("Nà Mòn", "Đồng Kè"))
    (folder / "T6" / "BanCo.xlsx").write_text(PAGE, encoding="utf-8")
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert (counts["errors"], counts["files_skipped"]) == (1, 0)
    assert ("T6/BanCo.xlsx", "file-unreadable") in rows
    month_lists(folder, 7, ("Nà Mòn", "Đồng Kè"))
    code, line, counts, rows = run_month(folder, out, "2024-07")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 2, 0)
    assert rows == TARGETS
    summary = json.loads((out / "2024-07" / "TongHop_2024-07.json").read_text(encoding="utf-8"))
    assert {h["hamlet"]: h["status"] for h in summary["hamlets"]} == {
        "Nà Mòn": "ok", "Bản Cọ": "missing", "Đồng Kè": "ok"
    }  # fmt: skip
    told = [r[1:4] for r in other_rows(out / "2024-07" / "TongHop_2024-07.xlsx")]
    assert told[0] == (
        None, "Khác kỳ (tháng 6/2024): không phải danh sách hộ hay kế hoạch, bỏ qua",
        "T6/BanCo.xlsx",
    )  # fmt: skip
