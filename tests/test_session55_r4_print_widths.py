"""Session 55 (R4): review of the print widths.

* NiemYet's lines across the sheet (a hamlet not posted, the notices, a continued page's line)
  wrap at the merged range's own width (`cells.merged_width`: A–I, 906 pixels), as its title
  does, not at 0.9 of the columns' widths (780 pixels).
"""

from __future__ import annotations

import openpyxl

from pipeline.report import public_list
from pipeline.report.cells import line_room, merged_width, text_lines
from pipeline.report.labels import t
from pipeline.report.styles import column_pixels, text_units
from pipeline.run import execute
from tests.commune import clean_rosters, new_commune


def test_niemyet_lines_across_wrap_at_the_merged_ranges_width():
    # A–I: 6, 13, 30, 9, 9, 12, 10, 15, 19 wide, 7 w + 5 pixels each: 47 + 96 + 215 + 68 + 68
    # + 89 + 75 + 110 + 138 = 906 pixels, one column of (906 − 5) ÷ 7 = 128.71 units; a line
    # holds (906 − 3) ÷ (11 × 96 ÷ 72 × 1.05 ÷ 1000) = 58636 thousandths of an em. 0.9 of the
    # widths (123): 110.7, 780 pixels, 50454.
    assert [column_pixels(w) for w in public_list.WIDTHS] == [47, 96, 215, 68, 68, 89, 75, 110, 138]
    assert public_list.LINE_WIDTH == merged_width(public_list.WIDTHS) == 901 / 7
    assert line_room(public_list.LINE_WIDTH) == 58636
    assert line_room(sum(public_list.WIDTHS) * 0.9) == 50454
    # a list refused ('bị trả lại'): 52646 bold, one line (two of 50454 before)
    text = t("pub.absent", "vi", m=12, y=2024, status=t("hamlet.rejected.lower", "vi"))
    assert text_units(text, bold=True) == 52646
    assert text_lines(text, public_list.LINE_WIDTH, bold=True) == 1


def test_a_hamlet_not_posted_line_is_one_line_where_it_fits(tmp_path):
    # Đồng Kè sends nothing in May: its page says so in one bold line of 52063 thousandths
    # of an em, within a line's 58636 (two lines, 30 pt, at 0.9 of the widths: 50454)
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "NiemYet_2024-05.xlsx")["Đồng Kè"]
    text = t("pub.absent", "vi", m=5, y=2024, status=t("hamlet.missing.lower", "vi"))
    assert text.startswith("Danh sách tháng 5/2024 của xóm chưa nộp, nên chưa có danh sách")
    assert text_units(text, bold=True) == 52063
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == text]
    assert rows == [7]
    assert ws.row_dimensions[7].height is None  # the default row (15.75 pt); 30 before
    assert ws.cell(7, 1).font.b and ws.cell(7, 1).alignment.wrap_text
