"""Session 27: what the workbooks showed when rendered in LibreOffice (docs/decisions.md).

'Xu hướng''s chart put each rate's label on the side away from its own target path only: where
the poor and near-poor rates were close, a poor rate under its path (label below) and a
near-poor rate over its path (label above) printed their figures over each other (a 12-month
commune: "8.66" over "7.01" in September, "7.88" over "6.99" in November), and January's poor
label printed on the near-poor line. Section titles were capitals on every sheet but
'Biến động' (I, II) and 'Xu hướng''s IV.
"""

from __future__ import annotations

import re
import zipfile
from copy import deepcopy

import openpyxl

from pipeline.report.charts import label_span
from pipeline.report.trend import LABEL_PX, PLOT_PX, label_sides
from pipeline.report.workbook import write_consolidated
from tests import test_report
from tests.test_session24_feedback_print import chart_labels

# Rows as 'Xu hướng''s commune table holds them: households, poor, rate, path, near-poor,
# rate, path (the rates in columns 3 and 6, 1-based as the sheet's).
DECEMBER = [  # a 15-hamlet commune's year (from giamngheo sample, seed 7), three months of it
    [3589, 326, 9.08, 9.99, 250, 6.97, 6.62],  # June
    [3651, 316, 8.66, 9.61, 256, 7.01, 6.37],  # September
    [3704, 292, 7.88, 9.36, 259, 6.99, 6.20],  # November
]


def test_label_room_hand_worked():
    # The room of one label on 'Xu hướng''s chart of CHART_ROWS rows, as trend asks it
    # (label_span of its 22 px labels on its 159 px plot, from the axis' low to the top rate).
    assert (LABEL_PX, PLOT_PX) == (22, 159)
    # December's chart: rates and paths from 6.12 to 10.75, the axis from floor(6.12) - 1 = 5.
    # 10.75 + 5.75 / 20 = 11.04, 6.04 over 5: by 1 (6.04 / 0.5 > 8), up to 7 units (5 to 12,
    # as LibreOffice drew it); a label 22 px of the plot's 159: 22 / 159 * 7 = 0.969.
    assert round(label_span(LABEL_PX, PLOT_PX, 5, 10.75), 3) == round(22 / 159 * 7, 3) == 0.969
    # January's: 5.89 to 7.78 from 4: 7.78 + 3.78 / 20 = 7.969, 3.969 by 0.5 (7.94 steps):
    # 4 units (4 to 8 as drawn), 22 / 159 * 4 = 0.553.
    assert round(label_span(LABEL_PX, PLOT_PX, 4, 7.78), 3) == 0.553


def test_label_sides_hand_worked():
    room = 22 / 159 * 7  # 0.969, December's
    poor, near = label_sides(DECEMBER, room)
    # June: 9.08 under its path 9.99 (below), 6.97 over 6.62 (above): both towards the other,
    # 2.11 apart >= 2 x 0.969: they fit between, kept.
    # September: 8.66 / 7.01, 1.65 apart < 1.94: the two labels met (harm 3). Poor above: its
    # path 0.95 over it, within a label (1); near-poor below instead: its path 0.64 under (1).
    # Equal harm: the first of the ways tried, the poor label turned: above, above.
    # November: 7.88 / 6.99, 0.89 apart, not even one label: poor above (path 1.48 over,
    # clear); near-poor above would sit on poor's point (2), below is crossed by its path 0.79
    # under it (1): below.
    assert poor == ["below", "above", "above"]
    assert near == ["above", "above", "below"]
    # January 2025 (rates 7.09 and 6.76, paths 7.66 and 6.81; room 22 / 159 * 4 = 0.553):
    # both under their paths, both below; the poor label below was printed on the near-poor
    # line 0.33 under it (harm 2). Above, its path 0.57 over it is clear of it (0): above.
    january = [[3726, 264, 7.09, 7.66, 252, 6.76, 6.81]]
    assert label_sides(january, 22 / 159 * 4) == (["above"], ["below"])
    # The same month on a chart twice as tall (room 0.277): 0.33 holds the label, kept below.
    assert label_sides(january, 22 / 159 * 2) == (["below"], ["below"])
    # A month without a near-poor rate keeps the rule of session 24; no rate at all, the
    # series' default ('Mục tiêu cuối năm').
    assert label_sides([[1, 1, 7.0, 7.5, None, None, 6.0]], room) == (["below"], ["below"])
    assert label_sides([[None, None, None, 6.0, None, None, 5.0]], room) == (["above"], ["below"])


def test_written_chart_keeps_close_rates_labels_apart(tmp_path):
    """The report's test commune (tests/test_report.py) with May's near-poor rate raised to
    the poor rate: 3 near-poor of 150 households, 2.00 %, as 3 poor are."""
    result = test_report.make_result()
    summary = deepcopy(result.summary)
    may = summary["trend"]["commune"][-1]
    may["near_poor"], may["near_poor_rate"] = 3, 3 / 150 * 100
    result.summary = summary
    path = tmp_path / "close.xlsx"
    write_consolidated(result, path)
    ws = openpyxl.load_workbook(path)["Xu hướng"]
    heads = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    first = heads.index("Đầu năm") + 1
    assert heads[first - 1 : first + 4] == [
        "Đầu năm", "Tháng 3 (*)", "Tháng 4", "Tháng 5 (*)", "Mục tiêu cuối năm 2024",
    ]  # fmt: skip
    assert [round(ws.cell(first + 3, c).value, 2) for c in (4, 5, 7, 8)] == [2.0, 2.7, 2.0, 1.58]
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    xml = next(x for x in charts if "Lộ trình chỉ tiêu hộ cận nghèo" in x)
    (poor_side, poor_points), _, (near_side, near_points), _ = chart_labels(xml)
    # Plotted 0.99 (near-poor's year-end target, 2.00 - 1.01) to 3.33 (the poor start, 5 of
    # 150): the axis from 0, 3.33 + 3.33 / 20 = 3.5 by 0.5: room 22 / 159 * 3.5 = 0.48.
    # Start: 3.33 = 3.33 and 2.00 = 2.00, the paths falling after: above, above (1.33 apart).
    # March: 3.00 over 2.95, 2.00 over 1.75: above, above (1.00 apart, one label between).
    # April: 2.67 under 2.83, 1.33 under 1.66: below, below (1.33 apart, one label between).
    # May: 2.00 and 2.00, poor under its path 2.70, near-poor over its 1.58: the labels met.
    # Poor above (path 0.70 over it, clear), near-poor below (crossed by its path 0.42 under):
    # harm 1, the least. The year-end target: no rate, the defaults (poor above, near below).
    assert (poor_side, near_side) == ("t", "b")
    # Points: 0 the start, 1 and 2 January and February (no rate: the series' side), 3 March,
    # 4 April, 5 May.
    assert poor_points == {4: "b"}  # May's (5) was "b" too, on near-poor's label
    assert near_points == {0: "t", 3: "t"}  # May's (5) was "t" too


def test_section_titles_are_capitals_on_every_sheet(tmp_path):
    """Every numbered section title ('I. …', 'IV. …') of the consolidated workbook is in
    capitals up to its bracket, as 'Tổng hợp''s are: 'Biến động' wrote 'I. Biến động từ đầu
    năm', 'II. Biến động so với tháng trước (tháng 4/2024)', 'Xu hướng' 'IV. So với cùng kỳ
    năm trước'."""
    path = tmp_path / "report.xlsx"
    write_consolidated(test_report.make_result(), path)
    wb = openpyxl.load_workbook(path)
    titles = {
        ws.title: [
            c.value
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and re.match(r"[IVX]+\. \S", c.value)
        ]
        for ws in wb
    }
    assert titles["Biến động"] == [
        "I. BIẾN ĐỘNG TỪ ĐẦU NĂM",
        "II. BIẾN ĐỘNG SO VỚI THÁNG TRƯỚC (tháng 4/2024)",
    ]
    assert titles["Xu hướng"][-1] == "IV. SO VỚI CÙNG KỲ NĂM TRƯỚC"
    said = [t for found in titles.values() for t in found]
    assert len(said) >= 10
    assert [t for t in said if t.split(" (")[0] != t.split(" (")[0].upper()] == []


def _chart_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    return next(x for x in charts if "Lộ trình chỉ tiêu hộ cận nghèo" in x)


def test_trend_chart_runs_over_the_year_months(tmp_path):
    """'Xu hướng''s chart had the months run as its categories and the year-end target after
    them: in January the path fell from 7.66 to 6.26 in one step, as if due in February, and
    the start of the year was one step before April's first run. Its categories are now the
    start and the year's twelve months, a month not run with its path alone, from a table
    beside the print area; the rate lines span the months not run between two run."""
    path = tmp_path / "may.xlsx"
    write_consolidated(test_report.make_result(), path)
    ws = openpyxl.load_workbook(path)["Xu hướng"]
    # The commune's table and the hamlets' take columns A to H (8 = max(8, 2 + 3 months)):
    # they print, the chart's figures from column J do not.
    assert re.fullmatch(r"'Xu hướng'!\$A\$1:\$H\$\d+", ws.print_area)
    [head] = [c for row in ws.iter_rows(min_col=10, max_col=10) for c in row if c.value == "Tháng"]
    r = head.row
    assert ws.cell(r - 1, 10).value.startswith("Số liệu biểu đồ (không in")
    # March, April and May run (tests/test_report.py's TREND): 13 categories, K to W.
    cats = [ws.cell(r, c).value for c in range(11, 11 + 14)]
    assert cats == ["Đầu năm", "Tháng 1", "Tháng 2", "Tháng 3 (*)", "Tháng 4", "Tháng 5 (*)"] + [
        f"Tháng {m}" for m in range(6, 13)
    ] + [None]  # no 'Mục tiêu cuối năm' category after December
    names = [ws.cell(r + i, 10).value for i in (1, 2, 3, 4)]
    assert names == [
        "Tỷ lệ hộ nghèo", "Lộ trình chỉ tiêu hộ nghèo",
        "Tỷ lệ hộ cận nghèo", "Lộ trình chỉ tiêu hộ cận nghèo",
    ]  # fmt: skip
    row = {name: [ws.cell(r + i, c).value for c in range(11, 24)] for i, name in
           enumerate(("poor", "poor_path", "near", "near_path"), start=1)}  # fmt: skip
    # Rates: the start (5 and 3 of 150: 3.33, 2.00), March 3.00 / 2.00, April 4 and 2 of 150
    # (2.67, 1.33), May 2.00 / 1.33; none in January, February, June to December.
    shown = [None if v is None else round(v, 2) for v in row["poor"]]
    assert shown == [3.33, None, None, 3.0, 2.67, 2.0] + [None] * 7
    shown = [None if v is None else round(v, 2) for v in row["near"]]
    assert shown == [2.0, None, None, 2.0, 1.33, 1.33] + [None] * 7
    # Paths: start − target × month ÷ 12, the JSON's for March to May, the same line for the
    # others: poor 3.333 − 1.52 / 12 = 3.207 in January, down 0.127 a month to 3.333 − 1.52
    # = 1.813 in December (the table's 'Mục tiêu cuối năm'); near-poor 2.00 − 1.01 / 12 =
    # 1.916 to 0.99.
    assert [round(v, 3) for v in row["poor_path"]] == [
        3.333, 3.207, 3.08, 2.953, 2.827, 2.7, 2.573, 2.447, 2.32, 2.193, 2.067, 1.94, 1.813,
    ]  # fmt: skip
    assert round(row["near_path"][1], 3) == 1.916 and round(row["near_path"][-1], 2) == 0.99
    xml = _chart_xml(path)
    # every series reads the table beside: categories K..W of the header row, values below
    assert xml.count(f"<c:f>'Xu hướng'!$K${r}:$W${r}</c:f>") == 4
    for i in (1, 2, 3, 4):
        assert f"<c:f>'Xu hướng'!$K${r + i}:$W${r + i}</c:f>" in xml
    assert "Mục tiêu cuối năm" not in xml
    assert '<c:dispBlanksAs val="span"/>' in xml  # the start joined to March across 1 and 2


def test_template_headers_break_at_spaces_only(tmp_path):
    """The blank list's header 'Thu nhập BQ (đồng/người/tháng)' printed "(đồng/người/t" over
    "háng)" in LibreOffice: the column (13, 96 px) was narrower than its longest word in the
    header's bold Times New Roman 12 (143 px). Every header word of the list and of the
    plan's start list now fits its column on one line."""
    from openpyxl.utils import get_column_letter

    from pipeline.report.styles import column_pixels, text_pixels
    from pipeline.template import write_templates

    roster, plan = write_templates(tmp_path)
    for path, sheet in ((roster, "Danh sách"), (plan, "Danh sách đầu năm")):
        ws = openpyxl.load_workbook(path)[sheet]
        head = next(r for r in range(1, 10) if ws.cell(r, 1).value == "STT")
        cut = []
        for c in range(1, ws.max_column + 1):
            header = ws.cell(head, c).value
            width = ws.column_dimensions[get_column_letter(c)].width
            assert header and ws.cell(head, c).font.b and ws.cell(head, c).font.sz == 12
            # openpyxl reads back Excel's width plus 0.71 (the 5 px padding)
            px = column_pixels(round(width - 0.7109375, 2))
            cut += [(header, word) for word in header.split() if text_pixels(word, 12) > px]
        assert cut == [], path.name
        if sheet == "Danh sách":  # 'thu_nhap' is column J: 20 wide, 145 px for the 143
            assert ws.cell(head, 10).value == "Thu nhập BQ (đồng/người/tháng)"
            assert round(text_pixels("(đồng/người/tháng)", 12)) == 143
            assert column_pixels(round(ws.column_dimensions["J"].width - 0.7109375, 2)) == 145


def test_bar_labels_crossed_hand_worked():
    """'Tổng hợp''s hamlet chart: a bar's label over its top had the commune's dashed line
    through it where the line ran less than a label over the bar ("6.80" and "6.67" under
    the 15-hamlet commune's 7.09 in January 2025, the sample's Bản Cọ "8.74" under 8.89)."""
    from pipeline.report.summary import labels_crossed

    # January 2025's: the highest bar 11.02 (a start), the axis 0 to 12 by 2 (11.02 + 11.02
    # / 20 = 11.57 > 8 steps of 1); the chart 453 px, its plot 453 - 150 = 303: a label is
    # 16 / 303 * 12 = 0.634 of the axis. The commune's line 7.09, the target's 6.26.
    now = [6.80, 6.67, 6.29, 5.26, 10.24, None]
    start = [6.80, 7.72, 6.29, 6.32, 11.02, 7.0]
    # 7.09 - 6.80 = 0.29 and 7.09 - 6.67 = 0.42: crossed; 6.29 is over the target (6.26) and
    # 0.80 under 7.09; 5.26 is 1.00 under 6.26; 10.24 over both; no bar, no label.
    assert labels_crossed(now, start, [7.09, 6.26], 453) == [True, True, False, False, False, False]
    # A line at a bar's very top runs under its label, not through it.
    assert labels_crossed([7.09], [8.0], [7.09, None], 453) == [False]
    assert labels_crossed([None], [None], [None, None], 500) == [False]


def test_written_bar_chart_puts_a_crossed_label_on_white(tmp_path):
    """The report's test commune with Khuôn Ca's poor rate 1.90, 0.10 under the commune's
    2.00: its label (the second bar) is written on white, in the series' font; Nà Mòn's 2.00
    (the line at its top) and Bản Cọ (no bar now) keep the series' label."""
    result = test_report.make_result()
    summary = deepcopy(result.summary)
    summary["hamlets"] = [dict(h) for h in summary["hamlets"]]
    summary["hamlets"][1]["poor_rate"] = 1.9
    result.summary = summary
    path = tmp_path / "crossed.xlsx"
    write_consolidated(result, path)
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    xml = next(x for x in charts if "<c:barChart>" in x)
    [series] = [s for s in re.findall(r"<c:ser>(.*?)</c:ser>", xml, re.S) if "<c:dLbls>" in s]
    points = re.findall(r"<c:dLbl>(.*?)</c:dLbl>", series, re.S)
    assert len(points) == 1 and '<c:idx val="1"/>' in points[0]
    assert '<a:srgbClr val="FFFFFF"/>' in points[0]  # the fill
    assert 'sz="800"' in points[0] and '<a:srgbClr val="C00000"/>' in points[0]  # the font
