"""Session 51: the leader's printed pages (docs/decisions.md, "Session 51: the leader's printed
pages: the blank cells' note, the trend's labels, an empty 'Lỗi dữ liệu'").

* 'Xu hướng' prints its note "Ô trống: …" under each hamlet table that has an empty cell, and
  only there (it printed under table III always, under table II never).
* The trend chart's label towards the other rate counts that rate's marker: November's
  near-poor "6.72" above its point printed on the poor point 0.73 over it.
* 'Lỗi dữ liệu' without an issue prints at 100 %, its line over the columns a page holds.
"""

from __future__ import annotations

import openpyxl

from pipeline.report.charts import label_span
from pipeline.report.trend import LABEL_PX, MARKER_PX, PLOT_PX, label_sides
from pipeline.report.workbook import write_consolidated
from tests import test_report

BLANK = "Ô trống: xóm chưa có số liệu được tổng hợp trong tháng đó."
POOR_TABLE, NEAR_TABLE = "II. TỶ LỆ HỘ NGHÈO THEO XÓM (%)", "III. TỶ LỆ HỘ CẬN NGHÈO THEO XÓM (%)"


def _column_a(path) -> list:
    ws = openpyxl.load_workbook(path)["Xu hướng"]
    return [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]


def _notes_under(column: list, title: str) -> list[str]:
    """The texts in column A from the table's commune row ('Toàn xã') to the next blank."""
    start = column.index(title)
    commune = column.index("Toàn xã", start)
    notes = []
    for value in column[commune + 1 :]:
        if not value:
            break
        notes.append(value)
    return notes


def test_blank_note_under_each_table_with_an_empty_cell(tmp_path):
    # The report's test commune: Khuôn Ca has no March, Bản Cọ no month at all: both tables
    # have empty cells, and each says what they are.
    path = tmp_path / "blanks.xlsx"
    write_consolidated(test_report.make_result(), path)
    column = _column_a(path)
    for title in (POOR_TABLE, NEAR_TABLE):
        notes = _notes_under(column, title)
        assert len(notes) == 1 and notes[0].startswith(BLANK), title
    assert sum(1 for v in column if isinstance(v, str) and v.startswith(BLANK)) == 2


def test_no_blank_note_where_no_cell_is_empty(tmp_path):
    # Every hamlet with a figure every month: no empty cell, no note (it printed under III).
    result = test_report.make_result()
    for points in result.summary["trend"]["hamlets"].values():
        for point in points:
            point["poor_rate"] = 2.0 if point["poor_rate"] is None else point["poor_rate"]
            near = point["near_poor_rate"]
            point["near_poor_rate"] = 1.0 if near is None else near
    path = tmp_path / "full.xlsx"
    write_consolidated(result, path)
    column = _column_a(path)
    assert not any(isinstance(v, str) and v.startswith("Ô trống") for v in column)
    assert _notes_under(column, POOR_TABLE) == [] and _notes_under(column, NEAR_TABLE) == []
    # the March figures as given: Khuôn Ca's poor rate 2.00 in table II
    ws = openpyxl.load_workbook(path)["Xu hướng"]
    row = column.index("Khuôn Ca", column.index(POOR_TABLE)) + 1
    assert [ws.cell(row, c).value for c in (3, 4, 5)] == [2.0, 2.0, 2.0]


def test_near_poor_label_clear_of_the_poor_point():
    # A 12-month year's November (18 rows: plot 159 + 3 x 20 = 219 px, axis 4 to 11): poor
    # 7.45 under its path 8.95, near-poor 6.72 over its path 6.01. A label reaches
    # 22 / 219 x 7 = 0.703; towards the poor point it must clear its marker too:
    # 26 / 219 x 7 = 0.831 > 0.73. Near-poor above (away from its path) sat on the poor point;
    # below, its path is 0.71 under it (more than 0.703): clear. Poor above, near-poor below.
    room = label_span(LABEL_PX, PLOT_PX + 3 * 20, 4, 10.34)
    assert round(room, 3) == 0.703 and (LABEL_PX, MARKER_PX) == (22, 4)
    november = [[None, None, 7.45, 8.95, None, 6.72, 6.01]]
    assert label_sides(november, room) == (["above"], ["below"])
    # 0.85 apart (more than 0.831), near-poor above stays: the side away from its path.
    november[0][2] = 7.57
    assert label_sides(november, room) == (["above"], ["above"])


def test_issues_sheet_without_issues_prints_at_100_percent(tmp_path):
    result = test_report.make_result()
    result.issues = []
    path = tmp_path / "none.xlsx"
    write_consolidated(result, path)
    ws = openpyxl.load_workbook(path)["Lỗi dữ liệu"]
    # Not fit to a page: 100 % (xlsxwriter writes no scale for 100).
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.scale in (None, 100)
    # The columns A to J: 5 + 14 + 24 + 11 + 6 + 6 + 16 + 16 + 9 + 21 wide, 40 + 103 + 173 +
    # 82 + 47 + 47 + 117 + 117 + 68 + 152 = 946 px, 709.5 pt (750 in LibreOffice) of the
    # page's 784.3; with K (60: 425 px) 1,371 px printed at 57 %.
    ranges = {str(r) for r in ws.merged_cells.ranges}
    none = next(r for r in range(1, 12) if ws.cell(r, 1).value == "Không có lỗi.")
    assert f"A{none}:J{none}" in ranges
    assert ws.cell(4, 1).value == "DANH SÁCH LỖI DỮ LIỆU THÁNG 5/2024" and "A4:J4" in ranges
    assert max(r.max_col for r in ws.merged_cells.ranges) == 10


def test_issues_sheet_with_issues_still_fits_one_page_wide(tmp_path):
    path = tmp_path / "issues.xlsx"
    write_consolidated(test_report.make_result(), path)
    ws = openpyxl.load_workbook(path)["Lỗi dữ liệu"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) in ((None, 0), (1, 0))
    assert max(r.max_col for r in ws.merged_cells.ranges) == 11
