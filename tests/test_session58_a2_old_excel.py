"""An Excel 2.x-4.0 workbook is said to be one (session 58, helper A2: the foreign corpus).

Such a file is a BIFF stream with no OLE header (its first record a BOF, 09 00 / 09 02 / 09
04). No reader here reads it. Before, the officer read "Tệp bị hỏng hoặc không phải bảng tính
Excel" (damaged or no Excel workbook) for a whole workbook of an old Excel, and, where its name
ended '.XLS' in capitals (calamine then sniffs the bytes), the reader's English "Cannot detect
file format" as the technical aside. Now the file is said to be an old Excel's, with what to
do (save it as .xlsx), and the aside in words.
"""

from __future__ import annotations

import pytest

from pipeline.discover import inspect_file
from pipeline.run import collect
from tests.commune import clean_rosters, write_plan
from tests.summaries import hamlet_figures
from tests.test_foreign import CORPUS

OLD_EXCEL = (
    "Đây là sổ của Excel đời cũ (Excel 4.0 trở về trước), định dạng chưa đọc được: lưu lại "
    "thành .xlsx.",
    "This is a workbook of an old Excel (4.0 or earlier), a format that cannot be read: save "
    "it as .xlsx.",
)
NOT_OLE = (
    "tệp không có phần đầu của một sổ Excel 97–2003 (.xls): tệp hỏng, hoặc do Excel quá cũ "
    "(trước 97) hay một chương trình khác lưu",
    "the file lacks the header of an Excel 97–2003 workbook (.xls): it is damaged, or saved "
    "by an Excel older than 97 or by another program",
)
UNDETECTED = (
    "trình đọc không nhận ra tệp là loại bảng tính nào: tệp hỏng, hoặc do Excel quá cũ "
    "(trước 97) hay một chương trình khác lưu",
    "the reader cannot tell what kind of workbook the file is: it is damaged, or saved by an "
    "Excel older than 97 or by another program",
)
# Excel 4.0's first record (BOF, BIFF4, a worksheet) and bytes after it
BIFF4 = b"\x09\x04\x06\x00\x00\x00\x10\x00\x00\x00" + bytes(range(256)) * 4


def _said(issues) -> list[tuple]:
    return [
        (i.code, str.__str__(i.value), i.value.en, str.__str__(i.detail), i.detail.en)
        for i in issues
    ]


@pytest.mark.parametrize(("name", "aside"), [("NaMon.xls", NOT_OLE), ("NaMon.XLS", UNDETECTED)])
def test_an_excel_4_list_is_said_an_old_excels(tmp_path, name, aside):
    """Nà Mòn's list sent as an Excel 4.0 file (BIFF4 bytes written by hand), named '.xls' and
    '.XLS'. Before: "Tệp bị hỏng hoặc không phải bảng tính Excel." and, for '.XLS', the aside
    "Cannot detect file format". Now: an old Excel's, save it as .xlsx, the aside in words in
    either language; the message says no English. Nà Mòn refused; Bản Cọ counted (2 poor, 1
    near-poor), as before."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "NaMon.xlsx").unlink()
    (tmp_path / name).write_bytes(BIFF4)
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.file == name]
    assert _said(told) == [("file-unreadable", *OLD_EXCEL, *aside)]
    assert f"{OLD_EXCEL[0]} Hãy nhờ trưởng xóm" in told[0].message()
    assert "Cannot" not in told[0].message()
    assert hamlet_figures(result, "Nà Mòn")["status"] == "rejected"
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize(
    ("name", "aside"),
    [
        ("ExcelDataReader/as3xls_BIFF2.xls", NOT_OLE),  # 09 00 04 00
        ("ExcelDataReader/as3xls_BIFF3.xls", NOT_OLE),  # 09 02 06 00
        ("ExcelDataReader/as3xls_BIFF4.xls", NOT_OLE),  # 09 04 06 00
        ("xlrd/biff4_no_format_no_window2.xls", NOT_OLE),
        ("poi/testEXCEL_3.xls", NOT_OLE),
        ("poi/testEXCEL_4.xls", NOT_OLE),
        ("sheetjs-test_files/CRLFR9_4.XLS", UNDETECTED),  # "Cannot detect file format"
        ("sheetjs-test_files/CRLFX5_2.XLS", UNDETECTED),
        ("sheetjs-test_files/CRLFX5_3.XLS", UNDETECTED),
    ],
)
def test_the_corpus_old_excel_files_are_said_so(name, aside):
    """The foreign corpus's Excel 2.x-4.0 files, read in place (GIAMNGHEO_FOREIGN_CORPUS)."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in the corpus")
    _, issues, _ = inspect_file(path, name)
    assert _said(issues) == [("file-unreadable", *OLD_EXCEL, *aside)]


MACROSHEET = (
    "Sổ có một trang macro Excel 4.0 chưa đọc được: chép danh sách sang một sổ mới rồi lưu "
    "thành .xlsx.",
    "The workbook holds an Excel 4.0 macro sheet that cannot be read: copy the list into a new "
    "workbook and save it as .xlsx.",
    "sổ có một trang macro của Excel 4.0 (thư mục 'xl/macrosheets') mà trình đọc không đọc được",
    "the workbook holds an Excel 4.0 macro sheet ('xl/macrosheets') the reader cannot read",
)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_a_workbook_holding_an_excel_4_macro_sheet_is_said_so():
    """SheetJS's BlankSheetTypes.xlsm (a worksheet, a chart sheet, a dialog sheet and an Excel
    4.0 macro sheet; its zip whole), read in place. calamine refuses the book ("Unrecognized
    sheet:type: xl/macrosheets/sheet1.xml"). Before: "Tệp bị hỏng hoặc chưa chép hết" and that
    English as the aside. Now the macro sheet is named, with what to do."""
    name = "sheetjs-test_files/BlankSheetTypes.xlsm"
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in the corpus")
    _, issues, _ = inspect_file(path, name)
    assert _said(issues) == [("file-unreadable", *MACROSHEET)]
