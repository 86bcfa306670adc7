"""Session 47 (helper C): reading leftovers of session 46, columns and ethnic names. Each
finding pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor, 200 households); F 'Dân tộc' (all 'Tày'), G 'Số định danh cá nhân', H 'Số nhân
khẩu' (all 4), J 'Thu nhập BQ (đồng/người/tháng)' (all 1,200,000), Z 'Ghi chú' (blank). The
plan's start list 'Danh sách đầu năm' has its header in row 3, K3 the income, Nà Mòn's NM1
(poor, 1,200,000, 4 people) in row 4."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers

_INCOME = "Thu nhập BQ (đồng/người/tháng)"
_YEAR = " (thu nhập cả năm: đã lấy một phần mười hai, thu nhập một tháng)"
_HOUSEHOLD_YEAR = (" (thu nhập cả năm của cả hộ: đã chia cho 12 tháng và cho số nhân khẩu của "
                   "hộ)")  # fmt: skip


def _incomes(result) -> list:
    return result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist()


# --- 1. a year's income beside the template's income fills its blank rows ---------------------


def test_a_years_income_beside_the_templates_fills_its_blank_rows(tmp_path):
    """A year's income column at Z beside the template's J, J blank in some rows. Before: Z
    was a column not in the template (its values lost, BC3's income blank), or, headed 'Thu
    nhập bình quân năm', a second copy of J differing from it, and the only list was refused
    (3 of 3 cases fail). Now Z is read where J is blank, a twelfth a month (a household's
    year divided by its 4 members too), and one warning at Z4 names the rows and how:

    * J7 blank; Z4 'Thu nhập năm', Z7 12,000,000: BC3 1,000,000.
    * J6, J7 blank; Z4 'Thu nhập bình quân năm', Z5 14,400,000 (1,200,000 a month: agrees with
      J5, not said), Z6 12,000,000, Z7 9,000,000: 1,200,000, 1,000,000, 750,000.
    * J6, J7 blank; Z4 'Thu nhập năm của hộ', Z5 12,000,000 (250,000 a person a month:
      differs from J5, J5 read), Z6 57,600,000, Z7 10,000,000: 1,200,000, 1,200,000
      (57,600,000 / 12 / 4), 208,333.33.

    Poor 2, near-poor 1 in each."""
    cases = (
        ({"J7": None, "Z4": "Thu nhập năm", "Z7": 12_000_000}, [1_200_000, 1_200_000, 1_000_000],
         f"1 dòng hộ để trống cột ở ô J4 (dòng 7): đã đọc cột ở ô Z4{_YEAR}"),
        ({"J6": None, "J7": None, "Z4": "Thu nhập bình quân năm", "Z5": 14_400_000,
          "Z6": 12_000_000, "Z7": 9_000_000}, [1_200_000, 1_000_000, 750_000],
         f"2 dòng hộ để trống cột ở ô J4 (dòng 6, 7): đã đọc cột ở ô Z4{_YEAR}"),
        ({"J6": None, "J7": None, "Z4": "Thu nhập năm của hộ", "Z5": 12_000_000,
          "Z6": 57_600_000, "Z7": 10_000_000}, [1_200_000, 1_200_000, 208_333.33],
         "1 dòng hộ ghi hai cột khác nhau (đầu tiên là dòng 5): đã đọc cột ở ô J4; 2 dòng hộ "
         f"để trống cột ở ô J4 (dòng 6, 7): đã đọc cột ở ô Z4{_HOUSEHOLD_YEAR}"),
    )  # fmt: skip
    for index, (cells, incomes, detail) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), cells)
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), index
        assert ban_co_said(result) == [("column-twice-ignored", "Z4")], index
        (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
        assert (issue.variant, str(issue.detail)) == ("named", detail), index
        assert _incomes(result) == incomes, index


def test_a_years_income_agreeing_with_the_templates_in_every_row_is_not_said(tmp_path):
    """Z4 'Thu nhập năm' 14,400,000 in every row beside J's 1,200,000 (the same, a month).
    Before: a column not in the template, said at Z4 (session 45; fails before). Now compared
    in the month's unit: they agree, nothing to say, J read."""
    year = {"Z4": "Thu nhập năm", "Z5": 14_400_000, "Z6": 14_400_000, "Z7": 14_400_000}
    result = run_with_headers(tmp_path, year)
    assert ban_co_said(result) == []
    assert _incomes(result) == [1_200_000] * 3


def test_the_start_lists_years_income_fills_its_blank_rows(tmp_path):
    """The plan's start list: K4 (NM1's income) blank, AB3 'Thu nhập năm' (or 'Thu nhập năm của
    hộ') with 14,400,000 at AB4. Before: AB a column not in the template, NM1's income blank,
    nothing said (2 of 2 fail). Now NM1's income is AB4's a twelfth, 1,200,000 (the household's:
    14,400,000 / 12 / 4 = 300,000), and the start list's warning says so at AB3."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.commune import past_targets, write_plan

    for index, (header, income, how) in enumerate((
        ("Thu nhập năm", 1_200_000, _YEAR), ("Thu nhập năm của hộ", 300_000, _HOUSEHOLD_YEAR),
    )):  # fmt: skip
        (tmp_path / str(index)).mkdir()
        plan = write_plan(tmp_path / str(index))
        book = openpyxl.load_workbook(plan)
        sheet = book["Danh sách đầu năm"]
        assert (sheet["C4"].value, sheet["K3"].value) == ("NM1", _INCOME)
        sheet["K4"], sheet["AB3"], sheet["AB4"] = None, header, 14_400_000
        book.save(plan)
        said = past_targets([i for i in check_files([plan]) if i.file == plan.name])
        assert [(i.code, i.cell) for i in said] == [("plan-value-guessed", "AB3")], header
        assert (
            said[0]
            .message("vi")
            .endswith(
                "1 dòng hộ để trống cột ở ô K3 (đầu tiên là dòng 4): đã đọc cột ở ô AB3" + how + "."
            )
        ), header
        loaded, _ = load_plan(open_workbook(plan), plan.name)
        start = loaded.start_list.set_index("ma_ho")
        assert start.loc["NM1", "thu_nhap"] == income, header


# --- 2. a household's total for a year ----------------------------------------------------------


def test_a_households_year_total_is_read_as_its_year_income(tmp_path):
    """J4 'Tổng thu nhập năm của hộ', 'Tổng thu nhập của hộ (năm)' or 'Tổng thu nhập của hộ năm
    2024' (the household's total for a year): BC1 14,400,000, BC2 12,000,000, BC3 10,000,000,
    4 members each. Before: a column not in the template, the incomes not read (3 of 3 fail).
    Now read as 'Thu nhập năm của hộ' is: 300,000, 250,000, 208,333.33 a person a month, said
    once at J4 (income-per-year, the household's). 'Tổng thu nhập của hộ' (no year: a month's
    or a year's, not told) stays a column not in the template (a guard, passes before too)."""
    year = {"J5": 14_400_000, "J6": 12_000_000, "J7": 10_000_000}
    headers = ("Tổng thu nhập năm của hộ", "Tổng thu nhập của hộ (năm)",
               "Tổng thu nhập của hộ năm 2024")  # fmt: skip
    for index, header in enumerate(headers):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {"J4": header, **year})
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
        assert ban_co_said(result) == [("income-per-year", "J4")], header
        (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
        assert issue.variant == "household", header
        assert _incomes(result) == [300_000, 250_000, 208_333.33], header
    (tmp_path / "no-year").mkdir()
    result = run_with_headers(tmp_path / "no-year", {"J4": "Tổng thu nhập của hộ", **year})
    assert ban_co_said(result) == [("unknown-column", "J4")]


# --- 3. ethnic names ------------------------------------------------------------------------


def test_a_tho_local_name_and_two_names_of_one_group_are_read_as_the_group(tmp_path):
    """F5 'Tày Pọng', F6 'Dao đỏ (Dao Tiền)', F7 'TÀY POỌNG'. Before: each said
    unknown-ethnicity (3 of 3 rows), kept as written. Now 'Tày Pọng' / 'Tày Poọng' are a
    local group of the Thổ (the 1979 list), not of the Tày; two names of the Dao written
    together are the Dao: 'Thổ', 'Dao', 'Thổ', nothing said."""
    cells = {"F5": "Tày Pọng", "F6": "Dao đỏ (Dao Tiền)", "F7": "TÀY POỌNG"}
    result = run_with_headers(tmp_path, cells)
    assert ban_co_said(result) == []
    read = result.households.set_index("ma_ho")
    assert read.loc[["BC1", "BC2", "BC3"], "dan_toc"].tolist() == ["Thổ", "Dao", "Thổ"]


def test_two_groups_names_written_together_name_none():
    """Guard: names of two groups together ('Dao đỏ (Tày)', 'Tày/Nùng'), or a code with a
    name ('DTTS (Tày)'), name no group; 'Mông (Mèo)', 'Dao đỏ/Dao tiền' name theirs (the second
    fails before)."""
    from pipeline.vocab import ethnicity

    assert [ethnicity(v) for v in ("Dao đỏ (Tày)", "Tày/Nùng", "DTTS (Tày)")] == [None] * 3
    assert [ethnicity(v) for v in ("Mông (Mèo)", "Dao đỏ/Dao tiền")] == ["Mông", "Dao"]


# --- 4. headers heads type for a template column -----------------------------------------------


def test_headers_heads_type_for_a_template_column_are_read(tmp_path):
    """Each header alone in its column, as heads type it. Before: each was a column not in the
    template, its values not read; 'Tổng số NK' left the list without its size, refused (10 of
    10 fail). Now each is read as its column: poor 2, near-poor 1, nothing said, the values
    read ('Tày', the IDs, 4 people, 1,200,000)."""
    cases = {
        "J4": ("TN BQ/người/tháng", "TNBQ/người/tháng", "Mức thu nhập bình quân"),
        "H4": ("Tổng số NK",),
        "F4": ("DT chủ hộ", "Thành phần dân tộc"),
        "G4": ("Số CMT", "Số CMTND", "Căn cước công dân", "Mã số định danh"),
    }
    from tests.commune import person

    expected = {"J4": ("thu_nhap", 1_200_000), "H4": ("nhan_khau", 4), "F4": ("dan_toc", "Tày"),
                "G4": ("so_dinh_danh", person("BC1", "poor")["so_dinh_danh"])}  # fmt: skip
    index = 0
    for cell, headers in cases.items():
        key, value = expected[cell]
        for header in headers:
            index += 1
            (tmp_path / str(index)).mkdir()
            result = run_with_headers(tmp_path / str(index), {cell: header})
            ban_co = hamlet_figures(result, "Bản Cọ")
            assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
            assert ban_co_said(result) == [], header
            assert result.households.set_index("ma_ho").loc["BC1", key] == value, header


def test_the_heads_phone_is_no_ethnic_group(tmp_path):
    """Guard (passes before too): 'ĐT chủ hộ' (the head's phone) beside the template's 'Dân
    tộc' folds as 'DT chủ hộ' but is written with 'Đ': a column not in the template."""
    result = run_with_headers(tmp_path, {"Z4": "ĐT chủ hộ", "Z5": "0912345678"})
    assert ban_co_said(result) == [("unknown-column", "Z4")]
