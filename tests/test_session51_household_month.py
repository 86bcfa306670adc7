"""Session 51 (helper M): a column headed as the household's MONTHLY income ('Thu nhập của
hộ/tháng', 'Thu nhập hộ (đồng/tháng)', 'TN hộ/tháng', 'Tổng thu nhập của hộ trong tháng') is
read, each value divided by the household's size, said once at the header.

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor), H 'Số nhân khẩu' (4 each unless written), J the income. The plan's start list
'Danh sách đầu năm' has its header in row 3, K3 the income, Nà Mòn's households from row 4."""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person, write_plan
from tests.household_incomes import PER_PERSON, households_month_read, incomes
from tests.summaries import hamlet_figures
from tests.test_session43_d_heads_files import ban_co_template
from tests.test_session44_headers import ban_co_said, run_with_headers

_MONTHS = (
    "Thu nhập của hộ/tháng",
    "Thu nhập hộ (đồng/tháng)",
    "TN hộ/tháng",
    "Tổng thu nhập của hộ trong tháng",
)


def test_a_households_month_is_divided_by_its_size_and_said_once(tmp_path):
    """J4 headed as the household's month; BC1 4,800,000 and BC2 3,000,000 (4 people each),
    BC3 1,000,000 for 3 people. By hand: 4,800,000 / 4 = 1,200,000, 3,000,000 / 4 = 750,000,
    1,000,000 / 3 = 333,333.33 (to the hundredth). Before: the first two were read as each
    person's (4.8 and 3 million, over the line: three classification-mismatch), the last two
    headers not read at all (unknown-column, incomes blank): 4 of 4 fail before. Now one
    warning at J4, in the household's words, nothing said row by row."""
    for index, header in enumerate(_MONTHS):
        issue = households_month_read(tmp_path / str(index), header)
        assert issue.variant == "household-month", header
        assert issue.message("vi") == (
            f"Cột '{header}' ghi thu nhập một tháng của cả hộ: đã chia cho số nhân khẩu của hộ "
            "(thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo. Nếu đúng như vậy "
            "thì không cần sửa; nếu không, hãy ghi thu nhập bình quân mỗi người một tháng vào "
            f"cột '{PER_PERSON}' rồi gửi lại."
        ), header


def test_a_households_month_in_thousands_is_divided_in_dong(tmp_path):
    """J4 'Thu nhập của hộ/tháng (nghìn đồng)': BC1 4,800 (thousands: 4,800,000 đ / 4 =
    1,200,000), BC2 3,000 (750,000), BC3 2,000 (2,000,000 / 4 = 500,000). Before: read each
    person's, 4.8, 3 and 2 million (fails before)."""
    result = run_with_headers(tmp_path, {"J4": "Thu nhập của hộ/tháng (nghìn đồng)", "J5": 4_800,
                                          "J6": 3_000, "J7": 2_000})  # fmt: skip
    assert ban_co_said(result) == [("income-per-year", "J4")]
    assert incomes(result) == [1_200_000, 750_000, 500_000]


def _list(tmp_path, rows: list[dict], headers: dict):
    """Bản Cọ's May list of ``rows`` (BC1, BC2, BC3), its headers rewritten; the run's result."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    ban_co_template(folder, rows, headers)
    return collect(folder, None, workers=0)[0]


def test_a_households_month_without_its_size_is_blank_and_said_as_per_household(tmp_path):
    """BC1's size written '4 hộ' (no number of people), its income 4,800,000 under 'Thu nhập
    của hộ/tháng': not divided (never guessed), read as blank, said at J5 in the '/hộ' words
    (variant 'no-size'), the size said at H5 as before. Before: read as each person's
    4,800,000, nothing said at J5 (fails before)."""
    header = "Thu nhập của hộ/tháng"
    rows = [person("BC1", "poor", nhan_khau="4 hộ", thu_nhap=4_800_000),
            person("BC2", "poor", gioi_tinh="Nữ", nhan_khau="4 hộ", thu_nhap="3.000.000/hộ"),
            person("BC3", "near_poor")]  # fmt: skip
    result = _list(tmp_path, rows, {"J4": header})
    said = sorted((i.code, i.cell, i.variant) for i in result.issues if i.row == 5)
    assert [(c, cell, v) for c, cell, v in said if cell == "J5"] == [
        ("income-per-household", "J5", "no-size")
    ]
    assert [c for c, cell, _ in said if cell == "H5"] == ["invalid-household-size"]
    [line] = [i for i in result.issues if i.cell == "J5"]
    assert line.message("vi") == (
        f"Ô J5 ('{header}') ghi '4.800.000', là thu nhập của cả hộ, không phải của mỗi người, "
        "nhưng số nhân khẩu của hộ chưa đọc được nên không chia được cho từng người: thu nhập "
        "để trống. Hãy ghi thu nhập bình quân mỗi người một tháng, theo đơn vị ghi ở tiêu đề "
        "cột (ví dụ 1.200.000), và ghi số nhân khẩu của hộ."
    )
    # BC2's '3.000.000/hộ' without its size: said alike, quoted as written
    [other] = [i for i in result.issues if i.cell == "J6"]
    assert (other.code, other.variant, str(other.value)) == (
        "income-per-household", "no-size", "3.000.000/hộ"
    )  # fmt: skip
    # BC3's default income (1,200,000) is its household's of 4: 300,000
    incomes = result.households.set_index("ma_ho")["thu_nhap"]
    assert incomes["BC3"] == 300_000
    assert "BC1" not in incomes.index or incomes["BC1"] != incomes["BC1"]  # left out or blank


def test_per_household_written_under_the_households_month_is_divided_once(tmp_path):
    """BC1 '4.800.000/hộ' under 'Thu nhập của hộ/tháng' (4 people): the '/hộ' restates the
    header, divided once: 1,200,000, no line at J5 (before: 'income-per-household' said it
    divided, as under a header of each person's: the figure the same, the line not)."""
    rows = [person("BC1", "poor", thu_nhap="4.800.000/hộ"),
            person("BC2", "poor", gioi_tinh="Nữ", thu_nhap=3_000_000),
            person("BC3", "near_poor", thu_nhap=2_000_000)]  # fmt: skip
    result = _list(tmp_path, rows, {"J4": "Thu nhập của hộ/tháng"})
    assert ban_co_said(result) == [("income-per-year", "J4")]
    assert incomes(result) == [1_200_000, 750_000, 500_000]


def test_which_headers_are_the_households_month():
    """The household's month: the four of the task, 'THU NHẬP CỦA HỘ/THÁNG', 'Tổng thu nhập
    của hộ/tháng'. Not: per person ('Thu nhập bình quân/người/tháng', the template's 'Thu nhập
    BQ (đồng/người/tháng)', 'TNBQ hộ/tháng', 'Thu nhập BQ của hộ/tháng', 'Thu nhập đầu
    người/hộ/tháng'), a year's ('Thu nhập năm của hộ', 'Thu nhập của hộ (đồng/năm)'), no
    household ('Thu nhập tháng', 'Thu nhập hỗ trợ/tháng'), no period ('Thu nhập của hộ')."""
    from pipeline.text import household_month, household_year

    yes = (*_MONTHS, "THU NHẬP CỦA HỘ/THÁNG", "Tổng thu nhập của hộ/tháng")
    assert [household_month(h) for h in yes] == [True] * len(yes)
    no = (
        "Thu nhập bình quân/người/tháng", PER_PERSON, "TNBQ hộ/tháng", "Thu nhập BQ của hộ/tháng",
        "Thu nhập đầu người/hộ/tháng", "Thu nhập năm của hộ", "Thu nhập của hộ (đồng/năm)",
        "Thu nhập tháng", "Thu nhập hỗ trợ/tháng", "Thu nhập của hộ",
    )  # fmt: skip
    assert [household_month(h) for h in no] == [False] * len(no)
    # the household's year as before; 'hộ trong năm' is the household too, not 'hỗ trợ'
    # (fails before: the word after 'hộ' beginning 'tro' read it 'hỗ trợ')
    assert [household_year(h) for h in (
        "Thu nhập năm của hộ", "Tổng thu nhập năm của hộ", "Tổng thu nhập của hộ trong năm",
    )] == [True] * 3  # fmt: skip
    assert [household_year(h) for h in ("Thu nhập năm (kể cả hỗ trợ)", "TNBQ hộ/năm")] == [
        False
    ] * 2


def test_the_templates_and_a_persons_month_headers_are_read_as_written(tmp_path):
    """Guards: the template's 'Thu nhập BQ (đồng/người/tháng)' and 'Thu nhập bình
    quân/người/tháng' read each person's, 1,200,000 each as written, nothing said; 'TN hộ'
    and 'Tổng thu nhập của hộ' naming no period not read, as before (unknown-column)."""
    for index, header in enumerate((PER_PERSON, "Thu nhập bình quân/người/tháng")):
        (tmp_path / str(index)).mkdir()
        result = run_with_headers(tmp_path / str(index), {"J4": header})
        assert ban_co_said(result) == [], header
        assert incomes(result) == [1_200_000] * 3, header
    for index, header in enumerate(("TN hộ", "Tổng thu nhập của hộ")):
        (tmp_path / f"n{index}").mkdir()
        result = run_with_headers(tmp_path / f"n{index}", {"J4": header})
        assert ban_co_said(result) == [("unknown-column", "J4")], header


def test_the_start_lists_households_month_is_said(tmp_path):
    """The plan's start list heads K3 'Thu nhập của hộ/tháng': one warning at K3 in the
    plan's words (run again). Before: nothing said (fails before)."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from tests.commune import past_targets
    from tests.commune import write_plan as plan_of

    plan = plan_of(tmp_path)
    book = openpyxl.load_workbook(plan)
    book["Danh sách đầu năm"]["K3"] = "Thu nhập của hộ/tháng"
    book.save(plan)
    said = past_targets([i for i in check_files([plan]) if i.file == plan.name])
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("income-per-year", "K3", "plan-household-month")
    ]
    assert said[0].message("vi") == (
        "Kế hoạch: cột 'Thu nhập của hộ/tháng' ghi thu nhập một tháng của cả hộ: đã chia cho số "
        "nhân khẩu của hộ (thu nhập bình quân mỗi người một tháng) để so với chuẩn nghèo. Nếu "
        "đúng như vậy thì không cần sửa; nếu không, hãy ghi thu nhập bình quân mỗi người một "
        f"tháng vào cột '{PER_PERSON}' rồi chạy lại."
    )


def test_a_households_month_beside_the_persons_column_yields_to_it(tmp_path):
    """J 'Thu nhập BQ (đồng/người/tháng)' 1,200,000 (BC1, BC3) and blank (BC2), AD 'Thu nhập
    của hộ/tháng' 4,800,000, 4,000,000, 4,800,000 (4 people each). By hand: 4,800,000 / 4 =
    1,200,000 agrees with J; BC2's blank J filled from AD: 4,000,000 / 4 = 1,000,000. Said
    once at AD4 (the row read there, in the household's words). Before: the two differing in
    3 rows refused the list (fails before), as a year's beside it is not (session 47)."""
    rows = [person("BC1", "poor"), person("BC2", "poor", thu_nhap=None),
            person("BC3", "near_poor")]  # fmt: skip
    result = _list(tmp_path, rows, {"AD4": "Thu nhập của hộ/tháng", "AD5": 4_800_000,
                                    "AD6": 4_000_000, "AD7": 4_800_000})  # fmt: skip
    assert hamlet_figures(result, "Bản Cọ")["status"] == "ok"
    assert ban_co_said(result) == [("column-twice-ignored", "AD4")]
    assert incomes(result) == [1_200_000, 1_000_000, 1_200_000]
    (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert (
        "1 dòng hộ để trống cột ở ô J4 (dòng 6): đã đọc cột ở ô AD4 (thu nhập một tháng của cả "
        "hộ: đã chia cho số nhân khẩu của hộ)."
    ) in issue.message("vi")
