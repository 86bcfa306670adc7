"""Session 50's review of a row's marks said typed one column off (docs/decisions.md, session
50: "review of the marks typed one column off").

Rows a hamlet head types as heads do, on the template the sample writes, that the checks took
as shifted: an 'x' written for an income not known beside a cause typed one cell to the left
(said typed to the left, its marks dropped and the head told to move marks that were right);
'Khác' under 'Nhóm đối tượng' (none of the groups) beside a need written as the note (said
typed on from a mark, its marks dropped). And a shift told by its need under 'Ghi chú' whose
message did not name that cell."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from tests.test_session49_heads import na_mon_nm5


def _written(folder, deprived, edit=None, **nm5) -> None:
    """Nà Mòn's May list (NM1–NM6, rows 5–10, columns A–Z as the template), NM5 (poor, row 9)
    deprived in ``deprived`` with ``nm5`` as written, then ``edit`` done on its sheet."""
    na_mon_nm5(folder, deprived=deprived, **nm5)
    if edit is not None:
        path = folder / "NaMon.xlsx"
        book = openpyxl.load_workbook(path)
        edit(book["Danh sách"])
        book.save(path)


def _collected(tmp_path, deprived, edit=None, **nm5):
    folder = tmp_path / "vao"
    folder.mkdir()
    _written(folder, deprived, edit, **nm5)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    row_9 = [(i.code, i.cell, i.variant) for i in result.issues if i.row == 9]
    deprived_poor = {k: v for k, v in na_mon["deprivations"]["poor"].items() if v}
    return folder, result, na_mon, row_9, deprived_poor


def _no_income_cause_left(group, need):
    """J9 'x' (the head has no figure for the income), V9 'Thiếu vốn' (the cause typed one
    cell to the left; NM5's last mark, td_12, not deprived), W9 empty, ``group`` at X9 and
    ``need`` at Y9 (in place)."""

    def edit(sheet) -> None:
        sheet["J9"], sheet["V9"], sheet["W9"] = "x", "Thiếu vốn", None
        sheet["X9"], sheet["Y9"] = group, need

    return edit


@pytest.mark.parametrize(
    ("group", "need"),
    [(None, "Vay vốn ưu đãi"), ("BTXH", "Vay vốn ưu đãi"), (None, None)],
    ids=["need-in-place", "group-and-need-in-place", "no-group-no-need"],
)
def test_an_x_for_no_income_beside_a_cause_typed_one_cell_left_is_no_shift(tmp_path, group, need):
    """NM5 deprived in td_04, td_09, td_10 (N9, S9, T9: in place), 'x' at J9 for an income not
    known, its cause typed at V9, W9 empty, its group and need in place or none. Nothing but
    the cause is one cell off: two slips, not marks typed to the left. Said cell by cell: J9
    ('x' is no number) and V9 ('Thiếu vốn' is no mark, an error: NM5 left out, Nà Mòn 2 poor,
    NM1 and NM6, each deprived in td_04, td_09, td_10: 2 each). Before: one 'left' warning at
    J9 telling the head to cut J9 to the row's end and paste it at K9, which moves the marks
    that were right one column off (and NM5 counted with none of its marks)."""
    folder, result, na_mon, row_9, deprived = _collected(
        tmp_path, (4, 9, 10), _no_income_cause_left(group, need)
    )
    assert row_9 == [
        ("invalid-income", "J9", "uncounted"),
        ("invalid-deprivation-mark", "V9", ""),
    ]
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 2)
    assert deprived == {"td_04": 2, "td_09": 2, "td_10": 2}
    issues = check_files([folder / "NaMon.xlsx", folder / "KeHoach_2024.xlsx"])
    assert [(i.code, i.cell) for i in issues if i.row == 9] == [
        ("invalid-income", "J9"),
        ("invalid-deprivation-mark", "V9"),
    ]


def test_marks_typed_to_the_left_with_a_group_are_still_said_naming_it(tmp_path):
    """A guard (said so before too): NM5 deprived in td_01, td_04, td_09 with group 'BTXH',
    its cells from K9 typed one to the left ('x' at J9, 'Thiếu vốn' at V9, 'BTXH' at W9, its
    need at X9): one 'left' warning at J9 naming the three cells that tell it; NM5 counted (3
    poor), none of its marks (td_04 2, td_09 2, td_10 2, NM1's and NM6's)."""

    def edit(sheet) -> None:
        sheet.move_range("K9:Z9", cols=-1)

    _, result, na_mon, row_9, deprived = _collected(tmp_path, (1, 4, 9), edit, doi_tuong="BTXH")
    assert row_9 == [("marks-shifted", "J9", "left")]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert deprived == {"td_04": 2, "td_09": 2, "td_10": 2}
    [shift] = [i for i in result.issues if i.row == 9]
    assert shift.message("vi").startswith(
        "Từ ô J9 trở đi, dòng này có vẻ bị ghi lệch sang trái một cột so với tiêu đề: ô J9 ghi "
        "'x', là 'Việc làm' (cột K); ô V9 ghi 'Thiếu vốn', là 'Nguyên nhân nghèo' (cột W); ô W9 "
        "ghi 'BTXH', là 'Nhóm đối tượng' (cột X). Hãy chọn các ô từ J9 đến hết dòng"
    )


def _other_group_need_as_note(cause):
    """W9 ``cause``, 'Khác' at X9 (NM5 in none of the groups), Y9 empty, 'XKLĐ' as its note
    at Z9 (a member working abroad)."""

    def edit(sheet) -> None:
        sheet["W9"], sheet["X9"], sheet["Y9"], sheet["Z9"] = cause, "Khác", None, "XKLĐ"

    return edit


@pytest.mark.parametrize(
    ("cause", "said"),
    [
        (None, [("unknown-vocabulary", "X9", "")]),
        ("x", [("unknown-vocabulary", "W9", ""), ("unknown-vocabulary", "X9", "")]),
    ],
    ids=["cause-empty", "cause-ticked-x"],
)
def test_other_under_the_group_beside_a_need_as_the_note_is_no_shift(tmp_path, cause, said):
    """NM5 deprived in td_04, td_09, td_10, its cause empty (or ticked 'x', as some forms
    tick it), 'Khác' under 'Nhóm đối tượng' for a household in none of the groups, 'XKLĐ' as
    its note: 'Khác' is a need's wording as much as a cause's, so it tells no cause typed on;
    its marks counted (td_04 3, td_09 3, td_10 3: NM1's, NM5's, NM6's) and 'Khác' said an
    unknown group. Before: a marks-shifted warning at K9 (start-unknown-cause, or session 49's
    start-unknown with the 'x'), NM5's marks dropped (2 each)."""
    _, _, na_mon, row_9, deprived = _collected(
        tmp_path, (4, 9, 10), _other_group_need_as_note(cause)
    )
    assert row_9 == said
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert deprived == {"td_04": 3, "td_09": 3, "td_10": 3}


def test_a_cause_worded_other_typed_on_is_still_said(tmp_path):
    """A guard: 'Nguyên nhân khác' (a cause's wording alone) typed on from S9 with its need
    under the note is still a shift (start-unknown-cause at K9, NM5's marks dropped)."""

    def edit(sheet) -> None:
        sheet.move_range("S9:Z9", cols=1)

    _, _, _, row_9, deprived = _collected(
        tmp_path, (4, 9, 10), edit, nguyen_nhan="Nguyên nhân khác"
    )
    assert row_9 == [("marks-shifted", "K9", "start-unknown-cause")]
    assert deprived == {"td_04": 2, "td_09": 2, "td_10": 2}


NEED_UNDER_THE_NOTE = (
    "Dòng này có vẻ bị ghi lệch sang phải một cột, bắt đầu từ một ô nào đó từ ô K9 (dấu thiếu "
    "hụt đầu tiên) đến ô W9 ('Nguyên nhân nghèo'): ô X9 ghi 'Thiếu vốn', là 'Nguyên nhân "
    "nghèo' (cột W); ô Z9 ghi 'Vay vốn ưu đãi', là 'Nhu cầu hỗ trợ' (cột Y). Hãy đối chiếu các "
    "dấu từ ô K9 và nguyên nhân nghèo với phiếu của hộ để tìm ô đã bị bỏ qua, chọn ô đó, bấm "
    "chuột phải, chọn Delete (Xóa) rồi Shift cells left (dịch các ô sang trái) để mỗi giá trị "
    "về đúng cột của nó. Hộ vẫn được tính, nhưng các chỉ số thiếu hụt, nguyên nhân, nhóm đối "
    "tượng và nhu cầu của hộ tạm chưa được tính."
)


def test_a_shift_told_by_its_need_under_the_note_names_that_cell(tmp_path):
    """NM5 deprived in td_04, td_09, td_10, no group, typed from S9 one to the right: W9
    empty, 'Thiếu vốn' at X9, Y9 empty, its need at Z9 ('Ghi chú'). What tells the shift is
    X9 and Z9; the message named X9 alone before (a cause one cell off, as a slip reads). Now
    both, in the run, the officer's 'Lỗi dữ liệu' and the head's feedback guide (at K9)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()

    def edit(sheet) -> None:
        sheet.move_range("S9:Z9", cols=1)

    _written(folder, (4, 9, 10), edit)
    execute(folder, out, None)
    guide = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    rows = [
        (r[2], r[7]) for r in guide["Hướng dẫn sửa"].iter_rows(values_only=True)
        if isinstance(r[0], int)
    ]  # fmt: skip
    assert rows == [("K9", NEED_UNDER_THE_NOTE)]
    errors = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Lỗi dữ liệu"]
    said = [(r[4], r[9], r[10]) for r in errors.iter_rows(values_only=True) if r[5] == 9]
    assert said == [("K9", "marks-shifted", NEED_UNDER_THE_NOTE)]


def test_a_shift_among_the_last_empty_marks_told_by_the_note_names_it_in_english(tmp_path):
    """NM5 deprived in td_01, td_02, td_03, no group, typed from P9 one to the right: said at
    W9 naming X9 (its marks counted: td_01 1, td_02 1, td_03 1 with NM1's and NM6's td_04,
    td_09, td_10 2 each), what tells it X9 and Z9."""

    def edit(sheet) -> None:
        sheet.move_range("P9:Z9", cols=1)

    _, result, _, row_9, deprived = _collected(tmp_path, (1, 2, 3), edit)
    assert row_9 == [("marks-shifted", "W9", "")]
    assert deprived == {
        "td_01": 1, "td_02": 1, "td_03": 1, "td_04": 2, "td_09": 2, "td_10": 2,
    }  # fmt: skip
    [shift] = [i for i in result.issues if i.row == 9]
    assert shift.message("en").startswith(
        "From cell X9 on, this row seems typed one column to the right of its headers: X9 holds "
        "'Thiếu vốn', a 'Nguyên nhân nghèo' (column W); Z9 holds 'Vay vốn ưu đãi', a 'Nhu cầu "
        "hỗ trợ' (column Y). Select the cells from X9 to the end of the row"
    )
