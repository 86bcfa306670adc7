"""Session 50: a household's row typed one column off from its marks, said once where it is
certain (docs/decisions.md, session 50).

Session 49 said a row typed one column to the right from a mark cell on where its last mark
fell under 'Nguyên nhân nghèo'. Left there: a row whose last mark was not deprived (an empty
cell fell under the cause, the cause under 'Nhóm đối tượng') and a row whose marks were typed
one column to the left (its first mark under 'Thu nhập BQ', its cause under the last mark) were
said cell by cell, and counted with their marks one column off or left out."""

from __future__ import annotations

import openpyxl

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.test_session49_heads import na_mon_nm5


def _moved(folder, deprived: tuple[int, ...], cells: str, by: int, **nm5) -> None:
    """Nà Mòn's May list, NM5 (poor, row 9) deprived in ``deprived`` with ``nm5`` as written,
    the cells ``cells`` of its row moved ``by`` columns (1: to the right, -1: to the left)."""
    na_mon_nm5(folder, deprived=deprived, **nm5)
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    book["Danh sách"].move_range(cells, cols=by)
    book.save(path)


def _collected(tmp_path, deprived, cells, by, **nm5):
    folder = tmp_path / "vao"
    folder.mkdir()
    _moved(folder, deprived, cells, by, **nm5)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    return folder, result, na_mon


def _deprived(na_mon) -> dict[str, int]:
    return {k: v for k, v in na_mon["deprivations"]["poor"].items() if v}


def _row_9(result) -> list[tuple[str, str, str]]:
    return [(i.code, i.cell, i.variant) for i in result.issues if i.row == 9]


def _checked_row_9(folder) -> list[tuple[str, str]]:
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    return [(i.code, i.cell) for i in issues if i.row == 9]


FROM_THE_CAUSE = (
    "Từ ô X9 trở đi, dòng này có vẻ bị ghi lệch sang phải một cột so với tiêu đề: ô X9 ghi "
    "'Thiếu vốn', là 'Nguyên nhân nghèo' (cột W); ô Y9 ghi 'BTXH', là 'Nhóm đối tượng' (cột X). "
    "Hãy chọn các ô từ X9 đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô W9 để mỗi giá trị "
    "về đúng cột của nó. Hộ vẫn được tính, nhưng các chỉ số thiếu hụt, nguyên nhân, nhóm đối "
    "tượng và nhu cầu ghi từ ô W9 trở đi tạm chưa được tính."
)


def test_a_shift_among_the_last_empty_marks_is_said_once_its_marks_counted(tmp_path):
    """NM5 deprived in td_01, td_02, td_03 (K9, L9, M9), group 'BTXH', typed from P9 one to
    the right: W9 ('Nguyên nhân nghèo') empty, 'Thiếu vốn' at X9, 'BTXH' at Y9 ('Nhu cầu'),
    its need at Z9. Its cells not deprived are its last ones alone (N9 to V9), so wherever in
    them (or at W9) the skipped cell is, only empty cells moved among the marks: one warning at
    W9 naming X9, its three marks counted (the poor's: NM1's and NM6's td_04, td_09, td_10,
    and NM5's td_01, td_02, td_03), its cause, group and need not ('Thiếu vốn' 2 poor: NM1,
    NM6). Before: 'Thiếu vốn' said no group at X9 and 'BTXH' no need at Y9."""
    folder, result, na_mon = _collected(tmp_path, (1, 2, 3), "P9:Z9", 1, doi_tuong="BTXH")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert _deprived(na_mon) == {
        "td_01": 1, "td_02": 1, "td_03": 1, "td_04": 2, "td_09": 2, "td_10": 2,
    }  # fmt: skip
    assert na_mon["causes"]["Thiếu vốn"] == {"poor": 2, "near_poor": 2}
    assert na_mon["target_groups"]["BTXH"] == {"poor": 0, "near_poor": 0}
    assert _row_9(result) == [("marks-shifted", "W9", "")]
    [shift] = [i for i in result.issues if i.row == 9]
    assert shift.message("vi") == FROM_THE_CAUSE
    assert _checked_row_9(folder) == [("marks-shifted", "W9")]


def test_a_shift_whose_last_mark_was_empty_and_start_not_known_drops_its_marks(tmp_path):
    """NM5 deprived in td_04, td_09, td_10 (N9, S9, T9), group 'BTXH', typed from S9 one to
    the right: marks at N9, T9 and U9, W9 empty, its cause at X9, its group at Y9. Its cells not
    deprived make three runs (K9–M9, O9–S9, V9–W9): the skipped cell in any, no cut to name;
    one warning at K9 (variant start-unknown-cause) naming W9; NM5 counted, none of its marks:
    the poor's deprivations NM1's and NM6's alone (td_04 2, td_09 2, td_10 2). Before: td_04 3,
    td_09 2, td_10 3, td_11 1 (its marks read one column off), X9 and Y9 said."""
    folder, result, na_mon = _collected(tmp_path, (4, 9, 10), "S9:Z9", 1, doi_tuong="BTXH")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert _deprived(na_mon) == {"td_04": 2, "td_09": 2, "td_10": 2}
    assert _row_9(result) == [("marks-shifted", "K9", "start-unknown-cause")]
    [shift] = [i for i in result.issues if i.row == 9]
    assert shift.message("vi") == (
        "Dòng này có vẻ bị ghi lệch sang phải một cột, bắt đầu từ một ô nào đó từ ô K9 (dấu "
        "thiếu hụt đầu tiên) đến ô W9 ('Nguyên nhân nghèo'): ô X9 ghi 'Thiếu vốn', là 'Nguyên "
        "nhân nghèo' (cột W); ô Y9 ghi 'BTXH', là 'Nhóm đối tượng' (cột X). Hãy đối chiếu các "
        "dấu từ ô K9 và nguyên nhân nghèo với phiếu của hộ để tìm ô đã bị bỏ qua, chọn ô đó, bấm "
        "chuột phải, chọn Delete (Xóa) rồi Shift cells left (dịch các ô sang trái) để mỗi giá "
        "trị về đúng cột của nó. Hộ vẫn được tính, nhưng các chỉ số thiếu hụt, nguyên nhân, nhóm "
        "đối tượng và nhu cầu của hộ tạm chưa được tính."
    )
    assert _checked_row_9(folder) == [("marks-shifted", "K9")]


def test_a_shift_with_no_group_told_by_its_need_under_the_note(tmp_path):
    """The same shift with no group: W9 empty, 'Thiếu vốn' at X9, Y9 empty, its need 'Vay vốn
    ưu đãi' under 'Ghi chú' (Z9): said the same (start-unknown-cause at K9), NM5's marks not
    counted. Before: td_04 3, td_10 3, td_11 1 counted, X9 said."""
    _, result, na_mon = _collected(tmp_path, (4, 9, 10), "S9:Z9", 1)
    assert _deprived(na_mon) == {"td_04": 2, "td_09": 2, "td_10": 2}
    assert _row_9(result) == [("marks-shifted", "K9", "start-unknown-cause")]


LEFT = (
    "Từ ô J9 trở đi, dòng này có vẻ bị ghi lệch sang trái một cột so với tiêu đề: ô J9 ghi 'x', "
    "là 'Việc làm' (cột K); ô V9 ghi 'Thiếu vốn', là 'Nguyên nhân nghèo' (cột W); ô X9 ghi 'Vay "
    "vốn ưu đãi', là 'Nhu cầu hỗ trợ' (cột Y). Hãy chọn các "
    "ô từ J9 đến hết dòng, cắt (Ctrl+X) rồi dán (Ctrl+V) vào ô K9 để mỗi giá trị về đúng cột "
    "của nó, rồi ghi thu nhập của hộ vào ô J9. Hộ vẫn được tính, nhưng thu nhập, các chỉ số "
    "thiếu hụt, nguyên nhân, nhóm đối tượng và nhu cầu của hộ tạm chưa được tính."
)


def test_marks_typed_one_column_to_the_left_are_said_once_the_household_counted(tmp_path):
    """NM5 deprived in td_01, td_04, td_09, its cells from K9 typed one to the left: 'x' at J9
    ('Thu nhập BQ': its income not typed), M9 and R9, 'Thiếu vốn' at V9 (the last mark's
    cell), its need at X9 (which tells it too: session 50's review). One warning at J9 (variant
    left) naming K9; NM5 counted (Nà Mòn 3
    poor), none of its marks: the poor's deprivations NM1's and NM6's alone (td_04 2, td_09 2,
    td_10 2). Before: three lines (J9's income, V9's mark an error, X9's group) and NM5 left
    out (2 poor)."""
    folder, result, na_mon = _collected(tmp_path, (1, 4, 9), "K9:Z9", -1)
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    assert _deprived(na_mon) == {"td_04": 2, "td_09": 2, "td_10": 2}
    assert na_mon["causes"]["Thiếu vốn"] == {"poor": 2, "near_poor": 2}
    assert _row_9(result) == [("marks-shifted", "J9", "left")]
    [shift] = [i for i in result.issues if i.row == 9]
    assert shift.message("vi") == LEFT
    assert shift.message("en") == (
        "From cell J9 on, this row seems typed one column to the left of its headers: J9 holds "
        "'x', a 'Việc làm' (column K); V9 holds 'Thiếu vốn', a 'Nguyên nhân nghèo' (column W); "
        "X9 holds 'Vay vốn ưu đãi', a 'Nhu cầu hỗ trợ' (column Y). "
        "Select the cells from J9 to the end of the row, cut (Ctrl+X) and paste (Ctrl+V) them at "
        "K9 so that each value is under its own header, then write the household's income in "
        "J9. The household still counts, but its income, deprivations, causes, groups and needs "
        "are left out until then."
    )
    assert _checked_row_9(folder) == [("marks-shifted", "J9")]


def test_real_rows_with_marks_beside_the_income_and_the_cause_are_not_said_shifted(tmp_path):
    """Guards (pass before too). NM5 deprived in td_10, td_11, td_12 (T9, U9, V9: its last
    marks, beside its cause 'Thiếu vốn' at W9), NM4 (near-poor) deprived in td_01 (K9, beside
    its income at J9) and NM1 deprived in td_01 with 'x' under its income (its marks and cause
    in place: the income said, nothing shifted). None said shifted; every mark counted: the
    poor's td_01 1 (NM1), td_04 2, td_09 2, td_10 3, td_11 1, td_12 1; near-poor td_01 1."""
    folder = tmp_path / "vao"
    folder.mkdir()
    _moved(folder, (10, 11, 12), "AA9:AB9", 1)
    book = openpyxl.load_workbook(folder / "NaMon.xlsx")
    sheet = book["Danh sách"]
    sheet["K8"] = "x"  # NM4
    sheet["K5"], sheet["J5"] = "x", "x"  # NM1
    book.save(folder / "NaMon.xlsx")
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert "marks-shifted" not in {i.code for i in result.issues}
    assert _deprived(na_mon) == {
        "td_01": 1, "td_04": 2, "td_09": 2, "td_10": 3, "td_11": 1, "td_12": 1,
    }  # fmt: skip
    assert na_mon["deprivations"]["near_poor"]["td_01"] == 1
    assert [(i.code, i.cell) for i in result.issues if i.row in (5, 8, 9)] == [
        ("invalid-income", "J5")
    ]


def test_a_cause_alone_typed_under_the_group_is_said_as_before(tmp_path):
    """NM5 (td_04, td_09, td_10) with its cause 'Thiếu vốn' under 'Nhóm đối tượng' (X9), W9
    empty, its need in place at Y9: one cell off is a slip, not a row typed on; said at X9 as
    before, its marks counted (td_04 3, td_09 3, td_10 3; a guard: passes before too)."""
    _, result, na_mon = _collected(
        tmp_path, (4, 9, 10), "AA9:AB9", 1, nguyen_nhan=None, doi_tuong="Thiếu vốn"
    )
    assert _row_9(result) == [("unknown-vocabulary", "X9", "")]
    assert _deprived(na_mon) == {"td_04": 3, "td_09": 3, "td_10": 3}
