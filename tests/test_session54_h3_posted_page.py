"""Session 54 (H3): why a small hamlet's posted list prints 8 households on its first page.

A hamlet of 11 households printed households 1-8 on NiemYet's page 1, a third of the page
empty under them, and 9-11 with the signature on page 2. That is the rule of sessions 42 and
45 (``styles.keep_with_table``, ``end_rows``): the signature does not fit under the eleventh
household, and it never prints alone: the last three households go with it. Pinned here by
the rows' heights, worked out by hand."""

from __future__ import annotations

import openpyxl

from pipeline.report.public_list import WIDTHS
from pipeline.report.styles import PAGE_HEIGHT_PT, PAGE_SHARES, column_pixels
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster


def test_eleven_households_print_eight_then_three_with_the_signature(tmp_path):
    folder, out = new_commune(tmp_path)
    rows = [person(f"NM{i}", "poor" if i % 2 else "near_poor") for i in range(1, 12)]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    execute(folder, out, "2024-05")
    ws = openpyxl.load_workbook(out / "2024-05" / "NiemYet_2024-05.xlsx")["Nà Mòn"]
    # one page wide at 100 %: 906 pixels, 679.5 pt (718.2 as LibreOffice draws them) ≤ 784.3
    assert sum(column_pixels(w) for w in WIDTHS) == 906
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
    height = [ws.row_dimensions[r].height for r in range(1, 32)]
    # above the households (rows 1-10): 7 rows of 15.75, the title 44.25, the notice's two
    # lines 30, the header 33: 217.5 pt; the households (rows 11-21) 11 × 15.75 = 173.25; the
    # signature (rows 22-31, a blank row and 9) 157.5: 548.25 pt
    assert sum(height[:10]) == 217.5 and height[3] == 44.25 and height[7] == 30
    assert height[9] == 33 and set(height[10:]) == {15.75}
    assert [ws.cell(r, 1).value for r in (11, 21, 22)] == [1, 11, None]
    assert ws.cell(24, 1).value == "TRƯỞNG XÓM"
    # A page holds 516.1 pt, 495.46 to 526.42 as estimated: all of it on none; under the 11
    # households (390.75) the signature does not fit (548.25 > 526.42). Page 2 begins at row 19
    # (households 9-11 and the signature: 3 × 15.75 + 157.5 = 204.75 pt); page 1 holds
    # 217.5 + 8 × 15.75 = 343.5 pt, room for 10 rows more, not for the signature's 10 and the
    # three households that go with it.
    pages = [PAGE_HEIGHT_PT * share for share in PAGE_SHARES]
    assert [round(p, 2) for p in pages] == [495.46, 526.42]
    assert sum(height) == 548.25 > pages[1] and 217.5 + 173.25 + 157.5 > pages[1]
    assert [b.id for b in ws.row_breaks.brk] == [18]  # (the last row of page 1, 1-based)
    assert sum(height[:18]) == 343.5 and sum(height[18:]) == 204.75
