"""Session 66 (reviewer RE): E's Left (4), a start row a revision moves to a hamlet silent
since the start of the year, told gone before by the hamlet it was given then.

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor. February to April the plan gives Khuổi Hin K1 and B2 (Hoàng Văn B2), Nà Mòn
N1, Đồng Kè C1; Khuổi Hin's lists write K1, Đồng Kè's C1, Nà Mòn sends nothing. February's
table counts B2 gone in Khuổi Hin and asks its head. May's plan (a revision) moves B2 (the same
head) to Nà Mòn's start rows; Nà Mòn's first list (May, June) writes N1.

By session 66 E's rule (one household, one leaving, one question: the record told B2's code
gone in February, its head the same) B2's leaving is February's. Now Nà Mòn's first list is
compared with its start rows, B2 among them, and the history walk, which takes a start row off
only at a list of its hamlet now, takes B2 off at May's: May asks Khuổi Hin's February question
again, of Nà Mòn's head, and counts B2 gone in both May tables. Fixed by helper S (session 66):
the walk is told the month a record told a start row gone (``told``: it leaves the lists then,
its hamlet now silent then or not) and the silent hamlet's start column leaves out such a row
(docs/decisions.md, "Session 66: a start row told gone by a month's record left then, its
hamlet now silent since the start ..." (S)).
"""

from __future__ import annotations

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session63_e_back_start_rows import B2, C1, FEB, K1, N1, run_steps
from tests.test_session64_a_back_in_plan import asked, poor_of

FIRST = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
MOVED = {"Khuổi Hin": [K1], "Nà Mòn": [N1, B2], "Đồng Kè": [C1]}
SILENT = {"Khuổi Hin": [K1], "Đồng Kè": [C1]}  # Nà Mòn sends nothing
ONE = (1, *[0] * 9, 1)


def test_a_row_moved_to_a_hamlet_silent_since_the_start_told_gone_before_is_not_asked_again(
    tmp_path,
):
    """Worked by hand. February: Khuổi Hin 2, gone 1 (B2), 1, Đồng Kè 1 to 1, the commune 3,
    gone 1, 2 (Nà Mòn missing); B2 asked of Khuổi Hin's head. May (the revision, Nà Mòn's first
    list): the year's table Khuổi Hin 1 to 1, Nà Mòn 2, gone 1 (B2), 1, the commune 4, gone 1,
    3, B2's row "từ tháng 2/2024"; the month's table Nà Mòn against its start rows but B2 (told
    gone in February): 1 to 1, the commune 3 to 3; nothing asked; June the same. Before helper S: May's
    month table Nà Mòn 2, gone 1, 1, the commune 4, gone 1, 3, "B2 (Hoàng Văn B2)" asked again
    (of Nà Mòn's head), June "từ tháng 5/2024"."""
    steps = [(p, FIRST, SILENT) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, MOVED, FEB) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["B2 (Hoàng Văn B2)"]
    assert poor_of(done["2024-02"], "movements")[None] == (3, 0, 1, *[0] * 7, 2)
    since_feb = "Không còn trong danh sách từ tháng 2/2024 (đã hỏi xóm Khuổi Hin; không ghi 'Thoát')"  # the hamlet asked named: session 67, C
    for period in ("2024-05", "2024-06"):
        summary = done[period]
        assert poor_of(summary, "movements")["Nà Mòn"] == (2, 0, 1, *[0] * 7, 1), period
        assert poor_of(summary, "movements")[None] == (4, 0, 1, *[0] * 7, 3), period
        assert poor_of(summary, "movements_month")["Nà Mòn"] == ONE, period
        assert poor_of(summary, "movements_month")[None] == (3, *[0] * 9, 3), period
        assert asked(out, period) == [], period
        assert listed_movements(out, period) == [("Nà Mòn", "B2", since_feb, "Từ đầu năm")]
