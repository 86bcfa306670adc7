"""Session 24: the feedback copy of a cell holding a formula without a calculated value.

Nà Mòn's May list (tests/test_session23_rows.py), saved by openpyxl, which writes formulas
with no calculated value: A5 '=ROW()-4' (STT), J6 '=1000*1200' (an income: a warning), H7
'=2+2' (a size: an error, the household left out), Z8 '="ghi chú"' (a note) and a total row
11, 'Tổng cộng' with H11 '=SUM(H5:H10)'. The copy showed each blank; it now shows the
formula as text (a string cell, never a live formula), and a cell no issue marks has a note
saying what it holds and that nothing needs fixing there.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY, na_mon_in_summary, with_lines

FORMULAS = {"A5": "=ROW()-4", "J6": "=1000*1200", "H7": "=2+2", "Z8": '="ghi chú"'}


def _run(tmp_path: Path):
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    with_lines(roster, [{"C": "Tổng cộng", "H": "=SUM(H5:H10)"}])
    book = openpyxl.load_workbook(roster)
    for cell, formula in FORMULAS.items():
        book["Danh sách"][cell] = formula
    book.save(roster)
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    copy = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return result, copy


def test_formulas_without_a_value_show_as_text_with_a_note(tmp_path):
    result, copy = _run(tmp_path)
    na_mon = na_mon_in_summary(result.summary)
    # H7 is NM3's row (exited): left out, the counts stand
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 1
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Nà Mòn"]
    assert said == [("optional-formula-without-value", "J6"), ("formula-without-value", "H7")]
    sheet = openpyxl.load_workbook(copy)["Danh sách"]
    shown = {cell: (sheet[cell].value, sheet[cell].data_type) for cell in [*FORMULAS, "H11"]}
    assert shown == {
        "A5": ("=ROW()-4", "s"),
        "J6": ("=1000*1200", "s"),
        "H7": ("=2+2", "s"),
        "Z8": ('="ghi chú"', "s"),
        "H11": ("=SUM(H5:H10)", "s"),
    }
    assert sheet["C11"].value == "Tổng cộng"
    # a cell no issue marks: a note of its own, no colour
    assert sheet["H11"].comment.text == (
        "Ô H11 có công thức =SUM(H5:H10) nhưng tệp không lưu kết quả đã tính (tệp được lưu "
        "bằng chương trình khác Excel), nên bản sao này ghi công thức dưới dạng chữ. Ô này "
        "không được đọc để tính số liệu nên không cần sửa; muốn thấy kết quả, hãy mở tệp gốc "
        "bằng Excel rồi lưu lại."
    )
    assert sheet["A5"].comment.text.startswith("Ô A5 có công thức =ROW()-4 nhưng")
    assert sheet["H11"].fill.fgColor.rgb == "00000000"
    # a marked cell keeps its issue's note and colour, and shows its formula
    assert sheet["H7"].comment.text.startswith("Ô H7 ('Số nhân khẩu') có công thức")
    assert "không cần sửa" not in sheet["H7"].comment.text
    assert sheet["H7"].fill.fgColor.rgb == "FFFFC7CE"
    # no cell of the copy is a live formula
    with zipfile.ZipFile(copy) as package:
        xml = package.read("xl/worksheets/sheet3.xml")
    assert re.search(rb"<f[\s>]", xml) is None


def test_a_copy_without_formulas_has_no_formula_notes(tmp_path):
    """The same list with every cell a value: no note beyond the issues' (none here)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    book["Danh sách"]["H7"] = "bốn"  # an error, so that the list gets a feedback copy
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    copy = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    sheet = openpyxl.load_workbook(copy)["Danh sách"]
    noted = [c.coordinate for row in sheet.iter_rows() for c in row if c.comment]
    assert noted == ["H7"]
