"""Session 28 (helper B): wording on 'Tổng hợp' and in the CLI.

* section V's reporting row says the fraction once: "Số xóm đã tổng hợp / số xóm phải nộp |
  2/3", the two counts those of the JSON;
* the 'Số lỗi' row's note fits one line, the row one line high;
"""

from __future__ import annotations

import dataclasses

import openpyxl

from pipeline.report.cells import wrapped_lines
from pipeline.report.labels import t
from pipeline.report.summary import WIDTHS
from pipeline.report.workbook import write_consolidated
from tests import test_report

# --- 'Tổng hợp', section V --------------------------------------------------------------------


def _summary_sheet(tmp_path, lang: str):
    """test_report's commune (2 of its 3 hamlets accepted, 1 error) written in ``lang``."""
    result = dataclasses.replace(test_report.make_result(), lang=lang)
    path = tmp_path / f"TongHop_{lang}.xlsx"
    write_consolidated(result, path)
    return result, openpyxl.load_workbook(path)["Tổng hợp"]


def _row_of(ws, label: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)


def test_the_reporting_row_says_the_fraction_once(tmp_path):
    """The JSON's reporting is 2 accepted of 3 expected: the value cell holds "2/3" alone
    (it said "Đã tổng hợp 2/3 xóm" beside the label "Số xóm đã tổng hợp"), the label says
    what each side counts."""
    for lang, label in (
        ("vi", "Số xóm đã tổng hợp / số xóm phải nộp"),
        ("en", "Hamlets consolidated / expected"),
    ):
        result, ws = _summary_sheet(tmp_path, lang)
        reporting = result.summary["reporting"]
        row = _row_of(ws, label)
        assert ws.cell(row, 2).value == "2/3"
        assert ws.cell(row, 2).value == f"{reporting['accepted']}/{reporting['expected']}"
        # the rate under it: 2/3 = 66.67 %, the JSON's
        assert ws.cell(row + 1, 2).value == reporting["rate"]
        assert abs(ws.cell(row + 1, 2).value - 200 / 3) < 1e-9


# --- 'Tổng hợp', the 'Số lỗi' row --------------------------------------------------------------


def test_the_errors_row_is_one_line_high(tmp_path):
    """Its note was 67 characters ("Dòng hoặc tệp có lỗi không được tính; chi tiết: trang
    'Lỗi dữ liệu'") in a column of 58 (63 characters as fit_row counts): the row was set two
    lines high (30 pt). Now 58 and 62 characters: no height set, the sheet's default."""
    for lang, label, note in (
        ("vi", "Số lỗi", "Không tính dòng, tệp có lỗi; chi tiết: trang 'Lỗi dữ liệu'"),
        ("en", "Errors", "Rows, files with errors left out; details: sheet 'Lỗi dữ liệu'"),
    ):
        assert t("sum.note.errors", lang) == note
        assert wrapped_lines([(note, WIDTHS[3])]) == 1
        result, ws = _summary_sheet(tmp_path, lang)
        row = _row_of(ws, label)
        assert ws.cell(row, 2).value == result.summary["issues"]["errors"] == 1
        assert ws.cell(row, 4).value == note
        assert ws.row_dimensions[row].height in (None, 15.75)  # not 30
