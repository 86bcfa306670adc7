"""Session 49: a hamlet head's list filled from the template as heads fill it, and the feedback
workbook that goes back (docs/decisions.md, session 49).

A household's size and income typed in each other's cells (1.200.000 under 'Số nhân khẩu', 4
under 'Thu nhập BQ'): one error at the size's cell that names the income's cell and says to
write each value in the other's place, in the run, `check` and the feedback guide. Before, only
"not a whole number from 1 to 30" was said, the income's 4 not at all (its row left out, no
income warning is said there): a head who wrote the number of people at the size's cell sent
the list again to be told that 4 đồng is too low.

A household's row typed one column to the right of its headers (a skipped 'Giới tính', a code
typed under 'Họ và tên chủ hộ'): one error at the row's first cell so typed, what tells it and
how to move the cells back, instead of a line for each cell from there on (7 to 10 lines for
one slip before, none saying the row is shifted).

A head's name typed without its Vietnamese marks ('HOANG VAN NM1' for 'Hoàng Văn NM1', as a
keyboard without Unikey types it) where the start list writes it with them: a warning at the
name's cell giving the start list's writing; the household counted. Before, nothing was said and
the posted list printed the name unmarked.

A poor or near-poor household whose income is over the line, but under it once shared among
its members (the whole household's income typed under 'Thu nhập BQ (đồng/người/tháng)'): the
mismatch says what each member's share would be and where to write it."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

SWAPPED = (
    "'Số nhân khẩu' là '1200000', còn ô J9 (cột 'Thu nhập BQ') ghi '4': có lẽ hai ô bị ghi "
    "đổi chỗ cho nhau. Hãy ghi số người trong hộ vào ô H9 và thu nhập (đồng/người/tháng) vào "
    "ô J9."
)
SWAPPED_EN = (
    "'Số nhân khẩu' is '1200000' and cell J9 ('Thu nhập BQ') holds '4': the two were probably "
    "written in each other's place. Write the number of members in H9 and the income (đồng per "
    "person a month) in J9."
)


def na_mon_nm5(folder, **nm5) -> None:
    """Nà Mòn's May list (NM1–NM6, rows 5–10), NM5 (poor, row 9) with ``nm5`` as written."""
    write_plan(folder)
    rows = [person(code, status, **(nm5 if code == "NM5" else {})) for code, status in MAY]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)


def size_said_once(tmp_path, **nm5):
    """NM5 as written (:func:`na_mon_nm5`, in ``tmp_path``/vao), collected: one error on its
    row, at H9 ('Số nhân khẩu'), the row left out: Nà Mòn 2 poor (NM1, NM6: NM5 out, NM3
    exited), 2 near-poor (NM2, NM4). Returns the folder and that error."""
    folder = tmp_path / "vao"
    folder.mkdir()
    na_mon_nm5(folder, **nm5)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 2)
    row_9 = [(i.code, i.cell, i.severity) for i in result.issues if i.row == 9]
    assert row_9 == [("invalid-household-size", "H9", "error")]
    [size] = [i for i in result.issues if i.row == 9]
    return folder, size


def test_a_size_and_income_swapped_are_said_once_naming_both_cells(tmp_path):
    """NM5: 1,200,000 at H9, 4 at J9. One error at H9 naming J9, nothing at J9; the row left
    out as before: Nà Mòn 2 poor (NM1, NM6: NM5 out, NM3 exited), 2 near-poor (NM2, NM4)."""
    _, size = size_said_once(tmp_path, nhan_khau=1_200_000, thu_nhap=4)
    assert size.message("vi") == SWAPPED
    assert size.message("en") == SWAPPED_EN


def test_check_says_the_swap_as_the_run_does(tmp_path):
    folder = tmp_path / "vao"
    folder.mkdir()
    na_mon_nm5(folder, nhan_khau=1_200_000, thu_nhap=4)
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    said = [(i.cell, i.message("vi")) for i in issues if i.row == 9]
    assert said == [("H9", SWAPPED)]


def test_the_feedback_guide_says_the_swap(tmp_path):
    """The guide's row of H9: the value as the cell holds it (1200000, a number) and the
    message naming J9; J9 has no row of its own."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    na_mon_nm5(folder, nhan_khau=1_200_000, thu_nhap=4)
    execute(folder, out, None)
    path = out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Hướng dẫn sửa"]
    rows = [(r[2], r[5], r[7]) for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert rows == [("H9", "1200000", SWAPPED)]


def test_a_large_size_beside_an_income_is_said_as_before(tmp_path):
    """NM5: 1,200,000 at H9 and its income 1,200,000 at J9 (no size there): no swap, the plain
    message (a guard: passes before the change too)."""
    _, size = size_said_once(tmp_path, nhan_khau=1_200_000)
    assert size.message("vi") == (
        "'Số nhân khẩu' là '1200000', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong "
        "hộ (ví dụ 4)."
    )


SHIFT_HOW = (
    "Hãy chọn các ô từ {moved} đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô {cell} để mỗi "
    "giá trị về đúng cột của nó (hộ này tạm chưa được tính)."
)


def _shifted(folder, moves: dict[int, str]) -> None:
    """Nà Mòn's May list (NM1–NM6, rows 5–10; columns A–Z as the template) with each row of
    ``moves`` typed one column to the right from its column (letter) on."""
    na_mon_nm5(folder)
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for row, letter in moves.items():
        sheet.move_range(f"{letter}{row}:Z{row}", cols=1)
    book.save(path)


def test_a_row_typed_a_column_to_the_right_is_said_once(tmp_path):
    """NM4 (near-poor, row 8) typed without its 'Giới tính' (E8 empty, 'Nam' at F8, its size 4
    at I8, its class at J8); NM5 (poor, row 9) typed from C9 (its code at C9, B9 empty). One
    error each, at E8 and B9, nothing else in either row; both rows left out: Nà Mòn 2 poor
    (NM1, NM6), 1 near-poor (NM2). NM5's code is read at C9: its household (near-poor at the
    start) is a row not counted, as NM4, not one gone from the list (no 'vanished-household',
    not exited): near-poor 2 − 2 not counted + 1 from poor (NM2) = 1."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _shifted(folder, {8: "E", 9: "B"})
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 1)
    said = [(i.code, i.cell, i.severity) for i in result.issues if i.row in (8, 9)]
    assert said == [("row-shifted", "E8", "error"), ("row-shifted", "B9", "error")]
    assert [i.code for i in result.issues if i.code == "vanished-household"] == []
    near = na_mon["movements"]["near_poor"]
    assert (near["start"], near["exited"], near["not_counted"], near["from_poor"]) == (2, 0, 2, 1)
    nm4, nm5 = (i for i in result.issues if i.row in (8, 9))
    assert nm4.message("vi") == (
        "Từ ô F8 trở đi, dòng này có vẻ bị ghi lệch sang phải một cột so với tiêu đề: ô F8 ghi "
        "'Nam', là 'Giới tính' (cột E); ô I8 ghi '4', là 'Số nhân khẩu' (cột H); ô J8 ghi "
        "'Hộ cận nghèo', là 'Phân loại hộ' (cột I). " + SHIFT_HOW.format(moved="F8", cell="E8")
    )
    assert nm5.message("vi") == (
        "Từ ô C9 trở đi, dòng này có vẻ bị ghi lệch sang phải một cột so với tiêu đề: ô C9 ghi "
        "'NM5', là 'Mã hộ' (cột B); ô I9 ghi '4', là 'Số nhân khẩu' (cột H); ô J9 ghi "
        "'Hộ nghèo', là 'Phân loại hộ' (cột I). " + SHIFT_HOW.format(moved="C9", cell="B9")
    )
    assert nm4.message("en") == (
        "From cell F8 on, this row seems typed one column to the right of its headers: F8 holds "
        "'Nam', a 'Giới tính' (column E); I8 holds '4', a 'Số nhân khẩu' (column H); J8 holds "
        "'Hộ cận nghèo', a 'Phân loại hộ' (column I). Select the cells from F8 to the end of the "
        "row, cut (Ctrl+X) and paste (Ctrl+V) them at E8 so that each value is under its own "
        "header (this household is left out until then)."
    )


def test_a_row_typed_a_column_to_the_left_is_said_once(tmp_path):
    """NM4 (near-poor, row 8) whose ID number the head did not know and did not leave empty:
    its size typed at G8, its class at H8, its income at I8, and on (the row's cells from H8
    moved one to the left). One error at G8, nothing else in the row; NM4 left out, a row not
    counted (its code is where it belongs): Nà Mòn 3 poor (NM1, NM5, NM6), 1 near-poor (NM2);
    near-poor 2 − 1 not counted − 1 to poor (NM5) + 1 from poor (NM2) = 1."""
    folder = tmp_path / "vao"
    folder.mkdir()
    na_mon_nm5(folder)
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    book["Danh sách"].move_range("H8:Z8", cols=-1)
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 1)
    near = na_mon["movements"]["near_poor"]
    assert (near["not_counted"], near["exited"], near["to_poor"], near["from_poor"]) == (1, 0, 1, 1)
    [said] = [i for i in result.issues if i.row == 8]
    assert (said.code, said.cell) == ("row-shifted", "G8")
    assert said.message("vi") == (
        "Từ ô G8 trở đi, dòng này có vẻ bị ghi lệch sang trái một cột so với tiêu đề: ô G8 ghi "
        "'4', là 'Số nhân khẩu' (cột H); ô H8 ghi 'Hộ cận nghèo', là 'Phân loại hộ' (cột I). "
        "Hãy chọn các ô từ G8 đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô H8 để mỗi giá "
        "trị về đúng cột của nó, rồi ghi ô G8 ('Số định danh cá nhân') nếu có, hoặc để trống "
        "(hộ này tạm chưa được tính)."
    )


def test_check_and_the_feedback_say_a_shifted_row_once(tmp_path):
    """`check` says NM4's row (typed from F8) in one line, as the run; the feedback guide has
    one row for it, at E8 (empty: the value column blank)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    _shifted(folder, {8: "E"})
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    assert [(i.code, i.cell) for i in issues if i.row == 8] == [("row-shifted", "E8")]
    execute(folder, out, None)
    path = out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Hướng dẫn sửa"]
    rows = [(r[2], r[5]) for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert rows == [("E8", None)]


def test_a_class_under_the_income_beside_its_own_class_is_no_shift(tmp_path):
    """NM4 with 'Hộ cận nghèo' also under 'Thu nhập BQ' (J8) and its class at I8: no shift
    (I8 holds a class, no size); the income said as before, the row counted: Nà Mòn 3 poor,
    2 near-poor (a guard: passes before the change too)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [
        person(code, status, **({"thu_nhap": "Hộ cận nghèo"} if code == "NM4" else {}))
        for code, status in MAY
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert [(i.code, i.cell) for i in result.issues if i.row == 8] == [("invalid-income", "J8")]


def test_a_name_typed_without_its_marks_is_said_with_the_start_lists_writing(tmp_path):
    """NM1's head written 'HOANG VAN NM1' (C5), the start list writes 'Hoàng Văn NM1': one
    warning at C5 naming it; counted as before (Nà Mòn 3 poor, 2 near-poor). NM2's 'hoàng văn
    nm2' (marks kept, case apart) and NM4's 'Hoang Van' (another name) are not said."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    names = {"NM1": "HOANG VAN NM1", "NM2": "hoàng văn nm2", "NM4": "Hoang Van"}
    rows = [
        person(code, status, **({"chu_ho": names[code]} if code in names else {}))
        for code, status in MAY
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [i for i in result.issues if i.column == "Họ và tên chủ hộ"]
    assert [(i.code, i.cell, i.severity) for i in said] == [("name-without-marks", "C5", "warning")]
    assert said[0].message("vi") == (
        "Họ tên chủ hộ ghi 'HOANG VAN NM1', không có dấu tiếng Việt; danh sách đầu năm ghi hộ "
        "này là 'Hoàng Văn NM1'. Hộ vẫn được tính. Nếu chủ hộ vẫn là người đó, hãy ghi họ tên "
        "có dấu như danh sách đầu năm: 'Hoàng Văn NM1'; nếu đã đổi chủ hộ, hãy ghi họ tên chủ hộ "
        "mới, có dấu (danh sách niêm yết công khai in họ tên như xóm ghi)."
    )


def test_check_with_the_plan_says_a_name_without_its_marks(tmp_path):
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [
        person(code, status, **({"chu_ho": "HOANG VAN NM1"} if code == "NM1" else {}))
        for code, status in MAY
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    assert [(i.code, i.cell, i.detail) for i in issues if i.code == "name-without-marks"] == [
        ("name-without-marks", "C5", "Hoàng Văn NM1")
    ]


def nm4_mismatch(tmp_path, income: int) -> str:
    """NM4 (near-poor, 4 members, no deprivation, row 8) with ``income`` at J8: the
    classification-mismatch said at I8 (its message), counted as declared (Nà Mòn 3 poor, 2
    near-poor)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person(c, s, **({"thu_nhap": income} if c == "NM4" else {})) for c, s in MAY]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)  # counted as declared, as before
    [said] = [i for i in result.issues if i.code == "classification-mismatch"]
    assert said.cell == "I8"
    return said.message("vi")


def test_a_households_whole_income_over_the_line_is_told_its_share(tmp_path):
    """NM4 (near-poor, 4 members, no deprivation): 4.800.000 đ at J8, over the rural line of
    1.500.000; 4.800.000 / 4 = 1.200.000, under it."""
    assert nm4_mismatch(tmp_path, 4_800_000) == (
        "Phân loại 'Hộ cận nghèo' khác với chuẩn nghèo (thu nhập 4.800.000 đ, 0 chỉ số thiếu "
        "hụt: theo chuẩn là không nghèo). Nếu thu nhập đó là của cả hộ thì mỗi người trong "
        "hộ là 1.200.000 đ/tháng, không vượt chuẩn nghèo: hãy ghi số này vào cột 'Thu nhập BQ' (thu "
        "nhập bình quân mỗi người mỗi tháng). Nếu không, giữ nguyên theo kết quả bình xét của "
        "xóm; đề nghị kiểm tra lại."
    )


def test_an_income_over_the_line_even_shared_is_said_as_before(tmp_path):
    """NM4 with 8.000.000 đ: 2.000.000 each, still over 1.500.000: the plain message (a
    guard: passes before the change too)."""
    assert nm4_mismatch(tmp_path, 8_000_000) == (
        "Phân loại 'Hộ cận nghèo' khác với chuẩn nghèo (thu nhập 8.000.000 đ, 0 chỉ số thiếu "
        "hụt: theo chuẩn là không nghèo). Giữ nguyên theo kết quả bình xét của xóm; đề nghị "
        "kiểm tra lại."
    )
