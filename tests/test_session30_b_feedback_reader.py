"""Session 30 (B): four small gaps in the feedback copy and the roster reader.

1. The printed feedback copy has its row numbers and column letters (a head with paper finds
   'Ô H5'), its pages laid out with the room they take.
2. A date-and-time serial under 'Ngày sinh' (23743.5) gives its day's year, as a whole one.
3. 'Số nhân khẩu' and 'Số hộ thoát nghèo' in 'Thông tin' are set beside the rows read.
4. `birth-year-two-digits` says the age of `schemas.rules.HEAD_MIN_AGE`.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from pipeline.messages import Message
from pipeline.report.styles import (
    HEADINGS_HEIGHT_PT,
    HEADINGS_PAGE_WIDTH_PT,
    HEADINGS_WIDTH_PT,
    LIBREOFFICE_WIDTH,
    PAGE_HEIGHT_PT,
    PAGE_WIDTH_PT,
    column_pixels,
    page_capacities,
    page_starts,
    wide_print,
)
from pipeline.run import collect, execute
from pipeline.validate import Columns, Part, _dates_read
from schemas.issues import CATALOGUE
from schemas.rules import HEAD_MIN_AGE
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY
from tests.test_session26_feedback_print import stored_widths

ROOT = Path(__file__).resolve().parent.parent

# --- 1. the printed copy's row and column headings ----------------------------------------------


def test_the_headings_take_their_room_on_each_page_hand_worked():
    # A width of 10 is 75 pixels (7 × 10 + 5) = 56.25 pt, of 9 is 68 pixels = 51 pt. The page
    # is 784.3 pt wide (0.4" side margins); printed with the headings, 805.9 pt (0.25"), less
    # the row numbers' 1 cm = 28.35 pt: 777.55 pt at 100 %.
    assert (column_pixels(10), column_pixels(9)) == (75, 68)
    assert round(PAGE_WIDTH_PT, 2) == 784.3 and round(HEADINGS_PAGE_WIDTH_PT, 2) == 805.9
    assert round(HEADINGS_WIDTH_PT, 2) == 28.35
    # Thirteen of 10 and one of 9: 13 × 56.25 + 51 = 782.25 pt. Without the headings the
    # fourteen fit the first page (782.25 <= 784.3), the fifteenth starts the next; with them
    # they do not (782.25 > 777.55): the 9 starts the second page.
    widths = [10.0] * 13 + [9.0, 10.0]
    assert page_starts(widths, 0, 1.0, 1.0) == [14]
    assert page_starts(widths, 0, 1.0, 1.0, headings=True) == [13]
    # Fourteen of 10 are 787.5 pt, 832.39 in LibreOffice (× 1.057): one page at 784.3 / 832.39
    # = 94 % without the headings; with them 805.9 / (832.39 + 28.35) = 93 %.
    assert round(787.5 * LIBREOFFICE_WIDTH, 2) == 832.39
    assert wide_print([10.0] * 14) == (0.94, 1)
    assert wide_print([10.0] * 14, headings=True) == (0.93, 1)
    # At the scales a wide copy prints at (70 % to 76 %) the narrow margins give back more than
    # the row numbers take (21.6 / s >= 28.35 pt): its pages hold at least the columns they held.
    for scale in (0.70, 0.72, 0.76):
        assert HEADINGS_PAGE_WIDTH_PT / scale - HEADINGS_WIDTH_PT >= PAGE_WIDTH_PT / scale
    # A page's rows lose the letters' row, 15 pt, at its own scale: 516.1 × 0.96 - 15.
    assert round(PAGE_HEIGHT_PT, 1) == 516.1 and HEADINGS_HEIGHT_PT == 15
    plain = page_capacities([10.0] * 3, 1.0)
    assert [round(c, 3) for c in plain] == [495.456, 526.422, 526.422]
    assert page_capacities([10.0] * 3, 1.0, headings=True) == [c - 15 for c in plain]


@pytest.fixture(scope="module")
def copied(tmp_path_factory):
    """Nà Mòn's May list (the template's layout, 26 columns) with NM2's size 'bốn' (H6) and
    no 'Thông tin' sheet: its feedback adds one, and copies 'Danh sách'."""
    tmp_path: Path = tmp_path_factory.mktemp("copy")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    book["Danh sách"]["H6"] = "bốn"
    del book["Thông tin"]
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    return openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")


def test_the_copy_prints_its_row_numbers_and_column_letters(copied):
    """The copy of 'Danh sách' and the added 'Thông tin' print their headings (A, B, C… and
    1, 2, 3…: the guide's 'Ô H6' is found on paper); the guide sheet, a table of its own,
    does not. The copy still prints two pages across at 96 % (as before), its break where the
    headings leave room, on Excel's narrow side margins. Session 55: at 100 % (not written),
    its header's columns measured by their bold letters, narrower."""
    ws = copied["Danh sách"]
    assert ws.print_options.headings is True
    assert copied["Thông tin"].print_options.headings is True
    assert not copied["Hướng dẫn sửa"].print_options.headings
    assert ws["H6"].value == "bốn" and ws["H6"].fill.fgColor.rgb == "FFFFC7CE"
    widths = stored_widths(ws)
    assert len(widths) == 26
    assert ws.page_setup.scale is None and ws.page_margins.left == ws.page_margins.right == 0.25
    scale = 1.0
    starts = [b.id for b in ws.col_breaks.brk]
    assert starts == page_starts(widths, 3, scale, LIBREOFFICE_WIDTH, headings=True)
    assert len(starts) == 1 and ws.print_title_cols == "$A:$C"
    # Each page's columns, and the row numbers, fit its width in Excel too.
    for first, last in ((0, starts[0]), (starts[0], 26)):
        repeated = 0 if first == 0 else sum(column_pixels(w) for w in widths[:3])
        pixels = repeated + sum(column_pixels(w) for w in widths[first:last])
        assert pixels * 0.75 <= HEADINGS_PAGE_WIDTH_PT / scale - HEADINGS_WIDTH_PT


# --- 2. a date-and-time serial under 'Ngày sinh' --------------------------------------------------

SERIAL = "birth-date-serial"


def test_a_serial_with_a_time_gives_its_day_hand_worked():
    """Excel's day 25569 is 01/01/1970; 1965 to 1969 are 5 × 365 + 1 (1968) = 1826 days, so
    23743 is 01/01/1965 and 23743.5 its noon. In a 2024 list the days read are 1462
    (01/01/1904) to 45657 (01/01/2024 is 45292, + 365: 31/12/2024). 45657.75 is 31/12/2024 at
    18:00; 45658.2 is 2025, after the list's year; 1968.7 is a year with a fraction, kept as
    written (its error stays). Normalise leaves a fraction as shown ('23743,5'); a float not
    normalised is read alike. One warning, at the first."""
    part = Part({}, "f.xlsx", "S", "Nà Mòn", {"nam_sinh": (3, "Ngày sinh")})
    written = [
        Message("23743,5", "23743.5"),
        1970,
        Message("1968,7", "1968.7"),
        45657.75,
        Message("45658,2", "45658.2"),
    ]
    cols = Columns({"nam_sinh": np.array(written, dtype=object)})
    cols.owner = np.zeros(len(written), dtype=np.int64)
    assert _dates_read(cols, [part], 2024) == [(0, SERIAL, "23743,5", "01/01/1965")]
    assert cols.data["nam_sinh"].tolist() == [1965, 1970, "1968,7", 2024, "45658,2"]
    # Under 'Năm sinh' the same cells stay as written (session 29's rule for whole serials).
    part = Part({}, "f.xlsx", "S", "Nà Mòn", {"nam_sinh": (3, "Năm sinh")})
    cols = Columns({"nam_sinh": np.array(written, dtype=object)})
    cols.owner = np.zeros(len(written), dtype=np.int64)
    assert _dates_read(cols, [part], 2024) == []
    assert cols.data["nam_sinh"].tolist() == written


def _na_mon(folder: Path, births: list, header: str = "Ngày sinh") -> Path:
    """Nà Mòn's May 2024 list NM1, NM6 poor, NM2 near-poor (Excel rows 5-7, 4 people each),
    its 'Năm sinh' (column D) headed ``header`` and written ``births``."""
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM6", "poor"), person("NM2", "near_poor")]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["D4"].value == "Năm sinh" and sheet["B5"].value == "NM1"
    sheet["D4"] = header
    for row, born in enumerate(births, start=5):
        sheet.cell(row, 4, born)
    book.save(path)
    return path


def test_a_date_and_time_pasted_as_a_number_is_read_in_a_run(tmp_path):
    """NM1 23743.5 (a number, General format): 1965, said once at D5, quoted as Excel shows
    it; NM6 a date cell with a time (12/05/1962 08:30): 1962, as before, nothing said; NM2
    1970. Before: NM1 was `invalid-birth-year`, the household not counted."""
    folder = tmp_path / "input"
    folder.mkdir()
    _na_mon(folder, [23743.5, datetime(1962, 5, 12, 8, 30), 1970])
    result, _ = collect(folder, None, workers=0)
    frame = result.households[result.households["hamlet"] == "Nà Mòn"]
    assert dict(zip(frame["ma_ho"], frame["nam_sinh"], strict=True)) == {
        "NM1": 1965, "NM6": 1962, "NM2": 1970,
    }  # fmt: skip
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.hamlet == "Nà Mòn" and i.severity == "error"]
    assert said == []
    said = [i for i in result.issues if i.code == SERIAL]
    assert [(i.cell, i.column, i.detail) for i in said] == [("D5", "Ngày sinh", "01/01/1965")]
    assert (
        said[0]
        .message()
        .startswith(
            "Cột 'Ngày sinh' ghi số '23743,5' (ô D5) chứ không phải ngày: đã đọc là ngày 01/01/1965"
        )
    )
    assert said[0].message("en").startswith("Column 'Ngày sinh' holds the number '23743.5' (D5)")


# --- 3. people and households left, in 'Thông tin' -----------------------------------------------

INFO_COUNT = "info-count-differs"


def info_lines(folder: Path, lines: list[tuple], rows: list[dict] | None = None) -> None:
    """Nà Mòn's May list (by default NM1, NM6 poor, NM2 near-poor, 4 people each: 12 people,
    no 'Thoát'), its 'Thông tin' sheet (labels A1-A7) given ``lines`` from row 8: (label,
    value) in A and B, or (text,) typed in A."""
    write_plan(folder)
    if rows is None:
        rows = [person("NM1", "poor"), person("NM6", "poor"), person("NM2", "near_poor")]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Thông tin"]
    assert sheet["A7"].value == "Ngày lập" and sheet["A8"].value is None
    for row, line in enumerate(lines, start=8):
        for col, value in enumerate(line, start=1):
            sheet.cell(row, col, value)
    book.save(path)


def info_count_said(folder: Path) -> list[tuple]:
    result, _ = collect(folder, None, workers=0)
    return [(i.cell, i.column, i.value, i.detail, i.variant, i.instead)
            for i in result.issues if i.code == INFO_COUNT]  # fmt: skip


def test_people_and_households_left_that_differ_from_the_rows_are_said(tmp_path):
    """'Số nhân khẩu | 13' beside 3 rows of 4 people (12): said at B8, both numbers; 'Số hộ
    thoát: 1' typed in A9 beside no 'Thoát' row: said, 0. Before: read nowhere."""
    folder = tmp_path / "input"
    folder.mkdir()
    info_lines(folder, [("Số nhân khẩu", 13), ("Số hộ thoát: 1",)])
    result, _ = collect(folder, None, workers=0)
    said = [i for i in result.issues if i.code == INFO_COUNT]
    assert [(i.cell, i.column, i.value, i.detail, i.variant) for i in said] == [
        ("B8", "Số nhân khẩu", "13", "12", "people"),
        ("A9", "Số hộ thoát", "1", "0", "exited"),
    ]
    assert all(i.severity == "warning" for i in said)
    assert (
        said[0]
        .message()
        .startswith(
            "'Số nhân khẩu' ghi '13' nhưng cột 'Số nhân khẩu' của các dòng hộ trong danh sách cộng "
            "lại là 12 người; xã tính theo từng dòng hộ, không theo số này."
        )
    )
    assert (
        said[1]
        .message()
        .startswith("'Số hộ thoát' ghi '1' nhưng danh sách có 0 dòng hộ ghi 'Thoát'")
    )
    assert (
        said[1]
        .message("en")
        .startswith("'Số hộ thoát' says '1' but the list has 0 rows of households written 'Thoát'")
    )
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)  # the rows' figures, as before


def test_people_counted_with_or_without_the_households_that_left(tmp_path):
    """NM1, NM6 poor (4 and 4), NM2 near-poor (3), NM3 'Thoát' (5): 16 people, 11 without
    NM3, 1 'Thoát' row. '16' and '11 người' agree (either reading), as does 'Số hộ thoát' 1;
    '15 khẩu' is neither: said with both numbers (variant people-exited)."""
    rows = [
        person("NM1", "poor"),
        person("NM6", "poor"),
        person("NM2", "near_poor", nhan_khau=3),
        person("NM3", "exited", nhan_khau=5),
    ]
    for written, expected in (
        (16, []),
        ("11 người", []),
        ("15 khẩu", [("B8", "Số nhân khẩu", "15 khẩu", "16", "people-exited", "11")]),
    ):
        folder = tmp_path / str(written) / "input"
        folder.mkdir(parents=True)
        info_lines(folder, [("Tổng số nhân khẩu", written), ("Số hộ thoát", 1)], rows)
        assert info_count_said(folder) == expected
    issue = CATALOGUE[INFO_COUNT]
    assert "là {detail} người ({instead} người nếu không kể các hộ ghi 'Thoát')" in issue.template(
        "vi", "people-exited"
    )


def test_people_not_compared_where_the_list_gives_no_total(tmp_path):
    """'Tổng số nhân khẩu | 450' beside 3 rows: more than 3 × 30 (the most a household is):
    the hamlet's people, not the list's, so nothing said. NM2's size 'bốn' (an error at its
    cell): the rows give no total, 'Số nhân khẩu | 13' is not compared. 'Số hộ thoát nghèo |
    0' agrees with no 'Thoát' row."""
    big, unread = tmp_path / "big" / "input", tmp_path / "unread" / "input"
    for folder in (big, unread):
        folder.mkdir(parents=True)
    info_lines(big, [("Tổng số nhân khẩu", 450), ("Số hộ thoát nghèo", 0)])
    assert info_count_said(big) == []
    rows = [
        person("NM1", "poor"),
        person("NM6", "poor"),
        person("NM2", "near_poor", nhan_khau="bốn"),
    ]
    info_lines(unread, [("Số nhân khẩu", 13)], rows)
    result, _ = collect(unread, None, workers=0)
    assert [i for i in result.issues if i.code == INFO_COUNT] == []
    assert [i.cell for i in result.issues if i.code == "invalid-household-size"] == ["H7"]


# --- 4. birth-year-two-digits says the rule's age -------------------------------------------------


def test_the_two_digit_year_message_follows_head_min_age():
    """The message says HEAD_MIN_AGE (16 today, in both languages); with the constant set to
    18 before the catalogue is built (a fresh interpreter, nothing else changed) it says 18."""
    issue = CATALOGUE["birth-year-two-digits"]
    assert HEAD_MIN_AGE == 16
    assert "nếu người sinh năm đó đã đủ 16 tuổi vào năm của danh sách" in issue.vi
    assert "when a head born then is 16 by the list's year" in issue.en
    code = (
        "import schemas.rules as rules; rules.HEAD_MIN_AGE = 18; "
        "from schemas.issues import CATALOGUE; t = CATALOGUE['birth-year-two-digits']; "
        "print(t.vi); print(t.en)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert "nếu người sinh năm đó đã đủ 18 tuổi vào năm của danh sách" in shown[0]
    assert "when a head born then is 18 by the list's year" in shown[1]
    # nothing else of the message changed
    assert shown[0].replace("18 tuổi", "16 tuổi") == issue.vi
    assert shown[1].replace("is 18 by", "is 16 by") == issue.en


def test_households_out_of_poverty_in_the_officials_sense_are_not_compared(tmp_path):
    """'Số hộ thoát nghèo' counts, as officials use it, the poor households no longer poor, the
    ones now near-poor too; one month's list cannot tell those (review, session 30). NM1, NM6
    poor, NM2 near-poor (poor at the start of the year, say), no 'Thoát' row: 'Số hộ thoát
    nghèo: 1' and 'Tổng số hộ thoát nghèo | 1' are not said; 'Số hộ thoát nghèo, cận nghèo |
    1' (both lists: the 'Thoát' rows) is, against 0."""
    for lines, expected in (
        ([("Số hộ thoát nghèo: 1",)], []),
        ([("Tổng số hộ thoát nghèo", 1)], []),
        (
            [("Số hộ thoát nghèo, cận nghèo", 1)],
            [("B8", "Số hộ thoát", "1", "0", "exited", "")],
        ),
    ):
        folder = tmp_path / lines[0][0].replace(" ", "_").replace(":", "") / "input"
        folder.mkdir(parents=True)
        info_lines(folder, lines)
        assert info_count_said(folder) == expected
