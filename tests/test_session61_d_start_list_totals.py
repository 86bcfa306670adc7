"""Session 61 (D): the plan's start list's hamlet totals writing their count under 'Mã hộ'
(bare, or beside the hamlet in 'Xóm'), read as households until now (session 60 R1's Left).

The plan: tests.test_plan_fixes (start list 'Danh sách đầu năm' B Xóm, C Mã hộ, D the head's
name; NM1-5 rows 4-8, BC1-3 rows 9-11, DK1-2 rows 12-13: 10 households, Nà Mòn 5, Bản Cọ 3,
Đồng Kè 2).
"""

from __future__ import annotations

import pytest

from tests.test_plan_fixes import start_edited, told

# --- the start list's hamlet totals with their count under 'Mã hộ' --------------------------------


@pytest.mark.parametrize("count", [2, "2", "2 hộ"])
def test_a_hamlets_total_with_its_right_count_under_ma_ho_is_no_household(tmp_path, count):
    """Row 14 under DK1-DK2: 'Cộng xóm Đồng Kè' (the head's name) with 2 under 'Mã hộ' (bare,
    as text, or '2 hộ'). By hand: Đồng Kè's total, right: nothing said, the start list's 10
    households. Before (the bare 2): read as a household without its hamlet,
    start-list-hamlet-blank at B14."""
    assert start_edited(tmp_path / "t", {"D14": "Cộng xóm Đồng Kè", "C14": count}) == (10, [])


def test_a_hamlets_total_with_a_wrong_bare_count_is_said(tmp_path):
    """'Cộng xóm Đồng Kè | 3' at row 14 (Đồng Kè has 2), and 'Cộng xóm Nà Mòn | 4' inserted as
    row 9 under NM1-NM5 (5). By hand: no household; said total-count-differs 'plan-hamlet' at
    C14 ('3', 2) and C9 ('4', 5), as the same counts with 'hộ' are (session 60 review); the
    start list's 10 households. Before: read as households without their hamlet (said
    start-list-hamlet-blank at B14, B9)."""
    got = start_edited(tmp_path / "last", {"D14": "Cộng xóm Đồng Kè", "C14": 3})
    assert (got[0], told(got[1])) == (
        10, [("total-count-differs", "C14", "plan-hamlet", "3", "2", "Đồng Kè")]
    )  # fmt: skip
    got = start_edited(tmp_path / "mid", {"D9": "Cộng xóm Nà Mòn", "C9": 4}, insert=9)
    assert (got[0], told(got[1])) == (
        10, [("total-count-differs", "C9", "plan-hamlet", "4", "5", "Nà Mòn")]
    )  # fmt: skip
    assert (
        got[1][0]
        .message("vi")
        .startswith(
            "Dòng cộng của xóm Nà Mòn (dòng 9) trong danh sách đầu năm ghi '4' nhưng danh sách "
            "có 5 dòng hộ của xóm Nà Mòn;"
        )
    )


def test_a_hamlets_total_named_in_xom_beside_cong_is_its_total(tmp_path):
    """Row 14 'Đồng Kè | 3 hộ | Cộng' (the hamlet under 'Xóm', the count under 'Mã hộ',
    'Cộng' as the head's name): Đồng Kè's total, which has 2. By hand: said total-count-differs
    'plan-hamlet' at C14 ('3 hộ', 2); '2 hộ' and a bare 2 there, and 'Đồng Kè | 10 | Tổng
    cộng' (the whole list's 10, its last hamlet copied down 'Xóm'): nothing; 10 households
    each. Before: read as a household (its code a count, its size and class said)."""
    got = start_edited(tmp_path / "wrong", {"B14": "Đồng Kè", "C14": "3 hộ", "D14": "Cộng"})
    assert (got[0], told(got[1])) == (
        10, [("total-count-differs", "C14", "plan-hamlet", "3 hộ", "2", "Đồng Kè")]
    )  # fmt: skip
    for name, count, label in (("ho", "2 hộ", "Cộng"), ("bare", 2, "Cộng"),
                               ("whole", 10, "Tổng cộng")):  # fmt: skip
        cells = {"B14": "Đồng Kè", "C14": count, "D14": label}
        assert start_edited(tmp_path / name, cells) == (10, []), name


def test_the_lists_total_in_the_name_with_a_bare_count_is_its_total(tmp_path):
    """Row 14 under the 10 households: 'Tổng cộng' as the head's name, 'Xóm' blank, a bare count
    under 'Mã hộ'. By hand: the list's total, no household: 10 (all) and 2 (Đồng Kè's, the last
    hamlet's) unsaid; 5 said total-count-differs 'plan' at C14 ('5', 10 rows), as 'Tổng cộng |
    5' under 'Xóm' is (session 59, E3). Before: read as a household without its hamlet,
    start-list-hamlet-blank at B14."""
    for name, count in (("all", 10), ("last", 2)):
        assert start_edited(tmp_path / name, {"D14": "Tổng cộng", "C14": count}) == (10, []), name
    got = start_edited(tmp_path / "wrong", {"D14": "Tổng cộng", "C14": 5})
    assert (got[0], told(got[1])) == (10, [("total-count-differs", "C14", "plan", "5", "10", "")])
