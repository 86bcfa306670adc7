"""Session 27: what the workbooks showed when rendered in LibreOffice (docs/decisions.md).

Section titles were capitals on every sheet but 'Biến động' (I, II) and 'Xu hướng''s IV.
"""

from __future__ import annotations

import re

import openpyxl

from pipeline.report.workbook import write_consolidated
from tests import test_report


def test_section_titles_are_capitals_on_every_sheet(tmp_path):
    """Every numbered section title ('I. …', 'IV. …') of the consolidated workbook is in
    capitals up to its bracket, as 'Tổng hợp''s are: 'Biến động' wrote 'I. Biến động từ đầu
    năm', 'II. Biến động so với tháng trước (tháng 4/2024)', 'Xu hướng' 'IV. So với cùng kỳ
    năm trước'."""
    path = tmp_path / "report.xlsx"
    write_consolidated(test_report.make_result(), path)
    wb = openpyxl.load_workbook(path)
    titles = {
        ws.title: [
            c.value
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and re.match(r"[IVX]+\. \S", c.value)
        ]
        for ws in wb
    }
    assert titles["Biến động"] == [
        "I. BIẾN ĐỘNG TỪ ĐẦU NĂM",
        "II. BIẾN ĐỘNG SO VỚI THÁNG TRƯỚC (tháng 4/2024)",
    ]
    assert titles["Xu hướng"][-1] == "IV. SO VỚI CÙNG KỲ NĂM TRƯỚC"
    said = [t for found in titles.values() for t in found]
    assert len(said) >= 10
    assert [t for t in said if t.split(" (")[0] != t.split(" (")[0].upper()] == []
