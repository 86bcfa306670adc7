"""Session 47 (helper L): reading leftovers of the session's review (income and ethnic names).
Each finding pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor, 200 households); F 'Dân tộc' (all 'Tày'), H 'Số nhân khẩu' (all 4), J 'Thu nhập
BQ (đồng/người/tháng)' (all 1,200,000), Z 'Ghi chú' (blank), nothing after Z."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers


def _incomes(result) -> list:
    return result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist()


def read_a_twelfth_a_person(tmp_path, headers) -> None:
    """Each of ``headers`` at J4 over J5, J6 14,400,000 and J7 12,000,000 (4 members each): read
    1,200,000, 1,200,000, 1,000,000 a person a month, said once at J4 (income-per-year, no
    variant), Bản Cọ counted (2 poor, 1 near-poor)."""
    cells = {"J5": 14_400_000, "J6": 14_400_000, "J7": 12_000_000}
    for index, header in enumerate(headers):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {"J4": header, **cells})
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co_said(result) == [("income-per-year", "J4")], header
        (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
        assert issue.variant == "", header
        assert _incomes(result) == [1_200_000, 1_200_000, 1_000_000], header


# --- 1. a year's income by its initials, 'Việt' for Kinh ---------------------------------------


def test_a_years_income_by_its_initials_is_read(tmp_path):
    """J4 'TNBQ/người/năm' or 'TNBQ hộ/năm' (a year's income per person, 'BQ' the average a
    person as in 'Thu nhập BQ hộ/năm': helper N's review; J5, J6 14,400,000, J7 12,000,000).
    Before: a column not in the template, the income not read and the list refused (no income
    column: 2 of 2 fail). Now read as 'Thu nhập năm' is: 1,200,000, 1,200,000, 1,000,000 a
    person a month, said once at J4 (income-per-year)."""
    read_a_twelfth_a_person(tmp_path, ("TNBQ/người/năm", "TNBQ hộ/năm"))


def test_viet_is_read_as_kinh(tmp_path):
    """F5 'Việt', F7 'việt' (the Kinh's other name in the 1979 list). Before: said
    unknown-ethnicity at F5 and F7, kept as written (fails before). Now 'Kinh', nothing said;
    F6 'Tày' as written."""
    result = run_with_headers(tmp_path, {"F5": "Việt", "F7": "việt"})
    assert ban_co_said(result) == []
    read = result.households.set_index("ma_ho")
    assert read.loc[["BC1", "BC2", "BC3"], "dan_toc"].tolist() == ["Kinh", "Tày", "Kinh"]


# --- 2. a year's income beside a column in thousands, compared in đồng -------------------------


def test_a_year_in_dong_beside_a_column_in_thousands_is_compared_in_dong(tmp_path):
    """Two income columns, one headed in thousands of đồng but written in đồng (the head wrote
    đồng after all: read as written, session 46 review), J7 blank, read from AA7:

    * J4 'Thu nhập BQ (nghìn đồng/người/tháng)' (J5, J6 1,200,000) beside AA4 'Thu nhập năm'
      (AA5, AA6 14,400,000, AA7 12,000,000);
    * J4 the template's (J5, J6 1,200,000) beside AA4 'Thu nhập năm (nghìn đồng)' (AA5, AA6
      14,400,000 in đồng, AA7 12,000 thousands).

    Rows 5 and 6 agree (1,200,000 a month), but the comparison took the header's unit alone
    (1.2 billion; 14,400,000 × 1,000 / 12): '2 dòng hộ ghi hai cột khác nhau (đầu tiên là
    dòng 5)' was said though the incomes read were right (2 of 2 fail before). Now both are
    taken in đồng as the income is read (text.month_unit): only row 7's fill is said; the
    incomes 1,200,000, 1,200,000, 1,000,000."""
    cases = (
        {"J4": "Thu nhập BQ (nghìn đồng/người/tháng)", "J5": 1_200_000, "J6": 1_200_000,
         "J7": None, "AA4": "Thu nhập năm", "AA5": 14_400_000, "AA6": 14_400_000,
         "AA7": 12_000_000},
        {"J7": None, "AA4": "Thu nhập năm (nghìn đồng)", "AA5": 14_400_000, "AA6": 14_400_000,
         "AA7": 12_000},
    )  # fmt: skip
    for index, cells in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), index
        assert ban_co_said(result) == [("column-twice-ignored", "AA4")], index
        (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
        assert str(issue.detail) == (
            "1 dòng hộ để trống cột ở ô J4 (dòng 7): đã đọc cột ở ô AA4 (thu nhập cả năm: đã lấy "
            "một phần mười hai, thu nhập một tháng)"
        ), index
        assert _incomes(result) == [1_200_000, 1_200_000, 1_000_000], index


# --- 3. the start list's income written as words -----------------------------------------------


def test_the_start_lists_income_written_as_words_is_said(tmp_path):
    """The plan's start list 'Danh sách đầu năm' (header in row 3, K the income, Nà Mòn's NM1
    to NM3 in rows 4 to 6, 1,200,000 each; 10 households): K4 'không có', K5 'chưa rõ', K6 '-'.
    Read as blank, as in a hamlet's list, but nothing was said: the values dropped without a
    word (fails before: no warning). Now each is said at its cell as the rosters say it
    (invalid-income: the value, what to write); the start list as before (10 households, the
    three incomes blank, NM4's 1,200,000)."""
    import math

    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.commune import past_targets, write_plan

    plan = write_plan(tmp_path)
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert [sheet[f"C{r}"].value for r in (4, 5, 6, 7)] == ["NM1", "NM2", "NM3", "NM4"]
    sheet["K4"], sheet["K5"], sheet["K6"] = "không có", "chưa rõ", "-"
    book.save(plan)
    said = past_targets([i for i in check_files([plan]) if i.file == plan.name])
    assert [(i.code, i.sheet, i.cell, i.row) for i in said] == [
        ("invalid-income", "Danh sách đầu năm", cell, row)
        for cell, row in (("K4", 4), ("K5", 5), ("K6", 6))
    ]
    assert said[0].message("vi") == (
        "Ô K4 ('Thu nhập BQ (đồng/người/tháng)') ghi 'không có', không phải số. Hãy ghi thu "
        "nhập bằng số, theo đơn vị ghi ở tiêu đề cột (ví dụ 1.200.000). Hộ vẫn được tính."
    )
    loaded, _ = load_plan(open_workbook(plan), plan.name)
    start = loaded.start_list.set_index("ma_ho")
    assert len(start) == 10
    incomes = start.loc[["NM1", "NM2", "NM3", "NM4"], "thu_nhap"].tolist()
    assert [math.isnan(v) for v in incomes[:3]] == [True] * 3
    assert incomes[3] == 1_200_000


# --- 4. a third column of one kind differing from the one read in a blank row ------------------


def test_a_third_column_differing_from_the_one_read_in_a_blank_row_is_said(tmp_path):
    """Two more columns of one kind beside the template's, its row 7 blank, both filled there:

    * J7 blank; Z4 'Thu nhập năm' (Z7 12,000,000: 1,000,000 a month), AA4 'Thu nhập năm của
      hộ' (AA5, AA6 57,600,000: 1,200,000 a person a month, as J; AA7 57,600,000 too).
    * F7 blank; W4 'Dân tộc (DTTS)' (W7 'Nùng'), AA4 'Dân tộc (Kinh/DTTS)' (AA7 'Kinh').

    Z (W) fills row 7, AA is not read there. Where AA disagrees with the value read nothing was
    said: one warning, at Z4 (W4) (2 of 2 fail before). Now a second warning, at AA4, names the
    row and the column read there; the values read as before (BC3 1,000,000; 'Nùng')."""
    cases = (
        ({"J7": None, "Z4": "Thu nhập năm", "Z7": 12_000_000, "AA4": "Thu nhập năm của hộ",
          "AA5": 57_600_000, "AA6": 57_600_000, "AA7": 57_600_000}, "Z4", "J4",
         ("thu_nhap", [1_200_000, 1_200_000, 1_000_000])),
        ({"F7": None, "W4": "Dân tộc (DTTS)", "W7": "Nùng", "AA4": "Dân tộc (Kinh/DTTS)",
          "AA7": "Kinh"}, "W4", "F4", ("dan_toc", ["Tày", "Tày", "Nùng"])),
    )  # fmt: skip
    for index, (cells, second, template, (key, values)) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), index
        assert ban_co_said(result) == [("column-twice-ignored", second),
                                 ("column-twice-ignored", "AA4")], index  # fmt: skip
        third = [i for i in result.issues if i.cell == "AA4"][0]
        assert str(third.detail) == (
            f"1 dòng hộ để trống cột ở ô {template} (dòng 7): đã đọc cột ở ô {second}, ghi khác "
            "cột ở ô AA4"
        ), index
        assert third.detail.en == (
            f"1 household row(s) leave the column at {template} blank (row 7): the column at "
            f"{second} was read there, which differs from the column at AA4"
        ), index
        read = result.households.set_index("ma_ho")
        assert read.loc[["BC1", "BC2", "BC3"], key].tolist() == values, index


def test_a_third_column_agreeing_with_the_one_read_is_not_said(tmp_path):
    """Guard (passes before too): as above, AA7 'Thu nhập năm của hộ' 48,000,000 (1,000,000 a
    person a month, as Z7's): nothing said at AA4, only Z4's fill."""
    cells = {"J7": None, "Z4": "Thu nhập năm", "Z7": 12_000_000, "AA4": "Thu nhập năm của hộ",
             "AA5": 57_600_000, "AA6": 57_600_000, "AA7": 48_000_000}  # fmt: skip
    result = run_with_headers(tmp_path, cells)
    assert ban_co_said(result) == [("column-twice-ignored", "Z4")]
    assert _incomes(result) == [1_200_000, 1_200_000, 1_000_000]


def test_the_start_lists_third_income_column_differing_is_said(tmp_path):
    """The plan's start list: K4 (NM1's income, 4 people) blank, AB3 'Thu nhập năm' (AB4
    14,400,000: 1,200,000 a month), AC3 'Thu nhập năm của hộ' (AC4 24,000,000: 500,000 a
    person a month). AB fills K4; AC differs from it there and nothing was said of AC (fails
    before: AB3's warning alone). Now AC3 says it too; NM1's income 1,200,000 as before."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.commune import past_targets, write_plan

    plan = write_plan(tmp_path)
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert (sheet["C4"].value, sheet["I4"].value, sheet["AB3"].value) == ("NM1", 4, None)
    sheet["K4"], sheet["AB3"], sheet["AB4"] = None, "Thu nhập năm", 14_400_000
    sheet["AC3"], sheet["AC4"] = "Thu nhập năm của hộ", 24_000_000
    book.save(plan)
    said = past_targets([i for i in check_files([plan]) if i.file == plan.name])
    assert [(i.code, i.cell) for i in said] == [("plan-value-guessed", "AB3"),
                                                ("plan-value-guessed", "AC3")]  # fmt: skip
    assert (
        said[1]
        .message("vi")
        .endswith(
            "1 dòng hộ để trống cột ở ô K3 (dòng 4): đã đọc cột ở ô AB3, ghi khác cột ở ô AC3."
        )
    )
    loaded, _ = load_plan(open_workbook(plan), plan.name)
    assert loaded.start_list.set_index("ma_ho").loc["NM1", "thu_nhap"] == 1_200_000
