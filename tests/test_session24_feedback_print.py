"""Session 24: the feedback copy of 'Danh sách' prints readably (docs/decisions.md).

It printed one page wide, 26 columns at about 45 %. A copy wider than a page now prints on
A4 landscape at a fixed scale of at least 70 %, across as few pages as that allows, over
then down (a household's row on consecutive pages), STT, Mã hộ and Họ và tên chủ hộ
repeated on each page and the header rows at the top of each.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.report.styles import LIBREOFFICE_WIDTH, PAGE_WIDTH_PT, column_pixels, wide_print
from pipeline.report.styles import _pages_across as pages_across
from pipeline.report.trend import label_positions
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY


def test_wide_print_hand_worked():
    # 13 columns of width 20: 145 px = 108.75 pt each in Excel, 114.95 pt in LibreOffice; the
    # first two repeated (229.9 pt in LibreOffice). Page 1 holds floor(R / 114.95) columns,
    # each later page two fewer: two pages need floor(R / 114.95) >= 8 (8 + 6 >= 13), so
    # R = 784.3 / s >= 919.6, s <= 0.8529: 85 %. At 86 % R = 912.0 holds 7 (7 + 5 < 13).
    assert column_pixels(20) == 145 and round(PAGE_WIDTH_PT, 1) == 784.3
    assert round(108.75 * LIBREOFFICE_WIDTH, 2) == 114.95
    widths = [20.0] * 13
    assert wide_print(widths, 2) == (0.85, 2)
    assert pages_across(widths, 2, 0.86, LIBREOFFICE_WIDTH) == 3
    assert pages_across(widths, 2, 0.86, 1.0) == 2  # Excel alone would fit: LibreOffice decides
    assert pages_across(widths, 2, 1.0, 1.0) == 3  # 7 columns, then 2 + 5, then 2 + 1
    # Three such columns fit one page at 100 % (326.25 pt): printed as before.
    assert wide_print([20.0] * 3, 2) == (1.0, 1)
    # A sheet that fits one page at no less than 70 % prints on one: 7 columns at 100 % are
    # 761.25 pt in Excel, 804.65 in LibreOffice: 97 % (784.3 / 804.65 = 0.9747).
    assert wide_print([20.0] * 7, 2) == (0.97, 1)


@pytest.fixture(scope="module")
def copy_sheet(tmp_path_factory):
    tmp_path: Path = tmp_path_factory.mktemp("print")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    book["Danh sách"]["H6"] = "bốn"  # a size in words: an error, so feedback is written
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    copy = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    wb = openpyxl.load_workbook(copy)
    wb.path = tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx"  # the run's, for its chart
    return wb


def test_copy_prints_across_pages_at_a_readable_scale(copy_sheet):
    ws = copy_sheet["Danh sách"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # no longer fitted one page wide
    assert 70 <= (setup.scale or 100) <= 100  # 100 % is not written (Excel's default)
    assert setup.pageOrder == "overThenDown"
    assert ws.print_title_cols == "$A:$C"  # STT, Mã hộ, Họ và tên chủ hộ
    assert [ws.cell(4, c).value for c in (1, 2, 3)] == ["STT", "Mã hộ", "Họ và tên chủ hộ"]
    assert ws.print_title_rows == "$4:$4"
    assert not setup.blackAndWhite  # the marked cells print in colour
    assert ws["H6"].fill.fgColor.rgb not in (None, "00000000")
    # Two pages wide at the scale written, in Excel and LibreOffice, and not one at 70 %.
    stored = {}  # openpyxl keeps equal neighbours as one range (D:E)
    for dim in ws.column_dimensions.values():
        for c in range(dim.min, dim.max + 1):
            stored[c] = dim.width
    # a width is stored as its pixels / 7; the width set had 5 pixels less
    set_widths = [(round(stored[c] * 7) - 5) / 7 for c in range(1, ws.max_column + 1)]
    # 97 % before session 26 measured the names, 96 % after; 100 % since session 55 measured
    # the header's columns by their bold letters (at most three lines), not by their length:
    # 215.3 units in all, 239.1 before ('Việc làm' and 'Giới tính' 4.0 each, were 6.57);
    # 214.3 since session 56 measured the numbers by their digits: 'Năm sinh''s 1970 needs
    # 4.11, its header 4.5 (5.64 by the year's length before)
    assert round(set_widths[3] * 7) + 5 == 37 and round(sum(set_widths), 1) == 214.3  # 4.5 wide
    assert len(set_widths) == 26 and setup.scale is None
    for stretch in (1.0, LIBREOFFICE_WIDTH):
        assert pages_across(set_widths, 3, 1.0, stretch) == 2
        # printed with the row numbers and column letters (session 30)
        assert pages_across(set_widths, 3, 1.0, stretch, headings=True) == 2
    assert pages_across(set_widths, 3, 0.7, LIBREOFFICE_WIDTH) > 1  # not one page at 70 %


def test_other_feedback_sheets_still_print_one_page_wide(copy_sheet):
    for name in ("Hướng dẫn sửa", "Thông tin"):
        ws = copy_sheet[name]
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.print_title_cols is None


# 'Xu hướng''s chart: each rate's label on the side away from its target's dashed line.

SAMPLE = [  # the sample's May run: households, poor, rate, path, near-poor, rate, path
    [2686, 255, 9.4937, 9.4937, 188, 6.9993, 6.9993],  # Đầu năm: rate = path
    [2709, 245, 9.0439, 8.9870, 188, 6.9398, 6.6626],  # Tháng 4
    [2723, 239, 8.7771, 8.8603, 189, 6.9409, 6.5784],  # Tháng 5
    [None, None, None, 7.9737, None, None, 5.9893],  # Mục tiêu cuối năm: no rate
]


def test_label_positions_hand_worked():
    # Poor: 9.49 = 9.49, the path goes on to 8.99, lower: above; 9.04 > 8.99 above;
    # 8.78 < 8.86 below (it was above, the dashed line ran through it); no rate: the default.
    assert label_positions(SAMPLE, 3, 4, "above") == ["above", "above", "below", "above"]
    # Near-poor: 7.00 = 7.00, on to 6.66: above (it was below, the line fell through it);
    # 6.94 > 6.66, 6.94 > 6.58: above (both were below, on the dashed line).
    assert label_positions(SAMPLE, 6, 7, "below") == ["above", "above", "above", "below"]
    # Equal as shown (6.996 and 7.004 are both 7.00), the path rising after: below.
    rows = [[None, None, 6.996, 7.004], [None, None, 7.5, 7.2]]
    assert label_positions(rows, 3, 4, "above") == ["below", "above"]
    # A path of one value throughout: the default.
    assert label_positions([[None, None, 5.0, 5.0]], 3, 4, "below") == ["below"]


def chart_labels(xml: str) -> list[tuple[str, dict[int, str]]]:
    """Per series of a chart: its data labels' position (t/b) and the points' own positions."""
    out = []
    for ser in re.findall(r"<c:ser>(.*?)</c:ser>", xml, re.S):
        labels = re.search(r"<c:dLbls>(.*)</c:dLbls>", ser, re.S)
        if not labels:
            out.append(("", {}))
            continue
        inner = labels.group(1)
        points = {
            int(i): pos
            for i, pos in re.findall(
                r'<c:dLbl><c:idx val="(\d+)"/>.*?<c:dLblPos val="(\w+)"/>.*?</c:dLbl>', inner, re.S
            )
        }
        rest = re.sub(r"<c:dLbl>.*?</c:dLbl>", "", inner, flags=re.S)
        series_pos = re.search(r'<c:dLblPos val="(\w+)"/>', rest)
        out.append((series_pos.group(1) if series_pos else "", points))
    return out


def test_trend_chart_labels_written_away_from_the_paths(copy_sheet, tmp_path_factory):
    book = Path(copy_sheet.path)
    ws = openpyxl.load_workbook(book)["Xu hướng"]
    # The commune's table: Đầu năm, Tháng 5, the year's target; rates in D and G, paths E, H.
    rows = [[c.value for c in row[1:8]] for row in ws.iter_rows(min_row=9, max_row=11)]
    assert [ws.cell(r, 1).value for r in (9, 10)] == ["Đầu năm", "Tháng 5 (*)"]  # one hamlet
    assert all(ws.cell(r, c).number_format == "0.00" for r in (9, 10) for c in (4, 5, 7, 8))
    with zipfile.ZipFile(book) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    xml = next(x for x in charts if "Lộ trình chỉ tiêu hộ cận nghèo" in x)
    found = chart_labels(xml)
    assert [pos for pos, _ in found] == ["t", "", "b", ""]  # the paths carry no labels
    assert found[1][1] == found[3][1] == {}
    side = {"above": "t", "below": "b"}
    for (default, points), (rate, fallback) in zip(
        (found[0], found[2]), ((3, "above"), (6, "below")), strict=True
    ):
        expected = label_positions(rows, rate, rate + 1, fallback)[:2]
        # the start and May, points 0 and 5 of the chart's start and twelve months (session 27)
        shown = [points.get(i, default) for i in (0, 5)]
        assert shown == [side[p] for p in expected]
        # a point has its own label only where it leaves the series' side
        assert all(points[i] != default for i in points)
    # Hand-worked for this list (rows: 3.00 = 3.00, 2.94 vs path 2.37; near-poor 2.00 = 2.00,
    # 0.98 vs 1.58): poor above throughout, no point its own; near-poor's start above (its
    # path falls to 1.58 after it), its own label; May's 0.98 under 1.58: below, the default.
    assert [round(v, 2) for v in rows[1][2:4] + rows[1][5:7]] == [2.94, 2.37, 0.98, 1.58]
    assert found[0][1] == {} and found[2][1] == {0: "t"}
