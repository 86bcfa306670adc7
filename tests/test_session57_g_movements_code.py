"""Session 57 (G): 'Biến động''s household list prints a long Mã hộ whole.

Column C is the tables' 'Tình trạng' (13 wide, 96 pixels) and the list's 'Mã hộ': a code wider
than that ran under 'Họ và tên chủ hộ' in print, cut ('BC-2025-00000' of 'BC-2025-000009';
session 56's review, R5's Left (c)). Now C is as wide as the list's longest code, to the next
half unit (`cells.codes_width`, as the household lists' 'Mã hộ'), at most 18 units; a longer
text wraps there, its row as tall as its lines.
"""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster


def _movements_sheet(tmp_path, code: str):
    """May's 'Biến động' of the small commune whose start list writes Nà Mòn's third poor
    household under ``code`` (not NM3), its head 'Lò Văn Tám', and whose May list has it
    'Thoát': its row in the household list reads 'Thoát nghèo', 'Hộ nghèo', 'Thoát', 'Từ đầu
    năm', each one line. Return the sheet and that row."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    start = start_list()
    third = next(i for i, r in enumerate(start) if r["ma_ho"] == "NM3")
    start[third] = dict(person(code, "poor", chu_ho="Lò Văn Tám"), hamlet="Nà Mòn", stt=third + 1)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    rows = [person("NM1", "poor"), person("NM2", "poor")]
    rows.append(person(code, "exited", chu_ho="Lò Văn Tám"))
    rows += [person("NM4", "near_poor"), person("NM5", "near_poor")]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, rows)
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    found = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == code]
    assert len(found) == 1, "one row: the household exited"
    assert [ws.cell(row, c).value for row in found for c in (6, 7, 8)] == [
        "Thoát nghèo",
        "Hộ nghèo",
        "Thoát",
    ]
    return ws, found[0]


def _pixels(ws, letter: str) -> int:
    """A column's pixels as stored: a width w is kept as (7 w + 5) ÷ 7. Read from the
    ``<col min max>`` range holding the column: xlsxwriter writes B and C of one width as one
    range, which openpyxl keys under B alone (C would read as the default 13; R4's Left)."""
    index = column_index_from_string(letter)
    widths = [d.width for d in ws.column_dimensions.values() if d.min <= index <= d.max]
    assert len(widths) == 1, f"one <col> range holds column {letter}"
    return round(7 * widths[0])


@pytest.mark.parametrize(
    ("code", "pixels", "height"),
    [
        # B 667, C 667, two hyphens of 333, ten digits of 500: 7000 thousandths of an em, in
        # Times New Roman 11 (× 0.0154 pixels, 3 pixels' padding) 110.8 pixels, 15.11 units:
        # 15.5 (7 × 15.5 + 5 = 113.5, drawn 114). One line: the row keeps its default height.
        ("BC-2025-000009", 114, None),
        # N, A, O 722 and M 889 (NAMON 3777), three hyphens 999, 2024 2000, XOM3 2833,
        # 000006 3000: 12609, 197 pixels, wider than 18 units (7 × 18 + 5 = 131 pixels, a line
        # of (131 − 3) ÷ 0.0154 = 8311): C 18, the code wrapped on two lines, 30 pt.
        ("NAMON-2024-XOM3-000006", 131, 30.0),
        # Session 57 (G2): 'NATIEN-2024-' 6387, 'PACCAP-2025-' 6556, '000012' 3000: broken
        # after its hyphens, three lines of 8311 ('NATIEN-2024-PACCAP-' 10610, 'PACCAP-2025-
        # 000012' 9556), 45 pt, as LibreOffice prints it; 30 before (its letters packed in two).
        ("NATIEN-2024-PACCAP-2025-000012", 131, 45.0),
    ],
)
def test_a_long_code_in_the_movements_list_prints_whole_in_its_column(
    tmp_path, code, pixels, height
):
    ws, row = _movements_sheet(tmp_path, code)
    assert _pixels(ws, "C") == pixels  # 96 before (13 wide)
    # the columns beside it as they were: B 16 (117 pixels), D 20 (145)
    assert (_pixels(ws, "B"), _pixels(ws, "D")) == (117, 145)
    cell = ws.cell(row, 3)
    assert cell.alignment.wrap_text is True  # a text wider than 18 wraps, not cut
    assert ws.cell(row, 4).value == "Lò Văn Tám"
    assert ws.row_dimensions[row].height in ((None, 15.75) if height is None else (height,))
