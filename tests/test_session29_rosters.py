"""Session 29 (D): the last silent or needlessly refused forms in a hamlet head's list.

1. Ages typed under 'Năm sinh' (45, 67, 81): read as ages, the year of birth the list's year
   less the age, said once for the list (`birth-year-from-age`), not each row refused.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from pipeline.validate import (
    Columns,
    Part,
    _ages_read,
    _dates_read,
    _not_household_counts,
    household_count_kind,
)
from tests import messy
from tests.commune import past_targets, person, write_plan, write_roster
from tests.test_class_marks import two_times_sheet, write_na_mon
from tests.test_session23_rows import run_with_lines
from tests.test_session28_a import errors_sheet, guide_texts, household
from tests.test_session28_a import na_mon_in_summary as _summary_na_mon

AGES = "birth-year-from-age"


def hamlet(result, name: str = "Nà Mòn") -> dict:
    return next(h for h in result.summary["hamlets"] if h["hamlet"] == name)


def na_mon_births(folder: Path, births: list, header: str | None = None) -> Path:
    """Nà Mòn's May 2024 list NM1, NM6 poor, NM2 near-poor (Excel rows 5-7), its 'Năm sinh'
    (column D) written ``births`` and, if given, its header ``header``."""
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM6", "poor"), person("NM2", "near_poor")]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["D4"].value == "Năm sinh" and sheet["B5"].value == "NM1"
    for row, born in enumerate(births, start=5):
        sheet.cell(row, 4, born)
    if header is not None:
        sheet["D4"] = header
    book.save(path)
    return path


def na_mon_born(result) -> dict:
    frame = result.households[result.households["hamlet"] == "Nà Mòn"]
    return dict(zip(frame["ma_ho"], frame["nam_sinh"], strict=True))


def _said(result, *codes: str) -> list[tuple]:
    return [(i.code, i.cell, i.value, i.detail) for i in result.issues if i.code in codes]


# --- 1. ages under 'Năm sinh' ------------------------------------------------------------------


def test_ages_under_nam_sinh_are_read_as_the_lists_year_less_the_age(tmp_path):
    """45, 67, 81 (and '81' typed as text) can be no year: ages, in a May 2024 list, so born
    2024 - 45 = 1979, 2024 - 67 = 1957, 2024 - 81 = 1943. Before: each row was
    `invalid-birth-year` and the list refused (all its rows in error). Now the households
    count (2 poor, 1 near-poor) and one warning for the list, at its first age (D5)."""
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon_births(folder, [45, 67, "81"])
    result = execute(folder, tmp_path / "out", None)[0]
    assert na_mon_born(result) == {"NM1": 1979, "NM6": 1957, "NM2": 1943}
    na_mon = hamlet(result)
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert _said(result, AGES, "invalid-birth-year") == [(AGES, "D5", "45", "2024")]
    said = next(i for i in result.issues if i.code == AGES)
    assert (said.severity, said.sheet, said.row, said.column) == (
        "warning",
        "Danh sách",
        5,
        "Năm sinh",
    )
    assert said.message() == (
        "Cột 'Năm sinh' ghi tuổi chứ không phải năm sinh (ô D5 ghi '45'): năm sinh của các hộ đã "
        "được tính bằng 2024 trừ đi tuổi, nên có thể lệch 1 năm. Hãy ghi năm sinh 4 chữ số (ví dụ "
        "1968) thay cho tuổi."
    )
    # the officer on 'Lỗi dữ liệu', the head in the feedback, and `giamngheo check`
    assert [r for r in errors_sheet(tmp_path / "out") if said.message() in r and "D5" in r]
    assert [t for t in guide_texts(tmp_path / "out") if "ghi tuổi" in t] == [said.message()]
    checked = [(i.code, i.cell, i.value) for i in check_files([folder / "DS_NaMon_2024-05.xlsx"])]
    assert (AGES, "D5", "45") in checked
    assert "invalid-birth-year" not in [code for code, _, _ in checked]


def test_a_list_of_ages_with_a_year_keeps_the_year(tmp_path):
    """45, 1958, 81: two ages, one year, so a list of ages: NM1 2024 - 45 = 1979, NM6 1958 as
    written, NM2 2024 - 81 = 1943; one warning at D5."""
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon_births(folder, [45, 1958, 81])
    result, _ = collect(folder, None, workers=0)
    assert na_mon_born(result) == {"NM1": 1979, "NM6": 1958, "NM2": 1943}
    assert _said(result, AGES, "invalid-birth-year") == [(AGES, "D5", "45", "2024")]


def test_a_small_number_in_a_list_of_years_stays_an_error(tmp_path):
    """45, 1958, 1960: two years, one small number, so a list of years whose '45' is a slip
    ('45 for 1945, or an age: a guess either way): `invalid-birth-year` at D5 as before, NM1
    left out (1 poor, 1 near-poor counted); no age read."""
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon_births(folder, [45, 1958, 1960])
    result, _ = collect(folder, None, workers=0)
    assert _said(result, AGES, "invalid-birth-year") == [("invalid-birth-year", "D5", "45", "2024")]
    na_mon = hamlet(result)
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 1)


def test_ages_on_the_plans_start_list_are_read_and_said(tmp_path):
    """The plan's start-of-year list (tests.commune: 10 households, heads born 1970) with
    every 'Năm sinh' written 54: ages at the end of 2023 (the start list's year, the year before
    the plan's), so born 2023 - 54 = 1969; said once, at the list's first row. Before: each row
    an error, the start list left out."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO, clean_rosters, plan_hamlets, start_list

    folder = tmp_path / "input"
    folder.mkdir()
    listed = [dict(row, nam_sinh=54) for row in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), listed)
    clean_rosters(folder)
    result, _ = collect(folder, None, workers=0)
    said = [(i.file, i.code, i.value, i.detail) for i in result.issues if i.code == AGES]
    assert said == [("KeHoach_2024.xlsx", AGES, "54", "2023")]
    assert [i for i in result.issues if i.code == "invalid-birth-year"] == []
    assert result.summary["hamlets"][0]["movements"]["poor"]["start"] == 3  # Nà Mòn's 3


def test_ages_are_read_list_by_list():
    """Two lists validated in one pass (the province's way): list 0 writes 30 and 1990, a tie,
    so no list of ages (30 stays as it is, for its error); list 1 writes 0, 120, blank and 'x':
    ages, born 2024 - 0 = 2024 and 2024 - 120 = 1904; its one warning at its first age
    (position 2, '0'). 121 would be no age (list 2: stays)."""
    data = {"nam_sinh": np.array([30, 1990, 0, 120, None, "x", 121], dtype=object)}
    cols = Columns(data)
    cols.owner = np.array([0, 0, 1, 1, 1, 1, 2])
    assert _ages_read(cols, 2024) == [(2, "0")]
    assert cols.data["nam_sinh"].tolist() == [30, 1990, 2024, 1904, None, "x", 121]
    years = Columns({"nam_sinh": np.array([1950, 1960, None], dtype=object)})
    assert _ages_read(years, 2024) == []


# --- 2. a date of birth as a bare serial number, or with a two-digit year ---------------------

SERIAL, TWO_DIGITS = "birth-date-serial", "birth-year-two-digits"


def test_a_bare_serial_and_a_two_digit_year_under_ngay_sinh_give_the_year(tmp_path):
    """Under 'Ngày sinh': D5 23743, no date format: Excel's day 23743 is 01/01/1965 (1 Jan 1900
    is day 1 and Excel counts 29 Feb 1900, so day n is n - 2 days after 1 Jan 1900: 65 years of
    365 days and 16 leap days 1904-1964 are 23741 days, + 2 = 23743). D6 '12/05/62' (text): 62
    is after 24 (the list's 2024), so 1962. D7 1958 stays. Before: D5 and D6 were each
    `invalid-birth-year`. Now nothing refused, one warning of each kind at its cell."""
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon_births(folder, [23743, "12/05/62", 1958], header="Ngày sinh")
    result, _ = collect(folder, None, workers=0)
    assert na_mon_born(result) == {"NM1": 1965, "NM6": 1962, "NM2": 1958}
    assert _said(result, SERIAL, TWO_DIGITS, "invalid-birth-year") == [
        (SERIAL, "D5", "23743", "01/01/1965"),
        (TWO_DIGITS, "D6", "12/05/62", "12/05/1962"),
    ]
    serial, two = (
        next(i for i in result.issues if i.code == code) for code in (SERIAL, TWO_DIGITS)
    )
    assert serial.message().startswith(
        "Cột 'Ngày sinh' ghi số '23743' (ô D5) chứ không phải ngày: đã đọc là ngày 01/01/1965 "
        "theo cách Excel đánh số ngày, và lấy năm sinh từ đó"
    )
    assert two.message().startswith(
        "Cột 'Ngày sinh' ghi năm sinh chỉ có 2 chữ số (ô D6 ghi '12/05/62'): đã đọc là ngày "
        "12/05/1962; năm 2 chữ số được tính là năm 20.. nếu người sinh năm đó đã đủ 16 tuổi"
    )
    checked = [(i.code, i.cell) for i in check_files([folder / "DS_NaMon_2024-05.xlsx"])]
    assert (SERIAL, "D5") in checked and (TWO_DIGITS, "D6") in checked


def test_under_nam_sinh_a_serial_stays_an_error_and_two_digit_years_are_read(tmp_path):
    """Under 'Năm sinh' a bare 23743 is no date (a slip, or a day number: the column asks for a
    year) and stays `invalid-birth-year` at D5, as session 28 pinned 29221. '12/05/20': a head
    born in 2020 would be 4 in 2024 (under HEAD_MIN_AGE, 16), so 1920; '1-2-75': 2075 is after
    2024, so 1975; one warning, at the first (D6)."""
    folder = tmp_path / "input"
    folder.mkdir()
    na_mon_births(folder, [23743, "12/05/20", "1-2-75"])
    result, _ = collect(folder, None, workers=0)
    born = na_mon_born(result)
    assert (born["NM6"], born["NM2"]) == (1920, 1975)
    assert _said(result, SERIAL, TWO_DIGITS, "invalid-birth-year") == [
        ("invalid-birth-year", "D5", "23743", "2024"),
        (TWO_DIGITS, "D6", "12/05/20", "12/05/1920"),
    ]


def test_a_serial_is_read_only_in_a_birth_range_and_a_year_stays_a_year():
    """A list headed 'Ngày, tháng, năm sinh' in 2024: day 45657 is 31/12/2024 (1 Jan 2024 is
    day 45292, + 365), read; 45658 (2025) is after the list's year and 1461 before 1904 (2024 -
    120): not read. 2024 is a year (1900 to 2024), not Excel's day 2024 of 1905. '31/02/62'
    is no day: left for its error."""
    part = Part({}, "f.xlsx", "S", "Nà Mòn", {"nam_sinh": (3, "Ngày, tháng, năm sinh")})
    values = [45657, 45658, 1461, 2024, "31/02/62"]
    cols = Columns({"nam_sinh": np.array(values, dtype=object)})
    cols.owner = np.zeros(5, dtype=np.int64)
    assert _dates_read(cols, [part], 2024) == [(0, SERIAL, "45657", "31/12/2024")]
    assert cols.data["nam_sinh"].tolist() == [2024, 45658, 1461, 2024, "31/02/62"]


def test_a_two_digit_year_is_20yy_only_for_a_grown_head():
    """In a 2024 list a head is at least 16 (HEAD_MIN_AGE): '3/4/08' is 2008 (16 in 2024),
    '3/4/09' 1909 (2009 would make a head of 15), '3/4/24' 1924; one warning, the first."""
    part = Part({}, "f.xlsx", "S", "Nà Mòn", {"nam_sinh": (3, "Năm sinh")})
    cols = Columns({"nam_sinh": np.array(["3/4/08", "3/4/09", "3/4/24"], dtype=object)})
    cols.owner = np.zeros(3, dtype=np.int64)
    assert _dates_read(cols, [part], 2024) == [(0, TWO_DIGITS, "3/4/08", "03/04/2008")]
    assert cols.data["nam_sinh"].tolist() == [2008, 1909, 1924]


# --- 3. counts typed in the 'Thông tin' block ------------------------------------------------

INFO_COUNT = "info-count-differs"


def _info_counts(folder: Path, poor, near_poor) -> Path:
    """Nà Mòn's list NM1, NM6 poor, NM2 near-poor (2 poor rows, 1 near-poor), its 'Thông tin'
    sheet (labels A1-A7) with 'Số hộ nghèo | ``poor``' (A8, B8) and 'Số hộ cận nghèo:
    ``near_poor``' typed in one cell (A9), as heads add them."""
    path = na_mon_births(folder, [1970, 1970, 1970])
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin"]
    assert sheet["A7"].value == "Ngày lập" and sheet["A8"].value is None
    sheet["A8"], sheet["B8"] = "Số hộ nghèo", poor
    sheet["A9"] = f"Số hộ cận nghèo: {near_poor}"
    book.save(path)
    return path


def test_a_count_in_thong_tin_that_differs_from_the_rows_is_said(tmp_path):
    """'Số hộ nghèo | 12' beside 2 poor rows: said at B8 (detail 2); 'Số hộ cận nghèo: 1 hộ'
    agrees with the 1 near-poor row: silent. Figures stay the rows' (2 poor, 1 near-poor).
    Before: both read nowhere, nothing said. In a run, `check` and the feedback's guide."""
    folder = tmp_path / "input"
    folder.mkdir()
    _info_counts(folder, 12, "1 hộ")
    result = execute(folder, tmp_path / "out", None)[0]
    na_mon = hamlet(result)
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code == INFO_COUNT]
    assert [(i.sheet, i.cell, i.row, i.column, i.value, i.detail, i.severity) for i in said] == [
        ("Thông tin", "B8", 8, "Số hộ nghèo", "12", "2", "warning")
    ]
    assert said[0].message() == (
        "'Số hộ nghèo' ghi '12' nhưng danh sách có 2 dòng hộ nghèo; xã tính theo từng dòng hộ, "
        "không theo số này. Hãy đếm lại: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó (đủ các "
        "cột như mẫu); nếu có hộ ghi hai lần, hãy xóa dòng thừa; nếu hộ nào ghi sai loại, hãy "
        "sửa cột 'Phân loại hộ'; nếu số này gõ nhầm, hãy sửa số này."
    )
    assert (
        said[0]
        .message("en")
        .startswith("'Số hộ nghèo' says '12' but the list has 2 rows of poor households")
    )
    assert [t for t in guide_texts(tmp_path / "out") if "'Số hộ nghèo' ghi '12'" in t] == [
        said[0].message()
    ]
    checked = [(i.code, i.cell) for i in check_files([folder / "DS_NaMon_2024-05.xlsx"])]
    assert (INFO_COUNT, "B8") in checked


def test_counts_in_thong_tin_that_agree_or_are_no_number_are_not_said(tmp_path):
    """'2' poor and '1' near-poor agree with the rows; 'mười hai' and a near-poor count of 3
    written '3 hộ' under 1 row: only the latter is said (near-poor wording, at A9, inline)."""
    agree, other = tmp_path / "a" / "input", tmp_path / "b" / "input"
    for folder in (agree, other):
        folder.mkdir(parents=True)
    _info_counts(agree, 2, "1")
    _info_counts(other, "mười hai", "3 hộ")
    result, _ = collect(agree, None, workers=0)
    assert [i for i in result.issues if i.code == INFO_COUNT] == []
    result, _ = collect(other, None, workers=0)
    said = [i for i in result.issues if i.code == INFO_COUNT]
    assert [(i.cell, i.column, i.value, i.detail, i.variant) for i in said] == [
        ("A9", "Số hộ cận nghèo", "3 hộ", "1", "near-poor")
    ]
    assert "danh sách có 1 dòng hộ cận nghèo" in said[0].message()


def test_a_count_in_a_block_under_the_list_is_compared_too(tmp_path):
    """A one-sheet list (tests.messy: NM1, NM5, NM6 poor, NM2, NM4 near-poor, NM3 left) with its
    'Thông tin' block under it (session 22), to which 'Số hộ nghèo | 4' and 'Số hộ cận nghèo
    | 2' are added: 4 is not the 3 poor rows, said; 2 agrees. The figures: 3 poor, 2
    near-poor, as without the counts."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    layout = messy.Layout(sheet="DS", title=("DANH SÁCH HỘ NGHÈO, CẬN NGHÈO",), signature=True)
    roster = messy.roster_sheet(messy.na_mon_households(), layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102), "standard")
    at = len(info.rows)
    info.put(at, 0, "Số hộ nghèo")
    info.put(at, 1, 4)
    info.put(at + 1, 0, "Số hộ cận nghèo")
    info.put(at + 1, 1, 2)
    messy.write_book(folder / "NaMon.xlsx", [messy.below(roster, info, gap=2)])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet(result)
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    said = [(i.sheet, i.column, i.value, i.detail) for i in result.issues if i.code == INFO_COUNT]
    assert said == [("DS", "Số hộ nghèo", "4", "3")]


# --- 4. a question mark in an 'Đầu kỳ' class mark --------------------------------------------

QUESTIONED = "questioned-classification"


def test_a_questioned_start_mark_that_decides_the_class_is_said(tmp_path):
    """The two-times list (tests.test_class_marks: 'Phân loại hộ' over 'Đầu kỳ' F:G | 'Cuối
    kỳ' H:I, each 'Hộ nghèo | Hộ cận nghèo'; households from Excel row 6). NM1 'x' at the end
    (H6): poor, its start 'x?' (F6) not read, so not said; NM3 'x?' under 'Đầu kỳ Hộ nghèo'
    (F7) and nothing at the end: read as left (Thoát), as 'x' would be, and now said at F7 in
    the variant 'start-mark' (before: silent); NM2 'x?' under 'Cuối kỳ Hộ cận nghèo' (I8):
    near-poor, said as session 28 does (variant 'mark'). By hand: 1 poor, 1 near-poor."""
    write_plan(tmp_path)
    rows = [
        (1, "NM1", "Lò Văn Một", 1970, 4, "x?", None, "x", None),  # row 6
        (2, "NM3", "Lò Văn Ba", 1972, 5, "x?", None, None, None),  # row 7
        (3, "NM2", "Lò Văn Hai", 1971, 3, "x", None, None, "x?"),  # row 8
    ]
    path = write_na_mon(tmp_path, two_times_sheet(), rows, 5)
    result = collect(tmp_path, None, workers=0)[0]
    na_mon = hamlet(result)
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 1)
    frame = result.households.set_index("ma_ho")["phan_loai"].to_dict()
    assert frame == {"NM1": "poor", "NM3": "exited", "NM2": "near_poor"}
    said = [(i.cell, i.variant, i.value, i.detail, i.severity)
            for i in result.issues if i.code == QUESTIONED]  # fmt: skip
    assert said == [
        ("F7", "start-mark", "x?", "Thoát", "warning"),
        ("I8", "mark", "x?", "Hộ cận nghèo", "warning"),
    ]
    f7 = next(i for i in result.issues if i.code == QUESTIONED and i.cell == "F7")
    assert f7.message() == (
        f"Ô '{f7.column}' ghi 'x?', có dấu '?' (chưa chắc chắn), và cuối kỳ hộ không được đánh "
        "dấu loại nào: đã tính là hộ đã ra khỏi danh sách (Thoát). Nếu đúng, hãy xóa dấu '?', chỉ "
        "để lại dấu 'x'; nếu hộ vẫn là hộ nghèo hoặc cận nghèo, hãy đánh dấu 'x' vào đúng cột "
        "loại hộ của cuối kỳ."
    )
    checked = [(i.cell, i.variant) for i in check_files([path, tmp_path / "KeHoach_2024.xlsx"])
               if i.code == QUESTIONED]  # fmt: skip
    assert checked == [("F7", "start-mark"), ("I8", "mark")]


# --- 5. 'Số 12 người' in Mã hộ ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        # a number of people, or of households, after 'Số', its unit last
        ("Số 12 người", "people"),
        ("SỐ 12 NGƯỜI", "people"),
        ("số 12người", "people"),
        ("Số 12 nguoi", "people"),
        ("Số 12 NK", "people"),
        ("Số 12 khẩu", "people"),
        ("Số 12 nhân khẩu", "people"),
        ("Số 12 hộ", "households"),
        ("Số 12 người khuyết tật", "members"),
        # codes: a number after 'Số' with no unit, or more after the unit; and session 28's
        ("Số 12", ""),
        ("Số 12A", ""),
        ("Số 12 Nà Mòn", ""),
        ("Số 12 ngõ 3", ""),
        ("Số 12 Nguyễn", ""),
        ("Số 12 NKL", ""),
        ("Số 12 NK-3", ""),
        ("Số 12 hộ nghèo", ""),
        ("Số 12 hộ khẩu", ""),
        ("Số hộ khẩu 123", ""),
        ("Hộ số 12", ""),
        ("NK01", ""),
        ("NK-12", ""),
        ("nk 12", ""),
        ("NG-12", ""),
        ("12 NM", ""),
        ("12 BK", ""),
        ("12 NG", ""),
        ("Nà Khau 3", ""),
        ("3 Nà Khau", ""),
        ("12 Khau Lầu", ""),
        ("5 Ngõ 3", ""),
        ("3 Nguyễn", ""),
        ("người 12", ""),
        ("TL.01.001", ""),
        ("001001", ""),
    ],
)
def test_a_number_after_so_is_a_count_and_codes_stay_codes(code, kind):
    assert household_count_kind(code) == kind
    # the column's way (a search of its text joined first) says the same of each
    column = np.array(["TL.01.001", code, "NK-12"], dtype=object)
    found = np.asarray(_not_household_counts(Columns({"ma_ho": column})), dtype=bool)
    assert found.tolist() == [True, kind == "", True]


def test_so_12_nguoi_in_ma_ho_is_said_at_its_cell(tmp_path):
    """Nà Mòn's May list (tests/test_session23_rows.py: poor 3, near-poor 2) with a near-poor
    household in Excel row 11 whose Mã hộ is 'Số 12 người': before, a code (counted: near-poor
    3); now no code, left out (Nà Mòn stays 3 and 2) and said at B11 in the people's wording, in
    the run and `check`."""
    plan, roster, result = run_with_lines(tmp_path, [household("Số 12 người")])
    na_mon = _summary_na_mon(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert result.summary["issues"]["rows_left_out"] == 1
    errors = [i for i in past_targets(result.issues) if i.severity == "error"]
    said = [("household-id-is-count", "people", "B11", "Số 12 người")]
    assert [(i.code, i.variant, i.cell, i.value) for i in errors] == said
    assert (
        errors[0]
        .message()
        .startswith("'Mã hộ' ghi 'Số 12 người', là một số nhân khẩu chứ không phải mã hộ")
    )
    checked = [i for i in past_targets(check_files([roster, plan])) if i.severity == "error"]
    assert [(i.code, i.variant, i.cell, i.value) for i in checked] == said
