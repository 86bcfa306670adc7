"""Session 55 (G): print and width leftovers of session 54's letter-width measuring.

* A no-break space (U+00A0) and a bullet '•' are measured at their own widths (Liberation
  Serif's: 250 and 350 thousandths of an em), not an em each.
* Bold cells are measured at bold Times New Roman's advances (`fit_row(…, bold=True)`).
* NiemYet's title row is as tall as the title's lines (22 pt a line), not 44 pt always.
"""

from __future__ import annotations

import openpyxl
import xlsxwriter

from pipeline.report.bulk import column_lines
from pipeline.report.cells import fit_row, line_room, text_lines
from pipeline.report.styles import text_units
from pipeline.run import execute
from tests.commune import new_commune, person, write_renamed_plan, write_roster


def test_a_no_break_space_and_a_bullet_have_their_own_widths():
    assert [text_units(c, bold=False) for c in "\u00a0•"] == [250, 350]
    assert [text_units(c, bold=True) for c in "\u00a0•"] == [250, 350]


def test_a_note_with_a_bullet_or_a_no_break_space_is_one_line_where_it_fits():
    # • 350; Nhà N722 h500 a444 = 1666; tạm, t278 a444 m778 ,250 = 1750; thiếu t278 h500 i278
    # e444 u500 = 2000; đất d500 a444 t278 = 1222; 4 spaces of 250 = 1000: 7988, within an
    # 18-wide column's 8311 ((7 × 18 + 5 − 3) ÷ 0.0154); the bullet an em: 8638, two lines
    bullet = "• Nhà tạm, thiếu đất"
    assert text_units(bullet, bold=False) == 7988
    assert line_room(18) == 8311
    assert text_lines(bullet, 18) == 1
    # a no-break space after the comma (a word processor's): Nhà 1666 + ' ' 250 + tạm, 1750 +
    # NBSP 250 + thiếu 2000 + ' ' 250 + đất 1222 + ' ' 250 + ở (o500, a horn 80) 580 = 8218,
    # within 8311; the no-break space an em: 8968, two lines
    spaced = "Nhà tạm,\u00a0thiếu đất ở"
    assert text_units(spaced, bold=False) == 8218
    assert text_lines(spaced, 18) == 1
    # a province's list measured at once (styles.regular_units) counts them alike
    assert column_lines([bullet, spaced, "Nhà tạm,\u00a0thiếu đất ở xa"], 18) == [1, 1, 2]


def test_a_bold_header_that_fits_regular_but_not_bold_takes_two_lines(tmp_path):
    # 'Số nhân khẩu' regular: S556 o500 = 1056; n500 h500 a444 n500 = 1944; k500 h500 a444
    # u500 = 1944; 2 spaces 500: 5444. Bold: S557 o500 = 1057; n557 h557 a500 n557 = 2171;
    # k557 h557 a500 u557 = 2171; spaces 500: 5899. A 12-wide column's line holds 5584
    # ((7 × 12 + 5 − 3) ÷ 0.0154): one line regular, two bold.
    text = "Số nhân khẩu"
    assert (text_units(text, bold=False), text_units(text, bold=True)) == (5444, 5899)
    assert line_room(12) == 5584
    assert (text_lines(text, 12), text_lines(text, 12, bold=True)) == (1, 2)
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"))
    ws = wb.add_worksheet()
    assert fit_row(ws, 0, [(text, 12)]) == 15.0 and 0 not in ws.row_info
    assert fit_row(ws, 1, [(text, 12)], bold=True) == 30.0  # two lines of 15 pt, set
    assert ws.row_info[1].height == 40  # pixels (30 pt)
    wb.close()


def _posted(tmp_path, hamlet: str, households: int):
    folder, out = new_commune(tmp_path)
    write_renamed_plan(folder, {"Nà Mòn": hamlet})
    rows = [person(f"NM{i}", "poor" if i % 2 else "near_poor") for i in range(1, households + 1)]
    write_roster(folder, "NaMon.xlsx", hamlet, 102, rows)
    execute(folder, out, "2024-05")
    return openpyxl.load_workbook(out / "2024-05" / "NiemYet_2024-05.xlsx")[hamlet]


def test_a_one_line_title_takes_one_lines_height_and_ten_households_print_on_one_page(tmp_path):
    # 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO KHU 4 THÁNG 5/2024 – NIÊM YẾT CÔNG KHAI', bold: DANH
    # 2947, SÁCH 2781, HỘ 1556, NGHÈO, 3974, HỘ 1556, CẬN 2169, NGHÈO 3724, KHU 2279, 4 500,
    # THÁNG 3669, 5/2024 2778, – 500, NIÊM 2724, YẾT 2057, CÔNG 3002, KHAI 2669, 15 spaces
    # 3750: 42635. Its range A:I is 906 pixels; a line of 14 pt bold holds (906 − 3) ÷ (14 ×
    # 96 ÷ 72 × 1.05 ÷ 1000) = 46071: one line, 22 pt (29 pixels: 21.75). 'KHU 4' names its own
    # unit (no 'XÓM' before it).
    ws = _posted(tmp_path, "Khu 4", 10)
    assert ws["A4"].value.startswith("DANH SÁCH") and " KHU 4 THÁNG 5/2024 " in ws["A4"].value
    height = [ws.row_dimensions[r].height for r in range(1, 31)]
    assert height[3] == 21.75  # 44.25 before
    # above the households 7 × 15.75 + 21.75 + 30 (the notice's two lines) + 33 (the header)
    # = 195; 10 households 157.5; the signature (a blank row and 9) 157.5: 510 pt, within a
    # page's 495.46 to 526.42 (44.25 before: 532.5, over both: a break before household 8)
    assert sum(height[:10]) == 195 and height[9] == 33 and sum(height) == 510
    assert ws.cell(11, 1).value == 1 and ws.cell(20, 1).value == 10
    assert ws.row_breaks.brk == [] and ws.sheet_properties.pageSetUpPr.fitToPage


def test_a_two_line_title_keeps_two_lines_height(tmp_path):
    # 'XÓM NÀ MÒN' in place of 'KHU 4': X723 O778 M944 = 2445, N723 A723 = 1446, M944 O778
    # N723 = 2445, 2 spaces 500: 6836 for KHU 4's 3029: 42635 − 3029 + 6836 = 46442, over a
    # line's 46071: two lines, 44 pt (44.25)
    ws = _posted(tmp_path, "Nà Mòn", 3)
    assert " XÓM NÀ MÒN THÁNG " in ws["A4"].value
    assert ws.row_dimensions[4].height == 44.25
