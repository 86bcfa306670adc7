"""Session 55 (G): the feedback copy's header columns sized by their bold letters (at most
three lines, :func:`feedback.header_cell_width`), not by the text's length (1.1 letters a unit
and 2 more, `cells.CHARS_PER_WIDTH`); its header row measured bold."""

from __future__ import annotations

import openpyxl

from pipeline.report.cells import text_lines
from pipeline.report.styles import text_units
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster


def test_a_header_of_capitals_gets_the_width_of_three_bold_lines():
    # 'HỌ VÀ TÊN CHỦ HỘ' bold: HỌ H778 O778 = 1556; VÀ V723 A723 = 1446; TÊN T667 E667 N723 =
    # 2057; CHỦ C723 H778 U723 = 2224; HỘ 1556; 4 spaces 1000: 9839. A third, 9839 × 0.0154 =
    # 151.5 pixels, (151.5 − 2) ÷ 7 ÷ 3 = 7.12 units: 7.5; a line there holds (53 + 5 − 3) ÷
    # 0.0154 = 3571: 'HỌ VÀ' (3252) / 'TÊN' / 'CHỦ' / 'HỘ', four lines; at 8.0 (3766) and 8.5
    # (4025) still four ('CHỦ HỘ' 4030); at 9.0 (4220) three: 'HỌ VÀ' / 'TÊN' / 'CHỦ HỘ'.
    # By its length before: (4 + 1) … 16 ÷ 3 = 5.33 letters, ÷ 1.1 + 2 = 6.85, five lines bold.
    from pipeline.report.feedback import header_cell_width  # (new in session 55)

    text = "HỌ VÀ TÊN CHỦ HỘ"
    assert text_units(text, bold=True) == 9839
    assert [text_lines(text, w, bold=True) for w in (7.5, 8.0, 8.5, 9.0)] == [4, 4, 4, 3]
    assert header_cell_width(text) == 9.0
    assert text_lines(text, 6.85, bold=True) == 5


def test_the_copys_header_columns_are_sized_by_their_bold_letters(tmp_path):
    # 'Dinh dưỡng' (M) over a column of 'x': Dinh D723 i278 n557 h557 = 2115; dưỡng d557 ư
    # (u557, a horn 80) 637 ỡ (o500 + 80) 580 n557 g500 = 2831; the widest word, (2831 ×
    # 0.0154 − 2) ÷ 7 = 5.94: 6.0, two lines (a line of 6.0 holds (47 − 3) ÷ 0.0154 = 2857);
    # the whole (5196) a third of 3.4. By its length before: (5 + 1) ÷ 1.1 + 2 = 7.45.
    folder, out = new_commune(tmp_path)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor", (1, 3))])
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")["Danh sách"]
    assert ws["M4"].value == "Dinh dưỡng"
    # (openpyxl keeps equal neighbours as one range: L:M; a width is stored as its pixels / 7,
    # the width set 5 pixels less)
    stored = {c: d.width for d in ws.column_dimensions.values() for c in range(d.min, d.max + 1)}
    assert (round(stored[13] * 7) - 5) / 7 == 6.0
    # the header row holds three lines (bold): 'Diện tích nhà ở' … as before, 45 pt
    assert ws.row_dimensions[4].height == 45
