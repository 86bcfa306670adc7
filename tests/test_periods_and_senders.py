"""Periods as hamlet heads type them, and hamlets that sent a file that could not be used.

A 'Kỳ báo cáo' typed as the number 5.2024, as text '31/05/2024' or as 'Tháng Năm 2024' is the
month it says; one that lands in an implausible year is an error at its cell, never a silent
"other period". A hamlet whose file was refused before its hamlet was settled (its period not
read, the file unreadable, its hamlet not in the plan) shows as rejected, not "not submitted",
when nothing else of it counts; every file given is on 'Nộp báo cáo'.
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from pipeline.discover import inspect_file
from pipeline.report.workbook import write_consolidated
from pipeline.run import collect, execute
from pipeline.text import parse_period
from tests.commune import past_targets, person, write_plan, write_roster
from tests.messy import ban_co_households, na_mon_households

# --- the period cell, value by value ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "period"),
    [
        # '05,2024' / '5.2024' typed into a cell Excel keeps as a number
        (5.2024, "2024-05"),
        (12.2024, "2024-12"),
        (10.202, "2020-10"),  # 10.2020: the number lost its trailing zero
        # the same number in a cell formatted as a date: 5.2024 days after 1900-01-00
        (datetime(1900, 1, 5, 4, 51, 27, 360000), "2024-05"),
        # a full date typed as text: its month
        ("31/05/2024", "2024-05"),
        ("1-5-2024", "2024-05"),
        ("2024-05-31", "2024-05"),
        ("Ngày 31 tháng 5 năm 2024", "2024-05"),
        # the month in words, with or without accents, any case
        ("Tháng Năm 2024", "2024-05"),
        ("THANG NAM 2024", "2024-05"),
        ("tháng năm năm 2024", "2024-05"),
        ("Tháng Tư/2024", "2024-04"),
        ("tháng bốn 2024", "2024-04"),
        ("Tháng Bảy năm 2024", "2024-07"),
        ("Tháng Mười 2024", "2024-10"),
        ("Tháng Mười Một năm 2024", "2024-11"),
        ("thang muoi hai, 2024", "2024-12"),
    ],
)
def test_periods_typed_the_ways_excel_keeps_them(typed, period):
    assert parse_period(typed) == period


@pytest.mark.parametrize(
    "typed",
    [
        5,  # an Excel date of 5 January 1900
        2024,  # the year alone: an Excel date of 1905
        datetime(1900, 1, 5),  # a date cell holding 5
        5.2,  # one or two decimals are no year
        5.21,
        13.2024,  # no month 13
        "13/2024",
        "05/1999",
        "05/2101",
        "31/02/2024",  # no such day
        "05/31/2024",  # month first: month 31
        "Tháng ..... năm 2024",  # the form's blank, not May
        "Tháng    năm 2024",
        "Năm 2024",  # a year, not the month Năm
    ],
)
def test_what_is_no_month_of_2000_to_2100_is_not_read(typed):
    assert parse_period(typed) is None


# --- whole runs ---------------------------------------------------------------------------------


def _set_info(path: Path, label: str, value, number_format: str | None = None) -> str:
    """Type ``value`` into the 'Thông tin' cell beside ``label``; returns that cell ('B4')."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Thông tin"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
    cell = ws.cell(row, 2)
    cell.value = value
    if number_format:
        cell.number_format = number_format
    wb.save(path)
    return cell.coordinate


def _dong_ke() -> list[dict]:
    return [person("DK1", "poor"), person("DK2", "near_poor")]


def _by_hamlet(result) -> dict[str, dict]:
    return {h["hamlet"]: h for h in result.summary["hamlets"]}


def _reporting_sheet(result, folder: Path):
    path = folder / "out" / "TongHop.xlsx"
    path.parent.mkdir()
    write_consolidated(result, path)
    return openpyxl.load_workbook(path, data_only=True)["Nộp báo cáo"]


def _tables(ws) -> tuple[dict[str, list], list[list]]:
    """The hamlet table ({hamlet: [status, file, rows read, rows rejected]}) and the rows of the
    other files' table ([hamlet, status, file, rows read, rows rejected])."""
    rows = [[c.value for c in row[:6]] for row in ws.iter_rows()]
    heads = [i for i, row in enumerate(rows) if row[0] == "STT"]
    hamlets, position = {}, heads[0] + 1
    while isinstance(rows[position][0], int):
        hamlets[rows[position][1]] = rows[position][2:]
        position += 1
    others = []
    if len(heads) > 1:
        position = heads[1] + 1
        while position < len(rows) and isinstance(rows[position][0], int):
            others.append(rows[position][1:])
            position += 1
    return hamlets, others


def test_period_typed_as_a_number_a_date_text_or_in_words_is_the_month(tmp_path):
    """Nà Mòn types 5.2024 into a cell formatted as a date (it shows 05/01/1900), Bản Cọ
    'Tháng Năm 2024', Đồng Kè '31/05/2024': all three are May 2024, all counted."""
    write_plan(tmp_path)
    na_mon = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    ban_co = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, ban_co_households())
    dong_ke = write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150, _dong_ke())
    _set_info(na_mon, "Kỳ báo cáo", 5.2024, "mm/yyyy")
    _set_info(ban_co, "Kỳ báo cáo", "Tháng Năm 2024")
    _set_info(dong_ke, "Kỳ báo cáo", "31/05/2024")
    result, _ = collect(tmp_path, None, workers=0)
    assert result.period == "2024-05"
    assert {s.file: s.period for s in result.submissions if s.kind == "roster"} == {
        "NaMon.xlsx": "2024-05",
        "BanCo.xlsx": "2024-05",
        "DongKe.xlsx": "2024-05",
    }
    assert [h["status"] for h in result.summary["hamlets"]] == ["ok", "ok", "ok"]
    assert result.summary["complete"] is True
    assert not [i for i in result.issues if i.severity == "error"]
    # Nà Mòn: NM1, NM5, NM6 poor; NM2, NM4 near-poor (tests/commune.py)
    na_mon = _by_hamlet(result)["Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_a_number_period_an_implausible_year_and_an_unreadable_month(tmp_path):
    """Nà Mòn's 'Kỳ báo cáo' is the number 5.2024 (typed '05,2024'): May, counted. Bản Cọ's is
    the number 5 in a date cell (5 January 1900): an invalid-period error at its cell, and the
    hamlet, which sent nothing else, is rejected, not "not submitted" nor "other period".
    Đồng Kè's is '13/2024': rejected the same way."""
    write_plan(tmp_path)
    na_mon = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    ban_co = write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, ban_co_households())
    dong_ke = write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150, _dong_ke())
    _set_info(na_mon, "Kỳ báo cáo", 5.2024, "0.0000")
    cell = _set_info(ban_co, "Kỳ báo cáo", datetime(1900, 1, 5), "dd/mm/yyyy")
    _set_info(dong_ke, "Kỳ báo cáo", "13/2024")
    result, _ = collect(tmp_path, None, workers=0)
    by = _by_hamlet(result)
    assert result.period == "2024-05"
    assert (by["Nà Mòn"]["status"], by["Bản Cọ"]["status"], by["Đồng Kè"]["status"]) == (
        "ok",
        "rejected",
        "rejected",
    )
    assert result.summary["reporting"]["accepted"] == 1 and result.summary["complete"] is False
    ban_co_sub = next(s for s in result.submissions if s.file == "BanCo.xlsx")
    assert (ban_co_sub.period, ban_co_sub.status) == (None, "rejected")  # not "other_period"
    issue = next(i for i in result.issues if i.file == "BanCo.xlsx")
    assert (issue.code, issue.severity, issue.hamlet) == ("invalid-period", "error", "Bản Cọ")
    assert (issue.sheet, issue.cell, issue.column, issue.value) == (
        "Thông tin",
        cell,
        "Kỳ báo cáo",
        "05/01/1900",
    )
    assert issue.message("vi") == (
        "Kỳ báo cáo '05/01/1900' không đọc được thành một tháng từ năm 2000 đến 2100. "
        "Hãy ghi tháng theo dạng 05/2024 hoặc Tháng 5 năm 2024."
    )
    record = result.reporting.set_index("hamlet").loc["Bản Cọ"]
    assert (record["status"], record["file"], record["rows_read"]) == ("rejected", "BanCo.xlsx", 3)
    dong_ke_issue = next(i for i in result.issues if i.file == "DongKe.xlsx")
    assert (dong_ke_issue.code, dong_ke_issue.hamlet, dong_ke_issue.value) == (
        "invalid-period",
        "Đồng Kè",
        "13/2024",
    )
    hamlets, others = _tables(_reporting_sheet(result, tmp_path))
    assert hamlets == {
        "Nà Mòn": ["Hợp lệ", "NaMon.xlsx", 6, 0],
        # a refused list has every row left out (session 47)
        "Bản Cọ": ["Bị từ chối: kỳ báo cáo '05/01/1900' không đọc được", "BanCo.xlsx", 3, 3],
        "Đồng Kè": ["Bị từ chối: kỳ báo cáo '13/2024' không đọc được", "DongKe.xlsx", 2, 2],
    }
    assert others == []


def test_unreadable_period_unknown_hamlet_and_damaged_files_are_the_hamlets(tmp_path):
    """What each hamlet sent for May 2024 and what the officer is shown:

    * Nà Mòn: a counted roster, and an older copy whose period '13/2024' cannot be read (it
      may be last month's: it does not take the place of the counted one, but is listed);
    * Bản Cọ: only its roster cut short in the copy (an unreadable zip): rejected;
    * Đồng Kè: only a roster whose 'Xóm' is 'Đông Khê', not in the plan; its file name says
      Đồng Kè, its codes are on no list: rejected for that;
    * and a file of a hamlet not in the plan, a web page saved as .xls whose name names no
      hamlet, and random bytes named after Đồng Kè's April: each listed under the hamlets.
    """
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    old_copy = write_roster(tmp_path, "NaMon_cu.xlsx", "Nà Mòn", 102, na_mon_households())
    period_cell = _set_info(old_copy, "Kỳ báo cáo", "13/2024")
    whole = write_roster(tmp_path, "BanCo_full.xlsx", "Bản Cọ", 200, ban_co_households())
    data = whole.read_bytes()
    whole.unlink()
    (tmp_path / "BanCo_2024-05.xlsx").write_bytes(data[: len(data) // 2])
    # codes on no start list (DK1, DK2 would take it as Đồng Kè's: session 22)
    dong_ke = write_roster(tmp_path, "DongKe.xlsx", "Đông Khê", 150,
                           [person("DK7", "poor"), person("DK8", "near_poor")])  # fmt: skip
    write_roster(tmp_path, "La.xlsx", "Xóm Lạ", 80, [person("L1", "poor")])
    (tmp_path / "BaoCao.xls").write_text(  # a web page with no table: no list (test_markup)
        "<html><body><p>Phiên đăng nhập đã hết hạn</p></body></html>", encoding="utf-8"
    )
    (tmp_path / "DongKe_2024-04.xlsx").write_bytes(random.Random(7).randbytes(2000))
    result, _ = collect(tmp_path, None, workers=0)

    by = _by_hamlet(result)
    assert result.period == "2024-05"
    assert (by["Nà Mòn"]["status"], by["Bản Cọ"]["status"], by["Đồng Kè"]["status"]) == (
        "ok",
        "rejected",
        "rejected",
    )
    assert result.summary["reporting"]["accepted"] == 1
    # Bản Cọ's cut-short file is its refused file, not a skipped one; BaoCao.xls is skipped;
    # DongKe_2024-04.xlsx is April's, "khác kỳ" (session 43)
    assert result.summary["issues"]["files_skipped"] == 1
    files = result.reporting.set_index("hamlet")["file"].to_dict()
    assert files == {"Nà Mòn": "NaMon.xlsx", "Bản Cọ": "BanCo_2024-05.xlsx",
                     "Đồng Kè": "DongKe.xlsx"}  # fmt: skip

    issues = {i.file: i for i in result.issues if i.severity == "error"}
    # Each refused file's error names the hamlet where it can be told, and only then; a 'Xóm'
    # not in the plan, as written (as 'Nộp báo cáo' below names it).
    assert {f: (i.code, i.hamlet) for f, i in issues.items()} == {
        "NaMon_cu.xlsx": ("invalid-period", "Nà Mòn"),
        "BanCo_2024-05.xlsx": ("file-unreadable", "Bản Cọ"),
        "DongKe.xlsx": ("unknown-hamlet", "Đồng Kè"),
        "La.xlsx": ("unknown-hamlet", "Xóm Lạ"),
        "BaoCao.xls": ("file-unreadable", ""),
    }
    assert (issues["NaMon_cu.xlsx"].cell, issues["NaMon_cu.xlsx"].value) == (period_cell, "13/2024")
    unknown = issues["DongKe.xlsx"]
    assert (unknown.sheet, unknown.cell, unknown.value) == ("Thông tin", "B3", "Đông Khê")
    assert openpyxl.load_workbook(dong_ke)["Thông tin"]["B3"].value == "Đông Khê"

    ws = _reporting_sheet(result, tmp_path)
    hamlets, others = _tables(ws)
    assert hamlets["Nà Mòn"] == ["Hợp lệ", "NaMon.xlsx", 6, 0]
    assert hamlets["Bản Cọ"] == [
        "Bị từ chối: tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo hay chép USB bị ngắt "
        "giữa chừng)",
        "BanCo_2024-05.xlsx",
        None,
        None,
    ]  # nothing read from it
    assert hamlets["Đồng Kè"] == [
        "Bị từ chối: xóm 'Đông Khê' không có trong kế hoạch",
        "DongKe.xlsx",
        2,
        2,  # a refused list has every row left out (session 47)
    ]
    # Every other file given, refused ones first, the hamlet named where it can be told.
    assert others == [
        [None, "Bị từ chối: đây là trang web (HTML) hoặc tệp XML xuất từ phần mềm khác, chỉ được "
               "đặt tên đuôi .xls: không phải bảng tính Excel thật", "BaoCao.xls", None, None],
        ["Xóm Lạ", "Bị từ chối: xóm 'Xóm Lạ' không có trong kế hoạch", "La.xlsx", 1, 1],
        ["Nà Mòn", "Bị từ chối: kỳ báo cáo '13/2024' không đọc được", "NaMon_cu.xlsx", 6, 6],
        ["Đồng Kè", "Khác kỳ (tháng 4/2024, theo tên tệp): tệp không đọc được", "DongKe_2024-04.xlsx", None, None],
    ]  # fmt: skip


def test_an_unreadable_file_named_for_another_month_is_not_the_hamlets(tmp_path):
    """Đồng Kè's only file is a 0-byte copy named for April: it is not taken as May's (Đồng Kè
    stays "not submitted"). It is listed as April's, with Đồng Kè named; its problem is April's,
    not one of May's (session 43: it was a May error, with a May feedback file)."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, ban_co_households())
    (tmp_path / "DS_DongKe_2024-04.xlsx").write_bytes(b"")
    result, _ = collect(tmp_path, None, workers=0)
    assert _by_hamlet(result)["Đồng Kè"]["status"] == "missing"
    assert [i for i in result.issues if i.file == "DS_DongKe_2024-04.xlsx"] == []
    hamlets, others = _tables(_reporting_sheet(result, tmp_path))
    assert hamlets["Đồng Kè"] == ["Chưa nộp", None, None, None]
    assert others == [["Đồng Kè", "Khác kỳ (tháng 4/2024, theo tên tệp): tệp không đọc được", "DS_DongKe_2024-04.xlsx",
                       None, None]]  # fmt: skip


def test_last_months_damaged_copies_kept_in_the_folder_are_not_this_months(tmp_path):
    """The officer keeps each month's files in its own folder. In April Bản Cọ's list came cut
    short in the copy and Nà Mòn's empty (a copy that never finished); both hamlets send a good
    list in May. May's run counts both; April's two damaged files are
    April's: no May error, no file skipped, no May feedback telling Bản Cọ's head that its
    list was not counted (session 43: 2 errors, 2 files skipped, 2 feedback files)."""
    from pipeline.report.feedback import feedback_targets

    write_plan(tmp_path)
    april, may = tmp_path / "T4", tmp_path / "T5"
    april.mkdir()
    may.mkdir()
    whole = write_roster(april, "full.xlsx", "Bản Cọ", 200, ban_co_households())
    data = whole.read_bytes()
    whole.unlink()
    (april / "DS_BanCo_2024-04.xlsx").write_bytes(data[: len(data) // 2])
    (april / "DS_NaMon_2024-04.xls").write_bytes(b"")  # a copy that never finished
    write_roster(may, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, na_mon_households())
    write_roster(may, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, ban_co_households())
    result, _ = collect(tmp_path, None, workers=0)
    assert result.period == "2024-05"
    assert (_by_hamlet(result)["Nà Mòn"]["status"], _by_hamlet(result)["Bản Cọ"]["status"]) == (
        "ok",
        "ok",
    )
    assert [i.file for i in result.issues if i.file.startswith("T4/")] == []
    assert result.summary["issues"]["errors"] == 0
    assert result.summary["issues"]["files_skipped"] == 0
    assert [sub.file for sub, _, _ in feedback_targets(result)] == []
    _, others = _tables(_reporting_sheet(result, tmp_path))
    assert others[:2] == [
        [
            "Bản Cọ",
            "Khác kỳ (tháng 4/2024, theo tên tệp): tệp không đọc được",
            "T4/DS_BanCo_2024-04.xlsx",
            None,
            None,
        ],
        [
            "Nà Mòn",
            "Khác kỳ (tháng 4/2024, theo tên tệp): tệp không đọc được",
            "T4/DS_NaMon_2024-04.xls",
            None,
            None,
        ],
    ]


def test_a_damaged_file_in_this_months_folder_named_for_another_month_is_this_months(tmp_path):
    """QA, session 43: the officer put Bản Cọ's May list in 'T5/'; its head typed April in the
    name ('T5/DS_BanCo_2024-04.xlsx') and it came cut short. Taken by its name as April's, May's
    run said nothing of it: Bản Cọ 'Chưa nộp', no error, no feedback, only 'Khác kỳ' on 'Nộp
    báo cáo'. The folder the officer sorted it into says May: it is Bản Cọ's refused file of
    May, told as a damaged file is, with a feedback file to its head."""
    from pipeline.report.feedback import feedback_targets

    write_plan(tmp_path)
    may = tmp_path / "T5"
    may.mkdir()
    write_roster(may, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, na_mon_households())
    whole = write_roster(may, "full.xlsx", "Bản Cọ", 200, ban_co_households())
    data = whole.read_bytes()
    whole.unlink()
    (may / "DS_BanCo_2024-04.xlsx").write_bytes(data[: len(data) // 2])
    result, _ = collect(tmp_path, None, workers=0)
    assert result.period == "2024-05"
    assert _by_hamlet(result)["Bản Cọ"]["status"] == "rejected"
    assert [(i.code, i.hamlet) for i in result.issues if i.file == "T5/DS_BanCo_2024-04.xlsx"] == [
        ("file-unreadable", "Bản Cọ")
    ]
    assert result.summary["issues"]["errors"] == 1
    assert [sub.file for sub, _, _ in feedback_targets(result)] == ["T5/DS_BanCo_2024-04.xlsx"]
    hamlets, _ = _tables(_reporting_sheet(result, tmp_path))
    assert hamlets["Bản Cọ"][:2] == [
        "Bị từ chối: tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo hay chép USB bị ngắt "
        "giữa chừng)",
        "T5/DS_BanCo_2024-04.xlsx",
    ]


# --- what an unreadable file turns out to be ----------------------------------------------------


def _roster_bytes(folder: Path) -> bytes:
    path = write_roster(folder, "source.xlsx", "Đồng Kè", 150, _dong_ke())
    data = path.read_bytes()
    path.unlink()
    return data


@pytest.mark.parametrize(
    ("name", "make", "says", "technical"),
    [
        ("cut.xlsx", lambda data: data[: len(data) // 2],
         "Tệp bị hỏng hoặc chưa chép hết (tải về, gửi qua Zalo hay chép USB bị ngắt giữa chừng).",
         "gói nén (zip)"),  # the reader's "invalid Zip archive: …" in words (session 50)
        # a web page with no table (one with a table is read: tests.test_markup)
        ("web.xls", lambda data: b"<html><body><p>Phien dang nhap da het han</p></body></html>",
         "Đây là trang web (HTML) hoặc tệp XML xuất từ phần mềm khác, chỉ được đặt tên đuôi .xls: "
         "không phải bảng tính Excel thật.", "trang web không có bảng nào"),  # Vietnamese: session 57
        ("scan.xlsx", lambda data: b"%PDF-1.4\n" + bytes(500),
         "Đây là tệp PDF được đặt tên đuôi .xlsx, không phải bảng tính.", ""),
        ("photo.xlsx", lambda data: b"\xff\xd8\xff\xe0" + bytes(500),
         "Đây là ảnh (chụp hoặc quét) được đặt tên đuôi .xlsx, không phải bảng tính.", ""),
        # text that is no table (a table's is read: tests.test_markup)
        ("list.xls", lambda data: "Danh sách xóm Đồng Kè\nĐã gửi qua Zalo\n".encode(),
         "Đây là tệp văn bản (CSV, TXT) được đặt tên đuôi .xls, không phải bảng tính Excel thật.",
         ""),
    ],
)  # fmt: skip
def test_an_unreadable_file_is_explained_in_vietnamese(tmp_path, name, make, says, technical):
    path = tmp_path / name
    path.write_bytes(make(_roster_bytes(tmp_path)))
    sub, issues, _ = inspect_file(path, name)
    assert (sub.kind, sub.status) == ("unreadable", "rejected")
    [issue] = issues
    assert (issue.code, issue.value) == ("file-unreadable", says)
    assert technical in issue.detail and "\\x" not in issue.detail
    # the reader's own English cut short; a sentence said in words whole (opening.describe_error)
    assert hasattr(issue.detail, "en") or len(issue.detail) <= 80
    # What happened first, then what to do; the reader's own words only as an aside at the end.
    assert issue.message("vi") == (
        f"Không đọc được tệp. {says} Hãy nhờ trưởng xóm mở tệp gốc bằng Excel, chọn Lưu thành "
        f"(Save As) kiểu Sổ làm việc Excel (.xlsx) rồi gửi lại tệp vừa lưu. "
        f"(Chi tiết kỹ thuật: {issue.detail})"
    )
    # and in English with --lang en, no Vietnamese left in it but the quoted names
    english = issue.message("en")
    assert english.startswith("The file cannot be read. ") and says not in english
    assert "Không" not in english and "Đây là" not in english


def test_a_refused_hamlets_unreadable_file_is_kept_with_the_sources(tmp_path):
    """The sources kept beside the report are the record of what was received: the file Bản Cọ
    sent, cut short in the copy, is among them (and its hash), as the counted ones are."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    whole = write_roster(tmp_path, "BanCo_full.xlsx", "Bản Cọ", 200, ban_co_households())
    cut = folder / "BanCo_2024-05.xlsx"
    cut.write_bytes(whole.read_bytes()[:1500])
    out = tmp_path / "output"
    result = execute(folder, out, None)[0]
    assert _by_hamlet(result)["Bản Cọ"]["status"] == "rejected"
    kept = sorted(p.name for p in (out / "2024-05" / "nguon").iterdir())
    assert kept == ["BanCo_2024-05.xlsx", "KeHoach_2024.xlsx", "NaMon.xlsx"]
    manifest = (out / "2024-05" / "nguon-sha256.txt").read_text("utf-8")
    assert f"{hashlib.sha256(cut.read_bytes()).hexdigest()}  BanCo_2024-05.xlsx" in manifest


def test_a_photo_of_the_list_named_for_a_hamlet_is_what_that_hamlet_sent(tmp_path):
    """Bản Cọ sent a photo of its paper list (over Zalo) instead of the Excel roster: the
    officer sees "bị từ chối: gửi tệp .jpg", not "chưa nộp"; a picture naming no hamlet, or a
    hamlet that also sent its roster, is only skipped."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    (tmp_path / "DS Ban Co thang 5.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    (tmp_path / "NaMon_anh.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")  # Nà Mòn sent both
    (tmp_path / "anh.png").write_bytes(b"\x89PNG a picture")
    result, _ = collect(tmp_path, None, workers=0)
    by = _by_hamlet(result)
    assert (by["Nà Mòn"]["status"], by["Bản Cọ"]["status"], by["Đồng Kè"]["status"]) == (
        "ok",
        "rejected",
        "missing",
    )
    files = result.reporting.set_index("hamlet")["file"].to_dict()
    assert files["Bản Cọ"] == "DS Ban Co thang 5.jpg"
    [issue] = [i for i in result.issues if i.code == "not-a-spreadsheet"]
    assert (issue.file, issue.hamlet, issue.severity) == (
        "DS Ban Co thang 5.jpg",
        "Bản Cọ",
        "error",
    )
    assert issue.message("vi").startswith("Xóm gửi tệp .jpg (ảnh, PDF hoặc văn bản)")
    from pipeline.report.reporting import refusal_reasons

    assert refusal_reasons(result.issues)["DS Ban Co thang 5.jpg"] == (
        "gửi tệp .jpg, không phải bảng tính Excel"
    )
    assert result.summary["issues"]["files_skipped"] == 2  # the other two pictures


def test_a_csv_copy_of_a_hamlets_list_is_one_issue_and_no_skipped_file(tmp_path):
    """Bản Cọ sent its list as 'DS Ban Co thang 5.csv'; the folder also holds a note
    'ghichu.docx' and Excel's lock file of Nà Mòn's list, open on the officer's machine. The
    CSV is Bản Cọ's refused file with one issue, the error not-a-spreadsheet (it also had the
    warning file-skipped, "Bỏ qua tệp…"). 'tệp bỏ qua' counts the note alone, the one skipped
    file 'Lỗi dữ liệu' lists (file-skipped): 1, not 2; the lock file is listed on 'Nộp báo
    cáo' only."""
    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    (tmp_path / "DS Ban Co thang 5.csv").write_text("STT,Mã hộ\n1,BC1\n", encoding="utf-8")
    (tmp_path / "ghichu.docx").write_bytes(b"PK\x03\x04 a note")
    (tmp_path / "~$NaMon.xlsx").write_bytes(b"\x00" * 165)
    result, _ = collect(tmp_path, None, workers=0)
    assert _by_hamlet(result)["Bản Cọ"]["status"] == "rejected"
    by_file = sorted((i.file, i.code, i.severity) for i in result.issues
                     if i.code in ("file-skipped", "not-a-spreadsheet"))  # fmt: skip
    assert by_file == [
        ("DS Ban Co thang 5.csv", "not-a-spreadsheet", "error"),
        ("ghichu.docx", "file-skipped", "warning"),
    ]
    assert result.summary["issues"]["files_skipped"] == 1
    skipped = [s.file for s in result.submissions if s.status == "skipped"]
    assert sorted(skipped) == ["ghichu.docx", "~$NaMon.xlsx"]  # both 'Bỏ qua' on 'Nộp báo cáo'


def test_a_counted_file_with_only_warnings_found_with_the_movements_says_so(tmp_path):
    """May 2024, every file counted, no error. Nà Mòn lists NM7 as 'Thoát' (row 11) though it
    is on no list of the start of the year: a warning at that row's Mã hộ (B11), its only
    issue. Bản Cọ leaves out BC3, near-poor at the start: a warning to confirm that it left,
    its only issue. Đồng Kè's list is clean. The officer's sheet says the first two are valid
    with warnings, as the JSON counts them (2 warnings, 0 errors), and Đồng Kè plainly valid."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102,
                 [*na_mon_households(), person("NM7", "exited")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, ban_co_households()[:2])
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, _dong_ke())
    out = tmp_path / "output"
    result = execute(folder, out, None)[0]
    said = sorted((i.file, i.code, i.severity, i.cell) for i in past_targets(result.issues))
    assert said == [
        ("BanCo.xlsx", "vanished-household", "warning", ""),
        ("NaMon.xlsx", "exited-not-listed-at-start", "warning", "B11"),
    ]
    saved = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    # and the plan's two: its targets are above the commune's start rates
    assert saved["issues"]["errors"] == 0 and saved["issues"]["warnings"] == 4
    assert [(h["hamlet"], h["status"]) for h in saved["hamlets"]] == [
        ("Nà Mòn", "ok"), ("Bản Cọ", "ok"), ("Đồng Kè", "ok"),
    ]  # fmt: skip
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx", data_only=True)
    hamlets, others = _tables(book["Nộp báo cáo"])
    assert hamlets == {
        "Nà Mòn": ["Hợp lệ, có cảnh báo", "NaMon.xlsx", 7, 0],
        "Bản Cọ": ["Hợp lệ, có cảnh báo", "BanCo.xlsx", 2, 0],
        "Đồng Kè": ["Hợp lệ", "DongKe.xlsx", 2, 0],
    }
    assert others == []
    assert result.reporting.set_index("hamlet")["status"].to_dict() == {
        "Nà Mòn": "warnings", "Bản Cọ": "warnings", "Đồng Kè": "valid",
    }  # fmt: skip


def _copy_of_dong_ke(folder: Path, hamlet_cell: str) -> Path:
    """Đồng Kè's May list (DK1 poor, DK2 near-poor: its start list, 150 households), and a copy
    of it with the codes KD1, KD2 and its 'Xóm' cell (B3) written over by ``hamlet_cell``: its
    title still says 'XÓM ĐỒNG KÈ'."""
    write_roster(folder, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150,
                 [person("DK1", "poor"), person("DK2", "near_poor")])  # fmt: skip
    copy = write_roster(folder, "DS_KhuoiDac_2024-05.xlsx", "Đồng Kè", 150,
                        [person("KD1", "poor"), person("KD2", "near_poor")])  # fmt: skip
    book = openpyxl.load_workbook(copy)
    book["Thông tin"]["B3"] = hamlet_cell
    book.save(copy)
    return copy


def test_a_hamlet_not_in_the_plan_is_not_the_plan_hamlet_its_title_names(tmp_path):
    """The copy says 'Khuổi Đắc' (not in the plan) in its 'Xóm' cell and Đồng Kè in its title:
    the cell decides. Đồng Kè's own list is counted and clean, so Đồng Kè gets no feedback;
    the copy's issue and feedback are Khuổi Đắc's ('Khuổi Đắc_2024-05.xlsx', the one such
    file: no '_1'), and its message says the title names Đồng Kè. It used to be Đồng Kè's
    refused file ('Đồng Kè_2024-05.xlsx', 'Lỗi dữ liệu' Xóm = Đồng Kè)."""
    from pipeline.checkfiles import check_files
    from pipeline.report.feedback import feedback_targets

    plan = write_plan(tmp_path)
    copy = _copy_of_dong_ke(tmp_path, "Khuổi Đắc")
    result, _ = collect(tmp_path, None, workers=0)
    by = _by_hamlet(result)
    assert (by["Đồng Kè"]["status"], by["Đồng Kè"]["poor"], by["Đồng Kè"]["near_poor"]) == (
        "ok", 1, 1,
    )  # fmt: skip
    [issue] = [i for i in result.issues if i.file == "DS_KhuoiDac_2024-05.xlsx"]
    assert (issue.code, issue.hamlet, issue.cell) == ("unknown-hamlet", "Khuổi Đắc", "B3")
    assert issue.message("vi") == (
        "Xóm 'Khuổi Đắc' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế "
        "hoạch (tiêu đề của danh sách lại ghi xóm Đồng Kè: nếu đúng là danh sách của xóm Đồng "
        "Kè, hãy sửa ô 'Xóm', nếu không thì sửa tiêu đề. Các xóm trong kế hoạch: Nà Mòn, Bản "
        "Cọ, Đồng Kè)."
        " Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó vào trang 'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại."
    )
    assert issue.message("en") == (
        "Hamlet 'Khuổi Đắc' is not in the commune plan. Write the hamlet name as the plan has "
        "it (the list's title names hamlet Đồng Kè instead: if it is Đồng Kè's list, correct "
        "the 'Xóm' cell, otherwise the title. The plan's hamlets: Nà Mòn, Bản Cọ, Đồng Kè)."
        " If it is a hamlet not yet in the plan, the commune needs to add it to the plan's 'Chỉ tiêu theo xóm' sheet and consolidate again."
    )
    names = [(s.file, name) for s, _, name in feedback_targets(result)]
    assert ("DS_KhuoiDac_2024-05.xlsx", "Khuổi Đắc_2024-05.xlsx") in names
    assert not [n for f, n in names if n.startswith("Đồng Kè")]
    # `check` with the plan says it in the same words
    [checked] = [i for i in check_files([copy, plan]) if i.code == "unknown-hamlet"]
    assert checked.message("vi") == issue.message("vi")


def test_a_hamlet_not_in_the_plan_is_named_as_written_in_every_sheet_and_its_feedback(tmp_path):
    """The copy's 'Xóm' and title both say Khuổi Đắc: its issue names Khuổi Đắc, as 'Nộp báo
    cáo' does (it was blank), and its feedback is 'Khuổi Đắc_2024-05.xlsx' (it was '…_1.xlsx'
    with no plain one); the message lists the plan's hamlets only."""
    from pipeline.report.feedback import feedback_targets

    write_plan(tmp_path)
    write_roster(tmp_path, "DS_DongKe_2024-05.xlsx", "Đồng Kè", 150,
                 [person("DK1", "poor"), person("DK2", "near_poor")])  # fmt: skip
    write_roster(tmp_path, "DS_KhuoiDac_2024-05.xlsx", "Khuổi Đắc", 90,
                 [person("KD1", "poor"), person("KD2", "near_poor")])  # fmt: skip
    result, _ = collect(tmp_path, None, workers=0)
    [issue] = [i for i in result.issues if i.file == "DS_KhuoiDac_2024-05.xlsx"]
    assert (issue.code, issue.hamlet) == ("unknown-hamlet", "Khuổi Đắc")
    assert issue.message("vi") == (
        "Xóm 'Khuổi Đắc' không có trong kế hoạch của xã. Hãy ghi đúng tên xóm như trong kế "
        "hoạch (Nà Mòn, Bản Cọ, Đồng Kè)."
        " Nếu đây là một xóm chưa có trong kế hoạch thì xã cần thêm xóm đó vào trang 'Chỉ tiêu theo xóm' của kế hoạch rồi tổng hợp lại."
    )
    names = [(s.file, name) for s, _, name in feedback_targets(result)]
    assert names == [("DS_KhuoiDac_2024-05.xlsx", "Khuổi Đắc_2024-05.xlsx")]
    ws = _reporting_sheet(result, tmp_path)
    _, others = _tables(ws)
    assert [row[0] for row in others if row[2] == "DS_KhuoiDac_2024-05.xlsx"] == ["Khuổi Đắc"]


def test_a_hamlet_cell_that_is_a_slip_for_the_titles_hamlet_is_that_hamlets_file(tmp_path):
    """The copy's 'Xóm' says 'Đồng Kẻ x', a likely slip for Đồng Kè, whose name its title
    holds: it stays Đồng Kè's refused file, as before (its own list still counts)."""
    write_plan(tmp_path)
    _copy_of_dong_ke(tmp_path, "Đồng Kẻ x")
    result, _ = collect(tmp_path, None, workers=0)
    [issue] = [i for i in result.issues if i.file == "DS_KhuoiDac_2024-05.xlsx"]
    assert (issue.code, issue.hamlet) == ("unknown-hamlet", "Đồng Kè")
    assert "(có phải xóm 'Đồng Kè'? Các xóm trong kế hoạch:" in issue.message("vi")


def test_a_list_whose_month_is_written_nowhere_is_told_so_not_quoted_as_blank(tmp_path):
    """Session 21. Bản Cọ sent no 'Thông tin', and its title names the hamlet but no year
    ('THÁNG 5'), its file name no month. It was refused with "Kỳ báo cáo '' không đọc được …",
    quoting a value nobody wrote. Now it is told the month is written nowhere and where to
    write it (the template's 'Thông tin', or the title); 'Nộp báo cáo' gives the reason in the
    same words. Đồng Kè's '13/2024' is still quoted as written."""
    from pipeline.report.reporting import refusal_reasons
    from tests import messy

    write_plan(tmp_path)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_households())
    layout = messy.Layout(sheet="DS", title=("DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ THÁNG 5",))
    roster = messy.roster_sheet(ban_co_households(), layout, messy.Typing())
    messy.write_book(tmp_path / "BanCo.xlsx", [roster])
    dong_ke = write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150, _dong_ke())
    _set_info(dong_ke, "Kỳ báo cáo", "13/2024")
    result, _ = collect(tmp_path, None, workers=0)
    said = {i.file: i for i in result.issues if i.code == "invalid-period"}
    assert sorted(said) == ["BanCo.xlsx", "DongKe.xlsx"]
    none, quoted = said["BanCo.xlsx"], said["DongKe.xlsx"]
    assert (none.variant, none.sheet, none.cell, none.hamlet) == ("none", "DS", "", "Bản Cọ")
    assert none.message("vi") == (
        "Không tìm thấy kỳ báo cáo của danh sách: tệp không có ô 'Kỳ báo cáo' (trang 'Thông "
        "tin' của mẫu), tiêu đề và tên tệp cũng không ghi đủ tháng và năm, nên xã không biết "
        "danh sách là của tháng nào. Hãy thêm trang 'Thông tin' như mẫu và ghi 'Kỳ báo cáo', "
        "ví dụ 05/2024 (hoặc ghi tháng vào tiêu đề danh sách, ví dụ 'THÁNG 5/2024')."
    )
    assert none.message("en").startswith("The list's reporting period was not found")
    assert (quoted.variant, quoted.cell, quoted.value) == ("", "B4", "13/2024")
    assert quoted.message("vi").startswith("Kỳ báo cáo '13/2024' không đọc được")
    reasons = refusal_reasons(result.issues)
    assert reasons["BanCo.xlsx"] == "không ghi kỳ báo cáo (tháng, năm)"
    assert reasons["DongKe.xlsx"] == "kỳ báo cáo '13/2024' không đọc được"
    assert refusal_reasons(result.issues, "en")["BanCo.xlsx"] == (
        "no reporting period (month and year) is written"
    )


def test_a_copy_of_a_neighbours_list_named_for_the_hamlet_is_no_list_of_either(tmp_path):
    """Session 43: the sample commune's May (4 hamlets); 'DS_KhauLang_2024-05.xlsx' holds the
    very bytes of Nà Mòn's 'DS_NaMon_2024-05.xlsx' (an attachment saved under the wrong name, or
    the neighbour's file sent unchanged), saved after it. It was taken as Nà Mòn's newer copy:
    Nà Mòn counted under Khau Lang's file name, Khau Lang "Chưa nộp", nothing saying a file
    named for it holds another hamlet's list. Now Nà Mòn counts from its own file (TL.01.001,
    005, 006 poor; 002, 003, 004 near-poor; 28 households) and the copy is Khau Lang's refused
    file, said on screen, on 'Lỗi dữ liệu', 'Nộp báo cáo', in Khau Lang's feedback and by
    `check`."""
    import os

    from pipeline import cli
    from pipeline.checkfiles import check_files
    from pipeline.sample import generate_sample

    folder, out = tmp_path / "input", tmp_path / "output"
    generate_sample(folder, hamlets=4, households=5, months=1)
    own, copy = folder / "DS_NaMon_2024-05.xlsx", folder / "DS_KhauLang_2024-05.xlsx"
    copy.write_bytes(own.read_bytes())
    os.utime(own, (1717300000, 1717300000))
    os.utime(copy, (1717400000, 1717400000))  # the copy saved the later
    result, _, _ = execute(folder, out, "2024-05")
    by = _by_hamlet(result)
    na_mon = by["Nà Mòn"]
    assert (na_mon["status"], na_mon["households"], na_mon["poor"], na_mon["near_poor"]) == (
        "ok", 28, 3, 3,
    )  # fmt: skip
    assert by["Khau Lang"]["status"] == "rejected"
    told = [i for i in result.issues if "DS_KhauLang" in i.file or i.code == "superseded"]
    assert [(i.code, i.variant, i.file, i.hamlet, i.cell, i.severity) for i in told] == [
        ("hamlet-codes-of-file-name", "same-file", "DS_KhauLang_2024-05.xlsx", "Khau Lang",
         "B3", "error"),
    ]  # fmt: skip
    assert told[0].message() == (
        "Tệp mang tên xóm Khau Lang nhưng giống hệt danh sách của xóm Nà Mòn (tệp "
        "'DS_NaMon_2024-05.xlsx'), nên không được tính cho xóm nào. Xã chưa nhận được danh sách "
        "của xóm Khau Lang: hãy nhờ trưởng xóm Khau Lang gửi danh sách của xóm Khau Lang."
    )
    assert (
        told[0]
        .message("en")
        .startswith(
            "The file is named for hamlet Khau Lang but holds the very same bytes as hamlet Nà "
            "Mòn's list (file 'DS_NaMon_2024-05.xlsx'), so it is counted for no hamlet."
        )
    )
    # within 100 characters, broken at the last space that fits (session 58, D: a head longer
    # than the screen on lines of its own), not inside a hamlet's name (R4: "… xóm Nà" / "Mòn")
    assert cli._absent_lines(result, "vi") == [
        "  Bị từ chối: Khau Lang (DS_KhauLang_2024-05.xlsx giống hệt tệp DS_NaMon_2024-05.xlsx "
        "của xóm",
        "    Nà Mòn: xóm chưa gửi danh sách của mình)",
    ]
    assert cli._absent_lines(result, "en") == [
        "  Rejected: Khau Lang (DS_KhauLang_2024-05.xlsx is the very same as Nà Mòn's file",
        "    DS_NaMon_2024-05.xlsx: the hamlet has not sent its own list)",
    ]
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    rows = {r[1]: r[2:4] for r in book["Nộp báo cáo"].iter_rows(values_only=True)}
    assert rows["Nà Mòn"] == ("Hợp lệ", "DS_NaMon_2024-05.xlsx")
    assert rows["Khau Lang"] == (
        "Bị từ chối: tệp mang tên xóm Khau Lang giống hệt danh sách của xóm Nà Mòn",
        "DS_KhauLang_2024-05.xlsx",
    )
    guide = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Khau Lang_2024-05.xlsx")
    texts = [v for row in guide.worksheets[0].iter_rows(values_only=True) for v in row if v]
    assert (
        "Danh sách chưa được tổng hợp: tệp này mang tên xóm Khau Lang nhưng giống hệt danh sách "
        "của xóm Nà Mòn (DS_NaMon_2024-05.xlsx), nên xã chưa nhận được danh sách của xóm Khau "
        "Lang. Hãy gửi danh sách của xóm Khau Lang."
    ) in texts
    assert (
        "Không sửa tệp này: đây là danh sách của xóm Nà Mòn. Hãy gửi cho xã danh sách hộ nghèo, "
        "hộ cận nghèo của xóm Khau Lang kỳ này (tệp theo mẫu, ô 'Xóm' ghi 'Khau Lang')."
    ) in texts
    assert (
        "Tệp này mang tên xóm Khau Lang nhưng giống hệt danh sách của xóm Nà Mòn (tệp "
        "'DS_NaMon_2024-05.xlsx'), nên không được tính: xã chưa nhận được danh sách của xóm "
        "Khau Lang. Không sửa tệp này; hãy gửi danh sách của xóm Khau Lang."
    ) in texts  # said to the head in their own words
    assert not (out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx").exists()
    # `check` says it as the run does, and sets nothing aside
    found = check_files([folder])
    assert [(i.code, i.variant, i.file) for i in found if i.file == copy.name] == [
        ("hamlet-codes-of-file-name", "same-file", "DS_KhauLang_2024-05.xlsx")
    ]
    assert not [i for i in found if i.code == "superseded"]


def test_a_neighbours_last_month_list_sent_for_the_hamlet_this_month_is_told(tmp_path):
    """Session 43 review: the sample commune, April and May in 'T4/' and 'T5/' (4 hamlets).
    Khau Lang sent its April list but for May only 'T5/KhauLang.xlsx', the very bytes of Nà
    Mòn's April list 'T4/NaMon_04.xlsx' (cell: Nà Mòn, 04/2024). It was taken for Nà Mòn's April
    copy set aside for Khau Lang's own April list: May's run said only "Chưa nộp: Khau Lang",
    `check` that nothing need be done ('superseded'). Sent for May (its folder), it is Khau
    Lang's refused May file, as a copy of a neighbour's list of this month is; so is
    'DS_KhauLang_2024-05.xlsx' loose in input/ with the same bytes (Bản Cọ, no May list of its
    own), and both are said alike by `check`. Nà Mòn counts from its own May list."""
    from pipeline import cli
    from pipeline.checkfiles import check_files
    from pipeline.sample import generate_sample

    folder, out = tmp_path / "input", tmp_path / "output"
    generate_sample(folder, hamlets=4, households=5, months=2)
    for month in ("04", "05"):
        (folder / f"T{int(month)}").mkdir()
        for name in ("BanCo", "DongKe", "KhauLang", "NaMon"):
            source = folder / f"DS_{name}_2024-{month}.xlsx"
            source.rename(folder / f"T{int(month)}" / f"{name}_{month}.xlsx")
    april = folder / "T4" / "NaMon_04.xlsx"
    (folder / "T5" / "KhauLang_05.xlsx").unlink()
    (folder / "T5" / "KhauLang.xlsx").write_bytes(april.read_bytes())
    (folder / "T5" / "BanCo_05.xlsx").unlink()
    (folder / "DS_BanCo_2024-05.xlsx").write_bytes(april.read_bytes())
    # a list is sent again later, not earlier: Nà Mòn's May list named for Đồng Kè and April,
    # Đồng Kè with an April list and none of May, is Đồng Kè's refused May file, as its cell says
    (folder / "T5" / "DongKe_05.xlsx").unlink()
    may = folder / "T5" / "NaMon_05.xlsx"
    (folder / "DS_DongKe_2024-04.xlsx").write_bytes(may.read_bytes())
    result, _, _ = execute(folder, out, "2024-05")
    by = _by_hamlet(result)
    assert (by["Nà Mòn"]["status"], by["Nà Mòn"]["households"]) == ("ok", 28)
    assert [by[h]["status"] for h in ("Khau Lang", "Bản Cọ", "Đồng Kè")] == ["rejected"] * 3
    copies = ("T5/KhauLang.xlsx", "DS_BanCo_2024-05.xlsx", "DS_DongKe_2024-04.xlsx")
    told = sorted(
        (i.code, i.variant, i.file, i.hamlet, i.detail, i.severity)
        for i in result.issues
        if i.file in copies or i.code == "superseded"
    )
    assert told == [
        ("hamlet-codes-of-file-name", "same-file", "DS_BanCo_2024-05.xlsx", "Bản Cọ",
         "T4/NaMon_04.xlsx", "error"),
        ("hamlet-codes-of-file-name", "same-file", "DS_DongKe_2024-04.xlsx", "Đồng Kè",
         "T5/NaMon_05.xlsx", "error"),
        ("hamlet-codes-of-file-name", "same-file", "T5/KhauLang.xlsx", "Khau Lang",
         "T4/NaMon_04.xlsx", "error"),
    ]  # fmt: skip
    assert cli._absent_lines(result, "en") == [
        "  Rejected: Khau Lang (T5/KhauLang.xlsx is the very same as Nà Mòn's file "
        "T4/NaMon_04.xlsx: the",
        "    hamlet has not sent its own list)",
        "  Rejected: Bản Cọ (DS_BanCo_2024-05.xlsx is the very same as Nà Mòn's file "
        "T4/NaMon_04.xlsx: the",
        "    hamlet has not sent its own list)",
        "  Rejected: Đồng Kè (DS_DongKe_2024-04.xlsx is the very same as Nà Mòn's file "
        "T5/NaMon_05.xlsx: the",
        "    hamlet has not sent its own list)",
    ]  # in the plan's order, a line each since session 57 (a copy's line says why already),
    # within 100 characters since session 58 (D)
    found = check_files([folder])
    assert sorted((i.code, i.variant, i.file) for i in found
                  if i.file in copies or i.code == "superseded") == [
        ("hamlet-codes-of-file-name", "same-file", "DS_BanCo_2024-05.xlsx"),
        ("hamlet-codes-of-file-name", "same-file", "DS_DongKe_2024-04.xlsx"),
        ("hamlet-codes-of-file-name", "same-file", "T5/KhauLang.xlsx"),
    ]  # fmt: skip


def test_the_month_a_neighbours_copy_was_sent_for():
    """Session 43 review: a copy is of the month of its folder, else of its file name, when
    later than its 'Kỳ báo cáo'. A folder naming no year: December's list in 'T1/' was sent for
    the next January; in 'T11/' it was not sent later (a first version took it for November of
    the next year, 11 being earlier than 12)."""
    from pipeline.consolidate import _sent_for
    from pipeline.types import Submission

    def sent(file: str, period: str) -> str:
        return _sent_for(Submission(file, Path(file), "roster", period=period))

    assert sent("T1/KhauLang.xlsx", "2024-12") == "2025-01"
    assert sent("T11/KhauLang.xlsx", "2024-12") == "2024-12"
    assert sent("T5/KhauLang.xlsx", "2024-04") == "2024-05"
    assert sent("T3/KhauLang.xlsx", "2024-04") == "2024-04"
    assert sent("2025/Thang 2/KhauLang.xlsx", "2024-12") == "2025-02"
    assert sent("DS_KhauLang_2024-06.xlsx", "2024-04") == "2024-06"
    assert sent("DS_KhauLang_2024-03.xlsx", "2024-04") == "2024-04"
    assert sent("KhauLang.xlsx", "2024-04") == "2024-04"


def test_a_damaged_file_loose_in_the_folder_named_for_another_month_is_named_on_screen(tmp_path):
    """Session 43: the sample commune's May (4 hamlets). Bản Cọ's May list came cut short,
    its head typing April in the name: 'DS_BanCo_2024-04.xlsx', loose in input/. It is April's
    (its name says so; nothing else tells), so May says no error of it, but the screen said only
    "Chưa nộp: Bản Cọ": the officer chased a hamlet that had sent a file. The screen now names
    the file beside the hamlet. Not so a damaged March copy kept in 'T3/' (Đồng Kè, which sent
    nothing in May either) nor a loose one of a hamlet counted in May (Nà Mòn)."""
    from pipeline import cli
    from pipeline.sample import generate_sample

    folder, out = tmp_path / "input", tmp_path / "output"
    generate_sample(folder, hamlets=4, households=5, months=1)
    cut = (folder / "DS_BanCo_2024-05.xlsx").read_bytes()[:3000]
    (folder / "DS_BanCo_2024-05.xlsx").unlink()
    (folder / "DS_BanCo_2024-04.xlsx").write_bytes(cut)
    (folder / "DS_DongKe_2024-05.xlsx").unlink()
    (folder / "T3").mkdir()
    (folder / "T3" / "DS_DongKe_2024-03.xlsx").write_bytes(cut)
    (folder / "DS_NaMon_2024-04.xlsx").write_bytes(cut)
    result, _, _ = execute(folder, out, "2024-05")
    assert [(s.file, s.status) for s in result.submissions if s.kind == "unreadable"] == [
        ("DS_BanCo_2024-04.xlsx", "other_period"),
        ("DS_NaMon_2024-04.xlsx", "other_period"),
        ("T3/DS_DongKe_2024-03.xlsx", "other_period"),
    ]
    assert result.summary["issues"]["errors"] == 0
    assert result.summary["issues"]["files_skipped"] == 0
    # within 100 characters, broken at a comma (session 58, D2)
    assert cli._absent_lines(result, "vi") == [
        "  Chưa nộp: Bản Cọ (tệp DS_BanCo_2024-04.xlsx mang tên kỳ 04/2024 không đọc được,",
        "    xem trang 'Nộp báo cáo'), Đồng Kè",
    ]
    assert cli._absent_lines(result, "en") == [
        "  Not received: Bản Cọ (file DS_BanCo_2024-04.xlsx, named for 04/2024, cannot be read,",
        "    see sheet 'Nộp báo cáo'), Đồng Kè",
    ]


def test_a_copy_named_for_a_neighbour_that_sent_its_own_list_is_only_a_copy(tmp_path):
    """Session 43: as above, but Khau Lang's own list came too ('DS_KhauLang_2024-05.xlsx':
    TL.02.002, 004, 007 poor; 001, 003, 006 near-poor; 005 Thoát; 33 households), and the copy
    of Nà Mòn's list is 'DS_KhauLang_2024-05 (1).xlsx', saved last. The first version of the
    rule above refused the copy as Khau Lang's file: an error, and feedback telling Khau Lang,
    whose list was counted, to send its list. Before it, the copy was counted as Nà Mòn's newer
    copy. Now each hamlet counts its own file and the copy is only Nà Mòn's same file, set
    aside with a warning ('Bản trùng'), no error, no feedback; `check` says the same."""
    import os

    from pipeline.checkfiles import check_files
    from pipeline.sample import generate_sample

    folder, out = tmp_path / "input", tmp_path / "output"
    generate_sample(folder, hamlets=4, households=5, months=1)
    copy = folder / "DS_KhauLang_2024-05 (1).xlsx"
    copy.write_bytes((folder / "DS_NaMon_2024-05.xlsx").read_bytes())
    for path in folder.iterdir():
        os.utime(path, (1717300000, 1717300000))
    os.utime(copy, (1717400000, 1717400000))  # the copy saved the later
    result, _, _ = execute(folder, out, "2024-05")
    by = _by_hamlet(result)
    assert {h: (by[h]["status"], by[h]["households"], by[h]["poor"], by[h]["near_poor"])
            for h in ("Nà Mòn", "Khau Lang")} == {
        "Nà Mòn": ("ok", 28, 3, 3), "Khau Lang": ("ok", 33, 3, 3),
    }  # fmt: skip
    assert {s.hamlet: s.file for s in result.submissions if s.status in ("valid", "warnings")
            and s.hamlet in ("Nà Mòn", "Khau Lang")} == {
        "Nà Mòn": "DS_NaMon_2024-05.xlsx", "Khau Lang": "DS_KhauLang_2024-05.xlsx",
    }  # fmt: skip
    told = [i for i in result.issues if i.file == copy.name]
    assert [(i.code, i.variant, i.hamlet, i.detail, i.severity) for i in told] == [
        ("superseded", "same-file", "Nà Mòn", "DS_NaMon_2024-05.xlsx", "warning")
    ]
    assert result.summary["issues"]["errors"] == 0
    assert not (out / "2024-05" / "PhanHoi").exists()
    found = check_files([folder])
    assert [(i.code, i.variant) for i in found if i.file == copy.name] == [
        ("superseded", "same-file")
    ]
