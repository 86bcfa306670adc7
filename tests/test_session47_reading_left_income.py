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


def start_said(tmp_path, cells: dict):
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

    said, start = start_said(tmp_path, {"K4": "#REF!", "K5": "#VALUE!", "K6": "=A1+1"})
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
    said). K10 '=A1+1' (BC2) alone said at its cell; `check` lists the plan's lines in row
    order, K4 first (session 48; by hamlet before: Bản Cọ's K10 first)."""
    cells = {f"K{row}": "#REF!" for row in range(4, 10)}
    said, start = start_said(tmp_path, {**cells, "K10": "=A1+1"})
    assert [(i.code, i.cell, i.row, i.variant, i.hamlet) for i in said] == [
        ("optional-cell-error-value", "K4", 4, "plan-rows", "Nà Mòn"),
        # in the plan's words (run again, not send again: session 47, helper W)
        ("optional-formula-without-value", "K10", 10, "plan", "Bản Cọ"),
    ]
    assert said[0].message("vi") == (
        "'Thu nhập BQ (đồng/người/tháng)' hiện lỗi ở 6 dòng hộ (các dòng 4–9), như '#REF!' ở "
        "ô K4 (công thức hỏng hoặc tham chiếu ô đã xóa): đọc là để trống. Hãy ghi giá trị đúng "
        "vào các ô này. Các hộ vẫn được tính."
    )
    assert said[0].message("en") == (
        "'Thu nhập BQ (đồng/người/tháng)' shows an error in 6 household rows (rows 4–9), such "
        "as '#REF!' at K4 (a broken formula, or a reference to a deleted cell): read as blank. "
        "Write the right values in these cells. The households still count."
    )
    assert len(start) == 10 and start["thu_nhap"].isna().sum() == 7


# --- 2. the first extra column holding words gives way to a later one holding a number ---------


def test_a_blank_row_is_filled_from_the_first_extra_column_holding_a_number(tmp_path):
    """J7 (BC3's income) blank; Z4 'Thu nhập năm' (Z7 'chưa rõ'), AA4 'Thu nhập năm của hộ'
    (AA5, AA6 57,600,000: 57,600,000 / 12 / 4 = 1,200,000, as J; AA7 48,000,000: 48,000,000 /
    12 / 4 = 1,000,000). Z, the first, filled row 7 with its words: BC3's income blank, 'chưa
    rõ' said at Z7 and AA4 said differing (fails before). Now AA, the first column holding a
    number there, fills it: 1,000,000. Said as a fill is: at AA4 the row read from it, at Z4
    the row where it differs from the one read; 'chưa rõ' not read, so not said at Z7."""
    from tests.summaries import hamlet_figures
    from tests.test_session44_headers import ban_co_said, run_with_headers

    cells = {"J7": None, "Z4": "Thu nhập năm", "Z7": "chưa rõ", "AA4": "Thu nhập năm của hộ",
             "AA5": 57_600_000, "AA6": 57_600_000, "AA7": 48_000_000}  # fmt: skip
    result = run_with_headers(tmp_path, cells)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert _incomes(result) == [1_200_000, 1_200_000, 1_000_000]
    assert ban_co_said(result) == [("column-twice-ignored", "Z4"), ("column-twice-ignored", "AA4")]
    z4, aa4 = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    head = (
        "Cột 'Thu nhập BQ (đồng/người/tháng)' ghi hai lần dưới hai tên khác nhau (ô J4 và ô {}): "
        "mỗi hộ đọc cột ở ô J4, cột ở ô {} chỉ đọc khi cột kia để trống. 1 dòng hộ để trống cột ở "
        "ô J4 (dòng 7): đã đọc cột ở ô AA4"
    )
    tail = (
        ". Nếu đúng như vậy thì không cần sửa; nếu không, hãy giữ một cột 'Thu nhập BQ "
        "(đồng/người/tháng)' cho đúng rồi gửi lại."
    )
    assert z4.message("vi") == head.format("Z4", "Z4") + ", ghi khác cột ở ô Z4" + tail
    assert aa4.message("vi") == head.format("AA4", "AA4") + (
        " (thu nhập cả năm của cả hộ: đã chia cho 12 tháng và cho số nhân khẩu của hộ)" + tail
    )


def test_the_start_lists_blank_row_is_filled_from_the_first_column_holding_a_number(tmp_path):
    """The start list: K4 (NM1's income, 4 people) blank, AB3 'Thu nhập năm' (AB4 'chưa rõ'),
    AC3 'Thu nhập năm của hộ' (AC4 24,000,000: 24,000,000 / 12 / 4 = 500,000). Before, AB's
    words filled K4: NM1's income blank. Now AC's number: 500,000; AB3 says the row it differs
    from the one read, AC3 the row it fills."""
    said, start = start_said(tmp_path, {"K4": None, "AB3": "Thu nhập năm", "AB4": "chưa rõ",
                                         "AC3": "Thu nhập năm của hộ", "AC4": 24_000_000})  # fmt: skip
    assert [(i.code, i.cell) for i in said] == [("plan-value-guessed", "AB3"),
                                                ("plan-value-guessed", "AC3")]  # fmt: skip
    assert (
        said[0]
        .message("vi")
        .endswith(
            "1 dòng hộ để trống cột ở ô K3 (dòng 4): đã đọc cột ở ô AC3, ghi khác cột ở ô AB3."
        )
    )
    assert start.loc["NM1", "thu_nhap"] == 500_000


# --- 3. a household's year in millions: its unit judged by each person's month ------------------


def test_a_households_year_in_millions_is_judged_by_each_persons_month(tmp_path):
    """J4 'Thu nhập năm của hộ (triệu đồng)': millions of đồng, the household's year.

    * J5 1,300 (BC1, 4 members): 1,300 × 1,000,000 / 12 / 4 = 27,083,333.33 đ a person a
      month, plausible (under 100,000,000: rules.INCOME_SURELY_IN_DONG). Before, the check was
      made on the household's month, 1,300 × 1,000,000 / 12 = 108,333,333 (over): read as
      đồng, 1,300 / 12 / 4 = 27.08 đ, said "27 đồng" in the header's unit (fails before).
    * J6 57.6 (BC2): 57,600,000 / 12 / 4 = 1,200,000.
    * J7 1,300 with H7 1 (BC3 alone): 108,333,333 đ a month in the header's unit, over: read as
      đồng, 1,300 / 12 = 108.33 đ, and said with the value as written and both readings (was
      said "108 đồng" in the header's unit, which it is not: fails before)."""
    from tests.test_session44_headers import ban_co_said, run_with_headers

    cells = {"J4": "Thu nhập năm của hộ (triệu đồng)", "J5": 1300, "J6": 57.6, "J7": 1300, "H7": 1}
    result = run_with_headers(tmp_path, cells)
    assert _incomes(result) == [27_083_333.33, 1_200_000, 108.33]
    assert ban_co_said(result) == [
        ("income-per-year", "J4"),
        ("classification-mismatch", "I5"),  # BC1 poor with 27,083,333 đ
        ("income-in-thousands", "J7"),
    ]
    bc3 = [i for i in result.issues if i.cell == "J7"][0]
    assert bc3.variant == "in-dong"
    assert bc3.message("vi") == (
        "'Thu nhập năm của hộ (triệu đồng)' ghi 1.300: theo đơn vị ghi ở tiêu đề cột là "
        "108.333.333 đồng/người/tháng, quá cao, nên đã đọc là đồng: 108 đồng/người/tháng, quá "
        "thấp; có lẽ ghi nhầm. Hãy kiểm tra lại và ghi thu nhập theo đúng đơn vị của cột; hộ vẫn "
        "được tính, nhưng chưa so được với chuẩn nghèo."
    )
    assert bc3.message("en").startswith(
        "'Thu nhập năm của hộ (triệu đồng)' is 1,300: in the unit its header names 108,333,333 "
        "đồng per person a month, far too high, so it was read in đồng: 108 đồng per person a "
        "month, far too low"
    )
