"""Session 47 (helper R): the income leftovers of the second review of the reading leftovers
(tests/test_session47_reading_left_review.py). Each finding pinned by a small fixture worked
out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor); H 'Số nhân khẩu' (all 4), J 'Thu nhập BQ (đồng/người/tháng)' (all 1,200,000), Z
'Ghi chú' (blank). The plan's start list 'Danh sách đầu năm': header in row 3, K the income,
its 10 households NM1 to DK2 in rows 4 to 13."""

from __future__ import annotations


def _incomes(result) -> list:
    return result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist()


def _start_said(tmp_path, cells: dict):
    """The plan with its start list's ``cells`` written: what `check` says of it, past its
    targets, and the start list loaded."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.commune import past_targets, write_plan

    plan = write_plan(tmp_path)
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert [sheet[f"C{r}"].value for r in (4, 13, 14)] == ["NM1", "DK2", None]
    for cell, value in cells.items():
        sheet[cell] = value
    book.save(plan)
    said = past_targets([i for i in check_files([plan]) if i.file == plan.name])
    loaded, _ = load_plan(open_workbook(plan), plan.name)
    return said, loaded.start_list.set_index("ma_ho")


# --- 1. a formula error or a formula without a value in the start list's income ---------------


def test_the_start_lists_income_not_read_from_a_formula_is_said_at_its_cell(tmp_path):
    """K4 '#REF!', K5 '#VALUE!' (error values), K6 '=A1+1' (a formula openpyxl saves without
    its value). Each was read as blank and said nowhere (fails before: nothing said; a hamlet's
    list says each). Now each is said at its cell in the rosters' words
    (optional-cell-error-value, optional-formula-without-value), in row order; the start list
    as before: 10 households, the three incomes blank, NM4's 1,200,000."""
    import math

    said, start = _start_said(tmp_path, {"K4": "#REF!", "K5": "#VALUE!", "K6": "=A1+1"})
    assert [(i.code, i.sheet, i.cell, i.row, i.value) for i in said] == [
        ("optional-cell-error-value", "Danh sách đầu năm", "K4", 4, "#REF!"),
        ("optional-cell-error-value", "Danh sách đầu năm", "K5", 5, "#VALUE!"),
        ("optional-formula-without-value", "Danh sách đầu năm", "K6", 6, ""),
    ]
    assert said[0].message("vi") == (
        "Ô K4 ('Thu nhập BQ (đồng/người/tháng)') hiện lỗi '#REF!' (công thức hỏng hoặc tham "
        "chiếu ô đã xóa); hộ vẫn được tính nhưng không có giá trị của cột này. Hãy ghi giá trị "
        "đúng vào ô này."
    )
    assert len(start) == 10
    incomes = start.loc[["NM1", "NM2", "NM3", "NM4"], "thu_nhap"].tolist()
    assert [math.isnan(v) for v in incomes[:3]] == [True] * 3
    assert incomes[3] == 1_200_000


def test_the_start_lists_incomes_not_read_from_formulas_are_said_once_past_five(tmp_path):
    """K4 to K9 '#REF!' (6 cells: Nà Mòn's NM1 to NM5, Bản Cọ's BC1): past five, said once at K4
    naming the rows, as incomes in words are (variant 'plan-rows'; fails before: nothing
    said). K10 '=A1+1' (BC2) alone said at its cell; `check` lists Bản Cọ's first, its issues
    ordered by hamlet (Issue.sort_key)."""
    cells = {f"K{row}": "#REF!" for row in range(4, 10)}
    said, start = _start_said(tmp_path, {**cells, "K10": "=A1+1"})
    assert [(i.code, i.cell, i.row, i.variant, i.hamlet) for i in said] == [
        ("optional-formula-without-value", "K10", 10, "", "Bản Cọ"),
        ("optional-cell-error-value", "K4", 4, "plan-rows", "Nà Mòn"),
    ]
    assert said[1].message("vi") == (
        "'Thu nhập BQ (đồng/người/tháng)' hiện lỗi ở 6 dòng hộ (các dòng 4–9), như '#REF!' ở "
        "ô K4 (công thức hỏng hoặc tham chiếu ô đã xóa): đọc là để trống. Hãy ghi giá trị đúng "
        "vào các ô này. Các hộ vẫn được tính."
    )
    assert said[1].message("en") == (
        "'Thu nhập BQ (đồng/người/tháng)' shows an error in 6 household rows (rows 4–9), such "
        "as '#REF!' at K4 (a broken formula, or a reference to a deleted cell): read as blank. "
        "Write the right values in these cells. The households still count."
    )
    assert len(start) == 10 and start["thu_nhap"].isna().sum() == 7
