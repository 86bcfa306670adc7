"""Session 56 (G): the print leftovers of session 55.

* 'Biến động''s notes wrap at their merged range's own width (`cells.merged_width`), as the
  other sheets' notes do, not at the plain sum of their columns' widths.
"""

from __future__ import annotations

import openpyxl

from pipeline.report import movements
from pipeline.report.cells import line_room, merged_width
from pipeline.report.styles import column_pixels, text_units
from pipeline.run import execute
from tests.commune import clean_rosters, new_commune


def test_a_movements_note_wraps_at_its_merged_ranges_width(tmp_path, monkeypatch):
    # A section's notes are merged over its 14 columns, A:N: 5, 16, 13, 20, 12, 20, 14, 14, 15
    # and five of 9 wide, 174 units; 7 w + 5 pixels each: 1218 + 70 = 1288 pixels, one column
    # of (1288 − 5) ÷ 7 = 183.29 units. A line holds (1288 − 3) ÷ 0.0154 = 83441 thousandths
    # of an em; at the sum of the widths (7 × 174 + 5 − 3 = 1220 pixels) 79220.
    widths = movements.WIDTHS[:14]
    assert widths == [5, 16, 13, 20, 12, 20, 14, 14, 15, 9, 9, 9, 9, 9] and sum(widths) == 174
    assert sum(column_pixels(w) for w in widths) == 1288
    assert merged_width(widths) == 1283 / 7
    assert (line_room(merged_width(widths)), line_room(174)) == (83441, 79220)
    # 49 words 'nhà' (n500 h500 a444: 1444 regular, as a note is measured) and 48 spaces of
    # 250: 82756, one line of the range (two, 30 pt, at the sum of the widths)
    text = " ".join(["nhà"] * 49)
    assert text_units(text, bold=False) == 49 * 1444 + 48 * 250 == 82756
    folder, out = new_commune(tmp_path)
    clean_rosters(folder)
    monkeypatch.setattr(movements, "_section_notes", lambda ctx, key: [text])
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    found = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == text]
    assert found, "the note is written"
    for r in found:
        merged = next(m for m in ws.merged_cells.ranges if (m.min_row, m.min_col) == (r, 1))
        assert (merged.max_row, merged.max_col) == (r, 14)  # A:N
        assert ws.row_dimensions[r].height in (None, 15.75)  # one line; 30 before
