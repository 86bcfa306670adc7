"""Which sheet of a roster is its list when the workbook holds more than one (last month's kept
beside this month's, or a copy): chosen by the month the sheets name, never silently wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from pipeline.run import collect
from tests.commune import person, write_plan, write_roster

APRIL = [person("NM1", "poor"), person("NM2", "poor")]
MAY = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor")]


def _may_with_april_sheet(folder: Path, may_sheet: str, april_sheet: str, first: str) -> Path:
    """Nà Mòn's May file ('Kỳ báo cáo' 05/2024; NM1 poor, NM2 near-poor, NM6 poor) whose list
    sheet is named ``may_sheet``, with April's list (NM1, NM2 poor; its title '… THÁNG
    4/2024') in a visible sheet ``april_sheet``, placed ``first`` ('april' or 'may')."""
    write_plan(folder)
    april = write_roster(folder / "..", "april.xlsx", "Nà Mòn", 100, APRIL, period="2024-04",
                         prepared=date(2024, 5, 2))  # fmt: skip
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100, MAY)
    book = openpyxl.load_workbook(path)
    book["Danh sách"].title = "tam"
    source = openpyxl.load_workbook(april)["Danh sách"]
    copy = book.create_sheet(april_sheet, 1 if first == "april" else 2)
    for row in source.iter_rows():
        for cell in row:
            if cell.value is not None:
                copy.cell(cell.row, cell.column, cell.value)
    book["tam"].title = may_sheet
    book.save(path)
    april.unlink()
    return path


def _na_mon(folder: Path):
    result, _ = collect(folder, None, workers=0)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    said = [(i.code, i.sheet, i.message()) for i in result.issues if i.code.startswith("sheet-")]
    return (hamlet["poor"], hamlet["near_poor"]), said


def test_last_months_tab_before_this_months_is_passed_over(tmp_path):
    """'T4' (April) first, 'T5' (May) after it, no sheet named 'Danh sách': May's list is
    read, worked out by hand 2 poor (NM1, NM6) and 1 near-poor (NM2), not April's 2 and 0.
    Month tabs are a common way to keep the year's lists: nothing is said of T4."""
    folder = tmp_path / "input"
    folder.mkdir()
    _may_with_april_sheet(folder, "T5", "T4", first="april")
    assert _na_mon(folder) == ((2, 1), [])


def test_last_months_list_left_in_the_danh_sach_sheet_is_passed_over_and_said(tmp_path):
    """April's list is the sheet named 'Danh sách' (its title says THÁNG 4/2024), May's is in
    'T5': May is read (2 poor, 1 near-poor), and the head is told that 'Danh sách' was not."""
    folder = tmp_path / "input"
    folder.mkdir()
    _may_with_april_sheet(folder, "T5", "Danh sách", first="april")
    assert _na_mon(folder) == (
        (2, 1),
        [
            (
                "sheet-of-other-month",
                "Danh sách",
                "Trang 'Danh sách' là danh sách tháng 4/2024, khác kỳ báo cáo 05/2024 của tệp, "
                "nên không được đọc; danh sách kỳ này được đọc ở trang 'T5'. Nếu trang 'Danh "
                "sách' mới đúng là danh sách kỳ này, hãy sửa tên hoặc tiêu đề của nó; danh sách "
                "các tháng trước không cần để trong tệp gửi.",
            )
        ],
    )


def test_without_a_reporting_period_the_file_name_tells_the_month(tmp_path):
    """'Kỳ báo cáo' left blank; the file name says 2024-05: 'Tháng 4' is passed over for
    'Tháng 5' (2 poor, 1 near-poor)."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = _may_with_april_sheet(folder, "Tháng 5", "Tháng 4", first="april")
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B4"] = None
    book.save(path)
    assert _na_mon(folder)[0] == (2, 1)


def test_a_copy_of_the_list_is_not_read_and_is_said(tmp_path):
    """A copy of May's list, 'Danh sách (2)', placed before 'Danh sách': the list is read
    once (2 poor, 1 near-poor) and the copy is named, in case it was the one meant."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 100, MAY)
    book = openpyxl.load_workbook(path)
    copy = book.copy_worksheet(book["Danh sách"])
    copy.title = "Danh sách (2)"
    book.move_sheet(copy, offset=-1)
    book.save(path)
    assert _na_mon(folder) == (
        (2, 1),
        [
            (
                "sheet-copy-not-read",
                "Danh sách (2)",
                "Trang 'Danh sách (2)' có phần lớn mã hộ trùng với trang 'Danh sách' (bản sao, "
                "hoặc danh sách tháng trước?) nên không được đọc; danh sách được đọc ở trang "
                "'Danh sách'. Nếu trang 'Danh sách (2)' mới đúng là danh sách kỳ này, hãy xóa "
                "trang cũ hoặc đặt tên trang 'Danh sách (2)' là 'Danh sách'.",
            )
        ],
    )


def test_a_list_sheet_with_its_thong_tin_above_is_read_beside_the_other_list_sheet(tmp_path):
    """Session 21: Nà Mòn's 'DS_NaMon_T5-2024.xlsx', its poor households (NM1, NM5, NM6 poor;
    NM3 exited) on sheet 'Hộ nghèo' under the 'Thông tin' block ('Xóm: Nà Mòn', 'Ngày lập: 03/06/2024' above 'Kỳ báo
    cáo: 05/2024'), its near-poor ones (NM2, NM4) on sheet 'Hộ cận nghèo'. 'Ngày lập' named
    June, so 'Hộ nghèo' was taken for another month's list and passed over, unsaid: its
    households went as not listed. Now its month is its 'Kỳ báo cáo'. By hand: 3 poor, 2
    near-poor, NM3 the one exit (start list: NM1-3 poor, NM4-5 near-poor)."""
    from tests import messy

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.na_mon_households()
    near = [hh for hh in households if hh["phan_loai"] == "Hộ cận nghèo"]
    others = [hh for hh in households if hh["phan_loai"] != "Hộ cận nghèo"]
    values = messy.info_values("Nà Mòn", "05/2024", 102)
    info = messy.info_sheet(values, "inline", order=["hamlet", "prepared_on", "period",
                                                     "form_type", "commune", "total_households",
                                                     "preparer"])  # fmt: skip
    poor = messy.roster_sheet(others, messy.Layout(sheet="Hộ nghèo"), messy.Typing())
    messy.write_book(folder / "DS_NaMon_T5-2024.xlsx", [
        messy.stacked(info, poor),
        messy.roster_sheet(near, messy.Layout(sheet="Hộ cận nghèo"), messy.Typing()),
    ])  # fmt: skip
    result, _ = collect(folder, None, workers=0)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["status"], hamlet["poor"], hamlet["near_poor"]) == ("ok", 3, 2)
    assert hamlet["movements"]["poor"]["exited"] == 1
    assert sorted(result.households["ma_ho"]) == ["NM1", "NM2", "NM3", "NM4", "NM5", "NM6"]
    assert not [i for i in result.issues if i.code in ("vanished-household", "missing-info-sheet")]
