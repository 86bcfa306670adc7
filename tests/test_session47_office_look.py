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


def _other_files_pages(ws) -> list[list[list[int]]]:
    """For each page estimate, the row numbers (column A) of 'Các tệp khác' on each page."""
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "CÁC TỆP KHÁC")
    layouts = []
    for layout in page_starts(ws):
        starts = sorted(layout) + [ws.max_row + 1]
        pages = []
        for top, bottom in zip(starts, starts[1:], strict=False):
            numbers = [ws.cell(r, 1).value for r in range(max(top, start), bottom)]
            numbers = [n for n in numbers if isinstance(n, int)]
            if numbers:
                pages.append(numbers)
        layouts.append(pages)
    return layouts


@pytest.mark.parametrize(
    ("files", "pages"),
    [
        # before: files 4-22 on page 2, file 23 alone with the signature on page 3
        (23, [(1, 3), (4, 20), (21, 23)]),
        # before: 4-32, then 33 and 34 alone with the signature
        (34, [(1, 3), (4, 31), (32, 34)]),
    ],
)
def test_the_other_files_print_their_last_three_with_the_signature(tmp_path, files, pages):
    """The 12 hamlets' table on page 1, then 'Các tệp khác': its title, header and first three
    files at page 1's foot, and ``files`` documents dropped in the folder (skipped), listed
    by name."""
    generate_sample(tmp_path / "in", hamlets=12, households=4, months=1)
    for k in range(files):
        (tmp_path / "in" / f"ghi_chu_{k:02d}.docx").write_bytes(b"not a workbook")
    execute(tmp_path / "in", tmp_path / "out", "2024-05")
    book = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    ws = book["Nộp báo cáo"]
    want = [list(range(first, last + 1)) for first, last in pages]
    assert _other_files_pages(ws) == [want] * len(page_starts(ws))
    # the last page: the header written again, the three files, then the signature
    top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == pages[-1][0]
               and ws.cell(r, 4).value == f"ghi_chu_{pages[-1][0] - 1:02d}.docx")  # fmt: skip
    assert [ws.cell(top - 1, c).value for c in (1, 4)] == ["STT", "Tệp"]
    below = [ws.cell(r, c).value for r in range(top + 3, ws.max_row + 1) for c in (1, 2, 3, 4)]
    assert "NGƯỜI LẬP BIỂU" in below
