"""Session 59 (G): the groups' table of 'Nguyên nhân' fills its page before it breaks.

Its hamlets take two rows each; session 42 carried the last three to the page of the totals,
the note and the signature (fourteen rows), which left a third of the page before empty in the
sample (nine hamlets on it, 378 of 563 points). A page now keeps the last rows it has room
for while carrying them would leave more than a quarter of it empty; the last always goes with
the end.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.report.styles import MAX_EMPTY_SHARE, end_room, end_room_filled
from pipeline.run import execute
from pipeline.sample import generate_sample


def test_end_room_filled_hand_worked():
    # Twelve hamlets of 31.5 points, a tail of 211.5 (two total rows, the 22.5 note, a blank
    # row and the nine signature rows), a page of 563 (the sample's Excel estimate at 96 %).
    heights, tail, page = [31.5] * 12, 211.5, 563.0
    assert MAX_EMPTY_SHARE == 0.25  # 140.75 of 563
    # Hamlet 10 (i = 9) after nine hamlets and the 94.5 of title and header: 185 left.
    # end_room asks 3 × 31.5 + 211.5 = 306: the page broke there, 185 (33 %) left empty.
    assert end_room(heights, 9, tail) == 306.0
    assert end_room_filled(heights, 9, tail, 185.0, page) == 31.5  # it fits: it stays
    assert end_room_filled(heights, 10, tail, 153.5, page) == 31.5  # 27 % left: stays
    assert end_room_filled(heights, 11, tail, 122.0, page) == 243.0  # the last: with the end
    # Room for the end rows and the tail: asked as before; a quarter or less left: as before.
    assert end_room_filled(heights, 9, tail, 306.0, page) == 306.0
    assert end_room_filled(heights, 10, tail, 140.75, page) == 274.5
    # A hamlet that does not fit goes to the next page with the rest.
    assert end_room_filled([31.5, 31.5, 200.0, 31.5], 2, tail, 150.0, page) == 443.0
    # A row above the last END_ROWS is asked its own height, as before.
    assert end_room_filled(heights, 3, tail, 20.0, page) == 31.5


def test_the_samples_groups_table_breaks_after_eleven_hamlets(tmp_path: Path):
    # Session 42's 12-hamlet sample: the table's first page breaks after hamlet 11 (row 50,
    # 1-based: hamlet 1 at rows 29-30, hamlet 11 at 49-50), 441 of 563 points used; before,
    # after hamlet 9 (row 46, 378 points).
    generate_sample(tmp_path / "input", hamlets=12, seed=4141, months=1)
    execute(tmp_path / "input", tmp_path / "out", "2024-05")
    book = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    ws = book["Nguyên nhân"]
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    title = next(
        r for r in range(1, ws.max_row + 1)
        if isinstance(ws.cell(r, 1).value, str) and "NHÓM ĐẶC THÙ" in ws.cell(r, 1).value
    )  # fmt: skip
    assert breaks[-2] == title - 1  # the groups' table starts a page (session 17)
    first = [ws.cell(r, 1).value for r in range(title, breaks[-1] + 1)]
    assert [v for v in first if isinstance(v, int)] == list(range(1, 12))
    height = sum(ws.row_dimensions[r].height for r in range(title, breaks[-1] + 1))
    assert height == 441.0  # 15.75 + 33 + 30 + 15.75 and 11 × 31.5 (378 before)
    last = [ws.cell(r, 1).value for r in range(breaks[-1] + 1, ws.max_row + 1)]
    assert [v for v in last if isinstance(v, int)] == [12]
