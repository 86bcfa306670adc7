"""Session 61 (R1, review of D): a group's subtotal the head left at 0 under its rows ('Cộng tổ
1 | 0 | … | 0', a template's subtotal never filled) is no household '0'.

Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's name, D Năm sinh, H Số nhân khẩu, I
Phân loại hộ (tests.test_session52_total_sums.total_sums_run); each household 4 people.
"""

from __future__ import annotations

from pipeline.run import collect
from tests.commune import person
from tests.test_session52_total_sums import household_row, total_sums_run

ROWS = [person("NM1", "poor"), person("NM2", "poor"), None, person("NM3", "poor"), None]
HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]


def test_a_groups_subtotal_left_at_0_under_its_rows_is_said_stale(tmp_path):
    """Rows 5-6 NM1, NM2; row 7 'Cộng tổ 1 | 0 | … | 0' (count and people 0); row 8 NM3; row 9
    'Cộng tổ 2 | 1 | … | 4' (right). By hand: row 7 a stale subtotal of rows 5-6, said
    subtotal-differs at B7 (0 where 2 households) and H7 (0 where 4 + 4 = 8 people); row 9
    right, unsaid; 3 households, all poor. Before: row 7 read as a household coded '0' (its size
    and class said at H7, I7) and row 9's count said differing at B9."""
    lines = {7: {3: "Cộng tổ 1", 2: 0, 8: 0}, 9: {3: "Cộng tổ 2", 2: 1, 8: 4}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines)
    assert (said, read, counts) == (
        [("subtotal-differs", "B7"), ("subtotal-differs", "H7")], HOUSEHOLDS, (3, 0)
    )  # fmt: skip
    result, _ = collect(tmp_path, None, workers=0)
    told = [i for i in result.issues if i.code == "subtotal-differs"]
    assert [i.message("vi").split(": ", 1)[1].split(".")[0] for i in told] == [
        "cột B 'Mã hộ' ghi 0, các dòng 5–6 có 2 ô ghi",
        "cột H 'Số nhân khẩu' ghi 0, cộng các dòng 5–6 được 8",
    ]


def test_a_groups_subtotal_with_its_count_alone_at_0_is_said_stale(tmp_path):
    """Row 7 'Cộng tổ 1 | 0' (the count alone, no other figure) under NM1, NM2. By hand: said
    subtotal-differs at B7; 3 households. Before: a household coded '0' (H7, I7 said)."""
    lines = {7: {3: "Cộng tổ 1", 2: "0"}, 9: {3: "Cộng tổ 2", 2: 1, 8: 4}}
    said, read, counts = total_sums_run(tmp_path, ROWS, lines)
    assert (said, read, counts) == ([("subtotal-differs", "B7")], HOUSEHOLDS, (3, 0))


def test_a_groups_subtotal_of_0_beside_a_figure_is_a_household_as_before(tmp_path):
    """Guard (passes before and after): row 7 'Cộng tổ 1 | 0 | … | 5' (5 people: no sum of
    rows 5-6, whose people are 8, nor 0) is not a subtotal left empty: read as before, a
    household coded '0' whose class is said at I7."""
    lines = {7: {3: "Cộng tổ 1", 2: 0, 8: 5}, 9: {3: "Cộng tổ 2", 2: 1, 8: 4}}
    said, read, _ = total_sums_run(tmp_path, ROWS, lines)
    assert ("subtotal-differs", "B7") not in said
    assert ("0", "Cộng tổ 1", False) in read
