"""Session 61 (helper C): A2's Left (session 60, "a household gone from a merged hamlet's part is
told gone, back after silence and while silent"): June's year table tells nowhere the leaving of
a household whose start hamlet is silent that month. Decided right, pinned here: the year's
table is the start list against now, hamlet by hamlet; a hamlet silent now has no table, and
the commune's sums the hamlets that sent (like with like, CONTRACT §4), so a start household of
a silent hamlet is in no year table that month, whatever list left it off. Its leaving is told
in the month's table of the hamlet whose list left it off (that month), and in its start
hamlet's year table the month that hamlet sends (A2's July, test (b) of
`tests/test_session60_a2_gone_while_merged_silent.py`): once in each.

Session 60 A's fixture: April Nà Mòn NM1 poor; Bản Cọ BC1, BC2 near-poor; Đồng Kè DK1 poor;
Khuôn Lăn KL1, KL3 poor, KL2 near-poor. May: BC1 on Nà Mòn's list, KL2 on Đồng Kè's. June's
revised plan merges Nà Mòn into Đồng Kè and Bản Cọ into Khuôn Lăn renamed 'Lăn Hạ' (the start
list writes NM1, DK1 under Đồng Kè; BC1, BC2, KL1, KL3, KL2 under Lăn Hạ). June: Đồng Kè alone
sends (NM1, DK1, KL2): BC1 is on no list."""

from __future__ import annotations

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session60_a2_gone_while_merged_silent import merged_june

NM1, DK1 = person("NM1", "poor"), person("DK1", "poor")
BC1, BC2 = person("BC1", "near_poor"), person("BC2", "near_poor")
KL1, KL3, KL2 = person("KL1", "poor"), person("KL3", "poor"), person("KL2", "near_poor")


def test_a_start_household_of_a_silent_hamlet_gone_now_is_in_no_year_table_that_month(tmp_path):
    """Worked by hand, June. The month's table: Đồng Kè beside May's Đồng Kè (DK1 poor, KL2
    near-poor) and Nà Mòn (NM1 poor, BC1 near-poor) lists: poor 2 to 2; near-poor 2, BC1 gone
    (col. 3) 1, 1; the commune's the same. The year's table against June's start list: Đồng Kè
    poor NM1, DK1 2 to 2; near-poor 0, KL2 moved in from Lăn Hạ 1, 1; Lăn Hạ silent, no table;
    the commune's Đồng Kè's (its near-poor start 0 is Đồng Kè's, not the start list's 3). BC1,
    of Lăn Hạ on the start list, in no year table: gone once, in Đồng Kè's month table ("So
    với tháng trước"); KL2's move in counted on one side, Lăn Hạ's year table moving it out
    when Lăn Hạ sends."""
    _, out, june = merged_june(tmp_path)
    hamlets = {h["hamlet"]: h for h in june["hamlets"]}
    assert (hamlets["Lăn Hạ"]["status"], hamlets["Lăn Hạ"]["movements"]) == ("missing", None)
    month = ((2, *[0] * 9, 2), (2, 0, 1, *[0] * 7, 1))
    year = ((2, *[0] * 9, 2), (0, *[0] * 7, 1, 0, 1))
    assert table(hamlets["Đồng Kè"]["movements_month"]) == month
    assert table(june["totals"]["movements_month"]) == month
    assert table(hamlets["Đồng Kè"]["movements"]) == year
    assert table(june["totals"]["movements"]) == year
    assert listed_movements(out, "2024-06") == [
        ("Đồng Kè", "KL2", "Chuyển đến từ Lăn Hạ", "Từ đầu năm"),
        ("Đồng Kè", "BC1", "Không còn trong danh sách (đề nghị xác nhận)", "So với tháng trước"),
    ]
