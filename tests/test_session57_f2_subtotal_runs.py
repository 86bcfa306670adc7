"""Session 57 (helper F2): a group's subtotal ('Cộng tổ 1') whose figures are those of the
household rows right under it or right above it is no stale subtotal.

Helper F's rule set a subtotal passed over beside the rows since the last total, else all the
coded rows under it (to the next row without a code). A right 'Cộng tổ 1' on top of its tổ
with no 'Cộng tổ 2' to end the group was then compared with every household under it and
told subtotal-differs though it adds up. Now a run of households next to the label (the
nearest, then the two nearest, …, under it or above it) that gives every figure is its tổ:
nothing said; told only where no such run exists.

The small commune (tests.commune): each household born 1970, 4 people, class 'Hộ nghèo'. Nà
Mòn's list from row 5: A STT, B Mã hộ, C name, D Năm sinh, H Số nhân khẩu, I Phân loại hộ.
"""

from __future__ import annotations

from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run
from tests.test_session57_f_stale_subtotals import issues_told

_FOUR = [person(code, "poor") for code in ("NM1", "NM2", "NM3", "NM4")]
_READ_FOUR = [household_row(code) for code in ("NM1", "NM2", "NM3", "NM4")]


def test_a_right_subtotal_on_top_with_no_end_to_its_group_is_not_told(tmp_path):
    """Row 5 'Cộng tổ 1 | 3,940 | … | 8' on top of NM1, NM2 (rows 6-7), then NM3, NM4 of tổ 2
    (rows 8-9) with no 'Cộng tổ 2' under them: rows 6-7 add up to 3,940 and 8. Was: told
    subtotal-differs at D5, set beside rows 6-9 (7,880, 16). Now nothing said; NM1-NM4, poor
    4. The same 'Cộng tổ 2 | 3,940 | … | 8' at the bottom (row 9) under NM1-NM4 with no 'Cộng
    tổ 1' over tổ 1: rows 7-8 right above it add up; nothing said."""
    on_top = total_sums_run(tmp_path / "top", [None, *_FOUR], {5: {3: "Cộng tổ 1", 4: 3940, 8: 8}})
    assert on_top == ([], _READ_FOUR, (4, 0))
    under = total_sums_run(tmp_path / "under", [*_FOUR, None], {9: {3: "Cộng tổ 2", 4: 3940, 8: 8}})
    assert under == ([], _READ_FOUR, (4, 0))


def test_a_stale_subtotal_on_top_is_still_told_with_its_rows(tmp_path):
    """Row 5 'Cộng tổ 1 | 3,940 | … | 12' on top of NM1-NM4: the rows under it add up to
    3,940 years over two (rows 6-7) but 12 people over three (rows 6-8), no run gives both.
    Told at D5, set beside all the rows under it (7,880; 16), as before."""
    got = total_sums_run(tmp_path, [None, *_FOUR], {5: {3: "Cộng tổ 1", 4: 3940, 8: 12}})
    assert got == ([("subtotal-differs", "D5")], _READ_FOUR, (4, 0))
    assert issues_told(tmp_path, "subtotal-differs") == [
        (
            "D5",
            "Cộng tổ 1",
            "Dòng 'Cộng tổ 1' (dòng 5) là dòng cộng của một nhóm hộ nhưng khác với các dòng hộ "
            "của nhóm: cột D 'Năm sinh' ghi 3.940, cộng các dòng 6–9 được 7.880; cột H 'Số nhân "
            "khẩu' ghi 12, cộng các dòng 6–9 được 16. Xã không tính dòng này là một hộ và tính "
            "theo từng dòng hộ, không theo dòng cộng. Hãy xem lại: nếu đã xóa hay thêm hộ mà "
            "dòng cộng gõ tay chưa sửa, hãy sửa số ở dòng cộng cho khớp (hoặc xóa dòng cộng); "
            "nếu số của một hộ ghi sai, hãy sửa dòng của hộ đó.",
            "The 'Cộng tổ 1' row (row 5) is a subtotal of a group of households but differs "
            "from the group's household rows: column D 'Năm sinh' holds 3,940, rows 6–9 add up "
            "to 7,880; column H 'Số nhân khẩu' holds 12, rows 6–9 add up to 16. The commune "
            "does not count it as a household and counts the household rows, not the subtotal. "
            "Check it: if a household was deleted or added and the subtotal typed by hand was "
            "not corrected, correct its numbers (or delete the subtotal row); if a household's "
            "number is wrong, correct that household's row.",
        )
    ]


def test_a_subtotal_naming_its_hamlet_without_xom(tmp_path):
    """'Cộng tổ 1 Nà Mòn' (the plan's hamlet after the tổ's number, without 'xóm') at row 7
    over NM1, NM2 (3,940; 8), 'Cộng tổ 2 | 1,970 | … | 4' over NM3 at row 9, 'Tổng cộng |
    5,910 | … | 12' at row 10: its sums passed over unsaid; beside 12 people alone told at H7.
    Was: read as a household (B7, I7), NM1-NM3 and it, poor 3. NM1-NM3 read, poor 3."""
    rows = [*_FOUR[:2], None, _FOUR[2], None, None]
    second = {3: "Cộng tổ 2", 4: 1970, 8: 4}
    grand = {3: "Tổng cộng", 4: 5910, 8: 12}
    label = "Cộng tổ 1 Nà Mòn"
    lines = {7: {3: label, 4: 3940, 8: 8}, 9: second, 10: grand}
    assert total_sums_run(tmp_path / "summed", rows, lines) == ([], _READ_FOUR[:3], (3, 0))
    lines = {7: {3: label, 8: 12}, 9: second, 10: grand}
    told = total_sums_run(tmp_path / "stale", rows, lines)
    assert told == ([("subtotal-differs", "H7")], _READ_FOUR[:3], (3, 0))


def test_a_stale_subtotal_with_no_household_next_to_it_says_so(tmp_path):
    """NM1, NM2 (rows 5-6), 'Cộng tổ 1 | 3,940 | … | 8' (row 7), 'Cộng tổ 2 | … | 4' (row 8:
    tổ 2's household deleted), 'Tổng cộng | 3,940 | … | 8' (row 9). Row 8 has no household
    between it and row 7, nor under it. Was told "cột H 'Số nhân khẩu' ghi 4, cộng không dòng
    nào được 0"; now that no household row is there to add up. NM1, NM2, poor 2."""
    lines = {
        7: {3: "Cộng tổ 1", 4: 3940, 8: 8},
        8: {3: "Cộng tổ 2", 8: 4},
        9: {3: "Tổng cộng", 4: 3940, 8: 8},
    }
    got = total_sums_run(tmp_path, [*_FOUR[:2], None, None, None], lines)
    assert got == ([("subtotal-differs", "H8")], _READ_FOUR[:2], (2, 0))
    [(_, _, vi, en)] = issues_told(tmp_path, "subtotal-differs")
    assert vi.startswith(
        "Dòng 'Cộng tổ 2' (dòng 8) là dòng cộng của một nhóm hộ nhưng khác với các dòng hộ của "
        "nhóm: cột H 'Số nhân khẩu' ghi 4, nhưng không có dòng hộ nào giữa dòng này và dòng "
        "cộng ở trên, cũng không có dòng hộ nào ngay dưới dòng này. Xã không tính dòng này là "
        "một hộ"
    )
    assert en.startswith(
        "The 'Cộng tổ 2' row (row 8) is a subtotal of a group of households but differs from "
        "the group's household rows: column H 'Số nhân khẩu' holds 4, but there is no "
        "household row between it and the total above, nor right under it. The commune"
    )


def _targets_with(folder, at: int, cells: tuple):
    """The plan (tests.test_plan_fixes: targets Nà Mòn 100 | 3 | 2 | 1 | 1 at row 4, Bản Cọ
    200 | 2 | 1 | 1 | 1, Đồng Kè 150 | 1 | 1 | 1 | 1, 'Tổng cộng') with a row inserted at
    ``at`` written ``cells`` from column A: its hamlets and its subtotal-differs issues."""
    from tests.test_plan_fixes import TARGETS, edited, load

    def edit(book):
        sheet = book[TARGETS]
        sheet.insert_rows(at)
        for col, value in enumerate(cells, start=1):
            sheet.cell(at, col).value = value

    plan, issues = load(edited(folder, edit=edit))
    return list(plan.hamlets["hamlet"]), [i for i in issues if i.code == "subtotal-differs"]


def test_the_plans_targets_tell_a_stale_subtotal(tmp_path):
    """Row 6 of the targets 'Cộng tổ 1 | 350 | 6 | 3 | 2 | 2' under Nà Mòn and Bản Cọ (rows
    4-5: 300, 5, 3, 2, 2), Đồng Kè under it (150, 1, …): no run of hamlets next to it gives
    350 and 6. Was: passed over unsaid. Now told at B6 in the plan's words (variant
    'targets'): 350 against 300, 6 against 5; the three hamlets read."""
    hamlets, told = _targets_with(tmp_path, 6, ("Cộng tổ 1", 350, 6, 3, 2, 2))
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]
    assert [(i.cell, i.variant) for i in told] == [("B6", "targets")]
    assert told[0].message("vi") == (
        "Dòng 'Cộng tổ 1' (dòng 6) của bảng chỉ tiêu theo xóm là dòng cộng của một nhóm xóm "
        "nhưng khác với các xóm của nhóm: cột B 'Tổng số hộ đầu năm' ghi 350, cộng các dòng "
        "4–5 được 300; cột C 'Số hộ nghèo đầu năm' ghi 6, cộng các dòng 4–5 được 5. Dòng này "
        "không được đọc là một xóm; kế hoạch tính theo từng xóm, không theo dòng cộng. Hãy "
        "xem lại: nếu đã xóa hay thêm xóm mà dòng cộng gõ tay chưa sửa, hãy sửa số ở dòng "
        "cộng cho khớp (hoặc xóa dòng cộng); nếu số của một xóm ghi sai, hãy sửa dòng của xóm "
        "đó; rồi chạy lại."
    )


def test_a_right_subtotal_on_top_of_the_targets_is_not_told(tmp_path):
    """Row 4 'Cộng tổ 1 | 300 | 5 | 3 | 2 | 2' on top of Nà Mòn and Bản Cọ (rows 5-6), Đồng Kè
    (row 7) under them with nothing to end the group: the two hamlets right under it give
    every figure (each row of the targets names its own hamlet: no run is cut at a change of
    'Xóm' there, as on the start list). Nothing said; the three hamlets read."""
    hamlets, told = _targets_with(tmp_path, 4, ("Cộng tổ 1", 300, 5, 3, 2, 2))
    assert (hamlets, told) == (["Nà Mòn", "Bản Cọ", "Đồng Kè"], [])
