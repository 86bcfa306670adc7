"""Session 45: what session 44 left on paper. The lists ('DS hộ nghèo', 'DS hộ cận nghèo',
the changed households of 'Biến động') printed their signature with two households; the list
of 'Biến động' began under the tables with its header and two wrapped rows at a page's foot."""

from __future__ import annotations

import openpyxl
import pytest
import xlsxwriter

from pipeline.report.styles import PAGE_HEIGHT_PT, PAGE_SHARES, ROW_HEIGHT_PT, fix_pages
from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.printed_pages import page_starts


def _fixed(tmp_path, rows: int, groups: list[int]) -> list[int]:
    """The page breaks (0-based first rows) ``fix_pages`` writes through a table of ``rows``
    rows of ``ROW_HEIGHT_PT`` from the sheet's top, read back with openpyxl."""
    path = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet()
    widths = [10.0] * 5  # 385 px: one page wide at 100 %
    for row in range(rows):
        ws.write_number(row, 0, row + 1)
    fix_pages(ws, widths, 0, rows - 1, groups=groups)
    wb.close()
    sheet = openpyxl.load_workbook(path).active
    return [b.id for b in sheet.row_breaks.brk]  # a break's id: the 1-based row above it


def test_a_long_table_keeps_its_last_three_rows_on_its_last_page(tmp_path):
    """The smallest page holds 96 % of 516.1 pt = 495.5 pt: 31 rows of 15.75 pt (488.25; 32
    are 504). Of 33 rows, the page was cut before row 31 and the last page held rows 31 and
    32 alone with what ends the table (the lists' signature). It is now cut before row 30, the
    first of the last three (``end_rows``). With rows 31 and 32 a group of their own (a
    hamlet's), the cut before row 30 would leave row 30, the last of the group above, alone at
    the page's head: it goes a row up, to 29 (four rows on the last page)."""
    assert PAGE_SHARES[0] * PAGE_HEIGHT_PT // ROW_HEIGHT_PT == 31
    assert _fixed(tmp_path, 33, []) == [30]
    assert _fixed(tmp_path, 33, [31]) == [29]
    # a table whose last page holds three rows or more is cut where the page is full
    assert _fixed(tmp_path, 34, []) == [31]


def sample(tmp_path, hamlets: int = 12, months: int = 2):
    """``giamngheo sample`` (the shipped input: 12 hamlets, seed 2024, April and May), run
    month by month; May's workbook."""
    generate_sample(tmp_path / "in", hamlets=hamlets, months=months)
    if months == 2:
        execute(tmp_path / "in", tmp_path / "out", "2024-04")
    execute(tmp_path / "in", tmp_path / "out", "2024-05")
    return openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")


def list_head(ws) -> int:
    return max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "Mã hộ")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The shipped sample's output folder of May (April run first)."""
    tmp = tmp_path_factory.mktemp("shipped")
    sample(tmp)
    return tmp / "out" / "2024-05"


def test_the_shipped_samples_changed_households_end_with_three_on_the_signatures_page(shipped):
    """The shipped sample's 'Biến động' lists 94 changed households (rows 81-174), cut by hand.
    Its last page began at row 173: Nà Tiến's two households, the note and the
    signature. It now begins at row 172, the first of the last three: Đồng Màn's one household
    (a hamlet's first and last, not alone at a page's edge), then Nà Tiến's two. Every
    estimate prints the same pages. The household lists keep theirs (4 and 18 households with
    the signature). Session 54: their rows measured letter by letter, some a line taller,
    their last pages begin at rows 240 (11 households) and 196 (the last three)."""
    book = openpyxl.load_workbook(shipped / "TongHop_2024-05.xlsx")
    ws = book["Biến động"]
    head = list_head(ws)
    assert (head, ws.cell(174, 1).value) == (80, 94)
    assert ws.cell(175, 1).value.startswith("Đầu kỳ:")  # the note above the signature
    assert [ws.cell(r, 2).value for r in (171, 172, 173, 174)] == [
        "Thẩm Rộc", "Đồng Màn", "Nà Tiến", "Nà Tiến",
    ]  # fmt: skip
    assert [b.id + 1 for b in ws.row_breaks.brk][-1] == 172
    assert {max(layout) for layout in page_starts(ws)} == {172}
    for name, last, first_on_page in (("DS hộ nghèo", 250, 240), ("DS hộ cận nghèo", 198, 196)):
        ws = book[name]
        assert ws.cell(last, 1).value == last - 8 and ws.cell(last + 1, 1).value is None
        assert {max(layout) for layout in page_starts(ws)} == {first_on_page}


def test_the_changed_households_list_starts_with_three_wrapped_rows_under_its_header(tmp_path):
    """20 hamlets, one month: under 'Biến động''s tables the room left held the list's title
    (row 61), header (62) and 3 rows of 15.75 pt, but the list's first rows wrap: 30, 15.75
    and 30 pt (rows 63-65). The page held the header and rows 63 and 64 only, then a break
    before 65. The list now starts a page at its title, and that page holds far more than
    three of its rows."""
    ws = sample(tmp_path, 20, 1)["Biến động"]
    assert list_head(ws) == 62
    assert ws.cell(61, 1).value == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG"
    assert [ws.row_dimensions[r].ht for r in (63, 64, 65)] == [30, 15.75, 30]
    breaks = [b.id + 1 for b in ws.row_breaks.brk]
    assert 61 in breaks and 65 not in breaks
    for layout in page_starts(ws):
        assert 61 in layout
        assert min(s for s in layout if s > 61) > 65


def test_a_household_list_prints_three_households_with_its_signature(tmp_path):
    """14 hamlets, April and May: 'DS hộ cận nghèo' lists 222 households (rows 9-230), the last
    nine Nà Chú's. The signature did not fit under the page begun at row 204, and the last two
    (rows 229 and 230) went with it. Now the last three go: the page begins at row 228 in every
    estimate. Session 54: the rows measured letter by letter, many a line taller, the pages
    begin at rows 200 and 226: the last page holds five households, where the page before is
    full (the rule of three: test_a_long_table_keeps_its_last_three_rows_on_its_last_page)."""
    ws = sample(tmp_path, 14)["DS hộ cận nghèo"]
    assert [ws.cell(r, 1).value for r in (9, 230, 231)] == [1, 222, None]
    assert {ws.cell(r, 2).value for r in range(222, 231)} == {"Nà Chú"}
    assert [b.id + 1 for b in ws.row_breaks.brk][-2:] == [200, 226]
    assert {max(layout) for layout in page_starts(ws)} == {226}


def test_the_posted_lists_print_three_households_with_the_signature(shipped):
    """NiemYet of the shipped sample, a sheet a hamlet, its households from row 11. Nà Mòn
    (rows 11-47), Khuôn Tát (to 51) and Làng Mòn (to 55) broke before their last two; now
    before their last three. Thẩm Rộc (rows 11-31) had no break: Excel's 102 % page began its
    last page at row 30, two households and the signature. Bản Cọ (rows 11-61): that estimate
    printed row 61 alone with the signature. Both now break where the smallest estimate's
    last page begins (rows 28 and 57), and every estimate prints that page."""
    book = openpyxl.load_workbook(shipped / "NiemYet_2024-05.xlsx")
    found = {}
    for name, last in (
        ("Nà Mòn", 47), ("Khuôn Tát", 51), ("Làng Mòn", 55), ("Thẩm Rộc", 31), ("Bản Cọ", 61),
    ):  # fmt: skip
        ws = book[name]
        assert (ws.cell(11, 1).value, ws.cell(last, 1).value) == (1, last - 10)
        assert not isinstance(ws.cell(last + 1, 1).value, int)
        assert {max(layout) for layout in page_starts(ws)} == {b.id + 1 for b in ws.row_breaks.brk}
        found[name] = [b.id + 1 for b in ws.row_breaks.brk]
    assert found == {
        "Nà Mòn": [45], "Khuôn Tát": [49], "Làng Mòn": [53], "Thẩm Rộc": [28], "Bản Cọ": [57],
    }  # fmt: skip
