"""Session 21: a 'Đầu kỳ' mark cell holding a formula without a value, or an error value
(docs/decisions.md).

In a 'Phân loại hộ' over 'Đầu kỳ | Cuối kỳ' list, a row with nothing under 'Cuối kỳ' has its
class read from its 'Đầu kỳ' marks (one mark: it left both lists). A formula saved without its
value or a cell showing '#REF!' there was read as blank, so such a row was said marked nowhere
('class-marks-none'). It is said as what it is at that cell, as under 'Cuối kỳ', and the row
is not counted; where the row is marked under 'Cuối kỳ', its 'Đầu kỳ' cells are not read.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import write_plan
from tests.summaries import hamlet_figures
from tests.test_class_marks import START_ONLY_ROWS, two_times_sheet, write_na_mon

CODES = ("formula-without-value", "cell-error-value", "class-marks-none",
         "class-marks-several", "invalid-classification", "exited-not-listed-at-start")  # fmt: skip
NO_VALUE = '=IF(1,"x","")'  # openpyxl writes the formula and no value, as some programs save


def _list_with_unread_start_cells(folder: Path) -> Path:
    """Nà Mòn's 'Đầu kỳ | Cuối kỳ' list of START_ONLY_ROWS (from row 6: F, G the class at the
    start, H, I at the end), with F6 (NM1, poor at the end too) and F8 (NM3, its only mark) a
    formula without a value, G9 (NM4's only mark) '#REF!', and G14 (beside NM9's one 'Đầu kỳ'
    mark F14) a formula without a value."""
    path = write_na_mon(folder, two_times_sheet(), START_ONLY_ROWS, 5, "NaMon.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet["F6"], sheet["F8"], sheet["G14"] = NO_VALUE, NO_VALUE, NO_VALUE
    sheet["G9"] = "#REF!"
    assert sheet["G9"].data_type == "e"  # an error cell, as Excel saves '#REF!'
    book.save(path)
    return path


def _said(issues) -> list[tuple]:
    return sorted((i.row, i.code, i.cell, i.column, i.value, i.severity)
                  for i in issues if i.code in CODES and i.file == "NaMon.xlsx")  # fmt: skip


def test_a_đầu_kỳ_mark_without_a_value_is_said_at_its_cell_and_the_row_not_counted(tmp_path):
    """By hand (the start list: NM1-3 poor, NM4-5 near-poor). NM3's only mark F8 and NM4's G9
    are said at those cells, named as the list heads them, not as rows marked nowhere; neither
    is counted (not counted, not exited). NM9 (F14 'x', G14 a formula) could be marked twice:
    said at G14, not counted (so not said as an exited household on no start list). NM1 is
    marked under 'Cuối kỳ' (H6): F6 is not read, nothing said, NM1 counted poor.
    Poor: 3 at the start - 1 to near-poor (NM2) - 1 not counted (NM3) + 1 from near-poor (NM5)
    + 1 new (NM6) = 3 (NM1, NM5, NM6); near-poor: 2 - 1 to poor (NM5) - 1 not counted (NM4)
    + 1 from poor (NM2) = 1. NM7, NM8, NM10 as before. `check` and the feedback say the same."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    path = _list_with_unread_start_cells(folder)
    result = execute(folder, out, None)[0]
    said = _said(result.issues)
    start = "Đầu kỳ Hộ "  # its time and its own cell (session 50's review)
    end = "Phân loại hộ Cuối kỳ"
    assert said == [
        (8, "formula-without-value", "F8", start + "nghèo", "", "error"),
        (9, "cell-error-value", "G9", start + "cận nghèo", "#REF!", "error"),
        (12, "class-marks-none", "H12", end, "", "error"),
        (13, "class-marks-several", "H13", end, "x", "error"),
        (14, "formula-without-value", "G14", start + "cận nghèo", "", "error"),
        (15, "class-marks-none", "H15", end, "", "error"),
    ]
    [f8] = [i for i in result.issues if i.cell == "F8"]
    assert f8.message("vi") == (
        "Ô F8 ('Đầu kỳ Hộ nghèo') có công thức nhưng không có giá trị đã tính (tệp được lưu "
        "bằng chương trình khác Excel); hộ chưa được tính. Hãy mở tệp bằng Excel, nhấn Lưu rồi "
        "gửi lại."
    )
    assert not [i for i in result.issues if i.row == 6 and i.file == "NaMon.xlsx"]

    read = result.households.set_index("ma_ho")
    assert not read.loc[["NM3", "NM4", "NM9"], "valid"].any()
    assert (read.at["NM1", "phan_loai"], bool(read.at["NM1", "valid"])) == ("poor", True)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 1)
    poor, near = na_mon["movements"]["poor"], na_mon["movements"]["near_poor"]
    assert {k: v for k, v in poor.items() if v} == {
        "start": 3, "to_near_poor": 1, "not_counted": 1, "from_near_poor": 1, "new": 1, "end": 3,
    }  # fmt: skip
    assert {k: v for k, v in near.items() if v} == {
        "start": 2, "to_poor": 1, "not_counted": 1, "from_poor": 1, "end": 1,
    }  # fmt: skip

    # `giamngheo check` says the same of the rows
    assert _said(check_files([path, folder / "KeHoach_2024.xlsx"])) == said
    # the head's feedback: at F8 and G9, in the guide and as the cells' notes
    feedback = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    guide = [r for r in feedback["Hướng dẫn sửa"].iter_rows(values_only=True) if r and r[0]]
    at = {r[2]: r for r in guide if r[2] in ("F8", "G9")}
    assert at["F8"][1:5] == ("Danh sách", "F8", 8, start + "nghèo")
    assert at["F8"][6:] == ("Lỗi", f8.message("vi"))
    assert at["G9"][6] == "Lỗi" and at["G9"][7].startswith(
        f"Ô G9 ('{start}cận nghèo') hiện lỗi '#REF!'"
    )
    assert feedback["Danh sách"]["G9"].comment.text.startswith("Ô G9 (")
