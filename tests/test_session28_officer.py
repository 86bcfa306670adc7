"""Session 28 (A2): the officer's side, tried with fresh eyes.

The plan's 'Tổng cộng' row that disagrees with its hamlets' rows was read past in silence: the
report sums the hamlet rows, while the officer (and the district) read the typed total. A
hamlet row added under the total row, or a total typed by hand and never corrected, is now
said at the total row's cells (`plan-total-differs`, a warning).

The small commune's plan (tests/commune.py): Nà Mòn (100, 3, 2, 1, 1) row 4, Bản Cọ
(200, 2, 1, 1, 1) row 5, Đồng Kè (150, 1, 1, 1, 1) row 6, 'Tổng cộng' row 7. The hamlets sum
to 450 households, 6 poor, 4 near-poor, targets 3 and 3.
"""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.messages import in_language
from pipeline.plan import load_plan
from pipeline.read import open_workbook
from tests.commune import write_plan

TARGETS = "Chỉ tiêu theo xóm"


def _plan(folder, rows: dict[int, list]):
    """The small commune's plan with whole rows of the targets table overwritten (A..F)."""
    path = write_plan(folder)
    book = openpyxl.load_workbook(path)
    for row, values in rows.items():
        for col, value in zip("ABCDEF", values, strict=True):
            book[TARGETS][f"{col}{row}"] = value
    book.save(path)
    return path


def _said(path):
    plan, issues = load_plan(open_workbook(path), path.name)
    return plan, [i for i in issues if i.code == "plan-total-differs"]


def test_a_typed_total_that_agrees_with_the_hamlets_is_not_said(tmp_path):
    # 100 + 200 + 150 = 450; 3 + 2 + 1 = 6; 2 + 1 + 1 = 4; 1 + 1 + 1 = 3 twice
    _, said = _said(_plan(tmp_path, {7: ["Tổng cộng", 450, 6, 4, 3, 3]}))
    assert said == []


def test_a_formula_total_without_a_value_is_not_said(tmp_path):
    # the fixture's '=SUM(B4:B6)' holds no calculated value (written by openpyxl): nothing to
    # compare, nothing said
    _, said = _said(write_plan(tmp_path))
    assert said == []


def test_a_typed_total_that_disagrees_is_said_at_its_cells(tmp_path):
    # 460 typed for 450 households, 7 for 6 poor; the rest agree
    plan, [issue] = _said(_plan(tmp_path, {7: ["Tổng cộng", 460, 7, 4, 3, 3]}))
    # the report still sums the hamlets' rows
    assert int(plan.hamlets["start_households"].sum()) == 450
    assert int(plan.hamlets["start_poor"].sum()) == 6
    assert (issue.severity, issue.sheet, issue.row, issue.cell, issue.column) == (
        "warning",
        TARGETS,
        7,
        "B7",
        "Tổng số hộ đầu năm",
    )
    assert issue.message("vi") == (
        "Dòng 'Tổng cộng' (dòng 7) của trang 'Chỉ tiêu theo xóm' khác với tổng các dòng xóm: "
        "cột B 'Tổng số hộ đầu năm' ghi 460, cộng các xóm được 450; cột C 'Số hộ nghèo đầu "
        "năm' ghi 7, cộng các xóm được 6. Báo cáo tính theo từng dòng xóm, không theo dòng "
        "tổng. Hãy xem lại: số của một xóm bị ghi sai, một xóm thêm ở dưới dòng tổng mà dòng "
        "tổng không cộng, hay dòng tổng gõ tay chưa sửa; sửa cho khớp rồi chạy lại."
    )
    assert issue.message("en").startswith(
        "The 'Tổng cộng' row (row 7) of sheet 'Chỉ tiêu theo xóm' differs from the sum of the "
        "hamlets' rows: column B 'Tổng số hộ đầu năm' holds 460, the hamlets sum to 450;"
    )


def test_a_hamlet_added_under_the_total_row_is_counted_and_the_total_said(tmp_path):
    # Nà Mới (50, 1, 1, 0, 0) written under a total typed for the three hamlets above it: the
    # plan has four hamlets; the hamlets now sum to 500 households, 7 poor, 5 near-poor, while
    # the targets (3, 3) still agree
    path = _plan(tmp_path, {7: ["Tổng cộng", 450, 6, 4, 3, 3], 8: ["Nà Mới", 50, 1, 1, 0, 0]})
    plan, [issue] = _said(path)
    assert sorted(plan.hamlets["hamlet"]) == ["Bản Cọ", "Nà Mòn", "Nà Mới", "Đồng Kè"]
    assert int(plan.hamlets["start_households"].sum()) == 500
    assert issue.cell == "B7"
    assert in_language(issue.detail, "vi") == (
        "cột B 'Tổng số hộ đầu năm' ghi 450, cộng các xóm được 500; cột C 'Số hộ nghèo đầu "
        "năm' ghi 6, cộng các xóm được 7; cột D 'Số hộ cận nghèo đầu năm' ghi 4, cộng các xóm "
        "được 5"
    )
    # `check` says it as the run does
    found = [i for i in check_files([path]) if i.code == "plan-total-differs"]
    assert [(i.cell, i.severity) for i in found] == [("B7", "warning")]


def test_two_total_rows_are_not_compared(tmp_path):
    # 'Cộng I' under Nà Mòn and Bản Cọ (100 + 200 = 300 ...), and 'Tổng cộng' under Đồng Kè:
    # which rows each adds is not known, so neither is compared (no false warning for a
    # subtotal, though 'Cộng I' is not the hamlets' sum of 450)
    path = _plan(
        tmp_path,
        {6: ["Cộng I", 300, 5, 3, 2, 2], 7: ["Đồng Kè", 150, 1, 1, 1, 1]},
    )
    book = openpyxl.load_workbook(path)
    for col, value in zip("ABCDEF", ["Tổng cộng", 450, 6, 4, 3, 3], strict=True):
        book[TARGETS][f"{col}8"] = value
    book.save(path)
    _, said = _said(path)
    assert said == []


def test_a_numbered_total_row_is_compared_too(tmp_path):
    # '4 | Tổng cộng' with an STT column before the hamlets' names: the label is the row's
    # first text; 449 typed for 450 households
    def numbered(book):
        sheet = book[TARGETS]
        sheet.insert_cols(1)
        sheet["A3"] = "STT"
        for row, number in ((4, 1), (5, 2), (6, 3), (7, 4)):
            sheet[f"A{row}"] = number
        for col, value in zip("BCDEFG", ["Tổng cộng", 449, 6, 4, 3, 3], strict=True):
            sheet[f"{col}7"] = value

    path = write_plan(tmp_path)
    book = openpyxl.load_workbook(path)
    numbered(book)
    book.save(path)
    _, [issue] = _said(path)
    assert (issue.cell, issue.value) == ("C7", "Tổng cộng")
    assert in_language(issue.detail, "vi") == (
        "cột C 'Tổng số hộ đầu năm' ghi 449, cộng các xóm được 450"
    )
