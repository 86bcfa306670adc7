"""Session 50 (helper 6): a hamlet head's lists, as heads not good with Excel write them.

* an income written in millions under a column in đồng ('1,2' typed on a Vietnamese Excel, a
  number 1.2) is quoted as written and guessed in millions (1.200.000 đồng?), not shown as
  '1' and guessed as 1.200 đồng.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_typed_by_hand import LIST, commune, edit_list, na_mon_households

INCOME_HEADER = "Thu nhập BQ (đồng/người/tháng)"


def test_an_income_written_in_millions_is_quoted_as_written_and_guessed_in_millions(tmp_path):
    """Column J is headed in đồng. NM1 holds the number 1.2 (the head typed '1,2', meaning
    1,2 triệu), NM2 the text '1,35', NM3 the number 0.9, NM4 the number 850 (thousands, as
    before). By hand: 1.2 × 1,000,000 = 1,200,000; 1.35 × 1,000,000 = 1,350,000;
    0.9 × 1,000,000 = 900,000; 850 × 1,000 = 850,000. Each household is counted and not
    judged against the line; the cell is quoted as the head sees it ('1,2', not '1')."""
    path = commune(
        tmp_path,
        [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor"),
         person("NM4", "poor")],
    )  # fmt: skip

    def change(ws):
        ws.cell(4, 10, INCOME_HEADER)
        ws.cell(5, 10, 1.2)
        ws.cell(6, 10, "1,35")
        ws.cell(7, 10, 0.9)
        ws.cell(8, 10, 850)

    edit_list(path, change)
    result, _ = collect(tmp_path, None)
    found = [i for i in result.issues if i.file == "NaMon.xlsx" and i.cell]
    assert [(i.code, i.cell, i.value, i.detail, i.variant) for i in found] == [
        ("income-in-thousands", "J5", "1,2", "1.200.000", "in-millions"),
        ("income-in-thousands", "J6", "1,35", "1.350.000", "in-millions"),
        ("income-in-thousands", "J7", "0,9", "900.000", "in-millions"),
        ("income-in-thousands", "J8", "850", "850.000", ""),
    ]
    assert found[0].message("vi") == (
        f"'{INCOME_HEADER}' ghi 1,2 đồng/người/tháng, quá thấp: có lẽ được ghi theo triệu "
        "đồng (1.200.000 đồng?). Hãy ghi thu nhập bằng đồng; hộ vẫn được tính, nhưng chưa so "
        "được với chuẩn nghèo."
    )
    assert "is 1.2 đồng per person a month" in found[0].message("en")
    assert "written in millions (1,200,000 đồng?)" in found[0].message("en")
    assert "có lẽ được ghi theo nghìn đồng (850.000 đồng?)" in found[3].message("vi")
    frame = na_mon_households(result)
    assert frame["valid"].tolist() == [True, True, True, True]
    assert frame["thu_nhap"].tolist() == [1.2, 1.35, 0.9, 850]


def _info(path, ref: str, text: str) -> None:
    """Nà Mòn's 'Thông tin' cell ``ref`` given text, as a head types it."""
    book = openpyxl.load_workbook(path)
    book["Thông tin"][ref].value = text
    book.save(path)


@pytest.mark.parametrize("written", ["102 hộ dân", "102 hộ dân cư", "102 HỘ DÂN CƯ", "102 hộ"])
def test_a_total_written_with_the_words_of_its_label_is_read(tmp_path, written):
    """'Tổng số hộ dân cư' (B5) written '102 hộ dân' or '102 hộ dân cư', the words of its own
    label, is 102 households, as '102 hộ' was: the list counted, nothing said. Before, the
    whole list was refused (invalid-total-households). Nà Mòn: NM1 poor, NM2 near-poor (the
    start list's three others said missing, as for any such list); by hand each rate is
    1 / 102 × 100 = 0.98039… %."""
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    _info(path, "B5", written)
    result, _ = collect(tmp_path, None)
    said = [i.code for i in result.issues if i.file == "NaMon.xlsx"]
    assert said == ["vanished-household"] * 3
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (figures["status"], figures["households"]) == ("ok", 102)
    assert (figures["poor"], figures["near_poor"]) == (1, 1)
    assert figures["poor_rate"] == figures["near_poor_rate"] == pytest.approx(0.980392156862745)


def test_a_household_size_written_in_nhan_khau_is_read(tmp_path):
    """'Số nhân khẩu' written '4 nhân khẩu' (H5) is 4, as '4 khẩu' and '4 người' were: the
    household counted, nothing said. Before, it was no number: the row not counted."""
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    edit_list(path, lambda ws: (ws.cell(5, 8, "4 nhân khẩu"), ws.cell(6, 8, "3 Nhân Khẩu")))
    result, _ = collect(tmp_path, None)
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == ["vanished-household"] * 3
    frame = na_mon_households(result)
    assert frame["nhan_khau"].tolist() == [4, 3]
    assert frame["valid"].tolist() == [True, True]


def test_a_birth_year_typed_in_a_cell_formatted_as_a_date_is_that_year(tmp_path):
    """'Năm sinh' cells formatted as dates (a format copied from elsewhere): NM1 typed 1973,
    which Excel keeps as the number 1973 and shows as the day 26/05/1905; NM2 typed 1948
    (01/05/1905 in another date format). The reader gives those days, and their year 1905
    was taken silently for both heads. By hand: day 1973 from 30/12/1899 is 26/05/1905, day
    1948 is 01/05/1905; each is the year typed, 1973 and 1948. NM3's real date of birth
    15/03/1962 still gives 1962. Nothing is said; every household counted."""
    from datetime import datetime

    path = commune(
        tmp_path, [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "poor")]
    )

    def change(ws):
        for row, value, shown in ((5, 1973, "dd/mm/yyyy"), (6, 1948, "d/m/yyyy"),
                                  (7, datetime(1962, 3, 15), "dd/mm/yyyy")):  # fmt: skip
            ws.cell(row, 4, value).number_format = shown

    edit_list(path, change)
    check = openpyxl.load_workbook(path)[LIST]
    assert [check.cell(r, 4).value.date().isoformat() for r in (5, 6)] == [
        "1905-05-26",
        "1905-05-01",
    ]  # what the reader sees: days of 1905
    result, _ = collect(tmp_path, None)
    said = [i.code for i in result.issues if i.file == "NaMon.xlsx"]
    assert said == ["vanished-household"] * 2
    frame = na_mon_households(result)
    assert frame["nam_sinh"].tolist() == [1973, 1948, 1962]
    assert frame["valid"].tolist() == [True, True, True]
