"""Session 57 (review R3 of helpers F and F2): a group's subtotal ('Cộng tổ 2') is no household
code where the rows under a subtotal on top are looked for.

The start list has no strong key: a row holding any of Mã hộ, the head's name or the class is
coded. A subtotal's label is written in the name column ('Nà Mòn | | Cộng tổ 2 | … | 8'), so
the households right under a subtotal on top ran on through the next tổ's subtotal and its
households to the hamlet's end: a stale 'Cộng tổ 1' whose figure its own tổ and the next
subtotal added together happened to give passed unsaid (and each stale subtotal scanned the
list to its end).

The plan's start list (tests.test_plan_fixes.edited): Nà Mòn's NM1-NM5, each 4 people (column
I 'Số nhân khẩu'), B Xóm, C Mã hộ, D the head's name.
"""

from __future__ import annotations

from tests.test_plan_fixes import START, edited, load


def _start_with(folder, rows: list[tuple[int, dict[int, object]]]):
    """The start list with ``rows`` inserted (Excel row, {column: value}) one after another:
    its issues other than the plan's (code, cell, Vietnamese) and its households."""

    def edit(book):
        sheet = book[START]
        for at, cells in rows:
            sheet.insert_rows(at)
            for col, value in cells.items():
                sheet.cell(at, col).value = value

    folder.mkdir(parents=True, exist_ok=True)
    plan, issues = load(edited(folder, edit=edit))
    said = [(i.code, i.cell, i.message("vi")) for i in issues if not i.code.startswith("plan-")]
    return said, len(plan.start_list)


def test_a_stale_subtotal_on_top_is_not_given_by_the_next_subtotal_on_the_start_list(tmp_path):
    """Subtotals on top of each tổ: row 4 'Cộng tổ 1 | 12' over NM1 (row 5: 4 people; two of
    its households deleted since), row 6 'Cộng tổ 2 | 8' over NM2, NM3 (rows 7-8: 8), row 9
    'Cộng tổ 3 | 8' over NM4, NM5 (rows 10-11: 8). Was: the rows under row 4 ran on through
    row 6, its 8 added to NM1's 4 gave 12: nothing said. Now row 4 is told at I4 beside row 5
    alone (4 people); rows 6 and 9 add up, unsaid; 10 households read."""
    label = {2: "Nà Mòn", 4: "Cộng tổ 1", 9: 12}
    second = {2: "Nà Mòn", 4: "Cộng tổ 2", 9: 8}
    third = {2: "Nà Mòn", 4: "Cộng tổ 3", 9: 8}
    said, households = _start_with(tmp_path, [(4, label), (6, second), (9, third)])
    assert households == 10
    assert [(code, cell) for code, cell, _ in said] == [("subtotal-differs", "I4")]
    assert (
        "là dòng cộng của một nhóm hộ nhưng khác với các dòng hộ của nhóm: cột I 'Số nhân khẩu' ghi 12, cộng dòng 5 được 4. "
        in said[0][2]
    )
