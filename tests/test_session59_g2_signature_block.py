"""Session 59 (G2): a signature block's lines follow its date where merged partly outside it,
and a note merged under the block is no block's line.

G centred a signature block's lines over its date's printed columns (session 59, G): a line
merged over columns partly outside the date's ('Trưởng xóm' over Q:W under the date over R:X)
was left where it was, and a note merged under the block over B:X held the date's columns, so
the date and 'Người lập biểu' were moved to B:P on the first page across while 'Trưởng xóm'
printed in R:X on the last: the date a page away from its title.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

DATE = "Ngày 03 tháng 06 năm 2024"  # the template's signature date (tests.commune)
NOTE = "(Ký, ghi rõ họ tên)"


def _copy(tmp_path: Path, edit):
    """Nà Mòn's template list, NM2's size 'bốn' (so a copy is written), its signature block
    (row 12 the date over R:X, row 13 'Người lập biểu' over B:E and 'Trưởng xóm' over R:X, row
    14 the note over R:X) edited by ``edit``: the copy's 'Danh sách'."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"] = "bốn"
    assert [ws["R12"].value, ws["B13"].value, ws["R13"].value] == [
        DATE,
        "Người lập biểu",
        "Trưởng xóm",
    ]
    edit(ws)
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return openpyxl.load_workbook(path)["Danh sách"]


def _below(ws) -> set[str]:
    return {str(m) for m in ws.merged_cells.ranges if m.min_row >= 11}


def test_a_title_merged_partly_outside_the_dates_columns_is_centred_under_it(tmp_path: Path):
    def edit(ws):
        ws.unmerge_cells("R13:X13")
        ws["Q13"], ws["R13"] = "Trưởng xóm", None
        ws.merge_cells("Q13:W13")  # one column left of the date's R:X, one short of X

    ws = _copy(tmp_path, edit)
    # The copy prints two pages across, the second from Q (session 58): R:X whole on it.
    assert [b.id for b in ws.col_breaks.brk] == [16]
    # Before: 'Q13:W13' kept, its title centred one column left of the date's.
    # the left block past the repeated A:C (session 60, H): D:G, not B:E
    assert _below(ws) == {"D13:G13", "D14:G14", "R12:X12", "R13:X13", "R14:X14"}
    assert [ws[f"R{r}"].value for r in (12, 13, 14)] == [DATE, "Trưởng xóm", NOTE]
    assert all(ws[f"R{r}"].alignment.horizontal == "center" for r in (12, 13, 14))
    assert ws["Q13"].value is None


def test_a_note_merged_under_the_block_moves_no_line_of_it(tmp_path: Path):
    remark = "Ghi chú: danh sách đã họp xóm bình xét ngày 01/06/2024"

    def edit(ws):
        ws["B16"] = remark
        ws.merge_cells("B16:X16")  # under both blocks, not across the whole table (A:Z)

    ws = _copy(tmp_path, edit)
    assert [b.id for b in ws.col_breaks.brk] == [16]
    # Before: {'B12:P12', 'B13:P13', 'B14:P14', 'B16:P16', 'R13:X13', 'R14:X14'}: the date
    # over B:P on the first page across, 'Trưởng xóm' in R:X on the second.
    # The note itself prints on the page holding most of it (session 58): B:P.
    # the left block past the repeated A:C (session 60, H): D:G, not B:E
    assert _below(ws) == {"D13:G13", "D14:G14", "B16:P16", "R12:X12", "R13:X13", "R14:X14"}
    assert [ws["R12"].value, ws["R13"].value, ws["D13"].value] == [
        DATE,
        "Trưởng xóm",
        "Người lập biểu",
    ]
    assert ws["B12"].value is None and ws["B16"].value == remark


def test_a_line_across_both_blocks_columns_keeps_its_place(tmp_path: Path):
    def edit(ws):
        ws["D18"] = "Lò Văn Pọm"
        ws.merge_cells("D18:S18")  # over 'Người lập biểu''s D:E and the date's R:S

    ws = _copy(tmp_path, edit)
    assert "D18:P18" in _below(ws)  # on the page holding most of it (session 58), not R:X
    assert "R18:X18" not in _below(ws) and ws["D18"].value == "Lò Văn Pọm"


def test_the_heads_bold_and_italic_below_his_table_are_kept(tmp_path: Path):
    from openpyxl.styles import Font

    def edit(ws):
        # the template's block: the date italic, the titles bold, the notes italic
        assert [ws[a].font.b for a in ("B13", "R13")] == [True, True]
        assert [ws[a].font.i for a in ("R12", "B14", "R14")] == [True, True, True]
        ws["R18"] = "Lò Văn Pọm"
        ws["R18"].font = Font(bold=True, italic=True)  # his name, typed alone, both
        ws["C7"].font = Font(bold=True)  # a household's name in bold: the table's own style

    ws = _copy(tmp_path, edit)
    looks = {
        a: (bool(ws[a].font.b), bool(ws[a].font.i))
        for a in ("R12", "D13", "R13", "D14", "R14", "R18")  # D: past A:C (session 60)
    }
    # Before: every one (False, False), the copy written regular.
    assert looks == {
        "R12": (False, True),
        "D13": (True, False),
        "R13": (True, False),
        "D14": (False, True),
        "R14": (False, True),
        "R18": (True, True),
    }
    assert "R18:X18" in _below(ws)  # under the date, centred, bold and italic (G's rule)
    assert ws["C7"].value == "Hoàng Văn NM3" and not ws["C7"].font.b  # the table as before


def test_emphasis_styles_reads_bold_and_italic_fonts_off_and_on():
    from pipeline.sheetscan import emphasis_styles, styled_cells

    styles = (
        b'<x:styleSheet><x:fonts count="4"><x:font><x:sz val="11"/></x:font>'
        b'<x:font><x:b/><x:sz val="11"/></x:font><x:font><x:i val="1"/></x:font>'
        b'<x:font><x:b val="0"/><x:i val="false"/></x:font></x:fonts>'
        b'<x:cellXfs count="5"><x:xf fontId="0"/><x:xf fontId="1"/><x:xf fontId="2"/>'
        b'<x:xf fontId="3"/><x:xf fontId="1" applyFont="1"/></x:cellXfs></x:styleSheet>'
    )
    # font 1 bold, font 2 italic, font 3 says both off: styles 1 and 4 bold, 2 italic
    assert emphasis_styles(styles) == {1: (True, False), 2: (False, True), 4: (True, False)}
    data = (
        b'<row r="13"><c r="R13" s="1" t="s"><v>3</v></c><c r="S13" s="3"/><c r="B14" s="2"/></row>'
    )
    assert styled_cells(data, emphasis_styles(styles)) == {
        (12, 17): (True, False),
        (13, 1): (False, True),
    }


def test_a_date_and_title_alone_centre_over_the_note_merged_under_them(tmp_path: Path):
    def edit(ws):
        ws.unmerge_cells("R12:X12")  # the date in R12 alone
        ws.unmerge_cells("R13:X13")  # 'Trưởng xóm' in R13 alone
        ws["B16"] = "Ghi chú: danh sách đã họp xóm bình xét ngày 01/06/2024"
        ws.merge_cells("B16:X16")  # a note under both blocks

    ws = _copy(tmp_path, edit)
    # '(Ký, ghi rõ họ tên)' over R:X, the block's last line, holds the date and the title
    # (cells alone) above it: their block's frame, not a note typed under it; the note over
    # B:X holds both blocks' titles on row 13: no block's.
    # the left block past the repeated A:C (session 60, H): D:G, not B:E
    assert _below(ws) == {"D13:G13", "D14:G14", "B16:P16", "R12:X12", "R13:X13", "R14:X14"}
    assert [ws[f"R{r}"].value for r in (12, 13, 14)] == [DATE, "Trưởng xóm", NOTE]


def test_a_remark_crossing_the_dates_columns_above_it_does_not_take_the_block(tmp_path: Path):
    def edit(ws):
        ws["Q11"] = "Xóm đã họp"
        ws.merge_cells("Q11:W11")  # just under the table, over Q:W, the date over R:X under it
        ws.unmerge_cells("R13:X13")  # 'Trưởng xóm' in R13 alone

    ws = _copy(tmp_path, edit)
    # The date holds the title and the note (two of its block's lines), the remark none: the
    # date's R:X is the block's; the remark, crossing it, is centred over it too.
    assert _below(ws) >= {"R11:X11", "R12:X12", "R13:X13", "R14:X14"}
    assert [ws[f"R{r}"].value for r in (11, 12, 13, 14)] == ["Xóm đã họp", DATE, "Trưởng xóm", NOTE]
