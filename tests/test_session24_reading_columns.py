"""Session 24: columns by time (docs/decisions.md, "Session 24: years written alone…").

Nà Mòn's May 2024 list of tests/test_session23_columns.py: the current classes (CURRENT) make
3 poor, 2 near-poor; the older ones (OLDER: NM2 'Hộ nghèo') 4 and 1. Bản Cọ 2 and 1. With a
second header row, the households are rows 6-11 (NM1 … NM6), NM2 at row 7, NM4 at row 9.

1. 'Phân loại hộ' over bare years '2023 | 2024' (numbers or text) is a header naming its
   columns' years, as 'Năm 2023 | Năm 2024' is: the list's year read, no household row made.
2. 'Phân loại hộ' over 'Lần 1 | Lần 2' (rounds of one check): each household is read from
   the latest round holding values, from an earlier one where the later is blank; a
   difference, or a blank filled so, is said at the earlier round's header cell.
3. The plan's start list reads a column written twice by the same rule as a hamlet's list.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import past_targets, person, write_plan, write_roster
from tests.test_session23_columns import (
    CLASS_COL,
    CURRENT,
    OLDER,
    collect_and_check,
    columns_said,
    commune,
    counted,
    second_column,
    split,
)
from tests.test_session23_rows import (
    MAY,
    NEAR_MOVES,
    POOR_MOVES,
    moves_without_zeros,
    na_mon_in_summary,
)

# --- 1. years written alone under the parent ----------------------------------------------


@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
@pytest.mark.parametrize(
    "years", [(2023, 2024), ("2023", "2024"), (2023.0, 2024.0)], ids=["numbers", "text", "floats"]
)
def test_bare_years_under_the_class_are_its_sub_headers(tmp_path, before, years):
    """'Phân loại hộ' over '2023 | 2024' in a May 2024 list: 2024 read (3 poor, 2 near-poor),
    2023 an earlier time, not read and not said; the years' row is no household (was: the
    list refused, 'column-twice', the years' row read as a household)."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, None, OLDER, before=before, two_rows=years)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)
    assert [i.code for i in result.issues if i.hamlet == "Nà Mòn"] == []
    assert result.summary["issues"]["rows_left_out"] == 0


def test_a_later_bare_year_holding_values_is_said(tmp_path):
    """'2025 | 2024' (2025 holding the older classes, at I5): 2024 read, 2025 said as later."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, None, OLDER, before=True, two_rows=(2025, 2024))
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    said = columns_said(result.issues)
    assert said == columns_said(checked)
    assert [(code, cell, variant) for code, cell, variant, *_ in said] == [
        ("column-twice-ignored", "I5", "later")
    ]
    assert said[0][3].startswith(
        "Cột 'Phân loại hộ' có cột năm 2025 (ô I5) có ghi số liệu, sau kỳ báo cáo 2024 của "
        "danh sách: đã đọc cột của kỳ 2024 (ô J5)"
    )


# --- 2. rounds of one check ('Lần 1 | Lần 2') ----------------------------------------------


def _rounds(tmp_path: Path, first: dict | None, second: dict | None, labels=("Lần 1", "Lần 2")):
    """'Phân loại hộ' over ``labels`` at I5 | J5, holding ``first`` and ``second`` by code."""
    path = commune(tmp_path)
    split(path, CLASS_COL, [(labels[0], first), (labels[1], second)])
    return collect_and_check(tmp_path)


def _rounds_said(said: list) -> list[tuple]:
    return [(code, cell, variant) for code, cell, variant, *_ in said]


@pytest.mark.parametrize(
    "labels", [("Lần 1", "Lần 2"), ("Rà soát lần 1", "Rà soát lần 2"), ("Lần đầu", "Lần 2")]
)
def test_the_later_round_is_read_and_a_difference_said(tmp_path, labels):
    """Lần 1 the older classes, Lần 2 the current: Lần 2 read (3, 2; was Lần 1 first-wins, 4,
    1, and Lần 2 'not in the template'); NM2 differs (row 7): said at Lần 1's cell, I5."""
    result, hamlets, checked = _rounds(tmp_path, OLDER, CURRENT, labels)
    counted(hamlets, 3, 2)
    said = columns_said(result.issues)
    assert said == columns_said(checked)
    assert _rounds_said(said) == [("column-twice-ignored", "I5", "rounds")]
    assert said[0][3] == (
        "Cột 'Phân loại hộ' ghi nhiều lần (lần trước ở ô I5, lần sau ở ô J5): mỗi hộ đọc lần "
        "sau, lần trước chỉ đọc khi lần sau để trống. 1 dòng hộ ghi hai lần khác nhau (đầu "
        "tiên là dòng 7): đã đọc lần sau (cột ở ô J5). Nếu đúng như vậy thì không cần sửa; nếu "
        "không, hãy sửa cột lần sau (ô J5) rồi gửi lại."
    )
    assert "1 household row(s) differ between the two (the first row 7)" in said[0][4]


def test_the_later_round_is_read_in_either_order(tmp_path):
    """'Lần 2 | Lần 1' (the current classes first, at I): still Lần 2, said at J5."""
    result, hamlets, checked = _rounds(tmp_path, CURRENT, OLDER, ("Lần 2", "Lần 1"))
    counted(hamlets, 3, 2)
    assert _rounds_said(columns_said(result.issues)) == [("column-twice-ignored", "J5", "rounds")]
    assert columns_said(result.issues) == columns_said(checked)


def test_a_blank_in_the_later_round_is_read_from_the_earlier(tmp_path):
    """NM4 not checked again (Lần 2 blank at J9): its Lần 1 class ('Hộ cận nghèo') read, no
    missing class; said with NM2's difference in one warning."""
    second = {**CURRENT, "NM4": None}
    result, hamlets, checked = _rounds(tmp_path, OLDER, second)
    counted(hamlets, 3, 2)
    said = columns_said(result.issues)
    assert (
        _rounds_said(said)
        == [("column-twice-ignored", "I5", "rounds")]
        == _rounds_said(columns_said(checked))
    )
    assert "1 dòng hộ chưa ghi lần sau (dòng 9): đã đọc cột ở ô I5" in said[0][3]
    assert [i.code for i in result.issues if i.severity == "error"] == []


def test_a_value_read_from_the_earlier_round_is_said_at_its_cell(tmp_path):
    """NM4's Lần 2 blank, its Lần 1 'abc': the class error is at I9, where 'abc' is."""
    result, hamlets, checked = _rounds(tmp_path, {**OLDER, "NM4": "abc"}, {**CURRENT, "NM4": None})
    errors = [(i.code, i.cell) for i in past_targets(result.issues) if i.severity == "error"]
    assert errors == [("invalid-classification", "I9")]
    assert (hamlets["Nà Mòn"]["poor"], hamlets["Nà Mòn"]["near_poor"]) == (3, 1)  # NM4 out


def test_a_blank_later_round_reads_the_earlier_quietly(tmp_path):
    """Lần 2 not filled in at all: Lần 1 is the list's (the older classes: 4, 1), nothing
    said about the columns."""
    result, hamlets, checked = _rounds(tmp_path, OLDER, None)
    counted(hamlets, 4, 1)
    assert columns_said(result.issues) == [] == columns_said(checked)


def test_rounds_alike_are_not_said(tmp_path):
    result, hamlets, checked = _rounds(tmp_path, CURRENT, CURRENT)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)


# --- 3. the plan's start list with a column written twice ---------------------------------


def _plan_twice(folder: Path, older: dict, *, hide: str = "") -> Path:
    """The plan, its start list's 'Phân loại hộ' (J) written twice: a copy put before it (J,
    the template's column moved to K) holding ``older`` by code, the rest as in K; ``hide``:
    'older' or 'current' hides that column."""
    plan = write_plan(folder)
    book = openpyxl.load_workbook(plan)
    sheet = book["Danh sách đầu năm"]
    sheet.insert_cols(10)
    sheet["J3"] = "Phân loại hộ"
    for row in range(4, sheet.max_row + 1):
        code = sheet.cell(row, 3).value
        if code:
            sheet.cell(row, 10).value = older.get(code, sheet.cell(row, 11).value)
    if hide:
        sheet.column_dimensions["J" if hide == "older" else "K"].hidden = True
    book.save(plan)
    return plan


def _plan_run(tmp_path: Path, older: dict, hide: str = ""):
    folder = tmp_path / "input"
    folder.mkdir()
    plan = _plan_twice(folder, older, hide=hide)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    planned = [i for i in result.issues if i.file == plan.name]
    checked = [i for i in check_files([plan]) if i.file == plan.name]
    return result, planned, checked


def _plan_said(issues) -> list[tuple]:
    skip = ("plan-commune-target-above-start", "no-start-list")  # the latter: asserted apart
    return [(i.code, i.cell, i.variant) for i in issues if i.code not in skip]


def test_a_start_list_column_twice_that_differs_is_not_used(tmp_path):
    """NM2 'Hộ cận nghèo' in the older J, 'Hộ nghèo' in K: read first-wins it made the start
    2 poor, 3 near-poor; now the start list is not used, said at K3 (an error on the plan),
    and the run says why it has no start."""
    result, planned, checked = _plan_run(tmp_path, {"NM2": "Hộ cận nghèo"})
    na_mon = na_mon_in_summary(result.summary)
    assert na_mon["movements"] is None
    assert _plan_said(planned) == [("plan-invalid", "K3", "")] == _plan_said(checked)
    invalid = next(i for i in planned if i.code == "plan-invalid")
    assert invalid.message("vi") == (
        "Kế hoạch không hợp lệ: trang 'Danh sách đầu năm' có cột 'Phân loại hộ' hai lần (J3 và "
        "K3) và hai cột ghi khác nhau ở 1 dòng hộ, đầu tiên là dòng 5: không biết cột nào đúng "
        "nên chưa dùng danh sách đầu năm. Hãy xóa hoặc đổi tên cột không dùng (ví dụ 'Phân loại "
        "hộ cũ') rồi chạy lại."
    )
    no_start = [i for i in result.issues if i.code == "no-start-list"]
    assert [i.variant for i in no_start] == ["unread"]
    assert (
        no_start[0]
        .message("vi")
        .startswith(
            "Danh sách đầu năm trong kế hoạch chưa dùng được (xem lỗi 'Kế hoạch không hợp lệ')"
        )
    )


def test_a_start_list_column_twice_alike_is_read_with_a_warning(tmp_path):
    result, planned, checked = _plan_run(tmp_path, {})
    na_mon = na_mon_in_summary(result.summary)
    assert moves_without_zeros(na_mon["movements"]) == {"poor": POOR_MOVES, "near_poor": NEAR_MOVES}
    assert _plan_said(planned) == [("plan-value-guessed", "K3", "")] == _plan_said(checked)
    assert "ghi giống nhau ở mọi dòng: chỉ đọc cột J" in planned[0].message("vi")


def test_a_start_list_column_twice_one_hidden_reads_the_visible(tmp_path):
    """The older J hidden (NM2 'Hộ cận nghèo' there): K read, the start as the plan's."""
    result, planned, checked = _plan_run(tmp_path, {"NM2": "Hộ cận nghèo"}, hide="older")
    na_mon = na_mon_in_summary(result.summary)
    assert moves_without_zeros(na_mon["movements"]) == {"poor": POOR_MOVES, "near_poor": NEAR_MOVES}
    assert _plan_said(planned) == [("plan-value-guessed", "J3", "")] == _plan_said(checked)
    assert "cột ở ô J3 đang bị ẩn nên không được đọc" in planned[0].message("vi")


def test_bare_years_beside_words_in_the_sub_header_row(tmp_path):
    """The years' row also holds a word under another column ('Số nhân khẩu' over '(người)',
    H4:H5 no longer merged): still the header's lower row, 2024 read (3, 2), nothing said."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, None, OLDER, before=True, two_rows=(2023, 2024))
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet.unmerge_cells("H4:H5")
    sheet["H5"] = "(người)"
    book.save(path)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)
    assert result.summary["issues"]["rows_left_out"] == 0
