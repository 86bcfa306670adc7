"""Session 58 (G2): the feedback copy a hamlet head prints, after G's QA render.

(a) A signature range cut by the page break across (the head's 'Ngày … năm 2024' over R:X,
    the second page beginning at T) printed its date wrapped in the first page's R:S: it now
    prints on the page holding most of the range, on one line.
(b) The yellow cells added right of the header for missing columns stay blank: written with
    the column's name, the copy sent back as the list (heads do) reads the column as there and
    empty, its warning gone (guarded here).
(c) A title the head broke into lines himself takes the largest title size at which each of
    his lines fits, as an unbroken title does (always bold 11 before).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.report.feedback import _outside_text, _title_size, _widest_part
from pipeline.report.styles import column_pixels, text_pixels
from pipeline.run import execute
from tests import messy
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
    # 'Người lập biểu' (B:E, on the first page) prints past the repeated A:C, over D:G (left in
    # the repeated B:C before session 60, H: on both pages)
    assert {"D13:G13", "D14:G14"} <= merged and ws["D13"].value == "Người lập biểu"


OWN = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO\nXÓM NÀ MÒN – THÁNG 5/2024"


def test_a_broken_title_takes_the_largest_size_its_lines_fit():
    # His lines in bold: 14 pt 399.06 and 287.85 pixels, 12 pt 342.48 and 247.15, 11 pt
    # 314.19 and 226.81. Over session 26's A:M (996 pixels, A:C's 246 repeated) his lines keep
    # clear of A:C within 993 - 492 = 501: 14. Over A:K (846): within 351, 12 (13: 370.77).
    first, second = OWN.split("\n")
    sizes = {s: (round(text_pixels(first, s, True), 2), round(text_pixels(second, s, True), 2))
             for s in (14.0, 13.0, 12.0, 11.0)}  # fmt: skip
    assert sizes == {
        14.0: (399.06, 287.85), 13.0: (370.77, 267.5), 12.0: (342.48, 247.15),
        11.0: (314.19, 226.81),
    }  # fmt: skip
    assert _title_size(OWN, (0, 12), S26_WIDTHS, 3, [13]) == 14.0  # 11 before
    assert _title_size(OWN, (0, 10), S26_WIDTHS, 3, [11]) == 12.0  # 11 before
    assert _outside_text(OWN, (0, 12), S26_WIDTHS, 3, [13], 14.0, True) == (True, OWN, True)
    # The unbroken title's rule: the largest at which it is written as it is.
    one = OWN.replace("\n", " ")
    assert _title_size(one, (0, 12), S26_WIDTHS, 3, [13]) == 11.0  # 553.40 > 501: placed
    # A:G (546 pixels): his lines neither keep clear (51) nor fit A:C (243) and cannot be
    # placed clear: written as he broke them, left, and wrapped (unwrapped before, in a row
    # of one line: printed cut).
    assert _outside_text(OWN, (0, 6), S26_WIDTHS, 3, [7], 14.0, True) == (False, OWN, True)


def _copy(tmp_path: Path, layout: messy.Layout, merges=None) -> openpyxl.Workbook:
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.with_changes(messy.na_mon_households(), NM2={"nhan_khau": "bốn"})
    roster = messy.roster_sheet(households, layout, messy.Typing())
    if merges is not None:
        roster.merges[:] = merges(roster.merges)
    info = messy.info_sheet(messy.info_values("Nà Mòn", "5/2024", 102), "standard")
    messy.write_book(folder / "NaMon.xlsx", [roster, info])
    execute(folder, tmp_path / "out", "2024-05")
    return openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")


EIGHT = ("stt", "ma_ho", "chu_ho", "nam_sinh", "nhan_khau", "phan_loai", "thu_nhap", "nguyen_nhan")


def test_a_broken_title_on_one_page_across_is_bold_14(tmp_path: Path):
    # Session 56's eight columns (543 pixels, a line of 540), printed on one page across: his
    # lines at 14, 399.06 and 287.85 pixels, fit. Before: bold 11, its row 33 pt.
    ws = _copy(tmp_path, messy.Layout(title=(OWN,), columns=EIGHT))["Danh sách"]
    assert list(ws.col_breaks.brk) == [] and ws.print_title_cols is None
    assert sum(column_pixels(w) for w in stored_widths(ws)[:8]) == 543
    cell = ws["A1"]
    assert cell.value == OWN and (cell.font.b, cell.font.sz) == (True, 14)
    assert cell.alignment.wrap_text and cell.alignment.horizontal == "center"
    assert ws.row_dimensions[1].height == 42  # two lines of 21 pt


def test_a_broken_title_in_the_repeated_columns_is_bold_left(tmp_path: Path):
    # 'DANH SÁCH' / 'XÓM NÀ MÒN' merged over A:D of a list of 26 columns printed two pages
    # across, A:C (33 + 36 + 110 = 179 pixels) repeated. Centred over A:D (216) it would reach
    # past C on the second page; his lines, 120.17 and 136.99 pixels in bold 14, fit A:C's 176:
    # left, whole on every page, at 14. Before: regular 11 (no title size), row 30 pt.
    short = "DANH SÁCH\nXÓM NÀ MÒN"
    layout = messy.Layout(sheet="DS", title=(short,), header_rows=3, signature=True)
    book = _copy(tmp_path, layout, lambda ms: [m for m in ms if m[0] != 0] + [(0, 0, 0, 3)])
    ws = book["DS"]
    assert ws.print_title_cols == "$A:$C" and [b.id for b in ws.col_breaks.brk] == [16]
    assert [column_pixels(w) for w in stored_widths(ws)[:4]] == [33, 36, 110, 37]
    assert [round(text_pixels(x, 14.0, True), 2) for x in short.split("\n")] == [120.17, 136.99]
    assert "A1:D1" in {str(r) for r in ws.merged_cells.ranges}
    cell = ws["A1"]
    assert cell.value == short and (cell.font.b, cell.font.sz) == (True, 14)
    assert cell.alignment.wrap_text and cell.alignment.horizontal == "left"
    assert ws.row_dimensions[1].height == 42


def test_the_cells_added_for_missing_columns_stay_blank(tmp_path: Path):
    # The eight columns lack the twelve deprivation columns: their notes go on I3:T3, yellow.
    # Written with the columns' names, the copy sent back as the list would read twelve empty
    # columns: the twelve warnings gone and three households' class blamed ('0 chỉ số thiếu
    # hụt'; session 58, G2 tried it). Blank, it is warned of again as the list was.
    book = _copy(tmp_path, messy.Layout(title=(OWN,), columns=EIGHT))
    ws = book["Danh sách"]
    added = [ws.cell(3, c) for c in range(9, 21)]
    assert [c.value for c in added] == [None] * 12
    assert all(c.comment and "Thiếu cột chỉ số thiếu hụt" in c.comment.text for c in added)
    assert ws.cell(3, 21).comment is None
    del book["Hướng dẫn sửa"]
    sent = tmp_path / "back" / "NaMon.xlsx"
    sent.parent.mkdir()
    book.save(sent)
    codes = Counter(issue.code for issue in check_files([sent]))
    assert codes["missing-indicator-column"] == 12 and codes["classification-mismatch"] == 0
    assert codes["invalid-household-size"] == 1
