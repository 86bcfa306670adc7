"""Session 28 (task C): rosters made the way hamlet heads make them, found wrong by an
exploratory run of the sample commune, each pinned here by a fixture whose answer is worked
out by hand."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from pipeline.checkfiles import check_files
from pipeline.publish import publish
from pipeline.run import collect
from tests.commune import person, roster_edited, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_feedback_fixes import guide_rows, guide_texts

NA_MON = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor")]
BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def _copy_sheet(source: openpyxl.worksheet.worksheet.Worksheet, book, name: str):
    copy = book.create_sheet(name)
    for row in source.iter_rows():
        for cell in row:
            if cell.value is not None:
                copy.cell(cell.row, cell.column, cell.value)
    return copy


def _two_hamlets_in_one_file(folder: Path, title: bool) -> Path:
    """Nà Mòn's May file (NM1, NM6 poor, NM2 near-poor) with Bản Cọ's list (BC1, BC2 poor, BC3
    near-poor) in a second sheet 'Bản Cọ', its title '… XÓM BẢN CỌ …' kept (``title``) or
    cleared (the sheet's name alone says whose it is). Bản Cọ sends no file of its own."""
    write_plan(folder)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, NA_MON)
    other = write_roster(folder / "..", "BanCo.xlsx", "Bản Cọ", 200, BAN_CO)
    book = openpyxl.load_workbook(path)
    source = openpyxl.load_workbook(other)["Danh sách"]
    copy = _copy_sheet(source, book, "Bản Cọ")
    assert "BẢN CỌ" in str(copy["A1"].value)  # the template's title names the hamlet
    if not title:
        copy["A1"] = None
    book.save(path)
    other.unlink()
    return path


def test_another_hamlets_list_in_a_second_sheet_is_not_counted_as_this_hamlets(tmp_path):
    """Before: Bản Cọ's 3 households were silently added to Nà Mòn (4 poor, 2 near-poor) and
    nothing was said. Now Nà Mòn counts its own sheet only: by hand NM1, NM6 poor = 2, NM2
    near-poor = 1; Bản Cọ is not sent (its list is in no file of its own) and the sheet is
    said, naming both hamlets and the 3 rows."""
    folder = tmp_path / "input"
    folder.mkdir()
    _two_hamlets_in_one_file(folder, title=True)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert hamlet_figures(result, "Bản Cọ")["status"] == "missing"
    said = [i for i in result.issues if i.code == "sheet-of-other-hamlet"]
    assert [(i.sheet, i.hamlet, i.instead, i.detail, i.value, i.severity) for i in said] == [
        ("Bản Cọ", "Nà Mòn", "Bản Cọ", "3", "", "warning")
    ]
    message = said[0].message()
    assert message.startswith(
        "Trang 'Bản Cọ' là danh sách của xóm Bản Cọ (3 dòng hộ), không phải của xóm Nà Mòn, "
        "nên không được tính"
    )
    assert "chép trang 'Bản Cọ' sang một tệp mới" in message
    assert "Sheet 'Bản Cọ' is the list of hamlet Bản Cọ (3 household rows)" in said[0].message("en")


def test_another_hamlets_sheet_told_by_its_name_alone(tmp_path):
    """The copied sheet's title cleared: its tab 'Bản Cọ' still says whose list it is. Nà Mòn
    2 poor, 1 near-poor (as above), in a run and in `giamngheo check` with the plan given."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = _two_hamlets_in_one_file(folder, title=False)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [(i.code, i.sheet) for i in result.issues if i.code.startswith("sheet-")]
    assert said == [("sheet-of-other-hamlet", "Bản Cọ")]
    checked = check_files([folder / "KeHoach_2024.xlsx", path])
    assert [(i.code, i.sheet, i.instead) for i in checked if i.code.startswith("sheet-")] == [
        ("sheet-of-other-hamlet", "Bản Cọ", "Bản Cọ")
    ]


def test_a_second_sheet_of_the_same_hamlets_households_is_still_read(tmp_path):
    """Control: the near-poor households in a second sheet 'Hộ cận nghèo' whose title names
    Nà Mòn are more of Nà Mòn's list (a common way to keep it): NM1, NM6 poor in 'Danh sách',
    NM2 near-poor in the second sheet: 2 poor, 1 near-poor, nothing said."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, [NA_MON[0], NA_MON[2]])
    near = write_roster(folder / "..", "near.xlsx", "Nà Mòn", 102, [NA_MON[1]])
    book = openpyxl.load_workbook(path)
    _copy_sheet(openpyxl.load_workbook(near)["Danh sách"], book, "Hộ cận nghèo")
    book.save(path)
    near.unlink()
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert [i.code for i in result.issues if i.code.startswith("sheet-")] == []


def _name_split(folder: Path, parent: bool) -> Path:
    """Nà Mòn's May list (NM1, NM6 poor, NM2 near-poor; heads 'Hoàng Văn NM1' …) with the
    head's name in two columns, 'Họ' ('Hoàng Văn') and 'Tên' ('NM1'); with ``parent``,
    'Họ và tên chủ hộ' merged over the two in a second header row, every other header merged
    down both rows."""
    write_plan(folder)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, NA_MON)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["C4"].value == "Họ và tên chủ hộ"
    sheet.insert_cols(4)
    for row in range(5, 8):
        surname, given = sheet.cell(row, 3).value.rsplit(" ", 1)
        sheet.cell(row, 3, surname)
        sheet.cell(row, 4, given)
    sheet["C4"], sheet["D4"] = "Họ", "Tên"
    if parent:
        sheet.insert_rows(4)
        for col in range(1, 28):
            if col not in (3, 4):
                sheet.cell(4, col, sheet.cell(5, col).value)
                sheet.cell(5, col).value = None
                sheet.merge_cells(start_row=4, end_row=5, start_column=col, end_column=col)
        sheet["C4"] = "Họ và tên chủ hộ"
        sheet.merge_cells("C4:D4")
    book.save(path)
    return path


def _names_counted(folder: Path):
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    names = dict(zip(result.households["ma_ho"], result.households["chu_ho"], strict=True))
    said = sorted({i.code for i in result.issues if i.file})
    return (na_mon["poor"], na_mon["near_poor"]), names, said


def test_head_name_in_two_columns_ho_and_ten_is_read_joined(tmp_path):
    """Before: 'Họ and 'Tên' refused the whole list (column-misnamed, advising to rename 'Tên'
    'Họ và tên chủ hộ', which would have kept the given names alone). Now the name is read
    from both, joined: by hand NM1, NM6 poor, NM2 near-poor = (2, 1), each head 'Hoàng Văn'
    + ' ' + code, and neither column is said to be unknown."""
    folder = tmp_path / "input"
    folder.mkdir()
    _name_split(folder, parent=False)
    counted, names, said = _names_counted(folder)
    assert counted == (2, 1)
    assert names == {"NM1": "Hoàng Văn NM1", "NM2": "Hoàng Văn NM2", "NM6": "Hoàng Văn NM6"}
    assert "column-misnamed" not in said and "unknown-column" not in said


def test_head_name_split_under_its_parent_header_keeps_the_given_name(tmp_path):
    """Before: 'Họ và tên chủ hộ' merged over 'Họ | Tên' read the 'Họ' column alone as the
    name ('Hoàng Văn' for all three heads, on every list and the public one) and called 'Tên'
    an unknown column 'nothing to fix'. Now: 'Hoàng Văn NM1' …, counts (2, 1) as above."""
    folder = tmp_path / "input"
    folder.mkdir()
    _name_split(folder, parent=True)
    counted, names, said = _names_counted(folder)
    assert counted == (2, 1)
    assert names == {"NM1": "Hoàng Văn NM1", "NM2": "Hoàng Văn NM2", "NM6": "Hoàng Văn NM6"}
    assert "unknown-column" not in said


def test_a_ten_column_alone_is_still_said_to_be_misnamed(tmp_path):
    """Control: 'Tên' with no 'Họ' beside it (the surname column deleted) is not a split name:
    Nà Mòn's list is refused as before (column-misnamed at C4, the 'Tên' header); Bản Cọ's
    list is there so that the run has a list to count."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = _name_split(folder, parent=False)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, BAN_CO)
    book = openpyxl.load_workbook(path)
    book["Danh sách"].delete_cols(3)
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    misnamed = [(i.code, i.cell) for i in result.issues if i.code == "column-misnamed"]
    assert misnamed == [("column-misnamed", "C4")]
    assert hamlet_figures(result, "Nà Mòn")["status"] == "rejected"


def test_groups_headed_and_subtotalled_by_their_class_are_no_households(tmp_path):
    """Nà Mòn's list grouped by class, each group headed 'I | HỘ NGHÈO', 'II | HỘ CẬN NGHÈO',
    'III | THOÁT' and closed by 'Cộng nghèo | 2 hộ', 'Cộng cận nghèo | 1 hộ', 'Cộng thoát |
    1 hộ' (label in Mã hộ, count in the name column, the members summed). Before: 'III |
    THOÁT' and the three 'Cộng …' rows were read as households, each left out with errors the
    head could not fix (name, size, class missing). Now: by hand NM1, NM6 poor = 2, NM2
    near-poor = 1, NM3 left; 4 households read, no row error."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM6", "poor"), person("NM2", "near_poor"),
            person("NM3", "exited")]  # fmt: skip
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    write_roster(folder, "DS_BanCo_2024-05.xlsx", "Bản Cọ", 200, BAN_CO)
    with roster_edited(path) as sheet:
        assert [sheet.cell(r, 2).value for r in range(5, 9)] == ["NM1", "NM6", "NM2", "NM3"]
        # from the bottom up, so that the rows above stay where they are
        for at, label, count in ((9, "Cộng thoát", "1 hộ"), (8, "III", "THOÁT"),
                                 (8, "Cộng cận nghèo", "1 hộ"), (7, "II", "HỘ CẬN NGHÈO"),
                                 (7, "Cộng nghèo", "2 hộ"), (5, "I", "HỘ NGHÈO")):  # fmt: skip
            sheet.insert_rows(at)
            if label in ("I", "II", "III"):
                sheet.cell(at, 1, label)
                sheet.cell(at, 2, count)
            else:
                sheet.cell(at, 2, label)
                sheet.cell(at, 3, count)
                sheet.cell(at, 8, 8 if count == "2 hộ" else 4)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    read = result.households[result.households["hamlet"] == "Nà Mòn"]["ma_ho"]
    assert sorted(read) == ["NM1", "NM2", "NM3", "NM6"]
    assert [(i.code, i.row) for i in result.issues if i.file and i.row] == []


def test_a_date_of_birth_column_gives_the_birth_year(tmp_path):
    """'Ngày, tháng, năm sinh' holding dates of birth: NM1's as text '12/03/1965', NM2's as a
    date cell 1958-07-01, NM6's as text '01-01-1990'. Before: the column was 'not in the
    template … nothing to fix' and every birth year was lost (the identity a mistyped code is
    matched by). Now each row's year is read: 1965, 1958, 1990; nothing is said."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, NA_MON)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["D4"].value == "Năm sinh" and sheet["B5"].value == "NM1"
    sheet["D4"] = "Ngày, tháng, năm sinh"
    sheet["D5"] = "12/03/1965"
    sheet["D6"] = datetime(1958, 7, 1)
    sheet["D6"].number_format = "dd/mm/yyyy"
    sheet["D7"] = "01-01-1990"
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    born = dict(zip(result.households["ma_ho"], result.households["nam_sinh"], strict=True))
    assert born == {"NM1": 1965, "NM2": 1958, "NM6": 1990}
    assert [
        i.code for i in result.issues if i.code in ("unknown-column", "invalid-birth-year")
    ] == []


def with_total(folder: Path, written: str) -> Path:
    """Nà Mòn's list NM1, NM6 poor, NM2 near-poor, NM3 'Thoát' (4 household rows, 3 still on
    the lists) and under it 'Tổng cộng | ``written``' (B9, C9), as a head types it."""
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM6", "poor"), person("NM2", "near_poor"),
            person("NM3", "exited")]  # fmt: skip
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    with roster_edited(path) as sheet:
        assert sheet["B8"].value == "NM3" and sheet["B9"].value is None
        sheet.insert_rows(9)
        sheet["B9"], sheet["C9"] = "Tổng cộng", written
    return path


def test_a_total_row_whose_count_differs_from_the_rows_is_said(tmp_path):
    """'Tổng cộng | 5 hộ' under 4 household rows (3 still listed): neither 4 nor 3, so the
    head's count and the list disagree (a household missing, one typed twice, or a total
    mistyped) and it is said at C9; the figures stay the rows' (2 poor, 1 near-poor). Before:
    nothing was said."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_total(folder, "5 hộ")
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code == "total-count-differs"]
    assert [(i.sheet, i.cell, i.row, i.value, i.detail, i.severity) for i in said] == [
        ("Danh sách", "C9", 9, "5 hộ", "4", "warning")
    ]
    assert (
        said[0]
        .message()
        .startswith(
            "Dòng tổng cộng ghi '5 hộ' nhưng danh sách có 4 dòng hộ; xã tính theo từng dòng hộ"
        )
    )


def test_a_total_of_every_row_or_of_those_still_listed_is_not_said(tmp_path):
    """'4 hộ' (every row) and '3 hộ' (the households still listed, the one written 'Thoát'
    left out) both agree with the list: nothing said."""
    for written in ("4 hộ", "3 hộ"):
        folder = tmp_path / written.replace(" ", "") / "input"
        folder.mkdir(parents=True)
        with_total(folder, written)
        result, _ = collect(folder, None, workers=0)
        assert [i.code for i in result.issues if i.code == "total-count-differs"] == []


def _pasted_under(folder: Path) -> int:
    """Nà Mòn's May list with Bản Cọ's whole list (title naming 'XÓM BẢN CỌ') pasted two rows
    under it on the same sheet; the Excel row of BC1, the first of Bản Cọ's households."""
    write_plan(folder)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, NA_MON)
    other = write_roster(folder / "..", "BanCo.xlsx", "Bản Cọ", 200, BAN_CO)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    start = sheet.max_row + 2
    source = openpyxl.load_workbook(other)["Danh sách"]
    for row in source.iter_rows():
        for cell in row:
            if cell.value is not None:
                sheet.cell(start + cell.row - 1, cell.column, cell.value)
    book.save(path)
    other.unlink()
    first = start + 4  # Bản Cọ's title, commune line, blank row, header, then BC1
    assert sheet.cell(first, 2).value == "BC1"
    return first


def test_another_hamlets_list_pasted_under_this_one_is_not_counted(tmp_path):
    """Nà Mòn's sheet (NM1, NM6 poor, NM2 near-poor: rows 5–7) with Bản Cọ's whole list pasted
    two rows under it, title 'DANH SÁCH … XÓM BẢN CỌ – THÁNG 5/2024', header and rows BC1,
    BC2 poor, BC3 near-poor. Before: Nà Mòn counted 4 poor and 2 near-poor, silently. Now by
    hand 2 and 1; Bản Cọ's 3 rows are said, by row, under that title (Bản Cọ named as the plan
    writes it, session 30)."""
    folder = tmp_path / "input"
    folder.mkdir()
    first = _pasted_under(folder)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.cell, i.detail, i.instead, i.hamlet) for i in said] == [
        # at the title's own cell, 4 rows above BC1 (session 30: before, A{first}, BC1's STT)
        (f"A{first - 4}", f"{first}–{first + 2}", "Bản Cọ", "Nà Mòn")
    ]
    assert (
        said[0]
        .message()
        .startswith(
            f"Các dòng {first}–{first + 2} nằm dưới tiêu đề 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM "
            "BẢN CỌ – THÁNG 5/2024', là danh sách của xóm Bản Cọ, không phải của xóm Nà Mòn, nên "
            "không được tính"
        )
    )


def with_xom_column(path, hamlets) -> list:
    """Insert a 'Xóm' column B into the roster at ``path`` (header row 4), write ``hamlets`` in
    its household rows from row 5 down, and return the codes then in column C beside them."""
    with roster_edited(path) as sheet:
        sheet.insert_cols(2)
        sheet["B4"] = "Xóm"
        for r, hamlet in enumerate(hamlets, start=5):
            sheet.cell(r, 2, hamlet)
        codes = [sheet.cell(r, 3).value for r in range(5, 5 + len(hamlets))]
    return codes


def test_rows_naming_another_hamlet_in_a_xom_column_are_not_counted(tmp_path):
    """A 'Xóm' column added before 'Mã hộ': NM1, NM6 (poor) and NM2 (near-poor) say 'Nà Mòn',
    BC1 (poor) and BC3 (near-poor), appended, say 'Bản Cọ'. Before: Nà Mòn counted 3 poor and
    2 near-poor. Now by hand 2 and 1; the two rows are said at their 'Xóm' cell. A row whose
    'Xóm' is blank stays this list's."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [*NA_MON, BAN_CO[0], BAN_CO[2]]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    codes = with_xom_column(path, ("Nà Mòn", None, "xóm Nà Mòn", "Bản Cọ", "Bản Cọ"))
    assert codes == ["NM1", "NM2", "NM6", "BC1", "BC3"]
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.cell, i.column, i.value, i.detail, i.variant) for i in said] == [
        ("B8", "Xóm", "Bản Cọ", "8–9", "column")
    ]
    assert (
        said[0]
        .message()
        .startswith(
            "Các dòng 8–9 ghi 'Bản Cọ' ở cột 'Xóm', không phải xóm Nà Mòn, nên không được tính"
        )
    )
    # the column left rows out: it is not called unknown and harmless beside that (before:
    # unknown-column at B4, "không cần sửa")
    assert [i.cell for i in result.issues if i.code == "unknown-column"] == []


def test_a_xom_column_naming_no_row_of_this_hamlet_leaves_the_rows_alone(tmp_path):
    """Control: a 'Xóm' column of abbreviations ('NM' on every row) names the list's own
    hamlet nowhere: no row is taken for another hamlet's (2 poor, 1 near-poor, nothing said)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, NA_MON)
    with_xom_column(path, ("NM", "NM", "NM"))
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert [i.code for i in result.issues if i.code == "rows-of-other-hamlet"] == []
    # a column that left nothing out is still an unknown column, nothing to fix
    assert [i.cell for i in result.issues if i.code == "unknown-column"] == ["B4"]


def test_household_rows_struck_through_are_said_and_still_counted(tmp_path):
    """The head kept last month's list and struck out NM6's row (Mã hộ and name in a struck
    font) and NM3's ('Thoát' already written). Before: nothing said. Now NM6's row is said
    ('Dòng 7 …', at B7) and still counted as written: by hand NM1, NM6 poor = 2, NM2
    near-poor = 1; NM3's row, written 'Thoát', is not said."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [*NA_MON, person("NM3", "exited")]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert [sheet.cell(r, 2).value for r in (7, 8)] == ["NM6", "NM3"]
    for r in (7, 8):
        for col in range(1, 27):
            sheet.cell(r, col).font = Font(strike=True)
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code == "rows-struck-through"]
    assert [(i.cell, i.detail, i.severity) for i in said] == [("B7", "7", "warning")]
    assert said[0].message().startswith("Dòng 7 bị gạch ngang chữ")  # one row (session 30)


def feedback_status(folder: Path, name: str) -> tuple[str, list]:
    """Run and publish the commune in ``folder``; the status line of the feedback workbook of
    file ``name`` and the rows of its issue table."""
    result, _ = collect(folder, None, workers=0)
    written = publish(result, folder / "out")
    book = next(
        openpyxl.load_workbook(p)
        for p in written["feedback"]
        if name in guide_texts(openpyxl.load_workbook(p))
    )
    texts = guide_texts(book)
    return texts[texts.index("Tình trạng:") + 1], guide_rows(book)


def test_feedback_status_names_the_other_hamlets_sheet_not_counted(tmp_path):
    """Before: Nà Mòn's feedback said "mọi hộ đều được tính" while the 3 rows of its sheet
    'Bản Cọ' were not counted. Now the status says every household of Nà Mòn was counted and
    the sheet of the other hamlet was not; 1 warning (the sheet), shown in the table."""
    folder = tmp_path / "input"
    folder.mkdir()
    _two_hamlets_in_one_file(folder, title=True)
    status, rows = feedback_status(folder, "DS_NaMon_2024-05.xlsx")
    # 4 warnings: NM3, NM4, NM5 of the plan's start-of-year list not written (write_plan), and
    # the sheet 'Bản Cọ'
    assert [r["Trang"] for r in rows] == ["Danh sách"] * 3 + ["Bản Cọ"]
    assert status == (
        "Danh sách đã được tổng hợp, mọi hộ của xóm Nà Mòn đều được tính; trang 'Bản Cọ' (danh "
        "sách của xóm Bản Cọ) không được tính; có 4 cảnh báo (xem bảng dưới), đề nghị kiểm tra lại."
    )


def test_feedback_status_names_the_rows_of_another_hamlet_not_counted(tmp_path):
    """A 'Xóm' column (row 8, BC1, 'Bản Cọ' in it; row 5 'Nà Mòn') and Bản Cọ's sheet in the
    same file: both are named ('dòng 8', one row); the plan's NM3–NM5 not written, the row
    and the sheet are 5 warnings, the row's at a yellow cell (B8), the others in the table."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = _two_hamlets_in_one_file(folder, title=True)
    with roster_edited(path) as sheet:
        sheet.insert_cols(2)
        sheet["B4"] = "Xóm"
        start = 8  # the blank row under NM1, NM2, NM6 (rows 5–7), above the signature block
        assert sheet["C7"].value == "NM6" and sheet["C8"].value is None
        sheet["B5"] = "Nà Mòn"  # a row of the list's own hamlet: the column names hamlets
        # BC1's row copied from the 'Bản Cọ' sheet, 'Bản Cọ' under 'Xóm'
        other = sheet.parent["Bản Cọ"]
        assert other["B5"].value == "BC1"
        sheet.cell(start, 1, other["A5"].value)
        sheet.cell(start, 2, "Bản Cọ")
        for col in range(2, other.max_column + 1):
            sheet.cell(start, col + 1, other.cell(5, col).value)
    status, rows = feedback_status(folder, "DS_NaMon_2024-05.xlsx")
    assert len(rows) == 5
    assert status == (
        "Danh sách đã được tổng hợp, mọi hộ của xóm Nà Mòn đều được tính; trang 'Bản Cọ' (danh "
        "sách của xóm Bản Cọ) và dòng 8 (hộ của xóm Bản Cọ) không được tính; có 5 cảnh "
        "báo (ô tô vàng và bảng dưới), đề nghị kiểm tra lại."
    )


def _reporting_rows(folder: Path, lang: str = "vi") -> dict[str, tuple]:
    """The rows of 'Nộp báo cáo' by hamlet, the commune in ``folder`` run and published."""
    result, _ = collect(folder, None, workers=0, lang=lang)
    written = publish(result, folder / f"out_{lang}")
    sheet = openpyxl.load_workbook(written["workbook"])["Nộp báo cáo"]
    return {r[1]: r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)}


def test_reporting_names_the_file_holding_a_hamlets_list(tmp_path):
    """Bản Cọ sent no file; its list is the sheet 'Bản Cọ' of Nà Mòn's file, not counted. Before:
    'Nộp báo cáo' said only "Chưa nộp". Now it names the file and the hamlet whose it is; the
    file column and the rows stay blank (no file of Bản Cọ's was counted)."""
    folder = tmp_path / "input"
    folder.mkdir()
    _two_hamlets_in_one_file(folder, title=True)
    rows = _reporting_rows(folder)
    assert rows["Bản Cọ"][2:6] == (
        "Chưa nộp: danh sách của xóm nằm trong tệp DS_NaMon_2024-05.xlsx của xóm Nà Mòn, không "
        "được tính (xem trang 'Lỗi dữ liệu')",
        None,
        None,
        None,
    )
    assert rows["Nà Mòn"][2:4] == ("Hợp lệ, có cảnh báo", "DS_NaMon_2024-05.xlsx")
    assert _reporting_rows(folder, "en")["Bản Cọ"][2] == (
        "Not submitted: its list is in file DS_NaMon_2024-05.xlsx of hamlet Nà Mòn, not counted "
        "(see sheet 'Lỗi dữ liệu')"
    )


def test_reporting_names_the_file_holding_rows_of_a_hamlet(tmp_path):
    """Bản Cọ's list pasted under Nà Mòn's: the rows name it as its title writes it ('BẢN CỌ'),
    still Bản Cọ of the plan; its row in 'Nộp báo cáo' names Nà Mòn's file."""
    folder = tmp_path / "input"
    folder.mkdir()
    _pasted_under(folder)
    assert _reporting_rows(folder)["Bản Cọ"][2] == (
        "Chưa nộp: danh sách của xóm nằm trong tệp DS_NaMon_2024-05.xlsx của xóm Nà Mòn, không "
        "được tính (xem trang 'Lỗi dữ liệu')"
    )
