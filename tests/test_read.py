"""The reader on its own: headers found by content, non-household rows left out, key/value
blocks in any layout, sheets and formats, titles and file names."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date, datetime

import pytest

from pipeline.discover import IDENTITY_KEYS, _title_hamlet, inspect_file
from pipeline.read import find_header, open_workbook, read_key_values, table_rows
from pipeline.text import parse_number
from schemas.columns import (
    ROSTER_COLUMNS,
    ROSTER_INFO_LABELS,
    SECTION_MARKERS,
    SIGNATURE_MARKERS,
    TOTAL_MARKERS,
)
from tests import messy

# --- headers ---------------------------------------------------------------------------

N = None
THREE_ROW_HEADER = [
    ["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN", N, N, N, N, N, N, N, N, N, N],
    [N] * 11,
    ["STT", "Mã hộ", "Thông tin chủ hộ", N, "Số nhân khẩu", "Phân loại hộ",
     "Các chỉ số thiếu hụt dịch vụ xã hội cơ bản", N, N, N, "Ghi chú"],
    [N, N, "Họ và tên chủ hộ", "Năm sinh", N, N, "Việc làm", N, "Y tế", N, N],
    [N, N, N, N, N, N, "Việc làm", "Người phụ thuộc", "Dinh dưỡng", "Bảo hiểm y tế", N],
    ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    [1, "NM1", "Hoàng Văn A", 1970, 4, "Hộ nghèo", N, N, "x", "x", N],
]  # fmt: skip
THREE_ROW_MERGES = [
    (0, 0, 0, 10), (2, 0, 4, 0), (2, 1, 4, 1), (2, 2, 2, 3), (3, 2, 4, 2), (3, 3, 4, 3),
    (2, 4, 4, 4), (2, 5, 4, 5), (2, 6, 2, 9), (3, 6, 3, 7), (3, 8, 3, 9), (2, 10, 4, 10),
]  # fmt: skip


@pytest.mark.parametrize("merges", [THREE_ROW_MERGES, None], ids=["merges", "no-merge-info"])
def test_three_row_header(merges):
    header = find_header(THREE_ROW_HEADER, ROSTER_COLUMNS, merges)
    assert (header.first_row, header.last_row) == (2, 4)
    assert {k: c for k, (c, _) in header.columns.items()} == {
        "stt": 0, "ma_ho": 1, "chu_ho": 2, "nam_sinh": 3, "nhan_khau": 4, "phan_loai": 5,
        "td_01": 6, "td_02": 7, "td_03": 8, "td_04": 9, "ghi_chu": 10,
    }  # fmt: skip
    assert header.unknown == []
    rows = table_rows(THREE_ROW_HEADER, header, IDENTITY_KEYS, SIGNATURE_MARKERS, TOTAL_MARKERS,
                      strong_keys=("ma_ho",), min_identity=2)  # fmt: skip
    assert [r.excel_row for r in rows] == [7]  # the column-number row is not a household


def test_header_wordings_a_person_would_accept():
    grid = [[
        "TT", "HỌ  TÊN CHỦ HỘ", unicodedata.normalize("NFD", "Mã  số hộ"), "Số khẩu", "Phân loại",
        "Thu nhập bình quân\n(đồng/người/tháng)", "Số nhân khẩu nữ", "1. Việc làm", "Ghi chú 2",
        "Ghi chú", "Số CMND/CCCD", "Số điện thoại",
    ]]  # fmt: skip
    header = find_header(grid, ROSTER_COLUMNS)
    cols = {k: c for k, (c, _) in header.columns.items()}
    assert cols == {"stt": 0, "chu_ho": 1, "ma_ho": 2, "nhan_khau": 3, "phan_loai": 4,
                    "thu_nhap": 5, "td_01": 7, "ghi_chu": 9, "so_dinh_danh": 10}  # fmt: skip
    # An exact header beats a longer one starting with it; the loser is noted, not read.
    assert header.unknown == [(6, "Số nhân khẩu nữ"), (8, "Ghi chú 2"), (11, "Số điện thoại")]


def test_parent_and_child_together_name_a_column():
    grid = [
        ["Mã hộ", "Họ và tên chủ hộ", "Phân loại hộ", "Thu nhập", N, "Số nhân khẩu"],
        [N, N, N, "Tổng", "Bình quân", N],
    ]
    header = find_header(grid, ROSTER_COLUMNS, [(0, 3, 0, 4), (0, 0, 1, 0), (0, 1, 1, 1)])
    assert header.columns["thu_nhap"] == (4, "Thu nhập Bình quân")
    assert header.unknown == [(3, "Thu nhập Tổng")]  # noted with its parent, and not read


HEAD = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Phân loại hộ"]


@pytest.mark.parametrize(
    ("extra", "size", "size_col"),
    [
        ("Số người có BHYT", "Số nhân khẩu", 5),  # the real column after it, named exactly
        ("Số người có BHYT", "Số nhân khẩu (người)", 5),  # … or named with a note
        ("Số nhân khẩu có thẻ BHYT", "Số khẩu (người)", 5),
        ("Số người không có BHYT", "Nhân khẩu", 5),
        ("Số người đi làm", "Số nhân khẩu (người)", 5),
        ("Số người khuyết tật", "Số người trong hộ", 5),
        ("Số nhân khẩu nữ", "Số NK (người)", 5),
        ("Số nhân khẩu nam", "Số nhân khẩu", 5),  # male members: 'nam' written as 'nam'
        ("Số người nam", None, None),
        (unicodedata.normalize("NFD", "Số nhân khẩu nam"), "Số khẩu", 5),
        ("So nguoi nam gioi", "So nhan khau", 5),  # without accents, but more than 'nam'
        ("Số người có BHYT", None, None),  # no household size at all: it stays missing
        ("Số người được hưởng trợ cấp", None, None),
    ],
)  # fmt: skip
def test_a_count_of_some_members_is_no_household_size(extra, size, size_col):
    """'Số người có BHYT' (members with health insurance) begins with 'Số người', a name of
    'Số nhân khẩu', but counts some members only: an unknown column at its place (E, col 4),
    whether the real household size is written after it (F, col 5) or not at all."""
    grid = [
        [*HEAD, extra, *([size] if size else [])],
        ["1", "NM1", "Hoàng Văn A", "Hộ nghèo", 2, 4],
    ]
    header = find_header(grid, ROSTER_COLUMNS)
    cols = {k: c for k, (c, _) in header.columns.items()}
    assert cols.get("nhan_khau") == size_col
    assert header.unknown == [(4, unicodedata.normalize("NFC", extra))]
    assert {"stt": 0, "ma_ho": 1, "chu_ho": 2, "phan_loai": 3}.items() <= cols.items()


@pytest.mark.parametrize(
    "written",
    ["Số nhân khẩu (người)", "Số người trong hộ (người)", "Số khẩu (*)", "Số nhân khẩu hiện nay",
     "Số người trong hộ gia đình", "Số thành viên (người)", "Số nhân khẩu đăng ký thường trú",
     # a narrowing word's note on the same count (QA: these refused the file for a while)
     "Số người có trong hộ", "Số nhân khẩu có trong hộ", "Số nhân khẩu có đến 31/12/2023",
     "Số nhân khẩu có mặt", "Số nhân khẩu được rà soát"],
)  # fmt: skip
def test_a_household_size_with_a_note_is_still_the_household_size(written):
    grid = [[*HEAD, written], ["1", "NM1", "Hoàng Văn A", "Hộ nghèo", 4]]
    header = find_header(grid, ROSTER_COLUMNS)
    assert header.columns["nhan_khau"] == (4, written)
    assert header.unknown == []


@pytest.mark.parametrize(
    "written",
    ["Số nhân khẩu năm 2024", "Số nhân khẩu năm", "Số nhân khẩu (năm)", "SỐ NHÂN KHẨU NĂM",
     unicodedata.normalize("NFD", "Số nhân khẩu năm"), "Số người năm nay",
     # no accents anywhere: 'nam' alone may be 'năm' as well as 'nam' (male); a size read as
     # another count refuses the hamlet's month, so it is read as the size
     "So nhan khau nam"],
)  # fmt: skip
def test_a_household_size_of_the_year_is_not_a_count_of_men(written):
    """'năm' (year) folds like 'nam' (male), a word that narrows a count ('Số nhân khẩu nam':
    male members). Written 'năm', with a year after it or not, it is the household size."""
    grid = [[*HEAD, written], ["1", "NM1", "Hoàng Văn A", "Hộ nghèo", 4]]
    header = find_header(grid, ROSTER_COLUMNS)
    assert header.columns.get("nhan_khau") == (4, unicodedata.normalize("NFC", written))
    assert header.unknown == []


def test_no_header_no_table():
    assert find_header([["Hướng dẫn"], ["Cột Mã hộ: ghi mã hộ"]], ROSTER_COLUMNS) is None


# --- rows that are not households -----------------------------------------------------

HEADER = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Số nhân khẩu", "Phân loại hộ", "Việc làm"]


def _rows(body: list[list], merges=None) -> list[int]:
    grid = [["DANH SÁCH HỘ NGHÈO"], [], HEADER, *body]
    header = find_header(grid, ROSTER_COLUMNS)
    found = table_rows(grid, header, IDENTITY_KEYS, SIGNATURE_MARKERS, TOTAL_MARKERS,
                       strong_keys=("ma_ho",), min_identity=2, section_markers=SECTION_MARKERS,
                       merges=merges)  # fmt: skip
    return [r.excel_row for r in found]


HOUSEHOLD = ["1", "NM1", "Hoàng Văn A", "4", "Hộ nghèo", "x"]


@pytest.mark.parametrize(
    "row",
    [
        ["A", "B", "1", "2", "3", "4"],  # column numbers
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "Hộ nghèo"],  # section, split
        ["II. HỘ CẬN NGHÈO"],  # section, merged
        [N, N, "Hộ thoát nghèo"],  # section label alone, in the name column
        ["1.", "Hộ nghèo"],
        ["Cộng", N, N, 12],  # subtotal
        ["Cộng I+II", N, N, 20],
        [N, "Tổng cộng", N, 20, N, 3],
        ["Tổng số hộ: 6"],
        # a total numbered on from the households, its label after the STT
        [7, N, "Tổng cộng", 120],
        ["7", N, "Cộng", 24, "30 hộ"],
        [7.0, N, N, "Cộng I+II", 20],
        [7, "Tổng cộng", N, 20],  # the label in the Mã hộ column
        [],  # blank
        [N, N, N],
    ],
)  # fmt: skip
def test_non_household_rows_are_passed_over(row):
    assert _rows([row, HOUSEHOLD]) == [5]


@pytest.mark.parametrize(
    "row",
    [
        ["Người lập biểu", N, N, "Trưởng xóm"],
        [N, N, N, "Ngày 03 tháng 6 năm 2024"],
        [N, "Trung Lương, ngày 03 tháng 06 năm 2024"],
        ["(Ký, ghi rõ họ tên)"],
        ["TM. UBND XÃ"],
    ],
)
def test_a_signature_block_ends_the_table(row):
    # The signers' names below must never be read as households.
    assert _rows([HOUSEHOLD, row, [N, N, "Lường Thị Mai", N, N], ["Hoàng Văn Bình"]]) == [4]


def test_households_that_look_like_markers_are_kept():
    rows = [
        [N, "NM2", "Tống Văn Bình", 4, "Hộ nghèo"],  # 'Tống' is not 'Tổng'
        ["Cộng Văn C", "NM3", "Cộng Văn C", 4, "Hộ nghèo"],  # a Mã hộ outside the first cell
        ["I", "NM4"],  # 'I' then a code: a bad household row, reported, not a section
        [2, N, "Hoàng Văn D", 3, "Hộ cận nghèo"],  # no Mã hộ: kept, to be reported
        # numbered, a name that folds as a total's label ('tong ho nam'), and a Mã hộ
        [3, "NM5", "Tống Hồ Nam", 4, "Hộ nghèo"],
    ]
    assert _rows(rows) == [4, 5, 6, 7, 8]


def test_a_value_merged_down_counts_for_each_household():
    body = [
        ["1", "NM1", "Hoàng Văn A", 4, "Hộ nghèo", "x"],
        ["2", "NM2", "Hoàng Văn B", 5, N, "x"],
        ["3", "NM3", "Hoàng Văn C", 3, N, N],
        [N, N, N, N, N, N],  # inside the merge, but no household
    ]
    grid = [HEADER, *body]
    header = find_header(grid, ROSTER_COLUMNS)
    rows = table_rows(grid, header, IDENTITY_KEYS, SIGNATURE_MARKERS, TOTAL_MARKERS,
                      strong_keys=("ma_ho",), min_identity=2, merges=[(1, 4, 4, 4)])  # fmt: skip
    assert [r.values["phan_loai"] for r in rows] == ["Hộ nghèo"] * 3


def test_a_column_merged_down_to_the_sheets_last_row_is_cut_to_the_rows_read(tmp_path):
    """A head who selects the whole 'Phân loại hộ' column from the first household and merges
    it: the range reaches Excel's row 1,048,576. It is cut to the rows read (0-based 1–3 here),
    so the three households take its value and nothing is spread over a million empty rows."""
    import zipfile

    import xlsxwriter

    made = tmp_path / "made.xlsx"
    with xlsxwriter.Workbook(made) as wb:
        ws = wb.add_worksheet("DS")
        ws.write_row(0, 0, HEADER)
        for i in range(3):
            ws.write_row(i + 1, 0, [str(i + 1), f"NM{i + 1}", f"Hoàng Văn {'ABC'[i]}", 4])
        ws.merge_range(1, 4, 9, 4, "Hộ nghèo")  # no format: no blank cell written
        ws.merge_range(0, 7, 5, 9, "")  # starts right of the last value: nothing
    path = tmp_path / "NaMon.xlsx"  # the merge taken to the last row, as Excel writes it
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'ref="E2:E10"' in data
                data = data.replace(b'ref="E2:E10"', b'ref="E2:E1048576"')
            out.writestr(item, data)
    book = open_workbook(path)
    grid = book.grid("DS")
    assert len(grid) == 4 and book.merges("DS") == [(1, 4, 3, 4)]
    header = find_header(grid, ROSTER_COLUMNS, book.merges("DS"))
    rows = table_rows(grid, header, IDENTITY_KEYS, SIGNATURE_MARKERS, TOTAL_MARKERS,
                      strong_keys=("ma_ho",), min_identity=2, merges=book.merges("DS"))  # fmt: skip
    assert [r.values["phan_loai"] for r in rows] == ["Hộ nghèo"] * 3


# --- key/value blocks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grid", "cell"),
    [
        ([["Loại biểu", "Danh sách hộ"], ["Xóm", "Nà Mòn"]], "B2"),
        ([["THÔNG TIN CHUNG"], [], [N, "Loại biểu:", "Danh sách hộ"], [N, "Xóm:", "Nà Mòn"]], "C4"),
        ([["Loại biểu: Danh sách hộ"], ["Xóm: Nà Mòn"]], "A2"),
        ([["1. Loại biểu", N, "Danh sách hộ"], ["2. XÓM", N, "Nà Mòn"]], "C2"),
        ([[unicodedata.normalize("NFD", "Xóm"), "  Nà Mòn  "]], "B1"),
    ],
)
def test_key_values_in_any_layout(grid, cell):
    found = read_key_values(grid, ROSTER_INFO_LABELS)
    assert found["hamlet"].value.strip() == "Nà Mòn"
    assert found["hamlet"].cell == cell


def test_empty_value_points_at_the_cell_to_fill():
    found = read_key_values([["Xóm"], ["Tổng số hộ dân cư", None]], ROSTER_INFO_LABELS)
    assert found["hamlet"] == (None, 1, "B1")


def test_a_forms_blank_marks_are_no_value_and_point_at_their_cell():
    """Dots, an ellipsis, dashes, underscores left where a value is to be written read as a
    blank at the cell holding them; a value beyond them is still found, and '3' is a value."""
    found = read_key_values(
        [["Xóm", "…………"], ["Tổng số hộ dân cư", N, " - "], ["Người lập: ......"],
         ["Kỳ báo cáo", "__/__", "05/2024"], ["Ngày lập", "3"]],
        ROSTER_INFO_LABELS,
        marked_blanks=True,
    )  # fmt: skip
    assert found["hamlet"] == (None, 1, "B1")
    assert found["total_households"] == (None, 2, "C2")
    assert found["preparer"] == (None, 3, "B3")
    assert found["period"] == ("05/2024", 4, "C4")
    assert found["prepared_on"] == ("3", 5, "B5")


# --- titles, periods, numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "hamlet"),
    [
        (["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024"], "NÀ MÒN"),
        (["UBND XÃ TRUNG LƯƠNG", "DANH SÁCH … thôn bản cọ - Tháng 5 năm 2024"], "bản cọ"),
        (["DANH SACH HO NGHEO XOM NA MON THANG 5 NAM 2024"], "NA MON"),
        (["Xóm: Đồng Kè xã Trung Lương"], "Đồng Kè"),
        (["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO"], ""),
        # the form's blank left unfilled names no hamlet (it gave '–' and '…')
        (["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM  – THÁNG 5/2024"], ""),
        (["DANH SÁCH HỘ NGHÈO XÓM ……… THÁNG 5/2024", "Xóm: ....... xã Trung Lương"], ""),
        (["DANH SÁCH HỘ NGHÈO XÓM ........ – THÁNG 5/2024", "Xóm 3 - tháng 5"], "3"),
    ],
)
def test_hamlet_named_in_a_title(cells, hamlet):
    assert _title_hamlet(cells) == hamlet


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1,2 triệu", 1_200_000), ("1.5tr", 1_500_000), ("800 nghìn", 800_000),
     ("1,2 triệu đồng", 1_200_000), ("102 hộ", 102)],
)  # fmt: skip
def test_amounts_in_words(typed, number):
    assert parse_number(typed) == number


# --- workbooks -------------------------------------------------------------------------------


def test_hidden_sheets_are_known_and_read_last(tmp_path):
    path = messy.write_book(tmp_path / "x.xlsx", [messy.junk_sheet("Danh sách"),
                                                  messy.SheetSpec("DS", [["a"]])])  # fmt: skip
    book = open_workbook(path)
    assert book.hidden == {"Danh sách"} and book.visible_sheets == ["DS"]
    assert book.find_sheet("danh sach") == "Danh sách"  # still found when asked by name


def test_ods_writer_round_trip(tmp_path):
    spec = messy.SheetSpec("DS")
    spec.merge(0, 0, 0, 2, "Tiêu đề")
    spec.put(1, 0, 4)
    spec.put(1, 1, date(2024, 5, 1))
    spec.put(1, 2, "a\nb")
    path = messy.write_book(tmp_path / "x.ods", [spec, messy.SheetSpec("H", [["x"]], hidden=True)])
    book = open_workbook(path)
    assert book.hidden == {"H"}
    grid = book.grid("DS")
    assert grid[0][0] == "Tiêu đề" and grid[1][0] == 4
    assert grid[1][1] in (date(2024, 5, 1), datetime(2024, 5, 1))


def test_a_workbook_saved_under_another_formats_name_is_read(tmp_path):
    renamed = tmp_path / "NaMon.xlsx"
    shutil.copyfile(messy.XLS_FIXTURE, renamed)  # an .xls someone renamed to .xlsx
    sub, issues, _ = inspect_file(renamed, renamed.name)
    assert sub.kind == "roster" and sub.rows_read == 6 and issues == []


def test_xlsm_is_a_roster_like_any_other(tmp_path):
    messy.ban_co_no_info(tmp_path)
    sub, issues, _ = inspect_file(tmp_path / "BanCo.xlsm", "BanCo.xlsm")
    assert (sub.kind, sub.sheet, sub.rows_read) == ("roster", "Sheet1", 3)
    assert issues == []


def test_short_names_and_lack_wordings_of_real_lists_name_their_columns():
    """'BHYT', 'NS', 'GT', 'DT', 'Trình độ GD người lớn', and a deprivation named by its lack
    ('Không có nước sạch', 'Thiếu việc làm') are the template's columns; a note column that
    only begins with 'Không' is not taken for one."""
    from pipeline.read import find_header
    from schemas.columns import ROSTER_COLUMNS

    heads = ["STT", "Mã hộ", "Họ và tên chủ hộ", "NS", "GT", "DT", "Số nhân khẩu", "Phân loại",
             "Thiếu việc làm", "BHYT", "Trình độ GD người lớn", "Trẻ em không đi học",
             "Không có nước sạch", "Không có nhà tiêu hợp vệ sinh", "Nhà ở không bền vững",
             "Không sử dụng viễn thông", "Không ghi"]  # fmt: skip
    grid = [heads, [1, "NM1", "Lò Văn Một", 1970, "Nam", "Tày", 4, "Hộ nghèo"]]
    header = find_header(grid, ROSTER_COLUMNS)
    assert {key: col for key, (col, _) in header.columns.items()} == {
        "stt": 0, "ma_ho": 1, "chu_ho": 2, "nam_sinh": 3, "gioi_tinh": 4, "dan_toc": 5,
        "nhan_khau": 6, "phan_loai": 7, "td_01": 8, "td_04": 9, "td_05": 10, "td_06": 11,
        "td_09": 12, "td_10": 13, "td_07": 14, "td_11": 15,
    }  # fmt: skip
    assert [col for col, _ in header.unknown] == [16]


@pytest.mark.parametrize(
    "then, now",
    [("Đầu kỳ", "Cuối kỳ"), ("Cuối năm 2023", "Tháng 5/2024"), ("Rà soát năm 2023", "Hiện nay")],
)
@pytest.mark.parametrize("now_first", [False, True])
def test_a_class_split_by_time_reads_the_column_of_now(then, now, now_first):
    """'Phân loại hộ' merged over two columns of two times: the one of now is the class, in
    either order; the other is an earlier time, not read and no unknown column either
    (session 23: it was said as a column not in the template)."""
    subs = [now, then] if now_first else [then, now]
    grid = [
        ["STT", "Mã hộ", "Họ và tên chủ hộ", "Số nhân khẩu", "Phân loại hộ", None],
        [None, None, None, None, *subs],
        [1, "NM1", "Lò Văn Một", 3, "Hộ nghèo", "Hộ cận nghèo"],
    ]
    merges = [(0, 4, 0, 5), *((0, c, 1, c) for c in range(4))]
    header = find_header(grid, ROSTER_COLUMNS, merges)
    assert header.columns["phan_loai"][0] == (4 if now_first else 5)
    assert [col for col, _ in header.earlier] == [5 if now_first else 4]
    assert header.unknown == [] == header.twice


def test_short_deprivation_names_under_a_need_are_choices_of_the_need():
    """'Nhu cầu hỗ trợ' merged over 'Vay vốn | Việc làm | Nước sạch | BHYT' in a list without
    deprivation columns: the need column is the first, the others are choices of it (unknown
    columns), not the deprivations 'Việc làm', 'Nước sạch', 'BHYT'. The same short names as
    headers of their own are the deprivations."""
    grid = [
        ["STT", "Mã hộ", "Họ và tên chủ hộ", "Số nhân khẩu", "Phân loại hộ", "Nhu cầu hỗ trợ",
         None, None, None],
        [None, None, None, None, None, "Vay vốn", "Việc làm", "Nước sạch", "BHYT"],
        [1, "NM1", "Lò Văn Một", 3, "Hộ nghèo", "x", None, "x", None],
    ]  # fmt: skip
    merges = [(0, 5, 0, 8), *((0, c, 1, c) for c in range(5))]
    header = find_header(grid, ROSTER_COLUMNS, merges)
    assert {k: col for k, (col, _) in header.columns.items()} == {
        "stt": 0, "ma_ho": 1, "chu_ho": 2, "nhan_khau": 3, "phan_loai": 4, "nhu_cau": 5,
    }  # fmt: skip
    assert [col for col, _ in header.unknown] == [6, 7, 8]
    own = [["STT", "Mã hộ", "Họ và tên chủ hộ", "Số nhân khẩu", "Phân loại hộ", "Nước sạch",
            "BHYT", "Nhu cầu hỗ trợ"]]  # fmt: skip
    header = find_header(own, ROSTER_COLUMNS)
    assert (header.columns["td_09"][0], header.columns["td_04"][0]) == (5, 6)
