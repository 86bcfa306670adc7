"""Session 55 (helper K): reading and file-month leftovers of session 55's review (R1) and of
helper I.

1. A head's own list (no 'Thông tin') whose title lines write its 'Xóm', 'Kỳ báo cáo' and
   total as heads do, 'Tổng số hộ dân cư = 120', the total after a label merged across the
   line, or two labels on one line ('Xóm: Nà Mòn   Tổng số hộ dân cư: 120'), was counted on
   the plan's total with the missing-info-sheet warning: they are read. A total no number
   could be read from is quoted by that warning.

For 1, Nà Mòn by hand (tests.commune.clean_rosters' May list, tests.messy.na_mon_households):
poor NM1, NM5, NM6 = 3, near-poor NM2, NM4 = 2; the plan's 100 households.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import clean_rosters, write_plan
from tests.messy import DEFAULT_HEADERS, TEMPLATE_ORDER, na_mon_households


def _head_list(folder, lines: list[dict[int, object]], merges: tuple[str, ...] = ()) -> None:
    """Nà Mòn's May list in a workbook of the head's own: one sheet, a title in A1, then
    ``lines`` one a row from row 2 ({column: value}), ``merges`` merged, a blank row, the
    template's headers and the households."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet["A1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"
    for row, line in enumerate(lines, start=2):
        for col, value in line.items():
            sheet.cell(row, col, value)
    for merged in merges:
        sheet.merge_cells(merged)
    header = len(lines) + 3
    for col, key in enumerate(TEMPLATE_ORDER, start=1):
        sheet.cell(header, col, DEFAULT_HEADERS[key])
    for stt, household in enumerate(na_mon_households(), start=1):
        cells = {**household, "stt": stt}
        for col, key in enumerate(TEMPLATE_ORDER, start=1):
            value = cells.get(key)
            value = "x" if value is True else None if value is False else value
            if value is not None:
                sheet.cell(header + stt, col, value)
    book.save(folder / "NaMon.xlsx")  # in place of tests.commune.clean_rosters' list


def _na_mon(folder):
    """The run of May: its result and Nà Mòn's row of the summary."""
    result, _ = collect(folder, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return result, hamlet


@pytest.mark.parametrize(
    ("lines", "merges"),
    [
        ([{1: "Xóm: Nà Mòn"}, {1: "Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ dân cư = 120"}], ()),
        ([{1: "Xóm: Nà Mòn"}, {1: "Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ dân cư:", 7: 120}],
         ("A4:F4",)),
        ([{1: "Xóm:", 6: "Nà Mòn"}, {1: "Kỳ báo cáo:", 6: "05/2024"},
          {1: "Tổng số hộ dân cư", 6: "120 hộ"}], ("A2:E2", "A3:E3", "A4:E4")),
        ([{1: "Xóm: Nà Mòn   Tổng số hộ dân cư: 120"}, {1: "Kỳ báo cáo: 05/2024"}], ()),
        ([{1: "Xóm: Nà Mòn   Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ dân cư: 120"}], ()),
        ([{1: "Xóm: Nà Mòn", 5: "Kỳ báo cáo: 05/2024"}, {1: "Tổng số hộ: 120"}], ()),
        ([{1: "Xóm: Nà Mòn - Kỳ báo cáo: 05/2024 - Tổng số hộ dân cư: 120"}], ()),
    ],
)  # fmt: skip
def test_a_title_total_as_heads_write_it_is_the_hamlets(tmp_path, lines, merges):
    """The title's 120 is Nà Mòn's total: 3 poor / 120 = 2.5 %, 2 near-poor / 120 =
    1.666… %, no issue. Before: the plan's 100 (3 %, 2 %) and a missing-info-sheet warning."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    _head_list(tmp_path, lines, merges)
    result, hamlet = _na_mon(tmp_path)
    assert (hamlet["status"], hamlet["households"], hamlet["poor"], hamlet["near_poor"]) == (
        "ok",
        120,
        3,
        2,
    )
    assert hamlet["poor_rate"] == pytest.approx(2.5)
    assert hamlet["near_poor_rate"] == pytest.approx(200 / 120)
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == []


def test_a_title_total_read_as_no_count_is_quoted(tmp_path):
    """'Tổng số hộ dân cư: khoảng 120 hộ' (row 4): the plan's 100 (3 %), the warning quoting
    the words and their cell. Before: the warning said only that the plan's total was taken."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    lines = [
        {1: "Xóm: Nà Mòn"},
        {1: "Kỳ báo cáo: 05/2024"},
        {1: "Tổng số hộ dân cư: khoảng 120 hộ"},
    ]
    _head_list(tmp_path, lines)
    result, hamlet = _na_mon(tmp_path)
    assert (hamlet["status"], hamlet["households"]) == ("ok", 100)
    assert hamlet["poor_rate"] == pytest.approx(3.0)
    [issue] = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert issue.code == "missing-info-sheet"
    assert issue.message() == (
        "Không có trang 'Thông tin'; đã lấy xóm 'Nà Mòn' và kỳ 05/2024 từ tiêu đề/tên tệp, tổng"
        " số hộ dân cư từ kế hoạch đầu năm (dòng tiêu đề ở ô A4 ghi tổng số hộ dân cư 'khoảng"
        " 120 hộ', không đọc được thành một số hộ). Lần sau hãy dùng mẫu có trang 'Thông tin':"
        " ở cột A các dòng Loại biểu, Xã, Xóm, Kỳ báo cáo, Tổng số hộ dân cư, Người lập, Ngày"
        " lập, và giá trị của từng dòng ở cột B."
    )
