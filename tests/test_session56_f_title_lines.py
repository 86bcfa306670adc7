"""Session 56 (helper F): a title's total left blank takes no year or date further right.

Session 55 (K) read a label alone in its title cell ('Tổng số hộ dân cư:') with its value in
the next cell written however far right in its row: left blank, the label took a year '2024'
written far right (the hamlet's total 2,024 households) or a date's words ('tháng 5 năm',
quoted as the total written). Now the value is looked for in the four cells after the label's
end (its merged range's end, the sheet's merges read), as a form's block is read, a form's
blank (':') passed over; a date's words there are no total. A total left so is unread: the
plan's, with the missing 'Thông tin' warning.

Nà Mòn's May list in a workbook of the head's own (tests.test_session55_k_leftovers'
title_head_list): title lines from row 2, 3 poor and 2 near-poor households; the plan's 100
households (3 %), the title's 120 (2.5 %).
"""

from __future__ import annotations

import openpyxl
import pytest

from tests.commune import clean_rosters, write_plan
from tests.test_session55_k_leftovers import k_na_mon, title_head_list

_XOM_KY = [{1: "Xóm: Nà Mòn"}, {1: "Kỳ báo cáo: 05/2024"}]
# the missing 'Thông tin' warning, the plan's total taken, no total quoted
_PLANS = (
    "Không có trang 'Thông tin'; đã lấy xóm 'Nà Mòn' và kỳ 05/2024 từ tiêu đề/tên tệp, tổng"
    " số hộ dân cư từ kế hoạch đầu năm. Lần sau hãy dùng mẫu có trang 'Thông tin': ở cột A"
    " các dòng Loại biểu, Xã, Xóm, Kỳ báo cáo, Tổng số hộ dân cư, Người lập, Ngày lập, và"
    " giá trị của từng dòng ở cột B."
)


def _run(folder, total_line: dict, merges: tuple[str, ...] = ()):
    """Nà Mòn's run with its title's row 4 written ``total_line``: (households, poor rate,
    Nà Mòn's issues as (code, message))."""
    write_plan(folder)
    clean_rosters(folder)
    title_head_list(folder, [*_XOM_KY, total_line], merges)
    result, hamlet = k_na_mon(folder)
    said = [(i.code, i.message()) for i in result.issues if i.file == "NaMon.xlsx"]
    return hamlet["households"], hamlet["poor_rate"], said


@pytest.mark.parametrize(
    ("line", "merges"),
    [
        ({1: "Tổng số hộ dân cư:", 8: 2024}, ()),
        ({1: "Tổng số hộ dân cư:", 12: 2024}, ("A4:F4",)),
        ({1: "Tổng số hộ dân cư:", 3: "tháng 5 năm", 4: 2024}, ()),
        ({1: "Tổng số hộ dân cư:", 2: "Năm", 3: "2024"}, ()),
        ({1: "Tổng số hộ dân cư", 3: "Ngày 03/6/2024"}, ()),
    ],
)
def test_a_title_total_left_blank_takes_no_year_or_date_to_its_right(tmp_path, line, merges):
    """Row 4 'Tổng số hộ dân cư:' left blank, a year or a date further right in its row: 2024
    in H4 (4 cells past B-E), or in L4 beyond the label merged across A4:F4 (past G-J); 'tháng
    5 năm' then 2024 in C4, D4; 'Năm' then '2024' in B4, C4; 'Ngày 03/6/2024' in C4. Was: 2,024
    households (3 poor: 0.148… %), told only total-far-from-plan ("'Tổng số hộ dân cư' (2024)
    khác xa số hộ đầu năm …; tỷ lệ của xóm được tính theo số đã ghi"), or the date's words
    quoted as the total written ("… ghi tổng số hộ dân cư 'tháng 5 năm', không đọc được …").
    Now no total read: the plan's 100, 3 %, the missing 'Thông tin' warning quoting
    nothing."""
    households, rate, said = _run(tmp_path, line, merges)
    assert (households, rate, said) == (100, pytest.approx(3.0), [("missing-info-sheet", _PLANS)])


@pytest.mark.parametrize(
    ("line", "merges"),
    [
        ({1: "Tổng số hộ dân cư:", 5: 120}, ()),
        ({1: "Tổng số hộ dân cư:", 8: 120}, ("A4:D4",)),
        ({1: "Tổng số hộ dân cư", 2: ":", 3: 120}, ()),
    ],
)
def test_a_title_total_near_its_label_is_read(tmp_path, line, merges):
    """Guards (read so before too): row 4's 120 is Nà Mòn's total, 3 poor / 120 = 2.5 %, no
    issue. In E4 (the fourth cell after A4); in H4 after the label merged across A4:D4 (the
    fourth after D4: the reach counted from the merge's end); after a ':' typed in a cell of
    its own (B4, a form's blank passed over)."""
    households, rate, said = _run(tmp_path, line, merges)
    assert (households, rate, said) == (120, pytest.approx(2.5), [])


def _title_only(folder, lines: list[dict], title: str):
    """Nà Mòn's run, its list's title ``title`` in A1 and ``lines`` from row 2: (households,
    poor rate, Nà Mòn's issues as (code, message))."""
    write_plan(folder)
    clean_rosters(folder)
    title_head_list(folder, lines)
    book = openpyxl.load_workbook(folder / "NaMon.xlsx")
    book.active["A1"] = title
    book.save(folder / "NaMon.xlsx")
    result, hamlet = k_na_mon(folder)
    said = [(i.code, i.message()) for i in result.issues if i.file == "NaMon.xlsx"]
    english = [i.message("en") for i in result.issues if i.file == "NaMon.xlsx"]
    return hamlet["households"], hamlet["poor_rate"], said, english


_TAKEN = (
    "Không có trang 'Thông tin'; đã lấy xóm 'Nà Mòn' và kỳ 05/2024 từ tiêu đề/tên tệp, tổng"
    " số hộ dân cư từ kế hoạch đầu năm{}. Lần sau hãy dùng mẫu có trang 'Thông tin': ở cột A"
    " các dòng Loại biểu, Xã, Xóm, Kỳ báo cáo, Tổng số hộ dân cư, Người lập, Ngày lập, và"
    " giá trị của từng dòng ở cột B."
)


@pytest.mark.parametrize(
    ("title", "lines", "quoted"),
    [
        (
            "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN THÁNG 5/2024",
            [{1: "Tổng số hộ: 95"}],
            " (dòng tiêu đề ở ô A2 ghi tổng số hộ dân cư '95', nhưng tiêu đề không có dòng"
            " 'Xóm: …' và 'Kỳ báo cáo: …' nên chưa dùng số này)",
        ),
        (
            "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO THÁNG 5/2024",
            [{1: "Xóm: Nà Mòn"}, {1: "Tổng số hộ dân cư:", 3: "95 hộ"}],
            " (dòng tiêu đề ở ô C3 ghi tổng số hộ dân cư '95 hộ', nhưng tiêu đề không có dòng"
            " 'Kỳ báo cáo: …' nên chưa dùng số này)",
        ),
    ],
)
def test_a_title_total_without_its_hamlet_or_period_lines_is_quoted(tmp_path, title, lines, quoted):
    """A title naming the hamlet and the month in its first line ('DANH SÁCH … XÓM NÀ MÒN
    THÁNG 5/2024') then 'Tổng số hộ: 95' (A2), or 'Xóm: Nà Mòn' then 'Tổng số hộ dân cư:' and
    '95 hộ' in C3, no 'Kỳ báo cáo:' line: no block (the contract's §2.1: without 'Thông tin'
    the total is the plan's), the plan's 100, 3 %. Was: the warning said the plan's total
    taken, not the 95 the head wrote. Now it quotes it, its cell, and the line missing."""
    households, rate, said, english = _title_only(tmp_path, lines, title)
    assert (households, rate) == (100, pytest.approx(3.0))
    assert said == [("missing-info-sheet", _TAKEN.format(quoted))]
    lacking = "'Xóm: …' and 'Kỳ báo cáo: …' lines" if "Xóm" in quoted else "'Kỳ báo cáo: …' line"
    assert f"but the title has no {lacking}, so it was not used)." in english[0]
