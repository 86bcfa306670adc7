"""Session 58 (G2): the feedback copy a hamlet head prints, after G's QA render.

(a) A signature range cut by the page break across (the head's 'Ngày … năm 2024' over R:X,
    the second page beginning at T) printed its date wrapped in the first page's R:S: it now
    prints on the page holding most of the range, on one line.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.report.feedback import _widest_part
from pipeline.report.styles import column_pixels, text_pixels
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY
from tests.test_session26_feedback_print import WIDTHS as S26_WIDTHS
from tests.test_session26_feedback_print import stored_widths

DATE = "Ngày 03 tháng 06 năm 2024"  # the template's signature date (tests.commune)


def test_widest_part_hand_worked():
    # Session 26's widths: A 40, B 75, C 131, D..M 75 pixels each.
    assert _widest_part([(0, 2), (3, 5)], S26_WIDTHS) == (0, 2)  # 246 against 225
    assert _widest_part([(2, 3), (4, 6)], S26_WIDTHS) == (4, 6)  # 206 against 225
    assert _widest_part([(3, 4), (5, 6)], S26_WIDTHS) == (3, 4)  # 150 each: the first
    assert _widest_part([(12, 13)], S26_WIDTHS) == (12, 13)  # N past the widths: 75 + 64


def test_a_signature_cut_by_the_page_break_prints_where_most_of_it_is(tmp_path: Path):
    # The template's list with the head's signature block merged over O:X (R:X in the
    # template) and NM2's size 'bốn': the copy prints two pages across, the second from Q
    # (session 26's template copy), A:C repeated.
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"] = "bốn"
    for r in (12, 13, 14):  # the date, 'Trưởng xóm', '(Ký, ghi rõ họ tên)'
        ws.unmerge_cells(f"R{r}:X{r}")
        ws[f"O{r}"], ws[f"R{r}"] = ws[f"R{r}"].value, None
        ws.merge_cells(f"O{r}:X{r}")
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Danh sách"]
    assert [b.id for b in ws.col_breaks.brk] == [16] and ws.print_title_cols == "$A:$C"
    pixels = [column_pixels(w) for w in stored_widths(ws)]
    # O:X is cut at Q: O:P (86 + 75 = 161 pixels) on the first page, Q:X (44 + 93 + 65 + 58 +
    # 72 + 93 + 66 + 44 = 535) on the second. The date is 177.94 pixels (regular, with the
    # 5 % margin): wider than O:P less its 3 of padding, within Q:X.
    assert pixels[14:16] == [86, 75] and pixels[16:24] == [44, 93, 65, 58, 72, 93, 66, 44]
    assert round(text_pixels(DATE, bold=False), 2) == 177.94
    merged = {str(r) for r in ws.merged_cells.ranges}
    # Before: 'O12:P12', 'O13:P13', 'O14:P14', the date wrapped in O12, its row 30 pt.
    assert {"Q12:X12", "Q13:X13", "Q14:X14"} <= merged
    assert not {"O12:P12", "O13:P13", "O14:P14"} & merged
    assert [ws[f"Q{r}"].value for r in (12, 13, 14)] == [DATE, "Trưởng xóm", "(Ký, ghi rõ họ tên)"]
    assert [ws[f"O{r}"].value for r in (12, 13, 14)] == [None] * 3
    assert all(ws[f"Q{r}"].alignment.horizontal == "center" for r in (12, 13, 14))
    assert not ws["Q12"].alignment.wrap_text
    assert ws.row_dimensions[12].height == 15.75  # one line
    # 'Người lập biểu' (B:E, on the first page) keeps its place, left in the repeated B:C.
    assert {"B13:E13", "B14:E14"} <= merged and ws["B13"].value == "Người lập biểu"
