"""Session 47: the consolidated and feedback workbooks as the commune officer prints them
(LibreOffice 7.4 renders of the shipped sample and of a messy May: a refused list, a hamlet
missing, a merged hamlet's list sent apart, a long hamlet name, many warnings).

'Nộp báo cáo' kept only its last hamlet with the reporting rate under the table: of 20 to 24
hamlets (four households each), the last hamlet, or the last two, printed alone on page 2
under the repeated header (the messy May: 'Nà Tiến' alone)."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.printed_pages import page_starts


def _book(tmp_path, hamlets: int):
    generate_sample(tmp_path / "in", hamlets=hamlets, households=4, months=1)
    execute(tmp_path / "in", tmp_path / "out", "2024-05")
    return openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")


def _hamlet_pages(ws) -> list[list[list[int]]]:
    """For each page estimate, the hamlet numbers (column A) of the hamlet table on each printed
    page: the rows above the reporting rate line 'Số xóm đã tổng hợp:'."""
    end = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Số xóm đã tổng hợp:")
    layouts = []
    for layout in page_starts(ws):
        starts = sorted(layout) + [ws.max_row + 1]
        pages = []
        for top, bottom in zip(starts, starts[1:], strict=False):
            numbers = [ws.cell(r, 1).value for r in range(top, min(bottom, end))]
            numbers = [n for n in numbers if isinstance(n, int)]
            if numbers:
                pages.append(numbers)
        layouts.append(pages)
    return layouts


@pytest.mark.parametrize(
    ("hamlets", "first_page_last"),
    [
        # before: hamlets 1-19 on page 1, hamlet 20 alone on page 2
        (20, 17),
        # before: hamlets 1-22 on page 1, hamlets 23 and 24 alone on page 2
        (24, 21),
    ],
)
def test_the_reporting_sheet_prints_its_last_three_hamlets_with_the_rate(
    tmp_path, hamlets, first_page_last
):
    ws = _book(tmp_path, hamlets)["Nộp báo cáo"]
    pages = [list(range(1, first_page_last + 1)), list(range(first_page_last + 1, hamlets + 1))]
    assert len(pages[1]) == 3
    # the same pages in Excel's and LibreOffice's estimates
    assert _hamlet_pages(ws) == [pages] * len(page_starts(ws))
    # page 2 starts with the table's header written again, then the three hamlets
    top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == first_page_last + 1)
    assert [ws.cell(top - 1, c).value for c in (1, 2)] == ["STT", "Xóm"]
    assert [b.id for b in ws.row_breaks.brk] == [top - 2]
