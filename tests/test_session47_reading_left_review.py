"""Session 47 (helper N): review of the reading leftovers (tests/test_session47_reading_left.py).
Each finding pinned by a small fixture worked out by hand.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor, 200 households); H 'Số nhân khẩu' (all 4), J 'Thu nhập BQ (đồng/người/tháng)'."""

from __future__ import annotations

from tests.test_session47_reading_left import read_a_twelfth_a_person

# --- 1. 'TNBQ hộ/năm' is 'Thu nhập BQ hộ/năm' by its initials ----------------------------------


def test_tnbq_of_a_household_a_year_reads_as_its_words_spelt_out(tmp_path):
    """J4 'TNBQ hộ/năm', 'TN BQ hộ/năm' or 'Thu nhập BQ hộ/năm' (thu nhập bình quân: the
    average, per person, as 'BQ' always says: session 46 review), J5, J6 14,400,000, J7
    12,000,000, 4 members each. The two spelt with 'BQ' apart were read a twelfth per person
    (1,200,000, 1,200,000, 1,000,000; said income-per-year, no variant), but 'TNBQ' glued was no
    'BQ' to text.household_year: the household's year, also divided by its 4 members (300,000,
    300,000, 250,000; variant 'household'), a quarter of the same header's reading (1 of 3 cases
    fails before). Now all three read alike."""
    read_a_twelfth_a_person(tmp_path, ("TNBQ hộ/năm", "TN BQ hộ/năm", "Thu nhập BQ hộ/năm"))


# --- 2. a start list writing words for every income says it once ------------------------------


def test_a_start_list_of_incomes_in_words_says_them_once_naming_the_rows(tmp_path):
    """The plan's start list 'Danh sách đầu năm' (header in row 3, K the income, its 10
    households NM1 to DK2 in rows 4 to 13): K4 'không có', K5 to K13 '-' (no income written, as
    a list exported with a dash in every blank cell). Each was said at its cell: 10 warnings,
    and a province's list (hundreds of thousands of rows: plan._start_list) as many (fails
    before: 10 warnings). Now up to 5 are said one by one (the leftovers' test: 3); more once,
    at the first cell, naming the rows and the first value (invalid-income, variant
    'plan-rows'). The start list as before: 10 households, every income blank."""
    import math

    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.commune import past_targets, write_plan

    plan = write_plan(tmp_path)
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert [sheet[f"C{r}"].value for r in (4, 13, 14)] == ["NM1", "DK2", None]
    sheet["K4"] = "không có"
    for row in range(5, 14):
        sheet[f"K{row}"] = "-"
    book.save(plan)
    said = past_targets([i for i in check_files([plan]) if i.file == plan.name])
    assert [(i.code, i.sheet, i.cell, i.row, i.variant) for i in said] == [
        ("invalid-income", "Danh sách đầu năm", "K4", 4, "plan-rows")
    ]
    assert said[0].message("vi") == (
        "'Thu nhập BQ (đồng/người/tháng)' không phải số ở 10 dòng hộ (các dòng 4–13), như "
        "'không có' ở ô K4: đọc là để trống. Hãy ghi thu nhập bằng số, theo đơn vị ghi ở tiêu "
        "đề cột (ví dụ 1.200.000). Các hộ vẫn được tính."
    )
    assert said[0].message("en") == (
        "'Thu nhập BQ (đồng/người/tháng)' is not a number in 10 household rows (rows 4–13), "
        "such as 'không có' at K4: read as blank. Write the income as a number, in the unit "
        "the column's header gives (e.g. 1,200,000). The households still count."
    )
    loaded, _ = load_plan(open_workbook(plan), plan.name)
    incomes = loaded.start_list["thu_nhap"].tolist()
    assert len(incomes) == 10 and all(math.isnan(v) for v in incomes)
