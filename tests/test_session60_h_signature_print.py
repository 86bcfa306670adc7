"""The feedback copy's signature block prints as the head's file shows it (session 60, H; the
two **Left** of "Session 59: a signature line merged partly outside …", G2).

* 'Người lập biểu' and its '(Ký, ghi rõ họ tên)' merged over B:E begin in the columns A:C
  repeated on every page across: their share there printed on every later page, beside the
  head's date and 'Trưởng xóm' on the last (rendered: pages 3 and 4 of 4 of Nà Mòn's copy). They
  are now written from the first column not repeated (D), over as many columns as the wider
  needs, centred: once, on the first page across.
* An .xls's or .ods's bold and italic below the table were not read (the copy wrote them
  regular, where an xlsx's keep theirs since G2): now they are.

Nà Mòn's template list (tests.commune; its block: row 12 the date over R:X, italic; row 13
'Người lập biểu' over B:E and 'Trưởng xóm' over R:X, bold; row 14 '(Ký, ghi rõ họ tên)' over
B:E and R:X, italic), NM2's size 'bốn' so that a copy is written; it prints two pages across,
A:C repeated, the second from Q (column 16)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.run import execute
from tests.biff import sheets_of, xls_from_xlsx
from tests.commune import person, write_plan, write_roster
from tests.messy import SheetSpec, write_book
from tests.test_session23_rows import MAY

DATE = "Ngày 03 tháng 06 năm 2024"
NOTE = "(Ký, ghi rõ họ tên)"


def _list(folder: Path) -> Path:
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    book["Danh sách"]["H6"] = "bốn"
    book.save(roster)
    return roster


def _copy(tmp_path: Path, folder: Path, name: str):
    execute(folder, tmp_path / "out", "2024-05")
    return openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / name)["Danh sách"]


def _below(ws) -> set[str]:
    return {str(m) for m in ws.merged_cells.ranges if m.min_row >= 11}


def _block(ws) -> list[tuple[str, str, bool, bool, str]]:
    """Each text below the table: (cell, text, bold, italic, alignment)."""
    return [
        (c.coordinate, c.value, bool(c.font.b), bool(c.font.i), c.alignment.horizontal)
        for row in ws.iter_rows(min_row=11, max_row=16)
        for c in row
        if c.value is not None
    ]


def _fonts(ws) -> list[tuple[str, bool, bool]]:
    """Each text below the table: (text, bold, italic), wherever it is written."""
    return _fonts_of(_block(ws))


def _fonts_of(block) -> list[tuple[str, bool, bool]]:
    return [(text, bold, italic) for _, text, bold, italic, _ in block]


# the copy's block, every text where it prints, as the head's file has it
BLOCK = [
    ("R12", DATE, False, True, "center"),
    ("D13", "Người lập biểu", True, False, "center"),
    ("R13", "Trưởng xóm", True, False, "center"),
    ("D14", NOTE, False, True, "center"),
    ("R14", NOTE, False, True, "center"),
]


def test_the_left_block_merged_from_the_repeated_columns_prints_once_past_them(tmp_path):
    _list(tmp_path / "input")
    ws = _copy(tmp_path, tmp_path / "input", "Nà Mòn_2024-05.xlsx")
    assert ws.print_title_cols == "$A:$C"
    assert [b.id for b in ws.col_breaks.brk] == [16]
    # Before: 'B13:E13', 'B14:E14' (B:C printed again on page 4). D:E (Năm sinh, Giới tính,
    # 52 + 40 pixels) is too narrow for '(Ký, ghi rõ họ tên)' (112 pixels in italic 11 pt), so
    # D:G (G: Số định danh, 103 pixels).
    assert _below(ws) == {"D13:G13", "D14:G14", "R12:X12", "R13:X13", "R14:X14"}
    assert _block(ws) == BLOCK
    assert [ws[f"B{r}"].value for r in (13, 14)] == [None, None]


def test_a_line_that_would_cover_another_text_stays_where_the_head_merged_it(tmp_path):
    roster = _list(tmp_path / "input")
    book = openpyxl.load_workbook(roster)
    book["Danh sách"]["F14"] = "Đã xem"  # in the columns the block would move over
    book.save(roster)
    ws = _copy(tmp_path, tmp_path / "input", "Nà Mòn_2024-05.xlsx")
    assert _below(ws) == {"B13:E13", "B14:E14", "R12:X12", "R13:X13", "R14:X14"}
    assert ws["B13"].value == "Người lập biểu"


def test_an_xls_lists_bold_and_italic_below_its_table_are_kept(tmp_path):
    source = _list(tmp_path / "xlsx")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    xls_from_xlsx(source, folder / "NaMon.xls", emphasis=True)
    ws = _copy(tmp_path, folder, "Nà Mòn_2024-05.xlsx")
    # Before: every text of the block regular (wherever it is written)
    assert _fonts(ws) == _fonts_of(BLOCK)
    assert _block(ws) == BLOCK
    # the table's cells stay as the copy writes them (its header bold, its households regular)
    assert ws["C5"].value == "Hoàng Văn NM1" and not ws["C5"].font.b


def test_an_ods_lists_bold_and_italic_below_its_table_are_kept(tmp_path):
    source = _list(tmp_path / "xlsx")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    book = openpyxl.load_workbook(source)
    specs = []
    sheets, merges, hidden = sheets_of(source)
    for title, cells in sheets:
        spec = SheetSpec(title, hidden=title in hidden)
        for (r, c), value in cells.items():
            spec.put(r, c, value)
        spec.merges = [(r1, c1, r2, c2) for r1, r2, c1, c2 in merges[title]]
        ws = book[title]
        spec.emphasis = {
            (cell.row - 1, cell.column - 1): (bool(cell.font.b), bool(cell.font.i))
            for row in ws.iter_rows()
            for cell in row
            if isinstance(cell.value, str) and (cell.font.b or cell.font.i)
        }
        specs.append(spec)
    write_book(folder / "NaMon.ods", specs)
    ws = _copy(tmp_path, folder, "Nà Mòn_2024-05.xlsx")
    # Before: every text of the block regular (wherever it is written)
    assert _fonts(ws) == _fonts_of(BLOCK)
    assert _block(ws) == BLOCK
