"""The copy's left signature block typed in a repeated column's cells alone prints once (session
60, review of H; H's **Left**: only a block merged from the repeated columns was moved).

Nà Mòn's template list (tests.commune), NM2's size 'bốn' so that a copy is written: it prints two
pages across, A:C repeated, the second from Q. Here the head typed 'Người lập biểu' in B13 and
'(Ký, ghi rõ họ tên)' in B14, not merged: the text runs over C:E on page 3 and, B:C being
repeated, printed again on page 4 beside the head's date and 'Trưởng xóm' (rendered with
LibreOffice 7.4, 60 dpi: 'Người lập biểu' and its note at the left of page 4).

The copy's columns past the repeated ones, in pixels as `_past_repeated` adds them (3 kept for
the cell's margins): D 37, E 33, F 33, G 95, H 37, I 89 … up to P."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

DATE = "Ngày 03 tháng 06 năm 2024"
NOTE = "(Ký, ghi rõ họ tên)"
LONG = (
    "Ghi chú: hộ NM2 chuyển đến từ xóm Bản Cọ tháng 4 năm 2024, đã báo cáo xã ngày 15 tháng 4; "
    "hộ NM4 đề nghị xét lại thu nhập bình quân vì có người mới đi làm xa, xin xã xem xét."
)


def head_copy(tmp_path: Path, merge: str | None = None, regular: tuple = (), **cells):
    """The copy's list sheet, the head's left block unmerged, ``cells`` typed in (a text, a
    CellRichText, or None to empty the cell), ``merge`` merged again, the cells ``regular``
    given a font neither bold nor italic."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"] = "bốn"
    for merged in ("B13:E13", "B14:E14"):
        ws.unmerge_cells(merged)
    for cell, value in cells.items():
        ws[cell] = value
    for cell in regular:
        ws[cell].font = Font(name=ws[cell].font.name, size=ws[cell].font.size)
    if merge:
        ws.merge_cells(merge)
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    copy = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return openpyxl.load_workbook(copy)["Danh sách"]


def _below(ws) -> set[str]:
    return {str(m) for m in ws.merged_cells.ranges if m.min_row >= 11}


def _block(ws) -> list[tuple[str, str, bool, bool, str | None]]:
    return [
        (c.coordinate, c.value, bool(c.font.b), bool(c.font.i), c.alignment.horizontal)
        for row in ws.iter_rows(min_row=11, max_row=16)
        for c in row
        if c.value is not None
    ]


RIGHT = [
    ("R12", DATE, False, True, "center"),
    ("R13", "Trưởng xóm", True, False, "center"),
    ("R14", NOTE, False, True, "center"),
]


def test_a_block_typed_in_cells_alone_prints_once_as_a_merged_one_does(tmp_path):
    ws = head_copy(tmp_path)
    assert ws.print_title_cols == "$A:$C"
    assert [b.id for b in ws.col_breaks.brk] == [16]
    # Before: B13 and B14 as typed, left (None), nothing merged there. '(Ký, ghi rõ họ tên)',
    # 118 pixels in italic, does not fit in D:F (-3 + 37 + 33 + 33 = 100), in D:G (195) it does;
    # the merged block of session 60 is written so too.
    assert _below(ws) == {"D13:G13", "D14:G14", "R12:X12", "R13:X13", "R14:X14"}
    assert sorted(_block(ws)) == sorted(
        [
            ("D13", "Người lập biểu", True, False, "center"),
            ("D14", NOTE, False, True, "center"),
            *RIGHT,
        ]
    )
    assert [ws[f"B{r}"].value for r in (13, 14)] == [None, None]


def test_a_note_typed_alone_under_the_block_goes_with_it_over_the_columns_it_needs(tmp_path):
    note = "Ghi chú: hộ NM2 chuyển đến tháng 4."
    ws = head_copy(tmp_path, B16=note)
    # the note, 240 pixels, needs D:I (D:H hold -3 + 37 + 33 + 33 + 95 + 37 = 232): the block's
    # lines typed in the same column are centred over the same columns
    assert _below(ws) == {"D13:I13", "D14:I14", "D16:I16", "R12:X12", "R13:X13", "R14:X14"}
    assert ws["D16"].value == note and ws["D16"].alignment.horizontal == "center"
    assert ws["B16"].value is None


def test_a_note_too_long_for_the_first_page_wraps_there_and_holds_no_line_back(tmp_path):
    # LONG is wider than D:P on one line: not grouped with the block (which still moves to D:G)
    # but merged from its cell to the first page's end (B16:P16) and wrapped, centred, clear of
    # the repeated columns' share, as a note the head merged over B:X is written. Before: left
    # in B16 as typed, run over the first page, its start printed again at the left of page 4
    # and its end after the repeated columns there ('Ghi chú: hộ NM2 chuyển… xin xã xem xét.').
    ws = head_copy(tmp_path, B16=LONG)
    assert _below(ws) == {"B16:P16", "D13:G13", "D14:G14", "R12:X12", "R13:X13", "R14:X14"}
    assert ws["B16"].value == LONG.replace("tháng 4; hộ NM4", "tháng 4;\nhộ NM4")
    assert ws["B16"].alignment.horizontal == "center" and ws["B16"].alignment.wrap_text
    assert ws["D13"].value == "Người lập biểu"


def test_a_block_typed_alone_beside_another_text_stays_where_typed(tmp_path):
    # F13 holds a text in the columns the block would move over: kept as typed
    ws = head_copy(tmp_path, F13="Kế toán")
    assert "D13:G13" not in _below(ws)
    assert ws["B13"].value == "Người lập biểu" and ws["F13"].value == "Kế toán"


def _dated(tmp_path: Path, merge: bool):
    """The left block under its own date typed regular and merged over B:F, its
    title and note merged over B:E (``merge``) or typed in B13 and B14 alone."""
    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"] = "bốn"
    if not merge:
        for merged in ("B13:E13", "B14:E14"):
            ws.unmerge_cells(merged)
    ws["B12"] = DATE
    ws.merge_cells("B12:F12")
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    copy = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return openpyxl.load_workbook(copy)["Danh sách"]


@pytest.mark.parametrize("merge", [True, False], ids=["merged", "alone"])
def test_a_left_block_under_its_own_date_merged_unlike_it_goes_with_the_date(tmp_path, merge):
    # The lines follow the date's columns B:F (session 59); before, H's move took the date
    # alone to D:G and left 'Người lập biểu' and its note over B:F, left, printed again on page
    # 4. The date, 'Ngày 03 tháng 06 năm 2024', 178 pixels, is the widest: D:G (195) holds
    # it, D:F (100) does not.
    ws = _dated(tmp_path, merge)
    assert _below(ws) == {
        "D12:G12", "D13:G13", "D14:G14", "R12:X12", "R13:X13", "R14:X14"
    }  # fmt: skip
    assert sorted(_block(ws)) == sorted(
        [
            ("D12", DATE, False, False, "center"),
            ("D13", "Người lập biểu", True, False, "center"),
            ("D14", NOTE, False, True, "center"),
            *RIGHT,
        ]
    )


def test_a_long_note_alone_beside_another_text_on_its_row_stays_as_typed(tmp_path):
    ws = head_copy(tmp_path, B16=LONG, K16="Đã xem")
    assert not any(m.min_row == 16 for m in ws.merged_cells.ranges)
    assert ws["B16"].value == LONG and ws["K16"].value == "Đã xem"
