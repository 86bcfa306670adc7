"""Session 40: leftovers of the reader logged by earlier sessions. Last month's class column
named by its month ('Phân loại hộ tháng 4/2024') in a May list; a 'Ngày lập' typed "’5-6-24"
or '=5-6-24'; a household's size written '4%'. (A hamlet named with a dash in a title:
tests/test_session40_titles.py.)"""

from __future__ import annotations

import pytest

from pipeline.read import class_mark_columns, find_header
from pipeline.rosterchecks import info_typed_after_equals
from pipeline.run import collect
from pipeline.text import parse_prepared_date
from schemas.columns import ROSTER_COLUMNS
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY
from tests.test_session37_leftovers import FORMULA_TYPED, info_formulas

APRIL = "Phân loại hộ tháng 4/2024"
TOP = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Số nhân khẩu"]
ROWS = [[1, "NM1", "Lò Văn Một", 4], [2, "NM2", "Lò Văn Hai", 3]]


def class_header(classes: list[str], values: list[list], period: str | None):
    """The header of a two-household list whose class columns are headed ``classes`` (values
    ``values``, a row each), read for ``period``."""
    grid = [TOP + classes] + [row + more for row, more in zip(ROWS, values, strict=True)]
    return class_mark_columns(grid, find_header(grid, ROSTER_COLUMNS, period=period))


MARKS = ["Hộ nghèo", "Hộ cận nghèo", "Thoát nghèo"]
MARKED = [["Hộ cận nghèo", "x", None, None], ["Hộ nghèo", None, "x", None]]


@pytest.mark.parametrize("april", [APRIL, "Phân loại hộ tháng 4"])
def test_last_month_by_its_number_beside_marks_is_an_earlier_column(april):
    """In a May list the marks are the class and April's column is an earlier one (not read,
    no unknown column; read again if the month is settled otherwise: ``timed``). Before, April's
    column was the class and the three mark columns unknown. In April's list, or with no month
    known, it is the class column, as before."""
    header = class_header([april, *MARKS], MARKED, "2024-05")
    assert [(col, key) for col, key, _, _ in header.marks] == [
        (5, "poor"),
        (6, "near_poor"),
        (7, "exited"),
    ]
    assert (header.earlier, header.unknown, header.timed) == ([(4, april)], [], True)
    for period in ("2024-04", None):
        header = class_header([april, *MARKS], MARKED, period)
        assert header.marks == [] and header.columns["phan_loai"] == (4, april)
        assert [col for col, _ in header.unknown] == [5, 6, 7]


@pytest.mark.parametrize(
    ("classes", "period", "read", "earlier"),
    [
        # April's column beside an unnamed one, either side: the unnamed is May's (before:
        # April's was read, "tháng 4" counting as a time of now)
        ([APRIL, "Phân loại hộ"], "2024-05", (5, "Phân loại hộ"), [(4, APRIL)]),
        (["Phân loại hộ", APRIL], "2024-05", (4, "Phân loại hộ"), [(5, APRIL)]),
        # a month without its year, before the list's in its year
        (["Phân loại hộ Tháng 4", "Phân loại hộ"], "2024-05", (5, "Phân loại hộ"),
         [(4, "Phân loại hộ Tháng 4")]),
        # April's list: April's column is its own, the unnamed one earlier (as before)
        ([APRIL, "Phân loại hộ"], "2024-04", (4, APRIL), [(5, "Phân loại hộ")]),
        # both named: the list's month decides, as before
        ([APRIL, "Phân loại hộ tháng 5/2024"], "2024-05", (5, "Phân loại hộ tháng 5/2024"),
         [(4, APRIL)]),
    ],
)  # fmt: skip
def test_a_class_column_of_an_earlier_month_than_the_lists_is_not_read(
    classes, period, read, earlier
):
    header = class_header(classes, [["Hộ cận nghèo", "Hộ nghèo"], ["Hộ nghèo", "Hộ nghèo"]], period)
    assert (header.columns["phan_loai"], header.earlier, header.unknown) == (read, earlier, [])
    assert header.twice == []


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("’5-6-24", (2024, 6, 5)),  # day first, as '5-6-24'
        ("'5-6-24", (2024, 6, 5)),
        ("‘12.5.24", (2024, 5, 12)),
        (" ’ 5/6/24", (2024, 6, 5)),
        ("’31-6-24", None),  # no such day
        ("’5-6-2024", (2024, 6, 5)),  # as before
        ("’5-6", None),
    ],
)
def test_a_date_filled_after_a_quote_is_read_day_first(written, read):
    found = parse_prepared_date(written)
    assert (found and (found.year, found.month, found.day)) == read


def test_a_date_filled_typed_after_an_equals_sign_is_the_date_typed():
    """'=5-6-24' is the date 5-6-24 typed after '=' (Excel would work out 5 − 6 − 24 = −25),
    as '=05/06/2024' is; a formula naming no date is none."""
    assert info_typed_after_equals("prepared_on", "=5-6-24") == "5-6-24"
    assert info_typed_after_equals("prepared_on", "=05/06/2024") == "05/06/2024"
    assert info_typed_after_equals("prepared_on", "=5-6") is None
    assert info_typed_after_equals("prepared_on", "=TODAY()") is None


def test_a_date_filled_saved_as_a_formula_without_a_value_is_told_to_lose_its_equals(tmp_path):
    """'Ngày lập' (B7) '=5-6-24' saved without a value: the list is counted (3 poor, 2
    near-poor), its date read blank as any formula's there (session 37), and the head told to
    delete the '=' so that the cell says '5-6-24'. Before: "open the file in Excel and save",
    after which Excel shows −25 there, no date."""
    na_mon, said = info_formulas(tmp_path, {"B7": "=5-6-24"})
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    assert said == [
        ("info-formula-skipped", "B7", "typed",
         FORMULA_TYPED.format(cell="B7", column="Ngày lập", text="5-6-24")
         + "coi như danh sách không có ngày lập. Hãy xóa dấu '=' ở đầu ô để ô ghi '5-6-24'."),
    ]  # fmt: skip


def test_a_household_size_written_as_a_percent_is_no_size(tmp_path):
    """NM5's 'Số nhân khẩu' (H9) typed '4%': a rate is no number of people, as for the total of
    households and an income (session 38). An error at the cell quoting '4%' ("không phải số
    nguyên từ 1 đến 30"); the row is left out as for any size that is no whole number: Nà Mòn
    2 poor (NM1, NM6), 2 near-poor (NM2, NM4). Before, '4%' was read as 4 people, unsaid."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person(code, status, **({"nhan_khau": "4%"} if code == "NM5" else {}))
            for code, status in MAY]  # fmt: skip
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 2)
    [size] = [i for i in result.issues if i.code == "invalid-household-size"]
    assert (size.cell, size.severity, size.message("vi")) == (
        "H9",
        "error",
        "'Số nhân khẩu' là '4%', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong hộ "
        "(ví dụ 4).",
    )
