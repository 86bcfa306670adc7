"""Session 48 (helper A): the plan's start list says every cell read blank for a formula error
('#REF!', '#VALUE!') or a formula without a saved value, as a hamlet's list does: in a column
a household does not need (the head's birth year, the ID, the ethnic group), past five of a
column once; its 'Xóm' past five once; a class mark cell as the formula it is.

The small commune's plan (tests.commune): its start list 'Danh sách đầu năm' has its header in
row 3, B 'Xóm', C 'Mã hộ', E 'Năm sinh', G 'Dân tộc', H 'Số định danh cá nhân', I 'Số nhân
khẩu'; its 10 households in rows 4 to 13: Nà Mòn's NM1 to NM5 (rows 4-8), Bản Cọ's BC1 to BC3
(rows 9-11), Đồng Kè's DK1, DK2 (rows 12, 13), each head born 1970, 'Tày'."""

from __future__ import annotations

import pandas as pd

from tests.test_session47_start_required_formulas import start_said

ALL = ["BC1", "BC2", "BC3", "DK1", "DK2", "NM1", "NM2", "NM3", "NM4", "NM5"]


# --- 1. a column a household does not need -------------------------------------------------


def test_an_optional_value_not_read_from_a_formula_is_said_at_its_cell(tmp_path):
    """E4 '#REF!' (NM1's birth year), H5 '#VALUE!' (NM2's ID), G6 '=A1+1' (NM3's ethnic group,
    a formula openpyxl saves without its value). Each was read blank and said nowhere (fails
    before: nothing said). Now each at its cell, as a hamlet's list says it, the formula in
    the plan's words; the figures as before: the 10 households kept, those three values
    blank."""
    cells = {"E4": "#REF!", "H5": "#VALUE!", "G6": "=A1+1"}
    said, start = start_said(tmp_path, cells)
    assert [(i.code, i.cell, i.row, i.variant, i.value, i.hamlet) for i in said] == [
        ("optional-cell-error-value", "E4", 4, "", "#REF!", "Nà Mòn"),
        ("optional-cell-error-value", "H5", 5, "", "#VALUE!", "Nà Mòn"),
        ("optional-formula-without-value", "G6", 6, "plan", "", "Nà Mòn"),
    ]
    assert said[0].message("vi") == (
        "Ô E4 ('Năm sinh') hiện lỗi '#REF!' (công thức hỏng hoặc tham chiếu ô đã xóa); hộ vẫn "
        "được tính nhưng không có giá trị của cột này. Hãy ghi giá trị đúng vào ô này."
    )
    assert said[2].message("vi") == (
        "Ô G6 ('Dân tộc') có công thức nhưng không có giá trị đã lưu (tệp được lưu bằng chương "
        "trình khác Excel); hộ vẫn được tính nhưng không có giá trị của cột này. Hãy mở tệp "
        "bằng Excel và nhấn Lưu, hoặc ghi giá trị vào ô này, rồi chạy lại."
    )
    assert sorted(start.index) == ALL
    assert pd.isna(start.loc["NM1", "nam_sinh"]) and start.loc["NM2", "nam_sinh"] == 1970
    assert not start.loc["NM2", "so_dinh_danh"] and start.loc["NM1", "so_dinh_danh"]
    assert not start.loc["NM3", "dan_toc"] and start.loc["NM4", "dan_toc"] == "Tày"


def test_optional_values_not_read_past_five_are_said_once_naming_the_rows(tmp_path):
    """E4 to E11 '#REF!' (8 birth years, NM1 to BC3): said once at E4 naming rows 4–11 (variant
    'plan-rows', as the income's; fails before: nothing said); the 10 households kept, 8 of
    them without a birth year."""
    said, start = start_said(tmp_path, {f"E{row}": "#REF!" for row in range(4, 12)})
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("optional-cell-error-value", "E4", "plan-rows")
    ]
    assert said[0].message("vi") == (
        "'Năm sinh' hiện lỗi ở 8 dòng hộ (các dòng 4–11), như '#REF!' ở ô E4 (công thức hỏng "
        "hoặc tham chiếu ô đã xóa): đọc là để trống. Hãy ghi giá trị đúng vào các ô này. Các hộ "
        "vẫn được tính."
    )
    assert sorted(start.index) == ALL
    assert start["nam_sinh"].isna().sum() == 8
    assert start.loc[["DK1", "DK2"], "nam_sinh"].tolist() == [1970, 1970]


# --- 2. the 'Xóm' column past five --------------------------------------------------------


def test_hamlets_not_read_past_five_are_said_once_naming_the_rows(tmp_path):
    """B4 to B10 '#REF!' (NM1 to BC2's 'Xóm'), B11 '=A1+1' (BC3's): the 7 errors were said
    one line a row (fails before: 7 lines); now once at B4 naming rows 4–10 (variant
    'error-rows'), the one formula at its cell as before. The 8 households left out as before:
    DK1, DK2 kept."""
    cells = {f"B{row}": "#REF!" for row in range(4, 11)}
    said, start = start_said(tmp_path, {**cells, "B11": "=A1+1"})
    assert [(i.code, i.cell, i.row, i.variant, i.value) for i in said] == [
        ("start-list-hamlet-blank", "B4", 4, "error-rows", "#REF!"),
        ("start-list-hamlet-blank", "B11", 11, "formula", ""),
    ]
    assert said[0].message("vi") == (
        "'Xóm' hiện lỗi ở 7 dòng hộ (các dòng 4–10), như '#REF!' ở ô B4 (công thức hỏng hoặc "
        "tham chiếu ô đã xóa), không phải ô trống: không biết các hộ này thuộc xóm nào nên các "
        "hộ không được tính vào danh sách đầu năm. Hãy sửa công thức hoặc ghi tên xóm như trong "
        "kế hoạch (Nà Mòn, Bản Cọ, Đồng Kè) vào các ô này rồi chạy lại."
    )
    assert said[0].message("en") == (
        "'Xóm' shows an error in 7 household rows (rows 4–10), such as '#REF!' at B4 (a broken "
        "formula, or a reference to a deleted cell), not an empty cell: these households' "
        "hamlet is unknown, so they are left out of the start-of-year list. Correct the formula "
        "or write the hamlet names as the plan has them (Nà Mòn, Bản Cọ, Đồng Kè) in these "
        "cells, then run again."
    )
    assert sorted(start.index) == ["DK1", "DK2"]


def test_hamlet_formulas_past_five_are_said_once_naming_the_rows(tmp_path):
    """B4 to B9 '=A1+1' (6 formulas without values, NM1 to BC1): said once at B4 naming rows
    4–9 (variant 'formula-rows'; fails before: 6 lines); the six left out as before."""
    said, start = start_said(tmp_path, {f"B{row}": "=A1+1" for row in range(4, 10)})
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("start-list-hamlet-blank", "B4", "formula-rows")
    ]
    assert (
        said[0]
        .message("vi")
        .startswith(
            "'Xóm' có công thức nhưng không có giá trị đã lưu ở 6 dòng hộ (các dòng 4–9), như ở ô "
            "B4 (tệp được lưu bằng chương trình khác Excel), không phải ô trống: không biết các hộ "
            "này thuộc xóm nào"
        )
    )
    assert sorted(start.index) == ["BC2", "BC3", "DK1", "DK2"]


# --- 3. a class mark cell -------------------------------------------------------------------


def test_a_class_mark_not_read_from_a_formula_is_said_as_the_formula(tmp_path):
    """The start list marking its classes under 'Phân loại hộ' over 'Hộ nghèo | Hộ cận
    nghèo' (F, G; tests.test_class_marks, households from row 5). G9 '#VALUE!' (NM5's
    near-poor mark '✓', its only one) was said "các ô F9, G9 đều để trống" (no mark); G6 '#REF!'
    beside NM2's 'x' in F6 was said nowhere and NM2 counted poor (fails before: 2 of 2). Now
    each is said at its cell as the formula error it is, and both households are left out, as
    a hamlet's list leaves them (its class is not sure); DK3 (no mark) and DK4 (two) as
    before."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.test_class_marks import plan_with_marked_start_list

    plan = plan_with_marked_start_list(tmp_path, ".xlsx")
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert [sheet[c].value for c in ("C6", "F6", "C9", "G9")] == ["NM2", "x", "NM5", "✓"]
    sheet["G6"], sheet["G9"] = "#REF!", "#VALUE!"
    book.save(plan)
    said = [i for i in check_files([plan]) if i.sheet == "Danh sách đầu năm"]
    assert [(i.code, i.cell, i.variant, i.value) for i in said] == [
        ("cell-error-value", "G6", "plan", "#REF!"),
        ("cell-error-value", "G9", "plan", "#VALUE!"),
        ("class-marks-none", "F15", "", ""),
        ("class-marks-several", "F16", "", "x"),
    ]
    assert said[1].message("vi") == (
        "Ô G9 ('Hộ cận nghèo') hiện lỗi '#VALUE!' (công thức hỏng hoặc tham chiếu ô đã xóa), "
        "không phải ô trống; hộ chưa được tính vào danh sách đầu năm. Hãy sửa công thức hoặc "
        "ghi giá trị đúng vào ô này rồi chạy lại."  # its own cell (session 50's review)
    )
    loaded, _ = load_plan(open_workbook(plan), plan.name)
    start = loaded.start_list.set_index("ma_ho")
    assert sorted(start.index) == ["BC1", "BC2", "BC3", "DK1", "DK2", "NM1", "NM3", "NM4"]
    assert start.loc[["NM1", "NM4"], "phan_loai"].tolist() == ["poor", "near_poor"]
