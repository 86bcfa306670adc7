"""Session 51: a household's income written per household ('4.500.001/hộ') is asked of its head
as each member's share rounded in the column's unit, but never rounded across the standard's
income line (a share just over the line asked AT it would be read poor or near-poor next month);
under a per-person year's header the share is said a year's, the unit the head writes in
(docs/decisions.md, session 51: "a share asked of the head stays on its side of the line, said
in the column's period")."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster
from tests.test_session23_rows import MAY

# Nà Mòn's May list (tests.test_session23_rows.MAY): NM1-NM6 in rows 5-10, each of 4 people,
# J the income (J4 its header), H the household's size.


def _na_mon_j5(tmp_path, written, size=3, area="rural", header=None, others=None):
    """Nà Mòn's May list under a plan of ``area``, NM1 (row 5) writing ``written`` in J5 for
    ``size`` people (J4 ``header`` and the other rows' income ``others`` where given): the issue
    at J5 and NM1's income counted (đồng a person a month)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    plan = folder / "KeHoach_2024.xlsx"
    write_plan_workbook(plan, {**PLAN_INFO, "area": area}, plan_hamlets(), start_list())
    rows = [person(code, status) for code, status in MAY]
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet["H5"], sheet["J5"] = size, written
    if header:
        sheet["J4"] = header
        for row in range(6, 11):
            sheet[f"J{row}"] = others  # the others' 1,200,000 đ a month in the column's unit
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    [j5] = [i for i in result.issues if i.hamlet == "Nà Mòn" and i.cell == "J5"]
    rows = result.households[result.households["hamlet"] == "Nà Mòn"]
    [income] = rows.loc[rows["ma_ho"] == "NM1", "thu_nhap"].astype(float).tolist()
    return j5, income


# --- the share asked stays on its side of the line ----------------------------------------------


@pytest.mark.parametrize(
    ("area", "written", "exact", "asked"),
    [
        # rural line 1,500,000 (≤ is poor or near-poor); a share over it, asked a step over it,
        # is test_a_share_asked_a_step_over_the_line_is_said_as_the_figure_to_write's
        # 4,499,999 / 3 = 1,499,999.67, under it: half up 1.500.000, at it, still ≤: kept
        ("rural", "4.499.999/hộ", 1_499_999.67, "1.500.000"),
        # urban line 2,000,000: 5,999,999 / 3 = 1,999,999.67 under it: 2.000.000, still ≤
        ("urban", "5.999.999/hộ", 1_999_999.67, "2.000.000"),
        # an urban commune's line is 2,000,000: 1,500,000.33 is asked 1.500.000 (no line there)
        ("urban", "4.500.001/hộ", 1_500_000.33, "1.500.000"),
    ],
    ids=["rural-under", "urban-under", "urban-at-rural-line"],
)
def test_a_share_asked_in_whole_dong_stays_on_its_side_of_the_line(
    tmp_path, area, written, exact, asked
):
    """A share under its line (or under no line: the rural figure in an urban commune) is
    asked rounded half up, 'about' the share, as before: at the line is still ≤ (guards; a
    share over its line is asked a step over it, said as the figure to write, below). The
    figure counted is the exact share either way."""
    j5, income = _na_mon_j5(tmp_path, written, area=area)
    assert income == exact
    assert j5.variant == "rounded"
    assert f"mỗi người khoảng {asked} một tháng" in j5.message("vi")
    assert f"Hãy ghi {asked} vào ô J5" in j5.message("vi")
    english = asked.replace(".", ",")
    assert f"Write {english} in J5" in j5.message("en")


# --- the share said in the period of the column ---------------------------------------------------

YEAR = "Thu nhập năm (đồng/người)"  # each person's year, in đồng


def test_a_share_under_a_persons_year_is_said_a_year(tmp_path):
    """J4 'Thu nhập năm (đồng/người)' (each person's year: divided by 12, not by the size),
    NM1 (4 people) '57.600.000/hộ': the household's year, so by hand each member's 57,600,000 /
    4 = 14,400,000 a year, 1,200,000 a month counted. The head writes a year's figure there, so
    he is told 14.400.000 a person a YEAR. Before: 'tính là 14.400.000 mỗi người một tháng'
    (the column's figure said a month's: twelve times the income)."""
    j5, income = _na_mon_j5(tmp_path, "57.600.000/hộ", 4, header=YEAR, others=14_400_000)
    assert income == 1_200_000
    assert j5.variant == "year"
    assert j5.message("vi") == (
        "Ô J5 ('Thu nhập năm (đồng/người)') ghi '57.600.000/hộ', là thu nhập của cả hộ, không "
        "phải của mỗi người: đã chia cho 4 người của hộ ('Số nhân khẩu'), tính là 14.400.000 "
        "mỗi người một năm. Hãy ghi 14.400.000 vào ô J5 (thu nhập mỗi người một năm, theo đơn "
        "vị ghi ở tiêu đề cột). Hộ vẫn được tính."
    )
    assert j5.message("en") == (
        "Cell J5 ('Thu nhập năm (đồng/người)') holds '57.600.000/hộ', the whole household's "
        "income, not each person's: divided by the household's 4 people ('Số nhân khẩu'), read "
        "as 14,400,000 a person a year. Write 14,400,000 in J5 (each person's income a year, in "
        "the unit the column's header gives). The household still counts."
    )


@pytest.mark.parametrize(
    ("written", "exact", "asked"),
    [
        # 50,000,000 / 3 = 16,666,666.67 a year (1,388,888.89 a month counted): whole đồng
        ("50.000.000/hộ", 1_388_888.89, "16.666.667"),
        # (one over the line, asked a step over it:
        # test_a_share_asked_a_step_over_the_line_is_said_as_the_figure_to_write)
    ],
    ids=["whole-dong"],
)
def test_a_share_under_a_persons_year_is_asked_in_whole_dong_a_year(
    tmp_path, written, exact, asked
):
    """Under 'Thu nhập năm (đồng/người)' the head writes whole đồng too: the share of no whole
    đồng is asked rounded, a year's, on its side of the line. Before: asked with its decimals
    ('16.666.666,68') and said a month's."""
    j5, income = _na_mon_j5(tmp_path, written, header=YEAR, others=14_400_000)
    assert income == exact
    assert j5.variant == "rounded-year"
    assert j5.message("vi") == (
        f"Ô J5 ('{YEAR}') ghi '{written}', là thu nhập của cả hộ, không phải của mỗi người: đã "
        f"chia cho 3 người của hộ ('Số nhân khẩu'), mỗi người khoảng {asked} một năm (đã tính "
        f"đủ phần lẻ). Hãy ghi {asked} vào ô J5 (thu nhập mỗi người một năm, làm tròn đến "
        "đồng). Hộ vẫn được tính."
    )
    english = asked.replace(".", ",")
    assert j5.message("en") == (
        f"Cell J5 ('{YEAR}') holds '{written}', the whole household's income, not each "
        "person's: divided by the household's 3 people ('Số nhân khẩu'), about "
        f"{english} a person a year (counted to the hundredth of a đồng). Write {english} in "
        "J5 (each person's income a year, rounded to the đồng). The household still counts."
    )


# --- every variant said in the column's period; a figure moved off the line said plainly -------
# (docs/decisions.md, session 51: "a share asked of the head stays on its side of the line, said
# in the column's period", its last paragraph)


def test_an_income_per_household_without_its_size_under_a_persons_year_asks_a_year(tmp_path):
    """J4 'Thu nhập năm (đồng/người)', NM1's size '4 hộ' (H5, no number of people) and its
    income '57.600.000/hộ': not divided, read as blank (its members not known), said at J5.
    The head writes each person's YEAR there, so he is asked a year's figure, the example a
    year's 1,200,000 × 12 = 14.400.000. Before: "Hãy ghi thu nhập bình quân mỗi người một
    tháng … (ví dụ 14.400.000)": a month's words beside a year's example."""
    j5, income = _na_mon_j5(tmp_path, "57.600.000/hộ", "4 hộ", header=YEAR, others=14_400_000)
    assert income != income  # blank (NaN): not guessed
    assert j5.variant == "no-size-year"
    assert j5.message("vi") == (
        f"Ô J5 ('{YEAR}') ghi '57.600.000/hộ', là thu nhập của cả hộ, không phải của mỗi "
        "người, nhưng số nhân khẩu của hộ chưa đọc được nên không chia được cho từng người: "
        "thu nhập để trống. Hãy ghi thu nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột "
        "(ví dụ 14.400.000), và ghi số nhân khẩu của hộ."
    )
    assert j5.message("en") == (
        f"Cell J5 ('{YEAR}') holds '57.600.000/hộ', the whole household's income, not each "
        "person's, but the household's size is not read, so it cannot be shared among its "
        "people: the income is left blank. Write each person's income a year, in the unit the "
        "column's header gives (e.g. 14,400,000), and the household's size."
    )


def test_many_incomes_per_household_in_a_start_list_of_a_persons_year_ask_a_year(tmp_path):
    """The plan's start list headed 'Thu nhập năm (đồng/người)' at K3 (each person's year),
    K4-K10 '57.600.000/hộ' (7 rows, past five: said once at K4 naming the rows), K11-K13 each
    person's 14.400.000 a year. By hand every household of 4 people: 57,600,000 / 4 / 12 =
    1,200,000 a month counted, as are 14,400,000 / 12. The words say a year, as the example
    (14.400.000) does. Before: "(thu nhập bình quân mỗi người một tháng). Hãy ghi thu nhập bình
    quân mỗi người một tháng … (ví dụ 14.400.000)"."""
    from tests.test_session47_reading_left_income import start_said

    cells = {"K3": YEAR, **{f"K{row}": "57.600.000/hộ" for row in range(4, 11)}}
    cells |= {f"K{row}": 14_400_000 for row in range(11, 14)}
    said, start = start_said(tmp_path, cells)
    lines = [i for i in said if i.code == "income-per-household"]
    assert [(i.cell, i.variant) for i in lines] == [("K4", "plan-rows-year")]
    assert lines[0].message("vi") == (
        f"'{YEAR}' ghi thu nhập của cả hộ ở 7 dòng hộ (các dòng 4–10), như '57.600.000/hộ' ở ô "
        "K4: đã chia cho số nhân khẩu của từng hộ (thu nhập mỗi người một năm). Hãy ghi thu "
        "nhập mỗi người một năm, theo đơn vị ghi ở tiêu đề cột (ví dụ 14.400.000). Các hộ vẫn "
        "được tính."
    )
    assert lines[0].message("en") == (
        f"'{YEAR}' holds the whole household's income in 7 household rows (rows 4–10), such as "
        "'57.600.000/hộ' at K4: divided by each household's size (each person's income a "
        "year). Write each person's income a year, in the unit the column's header gives (e.g. "
        "14,400,000). The households still count."
    )
    assert (start["thu_nhap"] == 1_200_000).sum() == 10


def test_many_incomes_per_household_of_a_year_some_rows_left_out_ask_a_year(tmp_path):
    """As above, I5 (NM2's size) 'bốn', no number: NM2 left out for it (its income not
    divided, blank), the line naming it as not counted, the rest in a year's words. Before:
    'plan-rows-partly', a month's words beside the year's example."""
    from tests.test_session47_reading_left_income import start_said

    cells = {"K3": YEAR, "I5": "bốn", **{f"K{row}": "57.600.000/hộ" for row in range(4, 11)}}
    cells |= {f"K{row}": 14_400_000 for row in range(11, 14)}
    said, start = start_said(tmp_path, cells)
    lines = [i for i in said if i.code == "income-per-household"]
    assert [(i.cell, i.variant) for i in lines] == [("K4", "plan-rows-year-partly")]
    assert (
        lines[0]
        .message("vi")
        .endswith(
            ": đã chia cho số nhân khẩu của từng hộ (thu nhập mỗi người một năm). Hãy ghi thu nhập "
            "mỗi người một năm, theo đơn vị ghi ở tiêu đề cột (ví dụ 14.400.000). Các hộ vẫn được "
            "tính, trừ 1 dòng hộ (các dòng 5): các hộ đó chưa được tính vì lỗi khác."
        )
    )
    assert (
        lines[0]
        .message("en")
        .endswith(
            ": divided by each household's size (each person's income a year). Write each person's "
            "income a year, in the unit the column's header gives (e.g. 14,400,000). The households "
            "still count, but for 1 household rows (rows 5): those are left out for another error."
        )
    )
    assert "NM2" not in start.index
    assert (start["thu_nhap"] == 1_200_000).sum() == 9


def _moved(vi_period: str, en_period: str, written: str, asked: str, header: str) -> tuple:
    """The whole message, both languages, of a share just over the line asked a step over it."""
    english = asked.replace(".", "#").replace(",", ".").replace("#", ",")
    vi = (
        f"Ô J5 ('{header}') ghi '{written}', là thu nhập của cả hộ, không phải của mỗi người: "
        "đã chia cho 3 người của hộ ('Số nhân khẩu'), thu nhập mỗi người vượt chuẩn nghèo một "
        f"chút (đã tính đủ phần lẻ). Hãy ghi {asked} vào ô J5 ({vi_period}, theo đơn vị ghi ở "
        "tiêu đề cột; đã làm tròn lên để hộ vẫn vượt chuẩn nghèo). Hộ vẫn được tính."
    )
    en = (
        f"Cell J5 ('{header}') holds '{written}', the whole household's income, not each "
        "person's: divided by the household's 3 people ('Số nhân khẩu'), each person's income "
        "is just over the poverty line (counted to the hundredth of a đồng). Write "
        f"{english} in J5 ({en_period}, in the unit the column's header gives; rounded up so "
        "that the household stays over the poverty line). The household still counts."
    )
    return vi, en


MONTH = "Thu nhập BQ (đồng/người/tháng)"
MONTH_VI = "thu nhập bình quân mỗi người một tháng"
MONTH_EN = "the average income per person a month"


@pytest.mark.parametrize(
    ("area", "header", "others", "written", "exact", "asked", "variant"),
    [
        # rural line 1,500,000: 4,500,001 / 3 = 1,500,000.33, asked 1.500.001 (half up 1.500.000
        # is AT the line), a đồng over the share: not 'about' the share, the figure to write
        ("rural", None, None, "4.500.001/hộ", 1_500_000.33, "1.500.001", "moved"),
        # urban line 2,000,000: 6,000,001 / 3 = 2,000,000.33, asked 2.000.001
        ("urban", None, None, "6.000.001/hộ", 2_000_000.33, "2.000.001", "moved"),
        # thousands: 4,500,010 / 3 = 1,500,003.33 đ (1.500,00333 nghìn), asked 1.500,01 (1.500
        # is at the line); before 'tính là 1.500,01', a figure the share is not
        ("rural", "Thu nhập BQ (nghìn đồng/người/tháng)", 1200, "4.500,01/hộ", 1_500_003.33,
         "1.500,01", "moved"),
        # a person's year: 54,000,001 / 3 = 18,000,000.33 a year, 1,500,000.03 a month counted;
        # 18.000.000 a year is 1,500,000 a month (at the line): asked 18.000.001
        ("rural", YEAR, 14_400_000, "54.000.001/hộ", 1_500_000.03, "18.000.001", "moved-year"),
    ],
    ids=["rural", "urban", "thousands", "year"],
)  # fmt: skip
def test_a_share_asked_a_step_over_the_line_is_said_as_the_figure_to_write(
    tmp_path, area, header, others, written, exact, asked, variant
):
    """A share just over the line is asked a step over it (not rounded AT it): that figure is
    no rounding of the share ('khoảng 1.500.001' said a đồng the share is not), so the message
    says the share is just over the line and the figure asked is rounded up to keep it so,
    in the column's period. Before: variant 'rounded' ('mỗi người khoảng 1.500.001 một
    tháng'), '' in thousands ('tính là 1.500,01'), 'rounded-year' under a year."""
    j5, income = _na_mon_j5(tmp_path, written, area=area, header=header, others=others)
    assert income == exact
    assert j5.variant == variant
    yearly = variant.endswith("year")
    vi, en = _moved(
        "thu nhập mỗi người một năm" if yearly else MONTH_VI,
        "each person's income a year" if yearly else MONTH_EN,
        written,
        asked,
        header or MONTH,
    )
    assert j5.message("vi") == vi
    assert j5.message("en") == en
