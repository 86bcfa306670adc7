"""Session 49 (helper C): five small reading defects left by session 48 (docs/decisions.md,
the "Session 49:" sections on the start list's lines naming rows, the start list's exited
households, the income's parts after the average's names, the income's cell named, and an .ods
formula shown as Excel writes it).

The small commune (tests.commune). Bản Cọ's May list is the template (tests.test_session44_
headers._run): header in row 4, BC1, BC2 poor and BC3 near-poor in rows 5 to 7, J 'Thu nhập
BQ (đồng/người/tháng)' (1,200,000 each). The plan's start list (tests.test_session47_start_
required_formulas._start_said: what `check` says of it, and the list loaded): header in row
3, NM1 to NM3 poor, NM4, NM5 near-poor (rows 4 to 8), BC1, BC2 poor, BC3 near-poor (9 to 11),
DK1 poor, DK2 near-poor (12, 13); I 'Số nhân khẩu', J 'Phân loại hộ', K the income."""

from __future__ import annotations

from tests.test_session48_income_names import PARTS, TEMPLATE, column_cells, incomes_read

BLANK = [None] * 3

# --- 3. the income's parts after each name of the average ('Thu nhập BQ chính') -------------


def test_the_averages_main_income_and_one_source_are_never_the_income(tmp_path):
    """'Thu nhập BQ chính' (the main work's average: one part), 'Thu nhập bình quân từ lương'
    (one source) and 'Thu nhập BQ khác' (the other incomes) are a column not in the template
    (unknown-column at the header), nothing read, as 'Thu nhập chính' is (session 48). Before,
    each began with a name of the income ('Thu nhập BQ'): alone, its 500,000, 300,000, 200,000
    read as the whole income; beside J, a second income differing from it, the only list
    refused (5 of 5 fail before). 'Thu nhập BQ từ các nguồn' (every source) alone is the
    income, as 'Thu nhập từ các nguồn' is: read, nothing said (passes before: a guard)."""
    same = {5: 1_200_000, 6: 1_200_000, 7: 1_200_000}
    cases = [
        (column_cells("J", "Thu nhập BQ chính", PARTS), [("unknown-column", "J4")], BLANK),
        (
            column_cells("J", "Thu nhập bình quân từ lương", PARTS),
            [("unknown-column", "J4")],
            BLANK,
        ),
        (column_cells("J", "Thu nhập BQ khác", PARTS), [("unknown-column", "J4")], BLANK),
        (column_cells("AA", "Thu nhập BQ chính", PARTS), [("unknown-column", "AA4")], TEMPLATE),
        (
            column_cells("AA", "Thu nhập BQ chính (đồng/người/tháng)", PARTS),
            [("unknown-column", "AA4")],
            TEMPLATE,
        ),
        (column_cells("J", "Thu nhập BQ từ các nguồn", same), [], TEMPLATE),
    ]
    for index, (cells, said, incomes) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        assert incomes_read(tmp_path / str(index), cells) == (said, incomes), index


def test_the_header_names_of_the_averages_parts():
    """The header names alone (headers._HeaderNames.match): a part after each name of the average
    names no column (6 of 6 fail before: the income); the whole after it, and the average
    itself, name the income."""
    from pipeline.headers import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    parts = ("Thu nhập BQ chính", "THU NHẬP BÌNH QUÂN CHÍNH (đồng)", "TN BQ từ lương",
             "Mức thu nhập bình quân chính", "Thu nhập BQ khác",
             "Thu nhập BQ từ các nguồn khác")  # fmt: skip
    assert [key(h) for h in parts] == [None] * 6
    whole = ("Thu nhập BQ từ tất cả các nguồn", "Thu nhập bình quân từ mọi nguồn",
             "Thu nhập BQ (đồng/người/tháng)", "Thu nhập bình quân đầu người")  # fmt: skip
    assert [key(h) for h in whole] == ["thu_nhap"] * 4


# --- 4. an income's problem names its cell and column ('Tổng thu nhập năm của hộ') ------------


def test_an_income_not_a_number_or_negative_names_its_cell_and_column(tmp_path):
    """Bản Cọ's income headed 'Tổng thu nhập năm của hộ' (J4: the household's year, read
    divided by 12 and its 4 members), BC1's J5 'abc', BC2's J6 -5. Before, both said "'Thu nhập
    BQ' là …" and asked for đồng a person a month: no column named, and another unit than the
    column's (fails before). Now each names its cell and header and asks for the column's unit;
    the household still counted. BC3's 12,000,000 a year is 250,000 a month a person."""
    from tests.test_session44_headers import run_with_headers

    cells = {"J4": "Tổng thu nhập năm của hộ", "J5": "abc", "J6": -5, "J7": 12_000_000}
    result = run_with_headers(tmp_path, cells)
    said = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert [(i.code, i.cell) for i in said] == [
        ("income-per-year", "J4"), ("invalid-income", "J5"), ("negative-income", "J6")
    ]  # fmt: skip
    assert said[1].message("vi") == (
        "Ô J5 ('Tổng thu nhập năm của hộ') ghi 'abc', không phải số. Hãy ghi thu nhập bằng số, "
        "theo đơn vị ghi ở tiêu đề cột (ví dụ 14.400.000). Hộ vẫn được tính."
    )  # a year's example since test_session49_small: 12 × 1.200.000
    assert said[1].message("en") == (
        "Cell J5 ('Tổng thu nhập năm của hộ') holds 'abc', not a number. Write the income as a "
        "number, in the unit the column's header gives (e.g. 14,400,000). The household still "
        "counts."
    )
    assert (
        said[2]
        .message("vi")
        .startswith(
            "Ô J6 ('Tổng thu nhập năm của hộ') ghi '-5', một số âm: thu nhập không thể âm. Hãy ghi "
            "thu nhập không có dấu trừ, theo đơn vị ghi ở tiêu đề cột"
        )
    )
    assert 12_000_000 / 12 / 4 == 250_000
    incomes = result.households.set_index("ma_ho").loc[["BC1", "BC3"], "thu_nhap"].tolist()
    assert incomes[1] == 250_000


# --- 1. the start list's line naming many rows says counted only the households counted ------


def test_a_start_list_line_naming_rows_says_counted_only_those_counted(tmp_path):
    """K4 to K10 'abc' (7 incomes no number: NM1 to BC2), said once at K4 naming rows 4–10;
    NM2's and NM3's sizes I5, I6 '#REF!' leave them out. Before, the line said "Các hộ vẫn được
    tính" of all 7 (fails before). Now it names the 2 rows left out; 8 of 10 kept."""
    from tests.test_session47_start_required_formulas import start_said

    cells = {**{f"K{row}": "abc" for row in range(4, 11)}, "I5": "#REF!", "I6": "#REF!"}
    said, start = start_said(tmp_path, cells)
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("invalid-income", "K4", "plan-rows-partly"),
        ("cell-error-value", "I5", "plan"),
        ("cell-error-value", "I6", "plan"),
    ]
    assert said[0].message("vi") == (
        "'Thu nhập BQ (đồng/người/tháng)' không phải số ở 7 dòng hộ (các dòng 4–10), như 'abc' "
        "ở ô K4: đọc là để trống. Hãy ghi thu nhập bằng số, theo đơn vị ghi ở tiêu đề cột (ví "
        "dụ 1.200.000). Các hộ vẫn được tính, trừ 2 dòng hộ (các dòng 5–6): các hộ đó chưa được "
        "tính vì lỗi khác."
    )
    assert (
        said[0]
        .message("en")
        .endswith(
            "The households still count, but for 2 household rows (rows 5–6): those are left out "
            "for another error."
        )
    )
    assert sorted(start.index) == ["BC1", "BC2", "BC3", "DK1", "DK2", "NM1", "NM4", "NM5"]


def test_a_start_list_line_naming_rows_all_left_out_says_none_counted(tmp_path):
    """E4 to E9 '#REF!' (6 birth years, NM1 to BC1) and I4 to I9 '#REF!' (their sizes: all 6
    left out). Before, the birth years' line said "Các hộ vẫn được tính" beside the sizes'
    "các hộ này chưa được tính" (fails before). Now it says the cells' problem and fix only;
    4 of 10 kept (BC2, BC3, DK1, DK2)."""
    from tests.test_session47_start_required_formulas import start_said

    cells = {f"{column}{row}": "#REF!" for column in "EI" for row in range(4, 10)}
    said, start = start_said(tmp_path, cells)
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("optional-cell-error-value", "E4", "plan-rows-uncounted"),
        ("cell-error-value", "I4", "plan-rows"),
    ]
    assert said[0].message("vi") == (
        "'Năm sinh' hiện lỗi ở 6 dòng hộ (các dòng 4–9), như '#REF!' ở ô E4 (công thức hỏng "
        "hoặc tham chiếu ô đã xóa): đọc là để trống. Hãy ghi giá trị đúng vào các ô này."
    )
    assert "chưa được tính" in said[1].message("vi")
    assert sorted(start.index) == ["BC2", "BC3", "DK1", "DK2"]


# --- 2. a household the start list writes as exited is said at its class cell -----------------


def test_a_start_list_household_written_exited_is_said_at_its_class_cell(tmp_path):
    """NM2's class J5 'Thoát nghèo': kept as exited (on neither list at the start), so Nà Mòn's
    start list holds 2 poor, 2 near-poor against the targets sheet's 3 and 2 (its mismatch, as
    before). Before, nothing was said at J5 (fails before). Now a warning at J5 naming NM2,
    what it means and how to correct it; 10 households kept."""
    from tests.test_session47_start_required_formulas import start_said

    said, start = start_said(tmp_path, {"J5": "Thoát nghèo"})
    assert [(i.code, i.cell, i.severity, i.column, i.value) for i in said] == [
        ("start-list-exited", "J5", "warning", "Phân loại hộ", "NM2")
    ]
    assert said[0].message("vi") == (
        "Ô J5 ('Phân loại hộ') ghi hộ NM2 là hộ đã thoát, không phải hộ nghèo hay hộ cận nghèo: "
        "hộ không được tính vào số hộ nghèo, cận nghèo đầu năm. Nếu ngày 31/12 năm trước hộ còn "
        "là hộ nghèo hoặc hộ cận nghèo, hãy sửa phân loại của hộ (Hộ nghèo hoặc Hộ cận nghèo) "
        "rồi chạy lại; nếu hộ đã thoát trước ngày đó, không cần sửa."
    )
    assert (
        said[0]
        .message("en")
        .startswith(
            "Cell J5 ('Phân loại hộ') writes household NM2 as exited, neither poor nor near-poor"
        )
    )
    assert len(start) == 10 and start.loc["NM2", "phan_loai"] == "exited"


def test_start_list_households_written_exited_past_five_are_said_once(tmp_path):
    """J4 to J9 'Thoát' (NM1 to BC1, six): said once at J4 naming rows 4–9 (fails before:
    nothing said); the six kept as exited."""
    from tests.test_session47_start_required_formulas import start_said

    said, start = start_said(tmp_path, {f"J{row}": "Thoát" for row in range(4, 10)})
    assert [(i.code, i.cell, i.variant, i.value) for i in said] == [
        ("start-list-exited", "J4", "rows", "NM1")
    ]
    assert (
        said[0]
        .message("vi")
        .startswith(
            "'Phân loại hộ' ghi hộ đã thoát ở 6 dòng hộ (các dòng 4–9), như hộ NM1 ở ô J4: không "
            "phải hộ nghèo hay hộ cận nghèo, nên các hộ này không được tính"
        )
    )
    exited = start.index[start["phan_loai"] == "exited"].tolist()
    assert exited == ["NM1", "NM2", "NM3", "NM4", "NM5", "BC1"]


def test_a_marked_start_list_household_marked_exited_is_said_at_its_mark(tmp_path):
    """The marked start list (tests.test_class_marks, its one-row header on 'DS ho 2023') with a
    'Thoát nghèo' column added at H4 and DK3's only mark 'x' at H15: said at H15 under 'Thoát
    nghèo', naming DK3 (fails before: nothing said); DK3 kept as exited; DK4's two marks
    (F16, G16) said as before."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from tests.test_class_marks import plan_with_marked_start_list

    folder = tmp_path / "vao"
    folder.mkdir()
    plan = plan_with_marked_start_list(folder, ".xlsx", "DS ho 2023", one_row=True)
    book = openpyxl.load_workbook(plan)
    sheet = book["DS ho 2023"]
    assert [sheet[c].value for c in ("F4", "G4", "H4", "C15")] == [
        "Hộ nghèo", "Hộ cận nghèo", None, "DK3"
    ]  # fmt: skip
    sheet["H4"], sheet["H15"] = "Thoát nghèo", "x"
    book.save(plan)
    said = [i for i in check_files([plan]) if i.sheet == "DS ho 2023"]
    assert [(i.code, i.cell, i.column, i.value) for i in said] == [
        ("start-list-exited", "H15", "Thoát nghèo", "DK3"),
        ("class-marks-several", "F16", "Hộ nghèo | Hộ cận nghèo | Thoát nghèo", "x"),
    ]


# --- 5. an .ods formula shown as Excel writes it ('=SUM(A1,B1)') ------------------------------


def test_an_ods_formula_without_a_value_is_shown_as_excel_writes_it(tmp_path):
    """A sheet 'DS' with five formulas saved without a value (A1 to E1), as LibreOffice writes
    them. Before, they were given with LibreOffice's ';' between arguments, its '|' between an
    inline array's rows and its sheet names before '.' ('=IF(A1="x";"";"y")',
    "=SUM($'Danh sách'.A1:A9;B1)": 5 of 5 fail before). Now as Excel writes them, as an
    .xlsx's formula is shown: ',' between arguments, an array's rows by ';', the sheet before
    '!' and without '$'; a ';' inside a text kept."""
    import zipfile

    from pipeline import odsmerge
    from tests.test_ods_merges import ods

    written = ['of:=IF([.A1]=&quot;x&quot;;&quot;&quot;;&quot;y&quot;)',
               "of:=SUM([$'Danh sách'.A1:.A9];[.B1])",
               "of:=CONCATENATE(&quot;a;b&quot;;[.C1])",
               "of:=SUM({1;2|3;4})",
               "of:=[$Sheet2.C4]*2"]  # fmt: skip
    cells = "".join(f'<table:table-cell table:formula="{f}"/>' for f in written)
    table = f'<table:table table:name="DS"><table:table-row>{cells}</table:table-row></table:table>'
    path = ods(tmp_path / "a.ods", table)
    with zipfile.ZipFile(path) as package:
        formulas = odsmerge.scan(package)[3]
    assert formulas == {
        "DS": {
            (0, 0): '=IF(A1="x","","y")',
            (0, 1): "=SUM('Danh sách'!A1:A9,B1)",
            (0, 2): '=CONCATENATE("a;b",C1)',
            (0, 3): "=SUM({1,2;3,4})",
            (0, 4): "=Sheet2!C4*2",
        }
    }


def test_an_ods_lists_formula_is_copied_into_the_feedback_as_excel_writes_it(tmp_path):
    """Bản Cọ's May list as an .ods (tests.test_ods_merges.ban_co_ods), BC3's income J7 the
    formula 'of:=IF([.I7]="x";1000000;2000000)' saved without a value: said at J7 as before
    (optional-formula-without-value), and the feedback's copy of the list shows J7 as the head
    would type it in Excel, '=IF(I7="x",1000000,2000000)' (fails before: with ';')."""
    import openpyxl

    from pipeline.run import execute
    from tests.commune import write_plan
    from tests.test_ods_merges import ban_co_ods_income

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    formula = "of:=IF([.I7]=&quot;x&quot;;1000000;2000000)"
    ban_co_ods_income(folder, f'<table:table-cell table:formula="{formula}"/>')
    execute(folder, out, "2024-05")
    feedback = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx")
    shown = {ws.title: ws["J7"].value for ws in feedback.worksheets}
    assert '=IF(I7="x",1000000,2000000)' in shown.values(), shown
