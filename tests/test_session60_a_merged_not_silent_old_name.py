"""Session 60 (helper A): the mergers oracle's seed 1251, worked small. June's revised plan
merges Nà Mòn into Đồng Kè and Bản Cọ into Khuôn Lăn, renamed 'Lăn Hạ' (the start list writes
Nà Mòn's household under Đồng Kè, Bản Cọ's and Khuôn Lăn's under Lăn Hạ). In June Đồng Kè alone
sends (Lăn Hạ silent), in July Lăn Hạ alone (Đồng Kè silent).

Nà Mòn's May list holds its own NM1 and BC1, a Bản Cọ household that moved in in May: one of
its two households is under Đồng Kè, one under Lăn Hạ, and since May had Đồng Kè too, the
rename rule (half under a name the month had, half under a new one: the rename, session 41)
read Nà Mòn as an old name of the silent Lăn Hạ. So BC1, gone from the lists in June, was
"still where it was last seen" in the silent Lăn Hạ, moved out of Đồng Kè; and July's Lăn Hạ
was set beside Nà Mòn's May list too (merged from it), moving NM1 and BC1 out of it again.

Decided (one household, one story): a name merged into a hamlet that is not the one looked for
(June's merger into Đồng Kè, or a stored month's ``merged_since``) is never a silent hamlet's
old name, nor an old name of another hamlet back after silence."""

from __future__ import annotations

from datetime import date

from tests.commune import person
from tests.test_session56_b_turn_moved import table
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

NM1, DK1 = person("NM1", "poor"), person("DK1", "poor")
BC1, BC2 = person("BC1", "near_poor"), person("BC2", "near_poor")
KL1, KL3, KL2 = person("KL1", "poor"), person("KL3", "poor"), person("KL2", "near_poor")
START = {"Nà Mòn": [NM1], "Bản Cọ": [BC1, BC2], "Đồng Kè": [DK1], "Khuôn Lăn": [KL1, KL3, KL2]}


def _months(tmp_path, july: bool) -> list[dict]:
    """April: each hamlet its start list. May: BC1 moved to Nà Mòn, KL2 to Đồng Kè. June (the
    plan revised): Đồng Kè lists NM1, DK1, KL2 (BC1 on no list); Lăn Hạ silent. July: Lăn Hạ
    lists BC2, KL1, KL3; Đồng Kè silent."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_2024(folder, START)
    run_month_lists(folder, out, "2024-04", START, date(2024, 5, 3))
    may = {"Nà Mòn": [NM1, BC1], "Bản Cọ": [BC2], "Đồng Kè": [DK1, KL2], "Khuôn Lăn": [KL1, KL3]}
    run_month_lists(folder, out, "2024-05", may, date(2024, 6, 3))
    write_plan_2024(folder, {"Đồng Kè": [NM1, DK1], "Lăn Hạ": [BC1, BC2, KL1, KL3, KL2]})
    june = run_month_lists(folder, out, "2024-06", {"Đồng Kè": [NM1, DK1, KL2]}, date(2024, 7, 3))
    if not july:
        return [june]
    lists = {"Lăn Hạ": [BC2, KL1, KL3]}
    return [june, run_month_lists(folder, out, "2024-07", lists, date(2024, 8, 3))]


def _status(summary: dict) -> list[tuple[str, str]]:
    return [(h["hamlet"], h["status"]) for h in summary["hamlets"]]


def test_a_household_gone_from_the_hamlet_merged_into_one_that_sent_has_left_the_lists(tmp_path):
    """Worked by hand. June, Đồng Kè beside May's Đồng Kè (DK1 poor, KL2 near-poor) and Nà Mòn
    (NM1 poor, BC1 near-poor) lists: poor 2 to 2; near-poor 2, BC1 on no list now: it was last
    listed in Nà Mòn, now Đồng Kè, which sent and left it off: gone from the lists (col. 3) 1;
    1 (KL2). The commune's month table is Đồng Kè's (Lăn Hạ silent). The year's table against
    June's start list (Đồng Kè NM1, DK1): poor 2 to 2; near-poor none, KL2 moved in, 1. Before:
    BC1 moved out (col. 5) to the silent Lăn Hạ, Nà Mòn read as its old name."""
    (june,) = _months(tmp_path, july=False)
    assert _status(june) == [("Đồng Kè", "ok"), ("Lăn Hạ", "missing")]
    hamlet = june["hamlets"][0]
    assert hamlet["merged_from"] == ["Nà Mòn"]
    month = ((2, *[0] * 9, 2), (2, 0, 1, *[0] * 7, 1))
    year = ((2, *[0] * 9, 2), (0, *[0] * 7, 1, 0, 1))
    assert table(hamlet["movements_month"]) == month
    assert table(june["totals"]["movements_month"]) == month
    assert table(hamlet["movements"]) == year
    assert table(june["totals"]["movements"]) == year


def test_a_renamed_hamlet_back_after_silence_is_beside_its_own_lists_not_a_third_hamlets(
    tmp_path,
):
    """Worked by hand. July, Lăn Hạ beside its latest lists, May's Khuôn Lăn (KL1, KL3 poor:
    Khuôn Lăn renamed, the larger list) and Bản Cọ (BC2 near-poor: merged into it): poor 2 to 2,
    near-poor 1 to 1, nothing moved. Nà Mòn's May list is Đồng Kè's (merged into it in June):
    NM1 is on Đồng Kè's June list, BC1's leaving the lists was told in June. The commune's month
    table is Lăn Hạ's (Đồng Kè silent). The year's table against the start list (Lăn Hạ KL1, KL3
    poor; BC1, BC2, KL2 near-poor): poor 2 to 2; near-poor 3, BC1 gone from the lists (June's
    Đồng Kè list left it off: session 60, A2) 1, KL2 moved out (to Đồng Kè in May) 1, 1.
    Before: Lăn Hạ also set beside Nà Mòn's May list, merged from it: poor 3, NM1 moved out, 2;
    near-poor 2, BC1 moved out again, 1."""
    _, july = _months(tmp_path, july=True)
    assert _status(july) == [("Đồng Kè", "missing"), ("Lăn Hạ", "ok")]
    hamlet = july["hamlets"][1]
    assert hamlet["merged_from"] == ["Bản Cọ"]
    assert [r["hamlet"] for r in hamlet["renamed_from"]] == ["Khuôn Lăn"]
    month = ((2, *[0] * 9, 2), (1, *[0] * 9, 1))
    year = ((2, *[0] * 9, 2), (3, 0, 1, 0, 1, *[0] * 5, 1))
    assert table(hamlet["movements_month"]) == month
    assert table(july["totals"]["movements_month"]) == month
    assert table(hamlet["movements"]) == year
    assert table(july["totals"]["movements"]) == year
