"""Session 49: slips of a hamlet head's list said once, at the right cell (docs/decisions.md,
session 49).

A household's birth year and size typed in each other's cells ('4' under 'Năm sinh', 1970
under 'Số nhân khẩu'): one error at the size's cell naming the birth year's cell and what to
write in each. Before, two errors, the birth year's saying "có vẻ đây là tuổi" (an age), which
asked a head to write a year of birth in place of the household's size.

A household's row typed one column to the right from a deprivation mark on (a mark cell
skipped, the rest typed on: the last mark under 'Nguyên nhân nghèo', the cause under 'Nhóm đối
tượng'): one warning at the skipped cell, naming the cells that tell it and the cut and paste
that mends it; the household counted, its marks from there on not (they are in their
neighbours' columns). Before, its marks were counted one column off (wrong 'Thiếu hụt' figures)
and only the cause and group cells were said.

A web page with no list saved under a hamlet's list's name ('DS_BanCo_2024-05.xlsx'): the
hamlet's refused file, named on 'Nộp báo cáo' with why, when the hamlet sent nothing else.
Before, skipped, the hamlet 'Chưa nộp' with no file named."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY
from tests.test_session49_heads import na_mon_nm5, size_said_once

YEAR_SWAPPED = (
    "'Số nhân khẩu' là '1970', còn ô D9 (cột 'Năm sinh') ghi '4': có lẽ hai ô bị ghi đổi chỗ "
    "cho nhau. Hãy ghi số người trong hộ vào ô H9 và năm sinh của chủ hộ vào ô D9."
)


def test_a_birth_year_and_size_swapped_are_said_once_naming_both_cells(tmp_path):
    """NM5: 4 at D9 (its size), 1970 at H9 (its head's birth year). One error at H9 naming D9,
    nothing at D9 (before: an 'age' error there too); the row left out as before: Nà Mòn 2 poor
    (NM1, NM6: NM5 out, NM3 exited), 2 near-poor (NM2, NM4)."""
    folder, size = size_said_once(tmp_path, nam_sinh=4, nhan_khau=1970)
    assert size.message("vi") == YEAR_SWAPPED
    assert size.message("en") == (
        "'Số nhân khẩu' is '1970' and cell D9 ('Năm sinh') holds '4': the two were probably "
        "written in each other's place. Write the number of members in H9 and the head's year "
        "of birth in D9."
    )
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    assert [(i.cell, i.message("vi")) for i in issues if i.row == 9] == [("H9", YEAR_SWAPPED)]


def test_a_year_under_the_size_beside_a_year_of_birth_is_said_as_before(tmp_path):
    """NM5: 1970 at H9 and its birth year 1970 at D9 (no size there): no swap, the plain
    message (a guard: passes before the change too)."""
    _, size = size_said_once(tmp_path, nhan_khau=1970)
    assert size.message("vi") == (
        "'Số nhân khẩu' là '1970', không phải số nguyên từ 1 đến 30. Hãy ghi số người trong "
        "hộ (ví dụ 4)."
    )


def _marks_moved(folder, deprived: tuple[int, ...], letter: str) -> None:
    """Nà Mòn's May list, NM5 (poor, row 9) deprived in ``deprived`` and its row typed one
    column to the right from column ``letter`` on (the cell at ``letter`` left empty)."""
    na_mon_nm5(folder, deprived=deprived)
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    book["Danh sách"].move_range(f"{letter}9:Z9", cols=1)
    book.save(path)


def _poor_deprived(result) -> dict[str, int]:
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    return {k: v for k, v in na_mon["deprivations"]["poor"].items() if v}


MARKS_SHIFTED = (
    "Từ ô U9 trở đi, dòng này có vẻ bị ghi lệch sang phải một cột so với tiêu đề: ô W9 ghi 'x', "
    "là 'Phương tiện phục vụ tiếp cận thông tin' (cột V); ô X9 ghi 'Thiếu vốn', là 'Nguyên nhân "
    "nghèo' (cột W). Hãy chọn các ô từ U9 đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô T9 "
    "để mỗi giá trị về đúng cột của nó. Hộ vẫn được tính, nhưng các chỉ số thiếu hụt, nguyên "
    "nhân, nhóm đối tượng và nhu cầu ghi từ ô T9 trở đi tạm chưa được tính."
)


def test_a_row_typed_a_column_to_the_right_from_a_mark_on_is_said_once(tmp_path):
    """NM5 deprived in td_10, td_11, td_12 (T9, U9, V9), typed from S9 one to the right: its
    marks at U9, V9 and W9 ('Nguyên nhân nghèo'), its cause 'Thiếu vốn' at X9 ('Nhóm đối
    tượng'), T9 empty. The cells K9 to T9 are the one run of cells not marked, so the shift
    begins in it: one warning at T9, nothing else in the row. NM5 counted (Nà Mòn 3 poor: NM1,
    NM5, NM6; 2 near-poor), its marks from T9 on not: the poor's deprivations are NM1's and
    NM6's (td_04, td_09, td_10 each) alone, td_04 2, td_09 2, td_10 2. Before: td_11 1 and
    td_12 1 counted from the shifted marks, and the cause and group cells said."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _marks_moved(folder, (10, 11, 12), "S")
    result, _ = collect(folder, None, workers=0)
    assert _poor_deprived(result) == {"td_04": 2, "td_09": 2, "td_10": 2}
    row_9 = [(i.code, i.cell, i.severity) for i in result.issues if i.row == 9]
    assert row_9 == [("marks-shifted", "T9", "warning")]
    [shift] = [i for i in result.issues if i.row == 9]
    assert shift.message("vi") == MARKS_SHIFTED
    assert shift.message("en") == (
        "From cell U9 on, this row seems typed one column to the right of its headers: W9 holds "
        "'x', a 'Phương tiện phục vụ tiếp cận thông tin' (column V); X9 holds 'Thiếu vốn', a "
        "'Nguyên nhân nghèo' (column W). Select the cells from U9 to the end of the row, cut "
        "(Ctrl+X) and paste (Ctrl+V) them at T9 so that each value is under its own header. The "
        "household still counts, but its deprivations, causes, groups and needs from T9 on are "
        "left out until then."
    )
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    assert [(i.cell, i.message("vi")) for i in issues if i.row == 9] == [("T9", MARKS_SHIFTED)]


def test_a_shift_whose_start_is_not_known_is_said_once_its_marks_not_counted(tmp_path):
    """NM5 deprived in td_04 and td_12 (N9, V9), typed from K9 one to the right: marks at O9
    and W9, its cause at X9. Two runs of cells not marked (K9–N9, P9–V9): the skipped cell may
    be in either, so no cut and paste is named; one warning at K9 (variant start-unknown),
    naming V9, asking for the skipped cell to be deleted. NM5 counted, none of its marks: the
    poor's deprivations NM1's and NM6's alone (td_04 2, td_09 2, td_10 2), no class mismatch.
    Before: td_05 1 counted, the cause, the group and a class mismatch said."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _marks_moved(folder, (4, 12), "K")
    result, _ = collect(folder, None, workers=0)
    assert _poor_deprived(result) == {"td_04": 2, "td_09": 2, "td_10": 2}
    said = [i for i in result.issues if i.row == 9]
    assert [(i.code, i.cell, i.variant) for i in said] == [("marks-shifted", "K9", "start-unknown")]
    assert said[0].message("vi") == (
        "Dòng này có vẻ bị ghi lệch sang phải một cột, bắt đầu từ một ô nào đó trong các ô dấu "
        "thiếu hụt từ K9 đến V9: ô W9 ghi 'x', là 'Phương tiện phục vụ tiếp cận thông tin' (cột "
        "V); ô X9 ghi 'Thiếu vốn', là 'Nguyên nhân nghèo' (cột W). Hãy đối chiếu các dấu từ ô K9 "
        "với phiếu của hộ để tìm ô đã bị bỏ qua, chọn ô đó, bấm chuột phải, chọn Delete (Xóa) rồi "
        "Shift cells left (dịch các ô sang trái) để mỗi giá trị về đúng cột của nó. Hộ vẫn được "
        "tính, nhưng các chỉ số thiếu hụt, nguyên nhân, nhóm đối tượng và nhu cầu của hộ tạm "
        "chưa được tính."
    )


def test_an_x_under_the_cause_without_a_cause_moved_on_is_no_shift(tmp_path):
    """'x' under 'Nguyên nhân nghèo' with the group cell empty: NM5 (poor, marks N9, S9, T9:
    three runs not marked, no cause typed on to tell the shift) and NM4 (near-poor, no mark:
    no mark after the cells not marked but the cause's own, a cause cell ticked perhaps
    meant). Neither said shifted; the cause said as before; both counted with their marks
    (a guard: passes before too)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [
        person(code, status, **({"nguyen_nhan": "x"} if code in ("NM4", "NM5") else {}))
        for code, status in MAY
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(folder, None, workers=0)
    assert [(i.code, i.cell) for i in result.issues if i.cell in ("W8", "W9")] == [
        ("unknown-vocabulary", "W8"),
        ("unknown-vocabulary", "W9"),
    ]
    assert "marks-shifted" not in {i.code for i in result.issues}
    assert _poor_deprived(result) == {"td_04": 3, "td_09": 3, "td_10": 3}


PAGE = (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Zalo</title></head><body>'
    "<table><tr><td>Tên tệp</td><td>Dung lượng</td></tr><tr><td>DS_BanCo.xlsx</td>"
    "<td>24 KB</td></tr></table></body></html>\n"
)  # a web page with a table, no list of households: saved from the page a download showed


def page_beside_na_mon(folder, name: str) -> None:
    """The plan, Nà Mòn's May list, and :data:`PAGE` saved as ``name``."""
    na_mon_nm5(folder)
    (folder / name).write_text(PAGE, encoding="utf-8")


def test_a_web_page_named_for_a_hamlet_is_its_refused_file(tmp_path):
    """A web page saved as 'DS_BanCo_2024-05.xlsx' (Bản Cọ sent nothing else): Bản Cọ refused
    for that file, its 'Nộp báo cáo' row naming it and why (a web page, not a workbook), one
    error, no file skipped. Before: skipped as not-a-roster, Bản Cọ 'missing' (Chưa nộp) with
    no file named."""
    folder = tmp_path / "vao"
    folder.mkdir()
    page_beside_na_mon(folder, "DS_BanCo_2024-05.xlsx")
    result, _ = collect(folder, None, workers=0)
    status = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert (status["Nà Mòn"], status["Bản Cọ"], status["Đồng Kè"]) == ("ok", "rejected", "missing")
    assert result.reporting.set_index("hamlet")["file"].to_dict()["Bản Cọ"] == (
        "DS_BanCo_2024-05.xlsx"
    )
    said = [i for i in result.issues if i.file == "DS_BanCo_2024-05.xlsx"]
    assert [(i.code, i.severity, i.hamlet) for i in said] == [
        ("file-unreadable", "error", "Bản Cọ")
    ]
    assert said[0].message("vi") == (
        "Không đọc được tệp. Đây là trang web (HTML) hoặc tệp XML xuất từ phần mềm khác, chỉ "
        "được đặt tên đuôi .xlsx: không phải bảng tính Excel thật. Hãy nhờ trưởng xóm mở tệp "
        "gốc bằng Excel, chọn Lưu thành (Save As) kiểu Sổ làm việc Excel (.xlsx) rồi gửi lại "
        "tệp vừa lưu. (Chi tiết kỹ thuật: trang web không có danh sách hộ)"
    )  # the aside in Vietnamese since session 57 (it was "a web page with no household list")
    assert result.summary["issues"]["files_skipped"] == 0


def test_a_web_page_named_for_no_hamlet_or_a_hamlet_that_sent_its_list_is_skipped(tmp_path):
    """The same page as 'TinTuc.xlsx' (no hamlet) and as 'DS_NaMon_2024-05_ban_web.xlsx' (Nà
    Mòn, whose list is counted): both skipped as before (not-a-roster), Bản Cọ missing (a
    guard: passes before too)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    page_beside_na_mon(folder, "TinTuc.xlsx")
    (folder / "DS_NaMon_2024-05_ban_web.xlsx").write_text(PAGE, encoding="utf-8")
    result, _ = collect(folder, None, workers=0)
    status = {h["hamlet"]: h["status"] for h in result.summary["hamlets"]}
    assert (status["Nà Mòn"], status["Bản Cọ"]) == ("ok", "missing")
    said = sorted((i.file, i.code) for i in result.issues if i.file.endswith("web.xlsx")
                  or i.file == "TinTuc.xlsx")  # fmt: skip
    assert said == [
        ("DS_NaMon_2024-05_ban_web.xlsx", "not-a-roster"),
        ("TinTuc.xlsx", "not-a-roster"),
    ]
