"""Session 34: the move-out title written again the month after the move, while the hamlet it
names has its list refused (docs/decisions.md, "Session 34: a silent hamlet's other readers, and
the start list under several plans", the case its tests left uncovered). The small commune
(tests.commune): the start list's Nà Mòn NM1, NM2, NM3 poor, NM4, NM5 near-poor, Bản Cọ BC1, BC2
poor, BC3 near-poor, every head 'Hoàng Văn <code>' born 1970."""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import month_lists, moves
from tests.test_session32_recoded_after import about, lists, year_moves
from tests.test_session32_recoded_move import recoded
from tests.test_session34_a_silent_moves import stored


def test_the_title_again_beside_a_refused_list_of_the_hamlet_named(tmp_path):
    """April: every household where the start list has it. May: Nà Mòn writes NM3 under 'Hộ
    chuyển đi xóm Bản Cọ', Bản Cọ writes it as BC9: paired, moved out / moved in. June: Nà Mòn
    writes the same title row again; Bản Cọ's list is refused (its 'Tổng số hộ' is 'abc').
    Nà Mòn poor 3 − 1 moved out = 2; Bản Cọ, refused, has no tables, so the commune's totals
    are Nà Mòn's alone (3 − 1 moved out = 2); NM3 stays stored moved_poor. The refusal is said
    at Bản Cọ's file; NM3's row is not told moved-not-listed ('refused'), as it was before
    session 34: the move was paired in May, as when Bản Cọ sends nothing (the silent case)."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    execute(folder, out, "2024-04")
    na_mon, ban_co = lists(extra_ban=[recoded("NM3", "BC9", "poor")])
    month_lists(folder, "2024-05", na_mon, ban_co, [person("NM3", "poor")])
    may, _, _ = execute(folder, out, "2024-05")
    assert year_moves(may) == [
        ("Bản Cọ", "BC9", "moved_in", "Nà Mòn"), ("Nà Mòn", "NM3", "moved_out", "Bản Cọ")
    ]  # fmt: skip
    na_mon, ban_co = lists(extra_ban=[recoded("NM3", "BC9", "poor")])
    month_lists(folder, "2024-06", na_mon, ban_co, [person("NM3", "poor")])
    write_roster(folder, "BanCo_2024-06.xlsx", "Bản Cọ", "abc", ban_co, period="2024-06",
                 prepared=date(2024, 7, 3))  # fmt: skip
    june, _, _ = execute(folder, out, "2024-06")
    assert hamlet_figures(june, "Bản Cọ")["status"] == "rejected"
    assert [i.file for i in june.issues if i.code == "invalid-total-households"] == [
        "BanCo_2024-06.xlsx"
    ]
    assert moves(hamlet_figures(june, "Nà Mòn"))["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    assert moves(june.summary["totals"])["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    assert year_moves(june) == [("Nà Mòn", "NM3", "moved_out", "Bản Cọ")]
    assert about(june, "NM3", "BC9") == []
    assert stored(out, "2024-06", ("NM3", "BC9")) == [("Nà Mòn", "NM3", "moved_poor")]
