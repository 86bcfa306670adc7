"""Session 33's review (docs/decisions.md, "Session 33: review of the session's changes"): a
list whose hamlet is read from its title (no 'Xóm' cell) under the hamlet's former name is
told to correct the title, not a 'Xóm' cell it does not have (variants 'former-title',
'former-sent-title'), in the refusal and the officer's report. The head's PhanHoi adds a
'Thông tin' sheet writing the name in its 'Xóm' cell: he is told to correct that cell, as
before ('-head' variants)."""

from __future__ import annotations

import openpyxl

from pipeline.report.reporting import reason_text
from pipeline.run import execute
from tests.commune import person, write_roster
from tests.messy import ban_co_households, ban_co_no_info
from tests.test_session32_former_name import april_renamed, refusal


def _titled(folder, period: str) -> None:
    """An xlsm with no 'Thông tin' sheet whose title names 'Nà Mòn' (the plan writes 'Tân Mòn'
    since April), its codes nobody's (ZZ0…), so nothing but the title says whose it is."""
    month = int(period[5:])
    households = [dict(h, ma_ho=f"ZZ{i}") for i, h in enumerate(ban_co_households())]
    title = f"DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO xóm Nà Mòn - Tháng {month} năm 2024"
    ban_co_no_info(folder, f"cu_{period}.xlsm", households, title=(title,))


def status(path) -> str:
    book = openpyxl.load_workbook(path)
    [row] = [r for r in book["Hướng dẫn sửa"].iter_rows(values_only=True) if "Tình trạng:" in r]
    return [v for v in row if v][-1]


def test_a_second_list_titled_with_the_former_name_is_told_to_correct_its_title(tmp_path):
    # April: Tân Mòn's list (NaMon_2024-04.xlsx, counted) and the titled copy
    folder, out = april_renamed(tmp_path)
    _titled(folder, "2024-04")
    result, _, _ = execute(folder, out, "2024-04")
    issue = refusal(result)
    assert (issue.file, issue.cell, issue.variant) == ("cu_2024-04.xlsm", "", "former-sent-title")
    assert issue.message("vi") == (
        "Tiêu đề của danh sách ghi xóm 'Nà Mòn', là tên cũ của xóm 'Tân Mòn', nên danh sách chưa "
        "được tính; xóm 'Tân Mòn' đã có danh sách kỳ này (tệp 'NaMon_2024-04.xlsx') và danh sách "
        "đó được tính. Nếu tệp này mới là bản đúng, hãy sửa tên xóm trong tiêu đề thành 'Tân Mòn' "
        "đúng như trong kế hoạch rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại "
        "tệp này."
    )
    assert issue.message("en").startswith(
        "The list's title names hamlet 'Nà Mòn', the former name of hamlet 'Tân Mòn', so the "
        "list is not counted; 'Tân Mòn' has a list of this period (file 'NaMon_2024-04.xlsx')"
    )
    # the copy's PhanHoi (Tân Mòn's and Bản Cọ's lists are clean: the only one of the month):
    # its added 'Thông tin' writes 'Nà Mòn' in 'Xóm' (B3), the cell the guide points at and
    # the head corrects, so the status line and the guide speak of that cell
    [phan_hoi] = sorted((out / "2024-04" / "PhanHoi").iterdir())
    assert status(phan_hoi) == (
        "Danh sách chưa được tổng hợp vì ô 'Xóm' ghi 'Nà Mòn', là tên cũ của xóm Tân Mòn, và "
        "xóm Tân Mòn đã có danh sách kỳ này (tệp 'NaMon_2024-04.xlsx') được tính. Nếu tệp này "
        "mới là bản đúng, hãy sửa ô 'Xóm' thành 'Tân Mòn' (xem bảng dưới) rồi gửi lại để thay "
        "cho tệp kia; nếu không, không cần gửi lại tệp này."
    )
    book = openpyxl.load_workbook(phan_hoi)
    assert (book["Thông tin"]["A3"].value, book["Thông tin"]["B3"].value) == ("Xóm", "Nà Mòn")
    [row] = [r for r in book["Hướng dẫn sửa"].iter_rows(values_only=True) if "B3" in r]
    assert row[1:5] == ("Thông tin", "B3", None, "Xóm")
    assert row[-1].startswith("Ô 'Xóm' ghi 'Nà Mòn', là tên cũ của xóm 'Tân Mòn', nên danh sách")


def test_a_months_list_titled_with_the_former_name_alone_is_told_to_correct_its_title(tmp_path):
    # May: Bản Cọ's list (counted) and the titled list; Tân Mòn sent nothing else
    folder, out = april_renamed(tmp_path)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-05.xlsx", "Bản Cọ", 200, rows, period="2024-05")
    _titled(folder, "2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    issue = refusal(result)
    assert (issue.file, issue.cell, issue.variant) == ("cu_2024-05.xlsm", "", "former-title")
    assert issue.message("vi") == (
        "Tiêu đề của danh sách ghi xóm 'Nà Mòn', là tên cũ của xóm 'Tân Mòn' (tên trong kế hoạch "
        "từ kỳ 04/2024), nên danh sách chưa được tính. Hãy sửa tên xóm trong tiêu đề thành "
        "'Tân Mòn' đúng như trong kế hoạch rồi gửi lại."
    )
    # the officer's report ('Nộp báo cáo') and the head's status line give the same reason
    assert reason_text(issue, "vi") == "tiêu đề ghi xóm 'Nà Mòn', tên cũ của xóm Tân Mòn"
    assert (
        reason_text(issue, "en") == "the title names hamlet 'Nà Mòn', hamlet Tân Mòn's former name"
    )
    # the head's PhanHoi: of the 'Xóm' cell of the 'Thông tin' sheet added to it, as before
    [phan_hoi] = [p for p in (out / "2024-05" / "PhanHoi").iterdir() if p.name.startswith("Nà")]
    assert status(phan_hoi).startswith(
        "Danh sách chưa được tổng hợp vì ô 'Xóm' ghi 'Nà Mòn', là tên cũ của xóm Tân Mòn; "
    )
