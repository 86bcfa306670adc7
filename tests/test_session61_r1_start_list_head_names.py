"""Session 61 (R1, review of D): on the plan's start list a household whose head is written
'Công' or 'Tống' (a head's given name or family name, which fold to a total's 'cong', 'tong')
with a number for its code is a household, not a hamlet's or the list's total.

The plan: tests.test_plan_fixes (start list 'Danh sách đầu năm' B Xóm, C Mã hộ, D the head's
name, E Năm sinh, H Số định danh, I Số nhân khẩu, J Phân loại hộ; NM1-5 rows 4-8, BC1-3 rows
9-11, DK1-2 rows 12-13: 10 households, Đồng Kè 2).
"""

from __future__ import annotations

import pytest

from tests.test_plan_fixes import START, edited, load


def _start(tmp_path, cells: dict) -> tuple[int, list]:
    def edit(book):
        for ref, value in cells.items():
            book[START][ref] = value

    tmp_path.mkdir()
    plan, said = load(edited(tmp_path, edit=edit))
    told = [(i.code, i.cell) for i in said if not i.code.startswith("plan-")]
    return len(plan.start_list), told


@pytest.mark.parametrize(
    ("name", "code"), [("Công", 2), ("Tống", 12), ("Công", "2")], ids=["cong-2", "tong-12", "text"]
)
def test_a_household_named_cong_in_a_hamlet_is_told_as_a_household(tmp_path, name, code):
    """Row 14 'Đồng Kè | 2 | Công' (a household coded 2, its head written by the given name
    alone, its size and class left blank; or 'Tống' coded 12). By hand: a household whose size
    and class are missing, said at I14 and J14 as at 4a4a1598, the start list's 10 households
    read. Before this review: taken as Đồng Kè's total ('Cộng' folded alike), dropped unsaid
    (2: Đồng Kè's 2 rows) or said total-count-differs 'plan-hamlet' at C14 (12)."""
    cells = {"B14": "Đồng Kè", "C14": code, "D14": name}
    assert _start(tmp_path / "t", cells) == (
        10, [("invalid-household-size", "I14"), ("invalid-classification", "J14")]
    )  # fmt: skip


def test_a_household_named_cong_under_the_last_one_is_told_its_hamlet_blank(tmp_path):
    """Row 14 '| 10 | Công' under DK2, 'Xóm' blank. By hand: a household without its hamlet,
    said start-list-hamlet-blank at B14 as at 4a4a1598. Before this review: taken as the list's
    total (10 = its rows), dropped unsaid."""
    assert _start(tmp_path / "t", {"C14": 10, "D14": "Công"}) == (
        10, [("start-list-hamlet-blank", "B14")]
    )  # fmt: skip


@pytest.mark.parametrize("label", ["Cộng", "Cong", "CỘNG:"])
def test_a_total_written_as_one_beside_its_hamlet_is_still_its_total(tmp_path, label):
    """Guard (passes before and after): 'Đồng Kè | 2 | Cộng' (or 'Cong' typed without marks,
    'CỘNG:'): Đồng Kè's total, right; nothing said, 10 households."""
    assert _start(tmp_path / "t", {"B14": "Đồng Kè", "C14": 2, "D14": label}) == (10, [])
