"""Session 24: the feedback copy of 'Danh sách' prints readably (docs/decisions.md).

It printed one page wide, 26 columns at about 45 %. A copy wider than a page now prints on
A4 landscape at a fixed scale of at least 70 %, across as few pages as that allows, over
then down (a household's row on consecutive pages), STT, Mã hộ and Họ và tên chủ hộ
repeated on each page and the header rows at the top of each.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.report.styles import LIBREOFFICE_WIDTH, PAGE_WIDTH_PT, column_pixels, wide_print
from pipeline.report.styles import _pages_across as pages_across
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY


def test_wide_print_hand_worked():
    # 13 columns of width 20: 145 px = 108.75 pt each in Excel, 114.95 pt in LibreOffice; the
    # first two repeated (229.9 pt in LibreOffice). Page 1 holds floor(R / 114.95) columns,
    # each later page two fewer: two pages need floor(R / 114.95) >= 8 (8 + 6 >= 13), so
    # R = 784.3 / s >= 919.6, s <= 0.8529: 85 %. At 86 % R = 912.0 holds 7 (7 + 5 < 13).
    assert column_pixels(20) == 145 and round(PAGE_WIDTH_PT, 1) == 784.3
    assert round(108.75 * LIBREOFFICE_WIDTH, 2) == 114.95
    widths = [20.0] * 13
    assert wide_print(widths, 2) == (0.85, 2)
    assert pages_across(widths, 2, 0.86, LIBREOFFICE_WIDTH) == 3
    assert pages_across(widths, 2, 0.86, 1.0) == 2  # Excel alone would fit: LibreOffice decides
    assert pages_across(widths, 2, 1.0, 1.0) == 3  # 7 columns, then 2 + 5, then 2 + 1
    # Three such columns fit one page at 100 % (326.25 pt): printed as before.
    assert wide_print([20.0] * 3, 2) == (1.0, 1)
    # A sheet that fits one page at no less than 70 % prints on one: 7 columns at 100 % are
    # 761.25 pt in Excel, 804.65 in LibreOffice: 97 % (784.3 / 804.65 = 0.9747).
    assert wide_print([20.0] * 7, 2) == (0.97, 1)


@pytest.fixture(scope="module")
def copy_sheet(tmp_path_factory):
    tmp_path: Path = tmp_path_factory.mktemp("print")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    book["Danh sách"]["H6"] = "bốn"  # a size in words: an error, so feedback is written
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    copy = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return openpyxl.load_workbook(copy)


def test_copy_prints_across_pages_at_a_readable_scale(copy_sheet):
    ws = copy_sheet["Danh sách"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # no longer fitted one page wide
    assert 70 <= setup.scale <= 100
    assert setup.pageOrder == "overThenDown"
    assert ws.print_title_cols == "$A:$C"  # STT, Mã hộ, Họ và tên chủ hộ
    assert [ws.cell(4, c).value for c in (1, 2, 3)] == ["STT", "Mã hộ", "Họ và tên chủ hộ"]
    assert ws.print_title_rows == "$4:$4"
    assert not setup.blackAndWhite  # the marked cells print in colour
    assert ws["H6"].fill.fgColor.rgb not in (None, "00000000")
    # Two pages wide at the scale written, in Excel and LibreOffice, and not one at 70 %.
    stored = {}  # openpyxl keeps equal neighbours as one range (D:E)
    for dim in ws.column_dimensions.values():
        for c in range(dim.min, dim.max + 1):
            stored[c] = dim.width
    # a width is stored as its pixels / 7; the width set had 5 pixels less
    set_widths = [(round(stored[c] * 7) - 5) / 7 for c in range(1, ws.max_column + 1)]
    assert len(set_widths) == 26 and setup.scale == 97
    for stretch in (1.0, LIBREOFFICE_WIDTH):
        assert pages_across(set_widths, 3, setup.scale / 100, stretch) == 2
    assert pages_across(set_widths, 3, 0.98, LIBREOFFICE_WIDTH) == 3  # 97 % is the largest
    assert pages_across(set_widths, 3, 0.7, LIBREOFFICE_WIDTH) > 1  # not one page at 70 %


def test_other_feedback_sheets_still_print_one_page_wide(copy_sheet):
    for name in ("Hướng dẫn sửa", "Thông tin"):
        ws = copy_sheet[name]
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.print_title_cols is None
