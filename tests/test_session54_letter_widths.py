"""Session 54: a wrapped text's lines counted by its letters' widths.

A row's height for its wrapped cells was counted by length, 1.1 letters a column width
(``textwrap`` at ``int(width * 1.1)``): a head's name of capitals, 'Hoàng Văn NM1 – Đồng Mỏ' (23
letters, 24 a line of the 22-wide name column), got a row of one line, and LibreOffice drew its
second line cut ('Mỏ'); a note of narrow letters got a line it did not need. Now each letter is
measured (regular Times New Roman 11, :func:`styles.text_units`) and words are wrapped while
they fit the column's pixels (:func:`cells.line_room`)."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.report.bulk import column_lines, fitted_heights
from pipeline.report.cells import line_room, text_lines, wrapped_lines
from pipeline.report.styles import text_units
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster

WIDE = "Hoàng Văn NM1 – Đồng Mỏ"
NARROW = "Ít đất, thiếu việc"


def test_a_name_of_capitals_is_measured_by_its_letters():
    # Times New Roman's advances (thousandths of an em), a marked letter as its base letter:
    # Hoàng H722 o500 a444 n500 g500 = 2666; Văn V722 a444 n500 = 1666; NM1 N722 M889 1:500 =
    # 2111; '–' half an em, 500 (session 54, H3: an em before); Đồng D722 o500 n500 g500 = 2222;
    # Mỏ M889 o500 = 1389; 5 spaces of 250 = 1250: 11804.
    assert text_units(WIDE, bold=False) == 11804
    # a 22-wide column is 7 × 22 + 5 = 159 pixels; the text's padding 3; an em of 11 points
    # 11 × 96 / 72 × 1.05 (Excel's margin) = 15.4 pixels: (159 - 3) / 0.0154 = 10129.87
    assert line_room(22) == 10129
    # 'Hoàng Văn NM1 –' 2666 + 1666 + 2111 + 500 + 3 × 250 = 7693; with ' Đồng' 7693 + 250 +
    # 2222 = 10165 > 10129: 'Đồng Mỏ' on a second line (the length said 23 ≤ 24: one line)
    assert text_lines(WIDE, 22) == 2
    assert wrapped_lines([(WIDE, 22), ("Thiếu vốn", 22)]) == 2


def test_a_note_of_narrow_letters_is_one_line():
    # Ít I333 t278 = 611; đất, d500 a444 t278 ,250 = 1472; thiếu t278 h500 i278 e444 u500 =
    # 2000; việc v500 i278 e444 c444 = 1666; 3 spaces 750: 6499 ≤ (117 - 3) / 0.0154 = 7402 (a
    # 16-wide column, 'Ghi chú'); the length said 18 > 17: two lines
    assert text_units(NARROW, bold=False) == 6499
    assert line_room(16) == 7402
    assert text_lines(NARROW, 16) == 1


def test_a_word_wider_than_a_line_breaks_between_its_letters():
    # 24 × M (889 each) in a 22-wide column: 10129 // 889 = 11 a line, 11 + 11 + 2: 3 lines
    assert text_lines("M" * 24, 22) == 3
    # two paragraphs of one short line each: two lines
    assert text_lines("a\nb", 22) == 2


def test_a_long_list_counts_each_text_as_one_text_does():
    texts = [WIDE, NARROW, "a\nb", "", "M" * 24, "Nà Mòn", WIDE]
    assert column_lines(texts, 22) == [2, 1, 2, 1, 3, 1, 2]
    assert column_lines([NARROW, "a\nb\nc"], 16) == [1, 3]
    # a Hangul syllable (three letters decomposed) and a lone surrogate (an .xls's broken
    # text) counted alike both ways
    odd = ["한국사람 이름입니다요", "a\ud800b " * 6, "x\ty " * 5]
    assert column_lines(odd, 22) == [text_lines(text, 22) for text in odd]
    heights = fitted_heights([(texts, 22), ([NARROW] * 7, 16)], 7, None)
    assert heights == [30.0, None, 30.0, None, 45.0, None, 30.0]


@pytest.fixture(scope="module")
def poor_list(tmp_path_factory):
    """May 2024: Nà Mòn's NM1 (poor) headed by WIDE, NM5 (poor) noted NARROW; Bản Cọ's BC1
    (poor) as the tests' households are ('Hoàng Văn BC1')."""
    folder, out = new_commune(tmp_path_factory.mktemp("widths"))
    rows = [
        person("NM1", "poor", chu_ho=WIDE),
        person("NM4", "near_poor"),
        person("NM5", "poor", ghi_chu=NARROW),
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    execute(folder, out, "2024-05")
    return openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["DS hộ nghèo"]


def _row(ws, text: str) -> int:
    return next(c.row for row in ws.iter_rows() for c in row if c.value == text)


def test_the_written_list_gives_the_wide_name_two_lines_and_the_narrow_note_one(poor_list):
    ws = poor_list
    assert ws.row_dimensions[_row(ws, WIDE)].height == 30  # two lines of 15 pt (was one)
    # one line: the list's own row height (15.75 pt), as a household of short texts
    one = ws.row_dimensions[_row(ws, "Hoàng Văn BC1")].height
    assert one == 15.75
    assert ws.row_dimensions[_row(ws, NARROW)].height == one  # was two lines, 30 pt
