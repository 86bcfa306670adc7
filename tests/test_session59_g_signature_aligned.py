"""Session 59 (G): a signature block merged unevenly prints its lines centred over one span.

The head's 'Ngày … năm 2024' merged over R:X and his 'Trưởng xóm' typed in R alone (or merged
over fewer columns) printed the date centred over R:X and 'Trưởng xóm' left in R (session 58,
G2's and R4's Left). On a Vietnamese form a signature block's lines are centred over the same
span: the feedback copy writes each line of the block merged over the columns its date prints
in, centred.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.report.styles import column_pixels, text_pixels
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY
from tests.test_session26_feedback_print import stored_widths

DATE = "Ngày 03 tháng 06 năm 2024"  # the template's signature date (tests.commune)
NOTE = "(Ký, ghi rõ họ tên)"


def _copy(tmp_path: Path, edit) -> tuple[Path, openpyxl.worksheet.worksheet.Worksheet]:
    """Nà Mòn's template list, NM2's size 'bốn' (so a copy is written), its signature block
    (rows 12-14: the date, 'Trưởng xóm', the note, merged over R:X) edited by ``edit``."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"] = "bốn"
    assert [ws[f"R{r}"].value for r in (12, 13, 14)] == [DATE, "Trưởng xóm", NOTE]
    assert {f"R{r}:X{r}" for r in (12, 13, 14)} <= {str(m) for m in ws.merged_cells.ranges}
    edit(ws)
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return roster, openpyxl.load_workbook(path)["Danh sách"]


def _merged(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_a_title_in_a_cell_alone_and_a_note_merged_short_centre_under_the_date(tmp_path: Path):
    def edit(ws):
        ws.unmerge_cells("R13:X13")  # 'Trưởng xóm' stays in R13, alone
        ws.unmerge_cells("R14:X14")
        ws.merge_cells("R14:U14")  # the note over R:U only
        ws["R18"] = "Lò Văn Pọm"  # his name, typed in R18 alone, four rows under the note

    roster, ws = _copy(tmp_path, edit)
    # The copy prints two pages across, the second from Q (session 58, G2): R:X whole on it.
    assert [b.id for b in ws.col_breaks.brk] == [16] and ws.print_title_cols == "$A:$C"
    merged = _merged(ws)
    # Before: 'R12:X12' and 'R14:U14' merged, R13 and R18 alone (printed left in R).
    assert {"R12:X12", "R13:X13", "R14:X14", "R18:X18"} <= merged
    assert "R14:U14" not in merged
    assert [ws[f"R{r}"].value for r in (12, 13, 14, 18)] == [DATE, "Trưởng xóm", NOTE, "Lò Văn Pọm"]
    assert all(ws[f"R{r}"].alignment.horizontal == "center" for r in (12, 13, 14, 18))
    # 'Người lập biểu' (B13:E13, the template's) prints past the repeated A:C (session 60, H)
    assert "D13:G13" in merged and ws["D13"].value == "Người lập biểu"
    # The copy sent back as the list gives the very issues of the list sent.
    back = tmp_path / "back" / "NaMon.xlsx"
    back.parent.mkdir()
    book = ws.parent
    del book["Hướng dẫn sửa"]
    book.save(back)
    assert Counter(i.code for i in check_files([back])) == Counter(
        i.code for i in check_files([roster])
    )


def test_the_lines_follow_the_date_to_the_page_holding_most_of_it(tmp_path: Path):
    def edit(ws):
        for r in (12, 13, 14):
            ws.unmerge_cells(f"R{r}:X{r}")
        ws["O12"], ws["R12"] = DATE, None
        ws.merge_cells("O12:X12")  # the date over O:X, cut by the break at Q
        ws["O13"], ws["R13"] = "Trưởng xóm", None  # in O13 alone, on the first page
        ws["S14"], ws["R14"] = NOTE, None
        ws.merge_cells("S14:V14")  # the note over S:V, in R:X's middle

    _, ws = _copy(tmp_path, edit)
    assert [b.id for b in ws.col_breaks.brk] == [16]
    pixels = [column_pixels(w) for w in stored_widths(ws)]
    # O:P 86 + 75 = 161 pixels on the first page, Q:X 535 on the second (G2's numbers): the
    # date prints in Q:X (session 58), and its block with it.
    assert sum(pixels[14:16]) == 161 and sum(pixels[16:24]) == 535
    merged = _merged(ws)
    assert {"Q12:X12", "Q13:X13", "Q14:X14"} <= merged
    assert not {"O12:P12", "S14:V14"} & merged
    assert [ws[f"Q{r}"].value for r in (12, 13, 14)] == [DATE, "Trưởng xóm", NOTE]
    assert all(ws[f"Q{r}"].alignment.horizontal == "center" for r in (12, 13, 14))
    assert [ws["O12"].value, ws["O13"].value, ws["S14"].value] == [None] * 3


def test_a_line_that_does_not_fit_or_shares_its_row_keeps_its_place(tmp_path: Path):
    long = "Ghi chú: hộ NM3 đã chuyển đi nơi khác từ tháng 4, xin xóa khỏi danh sách hộ nghèo của xóm từ kỳ sau"

    def edit(ws):
        ws.unmerge_cells("R13:X13")
        ws["R13"] = "Trưởng xóm"
        ws["V13"] = "x"  # something else on the title's row, inside R:X
        ws["R16"] = long  # wider than R:X (535 pixels): a note, not a line of the block

    _, ws = _copy(tmp_path, edit)
    assert text_pixels(long, bold=False) > 535
    merged = _merged(ws)
    assert not any(m.startswith(("R13:", "R16:")) for m in merged)
    assert ws["R13"].value == "Trưởng xóm" and ws["V13"].value == "x"
    assert ws["R16"].value == long
