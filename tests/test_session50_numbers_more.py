"""Session 50: what the review of numbers and dates (helper R8) left (docs/decisions.md,
"Session 50: review of numbers and dates: …"): a total of households written with a fraction
('62,5 hộ') said as no whole number, not as words; an .xlsb's 1904 calendar read from its
workbook part; a moved row's birth year typed in a date cell read in its file's calendar."""

from __future__ import annotations

import zipfile
from datetime import date

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from pipeline.read import EXCEL_DAYS, MAC_DAYS, days_counted
from pipeline.run import collect
from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session31_heads_qa import moves
from tests.test_session32_moves import TITLE as MOVED_TITLE
from tests.test_session32_moves import issues_said, uncoded, write_ban_co_may
from tests.test_typed_by_hand import commune
from tests.xlsb import xlsb_from_xlsx

NA_MON = "NaMon.xlsx"


def _total(tmp_path, written):
    """The small commune, Nà Mòn's 'Tổng số hộ dân cư' (B5 of 'Thông tin') ``written``."""
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    book = openpyxl.load_workbook(path)
    book["Thông tin"]["B5"] = written
    book.save(path)
    result, _ = collect(tmp_path, None)
    return [i for i in result.issues if i.file == NA_MON and i.code != "vanished-household"]


@pytest.mark.parametrize("written", ["62,5 hộ", "62,5", "Số hộ: 62,5", "62.5 hộ gia đình"])
def test_a_total_with_a_fraction_is_said_as_no_whole_number(tmp_path, written):
    """'62,5 hộ': one number, 62.5, not whole: no count of households. Before, said as words
    not read (variant 'words', the example 215: "… không kèm chữ"), as if the unit were the
    fault; now as a 62,5 typed alone is: not a positive whole number (no variant)."""
    found = _total(tmp_path, written)
    assert [(i.code, i.variant, i.detail) for i in found] == [("invalid-total-households", "", "")]
    assert found[0].message("vi") == (
        f"'Tổng số hộ dân cư' là '{written}', không phải số nguyên dương. Hãy ghi tổng số hộ "
        "dân cư của xóm (ví dụ 215)."
    )


@pytest.mark.parametrize("written", ["khoảng 60 hộ", "62 hộ, 70 hộ"])
def test_a_total_in_words_is_still_said_as_words(tmp_path, written):
    """Words around a whole number, or two counts of households: still 'words' (guards)."""
    found = _total(tmp_path, written)
    assert [(i.code, i.variant) for i in found] == [("invalid-total-households", "words")]


@pytest.mark.parametrize("date1904, told", [(True, MAC_DAYS), (False, EXCEL_DAYS)])
def test_an_xlsb_s_1904_calendar_is_read_from_its_workbook_part(tmp_path, date1904, told):
    """Nà Mòn's list as an .xlsb whose 'xl/workbook.bin' BrtWbProp (record 0x0099) has f1904,
    the first bit of its flags, set (old Mac Excel's calendar: python-calamine then counts its
    date cells from 01/01/1904, as for an xlsx). Before, an xlsb was told Excel's 1900 count
    whatever its flag (a 1973 typed in a date cell read 1973 + 1,462 days); now MAC_DAYS, and
    EXCEL_DAYS where the flag is clear (guard). The list is read as before: NM1's size 4."""
    path = commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    xlsb = xlsb_from_xlsx(path, path.with_suffix(".xlsb"), date1904=date1904)
    path.unlink()
    with zipfile.ZipFile(xlsb) as package:  # after BrtBeginBook (83 01 00): 99 01, size 12, flags
        book = package.read("xl/workbook.bin")
    assert book[3:7] == bytes([0x99, 0x01, 12, 1 if date1904 else 0])
    assert days_counted(xlsb) == told
    result, _ = collect(tmp_path, None)
    read = result.households.set_index("ma_ho")
    assert read.loc["NM1", "nhan_khau"] == 4


def test_a_moved_row_s_birth_year_in_a_date_cell_is_read_in_its_file_s_1904_calendar(tmp_path):
    """Nà Mòn's May list kept in Excel's 1904 calendar, NM3 written without its Mã hộ under
    'Hộ chuyển đi xóm Bản Cọ' (row 11), its 'Năm sinh' (D11) 1970 typed in a date cell: shown
    24/05/1909 (by hand: 01/01/1909 is day 1,827 from 01/01/1904, 1970 − 1827 = 143 days on:
    24 May). Bản Cọ does not list NM3. The row is found on the start list by its head's name
    and year (Hoàng Văn NM3, 1970): moved out, said at A11 by moved-not-listed. Before, its
    year was read in Excel's 1900 count (day 3,432: no year typed, the date's own 1909): no
    such head, NM3 exited and asked about (vanished-household)."""
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon = with_titles(folder, [(MOVED_TITLE, [uncoded("NM3", "poor")])], restart=True)
    write_ban_co_may(folder, [])
    book = openpyxl.load_workbook(na_mon)
    book.epoch = CALENDAR_MAC_1904
    book["Danh sách"].cell(11, 4, 1970).number_format = "dd/mm/yyyy"
    book.save(na_mon)
    assert openpyxl.load_workbook(na_mon)["Danh sách"]["D11"].value.date() == date(1909, 5, 24)
    result, _ = collect(folder, None, workers=0)
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"] == {
        "start": 3, "to_near_poor": 1, "moved_out": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    assert issues_said(result, "vanished-household", "moved-not-listed") == [
        ("moved-not-listed", "Nà Mòn", "A11", "NM3 (Hoàng Văn NM3)")
    ]


def _plan_cell(tmp_path, sheet: str, cell: str, written):
    """The small commune, the plan's ``sheet`` ``cell`` ``written``: the run's issues on it."""
    commune(tmp_path, [person("NM1", "poor"), person("NM2", "near_poor")])
    plan = tmp_path / "KeHoach_2024.xlsx"
    book = openpyxl.load_workbook(plan)
    book[sheet][cell] = written
    book.save(plan)
    result, _ = collect(tmp_path, None)
    return [i for i in result.issues if i.file == plan.name]


@pytest.mark.parametrize("written", ["450 nhân khẩu", "450 người"])
def test_the_targets_total_row_written_as_people_is_no_count_of_households(tmp_path, written):
    """The targets table's 'Tổng cộng' row (row 7), its 'Tổng số hộ đầu năm' (B7) '450 nhân
    khẩu': the commune's people. The hamlets' rows sum to 100 + 200 + 150 = 450 households, so
    before, the unit dropped, B7 read as 450 and agreed, nothing said. Now it is no count of
    households: said at B7 as a total not the hamlets' sum (plan-total-differs), as '4,5'
    there is, quoting it."""
    found = [i for i in _plan_cell(tmp_path, "Chỉ tiêu theo xóm", "B7", written)
             if i.code == "plan-total-differs"]  # fmt: skip
    assert [(i.cell, i.row, i.value) for i in found] == [("B7", 7, "Tổng cộng")]
    assert str(found[0].detail) == (
        f"cột B 'Tổng số hộ đầu năm' ghi '{written}', không phải một số hộ, cộng các xóm được 450"
    )


def test_the_targets_total_row_s_count_of_households_still_agrees(tmp_path):
    """B7 '450 hộ': the households, the hamlets' sum: nothing said (guard)."""
    found = _plan_cell(tmp_path, "Chỉ tiêu theo xóm", "B7", "450 hộ")
    assert [i.code for i in found if i.code == "plan-total-differs"] == []


def test_a_start_list_size_written_as_households_is_said_as_on_a_roster(tmp_path):
    """The plan's start list, NM1's 'Số nhân khẩu' (I4) '4 hộ': said as a roster's H5 is,
    variant 'households' (guard: read so since the roster's fix, through normalise_value)."""
    found = _plan_cell(tmp_path, "Danh sách đầu năm", "I4", "4 hộ")
    said = [(i.code, i.cell, i.variant) for i in found if i.cell == "I4"]
    assert said == [("invalid-household-size", "I4", "households")]
