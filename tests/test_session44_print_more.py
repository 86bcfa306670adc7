"""Session 44's print leftovers: the rule that keeps a table's last hamlets with its totals
(``styles.keep_with_table``, ``end_rows``) and a hamlet's households together at a page's edge
(``styles.fix_pages``) where the review left it out."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.printed_pages import page_starts


@pytest.fixture(scope="module")
def thirty(tmp_path_factory):
    """The 30-hamlet sample of the review, one month (``giamngheo sample --hamlets 30
    --months 1``)."""
    tmp = tmp_path_factory.mktemp("thirty")
    generate_sample(tmp / "in", hamlets=30, months=1)
    execute(tmp / "in", tmp / "out", "2024-05")
    return openpyxl.load_workbook(tmp / "out" / "2024-05" / "TongHop_2024-05.xlsx")


def test_the_changed_households_keep_a_hamlets_first_and_last_off_a_page_alone(thirty):
    """'Biến động''s list of changed households was cut wherever each program's page was full:
    every estimate left one household of a hamlet alone at a page's edge (Excel 96 %: Khau
    Lang's first, row 96, at a page's foot and Pác Tạc's first, row 146; LibreOffice: Bản
    Quản's last, row 156, at a head). The list is now cut as the household lists, by hand
    where the smallest page is full, a hamlet's (and scope's) first and last rows kept with
    the others."""
    ws = thirty["Biến động"]
    head = max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "Mã hộ")
    assert ws.cell(head - 1, 1).value == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG"
    last = max(r for r in range(head, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int))
    assert last - head == 89  # 89 households, three pages or more
    group = {r: (ws.cell(r, 2).value, ws.cell(r, 9).value) for r in range(head, last + 2)}
    starts = {s for layout in page_starts(ws) for s in layout if head + 1 < s <= last}
    assert len(starts) >= 3
    alone = [
        s
        for s in sorted(starts)
        if (group[s - 1] != group[s - 2] and group[s - 1] == group[s])  # a first at the foot
        or (group[s] != group[s + 1] and group[s] == group[s - 1])  # a last at the head
    ]
    assert alone == []
    # every estimate cuts the list at the same rows
    assert len({tuple(s for s in layout if head < s <= last) for layout in page_starts(ws)}) == 1
