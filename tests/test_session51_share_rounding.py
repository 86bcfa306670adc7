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
        # rural line 1,500,000 (≤ is poor or near-poor): 4,500,001 / 3 = 1,500,000.33, over it;
        # half up 1.500.000 is AT it, so 1.500.001 (over, as the exact share)
        ("rural", "4.500.001/hộ", 1_500_000.33, "1.500.001"),
        # 4,499,999 / 3 = 1,499,999.67, under it: half up 1.500.000, at it, still ≤: kept
        ("rural", "4.499.999/hộ", 1_499_999.67, "1.500.000"),
        # urban line 2,000,000: 6,000,001 / 3 = 2,000,000.33 over it, asked 2.000.001
        ("urban", "6.000.001/hộ", 2_000_000.33, "2.000.001"),
        # 5,999,999 / 3 = 1,999,999.67 under it: 2.000.000, still ≤
        ("urban", "5.999.999/hộ", 1_999_999.67, "2.000.000"),
        # an urban commune's line is 2,000,000: 1,500,000.33 is asked 1.500.000 (no line there)
        ("urban", "4.500.001/hộ", 1_500_000.33, "1.500.000"),
    ],
    ids=["rural-over", "rural-under", "urban-over", "urban-under", "urban-at-rural-line"],
)
def test_a_share_asked_in_whole_dong_stays_on_its_side_of_the_line(
    tmp_path, area, written, exact, asked
):
    """Before: 1,500,000.33 and 2,000,000.33 were asked as 1.500.000 and 2.000.000 (rounded
    half up), which the next month reads at the line: poor or near-poor, though the household's
    own figure is over it. The figure counted is the exact share either way."""
    j5, income = _na_mon_j5(tmp_path, written, area=area)
    assert income == exact
    assert j5.variant == "rounded"
    assert f"mỗi người khoảng {asked} một tháng" in j5.message("vi")
    assert f"Hãy ghi {asked} vào ô J5" in j5.message("vi")
    english = asked.replace(".", ",")
    assert f"Write {english} in J5" in j5.message("en")


def test_a_share_in_thousands_asked_to_the_hundredth_stays_over_the_line(tmp_path):
    """'4.500,01/hộ' under 'nghìn đồng' for 3 people: by hand 4,500,010 / 3 = 1,500,003.33 đ,
    over the rural line; asked in thousands to two decimals, 1.500,00333 is '1.500' (1,500,000
    đ, at the line), so it is asked '1.500,01' (1,500,010 đ, over it). Before: '1.500'."""
    header = "Thu nhập BQ (nghìn đồng/người/tháng)"
    j5, income = _na_mon_j5(tmp_path, "4.500,01/hộ", header=header, others=1200)
    assert income == 1_500_003.33
    assert j5.variant == ""
    assert "tính là 1.500,01 mỗi người một tháng. Hãy ghi 1.500,01 vào ô J5" in j5.message("vi")
    assert "read as 1,500.01 a person a month. Write 1,500.01 in J5" in j5.message("en")


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
        # 54,000,001 / 3 a year, 1,500,000.03 a month counted (over the rural line), kept as
        # 18,000,000.36 a year: half up 18.000.000 is 1,500,000 a month, AT the line, so
        # 18.000.001 (1,500,000.08 a month, over it)
        ("54.000.001/hộ", 1_500_000.03, "18.000.001"),
    ],
    ids=["whole-dong", "over-the-line"],
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
