"""Session 54 (H3): the feedback copy's text columns sized by their texts' letters.

The copy of a head's list sized a column, and chose whether a text wraps, by the text's length
(1.1 letters a unit of width, ``cells.CHARS_PER_WIDTH``, and 2 more). A note of 39 capitals is
37.45 units by its length, under the widest column (40): not wrapped, its column widened to
the 40 at most, where it needs 49.94: Excel cut it at the column's edge. Now a text of the table
is measured letter by letter (``styles.text_units``, as the lists' texts are): wider than 40, it
wraps in a column of 40 and its row is as tall as its lines."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.report.cells import header_word_width, line_room, text_lines
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster

NOTE = "NHÀ TẠM, DỘT NÁT, KHÔNG CÓ ĐẤT SẢN XUẤT"


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    """May 2024: Nà Mòn's NM1 (poor) noted NOTE, its income above the standard (a warning: a
    feedback copy of its list), NM4 near-poor."""
    folder, out = new_commune(tmp_path_factory.mktemp("copy"))
    rows = [person("NM1", "poor", ghi_chu=NOTE, thu_nhap=5_000_000), person("NM4", "near_poor")]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    execute(folder, out, "2024-05")
    path = out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return openpyxl.load_workbook(path)["Danh sách"]


def test_a_note_of_capitals_wider_than_a_column_wraps(copy):
    # Regular Times New Roman, thousandths of an em: NHÀ N722 H722 A722 = 2166; TẠM, T611 A722
    # M889 ,250 = 2472; DỘT D722 O722 T611 = 2055; NÁT, 722 + 722 + 611 + 250 = 2305; KHÔNG 5 ×
    # 722 = 3610; CÓ C667 O722 = 1389; ĐẤT 2055; SẢN S556 A722 N722 = 2000; XUẤT X722 U722 A722
    # T611 = 2777; 8 spaces of 250: 22829, 22829 × 11 × 96 / 72 × 1.05 / 1000 + 3 = 354.56
    # pixels, a width of (354.56 - 5) / 7 = 49.94 (by its 39 letters: 39 / 1.1 + 2 = 37.45)
    assert len(NOTE) == 39
    assert round(header_word_width(NOTE, bold=False), 2) == 49.94
    # a column of 40 (285 pixels) holds (285 - 3) / 0.0154 = 18311 a line: 'NHÀ TẠM, DỘT NÁT,
    # KHÔNG CÓ ĐẤT' 2166 + 2472 + 2055 + 2305 + 3610 + 1389 + 2055 + 6 × 250 = 17552; with ' SẢN'
    # 19802: two lines, 30 pt
    assert line_room(40) == 18311 and text_lines(NOTE, 40) == 2
    cell = next(c for row in copy.iter_rows() for c in row if c.value == NOTE)
    assert cell.alignment.wrap_text is True  # (not wrapped before: cut at the column's edge)
    assert copy.row_dimensions[cell.row].height == 30
    # the widest column, 40: 285 pixels
    assert round(copy.column_dimensions[cell.column_letter].width * 7) == 285
