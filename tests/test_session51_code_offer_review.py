"""Review of session 51's code offers (a blank Mã hộ told the start list's code) and of 'two
heads under one code' (variant 'one-hamlet-heads'): offering a wrong code, or calling one
household two, is worse than saying nothing new.

Nà Mòn's May list is the start list's five households (NM1..NM3 poor, NM4, NM5 near-poor; each
head 'Hoàng Văn <code>', born 1970, its own ID number), rows from 5 (NM4 at B8)."""

from __future__ import annotations

from pipeline.checkfiles import check_files
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_plan, write_roster

PLAIN = "Thiếu 'Mã hộ'. Hãy ghi mã hộ như trong sổ quản lý hộ nghèo của xã."


def _rows(nm4: dict | None = None) -> list[dict]:
    """Nà Mòn's five households, NM4's row (B8) updated with ``nm4``."""
    rows = [
        person("NM1", "poor"),
        person("NM2", "near_poor"),
        person("NM3", "poor"),
        person("NM4", "near_poor"),
        person("NM5", "near_poor"),
    ]
    rows[3].update(nm4 or {})
    return rows


def _run(tmp_path, rows: list[dict], ban_co: list[dict] | None = None):
    """May's run of Nà Mòn's ``rows`` (and Bản Cọ's list ``ban_co``): (the issues, the files)."""
    folder = tmp_path / "input"
    folder.mkdir()
    files = [write_plan(folder), write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)]
    if ban_co is not None:
        files.append(write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, ban_co))
    result = execute(folder, tmp_path / "output", "2024-05")[0]
    return result.issues, files


def _at(issues, code: str, cell: str, file: str = "NaMon.xlsx"):
    [issue] = [i for i in issues if i.code == code and i.cell == cell and i.file == file]
    return issue


# --- the start list's code offered for a blank Mã hộ -----------------------------------------


def test_a_code_another_hamlet_writes_is_not_offered(tmp_path):
    """NM4 blank at Nà Mòn's B8 while Bản Cọ's list writes NM4 (the household gone there, or the
    code another's): writing 'NM4' at B8 would put one code in two hamlets, both rows then left
    out. Before: B8 was told "hãy ghi 'NM4' vào ô này" (the code looked for in Nà Mòn's file
    only). Now B8 is told plainly, in a run and in `check` alike."""
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    ban_co.append(person("NM4", "near_poor"))
    issues, files = _run(tmp_path, _rows({"ma_ho": None}), ban_co)
    b8 = _at(issues, "missing-household-id", "B8")
    assert b8.variant != "start"
    assert b8.message("vi") == PLAIN
    [checked] = [
        i for i in check_files(files) if i.code == "missing-household-id" and i.cell == "B8"
    ]
    assert checked.variant != "start" and checked.message("vi") == PLAIN


def test_a_head_on_the_list_under_another_code_is_not_offered_the_start_code(tmp_path):
    """'Hoàng Văn NM4' (1970) at B8 without a code, and at B10 under 'NM9' (a code written for
    him since): offering 'NM4' at B8 would write one household under two codes. Before: B8 was
    told to write 'NM4'. Now it is told plainly."""
    rows = _rows({"ma_ho": None})
    rows.append(dict(person("NM9", "near_poor"), chu_ho="Hoàng Văn NM4"))
    issues, _ = _run(tmp_path, rows)
    b8 = _at(issues, "missing-household-id", "B8")
    assert b8.variant != "start"
    assert b8.message("vi") == PLAIN


def test_the_start_code_is_still_offered_where_nothing_else_claims_it(tmp_path):
    """Guard: NM4 blank at B8, Bản Cọ's list with its own codes only: B8 is told 'NM4'."""
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    issues, _ = _run(tmp_path, _rows({"ma_ho": None}), ban_co)
    b8 = _at(issues, "missing-household-id", "B8")
    assert (b8.variant, b8.instead) == ("start", "NM4")


def test_two_start_households_of_one_name_and_year_offer_no_code(tmp_path):
    """Guard: the start list has 'Hoàng Văn NM4' (1970) twice in Nà Mòn, NM4 and NM5 (a father
    and son of one name, or two homonyms): B8's blank code is told plainly, neither offered."""
    folder = tmp_path / "input"
    folder.mkdir()
    start = [
        dict(row, chu_ho="Hoàng Văn NM4") if row["ma_ho"] == "NM5" else row for row in start_list()
    ]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, _rows({"ma_ho": None}))
    issues = execute(folder, tmp_path / "output", "2024-05")[0].issues
    b8 = _at(issues, "missing-household-id", "B8")
    assert b8.variant != "start" and b8.message("vi") == PLAIN


# --- one code on two rows under two heads' names ---------------------------------------------


PASTED = "Mã hộ 'NM4' bị trùng với dòng 10 của danh sách này. Nếu là cùng một hộ được ghi nhiều lần"


def _twice(tmp_path, **again) -> list:
    """NM4's row (B8) and again at B10 with ``again`` changed: the issues at B8 and B10."""
    rows = _rows() + [dict(person("NM4", "near_poor"), **again)]
    issues, _ = _run(tmp_path, rows)
    return [_at(issues, "duplicate-household-id", cell) for cell in ("B8", "B10")]


def test_a_row_pasted_twice_with_a_one_letter_slip_in_the_name_is_said_as_pasted(tmp_path):
    """B8 'Hoàng Văn Hùng', B10 'Hoàng Văn Hùn' (the 'g' lost retyping the row, the ID number
    left out): one head.
    Before: "là hai hộ khác nhau, mỗi hộ phải có mã riêng", which sends the head to the commune
    for a second code of one household. Now the message of a row written twice."""
    rows = _rows({"chu_ho": "Hoàng Văn Hùng"})
    rows.append(dict(person("NM4", "near_poor"), chu_ho="Hoàng Văn Hùn", so_dinh_danh=None))
    issues, _ = _run(tmp_path, rows)
    b8, b10 = (_at(issues, "duplicate-household-id", cell) for cell in ("B8", "B10"))
    assert (b8.variant, b10.variant) == ("one-hamlet", "one-hamlet")
    assert b8.message("vi").startswith(PASTED)


def test_a_name_written_after_a_word_of_address_is_the_same_head(tmp_path):
    """B8 'Hoàng Văn NM4', B10 'Ông Hoàng Văn NM4' (no ID number): one head. Before: two
    households."""
    b8, b10 = _twice(tmp_path, chu_ho="Ông Hoàng Văn NM4", so_dinh_danh=None)
    assert (b8.variant, b10.variant) == ("one-hamlet", "one-hamlet")
    assert b8.message("vi").startswith(PASTED)


def test_one_id_number_under_two_names_is_the_same_head(tmp_path):
    """B8 'Hoàng Văn NM4', B10 'Hoàng Văn Bốn', both with NM4's ID number: one person by the
    tables' rule (timeline.same_head). Before: two households."""
    b8, b10 = _twice(tmp_path, chu_ho="Hoàng Văn Bốn")
    assert (b8.variant, b10.variant) == ("one-hamlet", "one-hamlet")


def test_a_name_in_capitals_without_marks_is_the_same_head(tmp_path):
    """Guard: B10 'HOANG VAN NM4' (capitals, no marks): one head, as before."""
    b8, _ = _twice(tmp_path, chu_ho="HOANG VAN NM4", so_dinh_danh=None)
    assert b8.variant == "one-hamlet"


def test_husband_and_wife_on_two_rows_are_not_said_to_be_two_households(tmp_path):
    """B8 'Hoàng Văn NM4' (Nam, 1970), B10 'Lê Thị Hoa' (Nữ, 1972, her own ID number): the
    household whose head is now the wife, its old row left in, or a household split off: the
    list cannot tell. Before: "là hai hộ khác nhau, mỗi hộ phải có mã riêng", which has the head
    ask a second code for one household (counted twice). Now both heads are named and both
    cases said."""
    b8, b10 = _twice(
        tmp_path, chu_ho="Lê Thị Hoa", nam_sinh=1972, gioi_tinh="Nữ", so_dinh_danh="012345675678"
    )
    assert (b8.variant, b10.variant) == ("one-hamlet-heads", "one-hamlet-heads")
    assert b8.message("vi") == (
        "Mã hộ 'NM4' cũng được ghi ở dòng 10 của danh sách này cho một chủ hộ khác (dòng này ghi "
        "'Hoàng Văn NM4', dòng 10 ghi 'Lê Thị Hoa'). Nếu là hai hộ khác nhau (như hộ mới tách "
        "hộ), mỗi hộ phải có mã riêng: hãy giữ mã này ở dòng của hộ đã có mã này trong sổ quản "
        "lý hộ nghèo của xã, và ghi cho hộ kia mã của hộ đó; hộ mới tách hộ hay mới phát sinh "
        "chưa có mã thì hãy hỏi cán bộ xã mã hộ mới rồi ghi vào. Nếu là cùng một hộ (như hộ đã "
        "đổi chủ hộ), hãy xóa dòng thừa, chỉ giữ dòng ghi chủ hộ hiện nay (các dòng này tạm "
        "chưa được tính)."
    )
    assert "là hai hộ khác nhau, mỗi hộ" not in b10.message("vi")
    assert b10.message("en").startswith(
        "Household code 'NM4' is also written at row 8 of this list for another head (this row "
        "says 'Lê Thị Hoa', row 8 says 'Hoàng Văn NM4'). If they are two households"
    )
