"""Session 51's review of its three reading changes (docs/decisions.md, session 51: "review of
the marks, 'Không có lao động' and '/hộ' readings"): an income per household in a column headed
in thousands or millions of đồng, or under 'Thu nhập năm của hộ'; 'Không có lao động' under
the group of a list with no 'Nguyên nhân nghèo' column."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

# Nà Mòn's May list (tests.test_session23_rows.MAY): NM1-NM6 in rows 5-10, each of 4 people,
# each income 1,200,000 (NM3, exited: 2,000,000), J the income, W the cause, X the group.


def _na_mon(tmp_path, cells=None, delete_column=None, **by_code):
    """Nà Mòn's May list beside the plan, the rows of ``by_code`` ({'NM1': {...}}) as written,
    then ``cells`` written over the sheet and the column ``delete_column`` (its number) taken
    out; the run's result and Nà Mòn's figures."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person(code, status, **by_code.get(code, {})) for code, status in MAY]
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    if cells or delete_column:
        book = openpyxl.load_workbook(path)
        sheet = book["Danh sách"]
        for cell, value in (cells or {}).items():
            sheet[cell] = value
        if delete_column:
            sheet.delete_cols(delete_column)
        book.save(path)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    return result, na_mon


def _incomes(result) -> dict[str, float]:
    rows = result.households[result.households["hamlet"] == "Nà Mòn"]
    return dict(zip(rows["ma_ho"], rows["thu_nhap"].astype(float), strict=True))


def _lines(result) -> list[tuple[str, str]]:
    return sorted((i.code, i.cell) for i in result.issues if i.hamlet == "Nà Mòn")


# --- an income per household in a column headed in thousands or millions ------------------------


@pytest.mark.parametrize(
    ("header", "written", "others"),
    [
        ("Thu nhập BQ (nghìn đồng/người/tháng)", "1.000/hộ", 1200),
        ("Thu nhập BQ (triệu đồng/người/tháng)", "1/hộ", 1.2),
    ],
    ids=["thousands", "millions"],
)
def test_an_income_per_household_in_thousands_is_shared_to_the_hundredth_of_a_dong(
    tmp_path, header, written, others
):
    """NM1, 3 people, '1.000/hộ' under 'nghìn đồng' (1,000,000 đ a month for the household) or
    '1/hộ' under 'triệu đồng' (the same): by hand each member's 1,000,000 / 3 = 333,333.33 đ (to
    the hundredth of a đồng, as every income is read). Before: the share was rounded to the
    hundredth of the column's unit, then scaled: 333,33 nghìn = 333,330 đ, 0,33 triệu =
    330,000 đ (3.33 đ and 3,333.33 đ short of the household's own figure)."""
    cells = {"J4": header, "H5": 3, "J5": written}
    cells |= {f"J{row}": others for row in range(6, 11)}
    result, _ = _na_mon(tmp_path, cells)
    incomes = _incomes(result)
    assert incomes["NM1"] == 333_333.33
    assert incomes["NM2"] == 1_200_000  # the others as written, in the column's unit
    [line] = [i for i in result.issues if i.code == "income-per-household"]
    assert line.cell == "J5"


# --- an income per household under a header that is the household's already ------------------


def test_an_income_per_household_under_the_households_years_header_is_divided_once(tmp_path):
    """J4 'Thu nhập năm của hộ' (the whole household's year: divided by 12 and by its size,
    session 47), NM1 (4 people) '57.600.000/hộ': the '/hộ' says what the header says, so by hand
    57,600,000 / 12 / 4 = 1,200,000 đ a person a month, as the other rows' 57,600,000; nothing
    said of J5 (the column's own unit written beside the figure). Before: divided by the 4
    people twice, 300,000 đ, and J5 said 'đã chia cho 4 người … tính là 14.400.000 mỗi người
    một tháng'."""
    cells = {"J4": "Thu nhập năm của hộ", "J5": "57.600.000/hộ"}
    cells |= {f"J{row}": 57_600_000 for row in range(6, 11)}
    result, _ = _na_mon(tmp_path, cells)
    incomes = _incomes(result)
    assert incomes["NM1"] == 1_200_000
    assert incomes["NM2"] == 1_200_000
    assert "income-per-household" not in {i.code for i in result.issues}


# --- 'Không có lao động' under the group of a list with no cause column -------------------------


def test_no_labour_under_the_group_of_a_list_without_a_cause_column_is_no_cause(tmp_path):
    """The list has no 'Nguyên nhân nghèo' column (W taken out: 'Nhóm đối tượng' now W), NM5
    writes 'Không có lao động' under the group (W9): no cause cell beside it was left empty,
    so it is not read as a cause moved; said an unknown group at W9 as before session 51,
    'Thiếu lao động' counted for nobody (0). Before: read as the cause, the message naming a
    cell '' ('… và ô  ('Nguyên nhân nghèo') để trống … Hãy chuyển … sang ô .')."""
    result, na_mon = _na_mon(
        tmp_path, delete_column=23, NM5={"doi_tuong": "Không có lao động", "nguyen_nhan": None}
    )
    assert ("unknown-vocabulary", "W9") in _lines(result)
    assert "cause-under-group" not in {i.code for i in result.issues}
    assert na_mon["causes"]["Thiếu lao động"] == {"poor": 0, "near_poor": 0}


# --- a share that is no whole number of đồng ----------------------------------------------------


def test_a_share_of_no_whole_dong_asks_the_head_for_it_rounded(tmp_path):
    """NM1, 3 people, '1.000.000/hộ' under the template's 'Thu nhập BQ (đồng/người/tháng)': by
    hand 1,000,000 / 3 = 333,333.33 đ, the figure counted (exact to the hundredth, as every
    income). A head writes an income in whole đồng, so he is asked for 333.333 (rounded half
    up), 'khoảng' (about) said of it; the figure used is not rounded. Before: "Hãy ghi
    333.333,33 vào ô J5", a figure no form writes. A whole share (NM2, '4.800.000/hộ' for 4:
    1.200.000) is asked as before."""
    result, _ = _na_mon(
        tmp_path,
        NM1={"thu_nhap": "1.000.000/hộ", "nhan_khau": 3},
        NM2={"thu_nhap": "4.800.000/hộ"},
    )
    incomes = _incomes(result)
    assert (incomes["NM1"], incomes["NM2"]) == (333_333.33, 1_200_000)
    [nm1] = [i for i in result.issues if i.cell == "J5"]
    assert nm1.variant == "rounded"
    assert nm1.message("vi") == (
        "Ô J5 ('Thu nhập BQ (đồng/người/tháng)') ghi '1.000.000/hộ', là thu nhập của cả hộ, "
        "không phải của mỗi người: đã chia cho 3 người của hộ ('Số nhân khẩu'), mỗi người "
        "khoảng 333.333 một tháng (đã tính đủ phần lẻ). Hãy ghi 333.333 vào ô J5 (thu nhập "
        "bình quân mỗi người một tháng, làm tròn đến đồng). Hộ vẫn được tính."
    )
    assert nm1.message("en") == (
        "Cell J5 ('Thu nhập BQ (đồng/người/tháng)') holds '1.000.000/hộ', the whole "
        "household's income, not each person's: divided by the household's 3 people ('Số nhân "
        "khẩu'), about 333,333 a person a month (counted to the hundredth of a đồng). Write "
        "333,333 in J5 (the average income per person a month, rounded to the đồng). The "
        "household still counts."
    )
    [nm2] = [i for i in result.issues if i.cell == "J6"]
    assert nm2.variant == ""
    assert "Hãy ghi 1.200.000 vào ô J6" in nm2.message("vi")


# --- an 'x' under the cause beside a poor household over the line ------------------------------


def test_an_x_under_the_cause_of_a_poor_household_over_the_line_is_no_shift(tmp_path):
    """NM5 written poor, its income 2,000,000 đ (over the rural line of 1,500,000), deprived
    in td_11 and td_12 (U9, V9), an 'x' at W9, nothing after it; the other rows name their cause.
    Over the line the household is poor by neither reading (2 marks or 3): its class tells
    nothing of the 'x', so the row is read as written (session 51's rule asks the class to
    agree only with the 'x' as a mark). By hand: the poor's deprivations td_04 2, td_09 2,
    td_10 2 (NM1, NM6), td_11 1, td_12 1 (NM5); I9 said against the standard (income 2.000.000
    đ, 2 deprivations: above the lines), W9 a cause not in the list. Before: said shifted at T9,
    NM5's marks dropped and its class not compared with the standard."""
    nm5 = {"deprived": (11, 12), "nguyen_nhan": "x", "nhu_cau": None, "thu_nhap": 2_000_000}
    result, na_mon = _na_mon(tmp_path, NM5=nm5)
    deprived = {k: v for k, v in na_mon["deprivations"]["poor"].items() if v}
    assert deprived == {"td_04": 2, "td_09": 2, "td_10": 2, "td_11": 1, "td_12": 1}
    assert [line for line in _lines(result) if line[1].endswith("9")] == [
        ("classification-mismatch", "I9"),
        ("unknown-vocabulary", "W9"),
    ]
    [mismatch] = [i for i in result.issues if i.code == "classification-mismatch"]
    assert "thu nhập 2.000.000 đ, 2 chỉ số thiếu hụt" in mismatch.message("vi")


# --- an income per household in the plan's start list ------------------------------------------


def test_an_income_per_household_in_the_start_list_is_said(tmp_path):
    """The plan's start list (rows 4-13, NM1 at row 4, 4 people, 'Thu nhập' in K): K4
    '4.800.000/hộ' is read as each member's 4,800,000 / 4 = 1,200,000 (as a hamlet's list
    reads it) and said at K4; K4-K10 so (7 rows, past five) said once at K4 naming the rows,
    as the start list's incomes in words are. Before: divided without a word (the start
    list's warnings are not said; before session 51 each was said no number)."""
    from tests.test_session47_reading_left_income import start_said

    (tmp_path / "one").mkdir()
    (tmp_path / "many").mkdir()
    said, start = start_said(tmp_path / "one", {"K4": "4.800.000/hộ"})
    assert [(i.code, i.cell, i.variant) for i in said] == [("income-per-household", "K4", "")]
    assert start.loc["NM1", "thu_nhap"] == 1_200_000
    assert "tính là 1.200.000 mỗi người một tháng" in said[0].message("vi")
    said, start = start_said(tmp_path / "many", {f"K{row}": "4.800.000/hộ" for row in range(4, 11)})
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("income-per-household", "K4", "plan-rows")
    ]
    assert said[0].message("vi") == (
        "'Thu nhập BQ (đồng/người/tháng)' ghi thu nhập của cả hộ ở 7 dòng hộ (các dòng 4–10), "
        "như '4.800.000/hộ' ở ô K4: đã chia cho số nhân khẩu của từng hộ (thu nhập bình quân "
        "mỗi người một tháng). Hãy ghi thu nhập bình quân mỗi người một tháng, theo đơn vị ghi "
        "ở tiêu đề cột (ví dụ 1.200.000). Các hộ vẫn được tính."
    )
    assert (start["thu_nhap"] == 1_200_000).sum() == 10
