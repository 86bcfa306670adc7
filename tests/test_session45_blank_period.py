"""A list whose 'Kỳ báo cáo' cell is there but left blank, with no month in its title or file
name (docs/decisions.md "Session 45: a blank 'Kỳ báo cáo' cell is said blank, not a period ''
that cannot be read")."""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.report.reporting import reason_text
from tests.commune import person, write_roster


def test_a_blank_period_cell_is_said_blank_with_its_cell(tmp_path):
    """Nà Mòn's list 'NaMon.xlsx', its B4 ('Kỳ báo cáo', sheet 'Thông tin') blank: refused, as
    the commune cannot tell its month. Before: "Kỳ báo cáo '' không đọc được thành một tháng
    từ năm 2000 đến 2100" — a value of two quotes the head never wrote. Now the cell is named
    blank and the head told to write the month there; 'Nộp báo cáo' says no period is written,
    as for a list with no period cell at all."""
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")], period="")
    (issue,) = [i for i in check_files([tmp_path / "NaMon.xlsx"]) if i.code == "invalid-period"]
    assert (issue.sheet, issue.cell, issue.variant) == ("Thông tin", "B4", "blank")
    assert issue.message("vi") == (
        "Ô B4 ('Kỳ báo cáo') trong trang 'Thông tin' để trống, tiêu đề và tên tệp cũng không ghi "
        "đủ tháng và năm, nên xã không biết danh sách là của tháng nào. Hãy ghi kỳ báo cáo vào ô "
        "B4, ví dụ 05/2024."
    )
    assert issue.message("en").startswith("Cell B4 ('Kỳ báo cáo') of sheet 'Thông tin' is blank")
    assert reason_text(issue, "vi") == "không ghi kỳ báo cáo (tháng, năm)"
