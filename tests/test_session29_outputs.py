"""Session 29: what the workbooks look like (docs/decisions.md, "Session 29: …").

* The shipped sample commune in ``input/`` is what ``make sample`` writes today: the current
  template's column widths, header height and hints, the same households and figures.
* 'Xu hướng''s chart: the dashed path is one straight line from the start to the year-end
  target (a month with a hamlet missing bent it), a rate's label is kept off its own line to
  the next month, and a chart on a page of its own is as tall as its labels need.
* ``--lang en``: a number quoted from a cell reads the English way ('4.5', not '4,5'), and the
  ``text-sanitised`` message says where in English.
* The feedback copy of a list prints its title as the other sheets do (bold, 14 points, or
  the largest size to 11 that keeps it whole on one line), and its pages' header says the notes'
  text prints on the guide's table.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.discover import sanitised_issue
from pipeline.messages import in_language
from pipeline.report.trend import chart_rows, label_sides
from pipeline.report.workbook import write_consolidated
from pipeline.run import execute
from pipeline.sample import generate_sample
from pipeline.text import as_shown
from tests import test_report
from tests.commune import person, write_plan, write_roster

INPUT = Path(__file__).resolve().parents[1] / "input"


def _look(path: Path) -> dict:
    """Each sheet's cell values, column widths, header row height and input hints."""
    wb = openpyxl.load_workbook(path)
    look = {}
    for ws in wb.worksheets:
        look[ws.title] = {
            "values": [[c.value for c in row] for row in ws.iter_rows()],
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "header_height": ws.row_dimensions[4].height,
            "hints": sorted((str(v.sqref), v.prompt) for v in ws.data_validations.dataValidation),
        }
    return look


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample") / "input"
    generate_sample(folder, seed=2024)  # what `make sample` runs
    return folder


def test_shipped_input_is_what_make_sample_writes(regenerated):
    names = sorted(p.name for p in INPUT.iterdir())
    assert names == sorted(p.name for p in regenerated.iterdir())
    assert len(names) == 25  # 12 hamlets x 2 months, and the plan
    for name in names:
        assert _look(INPUT / name) == _look(regenerated / name), name


def test_shipped_roster_has_the_current_template_look():
    look = _look(INPUT / "DS_BanCo_2024-05.xlsx")
    listing = look["Danh sách"]
    # 'Thu nhập BQ (đồng/người/tháng)' (column J) is 20 wide (the older template's 13 cut it);
    # xlsxwriter stores a width w as w + 0.71 (the cell padding).
    assert listing["widths"]["J"] == pytest.approx(20.7109375)
    # The header wraps in 78.75 points (the older file had 48: the longest header was cut).
    assert listing["header_height"] == 78.75
    assert listing["values"][3][9] == "Thu nhập BQ (đồng/người/tháng)"
    hints = dict(look["Thông tin"]["hints"])
    assert hints["B5"].startswith("Tổng số hộ đang sinh sống trong xóm (tất cả các hộ")
    assert hints["B4"] == "Tháng và năm của danh sách, ví dụ: 05/2024."


def test_label_kept_off_its_own_line_to_the_next_month():
    # Room 0.5: a line crosses a label when it climbs (above) or falls (below) more than
    # 1.45 x 0.5 = 0.727 a month. Month 1: near-poor 4.00 over its path 3.00 (label above, as
    # before) but its line climbs 1.00 to month 2's 5.00: above is crossed; below, its path
    # is 1.00 under (more than a label) and the poor rate 8.00 far above: below. Month 2:
    # 5.00 over its path 2.90, the line falling to it from the left: above stays clear.
    rows = [[None, None, 8.0, 7.0, None, 4.0, 3.0], [None, None, 8.0, 6.9, None, 5.0, 2.9]]
    assert label_sides(rows, 0.5) == (["above", "above"], ["below", "above"])
    # A slow climb (0.50 a month) crosses nothing: the sides away from the paths.
    rows[1][5] = 4.5
    assert label_sides(rows, 0.5) == (["above", "above"], ["above", "above"])


def test_chart_rows_hand_worked():
    # November of a 15-hamlet year (session 27): poor 7.88 under its path 9.36, near-poor 6.99
    # over its path 6.20; the axis 5 to 12 (7 units). At 15 rows (plot 159 px) a label is
    # 22 / 159 x 7 = 0.969: near-poor above sits on the poor point 0.89 over it, below is
    # crossed by its path 0.79 under it: harm 1 whatever the placing. At 16 rows (plot 179)
    # 22 / 179 x 7 = 0.860, with the poor point's marker (session 51: 26 px, 1.016) more than
    # 0.89: above is still on the poor point. At 17 rows (plot 199) 22 / 199 x 7 = 0.774 <
    # 0.79: below is clear of its path (harm 0): 17 rows, 320 px.
    november = [[3704, 292, 7.88, 9.36, 259, 6.99, 6.20]]
    assert chart_rows(november, [6.12, 10.75], 5, own_page=True) == 17
    # Under the commune's table on its first page the chart keeps its 15 rows.
    assert chart_rows(november, [6.12, 10.75], 5, own_page=False) == 15
    # Labels already clear at 15 rows: 15.
    assert chart_rows([[1, 1, 9.0, 8.0, 1, 6.0, 7.0]], [6.0, 9.0], 5, own_page=True) == 15


def trend_chart(path: Path) -> tuple[list, dict]:
    """'Xu hướng''s printed commune table (month, poor path) and the chart's figures beside it."""
    ws = openpyxl.load_workbook(path)["Xu hướng"]
    first = next(r for r in range(1, 40) if ws.cell(r, 1).value == "Đầu năm")
    table = []
    r = first
    while ws.cell(r, 1).value:
        table.append((ws.cell(r, 1).value, ws.cell(r, 5).value))
        r += 1
    head = next(
        c for row in ws.iter_rows(min_col=10, max_col=10) for c in row if c.value == "Tháng"
    )
    cats = [ws.cell(head.row, c).value for c in range(11, 24)]
    chart = {
        name: dict(zip(cats, [ws.cell(head.row + i, c).value for c in range(11, 24)], strict=True))
        for i, name in enumerate(("poor", "poor_path", "near", "near_path"), start=1)
    }
    return table, chart


def test_trend_chart_path_is_straight_where_a_hamlet_is_missing(tmp_path):
    """The report's test commune (tests/test_report.py): March (*) is over 100 of the 150
    households. Its JSON path is made the one its own hamlets give (their start 4.00 %:
    4.00 - 1.52 x 3 / 12 = 3.62), as a run works it out; the chart drew the dashed line up
    from February's 3.08 to 3.62 and down to April's 2.83."""
    result = test_report.make_result()
    march = result.summary["trend"]["commune"][0]
    assert march["period"] == "2024-03" and not march["complete"]
    march["poor_target_rate"] = 4.0 - 1.52 * 3 / 12
    path = tmp_path / "march.xlsx"
    write_consolidated(result, path)
    table, chart = trend_chart(path)
    # The printed table keeps the JSON's figure for March.
    assert [(m, round(v, 2)) for m, v in table[:2]] == [("Đầu năm", 3.33), ("Tháng 3 (*)", 3.62)]
    # The chart: 3.333 (5 of 150) - 1.52 x month / 12, 0.127 a month, in March too.
    drawn = {m: round(v, 3) for m, v in chart["poor_path"].items()}
    assert [drawn[m] for m in ("Tháng 2", "Tháng 3 (*)", "Tháng 4")] == [3.08, 2.953, 2.827]
    assert drawn["Tháng 12"] == 1.813  # 3.333 - 1.52, the table's 'Mục tiêu cuối năm'
    assert round(dict(table)["Mục tiêu cuối năm 2024"], 3) == 1.813
    # The rates drawn are the table's: March 3.00 of its 100 households.
    assert chart["poor"]["Tháng 3 (*)"] == 3.0


def test_a_number_with_a_fraction_is_quoted_in_each_language():
    assert (as_shown(4.5), as_shown(4.5).en) == ("4,5", "4.5")
    assert (as_shown(-1968.75), as_shown(-1968.75).en) == ("-1968,75", "-1968.75")
    assert as_shown(as_shown(0.5)).en == "0.5"  # already made: kept
    assert as_shown(4.0) == "4" and as_shown("4,5") == "4,5"  # typed text stays as typed


def _lists_with_fractions(folder: Path) -> None:
    """Nà Mòn's list: NM1 of 4.5 members (an error), NM2 born 1968.7 (an error), NM3 earning
    -1.5 đồng (a warning)."""
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor", nhan_khau=4.5),
        person("NM2", "near_poor", nam_sinh=1968.7),
        person("NM3", "poor", thu_nhap=-1.5),
    ])  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", ("4.5", "1968.7", "-1.5")), ("vi", ("4,5", "1968,7", "-1,5"))]
)
def test_quoted_cell_numbers_read_in_the_run_language(tmp_path, lang, shown):
    _lists_with_fractions(tmp_path / "in")
    result, _, _ = execute(tmp_path / "in", tmp_path / "out", "2024-05", lang=lang)
    said = {i.code: i for i in result.issues if i.file == "NaMon.xlsx"}
    size, born, income = (
        said[c] for c in ("invalid-household-size", "invalid-birth-year", "negative-income")
    )
    assert [in_language(i.value, lang) for i in (size, born, income)] == list(shown)
    if lang == "en":
        assert size.message("en").startswith("'Số nhân khẩu' is '4.5', not a whole number")
        assert born.message("en").startswith("'Năm sinh' is '1968.7', not a year")
        assert income.message("en").startswith(
            f"Cell {income.cell} ('{income.column}') holds '-1.5', a negative number"
        )
    else:
        assert size.message("vi").startswith("'Số nhân khẩu' là '4,5', không phải số nguyên")
    # 'Lỗi dữ liệu' (its header in row 5): the value column and the message, as on screen
    ws = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")[
        "Lỗi dữ liệu"
    ]
    rows = {r[9]: r for r in ws.iter_rows(min_row=6, values_only=True) if r[9]}
    assert rows["invalid-household-size"][7] == shown[0]
    assert f"'{shown[0]}'" in rows["invalid-household-size"][10]
    assert rows["negative-income"][7] == shown[2]


def test_text_sanitised_says_where_in_english():
    first = sanitised_issue("DS_NaMon.xlsx", "Danh sách", 3, "C8")
    assert in_language(first.detail, "vi") == "ô đầu tiên C8"
    assert first.message("en").startswith(
        "Sheet 'Danh sách' has 3 place(s) holding non-printing control characters or text "
        "longer than 32,767 characters (first cell C8); those characters were replaced"
    )
    name = sanitised_issue("DS_NaMon.xlsx", "Danh sách", 1, "")
    assert "(the sheet's name)" in name.message("en")
    assert "(tên trang)" in name.message("vi")


def test_feedback_copy_title_prints_like_the_other_sheets(tmp_path):
    """Nà Mòn's list with errors gets a feedback workbook; its copy of 'Danh sách' wrote the
    list's title (row 1, merged across the table as the template merges it) in plain 11-point
    text, where every other sheet's title is bold 14."""
    _lists_with_fractions(tmp_path / "in")
    execute(tmp_path / "in", tmp_path / "out", "2024-05")
    wb = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    ws = wb["Danh sách"]
    title = ws["A1"]
    # The copy prints across two pages, STT to the head's name repeated on each: the title's
    # range on page one, clear of those columns, is too narrow for it in bold 14 or 13 points
    # on one line; in 12 it fits, kept whole as the head wrote it, on an 18-point row.
    # (12 until session 55: the header's columns, measured by their bold letters, are
    # narrower, the copy prints at 100 %, not 96 %, and A..O, less A..C twice, hold 548
    # pixels, not 633: the title is 541.8 in bold 11, 590.8 in 12. 12 again since session 56:
    # 'Năm sinh''s '1968.7' measured by its digits, 45 pixels, not 57 by its length, so page
    # one holds A..P, 971 pixels, and less A..C twice (179 each) and 3, 610.)
    assert title.value == "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"
    assert (title.font.b, title.font.sz, title.alignment.horizontal) == (True, 12, "center")
    assert ws.row_dimensions[1].height == 18
    # the line under it ('Xã Trung Lương') and the table are copied as they were
    assert (ws["A2"].value, ws["A2"].font.b, ws["A2"].font.sz) == ("Xã Trung Lương", False, 11)
    assert ws["A4"].value == "STT" and ws["A4"].font.sz == 11
    # the guide's title, for comparison: the same font
    guide = wb.worksheets[0]["A1"]
    assert (guide.font.b, guide.font.sz) == (True, 14)


def test_feedback_copy_pages_say_where_the_notes_print(tmp_path):
    """A cell's note does not print; its text does, on the guide's table, by cell ('Ô'). Each
    printed page of the copy now says so in its header."""
    _lists_with_fractions(tmp_path / "in")
    execute(tmp_path / "in", tmp_path / "out", "2024-05")
    wb = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    copy = wb["Danh sách"]
    assert copy.oddHeader.left.text == (
        "Bản sao tệp 'NaMon.xlsx' – ô tô đỏ: lỗi, ô tô vàng: cảnh báo; cần sửa gì: xem bảng ở "
        "trang 'Hướng dẫn sửa', theo cột 'Ô'"
    )
    note = "'Số nhân khẩu' là '4,5', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong hộ"
    assert copy["H5"].comment.text.startswith(note)
    guide = wb["Hướng dẫn sửa"]
    rows = [r for r in guide.iter_rows(values_only=True) if r[2] == "H5"]
    # STT, Trang, Ô, Dòng, Cột, Giá trị đã ghi, Mức độ, Cần sửa: the note's text, printed
    assert [r[:7] for r in rows] == [(1, "Danh sách", "H5", 5, "Số nhân khẩu", "4,5", "Lỗi")]
    assert rows[0][7].startswith(note)
