"""Bad files in a real folder: each problem is reported with its code and cell (or as a file-level
issue), and the rest of the commune is consolidated exactly as if the bad file were not there."""

from __future__ import annotations

import os
from datetime import date

import openpyxl
import pytest

from pipeline.run import collect
from tests import messy
from tests.commune import clean_rosters, person, write_plan, write_roster


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clean")
    write_plan(folder)
    clean_rosters(folder)
    result, _ = collect(folder, None)
    return {h["hamlet"]: h for h in result.summary["hamlets"]}


def _run(folder):
    result, _ = collect(folder, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    found = {(i.code, i.file, i.cell) for i in result.issues}
    return result, by, found


def _said_of(result, file: str) -> list[tuple]:
    """(code, cell, severity, value, detail) of each issue of ``file``, in the run's order."""
    return [(i.code, i.cell, i.severity, i.value, str(i.detail)) for i in result.issues
            if i.file == file]  # fmt: skip


def _commune(folder, *, na_mon: bool = True, ban_co: bool = True) -> None:
    """The plan and the clean rosters (the ones a test does not replace)."""
    write_plan(folder)
    if na_mon:
        write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, messy.na_mon_households())
    if ban_co:
        write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, messy.ban_co_households())


# --- files that cannot be read at all --------------------------------------------------


def test_random_bytes_named_xlsx(tmp_path, clean):
    _commune(tmp_path)
    (tmp_path / "DongKe.xlsx").write_bytes(os.urandom(3000))
    result, by, _ = _run(tmp_path)
    issue = next(i for i in result.issues if i.file == "DongKe.xlsx")
    assert (issue.code, issue.severity) == ("file-unreadable", "error")
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_password_protected_workbook(tmp_path, clean):
    _commune(tmp_path)
    messy.write_encrypted_workbook(tmp_path / "DongKe.xlsx")
    result, by, _ = _run(tmp_path)
    # said once, and nothing else of the file (session 49: was 'among the issues')
    assert _said_of(result, "DongKe.xlsx") == [("file-encrypted", "", "error", "", "")]
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_xls_with_a_password_to_open_by_xor_is_said_encrypted(tmp_path, clean):
    """Session 38: an .xls saved with a password to open by XOR obfuscation was refused as a
    damaged file (python-calamine fails on its scrambled codepage): the head was told to open
    it and save it as .xlsx, which keeps the password. It is `file-encrypted` (remove the
    password), as an .xlsx with one is, the way said for Excel and for LibreOffice (which
    writes such files too); the other hamlets counted as without it."""
    _commune(tmp_path)
    messy.write_xor_encrypted_xls(tmp_path / "DongKe.xls")
    result, by, _ = _run(tmp_path)
    [said] = [i for i in result.issues if i.file == "DongKe.xls"]
    assert said.code == "file-encrypted"
    told = said.message()
    assert "Mã hóa bằng mật khẩu" in told and "bỏ chọn ô lưu với mật khẩu" in told
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_empty_workbook_is_an_error(tmp_path, clean):
    """Decision: a workbook whose sheets hold nothing at all is 'file-empty' (an error: a failed
    save or export the hamlet must send again), not 'not-a-roster' (a foreign file, a warning).
    A zero-byte file is 'file-empty' too."""
    _commune(tmp_path)
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    wb.save(tmp_path / "DongKe.xlsx")
    (tmp_path / "DongKe_trong.xlsx").write_bytes(b"")
    result, by, _ = _run(tmp_path)
    assert _said_of(result, "DongKe.xlsx") == [
        ("file-empty", "", "error", "", "không có ô nào có dữ liệu")
    ]
    assert _said_of(result, "DongKe_trong.xlsx") == [("file-empty", "", "error", "", "0 byte")]
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_a_workbook_that_is_not_ours_is_noted(tmp_path, clean):
    _commune(tmp_path)
    messy.write_book(tmp_path / "BangLuong.xlsx",
                     [messy.SheetSpec("Lương", [["Họ tên", "Lương"], ["A", 5_000_000]])])  # fmt: skip
    result, by, _ = _run(tmp_path)
    assert _said_of(result, "BangLuong.xlsx") == [("not-a-roster", "", "warning", "", "")]
    assert by["Nà Mòn"] == clean["Nà Mòn"]


def test_info_sheet_but_no_household_table(tmp_path, clean):
    _commune(tmp_path, na_mon=False)
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    notes = messy.SheetSpec("Danh sách", [["Chưa có danh sách, sẽ gửi sau"]])
    messy.write_book(tmp_path / "NaMon.xlsx", [info, notes])
    result, by, _ = _run(tmp_path)
    assert _said_of(result, "NaMon.xlsx") == [("no-roster-sheet", "", "error", "", "")]
    assert by["Nà Mòn"]["status"] == "missing" and by["Bản Cọ"] == clean["Bản Cọ"]


# --- file-level errors: the hamlet is rejected, the commune is not ------------------------


def test_missing_required_column(tmp_path, clean):
    _commune(tmp_path, na_mon=False)
    columns = [k for k in messy.TEMPLATE_ORDER if k != "nhan_khau"]
    layout = messy.Layout(sheet="DS", title=(messy.TITLE_NA_MON,), columns=columns)
    roster = messy.roster_sheet(messy.na_mon_households(), layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(tmp_path / "NaMon.xlsx", [roster, info])
    result, by, _ = _run(tmp_path)
    issue = next(i for i in result.issues if i.code == "missing-column")
    assert (issue.file, issue.sheet, issue.column) == ("NaMon.xlsx", "DS", "Số nhân khẩu")
    assert "Số nhân khẩu" in issue.message("vi")
    assert by["Nà Mòn"]["status"] == "rejected" and by["Bản Cọ"] == clean["Bản Cọ"]


def test_unknown_hamlet_points_at_the_xom_cell(tmp_path, clean):
    _commune(tmp_path)
    placed = messy.Placed()
    roster = messy.roster_sheet(messy.na_mon_households(), messy.Layout(), messy.Typing())
    info = messy.info_sheet(messy.info_values("Xóm Nà Mèn", "05/2024", 102), "shifted",
                            placed=placed)  # fmt: skip
    messy.write_book(tmp_path / "NaMen.xlsx", [info, roster])
    result, by, _ = _run(tmp_path)
    assert placed.info["hamlet"] == "C5"  # 'shifted': label in B, value in C
    [said] = _said_of(result, "NaMen.xlsx")  # one issue, at the 'Xóm' cell as written
    assert said[:4] == ("unknown-hamlet", "C5", "error", "Xóm Nà Mèn")
    assert said[4].startswith("có phải xóm 'Nà Mòn'?")
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_total_smaller_than_listed(tmp_path, clean):
    _commune(tmp_path, na_mon=False)
    placed = messy.na_mon_split_sections(tmp_path, total="4")
    result, by, _ = _run(tmp_path)
    # 4 written in C7, far from the plan's 100 (a warning) and below the 5 poor and near-poor
    # households listed (NM1-NM6 but NM3, exited: the error that refuses the list)
    assert placed.info["total_households"] == "C7"
    assert _said_of(result, "NaMon.xlsx") == [
        ("total-far-from-plan", "C7", "warning", "4", "100"),
        ("total-less-than-listed", "C7", "error", "4", "5 hộ"),
    ]
    assert by["Nà Mòn"]["status"] == "rejected" and by["Bản Cọ"] == clean["Bản Cọ"]


def test_a_total_smaller_than_the_rows_listed_is_said_with_the_rows_own_problems(tmp_path):
    """Bản Cọ's total is 4; it lists 5 poor households, BC4 and BC5 with Số nhân khẩu 0 (two
    errors). The total is below the 5 households listed, not the 3 whose rows are right: the
    file is refused now, with all three problems told at once (it used to be accepted with 3
    poor of 4 households, 75 %, and refused for its total only after the rows were fixed)."""
    write_plan(tmp_path)
    rows = [person(f"BC{n}", "poor", **({"nhan_khau": 0} if n > 3 else {})) for n in range(1, 6)]
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 4, rows)
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [person("NM1", "poor")])
    result, _ = collect(tmp_path, None)
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert ban_co["status"] == "rejected"
    said = sorted((i.code, i.cell, str(i.detail)) for i in result.issues if i.file == "BanCo.xlsx")
    assert said == [("invalid-household-size", "H8", ""), ("invalid-household-size", "H9", ""),
                    ("total-far-from-plan", "B5", "200"),  # the plan's 200 at the start
                    ("total-less-than-listed", "B5", "5 hộ")]  # fmt: skip


def test_commune_name_mismatch_is_a_warning(tmp_path, clean):
    _commune(tmp_path, na_mon=False)
    placed = messy.na_mon_split_sections(tmp_path, commune="Phú Đình")
    result, by, _ = _run(tmp_path)
    # the cell written, against the plan's commune (tests.commune: Trung Lương); once only
    assert placed.info["commune"] == "C4"
    said = [("commune-mismatch", "C4", "warning", "Phú Đình", "Trung Lương")]
    assert _said_of(result, "NaMon.xlsx") == said
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


# --- bad rows in messy layouts: located by the cell as the file has it ----------------------


def test_bad_rows_in_a_reordered_layout(tmp_path, clean):
    _commune(tmp_path, ban_co=False)
    households = messy.with_changes(
        messy.ban_co_households() + [person("BC4", "near_poor"), person("BC5", "poor")],
        BC3={"phan_loai": "Hộ khá"},
        BC4={"so_dinh_danh": "12345"},
        BC5={"nam_sinh": 1850},
    )
    placed = messy.ban_co_no_info(tmp_path, households=households)
    result, by, _ = _run(tmp_path)
    # Columns are reordered in this layout (Phân loại in E, Năm sinh in W, Số CCCD in X);
    # the ID is typed into a number cell (12345: too short to be an ID that lost its zeros).
    # Each said once, beside what the layout says of any list (test_check: no 'Thông tin',
    # 'Số điện thoại' in G and 'Ghi chú 2' in AB), and nothing else.
    assert [said[:3] for said in _said_of(result, "BanCo.xlsm")] == [
        ("missing-info-sheet", "", "warning"),
        ("unknown-column", "G7", "warning"),
        ("unknown-column", "AB7", "warning"),
        ("invalid-birth-year", placed.cell("BC5", "nam_sinh"), "error"),
        ("invalid-id-number", placed.cell("BC4", "so_dinh_danh"), "warning"),
        ("invalid-classification", placed.cell("BC3", "phan_loai"), "error"),
    ]
    assert placed.cell("BC3", "phan_loai").startswith("E")
    classification = next(i for i in result.issues if i.code == "invalid-classification")
    assert (classification.value, classification.column) == ("Hộ khá", "Phân loại")
    # BC1, BC2 poor; BC4 near-poor (an ID number that is not one is a warning: it is in no
    # figure); BC3 (no classification) and BC5 (born 1850) are left out
    assert by["Bản Cọ"]["poor"] == 2 and by["Bản Cọ"]["near_poor"] == 1
    id_number = next(i for i in result.issues if i.code == "invalid-id-number")
    assert id_number.severity == "warning" and id_number.value == "12345"
    assert by["Nà Mòn"] == clean["Nà Mòn"]


def test_duplicate_household_id_across_hamlets_excludes_both_rows(tmp_path):
    _commune(tmp_path, na_mon=False, ban_co=False)
    na_mon = messy.na_mon_split_sections(
        tmp_path, households=messy.with_changes(messy.na_mon_households(), NM6={"ma_ho": "BC2"})
    )
    ban_co = messy.ban_co_inline_info(tmp_path)
    result, by, _ = _run(tmp_path)
    # one error in each list, at its own row of BC2, and nothing else of either
    assert [said[:4] for said in _said_of(result, "NaMon.xlsx")] == [
        ("duplicate-household-id", na_mon.cell("BC2", "ma_ho"), "error", "BC2")
    ]
    assert [said[:4] for said in _said_of(result, "BanCo.ods")] == [
        ("duplicate-household-id", ban_co.cell("BC2", "ma_ho"), "error", "BC2")
    ]
    # Nà Mòn keeps NM1, NM5 poor; Bản Cọ keeps BC1 poor; the near-poor are untouched.
    assert (by["Nà Mòn"]["poor"], by["Nà Mòn"]["near_poor"]) == (2, 2)
    assert (by["Bản Cọ"]["poor"], by["Bản Cọ"]["near_poor"]) == (1, 1)


def test_unknown_columns_are_noted_once_each(tmp_path, clean):
    _commune(tmp_path, na_mon=False)
    columns = [*messy.TEMPLATE_ORDER, "Số điện thoại", "Ghi chú 2"]
    layout = messy.Layout(
        sheet="DS",
        columns=columns,
        header_rows=2,
        extra_values={"Số điện thoại": "0912345678", "Ghi chú 2": "hộ neo đơn"},
    )
    placed = messy.Placed()
    roster = messy.roster_sheet(messy.na_mon_households(), layout, messy.Typing(), placed)
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(tmp_path / "NaMon.xlsx", [roster, info])
    result, by, _ = _run(tmp_path)
    unknown = [(i.column, i.cell, i.severity) for i in result.issues if i.code == "unknown-column"]
    # each header is merged down the two header rows: its text, and the cell named, is in row 1
    assert unknown == [("Số điện thoại", f"{placed.cols['Số điện thoại']}1", "warning"),
                       ("Ghi chú 2", f"{placed.cols['Ghi chú 2']}1", "warning")]  # fmt: skip
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def _na_mon_with_insured_column(folder, size_header: str | None) -> messy.Placed:
    """Nà Mòn's clean households with 'Số người có BHYT' (2 for every household) written just
    left of the household size, which is headed ``size_header`` (None: no such column). NM1
    has 6 members, the others 4."""
    households = messy.with_changes(messy.na_mon_households(), NM1={"nhan_khau": 6})
    columns = list(messy.TEMPLATE_ORDER)
    columns.insert(columns.index("nhan_khau"), "Số người có BHYT")
    if size_header is None:
        columns.remove("nhan_khau")
    layout = messy.Layout(columns=columns, headers={"nhan_khau": size_header or ""},
                          extra_values={"Số người có BHYT": 2})  # fmt: skip
    placed = messy.Placed()
    roster = messy.roster_sheet(households, layout, messy.Typing(), placed)
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(folder / "NaMon.xlsx", [info, roster])
    return placed


@pytest.mark.parametrize("size_header", ["Số nhân khẩu", "Số nhân khẩu (người)"])
def test_a_count_of_insured_members_left_of_the_household_size_is_not_read_as_it(
    tmp_path, clean, size_header
):
    """'Số người có BHYT' (H) begins with 'Số người', a name of the household size: it is an
    unknown column, and the household size is read from 'Số nhân khẩu' (I) after it: NM1 6,
    the others 4 (not 2 for every household)."""
    _commune(tmp_path, na_mon=False)
    placed = _na_mon_with_insured_column(tmp_path, size_header)
    assert (placed.cols["Số người có BHYT"], placed.cols["nhan_khau"]) == ("H", "I")
    result, by, _ = _run(tmp_path)
    sizes = dict(zip(result.households["ma_ho"], result.households["nhan_khau"], strict=True))
    assert [sizes[f"NM{i}"] for i in range(1, 7)] == [6, 4, 4, 4, 4, 4]
    unknown = [(i.column, i.cell) for i in result.issues if i.code == "unknown-column"]
    assert unknown == [("Số người có BHYT", "H1")]
    assert not [i for i in result.issues if i.severity == "error"]
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_a_count_of_insured_members_is_no_household_size_when_that_column_is_missing(tmp_path):
    """No 'Số nhân khẩu' column, only 'Số người có BHYT' (H): the household size is missing
    (an error: Nà Mòn is not counted) and 'Số người có BHYT' is an unknown column, not read
    as the size of every household (2)."""
    _commune(tmp_path, na_mon=False)
    placed = _na_mon_with_insured_column(tmp_path, None)
    assert placed.cols["Số người có BHYT"] == "H"
    result, by, _ = _run(tmp_path)
    said = sorted((i.code, i.severity, i.column, i.cell) for i in result.issues
                  if i.file == "NaMon.xlsx")  # fmt: skip
    assert said == [
        ("missing-column", "error", "Số nhân khẩu", ""),
        ("unknown-column", "warning", "Số người có BHYT", "H1"),
    ]
    assert by["Nà Mòn"]["status"] == "rejected" and by["Nà Mòn"]["poor"] is None


def _na_mon_book(folder):
    """The plan, Bản Cọ's list (BC1 poor) and Nà Mòn's, opened to be edited as its head would:
    NM1, NM5, NM6 poor, NM2, NM4 near-poor, NM3 'Thoát' (as the start list has them)."""
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM3", "exited"),
            person("NM4", "near_poor"), person("NM5", "poor"), person("NM6", "poor")]  # fmt: skip
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    return path, openpyxl.load_workbook(path)


def test_a_required_column_headed_otherwise_is_named_as_the_one_to_rename(tmp_path):
    """Nà Mòn's header says 'Mã số' (B4) for 'Mã hộ' and 'Xếp loại hộ' (I4) for 'Phân loại hộ'.
    The file is refused, and each is named as the column to rename, at its own header cell
    (not 'add a column' beside an 'unknown column, nothing to fix'). Renamed as told, the file
    counts: NM1, NM5, NM6 poor and NM2, NM4 near-poor."""
    path, book = _na_mon_book(tmp_path)
    sheet = book["Danh sách"]
    assert (sheet["B4"].value, sheet["I4"].value) == ("Mã hộ", "Phân loại hộ")
    sheet["B4"], sheet["I4"] = "Mã số", "Xếp loại hộ"
    book.save(path)
    result, by, _ = _run(tmp_path)
    assert by["Nà Mòn"]["status"] == "rejected"
    said = [
        (i.code, i.cell, i.severity, i.message()) for i in result.issues if i.file == "NaMon.xlsx"
    ]
    assert said == [
        ("column-misnamed", "B4", "error",
         "Thiếu cột bắt buộc 'Mã hộ' trong trang 'Danh sách'; cột 'Mã số' (ô B4) có lẽ chính là "
         "cột này. Nếu đúng, hãy sửa tiêu đề ô B4 thành 'Mã hộ' rồi gửi lại; nếu không, hãy thêm "
         "cột 'Mã hộ' và ghi cho từng hộ (xem mẫu)."),
        ("column-misnamed", "I4", "error",
         "Thiếu cột bắt buộc 'Phân loại hộ' trong trang 'Danh sách'; cột 'Xếp loại hộ' (ô I4) có "
         "lẽ chính là cột này. Nếu đúng, hãy sửa tiêu đề ô I4 thành 'Phân loại hộ' rồi gửi lại; "
         "nếu không, hãy thêm cột 'Phân loại hộ' và ghi cho từng hộ (xem mẫu)."),
    ]  # fmt: skip
    sheet["B4"], sheet["I4"] = "Mã hộ", "Phân loại hộ"
    book.save(path)
    result, by, _ = _run(tmp_path)
    assert (by["Nà Mòn"]["status"], by["Nà Mòn"]["poor"], by["Nà Mòn"]["near_poor"]) == ("ok", 3, 2)
    assert not [i for i in result.issues if i.file == "NaMon.xlsx"]


def test_a_classification_column_under_another_header_is_named_by_its_values(tmp_path):
    """Nà Mòn's I4 says 'Hộ nghèo/cận nghèo' (no word of 'Phân loại hộ' but 'hộ', which every
    column shares), and every value under it is a class. It used to get 'missing-column: add a
    Phân loại hộ column and fill it in for every household' beside 'unknown column, nothing to
    fix' on the same column; now it is named as the column to rename, at I4. A note column
    beside it, whose values are no classes, is not."""
    path, book = _na_mon_book(tmp_path)
    sheet = book["Danh sách"]
    assert sheet["I4"].value == "Phân loại hộ"
    sheet["I4"] = "Hộ nghèo/cận nghèo"
    free = sheet.max_column + 1  # a column of the head's own notes
    sheet.cell(4, free, "Ghi chú thêm")
    for r in range(5, 11):
        sheet.cell(r, free, "đã xác minh")
    book.save(path)
    result, by, _ = _run(tmp_path)
    assert by["Nà Mòn"]["status"] == "rejected"
    letter = openpyxl.utils.get_column_letter(free)
    said = sorted((i.code, i.cell, i.severity) for i in result.issues if i.file == "NaMon.xlsx")
    assert said == [("column-misnamed", "I4", "error"), ("unknown-column", f"{letter}4", "warning")]
    misnamed = next(i for i in result.issues if i.code == "column-misnamed")
    assert misnamed.message() == (
        "Thiếu cột bắt buộc 'Phân loại hộ' trong trang 'Danh sách'; cột 'Hộ nghèo/cận nghèo' (ô "
        "I4) có lẽ chính là cột này. Nếu đúng, hãy sửa tiêu đề ô I4 thành 'Phân loại hộ' rồi gửi "
        "lại; nếu không, hãy thêm cột 'Phân loại hộ' và ghi cho từng hộ (xem mẫu)."
    )
    sheet["I4"] = "Phân loại hộ"  # renamed as told: NM1, NM5, NM6 poor; NM2, NM4 near-poor
    book.save(path)
    result, by, _ = _run(tmp_path)
    assert (by["Nà Mòn"]["status"], by["Nà Mòn"]["poor"], by["Nà Mòn"]["near_poor"]) == ("ok", 3, 2)


def test_a_first_household_row_is_never_the_lower_row_of_the_header(tmp_path):
    """I4 retyped 'Loại': the reader joined it with the first household's 'Hộ nghèo' (I5) into
    a two-row header 'Loại / Hộ nghèo', matched 'Phân loại hộ', and read from row 6: NM1 was
    no longer listed, counted as exited, and the head was told to write 'Thoát' for a poor
    household, with 0 errors. A row holding figures of its own (STT 1, born 1970, 4 members,
    1.200.000 đ) is a household, never header: the header is row 4 alone, and 'Loại', whose
    values are the classes, is the column to rename."""
    write_plan(tmp_path)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM5", "poor")]
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, rows)
    write_roster(tmp_path, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["I4"] = "Loại"
    book.save(path)
    result, by, _ = _run(tmp_path)
    said = [(i.code, i.cell) for i in result.issues if i.file == "NaMon.xlsx"]
    assert said == [("column-misnamed", "I4")]
    assert by["Nà Mòn"]["status"] == "rejected" and by["Nà Mòn"]["poor"] is None
    assert not [i for i in result.issues if i.code == "vanished-household" and i.hamlet == "Nà Mòn"]


def test_ho_ten_heads_the_name_column(tmp_path):
    """'Họ tên' is how many lists head the name column ('Họ và tên' already was read): it
    refused the whole hamlet (column-misnamed). A list has one name, the head's: read so, Nà
    Mòn counts NM1, NM5, NM6 poor and NM2, NM4 near-poor, without an issue."""
    path, book = _na_mon_book(tmp_path)
    assert book["Danh sách"]["C4"].value == "Họ và tên chủ hộ"
    book["Danh sách"]["C4"] = "Họ tên"
    book.save(path)
    result, by, _ = _run(tmp_path)
    assert not [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert (by["Nà Mòn"]["status"], by["Nà Mòn"]["poor"], by["Nà Mòn"]["near_poor"]) == ("ok", 3, 2)


# --- files that are skipped, superseded or of another period ------------------------------


def test_lock_files_and_documents_are_skipped_and_listed(tmp_path, clean):
    _commune(tmp_path)
    (tmp_path / "~$NaMon.xlsx").write_bytes(b"\x00lock")
    (tmp_path / "Thumbs.db").write_bytes(b"\x00")
    (tmp_path / "BaoCao.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "QuyetDinh.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "anh.png").write_bytes(b"\x89PNG\r\n")
    result, by, _ = _run(tmp_path)
    for name, kind in (("BaoCao.docx", ".docx"), ("QuyetDinh.pdf", ".pdf"), ("anh.png", ".png")):
        assert _said_of(result, name) == [("file-skipped", "", "warning", "", kind)]
    statuses = {s.file: s.status for s in result.submissions}
    for name in ("~$NaMon.xlsx", "Thumbs.db", "BaoCao.docx", "QuyetDinh.pdf", "anh.png"):
        assert statuses[name] == "skipped"  # listed on the submissions sheet
    assert not any(i.file in ("~$NaMon.xlsx", "Thumbs.db") for i in result.issues)
    assert result.summary["issues"]["errors"] == 0
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_two_submissions_of_a_hamlet_newer_ngay_lap_wins(tmp_path, clean):
    _commune(tmp_path, na_mon=False)
    # The older file (Ngày lập 30/05) lists only NM1; it was saved last, but Ngày lập decides.
    messy.na_mon_split_sections(tmp_path, "NaMon_moi.xlsx")  # Ngày lập 03/06/2024
    messy.na_mon_split_sections(tmp_path, "NaMon_cu.xlsx", households=messy.na_mon_households()[:1],
                                prepared_on=date(2024, 5, 30))  # fmt: skip
    os.utime(tmp_path / "NaMon_cu.xlsx", (2_000_000_000, 2_000_000_000))
    result, by, _ = _run(tmp_path)
    statuses = {s.file: s.status for s in result.submissions}
    assert statuses["NaMon_moi.xlsx"] == "valid" and statuses["NaMon_cu.xlsx"] == "superseded"
    assert _said_of(result, "NaMon_cu.xlsx") == [
        ("superseded", "", "warning", "", "NaMon_moi.xlsx")
    ]
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_a_roster_of_another_period_is_listed_not_counted(tmp_path, clean):
    _commune(tmp_path)
    april = messy.with_changes(messy.na_mon_households(), NM6={"phan_loai": "Hộ cận nghèo"})
    messy.ban_co_no_info(tmp_path, "NaMon_T4.xlsx", households=april,
                         title=("DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN THÁNG 4/2024",))  # fmt: skip
    result, by, _ = _run(tmp_path)
    sub = next(s for s in result.submissions if s.file == "NaMon_T4.xlsx")
    assert (sub.status, sub.period, sub.hamlet) == ("other_period", "2024-04", "Nà Mòn")
    assert not any(i.file == "NaMon_T4.xlsx" for i in result.issues)
    assert result.summary["period"] == "2024-05"
    assert by["Nà Mòn"] == clean["Nà Mòn"] and by["Bản Cọ"] == clean["Bản Cọ"]


def test_a_damaged_files_explanation_is_said_once_on_the_issue_sheet(tmp_path):
    """Đồng Kè's file cut short in the copy (its zip's end missing): on 'Lỗi dữ liệu' the
    message says what it turned out to be, and 'Giá trị' does not repeat that sentence; a short
    value a message quotes (Nà Mòn's size 'bốn') stays in 'Giá trị'. 'Nộp báo cáo' still gives
    the reason in a few words."""
    from pipeline.publish import publish

    write_plan(tmp_path)
    households = messy.with_changes(messy.na_mon_households(), NM2={"nhan_khau": "bốn"})
    write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, households)
    write_roster(tmp_path, "DongKe.xlsx", "Đồng Kè", 150, [person("DK1", "poor")])
    whole = (tmp_path / "DongKe.xlsx").read_bytes()
    (tmp_path / "DongKe.xlsx").write_bytes(whole[: len(whole) - 200])  # the end never came
    result, _ = collect(tmp_path, None)
    written = publish(result, tmp_path / "out")
    book = openpyxl.load_workbook(written["workbook"])
    rows = [r for r in book["Lỗi dữ liệu"].iter_rows(values_only=True) if r[0]]
    damaged = next(r for r in rows if r[2] == "DongKe.xlsx")
    assert damaged[9] == "file-unreadable"
    assert damaged[7] is None  # Giá trị
    assert "Tệp bị hỏng hoặc chưa chép hết" in damaged[10]
    size = next(r for r in rows if r[2] == "NaMon.xlsx" and r[9] == "invalid-household-size")
    assert size[7] == "bốn"
    report = [r for r in book["Nộp báo cáo"].iter_rows(values_only=True) if r[1] == "Đồng Kè"]
    assert report[0][2].startswith("Bị từ chối: tệp bị hỏng hoặc chưa chép hết")
