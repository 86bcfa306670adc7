"""Session 23: a known column's header written twice, or split by months (docs/decisions.md).

Nà Mòn's May list: NM1 poor, NM2 near-poor, NM3 exited, NM4 near-poor, NM5 poor, NM6 poor
(3 poor, 2 near-poor). A second class column beside 'Phân loại hộ' holds an older class:
NM2 'Hộ nghèo' there (read, it would make 4 poor, 1 near-poor). Bản Cọ: BC1, BC2 poor, BC3
near-poor, as written. The list is read as the head means it, or refused: never the first
column silently, never the other one called "not in the template".
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster

CLASS_COL = 9  # 'Phân loại hộ' in the template (I)
SIZE_COL = 8  # 'Số nhân khẩu' (H)
CURRENT = {"NM1": "Hộ nghèo", "NM2": "Hộ cận nghèo", "NM3": "Thoát", "NM4": "Hộ cận nghèo",
           "NM5": "Hộ nghèo", "NM6": "Hộ nghèo"}  # fmt: skip
OLDER = {**CURRENT, "NM2": "Hộ nghèo"}
SAID = {"unknown-column", "column-twice", "column-twice-ignored"}


def _commune(folder: Path) -> Path:
    write_plan(folder)
    rows = [person(code, {"Hộ nghèo": "poor", "Hộ cận nghèo": "near_poor"}.get(c, "exited"))
            for code, c in CURRENT.items()]  # fmt: skip
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip
    return path


def _second_column(path: Path, col: int, header, values: dict, *, before: bool,
                   two_rows: tuple | None = None, hide: str = "") -> None:  # fmt: skip
    """A second column of ``col``'s header (``header``) holding ``values`` by Mã hộ, put
    before or after it; ``two_rows``: the two headers written under ``col``'s one, merged
    over both (the older, the current); ``hide``: 'older' or 'current' hides that column."""
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for merged in list(sheet.merged_cells.ranges):
        sheet.unmerge_cells(str(merged))
    sheet.insert_cols(col + (0 if before else 1))
    new = col if before else col + 1
    current = col + 1 if before else col
    sheet.cell(4, new).value = header
    for row in range(5, 11):
        sheet.cell(row, new).value = values[sheet.cell(row, 2).value]
    if two_rows is not None:
        sheet.insert_rows(5)
        older_text, current_text = two_rows
        sheet.cell(5, new).value = older_text
        sheet.cell(5, current).value = current_text
        sheet.cell(4, new).value = sheet.cell(4, current).value
        first, last = min(new, current), max(new, current)
        sheet.cell(4, first).value = sheet.cell(4, current).value
        sheet.cell(4, last).value = None
        sheet.merge_cells(start_row=4, start_column=first, end_row=4, end_column=last)
        for c in range(1, sheet.max_column + 1):
            if c not in (first, last) and sheet.cell(4, c).value is not None:
                sheet.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
    if hide:
        hidden = new if hide == "older" else current
        sheet.column_dimensions[openpyxl.utils.get_column_letter(hidden)].hidden = True
    book.save(path)


def _run(folder: Path):
    result, _ = collect(folder, "2024-05", workers=0)
    hamlets = {h["hamlet"]: h for h in result.summary["hamlets"]}
    checked = check_files(sorted(folder.iterdir()))
    return result, hamlets, checked


def _said(issues) -> list[tuple]:
    return sorted((i.code, i.cell, i.variant, i.message("vi"), i.message("en"))
                  for i in issues if i.code in SAID)  # fmt: skip


def _counted(hamlets: dict, poor: int, near: int) -> None:
    assert (hamlets["Nà Mòn"]["status"], hamlets["Nà Mòn"]["poor"],
            hamlets["Nà Mòn"]["near_poor"]) == ("ok", poor, near)  # fmt: skip
    assert (hamlets["Bản Cọ"]["poor"], hamlets["Bản Cọ"]["near_poor"]) == (2, 1)


@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
@pytest.mark.parametrize(
    "times",
    [
        ("Tháng 4", "Tháng 5"),
        ("T4/2024", "T5/2024"),
        ("04/2024", "05/2024"),
        ("Tháng trước", "Tháng này"),
        ("Đầu kỳ", "Cuối kỳ"),
    ],  # fmt: skip
)
def test_a_class_split_by_months_reads_the_lists_month(tmp_path, before, times):
    """'Phân loại hộ' over 'Tháng 4 | Tháng 5' in a May list: May's class is read, whatever
    the columns' order; April's is an earlier time, not read and not said."""
    path = _commune(tmp_path)
    _second_column(path, CLASS_COL, None, OLDER, before=before, two_rows=times)
    result, hamlets, checked = _run(tmp_path)
    _counted(hamlets, 3, 2)
    assert _said(result.issues) == [] == _said(checked)


def test_a_month_after_the_lists_own_is_no_earlier_time(tmp_path):
    """'Tháng 5 | Tháng 6' in a May list: May's (the list's month) is read; June's, after it,
    holding the other classes, is not."""
    path = _commune(tmp_path)
    _second_column(path, CLASS_COL, None, OLDER, before=False, two_rows=("Tháng 6", "Tháng 5"))
    result, hamlets, checked = _run(tmp_path)
    _counted(hamlets, 3, 2)


@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
def test_a_class_column_twice_that_differs_refuses_the_list(tmp_path, before):
    """Two 'Phân loại hộ' columns that differ (NM2): which is right cannot be told; the list
    is refused, said at both header cells, in a run and in check alike."""
    path = _commune(tmp_path)
    _second_column(path, CLASS_COL, "Phân loại hộ", OLDER, before=before)
    result, hamlets, checked = _run(tmp_path)
    assert hamlets["Nà Mòn"]["status"] == "rejected"
    assert (hamlets["Bản Cọ"]["poor"], hamlets["Bản Cọ"]["near_poor"]) == (2, 1)
    vi = ("Cột 'Phân loại hộ' có hai lần (I4 và J4) và hai cột ghi khác nhau ở 1 dòng hộ, đầu "
          "tiên là dòng 6: không biết cột nào đúng nên danh sách chưa được tổng hợp. Hãy xóa "
          "hoặc đổi tên cột không dùng (số liệu cũ có thể ghi là 'Phân loại hộ tháng trước') "
          "rồi gửi lại.")  # fmt: skip
    en = ("Column 'Phân loại hộ' appears twice (I4 and J4) and the two differ in 1 household "
          "row(s), the first row 6: which one is right cannot be told, so the list is not "
          "counted. Delete or rename the column not in use (old figures can be headed 'Phân "
          "loại hộ tháng trước') and send the file again.")  # fmt: skip
    expected = [("column-twice", "I4", "", vi, en), ("column-twice", "J4", "", vi, en)]
    assert _said(result.issues) == expected == _said(checked)
    assert all(i.severity == "error" and i.file == "NaMon.xlsx"
               for i in result.issues if i.code == "column-twice")  # fmt: skip


def test_the_older_column_renamed_as_the_message_says_is_not_read(tmp_path):
    """The advice followed: the older column headed 'Phân loại hộ tháng trước' is an earlier
    time: the list counts, nothing said."""
    path = _commune(tmp_path)
    _second_column(path, CLASS_COL, "Phân loại hộ tháng trước", OLDER, before=True)
    result, hamlets, checked = _run(tmp_path)
    _counted(hamlets, 3, 2)
    assert _said(result.issues) == [] == _said(checked)


@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
def test_a_hidden_class_column_twice_reads_the_visible_one(tmp_path, before):
    """The older 'Phân loại hộ' hidden: the one the head sees is read, a warning at the
    hidden one's header cell."""
    path = _commune(tmp_path)
    _second_column(path, CLASS_COL, "Phân loại hộ", OLDER, before=before, hide="older")
    result, hamlets, checked = _run(tmp_path)
    _counted(hamlets, 3, 2)
    hidden, shown = ("I4", "J4") if before else ("J4", "I4")
    vi = (f"Cột 'Phân loại hộ' có hai lần: cột ở ô {hidden} đang bị ẩn nên không được đọc; đã "
          f"đọc cột đang hiện ở ô {shown}. Nếu cột ẩn chỉ là số liệu cũ, hãy xóa nó để khỏi "
          f"nhầm; nếu cột ẩn mới đúng, hãy xóa cột ở ô {shown} rồi hiện lại cột ẩn và gửi lại.")  # fmt: skip
    said = _said(result.issues)
    assert [s[:4] for s in said] == [("column-twice-ignored", hidden, "hidden", vi)]
    assert said == _said(checked)
    assert all(i.severity == "warning" for i in result.issues if i.code in SAID)


def test_a_size_column_twice_alike_is_read_with_a_warning(tmp_path):
    """'Số nhân khẩu' twice, the same in every row: read, a warning at the second one."""
    path = _commune(tmp_path)
    _second_column(path, SIZE_COL, "Số nhân khẩu", {c: 4 for c in CURRENT}, before=False)
    result, hamlets, checked = _run(tmp_path)
    _counted(hamlets, 3, 2)
    vi = ("Cột 'Số nhân khẩu' có hai lần (H4 và I4), ghi giống nhau ở mọi dòng: đã đọc cột H, "
          "không cần sửa. Nên xóa cột thừa để hai cột không bị ghi khác nhau.")  # fmt: skip
    said = _said(result.issues)
    assert [s[:4] for s in said] == [("column-twice-ignored", "I4", "", vi)]
    assert said == _said(checked)


def test_a_size_column_twice_that_differs_refuses_the_list(tmp_path):
    """'Số nhân khẩu' twice, NM1 7 in the first, 4 in the second: refused, not 7 read."""
    path = _commune(tmp_path)
    book = openpyxl.load_workbook(path)
    book["Danh sách"].cell(5, SIZE_COL).value = 7
    book.save(path)
    _second_column(path, SIZE_COL, "Số nhân khẩu", {c: 4 for c in CURRENT}, before=False)
    result, hamlets, checked = _run(tmp_path)
    assert hamlets["Nà Mòn"]["status"] == "rejected"
    said = _said(result.issues)
    assert [s[:2] for s in said] == [("column-twice", "H4"), ("column-twice", "I4")]
    assert "ở 1 dòng hộ, đầu tiên là dòng 5" in said[0][3]
    assert said == _said(checked)


def test_a_note_column_twice_is_read_as_the_first(tmp_path):
    """'Ghi chú' twice: no figure changes; the first is read, the other said only where it
    holds something else, and never as a column not in the template."""
    path = _commune(tmp_path)
    notes = {c: None for c in CURRENT}
    book = openpyxl.load_workbook(path)
    note_col = next(c for c in range(1, 40) if book["Danh sách"].cell(4, c).value == "Ghi chú")
    _second_column(path, note_col, "Ghi chú", notes, before=False)
    result, hamlets, checked = _run(tmp_path)
    _counted(hamlets, 3, 2)
    assert _said(result.issues) == [] == _said(checked)
    book = openpyxl.load_workbook(path)
    book["Danh sách"].cell(6, note_col + 1).value = "chuyển đến từ xóm khác"
    book.save(path)
    result, hamlets, checked = _run(tmp_path)
    _counted(hamlets, 3, 2)
    said = _said(result.issues)
    assert [s[:3] for s in said] == [("column-twice-ignored", f"{_letter(note_col + 1)}4", "notes")]
    assert said == _said(checked)


def _letter(col: int) -> str:
    return openpyxl.utils.get_column_letter(col)
