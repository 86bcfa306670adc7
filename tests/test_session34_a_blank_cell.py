"""Session 34 (docs/decisions.md, "Session 34: a blank 'Xóm' cell beside a title naming the
hamlet's former name"): a list whose 'Thông tin' sheet leaves 'Xóm' (B3) blank and whose title
names 'Nà Mòn', the plan writing 'Tân Mòn' since April, is refused at that blank cell
(variants 'former-title', 'former-sent-title'). Its PhanHoi keeps B3 blank: the head is told
the cell is blank and the title names the former name, and to write the name in the cell, not
"Ô 'Xóm' ghi 'Nà Mòn'" of a cell that writes nothing."""

from __future__ import annotations

import openpyxl

from pipeline.report.feedback import _said_to_head
from pipeline.run import execute
from tests.commune import person, write_roster
from tests.test_session32_former_name import april_renamed, refusal
from tests.test_session33_review import status


def _blank_titled(folder, period: str) -> None:
    """'cu_<period>.xlsx': its 'Xóm' cell blank, its title 'DANH SÁCH … xóm Nà Mòn - Tháng M
    năm 2024', its codes nobody's (ZZ1–ZZ3), so nothing but the title says whose it is."""
    rows = [person(f"ZZ{i}", "poor") for i in range(1, 4)]
    path = write_roster(folder, f"cu_{period}.xlsx", "Nà Mòn", 100, rows, period=period)
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B3"] = None
    book["Danh sách"]["A1"] = (
        f"DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO xóm Nà Mòn - Tháng {int(period[5:])} năm 2024"
    )
    book.save(path)


def _guide_b3(path) -> tuple:
    book = openpyxl.load_workbook(path)
    assert book["Thông tin"]["B3"].value is None  # kept blank, marked
    [row] = [r for r in book["Hướng dẫn sửa"].iter_rows(values_only=True) if "B3" in r]
    assert row[1:5] == ("Thông tin", "B3", None, "Xóm")
    return row[-1], book["Thông tin"]["B3"].comment.text


def test_a_months_list_with_a_blank_cell_titled_with_the_former_name(tmp_path):
    """May: Bản Cọ's list (counted) and the blank-cell list. The officer's refusal at B3 as
    session 33 says it (the title); the PhanHoi's guide row, the cell's note and the status
    line said "Ô 'Xóm' ghi 'Nà Mòn'" before."""
    folder, out = april_renamed(tmp_path)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    write_roster(folder, "BanCo_2024-05.xlsx", "Bản Cọ", 200, rows, period="2024-05")
    _blank_titled(folder, "2024-05")
    result, _, _ = execute(folder, out, "2024-05")
    issue = refusal(result)
    assert (issue.file, issue.sheet, issue.cell, issue.variant) == (
        "cu_2024-05.xlsx", "Thông tin", "B3", "former-title"
    )  # fmt: skip
    assert issue.message("vi").startswith("Tiêu đề của danh sách ghi xóm 'Nà Mòn', là tên cũ")
    [phan_hoi] = sorted((out / "2024-05" / "PhanHoi").iterdir())
    said = (
        "Ô 'Xóm' đang trống và tiêu đề của danh sách ghi xóm 'Nà Mòn', là tên cũ của xóm 'Tân "
        "Mòn' (tên trong kế hoạch từ kỳ 04/2024), nên danh sách chưa được tính. Hãy ghi 'Tân Mòn' "
        "vào ô 'Xóm' đúng như trong kế hoạch rồi gửi lại."
    )
    assert _guide_b3(phan_hoi) == (said, said)
    assert status(phan_hoi) == (
        "Danh sách chưa được tổng hợp vì ô 'Xóm' đang trống và tiêu đề ghi xóm 'Nà Mòn', là tên "
        "cũ của xóm Tân Mòn; hãy sửa các ô tô đỏ (xem bảng dưới) và gửi lại."
    )


def test_a_second_list_with_a_blank_cell_titled_with_the_former_name(tmp_path):
    """April: Tân Mòn's list (NaMon_2024-04.xlsx, counted) and the blank-cell list."""
    folder, out = april_renamed(tmp_path)
    _blank_titled(folder, "2024-04")
    result, _, _ = execute(folder, out, "2024-04")
    issue = refusal(result)
    assert (issue.cell, issue.variant) == ("B3", "former-sent-title")
    [phan_hoi] = sorted((out / "2024-04" / "PhanHoi").iterdir())
    said = (
        "Ô 'Xóm' đang trống và tiêu đề của danh sách ghi xóm 'Nà Mòn', là tên cũ của xóm 'Tân "
        "Mòn', nên danh sách chưa được tính; xóm 'Tân Mòn' đã có danh sách kỳ này (tệp "
        "'NaMon_2024-04.xlsx') và danh sách đó được tính. Nếu tệp này mới là bản đúng, hãy ghi "
        "'Tân Mòn' vào ô 'Xóm' đúng như trong kế hoạch rồi gửi lại để thay cho tệp kia; nếu "
        "không, không cần gửi lại tệp này."
    )
    assert _guide_b3(phan_hoi) == (said, said)
    assert status(phan_hoi) == (
        "Danh sách chưa được tổng hợp vì ô 'Xóm' đang trống và tiêu đề ghi xóm 'Nà Mòn', là tên "
        "cũ của xóm Tân Mòn, và xóm Tân Mòn đã có danh sách kỳ này (tệp 'NaMon_2024-04.xlsx') "
        "được tính. Nếu tệp này mới là bản đúng, hãy ghi 'Tân Mòn' vào ô 'Xóm' (xem bảng dưới) "
        "rồi gửi lại để thay cho tệp kia; nếu không, không cần gửi lại tệp này."
    )
    # the English twin of the head's wording
    assert (
        _said_to_head(issue)
        .message("en")
        .startswith(
            "The 'Xóm' cell is empty and the list's title names hamlet 'Nà Mòn', the former name of "
            "hamlet 'Tân Mòn', so the list is not counted; 'Tân Mòn' has a list of this period"
        )
    )
