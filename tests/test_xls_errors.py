"""Cells showing an error value in an .xls list (Excel 97-2003), said as the same cells of an
.xlsx are (session 19).

python-calamine reads an .xls cell whose formula's result is an error, or which holds an error
as its value, as ''; the reader took it for an empty cell ("Thiếu 'Mã hộ'", a 'Tổng số hộ dân
cư' missing). The .xls files are written here by tests.biff (no LibreOffice, nothing binary
committed), from the xlsx of tests.commune with the same error cells; one test has LibreOffice
convert a list with broken formulas, skipped where it is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from pipeline import biff
from pipeline.checkfiles import check_files
from pipeline.publish import publish
from pipeline.report.feedback import GUIDE_SHEET
from pipeline.run import collect
from tests.biff import compound_file, mini_compound_file, sheets_of, xls_bytes, xls_from_xlsx
from tests.commune import clean_rosters, write_plan

RED = "FFFFC7CE"
YELLOW = "FFFFEB9C"
SHOWS = "(công thức hỏng hoặc tham chiếu ô đã xóa)"


def with_errors(folder: Path, cells: dict[tuple[str, str], str]) -> Path:
    """Nà Mòn's list (tests.commune: NM1 poor at row 5, NM2 near-poor, NM3 exited, NM4
    near-poor, NM5 poor, NM6 poor at row 10; 'Thông tin' B1..B7) with ``cells`` ((sheet,
    'B6'): '#REF!') showing error values (openpyxl writes them as error cells)."""
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    for (sheet, ref), error in cells.items():
        book[sheet][ref] = error
        assert book[sheet][ref].data_type == "e"
    book.save(path)
    return path


def _commune(folder: Path, cells: dict, as_xls: bool, boolerr=frozenset()) -> str:
    """The fixture commune with Nà Mòn's errors, its list as .xlsx, or as .xls (the errors
    FORMULA records with the error as result, BOOLERR records for ``boolerr``). The file's
    name."""
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder)
    clean_rosters(folder)
    path = with_errors(folder, cells)
    if not as_xls:
        return path.name
    xls_from_xlsx(path, folder / "NaMon.xls", boolerr)
    path.unlink()
    return "NaMon.xls"


def file_said(issues, file: str) -> list[tuple]:
    return sorted((i.code, i.severity, i.sheet, i.cell, i.column, i.value, i.message())
                  for i in issues if i.file == file)  # fmt: skip


def na_mon(result) -> tuple:
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    sent = next(s for s in result.submissions if s.file.startswith("NaMon"))
    return figures["status"], figures["poor"], figures["near_poor"], sent.rows_rejected


ROW_ERRORS = {
    ("Danh sách", "B6"): "#REF!",  # NM2's 'Mã hộ'
    ("Danh sách", "I7"): "#DIV/0!",  # NM3's 'Phân loại hộ'
    ("Danh sách", "J8"): "#N/A",  # NM4's income
    ("Thông tin", "B3"): "#REF!",  # 'Xóm': the title names the hamlet
}


def _row_error(cell: str, column: str, error: str) -> tuple:
    message = (f"Ô {cell} ('{column}') hiện lỗi '{error}' {SHOWS}; hộ chưa được tính. Hãy ghi "
               "giá trị đúng vào ô này rồi gửi lại.")  # fmt: skip
    return ("cell-error-value", "error", "Danh sách", cell, column, error, message)


EXPECTED_ROWS = sorted([
    _row_error("B6", "Mã hộ", "#REF!"),
    _row_error("I7", "Phân loại hộ", "#DIV/0!"),
    # an income the household does not need to be counted: a warning (session 23)
    ("optional-cell-error-value", "warning", "Danh sách", "J8", "Thu nhập BQ (đồng/người/tháng)",
     "#N/A", f"Ô J8 ('Thu nhập BQ (đồng/người/tháng)') hiện lỗi '#N/A' {SHOWS}; hộ vẫn được "
     "tính nhưng không có giá trị của cột này. Hãy ghi giá trị đúng vào ô này."),
    ("info-error-value-skipped", "warning", "Thông tin", "B3", "Xóm", "#REF!",
     f"Ô B3 ('Xóm') trong trang 'Thông tin' hiện lỗi '#REF!' {SHOWS}; đã lấy 'Nà Mòn' từ tiêu "
     "đề của danh sách. Hãy ghi vào ô này tên xóm như trong kế hoạch của xã."),
])  # fmt: skip


@pytest.mark.parametrize("boolerr", [frozenset(), {("Danh sách", "I7"), ("Thông tin", "B3")}])
def test_an_xls_list_s_error_cells_are_said_as_the_same_xlsx_list_s(tmp_path, boolerr):
    """Nà Mòn's list shows '#REF!' in NM2's 'Mã hộ' (B6), '#DIV/0!' in NM3's class (I7), '#N/A'
    in NM4's income (J8) and '#REF!' in 'Xóm' of its 'Thông tin' (B3), each cell a formula
    whose result is the error, or (second case) I7 and B3 the error kept as a value (BOOLERR).
    As .xls, as as .xlsx, each is said at its cell with the error it shows, by a run and by
    `check` alike: NM2, NM3 left out (2 rows rejected: NM1, NM5, NM6 poor counted, NM4
    near-poor counted without its income), the hamlet taken from the title. The .xls said "Thiếu 'Mã hộ'", "'Phân loại hộ'
    đang để trống", nothing of J8 (an income read blank) nor of B3 ('Xóm' empty)."""
    found = {}
    for as_xls in (False, True):
        folder = tmp_path / ("xls" if as_xls else "xlsx")
        file = _commune(folder, ROW_ERRORS, as_xls, boolerr)
        result, _ = collect(folder, None)
        found[as_xls] = (file_said(result.issues, file), file_said(check_files([folder]), file),
                         na_mon(result))  # fmt: skip
    assert found[True] == found[False] == (EXPECTED_ROWS, EXPECTED_ROWS, ("ok", 3, 1, 2))


def test_an_error_value_in_an_xls_list_s_total_refuses_it_in_run_and_check(tmp_path):
    """Nà Mòn's 'Tổng số hộ dân cư' (Thông tin B5) shows '#DIV/0!' in its .xls: the list is
    refused for it (no rate on the plan's count in its place), by a run and by `check`, as for
    the same .xlsx. The .xls's run took the plan's 100 households with a warning that the cell
    was empty."""
    file = _commune(tmp_path, {("Thông tin", "B5"): "#DIV/0!"}, as_xls=True)
    result, _ = collect(tmp_path, None)
    expected = [(
        "info-error-value", "error", "Thông tin", "B5", "Tổng số hộ dân cư", "#DIV/0!",
        f"Ô B5 ('Tổng số hộ dân cư') trong trang 'Thông tin' hiện lỗi '#DIV/0!' {SHOWS} nên "
        "không đọc được; danh sách chưa được tính. Hãy ghi vào ô này tổng số hộ dân cư của "
        "xóm, ví dụ 215, rồi gửi lại.",
    )]  # fmt: skip
    assert file_said(result.issues, file) == expected
    assert file_said(check_files([tmp_path]), file) == expected
    assert na_mon(result)[0] == "rejected"


def _guide(path: Path) -> list[tuple]:
    rows = list(openpyxl.load_workbook(path)[GUIDE_SHEET].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[:3] == ("STT", "Trang", "Ô"))
    return [r for r in rows[head + 1 :] if r[0] is not None]


def test_an_xls_list_s_feedback_points_at_its_error_cells_as_the_xlsx_s(tmp_path):
    """The feedback workbook of Nà Mòn's .xls with the errors above lists the same rows as the
    .xlsx's (sheet, cell, the error shown, what to do), and its copy of the list marks B6 and I7
    red and J8 yellow (an income: a warning, session 23), as the .xlsx's does, each showing the error the head's file shows there (read
    as blank, they were empty cells whose note said they showed '#REF!'); so does the copy of
    'Thông tin' at B3."""
    guides, copies = {}, {}
    for as_xls in (False, True):
        folder = tmp_path / ("xls" if as_xls else "xlsx")
        _commune(folder / "in", ROW_ERRORS, as_xls)
        result, _ = collect(folder / "in", None)
        publish(result, folder / "out")
        feedback = folder / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
        guides[as_xls] = _guide(feedback)
        book = openpyxl.load_workbook(feedback)
        copies[as_xls] = [(book[name][ref].value, book[name][ref].fill.fgColor.rgb)
                          for name, ref in (*ROW_ERRORS, ("Danh sách", "B5"))]  # fmt: skip
    assert guides[True] == guides[False]
    assert sorted((r[1], r[2], r[5]) for r in guides[True]) == [
        ("Danh sách", "B6", "#REF!"), ("Danh sách", "I7", "#DIV/0!"),
        ("Danh sách", "J8", "#N/A"), ("Thông tin", "B3", "#REF!"),
    ]  # fmt: skip
    assert copies[True] == copies[False]
    # the copy shows the error as the file does, coloured red, as the guide quotes it
    assert copies[True] == [
        ("#REF!", RED), ("#DIV/0!", RED), ("#N/A", YELLOW),
        ("#REF!", YELLOW),  # 'Xóm' a warning: the hamlet was read from the title
        ("NM1", "00000000"),
    ]  # fmt: skip


# --- the look at the file's bytes ---------------------------------------------------------


def no_xlrd(monkeypatch) -> list:
    """The files xlrd is asked to open from now on (none is opened: each call raises, and is
    noted, since the reader takes an exception from xlrd for a file it cannot read)."""
    asked: list = []

    def opened(**kwargs):
        asked.append(kwargs)
        raise AssertionError("xlrd opened a file whose bytes hold no error cell")

    monkeypatch.setattr(biff, "quiet_book", opened)
    return asked


def test_an_xls_without_error_cells_is_not_read_again(tmp_path, monkeypatch):
    """Nà Mòn's clean list as .xls, and the same with a note whose text holds the very bytes of
    an error FORMULA record ('\\x06\\x00…\\x02…ÿÿ', kept in the shared strings, before any
    sheet): neither is opened by xlrd, the run says nothing of Nà Mòn."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    clean = xls_from_xlsx(tmp_path / "NaMon.xlsx", tmp_path / "NaMon.xls")
    sheets, merges, hidden = sheets_of(tmp_path / "NaMon.xlsx")
    dict(sheets)["Danh sách"][(4, 25)] = "\x06\x00abcdefgh\x02abcde\xff\xff"  # Z5, 'Ghi chú'
    noted = tmp_path / "Note.xls"
    noted.write_bytes(compound_file(xls_bytes(sheets, merges, hidden)))
    assert b"\x06\x00abcdefgh\x02abcde\xff\xff" in noted.read_bytes()
    asked = no_xlrd(monkeypatch)
    assert biff.look(clean).flagged == biff.look(noted).flagged == {}
    assert asked == []
    (tmp_path / "NaMon.xlsx").unlink()
    noted.unlink()
    result, _ = collect(tmp_path, None)
    assert [i for i in result.issues if i.file == "NaMon.xls"] == []
    assert na_mon(result) == ("ok", 3, 2, 0)
    assert asked == []


def _one_sheet(cells: dict, pad: int = 0) -> bytes:
    return xls_bytes([("Danh sách", cells)], pad=pad)


def test_an_error_record_split_over_sectors_apart_in_the_file_is_found(tmp_path):
    """An error FORMULA record (NM-row 'Mã hộ' showing '#REF!' at B6) that begins 8 bytes before
    the end of the stream's first sector, the stream's last sector put between its first two
    in the file (a file edited in place; LibreOffice puts its second FAT sector inside the
    stream): the record's bytes are not together in the file, so a search of the file's bytes
    would miss it. The stream is put together from its sectors first: found, read at B6."""
    cells = {(3, 1): "Mã hộ", (4, 1): "NM1", (5, 1): "#REF!", (6, 1): "NM3"}
    formula = b"\x06\x00\x18\x00\x05\x00\x01\x00"  # its header (24 bytes), row 5, column 1
    at = _one_sheet(cells).index(formula)
    stream = _one_sheet(cells, pad=512 - 8 - at)
    assert stream.index(formula) == 512 - 8
    count = -(-max(len(stream), 4096) // 512)
    path = tmp_path / "split.xls"
    path.write_bytes(compound_file(stream, order=[0, *range(2, count), 1]))
    record = stream[512 - 8 : 512 - 8 + 18]
    assert record[10] == 2 and record[-2:] == b"\xff\xff"
    assert record not in path.read_bytes()  # apart in the file
    assert biff.look(path).flagged == {"Danh sách": 0}
    assert biff.sheet_errors(path, 0) == {(5, 1): "#REF!"}


def test_a_tiny_xls_kept_in_the_mini_stream_is_read_by_xlrd(tmp_path, monkeypatch):
    """A workbook stream under 4,096 bytes is kept in the OLE file's mini stream, whose 64-byte
    sectors the look at the bytes does not put together: such a file (a few cells, one of
    them a BOOLERR '#N/A' at C2) is read by xlrd whatever its bytes, and its error found; a
    clean one finds none."""
    cells = {(0, 0): "Mã hộ", (1, 0): "NM1", (1, 2): "#N/A"}
    path = tmp_path / "tiny.xls"
    path.write_bytes(mini_compound_file(xls_bytes([("S", cells)], boolerr={("S", 1, 2)})))
    assert biff.workbook_stream(path.read_bytes()) is None
    assert biff.look(path).flagged == {"S": 0}
    assert biff.sheet_errors(path, 0) == {(1, 2): "#N/A"}
    del cells[(1, 2)]
    path.write_bytes(mini_compound_file(xls_bytes([("S", cells)])))
    assert biff.look(path).flagged == {"S": 0}
    assert biff.sheet_errors(path, 0) == {}


def test_only_the_sheets_holding_error_bytes_are_read_again(tmp_path):
    """Three sheets, the second a hidden one whose only error (D4, '#NUM!') is a FORMULA: only
    it is flagged and read by xlrd; the first and third hold none."""
    sheets = [("A", {(0, 0): "x"}), ("B", {(3, 3): "#NUM!", (0, 0): 1}), ("C", {(0, 0): 2})]
    path = tmp_path / "three.xls"
    path.write_bytes(compound_file(xls_bytes(sheets, hidden={"B"})))
    assert biff.look(path).flagged == {"B": 1}
    assert biff.sheet_errors(path, 1) == {(3, 3): "#NUM!"}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_broken_formulas_of_a_list_libreoffice_saved_as_xls(tmp_path):
    """Nà Mòn's list with formulas '=1/0' in NM3's class (I7), '=#REF!+1' in NM5's size (H9)
    and '=NA()' in NM4's income (J8), saved as .xls by LibreOffice (which works out their
    results: '#DIV/0!', '#REF!', '#N/A'): each said at its cell, NM3 and NM5 left out, NM4
    counted without its income (a warning)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    source = tmp_path / "src" / "NaMon.xlsx"
    source.parent.mkdir()
    book = openpyxl.load_workbook(tmp_path / "NaMon.xlsx")
    for ref, formula in (("I7", "=1/0"), ("H9", "=#REF!+1"), ("J8", "=NA()")):
        book["Danh sách"][ref] = formula
    book.save(source)
    (tmp_path / "NaMon.xlsx").unlink()
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result, _ = collect(tmp_path, None)
    expected = sorted([
        _row_error("I7", "Phân loại hộ", "#DIV/0!"),
        _row_error("H9", "Số nhân khẩu", "#REF!"),
        ("optional-cell-error-value", "warning", "Danh sách", "J8",
         "Thu nhập BQ (đồng/người/tháng)", "#N/A",
         f"Ô J8 ('Thu nhập BQ (đồng/người/tháng)') hiện lỗi '#N/A' {SHOWS}; hộ vẫn được tính "
         "nhưng không có giá trị của cột này. Hãy ghi giá trị đúng vào ô này."),
    ])  # fmt: skip
    assert file_said(result.issues, "NaMon.xls") == expected
    assert file_said(check_files([tmp_path / "NaMon.xls"]), "NaMon.xls") == expected
    assert na_mon(result) == ("ok", 2, 2, 2)
    assert re.fullmatch(r"NaMon\.xls", next(s.file for s in result.submissions
                                            if s.file.startswith("NaMon")))  # fmt: skip


def test_a_container_claiming_more_fat_sectors_than_it_holds_is_not_followed():
    """A header claiming 2^31 FAT sectors behind a DIFAT chain that loops on its own sector
    (4 sectors in the file): no stream made out, at once; it used to gather DIFAT entries until
    memory ran out."""
    import struct

    size = 512
    data = bytearray(b"\xff" * (size * 4))
    data[0:8] = biff.OLE_MAGIC
    struct.pack_into("<H", data, 0x1E, 9)  # 512-byte sectors
    struct.pack_into("<Ii", data, 0x2C, 2**31, 0)  # FAT sectors; the directory's first
    struct.pack_into("<iI", data, 0x44, 0, 2**31)  # the DIFAT's first sector and count
    struct.pack_into("<128i", data, size, *([0] * 128))  # sector 0 points at itself
    assert biff.workbook_stream(bytes(data)) is None
