"""Session 55, review R6: the files of other months (helpers H, I, R1) as an officer's input/
looks after six months: month folders 'T1/' … 'T6/', files at the top named for a month.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor (100 households);
Bản Cọ BC1-BC2 poor, BC3 near-poor (200); Đồng Kè DK1 poor, DK2 near-poor (150). Each month's
lists write the start list's households as they are, so a month's only warnings are the
plan's two targets above its start rates (B7 and B8 of the plan) and what each test adds.

* A photo naming no plan hamlet left in an earlier month's folder ('T6/IMG_0412.jpg'), or
  named for a hamlet the plan has renamed since ('T6/DongKe.jpg' once Đồng Kè is 'Đồng Kè
  Mới'), is that month's file, as a workbook neither a list nor a plan is: warned skipped in
  its month only, not again every later month.
* March run again once April's folder 'T4/' is in the input reads a CSV and a foreign
  workbook left there as April 2024's (April's lists say so), not April 2023's.
* A photo named for a hamlet whose name ends with a number read as a month ('Chiến Thắng 2':
  'thang 2') is that hamlet's, not February's ('Khu 4', 'Tổ 6' were read right).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.consolidate import month_of_file
from tests.commune import new_commune, write_renamed_plan, write_roster
from tests.test_session24_other_files import other_rows
from tests.test_session38_oracle import dk_rows
from tests.test_session55_i_earlier_months import TARGETS, foreign_workbook, month_lists, run_month


def _photo(path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")


def test_a_photo_of_no_plan_hamlet_left_in_an_earlier_months_folder_is_that_months(tmp_path):
    """June: Nà Mòn's and Bản Cọ's lists in 'T6/', Đồng Kè a photo 'T6/DongKe.jpg' (its
    refused file: not-a-spreadsheet, 1 error) and a phone's photo 'T6/IMG_0412.jpg' naming no
    hamlet (file-skipped: 1 warning, 1 file skipped; with the plan's 2, 3 warnings). July: the
    plan renames Đồng Kè 'Đồng Kè Mới'; the three lists in 'T7/' (Đồng Kè's under its new
    name). July says neither photo: 0 errors, the plan's 2 warnings, 0 files skipped; 'Nộp báo
    cáo' lists each once, "Khác kỳ (tháng 6/2024)" (the refused photo with ": kỳ đó đã từ
    chối", session 55's K), no hamlet (the plan names none of them now). Before, both were warned "Bỏ qua tệp không phải bảng tính (.jpg)" in July (4
    warnings, 2 files skipped), and would be every later month."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    _photo(folder / "T6" / "DongKe.jpg")
    _photo(folder / "T6" / "IMG_0412.jpg")
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert (counts["errors"], counts["warnings"], counts["files_skipped"]) == (1, 3, 1)
    assert sorted(rows) == sorted(
        [*TARGETS, ("T6/DongKe.jpg", "not-a-spreadsheet"), ("T6/IMG_0412.jpg", "file-skipped")]
    )

    write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
    month_lists(folder, 7, ("Nà Mòn", "Bản Cọ"))
    write_roster(folder / "T7", "DongKeMoi.xlsx", "Đồng Kè Mới", 150, dk_rows(), "2024-07",
                 date(2024, 8, 1))  # fmt: skip
    code, line, counts, rows = run_month(folder, out, "2024-07", "--strict")
    assert line == "Lỗi: 0, cảnh báo: 2, tệp bỏ qua: 0 (xem trang 'Lỗi dữ liệu')"
    assert (code, counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 0, 2, 0)
    assert rows == TARGETS
    told = [r[1:4] for r in other_rows(out / "2024-07" / "TongHop_2024-07.xlsx")]
    assert [r for r in told if r[2].endswith(".jpg")] == [
        (None, "Khác kỳ (tháng 6/2024): kỳ đó đã từ chối", "T6/DongKe.jpg"),
        (None, "Khác kỳ (tháng 6/2024)", "T6/IMG_0412.jpg"),
    ]


def test_march_run_again_reads_aprils_folder_as_april_of_its_year(tmp_path):
    """March: the three lists in 'T3/'. April: Bản Cọ's and Đồng Kè's lists in 'T4/', Nà Mòn's
    as 'T4/NaMon.csv' (refused in April) and an attendance sheet 'T4/ChamCong.xlsx'. March run
    again: 'Nộp báo cáo' says the CSV "Khác kỳ (tháng 4/2024): kỳ đó đã từ chối" (April refused
    it, session 55's K) under Nà Mòn and the sheet
    "Khác kỳ (tháng 4/2024): không phải danh sách hộ hay kế hoạch, bỏ qua", April's two lists
    "tính vào kỳ đó"; March itself as at its first run (0 errors, the plan's 2 warnings, 0
    files skipped). Before, 'T4/' naming no year was read as the year before for a month after
    March: "Khác kỳ (tháng 4/2023)" for both."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, 3)
    run_month(folder, out, "2024-03")
    month_lists(folder, 4, ("Bản Cọ", "Đồng Kè"))
    (folder / "T4" / "NaMon.csv").write_text(
        "Mã hộ,Họ và tên chủ hộ,Phân loại hộ\nNM1,Hoàng Văn NM1,Hộ nghèo\n", encoding="utf-8"
    )
    foreign_workbook(folder / "T4" / "ChamCong.xlsx")
    code, line, counts, rows = run_month(folder, out, "2024-04")
    assert ("T4/NaMon.csv", "not-a-spreadsheet") in rows
    code, line, counts, rows = run_month(folder, out, "2024-03", "--strict")
    assert (code, counts["errors"], counts["warnings"], counts["files_skipped"]) == (0, 0, 2, 0)
    told = [r[1:4] for r in other_rows(out / "2024-03" / "TongHop_2024-03.xlsx")]
    assert told == [
        (None, "Khác kỳ (tháng 4/2024): không phải danh sách hộ hay kế hoạch, bỏ qua",
         "T4/ChamCong.xlsx"),
        ("Nà Mòn", "Khác kỳ (tháng 4/2024): kỳ đó đã từ chối", "T4/NaMon.csv"),
        ("2 xóm", "Khác kỳ (tháng 4/2024): 2 tệp của 2 xóm, tính vào kỳ đó",
         "T4/BanCo.xlsx\nT4/DongKe.xlsx"),
    ]  # fmt: skip


def test_a_later_month_folder_is_this_years_only_where_this_years_lists_say_so():
    """'T4/' at March 2024's run: April 2023 with no list of April 2024 in the input (last
    year's folder kept), or with April 2023's lists; April 2024 where April 2024's lists are
    there (March run again). 'T12/' in January 2025: December 2024. An earlier month is
    always this year's."""
    assert month_of_file("T4/NaMon.csv", "2024-03") == "2023-04"
    assert month_of_file("T4/NaMon.csv", "2024-03", {"2023-04", "2024-02"}) == "2023-04"
    assert month_of_file("T4/NaMon.csv", "2024-03", {"2024-04"}) == "2024-04"
    assert month_of_file("Đồng Kè tháng 4.jpg", "2024-03", {"2024-04"}) == "2024-04"
    assert month_of_file("T12/DongKe.csv", "2025-01", {"2024-12"}) == "2024-12"
    assert month_of_file("T2/DongKe.csv", "2024-03") == "2024-02"
    # December's run: January's folder kept all year is this January's, not the next
    assert month_of_file("T1/DongKe.csv", "2024-12") == "2024-01"


@pytest.mark.parametrize(
    "hamlet, name",
    [
        ("Chiến Thắng 2", "Chiến Thắng 2.jpg"),
        ("Chiến Thắng 2", "Chien_Thang_2.pdf"),
        ("Khu 4", "Khu 4.jpg"),
        ("Tổ 6", "Tổ 6.pdf"),
    ],
)
def test_a_photo_named_for_a_hamlet_whose_name_ends_with_a_number_is_its_list(
    tmp_path, hamlet, name
):
    """The plan names Đồng Kè ``hamlet``. June: Nà Mòn's and Bản Cọ's lists in 'T6/'; the
    hamlet's head sends a photo named for his hamlet alone (``name``, at the input's top), and
    May's photo, so named, sits in 'T5/'. June's photo is the hamlet's refused file
    (not-a-spreadsheet, 1 error, "rejected"); May's is "Khác kỳ (tháng 5/2024)" by its folder.
    Before, 'Chiến Thắng 2' (marks or none) was read as a name ending with February ('tháng
    2', text.month_ending): June's photo "Khác kỳ (tháng 2/2024)", the hamlet "missing", 0
    errors, and May's photo February's too. 'Khu 4' and 'Tổ 6' were read right (guards)."""
    folder, out = new_commune(tmp_path)
    write_renamed_plan(folder, {"Đồng Kè": hamlet})
    month_lists(folder, 6, ("Nà Mòn", "Bản Cọ"))
    _photo(folder / name)
    _photo(folder / "T5" / name)
    code, line, counts, rows = run_month(folder, out, "2024-06")
    assert (counts["errors"], counts["files_skipped"]) == (1, 0)
    assert sorted(rows) == sorted([*TARGETS, (name, "not-a-spreadsheet")])
    summary = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text(encoding="utf-8"))
    assert {h["hamlet"]: h["status"] for h in summary["hamlets"]} == {
        "Nà Mòn": "ok", "Bản Cọ": "ok", hamlet: "rejected"
    }  # fmt: skip
    told = [r[1:4] for r in other_rows(out / "2024-06" / "TongHop_2024-06.xlsx")]
    assert (hamlet, "Khác kỳ (tháng 5/2024)", f"T5/{name}") in told
