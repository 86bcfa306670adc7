"""Session 61 (F): the feedback copy's signature block (R3's Left of session 60).

* A text the head broke into lines himself (Alt+Enter) in the repeated columns A:C below the
  table ('Người lập biểu' and '(Ký, ghi rõ họ tên)' in B13 on two lines, alone or merged over
  B:E) printed on every page across: it was not moved past them (only texts of one line were).
  It moves as a line of one does, as wide as its widest line, wrapped at his breaks.
* A text made bold run by run (its words selected in the cell's edit line and bolded: rich
  text, the cell's own font regular) was written regular: only a cell's font was read. Read
  from the cell's inline runs (as openpyxl writes them) and from the shared strings (as Excel
  keeps them).

Nà Mòn's template list (tests.commune), NM2's size 'bốn' so that a copy is written: it prints
two pages across, A:C repeated, the second from Q (session 60's tests of the block). Columns
past the repeated ones in pixels as `_past_repeated` adds them (3 kept for the cell's
margins): D 37, E 33, F 33, G 95: D:F hold 100, D:G 195."""

from __future__ import annotations

import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from tests.test_session60_r3_signature_alone import head_copy

NOTE = "(Ký, ghi rõ họ tên)"
BROKEN = "Người lập biểu\n" + NOTE


def _below(ws) -> set[str]:
    return {str(m) for m in ws.merged_cells.ranges if m.min_row >= 11}


@pytest.mark.parametrize("merge", [None, "B13:E13"], ids=["alone", "merged"])
def test_a_block_broken_into_lines_by_the_head_moves_past_the_repeated_columns(tmp_path, merge):
    ws = head_copy(tmp_path, merge, B13=BROKEN, B14=None)
    assert ws.print_title_cols == "$A:$C"
    assert [b.id for b in ws.col_breaks.brk] == [16]
    # before: kept in B13 (alone) or B13:E13 (merged), printed again at the left of page 4.
    # Its widest line '(Ký, ghi rõ họ tên)' (bold as B13's font: about 125 pixels) needs D:G.
    assert _below(ws) == {"D13:G13", "R12:X12", "R13:X13", "R14:X14"}
    moved = ws["D13"]
    assert moved.value == BROKEN
    assert moved.alignment.horizontal == "center" and moved.alignment.wrap_text
    assert ws["B13"].value is None
    # two lines tall: 15 points a line at least
    assert ws.row_dimensions[13].height >= 30


def test_a_broken_block_beside_another_text_stays_where_typed(tmp_path):
    # a guard: F13 holds a text in the columns it would move over
    ws = head_copy(tmp_path, None, B13=BROKEN, B14=None, F13="Kế toán")
    assert "D13:G13" not in _below(ws)
    assert ws["B13"].value == BROKEN and ws["F13"].value == "Kế toán"


def test_a_title_made_bold_by_its_runs_is_bold_on_the_copy(tmp_path):
    bold = InlineFont(b=True)
    title = CellRichText([TextBlock(bold, "Trưởng "), TextBlock(bold, "xóm")])
    part = CellRichText([TextBlock(bold, "Người"), TextBlock(InlineFont(), " lập biểu")])
    ws = head_copy(tmp_path, "B13:E13", ("R13", "B13"), R13=title, B13=part)
    # before: 'Trưởng xóm' regular (its cell's font regular, each run bold)
    assert ws["R13"].value == "Trưởng xóm" and ws["R13"].font.b
    # a text partly bold: one font for the cell, regular
    assert ws["D13"].value == "Người lập biểu" and not ws["D13"].font.b


# Excel keeps a rich text in the shared strings: 'Trưởng xóm' bold run by run (index 1), a text
# half italic (index 2), a plain one (index 0); R13 and R14 regular by their style, B13 bold.
SHARED = (
    b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    b' count="3" uniqueCount="3"><si><t>Nguoi lap bieu</t></si>'
    b'<si><r><rPr><b/><sz val="12"/><rFont val="Times New Roman"/></rPr><t>Tr\xc6\xb0\xe1\xbb'
    b'\x9fng </t></r><r><rPr><b/><sz val="12"/></rPr><t>x\xc3\xb3m</t></r></si>'
    b"<si><r><t>(K\xc3\xbd, </t></r><r><rPr><i/></rPr><t>ghi r\xc3\xb5</t></r>"
    b'<r><rPr><i val="1"/></rPr><t xml:space="preserve"> </t></r></si></sst>'
)
SHEET = (
    b'<worksheet><sheetData><row r="13"><c r="B13" s="2" t="s"><v>0</v></c>'
    b'<c r="R13" s="1" t="s"><v>1</v></c></row><row r="14"><c r="B14" s="2" t="s"><v>2</v></c>'
    b'<c r="R14" t="s"><v>2</v></c></row></sheetData></worksheet>'
)


def test_the_shared_strings_runs_give_a_cells_bold_and_italic():
    from pipeline.sheetscan import rich_cells, rich_shared_strings  # new in session 61

    shared = rich_shared_strings(SHARED)
    # the space-only run of index 2 holds no letter: not counted
    assert shared == {1: ((True, False), (True, False)), 2: (None, (False, True))}
    styled = {(12, 1): (True, False), (13, 1): (True, False)}
    # R13 bold by its runs; B14's first run in its cell's bold font, its second italic only:
    # neither bold nor italic throughout, said regular where its style said bold; R14 nothing
    assert rich_cells(SHEET, shared, styled) == {(12, 17): (True, False), (13, 1): (False, False)}
