"""Session 55 (R4): review of the print widths.

* NiemYet's lines across the sheet (a hamlet not posted, the notices, a continued page's line)
  wrap at the merged range's own width (`cells.merged_width`: A–I, 906 pixels), as its title
  does, not at 0.9 of the columns' widths (780 pixels).
* So do 'Tổng hợp''s lines across and the notes under 'Theo xóm''s, 'Thiếu hụt''s and
  'Nguyên nhân''s tables, not 0.95 of their widths.
* The feedback copy's wrapped text in an error's cell (bold) is measured bold.
"""

from __future__ import annotations

import openpyxl

from pipeline.report import causes, deprivations, hamlets, public_list, summary
from pipeline.report.cells import line_room, merged_width, text_lines
from pipeline.report.labels import t
from pipeline.report.styles import column_pixels, text_units
from pipeline.run import execute
from tests.commune import clean_rosters, new_commune, person, write_roster


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


def test_a_summary_line_across_is_one_line_where_it_fits(tmp_path):
    # One of Nà Mòn's rows left out ('Năm sinh' 1880): 'Tổng hợp' says so in a bold line of
    # 60888 thousandths of an em, merged over A:D (46, 16, 16, 58 wide: 327 + 117 + 117 + 411
    # = 972 pixels), whose line holds (972 − 3) ÷ 0.0154 = 62922: one line. At 0.95 of the
    # widths (129.2: 909 pixels, 58831) it was given two, 30 pt.
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor", nam_sinh=1880)]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Tổng hợp"]
    text = t("sum.rows_left_out.one", "vi", n=1)
    assert text_units(text, bold=True) == 60888
    assert [column_pixels(w) for w in summary.WIDTHS] == [327, 117, 117, 411]
    assert line_room(merged_width(summary.WIDTHS)) == 62922
    assert line_room(sum(summary.WIDTHS) * 0.95) == 58831
    found = [r for r in range(1, 20) if ws.cell(r, 1).value == text]
    assert len(found) == 1 and ws.cell(found[0], 1).font.b
    assert ws.row_dimensions[found[0]].height == 15.75  # 30 before


def _widths(ws, first: int, last: int) -> list[float]:
    """The widths stored for columns ``first`` … ``last`` (1-based; openpyxl keeps a run of
    columns of one width as one entry, from ``min`` to ``max``)."""
    stored = {}
    for dim in ws.column_dimensions.values():
        for col in range(dim.min, dim.max + 1):
            stored[col] = dim.width
    return [stored[c] for c in range(first, last + 1)]


# The sheets whose notes under the table wrap across it, and the module writing each.
NOTE_SHEETS = {"Theo xóm": hamlets, "Thiếu hụt": deprivations, "Nguyên nhân": causes}


def test_a_note_under_a_table_wraps_at_its_merged_ranges_width(tmp_path, monkeypatch):
    # The note naming the hamlets shown but not summed, made for each sheet as long as its
    # merged range holds on one line: k words 'nhà' (n500 h500 a444 = 1444, regular as a note
    # is measured) and k − 1 spaces of 250, 1694 k − 250, within the line of the range's pixels
    # less 3 (÷ 0.0154) but over 0.95 of its widths' line: one line, not two (30 pt).
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    execute(folder, out, "2024-05")
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    texts = {}
    for name in NOTE_SHEETS:
        ws = book[name]
        # the note's range: all the table's columns (the title's range over A:…)
        title = next(r for r in ws.merged_cells.ranges if r.min_row == 4)
        stored = _widths(ws, title.min_col, title.max_col)
        pixels = sum(round(7 * w) for w in stored)  # 7 w + 5 for a width w (stored w + 5/7)
        widths = [round(w - 5 / 7, 2) for w in stored]
        room = int((pixels - 3) / 0.0154)
        k = (room + 250) // 1694
        texts[name] = " ".join(["nhà"] * k)
        assert text_units(texts[name], bold=False) == 1694 * k - 250 <= room
        assert line_room(sum(widths) * 0.95) < 1694 * k - 250  # two lines so measured
    for name, module in NOTE_SHEETS.items():
        monkeypatch.setattr(module, "incomplete_note", lambda ctx, text=texts[name]: text)
    execute(folder, out, "2024-05")
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    for name, text in texts.items():
        ws = book[name]
        found = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == text]
        # once, or under each of its two tables ('Nguyên nhân'): one line each, 30 pt before
        assert found and {ws.row_dimensions[r].height for r in found} == {15.75}, name


def test_an_errors_wrapped_text_in_the_copy_is_measured_bold(tmp_path):
    # NM2's 'Phân loại hộ' is a sentence, not a class: an error, its cell bold in the copy and
    # wrapped in a column of 40 (the widest), whose line holds (7 × 40 + 5 − 3) ÷ 0.0154 = 18311.
    # Regular, its 34904 take two lines; bold, 36938, over two lines' 36622, take three: 45 pt
    # (30 before, the third line cut in Excel).
    text = "Hộ nghèo theo kết quả rà soát năm 2023 đã được xã công nhận nay đề nghị xem xét lại"
    assert (text_units(text, bold=False), text_units(text, bold=True)) == (34904, 36938)
    assert line_room(40) == 18311
    assert (text_lines(text, 40), text_lines(text, 40, bold=True)) == (2, 3)
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor"), person("NM2", text)])
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")["Danh sách"]
    assert ws["I6"].value == text and ws["I6"].font.b and ws["I6"].alignment.wrap_text
    assert round(_widths(ws, 9, 9)[0] * 7) == 285  # 40 wide: 7 × 40 + 5 pixels
    assert ws.row_dimensions[6].height == 45  # three lines of 15 pt
