"""Session 63 (helper B): a head whose row, left out for an error of its own, uses another hamlet's
household's Mã hộ is told so at once, at the row's 'Mã hộ' cell (session 62 B's Left (1)).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list.
The twin: Lò Thị Trùng NM5 (1981, another ID number) written under 'NM5' in Bản Cọ's list with 0
members, its fourth row (row 8, Mã hộ in B8): left out for that error (H8), another household's
row (session 61). Fixing the size alone would count it next month under NM5, or, where Nà Mòn
lists NM5 that month, leave both rows out for the code written twice: its head is told now, a
'code-changed' warning (variant 'reused-left-out') beside the size's error."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
from click.testing import CliRunner

from pipeline.cli import main
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_b_other_household_rows import (
    VANISHED_NM5,
    asked_of,
    gone_in_may_back_in_june,
    na_mon_with,
    near_of,
    other_head_nm5,
)


def told(listed: str) -> str:
    """The warning's Vietnamese words, the household's head on ``listed`` of Nà Mòn."""
    return (
        f"Mã hộ 'NM5' đã là mã của hộ 'Hoàng Văn NM5' trong {listed} của xóm Nà Mòn; nay ghi "
        "cho hộ 'Lò Thị Trùng NM5', chủ hộ khác họ tên (và khác số định danh, nếu có ghi). Dòng "
        "này chưa được tính vì lỗi khác đã báo ở cùng dòng. Khi sửa lỗi đó: nếu là hai hộ khác "
        "nhau, xin xã cấp mã hộ riêng cho hộ này rồi ghi vào ô này (giữ mã 'NM5' thì dòng bị hiểu "
        "nhầm là hộ kia, và khi xóm đó cũng ghi mã này thì cả hai dòng đều không được tính); nếu "
        "ghi nhầm họ tên chủ hộ, sửa cho giống danh sách trước; nếu hộ đổi chủ hộ (vợ, chồng, "
        "con… làm chủ hộ), giữ nguyên mã và báo cán bộ xã (hộ sẽ được tính là hộ mới, không phải "
        "hộ chuyển đến)."
    )


TOLD_START = told("danh sách đầu năm")
TOLD_EN = (
    "Mã hộ 'NM5' is the code of household 'Hoàng Văn NM5' in the start-of-year list of hamlet "
    "Nà Mòn; it is now written for household 'Lò Thị Trùng NM5', another head's name (and ID "
    "number, where both give one). This row is not counted yet, for another error said on the "
    "same row. When you correct that error: if they are two households, ask the commune for this "
    "household's own Mã hộ and write it in this cell (kept under 'NM5', the row would be taken "
    "for that other household, and once that hamlet writes 'NM5' too, both rows are left out); "
    "if the head's name is mistyped, correct it to match the earlier list; if the household's "
    "head has changed (a spouse, a child…), keep the code and tell the commune officer (it will "
    "be counted as new, not as moved in)."
)


def twin() -> dict:
    return other_head_nm5(nhan_khau=0)


def said_rows(out, period: str) -> list[tuple]:
    """'Lỗi dữ liệu''s rows of Bản Cọ's list: (file, cell, column, severity, code, message)."""
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", read_only=True)
    rows = [(r[2], r[4], r[6], r[8], r[9], r[10])
            for r in book["Lỗi dữ liệu"].iter_rows(min_row=8, values_only=True)
            if r[9] and r[1] == "Bản Cọ"]  # fmt: skip
    book.close()
    return rows


def code_changed(out, period: str) -> list[tuple]:
    book = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", read_only=True)
    rows = [(r[1], r[4], r[7], r[10])
            for r in book["Lỗi dữ liệu"].iter_rows(min_row=8, values_only=True)
            if r[9] == "code-changed"]  # fmt: skip
    book.close()
    return rows


def summary_of(out, period: str) -> dict:
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def test_the_twin_left_out_for_its_size_is_told_its_code_is_nm5s_at_once(tmp_path):
    """Worked by hand. April, the commune's first run: Nà Mòn sends nothing; Bản Cọ's list
    holds BC1-BC3 and the twin (0 members) in row 8; Đồng Kè its own. Bản Cọ's two lines, in
    the row's order: the new warning at B8 (Mã hộ, value 'NM5') naming NM5's head on the start
    list of Nà Mòn, then the size's error at H8. The figures are as before (session 61's story): Bản Cọ 2 poor
    and 1 near-poor to the same, the twin not counted (1 row left out); May, Nà Mòn without
    NM5, it is exited and asked; June back, tái cận nghèo. Before: no line at B8."""
    folder, out = new_commune(tmp_path)
    april = run_lists(folder, out, "2024-04",
                      {"Bản Cọ": [*bc_rows(), twin()], "Đồng Kè": dk_rows()})  # fmt: skip
    said = said_rows(out, "2024-04")
    assert [row[:5] for row in said] == [
        ("DS_0_2024-04.xlsx", "B8", "Mã hộ", "Cảnh báo", "code-changed"),
        ("DS_0_2024-04.xlsx", "H8", "Số nhân khẩu", "Lỗi", "invalid-household-size"),
    ]
    assert said[0][5] == TOLD_START
    assert code_changed(out, "2024-04") == [("Bản Cọ", "B8", "NM5", TOLD_START)]
    # the figures are not touched: Bản Cọ's tables as its start list, the twin not counted
    summary = summary_of(out, "2024-04")
    assert near_of(april["Bản Cọ"], "movements") == {"start": 1, "end": 1}
    assert april["Bản Cọ"]["movements_month"] is None  # the first month: none to compare with
    assert (april["Bản Cọ"]["poor"], april["Bản Cọ"]["near_poor"]) == (2, 1)
    assert summary["issues"]["rows_left_out"] == 1
    assert not [r for r in listed_movements(out, "2024-04") if r[1] == "NM5"]
    gone_in_may_back_in_june(folder, out)
    assert not code_changed(out, "2024-05") and not code_changed(out, "2024-06")


def test_the_warning_counts_in_the_json_and_marks_the_feedback_copys_cell(tmp_path):
    """April as above. The JSON's issues count it: a run without the twin has no error and
    two warnings (the plan's targets above its start rates, B7 and B8); with it, one error (the
    size, H8) and three warnings, this one the third. The hamlet head's feedback
    copy (PhanHoi/Bản Cọ_2024-04.xlsx) lists it at B8 with its words, after the size's error,
    and marks B8 of the copied sheet, its note saying the code is another household's."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    without = summary_of(out, "2024-04")["issues"]
    run_lists(folder, out, "2024-04", {"Bản Cọ": [*bc_rows(), twin()], "Đồng Kè": dk_rows()})
    issues = summary_of(out, "2024-04")["issues"]
    assert (without["errors"], without["warnings"]) == (0, 2)
    assert (issues["errors"], issues["warnings"]) == (1, 3)
    book = openpyxl.load_workbook(out / "2024-04" / "PhanHoi" / "Bản Cọ_2024-04.xlsx")
    guide = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(guide) if r[:3] == ("STT", "Trang", "Ô"))
    names = guide[head]
    listed = [dict(zip(names, r, strict=True)) for r in guide[head + 1 :] if r[0] is not None]
    assert [(r["Ô"], r["Mức độ"]) for r in listed] == [("H8", "Lỗi"), ("B8", "Cảnh báo")]
    assert listed[1]["Cần sửa"] == TOLD_START
    assert listed[1]["Giá trị đã ghi"] == "NM5"
    copy = book["Danh sách"]
    assert copy["B8"].value == "NM5"
    assert "mã riêng" in copy["B8"].comment.text or "mã hộ riêng" in copy["B8"].comment.text


def test_check_says_it_as_the_run_does_before_and_after_the_run(tmp_path):
    """`check` of April's lists says the warning as the run does: before the commune's first
    run (no history) and after it (the history read); in English with --lang en."""
    folder, out = new_commune(tmp_path)
    line = f"[Cảnh báo] DS_0_2024-04.xlsx, Danh sách, B8 (code-changed): {TOLD_START}\n"
    write_roster(folder, "DS_0_2024-04.xlsx", "Bản Cọ", 200, [*bc_rows(), twin()], "2024-04",
                 date(2024, 5, 3))  # fmt: skip
    write_roster(folder, "DS_1_2024-04.xlsx", "Đồng Kè", 150, dk_rows(), "2024-04",
                 date(2024, 5, 3))  # fmt: skip
    out.mkdir()  # the officer's output folder, no history in it yet
    before = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert line in before
    run_lists(folder, out, "2024-04", {"Bản Cọ": [*bc_rows(), twin()], "Đồng Kè": dk_rows()})
    after = CliRunner().invoke(main, ["check", str(folder), "--output", str(out)]).output
    assert line in after
    english = (
        CliRunner()
        .invoke(main, ["check", str(folder), "--output", str(out), "--lang", "en"])
        .output
    )
    assert f"B8 (code-changed): {TOLD_EN}\n" in english


def test_a_later_month_names_nm5s_latest_list_and_the_walk_leaves_it_exited(tmp_path):
    """April: the three lists (NM5 on Nà Mòn's). May: Nà Mòn's list without NM5, Bản Cọ's with
    the twin (0 members). The twin's row is told NM5 is Hoàng Văn NM5's on Nà Mòn's April list
    (its latest list), at B8. The tables as session 61 has them (the walk's ``others``): Nà
    Mòn's year table near-poor 2, exited 1, 1, its head asked; Bản Cọ 1 to 1, nothing moved."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    may = run_lists(folder, out, "2024-05",
                    {"Bản Cọ": [*bc_rows(), twin()], "Nà Mòn": na_mon_with(False),
                     "Đồng Kè": dk_rows()})  # fmt: skip
    assert code_changed(out, "2024-05") == [("Bản Cọ", "B8", "NM5", told("danh sách tháng 4/2024"))]
    for scope in ("movements", "movements_month"):
        assert near_of(may["Nà Mòn"], scope) == {"start": 2, "exited": 1, "end": 1}
        assert near_of(may["Bản Cọ"], scope) == {"start": 1, "end": 1}
    assert asked_of(out, "2024-05") == [("Nà Mòn", None, "NM5 (Hoàng Văn NM5)", VANISHED_NM5)]


def test_the_households_own_head_in_a_row_left_out_elsewhere_is_not_told(tmp_path):
    """A guard (passes before): NM5's own head (name, birth year and ID number as the start
    list's) in Bản Cọ's April list with 0 members: the household moved into a row with an error
    (sessions 10 and 39), its code its own: no 'code-changed' line, the size's error alone."""
    folder, out = new_commune(tmp_path)
    own = person("NM5", "near_poor", nhan_khau=0)
    run_lists(folder, out, "2024-04", {"Bản Cọ": [*bc_rows(), own], "Đồng Kè": dk_rows()})
    assert [row[1:5] for row in said_rows(out, "2024-04")] == [
        ("H8", "Số nhân khẩu", "Lỗi", "invalid-household-size")
    ]


def test_the_twin_beside_nm5_on_nà_mòns_list_now_is_told_the_code_written_twice(tmp_path):
    """A guard (passes before): April, Nà Mòn's list writes NM5 and Bản Cọ's the twin (0
    members): the code written twice in the commune, both rows left out and each told so
    (duplicate-household-id, naming the other row: contract §4); no 'code-changed' line."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Bản Cọ": [*bc_rows(), twin()], "Nà Mòn": na_mon_with(), "Đồng Kè": dk_rows()})  # fmt: skip
    said = said_rows(out, "2024-04")
    assert ("B8", "duplicate-household-id") in [(row[1], row[4]) for row in said]
    assert not code_changed(out, "2024-04")


def test_a_row_left_out_for_another_error_of_its_own_is_told_too(tmp_path):
    """The twin with 4 members and a 'Phân loại hộ' no list has ('Không rõ'): left out for that
    error (I8), its list's one row of NM5, which the history walk and the tables read as
    another household's row as they read one of 0 members (sessions 61 and 62: May, Nà Mòn's
    list without NM5, NM5 exited and asked, not moved to Bản Cọ): told the same at B8. Before:
    the classification's error alone."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Bản Cọ": [*bc_rows(), other_head_nm5(phan_loai="Không rõ")],
               "Đồng Kè": dk_rows()})  # fmt: skip
    assert [row[1:5] for row in said_rows(out, "2024-04")] == [
        ("B8", "Mã hộ", "Cảnh báo", "code-changed"),
        ("I8", "Phân loại hộ", "Lỗi", "invalid-classification"),
    ]
    assert code_changed(out, "2024-04") == [("Bản Cọ", "B8", "NM5", TOLD_START)]
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert asked_of(out, "2024-05") == [("Nà Mòn", None, "NM5 (Hoàng Văn NM5)", VANISHED_NM5)]
