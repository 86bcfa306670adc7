"""Session 64 (helper A2): a hamlet back in the plan whose list a month of the very same plan
file told.

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor, each plan's start list the lists it is given (100 households a hamlet). The
plan gives Khuổi Hin K1, K2; March's and April's plans drop Khuổi Hin; May's is the first
plan's file again. Where February accepted Khuổi Hin's list under that plan, its year table
told K2 (gone, asked then): tests/test_session64_a_back_in_plan.py's last case, A's strict xfail
until this session. Here, its guard: February's run had the same plan but no list of Khuổi
Hin, so no table told K2 before May.
"""

from __future__ import annotations

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session63_e_back_start_rows import K1, MAR, run_steps
from tests.test_session64_a_back_in_plan import K2, asked, poor_of

GONE = "Không còn trong danh sách (đề nghị xác nhận)"


def test_a_start_row_of_a_hamlet_silent_under_the_same_plan_leaves_when_it_is_back(tmp_path):
    """The plan Khuổi Hin K1, K2 in February (Khuổi Hin sends nothing), March and April drop
    it, May's is February's file again, Khuổi Hin's list K1, June the same. No list of Khuổi
    Hin before May: no month told K2. Worked by hand, May: Khuổi Hin against the start list
    (K1, K2): 2, gone 1 (K2), 1, in both tables; the commune 4, gone 1, 3; K2 asked now, once.
    June: the month table against May's list (K1) 1 to 1, the commune 3 to 3; the year's row
    of K2 "từ tháng 5/2024", not asked again."""
    plan = {"Khuổi Hin": [K1, K2], **MAR}
    lists = {"Khuổi Hin": [K1], **MAR}
    steps = [("2024-02", plan, MAR), ("2024-03", MAR, MAR), ("2024-04", MAR, MAR),
             ("2024-05", plan, lists), ("2024-06", plan, lists)]  # fmt: skip
    done, out = run_steps(tmp_path, steps)
    may, june = done["2024-05"], done["2024-06"]
    gone = (2, 0, 1, *[0] * 7, 1)
    for key in ("movements_month", "movements"):
        assert poor_of(may, key)["Khuổi Hin"] == gone, key
        assert poor_of(may, key)[None] == (4, 0, 1, *[0] * 7, 3), key
    assert asked(out, "2024-05") == ["K2 (Hoàng Văn K2)"]
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "K2", GONE, "Từ đầu năm"),
        ("Khuổi Hin", "K2", GONE, "So với danh sách đầu năm"),
    ]
    assert poor_of(june, "movements_month")["Khuổi Hin"] == (1, *[0] * 9, 1)
    assert poor_of(june, "movements_month")[None] == (3, *[0] * 9, 3)
    assert poor_of(june, "movements")["Khuổi Hin"] == gone
    assert asked(out, "2024-06") == []
    assert listed_movements(out, "2024-06") == [
        ("Khuổi Hin", "K2", "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip
