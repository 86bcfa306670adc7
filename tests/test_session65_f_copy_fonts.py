"""Session 65 (F): what the feedback copy keeps of a head's fonts (session 64 H's Left).

Nà Mòn's template list (tests.commune), NM2's size 'bốn' so that a copy is written. The
template's title A1 (merged A1:Z1) is bold Times New Roman 13, its subtitle A2 'Xã Trung
Lương' (merged A2:Z2; the copy A2:P2, its first page) italic 12, its signature block's 'Trưởng xóm' R13 bold 12.

* Decided and fixed: a text above the table's header other than the title is written in the
  head's bold and italic, as a text below the table has been since session 59: the template's
  italic 'Xã Trung Lương' was written plain, and a subtitle partly bold in one font.
* Decided and kept (guards): the title in the copy's title font (bold, the largest of 14 to 11
  points in which it prints on one line), whatever its runs; a text in the table in one regular
  font (the copy's bold there is its error mark); a cell's own size (14 points) not kept, the
  copy measuring every height in 11.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY
from tests.test_session64_h_copy_runs import COPY, with_shared_strings

BOLD, PLAIN, SLANTED = InlineFont(b=True), InlineFont(), InlineFont(i=True)


def copy_of(tmp_path: Path, **cells) -> openpyxl.worksheet.worksheet.Worksheet:
    """The copy's list sheet of Nà Mòn's template list with ``cells`` typed in (a value, or
    (value, Font)), its texts kept in the shared strings as Excel keeps them."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"] = "bốn"
    for cell, value in cells.items():
        value, font = value if isinstance(value, tuple) else (value, None)
        ws[cell] = value
        if font is not None:
            ws[cell].font = font
    book.save(roster)
    with_shared_strings(roster, "xl/sharedStrings.xml")
    execute(folder, tmp_path / "out", "2024-05")
    return openpyxl.load_workbook(tmp_path / COPY, rich_text=True)["Danh sách"]


def runs(ws, cell: str) -> list[tuple[str, bool, bool]]:
    """The copy's ``cell`` as (text, bold, italic) per fragment; a plain text one, its cell's."""
    value = ws[cell].value
    if not isinstance(value, CellRichText):
        return [(value, bool(ws[cell].font.b), bool(ws[cell].font.i))]
    return [(str(b), bool(b.font and b.font.b), bool(b.font and b.font.i)) for b in value]


def test_the_subtitle_keeps_the_heads_italic(tmp_path):
    """The template's A2 as it is: italic (fails before: written plain)."""
    ws = copy_of(tmp_path)
    # merged A2:P2, the first page across (session 26: the title block on the first page)
    assert "A2:P2" in {str(m) for m in ws.merged_cells.ranges}
    assert runs(ws, "A2") == [("Xã Trung Lương", False, True)]
    assert ws["A2"].font.sz == 11


def test_a_subtitle_partly_bold_keeps_its_fragments(tmp_path):
    """A2 'Xã' bold, ' Trung Lương' regular, '(tháng 5)' italic: three fragments (fails before:
    one plain text)."""
    subtitle = CellRichText(
        [TextBlock(BOLD, "Xã"), TextBlock(PLAIN, " Trung Lương "), TextBlock(SLANTED, "(tháng 5)")]
    )
    ws = copy_of(tmp_path, A2=subtitle)
    assert runs(ws, "A2") == [
        ("Xã", True, False),
        (" Trung Lương ", False, False),
        ("(tháng 5)", False, True),
    ]


def test_the_title_the_table_and_a_cells_size_are_the_copys(tmp_path):
    """Guards (pass before): the title 'DANH SÁCH HỘ NGHÈO' bold 16 and ' xóm Nà Mòn tháng 5'
    regular 12 is one text, bold, 14 points (its 37 letters fit a line at 14); NM3's name
    'Hoàng Văn' bold, ' NM3' regular, ' (đã mất)' italic in the table is one regular text;
    'Trưởng xóm' bold 14 points (its cell's own size) is bold 11."""
    title = CellRichText([
        TextBlock(InlineFont(b=True, sz=16), "DANH SÁCH HỘ NGHÈO"),
        TextBlock(InlineFont(sz=12), " xóm Nà Mòn tháng 5"),
    ])  # fmt: skip
    name = CellRichText(
        [TextBlock(BOLD, "Hoàng Văn"), TextBlock(PLAIN, " NM3"), TextBlock(SLANTED, " (đã mất)")]
    )
    ws = copy_of(
        tmp_path, A1=title, C7=name, R13=("Trưởng xóm", Font(name="Times New Roman", b=True, sz=14))
    )
    assert ws["B7"].value == "NM3"
    assert runs(ws, "A1") == [("DANH SÁCH HỘ NGHÈO xóm Nà Mòn tháng 5", True, False)]
    assert ws["A1"].font.sz == 14
    assert runs(ws, "C7") == [("Hoàng Văn NM3 (đã mất)", False, False)]
    assert ws["C7"].font.sz == 11
    assert runs(ws, "R13") == [("Trưởng xóm", True, False)]
    assert ws["R13"].font.sz == 11
