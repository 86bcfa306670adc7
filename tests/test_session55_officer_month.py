"""Session 55 (helper H): the officer's month end to end, with fresh eyes.

* A head's own list without the template's 'Thông tin' sheet, its title lines saying 'Xóm:
  Nà Mòn', 'Kỳ báo cáo: 05/2024' and 'Tổng số hộ dân cư: 120' above the households: the
  total he wrote is the hamlet's (it was the plan's start total, 100, the head told that his
  list had no 'Thông tin' and that the plan's total was taken).
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import clean_rosters, write_plan
from tests.messy import DEFAULT_HEADERS, TEMPLATE_ORDER, na_mon_households


def own_list(folder, title_lines: list[str]) -> None:
    """Nà Mòn's May list (tests.messy.na_mon_households) in a workbook of the head's own: one
    sheet, a merged title, ``title_lines`` one a row under it (merged across too), a blank
    row, then the template's headers and the households."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"
    sheet.merge_cells("A1:J1")
    for row, line in enumerate(title_lines, start=2):
        sheet.cell(row, 1, line)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
    na_mon_under(sheet, len(title_lines) + 3)
    book.save(folder / "NaMon.xlsx")


def na_mon_under(sheet, header: int) -> None:
    """The template's headers in row ``header`` of ``sheet``, Nà Mòn's May households
    (tests.messy.na_mon_households) under them, marks as 'x'."""
    for col, key in enumerate(TEMPLATE_ORDER, start=1):
        sheet.cell(header, col, DEFAULT_HEADERS[key])
    for stt, household in enumerate(na_mon_households(), start=1):
        cells = {**household, "stt": stt}
        for col, key in enumerate(TEMPLATE_ORDER, start=1):
            value = cells.get(key)
            value = "x" if value is True else None if value is False else value
            if value is not None:
                sheet.cell(header + stt, col, value)


@pytest.mark.parametrize(
    ("lines", "total", "said"),
    [
        (["Xóm: Nà Mòn", "Kỳ báo cáo: 05/2024", "Tổng số hộ dân cư: 120"], 120, []),
        (["Xã Trung Lương", "Xóm Nà Mòn", "Kỳ báo cáo: tháng 05/2024", "Tổng số hộ dân cư: 120 hộ"],
         100, ["missing-info-sheet"]),
        (["Xóm: Nà Mòn", "Kỳ báo cáo: 05/2024", "Tổng số hộ dân cư: ……"], 100,
         ["missing-info-sheet"]),
    ],
)  # fmt: skip
def test_a_total_written_above_a_list_without_its_info_sheet_is_read(tmp_path, lines, total, said):
    """Nà Mòn by hand (tests.commune.clean_rosters' list): poor NM1, NM5, NM6 = 3, near-poor
    NM2, NM4 = 2, over the 120 households the head wrote: 3 / 120 = 2.5 %, 2 / 120 = 1.666… %.
    Before, 100 (the plan's start total) and 3 %, 2 %, with a missing-info-sheet warning saying
    the plan's total was taken. The second layout names the hamlet in the title ('Xóm Nà Mòn',
    no colon): the block lacks its 'Xóm' label, so it is not read as the list's block and the
    plan's total stands, as before (the list still counted, its warning said). The third
    leaves the total's dots as printed: no block either, the missing 'Thông tin' said as before
    (not a blank 'Tổng số hộ dân cư' cell of a sheet the head does not have)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "NaMon.xlsx").unlink()
    own_list(tmp_path, lines)
    result, _ = collect(tmp_path, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    told = sorted(i.code for i in result.issues if i.file == "NaMon.xlsx")
    assert (hamlet["status"], hamlet["poor"], hamlet["near_poor"]) == ("ok", 3, 2)
    assert hamlet["households"] == total
    assert hamlet["poor_rate"] == pytest.approx(300 / total)
    assert hamlet["near_poor_rate"] == pytest.approx(200 / total)
    assert told == said


@pytest.mark.parametrize("name", ["T4/DongKe.csv", "DongKe_2024-04.csv"])
def test_a_csv_of_an_earlier_month_left_in_the_input_is_that_months_file(tmp_path, name):
    """May's run (tests.commune.clean_rosters: Đồng Kè sends nothing) with Đồng Kè's April CSV
    left in the input, as step 1 lets last month's files stay: in April's folder ('T4/', its
    name giving no month) or named for April. It is April's file: Đồng Kè is "missing" in May,
    the CSV 'Khác kỳ' of 2024-04, no issue of May said of it. Before, the one in 'T4/' was
    taken for Đồng Kè's May list (the hamlet "rejected", not-a-spreadsheet) and the one named
    for April was warned each month as a file skipped, to be saved as .xlsx."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    csv = tmp_path / name
    csv.parent.mkdir(exist_ok=True)
    csv.write_text("Mã hộ,Họ và tên chủ hộ,Phân loại hộ\nDK1,Hoàng Văn DK1,Hộ nghèo\n")
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Đồng Kè")
    assert hamlet["status"] == "missing"
    assert [i.code for i in result.issues if i.file == name] == []
    sub = next(s for s in result.submissions if s.file == name)
    assert (sub.status, sub.hamlet, sub.extra["name_period"]) == (
        "other_period", "Đồng Kè", "2024-04"
    )  # fmt: skip


def test_a_csv_sent_for_a_list_is_said_as_the_csv_it_is(tmp_path):
    """Đồng Kè sends its May list as 'DS_DongKe_2024-05.csv' (tests.commune.clean_rosters:
    nothing else of it): refused, not-a-spreadsheet. The officer's words said a '.csv (ảnh,
    PDF hoặc văn bản)', a picture or PDF; they now say what a CSV is and why it is not read.
    The head's feedback keeps the head's words, without "Hãy nhờ trưởng xóm"."""
    from pipeline.publish import publish

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "DS_DongKe_2024-05.csv").write_text(
        "Mã hộ,Họ và tên chủ hộ,Phân loại hộ\nDK1,Hoàng Văn DK1,Hộ nghèo\n", encoding="utf-8"
    )
    result, _ = collect(tmp_path, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Đồng Kè")
    assert hamlet["status"] == "rejected"
    [issue] = [i for i in result.issues if i.file == "DS_DongKe_2024-05.csv"]
    assert issue.code == "not-a-spreadsheet"
    assert issue.message("vi") == (
        "Xóm gửi tệp .csv (văn bản các giá trị cách nhau bằng dấu phẩy, không có trang "
        "'Thông tin' và các cột của mẫu), không phải bảng tính Excel, nên không đọc được số "
        "liệu. Hãy nhờ trưởng xóm gửi tệp Excel (.xlsx) theo mẫu."
    )
    written = publish(result, tmp_path / "ra")
    [feedback] = [p for p in written["feedback"] if p.name.startswith("Đồng Kè")]
    guide = openpyxl.load_workbook(feedback)["Hướng dẫn sửa"]
    told = [c.value for row in guide.iter_rows() for c in row if isinstance(c.value, str)]
    assert (
        "Xóm đã gửi tệp .csv, không phải bảng tính Excel, nên xã không đọc được số liệu. Hãy "
        "gửi danh sách trong tệp Excel (.xlsx) theo mẫu."
    ) in told
    assert not [text for text in told if "nhờ trưởng xóm" in text or "ảnh, PDF" in text]
