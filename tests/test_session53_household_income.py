"""'TN hộ' and 'Tổng thu nhập của hộ' naming no period are read as the household's month where
the list's values are household-sized (session 53, helper H).

Session 52 read 'Thu nhập của hộ' (no period) as the household's month where more than half of
the list's poor and near-poor households of 2 people or more are over the poverty line as a
person's income, one over twice it, and none over it shared among its members
(rosterchecks.household_sized); 'TN hộ' and 'Tổng thu nhập của hộ' naming no period were left
columns not in the template (unknown-column), their figures not read. Now the same rule reads
them so, where no other column names the income; otherwise they are left as before.

Bản Cọ's May list (tests.test_session44_headers._run): BC1, BC2 poor, BC3 near-poor in rows 5
to 7, H 'Số nhân khẩu' (4 each unless written), J the income. Rural line 1,500,000 đ.
"""

from __future__ import annotations

import unicodedata

from tests.commune import person
from tests.household_incomes import incomes
from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers
from tests.test_session52_household_income import guessed_words


def test_tn_ho_of_household_sized_values_is_read_as_the_households_month(tmp_path):
    """J4 'TN hộ': BC1 '4.800.000' (text, dotted as a head types it) and BC2 3,000,000 for 4
    people, BC3 1,000,000 for 3. As a person's: 2 of 3 over 1,500,000, BC1 over 3,000,000;
    shared: 1,200,000, 750,000, 333,333.33 by hand, none over. Before: a column not in the
    template (unknown-column at J4), no income read. Now divided, one notice at J4 ('2 trong
    3'); poor 2, near-poor 1 as the classes say."""
    bc3 = person("BC3", "near_poor", nhan_khau=3)
    result = run_with_headers(
        tmp_path, {"J4": "TN hộ", "J5": "4.800.000", "J6": 3_000_000, "J7": 1_000_000}, bc3
    )
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert ban_co_said(result) == [("income-per-year", "J4")]
    (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert issue.variant == "household-month-guessed"
    assert issue.message("vi") == guessed_words("TN hộ", 2, 3)
    assert incomes(result) == [1_200_000, 750_000, 333_333.33]


def test_the_households_total_in_thousands_written_decomposed_is_read_so(tmp_path):
    """J4 'Tổng thu nhập của hộ (nghìn đồng)' typed decomposed (NFD): 4,800, 3,000 and 2,000
    thousand for 4 people each: 3 of 3 over the line as a person's, none shared; read
    1,200,000, 750,000 and 500,000 by hand, said once at J4 ('3 trong 3')."""
    header = unicodedata.normalize("NFD", "Tổng thu nhập của hộ (nghìn đồng)")
    result = run_with_headers(tmp_path, {"J4": header, "J5": 4_800, "J6": 3_000, "J7": 2_000})
    assert ban_co_said(result) == [("income-per-year", "J4")]
    (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert (issue.variant, issue.value, issue.instead) == ("household-month-guessed", "3", "3")
    assert incomes(result) == [1_200_000, 750_000, 500_000]


def test_tn_ho_not_household_sized_or_beside_the_income_is_left_unread(tmp_path):
    """Guards, as before: J4 'TN hộ' of 1,600,000, 1,400,000 and 1,700,000 (2 of 3 over the
    line as a person's but none over twice it: no household's month told) and 'Tổng thu nhập
    của hộ' of 4,800,000, 12,000,000, 3,000,000 (12,000,000 over the line even shared by 4: no
    household's month) are columns not in the template, said at J4, no income read; 'TN hộ' at
    AD4 (4,800,000 each) beside the template's J 'Thu nhập BQ (đồng/người/tháng)' (1,200,000
    each) is one too, J read as written."""
    for name, header, values in (
        ("near", "TN hộ", (1_600_000, 1_400_000, 1_700_000)),
        ("year", "Tổng thu nhập của hộ", (4_800_000, 12_000_000, 3_000_000)),
    ):
        (tmp_path / name).mkdir()
        cells = {"J4": header, **dict(zip(("J5", "J6", "J7"), values, strict=True))}
        result = run_with_headers(tmp_path / name, cells)
        assert ban_co_said(result) == [("unknown-column", "J4")], name
        assert [x != x for x in incomes(result)] == [True] * 3, name  # NaN: not read
        ban_co = hamlet_figures(result, "Bản Cọ")
        assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1), name
    (tmp_path / "beside").mkdir()
    beside = {"AD4": "TN hộ", "AD5": 4_800_000, "AD6": 4_800_000, "AD7": 4_800_000}
    result = run_with_headers(tmp_path / "beside", beside)
    assert ban_co_said(result) == [("unknown-column", "AD4")]
    assert incomes(result) == [1_200_000] * 3


_START_MONTH = {  # the start list's K: the household's month (4 people each) and, by hand, /4
    4: (4_800_000, 1_200_000), 5: ("3.600.000", 900_000), 6: (2_000_000, 500_000),
    7: (5_200_000, 1_300_000), 8: (1_400_000, 350_000), 9: (4_000_000, 1_000_000),
    10: (3_000_000, 750_000), 11: (6_000_000, 1_500_000), 12: (2_400_000, 600_000),
    13: (1_000_000, 250_000),
}  # fmt: skip


def _start_list(tmp_path, header: str, values: dict):
    """The small commune's plan, its start list's K3 headed ``header`` and K4-K13 (NM1-NM3
    poor, NM4-NM5 near-poor, BC1-BC2 poor, BC3 near-poor, DK1 poor, DK2 near-poor, 4 people
    each) ``values``: (what `check` says of the plan, the incomes read in that order)."""
    import openpyxl

    from pipeline.checkfiles import check_files
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.commune import past_targets, write_plan

    tmp_path.mkdir(parents=True, exist_ok=True)
    plan = write_plan(tmp_path)
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    assert [sheet[f"C{r}"].value for r in (4, 13, 14)] == ["NM1", "DK2", None]
    sheet["K3"] = header
    for row, value in values.items():
        sheet[f"K{row}"] = value
    book.save(plan)
    said = past_targets([i for i in check_files([plan]) if i.file == plan.name])
    loaded, _ = load_plan(open_workbook(plan), plan.name)
    return said, loaded.start_list["thu_nhap"].tolist()


def test_the_start_lists_household_sized_income_is_read_as_the_households_month(tmp_path):
    """K3 'Thu nhập của hộ' over the households' months (4 people each): 8 of the 10 over
    1,500,000 as a person's ('3.600.000' as text among them), 4,800,000 and more over twice
    it, none over it shared (6,000,000 / 4 = 1,500,000 is not over). Before: read as each
    person's, nothing said. Now divided by 4 (by hand: 1,200,000, 900,000, 500,000, …,
    250,000) and said once at K3 in the plan's words ('8 trong 10', run again)."""
    said, incomes = _start_list(
        tmp_path, "Thu nhập của hộ", {row: value for row, (value, _) in _START_MONTH.items()}
    )
    assert [(i.code, i.cell, i.variant, i.value, i.instead) for i in said] == [
        ("income-per-year", "K3", "plan-household-month-guessed", "8", "10")
    ]
    assert said[0].message("vi") == (
        "Kế hoạch: cột 'Thu nhập của hộ' không ghi thu nhập của một tháng hay cả năm. Ở 8 trong "
        "10 hộ nghèo, cận nghèo có từ 2 nhân khẩu trở lên, số ghi vượt chuẩn nghèo nếu là của "
        "mỗi người, còn chia cho số nhân khẩu của hộ thì không hộ nào vượt: đã hiểu cột là thu "
        "nhập một tháng của cả hộ và chia cho số nhân khẩu (thu nhập bình quân mỗi người một "
        "tháng) để so với chuẩn nghèo; phân loại hộ giữ nguyên như danh sách ghi. Nếu đúng như "
        "vậy, hãy ghi rõ tiêu đề cột là 'Thu nhập của hộ/tháng'; nếu không, hãy ghi thu nhập "
        "bình quân mỗi người một tháng vào cột 'Thu nhập BQ (đồng/người/tháng)' rồi chạy lại."
    )
    assert incomes == [shared for _, shared in _START_MONTH.values()]


def test_the_start_lists_persons_income_or_tn_ho_unsized_is_read_as_before(tmp_path):
    """Guards: K3 'Thu nhập của hộ' over each person's 1,200,000 (the commune's own) is read
    so, nothing said; K3 'TN hộ' over the same (no household's month) is not read (NaN), as
    before, nothing said (the start list names no column it does not read); 'TN hộ' over the
    households' months is read divided, as 'Thu nhập của hộ'."""
    said, incomes = _start_list(tmp_path / "person", "Thu nhập của hộ", {})
    assert (said, incomes) == ([], [1_200_000] * 10)
    said, incomes = _start_list(tmp_path / "tn", "TN hộ", {})
    assert said == [] and [x != x for x in incomes] == [True] * 10
    months = {row: value for row, (value, _) in _START_MONTH.items()}
    said, incomes = _start_list(tmp_path / "tn-month", "TN hộ", months)
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("income-per-year", "K3", "plan-household-month-guessed")
    ]
    assert incomes == [shared for _, shared in _START_MONTH.values()]
