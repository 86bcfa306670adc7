"""Session 47: the consolidated and feedback workbooks as the commune officer prints them
(LibreOffice 7.4 renders of the shipped sample and of a messy May: a refused list, a hamlet
missing, a merged hamlet's list sent apart, a long hamlet name, many warnings).

'Nộp báo cáo' kept only its last hamlet with the reporting rate under the table: of 20 to 24
hamlets (four households each), the last hamlet, or the last two, printed alone on page 2
under the repeated header (the messy May: 'Nà Tiến' alone)."""

from __future__ import annotations

import re

import openpyxl
import pytest

from pipeline.report.cells import MAX_SUM_PARTS, sum_formula
from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.printed_pages import page_starts


def _book(tmp_path, hamlets: int):
    generate_sample(tmp_path / "in", hamlets=hamlets, households=4, months=1)
    execute(tmp_path / "in", tmp_path / "out", "2024-05")
    return openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")


def _numbers_by_page(ws, first: int, end: int) -> list[list[list[int]]]:
    """For each page estimate, the whole numbers in column A of rows ``first`` to ``end`` - 1 on
    each printed page that holds any."""
    layouts = []
    for layout in page_starts(ws):
        starts = sorted(layout) + [ws.max_row + 1]
        pages = []
        for top, bottom in zip(starts, starts[1:], strict=False):
            numbers = [ws.cell(r, 1).value for r in range(max(top, first), min(bottom, end))]
            numbers = [n for n in numbers if isinstance(n, int)]
            if numbers:
                pages.append(numbers)
        layouts.append(pages)
    return layouts


def _hamlet_pages(ws) -> list[list[list[int]]]:
    """For each page estimate, the hamlet numbers (column A) of the hamlet table on each printed
    page: the rows above the reporting rate line 'Số xóm đã tổng hợp:'."""
    end = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Số xóm đã tổng hợp:")
    return _numbers_by_page(ws, 1, end)


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
    return _numbers_by_page(ws, start, ws.max_row + 1)


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


# --- totals over many hamlets beside a hamlet shown but not summed ---------------------------
#
# A hamlet whose figures lack a list sent apart (session 25) shows its figures on 'Thiếu hụt'
# and 'Biến động' but is not in their totals. Past MAX_SUM_PARTS pieces a total sums one range
# (or the runs between repeated headers), taken to be blank between the rows it counts: it
# summed that hamlet's row too, so Excel and LibreOffice recalculated other totals than the
# workbook shows (LibreOffice `recalc` of the workbook below: 46 cells differ, e.g. 'Thiếu hụt'
# C80 116 shown, 120 recalculated).


def test_a_range_past_the_limit_is_cut_around_the_rows_shown_but_not_summed():
    """31 rows two apart (0-based 10, 12, … 70): one range; with row 40 shown between them
    the range is cut around it; with 31 runs (too many pieces) the shown row 11 is taken off."""
    gaps = list(range(10, 10 + 2 * (MAX_SUM_PARTS + 1), 2))
    assert sum_formula(3, gaps) == "=SUM(D11:D71)"
    assert sum_formula(3, gaps, shown=[40]) == "=SUM(D11:D40,D42:D71)"
    runs = [(r, r) for r in gaps]
    assert sum_formula(3, gaps, runs=runs, shown=[11]) == "=SUM(D11:D71)-SUM(D12)"
    # a shown row outside the rows summed changes nothing
    assert sum_formula(3, gaps, shown=[5, 80]) == "=SUM(D11:D71)"


@pytest.fixture(scope="module")
def merged_big(tmp_path_factory):
    """70 hamlets (six households each), May only, every other hamlet's list removed (35 gaps);
    the plan folds the 24th hamlet into the 22nd (both sent their lists): the 24th's list is
    refused, the 22nd's figures lack its households (shown, not summed)."""
    base = tmp_path_factory.mktemp("merged_big")
    truth = generate_sample(base / "input", hamlets=70, households=6, seed=7, months=1)
    files = truth["by_period"]["2024-05"]
    for name in truth["hamlets"][::2]:
        (base / "input" / files[name]["file"]).unlink()
    into, merged = truth["hamlets"][21], truth["hamlets"][23]
    plan = openpyxl.load_workbook(base / "input" / truth["plan_file"])
    targets = plan["Chỉ tiêu theo xóm"]
    at = {targets.cell(r, 1).value: r for r in range(1, targets.max_row + 1)}
    for c in range(2, 7):
        targets.cell(at[into], c).value += targets.cell(at[merged], c).value
    targets.delete_rows(at[merged])
    start = plan["Danh sách đầu năm"]
    for row in start.iter_rows(min_col=2, max_col=2):
        if row[0].value == merged:
            row[0].value = into
    plan.save(base / "input" / truth["plan_file"])
    result = execute(base / "input", base / "output", "2024-05")[0]
    book = base / "output" / "2024-05" / "TongHop_2024-05.xlsx"
    return (
        into,
        result.summary,
        openpyxl.load_workbook(book),
        openpyxl.load_workbook(book, data_only=True),
    )


def sum_recomputed(values, text: str) -> int:
    """A total's formula worked out from the cells it names: '=SUM(C12:C31,C33:C79)', or
    '=SUM(range)-SUM(pieces)'. Text in a range counts for nothing, as in SUM (a hamlet not
    consolidated says "Chưa nộp" across its counts: session 52)."""
    whole = re.fullmatch(r"=SUM\(([A-Z0-9:,]+)\)(?:-SUM\(([A-Z0-9:,]+)\))?", text)
    assert whole, text

    def total(refs: str) -> int:
        cells = [v for ref in refs.split(",") for row in values[ref] for v in _row(row)]
        return sum(v for v in cells if isinstance(v, int | float))

    return total(whole.group(1)) - (total(whole.group(2)) if whole.group(2) else 0)


def _row(cells) -> list:
    return [c.value for c in cells] if isinstance(cells, tuple) else [cells.value]


def test_totals_past_the_limit_leave_out_the_hamlet_shown_but_not_summed(merged_big):
    into, summary, formulas, values = merged_big
    shown = next(h for h in summary["hamlets"] if h["hamlet"] == into)
    assert shown["incomplete"]["reason"] == "merged-list-apart"
    totals = summary["totals"]
    for sheet, nth, first_column, expected in [
        # 'Thiếu hụt' I: the poor households, then td_01 … td_12; II: the near-poor
        ("Thiếu hụt", 0, 3, [totals["poor"], *totals["deprivations"]["poor"].values()]),
        ("Thiếu hụt", 1, 3, [totals["near_poor"], *totals["deprivations"]["near_poor"].values()]),
        # 'Biến động' I, poor: start, to near-poor, exited, not counted, moved out, from
        # near-poor, new, returned, moved in, counted again, end
        ("Biến động", 0, 4, list(totals["movements"]["poor"].values())),
    ]:
        ws, shown_ws = formulas[sheet], values[sheet]
        rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Tổng cộng"]
        row = rows[nth]  # the nth total row of the sheet
        cells = range(first_column, first_column + len(expected))
        recomputed = [sum_recomputed(shown_ws, ws.cell(row, c).value) for c in cells]
        assert recomputed == expected, (sheet, row)
        # the cached values (what a viewer shows) are the same figures
        assert [shown_ws.cell(row, c).value for c in cells] == expected
