"""`giamngheo check`: a file's issues without consolidating, the same ones a run finds."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests import messy
from tests.commune import TARGETS_ABOVE_START, past_targets, person, write_plan, write_roster
from tests.test_session41_check_note import NO_PLAN_EN, NO_PLAN_VI, said_for

ROOT = Path(__file__).resolve().parents[1]


def _where(issues, file):
    return sorted((i.code, i.sheet, i.cell, i.value) for i in issues if i.file == file)


def test_a_list_that_goes_on_in_a_second_sheet_is_checked_there_too(tmp_path):
    households = messy.na_mon_households()
    households[1] = {**households[1], "nhan_khau": "bốn"}  # NM2, near-poor: second sheet
    households[3] = {**households[3], "so_dinh_danh": "12345"}  # NM4, near-poor: second sheet
    messy.na_mon_two_sheets(tmp_path, households=households)
    name = "NaMon_2sheets.xlsx"
    found = check_files([tmp_path / name])
    by_code = {i.code: i for i in found}
    assert by_code["invalid-household-size"].sheet == "Hộ cận nghèo"
    assert by_code["invalid-household-size"].value == "bốn"
    assert by_code["invalid-id-number"].sheet == "Hộ cận nghèo"
    assert by_code["invalid-id-number"].severity == "warning"
    # What a run reports for the same file (NM2's row is left out: not counted, not gone).
    write_plan(tmp_path)
    result, _ = collect(tmp_path, None, workers=0)
    checked, ran = _where(found, name), _where(result.issues, name)
    assert checked == ran
    details = result.movement_details
    assert details.loc[details["ma_ho"] == "NM2", "movement"].tolist() == ["not_counted"]


def test_a_roster_dated_in_the_future_is_flagged_by_check(tmp_path):
    path = write_roster(
        tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], period="2099-05"
    )
    found = check_files([path])
    assert [(i.code, i.value) for i in found] == [("future-period", "05/2099")]
    assert found[0].severity == "error" and found[0].cell


def test_check_on_the_command_line_prints_each_issue_and_a_total(tmp_path):
    bad = write_roster(
        tmp_path,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [person("NM1", "poor"), person("NM2", "poor", nhan_khau=0)],
    )
    good = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", str(bad), str(good), "--output", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 1, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "2 tệp, 1 lỗi, 0 cảnh báo."
    # The template's households start in Excel row 5: NM2 is row 6; 'Số nhân khẩu' is column H.
    assert lines[0].startswith(
        "[LỖI] NaMon.xlsx, Danh sách, H6 (invalid-household-size): 'Số nhân khẩu' là '0'"
    )
    english = subprocess.run([sys.executable, "-m", "pipeline", "check", "--lang", "en", str(good), "--output", str(tmp_path)],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    # no plan among the files: the note before the total (session 41)
    assert english.returncode == 0
    assert english.stdout.splitlines() == [
        said_for(NO_PLAN_EN, tmp_path),
        "1 file(s), 0 error(s), 0 warning(s).",
    ]


def test_check_names_the_header_row_of_a_missing_column_and_an_unknown_one(tmp_path):
    path = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    header = next(c for row in sheet.iter_rows(max_row=6) for c in row if c.value == "Số nhân khẩu")
    header.value = "Điện thoại"  # no name of any column: not recognised
    book.save(path)
    found = check_files([path])
    got = sorted((i.code, i.severity, i.row, i.column, i.cell) for i in found)
    # at the header's row; a run rejects the file there, so its rows are not checked either
    assert got == [
        ("missing-column", "error", 4, "Số nhân khẩu", ""),
        ("unknown-column", "warning", 4, "Điện thoại", "H4"),
    ]
    assert (header.row, header.column_letter) == (4, "H")
    # what a run says of the same file (beside a file it can count)
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    result, _ = collect(tmp_path, None, workers=0)
    assert got == sorted(
        (i.code, i.severity, i.row, i.column, i.cell)
        for i in result.issues
        if i.file == "BanCo.xlsx"
    )


def test_check_of_a_file_that_is_not_there_says_so(tmp_path):
    found = check_files([tmp_path / "NaMon.xlsx"])
    assert [(i.code, i.severity) for i in found] == [("file-not-found", "error")]
    assert found[0].message("vi") == (  # typed whole: no full path again (session 57)
        "Không có tệp hay thư mục này. Hãy kiểm tra lại tên và đường dẫn, rồi chạy lại lệnh check."
    )


def test_check_tells_why_a_plan_is_unusable_in_the_language_asked_for(tmp_path):
    path = write_plan(tmp_path)
    book = openpyxl.load_workbook(path)
    info = book[book.sheetnames[0]]
    cell = next(c for row in info.iter_rows() for c in row if c.value == "Trung Lương")
    cell.value = None  # no commune: the plan cannot be used
    book.save(path)
    [issue] = check_files([path])
    assert issue.code == "plan-invalid"
    assert issue.message("vi").startswith("Kế hoạch không hợp lệ: ô 'Xã'")
    assert issue.message("en").startswith("The plan is not valid: the 'Xã' (commune) cell")


def test_check_points_at_the_cells_of_an_unreadable_period_and_total(tmp_path):
    """As a run does: 'Kỳ báo cáo' B4 and 'Tổng số hộ dân cư' B5 of the 'Thông tin' sheet."""
    period = write_roster(
        tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], period="Tháng 5"
    )
    total = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", "khoảng 200 hộ", [person("BC1", "poor")])
    found = sorted((i.file, i.code, i.sheet, i.cell, i.column, i.value)
                   for i in check_files([period, total]))  # fmt: skip
    assert found == [
        ("BanCo.xlsx", "invalid-total-households", "Thông tin", "B5", "Tổng số hộ dân cư",
         "khoảng 200 hộ"),
        ("NaMon.xlsx", "invalid-period", "Thông tin", "B4", "Kỳ báo cáo", "Tháng 5"),
    ]  # fmt: skip


def test_a_list_refused_for_its_month_is_said_by_that_alone_as_in_a_run(tmp_path):
    """Nà Mòn's 'Kỳ báo cáo' reads 'Tháng 13' (no such month; 'Tháng 5' without a year is May
    of the plan's year since session 22) and its total 'khoảng 100 hộ', NM2 has 0 people: a run refuses the list for its month (invalid-period) and checks it no further, so
    'Lỗi dữ liệu' has that one line. `check` said the total and NM2's size too."""
    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", "khoảng 100 hộ",
                 [person("NM1", "poor"), person("NM2", "poor", nhan_khau=0)],
                 period="Tháng 13")  # fmt: skip
    result, _ = collect(tmp_path, None, workers=0)
    said = _where(check_files([tmp_path]), "NaMon.xlsx")
    assert said == _where(result.issues, "NaMon.xlsx")
    assert said == [("invalid-period", "Thông tin", "B4", "Tháng 13")]


def test_a_number_with_a_fraction_is_quoted_with_a_decimal_comma(tmp_path):
    """4.5 people and a birth year 1968.7 are quoted as Excel shows them here: 4,5 and 1968,7."""
    path = write_roster(
        tmp_path,
        "NaMon.xlsx",
        "Nà Mòn",
        100,
        [person("NM1", "poor", nhan_khau=4.5), person("NM2", "poor", nam_sinh=1968.7)],
    )
    found = sorted((i.cell, i.value) for i in check_files([path]) if i.row)
    assert found == [("D6", "1968,7"), ("H5", "4,5")]


def test_check_gives_the_info_warnings_a_run_gives(tmp_path):
    """Blank 'Xóm' and 'Kỳ báo cáo' (taken from the title), 'Ngày lập' 'abc'; and a file named
    for May whose 'Kỳ báo cáo' says April: each said by check as a run says it."""
    import openpyxl

    path = write_roster(
        tmp_path, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")], prepared="abc"
    )
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = None
    book["Thông tin"]["B4"] = None
    book.save(path)
    other = write_roster(
        tmp_path, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], period="2024-04"
    )
    found = sorted((i.file, i.code, i.cell) for i in check_files([path, other]))
    assert found == [
        ("DS_BanCo_2024-05.xlsx", "period-differs-from-file-name", "B4"),
        ("NaMon.xlsx", "info-cell-blank", "B3"),
        ("NaMon.xlsx", "info-cell-blank", "B4"),
        ("NaMon.xlsx", "invalid-prepared-date", "B7"),
    ]


def test_check_of_a_folder_checks_every_file_in_it(tmp_path):
    write_roster(
        tmp_path,
        "NaMon.xlsx",
        "Nà Mòn",
        102,
        [person("NM1", "poor"), person("NM2", "poor", nhan_khau=0)],
    )
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    found = [(i.file, i.code) for i in check_files([tmp_path])]
    assert found == [("NaMon.xlsx", "invalid-household-size")]


def test_check_compares_codes_only_among_the_files_a_run_counts_together(tmp_path):
    """April's and May's lists of Nà Mòn repeat their codes (no problem); Bản Cọ's May list
    borrowing NM1 is one (both May rows said; NM2 and BC1 counted, so neither list is refused
    for every row left out, session 53)."""
    nm = [person("NM1", "poor"), person("NM2", "poor")]
    write_roster(tmp_path, "NaMon_04.xlsx", "Nà Mòn", 102, nm, period="2024-04")
    write_roster(tmp_path, "NaMon_05.xlsx", "Nà Mòn", 102, nm)
    write_roster(
        tmp_path, "BanCo_05.xlsx", "Bản Cọ", 200, [person("NM1", "poor"), person("BC1", "poor")]
    )
    found = sorted((i.file, i.code) for i in check_files([tmp_path]))
    assert found == [
        ("BanCo_05.xlsx", "duplicate-household-id"),
        ("NaMon_05.xlsx", "duplicate-household-id"),
    ]


def test_check_of_a_plan_says_where_its_start_counts_differ_from_its_start_list(tmp_path):
    """Nà Mòn's start poor written 4 on the targets sheet (row 4) while its start list has 3
    poor and 2 near-poor households: `check` says it at the hamlet's row, as a run does."""
    path = write_plan(tmp_path)
    book = openpyxl.load_workbook(path)
    targets = book["Chỉ tiêu theo xóm"]
    assert (targets["A4"].value, targets["C4"].value) == ("Nà Mòn", 3)
    targets["C4"] = 4
    book.save(path)
    [said] = [i for i in check_files([path]) if i.code == "plan-start-mismatch"]
    assert (said.sheet, said.row, said.hamlet) == ("Chỉ tiêu theo xóm", 4, "Nà Mòn")
    assert str(said.detail) == (
        "3 hộ nghèo, 2 hộ cận nghèo, còn trang 'Chỉ tiêu theo xóm' (dòng 4) ghi 4 hộ nghèo, 2 hộ "
        "cận nghèo"
    )
    targets["C4"] = 3
    book.save(path)
    assert [i for i in check_files([path]) if i.code == "plan-start-mismatch"] == []


def test_a_roster_without_its_info_sheet_is_said_by_check_as_by_a_run(tmp_path):
    """No 'Thông tin' (hamlet and period from the title): `check` warns as the run does, and
    says no more and no less. By hand (messy.BAN_CO_REORDERED from column B, the header in row
    7): 'Số điện thoại' is column G (B STT, C name, D code, E class, F members, G) and 'Ghi chú
    2' column AB (H income, I-T the 12 indicators, U-AA the seven columns after them, AB): two
    columns not of the template, each a warning. (Before session 49 the test asked only that
    'missing-info-sheet' was among either's issues.)"""
    write_plan(tmp_path)
    messy.ban_co_no_info(tmp_path)
    found = [(i.code, i.cell, i.severity) for i in check_files([tmp_path / "BanCo.xlsm"])]
    result, _ = collect(tmp_path, None, workers=0)
    ran = [(i.code, i.cell, i.severity) for i in result.issues if i.file == "BanCo.xlsm"]
    said = [
        ("missing-info-sheet", "", "warning"),
        ("unknown-column", "G7", "warning"),
        ("unknown-column", "AB7", "warning"),
    ]
    assert found == ran == said
    [ban_co] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ"]
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)


def test_with_the_plan_check_names_the_hamlet_as_the_plan_spells_it_as_a_run_does(tmp_path):
    """Bản Cọ's list without 'Thông tin', its title writing 'thôn bản cọ': with the plan in the
    folder checked, `check` quoted the title's 'bản cọ' where the run quotes the plan's 'Bản
    Cọ', in the message and in each issue's hamlet."""
    write_plan(tmp_path)
    messy.ban_co_no_info(tmp_path)

    def said(issues):
        return sorted((i.code, i.hamlet, unicodedata.normalize("NFC", str(i.detail)))
                      for i in issues if i.file == "BanCo.xlsm")  # fmt: skip

    found = said(check_files([tmp_path]))
    result, _ = collect(tmp_path, None, workers=0)
    assert found == said(result.issues)
    assert ("missing-info-sheet", "Bản Cọ", "xóm 'Bản Cọ' và kỳ 05/2024 từ tiêu đề/tên tệp, tổng "
            "số hộ dân cư từ kế hoạch đầu năm") in found  # fmt: skip
    assert {hamlet for _, hamlet, _ in found} == {"Bản Cọ"}


def test_without_the_plan_a_list_without_info_naming_no_hamlet_is_not_called_by_its_file(
    tmp_path,
):
    """A list without 'Thông tin' whose title names no hamlet, checked without the plan: the
    warning said "đã lấy xóm 'DS_thang5.xlsx' … tổng số hộ dân cư từ kế hoạch đầu năm", a file
    name taken for a hamlet and a plan never read. It now says what only the plan can tell,
    once (no hamlet-blank on top: there is no 'Xóm' cell)."""
    path = write_roster(tmp_path, "DS_thang5.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    book = openpyxl.load_workbook(path)
    del book["Thông tin"]
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO – THÁNG 5/2024"
    book.save(path)
    [said] = check_files([path])
    assert (said.code, said.hamlet, said.cell) == ("missing-info-sheet", "", "")
    assert str(said.detail) == (
        "kỳ 05/2024 từ tiêu đề/tên tệp (tiêu đề không ghi tên xóm: khi tổng hợp, xã chỉ nhận ra "
        "danh sách này nếu tên tệp ghi đúng tên xóm như trong kế hoạch); khi tổng hợp, tổng số "
        "hộ dân cư sẽ lấy từ kế hoạch đầu năm"
    )


def test_files_of_one_name_in_two_folders_are_named_by_their_path_as_a_run_names_them(tmp_path):
    """`check input` with Nà Mòn's April list in T4/ and its May list in T5/, both 'NaMon.xlsx',
    each with a household of no class: the two lines said 'NaMon.xlsx' alike; they name
    'T4/NaMon.xlsx' and 'T5/NaMon.xlsx' (the run's 'Lỗi dữ liệu' does). A file given itself
    is named by its name."""
    write_plan(tmp_path)
    for folder, period in (("T4", "2024-04"), ("T5", "2024-05")):
        (tmp_path / folder).mkdir()
        write_roster(tmp_path / folder, "NaMon.xlsx", "Nà Mòn", 100,
                     [person("NM1", "poor"), person("NM2", "")], period=period)  # fmt: skip
    found = [(i.file, i.code, i.cell) for i in check_files([tmp_path]) if i.severity == "error"]
    assert sorted(found) == [("T4/NaMon.xlsx", "invalid-classification", "I6"),
                             ("T5/NaMon.xlsx", "invalid-classification", "I6")]  # fmt: skip
    alone = [i.file for i in check_files([tmp_path / "T5" / "NaMon.xlsx"]) if i.severity == "error"]
    assert alone == ["NaMon.xlsx"]


def test_the_info_block_on_a_sheet_named_otherwise_is_read(tmp_path):
    """Nà Mòn's 'Thông tin' renamed 'TT' (total 102, not the plan's 100): found by its labels,
    so the rate is 3 / 102 and nothing is missing."""
    write_plan(tmp_path)
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor"), person("NM3", "poor"), person("NM5", "poor"),
    ])  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Thông tin"].title = "TT"
    book.save(path)
    assert not [i for i in check_files([path]) if i.code == "missing-info-sheet"]
    result, _ = collect(tmp_path, None, workers=0)
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["households"], na_mon["poor"]) == (102, 3)
    assert not [i for i in result.issues if i.code == "missing-info-sheet"]


def test_an_empty_list_is_refused_by_check_as_by_a_run_when_the_plan_is_given(tmp_path):
    """Bản Cọ (2 poor + 1 near-poor at the start) sends an empty list: `check` with the plan
    says empty-list (3 households), as a run does; without the plan it cannot tell."""
    plan = write_plan(tmp_path)
    roster = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [])
    found = [(i.code, i.value) for i in check_files([roster, plan]) if i.code == "empty-list"]
    assert found == [("empty-list", "3")]
    assert not [i for i in check_files([roster]) if i.code == "empty-list"]


def test_a_neighbours_copied_file_is_refused_by_check_as_by_a_run_when_the_plan_is_given(
    tmp_path,
):
    """Đồng Kè's file with Nà Mòn's 'Xóm' cell left in it: `check` with the plan says
    hamlet-conflict at B3, as a run does."""
    plan = write_plan(tmp_path)
    path = write_roster(tmp_path, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150,
                        [person("DK1", "poor")])  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = "Nà Mòn"
    book.save(path)
    found = [(i.code, i.cell) for i in check_files([path, plan]) if i.code.startswith("hamlet-")]
    assert found == [("hamlet-conflict", "B3")]


def test_check_says_a_period_cell_that_differs_from_the_title(tmp_path):
    """'NaMon.xlsx' (no month in its name) titled 'THÁNG 5/2024' with 'Kỳ báo cáo' 04/2024: a
    warning at B4 naming May, as a run of May says; Bản Cọ's title and cell agree: nothing."""
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")],
                        period="2024-04")  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN THÁNG 5/2024"
    book.save(path)
    other = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    found = [(i.file, i.code, i.cell, i.detail) for i in check_files([path, other])]
    assert found == [("NaMon.xlsx", "period-differs-from-title", "B4", "05/2024")]


def test_check_keeps_one_line_per_issue_for_a_file_name_with_a_line_break(tmp_path):
    """A file named 'Na\\nMon.xlsx' (possible on Linux) with one bad row: the issue is one
    line, the break shown as a space with a tag as every output shows the name (session 38;
    it was '?' on this line alone), and the total line is the last."""
    bad = write_roster(tmp_path, "Na\nMon.xlsx", "Nà Mòn", 102,
                       [person("NM1", "poor"), person("NM2", "poor", nhan_khau=0)])  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "pipeline", "check", str(bad), "--output", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    lines = done.stdout.strip().splitlines()
    assert lines[1:] == [said_for(NO_PLAN_VI, tmp_path), "1 tệp, 1 lỗi, 0 cảnh báo."]  # the note
    assert lines[0].startswith(
        "[LỖI] Na Mon~cjpca.xlsx, Danh sách, H6 (invalid-household-size): 'Số nhân khẩu' là '0'"
    )


def test_a_hamlet_not_in_the_plan_is_refused_by_check_as_by_a_run(tmp_path):
    """Đồng Kè's May list (DK1 poor) and a list whose 'Xóm' is 'Khuổi Đắc', not a hamlet of
    the plan (Nà Mòn, Bản Cọ, Đồng Kè), holding KD1 with DK1's ID number. With the plan,
    `check` refuses the Khuổi Đắc list at its 'Xóm' cell B3 with the run's own message, and
    does not compare its ID numbers with Đồng Kè's: a run counts none of its rows, so the one
    number in both lists is no household counted twice (it used to be 2 warnings, one per
    file, and no error)."""
    plan = write_plan(tmp_path)
    dong_ke = write_roster(tmp_path, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150,
                           [person("DK1", "poor")])  # fmt: skip
    number = person("DK1", "poor")["so_dinh_danh"]
    other = write_roster(tmp_path, "DS_KhuoiDac_2024-05.xlsx", "Khuổi Đắc", 90,
                         [person("KD1", "poor", so_dinh_danh=number)])  # fmt: skip
    found = past_targets(check_files([dong_ke, other, plan]))
    # (DK2, near-poor on the start list, is not on Đồng Kè's: the run's warning, session 22)
    # Đồng Kè before Khuổi Đắc, as the alphabet has them (session 48; before: by code point,
    # 'Đ' past 'K')
    assert [(i.code, i.file, i.sheet, i.cell, i.value) for i in found] == [
        ("vanished-household", "DS_DongKe_2024-05.xlsx", "", "", "DK2 (Hoàng Văn DK2)"),
        ("unknown-hamlet", "DS_KhuoiDac_2024-05.xlsx", "Thông tin", "B3", "Khuổi Đắc"),
    ]
    result, _ = collect(tmp_path, None, workers=0)
    [ran] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (
        found[1].message("vi")
        == ran.message("vi")
        == (
            "Xóm 'Khuổi Đắc' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế "
            "hoạch (Nà Mòn, Bản Cọ, Đồng Kè)."
            " Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó vào trang 'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại."
        )
    )
    assert not [i for i in result.issues if i.code == "duplicate-id-number"]
    # Without the plan `check` cannot tell: the two lists are checked together.
    alone = sorted((i.code, i.file) for i in check_files([dong_ke, other]))
    assert alone == [
        ("duplicate-id-number", "DS_DongKe_2024-05.xlsx"),
        ("duplicate-id-number", "DS_KhuoiDac_2024-05.xlsx"),
    ]


def test_check_compares_no_codes_with_a_file_a_run_refuses(tmp_path):
    """Bản Cọ's list writes 'Tổng số hộ dân cư' 0, so a run refuses it, and borrows Nà Mòn's
    NM1: `check` says the total (at B5) and no code used twice, as the run counts NM1 once."""
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 0, [person("NM1", "poor")])
    found = [(i.code, i.file, i.cell) for i in check_files([tmp_path])]
    assert found == [("invalid-total-households", "BanCo.xlsx", "B5")]


def test_a_list_refused_for_its_hamlet_or_a_future_month_is_said_by_that_alone(tmp_path):
    """With the plan: 'DS_KhuoiDac.xlsx' ('Xóm' Khuổi Đắc, in no plan) with KD2 of 0 people and
    'Ngày lập' 'abc'; Đồng Kè's list dated 05/2099 under a title saying May 2024, DK1 listed
    twice. A run refuses the first for its hamlet (unknown-hamlet, B3) and the second for its
    future month (future-period, B4) and checks neither further; `check` also said KD2's size,
    the date, DK1's code twice and the title's other month."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    path = write_roster(tmp_path, "DS_KhuoiDac.xlsx", "Khuổi Đắc", 90,
                        [person("KD1", "poor"), person("KD2", "poor", nhan_khau=0)],
                        prepared="abc")  # fmt: skip
    write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150,
                 [person("DK1", "poor"), person("DK1", "near_poor")], period="2099-05")  # fmt: skip
    book = openpyxl.load_workbook(tmp_path / "DongKe.xlsx")
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO XÓM ĐỒNG KÈ THÁNG 5/2024"
    book.save(tmp_path / "DongKe.xlsx")
    found = check_files([tmp_path])
    result, _ = collect(tmp_path, None, workers=0)
    for name in (path.name, "DongKe.xlsx"):
        assert _where(found, name) == _where(result.issues, name)
    assert _where(found, path.name) == [("unknown-hamlet", "Thông tin", "B3", "Khuổi Đắc")]
    assert _where(found, "DongKe.xlsx") == [("future-period", "Thông tin", "B4", "05/2099")]


def _blank_xom(path: Path) -> None:
    """The list's 'Xóm' cell emptied and its title naming no hamlet."""
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = None
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"
    book.save(path)


def test_with_the_plan_a_blank_xom_is_taken_from_the_file_name_as_a_run_takes_it(tmp_path):
    """Three lists with 'Xóm' blank and a title naming no hamlet. With the plan, a run takes
    the hamlet from the file name: 'NaMon.xlsx' is Nà Mòn's (info-cell-blank at B3, "đã lấy 'Nà
    Mòn' từ tên tệp"), 'DS_BanCo_moi.xlsx' (Ngày lập 05/06) is Bản Cọ's newer copy, so
    'BanCo.xlsx' (02/06, BC2 of 0 people) is superseded; 'DS_thang5.xlsx' names no hamlet and
    is refused (missing-hamlet). `check` said none of this: no hamlet from the file name, so
    no warning, no error, no copy, and BanCo.xlsx's BC2."""
    write_plan(tmp_path)
    _blank_xom(write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")]))
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor", nhan_khau=0)],
                 prepared=date(2024, 6, 2))  # fmt: skip
    _blank_xom(write_roster(tmp_path, "DS_BanCo_moi.xlsx", "Bản Cọ", 200,
                            [person("BC1", "poor")], prepared=date(2024, 6, 5)))  # fmt: skip
    _blank_xom(write_roster(tmp_path, "DS_thang5.xlsx", "Đồng Kè", 150, [person("DK1", "poor")]))
    found = check_files([tmp_path])
    result, _ = collect(tmp_path, None, workers=0)

    def said(issues):
        return sorted((i.file, i.code, i.cell, i.hamlet, i.message()) for i in issues
                      if not i.file.startswith("KeHoach") and i.code != "vanished-household")  # fmt: skip

    assert said(found) == said(result.issues)
    assert [(file, code, cell, hamlet) for file, code, cell, hamlet, _ in said(found)] == [
        ("BanCo.xlsx", "superseded", "", "Bản Cọ"),
        ("DS_BanCo_moi.xlsx", "info-cell-blank", "B3", "Bản Cọ"),
        ("DS_thang5.xlsx", "missing-hamlet", "B3", ""),
        ("NaMon.xlsx", "info-cell-blank", "B3", "Nà Mòn"),
    ]
    assert "đã lấy 'Nà Mòn' từ tên tệp" in said(found)[-1][-1]


def test_without_the_plan_a_blank_xom_naming_no_hamlet_is_said_at_its_cell(tmp_path):
    """'Xóm' blank and the title naming no hamlet: without the plan, `check` cannot tell
    whether the file name names one, as a run would take it, and said nothing; it now warns at
    B3 (hamlet-blank) that only a file name naming the hamlet lets the commune take the list.
    A list whose title names the hamlet is taken from it, as before (info-cell-blank)."""
    blank = write_roster(tmp_path, "DS_thang5.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    _blank_xom(blank)
    titled = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(titled)
    book["Thông tin"]["B3"] = None
    book.save(titled)
    found = sorted((i.file, i.code, i.severity, i.sheet, i.cell) for i in check_files([tmp_path]))
    assert found == [
        ("BanCo.xlsx", "info-cell-blank", "warning", "Thông tin", "B3"),
        ("DS_thang5.xlsx", "hamlet-blank", "warning", "Thông tin", "B3"),
    ]
    [said] = check_files([blank])
    assert said.message() == (
        "Ô 'Xóm' của trang 'Thông tin' đang trống và tiêu đề danh sách không ghi tên xóm; khi "
        "tổng hợp, xã chỉ nhận ra danh sách này nếu tên tệp ghi đúng tên xóm như trong kế "
        "hoạch. Hãy ghi tên xóm vào ô này."
    )


def test_a_forms_blank_marks_are_read_as_a_blank_cell(tmp_path):
    """Blanks left as the printed form marks them: 'Xóm' '…………' (the title names Nà Mòn),
    'Tổng số hộ dân cư' '-', and a title 'XÓM ........ – THÁNG 5/2024' with 'Xóm' blank. They
    were read as values: the hamlet '…………' refused as not in the plan (unknown-hamlet), the
    total '-' refused (invalid-total-households), and the title's hamlet taken as '–'. Now
    each is a blank: Nà Mòn's list is counted, the hamlet from its title and its total the
    plan's 100, with the usual warnings at B3 and B5; Bản Cọ's list, whose file name names no
    hamlet either, is refused for want of one (missing-hamlet at B3)."""
    write_plan(tmp_path)
    na_mon = write_roster(tmp_path, "DS_thang5_a.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    book = openpyxl.load_workbook(na_mon)
    book["Thông tin"]["B3"] = "…………"
    book["Thông tin"]["B5"] = "-"
    book.save(na_mon)
    ban_co = write_roster(tmp_path, "DS_thang5_b.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(ban_co)
    book["Thông tin"]["B3"] = None
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM ........ – THÁNG 5/2024"
    book.save(ban_co)
    result, _ = collect(tmp_path, None, workers=0)
    said = sorted((i.file, i.code, i.cell, i.hamlet) for i in result.issues
                  if i.file.startswith("DS_") and i.code != "vanished-household")  # fmt: skip
    assert said == [
        ("DS_thang5_a.xlsx", "info-cell-blank", "B3", "Nà Mòn"),
        ("DS_thang5_a.xlsx", "missing-total-households", "B5", "Nà Mòn"),
        ("DS_thang5_b.xlsx", "missing-hamlet", "B3", ""),
    ]
    [counted] = [s for s in result.submissions if s.file == na_mon.name]
    assert (counted.status, counted.hamlet, counted.total_households) == ("warnings", "Nà Mòn", 100)
    assert sorted((i.file, i.code, i.cell, i.hamlet) for i in check_files([tmp_path])
                  if i.file.startswith("DS_") and i.code != "vanished-household") == said  # fmt: skip


def test_the_total_is_read_as_a_run_reads_it_blank_or_far_from_the_plan(tmp_path):
    """Nà Mòn's 'Tổng số hộ dân cư' (B5) left blank, Bản Cọ's written 40 (the plan: 200), Đồng
    Kè's row gone from 'Thông tin'. A run takes the plan's 100 for Nà Mòn and 150 for Đồng Kè
    (warnings: missing-total-households, info-label-missing) and warns that 40 is far from 200
    (total-far-from-plan). `check` called the blank and the missing row errors (invalid-total-
    households, the lists refused) and did not compare 40 with the plan. Without the plan, it
    cannot quote the plan's count; a blank total is still a warning."""
    write_plan(tmp_path)
    na_mon = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", None, [person("NM1", "poor")])
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 40, [person("BC1", "poor")])
    dong_ke = write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    book = openpyxl.load_workbook(dong_ke)
    book["Thông tin"].delete_rows(5)
    book.save(dong_ke)
    found = check_files([tmp_path])
    result, _ = collect(tmp_path, None, workers=0)

    def said(issues):
        return sorted((i.file, i.code, i.severity, i.cell, i.message()) for i in issues
                      if i.file.endswith(".xlsx") and not i.file.startswith("KeHoach")
                      and i.code != "vanished-household")  # fmt: skip

    assert said(found) == said(result.issues)
    assert [(file, code, cell) for file, code, _, cell, _ in said(found)] == [
        ("BanCo.xlsx", "total-far-from-plan", "B5"),
        ("DongKe.xlsx", "info-label-missing", ""),
        ("NaMon.xlsx", "missing-total-households", "B5"),
    ]
    assert "(100 hộ)" in said(found)[-1][-1]
    [alone] = check_files([na_mon])
    assert (alone.code, alone.severity, alone.cell) == ("missing-total-households", "warning", "B5")
    assert alone.message() == (
        "Ô 'Tổng số hộ dân cư' của trang 'Thông tin' đang trống; khi tổng hợp sẽ dùng số hộ đầu "
        "năm của xóm trong kế hoạch để tính tỷ lệ. Hãy ghi tổng số hộ dân cư hiện tại của xóm "
        "vào ô này."
    )


def test_with_the_plan_check_says_a_commune_other_than_the_plans(tmp_path):
    """Nà Mòn's 'Xã' (B2) says 'Trung Hội', the plan's commune is Trung Lương: a run warns
    (commune-mismatch, at B2, naming the plan's commune); `check` with the plan did not. Bản
    Cọ's 'Xã Trung Lương' is the plan's. Without the plan, nothing to compare with."""
    write_plan(tmp_path)
    na_mon = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    ban_co = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    for path, commune in ((na_mon, "Trung Hội"), (ban_co, "Xã Trung Lương")):
        book = openpyxl.load_workbook(path)
        book["Thông tin"]["B2"] = commune
        book.save(path)
    found = check_files([tmp_path])
    result, _ = collect(tmp_path, None, workers=0)
    for name in ("NaMon.xlsx", "BanCo.xlsx"):  # the start list's households missing too
        assert _where(found, name) == _where(result.issues, name)
    [said] = [i for i in found if i.file.endswith(".xlsx") and not i.file.startswith("KeHoach")
              and i.code != "vanished-household"]  # fmt: skip
    assert (said.file, said.code, said.cell) == ("NaMon.xlsx", "commune-mismatch", "B2")
    assert said.message() == (
        "Tên xã 'Trung Hội' khác với kế hoạch ('Trung Lương'); danh sách vẫn được tính. Nếu xóm "
        "nay thuộc xã Trung Lương (sau sáp nhập xã), hãy ghi 'Trung Lương' ở ô này; nếu không, "
        "hãy kiểm tra tệp có đúng của xã không."
    )
    assert check_files([na_mon, ban_co]) == []


def test_with_the_plan_rows_are_classified_by_its_standard_and_area(tmp_path, monkeypatch):
    """An urban commune's plan (income line 2,000,000 đ under the 2022–2025 standard, rural
    1,500,000): NM1 'Hộ nghèo' with 1,800,000 đ and 3 deprivations is poor by it, and NM2
    'Thoát' with 2,000,000 đ and none is near-poor. A run warns of NM2 only
    (classification-mismatch at I6); `check` with the plan judged both by the rural line: NM1
    "theo chuẩn là không nghèo", NM2 nothing. Without the plan it still assumes rural."""
    from tests import commune

    monkeypatch.setitem(commune.PLAN_INFO, "area", "urban")
    write_plan(tmp_path)
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102,
                        [person("NM1", "poor", thu_nhap=1_800_000),
                         person("NM2", "exited", thu_nhap=2_000_000)])  # fmt: skip
    found = check_files([tmp_path])
    result, _ = collect(tmp_path, None, workers=0)
    assert result.plan.area == "urban"
    assert _where(found, "NaMon.xlsx") == _where(result.issues, "NaMon.xlsx")
    # NM3, NM4 and NM5 of the start list are not on the list (the run's warnings, session 22)
    assert [w for w in _where(found, "NaMon.xlsx") if w[0] != "vanished-household"] == [
        ("classification-mismatch", "Danh sách", "I6", "Thoát")
    ]
    assert _where(check_files([path]), "NaMon.xlsx") == [
        ("classification-mismatch", "Danh sách", "I5", "Hộ nghèo")
    ]


def test_a_list_whose_every_row_has_an_error_is_refused_for_it_as_in_a_run(tmp_path):
    """Đồng Kè's list: DK1 of 0 people, DK2 born in 1800, both poor, and 'Tổng số hộ dân cư'
    1. A run leaves both rows out and refuses the list for it (all-rows-rejected, 2 rows),
    saying nothing of the total below the households listed then (only that it is far from the
    plan's); `check` never said all-rows-rejected, and said the total
    below the 2 households listed (total-less-than-listed) instead."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    path = write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 1,
                        [person("DK1", "poor", nhan_khau=0),
                         person("DK2", "poor", nam_sinh=1800)])  # fmt: skip
    found = check_files([tmp_path])
    result, _ = collect(tmp_path, None, workers=0)
    assert _where(found, path.name) == _where(result.issues, path.name)
    assert _where(found, path.name) == [
        ("all-rows-rejected", "Danh sách", "", ""),
        ("invalid-birth-year", "Danh sách", "D6", "1800"),
        ("invalid-household-size", "Danh sách", "H5", "0"),
        ("total-far-from-plan", "Thông tin", "B5", "1"),  # the plan's 150
    ]
    [refusal] = [i for i in found if i.code == "all-rows-rejected"]
    assert refusal.message().startswith("Cả 2 dòng hộ trong danh sách đều có lỗi")
    alone = sorted(i.code for i in check_files([path]))  # without the plan: no count to compare
    assert alone == ["all-rows-rejected", "invalid-birth-year", "invalid-household-size"]


def test_a_list_without_its_info_sheet_or_any_period_is_refused_for_its_month_alone(tmp_path):
    """Bản Cọ's list with no 'Thông tin' sheet, a title naming no month and a file name naming
    none: refused for its month (invalid-period), said as a run says it, with the hamlet the
    title gives and nothing more (a run checks such a list no further). `check` also said
    missing-info-sheet ("kỳ ?" at first, then "no period found"), which no run says."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    path = tmp_path / "trailing space .xlsx"
    messy.ban_co_no_info(tmp_path, path.name, title=("DANH SÁCH HỘ NGHÈO THÔN BẢN CỌ",))
    found = [(i.code, i.hamlet) for i in check_files([tmp_path]) if i.file == path.name]
    result, _ = collect(tmp_path, None, workers=0)
    assert found == [(i.code, i.hamlet) for i in result.issues if i.file == path.name]
    assert found == [("invalid-period", "Bản Cọ")]
    assert [i.code for i in check_files([path])] == ["invalid-period"]


def test_missing_info_sheet_says_which_rows_the_info_sheet_holds(tmp_path):
    """QA round trip: a list without 'Thông tin' was told only "use the template with its
    'Thông tin' sheet"; a head who builds one needs its rows. The message names every label
    the reader looks for (ROSTER_INFO_LABELS' first names, in their order), in column A, the
    values in column B, as the template has them."""
    from schemas.columns import ROSTER_INFO_LABELS

    path = tmp_path / "BanCo.xlsx"
    messy.ban_co_no_info(
        tmp_path, path.name, title=("DANH SÁCH HỘ NGHÈO THÔN BẢN CỌ THÁNG 5/2024",)
    )
    found = next(i for i in check_files([path]) if i.code == "missing-info-sheet")
    labels = ", ".join(names[0] for names in ROSTER_INFO_LABELS.values())
    assert found.message().endswith(
        f"Lần sau hãy dùng mẫu có trang 'Thông tin': ở cột A các dòng {labels}, và giá trị của "
        "từng dòng ở cột B."
    )
    assert found.message("en").endswith(
        f"Next time use the template with its 'Thông tin' sheet: the rows {labels} in column A, "
        "each one's value in column B."
    )


def test_a_csv_copy_of_a_hamlets_list_is_the_same_issue_in_check_and_in_a_run(tmp_path):
    """Bản Cọ sent its May list as 'DS Ban Co thang 5.csv'; Nà Mòn sent its roster and a CSV
    'NaMon_anh.csv' too; a note 'ghichu.docx' lies beside them. With the plan in the folder,
    `check` and a run say the same of each: the CSV is Bản Cọ's refused file (the error
    not-a-spreadsheet, naming Bản Cọ), and the other two are skipped (the warning file-skipped,
    Nà Mòn having sent its roster). `check` used to call Bản Cọ's CSV skipped. Checked alone,
    without the plan, no hamlet can be named: skipped."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, messy.na_mon_households())
    (tmp_path / "DS Ban Co thang 5.csv").write_text("STT,Mã hộ\n1,BC1\n", encoding="utf-8")
    (tmp_path / "NaMon_anh.csv").write_text("STT,Mã hộ\n1,NM1\n", encoding="utf-8")
    (tmp_path / "ghichu.docx").write_bytes(b"PK\x03\x04 a note")
    said = [
        ("DS Ban Co thang 5.csv", "not-a-spreadsheet", "error", "Bản Cọ"),
        ("NaMon_anh.csv", "file-skipped", "warning", ""),
        ("ghichu.docx", "file-skipped", "warning", ""),
    ]
    ours = {name for name, *_ in said}

    def of_documents(issues):
        return sorted((i.file, i.code, i.severity, i.hamlet) for i in issues if i.file in ours)

    assert of_documents(check_files([tmp_path])) == said
    result, _ = collect(tmp_path, None, workers=0)
    assert of_documents(result.issues) == said
    alone = check_files([tmp_path / "DS Ban Co thang 5.csv"])
    assert [(i.code, i.detail) for i in alone] == [("file-skipped", ".csv")]


def _ban_co_sent_twice(folder: Path, damaged_newer: bool) -> None:
    """The plan, Nà Mòn's roster, and Bản Cọ's May list sent twice: a damaged
    'DS_BanCo_T5.xlsx' (its zip cut short) and a CSV copy 'DS Ban Co thang 5.csv', the one
    saved 100 s after the other."""
    import os

    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    damaged = folder / "DS_BanCo_T5.xlsx"
    damaged.write_bytes(b"PK\x03\x04 cut short" + bytes(100))
    copy = folder / "DS Ban Co thang 5.csv"
    copy.write_text("STT,Mã hộ\n1,BC1\n", encoding="utf-8")
    older, newer = (copy, damaged) if damaged_newer else (damaged, copy)
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_700_000_100, 1_700_000_100))


def _of_ban_co(issues) -> list[tuple]:
    return sorted((i.file, i.code, i.severity) for i in issues if "Ban" in i.file)


def test_a_damaged_list_and_a_csv_copy_are_said_alike_by_check_and_a_run(tmp_path):
    """Bản Cọ sent a damaged .xlsx and a CSV copy of its May list. A run counts only the newer
    one as Bản Cọ's refused file: the damaged .xlsx saved last, the CSV is merely skipped
    (file-skipped); the CSV saved last, it is the refused file (not-a-spreadsheet). The damaged
    file is file-unreadable either way. `check` on the same folder says the same: it called the
    CSV Bản Cọ's refused file in both cases, weighing only the photo and CSV files."""
    for damaged_newer, csv_said in ((True, ("file-skipped", "warning")),
                                    (False, ("not-a-spreadsheet", "error"))):  # fmt: skip
        folder = tmp_path / ("damaged-newer" if damaged_newer else "csv-newer")
        folder.mkdir()
        _ban_co_sent_twice(folder, damaged_newer)
        expected = [
            ("DS Ban Co thang 5.csv", *csv_said),
            ("DS_BanCo_T5.xlsx", "file-unreadable", "error"),
        ]
        result, _ = collect(folder, None, workers=0)
        assert _of_ban_co(result.issues) == expected
        assert next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")["status"] == (
            "rejected"
        )
        assert _of_ban_co(check_files([folder])) == expected


def test_a_dated_list_of_unreadable_month_and_a_newer_csv_copy_are_said_alike(tmp_path):
    """Bản Cọ sent 'BanCo.xlsx' (Ngày lập 03/06/2024) whose 'Kỳ báo cáo' reads 'tháng năm', and
    later a CSV copy: a run refuses the list for its month (invalid-period) and takes it, dated,
    as Bản Cọ's refused file over the undated CSV, which is skipped (file-skipped). `check` says
    the same; it called the CSV Bản Cọ's refused file (not-a-spreadsheet)."""
    import os

    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    listed = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(listed)
    book["Thông tin"]["B4"] = "tháng năm"
    book.save(listed)
    copy = tmp_path / "DS Ban Co thang 5.csv"
    copy.write_text("STT,Mã hộ\n1,BC1\n", encoding="utf-8")
    os.utime(listed, (1_700_000_000, 1_700_000_000))
    os.utime(copy, (1_700_000_100, 1_700_000_100))
    expected = [
        ("BanCo.xlsx", "invalid-period", "error"),
        ("DS Ban Co thang 5.csv", "file-skipped", "warning"),
    ]
    result, _ = collect(tmp_path, None, workers=0)
    assert _of_ban_co(result.issues) == expected
    assert _of_ban_co(check_files([tmp_path])) == expected


def test_a_csv_copy_beside_the_hamlets_other_refused_list_is_said_as_in_a_run(tmp_path):
    """Đồng Kè sent 'DS Dong Ke thang 5.csv' and, saved 100 s later, a list a run refuses but
    still takes as Đồng Kè's: an empty list (empty-list), a neighbour's file with 'Xóm' Nà Mòn
    under Đồng Kè's title (hamlet-conflict), a list dated 05/2099 (future-period). The list is
    then the hamlet's file, and the CSV is merely skipped (file-skipped), by a run; `check`
    called the CSV Đồng Kè's refused file (not-a-spreadsheet) in all three cases."""
    import os

    def empty(folder):
        return write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, [])

    def neighbours(folder):
        path = write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150,
                            [person("DK1", "poor")])  # fmt: skip
        book = openpyxl.load_workbook(path)
        book["Thông tin"]["B3"] = "Nà Mòn"
        book.save(path)
        return path

    def future(folder):
        return write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")],
                            period="2099-05")  # fmt: skip

    for build, code in ((empty, "empty-list"), (neighbours, "hamlet-conflict"),
                        (future, "future-period")):  # fmt: skip
        folder = tmp_path / build.__name__
        folder.mkdir()
        write_plan(folder)
        write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
        copy = folder / "DS Dong Ke thang 5.csv"
        copy.write_text("STT,Mã hộ\n1,DK1\n", encoding="utf-8")
        listed = build(folder)
        os.utime(copy, (1_700_000_000, 1_700_000_000))
        os.utime(listed, (1_700_000_100, 1_700_000_100))
        result, _ = collect(folder, None, workers=0)
        found = check_files([folder])
        for name in (copy.name, listed.name):
            assert _where(found, name) == _where(result.issues, name), build.__name__
        assert [i.code for i in found if i.file == copy.name] == ["file-skipped"]
        assert code in [i.code for i in found if i.file == listed.name]


def test_a_list_of_another_month_is_not_told_so_when_its_hamlet_sent_that_months_list(tmp_path):
    """Bản Cọ's May list 'BanCo_T5.xlsx' and a first draft 'DS_BanCo_2024-05_nhap.xlsx' whose
    'Kỳ báo cáo' was left 04/2024; Nà Mòn's May list in T5/, its June list in T6/ and, beside it,
    'T6/NaMon_cu.xlsx' with 05/2024. The run of May (or June) does not say the draft (or
    NaMon_cu) is that month's list with its period left unchanged: its hamlet's own list of
    that month counts. The run of April counts the draft as Bản Cọ's April list, and the run of
    May sets NaMon_cu aside as an older copy (superseded, other-month). `check` told both as
    another month's lists (period-differs-from-file-name, -folder), and so not copies."""
    write_plan(tmp_path)
    write_roster(tmp_path, "BanCo_T5.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    write_roster(tmp_path, "DS_BanCo_2024-05_nhap.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-04", prepared=date(2024, 5, 20))  # fmt: skip
    for folder, name, period in (("T5", "NaMon.xlsx", "2024-05"), ("T6", "NaMon.xlsx", "2024-06"),
                                 ("T6", "NaMon_cu.xlsx", "2024-05")):  # fmt: skip
        (tmp_path / folder).mkdir(exist_ok=True)
        write_roster(tmp_path / folder, name, "Nà Mòn", 102, [person("NM1", "poor")],
                     period=period, prepared=date(2024, 7, 1))  # fmt: skip
    # each month's movements, said by `check` too since session 50, are not this test's
    found = [i for i in check_files([tmp_path]) if i.code != "vanished-household"]
    runs = {month: [i for i in collect(tmp_path, month, workers=0)[0].issues
                    if i.code != "vanished-household"]  # the start list's: movements
            for month in ("2024-04", "2024-05", "2024-06")}  # fmt: skip
    for month, name in (("2024-04", "DS_BanCo_2024-05_nhap.xlsx"), ("2024-05", "T6/NaMon_cu.xlsx")):
        assert _where(found, name) == _where(runs[month], name)
        for other, issues in runs.items():
            assert other == month or _where(issues, name) == []
    assert _where(found, "DS_BanCo_2024-05_nhap.xlsx") == []
    assert [i.code for i in found if i.file == "T6/NaMon_cu.xlsx"] == ["superseded"]


def test_check_takes_the_plan_a_run_takes_and_says_a_second_plan_of_the_year(tmp_path, monkeypatch):
    """'KeHoach_2024.xlsx', its corrected copy 'KeHoach_2024_sua.xlsx' saved later, and last
    year's 'KeHoach_2023.xlsx' (its commune written 'Xã Bảo Linh') saved last of all, beside
    Nà Mòn's May 2024 list. A run takes the 2024 plan saved last and warns that the other 2024
    plan is not used (plan-duplicate); last year's plan is left alone. `check` took the first
    plan in the folder, 2023's: no plan-duplicate, and Nà Mòn's 'Xã' said to differ from the
    plan's commune (commune-mismatch)."""
    import os
    import shutil

    from tests import commune

    first = write_plan(tmp_path)
    corrected = tmp_path / "KeHoach_2024_sua.xlsx"
    shutil.copyfile(first, corrected)
    monkeypatch.setitem(commune.PLAN_INFO, "plan_year", 2023)
    monkeypatch.setitem(commune.PLAN_INFO, "commune", "Bảo Linh")
    (tmp_path / "old").mkdir()
    last_year = write_plan(tmp_path / "old").rename(tmp_path / "KeHoach_2023.xlsx")
    (tmp_path / "old").rmdir()
    for stamp, path in enumerate((first, corrected, last_year)):
        os.utime(path, (1_700_000_000 + 100 * stamp,) * 2)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    result, _ = collect(tmp_path, None, workers=0)
    assert result.plan.file == corrected.name
    found = check_files([tmp_path])

    def said(issues):
        return sorted((i.file, i.code, str(i.detail)) for i in issues
                      if i.code not in ("vanished-household", TARGETS_ABOVE_START))  # fmt: skip

    assert said(found) == said(result.issues)
    assert said(found) == [("KeHoach_2024.xlsx", "plan-duplicate", "KeHoach_2024_sua.xlsx")]


def test_a_list_in_another_months_folder_beside_its_months_list_is_said_as_both_runs_say(
    tmp_path,
):
    """Nà Mòn's May list in T5/, and 'T6/NaMon.xlsx' whose 'Kỳ báo cáo' still says 05/2024 (NM2
    of 0 people), Nà Mòn having sent no June list. The run of June says the T6 list is June's
    with May left in its cell (period-differs-from-folder); the run of May sets it aside for
    T5's list (superseded, its folder naming another month) and says nothing of NM2. `check`
    said the first and NM2's size, not the second: a list told as another month's was no copy
    of the month its cell says. One whose file name or folder names that month still never sets
    the hamlet's own list of its cell's month aside (session 15): it comes after it. Session 51:
    June's run says NM2's size with the cell, and `check` still does."""
    write_plan(tmp_path)
    for folder, rows, prepared in (("T5", [person("NM1", "poor")], date(2024, 6, 3)),
                                   ("T6", [person("NM1", "poor"), person("NM2", "poor", nhan_khau=0)],
                                    date(2024, 7, 1))):  # fmt: skip
        (tmp_path / folder).mkdir()
        write_roster(tmp_path / folder, "NaMon.xlsx", "Nà Mòn", 102, rows, prepared=prepared)
    write_roster(tmp_path, "BanCo_T6.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-06", prepared=date(2024, 7, 1))  # fmt: skip
    found = check_files([tmp_path])
    ran = {month: [i for i in collect(tmp_path, month, workers=0)[0].issues
                   if i.file == "T6/NaMon.xlsx"] for month in ("2024-05", "2024-06")}  # fmt: skip
    said = sorted((i.code, i.variant, i.cell, str(i.detail)) for i in found
                  if i.file == "T6/NaMon.xlsx")  # fmt: skip
    assert said == sorted((i.code, i.variant, i.cell, str(i.detail))
                          for issues in ran.values() for i in issues)  # fmt: skip
    # (session 51: the run of June says NM2's size with the cell, as `check` does)
    assert said == [("invalid-household-size", "", "H6", ""),
                    ("period-differs-from-folder", "", "B4", "06/2024"),
                    ("superseded", "other-month", "", "T5/NaMon.xlsx")]  # fmt: skip
    # May not run: its households gone (NM2-NM5 of the start list) as its run says them
    # (session 50), nothing else
    may = [i.code for i in collect(tmp_path, "2024-05", workers=0)[0].issues
           if i.file == "T5/NaMon.xlsx"]  # fmt: skip
    assert [i.code for i in found if i.file == "T5/NaMon.xlsx"] == may == ["vanished-household"] * 4


def test_a_list_titled_for_another_month_is_a_copy_of_its_cells_month_as_in_that_months_run(
    tmp_path,
):
    """Bản Cọ's April list 'BanCo_T4.xlsx' (Ngày lập 02/05) and 'BanCo_moi.xlsx' (20/05), titled
    'THÁNG 5/2024' with 04/2024 in its cell, Bản Cọ having sent no May list. The run of May says
    the second is May's list with April left in it (period-differs-from-title); the run of April
    counts it as Bản Cọ's newer April copy and sets the first aside (superseded). `check` said
    the first as counted, the second as no copy of April."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(tmp_path, "BanCo_T4.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-04", prepared=date(2024, 5, 2))  # fmt: skip
    path = write_roster(tmp_path, "BanCo_moi.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                        period="2024-04", prepared=date(2024, 5, 20))  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM BẢN CỌ – THÁNG 5/2024"
    book.save(path)
    found = check_files([tmp_path])
    ran = [i for month in ("2024-04", "2024-05")
           for i in collect(tmp_path, month, workers=0)[0].issues]  # fmt: skip

    def said(issues):
        return sorted((i.file, i.code, i.cell, str(i.detail)) for i in issues
                      if i.file.startswith("BanCo") and i.code != "vanished-household")  # fmt: skip

    assert said(found) == said(ran)
    assert said(found) == [
        ("BanCo_T4.xlsx", "superseded", "", "BanCo_moi.xlsx"),
        ("BanCo_moi.xlsx", "period-differs-from-title", "B4", "05/2024"),
    ]


def test_a_code_in_three_lists_names_the_other_two_in_the_order_a_run_names_them(tmp_path):
    """NM1 in Nà Mòn's list, in Bản Cọ's and in Đồng Kè's 'A_DongKe.xlsx' (first in the
    folder). A run reads the lists in the plan's order of their hamlets (Nà Mòn, Bản Cọ, Đồng
    Kè), and Nà Mòn's row names "xóm Bản Cọ …; xóm Đồng Kè …"; `check` named them in the
    folder's order, Đồng Kè first."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    write_roster(
        tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor"), person("NM1", "poor")]
    )
    write_roster(tmp_path, "A_DongKe.xlsx", "Đồng Kè", 150, [person("NM1", "poor")])
    found = check_files([tmp_path])
    result, _ = collect(tmp_path, None, workers=0)

    def said(issues):
        return sorted((i.file, i.cell, i.message()) for i in issues
                      if i.code == "duplicate-household-id")  # fmt: skip

    assert said(found) == said(result.issues)
    assert said(found)[-1][-1].startswith(
        "Mã hộ 'NM1' bị trùng với xóm Bản Cọ, tệp BanCo.xlsx, dòng 6; xóm Đồng Kè, tệp "
        "A_DongKe.xlsx, dòng 5."
    )


def test_without_the_plan_a_list_is_judged_by_the_standard_of_its_year(tmp_path, monkeypatch):
    """Checked in June 2027 without the plan: May 2027's list marks BC1 poor with 2,000,000 đồng
    a person a month and 3 deprivations. The 2027–2030 rural line is 2,200,000, so BC1 is poor
    as written; by the 2022–2025 line (1,500,000) it would be above the line, and `check` used
    that line for any year."""

    class June2027(date):
        @classmethod
        def today(cls):
            return date(2027, 6, 15)

    monkeypatch.setattr("pipeline.checkfiles.date", June2027)
    poor = person("BC1", "poor", thu_nhap=2_000_000)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [poor], period="2027-05")
    assert [i.code for i in check_files([tmp_path])] == []
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [poor], period="2026-05")
    found = [(i.code, i.cell) for i in check_files([tmp_path])]
    assert found == [("classification-mismatch", "I5")]  # 2026: still the 2022–2025 line


def _month_folders_with_may_left_at_april(folder: Path) -> None:
    """The plan, and the lists kept in one folder a month: T4/ holds Nà Mòn's and Bản Cọ's
    April lists (Ngày lập 03/05/2024); T5/ Bản Cọ's May list and Nà Mòn's, a copy of its April
    file whose 'Kỳ báo cáo' was left 04/2024 (Ngày lập 03/06/2024). Both Nà Mòn files are
    'NaMon.xlsx'."""
    write_plan(folder)
    (folder / "T4").mkdir()
    (folder / "T5").mkdir()
    april = {"period": "2024-04", "prepared": date(2024, 5, 3)}
    write_roster(folder / "T4", "NaMon.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM4", "near_poor")], **april)  # fmt: skip
    write_roster(folder / "T4", "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")], **april)  # fmt: skip
    write_roster(folder / "T5", "NaMon.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM4", "poor")], period="2024-04")  # fmt: skip
    write_roster(folder / "T5", "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "near_poor")])  # fmt: skip


def test_two_month_folders_given_at_once_are_checked_as_one_folder_as_a_run_checks_it(tmp_path):
    """`check input/T4 input/T5 input/KeHoach_2024.xlsx`: the files are one set, named by their
    path in the folders' common parent as a run of 'input' names them. T5/NaMon.xlsx sits in
    May's folder with 04/2024 in its cell: May's run says so at B4 (Nà Mòn sent no other May
    list), April's sets it aside for T4's own April list (other-month). Both were
    'NaMon.xlsx', the folder unread: April's own list was said to be an older copy of
    'NaMon.xlsx', and nothing of the May folder."""
    _month_folders_with_may_left_at_april(tmp_path)
    plan = tmp_path / "KeHoach_2024.xlsx"
    found = check_files([tmp_path / "T4", tmp_path / "T5", plan])

    def said(issues):
        return sorted((i.code, i.file, i.cell, i.variant, str(i.detail)) for i in issues
                      if i.code not in ("vanished-household", TARGETS_ABOVE_START))  # fmt: skip

    assert said(found) == [
        ("period-differs-from-folder", "T5/NaMon.xlsx", "B4", "", "05/2024"),
        ("superseded", "T5/NaMon.xlsx", "", "other-month", "T4/NaMon.xlsx"),
    ]
    april, _ = collect(tmp_path, "2024-04", workers=0)
    may, _ = collect(tmp_path, None, workers=0)
    assert said(found) == said([*april.issues, *may.issues])
    # the same files given as the one folder, and each folder given alone, as before
    assert said(check_files([tmp_path])) == said(found)
    assert said(check_files([tmp_path / "T5", plan])) == []  # 'NaMon.xlsx': April's, as its cell


def test_a_plan_kept_in_each_of_two_folders_given_is_a_plan_too_many_as_in_a_run(tmp_path):
    """`check T4 T5`, each folder holding its month's Nà Mòn list ('NaMon.xlsx', NM2 of no
    class at I6) and a copy of the plan ('KeHoach_2024.xlsx', T5's saved later): two plans of
    2024, the newer taken, the other said (plan-duplicate) naming it, as a run of the folder
    holding both says. Named alike, the plan was said to duplicate itself."""
    for folder, period, saved in (("T4", "2024-04", 1_714_600_000), ("T5", "2024-05", 1_717_300_000)):  # fmt: skip
        (tmp_path / folder).mkdir()
        plan = write_plan(tmp_path / folder)
        os.utime(plan, (saved, saved))
        write_roster(tmp_path / folder, "NaMon.xlsx", "Nà Mòn", 100,
                     [person("NM1", "poor"), person("NM2", "")], period=period)  # fmt: skip
    # (each plan's targets above the start rates said too: check checks every file given)
    # (and May's list's start-list households missing: the run's warnings, session 22)
    found = [i for i in check_files([tmp_path / "T4", tmp_path / "T5"])
             if i.code not in (TARGETS_ABOVE_START, "vanished-household")]  # fmt: skip
    assert sorted((i.code, i.file, i.cell, str(i.detail)) for i in found) == [
        ("invalid-classification", "T4/NaMon.xlsx", "I6", ""),
        ("invalid-classification", "T5/NaMon.xlsx", "I6", ""),
        ("plan-duplicate", "T4/KeHoach_2024.xlsx", "", "T5/KeHoach_2024.xlsx"),
    ]
    result, _ = collect(tmp_path, None, workers=0)
    ran = [(i.file, str(i.detail)) for i in result.issues if i.code == "plan-duplicate"]
    assert ran == [("T4/KeHoach_2024.xlsx", "T5/KeHoach_2024.xlsx")]


def test_two_files_of_one_name_given_by_themselves_are_told_apart_by_their_folders(tmp_path):
    """Nà Mòn's head sent 'NaMon.xlsx' by Zalo (Ngày lập 03/06/2024, NM2 'nghèo lắm') and again,
    corrected, by e-mail (05/06/2024): `check Zalo/NaMon.xlsx Email/NaMon.xlsx` names each by
    its path in their common folder, and the Zalo one is the older copy of the e-mail one, as
    a run of that folder says; it was 'NaMon.xlsx' set aside for 'NaMon.xlsx'. One file given
    by itself is still named by its name."""
    write_plan(tmp_path)
    sent = {"Zalo": (date(2024, 6, 3), "nghèo lắm"), "Email": (date(2024, 6, 5), "near_poor")}
    for folder, (prepared, status) in sent.items():
        (tmp_path / folder).mkdir()
        write_roster(tmp_path / folder, "NaMon.xlsx", "Nà Mòn", 100,
                     [person("NM1", "poor"), person("NM2", status)], prepared=prepared)  # fmt: skip
    zalo, email = tmp_path / "Zalo" / "NaMon.xlsx", tmp_path / "Email" / "NaMon.xlsx"
    found = [(i.code, i.file, str(i.detail)) for i in check_files([zalo, email])]
    assert found == [("superseded", "Zalo/NaMon.xlsx", "Email/NaMon.xlsx")]
    result, _ = collect(tmp_path, None, workers=0)
    ran = [(i.code, i.file, str(i.detail)) for i in result.issues if i.code == "superseded"]
    assert ran == found
    alone = [(i.code, i.file, i.cell) for i in check_files([zalo])]
    assert alone == [("invalid-classification", "NaMon.xlsx", "I6")]


def test_a_list_given_by_itself_from_a_month_folder_never_sets_that_months_list_aside(tmp_path):
    """`check T4/NaMon.xlsx T5/DS_NaMon.xlsx KeHoach_2024.xlsx`: the T5 file (its 'Kỳ báo cáo'
    left 04/2024, Ngày lập later) is told as May's by its folder, so it comes after April's own
    list (superseded, other-month), as when the folders are given (session 13's rule); the
    copy check read the file's name alone and set April's own list aside for it."""
    _month_folders_with_may_left_at_april(tmp_path)
    (tmp_path / "T5" / "NaMon.xlsx").rename(tmp_path / "T5" / "DS_NaMon.xlsx")
    given = [tmp_path / "T4" / "NaMon.xlsx", tmp_path / "T5" / "DS_NaMon.xlsx"]
    found = past_targets(check_files([*given, tmp_path / "KeHoach_2024.xlsx"]))
    assert sorted((i.code, i.file, i.variant, str(i.detail)) for i in found) == [
        ("period-differs-from-folder", "DS_NaMon.xlsx", "", "05/2024"),
        ("superseded", "DS_NaMon.xlsx", "other-month", "NaMon.xlsx"),
        *[("vanished-household", "NaMon.xlsx", "", "danh sách đầu năm")] * 3,
    ]
    # the start list's households April's own list lacks, as the run of the folder says them
    # (the T5 copy set aside there too: its folder is read, not the name it is given by)
    (tmp_path / "T5" / "BanCo.xlsx").unlink()  # not given: April is the month run
    result, _ = collect(tmp_path, None, workers=0)
    ran = [i for i in result.issues if i.code == "vanished-household" and i.hamlet == "Nà Mòn"]
    assert sorted(i.value for i in ran) == sorted(
        i.value for i in found if i.code == "vanished-household"
    )
    assert {i.file for i in ran} == {"T4/NaMon.xlsx"}


def test_files_of_one_name_with_no_common_folder_are_named_by_their_full_path(
    tmp_path, monkeypatch
):
    """Two 'NaMon.xlsx' on two Windows drives (D:\\T4, E:\\T5) have no folder in common
    (os.path.commonpath fails): each is named by its full path, never one name, and nothing
    breaks."""
    monkeypatch.setattr("pipeline.checkfiles._common_parent", lambda folders: None)
    for folder, period in (("T4", "2024-04"), ("T5", "2024-05")):
        (tmp_path / folder).mkdir()
        write_roster(tmp_path / folder, "NaMon.xlsx", "Nà Mòn", 100,
                     [person("NM1", "poor"), person("NM2", "")], period=period)  # fmt: skip
    found = [(i.file, i.cell) for i in check_files([tmp_path / "T4", tmp_path / "T5"])]
    assert sorted(found) == [((tmp_path / "T4" / "NaMon.xlsx").as_posix(), "I6"),
                             ((tmp_path / "T5" / "NaMon.xlsx").as_posix(), "I6")]  # fmt: skip


def test_without_the_plan_a_list_naming_no_hamlet_is_quoted_by_its_file_not_as_a_hamlet(
    tmp_path,
):
    """Without the plan, 'T5/DS_thang5.xlsx' ('Xóm' blank, a title naming no hamlet) and Nà
    Mòn's list both hold BC1. Nà Mòn's duplicate names the other list by its file and row: it
    used to call the file name a hamlet ("xóm T5/DS_thang5.xlsx, tệp T5/DS_thang5.xlsx")."""
    (tmp_path / "T5").mkdir()
    path = write_roster(tmp_path / "T5", "DS_thang5.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = None
    book["Danh sách"]["A1"] = "DANH SÁCH HỘ NGHÈO"
    book.save(path)
    write_roster(tmp_path / "T5", "NaMon.xlsx", "Nà Mòn", 102, [person("BC1", "poor")])
    said = {i.file: i.message() for i in check_files([tmp_path]) if i.code != "hamlet-blank"}
    assert said["T5/NaMon.xlsx"].startswith(
        "Mã hộ 'BC1' bị trùng với tệp T5/DS_thang5.xlsx, dòng 5. "
    )
    assert said["T5/DS_thang5.xlsx"].startswith(
        "Mã hộ 'BC1' bị trùng với xóm Nà Mòn, tệp T5/NaMon.xlsx, dòng 5. "
    )
