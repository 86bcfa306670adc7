"""Session 47 (helper W): a formula error ('#REF!', '#VALUE!') or a formula without a saved
value in a column of the plan's start list a household needs (Mã hộ, name, size, class) is
said as what it is, in the officer's words (variant 'plan': run again, not send again), not as
a blank value; past five of a column said once naming the rows, as its incomes are.

The small commune's plan (tests.commune): its start list 'Danh sách đầu năm' has its header in
row 3, C 'Mã hộ', D 'Họ và tên chủ hộ', I 'Số nhân khẩu', J 'Phân loại hộ', K the income; its
10 households in rows 4 to 13: Nà Mòn's NM1 to NM5 (rows 4-8), Bản Cọ's BC1 to BC3 (rows
9-11), Đồng Kè's DK1, DK2 (rows 12, 13)."""

from __future__ import annotations

from tests.test_session47_income_review import Counted
from tests.test_session47_reading_left_income import start_said as _said_and_kept


def start_said(tmp_path, cells: dict):
    """What `check` says of the start list (not the counts it leaves on the targets sheet),
    and the start list loaded."""
    said, start = _said_and_kept(tmp_path, cells)
    return [i for i in said if i.sheet == "Danh sách đầu năm"], start


def test_a_needed_value_not_read_from_a_formula_is_said_as_the_formula(tmp_path):
    """I4 '#REF!' (NM1's size), J6 '#VALUE!' (NM3's class), D7 '=A1' (NM4's head, a formula
    openpyxl saves without its value), C9 '=Hoàng' (BC1's code, a text typed after '='). Each
    was said as a blank value ("'Số nhân khẩu' đang để trống"; fails before: 4 of 4 said so).
    Now each at its cell as a formula, in the plan's words; the four households left out as
    before: 6 of the 10 kept."""
    cells = {"I4": "#REF!", "J6": "#VALUE!", "D7": "=A1", "C9": "=Hoàng"}
    said, start = start_said(tmp_path, cells)
    # in row order (session 48; Bản Cọ's C9 first before, by hamlet)
    assert [(i.code, i.sheet, i.cell, i.variant, i.value) for i in said] == [
        ("cell-error-value", "Danh sách đầu năm", "I4", "plan", "#REF!"),
        ("cell-error-value", "Danh sách đầu năm", "J6", "plan", "#VALUE!"),
        ("formula-without-value", "Danh sách đầu năm", "D7", "plan", ""),
        ("formula-without-value", "Danh sách đầu năm", "C9", "typed-plan", "=Hoàng"),
    ]
    assert said[0].message("vi") == (
        "Ô I4 ('Số nhân khẩu') hiện lỗi '#REF!' (công thức hỏng hoặc tham chiếu ô đã xóa), "
        "không phải ô trống; hộ chưa được tính vào danh sách đầu năm. Hãy sửa công thức hoặc "
        "ghi giá trị đúng vào ô này rồi chạy lại."
    )
    assert said[2].message("vi") == (
        "Ô D7 ('Họ và tên chủ hộ') có công thức nhưng không có giá trị đã lưu (tệp được lưu "
        "bằng chương trình khác Excel), không phải ô trống; hộ chưa được tính vào danh sách "
        "đầu năm. Hãy mở tệp bằng Excel và nhấn Lưu, hoặc ghi giá trị vào ô này, rồi chạy lại."
    )
    assert said[3].message("vi").endswith("để ô ghi 'Hoàng', rồi chạy lại.")
    assert sorted(start.index) == ["BC2", "BC3", "DK1", "DK2", "NM2", "NM5"]


def test_needed_values_not_read_past_five_are_said_once_and_the_income_in_plan_words(tmp_path):
    """I4 to I9 '#REF!' (6 sizes: NM1 to NM5, BC1): said once at I4 naming rows 4–9 (variant
    'plan-rows'; fails before: 6 blank sizes said one by one). K10 '=A1+1' (BC2's income) said
    at its cell, without the rosters' "gửi lại" (fails before). The six households left out as
    before; BC2 kept, its income blank: 4 of the 10."""
    cells = {f"I{row}": "#REF!" for row in range(4, 10)}
    said, start = start_said(tmp_path, {**cells, "K10": "=A1+1"})
    assert [(i.code, i.cell, i.row, i.variant, i.hamlet) for i in said] == [
        ("cell-error-value", "I4", 4, "plan-rows", "Nà Mòn"),  # row order (session 48)
        ("optional-formula-without-value", "K10", 10, "plan", "Bản Cọ"),
    ]
    assert said[0].message("vi") == (
        "'Số nhân khẩu' hiện lỗi ở 6 dòng hộ (các dòng 4–9), như '#REF!' ở ô I4 (công thức "
        "hỏng hoặc tham chiếu ô đã xóa), không phải ô trống; các hộ này chưa được tính vào "
        "danh sách đầu năm. Hãy sửa công thức hoặc ghi giá trị đúng vào các ô này rồi chạy lại."
    )
    assert said[0].message("en") == (
        "'Số nhân khẩu' shows an error in 6 household rows (rows 4–9), such as '#REF!' at I4 (a "
        "broken formula, or a reference to a deleted cell), not an empty cell; these households "
        "are left out of the start-of-year list. Correct the formula or write the right values "
        "in these cells, then run again."
    )
    assert said[1].message("vi") == (
        "Ô K10 ('Thu nhập BQ (đồng/người/tháng)') có công thức nhưng không có giá trị đã lưu "
        "(tệp được lưu bằng chương trình khác Excel); hộ vẫn được tính nhưng không có giá trị "
        "của cột này. Hãy mở tệp bằng Excel và nhấn Lưu, hoặc ghi giá trị vào ô này, rồi chạy "
        "lại."
    )
    assert sorted(start.index) == ["BC2", "BC3", "DK1", "DK2"]
    assert start["thu_nhap"].isna().tolist() == [True, False, False, False]


def test_check_prints_the_file_sheet_and_cell(tmp_path):
    """`giamngheo check` of the plan with J6 '#VALUE!': its line names the file, the sheet and
    the cell, as an error (fails before: "'Phân loại hộ' đang để trống")."""
    from click.testing import CliRunner

    from pipeline.cli import main

    start_said(tmp_path, {"J6": "#VALUE!"})
    checked = CliRunner().invoke(
        main, ["check", str(tmp_path / "KeHoach_2024.xlsx"), "--no-history"]
    )
    lines = [line for line in checked.output.splitlines() if "J6" in line]
    assert lines == [
        "[LỖI] KeHoach_2024.xlsx, Danh sách đầu năm, J6 (cell-error-value): Ô J6 ('Phân loại "
        "hộ') hiện lỗi '#VALUE!' (công thức hỏng hoặc tham chiếu ô đã xóa), không phải ô trống; "
        "hộ chưa được tính vào danh sách đầu năm. Hãy sửa công thức hoặc ghi giá trị đúng vào "
        "ô này rồi chạy lại."
    ]


def test_only_the_needed_columns_cells_are_looked_at_row_by_row(tmp_path, monkeypatch):
    """A4 to A13 an STT formula without a value (harmless), I4 to I13 '#REF!': household_cells
    is given the 10 I cells only (not the STT's: a province's list is not looked at row by row
    for them; fails before: given none, said as blank sizes), and each I cell's row read 2
    times, once to find its hamlet, once to say it, however many hamlets (issue #6)."""
    from pipeline import plan
    from pipeline.discover import household_cells
    from pipeline.read import open_workbook

    given = []

    def counted(by_sheet, *args):
        given.append(sum(len(cells) for cells in by_sheet.values()))
        return [Counted(c) for c in household_cells(by_sheet, *args)]

    monkeypatch.setattr(plan, "household_cells", counted)
    stt = {f"A{row}": "=1+1" for row in range(4, 14)}
    said, start = start_said(tmp_path, {**stt, **{f"I{row}": "#REF!" for row in range(4, 14)}})
    assert [(i.code, i.cell, i.variant) for i in said] == [("cell-error-value", "I4", "plan-rows")]
    assert "10 dòng hộ (các dòng 4–13)" in said[0].message("vi")
    assert len(start) == 0
    given.clear()
    Counted.reads = 0
    plan.load_plan(open_workbook(tmp_path / "KeHoach_2024.xlsx"), "KeHoach_2024.xlsx")
    assert (given, Counted.reads) == ([10], 20)


def test_a_hamlet_not_read_from_a_formula_is_said_as_the_formula(tmp_path):
    """B4 '#REF!' (NM1's 'Xóm'), B9 '=A1+1' (BC1's, a formula openpyxl saves without its value):
    each was said as an empty 'Xóm' cell (fails before: 2 of 2, variant ''). Now as what it
    is, naming the plan's hamlets to write; NM1 and BC1 left out as before: 8 of the 10 kept."""
    said, start = start_said(tmp_path, {"B4": "#REF!", "B9": "=A1+1"})
    assert [(i.code, i.cell, i.variant, i.value) for i in said] == [
        ("start-list-hamlet-blank", "B4", "error", "#REF!"),
        ("start-list-hamlet-blank", "B9", "formula", ""),
    ]
    assert said[0].message("vi") == (
        "Ô 'Xóm' hiện lỗi '#REF!' (công thức hỏng hoặc tham chiếu ô đã xóa), không phải ô "
        "trống: không biết hộ thuộc xóm nào nên hộ không được tính vào danh sách đầu năm. Hãy "
        "sửa công thức hoặc ghi tên xóm như trong kế hoạch (Nà Mòn, Bản Cọ, Đồng Kè) vào ô này "
        "rồi chạy lại."
    )
    assert (
        said[1]
        .message("en")
        .startswith(
            "The 'Xóm' cell holds a formula but no saved value (the file was saved by a program "
            "other than Excel), not an empty cell: the household's hamlet is unknown"
        )
    )
    assert sorted(start.index) == ["BC2", "BC3", "DK1", "DK2", "NM2", "NM3", "NM4", "NM5"]
