"""Session 59, E3: a total's count typed bare under 'Mã hộ' that counts no household, on the
plan's start list and on a group's subtotal in the middle of a list (R1's Left a and b).

The plan: tests.test_plan_fixes (start list 'Danh sách đầu năm' B Xóm, C Mã hộ, D the head's
name; NM1-5 rows 4-8, BC1-3 rows 9-11, DK1-2 rows 12-13: 10 households). The lists: Nà Mòn's
from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I Phân loại hộ
(tests.test_session52_total_sums.total_sums_run); NM1 born 1958, NM2 1962, NM3 1975, poor, 4
people each: NM1 and NM2's years add up to 3,920, their people to 8.
"""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person
from tests.test_plan_fixes import START, edited, load
from tests.test_session52_total_sums import household_row, total_sums_run


def _start_total(count):
    def edit(book):
        sheet = book[START]
        sheet.cell(14, 2).value = "Tổng cộng"
        sheet.cell(14, 3).value = count

    return edit


def test_the_start_lists_total_counting_no_households_is_said(tmp_path):
    """Row 14 of the start list, under its 10 households: 'Tổng cộng' (under Xóm) with 5 under
    Mã hộ, a number or '5' as text. By hand: not a household (10 read), said once, a warning at
    C14, as the lists say it: '5' written, 10 household rows. Before this session: a household
    coded 5 of an unknown hamlet 'Tổng cộng' (an error); after E and R1, before E3: nothing
    said."""
    for name, count in (("number", 5), ("text", "5")):
        (tmp_path / name).mkdir()
        plan, issues = load(edited(tmp_path / name, edit=_start_total(count)))
        said = [i for i in issues if not i.code.startswith("plan-")]
        assert [
            (i.code, i.cell, i.row, i.severity, i.variant, i.value, i.detail) for i in said
        ] == [("total-count-differs", "C14", 14, "warning", "plan", "5", "10")], name
        assert len(plan.start_list) == 10
    assert said[0].message("vi") == (
        "Dòng tổng cộng (dòng 14) của danh sách đầu năm ghi '5' nhưng danh sách có 10 dòng hộ; "
        "dòng này không được tính là một hộ, danh sách đầu năm tính theo từng dòng hộ, không "
        "theo số tổng. Hãy đếm lại: nếu thiếu hộ nào, hãy ghi thêm dòng của hộ đó; nếu có hộ ghi "
        "hai lần, hãy xóa dòng thừa; nếu số tổng gõ nhầm, hãy sửa số tổng; rồi chạy lại."
    )
    assert (
        said[0]
        .message("en")
        .startswith(
            "The total row (row 14) of the start-of-year list says '5' but the list has 10 household "
            "rows;"
        )
    )


def test_the_start_lists_total_counting_its_households_is_passed_over_unsaid(tmp_path):
    """Guard: 'Tổng cộng | 10' (the 10 households): passed over, nothing said, 10 read."""
    plan, issues = load(edited(tmp_path, edit=_start_total(10)))
    assert [i.code for i in issues if not i.code.startswith("plan-")] == []
    assert len(plan.start_list) == 10


def _two_then_one() -> list:
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962), None,
            person("NM3", "poor", nam_sinh=1975)]  # fmt: skip


HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


def test_a_groups_subtotal_mid_list_counting_wrong_is_said_as_differing(tmp_path):
    """Row 7, between NM1-NM2 (rows 5-6) and NM3 (row 8): 'Cộng tổ 1' with 5 under Mã hộ and
    NM1+NM2's sums 3,920 and 8 (numbers, or all as text; or the label in the name's column).
    By hand: the group's 2 households, not 5: passed over, said once at B7 as
    subtotal-differs; NM1-NM3 read, poor 3. Before: a household coded 5 without name, year or
    class (missing-head-name C7, invalid-birth-year D7, invalid-classification I7)."""
    for name, line in (
        ("numbers", {1: "Cộng tổ 1", 2: 5, 4: 3920, 8: 8}),
        ("text", {1: "Cộng tổ 1", 2: "5", 4: "3920", 8: "8"}),
        ("in the name's column", {2: 5, 3: "Cộng tổ 1", 4: 3920, 8: 8}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _two_then_one(), {7: line})
        assert (issues, read, counts) == ([("subtotal-differs", "B7")], HOUSEHOLDS, (3, 0)), name


def test_the_groups_count_differing_says_the_count_and_the_rows(tmp_path):
    """The words: 'cột B 'Mã hộ' ghi 5, các dòng 5–6 có 2 ô ghi', a warning at B7."""
    total_sums_run(tmp_path, _two_then_one(), {7: {1: "Cộng tổ 1", 2: 5, 4: 3920, 8: 8}})
    result, _ = collect(tmp_path, None)
    told = [i for i in result.issues if i.code == "subtotal-differs"]
    assert [(i.row, i.cell, i.severity, i.value) for i in told] == [
        (7, "B7", "warning", "Cộng tổ 1")
    ]
    assert (
        told[0]
        .message("vi")
        .startswith(
            "Dòng 'Cộng tổ 1' (dòng 7) là dòng cộng của một nhóm hộ nhưng khác với các dòng hộ của "
            "nhóm: cột B 'Mã hộ' ghi 5, các dòng 5–6 có 2 ô ghi. Xã không tính dòng này là một hộ"
        )
    )


def test_a_mid_list_row_not_plainly_a_groups_subtotal_stays_a_household(tmp_path):
    """Guards (pass before and after): on row 7 a figure not NM1+NM2's (3,921), the figures
    left out (the count alone), a class written ('Hộ nghèo'), a head's name ('Nguyễn Văn A'),
    or 'Tổng cộng' (no group named) with 5 under Mã hộ: a household coded 5, told at row 7, not
    counted; NM1-NM3 counted, poor 3; no subtotal-differs."""
    for name, line in (
        ("a figure off", {1: "Cộng tổ 1", 2: 5, 4: 3921, 8: 8}),
        ("the count alone", {1: "Cộng tổ 1", 2: 5}),
        ("a class", {1: "Cộng tổ 1", 2: 5, 4: 3920, 8: 8, 9: "Hộ nghèo"}),
        ("a name", {1: "Cộng tổ 1", 2: 5, 3: "Nguyễn Văn A", 4: 3920, 8: 8}),
        ("a grand total's words", {1: "Tổng cộng", 2: 5, 4: 3920, 8: 8}),
    ):
        issues, read, counts = total_sums_run(tmp_path / name, _two_then_one(), {7: line})
        assert [(str(c), v) for c, _, v in read] == [("NM1", True), ("NM2", True), ("5", False),
                                                     ("NM3", True)], name  # fmt: skip
        assert issues and {cell[1:] for _, cell in issues} == {"7"}, name
        assert "subtotal-differs" not in {code for code, _ in issues}, name
        assert counts == (3, 0), name
