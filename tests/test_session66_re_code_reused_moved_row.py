"""Session 66 (reviewer RE): a code told gone in one hamlet, a revision giving another household
the same code in another hamlet.

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor. February to April the plan gives Khuổi Hin K1 and B2 (Hoàng Văn B2), Nà Mòn N1,
Đồng Kè C1; every list writes K1, N1, C1 alone: February's table counts B2 gone in Khuổi Hin
and asks Khuổi Hin's head about Hoàng Văn B2 (the record: B2 ``unlisted`` under Khuổi Hin).
May's plan (a revision) takes B2 off Khuổi Hin's start rows and gives Nà Mòn a start row B2
whose head is Lò Thị Khác (another name, another ID number): a code used for two households,
one in each hamlet (session 48: two households, moves.code_reused / timeline.same_head).

Session 66 E's rule matched a record's code under any hamlet, by the code alone: Lò Thị Khác's
row took Hoàng Văn B2's February leaving, so nobody was ever asked about Lò Thị Khác and June
said her household gone "từ tháng 2/2024". By hand: February's question named Hoàng Văn B2, of
Khuổi Hin; no list and no question ever told Lò Thị Khác, so hers is the row a revision gave
Nà Mòn after its lists, no month told (session 65 A2): May's lists tell it, gone now.
"""

from __future__ import annotations

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session63_e_back_start_rows import B2, C1, FEB, K1, N1, run_steps
from tests.test_session64_a_back_in_plan import asked, poor_of

OTHER = person("B2", "poor", chu_ho="Lò Thị Khác")  # another household under the code B2
FIRST = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
REVISED = {"Khuổi Hin": [K1], "Nà Mòn": [N1, OTHER], "Đồng Kè": [C1]}
GONE_ONE = (2, 0, 1, *[0] * 7, 1)  # 2, gone 1, 1
ONE = (1, *[0] * 9, 1)


def test_another_household_under_a_code_told_gone_in_another_hamlet_is_asked_of_its_own(tmp_path):
    """Worked by hand. February: Khuổi Hin 2, gone 1 (Hoàng Văn B2), 1; asked about
    "B2 (Hoàng Văn B2)". March, April: 1 to 1 a hamlet. May (the revision): the year's table
    Khuổi Hin 1 to 1, Nà Mòn 2, gone 1 (Lò Thị Khác), 1, the commune 4, gone 1, 3; the month's
    table Nà Mòn 2, gone 1, 1 (her row in its month column: the (*) note's ``month_started``
    {'Nà Mòn': ['B2']}), the commune 4, gone 1, 3; Nà Mòn's head asked about "B2 (Lò Thị
    Khác)", both her rows "Không còn trong danh sách (đề nghị xác nhận)". June: nothing asked,
    her row "từ tháng 5/2024", the month's tables 1 to 1. Before this fix (E's code alone): May
    asked nothing, the month's tables 1 to 1 (the commune 3 to 3), ``month_started`` {}, May's
    and June's row "từ tháng 2/2024" (February's question about Hoàng Văn B2 taken for hers)."""
    steps = [(p, FIRST, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, REVISED, FEB) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["B2 (Hoàng Văn B2)"]
    assert poor_of(done["2024-02"], "movements")["Khuổi Hin"] == GONE_ONE
    may = done["2024-05"]
    for key in ("movements", "movements_month"):
        assert poor_of(may, key)["Khuổi Hin"] == ONE, key
        assert poor_of(may, key)["Nà Mòn"] == GONE_ONE, key
        assert poor_of(may, key)[None] == (4, 0, 1, *[0] * 7, 3), key
    assert may["month_started"] == {"Nà Mòn": ["B2"]}
    assert asked(out, "2024-05") == ["B2 (Lò Thị Khác)"]
    now = "Không còn trong danh sách (đề nghị xác nhận)"
    assert listed_movements(out, "2024-05") == [
        ("Nà Mòn", "B2", now, "Từ đầu năm"),
        ("Nà Mòn", "B2", now, "So với danh sách đầu năm"),
    ]
    june = done["2024-06"]
    assert poor_of(june, "movements")["Nà Mòn"] == GONE_ONE
    assert poor_of(june, "movements_month")[None] == (3, *[0] * 9, 3)
    assert asked(out, "2024-06") == []
    since_may = "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')"
    assert listed_movements(out, "2024-06") == [("Nà Mòn", "B2", since_may, "Từ đầu năm")]


def test_the_same_household_moved_with_its_head_written_otherwise_is_still_told_once(tmp_path):
    """E's case with the revision writing the moved row's head in NFD and upper case ("HOÀNG
    VĂN B2", the same head folded): one household, told gone in February. Worked by hand (E's
    figures): May and June the year's table Nà Mòn 2, gone 1, 1, the month's tables 1 to 1 a
    hamlet, the commune 3 to 3, nothing asked, the row "từ tháng 2/2024"."""
    import unicodedata

    same = {**B2, "chu_ho": unicodedata.normalize("NFD", "HOÀNG VĂN B2")}
    moved = {"Khuổi Hin": [K1], "Nà Mòn": [N1, same], "Đồng Kè": [C1]}
    steps = [(p, FIRST, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, moved, FEB) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    since_feb = "Không còn trong danh sách từ tháng 2/2024 (đã hỏi xóm Khuổi Hin; không ghi 'Thoát')"  # the hamlet asked named: session 67, C
    for period in ("2024-05", "2024-06"):
        summary = done[period]
        assert poor_of(summary, "movements")["Nà Mòn"] == GONE_ONE, period
        assert poor_of(summary, "movements_month")["Nà Mòn"] == ONE, period
        assert poor_of(summary, "movements_month")[None] == (3, *[0] * 9, 3), period
        assert summary["month_started"] == {}, period
        assert asked(out, period) == [], period
        assert listed_movements(out, period) == [("Nà Mòn", "B2", since_feb, "Từ đầu năm")]
