"""An income column naming the household but no period ('Thu nhập của hộ') whose values are
household-sized is read as the household's month (session 52, helper F).

Before, 'Thu nhập của hộ' was read as each person's monthly income (its 'Thu nhập' prefix): a
household of 4 writing 4,800,000 (1,200,000 each) was read 4.8 million a person, said over the
line row by row. Now, where more than half of the list's poor and near-poor households of 2
people or more are over the line as a person's income and none is over it shared among its
members, the column is read as the household's month, divided by the size, and said once at
its header; the classes (and so the counts) are never changed by it.

Bản Cọ's May list (tests.test_session44_headers.run): BC1, BC2 poor, BC3 near-poor in rows 5
to 7, H 'Số nhân khẩu' (4 each unless written), J the income. Rural line 1,500,000 đ.
"""

from __future__ import annotations

from tests.household_incomes import PER_PERSON, households_month_read, incomes, run_incomes
from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers


def guessed_words(header: str, over: int, sized: int) -> str:
    return (
        f"Cột '{header}' không ghi thu nhập của một tháng hay cả năm. Ở {over} trong {sized} hộ "
        "nghèo, cận nghèo có từ 2 nhân khẩu trở lên, số ghi vượt chuẩn nghèo nếu là của mỗi "
        "người, còn chia cho số nhân khẩu của hộ thì không hộ nào vượt: đã hiểu cột là thu nhập "
        "một tháng của cả hộ và chia cho số nhân khẩu (thu nhập bình quân mỗi người một tháng) "
        "để so với chuẩn nghèo; phân loại hộ giữ nguyên như xóm ghi. Nếu đúng như vậy, hãy ghi "
        "rõ tiêu đề cột là 'Thu nhập của hộ/tháng'; nếu không, hãy ghi thu nhập bình quân mỗi "
        f"người một tháng vào cột '{PER_PERSON}' rồi gửi lại."
    )


def _read(folder, header: str, values: list[int], read: list[float], said: list[tuple]) -> None:
    """:func:`tests.household_incomes.run_incomes` of ``values`` under ``header`` in ``folder``:
    the incomes ``read``, the issues ``said`` at Bản Cọ, its classes as written (2 poor, 1
    near-poor), asserted (the case, ``folder``'s name, on each failure)."""
    result = run_incomes(folder, header, values)
    assert ban_co_said(result) == said, folder.name
    assert incomes(result) == read, folder.name
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1), folder.name


def test_household_sized_values_are_read_as_the_households_month(tmp_path):
    """J4 'Thu nhập của hộ' (and 'Thu nhập hộ (đồng)'): BC1 4,800,000 and BC2 3,000,000 for 4
    people, BC3 1,000,000 for 3. As a person's: 2 of 3 over 1,500,000; shared: 1,200,000,
    750,000, 333,333.33, none over. Before: read 4.8 and 3 million a person, two
    classification-mismatch at I5, I6. Now divided, one notice at J4 ('2 trong 3'), vi and en;
    poor 2, near-poor 1 as the classes say."""
    for index, header in enumerate(("Thu nhập của hộ", "Thu nhập hộ (đồng)")):
        issue = households_month_read(tmp_path / str(index), header)
        assert issue.variant == "household-month-guessed"
        assert issue.message("vi") == guessed_words(header, 2, 3)
    assert issue.message("en") == (
        "Column 'Thu nhập hộ (đồng)' does not say whether it holds a month's or a year's income. "
        "For 2 of the 3 poor and near-poor households of 2 people or more, the figure is over the "
        "poverty line as a person's income, while shared among the household's members none is: "
        "the column was read as the whole household's income for a month and divided by the "
        "household's members (the income per person a month) to compare with the poverty line; "
        "the households' classes are kept as the hamlet wrote them. If that is right, head the "
        "column 'Thu nhập của hộ/tháng'; if not, write the income per person a month in a column "
        f"'{PER_PERSON}' and send the file again."
    )


def test_household_sized_values_in_thousands(tmp_path):
    """J4 'Thu nhập của hộ (nghìn đồng)': 4,800, 3,000, 2,000 (thousands) for 4 people each:
    4,800,000 / 4 = 1,200,000, 750,000, 500,000; all 3 over the line as a person's. Before:
    4.8, 3 and 2 million a person."""
    header = "Thu nhập của hộ (nghìn đồng)"
    result = run_with_headers(tmp_path, {"J4": header, "J5": 4_800, "J6": 3_000, "J7": 2_000})
    assert ban_co_said(result) == [("income-per-year", "J4")]
    (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert issue.message("vi") == guessed_words(header, 3, 3)
    assert incomes(result) == [1_200_000, 750_000, 500_000]


def test_values_that_fit_a_persons_income_or_no_households_month_are_read_as_written(tmp_path):
    """Guards, each read as written (as before), no notice: under 'Thu nhập của hộ', values of
    a person's (1,200,000, 750,000, 1,000,000: none over the line); one over the line even
    shared (BC3 6,000,000 for 3: 2,000,000 each; the other two as in the first test): each
    over the line said at its class as before; over as a person's in 1 of 3 only (4,800,000,
    750,000, 1,000,000: not more than half); the template's per-person header with
    4,800,000, 3,000,000, 1,000,000."""
    cases = {
        "person": ("Thu nhập của hộ", [1_200_000, 750_000, 1_000_000], []),
        "shared-over": (
            "Thu nhập của hộ",
            [4_800_000, 3_000_000, 6_000_000],
            [("classification-mismatch", "I5"), ("classification-mismatch", "I6"),
             ("classification-mismatch", "I7")],
        ),  # fmt: skip
        "one": ("Thu nhập của hộ", [4_800_000, 750_000, 1_000_000],
                [("classification-mismatch", "I5")]),  # fmt: skip
        "template": (PER_PERSON, [4_800_000, 3_000_000, 1_000_000],
                     [("classification-mismatch", "I5"), ("classification-mismatch", "I6")]),
    }  # fmt: skip
    for name, (header, values, said) in cases.items():
        _read(tmp_path / name, header, values, values, said)


def test_a_persons_income_near_the_line_is_not_taken_for_the_households_month(tmp_path):
    """Session 52 review (helper RF). Under 'Thu nhập của hộ', each person's income written near
    the line: BC1 1,520,000 and BC2 1,450,000 (4 people), BC3 1,580,000 (3). As a person's, 2 of
    3 are over 1,500,000 and none is shared: before this review read as the household's month,
    divided (380,000, 362,500, 526,666.67) and the two households over the line said nowhere.
    No value is over twice the line (3,000,000), which a household's month of 3 or more people
    at a poor household's share commonly is and no person's income on the list nears: read as
    written, BC1 (I5) and BC3 (I7) said over the line at their class as before; no notice. A
    household's month of 4 people, 3,200,000 (800,000 each) beside them, is over twice the line:
    the column is read as the household's month (3 of 3 over as a person's)."""
    cases = {
        "near": ([1_520_000, 1_450_000, 1_580_000], [1_520_000, 1_450_000, 1_580_000],
                 [("classification-mismatch", "I5"), ("classification-mismatch", "I7")]),
        "month": ([3_200_000, 1_600_000, 1_580_000], [800_000, 400_000, 526_666.67],
                  [("income-per-year", "J4")]),
    }  # fmt: skip
    for name, (values, read, said) in cases.items():
        _read(tmp_path / name, "Thu nhập của hộ", values, read, said)
