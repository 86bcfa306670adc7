"""Session 24: what the printed outputs showed when rendered as their readers print them
(LibreOffice, the whole workbook at once) — a 50-hamlet commune's 'Thiếu hụt' and its posted
lists."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.printed_pages import page_starts, problems


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    """The May outputs of the sample commune grown to 50 hamlets (each its own posted sheet:
    one sheet for all of them starts at 51)."""
    root = tmp_path_factory.mktemp("fifty")
    generate_sample(root / "input", hamlets=50)
    execute(root / "input", root / "output", "2024-05")
    return root / "output" / "2024-05"


# --- 'Thiếu hụt': the near-poor totals print under the last hamlet's row ----------------------


def test_the_deprivation_totals_never_start_a_page(fifty):
    """Section II (near-poor) of 50 hamlets ends a page's height after section I's start: its
    two total rows ('Tổng cộng', 'Tỷ lệ thiếu hụt (%)') went with the signature onto a page of
    their own, under the repeated header and no hamlet. The last hamlet's row now goes with
    them, and since session 44 the two before it (styles.end_rows)."""
    ws = openpyxl.load_workbook(fifty / "TongHop_2024-05.xlsx")["Thiếu hụt"]
    labels = {r: ws.cell(r, 1).value for r in range(1, ws.max_row + 1)}
    totals = [r for r, v in labels.items() if v == "Tổng cộng"]
    assert len(totals) == 2  # one per section
    near_total = totals[1]
    # the row above each total is the section's 50th hamlet, the row under it the rates
    assert [labels[t - 1] for t in totals] == [50, 50]
    assert [labels[t + 1] for t in totals] == ["Tỷ lệ thiếu hụt (%)"] * 2
    breaks = {b.id + 1 for b in ws.row_breaks.brk}
    assert near_total - 3 in breaks  # the last three hamlets start the signature's page
    for starts in page_starts(ws):
        for total in totals:
            assert total not in starts and total + 1 not in starts, starts
        # the page holding the near-poor totals holds a hamlet's row above them
        page = max(s for s in starts if s <= near_total)
        assert any(isinstance(labels[r], int) for r in range(page, near_total)), starts
    assert problems(ws) == []


# --- the posted lists: each hamlet's pages numbered from 1 ------------------------------------


def test_each_posted_list_numbers_its_own_pages(fifty):
    """Printing the whole 'NiemYet' workbook (as LibreOffice renders it, and as an officer
    prints every hamlet's list at once) numbered the pages on across the sheets: the last
    hamlet's two pages said 'Trang 121 / 122' and 'Trang 122 / 122' under its own name. Each
    hamlet's sheet now starts at page 1, and the footer leaves out '/ &N' (the printout's
    count, not the hamlet's)."""
    book = openpyxl.load_workbook(fifty / "NiemYet_2024-05.xlsx")
    assert len(book.sheetnames) == 50
    for ws in book.worksheets:
        footer = ws.oddFooter.center.text
        assert footer == (
            f"Xóm {ws.title}, xã Trung Lương – danh sách niêm yết tháng 5/2024 – Trang &P"
        ), ws.title
        assert "&N" not in footer
        setup = ws.page_setup
        assert setup.useFirstPageNumber, ws.title
        assert setup.firstPageNumber in (None, 1), ws.title  # OOXML's default is 1


# --- 'Tổng hợp': the multidimensional rate beside the two rounded rates ------------------------

INPUT = Path(__file__).resolve().parents[1] / "input"


def test_the_multidimensional_rate_says_it_may_differ_from_the_rounded_sum(tmp_path):
    """The shipped May: 242 poor and 190 near-poor households of 2,723. Section I shows the
    rates 8.89 (242 / 2723 × 100 = 8.887…) and 6.98 (6.977…); section II the multidimensional
    rate 15.86 (432 / 2723 × 100 = 15.864…), not their sum 15.87. Its note now says why, as
    the reduction's note does."""
    execute(INPUT, tmp_path / "output", "2024-05")
    ws = openpyxl.load_workbook(tmp_path / "output" / "2024-05" / "TongHop_2024-05.xlsx",
                                data_only=True)["Tổng hợp"]  # fmt: skip
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    now, multidim = rows["Tỷ lệ hiện tại (%)"], rows["Tỷ lệ nghèo đa chiều (%)"]
    assert round(ws.cell(now, 2).value, 2) == 8.89
    assert round(ws.cell(now, 3).value, 2) == 6.98
    assert round(ws.cell(multidim, 2).value, 2) == 15.86
    assert ws.cell(multidim, 4).value == (
        "= tỷ lệ hộ nghèo + tỷ lệ hộ cận nghèo (±0,01 do làm tròn)"
    )
    # one line, as before: the row is as tall as the households' above it (a second line
    # pushed section II off page one, and the chart onto a smaller share of page two)
    households = rows["Tổng số hộ dân cư hiện tại"]
    assert ws.row_dimensions[multidim].ht == ws.row_dimensions[households].ht


# --- 'Xu hướng': a chart that starts page two draws nothing on page one ------------------------


def test_a_chart_starting_a_page_is_set_off_from_its_top(tmp_path):
    """Five months: the commune table is too long for the chart on page one, so the chart's
    row starts page two (a manual break there). Its top edge lay on the page's edge, and
    LibreOffice drew it as a line at the foot of page one. The chart now sits 4 pixels down
    its first row (38,100 EMU: 9,525 a pixel), as 'Tổng hợp''s does."""
    generate_sample(tmp_path / "input", months=5)
    for month in range(1, 6):
        execute(tmp_path / "input", tmp_path / "output", f"2024-{month:02d}")
    book = openpyxl.load_workbook(tmp_path / "output" / "2024-05" / "TongHop_2024-05.xlsx")
    ws = book["Xu hướng"]
    (chart,) = ws._charts
    first = chart.anchor._from.row + 1  # 1-based
    assert first in {b.id + 1 for b in ws.row_breaks.brk}  # the chart's row starts a page
    assert chart.anchor._from.rowOff == 4 * 9525
    (bars,) = book["Tổng hợp"]._charts
    assert bars.anchor._from.rowOff == 4 * 9525


# --- column widths Excel cut text in ----------------------------------------------------------

XLSXWRITER_PAD = 0.7109375  # what XlsxWriter adds to a width it writes


def _width(ws, letter: str) -> float:
    """The width written for a column (XlsxWriter writes neighbours of one width as a range,
    which openpyxl keys by its first column)."""
    col = column_index_from_string(letter)
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.min <= col <= dim.max and dim.width:
            return dim.width - XLSXWRITER_PAD
    raise AssertionError(f"no width written for column {letter}")


def _may_with_a_blank_size(tmp_path) -> Path:
    """The shipped May, Khau Lang's first household's size blanked: one error on
    'Lỗi dữ liệu', in 'DS_KhauLang_2024-05.xlsx'."""
    folder = tmp_path / "input"
    folder.mkdir()
    for path in [INPUT / "KeHoach_2024.xlsx", *sorted(INPUT.glob("DS_*_2024-05.xlsx"))]:
        shutil.copy(path, folder / path.name)
    book = openpyxl.load_workbook(folder / "DS_KhauLang_2024-05.xlsx")
    book["Danh sách"]["H5"] = None
    book.save(folder / "DS_KhauLang_2024-05.xlsx")
    execute(folder, tmp_path / "output", "2024-05")
    return tmp_path / "output" / "2024-05" / "TongHop_2024-05.xlsx"


def test_the_file_column_of_the_issues_holds_a_file_name_on_one_line(tmp_path):
    """'DS_KhauLang_2024-05.xlsx' is 172 pixels in Times New Roman 11 (Liberation Serif's
    widths), 175 with the cell's padding: a width of (175 − 5) / 7 = 24.3 at least, where
    'Tệp' was 24 (170 pixels), and a file name has no space to wrap at. 'Tệp' is now
    24 characters × 1.1 + 1 = 27.4 wide."""
    ws = openpyxl.load_workbook(_may_with_a_blank_size(tmp_path))["Lỗi dữ liệu"]
    files = [ws.cell(r, 3).value for r in range(1, ws.max_row + 1)]
    assert "DS_KhauLang_2024-05.xlsx" in files
    assert _width(ws, "C") == pytest.approx(27.4, abs=0.05)  # (whole pixels)
    assert _width(ws, "C") >= 24.3


def test_the_list_column_of_the_subgroups_holds_hộ_cận_nghèo(tmp_path):
    """'Nguyên nhân''s subgroup table writes 'Hộ cận nghèo' in column C (bold on its total
    row): 81 pixels in Times New Roman 11, 86 in bold, 89 with the padding, a width of
    (89 − 5) / 7 = 12 at least, where it was 11: Excel showed 'Hộ cận nghè'. Now 13."""
    execute(INPUT, tmp_path / "output", "2024-05")
    path = tmp_path / "output" / "2024-05" / "TongHop_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Nguyên nhân"]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "Hộ cận nghèo"]
    assert len(rows) == 13  # 12 hamlets and the total
    assert ws.cell(rows[-1], 3).font.b  # the total's, bold
    assert _width(ws, "C") >= 12
    assert _width(ws, "D") == 11  # the counts keep theirs


def test_the_movement_list_holds_không_có_trong_danh_sách_in_two_lines(tmp_path):
    """'Biến động''s household list writes 'Không có trong danh sách' (a new household's
    'Đầu kỳ') in column G, on a row of two lines (30 pt). 'Không có trong' is 92 pixels in
    Times New Roman 11, 96 with the padding: more than a width of 13 holds (96 − 5 = 91),
    so Excel wrapped it to three lines and showed two. G and H are now 14 (103 pixels)."""
    execute(INPUT, tmp_path / "output", "2024-05")
    path = tmp_path / "output" / "2024-05" / "TongHop_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Biến động"]
    rows = [
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 7).value == "Không có trong danh sách"
    ]
    assert rows  # the sample's May has new households
    assert all(ws.row_dimensions[r].ht == 30 for r in rows)
    assert _width(ws, "G") >= 14 and _width(ws, "H") >= 14
