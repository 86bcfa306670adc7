"""Session 26: the feedback copy of a head's list prints its title and headers whole.

A copy wider than a page prints across pages with STT, Mã hộ and the head's name repeated
(session 24). Its title, merged over all the columns, printed cut: the repeated columns of
the second page showed "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGH", a parent header over a page break
printed "ác chỉ số thiếu hụt…" on one page and nothing over its columns on the other.
Now the page breaks across are written where LibreOffice breaks (so Excel breaks there too),
the title block's and the signature's merged ranges end on the page of their first column,
centred, clear of the repeated columns, and a parent header goes on as a range of its own on
each page (docs/decisions.md).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.report.feedback import _lines_within, _outside_text, _page_parts
from pipeline.report.styles import LIBREOFFICE_WIDTH, column_pixels, page_starts, text_pixels
from pipeline.run import execute
from tests import messy
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

TITLE = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
LONG = (
    "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 THÔN NÀ MÒN, XÃ TRUNG LƯƠNG, HUYỆN ĐỊNH HÓA, "
    "TỈNH THÁI NGUYÊN – CẬP NHẬT THÁNG 5/2024"
)


def test_page_parts_hand_worked():
    # Pages across begin at columns P (15) and W (22): R..X (17..23) is cut before W.
    assert _page_parts(17, 23, [15, 22]) == [(17, 21), (22, 23)]
    assert _page_parts(10, 21, [15, 22]) == [(10, 14), (15, 21)]
    assert _page_parts(0, 14, [15]) == [(0, 14)]  # on the first page: whole
    assert _page_parts(3, 5, []) == [(3, 5)]


# Widths 5, 10, 18 (STT, Mã hộ, name: repeated) and ten of 10: 40 + 75 + 131 = 246 pixels
# repeated, A..M 996 pixels (less 3 of padding: 993). A centred text is clear of A..C on the
# later pages when it is at most 993 - 2 × 246 = 501 pixels wide.
WIDTHS = [5.0, 10.0, 18.0] + [10.0] * 10


def test_outside_text_hand_worked():
    assert [column_pixels(w) for w in WIDTHS[:4]] == [40, 75, 131, 75]
    # The title: 521.81 pixels (regular, as written, with the 5 % margin; its en dash half an
    # em, 7.70 pixels less than the em it was counted before session 54) > 501, so on two
    # lines each at most 501 wide, as even as two lines allow; centred, wrapped.
    assert round(text_pixels(TITLE, bold=False), 2) == 521.81
    centred, text, wrapped = _outside_text(TITLE, (0, 12), WIDTHS, 3, [13])
    assert (centred, wrapped) == (True, True)
    # broken at its comma (session 57; 'HỘ CẬN' / 'NGHÈO' before, the evenest lines)
    assert text == "DANH SÁCH HỘ NGHÈO,\nHỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
    assert text.replace("\n", " ") == TITLE  # the head's words, broken at a space
    assert all(text_pixels(line, bold=False) <= 501 for line in text.split("\n"))
    # One column more (M..N: 1,071 pixels, 576 clear of A..C twice): on one line.
    assert _outside_text(TITLE, (0, 13), WIDTHS + [10.0], 3, [14]) == (True, TITLE, False)
    # 176.22 pixels: centred on one line.
    assert _outside_text("DANH SÁCH HỘ NGHÈO", (0, 12), WIDTHS, 3, [13]) == (
        True, "DANH SÁCH HỘ NGHÈO", False,
    )  # fmt: skip
    # 'UBND XÃ TRUNG LƯƠNG' over A..D (321 pixels): centred it would reach into A..C on the
    # later pages (318 - 492 < 0); 189.8 pixels fit A..C (246 - 3): left, whole on each.
    assert _outside_text("UBND XÃ TRUNG LƯƠNG", (0, 3), WIDTHS, 3, [13]) == (
        False, "UBND XÃ TRUNG LƯƠNG", False,
    )  # fmt: skip
    # Printed one page wide, or beginning after the repeated columns: centred, wrapped where
    # wider than its columns ('Ngày 01 tháng 06 năm 2024', 177.94 pixels, in one of 75).
    assert _outside_text(TITLE, (0, 12), WIDTHS, 3, []) == (True, TITLE, False)
    date_line = "Ngày 01 tháng 06 năm 2024"
    assert _outside_text(date_line, (5, 5), WIDTHS, 3, [13]) == (True, date_line, True)
    assert _outside_text(date_line, (5, 8), WIDTHS, 3, [13]) == (True, date_line, False)


def test_lines_within_even_and_refused():
    assert _lines_within("Xã Trung Lương", 1000) == ["Xã Trung Lương"]
    # The greedy lines "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO" (300.25) and "XÓM NÀ MÒN – THÁNG
    # 5/2024" (228.41) are broken at the comma instead (session 57), 'HỘ CẬN NGHÈO' whole: 180.07
    # and 340.89 pixels. Before, the evenest two lines, 'HỘ CẬN' / 'NGHÈO'.
    lines = _lines_within(TITLE, 501)
    assert lines == ["DANH SÁCH HỘ NGHÈO,", "HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"]
    assert [round(text_pixels(x, bold=False), 2) for x in lines] == [180.07, 340.89]
    # "DANH" is 47.48 pixels (D 722, A 722, N 722, H 722: 2,888 thousandths of an em at 11 pt,
    # × 1.05, + 3): wider than 40
    assert _lines_within("DANH SÁCH", 40) is None


def stored_widths(ws) -> list[float]:
    stored = {}  # openpyxl keeps equal neighbours as one range
    for dim in ws.column_dimensions.values():
        for c in range(dim.min, dim.max + 1):
            stored[c] = dim.width
    # a width is stored as its pixels / 7; the width set had 5 pixels less
    return [(round(stored[c] * 7) - 5) / 7 for c in range(1, ws.max_column + 1)]


@pytest.fixture(scope="module")
def template_copy(tmp_path_factory):
    """The template's layout (title A1:Z1, 'Xã …' A2:Z2, signature B:E and R:X) with NM2's
    size 'bốn': its copy prints two pages across."""
    tmp_path: Path = tmp_path_factory.mktemp("template")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    assert {str(r) for r in book["Danh sách"].merged_cells.ranges} >= {"A1:Z1", "A2:Z2"}
    book["Danh sách"]["H6"] = "bốn"
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return openpyxl.load_workbook(path)["Danh sách"]


def test_the_title_ends_on_the_first_page_centred(template_copy):
    ws = template_copy
    widths = stored_widths(ws)
    # names measured: 97 % before, 96 %; 100 % (not written) since session 55 measured the
    # header's columns by their bold letters, at most three lines
    assert len(widths) == 26 and ws.page_setup.scale is None
    # The second page across begins at Q (P before session 55), where LibreOffice breaks;
    # written, so Excel (whose columns are narrower) breaks there too, not a column later.
    assert page_starts(widths, 3, 1.0, LIBREOFFICE_WIDTH) == [16]
    assert page_starts(widths, 3, 1.0, 1.0)[0] >= 16
    assert [b.id for b in ws.col_breaks.brk] == [16]
    assert ws.print_title_cols == "$A:$C" and ws.print_title_rows == "$4:$4"
    assert ws.oddFooter.center.text == "Trang &P / &N"
    merged = {str(r) for r in ws.merged_cells.ranges}
    # The title and 'Xã Trung Lương' end on the first page (were A:Z); the signature's ranges
    # lie within one page each and are kept.
    # 'Người lập biểu' and its note past the repeated A:C since session 60 (H): D:G, not B:E
    assert merged == {"A1:P1", "A2:P2", "D13:G13", "D14:G14", "R12:X12", "R13:X13", "R14:X14"}
    title = ws["A1"]
    assert (title.value, title.data_type) == (TITLE, "s")  # the head's text, not a formula
    assert title.alignment.horizontal == "center" and not title.alignment.wrap_text
    # Centred over A..P it keeps clear of A..C, which the second page prints again.
    pixels = [column_pixels(w) for w in widths]
    assert text_pixels(TITLE, bold=False) <= sum(pixels[:16]) - 3 - 2 * sum(pixels[:3])
    # One line, bold in the largest title size that keeps it whole on one line there (session
    # 29: 12 of 14 to 11; it was regular 11, 15.75 points), on a row set to that line's height.
    assert (title.font.b, title.font.sz) == (True, 12)
    assert ws.row_dimensions[1].height == 18
    assert ws["A2"].value == "Xã Trung Lương" and ws["A2"].alignment.horizontal == "center"
    # The signature: the chairman's side centred; 'Người lập biểu' (B:E, fitting B..C, which
    # every page prints, left there, whole on both pages before session 60, H) over D:G,
    # centred, on the first page only.
    assert [ws[c].alignment.horizontal for c in ("R12", "R13", "R14")] == ["center"] * 3
    assert ws["D13"].value == "Người lập biểu" and ws["D13"].alignment.horizontal == "center"
    # The mark is where it was.
    assert ws["H6"].value == "bốn" and ws["H6"].fill.fgColor.rgb == "FFFFC7CE"


@pytest.fixture(scope="module")
def messy_copy(tmp_path_factory):
    """A head's own layout: the long title over 26 columns, a three-row header (parents
    'Thông tin chủ hộ' C3:E3 and 'Các chỉ số thiếu hụt…' K3:V3, dimensions in row 4), a
    signature; NM2's size 'bốn', NM4 'Hộ khá', NM3's head 'Lường Quang Cường'."""
    tmp_path: Path = tmp_path_factory.mktemp("messy")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.with_changes(
        messy.na_mon_households(),
        NM2={"nhan_khau": "bốn"},
        NM3={"chu_ho": "Lường Quang Cường"},
        NM4={"phan_loai": "Hộ khá"},
    )
    layout = messy.Layout(sheet="DS", title=(LONG,), header_rows=3, signature=True)
    roster = messy.roster_sheet(households, layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "5/2024", 102), "standard")
    messy.write_book(folder / "NaMon.xlsx", [roster, info])
    source = openpyxl.load_workbook(folder / "NaMon.xlsx")["DS"]
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return source, openpyxl.load_workbook(path)["DS"]


def test_a_long_title_prints_on_lines_clear_of_the_repeated_columns(messy_copy):
    source, ws = messy_copy
    assert "A1:Z1" in {str(r) for r in source.merged_cells.ranges}
    breaks = [b.id for b in ws.col_breaks.brk]
    assert len(breaks) == 1 and ws.print_title_cols == "$A:$C"
    last = breaks[0] - 1
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"A1:{openpyxl.utils.get_column_letter(last + 1)}1" in merged
    assert "A1:Z1" not in merged
    title = ws["A1"]
    lines = title.value.split("\n")
    assert " ".join(lines) == LONG and title.data_type == "s"
    assert title.alignment.horizontal == "center" and title.alignment.wrap_text
    pixels = [column_pixels(w) for w in stored_widths(ws)]
    clear = sum(pixels[: last + 1]) - 3 - 2 * sum(pixels[:3])
    # bold 11, as the other sheets' titles are bold, on lines a 16.5-point row each (session
    # 56; regular 11 on 15-point lines before)
    assert (title.font.b, title.font.sz) == (True, 11)
    assert all(text_pixels(line, 11, bold=True) <= clear for line in lines)
    assert ws.row_dimensions[1].height == 16.5 * len(lines) and len(lines) >= 2
    # broken at the head's commas where the lines allow, a place's name whole (session 57:
    # 'HUYỆN ĐỊNH' / 'HÓA, TỈNH …' before)
    assert not any(line.endswith("ĐỊNH") for line in lines)
    assert lines[1].endswith("HUYỆN ĐỊNH HÓA,")


def test_a_parent_header_over_a_page_break_shows_on_both_pages(messy_copy):
    source, ws = messy_copy
    start = [b.id for b in ws.col_breaks.brk][0]  # 0-based: the second page's first column
    assert 10 < start <= 21  # within K..V, the indicators
    letter = openpyxl.utils.get_column_letter
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "K3:V3" in {str(r) for r in source.merged_cells.ranges}
    assert {f"K3:{letter(start)}3", f"{letter(start + 1)}3:V3"} <= merged
    for cell in ("K3", f"{letter(start + 1)}3"):
        assert ws[cell].value == messy.INDICATOR_PARENT
        assert ws[cell].font.b and ws[cell].fill.fgColor.rgb not in (None, "00000000")
    # 'Thông tin chủ hộ' (C3:E3) begins in the repeated columns and ends on the first page:
    # a header, merged as the head did.
    assert "C3:E3" in merged


def test_a_name_of_wide_letters_is_not_cut_in_excel(messy_copy):
    # "Lường Quang Cường": Times New Roman's advances L 611, u and o 500 with a horn of 80 each
    # (ư, ờ), n g 500, Q 722, a 444, C 667, spaces 250: 2,771 + 250 + 2,666 + 250 + 2,827 =
    # 8,764 thousandths of an em; at 11 pt, 96 dpi, × 1.05, + 3: 137.97 pixels. A width of w
    # draws 7 w + 5 pixels: 19.0. Counted by its 17 letters it had 17 / 1.1 + 2 = 17.45 (127
    # pixels: Excel cut "Cường"; LibreOffice, 5.7 % wider, showed it).
    _, ws = messy_copy
    assert round(text_pixels("Lường Quang Cường", bold=False), 2) == 137.97
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "Lường Quang Cường")
    assert ws.cell(row, 2).value == "NM3"
    widths = stored_widths(ws)
    assert widths[2] == 19.0 and column_pixels(widths[2]) == 138
    # Marked an error, a text is bold and measured so: NM2's size 'bốn' in its column.
    bon = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "NM2")
    size_col = next(c for c in range(1, 27) if ws.cell(bon, c).value == "bốn")
    assert ws.cell(bon, size_col).font.b
    assert column_pixels(widths[size_col - 1]) >= text_pixels("bốn")


def test_the_signature_is_kept_with_the_last_households(tmp_path):
    """The template's list with 26 households (rows 5-30), NM1's size 'bốn'; a blank row 31 and
    the signature in rows 32-34. It prints at 96 %, two pages across (P). Rows without a height
    are written at 15.75 pt, the header row 60, the title's 16.5 (bold 11, session 29): page 1
    holds 16.5 + 2 × 15.75 + 60 = 108 pt before the households. A page is 516.1 pt (A4
    landscape less 1.1"), 96 % to 102 % of it at 96 %, less the column letters' 15 pt (printed
    since session 30): 501.1 to 533.36 pt, i.e. 24 to 27 rows of 15.75. Where it holds 27,
    rows 5-31 fill page 1 and the signature would print alone on page 2 under the repeated
    header: a page break before row 29 (NM25) keeps it with rows 29-30 and the signature;
    where it holds 24, row 29 begins page 2 anyway. With 28 households the last ones reach
    page 2 either way: no break. (97 % and a break before row 30 before session 30.) Session
    46: the last three households print with the signature, as the lists': a break before row
    28 (NM24); with 28 households, before row 29, where the 24-row page begins its second
    (the 27-row page printed row 32 alone with the signature). Session 54: the header's texts
    measured letter by letter take three lines, not four ('Diện tích nhà' / 'ở bình quân' /
    'đầu người'): the header row 45 pt, page 1 holds 16.5 + 2 × 15.75 + 45 = 93 pt before the
    households, 25 to 27 rows; with 26 households still a break before row 28; with 28, before
    row 30 (NM26), where the 25-row page begins its second (the 27-row page would print row 32
    alone with the signature). Session 54 (H3): the title's en dash half an em (an em before),
    the title fits its range at 12 pt bold: row 1 is 18 pt (12 × 1.5; 16.5 at 11 pt), page 1
    holds 18 + 2 × 15.75 + 45 = 94.5 pt before the households, still 25 to 27 rows. Then the
    copy's text columns measured by their letters, not their length (H3): the columns
    narrower, it prints at 98 %, the title at 11 pt again (16.5; its first page's columns A..O
    narrower): a page 516.1 × 0.96 / 0.98 - 15 = 490.57 to 516.1 × 1.02 / 0.98 - 15 = 522.17
    pt, (490.57 - 93) / 15.75 = 25 to 27 rows: the same breaks. Session 55: the header's
    columns measured by their bold letters (three lines at most), not their length: the copy
    prints at 100 %, two pages across (Q): a page 516.1 × 0.96 - 15 = 480.46 to 516.1 × 1.02 -
    15 = 511.42 pt, 24 to 26 rows after the 93 pt above the households; with 26 households
    still a break before row 28; with 28, before row 29 (NM25), where the 24-row page begins its
    second (the 26-row page would print only NM27 and NM28 with the signature)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)

    def copy_of(n: int, name: str):
        rows = [person(f"NM{i}", "poor") for i in range(1, n + 1)]
        roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 300, rows)
        book = openpyxl.load_workbook(roster)
        book["Danh sách"]["H5"] = "bốn"
        book.save(roster)
        execute(folder, tmp_path / name, "2024-05")
        path = tmp_path / name / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
        return openpyxl.load_workbook(path)["Danh sách"]

    ws = copy_of(26, "out26")
    assert ws.page_setup.scale is None and [b.id for b in ws.col_breaks.brk] == [16]
    assert (ws["B30"].value, ws["R32"].value) == ("NM26", "Ngày 03 tháng 06 năm 2024")
    assert [ws.row_dimensions[r].height for r in (1, 2, 3, 4, 5, 30, 33)] == [
        16.5, 15.75, 15.75, 45, 15.75, 15.75, 15.75,
    ]  # fmt: skip
    assert round(516.1 * 0.96 - 15, 2) == 480.46 and round(516.1 * 1.02 - 15, 2) == 511.42
    assert int((480.46 - 93) / 15.75) == 24 and int((511.42 - 93) / 15.75) == 26
    assert [b.id for b in ws.row_breaks.brk] == [27]  # 0-based: row 28 begins page 2
    ws = copy_of(28, "out28")
    assert ws.page_setup.scale is None and ws["B32"].value == "NM28"
    assert [b.id for b in ws.row_breaks.brk] == [28]
