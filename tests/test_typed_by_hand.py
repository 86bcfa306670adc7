"""Values as hamlet heads really type them, each worked out by hand: what the officer's figures
must not depend on (a date in the birth-year column, '980,000' đồng, a quote before an ID, a
header pasted again mid-list, 'Hộ nghèo (mới)', '×' for a mark, another Mã hộ punctuation)."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import clean_rosters, person, write_plan, write_roster

LIST = "Danh sách"


def edit_list(path, change) -> None:
    book = openpyxl.load_workbook(path)
    change(book[LIST])
    book.save(path)


def commune(tmp_path, na_mon_rows):
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    return write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, na_mon_rows)


def _run_na_mon(tmp_path, na_mon_rows):
    """The small commune with Nà Mòn's roster ``na_mon_rows``: the run, and Nà Mòn's figures."""
    commune(tmp_path, na_mon_rows)
    result, _ = collect(tmp_path, None)
    return result, next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")


def na_mon_households(result):
    frame = result.households[result.households["hamlet"] == "Nà Mòn"]
    return frame.set_index("ma_ho")


def _errors(result, file="NaMon.xlsx"):
    return [(i.code, i.cell) for i in result.issues if i.file == file and i.severity == "error"]


def test_a_birth_date_in_the_birth_year_column_gives_the_year(tmp_path):
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor")])
    # Năm sinh is column D; households start in row 5
    edit_list(
        path,
        lambda ws: (
            ws.cell(5, 4, datetime(1958, 3, 15)),
            ws.cell(6, 4, "15/03/1962"),
            ws.cell(7, 4, "1971"),
        ),
    )
    result, _ = collect(tmp_path, None)
    assert _errors(result) == []
    assert na_mon_households(result)["nam_sinh"].tolist() == [1958, 1962, 1971]


def test_a_month_of_birth_or_a_quote_before_the_year_gives_the_year(tmp_path):
    """'03/1953' (month and year of birth) and "'1991" (a quote kept before it) are the years
    1953 and 1991; 29221 (no year: a day number, or a slip) stays an error at its cell."""
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor")])
    edit_list(
        path,
        lambda ws: (ws.cell(5, 4, "03/1953"), ws.cell(6, 4, "'1991"), ws.cell(7, 4, 29221)),
    )
    result, _ = collect(tmp_path, None)
    assert _errors(result) == [("invalid-birth-year", "D7")]
    years = na_mon_households(result)["nam_sinh"].tolist()
    assert years[:2] == [1953, 1991]


@pytest.mark.parametrize(
    "written, read",
    [
        ("980,000", 980_000.0),  # one comma group: thousands, not 980 đồng
        ("1,300,000", 1_300_000.0),
        ("980,000 đ", 980_000.0),
        ("1.300.000", 1_300_000.0),
        ("1,3 triệu", 1_300_000.0),  # a decimal comma before a word of scale
    ],
)
def test_an_income_typed_with_separators_is_read_in_dong(tmp_path, written, read):
    path = commune(tmp_path, [person("NM1", "poor")])
    edit_list(path, lambda ws: ws.cell(5, 10, written))  # Thu nhập BQ: column J
    result, _ = collect(tmp_path, None)
    assert na_mon_households(result).loc["NM1", "thu_nhap"] == read


def test_a_quote_kept_before_an_id_number_is_not_part_of_it(tmp_path):
    path = commune(tmp_path, [person("NM1", "poor")])
    edit_list(path, lambda ws: ws.cell(5, 7, "'019095042453"))  # Số định danh: column G
    result, _ = collect(tmp_path, None)
    assert [i.code for i in result.issues if i.cell == "G5"] == []
    assert na_mon_households(result).loc["NM1", "so_dinh_danh"] == "019095042453"


@pytest.mark.parametrize("written", ["CCCD 019149012649", "Số CCCD: 019.149.012.649"])
def test_the_cards_name_before_an_id_number_is_not_part_of_it(tmp_path, written):
    path = commune(tmp_path, [person("NM1", "poor")])
    edit_list(path, lambda ws: ws.cell(5, 7, written))  # Số định danh: column G
    result, _ = collect(tmp_path, None)
    assert [i.code for i in result.issues if i.cell == "G5"] == []
    assert na_mon_households(result).loc["NM1", "so_dinh_danh"] == "019149012649"


def test_a_header_pasted_again_mid_list_is_not_a_household(tmp_path):
    path = commune(
        tmp_path,
        [
            person("NM1", "poor"),
            person("NM2", "near_poor"),
            person("NM4", "near_poor"),
            person("NM5", "poor"),
        ],
    )

    def paste_header(ws):
        ws.insert_rows(7)  # after NM1, NM2 (rows 5, 6)
        for col in range(1, ws.max_column + 1):
            ws.cell(7, col, ws.cell(4, col).value)

    edit_list(path, paste_header)
    result, _ = collect(tmp_path, None)
    assert [i for i in result.issues if i.file == "NaMon.xlsx" and i.row == 7] == []
    na_mon = na_mon_households(result)
    assert na_mon.index.tolist() == ["NM1", "NM2", "NM4", "NM5"]
    assert na_mon["excel_row"].tolist() == [5, 6, 8, 9]
    sub = next(s for s in result.submissions if s.file == "NaMon.xlsx")
    assert (sub.rows_read, sub.rows_rejected) == (4, 0)


def test_classifications_with_a_remark_or_an_abbreviation_and_symbol_marks(tmp_path):
    path = commune(
        tmp_path, [person("NM1", "poor"), person("NM2", "near_poor"), person("NM4", "near_poor")]
    )

    def retype(ws):
        ws.cell(5, 9, "Hộ nghèo (mới)")  # Phân loại hộ: column I
        ws.cell(6, 9, "H.cận nghèo")
        ws.cell(7, 9, "Hộ nghèo (đã thoát)")  # the remark names a class: not guessed
        ws.cell(5, 11, "×")  # td_01, column K: the multiplication sign for an x

    edit_list(path, retype)
    result, _ = collect(tmp_path, None)
    assert _errors(result) == [("invalid-classification", "I7")]
    na_mon = na_mon_households(result)
    assert na_mon.loc["NM1", "phan_loai"] == "poor" and bool(na_mon.loc["NM1", "td_01"]) is True
    assert na_mon.loc["NM2", "phan_loai"] == "near_poor"


def test_a_mã_hộ_written_with_other_punctuation_is_the_same_household(tmp_path):
    """The start list writes NM1..NM5; this month's roster 'N-M 1' style codes for two of
    them: no movement, no 'vanished' warning, where exact matching saw 2 exits and 2 new."""
    result, na_mon = _run_na_mon(
        tmp_path,
        [
            person("NM.1", "poor"),
            person("NM-2", "near_poor"),
            person("NM3", "exited"),
            person("NM4", "near_poor"),
            person("NM5", "poor"),
            person("NM6", "poor"),
        ],
    )
    # as for the clean roster (test_consolidate's hand count)
    assert na_mon["movements"]["poor"] == {
        "start": 3,
        "to_near_poor": 1,
        "exited": 1,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 1,
        "new": 1,
        "returned": 0,
        "end": 3,
    }
    assert not [i for i in result.issues if i.code == "vanished-household"]


@pytest.mark.parametrize(
    "written, read",
    [
        ("Hộ nghèo (mới)", "poor"),
        ("Hộ cận nghèo mới", "near_poor"),
        ("Hộ nghèo mới phát sinh", "poor"),
        ("H.cận nghèo", "near_poor"),
        ("H. nghèo", "poor"),
        ("Hộ nghèo (đã thoát)", None),
        ("Hộ mới", None),
        ("Hộ mới nghèo", "poor"),
        ("Hộ mới cận nghèo", "near_poor"),
        ("Hộ phát sinh cận nghèo", "near_poor"),
        ("Phát sinh mới", None),
        ("Hộ khá", None),
    ],
)
def test_classification_words_around_the_class(written, read):
    from pipeline.vocab import classification

    assert classification(written) == read


def test_a_thoát_row_whose_code_differs_only_in_punctuation_is_on_the_start_list(tmp_path):
    """NM3 left the list: 'NM.3' marked Thoát is the start list's NM3, no warning that it
    was never on it; a Thoát row of a household really not on it is still warned about."""
    result, na_mon = _run_na_mon(
        tmp_path,
        [
            person("NM1", "poor"),
            person("NM2", "near_poor"),
            person("NM.3", "exited"),
            person("NM4", "near_poor"),
            person("NM5", "poor"),
            person("NM9", "exited"),
        ],
    )
    warned = [i.value for i in result.issues if i.code == "exited-not-listed-at-start"]
    assert warned == ["NM9"]
    assert na_mon["movements"]["poor"]["exited"] == 1  # NM3


def test_an_income_written_in_thousands_is_pointed_out_and_not_judged(tmp_path):
    """'1300' đồng a month is 1,300,000 written in thousands: a warning at the cell, the
    household counted, and its classification not judged against the poverty line on an
    income that is surely not what was meant."""
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    edit_list(path, lambda ws: (ws.cell(5, 10, 1300), ws.cell(6, 10, 0)))  # Thu nhập: column J
    result, _ = collect(tmp_path, None)
    found = [
        (i.code, i.cell, i.value, i.detail, i.severity)
        for i in result.issues
        if i.file == "NaMon.xlsx" and i.cell
    ]
    assert found == [("income-in-thousands", "J5", "1.300", "1.300.000", "warning")]
    assert na_mon_households(result)["valid"].tolist() == [
        True,
        True,
    ]  # 0 đ is possible: not warned


@pytest.mark.parametrize(
    "year, written, used, warned",
    [
        (2024, "2022-2025", "2022-2025", False),
        (2026, "2026-2030", "2022-2025", False),  # the decree's first year keeps the old lines
        (2027, "2026-2030", "2027-2030", False),
        (2027, "", "2027-2030", False),  # blank: the one in force in the plan year
        (2024, "", "2022-2025", False),
        (2028, "2021-2025", "2027-2030", True),  # unknown: said, and the plan year's is used
    ],
)
def test_the_poverty_standard_follows_the_plan_year(tmp_path, year, written, used, warned):
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from pipeline.template import write_plan_workbook
    from tests.commune import HAMLETS, PLAN_INFO, past_targets

    hamlets = [
        {
            "hamlet": h,
            "start_households": n,
            "start_poor": p,
            "start_near_poor": c,
            "poor_target": pt,
            "near_poor_target": ct,
        }
        for h, (n, p, c, pt, ct) in HAMLETS.items()
    ]
    path = tmp_path / "KeHoach.xlsx"
    write_plan_workbook(path, {**PLAN_INFO, "plan_year": year, "standard": written}, hamlets, None)
    plan, issues = load_plan(open_workbook(path), path.name)
    assert plan.standard == used
    assert [i.code for i in past_targets(issues)] == (["plan-value-guessed"] if warned else [])


def test_an_income_column_headed_in_thousands_is_read_in_thousands(tmp_path):
    """'Thu nhập BQ (nghìn đồng/người/tháng)': 1160 there is 1,160,000 đ, no warning row by
    row that it looks written in thousands, and the household judged on 1,160,000 against
    the 1,500,000 đ rural line. NM2's 2000 is 2,000,000, above the line: declared near-poor,
    it contradicts the standard (the warning a list in đồng gets for 2,000,000). NM3 wrote
    đồng anyway (1.200.000 would be 1.2 billion a month in thousands): read as written."""
    path = commune(
        tmp_path, [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    )
    header = "Thu nhập BQ\n(nghìn đồng/người/tháng)"
    edit_list(
        path, lambda ws: (ws.cell(4, 10, header), ws.cell(5, 10, 1160), ws.cell(6, 10, "2000"))
    )
    result, _ = collect(tmp_path, None)
    found = [(i.code, i.cell) for i in result.issues if i.file == "NaMon.xlsx" and i.cell]
    assert found == [("classification-mismatch", "I6")]  # Phân loại hộ: column I
    assert na_mon_households(result)["thu_nhap"].tolist() == [1_160_000, 2_000_000, 1_200_000]


def test_an_income_too_low_in_its_columns_unit_is_not_told_to_be_written_in_dong(tmp_path):
    """'5' under 'nghìn đồng' is 5,000 đ, still far too low: the warning quotes the cell as
    written ('5') and what it is in đồng (5.000), and asks to check it in the column's unit,
    not to write đồng against the header. 1.005 under 'triệu đồng' is exactly 1,005,000 đ
    (1.005 * 1e6 is 1,004,999.9999999999 in floating point)."""
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    header = "Thu nhập BQ (nghìn đồng/người/tháng)"
    edit_list(path, lambda ws: (ws.cell(4, 10, header), ws.cell(5, 10, 5), ws.cell(6, 10, "1160")))
    result, _ = collect(tmp_path, None)
    found = [i for i in result.issues if i.file == "NaMon.xlsx" and i.cell]
    assert [(i.code, i.cell, i.value, i.detail, i.variant) for i in found] == [
        ("income-in-thousands", "J5", "5", "5.000", "in-unit")
    ]
    assert found[0].message("vi") == (
        "'Thu nhập BQ (nghìn đồng/người/tháng)' ghi 5, tính theo đơn vị ghi ở tiêu đề cột là "
        "5.000 đồng/người/tháng: quá thấp, có lẽ ghi nhầm. Hãy kiểm tra lại và ghi thu nhập "
        "theo đúng đơn vị của cột; hộ vẫn được tính, nhưng chưa so được với chuẩn nghèo."
    )
    assert na_mon_households(result)["thu_nhap"].tolist() == [5_000, 1_160_000]

    edit_list(path, lambda ws: (ws.cell(4, 10, "Thu nhập (triệu đồng)"), ws.cell(5, 10, 1.005),
                            ws.cell(6, 10, "1,16")))  # fmt: skip
    result, _ = collect(tmp_path, None)
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx" and i.cell] == []
    assert na_mon_households(result)["thu_nhap"].tolist() == [1_005_000, 1_160_000]


@pytest.mark.parametrize(
    "header, unit",
    [
        ("Thu nhập BQ (đồng/người/tháng)", 1),
        ("Thu nhập bình quân (1.000đ/người/tháng)", 1000),
        ("Thu nhập BQ (ngàn đồng)", 1000),
        ("TN BQ (ng.đ/ng/th)", 1000),
        ("Thu nhập (1000 VNĐ)", 1000),
        ("Thu nhập BQ (triệu đồng/người/tháng)", 1_000_000),
        ("Thu nhập ngắn hạn", 1),
    ],
)
def test_the_unit_of_an_income_column_is_read_from_its_header(header, unit):
    from pipeline.validate import income_unit

    assert income_unit(header) == unit
