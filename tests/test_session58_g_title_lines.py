"""Session 58 (G): a feedback copy's long title, on lines placed at its commas or the head's own.

Session 57 broke a long title at its commas where the copy writes its lines itself (clear of
the columns repeated on later pages) and left a copy printed on one page across to Excel's
wrapping: 'DANH SÁCH … THÔN NÀ MÒN, XÃ' / 'TRUNG LƯƠNG, HUYỆN ĐỊNH HÓA, … CẬP NHẬT' / 'THÁNG
5/2024', the commune's name cut in two. That title is now written on the same number of
lines, placed as the other copies place theirs (`feedback._lines_within`): at its commas.
A title the head broke into lines himself keeps his lines, wrapped, its row as tall as they
are (it was measured across his breaks: re-placed, or written unwrapped in a row of one line
and printed cut).
"""

from __future__ import annotations

import openpyxl

from pipeline.report.feedback import _outside_text
from pipeline.report.styles import text_pixels, text_units
from pipeline.run import execute
from tests import messy
from tests.commune import write_plan
from tests.test_session26_feedback_print import LONG
from tests.test_session26_feedback_print import WIDTHS as S26_WIDTHS

# Session 56's copy of eight columns, A:H, 33 + 36 + 110 + 37 + 37 + 89 + 135 + 66 = 543
# pixels (widths (p - 5) / 7), printed on one page across: nothing repeated.
PIXELS = [33, 36, 110, 37, 37, 89, 135, 66]
WIDTHS = [(p - 5) / 7 for p in PIXELS]
LINES = [
    "DANH SÁCH HỘ NGHÈO,",
    "HỘ CẬN NGHÈO NĂM 2024 THÔN NÀ MÒN, XÃ TRUNG LƯƠNG,",
    "HUYỆN ĐỊNH HÓA, TỈNH THÁI NGUYÊN – CẬP NHẬT THÁNG 5/2024",
]


def bold(text: str) -> float:
    return round(text_pixels(text, 11.0, bold=True), 2)


def test_a_title_wrapped_on_one_page_across_is_written_on_lines_at_its_commas():
    # A line holds 543 - 3 = 540 pixels. LONG in bold 11 is 75678 thousandths of an em,
    # 1168.44 pixels: three lines. Excel fills each line: 'DANH … MÒN, XÃ' (34630, 536.30),
    # then 'TRUNG LƯƠNG, …'. Placed at the commas, the three lines are 12008, 30565 and 32605
    # thousandths: 187.92, 473.70 and 505.12 pixels, each within 540, every break after a
    # comma (the lines of session 57's test, 'DANH … NĂM 2024' / 'THÔN … HÓA,' / 'TỈNH …', break
    # once between words: more breaks at punctuation win).
    assert sum(PIXELS) == 543
    assert text_units(LONG, bold=True) == 75678 and bold(LONG) == 1168.44
    assert bold("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 THÔN NÀ MÒN, XÃ") == 536.3
    assert [text_units(line, bold=True) for line in LINES] == [12008, 30565, 32605]
    assert [bold(line) for line in LINES] == [187.92, 473.7, 505.12]
    centred, text, wrapped = _outside_text(LONG, (0, 7), WIDTHS, 0, [], 11.0, True, placed=True)
    assert (centred, wrapped) == (True, True)
    assert text.split("\n") == LINES  # before: LONG itself, Excel breaking it at 'XÃ'
    assert text.replace("\n", " ") == LONG
    # Not placed (a signature, the other texts outside the table): as before, left to wrap.
    assert _outside_text(LONG, (0, 7), WIDTHS, 0, [], 11.0, True) == (True, LONG, True)
    # A title the head broke into lines himself keeps his lines (each wraps as it falls).
    own = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024\nTHÔN NÀ MÒN, XÃ TRUNG LƯƠNG, HUYỆN ĐỊNH HÓA"
    assert _outside_text(own, (0, 7), WIDTHS, 0, [], 11.0, True, placed=True) == (True, own, True)
    # A title that fits its line is not touched.
    assert _outside_text(LINES[1], (0, 7), WIDTHS, 0, [], 11.0, True, placed=True) == (
        True,
        LINES[1],
        False,
    )


def test_the_copy_of_one_page_across_writes_the_titles_lines(tmp_path):
    # Session 56's list: eight columns under LONG merged over them, a count 'bốn' to fix.
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
    assert list(ws.col_breaks.brk) == [] and ws.print_title_cols is None  # one page across
    assert "A1:H1" in {str(r) for r in ws.merged_cells.ranges}
    cell = ws["A1"]
    assert cell.value == "\n".join(LINES)  # LONG as the head wrote it, before
    assert (cell.font.b, cell.font.sz) == (True, 11)
    assert cell.alignment.wrap_text and cell.alignment.horizontal == "center"
    assert ws.row_dimensions[1].height == 49.5  # three lines of 16.5 pt, as before


# A head's title he broke into two lines himself (Alt+Enter), over session 26's 26 columns:
# the copy prints two pages across with A:C repeated. A text with line breaks is as wide as
# its widest line and is wrapped, its row as tall as its lines.
OWN = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO\nXÓM NÀ MÒN – THÁNG 5/2024"


def test_the_heads_own_lines_are_kept_clear_of_the_repeated_columns(tmp_path):
    # Session 26's widths: A..M 996 pixels, A..C 246 repeated: centred lines keep clear of
    # them within 993 - 2 × 246 = 501 pixels. The head's lines, bold 11: 314.19 and 226.81,
    # each within; the text measured across its break, 553.40, is not, and the words were
    # placed anew: 'DANH SÁCH HỘ NGHÈO,' / 'HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024', his
    # lines lost.
    first, second = OWN.split("\n")
    assert (bold(first), bold(second), bold(OWN)) == (314.19, 226.81, 553.4)
    assert _outside_text(OWN, (0, 12), S26_WIDTHS, 3, [13], 11.0, True) == (True, OWN, True)
    # A line of his too wide to keep clear: his words placed anew as before.
    wide = LONG.replace("THÔN NÀ MÒN,", "THÔN NÀ MÒN,\n", 1)
    assert bold(wide.split("\n")[1]) > 501
    centred, text, wrapped = _outside_text(wide, (0, 12), S26_WIDTHS, 3, [13], 11.0, True)
    assert (centred, wrapped) == (True, True) and text.replace("\n", " ").split() == LONG.split()
    assert all(bold(line) <= 501 for line in text.split("\n"))
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.with_changes(messy.na_mon_households(), NM2={"nhan_khau": "bốn"})
    layout = messy.Layout(sheet="DS", title=(OWN,), header_rows=3, signature=True)
    roster = messy.roster_sheet(households, layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "5/2024", 102), "standard")
    messy.write_book(folder / "NaMon.xlsx", [roster, info])
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["DS"]
    assert ws.print_title_cols == "$A:$C" and len(ws.col_breaks.brk) == 1
    cell = ws["A1"]
    # Its first page is A:P here, wide enough for the text measured across the break (553.40
    # pixels): before, it was written unwrapped in a row of one line, 16.5 pt, and LibreOffice
    # printed both lines cut through (Excel shows such a text on one line).
    assert cell.value == OWN
    # His lines at 14 (399.06 and 287.85 pixels bold) keep clear of A:C here: the title's
    # largest size (session 58, G2; 11 before, its lines always the smallest size).
    assert (cell.font.b, cell.font.sz) == (True, 14)
    assert cell.alignment.wrap_text and cell.alignment.horizontal == "center"  # no wrap before
    assert ws.row_dimensions[1].height == 42  # two lines of 21 pt; 16.5 before
