"""Session 56 (G): the print leftovers of session 55.

* 'Biến động''s notes wrap at their merged range's own width (`cells.merged_width`), as the
  other sheets' notes do, not at the plain sum of their columns' widths.
* The feedback copy's title that no size prints on one line clear of the columns repeated on
  later pages (a copy of long names) is bold 11 on lines of its own, its row as tall as they
  are, not regular 11.
* The copy's numbers and dates size their columns by their digits as shown, measured as its
  texts are, not by their length (1.1 letters a unit and 2 more).
"""

from __future__ import annotations

import openpyxl

from pipeline.report import movements
from pipeline.report.cells import header_word_width, line_room, merged_width
from pipeline.report.feedback import _shown_number, header_cell_width
from pipeline.report.styles import column_pixels, text_pixels, text_units
from pipeline.run import execute
from tests import messy
from tests.commune import clean_rosters, new_commune, person, write_plan, write_roster
from tests.test_session26_feedback_print import LONG


def test_a_movements_note_wraps_at_its_merged_ranges_width(tmp_path, monkeypatch):
    # A section's notes are merged over its 14 columns, A:N: 5, 16, 13, 20, 12, 20, 14, 14, 15
    # and five of 9 wide, 174 units; 7 w + 5 pixels each: 1218 + 70 = 1288 pixels, one column
    # of (1288 − 5) ÷ 7 = 183.29 units. A line holds (1288 − 3) ÷ 0.0154 = 83441 thousandths
    # of an em; at the sum of the widths (7 × 174 + 5 − 3 = 1220 pixels) 79220.
    widths = movements.WIDTHS[:14]
    assert widths == [5, 16, 13, 20, 12, 20, 14, 14, 15, 9, 9, 9, 9, 9] and sum(widths) == 174
    assert sum(column_pixels(w) for w in widths) == 1288
    assert merged_width(widths) == 1283 / 7
    assert (line_room(merged_width(widths)), line_room(174)) == (83441, 79220)
    # 49 words 'nhà' (n500 h500 a444: 1444 regular, as a note is measured) and 48 spaces of
    # 250: 82756, one line of the range (two, 30 pt, at the sum of the widths)
    text = " ".join(["nhà"] * 49)
    assert text_units(text, bold=False) == 49 * 1444 + 48 * 250 == 82756
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    monkeypatch.setattr(movements, "_section_notes", lambda ctx, key: [text])
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    found = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == text]
    assert found, "the note is written"
    for r in found:
        merged = next(m for m in ws.merged_cells.ranges if (m.min_row, m.min_col) == (r, 1))
        assert (merged.max_row, merged.max_col) == (r, 14)  # A:N
        assert ws.row_dimensions[r].height in (None, 15.75)  # one line; 30 before


def _stored_pixels(ws, first: int, last: int) -> list[int]:
    """The pixels of columns ``first`` … ``last`` (1-based) as stored: a width w is kept as
    w + 5/7, 7 w + 5 pixels (openpyxl keeps a run of columns of one width as one entry)."""
    stored = {}
    for dim in ws.column_dimensions.values():
        for col in range(dim.min, dim.max + 1):
            stored[col] = dim.width
    return [round(7 * stored[c]) for c in range(first, last + 1)]


def test_a_copys_title_too_long_for_a_line_is_bold_on_lines_clear_of_the_repeated_columns(
    tmp_path,
):
    # NM1's head 'Nguyễn Hoàng Phương Thảo Lường' makes column C 232 pixels: the copy prints
    # two pages across with A:C (33 + 36 + 232 = 301 pixels) repeated. The title, merged over
    # A1:O1 (1010 pixels, its first page), keeps clear of A:C's 301 pixels each side: its text
    # has 1010 − 3 − 2 × 301 = 405 pixels. Bold 11 (14 pt × 96 ÷ 72 × 1.05 ÷ 1000 a thousandth
    # of an em, and 3 pixels' padding) the title's 34990 are 3 + 34990 × 0.0154 = 541.85
    # pixels: no size prints it on one line there. Its words on two lines of at most 405,
    # broken at its comma (session 57): 'DANH SÁCH HỘ NGHÈO,' 12008, 188 pixels, and 'HỘ CẬN
    # NGHÈO XÓM NÀ MÒN – THÁNG 5/2024' 22732, 353 ('DANH SÁCH HỘ NGHÈO, HỘ CẬN' / 'NGHÈO …',
    # the evenest, before): bold 11, centred, wrapped, two lines of 16.5 pt, 33 pt. Before
    # session 56: regular 11, 30 pt.
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    rows = [
        person("NM1", "poor", chu_ho="Nguyễn Hoàng Phương Thảo Lường"),
        person("NM2", "near_poor"),
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")["Danh sách"]
    assert ws.print_title_cols == "$A:$C"
    pixels = _stored_pixels(ws, 1, 15)
    assert pixels[:3] == [33, 36, 232] and sum(pixels) == 1010
    assert "A1:O1" in {str(r) for r in ws.merged_cells.ranges}
    title = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
    first, second = "DANH SÁCH HỘ NGHÈO,", "HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
    assert text_units(title, bold=True) == 34990
    assert round(text_pixels(title, 11, True), 2) == 541.85 > 405
    assert (text_units(first, bold=True), text_units(second, bold=True)) == (12008, 22732)
    assert (
        round(text_pixels(first, 11, True)) == 188 and round(text_pixels(second, 11, True)) == 353
    )
    cell = ws["A1"]
    assert cell.value == f"{first}\n{second}"
    assert (cell.font.b, cell.font.sz) == (True, 11)
    assert cell.alignment.wrap_text and cell.alignment.horizontal == "center"
    assert ws.row_dimensions[1].height == 33  # two lines of 1.5 × 11 pt; 30 before


def test_a_copys_long_title_on_one_page_across_wraps_bold_in_its_range(tmp_path):
    # A head's list of eight columns under session 26's long title, merged over them: the copy
    # prints on one page across (nothing repeated), so the title wraps in its range, A1:H1,
    # 33 + 36 + 110 + 37 + 37 + 89 + 135 + 66 = 543 pixels, one column of (543 − 5) ÷ 7 =
    # 76.86 units, a line of (543 − 3) ÷ 0.0154 = 35064 thousandths of an em. Bold (75678 in
    # all) its words fill three: 34630 up to 'XÃ' (with ' TRUNG' 38494, over), 33851 up to
    # 'CẬP NHẬT', then 'THÁNG 5/2024': bold 11, three lines of 16.5 pt, 49.5 (regular 11 on
    # three lines of 15 pt, 45, before).
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.with_changes(messy.na_mon_households(), NM2={"nhan_khau": "bốn"})
    columns = ("stt", "ma_ho", "chu_ho", "nam_sinh", "nhan_khau", "phan_loai", "thu_nhap",
               "nguyen_nhan")  # fmt: skip
    layout = messy.Layout(title=(LONG,), columns=columns)
    roster = messy.roster_sheet(households, layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "5/2024", 102), "standard")
    messy.write_book(folder / "NaMon.xlsx", [roster, info])
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Danh sách"]
    assert list(ws.col_breaks.brk) == [] and ws.print_title_cols is None
    assert "A1:H1" in {str(r) for r in ws.merged_cells.ranges}
    pixels = _stored_pixels(ws, 1, 8)
    assert pixels == [33, 36, 110, 37, 37, 89, 135, 66] and sum(pixels) == 543
    width = merged_width([(p - 5) / 7 for p in pixels])
    assert round(width, 2) == 76.86 and line_room(width) == 35064
    first = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 THÔN NÀ MÒN, XÃ"
    second = "TRUNG LƯƠNG, HUYỆN ĐỊNH HÓA, TỈNH THÁI NGUYÊN – CẬP NHẬT"
    assert " ".join([first, second, "THÁNG 5/2024"]) == LONG
    assert text_units(LONG, bold=True) == 75678
    assert (text_units(first, bold=True), text_units(second, bold=True)) == (34630, 33851)
    assert text_units(f"{first} TRUNG", bold=True) == 38494 > 35064
    cell = ws["A1"]
    # wrapped by the program as the head wrote it; since session 58 its lines are written,
    # broken at its commas (tests/test_session58_g_title_lines.py): the same words, three lines
    assert cell.value.replace("\n", " ") == LONG and cell.value.count("\n") == 2
    assert (cell.font.b, cell.font.sz) == (True, 11)
    assert cell.alignment.wrap_text and cell.alignment.horizontal == "center"
    assert ws.row_dimensions[1].height == 49.5  # three lines of 1.5 × 11 pt; 45 before


def test_the_copys_numbers_size_their_columns_by_their_digits(tmp_path):
    # A head's list headed 'Năm sinh' and 'Thu nhập' (short headers: the numbers decide).
    # Digits are 500 thousandths of an em each, ',' 250; regular Times New Roman 11 at Excel's
    # 0.0154 pixels a thousandth (with its 5 % margin) and 3 pixels' padding, a width w drawing
    # 7 w + 5 pixels:
    # * '1,200,000' (the income as '#,##0' shows it): 7 × 500 + 2 × 250 = 4000, 61.6 + 3 =
    #   64.6 pixels, (64.6 − 5) ÷ 7 = 8.51 units, 65 pixels. By its length (its 7 digits ÷ 1.1
    #   and 2 more: 8.36, 64 pixels) it was narrower than the number: '###' in Excel.
    # * 1970: 2000, 33.8 pixels, 4.11 units; the header 'Năm sinh' needs 4.5 ('Năm' bold: N 722,
    #   a 500, m 833, 2055, 34.6 pixels, 4.23, to the half unit), 37 pixels. By its length:
    #   4 ÷ 1.1 + 2 = 5.64, 44 pixels.
    assert (text_units("1,200,000", bold=False), text_units("1970", bold=False)) == (4000, 2000)
    assert round(header_word_width("1,200,000", bold=False), 2) == 8.51
    assert round(header_word_width("1970", bold=False), 2) == 4.11
    assert header_cell_width("Năm sinh") == 4.5 and header_cell_width("Thu nhập") == 4.5
    assert [column_pixels(w) for w in (8.51, 8.36, 4.5, 5.64)] == [65, 64, 37, 44]
    # a date as 'dd/mm/yyyy' shows it: eight digits and two '/' (278): 4556, 9.74 units
    # (11.09 by its length)
    assert _shown_number("datetime", None, "dd/mm/yyyy") == "00/00/0000"
    assert text_units("00/00/0000", bold=False) == 4556
    assert round(header_word_width("00/00/0000", bold=False), 2) == 9.74
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.with_changes(messy.na_mon_households(), NM2={"nhan_khau": "bốn"})
    layout = messy.Layout(headers={"thu_nhap": "Thu nhập", "nam_sinh": "Năm sinh"})
    roster = messy.roster_sheet(households, layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "5/2024", 102), "standard")
    messy.write_book(folder / "NaMon.xlsx", [roster, info])
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Danh sách"]
    assert (ws["D1"].value, ws["J1"].value) == ("Năm sinh", "Thu nhập")
    assert ws["D2"].value == 1970 and ws["J2"].value == 1200000
    assert ws["J2"].number_format == "#,##0"
    assert max(ws.cell(r, 10).value for r in range(2, ws.max_row + 1)) == 2000000  # 4000 too
    # J 65 pixels (64 before), D 37 (44 before)
    assert _stored_pixels(ws, 4, 4) == [37] and _stored_pixels(ws, 10, 10) == [65]
